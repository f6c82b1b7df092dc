"""Cutting the run-on head of a newsroom page into its parts.

A page copied with no line breaks (af.mil and other DVIDS-fed sites saved as
one line) runs the head together: "HEADLINE Published DATE By NAME UNIT
Public Affairs DATELINE – body". A head hard-wrapped over several lines does
the same inside one block. The parts are found at their markers, in the
order newsrooms print them: site phrases (the .mil banner, archive
notices), a date marker ("Published DATE", "NEWS | DATE"), a byline ("By"
and a rank or a name, up to the dateline, a unit's last words or the end of
the unit run on after the name), and the dateline, where the story starts.
Text before the next marker is a headline.
"""

from __future__ import annotations

import itertools
import re

from usmxkg.readers.bylines import AFFILIATION_END, split_name
from usmxkg.readers.lines import Line, blocks, unwrapped
from usmxkg.readers.news_patterns import (
    DATE,
    INLINE_DATELINE,
    LOWER,
    MILITARY_RANK,
    SERVICE,
    UPPER,
    WEEKDAY,
    credible_dateline,
)
from usmxkg.readers.site_furniture import SITE_RUN, STORE_STAMP, furniture_line

HEAD_BLOCKS = 12
"""Head blocks are joined among the first blocks only."""

RUN_ON_CHARS = 300
"""A first line this long may hold the whole head run together."""

RUN_ON_HEAD_CHARS = 1_500
"""How far into a run-on line head parts are looked for."""

HEADLINE_MAX_CHARS = 220
"""A run-on headline ends before a marker this close to its start."""

DATE_TAIL = r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?)?"
"""An optional time after a date ("…, 2019 at 10:15 a.m. EST")."""

_INLINE_DATE = re.compile(
    rf"(?:(?:Published|PUBLISHED|Posted|POSTED|Updated|UPDATED|Released|RELEASED)(?:\s+on)?:?\s+"
    rf"|[A-Z]{{2,20}}(?:\s[A-Z]{{2,20}})?\s*\|\s*)(?:{WEEKDAY},?\s+)?(?P<date>{DATE}){DATE_TAIL}"
    r"(?:\s*\|)?"
)
"""A date marker inside a run-on head: "Published DATE", "NEWS | DATE"."""

_INLINE_BY = re.compile(
    rf"\b(?:Story\s+by|By):?\s+(?=(?:(?:{SERVICE}\s+)?{MILITARY_RANK}\s+)?[{UPPER}][{LOWER}]+\s+"
    rf"(?:[{UPPER}]\.\s+)?[{UPPER}])"
)
"""A byline marker inside a run-on head: "By" then a rank or a capitalised name."""

_UNIT_END = re.compile(r"\b(?:Public\s+Affairs(?:\s+(?:Office|Detachment))?|Press\s+Service|News\s+Service)\b")
_UNIT_RUN = re.compile(r"(?:(?:[A-Z0-9][\w.&'’()-]*|of|the|and|for)(?:\s+|$))+")
"""Capitalised words (and the small words of unit names) running on after a byline name."""

AFFILIATION_WORD = re.compile(rf"\b{AFFILIATION_END}\b")
"""A word that may end a unit name ("… Army North", "… Public Affairs")."""


def tail(line: Line, offset: int) -> Line:
    """The part of ``line`` from ``offset`` (relative) on, leading blanks dropped."""
    text = line.text[offset:]
    lead = len(text) - len(text.lstrip())
    return Line(line.start + offset + lead, line.end, text.lstrip())


def part(line: Line, start: int, end: int) -> Line:
    """The part ``[start, end)`` (relative) of ``line``, blanks trimmed."""
    piece = line.text[start:end]
    lead = len(piece) - len(piece.lstrip())
    stripped = piece.strip()
    return Line(line.start + start + lead, line.start + start + lead + len(stripped), stripped)


def segment(text: str, lines: list[Line]) -> list[Line]:
    """Lines with a leading store stamp cut off and run-on heads cut into their parts.

    A head block hard-wrapped over several lines (a page saved with its
    banner or head wrapped) is first joined: a block that is site chrome as a
    whole becomes one furniture unit; an opening block holding the head parts
    is cut like a run-on line.
    """
    out: list[Line] = []
    opening = True
    for number, block in enumerate(blocks(text, lines)):
        if number == 0:
            stamp = STORE_STAMP.match(block[0].text)
            if stamp and stamp.end() < len(block[0].text):
                out.append(part(block[0], 0, stamp.end()))
                block = [tail(block[0], stamp.end()), *block[1:]]
        joined = Line(block[0].start, block[-1].end, text[block[0].start:block[-1].end])
        if number < HEAD_BLOCKS and len(block) > 1 and not all(furniture_line(line) for line in block):
            if SITE_RUN.fullmatch(joined.text):
                out.append(joined)
                continue
            if opening and not unwrapped(block) and len(joined) > RUN_ON_CHARS:
                parts = split_run_on(joined)
                if len(parts) > 1:
                    out.extend(parts)
                    opening = False
                    continue
        for line in block:
            out.extend(split_run_on(line) if opening and len(line) > RUN_ON_CHARS else [line])
            opening = opening and furniture_line(line)
    return out


def split_run_on(line: Line) -> list[Line]:
    """Head parts of a line that runs headline, date, byline and dateline together (else the line)."""
    text = line.text
    cuts: list[int] = [0]
    pos = 0
    while pos < min(len(text), RUN_ON_HEAD_CHARS):
        while pos < len(text) and text[pos].isspace():
            pos += 1
        site = SITE_RUN.match(text, pos)
        date = _INLINE_DATE.match(text, pos)
        if site and site.end() > pos:
            end = site.end()
        elif date:
            end = date.end()
        elif _INLINE_BY.match(text, pos):
            end = _byline_end(text, pos)
        else:
            dateline = INLINE_DATELINE.match(text, pos)
            if dateline and credible_dateline(dateline):
                break
            marker = _next_marker(text, pos + 1)
            if marker is None or marker - pos > HEADLINE_MAX_CHARS:
                break
            end = marker
        cuts.append(end)
        pos = end
    cuts.append(len(text))
    parts = [part(line, a, b) for a, b in itertools.pairwise(cuts) if text[a:b].strip()]
    return parts if len(parts) > 1 else [line]


def _next_marker(text: str, pos: int) -> int | None:
    """Where the next head part (date, byline, credible dateline, site phrase) starts after ``pos``."""
    limit = min(len(text), pos + HEADLINE_MAX_CHARS + 1)
    found = [m.start() for m in (_INLINE_DATE.search(text, pos, limit), _INLINE_BY.search(text, pos, limit)) if m]
    for match in INLINE_DATELINE.finditer(text, pos, limit):
        if credible_dateline(match):
            found.append(match.start())
            break
    return min(found) if found else None


def _byline_end(text: str, pos: int) -> int:
    """End of a byline run on into what follows: at the dateline, a unit's last words, or the name's end."""
    limit = min(len(text), pos + 200)
    for match in INLINE_DATELINE.finditer(text, pos, limit):
        if credible_dateline(match):
            return match.start()
    closing = _UNIT_END.search(text, pos, limit)
    if closing:
        return closing.end()
    by = _INLINE_BY.match(text, pos)
    start = by.end() if by else pos
    name, unit = split_name(text[start:limit])
    if name is None:
        return limit
    if unit is None:
        return start + name[1]
    run = _UNIT_RUN.match(text, start + unit, limit)
    last = [m.end() for m in AFFILIATION_WORD.finditer(text, start + unit, run.end())] if run else []
    return last[-1] if last else start + name[1]


