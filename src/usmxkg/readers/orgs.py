"""Organisation names as title pages and forms print them: what is a name, what is its address.

The organisation boxes of a Report Documentation Page (SF 298 box 7 and 9,
DD Form 1473 box 9, 11 and 14) hold a mailing address: one or more
organisation lines (a department, then its college) followed by street,
city, state and ZIP (U.S. Postal Service Publication 28 order), written one
part a line, run together with commas, or separated by ",," as DTIC's
generated forms do ("School of …,,Air University,,Maxwell Air Force
Base,,AL"). Title pages print the schools the same way ("US ARMY WAR
COLLEGE, CARLISLE BARRACKS, PENNSYLVANIA") or as a run of capitals when a
host site flattened the page. :func:`organisation_parts` keeps the
organisation names and drops the address; :func:`org_run_end` finds where an
organisation name ends in run-together capitals.
"""

from __future__ import annotations

import re

US_STATES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|District of Columbia|Florida"
    "|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts"
    "|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico"
    "|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina"
    "|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming"
)
STATE_CODES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC"
    "|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY"
)
_ZIP = r"\d{5}(?:-\d{4})?"
STATE_PART = re.compile(
    rf"^(?:(?i:{US_STATES})|(?:{STATE_CODES}))\.?(?:\s+{_ZIP})?$|^{_ZIP}$|^(?:(?i:{US_STATES})|(?:{STATE_CODES}))\s*,?\s*USA?$"
)
"""A state (name or USPS code) with or without its ZIP code, or a ZIP code alone."""

CITY_STATE = re.compile(
    rf"(?P<city>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,4}}),\s+(?:(?i:{US_STATES})|(?:{STATE_CODES}))\b\.?"
    rf"(?:\s*,?\s*{_ZIP})?(?:\s*,?\s*USA?)?"
)
"""A place as the last line of an address or a title page prints it: "Fort Leavenworth, Kansas", "Newport, RI 02841"."""

STREET = re.compile(
    r"^(?:\d+[A-Za-z]?\s|P\.?\s?O\.?\s+Box\b|ATTN\b|Attn\b|Building\b|Bldg\b|Suite\b|Room\b)"
    r"|\b(?:Street|St\.|Road|Rd\.|Avenue|Ave\.?|Way|Drive|Dr\.|Boulevard|Blvd\.?|Lane|Circle|Highway|Hall|Building"
    r"|Bldg\.?|Suite|Room)\s*$",
    re.IGNORECASE,
)
"""A street line of an address: a house number, a post-office box, an ATTN line, a street name."""

TERMINAL_HEADS = frozenset({
    "COLLEGE", "UNIVERSITY", "SCHOOL", "ACADEMY", "INSTITUTE", "STUDIES", "CENTER", "CENTRE", "LIBRARY",
    "ARCHIVE", "SEMINARY", "LABORATORY", "LABORATORIES", "UNIVERSIDAD", "ESCUELA", "COLEGIO",
})
"""Words that end a school's name unless a connector follows ("School of …", "College and …")."""

HEADS = TERMINAL_HEADS | frozenset({
    "COMMAND", "DEPARTMENT", "AGENCY", "OFFICE", "SERVICE", "CORPS", "ARMY", "NAVY", "FORCE", "GUARD",
    "BUREAU", "ADMINISTRATION", "COMMISSION", "COUNCIL", "MINISTRY", "DIRECTORATE", "DIVISION", "GROUP",
    "PROGRAM", "PROGRAMS", "FACULTY", "FOUNDATION", "SECRETARIAT", "SECRETARÍA", "POLICE", "MARINES",
})
"""Head words of organisation names (upper-cased): a line naming an organisation holds one."""

CONNECTORS = frozenset({"OF", "AND", "FOR", "THE", "ON", "IN", "&", "DE", "DEL", "LA", "Y"})

_WORD = re.compile(r"[^\s,;]+")


def _bare(word: str) -> str:
    return word.strip(".,;:()[]'’\"").upper()


def has_head(text: str) -> bool:
    """True when ``text`` holds an organisation head word.

    >>> has_head("U.S. Army War College"), has_head("Carlisle Barracks")
    (True, False)
    """
    return any(_bare(w) in HEADS for w in text.split())


def is_place(text: str) -> bool:
    """A city and state, as a title page or an address prints it ("MONTEREY, CALIFORNIA").

    >>> is_place("Fort Leavenworth, Kansas"), is_place("Naval Postgraduate School")
    (True, False)
    """
    m = CITY_STATE.fullmatch(text.strip().rstrip("."))
    return m is not None and not any(_bare(w) in TERMINAL_HEADS for w in m.group("city").split())


