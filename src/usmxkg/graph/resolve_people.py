"""Which provisional people are one person: name rules that survive initials, typos, second surnames, order.

Documents write one person many ways: "Roderic A. Camp" and "Roderic Ai
Camp", "John Sterngass" and a note's "John Sternagass", a Spanish second
surname dropped ("Raúl Benítez" / "Raúl Benítez Manaut"), a bibliography's
inverted "Freeman Laurie". A name is compared as its folded tokens (titles
and suffixes removed with nameparser); two names match by one of these rules,
each named in ``resolution.tsv``:

* ``person-initials`` — same family name, given names equal where both are
  written and an initial agrees with any name it begins. A name whose only
  given name is one initial ("J. Burkett") matches only a person named in the
  same document, since across documents a family name and one initial are too
  little to tell people apart;
* ``person-second-surname`` — one name is the other plus one trailing
  surname (Spanish naming: paternal and maternal surnames), given names equal;
* ``person-fuzzy`` — a typo: for names of one document (a note and its
  bibliography entry), one token within a small edit distance
  (:data:`FUZZY_FAMILY`, rapidfuzz's normalised Indel ratio) and the others
  equal; across documents, the same family name and given names within
  :data:`FUZZY_GIVEN` that differ inside the name, not by an ending
  ("Tomas"/"Thomas" yes; "Daniel"/"Daniela", "Mario"/"Maria" never);
* ``person-inverted`` — the same two tokens in the other order, in one document.

A name that matches several fuller names is left alone: a guess would merge
two people. Comparisons are blocked by the first letter of the given name and
of the family name (and by token set for inversions), so the cost stays near
linear in the number of people.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from nameparser import HumanName
from rapidfuzz.fuzz import ratio

from usmxkg.vocab import fold

FUZZY_FAMILY = 85.0
"""Normalised similarity (0–100) above which two family names differ only by a typo ("Sheina"/"Scheina": 92)."""

FUZZY_GIVEN = 90.0
"""The same for given names ("Tomas"/"Thomas": 91; "Daniel"/"Danielle": 86, not similar enough)."""

MIN_FUZZY_CHARS = 5
"""Names shorter than this are not compared fuzzily: one letter changes a short name into another name."""


@dataclass(frozen=True, slots=True)
class Person:
    """A provisional or reference person: IRI, its labels, the graphs that name it, and whether it is curated."""

    iri: str
    labels: tuple[str, ...]
    graphs: frozenset[str]
    reference: bool = False


@dataclass(frozen=True, slots=True)
class PersonMatch:
    """``merged`` is the same person as ``kept`` by ``rule``; ``evidence`` shows the two names."""

    merged: str
    kept: str
    rule: str
    evidence: str


@lru_cache(maxsize=65536)
def tokens(label: str) -> tuple[str, ...]:
    """Folded name tokens without titles and suffixes, given names first.

    >>> tokens("Rafael H. Garza, Jr.")
    ('rafael', 'h', 'garza')
    >>> tokens("Garza, Rafael H.")
    ('rafael', 'h', 'garza')
    """
    name = HumanName(label)
    given = " ".join(part for part in (name.first, name.middle) if part)
    ordered = f"{given} {name.last}" if name.last else label
    return tuple(fold(ordered).split())


def _initial_agrees(a: str, b: str) -> bool:
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _typo(a: str, b: str) -> bool:
    """Two given names that differ by a typo inside the name, not by an ending (which changes the name)."""
    if min(len(a), len(b)) < MIN_FUZZY_CHARS or ratio(a, b) < FUZZY_GIVEN:
        return False
    stem = min(len(a), len(b)) - 1
    return a[:stem] != b[:stem]


def _one_typo(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Names of equal length that agree token by token except one token spelt with a typo."""
    differing = [(k, x, y) for k, (x, y) in enumerate(zip(a, b, strict=True)) if not _initial_agrees(x, y)]
    if len(differing) != 1:
        return False
    k, x, y = differing[0]
    if k == 0:  # the first given name: a changed ending is another name, not a typo
        return _typo(x, y)
    return x[0] == y[0] and min(len(x), len(y)) >= MIN_FUZZY_CHARS and ratio(x, y) >= FUZZY_FAMILY


def _given_compatible(short: tuple[str, ...], long: tuple[str, ...], fuzzy: bool = False) -> bool:
    """Given names agree where both are written (an initial agrees with any name it begins)."""
    if not short or not long or len(short) > len(long):
        return False
    return all(_initial_agrees(a, b) or (fuzzy and _typo(a, b)) for a, b in zip(short, long, strict=False))


