"""Mentions of reference entities and document-defined organisations (usmxkg.extract.mentions)."""

from __future__ import annotations

import itertools
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
import rdflib

from usmxkg.document import Document, Span
from usmxkg.extract.gazetteer import Gazetteer, fold_text, organisation_type
from usmxkg.extract.mentions import (
    Mention,
    NewEntity,
    acronym_pairs,
    discover_organisations,
    document_mentions,
    find_mentions,
)
from usmxkg.readers import read_path
from usmxkg.reference import ReferencePaths, gazetteer_from_graph, load_gazetteer
from usmxkg.vocab import ID, entity_iri, fold

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "data" / "sources"
FIXTURES = ROOT / "tests" / "data" / "mentions"

INST = f"{ID}institution/"
SEDENA = INST + "secretariat-of-national-defense"
NORTHCOM = INST + "united-states-northern-command"
DEA = INST + "drug-enforcement-administration"
STATE_DEPARTMENT = INST + "united-states-department-of-state"
PAN = INST + "national-action-party"
RAND = INST + "rand-corporation"
UNITED_STATES = f"{ID}place/united-states"
HOMELAND_CHDS = INST + "center-for-homeland-defense-and-security"
PERRY_CHDS = INST + "william-j-perry-center-for-hemispheric-defense-studies"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer(ReferencePaths().entities)


def _source(number: str) -> Path:
    (path,) = SOURCES.glob(f"{number}_*.txt")
    return path


@pytest.fixture(scope="module")
def corpus(gazetteer: Gazetteer) -> dict[str, tuple[Document, list[Mention], list[NewEntity]]]:
    out = {}
    for number in ("000", "001", "002", "003", "004"):
        doc = read_path(_source(number))
        mentions, organisations = document_mentions(doc, gazetteer)
        out[number] = (doc, mentions, organisations)
    return out


def _doc(text: str) -> Document:
    return Document(doc_id="0" * 16, source="inline", kind="text", text=text)


def _by_text(mentions: list[Mention], text: str) -> set[str]:
    return {m.entity for m in mentions if " ".join(m.evidence.text.split()) == text}


# ------------------------------------------------------------------ the gazetteer


def test_from_graph_and_from_files_agree(gazetteer: Gazetteer) -> None:
    graph = rdflib.Graph().parse(ReferencePaths().entities)
    other = gazetteer_from_graph(graph)
    assert other.entities == gazetteer.entities
    assert len(gazetteer.entities) > 100
    text = "SEDENA, the U.S. Northern Command and the Secretaría de Marina met in Mexico City."
    assert other.find(text) == gazetteer.find(text)


def test_entities_carry_english_label_and_most_specific_type(gazetteer: Gazetteer) -> None:
    sedena = gazetteer.entity(SEDENA)
    assert (sedena.label, sedena.type, sedena.minted) == ("Secretariat of National Defense", "GovernmentAgency", False)
    assert gazetteer.entity(NORTHCOM).type == "CombatantCommand"
    assert gazetteer.entity(UNITED_STATES).type == "Country"
    assert gazetteer.entity(f"{ID}person/felipe-calderon").label == "Felipe Calderón"


def test_type_is_the_most_specific_when_a_graph_states_several() -> None:
    ttl = """
    @prefix usmx: <https://w3id.org/usmx-kg/ontology#> .
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    usmx:CombatantCommand rdfs:subClassOf usmx:MilitaryOrganization .
    usmx:MilitaryOrganization rdfs:subClassOf usmx:Institution .
    <https://w3id.org/usmx-kg/id/institution/x> a usmx:Institution , usmx:CombatantCommand ,
        usmx:MilitaryOrganization ; rdfs:label "Example Command"@en .
    """
    g = gazetteer_from_graph(rdflib.Graph().parse(data=ttl, format="turtle"))
    assert g.entity(f"{ID}institution/x").type == "CombatantCommand"


