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


def _people(*rows: tuple[str, str, NamedNode]) -> list[Quad]:
    return [Quad(entity("person", slug), LABEL, Literal(label), graph) for slug, label, graph in rows]


def _merged(quads: list[Quad]) -> set[tuple[str, str, str]]:
    return {(m.merged.rsplit("/", 1)[-1], m.kept.rsplit("/", 1)[-1], m.rule)
            for m in resolve(quads)[1] if m.merged != m.kept}


def test_a_dropped_second_surname_is_the_same_person_across_documents():
    quads = _people(("lucia-ortega", "Lucía Ortega", DOC_A), ("lucia-ortega-villa", "Lucía Ortega Villa", DOC_B))
    assert _merged(quads) == {("lucia-ortega", "lucia-ortega-villa", "person-second-surname")}


def test_a_typo_in_a_family_name_merges_only_within_one_document():
    quads = _people(("mark-sterngall", "Mark Sterngall", DOC_A), ("mark-sternagall", "Mark Sternagall", DOC_A))
    assert _merged(quads) == {("mark-sterngall", "mark-sternagall", "person-fuzzy")}
    apart = _people(("mark-sterngall", "Mark Sterngall", DOC_A), ("mark-sternagall", "Mark Sternagall", DOC_B))
    assert _merged(apart) == set()


def test_a_typo_inside_a_given_name_merges_across_documents_but_a_changed_ending_never():
    quads = _people(("tomas-e-whitcombe", "Tomas E. Whitcombe", DOC_A), ("thomas-whitcombe", "Thomas Whitcombe", DOC_B))
    assert _merged(quads) == {("thomas-whitcombe", "tomas-e-whitcombe", "person-fuzzy")}
    for same in (DOC_A, DOC_B):
        pair = _people(("daniel-ibarra", "Daniel Ibarra", DOC_A), ("daniela-ibarra", "Daniela Ibarra", same))
        assert _merged(pair) == set()


def test_an_inverted_name_is_one_person_within_a_document():
    quads = _people(("quinn-harlow", "Quinn Harlow", DOC_A), ("harlow-quinn", "Harlow Quinn", DOC_A))
    assert len(_merged(quads)) == 1
    assert _merged(_people(("quinn-harlow", "Quinn Harlow", DOC_A), ("harlow-quinn", "Harlow Quinn", DOC_B))) == set()


def test_a_family_name_and_one_initial_do_not_merge_across_documents():
    across = _people(("k-lindqvist", "K. Lindqvist", DOC_A), ("karl-p-lindqvist", "Karl P. Lindqvist", DOC_B))
    assert _merged(across) == set()
    within = _people(("k-lindqvist", "K. Lindqvist", DOC_A), ("karl-p-lindqvist", "Karl P. Lindqvist", DOC_A))
    assert _merged(within) == {("k-lindqvist", "karl-p-lindqvist", "person-initials")}


def test_merges_follow_chains_to_the_fullest_name():
    quads = _people(("ines-marquez", "Inés Márquez", DOC_A), ("ines-r-marquez", "Inés R. Márquez", DOC_B),
                    ("ines-r-marquez-sola", "Inés R. Márquez Sola", DOC_B))
    quads.append(Quad(NamedNode("http://example.org/book"), CREATOR, entity("person", "ines-marquez"), DOC_A))
    out, _ = resolve(quads)
    assert Quad(NamedNode("http://example.org/book"), CREATOR, entity("person", "ines-r-marquez-sola"), DOC_A) in out


TITLE = NamedNode("http://purl.org/dc/terms/title")
DATE = NamedNode("http://purl.org/dc/terms/date")


def _work(slug: str, title: str, author: str, year: str, graph: NamedNode) -> list[Quad]:
    work, person = entity("document", slug), entity("person", author.lower().replace(" ", "-"))
    return [Quad(work, TITLE, Literal(title), graph), Quad(work, CREATOR, person, graph),
            Quad(person, LABEL, Literal(author), graph),
            Quad(work, DATE, Literal(year, datatype=NamedNode("http://www.w3.org/2001/XMLSchema#gYear")), graph)]


def test_works_differing_by_a_letter_are_one_work_unless_their_years_differ():
    quads = (_work("garrisons-a", "Border Garrisons and the Frontier Economy", "Elena Vargas", "2011", DOC_A)
             + _work("garrisons-b", "Border Garrison and the Frontier Economy", "Elena Vargaz", "2011", DOC_B))
    assert {rule for *_, rule in _merged(quads)} == {"fuzzy-work"}
    editions = (_work("garrisons-a", "Border Garrisons and the Frontier Economy", "Elena Vargas", "2011", DOC_A)
                + _work("garrisons-b", "Border Garrison and the Frontier Economy", "Elena Vargas", "2015", DOC_B))
    assert not any(rule == "fuzzy-work" for *_, rule in _merged(editions))
    other_author = (_work("garrisons-a", "Border Garrisons and the Frontier Economy", "Elena Vargas", "2011", DOC_A)
                    + _work("garrisons-b", "Border Garrisons and the Frontier Economy", "Paul Okafor", "2011", DOC_B))
    assert not any(rule == "fuzzy-work" for *_, rule in _merged(other_author))


def test_no_two_cited_work_iris_for_one_work_in_the_corpus(corpus_build):
    """Works cited with the same URL, or with titles equal up to case, accents and punctuation, are one IRI."""
    import pyoxigraph as ox

    from usmxkg.vocab import fold

    _, out = corpus_build
    store = ox.Store()
    store.bulk_load(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS)
    rows = store.query("""PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX schema: <https://schema.org/>
        SELECT DISTINCT ?work ?title ?url WHERE { GRAPH ?g { ?doc <http://purl.org/spar/cito/cites> ?work .
        ?work dcterms:title ?title . OPTIONAL { ?work schema:url ?url } } }""")
    by_key: dict[str, set[str]] = {}
    for row in rows:
        keys = [fold(row["title"].value)] if len(fold(row["title"].value).split()) >= 3 else []
        keys += [row["url"].value] if row["url"] is not None else []
        for key in keys:
            by_key.setdefault(key, set()).add(row["work"].value)
    assert by_key, "the corpus cites works"
    assert {k: v for k, v in by_key.items() if len(v) > 1} == {}
