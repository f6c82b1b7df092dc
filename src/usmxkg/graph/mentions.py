"""Mentions, acronyms and newly discovered organisations → quads of the document's graph.

An acronym is attached to the entity its long form names; a defined term
that names no entity becomes a ``skos:Concept`` carrying the acronym.

The document's acronym definitions extend the reference gazetteer for that
document only, so "NORTHCOM" defined in one thesis finds United States
Northern Command there without leaking into other documents. Each mention is
a ``schema:mentions`` link from the work plus the exact span as
``usmx:evidence`` of the entity in this document's graph.
"""

from __future__ import annotations

from usmxkg.document import Document
from usmxkg.extract.gazetteer import Gazetteer
from usmxkg.extract.mentions import acronym_pairs, discover_organisations, find_mentions
from usmxkg.extract.names import person_key
from usmxkg.extract.people import titled_people
from usmxkg.graph.evidence import add_evidence
from usmxkg.graph.terms import QuadSink, iri, text
from usmxkg.vocab import ID, PROV, RDF, RDFS, SCHEMA, SKOS, USMX, entity_iri, source_iri


def emit_mentions(sink: QuadSink, doc: Document, work: str, gazetteer: Gazetteer) -> None:
    """Mentions of known and newly defined entities, and acronyms attached to what they name."""
    source = iri(source_iri(doc.doc_id))
    pairs = acronym_pairs(doc)
    local = gazetteer.with_acronyms(((short, long) for short, long, _ in pairs), doc.text)

    for entity in discover_organisations(doc, pairs, gazetteer):
        sink.add(entity.entity, RDF.type, iri(USMX[entity.type]))
        sink.add(entity.entity, RDFS.label, text(entity.label))
        sink.add(entity.entity, PROV.wasDerivedFrom, source)
        add_evidence(sink, doc.doc_id, entity.entity, entity.evidence)

    for short, long, span in pairs:
        named = local.lookup(long) or local.lookup(short)
        holder = next(iter(named)) if len(named) == 1 else _concept(sink, long)
        sink.add(holder, USMX.acronym, text(short.strip()))
        sink.add(holder, SKOS.altLabel, text(short.strip()))
        sink.add(holder, PROV.wasDerivedFrom, source)
        add_evidence(sink, doc.doc_id, holder, span)

    _titled_people(sink, doc, work, local)

    for mention in find_mentions(doc, local):
        sink.add(work, SCHEMA.mentions, iri(mention.entity))
        sink.add(mention.entity, PROV.wasDerivedFrom, source)
        add_evidence(sink, doc.doc_id, mention.entity, mention.evidence)


def _concept(sink: QuadSink, long: str) -> str:
    """A defined term that names no entity ("professional military education (PME)") as a SKOS concept.

    Its IRI comes from the folded long form, so the same term defined in
    several documents is one concept.
    """
    concept = entity_iri("concept", long)
    sink.add(concept, RDF.type, iri(SKOS.Concept))
    sink.add(concept, RDFS.label, text(" ".join(long.split())))
    return concept


def _titled_people(sink: QuadSink, doc: Document, work: str, gazetteer: Gazetteer) -> None:
    """People named with a title: the reference person when the name is known, else a new one.

    A bare family name after a title ("President Fox") that the reference
    data does not know is left alone: it cannot be told apart from others.
    """
    source = iri(source_iri(doc.doc_id))
    for found in titled_people(doc):
        known = [e for e in gazetteer.lookup(found.name) if f"{ID}person/" in e]
        if len(known) == 1:
            person = known[0]
        elif not known and len(found.name.split()) >= 2:
            person = entity_iri("person", person_key(found.name))
            sink.add(person, RDF.type, iri(USMX.Person))
            sink.add(person, RDFS.label, text(found.name))
        else:
            continue
        sink.add(person, USMX.jobTitle, text(found.title))
        sink.add(person, PROV.wasDerivedFrom, source)
        sink.add(work, SCHEMA.mentions, iri(person))
        add_evidence(sink, doc.doc_id, person, found.evidence)
