"""Lists of the front matter: acronyms and abbreviations, figures, tables.

Theses and reports list their acronyms under a heading such as "LIST OF
ACRONYMS AND ABBREVIATIONS", one "SHORT<TAB>expansion" row per line (or
"SHORT  expansion" where the converter kept no tabs, wrapped expansions
continuing on the next line), and their figures and tables as TOC-style
listings ("Figure 3.<TAB>Title<TAB>12"). The listings tell the table and
figure readers which captions to expect.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from usmxkg.document import Acronym, Document, Span
from usmxkg.readers.outline import Line, find_heading_line, is_front_heading, parse_listing, strip_span

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


@dataclass(frozen=True, slots=True)
class ListEntry:
    """An entry of a list of figures or tables: "Figure 3", its number, title span and page."""

    label: str
    number: str
    title: Span
    page: str


def _indent(line: Line) -> int:
    return len(line.text) - len(line.text.lstrip())


_CHAPTER = re.compile(r"^(?:I|CHAPTER\s+(?:1|I|ONE))\.?\s+[A-Z][A-Z ,:'\u2019-]+$")


def is_chapter(text: str) -> bool:
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
        if is_front_heading(text) or is_chapter(text):
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
