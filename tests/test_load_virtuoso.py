"""The Virtuoso profile without a server: its private configuration, its update batches, its usage errors."""

from __future__ import annotations

import configparser
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import pytest
from pyoxigraph import BlankNode, Literal, NamedNode, Quad
from pyoxigraph import Store as OxStore

from usmxkg.cli import main
from usmxkg.store import PROFILES, Endpoints, RemoteStore
from usmxkg.store_virtuoso import LIMITS, PACKAGED_INI, PACKAGED_INI_FALLBACK, write_ini

G = "https://w3id.org/usmx-kg/graph/source/0000000000000001"
P = NamedNode("https://example.org/p")


@pytest.mark.skipif(not (PACKAGED_INI.is_file() or PACKAGED_INI_FALLBACK.is_file()),
                    reason="Virtuoso is not installed (scripts/install-virtuoso.sh)")
def test_private_configuration_keeps_everything_in_its_folder_and_on_loopback(tmp_path: Path) -> None:
    ini = configparser.ConfigParser(strict=False, interpolation=None)
    ini.optionxform = str  # type: ignore[assignment,method-assign]
    ini.read(write_ini(tmp_path, 21111, 28890, allowed=(Path("/data/rdf"),)))
    for section in ("Database", "TempDatabase"):
        files = [v for k, v in ini[section].items() if k.endswith("File")]
        assert files and all(Path(v).parent == tmp_path for v in files)
    assert ini["Parameters"]["ServerPort"] == "127.0.0.1:21111"
    assert ini["HTTPServer"]["ServerPort"] == "127.0.0.1:28890"
    assert ini["HTTPServer"]["ServerRoot"] == "/var/lib/virtuoso-opensource-7/vsp"
    assert {str(tmp_path), "/data/rdf"} <= {d.strip() for d in ini["Parameters"]["DirsAllowed"].split(",")}
    assert {k: ini["SPARQL"][k] for k in LIMITS} == LIMITS


def test_update_batches_keep_each_group_of_blank_nodes_in_one_request() -> None:
    data = OxStore()
    for chain in range(4):  # four lists of three linked blank nodes, like RDF collections
        nodes = [BlankNode(f"c{chain}n{i}") for i in range(3)]
        data.add(Quad(NamedNode(f"urn:x:s{chain}"), P, nodes[0], NamedNode(G)))
        for here, there in pairwise(nodes):
            data.add(Quad(here, P, there, NamedNode(G)))
        data.add(Quad(nodes[-1], P, Literal("end"), NamedNode(G)))
    for i in range(7):
        data.add(Quad(NamedNode(f"urn:x:plain{i}"), P, Literal(str(i)), NamedNode(G)))
    profile = PROFILES["virtuoso"]
    store = RemoteStore(Endpoints.resolve(profile, "http://127.0.0.1:1/sparql"), replace(profile, update_batch=6))
    requests = list(store._updates(data, NamedNode(G)))
    assert requests[0].startswith(f"DROP SILENT GRAPH <{G}> ;\nINSERT {{ GRAPH <{G}> {{")
    assert all(r.rstrip().endswith("WHERE { }") for r in requests)  # Virtuoso refuses blank nodes in INSERT DATA
    holders: dict[str, set[int]] = {}
    for index, request in enumerate(requests):
        for label in {word.strip(".") for word in request.split() if word.startswith("_:")}:
            holders.setdefault(label, set()).add(index)
    assert len(holders) == 12
    assert all(len(where) == 1 for where in holders.values())
    for chain in range(4):
        assert len({next(iter(holders[f"_:c{chain}n{i}"])) for i in range(3)}) == 1
    assert sum(r.count("urn:x:") for r in requests) == 4 + 7


def test_bulk_needs_the_virtuoso_profile_and_its_sql_port(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dataset = tmp_path / "a.nq"
    dataset.write_text(f'<urn:x:a> <urn:x:b> "c" <{G}> .\n')
    assert main(["load", "--dataset", str(dataset), "--endpoint", "http://127.0.0.1:1", "--method", "bulk"]) == 2
    assert "--method bulk needs --store virtuoso and --isql" in capsys.readouterr().err
