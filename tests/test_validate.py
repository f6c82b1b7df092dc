"""SHACL shapes accept the corpus build and reject the faults they exist to catch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib

from usmxkg.cli import main
from usmxkg.errors import BuildError
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


def _without(source: Path, dropped: str, target: Path) -> Path:
    """A copy of a built dataset without the statements of one predicate."""
    target.write_text("".join(line for line in source.read_text(encoding="utf-8").splitlines(keepends=True)
                              if f"<{dropped}>" not in line.split(" ", 2)[1]), encoding="utf-8")
    return target


def test_validate_command_on_the_build_conforms_and_writes_three_reports(corpus_build, tmp_path, capsys):
    _, out = corpus_build
    assert main(["validate", str(out / "graph.nq"), "--out", str(tmp_path)]) == 0
    assert "conforms" in capsys.readouterr().out
    summary = json.loads((tmp_path / "shacl-report.json").read_text(encoding="utf-8"))
    assert summary["conforms"] is True and summary["results"] == 0
    report = rdflib.Graph().parse(tmp_path / "shacl-report.ttl", format="turtle")
    assert (None, rdflib.RDF.type, rdflib.URIRef("http://www.w3.org/ns/shacl#ValidationReport")) in report


def test_validate_names_the_shape_the_document_and_the_span_when_titles_are_removed(corpus_build, tmp_path, capsys):
    _, out = corpus_build
    broken = _without(out / "graph.nq", "http://purl.org/dc/terms/title", tmp_path / "untitled.nq")
    assert main(["validate", str(broken), "--out", str(tmp_path)]) == 1
    text = capsys.readouterr().out
    assert "https://w3id.org/usmx-kg/shapes#Document" in text
    assert "a document needs a dcterms:title string" in text
    assert "stated in https://w3id.org/usmx-kg/graph/source/" in text
    assert "read from https://w3id.org/usmx-kg/id/source/" in text
    summary = json.loads((tmp_path / "shacl-report.json").read_text(encoding="utf-8"))
    assert summary["conforms"] is False
    assert set(summary["by_shape"]) == {"https://w3id.org/usmx-kg/shapes#Document"}
    assert all(d["evidence"] and d["graphs"] for d in summary["details"])


def test_validate_bad_input_exits_2_with_one_line(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "missing.nq")]) == 2
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix ex: <http://example.org/> .\nex:a ex:b ", encoding="utf-8")
    assert main(["validate", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "missing.nq: file not found" in err and "bad.ttl: not valid turtle" in err and "Traceback" not in err


def test_validate_names_the_claim_shape_when_claimants_are_removed(corpus_build, tmp_path, capsys):
    _, out = corpus_build
    broken = _without(out / "graph.nq", "http://www.w3.org/ns/prov#wasAttributedTo", tmp_path / "unclaimed.nq")
    assert main(["validate", str(broken), "--out", str(tmp_path)]) == 1
    assert "a claim needs at least one claimant" in capsys.readouterr().out
    summary = json.loads((tmp_path / "shacl-report.json").read_text(encoding="utf-8"))
    assert set(summary["by_shape"]) == {"https://w3id.org/usmx-kg/shapes#Claim"}
    assert {d["component"] for d in summary["details"]} == {"http://www.w3.org/ns/shacl#MinCountConstraintComponent"}


def test_both_engines_of_the_command_give_the_same_summary(tmp_path, capsys):
    data = tmp_path / "broken.ttl"
    data.write_text(BROKEN, encoding="utf-8")
    summaries = []
    for engine in ("fast", "pyshacl"):
        folder = tmp_path / engine
        assert main(["validate", str(data), "--engine", engine, "--out", str(folder)]) == 1
        summaries.append(json.loads((folder / "shacl-report.json").read_text(encoding="utf-8")))
        report = rdflib.Graph().parse(folder / "shacl-report.ttl", format="turtle")
        results = list(report.objects(None, rdflib.URIRef("http://www.w3.org/ns/shacl#result")))
        assert len(results) == summaries[-1]["results"]
    assert summaries[0]["by_shape"] == summaries[1]["by_shape"] and summaries[0]["results"] == summaries[1]["results"]


def test_a_shape_the_compiler_cannot_run_is_an_error_naming_it(tmp_path, capsys):
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text("""@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
ex:Closed a sh:NodeShape ; sh:targetClass ex:Thing ; sh:closed true .
""", encoding="utf-8")
    data = rdflib.Graph().parse(data=BROKEN, format="turtle")
    with pytest.raises(BuildError, match=r"http://example.org/Closed: .*closed"):
        validate_graph(data, shapes)
