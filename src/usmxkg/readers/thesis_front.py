"""Front matter of a thesis: title page, SF298, approval page, abstract, acronyms, lists of figures/tables.

An NPS thesis opens with fixed pages in a fixed vocabulary, which is what
makes it readable without knowing the document:

* the cover (title) page — "THESIS", the title, "by", the author, the date,
  then the committee as a column of labels ("Thesis Advisor:", "Second
  Reader:") beside a column of names, which PDF-to-text turns into two
  separate groups of lines;
* the Report Documentation Page, Standard Form 298 (Rev. 2-89), prescribed by
  ANSI Std. Z39-18: numbered boxes "1. AGENCY USE ONLY" … "20. LIMITATION OF
  ABSTRACT", each converted as a tab-separated cell "N. LABEL value";
* the approval (inner title) page — title, author with rank/service and prior
  degrees, "Submitted in partial fulfillment of the requirements for the
  degree of", the degree, "from the" degree-granting school and date, then
  "Approved by:" followed by name / role pairs (Thesis Advisor, Second Reader,
  Chair(man), Department of …);
* ABSTRACT, then LIST OF FIGURES / LIST OF TABLES and LIST OF ACRONYMS AND
  ABBREVIATIONS (one "SHORT<TAB>expansion" row per line).

Every value is recorded as a span of the value only (never its label), with
person names cut before academic suffixes such as ", Ph.D.".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from usmxkg.document import Acronym, Document, Span
from usmxkg.readers import sf298
from usmxkg.readers.names import person_span
from usmxkg.readers.outline import (
    TOC_HEADINGS,
    Line,
    find_heading_line,
    is_front_heading,
    parse_listing,
    split_lines,
    strip_span,
)

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Spring|Summer|Fall|Autumn|Winter"
)
DATE_LINE = re.compile(rf"^(?:(?:{MONTHS})\s+)?(?:1[89]|20)\d\d$")
"""A title-page date: "March 2014", "2010"."""

DOCUMENT_KIND_LINE = re.compile(
    r"^(?:MASTER'?S\s+|DOCTORAL\s+)?(?:THESIS|DISSERTATION|MBA\s+PROFESSIONAL\s+REPORT|CAPSTONE(?:\s+PROJECT)?"
    r"(?:\s+REPORT)?|JOINT\s+APPLIED\s+PROJECT|TECHNICAL\s+REPORT)$",
    re.IGNORECASE,
)
"""The line naming the kind of work on an NPS cover page; the title follows it."""

BY_LINE = re.compile(r"^by$", re.IGNORECASE)
COMMITTEE_LABEL = re.compile(r"^(?P<label>[A-Z][A-Za-z.\- ]{2,40}?)\s*:\s*(?P<value>.*)$")
APPROVED_BY = re.compile(r"^Approved\s+by\s*:?\s*(?P<value>.*)$", re.IGNORECASE)
AUTHOR_LINE = re.compile(r"^Authors?(?:\(s\))?\s*:\s*(?P<value>.*)$", re.IGNORECASE)
SUBMITTED = re.compile(r"^Submitted\s+in\s+partial\s+fulfil+ment", re.IGNORECASE)
DEGREE_OF = re.compile(r"\bdegrees?\s+of\s*$", re.IGNORECASE)
FROM_THE = re.compile(r"^from\s+the\b\s*(?P<rest>.*)$", re.IGNORECASE)
RELEASE = re.compile(r"^(?:Approved\s+for\s+public\s+release|DISTRIBUTION\s+STATEMENT)", re.IGNORECASE)

ROLE_LINE = re.compile(
    r"^(?:Thesis\s+|Dissertation\s+|Project\s+)?(?:Co-?\s*)?(?:Advis[eo]rs?|Readers?)\b|^Second\s+Readers?\b"
    r"|^(?:Associate\s+)?Advis[eo]rs?\b|^Chair(?:man|person|woman)?\b|^(?:Vice\s+)?Provost\b"
    r"|^(?:Dean|Director)(?:,|\s+of\b)|^Academic\s+Associate\b|^Program\s+Officer\b|^Department\s+Chair",
    re.IGNORECASE,
)
"""A role line of the approval page (the name is on the line before)."""

PRIOR_DEGREE = re.compile(
    r"^(?:[A-Z][a-z]{0,2}\.\s?)+(?:[A-Z][a-z]{0,2}\.?)?,\s+\S|^(?:B|M|Ph)\.?[A-Z]{1,3}\.?,\s+\S"
    r"|^(?:Bachelor|Master|Doctor|Licenciatura|Ingenier)",
)
"""A prior-degree line of the approval page: "B.S., Wayland Baptist University, 2001"."""

RANK_LINE = re.compile(r"^[A-Z][A-Za-z.\- ]{1,40},\s+\S")
"""A rank/service line: "Major, United States Air Force", "Civilian, Department of the Navy"."""

ACRONYM_HEADINGS = (
    "LIST OF ACRONYMS AND ABBREVIATIONS",
    "LIST OF ABBREVIATIONS AND ACRONYMS",
    "LIST OF ACRONYMS",
    "LIST OF ABBREVIATIONS",
    "ACRONYMS AND ABBREVIATIONS",
    "ABBREVIATIONS AND ACRONYMS",
    "ACRONYMS",
    "ABBREVIATIONS",
)
FIGURE_LIST_HEADINGS = ("LIST OF FIGURES", "LIST OF ILLUSTRATIONS")
TABLE_LIST_HEADINGS = ("LIST OF TABLES",)
_SPACED_ROW = re.compile(r"^(?P<short>\S+)(?:\s{2,}|\s)(?P<long>\S.*)$")
LIST_ITEM = re.compile(
    r"^(?P<kind>Figure|Fig\.|Table|Illustration|Chart|Map|Exhibit)\s+(?P<num>[A-Z]?\d+(?:[.\-\u2013]\d+)*[A-Za-z]?)"
    r"\s*[.:\u2013-]?\s*",
    re.IGNORECASE,
)
"""A figure/table label at the start of a listing line or caption: "Figure 10.", "Table 2-1:"."""

_AUTHOR_SPLIT = re.compile(r"\s*;\s*|\s+and\s+|\s*&\s*")

FRONT_SEARCH_LINES = 400
"""Front matter lies within the first few hundred lines when no TOC marks its end."""


@dataclass(frozen=True, slots=True)
class ListEntry:
    """An entry of a list of figures or tables: "Figure 3", its number, title span and page."""

    label: str
    number: str
    title: Span
    page: str


@dataclass(slots=True)
class FrontMatter:
    """What the front matter tells later steps: listed figures/tables and blocks that are not body text."""

    figures: list[ListEntry] = field(default_factory=list)
    tables: list[ListEntry] = field(default_factory=list)
    blocks: list[tuple[int, int]] = field(default_factory=list)

    @property
    def end(self) -> int:
        """Offset after the last front-matter block (0 when none was found)."""
        return max((b for _, b in self.blocks), default=0)


def read_front(doc: Document, lines: list[Line] | None = None) -> FrontMatter:
    """Read every front-matter part that is present; missing essentials become warnings."""
    lines = lines if lines is not None else split_lines(doc.text)
    front = FrontMatter()
    limit = front_limit(lines)
    if not read_title_page(doc, lines, limit):
        doc.warnings.append("thesis: no title page (title / 'by' / author) found")
    form = sf298.read_form(doc, lines)
    if form is None:
        doc.warnings.append("thesis: no REPORT DOCUMENTATION PAGE (SF298) found")
    else:
        front.blocks.append((form.start, form.end))
    read_approval_page(doc, lines, limit)
    abstract = read_abstract(doc, lines)
    if abstract is not None:
        front.blocks.append(abstract)
    elif doc.first("abstract") is None:
        doc.warnings.append("thesis: no ABSTRACT found")
    acronyms = read_acronyms(doc, lines)
    if acronyms is not None:
        front.blocks.append(acronyms)
    front.figures, block = read_list(doc, lines, FIGURE_LIST_HEADINGS)
    if block is not None:
        front.blocks.append(block)
    front.tables, block = read_list(doc, lines, TABLE_LIST_HEADINGS)
    if block is not None:
        front.blocks.append(block)
    if form is not None:
        sf298.apply(doc, form)
    if doc.first("date") is None:
        for span in doc.fields.get("report-date", []):
            add_unique(doc, "date", span)
    return front


def front_limit(lines: list[Line]) -> int:
    """Index of the line where the title and approval pages can no longer be: the TOC or ABSTRACT heading."""
    stop = min(len(lines), FRONT_SEARCH_LINES)
    for names in (TOC_HEADINGS, ("ABSTRACT",)):
        found = find_heading_line(lines, names, 0, stop)
        if found is not None:
            return found
    return stop


# --------------------------------------------------------------------------- helpers


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def add_unique(doc: Document, name: str, span: Span | None) -> None:
    """Record a field value unless it is empty or the same text is already recorded under ``name``."""
    if span is None or not span.text.strip():
        return
    key = _key(span.text)
    if any(_key(v.text) == key for v in doc.fields.get(name, [])):
        return
    doc.add_field(name, span)


def _paragraphs(lines: list[Line], start: int, stop: int) -> list[tuple[int, int]]:
    """Runs of non-blank lines in ``[start, stop)`` as ``(first, last)`` line indices."""
    out: list[tuple[int, int]] = []
    i = start
    while i < stop:
        if lines[i].blank:
            i += 1
            continue
        j = i
        while j + 1 < stop and not lines[j + 1].blank:
            j += 1
        out.append((i, j))
        i = j + 1
    return out


def _block_span(doc: Document, lines: list[Line], first: int, last: int) -> Span:
    return strip_span(doc, lines[first].start, lines[last].end, marks=False)


# --------------------------------------------------------------------------- title (cover) page


def read_title_page(doc: Document, lines: list[Line], limit: int) -> bool:
    """Title, author(s), date and committee of the cover page; False when there is none.

    The cover page is found by its "by" line; the title is what stands
    between the kind-of-work line ("THESIS") and "by".
    """
    by = next((i for i in range(min(limit, len(lines))) if BY_LINE.match(lines[i].text.strip())), None)
    if by is None:
        return False
    title = _cover_title(doc, lines, by)
    if title is not None:
        add_unique(doc, "title", title)
    paras = _paragraphs(lines, by + 1, min(limit, len(lines)))
    if not paras:
        return title is not None
    first, last = paras[0]
    for i in range(first, last + 1):
        if DATE_LINE.match(lines[i].text.strip()):
            add_unique(doc, "date", _block_span(doc, lines, i, i))
        elif not COMMITTEE_LABEL.match(lines[i].text.strip()):
            _add_names(doc, "author", lines[i])
    rest = paras[1:]
    if rest and DATE_LINE.match(lines[rest[0][0]].text.strip()):
        add_unique(doc, "date", _block_span(doc, lines, rest[0][0], rest[0][0]))
        rest = rest[1:]
    _committee(doc, lines, rest)
    return True


def _cover_title(doc: Document, lines: list[Line], by: int) -> Span | None:
    """The title lines before "by": after the kind-of-work line, else the paragraph just before."""
    kind = next(
        (i for i in range(by - 1, max(by - 15, -1), -1) if DOCUMENT_KIND_LINE.match(lines[i].text.strip())),
        None,
    )
    if kind is not None:
        paras = _paragraphs(lines, kind + 1, by)
    else:
        before = _paragraphs(lines, max(by - 10, 0), by)
        paras = before[-1:]
    if not paras:
        return None
    return _block_span(doc, lines, paras[0][0], paras[-1][1])


def _add_names(doc: Document, name: str, line: Line) -> None:
    """One or more person names on a line ("A and B", "A; B"); a line "and" between names is skipped."""
    text = line.text
    if text.strip().casefold() in ("and", "&"):
        return
    pos = 0
    for part in _AUTHOR_SPLIT.split(text):
        idx = text.find(part, pos)
        if idx < 0 or not part.strip():
            continue
        pos = idx + len(part)
        add_unique(doc, name, person_span(doc, line.start + idx, line.start + pos))


def _role(label: str) -> str | None:
    """Field name for a committee label or role line."""
    low = label.casefold()
    if "reader" in low:
        return "second-reader"
    if "advis" in low:
        return "advisor"
    if low.startswith("chair") or "department chair" in low:
        return "chair"
    return None


def _committee(doc: Document, lines: list[Line], paras: list[tuple[int, int]]) -> None:
    """Committee of the cover page, inline ("Label: Name") or as a column of labels and a column of names.

    Labels without a value take the names that follow, in order, one each; a
    plural label ("Thesis Co-Advisors:") takes every name left over.
    """
    labels: list[tuple[str | None, bool]] = []  # (field, plural) of labels waiting for names
    names: list[Span] = []
    for line in (lines[i] for first, last in paras for i in range(first, last + 1)):
        text = line.text.strip()
        if RELEASE.match(text) or sf298.HEADING.match(text):
            break
        m = COMMITTEE_LABEL.match(text)
        if m is None:
            if not labels:
                break
            span = person_span(doc, line.start, line.end)
            if span is not None:
                names.append(span)
            continue
        role = _role(m.group("label"))
        if not m.group("value").strip():
            labels.append((role, m.group("label").casefold().endswith("s")))
        elif role:
            add_unique(doc, role, person_span(doc, _sub_line(line, m.start("value")).start, line.end))
    for role, span in _distribute(labels, names):
        if role:
            add_unique(doc, role, span)


def _distribute(labels: list[tuple[str | None, bool]], names: list[Span]) -> list[tuple[str | None, Span]]:
    """Pair names with labels in order; surplus names go to the first plural label (else the last label)."""
    if not labels:
        return []
    counts = [1] * len(labels)
    surplus = len(names) - len(labels)
    if surplus > 0:
        plural = next((k for k, (_, many) in enumerate(labels) if many), len(labels) - 1)
        counts[plural] += surplus
    out: list[tuple[str | None, Span]] = []
    it = iter(names)
    for (role, _), count in zip(labels, counts, strict=True):
        for _ in range(count):
            span = next(it, None)
            if span is not None:
                out.append((role, span))
    return out


# --------------------------------------------------------------------------- approval page


def read_approval_page(doc: Document, lines: list[Line], limit: int) -> bool:
    """Author, rank, prior degrees, degree, school, date and approvers of the inner title page."""
    submitted = next(
        (i for i in range(min(limit, len(lines))) if SUBMITTED.match(lines[i].text.strip())), None
    )
    approved = next(
        (i for i in range(min(limit, len(lines))) if APPROVED_BY.match(lines[i].text.strip())), None
    )
    if submitted is None and approved is None:
        return False
    if submitted is not None:
        _author_blocks(doc, lines, submitted)
        _degree_block(doc, lines, submitted, approved if approved is not None else min(limit, len(lines)))
    if approved is not None:
        _approvers(doc, lines, approved)
    return True


def _author_blocks(doc: Document, lines: list[Line], submitted: int) -> None:
    """Author name(s) with rank/service and prior-degree lines, in the paragraphs before "Submitted…"."""
    paras = _paragraphs(lines, max(submitted - 30, 0), submitted)
    blocks: list[tuple[int, int]] = []
    for first, last in reversed(paras):
        rest = [lines[i].text.strip() for i in range(first + 1, last + 1)]
        if rest and all(PRIOR_DEGREE.match(t) or RANK_LINE.match(t) for t in rest):
            blocks.insert(0, (first, last))
        else:
            break
    for first, last in blocks:
        add_unique(doc, "author", person_span(doc, lines[first].start, lines[first].end))
        for i in range(first + 1, last + 1):
            text = lines[i].text.strip()
            name = "prior-degree" if PRIOR_DEGREE.match(text) else "rank"
            add_unique(doc, name, _block_span(doc, lines, i, i))
    if blocks:
        before = [p for p in paras if p[1] < blocks[0][0]]
        if before and not RELEASE.match(lines[before[-1][0]].text.strip()):
            add_unique(doc, "title", _block_span(doc, lines, before[-1][0], before[-1][1]))


def _degree_block(doc: Document, lines: list[Line], submitted: int, stop: int) -> None:
    """Degree(s) after "requirements for the degree of", the school after "from the", and the date."""
    paras = _paragraphs(lines, submitted, stop)
    k = next((n for n, (_, last) in enumerate(paras[:2]) if DEGREE_OF.search(lines[last].text)), 0) + 1
    while k < len(paras) and not FROM_THE.match(lines[paras[k][0]].text.strip()):
        first, last = paras[k]
        if _ends_degree_part(lines[first].text):
            return
        _degrees(doc, lines, first, last)
        k += 1
    if k >= len(paras):
        return
    first, last = paras[k]
    rest = FROM_THE.match(lines[first].text.strip())
    school: list[Line] = []
    if rest and rest.group("rest").strip():
        school.append(_sub_line(lines[first], rest.start("rest")))
    school.extend(lines[first + 1 : last + 1])
    for para in paras[k + 1 : k + 3]:
        if school and not DATE_LINE.match(lines[para[0]].text.strip()):
            break
        school.extend(lines[para[0] : para[1] + 1])
    for line in school:
        text = line.text.strip()
        if _ends_degree_part(text):
            break
        if DATE_LINE.match(text):
            add_unique(doc, "date", strip_span(doc, line.start, line.end, marks=False))
        else:
            add_unique(doc, "degree-grantor", strip_span(doc, line.start, line.end, marks=False))


def _ends_degree_part(text: str) -> bool:
    """The approvals part ("Author:", "Approved by:") follows the degree statement."""
    text = text.strip()
    return bool(AUTHOR_LINE.match(text) or APPROVED_BY.match(text))


def _degrees(doc: Document, lines: list[Line], first: int, last: int) -> None:
    """One degree per run of lines; a line "and" separates two degrees."""
    run_start = first
    for i in range(first, last + 2):
        if i > last or lines[i].text.strip().casefold() == "and":
            if run_start < i:
                add_unique(doc, "degree", _block_span(doc, lines, run_start, i - 1))
            run_start = i + 1


def _approvers(doc: Document, lines: list[Line], approved: int) -> None:
    """Authors ("Author:") and the name / role pairs after "Approved by:"."""
    for i in range(max(approved - 8, 0), approved):
        m = AUTHOR_LINE.match(lines[i].text.strip())
        if m and m.group("value").strip():
            _add_names(doc, "author", _sub_line(lines[i], m.start("value")))
    name: Span | None = None
    first = lines[approved]
    m = APPROVED_BY.match(first.text.strip())
    if m and m.group("value").strip():
        name = person_span(doc, first.start + _indent(first) + m.start("value"), first.end)
    role_line: int | None = None  # a role may wrap onto the next line ("Chair, Department of\nX Affairs")
    for i in range(approved + 1, min(len(lines), approved + 40)):
        text = lines[i].text.strip()
        if not text:
            role_line = None
            continue
        if is_front_heading(text) or RELEASE.match(text):
            break
        if ROLE_LINE.match(text):
            role_line = i
            _record_role(doc, lines[i], lines[i], name)
        elif role_line is not None and _UNFINISHED.search(lines[i - 1].text):
            _record_role(doc, lines[role_line], lines[i], name)
        else:
            role_line = None
            name = person_span(doc, lines[i].start, lines[i].end)


_UNFINISHED = re.compile(r"(?:\bof|\band|\bfor|[,&/-])\s*$", re.IGNORECASE)
"""A role line that goes on at the next line ("Chair, Department of")."""


def _record_role(doc: Document, line: Line, last: Line, name: Span | None) -> None:
    """Assign ``name`` to the role on ``line`` (continued to ``last``); a chair's role names a department."""
    text = line.text.strip()
    role = _role(text)
    if role is None or name is None:
        return
    add_unique(doc, role, name)
    if role == "chair" and "," in text:
        department = strip_span(doc, line.start + line.text.index(",") + 1, last.end, marks=False)
        values = doc.fields.get("department", [])
        if values and last is not line and department.start == values[-1].start:
            values[-1] = department
        else:
            add_unique(doc, "department", department)


