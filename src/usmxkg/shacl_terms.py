"""The vocabulary of the SHACL-to-SPARQL compiler: components, datatypes, the compiled check and term syntax.

Constraint components and their parameters are those of SHACL 1.0 §4
(https://www.w3.org/TR/shacl/#core-components); datatypes are XSD 1.1 Part 2.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import Literal, Node, URIRef

TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
"""Target declarations (SHACL 1.0 §2.1.3); implicit class targets are supported too."""

DESCRIPTIVE = frozenset({
    RDF.type, RDFS.comment, RDFS.label, RDFS.seeAlso, SH.message, SH.severity, SH.name, SH.description,
    SH.order, SH.group, SH.deactivated, SH.path, SH.property, SH.sparql, SH.defaultValue, *TARGETS,
})
"""Predicates of a shape that are not constraint parameters."""

VALUE_COMPONENTS = frozenset({
    SH["class"], SH.datatype, SH.nodeKind, SH.pattern, SH.flags, SH["in"], SH.minInclusive, SH.maxInclusive,
    SH.minExclusive, SH.maxExclusive, SH.minLength, SH.maxLength, SH.languageIn, SH.node, SH["or"], SH["and"],
    SH["not"], SH.xone, SH.hasValue,
})
"""Constraints that are a test of each value node on its own (and so can be nested as expressions)."""

FOCUS_COMPONENTS = frozenset({
    SH.minCount, SH.maxCount, SH.uniqueLang, SH.equals, SH.disjoint, SH.lessThan, SH.lessThanOrEquals,
    SH.qualifiedValueShape, SH.qualifiedMinCount, SH.qualifiedMaxCount, SH.qualifiedValueShapesDisjoint,
})
"""Constraints over all value nodes of a focus node together."""

COMPONENT = {
    SH["class"]: "Class", SH.datatype: "Datatype", SH.nodeKind: "NodeKind", SH.pattern: "Pattern",
    SH["in"]: "In", SH.minInclusive: "MinInclusive", SH.maxInclusive: "MaxInclusive",
    SH.minExclusive: "MinExclusive", SH.maxExclusive: "MaxExclusive", SH.minLength: "MinLength",
    SH.maxLength: "MaxLength", SH.languageIn: "LanguageIn", SH.node: "Node", SH["or"]: "Or", SH["and"]: "And",
    SH["not"]: "Not", SH.xone: "Xone", SH.hasValue: "HasValue", SH.minCount: "MinCount", SH.maxCount: "MaxCount",
    SH.uniqueLang: "UniqueLang", SH.equals: "Equals", SH.disjoint: "Disjoint", SH.lessThan: "LessThan",
    SH.lessThanOrEquals: "LessThanOrEquals", SH.qualifiedMinCount: "QualifiedMinCount",
    SH.qualifiedMaxCount: "QualifiedMaxCount", SH.sparql: "SPARQL",
}
"""The constraint component (``sh:…ConstraintComponent``) each parameter belongs to."""

NODE_KINDS = {
    SH.IRI: "isIRI({v})", SH.BlankNode: "isBlank({v})", SH.Literal: "isLiteral({v})",
    SH.BlankNodeOrIRI: "(isBlank({v}) || isIRI({v}))", SH.BlankNodeOrLiteral: "(isBlank({v}) || isLiteral({v}))",
    SH.IRIOrLiteral: "(isIRI({v}) || isLiteral({v}))",
}

CASTS = frozenset({XSD.boolean, XSD.integer, XSD.decimal, XSD.float, XSD.double, XSD.date, XSD.time,
                   XSD.dateTime, XSD.gYear, XSD.gYearMonth, XSD.duration})
"""Datatypes whose well-formedness is checked by the XPath cast of the lexical form (ill-typed literals fail)."""

INTEGER_BOUNDS = {XSD.nonNegativeInteger: ">= 0", XSD.positiveInteger: "> 0", XSD.nonPositiveInteger: "<= 0",
                  XSD.negativeInteger: "< 0"}
"""Integer datatypes derived by a bound (XSD 1.1 Part 2 §3.4), checked by value.

Oxigraph stores every literal of a datatype derived from ``xsd:integer`` as an
``xsd:integer`` of the same value, so in the store ``"5"^^xsd:nonNegativeInteger``
and ``"5"^^xsd:integer`` are one term: the fast engine accepts an integer within
the bound where the reference engine also asks for the declared datatype IRI.
Other derived integer types (``xsd:int``, ``xsd:long`` …) are refused.
"""

UNSUPPORTED_DATATYPES = frozenset({XSD.int, XSD.long, XSD.short, XSD.byte, XSD.unsignedInt, XSD.unsignedLong,
                                   XSD.unsignedShort, XSD.unsignedByte})
"""Derived integer datatypes the store cannot tell apart from ``xsd:integer`` and that have no bound check here."""


class UnsupportedShape(ValueError):
    """A shape uses a SHACL feature the SPARQL compiler does not implement (it is never skipped)."""


@dataclass(frozen=True, slots=True)
class Check:
    """One constraint of one shape as a query: its rows are the validation results."""

    shape: Node
    """The shape that holds the constraint (``sh:sourceShape``): a node shape or a property shape."""
    named_shape: str
    """The named node shape it belongs to, for grouping results."""
    component: URIRef
    constraint: Node | None
    """The SPARQL constraint node (``sh:sourceConstraint``) of a SPARQL-based constraint."""
    path: Node | None
    """The shape's ``sh:path`` node in the shapes graph, or None for a node shape."""
    severity: URIRef
    messages: tuple[Literal, ...]
    query: str

    @property
    def name(self) -> str:
        """The constraint component's local name, e.g. ``MinCountConstraintComponent``."""
        return str(self.component).rsplit("#", 1)[-1]


def number(node: Node | None) -> int:
    """An integer parameter (``sh:minCount 1``) as an int."""
    if not isinstance(node, Literal) or not isinstance(node.toPython(), int):
        raise UnsupportedShape(f"expected an integer, not {node!r}")
    return int(node.toPython())


def iri(node: Node) -> str:
    """A term as SPARQL text (IRIs in angle brackets, literals in N-Triples form)."""
    if isinstance(node, (URIRef, Literal)):
        return node.n3()
    raise UnsupportedShape(f"a blank node cannot be written into a query: {node!r}")


def datatype_test(datatype: Node, v: str) -> str:
    """A SPARQL expression true where ``v`` is a literal of ``datatype`` in its lexical space (§4.1.2)."""
    if not isinstance(datatype, URIRef):
        raise UnsupportedShape(f"sh:datatype must be an IRI, not {datatype!r}")
    if datatype in UNSUPPORTED_DATATYPES:
        raise UnsupportedShape(f"sh:datatype {datatype}: the store reads it as xsd:integer")
    if datatype in INTEGER_BOUNDS:
        return (f"(isLiteral({v}) && datatype({v}) = {XSD.integer.n3()} && "
                f"COALESCE({XSD.integer.n3()}(STR({v})) {INTEGER_BOUNDS[datatype]}, false))")  # type: ignore[index]
    test = f"(isLiteral({v}) && datatype({v}) = {iri(datatype)}"
    if datatype in CASTS:
        test += f" && COALESCE({iri(datatype)}(STR({v})) = {iri(datatype)}(STR({v})), false)"
    return test + ")"
