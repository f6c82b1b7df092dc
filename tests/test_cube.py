"""Tables as RDF Data Cube: every cell an observation, stated totals checked (usmxkg.extract.tables, graph.cube).

The invented table of tests/data/cube/ is read into a document by hand (one row per
line, cells split at tabs, as the thesis reader does); the corpus thesis of 2014 has
the two tables whose every cell must be an observation; a copy of it with one cell
changed must fail its totals check, as a warning, never an error.
"""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
import rdflib

from usmxkg.document import Document, Table
from usmxkg.extract import extract
from usmxkg.extract.gazetteer import Gazetteer
from usmxkg.extract.named import Lexicon
from usmxkg.extract.tables import extract_tables, parse_cell
from usmxkg.pipeline import build
from usmxkg.readers import read_path
from usmxkg.reference import ReferencePaths, load_gazetteer

DATA = Path(__file__).parent / "data" / "cube"
THESIS = Path(__file__).resolve().parents[1] / "data" / "sources" / "001_10adcb2b2745c86e.txt"
QB = rdflib.Namespace("http://purl.org/linked-data/cube#")
USMX = rdflib.Namespace("https://w3id.org/usmx-kg/ontology#")


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer(ReferencePaths().entities)


def _invented() -> Document:
    text = (DATA / "invented_table.txt").read_text(encoding="utf-8")
    doc = Document("cube-fixture", "invented_table.txt", "text", text)
    rows, pos = [], 0
    for line in text.split("\n"):
        if "\t" in line:
            cells, start = [], pos
            for piece in line.split("\t"):
                cells.append(doc.span(start, start + len(piece)))
                start += len(piece) + 1
            rows.append(cells)
        pos += len(line) + 1
    caption = text.index("Invented Funding")
    doc.tables = [Table("Table 4", doc.span(caption, caption + len("Invented Funding for Mexico by Account")), rows)]
    return doc


def test_invented_table_observations_and_checks(gazetteer: Gazetteer) -> None:
    doc = _invented()
    (table,) = extract_tables(doc, Lexicon(doc, gazetteer))
    assert table.unit == "thousand-us-dollars" and table.row_dimension == "Account"
    assert len(table.observations) == 12
    cell = {(o.row, o.column): o for o in table.observations}
    esf = cell[("ESF", "FY2040 (P.L. 126-5)")]
    assert (esf.value, esf.fiscal_year, esf.appropriation, esf.measure) == (
        Decimal("10.5"), "2040", "FY2040 (P.L. 126-5)", "amount")
    assert esf.account is not None and esf.account.key == "economic-support-fund"
    assert esf.recipient is not None and esf.recipient.key == "mexico"
    na = cell[("FMF", "FY2041 (P.L. 127-9)")]
    assert (na.value, na.status, na.marks) == (None, "not-applicable", ("a",))
    assert [n.text for n in na.notes] == ["a. FMF ended after FY2040."]
    assert cell[("Total", "Account Totals")].total and not esf.total
    assert cell[("ESF", "FY2042 Request")].fiscal_year == "2042"
    assert len(table.checks) == 7 and all(c.holds for c in table.checks)
    assert [n.text for n in table.notes] == ["Sources: Invented Budget Office.", "a. FMF ended after FY2040."]


def test_invented_table_mismatch_is_a_failed_check(gazetteer: Gazetteer) -> None:
    doc = _invented()
    start = doc.text.index("10.5")
    doc.text = doc.text[:start] + "11.5" + doc.text[start + 4:]
    doc.tables[0].rows[2][1] = doc.span(start, start + 4)
    (table,) = extract_tables(doc, Lexicon(doc, gazetteer))
    failing = {(c.total.row, c.total.column, c.summed) for c in table.checks if not c.holds}
    assert failing == {("Total", "FY2040 (P.L. 126-5)", Decimal("13.5")),
                       ("ESF", "Account Totals", Decimal("16.0"))}


def test_thesis_tables_every_cell_is_an_observation(gazetteer: Gazetteer) -> None:
    doc = read_path(THESIS)
    tables = extract(doc, gazetteer).tables
    assert [(t.label, len(t.observations)) for t in tables] == [("Table 1", 40), ("Table 2", 30)]
    for facts, source in zip(tables, doc.tables, strict=True):
        cells = {(c.start, c.end) for row in source.rows for c in row[1:] if parse_cell(c.text) is not None}
        assert {(o.evidence.start, o.evidence.end) for o in facts.observations} == cells
        assert facts.checks and all(c.holds for c in facts.checks)
    first, second = tables
    assert sum(1 for o in first.observations if o.status == "not-applicable") == 3
    students = [o for o in second.observations if o.measure == "studentCount"]
    assert len(students) == 12 and {o.unit for o in students} == {"person"}
    (fy08,) = [o for o in students if o.row == "FY08" and o.column == "Total Number of IMET Students"]
    assert (fy08.value, fy08.fiscal_year) == (Decimal("27"), "2008")
    assert fy08.program is not None and fy08.program.key == "international-military-education-and-training"


def test_changed_cell_in_a_copy_is_reported(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    text = THESIS.read_text(encoding="utf-8")
    assert "ESF\t20.0\t15.0" in text
    (sources / "thesis.txt").write_text(text.replace("ESF\t20.0\t15.0", "ESF\t25.0\t15.0", 1), encoding="utf-8")
    shutil.copy(THESIS.parent / "000_9ec1eeefcfc23bd1.txt", sources / "record.txt")
    result = build(sources, tmp_path / "out")
    assert result.validation is not None and result.validation.conforms
    assert "totals check" in result.validation.text.lower() or "stated total" in result.validation.text
    warnings = [w for w in result.warnings if "stated total" in w]
    assert len(warnings) == 2 and all("Table 1" in w for w in warnings)
    data = rdflib.Dataset()
    data.parse(tmp_path / "out" / "graph.nq", format="nquads")
    failed = {s for s, _, _, _ in data.quads((None, USMX.totalsAgree, rdflib.Literal(False), None))}
    assert len(failed) == 2


def test_corpus_cube_in_the_graph(corpus_dataset: rdflib.Dataset) -> None:
    observations = {s for s, _, _, _ in corpus_dataset.quads((None, rdflib.RDF.type, QB.Observation, None))}
    assert len(observations) == 70
    datasets = {s for s, _, _, _ in corpus_dataset.quads((None, rdflib.RDF.type, QB.DataSet, None))}
    assert len(datasets) == 2
    for dataset in datasets:
        (structure,) = {o for _, _, o, _ in corpus_dataset.quads((dataset, QB.structure, None, None))}
        dimensions = {o for c in {o for _, _, o, _ in corpus_dataset.quads((structure, QB.component, None, None))}
                      for _, _, o, _ in corpus_dataset.quads((c, QB.dimension, None, None))}
        assert {USMX.rowHeading, USMX.columnHeading, QB.measureType} <= dimensions
    agree = {o for _, _, o, _ in corpus_dataset.quads((None, USMX.totalsAgree, None, None))}
    assert agree == {rdflib.Literal(True)}
