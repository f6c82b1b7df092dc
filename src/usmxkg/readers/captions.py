"""Photo captions of web pages: credit lines and captions printed twice.

Government and military web pages caption their photos with a credit in the
agencies' style ("U.S. Navy photo by Mass Communication Specialist 2nd Class NAME",
"(U.S. Army photo by Sgt. NAME)", "DoD photo by …", "Photo courtesy of …").
A page saved as text often prints each caption twice, once from the image's
alternative text and once from the caption under it, so two adjacent lines
that say (nearly) the same short thing are a caption too, credited or not.
:func:`find_captions` returns those lines so a reader can mark them as
``caption`` zones and keep them out of the paragraphs.
"""

from __future__ import annotations

import re
from itertools import pairwise

from rapidfuzz import fuzz

from usmxkg.readers.lines import Line

CAPTION_MAX_CHARS = 600
"""A caption is at most a few sentences; a longer line is a paragraph that happens to credit a photo."""

ALT_TEXT_MAX_CHARS = 200
"""An uncredited line printed twice is image alternative text only when it is this short."""

TWIN_SIMILARITY = 85.0
"""rapidfuzz ratio (0-100) at which two adjacent lines are the same caption printed twice."""

PHOTO_CREDIT = re.compile(
    r"\b(?:photo(?:graph)?|image|illustration|graphic|video)s?\s+(?:by|courtesy\s+of|courtesy)\s+\S"
    r"|\b(?:photo|image)\s+(?:credit|courtesy):"
    r"|\((?:[\w.&/-]+\s+){0,5}(?:photo|photograph|image|graphic|illustration)\)",
    re.IGNORECASE,
)
"""A photo credit in the agencies' caption style ("… photo by NAME", "Photo courtesy of …", "(DoD photo)")."""


def is_credited(line: Line) -> bool:
    """True when a line is short enough to be a caption and carries a photo credit."""
    return len(line) <= CAPTION_MAX_CHARS and bool(PHOTO_CREDIT.search(line.text))


LEADERS = re.compile(r"\.{4,}|(?:\. ){3,}|_{4,}")
"""Dot leaders of a table of contents: lines that look alike because of their dots, not their words."""


def twins(first: Line, second: Line) -> bool:
    """True when two lines are the same caption printed twice (image alt text, then caption)."""
    longest = max(len(first), len(second))
    if longest > CAPTION_MAX_CHARS or abs(len(first) - len(second)) > longest // 3:
        return False
    if LEADERS.search(first.text) or LEADERS.search(second.text):
        return False
    return fuzz.ratio(first.text, second.text, score_cutoff=TWIN_SIMILARITY) > 0


def find_captions(lines: list[Line]) -> list[Line]:
    """Caption lines: credited lines, and short lines printed twice in a row (both copies).

    Adjacent means next in the list of non-blank lines, so a blank line between
    the two copies does not hide the pair.
    """
    found: list[Line] = []
    seen: set[int] = set()
    for index, line in enumerate(lines):
        pair = index + 1 < len(lines) and twins(line, lines[index + 1])
        if pair and (len(line) <= ALT_TEXT_MAX_CHARS or is_credited(line) or is_credited(lines[index + 1])):
            for member in (line, lines[index + 1]):
                if member.start not in seen and len(member) <= CAPTION_MAX_CHARS:
                    seen.add(member.start)
                    found.append(member)
        elif is_credited(line) and line.start not in seen:
            seen.add(line.start)
            found.append(line)
    return found


def doubled_captions(lines: list[Line]) -> int:
    """How many captions are printed twice in a row (the web-page conversion quirk), for kind detection."""
    return sum(1 for a, b in pairwise(lines)
               if len(a) <= CAPTION_MAX_CHARS and twins(a, b) and (is_credited(a) or len(a) <= ALT_TEXT_MAX_CHARS))
