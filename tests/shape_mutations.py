"""One mutation per shape constraint: a small change of the corpus graph that violates exactly that constraint.

The mutations work on an *extract* of the built corpus (:func:`extract`): the
ontology and curated graphs, and from the source graphs a few focus nodes of
every shape's target with everything they reach, closed under the references
the shapes follow, so that the extract conforms on its own and pySHACL checks it
in seconds. Each :class:`Mutation` picks its focus node by a query on the graph
(the first in IRI order, skipping nodes another mutation already changed) and
changes one statement about it; ``expected`` is the one result both engines must
then report: (named shape, focus node, result path, constraint component).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SH, XSD

from usmxkg import shacl_fast
from usmxkg.rdfterms import to_rdflib
from usmxkg.shacl_compile import Compiler
from usmxkg.validate import SHAPES

OA = rdflib.Namespace("http://www.w3.org/ns/oa#")
QB = rdflib.Namespace("http://purl.org/linked-data/cube#")
SCHEMA = rdflib.Namespace("https://schema.org/")
USMX = rdflib.Namespace("https://w3id.org/usmx-kg/ontology#")
SHAPE = rdflib.Namespace("https://w3id.org/usmx-kg/shapes#")
ID = "https://w3id.org/usmx-kg/id/"
CURATED = ("https://w3id.org/usmx-kg/graph/ontology",)
SEEDS_PER_TARGET = 2
PER_NODE = 2
LIMITED = {str(USMX.evidence), "http://purl.org/spar/cito/cites"}
"""References of which the extract keeps only the first ``PER_NODE`` of each resource."""
FOLLOW_NOT = {str(SCHEMA.mentions), str(USMX.relatedClaim),
              str(USMX.about), "http://www.w3.org/2004/02/skos/core#related"}
"""References the extract does not follow: no shape constrains their values, and they reach most of the graph."""

PREFIXES = {"cito": rdflib.Namespace("http://purl.org/spar/cito/"), "usmx": USMX, "oa": OA, "qb": QB,
            "schema": SCHEMA, "dcterms": DCTERMS, "prov": PROV, "foaf": FOAF, "rdfs": RDFS, "xsd": XSD}
Key = tuple[str, str, str, str]
"""(named shape, focus node, result path, constraint component) of one validation result."""


def extract(nquads: Path) -> rdflib.Graph:
    """The curated graphs plus a closed sample of every shape's focus nodes of a build, as one rdflib graph.

    The sample is chosen on an Oxigraph store; its statements are then read from
    the file itself, because the store keeps an ``xsd:nonNegativeInteger`` as an
    ``xsd:integer`` and the reference engine must see the terms as written.
    """
    store = shacl_fast.union_store(nquads, ox.RdfFormat.N_QUADS)
    compiler = Compiler(shacl_fast.load_shapes(SHAPES)[0])
    seeds: set[str] = set()
    for shape in compiler.node_shapes():
        target = compiler.target(shape)
        if target is None:
            continue
        patterns = [""] + [compiler.pattern(compiler.g.value(p, SH.path), "?this", "?value")
                           for p in compiler.g.objects(shape, SH.property)]
        for pattern in patterns:  # a few focus nodes, and a few that have a value for each path
            query = (f"SELECT DISTINCT ?this WHERE {{ {{ {target} }} {pattern} FILTER (isIRI(?this)) }} "
                     f"ORDER BY ?this LIMIT {SEEDS_PER_TARGET}")
            seeds |= {row["this"].value for row in store.query(query, use_default_graph_as_union=True)}  # type: ignore[union-attr]
    todo, nodes = sorted(seeds), set(seeds)
    limited: set[tuple[str, str, str]] = set()
    while todo:
        node = todo.pop()
        query = f"SELECT DISTINCT ?p ?o WHERE {{ <{node}> ?p ?o FILTER (isIRI(?o)) }} ORDER BY ?p ?o"
        for row in store.query(query, use_default_graph_as_union=True):  # type: ignore[union-attr]
            predicate, target = row["p"].value, row["o"].value
            if predicate in LIMITED:  # the first few spans or cited works of a resource are enough
                if sum(1 for s, p, _ in limited if s == node and p == predicate) >= PER_NODE:
                    continue
                limited.add((node, predicate, target))
            if predicate in FOLLOW_NOT or target in nodes or predicate == str(RDF.type):
                continue
            if store.query(f"ASK {{ GRAPH ?g {{ <{target}> ?p ?o }} }}"):
                nodes.add(target)
                todo.append(target)
    graph = rdflib.Graph()
    for quad in ox.parse(path=str(nquads), format=ox.RdfFormat.N_QUADS):  # exact terms, as the file has them
        subject, predicate, obj = quad.subject.value, quad.predicate.value, quad.object.value  # type: ignore[union-attr]
        if predicate in LIMITED and (subject, predicate, obj) not in limited:
            continue
        if quad.graph_name.value in CURATED or subject in nodes:  # type: ignore[union-attr]
            graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate),
                       to_rdflib(quad.object)))
    return graph


# ---------------------------------------------------------------------- picking and changing nodes

class Used(set[URIRef]):
    """The nodes mutations changed so far, and the graph as it was before them (copies are made from it)."""

    def __init__(self, pristine: rdflib.Graph) -> None:
        super().__init__()
        self.pristine = pristine


def pick(graph: rdflib.Graph, used: set[URIRef], where: str) -> URIRef:
    """The first node ``?x`` (in IRI order) matching the SPARQL pattern ``where`` that no mutation used yet.

    When every match is used, a copy of the first one (its statements under a new IRI) is made and used.
    """
    query = f"SELECT DISTINCT ?x WHERE {{ {where} FILTER (isIRI(?x)) }} ORDER BY ?x"
    matches = [row[0] for row in graph.query(query, initNs=PREFIXES)]  # type: ignore[index]
    for node in matches:
        if isinstance(node, URIRef) and node not in used:
            used.add(node)
            return node
    if not matches:
        raise LookupError(f"no node for {where}")
    copy = URIRef(f"{matches[0]}/copy-{len(used)}")
    for _, predicate, value in list(getattr(used, "pristine", graph).triples((matches[0], None, None))):
        graph.add((copy, predicate, value))
    used.add(copy)
    return copy


def put(graph: rdflib.Graph, node: URIRef, predicate: URIRef, value: rdflib.term.Node) -> None:
    """Replace every value of ``predicate`` on ``node`` by ``value``."""
    graph.remove((node, predicate, None))
    graph.add((node, predicate, value))


def one(graph: rdflib.Graph, node: rdflib.term.Node, predicate: URIRef) -> rdflib.term.Node:
    value = graph.value(node, predicate)
    assert value is not None, (node, predicate)
    return value


@dataclass(frozen=True)
class Mutation:
    """A change of the extract that violates one constraint, and the result it must produce."""

    name: str
    shape: str
    path: str
    component: str
    change: Callable[[rdflib.Graph, set[URIRef]], URIRef]

    def apply(self, graph: rdflib.Graph, used: set[URIRef]) -> Key:
        """Change ``graph`` and return the expected result's key."""
        focus = self.change(graph, used)
        return (str(SHAPE[self.shape]), str(focus), self.path, str(SH[self.component + "ConstraintComponent"]))