def _indent(line: Line) -> int:
    return len(line.text) - len(line.text.lstrip())


def _sub_line(line: Line, offset: int) -> Line:
    """The part of ``line`` from ``offset`` (relative to its stripped text) to its end."""
    start = line.start + _indent(line) + offset
    return Line(start, line.end, line.text[start - line.start :])


# --------------------------------------------------------------------------- abstract


def read_abstract(doc: Document, lines: list[Line]) -> tuple[int, int] | None:
    """The ABSTRACT section: every paragraph up to the next front-matter heading."""
    head = find_heading_line(lines, ("ABSTRACT",), 0, FRONT_SEARCH_LINES)
    if head is None:
        return None
    last = None
    for i in range(head + 1, len(lines)):
        text = lines[i].text.strip()
        if not text:
            continue
        if is_front_heading(text) or _is_chapter(text) or _is_caps_heading(lines, i):
            break
        last = i
    if last is None:
        return None
    first = next(i for i in range(head + 1, last + 1) if not lines[i].blank)
    add_unique(doc, "abstract", _block_span(doc, lines, first, last))
    return lines[head].start, lines[last].end


_CHAPTER = re.compile(r"^(?:I|CHAPTER\s+(?:1|I|ONE))\.?\s+[A-Z][A-Z ,:'\u2019-]+$")


