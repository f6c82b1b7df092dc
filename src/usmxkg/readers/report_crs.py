"""Congressional Research Service products: reports, In Focus and Insight, read from their cover.

A CRS report cover (2005-2017 layout) prints the title, each author followed
by a position line ("Specialist in Latin American Affairs", "Analyst in …",
"Section Research Manager", "Legislative Attorney"), the date ("August 21,
2009"), "Congressional Research Service", the order code "7-5700",
"www.crs.gov", the report number (R40135, RL32724, RS22837), the series line
"CRS Report for Congress" and the addressee line (members and committees of
Congress); the next page repeats the title above "Summary". Later reports and the In Focus and
Insight products print "Updated DATE", the title, "https://crsreports.congress.gov"
and the product number (IF10578, IN11234). Conversions keep these lines,
run them together on one line, or break a word across lines; every rule here
works on offsets, so each layout is read by the same code.
"""

from __future__ import annotations

import re

from usmxkg.document import Document, Section, Span
from usmxkg.readers.lines import Line, blocks
from usmxkg.readers.report_parts import DATE, NAME, add_person, find_label, trim

CRS_NAME = "Congressional Research Service"
PREPARED = "Prepared for Members and Committees of Congress"
"""The addressee line of a CRS cover."""

DIVISION = (r"(?:Foreign Affairs, Defense,? and Trade|Domestic Social Policy|Government and Finance"
            r"|Resources, Science,? and Industry|American Law|Knowledge Services Group) Division")
"""The CRS research divisions older covers print under each author's position."""

MARKERS = re.compile(
    r"repared\s+for\s+Members\s+and\s+Committees\s+of\s+Congress|\b7-5700\b|www\.crs\.gov|crsreports\.congress\.gov"
    r"|^\s*CRS Report for Congress\s*$|Informing the legislative debate since 1914"
    r"|^\s*(?:CRS\s+)?(?:INSIGHT|IN FOCUS|In Focus|Insight)\s*$|^\s*Congressional Research Service\b"
    r"|Received through the CRS Web|\bOrder Code\s+(?:RL|RS|IB|R)\d{4,5}\b|^\s*CRS Report for Congress\s*$"
    rf"|{DIVISION}",
    re.MULTILINE,
)
"""Lines of a CRS cover or product header (the first letter of "Prepared" is often split off)."""

SPECIALIST = r"(?:Specia[l1I]ist|Ana[l1I]yst)"
"""Specialist/Analyst, also as OCR prints them ("Specia1ist", "AnaIyst")."""

ROLE = re.compile(
    rf"\b(?:(?:Senior|Acting|Visiting)\s+)?{SPECIALIST}\s+in\b|\b(?:Acting\s+)?Section\s+Research\s+Manager\b"
    r"|\bLegislative\s+Attorney\b|\b(?:Senior\s+)?(?:Information\s+Research\s+Specialist|Research\s+Librarian)\b"
)
"""The position line CRS prints under each author's name."""

FIELD_ROLE = re.compile(rf"{SPECIALIST}\s+in$")
"""Positions followed by a field of expertise ("Specialist in" + "Latin American Affairs")."""

FIELD_ENDS = frozenset({
    "affairs", "policy", "security", "trade", "finance", "relations", "studies", "economics", "law", "defense",
    "defence", "forces", "logistics", "energy", "health", "environment", "legislation", "terrorism",
    "nonproliferation", "immigration", "budget", "organization", "business", "transportation", "management",
    "government", "resources", "agriculture", "education", "science", "technology", "telecommunications",
    "intelligence", "development", "assistance", "politics", "programs", "operations", "infrastructure",
    "industry", "banking", "taxation", "appropriations", "procedure", "process", "issues", "systems",
    "weapons", "acquisition", "conservation", "aviation", "commerce", "markets", "labor", "welfare", "safety",
    "services", "administration", "analysis", "history", "statistics", "demography",
})
"""Last words of CRS fields of expertise: where a position ends and the next name begins on a run-together line."""

NUMBER = re.compile(r"(?<![\w/.-])(?:RL|RS|IB|IF|IN|R)\d{4,5}(?![\w-])")
"""A CRS report or product number ("Order Code RL32724" on older covers)."""
"""A CRS report or product number."""

