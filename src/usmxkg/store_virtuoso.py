"""OpenLink Virtuoso 7 beside the generic store code: a private server process and its bulk loader.

What Virtuoso needs for loading and querying is the ``virtuoso`` entry of
:data:`usmxkg.store.PROFILES`: queries at ``/sparql``, updates at ``/sparql-auth`` and the SPARQL
1.1 Graph Store Protocol at ``/sparql-graph-crud-auth?graph-uri=…``, both with HTTP digest
authentication. Where it departs from the standards, as met by the query pack and the loader:

- ``GRAPH ?g { }`` matches nothing (SPARQL 1.1 Query §13.3 says once per named graph); the
  profile lists graphs with ``GRAPH ?g { ?s ?p ?o }``.
- The default graph of a query without ``FROM`` is every graph of the server, its own system
  graphs too (``http://www.openlinksw.com/schemas/virtrdf#``, ``http://localhost:8890/DAV/`` …);
  the pack's queries name project vocabulary, so those graphs do not reach their answers.
  A triple stated in several graphs is matched once per graph, as in Oxigraph's union default graph.
- A digest-protected ``PUT`` with a large body is reset when sent unauthorised first;
  :mod:`usmxkg.store_auth` asks for the challenge with a ``HEAD`` first.
- ``GROUP_CONCAT`` over values that are all unbound gives ``""`` (Oxigraph: no value), and it
  drops the language tag its values share (Oxigraph keeps it).
- ``INSERT DATA`` refuses blank nodes ("not allowed in a constant clause"); the profile sends
  ``INSERT { … } WHERE { }`` instead.
- Numeric literals come back in their canonical lexical form (``"1.0"^^xsd:decimal`` is ``1``).
- A Graph Store Protocol ``PUT`` is not one transaction: the old triples are deleted and
  committed before the new ones are inserted, so a server killed in between comes back with
  that graph empty (seen killing a private server 0.3 s into a reload of the corpus; graphs
  whose ``PUT`` had finished were new, the ones not reached old). Oxigraph replaces a graph
  atomically.
- Property paths with ``*`` or ``+`` joined to variables bound by other patterns lose solutions
  in 7.2.5 (openlink/virtuoso-opensource issues 127, 704, 929); the queries that meet it are
  listed in ``tests/test_stores_agree.py``.

:class:`VirtuosoServer` runs ``virtuoso-t +foreground`` with its own copy of the packaged
``virtuoso.ini`` (database files in a private folder, SQL and HTTP ports on loopback, higher
result and time limits) and stops it by its process id; ``scripts/install-virtuoso.sh``
installs the Debian package. :func:`bulk_load` runs Virtuoso's own loader (``ld_dir`` and
``rdf_loader_run()`` through ``isql-vt``) for files the server can read.
"""

from __future__ import annotations

import configparser
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType

from pyoxigraph import NamedNode

from usmxkg.serve import HOST, ServeError, answers_ask, free_port, terminate
from usmxkg.store import LoadReport, StoreError, read_dataset
from usmxkg.vocab import GRAPH

PACKAGED_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
"""The Debian package's configuration, copied and changed for each private server."""
PACKAGED_INI_FALLBACK = Path("/usr/share/virtuoso-opensource-7/virtuoso.ini")
VSP_ROOT = "/var/lib/virtuoso-opensource-7/vsp"
PLUGINS = "/usr/lib/x86_64-linux-gnu/virtuoso-opensource-7/hosting"
DEFAULT_CREDENTIALS = ("dba", "dba")
"""The administrator of a new Virtuoso database (a private test server only; change it on a real one)."""

LIMITS = {"ResultSetMaxRows": "1000000", "MaxQueryExecutionTime": "600", "MaxQueryCostEstimationTime": "600"}
"""``[SPARQL]`` limits raised above the packaged ones (10,000 rows, 60 s), which cut answers short silently."""


