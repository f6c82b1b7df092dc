"""The walking skeleton: one command builds a deterministic dataset from the sources folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from pyoxigraph import RdfFormat, parse
from rdflib.namespace import DCTERMS, RDF

from usmxkg.errors import BuildError
from usmxkg.pipeline import build, source_files
from usmxkg.vocab import GRAPH, USMX

from .conftest import SOURCES

DOCUMENT_CLASSES = {USMX.Thesis, USMX.CatalogRecord, USMX.NewsArticle, USMX.BlogPost, USMX.Document}


def test_every_source_file_becomes_one_named_graph(corpus_build):
    result, out = corpus_build
    files = source_files(SOURCES)
    assert len(files) == 5
    assert len(result.documents) == len(files)
    dataset = rdflib.Dataset()
    dataset.parse(out / "graph.nq", format="nquads")
    source_graphs = {g.identifier for g in dataset.graphs() if str(g.identifier).startswith(GRAPH["source/"])}
    assert source_graphs == {rdflib.URIRef(f"{GRAPH}source/{doc.doc_id}") for doc in result.documents}
    assert {GRAPH.ontology, GRAPH.reference, GRAPH.links} <= {g.identifier for g in dataset.graphs()}
    # plus the graph of claims linked across documents, when the rules link any
    linked = GRAPH["claim-links"] in {g.identifier for g in dataset.graphs()}
    assert result.graphs == len(source_graphs) + 3 + linked


def test_each_document_graph_has_a_typed_titled_document(corpus_build):
    result, out = corpus_build
    dataset = rdflib.Dataset()
    dataset.parse(out / "graph.nq", format="nquads")
    for doc in result.documents:
        graph = dataset.graph(rdflib.URIRef(f"{GRAPH}source/{doc.doc_id}"))
        typed = {s for s, o in graph.subject_objects(RDF.type) if o in DOCUMENT_CLASSES}
        assert typed, f"{doc.source}: no typed document resource"
        titles = [graph.value(s, DCTERMS.title) for s in typed]
        assert any(titles), f"{doc.source}: no title"


def test_thesis_and_news_metadata(corpus_build):
    _, out = corpus_build
    dataset = rdflib.Dataset()
    dataset.parse(out / "graph.nq", format="nquads")
    rows = {
        (str(title), str(date), str(date.datatype).rsplit("#", 1)[-1])
        for title, date in dataset.query(
            "SELECT ?title ?date WHERE { GRAPH ?g { ?d dcterms:title ?title ; dcterms:date ?date } }",
            initNs={"dcterms": DCTERMS},
        )
    }
    assert ("BUILDING TRUST: THE CHALLENGE OF BUILDING PARTNERSHIP CAPACITY IN U.S.-MEXICO MILITARY RELATIONS",
            "2014-03", "gYearMonth") in rows
    assert any(date == "2016-10-18" and kind == "date" for _, date, kind in rows)


def test_two_builds_are_byte_identical(corpus_build, tmp_path):
    """Another folder, other file names in another order, another process and hash seed: the same bytes."""
    _, first = corpus_build
    sources = tmp_path / "other sources – copia"
    sources.mkdir()
    for n, path in enumerate(reversed(source_files(SOURCES))):  # names sort the files the other way round
        shutil.copy(path, sources / f"{n:02d} documento ñ {path.stem[-4:]}.text")
    second = tmp_path / "again"
    seed = "4242" if os.environ.get("PYTHONHASHSEED") != "4242" else "7"
    subprocess.run([sys.executable, "-m", "usmxkg.cli", "build", "--sources", str(sources), "--out", str(second),
                    "--no-validate"], env={**os.environ, "PYTHONHASHSEED": seed}, cwd=tmp_path, check=True,
                   capture_output=True)
    for name in ("graph.nq", "graph.trig", "resolution.tsv"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_nquads_are_sorted_and_parse_with_both_engines(corpus_build):
    result, out = corpus_build
    lines = (out / "graph.nq").read_bytes().splitlines()
    assert lines == sorted(lines)
    assert len(lines) == result.quads
    assert sum(1 for _ in parse(path=str(out / "graph.nq"), format=RdfFormat.N_QUADS)) == result.quads
    assert set(parse(path=str(out / "graph.trig"), format=RdfFormat.TRIG)) == set(
        parse(path=str(out / "graph.nq"), format=RdfFormat.N_QUADS)
    )
    rdflib.Dataset().parse(out / "graph.trig", format="trig")


def test_unreadable_source_stops_the_build_and_writes_nothing(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(SOURCES / source_files(SOURCES)[0].name, sources)
    (sources / "broken.txt").write_bytes(b"")
    out = tmp_path / "out"
    with pytest.raises(BuildError, match=r"broken\.txt: empty file"):
        build(sources, out)
    assert not out.exists()


def test_keep_going_skips_the_unreadable_file(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(source_files(SOURCES)[0], sources)
    (sources / "broken.txt").write_bytes(b"")
    result = build(sources, tmp_path / "out", keep_going=True)
    assert len(result.documents) == 1
    assert any("broken.txt" in w for w in result.warnings)
    assert (tmp_path / "out" / "graph.nq").exists()


def test_duplicate_files_give_one_graph(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    first = source_files(SOURCES)[0]
    shutil.copy(first, sources / "a.txt")
    shutil.copy(first, sources / "b.txt")
    result = build(sources, tmp_path / "out")
    assert len(result.documents) == 1
    assert any("same content" in w for w in result.warnings)


def test_missing_sources_folder_is_a_clear_error(tmp_path: Path):
    with pytest.raises(BuildError, match="sources folder not found"):
        build(tmp_path / "nowhere", tmp_path / "out")