SUMMARY = re.compile(r"(?:^|(?<=\s))Summary(?=\s*\n|\s+[A-Z])")
CONTENTS = re.compile(r"^\s*(?:Contents|Table of Contents)\s*$", re.MULTILINE)
PAGE_FOOTER = re.compile(
    r"^[ \t]*(?:Congressional Research Service[ \t]*\d*|https?://crsreports\.congress\.gov\b[^\n]*)[ \t]*$",
    re.MULTILINE)
"""Page footers of CRS reports and products (the service's name and page number, or its web address)."""
HEADING = re.compile(r"(?<=\n\n)[ \t]*[A-Z][^\n.:;]{2,78}[ \t]*(?=\n\n)")
"""A heading after the Summary: a short line standing alone between blank lines, not ending like a sentence."""
TITLED_LINE = re.compile(r"(?<=\n\n)[ \t]*(?P<title>[A-Z][^\n.:;,?!]{2,60}?)[ \t]*(?=\n[ \t]*[A-Z])")
"""A heading set directly above its first paragraph: a short line after a blank line, before a capitalised line."""
MINOR_WORDS = frozenset("a an and as at by for from in of on or the to with".split())
"""Words a heading in title case leaves in lower case."""
DATE_ONLY = re.compile(rf"^(?:(?:Updated|Revised)\s+)?(?:{DATE.pattern})(?:\s*\((?:RL|RS|IF|IN|R)\d{{4,5}}\))?$")
"""A cover's date line, "Updated DATE", or the web edition's "DATE (R45210)"."""

SIGNED = re.compile(
    rf"^[ \t]*(?P<name>{NAME.pattern})(?:,[ \t]+|[ \t]*\n[ \t]*)(?P<role>(?:{ROLE.pattern})[^\n]{{0,80}}?)[ \t]*$",
    re.MULTILINE)
"""An author at the end of a CRS product: "NAME, Analyst in …", or NAME above the position ("Author Information")."""

TAIL_CHARS = 3000
"""In Focus and Insight products sign and number themselves within this many characters of the end."""

COVER_CHARS = 4000
"""The cover and the repeated title above "Summary" lie within this many characters of the start."""

PROSE_CHARS = 250
"""A line this long that is not a run-together cover line is the start of the text."""

TITLE_LINES = 4


def read_cover(doc: Document, lines: list[Line]) -> int:
    """Record title, authors, first author's position, date, number and CRS; returns where the cover ends."""
    text = doc.text
    start = lines[0].start if lines else 0
    limit = min(len(text), start + COVER_CHARS)
    markers = list(MARKERS.finditer(text, start, limit))
    prepared = find_label(text, PREPARED[1:], start, limit)
    summary = SUMMARY.search(text, prepared.end if prepared else (markers[-1].end() if markers else start), limit)
    cover_end = summary.start() if summary else _prose_start(doc, lines, start, limit)
    repeat = None
    if prepared and summary:
        repeat = trim(doc, prepared.end, summary.start())
        if repeat is not None and not 8 <= len(repeat.text) <= 300:
            repeat = None
    first_role = ROLE.search(text, start, cover_end)
    title = _cover_title(doc, lines, start, cover_end, first_role, repeat)
    for span in (repeat, title):
        if span is not None:
            doc.add_field("title", span)
    authors_from = title.end if title is not None else start
    _authors(doc, authors_from, cover_end)
    if "author" not in doc.fields:
        _signed_authors(doc)
    _date(doc, start, cover_end, title)
    number = NUMBER.search(text, start, cover_end) or _tail_number(doc)
    if number:
        doc.add_field("report-number", doc.span(number.start(), number.end()))
    crs = find_label(text, CRS_NAME, start, cover_end if cover_end > start else limit) or find_label(
        text, CRS_NAME, max(start, len(text) - TAIL_CHARS), len(text))
    if crs is not None:
        doc.add_field("corporate-author", doc.span(crs.start, crs.end))
        doc.add_field("publisher", doc.span(crs.start, crs.end))
    if summary:
        _abstract(doc, summary, len(text))
    for footer in PAGE_FOOTER.finditer(text, cover_end):
        doc.add_zone("furniture", footer.start() + len(footer.group()) - len(footer.group().lstrip()), footer.end())
    return summary.start() if summary else cover_end


