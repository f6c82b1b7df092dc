"""SHACL validation of a built graph, behind one function.

pySHACL is the reference implementation (https://github.com/RDFLib/pySHACL);
a faster engine can replace it later behind the same function, checked for
agreement with it by tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import rdflib
from pyshacl import validate as shacl_validate

from usmxkg.reference import PROJECT_ROOT

SHAPES = PROJECT_ROOT / "ontology" / "shapes.ttl"


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """Whether the data conforms, how many results were reported, and the readable report."""

    conforms: bool
    violations: int
    text: str


def validate_graph(data: rdflib.Graph, shapes: Path = SHAPES) -> ValidationReport:
    """Validate ``data`` (with the ontology in it, for subclass targets) against ``shapes``."""
    shapes_graph = rdflib.Graph().parse(shapes, format="turtle")
    conforms, report, text = shacl_validate(data, shacl_graph=shapes_graph, advanced=True, allow_warnings=True)
    violations = len(set(report.subjects(rdflib.RDF.type, rdflib.URIRef("http://www.w3.org/ns/shacl#ValidationResult"))))
    return ValidationReport(bool(conforms), violations, str(text))


def validate_nquads(path: Path, shapes: Path = SHAPES) -> ValidationReport:
    """Validate the union of all graphs of an N-Quads file."""
    union = rdflib.Graph()
    dataset = rdflib.Dataset()
    dataset.parse(path, format="nquads")
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return validate_graph(union, shapes)
