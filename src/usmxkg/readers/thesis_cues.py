"""Detection cues of theses and school papers: the conventions their first pages share.

A thesis or a paper of a degree-granting or professional military school
announces itself on its first pages, which is all a short excerpt keeps:

* the Report Documentation Page (SF 298 / DD Form 1473): its heading, even
  mid-line after a host's page number, or three of its box labels;
* the school's statement of what the work was submitted for ("A thesis
  presented to the Faculty of …", "A Research Report Submitted to the
  Faculty", "in partial fulfillment of the requirements", "in partial
  satisfaction of …", "for completion of graduation requirements");
* the kind-of-work line ("THESIS", "A Monograph", "Strategy Research
  Project", "STUDENT ESSAY");
* the "by" line and committee labels ("Thesis Advisor:", "Instructor:");
* a distribution statement and the author's disclaimer ("The views expressed
  in this … paper are those of the author");
* a repository's cover sheet before the work ("Downloaded from … Archive");
* the school's report number ("AU/ACSC/…") or a series number on a line of
  its own ("XYZ Report 10-2").

Phrases are matched on the first pages with rapidfuzz's partial ratio, which
forgives OCR slips ("partial fulfilhnent", "Faculty" read as "Facultv").
Body features (table of contents, chapters, footnote markers, a list of
references, length) add weight for full texts.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from usmxkg.readers.cues import Cue, Sample, flag
from usmxkg.readers.page_vocabulary import LABEL

FRONT_CHARS = 8_000
"""The cues of the first pages look this far (host clutter included)."""

LONG_TEXT = 60_000
"""Characters beyond which a text is a full-length work, not a record or a release."""

FUZZY_CUTOFF = 90

_M = re.MULTILINE
_I = re.IGNORECASE
_SF298_HEADING = re.compile(r"(?:^|\n)[ \t]*(?:[\d•·*|]{1,4}[ \t]+)?REPORT\s+DOCUMENTATION\s+PAGE\b", _I)
_BOX_LABELS = re.compile(
    r"\b(?:REPORT\s+DATE|REPORT\s+TYPE|DATES\s+COVERED|TITLE\s+AND\s+SUBTITLE|TITLE\s*\(and\s+Subtitle\)"
    r"|AUTHOR\s*\(S\)|PERFORMING\s+ORGANI[SZ]ATION|SPONSORING\s*/\s*MONITORING|DISTRIBUTION\s*/\s*AVAILABILITY"
    r"|SUBJECT\s+TERMS|NUMBER\s+OF\s+PAGES|SECURITY\s+CLASSIFICATION|LIMITATION\s+OF\s+ABSTRACT|CONTRACT\s+NUMBER"
    r"|GRANT\s+NUMBER|WORK\s+UNIT\s+NUMBER|GOVT\s+ACCESSION|RECIPIENT['’]?S\s+CATALOG|READ\s+INSTRUCTIONS)\b", _I)
_STATEMENT_PHRASES = (
    "in partial fulfillment of the requirements",
    "in partial satisfaction of the requirements",
    "for completion of graduation requirements",
    "partial fulfillment of the graduation requirements",
)
_FACULTY_PHRASES = (
    "a thesis presented to the faculty of",
    "research report submitted to the faculty",
    "a paper submitted to the faculty of",
    "a monograph submitted to the faculty",
    "submitted to the faculty of the",
)
_KIND_LINE = re.compile(
    r"^[ \t•·]*(?:THESIS|DISSERTATION|MASTER['’]S THESIS|DOCTORAL DISSERTATION|CAPSTONE PROJECT(?: REPORT)?"
    r"|MBA PROFESSIONAL REPORT|(?:A )?Monograph|(?:USAWC )?(?:Strategy|STRATEGY|Civilian|CIVILIAN)"
    r" (?:Research|RESEARCH) (?:Project|PROJECT|Paper|PAPER)|STUDENT(?:\s+|\n\s*\n?\s*)ESSAY|(?:A )?Research Report)"
    r"[ \t]*$", _M)
_BY_LINE = re.compile(
    r"^[ \t•·]*(?:by|BY|By)[ \t]*$|(?<=\s)(?:by|BY)\s+(?:MAJOR|LIEUTENANT|COLONEL|CAPTAIN|COMMANDER)\s", _M)
_RELEASE = re.compile(
    r"Approved\s+for\s+public\s+release|DISTRIBUTION\s+(?:STATEMENT\s*:?\s*)?A\b\s*[.:]|Distribution\s+A\s*:", _I)
_DISCLAIMER = re.compile(
    r"views\s+expressed\s+in\s+this\s+(?:[\w-]+\s+){0,4}?(?:are|is)\s+(?:those\s+of\s+the\s+author|the\s+author)", _I)
_REPORT_NUMBER = re.compile(
    r"^[ \t]*(?:AU/[A-Z]{2,6}/"
    r"|[A-Z]{2,8}[ \t]+(?:Report|Paper|Monograph)[ \t]+(?:No\.[ \t]*)?\d{1,3}[-–]\d{1,3}[ \t]*$)", _M)
_COVER_SHEET = re.compile(r"Downloaded\s+from\s+(?:the\s+)?(?:[\w&'’.-]+\s+){0,4}?(?:Archive|Repository)\b", _I)
"""A repository's cover sheet put before the thesis it serves (not a catalogue page, which says no such thing)."""
_DEGREE = re.compile(
    r"\b(?:MASTER|DOCTOR)\s+OF\s+(?:SCIENCE|ARTS|PHILOSOPHY|BUSINESS\s+ADMINISTRATION|MILITARY\s+ART|STRATEGIC\s+STUDIES"
    r"|OPERATIONAL\s+ART)\b", _I)
