"""Thesis reader: the structure of an NPS-style thesis into a :class:`~usmxkg.document.Document`.

The parts are read in page order because later parts lean on earlier ones:
the front matter (title page, SF298, approval page, abstract, acronyms,
lists of figures and tables) marks the blocks that are not body text; the
table of contents gives the section tree; the section headings and the lists
bound where table captions and figure captions are looked for; footnotes and
the list of references come last. Each part that is missing or unreadable
leaves a warning in ``doc.warnings`` instead of stopping the read, because a
partial thesis (a title page only, no TOC) is still worth its metadata.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from usmxkg.document import Document
from usmxkg.readers import outline, sf298, tables, thesis_front
from usmxkg.readers.cues import Cue, Sample, flag
from usmxkg.readers.notes import parse_footnotes
from usmxkg.readers.references import parse_references
from usmxkg.readers.registry import Reader

T = TypeVar("T")

HANDLE = re.compile(r"https?://hdl\.handle\.net/[0-9.]+/[^\s<>)]+")


def read(doc: Document) -> None:
    """Fill a THESIS document (normalised text) with its structure.

    Sets metadata fields, sections, acronyms, tables, figures, footnotes and references.
    """
    lines = outline.split_lines(doc.text)
    front = _guarded(
        doc, "front matter", lambda: thesis_front.read_front(doc, lines), thesis_front.FrontMatter()
    )
    toc = _guarded(
        doc, "outline", lambda: outline.read_outline(doc, lines, front.end), outline.Outline([], None)
    )
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


# --------------------------------------------------------------------------- detection cues

LONG_TEXT = 60_000
"""Characters beyond which a text is a full-length work, not a record or a release."""

_M = re.MULTILINE
_PARTIAL_FULFILMENT = re.compile(r"submitted in partial fulfil+ment", re.IGNORECASE)
_WORK_LINE = re.compile(
    r"^\s*(?:THESIS|DISSERTATION|MASTER[’']S THESIS|DOCTORAL DISSERTATION|CAPSTONE PROJECT(?: REPORT)?"
    r"|MBA PROFESSIONAL REPORT|TECHNICAL REPORT)\s*$", _M)
_BY_LINE = re.compile(r"^\s*by\s*$", _M)
_COMMITTEE = re.compile(
    r"^\s*(?:(?:Thesis|Dissertation|Project) (?:Co-)?(?:Advisors?|Supervisors?)|Second Reader)\b",
    _M | re.IGNORECASE,
)
_TOC = re.compile(r"^\s*TABLE OF CONTENTS\s*$", _M | re.IGNORECASE)
_CHAPTER = re.compile(r"^\s*(?:[IVX]{1,5}\.|CHAPTER \d+\.?)\s+[A-Z][A-Z ,:;'’&-]{3,}$", _M)
_REFERENCE_LIST = re.compile(
    r"^\s*(?:LIST OF REFERENCES|BIBLIOGRAPHY|WORKS CITED|INITIAL DISTRIBUTION LIST)\s*$", _M | re.IGNORECASE)
_FOOTNOTE_MARK = re.compile(r"(?<=[\w.,;:”\")’])[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
_DEGREE = re.compile(
    r"\b(?:MASTER|DOCTOR) OF (?:SCIENCE|ARTS|PHILOSOPHY|BUSINESS ADMINISTRATION)\b", re.IGNORECASE)
_SF298 = re.compile(sf298.HEADING.pattern, _M | re.IGNORECASE)


def _title_page(s: Sample) -> float:
    """THESIS line, "by" line, committee label: each a third of the cue."""
    return (s.has(_WORK_LINE) + s.has(_BY_LINE) + s.has(_COMMITTEE)) / 3


def _chapters(s: Sample) -> float:
    return float(s.count(_CHAPTER) >= 2)


def _footnote_marks(s: Sample) -> float:
    return min(s.count(_FOOTNOTE_MARK) / 20, 1.0)


def long_text(s: Sample) -> float:
    """A full-length work (used as evidence against records and short forms too)."""
    return float(s.length >= LONG_TEXT)


READER = Reader(
    kind="thesis",
    description="theses and papers of degree-granting and professional military schools, converted from PDF",
    work_type="Thesis",
    cues=(
        Cue("report documentation page (SF 298)", 3.0, flag(_SF298)),
        Cue("submitted in partial fulfillment", 3.0, flag(_PARTIAL_FULFILMENT)),
        Cue("title page: THESIS / by / advisor", 3.0, _title_page),
        Cue("table of contents", 1.5, flag(_TOC)),
        Cue("numbered chapter headings", 1.0, _chapters),
        Cue("list of references", 1.0, flag(_REFERENCE_LIST)),
        Cue("superscript footnote markers", 2.0, _footnote_marks),
        Cue("degree statement", 1.0, flag(_DEGREE)),
        Cue("full-length text", 1.0, long_text),
    ),
    read=read,
)
