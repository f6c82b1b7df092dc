"""Words of a text with their offsets, shapes and layout: the input of proper-name recognition.

One regular-expression pass splits the normalised text into word tokens
(hyphenated and apostrophe compounds kept whole, dotted abbreviations such as
"U.S." as one token) and classifies each by shape. Layout facts that decide
whether capitals mean a name are computed once per line: a line set all in
capitals (OCR title pages, SF 298 boxes) is folded, a table-of-contents line
(dot leaders before a page number) is never read for names, and a short line
of capitalised words is a heading. Everything is linear in the text's length.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from usmxkg.extract.lexicon import ABBREVIATIONS, CONNECTORS, FUNCTION_WORDS

__all__ = ["Layout", "Token", "fold_word", "tokenize"]

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:[-'’](?![A-Za-z]\.)[^\W_]+)*")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th|d)$", re.IGNORECASE)
_TOC_LEADER = re.compile(r"(?:\.\s?){4,}\s*[0-9ivxlc]+\b")


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """A word folded for lexicon look-ups: lower case, accents stripped, curly apostrophe straightened.

    >>> fold_word("Secretaría"), fold_word("U.S."), fold_word("Army’s")
    ('secretaria', 'u.s', 'army')
    """
    decomposed = unicodedata.normalize("NFKD", word.replace("’", "'"))
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).lower().rstrip(".")
    return folded[:-2] if folded.endswith("'s") and len(folded) > 3 else folded


def _shape(word: str) -> str:
    """cap, upper, lower, ordinal, num, initial or mixed."""
    if "." in word:
        return "dotted"
    if _ORDINAL.match(word):
        return "ordinal"
    if word.isdigit():
        return "num"
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return "mixed"
    if len(letters) == 1 and word[0].isupper():
        return "initial"
    if all(c.isupper() for c in letters):
        return "upper"
    if word[0].isupper():
        return "cap"
    if all(c.islower() for c in letters):
        return "lower"
    return "mixed"


@dataclass(frozen=True, slots=True)
class Token:
    """One word: its offsets in the text, the word as written, its folded form and its shape."""

    start: int
    end: int
    text: str
    fold: str
    shape: str

    @property
    def capitalised(self) -> bool:
        return self.shape in ("cap", "upper", "dotted", "initial")


def tokenize(text: str) -> list[Token]:
    """Every word token of ``text`` in order.

    >>> [(t.text, t.shape) for t in tokenize("The U.S.-Mexico 37th Wing of NORAD")]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('The', 'cap'), ('U.S.', 'dotted'), ('Mexico', 'cap'), ('37th', 'ordinal'), ('Wing', 'cap'),
     ('of', 'lower'), ('NORAD', 'upper')]
    """
    return [
        Token(m.start(), m.end(), m.group(), fold_word(m.group()), _shape(m.group())) for m in _TOKEN.finditer(text)
    ]


class Layout:
    """Per-line facts of a text: capitals lines, contents lines, headings, sentence starts.

    Lines are looked up by offset with a binary search over the line starts;
    each line's facts are computed the first time they are asked for.
    """

    def __init__(self, text: str, tokens: list[Token]) -> None:
        self.text = text
        self.tokens = tokens
        self._line_starts = [0, *(m.end() for m in re.finditer(r"\n", text))]
        self._caps: dict[int, bool] = {}
        self._heading: dict[int, bool] = {}
        self._toc: dict[int, bool] = {}
        lower: dict[str, int] = {}
        capital: dict[str, int] = {}
        for t in tokens:
            if t.shape == "lower":
                lower[t.fold] = lower.get(t.fold, 0) + 1
            elif t.shape == "cap":
                capital[t.fold] = capital.get(t.fold, 0) + 1
        self.lower_words = frozenset(w for w, n in lower.items() if n > capital.get(w, 0))
        """Words the text writes in lower case more often than capitalised: at a sentence start, common words."""

    def line(self, offset: int) -> tuple[int, int]:
        """``[start, end)`` of the line holding ``offset`` (end at the newline)."""
        k = bisect_right(self._line_starts, offset) - 1
        start = self._line_starts[k]
        end = self._line_starts[k + 1] - 1 if k + 1 < len(self._line_starts) else len(self.text)
        return start, end

    def caps_line(self, offset: int) -> bool:
        """The line is set in capitals: at least 3 letters out of 4 are upper case, over two words or more."""
        start, end = self.line(offset)
        if start not in self._caps:
            letters = [c for c in self.text[start:end] if c.isalpha()]
            upper = sum(c.isupper() for c in letters)
            self._caps[start] = (
                len(letters) >= 6 and upper >= 0.75 * len(letters) and " " in self.text[start:end].strip()
            )
        return self._caps[start]

    def contents_line(self, offset: int) -> bool:
        """The line has dot leaders before a page number: a table-of-contents entry."""
        start, end = self.line(offset)
        if start not in self._toc:
            self._toc[start] = _TOC_LEADER.search(self.text, start, end) is not None
        return self._toc[start]

    def heading_line(self, offset: int) -> bool:
        """A short line of capitalised words with no final period: a heading, title or label, not prose."""
        start, end = self.line(offset)
        if start not in self._heading:
            line = self.text[start:end].strip()
            words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line)]
            content = [w for w in words if w.lower() not in CONNECTORS and w.lower() not in FUNCTION_WORDS]
            capital = sum(w[0].isupper() for w in content)
            self._heading[start] = (
                0 < len(words) <= 16 and not line.endswith((".", ",", ";")) and capital >= 0.8 * max(len(content), 1)
            )
        return self._heading[start]

    def sentence_initial(self, index: int) -> bool:
        """Token ``index`` opens a sentence, a line after a blank line, or the text."""
        if index == 0:
            return True
        token, previous = self.tokens[index], self.tokens[index - 1]
        gap = self.text[previous.end : token.start]
        stripped = gap.strip(" \t\"“‘'([")
        if "\n\n" in gap.replace(" ", "") or (stripped[:1] in ("!", "?", ":", "•", "·")):
            return True
        ends_sentence = previous.fold not in ABBREVIATIONS and previous.shape not in ("initial", "dotted", "num")
        return stripped.startswith(".") and ends_sentence