def virtuoso_binaries() -> tuple[str, str]:
    """The ``virtuoso-t`` server and the ``isql-vt`` client, or an error saying how to install them."""
    server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if server is None or isql is None:
        raise ServeError("Virtuoso is not installed; run scripts/install-virtuoso.sh (Debian package "
                         "virtuoso-opensource, needs root)")
    return server, isql


def write_ini(folder: Path, sql_port: int, http_port: int, host: str = HOST,
              allowed: tuple[Path, ...] = ()) -> Path:
    """A copy of the packaged ``virtuoso.ini`` for a private server in ``folder``; returns its path.

    The database, log and lock files move into ``folder``; the SQL (``[Parameters]``) and HTTP
    (``[HTTPServer]``) servers listen on ``host`` only; ``DirsAllowed`` adds ``folder`` and
    ``allowed`` so the bulk loader may read files there.
    """
    source = PACKAGED_INI if PACKAGED_INI.is_file() else PACKAGED_INI_FALLBACK
    ini = configparser.ConfigParser(strict=False, inline_comment_prefixes=(";",), interpolation=None)
    ini.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    if not ini.read(source):
        raise ServeError(f"{source}: cannot read the packaged Virtuoso configuration")
    for section in ("Database", "TempDatabase"):
        for key, value in ini[section].items():
            if key.endswith("File") or key == "xa_persistent_file":
                ini[section][key] = str(folder / Path(value).name)
    params = ini["Parameters"]
    params["ServerPort"] = f"{host}:{sql_port}"
    dirs = [".", "/usr/share/virtuoso-opensource-7/vad", str(folder), *(str(p) for p in allowed)]
    params["DirsAllowed"] = ", ".join(dirs)
    ini["HTTPServer"]["ServerPort"] = f"{host}:{http_port}"
    ini["HTTPServer"]["ServerRoot"] = VSP_ROOT
    ini["Plugins"]["LoadPath"] = PLUGINS
    ini["URIQA"]["DefaultHost"] = f"{host}:{http_port}"
    for key, value in LIMITS.items():
        ini["SPARQL"][key] = value
    path = folder / "virtuoso.ini"
    with path.open("w", encoding="utf-8") as stream:
        ini.write(stream)
    return path


class VirtuosoServer:
    """A private ``virtuoso-t`` process on loopback, as a context manager (a fresh database each start).

    The database lives in ``folder`` (a temporary one, removed at stop, when not given).
    ``allowed`` are further folders the bulk loader may read.
    """

    def __init__(self, folder: Path | None = None, host: str = HOST, allowed: tuple[Path, ...] = ()) -> None:
        self.host = host
        self.http_port = free_port(host)
        self.sql_port = free_port(host)
        self._own_folder = folder is None
        self.folder = folder
        self.allowed = allowed
        self.process: subprocess.Popen[bytes] | None = None
        self.credentials = DEFAULT_CREDENTIALS

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.http_port}"

    @property
    def query_url(self) -> str:
        return self.base + "/sparql"

    @property
    def sql_address(self) -> str:
        return f"{self.host}:{self.sql_port}"

    def start(self, wait: float = 60.0) -> VirtuosoServer:
        """Start the process and wait until ``/sparql`` answers, or raise naming what went wrong."""
        server, _ = virtuoso_binaries()
        if self.folder is None:
            self.folder = Path(tempfile.mkdtemp(prefix="usmxkg-virtuoso-"))
        self.folder.mkdir(parents=True, exist_ok=True)
        ini = write_ini(self.folder, self.sql_port, self.http_port, self.host, self.allowed)
        log = (self.folder / "console.log").open("wb")
        self.process = subprocess.Popen([server, "+foreground", "+configfile", str(ini)], cwd=self.folder,
                                        stdout=log, stderr=subprocess.STDOUT)
        log.close()
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                tail = (self.folder / "console.log").read_text("utf-8", "replace")[-300:]
                self.stop()
                raise ServeError(f"virtuoso stopped at start: {' '.join(tail.split())}")
            if self.answers():
                return self
            time.sleep(0.2)
        self.stop()
        raise ServeError(f"virtuoso did not answer on {self.base} within {wait:.0f} s")

    def answers(self) -> bool:
        """Whether ``/sparql`` answers ``ASK {}``."""
        return answers_ask(self.query_url, timeout=2)

    def stop(self) -> None:
        """Stop this server process (by its own id), wait for it, and remove a temporary database."""
        terminate(self.process, timeout=30)
        self.process = None
        if self._own_folder and self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None

    def __enter__(self) -> VirtuosoServer:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()


