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


# ------------------------------------------------------------------ review decisions and the predicate rule

REVIEW_HEADER = "iri\tlabel\tqid\tcandidate_label\tscore\tmethod\tdecision\treviewer\tdate\treasons\n"
MEXICO = "https://w3id.org/usmx-kg/id/place/mexico"
NAVY = "https://w3id.org/usmx-kg/id/institution/mexican-navy"


def country_table(tmp_path):
    table = tmp_path / "external-ids.tsv"
    header = "iri\tlabel\tkind\twikidata_qid\twikipedia_title\tevidence\twikipedia_title_verified\tgeonames_id\n"
    table.write_text(header + f"{MEXICO}\tMexico\tplace\tQ96\tMexico\tseen in a cited record\tyes\t3996063\n",
                     encoding="utf-8")
    return table


def test_each_source_of_a_link_gives_its_predicate_and_justification(tmp_path):
    from usmxkg.link import read_links
    from usmxkg.link.model import CLOSE_MATCH, MANUAL_CURATION, MAPPING_REVIEW, SAME_AS

    reviews = tmp_path / "link-reviews.tsv"
    reviews.write_text(REVIEW_HEADER
                       + f"{NAVY}\tMexican Navy\tQ900000001\tMexican Navy\t0.950\tfuzzy\taccept\tA. Reviewer\t"
                         "2026-01-01\tsame body\n"
                       + f"{MEXICO}\tMexico\tQ900000002\tMexico (state)\t0.900\tfuzzy\treject\tA. Reviewer\t\tstate\n"
                       + f"{NAVY}\tMexican Navy\tQ900000003\tNavy of Mexico\t0.880\tfuzzy\tclose\tA. Reviewer\t\t"
                         "predecessor\n", encoding="utf-8")
    links = {(link.predicate, link.target): link for link in read_links(country_table(tmp_path), reviews,
                                                                       {MEXICO, NAVY})}
    assert links[(SAME_AS, str(WD.Q96))].justification == MANUAL_CURATION
    assert links[(str(SKOS.exactMatch), "http://dbpedia.org/resource/Mexico")].source == "external-ids.tsv:2"
    assert (str(SKOS.exactMatch), "https://sws.geonames.org/3996063/") in links
    accepted = links[(SAME_AS, str(WD.Q900000001))]
    assert (accepted.subject, accepted.justification, accepted.reviewer) == (NAVY, MAPPING_REVIEW, "A. Reviewer")
    assert accepted.confidence == 0.95 and accepted.source == "link-reviews.tsv:2"
    assert links[(CLOSE_MATCH, str(WD.Q900000003))].subject == NAVY
    assert not any(target.endswith("Q900000002") for _, target in links)  # a rejection gives no link


@pytest.mark.parametrize(("row", "message"), [
    (f"{NAVY}\tN\tQ9\t\t\t\tmaybe\tA. Reviewer\t\t\n", r"link-reviews\.tsv:2: decision 'maybe' is not one of"),
    (f"{NAVY}\tN\tQ9\t\t\t\taccept\t\t\t\n", r"link-reviews\.tsv:2: a decision needs a reviewer"),
    (f"{NAVY}\tN\tQ9\t\t1.7\t\taccept\tA. Reviewer\t\t\n", r"link-reviews\.tsv:2: score 1\.7 is not between"),
    (f"{MEXICO}\tM\tQ9\t\t\t\taccept\tA. Reviewer\t\t\n", r"link-reviews\.tsv:2: .*mexico already has .*Q96"),
    (f"{MEXICO}\tM\tQ96\t\t\t\treject\tA. Reviewer\t\t\n", r"external-ids\.tsv:2: Q96 .* is also rejected"),
])
def test_a_bad_review_row_is_named(tmp_path, row, message):
    from usmxkg.link import read_links

    reviews = tmp_path / "link-reviews.tsv"
    reviews.write_text(REVIEW_HEADER + row, encoding="utf-8")
    with pytest.raises(BuildError, match=message):
        read_links(country_table(tmp_path), reviews, {MEXICO, NAVY})


def test_the_curated_reviews_only_reject_and_name_known_entities():
    from usmxkg.link.table import review_links
    from usmxkg.reference import reference_entities

    paths = ReferencePaths()
    links, rejected = review_links(paths.link_reviews, reference_entities(paths))
    verified = {(row["iri"], row["wikidata_qid"]) for row in verified_rows()}
    assert rejected and not rejected & verified
    assert all(link.reviewer for link in links)


def test_federated_queries_are_marked_as_needing_the_network_and_parse():
    from rdflib.plugins.sparql import prepareQuery

    folder = ReferencePaths().ontology_dir.parent / "queries" / "federated"
    queries = sorted(folder.glob("*.rq"))
    assert queries
    for path in queries:
        text = path.read_text(encoding="utf-8")
        assert "# network: needs https://query.wikidata.org/sparql" in text, path
        assert "SERVICE <https://query.wikidata.org/sparql>" in text, path
        prepareQuery(text)  # syntax only: the offline tests never run a SERVICE call
