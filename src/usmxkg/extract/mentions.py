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

Typical use, per document::

    gazetteer = Gazetteer.from_files(paths.entities)          # once
    mentions, organisations = document_mentions(doc, gazetteer)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from usmxkg.document import Document, Span
from usmxkg.extract.acronyms import extract_acronyms
from usmxkg.extract.gazetteer import Gazetteer

__all__ = [
    "Mention",
    "NewEntity",
    "acronym_pairs",
    "discover_organisations",
    "document_mentions",
    "find_mentions",
]


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
    named = [(m.start, m.end, next(iter(m.entities))) for m in matches if len(m.entities) == 1]
    out: list[Mention] = []
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
