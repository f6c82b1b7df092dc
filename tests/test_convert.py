"""Converters: concrete facts of every corpus document, unseen fixtures, and ``usmxkg convert``."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from pyoxigraph import RdfFormat, parse
from rdflib.namespace import DCTERMS, FOAF, PROV, RDF, RDFS

from usmxkg.cli import main
from usmxkg.errors import BuildError
from usmxkg.pipeline import convert
from usmxkg.vocab import CITO, ID, OA, SCHEMA, USMX

from .conftest import ROOT, SOURCES

KINDS = ROOT / "tests" / "data" / "kinds"
THESES = ROOT / "tests" / "data" / "thesis"


def corpus(prefix: str) -> Path:
    return next(SOURCES.glob(f"{prefix}_*.txt"))


def union(path: Path) -> rdflib.Graph:
    """The union of all graphs of an N-Quads file."""
    dataset = rdflib.Dataset()
    dataset.parse(path, format="nquads")
    merged = rdflib.Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        merged.add((s, p, o))
    return merged


@pytest.fixture(scope="module")
def graph(dataset) -> rdflib.Graph:
    """The union of all graphs of the corpus build."""
    merged = rdflib.Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        merged.add((s, p, o))
    return merged


def works(graph: rdflib.Graph, title_start: str) -> set[rdflib.term.Node]:
    """Works carried or described by a source file whose title starts with ``title_start``."""
    carried = set(graph.objects(None, DCTERMS.isFormatOf))
    carried |= {graph.value(record, FOAF.primaryTopic) for record in carried}
    return {s for s, t in graph.subject_objects(DCTERMS.title)
            if s in carried and str(t).lower().startswith(title_start.lower())}


def labels(graph: rdflib.Graph, work, predicate) -> set[str]:
    """Every rdfs:label of every value of ``predicate`` (documents may write a name differently)."""
    return {str(label) for o in graph.objects(work, predicate) for label in graph.objects(o, RDFS.label)}


def test_thesis_2014_metadata_and_roles(graph):
    (work,) = works(graph, "Building trust")
    assert (work, RDF.type, USMX.Thesis) in graph
    assert labels(graph, work, DCTERMS.creator) == {"Oscar R. Martinez"}
    assert labels(graph, work, USMX.advisor) == {"Rodrigo Nieto-Gomez"}
    assert labels(graph, work, USMX.secondReader) == {"Mark T. Berger"}
    assert labels(graph, work, USMX.departmentChair) == {"Mohammed Hafez"}
    assert {str(d) for d in graph.objects(work, DCTERMS.date)} == {"2014-03"}
    assert str(graph.value(work, USMX.pageCount)) == "105"
    assert "SEDENA" in {str(t) for t in graph.objects(work, USMX.subjectTerm)}
    assert labels(graph, work, USMX.degreeGrantor) == {"Naval Postgraduate School"}
    author = graph.value(work, DCTERMS.creator)
    assert str(graph.value(author, USMX.rank)) == "Major"


def test_catalogue_record_and_thesis_share_one_work(graph):
    (work,) = works(graph, "Building trust")
    records = set(graph.subjects(FOAF.primaryTopic, work))
    assert len(records) == 1
    (record,) = records
    assert (record, RDF.type, USMX.CatalogRecord) in graph
    sources = set(graph.objects(work, PROV.wasDerivedFrom))
    assert len(sources) == 2, "the work is read from both the record and the full text"


def test_thesis_2010_metadata(graph):
    (work,) = works(graph, "The U.S. and Mexico")
    titles = {str(t) for t in graph.objects(work, DCTERMS.title)}
    assert "The U.S. and Mexico: Trading Partners, Reluctant Military Allies" in titles
    assert "Rafael H. Garza, Jr." in labels(graph, work, DCTERMS.creator)
    assert len(set(graph.objects(work, DCTERMS.creator))) == 1
    assert labels(graph, work, USMX.advisor) == {"Arturo C. Sotomayor Velazquez"}
    # the 2014 thesis cites it with the year only; its own title page gives the month
    assert {str(d) for d in graph.objects(work, DCTERMS.date)} == {"2010-03", "2010"}


def test_news_release_byline_date_place_and_quotations(graph):
    (work,) = works(graph, "DoD Official")
    assert (work, RDF.type, USMX.NewsArticle) in graph
    assert labels(graph, work, DCTERMS.creator) == {"Jim Garamone"}
    date = graph.value(work, DCTERMS.date)
    assert (str(date), date.datatype) == ("2016-10-18", rdflib.XSD.date)
    assert labels(graph, work, SCHEMA.locationCreated) == {"Washington"}
    quotes = [q for q in graph.objects(work, SCHEMA.mentions) if (q, RDF.type, USMX.Quotation) in graph]
    assert len(quotes) >= 10
    speakers = {graph.value(q, USMX.speaker) for q in quotes}
    chavez = rdflib.URIRef(f"{ID}person/rebecca-chavez")
    assert speakers == {chavez}, "every quotation resolves to the one reference person"


def test_blog_post_has_title_and_no_invented_author(graph):
    (work,) = works(graph, "US-Mexico Army Relations")
    assert (work, RDF.type, USMX.BlogPost) in graph
    assert graph.value(work, DCTERMS.creator) is None
    assert graph.value(work, DCTERMS.date) is None


def test_conversion_activity_is_recorded_without_a_time(graph):
    # activities that linked claims across documents name their rule; the others are conversions
    activities = {a for a in graph.subjects(RDF.type, PROV.Activity) if graph.value(a, USMX.rule) is None}
    assert len(activities) == 5
    assert all(graph.value(a, PROV.startedAtTime) is None for a in activities)
    agents = {graph.value(a, PROV.wasAssociatedWith) for a in activities}
    assert len(agents) == 1 and (agents.pop(), RDF.type, PROV.SoftwareAgent) in graph


def test_resolution_report_lists_each_merge_with_its_rule(corpus_build):
    result, out = corpus_build
    rows = (out / "resolution.tsv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "merged\tkept\trule\tevidence"
    assert len(rows) == len(result.merges) + 1
    # quotation speakers are resolved against the lexicon when extracted, so a reference-label merge
    # shows on an organisation named in the notes instead
    assert any("secretariat-of-national-defense" in row and "reference-label" in row for row in rows[1:])


@pytest.mark.parametrize(("fixture", "title", "creators"), [
    (KINDS / "catalog_record.txt", "Coast guard cooperation in the Gulf of Mexico",
     {"Ana L. Delgado", "Thomas J. Whitfield"}),
    (KINDS / "news_release.txt", "U.S., Mexican Navies Open Joint Hurricane Response Center",
     {"Laura M. Whitaker", "Tomás Ibáñez"}),
    (THESES / "markdown_2012.txt", "Arms, aid, and autonomy", {"Daniel K. Okafor"}),
])
def test_unseen_documents_convert_with_the_same_code(tmp_path, fixture, title, creators):
    out = tmp_path / "out.nq"
    result = convert([fixture], out)
    assert len(result.documents) == 1
    data = union(out)
    (work,) = {s for s, t in data.subject_objects(DCTERMS.title) if str(t).lower().startswith(title.lower())}
    names = {str(data.value(c, RDFS.label)) for c in data.objects(work, DCTERMS.creator)}
    assert names == creators


@pytest.mark.parametrize("suffix", [".nq", ".trig", ".ttl", ".jsonld"])
def test_convert_writes_every_format_with_the_same_triples(tmp_path, suffix):
    out = tmp_path / f"news{suffix}"
    result = convert([corpus("003")], out)
    formats = {".nq": RdfFormat.N_QUADS, ".trig": RdfFormat.TRIG, ".ttl": RdfFormat.TURTLE,
               ".jsonld": RdfFormat.JSON_LD}
    triples = {(q.subject, q.predicate, q.object) for q in parse(path=str(out), format=formats[suffix])}
    assert len(triples) == result.quads  # one graph, so quads and triples agree


def test_convert_without_curated_graphs_writes_only_document_graphs(tmp_path):
    out = tmp_path / "one.nq"
    convert([corpus("000")], out)
    graphs = {q.graph_name.value for q in parse(path=str(out), format=RdfFormat.N_QUADS)}
    assert len(graphs) == 1 and graphs.pop().startswith("https://w3id.org/usmx-kg/graph/source/")


def test_convert_unknown_format_is_a_clear_error(tmp_path, capsys):
    assert main(["convert", str(corpus("003")), "-o", str(tmp_path / "x.xml")]) == 1
    assert "x.xml: unknown output format" in capsys.readouterr().err
    with pytest.raises(BuildError):
        convert([corpus("003")], tmp_path / "x.rdf")


@pytest.fixture(scope="module")
def dataset(corpus_dataset) -> rdflib.Dataset:
    return corpus_dataset


def graph_of(corpus_build, dataset: rdflib.Dataset, prefix: str) -> rdflib.Graph:
    """The named graph of one corpus document."""
    result, _ = corpus_build
    doc = next(d for d in result.documents if Path(d.source).name.startswith(prefix))
    named = rdflib.Graph()
    for triple in dataset.graph(rdflib.URIRef(f"https://w3id.org/usmx-kg/graph/source/{doc.doc_id}")):
        named.add(triple)
    return named


def evidence_quotes(graph: rdflib.Graph, entity: rdflib.URIRef) -> set[str]:
    """The exact words each piece of evidence of ``entity`` quotes."""
    path = USMX.evidence / OA.hasSelector / OA.exact
    return {str(q) for q in graph.objects(entity, path)}


SEDENA = rdflib.URIRef(f"{ID}institution/secretariat-of-national-defense")
NORTHCOM = rdflib.URIRef(f"{ID}institution/united-states-northern-command")
DEA = rdflib.URIRef(f"{ID}institution/drug-enforcement-administration")


@pytest.mark.parametrize(("prefix", "minimum"), [("001", 25), ("002", 15)])
def test_acronym_pairs_are_attached_to_what_they_name(corpus_build, dataset, prefix, minimum):
    named = graph_of(corpus_build, dataset, prefix)
    pairs = set(named.subject_objects(USMX.acronym))
    assert len(pairs) >= minimum
    assert all((s, rdflib.SKOS.altLabel, o) in named for s, o in pairs)


def test_sedena_variants_resolve_to_one_institution(corpus_build, dataset):
    news = graph_of(corpus_build, dataset, "003")
    assert "Mexican Secretariat of National Defense" in evidence_quotes(news, SEDENA)
    thesis = graph_of(corpus_build, dataset, "001")
    assert {"SEDENA", "Secretaria de Defensa Nacional"} <= evidence_quotes(thesis, SEDENA)


def test_northcom_is_usnorthcom_and_dea_is_the_administration(corpus_build, dataset):
    garza = graph_of(corpus_build, dataset, "002")
    assert (None, SCHEMA.mentions, NORTHCOM) in garza
    assert rdflib.Literal("NORTHCOM") in set(garza.objects(NORTHCOM, USMX.acronym))
    assert rdflib.Literal("D.E.A.") in set(garza.objects(DEA, USMX.acronym))
    martinez = graph_of(corpus_build, dataset, "001")
    assert rdflib.Literal("USNORTHCOM") in set(martinez.objects(NORTHCOM, USMX.acronym))


def test_defined_organisation_missing_from_reference_data_becomes_an_entity(corpus_build, dataset):
    martinez = graph_of(corpus_build, dataset, "001")
    cwd = rdflib.URIRef(f"{ID}institution/case-writing-division")
    assert str(martinez.value(cwd, RDFS.label)) == "Case Writing Division"
    assert rdflib.Literal("CWD") in set(martinez.objects(cwd, USMX.acronym))


def test_the_2014_thesis_cites_the_2010_thesis_by_its_own_iri(graph):
    (martinez,) = works(graph, "Building trust")
    (garza,) = works(graph, "The U.S. and Mexico")
    assert (martinez, CITO.cites, garza) in graph


def test_citations_describe_cited_works_with_evidence(graph):
    (martinez,) = works(graph, "Building trust")
    cited = set(graph.objects(martinez, CITO.cites))
    assert len(cited) >= 60
    titled = [w for w in cited if graph.value(w, DCTERMS.title) is not None]
    assert len(titled) >= 0.9 * len(cited)
    camp = [w for w in cited if str(graph.value(w, DCTERMS.title)).startswith("Generals in the Palacio")]
    assert len(camp) == 1, "note and bibliography entry of one book resolve to one work"
    assert graph.value(camp[0], USMX.evidence) is not None


def test_works_cited_by_both_theses_are_one_resource(graph):
    (martinez,) = works(graph, "Building trust")
    (garza,) = works(graph, "The U.S. and Mexico")
    shared = set(graph.objects(martinez, CITO.cites)) & set(graph.objects(garza, CITO.cites))
    assert shared, "the two theses share cited works (e.g. Camp)"


def test_people_named_with_a_title_get_their_office(corpus_build, dataset, graph):
    news = graph_of(corpus_build, dataset, "003")
    pena_nieto = rdflib.URIRef(f"{ID}person/enrique-pena-nieto")
    assert rdflib.Literal("President") in set(news.objects(pena_nieto, USMX.jobTitle))
    garza = graph_of(corpus_build, dataset, "002")
    # the office as the running text writes it (the reference list is not read for mentions)
    perry = {s for s, t in garza.subject_objects(USMX.jobTitle) if str(t) == "Defense Secretary"}
    assert {str(graph.value(p, RDFS.label)) for p in perry} == {"William J. Perry"}


def test_the_repository_handle_is_an_identifier_of_the_work(graph):
    (garza,) = works(graph, "The U.S. and Mexico")
    assert rdflib.Literal("http://hdl.handle.net/10945/5446") in set(graph.objects(garza, DCTERMS.identifier))


def test_no_source_code_names_a_corpus_file():
    names = [p.stem for p in SOURCES.glob("*.txt")]
    fragments = {part for name in names for part in name.split("_") if len(part) >= 8}
    assert fragments
    for path in (ROOT / "src").rglob("*.py"):
        code = path.read_text(encoding="utf-8")
        assert not any(fragment[:8] in code for fragment in fragments), path
