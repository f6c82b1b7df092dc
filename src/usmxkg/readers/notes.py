"""Footnotes: the numbered notes at page bottoms and the in-text markers that call them.

Theses and reports in the Chicago notes-and-bibliography style (*The Chicago
Manual of Style*, 17th ed., 14.19–14.27) number their notes consecutively and
place a superscript reference number in the text, usually after the
punctuation that ends a clause or a closing quotation mark; the note itself
begins with the same number and follows the text (at the foot of the page, or
at the end of a chapter or of the work). PDF-to-text conversion keeps both but
scrambles the layout: note lines end up between the halves of a paragraph that
ran across a page break, some note numbers lose their superscript ("8 Ibid."
instead of "⁸ Ibid."), and the text also holds superscripts that are not note
references (ordinals such as 19ᵗʰ, table marks ᵃ ᵇ, exponents).

Two rules make the reading robust:

* **sequence** — notes are numbered 1, 2, 3, …, so the next note line must
  carry the expected next number (a small gap is tolerated and reported; a
  fresh "¹" line is a restart, as with notes numbered per chapter);
* **position** — a note line begins a paragraph that follows body text, and
  the marker calling note *n* lies after the marker of note *n − 1* and before
  the text of note *n*.

The normalised text (:mod:`usmxkg.readers.normalise`) already shows every
marker as Unicode superscript digits, whatever the source dialect.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field

from usmxkg.document import Document, Footnote

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
_TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)

MAX_GAP = 5
"""Largest jump in note numbering read as lost notes rather than as something that is not a note."""

MAX_NOTE_DIGITS = 4
"""Note numbers have at most four digits (as note lines are read); a longer superscript run calls no note."""

_SUP_RUN = re.compile(f"[{SUPERSCRIPT_DIGITS}]+")
_SUP_NOTE_LINE = re.compile(
    f"(?P<num>[{SUPERSCRIPT_DIGITS}]{{1,{MAX_NOTE_DIGITS}}})[ \\t]*(?=[^\\s{SUPERSCRIPT_DIGITS}])"
)
"""A note line in the usual form: superscript number, optional space, note text."""
_PLAIN_NOTE_LINE = re.compile(r"(?P<num>[1-9]\d{0,3}) +(?=\S)")
"""A note line whose number lost its superscript in conversion ("8 Ibid.")."""
_CITATION_START = re.compile(r"(?:Ibid\b|Id\.|See\b|Cf\.|For\b|[“\"‘'(\[]|[^\W\d_])")
"""How a note's text begins: a signal word, a quotation mark, or a capitalised name or title."""
_CITATION_EVIDENCE = re.compile(
    r"^(?:Ibid|Id\.|See\b|Cf\.)"  # Chicago shortened forms and signals
    r"|[“”\"]"  # quoted titles
    r"|https?://|www\.|<"  # URLs
    r"|\b(?:1[5-9]|20)\d\d\b"  # a year of publication
    r"|, (?:\d+|[ivxlc]+)(?:[–-](?:\d+|[ivxlc]+))?\.$"  # a closing page reference: ", 23." ", xvi–3."
)
"""Evidence that a line beginning with a plain number is a citation rather than body text."""
_PUNCT_BEFORE = frozenset(".,;:!?")
_CLOSERS = frozenset("”\"’')]")
_Runs = dict[int, list[tuple[int, int]]]
"""Superscript digit runs by value: (start, end) offsets in document order."""


