"""The kind and ``usmx:`` class of a proper name, from its head noun and modifiers.

English names put the head last ("Coastal Logistics Department",
"Caribbean Ports Ministerial") or first before a complement ("Office
of the Secretary of Defense"); Spanish names open with it ("Secretaría de
Seguridad Pública", "Plan Colombia"). The head says what the thing is; the
modifiers refine it: an ordinal makes a formation a unit ("52nd Airlift
Wing", "Ninth Air Force"), a nationality makes a service an armed service
("Royal Navy"), a military word makes a school a military school ("Naval War
College"). Heads that are too general on their own ("Staff", "Talks",
"Policy") need modifiers that are not themselves general. The most specific
class the words allow is chosen; when they allow none, the name is left out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from usmxkg.extract.lexicon import (
    ACADEMIC_SUBJECTS,
    DEMONYMS,
    DIRECTIONS,
    GOVERNMENT_CUES,
    INTERNATIONAL_CUES,
    MILITARY_CUES,
    NON_STATE_CUES,
    ORDINAL_WORDS,
    RESEARCH_CUES,
    ROMAN_NUMERALS,
)

__all__ = ["HEAD_FINAL", "PREFIX_HEADS", "SPANISH_HEADS", "Typed", "classify", "is_head"]


@dataclass(frozen=True, slots=True)
class Typed:
    """What a name names: its kind (the IRI segment) and its ``usmx:`` class."""

    kind: str
    type: str


def _table(spec: str) -> dict[str, str]:
    out = {}
    for entry in spec.split(";"):
        group, _, words = entry.partition(":")
        for word in words.split():
            out[word] = group.strip()
    return out


HEAD_FINAL: dict[str, str] = _table(
    "command: command commands; force: force forces; army: army armies; navy: navy; corps: corps; guard: guard;"
    "staff: staff; reserve: reserve reserves; unit: wing squadron brigade battalion regiment fleet flotilla detachment;"
    "group: group division;"
    "service: service services; department: department; office: office; agency: agency; bureau: bureau;"
    "administration: administration; ministry: ministry secretariat; directorate: directorate;"
    "center: center centre; institute: institute; school: university college school academy;"
    "council: council commission committee board; legislature: congress senate parliament legislature;"
    "party: party; police: police patrol; embassy: embassy consulate; cartel: cartel;"
    "organization: organization organisation; association: association foundation society federation;"
    "company: corporation company; press: press; museum: museum library archive archives hospital;"
    "laboratory: laboratory;"
    "program: program programme initiative plan; strategy: strategy; framework: framework partnership;"
    "act: act; law: law; agreement: agreement agreements accord accords; treaty: treaty; doctrine: doctrine;"
    "policy: policy; meeting: summit ministerial talks meeting dialogue; conference: conference symposium seminar;"
    "exercise: exercise; war: war; event: revolution crisis uprising earthquake; intervention: invasion intervention;"
    "attack: massacre attacks; base: base barracks arsenal airfield station"
)
"""Folded head nouns of English names → the rule that types them."""

SPANISH_HEADS: dict[str, str] = _table(
    "ministry: secretaria ministerio; office: procuraduria fiscalia oficina direccion; council: comision consejo junta;"
    "institute: instituto; center: centro; school: escuela colegio universidad academia; army: ejercito;"
    "navy: armada; force: fuerza fuerzas; guard: guardia; police: policia; staff: estado; party: partido;"
    "command: comando; corps: cuerpo; agency: agencia; service: servicio; cartel: cartel; unit: escuadron escuadrilla "
    "batallon regimiento brigada; legislature: camara senado congreso; program: programa iniciativa;"
    "strategy: estrategia; law: ley; agreement: acuerdo; treaty: tratado; meeting: cumbre reunion;"
    "conference: conferencia; war: guerra; event: revolucion; battle: batalla; base: base campo"
)
"""Folded heads that open a Spanish name ("Secretaría de …", "Ejército Mexicano")."""

SPANISH_ADJECTIVES = frozenset(
    "nacional federal mexicana mexicano mexicanos mexicanas publica general superior presidencial militar militares "
    "naval navales aerea aereas armada armadas especial especiales interior exterior exteriores electoral ciudadana "
    "preventiva ministerial estatal municipal institucional revolucionario revolucionaria democratica conjunto mayor "
    "americana americanas interamericana internacional politica civil permanente regional heroico heroica".split()
)
"""Adjectives of Spanish institutional names: "Policía Federal", "Fuerza Aérea Mexicana", "Estado Mayor"."""

PREFIX_HEADS: dict[str, str] = _table(
    "operation: operation operacion operativo; exercise: exercise ejercicio; disaster: hurricane huracan;"
    "installation: fort camp; plan: plan"
)
"""Heads written before a designation: "Operation …", "Exercise …", "Fort …", "Plan …"."""

_GENERIC_MODIFIERS = frozenset(
    "annual inaugural bilateral trilateral multilateral first second third regular general plenary joint special "
    "staff peace high-level high level senior executive working national international public foreign domestic "
    "economic security defense defence social trade drug immigration federal state local new current future "
    "common martial civil total global regional planning technical final performing sponsoring monitoring reporting "
    "controlling funding issuing originating combatant geographic geographical unified component service functional "
    "major subordinate related training assistance cooperation education exchange".split()
)
"""Modifiers that leave a general head general ("Annual Meeting", "Foreign Policy", "Federal Law")."""

_COMBATANT = frozenset(
    "northern southern central european pacific indo-pacific africa special strategic "
    "transportation cyber space".split()
)


def is_head(word: str) -> bool:
    """The folded word heads English names."""
    return word in HEAD_FINAL


def _has(words: Sequence[str], cues: frozenset[str]) -> bool:
    return any(w in cues for w in words)


def _ordinal(words: Sequence[str]) -> bool:
    return any(w in ORDINAL_WORDS or (w[:1].isdigit() and w[-2:] in ("st", "nd", "rd", "th")) for w in words) or any(
        w in ROMAN_NUMERALS and w not in ("i", "v", "x") for w in words
    )


def _specific(modifiers: Sequence[str]) -> bool:
    """At least one modifier is not a general word."""
    return any(w not in _GENERIC_MODIFIERS for w in modifiers)


def classify(words: Sequence[str], head: int, spanish: bool = False) -> Typed | None:
    """Type a name given its folded words and the index of its head.

    ``words[:head]`` are the modifiers, ``words[head + 1:]`` the complement
    or, for Spanish and prefix names, the designation.

    >>> classify("52nd airlift wing".split(), 2)
    Typed(kind='institution', type='MilitaryUnit')
    >>> classify("office of naval coordination".split(), 0)
    Typed(kind='institution', type='GovernmentAgency')
    >>> classify("annual meeting".split(), 1) is None
    True
    """
    table = SPANISH_HEADS if spanish else HEAD_FINAL
    rule = table.get(words[head])
    if rule is None:
        return None
    modifiers, rest = list(words[:head]), list(words[head + 1 :])
    every = list(words)
    if not modifiers and not rest:
        return None
    handler = _RULES.get(rule)
    return handler(words[head], modifiers, rest, every, spanish) if handler else None


def _inst(kind: str) -> Typed:
    return Typed("institution", kind)


def _command(head: str, mods: list[str], rest: list[str], every: list[str], spanish: bool) -> Typed | None:
    if not spanish and not _specific(mods) and not rest:
        return None
    if mods[-1:] and mods[-1] in _COMBATANT and _has(mods, frozenset({"u.s", "us", "united", "states"})):
        return _inst("CombatantCommand")
    return _inst("MilitaryOrganization")


def _force(head: str, mods: list[str], rest: list[str], every: list[str], spanish: bool) -> Typed | None:
    if spanish:
        return (
            _inst("ArmedService")
            if "aerea" in rest and _has(rest, DEMONYMS)
            else (
                _inst("MilitaryOrganization")
                if rest and (rest[0] in SPANISH_ADJECTIVES or rest[0] in ("de", "del"))
                else None
            )
        )
    previous = mods[-1] if mods else ""
    if previous == "task":
        return _inst("MilitaryUnit")
    if _ordinal(mods):
        return _inst("MilitaryUnit")
    if previous == "air" and head == "force":
        return (
            _inst("ArmedService")
            if _has(mods[:-1], DEMONYMS)
            else (_inst("MilitaryOrganization") if len(mods) > 1 else None)
        )
    if rest[:1] and rest[0] in DIRECTIONS:
        return _inst("MilitaryUnit")
    if previous in (
        "armed",
        "air",
        "special",
        "naval",
        "marine",
        "security",
        "defense",
        "self-defense",
        "coalition",
        "ground",
        "land",
        "army",
        "operations",
        "reaction",
        "response",
    ):
        return _inst("MilitaryOrganization") if len(mods) > 1 else None
    return None


def _army(head: str, mods: list[str], rest: list[str], every: list[str], spanish: bool) -> Typed | None:
    if _ordinal(mods) or (rest[:1] and rest[0] in DIRECTIONS):
        return _inst("MilitaryUnit")
    if _has(every, NON_STATE_CUES):
        return _inst("NonStateArmedGroup")
    if _has(mods, DEMONYMS) or (spanish and _has(rest, DEMONYMS)):
        return _inst("ArmedService")
    return _inst("MilitaryOrganization") if spanish and rest and rest[0] in ("de", "del") else None


def _corps(head: str, mods: list[str], rest: list[str], every: list[str], spanish: bool) -> Typed | None:
    if "peace" in mods:
        return _inst("GovernmentAgency")
    if _ordinal(mods):
        return _inst("MilitaryUnit")
    if "marine" in mods and _has(mods, DEMONYMS):
        return _inst("ArmedService")
    return _inst("MilitaryOrganization")


def _guard(head: str, mods: list[str], rest: list[str], every: list[str], spanish: bool) -> Typed | None:
    if "coast" in mods and _has(mods, DEMONYMS):
        return _inst("ArmedService")
    if spanish and not (rest and (rest[0] in SPANISH_ADJECTIVES or rest[0] in ("de", "del"))):
        return None
    return _inst("MilitaryOrganization")


def _staff(head: str, mods: list[str], rest: list[str], every: list[str], spanish: bool) -> Typed | None:
    if spanish:
        return _inst("MilitaryOrganization") if rest[:1] == ["mayor"] else None
    service = {"joint", "army", "air", "navy", "naval", "presidential", "marine", "combined", "force"}
    return _inst("MilitaryOrganization") if _has(mods, frozenset(service)) or len(mods) > 1 else None


def _reserve(head: str, mods: list[str], rest: list[str], every: list[str], spanish: bool) -> Typed | None:
    if mods[-1:] == ["federal"]:
        return _inst("GovernmentAgency")
    return (
        _inst("MilitaryOrganization")
        if _has(mods, frozenset({"army", "navy", "naval", "force", "corps", "guard"}))
        else None
    )


def _unit(head: str, mods: list[str], rest: list[str], every: list[str], spanish: bool) -> Typed | None:
    if spanish and not rest:
        return None
    return _inst("MilitaryUnit")


def _group(head: str, mods: list[str], rest: list[str], every: list[str], spanish: bool) -> Typed | None:
    if _ordinal(mods) or _has(mods, MILITARY_CUES - {"security", "support", "mission", "training", "joint"}):
        return _inst("MilitaryUnit")
    if "working" in mods or "contact" in mods:
        return _inst("Institution")
    return _inst("Institution")


def _cued(every: list[str], default: str = "Institution") -> Typed:
    if _has(every, INTERNATIONAL_CUES):
        return _inst("InternationalOrganization")
    if _has(every, GOVERNMENT_CUES):
        return _inst("GovernmentAgency")
    return _inst(default)


def _service(head: str, mods: list[str], rest: list[str], every: list[str], spanish: bool) -> Typed | None:
    return _cued(every)


def _department(head: str, mods: list[str], rest: list[str], every: list[str], spanish: bool) -> Typed | None:
    if rest:
        return (
            _inst("Institution")
            if rest[-1] in ACADEMIC_SUBJECTS and "homeland" not in rest
            else _inst("GovernmentAgency")
        )
    cabinet = {"defense", "defence", "state", "justice", "treasury", "war", "navy", "army", "police", "fire", "sheriff",
               "homeland", "commerce", "labor", "energy", "interior", "agriculture", "transportation"}
    return _inst("GovernmentAgency") if _has(mods, frozenset(cabinet)) else _inst("Institution")


def _office(head: str, mods: list[str], rest: list[str], every: list[str], spanish: bool) -> Typed | None:
    if (mods[-1:] and mods[-1] in ("oval", "post", "box", "front", "home", "head", "ticket")) or not (
        _specific(mods) or rest
    ):
        return None
    if spanish:
        return (
            _inst("GovernmentAgency")
            if rest[:1] and (rest[0] in SPANISH_ADJECTIVES or rest[0] in ("de", "del"))
            else None
        )
    return (
        _cued(every)
        if not rest
        else _inst("GovernmentAgency")
        if _has(every, GOVERNMENT_CUES)
        else _inst("Institution")
    )


def _agency(head: str, mods: list[str], rest: list[str], every: list[str], spanish: bool) -> Typed | None:
    if not _specific(mods) and not rest:
        return None
    return _inst("InternationalOrganization") if _has(every, INTERNATIONAL_CUES) else _inst("GovernmentAgency")


def _administration(head: str, mods: list[str], rest: list[str], every: list[str], spanish: bool) -> Typed | None:
    if len(mods) < 2 and not _has(mods, GOVERNMENT_CUES) and not rest:
        return None  # "the Bush Administration": a president's government, not an agency
    return _inst("GovernmentAgency")


def _ministry(head: str, mods: list[str], rest: list[str], every: list[str], spanish: bool) -> Typed | None:
    allowed = DEMONYMS | GOVERNMENT_CUES | {"foreign", "finance", "naval", "navy", "war", "interior", "health"}
    if not rest and not (mods and all(w in allowed for w in mods)):
        return None
    return _inst("Ministry")


def _directorate(head: str, mods: list[str], rest: list[str], every: list[str], spanish: bool) -> Typed | None:
    return _cued(every)


def _center(head: str, mods: list[str], rest: list[str], every: list[str], spanish: bool) -> Typed | None:
    if _has(every, RESEARCH_CUES):
        return _inst("ResearchOrganization")
    if _has(
        every, frozenset({"military", "army", "navy", "naval", "joint", "operations", "warfare", "combat", "militar"})
    ):
        return _inst("MilitaryOrganization")
    return _cued(every)


def _institute(head: str, mods: list[str], rest: list[str], every: list[str], spanish: bool) -> Typed | None:
    if _has(every, RESEARCH_CUES):
        return _inst("ResearchOrganization")
    if _has(every, frozenset({"technology", "polytechnic", "tecnologico", "politecnico", "education"})):
        return _inst("MilitarySchool") if _has(every, MILITARY_CUES) else _inst("EducationalInstitution")
    if _has(every, frozenset({"national", "federal", "nacional"})):
        return _inst("GovernmentAgency")
    return _inst("Institution")


def _school(head: str, mods: list[str], rest: list[str], every: list[str], spanish: bool) -> Typed | None:
    if head == "academy" and rest[:1] == ["of"] and "sciences" in rest:
        return _inst("Institution")
    military = MILITARY_CUES - {"security", "support", "mission", "training", "medical", "logistics", "maintenance"}
    return _inst("MilitarySchool") if _has(every, military) else _inst("EducationalInstitution")


def _council(head: str, mods: list[str], rest: list[str], every: list[str], spanish: bool) -> Typed | None:
    if head == "committee" and _has(every, frozenset({"senate", "house", "congressional", "legislative"})):
        return _inst("Legislature")
    if _has(every, INTERNATIONAL_CUES):
        return _inst("InternationalOrganization")
    opening = (rest[:1] if spanish else mods[:1]) or [""]
    if opening[0] in DEMONYMS | {"federal", "national", "nacional", "presidential", "state", "joint", "congressional"}:
        return _inst("GovernmentAgency")
    return _inst("Institution")  # "Council on Foreign Relations": not every council is a government's


def _legislature(head: str, mods: list[str], rest: list[str], every: list[str], spanish: bool) -> Typed | None:
    if _has(
        every, frozenset({"internacional", "international", "mundial", "world", "interamericano", "latinoamericano"})
    ):
        return Typed(
            "event", "Conference"
        )  # "Congreso Internacional de …": a congress that meets, not one that legislates
    return _inst("Legislature")


def _party(head: str, mods: list[str], rest: list[str], every: list[str], spanish: bool) -> Typed | None:
    return _inst("PoliticalParty") if "working" not in mods and "tea" not in mods else None


def _police(head: str, mods: list[str], rest: list[str], every: list[str], spanish: bool) -> Typed | None:
    return _inst("MilitaryOrganization") if "military" in every or "militar" in every else _inst("GovernmentAgency")


def _organization(head: str, mods: list[str], rest: list[str], every: list[str], spanish: bool) -> Typed | None:
    if not _specific(mods) and not rest:
        return None
    if _has(mods, frozenset({"criminal", "trafficking", "terrorist", "nongovernmental", "non-governmental"})):
        return None  # "Transnational Criminal Organization": a kind of group, not a name
    return _inst("InternationalOrganization") if _has(every, INTERNATIONAL_CUES) else _inst("Institution")


def _association(head: str, mods: list[str], rest: list[str], every: list[str], spanish: bool) -> Typed | None:
    return None if head == "federation" and _has(mods, DEMONYMS) else _inst("Institution")


def _museum(head: str, mods: list[str], rest: list[str], every: list[str], spanish: bool) -> Typed | None:
    return _inst("GovernmentAgency") if head == "archives" and "national" in mods else _inst("Institution")


def _program(head: str, mods: list[str], rest: list[str], every: list[str], spanish: bool) -> Typed | None:
    if not _specific(mods) and not rest:
        return None
    if _has(every, frozenset({"education", "training", "exchange", "educacion"})):
        return Typed("program", "EducationAndTrainingProgram")
    return Typed("program", "Program")


Rule = Callable[[str, list[str], list[str], list[str], bool], "Typed | None"]


def _policy_rule(kind: str) -> Rule:
    def rule(head: str, mods: list[str], rest: list[str], every: list[str], spanish: bool) -> Typed | None:
        if not rest and not any(w not in _GENERIC_MODIFIERS and w not in DEMONYMS for w in mods):
            return None  # "U.S. Foreign Policy": a subject, not a named policy
        return Typed("policy", kind)

    return rule


def _event_rule(kind: str, needs_specific: bool = True) -> Rule:
    def rule(head: str, mods: list[str], rest: list[str], every: list[str], spanish: bool) -> Typed | None:
        if needs_specific and not _specific(mods) and not rest:
            return None
        if head == "talks" and len(mods) < 2 and not rest:
            return None
        return Typed("event", kind)

    return rule


def _base(head: str, mods: list[str], rest: list[str], every: list[str], spanish: bool) -> Typed | None:
    if spanish:
        military = {"aerea", "naval", "militar", "aeronaval"}
        return Typed("place", "MilitaryInstallation") if rest and rest[0] in military else None
    if head == "station" and not _has(mods, frozenset({"air", "naval", "marine", "coast"})):
        return None
    generic = {
        "air",
        "naval",
        "marine",
        "joint",
        "army",
        "force",
        "military",
        "logistics",
        "submarine",
        "coast",
        "guard",
    }
    if not rest and not any(w not in generic for w in mods):
        return None  # "an air base": a kind of place, not a name
    if head == "base" and not (_has(mods, frozenset(generic)) or rest):
        return None
    return Typed("place", "MilitaryInstallation")


def _constant(kind: str) -> Rule:
    def rule(head: str, mods: list[str], rest: list[str], every: list[str], spanish: bool) -> Typed | None:
        return _inst(kind)

    return rule


_RULES: dict[str, Rule] = {
    "command": _command,
    "force": _force,
    "army": _army,
    "navy": _army,
    "corps": _corps,
    "guard": _guard,
    "staff": _staff,
    "reserve": _reserve,
    "unit": _unit,
    "group": _group,
    "service": _service,
    "department": _department,
    "office": _office,
    "agency": _agency,
    "bureau": _constant("GovernmentAgency"),
    "administration": _administration,
    "ministry": _ministry,
    "directorate": _directorate,
    "center": _center,
    "institute": _institute,
    "school": _school,
    "council": _council,
    "legislature": _legislature,
    "party": _party,
    "police": _police,
    "embassy": _police,
    "cartel": _constant("NonStateArmedGroup"),
    "organization": _organization,
    "association": _association,
    "company": _constant("Company"),
    "museum": _museum,
    "press": _constant("Institution"),
    "laboratory": _constant("ResearchOrganization"),
    "program": _program,
    "strategy": _policy_rule("Strategy"),
    "framework": _policy_rule("Policy"),
    "act": _policy_rule("Law"),
    "law": _policy_rule("Law"),
    "agreement": _policy_rule("Agreement"),
    "treaty": _policy_rule("Treaty"),
    "doctrine": _policy_rule("Doctrine"),
    "policy": _policy_rule("Policy"),
    "meeting": _event_rule("Meeting"),
    "conference": _event_rule("Conference"),
    "exercise": _event_rule("Exercise"),
    "war": _event_rule("War"),
    "event": _event_rule("Event"),
    "intervention": _event_rule("MilitaryIntervention"),
    "attack": _event_rule("Attack"),
    "battle": _event_rule("Battle", False),
    "base": _base,
}
"""Head rule → function(head, modifiers, complement, all words, spanish) → :class:`Typed` or None."""