def _is_caps_heading(lines: list[Line], i: int) -> bool:
    """A short upper-case line standing alone: some front-matter heading this reader does not name."""
    text = lines[i].text.strip()
    alone = (i == 0 or lines[i - 1].blank) and (i + 1 >= len(lines) or lines[i + 1].blank)
    return alone and len(text) <= 60 and text.upper() == text and any(c.isalpha() for c in text)


def _is_chapter(text: str) -> bool:
    """The first chapter heading ("I. INTRODUCTION") ends the front matter."""
    return bool(_CHAPTER.match(text))


# --------------------------------------------------------------------------- acronyms


def read_acronyms(doc: Document, lines: list[Line]) -> tuple[int, int] | None:
    """Every row of the list of acronyms and abbreviations into ``doc.acronyms``; returns the block range."""
    head = find_heading_line(lines, ACRONYM_HEADINGS)
    if head is None:
        return None
    tabbed: bool | None = None
    last = head
    previous_row = False
    for i in range(head + 1, len(lines)):
        line = lines[i]
        text = line.text.strip()
        if not text:
            previous_row = False
            continue
        if is_front_heading(text) or _is_chapter(text):
            break
        if tabbed is None:
            tabbed = "\t" in text
        row = _acronym_row(doc, line, tabbed)
        if row is not None:
            doc.acronyms.append(row)
            previous_row, last = True, i
        elif previous_row:
            prev = doc.acronyms[-1]
            doc.acronyms[-1] = Acronym(prev.short, strip_span(doc, prev.long.start, line.end, marks=False))
            last = i
        else:
            break
    if last == head:
        return None
    return lines[head].start, lines[last].end


