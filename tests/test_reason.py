"""OWL 2 RL inference: what the corpus entails, what cleaning keeps out, and agreement of the two engines."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib import BNode, Literal, URIRef

from usmxkg.cli import main
from usmxkg.pipeline import BuildResult
from usmxkg.reason import INFERRED_GRAPH, clean, infer, reason_build, union_of
from usmxkg.vocab import ID, OWL, RDF, RDFS, USMX, XSD

ORG = rdflib.Namespace("http://www.w3.org/ns/org#")
NPS = URIRef(f"{ID}institution/naval-postgraduate-school")


@pytest.fixture(scope="module")
def corpus_union(corpus_build: tuple[BuildResult, Path]) -> rdflib.Graph:
    return union_of(corpus_build[1] / "graph.nq")


def test_the_corpus_entails_superclasses_and_inverse_relations(corpus_union: rdflib.Graph) -> None:
    inferred = infer(corpus_union).triples
    assert (NPS, RDF.type, ORG.Organization) in inferred  # usmx:Institution ⊑ org:Organization
    assert (NPS, RDF.type, URIRef("https://schema.org/EducationalOrganization")) in inferred
    parent = URIRef(f"{ID}institution/national-defense-university")
    child = URIRef(f"{ID}institution/william-j-perry-center-for-hemispheric-defense-studies")
    assert (child, USMX.subOrganizationOf, parent) in corpus_union
    assert (parent, USMX.hasSubOrganization, child) in inferred  # owl:inverseOf
    assert not any(t in corpus_union for t in inferred), "only what is not asserted is written"


def test_cleaning_keeps_only_valid_informative_rdf() -> None:
    asserted = rdflib.Graph()
    thing = URIRef("http://example.org/x")
    kept, dropped = clean([
        (Literal("a literal"), RDF.type, RDFS.Resource),
        (thing, OWL.sameAs, thing),
        (thing, RDF.type, OWL.Thing),
        (USMX.Person, RDFS.subClassOf, USMX.Person),
        (BNode(), RDF.type, OWL.Class),
        (OWL.Thing, RDF.type, OWL.Class),
        (thing, RDFS.label, Literal("x", datatype=XSD.string)),
    ], asserted)
    assert kept == {(thing, RDFS.label, Literal("x"))}, "xsd:string literals are written as plain literals"
    assert dropped == {"literal subject": 1, "blank node": 1, "reflexive owl:sameAs": 1, "tautology": 2,
                       "vocabulary axiom": 1, "asserted": 0}


def test_reason_writes_a_sorted_deterministic_inferred_graph(corpus_build: tuple[BuildResult, Path],
                                                             tmp_path: Path) -> None:
    first, second = tmp_path / "a.nq", tmp_path / "b.nq"
    reason_build(corpus_build[1] / "graph.nq", first)
    reason_build(corpus_build[1] / "graph.nq", second)
    data = first.read_bytes()
    assert data == second.read_bytes()
    lines = data.decode("utf-8").splitlines()
    assert lines == sorted(lines) and all(line.endswith(f"<{INFERRED_GRAPH}> .") for line in lines)
    assert "_:" not in data.decode("utf-8")


def test_reason_without_a_build_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reason", "--graph", str(tmp_path / "missing.nq"), "-o", str(tmp_path / "x.nq")]) == 1
    err = capsys.readouterr().err
    assert "missing.nq" in err and "run usmxkg build first" in err and "Traceback" not in err


@pytest.mark.slow
def test_reasonable_agrees_with_owlrl_on_the_corpus(corpus_union: rdflib.Graph) -> None:
    """The fast engine gives the reference engine's inferences; the one documented difference is schema-level.

    owlrl also applies the schema rules scm-dom2 and scm-rng2 (a property's
    domain and range extend to the superproperties' and superclasses'), which
    reasonable does not implement: those ``rdfs:domain``/``rdfs:range``
    triples about ontology properties are the only triples owlrl alone gives.
    """
    fast, reference = infer(corpus_union, "reasonable").triples, infer(corpus_union, "owlrl").triples
    assert fast - reference == set()
    only_reference = reference - fast
    assert {p for _, p, _ in only_reference} <= {RDFS.domain, RDFS.range}
    assert all(str(s).startswith(str(USMX)) or "#" in str(s) or "/ns/" in str(s) for s, _, _ in only_reference)
