"""Catalogue-record reader: a DSpace item page saved as text.

DSpace (Calhoun and most university repositories) prints an item's "simple
item record" as a title line followed by field labels, each on its own line,
with zero or more value lines under it ("Authors" / "Martinez, Oscar R." /
"Subjects" / one subject per line …). The "full item record" view prints
Dublin Core rows instead ("dc.contributor.author  Martinez, Oscar R.  en_US").
Both are read here. The label vocabulary is DSpace's own display labels, so
it is a format convention, not knowledge of any one record; a label outside
it is not recognised as a label (an arbitrary short line could as well be a
value such as "Thesis").

Field names are a contract with the extractors (:data:`usmxkg.document.FIELDS`):
each DSpace label maps to one of them (:data:`LABELS`), or to nothing when its
values are repository housekeeping (collections, accession dates).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from usmxkg.document import Document
from usmxkg.readers.cues import Cue, Sample
from usmxkg.readers.lines import Line, split_lines
from usmxkg.readers.registry import Reader

LABELS: dict[str, str | None] = {
    "title": "title", "alternative title": "title",
    "authors": "author", "author": "author", "author(s)": "author", "creator": "author", "creators": "author",
    "corporate author": "corporate-author", "author affiliation": "author-affiliation",
    "contributor": "contributor", "contributors": "contributor", "other contributors": "contributor",
    "editor": "contributor", "editors": "contributor",
    "subjects": "subject", "subject": "subject", "keywords": "subject", "subject keywords": "subject",
    "advisors": "advisor", "advisor": "advisor", "thesis advisor": "advisor", "thesis advisors": "advisor",
    "second reader": "second-reader", "second readers": "second-reader",
    "date of issue": "date", "date issued": "date", "issue date": "date", "date published": "date",
    "date": "date",
    "publisher": "publisher", "place of publication": None,
    "organization": "performing-organization", "sponsors": "sponsoring-agency", "sponsorship": "sponsoring-agency",
    "funder": "sponsoring-agency", "funding": "sponsoring-agency",
    "language": "language",
    "abstract": "abstract",
    "type": "type", "genre": "type",
    "department": "department", "degree name": "degree", "degree level": None, "degree discipline": None,
    "degree grantor": "degree-grantor",
    "distribution statement": "distribution",
    "rights": "rights", "license": "rights", "rights holder": None, "rights uri": "rights",
    "identifiers": "identifier", "identifier": "identifier", "uri": "identifier",
    "permanent link": "identifier", "handle": "identifier", "doi": "identifier", "url": "identifier",
    "isbn": "identifier", "issn": "identifier",
    "nps report number": "report-number", "report number": "report-number",
    "series/report no": None, "series/report no.": None, "series": None,
    "format": "extent", "extent": "extent", "pages": None, "medium": None,
    "description": None, "citation": None, "collections": None, "date accessioned": None,
    "date available": None, "relation": None, "is part of": None, "journal": None, "journal title": None,
    "journal issn": None, "volume": None, "issue": None, "notes": None, "grant number": None,
    "contract number": None, "table of contents": None, "related items": None, "edition": None,
    "files": None, "conference name": None, "embargo": None,
}
"""DSpace display labels (case-folded) → contract field names; None for labels whose values are not kept."""

LIST_FIELDS = frozenset({"author", "corporate-author", "subject", "advisor", "identifier", "second-reader",
                         "contributor", "sponsoring-agency", "report-number"})
"""Fields with one value per line (and per ';'); every other field is one span over its lines."""

FIELD_PRIORITY = ("Date of Issue", "Date Issued", "Issue Date", "Date Published")
"""Labels whose values go before a plain "Date" in ``date``, so ``first("date")`` is the issue date."""

DUBLIN_CORE: dict[str, str] = {
    "dc.title": "title", "dc.contributor.author": "author", "dc.creator": "author",
    "dc.contributor.advisor": "advisor", "dc.contributor.secondreader": "second-reader",
    "dc.subject": "subject", "dc.subject.lcsh": "subject", "dc.subject.other": "subject",
    "dc.date.issued": "date", "dc.publisher": "publisher", "dc.language": "language",
    "dc.language.iso": "language", "dc.description.abstract": "abstract", "dc.type": "type",
    "dc.contributor.department": "department", "dc.rights": "rights",
    "dc.description.distributionstatement": "distribution", "dc.identifier": "identifier",
    "dc.identifier.uri": "identifier", "dc.identifier.doi": "identifier",
    "dc.identifier.npsreport": "report-number", "dc.contributor": "contributor",
    "dc.contributor.editor": "contributor", "dc.contributor.corporate": "corporate-author",
    "dc.format.extent": "extent", "dc.description.funder": "sponsoring-agency",
    "dc.description.sponsorship": "sponsoring-agency", "dc.subject.author": "subject",
    "dc.degree.name": "degree", "dc.degree.grantor": "degree-grantor", "dc.title.alternative": "title",
}
"""Dublin Core element names of the DSpace full item record → contract field names; others are not kept."""

WORK_TYPES: dict[str, str] = {
    "thesis": "Thesis", "dissertation": "Thesis", "report": "Report", "technical report": "Report",
    "book": "Book", "article": "JournalArticle", "journal article": "JournalArticle",
    "book chapter": "BookChapter",
}
"""A catalogue's ``Type`` values (case-folded) → class of the work the record describes."""

