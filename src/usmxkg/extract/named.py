"""Mentions of entities as :class:`~usmxkg.extract.facts.Entity` records, looked up by range of text.

Events, policies, programs and amounts name their participants, places,
funders and accounts with the entities the gazetteer finds
(:func:`usmxkg.extract.mentions.document_mentions`). This module turns those
mentions into the Facts contract's records: a reference entity keeps its
authority key (the slug of its IRI, ``reference=True``), an organisation the
document itself defined keeps its name as key, so the graph mints the same
IRI the mention emitter does.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from usmxkg.document import Document, Span
from usmxkg.extract.facts import ENTITY_KINDS, Entity
from usmxkg.extract.gazetteer import Gazetteer
from usmxkg.extract.mentions import Mention, document_mentions
from usmxkg.vocab import ID

__all__ = ["Lexicon", "Named", "entity_from_iri"]

AGENT_KINDS = frozenset({"person", "institution"})


@dataclass(frozen=True, slots=True)
class Named:
    """A mention in the text and the entity it names."""

    entity: Entity
    span: Span


def entity_from_iri(iri: str, label: str, type_: str, gazetteer: Gazetteer | None) -> Entity | None:
    """The Facts record of an entity IRI (``…/id/{kind}/{slug}``); None for IRIs of no entity kind."""
    if not iri.startswith(str(ID)):
        return None
    kind, _, key = iri[len(str(ID)):].partition("/")
    if kind not in ENTITY_KINDS:
        return None
    known = gazetteer is not None and iri in gazetteer.entities and not gazetteer.entity(iri).minted
    return Entity(kind, key if known else label, label, type_, reference=known)


class Lexicon:
    """The entities a document names, found once, then looked up per range of text."""

    def __init__(self, doc: Document, gazetteer: Gazetteer | None) -> None:
        self.gazetteer = gazetteer
        named: list[Named] = []
        if gazetteer is not None:
            mentions, _ = document_mentions(doc, gazetteer)
            named = [n for n in (self._named(m) for m in mentions) if n is not None]
        self.named = sorted(named, key=lambda n: (n.span.start, n.span.end))
        self._starts = [n.span.start for n in self.named]

    def _named(self, mention: Mention) -> Named | None:
        entity = entity_from_iri(mention.entity, mention.label, mention.type, self.gazetteer)
        return Named(entity, mention.evidence) if entity is not None else None

    def within(self, start: int, end: int, kinds: frozenset[str] | None = None) -> list[Named]:
        """Mentions lying inside ``[start, end)``, in text order, optionally of some entity kinds only."""
        i = bisect_left(self._starts, start)
        out: list[Named] = []
        while i < len(self.named) and self.named[i].span.start < end:
            n = self.named[i]
            if n.span.end <= end and (kinds is None or n.entity.kind in kinds):
                out.append(n)
            i += 1
        return out

    def lookup(self, name: str, kinds: frozenset[str]) -> Entity | None:
        """The one reference entity of ``kinds`` a whole name denotes, if exactly one does."""
        if self.gazetteer is None:
            return None
        found = []
        for iri in sorted(self.gazetteer.lookup(name)):
            record = self.gazetteer.entity(iri)
            entity = entity_from_iri(iri, record.label, record.type, self.gazetteer)
            if entity is not None and entity.kind in kinds:
                found.append(entity)
        return found[0] if len(found) == 1 else None

    def references(self, kind: str) -> list[Entity]:
        """Every reference entity of one kind (for matching descriptive phrases against their labels)."""
        if self.gazetteer is None:
            return []
        out = []
        for iri, record in sorted(self.gazetteer.entities.items()):
            entity = entity_from_iri(iri, record.label, record.type, self.gazetteer)
            if entity is not None and entity.kind == kind and entity.reference:
                out.append(entity)
        return out

    def forms(self, entity: Entity) -> tuple[str, ...]:
        """The names an entity is known by in the reference data."""
        if self.gazetteer is None:
            return (entity.label,)
        return self.gazetteer.surface_forms(f"{ID}{entity.kind}/{entity.key}") or (entity.label,)


def dedupe(named: list[Named]) -> tuple[Entity, ...]:
    """The distinct entities of some mentions, in order of first mention."""
    seen: dict[tuple[str, str], Entity] = {}
    for n in named:
        seen.setdefault((n.entity.kind, n.entity.key), n.entity)
    return tuple(seen.values())
