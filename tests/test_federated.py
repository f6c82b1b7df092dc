"""Federated queries (``queries/federated/``) run with SERVICE between two local Oxigraph servers.

One server holds the corpus build, the other a small Wikidata-shaped fixture
(``tests/data/federated/wikidata-items.ttl``); the query's Wikidata endpoint
is pointed at the fixture server, so the test needs no network and checks the
federation itself: every linked institution keeps its row, with what the
remote side states for it (SPARQL 1.1 Federated Query).
"""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from usmxkg.cli import main
from usmxkg.queries import materialise
from usmxkg.serve import OxigraphServer
from usmxkg.store import PROFILES, Endpoints, RemoteStore

ROOT = Path(__file__).resolve().parents[1]
QUERY = ROOT / "queries" / "federated" / "037-wikidata-inception-and-headquarters.rq"
FIXTURE = ROOT / "tests" / "data" / "federated" / "wikidata-items.ttl"
WIKIDATA = "https://query.wikidata.org/sparql"
WD = "http://www.wikidata.org/entity/"


@pytest.fixture(scope="module")
def answers(corpus_build) -> Iterator[dict[str, tuple[str | None, ...]]]:  # type: ignore[no-untyped-def]
    _, out = corpus_build
    with OxigraphServer() as remote, OxigraphServer() as local:
        request = urllib.request.Request(remote.base + "/store?default", data=FIXTURE.read_bytes(), method="POST",
                                         headers={"Content-Type": "text/turtle"})
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.status in (200, 201, 204)
        assert main(["load", "--dataset", str(out / "graph.nq"), "--endpoint", local.base, "--store", "oxigraph"]) == 0
        text = QUERY.read_text(encoding="utf-8")
        assert WIKIDATA in text
        store = RemoteStore(Endpoints.resolve(PROFILES["oxigraph"], local.base), PROFILES["oxigraph"])
        rows = materialise(store.query(text.replace(WIKIDATA, remote.query_url)))
        index = rows.variables.index("wikidata")
        yield {row[index].value: tuple(None if t is None else t.value for t in row)  # type: ignore[union-attr]
               for row in rows.rows}


def test_every_linked_institution_keeps_its_row(answers: dict[str, tuple[str | None, ...]]) -> None:
    assert {f"{WD}Q980409", f"{WD}Q1515048", f"{WD}Q179861", f"{WD}Q1755608"} <= set(answers)


def test_remote_statements_join_the_corpus_rows(answers: dict[str, tuple[str | None, ...]]) -> None:
    _, label, _, inception, headquarters, place = answers[f"{WD}Q980409"]
    assert (label, inception, headquarters, place) == (
        "United States Northern Command", "2002-10-01T00:00:00Z", f"{WD}Q900001", "Harbor Base One")
    assert answers[f"{WD}Q1515048"][3:] == ("1909-06-09T00:00:00Z", None, None)  # inception only
    assert answers[f"{WD}Q179861"][3:] == (None, f"{WD}Q900002", "Capital District Two")  # headquarters only
    assert answers[f"{WD}Q1755608"][3:] == (None, None, None)  # Wikidata states neither
