"""Markup-free normalised text with a map back to the raw text.

PDF-to-text converters disagree: one writes footnote markers as Unicode
superscripts (¹²³), another as HTML ``<sup>`` tags with ``<b>``/``<i>``,
Markdown headings and emphasis, backslash escapes (``\\$``, ``\\_``) and
``---`` rules. Readers see one text instead: markup dropped, footnote
markers and table note marks (``<sup>a</sup>``, ``15.0 ^a``) as Unicode
superscripts, page furniture removed. Every character of
the normalised text keeps its raw offset (:meth:`Normalised.to_raw`), so a
span can always be traced to the bytes it came from.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass

SUPERSCRIPT = str.maketrans("0123456789abcdefghijklmnoprstuvwxyz+-=()",
                            "⁰¹²³⁴⁵⁶⁷⁸⁹ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ⁺⁻⁼⁽⁾")
"""Plain characters to their Unicode superscript forms (no superscript 'q' exists)."""

PAGE_FURNITURE = re.compile(
    r"^\s*(?:THIS PAGE INTENTIONALLY LEFT BLANK|(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})\s*$"
)
"""Whole lines that carry no content: blank-page notices and horizontal rules."""

_INLINE = re.compile(
    r"<sup>(?P<sup>.*?)</sup>"  # footnote markers and ordinal suffixes
    r"|(?<=\S) ?\^(?P<caret>[a-z0-9]{1,3})\b"  # plain-text superscripts: "15.0 ^a" (table note marks)
    r"|</?(?:b|i|u|em|strong|span|sub|small|br)\s*/?>"  # presentational HTML tags
    r"|\\(?P<esc>[\\`*_{}\[\]()#+\-.!$&%<>|~\"'])"  # Markdown backslash escapes
    r"|\[(?P<ltext>[^\]\n]*)\]\([^)\n]*\)"  # Markdown links: keep the link text
    r"|(?<![\w*])\*{1,3}(?=\S)|(?<=\S)\*{1,3}(?![\w*])"  # Markdown emphasis asterisks
    r"|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);",  # HTML character references
    re.IGNORECASE,
)
_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+")
_SPACE_RUN = re.compile(r" {2,}")
_CRLF = re.compile(r"\r(?=\n)")
_WIDE_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")
_NARROW_GAP = re.compile(r"(?<=\S) (?=\S)")

SPACED_OUT_SHARE = 0.5
"""Share of word gaps printed as two or more spaces above which a text's spacing is OCR layout, not meaning.