def _signed_authors(doc: Document) -> None:
    """In Focus and Insight products name their authors at the end: "NAME, Specialist in …" lines."""
    tail = max(0, len(doc.text) - TAIL_CHARS)
    for match in SIGNED.finditer(doc.text, tail):
        person = add_person(doc, "author", match.start("name"), match.end("name"))
        if person is not None and len(doc.fields["author"]) == 1:
            doc.add_field("author-title", doc.span(match.start("role"), match.end("role")))


def _prose_start(doc: Document, lines: list[Line], start: int, limit: int) -> int:
    """Start of the first paragraph of text: a long line, or a block of hard-wrapped lines, with no cover lines."""
    for block in blocks(doc.text, [line for line in lines if start <= line.start < limit]):
        if any(ROLE.search(line.text) or MARKERS.search(line.text) for line in block):
            continue
        if len(block[0]) >= PROSE_CHARS or (len(block) >= 3 and all(len(line) >= 40 for line in block[:-1])):
            return block[0].start
    return min(limit, lines[-1].end if lines else start)


def _cover_title(doc: Document, lines: list[Line], start: int, end: int, first_role: re.Match[str] | None,
                 repeat: Span | None) -> Span | None:
    """The title at the top of the cover: title lines before the first author, joined across line breaks."""
    text = doc.text
    chosen: list[Line] = []
    block_of = {line.start: (k, len(block)) for k, block in enumerate(blocks(text, lines)) for line in block}
    for index, line in enumerate(lines):
        if line.start >= end or len(chosen) >= TITLE_LINES:
            break
        block, size = block_of[line.start]
        if chosen and block != block_of[chosen[-1].start][0] and size >= 3 and not ROLE.search(line.text):
            break  # a block of hard-wrapped prose (or the author block) follows the title
        role, marker = ROLE.search(line.text), MARKERS.search(line.text)
        run_together = repeat is None and role is not None and marker is not None and role.start() < marker.start()
        if DATE_ONLY.match(line.text) or (marker and not chosen and not run_together):
            if chosen:
                break
            continue  # a marker line above the title; a cover run together on one line, with no repeat, opens with it
        if ROLE.search(line.text) or MARKERS.search(line.text):
            return _run_together_title(doc, chosen, line, first_role, repeat)
        following = lines[index + 1] if index + 1 < len(lines) else None
        if following is not None and ROLE.match(following.text) and NAME.fullmatch(line.text):
            break  # this line is the first author's name
        if len(line) > 160:
            break
        chosen.append(line)
    if not chosen:
        return None
    return trim(doc, chosen[0].start, chosen[-1].end) if text[chosen[0].start:chosen[-1].end].strip() else None


def _run_together_title(doc: Document, chosen: list[Line], line: Line, first_role: re.Match[str] | None,
                        repeat: Span | None) -> Span | None:
    """The title when the first author (or a cover marker) shares a line with the end of the title."""
    text = doc.text
    begin = chosen[0].start if chosen else line.start
    stop = first_role.start() if first_role and line.start <= first_role.start() < line.end else line.start
    if repeat is not None:
        found = find_label(text, " ".join(repeat.text.split()), begin, max(stop, begin))
        if found is not None and found.start - begin <= 3:
            return trim(doc, begin, found.end)
    if stop > line.start:
        name = _trailing_name(doc, line.start, stop)
        cut = name.start if name is not None else stop
        if cut > begin:
            return trim(doc, begin, cut)
    return trim(doc, begin, chosen[-1].end) if chosen else None