def test_every_reference_name_finds_its_entity(gazetteer: Gazetteer) -> None:
    for iri, record in gazetteer.entities.items():
        graph_forms = gazetteer.surface_forms(iri)
        for form in graph_forms:
            matches = gazetteer.find(form)
            assert matches, (iri, form)
            whole = [m for m in matches if m.start == 0 and m.end >= len(form.rstrip("."))]
            assert whole and iri in whole[0].entities, (iri, form, matches)
        assert record.label in graph_forms


def test_fold_text_maps_words_back_exactly() -> None:
    nfd = unicodedata.normalize("NFD", "Secretaría")
    text = f"“{nfd} de la  Defensa\nNacional” — ﬁnal: Peña-Nieto’s"
    folded = fold_text(text)
    assert folded.lower == fold(unicodedata.normalize("NFC", text).replace("ﬁ", "fi"))
    for start in range(len(folded.cased)):
        for end in range(start + 1, len(folded.cased) + 1):
            span = folded.original(start, end)
            if span is not None:
                assert fold_text(text[span[0]:span[1]]).cased == folded.cased[start:end]
    assert folded.original(1, 3) is None  # not a word boundary


def test_spans_are_exact_with_decomposed_accents_and_ligatures(gazetteer: Gazetteer) -> None:
    nfd = unicodedata.normalize("NFD", "la Secretaría de la Defensa Nacional y la Secretaría de Marina")
    text = f"ﬁrst ﬁve: {nfd}, then “SEDENA”."
    doc = _doc(text)
    mentions = find_mentions(doc, gazetteer)
    assert [m.entity for m in mentions] == [SEDENA, INST + "secretariat-of-the-navy", SEDENA]
    for m in mentions:
        assert doc.text[m.evidence.start:m.evidence.end] == m.evidence.text
    assert unicodedata.normalize("NFC", mentions[0].evidence.text) == "Secretaría de la Defensa Nacional"
    assert mentions[2].evidence.text == "SEDENA"


# ------------------------------------------------------------------ matching rules


def test_acronyms_are_case_sensitive(gazetteer: Gazetteer) -> None:
    doc = read_path(FIXTURES / "case_rules.txt")
    mentions = find_mentions(doc, gazetteer)
    body, _, _last = doc.text.partition("In the same week")
    assert [m for m in mentions if m.evidence.start < len(body)] == []
    assert [(m.evidence.text, m.entity) for m in mentions] == [
        ("PAN", PAN),
        ("DOS", STATE_DEPARTMENT),
        ("US", UNITED_STATES),
        ("RAND", RAND),
        ("Calles", f"{ID}person/plutarco-elias-calles"),
    ]


def test_longest_match_wins(gazetteer: Gazetteer, corpus: dict) -> None:
    doc = _doc("The United States Northern Command and the United States Department of State.")
    mentions = find_mentions(doc, gazetteer)
    assert [m.evidence.text for m in mentions] == [
        "United States Northern Command", "United States Department of State"]
    for number, (_, mentions, _) in corpus.items():
        covered = [m.evidence for m in mentions]
        for a, b in itertools.pairwise(covered):
            assert a.end <= b.start, (number, a, b)
        commands = [m.evidence for m in mentions if m.entity == NORTHCOM]
        assert not any(m.entity == UNITED_STATES and c.start <= m.evidence.start < c.end
                       for m in mentions for c in commands), number


def test_word_boundaries_and_trailing_periods(gazetteer: Gazetteer) -> None:
    doc = _doc("USNORTHCOM's staff, not USNORTHCOMX; the U.S. and Mexico, D.F. and NAFTAs.")
    mentions = find_mentions(doc, gazetteer)
    assert [(m.evidence.text, m.entity.rsplit("/", 1)[1]) for m in mentions] == [
        ("USNORTHCOM", "united-states-northern-command"),
        ("U.S.", "united-states"),
        ("Mexico, D.F.", "mexico-city"),
    ]


def test_one_word_names_need_a_capital(gazetteer: Gazetteer) -> None:
    doc = _doc("Huerta fled; the huerta behind the house was green. POLK and Polk agreed.")
    labels = [m.evidence.text for m in find_mentions(doc, gazetteer)]
    assert labels == ["Huerta", "POLK", "Polk"]


