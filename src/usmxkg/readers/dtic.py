"""DTIC citation pages (Defense Technical Information Center) saved as text, with or without an SF 298.

A DTIC citation prints the technical-report bibliographic record of the
DTIC cataloguing standard as labelled fields, inline "Label : value" on the
old STINET pages and label lines on the newer ones: "Accession Number" (or
"AD Number": the AD accession number, e.g. ADA123456), "Title", "Descriptive
Note" (the report type: "Master's thesis", "Final rept."), "Corporate Author"
(the performing organisation as NAME CITY ST), "Personal Author(s)" ("Last,
First M ; …"), "Report Date", "Pagination or Media Count", "Descriptors"
(index terms, major ones starred), "Identifiers" (free index terms),
"Subject Categories", "Distribution Statement", "Abstract". A copy fetched
with its full text carries the Report Documentation Page (SF 298), read by
the shared :mod:`usmxkg.readers.sf298`, whose boxes fill what the citation
lacks.
"""

from __future__ import annotations

import re

from usmxkg.document import Document
from usmxkg.readers import labelled, outline, sf298
from usmxkg.readers.cues import Cue, Sample
from usmxkg.readers.labelled import Field, Record, Vocabulary, add_list, add_text, add_unique
from usmxkg.readers.record_values import corporate_name, date_span, work_type_of
from usmxkg.readers.registry import Reader
from usmxkg.readers.series import apply_series

LABELS: dict[str, str | None] = {
    "accession number": "identifier", "ad number": "identifier", "title": "title",
    "descriptive note": "report-type", "descriptive notes": "report-type",
    "corporate author": "performing-organization", "corporate authors": "performing-organization",
    "personal author(s)": "author", "personal authors": "author", "personal author": "author",
    "author(s)": "author", "authors": "author",
    "report date": "date", "publication date": "date",
    "pagination or media count": "page-count", "pagination": "page-count", "page count": "page-count",
    "report number": "report-number", "report number(s)": "report-number", "report numbers": "report-number",
    "monitor series": "report-number", "monitor acronym": None, "contract number": None,
    "contract/grant number": None, "grant number": None, "project number": None, "task number": None,
    "work unit number": None, "supplementary note": None, "supplementary notes": None,
    "abstract": "abstract", "descriptors": "subject", "identifiers": "subject",
    "subject categories": "subject", "subject category": "subject", "distribution statement": "distribution",
    "distribution": None, "limitation code": None, "limitation codes": None, "source code": None,
    "citation status": None, "full text": "identifier", "handle / proxy url": "identifier", "doi": "identifier",
    "url": "identifier", "document type": "type", "language": "language", "security classification": None,
    "classification": None, "distribution code": None, "annotation": None, "document location": None,
}
"""DTIC citation labels (case-folded) → contract field names; None for housekeeping codes."""

FURNITURE = re.compile(
    r"^(?:DTIC(?: Online)?|Citation|View (?:Full )?(?:Text|PDF)|Download(?: PDF)?|Request (?:a )?copy|Cite"
    r"|Print|Email|Share|Bookmark|Find in a library|Save|Back to (?:results|top)|Search)$", re.IGNORECASE)
"""Whole lines of DTIC page chrome."""

VOCABULARY = Vocabulary(
    LABELS,
    orders=(("accession number|ad number", "title", "descriptive note|descriptive notes",
             "corporate author|corporate authors", "personal author(s)|personal authors|personal author",
             "handle / proxy url", "report date", "pagination or media count|pagination",
             "report number|report number(s)", "monitor acronym", "monitor series", "contract number",
             "supplementary note|supplementary notes", "abstract", "descriptors", "identifiers",
             "subject categories", "distribution statement", "limitation code", "source code"),),
    furniture=FURNITURE,
)

TERM_SEPARATORS = re.compile(r"\s*[,;]\s*")
"""DTIC index terms are comma-separated; starred terms (*MEXICO) are the major descriptors."""
_AUTHOR_SPLIT = re.compile(r"\s*;\s*")
_PAGES = re.compile(r"\d+")
_URL = re.compile(r"https?://")


