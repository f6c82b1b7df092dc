"""People a text names: after a rank, title or office, as speakers of quotations, in bylines.

The cues follow the conventions of U.S. government and DoD news copy (AP
style ranks: "Lt. Gen. NAME IV", "Sgt. 1st Class NAME"; offices before the
name: "Defense Secretary NAME", "Canadian Defense Minister NAME"; "the
Honorable NAME"), Mexican ranks and their English renderings ("Capitán 2/o
(Capt.) NAME", "Group General (Brig. Gen.) NAME": a parenthesised gloss may
sit between rank and name), attribution of quotations ("…,” NAME said",
"said NAME") and bylines ("By NAME"). Names are parsed with nameparser
(title, first, middle, last, suffix); a Spanish name of three words or more
keeps both family names whole ("Ramiro Olvera Zamudio": family name
"Olvera Zamudio", and "Olvera" alone names him too). Later bare uses
of a family name ("Quenby said") resolve to the one full name of the
document they belong to. A person is never an acronym, never a name with an
organisational head, never a name the reference data gives to something
else (the caller passes ``not_person``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from nameparser import HumanName  # type: ignore[import-untyped]

from usmxkg.document import Document, Span
from usmxkg.extract.entitytypes import HEAD_FINAL, SPANISH_HEADS
from usmxkg.extract.lexicon import (
    DEMONYMS,
    FUNCTION_WORDS,
    GIVEN_NAMES,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    SPANISH_GIVEN_NAMES,
    SPEECH_VERBS,
    TITLE_WORDS,
)
from usmxkg.extract.tokens import fold_word

__all__ = ["PersonMention", "TitledPerson", "find_people", "titled_people"]

_RANKS = (
    r"Lieutenant General|Lt\.? Gen\.?|Major General|Maj\.? Gen\.?|Brigadier General|Brig\.? Gen\.?|Lieutenant Colonel"
    r"|Lt\.? Col\.?|Lieutenant Commander|Lt\.? Cmdr\.?|Vice Admiral|Vice Adm\.|Rear Admiral|Rear Adm\.|General|Gen\."
    r"|Colonel|Col\.|Major|Maj\.|Captain|Capt\.|First Lieutenant|Second Lieutenant|1st Lt\.|2nd Lt\.|Lieutenant|Lt\."
    r"|Admiral|Adm\.|Commodore|Commander|Cmdr\.|Cdr\.|Ensign|Command Sgt\. Maj\.|Sgt\. Maj\.|Sergeant Major"
    r"|(?:Master|Staff|Tech\.|Senior Master|Chief Master) Sgt\.|Sgt\. 1st Class|Sergeant First Class|Sergeant|Sgt\."
    r"|Cpl\.|Corporal|Spc\.|Pfc\.|Pvt\.|(?:Chief )?Petty Officer(?: (?:1st|2nd|3rd|First|Second|Third) Class)?"
    r"|Senior Airman|Airman 1st Class|Airman|Chaplain|Chief Warrant Officer|Warrant Officer"
    r"|(?:Division|Brigade|Group|Wing) (?:General|Gen\.)|General de (?:División|Division|Brigada|Grupo|Ala)"
    r"|General Brigadier|Gral\.|Almirante|Vicealmirante|Contralmirante|Capitán de (?:Navío|Fragata|Corbeta)"
    r"|Capitán(?: [12]/o| Primero| Segundo)?|Teniente Coronel|Teniente|Coronel|Sargento(?: [12]/o)?|Cabo"
)
_OFFICES = (
    r"(?:Vice )?President|Prime Minister|(?:(?:Deputy|Assistant) Secretary|Under ?[Ss]ecretary|Secretary) of (?:State"
    r"|Defen[cs]e|the (?:Navy|Army|Air Force|Interior)"
    r"|Homeland Security|National Defen[cs]e|Foreign Affairs|Public Security)|(?:Defen[cs]e|Naval|Navy|Army|Foreign"
    r"|State) Secretary|(?:Defen[cs]e|Foreign) Minister|Minister of (?:National )?Defen[cs]e|Minister"
    r"|(?:Deputy |Assistant |Under ?)?[Ss]ecretary|Ambassador|Senator|Sen\.|Rep\.|Representative|Congress(?:wo)?man"
    r"|Governor|Gov\.|Attorney General|Commissioner|Chairman|Commandant|Dr\.|Mr\.|Mrs\.|Ms\.|Prof\.|Professor"
    r"|[Tt]he Honorable|Honorable|Hon\.|Presidente|Secretario|Lic\.|Ing\."
)
_W = (
    r"(?:(?:Mc|Mac|O['’]|D['’]|De|La)?[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+(?:[-'’][A-ZÁÉÍÓÚÑ]?[a-záéíóúñü]+)*"
    r"|[A-Z]\.(?:\s?[A-Z]\.)?)"
)
_P = r"(?:de la|de los|de|del|y|van|von|da|di|du|dos|bin|al)"
_NAME = rf"{_W}(?:[ \t]+(?:{_P}[ \t]+)?{_W}){{0,5}}"
_SUFFIX = r"(?:,?[ \t]+(?:Jr\.|Sr\.|II|III|IV|V)\b)?"
_GLOSS = r"(?:[ \t]*\([^()\n]{1,24}\))?"
_TITLED = re.compile(
    rf"(?<![\w.])(?P<title>(?:{_RANKS}|{_OFFICES})(?:[ \t]+(?:{_RANKS}))?){_GLOSS}[ \t]+"
    rf"(?P<name>{_NAME}{_SUFFIX})"
)
_CAPS_TITLED = re.compile(
    r"(?<![\w.])(?P<title>LIEUTENANT COLONEL|LIEUTENANT GENERAL|MAJOR GENERAL|BRIGADIER GENERAL"
    r"|COLONEL|MAJOR|CAPTAIN|COMMANDER|GENERAL|ADMIRAL|LTC|COL|MAJ|CPT|LTG|MG|BG|CDR|LCDR)"
    r"[ \t]+(?P<name>[A-Z][A-Z'’-]+(?:[ \t]+(?:[A-Z]\.|[A-Z][A-Z'’-]+)){1,3}"
    r"(?:,?[ \t]+(?:JR\.|SR\.|II|III|IV))?)"
)
_SPANISH_RANK = re.compile(
    r"Capitán|Teniente|Coronel|Almirante|Sargento|Cabo|General de|Gral\.|(?:Group|Wing|Division) Gen"
)
_VERBS = "|".join(sorted(SPEECH_VERBS))
_SPEAKER_AFTER = re.compile(rf"[”\"],?[ \t]+(?:{_VERBS})[ \t]+(?P<name>{_NAME}{_SUFFIX})")
_SPEAKER_BEFORE = re.compile(rf"[,.!?]?[”\"][ \t]+(?P<name>{_NAME}{_SUFFIX})[ \t]+(?:{_VERBS})\b")
_BYLINE = re.compile(rf"(?:^|(?<=\s))By[ \t]+(?P<name>{_NAME}{_SUFFIX})", re.MULTILINE)
_STOP_WORDS = (
    FUNCTION_WORDS
    | TITLE_WORDS
    | DEMONYMS
    | frozenset(
        "january february march april may june july august september october november december monday tuesday "
        "wednesday thursday friday saturday sunday north south east west united states".split()
    )
)


@dataclass(frozen=True, slots=True)
class PersonMention:
    """One occurrence of a person: the full name it resolves to, its parts, the title and the words read."""

    name: str
    """The person's fullest name in the document, as written (title left out, suffix kept)."""
    given: str
    middle: str
    family: str
    suffix: str
    title: str
    """The rank, title or office written before the name in this occurrence ('' when none)."""
    evidence: Span
    """The words naming the person here: title and name, or the bare family name."""
    cue: str
    """What showed it is a person: "title", "speaker", "byline" or "family-name"."""


