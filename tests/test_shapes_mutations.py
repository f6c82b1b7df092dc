"""Every shape constraint is seen to fire: one mutation each, reported exactly, the same by both engines.

The mutations (:mod:`tests.shape_mutations`) change an extract of the built
corpus; the fast engine (shapes compiled to SPARQL on pyoxigraph) is run on
each alone, and both engines, the fast one and pySHACL, on all of them at once,
where their results must be exactly the expected ones and equal to each other.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import SH

from tests.shape_mutations import MUTATIONS, Key, Mutation, Used, extract
from usmxkg import shacl_fast
from usmxkg.pipeline import BuildResult
from usmxkg.shacl_compile import Compiler
from usmxkg.validate import SHAPES, ValidationReport, validate_file, validate_graph


def keys(report: ValidationReport) -> set[Key]:
    return {(r.shape, r.focus, r.path, r.component) for r in report.results}


def value(text: str) -> object:
    """A result's value compared as a number where it is one.

    The only documented difference of the engines: Oxigraph keeps a numeric
    literal in its canonical form ("-5.0"^^xsd:decimal is read back as "-5"), so
    the fast engine names the same value in a shorter lexical form.
    """
    try:
        return Decimal(text)
    except InvalidOperation:
        return text


def details(report: ValidationReport) -> set[tuple[object, ...]]:
    return {(r.shape, r.focus, r.path, r.component, value(r.value), r.severity, r.message) for r in report.results}


@pytest.fixture(scope="module")
def sample(corpus_build: tuple[BuildResult, Path]) -> rdflib.Graph:
    return extract(corpus_build[1] / "graph.nq")


def mutated(sample: rdflib.Graph, mutations: tuple[Mutation, ...]) -> tuple[rdflib.Graph, set[Key]]:
    graph = rdflib.Graph()
    for triple in sample:
        graph.add(triple)
    used = Used(sample)
    return graph, {m.apply(graph, used) for m in mutations}


def test_the_extract_conforms_under_both_engines(sample: rdflib.Graph) -> None:
    for engine in ("fast", "pyshacl"):
        report = validate_graph(sample, engine=engine)
        assert report.results == (), (engine, report.text)


@pytest.mark.parametrize("mutation", MUTATIONS, ids=[m.name for m in MUTATIONS])
def test_the_fast_engine_reports_exactly_the_mutated_constraint(sample: rdflib.Graph, mutation: Mutation) -> None:
    graph, expected = mutated(sample, (mutation,))
    assert keys(validate_graph(graph, engine="fast")) == expected


def test_both_engines_report_exactly_every_mutation_and_agree(sample: rdflib.Graph) -> None:
    graph, expected = mutated(sample, MUTATIONS)
    fast, reference = validate_graph(graph, engine="fast"), validate_graph(graph, engine="pyshacl")
    assert keys(reference) == expected
    assert keys(fast) == expected
    assert details(fast) == details(reference)


def test_every_constraint_of_the_shapes_has_a_mutation() -> None:
    shapes, checks = shacl_fast.load_shapes(SHAPES)
    compiler = Compiler(shapes)
    constraints = {(c.named_shape, "" if c.path is None else str(c.path) if isinstance(c.path, rdflib.URIRef)
                    else compiler.path(c.path), str(c.component)) for c in checks}
    covered = {(f"https://w3id.org/usmx-kg/shapes#{m.shape}", m.path, str(SH[m.component + "ConstraintComponent"]))
               for m in MUTATIONS}
    assert constraints - covered == set()


def test_the_corpus_conforms_under_pyshacl_too(corpus_build: tuple[BuildResult, Path]) -> None:
    report = validate_file(corpus_build[1] / "graph.nq", engine="pyshacl")
    assert report.conforms and report.results == (), report.text
