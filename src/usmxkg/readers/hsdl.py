"""Homeland Security Digital Library (HSDL) abstract pages saved as text.

An HSDL record page prints the title line with the library's tags after it
("… [Updated July 6, 2009]   [open pdf - 327KB]"), then an excerpt of the
work in quotation marks, introduced by where it comes from ("From the thesis
abstract:", "From the Document:") or by nothing, then labelled fields:
"Report Number:", "Author:", "Publisher:", "Date:", "Copyright:", "Retrieved
From:", "Format:", "Media Type:", "URL:", and the "Help with citations" link.
Older pages put each label on its own line with the value under it (and
print the copyright value "Public Domain" without its label); newer ones
print table rows "Label: | value |", with empty cells for missing values.

Conventions read here: the "[Updated DATE]" tag dates the work when no Date
field does; "Retrieved From: BODY: URL" names the repository the library
took its copy from ("Via E-mail" names none); a report number in a known
series (:mod:`usmxkg.readers.series`) tells the issuing body and that the
work is a report; an excerpt "From the thesis abstract" tells it is a thesis.
"""

from __future__ import annotations

import re

from usmxkg.document import Document
from usmxkg.readers import labelled
from usmxkg.readers.cues import Cue, Sample
from usmxkg.readers.labelled import Field, Vocabulary, add_unique, split_spans
from usmxkg.readers.lines import Line, split_lines
from usmxkg.readers.record_values import date_span, is_organisation, issuing_body, unquoted, work_type_of
from usmxkg.readers.registry import Reader
from usmxkg.readers.series import apply_series

LABELS: dict[str, str | None] = {
    "report number": "report-number", "report numbers": "report-number",
    "author": "author", "authors": "author", "corporate author": "corporate-author",
    "publisher": "publisher", "date": "date", "publication date": "date",
    "copyright": "rights", "rights": "rights", "retrieved from": "repository",
    "format": None, "media type": None, "url": "identifier", "series": None, "edition": None,
    "resource type": "type", "document type": "type", "language": "language", "subjects": "subject",
    "subject": "subject", "note": None, "collection": None, "source": None,
}
"""HSDL record labels (case-folded) → contract field names; None for labels whose values are not kept."""

FURNITURE = re.compile(
    r"^(?:Help with citations|Cite|Share|Email|Print|Download|Add to (?:my )?(?:folder|list)|Advanced Search"
    r"|Sign in|Log in|Log out|\[open pdf[^\]]*\])$", re.IGNORECASE)
"""Whole lines of HSDL page chrome."""

VOCABULARY = Vocabulary(
    LABELS,
    orders=(("report number|report numbers", "author|authors", "corporate author", "publisher",
             "date|publication date", "copyright|rights", "retrieved from", "format", "media type", "url"),),
    furniture=FURNITURE,
)

TITLE_SEARCH_LINES = 15
"""The title line (the one the library tags) is looked for among the first lines; site clutter may precede it."""

_TAGS = re.compile(r"\s*\[(?:Updated\s+(?P<updated>[^\]]+)|open pdf[^\]]*)\]", re.IGNORECASE)
"""The library's tags after the title: "[Updated DATE]" and the "[open pdf - 327KB]" link."""
_FROM = re.compile(r"From the (?P<source>[A-Za-z][A-Za-z' -]{1,40}?):\s*", re.IGNORECASE)
"""An excerpt's introduction: where in the work the quoted text comes from."""
_RIGHTS_LINE = re.compile(r"^(?:Public Domain|Copyrighted|Copyright .{0,80}|Creative Commons.{0,80})$", re.IGNORECASE)
"""A rights statement printed on its own line without a label (older page layout)."""
_URL = re.compile(r"\s*:?\s*(?:https?://|www\.)\S*")
_HOW_RECEIVED = re.compile(r"^Via\b", re.IGNORECASE)
""""Retrieved From: Via E-mail" says how the copy arrived, not from which repository."""
_AUTHOR_SPLIT = re.compile(r"\s*;\s*")


def read(doc: Document) -> None:
    """Fill an HSDL record's fields: title and tags, quoted excerpt, labelled fields."""
    lines = [line for line in split_lines(doc.text) if not FURNITURE.match(line.text)]
    if not lines:
        doc.warnings.append("HSDL record: no title line")
        return
    title_line = next((line for line in lines[:TITLE_SEARCH_LINES] if _TAGS.search(line.text)), lines[0])
    for line in lines[: lines.index(title_line)]:
        doc.add_zone("furniture", line.start, line.end)
    updated = _title(doc, title_line)
    record = labelled.read_record(doc, VOCABULARY, title_line.end)
    labelled.mark_furniture(doc, record)
    _excerpt(doc, record.head)
    for name in ("author", "corporate-author", "publisher", "date", "rights", "repository", "identifier",
                 "type", "language", "subject"):
        for item in record.named(name):
            _add(doc, name, item)
    if updated is not None:
        doc.add_field("date", date_span(doc, updated.start, updated.end))
    series_type = None
    for item in record.named("report-number"):
        for line in item.lines:
            if _RIGHTS_LINE.match(line.text):
                add_unique(doc, "rights", line.start, line.end)
                continue
            found = apply_series(doc, line.start, line.end)
            if found is None:
                add_unique(doc, "report-number", line.start, line.end)
            elif found.series.work_type is not None:
                series_type = series_type or found.series.work_type
    if not record.fields:
        doc.warnings.append("HSDL record: no field labels found")
    labelled.cut_warning(doc, record, "HSDL record")
    _set_work_type(doc, series_type)


