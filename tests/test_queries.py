"""The query pack: every query's header and catalogue entry, parameter binding, and its answers.

Each pack query is run on the built corpus, asserting what the corpus states (the known answer,
not a row count, wherever the sources state it), and on ``tests/data/queries/facts.trig``, a
small invented graph that holds every kind of fact the pack asks about, including those the
corpus does not state (programs' agents, kinds of cooperation, supporting and contradicting
claims). A query added to the pack without both checks fails :func:`test_every_query_is_checked`.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import rdflib

from tests.queries_support import FIXTURE_FILES, ROOT, corpus_store_for, run
from usmxkg.cli import main
from usmxkg.queries import PACK_DIR, QueryError, Rows, bind, catalog, find, pack, parse_query
from usmxkg.store import EmbeddedStore, Store

ID = "https://w3id.org/usmx-kg/id/"
DOC = ID + "document/"
USMX = "https://w3id.org/usmx-kg/ontology#"
BUILDING_TRUST = DOC + "building-trust-the-challenge-of-building-partnership-capacity-eea368b3"
TRADING_PARTNERS = DOC + "us-and-mexico-trading-partners-reluctant-military-allies-e0f39dd5"
DOD_OFFICIAL = DOC + "dod-official-us-mexico-military-to-military-relationship-9fec3d4e"
SEDENA = ID + "institution/secretariat-of-national-defense"
GNI = ID + "institution/gulf-naval-institute"
HARBOUR = DOC + "harbour-cooperation"
REVIEW = DOC + "coastal-training-review"
NEWS = DOC + "tidewater-drill-news"
FINDING = ID + "source/f100000000000001/claim/120-180"
ASSERTION = ID + "source/f200000000000002/claim/10-70"

QUERIES = {q.name: q for q in pack()}


@pytest.fixture(scope="module")
def corpus(corpus_build) -> Store:  # type: ignore[no-untyped-def]
    _, out = corpus_build
    return corpus_store_for(out)


@pytest.fixture(scope="module")
def facts() -> Store:
    return EmbeddedStore.from_files(*FIXTURE_FILES)


def q(name: str) -> str:
    return next(n for n in QUERIES if n.startswith(name))


def column(rows: Rows, name: str) -> list[str]:
    return rows.values(name)


def record(rows: Rows, **match: str) -> dict[str, str]:
    """The one row whose columns have these values, as plain strings."""
    found = [{k: v.value for k, v in r.items()} for r in rows.records()
             if all(r.get(k) is not None and r[k].value == v for k, v in match.items())]
    assert len(found) == 1, (match, found)
    return found[0]


# ---------------------------------------------------------------------------
# The pack itself
# ---------------------------------------------------------------------------


def test_pack_covers_the_competency_questions() -> None:
    questions = set(re.findall(r"^### (CQ\d+)\.", (ROOT / "ontology" / "COMPETENCY.md").read_text(), re.M))
    answered = {cq for query in QUERIES.values() for cq in query.answers}
    assert len(QUERIES) >= 25
    assert answered <= questions
    # CQ37 needs Wikidata's endpoint (SERVICE), which no test here can reach.
    assert questions - answered == {"CQ37"}


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_header(name: str) -> None:
    query = QUERIES[name]
    assert re.fullmatch(r"\d{3}-[a-z0-9-]+", name)
    assert query.title and query.description and query.answers and query.keywords
    assert query.form in {"SELECT", "ASK"}
    for param in query.params:
        assert param.description
        assert re.search(rf"\?{param.name}\b", query.text.split("WHERE", 1)[-1] if query.form == "SELECT"
                         else query.text.split("ASK", 1)[-1]), param.name


def test_catalog_is_current_and_describes_every_query() -> None:
    text = (PACK_DIR / "catalog.ttl").read_text(encoding="utf-8")
    assert text == catalog(pack()), "queries/catalog.ttl is stale: usmxkg query --catalog > queries/catalog.ttl"
    graph = rdflib.Graph().parse(data=text, format="turtle")
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    select = set(graph.subjects(rdflib.RDF.type, sh.SPARQLSelectExecutable))
    ask = set(graph.subjects(rdflib.RDF.type, sh.SPARQLAskExecutable))
    assert len(select | ask) == len(QUERIES)
    node = rdflib.URIRef("https://w3id.org/usmx-kg/queries/" + q("006"))
    assert graph.value(node, rdflib.RDFS.label) == rdflib.Literal("Sub-organisations of an institution, at any depth",
                                                                   lang="en")
    assert rdflib.Literal("hierarchy") in set(graph.objects(node, rdflib.URIRef("https://schema.org/keywords")))
    param = graph.value(node, sh.parameter)
    assert graph.value(param, sh.defaultValue) == rdflib.URIRef(SEDENA)
    assert rdflib.URIRef("https://w3id.org/usmx-kg/queries/" + q("040")) in ask


def test_find_by_name_slug_number_or_file() -> None:
    name = q("006")
    assert find(name).name == find("sub-organisations").name == find("006").name == name
    assert find(str(PACK_DIR / f"{name}.rq")).name == name
    with pytest.raises(QueryError, match="no query 'no-such-query'"):
        find("no-such-query")


# ---------------------------------------------------------------------------
# Binding: values become RDF terms, never query text
# ---------------------------------------------------------------------------

ECHO = ROOT / "tests" / "data" / "queries" / "echo.rq"
HOSTILE = ['say "hi"', "it's", "} INSERT DATA { <urn:a> <urn:b> <urn:c> } #", '"""', "\\", "{ ?s ?p ?o }",
           "line\nbreak", "SELECT * WHERE { ?s ?p ?o }"]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_strings_come_back_unchanged(facts: Store, text: str) -> None:
    rows = run(facts, parse_query(ECHO), text=text)
    assert column(rows, "text") == [text]
    assert column(rows, "node") == ["https://w3id.org/usmx-kg/id/x"]
    assert len(rows.rows) == 1  # the query was not changed into another


