"""Table of contents and section tree of a thesis.

NPS theses (and most U.S. government technical reports) number their
headings with the classic outline scheme: ``I.`` chapters, ``A.`` sections,
``1.`` subsections, ``a.`` sub-subsections, plus unnumbered top-level parts
(LIST OF REFERENCES, APPENDIX A. …, INITIAL DISTRIBUTION LIST). The table of
contents (TOC) is the author's own statement of that outline, so when there is
one it decides which body lines are headings and how they nest; Markdown
``#`` depth from PDF converters is unreliable and is not used. Without a TOC
the tree is built from heading-shaped numbered lines whose numbering runs in
sequence, so numbered list items inside prose do not become headings.

The line helpers (:class:`Line`, :func:`split_lines`, :func:`find_heading_line`)
are shared by the other thesis reader modules.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import NamedTuple

from usmxkg.document import Document, Section, Span
from usmxkg.readers.normalise import SUPERSCRIPT

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

_LABEL = re.compile(r"^(?P<label>[IVXLC]{1,6}|[A-Z]|\d{1,2}|[a-z])\.[\t ]+(?=\S)")
"""An outline label at the start of a line: ``IV.``, ``B.``, ``12.``, ``c.``."""

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
        if m:
            head_end = last.start + m.end("head")
            head_end = last.start + len(_LEADERS.sub("", last.text[: head_end - last.start]))
            page = next(g for g in (m.group("p1"), m.group("p2"), m.group("p3"), m.group("p4")) if g)
            return ListingEntry(strip_span(doc, lines[i].start, head_end, marks=False), page), used
    return None, 1


# --------------------------------------------------------------------------- outline numbering


def roman_value(label: str) -> int:
    """Integer value of an upper-case Roman numeral (0 when it is not one).

    >>> roman_value("XIV"), roman_value("IIII"), roman_value("B")
    (14, 4, 0)
    """
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    if not label or any(c not in values for c in label):
        return 0
    total = 0
    for a, b in zip(label, label[1:] + " ", strict=True):
        va, vb = values[a], values.get(b, 0)
        total += -va if va < vb else va
    return total


class Numbering:
    """Tracks the outline counters to tell a chapter ``C.``/``I.``/``V.`` from a section letter.

    Single letters that are also Roman numerals are read as whatever comes
    next in sequence: ``C.`` after ``B.`` is a section, ``V.`` after ``IV.``
    is a chapter.
    """

    def __init__(self) -> None:
        self.roman = 0
        self.letter = ""
        self.arabic = 0
        self.lower = ""

    def level(self, label: str) -> int:
        """Outline level of ``label`` (1 to 4), 0 when it is not an outline label."""
        if label.isdigit():
            return 3
        if len(label) == 1 and label.islower():
            return 4
        if len(label) > 1:
            return 1 if roman_value(label) else 0
        if not label.isupper():
            return 0
        if label not in "IVXLC":
            return 2
        expect_roman = roman_value(label) == self.roman + 1
        expect_letter = (ord(label) == ord(self.letter) + 1) if self.letter else label == "A"
        if expect_letter and not expect_roman:
            return 2
        if expect_roman:
            return 1
        return 2

    def expected(self, label: str, level: int) -> bool:
        """Whether ``label`` continues (or starts) the numbering at ``level``."""
        if level == 1:
            return roman_value(label) == self.roman + 1
        if level == 2:
            return ord(label) == (ord(self.letter) + 1 if self.letter else ord("A"))
        if level == 3:
            return int(label) == self.arabic + 1
        return ord(label) == (ord(self.lower) + 1 if self.lower else ord("a"))

    def advance(self, label: str, level: int) -> None:
        """Record ``label`` at ``level``; deeper counters restart."""
        if level == 1:
            self.roman, self.letter, self.arabic, self.lower = roman_value(label), "", 0, ""
        elif level == 2:
            self.letter, self.arabic, self.lower = label, 0, ""
        elif level == 3:
            self.arabic, self.lower = int(label), ""
        elif level == 4:
            self.lower = label

    def reset(self) -> None:
        """Start over (a new part such as an appendix numbers its sections afresh)."""
        self.roman, self.letter, self.arabic, self.lower = 0, "", 0, ""


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
    entries: list[TocEntry] = []
    for item in listing:
        entries.append(_toc_entry(doc, item, numbering))
    block_end = lines[end_index - 1].end if end_index > head + 1 else lines[head].end
    return entries, (lines[head].start, block_end)


def _toc_entry(doc: Document, item: ListingEntry, numbering: Numbering) -> TocEntry:
    """Split a listing line into outline label and title, and give it its level."""
    m = _LABEL.match(item.head.text)
    if m:
        label = m.group("label")
        level = numbering.level(label)
        if level:
            numbering.advance(label, level)
            title = doc.span(item.head.start + m.end(), item.head.end)
            return TocEntry(label, title, item.page, level)
    if BACK_MATTER.match(" ".join(item.head.text.split()).upper()):
        numbering.reset()
    return TocEntry("", item.head, item.page, 1)


# --------------------------------------------------------------------------- body headings


class _Heading(NamedTuple):
    number: str
    level: int
    first: int  # index of the heading's first line
    title: Span
    end_line: int  # index of the heading's last line


def read_outline(doc: Document, lines: list[Line] | None = None, body_start: int = 0) -> Outline:
    """Parse the TOC and fill ``doc.sections`` with the section tree of the body.

    With a TOC, headings are searched after it; without one, after
    ``body_start`` (the end of the front matter), from numbered headings alone.
    """
    lines = lines if lines is not None else split_lines(doc.text)
    entries, block = parse_toc(doc, lines)
    if entries and block is not None:
        first = _line_after(lines, block[1])
        headings = _match_toc(doc, lines, entries, first)
    else:
        if block is not None:
            doc.warnings.append(
                "thesis: TABLE OF CONTENTS has no readable entries; outline built from headings"
            )
        else:
            doc.warnings.append("thesis: no table of contents; outline built from numbered headings")
        headings = _scan_headings(doc, lines, _line_after(lines, body_start))
    doc.sections = _tree(doc, lines, headings)
    return Outline(entries, block)


def _line_after(lines: list[Line], offset: int) -> int:
    """Index of the first line starting at or after ``offset``."""
    for i, line in enumerate(lines):
        if line.start >= offset:
            return i
    return len(lines)


def _match_toc(doc: Document, lines: list[Line], entries: list[TocEntry], first: int) -> list[_Heading]:
    """Find every TOC entry's heading in the body, in order (longest common subsequence)."""
    keys = [heading_key(e.number + e.title.text) for e in entries]
    candidates = _candidates(lines, first, keys)
    pairs = _align(keys, candidates)
    found: dict[int, tuple[int, int]] = {j: (candidates[c][0], candidates[c][1]) for j, c in pairs}
    _fill_gaps(lines, entries, found, first)
    headings: list[_Heading] = []
    for j, entry in enumerate(entries):
        if j not in found:
            label = f"{entry.number}. " if entry.number else ""
            doc.warnings.append(f"thesis: TOC entry not found in body: {label}{entry.title.text!r}")
            continue
        a, b = found[j]
        headings.append(
            _Heading(entry.number, entry.level, a, _heading_title(doc, lines, a, b, entry.number), b)
        )
    return headings


