"""Pieces every report family shares: cover dates, labels read through OCR noise, names and organisations.

Agency and institute reports print their cover as a few short lines (title,
authors with their positions, date, issuing body, report number) that PDF
conversion may keep, run together on one line, or break mid-word ("P" /
"repared for Members …"). The helpers here work on character offsets of the
normalised text, not on lines, so the same rules read a cover whatever its
line breaks. Printed labels ("Congressional Research Service", "What GAO
Found") are matched with rapidfuzz so an OCR slip ("Sewice", "Govemment")
does not hide them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from usmxkg.document import Document, Span
from usmxkg.months import MONTH
from usmxkg.readers.lines import Line
from usmxkg.readers.names import person_span

FULL_DATE = rf"{MONTH}\s+\d{{1,2}},?\s+(?:19|20)\d{{2}}"
DAY_MONTH_YEAR = rf"\d{{1,2}}\s+{MONTH}\s+(?:19|20)\d{{2}}"
MONTH_YEAR = rf"{MONTH},?\s+(?:19|20)\d{{2}}"
DATE = re.compile(rf"\b(?:{FULL_DATE}|{DAY_MONTH_YEAR}|{MONTH_YEAR})\b")
"""A cover or release date as agencies print it: "August 21, 2009", "21 August 2009", "July 2009"."""

ISSUE_DATE = re.compile(
    rf"\b(?:{MONTH}\s*[-–/]\s*{MONTH}|(?:Winter|Spring|Summer|Fall|Autumn)(?:\s*[-–/]\s*(?:Winter|Spring|Summer|Fall))?"
    r"|(?:1st|2nd|3rd|4th|First|Second|Third|Fourth) Quarter),?\s+(?P<year>(?:19|20)\d{2})(?:\s*[-–/]\s*\d{2,4})?\b")
"""A periodical's issue date ("January-February 2012", "Winter 2011–12", "1st Quarter 2012"); its year is the date."""

WORD = r"[A-ZÁÉÍÓÚÑÜ][\w'’.-]*"
INITIAL = r"[A-Z]\."
PARTICLE = r"(?:de|del|de la|la|van|von|da|dos|di|le)"
HONORIFIC = r"(?:Dr\.|Prof\.|Professor|Mr\.|Ms\.|Mrs\.)"
NAME = re.compile(
    rf"(?:{HONORIFIC}[ \t]+)?(?:(?:{WORD}|{INITIAL})[ \t]+(?:{PARTICLE}[ \t]+)?){{1,4}}{WORD}"
    r"(?:,?[ \t]+(?:Jr\.|Sr\.|II|III|IV)\b)?")
"""A personal name as a cover prints it: two to five capitalised words or initials on a line, maybe an honorific."""

ORG_HEAD = frozenset({
    "university", "college", "school", "institute", "institution", "center", "centre", "office", "agency",
    "service", "command", "department", "bureau", "council", "foundation", "academy", "studies", "program",
    "programme", "laboratory", "division", "corporation", "commission", "ministry", "secretariat", "library",
})
"""Head nouns of organisation names ("… Defense University", "Center for … Studies")."""

ORG_LINK = frozenset({"for", "of", "and", "on", "the", "in", "de", "la", "del", "&"})
"""Words inside an organisation name that join its parts ("Institute for National Strategic Studies")."""


@dataclass(frozen=True, slots=True)
class Found:
    """A label found in the text: its offsets and how well it matched (rapidfuzz score 0-100)."""

    start: int
    end: int
    score: float


