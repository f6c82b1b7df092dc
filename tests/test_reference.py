"""Checks of the curated reference data and of the source list.

``data/reference/entities.ttl`` holds authority records only (names, type,
acronyms, country, organisational parent); ``data/reference/external-ids.tsv``
holds the verified external identifiers with their evidence; the rules are
written down in ``data/reference/README.md``. ``data/sources/SOURCES.md`` lists
the source documents.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "data" / "reference"
ENTITIES = REFERENCE / "entities.ttl"
TABLE = REFERENCE / "external-ids.tsv"
README = REFERENCE / "README.md"
SOURCES = ROOT / "data" / "sources"
SOURCES_MD = SOURCES / "SOURCES.md"
# The shared, verified inputs live beside the clone (also on CI).
SHARED = ROOT.parent / "shared"
SHARED_TABLE = SHARED / "reference" / "external-ids.tsv"
SHARED_CORPUS = SHARED / "corpus"

ID = "https://w3id.org/usmx-kg/id/"
USMX = "https://w3id.org/usmx-kg/ontology#"
ACRONYM = URIRef(USMX + "acronym")
COUNTRY = URIRef(USMX + "country")
SUB_ORGANIZATION_OF = URIRef(USMX + "subOrganizationOf")

# Every allowed type, by the kind segment of the IRI (= its top class).
TYPES_BY_KIND: dict[str, set[str]] = {
    "institution": {
        "GovernmentAgency", "MilitaryOrganization", "CombatantCommand", "ArmedService",
        "EducationalInstitution", "ResearchOrganization", "InternationalOrganization",
        "PoliticalParty", "Company", "NonStateArmedGroup", "Institution",
    },
    "person": {"Person"},
    "place": {"Country", "City", "Region", "River", "Place"},
    "program": {"SecurityAssistanceProgram", "EducationAndTrainingProgram", "FundingAccount", "Program"},
    "event": {
        "War", "Battle", "MilitaryIntervention", "Meeting", "Establishment", "AgreementSigning", "Event",
    },
    "policy": {"Law", "Agreement", "Doctrine", "Strategy", "Policy"},
}
KIND_OF_TYPE = {URIRef(USMX + t): kind for kind, types in TYPES_BY_KIND.items() for t in types}
PREFIX_KIND = {"inst": "institution", "person": "person", "place": "place", "prog": "program",
               "event": "event", "policy": "policy"}

# Authority records only: these predicates and nothing else.
ALLOWED_PREDICATES = {
    RDF.type, RDFS.label, RDFS.comment, SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel,
    ACRONYM, COUNTRY, SUB_ORGANIZATION_OF,
}
LABEL_PREDICATES = (RDFS.label, SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)

# Acronyms that real, distinct entities share; each is explained in data/reference/README.md.
SHARED_ACRONYMS: dict[str, set[str]] = {
    "CHDS": {
        ID + "institution/william-j-perry-center-for-hemispheric-defense-studies",
        ID + "institution/center-for-homeland-defense-and-security",
    },
    "NWC": {
        ID + "institution/naval-war-college",
        ID + "institution/national-war-college",
    },
}

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = URIRef(XSD + "string")
DATE_DATATYPES = {URIRef(XSD + name) for name in ("date", "dateTime", "dateTimeStamp", "time", "gYear",
                                                   "gYearMonth", "gMonthDay", "gMonth", "gDay")}
YEAR = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QID = re.compile(r"^Q[0-9]+$")
TABLE_COLUMNS = ["iri", "label", "kind", "wikidata_qid", "wikipedia_title", "evidence",
                 "wikipedia_title_verified", "geonames_id"]
SHARED_COLUMNS = ["label", "kind", "wikidata_qid", "wikipedia_title", "evidence"]


def fold(text: str) -> str:
    """Lower case, accents stripped, every run of non-alphanumerics one space."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", plain.lower()).strip()


def slugify(text: str) -> str:
    return "-".join(fold(text).split())


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(ENTITIES, format="turtle")


@pytest.fixture(scope="module")
def entities(graph: Graph) -> set[URIRef]:
    return {s for s in graph.subjects() if isinstance(s, URIRef)}


