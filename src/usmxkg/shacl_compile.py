"""SHACL shapes compiled to SPARQL 1.1 SELECT queries that return the violating focus and value nodes.

Each constraint of a shape (https://www.w3.org/TR/shacl/#core-components) becomes
one :class:`Check`: a query whose rows are the validation results of that
constraint, with ``?this`` the focus node and ``?value`` the value node where the
standard gives one. Targets follow SHACL 1.0 §2.1.3: a class target reaches the
instances of its subclasses through ``rdf:type/rdfs:subClassOf*`` in the data
graph. Shapes reached through ``sh:node``, ``sh:or``, ``sh:and``, ``sh:not``,
``sh:xone`` or ``sh:qualifiedValueShape`` are compiled into boolean SPARQL
expressions ("this value conforms to that shape") inside the query.

SPARQL-based constraints (§5) are run with ``$this`` pre-bound as the standard
says, by joining the focus nodes at the start of the query's outermost group;
queries for which that is not the same as pre-binding (``$this`` not projected,
or used inside a sub-select) are refused.

Anything the compiler does not implement raises :class:`UnsupportedShape` naming
the shape and the feature: a constraint is never skipped silently.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

import rdflib
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import BNode, Literal, Node, URIRef

from usmxkg.shacl_terms import (
    COMPONENT,
    DESCRIPTIVE,
    FOCUS_COMPONENTS,
    NODE_KINDS,
    TARGETS,
    VALUE_COMPONENTS,
    Check,
    UnsupportedShape,
    datatype_test,
    iri,
    number,
)

__all__ = ["Check", "Compiler", "UnsupportedShape", "compile_shapes"]


class Compiler:
    """Compiles every shape of a shapes graph into :class:`Check` queries (see the module docstring)."""

    def __init__(self, shapes: rdflib.Graph) -> None:
        self.g = shapes
        self._fresh = itertools.count()

    # ------------------------------------------------------------------ helpers

    def _one(self, node: Node, predicate: URIRef) -> Node | None:
        values = list(self.g.objects(node, predicate))
        if len(values) > 1:
            raise UnsupportedShape(f"{self.describe(node)}: more than one {predicate.n3(self.g.namespace_manager)}")
        return values[0] if values else None

    def _list(self, node: Node) -> list[Node]:
        return list(Collection(self.g, node))

    def var(self) -> str:
        """A fresh variable name."""
        return f"?v{next(self._fresh)}"

    def describe(self, shape: Node) -> str:
        """A shape's name for error messages: its IRI, or the named shape and path of a property shape."""
        if isinstance(shape, URIRef):
            return str(shape)
        owner = self.owner(shape)
        path = self._one(shape, SH.path)
        return f"{owner} (property shape on {self.path(path) if path is not None else '?'})"

    def owner(self, shape: Node) -> str:
        """The named shape that a (possibly anonymous, possibly nested) shape belongs to."""
        seen = {shape}
        while not isinstance(shape, URIRef):
            parents = [s for s, _, _ in self.g.triples((None, None, shape))]
            if not parents:
                return str(shape)
            shape = parents[0]
            if shape in seen:
                return str(shape)
            seen.add(shape)
        return str(shape)

    def path(self, path: Node | None) -> str:
        """A SHACL property path (§2.3.1) as a SPARQL 1.1 property path."""
        if path is None:
            raise UnsupportedShape("a property shape without sh:path")
        if isinstance(path, URIRef):
            return path.n3()
        if (path, RDF.first, None) in self.g:
            return "(" + "/".join(self.path(p) for p in self._list(path)) + ")"
        for predicate, template in ((SH.inversePath, "^{}"), (SH.zeroOrMorePath, "{}*"),
                                    (SH.oneOrMorePath, "{}+"), (SH.zeroOrOnePath, "{}?")):
            inner = self._one(path, predicate)
            if inner is not None:
                return "(" + template.format(self.path(inner)) + ")"
        alternatives = self._one(path, SH.alternativePath)
        if alternatives is not None:
            return "(" + "|".join(self.path(p) for p in self._list(alternatives)) + ")"
        raise UnsupportedShape(f"unsupported property path {path!r}")

    def pattern(self, path: Node | None, subject: str, obj: str) -> str:
        """A triple pattern for ``subject path obj``; a sequence of predicates becomes a chain of patterns.

        Oxigraph evaluates a sequence path with a bound end from that end, so a
        chain through fresh variables is much faster inside ``NOT EXISTS``.
        """
        if path is not None and not isinstance(path, URIRef) and (path, RDF.first, None) in self.g:
            steps = self._list(path)
            nodes = [subject] + [self.var() for _ in steps[:-1]] + [obj]
            return " ".join(self.pattern(step, nodes[i], nodes[i + 1]) for i, step in enumerate(steps))
        return f"{subject} {self.path(path)} {obj} ."

    def severity(self, shape: Node) -> URIRef:
        value = self._one(shape, SH.severity)
        return value if isinstance(value, URIRef) else SH.Violation

    def messages(self, node: Node) -> tuple[Literal, ...]:
        return tuple(sorted((m for m in self.g.objects(node, SH.message) if isinstance(m, Literal)), key=str))

    def deactivated(self, shape: Node) -> bool:
        return self._one(shape, SH.deactivated) == Literal(True)

    # ------------------------------------------------------------------ shapes and targets

    def node_shapes(self) -> list[Node]:
        """Every shape with a target (node shapes, or property shapes used as such), in a stable order."""
        shapes = {s for s in self.g.subjects(RDF.type, SH.NodeShape)}
        shapes |= {s for t in TARGETS for s in self.g.subjects(t, None)}
        shapes |= {s for s in self.g.subjects(RDF.type, SH.PropertyShape) if not isinstance(s, BNode)}
        return sorted(shapes, key=str)

    def target(self, shape: Node) -> str | None:
        """The group pattern binding ``?this`` to the shape's focus nodes, or None if it has no target."""
        parts = []
        for cls in sorted(self.g.objects(shape, SH.targetClass), key=str):
            parts.append(f"?this a/{RDFS.subClassOf.n3()}* {iri(cls)} .")
        if (shape, RDF.type, RDFS.Class) in self.g or (shape, RDF.type, rdflib.OWL.Class) in self.g:
            parts.append(f"?this a/{RDFS.subClassOf.n3()}* {iri(shape)} .")
        nodes = sorted(self.g.objects(shape, SH.targetNode), key=str)
        if nodes:
            parts.append("VALUES ?this { " + " ".join(iri(n) for n in nodes) + " }")
        for predicate in sorted(self.g.objects(shape, SH.targetSubjectsOf), key=str):
            parts.append(f"SELECT DISTINCT ?this WHERE {{ ?this {iri(predicate)} [] }}")
        for predicate in sorted(self.g.objects(shape, SH.targetObjectsOf), key=str):
            parts.append(f"SELECT DISTINCT ?this WHERE {{ [] {iri(predicate)} ?this }}")
        if not parts:
            return None
        if len(parts) == 1 and not parts[0].startswith("SELECT"):
            return f"SELECT DISTINCT ?this WHERE {{ {parts[0]} }}"
        return "SELECT DISTINCT ?this WHERE { " + " UNION ".join("{ " + p + " }" for p in parts) + " }"

    def checks(self) -> list[Check]:
        """The checks of every targeted shape and of the property shapes it holds."""
        out: list[Check] = []
        for shape in self.node_shapes():
            if self.deactivated(shape):
                continue
            target = self.target(shape)
            if target is None:
                continue  # only used from other shapes, where it is compiled as an expression
            named = str(shape) if isinstance(shape, URIRef) else self.owner(shape)
            is_property = self._one(shape, SH.path) is not None
            out += self.shape_checks(shape, named, target, is_property)
            if not is_property:
                for prop in sorted(self.g.objects(shape, SH.property), key=self.describe):
                    if not self.deactivated(prop):
                        out += self.shape_checks(prop, named, target, True)
        return out

    # ------------------------------------------------------------------ one shape's constraints

    def shape_checks(self, shape: Node, named: str, target: str, is_property: bool) -> list[Check]:
        """One check per constraint parameter of ``shape`` (a node shape, or a property shape with a path)."""
        unknown = {p for p in self.g.predicates(shape, None)} - DESCRIPTIVE - VALUE_COMPONENTS - FOCUS_COMPONENTS
        if unknown:
            names = ", ".join(sorted(str(p) for p in unknown))
            raise UnsupportedShape(f"{self.describe(shape)}: the SPARQL engine does not implement {names}")
        path_node = self._one(shape, SH.path) if is_property else None
        path = self.path(path_node) if is_property else ""
        values = self.pattern(path_node, "?this", "?value") if is_property else "BIND (?this AS ?value)"
        head = f"{{ {target} }}"
        common = {"shape": shape, "named_shape": named, "path": path_node, "severity": self.severity(shape),
                  "messages": self.messages(shape), "constraint": None}
        out = []
        for parameter in sorted(set(self.g.predicates(shape, None)) & VALUE_COMPONENTS - {SH.flags}, key=str):
            if parameter == SH.hasValue and is_property:  # §4.8.3: a focus-level test on a property shape
                queries = [f"SELECT ?this WHERE {{ {head} MINUS {{ {self.pattern(path_node, '?this', iri(value))} }} }}"
                           for value in sorted(self.g.objects(shape, SH.hasValue), key=str)]
            elif parameter == SH["class"]:  # an anti-join: the instances are found once, not per value
                queries = [f"SELECT DISTINCT ?this ?value WHERE {{ {head} {values} "
                           f"MINUS {{ ?value a/{RDFS.subClassOf.n3()}* {iri(cls)} }} }}"
                           for cls in sorted(self.g.objects(shape, parameter), key=str)]
            else:
                queries = [f"SELECT DISTINCT ?this ?value WHERE {{ {head} {values} FILTER (!COALESCE({test}, false)) }}"
                           for test in self.value_tests(shape, parameter, "?value")]
            out += [Check(component=self.component(parameter), query=q, **common)  # type: ignore[arg-type]
                    for q in queries]
        if is_property:
            out += [Check(component=self.component(c), query=q, **common)  # type: ignore[arg-type]
                    for c, q in self.focus_queries(shape, head, path)]
        elif set(self.g.predicates(shape, None)) & FOCUS_COMPONENTS:
            raise UnsupportedShape(f"{self.describe(shape)}: cardinality and pair constraints need a sh:path")
        for constraint in sorted(self.g.objects(shape, SH.sparql), key=str):
            if not self.deactivated(constraint):
                out.append(self.sparql_check(shape, named, target, constraint, path_node))
        return out

    @staticmethod
    def component(parameter: URIRef) -> URIRef:
        return SH[COMPONENT[parameter] + "ConstraintComponent"]

    def focus_queries(self, shape: Node, head: str, path: str) -> Iterator[tuple[URIRef, str]]:
        """Queries of the constraints over all values of a focus node together (§4.2, §4.5, §4.8.3)."""
        g = self.g
        minimum, maximum = self._one(shape, SH.minCount), self._one(shape, SH.maxCount)
        if minimum is not None and number(minimum) > 0:
            if number(minimum) == 1:
                yield SH.minCount, f"SELECT ?this WHERE {{ {head} MINUS {{ ?this {path} ?any }} }}"
            else:
                yield SH.minCount, (f"SELECT ?this WHERE {{ {head} OPTIONAL {{ ?this {path} ?any }} }} "
                                    f"GROUP BY ?this HAVING (COUNT(DISTINCT ?any) < {number(minimum)})")
        if maximum is not None:
            yield SH.maxCount, (f"SELECT ?this WHERE {{ {head} ?this {path} ?any }} "
                                f"GROUP BY ?this HAVING (COUNT(DISTINCT ?any) > {number(maximum)})")
        if self._one(shape, SH.uniqueLang) == Literal(True):
            yield SH.uniqueLang, (f"SELECT DISTINCT ?this WHERE {{ {head} ?this {path} ?a, ?b . "
                                  "FILTER (!sameTerm(?a, ?b) && LANG(?a) != \"\" && "
                                  "LCASE(LANG(?a)) = LCASE(LANG(?b))) }")
        for predicate in g.objects(shape, SH.equals):
            other = iri(predicate)
            yield SH.equals, (f"SELECT DISTINCT ?this ?value WHERE {{ {head} "
                              f"{{ ?this {path} ?value FILTER NOT EXISTS {{ ?this {other} ?value }} }} UNION "
                              f"{{ ?this {other} ?value FILTER NOT EXISTS {{ ?this {path} ?value }} }} }}")
        for predicate in g.objects(shape, SH.disjoint):
            yield SH.disjoint, (f"SELECT DISTINCT ?this ?value WHERE {{ {head} ?this {path} ?value . "
                                f"?this {iri(predicate)} ?value }}")
        for parameter, operator in ((SH.lessThan, "<"), (SH.lessThanOrEquals, "<=")):
            for predicate in g.objects(shape, parameter):
                yield parameter, (f"SELECT DISTINCT ?this ?value WHERE {{ {head} ?this {path} ?value . "
                                  f"?this {iri(predicate)} ?other "
                                  f"FILTER (!COALESCE(?value {operator} ?other, false)) }}")
        qualified = self._one(shape, SH.qualifiedValueShape)
        if qualified is not None:
            if self._one(shape, SH.qualifiedValueShapesDisjoint) == Literal(True):
                raise UnsupportedShape(f"{self.describe(shape)}: sh:qualifiedValueShapesDisjoint true")
            conforms = self.conforms(qualified, "?value")
            count = f"SUM(IF(COALESCE({conforms}, false), 1, 0))"
            body = f"{head} OPTIONAL {{ ?this {path} ?value }}"
            low, high = self._one(shape, SH.qualifiedMinCount), self._one(shape, SH.qualifiedMaxCount)
            if low is not None:
                yield SH.qualifiedMinCount, (f"SELECT ?this WHERE {{ {body} }} GROUP BY ?this "
                                             f"HAVING ({count} < {number(low)})")
            if high is not None:
                yield SH.qualifiedMaxCount, (f"SELECT ?this WHERE {{ {body} }} GROUP BY ?this "
                                             f"HAVING ({count} > {number(high)})")

    # ------------------------------------------------------------------ value tests as expressions

    def value_tests(self, shape: Node, parameter: Node, v: str) -> list[str]:
        """SPARQL expressions, one per value of ``parameter``, true where the value node ``v`` satisfies it."""
        values = sorted(self.g.objects(shape, parameter), key=str)
        return [self.value_test(shape, parameter, value, v) for value in values]

    def value_test(self, shape: Node, parameter: Node, value: Node, v: str) -> str:
        if parameter == SH["class"]:
            return f"EXISTS {{ {v} a/{RDFS.subClassOf.n3()}* {iri(value)} }}"
        if parameter == SH.datatype:
            return datatype_test(value, v)
        if parameter == SH.nodeKind:
            if not isinstance(value, URIRef) or value not in NODE_KINDS:
                raise UnsupportedShape(f"{self.describe(shape)}: unknown sh:nodeKind {value}")
            return NODE_KINDS[value].format(v=v)
        if parameter == SH.pattern:
            flags = self._one(shape, SH.flags)
            extra = f", {Literal(str(flags)).n3()}" if flags is not None else ""
            return f"(!isBlank({v}) && REGEX(STR({v}), {Literal(str(value)).n3()}{extra}))"
        if parameter == SH["in"]:
            allowed = self._list(value)
            return "(" + " || ".join(f"sameTerm({v}, {iri(m)})" for m in allowed) + ")" if allowed else "false"
        comparisons = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">", SH.maxExclusive: "<"}
        if isinstance(parameter, URIRef) and parameter in comparisons:
            return f"({v} {comparisons[parameter]} {iri(value)})"
        if parameter in (SH.minLength, SH.maxLength):
            operator = ">=" if parameter == SH.minLength else "<="
            return f"(!isBlank({v}) && STRLEN(STR({v})) {operator} {number(value)})"
        if parameter == SH.languageIn:
            ranges = self._list(value)
            return "(" + " || ".join(f"langMatches(LANG({v}), {Literal(str(r)).n3()})" for r in ranges) + ")"
        if parameter == SH.hasValue:
            return f"sameTerm({v}, {iri(value)})"
        if parameter == SH.node:
            return self.conforms(value, v)
        members: list[str] = [self.conforms(m, v) for m in self._list(value)] if parameter != SH["not"] else []
        if parameter == SH["or"]:
            return "(" + " || ".join(members) + ")" if members else "false"
        if parameter == SH["and"]:
            return "(" + " && ".join(members) + ")" if members else "true"
        if parameter == SH.xone:
            return "((" + " + ".join(f"IF({m}, 1, 0)" for m in members) + ") = 1)" if members else "false"
        if parameter == SH["not"]:
            return f"(!{self.conforms(value, v)})"
        raise UnsupportedShape(f"{self.describe(shape)}: {parameter} is not a value constraint")

    def conforms(self, shape: Node, v: str) -> str:
        """A SPARQL expression true where the node ``v`` conforms to ``shape`` (used for nested shapes)."""
        unknown = set(self.g.predicates(shape, None)) - DESCRIPTIVE - VALUE_COMPONENTS
        if unknown - {SH.minCount, SH.maxCount} or (unknown and self._one(shape, SH.path) is None) or \
                self._one(shape, SH.sparql) is not None:
            raise UnsupportedShape(f"{self.describe(shape)}: nested shapes may hold only value constraints, "
                                   "sh:property and counts of 0 or 1")
        path_node = self._one(shape, SH.path)
        tests = []
        if path_node is None:
            for parameter in sorted(set(self.g.predicates(shape, None)) & VALUE_COMPONENTS - {SH.flags}, key=str):
                tests += self.value_tests(shape, parameter, v)
            for prop in sorted(self.g.objects(shape, SH.property), key=str):
                tests.append(self.conforms_property(prop, v))
        else:
            tests.append(self.conforms_property(shape, v))
        return "(" + " && ".join(tests) + ")" if tests else "true"

    def conforms_property(self, prop: Node, focus: str) -> str:
        """A property shape's constraints on ``focus`` as an expression (counts limited to 0 and 1)."""
        path = self.path(self._one(prop, SH.path))
        x = self.var()
        tests = []
        minimum, maximum = self._one(prop, SH.minCount), self._one(prop, SH.maxCount)
        if (minimum is not None and number(minimum) > 1) or (maximum is not None and number(maximum) > 1):
            raise UnsupportedShape(f"{self.describe(prop)}: a nested count above 1")
        if minimum is not None and number(minimum) == 1:
            tests.append(f"EXISTS {{ {focus} {path} {x} }}")
        if maximum is not None:
            y = self.var()
            tests.append(f"NOT EXISTS {{ {focus} {path} {x}, {y} FILTER (!sameTerm({x}, {y})) }}" if number(maximum)
                         else f"NOT EXISTS {{ {focus} {path} {x} }}")
        for parameter in sorted(set(self.g.predicates(prop, None)) & VALUE_COMPONENTS - {SH.flags}, key=str):
            if parameter == SH.hasValue:
                tests.append(f"EXISTS {{ {focus} {path} {iri(self._one(prop, SH.hasValue))} }}")  # type: ignore[arg-type]
                continue
            z = self.var()
            for test in self.value_tests(prop, parameter, z):
                tests.append(f"NOT EXISTS {{ {focus} {path} {z} FILTER (!COALESCE({test}, false)) }}")
        return "(" + " && ".join(tests) + ")" if tests else "true"

    # ------------------------------------------------------------------ SPARQL-based constraints

    def prefixes(self, constraint: Node) -> str:
        """PREFIX declarations from the ``sh:declare`` of every ontology that ``sh:prefixes`` names (§5.2.1)."""
        lines = []
        for ontology in self.g.objects(constraint, SH.prefixes):
            for declaration in self.g.objects(ontology, SH.declare):
                prefix, namespace = self._one(declaration, SH.prefix), self._one(declaration, SH.namespace)
                lines.append(f"PREFIX {prefix}: <{namespace}>")
        return "\n".join(sorted(set(lines)))

    def sparql_check(self, shape: Node, named: str, target: str, constraint: Node, path: Node | None) -> Check:
        """A ``sh:SPARQLConstraint`` with the focus nodes joined where ``$this`` would be pre-bound."""
        select = self._one(constraint, SH.select)
        if select is None:
            raise UnsupportedShape(f"{self.describe(shape)}: a SPARQL constraint without sh:select")
        text = str(select)
        for variable in ("$PATH", "$currentShape", "$shapesGraph", "$value"):
            if variable in text:
                raise UnsupportedShape(f"{self.describe(shape)}: SPARQL constraint uses {variable}")
        opening = text.find("{")
        projection = text[:opening]
        if opening < 0 or not re.search(r"[$?]this\b|\*", projection):
            raise UnsupportedShape(f"{self.describe(shape)}: the SPARQL constraint must project $this")
        if re.search(r"\bSELECT\b", text[opening:], re.IGNORECASE) and "$this" in text[opening:]:
            raise UnsupportedShape(f"{self.describe(shape)}: $this inside a sub-select cannot be pre-bound by a join")
        body = text[:opening + 1] + f" {{ {target} }} " + text[opening + 1:]
        query = self.prefixes(constraint) + "\n" + body.replace("$this", "?this")
        messages = self.messages(constraint) or self.messages(shape)
        return Check(shape=shape, named_shape=named, component=SH.SPARQLConstraintComponent, constraint=constraint,
                     path=path, severity=self.severity(shape), messages=messages, query=query)


def compile_shapes(shapes: rdflib.Graph) -> list[Check]:
    """Every constraint of ``shapes`` as a :class:`Check`; raises :class:`UnsupportedShape` on what it cannot do."""
    return Compiler(shapes).checks()
