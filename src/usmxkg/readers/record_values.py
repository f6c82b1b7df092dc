"""Value conventions of catalogue records: what part of a printed value names the thing a field holds.

Catalogues print more than the value: the place before the publisher
("Monterey, California. Naval Postgraduate School", the imprint convention of
AACR2/RDA 2.8), the parent body before a subordinate one ("Library of
Congress. Congressional Research Service", the Library of Congress corporate
heading convention), the city and state after DTIC's corporate authors
("NAVAL POSTGRADUATE SCHOOL MONTEREY CA"), a season before the year
("Spring 2015"). Field spans must cover the value only, so the same
organisation or date is read the same way whichever catalogue printed it.
"""

from __future__ import annotations

import re

from usmxkg.document import Document, Span
from usmxkg.orgwords import has_organisation_word
from usmxkg.readers.labelled import folded

WORK_TYPES: dict[str, str] = {
    "thesis": "Thesis", "dissertation": "Thesis", "master's thesis": "Thesis", "doctoral dissertation": "Thesis",
    "thesis or dissertation": "Thesis", "theses": "Thesis", "capstone": "Thesis", "honors thesis": "Thesis",
    "report": "Report", "technical report": "Report", "research report": "Report", "final report": "Report",
    "crs report": "Report", "working paper": "Report", "strategy research project": "Report",
    "monograph": "Book", "book": "Book", "article": "JournalArticle", "journal article": "JournalArticle",
    "book chapter": "BookChapter", "chapter": "BookChapter",
}
"""A catalogue's type values (case-folded) → class of the work the record describes."""

_FOLDED_TYPES = {folded(key): kind for key, kind in WORK_TYPES.items()}
"""Type values with OCR confusions folded ("Tliesis" is "Thesis")."""

_TYPE_WORDS = (
    (re.compile(r"\b(?:thesis|theses|dissertation)\b", re.IGNORECASE), "Thesis"),
    (re.compile(r"\bchapter\b", re.IGNORECASE), "BookChapter"),
    (re.compile(r"\barticle\b", re.IGNORECASE), "JournalArticle"),
    (re.compile(r"\b(?:report|rept\.?|paper|study|memorandum)\b", re.IGNORECASE), "Report"),
    (re.compile(r"\bbook\b", re.IGNORECASE), "Book"),
)


def work_type_of(value: str) -> str | None:
    """The class of work a type value names ("Thesis", "Master's thesis", "Final rept."), or None."""
    key = " ".join(value.replace("’", "'").split()).casefold().rstrip(".")
    if key in WORK_TYPES:
        return WORK_TYPES[key]
    for pattern, kind in _TYPE_WORDS:
        if pattern.search(key):
            return kind
    return _FOLDED_TYPES.get(folded(key))


_IMPRINT = re.compile(r"^(?P<place>[A-Z][^.:;,|]{1,40},\s*[A-Z][^:;,|]{1,30}?)\s*(?:\.\s*:?|:|;)\s+(?=\S)")
"""'Place, State. Publisher' / 'Place, State: Publisher' / 'Place, ST; Publisher' (the place of publication first)."""

_HEADING_PART = re.compile(r"(?<=[a-z)])\.\s+(?=[A-Z])")
"""The full stop between the parts of a corporate heading ("Library of Congress. Congressional Research Service")."""


def issuing_body(doc: Document, start: int, end: int) -> Span:
    """The span of the body an imprint or corporate heading names: after the place, the last subordinate part.

    >>> from usmxkg.document import Document
    >>> d = Document("x", "x", "catalog-record", "Monterey, California. Naval Postgraduate School")
    >>> issuing_body(d, 0, len(d.text)).text
    'Naval Postgraduate School'
    >>> d = Document("x", "x", "catalog-record", "Monterey, CA; Naval Postgraduate School")
    >>> issuing_body(d, 0, len(d.text)).text
    'Naval Postgraduate School'
    >>> d = Document("x", "x", "hsdl-record", "Library of Congress. Congressional Research Service")
    >>> issuing_body(d, 0, len(d.text)).text
    'Congressional Research Service'
    """
    value = doc.text[start:end]
    imprint = _IMPRINT.match(value)
    if imprint is not None:
        start += imprint.end()
        value = doc.text[start:end]
    parts = list(_HEADING_PART.finditer(value))
    if parts and len(value[: parts[-1].start()].split()) >= 2:
        start += parts[-1].end()
    text = _QUALIFIER.sub("", doc.text[start:end]).rstrip(" .,;")
    return doc.span(start, start + len(text))