FURNITURE = re.compile(
    r"^(?:Loading\.{3}|Loading…|Show (?:simple|full) item record|View/?\s?Open|Files in this item"
    r"|Statistics|Export citation|Share|JavaScript is disabled.*|Skip to main content)$",
    re.IGNORECASE,
)
"""Whole lines of repository page chrome that carry no metadata."""

_INLINE_LABEL = re.compile(r"^(?P<label>[A-Za-z][A-Za-z /().-]{0,40}?)\s*:\s+(?P<value>\S.*)$")
_DC_ROW = re.compile(
    r"^(?P<name>dc\.[a-z]+(?:\.[a-zA-Z]+)?)\s+(?P<value>\S.*?)(?:\s+[a-z]{2}_[A-Z]{2}|\t+[a-z]{2,3})?$"
)
_PERSISTENT_ID = re.compile(
    r"(?:https?://(?:hdl\.handle\.net|(?:dx\.)?doi\.org)/\S+|https?://\S+/handle/\d+(?:\.\d+)*/\d+"
    r"|\bhdl:\s?\d+(?:\.\d+)*/\S+|\bdoi:\s?10\.\S+)",
    re.IGNORECASE,
)
"""Handles and DOIs: persistent identifiers wherever they are printed (not every URL is one)."""
_SEPARATOR = re.compile(r"\s*;\s*")


@dataclass(slots=True)
class _Field:
    """One labelled field as read: its label and the lines under it."""

    label: str
    name: str | None
    lines: list[Line] = field(default_factory=list)


def label_of(line: str) -> str | None:
    """The DSpace label a whole line spells (case-insensitive, optional colon), else None."""
    key = line.strip().rstrip(":").strip().casefold()
    return key if key in LABELS else None


def count_labels(lines: list[str]) -> int:
    """How many distinct DSpace labels stand as whole lines; used by kind detection."""
    return len({label for label in map(label_of, lines) if label})


def count_dublin_core_rows(lines: list[str]) -> int:
    """How many lines are Dublin Core rows of a full item record; used by kind detection."""
    return sum(1 for line in lines if _DC_ROW.match(line.strip()) and line.strip().startswith("dc."))


def field_name(label: str) -> str | None:
    """Contract name of a label, or None when its values are not kept."""
    return LABELS.get(label.casefold())


def read(doc: Document) -> None:
    """Fill a CATALOG_RECORD document's fields from its labelled lines."""
    lines = [line for line in split_lines(doc.text) if not FURNITURE.match(line.text)]
    head, fields = _group(lines)
    rows = [line for line in head if line.text.startswith("dc.") and _DC_ROW.match(line.text)]
    if rows:
        _read_dublin_core(doc, rows)
    elif head and not any(f.name == "title" and f.lines for f in fields):
        doc.add_field("title", doc.span(head[0].start, head[0].end))
    for item in _ordered(fields):
        _add_values(doc, item)
    _add_urls(doc, lines)
    if "title" not in doc.fields:
        doc.warnings.append("catalogue record: no title found (no line before the first field label)")
    if not fields and not rows:
        doc.warnings.append("catalogue record: no field labels found")
    kind = doc.first("type")
    if kind is not None:
        doc.work_type = WORK_TYPES.get(" ".join(kind.text.split()).casefold(), doc.work_type)


def _group(lines: list[Line]) -> tuple[list[Line], list[_Field]]:
    """Lines before the first label, and each label with the value lines under it."""
    head: list[Line] = []
    fields: list[_Field] = []
    for line in lines:
        label = label_of(line.text)
        inline = None if label else _INLINE_LABEL.match(line.text)
        if label:
            fields.append(_Field(line.text.rstrip(":").strip(), field_name(label)))
        elif inline and label_of(inline.group("label")):
            name = field_name(inline.group("label"))
            offset = line.start + inline.start("value")
            value = Line(offset, line.end, inline.group("value"))
            fields.append(_Field(inline.group("label"), name, [value]))
        elif fields:
            fields[-1].lines.append(line)
        else:
            head.append(line)
    return head, fields


