"""Namespaces, prefixes and deterministic IRI minting.

IRIs are minted from stable keys (normalised labels, content hashes), never
from counters or random UUIDs, so the same inputs always give the same graph
(DESIGN.md: deterministic output).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from anyascii import anyascii
from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

BASE = "https://w3id.org/usmx-kg/"
ONTOLOGY_IRI = BASE + "ontology"


class USMX(DefinedNamespace):
    """The ontology's terms, closed: a misspelt term raises on first use, and a
    test fails when this list and ``ontology/usmx.ttl`` drift apart."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # classes
    AdministrativeDivision: URIRef
    Administration: URIRef
    Agreement: URIRef
    AgreementSigning: URIRef
    ArmedService: URIRef
    Assertion: URIRef
    Attack: URIRef
    Battle: URIRef
    BlogPost: URIRef
    Book: URIRef
    BookChapter: URIRef
    CatalogRecord: URIRef
    City: URIRef
    Claim: URIRef
    CombatantCommand: URIRef
    Company: URIRef
    Conference: URIRef
    Country: URIRef
    Disaster: URIRef
    Doctrine: URIRef
    Document: URIRef
    EducationAndTrainingProgram: URIRef
    EducationalInstitution: URIRef
    Election: URIRef
    Establishment: URIRef
    Event: URIRef
    Exercise: URIRef
    Finding: URIRef
    FundingAccount: URIRef
    FundingStatement: URIRef
    GovernmentAgency: URIRef
    GovernmentDocument: URIRef
    Hypothesis: URIRef
    Institution: URIRef
    InternationalOrganization: URIRef
    JournalArticle: URIRef
    Law: URIRef
    Legislature: URIRef
    Meeting: URIRef
    MilitaryInstallation: URIRef
    MilitaryIntervention: URIRef
    MilitaryOrganization: URIRef
    MilitarySchool: URIRef
    MilitaryUnit: URIRef
    Ministry: URIRef
    NewsArticle: URIRef
    NonStateArmedGroup: URIRef
    Operation: URIRef
    Person: URIRef
    Place: URIRef
    Policy: URIRef
    PolicyRecommendation: URIRef
    PoliticalParty: URIRef
    Program: URIRef
    Quotation: URIRef
    Recommendation: URIRef
    Region: URIRef
    Report: URIRef
    ResearchOrganization: URIRef
    ResearchQuestion: URIRef
    River: URIRef
    SecurityAssistanceProgram: URIRef
    Strategy: URIRef
    TextEvidence: URIRef
    Thesis: URIRef
    TotalsCheck: URIRef
    Treaty: URIRef
    War: URIRef
    WebPage: URIRef
    # object properties
    about: URIRef
    account: URIRef
    administeredBy: URIRef
    advisor: URIRef
    affiliation: URIRef
    beneficiary: URIRef
    checkedTotal: URIRef
    claimType: URIRef
    contradicts: URIRef
    cooperationKind: URIRef
    country: URIRef
    degreeGrantor: URIRef
    department: URIRef
    departmentChair: URIRef
    establishedEntity: URIRef
    evidence: URIRef
    fundedBy: URIRef
    fundedThrough: URIRef
    funder: URIRef
    fundingLaw: URIRef
    hasSubOrganization: URIRef
    hasTime: URIRef
    implementedBy: URIRef
    issuedBy: URIRef
    legalAuthority: URIRef
    observationStatus: URIRef
    partOfEvent: URIRef
    participant: URIRef
    party: URIRef
    place: URIRef
    program: URIRef
    recipient: URIRef
    recommendedTo: URIRef
    relatedClaim: URIRef
    secondReader: URIRef
    sourcedBy: URIRef
    signedAgreement: URIRef
    speaker: URIRef
    subOrganizationOf: URIRef
    summedCell: URIRef
    supports: URIRef
    unit: URIRef
    # datatype properties
    amount: URIRef
    appropriation: URIRef
    approximate: URIRef
    cellNote: URIRef
    columnHeading: URIRef
    computedSum: URIRef
    count: URIRef
    degree: URIRef
    distributionStatement: URIRef
    fiscalYear: URIRef
    fundingStage: URIRef
    hedge: URIRef
    inSection: URIRef
    jobTitle: URIRef
    judgement: URIRef
    noteMark: URIRef
    pageCount: URIRef
    percentage: URIRef
    priorDegree: URIRef
    publicLawNumber: URIRef
    rank: URIRef
    recommendedAction: URIRef
    reportType: URIRef
    rowHeading: URIRef
    rule: URIRef
    statedTotal: URIRef
    studentCount: URIRef
    subjectTerm: URIRef
    totalsAgree: URIRef
    # annotation properties
    acronym: URIRef


