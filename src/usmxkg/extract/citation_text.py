"""Shared patterns and low-level text helpers of citation parsing (Chicago notes and bibliography, CMOS 17 ch. 14).

Notes (:mod:`usmxkg.extract.citation_notes`) and bibliography entries
(:mod:`usmxkg.extract.citation_entries`) share their building blocks: the
patterns of dates, facts of publication, periodicals, locators, URLs and
DOIs; the test for top-level text outside quotation marks and parentheses;
and the person/organisation tests for author strings.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import quote

from usmxkg.months import MONTH_ABBREVIATIONS, MONTH_NAMES, SEASONS
from usmxkg.orgwords import CORPORATE_AUTHOR_WORDS
from usmxkg.vocab import fold

# --- shared patterns ---------------------------------------------------------------------------

OPEN_QUOTES = {"“": "”", '"': '"'}
_YEAR = re.compile(r"\b(?:1[5-9]|20)\d{2}\b")
_URL = re.compile(r"<\s*(?P<a>(?:https?://|www\.)[^>]*?)\s*>|(?P<b>(?:https?://|www\.)\S+)")
_DOI = re.compile(r"\bdoi:\s*(?P<doi>10\.\S+)", re.IGNORECASE)
_MONTH_DATE = r"[A-Z][a-z]+\.?(?:[ /]\d{1,2})?,?\s*\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4}"
_ACCESSED = re.compile(rf"\(?\b[Aa]ccessed\s+(?P<date>{_MONTH_DATE})\)?")
_MODIFIED = re.compile(rf"\(?\b[Ll]ast\s+modified\s+(?P<date>{_MONTH_DATE})\)?")
_MONTHS = f"{MONTH_NAMES}|{MONTH_ABBREVIATIONS}|{SEASONS}"
_DATE_ONLY = re.compile(rf"(?:(?:{_MONTHS})\.?(?:\s*[–-]\s*(?:{_MONTHS}))?\s*"
                        r"(?:\d{1,2}(?:[–-]\d{1,2})?,?\s*)?)?(?:1[5-9]|20)\d{2}")
"""A bare date ("May 18, 2013", "2006"): a date of publication, not a site or publisher."""
_TRAILING_DATE = re.compile(rf",\s*(?:(?:{_MONTHS})\.?\s*(?:\d{{1,2}},?\s*)?)?(?:1[5-9]|20)\d{{2}}$")
"""A date after a newspaper's or site's name ("Gulf Coast Herald, May 2, 2016")."""
_MONTH_DAY = re.compile(rf"(?:{_MONTHS})\.?(?:\s+\d{{1,2}}(?:[–-]\d{{1,2}})?)?")
THESIS = re.compile(
    r"(?P<type>Master[’']?s\s+thesis|M\.\s?A\.\s+thesis|Ph\.?\s?D\.?\s+diss(?:ertation)?\.?"
    r"|[Dd]octoral\s+dissertation|[Dd]issertation|[Tt]hesis)\s*,\s*(?P<school>[^()]*?)"
    r"(?:,\s*(?P<year>(?:1[5-9]|20)\d{2}))?\s*\)?\s*\.?$"
)
EDITION = re.compile(r",?\s*(?:\d+(?:st|nd|rd|th)|[Rr]ev\.|[Rr]evised|[Ee]xpanded)\s+ed(?:ition|\.)?\s*$")
EDITORS = re.compile(r",?\s*\b(?:eds?\.|edited\s+by|trans\.|translated\s+by|comp\.)\s.*$", re.DOTALL)
PRESENTED = re.compile(r"^(?:paper\s+)?presented\s+at\s+", re.IGNORECASE)
_FACTS = re.compile(
    r"^(?:(?P<ed>(?:\d+(?:st|nd|rd|th)|[Rr]ev\.)\s+ed\.)\s*)?(?:(?P<place>[^:]{2,60}?)\s*:\s*)?"
    r"(?P<pub>[^:]+?),\s*(?P<year>(?:1[5-9]|20)\d{2})[a-z]?\)?\.?$"
)
"""Facts of publication, "Place: Publisher, Year" (CMOS 14.127–14.145), with or without the place."""
JOURNAL = re.compile(
    r"^(?P<c>[^()]*?[^\s,()])"
    r"(?:,?\s+(?:vol\.\s*)?(?P<v>\d{1,3}|[IVXL]+)\b)?"
    r"(?:,?\s*no\.\s*(?P<n>\d+))?"
    r"\s*\((?P<d>[^():]*\b(?:1[5-9]|20)\d{2}\b[^():]*)\)"
    r"(?:\s*:\s*(?P<p>[\divxlc]+(?:\s*[–-]\s*[\divxlc]+)?(?:,\s*[\divxlc]+(?:\s*[–-]\s*[\divxlc]+)?)*))?"
)
"""A periodical after the article title: "Journal 16, no. 4 (2006): 1–20" (CMOS 14.171)."""
PAGE_RANGE = r"(?:\d{1,4}|[ivxlc]{1,7})(?:\s*[–-]\s*(?:\d{1,4}|[ivxlc]{1,7}))?"
_LOCATOR = re.compile(rf"(?P<sep>,|(?<=[”\")])|(?<=[?!]))\s*(?P<loc>{PAGE_RANGE}(?:\s*,\s*{PAGE_RANGE})*)\s*\.?\s*$")
YEAR_RANGE = re.compile(r"(?:1[5-9]|20)\d{2}\s*[–-]\s*(?:(?:1[5-9]|20)\d{2}|\d{2})")
_YEARLIKE = re.compile(r"(?:1[5-9]|20)\d{2}(?:\s*[–-]\s*(?:1[5-9]|20)?\d{2})?")

_NEWS = re.compile(r"\b(?:Chronicle|Times|Post|Herald|Tribune|Gazette|Milenio|Universal|Reforma"
                   r"|Jornada|News|Reuters|Associated Press|Daily|Newsweek)\b")
_JOURNALISH = re.compile(r"\b(?:Journal|Review|Quarterly|Studies|Forum|Revista|Bulletin|Annals"
                         r"|Proceedings)\b")
_REPORTISH = re.compile(r"\b(?:Institute|Instituto|Service|Office|Agency|Corporation|RAND|Center"
                        r"|Centre|Centro|Commission|Department|College|Council|Ministry|Bureau|Program"
                        r"|Programme|Command|Congress|Foundation|Government|Secretar[ií]a)\b")
_PRESS = re.compile(r"\b(?:Press|Publishers?|Publishing|Books|Verlag|Editorial|Ediciones)\b")

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
ABBREVIATIONS = frozenset({
    "ed", "eds", "trans", "vol", "vols", "no", "nos", "st", "inc", "co", "corp", "ltd", "jr", "sr",
    "dr", "mr", "mrs", "ms", "pp", "p", "rev", "gen", "col", "lt", "adm", "capt", "sgt", "maj",
    "dept", "univ", "al", "repr", "ca", "cf", "mt", "ft", "bros", "gov", "sen", "rep", "pres",
    "prof", "hon", "vs", "comp", "n.d", "e.g", "i.e"
})
"""Abbreviations whose full stop does not end a sentence of a bibliography entry."""
REPEAT = re.compile(r"(?:[—―–]{2,}|-{2,}|_{3,})\s*")
IBID = re.compile(r"^ibid\b\.?(?:\s*,?\s*(?P<loc>[^;]*?))?\s*\.?\s*$", re.IGNORECASE)
LEAD_IN = re.compile(r"^(?:see\s+also|see|cf\.|compare)\s+(?=\S)", re.IGNORECASE)
MID_LEAD_IN = re.compile(r"[.,;:]\s+(?:[Ss]ee(?:\s+also)?|[Cc]f\.)\s+(?=[^\W\d_]|[“\"])")
IN_TITLE = re.compile(r"^In\s+(?=[A-Z])")


# --- low-level text helpers --------------------------------------------------------------------


_MARKS = re.compile(r"[()\[\]<>“”\"]")


@lru_cache(maxsize=1024)
def top_level_mask(text: str) -> tuple[bool, ...]:
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


def split_top(text: str, sep: str) -> list[tuple[int, int]]:
    """Ranges of ``text`` between top-level occurrences of ``sep``."""
    top = top_level_mask(text)
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


def top_segments(text: str) -> list[str]:
    """Top-level comma-separated parts, stripped."""
    return [text[a:b].strip() for a, b in split_top(text, ", ")]


def first_top(text: str, chars: str) -> int:
    """Offset of the first top-level occurrence of any of ``chars`` (opening marks count), or -1."""
    top = top_level_mask(text)
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


def strip_end(text: str) -> str:
    return text.strip().rstrip(" ,;").strip()


def split_quoted(text: str) -> tuple[str, str] | None:
    """The quoted title at the start of ``text`` (closing punctuation removed) and what follows it."""
    if not text or text[0] not in OPEN_QUOTES:
        return None
    close = text.find(OPEN_QUOTES[text[0]], 1)
    if close < 0:
        return None
    title = text[1:close].strip().rstrip(",.;").strip()
    return title, text[close + 1 :]


_MARKDOWN_ESCAPE = re.compile(r"\\+(?=[_*~#\[\]()])")
_URI_SAFE = ":/?#[]@!$&'()*+,;=%~-._"


def web_address(written: str) -> str:
    """A URL as cited, made a valid ``xsd:anyURI``: the backslash escapes of text converted from Markdown
    ("default\\_en.asp") undone, and any character a URI cannot hold percent-encoded (RFC 3986, 2.1).

    >>> web_address("http://example.org/about/default\\_en.asp")
    'http://example.org/about/default_en.asp'
    >>> web_address("http://example.org/x\\\\_y")
    'http://example.org/x_y'
    >>> web_address("http://example.org/a b|c")
    'http://example.org/a%20b%7Cc'
    """
    return quote(_MARKDOWN_ESCAPE.sub("", written), safe=_URI_SAFE)


def take_web(text: str) -> tuple[str, str, str, str]:
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
        url = web_address("".join(url.split()))
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


def strip_locator(text: str) -> tuple[str, str]:
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


def titleish(text: str) -> bool:
    """Written in title case (most content words capitalised), as titles are and commentary is not."""
    words = [w for w in _NAME_WORD.findall(text) if w.lower() not in _SMALL_WORDS]
    if not words:
        return False
    capitals = sum(1 for w in words if w[0].isupper())
    return capitals * 10 >= len(words) * 6


def publication_facts(text: str) -> re.Match[str] | None:
    """Facts of publication in ``text``, unless what looks like a publisher is a date ("May 18")."""
    m = _FACTS.match(text)
    if m is None:
        return None
    pub = m.group("pub")
    if is_date(pub) or re.search(rf"\b(?:{_MONTHS})\.?\s+\d{{1,2}}$", pub):
        return None
    return m


def year_in(*texts: str) -> str:
    for text in texts:
        m = _YEAR.search(text)
        if m:
            return m.group()
    return ""


def is_date(text: str) -> bool:
    """A date of publication or a month and day ("May 18"), not a site or publisher."""
    text = text.strip(" .,")
    return bool(_DATE_ONLY.fullmatch(text) or _MONTH_DAY.fullmatch(text))


def container_ok(text: str) -> str:
    """A plausible journal, book or site name, or "" for commentary and dates."""
    text = strip_end(text).rstrip(".").strip()
    text = _TRAILING_DATE.sub("", text)
    if not text or is_date(text) or text[0].islower():
        return ""
    if re.search(r"(?:\b[a-z][\w’']*\s+){4}", text):
        return ""  # four lower-case words in a row: a sentence
    if len(text) > 100:
        text = top_segments(text)[0]
    return text


# --- names -------------------------------------------------------------------------------------


def _is_corporate(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 12 or re.search(r"[:;?!“”\"()<>\[\]/\d]", text):
        return False
    if not any(fold(w.strip(",.")) in CORPORATE_AUTHOR_WORDS for w in words):  # CMOS 14.69: never split at "and"
        return False
    return all(w[0].isupper() or w in _CONNECTORS for w in words)


def is_person(text: str) -> bool:
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


def natural_names(text: str) -> list[str] | None:
    """Authors in natural order ("A B and C D", "Corporate Body"), or None when ``text`` is not names."""
    text = text.strip()
    if _is_corporate(text):
        return [text]
    parts = [p.strip() for p in re.split(r"\s+(?:and|&)\s+|^(?:and|&)\s+", text) if p.strip()]
    if not parts or not all(is_person(p) or _is_corporate(p) for p in parts):
        return None
    return [p.removesuffix(" et al.").strip() for p in parts]


def inverted_names(author: str) -> tuple[str, ...]:
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


def is_inverted_author(author: str) -> bool:
    """Whether a bibliography entry's author string is a name (not a title in the author position)."""
    author = " ".join(author.split()).strip(" ,")
    if not author:
        return False
    if _is_corporate(author):
        return True
    head, comma, rest = author.partition(", ")
    if not comma:
        return False
    return is_person(head) and bool(rest) and (rest[0].isupper() or rest.startswith("and "))


def work_kind(quoted: bool, *, chapter: bool, thesis: bool, journal: bool, presented: bool, container: str,
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
