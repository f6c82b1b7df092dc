"""DSpace item pages saved as text: the simple and the full item record, DSpace 7 and older layouts.

DSpace (Calhoun and most university repositories) prints an item's "simple
item record" as a title line followed by field labels, each on its own line,
with zero or more value lines under it ("Authors" / "Martinez, Oscar R." /
"Subjects" / one subject per line …); an empty field is a label with nothing
under it. DSpace 7 "entities" pages add furniture lines ("Loading...",
"Thumbnail Image", "Download"); the older XMLUI handle pages, once converted,
glue a label to the end of the previous value ("2012-09Advisor", "Show full
item recordAbstract") and end with "Related items", a list of *other* works
that is page furniture, not this record's metadata. The "full item record"
view prints Dublin Core rows instead ("dc.contributor.author  Martinez, Oscar
R.  en_US"). The labelled layouts are read by :mod:`usmxkg.readers.labelled`
with DSpace's display labels (:data:`LABELS`): a format convention, not
knowledge of any one record.

Field names are a contract with the extractors (:data:`usmxkg.document.FIELDS`):
each DSpace label maps to one of them, or to nothing when its values are
repository housekeeping (collections, accession dates).
"""

from __future__ import annotations

import re

from usmxkg.document import Document
from usmxkg.readers import labelled
from usmxkg.readers.cues import Cue, Sample
from usmxkg.readers.labelled import Field, Vocabulary, add_list, add_text, add_unique
from usmxkg.readers.lines import Line, is_title_like, split_lines
from usmxkg.readers.record_values import WORK_TYPES, date_span, issuing_body, work_type_of
from usmxkg.readers.registry import Reader
from usmxkg.readers.series import apply_series

__all__ = ["DUBLIN_CORE", "LABELS", "VOCABULARY", "WORK_TYPES", "read"]

LABELS: dict[str, str | None] = {
    "title": "title", "alternative title": "title",
    "authors": "author", "author": "author", "author(s)": "author", "creator": "author", "creators": "author",
    "corporate author": "corporate-author", "author affiliation": "author-affiliation",
    "contributor": "contributor", "contributors": "contributor", "other contributors": "contributor",
    "editor": "contributor", "editors": "contributor",
    "subjects": "subject", "subject": "subject", "keywords": "subject", "subject keywords": "subject",
    "advisors": "advisor", "advisor": "advisor", "thesis advisor": "advisor", "thesis advisors": "advisor",
    "advisor(s)": "advisor", "co-advisor": "advisor",
    "second reader": "second-reader", "second readers": "second-reader", "second reader(s)": "second-reader",
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
    "files": None, "conference name": None, "embargo": None, "metadata": None,
}
"""DSpace display labels (case-folded) → contract field names; None for labels whose values are not kept."""

LIST_FIELDS = frozenset({"author", "corporate-author", "subject", "advisor", "identifier", "second-reader",
                         "contributor", "sponsoring-agency", "report-number"})
"""Fields with one value per line (and per ';'); every other field is one span over its lines."""

ISSUE_DATES = frozenset({"date of issue", "date issued", "issue date", "date published"})
"""Labels whose values go before a plain "Date" in ``date``, so ``first("date")`` is the issue date."""

FURNITURE = re.compile(
    r"^(?:Loading\.{3}|Loading…|Thumbnail Image|Thumbnail|Download|View/?\s?Open|Show (?:simple|full) item record"
    r"|Files in this item|Statistics|Export citation|Share|JavaScript is disabled.*|Skip to main content"
    r"|(?:No )?Thumbnail|Name:.*|Size:.*|Format:\s*PDF|View more|Browse|Search"
    r"|DSpace software copyright.*|Cookie settings|Privacy policy|End User Agreement|Send Feedback)$",
    re.IGNORECASE,
)
"""Whole lines of repository page chrome that carry no metadata."""

