"""Reconciliation against a Wikidata-shaped fixture, offline: from the snapshot and from a local endpoint."""

from __future__ import annotations

import urllib.request
from pathlib import Path

import pytest

from usmxkg.cli import main
from usmxkg.errors import BuildError
from usmxkg.link.command import run
from usmxkg.link.table import read_links
from usmxkg.link.wikidata import Endpoint, Snapshot
from usmxkg.reference import ReferencePaths

FIXTURES = Path(__file__).resolve().parent / "data" / "reconcile"
SNAPSHOT = FIXTURES / "wikidata.ttl"
ID = "https://w3id.org/usmx-kg/id/"


@pytest.fixture
def paths(tmp_path: Path) -> ReferencePaths:
    """The fixture's reference data copied to a folder the test may write reviews into."""
    for name in ("entities.ttl", "external-ids.tsv"):
        (tmp_path / name).write_bytes((FIXTURES / name).read_bytes())
    return ReferencePaths(reference_dir=tmp_path)


def decisions(proposals) -> dict[str, dict[str, str]]:  # type: ignore[no-untyped-def]
    found: dict[str, dict[str, str]] = {}
    for p in proposals:
        found.setdefault(p.entity.iri.removeprefix(ID), {})[p.candidate.qid] = p.decision
    return found


EXPECTED = {
    "institution/naval-postgraduate-school": {"Q900000001": "accept", "Q900000002": "review"},
    "institution/inter-american-defense-college": {"Q900000003": "accept"},  # Defence / Defense
    "institution/cdi": {"Q900000031": "review", "Q900000032": "review"},  # an acronym two bodies share
    "institution/guardia-nacional": {"Q900000041": "accept"},  # the U.S. one is of another country
    "person/colonel-smith": {"Q900000011": "review", "Q900000012": "review"},  # two people, one name
    "place/veracruz": {"Q900000021": "accept"},  # a City: the state of the same name is not in its block
    "place/durango": {"Q900000023": "review", "Q900000024": "review"},  # a Place: city or state
}


def test_snapshot_reconciliation_accepts_only_unambiguous_typed_matches(paths, tmp_path):
    result = run(tmp_path / "out", paths, Snapshot(SNAPSHOT))
    assert decisions(result.proposals) == EXPECTED
    candidates = (tmp_path / "out" / "link-candidates.tsv").read_text(encoding="utf-8").splitlines()
    assert candidates[0].split("\t")[:3] == ["iri", "label", "qid"] and len(candidates) == 1 + 11
    smith = next(line for line in candidates if "Q900000011" in line)
    assert "rivals Q900000012" in smith and "\treview\t" in smith


def test_accept_writes_reviews_that_the_next_build_links_and_stops_proposing(paths, tmp_path):
    from usmxkg.link.model import LEXICAL_THRESHOLD, SAME_AS
    from usmxkg.link.table import THRESHOLD_REVIEWER

    result = run(tmp_path / "out", paths, Snapshot(SNAPSHOT), accept_rule=True)
    assert result.accepted == 4
    links = read_links(paths.external_ids, paths.link_reviews, {ID + k for k in EXPECTED} | {
        ID + "place/mexico", ID + "place/united-states"})
    accepted = {(link.subject.removeprefix(ID), link.target.rsplit("/", 1)[1]) for link in links
                if link.justification == LEXICAL_THRESHOLD}
    assert accepted == {(e, q) for e, c in EXPECTED.items() for q, d in c.items() if d == "accept"}
    assert all(link.predicate == SAME_AS and link.reviewer == THRESHOLD_REVIEWER for link in links
               if link.justification == LEXICAL_THRESHOLD)
    again = run(tmp_path / "out", paths, Snapshot(SNAPSHOT))
    assert {e for e, _ in accepted}.isdisjoint(decisions(again.proposals))
    assert again.coverage[0].kind == "institution" and again.coverage[0].wikidata == 3


def test_a_rejected_candidate_is_not_proposed_again(paths, tmp_path):
    paths.link_reviews.write_text(
        "iri\tlabel\tqid\tcandidate_label\tscore\tmethod\tdecision\treviewer\tdate\treasons\n"
        f"{ID}person/colonel-smith\tColonel Smith\tQ900000012\tJames Smith\t1.000\tm\treject\tA. Reviewer\t\t"
        "another man\n", encoding="utf-8")
    found = decisions(run(tmp_path / "out", paths, Snapshot(SNAPSHOT)).proposals)
    assert found["person/colonel-smith"] == {"Q900000011": "accept"}


