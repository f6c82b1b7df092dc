"""External links in the build come only from the verified table, with its evidence."""

from __future__ import annotations

import csv

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from usmxkg.errors import BuildError
from usmxkg.reference import ReferencePaths, link_quads
from usmxkg.vocab import GRAPH, WD

TABLE = ReferencePaths().external_ids


def verified_rows() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


@pytest.fixture(scope="module")
def dataset(corpus_dataset) -> rdflib.Dataset:
    return corpus_dataset


def test_every_wikidata_sameas_is_in_the_verified_table(dataset):
    verified = {(row["iri"], str(WD[row["wikidata_qid"]])) for row in verified_rows() if row["wikidata_qid"]}
    found = {(str(s), str(o)) for s, _, o, _ in dataset.quads((None, OWL.sameAs, None, None))
             if str(o).startswith(str(WD))}
    assert found == verified
    assert all(row["evidence"].strip() for row in verified_rows() if row["wikidata_qid"])


def test_links_live_in_their_own_graph_and_point_at_typed_labelled_entities(dataset):
    links = dataset.graph(GRAPH.links)
    reference = dataset.graph(GRAPH.reference)
    assert len(links) > 0
    linked = {s for p in (OWL.sameAs, SKOS.exactMatch, SKOS.closeMatch) for s in links.subjects(p)}
    assert linked
    for subject in linked:
        assert reference.value(subject, RDF.type) is not None, subject
        assert reference.value(subject, RDFS.label) is not None, subject


def test_dbpedia_links_only_for_verified_titles(dataset):
    allowed = {row["iri"] for row in verified_rows() if row["wikipedia_title_verified"] == "yes"}
    dbpedia = {str(s) for s, o in dataset.graph(GRAPH.links).subject_objects(SKOS.exactMatch)
               if str(o).startswith("http://dbpedia.org/resource/")}
    assert dbpedia <= allowed
    assert dbpedia, "no verified title produced a DBpedia link"


def test_a_row_naming_an_unknown_entity_is_rejected(tmp_path):
    table = tmp_path / "ids.tsv"
    header = "iri\tlabel\tkind\twikidata_qid\twikipedia_title\tevidence\twikipedia_title_verified\tgeonames_id\n"
    row = "https://w3id.org/usmx-kg/id/place/atlantis\tAtlantis\tplace\tQ1\t\tnone\tno\t\n"
    table.write_text(header + row, encoding="utf-8")
    with pytest.raises(BuildError, match=r"ids\.tsv:2: .*atlantis is not an entity"):
        link_quads(table, known=set())


def test_a_malformed_qid_is_rejected(tmp_path):
    table = tmp_path / "ids.tsv"
    entity = "https://w3id.org/usmx-kg/id/place/mexico"
    header = "iri\tlabel\tkind\twikidata_qid\twikipedia_title\tevidence\twikipedia_title_verified\tgeonames_id\n"
    table.write_text(header +
                     f"{entity}\tMexico\tplace\tQ96x\t\tsee\tno\t\n", encoding="utf-8")
    with pytest.raises(BuildError, match="is not a Wikidata QID"):
        link_quads(table, known={entity})
