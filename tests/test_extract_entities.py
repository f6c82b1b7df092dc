"""Proper names, people, zones and subjects of running text (usmxkg.extract.mentions.document_entities).

The fixtures in ``tests/data/mentions`` are invented documents (see
``tests/data/README.md``): no name in them is in the reference data, so what
is found here is found by the recognition rules alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib

from usmxkg.document import Document
from usmxkg.extract import extract
from usmxkg.extract.gazetteer import Gazetteer
from usmxkg.extract.mentions import DocumentEntities, document_entities
from usmxkg.graph.mentions import emit_mentions
from usmxkg.graph.terms import QuadSink
from usmxkg.reference import ReferencePaths, load_gazetteer
from usmxkg.vocab import DCTERMS, ID, RDF, RDFS, SCHEMA, SKOS, USMX, entity_iri, source_graph

FIXTURES = Path(__file__).resolve().parent / "data" / "mentions"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer(ReferencePaths().entities)


def _doc(text: str) -> Document:
    return Document(doc_id="0" * 16, source="inline", kind="text", text=text)


def _read(name: str, gazetteer: Gazetteer) -> tuple[Document, DocumentEntities]:
    doc = _doc((FIXTURES / name).read_text(encoding="utf-8"))
    return doc, document_entities(doc, gazetteer)


def _names(found: DocumentEntities) -> list[tuple[str, str, str]]:
    return [(n.entity.label, n.entity.kind, n.entity.type) for n in found.names]


def test_english_names_typed_by_head_and_context(gazetteer: Gazetteer) -> None:
    doc, found = _read("names_en.txt", gazetteer)
    assert _names(found) == [
        ("52nd Airlift Wing", "institution", "MilitaryUnit"),
        ("Office of Harbor Coordination", "institution", "Institution"),
        ("Tidal Lantern 2031", "event", "Exercise"),
        ("Navy Planning Talks", "event", "Meeting"),
        ("Coastal Logistics Department", "institution", "Institution"),
        ("Ninth Army Liaison Program", "program", "Program"),
        ("Caribbean Ports Ministerial", "event", "Meeting"),
        ("Fort Kelloway", "place", "MilitaryInstallation"),
        ("Tidal Lantern", "event", "Exercise"),
        ("Commission on Border Waters of the Gulf Association of Ports and Harbors", "institution", "Institution"),
        ("Marlow Air Force Base", "place", "MilitaryInstallation"),
        ("Operation Quiet Meridian", "event", "Operation"),
        ("140th Congress", "institution", "Legislature"),
    ]
    edition = found.names[2]
    assert edition.part_of is not None and edition.part_of.label == "Tidal Lantern"
    for n in found.names:
        assert doc.text[n.evidence.start:n.evidence.end] == n.evidence.text == n.entity.label
        assert not n.entity.reference


def test_people_after_titles_and_as_speakers(gazetteer: Gazetteer) -> None:
    _, found = _read("names_en.txt", gazetteer)
    people = [(p.entity.label, p.person.title, p.person.family, p.evidence.text, p.person.cue)
              for p in found.people if p.person]
    assert people == [
        ("Desmond Quenby IV", "Lt. Gen.", "Quenby", "Lt. Gen. Desmond Quenby IV", "title"),
        ("Desmond Quenby IV", "", "Quenby", "Quenby", "family-name"),
        ("Orla Fennimore", "Rear Adm.", "Fennimore", "Rear Adm. Orla Fennimore", "title"),
        ("Thaddeus Brackwell", "the Honorable", "Brackwell", "the Honorable Thaddeus Brackwell", "title"),
        ("Idris Vantongeren", "Defense Minister", "Vantongeren", "Defense Minister Idris Vantongeren", "title"),
        ("Orla Fennimore", "", "Fennimore", "Fennimore", "family-name"),
    ]
    assert {p.entity.key for p in found.people} == {"desmond quenby", "orla fennimore", "thaddeus brackwell",
                                                    "idris vantongeren"}


def test_spanish_names_ranks_and_double_surnames(gazetteer: Gazetteer) -> None:
    _, found = _read("names_es.txt", gazetteer)
    assert _names(found) == [
        ("Secretaría de Seguridad Portuaria", "institution", "Ministry"),
        ("Campo Militar Tlacuilo", "place", "MilitaryInstallation"),
        ("Estado Mayor Portuario", "institution", "MilitaryOrganization"),
        ("Plan Marejada", "program", "Program"),
        ("Base Aérea Militar No. 9", "place", "MilitaryInstallation"),
    ]
    people = [(p.entity.label, p.person.title, p.person.given, p.person.family, p.evidence.text)
              for p in found.people if p.person]
    assert people == [
        ("Ramiro Olvera Zamudio", "Capitán 2/o", "Ramiro", "Olvera Zamudio",
         "Capitán 2/o (Capt.) Ramiro Olvera Zamudio"),
        ("Ramiro Olvera Zamudio", "", "Ramiro", "Olvera Zamudio", "Olvera"),
        ("Teodoro Ibarrola Cuesta", "Wing Gen.", "Teodoro", "Ibarrola Cuesta", "Wing Gen. Teodoro Ibarrola Cuesta"),
    ]


def test_capitals_are_folded_and_ocr_debris_is_not_a_name(gazetteer: Gazetteer) -> None:
    _, found = _read("caps_ocr.txt", gazetteer)
    assert [(n.entity.label, n.entity.type, n.evidence.text) for n in found.names] == [
        ("Coastal Logistics Department", "Institution", "COASTAL  LOGISTICS  DEPARTMENT"),
        ("Gulf Staff College", "MilitarySchool", "GULF  STAFF  COLLEGE"),
        ("School of Harbor Security Studies", "EducationalInstitution", "SCHOOL  OF  HARBOR  SECURITY  STUDIES"),
    ]
    assert [(p.entity.label, p.person.title) for p in found.people if p.person] == [
        ("Orla Fennimore", "Lieutenant Colonel")]


def test_headings_contents_sentence_starts_and_common_phrases_are_not_names(gazetteer: Gazetteer) -> None:
    _, found = _read("negatives.txt", gazetteer)
    assert found.names == [] and found.people == []


def test_no_person_is_an_acronym_or_an_organisation(gazetteer: Gazetteer) -> None:
    doc = _doc("Gen. NORAD said so. Secretary Naval Postgraduate School spoke, and Col. Harbor Office agreed.")
    assert document_entities(doc, gazetteer).people == []


@pytest.mark.parametrize("kind", ["furniture", "contents", "acronyms", "notes", "references"])
def test_skipped_zones_give_no_mentions(gazetteer: Gazetteer, kind: str) -> None:
    text = "Lt. Gen. Desmond Quenby IV visited the 52nd Airlift Wing and Mexico.\n"
    doc = _doc(text + text)
    doc.add_zone(kind, len(text), 2 * len(text))
    found = document_entities(doc, gazetteer)
    assert {n.evidence.start < len(text) for n in [*found.names, *found.people]} == {True}
    assert [m.evidence.start for m in found.mentions] == [text.index("Mexico")]


@pytest.mark.parametrize("kind", ["front-matter", "caption"])
def test_front_matter_and_captions_are_read(gazetteer: Gazetteer, kind: str) -> None:
    doc = _doc("Visitors at the 52nd Airlift Wing.")
    doc.add_zone(kind, 0, len(doc.text))
    assert _names(document_entities(doc, gazetteer)) == [("52nd Airlift Wing", "institution", "MilitaryUnit")]


def test_subjects_link_to_entities_or_concepts(gazetteer: Gazetteer) -> None:
    doc = _doc("Subjects\nMérida Initiative\nharbor resilience\nCoastal Logistics Department\n\n"
               "The Coastal Logistics Department grew.")
    for term in ("Mérida Initiative", "harbor resilience", "Coastal Logistics Department"):
        start = doc.text.index(term)
        doc.add_field("subject", doc.span(start, start + len(term)))
    found = document_entities(doc, gazetteer)
    assert [(s.entity.kind, s.entity.key, s.entity.reference) for s in found.subjects] == [
        ("program", "merida-initiative", True),
        ("concept", "harbor-resilience", False),
        ("institution", "Coastal Logistics Department", False),
    ]


def test_graph_types_labels_and_mentions_found_entities(gazetteer: Gazetteer) -> None:
    doc = _doc((FIXTURES / "names_en.txt").read_text(encoding="utf-8"))
    start = doc.text.index("Coastal Logistics Department")
    doc.add_field("subject", doc.span(start, start + len("Coastal Logistics Department")))
    sink = QuadSink(source_graph(doc.doc_id))
    work = f"{ID}document/example"
    emit_mentions(sink, doc, work, extract(doc, gazetteer))
    graph = rdflib.Graph()
    for q in sink.quads:
        graph.parse(data=f"{q.subject} {q.predicate} {q.object} .", format="nt")
    wing = rdflib.URIRef(entity_iri("institution", "52nd Airlift Wing"))
    edition = rdflib.URIRef(entity_iri("event", "Tidal Lantern 2031"))
    series = rdflib.URIRef(entity_iri("event", "Tidal Lantern"))
    person = rdflib.URIRef(f"{ID}person/desmond-quenby")
    department = rdflib.URIRef(entity_iri("institution", "Coastal Logistics Department"))
    work_ref = rdflib.URIRef(work)
    assert (wing, RDF.type, USMX.MilitaryUnit) in graph
    assert (wing, RDFS.label, rdflib.Literal("52nd Airlift Wing")) in graph
    assert {wing, edition, series, person, department} <= set(graph.objects(work_ref, SCHEMA.mentions))
    assert (edition, USMX.partOfEvent, series) in graph
    assert (person, RDF.type, USMX.Person) in graph
    assert (person, SCHEMA.familyName, rdflib.Literal("Quenby")) in graph
    assert (person, USMX.jobTitle, rdflib.Literal("Lt. Gen.")) in graph
    assert (work_ref, DCTERMS.subject, department) in graph
    assert len(set(graph.objects(person, USMX.evidence))) == 2
    assert not list(graph.subjects(RDF.type, SKOS.Concept))
