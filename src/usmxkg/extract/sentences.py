"""Running text → paragraphs and sentences with exact spans, skipping what is not running text.

Claims and quotations are sentences of running text, so this module first
takes away what is not: the document's zones (page furniture, captions,
front matter, contents, acronym lists, notes, references:
:data:`usmxkg.document.ZONE_KINDS`), footnote texts, reference entries,
acronym rows, table rows, figure captions and section headings, each as
whole lines. What is left is cut into paragraphs at blank lines (and at the
reader's paragraph boundaries), and a paragraph that a page break or a block
of footnotes interrupts mid-sentence is joined again with its continuation
(the next part starts in lower case), as PDF-to-text conversions of theses
print them.

Sentences come from sentencex (Wikimedia's rule-based segmenter with
abbreviation lists, https://github.com/wikimedia/sentencex; about 170 times
faster than pysbd on these texts, with the same sentences in running prose),
run on each paragraph with its parts joined by one space; every sentence is
mapped back to the document as the pieces of running text it covers
(:attr:`Sentence.pieces`, each ``doc.text[p.start:p.end] == p.text``), so a
sentence a footnote block interrupts keeps its words and leaves the note out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import sentencex

from usmxkg.document import Document, Section, Span
from usmxkg.readers.lines import Line, blocks, split_lines, unwrapped

_TERMINAL = re.compile(r"[.?!:;…][\"'”’)\]]*\s*$|[\"”’]\s*$|[⁰¹²³⁴⁵⁶⁷⁸⁹\d]\s*$")
_MARKED_END = re.compile(r"[.?!][\"'”’)]*[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?=\s+[\"“‘(]?[A-Z])")
"""A sentence end with a superscript note marker after it ("… alone.”²¹ The author …"): cut there first,
so the marker stays with the sentence it sources."""
_ENUMERATOR = re.compile(r"^\s*(?:\(?\d{1,2}\)|\d{1,2}\.|\(?[a-z]\)|[A-Za-z]\.|[IVXL]{1,5}\.)\s*$")
"""A list item's number the segmenter cut off as a sentence of its own ("1.", "(2)", "b.", "IV."): it opens the next."""
_OPEN_END = re.compile(r"[A-Za-z]\s*$")
"""A paragraph part that stops on a bare word stopped mid-sentence."""
_MARKS = "⁰¹²³⁴⁵⁶⁷⁸⁹\"'”’)]."
_CONTINUES = re.compile(r"^[\s\"“‘(]*[a-z]")

