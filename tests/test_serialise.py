"""Canonical blank-node labels per graph: stable whatever the input order, never shared between graphs."""

from __future__ import annotations

import pytest
from pyoxigraph import BlankNode, Dataset, DefaultGraph, Literal, NamedNode, Quad, RdfFormat, parse

from usmxkg.graph.serialise import (
    canonical_dataset,
    graph_key,
    serialise,
    sorted_lines,
    sorted_nquads,
    trig_from_lines,
)

P = NamedNode("http://example.org/p")
INTEGER = NamedNode("http://www.w3.org/2001/XMLSchema#integer")
A, B = NamedNode("http://example.org/graph/a"), NamedNode("http://example.org/graph/b")


def _graph(graph: NamedNode) -> list[Quad]:
    """The same shape in each graph: a subject pointing at a blank node with a label."""
    node = BlankNode()
    return [Quad(NamedNode("http://example.org/s"), P, node, graph), Quad(node, P, Literal("x"), graph),
            Quad(NamedNode("http://example.org/t"), P, Literal("plain"), graph)]


def test_blank_nodes_of_two_graphs_get_distinct_stable_labels() -> None:
    quads = _graph(A) + _graph(B)
    first = sorted_nquads(canonical_dataset(quads))
    assert first == sorted_nquads(canonical_dataset(list(reversed(_graph(B) + _graph(A)))))
    labels = {q.object.value for q in canonical_dataset(quads) if isinstance(q.object, BlankNode)}
    assert len(labels) == 2, "one blank node per graph, each with its own label"
    assert first.count(b"\n") == 6


def _mixed() -> list[Quad]:
    """Terms whose N-Quads forms are prefixes of each other, duplicates, and a literal holding ``_:``."""
    s, longer = NamedNode("http://example.org/a"), NamedNode("http://example.org/a/b")
    quads = _graph(A) + _graph(B) + _graph(A)  # _graph(A) twice: new blank nodes, equal plain quads
    for subject in (s, longer):
        for obj in (Literal("x"), Literal("x", language="en"), Literal("x y"), Literal("not _:a blank node"),
                    Literal("tab\there\nline"), Literal("1", datatype=INTEGER), longer, s):
            quads += [Quad(subject, P, obj, A), Quad(subject, P, obj, B), Quad(subject, P, obj, A)]
    return quads


def test_lines_give_the_bytes_of_the_dataset_path() -> None:
    """Regression: the line-based path of a build writes what canonicalising a whole dataset wrote."""
    quads = _mixed()
    dataset = canonical_dataset(quads)
    lines = sorted_lines(quads)
    assert b"".join(lines) == sorted_nquads(dataset)
    assert trig_from_lines(lines) == serialise(dataset, RdfFormat.TRIG)
    assert {graph_key(line) for line in lines} == {b"<http://example.org/graph/a>", b"<http://example.org/graph/b>"}


def test_corpus_trig_equals_the_dataset_serialisation(corpus_build) -> None:
    """On the corpus build: graph.trig is the sorted TriG of graph.nq, as the dataset path writes it."""
    _, out = corpus_build
    data = (out / "graph.nq").read_bytes()
    dataset = Dataset(parse(data, format=RdfFormat.N_QUADS))
    assert sorted_nquads(dataset) == data
    assert (out / "graph.trig").read_bytes() == serialise(dataset, RdfFormat.TRIG)


def test_default_graph_statements_are_refused_by_the_trig_path() -> None:
    lines = sorted_lines([Quad(NamedNode("http://example.org/s"), P, Literal("x"), DefaultGraph())])
    with pytest.raises(ValueError, match="named graph"):
        trig_from_lines(lines)
