"""Numeric tables → observations with dimensions, units and note marks, and their stated totals checked.

Conventions of budget and statistics tables (GAO, CRS and State Department
budget tables as theses reproduce them):

* header rows come first and hold no number; the first column names the
  rows (an account, a fiscal year), the header cells above a column name it
  ("FY2009 (P.L. 111-8)", "FY2013 Request", "Total Number of IMET Students");
* the unit is stated once for the table ("($ in millions)", "$ in
  thousands") or in each cell ("$4,565,466", "48.1%"); a column of counts
  of students or trainees is a student count;
* footnote marks follow a cell's value ("15.0ᵃ", "Not applicable ^b") and
  refer to the lettered notes under the table ("a. …"); "Not applicable",
  "N/A", "n.a." and a lone dash mean the cell states no number;
* a row labelled "Total(s)" totals the rows above it (since the previous
  total row), a column headed "… Total(s)" totals the columns before it
  (since the previous total column). Each stated total is compared with the
  sum of the cells it totals, allowing for the rounding of printed values
  (half a unit of the last printed decimal per cell); a mismatch is a
  :class:`~usmxkg.extract.facts.TableCheck` with ``holds`` False, never an
  error. Percentages are not sums and are not checked.

Each cell that holds a number or says it holds none is one
:class:`~usmxkg.extract.facts.Observation` (RDF Data Cube,
https://www.w3.org/TR/vocab-data-cube/), with the row and column headings as
written and the dimensions those headings name (fiscal year, appropriation,
account or program, recipient).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from usmxkg.document import Document, Span, Table
from usmxkg.extract.facts import Entity, Observation, TableCheck, TableFacts
from usmxkg.extract.initiatives import public_law_number
from usmxkg.extract.named import Lexicon
from usmxkg.extract.temporal import find_temporal

__all__ = ["extract_tables", "parse_cell"]

_SUPERSCRIPT = {"ᵃ": "a", "ᵇ": "b", "ᶜ": "c", "ᵈ": "d", "ᵉ": "e", "ᶠ": "f", "ᵍ": "g", "ʰ": "h", "ⁱ": "i",
                "*": "*", "†": "†", "‡": "‡"}
_CELL = re.compile(
    r"^(?P<cur>US\$|\$)?\s*(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<pct>%)?"
    r"\s*(?:\^?(?P<mark>[a-z])|(?P<sup>[ᵃᵇᶜᵈᵉᶠᵍʰⁱ*†‡]+))?$"
)
_NOT_APPLICABLE = re.compile(
    r"^(?P<na>not\s+applicable|n/?a|n\.a\.|not\s+available|[-–—]+)\s*(?:\^?(?P<mark>[a-z])|(?P<sup>[ᵃᵇᶜᵈᵉᶠᵍʰⁱ*†‡]+))?$",
    re.IGNORECASE,
)
_UNIT_STATED = re.compile(r"\(?\s*(?:US)?\$\s*in\s+(?P<mult>millions|thousands|billions)\s*\)?", re.IGNORECASE)
_STATED_UNITS = {"millions": "million-us-dollars", "thousands": "thousand-us-dollars", "billions": "billion-us-dollars"}
_TOTAL_ROW = re.compile(r"^(?:grand\s+)?totals?\b|\btotals?$", re.IGNORECASE)
_TOTAL_COLUMN = re.compile(r"^(?:grand\s+)?totals?$|\btotals?$", re.IGNORECASE)
_STUDENTS = re.compile(r"\b(?:students|trainees|graduates|cadets|participants)\b", re.IGNORECASE)
_NOTE_LINE = re.compile(r"^\s*(?:(?P<mark>[a-z])\.\s+|(?P<sup>[ᵃᵇᶜᵈᵉᶠᵍʰⁱ*†‡])\s*)(?P<text>\S.*)$")
_NOTES_LINE = re.compile(r"^\s*(?:Notes?|Sources?)\s*:", re.IGNORECASE)
_RECIPIENT_BEFORE = re.compile(r"\b(?:for|to|in)\s+$")
_CAPTION_RECIPIENT = re.compile(r"\b(?:for|to)\s+(?P<name>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})(?=\W*$|\s*[(,])")
_MAX_NOTE_LINES = 12


@dataclass(frozen=True, slots=True)
class Cell:
    """What a cell says: a value (or None when it states none), its unit hints and its note marks."""

    value: Decimal | None
    money: bool
    percent: bool
    marks: tuple[str, ...]
    status: str | None
    decimals: int


def parse_cell(text: str) -> Cell | None:
    """A cell's number, unit hints and marks; None when the cell is a heading or empty.

    >>> parse_cell("1,400.0")
    Cell(value=Decimal('1400.0'), money=False, percent=False, marks=(), status=None, decimals=1)
    >>> parse_cell("Not applicableᵇ").marks, parse_cell("15.0ᵃ").value
    (('b',), Decimal('15.0'))
    """
    text = " ".join(text.split())
    m = _CELL.match(text)
    if m:
        try:
            value = Decimal(m.group("num").replace(",", ""))
        except InvalidOperation:
            return None
        decimals = len(m.group("num").split(".")[1]) if "." in m.group("num") else 0
        return Cell(value, bool(m.group("cur")), bool(m.group("pct")), _marks(m), None, decimals)
    m = _NOT_APPLICABLE.match(text)
    if m and text:
        return Cell(None, False, False, _marks(m), _status(m.group("na")), 0)
    return None


def _marks(m: re.Match[str]) -> tuple[str, ...]:
    if m.group("mark"):
        return (m.group("mark"),)
    return tuple(_SUPERSCRIPT[c] for c in m.group("sup") or "")


def extract_tables(doc: Document, lexicon: Lexicon) -> list[TableFacts]:
    """Every table with numeric cells as a dataset of observations, with its totals checked."""
    out = []
    for index, table in enumerate(doc.tables):
        facts = _table(doc, index, table, lexicon)
        if facts is not None:
            out.append(facts)
    return out


def _table(doc: Document, index: int, table: Table, lexicon: Lexicon) -> TableFacts | None:
    rows = table.rows
    parsed = [[parse_cell(c.text) for c in row] for row in rows]
    header = 0
    while header < len(rows) and not any(p is not None and p.value is not None for p in parsed[header][1:]):
        header += 1
    if header >= len(rows):
        return None
    width = max(len(r) for r in rows)
    stated_unit = _stated_unit(doc, table)
    headings = [_heading(rows[:header], j, stated_unit is not None) for j in range(width)]
    notes, note_lines = _notes(doc, table)
    recipient = _recipient(doc, table, lexicon)
    total_columns = {j for j in range(1, width) if _TOTAL_COLUMN.search(headings[j])}
    observations: dict[tuple[int, int], Observation] = {}
    cells: dict[tuple[int, int], Cell] = {}
    total_rows: set[int] = set()
    for i in range(header, len(rows)):
        label = rows[i][0].text if rows[i] and parse_cell(rows[i][0].text) is None else ""
        if _TOTAL_ROW.search(label):
            total_rows.add(i)
        row_entity = _named(lexicon, rows[i][0]) if label else None
        row_year = _fiscal_year(label)
        for j in range(1, len(rows[i])):
            cell = parsed[i][j]
            if cell is None:
                continue
            cells[(i, j)] = cell
            observations[(i, j)] = _observation(
                doc, rows[i][j], cell, label, headings[j], stated_unit, notes, i in total_rows or j in total_columns,
                row_entity or _named(lexicon, *[r[j] for r in rows[:header] if j < len(r)]),
                row_year, recipient,
            )
    checks = _row_checks(observations, cells, total_rows, header) + _column_checks(observations, cells,
                                                                                    total_columns, width)
    return TableFacts(index, table.label, table.caption, headings[0] or "row", "column",
                      tuple(observations[k] for k in sorted(observations)), tuple(checks), stated_unit,
                      tuple(note_lines))


def _stated_unit(doc: Document, table: Table) -> str | None:
    texts = [c.text for row in table.rows[:3] for c in row] + ([table.caption.text] if table.caption else [])
    for text in texts:
        m = _UNIT_STATED.search(text)
        if m:
            return _STATED_UNITS[m.group("mult").lower()]
    return None


def _heading(header_rows: list[list[Span]], j: int, unit_stated: bool) -> str:
    """A column's heading: its header cells top to bottom, without a unit statement."""
    parts = []
    for row in header_rows:
        if j < len(row) and row[j].text.strip():
            text = _UNIT_STATED.sub("", row[j].text).strip() if unit_stated else row[j].text.strip()
            if text:
                parts.append(" ".join(text.split()))
    return re.sub(r"(\d)-\s+(\d)", r"\1-\2", " ".join(parts))


