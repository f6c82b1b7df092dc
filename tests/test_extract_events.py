"""Temporal expressions and dated events (usmxkg.extract.temporal, usmxkg.extract.events, usmxkg.graph.events).

Fixtures in tests/data/events/ are invented (see tests/data/README.md); the corpus
assertions name events of data/sources/ by their reference or folded keys.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib

from usmxkg.extract import extract
from usmxkg.extract.facts import DateValue, Event
from usmxkg.extract.gazetteer import Gazetteer
from usmxkg.extract.temporal import find_temporal
from usmxkg.readers import read_path
from usmxkg.reference import ReferencePaths, load_gazetteer

DATA = Path(__file__).parent / "data" / "events"
SOURCES = Path(__file__).resolve().parents[1] / "data" / "sources"
SCHEMA = rdflib.Namespace("https://schema.org/")
USMX = rdflib.Namespace("https://w3id.org/usmx-kg/ontology#")
EVENT = "https://w3id.org/usmx-kg/id/event/"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer(ReferencePaths().entities)


def _events(path: Path, gazetteer: Gazetteer) -> list[Event]:
    return extract(read_path(path), gazetteer).events


def _by_key(events: list[Event], key: str) -> list[Event]:
    return [e for e in events if e.entity.key == key]


@pytest.mark.parametrize(("text", "found"), [
    ("On April 24, 1846, troops", [("April 24, 1846", "1846-04-24", "date", None, None)]),
    ("the war of 1846–48 ended", [("1846–48", "1846", "gYear", "1848", "gYear")]),
    ("from 2006 to 2012 the", [("from 2006 to 2012", "2006", "gYear", "2012", "gYear")]),
    ("in the mid-1990s it grew", [("mid-1990s", "1990", "gYear", "1999", "gYear")]),
    ("In April 1914, sailors", [("April 1914", "1914-04", "gYearMonth", None, None)]),
    ("funds in FY2008 only", [("FY2008", "2007-10", "gYearMonth", "2008-09", "gYearMonth")]),
    ("between January 2007 and mid-November 2012", [
        ("between January 2007 and mid-November 2012", "2007-01", "gYearMonth", "2012-11", "gYearMonth")]),
    ("held May 21-25, 2012 in", [("May 21-25, 2012", "2012-05-21", "date", "2012-05-25", "date")]),
    ("el 21 de abril de 1914", [("21 de abril de 1914", "1914-04-21", "date", None, None)]),
])
def test_temporal_expressions_keep_the_stated_precision(text: str, found: list[tuple]) -> None:
    got = [(t.text, t.start.lexical if t.start else None, t.start.datatype if t.start else None,
            t.end.lexical if t.end else None, t.end.datatype if t.end else None) for t in find_temporal(text)]
    assert got == found


def test_numbers_months_and_verbs_are_not_dates() -> None:
    assert find_temporal("spent $1,930.1 million and 1,400 troops; it may 2012 be") == [
        t for t in find_temporal("spent $1,930.1 million and 1,400 troops; it may 2012 be") if t.text == "2012"]
    assert [t.text for t in find_temporal("Title 17, Section 101, CA 93943-5000, 20.5%")] == []


def test_fiscal_years_are_named_for_the_year_they_end() -> None:
    (span,) = find_temporal("FY08–FY14")
    assert span.fiscal == ("2008", "2009", "2010", "2011", "2012", "2013", "2014")
    assert (span.start, span.end) == (DateValue("2007-10", "gYearMonth"), DateValue("2014-09", "gYearMonth"))


def test_invented_history_events(gazetteer: Gazetteer) -> None:
    events = _events(DATA / "invented_history.txt", gazetteer)
    (war,) = _by_key(events, "mexican-american-war")
    assert (war.start, war.end, war.type) == (DateValue("1846", "gYear"), DateValue("1848", "gYear"), "War")
    assert war.entity.reference and war.when is not None and war.when.text == "1846–1848"
    (veracruz,) = _by_key(events, "united-states-occupation-of-veracruz")
    assert veracruz.start == DateValue("1914", "gYear") and veracruz.type == "MilitaryIntervention"
    (command,) = [e for e in events if e.type == "Establishment" and e.focus and e.focus.key ==
                  "united-states-northern-command"]
    assert command.start == DateValue("2002", "gYear")
    assert command.evidence.text.startswith("In 2002, the United States Northern Command")
    (merida,) = [e for e in events if e.focus and e.focus.key == "merida-initiative"]
    assert (merida.type, merida.start) == ("Establishment", DateValue("2008", "gYear"))
    (battle,) = _by_key(events, "battle-of-chapultepec")
    assert battle.start == DateValue("1847-09-13", "date")
    (clash,) = [e for e in events if e.cue == "clash"]
    assert clash.type == "Battle" and clash.start == DateValue("1847-05-03", "date")
    assert {p.key for p in clash.participants} == {"mexican-army", "united-states-army"}
    (meeting,) = [e for e in events if e.type == "Meeting"]
    assert {p.key for p in meeting.participants} == {"felipe-calderon", "george-w-bush"}
    assert meeting.start == DateValue("2007", "gYear")
    # "During World War II in 1942" dates something else, not the war; a decade alone dates no event here
    assert not _by_key(events, "world-war-ii")
    assert not [e for e in events if e.when is not None and "1990s" in e.when.text]


def test_noisy_news_exercise_and_no_false_dating(gazetteer: Gazetteer) -> None:
    events = _events(DATA / "invented_news_noisy.txt", gazetteer)
    exercise = [e for e in events if e.type == "Exercise"]
    assert {e.entity.label for e in exercise} == {"Sentinel Cactus 2031"}
    assert DateValue("2031-11-02", "date") in {e.start for e in exercise}
    assert DateValue("2031-11-06", "date") in {e.end for e in exercise}
    (revolution,) = _by_key(events, "mexican-revolution")
    assert revolution.start == DateValue("1910", "gYear")
    assert not _by_key(events, "cold-war")


def test_corpus_has_the_required_dated_events(gazetteer: Gazetteer) -> None:
    events = [e for path in sorted(SOURCES.glob("0*.txt")) for e in _events(path, gazetteer)]
    distinct = {(e.entity.key, e.start.lexical if e.start else "", e.end.lexical if e.end else "") for e in events}
    assert len({key for key, _, _ in distinct}) >= 15
    assert ("mexican-american-war", "1846", "1848") in distinct
    assert ("united-states-occupation-of-veracruz", "1914", "") in distinct
    assert ("Establishment of United States Northern Command", "2002", "") in distinct
    assert ("Establishment of Mérida Initiative", "2008", "") in distinct
    assert all(e.evidence.text and (e.when is None or e.when.text in e.evidence.text) for e in events)


def test_corpus_events_in_the_graph(corpus_dataset: rdflib.Dataset) -> None:
    war = rdflib.URIRef(EVENT + "mexican-american-war")
    starts = {str(o) for _, _, o, _ in corpus_dataset.quads((war, SCHEMA.startDate, None, None))}
    ends = {str(o) for _, _, o, _ in corpus_dataset.quads((war, SCHEMA.endDate, None, None))}
    assert "1846" in starts and "1848" in ends
    graphs = {str(g) for _, _, _, g in corpus_dataset.quads((war, SCHEMA.startDate, None, None))}
    assert len(graphs) == 2  # both theses date the war: one IRI, two source graphs
    command = rdflib.URIRef(EVENT + "establishment-of-united-states-northern-command")
    assert any(corpus_dataset.quads((command, rdflib.RDF.type, USMX.Establishment, None)))
    assert any(corpus_dataset.quads((command, USMX.establishedEntity, rdflib.URIRef(
        "https://w3id.org/usmx-kg/id/institution/united-states-northern-command"), None)))
    assert any(corpus_dataset.quads((command, USMX.evidence, None, None)))


def test_a_battle_dated_inside_the_one_war_the_document_dates_is_part_of_it(gazetteer: Gazetteer,
                                                                            tmp_path: Path) -> None:
    text = ("I. HISTORY\n\nThe Mexican–American War (1846–1848) changed the border between the two countries. "
            "On September 13, 1847, the Battle of Chapultepec ended the last resistance near the capital. "
            "The Attack on Pearl Harbor in 1941 brought the two countries closer.\n")
    path = tmp_path / "history.txt"
    path.write_text(text, encoding="utf-8")
    events = {e.entity.label: e for e in _events(path, gazetteer)}
    battle = events["Battle of Chapultepec"]
    assert battle.part_of is not None and battle.part_of.label == "Mexican–American War"
    assert events["Attack on Pearl Harbor"].part_of is None  # no war of 1941 is dated here