def test_bound_query_keeps_its_text_and_adds_one_values_row() -> None:
    text = bind(parse_query(ECHO), {"text": "} INSERT"})
    assert 'VALUES (?text ?node) { ("} INSERT" <https://w3id.org/usmx-kg/id/x>) }' in text
    assert text.count("INSERT") == 1


@pytest.mark.parametrize("value", ["<http://example.org/a b>", "http://example.org/a b", "<urn:x> } INSERT",
                                   "http://example.org/a>b", "nosuchprefix:thing", "relative/path"])
def test_bad_iris_are_refused(value: str) -> None:
    with pytest.raises(QueryError, match="parameter node"):
        bind(parse_query(ECHO), {"node": value})


def test_typed_parameters_are_checked() -> None:
    query = QUERIES[q("001")]
    assert '"2014"^^<http://www.w3.org/2001/XMLSchema#gYear>' in bind(query, {"from": "2014"})
    for bad in ["2014) } INSERT", "20x4", ""]:
        with pytest.raises(QueryError, match="not an xsd:gYear"):
            bind(query, {"from": bad})
    with pytest.raises(QueryError, match="no parameter 'form'"):
        bind(query, {"form": "2014"})
    assert bind(QUERIES[q("011")], {"acronym": "SEDENA"}).count('"SEDENA"') == 1


def test_unset_parameter_is_undef_and_prefixed_names_expand() -> None:
    text = bind(QUERIES[q("024")], {"entity": "inst:mexican-army", "claimant": "person:rebecca-chavez"})
    assert "UNDEF" in text
    assert "<https://w3id.org/usmx-kg/id/institution/mexican-army>" in text
    assert "<https://w3id.org/usmx-kg/id/person/rebecca-chavez>" in text


# ---------------------------------------------------------------------------
# The command line
# ---------------------------------------------------------------------------