def _acronym_row(doc: Document, line: Line, tabbed: bool) -> Acronym | None:
    """A row "SHORT<TAB>expansion" (or "SHORT  expansion" in lists without tabs)."""
    text = line.text
    if tabbed:
        if "\t" not in text.strip():
            return None
        lead = _indent(line)
        tab = text.index("\t", lead)
        short = strip_span(doc, line.start, line.start + tab, marks=False)
        long = strip_span(doc, line.start + tab, line.end, marks=False)
    else:
        m = _SPACED_ROW.match(text.strip())
        if not m or not _acronym_like(m.group("short")):
            return None
        lead = _indent(line)
        short = doc.span(line.start + lead + m.start("short"), line.start + lead + m.end("short"))
        long = strip_span(doc, line.start + lead + m.start("long"), line.end, marks=False)
    if not short.text or not long.text:
        return None
    return Acronym(short, long)


def _acronym_like(token: str) -> bool:
    """Short forms have several capitals or dots ("DoD", "U.S.", "SEDENA")."""
    return sum(c.isupper() for c in token) >= 2 or ("." in token and any(c.isupper() for c in token))


# --------------------------------------------------------------------------- lists of figures / tables


def read_list(
    doc: Document, lines: list[Line], headings: tuple[str, ...]
) -> tuple[list[ListEntry], tuple[int, int] | None]:
    """Entries of a LIST OF FIGURES / LIST OF TABLES and the block's character range."""
    head = find_heading_line(lines, headings)
    if head is None:
        return [], None
    listing, end_index = parse_listing(doc, lines, head + 1)
    entries: list[ListEntry] = []
    for item in listing:
        m = LIST_ITEM.match(item.head.text)
        if not m:
            doc.warnings.append(f"thesis: unreadable line in {lines[head].text.strip()}: {item.head.text!r}")
            continue
        title = strip_span(doc, item.head.start + m.end(), item.head.end)
        entries.append(
            ListEntry(list_label(m.group("kind"), m.group("num")), m.group("num"), title, item.page)
        )
    end = lines[end_index - 1].end if end_index > head + 1 else lines[head].end
    return entries, (lines[head].start, end)


def list_label(kind: str, number: str) -> str:
    """Canonical label of a figure or table: "Figure 3", "Table 2-1".

    >>> list_label("FIG.", "3"), list_label("table", "2\u20131")
    ('Figure 3', 'Table 2-1')
    """
    kind = kind.casefold().rstrip(".")
    name = {"fig": "Figure"}.get(kind, kind.capitalize())
    number = number.replace("\u2013", "-")
    return f"{name} {number}"
