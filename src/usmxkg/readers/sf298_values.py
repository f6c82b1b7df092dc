"""Shapes of the values of a Report Documentation Page, which tell a displaced value its box.

PDF-to-text often moves a value away from its label (a row of values under
a row of labels, the title pushed past the next column's labels). Each box
expects a shape (:class:`usmxkg.readers.sf298_labels.Box`): a date, a range
of dates, a report type, a person's name, an organisation and its address,
a code, a count, a security marking, or text. :func:`fits` says whether a
value has the shape a box expects; the helpers below cut a value into the
terms, names or organisation lines the box holds.
"""

from __future__ import annotations

import re

from usmxkg.document import Document, Span
from usmxkg.readers.datelines import is_date
from usmxkg.readers.names import TITLE_PREFIX, rank_prefix_end, read_byline, split_names
from usmxkg.readers.orgs import has_head, organisation_parts
from usmxkg.readers.outline import strip_span
from usmxkg.readers.sf298_labels import BOXES, Box, squash

_TERM_SPLIT = re.compile(r"[,;]")
_RANGE = re.compile(r"^(?P<a>.{0,25}?\d.{0,25}?)\s*(?:-|–|\bto\b|\bthru\b)\s*(?P<b>.{0,25}\d.{0,25})$", re.IGNORECASE)
_TYPE_WORDS = re.compile(
    r"\b(?:thesis|dissertation|final|interim|monograph|essay|research|paper|report|project|study|technical"
    r"|annual|master|student|professional|capstone|occasional|special)\b", re.IGNORECASE)
_COUNT = re.compile(r"^[0-9]{1,3}(?:,?[0-9]{3})*$")
"""A count in ASCII digits, grouped by commas or not: "²" or "10⁵" is no number of pages (``isdigit`` says it is)."""
_CLASS = re.compile(r"^(?:UNCLASSIFIED|Unclassified|unclassified|CONFIDENTIAL|SECRET|U|UU|SAR|FOUO)$")
_CODE = re.compile(r"^[A-Z0-9][A-Z0-9/._\-]*(?:\s+[A-Z0-9/._\-]+){0,2}$")
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-Ý][\w'’.-]*|[A-Z]\.|de|da|del|dos|du|la|le|van|von|der|y)[,]?$")


def cut_label(text: str) -> bool:
    """A label cut short where the text ends ("9. SPONSORING/MONI" in an excerpt): no value."""
    letters = squash(text)
    return len(letters) >= 5 and text.upper() == text and any(
        box.letters.startswith(letters) and box.letters != letters for box in BOXES)


LOOSE = frozenset({"title", "text", "terms", "type"})


def fits(box: Box, text: str) -> bool:
    """Whether a value has the shape the box expects."""
    shape = box.shape
    if shape == "none":
        return False
    if shape == "date":
        return is_date(text)
    if shape == "dates":
        return bool(_RANGE.match(text))
    if shape == "count":
        return bool(_COUNT.match(text))
    if shape == "class":
        return bool(_CLASS.match(text))
    if shape == "code":
        return bool(_CODE.match(text)) and len(text) <= 30 and not is_date(text)
    if shape == "names":
        return name_like(text)
    if shape == "org":
        return bool(organisation_parts(text)) and (has_head(text) or "," in text)
    if shape == "type":
        words = len(text.split())
        return words <= 6 and (bool(_TYPE_WORDS.search(text)) or (text.isupper() and words <= 3))
    return any(c.isalpha() for c in text)


def strict_shape(text: str) -> bool:
    """A value that is plainly a date, a range, a number or a code, which no loose box should take."""
    return is_date(text) or bool(_RANGE.match(text) and len(text) < 40) or text.replace(",", "").isdigit() \
        or bool(_CLASS.match(text))


def name_like(text: str) -> bool:
    """Names as an author box prints them ("A. B. Cee", "RANK A. Cee, Rank, Service", "A and B")."""
    parts = [p for p in re.split(r"\s+and\s+|\s*[;&]\s*", text) if p.strip()]
    return bool(parts) and all(_one_name(p) for p in parts)


def _one_name(text: str) -> bool:
    first = text.split(",")[0].strip()
    words = first.split()
    if not 2 <= len(words) <= 7 or has_head(first) or any(c.isdigit() for c in first):
        return False
    return all(_NAME_WORD.match(w) for w in words)


def adviser_line(text: str) -> bool:
    """A person, not an organisation, in an organisation box ("Dr. Ann B. Cee", "Colonel Dan Eff")."""
    return name_like(text) and bool(TITLE_PREFIX.match(text) or rank_prefix_end(text) is not None
                                     or re.search(r"(?:^|\s)[A-Z]\.\s", text))


def title_like(text: str) -> bool:
    return len(text.split()) >= 2 and any(c.isalpha() for c in text) and not strict_shape(text) \
        and not name_like(text)


def title_span(doc: Document, piece: Span) -> Span:
    """A title without the closing period or scan junk the form's rule left ("… Problem. I")."""
    text = piece.text
    if text.endswith(".") and not re.search(r"\b[A-Z]\.$|\b(?:U\.S|Jr|Inc|etc)\.$", text):
        return strip_span(doc, piece.start, piece.end - 1, marks=False)
    return piece



def terms(doc: Document, value: Span) -> list[Span]:
    """Subject terms: one span per comma- or semicolon-separated term, without a closing period."""
    out = []
    pos = value.start
    for part in _TERM_SPLIT.split(value.text):
        term = strip_span(doc, pos, pos + len(part), marks=False)
        pos += len(part) + 1
        if term.text.endswith("."):
            term = doc.span(term.start, term.end - 1)
        if term.text:
            out.append(term)
    return out


def names(doc: Document, value: Span) -> list[Span]:
    """Names of an author box: one span per name ("A and B", "A; B"), rank, title and service dropped."""
    out = []
    for part in split_names(doc, value.start, value.end):
        name = read_byline(doc, part.start, part.end).name
        if name is not None:
            out.append(name)
    return out