def _candidates(lines: list[Line], first: int, keys: list[str]) -> list[tuple[int, int, str]]:
    """Body lines (or runs of up to three wrapped lines) whose key is a TOC key: ``(first, last, key)``."""
    wanted = set(keys)
    ordered = sorted(wanted)
    out: list[tuple[int, int, str]] = []
    n = len(lines)
    for i in range(first, n):
        line = lines[i]
        if line.blank or len(line.text) > MAX_HEADING_CHARS:
            continue
        key = heading_key(line.text)
        if not key:
            continue
        if key in wanted:
            out.append((i, i, key))
            continue
        nearest = bisect.bisect_left(ordered, key)
        if nearest == len(ordered) or not ordered[nearest].startswith(key):
            continue  # no TOC title starts like this line, so it cannot open a wrapped heading
        joined = key
        for j in range(i + 1, min(i + 3, n)):
            if lines[j].blank:
                break
            joined += heading_key(lines[j].text)
            if joined in wanted:
                out.append((i, j, joined))
                break
    return out


def _align(keys: list[str], candidates: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Longest common subsequence of TOC keys and candidate headings: ``(entry index, candidate index)``."""
    n, m = len(keys), len(candidates)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for a in range(n - 1, -1, -1):
        row, below = table[a], table[a + 1]
        for b in range(m - 1, -1, -1):
            if keys[a] == candidates[b][2]:
                row[b] = below[b + 1] + 1
            else:
                row[b] = max(below[b], row[b + 1])
    pairs: list[tuple[int, int]] = []
    a = b = 0
    last_line = -1
    while a < n and b < m:
        if (
            keys[a] == candidates[b][2]
            and candidates[b][0] > last_line
            and table[a][b] == table[a + 1][b + 1] + 1
        ):
            pairs.append((a, b))
            last_line = candidates[b][1]
            a += 1
            b += 1
        elif table[a + 1][b] >= table[a][b + 1]:
            a += 1
        else:
            b += 1
    return pairs


def _fill_gaps(
    lines: list[Line], entries: list[TocEntry], found: dict[int, tuple[int, int]], first: int
) -> None:
    """Second chance for unmatched entries: same title without (or with a different) outline label."""
    for j, entry in enumerate(entries):
        if j in found:
            continue
        lo = max((found[k][1] + 1 for k in found if k < j), default=first)
        hi = min((found[k][0] for k in found if k > j), default=len(lines))
        title_key = heading_key(entry.title.text)
        for i in range(lo, hi):
            text = lines[i].text
            if lines[i].blank or len(text) > MAX_HEADING_CHARS:
                continue
            m = _LABEL.match(text)
            if heading_key(text[m.end() :] if m else text) == title_key:
                found[j] = (i, i)
                break


def _heading_title(doc: Document, lines: list[Line], a: int, b: int, number: str) -> Span:
    """Span of a body heading's title: after the outline label, without trailing footnote marks."""
    start = lines[a].start
    m = _LABEL.match(lines[a].text)
    if m and number:
        start += m.end()
    return strip_span(doc, start, lines[b].end)


def _scan_headings(doc: Document, lines: list[Line], first: int) -> list[_Heading]:
    """Headings of a document without TOC: heading-shaped lines numbered in sequence."""
    numbering = Numbering()
    headings: list[_Heading] = []
    in_list = False  # inside a list of references or the distribution list: numbered lines are entries
    for i in range(first, len(lines)):
        if not _own_paragraph(lines, i):
            continue
        text = " ".join(lines[i].text.split())
        if BACK_MATTER.match(text):
            headings.append(_Heading("", 1, i, strip_span(doc, lines[i].start, lines[i].end), i))
            numbering.reset()
            numbering.roman = 10_000  # chapters are over once the back matter starts
            in_list = not text.upper().startswith("APPENDIX")
            continue
        if in_list:
            continue
        heading = _numbered_heading(doc, lines, i, numbering)
        if heading is not None:
            headings.append(heading)
    return headings


def _own_paragraph(lines: list[Line], i: int) -> bool:
    """A heading stands alone: blank (or no) line before and after it."""
    if lines[i].blank or len(lines[i].text) > MAX_HEADING_CHARS:
        return False
    before = i == 0 or lines[i - 1].blank
    after = i + 1 >= len(lines) or lines[i + 1].blank
    return before and after


def _numbered_heading(doc: Document, lines: list[Line], i: int, numbering: Numbering) -> _Heading | None:
    """The heading on line ``i`` when it is numbered in sequence and shaped like a heading."""
    text = lines[i].text
    m = _LABEL.match(text)
    if not m:
        return None
    label = m.group("label")
    title = text[m.end() :].strip().rstrip("".join(SUPERSCRIPT_CHARS))
    level = numbering.level(label)
    if not level or not numbering.expected(label, level) or not looks_like_title(title):
        return None
    numbering.advance(label, level)
    return _Heading(label, level, i, strip_span(doc, lines[i].start + m.end(), lines[i].end), i)


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


def _tree(doc: Document, lines: list[Line], headings: list[_Heading]) -> list[Section]:
    """Nest headings by level; each body runs to the next heading at the same or a higher level."""
    roots: list[Section] = []
    stack: list[Section] = []
    ends = _body_ends(doc, lines, headings)
    for heading, end in zip(headings, ends, strict=True):
        start = lines[heading.first].start
        section = Section(
            heading.number, heading.title, heading.level, strip_span(doc, start, end, marks=False)
        )
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        (stack[-1].children if stack else roots).append(section)
        stack.append(section)
    return roots


def _body_ends(doc: Document, lines: list[Line], headings: list[_Heading]) -> list[int]:
    """End offset of each heading's body: start of the next heading at the same or a higher level."""
    ends: list[int] = []
    for k, heading in enumerate(headings):
        end = len(doc.text)
        for later in headings[k + 1 :]:
            if later.level <= heading.level:
                end = lines[later.first].start
                break
        ends.append(end)
    return ends
