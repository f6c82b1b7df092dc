"""bepress Digital Commons item pages saved as text (university and college repositories).

A Digital Commons item page prints the title, then label lines with the
values under them, in the platform's fixed order: "Author" (a name, often
followed by the author's institution: "Jane Q. Doe, Example University"),
"Date of Award" (theses) or "Publication Date", "Document Type", "Degree
Name", "Department", "First Advisor", "Second Advisor", "Keywords",
"Abstract", "Recommended Citation" (with the item's address), then the
download counter ("DOWNLOADS" / "Since March 02, 2016"), "Included in" with
the discipline collections ("… Commons"), and sharing links. Dates of award
are printed as a season ("Spring 2015") or month-first "5-2015", whose year is
what the record vouches for. The counter, the collections and the links are
page furniture.
"""

from __future__ import annotations

import re

from usmxkg.document import Document
from usmxkg.readers import labelled
from usmxkg.readers.cues import Cue, Sample
from usmxkg.readers.labelled import Field, Vocabulary, add_list, add_text, add_unique
from usmxkg.readers.lines import Line, is_title_like
from usmxkg.readers.names import person_span
from usmxkg.readers.record_values import date_span, is_organisation, issuing_body, work_type_of
from usmxkg.readers.registry import Reader

LABELS: dict[str, str | None] = {
    "title": "title", "author": "author", "authors": "author", "author(s)": "author",
    "author orcid identifier": None, "date of award": "date", "publication date": "date", "date": "date",
    "document type": "type", "degree name": "degree", "degree program": None, "department": "department",
    "program": None, "first advisor": "advisor", "second advisor": "advisor", "third advisor": "advisor",
    "advisor": "advisor", "advisors": "advisor", "major professor": "advisor", "committee chair": "advisor",
    "committee member": "contributor", "committee members": "contributor", "keywords": "subject",
    "subject area": "subject", "subject categories": "subject", "disciplines": None, "abstract": "abstract",
    "description": None, "recommended citation": None, "doi": "identifier", "publisher": "publisher",
    "rights": "rights", "language": "language", "comments": None, "embargo period": None,
    "source publication": None, "publication title": None, "volume": None, "issue": None,
    "first page": None, "last page": None, "number of pages": None, "included in": None, "downloads": None,
    "share": None, "coins": None,
}
"""Digital Commons labels (case-folded) → contract field names; None for values that are not kept."""

FURNITURE = re.compile(
    r"^(?:Home(?:\s*>.*)?|(?=.{0,150}$)(?:[^>]{1,60}\s>\s){2,}[^>]{1,60}|Download|DOWNLOADS"
    r"|Since [A-Z][a-z]+ \d{1,2}, \d{4}|Share|COinS|About|FAQ"
    r"|My Account|Browse(?: Collections| Disciplines| Authors)?|Search|Advanced Search|Notify me via email or RSS"
    r"|Skip to main content|Menu|Author Corner|Submit Research|Enter search terms:?|Select context to search:?"
    r"|Digital Commons Network|Privacy|Copyright|Accessibility Statement|Plum Print.*|\d+ downloads?)$")
"""Whole lines of Digital Commons page chrome: navigation, breadcrumbs, the download counter, sharing links."""

VOCABULARY = Vocabulary(
    LABELS,
    orders=(("title", "author|authors|author(s)", "author orcid identifier", "date of award|publication date",
             "document type", "degree name", "department|program|degree program",
             "first advisor|advisor|major professor|committee chair", "second advisor", "third advisor",
             "committee member|committee members", "keywords", "abstract", "description", "disciplines",
             "recommended citation", "included in"),),
    furniture=FURNITURE,
    housekeeping=frozenset({"included in", "downloads", "share", "coins", "disciplines"}),
)

_URL = re.compile(r"https?://\S+")
_NAME_SPLIT = re.compile(r"\s*;\s*|\s+and\s+")
_TERMS = re.compile(r"\s*[,;]\s*")


