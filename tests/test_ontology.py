"""Checks of the OWL ontology, its SKOS vocabularies, quality checks and competency questions.

``ontology/usmx.ttl`` must be OWL 2 DL (https://www.w3.org/TR/owl2-syntax/), every class
satisfiable (HermiT through owlready2), every term labelled and defined; the
``ontology/checks/*-violation.rq`` queries must return no rows (and must be able to
return rows, which a deliberately broken ontology shows); every competency question in
``ontology/COMPETENCY.md`` must parse, run and use only defined terms.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import OWL, RDF, RDFS, SKOS, BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY_DIR = ROOT / "ontology"
USMX_TTL = ONTOLOGY_DIR / "usmx.ttl"
VOCABULARIES_TTL = ONTOLOGY_DIR / "vocabularies.ttl"
CHECKS = sorted((ONTOLOGY_DIR / "checks").glob("*-violation.rq"))
COMPETENCY_MD = ONTOLOGY_DIR / "COMPETENCY.md"
VERSION_PY = ROOT / "src" / "usmxkg" / "_version.py"

ONTOLOGY_IRI = URIRef("https://w3id.org/usmx-kg/ontology")
ONTOLOGY_GRAPH = URIRef("https://w3id.org/usmx-kg/graph/ontology")
USMX = Namespace("https://w3id.org/usmx-kg/ontology#")
VOCAB = "https://w3id.org/usmx-kg/vocab/"
VANN = Namespace("http://purl.org/vocab/vann/")
QB = Namespace("http://purl.org/linked-data/cube#")
OA = Namespace("http://www.w3.org/ns/oa#")
PROV = Namespace("http://www.w3.org/ns/prov#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # open namespace: pytest's collection probes attributes

TERM_KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
PROPERTY_KINDS = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


def _words(text: str) -> list[str]:
    """The whitespace-separated words of a block of names."""
    return text.split()


# Properties that need no declaration in OWL 2 (built into RDF, RDFS and OWL).
BUILT_IN_PROPERTIES = {
    RDF.type, RDF.first, RDF.rest, RDFS.label, RDFS.comment, RDFS.seeAlso, RDFS.isDefinedBy,
    RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range,
}  # fmt: skip

# The OWL 2 datatype map (https://www.w3.org/TR/owl2-syntax/#Datatype_Maps).
OWL2_DATATYPES = {RDF.PlainLiteral, RDF.XMLLiteral, RDFS.Literal, OWL.real, OWL.rational} | {
    XSD[name]
    for name in _words("""
        decimal integer nonNegativeInteger nonPositiveInteger positiveInteger negativeInteger long int
        short byte unsignedLong unsignedInt unsignedShort unsignedByte double float string
        normalizedString token language Name NCName NMTOKEN boolean hexBinary base64Binary anyURI
        dateTime dateTimeStamp
    """)
}

# The vocabulary contract (DESIGN.md, data/reference/README.md and the code rely on these).
CONTRACT_CLASSES = set(
    _words("""
    Institution Person Place Program Event Policy Claim Document TextEvidence
    GovernmentAgency MilitaryOrganization CombatantCommand ArmedService EducationalInstitution
    ResearchOrganization InternationalOrganization PoliticalParty Company NonStateArmedGroup
    Country City Region River
    SecurityAssistanceProgram EducationAndTrainingProgram FundingAccount
    War Battle MilitaryIntervention Meeting Establishment AgreementSigning
    Law Agreement Doctrine Strategy PolicyRecommendation
    ResearchQuestion Hypothesis Finding Recommendation Quotation Assertion
    Thesis NewsArticle BlogPost CatalogRecord Report Book JournalArticle WebPage
    """)
)
CONTRACT_PROPERTIES = {
    OWL.AnnotationProperty: {"acronym"},
    OWL.ObjectProperty: set(
        _words("""
        evidence about supports contradicts recommendedTo fundedBy administeredBy implementedBy
        legalAuthority beneficiary fundedThrough participant place hasTime subOrganizationOf
        hasSubOrganization country affiliation advisor secondReader departmentChair degreeGrantor
        department speaker claimType cooperationKind account recipient unit
        """)
    ),
    OWL.DatatypeProperty: set(
        _words("""
        recommendedAction rank jobTitle degree priorDegree distributionStatement pageCount reportType
        subjectTerm fiscalYear appropriation amount studentCount percentage
        """)
    ),
}

REQUIRED_ALIGNMENT_NAMESPACES = {
    "schema": "https://schema.org/",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "prov": "http://www.w3.org/ns/prov#",
    "bibo": "http://purl.org/ontology/bibo/",
    "cito": "http://purl.org/spar/cito/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "time": "http://www.w3.org/2006/time#",
    "oa": "http://www.w3.org/ns/oa#",
    "qb": "http://purl.org/linked-data/cube#",
    "dcat": "http://www.w3.org/ns/dcat#",
}

# A small ontology and vocabulary that breaks every quality check at least once.
BROKEN = """
@prefix ext:   <http://example.org/external#> .
@prefix owl:   <http://www.w3.org/2002/07/owl#> .
@prefix rdfs:  <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos:  <http://www.w3.org/2004/02/skos/core#> .
@prefix usmx:  <https://w3id.org/usmx-kg/ontology#> .
@prefix vb:    <https://w3id.org/usmx-kg/vocab/broken/> .
@prefix xsd:   <http://www.w3.org/2001/XMLSchema#> .

