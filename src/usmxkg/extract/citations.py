"""Bibliographic citations: footnotes and reference-list entries → parsed works.

Theses in the Chicago notes-bibliography system (*The Chicago Manual of
Style*, 17th ed., chapter 14) describe every cited work twice, in two styles:

* a **note** (CMOS 14.20–14.24) writes the author in natural order and
  separates the parts with commas, the facts of publication in parentheses —
  ``Elena M. Vargas, Border Garrisons: Soldiers and Settlers (Austin: Lone
  Star University Press, 2011), 45.`` — and ends with the pages
  cited (the locator); a later note to the same work uses a **short form**
  (surname, short title, page; CMOS 14.29–14.33) or **Ibid.** for the work of
  the note just before (CMOS 14.34);
* a **bibliography entry** (CMOS 14.63–14.70) inverts the first author's name
  and separates the parts with full stops — ``Vargas, Elena M. Border
  Garrisons: Soldiers and Settlers. Austin: Lone Star University Press,
  2011.``

Italics are lost in the plain text, so a book title is recognised by its
position; article, chapter and web-page titles stand in quotation marks
(CMOS 14.86). Journal articles carry volume, issue and date (14.171), chapters
"in *Book*, ed. X" (14.106), theses "(Master's thesis, School, Year)"
(14.224), web pages a site name, an access date and a URL (14.205–14.207).
Converted text often deviates from the manual (missing commas, a title
followed by a stray full stop, typos in names); every rule below tolerates
what the corpus theses actually print.

:func:`extract_citations` reads ``doc.footnotes`` and ``doc.references`` and
returns one :class:`Citation` per cited work: a note citing two sources
("A; B") gives two, a note of pure commentary gives none, and an Ibid. or a
short form is resolved to the full description it abbreviates.

Identity: :meth:`Work.key` is how a note and a bibliography entry describing
the same work — or two theses citing it — are merged. It joins
:func:`work_key_title` and :func:`work_key_name`; both are deliberately
tolerant of the variants the two styles and careless typing produce, and
their docstrings say what that may wrongly merge.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from usmxkg.document import Document, Span
from usmxkg.extract.names import family_name
from usmxkg.vocab import fold

__all__ = [
    "KINDS",
    "Citation",
    "Work",
    "extract_citations",
    "parse_entry",
    "parse_note",
    "work_key_name",
    "work_key_title",
]

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

        >>> note = parse_note("Elena M. Vargas, Border Garrisons: Soldiers and Settlers "
        ...                   "(Austin: Lone Star University Press, 2011), 45.")
        >>> entry = parse_entry("Vargas, Elena M. Border Garrisons: Soldiers and Settlers. "
        ...                     "Austin: Lone Star University Press, 2011.", "Vargas, Elena M.")
        >>> note is not None and entry is not None and note.key() == entry.key()
        True
        """
        first = self.authors[0] if self.authors else ""
        return f"{work_key_title(self.title)}|{work_key_name(first)}"


@dataclass(frozen=True, slots=True)
class Citation:
    """One cited work: where it is cited and how the description was found.

    ``evidence`` is the note text (the part of it naming this work when a
    note cites several) or the bibliography entry; ``origin`` is
    ``"footnote"`` or ``"reference"``; ``number`` the note number;
    ``resolved`` is ``""`` for a full description, ``"ibid"`` or
    ``"short-form"`` when ``work`` was taken from an earlier description.
    """

    work: Work
    evidence: Span
    origin: str
    number: int | None
    resolved: str


# --- identity keys -----------------------------------------------------------------------------

_LEADING_ARTICLES = frozenset({
    "the", "a", "an", "el", "la", "los", "las", "lo", "le", "les", "l", "un", "una"
})
_MIN_MAIN_WORDS = 4
"""A main title needs this many words before a subtitle may be dropped from the key."""
_MIN_SUBTITLE_WORDS = 3
"""A subtitle shorter than this (": Chile", ": 2013") tells parts and editions apart and is kept."""


@lru_cache(maxsize=4096)
def _key_words(text: str) -> tuple[str, ...]:
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
    main_words = _key_words(main)
    if colon and len(main_words) >= _MIN_MAIN_WORDS and len(_key_words(subtitle)) >= _MIN_SUBTITLE_WORDS:
        return " ".join(main_words)
    return " ".join(_key_words(title))


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


# --- shared patterns ---------------------------------------------------------------------------

_OPEN_QUOTES = {"“": "”", '"': '"'}
_YEAR = re.compile(r"\b(?:1[5-9]|20)\d{2}\b")
_URL = re.compile(r"<\s*(?P<a>(?:https?://|www\.)[^>]*?)\s*>|(?P<b>(?:https?://|www\.)\S+)")
_DOI = re.compile(r"\bdoi:\s*(?P<doi>10\.\S+)", re.IGNORECASE)
_MONTH_DATE = r"[A-Z][a-z]+\.?(?:[ /]\d{1,2})?,?\s*\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4}"
_ACCESSED = re.compile(rf"\(?\b[Aa]ccessed\s+(?P<date>{_MONTH_DATE})\)?")
_MODIFIED = re.compile(rf"\(?\b[Ll]ast\s+modified\s+(?P<date>{_MONTH_DATE})\)?")
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December"
           "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Spring|Summer|Fall|Autumn|Winter")
_DATE_ONLY = re.compile(rf"(?:(?:{_MONTHS})\.?(?:\s*[–-]\s*(?:{_MONTHS}))?\s*"
                        r"(?:\d{1,2}(?:[–-]\d{1,2})?,?\s*)?)?(?:1[5-9]|20)\d{2}")