def _m(name: str, shape: str, path: URIRef | str | None, component: str,
       change: Callable[[rdflib.Graph, set[URIRef]], URIRef]) -> Mutation:
    return Mutation(name, shape, "" if path is None else str(path), component, change)


def drop(where: str, predicate: URIRef) -> Callable[[rdflib.Graph, set[URIRef]], URIRef]:
    """Remove every value of ``predicate`` from the first node ``?x`` matching ``where``."""
    def change(graph: rdflib.Graph, used: set[URIRef]) -> URIRef:
        node = pick(graph, used, where)
        graph.remove((node, predicate, None))
        return node
    return change


def setting(where: str, predicate: URIRef, value: Callable[[rdflib.Graph, URIRef], rdflib.term.Node],
            add: bool = False) -> Callable[[rdflib.Graph, set[URIRef]], URIRef]:
    """Give the first node matching ``where`` the value ``value(graph, node)`` of ``predicate`` (or add it)."""
    def change(graph: rdflib.Graph, used: set[URIRef]) -> URIRef:
        node = pick(graph, used, where)
        new = value(graph, node)
        if add:
            graph.add((node, predicate, new))
        else:
            put(graph, node, predicate, new)
        return node
    return change


def const(term: rdflib.term.Node) -> Callable[[rdflib.Graph, URIRef], rdflib.term.Node]:
    return lambda graph, node: term


