"""Cross-document resolution: each rule merges what it should and nothing else."""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode, Quad

from usmxkg.graph.resolve import resolve
from usmxkg.vocab import ID, RDFS, REFERENCE_GRAPH, SKOS, USMX

DOC_A = NamedNode("https://w3id.org/usmx-kg/graph/source/a")
DOC_B = NamedNode("https://w3id.org/usmx-kg/graph/source/b")
REF = NamedNode(str(REFERENCE_GRAPH))
LABEL, ALT, ACRONYM = NamedNode(str(RDFS.label)), NamedNode(str(SKOS.altLabel)), NamedNode(str(USMX.acronym))
CREATOR = NamedNode("http://purl.org/dc/terms/creator")


def entity(kind: str, slug: str) -> NamedNode:
    return NamedNode(f"{ID}{kind}/{slug}")


def test_a_provisional_entity_named_like_a_reference_entity_becomes_it():
    sedena = entity("institution", "secretariat-of-national-defense")
    provisional = entity("institution", "secretaria-de-defensa-nacional")
    quads = [
        Quad(sedena, LABEL, Literal("Secretariat of National Defense", language="en"), REF),
        Quad(sedena, ALT, Literal("Secretaria de Defensa Nacional", language="es"), REF),
        Quad(provisional, LABEL, Literal("Secretaría de Defensa Nacional"), DOC_A),
        Quad(NamedNode("http://example.org/doc"), NamedNode("https://schema.org/mentions"), provisional, DOC_A),
    ]
    out, merges = resolve(quads)
    assert [(m.merged, m.kept, m.rule) for m in merges] == [(provisional.value, sedena.value, "reference-label")]
    assert all(provisional not in (q.subject, q.object) for q in out)
    assert Quad(NamedNode("http://example.org/doc"), NamedNode("https://schema.org/mentions"), sedena, DOC_A) in out


def test_same_label_of_a_different_kind_is_not_merged():
    place = entity("place", "veracruz")
    event = entity("event", "veracruz")
    quads = [Quad(place, LABEL, Literal("Veracruz"), REF), Quad(event, LABEL, Literal("Veracruz"), DOC_A)]
    assert resolve(quads)[1] == []


def test_people_differing_only_by_initials_merge_into_the_fuller_name():
    full = entity("person", "roderic-ai-camp")
    short = entity("person", "roderic-a-camp")
    other = entity("person", "rachel-camp")
    quads = [
        Quad(full, LABEL, Literal("Roderic Ai Camp"), DOC_A),
        Quad(short, LABEL, Literal("Roderic A. Camp"), DOC_B),
        Quad(other, LABEL, Literal("Rachel Camp"), DOC_B),
        Quad(NamedNode("http://example.org/book"), CREATOR, short, DOC_B),
    ]
    out, merges = resolve(quads)
    assert [(m.merged, m.kept, m.rule) for m in merges] == [(short.value, full.value, "person-initials")]
    assert Quad(NamedNode("http://example.org/book"), CREATOR, full, DOC_B) in out
    assert Quad(full, ALT, Literal("Roderic A. Camp"), DOC_B) in out, "the variant stays as an alternative label"
    assert any(q.subject == other for q in out), "a different given name is another person"


def test_an_initial_matching_two_fuller_names_is_left_alone():
    quads = [
        Quad(entity("person", "a-garza"), LABEL, Literal("A. Garza"), DOC_A),
        Quad(entity("person", "ana-garza"), LABEL, Literal("Ana Garza"), DOC_B),
        Quad(entity("person", "alberto-garza"), LABEL, Literal("Alberto Garza"), DOC_B),
    ]
    assert resolve(quads)[1] == []


def test_entities_named_alike_in_two_documents_are_reported():
    person = entity("person", "rodrigo-nieto-gomez")
    quads = [Quad(person, LABEL, Literal("Rodrigo Nieto-Gomez"), DOC_A),
             Quad(person, LABEL, Literal("Rodrigo Nieto Gomez"), DOC_B)]
    out, merges = resolve(quads)
    assert out == quads
    assert [(m.merged, m.kept, m.rule) for m in merges] == [(person.value, person.value, "same-folded-name")]
    assert "2 documents" in merges[0].evidence
