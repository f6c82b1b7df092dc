"""The Report Documentation Page (SF 298 Rev. 2-89 and 8-98, DD Form 1473), shared by every reader that meets one.

U.S. government theses, school papers, technical reports and DTIC records
carry the page (labels of the three forms in :mod:`usmxkg.readers.sf298_labels`).
PDF-to-text writes it in several layouts: one "N. LABEL value" cell per
tab (NPS), labels and values on lines of their own, a row of labels followed
by a row of values ("1. REPORT DATE (DD-MM-YYYY) 2. REPORT TYPE" then
"08-06-2012 Master's Thesis"), values displaced past the next labels by the
form's columns (the title after "3. DATES COVERED" and "5a. CONTRACT
NUMBER"), or the whole page run together on one line by a host site.
:func:`read_form` finds the page, its labels, and gives every value to a box
by position where position is clear and by the shape of the value (a date,
a range of dates, a report type, a name, an organisation and its address, a
code) where it is not; a title interrupted by another box's label keeps its
second part as the subtitle. :func:`apply` records the boxes that describe
the work under contract field names (:data:`usmxkg.document.FIELDS`), as the
fallbacks and variants of what the title pages say: the policy every reader
that meets the form shares.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from usmxkg.document import Document, Span
from usmxkg.readers.datelines import date_at
from usmxkg.readers.names import person_span
from usmxkg.readers.orgs import organisation_parts
from usmxkg.readers.outline import Line, is_front_heading, strip_span
from usmxkg.readers.sf298_labels import Label, find_labels
from usmxkg.readers.sf298_values import (
    LOOSE,
    adviser_line,
    cut_label,
    fits,
    names,
    strict_shape,
    terms,
    title_like,
    title_span,
)

SEARCH_LINES = 400
"""The form is looked for among the first lines only: it is part of the front matter."""

HEADING = re.compile(r"^\s*(?:[\d•·*|]{1,4}\s+)?REPORT\s+DOCUMENTATION\s+PAGE\b", re.IGNORECASE)
"""The form's heading, opening its line (after a host page number or bullet)."""

INLINE_HEADING = re.compile(r"(?<![\w-])REPORT\s+DOCUMENTATION\s+PAGE\b", re.IGNORECASE)
"""The heading inside run-together text."""

FOOTER = re.compile(
    r"^(?:NSN\s+7540|Standard\s+Form\s+298|Prescribed\s+by\s+ANSI|DD\s*,?\s*(?:FORM|\d?\s*JAN)\b)", re.IGNORECASE)
FOOTER_LINE = re.compile(FOOTER.pattern.replace("^", r"^[ \t•·]*", 1), re.IGNORECASE | re.MULTILINE)
MAX_FORM_LINES = 160
FLAT_LINE = 1_000
"""A heading line longer than this is a whole page run together: the form is that line."""
RUN_TOGETHER = 200
"""A line longer than this may hold several pages run together, the form among them."""

FIELD_OF_BOX: dict[str, str] = {
    "report-date": "report-date", "report-type": "report-type", "title": "title", "subtitle": "subtitle",
    "author": "author", "advisor": "advisor", "performing-organization": "performing-organization",
    "report-number": "report-number", "sponsoring-agency": "sponsoring-agency",
    "sponsor-report-number": "report-number", "distribution": "distribution", "abstract": "abstract",
    "subject": "subject", "page-count": "page-count",
}
"""Boxes that say something about the work → the contract field (:data:`usmxkg.document.FIELDS`) they fill.

The others (security markings, price and distribution codes, notes, dates covered) stay on the :class:`Form`.
"""

_MULTI_PARAGRAPH = frozenset({"abstract", "supplementary-notes"})
_EMPTY_VALUE = re.compile(
    r"^(?:N/?A|None|SAME|Same as (?:above|block \d+)|_+|\(?Leave blank\)?|to|-|–|00-00-\d{4} to 00-00-\d{4})$",
    re.IGNORECASE)
_FURNITURE = re.compile(
    r"^(?:Form\s+Approved|OMB\s+No\b|READ\s+INSTRUCTIONS|BEFORE\s+COMPLETING\s+FORM|NSN\s+7540|Standard\s+Form\s+298"
    r"|Prescribed\s+by\s+ANSI|DD\s*,?\s*(?:FORM|\d?\s*JAN)\b|EDITION\s+OF\b|SECURITY\s+CLASSIFICATION\s+OF\s+THIS\s+PAGE"
    r"\s*\(When)", re.IGNORECASE)
_JUNK = re.compile(r"^(?:[^\w]{1,3}|[a-z]|\d|[IlV|]{1,2})$")
_TRAILING_JUNK = re.compile(r"(?:\s+(?:[|IlV]|[^\w\s:]{1,2}))+$")
_LEADING_NUMBER = re.compile(r"^\d{1,2}[a-f]?\.\s+")
WINDOW = 8
"""Labels a displaced value may reach back to."""


