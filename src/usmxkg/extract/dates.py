"""Dates as written in documents → typed literals at the precision stated.

A thesis dated "March 2014" is an ``xsd:gYearMonth``, not a made-up first of
the month; a news dateline "Oct. 18, 2016" is an ``xsd:date``
(https://www.w3.org/TR/xmlschema11-2/#gYearMonth).
"""

from __future__ import annotations

import re

from usmxkg.extract.facts import DateValue
from usmxkg.months import MONTHS

_MONTH = r"(?P<month>[A-Za-z]{3,10})\.?"
_PATTERNS = [
    re.compile(r"^(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})$"),
    re.compile(r"^(?P<year>\d{4})-(?P<mnum>\d{1,2})$"),
    # DD-MM-YYYY with hyphens: the form the Report Documentation Page (SF 298 Rev. 8-98, box 1) prescribes;
    # U.S. month-first dates are written with slashes and are not read.
    re.compile(r"^(?P<day>\d{1,2})-(?P<mnum>\d{1,2})-(?P<year>\d{4})$"),
    re.compile(rf"^{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})$"),
    re.compile(rf"^(?P<day>\d{{1,2}})\s+{_MONTH}\s+(?P<year>\d{{4}})$"),
    # Spanish: "12 de marzo de 2021", "marzo de 2021" (the "de" of the long form)
    re.compile(rf"^(?P<day>\d{{1,2}})\s+de\s+{_MONTH}\s+(?:de|del)\s+(?P<year>\d{{4}})$", re.IGNORECASE),
    re.compile(rf"^{_MONTH}\s+(?:de|del)\s+(?P<year>\d{{4}})$", re.IGNORECASE),
    re.compile(rf"^{_MONTH},?\s+(?P<year>\d{{4}})$"),
    re.compile(r"^(?P<month>[A-Za-z]{3})-(?P<yy>\d{2})$"),
    re.compile(r"^(?P<year>\d{4})$"),
]


def parse_date(text: str) -> DateValue | None:
    """Parse a date as written; None when it is not a date we can read without guessing.

    >>> parse_date("March 2014")
    DateValue(lexical='2014-03', datatype='gYearMonth')
    >>> parse_date("Oct. 18, 2016")
    DateValue(lexical='2016-10-18', datatype='date')
    >>> parse_date("2010-03")
    DateValue(lexical='2010-03', datatype='gYearMonth')
    >>> parse_date("08-06-2012")
    DateValue(lexical='2012-06-08', datatype='date')
    >>> parse_date("12 de marzo de 2021")
    DateValue(lexical='2021-03-12', datatype='date')
    >>> parse_date("sometime") is None
    True
    """
    cleaned = text.strip().rstrip(".,;")
    for pattern in _PATTERNS:
        match = pattern.match(cleaned)
        if match:
            return _from_match(match.groupdict())
    return None


def _from_match(parts: dict[str, str | None]) -> DateValue | None:
    if parts.get("yy"):
        return None  # two-digit years ("Mar-14") are ambiguous; a fuller date is always preferred
    year = int(parts["year"] or 0)
    month = _month_number(parts)
    if month is None:
        return None if parts.get("month") or parts.get("mnum") else DateValue(f"{year:04d}", "gYear")
    if not 1 <= month <= 12:
        return None
    day = parts.get("day")
    if day is None:
        return DateValue(f"{year:04d}-{month:02d}", "gYearMonth")
    if not 1 <= int(day) <= 31:
        return None
    return DateValue(f"{year:04d}-{month:02d}-{int(day):02d}", "date")


def _month_number(parts: dict[str, str | None]) -> int | None:
    if parts.get("mnum"):
        return int(parts["mnum"] or 0)
    name = parts.get("month")
    return MONTHS.get(name.lower()) if name else None