def read(doc: Document) -> None:
    """Fill a DTIC citation's fields; an SF 298 in the same text adds what the citation lacks."""
    form = sf298.read_form(doc, outline.split_lines(doc.text))
    regions = [(0, len(doc.text))] if form is None else [(0, form.start), (form.end, len(doc.text))]
    records = [labelled.read_record(doc, VOCABULARY, start, end) for start, end in regions if end > start]
    for record in records:
        labelled.mark_furniture(doc, record)
    fields = [f for record in records for f in record.fields]
    for item in fields:
        _add(doc, item)
    if doc.first("title") is None:
        head = next((r.head[0] for r in records if r.head), None)
        if head is not None:
            doc.add_field("title", doc.span(head.start, head.end))
    if form is not None:
        doc.add_zone("front-matter", form.start, form.end)
        sf298.apply(doc, form)
    if not fields:
        doc.warnings.append("DTIC record: no citation fields found")
    if "title" not in doc.fields:
        doc.warnings.append("DTIC record: no title found")
    last = _last_with_fields(records)
    if last is not None:
        labelled.cut_warning(doc, last, "DTIC record")
    _set_work_type(doc)


def _last_with_fields(records: list[Record]) -> Record | None:
    with_fields = [r for r in records if r.fields]
    return with_fields[-1] if with_fields else None


def _add(doc: Document, item: Field) -> None:
    name = item.name
    if name is None or not item.lines:
        return
    if name == "author":
        add_list(doc, name, item.lines, _AUTHOR_SPLIT)
    elif name == "performing-organization":
        for line in item.lines:
            body = corporate_name(doc, line.start, line.end)
            add_unique(doc, name, body.start, body.end)
    elif name == "subject":
        _add_terms(doc, item)
    elif name in ("identifier", "report-number"):
        for line in item.lines:
            if _URL.match(line.text) or apply_series(doc, line.start, line.end) is None:
                add_unique(doc, name, line.start, line.end)
    elif name == "date":
        line = item.lines[0]
        doc.add_field("date", date_span(doc, line.start, line.end))
    elif name == "page-count":
        count = _PAGES.search(doc.text, item.lines[0].start, item.lines[0].end)
        if count is not None:
            doc.add_field(name, doc.span(count.start(), count.end()))
    elif name in ("title", "report-type", "type", "language"):
        add_text(doc, name, item.lines[:1] if name != "title" else item.lines)
    else:
        add_text(doc, name, item.lines)


def _add_terms(doc: Document, item: Field) -> None:
    """Index terms, one per comma or semicolon, without the star that marks a major descriptor."""
    separators = TERM_SEPARATORS if item.label != "subject categories" else labelled.SEMICOLON
    for line in item.lines:
        for start, end in labelled.split_spans(doc.text, line.start, line.end, separators):
            while start < end and doc.text[start] in "* ":
                start += 1
            if end > start:
                add_unique(doc, "subject", start, end)


def _set_work_type(doc: Document) -> None:
    """From the Descriptive Note ("Master's thesis", "Final rept."); DTIC's holdings default to reports."""
    for name in ("type", "report-type"):
        value = doc.first(name)
        found = work_type_of(value.text) if value is not None else None
        if found is not None:
            doc.work_type = found
            return


# --------------------------------------------------------------------------- detection cues

_DTIC_ONLY = frozenset({
    "accession number", "ad number", "descriptive note", "descriptive notes", "corporate author",
    "personal author(s)", "personal authors", "pagination or media count", "descriptors", "subject categories",
    "limitation code", "source code", "monitor acronym", "monitor series", "report date",
})
_ACCESSION = re.compile(r"\b(?:Accession Number|AD Number)\s*:?\s*\n?\s*AD[-\s]?[A-F]?[-\s]?\d{3}\s?\d{3,4}\b",
                        re.IGNORECASE)


def _labels(s: Sample) -> float:
    """Distinct labels of the DTIC citation format, in any layout; three make the cue, six double it."""
    found = VOCABULARY.found([line.text for line in s.lines[:300] if any(c.islower() for c in line.text)])
    return 0.0 if len(found & _DTIC_ONLY) < 3 else min(len(found & _DTIC_ONLY), 6) / 3


READER = Reader(
    kind="dtic-record",
    description="DTIC citation pages (technical-report records with AD numbers), with or without an SF 298",
    work_type="Report",
    record=True,
    cues=(
        Cue("DTIC citation labels", 3.0, _labels),
        Cue("AD accession number", 1.0, lambda s: float(bool(_ACCESSION.search(s.head[:20_000])))),
        Cue("full-length text", -3.0, lambda s: float(s.length >= 60_000)),
    ),
    read=read,
)