def test_cli_formats_are_the_standard_results(corpus_build, corpus: Store, capsys) -> None:  # type: ignore[no-untyped-def]
    _, out = corpus_build
    args = ["query", q("003"), "--location", str(out / "store")]
    assert main([*args, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["head"]["vars"][:2] == ["thesis", "label"]
    assert {b["thesis"]["value"] for b in data["results"]["bindings"]} == {BUILDING_TRUST, TRADING_PARTNERS}
    assert main([*args, "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "thesis,label,advisors,secondReaders,chairs,degree,grantor,department"
    assert main([*args, "--format", "tsv", "--param", "advisor=person:rodrigo-nieto-gomez"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("?thesis\t?label") and len(lines) == 2 and f"<{BUILDING_TRUST}>" in lines[1]
    assert main([*args]) == 0
    table = capsys.readouterr().out
    assert "doc:building-trust-the-challenge" in table and table.rstrip().endswith("(2 rows)")
    assert main(["query", q("040"), "--location", str(out / "store"), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["boolean"] is True


def test_cli_list_shows_titles_and_parameters(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["query", "--list"]) == 0
    listing = capsys.readouterr().out
    assert f"{q('006')}  Sub-organisations of an institution, at any depth  [CQ6]" in listing
    assert "--param root=…  iri = inst:secretariat-of-national-defense" in listing


@pytest.mark.parametrize(("args", "message"), [
    (["query", "no-such"], "no query 'no-such'"),
    (["query", "001", "--param", "from=soon"], "parameter from: 'soon' is not an xsd:gYear"),
    (["query", "001", "--param", "kind"], "--param 'kind': write NAME=VALUE"),
    (["query", "001", "--location", "/nonexistent/store"], "no store here"),
])
def test_cli_errors_are_one_line(args: list[str], message: str, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_loading_the_store_leaves_graph_nq_unchanged(corpus_build, corpus: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _, out = corpus_build
    before = hashlib.sha256((out / "graph.nq").read_bytes()).hexdigest()
    assert main(["load", "--dataset", str(out / "graph.nq"), "--location", str(tmp_path / "store")]) == 0
    assert hashlib.sha256((out / "graph.nq").read_bytes()).hexdigest() == before
    assert EmbeddedStore.open(tmp_path / "store").graphs() == corpus.graphs()


# ---------------------------------------------------------------------------
# Answers: on the corpus (what its sources state) and on the invented facts
# ---------------------------------------------------------------------------

Check = Callable[[Store], None]
CORPUS: dict[str, Check] = {}
FACTS: dict[str, Check] = {}


def on(table: dict[str, Check], prefix: str) -> Callable[[Check], Check]:
    def register(check: Check) -> Check:
        table[q(prefix)] = check
        return check
    return register


MERIDA_TABLE = ID + "source/16e427422de63914/table/1"
IMET_TABLE = ID + "source/16e427422de63914/table/2"
ESF, INCLE, FMF = (ID + "program/" + slug for slug in (
    "economic-support-fund", "international-narcotics-control-and-law-enforcement", "foreign-military-financing"))


@on(CORPUS, "001")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("001")])
    kinds = {r["document"].value: r["type"].value.split("#")[1] for r in rows.records()}
    assert kinds == {BUILDING_TRUST: "Thesis", TRADING_PARTNERS: "Thesis", DOD_OFFICIAL: "NewsArticle",
                     DOC + "us-mexico-army-relations-a-deep-dive-58f87099": "BlogPost",
                     ID + "source/4d86e1b7adf828d3/record": "CatalogRecord"}
    assert record(rows, document=DOD_OFFICIAL)["published"] == "2016-10-18"
    rows = run(store, QUERIES[q("001")], kind="usmx:Thesis", **{"from": "2011"})
    assert column(rows, "document") == [BUILDING_TRUST] and column(rows, "published") == ["2014-03"]


@on(CORPUS, "002")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("002")], kind="usmx:Thesis", **{"from": "2006"})
    assert column(rows, "document") == [DOC + "north-america-security-cooperation-2ecfe779", TRADING_PARTNERS,
                                        BUILDING_TRUST]
    books = run(store, QUERIES[q("002")], kind="usmx:Book", to="1960")
    assert column(books, "label") == ["The Soldier and The State, The Theory and Politics of Civil-Military Relations"]


@on(CORPUS, "003")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("003")])
    assert record(rows, thesis=BUILDING_TRUST) == {
        "thesis": BUILDING_TRUST,
        "label": "BUILDING TRUST: THE CHALLENGE OF BUILDING PARTNERSHIP CAPACITY IN U.S.-MEXICO MILITARY RELATIONS",
        "advisors": "Rodrigo Nieto-Gomez", "secondReaders": "Mark T. Berger", "chairs": "Mohammed Hafez",
        "degree": "MASTER OF ARTS IN SECURITY STUDIES (WESTERN HEMISPHERE)", "grantor": "Naval Postgraduate School",
        "department": "Department of National Security Affairs"}
    other = record(rows, thesis=TRADING_PARTNERS)
    assert (other["advisors"], other["secondReaders"]) == ("Arturo C. Sotomayor Velazquez", "Harold A. Trinkunas")


@on(CORPUS, "004")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("004")], author="person:oscar-r-martinez")
    # The 2014 title page: "Oscar R. Martinez / Major, United States Air Force / B.S., Wayland Baptist …"
    row = record(rows, document=BUILDING_TRUST)
    assert "Major" in row["ranks"].split("; ") and "United States Air Force" in row["affiliations"].split("; ")
    assert row["priorDegrees"] == "B.S., Wayland Baptist University, 2001"
    rows = run(store, QUERIES[q("004")], author="person:jim-garamone")
    assert column(rows, "document") == [DOD_OFFICIAL]


@on(CORPUS, "005")
def _(store: Store) -> None:
    row = record(run(store, QUERIES[q("005")]), work=BUILDING_TRUST)
    assert (row["pages"], row["distribution"], row["reportType"]) == (
        "105", "Approved for public release; distribution is unlimited", "Master's Thesis")
    assert {"SEDENA", "SEMAR", "USNORTHCOM"} <= set(row["subjects"].split("; "))


@on(CORPUS, "006")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("006")])
    labels = column(rows, "label")
    assert labels == sorted(labels)
    assert {"201st Fighter Squadron", "Escuela Superior de Guerra", "Heroico Colegio Militar", "Mexican Air Force",
            "Mexican Army", "Mexican Expeditionary Air Force"} <= set(labels)
    assert "Mexican Navy" not in labels  # the navy is SEMAR's, not SEDENA's
    assert record(rows, label="201st Fighter Squadron")["parentName"] == "Mexican Expeditionary Air Force"
    navy = run(store, QUERIES[q("006")], root="inst:secretariat-of-the-navy")
    assert {"Heroica Escuela Naval Militar", "Mexican Navy"} <= set(column(navy, "label"))
    assert not set(column(navy, "label")) & set(labels)


@on(CORPUS, "007")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("007")])
    assert column(rows, "label") == ["Mexican Army"] and column(rows, "documents") == ["4"]


@on(CORPUS, "008")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("008")], country="place:mexico")
    assert record(rows, institution=ID + "institution/mexican-army")["documents"] == "4"
    assert record(rows, institution=SEDENA)["kind"] == USMX + "GovernmentAgency"
    assert set(column(rows, "country")) == {ID + "place/mexico"}


@on(CORPUS, "009")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("009")], min="3")
    assert {ID + "institution/mexican-army", ID + "institution/united-states-department-of-defense"} <= set(
        column(rows, "other"))
    assert SEDENA not in column(rows, "other")


@on(CORPUS, "010")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("010")])
    # Both NPS title pages name a major of the U.S. Air Force as the author.
    for person in ("person:oscar-r-martinez", "person:rafael-h-garza"):
        row = record(rows, person=ID + person.replace(":", "/"))
        assert row["institutionLabel"] == "United States Air Force" and row["ranks"] == "Major"


@on(CORPUS, "011")
def _(store: Store) -> None:
    assert record(run(store, QUERIES[q("011")], acronym="SEDENA"), text="SEDENA")["entities"] == \
        "Secretariat of National Defense"
    shared = record(run(store, QUERIES[q("011")], acronym="CHDS"), text="CHDS")
    assert shared["count"] == "2"
    assert set(shared["entities"].split(" | ")) == {"William J. Perry Center for Hemispheric Defense Studies",
                                                    "Center for Homeland Defense and Security"}


