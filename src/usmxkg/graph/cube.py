"""Table datasets → RDF Data Cube (https://www.w3.org/TR/vocab-data-cube/): data sets, structures, observations.

Each table is a ``qb:DataSet`` with its own ``qb:DataStructureDefinition``.
Every cell is a ``qb:Observation`` identified by the dimensions
``usmx:rowHeading`` and ``usmx:columnHeading`` (the headings as printed) and
``qb:measureType`` (tables mix money, student counts and percentages, so the
measure-dimension form of QB §7.1 is used: each observation has exactly one
measure). The headings' meaning is added as further dimensions (fiscal year,
appropriation, account, program, recipient); the structure declares those
every non-total cell has. Units, note marks, the notes they refer to, stated
totals and the "not applicable" status are attributes. A cell that states no
figure carries ``usmx:observationStatus`` and no measure, following SDMX's
observation status rather than inventing a zero.

Each stated total is checked against its cells as a ``usmx:TotalsCheck``;
one that disagrees says so in ``usmx:totalsAgree false`` and a comment, which
the shapes report as a warning.
"""

from __future__ import annotations

from usmxkg.document import Document
from usmxkg.extract.facts import Observation, TableCheck, TableFacts
from usmxkg.graph.entities import entity_node
from usmxkg.graph.evidence import add_evidence
from usmxkg.graph.initiatives import decimal_lexical
from usmxkg.graph.terms import QuadSink, iri, text, typed
from usmxkg.vocab import PROV, QB, RDF, RDFS, SCHEMA, USMX, VOCAB, source_iri

_MEASURE_TYPES = {"amount": "decimal", "percentage": "decimal", "studentCount": "nonNegativeInteger",
                  "count": "nonNegativeInteger"}
_OPTIONAL_DIMENSIONS = ("fiscal_year", "appropriation", "account", "program", "recipient")
_DIMENSION_PROPERTY = {"fiscal_year": USMX.fiscalYear, "appropriation": USMX.appropriation,
                       "account": USMX.account, "program": USMX.program, "recipient": USMX.recipient}


def dataset_iri(doc_id: str, table: TableFacts) -> str:
    """The data set of one table of one source (stable: document id and the table's place)."""
    return f"{source_iri(doc_id)}/table/{table.index + 1}"


def emit_tables(sink: QuadSink, doc: Document, work: str, tables: list[TableFacts]) -> None:
    """Every numeric table of the document as a data set with its structure, observations and checks."""
    for table in tables:
        if table.observations:
            _dataset(sink, doc, work, table)


def _dataset(sink: QuadSink, doc: Document, work: str, table: TableFacts) -> None:
    source = iri(source_iri(doc.doc_id))
    dataset = dataset_iri(doc.doc_id, table)
    sink.add(dataset, RDF.type, iri(QB.DataSet))
    title = " ".join(table.caption.text.split()) if table.caption else ""
    label = f"{table.label}. {title}" if table.label and title else (table.label or title or "Table")
    sink.add(dataset, RDFS.label, text(label))
    if table.unit:
        sink.add(dataset, USMX.unit, iri(f"{VOCAB}unit/{table.unit}"))
    for note in table.notes:
        sink.add(dataset, RDFS.comment, text(" ".join(note.text.split())))
    sink.add(dataset, PROV.wasDerivedFrom, source)
    sink.add(work, SCHEMA.mentions, iri(dataset))
    if table.caption is not None:
        add_evidence(sink, doc.doc_id, dataset, table.caption)
    _structure(sink, dataset, table)
    nodes: dict[tuple[int, int], str] = {}
    for observation in table.observations:
        nodes[(observation.evidence.start, observation.evidence.end)] = _observation(sink, doc, dataset, observation)
    for k, check in enumerate(table.checks):
        _check(sink, doc, dataset, k, check, nodes)