VOCABULARY = Vocabulary(
    LABELS,
    orders=(
        ("title", "authors|author|author(s)|creator", "subjects|subject|keywords",
         "advisors|advisor|thesis advisor|thesis advisors|advisor(s)", "second reader|second readers",
         "date of issue|date issued|issue date", "date", "publisher", "language", "abstract", "type",
         "description", "series/report no|series/report no.", "department", "organization",
         "identifiers|identifier", "nps report number|report number", "sponsors|sponsorship", "funder",
         "format", "citation", "distribution statement", "rights", "collections"),
        ("title", "author|authors", "date", "advisor|advisors", "second reader|second readers", "metadata",
         "abstract", "subjects|subject", "type", "department", "rights", "collections", "related items"),
    ),
    furniture=FURNITURE,
    housekeeping=frozenset({"collections", "metadata", "files"}),
    stops=frozenset({"related items"}),
    glued=True,
)
"""DSpace's labels with the print orders of the DSpace 7 entity page and of the older handle page."""

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

_DC_ROW = re.compile(
    r"^\|?\s*(?P<name>dc\.[a-z]+(?:\.[a-zA-Z]+)?)(?:\s*\|\s*|\s+)(?P<value>[^|\t]*?[^|\s])"
    r"(?:(?:\t+|\s*\|\s*|\s+)[a-z]{2,3}_[A-Z]{2}|(?:\t+|\s*\|\s*)[a-z]{2,3})?(?:\s*\|)*\s*$"
)
"""A Dublin Core row: element name, value, optional language code; tab-, space- or '|'-separated cells."""
_PERSISTENT_ID = re.compile(
    r"(?:https?://(?:hdl\.handle\.net|(?:dx\.)?doi\.org)/\S+|https?://\S+/handle/\d+(?:\.\d+)*/\d+"
    r"|\bhdl:\s?\d+(?:\.\d+)*/\S+|\bdoi:\s?10\.\S+)",
    re.IGNORECASE,
)
"""Handles and DOIs: persistent identifiers wherever they are printed (not every URL is one)."""

THESIS_ROLES = ("second-reader", "degree", "degree-grantor")
"""Fields only a thesis record has: without a Type field they still tell the work is a thesis."""


def count_dublin_core_rows(lines: list[str]) -> int:
    """How many lines are Dublin Core rows of a full item record; used by kind detection."""
    return sum(1 for line in lines if line.lstrip("| ").startswith("dc.") and _DC_ROW.match(line.strip()))


def read(doc: Document) -> None:
    """Fill a catalogue-record document's fields from its labelled lines or Dublin Core rows."""
    record = labelled.read_record(doc, VOCABULARY)
    labelled.mark_furniture(doc, record)
    rows = [line for line in record.head if _DC_ROW.match(line.text) and line.text.lstrip("| ").startswith("dc.")]
    if rows:
        _read_dublin_core(doc, rows)
    elif record.head and not any(f.name == "title" and f.lines for f in record.fields):
        title = _title_line(record.head)
        doc.add_field("title", doc.span(title.start, title.end))
        for line in record.head:
            if line != title:
                doc.add_zone("furniture", line.start, line.end)
    issue = [f for f in record.fields if f.label in ISSUE_DATES]
    for item in issue + [f for f in record.fields if f not in issue]:
        _add_values(doc, item)
    _add_identifiers(doc, split_lines(doc.text, 0, record.end))
    if "title" not in doc.fields:
        doc.warnings.append("catalogue record: no title found (no line before the first field label)")
    if not record.fields and not rows:
        doc.warnings.append("catalogue record: no field labels found")
    labelled.cut_warning(doc, record, "catalogue record")
    _set_work_type(doc)


_BREADCRUMB = re.compile(r"\s(?:›|»|>|/)\s|^(?:Home|DSpace Repository|View Item)$")


def _title_line(head: list[Line]) -> Line:
    """The item's title: the last line before the first label that is not a breadcrumb or site name.

    Host clutter (site names, breadcrumbs "Home › Theses › View Item")
    stands above the title; DSpace prints the title last, just before the fields.
    """
    candidates = [line for line in head if not _BREADCRUMB.search(line.text) and is_title_like(line)]
    return candidates[-1] if candidates else head[0]


def _add_values(doc: Document, item: Field) -> None:
    if not item.lines or item.name is None:
        return
    if item.name == "report-number":
        for line in item.lines:
            if apply_series(doc, line.start, line.end) is None:
                add_unique(doc, "report-number", line.start, line.end)
    elif item.name in LIST_FIELDS:
        add_list(doc, item.name, item.lines)
    elif item.name in ("publisher", "performing-organization", "degree-grantor"):
        for line in item.lines:
            body = issuing_body(doc, line.start, line.end)
            add_unique(doc, item.name, body.start, body.end)
    elif item.name == "date":
        for line in item.lines:
            doc.add_field("date", date_span(doc, line.start, line.end))
    else:
        add_text(doc, item.name, item.lines)


