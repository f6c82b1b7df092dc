"""Small constructors for pyoxigraph terms so emitters read like the triples they write."""

from __future__ import annotations

from collections.abc import Callable

from pyoxigraph import Literal, NamedNode, Quad

from usmxkg.document import Span
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
    """Collects quads for one named graph; duplicates are dropped at serialisation.

    ``locate`` maps a span of the document's normalised text to the span of
    its source file that evidence must point at (:meth:`usmxkg.document.Document.locate`).
    """

    def __init__(self, graph: str, locate: Callable[[Span], Span] | None = None) -> None:
        self.graph = NamedNode(graph)
        self.quads: list[Quad] = []
        self.locate = locate

    def add(self, subject: object, predicate: object, obj: NamedNode | Literal) -> None:
        self.quads.append(Quad(iri(subject), iri(predicate), obj, self.graph))
