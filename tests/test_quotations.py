"""Quotations: block and inline quotations in theses with their source notes, news quotes, and their RDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Dataset, Literal, URIRef
from rdflib.namespace import PROV

from usmxkg.extract import extract
from usmxkg.extract.gazetteer import Gazetteer
from usmxkg.graph.emit import emit_document
from usmxkg.readers import read_path
from usmxkg.reference import ReferencePaths, load_gazetteer
from usmxkg.vocab import ID, OA, SCHEMA, USMX

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "data" / "claims"
SOURCES = ROOT / "data" / "sources"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer(ReferencePaths().entities)


def graph_of(path: Path, gazetteer: Gazetteer) -> Dataset:
    doc = read_path(path)
    data = Dataset()
    for quad in emit_document(doc, gazetteer):
        subject, predicate, obj = (URIRef(quad.subject.value), URIRef(quad.predicate.value), quad.object)
        value = URIRef(obj.value) if type(obj).__name__ == "NamedNode" else Literal(
            obj.value, lang=obj.language) if obj.language else Literal(obj.value, datatype=URIRef(obj.datatype.value))
        data.add((subject, predicate, value))
    return data


@pytest.mark.parametrize("name", ["thesis_claims.txt", "thesis_claims_wrapped.txt"])
def test_thesis_block_and_inline_quotations_with_speakers_and_notes(name: str, gazetteer: Gazetteer) -> None:
    doc = read_path(FIXTURES / name)
    quotes = extract(doc, gazetteer).quotations
    assert [(" ".join(q.text.text.split()), q.speaker.label if q.speaker else None, q.note) for q in quotes] == [
        ("Liaison is a habit before it is a policy, and habits outlive the treaties that license them.",
         "Lorena V. Quintero", 1),
        ("budget lines, once opened, are the hardest thing in a port to close.", "Tomas R. Feld", 2),
    ]
    for quote in quotes:
        assert doc.text[quote.text.start:quote.text.end] == quote.text.text
        assert quote.speaker_evidence is not None and " ".join(quote.speaker_evidence.text.split()) == (
            quote.speaker.label if quote.speaker else "")
        assert quote.lang == "en"


def test_news_quotes_resolve_family_names_to_the_full_name(gazetteer: Gazetteer) -> None:
    quotes = extract(read_path(FIXTURES / "news_claims.txt"), gazetteer).quotations
    assert len(quotes) == 3
    assert {q.speaker.label for q in quotes if q.speaker} == {"Miriam T. Okafor"}
    assert [q.speaker_evidence.text for q in quotes if q.speaker_evidence] == ["Miriam T. Okafor", "Miriam T. Okafor",
                                                                              "Okafor"]


def test_quotations_in_rdf_keep_speaker_language_and_source_note(gazetteer: Gazetteer) -> None:
    graph = graph_of(FIXTURES / "thesis_claims.txt", gazetteer)
    quotes = set(graph.subjects(RDF.type, USMX.Quotation))
    assert len(quotes) == 2
    speaker = URIRef(f"{ID}person/lorena-v-quintero")
    (block,) = [q for q in quotes if graph.value(q, USMX.speaker) == speaker]
    value = graph.value(block, SCHEMA.text)
    assert value.language == "en" and str(value).startswith("Liaison is a habit before it is a policy")
    assert graph.value(block, PROV.wasAttributedTo) == speaker
    note = graph.value(block, USMX.sourcedBy)
    exact = {graph.value(s, OA.exact) for s in graph.objects(note, OA.hasSelector)} - {None}
    assert {str(e) for e in exact} == {"Lorena V. Quintero, Harbor Habits (Veracruz: Puerto Press, 2015), 12."}
    assert (speaker, RDF.type, USMX.Person) in graph


def test_news_quotations_in_rdf_name_the_reference_official(gazetteer: Gazetteer) -> None:
    graph = graph_of(next(SOURCES.glob("003_*.txt")), gazetteer)
    quotes = set(graph.subjects(RDF.type, USMX.Quotation))
    assert len(quotes) == 12
    assert {graph.value(q, USMX.speaker) for q in quotes} == {URIRef(f"{ID}person/rebecca-chavez")}
    assert all(graph.value(q, SCHEMA.text).language == "en" for q in quotes)