<https://w3id.org/usmx-kg/ontology> a owl:Ontology ;
    ext:note "an undeclared annotation property" .

usmx:Unlabelled a owl:Class ;
    rdfs:subClassOf usmx:Misspelt , ext:Undeclared .

usmx:Spanish a owl:Class ;
    rdfs:label "uno"@es , "dos"@es ;
    skos:definition "lower case and no full stop"@en .

usmx:Twin a owl:Class ;
    rdfs:label "twin"@en .

usmx:twin a owl:ObjectProperty ;
    rdfs:label "Twin"@en .

usmx:Padded a owl:Class ;
    rdfs:label " padded  label"@en .

usmx:punned a owl:ObjectProperty , owl:DatatypeProperty ;
    rdfs:range xsd:gYear .

ext:borrowed a owl:ObjectProperty ;
    rdfs:domain usmx:Twin .

<https://w3id.org/usmx-kg/vocab/broken> a skos:ConceptScheme ;
    skos:hasTopConcept vb:orphan .

vb:orphan a skos:Concept .

vb:a a skos:Concept ;
    skos:inScheme <https://w3id.org/usmx-kg/vocab/broken> ;
    skos:topConceptOf <https://w3id.org/usmx-kg/vocab/broken> ;
    skos:broader vb:b ;
    skos:prefLabel "same"@en , "other"@en ;
    skos:definition "A concept with two preferred labels in one language."@en .

vb:b a skos:Concept ;
    skos:inScheme <https://w3id.org/usmx-kg/vocab/other> ;
    skos:broader vb:a ;
    skos:prefLabel "b"@en ;
    skos:definition "A concept outside the scheme of its narrower concept."@en .

vb:c a skos:Concept ;
    skos:inScheme <https://w3id.org/usmx-kg/vocab/broken> ;
    skos:broader vb:a ;
    skos:prefLabel "SAME"@en ;
    skos:definition "A concept with the preferred label of another concept of its scheme."@en .
