"""Data tables and figure captions of a thesis.

PDF-to-text converters write a table as one line per row with its cells
separated by tabs; the caption ("Table 2. …") may stand above the rows (the
usual convention) or below them after the table's source and notes lines (as
in NPS theses of the 2010s). A caption is paired with the nearest block of
rows on either side, never across a section heading or another caption.
Lists of figures and tables, when present, say which captions to expect and
let a caption be told apart from a sentence that merely starts with
"Figure 3."; blocks that belong to the front matter (SF298, TOC, lists,
acronyms) are never tables.

Cells keep their footnote marks (``15.0ᵃ``; the normaliser turns ``15.0 ^a`` into that) so that a later
step can resolve them against the notes under the table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from usmxkg.document import Document, Figure, Span, Table
from usmxkg.readers.front_lists import ListEntry, list_label
from usmxkg.readers.outline import Line, heading_key, split_lines, strip_span

CAPTION = re.compile(
    r"^[ \t]*(?P<kind>Table|Figure|Fig\.|Exhibit|Chart|Map)\s+(?P<num>[A-Z]?\d+(?:[.\-\u2013]\d+)*[A-Za-z]?)"
    r"(?P<sep>\s*[.:\u2013\u2014-]\s+|\s+)(?P<title>\S.*)$",
    re.IGNORECASE,
)
"""A caption line: "Table 1. Funding for Mexico by Account", "Figure 2: Chart" (dash separators too)."""

MAX_CAPTION_CHARS = 300
MAX_GAP_BEFORE = 8
"""Caption below its rows: at most this many lines (sources, notes, footnotes) in between."""
MAX_GAP_AFTER = 2
"""Caption above its rows: at most this many lines (a table title, units) in between."""
_TRAILING_PERIOD = re.compile(r"\.\s*$")


class _Caption(NamedTuple):
    label: str
    line: int
    title: Span
    explicit: bool  # "Table 1." with a separator, not "Table 1 shows …"


@dataclass(frozen=True, slots=True)
class _Block:
    """A run of tab-separated lines: indices of the first and last line."""

    first: int
    last: int


def read_tables(
    doc: Document,
    lines: list[Line] | None = None,
    listed: list[ListEntry] | None = None,
    excluded: list[tuple[int, int]] | None = None,
) -> None:
    """Fill ``doc.tables`` with captioned (and clearly tabular uncaptioned) blocks of tab-separated rows."""
    lines = lines if lines is not None else split_lines(doc.text)
    excluded = excluded or []
    listed = listed or []
    blocks = _row_blocks(lines, excluded)
    captions = _choose(doc, _captions(doc, lines, excluded, "Table"), listed, "Table", "LIST OF TABLES")
    barriers = _barriers(doc, lines, captions)
    used: set[int] = set()
    tables: list[tuple[int, Table]] = []
    for caption, block_index in _pair(captions, blocks, lines, barriers):
        if block_index is None:
            doc.warnings.append(f"thesis: {caption.label} has a caption but no tab-separated rows")
            tables.append((caption.line, Table(caption.label, caption.title, [])))
            continue
        used.add(block_index)
        block = blocks[block_index]
        table = Table(caption.label, caption.title, _rows(doc, lines, block))
        _source_and_notes(doc, lines, table, block, barriers)
        tables.append((block.first, table))
    headings = {section.title.start for top in doc.sections for section in top.walk()}
    for k, block in enumerate(blocks):
        if k not in used:
            # outline headings set with a tab ("I.<TAB>INTRODUCTION") are rows of no table
            rows = [row for row in _rows(doc, lines, block) if not any(c.start in headings for c in row)]
            if sum(1 for row in rows if sum(1 for c in row if c.text) >= 2) >= 2:
                table = Table("", None, rows)
                _source_and_notes(doc, lines, table, block, barriers)
                tables.append((block.first, table))
    doc.tables = [t for _, t in sorted(tables, key=lambda item: item[0])]


def read_figures(
    doc: Document,
    lines: list[Line] | None = None,
    listed: list[ListEntry] | None = None,
    excluded: list[tuple[int, int]] | None = None,
) -> None:
    """Fill ``doc.figures`` with figure captions, checked against the list of figures when there is one."""
    lines = lines if lines is not None else split_lines(doc.text)
    captions = _choose(
        doc, _captions(doc, lines, excluded or [], "Figure"), listed or [], "Figure", "LIST OF FIGURES"
    )
    doc.figures = [Figure(c.label, c.title) for c in sorted(captions, key=lambda c: c.line)]


# --------------------------------------------------------------------------- captions


def _inside(offset: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= offset < b for a, b in ranges)


def _captions(doc: Document, lines: list[Line], excluded: list[tuple[int, int]], kind: str) -> list[_Caption]:
    """Every line shaped like a caption of ``kind`` outside the front-matter blocks."""
    out: list[_Caption] = []
    for i, line in enumerate(lines):
        if len(line.text) > MAX_CAPTION_CHARS or _inside(line.start, excluded):
            continue
        m = _caption_match(line.text)
        if not m:
            continue
        label = list_label(m.group("kind"), m.group("num"))
        if not label.startswith(kind):
            continue
        title = caption_span(doc, line.start + m.start("title"), line.end)
        explicit = bool(m.group("sep").strip())
        out.append(_Caption(label, i, title, explicit))
    return out


def _caption_match(text: str) -> re.Match[str] | None:
    """A caption line, its label and title separated by spaces or by one tab ("Table 1.<TAB>Title").

    A line with more tabs is a row of cells, or an entry of a list of tables ("Table 1.<TAB>Title…<TAB>7").
    """
    m = CAPTION.match(text)
    if m is None:
        return None
    tabs = text.strip().count("\t")
    return m if tabs == 0 or (tabs == 1 and "\t" in m.group("sep")) else None


def caption_span(doc: Document, start: int, end: int) -> Span:
    """Caption text without trailing footnote marks and final period."""
    span = strip_span(doc, start, end)
    m = _TRAILING_PERIOD.search(span.text)
    if m and m.start() > 0:
        span = strip_span(doc, span.start, span.start + m.start())
    return span


def _choose(
    doc: Document, found: list[_Caption], listed: list[ListEntry], kind: str, list_name: str
) -> list[_Caption]:
    """One caption per label: the line whose title matches the listed title, else the first explicit one."""
    by_label: dict[str, list[_Caption]] = {}
    for caption in found:
        by_label.setdefault(caption.label, []).append(caption)
    chosen: list[_Caption] = []
    listed_labels = set()
    for entry in listed:
        listed_labels.add(entry.label)
        best = _best(by_label.get(entry.label, []), heading_key(entry.title.text))
        if best is None:
            doc.warnings.append(f"thesis: {entry.label} is in the {list_name} but has no caption in the text")
            continue
        chosen.append(best)
    for label, candidates in by_label.items():
        if label in listed_labels:
            continue
        explicit = [c for c in candidates if c.explicit]
        if explicit:
            chosen.append(explicit[0])
            if listed:
                doc.warnings.append(f"thesis: {label} has a caption but is not in the {list_name}")
    return chosen


def _best(candidates: list[_Caption], listed_key: str) -> _Caption | None:
    """The candidate whose title agrees with the listed title (exactly, then as a prefix)."""
    if not candidates:
        return None
    for test in (lambda k: k == listed_key, lambda k: k.startswith(listed_key) or listed_key.startswith(k)):
        for caption in candidates:
            key = heading_key(caption.title.text)
            if key and test(key):
                return caption
    explicit = [c for c in candidates if c.explicit]
    return explicit[0] if explicit else None


# --------------------------------------------------------------------------- rows


def _row_blocks(lines: list[Line], excluded: list[tuple[int, int]]) -> list[_Block]:
    """Runs of tab-separated lines (a single blank line may separate two rows)."""
    blocks: list[_Block] = []
    first = last = -1
    for i, line in enumerate(lines):
        if "\t" not in line.text.strip() or _inside(line.start, excluded) or _caption_match(line.text):
            continue
        if first >= 0 and i <= last + 2 and all(lines[k].blank for k in range(last + 1, i)):
            last = i
            continue
        if first >= 0:
            blocks.append(_Block(first, last))
        first = last = i
    if first >= 0:
        blocks.append(_Block(first, last))
    return blocks


def _rows(doc: Document, lines: list[Line], block: _Block) -> list[list[Span]]:
    """Cells of every row: tab-separated, stripped of white space, footnote marks kept."""
    rows: list[list[Span]] = []
    for i in range(block.first, block.last + 1):
        line = lines[i]
        if line.blank:
            continue
        cells: list[Span] = []
        pos = line.start
        for piece in line.text.split("\t"):
            cells.append(strip_span(doc, pos, pos + len(piece), marks=False))
            pos += len(piece) + 1
        rows.append(cells)
    return rows


# --------------------------------------------------------------------------- source and notes


SOURCE_LINE = re.compile(r"^[ \t]*(?:Sources?|SOURCES?|Data\s+source)\s*:\s*(?=\S)")
NOTE_LINE = re.compile(r"^[ \t]*(?:Notes?|NOTES?)\s*:\s*(?=\S)")
MARKED_NOTE = re.compile(r"^[ \t]*(?:[a-h]|[ᵃᵇᶜᵈᵉᶠᵍʰ]|\*{1,3}|†|‡)(?:[.)]|\s)\s*(?=\S)")
"""A table note under its rows: "a. …", "a Not applicable", "ᵇ …", "* …" (Chicago 3.74–3.78)."""


def _source_and_notes(doc: Document, lines: list[Line], table: Table, block: _Block, barriers: set[int]) -> None:
    """The "Source:" line and the notes printed under a table's rows, up to a caption or body text.

    The source, general notes and lettered notes follow the rows in that
    order (*Chicago Manual of Style* 3.74–3.78); they end at the first line
    that is none of them.
    """
    for i in range(block.last + 1, min(len(lines), block.last + 1 + 3 * MAX_GAP_BEFORE)):
        line = lines[i]
        if line.blank:
            continue
        if i in barriers:
            break
        source = SOURCE_LINE.match(line.text)
        if source and table.source is None:
            table.source = strip_span(doc, line.start + source.end(), line.end, marks=False)
        elif NOTE_LINE.match(line.text) or MARKED_NOTE.match(line.text):
            table.notes.append(strip_span(doc, line.start, line.end, marks=False))
        else:
            break


# --------------------------------------------------------------------------- pairing


def _barriers(doc: Document, lines: list[Line], captions: list[_Caption]) -> set[int]:
    """Lines a caption is never paired across: section headings and other captions."""
    starts = {s.body.start for root in doc.sections for s in root.walk()}
    out = {i for i, line in enumerate(lines) if line.start in starts}
    out.update(c.line for c in captions)
    for i, line in enumerate(lines):
        m = CAPTION.match(line.text)
        if m and m.group("sep").strip() and len(line.text) <= MAX_CAPTION_CHARS:
            out.add(i)
    return out


def _gap(lines: list[Line], a: int, b: int, barriers: set[int]) -> int | None:
    """Non-blank lines strictly between line ``a`` and line ``b``; None when a barrier lies between."""
    count = 0
    for i in range(a + 1, b):
        if i in barriers:
            return None
        if not lines[i].blank:
            count += 1
    return count


def _pair(
    captions: list[_Caption], blocks: list[_Block], lines: list[Line], barriers: set[int]
) -> list[tuple[_Caption, int | None]]:
    """Give each caption the nearest free block: below it (caption above) or above it (caption below)."""
    options: list[tuple[int, int, int, int]] = []  # (gap, prefer-after, caption index, block index)
    for c, caption in enumerate(captions):
        for b, block in enumerate(blocks):
            if block.first > caption.line:
                gap = _gap(lines, caption.line, block.first, barriers)
                if gap is not None and gap <= MAX_GAP_AFTER:
                    options.append((gap, 0, c, b))
            elif block.last < caption.line:
                gap = _gap(lines, block.last, caption.line, barriers)
                if gap is not None and gap <= MAX_GAP_BEFORE:
                    options.append((gap, 1, c, b))
    taken_captions: dict[int, int] = {}
    taken_blocks: set[int] = set()
    for _, _, c, b in sorted(options):
        if c in taken_captions or b in taken_blocks:
            continue
        taken_captions[c] = b
        taken_blocks.add(b)
    return [(caption, taken_captions.get(c)) for c, caption in enumerate(captions)]