def other(where: str) -> Callable[[rdflib.Graph, URIRef], rdflib.term.Node]:
    """The first node ``?y`` matching ``where`` that is not the focus node (``?x`` is bound to it)."""
    def value(graph: rdflib.Graph, node: URIRef) -> rdflib.term.Node:
        rows = graph.query(f"SELECT ?y WHERE {{ {where} FILTER (?y != ?x && NOT EXISTS {{ ?x ?any ?y }}) }} "
                           "ORDER BY ?y LIMIT 1",
                           initBindings={"x": node},
                           initNs=PREFIXES)
        found = [row[0] for row in rows]  # type: ignore[index]
        assert found, where
        return found[0]
    return value


def shifted(predicate: URIRef, by: int, datatype: URIRef = XSD.nonNegativeInteger
            ) -> Callable[[rdflib.Graph, URIRef], rdflib.term.Node]:
    """The node's own integer value of ``predicate`` plus ``by``, as a literal of ``datatype``."""
    return lambda graph, node: Literal(str(int(str(one(graph, node, predicate))) + by), datatype=datatype)


def retyped(predicate: URIRef, datatype: URIRef) -> Callable[[rdflib.Graph, URIRef], rdflib.term.Node]:
    """The node's own value of ``predicate`` with its lexical form kept and ``datatype`` instead."""
    return lambda graph, node: Literal(str(one(graph, node, predicate)), datatype=datatype)


def selector(graph: rdflib.Graph, evidence: URIRef, kind: URIRef) -> URIRef:
    """The evidence's selector of ``kind``."""
    found = next(s for s in graph.objects(evidence, OA.hasSelector) if (s, RDF.type, kind) in graph)
    assert isinstance(found, URIRef)
    return found


def merged_selectors(graph: rdflib.Graph, used: set[URIRef]) -> URIRef:
    """One selector node that is both a position and a quote selector: the evidence has one selector, not two."""
    evidence = pick(graph, used, "?x a usmx:TextEvidence ; oa:hasSelector ?s")
    position = selector(graph, evidence, OA.TextPositionSelector)
    quote = selector(graph, evidence, OA.TextQuoteSelector)
    graph.remove((evidence, OA.hasSelector, quote))
    graph.add((position, RDF.type, OA.TextQuoteSelector))
    graph.add((position, OA.exact, one(graph, quote, OA.exact)))
    return evidence


def swapped_selector(keep: URIRef) -> Callable[[rdflib.Graph, set[URIRef]], URIRef]:
    """Evidence whose selector of the other kind is replaced by another evidence's selector of kind ``keep``."""
    def change(graph: rdflib.Graph, used: set[URIRef]) -> URIRef:
        evidence = pick(graph, used, "?x a usmx:TextEvidence")
        lost = next(s for s in graph.objects(evidence, OA.hasSelector) if (s, RDF.type, keep) not in graph)
        borrowed = next(s for s in sorted(graph.subjects(RDF.type, keep))
                        if (evidence, OA.hasSelector, s) not in graph)
        graph.remove((evidence, OA.hasSelector, lost))
        graph.add((evidence, OA.hasSelector, borrowed))
        return evidence
    return change


def measured(measure: URIRef, lexical: str, datatype: URIRef) -> Callable[[rdflib.Graph, set[URIRef]], URIRef]:
    """An observation whose amount is replaced by a value of another ``measure``."""
    def change(graph: rdflib.Graph, used: set[URIRef]) -> URIRef:
        node = pick(graph, used, AMOUNT)
        graph.remove((node, USMX.amount, None))
        graph.add((node, measure, Literal(lexical, datatype=datatype)))
        return node
    return change


def cited_work_untitled(graph: rdflib.Graph, used: set[URIRef]) -> URIRef:
    """A cited work with neither title nor citation text (typed as a plain work, which no title shape targets)."""
    node = pick(graph, used, "[] cito:cites ?x")
    graph.remove((node, DCTERMS.title, None))
    graph.remove((node, DCTERMS.bibliographicCitation, None))
    graph.remove((node, RDF.type, None))
    graph.add((node, RDF.type, USMX.Document))
    return node