def _ordered(fields: list[_Field]) -> list[_Field]:
    """Fields in document order, except that issue-date labels go before a plain "Date"."""
    first = [f for f in fields if f.label.casefold() in {p.casefold() for p in FIELD_PRIORITY}]
    return first + [f for f in fields if f not in first]


def _add_values(doc: Document, item: _Field) -> None:
    if not item.lines or item.name is None:
        return
    if item.name in LIST_FIELDS:
        for line in item.lines:
            for start, end in _split_values(doc.text, line):
                _add_unique(doc, item.name, start, end)
    else:
        doc.add_field(item.name, doc.span(item.lines[0].start, item.lines[-1].end))


def _split_values(text: str, line: Line) -> list[tuple[int, int]]:
    """Offsets of the ';'-separated values of one line (a single value when there is no ';')."""
    out = []
    cursor = line.start
    for sep in _SEPARATOR.finditer(text, line.start, line.end):
        if sep.start() > cursor:
            out.append((cursor, sep.start()))
        cursor = sep.end()
    if line.end > cursor:
        out.append((cursor, line.end))
    return out


def _add_unique(doc: Document, name: str, start: int, end: int) -> None:
    """Add a value unless the field already holds the same text (repeated subject lists)."""
    key = " ".join(doc.text[start:end].split()).casefold()
    if any(" ".join(span.text.split()).casefold() == key for span in doc.fields.get(name, [])):
        return
    doc.add_field(name, doc.span(start, end))


def _read_dublin_core(doc: Document, rows: list[Line]) -> None:
    """Dublin Core rows of a full item record: one value per row."""
    for line in rows:
        match = _DC_ROW.match(line.text)
        if match is None:
            continue
        element = match.group("name")
        name = DUBLIN_CORE.get(element)
        if name is None:
            continue
        start = line.start + match.start("value")
        end = line.start + match.end("value")
        if name in LIST_FIELDS:
            _add_unique(doc, name, start, end)
        else:
            doc.add_field(name, doc.span(start, end))


def _add_urls(doc: Document, lines: list[Line]) -> None:
    """Handles and DOIs anywhere in the record are identifiers of the item."""
    for line in lines:
        for match in _PERSISTENT_ID.finditer(doc.text, line.start, line.end):
            end = match.end()
            while end > match.start() and doc.text[end - 1] in ".,;)>]":
                end -= 1
            _add_unique(doc, "identifier", match.start(), end)


# --------------------------------------------------------------------------- detection cues

_DSPACE_FURNITURE = re.compile(
    r"^\s*(?:Loading\.\.\.|Show (?:full|simple) item record|Files in this item)\s*$", re.MULTILINE)
_HANDLE = re.compile(r"hdl\.handle\.net/|/handle/\d+(?:\.\d+)*/\d+|\bhdl:\d")


def _dspace_labels(s: Sample) -> float:
    """Distinct DSpace labels as whole lines; four make the cue, eight double it.

    All-capital lines are left out: a thesis's "ABSTRACT" heading is not a
    repository label, which DSpace prints in title case.
    """
    found = count_labels([line.text for line in s.lines if any(c.islower() for c in line.text)])
    return 0.0 if found < 4 else min(found, 8) / 4


def _dublin_core(s: Sample) -> float:
    return float(count_dublin_core_rows([line.text for line in s.lines[:400]]) >= 3)


def _furniture(s: Sample) -> float:
    return float(s.has(_DSPACE_FURNITURE))


def _handle(s: Sample) -> float:
    return float(bool(_HANDLE.search(s.head[:20_000])))


def _long(s: Sample) -> float:
    return float(s.length >= LONG_TEXT)


LONG_TEXT = 60_000
"""A record is short: text beyond this length is a full work that merely starts with a cover sheet."""

READER = Reader(
    kind="catalog-record",
    description="repository catalogue records (DSpace item pages, simple and full views)",
    work_type="Document",
    record=True,
    cues=(
        Cue("DSpace field labels", 3.0, _dspace_labels),
        Cue("Dublin Core rows (full item record)", 4.0, _dublin_core),
        Cue("repository page furniture", 0.5, _furniture),
        Cue("handle identifier", 0.5, _handle),
        Cue("full-length text", -3.0, _long),
    ),
    read=read,
)
