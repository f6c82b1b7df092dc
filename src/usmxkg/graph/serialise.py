"""Deterministic serialisation: canonical blank nodes, sorted N-Quads, atomic writes.

Blank nodes (from OWL list axioms in the ontology) are relabelled with RDF
Dataset Canonicalization (RDFC-1.0, https://www.w3.org/TR/rdf-canon/), then
N-Quads lines are sorted, so the same inputs give byte-identical files.

A build goes through :func:`sorted_lines` and :func:`trig_from_lines`,
which work on the N-Quads lines (bytes) that pyoxigraph writes in one call:
no :class:`~pyoxigraph.Dataset` of every quad is built and no Python key is
made per quad, the two costs that grew fastest with the size of a build
(building the dataset took 25 s of 2.4 million quads). Both give the bytes
that :func:`canonical_dataset`, :func:`sorted_nquads` and :func:`serialise`
give, which stay for callers that hold a dataset.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import groupby
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
    parse,
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


def sorted_lines(quads: Iterable[Quad] | bytes) -> list[bytes]:
    """The distinct N-Quads lines of ``quads`` in byte order, blank nodes canonical per graph.

    ``quads`` may already be N-Quads (bytes), so a caller can drop its quads
    before the lines are made. Equal quads write equal lines, so distinct
    lines are distinct quads (the duplicates a dataset drops). Only lines
    that can hold a blank node (they contain ``_:``, a few thousand from the
    ontology) are parsed back and go through :func:`canonical_dataset`; a
    literal that merely contains ``_:`` comes out as it went in, as RDFC-1.0
    leaves quads without blank nodes alone.
    """
    data = quads if isinstance(quads, bytes) else serialize(quads, format=RdfFormat.N_QUADS)
    assert data is not None  # serialize() returns bytes when given no output
    lines = data.splitlines(keepends=True)
    del data, quads
    candidates = [line for line in lines if b"_:" in line]
    if candidates:
        held = set(candidates)
        lines = [line for line in lines if line not in held]
        relabelled = serialize(canonical_dataset(parse(b"".join(candidates), format=RdfFormat.N_QUADS)),
                               format=RdfFormat.N_QUADS)
        assert relabelled is not None
        lines += relabelled.splitlines(keepends=True)
    lines.sort()
    return [line for line, _ in groupby(lines)]  # sorted, so equal lines are neighbours


def graph_key(line: bytes) -> bytes:
    """The graph term of an N-Quads line of a named graph (``<iri>`` or ``_:label``), the last term before `` .``."""
    return line[line.rindex(b" ", 0, len(line) - 3) + 1:-3] if line.endswith(b" .\n") else line


def trig_from_lines(lines: list[bytes], rdf_format: RdfFormat = RdfFormat.TRIG) -> bytes:
    """TriG of sorted N-Quads lines, statements in the order of :func:`serialise`: by graph, then line.

    Every line must be in a named graph (a build puts each statement in
    one); the order within a graph is that of the lines, which equals the
    (subject, predicate, object) order of :func:`serialise` because each
    term's N-Quads form is its ``str()`` and every term ends in a character
    (``>``, ``"``, a tag or label character) above the separating space.
    """
    ordered = sorted(lines, key=graph_key)  # stable: lines stay sorted within each graph
    data = serialize(_named(parse(b"".join(ordered), format=RdfFormat.N_QUADS)), format=rdf_format,
                     prefixes=PREFIXES)
    assert data is not None  # serialize() returns bytes when given no output
    return data


def _named(quads: Iterable[Quad]) -> Iterator[Quad]:
    for quad in quads:
        if isinstance(quad.graph_name, DefaultGraph):
            raise ValueError(f"trig_from_lines() needs every statement in a named graph, not {quad}")
        yield quad


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
