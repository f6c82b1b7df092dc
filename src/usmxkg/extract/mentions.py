"""Document → mentions of known entities, and organisations the document itself defines.

A mention is a whole-word match of a reference name or acronym (see
:mod:`usmxkg.extract.gazetteer`), resolved to one entity and carrying the
exact span it was read from. A surface form shared by two entities (an
acronym used by two institutions) is resolved by context: it counts only when
exactly one of its entities is also named unambiguously in the same
document; otherwise it is left out rather than guessed.

Organisations the reference data does not know are discovered from the
document's own acronym definitions (its list of acronyms and in-text
definitions found by :mod:`usmxkg.extract.acronyms`, Schwartz–Hearst). A pair
whose long form is a proper name with an organisational head noun becomes a
:class:`NewEntity` with an IRI minted from the long form.

Beyond the reference data, :func:`document_entities` finds the proper names
of running text (:mod:`usmxkg.extract.propernames`: organisations, units,
programs, policies, events, installations) and the people it names
(:mod:`usmxkg.extract.people`), and links the document's subject terms. It
reads running text, front matter and captions, never the regions that are
not (zones of kind furniture, contents, acronyms, notes and references, the
document's footnotes and reference list, and the burden statement printed on
every SF 298). Where a found name and a reference name overlap, the longer
wins when its head lies outside the reference name ("Ninth Army Liaison Program");
otherwise the reference name stands.

Typical use, per document::

    gazetteer = load_gazetteer(paths.entities)          # once
    mentions, organisations = document_mentions(doc, gazetteer)
    found = document_entities(doc, gazetteer)                  # everything, typed, with spans
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from usmxkg.document import Document, Span
from usmxkg.extract.acronyms import extract_acronyms
from usmxkg.extract.agents import is_person_name
from usmxkg.extract.facts import Entity
from usmxkg.extract.gazetteer import Gazetteer, Match
from usmxkg.extract.names import person_key
from usmxkg.extract.people import PersonMention, find_people
from usmxkg.extract.propernames import NameCandidate, find_names
from usmxkg.extract.tokens import Layout, tokenize
from usmxkg.vocab import ID, fold, slug

__all__ = [
    "DocumentEntities",
    "Mention",
    "NamedEntity",
    "NewEntity",
    "Subject",
    "acronym_pairs",
    "discover_organisations",
    "document_entities",
    "document_mentions",
    "find_mentions",
]

SKIPPED_ZONES = frozenset({"furniture", "contents", "acronyms", "notes", "references"})
"""Zones (:data:`usmxkg.document.ZONE_KINDS`) whose words are not mentions: page chrome, contents, lists, notes."""

_BURDEN = re.compile(r"Public\s+reporting\s+burden.{0,2600}?(?:control\s+number|ADDRESS)\.?", re.DOTALL | re.IGNORECASE)
"""The SF 298 burden statement: form boilerplate naming the same offices on every report."""


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an entity in a document."""

    entity: str
    """Entity IRI: a reference IRI, or one minted for an organisation the document defines."""
    label: str
    """The entity's English label."""
    type: str
    """Local name of the entity's most specific ``usmx:`` class (e.g. "GovernmentAgency")."""
    evidence: Span
    """The exact matched text."""


@dataclass(frozen=True, slots=True)
class NewEntity:
    """An organisation discovered from an (acronym, long form) definition of the document."""

    entity: str
    label: str
    acronym: str
    type: str
    evidence: Span
    """The definition: the list-of-acronyms row, or "Long Form (LF)" in the text."""


def find_mentions(doc: Document, gazetteer: Gazetteer) -> list[Mention]:
    """Every mention of a gazetteer entity in the document's text, in text order.

    Pass a gazetteer extended with the document's acronyms
    (:meth:`Gazetteer.with_acronyms`) to resolve the document's own short
    forms. A form shared by several entities takes the entity among them
    that is named unambiguously nearest to it in the document (its
    expansion, usually); when none of them is named, it is left out.
    """
    matches = gazetteer.find(doc.text)
    named: dict[str, list[tuple[int, int]]] = {}  # entity → its unambiguous matches, in text order
    for m in matches:
        if len(m.entities) == 1:
            named.setdefault(next(iter(m.entities)), []).append((m.start, m.end))
    out: list[Mention] = []
    for m in matches:
        if len(m.entities) == 1:
            iri = next(iter(m.entities))
        else:
            nearest = min(((*_nearest(named[e], m.start, m.end), e) for e in m.entities if e in named), default=None)
            if nearest is None:
                continue
            iri = nearest[2]
        record = gazetteer.entity(iri)
        out.append(Mention(record.iri, record.label, record.type, doc.span(m.start, m.end)))
    return out