def _fiscal_year(text: str) -> str | None:
    fiscal = [t for t in find_temporal(text) if t.fiscal]
    return fiscal[0].fiscal[0] if len(fiscal) == 1 and len(fiscal[0].fiscal) == 1 else None


def _named(lexicon: Lexicon, *spans: Span) -> Entity | None:
    for span in spans:
        found = [n.entity for n in lexicon.within(span.start, span.end, frozenset({"program"}))]
        if found:
            return found[0]
    return None


def _recipient(doc: Document, table: Table, lexicon: Lexicon) -> Entity | None:
    """The country or region a table's caption says the figures are for ("… Funding for Mexico …")."""
    if table.caption is None:
        return None
    for n in lexicon.within(table.caption.start, table.caption.end, frozenset({"place"})):
        if _RECIPIENT_BEFORE.search(doc.text[max(table.caption.start, n.span.start - 6):n.span.start]):
            return n.entity
    m = _CAPTION_RECIPIENT.search(table.caption.text)
    return lexicon.lookup(m.group("name"), frozenset({"place"})) if m else None


def _notes(doc: Document, table: Table) -> tuple[dict[str, Span], list[Span]]:
    """Lettered notes ("a. …") and note/source lines under the table, up to its caption or the next text."""
    given = getattr(table, "notes", None)
    cells = [c for row in table.rows for c in row]
    if not cells:
        return {}, []
    start = max(c.end for c in cells)
    lines: list[Span] = []
    if given:
        lines = [s for s in given if isinstance(s, Span)]
    else:
        pos = doc.text.find("\n", start)
        count = 0
        while pos != -1 and count < _MAX_NOTE_LINES:
            end = doc.text.find("\n", pos + 1)
            end = len(doc.text) if end == -1 else end
            line = doc.text[pos + 1:end]
            if table.caption is not None and pos + 1 <= table.caption.start < end:
                break
            if line.strip():
                count += 1
                if _NOTE_LINE.match(line) or _NOTES_LINE.match(line):
                    lead = len(line) - len(line.lstrip())
                    lines.append(doc.span(pos + 1 + lead, end))
                elif lines:
                    break
            pos = end if end < len(doc.text) else -1
    marked: dict[str, Span] = {}
    for span in lines:
        m = _NOTE_LINE.match(span.text)
        if m:
            mark = m.group("mark") or _SUPERSCRIPT.get(m.group("sup") or "", "")
            marked.setdefault(mark, span)
    return marked, lines


