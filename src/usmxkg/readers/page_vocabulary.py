"""The vocabulary of school title pages: the patterns of their items and what a piece of a page is.

Title pages of theses and school papers are written in a small fixed
vocabulary: distribution statements (DoDI 5230.24 statement A), the
school's statement of what the work was submitted for, kind-of-work lines,
committee labels and roles, degree and prior-degree lines, report and series
numbers, disclaimers and accreditation statements. :func:`classify` says
which of them a piece of a page is; :mod:`usmxkg.readers.segments` cuts pages
into such pieces.
"""

from __future__ import annotations

import re
from itertools import pairwise

from rapidfuzz import fuzz

from usmxkg.readers.datelines import date_at
from usmxkg.readers.names import SERVICE, is_rank_line
from usmxkg.readers.orgs import HEADS, STREET, is_place
from usmxkg.readers.outline import is_front_heading

_I = re.IGNORECASE

RELEASE = re.compile(
    r"(?:DISTRIBUTION\s+(?:STATEMENT\s*)?(?::\s*)?(?:[A-F]\b)?\s*[.:]?\s*)?Approved\s+for\s+public\s+release\b"
    r"(?:[^\n.]*?(?:unlimited|unli\w*\b)|[.;:,]?\s*Distribution\s+(?:is\s+)?unli\w*)?\.?"
    r"|DISTRIBUTION\s+STATEMENT\s*:?\s*[A-F]\b\.?|Distribution\s+(?:is\s+)?unlimited\.?", _I)
"""A distribution statement (DoDI 5230.24 statement A and its printed variants)."""

STATEMENT_START = re.compile(
    r"A\s+(?:thesis|dissertation|monograph|research\s+(?:report|paper)|paper|report|project|study)\s+"
    r"(?:presented|submitted)\s+to\s+the\s+faculty"
    r"|(?:This\s+(?:manuscript|paper|thesis|monograph|project|research\s+paper|study)\s+is\s+)?submitted\s+"
    r"(?:to\s+the\s+faculty\b.{0,120}?)?in\s+partial\s+(?:fulfil+ment|satisfaction)"
    r"|in\s+partial\s+(?:fulfil+ment|satisfaction)\s+of\s+the\s+(?:graduation\s+)?requirements", _I | re.S)
"""How a school states what the work was submitted for."""
STATEMENT_END = re.compile(
    r"requirements\b(?:\s+(?:for|of)\s+the\b\s*(?:degrees?(?:\s+of)?\b\s*)?"
    r"(?:(?:Master|Doctor)\s+of\s+[\w ]+?\s+Degree|Department\s+of\s+[\w ,&]+?(?=\.|$))?)?\.?"
    r"|degrees?\s+of\s*$", _I)
STATEMENT_SCHOOL = re.compile(
    r"faculty\s+of\s+(?:the\s+)?(?P<school>.+?)\s+(?:in\s+partial|for\s+(?:completion|the\s+degree)|$)", _I | re.S)
STATEMENT_DEGREE = re.compile(
    r"(?:for\s+the\s+degree\s+(?:of\s+)?(?P<d1>(?:MASTER|DOCTOR)\s+OF\s+[A-Z][A-Za-z ]+?)\s*(?:\.|$))"
    r"|(?:of\s+the\s+(?P<d2>(?:Master|Doctor)\s+of\s+[\w ]+?)\s+Degree)", _I)
STATEMENT_DEPARTMENT = re.compile(r"requirements\s+of\s+the\s+(?P<department>Department\s+of\s+[\w ,&]+?)\s*(?:\.|$)",
                                  _I)
THESIS_STATEMENT = re.compile(r"\b(?:thesis|dissertation)\b|\bdegree\s+of\b", _I)

