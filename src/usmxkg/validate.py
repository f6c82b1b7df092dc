"""SHACL validation of a built graph (or any RDF file), behind one function, with reports people can act on.

Two engines give the same results: ``fast`` (the default) compiles the shapes
to SPARQL and runs them on pyoxigraph (:mod:`usmxkg.shacl_fast`); ``pyshacl``
is the reference implementation (https://github.com/RDFLib/pySHACL), one option
away; a test checks that both report the same results on the shapes, the corpus
and a mutation of the corpus for every constraint.
The report is the standard SHACL validation report
(https://www.w3.org/TR/shacl/#validation-report), written as Turtle, plus a
JSON summary and a text report grouped by shape and focus node; each result
names the source documents that state the offending resource and the text
spans that are its evidence, so a reader can open the file at the place.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
import rdflib
from pyoxigraph import RdfFormat, parse
from pyshacl import validate as shacl_validate
from rdflib.namespace import SH

from usmxkg import shacl_fast
from usmxkg.errors import BuildError
from usmxkg.rdfterms import to_oxigraph
from usmxkg.reference import PROJECT_ROOT, ReferencePaths
from usmxkg.shacl_compile import Compiler, UnsupportedShape
from usmxkg.vocab import OA, ONTOLOGY_IRI, USMX

SHAPES = PROJECT_ROOT / "ontology" / "shapes.ttl"

FORMATS = {".nq": ("nquads", RdfFormat.N_QUADS), ".trig": ("trig", RdfFormat.TRIG),
           ".ttl": ("turtle", RdfFormat.TURTLE), ".jsonld": ("json-ld", RdfFormat.JSON_LD),
           ".nt": ("nt", RdfFormat.N_TRIPLES)}
"""RDF files ``usmxkg validate`` reads, by extension: rdflib's parser name and pyoxigraph's format."""

ENGINES = ("fast", "pyshacl")
"""Validation engines: the default (shapes compiled to SPARQL on pyoxigraph) first, the reference second."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a resource was read: the source (``id/source/…``), character offsets and the words."""

    source: str
    start: int
    end: int
    exact: str


@dataclass(frozen=True, slots=True)
class ValidationResult:
    """One ``sh:ValidationResult``: which shape, which node and path, what value, how bad, and why."""

    shape: str
    focus: str
    path: str
    value: str
    severity: str
    message: str
    graphs: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    component: str = ""
    """The ``sh:sourceConstraintComponent``, e.g. ``http://www.w3.org/ns/shacl#MinCountConstraintComponent``."""


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """Whether the data conforms, its results, the readable report and the standard report graph."""

    conforms: bool
    violations: int
    text: str
    results: tuple[ValidationResult, ...] = ()
    graph: rdflib.Graph | None = None


def validate_graph(data: rdflib.Graph, shapes: Path = SHAPES, dataset: rdflib.Dataset | None = None,
                   engine: str = "fast") -> ValidationReport:
    """Validate ``data`` (with the ontology in it, for subclass targets) against ``shapes``.

    ``dataset``, when given, is where each focus node's named graphs are looked up.
    """
    if engine == "fast":
        store = shacl_fast.store_of(data)
        if dataset is not None:
            store.extend(_quad(s, p, o, g) for s, p, o, g in dataset.quads((None, None, None, None))
                         if g is not None and getattr(g, "identifier", g) != rdflib.graph.DATASET_DEFAULT_GRAPH_ID)
        return validate_store(store, shapes)
    _engine(engine)
    shapes_graph = rdflib.Graph().parse(shapes, format="turtle")
    conforms, report, _ = shacl_validate(data, shacl_graph=shapes_graph, advanced=True, allow_warnings=True)
    found = _results(report, shapes_graph, data, dataset)
    results = tuple(sorted(found, key=_order))
    return ValidationReport(bool(conforms), len(results), grouped_text(bool(conforms), results), results, report)


