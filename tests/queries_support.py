"""Shared helpers of the query-pack tests: stores for the corpus and the fixture, comparable answers."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from pyoxigraph import BlankNode, Literal

from usmxkg.queries import PackQuery, Rows, bind, materialise
from usmxkg.store import Store

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_FILES = (ROOT / "ontology" / "usmx.ttl", ROOT / "ontology" / "vocabularies.ttl",
                 ROOT / "tests" / "data" / "queries" / "facts.trig")


def run(store: Store, query: PackQuery, **params: str) -> Rows:
    """A pack query's answer on a store, with parameters bound."""
    return materialise(store.query(bind(query, params)))


SEPARATORS = ("; ", " | ")
"""GROUP_CONCAT separators of the pack: the order of the values they join is left to the engine."""


def comparable(rows: Rows) -> tuple[tuple[str, ...], bool | None, Counter[tuple[str, ...]]]:
    """An answer as variables, boolean and a multiset of rows, blank nodes made anonymous and the
    values joined by ``GROUP_CONCAT`` (SPARQL 1.1 §18.5.1.7: in no set order) sorted."""
    def text(term: object) -> str:
        if isinstance(term, BlankNode):
            return "_:"
        if isinstance(term, Literal):
            for separator in SEPARATORS:
                if separator in term.value:
                    return separator.join(sorted(term.value.split(separator)))
        return str(term)

    return rows.variables, rows.boolean, Counter(tuple(text(t) for t in row) for row in rows.rows)


def corpus_store_for(out: Path) -> Store:
    """The corpus build loaded into an embedded store beside it (``out/store``), opened read-only."""
    from usmxkg.store import EmbeddedStore

    if not (out / "store" / "CURRENT").is_file():
        EmbeddedStore.build(out / "graph.nq", out / "store")
    return EmbeddedStore.open(out / "store")
