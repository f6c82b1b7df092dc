"""The store interface: the embedded store's build and swap, server profiles, and the update fallback's batches."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import BlankNode, Literal, NamedNode, Quad, RdfFormat, serialize
from pyoxigraph import Store as OxStore

from usmxkg.store import PROFILES, EmbeddedStore, Endpoints, RemoteStore, StoreError, StoreProfile, read_dataset

G1 = "https://w3id.org/usmx-kg/graph/source/0000000000000001"
G2 = "https://w3id.org/usmx-kg/graph/source/0000000000000002"


def write_dataset(path: Path, quads: list[Quad]) -> Path:
    path.write_bytes(serialize(quads, format=RdfFormat.N_QUADS) or b"")
    return path


def quad(s: str, o: str | Literal | BlankNode, g: str) -> Quad:
    obj = o if not isinstance(o, str) else NamedNode(o)
    return Quad(NamedNode(s), NamedNode("https://example.org/p"), obj, NamedNode(g))


def test_build_replaces_the_store_and_a_failed_build_keeps_it(tmp_path: Path) -> None:
    store = tmp_path / "store"
    first = write_dataset(tmp_path / "a.nq", [quad("urn:x:a", Literal("one"), G1)])
    report = EmbeddedStore.build(first, store)
    assert (report.triples, report.graphs, report.method) == (1, 1, "bulk")
    second = write_dataset(tmp_path / "b.nq", [quad("urn:x:b", Literal("two"), G2), quad("urn:x:c", "urn:x:d", G2)])
    assert EmbeddedStore.build(second, store).triples == 2
    assert EmbeddedStore.open(store).graphs() == [G2]
    result = EmbeddedStore.open(store).query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert [s["n"].value for s in result] == ["2"]  # type: ignore[union-attr]
    assert EmbeddedStore.open(store).union_in_default
    broken = tmp_path / "broken.nq"
    broken.write_text("<urn:x:a> <urn:x:b> .\n")
    with pytest.raises(StoreError, match=r"broken\.nq: cannot load"):
        EmbeddedStore.build(broken, store)
    assert EmbeddedStore.open(store).graphs() == [G2]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.nq", "b.nq", "broken.nq", "store"]


def test_embedded_queries_read_the_union_of_named_graphs(tmp_path: Path) -> None:
    data = write_dataset(tmp_path / "a.nq", [quad("urn:x:a", Literal("one"), G1), quad("urn:x:a", Literal("two"), G2)])
    store = EmbeddedStore.from_files(data)
    result = store.query("SELECT (COUNT(*) AS ?n) WHERE { <urn:x:a> ?p ?o }")
    assert [s["n"].value for s in result] == ["2"]  # type: ignore[union-attr]
    with pytest.raises(StoreError, match="does not parse"):
        store.query("SELECT WHERE {")
    with pytest.raises(StoreError, match="only SELECT and ASK"):
        store.query("CONSTRUCT WHERE { ?s ?p ?o }")


def test_open_and_dataset_errors_name_the_path(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store here"):
        EmbeddedStore.open(tmp_path / "missing")
    with pytest.raises(StoreError, match=r"x\.ttl: not a dataset file"):
        read_dataset(tmp_path / "x.ttl")


def test_profiles_derive_endpoints_from_the_base() -> None:
    oxigraph = PROFILES["oxigraph"]
    for given in ["http://127.0.0.1:7878", "http://127.0.0.1:7878/", "http://127.0.0.1:7878/query"]:
        assert Endpoints.resolve(oxigraph, given) == Endpoints(
            "http://127.0.0.1:7878/query", "http://127.0.0.1:7878/update", "http://127.0.0.1:7878/store")
    generic = Endpoints.resolve(PROFILES["generic"], "http://h/ds/sparql", graph_store="http://h/ds/data")
    assert generic == Endpoints("http://h/ds/sparql", None, "http://h/ds/data")
    with pytest.raises(StoreError, match="not an http"):
        Endpoints.resolve(oxigraph, "ftp://h/")


def test_a_profile_addresses_graphs_its_own_way() -> None:
    quirky = StoreProfile("quirky", "digest-protected store", query_path="/sparql", update_path="/sparql-auth",
                          graph_store_path="/sparql-graph-crud-auth", graph_param="graph-uri", auth="digest")
    store = RemoteStore(Endpoints.resolve(quirky, "http://127.0.0.1:8890/sparql"), quirky)
    assert store.endpoints.graph_store == "http://127.0.0.1:8890/sparql-graph-crud-auth"
    assert store._graph_url(NamedNode(G1)) == (
        "http://127.0.0.1:8890/sparql-graph-crud-auth?graph-uri=https%3A%2F%2Fw3id.org%2Fusmx-kg%2Fgraph%2Fsource"
        "%2F0000000000000001")


def test_update_batches_keep_blank_nodes_in_one_request() -> None:
    data = OxStore()
    shared = BlankNode("b1")
    data.extend([quad("urn:x:s", shared, G1), Quad(shared, NamedNode("https://example.org/p"), Literal("x"),
                                                    NamedNode(G1))])
    data.extend([quad(f"urn:x:{i}", Literal(f'v"{i}'), G1) for i in range(5)])
    store = RemoteStore(Endpoints("http://127.0.0.1:1/query", "http://127.0.0.1:1/update"),
                        StoreProfile("small", "tiny batches", update_batch=3))
    requests = list(store._updates(data, NamedNode(G1)))
    assert requests[0].startswith(f"DROP SILENT GRAPH <{G1}> ;\nINSERT DATA {{ GRAPH <{G1}> {{")
    assert requests[0].count("_:b1") == 2 and all("_:" not in r for r in requests[1:])
    assert sum(r.count(" .\n") + r.count(" .") for r in requests) >= 7
    assert '"v\\"3"' in "".join(requests)


def test_credentials_never_reach_messages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("USMXKG_STORE_USER", "loader")
    monkeypatch.setenv("USMXKG_STORE_PASSWORD", "s3cret-value")
    data = write_dataset(tmp_path / "a.nq", [quad("urn:x:a", Literal("one"), G1)])
    store = RemoteStore(Endpoints.resolve(PROFILES["oxigraph"], "http://loader:s3cret-value@127.0.0.1:9/query"),
                        PROFILES["oxigraph"])
    with pytest.raises(StoreError) as caught:
        store.load(data)
    assert "s3cret-value" not in str(caught.value) and "cannot reach the server" in str(caught.value)