def test_shared_acronym_takes_the_nearest_expansion(gazetteer: Gazetteer) -> None:
    text = ("Courses at the Center for Homeland Defense and Security (CHDS) in Monterey. "
            "Later the William J. Perry Center for Hemispheric Defense Studies hosted a CHDS seminar. "
            "A CHDS alone, with neither name near it, is still resolved by the nearest one.")
    mentions = find_mentions(_doc(text), gazetteer)
    chds = [m.entity for m in mentions if m.evidence.text == "CHDS"]
    assert chds == [HOMELAND_CHDS, PERRY_CHDS, PERRY_CHDS]
    assert not [m for m in find_mentions(_doc("The CHDS course."), gazetteer) if m.evidence.text == "CHDS"]


# ------------------------------------------------------------------ document acronyms


def test_with_acronyms_known_long_form_and_redefinition(gazetteer: Gazetteer) -> None:
    local = gazetteer.with_acronyms([
        ("SDN", "Secretaría de la Defensa Nacional"),
        ("DOS", "Disk Operating System"),
        ("LATAM", "Latin-American"),
    ])
    doc = _doc("The SDN bought DOS licences for LATAM offices.")
    found = {m.evidence.text: m.entity for m in find_mentions(doc, local)}
    assert found == {"SDN": SEDENA, "LATAM": f"{ID}place/latin-america"}
    assert ("DOS", "Disk Operating System") in local.candidates
    # the base gazetteer is unchanged
    assert {m.evidence.text for m in find_mentions(doc, gazetteer)} == {"DOS", "LATAM"}


def test_new_organisation_from_an_in_text_definition(gazetteer: Gazetteer) -> None:
    doc = read_path(FIXTURES / "new_organisation.txt")
    pairs = acronym_pairs(doc)
    assert [(s, lf) for s, lf, _ in pairs] == [
        ("BWSC", "Binational Water Security Commission"),
        ("SEDENA", "Secretaría de la Defensa Nacional"),
        ("PC", "planning cell"),
        ("JTT", "joint technical\nteam"),
    ]
    organisations = discover_organisations(doc, pairs, gazetteer)
    iri = entity_iri("institution", "Binational Water Security Commission")
    assert organisations == [NewEntity(
        entity=iri, label="Binational Water Security Commission", acronym="BWSC", type="GovernmentAgency",
        evidence=organisations[0].evidence)]
    evidence = organisations[0].evidence
    assert evidence.text == "Binational Water Security Commission (BWSC)"
    assert doc.text[evidence.start:evidence.end] == evidence.text

    mentions, new = document_mentions(doc, gazetteer)
    assert new == organisations
    bwsc = [m for m in mentions if m.entity == iri]
    assert [m.evidence.text for m in bwsc] == [
        "Binational Water Security Commission", "BWSC", "BWSC", "BWSC", "Binational Water Security Commission"]
    assert {(m.label, m.type) for m in bwsc} == {("Binational Water Security Commission", "GovernmentAgency")}
    assert _by_text(mentions, "SEDENA") == {SEDENA}
    assert _by_text(mentions, "United States Northern Command") == {NORTHCOM}
    assert not _by_text(mentions, "United States")
    for m in mentions:
        assert doc.text[m.evidence.start:m.evidence.end] == m.evidence.text


@pytest.mark.parametrize(("name", "kind"), [
    ("Binational Water Security Commission", "GovernmentAgency"),
    ("Secretariat of Border Affairs", "GovernmentAgency"),
    ("Secretaría de Seguridad Ciudadana", "GovernmentAgency"),
    ("Center for Border Studies", "Institution"),
    ("Party of the Coast", "PoliticalParty"),
    ("Partido Verde Ecologista", "PoliticalParty"),
    ("Gulf Naval Academy", "EducationalInstitution"),
    ("Joint Border Command", "MilitaryOrganization"),
    ("Royal Air Force", "ArmedService"),
    ("Northern Army", "ArmedService"),
    ("Case Writing Division", "Institution"),
    ("Security Assistance Management Manual", None),
    ("Area of Responsibility", None),
    ("Commission", None),
])
def test_organisation_type_from_head_noun(name: str, kind: str | None) -> None:
    assert organisation_type(name) == kind