def _fuller(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """True when ``b`` writes more of the name than ``a`` (more letters of given names, or more tokens)."""
    return (len(b), sum(map(len, b))) > (len(a), sum(map(len, a)))


def match(a: tuple[str, ...], b: tuple[str, ...], same_document: bool = True) -> str | None:
    """The rule by which name ``a`` is the person named (at least as fully) by ``b``, else None.

    ``same_document`` allows the rules that only hold for names of one
    document (family-name typos, inversions, a lone initial).

    >>> match(("roderic", "a", "camp"), ("roderic", "ai", "camp"))
    'person-initials'
    >>> match(("raul", "benitez"), ("raul", "benitez", "manaut"))
    'person-second-surname'
    >>> match(("john", "sterngass"), ("john", "sternagass"))
    'person-fuzzy'
    >>> match(("freeman", "laurie"), ("laurie", "freeman"))
    'person-inverted'
    >>> match(("ana", "garza"), ("alberto", "garza")) is None
    True
    >>> match(("j", "burkett"), ("jeffrey", "w", "burkett"), same_document=False) is None
    True
    >>> match(("daniel", "garza"), ("daniela", "garza")) is None
    True
    """
    if len(a) < 2 or len(b) < 2 or a == b:
        return None
    if same_document and len(a) == len(b) == 2 and a == b[::-1]:
        return "person-inverted"
    if a[-1] == b[-1] and _fuller(a, b) and _given_compatible(a[:-1], b[:-1]):
        lone_initial = len(a) == 2 and len(a[0]) == 1
        return "person-initials" if same_document or not lone_initial else None
    if len(b) == len(a) + 1 and a[-1] == b[-2] and len(a[-1]) > 1 and a[:-1] == b[:-2]:
        return "person-second-surname"
    if same_document and len(a) == len(b) and _one_typo(a, b) and not _fuller(b, a):
        return "person-fuzzy"
    if a[-1] == b[-1] and a[:-1] != b[:-1] and not _fuller(b, a) and _given_compatible(a[:-1], b[:-1], True):
        return "person-fuzzy"
    return None


Block = list[tuple[Person, str, tuple[str, ...]]]


def _keys(name: tuple[str, ...], indexing: bool) -> tuple[tuple[str, ...], ...]:
    """Blocking keys: given and family initials, the token set (inversions), and the surname before a second one.

    A name is indexed under the token before its last (its paternal surname
    when it has two) and looked up under its last, so "Raúl Benítez" meets
    "Raúl Benítez Manaut".
    """
    keys: tuple[tuple[str, ...], ...] = ((name[0][0], name[-1][0]), ("inverted", " ".join(sorted(name))))
    if indexing and len(name) >= 3:
        keys += (("surname", name[0][0], name[-2]),)
    elif not indexing:
        keys += (("surname", name[0][0], name[-1]),)
    return keys


def _blocks(people: Iterable[Person]) -> dict[tuple[str, ...], Block]:
    out: dict[tuple[str, ...], Block] = defaultdict(list)
    for person in people:
        for label in person.labels:
            name = tokens(label)
            if len(name) >= 2:
                for key in _keys(name, indexing=True):
                    out[key].append((person, label, name))
    return out


def person_matches(provisional: Iterable[Person], reference: Iterable[Person]) -> list[PersonMatch]:
    """For each provisional person, the one fuller person it is (if exactly one fits), by the first rule that holds."""
    people = sorted(provisional, key=lambda p: p.iri)
    blocks = _blocks([*people, *reference])
    out = []
    for person in people:
        fits: dict[str, tuple[str, str]] = {}
        for label in sorted(person.labels):
            name = tokens(label)
            if len(name) < 2:
                continue
            for key in _keys(name, indexing=False):
                for other, other_label, other_name in blocks.get(key, []):
                    if other.iri == person.iri or _is_tie_loser(other, other_name, person, name):
                        continue
                    rule = match(name, other_name, same_document=bool(person.graphs & other.graphs))
                    if rule is not None:
                        fits.setdefault(other.iri, (rule, f"{label} ~ {other_label}"))
        if len(fits) == 1:
            kept, (rule, evidence) = next(iter(fits.items()))
            out.append(PersonMatch(person.iri, kept, rule, evidence))
    return out


def _is_tie_loser(other: Person, other_name: tuple[str, ...], person: Person, name: tuple[str, ...]) -> bool:
    """Between two equally full names (a typo, an inversion), only the later IRI merges into the earlier.

    Without this tie-break two spellings would each merge into the other; a
    reference person always keeps its IRI.
    """
    if person.reference or _fuller(name, other_name) or _fuller(other_name, name):
        return False
    return not other.reference and other.iri > person.iri