SKIPPED_SECTIONS = re.compile(
    r"\b(?:references|bibliography|works cited|sources consulted|distribution list|appendix|acronyms"
    r"|abbreviations|table of contents|contents|list of (?:figures|tables)|glossary|endnotes|notes)\b",
    re.IGNORECASE,
)
"""Section titles whose bodies are apparatus, not running text (matched on the heading)."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of running text: its extent, the pieces of running text it covers, its section.

    ``span`` runs from the first to the last character; ``pieces`` leave out
    whatever interrupts the sentence (a block of footnotes between two
    pages). ``section`` is the innermost section holding it, if any.
    """

    span: Span
    pieces: tuple[Span, ...]
    section: Section | None = None
    paragraph: int = 0

    @property
    def text(self) -> str:
        """The sentence's words: its pieces joined by one space, whitespace runs squeezed."""
        return " ".join(" ".join(piece.text.split()) for piece in self.pieces)

    def covers(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` lies inside one of the sentence's pieces."""
        return any(p.start <= start and end <= p.end for p in self.pieces)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of running text as the pieces it is made of (several when a page break cuts it)."""

    pieces: tuple[Span, ...]
    section: Section | None = None

    @property
    def text(self) -> str:
        return " ".join(" ".join(piece.text.split()) for piece in self.pieces)


def innermost_section(doc: Document, start: int) -> Section | None:
    """The deepest section whose body holds offset ``start``."""
    found = None
    for top in doc.sections:
        for section in top.walk():
            if section.body.start <= start < section.body.end:
                found = section
    return found


def excluded_ranges(doc: Document) -> list[tuple[int, int]]:
    """Ranges of the text that are not running text, widened to whole lines (not into a paragraph on the same line)."""
    ranges: list[tuple[int, int]] = [(z.span.start, z.span.end) for z in doc.zones]
    ranges += [(n.text.start, n.text.end) for n in doc.footnotes]
    ranges += [(r.text.start, r.text.end) for r in doc.references]
    ranges += [(a.short.start, a.long.end) for a in doc.acronyms]
    ranges += [(f.caption.start, f.caption.end) for f in doc.figures]
    for table in doc.tables:
        if table.caption is not None:
            ranges.append((table.caption.start, table.caption.end))
        ranges += [(cell.start, cell.end) for row in table.rows for cell in row]
    for top in doc.sections:
        for section in top.walk():
            ranges.append((section.title.start, section.title.end))
            if SKIPPED_SECTIONS.search(section.title.text):
                ranges.append((section.body.start, section.body.end))
    text = doc.text
    paragraph_bounds = [(p.start, p.end) for p in doc.paragraphs]
    widened = []
    for start, end in ranges:
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        # a region run together on one line with a paragraph the reader found (a cover, then "Summary Since
        # FY2010, …") keeps its own bounds on that side; otherwise it takes its whole lines
        widened.append((start if any(b < start and e > line_start for b, e in paragraph_bounds) else line_start,
                        end if any(e > end and b < line_end for b, e in paragraph_bounds) else line_end))
    widened.sort()
    merged: list[tuple[int, int]] = []
    for start, end in widened:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _regions(doc: Document) -> list[tuple[int, int]]:
    """Where running text may be: section bodies and reader paragraphs, else the whole text."""
    regions = [(p.start, p.end) for p in doc.paragraphs]
    regions += [(s.body.start, s.body.end) for s in doc.sections]
    return sorted(regions) or [(0, len(doc.text))]


def paragraphs(doc: Document) -> list[Paragraph]:
    """The document's paragraphs of running text, in text order, page-broken paragraphs joined."""
    excluded = excluded_ranges(doc)
    lines = []
    seen: set[int] = set()
    for start, end in _regions(doc):
        for line in split_lines(doc.text, start, end):
            if line.start in seen:
                continue
            seen.add(line.start)
            lines += _outside(doc, line, excluded)
    lines.sort(key=lambda line: line.start)
    breaks = {p.start for p in doc.paragraphs}
    pieces: list[Span] = []
    for block in blocks(doc.text, lines):
        if unwrapped(block) or len(block) == 1:
            pieces += [doc.span(line.start, line.end) for line in block]
            continue
        first = block[0].start
        for line in block[1:]:
            if line.start in breaks:
                pieces.append(doc.span(first, _previous_end(block, line)))
                first = line.start
        pieces.append(doc.span(first, block[-1].end))
    out: list[Paragraph] = []
    for piece in pieces:
        if out and _continues(doc, out[-1].pieces[-1], piece, excluded):
            out[-1] = Paragraph((*out[-1].pieces, piece), out[-1].section)
        else:
            out.append(Paragraph((piece,), innermost_section(doc, piece.start)))
    return out


def _outside(doc: Document, line: Line, excluded: list[tuple[int, int]]) -> list[Line]:
    """The parts of a line outside the excluded ranges (the whole line, nothing, or what runs on past a zone)."""
    parts = [(line.start, line.end)]
    for a, b in excluded:
        if b <= line.start or a >= line.end:
            continue
        parts = [piece for s, e in parts for piece in ((s, min(e, a)), (max(s, b), e)) if piece[0] < piece[1]]
    out = []
    for s, e in parts:
        words = doc.text[s:e]
        if words.strip():
            s, e = s + len(words) - len(words.lstrip()), e - (len(words) - len(words.rstrip()))
            out.append(Line(s, e, doc.text[s:e]))
    return out


def _previous_end(block: list[Line], line: Line) -> int:
    return block[block.index(line) - 1].end


def _continues(doc: Document, before: Span, after: Span, excluded: list[tuple[int, int]]) -> bool:
    """True when ``after`` carries on the sentence ``before`` left open across removed lines (a page break).

    Across a block of notes or furniture: when ``after`` starts in lower
    case, or ``before`` ends on a word with no punctuation at all ("… interact
    with" / "U.S. officers."). Across a plain blank line only when ``after``
    starts in lower case and ``before`` has no closing punctuation.
    """
    across = any(before.end <= a and b <= after.start + 1 for a, b in excluded)
    if across:
        return bool(_CONTINUES.match(after.text) or _OPEN_END.search(before.text))
    if _TERMINAL.search(before.text) or not _CONTINUES.match(after.text):
        return False
    return not doc.text[before.end:after.start].strip()


def sentences(doc: Document, paragraph: Paragraph, index: int = 0) -> list[Sentence]:
    """The sentences of one paragraph, each mapped back to the pieces of text it covers."""
    starts = []  # offset of each piece in the joined paragraph
    cursor = 0
    for piece in paragraph.pieces:
        starts.append(cursor)
        cursor += len(piece.text) + 1
    flat = " ".join(piece.text for piece in paragraph.pieces).replace("\n", " ")
    out = []
    position = 0
    for segment in _segments(flat):
        stripped = segment.strip()
        begin = flat.find(stripped, position) if stripped else -1
        if begin < 0:
            continue
        end = position = begin + len(stripped)
        parts = []
        for piece, offset in zip(paragraph.pieces, starts, strict=True):
            lo, hi = max(begin, offset), min(end, offset + len(piece.text))
            if lo < hi and piece.text[lo - offset:hi - offset].strip():
                parts.append(_trim(doc.span(piece.start + lo - offset, piece.start + hi - offset)))
        if parts:
            parts[-1] = _without_marker(doc, parts[-1])
            whole = doc.span(parts[0].start, parts[-1].end)
            out.append(Sentence(whole, tuple(parts), paragraph.section, index))
    return out


def _segments(flat: str) -> list[str]:
    """The segmenter's sentences, after cutting where a note marker follows a sentence end."""
    out: list[str] = []
    last = 0
    for match in _MARKED_END.finditer(flat):
        out += _split(flat[last:match.end()])
        last = match.end()
    out += _split(flat[last:]) if flat[last:].strip() else []
    merged: list[str] = []
    for part in out:
        if merged and (not part.strip(_MARKS + " ") or _ENUMERATOR.match(merged[-1])):
            merged[-1] += part
        else:
            merged.append(part)
    return merged


_QUOTES = str.maketrans({'"': " ", "“": " ", "”": " "})
"""Double quotes are hidden from the segmenter (same length, so offsets hold): like most rule-based
segmenters it keeps a quotation that opens a paragraph and closes at its end as one sentence, however
many sentences it holds."""


@lru_cache(maxsize=8192)
def _split(text: str) -> tuple[str, ...]:
    """The sentences of ``text``, as written (offsets are found by the caller with ``str.find``).

    Cached by text: a pure function, and every extractor of running text
    (claims, quotations, events, amounts) asks for the same paragraphs.
    """
    hidden = text.translate(_QUOTES)
    begins: list[int] = []
    cursor = 0
    for sentence in sentencex.segment("en", hidden):
        body = sentence.strip()
        start = hidden.find(body, cursor) if body else -1
        if start < 0:
            continue
        cursor = start + len(body)
        while start > 0 and text[start - 1] in '"“':
            start -= 1  # a hidden opening quote belongs to the sentence it opens
        begins.append(start)
    ends = [*begins[1:], len(text)] if begins else []  # no sentence: nothing but quote marks and space
    return tuple(text[a:b] for a, b in zip(begins, ends, strict=True))


def _without_marker(doc: Document, span: Span) -> Span:
    """A sentence's last piece without the superscript note marker that closes it (the note is sourced apart)."""
    body = span.text.rstrip("⁰¹²³⁴⁵⁶⁷⁸⁹")
    return doc.span(span.start, span.start + len(body)) if body.strip() else span


def _trim(span: Span) -> Span:
    lead = len(span.text) - len(span.text.lstrip())
    body = span.text.strip()
    return Span(span.start + lead, span.start + lead + len(body), body)


def document_sentences(doc: Document, parts: list[Paragraph] | None = None) -> list[Sentence]:
    """Every sentence of the document's running text (or of its paragraphs ``parts``), in text order."""
    out: list[Sentence] = []
    for index, paragraph in enumerate(paragraphs(doc) if parts is None else parts):
        out += sentences(doc, paragraph, index)
    return out


def running_pieces(doc: Document, span: Span, excluded: list[tuple[int, int]] | None = None) -> tuple[Span, ...]:
    """The parts of ``span`` that are running text: a claim's words without the notes that interrupt it.

    Cuts at every removed line (:func:`paragraphs`) inside ``span``; each
    part is trimmed and is exactly ``doc.text[part.start:part.end]``.
    """
    parts: list[Span] = []
    cursor = span.start
    for start, end in (excluded if excluded is not None else excluded_ranges(doc)):
        if end <= span.start or start >= span.end:
            continue
        if start > cursor:
            parts.append(doc.span(cursor, start))
        cursor = max(cursor, end)
    if cursor < span.end:
        parts.append(doc.span(cursor, span.end))
    trimmed = tuple(_trim(p) for p in parts if p.text.strip())
    return trimmed or (span,)