def test_pairs_that_are_not_new_organisations(gazetteer: Gazetteer) -> None:
    text = ("A combatant command is a unified command. Each Combatant Command (CCMD) plans; "
            "Drug Trafficking Organizations (DTOs) adapt; the Northern Command (NORTHCOM) watches.")
    doc = _doc(text)
    pairs = acronym_pairs(doc)
    assert {s for s, _, _ in pairs} == {"CCMD", "DTOs", "NORTHCOM"}
    assert discover_organisations(doc, pairs, gazetteer) == []
    mentions, new = document_mentions(doc, gazetteer)
    assert new == []
    assert _by_text(mentions, "NORTHCOM") == {NORTHCOM}
    assert _by_text(mentions, "Northern Command") == {NORTHCOM}


# ------------------------------------------------------------------ the corpus


def test_every_corpus_span_is_exact_and_in_order(corpus: dict) -> None:
    for number, (doc, mentions, organisations) in corpus.items():
        assert mentions, number
        for m in [*mentions, *organisations]:
            assert doc.text[m.evidence.start:m.evidence.end] == m.evidence.text, (number, m)
        starts = [m.evidence.start for m in mentions]
        assert starts == sorted(starts)


def test_2014_thesis_mentions_sedena(corpus: dict) -> None:
    _, mentions, _ = corpus["001"]
    assert _by_text(mentions, "SEDENA") == {SEDENA}
    assert _by_text(mentions, "Secretaria de Defensa Nacional") == {SEDENA}
    assert sum(m.entity == SEDENA for m in mentions) >= 20
    assert _by_text(mentions, "USNORTHCOM") == {NORTHCOM}
    assert _by_text(mentions, "CHDS") == {HOMELAND_CHDS, PERRY_CHDS}  # one per expansion


def test_northcom_in_both_theses_is_one_entity(corpus: dict) -> None:
    assert _by_text(corpus["001"][1], "USNORTHCOM") == {NORTHCOM}
    assert _by_text(corpus["002"][1], "NORTHCOM") == {NORTHCOM}
    assert _by_text(corpus["002"][1], "United States Northern Command") == {NORTHCOM}


def test_news_release_secretariat(corpus: dict) -> None:
    _, mentions, _ = corpus["003"]
    assert _by_text(mentions, "Mexican Secretariat of National Defense") == {SEDENA}


def test_2010_thesis_drug_enforcement_agency(corpus: dict) -> None:
    doc, mentions, _ = corpus["002"]
    assert _by_text(mentions, "Drug Enforcement Agency") == {DEA}
    assert _by_text(mentions, "D.E.A.") == {DEA}
    assert any(row.short.text == "D.E.A." for row in doc.acronyms)


def test_corpus_counts_are_deterministic(corpus: dict, gazetteer: Gazetteer) -> None:
    for number, (doc, mentions, organisations) in corpus.items():
        again = document_mentions(doc, gazetteer)
        assert again == (mentions, organisations), number
    counts = {n: Counter(m.entity for m in ms) for n, (_, ms, _) in corpus.items()}
    assert counts["001"][UNITED_STATES] > 100
    assert counts["002"][f"{ID}place/mexico"] > 100
    assert counts["004"][INST + "united-states-army"] > 10


def test_corpus_new_organisations_are_named_institutions(corpus: dict) -> None:
    for doc, _, organisations in corpus.values():
        for org in organisations:
            assert org.entity.startswith(INST)
            assert org.acronym and org.acronym in doc.text
            assert org.type in {"Institution", "GovernmentAgency", "EducationalInstitution",
                                "MilitaryOrganization", "ArmedService", "PoliticalParty"}
    assert not any(org.label.lower() == "northern command" for _, _, orgs in corpus.values() for org in orgs)


def test_span_type_is_the_document_span(corpus: dict) -> None:
    _, mentions, _ = corpus["003"]
    assert all(isinstance(m.evidence, Span) for m in mentions)