_QUALIFIER = re.compile(r"\s*\((?:U\.\s?S\.?|United States|Mexico|Mex\.)\)\s*$")
"""The jurisdiction a heading adds to tell bodies apart ("Naval Postgraduate School (U.S.)")."""

_STATE = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND "
    "OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"
).split()
_ORG_HEAD = re.compile(
    r"\b(?:SCHOOL|COLL|COLLEGE|UNIV|UNIVERSITY|CENTER|CENTRE|CTR|INST|INSTITUTE|AGENCY|OFFICE|COMMAND|CORP"
    r"|CORPORATION|SERVICE|LAB|LABS|LABORATORY|DEPT|DEPARTMENT|DIV|DIVISION|ACADEMY|FOUNDATION|COUNCIL|BOARD"
    r"|BUREAU|GROUP|ASSOCIATION|SOCIETY|INC|CO|COMMISSION|HEADQUARTERS|HQ|DIRECTORATE|FORCE|ARMY|NAVY)\b\.?"
)
_MAX_PLACE_WORDS = 3


def corporate_name(doc: Document, start: int, end: int) -> Span:
    """A DTIC corporate author without its trailing city and state ("ARMY WAR COLL CARLISLE BARRACKS PA").

    DTIC catalogues the performing organisation as NAME CITY ST; the name
    ends at its last organisational head word when at most three place words
    and a state code follow it.

    >>> from usmxkg.document import Document
    >>> d = Document("x", "x", "dtic-record", "NAVAL POSTGRADUATE SCHOOL MONTEREY CA")
    >>> corporate_name(d, 0, len(d.text)).text
    'NAVAL POSTGRADUATE SCHOOL'
    """
    value = doc.text[start:end].rstrip(" .,;")
    words = value.split()
    if len(words) >= 3 and words[-1] in _STATE:
        heads = list(_ORG_HEAD.finditer(value))
        if heads:
            rest = value[heads[-1].end():].split()
            if 1 <= len(rest) <= _MAX_PLACE_WORDS + 1:
                value = value[: heads[-1].end()].rstrip(" ,")
    return doc.span(start, start + len(value))


_SEASON_YEAR = re.compile(r"^(?:(?:Spring|Summer|Fall|Autumn|Winter)\s+|\d{1,2}-(?:\d{1,2}-)?)(?P<year>\d{4})$",
                          re.IGNORECASE)


def date_span(doc: Document, start: int, end: int) -> Span:
    """A date value; a season ("Spring 2015") or bepress's month-first "5-2015" keeps its year only.

    Those forms state no day or no unambiguous month in ISO terms, so the
    year is the precision the record vouches for.
    """
    value = doc.text[start:end]
    match = _SEASON_YEAR.match(value.strip())
    if match is not None:
        lead = len(value) - len(value.lstrip())
        return doc.span(start + lead + match.start("year"), start + lead + match.end("year"))
    return doc.span(start, end)


def is_organisation(value: str) -> bool:
    """A name that is an organisation (a head noun such as Office, Service, University), not a person."""
    return has_organisation_word(value)


_QUOTED = re.compile(r"[\"“](?P<body>.+?)(?:[\"”]|$)", re.DOTALL)


def unquoted(doc: Document, start: int, end: int) -> Span:
    """The words inside the quotation marks of a quoted excerpt; the whole value when it is not quoted."""
    value = doc.text[start:end]
    match = _QUOTED.search(value)
    if match is None or value[: match.start()].strip():
        return doc.span(start, end)
    body_start, body_end = start + match.start("body"), start + match.end("body")
    while body_end > body_start and doc.text[body_end - 1] in " \n\"”":
        body_end -= 1
    return doc.span(body_start, body_end)
