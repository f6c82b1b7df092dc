"""Personal names as printed in front matter and forms: the name without degrees, titles, rank or service.

Title pages, approval pages and documentation forms print names with
academic degrees and service designators after them ("…, Ph.D.", "…, USN"),
courtesy titles and military ranks before them ("Dr.", "Mr.", "MAJ",
"Lieutenant Colonel") and, on the author line of the military schools, the
author's rank, position and service after the name as comma-separated parts
("NAME, MAJOR, U.S. ARMY"; "NAME, Chaplain, Major, USAF"; "NAME, ASSISTANT
CHIEF …, UNITED STATES … SERVICE"). A name's span must cover the name only,
so the same person is keyed the same way whichever page named them; the
other parts are recorded under their own fields by the callers. Rank words
follow the U.S. armed services' grade titles and their official
abbreviations (DoD Manual 1000.13-M, Army AR 600-20, Navy and Marine Corps
usage, Air Force AFI 36-2903).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from usmxkg.document import Document, Span
from usmxkg.readers.orgs import has_head
from usmxkg.readers.outline import strip_span

DEGREE_SUFFIX = re.compile(
    r"(?:(?:,\s*|\s+)(?:PHD|Ph\.?\s?D\.?|Ed\.?\s?D\.?|D\.?\s?Sc\.?|Sc\.?\s?D\.?|M\.?\s?B\.?\s?A\.?|M\.?\s?[AS]\.?|M\.?\s?D\.?"
    r"|J\.?\s?D\.?|DBA|D\.?\s?B\.?\s?A\.?|P\.?\s?E\.?|USN|USMC|USAF|USA|USCG|USAR|ARNG|ANG|\(Ret\.?\)|Ret\.?))+\s*$"
)
"""Academic degrees and service designators after a person's name ("…, Ph.D.")."""

_FULL_RANKS = (
    "General of the Army|Fleet Admiral|Lieutenant General|Major General|Brigadier General|General"
    "|Lieutenant Colonel|Colonel|Major|Captain|First Lieutenant|Second Lieutenant|Lieutenant Commander"
    "|Lieutenant Junior Grade|Lieutenant|Chief Warrant Officer(?: [2-5])?|Warrant Officer(?: 1)?"
    "|Command Sergeant Major|Sergeant Major|Master Sergeant|First Sergeant|Sergeant First Class|Staff Sergeant"
    "|Gunnery Sergeant|Technical Sergeant|Senior Master Sergeant|Chief Master Sergeant|Sergeant|Corporal"
    "|Specialist|Private|Vice Admiral|Rear Admiral(?: \\((?:Lower|Upper) Half\\))?|Admiral|Commodore|Commander"
    "|Ensign|Midshipman|Master Chief Petty Officer|Senior Chief Petty Officer|Chief Petty Officer|Petty Officer"
    "|Senior Airman|Airman First Class|Airman"
)
_ABBREVIATED_RANKS = (
    "GEN|LTG|MG|BG|COL|LTC|MAJ|CPT|1LT|2LT|CW[2-5]|WO1|CSM|SGM|MSG|1SG|SFC|SSG|SGT|CPL|SPC|PVT"
    "|ADM|VADM|RADM|CAPT|CDR|LCDR|LTJG|LT|ENS|CWO[2-5]?|MCPO|SCPO|CPO"
    "|Gen|Lt ?Gen|Maj ?Gen|Brig ?Gen|BGen|Col|Lt ?Col|Maj|Capt|1st ?Lt|2d ?Lt|2nd ?Lt|CMSgt|SMSgt|MSgt|TSgt|SSgt"
    "|GySgt|SgtMaj|MGySgt|SrA|A1C|Lt|Cdr|Lt\\. ?Col\\.|Maj\\.|Col\\.|Capt\\.|Gen\\.|Cmdr\\.?"
)
RANK = re.compile(
    rf"(?:(?i:{_FULL_RANKS})|(?:{_ABBREVIATED_RANKS}))(?:,?\s+(?:USA|USAF|USN|USMC|USCG|USAR))?(?![\w])",
)
"""A military rank as printed: the full grade title (any case) or its service abbreviation (exact case)."""

CIVIL_GRADE = re.compile(r"(?:Civilian|Civil Servant|GS-\d{1,2}|SES|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)$", re.IGNORECASE)
"""A civilian's grade or courtesy title where military authors print a rank."""

