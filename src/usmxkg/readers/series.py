"""Report-number series and the bodies that issue them: authority conventions shared by every record family.

A report number tells who issued the report: "CRS Report for Congress,
R40135" and "IF10578" are Congressional Research Service products, "GAO-10-837"
a Government Accountability Office report, "ADA494125" a Defense Technical
Information Center accession (DTIC holds the copy; it did not write it),
"MG-123-OSD" a RAND monograph. :data:`SERIES` lists these numbering
conventions as published by each body; a record that prints such a number
gets the number itself as ``report-number`` and, when the body's name is
printed in the record, the body as publisher (or repository).

Field values are spans of the text, so the body is recorded only where the
record names it: its full name anywhere in the record, else its acronym where
the report number prints it ("CRS Report for Congress"), which reference
resolution maps to the full name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from usmxkg.document import Document, Span


@dataclass(frozen=True, slots=True)
class Series:
    """A numbering convention: the number's shape, the cue that names the series, and its issuing body.

    ``cue`` must also occur in the value unless the number's shape alone is
    unambiguous (``cue`` None). ``role`` is the field the body fills:
    ``publisher`` for the author of the series, ``repository`` for an archive's
    accession numbers, whose number is an ``identifier`` of the copy rather
    than a ``report-number`` of the work (``field``). ``work_type`` is the
    class of the works numbered so.
    """

    name: str
    number: re.Pattern[str]
    cue: re.Pattern[str] | None
    bodies: tuple[str, ...]
    acronym: str
    role: str
    work_type: str | None
    field: str = "report-number"


SERIES: tuple[Series, ...] = (
    Series("CRS report", re.compile(r"\b(?:RL|RS|R|IF|IN|IB|LSB|TE)\d{4,5}\b"),
           re.compile(r"\bCRS\b|Congressional Research|Report for Congress|\bIn Focus\b|\bCRS Insight\b",
                      re.IGNORECASE),
           ("Congressional Research Service",), "CRS", "publisher", "Report"),
    Series("CRS report", re.compile(r"\b(?:RL|RS)\d{5}\b"), None,
           ("Congressional Research Service",), "CRS", "publisher", "Report"),
    Series("GAO report", re.compile(r"\bGAO[-‐ ]\d{2}-\d{1,4}[A-Z]{0,2}\b|\bGAO/[A-Z]{2,8}-\d{2}-\d{1,4}[A-Z]{0,2}\b"),
           None, ("Government Accountability Office", "General Accounting Office"), "GAO", "publisher", "Report"),
    Series("DoD Inspector General report", re.compile(r"\bDODIG-\d{4}-\d{3}\b", re.IGNORECASE), None,
           ("Office of Inspector General",), "DoD OIG", "publisher", "Report"),
    Series("NPS technical report", re.compile(r"\bNPS-[A-Z]{2,6}-\d{2}-\d{3}[A-Z]?\b"), None,
           ("Naval Postgraduate School",), "NPS", "publisher", "Report"),
    Series("JSOU report", re.compile(r"\bJSOU Report \d{2}-\d{1,2}\b"), None,
           ("Joint Special Operations University",), "JSOU", "publisher", "Report"),
    Series("RAND publication",
           re.compile(r"\b(?:MR|MG|RR|TR|DB|CF|OP|WR|RB|PE|RGSD)-?\d{1,5}(?:-\d+)?(?:-[A-Z]{2,6})*\b"),
           re.compile(r"\bRAND\b"), ("RAND Corporation",), "RAND", "publisher", "Report"),
    Series("DTIC accession number", re.compile(r"\bAD[-\s]?[A-F][-\s]?\d{3}\s?\d{3}\b|\bAD\d{6,7}\b"), None,
           ("Defense Technical Information Center",), "DTIC", "repository", None, "identifier"),
)
"""Known report-number series, most specific first; each body's names as it prints them."""


@dataclass(frozen=True, slots=True)
class SeriesMatch:
    """A report number found in a value: the series and the number's offsets in the document."""

    series: Series
    start: int
    end: int


def find_series(text: str, start: int, end: int) -> SeriesMatch | None:
    """The first known series whose number (and cue, when it needs one) occurs in ``text[start:end]``."""
    value = text[start:end]
    for series in SERIES:
        if series.cue is not None and not series.cue.search(value):
            continue
        match = series.number.search(value)
        if match is not None:
            return SeriesMatch(series, start + match.start(), start + match.end())
    return None


def body_span(doc: Document, found: SeriesMatch, value_start: int, value_end: int) -> Span | None:
    """Where the record names the series' body: its full name outside page furniture, else its acronym."""
    chrome = frozenset({"furniture"})
    for name in found.series.bodies:
        for at in re.finditer(r"\b" + re.escape(name) + r"\b", doc.text, re.IGNORECASE):
            if not doc.in_zone(at.start(), at.end(), chrome):
                return doc.span(at.start(), at.end())
    acronym = re.compile(r"\b" + re.escape(found.series.acronym) + r"\b")
    short = acronym.search(doc.text, value_start, value_end)
    return doc.span(short.start(), short.end()) if short is not None else None


def apply_series(doc: Document, start: int, end: int) -> SeriesMatch | None:
    """Record a report or accession number: the number, its body (publisher or repository); return the match.

    The body fills its field only when the record has none yet: a record's
    own Publisher line says more than a numbering convention.
    """
    found = find_series(doc.text, start, end)
    if found is None:
        return None
    number = doc.span(found.start, found.end)
    if all(v.text != number.text for v in doc.fields.get(found.series.field, [])):
        doc.add_field(found.series.field, number)
    if doc.first(found.series.role) is None:
        body = body_span(doc, found, start, end)
        if body is not None:
            doc.add_field(found.series.role, body)
    return found
