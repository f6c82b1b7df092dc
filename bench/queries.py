"""Benchmarks of the query pack and of loading: pack latency and load throughput.

Run with ``make bench`` (after ``make demo``) or ``python bench/queries.py [--triples N]``.

- Pack latency: every pack query with its defaults on the embedded store, median and 95th
  percentile of repeated runs, on the corpus build and on a generated graph of about
  ``--triples`` triples (1M by default). The generated graph repeats the corpus's source graphs,
  and the invented facts of ``tests/data/queries/facts.trig``, under fresh document, source,
  claim, event and observation IRIs per copy, while institutions, people and places stay shared:
  a corpus of many documents about the same entities, with the kinds of fact the pack asks for.
- Load throughput (triples/s) on the same file: the Graph Store Protocol (one PUT per graph)
  and SPARQL Update batches into an ``oxigraph serve`` on loopback, and the server's own bulk
  loader (``oxigraph load``).

Targets (checked here, never in unit tests): every pack query under 100 ms median at 1M
triples on the embedded store; Graph Store Protocol load at >= 50% of the bulk loader's rate.
Each query is timed in a process of its own and given up after ``--cap`` seconds (reported as
``null``). Figures are printed and written to ``build/bench-queries.json``.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pyoxigraph import RdfFormat, serialize
from pyoxigraph import Store as OxStore

from usmxkg.queries import bind, materialise, pack
from usmxkg.serve import OxigraphServer, oxigraph_binary
from usmxkg.store import PROFILES, EmbeddedStore, Endpoints, RemoteStore

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build" / "graph.nq"
FACTS = ROOT / "tests" / "data" / "queries" / "facts.trig"
LATENCY_TARGET_MS = 100.0
GSP_SHARE_TARGET = 0.5

_PER_COPY = re.compile(r"(https://w3id\.org/usmx-kg/(?:id/(?:document|source|observation|dataset|event|policy|program)"
                       r"|graph/source)/)")


def generate(target: int, out: Path) -> int:
    """Write a dataset of about ``target`` triples to ``out`` (N-Quads); returns its size in quads."""
    facts = OxStore()
    facts.bulk_load(path=str(FACTS), format=RdfFormat.TRIG)
    lines = BUILD.read_text(encoding="utf-8").splitlines()
    curated = [line for line in lines if "/graph/source/" not in line.rsplit(" ", 2)[-2]]
    per_document = [line for line in lines if line not in set(curated)]
    per_document += (serialize(facts, format=RdfFormat.N_QUADS) or b"").decode("utf-8").splitlines()
    copies = max(1, round((target - len(curated)) / len(per_document)))
    with out.open("w", encoding="utf-8") as stream:
        stream.write("\n".join(curated) + "\n")
        for copy in range(copies):
            stream.write("\n".join(_PER_COPY.sub(rf"\g<1>c{copy}-", line) for line in per_document) + "\n")
    store = OxStore()
    store.bulk_load(path=str(out), format=RdfFormat.N_QUADS)
    return len(store)


def timed(store: EmbeddedStore | RemoteStore, text: str, repeats: int) -> dict[str, float]:
    """Median and 95th percentile (ms) of a query on a store, and its rows; the first run is not counted."""
    materialise(store.query(text))
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        rows = materialise(store.query(text))
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {"median_ms": round(statistics.median(times), 2),
            "p95_ms": round(times[min(len(times) - 1, round(0.95 * (len(times) - 1)))], 2), "rows": len(rows.rows)}


def time_query(store_dir: Path, name: str, repeats: int) -> dict[str, float]:
    """:func:`timed` for one pack query with its defaults on the embedded store at ``store_dir``."""
    return timed(EmbeddedStore.open(store_dir), bind(next(q for q in pack() if q.name == name)), repeats)


def latency(store_dir: Path, repeats: int, cap: float) -> dict[str, dict[str, float]]:
    """Each query timed in a process of its own, stopped after ``cap`` seconds (reported as ``None``)."""
    figures: dict[str, dict[str, float]] = {}
    for query in pack():
        try:
            done = subprocess.run([sys.executable, __file__, "--time-one", query.name, "--store", str(store_dir),
                                   "--repeats", str(repeats)], capture_output=True, text=True, timeout=cap, check=True)
            figures[query.name] = json.loads(done.stdout)
        except subprocess.TimeoutExpired:
            figures[query.name] = {"median_ms": None, "p95_ms": None, "over_seconds": cap}  # type: ignore[dict-item]
        print(f"  {query.name}: {figures[query.name]}", flush=True)
    return figures


def load_rates(dataset: Path, triples: int) -> dict[str, float]:
    """Triples per second into an on-disk Oxigraph store: bulk loader, Graph Store Protocol, SPARQL Update."""
    rates: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        location = Path(folder) / "bulk"
        start = time.perf_counter()
        subprocess.run([oxigraph_binary(), "load", "--location", str(location), "--file", str(dataset)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        rates["bulk_loader"] = triples / (time.perf_counter() - start)
        for method in ("gsp", "update"):
            with OxigraphServer(Path(folder) / method) as server:
                profile = PROFILES["oxigraph"]
                store = RemoteStore(Endpoints.resolve(profile, server.base), profile)
                rates[method] = store.load(dataset, method=method).rate
    return {k: round(v) for k, v in rates.items()}


def scenario(name: str, dataset: Path, triples: int, repeats: int, cap: float) -> dict[str, object]:
    rates = load_rates(dataset, triples)
    with tempfile.TemporaryDirectory() as folder:
        EmbeddedStore.build(dataset, Path(folder) / "store")
        pack_figures = latency(Path(folder) / "store", repeats, cap)
    slowest = max(pack_figures.items(), key=lambda item: item[1]["median_ms"] or float("inf"))
    print(f"{name}: {triples} triples; load (triples/s): bulk {rates['bulk_loader']}, GSP {rates['gsp']}, "
          f"update {rates['update']}; slowest query {slowest[0]} median {slowest[1]['median_ms']} ms", flush=True)
    return {"triples": triples, "load_triples_per_second": rates, "pack": pack_figures}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="size of the generated graph")
    parser.add_argument("--repeats", type=int, default=10, help="timed runs of each query")
    parser.add_argument("--cap", type=float, default=120.0, help="seconds after which a query's timing stops")
    parser.add_argument("--time-one", help=argparse.SUPPRESS)
    parser.add_argument("--store", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.time_one:
        print(json.dumps(time_query(args.store, args.time_one, args.repeats)))
        return 0
    if not BUILD.is_file():
        print(f"{BUILD} is missing: run 'make demo' first", file=sys.stderr)
        return 1
    corpus = OxStore()
    corpus.bulk_load(path=str(BUILD), format=RdfFormat.N_QUADS)
    results = {"corpus": scenario("corpus", BUILD, len(corpus), args.repeats, args.cap)}
    with tempfile.TemporaryDirectory() as folder:
        generated = Path(folder) / "generated.nq"
        size = generate(args.triples, generated)
        results["generated"] = scenario("generated", generated, size, args.repeats, args.cap)
    (ROOT / "build").mkdir(exist_ok=True)
    (ROOT / "build" / "bench-queries.json").write_text(json.dumps(results, indent=2) + "\n")
    big = results["generated"]
    slow = {n: f["median_ms"] for n, f in big["pack"].items()  # type: ignore[union-attr]
            if f["median_ms"] is None or f["median_ms"] >= LATENCY_TARGET_MS}
    rates = big["load_triples_per_second"]
    share = rates["gsp"] / rates["bulk_loader"]  # type: ignore[index]
    print(json.dumps({name: {k: v for k, v in r.items() if k != "pack"} for name, r in results.items()}, indent=2))
    print(f"pack latency target (every query < {LATENCY_TARGET_MS:.0f} ms median at {big['triples']} triples): "
          + ("met" if not slow else f"MISSED by {len(slow)}: {slow}"))
    print(f"GSP load target (>= {GSP_SHARE_TARGET:.0%} of the bulk loader): {share:.0%}, "
          + ("met" if share >= GSP_SHARE_TARGET else "MISSED"))
    return 0 if not slow and share >= GSP_SHARE_TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