def read(doc: Document) -> None:
    """Fill a Digital Commons record's fields from its label lines."""
    record = labelled.read_record(doc, VOCABULARY)
    labelled.mark_furniture(doc, record)
    if not any(f.name == "title" and f.lines for f in record.fields):
        titles = [line for line in record.head if is_title_like(line)]
        if titles:
            doc.add_field("title", doc.span(titles[-1].start, titles[-1].end))
        for line in record.head:
            if not titles or line != titles[-1]:
                doc.add_zone("furniture", line.start, line.end)
    for item in record.fields:
        _add(doc, item)
    if "title" not in doc.fields:
        doc.warnings.append("Digital Commons record: no title found")
    if not record.fields:
        doc.warnings.append("Digital Commons record: no field labels found")
    labelled.cut_warning(doc, record, "Digital Commons record")
    kind = doc.first("type")
    found = work_type_of(kind.text) if kind is not None else None
    if found is None and doc.first("degree") is not None:
        found = "Thesis"
    if found is not None:
        doc.work_type = found


def _add(doc: Document, item: Field) -> None:
    name = item.name
    if item.label == "recommended citation":
        for line in item.lines:
            for url in _URL.finditer(doc.text, line.start, line.end):
                end = url.end()
                while end > url.start() and doc.text[end - 1] in ".,;)":
                    end -= 1
                add_unique(doc, "identifier", url.start(), end)
        return
    if name is None or not item.lines:
        return
    if name in ("author", "advisor", "contributor"):
        for line in item.lines:
            _people(doc, name, line)
    elif name == "subject":
        add_list(doc, name, item.lines, _TERMS)
    elif name == "date":
        line = item.lines[0]
        doc.add_field("date", date_span(doc, line.start, line.end))
    elif name in ("publisher", "department"):
        for line in item.lines:
            body = issuing_body(doc, line.start, line.end)
            add_unique(doc, name, body.start, body.end)
    elif name in ("identifier", "type", "degree", "language"):
        add_unique(doc, name, item.lines[0].start, item.lines[0].end)
    else:
        add_text(doc, name, item.lines)


def _people(doc: Document, name: str, line: Line) -> None:
    """Names of one line; "Name, Institution" (the author's affiliation) is split off for authors."""
    for start, end in labelled.split_spans(doc.text, line.start, line.end, _NAME_SPLIT):
        value = doc.text[start:end]
        comma = value.find(",")
        if comma > 0 and is_organisation(value[comma + 1:]):
            affiliation = issuing_body(doc, start + comma + 1 + _lead(value[comma + 1:]), end)
            if name == "author":
                add_unique(doc, "author-affiliation", affiliation.start, affiliation.end)
            end = start + comma
        span = person_span(doc, start, end)
        if span is not None:
            add_unique(doc, name, span.start, span.end)


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip())


# --------------------------------------------------------------------------- detection cues

_BEPRESS_ONLY = frozenset({
    "date of award", "document type", "degree name", "first advisor", "second advisor", "third advisor",
    "recommended citation", "included in", "embargo period", "author orcid identifier", "committee member",
    "publication date",
})
_COUNTER = re.compile(r"^DOWNLOADS\s*\n\s*Since [A-Z][a-z]+ \d{1,2}, \d{4}\s*$", re.MULTILINE)
_COMMONS = re.compile(r"\b[A-Z][A-Za-z,]*(?: [A-Za-z,]+)* Commons\b")


def _labels(s: Sample) -> float:
    """Distinct Digital Commons labels as whole lines; three make the cue, six double it."""
    found = {label for label in map(VOCABULARY.exact, (line.text for line in s.lines[:300]))
             if label in _BEPRESS_ONLY}
    return 0.0 if len(found) < 3 else min(len(found), 6) / 3


READER = Reader(
    kind="bepress-record",
    description="bepress Digital Commons item pages (repository records of theses, papers and articles)",
    work_type="Document",
    record=True,
    cues=(
        Cue("Digital Commons labels", 3.0, _labels),
        Cue("download counter (DOWNLOADS / Since DATE)", 1.0, lambda s: float(bool(_COUNTER.search(s.head)))),
        Cue("discipline collections (… Commons)", 0.5,
            lambda s: float(len(_COMMONS.findall(s.head[:20_000])) >= 2)),
        Cue("full-length text", -3.0, lambda s: float(s.length >= 60_000)),
    ),
    read=read,
)