_TOC = re.compile(r"^\s*TABLE OF CONTENTS\s*$", _M | _I)
_CHAPTER = re.compile(r"^[ \t]*(?:[IVX]{1,5}\.|CHAPTER \d+\.?|CHAPTER [IVX]+\.?)[ \t]+[A-Z][A-Z ,:;'’&-]{3,}$", _M)
_CHAPTER_LINE = re.compile(r"^[ \t]*CHAPTER[ \t]+(?:\d+|[IVX]+|ONE|TWO|THREE|FOUR|FIVE)[ \t]*$", _M | _I)
_REFERENCE_LIST = re.compile(
    r"^\s*(?:LIST OF REFERENCES|BIBLIOGRAPHY|WORKS CITED|INITIAL DISTRIBUTION LIST|REFERENCE LIST)\s*$", _M | _I)
_SUPERSCRIPTS = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
_MARK_BEFORE = frozenset(".,;:”\")’")


def _front(s: Sample) -> str:
    return s.head[:FRONT_CHARS]


def _flat_front(s: Sample) -> str:
    return " ".join(_front(s).split()).casefold()


def documentation_page(s: Sample) -> float:
    """The form's heading, or three different box labels of it."""
    front = s.head[:FRONT_CHARS * 3]
    if _SF298_HEADING.search(front):
        return 1.0
    labels = {" ".join(m.group().upper().split()) for m in _BOX_LABELS.finditer(front)}
    return 1.0 if len(labels) >= 3 else 0.0


def _fuzzy(s: Sample, phrases: tuple[str, ...]) -> float:
    front = _flat_front(s)
    return float(any(fuzz.partial_ratio(p, front, score_cutoff=FUZZY_CUTOFF) for p in phrases))


def submission_statement(s: Sample) -> float:
    """What the work was submitted for: in partial fulfillment of the (graduation) requirements."""
    return _fuzzy(s, _STATEMENT_PHRASES)


def faculty_statement(s: Sample) -> float:
    """A school's statement naming its faculty: "A thesis presented to the Faculty of …"."""
    return _fuzzy(s, _FACULTY_PHRASES)


def title_page(s: Sample) -> float:
    """Kind-of-work line, "by" line, committee label: each a third of the cue."""
    front = _front(s)
    return (bool(_KIND_LINE.search(front)) + bool(_BY_LINE.search(front)) + bool(LABEL.search(front))) / 3


def front_matter(s: Sample) -> float:
    """A distribution statement and the author's disclaimer: half each."""
    front = _front(s)
    return (bool(_RELEASE.search(front)) + bool(_DISCLAIMER.search(front))) / 2


def chapters(s: Sample) -> float:
    return float(s.count(_CHAPTER) >= 2 or s.count(_CHAPTER_LINE) >= 2)


def footnote_marks(s: Sample) -> float:
    """Superscript note markers after words or punctuation (20 make the full cue)."""
    count = 0
    for text in (s.head, s.tail):
        for m in _SUPERSCRIPTS.finditer(text):
            before = text[m.start() - 1] if m.start() else " "
            if before.isalnum() or before in _MARK_BEFORE:
                count += 1
                if count >= 20:
                    return 1.0
    return count / 20


def long_text(s: Sample) -> float:
    """A full-length work (used as evidence against records and short forms too)."""
    return float(s.length >= LONG_TEXT)


CUES: tuple[Cue, ...] = (
    Cue("report documentation page (SF 298 / DD 1473)", 3.0, documentation_page),
    Cue("submitted in partial fulfillment of the requirements", 3.0, submission_statement),
    Cue("school statement (presented / submitted to the Faculty of)", 3.0, faculty_statement),
    Cue("title page: kind of work / by / committee label", 3.0, title_page),
    Cue("distribution statement and author's disclaimer", 1.5, front_matter),
    Cue("repository cover sheet (Downloaded from … Archive)", 1.5,
        lambda s: float(bool(_COVER_SHEET.search(_front(s))))),
    Cue("school or series report number (AU/…/, XYZ Report 10-2)", 1.0,
        lambda s: float(bool(_REPORT_NUMBER.search(_front(s))))),
    Cue("table of contents", 1.5, flag(_TOC)),
    Cue("numbered chapter headings", 1.0, chapters),
    Cue("list of references", 1.0, flag(_REFERENCE_LIST)),
    Cue("superscript footnote markers", 2.0, footnote_marks),
    Cue("degree statement", 1.0, lambda s: float(bool(_DEGREE.search(_front(s))))),
    Cue("full-length text", 1.0, long_text),
)
"""The thesis reader's cues (:data:`usmxkg.readers.thesis.READER`)."""
