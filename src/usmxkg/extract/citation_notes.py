"""Footnotes → parsed works (CMOS 17, 14.20–14.34): natural-order authors, comma-separated parts, locators.

A note writes the author in natural order and separates the parts with
commas, the facts of publication in parentheses, and ends with the pages
cited; a note may cite several works ("A; B") or be commentary citing none.
:func:`parse_note` returns the first work a note describes; the note parts
are what :mod:`usmxkg.extract.citations` iterates over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from usmxkg.extract.citation_text import (
    EDITION,
    EDITORS,
    IBID,
    IN_TITLE,
    JOURNAL,
    LEAD_IN,
    MID_LEAD_IN,
    OPEN_QUOTES,
    PRESENTED,
    THESIS,
    YEAR_RANGE,
    container_ok,
    first_top,
    is_date,
    is_person,
    natural_names,
    publication_facts,
    split_quoted,
    split_top,
    strip_end,
    strip_locator,
    take_web,
    titleish,
    top_segments,
    work_kind,
    year_in,
)
from usmxkg.extract.works import Work

# --- notes -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NoteParse:
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
    if not s or s[0] in OPEN_QUOTES:
        return [((), 0)]
    quote = first_top(s, "“\"(<")
    limit = quote if quote > 0 else len(s)
    head = s[:limit]
    ranges = split_top(head, ", ")
    first_text = head[ranges[0][0] : ranges[0][1]].strip()
    first = natural_names(first_text)
    if first is None:
        return [((), 0)]
    first_end = ranges[0][1]
    options: list[tuple[tuple[str, ...], int]] = []
    if " and " not in first_text and " & " not in first_text:
        names = list(first)
        for a, b in ranges[1:8]:
            seg = head[a:b].strip()
            more = natural_names(seg)
            if more is None or not all(is_person(n) for n in more):
                break
            names.extend(more)
            if re.match(r"(?:and|&)\s", seg) or " and " in seg:
                rest = s[b:].lstrip(" ,")
                body, _ = strip_locator(rest)
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
                     modified: str) -> NoteParse | None:
    """A note part after its authors: title, then container and facts of publication."""
    rest = s[pos:].lstrip(" ,")
    rest, locator = strip_locator(rest)
    container = place = publisher = year = pages = ""
    chapter = thesis = journal = presented = False
    quoted = split_quoted(rest)
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
    paren = first_top(after, "(")
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
        container = strip_end(body[:cut])
    thesis_m = THESIS.search(inside) if inside else THESIS.match(after)
    if thesis_m and (inside or after.startswith(thesis_m.group("type"))):
        thesis = True
        publisher = strip_end(thesis_m.group("school"))
        year = thesis_m.group("year") or ""
    elif PRESENTED.match(after):
        presented = True
        container = container_ok(top_segments(PRESENTED.sub("", after))[0])
        year = year_in(after)
    elif inside and (fm := publication_facts(inside)):
        has_facts = True
        place = (fm.group("place") or "").strip()
        publisher = fm.group("pub").strip()
        year = fm.group("year")
        pre = strip_end(after[:paren])
        if not chapter and quoted is not None:
            container = container_ok(pre)
    elif not chapter and quoted is not None and (jm := JOURNAL.match(after)):
        journal = True
        container = container_ok(jm.group("c"))
        year = year_in(jm.group("d"))
        pages = jm.group("p") or ""
    elif not chapter and after:
        segs = top_segments(after)
        fm = publication_facts(after)
        if fm and fm.group("place"):
            has_facts = True
            place, publisher, year = fm.group("place").strip(), fm.group("pub").strip(), fm.group("year")
        else:
            year_at = next((i for i, seg in enumerate(segs) if is_date(seg)), -1)
            if quoted is None and year_at > 0 and not url:
                has_facts = True
                publisher = ", ".join(segs[:year_at])
            elif year_at != 0:
                container = container_ok(segs[0])
            year = year_in(*segs)
    if chapter and inside and (fm := publication_facts(inside)):
        has_facts = True
        place = (fm.group("place") or "").strip()
        publisher = fm.group("pub").strip()
        year = fm.group("year")
    year = year or year_in(modified)
    pages = locator or pages
    kind = work_kind(quoted is not None, chapter=chapter, thesis=thesis, journal=journal, presented=presented,
                 container=container, publisher=publisher, url=url, accessed=accessed, year=year)
    if not title and not authors:
        return None
    work = Work(tuple(authors), title, container, publisher, place, year, pages, url, accessed, kind)
    full = bool(url or accessed or publisher or place or year or thesis or has_facts)
    if quoted is None and not authors and not full:
        return None  # an unquoted phrase with nothing else: commentary
    if quoted is None and not authors and not titleish(title):
        return None
    plausible = full or quoted is not None or (bool(title) and titleish(title))
    return NoteParse(work, short=not full, plausible=plausible)


def _unquoted_note_title(rest: str, authored: bool) -> tuple[str, str]:
    """A book, report or page title written without quotation marks, and what follows it."""
    paren = first_top(rest, "(")
    if paren >= 0:
        head = strip_end(rest[:paren])
        head = EDITORS.sub("", EDITION.sub("", head)) if not head.lower().startswith("in ") else head
        return strip_end(EDITION.sub("", head)), rest[paren:]
    head = strip_end(rest)
    ranges = split_top(head, ", ")
    colon = head.find(": ")
    if colon >= 0:
        for a, b in ranges[1:]:
            if a > colon and not YEAR_RANGE.fullmatch(head[a:b].strip()):
                return strip_end(head[: a - 2]), head[a:]  # "…, 1848–1910" ends the title itself
        return head, ""
    if not authored:
        a, b = ranges[0]
        return strip_end(head[a:b]), head[b:]
    segs = [head[a:b].strip() for a, b in ranges]
    if len(segs) > 1 and any(is_date(seg) for seg in segs[1:]):
        return segs[0], head[ranges[0][1] :]
    return strip_end(EDITION.sub("", head)), ""




def _note_part_parses(text: str) -> list[NoteParse]:
    """Readings of one note part (without signal words), most specific first; [] if not a citation."""
    s, url, accessed, modified = take_web(text)
    s = IN_TITLE.sub("", s)
    out: list[NoteParse] = []
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
    for _start, _end, parses in note_parts(text):
        if isinstance(parses, list):
            return fallback_parse(parses).work
    return None


def fallback_parse(parses: list[NoteParse]) -> NoteParse:
    """The reading kept when no earlier description settles the choice."""
    first = parses[0]
    if len(parses) > 1 and _has_one_word_name(first.work.authors[1:]):
        return parses[-1]  # "Smith, Ships, Sailors, and Spies": one-word co-authors are ambiguous
    return first


_Part = tuple[int, int, list[NoteParse] | str]
"""(start, end) of a part within the note and its readings, or the Ibid. locator as a string."""


def note_parts(note: str) -> list[_Part]:
    """The sources a note cites: parts split at top-level semicolons, signal words skipped."""
    out: list[_Part] = []
    for a, b in split_top(note, ";"):
        raw = note[a:b]
        lead = len(raw) - len(raw.lstrip())
        start, end = a + lead, a + len(raw.rstrip())
        if start >= end:
            continue
        part = note[start:end]
        m = LEAD_IN.match(part)
        if m:
            start += m.end()
            part = note[start:end]
        ib = IBID.match(part)
        if ib:
            out.append((start, end, _locator_text(ib.group("loc") or "")))
            continue
        parses = _note_part_parses(part)
        if not parses or not (parses[0].work.authors or split_quoted(part) is not None):
            # commentary first, the source after a signal: "For a discussion …, see Name, Title …"
            for lead_in in MID_LEAD_IN.finditer(part):
                parses = _note_part_parses(part[lead_in.end() :])
                if parses:
                    start += lead_in.end()
                    break
        if parses:
            out.append((start, end, parses))
    return out


def _locator_text(loc: str) -> str:
    return " ".join(loc.strip(" .,").split())

