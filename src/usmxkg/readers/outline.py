"""Table of contents of a thesis or paper, and the line helpers the thesis reader modules share.

Theses and school papers number their headings in one of three schemes
(:mod:`usmxkg.readers.numbering`): the classic outline of NPS theses and
U.S. government reports (``I.`` chapters, ``A.`` sections, ``1.``
subsections, ``a.`` sub-subsections), chapter words ("CHAPTER 1",
"Chapter One") as CGSC and SAMS print them, or decimal numbers ("1.1",
"2.3.1"); unnumbered top-level parts (LIST OF REFERENCES, BIBLIOGRAPHY,
APPENDIX A. …, INITIAL DISTRIBUTION LIST) follow the chapters. The table of
contents (TOC) is the author's own statement of that outline; this module
reads it (:func:`parse_toc`) and :mod:`usmxkg.readers.headings` finds its
entries in the body. Markdown ``#`` depth from PDF converters is unreliable
and is not used.

The line helpers (:class:`Line`, :func:`split_lines`, :func:`find_heading_line`)
are shared by the other thesis reader modules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from usmxkg.document import Document, Span
from usmxkg.readers.normalise import SUPERSCRIPT
from usmxkg.readers.numbering import DECIMAL, Label, Numbering, match_label

SUPERSCRIPT_CHARS = frozenset("".join(chr(c) for c in SUPERSCRIPT.values() if isinstance(c, int)))
"""Footnote markers as the normaliser writes them; they are never part of a heading or caption."""

TOC_HEADINGS = ("TABLE OF CONTENTS", "CONTENTS")

FRONT_MATTER_HEADINGS = frozenset(
    {
        "ABSTRACT",
        "TABLE OF CONTENTS",
        "CONTENTS",
        "LIST OF FIGURES",
        "LIST OF TABLES",
        "LIST OF ILLUSTRATIONS",
        "LIST OF ACRONYMS AND ABBREVIATIONS",
        "LIST OF ABBREVIATIONS AND ACRONYMS",
        "LIST OF ACRONYMS",
        "LIST OF ABBREVIATIONS",
        "LIST OF SYMBOLS",
        "ACKNOWLEDGMENTS",
        "ACKNOWLEDGEMENTS",
        "ACKNOWLEDGMENT",
        "EXECUTIVE SUMMARY",
        "PREFACE",
        "FOREWORD",
        "DEDICATION",
        "DISCLAIMER",
        "GLOSSARY",
    }
)
"""Stand-alone headings of thesis front matter; any of them ends the block before it."""

BACK_MATTER = re.compile(
    r"^(?:LIST OF REFERENCES|REFERENCES|BIBLIOGRAPHY|WORKS CITED|SELECTED BIBLIOGRAPHY|ENDNOTES|GLOSSARY"
    r"|INITIAL DISTRIBUTION LIST|APPENDIX(?:\s+[A-Z0-9]{1,3})?(?:[.:]?\s+[A-Z0-9].*)?)$"
)
"""Unnumbered top-level headings that follow the chapters (used when there is no TOC)."""


_PAGE = re.compile(
    r"^(?P<head>.*?\S)"
    r"(?:[\t ]*(?:\.[\t ]*){2,}[\t ]*(?P<p1>\d{1,4}|x{0,3}(?:ix|iv|v?i{1,3}|v|x))"  # dot leaders
    r"|\t+[\t ]*(?P<p2>\d{1,4}|x{0,3}(?:ix|iv|v?i{1,3}|v|x))"  # tab
    r"|[ ]{2,}(?P<p3>\d{1,4}|x{0,3}(?:ix|iv|v?i{1,3}|v|x))"  # wide space
    r"|[ ](?P<p4>\d{1,3}))$"  # single space: arabic pages only
)
"""A listing line ending with its page number (TOC, list of figures, list of tables)."""

_NOT_KEY = re.compile(r"[\W_" + re.escape("".join(sorted(SUPERSCRIPT_CHARS))) + r"]+")
"""What a heading key drops: everything but letters and digits, and footnote marks."""
_CHAPTER_WORD = re.compile(r"^\s*chapter\s*$", re.IGNORECASE)
_LEADERS = re.compile(r"[\t ]*(?:\.[\t ]*){2,}$")
_TRAILING_MARKS = re.compile(r"[\s" + re.escape("".join(sorted(SUPERSCRIPT_CHARS))) + r"]+$")

_MINOR_WORDS = frozenset(
    {
        *("a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "by", "with"),
        *("from", "as", "vs", "via", "into", "onto", "its", "their", "per", "over", "under", "between"),
        *("among", "through", "after", "before", "during", "without", "within", "versus", "upon"),
        *("de", "del", "la", "las", "el", "los", "en", "y", "e"),
    }
)
"""Words title case leaves in lower case (plus the Spanish ones common in this field)."""

MAX_HEADING_CHARS = 200
MAX_LISTING_CHARS = 300


class Line(NamedTuple):
    """One line of the normalised text: ``[start, end)`` without its newline."""

    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True, slots=True)
class TocEntry:
    """One TOC entry: outline label ("" when unnumbered), title as printed in the TOC, page, level."""

    number: str
    title: Span
    page: str
    level: int


@dataclass(frozen=True, slots=True)
class ListingEntry:
    """A line of a TOC-style listing before the label is interpreted: its head text and page."""

    head: Span
    page: str


@dataclass(frozen=True, slots=True)
class Outline:
    """What :func:`read_outline` found: TOC entries and the character range of the TOC block."""

    entries: list[TocEntry]
    block: tuple[int, int] | None


def split_lines(text: str) -> list[Line]:
    """The text's lines with their offsets.

    >>> [tuple(line) for line in split_lines("a\\n\\nbc")]
    [(0, 1, 'a'), (2, 2, ''), (3, 5, 'bc')]
    """
    out: list[Line] = []
    pos = 0
    for piece in text.split("\n"):
        out.append(Line(pos, pos + len(piece), piece))
        pos += len(piece) + 1
    return out


def heading_key(text: str) -> str:
    """Comparison key for headings: case-, whitespace-, punctuation- and footnote-mark-insensitive.

    >>> heading_key("III.\\tU.S.\u2013MEXICO  TIES.....¹") == heading_key("III. U.S.-Mexico Ties")
    True
    """
    return _NOT_KEY.sub("", text.casefold())


def find_heading_line(
    lines: list[Line], names: tuple[str, ...] | frozenset[str], start: int = 0, stop: int | None = None
) -> int | None:
    """Index of the first line in ``[start, stop)`` that is exactly one of ``names`` (case-insensitive)."""
    wanted = {name.casefold() for name in names}
    for i in range(start, len(lines) if stop is None else min(stop, len(lines))):
        if lines[i].text.strip().casefold() in wanted:
            return i
    return None


def strip_span(doc: Document, start: int, end: int, marks: bool = True) -> Span:
    """Span of ``[start, end)`` without surrounding whitespace (and trailing footnote marks)."""
    text = doc.text
    while start < end and text[start].isspace():
        start += 1
    pattern = _TRAILING_MARKS if marks else None
    if pattern is not None:
        m = pattern.search(text, start, end)
        if m:
            end = m.start()
    while end > start and text[end - 1].isspace():
        end -= 1
    return doc.span(start, end)


def is_front_heading(text: str) -> bool:
    """True when a line is one of the stand-alone front-matter headings."""
    return text.strip().upper() in FRONT_MATTER_HEADINGS


# --------------------------------------------------------------------------- TOC-style listings


def parse_listing(doc: Document, lines: list[Line], first: int) -> tuple[list[ListingEntry], int]:
    """Entries of a TOC-style listing starting at line ``first``, and the index after its last line.

    A listing line ends with a page number after dot leaders, a tab or wide
    spacing. A line without one is the first part of a wrapped entry when the
    next line completes it. The listing ends at a front-matter heading, or at a
    line that neither is an entry nor starts one.
    """
    entries: list[ListingEntry] = []
    i, end_index = first, first
    n = len(lines)
    while i < n:
        line = lines[i]
        if line.blank:
            i += 1
            continue
        if is_front_heading(line.text):
            break
        if line.text.strip().casefold() in ("page", "pages") and not entries:  # the page-number column's header
            i += 1
            end_index = i
            continue
        entry, used = _listing_entry(doc, lines, i)
        if entry is None:
            break
        entries.append(entry)
        i += used
        end_index = i
    return entries, end_index


def _listing_entry(doc: Document, lines: list[Line], i: int) -> tuple[ListingEntry | None, int]:
    """The entry starting at line ``i`` (joining up to three wrapped lines) and how many lines it used."""
    for used in range(1, 4):
        if i + used - 1 >= len(lines):
            break
        last = lines[i + used - 1]
        if last.blank or len(last.text) > MAX_LISTING_CHARS or (used > 1 and is_front_heading(last.text)):
            break
        m = _PAGE.match(last.text)
        if m and _CHAPTER_WORD.match(last.text[: m.end("head")]):
            break  # "CHAPTER 2" in the body is a heading, not an entry for page 2
        if m:
            head_end = last.start + m.end("head")
            head_end = last.start + len(_LEADERS.sub("", last.text[: head_end - last.start]))
            page = next(g for g in (m.group("p1"), m.group("p2"), m.group("p3"), m.group("p4")) if g)
            return ListingEntry(strip_span(doc, lines[i].start, head_end, marks=False), page), used
    return None, 1


# --------------------------------------------------------------------------- TOC


def parse_toc(doc: Document, lines: list[Line]) -> tuple[list[TocEntry], tuple[int, int] | None]:
    """The TOC entries (with outline levels) and the character range of the TOC block.

    Returns no entries and ``None`` when the document has no TOC heading.
    """
    head = find_heading_line(lines, TOC_HEADINGS)
    if head is None:
        return [], None
    listing, end_index = parse_listing(doc, lines, head + 1)
    numbering = Numbering()
    decimal = any(DECIMAL.match(item.head.text) for item in listing)
    entries: list[TocEntry] = []
    for item in listing:
        entries.append(_toc_entry(doc, item, numbering, decimal))
    block_end = lines[end_index - 1].end if end_index > head + 1 else lines[head].end
    return entries, (lines[head].start, block_end)


def label_of(text: str, decimal: bool = False) -> Label | None:
    """The outline label opening a line; in a decimally numbered work "1." is a chapter (ISO 2145)."""
    label = match_label(text)
    if label is not None and decimal and label.scheme == "classic" and label.number.isdigit():
        return Label(label.number, "chapter", label.end)
    return label


def _toc_entry(doc: Document, item: ListingEntry, numbering: Numbering, decimal: bool = False) -> TocEntry:
    """Split a listing line into outline label and title, and give it its level."""
    label = label_of(item.head.text, decimal)
    if label is not None:
        level = numbering.level(label.number, label.scheme)
        if level:
            numbering.advance(label.number, level, label.scheme)
            title = strip_span(doc, item.head.start + label.end, item.head.end)
            if title.text:
                return TocEntry(label.number, title, item.page, level)
    if BACK_MATTER.match(" ".join(item.head.text.split()).upper()):
        numbering.reset()
    return TocEntry("", item.head, item.page, 1)


def looks_like_title(title: str) -> bool:
    """Heading shape: short, no sentence-final period, upper case or title case.

    >>> looks_like_title("A Profound Civil-Military Relation"), looks_like_title("break the power of gangs.")
    (True, False)
    >>> looks_like_title("Thesis and Dissertation Collection, all items")
    False
    """
    title = title.strip()
    if not title or len(title) > 150 or title[-1] in ".;,:" or not title[0].isupper():
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w'\u2019-]*", title)]
    if not words:
        return False
    major = [w for w in words[1:] if w.casefold() not in _MINOR_WORDS]
    return all(w[0].isupper() for w in major)


def read_outline(doc: Document, lines: list[Line] | None = None, body_start: int = 0) -> Outline:
    """Parse the TOC and fill ``doc.sections`` with the section tree of the body (:mod:`usmxkg.readers.headings`)."""
    from usmxkg.readers import headings  # the body step builds on this module's helpers

    return headings.read_outline(doc, lines, body_start)
