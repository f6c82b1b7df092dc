"""Who a claim or quotation is attributed to, and which entities a sentence names.

News copy and theses name a speaker in full once and then by family name
("Miriam T. Okafor" … "Okafor"), by pronoun ("she said"), or first by
office before the name ("the deputy assistant secretary … said", then
"Miriam T. Okafor said"). :class:`Speakers` resolves every written form to
one person: a family name to the fullest name in the document that ends with
it (names come from the running text, the notes' and references' author
names, titled names and the reference lexicon); a pronoun to the last named
speaker before it; an office to the named speaker after it when the office
comes first (the news lede convention), else to the last named speaker.

:class:`MentionIndex` gives the entities named inside a span, from
:func:`usmxkg.extract.mentions.document_mentions`; its records carry IRIs,
which :func:`mention_entity` turns into :class:`~usmxkg.extract.facts.Entity`
(kind and key are the IRI's last two segments, so the graph mints the same IRI).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from usmxkg.document import Document, Span
from usmxkg.extract.agents import agent_entity
from usmxkg.extract.claim_cues import REPORTING_VERBS
from usmxkg.extract.facts import ENTITY_KINDS, Entity
from usmxkg.extract.gazetteer import Gazetteer
from usmxkg.extract.mentions import document_mentions
from usmxkg.extract.names import display_name, family_name
from usmxkg.extract.people import titled_people
from usmxkg.orgwords import has_organisation_word
from usmxkg.vocab import ID, fold

_WORD = r"(?:[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-ZÀ-Ý][a-zà-ÿ'’]+)?|[A-Z]\.)"
_PARTICLE = r"(?:de|del|de la|van|von|da|y|bin|al)"
NAME = rf"{_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_WORD}){{0,3}}"
"""A personal name as written: one to four capitalised words or initials, with name particles."""

OFFICE_NOUNS = (
    r"secretary|official|minister|spokesman|spokeswoman|spokesperson|commander|general|admiral|ambassador"
    r"|director|chief|president|officer|adviser|advisor|undersecretary|chairman|chairwoman|chair|deputy|commandant"
    r"|administrator|envoy|governor|mayor|senator|attach[eé]"
)
OFFICE = rf"(?:the|a|an) (?:[a-z.-]+ ){{0,4}}?(?:{OFFICE_NOUNS})(?: (?:of|for|to|at|on) [a-z][a-z.'’ -]*?)?"
"""An office as news ledes name a speaker before naming them ("the deputy assistant secretary of defense …")."""

_TITLE = re.compile(
    r"^(?:(?:Vice |Former |Deputy |Assistant |Under )*(?:President|Secretary|Minister|Ambassador|Senator|Governor"
    r"|General|Gen\.|Lt\.|Lieutenant|Maj\.|Major|Brig\.|Colonel|Col\.|Captain|Capt\.|Admiral|Adm\.|Commander"
    r"|Cmdr\.|Professor|Prof\.|Dr\.|Mr\.|Ms\.|Mrs\.)\s+)+"
)
"""Titles and ranks before a name ("Captain L. Ibarra"): the role, not part of the name."""

_SEE = re.compile(r"^(?:See also|See|Cf\.|Quoted in|As quoted in|For example,?)\s+")
"""Signals that open a note before the cited author's name."""

PRONOUNS = frozenset({"he", "she", "He", "She"})

_SAID_AFTER = re.compile(rf"\b(?P<name>{NAME})\s+(?:also\s+)?(?:{REPORTING_VERBS})\b")
_SAID_BEFORE = re.compile(rf"\b(?:said|says|added|explained|noted)\s+(?P<name>{NAME})\b")
_ACCORDING = re.compile(rf"\b(?:[Aa]ccording to|As)\s+(?P<name>{NAME})\b")
NOT_NAME_WORDS = frozenset("""
The This That These Those It In On At Of And Or But For From By With As If When While After Before Since During
Although Because However Therefore Thus Hence Finally First Second Third Then Yet So Also Furthermore Moreover
Studies Critics Analysts Experts Officials Scholars Observers Many Some Most Others Both Each Several Chapter Figure
Table Section Part Appendix Mexico Mexican Mexicans United States American Americans U.S. US America Washington
Air Marine Initiative Plan
""".split())
"""Capitalised words that are not part of a personal name in attribution position (besides the
organisation words of :mod:`usmxkg.orgwords`)."""


def mention_entity(iri: str, label: str, type_: str, minted: bool) -> Entity:
    """An :class:`Entity` for a mention's IRI (``…/id/{kind}/{key}``)."""
    kind, _, key = iri.removeprefix(str(ID)).partition("/")
    if kind not in ENTITY_KINDS:
        kind = "concept"
    return Entity(kind, key, label, type_, reference=not minted)


@dataclass(slots=True)
class MentionIndex:
    """The document's mentions as entities, by offset, to ask which are named inside a span."""

    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)

    @classmethod
    def of(cls, doc: Document, gazetteer: Gazetteer | None) -> MentionIndex:
        if gazetteer is None:
            return cls()
        mentions, _ = document_mentions(doc, gazetteer)
        index = cls()
        for mention in sorted(mentions, key=lambda m: (m.evidence.start, m.evidence.end)):
            minted = mention.entity not in gazetteer.entities  # defined by the document's own acronyms
            index.starts.append(mention.evidence.start)
            index.ends.append(mention.evidence.end)
            index.entities.append(mention_entity(mention.entity, mention.label, mention.type, minted))
        return index

    def within(self, spans: tuple[Span, ...] | list[Span]) -> list[tuple[int, int, Entity]]:
        """(start, end, entity) of each mention inside one of ``spans``, in text order."""
        out = []
        for span in spans:
            i = bisect.bisect_left(self.starts, span.start)
            while i < len(self.starts) and self.starts[i] < span.end:
                if self.ends[i] <= span.end:
                    out.append((self.starts[i], self.ends[i], self.entities[i]))
                i += 1
        return out

    def at(self, start: int, end: int) -> Entity | None:
        """The entity whose mention covers ``[start, end)`` exactly or contains it, if any."""
        i = bisect.bisect_right(self.starts, start) - 1
        while i >= 0 and self.starts[i] > start - 200:
            if self.starts[i] <= start and end <= self.ends[i]:
                return self.entities[i]
            i -= 1
        return None