@dataclass(slots=True)
class Form:
    """A Report Documentation Page: its character range and every box's values under the box's name."""

    start: int
    end: int
    values: dict[str, list[Span]] = field(default_factory=dict)

    def add(self, name: str, span: Span | None) -> None:
        if span is None or not span.text.strip():
            return
        key = _key(span.text)
        values = self.values.setdefault(name, [])
        if all(_key(v.text) != key for v in values):
            values.append(span)

    def first(self, name: str) -> Span | None:
        values = self.values.get(name)
        return values[0] if values else None


def read_form(doc: Document, lines: list[Line]) -> Form | None:
    """The Report Documentation Page among the first lines, or None when the document has none."""
    head = next((i for i, line in enumerate(lines[:SEARCH_LINES]) if HEADING.match(line.text)), None)
    if head is None:
        return _run_together_form(doc, lines)
    start, end = _region(lines, head)
    form = Form(start, end)
    labels = find_labels(doc.text, lines[head].start, end)
    _Assigner(doc, form, labels, end).run()
    return form


def _run_together_form(doc: Document, lines: list[Line]) -> Form | None:
    """The form inside a line that holds several pages (a text without line breaks): heading to line end."""
    for line in lines[:SEARCH_LINES]:
        if len(line.text) <= RUN_TOGETHER:
            continue
        m = INLINE_HEADING.search(doc.text, line.start, line.end)
        if m is None:
            continue
        form = Form(m.start(), line.end)
        _Assigner(doc, form, find_labels(doc.text, m.start(), line.end), line.end).run()
        return form
    return None


def _region(lines: list[Line], head: int) -> tuple[int, int]:
    """Start and end offsets of the form: from its heading (or a footer printed just above it) to its end."""
    start = lines[head].start
    before = next((i for i in range(head - 1, max(head - 4, -1), -1) if lines[i].text.strip()), None)
    if before is not None and FOOTER.match(lines[before].text.strip().lstrip("•· ")):
        start = lines[before].start
    if len(lines[head].text) > FLAT_LINE:
        return start, lines[head].end
    last = head
    seen_label = False
    for i in range(head + 1, min(len(lines), head + MAX_FORM_LINES)):
        text = lines[i].text.strip().lstrip("•· ")
        if not text:
            continue
        if re.match(r"^(?:\d{1,2}[a-f]?\.|[abc]\.)\s*[A-Z]", text):
            seen_label = True
        if is_front_heading(text) or text.upper().startswith("THIS PAGE INTENTIONALLY LEFT BLANK"):
            break
        if seen_label and re.match(r"^Page \d+:", text):
            break
        last = i
        if seen_label and FOOTER.match(text) and not _more_labels(lines, i + 1):
            break
    return start, lines[last].end


def _more_labels(lines: list[Line], i: int) -> bool:
    """Whether box labels follow within the next lines (a footer printed mid-page, as some converters do)."""
    return any(re.match(r"^\s*(?:\d{1,2}[a-f]?\.|[abc]\.)\s*[A-Z]", line.text) for line in lines[i:i + 6])