def _observation(doc: Document, span: Span, cell: Cell, row: str, column: str, stated_unit: str | None,
                 notes: dict[str, Span], total: bool, entity: Entity | None, row_year: str | None,
                 recipient: Entity | None) -> Observation:
    if cell.percent:
        measure, unit = "percentage", "percent"
    elif _STUDENTS.search(column):
        measure, unit = "studentCount", "person"
    elif cell.money or stated_unit:
        measure, unit = "amount", stated_unit or "us-dollar"
    elif cell.value is not None and cell.decimals == 0:
        measure, unit = "count", None
    else:
        measure, unit = "amount", None
    account = entity if entity is not None and entity.type == "FundingAccount" else None
    program = entity if entity is not None and account is None else None
    appropriation = column if public_law_number(column) or re.search(r"\b(?:Request|Supp|Enacted|Estimate)", column) \
        else None
    return Observation(cell.value, span, " ".join(row.split()), column, unit, cell.marks, measure, cell.status,
                       tuple(notes[m] for m in cell.marks if m in notes), total, _fiscal_year(column) or row_year,
                       appropriation, account, program, recipient)


def _check(total: Observation, parts: list[tuple[Observation, Cell]], total_cell: Cell) -> TableCheck | None:
    valued = [(o, c) for o, c in parts if c.value is not None]
    if total_cell.value is None or not valued or total.measure == "percentage":
        return None
    summed = sum((c.value for _, c in valued if c.value is not None), Decimal(0))
    decimals = max([total_cell.decimals, *(c.decimals for _, c in valued)])
    tolerance = Decimal(5) / Decimal(10) ** (decimals + 1) * (len(valued) + 1)
    return TableCheck(total, summed, abs(summed - total_cell.value) <= tolerance, tuple(o for o, _ in valued))


def _row_checks(obs: dict[tuple[int, int], Observation], cells: dict[tuple[int, int], Cell], total_rows: set[int],
                header: int) -> list[TableCheck]:
    out = []
    for i in sorted(total_rows):
        first = max([header, *(r + 1 for r in total_rows if r < i)])
        for (ti, j), cell in sorted(cells.items()):
            if ti != i:
                continue
            parts = [(obs[(r, j)], cells[(r, j)]) for r in range(first, i) if (r, j) in cells]
            check = _check(obs[(i, j)], parts, cell)
            if check is not None:
                out.append(check)
    return out


def _column_checks(obs: dict[tuple[int, int], Observation], cells: dict[tuple[int, int], Cell],
                   total_columns: set[int], width: int) -> list[TableCheck]:
    out = []
    for j in sorted(total_columns):
        first = max([1, *(c + 1 for c in total_columns if c < j)])
        for (i, tj), cell in sorted(cells.items()):
            if tj != j:
                continue
            parts = [(obs[(i, c)], cells[(i, c)]) for c in range(first, j) if (i, c) in cells]
            check = _check(obs[(i, j)], parts, cell)
            if check is not None:
                out.append(check)
    return out


def _status(written: str) -> str:
    """The observation-status concept a cell's words name: "not available" or (anything else) not applicable."""
    return "not-available" if "available" in written.lower() else "not-applicable"
