"""Type blocking for reconciliation: which Wikidata classes fit which ontology classes.

A candidate must be an instance (``wdt:P31``) of one of the Wikidata classes
listed for the entity's class (or, failing a specific entry, for its kind:
the IRI segment ``institution``, ``person``, ``event``, ``place``). The lists
are the classes Wikidata uses for such items directly, since a public
endpoint cannot afford a ``wdt:P279*`` closure per candidate; a candidate of
an unlisted class is reported as a type mismatch and left for review, never
accepted. Extend a list when a reviewer finds a right candidate refused for
its class.
"""

from __future__ import annotations

ORGANISATION = frozenset({
    "Q43229",  # organization
    "Q327333",  # government agency
    "Q2659904",  # government organization
    "Q192350",  # ministry
    "Q176799",  # military unit
    "Q484652",  # international organization
    "Q245065",  # intergovernmental organization
    "Q7278",  # political party
    "Q4830453",  # business
    "Q783794",  # company
    "Q2385804",  # educational institution
    "Q3918",  # university
    "Q902104",  # private university
    "Q1664720",  # institute
    "Q31855",  # research institute
})

PERSON = frozenset({"Q5"})  # human

EVENT = frozenset({
    "Q198",  # war
    "Q178561",  # battle
    "Q1190554",  # occurrence
    "Q1656682",  # event
    "Q645883",  # military operation
    "Q2223653",  # terrorist attack
    "Q10931",  # revolution
    "Q831663",  # military campaign
    "Q8465",  # civil war
    "Q188055",  # siege
    "Q2001676",  # offensive
    "Q350604",  # armed conflict
    "Q1261499",  # naval battle
})

COUNTRY = frozenset({"Q6256", "Q3624078", "Q7275"})  # country, sovereign state, state
CITY = frozenset({"Q515", "Q1549591", "Q1637706", "Q200250", "Q1093829", "Q3957"})  # city kinds, town
REGION = frozenset({"Q107390", "Q15149663", "Q35657", "Q82794", "Q10864048"})  # states, region, 1st-level division
RIVER = frozenset({"Q4022"})
PLACE = COUNTRY | CITY | REGION | RIVER

BY_CLASS: dict[str, frozenset[str]] = {
    "Person": PERSON,
    "Country": COUNTRY,
    "City": CITY,
    "Region": REGION,
    "AdministrativeDivision": REGION,
    "River": RIVER,
    "War": frozenset({"Q198", "Q8465", "Q350604"}),
    "Battle": frozenset({"Q178561", "Q188055", "Q1261499", "Q2001676"}),
}
"""Ontology classes (local names) with a narrower block than their kind."""

BY_KIND: dict[str, frozenset[str]] = {
    "institution": ORGANISATION,
    "person": PERSON,
    "event": EVENT,
    "place": PLACE,
}
"""Kinds (IRI segments) that reconciliation covers and the Wikidata classes of each."""


def allowed_classes(kind: str, classes: frozenset[str]) -> frozenset[str]:
    """The Wikidata classes a candidate for an entity of ``kind`` and ``classes`` may have."""
    narrow = [BY_CLASS[c] for c in sorted(classes) if c in BY_CLASS]
    if narrow:
        return frozenset().union(*narrow)
    return BY_KIND.get(kind, frozenset())