@dataclass(frozen=True, slots=True)
class TitledPerson:
    """A person's name as written after a title, the title, and the span covering both."""

    name: str
    title: str
    name_span: Span
    evidence: Span


def _trim(name: str) -> str:
    """Cut a name at the first word that cannot belong to a personal name ("… Quenby United States Navy")."""
    words = name.split()
    kept: list[str] = []
    for word in words:
        folded = fold_word(word)
        if re.fullmatch(r"[A-Z]\.", word):
            kept.append(word)  # an initial, even "A." or "I."
            continue
        if folded in HEAD_FINAL or folded in SPANISH_HEADS or (folded in _STOP_WORDS and folded not in NAME_SUFFIXES):
            break
        kept.append(word)
    while kept and kept[-1].lower() in NAME_PARTICLES:
        kept.pop()
    if kept:
        kept[-1] = re.sub(r"['’]s$", "", kept[-1])
    return " ".join(kept)


def _end_of_words(text: str, start: int, count: int) -> int:
    """Offset after the ``count``-th word from ``start`` (words as the name pattern splits them)."""
    end = start
    for m in re.finditer(r"\S+", text[start : start + 200]):
        count -= 1
        end = start + m.end()
        if count == 0:
            break
    word = text[start:end].split()[-1] if text[start:end].split() else ""
    if re.search(r"['’]s$", word):
        return end - 2
    while end > start and text[end - 1] in ',;:)”"':
        end -= 1
    word = text[start:end].split()[-1] if text[start:end].split() else ""
    if text[end - 1 : end] == "." and not re.fullmatch(r"(?:Jr|Sr|[A-Z])\.", word):
        end -= 1
    return end


