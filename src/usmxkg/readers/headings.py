"""Body headings of a thesis or paper: found from its table of contents, or by their numbering.

The table of contents is the author's own statement of the outline, so when
there is one it decides which body lines are headings and how they nest
(matched in order as the longest common subsequence of TOC and body keys);
a chapter heading may be printed "CHAPTER 2" with its title on the line
below. Without a TOC the tree is built from heading-shaped lines whose
numbering runs in sequence (:mod:`usmxkg.readers.numbering`), so numbered
list items inside prose do not become headings.
"""

from __future__ import annotations

import bisect
from typing import NamedTuple

from usmxkg.document import Document, Section, Span
from usmxkg.readers.numbering import CHAPTER, DECIMAL, Numbering, match_label
from usmxkg.readers.outline import (
    BACK_MATTER,
    MAX_HEADING_CHARS,
    SUPERSCRIPT_CHARS,
    Line,
    Outline,
    TocEntry,
    heading_key,
    is_front_heading,
    label_of,
    looks_like_title,
    parse_toc,
    split_lines,
    strip_span,
)


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
            if not entry.number and _before_toc(entry.title.text):
                continue  # front matter listed in the TOC stands before it ("ABSTRACT", "… APPROVAL PAGE")
            label = f"{entry.number}. " if entry.number else ""
            doc.warnings.append(f"thesis: TOC entry not found in body: {label}{entry.title.text!r}")
            continue
        a, b = found[j]
        headings.append(
            _Heading(entry.number, entry.level, a, _heading_title(doc, lines, a, b, entry.number), b)
        )
    return headings


def _before_toc(title: str) -> bool:
    text = " ".join(title.split()).upper()
    return is_front_heading(text) or text.endswith("APPROVAL PAGE") or text in ("ILLUSTRATIONS", "TABLES")


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
        key = body_key(line.text)
        if not key:
            continue
        if key in wanted:
            out.append((i, i, key))
            continue
        chapter = CHAPTER.match(line.text)
        if chapter and not line.text[chapter.end():].strip():  # "CHAPTER 2", the title on a line below
            nxt = next((j for j in range(i + 1, min(i + 4, n)) if not lines[j].blank), None)
            if nxt is not None and key + heading_key(lines[nxt].text) in wanted:
                out.append((i, nxt, key + heading_key(lines[nxt].text)))
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


def body_key(text: str) -> str:
    """The key of a body line as its TOC entry would have it: a chapter's word "CHAPTER" left out.

    >>> body_key("CHAPTER 2 LITERATURE REVIEW") == heading_key("2" + "Literature Review")
    True
    """
    m = CHAPTER.match(text)
    if m:
        return heading_key(m.group("label") + text[m.end():])
    return heading_key(text)


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
            label = match_label(text)
            if heading_key(text[label.end :] if label else text) == title_key:
                found[j] = (i, i)
                break


def _heading_title(doc: Document, lines: list[Line], a: int, b: int, number: str) -> Span:
    """Span of a body heading's title: after the outline label, without trailing footnote marks."""
    start = lines[a].start
    label = match_label(lines[a].text)
    if label and number:
        start += label.end
        if label.scheme == "chapter" and not lines[a].text[label.end:].strip() and b > a:
            start = lines[b].start  # the title stands on its own line below "CHAPTER n"
    return strip_span(doc, start, lines[b].end)


def _scan_headings(doc: Document, lines: list[Line], first: int) -> list[_Heading]:
    """Headings of a document without TOC: heading-shaped lines numbered in sequence."""
    numbering = Numbering()
    headings: list[_Heading] = []
    decimal = any(DECIMAL.match(lines[i].text) for i in range(first, len(lines)) if _own_paragraph(lines, i))
    in_list = False  # inside a list of references or the distribution list: numbered lines are entries
    skip_to = -1
    for i in range(first, len(lines)):
        if i <= skip_to:
            continue
        chapter = _chapter_heading(doc, lines, i, numbering)
        if chapter is not None and not in_list:
            headings.append(chapter)
            skip_to = chapter.end_line
            continue
        if not _own_paragraph(lines, i):
            continue
        text = " ".join(lines[i].text.split())
        if BACK_MATTER.match(text):
            headings.append(_Heading("", 1, i, strip_span(doc, lines[i].start, lines[i].end), i))
            numbering.reset()
            numbering.roman = numbering.chapter = 10_000  # chapters are over once the back matter starts
            in_list = not text.upper().startswith("APPENDIX")
            continue
        if in_list:
            continue
        heading = _numbered_heading(doc, lines, i, numbering, decimal)
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


def _chapter_heading(doc: Document, lines: list[Line], i: int, numbering: Numbering) -> _Heading | None:
    """A "CHAPTER n" heading in sequence, with its title on the same line or the next one ("CHAPTER 2" / "METHODS")."""
    text = lines[i].text
    m = CHAPTER.match(text)
    if m is None or len(text) > MAX_HEADING_CHARS or not (i == 0 or lines[i - 1].blank):
        return None
    label = m.group("label")
    if not numbering.expected(label, 1, "chapter"):
        return None
    rest = text[m.end():].strip()
    end_line = i
    if rest:
        if not looks_like_title(rest.rstrip("".join(SUPERSCRIPT_CHARS))):
            return None
        title = strip_span(doc, lines[i].start + m.end(), lines[i].end)
    else:
        nxt = next((j for j in range(i + 1, min(i + 4, len(lines))) if not lines[j].blank), None)
        if nxt is None or not looks_like_title(lines[nxt].text.strip()):
            return None
        end_line = nxt
        title = strip_span(doc, lines[nxt].start, lines[nxt].end)
    numbering.advance(label, 1, "chapter")
    return _Heading(label, 1, i, title, end_line)


def _numbered_heading(doc: Document, lines: list[Line], i: int, numbering: Numbering,
                      decimal: bool = False) -> _Heading | None:
    """The heading on line ``i`` when it is numbered in sequence and shaped like a heading."""
    text = lines[i].text
    label = label_of(text, decimal)
    if label is None or (label.scheme == "chapter" and CHAPTER.match(text)):
        return None
    title = text[label.end :].strip().rstrip("".join(SUPERSCRIPT_CHARS))
    level = numbering.level(label.number, label.scheme)
    if not level or not numbering.expected(label.number, level, label.scheme) or not looks_like_title(title):
        return None
    numbering.advance(label.number, level, label.scheme)
    return _Heading(label.number, level, i, strip_span(doc, lines[i].start + label.end, lines[i].end), i)


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