def _quad(s: rdflib.term.Node, p: rdflib.term.Node, o: rdflib.term.Node, g: object) -> pyoxigraph.Quad:
    graph = getattr(g, "identifier", g)
    return pyoxigraph.Quad(to_oxigraph(s), to_oxigraph(p),  # type: ignore[arg-type]
                           to_oxigraph(o), to_oxigraph(graph))  # type: ignore[arg-type]


def _engine(engine: str) -> None:
    if engine not in ENGINES:
        raise BuildError(f"unknown validation engine {engine!r}; use one of {', '.join(ENGINES)}")


def _order(result: ValidationResult) -> tuple[str, ...]:
    return (result.shape, result.focus, result.path, result.component, result.value, result.message)


def validate_store(store: pyoxigraph.Store, shapes: Path = SHAPES) -> ValidationReport:
    """Validate the union of an Oxigraph store's graphs with the fast engine; named graphs give the provenance."""
    try:
        shapes_graph, checks = shacl_fast.load_shapes(shapes)
    except UnsupportedShape as exc:
        raise BuildError(f"{shapes}: {exc}") from None
    rows = shacl_fast.run(store, checks)
    conforms = not any(row.check.severity == SH.Violation for row in rows)
    focus = sorted({row.focus for row in rows if isinstance(row.focus, rdflib.URIRef)})
    graphs, evidence = _store_graphs(store, focus), _store_evidence(store, focus)
    compiler = Compiler(shapes_graph)
    results = tuple(sorted((ValidationResult(
        shape=row.check.named_shape, focus=_text(row.focus),
        path=_path_text(compiler, row.check.path), value=_text(row.value),
        severity=_short(str(row.check.severity)), message=shacl_fast.messages(row, shapes_graph)[0],
        graphs=graphs.get(str(row.focus), ()), evidence=evidence.get(str(row.focus), ()),
        component=str(row.check.component)) for row in rows), key=_order))
    report = shacl_fast.report_graph(rows, shapes_graph, conforms)
    return ValidationReport(conforms, len(results), grouped_text(conforms, results), results, report)


def _values(nodes: list[rdflib.URIRef]) -> str:
    return "VALUES ?focus { " + " ".join(n.n3() for n in nodes) + " }"


def _store_graphs(store: pyoxigraph.Store, focus: list[rdflib.URIRef]) -> dict[str, tuple[str, ...]]:
    """The named graphs that state something about each focus node."""
    found: dict[str, set[str]] = defaultdict(set)
    for start in range(0, len(focus), 500):
        query = f"SELECT DISTINCT ?focus ?g WHERE {{ {_values(focus[start:start + 500])} GRAPH ?g {{ ?focus ?p ?o }} }}"
        for row in store.query(query):  # type: ignore[union-attr]
            found[row["focus"].value].add(row["g"].value)
    return {k: tuple(sorted(v)) for k, v in found.items()}


def _store_evidence(store: pyoxigraph.Store, focus: list[rdflib.URIRef]) -> dict[str, tuple[Evidence, ...]]:
    """The text spans each focus node was read from (its ``usmx:evidence`` selectors)."""
    found: dict[str, list[Evidence]] = defaultdict(list)
    for start in range(0, len(focus), 500):
        query = f"""SELECT DISTINCT ?focus ?source ?start ?end ?exact WHERE {{ {_values(focus[start:start + 500])}
            ?focus <{USMX.evidence}> ?ev . ?ev <{OA.hasSource}> ?source ; <{OA.hasSelector}> ?pos .
            ?pos <{OA.start}> ?start ; <{OA.end}> ?end .
            OPTIONAL {{ ?ev <{OA.hasSelector}>/<{OA.exact}> ?exact }} }}"""
        for row in store.query(query, use_default_graph_as_union=True):  # type: ignore[union-attr]
            exact = row["exact"]
            found[row["focus"].value].append(Evidence(row["source"].value, int(row["start"].value),
                                                      int(row["end"].value), exact.value if exact else ""))
    return {k: tuple(sorted(set(v), key=lambda e: (e.source, e.start, e.end, e.exact))) for k, v in found.items()}


