"""Thesis reader: theses and papers of degree-granting and professional military schools, converted from PDF.

One reader serves the family (NPS, CGSC, SAMS, SAASS, ACSC, AWC, USAWC, NWC,
JSOU and their like) because their conventions are shared: a title page in
a fixed vocabulary, a Report Documentation Page, front matter, then a body
with chapters, notes and references. The class of the work is decided per
document from its title page (``Thesis`` for a degree thesis, ``Report`` for
a monograph, research report, strategy research project or paper; see
:mod:`usmxkg.readers.title_page`).

The parts are read in page order because later parts lean on earlier ones:
the front matter (host clutter, title page, SF298, approval page, abstract,
acronyms, lists of figures and tables) marks the blocks that are not body
text; the table of contents gives the section tree; the section headings and
the lists bound where table captions and figure captions are looked for;
footnotes and the list of references come last. Each part that is missing or
unreadable leaves a warning in ``doc.warnings`` instead of stopping the read,
because a partial thesis (a title page only, no TOC) is still worth its
metadata.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from usmxkg.document import Document
from usmxkg.readers import outline, tables, thesis_front
from usmxkg.readers.notes import parse_footnotes
from usmxkg.readers.references import parse_references
from usmxkg.readers.registry import Reader
from usmxkg.readers.thesis_cues import CUES, long_text

__all__ = ["READER", "long_text", "read"]

T = TypeVar("T")

HANDLE = re.compile(r"https?://hdl\.handle\.net/[0-9.]+/[^\s<>)]+")


def read(doc: Document) -> None:
    """Fill a THESIS document (normalised text) with its structure.

    Sets metadata fields, the work type, zones, sections, acronyms, tables,
    figures, footnotes and references.
    """
    lines = outline.split_lines(doc.text)
    front = _guarded(
        doc, "front matter", lambda: thesis_front.read_front(doc, lines), thesis_front.FrontMatter()
    )
    toc = _guarded(
        doc, "outline", lambda: outline.read_outline(doc, lines, front.end), outline.Outline([], None)
    )
    if toc.block is not None:
        doc.add_zone("contents", *toc.block)
    excluded = list(front.blocks) + ([toc.block] if toc.block else [])
    _guarded(doc, "tables", lambda: tables.read_tables(doc, lines, front.tables, excluded), None)
    _guarded(doc, "figures", lambda: tables.read_figures(doc, lines, front.figures, excluded), None)
    parse_footnotes(doc)
    parse_references(doc)
    _handle(doc, front.end)


def _handle(doc: Document, front_end: int) -> None:
    """A repository cover page's persistent identifier (a Handle, https://www.handle.net/) in the front matter."""
    match = HANDLE.search(doc.text, 0, front_end or len(doc.text))
    if match:
        doc.add_field("identifier", doc.span(match.start(), match.end()))


def _guarded(doc: Document, part: str, step: Callable[[], T], default: T) -> T:
    """Run one reading step; an unexpected failure on malformed input becomes a warning, not a crash."""
    try:
        return step()
    except (ValueError, IndexError, KeyError, AttributeError, TypeError) as exc:
        doc.warnings.append(f"thesis: {part} could not be read ({type(exc).__name__}: {exc})")
        return default


READER = Reader(
    kind="thesis",
    description="theses and papers of degree-granting and professional military schools, converted from PDF",
    work_type="Thesis",
    cues=CUES,
    read=read,
)