def isql(address: str, credentials: tuple[str, str], script: str, timeout: float = 600.0) -> str:
    """Run SQL statements through ``isql-vt`` at ``host:port``; an error names the statement, never the password.

    ``isql-vt`` takes the password as an argument, so it is in the machine's process list while
    the statements run; the statements themselves go through standard input.
    """
    _, client = virtuoso_binaries()
    user, password = credentials
    try:
        done = subprocess.run([client, address, user, password, "VERBOSE=OFF", "BANNER=OFF", "PROMPT=OFF"],
                              input=script.encode("utf-8"), capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as exc:
        raise StoreError(f"virtuoso {address}: isql gave no answer within {timeout:.0f} s") from exc
    errors = done.stderr.decode("utf-8", "replace")
    if done.returncode or "*** Error" in errors:
        message = " ".join(errors.replace(password, "***").split()) if password else " ".join(errors.split())
        hint = " (the server reads files only in the folders of its DirsAllowed)" if "FA003" in message else ""
        raise StoreError(f"virtuoso {address}: {message[:400] or f'isql exited with {done.returncode}'}{hint}")
    return done.stdout.decode("utf-8", "replace")


def _sql_string(text: str) -> str:
    """A SQL string literal (quotes doubled)."""
    return "'" + text.replace("'", "''") + "'"


def bulk_load(dataset: Path, address: str, credentials: tuple[str, str] = DEFAULT_CREDENTIALS,
              prune: bool = True) -> LoadReport:
    """Replace the dataset's named graphs with Virtuoso's bulk loader (``ld_dir`` + ``rdf_loader_run()``).

    The server reads the file itself, so it must be on the server's machine in a folder of its
    ``DirsAllowed``. Each named graph of the file is cleared first, the file registered afresh in
    ``DB.DBA.load_list`` (the loader skips a file it has loaded before), loaded, and a checkpoint
    written; with ``prune``, graphs under the project's graph namespace the file lacks are cleared too.
    See Virtuoso's "Bulk Loading RDF Source Files into one or more Graph IRIs".
    """
    data = read_dataset(dataset)
    started = time.perf_counter()
    named = sorted(g.value for g in data.named_graphs() if isinstance(g, NamedNode))
    path = dataset.resolve()
    existing = isql(address, credentials, "SPARQL SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } };\n")
    stale = sorted({line.strip() for line in existing.splitlines()
                    if line.strip().startswith(GRAPH) and line.strip() not in named}) if prune else []
    statements = [f"SPARQL CLEAR GRAPH <{graph}>;" for graph in [*named, *stale]]
    statements += [
        f"DELETE FROM DB.DBA.load_list WHERE ll_file = {_sql_string(str(path))};",
        f"ld_dir({_sql_string(str(path.parent))}, {_sql_string(path.name)}, {_sql_string(GRAPH + 'default')});",
        "rdf_loader_run();",
        "checkpoint;",
        f"SELECT ll_state, ll_error FROM DB.DBA.load_list WHERE ll_file = {_sql_string(str(path))};",
    ]
    out = isql(address, credentials, "\n".join(statements) + "\n")
    status = [line.split() for line in out.splitlines() if line.strip()]
    if not status or status[-1] != ["2", "NULL"]:  # ll_state 2 is done; ll_error names a failure
        raise StoreError(f"{dataset}: the Virtuoso bulk loader did not finish: {' '.join(out.split())[-300:]}")
    return LoadReport(graphs=len(named), triples=len(data), method="bulk", removed=stale,
                      seconds=time.perf_counter() - started)