def _authors(doc: Document, start: int, end: int) -> None:
    """Each author before a position line; the first author's position as ``author-title``."""
    text = doc.text
    roles = list(ROLE.finditer(text, start, end))
    boundary = start
    for index, role in enumerate(roles):
        line_start = text.rfind("\n", 0, role.start()) + 1
        if not text[max(line_start, boundary):role.start()].strip():
            previous_end = text.rfind("\n", 0, line_start - 1) if line_start else -1
            name_start, name_end = max(previous_end + 1, boundary), max(line_start - 1, boundary)
        else:
            name_start, name_end = max(line_start, boundary), role.start()
        name_span = trim(doc, name_start, name_end)
        if name_span is not None and not NAME.fullmatch(name_span.text):
            name_span = _trailing_name(doc, name_span.start, name_span.end)
        role_end, boundary = _role_end(doc, role, roles[index + 1] if index + 1 < len(roles) else None, end)
        if name_span is None:
            continue
        person = add_person(doc, "author", name_span.start, name_span.end)
        if person is not None and index == 0:
            position = trim(doc, role.start(), role_end)
            if position is not None:
                doc.add_field("author-title", position)


def _role_end(doc: Document, role: re.Match[str], following: re.Match[str] | None, end: int) -> tuple[int, int]:
    """Where a position ends, and where the next author's name begins (they coincide except run together)."""
    text = doc.text
    line_end = text.find("\n", role.end(), end)
    limit = end if line_end < 0 else line_end
    date = DATE.search(text, role.end(), limit)
    if date:
        limit = date.start()
    if following is None or following.start() > limit:
        return limit, limit
    if not FIELD_ROLE.search(role.group()):
        return role.end(), role.end()
    words = list(re.finditer(r"\S+", text[role.end():following.start()]))
    cut = None
    for k, word in enumerate(words[:-1]):
        if word.group().strip(",.;").lower() in FIELD_ENDS and len(words) - k - 1 >= 2:
            cut = k
    if cut is None:
        cut = max(len(words) - (3 if len(words) >= 3 and re.fullmatch(r"[A-Z]\.", words[-2].group()) else 2) - 1, 0)
    split = role.end() + words[cut].end() if words else role.end()
    return split, split


def _trailing_name(doc: Document, start: int, end: int) -> Span | None:
    """The personal name that ends ``[start, end)``: its last two or three capitalised words."""
    words = list(re.finditer(r"\S+", doc.text[start:end]))
    if len(words) < 2:
        return None
    take = 3 if len(words) >= 3 and re.fullmatch(r"[A-Z]\.", words[-2].group()) else 2
    if not all(w.group()[:1].isupper() for w in words[-take:]):
        return None
    return doc.span(start + words[-take].start(), start + words[-1].end())


def _date(doc: Document, start: int, end: int, title: Span | None) -> None:
    for match in DATE.finditer(doc.text, start, end):
        if title is None or not title.start <= match.start() < title.end:
            doc.add_field("date", doc.span(match.start(), match.end()))
            return


def _tail_number(doc: Document) -> re.Match[str] | None:
    """In Focus and Insight products print their number at the end, on a line of its own."""
    tail_start = max(0, len(doc.text) - TAIL_CHARS)
    for match in re.finditer(r"^\s*((?:IF|IN|R)\d{4,5})\s*$", doc.text[tail_start:], re.MULTILINE):
        return NUMBER.search(doc.text, tail_start + match.start(1), tail_start + match.end(1))
    return None


def _titled_heading(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first heading in title case set directly above its paragraph ("Introduction" then its text)."""
    for match in TITLED_LINE.finditer(text, start, end):
        words = match.group("title").split()
        if all(w[0].isupper() or w in MINOR_WORDS for w in words):
            return match
    return None


def _abstract(doc: Document, summary: re.Match[str], end: int) -> None:
    """The Summary, from its heading to the contents, a page footer or the end of the text; also a section."""
    start = summary.end()
    stops = [m.start() for m in (CONTENTS.search(doc.text, start, end), PAGE_FOOTER.search(doc.text, start, end),
                                 HEADING.search(doc.text, start, end), _titled_heading(doc.text, start, end)) if m]
    stop = min(stops) if stops else end
    span = trim(doc, start, stop, " \t\n")
    if span is not None and len(span.text) >= 40:
        doc.add_field("abstract", span)
        heading = doc.span(summary.start(), summary.end())
        doc.sections.append(Section("", heading, 1, doc.span(heading.start, span.end)))