"""A bare date ("May 18, 2013", "2006"): a date of publication, not a site or publisher."""
_TRAILING_DATE = re.compile(rf",\s*(?:(?:{_MONTHS})\.?\s*(?:\d{{1,2}},?\s*)?)?(?:1[5-9]|20)\d{{2}}$")
"""A date after a newspaper's or site's name ("Gulf Coast Herald, May 2, 2016")."""
_MONTH_DAY = re.compile(rf"(?:{_MONTHS})\.?(?:\s+\d{{1,2}}(?:[–-]\d{{1,2}})?)?")
_THESIS = re.compile(
    r"(?P<type>Master[’']?s\s+thesis|M\.\s?A\.\s+thesis|Ph\.?\s?D\.?\s+diss(?:ertation)?\.?"
    r"|[Dd]octoral\s+dissertation|[Dd]issertation|[Tt]hesis)\s*,\s*(?P<school>[^()]*?)"
    r"(?:,\s*(?P<year>(?:1[5-9]|20)\d{2}))?\s*\)?\s*\.?$"
)
_EDITION = re.compile(r",?\s*(?:\d+(?:st|nd|rd|th)|[Rr]ev\.|[Rr]evised|[Ee]xpanded)\s+ed(?:ition|\.)?\s*$")
_EDITORS = re.compile(r",?\s*\b(?:eds?\.|edited\s+by|trans\.|translated\s+by|comp\.)\s.*$", re.DOTALL)
_PRESENTED = re.compile(r"^(?:paper\s+)?presented\s+at\s+", re.IGNORECASE)
_FACTS = re.compile(
    r"^(?:(?P<ed>(?:\d+(?:st|nd|rd|th)|[Rr]ev\.)\s+ed\.)\s*)?(?:(?P<place>[^:]{2,60}?)\s*:\s*)?"
    r"(?P<pub>[^:]+?),\s*(?P<year>(?:1[5-9]|20)\d{2})[a-z]?\)?\.?$"
)
"""Facts of publication, "Place: Publisher, Year" (CMOS 14.127–14.145), with or without the place."""
_JOURNAL = re.compile(
    r"^(?P<c>[^()]*?[^\s,()])"
    r"(?:,?\s+(?:vol\.\s*)?(?P<v>\d{1,3}|[IVXL]+)\b)?"
    r"(?:,?\s*no\.\s*(?P<n>\d+))?"
    r"\s*\((?P<d>[^():]*\b(?:1[5-9]|20)\d{2}\b[^():]*)\)"
    r"(?:\s*:\s*(?P<p>[\divxlc]+(?:\s*[–-]\s*[\divxlc]+)?(?:,\s*[\divxlc]+(?:\s*[–-]\s*[\divxlc]+)?)*))?"
)
"""A periodical after the article title: "Journal 16, no. 4 (2006): 1–20" (CMOS 14.171)."""
_PAGE = r"(?:\d{1,4}|[ivxlc]{1,7})(?:\s*[–-]\s*(?:\d{1,4}|[ivxlc]{1,7}))?"
_LOCATOR = re.compile(rf"(?P<sep>,|(?<=[”\")])|(?<=[?!]))\s*(?P<loc>{_PAGE}(?:\s*,\s*{_PAGE})*)\s*\.?\s*$")
_YEAR_RANGE = re.compile(r"(?:1[5-9]|20)\d{2}\s*[–-]\s*(?:(?:1[5-9]|20)\d{2}|\d{2})")
_YEARLIKE = re.compile(r"(?:1[5-9]|20)\d{2}(?:\s*[–-]\s*(?:1[5-9]|20)?\d{2})?")

_NEWS = re.compile(r"\b(?:Chronicle|Times|Post|Herald|Tribune|Gazette|Milenio|Universal|Reforma"
                   r"|Jornada|News|Reuters|Associated Press|Daily|Newsweek)\b")
_JOURNALISH = re.compile(r"\b(?:Journal|Review|Quarterly|Studies|Forum|Revista|Bulletin|Annals"
                         r"|Proceedings)\b")
_REPORTISH = re.compile(r"\b(?:Institute|Instituto|Service|Office|Agency|Corporation|RAND|Center"
                        r"|Centre|Centro|Commission|Department|College|Council|Ministry|Bureau|Program"
                        r"|Programme|Command|Congress|Foundation|Government|Secretar[ií]a)\b")
_PRESS = re.compile(r"\b(?:Press|Publishers?|Publishing|Books|Verlag|Editorial|Ediciones)\b")