def load_store(path: Path, paths: ReferencePaths | None = None) -> pyoxigraph.Store:
    """The file's graphs in an Oxigraph store; their union (and the ontology, if missing) is the default graph."""
    name, oxigraph_format = _format(path)
    try:
        store = shacl_fast.union_store(path, oxigraph_format)
    except SyntaxError as exc:
        raise BuildError(f"{path}: not valid {name}: {exc}") from None
    if not store.query(f"ASK {{ <{ONTOLOGY_IRI}> a <{rdflib.OWL.Ontology}> }}", use_default_graph_as_union=True):
        for ontology in (paths or ReferencePaths()).ontology_files:
            store.bulk_load(path=str(ontology), format=pyoxigraph.RdfFormat.TURTLE, to_graph=pyoxigraph.DefaultGraph())
    return store


def _format(path: Path) -> tuple[str, RdfFormat]:
    formats = FORMATS.get(path.suffix.lower())
    if formats is None:
        raise BuildError(f"{path}: unknown RDF format; use one of {', '.join(sorted(FORMATS))}")
    if not path.is_file():
        raise BuildError(f"{path}: file not found")
    return formats


def load(path: Path, paths: ReferencePaths | None = None) -> tuple[rdflib.Graph, rdflib.Dataset]:
    """The union of the file's graphs (with the ontology added when the file lacks it) and the dataset itself."""
    name, oxigraph_format = _format(path)
    try:  # pyoxigraph reports every syntax error as SyntaxError with its line and column
        for _ in parse(path=str(path), format=oxigraph_format):
            pass
    except SyntaxError as exc:
        raise BuildError(f"{path}: not valid {name}: {exc}") from None
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(path, format=name)
    union = rdflib.Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    if (rdflib.URIRef(ONTOLOGY_IRI), rdflib.RDF.type, rdflib.OWL.Ontology) not in union:
        for ontology in (paths or ReferencePaths()).ontology_files:
            union.parse(ontology, format="turtle")
    return union, dataset


def validate_file(path: Path, shapes: Path = SHAPES, engine: str = "fast") -> ValidationReport:
    """Validate the union of all graphs of an RDF file (N-Quads, TriG, Turtle, JSON-LD, N-Triples)."""
    _engine(engine)
    if engine == "fast":
        return validate_store(load_store(path), shapes)
    union, dataset = load(path)
    return validate_graph(union, shapes, dataset, engine)


def validate_nquads(path: Path, shapes: Path = SHAPES, engine: str = "fast") -> ValidationReport:
    """Validate a built dataset (sorted N-Quads)."""
    return validate_file(path, shapes, engine)


def _path_text(compiler: Compiler, path: rdflib.term.Node | None) -> str:
    """A result path as text: the predicate's IRI, or a SPARQL property path for a complex path."""
    if path is None:
        return ""
    return str(path) if isinstance(path, rdflib.URIRef) else compiler.path(path)


def _text(node: rdflib.term.Node | None) -> str:
    return "" if node is None else str(node)


def _short(node: str) -> str:
    return node.rsplit("#", 1)[-1] if "#" in node else node.rsplit("/", 1)[-1]


def _results(report: rdflib.Graph, shapes: rdflib.Graph, data: rdflib.Graph, dataset: rdflib.Dataset | None
             ) -> list[ValidationResult]:
    out = []
    paths = Compiler(report)
    # the report's own results; nested ones (sh:detail of sh:node, sh:or …) explain them and are not counted twice
    for result in sorted(report.objects(None, SH.result), key=str):
        focus = report.value(result, SH.focusNode)
        shape = report.value(result, SH.sourceShape)
        name = _shape_name(shapes, shape) if shape is not None else "(no shape)"
        out.append(ValidationResult(
            shape=name, focus=_text(focus), path=_path_text(paths, report.value(result, SH.resultPath)),
            value=_text(report.value(result, SH.value)),
            severity=_short(_text(report.value(result, SH.resultSeverity))),
            message=_text(report.value(result, SH.resultMessage)),
            graphs=_graphs(dataset, focus), evidence=_evidence(data, focus),
            component=_text(report.value(result, SH.sourceConstraintComponent)),
        ))
    return out