"""


# ---------------------------------------------------------------- fixtures and helpers


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(USMX_TTL, format="turtle")


@pytest.fixture(scope="module")
def vocabularies() -> Graph:
    return Graph().parse(VOCABULARIES_TTL, format="turtle")


@pytest.fixture(scope="module")
def combined(ontology: Graph, vocabularies: Graph) -> Graph:
    graph = Graph()
    graph += ontology
    graph += vocabularies
    return graph


@pytest.fixture(scope="module")
def broken() -> Graph:
    return Graph().parse(data=BROKEN, format="turtle")


def usmx_terms(graph: Graph) -> dict[URIRef, set[URIRef]]:
    """usmx IRIs declared as classes or properties, with their declared kinds."""
    terms: dict[URIRef, set[URIRef]] = defaultdict(set)
    for kind in TERM_KINDS:
        for term in graph.subjects(RDF.type, kind):
            if isinstance(term, URIRef) and str(term).startswith(str(USMX)):
                terms[term].add(kind)
    return terms


def declared_kinds(graph: Graph, term: URIRef) -> set[URIRef]:
    return {kind for kind in TERM_KINDS if (term, RDF.type, kind) in graph}


def list_members(graph: Graph, head: BNode) -> list:
    return list(Collection(graph, head))


def hermit_jar() -> Path:
    import owlready2

    return Path(owlready2.__file__).resolve().parent / "hermit" / "HermiT.jar"


def require_java() -> None:
    if shutil.which("java") is None:
        pytest.skip("java is not on PATH: the HermiT reasoner and the OWL API need a Java runtime")


# ---------------------------------------------------------------- syntax


@pytest.mark.parametrize("path", [USMX_TTL, VOCABULARIES_TTL], ids=lambda p: p.name)
def test_turtle_parses_with_rdflib_and_pyoxigraph_alike(path: Path) -> None:
    graph = Graph().parse(path, format="turtle")
    assert len(graph) > 0
    triples = list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE))
    store = pyoxigraph.Store()
    store.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(triples) == len(store) == len(graph)


# ---------------------------------------------------------------- header and contract


def test_header(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    version = ontology.value(ONTOLOGY_IRI, OWL.versionInfo)
    assert version is not None
    assert ontology.value(ONTOLOGY_IRI, OWL.versionIRI) == URIRef(f"{ONTOLOGY_IRI}/{version}")
    # dc:title (DC elements, an annotation property): dcterms:title is the data property of works
    for annotation in (URIRef("http://purl.org/dc/elements/1.1/title"), DCTERMS.description):
        values = list(ontology.objects(ONTOLOGY_IRI, annotation))
        assert any(isinstance(v, Literal) and v.language == "en" and len(v) > 10 for v in values), annotation
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.license) == URIRef(
        "https://creativecommons.org/licenses/by/4.0/"
    )
    assert str(ontology.value(ONTOLOGY_IRI, URIRef("http://purl.org/dc/elements/1.1/creator"))) == "usmxkg contributors"
    assert str(ontology.value(ONTOLOGY_IRI, VANN.preferredNamespacePrefix)) == "usmx"
    assert str(ontology.value(ONTOLOGY_IRI, VANN.preferredNamespaceUri)) == str(USMX)


def test_version_matches_package(ontology: Graph) -> None:
    match = re.search(r'__version__\s*=\s*"([^"]+)"', VERSION_PY.read_text(encoding="utf-8"))
    assert match, f"no __version__ in {VERSION_PY}"
    assert str(ontology.value(ONTOLOGY_IRI, OWL.versionInfo)) == match.group(1)


def test_contract_terms_are_declared(ontology: Graph) -> None:
    missing = sorted(name for name in CONTRACT_CLASSES if (USMX[name], RDF.type, OWL.Class) not in ontology)
    for kind, names in CONTRACT_PROPERTIES.items():
        missing += sorted(
            f"{name} ({kind.fragment})" for name in names if (USMX[name], RDF.type, kind) not in ontology
        )
    assert not missing, f"contract terms missing or mistyped: {missing}"


def test_contract_axioms(ontology: Graph) -> None:
    assert (USMX.acronym, RDFS.subPropertyOf, SKOS.altLabel) in ontology
    assert (USMX.contradicts, RDF.type, OWL.SymmetricProperty) in ontology
    assert (USMX.hasSubOrganization, OWL.inverseOf, USMX.subOrganizationOf) in ontology
    assert (USMX.evidence, RDFS.range, USMX.TextEvidence) in ontology
    assert (USMX.TextEvidence, RDFS.subClassOf, OA.SpecificResource) in ontology
    for agent in (USMX.Institution, USMX.Person):
        assert (agent, RDFS.subClassOf, PROV.Agent) in ontology
    for name in ("fiscalYear", "account", "appropriation", "recipient"):
        assert (USMX[name], RDF.type, QB.DimensionProperty) in ontology, name
    for name in ("amount", "studentCount", "percentage"):
        assert (USMX[name], RDF.type, QB.MeasureProperty) in ontology, name
    assert (USMX.unit, RDF.type, QB.AttributeProperty) in ontology
    for name in ("claimType", "cooperationKind", "unit"):
        assert (USMX[name], RDFS.range, SKOS.Concept) in ontology, name
    # Kinds of document are document classes.
    for name in (
        "Thesis",
        "NewsArticle",
        "BlogPost",
        "CatalogRecord",
        "Report",
        "Book",
        "JournalArticle",
        "WebPage",
    ):
        assert (USMX[name], RDFS.subClassOf, USMX.Document) in ontology, name


def test_top_classes_are_pairwise_disjoint(ontology: Graph) -> None:
    """Every pair of distinct top classes is stated disjoint, except Program and Policy."""
    top = [
        USMX[n] for n in ("Institution", "Person", "Place", "Program", "Event", "Policy", "Claim", "Document",
                          "FundingAccount")
    ]
    disjoint: set[frozenset] = set()
    for a, b in ontology.subject_objects(OWL.disjointWith):
        disjoint.add(frozenset((a, b)))
    for axiom in ontology.subjects(RDF.type, OWL.AllDisjointClasses):
        members = list_members(ontology, ontology.value(axiom, OWL.members))
        disjoint.update(frozenset((a, b)) for a in members for b in members if a != b)
    missing = [
        (a.fragment, b.fragment)
        for i, a in enumerate(top)
        for b in top[i + 1 :]
        if frozenset((a, b)) not in disjoint and {a, b} != {USMX.Program, USMX.Policy}
    ]
    assert not missing, f"top classes not stated disjoint: {missing}"
    assert frozenset((USMX.Program, USMX.Policy)) not in disjoint


# ---------------------------------------------------------------- labels and definitions


def test_every_term_has_english_label_and_definition(ontology: Graph) -> None:
    offenders = []
    for term in sorted(usmx_terms(ontology)):
        labels = [
            v for v in ontology.objects(term, RDFS.label) if isinstance(v, Literal) and v.language == "en"
        ]
        definitions = [
            v
            for v in ontology.objects(term, SKOS.definition)
            if isinstance(v, Literal) and v.language == "en"
        ]
        if len(labels) != 1:
            offenders.append(f"{term.fragment}: {len(labels)} English rdfs:label")
        if len(definitions) != 1:
            offenders.append(f"{term.fragment}: {len(definitions)} English skos:definition")
        if (term, RDFS.isDefinedBy, ONTOLOGY_IRI) not in ontology:
            offenders.append(f"{term.fragment}: no rdfs:isDefinedBy <{ONTOLOGY_IRI}>")
    assert not offenders, "terms without label or definition:\n" + "\n".join(offenders)


def test_every_class_has_a_spanish_label(ontology: Graph) -> None:
    offenders = [
        term.fragment
        for term, kinds in sorted(usmx_terms(ontology).items())
        if OWL.Class in kinds
        and not any(isinstance(v, Literal) and v.language == "es" for v in ontology.objects(term, RDFS.label))
    ]
    assert not offenders, f"classes without a Spanish label: {offenders}"


# ---------------------------------------------------------------- quality checks


def test_checks_exist_and_have_headers() -> None:
    assert len(CHECKS) >= 6
    for path in CHECKS:
        text = path.read_text(encoding="utf-8")
        assert re.search(r"^# title: \S", text, re.MULTILINE), f"{path.name}: no '# title:' line"
        assert re.search(r"^# description: \S", text, re.MULTILINE), f"{path.name}: no '# description:' line"
        assert re.search(r"^\s*SELECT\b", text, re.MULTILINE | re.IGNORECASE), (
            f"{path.name}: not a SELECT query"
        )


@pytest.mark.parametrize("check", CHECKS, ids=lambda p: p.stem)
def test_check_passes_with_rdflib(check: Path, combined: Graph) -> None:
    rows = list(combined.query(check.read_text(encoding="utf-8")))
    assert not rows, f"{check.name} found {len(rows)} violation(s):\n" + "\n".join(
        "  " + " | ".join(str(value) for value in row) for row in rows
    )


@pytest.fixture(scope="module")
def combined_store() -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    for path in (USMX_TTL, VOCABULARIES_TTL):
        store.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
    return store


@pytest.fixture(scope="module")
def deployed(combined: Graph) -> tuple[Dataset, pyoxigraph.Store]:
    """Ontology and vocabularies in their named graph, as a build loads them, in both engines."""
    dataset = Dataset(default_union=True)
    dataset.graph(ONTOLOGY_GRAPH).__iadd__(combined)
    store = pyoxigraph.Store()
    for path in (USMX_TTL, VOCABULARIES_TTL):
        store.load(
            path=str(path),
            format=pyoxigraph.RdfFormat.TURTLE,
            to_graph=pyoxigraph.NamedNode(str(ONTOLOGY_GRAPH)),
        )
    return dataset, store


@pytest.mark.parametrize("check", CHECKS, ids=lambda p: p.stem)
def test_check_passes_with_pyoxigraph(check: Path, combined_store: pyoxigraph.Store) -> None:
    rows = list(combined_store.query(check.read_text(encoding="utf-8")))
    assert not rows, f"{check.name} found {len(rows)} violation(s): {rows}"


@pytest.mark.parametrize("check", CHECKS, ids=lambda p: p.stem)
def test_check_catches_broken_ontology(check: Path, broken: Graph) -> None:
    rows = list(broken.query(check.read_text(encoding="utf-8")))
    assert rows, f"{check.name} finds nothing in an ontology that breaks it"


# ---------------------------------------------------------------- OWL 2 DL structure


def test_declarations_are_unambiguous(ontology: Graph) -> None:
    """Properties used in axioms have exactly one property type; classes in class axioms are owl:Class."""
    problems: list[str] = []

    used_properties: set[URIRef] = {
        p for p in ontology.predicates() if p not in BUILT_IN_PROPERTIES and not str(p).startswith(str(OWL))
    }
    for axiom in (RDFS.subPropertyOf, OWL.inverseOf, OWL.equivalentProperty, OWL.propertyDisjointWith):
        for s, o in ontology.subject_objects(axiom):
            used_properties.update(x for x in (s, o) if isinstance(x, URIRef))
    for axiom in (RDFS.domain, RDFS.range):
        used_properties.update(s for s in ontology.subjects(axiom) if isinstance(s, URIRef))
    used_properties.update(o for o in ontology.objects(None, OWL.onProperty) if isinstance(o, URIRef))
    for prop in sorted(used_properties):
        kinds = declared_kinds(ontology, prop)
        property_kinds = kinds & set(PROPERTY_KINDS)
        if len(property_kinds) != 1 or OWL.Class in kinds:
            problems.append(f"property {prop}: declared as {sorted(k.fragment for k in kinds) or 'nothing'}")

    classes: set = set()
    for s, o in ontology.subject_objects(RDFS.subClassOf):
        classes.update((s, o))
    for s, o in ontology.subject_objects(OWL.disjointWith):
        classes.update((s, o))
    classes.update(ontology.objects(None, RDFS.domain))
    for prop in ontology.subjects(RDF.type, OWL.ObjectProperty):
        classes.update(ontology.objects(prop, RDFS.range))
    for link in (OWL.members, OWL.unionOf, OWL.intersectionOf):
        for head in ontology.objects(None, link):
            classes.update(list_members(ontology, head))
    for cls in sorted(c for c in classes if isinstance(c, URIRef)):
        if (cls, RDF.type, OWL.Class) not in ontology or declared_kinds(ontology, cls) & set(PROPERTY_KINDS):
            problems.append(f"class {cls}: not declared owl:Class, or punned with a property")
    for cls in (c for c in classes if isinstance(c, BNode)):
        if (cls, RDF.type, OWL.Class) not in ontology:
            problems.append(f"class expression {cls}: not typed owl:Class")

    for prop in ontology.subjects(RDF.type, OWL.DatatypeProperty):
        for datatype in ontology.objects(prop, RDFS.range):
            if datatype not in OWL2_DATATYPES:
                problems.append(
                    f"datatype property {prop}: range {datatype} is not in the OWL 2 datatype map"
                )
    for prop in ontology.subjects(RDF.type, OWL.ObjectProperty):
        for axiom in (RDFS.range, RDFS.domain):
            for value in ontology.objects(prop, axiom):
                if value in OWL2_DATATYPES:
                    problems.append(f"object property {prop}: {axiom.fragment} is a datatype")

    external_axioms = [
        (s, p)
        for p in (RDFS.domain, RDFS.range)
        for s in ontology.subjects(p)
        if not str(s).startswith(str(USMX))
    ]
    problems += [f"domain/range stated on external property {s}" for s, _ in external_axioms]
    assert not problems, "OWL 2 DL declaration problems:\n" + "\n".join(problems)


def test_alignment_covers_required_vocabularies(ontology: Graph) -> None:
    # Sub-class and sub-property axioms, and typing as Data Cube component properties.
    targets = {
        o
        for axiom in (RDFS.subClassOf, RDFS.subPropertyOf, RDF.type)
        for s, o in ontology.subject_objects(axiom)
        if str(s).startswith(str(USMX))
        and isinstance(o, URIRef)
        and not str(o).startswith((str(USMX), str(OWL), str(RDF), str(RDFS)))
    }
    covered = {
        prefix
        for prefix, ns in REQUIRED_ALIGNMENT_NAMESPACES.items()
        if any(str(t).startswith(ns) for t in targets)
    }
    assert covered == set(REQUIRED_ALIGNMENT_NAMESPACES), (
        f"no alignment to {sorted(set(REQUIRED_ALIGNMENT_NAMESPACES) - covered)}"
    )
    # schema.org is used with its https namespace only.
    assert not any(str(t).startswith("http://schema.org/") for t in ontology.all_nodes())


def test_every_usmx_class_except_top_classes_has_a_usmx_parent(ontology: Graph) -> None:
    top = {
        USMX[n]
        for n in (
            "Institution",
            "Person",
            "Place",
            "Program",
            "Event",
            "Policy",
            "Claim",
            "Document",
            "TextEvidence",
            "FundingAccount",
            "FundingStatement",
            "TotalsCheck",
        )
    }
    orphans = [
        term.fragment
        for term, kinds in usmx_terms(ontology).items()
        if OWL.Class in kinds
        and term not in top
        and not any(str(parent).startswith(str(USMX)) for parent in ontology.objects(term, RDFS.subClassOf))
    ]
    assert not orphans, f"classes outside the usmx hierarchy: {sorted(orphans)}"


# ---------------------------------------------------------------- reasoning (HermiT, OWL API)


def _owlready_world(path: Path):
    from owlready2 import World

    world = World()
    world.get_ontology(path.as_uri()).load()
    return world


def _write_ntriples(graph: Graph, path: Path) -> Path:
    graph.serialize(destination=str(path), format="nt", encoding="utf-8")
    return path


def test_hermit_finds_ontology_consistent_and_all_classes_satisfiable(
    ontology: Graph, tmp_path: Path
) -> None:
    require_java()
    from owlready2 import OwlReadyInconsistentOntologyError, sync_reasoner

    world = _owlready_world(_write_ntriples(ontology, tmp_path / "usmx.nt"))
    try:
        sync_reasoner(world, infer_property_values=False, debug=0)
    except OwlReadyInconsistentOntologyError as error:  # pragma: no cover - the failure being tested
        pytest.fail(f"HermiT finds the ontology inconsistent: {error}")
    unsatisfiable = sorted(
        str(cls.iri) for cls in world.inconsistent_classes() if cls.iri != str(OWL.Nothing)
    )
    assert not unsatisfiable, f"unsatisfiable classes: {unsatisfiable}"


def test_hermit_finds_ontology_with_reference_entities_consistent(ontology: Graph, tmp_path: Path) -> None:
    """The authority records respect the ontology's disjointness, domains and ranges."""
    require_java()
    from owlready2 import OwlReadyInconsistentOntologyError, sync_reasoner

    combined = Graph()
    for triple in ontology:
        combined.add(triple)
    combined.parse(ROOT / "data" / "reference" / "entities.ttl", format="turtle")
    world = _owlready_world(_write_ntriples(combined, tmp_path / "with-entities.nt"))
    try:
        sync_reasoner(world, infer_property_values=False, debug=0)
    except OwlReadyInconsistentOntologyError as error:  # pragma: no cover - the failure being tested
        pytest.fail(f"HermiT finds the reference entities inconsistent with the ontology: {error}")