_ORG_WORDS = frozenset({
    "Academy", "Administration", "Agency", "Army", "Armada", "Association", "Bank", "Board",
    "Bureau", "Center", "Centre", "Centro", "College", "Command", "Comisión", "Commission",
    "Committee", "Congress", "Consejo", "Corporation", "Council", "Court", "Department", "Division",
    "Ejército", "Forces", "Foundation", "Fund", "Gobierno", "Government", "Group", "House",
    "Institute", "Institution", "Instituto", "League", "Library", "Marina", "Ministry", "Nations",
    "Navy", "Office", "Organisation", "Organization", "Program", "Programme", "School",
    "Secretaria", "Secretaría", "Secretariat", "Senado", "Senate", "Service", "Society", "Staff",
    "Survey", "Union", "Universidad", "University", "Watch"
})
"""Words that make a capitalised name a corporate author (CMOS 14.69), never split at "and"."""
_CONNECTORS = frozenset({
    "of", "for", "on", "and", "the", "de", "del", "la", "las", "los", "y", "e", "du", "des", "et",
    "für", "in", "to", "&"
})
_PARTICLES = frozenset({
    "de", "del", "della", "der", "di", "da", "das", "do", "dos", "du", "la", "las", "le", "los",
    "van", "von", "y", "e", "bin", "al", "ibn", "ten", "ter"
})
_NOT_FIRST = frozenset({
    "The", "A", "An", "In", "See", "For", "This", "That", "These", "Those", "According", "On", "At",
    "By", "From", "With", "As", "If", "It", "Its", "Also", "Both", "Ibid", "Ibid."
})
"""Words that do not begin a name: articles, prepositions and signal words that begin titles and prose."""
_SUFFIXES = frozenset({"Jr.", "Sr.", "II", "III", "IV", "Jr", "Sr"})
_INITIALS = re.compile(r"(?:[A-Z]\.)+(?:-[A-Z]\.)?")
_NAME_WORD = re.compile(r"[^\W\d_][\w'’\-.]*")
_SMALL_WORDS = frozenset({
    "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "for", "to", "at", "by", "with",
    "from", "as", "into", "upon", "onto", "over", "under", "beyond", "between", "during", "since",
    "after", "before", "among", "through", "against", "via", "vs", "its", "de", "la", "el", "los",
    "las", "y", "e", "en", "del", "o", "un", "una", "para", "por", "con", "entre", "sobre", "al",
    "lo", "se", "su", "sus", "du", "des", "le", "les", "et"
})
"""Function words left in lower case in title case (CMOS 8.159), English and Spanish."""
_ABBREVIATIONS = frozenset({
    "ed", "eds", "trans", "vol", "vols", "no", "nos", "st", "inc", "co", "corp", "ltd", "jr", "sr",
    "dr", "mr", "mrs", "ms", "pp", "p", "rev", "gen", "col", "lt", "adm", "capt", "sgt", "maj",
    "dept", "univ", "al", "repr", "ca", "cf", "mt", "ft", "bros", "gov", "sen", "rep", "pres",
    "prof", "hon", "vs", "comp", "n.d", "e.g", "i.e"
})
"""Abbreviations whose full stop does not end a sentence of a bibliography entry."""
_REPEAT = re.compile(r"(?:[—―–]{2,}|-{2,}|_{3,})\s*")
_IBID = re.compile(r"^ibid\b\.?(?:\s*,?\s*(?P<loc>[^;]*?))?\s*\.?\s*$", re.IGNORECASE)
_LEAD_IN = re.compile(r"^(?:see\s+also|see|cf\.|compare)\s+(?=\S)", re.IGNORECASE)
_MID_LEAD_IN = re.compile(r"[.,;:]\s+(?:[Ss]ee(?:\s+also)?|[Cc]f\.)\s+(?=[^\W\d_]|[“\"])")
_IN_TITLE = re.compile(r"^In\s+(?=[A-Z])")


# --- low-level text helpers --------------------------------------------------------------------


_MARKS = re.compile(r"[()\[\]<>“”\"]")


@lru_cache(maxsize=1024)
def _depths(text: str) -> tuple[bool, ...]:
    """For each character: is it at top level (outside quotation marks, parentheses and URL brackets)?"""
    out: list[bool] = []
    depth = curly = pos = 0
    straight = False
    for m in _MARKS.finditer(text):
        out.extend([depth == 0 and curly == 0 and not straight] * (m.start() - pos))
        ch = m.group()
        if ch in "([<":
            depth += 1
        elif ch in ")]>":
            depth = max(0, depth - 1)
        elif ch == "“":
            curly += 1
        elif ch == "”":
            curly = max(0, curly - 1)
        else:
            straight = not straight
        out.append(depth == 0 and curly == 0 and not straight)
        pos = m.end()
    out.extend([depth == 0 and curly == 0 and not straight] * (len(text) - pos))
    return tuple(out)


def _split_top(text: str, sep: str) -> list[tuple[int, int]]:
    """Ranges of ``text`` between top-level occurrences of ``sep``."""
    top = _depths(text)
    out: list[tuple[int, int]] = []
    start = 0
    pos = text.find(sep)
    while pos >= 0:
        if top[pos]:
            out.append((start, pos))
            start = pos + len(sep)
        pos = text.find(sep, pos + 1)
    out.append((start, len(text)))
    return out


def _segments(text: str) -> list[str]:
    """Top-level comma-separated parts, stripped."""
    return [text[a:b].strip() for a, b in _split_top(text, ", ")]


def _first_top(text: str, chars: str) -> int:
    """Offset of the first top-level occurrence of any of ``chars`` (opening marks count), or -1."""
    top = _depths(text)
    for i, ch in enumerate(text):
        if ch in chars and (top[i] or (i > 0 and top[i - 1]) or i == 0):
            return i
    return -1


def _clean(text: str) -> str:
    """Whitespace collapsed and the empty separators left by removed URLs and dates dropped."""
    text = " ".join(text.split())
    text = text.replace("()", "").replace("( )", "").replace("<>", "")
    previous = None
    while previous != text:
        previous = text
        text = re.sub(r"([,.;])\s+[,.;](?=\s|$)", r"\1", text)
        text = re.sub(r"\s+([,.;])(?=\s|$)", r"\1", text)
    return text.strip()


def _strip_end(text: str) -> str:
    return text.strip().rstrip(" ,;").strip()


def _quoted(text: str) -> tuple[str, str] | None:
    """The quoted title at the start of ``text`` (closing punctuation removed) and what follows it."""
    if not text or text[0] not in _OPEN_QUOTES:
        return None
    close = text.find(_OPEN_QUOTES[text[0]], 1)
    if close < 0:
        return None
    title = text[1:close].strip().rstrip(",.;").strip()
    return title, text[close + 1 :]


