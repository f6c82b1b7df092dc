"""Person or organisation: the one decision taken before any name becomes a ``usmx:Person``.

Authors of cited works, reader fields (author, advisor, byline), speakers and
titled mentions all name *agents*, and the same slot may hold a person
("Ana B. Ruiz") or a corporate body ("USNORTHCOM", "Human Rights Watch",
"Secretaría de Marina", "US Army"). Library practice separates the two by the
form of the heading (personal name headings, RDA 9.2; corporate body headings,
RDA 11.2; CMOS 14.69 for corporate authors in citations); the evidence used
here, in order:

1. the reference data: a name (or acronym) the curated records give to an
   institution, a place or a program is not a person's, and one they give to a
   person is;
2. acronyms: a word of two or more capitals ("USNORTHCOM", "SEMAR", "DoD")
   names an organisation, unless the whole name is set in capitals (a title
   page's "JOHN A. SMITH", judged word by word) or the word is a run of
   initials ("J.L.");
3. organisation words in English and Spanish (:mod:`usmxkg.orgwords`);
4. otherwise the name is a person's when nameparser finds a given and a
   family name in it.
"""

from __future__ import annotations

import re
from typing import Literal

from nameparser import HumanName  # type: ignore[import-untyped]

from usmxkg.extract.facts import Entity
from usmxkg.extract.gazetteer import Gazetteer
from usmxkg.extract.names import display_name, person_key
from usmxkg.orgwords import has_organisation_word, is_acronym, organisation_words
from usmxkg.vocab import ID

__all__ = ["AgentKind", "agent_entity", "agent_kind", "institution_name", "is_person_name", "publishers"]

AgentKind = Literal["person", "organisation", "unknown"]

_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}[A-Z]?,?")
_PERSON = f"{ID}person/"


def _reference_kind(name: str, gazetteer: Gazetteer | None) -> AgentKind:
    if gazetteer is None:
        return "unknown"
    known = gazetteer.lookup(name, reference_only=True)
    if not known:
        return "unknown"
    return "person" if all(i.startswith(_PERSON) for i in known) else "organisation"


def _has_acronym(name: str) -> bool:
    words = name.split()
    letters = [c for c in name if c.isalpha()]
    all_caps = bool(letters) and all(c.isupper() for c in letters)
    if all_caps and len(words) > 1:
        return False  # a name set in capitals: its words are judged as words
    return any(is_acronym(w) and not _INITIALS.fullmatch(w) for w in words)


def agent_kind(name: str, gazetteer: Gazetteer | None = None) -> AgentKind:
    """Whether ``name`` names a person, an organisation, or neither as far as the evidence goes.

    >>> [agent_kind(n) for n in ("USNORTHCOM", "Human Rights Watch", "Secretaría de Marina", "US Army")]
    ['organisation', 'organisation', 'organisation', 'organisation']
    >>> [agent_kind(n) for n in ("Ana B. Ruiz", "J.L. Quenby", "DESMOND F. QUENBY JR.", "Feld, Tomas C.")]
    ['person', 'person', 'person', 'person']
    >>> agent_kind("Monterey")
    'unknown'
    """
    name = " ".join(name.split())
    if not name:
        return "unknown"
    known = _reference_kind(name, gazetteer)
    if known != "unknown":
        return known
    if _has_acronym(name) or has_organisation_word(name):
        return "organisation"
    parsed = HumanName(name)
    return "person" if parsed.first and parsed.last else "unknown"


def is_person_name(name: str, gazetteer: Gazetteer | None = None) -> bool:
    """Whether a name may be minted as a ``usmx:Person``: nothing says it is an organisation's."""
    return agent_kind(name, gazetteer) != "organisation"


_INITIALS = re.compile(r"(?:[A-Z]\.)+,?")
"""A word of dotted initials ("U.S.", "D.C."), which keeps its capitals when a name set in capitals is title-cased."""


_ACRONYM_AFTER = re.compile(r"\s*\((?=[^)]*[A-Z][^)]*[A-Z])[A-Za-z&./-]{2,12}\)$")
"""An acronym in parentheses closing a name ("National Security Affairs (NSA)"): the short form, not the name."""


def institution_name(written: str) -> str:
    """An organisation's name as written, without a leading "Place:" or a closing "(ACRONYM)",
    title-cased if set in capitals.

    >>> institution_name("Monterey, California: Naval Postgraduate School")
    'Naval Postgraduate School'
    >>> institution_name("NAVAL POSTGRADUATE SCHOOL")
    'Naval Postgraduate School'
    >>> institution_name("U.S. ARMY")
    'U.S. Army'
    >>> institution_name("National Security Affairs (NSA)")
    'National Security Affairs'
    """
    name = _ACRONYM_AFTER.sub("", " ".join(written.split()).rsplit(": ", 1)[-1]) or written
    if not name.isupper() or len(name.split()) < 2:
        return name
    small = {"of", "and", "the", "for", "de", "la"}
    return " ".join(w if _INITIALS.fullmatch(w) else w.lower() if w.lower() in small and i else w.capitalize()
                    for i, w in enumerate(name.split()))


def agent_entity(written: str, gazetteer: Gazetteer | None = None) -> Entity:
    """The agent a personal-name slot (author, advisor, cited author, speaker) names.

    A person keyed by :func:`~usmxkg.extract.names.person_key`, unless
    :func:`agent_kind` says the name is an organisation's: then an
    institution keyed by its name.

    >>> agent_entity("Martinez, Oscar R.")
    Entity(kind='person', key='oscar r martinez', label='Oscar R. Martinez', type='Person', reference=False)
    >>> agent_entity("USNORTHCOM").kind
    'institution'
    """
    if agent_kind(written, gazetteer) == "organisation":
        label = institution_name(written)
        return Entity("institution", label, label, "Institution")
    name = display_name(written)
    return Entity("person", person_key(name), name, "Person")


def publishers(imprint: str) -> list[str]:
    """The bodies an imprint names, without the place some citations put before them with a comma.

    CMOS 14.129 writes "Place: Publisher"; citations also write "Baltimore,
    Johns Hopkins University Press" (the place before a comma) and name two
    co-publishers joined by "and" when the second opens with an organisation
    word ("Global Exchange and Centro de …").

    >>> publishers("Baltimore, Johns Hopkins University Press")
    ['Johns Hopkins University Press']
    >>> publishers("Washington, D.C., United States Institute of Peace")
    ['United States Institute of Peace']
    >>> publishers("Global Exchange and Centro de Estudios Fronterizos")
    ['Global Exchange', 'Centro de Estudios Fronterizos']
    >>> publishers("Strategic Studies Institute, Army War College")
    ['Strategic Studies Institute, Army War College']
    """
    name = " ".join(imprint.split())
    parts = name.split(", ")
    while len(parts) > 1 and not has_organisation_word(parts[0]) and len(parts[0].split()) <= 3 and (
        has_organisation_word(", ".join(parts[1:]))
    ):
        parts = parts[1:]
    name = ", ".join(parts)
    first, joined, second = name.partition(" and ")
    if joined and len(first.split()) >= 2 and first[:1].isupper() and organisation_words(second.split()[0]):
        return [first, second]
    return [name]
