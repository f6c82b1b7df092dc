"""Document → mentions of known entities, and organisations the document itself defines.

A mention is a whole-word match of a reference name or acronym (see
:mod:`usmxkg.extract.gazetteer`), resolved to one entity and carrying the
exact span it was read from. A surface form shared by two entities (an
acronym used by two institutions) is resolved by context: it counts only when
exactly one of its entities is also named unambiguously in the same
document; otherwise it is left out rather than guessed.

Organisations the reference data does not know are discovered from the
document's own acronym definitions: its list of acronyms and in-text
definitions "Long Form (LF)" found with the Schwartz–Hearst algorithm
(A. Schwartz and M. Hearst, "A simple algorithm for identifying abbreviation
definitions in biomedical text", PSB 2003). A pair whose long form is a
proper name with an organisational head noun becomes a :class:`NewEntity`
with an IRI minted from the long form.

Typical use, per document::

    gazetteer = Gazetteer.from_files(paths.entities)          # once
    mentions, organisations = document_mentions(doc, gazetteer)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from usmxkg.document import Document, Span
from usmxkg.extract.gazetteer import Gazetteer, clean_long_form

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
    named = [(m.start, next(iter(m.entities))) for m in matches if len(m.entities) == 1]
    out: list[Mention] = []
    for m in matches:
        if len(m.entities) == 1:
            iri = next(iter(m.entities))
        else:
            near = sorted((abs(start - m.start), start, e) for start, e in named if e in m.entities)
            if not near:
                continue
            iri = near[0][2]
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

_PAREN = re.compile(r"\(\s*([A-Za-z][A-Za-z0-9.&/-]{0,14}?)\s*\)")
_CLAUSE_BREAK = re.compile(r"[;:!?()\[\]]|\n\s*\n|(?<=[a-z]{2})\.\s")
_WORD = re.compile(r"\S+")


def acronym_pairs(doc: Document) -> list[tuple[str, str, Span]]:
    """(short, long, evidence) definitions of a document: its list of acronyms, then "Long Form (LF)" in the text.

    Repeats of the same (short, folded long) keep their first evidence.
    """
    pairs: list[tuple[str, str, Span]] = []
    for row in doc.acronyms:
        start, end = min(row.short.start, row.long.start), max(row.short.end, row.long.end)
        pairs.append((row.short.text, row.long.text, doc.span(start, end)))
    pairs.extend(_defined_in_text(doc))
    seen: set[tuple[str, str]] = set()
    out = []
    for short, long, span in pairs:
        key = (short, " ".join(clean_long_form(long).lower().split()))
        if key not in seen:
            seen.add(key)
            out.append((short, long, span))
    return out


def _defined_in_text(doc: Document) -> list[tuple[str, str, Span]]:
    text = doc.text
    out = []
    for m in _PAREN.finditer(text):
        short = m.group(1).rstrip(".-/")
        letters = [c for c in short if c.isalpha()]
        if len(letters) < 2 or sum(c.isupper() for c in letters) < 2 or not short[0].isalnum():
            continue
        # the words before "(" in the same clause, at most min(|S| + 5, 2|S|) of them
        window_start = max(0, m.start() - 300)
        head = text[window_start:m.start()]
        breaks = list(_CLAUSE_BREAK.finditer(head))
        if breaks:
            window_start += breaks[-1].end()
            head = text[window_start:m.start()]
        words = list(_WORD.finditer(head))
        n = len(letters)
        words = words[-min(n + 5, 2 * n):]
        if not words:
            continue
        base = window_start + words[0].start()
        candidate = text[base:window_start + words[-1].end()]
        offset = _best_long_form(short, candidate)
        if offset is None:
            continue
        start = base + offset
        long = text[start:window_start + words[-1].end()].rstrip(" ,")
        if len(long) <= len(short) or short.lower() in long.lower().split():
            continue
        out.append((short, long, doc.span(start, m.end())))
    return out


def _plain(ch: str) -> str:
    return unicodedata.normalize("NFKD", ch)[:1].lower()


def _best_long_form(short: str, long: str) -> int | None:
    """Schwartz–Hearst: the offset in ``long`` where the shortest matching long form starts.

    Characters of the short form are matched right to left in the long form;
    the first one must start a word.

    >>> _best_long_form("BWSC", "the Binational Water Security Commission")
    4
    >>> _best_long_form("SEDENA", "Secretaría de la Defensa Nacional")
    0
    >>> _best_long_form("XYZ", "the water commission") is None
    True
    """
    s, li = len(short) - 1, len(long) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while li >= 0 and (_plain(long[li]) != c or (s == 0 and li > 0 and long[li - 1].isalnum())):
            li -= 1
        if li < 0:
            return None
        li -= 1
        s -= 1
    return long.rfind(" ", 0, li + 1) + 1
