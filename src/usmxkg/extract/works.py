"""Cited works and their identity: a parsed description, and the keys that tell two descriptions of one work.

A note and a bibliography entry describing the same work, or two theses
citing it, must meet: :meth:`Work.key` joins :func:`work_key_title` and
:func:`work_key_name`, both deliberately tolerant of the variants the two
citation styles and careless typing produce; their docstrings say what that
may wrongly merge. (Parsing is in :mod:`usmxkg.extract.citations`.)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from usmxkg.extract.names import family_name
from usmxkg.vocab import fold

KINDS = frozenset({"Book", "BookChapter", "JournalArticle", "Report", "Thesis", "NewsArticle", "WebPage",
                   "Document"})
"""The ``usmx`` class local names a :class:`Work` can be typed with."""


# --- the model ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Work:
    """A parsed bibliographic description (CMOS 17, chapter 14).

    ``authors`` are personal or corporate authors as written, one per item
    (editors of a containing book are not authors); ``title`` is the
    article, chapter or page title (quoted in the source) or the book or
    report title; ``container`` the journal, the book a chapter is in, or the
    web site; ``pages`` the pages cited in a note (the locator, CMOS 14.20)
    or the page range printed in a bibliography entry; ``url`` the URL as
    written, or ``https://doi.org/…`` for a DOI (CMOS 14.8); ``accessed`` the
    access date as written; ``kind`` one of :data:`KINDS`.
    """

    authors: tuple[str, ...]
    title: str
    container: str = ""
    publisher: str = ""
    place: str = ""
    year: str = ""
    pages: str = ""
    url: str = ""
    accessed: str = ""
    kind: str = "Document"

    def key(self) -> str:
        """Identity of the work: key title and first author's key name (see :func:`work_key_title`).

        >>> from usmxkg.extract.citations import parse_entry, parse_note
        >>> note = parse_note("Elena M. Vargas, Border Garrisons: Soldiers and Settlers "
        ...                   "(Austin: Lone Star University Press, 2011), 45.")
        >>> entry = parse_entry("Vargas, Elena M. Border Garrisons: Soldiers and Settlers. "
        ...                     "Austin: Lone Star University Press, 2011.", "Vargas, Elena M.")
        >>> note is not None and entry is not None and note.key() == entry.key()
        True
        """
        first = self.authors[0] if self.authors else ""
        return f"{work_key_title(self.title)}|{work_key_name(first)}"




# --- identity keys -----------------------------------------------------------------------------

_LEADING_ARTICLES = frozenset({
    "the", "a", "an", "el", "la", "los", "las", "lo", "le", "les", "l", "un", "una"
})
_MIN_MAIN_WORDS = 4
"""A main title needs this many words before a subtitle may be dropped from the key."""
_MIN_SUBTITLE_WORDS = 3
"""A subtitle shorter than this (": Chile", ": 2013") tells parts and editions apart and is kept."""


@lru_cache(maxsize=4096)
def key_words(text: str) -> tuple[str, ...]:
    """Folded words, runs of single letters joined ("u s" → "us"), a leading article dropped."""
    words = fold(text.replace("&", " and ")).split()
    out: list[str] = []
    run: list[str] = []
    for word in [*words, ""]:
        if len(word) == 1 and word.isalpha():
            run.append(word)
            continue
        if run:
            out.append("".join(run))
            run = []
        if word:
            out.append(word)
    if len(out) > 1 and out[0] in _LEADING_ARTICLES:
        out = out[1:]
    return tuple(out)


@lru_cache(maxsize=4096)
def work_key_title(title: str) -> str:
    """The title part of a work's key: folded, initialisms joined, leading article and long subtitle dropped.

    The two styles and the theses that use them write the same title with
    "U.S." or "US", with or without a leading article, and with subtitles
    that drift (a series name appended after a comma in a note, a reworded
    subtitle in the bibliography). The key therefore keeps only the main
    title (the part before the first colon, CMOS 14.89) when the main title
    has at least four words and the subtitle at least three. Short main
    titles ("Annual Report 2019: Chile", "Canada: Background and U.S.
    Relations") and short subtitles (a country, a year, a part) are kept
    whole because they are what tells different works apart. What this may
    wrongly merge: two works by authors with the same family name whose
    main titles of four or more words agree and whose long subtitles differ
    — in practice editions or versions of one work.

    >>> work_key_title("The U.S. and Canada: Neighbors, Partners, Reluctant Allies")
    'us and canada neighbors partners reluctant allies'
    >>> work_key_title("Security in Canada: Implications for US Policy Options")
    'security in canada implications for us policy options'
    >>> work_key_title("Trust on the Water: Building Naval Partnerships in the Gulf")
    'trust on the water'
    >>> work_key_title("Annual Report 2019: Chile") == work_key_title("Annual Report 2019: Peru")
    False
    """
    main, colon, subtitle = title.partition(":")
    main_words = key_words(main)
    if colon and len(main_words) >= _MIN_MAIN_WORDS and len(key_words(subtitle)) >= _MIN_SUBTITLE_WORDS:
        return " ".join(main_words)
    return " ".join(key_words(title))


@lru_cache(maxsize=4096)
def work_key_name(name: str) -> str:
    """The author part of a work's key: the last word of the folded family name.

    Notes write compound Spanish surnames in natural order ("Ana Lucía
    Ortega Ruiz") where :func:`~usmxkg.extract.names.family_name` can only
    take the last word, while bibliography entries invert them ("Ortega Ruiz,
    Ana Lucía"); the last word is what both forms share. What this may
    wrongly separate: an author printed once with and once without a second
    surname ("Ortega" and "Ortega Ruiz").

    >>> work_key_name("Ana Lucía Ortega Ruiz") == work_key_name("Ortega Ruiz, Ana Lucía")
    True
    >>> work_key_name("Núñez Ríos, Raúl")
    'rios'
    >>> work_key_name("")
    ''
    """
    words = fold(family_name(name)).split()
    return words[-1] if words else ""