Typeset text converted by most tools has single spaces between words, and
wide gaps only between table cells; OCR output of scanned forms and title
pages prints nearly every gap wide. Above this share the gaps carry no
information and are squeezed to one space (tabs are kept).
"""
_TRAILING = re.compile(r"[ \t]+$")


@dataclass(frozen=True, slots=True)
class Normalised:
    """Normalised text plus the offset map back to the source.

    ``source`` is the text as decoded from the file; ``raw`` the same with
    line ends unified to ``\\n`` (what the pieces index); per piece of the
    normalised text the map keeps where it starts, where its raw extent
    starts and ends, and whether it was copied verbatim. ``_crlf`` holds, for
    each carriage return dropped from a CR LF pair, the raw offset of its LF,
    so raw offsets convert to source offsets.
    """

    text: str
    raw: str
    source: str
    _norm_starts: tuple[int, ...]
    _raw_starts: tuple[int, ...]
    _raw_ends: tuple[int, ...]
    _verbatim: tuple[bool, ...]
    _crlf: tuple[int, ...] = ()

    def to_raw(self, offset: int) -> int:
        """Raw-text offset of a normalised-text offset.

        Inside a piece copied verbatim the mapping is exact; inside a rewritten
        piece (a superscript that was ``<sup>12</sup>``) it maps to the piece start.
        """
        if not self._norm_starts:
            return 0
        i = max(bisect.bisect_right(self._norm_starts, offset) - 1, 0)
        delta = offset - self._norm_starts[i]
        return self._raw_starts[i] + (delta if self._verbatim[i] else 0)

    def source_range(self, start: int, end: int) -> tuple[int, int]:
        """The ``[start, end)`` of the source text that normalised ``[start, end)`` was made from.

        The start maps like :meth:`to_raw`; the end is taken after the last
        character of the range (a rewritten piece ends where its markup
        ended), so text the normaliser dropped after the range (a furniture
        line, trailing spaces) is not included. Offsets count characters of
        the decoded file, CR LF line ends included.
        """
        if end <= start or not self._norm_starts:
            first = self._source(self.to_raw(start)) if self._norm_starts else 0
            return first, first
        i = max(bisect.bisect_right(self._norm_starts, end - 1) - 1, 0)
        last = end - 1 - self._norm_starts[i]
        raw_end = self._raw_starts[i] + last + 1 if self._verbatim[i] else self._raw_ends[i]
        return self._source(self.to_raw(start)), self._source(raw_end - 1) + 1

    def _source(self, raw_offset: int) -> int:
        """Source offset of the character at ``raw_offset`` (each dropped CR before it shifts it by one)."""
        return raw_offset + bisect.bisect_right(self._crlf, raw_offset) if self._crlf else raw_offset


class _Builder:
    """Accumulates normalised pieces and where each came from.

    With ``squeeze`` set, runs of spaces inside a line are copied as one space
    (the text of OCR engines that print every word gap as two or more spaces).
    """

    def __init__(self, raw: str, squeeze: bool = False) -> None:
        self.raw = raw
        self.squeeze = squeeze
        self.parts: list[str] = []
        self.norm_starts: list[int] = []
        self.raw_starts: list[int] = []
        self.raw_ends: list[int] = []
        self.verbatim: list[bool] = []
        self.length = 0

    def copy(self, start: int, end: int) -> None:
        if end <= start:
            return
        if not self.squeeze:
            self._add(self.raw[start:end], start, start + end - start, True)
            return
        cursor = start
        for run in _SPACE_RUN.finditer(self.raw, start, end):
            if run.start() == start and (start == 0 or self.raw[start - 1] == "\n"):
                continue  # indentation at the start of a line is kept as it is
            self._add(self.raw[cursor:run.start() + 1], cursor, run.start() + 1, True)
            cursor = run.end()
        if end > cursor:
            self._add(self.raw[cursor:end], cursor, end, True)

    def put(self, text: str, raw_start: int, raw_end: int) -> None:
        """Add ``text`` written in place of the raw characters ``[raw_start, raw_end)``."""
        if text:
            self._add(text, raw_start, raw_end, False)

    def _add(self, text: str, raw_start: int, raw_end: int, verbatim: bool) -> None:
        self.parts.append(text)
        self.norm_starts.append(self.length)
        self.raw_starts.append(raw_start)
        self.raw_ends.append(raw_end)
        self.verbatim.append(verbatim)
        self.length += len(text)

    def tail_newlines(self) -> int:
        """How many newlines the normalised text currently ends with."""
        count = 0
        for part in reversed(self.parts):
            stripped = part.rstrip("\n")
            count += len(part) - len(stripped)
            if stripped:
                break
        return count

    def build(self, source: str, crlf: tuple[int, ...]) -> Normalised:
        return Normalised("".join(self.parts), self.raw, source, tuple(self.norm_starts), tuple(self.raw_starts),
                          tuple(self.raw_ends), tuple(self.verbatim), crlf)


def normalise(raw: str) -> Normalised:
    """Drop markup and page furniture from ``raw``, keeping an offset map.

    Line structure is kept (readers rely on it), trailing spaces go, runs
    of blank lines collapse to one so paragraphs are separated by exactly one
    empty line, and in OCR text that spaces every word widely the runs of
    spaces become one (:func:`spaced_out`).

    >>> n = normalise("**Title**\\n\\nCost \\\\$5.<sup>12</sup>\\n---\\n")
    >>> n.text
    'Title\\n\\nCost $5.¹²\\n'
    >>> n.raw[n.to_raw(n.text.index("Cost")):][:4]
    'Cost'
    """
    source = raw
    crlf = tuple(m.start() - k for k, m in enumerate(_CRLF.finditer(source)))
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    out = _Builder(raw, squeeze=spaced_out(raw))
    pos = 0
    for line in raw.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        body = line.rstrip("\n")
        if PAGE_FURNITURE.match(body):
            continue
        if not body.strip():
            if out.length and out.tail_newlines() < 2:
                out.put("\n", start + len(body), pos)
            continue
        _normalise_line(out, start, body)
        out.put("\n", start + len(body), pos)
    return out.build(source, crlf)


def spaced_out(raw: str) -> bool:
    """True when most word gaps of ``raw`` are runs of spaces (see :data:`SPACED_OUT_SHARE`).

    >>> spaced_out("THE  NEW  WILD  WEST:  MILITARY  SUPPORT")
    True
    >>> spaced_out("Name  Value\\nA sentence with single spaces between its words.")
    False
    """
    wide = len(_WIDE_GAP.findall(raw))
    narrow = len(_NARROW_GAP.findall(raw))
    return wide > 0 and wide / (wide + narrow) > SPACED_OUT_SHARE


def _normalise_line(out: _Builder, start: int, body: str) -> None:
    heading = _HEADING.match(body)
    cursor = heading.end() if heading else 0
    end = len(_TRAILING.sub("", body))
    for match in _INLINE.finditer(body, cursor, end):
        out.copy(start + cursor, start + match.start())
        at, until = start + match.start(), start + match.end()
        if match.group("sup") is not None:
            out.put(_superscript(match.group("sup")), at, until)
        elif match.group("caret") is not None:
            out.put(_superscript(match.group("caret")), at, until)
        elif match.group("esc") is not None:
            out.put(match.group("esc"), at, until)
        elif match.group("ltext") is not None:
            out.copy(at + 1, at + 1 + len(match.group("ltext")))
        elif match.group(0).startswith("&"):
            out.put(html.unescape(match.group(0)), at, until)
        cursor = match.end()
    out.copy(start + cursor, start + end)


def _superscript(inner: str) -> str:
    """``<sup>12</sup>`` → ``¹²``; content without superscript forms stays as written."""
    inner = re.sub(r"</?\w+>", "", inner).strip()
    converted = inner.lower().translate(SUPERSCRIPT)
    return converted if all(c not in SUPERSCRIPT_SOURCE for c in converted) else inner


SUPERSCRIPT_SOURCE = frozenset("0123456789abcdefghijklmnoprstuvwxyz+-=()")