@on(CORPUS, "012")
def _(store: Store) -> None:
    # The corpus states who runs programs only through anaphora ("The Department of State manages
    # these programs"), which the converters do not resolve: no program has a stated agent.
    assert run(store, QUERIES[q("012")]).rows == ()


@on(CORPUS, "013")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("013")])
    assert record(rows, label="International Military Education and Training")["kind"] == \
        USMX + "EducationAndTrainingProgram"
    assert record(rows, label="Mérida Initiative")["kind"] == USMX + "SecurityAssistanceProgram"
    assert {"Plan DN-III-E", "Sectorial Plan of National Defense", "State Partnership Program"} <= set(
        column(rows, "label"))
    # An appropriation account is not a program; generic phrases and book titles are not programs.
    assert not {"Foreign Military Financing", "Sectorial Plan", "Related Program", "Between Partnership"} & set(
        column(rows, "label"))


@on(CORPUS, "014")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("014")])
    # Table 1 of the 2014 thesis: three accounts; FMF "Not applicable" from FY2012; totals left out.
    assert len(rows.rows) == 9 + 9 + 6
    assert {r["account"].value for r in rows.records()} == {ESF, INCLE, FMF}
    row = record(rows, account=FMF, appropriation="FY2008 Supp. (P.L. 110-252)")
    assert (row["fiscalYear"], row["amount"], row["unit"]) == (
        "2008", "116.5", "https://w3id.org/usmx-kg/vocab/unit/million-us-dollars")
    assert record(rows, account=INCLE, appropriation="FY2009 (P.L. 111-8)")["amount"] == "246"
    assert record(rows, account=ESF, appropriation="FY2012 (P.L. 112-74)")["amount"] == "33.3"


@on(CORPUS, "015")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("015")])
    totals = {r["account"].value: (float(r["total"].value), r["years"].value) for r in rows.records()}
    # FMF's FY2008–FY2011 cells add up to the table's own "Account Totals" cell, 428.8; the stated
    # totals are not counted again. ESF and INCLE include the FY2013 and FY2014 requests.
    assert totals[FMF] == (pytest.approx(428.8), "4")
    assert totals[ESF] == (pytest.approx(171.3), "7")
    assert totals[INCLE] == (pytest.approx(1747.1), "7")


@on(CORPUS, "016")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("016")])
    # Table 2 of the 2014 thesis: IMET students, students in PME programs and their share, FY08–FY12.
    by_year: dict[str, list[str]] = {}
    for r in rows.records():
        assert r["receiver"].value == ID + "place/mexico"
        by_year.setdefault(r["fiscalYear"].value, []).append(
            r["students"].value if "students" in r else r["percentage"].value + "%")
    assert by_year["2008"] == ["27", "13", "48.1%"] and by_year["2009"] == ["120", "34", "28.3%"]
    assert sorted(by_year) == ["2008", "2009", "2010", "2011", "2012"]


@on(CORPUS, "017")
def _(store: Store) -> None:
    # No converter yet states a program's kind of cooperation (usmx:cooperationKind).
    assert run(store, QUERIES[q("017")]).rows == ()


@on(CORPUS, "018")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("018")])
    assert int(record(rows, label="War on drugs")["claims"]) >= 1
    assert ID + "policy/constitution-of-mexico" in column(rows, "policy")


@on(CORPUS, "019")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("019")])
    start = {}
    for r in rows.records():
        start.setdefault(r["label"].value, set()).add(r["start"].value)
    assert len(start) >= 15
    assert start["Mexican–American War"] == {"1846"}
    assert {"1848"} == {r["end"].value for r in rows.records() if r["label"].value == "Mexican–American War"}
    assert start["Battle of Chapultepec"] == {"1847-09-13"}
    assert "1914-04-21" in start["United States occupation of Veracruz"]
    assert start["Establishment of United States Northern Command"] == {"2002"}
    assert start["Establishment of Mérida Initiative"] == {"2008"}
    assert start["September 11 attacks"] == {"2001-09-11"}
    years = [r["start"].value[:4] for r in rows.records()]
    assert years == sorted(years)


@on(CORPUS, "020")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("020")])
    # The 2014 thesis dates the war 1846–1848 and, in it, the April 1846 clash and Chapultepec (1847).
    assert {(r["warLabel"].value, r["start"].value) for r in rows.records()} == {
        ("Mexican–American War", "1846-04-24"), ("Mexican–American War", "1847-09-13")}
    assert record(rows, battleLabel="Battle of Chapultepec")["country"] == "Mexico"


@on(CORPUS, "021")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("021")])
    assert record(rows, participantLabel="William J. Perry")["date"] == "1995"
    assert record(rows, participantLabel="Robert Gates")["date"] == "2008"
    assert set(column(rows, "place")) == {"Mexico"} and set(column(rows, "type")) == {USMX + "Meeting"}


@on(CORPUS, "022")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("022")])
    assert record(rows, label="United States Northern Command")["date"] == "2002"
    assert record(rows, label="Mérida Initiative")["date"] == "2008"


@on(CORPUS, "023")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("023")])
    assert {"General Agreement on Tariffs and Trade", "North American Free Trade Agreement",
            "Security and Prosperity Partnership of North America", "Treaty of Guadalupe Hidalgo",
            "Treaty of Tlatelolco"} <= set(column(rows, "label"))
    assert record(rows, label="North American Free Trade Agreement")["date"] == "1994"


