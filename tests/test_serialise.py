"""Canonical blank-node labels per graph: stable whatever the input order, never shared between graphs."""

from __future__ import annotations

from pyoxigraph import BlankNode, Literal, NamedNode, Quad

from usmxkg.graph.serialise import canonical_dataset, sorted_nquads

P = NamedNode("http://example.org/p")
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
