"""Loading a real Oxigraph server and querying it: the whole pack answers as on the embedded store.

Each test starts ``oxigraph serve`` (the PyPI package, installed by the test extra) on a free
loopback port, waits until it answers and stops it by its process id.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.queries_support import comparable, corpus_store_for, run
from usmxkg.cli import main
from usmxkg.queries import pack
from usmxkg.serve import OxigraphServer
from usmxkg.store import PROFILES, Endpoints, RemoteStore, Store, quads

pytestmark = pytest.mark.slow

QUERIES = pack()
GRAPH = "https://w3id.org/usmx-kg/graph/"


@pytest.fixture(scope="module")
def built(corpus_build) -> tuple[Path, Store]:  # type: ignore[no-untyped-def]
    _, out = corpus_build
    return out / "graph.nq", corpus_store_for(out)


def remote(server: OxigraphServer, explicit: bool = False) -> RemoteStore:
    profile = PROFILES["oxigraph"]
    return RemoteStore(Endpoints.resolve(profile, server.base), profile, explicit_dataset=explicit)


def snapshot(store: Store) -> Counter[tuple[str, ...]]:
    return Counter(tuple("_:" if t.__class__.__name__ == "BlankNode" else str(t) for t in q) for q in quads(store))


def assert_same_pack_answers(embedded: Store, server: Store) -> None:
    for query in QUERIES:
        assert comparable(run(server, query)) == comparable(run(embedded, query)), query.name


def test_load_with_graph_store_protocol_answers_like_embedded_and_is_idempotent(built, capsys) -> None:  # type: ignore[no-untyped-def]
    dataset, embedded = built
    with OxigraphServer() as server:
        assert main(["load", "--dataset", str(dataset), "--endpoint", server.base, "--store", "oxigraph"]) == 0
        out = capsys.readouterr().out
        assert "in 9 graphs" in out and "(gsp," in out
        store = remote(server)
        assert store.graphs() == embedded.graphs()
        first = snapshot(store)
        assert first == snapshot(embedded)
        assert_same_pack_answers(embedded, store)
        assert main(["load", "--dataset", str(dataset), "--endpoint", server.query_url, "--store", "oxigraph"]) == 0
        assert snapshot(store) == first


def test_update_fallback_loads_the_same_dataset(built) -> None:  # type: ignore[no-untyped-def]
    dataset, embedded = built
    with OxigraphServer() as server:
        store = remote(server)
        report = store.load(dataset, method="update")
        assert report.method == "update" and report.triples == sum(snapshot(embedded).values())
        assert snapshot(store) == snapshot(embedded)
        store.load(dataset, method="update")
        assert snapshot(store) == snapshot(embedded)


def test_generic_profile_falls_back_to_update_when_the_graph_store_is_missing(built, capsys) -> None:  # type: ignore[no-untyped-def]
    dataset, embedded = built
    with OxigraphServer() as server:
        assert main(["load", "--dataset", str(dataset), "--endpoint", server.query_url, "--graph-store",
                     server.base + "/no-graph-store", "--update-endpoint", server.base + "/update"]) == 0
        captured = capsys.readouterr()
        assert "loading with SPARQL Update" in captured.err and "(update," in captured.out
        assert snapshot(remote(server)) == snapshot(embedded)


def test_load_removes_stale_project_graphs_only(built, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dataset, embedded = built
    extra = tmp_path / "extra.nq"
    extra.write_text(f"<urn:x:a> <urn:x:b> <urn:x:c> <{GRAPH}source/ffffffffffffffff> .\n"
                     "<urn:x:a> <urn:x:b> <urn:x:c> <urn:other:graph> .\n")
    with OxigraphServer() as server:
        store = remote(server)
        store.load(extra, prune=False)
        report = store.load(dataset)
        assert report.removed == [f"{GRAPH}source/ffffffffffffffff"]
        assert store.graphs() == sorted([*embedded.graphs(), "urn:other:graph"])


def test_server_without_union_default_graph_answers_with_an_explicit_dataset(built) -> None:  # type: ignore[no-untyped-def]
    dataset, embedded = built
    with OxigraphServer(union=False) as server:
        remote(server).load(dataset)
        assert run(remote(server), QUERIES[0]).rows == ()  # the default graph alone is empty
        assert_same_pack_answers(embedded, remote(server, explicit=True))


def test_serve_answers_the_pack_read_only(built, capsys) -> None:  # type: ignore[no-untyped-def]
    dataset, embedded = built
    location = embedded.path  # type: ignore[attr-defined]
    with OxigraphServer(location, read_only=True, union=False) as server:
        store = remote(server)
        assert_same_pack_answers(embedded, store)
        assert main(["query", "003", "--endpoint", server.query_url, "--format", "csv"]) == 0
        assert capsys.readouterr().out.startswith("thesis,label,advisors")
        with pytest.raises(Exception, match="HTTP"):
            store.load(dataset, method="gsp")