KIND = re.compile(
    r"(?:(?:MASTER['’]?S|DOCTORAL)\s+)?THESIS|DISSERTATION|(?:A\s+)?MONOGRAPH"
    r"|(?:USAWC\s+)?(?:STRATEGY|CIVILIAN|PROGRAM)\s+RESEARCH\s+(?:PROJECT|PAPER)|STUDENT\s+(?:ESSAY|PAPER)"
    r"|(?:A\s+)?RESEARCH\s+(?:REPORT|PAPER)|MBA\s+PROFESSIONAL\s+REPORT|CAPSTONE(?:\s+PROJECT)?(?:\s+REPORT)?"
    r"|JOINT\s+APPLIED\s+PROJECT|TECHNICAL\s+REPORT|INDIVIDUAL\s+STUDY\s+PROJECT|OCCASIONAL\s+PAPER", _I)
"""The line naming the kind of work on a title page."""
FLAT_KIND = re.compile(
    r"(?:(?:MASTER['’]?S|DOCTORAL)\s+)?THESIS(?=\s)|A\s+Monograph\b|(?:USAWC\s+)?Strategy\s+Research\s+Project\b"
    r"|STUDENT\s+ESSAY\b|MBA\s+PROFESSIONAL\s+REPORT\b", re.ASCII)

LABEL = re.compile(
    r"(?P<label>(?:(?:Thesis|Dissertation|Project|Paper|Research|Faculty|Monograph|Capstone|Committee|Mentor|and"
    r"|Oral|Defense|Academic|Principal|Associate|Technical)\s+){0,5}"
    r"(?:Co-?\s*)?(?:Advis[eo]rs?|Supervisors?|Instructors?|Mentors?|Second\s+Readers?|Readers?|Chair(?:man|person)?"
    r"|Members?|Directors?)(?:\s*\(if\s+any\))?)\s*:", _I)
"""A committee label ("Thesis Advisor:", "Instructor:", "Paper Advisor (if Any):")."""

DEGREE = re.compile(r"^(?:Degree\s+of\s+)?(?:MASTER|DOCTOR|BACHELOR)(?:['’]?S)?\s+OF\s+\S", _I)
PRIOR_DEGREE = re.compile(
    r"^(?:[A-Z][a-z]{0,2}\.\s?)+(?:[A-Z][a-z]{0,2}\.?)?,\s+\S|^(?:B|M|Ph)\.?[A-Z]{1,3}\.?,\s+\S"
    r"|^(?:Bachelor|Master|Doctor|Licenciatura|Ingenier)\w*\s+(?:of|in|en)\b.*,\s",
)
"""A prior-degree line: "B.S., Some University, 2001"."""
NUMBER = re.compile(
    r"^(?:[A-Z]{2,}(?:/[A-Z0-9-]+)+(?:\s+\d+){0,3}|[A-Z]{2,8}\s+(?:Report|Paper)\s+(?:No\.\s*)?\d+[-–]\d+)", re.ASCII)
"""A school's report number ("AU/ACSC/2009") or a series number ("XYZ Report 10-2")."""
FLAT_NUMBER = re.compile(r"[A-Z]{2,}(?:/[A-Z0-9-]+)+(?=\s|$)", re.ASCII)
DISCLAIMER = re.compile(
    r"(?:The\s+)?(?:views|opinions)(?:,?\s+(?:opinions|conclusions|and|recommendations),?)*\s+(?:expressed|contained)"
    r"\s+(?:in|herein)|Disclaimer\b|DISCLAIMER\b|This\s+document\s+may\s+not\s+be\s+released"
    r"|is\s+accredited\s+by\b|is\s+not\s+copyrighted|contents\s+of\s+this\s+\w+\s+reflect", _I)
"""An author's disclaimer or a school's accreditation statement (searched near a paragraph's start)."""
ROLE = re.compile(
    r"(?:(?:Project|Thesis|Research|Faculty|Paper|Monograph|Dissertation)\s+)?(?:Co-?\s*)?"
    r"(?:Advis[eo]r|Second\s+Reader|Reader|Mentor|Instructor)s?", _I)
"""A role printed under a name ("Project Adviser"), as approval pages and older title pages do."""
AUTHOR_LABEL = re.compile(r"(?:AUTHOR|Author)\(?S?\)?\s*:")
BLANK_NOTICE = re.compile(r"THIS\s+PAGE\s+(?:IS\s+)?INTENTIONALLY\s+LEFT\s+BLANK", _I)
BY = re.compile(r"(?:by|BY|By)(?=\s+(?:[A-Z]|\d(?:st|nd|d)\s))")
URL = re.compile(r"https?://\S+|www\.\S+")