def about(index: MentionIndex, spans: tuple[Span, ...], leave_out: Entity | None = None) -> tuple[Entity, ...]:
    """The distinct entities named inside ``spans``, in order of first mention (the claimant left out)."""
    seen: dict[tuple[str, str], Entity] = {}
    for _, _, entity in index.within(spans):
        if leave_out is not None and (entity.kind, entity.key) == (leave_out.kind, leave_out.key):
            continue
        seen.setdefault((entity.kind, entity.key), entity)
    return tuple(seen.values())


def looks_like_name(written: str) -> bool:
    """True for a personal name in attribution position ("Tomas Feld", "Feld"), not "The United States"."""
    words = written.split()
    return bool(words) and all(w.strip(",") not in NOT_NAME_WORDS for w in words) and not has_organisation_word(written)


class Speakers:
    """Resolves the ways a document writes a speaker to one :class:`Entity` (see the module docstring)."""

    def __init__(self, doc: Document, gazetteer: Gazetteer | None, mentions: MentionIndex) -> None:
        self.doc, self.gazetteer, self.mentions = doc, gazetteer, mentions
        self.full: dict[str, str] = {}  # family name (folded) -> fullest name written
        for name in self._known_names():
            family = fold(family_name(name))
            if family and len(name) > len(self.full.get(family, "")):
                self.full[family] = name
        self.named: list[tuple[int, Entity]] = self._named_speakers()

    def _known_names(self) -> list[str]:
        doc = self.doc
        names = [q.speaker for q in doc.quotes if q.speaker]
        names += [p.name for p in titled_people(doc)]
        names += [e.label for _, _, e in self.mentions.within([doc.span(0, len(doc.text))]) if e.kind == "person"]
        for note in doc.footnotes:
            lead = _SEE.sub("", note.text.text).split(",")[0].split(" and ")[0].strip()
            if re.fullmatch(NAME, lead) and looks_like_name(lead) and len(lead.split()) >= 2:
                names.append(lead)
        for ref in doc.references:
            head = ref.author or ref.text.text
            match = re.match(rf"(?P<family>{_WORD}(?:[ -]{_WORD})?), (?P<given>{_WORD}(?: {_WORD}){{0,2}})", head)
            if match and looks_like_name(match.group("family")):
                names.append(display_name(f"{match.group('family')}, {match.group('given')}"))
        for match in _SAID_AFTER.finditer(doc.text):
            if len(match.group("name").split()) >= 2 and looks_like_name(match.group("name")):
                names.append(match.group("name"))
        return [_TITLE.sub("", " ".join(n.split())) for n in names]

    def _named_speakers(self) -> list[tuple[int, Entity]]:
        """Offsets at which a named person is reported as speaking, in text order (for pronouns and offices)."""
        found: dict[int, Entity] = {}
        for pattern in (_SAID_AFTER, _SAID_BEFORE, _ACCORDING):
            for match in pattern.finditer(self.doc.text):
                person = self.person(match.group("name"))
                if person is not None:
                    found.setdefault(match.start("name"), person)
        return sorted(found.items(), key=lambda item: item[0])

    def person(self, written: str) -> Entity | None:
        """The person a written name denotes, or None when it is not a personal name."""
        name = _TITLE.sub("", re.sub(r"['’]s$", "", " ".join(written.split())))
        first, joined, second = name.partition(" y ")
        if joined and len(first.split()) >= 2 and len(second.split()) >= 2:
            name = first  # "Ana Ruiz y Pablo Soto": two authors joined the Spanish way
        if not name or not looks_like_name(name):
            return None
        if len(name.split()) == 1:
            name = self.full.get(fold(name), "")
            if not name:
                return None
        if self.gazetteer is not None:
            known = sorted(e for e in self.gazetteer.lookup(name) if e.startswith(f"{ID}person/"))
            if len(known) == 1:
                record = self.gazetteer.entity(known[0])
                return mention_entity(record.iri, record.label, record.type, record.minted)
        agent = agent_entity(name, self.gazetteer)
        return agent if agent.kind == "person" else None

    def resolve(self, written: str, at: int) -> Entity | None:
        """The person or organisation ``written`` denotes at offset ``at`` (a name, office, pronoun or mention)."""
        written = " ".join(written.split())
        if written in PRONOUNS:
            return self._before(at)
        if re.fullmatch(OFFICE, written):
            before = self._before(at)
            if before is not None:
                return before
            return next((e for start, e in self.named if start > at), None)
        mention = self.mentions.at(at, at + len(written))
        if mention is not None and mention.kind in {"person", "institution"}:
            return mention
        if mention is not None:
            return None
        return self.person(written)

    def _before(self, at: int) -> Entity | None:
        i = bisect.bisect_left([start for start, _ in self.named], at)
        return self.named[i - 1][1] if i else None
