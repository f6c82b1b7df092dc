"""Temporal expressions in running text → dates and intervals at the precision stated.

A document says when something happened in many ways: a day ("On April 24,
1846"), a month ("In April 1914"), a year ("In 2002"), a span of years
("1846–48", "from 2006 to 2012", "between 1941 and 1945"), a U.S. fiscal year
("FY2008", "FY08–FY14", "fiscal year 2009") or a decade ("the 1990s", "in the
mid-1990s", "the late 1980s"). Each is read into a :class:`Temporal` whose
bounds are :class:`~usmxkg.extract.facts.DateValue` literals at the precision
written (``xsd:date``, ``xsd:gYearMonth``, ``xsd:gYear``,
https://www.w3.org/TR/xmlschema11-2/#gYear); nothing is made more precise than
the text: a decade is the interval of its ten years, never a made-up first of
January, and "mid-" only says which part of the decade was meant
(:attr:`Temporal.qualifier`).

U.S. federal fiscal years run from 1 October to 30 September and are named
for the calendar year in which they end (31 U.S.C. § 1102), so "FY2008" as a
time is the interval 2007-10 … 2008-09 (:attr:`Temporal.fiscal` keeps the
year as named, for the ``usmx:fiscalYear`` dimension). Month names come from
the project's one table, :data:`usmxkg.months.MONTHS`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from usmxkg.extract.facts import DateValue
from usmxkg.months import MONTH_NAME, MONTHS

__all__ = ["Temporal", "find_temporal", "year_of"]

MIN_YEAR, MAX_YEAR = 1500, 2099
"""Years read as dates; other four-digit numbers (street numbers, counts) are left alone."""


@dataclass(frozen=True, slots=True)
class Temporal:
    """One temporal expression: where it is (offsets in the text given) and the time it names.

    ``start``/``end`` bound the time (``end`` is None for a single day, month
    or year, and for an open interval "since 2008"); ``open_end`` marks
    "since …"; ``qualifier`` is "early", "mid" or "late" for parts of a decade
    or month; ``fiscal`` the fiscal years named ("2008", …); ``precision``
    one of day, month, year, decade, fiscal-year.
    """

    start_offset: int
    end_offset: int
    text: str
    start: DateValue | None
    end: DateValue | None = None
    precision: str = "year"
    qualifier: str | None = None
    fiscal: tuple[str, ...] = ()
    open_end: bool = False
    open_start: bool = False


_M = rf"(?P<{{g}}>(?i:{MONTH_NAME}))\.?"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_DASH = r"\s*[-–—]\s*"
_QUAL = r"(?:(?P<qual>early|mid|late)[-\s]+)"
_NOT_AFTER_NUMBER = r"(?<![\d$])(?<!\d[,.])"
_NOT_BEFORE_NUMBER = r"(?![\d%]|[,.]\d)"
"""A year is not part of a larger number ("1,846", "$1846", "2008.5", "20%")."""
_DAY = r"(?:[0-2]?\d|3[01])(?:st|nd|rd|th)?"


def _month(g: str) -> str:
    return _M.replace("{g}", g)


_POINT_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "May 21-25, 2012", "May 21–25, 2012"
    ("day-range", re.compile(rf"\b{_month('m1')}\s+(?P<d1>{_DAY}){_DASH}(?P<d2>{_DAY}),?\s+(?P<y1>{_YEAR})\b")),
    # "April 24, 1846", "Oct. 18, 2016"
    ("mdy", re.compile(rf"\b{_month('m1')}\s+(?P<d1>{_DAY}),?\s+(?P<y1>{_YEAR})\b")),
    # "24 April 1846", "21 de abril de 1914"
    ("dmy", re.compile(rf"\b(?P<d1>{_DAY})\s+(?:de\s+)?{_month('m1')},?\s+(?:de\s+|del\s+)?(?P<y1>{_YEAR})\b")),
    # "FY2008–FY2010", "FY08-FY14", "FY 2008 through FY 2010"
    ("fy-range", re.compile(
        r"\b(?:FY|fiscal\s+years?)\s?(?P<f1>\d{4}|\d{2})(?:\s*(?:[-–—]|to|through)\s*)(?:FY\s?)?(?P<f2>\d{4}|\d{2})\b",
        re.IGNORECASE)),
    # "FY2008", "FY08", "fiscal year 2009"
    ("fy", re.compile(r"\b(?:FY|fiscal\s+year)\s?(?P<f1>\d{4}|\d{2})\b", re.IGNORECASE)),
    # "mid-November 2012", "April 1914", "June of 2008"
    ("my", re.compile(rf"\b{_QUAL}?{_month('m1')},?\s+(?:of\s+)?(?P<y1>{_YEAR})\b")),
    # "the 1990s", "mid-1990s", "the late 1980s", "the 1990's"
    ("decade", re.compile(rf"\b{_QUAL}?(?P<dec>1[5-9]\d0|20\d0)[’']?s\b")),
    # "1846–48", "1846-1848", "2006–11"
    ("year-range", re.compile(rf"{_NOT_AFTER_NUMBER}(?P<y1>{_YEAR}){_DASH}(?P<y2>{_YEAR}|\d\d){_NOT_BEFORE_NUMBER}")),
    # "1846"
    ("year", re.compile(rf"{_NOT_AFTER_NUMBER}(?<![/:-])(?P<y1>{_YEAR}){_NOT_BEFORE_NUMBER}")),
]

_RANGE_OPEN = re.compile(r"\b(?P<word>from|between)\s+$", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"^\s*(?:to|until|till|through|thru|and|[-–—])\s*(?:the\s+)?$", re.IGNORECASE)
_SINCE = re.compile(r"\b(?:since|beginning\s+in|starting\s+in)\s+(?:the\s+)?$", re.IGNORECASE)
_UNTIL = re.compile(r"\b(?:until|till)\s+(?:the\s+)?$", re.IGNORECASE)


def year_of(value: DateValue) -> int:
    """The calendar year of a date value."""
    return int(value.lexical[:4])


def _two_digit(year: int, short: str) -> int:
    """A two-digit end year read against its start ("1846–48" → 1848), or a fiscal "08" → 2008."""
    value = int(short)
    if len(short) == 4:
        return value
    if year:
        century = year - year % 100
        out = century + value
        return out if out >= year else out + 100
    return 2000 + value if value < 50 else 1900 + value


def _gyear(year: int) -> DateValue:
    return DateValue(f"{year:04d}", "gYear")


def _fiscal(years: list[int]) -> tuple[DateValue, DateValue]:
    """The time a span of U.S. fiscal years covers: October before the first to September of the last."""
    return DateValue(f"{years[0] - 1:04d}-10", "gYearMonth"), DateValue(f"{years[-1]:04d}-09", "gYearMonth")


def _read(kind: str, m: re.Match[str]) -> Temporal | None:
    g = m.groupdict()
    text = m.group(0)
    if g.get("m1") and not g["m1"][0].isupper() and not (kind == "dmy" and " de " in text):
        return None  # "may", "march" as verbs; month names are capitalised in English prose
    qual = (g.get("qual") or "").lower() or None
    if kind in ("mdy", "dmy", "day-range"):
        month, year = MONTHS[g["m1"].lower()], int(g["y1"])
        d1 = int(re.sub(r"\D", "", g["d1"]))
        if not 1 <= d1 <= 31:
            return None
        start = DateValue(f"{year:04d}-{month:02d}-{d1:02d}", "date")
        end = None
        if kind == "day-range":
            d2 = int(re.sub(r"\D", "", g["d2"]))
            if not d1 < d2 <= 31:
                return None
            end = DateValue(f"{year:04d}-{month:02d}-{d2:02d}", "date")
        return Temporal(m.start(), m.end(), text, start, end, "day")
    if kind == "my":
        month, year = MONTHS[g["m1"].lower()], int(g["y1"])
        return Temporal(m.start(), m.end(), text, DateValue(f"{year:04d}-{month:02d}", "gYearMonth"), None,
                        "month", qual)
    if kind in ("fy", "fy-range"):
        first = _two_digit(0, g["f1"])
        last = _two_digit(first, g["f2"]) if g.get("f2") else first
        if not (MIN_YEAR <= first <= last <= MAX_YEAR) or last - first > 30:
            return None
        years = list(range(first, last + 1))
        start, end = _fiscal(years)
        return Temporal(m.start(), m.end(), text, start, end, "fiscal-year", None, tuple(str(y) for y in years))
    if kind == "decade":
        decade = int(g["dec"])
        return Temporal(m.start(), m.end(), text, _gyear(decade), _gyear(decade + 9), "decade", qual)
    if kind == "year-range":
        first = int(g["y1"])
        last = _two_digit(first, g["y2"])
        if not first < last <= MAX_YEAR or last - first > 150:
            return None
        return Temporal(m.start(), m.end(), text, _gyear(first), _gyear(last), "year")
    year = int(g["y1"])
    return Temporal(m.start(), m.end(), text, _gyear(year), None, "year")


def _scan(text: str) -> list[Temporal]:
    """Every single expression, longest and most specific first, none overlapping another."""
    taken = bytearray(len(text))
    found: list[Temporal] = []
    for kind, pattern in _POINT_PATTERNS:
        for m in pattern.finditer(text):
            if taken.find(1, m.start(), m.end()) != -1:
                continue
            value = _read(kind, m)
            if value is None:
                continue
            taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
            found.append(value)
    found.sort(key=lambda t: t.start_offset)
    return found


def _upper(t: Temporal) -> DateValue | None:
    return t.end or t.start


def _joined(text: str, first: Temporal, second: Temporal) -> Temporal | None:
    """ "from X to Y", "between X and Y", "X–Y": one interval from the start of X to the end of Y."""
    gap = text[first.end_offset:second.start_offset]
    if not _RANGE_JOIN.match(gap) or first.start is None or second.start is None:
        return None
    opener = _RANGE_OPEN.search(text[max(0, first.start_offset - 12):first.start_offset])
    joiner = gap.strip().lower()
    if joiner == "and" and not (opener and opener.group("word").lower() == "between"):
        return None
    if joiner in ("to", "until", "till", "through", "thru") and opener is None and not first.fiscal:
        return None
    end = _upper(second)
    if end is None or end.lexical[:4] < first.start.lexical[:4]:
        return None
    begin = first.start_offset - (len(opener.group(0)) if opener else 0)
    fiscal = tuple(first.fiscal) + tuple(y for y in second.fiscal if y not in first.fiscal)
    if first.fiscal and second.fiscal:
        years = list(range(int(first.fiscal[0]), int(second.fiscal[-1]) + 1))
        fiscal = tuple(str(y) for y in years)
    precision = first.precision if first.precision == second.precision else "mixed"
    return Temporal(begin, second.end_offset, text[begin:second.end_offset], first.start, end, precision,
                    None, fiscal)


def find_temporal(text: str, offset: int = 0) -> list[Temporal]:
    """Temporal expressions of ``text``, with offsets shifted by ``offset`` (the text's place in the document).

    >>> for t in find_temporal("On April 24, 1846, the war of 1846–48 began; from 2006 to 2012; the mid-1990s."):
    ...     print(t.text, t.start.lexical, t.end.lexical if t.end else None)
    April 24, 1846 1846-04-24 None
    1846–48 1846 1848
    from 2006 to 2012 2006 2012
    mid-1990s 1990 1999
    >>> [(t.text, t.fiscal) for t in find_temporal("funds for FY2008 and FY09–FY11")]
    [('FY2008', ('2008',)), ('FY09–FY11', ('2009', '2010', '2011'))]
    """
    singles = _scan(text)
    out: list[Temporal] = []
    i = 0
    while i < len(singles):
        current = singles[i]
        if i + 1 < len(singles):
            joined = _joined(text, current, singles[i + 1])
            if joined is not None:
                out.append(joined)
                i += 2
                continue
        before = text[max(0, current.start_offset - 20):current.start_offset]
        if _SINCE.search(before):
            current = Temporal(current.start_offset, current.end_offset, current.text, current.start, None,
                               current.precision, current.qualifier, current.fiscal, open_end=True)
        elif _UNTIL.search(before):
            current = Temporal(current.start_offset, current.end_offset, current.text, None, _upper(current),
                               current.precision, current.qualifier, current.fiscal, open_start=True)
        out.append(current)
        i += 1
    if offset:
        out = [_shift(t, offset) for t in out]
    return out


def _shift(t: Temporal, offset: int) -> Temporal:
    return Temporal(t.start_offset + offset, t.end_offset + offset, t.text, t.start, t.end, t.precision,
                    t.qualifier, t.fiscal, t.open_end, t.open_start)


CUE = re.compile(
    rf"(?<!\d)(?:1[5-9]\d\d|20\d\d)(?!\d)|\bFY\s?\d\d|\bfiscal\s+years?\b|\b(?i:{MONTH_NAME})\.?\s+\d|\btoday\b"
)
"""Text that may hold a temporal expression: a cheap test before sentences are segmented."""