def test_hermit_detects_violated_disjointness(ontology: Graph, tmp_path: Path) -> None:
    """The reasoner test can fail: a class under two disjoint top classes is unsatisfiable."""
    require_java()
    from owlready2 import sync_reasoner

    graph = Graph()
    graph += ontology
    chimera = URIRef("http://example.org/test#PersonPlace")
    graph.add((chimera, RDF.type, OWL.Class))
    graph.add((chimera, RDFS.subClassOf, USMX.Person))
    graph.add((chimera, RDFS.subClassOf, USMX.Place))
    world = _owlready_world(_write_ntriples(graph, tmp_path / "chimera.nt"))
    sync_reasoner(world, infer_property_values=False, debug=0)
    unsatisfiable = [str(cls.iri) for cls in world.inconsistent_classes() if cls.iri != str(OWL.Nothing)]
    assert unsatisfiable == [str(chimera)]


def test_hermit_detects_inconsistent_individual(ontology: Graph, tmp_path: Path) -> None:
    """Data typed against the disjointness axioms makes the ontology inconsistent."""
    require_java()
    from owlready2 import OwlReadyInconsistentOntologyError, sync_reasoner

    graph = Graph()
    graph += ontology
    thing = URIRef("http://example.org/test#sedena")
    graph.add((thing, RDF.type, OWL.NamedIndividual))
    graph.add((thing, RDF.type, USMX.Institution))
    graph.add((thing, RDF.type, USMX.Document))
    world = _owlready_world(_write_ntriples(graph, tmp_path / "inconsistent.nt"))
    with pytest.raises(OwlReadyInconsistentOntologyError):
        sync_reasoner(world, infer_property_values=False, debug=0)


