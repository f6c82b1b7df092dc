"""Laws, acts, initiatives, strategies, doctrines, programs and accounts, and who funds, runs or authorises them.

Conventions followed:

* U.S. public laws are cited "P.L. 110-252", "Public Law 111-8", "Pub. L.
  No. 111-117" (Congress number, then the law's number in that Congress;
  1 U.S.C. § 106a); PDF-to-text copies break the number after its hyphen
  ("P.L. 111- 8"). A law is keyed by its number, so every document citing it,
  by number or by the act's name next to the number, names one law.
* Acts are capitalised names ending in "Act" ("FY2008 Supplemental
  Appropriations Act", "Foreign Assistance Act of 1961"); other initiatives
  are capitalised names with a head noun: Initiative, Program, Plan,
  Partnership, Framework (programs), Strategy, Doctrine, Policy. Names the
  reference data knows keep their authority record.
* An appropriation account (INCLE, ESF, FMF, IMET's account …) is a
  ``FundingAccount``, not a program: programs are ``fundedThrough`` it.
* Roles are read from the verb that links a program to an institution, law
  or account in one sentence: "P is funded by I" / "I funds P"
  (``funded``), "managed/administered/run/overseen by" (``administered``),
  "implemented/executed/carried out by" (``implemented``), "funded
  through/from/under the A account" (``through``), "authorized by/under L"
  (``authority``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from usmxkg.document import Document, Span
from usmxkg.extract.facts import Entity, Initiative, Role
from usmxkg.extract.named import Lexicon, Named

__all__ = ["CUE", "LawMention", "extract_initiatives", "public_law_number"]

PUBLIC_LAW = re.compile(
    r"\b(?:P\.\s?L\.|Pub\.\s?L\.|Public\s+Law)\s*(?:No\.\s*)?(?P<congress>\d{2,3})\s*[-–]\s*(?P<number>\d{1,3})(?!\d)"
)
_CAP = r"(?:[A-Z][\w’'&.-]*|FY\s?\d{2,4}|\d{4})"
_CONNECT = r"(?:of|for|and|on|the|to|in)"
ACT = re.compile(rf"\b(?P<name>{_CAP}(?:\s+(?:{_CONNECT}\s+)?{_CAP}){{0,8}}\s+Act)(?P<year>\s+of\s+\d{{4}})?\b")
NAMED_INITIATIVE = re.compile(
    rf"\b(?P<name>{_CAP}(?:\s+(?:{_CONNECT}\s+)?{_CAP}){{0,6}}\s+"
    r"(?P<head>Initiative|Program|Programme|Plan|Partnership|Framework|Strategy|Doctrine|Policy)"
    rf"(?:\s+(?:of|for|on)\s+(?:the\s+)?{_CAP}(?:\s+(?:and\s+)?{_CAP}){{0,4}})?)\b"
)
"""A capitalised name with a head noun, and the complement that completes it ("Sectorial Plan of National
Defense", "Strategy for Homeland Defense"), so the name is the one the mention pass finds."""
_HEAD_TYPES = {
    "initiative": "SecurityAssistanceProgram", "program": "Program", "programme": "Program", "plan": "Program",
    "partnership": "Program", "framework": "Policy", "strategy": "Strategy", "doctrine": "Doctrine",
    "policy": "Policy",
}
_LEADING = frozenset("the a an this that these in on by from since during after under with as and of for "
                     "to its their his her our related other such each every both all between among".split())
"""Words cut from the front of a candidate name: function words, and the determiners and adjectives that
open a generic phrase ("Related Programs", "Between Partnership and Conflict"), never a name."""
CUE = re.compile(
    r"\bP\.\s?L\.|\bPublic\s+Law\b|\bAct\b|\b(?:Initiative|Program|Plan|Strategy|Doctrine|Fund)\b"
    r"|\b(?:funded|financed|managed|administered|implemented|executed|authorized|overseen)\b"
)
"""Sentences that may name a law or program or state a role."""

_PASSIVE = re.compile(
    r"^[^.;]{0,50}?\b(?:is|are|was|were|been|be)\s+(?:\w+ly\s+)?(?P<verb>funded|financed|managed|administered|run|"
    r"overseen|implemented|executed|carried\s+out|delivered|authorized|authorised)\s+(?P<prep>by|through|from|under)"
    r"\s+(?:the\s+(?:authority\s+of\s+(?:the\s+)?)?)?$"
)
_PARTICIPLE = re.compile(
    r"^\s*,?\s*(?P<verb>funded|financed|managed|administered|implemented|executed|authorized)\s+"
    r"(?P<prep>by|through|from|under)\s+(?:the\s+)?$"
)
_ACTIVE = re.compile(
    r"^\s*(?:\w+\s+){0,2}?(?P<verb>funds|funded|finances|financed|manages|managed|administers|administered|runs|"
    r"oversees|oversaw|implements|implemented|executes|executed|authorizes|authorized)\s+(?:the\s+)?$"
)
_VERB_ROLE = {
    "fund": "funded", "fina": "funded", "mana": "administered", "admi": "administered", "run": "administered",
    "runs": "administered", "over": "administered", "impl": "implemented", "exec": "implemented",
    "carr": "implemented", "deli": "implemented", "auth": "authority",
}


@dataclass(frozen=True, slots=True)
class LawMention:
    """A law named in the text: its span and entity (keyed by its public-law number when known)."""

    span: Span
    entity: Entity
    number: str | None


def public_law_number(text: str) -> str | None:
    """The public-law number cited in ``text``, normalised ("P.L. 111- 8" → "111-8").

    >>> public_law_number("FY2009 (P.L. 111- 8)")
    '111-8'
    >>> public_law_number("Public Law No. 110-252") is None
    False
    """
    m = PUBLIC_LAW.search(text)
    return f"{int(m.group('congress'))}-{int(m.group('number'))}" if m else None


def law_entity(number: str, name: str | None = None) -> Entity:
    """A law keyed by its public-law number, labelled with its act's name when the text gives it."""
    return Entity("policy", f"Public Law {number}", name or f"Public Law {number}", "Law")


def _trim(name: str) -> tuple[str, int]:
    """The name without leading function words, and how many characters were cut."""
    words = name.split(" ")
    cut = 0
    while words and words[0].lower() in _LEADING:
        cut += len(words[0]) + 1
        words.pop(0)
    return " ".join(words), cut


def find_laws(doc: Document, sentences: list[Span], lexicon: Lexicon) -> list[LawMention]:
    """Public laws and acts named in the sentences; an act cited with its number takes the number's key."""
    raw: list[tuple[Span, str | None, str | None]] = []  # span, act name, number
    for sentence in sentences:
        numbers = [(sentence.start + m.start(), sentence.start + m.end(),
                    f"{int(m.group('congress'))}-{int(m.group('number'))}") for m in PUBLIC_LAW.finditer(sentence.text)]
        used: set[int] = set()
        for m in ACT.finditer(sentence.text):
            name, cut = _trim(" ".join(m.group(0).split(" ")))
            name = " ".join(name.split())
            if len(name.split()) < 2:
                continue
            start = sentence.start + m.start() + cut
            end = sentence.start + m.end()
            cited: str | None = None
            for k, (a, _b, n) in enumerate(numbers):
                if 0 <= a - end <= 6 and re.fullmatch(r"[\s,(]*", doc.text[end:a]):
                    cited, used = n, used | {k}
            raw.append((doc.span(start, end), name, cited))
        for k, (a, b, n) in enumerate(numbers):
            if k not in used:
                raw.append((doc.span(a, b), None, n))
    named_number = {name: cited for _, name, cited in raw if name and cited}
    out: list[LawMention] = []
    for span, act, found in raw:
        number = found or (named_number.get(act) if act else None)
        reference = lexicon.lookup(act, frozenset({"policy"})) if act else None
        if reference is not None and number is None:
            entity = reference
        elif number is not None:
            entity = law_entity(number, act)
        else:
            entity = Entity("policy", str(act), str(act), "Law")
        out.append(LawMention(span, entity, number))
    return sorted(out, key=lambda m: (m.span.start, m.span.end))


def extract_initiatives(doc: Document, sentences: list[Span], lexicon: Lexicon,
                        laws: list[LawMention]) -> list[Initiative]:
    """Laws, programs, policies and accounts of the sentences, with the roles and authorities they state."""
    out: list[Initiative] = []
    seen: set[tuple[str, str]] = set()
    for law in laws:
        key = (law.entity.key, law.span.text)
        if key not in seen:
            seen.add(key)
            sentence = _sentence_of(sentences, law.span)
            out.append(Initiative(law.entity, law.entity.type, sentence or law.span, law.number))
    for sentence in sentences:
        named = [n for n in lexicon.within(sentence.start, sentence.end)
                 if n.entity.kind in ("program", "policy", "institution")]
        named += _new_names(doc, sentence, lexicon, named)
        sentence_laws = [Named(law.entity, law.span) for law in laws
                         if sentence.start <= law.span.start and law.span.end <= sentence.end]
        for n in named:
            if n.entity.kind == "institution":
                continue
            initiative = _initiative(doc, sentence, n, named, sentence_laws)
            if initiative is None:
                continue
            key = (initiative.entity.key, f"{sentence.start}")
            if key not in seen:
                seen.add(key)
                out.append(initiative)
    return out


def _sentence_of(sentences: list[Span], span: Span) -> Span | None:
    for s in sentences:
        if s.start <= span.start and span.end <= s.end:
            return s
    return None


def _new_names(doc: Document, sentence: Span, lexicon: Lexicon, known: list[Named]) -> list[Named]:
    """Capitalised initiative names the reference data lacks ("Bicentennial Framework")."""
    out: list[Named] = []
    for m in NAMED_INITIATIVE.finditer(sentence.text):
        name, cut = _trim(m.group("name"))
        name = " ".join(name.split())
        start = sentence.start + m.start() + cut
        end = sentence.start + m.end()
        if len(name.split()) < 2 or any(k.span.start < end and start < k.span.end for k in known):
            continue
        type_ = _HEAD_TYPES[m.group("head").lower()]
        kind = "policy" if type_ in ("Policy", "Strategy", "Doctrine") else "program"
        reference = lexicon.lookup(name, frozenset({"program", "policy"}))
        entity = reference or Entity(kind, name, name, type_)
        out.append(Named(entity, doc.span(start, end)))
    return out


def _initiative(doc: Document, sentence: Span, n: Named, named: list[Named],
                laws: list[Named]) -> Initiative | None:
    """A program or policy with what the sentence says of it; None for a bare mention of a known one."""
    roles: list[Role] = []
    authority: Entity | None = None
    accounts: list[Entity] = []
    program = n.entity.kind == "program" and n.entity.type != "FundingAccount"
    for other in [*named, *laws]:
        if other is n or other.entity.key == n.entity.key:
            continue
        relation = _relation(doc, n, other)
        if relation is None:
            continue
        if relation == "authority" and other.entity.kind == "policy" and program:
            authority = other.entity
        elif relation == "through" and other.entity.type == "FundingAccount" and program:
            accounts.append(other.entity)
        elif relation in ("funded", "administered", "implemented") and other.entity.kind == "institution":
            roles.append(Role(relation, other.entity, sentence))
        elif relation == "funded" and other.entity.type == "FundingAccount" and program:
            accounts.append(other.entity)
    if not (roles or authority or accounts or not n.entity.reference):
        return None
    return Initiative(n.entity, n.entity.type, sentence, None, tuple(roles), authority, tuple(accounts))


def _relation(doc: Document, subject: Named, other: Named) -> str | None:
    """How ``other`` stands to the program ``subject``, by the verb between them."""
    if other.span.start >= subject.span.end:
        gap = doc.text[subject.span.end:other.span.start]
        m = _PASSIVE.search(gap) or _PARTICIPLE.search(gap)
        if m is None:
            return None
        role = _VERB_ROLE.get(m.group("verb")[:4], _VERB_ROLE.get(m.group("verb")))
        if role == "funded" and m.group("prep") in ("through", "from", "under"):
            return "through" if other.entity.type == "FundingAccount" else "authority"
        if role == "authority" or m.group("prep") == "under":
            return "authority"
        return role
    gap = doc.text[other.span.end:subject.span.start]
    m = _ACTIVE.search(gap)
    if m is None:
        return None
    return _VERB_ROLE.get(m.group("verb")[:4], _VERB_ROLE.get(m.group("verb")))