class _Assigner:
    """Gives the text between labels to boxes, by position first and by shape when position misleads."""

    def __init__(self, doc: Document, form: Form, labels: list[Label], end: int) -> None:
        self.doc, self.form, self.labels, self.end = doc, form, labels, end
        self.filled: set[int] = set()
        self.last_assigned: int | None = None

    def run(self) -> None:
        for k, label in enumerate(self.labels):
            stop = self.labels[k + 1].start if k + 1 < len(self.labels) else self.end
            whole = label.box.key in _MULTI_PARAGRAPH or label.box.shape == "org"
            for piece in self._pieces(label.end, stop, whole):
                self._place(k, piece)

    def _pieces(self, start: int, stop: int, multi: bool) -> list[Span]:
        """The values between two labels: tab cells and paragraphs, form furniture and scan junk dropped."""
        text = self.doc.text
        out: list[Span] = []
        if multi:  # the box's value over paragraphs (an abstract; an organisation and its address), by cells
            footer = FOOTER_LINE.search(text, start, stop)
            if footer:  # the form's footer closes the last box
                stop = footer.start()
            spans = [strip_span(self.doc, start + m.start(), start + m.end(), marks=False)
                     for m in re.finditer(r"[^\t]+", text[start:stop])]
        else:
            spans = []
            for para in re.finditer(r"(?:[^\n]|\n(?![ \t]*\n))+", text[start:stop]):
                for cell in re.finditer(r"[^\t]+", para.group()):
                    a = start + para.start() + cell.start()
                    spans.append(strip_span(self.doc, a, a + len(cell.group()), marks=False))
        for span in spans:
            cleaned = self._clean(span)
            if cleaned is not None:
                out.append(cleaned)
        return out

    def _clean(self, span: Span) -> Span | None:
        footer = FOOTER_LINE.search(self.doc.text, span.start + 1, span.end)
        if footer:  # the form's footer printed right under the last box
            span = strip_span(self.doc, span.start, footer.start(), marks=False)
        m = _LEADING_NUMBER.match(span.text)
        if m:
            span = strip_span(self.doc, span.start + m.end(), span.end, marks=False)
        m = _TRAILING_JUNK.search(span.text)
        if m and m.start() > 0:
            span = strip_span(self.doc, span.start, span.start + m.start(), marks=False)
        text = span.text
        if not text or _JUNK.match(text) or _FURNITURE.match(text) or _EMPTY_VALUE.match(text) \
                or cut_label(text):
            return None
        return span

    def _window(self, k: int) -> list[int]:
        return list(range(max(0, k - WINDOW + 1), k + 1))

    def _place(self, k: int, piece: Span) -> None:
        if len(piece.text) == 1:  # a one-letter code ("A") belongs to the box right before it, if any
            if k not in self.filled and self.labels[k].box.shape == "code":
                self._give(k, piece)
            return
        window = [j for j in self._window(k) if j not in self.filled]
        # a row of values under a row of labels: "08-06-2012 Master's Thesis"
        date_boxes = [j for j in window if self.labels[j].box.shape == "date"]
        lead = date_at(piece.text)
        if lead is not None and lead.end < len(piece.text) and date_boxes and len(window) > 1:
            head = strip_span(self.doc, piece.start, piece.start + lead.end, marks=False)
            self._give(date_boxes[0], head)
            rest = strip_span(self.doc, piece.start + lead.end, piece.end, marks=False)
            if rest.text:
                self._place(k, rest)
            return
        if k in window and fits(self.labels[k].box, piece.text):
            self._give(k, piece)
            return
        strict = [j for j in window if self.labels[j].box.shape not in LOOSE and fits(self.labels[j].box, piece.text)]
        loose = [j for j in window if self.labels[j].box.shape in LOOSE and fits(self.labels[j].box, piece.text)]
        if strict:
            self._give(strict[0], piece)
        elif loose and not strict_shape(piece.text):
            self._give(loose[0], piece)
        elif self.last_assigned is not None and self.labels[self.last_assigned].box.key == "title" \
                and self.last_assigned >= k - WINDOW and title_like(piece.text):
            self._subtitle(piece)

    def _give(self, j: int, piece: Span) -> None:
        box = self.labels[j].box
        self.filled.add(j)
        self.last_assigned = j
        if box.shape == "terms":
            for term in terms(self.doc, piece):
                self.form.add(box.key, term)
        elif box.shape == "names":
            for name in names(self.doc, piece):
                self.form.add(box.key, name)
        elif box.shape == "org":
            for a, b in organisation_parts(piece.text):
                part = strip_span(self.doc, piece.start + a, piece.start + b, marks=False)
                if adviser_line(part.text):  # USAWC forms name the faculty adviser in box 7
                    self.form.add("advisor", person_span(self.doc, part.start, part.end))
                else:
                    self.form.add(box.key, part)
        elif box.key == "title":
            self.form.add("title", title_span(self.doc, piece))
        else:
            self.form.add(box.key, piece)

    def _subtitle(self, piece: Span) -> None:
        title = self.form.first("title")
        if title is not None and title.text.rstrip().endswith(":"):
            trimmed = strip_span(self.doc, title.start, title.end - 1, marks=False)
            self.form.values["title"][0] = trimmed
            self.form.add("subtitle", title_span(self.doc, piece))
        else:
            self.form.add("title-continuation", piece)


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


# --------------------------------------------------------------------------- recording the form on the document


def apply(doc: Document, form: Form) -> None:
    """Record the form on the document: what the title pages lack, plus variants of what they have.

    The form's title is kept after the title page's, as a variant (and
    first when the title page sets it in capitals and the form does not,
    since the mixed-case form is what people read); its authors, advisors and
    abstract are used only when the title pages give none; every other box
    is added. Dates: the title page's date stays first when the form's year
    differs (forms are often dated at submission, the title page at
    graduation); with the same year the more precise of the two comes first.
    """
    title = form.first("title")
    if title is not None:
        existing = doc.fields.get("title", [])
        if existing and existing[0].text.isupper() and not title.text.isupper() and \
                _key(existing[0].text) == _key(title.text):
            existing.insert(0, title)
        elif all(_key(v.text) != _key(title.text) for v in existing):
            doc.add_field("title", title)
    for box, spans in form.values.items():
        name = FIELD_OF_BOX.get(box)
        if name is None or name == "title":
            continue
        if name in ("author", "abstract", "advisor", "subtitle") and doc.first(name) is not None:
            continue
        for span in spans:
            if all(_key(v.text) != _key(span.text) for v in doc.fields.get(name, [])):
                doc.add_field(name, span)
    _order_dates(doc)


def _order_dates(doc: Document) -> None:
    """Put the work's dates in the order of the policy of :func:`apply`."""
    reported = [s for s in doc.fields.get("report-date", []) if date_at(s.text, 0, whole=True)]
    if not reported:
        return
    dates = doc.fields.setdefault("date", [])
    if not dates:
        dates.append(reported[0])
        return
    page = date_at(dates[0].text, 0, whole=True)
    form = date_at(reported[0].text, 0, whole=True)
    if page is None or (form is not None and form.year == page.year and form.precision > page.precision \
            and reported[0] not in dates):
        dates.insert(0, reported[0])
