"""Dated events → ``usmx:Event`` nodes with start and end dates, participants, places and evidence.

The event's IRI comes from its key (:func:`usmxkg.graph.entities.entity_node`),
so the same event read from several documents is one node, each document's
graph adding its own dates with their evidence; a reference event keeps its
authority IRI and type, and the documents only date it. Dates are typed
literals at the precision stated (``xsd:date``, ``xsd:gYearMonth``,
``xsd:gYear``).
"""

from __future__ import annotations

from usmxkg.document import Document
from usmxkg.extract.facts import Event
from usmxkg.graph.entities import entity_node
from usmxkg.graph.evidence import add_evidence
from usmxkg.graph.terms import QuadSink, iri, typed
from usmxkg.vocab import PROV, RDF, SCHEMA, USMX, source_iri

_FOCUS = {"Establishment": USMX.establishedEntity, "AgreementSigning": USMX.signedAgreement}


def emit_events(sink: QuadSink, doc: Document, work: str, events: list[Event]) -> None:
    """Every dated event of one document, mentioned by the work."""
    source = iri(source_iri(doc.doc_id))
    for event in events:
        node = entity_node(sink, doc.doc_id, event.entity)
        if not event.entity.reference and event.type != event.entity.type:
            sink.add(node, RDF.type, iri(USMX[event.type]))
        if event.start is not None:
            sink.add(node, SCHEMA.startDate, typed(event.start.lexical, event.start.datatype))
        if event.end is not None:
            sink.add(node, SCHEMA.endDate, typed(event.end.lexical, event.end.datatype))
        for participant in event.participants:
            if participant.kind in ("person", "institution"):
                sink.add(node, USMX.participant, iri(entity_node(sink, doc.doc_id, participant)))
        if event.part_of is not None:
            sink.add(node, USMX.partOfEvent, iri(entity_node(sink, doc.doc_id, event.part_of)))
        for place in event.places:
            sink.add(node, USMX.place, iri(entity_node(sink, doc.doc_id, place)))
        focus = event.focus
        if focus is not None:
            target = iri(entity_node(sink, doc.doc_id, focus))
            if event.type == "Establishment" and focus.kind in ("institution", "program") \
                    and focus.type != "FundingAccount":
                sink.add(node, _FOCUS["Establishment"], target)
            elif event.type == "AgreementSigning" and focus.type in ("Agreement", "Treaty"):
                sink.add(node, _FOCUS["AgreementSigning"], target)
            elif event.type == "Administration" and focus.kind == "person":
                sink.add(node, USMX.participant, target)
        sink.add(node, PROV.wasDerivedFrom, source)
        sink.add(work, SCHEMA.mentions, iri(node))
        add_evidence(sink, doc.doc_id, node, event.evidence)
