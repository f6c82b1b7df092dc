"""Serve the built store over the SPARQL 1.1 Protocol with the Oxigraph server (PyPI package ``oxigraph``).

``usmxkg serve`` runs ``oxigraph serve-read-only`` on the built store, bound to 127.0.0.1;
the store's default graph already holds the union of its named graphs, so the pack's queries
answer there exactly as on the embedded store, and the server's query page
(``http://127.0.0.1:PORT/``) lets people try them.
:class:`OxigraphServer` also starts a read-write server for the loading tests and the
benchmarks, waits until it answers, and stops it by its process id.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import TracebackType

from usmxkg.errors import UsmxkgError

HOST = "127.0.0.1"


class ServeError(UsmxkgError):
    """The server cannot be found, started or reached."""


def oxigraph_binary() -> str:
    """The ``oxigraph`` command: beside this Python (a virtual environment's ``bin/``) or on ``PATH``."""
    beside = Path(sys.executable).with_name("oxigraph")
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise ServeError("the oxigraph server is not installed; pip install 'usmxkg[serve]'")
    return found


def free_port(host: str = HOST) -> int:
    """A TCP port nobody listens on at the moment (the operating system picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def answers_ask(query_url: str, timeout: float = 1.0) -> bool:
    """Whether a SPARQL endpoint answers ``ASK {}`` (the readiness check of a server just started)."""
    request = urllib.request.Request(query_url + "?query=ASK%7B%7D",
                                     headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def terminate(process: subprocess.Popen[bytes] | None, timeout: float = 10.0) -> None:
    """Stop a server process by its own id: terminate, wait ``timeout`` seconds, then kill."""
    if process is not None and process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class OxigraphServer:
    """An ``oxigraph`` server process on loopback, as a context manager.

    ``location=None`` keeps the data in memory; ``read_only`` serves an existing store;
    ``union`` makes the default graph the union of the named graphs.
    """

    def __init__(self, location: Path | None = None, port: int | None = None, read_only: bool = False,
                 union: bool = True, host: str = HOST) -> None:
        if read_only and location is None:
            raise ServeError("a read-only server needs a store location")
        self.location = location
        self.host = host
        self.port = port or free_port(host)
        self.read_only = read_only
        self.union = union
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def query_url(self) -> str:
        return self.base + "/query"

    def command(self) -> list[str]:
        mode = "serve-read-only" if self.read_only else "serve"
        args = [oxigraph_binary(), mode, "--bind", f"{self.host}:{self.port}"]
        if self.location is not None:
            args += ["--location", str(self.location)]
        if self.union:
            args.append("--union-default-graph")
        return args

    def start(self, wait: float = 30.0) -> OxigraphServer:
        """Start the process and wait until it answers a query, or raise naming what went wrong."""
        if self.read_only and not (Path(self.location or "") / "CURRENT").is_file():
            raise ServeError(f"{self.location}: no store here; run 'usmxkg build' and 'usmxkg load' first")
        self.process = subprocess.Popen(self.command(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                message = (self.process.stderr.read() if self.process.stderr else b"").decode("utf-8", "replace")
                raise ServeError(f"oxigraph server stopped at start: {' '.join(message.split())[:300]}")
            if self.answers():
                return self
            time.sleep(0.05)
        self.stop()
        raise ServeError(f"oxigraph server did not answer on {self.base} within {wait:.0f} s")

    def answers(self) -> bool:
        """Whether the server answers ``ASK {}`` at its query endpoint."""
        return answers_ask(self.query_url)

    def stop(self) -> None:
        """Stop this server process (by its own id) and wait for it."""
        terminate(self.process)
        if self.process is not None and self.process.stderr:
            self.process.stderr.close()
        self.process = None

    def __enter__(self) -> OxigraphServer:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()


def serve(store: Path, port: int) -> int:
    """Serve ``store`` read-only on 127.0.0.1 until interrupted; returns the server's exit code."""
    server = OxigraphServer(store, port=port, read_only=True, union=False)  # the built default graph is the union
    if not (store / "CURRENT").is_file():
        raise ServeError(f"{store}: no store here; run 'usmxkg build' and 'usmxkg load' first")
    try:
        return subprocess.run(server.command(), check=False).returncode
    except KeyboardInterrupt:
        return 0
