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

Field names are a contract with the extractors: the common ones are mapped
to ``title``, ``author``, ``subject``, ``advisor``, ``date``, ``publisher``,
``language``, ``abstract``, ``type``, ``department``, ``distribution``,
``rights`` and ``identifier``; every other label keeps its own name,
lower-cased and hyphenated ("Series/Report No" → ``series-report-no``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from usmxkg.document import Document
from usmxkg.readers.text import Line, split_lines

MAPPED_LABELS: dict[str, str] = {
    "title": "title",
    "authors": "author", "author": "author", "author(s)": "author", "creator": "author", "creators": "author",
    "subjects": "subject", "subject": "subject", "keywords": "subject", "subject keywords": "subject",
    "advisors": "advisor", "advisor": "advisor", "thesis advisor": "advisor", "thesis advisors": "advisor",
    "date of issue": "date", "date issued": "date", "issue date": "date", "date published": "date",
    "publisher": "publisher",
    "language": "language",
    "abstract": "abstract",
    "type": "type",
    "department": "department",
    "distribution statement": "distribution",
    "rights": "rights",
    "identifiers": "identifier", "identifier": "identifier", "uri": "identifier",
    "permanent link": "identifier", "handle": "identifier", "doi": "identifier", "url": "identifier",
}
"""DSpace display labels (case-folded) → contract field names."""

OTHER_LABELS: frozenset[str] = frozenset({
    "date", "description", "series/report no", "series/report no.", "organization", "nps report number",
    "sponsors", "funder", "format", "citation", "second reader", "second readers", "collections",
    "degree name", "degree level", "degree discipline", "degree grantor", "date accessioned",
    "date available", "extent", "alternative title", "relation", "is part of", "contributor", "contributors",
    "editor", "editors", "sponsorship", "license", "rights holder", "rights uri", "isbn", "issn", "journal",
    "volume", "issue", "pages", "notes", "grant number", "contract number", "report number", "medium",
    "table of contents", "related items", "series", "genre", "place of publication", "edition",
    "journal title", "journal issn", "funding", "files", "other contributors", "author affiliation",
    "corporate author", "conference name", "embargo",
})
"""Other DSpace display labels, recorded under their own hyphenated names."""

IDENTIFIER_LABELS = frozenset({"nps report number", "report number", "isbn", "issn", "doi"})
"""Labels whose values are also identifiers of the work (report numbers, ISBN…)."""

LIST_FIELDS = frozenset({"author", "subject", "advisor", "identifier", "second-reader", "second-readers",
                         "contributor", "contributors", "editor", "editors", "sponsors", "funder",
                         "collections", "nps-report-number", "report-number", "isbn", "issn"})
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
    "dc.identifier.npsreport": "identifier",
}
"""Dublin Core element names of the DSpace full item record → contract field names."""

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
_HYPHENATE = re.compile(r"[^a-z0-9]+")


@dataclass(slots=True)
class _Field:
    """One labelled field as read: its label and the lines under it."""

    label: str
    name: str
    lines: list[Line] = field(default_factory=list)


def label_of(line: str) -> str | None:
    """The DSpace label a whole line spells (case-insensitive, optional colon), else None."""
    key = line.strip().rstrip(":").strip().casefold()
    return key if key in MAPPED_LABELS or key in OTHER_LABELS else None


def count_labels(lines: list[str]) -> int:
    """How many distinct DSpace labels stand as whole lines; used by kind detection."""
    return len({label for label in map(label_of, lines) if label})


def count_dublin_core_rows(lines: list[str]) -> int:
    """How many lines are Dublin Core rows of a full item record; used by kind detection."""
    return sum(1 for line in lines if _DC_ROW.match(line.strip()) and line.strip().startswith("dc."))


def field_name(label: str) -> str:
    """Contract name of a label: mapped names, else the label lower-cased and hyphenated."""
    key = label.casefold()
    return MAPPED_LABELS.get(key) or _HYPHENATE.sub("-", key).strip("-")


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
    if not item.lines:
        return
    if item.name in LIST_FIELDS:
        for line in item.lines:
            for start, end in _split_values(doc.text, line):
                _add_unique(doc, item.name, start, end)
                if item.label.casefold() in IDENTIFIER_LABELS:
                    _add_unique(doc, "identifier", start, end)
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
        name = DUBLIN_CORE.get(element) or _HYPHENATE.sub("-", element.split(".", 1)[1].lower()).strip("-")
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