def _structure(sink: QuadSink, dataset: str, table: TableFacts) -> None:
    dsd = f"{dataset}/structure"
    sink.add(dataset, QB.structure, iri(dsd))
    sink.add(dsd, RDF.type, iri(QB.DataStructureDefinition))
    cells = [o for o in table.observations if not o.total]
    dimensions = [USMX.rowHeading, USMX.columnHeading, QB.measureType]
    dimensions += [_DIMENSION_PROPERTY[name] for name in _OPTIONAL_DIMENSIONS
                   if cells and all(getattr(o, name) is not None for o in cells)]
    order = 0
    for prop in dimensions:
        order += 1
        spec = f"{dsd}/component/{order}"
        sink.add(dsd, QB.component, iri(spec))
        sink.add(spec, QB.dimension, iri(prop))
        sink.add(spec, QB.order, typed(str(order), "integer"))
    for measure in sorted({o.measure for o in table.observations}):
        order += 1
        spec = f"{dsd}/component/{order}"
        sink.add(dsd, QB.component, iri(spec))
        sink.add(spec, QB.measure, iri(USMX[measure]))
    for attribute in (USMX.unit, USMX.observationStatus, USMX.noteMark, USMX.cellNote, USMX.statedTotal):
        order += 1
        spec = f"{dsd}/component/{order}"
        sink.add(dsd, QB.component, iri(spec))
        sink.add(spec, QB.attribute, iri(attribute))
        sink.add(spec, QB.componentRequired, typed("false", "boolean"))


def _observation(sink: QuadSink, doc: Document, dataset: str, o: Observation) -> str:
    node = f"{dataset}/cell/{o.evidence.start}-{o.evidence.end}"
    sink.add(node, RDF.type, iri(QB.Observation))
    sink.add(node, QB.dataSet, iri(dataset))
    sink.add(node, USMX.rowHeading, text(o.row))
    sink.add(node, USMX.columnHeading, text(o.column))
    sink.add(node, QB.measureType, iri(USMX[o.measure]))
    if o.value is not None:
        value = decimal_lexical(o.value)
        if _MEASURE_TYPES[o.measure] == "nonNegativeInteger":
            value = str(int(o.value))
        sink.add(node, USMX[o.measure], typed(value, _MEASURE_TYPES[o.measure]))
    if o.status:
        sink.add(node, USMX.observationStatus, iri(f"{VOCAB}observation-status/{o.status}"))
    if o.unit:
        sink.add(node, USMX.unit, iri(f"{VOCAB}unit/{o.unit}"))
    for mark in o.marks:
        sink.add(node, USMX.noteMark, text(mark))
    for note in o.notes:
        sink.add(node, USMX.cellNote, text(" ".join(note.text.split())))
    if o.total:
        sink.add(node, USMX.statedTotal, typed("true", "boolean"))
    if o.fiscal_year:
        sink.add(node, USMX.fiscalYear, typed(o.fiscal_year, "gYear"))
    if o.appropriation:
        sink.add(node, USMX.appropriation, text(o.appropriation))
    if o.account is not None and o.account.type == "FundingAccount":
        sink.add(node, USMX.account, iri(entity_node(sink, doc.doc_id, o.account)))
    if o.program is not None and o.program.type != "FundingAccount":
        sink.add(node, USMX.program, iri(entity_node(sink, doc.doc_id, o.program)))
    if o.recipient is not None and o.recipient.kind == "place":
        sink.add(node, USMX.recipient, iri(entity_node(sink, doc.doc_id, o.recipient)))
    sink.add(node, PROV.wasDerivedFrom, iri(source_iri(doc.doc_id)))
    add_evidence(sink, doc.doc_id, node, o.evidence)
    return node


def _check(sink: QuadSink, doc: Document, dataset: str, k: int, check: TableCheck,
           nodes: dict[tuple[int, int], str]) -> None:
    node = f"{dataset}/check/{k + 1}"
    total = nodes[(check.total.evidence.start, check.total.evidence.end)]
    sink.add(node, RDF.type, iri(USMX.TotalsCheck))
    sink.add(node, USMX.checkedTotal, iri(total))
    for cell in check.cells:
        sink.add(node, USMX.summedCell, iri(nodes[(cell.evidence.start, cell.evidence.end)]))
    sink.add(node, USMX.computedSum, typed(decimal_lexical(check.summed), "decimal"))
    sink.add(node, USMX.totalsAgree, typed("true" if check.holds else "false", "boolean"))
    if not check.holds:
        sink.add(node, RDFS.comment, text(mismatch_message(check)))
    sink.add(node, PROV.wasDerivedFrom, iri(source_iri(doc.doc_id)))


def mismatch_message(check: TableCheck) -> str:
    """A totals mismatch in words: which total, what it states and what its cells add up to."""
    return (f"stated total {check.total.evidence.text} ({check.total.row} / {check.total.column}) differs from "
            f"the sum of its {len(check.cells)} cells, {decimal_lexical(check.summed)}")
