"""Mentions, acronyms, found names, people and subjects → quads of the document's graph.

An acronym is attached to the entity its long form names; a defined term
that names no entity becomes a ``skos:Concept`` carrying the acronym.

The document's acronym definitions extend the reference gazetteer for that
document only, so "NORTHCOM" defined in one thesis finds United States
Northern Command there without leaking into other documents. Each mention is
a ``schema:mentions`` link from the work plus the exact span as
``usmx:evidence`` of the entity in this document's graph. An entity found in
the text that the reference data lacks (an organisation, unit, program,
policy, event, installation or person) is typed, labelled and derived from
the source here, with an IRI minted from its kind and label
(:func:`usmxkg.vocab.entity_iri`), so the same name meets itself across
documents and cross-document resolution (:mod:`usmxkg.graph.resolve`) can
merge it into a reference entity. Subject terms link to the entity they
name with ``dcterms:subject``, or to a ``skos:Concept`` of their own.
"""

from __future__ import annotations

from usmxkg.document import Document
from usmxkg.extract.facts import Entity
from usmxkg.extract.gazetteer import Gazetteer
from usmxkg.extract.mentions import NamedEntity, acronym_pairs, discover_organisations, document_entities
from usmxkg.graph.evidence import add_evidence
from usmxkg.graph.terms import QuadSink, iri, text
from usmxkg.vocab import DCTERMS, ID, PROV, RDF, RDFS, SCHEMA, SKOS, USMX, entity_iri, source_iri


def emit_mentions(sink: QuadSink, doc: Document, work: str, gazetteer: Gazetteer) -> None:
    """Mentions of known, defined and found entities, acronyms attached to what they name, and subjects."""
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

    found = document_entities(doc, gazetteer)
    for mention in found.mentions:
        sink.add(work, SCHEMA.mentions, iri(mention.entity))
        sink.add(mention.entity, PROV.wasDerivedFrom, source)
        add_evidence(sink, doc.doc_id, mention.entity, mention.evidence)
    for occurrence in [*found.names, *found.people]:
        node = _entity(sink, doc, occurrence.entity)
        sink.add(work, SCHEMA.mentions, iri(node))
        add_evidence(sink, doc.doc_id, node, occurrence.evidence)
        if occurrence.part_of is not None:
            series = _entity(sink, doc, occurrence.part_of)
            sink.add(node, USMX.partOfEvent, iri(series))
            sink.add(work, SCHEMA.mentions, iri(series))
        _person_details(sink, node, occurrence)
    for subject in found.subjects:
        node = (
            _concept(sink, subject.entity.label)
            if subject.entity.kind == "concept"
            else _entity(sink, doc, subject.entity)
        )
        sink.add(work, DCTERMS.subject, iri(node))
        sink.add(node, PROV.wasDerivedFrom, source)
        add_evidence(sink, doc.doc_id, node, subject.term)


def entity_node(entity: Entity) -> str:
    """The IRI of an entity: the reference entity's, else one minted from kind and label (people: name key)."""
    if entity.reference:
        return f"{ID}{entity.kind}/{entity.key}"
    return entity_iri(entity.kind, entity.key)


def _entity(sink: QuadSink, doc: Document, entity: Entity) -> str:
    """The entity's IRI; a minted entity is typed and labelled, and every one is derived from the source."""
    node = entity_node(entity)
    if not entity.reference:
        sink.add(node, RDF.type, iri(USMX[entity.type]))
        sink.add(node, RDFS.label, text(entity.label))
    sink.add(node, PROV.wasDerivedFrom, iri(source_iri(doc.doc_id)))
    return node


def _person_details(sink: QuadSink, node: str, named: NamedEntity) -> None:
    """A person's title as written here and, for a person the reference data lacks, the parsed name parts."""
    person = named.person
    if person is None:
        return
    if person.title:
        sink.add(node, USMX.jobTitle, text(person.title))
    if named.entity.reference:
        return
    if person.given:
        sink.add(node, SCHEMA.givenName, text(person.given))
    if person.family:
        sink.add(node, SCHEMA.familyName, text(person.family))


def _concept(sink: QuadSink, long: str) -> str:
    """A defined term that names no entity ("professional military education (PME)") as a SKOS concept.

    Its IRI comes from the folded long form, so the same term defined in
    several documents is one concept.
    """
    concept = entity_iri("concept", long)
    sink.add(concept, RDF.type, iri(SKOS.Concept))
    sink.add(concept, RDFS.label, text(" ".join(long.split())))
    return concept