def _take_web(text: str) -> tuple[str, str, str, str]:
    """Remove URL, DOI, access and modification dates: (text left, url, accessed, modified-date)."""
    url = ""
    m = _URL.search(text)
    if m:
        url = (m.group("a") or m.group("b") or "").strip()
        if m.group("b"):
            url = url.rstrip(".,;)")
            text = text[: m.start()] + text[m.start() + len(url) :]
        else:
            text = text[: m.start()] + text[m.end() :]
        url = "".join(url.split())
    m = _DOI.search(text)
    if m:
        doi = m.group("doi").rstrip(".,;")
        url = url or f"https://doi.org/{doi}"
        text = text[: m.start()] + text[m.end() :]
    accessed = ""
    m = _ACCESSED.search(text)
    if m:
        accessed = m.group("date").strip()
        text = text[: m.start()] + text[m.end() :]
    modified = ""
    m = _MODIFIED.search(text)
    if m:
        modified = m.group("date").strip()
        text = text[: m.start()] + text[m.end() :]
    return _clean(text).rstrip(" ,;"), url, accessed, modified


def _strip_locator(text: str) -> tuple[str, str]:
    """Split the pages cited off the end of a note: ("…Frontier", "xv") from "…Frontier, xv."."""
    text = text.rstrip()
    m = _LOCATOR.search(text)
    if not m:
        return text.rstrip(" .,"), ""
    start = m.start("loc")
    head = text[:start].rstrip(" ,")
    behind_mark = m.group("sep") != "," or head.endswith((")", "”", '"', "?", "!"))
    if not behind_mark:
        # "…Revolution, 1913–1917" or "…Institute, 2011, 7–8": a year belongs to the title or the facts
        for item in re.finditer(r"[^,]+", m.group("loc")):
            if _YEARLIKE.fullmatch(item.group().strip()):
                start = m.start("loc") + item.end()
        head = text[:start].rstrip(" ,")
    loc = text[start:].strip(" .,")
    if not head or not loc:
        return text.rstrip(" .,"), ""
    return head, " ".join(loc.split())


def _titleish(text: str) -> bool:
    """Written in title case (most content words capitalised), as titles are and commentary is not."""
    words = [w for w in _NAME_WORD.findall(text) if w.lower() not in _SMALL_WORDS]
    if not words:
        return False
    capitals = sum(1 for w in words if w[0].isupper())
    return capitals * 10 >= len(words) * 6


def _facts(text: str) -> re.Match[str] | None:
    """Facts of publication in ``text``, unless what looks like a publisher is a date ("May 18")."""
    m = _FACTS.match(text)
    if m is None:
        return None
    pub = m.group("pub")
    if _is_date(pub) or re.search(rf"\b(?:{_MONTHS})\.?\s+\d{{1,2}}$", pub):
        return None
    return m


def _year_in(*texts: str) -> str:
    for text in texts:
        m = _YEAR.search(text)
        if m:
            return m.group()
    return ""


def _is_date(text: str) -> bool:
    """A date of publication or a month and day ("May 18"), not a site or publisher."""
    text = text.strip(" .,")
    return bool(_DATE_ONLY.fullmatch(text) or _MONTH_DAY.fullmatch(text))


def _container_ok(text: str) -> str:
    """A plausible journal, book or site name, or "" for commentary and dates."""
    text = _strip_end(text).rstrip(".").strip()
    text = _TRAILING_DATE.sub("", text)
    if not text or _is_date(text) or text[0].islower():
        return ""
    if re.search(r"(?:\b[a-z][\w’']*\s+){4}", text):
        return ""  # four lower-case words in a row: a sentence
    if len(text) > 100:
        text = _segments(text)[0]
    return text


# --- names -------------------------------------------------------------------------------------