@on(CORPUS, "024")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("024")], claimant="person:rebecca-chavez")
    claims = {r["claim"].value: r for r in rows.records()}
    assert set(column(rows, "document")) == {DOD_OFFICIAL}
    assert {r["type"].value for r in claims.values()} == {USMX + "Quotation", USMX + "Assertion"}
    texts = {r["text"].value for r in claims.values()}
    assert {"Mexico has its foot on the gas pedal", "Mexico determines the speed",
            "Building trust, she said, is important for the relationship to get better."} <= texts
    assert len(claims) >= 15
    for row in claims.values():
        assert int(row["end"].value) - int(row["start"].value) == len(row["exact"].value)
        if row["type"].value == USMX + "Quotation":
            assert row["exact"].value == row["text"].value
    assert run(store, QUERIES[q("024")], claimant="person:rebecca-chavez",
               document=f"<{BUILDING_TRUST}>").rows == ()


@on(CORPUS, "025")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("025")])
    chavez = [r for r in rows.records() if r["speakerName"].value == "Rebecca Chavez"]
    assert {r["document"].value for r in chavez} == {DOD_OFFICIAL}
    assert "Mexico has its foot on the gas pedal" in {r["text"].value for r in chavez}
    starts = [int(r["start"].value) for r in chavez]
    assert starts == sorted(starts) and len(starts) == 12
    seelke = record(rows, speakerName="Clare Ribando Seelke")
    assert seelke["document"] == BUILDING_TRUST and seelke["text"].startswith("the Mexican government notified")


@on(CORPUS, "026")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("026")])
    actions = {r["action"].value: r for r in rows.records()}
    guidance = actions["provide direct strategic guidance and control of BPC activities to build “partnership trust”"]
    assert guidance["advised"].value == ID + "institution/united-states-northern-command"
    assert guidance["document"].value == BUILDING_TRUST
    assert int(record(run(store, QUERIES[q("029")]), document=BUILDING_TRUST,
                      type=USMX + "Recommendation")["claims"]) == len(
        [r for r in actions.values() if r["document"].value == BUILDING_TRUST])


@on(CORPUS, "027")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("027")])
    kinds: dict[tuple[str, str], list[str]] = {}
    for r in rows.records():
        kinds.setdefault((r["thesis"].value, r["type"].value.split("#")[1]), []).append(r["text"].value)
    assert "How much assistance is the U.S. providing to the Mexican military?" in kinds[
        (BUILDING_TRUST, "ResearchQuestion")]
    assert len(kinds[(TRADING_PARTNERS, "Hypothesis")]) >= 3
    assert len(kinds[(TRADING_PARTNERS, "Finding")]) >= 3 and len(kinds[(BUILDING_TRUST, "Finding")]) >= 3
    assert any(t.startswith("The thesis finds that World War II") for t in kinds[(TRADING_PARTNERS, "Finding")])


@on(CORPUS, "028")
def _(store: Store) -> None:
    # Claims are linked across documents as candidates (usmx:relatedClaim) only; no rule in the
    # converters is confident enough to say one supports or contradicts another on the corpus.
    assert run(store, QUERIES[q("028")]).rows == ()


@on(CORPUS, "029")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("029")])
    counts = {(r["document"].value, r["type"].value.split("#")[1]): int(r["claims"].value) for r in rows.records()}
    assert counts[(DOD_OFFICIAL, "Quotation")] == 12
    assert set(counts) >= {(TRADING_PARTNERS, "Hypothesis"), (BUILDING_TRUST, "ResearchQuestion"),
                           (BUILDING_TRUST, "Recommendation")}
    assert not any(document == ID + "source/4d86e1b7adf828d3/record" for document, _ in counts)
    chavez = {r["claim"].value for r in run(store, QUERIES[q("024")], document=f"<{DOD_OFFICIAL}>").records()}
    assert sum(n for (document, _), n in counts.items() if document == DOD_OFFICIAL) == len(chavez)


@on(CORPUS, "030")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("030")])
    claims = {r["entity"].value: int(r["claims"].value) for r in rows.records()}
    assert claims[ID + "place/united-states"] >= claims[ID + "place/mexico"] > 10
    northcom = record(rows, entity=ID + "institution/united-states-northern-command")
    assert int(northcom["normative"]) > 0  # the 2014 thesis addresses recommendations to USNORTHCOM


@on(CORPUS, "031")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("031")], work=f"<{TRADING_PARTNERS}>")
    assert column(rows, "citing") == [BUILDING_TRUST]
    words = run(store, QUERIES[q("031")], titleWords="Opening the Mexican Door")
    assert set(column(words, "citing")) == {BUILDING_TRUST, TRADING_PARTNERS}


@on(CORPUS, "032")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("032")])
    assert set(column(rows, "citations")) == {"2"}
    assert {"Generals in the Palacio: The Military in Modern Mexico", "Modern Latin America",
            "Opening the Mexican Door: Continental Defense Cooperation"} <= set(column(rows, "label"))


@on(CORPUS, "033")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("033")])
    assert rows.records()[0]["document1"].value == BUILDING_TRUST
    # Both theses cite "Generals in the Palacio", "Modern Latin America", "Opening the Mexican Door",
    # "Mexico's Armed Forces", "Strategy, Security, and Spies", "Strategic Interests in the
    # U.S.-Mexican Relationship" and "U.S.-Mexico Defense Relations: An Incompatible Interface".
    assert record(rows, document2=TRADING_PARTNERS)["shared"] == "7"


