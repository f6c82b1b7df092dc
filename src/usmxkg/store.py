"""One small store interface, two implementations: the embedded pyoxigraph store and any SPARQL 1.1 server.

Both answer :meth:`Store.query` with the default graph read as the union of all named
graphs (the convention of the query pack): the embedded store because :meth:`EmbeddedStore.build`
writes that union, as a set of triples, into its default graph (Oxigraph's own union default graph
repeats a triple once per graph that states it, and joins over entities that many source graphs
restate multiply those repeats); a server because it is configured so (``oxigraph serve
--union-default-graph``, Fuseki's ``tdb2:unionDefaultGraph``, Virtuoso's default) or, with
``explicit_dataset``, because every request names each graph as both a default and a named
graph (SPARQL 1.1 Protocol §2.1.4, ``default-graph-uri`` / ``named-graph-uri``).

Loading a server (:meth:`RemoteStore.load`) sends every named graph with the SPARQL 1.1
Graph Store Protocol, one ``PUT`` per graph (§5.3: the graph is replaced, so a second load
changes nothing), and falls back to SPARQL 1.1 Update batches (``DROP SILENT GRAPH`` then
``INSERT DATA``) where a server has no graph store. What differs between servers is a
:class:`StoreProfile`: where the endpoints live, which authentication, how a graph is
addressed in the graph store, which content type it takes, how large an update may be.
"""

from __future__ import annotations

import gc
import os
import shutil
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    NamedNode,
    Quad,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    parse_query_results,
    serialize,
)
from pyoxigraph import Store as OxStore

from usmxkg.errors import UsmxkgError
from usmxkg.store_auth import authorise
from usmxkg.vocab import GRAPH

QueryResult = QuerySolutions | QueryBoolean

USER_ENV = "USMXKG_STORE_USER"
PASSWORD_ENV = "USMXKG_STORE_PASSWORD"
"""Environment variables holding the server's credentials; they are read, never printed."""

DATASET_FORMATS = {".nq": RdfFormat.N_QUADS, ".trig": RdfFormat.TRIG}
"""Dataset files a store loads, by extension."""

_CONTENT_TYPES = {"application/n-triples": RdfFormat.N_TRIPLES, "text/turtle": RdfFormat.TURTLE}


class StoreError(UsmxkgError):
    """A store cannot be opened, loaded or queried; the message names the store and the problem."""


@dataclass(frozen=True, slots=True)
class StoreProfile:
    """What one kind of SPARQL server needs: endpoint paths, authentication, graph store addressing, quirks.

    A profile with paths derives every endpoint from the server's base URL; a profile
    without (``generic``) takes each endpoint as given. A further server (Virtuoso 7:
    ``/sparql``, ``/sparql-auth``, ``/sparql-graph-crud-auth`` with ``graph_param="graph-uri"``
    and ``auth="digest"``) is one more entry in :data:`PROFILES`.
    """

    name: str
    description: str
    query_path: str | None = None
    update_path: str | None = None
    graph_store_path: str | None = None
    graph_param: str = "graph"
    """Query parameter naming the graph in Graph Store Protocol indirect addressing (§4.2)."""
    auth: str = "basic"
    """HTTP authentication scheme for the credentials: ``basic`` or ``digest``."""
    gsp_content_type: str = "application/n-triples"
    update_batch: int = 10_000
    """Triples per ``INSERT DATA`` request in the SPARQL Update fallback."""
    insert_data_blank_nodes: bool = True
    """Whether ``INSERT DATA`` takes blank nodes (SPARQL 1.1 Update §3.1.1); where not, the same triples go
    as ``INSERT { … } WHERE { }``, whose one solution mints each blank node once (§3.1.3)."""
    graphs_query: str = "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"
    """How to list the named graphs: an empty group in ``GRAPH ?g`` matches once per graph (SPARQL 1.1
    Query §13.3), where a server follows the standard there."""


PROFILES: dict[str, StoreProfile] = {
    "generic": StoreProfile(
        "generic", "any SPARQL 1.1 server; give --graph-store and --update-endpoint where it has them"),
    "oxigraph": StoreProfile(
        "oxigraph", "Oxigraph server: /query, /update, /store under its base URL",
        query_path="/query", update_path="/update", graph_store_path="/store"),
    "virtuoso": StoreProfile(
        "virtuoso", "OpenLink Virtuoso 7: /sparql, /sparql-auth and /sparql-graph-crud-auth, digest authentication",
        query_path="/sparql", update_path="/sparql-auth", graph_store_path="/sparql-graph-crud-auth",
        graph_param="graph-uri", auth="digest", insert_data_blank_nodes=False, update_batch=500,
        graphs_query="SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"),
}