def _parts(name: str, hispanic: bool = False) -> tuple[str, str, str, str]:
    """(given, middle, family, suffix); a Spanish name of three words or more keeps both family names.

    ``hispanic``: the context says the person is Mexican (or titled with a Spanish rank).
    """
    parsed = HumanName(name)
    words = [w for w in name.replace(",", " ").split() if fold_word(w) not in NAME_SUFFIXES]
    spanish = hispanic or fold_word(words[0]) in SPANISH_GIVEN_NAMES or any(c in name for c in "áéíóúñÁÉÍÓÚÑ")
    if (
        spanish
        and len(words) >= 3
        and not any(len(w.rstrip(".")) == 1 for w in words)
        and not any(w in NAME_PARTICLES for w in words)
    ):
        return " ".join(words[:-2][:1]), " ".join(words[1:-2]), " ".join(words[-2:]), parsed.suffix
    return parsed.first, parsed.middle, parsed.last, parsed.suffix


def _plausible(name: str, caps: bool = False) -> bool:
    words = name.split()
    acronyms = [w for w in words if w.isupper() and len(w.rstrip(".")) > 1 and fold_word(w) not in NAME_SUFFIXES]
    if not words or (acronyms and not caps):
        return False  # an acronym is not a person
    return not any(re.search(r"\d", w) for w in words)


def find_people(
    doc: Document,
    not_person: Callable[[str, int, int], bool] | None = None,
    caps_line: Callable[[int], bool] | None = None,
) -> list[PersonMention]:
    """Every mention of a person in the text, in text order, full names resolved.

    ``not_person(name, start, end)`` rejects names the reference data gives
    to a place or an organisation, or that overlap one; ``caps_line(offset)``
    tells whether an offset lies on a line set in capitals, where "COLONEL
    NAME SURNAME" is read too.
    """
    text = doc.text
    found: list[tuple[int, int, str, str, str, int]] = []  # start, end, name, title, cue, name start
    for pattern, cue in (
        (_TITLED, "title"),
        (_SPEAKER_AFTER, "speaker"),
        (_SPEAKER_BEFORE, "speaker"),
        (_BYLINE, "byline"),
    ):
        for m in pattern.finditer(text):
            name = _trim(m.group("name"))
            if not name or not _plausible(name):
                continue
            start = m.start("name")
            words = name.split()
            if cue != "title" and (
                len(words) < 2
                or (fold_word(words[0]) not in GIVEN_NAMES and not any(len(w) == 2 and w.endswith(".") for w in words))
            ):
                continue  # without a title, only "Given Family" names count
            title = " ".join(m.group("title").split()) if cue == "title" else ""
            begin = m.start("title") if cue == "title" else start
            found.append((begin, _end_of_words(text, start, len(words)), name, title, cue, start))
    if caps_line is not None:
        for m in _CAPS_TITLED.finditer(text):
            name = _trim(" ".join(m.group("name").split()).title())
            if caps_line(m.start()) and len(name.split()) >= 2:
                end = _end_of_words(text, m.start("name"), len(name.split()))
                found.append((m.start(), end, _capitalise(name), m.group("title").title(), "title", m.start("name")))
    common = _common_words(text)
    found = [f for f in found if not _all_common(f[2], common)]
    found = [f for f in found if not_person is None or not not_person(f[2], f[5], f[1])]
    return _resolve(doc, found, not_person)


def _common_words(text: str) -> frozenset[str]:
    """Words the text writes in lower case more often than capitalised."""
    counts: dict[str, int] = {}
    for word in re.findall(r"[^\W\d_]+", text):
        key = word.lower()
        if not word.isupper():  # words set in capitals say nothing of how the text writes them
            counts[key] = counts.get(key, 0) + (1 if word.islower() else -1)
    return frozenset(w for w, n in counts.items() if n > 0)


def _all_common(name: str, common: frozenset[str]) -> bool:
    """Every word of the name is a common word of the text ("Major Research Question" is not a major's name)."""
    words = [w.lower() for w in re.findall(r"[^\W\d_]{2,}", name)]
    return bool(words) and all(w in common and w not in GIVEN_NAMES for w in words)