def _nearest(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """(gap, start) of the span nearest to ``[start, end)``, the earlier on a tie.

    The spans are matches that overlap neither each other nor it
    (:meth:`Gazetteer.find`), so the nearest is the last one before it or the
    first one after: a bisection, not a scan, keeps a text full of ambiguous
    forms linear in its length.
    """
    i = bisect_right(spans, (start, start))
    around = spans[max(i - 1, 0):i + 1]
    return min((max(start - e, s - end), s) for s, e in around)


def discover_organisations(
    doc: Document, pairs: Iterable[tuple[str, str, Span]], gazetteer: Gazetteer
) -> list[NewEntity]:
    """Organisations defined by (acronym, long form, evidence) pairs that the reference data lacks.

    One record per minted IRI (its first definition), ordered by evidence start.
    """
    found: dict[str, NewEntity] = {}
    for short, long, evidence in pairs:
        record = gazetteer.new_organisation(short, long, doc.text)
        if record is None:
            continue
        candidate = NewEntity(record.iri, record.label, short.strip(), record.type, evidence)
        previous = found.get(record.iri)
        if previous is None or evidence.start < previous.evidence.start:
            found[record.iri] = candidate
    return sorted(found.values(), key=lambda e: (e.evidence.start, e.evidence.end, e.entity))


def document_mentions(doc: Document, gazetteer: Gazetteer) -> tuple[list[Mention], list[NewEntity]]:
    """Mentions and new organisations of one document, using its own acronym definitions."""
    pairs = acronym_pairs(doc)
    local = gazetteer.with_acronyms(((short, long) for short, long, _ in pairs), doc.text)
    return find_mentions(doc, local), discover_organisations(doc, pairs, gazetteer)


# ------------------------------------------------------------------ acronym definitions


def acronym_pairs(doc: Document) -> list[tuple[str, str, Span]]:
    """(short, long, evidence) definitions of a document (:func:`usmxkg.extract.acronyms.extract_acronyms`).

    The evidence covers both forms: the list-of-acronyms row, or the whole
    in-text definition "Long Form (LF)" including its closing parenthesis.
    """
    out = []
    for pair in extract_acronyms(doc):
        start = min(pair.short_span.start, pair.long_span.start)
        end = max(pair.short_span.end, pair.long_span.end)
        if pair.origin == "text" and doc.text[end:end + 1] == ")":
            end += 1
        out.append((pair.short, pair.long, doc.span(start, end)))
    return out


# ------------------------------------------------------------------ every entity of a document


@dataclass(frozen=True, slots=True)
class NamedEntity:
    """One occurrence of an entity found in the text: what it is, and the words naming it.

    ``entity.reference`` is set when the name is a reference entity's (its
    key is then the reference slug); otherwise the key is the label, and
    the graph mints the IRI from kind and label. ``part_of`` is the
    recurring event an edition belongs to; ``person`` the parsed name of a
    person.
    """

    entity: Entity
    evidence: Span
    part_of: Entity | None = None
    person: PersonMention | None = None


@dataclass(frozen=True, slots=True)
class Subject:
    """A subject term of the metadata and what it names: an entity, or a concept of its own."""

    term: Span
    entity: Entity


@dataclass(slots=True)
class DocumentEntities:
    """Everything a document mentions, read once: reference mentions, found names, people and subjects."""

    mentions: list[Mention] = field(default_factory=list)
    """Reference (and document-acronym) entities matched by the gazetteer, outside the skipped regions."""
    names: list[NamedEntity] = field(default_factory=list)
    people: list[NamedEntity] = field(default_factory=list)
    subjects: list[Subject] = field(default_factory=list)


def reference_entity(gazetteer: Gazetteer, iri: str) -> Entity:
    """The :class:`Entity` of a gazetteer entity (its kind and key read from its IRI)."""
    record = gazetteer.entity(iri)
    kind, _, key = iri.removeprefix(str(ID)).partition("/")
    return Entity(kind, key, record.label, record.type, reference=not record.minted)


class _Regions:
    """Sorted ``[start, end)`` regions, asked whether an offset falls in one (binary search)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def covers(self, offset: int) -> bool:
        k = bisect_right(self._starts, offset) - 1
        return k >= 0 and offset < self._ends[k]

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect_right(self._starts, end - 1) - 1
        return k >= 0 and self._ends[k] > start


def skipped_regions(doc: Document) -> list[tuple[int, int]]:
    """Regions that are not running text: skipped zones, footnotes, the reference list, SF 298 boilerplate."""
    regions = [(z.span.start, z.span.end) for z in doc.zones if z.kind in SKIPPED_ZONES]
    regions += [(n.text.start, n.text.end) for n in doc.footnotes]
    regions += [(r.text.start, r.text.end) for r in doc.references]
    regions += [m.span() for m in _BURDEN.finditer(doc.text)]
    return regions


def document_entities(doc: Document, gazetteer: Gazetteer) -> DocumentEntities:
    """Reference mentions, proper names, people and subjects of one document, outside the skipped regions."""
    pairs = acronym_pairs(doc)
    local = gazetteer.with_acronyms(((short, long) for short, long, _ in pairs), doc.text)
    skipped = _Regions(skipped_regions(doc))
    matches = [m for m in local.find(doc.text) if not skipped.covers(m.start)]
    tokens = tokenize(doc.text)
    layout = Layout(doc.text, tokens)

    def persons(iris: frozenset[str]) -> bool:
        return bool(iris) and all(i.startswith(f"{ID}person/") for i in iris)

    others = _Regions((m.start, m.end) for m in matches if not persons(m.entities))

    def not_person(name: str, start: int, end: int) -> bool:
        known = local.lookup(name)
        return (bool(known) and not persons(known)) or others.overlaps(start, end)

    people = [p for p in find_people(doc, not_person, layout.caps_line) if not skipped.covers(p.evidence.start)]
    person_regions = _Regions((p.evidence.start, p.evidence.end) for p in people)
    titles = _Regions((s.start, s.end) for name in ("title", "subtitle") for s in doc.fields.get(name, []))
    names = [c for c in find_names(doc.text, tokens, layout, lambda n: bool(local.lookup(n)))
             if not skipped.covers(c.start)
             and not (c.typed.kind in ("program", "policy", "event") and titles.covers(c.start))]
    names, inner = _merge(doc, names, matches, person_regions, [(p.evidence.start, p.evidence.end) for p in people])
    kept = [m for i, m in enumerate(matches) if i not in inner and not (persons(m.entities) and person_regions.overlaps(
        m.start, m.end))]
    out = DocumentEntities()
    out.mentions = _resolve_matches(doc, kept, local)
    out.names = [_named(local, doc, c) for c in names]
    out.people = [_person(local, p) for p in people if is_person_name(p.name, local)]
    out.subjects = _subjects(doc, local, out.names)
    return out


def _merge(doc: Document, names: list[NameCandidate], matches: list[Match], people: _Regions,
           person_spans: list[tuple[int, int]]) -> tuple[list[NameCandidate], set[int]]:
    """Found names that add to the reference mentions, and the reference matches that a longer name covers."""
    starts = [m.start for m in matches]
    kept: list[NameCandidate] = []
    inner: set[int] = set()
    for c in names:
        if people.covers(c.head):
            continue
        start = c.start
        for s, e in person_spans:
            if c.start <= s < c.head and e <= c.head:
                start = max(start, e)
        if start != c.start:
            text = doc.text[start:c.end]
            offset = len(text) - len(text.lstrip(" \t\n,"))
            c = NameCandidate(start + offset, c.end, " ".join(text.split()), c.typed, c.head, c.edition_of)
        lo = bisect_right(starts, c.end - 1)
        overlapping = [i for i in range(max(0, lo - 8), lo) if matches[i].end > c.start]
        if any(matches[i].start <= c.head < matches[i].end for i in overlapping):
            continue
        if any(matches[i].start < c.start or matches[i].end > c.end for i in overlapping):
            continue  # crosses a reference name: the reference name stands
        inner.update(overlapping)
        kept.append(c)
    return kept, inner


def _resolve_matches(doc: Document, matches: list[Match], gazetteer: Gazetteer) -> list[Mention]:
    """Reference matches as mentions; a shared form takes the entity named unambiguously nearest to it."""
    named = [(m.start, m.end, next(iter(m.entities))) for m in matches if len(m.entities) == 1]
    out = []
    for m in matches:
        if len(m.entities) == 1:
            iri = next(iter(m.entities))
        else:
            gaps = sorted((max(m.start - end, start - m.end), start, e) for start, end, e in named if e in m.entities)
            if not gaps:
                continue
            iri = gaps[0][2]
        record = gazetteer.entity(iri)
        out.append(Mention(record.iri, record.label, record.type, doc.span(m.start, m.end)))
    return out


def _named(gazetteer: Gazetteer, doc: Document, c: NameCandidate) -> NamedEntity:
    known = gazetteer.lookup(c.label)
    if len(known) == 1:
        entity = reference_entity(gazetteer, next(iter(known)))
    else:
        entity = Entity(c.typed.kind, c.label, c.label, c.typed.type)
    part_of = None
    if c.edition_of:
        series = gazetteer.lookup(c.edition_of)
        part_of = reference_entity(gazetteer, next(iter(series))) if len(series) == 1 else Entity(
            c.typed.kind, c.edition_of, c.edition_of, c.typed.type)
    return NamedEntity(entity, doc.span(c.start, c.end), part_of)


def _person(gazetteer: Gazetteer, p: PersonMention) -> NamedEntity:
    known = [i for i in gazetteer.lookup(p.name) if i.startswith(f"{ID}person/")]
    if len(known) == 1:
        entity = reference_entity(gazetteer, known[0])
    else:
        entity = Entity("person", person_key(p.name), p.name, "Person")
    return NamedEntity(entity, p.evidence, person=p)


def _subjects(doc: Document, gazetteer: Gazetteer, names: list[NamedEntity]) -> list[Subject]:
    """Each subject term: the reference or found entity it names, else a concept keyed by the folded term."""
    found = {fold(n.entity.label): n.entity for n in names}
    out = []
    for term in doc.fields.get("subject", []):
        label = " ".join(term.text.split()).strip(" .;,")
        if not label:
            continue
        known = gazetteer.lookup(label)
        if len(known) == 1:
            entity = reference_entity(gazetteer, next(iter(known)))
        elif fold(label) in found:
            entity = found[fold(label)]
        else:
            entity = Entity("concept", slug(label), label, "Concept")
        out.append(Subject(term, entity))
    return out