@dataclass(frozen=True, slots=True)
class Endpoints:
    """The three URLs of a server: SPARQL query, SPARQL update, Graph Store Protocol (either may be absent)."""

    query: str
    update: str | None = None
    graph_store: str | None = None

    @classmethod
    def resolve(cls, profile: StoreProfile, endpoint: str, graph_store: str | None = None,
                update: str | None = None) -> Endpoints:
        """Endpoints from what the user gave; a profile with paths fills in the rest from the base URL.

        >>> Endpoints.resolve(PROFILES["oxigraph"], "http://127.0.0.1:7878/query")
        Endpoints(query='http://127.0.0.1:7878/query', update='http://127.0.0.1:7878/update', graph_store='http://127.0.0.1:7878/store')
        """
        if urllib.parse.urlsplit(endpoint).scheme not in {"http", "https"}:
            raise StoreError(f"{endpoint}: not an http(s) URL")
        if profile.query_path is None:
            return cls(endpoint, update, graph_store)
        base = endpoint.rstrip("/")
        if base.endswith(profile.query_path):
            base = base[: -len(profile.query_path)]
        return cls(
            base + profile.query_path,
            update or (base + profile.update_path if profile.update_path else None),
            graph_store or (base + profile.graph_store_path if profile.graph_store_path else None),
        )


@dataclass(slots=True)
class LoadReport:
    """What a load did: graphs and triples sent, how, what was removed, and how long it took."""

    graphs: int = 0
    triples: int = 0
    method: str = ""
    removed: list[str] = field(default_factory=list)
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.triples / self.seconds if self.seconds else 0.0


class Store(Protocol):
    """The store interface: query with the default graph as the union, list the named graphs, load a dataset."""

    def query(self, sparql: str) -> QueryResult: ...

    def graphs(self) -> list[str]: ...

    def load(self, dataset: Path) -> LoadReport: ...


def read_dataset(dataset: Path) -> OxStore:
    """A dataset file (N-Quads or TriG) in an in-memory store, or a one-line error naming the file."""
    rdf_format = DATASET_FORMATS.get(dataset.suffix.lower())
    if rdf_format is None:
        raise StoreError(f"{dataset}: not a dataset file; use one of {', '.join(sorted(DATASET_FORMATS))}")
    store = OxStore()
    try:
        store.bulk_load(path=str(dataset), format=rdf_format)
    except (OSError, SyntaxError) as exc:
        raise StoreError(f"{dataset}: cannot load: {exc}") from exc
    return store


# ---------------------------------------------------------------------------
# Embedded store (pyoxigraph on disk)
# ---------------------------------------------------------------------------


