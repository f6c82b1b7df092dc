"""Mentions, acronyms, found names, people and subjects (Facts) → quads of the document's graph.

Each mention is a ``schema:mentions`` link from the work plus the exact span
as ``usmx:evidence`` of the entity in this document's graph. An entity the
reference data lacks (an organisation the document defines, a unit, program,
policy, event, installation or person found in the text) is typed, labelled
and derived from the source here, with an IRI minted from its kind and key
(:func:`usmxkg.vocab.entity_iri`), so the same name meets itself across
documents and cross-document resolution (:mod:`usmxkg.graph.resolve`) can
merge it into a reference entity. An acronym is attached to the entity that
holds it (``usmx:acronym``, ``skos:altLabel``); one held by a concept makes
that concept a ``skos:Concept``. Subject terms link to what they name with
``dcterms:subject``.
"""

from __future__ import annotations

from usmxkg.document import Document
from usmxkg.extract.facts import Entity, Facts
from usmxkg.extract.mentions import NamedEntity
from usmxkg.graph.evidence import add_evidence
from usmxkg.graph.terms import QuadSink, iri, text
from usmxkg.vocab import DCTERMS, ID, PROV, RDF, RDFS, SCHEMA, SKOS, USMX, entity_iri, source_iri


def emit_mentions(sink: QuadSink, doc: Document, work: str, facts: Facts) -> None:
    """Mentions of known, defined and found entities, acronyms attached to what they name, and subjects."""
    source = iri(source_iri(doc.doc_id))
    for defined in facts.organisations:
        node = entity_node(defined.entity)
        sink.add(node, RDF.type, iri(USMX[defined.entity.type]))
        sink.add(node, RDFS.label, text(defined.entity.label))
        sink.add(node, PROV.wasDerivedFrom, source)
        add_evidence(sink, doc.doc_id, node, defined.evidence)

    for acronym in facts.acronyms:
        holder = _concept(sink, acronym.holder) if acronym.holder.kind == "concept" else entity_node(acronym.holder)
        sink.add(holder, USMX.acronym, text(acronym.short))
        sink.add(holder, SKOS.altLabel, text(acronym.short))
        sink.add(holder, PROV.wasDerivedFrom, source)
        add_evidence(sink, doc.doc_id, holder, acronym.evidence)

    for mention in facts.mentions:
        node = entity_node(mention.entity)
        sink.add(work, SCHEMA.mentions, iri(node))
        sink.add(node, PROV.wasDerivedFrom, source)
        add_evidence(sink, doc.doc_id, node, mention.evidence)
    for occurrence in facts.names:
        node = _entity(sink, doc, occurrence.entity)
        sink.add(work, SCHEMA.mentions, iri(node))
        add_evidence(sink, doc.doc_id, node, occurrence.evidence)
        if occurrence.part_of is not None:
            series = _entity(sink, doc, occurrence.part_of)
            sink.add(node, USMX.partOfEvent, iri(series))
            sink.add(work, SCHEMA.mentions, iri(series))
        _person_details(sink, node, occurrence)
    for subject in facts.subjects:
        named = subject.entity
        node = _concept(sink, named) if named.kind == "concept" else _entity(sink, doc, named)
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


def _concept(sink: QuadSink, concept: Entity) -> str:
    """A defined term or subject that names no entity ("professional military education") as a SKOS concept.

    Its IRI comes from the folded term, so the same term in several documents is one concept.
    """
    node = entity_iri("concept", concept.key)
    sink.add(node, RDF.type, iri(SKOS.Concept))
    sink.add(node, RDFS.label, text(" ".join(concept.label.split())))
    return node
