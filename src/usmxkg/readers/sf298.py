"""The Report Documentation Page (Standard Form 298), shared by every kind of document that carries one.

U.S. government theses, war-college papers, technical reports and DTIC
records include the SF 298 (revisions 2-89 and 8-98 of the form, standard ANSI
Z39.18): numbered boxes "1. AGENCY USE ONLY" … "20. LIMITATION OF
ABSTRACT", converted by PDF-to-text as lines or tab-separated cells
"N. LABEL value". :func:`read_form` finds the page and reads each box into
its own name; :func:`apply` records the boxes that describe the work under
contract field names (:data:`usmxkg.document.FIELDS`), as the fallbacks and
variants of what the title pages say: the policy every reader that meets the
form shares.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from usmxkg.document import Document, Span
from usmxkg.readers.names import person_span
from usmxkg.readers.outline import Line, is_front_heading, strip_span

SEARCH_LINES = 400
"""The form is looked for among the first lines only: it is part of the front matter."""

HEADING = re.compile(r"^\s*REPORT\s+DOCUMENTATION\s+PAGE\b", re.IGNORECASE)
FOOTER = re.compile(r"^(?:NSN\s+7540|Standard\s+Form\s+298|Prescribed\s+by\s+ANSI)", re.IGNORECASE)


def _label(pattern: str) -> str:
    """A printed box label as a pattern: any run of white space (or a line break) between words."""
    return pattern.replace(" ", r"\s+")


BOXES: tuple[tuple[str, str, str | None], ...] = (
    ("1", _label(r"AGENCY USE ONLY(?: \(Leave blank\))?"), None),
    ("2", _label("REPORT DATE"), "report-date"),
    ("3", _label("REPORT TYPE(?: AND DATES COVERED)?"), "report-type"),
    ("4", _label("TITLE AND SUBTITLE"), "title"),
    ("5", _label("FUNDING NUMBERS"), None),
    ("6", _label(r"AUTHOR\(?S?\)?"), "author"),
    ("7", _label(r"PERFORMING ORGANI[SZ]ATION NAME\(?S?\)? AND ADDRESS\(?(?:ES)?\)?"), "performing-organization"),
    ("8", _label("PERFORMING ORGANI[SZ]ATION REPORT NUMBER"), "report-number"),
    ("9", _label(r"SPONSORING\s*/\s*MONITORING AGENCY NAME\(?S?\)? AND ADDRESS\(?(?:ES)?\)?"), "sponsoring-agency"),
    ("10", _label(r"SPONSORING\s*/\s*MONITORING AGENCY REPORT NUMBER"), "sponsor-report-number"),
    ("11", _label("SUPPLEMENTARY NOTES"), "supplementary-notes"),
    ("12a", _label(r"DISTRIBUTION\s*/\s*AVAILABILITY STATEMENT"), "distribution"),
    ("12b", _label("DISTRIBUTION CODE"), "distribution-code"),
    ("13", _label(r"ABSTRACT(?: \(maximum 200 words\))?"), "abstract"),
    ("14", _label("SUBJECT TERMS"), "subject"),
    ("15", _label("NUMBER OF PAGES"), "page-count"),
    ("16", _label("PRICE CODE"), None),
    ("17", _label("SECURITY CLASSIFICATION OF REPORT"), "classification-report"),
    ("18", _label("SECURITY CLASSIFICATION OF THIS PAGE"), "classification-page"),
    ("19", _label("SECURITY CLASSIFICATION OF ABSTRACT"), "classification-abstract"),
    ("20", _label("LIMITATION OF ABSTRACT"), "limitation"),
)
"""SF 298 (Rev. 2-89) box numbers, their printed labels, and the name each box's value is kept under."""

FIELD_OF_BOX: dict[str, str] = {
    "report-date": "report-date", "report-type": "report-type", "title": "title", "author": "author",
    "performing-organization": "performing-organization", "report-number": "report-number",
    "sponsoring-agency": "sponsoring-agency", "sponsor-report-number": "report-number",
    "distribution": "distribution", "abstract": "abstract", "subject": "subject", "page-count": "page-count",
}
"""Boxes that say something about the work → the contract field (:data:`usmxkg.document.FIELDS`) they fill.

The others (security markings, price and distribution codes, notes) stay on the :class:`Form` only.
"""

