"""Links as quads of the ``…/graph/links`` named graph, each with its evidence.

Every link triple is reified as an ``owl:Axiom`` (OWL 2 Mapping to RDF
Graphs, §2.3.1: ``owl:annotatedSource``/``owl:annotatedProperty``/
``owl:annotatedTarget``) annotated with the SSSOM slots of the mapping, as
the SSSOM OWL/RDF serialisation writes them: ``sssom:mapping_justification``
(a ``semapv:`` IRI), ``sssom:confidence``, ``sssom:reviewer_label``,
``sssom:mapping_tool``, ``rdfs:comment`` (the evidence) and ``dcterms:source``
(the file and row the link was read from). The axiom IRI is a digest of the
triple, so the graph stays byte-identical for the same inputs.
"""

from __future__ import annotations

import hashlib

from pyoxigraph import Quad

from usmxkg.graph.terms import QuadSink, iri, text, typed
from usmxkg.link.model import Link
from usmxkg.vocab import DCTERMS, ID, LINKS_GRAPH, OWL, RDF, RDFS

SSSOM = "https://w3id.org/sssom/"
"""The SSSOM vocabulary namespace (slot URIs of the SSSOM schema)."""

TOOL = "usmxkg link"


def axiom_iri(link: Link) -> str:
    """The reification node of one link: ``id/link/`` + 16 hex digits of the SHA-256 of the triple."""
    key = "\x1f".join(link.triple).encode("utf-8")
    return f"{ID}link/{hashlib.sha256(key).hexdigest()[:16]}"


def link_quads_of(links: list[Link]) -> list[Quad]:
    """The link triples and one annotated ``owl:Axiom`` per link, in the links graph."""
    sink = QuadSink(str(LINKS_GRAPH))
    for link in links:
        sink.add(link.subject, link.predicate, iri(link.target))
        node = axiom_iri(link)
        sink.add(node, RDF.type, iri(OWL.Axiom))
        sink.add(node, OWL.annotatedSource, iri(link.subject))
        sink.add(node, OWL.annotatedProperty, iri(link.predicate))
        sink.add(node, OWL.annotatedTarget, iri(link.target))
        sink.add(node, SSSOM + "mapping_justification", iri(link.justification))
        sink.add(node, SSSOM + "mapping_tool", text(TOOL))
        sink.add(node, DCTERMS.source, text(link.source))
        if link.evidence:
            sink.add(node, RDFS.comment, text(link.evidence))
        if link.confidence is not None:
            sink.add(node, SSSOM + "confidence", typed(f"{link.confidence:.3f}", "double"))
        if link.reviewer:
            sink.add(node, SSSOM + "reviewer_label", text(link.reviewer))
    return sink.quads
