"""SHACL shapes accept the corpus build and reject the faults they exist to catch."""

from __future__ import annotations

import rdflib

from usmxkg.reference import ReferencePaths
from usmxkg.validate import validate_graph

ONTOLOGY = ReferencePaths().ontology_files

BROKEN = """
@prefix usmx: <https://w3id.org/usmx-kg/ontology#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <http://example.org/> .

ex:thesis a usmx:Thesis ;
    dcterms:date "March 2014" ;
    dcterms:creator ex:someone ;
    usmx:evidence ex:ev ;
    prov:wasDerivedFrom ex:src .
ex:someone a usmx:Person .
ex:ev a usmx:TextEvidence ; oa:hasSource ex:src ; oa:hasSelector ex:pos, ex:quote .
ex:pos a oa:TextPositionSelector ; oa:start "9"^^xsd:nonNegativeInteger ; oa:end "3"^^xsd:nonNegativeInteger .
ex:quote a oa:TextQuoteSelector ; oa:exact "x" .
"""


def test_corpus_build_conforms(corpus_build):
    result, out = corpus_build
    assert result.validation is not None
    assert result.validation.conforms, result.validation.text
    assert (out / "shacl-report.txt").exists()


def test_shapes_catch_missing_title_bad_date_unlabelled_person_and_reversed_span():
    data = rdflib.Graph().parse(data=BROKEN, format="turtle")
    for path in ONTOLOGY:
        data.parse(path, format="turtle")
    report = validate_graph(data)
    assert not report.conforms
    for message in (
        "a document needs a dcterms:title string",
        "dcterms:date must be an xsd:date, xsd:gYearMonth or xsd:gYear",
        "a person needs an rdfs:label",
        "a text position needs one start, not after its end",
    ):
        assert message in report.text
