"""Claims from theses, news and blogs: types, claimants, addressees, judgements, spans, links across documents."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pytest
import rdflib
from rdflib import RDF, URIRef
from rdflib.namespace import DCTERMS, PROV

from usmxkg.document import Document
from usmxkg.extract import extract
from usmxkg.extract.facts import Claim, Facts
from usmxkg.extract.gazetteer import Gazetteer
from usmxkg.extract.sentences import document_sentences, running_pieces
from usmxkg.graph.claim_links import ClaimSummary, link_claims
from usmxkg.graph.claims import claim_text
from usmxkg.readers import read_path
from usmxkg.reference import ReferencePaths, load_gazetteer
from usmxkg.validate import validate_graph
from usmxkg.vocab import ID, USMX

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "data" / "sources"
FIXTURES = ROOT / "tests" / "data" / "claims"
JUDGED = ROOT / "tests" / "data" / "judged" / "claims.tsv"


@cache
def gazetteer() -> Gazetteer:
    return load_gazetteer(ReferencePaths().entities)


@cache
def read(path: Path) -> tuple[Document, Facts]:
    doc = read_path(path)
    return doc, extract(doc, gazetteer())


def source(prefix: str) -> Path:
    return next(SOURCES.glob(f"{prefix}_*.txt"))


def words(span_text: str) -> str:
    return " ".join(span_text.split())


def of_type(facts: Facts, kind: str) -> list[Claim]:
    return [c for c in facts.claims if c.type == kind]


# ------------------------------------------------------------------ fixtures with invented text


@pytest.mark.parametrize("name", ["thesis_claims.txt", "thesis_claims_wrapped.txt"])
def test_thesis_fixture_questions_hypotheses_findings_and_recommendations(name: str) -> None:
    _, facts = read(FIXTURES / name)
    texts = {(c.type, words(c.text.text)) for c in facts.claims}
    question = "Why do liaison offices in Gulf ports outlast the agreements that created them?"
    assert ("ResearchQuestion", question) in texts
    assert ("ResearchQuestion", "This thesis examines how liaison officers shape cooperation between the two coast "
            "guards.") in texts
    hypotheses = {words(c.text.text): c for c in of_type(facts, "Hypothesis")}
    first = next(c for t, c in hypotheses.items() if t.startswith("The first hypothesis is that shared drills"))
    second = hypotheses["A second form of explanation, drawn from budget politics, is assessed."]
    assert first.judgement == "supported" and second.judgement == "not supported"
    assert first.claimant is None and first.section == "HYPOTHESES"
    findings = {words(c.text.text): c for c in of_type(facts, "Finding")}
    assert findings["The evidence suggests that funding may follow the offices rather than create them."].hedge == "may"
    assert findings["Thus, shared drills explain the survival of liaison offices better than any budget rule."].cue == (
        "finding-conclusion")
    recommendations = {words(c.text.text): c for c in of_type(facts, "Recommendation")}
    first_rec = recommendations["1. The United States Coast Guard should hold harbor drills with its Mexican "
                                "counterparts every season."]
    assert first_rec.addressed is not None and first_rec.addressed.key == "united-states-coast-guard"
    assert first_rec.addressed.reference
    assert first_rec.action == "hold harbor drills with its Mexican counterparts every season"
    second_rec = recommendations["2. Port authorities must publish the costs of each liaison office."]
    assert second_rec.addressed is None and second_rec.action == "publish the costs of each liaison office"
    assert "The study recommends that both coast guards keep liaison logs in both languages." in recommendations


def test_reported_view_is_attributed_to_the_named_author_not_to_the_thesis() -> None:
    _, facts = read(FIXTURES / "thesis_claims.txt")
    (feld,) = [c for c in facts.claims if c.text.text.startswith("Feld argues that")]
    assert feld.type == "Assertion" and feld.cue == "assert-reported"
    assert feld.claimant is not None and feld.claimant.label == "Tomas R. Feld" and feld.claimant.kind == "person"


def test_sentence_broken_by_a_page_of_notes_keeps_its_words_and_leaves_the_notes_out() -> None:
    doc, facts = read(FIXTURES / "thesis_claims.txt")
    (claim,) = [c for c in facts.claims if c.text.text.startswith("This thesis argues that budget rules")]
    assert "Harbor Habits" in claim.text.text  # the span runs across the notes …
    pieces = running_pieces(doc, claim.text)
    assert [p.text for p in pieces] == [
        "This thesis argues that budget rules in the two countries differ greatly, because each",
        "treasury funds ports in its own way.",
    ]
    assert all(doc.text[p.start:p.end] == p.text for p in pieces)
    assert claim_text(pieces) == ("This thesis argues that budget rules in the two countries differ greatly, because "
                                  "each treasury funds ports in its own way.")


def test_sentences_are_exact_spans_and_skip_headings_notes_and_references() -> None:
    doc = read_path(FIXTURES / "thesis_claims.txt")
    sentences = document_sentences(doc)
    for sentence in sentences:
        assert doc.text[sentence.span.start:sentence.span.end] == sentence.span.text
        assert all(doc.text[p.start:p.end] == p.text for p in sentence.pieces)
    texts = [s.text for s in sentences]
    assert not any(t.startswith(("II. FINDINGS", "¹", "Feld, Tomas R. Port Money")) for t in texts)
    assert "How much do shared drills matter for port security?" in texts


def test_news_office_before_name_and_pronouns_resolve_to_the_named_speaker() -> None:
    _, facts = read(FIXTURES / "news_claims.txt")
    assertions = {words(c.text.text): c for c in of_type(facts, "Assertion")}
    lede = assertions["Harbor drills between the two coast guards will double next year, the assistant commandant for "
                      "international affairs said Tuesday."]
    later = assertions["The drills will not replace the annual exercise, the assistant commandant said."]
    pronoun = assertions["Port security depends on people who know each other, she said."]
    for claim in (lede, later, pronoun):
        assert claim.claimant is not None and claim.claimant.label == "Miriam T. Okafor"
        assert claim.date is not None and (claim.date.lexical, claim.date.datatype) == ("2023-04-09", "date")
    assert len(assertions) == 4


# ------------------------------------------------------------------ the corpus


def test_2010_thesis_yields_its_three_hypotheses_and_findings() -> None:
    _, facts = read(source("002"))
    hypotheses = [words(c.text.text) for c in of_type(facts, "Hypothesis")]
    assert any(t.startswith("Systemic realism, or neo-realism, argues that") for t in hypotheses)
    assert any(t.startswith("The second hypothesis this thesis analyzes") for t in hypotheses)
    assert any(t.startswith("Finally, a third form of explanation") for t in hypotheses)
    def judgement(start: str) -> str | None:
        return next(c.judgement for c in of_type(facts, "Hypothesis") if words(c.text.text).startswith(start))

    assert judgement("If this hypothesis is correct, then military-to-military") == "partially supported"
    assert judgement("If this hypothesis is correct, then U.S.-Mexico") == "not supported"
    assert judgement("Finally, a third form of explanation") == "supported"
    findings = of_type(facts, "Finding")
    assert len(findings) >= 3
    assert any(words(c.text.text).startswith("The thesis finds that World War II") for c in findings)


def test_2014_thesis_yields_research_questions_and_numbered_recommendations() -> None:
    _, facts = read(source("001"))
    questions = [words(c.text.text) for c in of_type(facts, "ResearchQuestion")]
    assert "Why does a relatively low level of trust characterize U.S.-Mexican defense relations?" in questions
    assert any(q.startswith("This thesis will determine why") for q in questions)
    headed = [c for c in of_type(facts, "Recommendation") if c.cue == "recommend-heading"]
    assert [c.action for c in headed] == [
        "Strategic Guidance for Building Partnership Trust",
        "Enhance/Advocate BPC Platforms that Focuses in PME Programs",
        "Institution-building Through an Indirect Approach",
    ]
    assert [c.addressed.key if c.addressed else None for c in headed] == [
        "united-states-northern-command", "united-states-northern-command", "united-states-department-of-defense"]
    (guidance,) = [c for c in of_type(facts, "Recommendation") if c.text.text.startswith("First, USNORTHCOM could")]
    assert guidance.action == (
        "provide direct strategic guidance and control of BPC activities to build “partnership trust”")


def test_2016_release_attributes_claims_and_quotations_to_the_official_on_its_date() -> None:
    _, facts = read(source("003"))
    official = f"{ID}person/rebecca-chavez"
    attributed = [c for c in facts.claims if c.claimant and f"{ID}{c.claimant.kind}/{c.claimant.key}" == official]
    quoted = [q for q in facts.quotations if q.speaker and f"{ID}{q.speaker.kind}/{q.speaker.key}" == official]
    assert len(attributed) + len(quoted) >= 5 and len(attributed) >= 5
    assert all(c.date is not None and c.date.lexical == "2016-10-18" for c in attributed)
    assert any(c.text.text.endswith("the deputy assistant secretary of defense for western hemisphere affairs said "
                                    "today.") for c in attributed)


def test_every_corpus_claim_has_evidence_equal_to_the_words_it_names(corpus_dataset: rdflib.Dataset) -> None:
    """Each claim's pieces are exact spans of the text, make up its schema:text, and are its evidence selectors."""
    query = """
    PREFIX usmx: <https://w3id.org/usmx-kg/ontology#> PREFIX oa: <http://www.w3.org/ns/oa#>
    PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
    SELECT ?claim ?value ?start ?end WHERE { GRAPH ?g {
        ?claim schema:text ?value ; usmx:evidence ?e .
        ?e oa:hasSelector ?p . ?p rdf:type oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
        FILTER (CONTAINS(STR(?claim), "/claim/") || CONTAINS(STR(?claim), "/quotation/")) } }"""
    values: dict[str, str] = {}
    positions: dict[str, set[tuple[int, int]]] = {}
    for row in corpus_dataset.query(query):
        values[str(row.claim)] = str(row.value)
        positions.setdefault(str(row.claim), set()).add((int(row.start), int(row.end)))
    checked = 0
    for prefix in ("001", "002", "003", "004"):
        doc, facts = read(source(prefix))
        spans = [(c.text, "claim") for c in facts.claims] + [(q.text, "quotation") for q in facts.quotations]
        for span, kind in spans:
            node = f"{ID}source/{doc.doc_id}/{kind}/{span.start}-{span.end}"
            pieces = running_pieces(doc, span)
            assert all(doc.text[p.start:p.end] == p.text for p in pieces)
            assert values[node] == claim_text(pieces), node
            assert positions[node] == {(doc.locate(p).start, doc.locate(p).end) for p in pieces}, node
            checked += 1
    assert checked == len(values) > 100