@dataclass(slots=True)
class _Line:
    """One line of the text: its offsets and the text without the newline."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class _Note:
    """A note found by the sequence scan, before its markers are resolved."""

    number: int
    line_start: int  # where the note line (with its number) begins
    text_start: int  # where the note text (after the number) begins
    text_end: int = -1
    series_start: int = 0  # offset from which markers of this numbering series may occur


def parse_footnotes(doc: Document) -> None:
    """Fill ``doc.footnotes`` with every numbered note and the markers that call it.

    Problems (gaps in the numbering, notes without a marker, markers without a
    note) are appended to ``doc.warnings``; nothing here raises on odd input.
    """
    lines = _lines(doc.text)
    runs = _superscript_runs(doc.text)
    notes = _find_notes(lines, runs, doc.warnings)
    if not notes:
        return
    _extend_notes(notes, lines, doc.text)
    regions = [(note.line_start, note.text_end) for note in notes]
    footnotes: list[Footnote] = []
    cursor = 0
    plain = _plain_numbers(doc.text)
    for note in notes:
        lo = max(cursor, note.series_start)
        marker = _superscript_marker(doc.text, runs, note, lo, regions)
        if marker is None:
            marker = _plain_marker(plain, note, lo, regions)
        markers = []
        if marker is not None:
            markers.append(doc.span(*marker))
            cursor = marker[1]
        else:
            doc.warnings.append(f"footnote {note.number} has no in-text marker")
        footnotes.append(Footnote(note.number, doc.span(note.text_start, note.text_end), markers))
    _warn_orphan_markers(doc, runs, notes, regions, cursor)
    doc.footnotes = footnotes


def superscript(number: int) -> str:
    """The superscript form of a note number, as markers appear in the normalised text.

    >>> superscript(174)
    '¹⁷⁴'
    """
    return str(number).translate(_TO_SUPERSCRIPT)


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    for raw in text.split("\n"):
        out.append(_Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def _superscript_runs(text: str) -> _Runs:
    """Every run of superscript digits, by value, in document order."""
    runs: _Runs = {}
    for match in _SUP_RUN.finditer(text):
        if match.end() - match.start() <= MAX_NOTE_DIGITS:  # int() refuses runs of over 4,300 digits
            runs.setdefault(int(match.group().translate(_FROM_SUPERSCRIPT)), []).append(match.span())
    return runs


def _run_between(runs: _Runs, number: int, lo: int, hi: int) -> bool:
    """Whether a superscript ``number`` occurs in ``[lo, hi)``."""
    spans = runs.get(number, [])
    i = bisect.bisect_left(spans, (lo, lo))
    return i < len(spans) and spans[i][0] < hi


# --- finding the notes -------------------------------------------------------------------------


def _find_notes(lines: list[_Line], runs: _Runs, warnings: list[str]) -> list[_Note]:
    """Scan line by line for note lines carrying the expected next number."""
    scan = _Scan(lines, runs, warnings)
    for i, line in enumerate(lines):
        if line.text.strip():
            scan.feed(i, line)
        else:
            scan.blank()
    return scan.notes


@dataclass(slots=True)
class _Scan:
    """State of the note scan: the number expected next and what the lines before were."""

    lines: list[_Line]
    runs: _Runs
    warnings: list[str]
    notes: list[_Note] = field(default_factory=list)
    expected: int = 1
    series_start: int = 0
    prev_blank: bool = True  # the previous line was blank (or there was none)
    in_note: bool = False  # the current paragraph is a note
    last_para_note: bool = False  # the paragraph before the current one was a note

    def blank(self) -> None:
        if not self.prev_blank:
            self.last_para_note = self.in_note
        self.prev_blank, self.in_note = True, False

    def feed(self, i: int, line: _Line) -> None:
        cand = _candidate(line)
        if cand is not None:
            number, is_sup, text_start = cand
            if self._restarts(line, number, is_sup, text_start):
                self.warnings.append(f"footnote numbering restarts at 1 after footnote {self.expected - 1}")
                self.expected, self.series_start = 1, self.notes[-1].text_start
            if self._accepts(i, line, number, is_sup, text_start):
                self.warnings.extend(f"footnote {gap} not found" for gap in range(self.expected, number))
                self.notes.append(_Note(number, line.start, text_start, series_start=self.series_start))
                self.expected = number + 1
                self.in_note = True
            elif (is_sup and number < self.expected and self._para_start()
                  and _citation_like(line, text_start)):
                self.warnings.append(f"footnote {number} repeated after footnote {self.expected - 1}")
        self.prev_blank = False

    def _para_start(self) -> bool:
        """Whether the line opens a paragraph, or follows a note line (notes set without blank lines)."""
        return self.prev_blank or self.in_note

    def _restarts(self, line: _Line, number: int, is_sup: bool, text_start: int) -> bool:
        """A note "¹" after later numbers, with a marker "¹" since the last note: numbering per chapter."""
        return (is_sup and number == 1 and self.expected > 1 and bool(self.notes) and self._para_start()
                and _citation_like(line, text_start)
                and _run_between(self.runs, 1, self.notes[-1].text_start, line.start))

    def _accepts(self, i: int, line: _Line, number: int, is_sup: bool, text_start: int) -> bool:
        if not self.expected <= number <= self.expected + MAX_GAP:
            return False
        if is_sup:
            # a superscript number opening a line inside a paragraph is a note only if its marker came before
            return self._para_start() or _run_between(self.runs, number, self.series_start, line.start)
        return (number == self.expected and self._para_start()
                and self._plain_note_ok(i, line, number, text_start))

    def _plain_note_ok(self, i: int, line: _Line, number: int, text_start: int) -> bool:
        """Accept a plain-number note line only when it reads like a note and something corroborates it.

        Corroboration is a note paragraph right before this one (notes come in
        blocks at page bottoms), a superscript marker with this number earlier
        in the text, or, for text that is plainly a citation, a note with the
        next number right after it. Chicago style never opens a body sentence
        with a numeral (CMOS 9.5), so a paragraph that does and passes these
        tests is almost always a note that lost its superscript.
        """
        if not _citation_like(line, text_start):
            return False
        if self.last_para_note or self.in_note:
            return True
        if _run_between(self.runs, number, self.series_start, line.start):
            return True
        if not _CITATION_EVIDENCE.search(line.text[text_start - line.start :].strip()):
            return False
        nxt = _next_paragraph(self.lines, i)
        cand = _candidate(nxt) if nxt is not None else None
        return cand is not None and cand[0] == number + 1


def _candidate(line: _Line) -> tuple[int, bool, int] | None:
    """(number, is superscript, offset of the note text) when the line starts like a note."""
    match = _SUP_NOTE_LINE.match(line.text)
    if match:
        return int(match.group("num").translate(_FROM_SUPERSCRIPT)), True, line.start + match.end()
    match = _PLAIN_NOTE_LINE.match(line.text)
    if match:
        return int(match.group("num")), False, line.start + match.end()
    return None


def _citation_like(line: _Line, text_start: int) -> bool:
    """Whether the text after a note number reads like a note (a citation or a comment)."""
    body = line.text[text_start - line.start :].strip()
    if not body or not _CITATION_START.match(body):
        return False
    if body[0].isalpha() and not body[0].isupper():
        return False  # "8 percent of …" continues a sentence
    letters = [c for c in body if c.isalpha()]
    return not (letters and all(c.isupper() for c in letters))  # "1 INTRODUCTION" is a heading


def _next_paragraph(lines: list[_Line], i: int) -> _Line | None:
    """First line of the paragraph after the one holding line ``i``."""
    j = i + 1
    while j < len(lines) and lines[j].text.strip():
        j += 1
    while j < len(lines) and not lines[j].text.strip():
        j += 1
    return lines[j] if j < len(lines) else None


def _extend_notes(notes: list[_Note], lines: list[_Line], text: str) -> None:
    """A note runs to the blank line that ends its paragraph, or to the next note line.

    A note cut off by a page break goes on after it: when the note ends
    unfinished (no closing punctuation) and what follows the break (blank
    lines, a page number, a rule) is a paragraph that continues it (it opens
    in lower case, or the note ended on a comma, hyphen or connector) and is
    followed by the next note or another break, the two parts are one note.
    """
    starts = {note.line_start for note in notes}
    line_index = {line.start: k for k, line in enumerate(lines)}
    for note in notes:
        k = line_index[note.line_start]
        end = lines[k].end
        k += 1
        while k < len(lines) and lines[k].text.strip() and lines[k].start not in starts:
            end = lines[k].end
            k += 1
        while True:
            nxt = _continuation(lines, k, starts, text[note.text_start:end])
            if nxt is None:
                break
            k, end = nxt
        while end > note.text_start and text[end - 1].isspace():
            end -= 1
        note.text_end = max(end, note.text_start)


_FINISHED = re.compile(r"[.!?”\"’')\]>]\s*$")
_RUNS_ON = re.compile(r"(?:[,;:–—-]|\b(?:and|or|of|in|the|to|for|by|with|from|at|on|see|ed\.|eds\.|trans\.))\s*$")
_PAGE_BREAK = re.compile(r"^\s*(?:\d{1,4}|[ivxlc]{1,6}|-{3,}|_{3,}|\*{3}|-\s*\d{1,4}\s*-)\s*$")
"""Lines a page break leaves between two parts of a note: a page number, a rule."""


def _continuation(lines: list[_Line], k: int, starts: set[int], so_far: str) -> tuple[int, int] | None:
    """The paragraph after a page break that continues a note cut off at line ``k`` (next index, end)."""
    if _FINISHED.search(so_far):
        return None
    j = k
    broke = False
    while j < len(lines) and (not lines[j].text.strip() or _PAGE_BREAK.match(lines[j].text)):
        broke = broke or bool(_PAGE_BREAK.match(lines[j].text)) or not lines[j].text.strip()
        j += 1
    if not broke or j >= len(lines) or lines[j].start in starts:
        return None
    first = lines[j].text.strip()
    if not (first[:1].islower() or _RUNS_ON.search(so_far)) or _candidate(lines[j]) is not None:
        return None
    end_j = j
    while end_j + 1 < len(lines) and lines[end_j + 1].text.strip() and lines[end_j + 1].start not in starts:
        end_j += 1
    after = end_j + 1
    while after < len(lines) and not lines[after].text.strip():
        after += 1
    if after < len(lines) and lines[after].start not in starts and not _PAGE_BREAK.match(lines[after].text):
        return None  # body text follows: the paragraph is the body's, not the note's
    return end_j + 1, lines[end_j].end


# --- resolving markers -------------------------------------------------------------------------


def _in_regions(pos: int, regions: list[tuple[int, int]]) -> bool:
    """Whether ``pos`` falls inside one of the sorted, disjoint ``regions``."""
    i = bisect.bisect_right(regions, (pos, math.inf)) - 1
    return i >= 0 and regions[i][0] <= pos < regions[i][1]


def _superscript_marker(text: str, runs: _Runs, note: _Note, lo: int,
                        regions: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The superscript run calling ``note``: between the previous marker and the note itself.

    Several candidates (an exponent or a table mark with the same digits) are
    ranked by how markers are set: after punctuation or a closing quotation
    mark, attached to the preceding word, followed by a space or the line end;
    among equals, the one nearest the note wins.
    """
    best: tuple[int, int] | None = None
    best_score = -1
    for start, end in runs.get(note.number, []):
        if start < lo:
            continue
        if start >= note.line_start:
            break
        if _in_regions(start, regions) or _at_line_start(text, start):
            continue
        score = _marker_score(text, start, end)
        if score >= best_score:
            best, best_score = (start, end), score
    return best


