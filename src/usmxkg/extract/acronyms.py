"""Acronyms and their expansions: rows of a list of acronyms and definitions in running text.

Two sources feed one list of :class:`AcronymPair`:

* ``origin="list"`` — every row the reader found in the document's list of
  acronyms and abbreviations (:attr:`Document.acronyms`);
* ``origin="text"`` — definitions written in the prose, found with the
  algorithm of Schwartz & Hearst, "A simple algorithm for identifying
  abbreviation definitions in biomedical text", Pacific Symposium on
  Biocomputing 8:451-462 (2003), https://psb.stanford.edu/psb-online/proceedings/psb03/schwartz.pdf

The Schwartz-Hearst (S&H) algorithm, as implemented here:

1. Candidates are ``long form (SF)`` and ``SF (long form)``. The text in the
   parentheses is taken as the short form when it is 2 to 10 characters long, has
   at most two words, contains a letter and starts with a letter or digit;
   when it holds more words it is the long form and the word before the
   parenthesis is the short form.
2. The long-form window is the ``min(|SF| + 5, 2 * |SF|)`` words before the
   parenthesis (``|SF|`` counts the letters and digits of the short form).
3. The short form's characters are matched right to left against the window,
   case-insensitively; its first character must begin a word of the long
   form. The long form runs from the start of that word to the parenthesis:
   the nearest such word, i.e. the shortest long form that matches.

Variations that the running text of defense-relations documents needs:

* dotted short forms ("O.A.S.", "U.S.") match on their letters, and dots in
  the long form let "U.S. Northern Command" supply the U and S of
  "USNORTHCOM";
* a plural "s" after an all-caps short form ("DTOs") is not matched;
* letters may come from inside words ("Secretaría de la Defensa Nacional"
  for "SEDENA"); accents are ignored when comparing letters;
* "(SEDENA, its Spanish acronym)" uses the part before the comma, and
  "(SEDENA, Secretaría de la Defensa Nacional)" the part after it when
  nothing before the parenthesis matches; "(DSCA, USNORTHCOM, and SCO)" is a
  list of acronyms, not a definition;
* a capitalised short form with a single capital ("Ciepac") must take every
  letter from the start of a word, so a name in parentheses ("Francisco
  (Pancho)") is not read as an acronym;
* parentheses holding a year, a number, a page or figure reference, a
  citation, a Roman numeral or lower-case words are not short forms;
* the window stops at a sentence end, a footnote marker, a paragraph break,
  another bracket, a quotation mark, a colon or a semicolon;
* the shortest long form is taken unless it is shorter than the short form
  suggests: an all-caps short form of ``n`` letters (``n >= 3``) needs a long
  form of at least ``max(2, ceil(n / 4))`` words (hyphen and dot parts
  count), and a long form does not begin with a lower-case function word
  ("of American States" for "O.A.S."); otherwise the next match further back
  is tried;
* a leading article or determiner ("the", "a", "its" …) is trimmed off when
  the rest still matches.

Pairs are deduplicated per document on (:func:`short_key`, :func:`long_key`):
the first occurrence is kept, and a list row wins over an in-text definition
of the same pair. The result is ordered by the short form's position.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from usmxkg.document import Document, Span

__all__ = ["AcronymPair", "extract_acronyms", "long_key", "match_long_form", "short_key"]

MAX_SHORT = 10
"""Longest short form in characters (S&H)."""

MAX_PAREN = 160
"""Longest parenthesised text considered at all; longer asides are never definitions."""

LOOKBACK = 600
"""Characters before a parenthesis searched for the long-form window."""

_PAREN = re.compile(rf"(?<!\S)\(([^()\n]{{1,{MAX_PAREN}}})\)")
"""A parenthesis opened after whitespace (not "NAME(S)"), without nested brackets or line breaks."""

_SUPERSCRIPT_DIGITS = "\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079"
_CUT = re.compile(
    r"[()\[\]{};:!?\t\"“”«»|]"  # brackets, clause punctuation, cells, quotation marks
    r"|\n[ \t]*\n"  # paragraph break
    rf"|[{_SUPERSCRIPT_DIGITS}]+"  # footnote marker
    rf"|(?<=[a-z0-9%{_SUPERSCRIPT_DIGITS}])\.(?=\s)"  # sentence end (not "U.S. Northern")
)
"""Where a long-form window stops: a long form never spans one of these."""

_DETERMINERS = frozenset(
    {"the", "a", "an", "its", "their", "his", "her", "our", "your", "this", "that", "these", "those"}
)
_FUNCTION_WORDS = _DETERMINERS | frozenset(
    {"of", "and", "or", "for", "in", "on", "to", "at", "by", "with", "from", "as"}
    | {"de", "del", "la", "las", "los", "el", "y", "e", "en", "para", "por"}
)
"""A long form never begins with one of these written in lower case ("of American States")."""
_QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"
_TRAIL = ' \t\n,;:"\u201c\u201d\u00ab\u00bb'
_ROMAN = re.compile(r"^[IVX]{1,4}$")
_ACRONYM_TOKEN = re.compile(r"^(?:[^\W_]\.){2,}$|^(?:[^\W_]\.)+[^\W_]$")
"""Dotted letters: "U.S.", "O.A.S.", "D.E.A", "e.g."."""


@dataclass(frozen=True, slots=True)
class AcronymPair:
    """A short form and its expansion, both as written, with exact spans.

    >>> s = Span(0, 4, "DTOs")
    >>> AcronymPair("DTOs", "Drug Trafficking Organizations", s, s, "text").key
    'DTO'
    """

    short: str
    long: str
    short_span: Span
    long_span: Span
    origin: str

    @property
    def key(self) -> str:
        """The folded short form (see :func:`short_key`)."""
        return short_key(self.short)


def short_key(short: str) -> str:
    """Fold a short form for comparison: dots and spaces removed, plural "s" dropped, upper case.

    The plural "s" is dropped only after an all-caps form, so "CHDS" and "DoS" keep theirs.

    >>> [short_key(s) for s in ("DTOs", "D.E.A.", "DoD", "U.S.", "NGOs", "CHDS")]
    ['DTO', 'DEA', 'DOD', 'US', 'NGO', 'CHDS']
    """
    folded = re.sub(r"[.\s]", "", short)
    if len(folded) > 2 and folded.endswith("s") and folded[:-1].isupper():
        folded = folded[:-1]
    return folded.upper()


def long_key(long: str) -> str:
    """Fold a long form for comparison: accents, case, quotes, hyphens, "&" and spacing.

    >>> long_key("Secretaría de la  Defensa-Nacional") == long_key("secretaria de la defensa nacional")
    True
    >>> long_key("Zapatista Army\u2019s") == long_key("Zapatista Army's")
    True
    """
    text = "".join(c for c in unicodedata.normalize("NFKD", long) if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("&", " and ")
    text = re.sub("[-\u2010\u2011\u2013\u2014]", " ", text.casefold())
    return " ".join(text.split())


def extract_acronyms(doc: Document) -> list[AcronymPair]:
    """All acronym definitions of a document: list rows, then in-text definitions, deduplicated.

    A pure function of the document, ordered by the position of the short form.
    """
    pairs: dict[tuple[str, str], AcronymPair] = {}
    for row in doc.acronyms:
        pair = _list_pair(doc, row.short, row.long)
        if pair is not None:
            pairs.setdefault((pair.key, long_key(pair.long)), pair)
    for pair in _text_pairs(doc):
        pairs.setdefault((pair.key, long_key(pair.long)), pair)
    return sorted(pairs.values(), key=lambda p: (p.short_span.start, p.long_span.start))


def match_long_form(short: str, long: str) -> str | None:
    """The shortest end of ``long`` that ``short`` abbreviates under the S&H rules, or None.

    >>> match_long_form("USNORTHCOM", "In 2002, the U.S. Northern Command")
    'U.S. Northern Command'
    >>> match_long_form("SEDENA", "the Secretaría de la Defensa Nacional")
    'Secretaría de la Defensa Nacional'
    >>> match_long_form("DTOs", "fight the Drug Trafficking Organizations")
    'Drug Trafficking Organizations'
    >>> match_long_form("EZLN", "Zapatista National Liberation Army") is None
    True
    """
    kind = _short_kind(short)
    if kind is None:
        return None
    chars = _chars(short)
    hi = len(long.rstrip(_TRAIL))
    for start in _starts(long, 0, hi, chars, strict=kind == "strict", min_pieces=_min_pieces(short, kind)):
        return long[start:hi]
    return None


# --------------------------------------------------------------------------- list rows


def _list_pair(doc: Document, short: Span, long: Span) -> AcronymPair | None:
    s = _strip(doc, short.start, short.end)
    lo, hi = _strip(doc, long.start, long.end)
    if s[0] == s[1] or lo == hi:
        return None
    words = doc.text[lo:hi].split()
    while len(words) > 1 and words[0].casefold() in _DETERMINERS:
        lo = doc.text.index(words[1], lo + len(words[0]))
        words.pop(0)
    return AcronymPair(doc.text[s[0] : s[1]], doc.text[lo:hi], doc.span(*s), doc.span(lo, hi), "list")


def _strip(doc: Document, start: int, end: int) -> tuple[int, int]:
    """Offsets with surrounding whitespace and quotation marks removed."""
    text = doc.text
    while start < end and (text[start].isspace() or text[start] in _QUOTES):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _QUOTES):
        end -= 1
    return start, end


# --------------------------------------------------------------------------- running text


def _text_pairs(doc: Document) -> Iterator[AcronymPair]:
    text = doc.text
    for m in _PAREN.finditer(text):
        lo, hi = _strip(doc, m.start(1), m.end(1))
        if lo == hi:
            continue
        content = text[lo:hi]
        head, sep, _ = _split_aside(content)
        s_lo, s_hi = _strip(doc, lo, lo + len(head))
        short = text[s_lo:s_hi]
        kind = _short_kind(short)
        if kind is not None:
            rest_lo = _skip_space(text, lo + len(head) + len(sep), hi)
            if sep and _has_acronym(text[rest_lo:hi]):
                continue  # "(DSCA, USNORTHCOM, and SCO)": a list, not a definition
            pair = _long_before(doc, short, s_lo, s_hi, kind, m.start())
            if pair is None and sep:
                pair = _long_inside(doc, short, s_lo, s_hi, kind, rest_lo, hi)
            if pair is not None:
                yield pair
        elif len(content.split()) > 2 or _short_kind(content) is None:
            pair = _short_before(doc, m.start(), lo, hi)
            if pair is not None:
                yield pair


def _split_aside(content: str) -> tuple[str, str, str]:
    """ "SEDENA, its Spanish acronym" → ("SEDENA", ", ", "its Spanish acronym")."""
    m = re.search(r"[,;]\s*", content)
    if m is None:
        return content, "", ""
    return content[: m.start()], m.group(), content[m.end() :]


def _skip_space(text: str, i: int, hi: int) -> int:
    while i < hi and text[i].isspace():
        i += 1
    return i


def _long_before(
    doc: Document, short: str, s_lo: int, s_hi: int, kind: str, paren: int
) -> AcronymPair | None:
    """The ``long form (SF)`` pattern: the long form ends just before the parenthesis."""
    text = doc.text
    hi = paren
    while hi > 0 and text[hi - 1] in _TRAIL:
        hi -= 1
    lo = _window_start(text, hi, len(_chars(short)))
    strict = kind == "strict"
    min_pieces = _min_pieces(short, kind)
    for start in _starts(text, lo, hi, _chars(short), strict, min_pieces):
        start = _trim_determiners(text, start, hi, short, strict, min_pieces)
        long = text[start:hi]
        if _plausible(short, long):
            return AcronymPair(short, long, doc.span(s_lo, s_hi), doc.span(start, hi), "text")
        return None
    return None


def _long_inside(
    doc: Document, short: str, s_lo: int, s_hi: int, kind: str, lo: int, hi: int
) -> AcronymPair | None:
    """ "(SF, long form)": the long form must be the whole remainder (articles aside)."""
    text = doc.text
    hi = _rstrip(text, lo, hi)
    if not _long_text_ok(text[lo:hi]) or len(text[lo:hi].split()) > _window_words(len(_chars(short))):
        return None
    start = _match_whole(text, lo, hi, short, kind)
    if start is None or not _plausible(short, text[start:hi]):
        return None
    return AcronymPair(short, text[start:hi], doc.span(s_lo, s_hi), doc.span(start, hi), "text")


def _short_before(doc: Document, paren: int, lo: int, hi: int) -> AcronymPair | None:
    """The ``SF (long form)`` pattern: the word before the parenthesis is the short form."""
    text = doc.text
    m = re.search(r"(\S+)\s+$", text[max(0, paren - 40) : paren])
    if m is None:
        return None
    s_lo, s_hi = _strip(doc, paren - len(m.group()), paren - len(m.group()) + len(m.group(1)))
    short = text[s_lo:s_hi]
    if _short_kind(short) != "acronym":
        return None
    hi = _rstrip(text, lo, hi)
    long = text[lo:hi]
    if not _long_text_ok(long) or len(long.split()) > _window_words(len(_chars(short))):
        return None
    start = _match_whole(text, lo, hi, short, "acronym")
    if start is None or not _plausible(short, text[start:hi]):
        return None
    return AcronymPair(short, text[start:hi], doc.span(s_lo, s_hi), doc.span(start, hi), "text")


def _match_whole(text: str, lo: int, hi: int, short: str, kind: str) -> int | None:
    """Start of a match covering all of ``text[lo:hi]`` but leading determiners, else None."""
    allowed = {lo}
    for m in re.finditer(r"\S+\s+", text[lo:hi]):
        if m.group().strip().casefold() not in _DETERMINERS:
            break
        allowed.add(lo + m.end())
    starts = _starts(text, lo, hi, _chars(short), kind == "strict", _min_pieces(short, kind))
    found = [s for s in starts if s in allowed]
    return max(found) if found else None


def _rstrip(text: str, lo: int, hi: int) -> int:
    while hi > lo and text[hi - 1] in _TRAIL:
        hi -= 1
    return hi


def _long_text_ok(long: str) -> bool:
    """A parenthesised long form holds words only: no numbers, citations, URLs or asides."""
    if not long or any(c.isdigit() for c in long) or re.search(r"[:/@<>=%$#]", long):
        return False
    first = long.split()[0].casefold()
    return first not in {"see", "cf.", "e.g.", "i.e.", "eg", "ie", "accessed", "such", "including"}


def _window_start(text: str, hi: int, n: int) -> int:
    """Start of the S&H window: ``min(n + 5, 2n)`` words before ``hi``, not across a cut."""
    lo = max(0, hi - LOOKBACK)
    for m in _CUT.finditer(text, lo, hi):
        lo = m.end()
    words = list(re.finditer(r"\S+", text[lo:hi]))
    keep = _window_words(n)
    if len(words) > keep:
        lo += words[-keep].start()
    return lo


def _window_words(n: int) -> int:
    return min(n + 5, 2 * n)


def _trim_determiners(text: str, start: int, hi: int, short: str, strict: bool, min_pieces: int) -> int:
    """Drop a leading "the"/"a"/"its" … when what is left still matches the short form."""
    while True:
        m = re.match(r"(\S+)\s+", text[start:hi])
        if m is None or m.group(1).casefold() not in _DETERMINERS:
            return start
        rest = start + m.end()
        if next(_starts(text, rest, hi, _chars(short), strict, min_pieces), None) != rest:
            return start
        start = rest


def _plausible(short: str, long: str) -> bool:
    """S&H sanity checks: the long form is longer than the short form and does not contain it."""
    if len(_chars(long)) <= len(_chars(short)):
        return False
    words = {w.strip(".,;\u2019'").casefold() for w in long.split()}
    return short.casefold() not in words and short_key(short).casefold() not in words


# --------------------------------------------------------------------------- matching


def _short_kind(short: str) -> str | None:
    """ "acronym" (S&H matching), "strict" (every letter starts a word) or None (not a short form)."""
    if not 2 <= len(short) <= MAX_SHORT or not short[0].isalnum():
        return None
    tokens = short.split()
    if len(tokens) > 2 or not any(c.isalpha() for c in short):
        return None
    if re.search("[^\\w.&/'\u2019\\-\\s]", short) or "_" in short:
        return None
    if not any(c.isupper() for c in short):
        return None  # "(and still are)", "(p. 4)", "(e.g.)"
    if any(t.strip(".").isdigit() or _ROMAN.match(t) for t in tokens):
        return None  # "(July 2009)", "(II)"
    if all(_acronym_like(t) for t in tokens):
        return "acronym"
    if len(tokens) == 1 and re.fullmatch(r"[^\W\d_][^\W\d_]+", short) and short[0].isupper():
        return "strict"  # "Ciepac"; also what rules out "(Pancho)"
    return None


def _acronym_like(token: str) -> bool:
    """ "NAFTA", "DoD", "DTOs", "U.S.", "O.A.S.", "G8", "JTF-N"."""
    if _ACRONYM_TOKEN.match(token):
        return any(c.isupper() for c in token)
    upper = sum(c.isupper() for c in token)
    return upper >= 2 or (upper == 1 and token[0].isupper() and any(c.isdigit() for c in token))


def _has_acronym(text: str) -> bool:
    return any(_acronym_like(t.strip(",;.")) and len(t.strip(",;.")) > 1 for t in text.split())


def _chars(short: str) -> str:
    """The characters of a short form that must be matched: letters and digits, plural "s" off."""
    chars = "".join(c for c in short if c.isalnum())
    if len(chars) > 2 and chars.endswith("s") and chars[:-1].isupper():
        chars = chars[:-1]
    return chars


def _min_pieces(short: str, kind: str) -> int:
    """Fewest words a long form needs for an all-caps short form of ``n`` letters."""
    n = len(_chars(short))
    if kind == "strict" or n < 3:
        return 1
    return max(2, math.ceil(n / 4))


@lru_cache(maxsize=4096)
def _fold(c: str) -> str:
    return unicodedata.normalize("NFD", c)[0].casefold()


def _word_start(text: str, i: int, lo: int) -> bool:
    return i == lo or not text[i - 1].isalnum()


def _starts(text: str, lo: int, hi: int, chars: str, strict: bool, min_pieces: int) -> Iterator[int]:
    """Long-form starts in ``text[lo:hi]`` from the nearest (shortest long form) outwards.

    The characters after the first are matched greedily right to left (S&H);
    the first must begin a word, and each word beginning with it further back
    yields a longer candidate. The start is moved back to the beginning of the
    whitespace-delimited token holding the first character (S&H), then past
    any leading punctuation.
    """
    if not chars:
        return
    i = hi - 1
    for c in reversed(chars[1:]):
        want = _fold(c)
        while i >= lo and not (_fold(text[i]) == want and (not strict or _word_start(text, i, lo))):
            i -= 1
        if i < lo:
            return
        i -= 1
    first = _fold(chars[0])
    while i >= lo:
        if _fold(text[i]) == first and _word_start(text, i, lo):
            start = i
            while start > lo and not text[start - 1].isspace():
                start -= 1
            while start < i and not text[start].isalnum():
                start += 1
            if _pieces(text[start:hi]) >= min_pieces and not _function_word_at(text, start, hi):
                yield start
        i -= 1


def _function_word_at(text: str, start: int, hi: int) -> bool:
    m = re.match(r"[^\W\d_]+", text[start:hi])
    return m is not None and m.group() in _FUNCTION_WORDS


def _pieces(long: str) -> int:
    """Words of a long form, hyphenated and dotted parts counted apart ("U.S." is two)."""
    return len(re.findall(r"[^\W_]+", long))
