"""Bylines of newsroom stories and the spokespeople of readouts: who wrote it, for which unit.

Military and government newsrooms credit a story to a person and the unit or
service they write for, in a few layouts:

- "By NAME, 37th Training Wing Public Affairs" (comma), "By NAME / American
  Forces Press Service" or "By NAME | Marine Corps Installations West";
- "By NAME" with the unit on the next line (American Forces Press Service);
- "By Sgt. 1st Class NAME U.S. Army North": rank first (AP style, dropped
  from the name) and the unit run on after the name with no separator;
- "NAME, DoD News" closing lines, and DVIDS "Story by NAME".

Readouts carry no byline; the spokesperson who provides them is their author
("Pentagon Press Secretary NAME provided the following readout:", state.gov
"The following is attributable to Spokesperson NAME:").

Offsets returned are relative to the text given, so callers place them in
the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from usmxkg.orgwords import ORGANISATION_WORDS
from usmxkg.readers.news_patterns import LOWER, MILITARY_RANK, NAME, RANK_PREFIX, SERVICE, UPPER

BY = re.compile(r"^(?:(?:Story|Written|Article|Report|Text)\s+)?[Bb][Yy]:?\s+(?P<rest>\S.{0,240})$", re.DOTALL)
"""A byline: "By …", DVIDS "Story by …"."""

AFFILIATION_END = (
    r"(?:Service|News|Affairs|Office|Command|Wing|Group|Division|Brigade|Battalion|Squadron|Regiment|Fleet|Center"
    r"|Centre|Agency|Detachment|Element|Staff|Writer|Correspondent|Activity|Army|Navy|Force|Forces|Corps|Guard"
    r"|North|South|East|West|Europe|Pacific|Africa|Southern|Northern|Reserve|Headquarters|Department|Bureau"
    r"|Ministry|Base|Station|Installations?|District|Wire|Media|Communications|Press|Academy|School|College"
    r"|University|Institute|Team|Unit|Task\s+Force|Public\s+Affairs)"
)
"""Last words of a unit or newsroom name ("… Public Affairs", "… Press Service", "U.S. Army North")."""

_AFFILIATION_LINE = re.compile(
    rf"^(?:[{UPPER}0-9][\w.&'’()-]*,?\s+|(?:of|the|and|for|de|del)\s+){{0,9}}(?:{AFFILIATION_END}|[A-Z]{{2,}})\.?$")
"""A line that is only a unit or newsroom name, in title case."""

ORG_WORDS = ORGANISATION_WORDS | frozenset({
    "media", "activity", "wire", "associated", "affairs", "public", "marine", "post", "network", "magazine",
    "correspondent", "writer", "reporter", "editor", "contributor", "team", "desk", "communications", "relations",
    "defense", "wing", "fleet", "detachment", "element", "joint", "task", "base", "station", "installation",
    "installations", "district", "air", "national", "naval", "space", "reserve", "fort", "camp", "american",
    "pentagon", "dod", "usa",
})
"""Words that mark a byline part as an organisation rather than a person: the organisation words of
:mod:`usmxkg.orgwords` and the words of newsrooms, bylines and units that only bylines need."""

OFFICE_WORDS = frozenset({
    "spokesperson", "spokesman", "spokeswoman", "secretary", "press", "minister", "director", "chief", "ambassador",
    "deputy", "assistant", "undersecretary", "president", "chairman", "chairwoman", "chair", "commander", "officer",
    "department", "pentagon", "general", "admiral", "vice", "acting", "senior", "principal", "spokespeople",
})
"""Words of an office that precede a spokesperson's name ("Department Spokesperson NAME")."""

UNIT_STARTS = frozenset({"u.s.", "us", "usa", "dod"})
"""Words that start a unit name run on after a byline name ("… U.S. Army North")."""

NAME_SUFFIXES = frozenset({"jr.", "sr.", "jr", "sr", "ii", "iii", "iv", "v"})
PARTICLES = frozenset({"de", "del", "la", "las", "los", "van", "von", "da", "dos", "di", "le", "y"})
MAX_NAME_WORDS = 4
"""Given names and surnames of one person (Spanish double surnames included)."""

_TOKEN = re.compile(r"\S+")
_CAPWORD = re.compile(rf"^[{UPPER}][\w'’-]*[{LOWER}][\w'’-]*,?$")
_INITIAL = re.compile(rf"^(?:[{UPPER}]\.){{1,2}},?$")
_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)")
_EXPLICIT = re.compile(r"\s+[/|]\s+|\s+[—–]\s+|\s*[/|]\s*(?=[A-Z0-9])")


@dataclass(slots=True)
class Byline:
    """Names (offsets relative to the parsed text) and the affiliation that follows them."""

    names: list[tuple[int, int]] = field(default_factory=list)
    affiliation: tuple[int, int] | None = None


def is_affiliation(text: str) -> bool:
    """True when ``text`` is only a unit or newsroom name ("American Forces Press Service")."""
    return len(text) <= 90 and bool(_AFFILIATION_LINE.match(text)) and any(
        w.lower().strip(".,") in ORG_WORDS or w.isupper() for w in text.split())


def parse_byline(rest: str) -> Byline:
    """Names and affiliation of what follows "By" (see the module docstring for the layouts)."""
    out = Byline()
    explicit = _EXPLICIT.search(rest)
    names_end = explicit.start() if explicit else len(rest)
    cursor = 0
    for part in _SEPARATOR.split(rest[:names_end]):
        if not part:
            continue
        start = rest.index(part, cursor)
        cursor = start + len(part)
        name, unit = split_name(part)
        if name is None:
            out.affiliation = (start, len(rest))
            break
        out.names.append((start + name[0], start + name[1]))
        if unit is not None:
            out.affiliation = (start + unit, len(rest))
            break
    if out.affiliation is None and explicit:
        out.affiliation = (explicit.end(), len(rest))
    if out.affiliation is not None:
        out.affiliation = _trim(rest, *out.affiliation)
    return out