def _at_line_start(text: str, pos: int) -> bool:
    return pos == 0 or text[pos - 1] == "\n"


def _marker_score(text: str, start: int, end: int) -> int:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else "\n"
    score = 0
    if before in _PUNCT_BEFORE or before in _CLOSERS:
        score += 2
    elif not before.isspace() and not before.isdigit():
        score += 1
    if after.isspace() or after in _PUNCT_BEFORE or after in "—–-":
        score += 1
    return score


_PLAIN_MARKER = re.compile(
    rf"(?:(?<=[^\W\d_][.,;:!?])|(?<=[^\W\d_][.,;:!?][”\"’])|(?<=[^\W\d_][”\"’]))"
    rf"[1-9][0-9]{{0,{MAX_NOTE_DIGITS - 1}}}(?=[ \t]+[^\W\d_“\"]|[ \t]*$)",
    re.MULTILINE,
)
"""A plain number set as a marker: after sentence punctuation or a closing quote, before a word or the line end."""


def _plain_numbers(text: str) -> _Runs:
    """Every plain number in marker position, by value: one scan of the text for all the notes.

    Scanning once instead of once per note keeps a text with thousands of
    notes whose markers lost their superscript linear in its length.
    """
    found: _Runs = {}
    for match in _PLAIN_MARKER.finditer(text):
        found.setdefault(int(match.group()), []).append(match.span())
    return found


def _plain_marker(plain: _Runs, note: _Note, lo: int, regions: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A marker that lost its superscript: the plain number right after sentence punctuation.

    Only taken when unambiguous: exactly one such occurrence of the expected
    number between the previous marker and the note, outside other notes.
    """
    spans = plain.get(note.number, [])
    found = [s for s in spans[bisect.bisect_left(spans, (lo, lo)):bisect.bisect_left(spans, (note.line_start, 0))]
             if not _in_regions(s[0], regions)]
    return found[0] if len(found) == 1 else None


def _warn_orphan_markers(doc: Document, runs: _Runs, notes: list[_Note],
                         regions: list[tuple[int, int]], cursor: int) -> None:
    """Markers continuing the numbering after the last note point at notes the text lost (truncation)."""
    number = notes[-1].number + 1
    pos = cursor
    while number <= notes[-1].number + MAX_GAP:
        later = [s for s in runs.get(number, []) if s[0] >= pos and not _in_regions(s[0], regions)
                 and not _at_line_start(doc.text, s[0]) and _marker_score(doc.text, *s) >= 2]
        if not later:
            break
        doc.warnings.append(f"footnote {number} not found (marker at offset {later[0][0]})")
        pos = later[0][1]
        number += 1
