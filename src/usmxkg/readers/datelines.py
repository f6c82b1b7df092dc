"""Dates as title pages and documentation forms print them: which text is a date, its year and precision.

School title pages date a work "March 2014", "16 December 2009", "1 APRIL
1986", "JUNE 2014", "2012-01" (CGSC and SAMS print year-month) or by the
graduating class ("Class of 2012", "USAWC CLASS OF 2012"); the Report
Documentation Page prints "March 2014" (SF 298 Rev. 2-89), "08-06-2012"
(Rev. 8-98 box 1 is labelled DD-MM-YYYY), "16 DEC 2009" or "MAR 2010"
(DTIC-generated forms). Readers record the printed text as the span; this
module only says whether a text is such a date and how precise it is, so the
reader can order a work's dates (title page before form, more precise before
less) without parsing them into values, which the graph does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from usmxkg.months import MONTH, SEASONS

"""A month as printed, any case (the pattern is compiled case-insensitively)."""

_YEAR = r"(?:1[89]|20)\d\d"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"

DATE = re.compile(
    rf"(?P<dmy>{_DAY}-(?:0?[1-9]|1[0-2])-{_YEAR})"  # 08-06-2012 (SF 298 Rev. 8-98 box 1)
    rf"|(?P<iso>{_YEAR}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)"  # 2012-01, 2012-06-08
    rf"|(?P<day_month>{_DAY}(?:st|nd|rd|th)?\s+{MONTH},?\s+{_YEAR})"  # 16 December 2009, 1 APRIL 1986
    rf"|(?P<month_day>{MONTH}\s+{_DAY},?\s+{_YEAR})"  # March 3, 2014
    rf"|(?P<month>(?:{MONTH}|{SEASONS})\s+{_YEAR})"  # March 2014, JUNE 2014, MAR 2010
    rf"|(?:(?:USAWC\s+)?CLASS\s+OF\s+|ACADEMIC\s+YEAR\s+|AY\s?)(?P<class>{_YEAR})\b(?:[-–/]\d{{2,4}}\b)?"  # → the year
    rf"|(?P<year>{_YEAR})",
    re.IGNORECASE,
)
"""Every date shape of the family; ``class`` covers only the year of a class or academic year."""

_PRECISION = {"dmy": 3, "iso": 0, "day_month": 3, "month_day": 3, "month": 2, "class": 1, "year": 1}


@dataclass(frozen=True, slots=True)
class DateShape:
    """Where the date is in the text it was found in (``start``/``end``), its year and precision (1–3)."""

    start: int
    end: int
    year: int
    precision: int


def date_at(text: str, pos: int = 0, whole: bool = False) -> DateShape | None:
    """The date starting at ``pos`` of ``text`` (or filling it, with ``whole``), else None.

    >>> date_at("08-06-2012")
    DateShape(start=0, end=10, year=2012, precision=3)
    >>> date_at("Class of 2013", whole=True)
    DateShape(start=9, end=13, year=2013, precision=1)
    >>> date_at("2012-01", whole=True).precision, date_at("JUNE 2014", whole=True).precision
    (2, 2)
    >>> date_at("December", whole=True) is None
    True
    """
    m = DATE.match(text, pos)
    if m is None or (whole and text[m.end():].strip(" .,;")):
        return None
    return _shape(m)


def find_dates(text: str) -> list[DateShape]:
    """Every date in ``text``, in order (a bare year only when nothing fuller contains it)."""
    return [_shape(m) for m in DATE.finditer(text) if m.lastgroup != "year" or _standalone_year(text, m)]


def is_date(text: str) -> bool:
    """True when the whole text (bar closing punctuation) is one date."""
    text = text.strip()
    return bool(text) and date_at(text, 0, whole=True) is not None


def _standalone_year(text: str, m: re.Match[str]) -> bool:
    before = text[max(m.start() - 1, 0):m.start()]
    after = text[m.end():m.end() + 1]
    return not (before.isalnum() or before in "-/" or after.isalnum() or after in "-/")


def _shape(m: re.Match[str]) -> DateShape:
    kind = m.lastgroup or "year"
    if kind == "class":
        start, end = m.span("class")
    else:
        start, end = m.span()
    found = m.group(kind)
    year = int(re.findall(_YEAR, found)[-1] if kind != "iso" else found[:4])
    precision = _PRECISION[kind]
    if kind == "iso":
        precision = 3 if found.count("-") == 2 else 2
    return DateShape(start, end, year, precision)