def org_run_end(text: str, pos: int) -> int | None:
    """End of the organisation name that starts at ``pos`` in run-together capitals, or None.

    The name runs over capitalised words and connectors and ends at the first
    terminal head word ("COLLEGE", "UNIVERSITY", "STUDIES") that no connector
    follows; a run without one is no name.

    >>> s = "SCHOOL OF ADVANCED MILITARY STUDIES NORTH UNIVERSITY FORT ROSS, TEXAS"
    >>> s[:org_run_end(s, 0)]
    'SCHOOL OF ADVANCED MILITARY STUDIES'
    >>> org_run_end("EXPLOITING THE GAPS by", 0) is None
    True
    """
    words = list(_WORD.finditer(text, pos))
    for k, m in enumerate(words):
        word = m.group()
        bare = _bare(word)
        if bare in CONNECTORS and k > 0:
            continue
        if not (word[:1].isupper() or word.startswith(("U.S.", "US"))):
            return None
        if bare in TERMINAL_HEADS:
            nxt = _bare(words[k + 1].group()) if k + 1 < len(words) else ""
            gap = text[m.end():words[k + 1].start()] if k + 1 < len(words) else ""
            if nxt not in CONNECTORS or "," in gap:
                return m.end()
        if k >= 14:
            return None
    return None


def organisation_parts(text: str) -> list[tuple[int, int]]:
    """Offsets (into ``text``) of the organisation names of an address block, address dropped.

    >>> block = "Joint Warfare Department\\nState War College\\n12 Elm Road\\nNewport, RI 02841-1207"
    >>> [block[a:b] for a, b in organisation_parts(block)]
    ['Joint Warfare Department', 'State War College']
    >>> block = "Coastal Studies Institute,,Gulf University,,Keesler Air Force Base,,MS"
    >>> [block[a:b] for a, b in organisation_parts(block)]
    ['Coastal Studies Institute', 'Gulf University']
    >>> block = "Naval Test School Monterey, CA 93943-5000"
    >>> [block[a:b] for a, b in organisation_parts(block)]
    ['Naval Test School']
    >>> organisation_parts("SAME")
    []
    """
    parts = _parts(text)
    kinds = [_part_kind(text[a:b]) for a, b in parts]
    stop = len(parts)
    for k, kind in enumerate(kinds):
        if kind in ("street", "state"):
            stop = k
            break
    if stop < len(parts) and kinds[stop] == "state" and stop > 0:
        stop -= 1  # the city stands before the state
        if stop == 0 or all(kinds[j] != "org" for j in range(stop)):
            a, b = parts[stop]
            cut = _cut_after_head(text, a, b)
            return [(a, cut)] if cut is not None else []
    out: list[tuple[int, int]] = []
    for (a, b), kind in zip(parts[:stop], kinds[:stop], strict=True):
        if kind != "org":
            continue
        gap = text[out[-1][1]:a] if out else ""
        if out and gap.strip() == "," and "\n" not in gap and not has_head(text[a:b]):
            out[-1] = (out[-1][0], b)  # a comma inside the name: "Department of Strategy, Planning, and Operations"
        else:
            out.append((a, b))
    return out


def _parts(text: str) -> list[tuple[int, int]]:
    """Pieces of an address block: lines, then comma-separated parts (",," as one separator)."""
    out: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\n,]+", text):
        a, b = m.start(), m.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return _join_street_lines(text, out)


def _join_street_lines(text: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A street wrapped onto the next line ("2950 Hobson" / "Way") is one part."""
    out: list[tuple[int, int]] = []
    for a, b in parts:
        if out and _part_kind(text[out[-1][0]:out[-1][1]]) == "street" and "\n" in text[out[-1][1]:a] \
                and "," not in text[out[-1][1]:a] and len(text[a:b].split()) <= 2 and not STATE_PART.match(text[a:b]):
            out[-1] = (out[-1][0], b)
            continue
        out.append((a, b))
    return out


_EMPTY = re.compile(r"^(?:SAME|N/?A|None|Same as (?:above|block \d+))\.?$", re.IGNORECASE)
_JUNK = re.compile(r"^[\W\d_]{0,3}$|^[A-Za-z]$")


def _part_kind(part: str) -> str:
    """org, street, state, empty or other."""
    part = part.strip()
    if _EMPTY.match(part) or _JUNK.match(part):
        return "empty"
    if STATE_PART.match(part) or (CITY_STATE.fullmatch(part) and not has_head(part)):
        return "state"
    if STREET.search(part):
        return "street"
    if re.search(r"https?://|www\.|@|\(\d{3}\)", part):
        return "street"
    return "org" if any(c.isalpha() for c in part) else "empty"


def _cut_after_head(text: str, a: int, b: int) -> int | None:
    """End of the last head word in ``text[a:b]`` ("Naval Test School Monterey" → after "School")."""
    last = None
    for m in _WORD.finditer(text, a, b):
        if _bare(m.group()) in HEADS:
            last = m.end()
    return last
