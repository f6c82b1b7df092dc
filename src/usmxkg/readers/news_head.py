"""The head of a newsroom story: site furniture, headline, subheadline, byline, date lines and dateline.

Newsroom pages put the same parts above the story in a few orders (DoD News
and AFPS: masthead, headline, "By NAME" / unit; army.mil and the af.mil
family: headline, "NEWS | date" or "Published date", byline with rank and
unit; DVIDS: a store stamp, then the dateline). A page copied with no line
breaks runs them together on one line ("HEADLINE Published DATE By NAME UNIT
Public Affairs DATELINE – body"), so the first long lines are first cut into
parts at those markers (:mod:`usmxkg.readers.news_runon`). Each part ("unit") is then classified; the story
starts at the dateline, or, without one, at the first line of prose.

The headline is the first line of the run of text lines just before the
first byline or date line (or, when those open the head, the first text line
after them); text lines above the headline are site chrome, lines between
it and the story are subheadlines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from usmxkg.readers.bylines import (
    BY,
    ORG_BYLINE,
    READOUT_TITLE,
    is_affiliation,
    parse_byline,
    readout_spokesperson,
)
from usmxkg.readers.lines import Line, blocks, is_title_like
from usmxkg.readers.news_patterns import (
    DATE,
    DATELINE,
    UPPER,
    WEEKDAY,
    credible_dateline,
)
from usmxkg.readers.news_runon import DATE_TAIL, part, segment, tail
from usmxkg.readers.site_furniture import FURNITURE_LINE, STORE_STAMP, caption_line, furniture_line

HEAD_LINES = 12
"""The dateline and byline are looked for among the first lines (furniture not counted)."""

WRAPPED_PROSE_CHARS = 150
"""A block of adjacent short lines this long is a hard-wrapped paragraph, not a stack of head lines."""

PROSE_WORDS = 20
"""A line of more words than this is story text, whatever its shape."""

META_DATE = re.compile(
    rf"(?:(?:Published|Posted|Updated|Released|Date|Dated)(?:\s+on)?:?\s+)?(?:{WEEKDAY},?\s+)?(?P<date>{DATE})"
    rf"{DATE_TAIL}\.?",
    re.IGNORECASE,
)
"""A date line of a newsroom page: "Published Sept. 27, 2023", "June 5, 2012", "Posted: May 3, 2019 at 10:15"."""

ISSUING_OFFICE = re.compile(
    r"^(?:The\s+)?Office\s+of\s+(?:the\s+)?(?:Spokesperson|Press\s+Secretary|Public\s+Affairs"
    r"|(?:the\s+)?Assistant\s+to\s+the\s+Secretary\s+of\s+Defense\s+for\s+Public\s+Affairs)$"
    r"|^Secretar[íi]a\s+de\s+(?:la\s+)?[A-ZÁÉÍÓÚ][\wáéíóúñ]+(?:\s+[A-ZÁÉÍÓÚ][\wáéíóúñ]+){0,3}$",
    re.IGNORECASE,
)
"""The office a release or readout is issued by, printed as a head line (state.gov "OFFICE OF THE SPOKESPERSON",
a Mexican ministry over its bulletin: "Secretaría de Marina")."""

_PIPE = re.compile(r"\s+\|\s+|\s*\|\s*(?=\S)")
_CATEGORY = re.compile(rf"^(?:[{UPPER}][\w&'’-]*)(?:\s+[{UPPER}][\w&'’-]*){{0,2}}$")
_LABEL_END = re.compile(rf"[{UPPER}][\w .&'’-]{{0,50}}\s[A-Z]{{3,}}")
"""Section labels run together before a "|" ("Army North News Feed NEWS")."""


@dataclass(slots=True)
class Head:
    """What the head of a story holds, as offsets and lines of the document text."""

    furniture: list[Line] = field(default_factory=list)
    captions: list[Line] = field(default_factory=list)
    title: Line | None = None
    subtitles: list[Line] = field(default_factory=list)
    authors: list[tuple[int, int]] = field(default_factory=list)
    affiliations: list[tuple[int, int]] = field(default_factory=list)
    author_titles: list[tuple[int, int]] = field(default_factory=list)
    published: list[tuple[int, int]] = field(default_factory=list)
    publishers: list[Line] = field(default_factory=list)
    stamp: tuple[int, int] | None = None
    dateline: tuple[Line, re.Match[str]] | None = None
    readout: bool = False
    body: list[Line] = field(default_factory=list)


def read_head(text: str, lines: list[Line]) -> Head:
    """Split the lines of a story into its head parts and the lines of the body."""
    units = segment(text, lines)
    head = Head()
    start = _body_start(units, _wrapped_prose(text, units))
    roles = _classify(text, units[:start], head)
    _choose_title(text, units[:start], roles, head)
    rest = units[start:]
    if rest:
        first = rest[0]
        match = DATELINE.match(first.text)
        if match and credible_dateline(match):
            head.dateline = (first, match)
            rest = [tail(first, match.end()), *rest[1:]]
        rest = _carve_readout(text, rest, head)
    head.body = [line for line in rest if line.end > line.start]
    return head


# --------------------------------------------------------------------------- classifying head units

def _wrapped_prose(text: str, units: list[Line]) -> set[int]:
    """Starts of units in hard-wrapped blocks of prose: short lines that are not head lines."""
    out: set[int] = set()
    for block in blocks(text, units):
        if len(block) > 1 and sum(len(u) for u in block) > WRAPPED_PROSE_CHARS:
            out.update(u.start for u in block if not furniture_line(u))
    return out


def _body_start(units: list[Line], wrapped: set[int]) -> int:
    """Index of the unit the story starts at: the dateline, else the first line of prose.

    Photo captions above the story (army.mil's lead photo) are passed over.
    """
    seen = 0
    for index, unit in enumerate(units):
        if furniture_line(unit) or STORE_STAMP.fullmatch(unit.text) or caption_line(unit, None):
            continue
        seen += 1
        match = DATELINE.match(unit.text)
        if match and credible_dateline(match):
            return index
        if seen >= HEAD_LINES or (_prose(unit, wrapped) and not _meta(unit.text) and not BY.match(unit.text)):
            break  # a dateline opens the story: one after prose is quoted inside something else
    seen = 0
    for index, unit in enumerate(units):
        if furniture_line(unit) or STORE_STAMP.fullmatch(unit.text):
            continue
        seen += 1
        if seen > HEAD_LINES:
            break
        if _prose(unit, wrapped) and not _meta(unit.text) and not BY.match(unit.text):
            return index
    return min(len(units), 1)


def _prose(unit: Line, wrapped: set[int]) -> bool:
    """A line of story text rather than a head line (headline, byline, label)."""
    if _readout_headline(unit):
        return False
    return unit.start in wrapped or not is_title_like(unit) or len(unit.text.split()) > PROSE_WORDS


READOUT_HEADLINE_CHARS = 250
"""A readout's headline names both officials with their full titles, so it runs longer than other headlines."""


def _readout_headline(unit: Line) -> bool:
    """ "Readout of Secretary …'s Meeting With …" (defense.gov): a headline however long, never a sentence."""
    return bool(READOUT_TITLE.match(unit.text)) and len(unit) <= READOUT_HEADLINE_CHARS \
        and not unit.text.endswith(".")


def _classify(text: str, units: list[Line], head: Head) -> list[str]:
    """Role of every head unit (furniture, stamp, caption, date, byline, affiliation, readout, text).

    What the units say goes into ``head``.
    """
    roles: list[str] = []
    for index, unit in enumerate(units):
        previous = roles[-1] if roles else ""
        role = "text"
        if previous == "byline" and is_affiliation(unit.text):
            role = "affiliation"
            head.affiliations.append((unit.start, unit.end))
        elif index == 0 and STORE_STAMP.fullmatch(unit.text):
            role = "stamp"
            stamp = STORE_STAMP.match(unit.text)
            if stamp:
                head.stamp = (unit.start + stamp.start("date"), unit.start + stamp.end("date"))
        elif furniture_line(unit):
            role = "furniture"
        elif caption_line(unit, units[index - 1] if index else None):
            role = "caption"
            head.captions.append(unit)
        elif ISSUING_OFFICE.match(unit.text):
            role = "publisher"
            head.publishers.append(unit)
        elif _meta(unit.text):
            role = _read_meta(unit, head)
        elif _read_byline(unit, unit.text, head):
            role = "byline"
        elif _read_readout(text, unit, head):
            role = "readout"
        roles.append(role)
    return roles


def _meta(text: str) -> bool:
    """True for a date line or a "|"-separated line of dates, bylines and section labels."""
    if META_DATE.fullmatch(text):
        return True
    parts = [p for p in _PIPE.split(text) if p.strip()]
    if len(parts) < 2:
        return False
    kinds = [_meta_kind(p.strip()) for p in parts]
    return None not in kinds and any(k in ("date", "byline") for k in kinds)


def _meta_kind(piece: str) -> str | None:
    """What one "|"-separated part of a head line is: a date, a byline or a section label."""
    if META_DATE.fullmatch(piece):
        return "date"
    if BY.match(piece):
        return "byline"
    if (_CATEGORY.match(piece) and len(piece) <= 40) or _LABEL_END.fullmatch(piece) or FURNITURE_LINE.fullmatch(piece):
        return "label"
    return None


def _read_meta(unit: Line, head: Head) -> str:
    """Dates and bylines of a date line or a "|" line; returns the unit's role."""
    role = "date"
    cursor = 0
    for written in _PIPE.split(unit.text):
        if not written.strip():
            continue
        start = unit.text.index(written, cursor)
        cursor = start + len(written)
        piece = part(unit, start, start + len(written))
        date = META_DATE.fullmatch(piece.text)
        if date:
            head.published.append((piece.start + date.start("date"), piece.start + date.end("date")))
        elif _read_byline(piece, piece.text, head):
            role = "byline"
    return role


def _read_byline(unit: Line, text: str, head: Head) -> bool:
    """Authors and affiliation of a "By …" or "NAME, DoD News" unit; False when it names nobody."""
    by = BY.match(text)
    if by:
        rest = by.start("rest")
        parsed = parse_byline(by.group("rest"))
        if not parsed.names:
            return False
        head.authors.extend((unit.start + rest + a, unit.start + rest + b) for a, b in parsed.names)
        if parsed.affiliation:
            a, b = parsed.affiliation
            head.affiliations.append((unit.start + rest + a, unit.start + rest + b))
        return True
    org = ORG_BYLINE.match(text)
    if org:
        head.authors.append((unit.start + org.start("name"), unit.start + org.end("name")))
        head.affiliations.append((unit.start + org.start("org"), unit.start + org.end("org")))
        return True
    return False


def _read_readout(text: str, unit: Line, head: Head) -> bool:
    """A readout formula line: its spokesperson is the author, their office the author's title."""
    found = readout_spokesperson(text, unit.start, unit.end)
    if found is None:
        return False
    head.authors.append(found.name)
    if found.title:
        head.author_titles.append(found.title)
    head.readout = True
    return True


def _carve_readout(text: str, rest: list[Line], head: Head) -> list[Line]:
    """A readout formula opening the body ("… provided the following readout: Secretary …") is head, not story."""
    if head.readout or not rest:
        return rest
    first = rest[0]
    found = readout_spokesperson(text, first.start, first.end)
    if found is None or found.name[0] - first.start > 200:
        return rest
    head.authors.append(found.name)
    if found.title:
        head.author_titles.append(found.title)
    head.readout = True
    return [tail(first, found.end - first.start), *rest[1:]]


def _wrapped(text: str, line: Line, following: Line) -> bool:
    """True when a headline line goes on in the next line (hard wrapping): no blank line between them, and
    the next starts in lower case or the line ends on a word no headline ends on."""
    if text.count("\n", line.end, following.start) != 1:
        return False
    last = line.text.split()[-1].lower()
    return following.text[0].islower() or last in _CONTINUING


_CONTINUING = frozenset({"and", "or", "of", "the", "for", "to", "in", "on", "with", "a", "an", "by", "at", "from"})
"""Words a headline does not end on: a line ending with one is wrapped."""


def _choose_title(text: str, units: list[Line], roles: list[str], head: Head) -> None:
    """Headline, subheadlines and chrome among the text units (see the module docstring)."""
    texts = [i for i, role in enumerate(roles) if role == "text"]
    for i, role in enumerate(roles):
        if role in ("furniture", "stamp"):
            head.furniture.append(units[i])
    if not texts:
        return
    meta = next((i for i, role in enumerate(roles) if role in ("byline", "date", "readout")), None)
    run: list[int] = []
    if meta is not None:
        i = meta - 1
        while i >= 0 and roles[i] in ("text", "furniture", "publisher", "caption"):
            if roles[i] == "text":
                run.insert(0, i)
            i -= 1
        if not run:
            run = [i for i in texts if i > meta][:1]
    candidates = [i for i in (run or texts) if is_title_like(units[i]) or _readout_headline(units[i])] or (run or texts)
    chosen = next((i for i in candidates if len(units[i].text.split()) >= 3), candidates[0])
    last = chosen
    while last + 1 < len(units) and roles[last + 1] == "text" and _wrapped(text, units[last], units[last + 1]):
        last += 1
    head.title = Line(units[chosen].start, units[last].end, text[units[chosen].start:units[last].end])
    for i in texts:
        if i < chosen:
            head.furniture.append(units[i])
        elif i > last:
            head.subtitles.append(units[i])
    head.furniture.sort(key=lambda line: line.start)
