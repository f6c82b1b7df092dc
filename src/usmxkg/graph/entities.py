"""Entities named by facts → IRIs, with their type and label in the document's graph.

A reference entity (:attr:`~usmxkg.extract.facts.Entity.reference`) keeps
the IRI of its authority record and gets no new statements; any other entity
gets a provisional IRI minted from its kind and folded key (DESIGN.md:
deterministic IRIs), its class, label and provenance, so cross-document
resolution (:mod:`usmxkg.graph.resolve`) can merge it later.
"""

from __future__ import annotations

from usmxkg.extract.facts import Entity
from usmxkg.graph.terms import QuadSink, iri, text
from usmxkg.vocab import ID, PROV, RDF, RDFS, SKOS, USMX, slug, source_iri


def entity_node(sink: QuadSink, doc_id: str, entity: Entity) -> str:
    """The IRI of ``entity``; a minted entity is typed, labelled and derived from the source."""
    node = f"{ID}{entity.kind}/{slug(entity.key)}"
    if entity.reference:
        return node
    kind_class = SKOS.Concept if entity.kind == "concept" else USMX[entity.type]
    sink.add(node, RDF.type, iri(kind_class))
    sink.add(node, RDFS.label, text(entity.label))
    sink.add(node, PROV.wasDerivedFrom, iri(source_iri(doc_id)))
    return node