ID = Namespace(BASE + "id/")
GRAPH = Namespace(BASE + "graph/")
VOCAB = Namespace(BASE + "vocab/")

SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
CITO = Namespace("http://purl.org/spar/cito/")
BIBO = Namespace("http://purl.org/ontology/bibo/")
QB = Namespace("http://purl.org/linked-data/cube#")
ORG = Namespace("http://www.w3.org/ns/org#")
DCMITYPE = Namespace("http://purl.org/dc/dcmitype/")
WD = Namespace("http://www.wikidata.org/entity/")
DBR = Namespace("http://dbpedia.org/resource/")
GEONAMES = Namespace("https://sws.geonames.org/")

PREFIXES: dict[str, str] = {
    "usmx": str(USMX),
    "id": str(ID),
    "graph": str(GRAPH),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "foaf": str(FOAF),
    "prov": str(PROV),
    "schema": str(SCHEMA),
    "oa": str(OA),
    "cito": str(CITO),
    "bibo": str(BIBO),
    "qb": str(QB),
    "org": str(ORG),
    "dcmitype": str(DCMITYPE),
    "wd": str(WD),
    "dbr": str(DBR),
}
"""Prefixes written into Turtle/TriG output and declared by the query pack."""

ONTOLOGY_GRAPH = GRAPH["ontology"]
REFERENCE_GRAPH = GRAPH["reference"]
LINKS_GRAPH = GRAPH["links"]

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower-case, accent-free, punctuation-free form used to compare labels.

    >>> fold("Secretaría de la  Defensa Nacional")
    'secretaria de la defensa nacional'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c))
    if not ascii_only.isascii():
        ascii_only = "".join(c if c.isascii() or not c.isalnum() else _transliterate(c) for c in ascii_only)
    return _NON_ALNUM.sub(" ", ascii_only.lower()).strip()


_WORD_PER_CHARACTER = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "YI ")
"""Scripts written without spaces between words: each character's transliteration is a word of its own."""


def _transliterate(char: str) -> str:
    """A letter or digit outside ASCII in ASCII: its romanisation, else its code point.

    Titles and names in Cyrillic, Greek, Arabic or Chinese would otherwise fold
    to nothing and mint one IRI for all of them. The romanisation is
    ``anyascii``'s (BGN/PCGN-like for Cyrillic, pinyin without tones for Han);
    a letter it gives no letters for (Hebrew aleph) keeps its code point, so
    distinct labels stay distinct.

    >>> fold("Привет, мир"), fold("中文"), fold("א")
    ('privet mir', 'zhong wen', 'u05d0')
    """
    roman = anyascii(char)
    if not any(c.isalnum() for c in roman):
        return f" u{ord(char):04x} "
    return f" {roman} " if unicodedata.name(char, "").startswith(_WORD_PER_CHARACTER) else roman


def slug(text: str, max_words: int = 12) -> str:
    """IRI-safe local name from a label: folded words joined by hyphens.

    >>> slug("Mexican–American War")
    'mexican-american-war'
    """
    return "-".join(fold(text).split()[:max_words])


def short_hash(*parts: str, length: int = 8) -> str:
    """A short stable digest of folded key parts, to keep minted IRIs unique."""
    key = "\x1f".join(fold(p) or p for p in parts)  # a label of symbols alone is its own key
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:length]


def source_iri(doc_id: str) -> str:
    """The source text of one input file (what evidence offsets index)."""
    return f"{ID}source/{doc_id}"


def source_graph(doc_id: str) -> str:
    """The named graph holding everything read from one input file."""
    return f"{GRAPH}source/{doc_id}"


def document_iri(title: str, creator_family_name: str = "") -> str:
    """A work, keyed by its folded title and first creator's family name.

    The key ignores case, accents and punctuation so a catalogue record and
    the full text of the same thesis mint the same IRI.

    >>> document_iri("The U.S. and Mexico : trading partners", "Garza") == \\
    ...     document_iri("THE U.S. AND MEXICO: TRADING PARTNERS", "GARZA")
    True
    """
    return f"{ID}document/{slug(title, 8)}-{short_hash(title, creator_family_name)}"


def entity_iri(kind: str, label: str) -> str:
    """An entity (person, institution, place, …) keyed by its folded label."""
    return f"{ID}{kind}/{slug(label) or 'x-' + short_hash(label, length=12)}"