@on(CORPUS, "034")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("034")])
    assert [(r["citing"].value, r["cited"].value) for r in rows.records()] == [(BUILDING_TRUST, TRADING_PARTNERS)]


@on(CORPUS, "035")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("035")])
    assert rows.rows
    for row in rows.records():
        assert row["graph"].value.startswith("https://w3id.org/usmx-kg/graph/source/")
        assert row["source"].value == row["graph"].value.replace("/graph/source/", "/id/source/")
        assert int(row["end"].value) - int(row["start"].value) == len(row["exact"].value)
    assert {"SEDENA", "Secretariat of National Defense"} & set(column(rows, "exact"))


@on(CORPUS, "036")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("036")])
    assert [(r["resource"].value, r["problem"].value) for r in rows.records()] == [
        (ID + "source/4d86e1b7adf828d3/record", "no usmx:evidence")]


@on(CORPUS, "037")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("037")])
    news = "https://w3id.org/usmx-kg/graph/source/9e43536ae39ac91e"
    claims = {r["claim"].value for r in run(store, QUERIES[q("024")], document=f"<{DOD_OFFICIAL}>").records()}
    assert record(rows, graph=news, **{"class": USMX + "Claim"})["resources"] == str(len(claims))
    assert record(rows, graph=news, **{"class": USMX + "Document"})["resources"] == "1"
    assert all(g.startswith("https://w3id.org/usmx-kg/graph/") for g in column(rows, "graph"))


@on(CORPUS, "038")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("038")], **{"class": "usmx:Institution", "linkedOnly": "true"})
    assert record(rows, entity=SEDENA)["wikidata"] == "http://www.wikidata.org/entity/Q179861"
    assert ID + "institution/secretariat-of-the-navy" not in column(rows, "entity")
    unlinked = run(store, QUERIES[q("038")], **{"class": "usmx:Institution"})
    assert "wikidata" not in record(unlinked, entity=ID + "institution/secretariat-of-the-navy")


@on(CORPUS, "039")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("039")])
    assert record(rows, label="Mexico City", match="https://sws.geonames.org/3530597/")
    assert record(rows, label="Monterey, California", match="http://dbpedia.org/resource/Monterey,_California")


@on(CORPUS, "040")
def _(store: Store) -> None:
    assert run(store, QUERIES[q("040")]).boolean is True
    assert run(store, QUERIES[q("040")], entity="inst:secretariat-of-the-navy").boolean is False


@on(FACTS, "001")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("001")], **{"from": "2020", "to": "2021"})
    assert column(rows, "document") == [REVIEW] and column(rows, "type") == [USMX + "Report"]


@on(FACTS, "002")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("002")], to="2000")
    assert column(rows, "document") == [DOC + "tide-tables-manual"] and column(rows, "type") == [USMX + "Book"]


@on(FACTS, "003")
def _(store: Store) -> None:
    row = record(run(store, QUERIES[q("003")], advisor="person:tomas-quill"), thesis=HARBOUR)
    assert (row["advisors"], row["grantor"], row["degree"]) == (
        "Tomas Quill", "Gulf Naval Institute", "MASTER OF ARTS IN HARBOUR STUDIES")


@on(FACTS, "004")
def _(store: Store) -> None:
    row = record(run(store, QUERIES[q("004")], author="person:ana-ruiz-lopez"), document=HARBOUR)
    assert (row["ranks"], row["jobTitles"], row["affiliations"], row["priorDegrees"]) == (
        "Lieutenant Commander", "Harbour Liaison Officer", "Gulf Naval Institute", "B.S., Gulf Naval Institute, 2012")


@on(FACTS, "005")
def _(store: Store) -> None:
    row = record(run(store, QUERIES[q("005")]), work=HARBOUR)
    assert (row["subjects"], row["pages"], row["reportType"]) == ("harbour security; naval education", "88",
                                                                  "Master's thesis")


@on(FACTS, "006")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("006")], root="inst:gulf-naval-institute")
    assert column(rows, "label") == ["Harbour Pilot School", "Tide Signal Squadron"]
    assert record(rows, label="Tide Signal Squadron")["parent"] == ID + "institution/harbour-pilot-school"


@on(FACTS, "007")
def _(store: Store) -> None:
    assert column(run(store, QUERIES[q("007")]), "institution") == [GNI]


@on(FACTS, "008")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("008")], country="place:united-states")
    assert [(r["label"].value, r["documents"].value) for r in rows.records()] == [
        ("Coastal Training Office", "2"), ("Harbour Appropriations Committee", "1")]


@on(FACTS, "009")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("009")], institution="inst:gulf-naval-institute")
    assert [(r["label"].value, r["documents"].value) for r in rows.records()] == [
        ("Coastal Training Office", "2"), ("Harbour Appropriations Committee", "1"), ("Harbour Pilot School", "1")]
    assert column(run(store, QUERIES[q("009")], institution="inst:gulf-naval-institute", min="2"), "label") == [
        "Coastal Training Office"]


@on(FACTS, "010")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("010")], institution="inst:harbour-pilot-school")
    assert [(r["label"].value, r["jobTitles"].value) for r in rows.records()] == [
        ("Marco Delgado", "Harbour Commander")]


@on(FACTS, "011")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("011")])
    assert rows.records()[0]["text"].value == "CTO" and rows.records()[0]["count"].value == "2"
    assert set(rows.records()[0]["entities"].value.split(" | ")) == {"Coastal Training Office", "Coastal Tariff Office"}