def read_table(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def split_iri(iri: str) -> tuple[str, str]:
    kind, _, slug = iri.removeprefix(ID).partition("/")
    return kind, slug


# ------------------------------------------------------------------ entities.ttl


def test_entities_parse(graph: Graph, entities: set[URIRef]) -> None:
    assert len(graph) > 0
    assert entities, "no entities"
    assert all(isinstance(s, URIRef) for s in graph.subjects()), "blank-node subjects"


def test_iris_follow_kind_slug_scheme(entities: set[URIRef]) -> None:
    bad = []
    for entity in entities:
        kind, slug = split_iri(str(entity))
        if not str(entity).startswith(ID) or kind not in TYPES_BY_KIND or not SLUG.match(slug):
            bad.append(str(entity))
    assert not bad, f"IRIs outside https://w3id.org/usmx-kg/id/<kind>/<slug>: {sorted(bad)}"


def test_exactly_one_allowed_type_matching_the_kind(graph: Graph, entities: set[URIRef]) -> None:
    problems = []
    for entity in sorted(entities):
        types = list(graph.objects(entity, RDF.type))
        if len(types) != 1:
            problems.append(f"{entity}: {len(types)} types")
        elif types[0] not in KIND_OF_TYPE:
            problems.append(f"{entity}: type {types[0]} not allowed")
        elif KIND_OF_TYPE[types[0]] != split_iri(str(entity))[0]:
            problems.append(f"{entity}: type {types[0]} belongs under {KIND_OF_TYPE[types[0]]}/")
    assert not problems, "\n".join(problems)


def test_one_english_label_and_slug_from_it(graph: Graph, entities: set[URIRef]) -> None:
    problems = []
    for entity in sorted(entities):
        labels = list(graph.objects(entity, RDFS.label))
        english = [lab for lab in labels if isinstance(lab, Literal) and lab.language == "en"]
        if len(labels) != 1 or len(english) != 1:
            problems.append(f"{entity}: needs exactly one rdfs:label, in English: {labels}")
        elif split_iri(str(entity))[1] != slugify(str(english[0])):
            problems.append(f"{entity}: slug is not the folded label {str(english[0])!r}")
    assert not problems, "\n".join(problems)


def test_skos_labels_are_consistent(graph: Graph, entities: set[URIRef]) -> None:
    """One prefLabel per language, the English one = rdfs:label; pref/alt/hidden disjoint (SKOS S13, S14)."""
    problems = []
    for entity in sorted(entities):
        prefs = list(graph.objects(entity, SKOS.prefLabel))
        langs = [p.language for p in prefs if isinstance(p, Literal)]
        if len(langs) != len(set(langs)) or None in langs:
            problems.append(f"{entity}: prefLabels must be language-tagged, one per language")
        label = graph.value(entity, RDFS.label)
        if label not in prefs:
            problems.append(f"{entity}: the English prefLabel must repeat rdfs:label")
        alts = set(graph.objects(entity, SKOS.altLabel))
        hidden = set(graph.objects(entity, SKOS.hiddenLabel))
        for name, overlap in (("pref/alt", set(prefs) & alts), ("pref/hidden", set(prefs) & hidden),
                              ("alt/hidden", alts & hidden)):
            if overlap:
                problems.append(f"{entity}: {name} share {sorted(overlap)}")
        if graph.value(entity, RDFS.comment) is None:
            problems.append(f"{entity}: no rdfs:comment")
    assert not problems, "\n".join(problems)


def test_only_authority_predicates(graph: Graph) -> None:
    used = set(graph.predicates())
    assert used <= ALLOWED_PREDICATES, f"not authority data: {sorted(used - ALLOWED_PREDICATES)}"


def test_no_hand_written_links(graph: Graph) -> None:
    """Links are generated from external-ids.tsv by the build, never written in entities.ttl."""
    assert not list(graph.triples((None, OWL.sameAs, None)))
    external = re.compile(r"wikidata\.org|dbpedia\.org|geonames\.org")
    linked = [str(term) for term in graph.all_nodes() if isinstance(term, URIRef) and external.search(term)]
    assert not linked, linked


def test_no_dates(graph: Graph) -> None:
    """Authority records carry no date-valued literals, and comments carry no years."""
    problems = []
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype in DATE_DATATYPES:
            problems.append(f"{s} {p} {o!r}: date-valued literal")
        elif isinstance(o, Literal) and o.datatype not in (None, XSD_STRING):
            problems.append(f"{s} {p} {o!r}: typed literal (names and comments are strings)")
        if p == RDFS.comment and YEAR.search(str(o)):
            problems.append(f"{s}: comment mentions a year: {o}")
    assert not problems, "\n".join(problems)


def test_labels_do_not_collide_across_entities(graph: Graph) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for predicate in LABEL_PREDICATES:
        for entity, label in graph.subject_objects(predicate):
            owners[fold(str(label))].add(str(entity))
    allowed = {fold(acronym): iris for acronym, iris in SHARED_ACRONYMS.items()}
    clashes = {key: sorted(iris) for key, iris in owners.items()
               if len(iris) > 1 and allowed.get(key) != iris}
    assert not clashes, f"one name, several entities: {clashes}"


def test_acronyms_unique_and_also_alt_labels(graph: Graph) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    problems = []
    for entity, acronym in graph.subject_objects(ACRONYM):
        assert isinstance(acronym, Literal) and acronym.language is None, f"{entity}: acronym must be plain"
        owners[str(acronym).upper()].add(str(entity))
        if acronym not in set(graph.objects(entity, SKOS.altLabel)):
            problems.append(f"{entity}: acronym {acronym} is not also a skos:altLabel")
    for acronym, iris in owners.items():
        if len(iris) > 1 and SHARED_ACRONYMS.get(acronym) != iris:
            problems.append(f"acronym {acronym} shared by {sorted(iris)} without a documented exception")
    assert not problems, "\n".join(problems)


def test_shared_acronyms_are_documented() -> None:
    text = README.read_text(encoding="utf-8")
    for acronym, iris in SHARED_ACRONYMS.items():
        assert f"`{acronym}`" in text, f"{acronym} not explained in {README.name}"
        for iri in iris:
            assert split_iri(iri)[1] in text, f"{iri} not named in the {acronym} exception"


def test_country_and_parent_targets(graph: Graph, entities: set[URIRef]) -> None:
    country_type = URIRef(USMX + "Country")
    problems = []
    for entity, country in graph.subject_objects(COUNTRY):
        if (country, RDF.type, country_type) not in graph:
            problems.append(f"{entity}: usmx:country {country} is not a usmx:Country entity")
    parents: dict[URIRef, URIRef] = {}
    for entity, parent in graph.subject_objects(SUB_ORGANIZATION_OF):
        if entity in parents:
            problems.append(f"{entity}: several organisational parents")
        parents[entity] = parent  # type: ignore[assignment]
        for node in (entity, parent):
            if node not in entities or split_iri(str(node))[0] != "institution":
                problems.append(f"{entity} subOrganizationOf {parent}: both must be institution entities")
    for start in parents:
        seen, node = {start}, parents[start]
        while node in parents:
            if node in seen:
                problems.append(f"{start}: organisational cycle")
                break
            seen.add(node)
            node = parents[node]
    assert not problems, "\n".join(problems)


def test_entities_sorted_by_kind_then_slug() -> None:
    subject = re.compile(r"^(inst|person|place|prog|event|policy):([^\s;.]+)")
    keys = [(PREFIX_KIND[m[1]], m[2]) for line in ENTITIES.read_text(encoding="utf-8").splitlines()
            if (m := subject.match(line))]
    assert keys, "no subject lines found"
    assert keys == sorted(keys), "entities.ttl is not sorted by kind, then slug"
    assert len(keys) == len(set(keys)), "an entity is written twice"


# ------------------------------------------------------------------ external-ids.tsv


def test_table_header() -> None:
    with TABLE.open(encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle, delimiter="\t")) == TABLE_COLUMNS


