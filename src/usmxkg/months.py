"""Month names, their abbreviations and the seasons of periodical issues: the project's one table.

Readers match dates in their printed forms (capitalised English names and
abbreviations, "Winter 2011"); extractors turn names into month numbers,
English or Spanish. Both use this module, so a form added here is known
everywhere (the first and third layers share it without importing each
other, as with :mod:`usmxkg.orgwords`).
"""

from __future__ import annotations

_TABLE: tuple[tuple[str, ...], ...] = (
    ("january", "jan", "enero"),
    ("february", "feb", "febrero"),
    ("march", "mar", "marzo"),
    ("april", "apr", "abril"),
    ("may", "mayo"),
    ("june", "jun", "junio"),
    ("july", "jul", "julio"),
    ("august", "aug", "agosto"),
    ("september", "sep", "sept", "septiembre"),
    ("october", "oct", "octubre"),
    ("november", "nov", "noviembre"),
    ("december", "dec", "diciembre"),
)

MONTHS: dict[str, int] = {name: number for number, names in enumerate(_TABLE, start=1) for name in names}
"""Month names and abbreviations (English and Spanish, lower case) → month number."""

MONTH_NAME = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")"
"""A regular expression (no groups, to be compiled case-insensitively) matching any name of :data:`MONTHS`."""

MONTH_NAMES = "|".join(names[0].capitalize() for names in _TABLE)
"""The English month names as printed, as a regular-expression alternation ("January|…|December")."""

MONTH_ABBREVIATIONS = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
"""Their abbreviations (CMOS 10.41), without the full stop that may follow."""

SEASONS = "Spring|Summer|Fall|Autumn|Winter"
"""Seasons that date the issues of quarterly periodicals."""

MONTH = rf"(?:{MONTH_NAMES}|(?:{MONTH_ABBREVIATIONS})\.?)"
"""A printed English month, full or abbreviated ("March", "Mar."); no groups."""