@on(FACTS, "012")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("012")])
    assert {(r["role"].value.split("#")[1], r["agentLabel"].value) for r in rows.records()} == {
        ("administeredBy", "Coastal Training Office"), ("fundedBy", "Harbour Appropriations Committee"),
        ("implementedBy", "Gulf Naval Institute")}
    funders = run(store, QUERIES[q("012")], role="usmx:fundedBy")
    assert column(funders, "agent") == [ID + "institution/harbour-appropriations-committee"]
    assert column(run(store, QUERIES[q("012")], agent="inst:gulf-naval-institute"), "role") == [USMX + "implementedBy"]


@on(FACTS, "013")
def _(store: Store) -> None:
    row = record(run(store, QUERIES[q("013")]), label="Harbour Partnership Program")
    assert (row["authorities"], row["accounts"], row["cooperationKinds"]) == (
        "Harbour Training Act", "Harbour Training Fund", "technical and tactical training")


@on(FACTS, "014")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("014")])
    assert [(r["fiscalYear"].value, r["amount"].value, r["appropriation"].value) for r in rows.records()] == [
        ("2019", "1200.5", "FY2019 Base"), ("2020", "1500", "FY2020 Base")]
    assert set(column(rows, "unit")) == {"https://w3id.org/usmx-kg/vocab/unit/thousand-us-dollars"}
    assert set(column(rows, "programs")) == {ID + "program/harbour-partnership"}
    assert column(run(store, QUERIES[q("014")], **{"from": "2020"}), "amount") == ["1500"]
    assert column(run(store, QUERIES[q("014")], recipient="place:united-states"), "amount") == ["300"]


@on(FACTS, "015")
def _(store: Store) -> None:
    assert [(r["total"].value, r["years"].value) for r in run(store, QUERIES[q("015")]).records()] == [("3000.5", "2")]
    mexico = run(store, QUERIES[q("015")], recipient="place:mexico")
    assert [(r["total"].value, r["years"].value) for r in mexico.records()] == [("2700.5", "2")]


@on(FACTS, "016")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("016")], recipient="place:mexico")
    assert [(r["fiscalYear"].value, r["students"].value, r["percentage"].value) for r in rows.records()] == [
        ("2020", "45", "12.5")]
    assert run(store, QUERIES[q("016")], recipient="place:united-states").rows == ()


@on(FACTS, "017")
def _(store: Store) -> None:
    assert column(run(store, QUERIES[q("017")]), "label") == ["Exercise Tidewater", "Harbour Partnership Program"]
    dialogue = run(store, QUERIES[q("017")], kind="coop:military-to-military-engagement")
    assert column(dialogue, "label") == ["Harbour Dialogue 2019"]


@on(FACTS, "018")
def _(store: Store) -> None:
    row = record(run(store, QUERIES[q("018")]), label="Harbour Training Act")
    assert (row["issuers"], row["programs"], row["claims"]) == (
        "Harbour Appropriations Committee", "Harbour Partnership Program", "1")


@on(FACTS, "019")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("019")])
    assert column(rows, "start") == ["1838", "1838-11-27", "1952", "2018-09-10", "2019-05-02", "2022-03"]
    assert column(run(store, QUERIES[q("019")], before="1900"), "label") == ["War of the Two Shores",
                                                                             "Battle of Sand Point"]
    meetings = run(store, QUERIES[q("019")], kind="usmx:Meeting", **{"from": "2019"})
    assert column(meetings, "label") == ["Harbour Dialogue 2019"] and column(meetings, "place") == ["Port Alder"]


@on(FACTS, "020")
def _(store: Store) -> None:
    row = record(run(store, QUERIES[q("020")]), battleLabel="Battle of Sand Point")
    assert (row["warLabel"], row["place"], row["country"], row["start"]) == (
        "War of the Two Shores", "Sand Point", "Mexico", "1838-11-27")


@on(FACTS, "021")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("021")])
    assert [(r["label"].value, r["participantLabel"].value) for r in rows.records()] == [
        ("Harbour Dialogue 2019", "Coastal Training Office"), ("Harbour Dialogue 2019", "Gulf Naval Institute"),
        ("Exercise Tidewater", "Harbour Pilot School")]
    assert column(run(store, QUERIES[q("021")], participant="inst:harbour-pilot-school"), "type") == [
        USMX + "Exercise"]


@on(FACTS, "022")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("022")])
    assert [(r["entity"].value, r["date"].value) for r in rows.records()] == [(GNI, "1952")]


@on(FACTS, "023")
def _(store: Store) -> None:
    row = record(run(store, QUERIES[q("023")]), label="Harbour Cooperation Memorandum")
    assert (row["date"], row["signatories"]) == ("2018-09-10", "Tomas Quill")
    assert set(row["parties"].split("; ")) == {"Gulf Naval Institute", "Coastal Training Office"}


@on(FACTS, "024")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("024")], entity="inst:gulf-naval-institute")
    assert set(column(rows, "claim")) == {FINDING, ASSERTION}
    finding = record(rows, claim=FINDING)
    assert (finding["start"], finding["end"], finding["exact"]) == (
        "120", "180", "Joint harbour drills raised trust between the two navies.")
    assert column(run(store, QUERIES[q("024")], claimType="claim-type:normative"), "type") == [
        USMX + "Recommendation"]
    assert set(column(run(store, QUERIES[q("024")], claimant="person:lena-ward"), "claim")) == {ASSERTION}
    assert column(run(store, QUERIES[q("024")], kind="usmx:Quotation"), "document") == [NEWS]
    assert len(run(store, QUERIES[q("024")], year="2019").rows) == 4
    assert len(run(store, QUERIES[q("024")], document=f"<{REVIEW}>").rows) == 2