def test_claims_in_the_graph_are_attributed_derived_and_typed(corpus_dataset: rdflib.Dataset) -> None:
    graph = rdflib.Graph()
    for s, p, o, _ in corpus_dataset.quads():
        graph.add((s, p, o))
    claims = set(graph.subjects(RDF.type, USMX.Recommendation))
    assert claims
    for claim in claims:
        assert graph.value(claim, PROV.wasAttributedTo) is not None
        assert any((d, RDF.type, USMX.Thesis) in graph or (d, RDF.type, USMX.BlogPost) in graph
                   for d in graph.objects(claim, PROV.wasDerivedFrom))
    addressed = {graph.value(c, USMX.recommendedTo) for c in claims}
    assert URIRef(f"{ID}institution/united-states-northern-command") in addressed
    dated = [c for c in graph.subjects(RDF.type, USMX.Quotation) if graph.value(c, DCTERMS.date) is not None]
    assert {str(graph.value(c, DCTERMS.date)) for c in dated} == {"2016-10-18"}


# ------------------------------------------------------------------ judged sample


def judged_rows() -> list[dict[str, str]]:
    with open(JUDGED, encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_judged_sample_is_large_precise_and_still_extracted() -> None:
    rows = judged_rows()
    assert len(rows) >= 60
    correct = sum(row["verdict"] == "correct" for row in rows)
    assert {row["verdict"] for row in rows} <= {"correct", "wrong"}
    assert correct / len(rows) >= 0.9, f"precision {correct / len(rows):.2f}"
    for row in rows:
        doc, facts = read(source(row["document"]))
        extracted = {(c.type, claim_text(running_pieces(doc, c.text))) for c in facts.claims}
        extracted |= {("Quotation", " ".join(q.text.text.split())) for q in facts.quotations}
        assert (row["type"], row["text"]) in extracted, row


# ------------------------------------------------------------------ links across documents


def summary(claim: str, work: str, kind: str, text: str, *about: str) -> ClaimSummary:
    return ClaimSummary(f"{ID}c/{claim}", f"{ID}w/{work}", kind, text, frozenset(f"{ID}e/{a}" for a in about))


def test_claims_of_different_works_about_a_distinctive_entity_and_topic_are_related() -> None:
    claims = [
        summary("a", "one", "Finding", "Harbor drills build lasting trust between coast guard crews.", "gulf", "coast"),
        summary("b", "two", "Assertion", "Harbor drills build lasting trust between crews, officials say.", "gulf"),
        summary("c", "two", "Finding", "Harbor drills do not build lasting trust between crews.", "gulf"),
        summary("d", "three", "Finding", "Budgets decide which harbor offices stay open.", "coast"),
        summary("e", "one", "Finding", "Harbor drills build lasting trust between crews.", "gulf"),
    ]
    quads = link_claims(claims)
    links = {(q.subject.value[-1], q.predicate.value.split("#")[1], q.object.value[-1])
             for q in quads if q.predicate.value.startswith(str(USMX))}
    assert ("a", "relatedClaim", "b") in links and ("a", "supports", "b") in links and ("b", "supports", "a") in links
    assert ("a", "contradicts", "c") in links
    assert not any("e" in (s, o) and {s, o} == {"a", "e"} for s, _, o in links)  # same work
    assert not any("d" in (s, o) for s, _, o in links)  # no shared distinctive entity with the others
    rules = {q.object.value for q in quads if q.predicate.value == str(USMX.rule)}
    assert rules == {"shared-entities-and-terms", "agreeing-statements", "opposite-polarity-statements"}
    assert link_claims(list(reversed(claims))) == quads  # order of documents does not matter


# ------------------------------------------------------------------ the claim shape

BROKEN_CLAIMS = """
@prefix usmx: <https://w3id.org/usmx-kg/ontology#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix schema: <https://schema.org/> .
@prefix ex: <http://example.org/> .

ex:thesis a usmx:Thesis ; <http://purl.org/dc/terms/title> "A title" .
ex:twoTexts a usmx:Finding ; schema:text "one" , "two" ; prov:wasAttributedTo ex:author ;
    prov:wasDerivedFrom ex:thesis ; usmx:evidence ex:ev .
ex:orphan a usmx:Hypothesis ; schema:text "no claimant, no document, no evidence" ; prov:wasDerivedFrom ex:text .
"""


def test_claim_shape_needs_one_text_a_claimant_a_document_and_evidence() -> None:
    data = rdflib.Graph().parse(data=BROKEN_CLAIMS, format="turtle")
    for path in ReferencePaths().ontology_files:
        data.parse(path, format="turtle")
    report = validate_graph(data)
    assert not report.conforms
    for message in (
        "a claim needs exactly one schema:text string",
        "a claim needs at least one claimant (prov:wasAttributedTo)",
        "a claim is derived from a document (prov:wasDerivedFrom a usmx:Document)",
        "a claim needs text evidence",
    ):
        assert message in report.text