def lengthened_span(graph: rdflib.Graph, used: set[URIRef]) -> URIRef:
    """Evidence whose position ends one character after its quoted words: the source text is the focus node."""
    evidence = pick(graph, used, "?x a usmx:TextEvidence")
    position = selector(graph, evidence, OA.TextPositionSelector)
    used.add(position)
    put(graph, position, OA.end, shifted(OA.end, 1)(graph, position))
    source = one(graph, evidence, OA.hasSource)
    assert isinstance(source, URIRef)
    return source


def no_dimension(graph: rdflib.Graph, used: set[URIRef]) -> URIRef:
    """An observation (not a stated total) without its row heading."""
    node = pick(graph, used, "?x a qb:Observation ; usmx:rowHeading ?h FILTER NOT EXISTS { ?x usmx:statedTotal true }")
    graph.remove((node, USMX.rowHeading, None))
    return node


def dropped_components(dimension: URIRef) -> Callable[[rdflib.Graph, set[URIRef]], URIRef]:
    """A data structure definition whose components no longer declare any ``dimension`` (or measure)."""
    def change(graph: rdflib.Graph, used: set[URIRef]) -> URIRef:
        node = pick(graph, used, "?x a qb:DataStructureDefinition")
        for component in list(graph.objects(node, QB.component)):
            graph.remove((component, dimension, None))
        return node
    return change


EVENT = "?x a/rdfs:subClassOf* usmx:Event ; schema:startDate ?d"
DOCUMENT = "VALUES ?kind { usmx:Thesis usmx:Report usmx:NewsArticle usmx:BlogPost } ?x a ?kind"
CLAIM = "?x a/rdfs:subClassOf* usmx:Claim"
POSITION = "?x a oa:TextPositionSelector"
QUOTE = "?x a oa:TextQuoteSelector"
AMOUNT = "?x a qb:Observation ; usmx:amount ?a"
PERCENTAGE = "?x a qb:Observation ; usmx:percentage ?p"
FUNDING = "?x a usmx:FundingStatement"

