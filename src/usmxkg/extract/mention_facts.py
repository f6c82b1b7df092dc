"""Mentions, names, subjects, defined organisations and acronyms of one document, as Facts records.

The document's acronym definitions extend the reference lexicon for that
document only (:meth:`usmxkg.extract.gazetteer.Gazetteer.with_acronyms`), so
"NORTHCOM" defined in one thesis finds United States Northern Command there
without leaking into other documents. An acronym is held by the one entity
its long or short form names; a defined term that names no entity is a
concept of its own, keyed by its long form, so the same term defined in
several documents is one concept. The finding itself is
:mod:`usmxkg.extract.mentions`; this module only turns its records into the
IRI-free entities of :mod:`usmxkg.extract.facts`.
"""

from __future__ import annotations

from usmxkg.document import Document
from usmxkg.extract.facts import Acronym, DefinedOrganisation, Entity, EntityMention, Facts
from usmxkg.extract.gazetteer import Gazetteer
from usmxkg.extract.mentions import acronym_pairs, discover_organisations, document_entities, reference_entity
from usmxkg.vocab import slug


def add_mention_facts(doc: Document, gazetteer: Gazetteer, facts: Facts) -> None:
    """Fill ``facts`` with what ``doc`` mentions, the organisations it defines and its acronyms."""
    pairs = acronym_pairs(doc)
    local = gazetteer.with_acronyms(((short, long) for short, long, _ in pairs), doc.text)
    for found in discover_organisations(doc, pairs, gazetteer):
        entity = Entity("institution", found.entity.rsplit("/", 1)[1], found.label, found.type)
        facts.organisations.append(DefinedOrganisation(entity, found.acronym, found.evidence))
    for short, long, span in pairs:
        named = local.lookup(long) or local.lookup(short)
        holder = (reference_entity(local, next(iter(named))) if len(named) == 1
                  else Entity("concept", slug(long), " ".join(long.split()), "Concept"))
        facts.acronyms.append(Acronym(short.strip(), long, span, holder))
    entities = document_entities(doc, gazetteer)
    facts.mentions = [EntityMention(reference_entity(local, m.entity), m.evidence) for m in entities.mentions]
    facts.names = [*entities.names, *entities.people]
    facts.subjects = entities.subjects