@on(FACTS, "025")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("025")], speaker="person:marco-delgado")
    assert [(r["text"].value, r["document"].value, r["start"].value) for r in rows.records()] == [
        ("We train together so we can trust each other.", NEWS, "300")]


@on(FACTS, "026")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("026")], addressee="inst:harbour-appropriations-committee")
    assert [(r["action"].value, r["recommender"].value, r["document"].value) for r in rows.records()] == [
        ("fund two more joint harbour drills a year", "Ana Ruiz López", HARBOUR)]
    assert run(store, QUERIES[q("026")], addressee="inst:gulf-naval-institute").rows == ()


@on(FACTS, "027")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("027")])
    assert [(r["type"].value.split("#")[1], r["text"].value) for r in rows.records()] == [
        ("Finding", "Joint harbour drills raised trust between the two navies."),
        ("Hypothesis", "Shared drills build trust faster than meetings."),
        ("ResearchQuestion", "How do harbour drills build trust?")]


@on(FACTS, "028")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("028")])
    assert {(r["claim"].value, r["link"].value.split("#")[1], r["otherClaim"].value) for r in rows.records()} == {
        (ASSERTION, "contradicts", FINDING), (FINDING, "contradicts", ASSERTION),
        (ID + "source/f200000000000002/claim/90-150", "supports", FINDING)}
    assert len(run(store, QUERIES[q("028")], relation="usmx:supports").rows) == 1


@on(FACTS, "029")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("029")])
    assert record(rows, document=HARBOUR, type=USMX + "Recommendation")["claimType"].endswith("/normative")
    assert record(rows, document=NEWS)["claims"] == "1"
    assert len(rows.rows) == 7


@on(FACTS, "030")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("030")])
    assert [(r["label"].value, r["claims"].value, r["normative"].value) for r in rows.records()] == [
        ("Gulf Naval Institute", "2", "0"), ("Harbour Training Act", "1", "0"),
        ("Harbour Partnership Program", "1", "1")]


@on(FACTS, "031")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("031")], titleWords="TRAINING REVIEW")
    assert column(rows, "citing") == [HARBOUR, NEWS]


@on(FACTS, "032")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("032")])
    assert [(r["label"].value, r["citations"].value) for r in rows.records()] == [
        ("Coastal Training Review", "2"), ("The Tide Tables Manual", "2")]


@on(FACTS, "033")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("033")])
    assert {(r["document1"].value, r["document2"].value, r["shared"].value) for r in rows.records()} == {
        (REVIEW, HARBOUR, "1"), (HARBOUR, NEWS, "1")}


@on(FACTS, "034")
def _(store: Store) -> None:
    assert [(r["citing"].value, r["cited"].value) for r in run(store, QUERIES[q("034")]).records()] == [
        (HARBOUR, REVIEW), (NEWS, REVIEW)]


@on(FACTS, "035")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("035")], resource=f"<{FINDING}>")
    assert [(r["start"].value, r["end"].value, r["exact"].value, r["graph"].value) for r in rows.records()] == [
        ("120", "180", "Joint harbour drills raised trust between the two navies.",
         "https://w3id.org/usmx-kg/graph/source/f100000000000001")]


@on(FACTS, "036")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("036")])
    assert record(rows, resource=ASSERTION)["problem"] == "no usmx:evidence"
    assert FINDING not in column(rows, "resource") and HARBOUR not in column(rows, "resource")


@on(FACTS, "037")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("037")])
    assert record(rows, graph="https://w3id.org/usmx-kg/graph/source/f100000000000001",
                  **{"class": USMX + "Claim"})["resources"] == "4"
    assert record(rows, graph="https://w3id.org/usmx-kg/graph/source/f200000000000002",
                  **{"class": USMX + "Program"})["resources"] == "1"
    assert record(rows, graph="https://w3id.org/usmx-kg/graph/source/f200000000000002",
                  **{"class": USMX + "FundingAccount"})["resources"] == "1"


@on(FACTS, "038")
def _(store: Store) -> None:
    rows = run(store, QUERIES[q("038")], linkedOnly="true")
    assert [(r["entity"].value, r["wikidata"].value) for r in rows.records()] == [
        (GNI, "http://www.wikidata.org/entity/Q999999901")]


@on(FACTS, "039")
def _(store: Store) -> None:
    assert [(r["label"].value, r["match"].value) for r in run(store, QUERIES[q("039")]).records()] == [
        ("Port Alder", "https://sws.geonames.org/9999991/")]


@on(FACTS, "040")
def _(store: Store) -> None:
    assert run(store, QUERIES[q("040")], entity="inst:gulf-naval-institute").boolean is True
    assert run(store, QUERIES[q("040")], entity="inst:harbour-pilot-school").boolean is False


def test_every_query_is_checked() -> None:
    assert set(CORPUS) == set(QUERIES) and set(FACTS) == set(QUERIES)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_on_corpus(name: str, corpus: Store) -> None:
    CORPUS[name](corpus)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_on_facts(name: str, facts: Store) -> None:
    FACTS[name](facts)