def _title(doc: Document, line: Line) -> Line | None:
    """Record the title without the library's tags; return the "[Updated …]" date, if any."""
    first = _TAGS.search(line.text)
    end = line.start + (first.start() if first else len(line.text))
    doc.add_field("title", doc.span(line.start, end))
    updated = None
    for tag in _TAGS.finditer(line.text):
        if tag.group("updated"):
            start = line.start + tag.start("updated")
            updated = Line(start, start + len(tag.group("updated").strip()), tag.group("updated").strip())
        else:
            bracket = line.text.index("[", tag.start())
            doc.add_zone("furniture", line.start + bracket, line.start + tag.end())
    return updated


def _excerpt(doc: Document, head: list[Line]) -> None:
    """The quoted excerpt before the fields is the abstract; unlabelled rights lines are rights."""
    body = [line for line in head if not _RIGHTS_LINE.match(line.text)]
    for line in head:
        if _RIGHTS_LINE.match(line.text):
            add_unique(doc, "rights", line.start, line.end)
    if not body:
        return
    start, end = body[0].start, body[-1].end
    intro = _FROM.match(doc.text, start, end)
    if intro is not None:
        start = intro.end()
        if "thesis" in intro.group("source").casefold() or "dissertation" in intro.group("source").casefold():
            doc.work_type = "Thesis"
    span = unquoted(doc, start, end)
    if span.text:
        doc.add_field("abstract", span)
    opened = doc.text[start:end].lstrip()[:1] in ('"', "“")
    if opened and doc.text[start:end].rstrip()[-1:] not in ('"', "”"):
        doc.warnings.append("HSDL record: the text stops inside the quoted excerpt")


def _add(doc: Document, name: str, item: Field) -> None:
    for line in item.lines:
        if name == "rights" or not _RIGHTS_LINE.match(line.text):
            _add_line(doc, name, line)
        else:
            add_unique(doc, "rights", line.start, line.end)


def _add_line(doc: Document, name: str, line: Line) -> None:
    if name in ("author", "corporate-author"):
        for start, end in split_spans(doc.text, line.start, line.end, _AUTHOR_SPLIT):
            value = doc.text[start:end]
            target = "corporate-author" if name == "corporate-author" or is_organisation(value) else "author"
            if target == "corporate-author":
                body = issuing_body(doc, start, end)
                start, end = body.start, body.end
            add_unique(doc, target, start, end)
    elif name in ("publisher", "repository"):
        cut = _URL.search(doc.text, line.start, line.end)
        end = cut.start() if cut else line.end
        if end > line.start and not _HOW_RECEIVED.match(line.text):
            body = issuing_body(doc, line.start, end)
            add_unique(doc, name, body.start, body.end)
    elif name == "date":
        doc.add_field("date", date_span(doc, line.start, line.end))
    else:
        add_unique(doc, name, line.start, line.end)


def _set_work_type(doc: Document, series_type: str | None) -> None:
    """The described work's class: a type field first, then the excerpt's cue, then the report series."""
    kind = doc.first("type")
    found = work_type_of(kind.text) if kind is not None else None
    if found is not None:
        doc.work_type = found
    elif doc.work_type == READER.work_type and series_type is not None:
        doc.work_type = series_type


# --------------------------------------------------------------------------- detection cues

_PDF_TAG = re.compile(r"\[open pdf\s*-\s*\d+(?:\.\d+)?\s?[KMG]B\]", re.IGNORECASE)
_UPDATED = re.compile(r"\[Updated\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}\]")
_EXCERPT = re.compile(r"^\s*From the [A-Za-z][A-Za-z' -]{1,40}?:\s*[\"“]", re.MULTILINE | re.IGNORECASE)
_HSDL_ONLY = frozenset({"retrieved from", "media type", "copyright", "report number"})


def _labels(s: Sample) -> float:
    """HSDL's own labels (Retrieved From, Media Type, Copyright, Report Number) and the citation-help line.

    One of them alone is no evidence (a report prints "Report Number"); two make the cue, four double it.
    """
    texts = [line.text for line in s.lines[:200]]
    found = VOCABULARY.found(texts) & _HSDL_ONLY
    help_line = any(t.casefold() == "help with citations" for t in texts)
    count = len(found) + help_line
    return 0.0 if count < 2 else min(count, 4) / 2


READER = Reader(
    kind="hsdl-record",
    description="Homeland Security Digital Library abstract pages (title tags, quoted excerpt, labelled fields)",
    work_type="Document",
    record=True,
    cues=(
        Cue("HSDL open-pdf tag", 3.0, lambda s: float(bool(_PDF_TAG.search(s.head[:5_000])))),
        Cue("HSDL field labels", 1.5, _labels),
        Cue("quoted excerpt 'From the …:'", 1.0, lambda s: float(bool(_EXCERPT.search(s.head[:10_000])))),
        Cue("[Updated DATE] tag", 0.5, lambda s: float(bool(_UPDATED.search(s.head[:1_000])))),
        Cue("full-length text", -3.0, lambda s: float(s.length >= 60_000)),
    ),
    read=read,
)
