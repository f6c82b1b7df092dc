"""Precision of persons and organisations, and recall of the entities of the 2016 news release.

No ``usmx:Person`` is minted from an acronym or from a name the reference data
gives to an organisation, on the corpus build and on the build of the unseen
documents (``tests/data/unseen``). Judged samples in ``tests/data/judged``
(``persons.tsv``, ``organisations.tsv``: item, source, verdict, reason) were
drawn deterministically (every third person and every second minted
organisation, sorted by IRI, over both builds) and judged by reading the
source text; the tests keep them precise and still produced. The hand list
``news-2016-entities.tsv`` names every person, organisation and place of the
release's running text (alternatives separated by "|").
"""

from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from usmxkg.extract.agents import agent_kind
from usmxkg.extract.gazetteer import Gazetteer
from usmxkg.orgwords import is_acronym
from usmxkg.pipeline import BuildResult, build
from usmxkg.reference import ReferencePaths, load_gazetteer
from usmxkg.vocab import fold

ROOT = Path(__file__).resolve().parents[1]
JUDGED = ROOT / "tests" / "data" / "judged"
UNSEEN = ROOT / "tests" / "data" / "unseen"
NEWS_2016 = ROOT / "data" / "sources" / "003_d1cac77ec1c1df37.txt"

PRECISION = 0.97
RECALL = 0.85
SAMPLE = 40

PREFIXES = """PREFIX usmx: <https://w3id.org/usmx-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <http://schema.org/>
PREFIX schemas: <https://schema.org/>
"""
SOURCE_GRAPHS = "https://w3id.org/usmx-kg/graph/source/"
NAMES = "rdfs:label|skos:prefLabel|skos:altLabel|usmx:acronym"


@pytest.fixture(scope="module")
def unseen_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildResult, Path]:
    """The unseen documents built together, as a user would build a folder of them."""
    folder = tmp_path_factory.mktemp("unseen-sources")
    for path in UNSEEN.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    out = tmp_path_factory.mktemp("unseen-build")
    return build(folder, out, validate=False), out


def _store(out: Path) -> ox.Store:
    store = ox.Store()
    store.bulk_load(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS)
    return store


@pytest.fixture(scope="module")
def stores(corpus_build: tuple[BuildResult, Path], unseen_build: tuple[BuildResult, Path]) -> dict[str, ox.Store]:
    return {"corpus": _store(corpus_build[1]), "unseen": _store(unseen_build[1])}


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer(ReferencePaths().entities)


def _labels_by_graph(store: ox.Store, cls: str) -> dict[str, set[str]]:
    """Source graph id → labels of the instances of ``cls`` (or a subclass) that graph states."""
    query = PREFIXES + f"""SELECT ?g ?l {{ GRAPH ?g {{ ?e a ?c ; rdfs:label ?l }}
        GRAPH <https://w3id.org/usmx-kg/graph/ontology> {{ ?c rdfs:subClassOf* usmx:{cls} }} }}"""
    out: dict[str, set[str]] = {}
    for graph, label in store.query(query):
        if graph.value.startswith(SOURCE_GRAPHS):
            out.setdefault(graph.value.removeprefix(SOURCE_GRAPHS), set()).add(label.value)
    return out


def _person_labels(store: ox.Store) -> set[str]:
    return set().union(*_labels_by_graph(store, "Person").values())


def _organisation_labels(gazetteer: Gazetteer) -> set[str]:
    out = set()
    for record in gazetteer.entities.values():
        if "/person/" not in record.iri:
            out.update(fold(form) for form in gazetteer.surface_forms(record.iri))
    return out


@pytest.mark.parametrize("build_name", ["corpus", "unseen"])
def test_no_person_is_an_acronym_or_a_reference_organisation(
    stores: dict[str, ox.Store], gazetteer: Gazetteer, build_name: str
) -> None:
    labels = _person_labels(stores[build_name])
    assert labels, "the build mints no person at all"
    organisations = _organisation_labels(gazetteer)
    acronyms = sorted(label for label in labels if len(label.split()) == 1 and is_acronym(label))
    assert not acronyms, acronyms
    known = sorted(label for label in labels if fold(label) in organisations)
    assert not known, known
    corporate = sorted(label for label in labels if agent_kind(label, gazetteer) == "organisation")
    assert not corporate, corporate


def _doc_id(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _judged(name: str) -> list[dict[str, str]]:
    with open(JUDGED / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


@pytest.mark.parametrize(("file", "cls"), [("persons.tsv", "Person"), ("organisations.tsv", "Institution")])
def test_judged_sample_is_large_precise_and_still_produced(stores: dict[str, ox.Store], file: str, cls: str) -> None:
    rows = _judged(file)
    assert len({(row["item"], row["source"]) for row in rows}) >= SAMPLE
    assert {row["verdict"] for row in rows} <= {"correct", "wrong"}
    correct = sum(row["verdict"] == "correct" for row in rows)
    assert correct / len(rows) >= PRECISION, f"{file}: precision {correct / len(rows):.3f}"
    produced: dict[str, set[str]] = {}
    for store in stores.values():
        for graph, labels in _labels_by_graph(store, cls).items():
            produced.setdefault(graph, set()).update(labels)
    for row in rows:
        if row["verdict"] == "correct":
            assert row["item"] in produced.get(_doc_id(ROOT / row["source"]), set()), row


def test_entities_of_the_2016_news_release_are_found(stores: dict[str, ox.Store], gazetteer: Gazetteer) -> None:
    graph = f"<{SOURCE_GRAPHS}{_doc_id(NEWS_2016)}>"
    query = PREFIXES + f"""SELECT DISTINCT ?e {{
        {{ GRAPH {graph} {{ ?w schema:mentions|schemas:mentions ?e }} }}
        UNION {{ GRAPH {graph} {{ ?e usmx:evidence ?n }} }} FILTER(isIRI(?e)) }}"""
    store = stores["corpus"]
    found: set[str] = set()
    for (entity,) in store.query(query):
        names = store.query(PREFIXES + f"SELECT ?l {{ {entity} {NAMES} ?l }}", use_default_graph_as_union=True)
        found.update(fold(row[0].value) for row in names)
        if entity.value in gazetteer.entities:
            found.update(fold(form) for form in gazetteer.surface_forms(entity.value))
    rows = _judged("news-2016-entities.tsv")
    assert len(rows) >= 20
    missed = [row["label"] for row in rows if not any(fold(a) in found for a in row["label"].split("|"))]
    recall = 1 - len(missed) / len(rows)
    assert recall >= RECALL, f"recall {recall:.2f}; missed {missed}"