def _read_dublin_core(doc: Document, rows: list[Line]) -> None:
    """Dublin Core rows of a full item record: one value per row."""
    for line in rows:
        match = _DC_ROW.match(line.text)
        if match is None:
            continue
        name = DUBLIN_CORE.get(match.group("name"))
        if name is None:
            continue
        start, end = line.start + match.start("value"), line.start + match.end("value")
        if name == "publisher":
            body = issuing_body(doc, start, end)
            start, end = body.start, body.end
        if name in LIST_FIELDS:
            add_unique(doc, name, start, end)
        else:
            doc.add_field(name, doc.span(start, end))


def _add_identifiers(doc: Document, lines: list[Line]) -> None:
    """Handles and DOIs anywhere in the record (not in related items) are identifiers of the item."""
    for line in lines:
        if doc.in_zone(line.start, line.end, frozenset({"furniture"})):
            continue
        for match in _PERSISTENT_ID.finditer(doc.text, line.start, line.end):
            end = match.end()
            while end > match.start() and doc.text[end - 1] in ".,;)>]":
                end -= 1
            add_unique(doc, "identifier", match.start(), end)


def _set_work_type(doc: Document) -> None:
    """The described work's class: from the Type field, else a thesis when thesis-only roles are filled."""
    kind = doc.first("type")
    found = work_type_of(kind.text) if kind is not None else None
    if found is None and any(doc.first(role) for role in THESIS_ROLES):
        found = "Thesis"
    if found is not None:
        doc.work_type = found


# --------------------------------------------------------------------------- detection cues

_DSPACE_FURNITURE = re.compile(
    r"^\s*(?:Loading\.\.\.|Show (?:full|simple) item record|Files in this item|Thumbnail Image\s*$"
    r"|Related items\s*$|Showing items related by\b)", re.MULTILINE)
_HANDLE = re.compile(r"hdl\.handle\.net/|/handle/\d+(?:\.\d+)*/\d+|\bhdl:\d")
_GLUED_LABEL = re.compile(
    r"(?<=[a-z0-9.)])(?:Advisor|Abstract|Collections|Second Reader|Author|Subjects?|Rights|Type|Department)\s*$",
    re.MULTILINE)


def _dspace_labels(s: Sample) -> float:
    """Distinct DSpace labels standing as whole lines (DSpace's layout); four make the cue, eight double it.

    All-capital lines are left out: a thesis's "ABSTRACT" heading is not a
    repository label, which DSpace prints in title case.
    """
    labels = {VOCABULARY.exact(line.text) for line in s.lines if any(c.islower() for c in line.text)}
    found = len(labels - {None})
    return 0.0 if found < 4 else min(found, 8) / 4


def _dublin_core(s: Sample) -> float:
    return float(count_dublin_core_rows([line.text for line in s.lines[:400]]) >= 3)


def _furniture(s: Sample) -> float:
    return min(len(_DSPACE_FURNITURE.findall(s.head[:20_000])), 2) / 2


def _glued(s: Sample) -> float:
    """Labels glued to the previous value, as the XMLUI item page converts ("2012-09Advisor")."""
    return float(len(_GLUED_LABEL.findall(s.head[:20_000])) >= 2)


def _handle(s: Sample) -> float:
    return float(bool(_HANDLE.search(s.head[:20_000])))


def _long(s: Sample) -> float:
    return float(s.length >= LONG_TEXT)


LONG_TEXT = 60_000
"""A record is short: text beyond this length is a full work that merely starts with a cover sheet."""

READER = Reader(
    kind="catalog-record",
    description="repository catalogue records (DSpace item pages: DSpace 7 entities, handle pages, full records)",
    work_type="Document",
    record=True,
    cues=(
        Cue("DSpace field labels", 3.0, _dspace_labels),
        Cue("Dublin Core rows (full item record)", 4.0, _dublin_core),
        Cue("repository page furniture", 1.0, _furniture),
        Cue("labels glued to values (item page)", 1.0, _glued),
        Cue("handle identifier", 0.5, _handle),
        Cue("full-length text", -3.0, _long),
    ),
    read=read,
)