class EmbeddedStore:
    """The on-disk pyoxigraph store (``build/store``), or an in-memory one for tests and fixtures."""

    def __init__(self, store: OxStore, path: Path | None = None, union_in_default: bool = False) -> None:
        self._store = store
        self.path = path
        self.union_in_default = union_in_default
        """Whether the default graph already holds the union of the named graphs (a built store)."""

    @classmethod
    def open(cls, path: Path) -> EmbeddedStore:
        """Open a built store read-only (so a server may read it at the same time)."""
        if not (path / "CURRENT").is_file():
            raise StoreError(f"{path}: no store here; build one with 'usmxkg load' after 'usmxkg build'")
        try:
            store = OxStore.read_only(str(path))
        except OSError as exc:
            raise StoreError(f"{path}: cannot open the store: {exc}") from exc
        built = any(True for _ in store.quads_for_pattern(None, None, None, DefaultGraph()))
        try:
            return cls(store, path, union_in_default=built)
        except OSError as exc:
            raise StoreError(f"{path}: cannot open the store: {exc}") from exc

    @classmethod
    def from_files(cls, *files: Path, turtle_graph: str = GRAPH + "ontology") -> EmbeddedStore:
        """An in-memory store of dataset files (N-Quads, TriG) and Turtle files (into ``turtle_graph``)."""
        store = OxStore()
        for path in files:
            if path.suffix == ".ttl":
                store.bulk_load(path=str(path), format=RdfFormat.TURTLE, to_graph=NamedNode(turtle_graph))
            else:
                store.bulk_extend(read_dataset(path))
        return cls(store)

    @classmethod
    def build(cls, dataset: Path, path: Path) -> LoadReport:
        """Load a dataset file into a new store at ``path``, replacing the old one only when the load succeeded.

        The store holds the dataset's named graphs and, in its default graph, their union as a
        set of triples. The data goes into a fresh folder beside ``path``; then the old store is
        moved aside, the new one moved in, and the old one deleted. A failed load leaves ``path``
        as it was.
        """
        rdf_format = DATASET_FORMATS.get(dataset.suffix.lower())
        if rdf_format is None:
            raise StoreError(f"{dataset}: not a dataset file; use one of {', '.join(sorted(DATASET_FORMATS))}")
        started = time.perf_counter()
        path.parent.mkdir(parents=True, exist_ok=True)
        fresh = path.with_name(f".{path.name}.loading-{os.getpid()}")
        old = path.with_name(f".{path.name}.old-{os.getpid()}")
        shutil.rmtree(fresh, ignore_errors=True)
        try:
            data = OxStore()
            data.bulk_load(path=str(dataset), format=rdf_format)
            store = OxStore(str(fresh))
            store.bulk_extend(data)
            store.bulk_extend(Quad(q.subject, q.predicate, q.object, DefaultGraph()) for q in data)
            store.flush()
            report = LoadReport(graphs=sum(1 for _ in data.named_graphs()), triples=len(data), method="bulk")
            del store, data
            gc.collect()  # the store's files are closed when the object goes
        except (OSError, SyntaxError) as exc:
            shutil.rmtree(fresh, ignore_errors=True)
            raise StoreError(f"{dataset}: cannot load into {path}: {exc}") from exc
        if path.exists():
            path.rename(old)
        fresh.rename(path)
        shutil.rmtree(old, ignore_errors=True)
        report.seconds = time.perf_counter() - started
        return report

    def query(self, sparql: str) -> QueryResult:
        try:
            result = self._store.query(sparql, use_default_graph_as_union=not self.union_in_default)
        except SyntaxError as exc:
            raise StoreError(f"query does not parse: {' '.join(str(exc).split())}") from exc
        except OSError as exc:
            raise StoreError(f"query failed: {exc}") from exc
        if not isinstance(result, QuerySolutions | QueryBoolean):
            raise StoreError("only SELECT and ASK queries are answered here")
        return result

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, NamedNode))

    def load(self, dataset: Path) -> LoadReport:
        """Replace the named graphs of this store with those of a dataset file (in-memory stores only)."""
        if self.path is not None:
            raise StoreError(f"{self.path}: open read-only; rebuild it with EmbeddedStore.build")
        started = time.perf_counter()
        data = read_dataset(dataset)
        for graph in data.named_graphs():
            self._store.remove_graph(graph)
        self._store.bulk_extend(data)
        return LoadReport(sum(1 for _ in data.named_graphs()), len(data), "bulk",
                          seconds=time.perf_counter() - started)


# ---------------------------------------------------------------------------
# Remote store (SPARQL 1.1 Protocol, Graph Store Protocol, Update)
# ---------------------------------------------------------------------------


def _is_ask(text: str) -> bool:
    """Whether a query is an ASK query (its form keyword, comments and IRIs skipped)."""
    from usmxkg.queries import query_form

    return query_form(text) == "ASK"


def _credentials() -> tuple[str, str] | None:
    user = os.environ.get(USER_ENV)
    return (user, os.environ.get(PASSWORD_ENV, "")) if user else None


def _public(url: str) -> str:
    """A URL without user information, for messages."""
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(netloc=parts.hostname + (f":{parts.port}" if parts.port else "")
                                                  if parts.hostname else parts.netloc))


