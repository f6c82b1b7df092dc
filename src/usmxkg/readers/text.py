"""Plain-text reader: what a text that fits no family is read as.

A text with no recognisable structure still has lines and paragraphs, and
often a title on its first line; that is all this reader claims.
"""

from __future__ import annotations

from usmxkg.document import Document
from usmxkg.readers.lines import WRAP_WIDTH, Line, adjacent, is_title_like, paragraph_spans, split_lines
from usmxkg.readers.registry import Reader


def read(doc: Document) -> None:
    """Fill a TEXT document: a title when the first line is short, then paragraphs."""
    lines = split_lines(doc.text)
    if not lines:
        return
    body = lines
    if len(lines) > 1 and is_title_like(lines[0]) and not _starts_wrapped_paragraph(doc.text, lines):
        doc.add_field("title", doc.span(lines[0].start, lines[0].end))
        body = lines[1:]
    doc.paragraphs.extend(paragraph_spans(doc, body))


def _starts_wrapped_paragraph(text: str, lines: list[Line]) -> bool:
    """True when the first line is the first line of a hard-wrapped paragraph rather than a title.

    A title stands alone (blank line after it) or precedes unwrapped paragraphs;
    a short first line directly followed by lines of the same width is wrapping.
    """
    first, second = lines[0], lines[1]
    if not adjacent(text, first, second) or len(second) > WRAP_WIDTH:
        return False
    return len(first) > 0.8 * len(second) and not first.text.endswith((".", ":", "?", "!"))


READER = Reader(
    kind="text",
    description="plain text that fits no family: a title when the first line states one, then paragraphs",
    work_type="Document",
    cues=(),
    read=read,
)