def _is_corporate(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 12 or re.search(r"[:;?!“”\"()<>\[\]/\d]", text):
        return False
    if not any(w.strip(",.") in _ORG_WORDS for w in words):
        return False
    return all(w[0].isupper() or w in _CONNECTORS for w in words)


def _is_person(text: str) -> bool:
    text = text.strip()
    if text.endswith(" et al."):
        text = text[: -len(" et al.")]
    words = text.split()
    if not words or re.search(r"[:;?!“”\"()<>\[\]/\d]", text) or words[0] in _NOT_FIRST:
        return False
    counted = 0
    for word in words:
        if word in _PARTICLES or word in _SUFFIXES:
            continue
        if _INITIALS.fullmatch(word):
            continue
        if not (_NAME_WORD.fullmatch(word) and word[0].isupper()):
            return False
        counted += 1
    return 1 <= counted <= 4


def _natural_names(text: str) -> list[str] | None:
    """Authors in natural order ("A B and C D", "Corporate Body"), or None when ``text`` is not names."""
    text = text.strip()
    if _is_corporate(text):
        return [text]
    parts = [p.strip() for p in re.split(r"\s+(?:and|&)\s+|^(?:and|&)\s+", text) if p.strip()]
    if not parts or not all(_is_person(p) or _is_corporate(p) for p in parts):
        return None
    return [p.removesuffix(" et al.").strip() for p in parts]


def _inverted_names(author: str) -> tuple[str, ...]:
    """A bibliography author string ("Surname, Given, Name Two, and Name Three") split into names."""
    author = " ".join(author.split()).strip(" ,.") if not author.endswith(".") else " ".join(author.split())
    author = author.strip(" ,")
    if not author:
        return ()
    if _is_corporate(author) or ", " not in author:
        return (author,)
    head, _, rest = author.partition(", ")
    parts = [p.strip() for p in re.split(r",\s+(?:and|&)\s+|,\s+|\s+(?:and|&)\s+|^(?:and|&)\s+", rest)]
    names: list[str] = []
    first_given = parts.pop(0) if parts else ""
    names.append(f"{head}, {first_given}" if first_given else head)
    for part in parts:
        if not part:
            continue
        if part in _SUFFIXES and names:
            names[-1] = f"{names[-1]}, {part}"
        else:
            names.append(part.removesuffix(" et al.").strip())
    return tuple(n.rstrip(",") for n in names)


def _is_inverted_author(author: str) -> bool:
    """Whether a bibliography entry's author string is a name (not a title in the author position)."""
    author = " ".join(author.split()).strip(" ,")
    if not author:
        return False
    if _is_corporate(author):
        return True
    head, comma, rest = author.partition(", ")
    if not comma:
        return False
    return _is_person(head) and bool(rest) and (rest[0].isupper() or rest.startswith("and "))


# --- notes -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _NoteParse:
    """One reading of a note part: the work as written, and whether it is only a short form."""

    work: Work
    short: bool
    plausible: bool


def _author_options(s: str) -> list[tuple[tuple[str, ...], int]]:
    """Possible author lists at the start of a note (most specific first) and where each ends.

    "Smith, Jones, and Brown, Harbor Security" (three authors) and "Smith,
    Ships, Sailors, and Spies" (one author, a title with commas) look alike;
    both readings are offered and the caller keeps the one that resolves to
    an earlier description.
    """
    if not s or s[0] in _OPEN_QUOTES:
        return [((), 0)]
    quote = _first_top(s, "“\"(<")
    limit = quote if quote > 0 else len(s)
    head = s[:limit]
    ranges = _split_top(head, ", ")
    first_text = head[ranges[0][0] : ranges[0][1]].strip()
    first = _natural_names(first_text)
    if first is None:
        return [((), 0)]
    first_end = ranges[0][1]
    options: list[tuple[tuple[str, ...], int]] = []
    if " and " not in first_text and " & " not in first_text:
        names = list(first)
        for a, b in ranges[1:8]:
            seg = head[a:b].strip()
            more = _natural_names(seg)
            if more is None or not all(_is_person(n) for n in more):
                break
            names.extend(more)
            if re.match(r"(?:and|&)\s", seg) or " and " in seg:
                rest = s[b:].lstrip(" ,")
                body, _ = _strip_locator(rest)
                if rest[:1] not in "(<" and re.search(r"[^\W\d_]{2}", body):
                    options.append((tuple(names), b))
                break
    options.append((tuple(first), first_end))
    out: list[tuple[tuple[str, ...], int]] = []
    for names_t, end in options:
        m = re.match(r"\s*,\s*(?:eds?\.|editors?|comp\.|trans\.)(?=[\s,]|$)", s[end:])
        if m:
            out.append(((), end + m.end()))  # an edited volume: editors are not authors (CMOS 14.103)
        else:
            out.append((names_t, end))
    return out


def _has_one_word_name(names: tuple[str, ...]) -> bool:
    return bool(names) and any(len(n.split()) == 1 for n in names)


def _parse_note_body(s: str, authors: tuple[str, ...], pos: int, url: str, accessed: str,
                     modified: str) -> _NoteParse | None:
    """A note part after its authors: title, then container and facts of publication."""
    rest = s[pos:].lstrip(" ,")
    rest, locator = _strip_locator(rest)
    container = place = publisher = year = pages = ""
    chapter = thesis = journal = presented = False
    quoted = _quoted(rest)
    has_facts = False
    if quoted is not None:
        title, after = quoted
        after = after.strip().lstrip(",").strip()
        after_locator = ""
        if after and not re.search(r"[^\W\d_]", after):
            after_locator = after.strip(" .,")
            after = ""
        locator = locator or after_locator
    else:
        title, after = _unquoted_note_title(rest, bool(authors))
        after = after.strip().lstrip(",").strip()
    paren = _first_top(after, "(")
    inside = ""
    if paren >= 0:
        close = after.find(")", paren)
        inside = after[paren + 1 : close if close > 0 else len(after)].strip()
    if re.match(r"in\s", after, re.IGNORECASE):
        chapter = True
        body = after[3:]
        cut = len(body)
        for m in (re.search(r",\s*(?:eds?\.|edited\s+by)\s", body), re.search(r"\s*\(", body)):
            if m:
                cut = min(cut, m.start())
        container = _strip_end(body[:cut])
    thesis_m = _THESIS.search(inside) if inside else _THESIS.match(after)
    if thesis_m and (inside or after.startswith(thesis_m.group("type"))):
        thesis = True
        publisher = _strip_end(thesis_m.group("school"))
        year = thesis_m.group("year") or ""
    elif _PRESENTED.match(after):
        presented = True
        container = _container_ok(_segments(_PRESENTED.sub("", after))[0])
        year = _year_in(after)
    elif inside and (fm := _facts(inside)):
        has_facts = True
        place = (fm.group("place") or "").strip()
        publisher = fm.group("pub").strip()
        year = fm.group("year")
        pre = _strip_end(after[:paren])
        if not chapter and quoted is not None:
            container = _container_ok(pre)
    elif not chapter and quoted is not None and (jm := _JOURNAL.match(after)):
        journal = True
        container = _container_ok(jm.group("c"))
        year = _year_in(jm.group("d"))
        pages = jm.group("p") or ""
    elif not chapter and after:
        segs = _segments(after)
        fm = _facts(after)
        if fm and fm.group("place"):
            has_facts = True
            place, publisher, year = fm.group("place").strip(), fm.group("pub").strip(), fm.group("year")
        else:
            year_at = next((i for i, seg in enumerate(segs) if _is_date(seg)), -1)
            if quoted is None and year_at > 0 and not url:
                has_facts = True
                publisher = ", ".join(segs[:year_at])
            elif year_at != 0:
                container = _container_ok(segs[0])
            year = _year_in(*segs)
    if chapter and inside and (fm := _facts(inside)):
        has_facts = True
        place = (fm.group("place") or "").strip()
        publisher = fm.group("pub").strip()
        year = fm.group("year")
    year = year or _year_in(modified)
    pages = locator or pages
    kind = _kind(quoted is not None, chapter=chapter, thesis=thesis, journal=journal, presented=presented,
                 container=container, publisher=publisher, url=url, accessed=accessed, year=year)
    if not title and not authors:
        return None
    work = Work(tuple(authors), title, container, publisher, place, year, pages, url, accessed, kind)
    full = bool(url or accessed or publisher or place or year or thesis or has_facts)
    if quoted is None and not authors and not full:
        return None  # an unquoted phrase with nothing else: commentary
    if quoted is None and not authors and not _titleish(title):
        return None
    plausible = full or quoted is not None or (bool(title) and _titleish(title))
    return _NoteParse(work, short=not full, plausible=plausible)


def _unquoted_note_title(rest: str, authored: bool) -> tuple[str, str]:
    """A book, report or page title written without quotation marks, and what follows it."""
    paren = _first_top(rest, "(")
    if paren >= 0:
        head = _strip_end(rest[:paren])
        head = _EDITORS.sub("", _EDITION.sub("", head)) if not head.lower().startswith("in ") else head
        return _strip_end(_EDITION.sub("", head)), rest[paren:]
    head = _strip_end(rest)
    ranges = _split_top(head, ", ")
    colon = head.find(": ")
    if colon >= 0:
        for a, b in ranges[1:]:
            if a > colon and not _YEAR_RANGE.fullmatch(head[a:b].strip()):
                return _strip_end(head[: a - 2]), head[a:]  # "…, 1848–1910" ends the title itself
        return head, ""
    if not authored:
        a, b = ranges[0]
        return _strip_end(head[a:b]), head[b:]
    segs = [head[a:b].strip() for a, b in ranges]
    if len(segs) > 1 and any(_is_date(seg) for seg in segs[1:]):
        return segs[0], head[ranges[0][1] :]
    return _strip_end(_EDITION.sub("", head)), ""


def _kind(quoted: bool, *, chapter: bool, thesis: bool, journal: bool, presented: bool, container: str,
          publisher: str, url: str, accessed: str, year: str) -> str:
    """The ``usmx`` class of a described work, from the parts its description has (CMOS 14.100–14.233)."""
    if thesis:
        return "Thesis"
    if chapter:
        return "BookChapter"
    if journal:
        return "JournalArticle"
    if presented:
        return "Document"
    if container and _NEWS.search(container):
        return "NewsArticle"
    if container and quoted and _JOURNALISH.search(container) and not publisher:
        return "JournalArticle"
    if publisher:
        if quoted and container:
            return "BookChapter"
        if _REPORTISH.search(publisher) and not _PRESS.search(publisher):
            return "Report"
        return "Report" if quoted else "Book"
    if url or accessed:
        return "WebPage"
    if quoted:
        return "Document"
    return "Book" if year else "Document"


def _note_part_parses(text: str) -> list[_NoteParse]:
    """Readings of one note part (without signal words), most specific first; [] if not a citation."""
    s, url, accessed, modified = _take_web(text)
    s = _IN_TITLE.sub("", s)
    out: list[_NoteParse] = []
    for authors, pos in _author_options(s):
        parsed = _parse_note_body(s, authors, pos, url, accessed, modified)
        if parsed is not None:
            out.append(parsed)
    return out


def parse_note(text: str) -> Work | None:
    """The work a note cites in full or short form (the first, when it cites several), as written.

    "Ibid." and commentary give None. Short forms are not resolved here
    (that needs the notes before; see :func:`extract_citations`).

    >>> w = parse_note("Grace H. Whitfield, “Joint Exercises and Mutual Trust,” "
    ...                "Hemispheric Security Review 12, no. 3 (2018): 77–95.")
    >>> (w.authors, w.title, w.container, w.year, w.pages, w.kind)
    (('Grace H. Whitfield',), 'Joint Exercises and Mutual Trust', 'Hemispheric Security Review', '2018', \
'77–95', 'JournalArticle')
    >>> parse_note("Ibid., 5.") is None
    True
    """
    for _start, _end, parses in _note_parts(text):
        if isinstance(parses, list):
            return _fallback(parses).work
    return None


def _fallback(parses: list[_NoteParse]) -> _NoteParse:
    """The reading kept when no earlier description settles the choice."""
    first = parses[0]
    if len(parses) > 1 and _has_one_word_name(first.work.authors[1:]):
        return parses[-1]  # "Smith, Ships, Sailors, and Spies": one-word co-authors are ambiguous
    return first


_Part = tuple[int, int, list[_NoteParse] | str]
"""(start, end) of a part within the note and its readings, or the Ibid. locator as a string."""


def _note_parts(note: str) -> list[_Part]:
    """The sources a note cites: parts split at top-level semicolons, signal words skipped."""
    out: list[_Part] = []
    for a, b in _split_top(note, ";"):
        raw = note[a:b]
        lead = len(raw) - len(raw.lstrip())
        start, end = a + lead, a + len(raw.rstrip())
        if start >= end:
            continue
        part = note[start:end]
        m = _LEAD_IN.match(part)
        if m:
            start += m.end()
            part = note[start:end]
        ib = _IBID.match(part)
        if ib:
            out.append((start, end, _locator_text(ib.group("loc") or "")))
            continue
        parses = _note_part_parses(part)
        if not parses or not (parses[0].work.authors or _quoted(part) is not None):
            # commentary first, the source after a signal: "For a discussion …, see Name, Title …"
            for lead_in in _MID_LEAD_IN.finditer(part):
                parses = _note_part_parses(part[lead_in.end() :])
                if parses:
                    start += lead_in.end()
                    break
        if parses:
            out.append((start, end, parses))
    return out


def _locator_text(loc: str) -> str:
    return " ".join(loc.strip(" .,").split())


# --- bibliography entries ----------------------------------------------------------------------


def _sentences(text: str) -> list[str]:
    """Top-level sentences of an entry: split at full stops that are not abbreviations or initials."""
    top = _depths(text)
    out: list[str] = []
    start = 0
    for m in re.finditer(r"[.?!](?=\s+\S)", text):
        i = m.start()
        if not top[i]:
            continue
        if text[i] == ".":
            token = text[:i].rsplit(None, 1)[-1] if text[:i].split() else ""
            token = token.lstrip("(“\"")
            if re.fullmatch(r"(?:[A-Za-z]\.)*[A-Z]", token) or token.lower() in _ABBREVIATIONS:
                continue
            out.append(text[start:i].strip())
        else:
            out.append(text[start : i + 1].strip())
        start = i + 1
    out.append(text[start:].strip().rstrip("."))
    return [s for s in (x.strip() for x in out) if s]


def _skip_name_group(text: str) -> str:
    """Text after a co-author group that follows a repeated-author dash ("and Kristin M. Finklea. Title")."""
    for m in re.finditer(r"\.(?=\s|$)", text):
        token = text[: m.start()].rsplit(None, 1)[-1] if text[: m.start()].split() else ""
        if re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", token) or token in {"Jr", "Sr"}:
            continue
        return text[m.end() :]
    return ""


def _entry_body(s: str, author: str) -> tuple[tuple[str, ...], str]:
    """The entry's authors (split) and the text after them; a title in the author position is kept."""
    body = s
    repeat = _REPEAT.match(body)
    lost = re.match(r"[.,]\s", body) or re.match(r"(?:and|&)\s", body)
    if repeat or lost:
        body = body[repeat.end() :] if repeat else body
        body = body.lstrip(" ")
        if body.startswith(","):
            body = body[1:].lstrip()
        if re.match(r"(?:and|&)\s", body):
            body = _skip_name_group(body)
        authors = _inverted_names(author) if author else ()
        return authors, body.lstrip(" .,")
    norm_author = " ".join(author.split())
    if norm_author and _is_inverted_author(norm_author) and body.startswith(norm_author):
        body = body[len(norm_author) :]
        m = re.match(r"\s*,\s*(?:eds?\.|editors?|comp\.)(?=[\s,.]|$)", body)
        if m:
            return (), body[m.end() :].lstrip(" .,")  # an edited volume: editors are not authors
        return _inverted_names(norm_author), body.lstrip(" .,")
    return (), body


def parse_entry(text: str, author: str = "") -> Work | None:
    """A bibliography entry (CMOS 14.63–14.70) parsed into a :class:`Work`.

    ``author`` is :attr:`~usmxkg.document.Reference.author`: the author as
    written, or the one a repeated-author dash ("———.") stands for.

    >>> w = parse_entry("Ochoa, Daniel P. “Liaison Officers and the Limits of Trust.” "
    ...                 "Master’s thesis, Naval Postgraduate School, 2017.", "Ochoa, Daniel P.")
    >>> (w.authors, w.title, w.publisher, w.year, w.kind)
    (('Ochoa, Daniel P.',), 'Liaison Officers and the Limits of Trust', 'Naval Postgraduate School', \
'2017', 'Thesis')
    """
    s, url, accessed, modified = _take_web(" ".join(text.split()))
    if not s and not url:
        return None
    authors, body = _entry_body(s, author)
    container = place = publisher = year = pages = ""
    chapter = thesis = journal = presented = False
    quoted = _quoted(body)
    if quoted is not None:
        title, after = quoted
        after = after.strip().lstrip(".,").strip()
        sents = _sentences(after)
        facts = _facts(sents[-1]) if sents else None
        if _THESIS.match(after) or _JOURNAL.match(after) or _PRESENTED.match(after):
            facts = None
        if re.match(r"In\s", after):
            chapter = True
            first = sents[0][3:] if sents else ""
            pm = re.search(rf",\s*({_PAGE})\s*$", first)
            container = _strip_end(_EDITORS.sub("", first))
            for sent in sents[1:-1] if facts else sents[1:]:
                if re.fullmatch(_PAGE, sent):
                    pages = sent
            if pm and not pages:
                pages = pm.group(1)
        elif (tm := _THESIS.match(after)) is not None:
            thesis = True
            publisher = _strip_end(tm.group("school"))
            year = tm.group("year") or ""
        elif _PRESENTED.match(after):
            presented = True
            container = _container_ok(_segments(_PRESENTED.sub("", after))[0])
            year = _year_in(after)
        elif (jm := _JOURNAL.match(after)) is not None:
            journal = True
            container = _container_ok(jm.group("c"))
            year = _year_in(jm.group("d"))
            pages = jm.group("p") or ""
        elif sents and re.search(r",\s*(?:edited\s+by|eds?\.)\s", sents[0]):
            chapter = True
            container = _strip_end(_EDITORS.sub("", sents[0]))
        elif facts and len(sents) >= 2:
            container = _container_ok(sents[0])
        elif sents and not facts:
            container = _container_ok(sents[0])
            year = _year_in(*sents)
        if facts:
            place = (facts.group("place") or "").strip()
            publisher = facts.group("pub").strip()
            year = facts.group("year")
    else:
        title, container, place, publisher, year = _unquoted_entry(body)
    year = year or _year_in(modified)
    kind = _kind(quoted is not None, chapter=chapter, thesis=thesis, journal=journal, presented=presented,
                 container=container, publisher=publisher, url=url, accessed=accessed, year=year)
    if not title and not authors and not url:
        return None
    return Work(authors, title, container, publisher, place, year, pages, url, accessed, kind)


def _unquoted_entry(body: str) -> tuple[str, str, str, str, str]:
    """(title, container, place, publisher, year) of an entry whose title is not in quotation marks."""
    sents = _sentences(body)
    if not sents:
        return "", "", "", "", ""
    facts_at = -1
    for i in range(len(sents) - 1, 0, -1):
        fm = _facts(_EDITION.sub("", sents[i]))
        if fm and not _is_date(fm.group("pub")):
            facts_at = i
            break
    if facts_at > 0:
        fm = _facts(sents[facts_at])
        assert fm is not None
        kept = [sents[0]]
        for sent in sents[1:facts_at]:
            if _EDITION.fullmatch(sent) or re.fullmatch(r"\d+(?:st|nd|rd|th)\s+ed", sent) \
                    or re.search(r"\bSeries\b|^(?:Edited|Translated|Ed\.|Trans\.)\b|^Vol\b", sent):
                continue
            kept.append(sent)
        title = _strip_end(_EDITORS.sub("", ". ".join(kept)))
        return title, "", (fm.group("place") or "").strip(), fm.group("pub").strip(), fm.group("year")
    title = _strip_end(sents[0])
    container = _container_ok(sents[1]) if len(sents) > 1 else ""
    return title, container, "", "", _year_in(*sents[1:])


# --- the document ------------------------------------------------------------------------------


def _sub_span(doc: Document, span: Span, start: int, end: int) -> Span:
    return doc.span(span.start + start, span.start + end)


def _resolve(short: Work, earlier: Iterable[Work]) -> Work | None:
    """The first earlier description by the same author whose title begins with the short title (CMOS 14.30).

    Titles also match when their keys agree (:func:`work_key_title`), so a
    short form that repeats the main title with a drifting subtitle still
    finds its full note.
    """
    name = work_key_name(short.authors[0]) if short.authors else ""
    words = _key_words(short.title)
    if not words:
        return None
    for work in earlier:
        if name:
            candidate = work.authors[0] if work.authors else work.container
            if work_key_name(candidate) != name:
                continue
        full = _key_words(work.title)
        if full[: len(words)] == words or work_key_title(short.title) == work_key_title(work.title):
            return work
    return None


def extract_citations(doc: Document) -> list[Citation]:
    """Every work cited in ``doc``'s notes and list of references, in text order.

    A note gives one citation per source it names ("A; B" gives two;
    signal words "See", "See also", "Cf." are skipped and commentary
    before them ignored). "Ibid." takes the first work of the note just
    before (CMOS 14.34; nothing when that note cited nothing); a short form
    takes the nearest earlier full note, then the bibliography entry, by the
    same author whose title begins with the short title (CMOS 14.29–14.33);
    an unresolved short form keeps what it says. ``pages`` of a resolved
    work are the pages the citing note gives.
    """
    entries: list[tuple[Span, Work]] = []
    for ref in doc.references:
        work = parse_entry(ref.text.text, ref.author)
        if work is not None:
            entries.append((ref.text, work))
    entry_works = [work for _span, work in entries]
    out: list[Citation] = []
    history: list[Work] = []
    previous_first: Work | None = None
    for note in doc.footnotes:
        first_here: Work | None = None
        for start, end, parsed in _note_parts(note.text.text):
            evidence = _sub_span(doc, note.text, start, end)
            if isinstance(parsed, str):
                if previous_first is None:
                    continue
                work = replace(previous_first, pages=parsed) if parsed else previous_first
                resolved = "ibid"
            else:
                work, resolved = _settle(parsed, history, entry_works)
                if not resolved and parsed and _fallback(parsed).short and not _fallback(parsed).plausible:
                    continue
            out.append(Citation(work, evidence, "footnote", note.number, resolved))
            first_here = first_here or work
        previous_first = first_here
    out.extend(Citation(work, span, "reference", None, "") for span, work in entries)
    out.sort(key=lambda c: (c.evidence.start, c.evidence.end))
    return out


def _settle(parses: list[_NoteParse], history: list[Work], entries: list[Work]) -> tuple[Work, str]:
    """The work a note part names: itself when full, else the earlier description it abbreviates."""
    chosen = _fallback(parses)
    if not chosen.short:
        history.append(chosen.work)
        return chosen.work, ""
    for parse in parses:
        if not parse.short:
            continue
        target = _resolve(parse.work, [*reversed(history), *entries])
        if target is not None:
            return replace(target, pages=parse.work.pages), "short-form"
    return chosen.work, ""
