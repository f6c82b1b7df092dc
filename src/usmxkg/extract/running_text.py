"""The sentences of a document's running text: what events, policies and amounts are read from.

Facts are taken from running text, not from the regions that only repeat or
cite it (DESIGN.md, ``doc.zones``): front matter and documentation forms,
tables of contents and lists, acronym lists, footnotes, reference lists,
table rows and captions. Besides the zones a reader marks, the document
model already delimits footnotes, references, tables, figures and acronyms,
and a document with an outline has its front matter before the first
section (its abstract, a field of its own, is running text again).

Blocks are runs of non-blank lines (hard-wrapped paragraphs join up again);
sentences are found by pysbd (Golden Rules segmentation,
https://github.com/nipunsadvilkar/pySBD), run only on the blocks that hold a
cue the caller is looking for, since segmentation is the costly step.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

import pysbd

from usmxkg.document import Document, Span

__all__ = ["excluded_ranges", "running_sentences"]

_BLOCK = re.compile(r"\S[^\n]*(?:\n[ \t]*\S[^\n]*)*")
_MIN_WORDS = 4
_LOWER_WORD = re.compile(r"\b[a-z]{2,}\b")


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def excluded_ranges(doc: Document) -> list[tuple[int, int]]:
    """Sorted, merged ``[start, end)`` ranges of the text that are not running text."""
    ranges = [(z.span.start, z.span.end) for z in doc.zones]
    ranges += [(f.text.start, f.text.end) for f in doc.footnotes]
    ranges += [(r.text.start, r.text.end) for r in doc.references]
    ranges += [(a.short.start, a.long.end) for a in doc.acronyms if a.short.start <= a.long.end]
    ranges += [(f.caption.start, f.caption.end) for f in doc.figures]
    for table in doc.tables:
        cells = [c for row in table.rows for c in row]
        if cells:
            ranges.append((min(c.start for c in cells), max(c.end for c in cells)))
        if table.caption is not None:
            ranges.append((table.caption.start, table.caption.end))
    if doc.sections:
        first = min(s.body.start for s in doc.sections)
        abstract = doc.first("abstract")
        if abstract is not None and abstract.start < first:
            ranges += [(0, abstract.start), (abstract.end, first)]
        else:
            ranges.append((0, first))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(r for r in ranges if r[1] > r[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _inside(offset: int, ranges: list[tuple[int, int]], starts: list[int]) -> bool:
    i = bisect_right(starts, offset) - 1
    return i >= 0 and ranges[i][0] <= offset < ranges[i][1]


def running_sentences(doc: Document, cue: re.Pattern[str] | None = None) -> list[Span]:
    """Sentences of running text, in text order; with ``cue``, only those in blocks where it matches.

    A line holding a tab is a table or list row, never prose, and is skipped;
    so is a line whose middle lies in an excluded range (a footnote line
    starts with its marker, outside the note's own span).
    """
    ranges = excluded_ranges(doc)
    starts = [r[0] for r in ranges]
    out: list[Span] = []
    for block in _BLOCK.finditer(doc.text):
        if cue is not None and not cue.search(block.group(0)):
            continue
        lines = [(m.start() + block.start(), m.group(0)) for m in re.finditer(r"[^\n]+", block.group(0))]
        kept = [(s, t) for s, t in lines
                if "\t" not in t.strip() and not _inside(s + len(t) // 2, ranges, starts)]
        if not kept:
            continue
        for start, end in _runs(kept):
            chunk = doc.text[start:end].replace("\n", " ").translate(_QUOTES)
            if cue is not None and not cue.search(chunk):
                continue
            for piece in _segmenter().segment(chunk):
                out.extend(_sentence(doc, start + piece.start, start + piece.end))
    return out


_QUOTES = str.maketrans({'"': " ", "“": " ", "”": " "})
"""Double quotes are hidden from the segmenter (same length, so offsets hold): pysbd keeps a quotation
that opens a paragraph and closes at its end as one sentence, however many sentences it holds."""

_PARAGRAPH_LINE = 200
"""A line this long is a paragraph of its own (PDF-to-text and web copies write one paragraph per line)."""


def _runs(lines: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """Consecutive kept lines joined into ranges; a skipped line or a paragraph-long line breaks a run."""
    runs: list[tuple[int, int]] = []
    long_run = False
    for start, text in lines:
        end = start + len(text)
        long_line = len(text) >= _PARAGRAPH_LINE and text.rstrip()[-1:] in ".!?\"”'’)"
        if runs and start == runs[-1][1] + 1 and not long_run:
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
        long_run = long_line
    return runs


def _sentence(doc: Document, start: int, end: int) -> list[Span]:
    while start < end and doc.text[start].isspace():
        start += 1
    while end > start and doc.text[end - 1].isspace():
        end -= 1
    text = doc.text[start:end]
    if len(text.split()) < _MIN_WORDS or not _LOWER_WORD.search(text):
        return []
    return [doc.span(start, end)]
