"""The class of a school's work: a degree thesis (``Thesis``) or a school paper (``Report``).

The degree decides: a thesis or dissertation submitted for a master's or
doctoral degree is a ``Thesis`` (NPS, CGSC MMAS, SAASS, AFIT theses); a
monograph, research report, strategy research project, student essay or
paper written for a school's graduation requirements is a ``Report`` (SAMS,
ACSC, AWC, USAWC, NWC, institute series), even when a degree statement
accompanies it or its documentation page calls it a "Master's Thesis" (SAMS
monographs do), because the title page is the school's own word on what the
work is. The evidence is taken in that order: the kind-of-work line, the
statement, the documentation page's report type.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

_REPORT_WORDS = re.compile(r"\b(?:monograph|report|project|essay|paper|manuscript|study)\b", re.IGNORECASE)
_THESIS_WORDS = re.compile(r"\b(?:thesis|dissertation)\b", re.IGNORECASE)


def work_type(kinds: list[str], statements: list[str], report_type: str | None = None) -> str | None:
    """The class of the work from what its title page and form say it is (None when nothing says).

    >>> work_type(["A Monograph"], [], "Master's Thesis")
    'Report'
    >>> work_type([], ["A THESIS PRESENTED TO THE FACULTY OF THE INSTITUTE FOR COMPLETION OF ITS REQUIREMENTS"])
    'Thesis'
    >>> work_type([], ["A Research Report Submitted to the Faculty In Partial Fulfillment of the Requirements"])
    'Report'
    >>> work_type([], [], "FINAL"), work_type([], [], "Master's Thesis"), work_type([], [])
    ('Report', 'Thesis', None)
    """
    for text in kinds:
        return "Thesis" if _THESIS_WORDS.search(text) else "Report"
    for text in statements:
        subject = re.split(r"(?i)\b(?:presented|submitted)\b", text, maxsplit=1)[0]
        if _THESIS_WORDS.search(subject):
            return "Thesis"
        if _REPORT_WORDS.search(subject):
            return "Report"
        if re.search(r"(?i)\bdegree\s+of\b", text):
            return "Thesis"
    if report_type:
        return "Thesis" if _THESIS_WORDS.search(report_type) else "Report"
    return None


_FUZZY_KINDS = (
    ("Report", "research report submitted to the faculty"), ("Report", "strategy research project"),
    ("Report", "a monograph by"), ("Report", "student essay"), ("Report", "a paper submitted to the faculty"),
    ("Thesis", "a thesis presented to the faculty"), ("Thesis", "master's thesis"), ("Thesis", "thesis advisor"),
    ("Thesis", "in partial fulfillment of the requirements for the degree"),
)
FUZZY_CUTOFF = 88


def fuzzy_work_type(text: str) -> str | None:
    """The class from the kind-of-work phrases an OCR'd page still nearly spells ("Rcsearch Rcport Subniitted").

    >>> fuzzy_work_type("A Rcsearch Rcport Subrnitted to the Facultv In Partial Fulfillment")
    'Report'
    >>> fuzzy_work_type("nothing of the kind") is None
    True
    """
    flat = " ".join(text.split()).casefold()
    best = max(((fuzz.partial_ratio(phrase, flat), kind) for kind, phrase in _FUZZY_KINDS), default=(0.0, ""))
    return best[1] if best[0] >= FUZZY_CUTOFF else None