PROFILE_CHECK_JAVA = """
import java.io.File;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;

public class ProfileCheck {
    public static void main(String[] args) throws Exception {
        OWLOntology ontology = OWLManager.createOWLOntologyManager()
            .loadOntologyFromOntologyDocument(new File(args[0]));
        OWLProfileReport report = new OWL2DLProfile().checkOntology(ontology);
        for (OWLProfileViolation violation : report.getViolations()) {
            System.out.println("VIOLATION " + violation);
        }
        System.out.println("violations=" + report.getViolations().size());
    }
}
"""


def _owl2_dl_violations(graph: Graph, tmp_path: Path) -> list[str]:
    """OWL 2 DL profile violations reported by the OWL API bundled with HermiT."""
    require_java()
    if shutil.which("javac") is None:
        pytest.skip("no JDK (javac) on PATH: the OWL API profile check runs as a Java source file")
    source = tmp_path / "ProfileCheck.java"
    source.write_text(PROFILE_CHECK_JAVA, encoding="utf-8")
    document = tmp_path / "ontology.owl"
    graph.serialize(destination=str(document), format="xml")
    result = subprocess.run(
        ["java", "-cp", str(hermit_jar()), str(source), str(document)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert re.search(r"^violations=\d+$", result.stdout, re.MULTILINE), result.stdout[-2000:]
    return [line for line in result.stdout.splitlines() if line.startswith("VIOLATION ")]


def test_owl_api_finds_no_owl2_dl_profile_violation(ontology: Graph, tmp_path: Path) -> None:
    violations = _owl2_dl_violations(ontology, tmp_path)
    assert not violations, "\n".join(violations)


def test_owl_api_profile_check_detects_punning(ontology: Graph, tmp_path: Path) -> None:
    graph = Graph()
    graph += ontology
    graph.add((USMX.about, RDF.type, OWL.DatatypeProperty))
    assert _owl2_dl_violations(graph, tmp_path)


# ---------------------------------------------------------------- SKOS vocabularies


def test_vocabularies_are_used_by_the_ontology(ontology: Graph, vocabularies: Graph) -> None:
    schemes = set(vocabularies.subjects(RDF.type, SKOS.ConceptScheme))
    assert {URIRef(VOCAB + name) for name in ("cooperation-activity", "claim-type", "unit")} <= schemes
    for scheme in schemes:
        assert (ONTOLOGY_IRI, RDFS.seeAlso, scheme) in ontology, f"ontology header does not point to {scheme}"
        concepts = set(vocabularies.subjects(SKOS.inScheme, scheme))
        assert len(concepts) >= 5, f"{scheme} has only {len(concepts)} concepts"
        spanish = [
            c
            for c in concepts
            if not any(v.language == "es" for v in vocabularies.objects(c, SKOS.prefLabel))
        ]
        assert not spanish, f"concepts without a Spanish preferred label: {sorted(spanish)}"


# ---------------------------------------------------------------- competency questions


def _competency_blocks() -> tuple[str, list[tuple[str, str]]]:
    """The shared prefix block and (question heading, SPARQL sketch) pairs."""
    text = COMPETENCY_MD.read_text(encoding="utf-8")
    blocks = [(m.start(), m.group(1)) for m in re.finditer(r"```sparql\n(.*?)```", text, re.DOTALL)]
    headings = [(m.start(), m.group(1)) for m in re.finditer(r"^### (CQ\d+\..*)$", text, re.MULTILINE)]
    prefixes = blocks[0][1]
    assert prefixes.lstrip().startswith("PREFIX"), "the first SPARQL block must hold the shared prefixes"
    sketches = []
    for position, body in blocks[1:]:
        heading = [h for start, h in headings if start < position][-1]
        sketches.append((heading, body))
    return prefixes, sketches


def test_competency_questions_are_complete() -> None:
    text = COMPETENCY_MD.read_text(encoding="utf-8")
    sections = re.split(r"^### ", text, flags=re.MULTILINE)[1:]
    assert len(sections) >= 25
    numbers = [int(re.match(r"CQ(\d+)\.", s).group(1)) for s in sections]
    assert numbers == list(range(1, len(sections) + 1)), "questions are not numbered consecutively"
    for section in sections:
        heading = section.splitlines()[0]
        assert heading.rstrip().endswith("?"), f"{heading}: not a question"
        assert "**Needs:**" in section, f"{heading}: no Needs line"
        assert "**Answer shape:**" in section, f"{heading}: no Answer shape line"
        assert "```sparql" in section, f"{heading}: no SPARQL sketch"
    groups = re.findall(r"^## (.+)$", text, re.MULTILINE)
    for group in (
        "Documents",
        "Institutions",
        "Programs",
        "Events",
        "claims",
        "Citations",
        "Provenance",
        "External links",
    ):
        assert any(group in g for g in groups), f"no group of questions about {group}"


def test_competency_questions_use_only_defined_terms(combined: Graph) -> None:
    text = COMPETENCY_MD.read_text(encoding="utf-8")
    declared = usmx_terms(combined)
    unknown = sorted(
        {name for name in re.findall(r"\busmx:([A-Za-z]\w*)", text) if USMX[name] not in declared}
    )
    assert not unknown, f"COMPETENCY.md uses undefined usmx terms: {unknown}"
    concepts = set(combined.subjects(RDF.type, SKOS.Concept))
    vocab_prefixes = {
        "coop": VOCAB + "cooperation-activity/",
        "claim-type": VOCAB + "claim-type/",
        "unit": VOCAB + "unit/",
    }
    missing = sorted(
        f"{prefix}:{local}"
        for prefix, ns in vocab_prefixes.items()
        for local in re.findall(rf"(?<![\w-]){re.escape(prefix)}:([a-z][\w-]*)", text)
        if URIRef(ns + local) not in concepts
    )
    assert not missing, f"COMPETENCY.md uses undefined vocabulary concepts: {missing}"


@pytest.mark.filterwarnings("ignore:Dataset.* is deprecated:DeprecationWarning")  # rdflib's own SPARQL engine
def test_competency_sketches_parse_and_run(deployed: tuple[Dataset, pyoxigraph.Store]) -> None:
    """Every sketch parses; every sketch but the federated ones runs on both engines."""
    from rdflib.plugins.sparql import prepareQuery

    dataset, store = deployed
    prefixes, sketches = _competency_blocks()
    assert len(sketches) >= 25
    failures = []
    for heading, body in sketches:
        query = prefixes + "\n" + body
        try:
            prepareQuery(query)
        except Exception as error:
            failures.append(f"{heading} (rdflib parser): {type(error).__name__}: {error}")
            continue
        if "SERVICE" in body:
            continue  # federated: parsed, not run against the network
        for engine, run in (
            ("rdflib", lambda q=query: list(dataset.query(q))),
            ("pyoxigraph", lambda q=query: list(store.query(q, use_default_graph_as_union=True))),
        ):
            try:
                run()
            except Exception as error:
                failures.append(f"{heading} ({engine}): {type(error).__name__}: {error}")
    assert not failures, "\n".join(failures)


def test_ontology_with_the_corpus_graph_is_owl2_dl(corpus_build, tmp_path: Path) -> None:
    """Every class and property the build emits is declared with its OWL kind (OWL 2 Structural Spec. 5.8).

    The links graph is left out: its owl:sameAs targets are Wikidata items,
    which this ontology does not describe.
    """
    import rdflib

    _, out = corpus_build
    dataset = rdflib.Dataset()
    dataset.parse(out / "graph.nq", format="nquads")
    graph = Graph()
    for s, p, o, context in dataset.quads((None, None, None, None)):
        if not str(context).endswith("graph/links"):
            graph.add((s, p, o))
    violations = _owl2_dl_violations(graph, tmp_path)
    assert not violations, "\n".join(violations[:20])


# ---------------------------------------------------------------- ontology + the corpus build


def _union(path: Path) -> Graph:
    """Every statement of a built dataset as one graph (ontology, reference, links and sources)."""
    dataset = Dataset()
    dataset.parse(path, format="nquads")
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def hermit_consistency(graph: Graph, tmp_path: Path) -> str:
    """HermiT's verdict on ``graph``: "consistent", or its first line of complaint.

    ``xsd:date``, ``xsd:gYear`` and ``xsd:gYearMonth`` (dates at the precision a
    source states) are outside the OWL 2 datatype map, so HermiT is told to
    ignore unsupported datatypes; every other literal is checked.
    """
    require_java()
    document = tmp_path / "dataset.owl"
    graph.serialize(destination=str(document), format="xml")
    jar = hermit_jar()
    result = subprocess.run(
        ["java", "-Xmx4000M", "-cp", f"{jar.parent}:{jar}", "org.semanticweb.HermiT.cli.CommandLine",
         "--consistency", "--ignoreUnsupportedDatatypes", document.as_uri()],
        capture_output=True, text=True, timeout=600, check=False,
    )
    if result.returncode == 0 and "is satisfiable" in result.stdout:
        return "consistent"
    return next((line for line in result.stderr.splitlines() if "Exception" in line), result.stderr[-500:])


@pytest.mark.slow
def test_ontology_with_the_corpus_build_is_owl2_dl_and_consistent_under_hermit(corpus_build, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """What the converters emit, read with the ontology, is OWL 2 DL and has a model.

    Regression: text properties ranged ``xsd:string`` received language-tagged
    values (``rdf:langString`` is disjoint from ``xsd:string``), which made four of
    the five source graphs inconsistent; they are ranged ``rdf:PlainLiteral``.
    """
    _, out = corpus_build
    graph = _union(out / "graph.nq")
    assert hermit_consistency(graph, tmp_path) == "consistent"
    violations = _owl2_dl_violations(graph, tmp_path)
    assert not violations, "\n".join(violations[:20])


def test_hermit_sees_a_tagged_value_of_a_string_ranged_property_as_inconsistent(
    ontology: Graph, tmp_path: Path
) -> None:
    """The check above can fail: a language-tagged value where the range is ``xsd:string`` has no model."""
    graph = Graph()
    graph += ontology
    claim = URIRef("http://example.org/test#claim")
    graph.add((claim, USMX.judgement, Literal("supported", lang="en")))
    assert (USMX.judgement, RDFS.range, URIRef("http://www.w3.org/2001/XMLSchema#string")) in graph
    assert hermit_consistency(graph, tmp_path) != "consistent"
