"""Lines, blocks and paragraphs: the helpers every reader of running text shares.

Texts meet two paragraph conventions: paragraphs separated by blank lines
(hard-wrapped or not), and one paragraph per line with no blank lines in
between (text copied from a web page). A :class:`Line` is a non-blank line
with its offsets; blocks are runs of adjacent lines; a block is one
paragraph when hard-wrapped, else one paragraph per line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from usmxkg.document import Document, Span

WRAP_WIDTH = 160
"""No hard-wrapped paragraph has lines this long; a block holding one is one paragraph per line."""

TITLE_MAX_CHARS = 120
"""A first line longer than this is the start of the text, not a title."""

_LINE = re.compile(r"[^\n]+")
_LEADING = re.compile(r"[ \t]*")


@dataclass(frozen=True, slots=True)
class Line:
    """A non-blank line of the document: offsets of its text without surrounding blanks."""

    start: int
    end: int
    text: str

    def __len__(self) -> int:
        return self.end - self.start


def split_lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """The non-blank lines of ``text[start:end]``, leading and trailing blanks trimmed."""
    lines = []
    for match in _LINE.finditer(text, start, len(text) if end is None else end):
        body = match.group()
        stripped = body.strip()
        if not stripped:
            continue
        lead = len(body) - len(body.lstrip())
        begin = match.start() + lead
        lines.append(Line(begin, begin + len(stripped), stripped))
    return lines


def adjacent(text: str, first: Line, second: Line) -> bool:
    """True when ``second`` follows ``first`` with no blank line (nor skipped line) between them."""
    return text.count("\n", first.end, second.start) == 1 and not text[first.end:second.start].strip()


def blocks(text: str, lines: Iterable[Line]) -> list[list[Line]]:
    """Lines grouped into blocks of adjacent lines; a blank or removed line starts a new block."""
    out: list[list[Line]] = []
    for line in lines:
        if out and adjacent(text, out[-1][-1], line):
            out[-1].append(line)
        else:
            out.append([line])
    return out


def unwrapped(block: list[Line]) -> bool:
    """True when the block's lines are whole paragraphs (a line too long to come from hard wrapping)."""
    return len(block) > 1 and any(len(line) > WRAP_WIDTH for line in block)


def paragraph_spans(doc: Document, lines: Iterable[Line]) -> list[Span]:
    """Paragraph spans from lines: a hard-wrapped block is one paragraph, an unwrapped block one per line."""
    spans: list[Span] = []
    for block in blocks(doc.text, lines):
        if unwrapped(block):
            spans.extend(doc.span(line.start, line.end) for line in block)
        else:
            spans.append(doc.span(block[0].start, block[-1].end))
    return spans


def is_title_like(line: Line) -> bool:
    """A short line that does not end like a sentence in running text."""
    return len(line) <= TITLE_MAX_CHARS and not line.text.endswith((",", ";")) and (
        not line.text.endswith(".") or len(line.text.split()) <= 12
    )