TITLE_PREFIX = re.compile(r"^(?:Dr\.|Prof\.|Professor|Mr\.|Mrs\.|Ms\.|Miss|Chaplain|Rev\.|Hon\.)\s+", re.IGNORECASE)

SERVICE = re.compile(
    r"^(?:USA|USAF|USN|USMC|USCG|USAR|USNR|USAFR|ARNG|ANG|USSF|"
    r"(?:U\.\s?S\.|US|United\s+States)\s+(?:Army|Navy|Air\s+Force|Marine\s+Corps|Coast\s+Guard|Space\s+Force)"
    r"(?:\s+Reserve)?|(?:Army|Air)\s+National\s+Guard)$",
    re.IGNORECASE,
)
"""A service designator or name: "USAF", "U.S. Army", "United States Marine Corps"."""

NAME_SUFFIX = re.compile(r"^(?:Jr|Sr|II|III|IV|V)\.?$", re.IGNORECASE)
_INITIAL = re.compile(r"^[A-Z]\.(?:[A-Z]\.)*$")
_NAME_TOKEN = re.compile(r"^[A-ZÀ-Ý][\w'’.-]*$")
_SPLIT_WORDS = re.compile(r"\s*;\s*|\s+and\s+|\s*&\s*")


def person_span(doc: Document, start: int, end: int) -> Span | None:
    """Span of a person's name in ``[start, end)`` without suffixes, titles or a leading rank."""
    span = strip_span(doc, start, end, marks=False)
    text = span.text
    m = DEGREE_SUFFIX.search(text)
    cut = m.start() if m and m.start() > 0 else len(text)
    text = text[:cut].rstrip(" ,")
    offset = _lead_end(text)
    if len(text) - offset < 2 or not any(c.isupper() for c in text[offset:]):
        return None
    return doc.span(span.start + offset, span.start + len(text))


def rank_prefix_end(text: str, offset: int = 0) -> int | None:
    """Where the name starts after a rank opening it ("MAJ Paul Smith"); None without one.

    A rank alone, or before a single word, is no prefix ("Major", "Major Smith"
    could be a name), unless an initial follows ("Maj J. Smith").

    >>> text = "Lieutenant Colonel J. L. Roe"
    >>> text[rank_prefix_end(text):]
    'J. L. Roe'
    >>> rank_prefix_end("Major") is None
    True
    """
    m = RANK.match(text, offset)
    if m is None or m.end() >= len(text) or not text[m.end()].isspace():
        return None
    rest = text[m.end():].split()
    if len(rest) < 2 and not (rest and _INITIAL.match(rest[0])):
        return None
    return m.end() + len(text[m.end():]) - len(text[m.end():].lstrip())


@dataclass(frozen=True, slots=True)
class Byline:
    """An author line read into its parts: the name and what is printed with it, each a span or None."""

    name: Span | None
    rank: Span | None = None
    title: Span | None = None
    affiliation: Span | None = None


def read_byline(doc: Document, start: int, end: int) -> Byline:
    """Read "RANK NAME, TITLE, RANK, SERVICE" (any of the parts optional) in ``[start, end)``.

    The first comma-separated part is the name (a leading rank is split off);
    "Jr." or "III" after a comma stays with it; of the later parts a rank
    word is the rank, a service or an organisation the affiliation, and
    anything else the author's title (position).
    """
    parts = _comma_parts(doc, start, end)
    if not parts:
        return Byline(None)
    first = parts[0]
    k = 1
    while k < len(parts) and NAME_SUFFIX.match(parts[k].text):
        first = doc.span(first.start, parts[k].end)
        k += 1
    rank: Span | None = None
    lead = rank_prefix_end(first.text)
    if lead is not None:
        rank = strip_span(doc, first.start, first.start + lead, marks=False)
    name = person_span(doc, first.start, first.end)
    title = affiliation = None
    for part in parts[k:]:
        text = part.text
        if RANK.fullmatch(text) or CIVIL_GRADE.match(text):
            rank = rank or part
        elif SERVICE.match(text) or has_head(text):
            affiliation = affiliation or part
        elif title is None:
            title = part
    return Byline(name, rank, title, affiliation)