def _capitalise(name: str) -> str:
    human = HumanName(name.title())
    human.capitalize(force=True)
    return " ".join(str(human).split()) or name.title()


def _resolve(
    doc: Document, found: list[tuple[int, int, str, str, str, int]], not_person: Callable[[str, int, int], bool] | None
) -> list[PersonMention]:
    """Full names for every mention: one-word names and later bare family names take the document's full name."""
    full: dict[str, tuple[str, str, str, str]] = {}
    for start, _, name, title, _, _ in found:
        if len(name.split()) >= 2:
            context = doc.text[max(0, start - 60) : start]
            hispanic = bool(_SPANISH_RANK.search(title)) or "Mexic" in context or "mexic" in context
            full.setdefault(name, _parts(name, hispanic))
    by_family: dict[str, set[str]] = {}
    for name, (_, _, family, _) in full.items():
        for key in {family, family.split()[0]} if family else set():
            by_family.setdefault(fold_word(key), set()).add(name)

    def fullest(word: str) -> str | None:
        names = by_family.get(fold_word(word), set())
        longest = (
            {max(names, key=len)}
            if names and all(any(n in m for m in names) or n in max(names, key=len) for n in names)
            else names
        )
        return next(iter(longest)) if len(longest) == 1 else None

    out: dict[tuple[int, int], PersonMention] = {}
    taken = bytearray(len(doc.text) + 1)
    for start, end, name, title, cue, _ in sorted(found, key=lambda f: (f[0], -f[1])):
        if taken[start] or taken[end - 1]:
            continue
        resolved = name if name in full else fullest(name) if len(name.split()) == 1 else None
        if resolved is None:
            continue
        given, middle, family, suffix = full[resolved]
        out[(start, end)] = PersonMention(resolved, given, middle, family, suffix, title, doc.span(start, end), cue)
        taken[start:end] = b"\x01" * (end - start)
    surfaces: dict[str, str] = {}  # a family name as written → the one full name it belongs to
    for key, names in sorted(by_family.items()):
        if len(names) == 1:
            family = full[next(iter(names))][2]
            surfaces[next(w for w in [*family.split(), family] if fold_word(w) == key)] = next(iter(names))
    if surfaces:
        alternatives = "|".join(re.escape(s) for s in sorted(surfaces, key=len, reverse=True))
        for m in re.finditer(rf"(?<![\w.’'-])(?:{alternatives})(?![\w’'-])", doc.text):  # one pass for all names
            s, e = m.span()
            if taken[s] or taken[e - 1] or _in_longer_name(doc.text, s, e):
                continue
            if not_person is not None and not_person(m.group(), s, e):
                continue
            resolved = surfaces[m.group()]
            given, middle, family, suffix = full[resolved]
            out[(s, e)] = PersonMention(resolved, given, middle, family, suffix, "", doc.span(s, e), "family-name")
            taken[s:e] = b"\x01" * (e - s)
    return [out[k] for k in sorted(out)]


def _in_longer_name(text: str, start: int, end: int) -> bool:
    """The word sits in a run of capitalised words ("Perry Center", "Fort Bragg"), not alone."""
    before = re.search(r"([A-ZÁÉÍÓÚÑ][\w’'-]*)[ \t]+$", text[max(0, start - 30) : start])
    after = re.match(r"[ \t]+([A-ZÁÉÍÓÚÑ][\w’'-]*)", text[end : end + 30])
    if after and fold_word(after.group(1)) not in FUNCTION_WORDS:
        return True
    return bool(
        before
        and fold_word(before.group(1)) not in FUNCTION_WORDS | frozenset({"said", "says"})
        and not before.group(1).endswith(".")
    )


def titled_people(doc: Document) -> list[TitledPerson]:
    """Every "Title Name" occurrence whose name looks like a personal name, in text order.

    >>> from usmxkg.document import Document
    >>> doc = Document("x", "x", "text", "Mexican President Enrique Pena Nieto's policy and the General Staff.")
    >>> [(p.title, p.name) for p in titled_people(doc)]
    [('President', 'Enrique Pena Nieto')]
    """
    out = []
    for m in _TITLED.finditer(doc.text):
        name = re.sub(r"['’]s$", "", _trim(m.group("name")))
        start = m.start("name")
        if not name or not _plausible(name) or doc.text[start : start + len(name)] != name:
            continue
        title = " ".join(m.group("title").split())
        out.append(
            TitledPerson(name, title, doc.span(start, start + len(name)), doc.span(m.start("title"), start + len(name)))
        )
    return out
