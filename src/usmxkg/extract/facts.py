"""The Facts contract: what extraction finds in one document, as typed records with spans.

Extraction (``usmxkg.extract``) is pure: a :class:`~usmxkg.document.Document`
and the reference lexicon in, :class:`Facts` out. Facts carry no IRIs and no
RDF terms: an entity is named by an :class:`Entity` (its kind, a stable key
and its label), and ``usmxkg.graph`` mints IRIs and writes quads from them
(DESIGN.md: readers → extract → graph, one direction). Every fact keeps the
:class:`~usmxkg.document.Span` it was read from, so the graph can give its
evidence down to the character.

Vocabulary: kinds of claim, event, policy and program are ``usmx:`` class
local names (the closed sets below), so a fact's type is checked here and the
graph only looks it up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from usmxkg.document import Span

if TYPE_CHECKING:  # records of the modules that find them; annotations only, so no import cycle
    from usmxkg.extract.citations import Citation
    from usmxkg.extract.mentions import NamedEntity, Subject
    from usmxkg.extract.metadata import Metadata

ENTITY_KINDS = frozenset({"person", "institution", "place", "program", "policy", "event", "concept"})
"""The IRI kind segments of entities (``…/id/{kind}/{key}``), as in ``data/reference/README.md``."""

CLAIM_TYPES = frozenset({"ResearchQuestion", "Hypothesis", "Finding", "Recommendation", "Assertion", "Quotation"})
"""Subclasses of ``usmx:Claim`` a claim can have."""

EVENT_TYPES = frozenset({
    "Event", "War", "Battle", "MilitaryIntervention", "Attack", "Operation", "Exercise", "Meeting", "Conference",
    "AgreementSigning", "Establishment", "Election", "Disaster", "Administration",
})
"""Subclasses of ``usmx:Event`` an event can have."""

POLICY_TYPES = frozenset({"Policy", "Law", "Agreement", "Treaty", "Doctrine", "Strategy", "PolicyRecommendation"})
PROGRAM_TYPES = frozenset({"Program", "SecurityAssistanceProgram", "EducationAndTrainingProgram", "FundingAccount"})
"""Subclasses of ``usmx:Policy`` and ``usmx:Program``."""

DATE_TYPES = frozenset({"date", "gYearMonth", "gYear"})
"""XSD datatypes of dates at the precision a source states them."""


@dataclass(frozen=True, slots=True)
class Entity:
    """Something a fact names: a person, institution, place, program, policy, event or concept.

    ``key`` identifies it within its kind: the slug of a reference entity
    (``naval-postgraduate-school``) when the lexicon knows the name, else the
    folded label, so the same name meets itself across documents.
    ``type`` is the most specific ``usmx:`` class local name known
    (``MilitaryUnit``, ``Person``, …). ``reference`` is set when the key is a
    reference entity's.
    """

    kind: str
    key: str
    label: str
    type: str
    reference: bool = False

    def __post_init__(self) -> None:
        if self.kind not in ENTITY_KINDS:
            raise ValueError(f"unknown entity kind {self.kind!r}")


@dataclass(frozen=True, slots=True)
class DateValue:
    """A date at the precision stated: its XSD lexical form and datatype (``date``, ``gYearMonth``, ``gYear``)."""

    lexical: str
    datatype: str

    def __post_init__(self) -> None:
        if self.datatype not in DATE_TYPES:
            raise ValueError(f"unknown date datatype {self.datatype!r}")


@dataclass(frozen=True, slots=True)
class Quotation:
    """Direct speech: the quoted words, who said them, and where the quote is sourced.

    ``speaker`` is a person or an organisation (None when the text does not
    say); ``speaker_evidence`` the words naming the speaker; ``note`` the
    number of the footnote that sources the quote in a thesis; ``pieces``
    the parts of ``text`` that are running text (without the notes that
    interrupt it); ``date`` the release date of a news or web page.
    """

    text: Span
    speaker: Entity | None = None
    speaker_evidence: Span | None = None
    note: int | None = None
    lang: str | None = None
    pieces: tuple[Span, ...] = ()
    date: DateValue | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """A statement a document makes or reports: a research question, hypothesis, finding, recommendation or assertion.

    ``claimant`` is None when the claim is the document's own (its authors
    are the claimant); ``about`` the entities named inside the sentence;
    ``hedge`` the hedging words where stated ("may", "likely"); ``judgement``
    how the document judges a hypothesis ("supported", "not supported",
    "partially supported"); for a recommendation ``addressed`` is the actor
    it is addressed to and ``action`` the recommended action as written;
    ``cue`` names the rule that found it (documented with the cue phrases);
    ``section`` the title of the section it is in; ``pieces`` the parts of
    ``text`` that are running text.
    """

    type: str
    text: Span
    claimant: Entity | None = None
    about: tuple[Entity, ...] = ()
    hedge: str | None = None
    judgement: str | None = None
    addressed: Entity | None = None
    action: str | None = None
    cue: str = ""
    section: str | None = None
    date: DateValue | None = None
    pieces: tuple[Span, ...] = ()

    def __post_init__(self) -> None:
        if self.type not in CLAIM_TYPES:
            raise ValueError(f"unknown claim type {self.type!r}")


@dataclass(frozen=True, slots=True)
class Event:
    """A dated event: what happened, its class, when (at the stated precision), who took part and where.

    ``entity`` names the event (its key makes the same event in several
    documents one IRI: a reference event's slug, or the folded name);
    ``evidence`` is the sentence or phrase that dates it. ``focus`` is what
    the event is about by its type: the institution or program established,
    the agreement signed, the person whose administration it is. ``when`` is
    the temporal expression as written; ``cue`` names the rule that found the
    event (see :mod:`usmxkg.extract.events`). ``part_of`` is the war a battle
    belongs to, when the same document dates both and the battle falls inside
    the war.
    """

    entity: Entity
    type: str
    evidence: Span
    start: DateValue | None = None
    end: DateValue | None = None
    participants: tuple[Entity, ...] = ()
    places: tuple[Entity, ...] = ()
    focus: Entity | None = None
    when: Span | None = None
    cue: str = ""
    part_of: Entity | None = None

    def __post_init__(self) -> None:
        if self.type not in EVENT_TYPES:
            raise ValueError(f"unknown event type {self.type!r}")


@dataclass(frozen=True, slots=True)
class Role:
    """Who stands in what relation to a program or policy, as the text states it ("funds", "manages", "implements")."""

    relation: str
    agent: Entity
    evidence: Span


@dataclass(frozen=True, slots=True)
class Initiative:
    """A law, policy, strategy, doctrine, agreement, program or appropriation account the document names.

    ``entity.kind`` is ``policy`` or ``program``; ``type`` the ``usmx:``
    class; ``number`` a public-law number ("110-252") where stated;
    ``authority`` the law a program is authorised or funded by, and
    ``accounts`` the appropriation accounts it is funded through, as the
    sentence states them.
    """

    entity: Entity
    type: str
    evidence: Span
    number: str | None = None
    roles: tuple[Role, ...] = ()
    authority: Entity | None = None
    accounts: tuple[Entity, ...] = ()

    def __post_init__(self) -> None:
        if self.type not in POLICY_TYPES | PROGRAM_TYPES:
            raise ValueError(f"unknown policy or program type {self.type!r}")


@dataclass(frozen=True, slots=True)
class Funding:
    """An amount of money stated for a program or account: how much, in what currency, which fiscal year, by whom.

    ``amount`` is in units of ``currency`` (ISO 4217: USD, MXN), the
    multiplier written out ("$1.4 billion" → 1400000000); ``written`` the
    amount as printed; ``approximate`` set for "about", "roughly", "more
    than"; ``stage`` the budget verb as stated (appropriated, requested,
    obligated, …); ``law`` the act or public law that provides it.
    """

    amount: Decimal
    currency: str
    evidence: Span
    program: Entity | None = None
    account: Entity | None = None
    fiscal_year: str | None = None
    funder: Entity | None = None
    recipient: Entity | None = None
    written: Span | None = None
    approximate: bool = False
    stage: str | None = None
    law: Entity | None = None


@dataclass(frozen=True, slots=True)
class Observation:
    """One cell of a table: its value, the row and column it belongs to, its unit and note marks.

    ``value`` is None for a cell that states no number ("Not applicable",
    ``status``); ``measure`` is the ``usmx:`` measure (amount, studentCount,
    percentage); ``unit`` a concept of the unit scheme (``million-us-dollars``);
    ``notes`` the table notes the cell's marks refer to; ``total`` marks a
    stated total; the remaining fields are the dimensions the headings name.
    """

    value: Decimal | None
    evidence: Span
    row: str
    column: str
    unit: str | None = None
    marks: tuple[str, ...] = ()
    measure: str = "amount"
    status: str | None = None
    notes: tuple[Span, ...] = ()
    total: bool = False
    fiscal_year: str | None = None
    appropriation: str | None = None
    account: Entity | None = None
    program: Entity | None = None
    recipient: Entity | None = None


@dataclass(frozen=True, slots=True)
class TableCheck:
    """A stated total compared with the sum of the cells it totals; ``holds`` False records a mismatch."""

    total: Observation
    summed: Decimal
    holds: bool
    cells: tuple[Observation, ...] = ()


@dataclass(frozen=True, slots=True)
class TableFacts:
    """A numeric table as a dataset: its label, caption, dimensions, observations and totals checks.

    ``index`` is the table's place among the document's tables (its IRI key).
    """

    index: int
    label: str
    caption: Span | None
    row_dimension: str
    column_dimension: str
    observations: tuple[Observation, ...] = ()
    checks: tuple[TableCheck, ...] = ()
    unit: str | None = None
    notes: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class ClaimLink:
    """A relation between claims of different documents, and the documented rule that made it."""

    relation: str  # "related", "supports", "contradicts"
    subject: tuple[str, int, int]
    object: tuple[str, int, int]
    rule: str


@dataclass(frozen=True, slots=True)
class EntityMention:
    """A reference entity (or one the document's own acronyms define) named in running text, and the words."""

    entity: Entity
    evidence: Span


@dataclass(frozen=True, slots=True)
class DefinedOrganisation:
    """An organisation the reference data lacks, defined by the document's (acronym, long form) pair."""

    entity: Entity
    acronym: str
    evidence: Span
    """The definition: the list-of-acronyms row, or "Long Form (LF)" in the text."""


@dataclass(frozen=True, slots=True)
class Acronym:
    """An acronym the document defines and what it names: an entity, or a concept of its own (``kind`` concept)."""

    short: str
    long: str
    evidence: Span
    holder: Entity


@dataclass(frozen=True, slots=True)
class CitedWork:
    """A work a note or bibliography entry cites, with what the extractor decided about its description.

    ``key`` is the bibliographic key shared with works read from sources
    (:func:`usmxkg.extract.metadata.work_key`); ``creators`` the persons or
    organisations its authors are; ``date`` its year; ``publishers`` the
    publishing bodies a "Place: Publisher" statement names.
    """

    citation: Citation
    key: tuple[str, str]
    creators: tuple[Entity, ...] = ()
    date: DateValue | None = None
    publishers: tuple[str, ...] = ()


@dataclass(slots=True)
class Facts:
    """Everything extracted from one document (frozen records; the container is filled once, then read).

    ``mentions``, ``names``, ``subjects``, ``organisations`` and ``acronyms``
    are found only with a reference lexicon; the rest needs none.
    """

    doc_id: str
    metadata: Metadata | None = None
    quotations: list[Quotation] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    initiatives: list[Initiative] = field(default_factory=list)
    funding: list[Funding] = field(default_factory=list)
    tables: list[TableFacts] = field(default_factory=list)
    creators: list[Entity] = field(default_factory=list)
    """The document's authors, persons or organisations (:func:`usmxkg.extract.agents.agent_entity`)."""
    citations: list[CitedWork] = field(default_factory=list)
    mentions: list[EntityMention] = field(default_factory=list)
    names: list[NamedEntity] = field(default_factory=list)
    """Names found in running text and the people it names (:func:`usmxkg.extract.mentions.document_entities`)."""
    subjects: list[Subject] = field(default_factory=list)
    organisations: list[DefinedOrganisation] = field(default_factory=list)
    acronyms: list[Acronym] = field(default_factory=list)