def test_the_endpoint_source_gives_the_same_decisions_on_a_local_server(paths, tmp_path):
    from usmxkg.serve import OxigraphServer

    with OxigraphServer() as server:
        request = urllib.request.Request(server.base + "/store?default", data=SNAPSHOT.read_bytes(),
                                         headers={"Content-Type": "text/turtle"}, method="POST")
        with urllib.request.urlopen(request, timeout=30) as answer:
            assert answer.status in (200, 201, 204)
        result = run(tmp_path / "out", paths, Endpoint(server.query_url))
    # An endpoint is asked by exact name (en and es), so only the spelling variants are not found there.
    variant = "institution/inter-american-defense-college"
    by_name = {entity: found for entity, found in EXPECTED.items() if entity != variant}
    by_name["institution/naval-postgraduate-school"] = {"Q900000001": "accept"}
    assert decisions(result.proposals) == by_name


def test_an_unreachable_endpoint_is_retried_then_named_and_writes_nothing(paths, tmp_path, capsys):
    from usmxkg.serve import free_port

    url = f"http://127.0.0.1:{free_port()}/query"
    waits: list[float] = []
    with pytest.raises(BuildError, match=rf"{url}: Wikidata query failed after 3 tries"):
        run(tmp_path / "out", paths, Endpoint(url, tries=3, backoff=0.5, sleep=waits.append))
    assert waits == [0.5, 1.0]
    assert not (tmp_path / "out").exists()
    assert main(["link", "--reconcile", "--endpoint", url, "--out", str(tmp_path / "cli")]) == 1
    assert "Wikidata query failed" in capsys.readouterr().err and not (tmp_path / "cli").exists()


def test_the_command_prints_coverage_and_candidates_from_a_snapshot(tmp_path, capsys):
    assert main(["link", "--reconcile", "--snapshot", str(SNAPSHOT), "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "coverage:" in out and "institution" in out and "person" in out
    assert f"from {SNAPSHOT}" in out
    assert (tmp_path / "link-candidates.tsv").exists() and (tmp_path / "mappings.sssom.tsv").exists()
    assert main(["link", "--snapshot", str(SNAPSHOT)]) == 2  # needs --reconcile


@pytest.mark.parametrize(("args", "message"), [
    (["--snapshot", "missing.ttl"], "missing.ttl: cannot read the Wikidata snapshot"),
    (["--endpoint", "query.wikidata.org"], "query.wikidata.org: not an http(s) SPARQL endpoint URL"),
])
def test_bad_reconciliation_input_is_one_line_naming_it(tmp_path, capsys, args, message):
    assert main(["link", "--reconcile", *args, "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_a_body_whose_name_differs_in_one_word_is_never_accepted_by_the_rule():
    from usmxkg.link.entities import Entity
    from usmxkg.link.reconcile import THRESHOLD, propose
    from usmxkg.link.wikidata import Candidate

    class One:
        name = "stub"

        def candidates(self, entity, classes):  # type: ignore[no-untyped-def]
            return [Candidate("Q900000099", "United States Northern Command", frozenset({
                "United States Northern Command"}), frozenset({"Q176799"}), frozenset({"Q30"}))]

    southcom = Entity(ID + "institution/united-states-southern-command", "institution",
                      frozenset({"CombatantCommand"}), "United States Southern Command",
                      (("United States Southern Command", "en"),), frozenset())
    [proposal] = propose(southcom, One(), {}, set())
    assert 90 < proposal.score < THRESHOLD and proposal.decision == "review"


def test_a_rate_limited_endpoint_is_retried_with_backoff_until_it_answers(paths, tmp_path):
    import json
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    answers = [429, 429, 200]

    class Limited(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            status = answers.pop(0) if answers else 200
            body = json.dumps({"head": {"vars": []}, "results": {"bindings": []}}).encode() if status == 200 else b""
            self.send_response(status)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Limited)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        waits: list[float] = []
        endpoint = Endpoint(f"http://127.0.0.1:{server.server_port}/sparql", tries=4, backoff=0.25,
                            sleep=waits.append)
        result = run(tmp_path / "out", paths, endpoint)
        assert waits[:2] == [0.25, 0.5] and result.proposals == []
        answers[:] = [429] * 10
        with pytest.raises(BuildError, match=r"failed after 4 tries: Too Many Requests"):
            run(tmp_path / "again", paths, Endpoint(endpoint.name, tries=4, backoff=0.25, sleep=lambda s: None))
        assert not (tmp_path / "again").exists()
    finally:
        server.shutdown()
        server.server_close()