def find_label(text: str, label: str, start: int, end: int, cutoff: float = 88.0) -> Found | None:
    """The first place in ``text[start:end]`` where ``label`` is printed, tolerating OCR slips.

    Exact matches are found with a search; otherwise each line of the range is
    aligned with the label (rapidfuzz ``partial_ratio_alignment``), so a label
    run together with others on one line is still found.
    """
    exact = re.search(r"\s+".join(re.escape(word) for word in label.split()), text[start:end], re.IGNORECASE)
    if exact:
        return Found(start + exact.start(), start + exact.end(), 100.0)
    position = start
    for raw in text[start:end].split("\n"):
        if len(raw.strip()) >= len(label) * 0.8:
            found = fuzz.partial_ratio_alignment(label.lower(), raw.lower(), score_cutoff=cutoff)
            if found is not None and found.dest_end - found.dest_start >= len(label) * 0.8:
                begin, stop = found.dest_start, found.dest_end
                while begin > 0 and raw[begin - 1].isalnum():  # an OCR slip shifts the alignment inside a word
                    begin -= 1
                while stop < len(raw) and raw[stop].isalnum():
                    stop += 1
                return Found(position + begin, position + stop, found.score)
        position += len(raw) + 1
    return None


def label_line(line: Line, labels: tuple[str, ...], cutoff: float = 88.0) -> bool:
    """True when a whole line is one of ``labels`` (ignoring case, a trailing colon and OCR slips)."""
    text = line.text.rstrip(":").strip().lower()
    return any(fuzz.ratio(text, label.lower(), score_cutoff=cutoff) for label in labels)


_ABBREVIATION_END = re.compile(r"(?:\b[A-Z]|\bJr|\bSr|\bInc|\bCo|U\.S)\.$")


def trim(doc: Document, start: int, end: int, chars: str = " \t\n:;,.") -> Span | None:
    """The span of ``[start, end)`` without surrounding blanks and ``chars``; None when nothing is left.

    A final full stop is kept after an initial or abbreviation ("Jr.", "U.S.").
    """
    text = doc.text
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        if text[end - 1] == "." and _ABBREVIATION_END.search(text, max(start, end - 4), end):
            break
        end -= 1
    return doc.span(start, end) if end > start else None


def add_person(doc: Document, name: str, start: int, end: int) -> Span | None:
    """Record a person field from ``[start, end)`` without honorifics or degrees; returns the name's span."""
    span = person_span(doc, start, end)
    if span is not None and len(span.text.split()) >= 2:
        doc.add_field(name, span)
        return span
    return None


def organisations(doc: Document, start: int, end: int) -> list[Span]:
    """Organisation names in a run of capitalised words ("Center for X Studies National Defense University").

    A name ends at a head noun (:data:`ORG_HEAD`) that no joining word
    follows, or where the run of capitalised words ends after a head noun
    ("Department of Defense"); covers and mastheads print several names one
    after another without punctuation, and this is where one ends and the next
    begins.
    """
    spans: list[Span] = []
    first: int | None = None
    last_end = 0
    head = False
    words = list(re.finditer(r"[^\s,;]+", doc.text[start:end]))
    for index, match in enumerate(words):
        word = match.group()
        bare = word.strip("().").lower()
        capital = word[:1].isupper() or word.startswith("U.S")
        if first is None:
            if not capital:
                continue
            first, head = match.start(), False
        if capital:
            last_end = match.end()
        elif bare not in ORG_LINK:
            if head:
                spans.append(doc.span(start + first, start + last_end))
            first = None
            continue
        following = words[index + 1].group().lower() if index + 1 < len(words) else ""
        if bare in ORG_HEAD:
            head = True
            if following not in ORG_LINK:
                spans.append(doc.span(start + first, start + match.end()))
                first = None
    if first is not None and head:
        spans.append(doc.span(start + first, start + last_end))
    return spans


CONTENTS = re.compile(r"^(?:Contents|Table of Contents)\b:?", re.IGNORECASE)
_LEADER_ENTRY = re.compile(r"\.{4,}\s*\d|\s\d{1,3}$")


def mark_contents(doc: Document, lines: list[Line]) -> int:
    """Mark a contents listing (its label and the dot-leader entries under it) as a zone; returns its end or 0.

    The listing may be one line per entry or, run together, one long line of
    entries after the label.
    """
    for index, line in enumerate(lines):
        if not CONTENTS.match(line.text):
            continue
        last = index
        while last + 1 < len(lines) and _LEADER_ENTRY.search(lines[last + 1].text):
            last += 1
        if last == index and not _LEADER_ENTRY.search(line.text):
            continue
        doc.add_zone("contents", line.start, lines[last].end)
        return lines[last].end
    return 0
