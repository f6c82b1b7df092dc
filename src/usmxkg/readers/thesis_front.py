"""Front matter of a thesis or school paper: the parts before the body, read in page order.

Theses and papers of the degree-granting and professional military schools
open with fixed pages in a fixed vocabulary, which is what makes them
readable without knowing the document:

* around them, when the copy comes from a host site or a repository, the
  site's furniture and the repository's cover sheet
  (:mod:`usmxkg.readers.transcript`);
* the title (cover) page of the school (:mod:`usmxkg.readers.title_page`),
  which also says what kind of work it is;
* the Report Documentation Page (SF 298 or DD Form 1473,
  :mod:`usmxkg.readers.sf298`), before or after the title page;
* the approval (inner title) page (:mod:`usmxkg.readers.approval_page`);
* disclaimers ("The views expressed in this … are those of the author …");
* ABSTRACT, then the lists of acronyms, figures and tables
  (:mod:`usmxkg.readers.front_lists`).

Each part found becomes a block the body readers skip and, except the list
of acronyms (whose rows ``doc.acronyms`` already delimit, and whose long
forms name what the document mentions), a zone of the document (furniture,
front matter, contents); each missing essential becomes a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from usmxkg.document import Document
from usmxkg.readers import sf298, transcript
from usmxkg.readers.approval_page import add_unique, block_span, read_approval_page
from usmxkg.readers.front_lists import (
    FIGURE_LIST_HEADINGS,
    TABLE_LIST_HEADINGS,
    ListEntry,
    is_chapter,
    list_label,
    read_acronyms,
    read_list,
)
from usmxkg.readers.outline import TOC_HEADINGS, Line, find_heading_line, is_front_heading, split_lines
from usmxkg.readers.page_vocabulary import DISCLAIMER
from usmxkg.readers.title_page import TitlePage, read_title_page
from usmxkg.readers.work_class import work_type

__all__ = ["FrontMatter", "ListEntry", "add_unique", "front_limit", "list_label", "read_abstract", "read_front"]

FRONT_SEARCH_LINES = 400
"""Front matter lies within the first few hundred lines when no TOC marks its end."""

THESIS_EVIDENCE = re.compile(r"\b(?:thesis|dissertation|degree\s+of|master\s+of|doctor\s+of)\b", re.IGNORECASE)
FRONT_CHARS = 12_000

DISCLAIMER_LINES = 160
"""Disclaimers stand on the first pages."""


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
    clutter = transcript.read_clutter(doc, lines)
    transcript.mark(doc, clutter)
    limit = front_limit(lines)
    form = sf298.read_form(doc, lines)
    page = _title_page(doc, lines, limit, form, clutter)
    if page.found:
        front.blocks.append((page.start, page.end))
        doc.add_zone("front-matter", page.start, page.end)
    else:
        doc.warnings.append("thesis: no title page (title / 'by' / author) found")
    if form is None:
        doc.warnings.append("thesis: no REPORT DOCUMENTATION PAGE (SF298) found")
    else:
        front.blocks.append((form.start, form.end))
        doc.add_zone("front-matter", form.start, form.end)
    read_approval_page(doc, lines, limit)
    _disclaimers(doc, lines, front)
    _lists(doc, lines, front)
    if form is not None:
        sf298.apply(doc, form)
    report_type = form.first("report-type") if form is not None else None
    decided = page.work_type or work_type([], [], report_type.text if report_type else None)
    if decided is None and form is not None and not THESIS_EVIDENCE.search(doc.text[:FRONT_CHARS]):
        decided = "Report"  # a documentation page, and nothing on the first pages says thesis or degree
    if decided is not None:
        doc.work_type = decided
    return front


def front_limit(lines: list[Line]) -> int:
    """Index of the line where the title and approval pages can no longer be: the TOC or ABSTRACT heading,
    else the first chapter heading ("I. INTRODUCTION", a thesis excerpt without contents or abstract)."""
    stop = min(len(lines), FRONT_SEARCH_LINES)
    for names in (TOC_HEADINGS, ("ABSTRACT",)):
        found = find_heading_line(lines, names, 0, stop)
        if found is not None:
            return found
    return next((i for i in range(stop) if is_chapter(lines[i].text.strip())), stop)


def _title_page(doc: Document, lines: list[Line], limit: int, form: sf298.Form | None,
                clutter: transcript.Clutter) -> TitlePage:
    """The title page before the documentation page, else the one after it."""
    if form is None:
        return read_title_page(doc, lines, 0, limit, clutter)
    head = _line_at(lines, form.start)
    if lines[head].start < form.start:  # the form starts inside a run-together line: the page is before it
        page = read_title_page(doc, lines, 0, head + 1, clutter, limit=form.start)
    else:
        page = read_title_page(doc, lines, 0, head, clutter) if head > 0 else TitlePage()
    if not page.found:
        after = _line_at(lines, form.end) + 1
        page = read_title_page(doc, lines, after, max(limit, min(len(lines), after + 120)), clutter)
    return page


def _line_at(lines: list[Line], offset: int) -> int:
    """Index of the line holding ``offset``."""
    lo, hi = 0, len(lines)
    while lo < hi:
        mid = (lo + hi) // 2
        if lines[mid].end < offset:
            lo = mid + 1
        else:
            hi = mid
    return min(lo, max(len(lines) - 1, 0))


def _disclaimers(doc: Document, lines: list[Line], front: FrontMatter) -> None:
    """Disclaimer paragraphs of the first pages ("The views expressed in this … are those of the author")."""
    i = 0
    stop = min(len(lines), DISCLAIMER_LINES)
    while i < stop:
        text = lines[i].text.strip()
        if text and (i == 0 or lines[i - 1].blank) and DISCLAIMER.match(text) and not doc.in_zone(
                lines[i].start, lines[i].end, frozenset({"furniture"})):
            j = i
            while j + 1 < len(lines) and not lines[j + 1].blank:
                j += 1
            if text.casefold().rstrip(":") == "disclaimer":  # the heading, then its paragraph
                j += 1
                while j < len(lines) and lines[j].blank:
                    j += 1
                while j + 1 < len(lines) and not lines[j + 1].blank:
                    j += 1
            j = min(j, len(lines) - 1)
            doc.add_zone("front-matter", lines[i].start, lines[j].end)
            front.blocks.append((lines[i].start, lines[j].end))
            i = j + 1
            continue
        i += 1


def _lists(doc: Document, lines: list[Line], front: FrontMatter) -> None:
    """ABSTRACT, the list of acronyms and the lists of figures and tables."""
    abstract = read_abstract(doc, lines)
    if abstract is not None:
        front.blocks.append(abstract)
    elif doc.first("abstract") is None:
        doc.warnings.append("thesis: no ABSTRACT found")
    acronyms = read_acronyms(doc, lines)
    if acronyms is not None:  # the rows themselves (doc.acronyms) delimit the list; its names stay mentions
        front.blocks.append(acronyms)
    front.figures, block = read_list(doc, lines, FIGURE_LIST_HEADINGS)
    if block is not None:
        front.blocks.append(block)
        doc.add_zone("contents", *block)
    front.tables, block = read_list(doc, lines, TABLE_LIST_HEADINGS)
    if block is not None:
        front.blocks.append(block)
        doc.add_zone("contents", *block)


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
        if is_front_heading(text) or is_chapter(text) or _is_caps_heading(lines, i):
            break
        last = i
    if last is None:
        return None
    first = next(i for i in range(head + 1, last + 1) if not lines[i].blank)
    first = _after_abstract_head(lines, first, last)
    add_unique(doc, "abstract", block_span(doc, lines, first, last))
    return lines[head].start, lines[last].end


ABSTRACT_HEAD = re.compile(r"^[^a-z]+,\s+by\s+\S.*,\s+\d+\s+pages\.?$", re.S)
"""The line that opens a CGSC/SAMS abstract page: "TITLE, by RANK NAME, N pages." (the title restated in
capitals, not abstract)."""


def _after_abstract_head(lines: list[Line], first: int, last: int) -> int:
    """The first line of the abstract proper, past a leading "TITLE, by NAME, N pages." paragraph."""
    end = first
    while end + 1 <= last and not lines[end + 1].blank:
        end += 1
    paragraph = " ".join(lines[i].text.strip() for i in range(first, end + 1))
    if not ABSTRACT_HEAD.search(paragraph):
        return first
    return next((i for i in range(end + 1, last + 1) if not lines[i].blank), first)


def _is_caps_heading(lines: list[Line], i: int) -> bool:
    """A short upper-case line standing alone: some front-matter heading this reader does not name."""
    text = lines[i].text.strip()
    alone = (i == 0 or lines[i - 1].blank) and (i + 1 >= len(lines) or lines[i + 1].blank)
    return alone and len(text) <= 60 and text.upper() == text and any(c.isalpha() for c in text)
