"""The Virtuoso profile without a server: endpoints, private configuration, update batches, digest, usage errors."""

from __future__ import annotations

import configparser
import hashlib
import http.server
import threading
import urllib.error
import urllib.request
from dataclasses import replace
from itertools import pairwise
from pathlib import Path
from typing import ClassVar

import pytest
from pyoxigraph import BlankNode, Literal, NamedNode, Quad
from pyoxigraph import Store as OxStore

from usmxkg.cli import main
from usmxkg.store import PROFILES, Endpoints, RemoteStore
from usmxkg.store_auth import authorise
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


def test_the_profile_derives_virtuoso_endpoints_from_the_base() -> None:
    profile = PROFILES["virtuoso"]
    for given in ("http://127.0.0.1:8890", "http://127.0.0.1:8890/", "http://127.0.0.1:8890/sparql"):
        assert Endpoints.resolve(profile, given) == Endpoints("http://127.0.0.1:8890/sparql",
                                                              "http://127.0.0.1:8890/sparql-auth",
                                                              "http://127.0.0.1:8890/sparql-graph-crud-auth")
    assert (profile.auth, profile.graph_param) == ("digest", "graph-uri")


class _DigestServer(http.server.BaseHTTPRequestHandler):
    """A graph store behind digest authentication (RFC 7616, MD5, qop=auth) that records what it got."""

    seen: ClassVar[list[tuple[str, bool, int]]] = []
    NONCE = "5ebe2294ecd0e0f08eab7690d2a6ee69"

    def log_message(self, *args: object) -> None:
        pass

    def _authorised(self) -> bool:
        header = self.headers.get("Authorization", "")
        if not header.startswith("Digest "):
            return False
        fields = urllib.request.parse_keqv_list(urllib.request.parse_http_list(header[7:]))

        def md5(text: str) -> str:
            return hashlib.md5(text.encode()).hexdigest()

        expected = md5(":".join([md5("dba:graphs:secret"), fields["nonce"], fields["nc"], fields["cnonce"],
                                 "auth", md5(f"{self.command}:{self.path}")]))
        return fields["username"] == "dba" and fields["response"] == expected

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        self.seen.append((self.command, self._authorised(), length))
        if not self._authorised():
            self.send_response(401)
            self.send_header("WWW-Authenticate", f'Digest realm="graphs", nonce="{self.NONCE}", qop="auth", '
                                                 'algorithm="MD5"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return  # the body, if any, is left unread, as a server that closes the connection does
        self.rfile.read(length)
        self.send_response(201)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_HEAD = do_PUT = do_DELETE = _answer


def test_digest_challenge_is_fetched_before_the_body_is_sent_once() -> None:
    server = http.server.HTTPServer(("127.0.0.1", 0), _DigestServer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        _DigestServer.seen.clear()
        url = f"http://127.0.0.1:{server.server_port}/sparql-graph-crud-auth?graph-uri=urn%3Ag"
        body = b"<urn:x:a> <urn:x:b> <urn:x:c> .\n" * 5000
        request = authorise(urllib.request.Request(url, data=body, method="PUT"), "digest", ("dba", "secret"))
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 201
        assert _DigestServer.seen == [("HEAD", False, 0), ("PUT", True, len(body))]
        wrong = authorise(urllib.request.Request(url, data=b"x", method="PUT"), "digest", ("dba", "wrong"))
        with pytest.raises(urllib.error.HTTPError, match="401"):
            urllib.request.urlopen(wrong, timeout=10)
    finally:
        server.shutdown()
        server.server_close()
