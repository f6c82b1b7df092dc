"""Acceptance of the links graph on the corpus build: exact QIDs, evidence for every link, a valid SSSOM set."""

from __future__ import annotations

import csv
import logging
from pathlib import Path
from urllib.parse import unquote

import pytest
import rdflib
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from usmxkg.reference import ReferencePaths
from usmxkg.vocab import GRAPH, WD

ROOT = Path(__file__).resolve().parents[1]
SHARED_TABLE = ROOT.parent / "shared" / "reference" / "external-ids.tsv"
SSSOM = rdflib.Namespace("https://w3id.org/sssom/")
SEMAPV = "https://w3id.org/semapv/vocab/"
LINK_PREDICATES = (OWL.sameAs, SKOS.exactMatch, SKOS.closeMatch)


def table(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


@pytest.fixture(scope="module")
def links(corpus_dataset) -> rdflib.Graph:
    return corpus_dataset.graph(GRAPH.links)


def link_triples(links: rdflib.Graph) -> set[tuple[str, str, str]]:
    return {(str(s), str(p), str(o)) for p in LINK_PREDICATES for s, o in links.subject_objects(p)}


@pytest.mark.skipif(not SHARED_TABLE.exists(), reason="shared verified table not beside the clone")
def test_every_entity_with_a_verified_qid_is_linked_to_exactly_that_qid(links):
    iri_of = {row["label"]: row["iri"] for row in table(ReferencePaths().external_ids)}
    verified = {iri_of[row["label"]]: row["wikidata_qid"] for row in table(SHARED_TABLE) if row["wikidata_qid"]}
    assert len(verified) >= 30
    found: dict[str, set[str]] = {}
    for s, o in links.subject_objects(OWL.sameAs):
        if str(o).startswith(str(WD)):
            found.setdefault(str(s), set()).add(str(o).removeprefix(str(WD)))
    for entity, qid in sorted(verified.items()):
        assert found.get(entity) == {qid}, entity
    owners: dict[str, list[str]] = {}
    for entity, qids in found.items():
        for qid in qids:
            owners.setdefault(qid, []).append(entity)
    assert all(len(entities) == 1 for entities in owners.values()), owners
    unverified = set(found) - set(verified)
    assert not unverified, f"Wikidata links without a verified row or an accepted review: {sorted(unverified)}"


def test_every_link_carries_its_evidence_and_the_row_it_came_from(links):
    paths = ReferencePaths()
    rows = {"external-ids.tsv": table(paths.external_ids), "link-reviews.tsv": table(paths.link_reviews)}
    triples = link_triples(links)
    assert len(triples) >= 60
    axioms = {(str(links.value(a, OWL.annotatedSource)), str(links.value(a, OWL.annotatedProperty)),
               str(links.value(a, OWL.annotatedTarget))): a for a in links.subjects(RDF.type, OWL.Axiom)}
    assert set(axioms) == triples
    for triple, axiom in axioms.items():
        justification = str(links.value(axiom, SSSOM.mapping_justification))
        assert justification.startswith(SEMAPV), triple
        assert str(links.value(axiom, RDFS.comment) or "").strip(), triple
        name, line = str(links.value(axiom, DCTERMS.source)).split(":")
        assert rows[name][int(line) - 2]["iri"] == triple[0], triple  # line 1 is the header


def test_the_built_mapping_set_validates_with_sssom_and_holds_every_link(corpus_build, links, caplog):
    from sssom.parsers import parse_sssom_table
    from sssom.validators import validate

    _, out = corpus_build
    with caplog.at_level(logging.WARNING):
        mapping_set = parse_sssom_table(out / "mappings.sssom.tsv")
        reports = validate(mapping_set, fail_on_error=False)
    assert not [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert all(not report.results for report in reports.values()), reports
    expand = mapping_set.converter.expand
    rows = {(unquote(expand(r.subject_id)), expand(r.predicate_id), unquote(expand(r.object_id)))
            for r in mapping_set.df.itertuples()}
    assert rows == link_triples(links)
    assert set(mapping_set.df["mapping_justification"]) <= {"semapv:ManualMappingCuration", "semapv:MappingReview",
                                                             "semapv:LexicalSimilarityThresholdMatching"}
