"""Small constructors for pyoxigraph terms so emitters read like the triples they write."""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode, Quad

from usmxkg.vocab import XSD


def iri(value: object) -> NamedNode:
    """A named node from an IRI string or rdflib URIRef."""
    return NamedNode(str(value))


def text(value: str, lang: str | None = None) -> Literal:
    """A plain or language-tagged string literal."""
    return Literal(value, language=lang) if lang else Literal(value)


def typed(value: str, datatype: str) -> Literal:
    """A literal with an XSD datatype given by local name ("date", "gYear", "integer", …)."""
    return Literal(value, datatype=NamedNode(str(XSD) + datatype))


class QuadSink:
    """Collects quads for one named graph; duplicates are dropped at serialisation."""

    def __init__(self, graph: str) -> None:
        self.graph = NamedNode(graph)
        self.quads: list[Quad] = []

    def add(self, subject: object, predicate: object, obj: NamedNode | Literal) -> None:
        self.quads.append(Quad(iri(subject), iri(predicate), obj, self.graph))
