"""Code and ontology agree on the vocabulary; minted IRIs are stable."""

from __future__ import annotations

import rdflib
from rdflib.namespace import OWL, RDF

from usmxkg.reference import ReferencePaths
from usmxkg.vocab import USMX, document_iri, entity_iri

DECLARATIONS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


def test_closed_namespace_matches_the_ontology():
    graph = rdflib.Graph().parse(ReferencePaths().ontology_files[0], format="turtle")
    declared = {str(s)[len(str(USMX)):] for kind in DECLARATIONS for s in graph.subjects(RDF.type, kind)
                if str(s).startswith(str(USMX))}
    in_code = set(USMX.__annotations__)
    assert declared - in_code == set(), "declared in usmx.ttl but missing from vocab.USMX"
    assert in_code - declared == set(), "in vocab.USMX but not declared in usmx.ttl"


def test_minted_iris_ignore_case_accents_and_punctuation():
    assert entity_iri("institution", "Secretaría de la Defensa Nacional") == entity_iri(
        "institution", "SECRETARIA DE LA DEFENSA NACIONAL")
    assert document_iri("Building trust: the challenge", "Martinez") == document_iri(
        "BUILDING TRUST: THE CHALLENGE", "MARTÍNEZ")
    assert document_iri("Building trust", "Martinez") != document_iri("Building trust", "Garza")