BOX_LABEL = re.compile(
    r"(?:^|(?<=\t)|(?<=\n)|(?<=\s\s))[ \t]*(?:"
    + "|".join(rf"(?P<f{num}>{num}\.\s*{label})" for num, label, _ in BOXES)
    + ")",
    re.IGNORECASE,
)
"""Any box label at the start of a line or a tab-separated cell."""

_TARGET = {f"f{num}": name for num, _, name in BOXES}
_MULTI_PARAGRAPH = frozenset({"f13", "f11"})
_EMPTY_VALUE = re.compile(r"^(?:N/?A|None|_*|\(?Leave blank\)?)$", re.IGNORECASE)
_TERM_SPLIT = re.compile(r"[,;]")
_NAME_SPLIT = re.compile(r"\s*;\s*|\s+and\s+|\s*&\s*")


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
        return None
    end = _form_end(lines, head)
    region_start, region_end = lines[head].end, lines[end].end
    form = Form(lines[head].start, region_end)
    matches = list(BOX_LABEL.finditer(doc.text, region_start, region_end))
    for k, m in enumerate(matches):
        group = m.lastgroup or ""
        target = _TARGET.get(group)
        stop = matches[k + 1].start() if k + 1 < len(matches) else region_end
        if target is None:
            continue
        value = _value(doc, m.end(), stop, multi_paragraph=group in _MULTI_PARAGRAPH)
        if value is None:
            continue
        if target == "subject":
            for term in _terms(doc, value):
                form.add("subject", term)
        elif target == "author":
            for name in _names(doc, value):
                form.add("author", name)
        else:
            form.add(target, value)
    return form


def apply(doc: Document, form: Form) -> None:
    """Record the form on the document: what the title pages lack, plus variants of what they have.

    The form's title is kept after the title page's, as a variant (and
    first when the title page sets it in capitals and the form does not,
    since the mixed-case form is what people read); its authors and abstract
    are used only when the title pages give none; every other box is added.
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
        if name is None or name == "title" or (name in ("author", "abstract") and doc.first(name) is not None):
            continue
        for span in spans:
            if all(_key(v.text) != _key(span.text) for v in doc.fields.get(name, [])):
                doc.add_field(name, span)


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _form_end(lines: list[Line], head: int) -> int:
    """Index of the form's last line: the last box plus the form's footer (NSN / Standard Form 298)."""
    last: int | None = None
    stop = min(len(lines), head + 80)
    for i in range(head + 1, stop):
        text = lines[i].text.strip()
        if "LIMITATION OF ABSTRACT" in text.upper() or (last is not None and FOOTER.match(text)):
            last = i
        elif last is not None and text:
            break
        elif last is None and is_front_heading(text):
            return max(i - 1, head)
    return last if last is not None else min(len(lines), head + 40) - 1


def _value(doc: Document, start: int, stop: int, multi_paragraph: bool) -> Span | None:
    """The value of a box: up to the next cell (tab) or box, single paragraph unless told otherwise."""
    text = doc.text
    tab = text.find("\t", start, stop)
    if tab >= 0:
        stop = tab
    span = strip_span(doc, start, stop, marks=False)
    if not multi_paragraph:
        cut = span.text.find("\n\n")
        if cut >= 0:
            span = strip_span(doc, span.start, span.start + cut, marks=False)
    if not span.text or _EMPTY_VALUE.match(span.text):
        return None
    return span


def _terms(doc: Document, value: Span) -> list[Span]:
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


def _names(doc: Document, value: Span) -> list[Span]:
    """Author names of box 6: one span per name separated by ";", "and" or "&"."""
    out = []
    pos = 0
    for part in _NAME_SPLIT.split(value.text):
        idx = value.text.find(part, pos)
        if idx < 0 or not part.strip():
            continue
        pos = idx + len(part)
        span = person_span(doc, value.start + idx, value.start + pos)
        if span is not None:
            out.append(span)
    return out
