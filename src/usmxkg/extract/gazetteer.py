"""Reference names → a fast, exact matcher over a document's text.

The gazetteer is built from the authority records in ``data/reference/entities.ttl``:
every ``rdfs:label``, ``skos:prefLabel``/``altLabel``/``hiddenLabel`` and
``usmx:acronym`` of an entity becomes a surface form of that entity, typed
with the entity's most specific ``usmx:`` class.

Two kinds of surface form are matched differently:

* names ("Secretariat of National Defense", "Mexico") are matched without
  regard to case, accents or punctuation, on the text folded like
  :func:`usmxkg.vocab.fold`; a one-word name must start with a capital in
  the text ("Calles" the president, not "calles" the streets);
* acronyms and other all-capital forms ("US", "PAN", "DOS", "DoD", "U.S.")
  are matched case-sensitively, so the words "us", "pan" and "dos" never
  match; accents and punctuation are still folded ("U.S." matches "U. S.").

Both use one Aho–Corasick automaton each (pyahocorasick) over the folded
text. A match must start and end on word boundaries; where matches overlap
the longest wins, so "United States Northern Command" does not also yield
"United States". The text is folded character by character and only whole
words are kept, with the original offsets of every word's first and last
character, so each match maps back to the exact characters it came from.

Acronyms defined by a document (its list of acronyms, or "Long Form (LF)" in
the text) extend the gazetteer for that document only, via
:meth:`Gazetteer.with_acronyms`: a short form whose long form names a known
entity becomes a surface form of that entity (the document's own expansion
disambiguates shared acronyms); a long form with an organisational head noun
("… Commission", "Secretariat of …") mints a new institution.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from usmxkg.vocab import RDF, RDFS, SKOS, USMX, entity_iri

__all__ = [
    "EntityRecord",
    "FoldedText",
    "Gazetteer",
    "Match",
    "fold_form",
    "fold_text",
    "organisation_type",
]

_NS = str(USMX)
_TYPE = str(RDF.type)
_SUBCLASS = str(RDFS.subClassOf)
_LABEL = str(RDFS.label)
_PREF = str(SKOS.prefLabel)
_NAME_PROPERTIES = frozenset({_LABEL, _PREF, str(SKOS.altLabel), str(SKOS.hiddenLabel)})
_ACRONYM = _NS + "acronym"

# ------------------------------------------------------------------ folding

_WORD, _MARK, _SEP = "a", "m", " "
_TOKEN = re.compile(r"a[am]*")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_SEPARATOR_RUN = re.compile(r" {2,}")
_ASCII_TABLE = bytes(c if chr(c).isascii() and chr(c).isalnum() else 32 for c in range(256))


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> tuple[str, str]:
    """(class, folded form) of one character: a word character folds to ASCII letters/digits
    (case kept), a combining mark to nothing, anything else separates words."""
    if ch.isascii():
        return (_WORD, ch) if ch.isalnum() else (_SEP, " ")
    if unicodedata.combining(ch):
        return _MARK, ""
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    if base and all(c.isascii() and c.isalnum() for c in base):
        return _WORD, base
    return _SEP, " "


@dataclass(frozen=True, slots=True)
class FoldedText:
    """A text folded to ASCII words joined by single spaces, with its offset map.

    ``cased`` keeps letter case (for acronyms); ``lower`` is the same string
    lower-cased (same length). When every character folds to exactly one
    character (the usual case), a folded offset differs from the original one
    only by the separators collapsed before it: ``lead`` at the start, then
    ``collapsed[k]`` more after folded offset ``at[k]``. Otherwise ``words``
    maps each word's folded start and end to its original start and end.
    """

    cased: str
    lower: str
    lead: int = 0
    at: tuple[int, ...] = ()
    collapsed: tuple[int, ...] = ()
    words: dict[int, int] | None = None

    def original(self, start: int, end: int) -> tuple[int, int] | None:
        """Original ``[start, end)`` of folded ``[start, end)``; None unless it covers whole words."""
        if start >= end or (start > 0 and self.cased[start - 1] != " ") or (
            end < len(self.cased) and self.cased[end] != " "
        ):
            return None
        if self.words is not None:
            return self.words[start], self.words[-end - 1]
        return self._shift(start), self._shift(end)

    def _shift(self, pos: int) -> int:
        k = bisect_left(self.at, pos)
        return pos + self.lead + (self.collapsed[k - 1] if k else 0)


def fold_text(text: str) -> FoldedText:
    """Fold a text for matching, keeping the original offset of every word boundary.

    Each character is folded on its own (NFKD, combining marks stripped,
    non-alphanumerics as separators, runs of separators as one space), so
    offsets never drift, whatever the text's accents, ligatures or
    decomposed characters.

    >>> f = fold_text(" la Secretaría  de\\nDefensa")
    >>> f.lower
    'la secretaria de defensa'
    >>> f.original(3, 13)
    (4, 14)
    >>> f.original(4, 13) is None
    True
    """
    special = {ch: _fold_char(ch) for ch in set(_NON_ASCII.findall(text))}
    if all(len(c[1]) == 1 for c in special.values()):
        return _fold_one_to_one(text, {ch: c[1] for ch, c in special.items()})
    classes = {ch: _fold_char(ch) for ch in set(text)}
    kinds = text.translate({ord(ch): c[0] for ch, c in classes.items()})
    folded_table = {ord(ch): c[1] for ch, c in classes.items()}
    words: list[str] = []
    offsets: dict[int, int] = {}
    pos = 0
    for m in _TOKEN.finditer(kinds):
        s, e = m.span()
        word = text[s:e].translate(folded_table)
        if words:
            pos += 1
        offsets[pos] = s
        words.append(word)
        pos += len(word)
        offsets[-pos - 1] = e
    cased = " ".join(words)
    return FoldedText(cased, cased.lower(), words=offsets)


def _fold_one_to_one(text: str, special: dict[str, str]) -> FoldedText:
    """Fast path: every character folds to one character, so only collapsed separators shift offsets."""
    if special:
        text = _NON_ASCII.sub(lambda m: special[m.group()], text)
    plain = text.encode("ascii").translate(_ASCII_TABLE).decode("ascii")
    body = plain.lstrip(" ")
    lead = len(plain) - len(body)
    at: list[int] = []
    collapsed: list[int] = []
    removed = 0
    for m in _SEPARATOR_RUN.finditer(body):
        removed += m.end() - m.start() - 1
        at.append(m.start() - (removed - (m.end() - m.start() - 1)))
        collapsed.append(removed)
    cased = _SEPARATOR_RUN.sub(" ", body).rstrip(" ")
    return FoldedText(cased, cased.lower(), lead, tuple(at), tuple(collapsed))


def fold_form(text: str) -> str:
    """A surface form folded for case-sensitive matching (case kept, accents and punctuation folded).

    >>> fold_form("U.S.")
    'U S'
    >>> fold_form("Secretaría de la Defensa Nacional").lower()
    'secretaria de la defensa nacional'
    """
    return fold_text(text).cased


# ------------------------------------------------------------------ organisations

_ORGANISATION_HEADS: dict[str, str] = {
    **dict.fromkeys(["party", "partido"], "PoliticalParty"),
    **dict.fromkeys(
        ["academy", "academia", "college", "colegio", "school", "escuela", "university", "universidad",
         "institute", "instituto"],
        "EducationalInstitution",
    ),
    **dict.fromkeys(["command", "comando"], "MilitaryOrganization"),
    **dict.fromkeys(["force", "forces", "fuerza", "fuerzas", "corps", "guard"], "MilitaryOrganization"),
    **dict.fromkeys(["army", "ejercito", "navy", "armada"], "ArmedService"),
    **dict.fromkeys(
        ["agency", "agencia", "administration", "department", "departamento", "ministry", "ministerio",
         "secretariat", "secretaria", "office", "oficina", "bureau", "commission", "comision"],
        "GovernmentAgency",
    ),
    **dict.fromkeys(
        ["council", "consejo", "organization", "organisation", "organizacion", "center", "centre", "centro",
         "service", "servicio", "division", "board", "junta", "committee", "comite", "group", "grupo",
         "corporation", "company", "foundation", "fundacion"],
        "Institution",
    ),
}
"""Organisational head nouns (folded) → the ``usmx:`` class of an institution so named."""

_SPANISH_HEADS = frozenset(
    ["partido", "academia", "colegio", "escuela", "universidad", "instituto", "comando", "fuerza", "fuerzas",
     "ejercito", "armada", "agencia", "departamento", "ministerio", "secretaria", "oficina", "comision",
     "consejo", "organizacion", "centro", "servicio", "junta", "comite", "grupo", "fundacion"]
)
"""Heads that open a Spanish name ("Secretaría de …", "Ejército Zapatista …")."""

_CONNECTORS = frozenset(["of", "for", "on", "de", "del", "para"])
_MINOR_WORDS = frozenset(["of", "for", "on", "and", "the", "in", "to", "at", "de", "del", "la", "las", "los",
                          "el", "y", "e", "para", "en", "a"])


def organisation_type(long_form: str) -> str | None:
    """The ``usmx:`` class of an organisation from its head noun, or None if the name is not organisational.

    The head is the noun before the first "of"/"for"/"de" ("Secretariat of
    …", "Center for …"), the first word of a Spanish name ("Secretaría …"),
    else the last word.

    >>> organisation_type("Binational Water Security Commission")
    'GovernmentAgency'
    >>> organisation_type("Center for Border Studies")
    'Institution'
    >>> organisation_type("Royal Air Force")
    'ArmedService'
    >>> organisation_type("Security Assistance Management Manual") is None
    True
    """
    words = fold_text(long_form).lower.split()
    if len(words) < 2:
        return None
    if words[0] in _SPANISH_HEADS:
        head = 0
    else:
        head = next((i - 1 for i, w in enumerate(words) if w in _CONNECTORS and i > 0), len(words) - 1)
    word = words[head]
    kind = _ORGANISATION_HEADS.get(word)
    if kind and word in ("force", "forces") and head > 0 and words[head - 1] == "air":
        return "ArmedService"
    return kind


def _is_proper_name(long_form: str) -> bool:
    """Every content word capitalised (or a number): a name, not a common noun phrase."""
    words = [w for w in re.split(r"[\s\-–/]+", long_form) if w]
    content = [w for w in words if w.lower() not in _MINOR_WORDS]
    return len(words) >= 2 and all(w[0].isupper() or w[0].isdigit() for w in content if w[0].isalnum())


def clean_long_form(long_form: str) -> str:
    """A long form as a name: whitespace collapsed, a trailing possessive dropped.

    >>> clean_long_form("Zapatista National\\nLiberation Army's")
    'Zapatista National Liberation Army'
    """
    text = " ".join(long_form.split())
    text = re.sub(r"^[^\w(]+", "", text)
    return re.sub(r"['’]s?$", "", text).strip(" ,;:.")


# ------------------------------------------------------------------ the gazetteer


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """An entity the gazetteer knows: IRI, English label, ``usmx:`` class local name, and
    whether it was minted from a document rather than taken from the reference data."""

    iri: str
    label: str
    type: str
    minted: bool = False


@dataclass(frozen=True, slots=True)
class Match:
    """A whole-word match in the original text and the entities its surface form names (several
    when the form is shared, e.g. an acronym of two institutions)."""

    start: int
    end: int
    entities: frozenset[str]


def _is_acronym_like(form: str) -> bool:
    """Forms matched case-sensitively: all capitals ("NATO", "U.S.", "WW II") or one mixed-case
    token with at least two capitals ("DoD")."""
    letters = [c for c in form if c.isalpha()]
    if not letters:
        return False
    if all(c.isupper() for c in letters):
        return True
    return re.fullmatch(r"[\w.&]+", form) is not None and sum(c.isupper() for c in letters) >= 2


def _similar(a: str, b: str) -> bool:
    """One name's content words are all among the other's (compared on 5-letter stems).

    >>> _similar("Northern Command", "United States Northern Command")
    True
    >>> _similar("Disk Operating System", "Department of State")
    False
    """
    def stems(text: str) -> set[str]:
        return {w[:5] for w in fold_text(text).lower.split() if w not in _MINOR_WORDS}
    x, y = stems(a), stems(b)
    return bool(x and y) and len(x & y) == min(len(x), len(y))


def _used_as_common_noun(long_form: str, text: str) -> bool:
    """The phrase also occurs in the text all in lower case ("… a combatant command …")."""
    words = [w.lower() for w in re.split(r"[\s\-–]+", long_form) if w]
    if not words or words[-1] not in text:
        return False
    pattern = r"\b" + r"[\s\-–]+".join(map(re.escape, words)) + r"\b"
    return re.search(pattern, text) is not None


class Gazetteer:
    """Surface forms of known entities, and the automata that find them in a text.

    Build it once with :func:`usmxkg.reference.load_gazetteer`; extend it per
    document with :meth:`with_acronyms` (which returns a copy). ``find``
    returns non-overlapping whole-word matches, longest first, in text order.
    """

    __slots__ = ("_automata", "_candidates", "_capitalised", "_dotted", "_entities", "_forms", "_names", "_shorts")

    def __init__(
        self,
        entities: Mapping[str, EntityRecord],
        names: Mapping[str, frozenset[str]],
        shorts: Mapping[str, frozenset[str]],
        capitalised: frozenset[str],
        forms: Mapping[str, tuple[str, ...]],
        candidates: tuple[tuple[str, str], ...] = (),
    ) -> None:
        self._entities = dict(entities)
        self._names = dict(names)  # lower-folded name → entity IRIs
        self._shorts = dict(shorts)  # case-kept folded acronym → entity IRIs
        self._capitalised = capitalised  # one-word names that need a capital in the text
        self._forms = dict(forms)  # entity IRI → its surface forms as written
        self._candidates = candidates
        self._automata: tuple[ahocorasick.Automaton | None, ahocorasick.Automaton | None] | None = None
        self._dotted: frozenset[str] = frozenset()  # folded forms written with a final "." ("U.S.")

    # ---- construction

    @classmethod
    def from_triples(cls, triples: Iterable[tuple[str, str, str, bool, str | None]]) -> Gazetteer:
        """From (subject, predicate, object, object is a literal, language) triples of the reference entities.

        Reading the files is :func:`usmxkg.reference.load_gazetteer`'s; the
        lexicon only needs the labels, acronyms and classes (with the
        ontology's ``rdfs:subClassOf`` for class depth) as strings.
        """
        types: dict[str, set[str]] = {}
        parents: dict[str, set[str]] = {}
        labels: dict[str, list[tuple[str, str, str | None]]] = {}
        for s, p, o, literal, lang in triples:
            if p == _TYPE and not literal and o.startswith(_NS):
                types.setdefault(s, set()).add(o[len(_NS):])
            elif p == _SUBCLASS and not literal and s.startswith(_NS) and o.startswith(_NS):
                parents.setdefault(s[len(_NS):], set()).add(o[len(_NS):])
            elif literal and (p in _NAME_PROPERTIES or p == _ACRONYM):
                labels.setdefault(s, []).append((p, o, lang))

        def ancestors(name: str) -> set[str]:
            seen: set[str] = set()
            todo = list(parents.get(name, ()))
            while todo:
                c = todo.pop()
                if c not in seen:
                    seen.add(c)
                    todo.extend(parents.get(c, ()))
            return seen

        entities: dict[str, EntityRecord] = {}
        names: dict[str, set[str]] = {}
        shorts: dict[str, set[str]] = {}
        caps: dict[str, bool] = {}
        forms: dict[str, tuple[str, ...]] = {}
        for iri in sorted(types.keys() & labels.keys()):
            classes = types[iri]
            specific = sorted(c for c in classes if not any(c in ancestors(d) for d in classes if d != c))
            values = labels[iri]
            label = _english_label(values)
            entities[iri] = EntityRecord(iri, label, specific[0])
            written = sorted({v for _, v, _ in values})
            forms[iri] = tuple(written)
            acronyms = {v for p, v, _ in values if p == _ACRONYM}
            for value in written:
                key = fold_form(value)
                if not key:
                    continue
                if value in acronyms or _is_acronym_like(value):
                    shorts.setdefault(key, set()).add(iri)
                else:
                    lower = key.lower()
                    names.setdefault(lower, set()).add(iri)
                    if " " not in lower:
                        caps[lower] = caps.get(lower, True) and value[:1].isupper()
        return cls(
            entities,
            {k: frozenset(v) for k, v in names.items()},
            {k: frozenset(v) for k, v in shorts.items()},
            frozenset(k for k, v in caps.items() if v),
            forms,
        )

    # ---- queries

    @property
    def entities(self) -> Mapping[str, EntityRecord]:
        """Every entity known, by IRI."""
        return self._entities

    @property
    def candidates(self) -> tuple[tuple[str, str], ...]:
        """Document-defined (short, long) pairs whose long form names no known entity and no organisation."""
        return self._candidates

    def entity(self, iri: str) -> EntityRecord:
        return self._entities[iri]

    def surface_forms(self, iri: str) -> tuple[str, ...]:
        """The names and acronyms of an entity as written in the reference data (or the document)."""
        return self._forms.get(iri, ())

    def lookup(self, name: str, *, reference_only: bool = False) -> frozenset[str]:
        """Entities a whole name denotes: as a name (case-insensitive), else as an acronym (case-sensitive).

        >>> from usmxkg.reference import ReferencePaths, load_gazetteer
        >>> g = load_gazetteer(ReferencePaths().entities)
        >>> sorted(g.lookup("Secretaria de Defensa Nacional"))
        ['https://w3id.org/usmx-kg/id/institution/secretariat-of-national-defense']
        >>> g.lookup("pan")
        frozenset()
        """
        return _lookup(self._names, self._shorts, self._entities, name, reference_only)

    def new_organisation(self, short: str, long: str, text: str | None = None) -> EntityRecord | None:
        """The institution a document-defined pair introduces, or None.

        None when the long form names a reference entity or is a variant of
        what the short form already means ("Northern Command" for NORTHCOM),
        when it is not a proper name ("combatant command") or, given the
        document's ``text``, is also used there in lower case as a common noun,
        when the short form is a plural ("DTOs"), or when the head noun is not
        organisational. The IRI is minted from the long form.
        """
        long = clean_long_form(long)
        short = short.strip()
        if not long or not short or self.lookup(long, reference_only=True):
            return None
        meant = self._shorts.get(fold_form(short), frozenset())
        if any(_similar(long, f) for iri in meant if not self._entities[iri].minted for f in self._forms[iri]):
            return None
        if (short.endswith("s") and short[:-1].isupper()) or not _is_proper_name(long):
            return None
        kind = organisation_type(long)
        if kind is None or (text is not None and _used_as_common_noun(long, text)):
            return None
        return EntityRecord(entity_iri("institution", long), long, kind, minted=True)

    # ---- per-document extension

    def with_acronyms(self, pairs: Iterable[tuple[str, str]], text: str | None = None) -> Gazetteer:
        """A copy that also knows a document's own (short, long) acronym definitions.

        * Known long form → the short form names that entity (replacing any
          other meaning of that acronym for this document).
        * Long form that is a variant of the short form's known meaning
          ("Northern Command (NORTHCOM)") → that meaning, and the long form
          becomes one more name of it.
        * Unknown long form with an organisational head
          (:meth:`new_organisation`) → a minted institution named by both forms.
        * Otherwise the pair is kept in :attr:`candidates`, and the short
          form's existing meaning is dropped when the expansion shares nothing
          with it (a document's "DOS" that is not the Department of State).

        ``text`` (the document's text) lets :meth:`new_organisation` reject
        long forms the document also uses as common nouns.
        """
        entities = dict(self._entities)
        names = dict(self._names)
        shorts = dict(self._shorts)
        forms = dict(self._forms)
        candidates = list(self._candidates)
        defined: dict[str, frozenset[str]] = {}  # meanings this document gives each short form
        for short, long in pairs:
            short, long = short.strip(), clean_long_form(long)
            key = fold_form(short)
            if not key or not long:
                continue
            known = _lookup(names, shorts, entities, long, False)
            if len(known) == 1:
                # a second, different expansion in the same document leaves the form shared;
                # mentions then resolve it by the nearest expansion (find_mentions)
                defined[key] = shorts[key] = defined.get(key, frozenset()) | known
                iri = next(iter(known))
                forms[iri] = tuple(sorted({*forms[iri], short}))
                continue
            if known:
                continue
            meant = shorts.get(key, frozenset())
            variant = sorted(iri for iri in meant if any(_similar(long, f) for f in forms.get(iri, ())))
            if len(variant) == 1:
                defined[key] = shorts[key] = frozenset(variant)
                if " " in long and _is_proper_name(long):
                    names.setdefault(fold_form(long).lower(), frozenset(variant))
                    forms[variant[0]] = tuple(sorted({*forms[variant[0]], long}))
                continue
            record = self.new_organisation(short, long, text)
            if record is not None:
                entities.setdefault(record.iri, record)
                forms[record.iri] = tuple(sorted({*forms.get(record.iri, ()), long, short}))
                names[fold_form(long).lower()] = frozenset({record.iri})
                defined[key] = shorts[key] = frozenset({record.iri})
                continue
            candidates.append((short, long))
            if meant and not variant and key not in defined:
                del shorts[key]
        return Gazetteer(entities, names, shorts, self._capitalised, forms, tuple(candidates))

    # ---- matching

    def _build(self) -> tuple[ahocorasick.Automaton | None, ahocorasick.Automaton | None]:
        if self._automata is None:
            built: list[ahocorasick.Automaton | None] = []
            for table in (self._names, self._shorts):
                if not table:
                    built.append(None)
                    continue
                automaton = ahocorasick.Automaton()
                for key in table:
                    automaton.add_word(key, key)
                automaton.make_automaton()
                built.append(automaton)
            self._automata = (built[0], built[1])
            dotted = {fold_form(f) for fs in self._forms.values() for f in fs if f.endswith(".")}
            self._dotted = frozenset(dotted | {k.lower() for k in dotted})
        return self._automata

    def find(self, text: str) -> list[Match]:
        """Whole-word matches of every surface form: overlaps resolved longest first, in text order."""
        names_automaton, shorts_automaton = self._build()
        folded = fold_text(text)
        found: list[tuple[int, int, frozenset[str]]] = []
        for automaton, haystack, table in (
            (names_automaton, folded.lower, self._names),
            (shorts_automaton, folded.cased, self._shorts),
        ):
            if automaton is None:
                continue
            for last, key in automaton.iter(haystack):
                span = folded.original(last + 1 - len(key), last + 1)
                if span is None:
                    continue
                if table is self._names and key in self._capitalised and not text[span[0]].isupper():
                    continue
                end = span[1] + (key in self._dotted and text[span[1]:span[1] + 1] == ".")
                found.append((span[0], end, table[key]))
        found.sort(key=lambda m: (m[0] - m[1], m[0], sorted(m[2])))
        taken = bytearray(len(text))
        kept: list[Match] = []
        for start, end, iris in found:
            if taken.find(1, start, end) != -1:
                continue
            taken[start:end] = b"\x01" * (end - start)
            kept.append(Match(start, end, iris))
        kept.sort(key=lambda m: (m.start, m.end))
        return kept


def _english_label(values: list[tuple[str, str, str | None]]) -> str:
    """rdfs:label@en, else any rdfs:label, else skos:prefLabel@en, else the first name."""
    for prop, lang in ((_LABEL, "en"), (_LABEL, None), (_PREF, "en")):
        for p, v, lg in sorted(values):
            if p == prop and (lang is None or lg == lang):
                return v
    return sorted(values)[0][1]


def _lookup(
    names: Mapping[str, frozenset[str]],
    shorts: Mapping[str, frozenset[str]],
    entities: Mapping[str, EntityRecord],
    name: str,
    reference_only: bool,
) -> frozenset[str]:
    key = fold_form(clean_long_form(name))
    found = names.get(key.lower()) or shorts.get(key) or frozenset()
    if reference_only:
        found = frozenset(i for i in found if not entities[i].minted)
    return found
