"""Deterministic serialisation: canonical blank nodes, sorted N-Quads, atomic writes.

Blank nodes (from OWL list axioms in the ontology) are relabelled with RDF
Dataset Canonicalization (RDFC-1.0, https://www.w3.org/TR/rdf-canon/), then
N-Quads lines are sorted, so the same inputs give byte-identical files.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

from pyoxigraph import (
    BlankNode,
    CanonicalizationAlgorithm,
    Dataset,
    DefaultGraph,
    NamedNode,
    Quad,
    RdfFormat,
    serialize,
)

from usmxkg.vocab import PREFIXES

T = TypeVar("T")


def canonical_dataset(quads: Iterable[Quad]) -> Dataset:
    """A dataset with duplicates removed and blank nodes canonically labelled, graph by graph.

    Extracted data names every node with an IRI minted from stable keys
    (DESIGN.md), so only graphs that hold blank nodes (the ontology's class
    expressions and lists) need canonical labels; each is canonicalised on
    its own (RDFC-1.0) and its labels are prefixed with a digest of the graph
    name, so blank nodes of different graphs never share a label. The cost
    is linear in the number of quads outside those graphs, where one
    canonicalisation of the whole dataset grew faster than the data.
    """
    by_graph: dict[NamedNode | BlankNode | DefaultGraph, list[Quad]] = defaultdict(list)
    plain: list[Quad] = []
    for quad in quads:
        if isinstance(quad.subject, BlankNode) or isinstance(quad.object, BlankNode):
            by_graph[quad.graph_name].append(quad)
        else:
            plain.append(quad)
    dataset = Dataset(plain)
    for graph, with_blanks in by_graph.items():
        local = Dataset(with_blanks)  # quads without blank nodes do not affect the canonical labels
        local.canonicalize(CanonicalizationAlgorithm.RDFC_1_0)
        prefix = "g" + hashlib.sha256(str(graph).encode("utf-8")).hexdigest()[:8]
        for quad in local:
            dataset.add(Quad(_relabel(quad.subject, prefix), quad.predicate, _relabel(quad.object, prefix), graph))
    return dataset


def _relabel(term: T, prefix: str) -> T:
    return BlankNode(prefix + term.value) if isinstance(term, BlankNode) else term  # type: ignore[return-value]


def sorted_nquads(dataset: Dataset) -> bytes:
    """N-Quads with one statement per line in byte order."""
    data = serialize(dataset, format=RdfFormat.N_QUADS)
    assert data is not None  # serialize() returns bytes when given no output
    return b"".join(sorted(data.splitlines(keepends=True)))


def serialise(dataset: Dataset, rdf_format: RdfFormat) -> bytes:
    """TriG, Turtle or JSON-LD with the project prefixes, statements in sorted order.

    Formats without named graphs (Turtle) get the union of the graphs.
    """
    ordered = sorted(dataset, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    if rdf_format.supports_datasets:
        data = serialize(ordered, format=rdf_format, prefixes=PREFIXES)
    else:
        triples = sorted({q.triple for q in ordered}, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
        data = serialize(triples, format=rdf_format, prefixes=PREFIXES)
    assert data is not None  # serialize() returns bytes when given no output
    return data


def write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder, so a failure never leaves half a file.

    The file gets the mode the umask gives a new file, as if written directly.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        mask = os.umask(0o022)
        os.umask(mask)
        os.fchmod(fd, 0o666 & ~mask)  # the mode open(2) would give, not mkstemp's private 0600
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