def test_table_rows_point_at_entities(entities: set[URIRef]) -> None:
    rows = read_table(TABLE)
    known = {str(e) for e in entities}
    missing = [r["iri"] for r in rows if r["iri"] not in known]
    assert not missing, f"iri not in entities.ttl: {missing}"
    iris = [r["iri"] for r in rows]
    assert len(iris) == len(set(iris)), "an entity has several rows"


def test_table_identifiers_are_well_formed() -> None:
    problems = []
    qids: dict[str, str] = {}
    for row in read_table(TABLE):
        qid, evidence = row["wikidata_qid"], row["evidence"]
        if qid:
            if not QID.match(qid):
                problems.append(f"{row['label']}: {qid!r} is not a QID")
            if qid not in evidence:
                problems.append(f"{row['label']}: {qid} is not in its evidence")
            if qid in qids:
                problems.append(f"{qid} given to {qids[qid]} and {row['label']}")
            qids[qid] = row["label"]
        verified = row["wikipedia_title_verified"]
        if verified not in {"yes", "no"}:
            problems.append(f"{row['label']}: wikipedia_title_verified must be yes or no")
        if verified == "yes" and (not row["wikipedia_title"] or "unverified" in evidence.lower()):
            problems.append(f"{row['label']}: title marked verified without evidence of it")
        geonames = row["geonames_id"]
        if geonames and (not geonames.isdigit() or f"GEONAMEID {geonames}" not in evidence):
            problems.append(f"{row['label']}: GeoNames id {geonames!r} is not stated by its evidence")
        if not geonames and "GEONAMEID " in evidence:
            problems.append(f"{row['label']}: the evidence gives a GeoNames id that the row leaves out")
    assert not problems, "\n".join(problems)


@pytest.mark.skipif(not SHARED_TABLE.exists(), reason="shared verified table not beside the clone")
def test_table_keeps_the_shared_rows_verbatim() -> None:
    ours = [[row[c] for c in SHARED_COLUMNS] for row in read_table(TABLE)]
    shared = [[row[c] for c in SHARED_COLUMNS] for row in read_table(SHARED_TABLE)]
    assert ours == shared


# ------------------------------------------------------------------ SOURCES.md


def documented_sources() -> list[list[str]]:
    rows = []
    for line in SOURCES_MD.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and re.fullmatch(r"`[^`]+\.txt`", cells[0]):
            rows.append([cells[0].strip("`"), *cells[1:]])
    return rows


def test_sources_listed_once_each() -> None:
    files = sorted(p.name for p in SOURCES.glob("*.txt"))
    if not files:
        files = sorted(p.name for p in SHARED_CORPUS.glob("*.txt"))
    if not files:
        pytest.skip("no source documents present")
    rows = documented_sources()
    names = [r[0] for r in rows]
    missing = [f for f in files if names.count(f) != 1]
    assert not missing, f"SOURCES.md needs exactly one row for: {missing}"
    incomplete = [r[0] for r in rows if len(r) < 7 or not all(r[:7])]
    assert not incomplete, f"rows without kind, title, author, date, origin or rights: {incomplete}"