def classify(text: str) -> str:
    """The kind of a title-page piece seen on its own."""
    t = text.strip()
    if not t:
        return "junk"
    if BLANK_NOTICE.fullmatch(t):
        return "blank"
    if is_front_heading(t) or t.casefold() == "disclaimer":
        return "heading"
    if KIND.fullmatch(t):
        return "kind"
    if len(t.split()) >= 4 and fuzzy_statement(t):
        return "statement"
    if t.casefold() in ("by",) or AUTHOR_LABEL.fullmatch(t):
        return "by"
    if ROLE.fullmatch(t):
        return "role"
    if date_at(t, 0, whole=True) is not None:
        return "date"
    if DEGREE.match(t):
        return "degree"
    if PRIOR_DEGREE.match(t):
        return "prior"
    if is_rank_line(t):
        return "rankline"
    if SERVICE.match(t):
        return "service"
    if NUMBER.match(t):
        return "number"
    if URL.match(t):
        return "url"
    if is_place(t):
        return "place"
    if (STREET.search(t) and re.search(r"\d", t)) or re.match(r"(?:ATTN|Attn|P\.?\s?O\.?\s+Box)\b", t) \
            or re.fullmatch(r"[A-Z][\w ]+,\s+[A-Z]{2}\s+\d{5}(?:-\d{4})?", t):
        return "address"
    if junk(t):
        return "junk"
    if org_line(t):
        return "org"
    return "other"


_STATEMENT_PHRASES = (
    "submitted to the faculty", "presented to the faculty of", "in partial fulfillment of the",
    "in partial satisfaction of the", "for completion of graduation requirements",
)


def fuzzy_statement(text: str) -> bool:
    """A statement line an OCR scan misspelt ("Subrnitted to the Facultv")."""
    flat = " ".join(text.split()).casefold()
    return any(fuzz.partial_ratio(p, flat, score_cutoff=86) for p in _STATEMENT_PHRASES)


def org_line(text: str) -> bool:
    """A line that is an organisation's name: capitalised words ending with a head word, no sentence."""
    words = text.replace(",", " ").split()
    if not words or len(words) > 14 or text.rstrip().endswith((".", ":", "?")):
        return False
    bare = [w.strip("()[].,'’").upper() for w in words]
    if re.fullmatch(r"\([A-Z]{2,8}\)", words[-1]) and len(bare) >= 2:
        bare = bare[:-1]
    if not all(w[:1].isupper() or w.lower() in ("of", "and", "for", "the", "on", "in", "&") for w in words):
        return False
    if bare[-1] in HEADS:
        return True
    # a head word and its "of …" complement: "INSTITUTE OF TECHNOLOGY", "Department of Operational Sciences"
    heads = [k for k, w in enumerate(bare) if w in HEADS]
    return bool(heads) and len(bare) - heads[-1] <= 6 and bare[heads[-1] + 1:heads[-1] + 2] in (["OF"], ["FOR"])


def junk(text: str) -> bool:
    """OCR debris: stamps and marks read as letters ("ELEC!", "JUL 2 8 I!", "AbCdEfGh").

    >>> junk("(I El"), junk("JLlSlOlOi"), junk("Mexican Cartels")
    (True, True, False)
    """
    tokens = text.split()
    if len(text.strip()) <= 2 or not any(c.isalpha() for c in text):
        return True
    bad = sum(1 for t in tokens if _bad_token(t))
    return bad * 2 >= len(tokens) + (1 if len(tokens) > 2 else 0)


def _bad_token(token: str) -> bool:
    core = token.strip(".,:;()[]'’\"")
    if not core:
        return True
    if len(core) <= 2 and not core.isdigit() and core.upper() not in ("OF", "IN", "ON", "TO", "A", "AN", "US", "U.S"):
        return True
    if re.search(r"[^\w.'’&/-]", core):
        return True
    flips = sum(1 for a, b in pairwise(core) if a.islower() and b.isupper())
    return flips >= 2 or (flips == 1 and len(core) > 6 and not core[0].isupper())