def _shape_name(shapes: rdflib.Graph, shape: rdflib.term.Node) -> str:
    """The named node shape a (possibly anonymous property) shape belongs to, for grouping."""
    if isinstance(shape, rdflib.URIRef):
        return str(shape)
    parent = next(iter(shapes.subjects(SH.property, shape)), None)
    return str(parent) if isinstance(parent, rdflib.URIRef) else "(anonymous shape)"


def _graphs(dataset: rdflib.Dataset | None, focus: rdflib.term.Node | None) -> tuple[str, ...]:
    if dataset is None or focus is None:
        return ()
    return tuple(sorted({str(c) for _, _, _, c in dataset.quads((focus, None, None, None)) if c is not None}))


def _evidence(data: rdflib.Graph, focus: rdflib.term.Node | None) -> tuple[Evidence, ...]:
    if focus is None:
        return ()
    out = []
    for node in data.objects(focus, USMX.evidence):
        source = data.value(node, OA.hasSource)
        for selector in data.objects(node, OA.hasSelector):
            start, end = data.value(selector, OA.start), data.value(selector, OA.end)
            if start is None or end is None:
                continue
            exact = next((data.value(q, OA.exact) for q in data.objects(node, OA.hasSelector)
                          if data.value(q, OA.exact) is not None), None)
            out.append(Evidence(_text(source), int(str(start)), int(str(end)), _text(exact)))
    return tuple(sorted(out, key=lambda e: (e.source, e.start, e.end)))


def grouped_text(conforms: bool, results: tuple[ValidationResult, ...]) -> str:
    """The report for people: results grouped by shape, then focus node, with where each node was read."""
    lines = [f"SHACL validation: {'conforms' if conforms else 'does not conform'} ({len(results)} results)"]
    by_shape: dict[str, list[ValidationResult]] = defaultdict(list)
    for result in results:
        by_shape[result.shape].append(result)
    for shape, shape_results in sorted(by_shape.items()):
        severities = Counter(r.severity for r in shape_results)
        lines.append(f"\n{shape}: " + ", ".join(f"{n} {s}" for s, n in sorted(severities.items())))
        by_focus: dict[str, list[ValidationResult]] = defaultdict(list)
        for result in shape_results:
            by_focus[result.focus].append(result)
        for focus, focus_results in sorted(by_focus.items()):
            lines.append(f"  {focus}")
            for result in focus_results:
                path = f" {_short(result.path)}" if result.path else ""
                value = f" = {result.value[:80]}" if result.value else ""
                lines.append(f"    {result.severity}{path}{value}: {result.message}")
            first = focus_results[0]
            for graph in first.graphs:
                lines.append(f"    stated in {graph}")
            for ev in first.evidence[:3]:
                lines.append(f"    read from {ev.source} [{ev.start}, {ev.end}): {ev.exact[:80]!r}")
    return "\n".join(lines) + "\n"


def summary(report: ValidationReport) -> dict[str, object]:
    """A JSON-ready summary: conformance, counts by shape and severity, and every result."""
    return {
        "conforms": report.conforms,
        "results": report.violations,
        "by_severity": dict(sorted(Counter(r.severity for r in report.results).items())),
        "by_shape": dict(sorted(Counter(r.shape for r in report.results).items())),
        "details": [
            {"shape": r.shape, "component": r.component, "focus": r.focus, "path": r.path, "value": r.value,
             "severity": r.severity,
             "message": r.message, "graphs": list(r.graphs),
             "evidence": [{"source": e.source, "start": e.start, "end": e.end, "exact": e.exact} for e in r.evidence]}
            for r in report.results
        ],
    }


def report_files(report: ValidationReport) -> dict[str, bytes]:
    """The three report files: readable text, the standard SHACL report (Turtle) and the JSON summary."""
    turtle = report.graph.serialize(format="turtle") if report.graph is not None else ""
    return {
        "shacl-report.txt": report.text.encode("utf-8"),
        "shacl-report.ttl": turtle.encode("utf-8") if isinstance(turtle, str) else turtle,
        "shacl-report.json": (json.dumps(summary(report), indent=2, ensure_ascii=False) + "\n").encode("utf-8"),
    }