def read_rank_line(doc: Document, start: int, end: int) -> tuple[Span | None, Span | None]:
    """The rank and the service of an approval page's rank line ("Major, United States Air Force").

    >>> doc = Document("x", "x", "thesis", "Lieutenant Commander, United States Navy")
    >>> [s.text for s in read_rank_line(doc, 0, len(doc.text))]
    ['Lieutenant Commander', 'United States Navy']
    """
    parts = _comma_parts(doc, start, end)
    rank = affiliation = None
    for part in parts:
        if rank is None and (RANK.fullmatch(part.text) or CIVIL_GRADE.match(part.text)):
            rank = part
        elif affiliation is None and (SERVICE.match(part.text) or has_head(part.text)):
            affiliation = part
    return rank, affiliation


def is_rank_line(text: str) -> bool:
    """A line of a rank and a service, or a rank alone ("Major, United States Air Force", "Civilian")."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return bool(parts) and bool(RANK.fullmatch(parts[0]) or CIVIL_GRADE.match(parts[0])) and all(
        SERVICE.match(p) or has_head(p) for p in parts[1:])


def _comma_parts(doc: Document, start: int, end: int) -> list[Span]:
    out = []
    pos = start
    text = doc.text
    for piece in text[start:end].split(","):
        span = strip_span(doc, pos, pos + len(piece), marks=False)
        pos += len(piece) + 1
        if span.text:
            out.append(span)
    return out


def split_names(doc: Document, start: int, end: int) -> list[Span]:
    """Several names printed in a run ("A. B. Cee and Dee E. Eff", "Ann B. Cee Dan Eff Gus Hay").

    Names separated by "and", "&" or ";" are split there. A run without
    separators is split by the shape of given-name-initial-family-name
    sequences: an initial belongs to the name whose given name stands right
    before it; words left over without initials pair up as given and family
    name. A single name comes back whole.
    """
    out: list[Span] = []
    text = doc.text[start:end]
    pos = 0
    for part in _SPLIT_WORDS.split(text):
        idx = text.find(part, pos)
        if idx < 0 or not part.strip():
            continue
        pos = idx + len(part)
        out.extend(_split_run(doc, start + idx, start + pos))
    return out


def _split_run(doc: Document, start: int, end: int) -> list[Span]:
    tokens = [(m.start() + start, m.end() + start, m.group()) for m in re.finditer(r"\S+", doc.text[start:end])]
    if len(tokens) <= 3 or not all(_NAME_TOKEN.match(t) for _, _, t in tokens):
        span = person_span(doc, start, end)
        return [span] if span is not None else []
    lead = _lead_end(doc.text[start:end])
    first = next((k for k, (a, _, _) in enumerate(tokens) if a >= start + lead), 0) if lead else 0
    if len(tokens) - first <= 3:
        span = person_span(doc, start, end)
        return [span] if span is not None else []
    initials = [k for k, (_, _, t) in enumerate(tokens) if _INITIAL.match(t) and k > first]
    starts = sorted({k - 1 for k in initials if not _INITIAL.match(tokens[k - 1][2]) and k - 1 > first} | {0})
    groups: list[tuple[int, int]] = []
    for n, s in enumerate(starts):
        e = starts[n + 1] if n + 1 < len(starts) else len(tokens)
        groups.append((s, e))
    out: list[Span] = []
    for s, e in groups:
        last_initial = max((k for k in initials if s <= k < e), default=None)
        if last_initial is None:
            out.extend(_pairs(doc, tokens, s, e))
            continue
        stop = last_initial + 2
        while stop < e and NAME_SUFFIX.match(tokens[stop][2]):
            stop += 1
        if (e - stop) % 2 == 1:
            stop += 1  # an odd word left over is a second family name ("Ana B. Cruz Vela")
        span = person_span(doc, tokens[s][0], tokens[min(stop, e) - 1][1])
        if span is not None:
            out.append(span)
        out.extend(_pairs(doc, tokens, stop, e))
    return out


def _lead_end(text: str) -> int:
    """Where the name starts after courtesy titles and a rank ("Dr.", "MAJ", "Lieutenant Colonel")."""
    offset = 0
    while True:
        p = TITLE_PREFIX.match(text, offset)
        after = p.end() if p else rank_prefix_end(text, offset)
        if after is None:
            return offset
        offset = after


def _pairs(doc: Document, tokens: list[tuple[int, int, str]], s: int, e: int) -> list[Span]:
    out = []
    k = s
    while k < e:
        stop = min(k + 2, e)
        while stop < e and NAME_SUFFIX.match(tokens[stop][2]):
            stop += 1
        span = person_span(doc, tokens[k][0], tokens[stop - 1][1])
        if span is not None:
            out.append(span)
        k = stop
    return out