def split_name(part: str) -> tuple[tuple[int, int] | None, int | None]:
    """A person's name in ``part`` (rank dropped) and where a unit run on after it starts.

    The name is the leading run of capitalised words, initials, particles and
    suffixes; it stops at the first word that starts a unit (an ordinal, an
    acronym, "U.S.", an organisation word) or after :data:`MAX_NAME_WORDS`.
    """
    rank = RANK_PREFIX.match(part)
    offset = rank.end() if rank else 0
    shout = part[offset:].isupper()
    tokens = list(_TOKEN.finditer(part, offset))
    words = 0
    end = offset
    taken = 0
    for token in tokens:
        text = token.group().title() if shout else token.group()
        low = text.lower().rstrip(",")
        if low in NAME_SUFFIXES and words >= 2:
            end, taken = token.end(), taken + 1
            continue
        if words >= MAX_NAME_WORDS or low.strip(".") in ORG_WORDS or low in UNIT_STARTS:
            break
        if _INITIAL.match(text) or (low in PARTICLES and words):
            end, taken = token.end(), taken + 1
        elif _CAPWORD.match(text):
            words += 1
            end, taken = token.end(), taken + 1
        else:
            break
    if words < 2:
        return None, None
    end = len(part[:end].rstrip(","))
    unit = tokens[taken].start() if taken < len(tokens) else None
    return (offset, end), unit


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and (text[start].isspace() or text[start] in ",/|—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;|"):
        end -= 1
    return (start, end) if end > start else None


READOUT = re.compile(
    r"\s+(?:provided|released|issued|gave|offered)\s+the\s+following\s+readouts?\b[^:\n]{0,160}:"
    r"|(?P<lead>(?:The\s+)?(?:following|below)\s+is\s+attributable\s+to\s+)(?P<who>[^:\n“”\"]{3,200}?)\s*:",
    re.IGNORECASE,
)
"""Readout formulae: "… Press Secretary NAME provided the following readout:", "The following is attributable to …:"."""

READOUT_TITLE = re.compile(r"^Readout\s+of\s+\S", re.IGNORECASE)
"""A readout's headline: "Readout of Secretary …'s Meeting With …"."""

_TRAILING_RANK = re.compile(rf"(?:\s+(?:{SERVICE}|{MILITARY_RANK}))+$")
_ABBREVIATION = re.compile(rf"^(?:[{UPPER}][a-z]{{0,4}}\.|(?:[{UPPER}]\.)+|j\.g\.)$")
"""A word ending in a full stop that does not end a sentence ("Gen.", "U.S.", "F.")."""


@dataclass(frozen=True, slots=True)
class Spokesperson:
    """Offsets (relative to the text searched) of a readout's spokesperson and their office."""

    name: tuple[int, int]
    title: tuple[int, int] | None
    end: int


def readout_spokesperson(text: str, start: int = 0, end: int | None = None) -> Spokesperson | None:
    """The spokesperson named by a readout formula in ``text[start:end]``, with their office.

    The phrase before "provided the following readout" runs back to the start
    of its sentence; the name is the run of name words closing it, and what
    precedes the name, less the rank, is the office ("Pentagon Press Secretary").
    """
    match = READOUT.search(text, start, len(text) if end is None else end)
    if match is None:
        return None
    if match.group("who"):
        who_start, who_end = match.span("who")
    else:
        who_end = match.start()
        who_start = _sentence_start(text, start, who_end)
    words = list(_TOKEN.finditer(text, who_start, who_end))
    first = len(words)
    names = 0
    while first > 0 and names < MAX_NAME_WORDS:
        word = words[first - 1].group()
        low = word.lower().rstrip(",")
        last = first == len(words)
        if low in NAME_SUFFIXES or (not last and (_INITIAL.match(word) or (low in PARTICLES and names))):
            first -= 1
        elif _CAPWORD.match(word) and low not in ORG_WORDS | OFFICE_WORDS and not word.endswith("."):
            first -= 1
            names += 1
        else:
            break
    if names == 0:
        return None
    name = (words[first].start(), who_end)
    title = None
    if first > 0:
        office = _TRAILING_RANK.sub("", text[who_start:words[first - 1].end()])
        if office.strip(" ,"):
            title = (who_start, who_start + len(office.rstrip(" ,")))
    return Spokesperson(name, title, match.end())


def _sentence_start(text: str, floor: int, end: int) -> int:
    """Where the sentence holding ``end`` starts: after a line break, colon, or a full stop ending a word."""
    words = list(_TOKEN.finditer(text, max(floor, end - 300), end))
    start = words[0].start() if words else end
    for word in reversed(words):
        if "\n" in text[word.end():end] and word.end() < end:
            break
        token = word.group()
        if token.endswith((":", ";", "!", "?")) or (token.endswith(".") and not _ABBREVIATION.match(token)):
            return _skip_blanks(text, word.end(), end)
        start = word.start()
    return start


def _skip_blanks(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


ORG_BYLINE = re.compile(
    rf"^(?P<name>{NAME}),\s+(?P<org>(?:[{UPPER}][\w.&'’-]*\s+)*"
    r"(?:News|Press|Service|Media Activity|Staff Writer|Correspondent|Reporter|Writer|Editor|Wire))\.?$"
)
"""A byline of a name and a newsroom after a comma, often closing a story: "NAME, DoD News"."""
