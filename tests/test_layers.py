"""The one-way flow readers → extract → graph (DESIGN.md), checked on the code and on the corpus Facts.

Readers know nothing of extraction or RDF; extractors use no RDF library and
return Facts without IRIs; the graph layer takes only records from
``usmxkg.extract`` (its single entry point ``extract`` aside), so nothing is
extracted while quads are written.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from usmxkg.extract import extract
from usmxkg.readers import read_path
from usmxkg.reference import ReferencePaths, load_gazetteer
from usmxkg.vocab import BASE

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "usmxkg"
CORPUS = sorted((Path(__file__).resolve().parents[1] / "data" / "sources").glob("*.txt"))
RDF_LIBRARIES = ("rdflib", "pyoxigraph", "owlrl", "pyshacl")


def _imports(path: Path) -> Iterator[tuple[str, list[str]]]:
    """(module, imported names) of every absolute import in a file."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module, [alias.name for alias in node.names]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, []


def _modules(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).glob("*.py"))


@pytest.mark.parametrize("path", _modules("readers"), ids=lambda p: p.stem)
def test_readers_import_no_extractor_graph_or_rdf(path: Path) -> None:
    for module, _names in _imports(path):
        assert not module.startswith(("usmxkg.extract", "usmxkg.graph", *RDF_LIBRARIES)), (path.name, module)


@pytest.mark.parametrize("path", _modules("extract"), ids=lambda p: p.stem)
def test_extractors_import_no_rdf_library_nor_later_layer(path: Path) -> None:
    for module, _names in _imports(path):
        assert not module.startswith(RDF_LIBRARIES), (path.name, module)
        assert not module.startswith(("usmxkg.graph", "usmxkg.reference", "usmxkg.store", "usmxkg.pipeline")), (
            path.name, module)


@pytest.mark.parametrize("path", _modules("graph"), ids=lambda p: p.stem)
def test_graph_takes_only_records_from_extract(path: Path) -> None:
    """Every name the graph layer imports from ``usmxkg.extract`` is a class (a Facts record)."""
    for module, names in _imports(path):
        if not module.startswith("usmxkg.extract"):
            continue
        imported = importlib.import_module(module)
        for name in names:
            if (module, name) == ("usmxkg.extract", "extract"):
                continue  # the entry point the map step calls, once per document
            assert isinstance(getattr(imported, name), type), f"{path.name} imports {module}.{name}"


def _strings(value: object) -> Iterator[str]:
    """Every string inside a Facts record, walking dataclasses, tuples, lists and dicts."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _strings(getattr(value, f.name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v)


@pytest.fixture(scope="module")
def corpus_facts() -> list:  # type: ignore[type-arg]
    gazetteer = load_gazetteer(ReferencePaths().entities)
    return [extract(read_path(path), gazetteer) for path in CORPUS]


def test_corpus_facts_hold_no_iri(corpus_facts: list) -> None:  # type: ignore[type-arg]
    minted = [s for facts in corpus_facts for s in _strings(facts) if s.startswith(str(BASE))]
    assert minted == []


def test_corpus_facts_carry_every_kind_of_fact(corpus_facts: list) -> None:  # type: ignore[type-arg]
    """Metadata, citations, mentions, names, acronyms and claims all come from ``extract``, none from the graph."""
    kinds = ("citations", "mentions", "names", "acronyms", "claims", "events", "quotations")
    for kind in kinds:
        assert any(getattr(facts, kind) for facts in corpus_facts), kind
    assert all(facts.metadata is not None and facts.metadata.title is not None for facts in corpus_facts)