class RemoteStore:
    """A SPARQL 1.1 server: queries through SPARQLWrapper, loads through the Graph Store Protocol or Update."""

    def __init__(self, endpoints: Endpoints, profile: StoreProfile | None = None,
                 explicit_dataset: bool = False, timeout: float = 300.0,
                 credentials: tuple[str, str] | None = None) -> None:
        self.endpoints = endpoints
        self.profile = profile or PROFILES["generic"]
        self.explicit_dataset = explicit_dataset
        self.timeout = timeout
        self._credentials = credentials or _credentials()
        """User and password: given, or from the environment (:data:`USER_ENV`, :data:`PASSWORD_ENV`)."""
        self._graphs: list[str] | None = None

    # -- queries ------------------------------------------------------------

    def _wrapper(self, text: str, dataset: list[str] | None = None, update: bool = False):  # type: ignore[no-untyped-def]
        from SPARQLWrapper import ASK, BASIC, DIGEST, INSERT, JSON, POST, SELECT, SPARQLWrapper

        wrapper = SPARQLWrapper(self.endpoints.query, updateEndpoint=self.endpoints.update)
        wrapper.setMethod(POST)
        wrapper.setTimeout(int(self.timeout))
        wrapper.setReturnFormat(JSON)
        wrapper.setOnlyConneg(True)
        if self._credentials:
            wrapper.setHTTPAuth(DIGEST if self.profile.auth == "digest" else BASIC)
            wrapper.setCredentials(*self._credentials)
        for graph in dataset or []:
            wrapper.addDefaultGraph(graph)
            wrapper.addNamedGraph(graph)
        wrapper.setQuery(text)
        # SPARQLWrapper guesses the form from keywords anywhere in the text (a variable named
        # ?address reads as ADD); the caller knows it, so say it.
        wrapper.queryType = INSERT if update else ASK if _is_ask(text) else SELECT
        return wrapper

    def _send(self, text: str, dataset: list[str] | None = None, update: bool = False) -> bytes:
        from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

        wrapper = self._wrapper(text, dataset, update)
        url = self.endpoints.update if update else self.endpoints.query
        try:
            response = wrapper.query().response
            return bytes(response.read())
        except SPARQLWrapperException as exc:
            raise StoreError(f"{_public(url or '')}: {' '.join(str(exc).split())[:300]}") from exc
        except urllib.error.HTTPError as exc:
            raise StoreError(f"{_public(url or '')}: HTTP {exc.code} {exc.reason}") from exc
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise StoreError(f"{_public(url or '')}: cannot reach the server: {reason}") from exc

    def query(self, sparql: str) -> QueryResult:
        dataset = self.graphs() if self.explicit_dataset else None
        data = self._send(sparql, dataset)
        try:
            return parse_query_results(data, format=QueryResultsFormat.JSON)
        except SyntaxError as exc:
            raise StoreError(f"{_public(self.endpoints.query)}: not SPARQL JSON results: {exc}") from exc

    def graphs(self) -> list[str]:
        """The server's named graphs (listed once per store object when the dataset is explicit)."""
        if self._graphs is None or not self.explicit_dataset:
            data = self._send(self.profile.graphs_query)
            result = parse_query_results(data, format=QueryResultsFormat.JSON)
            assert isinstance(result, QuerySolutions)
            self._graphs = sorted(s["g"].value for s in result if isinstance(s["g"], NamedNode))
        return self._graphs

    # -- loading ------------------------------------------------------------

    def _graph_url(self, graph: NamedNode | DefaultGraph) -> str:
        assert self.endpoints.graph_store
        query = "default" if isinstance(graph, DefaultGraph) else urllib.parse.urlencode(
            {self.profile.graph_param: graph.value})
        return f"{self.endpoints.graph_store}?{query}"

    def _gsp(self, method: str, graph: NamedNode | DefaultGraph, body: bytes | None = None) -> int:
        headers = {"Content-Type": self.profile.gsp_content_type} if body is not None else {}
        request = urllib.request.Request(self._graph_url(graph), data=body, method=method, headers=headers)
        try:
            authorise(request, self.profile.auth, self._credentials, self.timeout)
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return int(response.status)
        except urllib.error.HTTPError as exc:
            return int(exc.code)
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise StoreError(f"{_public(self.endpoints.graph_store or '')}: cannot reach the server: {reason}") from exc

    def load(self, dataset: Path, method: str = "auto", prune: bool = True) -> LoadReport:
        """Replace every named graph of the dataset file on the server; remove the project's graphs it lacks.

        ``method`` is ``gsp`` (Graph Store Protocol ``PUT`` per graph), ``update`` (SPARQL
        Update batches) or ``auto`` (the graph store where there is one, Update when it has
        none or refuses). With ``prune``, graphs under the project's graph namespace that the
        dataset does not hold are dropped, so the server ends up holding exactly the build.
        """
        if method not in {"auto", "gsp", "update"}:
            raise StoreError(f"unknown load method {method!r}; use auto, gsp or update")
        data = read_dataset(dataset)
        started = time.perf_counter()
        named = sorted((g for g in data.named_graphs() if isinstance(g, NamedNode)), key=lambda g: g.value)
        graphs: list[NamedNode | DefaultGraph] = list(named)
        if any(True for _ in data.quads_for_pattern(None, None, None, DefaultGraph())):
            graphs.insert(0, DefaultGraph())
        report = LoadReport(graphs=len(graphs), triples=len(data))
        use_gsp = method != "update" and self.endpoints.graph_store is not None
        if method == "gsp" and not use_gsp:
            raise StoreError("no graph store URL: give --graph-store or a server profile that has one")
        if not use_gsp and self.endpoints.update is None:
            raise StoreError("no graph store and no update endpoint: give --graph-store or --update-endpoint")
        pending = list(graphs)
        if use_gsp:
            while pending:
                graph = pending[0]
                status = self._gsp("PUT", graph, self._body(data, graph))
                if status in {404, 405, 501} and method == "auto" and self.endpoints.update and graph is graphs[0]:
                    report.notes.append(f"graph store answered HTTP {status}; loading with SPARQL Update")
                    use_gsp = False
                    break
                if status >= 300:
                    name = "default graph" if isinstance(graph, DefaultGraph) else f"<{graph.value}>"
                    raise StoreError(f"{_public(self.endpoints.graph_store or '')}: PUT {name}: HTTP {status}")
                pending.pop(0)
        if pending:
            for graph in pending:
                for request in self._updates(data, graph):
                    self._send(request, update=True)
        report.method = "gsp" if use_gsp else "update"
        if prune:
            kept = {g.value for g in graphs if isinstance(g, NamedNode)}
            self._graphs = None
            explicit, self.explicit_dataset = self.explicit_dataset, False
            try:
                stale = [g for g in self.graphs() if g.startswith(GRAPH) and g not in kept]
            finally:
                self.explicit_dataset = explicit
                self._graphs = None
            for name in stale:
                if use_gsp:
                    self._gsp("DELETE", NamedNode(name))
                else:
                    self._send(f"DROP SILENT GRAPH {NamedNode(name)}", update=True)
            report.removed = stale
        report.seconds = time.perf_counter() - started
        return report

    def _body(self, data: OxStore, graph: NamedNode | DefaultGraph) -> bytes:
        rdf_format = _CONTENT_TYPES.get(self.profile.gsp_content_type, RdfFormat.N_TRIPLES)
        triples = (q.triple for q in data.quads_for_pattern(None, None, None, graph))
        return serialize(triples, format=rdf_format) or b""

    def _updates(self, data: OxStore, graph: NamedNode | DefaultGraph) -> Iterator[str]:
        """``DROP SILENT GRAPH`` then ``INSERT DATA`` batches for one graph.

        Blank node labels are scoped to one request (SPARQL 1.1 Update §3.1.1), so the triples
        that share blank nodes (a connected group) always go in the same request; the groups and
        then the other triples fill batches of the profile's size.
        """
        groups: dict[str, list[str]] = {}
        parent: dict[str, str] = {}

        def root(label: str) -> str:
            while parent.setdefault(label, label) != label:
                parent[label] = parent[parent[label]]
                label = parent[label]
            return label

        with_blank: list[tuple[list[str], str]] = []
        plain: list[str] = []
        for quad in data.quads_for_pattern(None, None, None, graph):
            labels = [t.value for t in (quad.subject, quad.object) if isinstance(t, BlankNode)]
            if not labels:
                plain.append(f"{quad.triple} .")
                continue
            for other in labels[1:]:
                parent[root(other)] = root(labels[0])
            with_blank.append((labels, f"{quad.triple} ."))
        for labels, line in with_blank:
            groups.setdefault(root(labels[0]), []).append(line)
        target = "DEFAULT" if isinstance(graph, DefaultGraph) else f"GRAPH {graph}"
        size = self.profile.update_batch

        def insert(lines: list[str]) -> str:
            body = "\n".join(lines)
            block = f"{{ {body} }}" if isinstance(graph, DefaultGraph) else f"{{ GRAPH {graph} {{\n{body}\n}} }}"
            return f"INSERT DATA {block}" if self.profile.insert_data_blank_nodes else f"INSERT {block} WHERE {{ }}"

        batches: list[list[str]] = [[]]
        for lines in [*groups.values(), *([line] for line in plain)]:
            if batches[-1] and len(batches[-1]) + len(lines) > size:
                batches.append([])
            batches[-1].extend(lines)
        yield f"DROP SILENT {target} ;\n" + insert(batches[0])
        for batch in batches[1:]:
            yield insert(batch)


def quads(store: Store) -> Iterator[Quad]:
    """Every quad of every named graph of a store, through its query interface (for comparisons)."""
    result = store.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert isinstance(result, QuerySolutions)
    for s in result:
        yield Quad(s["s"], s["p"], s["o"], s["g"])  # type: ignore[arg-type]