MUTATIONS: tuple[Mutation, ...] = (
    # documents
    _m("document-without-title", "Document", DCTERMS.title, "MinCount", drop(DOCUMENT, DCTERMS.title)),
    _m("document-title-not-text", "Document", DCTERMS.title, "Node",
       setting(DOCUMENT, DCTERMS.title, const(Literal("42", datatype=XSD.integer)))),
    _m("document-creator-a-place", "Document", DCTERMS.creator, "Or",
       setting(DOCUMENT, DCTERMS.creator, other("?y a qb:Observation"), add=True)),
    _m("document-date-in-words", "Document", DCTERMS.date, "Node",
       setting(DOCUMENT, DCTERMS.date, const(Literal("March 2014")), add=True)),
    _m("record-without-topic", "CatalogRecord", FOAF.primaryTopic, "MinCount",
       drop("?x a usmx:CatalogRecord", FOAF.primaryTopic)),
    _m("record-with-two-topics", "CatalogRecord", FOAF.primaryTopic, "MaxCount",
       setting("?x a usmx:CatalogRecord", FOAF.primaryTopic, other("?y a usmx:Thesis"), add=True)),
    _m("record-about-a-person", "CatalogRecord", FOAF.primaryTopic, "Class",
       setting("?x a usmx:CatalogRecord", FOAF.primaryTopic, other("?y a usmx:Person"))),
    _m("cited-work-without-title-or-citation", "CitedWork", None, "Or", cited_work_untitled),
    _m("person-label-a-number", "Person", RDFS.label, "Node",
       setting("?x a usmx:Person", RDFS.label, const(Literal("12", datatype=XSD.integer)))),
    _m("institution-without-label", "Named", RDFS.label, "MinCount",
       drop("?x a/rdfs:subClassOf* usmx:Institution", RDFS.label)),
    _m("place-label-an-iri", "Named", RDFS.label, "Node",
       setting("?x a/rdfs:subClassOf* usmx:Place", RDFS.label, const(URIRef("https://w3id.org/usmx-kg/id/place/x")))),
    _m("acronym-language-tagged", "Institution", USMX.acronym, "Datatype",
       setting("?x a/rdfs:subClassOf* usmx:Institution", USMX.acronym, const(Literal("SEDENA", lang="es")))),
    _m("same-as-a-literal", "WikidataLink", OWL.sameAs, "NodeKind",
       setting("?x a usmx:Person", OWL.sameAs, const(Literal("http://www.wikidata.org/entity/Q1")))),
    _m("same-as-not-a-wikidata-item", "WikidataLink", OWL.sameAs, "Pattern",
       setting("?x a usmx:Person", OWL.sameAs, const(URIRef("http://dbpedia.org/resource/Mexico")))),
    _m("person-without-label", "Person", RDFS.label, "MinCount", drop("?x a usmx:Person", RDFS.label)),
    # evidence and selectors
    _m("evidence-untyped", "Evidence", None, "Class", drop("?x a usmx:TextEvidence", RDF.type)),
    _m("evidence-without-source", "Evidence", OA.hasSource, "MinCount", drop("?x a usmx:TextEvidence", OA.hasSource)),
    _m("evidence-with-two-sources", "Evidence", OA.hasSource, "MaxCount",
       setting("?x a usmx:TextEvidence", OA.hasSource, const(URIRef(f"{ID}source/0")), add=True)),
    _m("evidence-source-a-literal", "Evidence", OA.hasSource, "NodeKind",
       setting("?x a usmx:TextEvidence", OA.hasSource, const(Literal("source")))),
    _m("evidence-with-one-selector", "Evidence", OA.hasSelector, "MinCount", merged_selectors),
    _m("evidence-with-three-selectors", "Evidence", OA.hasSelector, "MaxCount",
       setting("?x a usmx:TextEvidence", OA.hasSelector, other("?z oa:hasSelector ?y . ?y a oa:TextPositionSelector"),
               add=True)),
    _m("evidence-without-position", "Evidence", f"(<{OA.hasSelector}>/<{RDF.type}>)", "HasValue",
       swapped_selector(OA.TextQuoteSelector)),
    _m("evidence-without-quote", "Evidence", f"(<{OA.hasSelector}>/<{RDF.type}>)", "HasValue",
       swapped_selector(OA.TextPositionSelector)),
    _m("span-longer-than-its-words", "SourceText", None, "SPARQL", lengthened_span),
    _m("position-without-start", "TextPositionSelector", OA.start, "MinCount", drop(POSITION, OA.start)),
    _m("position-with-two-starts", "TextPositionSelector", OA.start, "MaxCount",
       setting(POSITION, OA.start, shifted(OA.end, 0), add=True)),
    _m("position-start-a-decimal", "TextPositionSelector", OA.start, "Datatype",
       setting(POSITION, OA.start, retyped(OA.start, XSD.decimal))),
    _m("position-start-after-end", "TextPositionSelector", OA.start, "LessThanOrEquals",
       setting(POSITION, OA.start, shifted(OA.end, 1))),
    _m("position-without-end", "TextPositionSelector", OA.end, "MinCount", drop(POSITION, OA.end)),
    _m("position-with-two-ends", "TextPositionSelector", OA.end, "MaxCount",
       setting(POSITION, OA.end, shifted(OA.end, 1), add=True)),
    _m("position-end-a-decimal", "TextPositionSelector", OA.end, "Datatype",
       setting(POSITION, OA.end, retyped(OA.end, XSD.decimal))),
    _m("quote-without-exact", "TextQuoteSelector", OA.exact, "MinCount", drop(QUOTE, OA.exact)),
    _m("quote-with-two-exacts", "TextQuoteSelector", OA.exact, "MaxCount",
       setting(QUOTE, OA.exact, const(Literal("another text")), add=True)),
    _m("quote-exact-language-tagged", "TextQuoteSelector", OA.exact, "Datatype",
       setting(QUOTE, OA.exact, lambda g, n: Literal(str(one(g, n, OA.exact)), lang="en"))),
    _m("resource-not-derived", "Derived", PROV.wasDerivedFrom, "MinCount",
       drop("?x usmx:evidence ?e ; a usmx:Person", PROV.wasDerivedFrom)),
    # events
    _m("event-without-label", "Event", RDFS.label, "MinCount", drop(EVENT, RDFS.label)),
    _m("event-start-in-words", "Event", SCHEMA.startDate, "Node",
       setting(EVENT, SCHEMA.startDate, const(Literal("the spring of 1846")))),
    _m("event-end-in-words", "Event", SCHEMA.endDate, "Node",
       setting(EVENT, SCHEMA.endDate, const(Literal("later")), add=True)),
    _m("event-in-the-first-millennium", "Event", SCHEMA.startDate, "Node",
       setting(EVENT, SCHEMA.startDate, const(Literal("0999", datatype=XSD.gYear)))),
    _m("event-ends-before-it-starts", "Event", None, "SPARQL",
       setting(EVENT, SCHEMA.endDate, const(Literal("1001", datatype=XSD.gYear)))),
    # laws, funding
    _m("law-number-not-a-string", "PublicLawNumber", USMX.publicLawNumber, "Datatype",
       setting("?x a usmx:Person", USMX.publicLawNumber, const(Literal("110-252", datatype=XSD.token)))),
    _m("law-number-in-words", "PublicLawNumber", USMX.publicLawNumber, "Pattern",
       setting("?x a usmx:Person", USMX.publicLawNumber, const(Literal("the Merida act")))),
    _m("fiscal-year-an-integer", "FiscalYear", USMX.fiscalYear, "Datatype",
       setting("?x usmx:fiscalYear ?y", USMX.fiscalYear, retyped(USMX.fiscalYear, XSD.integer))),
    _m("fiscal-year-out-of-range", "FiscalYear", USMX.fiscalYear, "Pattern",
       setting("?x usmx:fiscalYear ?y", USMX.fiscalYear, const(Literal("2150", datatype=XSD.gYear)))),
    _m("funding-without-amount", "FundingStatement", USMX.amount, "MinCount", drop(FUNDING, USMX.amount)),
    _m("funding-with-two-amounts", "FundingStatement", USMX.amount, "MaxCount",
       setting(FUNDING, USMX.amount, const(Literal("1.5", datatype=XSD.decimal)), add=True)),
    _m("funding-amount-an-integer", "FundingStatement", USMX.amount, "Datatype",
       setting(FUNDING, USMX.amount, const(Literal("5", datatype=XSD.integer)))),
    _m("funding-amount-negative", "FundingStatement", USMX.amount, "MinInclusive",
       setting(FUNDING, USMX.amount, const(Literal("-5.0", datatype=XSD.decimal)))),
    _m("funding-without-unit", "FundingStatement", USMX.unit, "MinCount", drop(FUNDING, USMX.unit)),
    _m("funding-with-two-units", "FundingStatement", USMX.unit, "MaxCount",
       setting(FUNDING, USMX.unit, const(URIRef("http://qudt.org/vocab/unit/CCY_EUR")), add=True)),
    # data cube
    _m("dataset-without-structure", "DataSet", QB.structure, "MinCount", drop("?x a qb:DataSet", QB.structure)),
    _m("dataset-with-two-structures", "DataSet", QB.structure, "MaxCount",
       setting("?x a qb:DataSet", QB.structure, other("?y a qb:DataStructureDefinition"), add=True)),
    _m("dataset-structure-untyped", "DataSet", QB.structure, "Class",
       setting("?x a qb:DataSet", QB.structure, const(URIRef("https://w3id.org/usmx-kg/id/structure/none")))),
    _m("dataset-without-label", "DataSet", RDFS.label, "MinCount", drop("?x a qb:DataSet", RDFS.label)),
    _m("structure-without-dimension", "DataStructureDefinition", f"(<{QB.component}>/<{QB.dimension}>)", "MinCount",
       dropped_components(QB.dimension)),
    _m("structure-without-measure", "DataStructureDefinition", f"(<{QB.component}>/<{QB.measure}>)", "MinCount",
       dropped_components(QB.measure)),
    _m("observation-without-dataset", "Observation", QB.dataSet, "MinCount", drop(AMOUNT, QB.dataSet)),
    _m("observation-in-an-untyped-dataset", "Observation", QB.dataSet, "Class",
       setting(AMOUNT, QB.dataSet, const(URIRef("https://w3id.org/usmx-kg/id/dataset/none")))),
    _m("observation-in-two-datasets", "Observation", QB.dataSet, "MaxCount",
       setting(AMOUNT, QB.dataSet, other("?y a qb:DataSet"), add=True)),
    _m("observation-percentage-an-integer", "Observation", USMX.percentage, "Datatype",
       setting(PERCENTAGE, USMX.percentage, const(Literal("50", datatype=XSD.integer)))),
    _m("observation-percentage-negative", "Observation", USMX.percentage, "MinInclusive",
       setting(PERCENTAGE, USMX.percentage, const(Literal("-0.5", datatype=XSD.decimal)))),
    _m("observation-percentage-over-100", "Observation", USMX.percentage, "MaxInclusive",
       setting(PERCENTAGE, USMX.percentage, const(Literal("100.5", datatype=XSD.decimal)))),
    _m("observation-student-count-a-decimal", "Observation", USMX.studentCount, "Datatype",
       setting("?x a qb:Observation ; usmx:studentCount ?c", USMX.studentCount,
               retyped(USMX.studentCount, XSD.decimal))),
    _m("observation-count-a-decimal", "Observation", USMX["count"], "Datatype",
       measured(USMX["count"], "3.5", XSD.decimal)),
    _m("observation-amount-an-integer", "Observation", USMX.amount, "Datatype",
       setting(AMOUNT, USMX.amount, const(Literal("20", datatype=XSD.integer)))),
    _m("observation-amount-negative", "Observation", USMX.amount, "MinInclusive",
       setting(AMOUNT, USMX.amount, const(Literal("-1.0", datatype=XSD.decimal)))),
    _m("observation-with-two-measures", "Observation", None, "SPARQL",
       setting(AMOUNT, USMX.amount, const(Literal("999999.5", datatype=XSD.decimal)), add=True)),
    _m("observation-without-dimension", "Observation", None, "SPARQL", no_dimension),
    _m("totals-disagree", "TotalsCheck", USMX.totalsAgree, "HasValue",
       setting("?x a usmx:TotalsCheck", USMX.totalsAgree, const(Literal(False)))),
    _m("totals-check-of-nothing", "TotalsCheck", USMX.checkedTotal, "MinCount",
       drop("?x a usmx:TotalsCheck", USMX.checkedTotal)),
    _m("totals-check-of-two", "TotalsCheck", USMX.checkedTotal, "MaxCount",
       setting("?x a usmx:TotalsCheck", USMX.checkedTotal, other("?y a qb:Observation"), add=True)),
    _m("totals-check-of-a-person", "TotalsCheck", USMX.checkedTotal, "Class",
       setting("?x a usmx:TotalsCheck", USMX.checkedTotal, other("?y a usmx:Person"))),
    # claims
    _m("claim-without-text", "Claim", SCHEMA.text, "MinCount", drop(CLAIM, SCHEMA.text)),
    _m("claim-with-two-texts", "Claim", SCHEMA.text, "MaxCount",
       setting(CLAIM, SCHEMA.text, const(Literal("a second text")), add=True)),
    _m("claim-text-a-number", "Claim", SCHEMA.text, "Node",
       setting(CLAIM, SCHEMA.text, const(Literal("7", datatype=XSD.integer)))),
    _m("claim-without-claimant", "Claim", PROV.wasAttributedTo, "MinCount", drop(CLAIM, PROV.wasAttributedTo)),
    _m("claim-by-a-date", "Claim", PROV.wasAttributedTo, "Class",
       setting(CLAIM, PROV.wasAttributedTo, const(Literal("2014", datatype=XSD.gYear)))),
    _m("quotation-without-speaker", "Quotation", USMX.speaker, "MinCount", drop("?x a usmx:Quotation", USMX.speaker)),
    _m("quotation-by-a-place", "Quotation", USMX.speaker, "Class",
       setting("?x a usmx:Quotation", USMX.speaker, other("?y a qb:Observation"))),
    _m("claim-not-from-a-document", "Claim", PROV.wasDerivedFrom, "QualifiedMinCount",
       setting(CLAIM, PROV.wasDerivedFrom, const(URIRef(f"{ID}source/0")))),
    _m("claim-without-evidence", "Claim", USMX.evidence, "MinCount", drop(CLAIM, USMX.evidence)),
)
"""Every mutation; :mod:`tests.test_shapes_mutations` checks that each shape constraint has one."""
