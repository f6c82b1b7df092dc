"""Benchmarks of Virtuoso beside Oxigraph: load throughput and pack latency on both servers.

Run with ``python bench/stores.py [--triples N]`` after ``make demo`` and
``scripts/install-virtuoso.sh``. On the same N-Quads file (the corpus build repeated to about
``--triples`` triples by ``bench/queries.py``'s generator, 200k by default):

- load throughput (triples/s) into a private Virtuoso through the Graph Store Protocol (one
  digest-authorised ``PUT`` per graph) against Virtuoso's own bulk loader (``ld_dir`` +
  ``rdf_loader_run()`` through ``isql-vt``), and into ``oxigraph serve`` through the protocol,
  each into an empty database and then again (replacing every graph);
- the pack's latency on both servers through SPARQLWrapper: median and 95th percentile of
  ``--repeats`` runs of each query with its defaults (the first run not counted); a query over
  ``--cap`` seconds is reported as ``null``.

Figures are printed and written to ``build/bench-stores.json``; nothing is asserted (the servers
are third-party; ``bench/queries.py`` holds the project's targets).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from pyoxigraph import RdfFormat
from pyoxigraph import Store as OxStore
from queries import BUILD, ROOT, generate, timed  # bench/queries.py, beside this file

from usmxkg.queries import bind, pack
from usmxkg.serve import OxigraphServer
from usmxkg.store import PROFILES, Endpoints, RemoteStore, StoreError
from usmxkg.store_virtuoso import DEFAULT_CREDENTIALS, VirtuosoServer, bulk_load


def pack_latency(store: RemoteStore, repeats: int) -> dict[str, dict[str, float | int | None]]:
    figures: dict[str, dict[str, float | int | None]] = {}
    for query in pack():
        try:
            figures[query.name] = dict(timed(store, bind(query), repeats))
        except StoreError:
            figures[query.name] = {"median_ms": None, "p95_ms": None, "rows": None}
    return figures


def summary(figures: dict[str, dict[str, float | int | None]]) -> dict[str, float | None]:
    medians = [f["median_ms"] for f in figures.values() if f["median_ms"] is not None]
    return {"queries": len(figures), "timed_out": len(figures) - len(medians),
            "median_of_medians_ms": round(statistics.median(medians), 2) if medians else None,
            "slowest_median_ms": max(medians) if medians else None}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=200_000, help="size of the generated graph (0: the corpus)")
    parser.add_argument("--repeats", type=int, default=5, help="timed runs of each query")
    parser.add_argument("--cap", type=float, default=60.0, help="seconds a query may take")
    args = parser.parse_args()
    if not BUILD.is_file():
        print(f"{BUILD} is missing: run 'make demo' first", file=sys.stderr)
        return 1
    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as folder:
        dataset = Path(folder) / "generated.nq"
        if args.triples > 0:
            triples = generate(args.triples, dataset)
        else:  # the corpus build itself
            shutil.copyfile(BUILD, dataset)
            triples = len(_corpus())
        results["triples"] = triples
        rates: dict[str, float] = {}
        with VirtuosoServer(Path(folder) / "bulk") as bulk:  # the bulk loader into an empty database, then again
            readable = bulk.folder / dataset.name  # type: ignore[operator]  # in the server's DirsAllowed
            shutil.copyfile(dataset, readable)
            rates["virtuoso_bulk_loader"] = bulk_load(readable, bulk.sql_address).rate
            rates["virtuoso_bulk_loader_replace"] = bulk_load(readable, bulk.sql_address).rate
        with VirtuosoServer(Path(folder) / "virtuoso") as virtuoso, OxigraphServer() as oxigraph:
            vprofile, oprofile = PROFILES["virtuoso"], PROFILES["oxigraph"]
            vstore = RemoteStore(Endpoints.resolve(vprofile, virtuoso.base), vprofile, timeout=args.cap,
                                 credentials=DEFAULT_CREDENTIALS)
            ostore = RemoteStore(Endpoints.resolve(oprofile, oxigraph.base), oprofile, timeout=args.cap)
            rates["virtuoso_gsp"] = vstore.load(dataset, method="gsp").rate
            rates["virtuoso_gsp_replace"] = vstore.load(dataset, method="gsp").rate
            rates["oxigraph_gsp"] = ostore.load(dataset, method="gsp").rate
            rates["oxigraph_gsp_replace"] = ostore.load(dataset, method="gsp").rate
            results["load_triples_per_second"] = {k: round(v) for k, v in rates.items()}
            print(f"{triples} triples; load (triples/s): {results['load_triples_per_second']}", flush=True)
            for name, store in (("virtuoso", vstore), ("oxigraph", ostore)):
                figures = pack_latency(store, args.repeats)
                results[f"pack_{name}"] = figures
                print(f"pack on {name}: {summary(figures)}", flush=True)
    (ROOT / "build").mkdir(exist_ok=True)
    (ROOT / "build" / "bench-stores.json").write_text(json.dumps(results, indent=2) + "\n")
    return 0


def _corpus() -> OxStore:
    store = OxStore()
    store.bulk_load(path=str(BUILD), format=RdfFormat.N_QUADS)
    return store


if __name__ == "__main__":
    sys.exit(main())
