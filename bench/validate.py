"""Benchmark: SHACL validation (fast vs pySHACL) and OWL 2 RL reasoning (reasonable vs owlrl) by graph size.

Run with ``make bench`` (or ``python bench/validate.py [--reference-at-1m] [--sizes corpus,100k,1m]``).
The graphs are the corpus build and generated graphs of ~100k and ~1M triples:
copies of the build whose resources and source graphs are renamed per copy
(``id/…`` → ``id/copyN/…``), the ontology once, so every copy is a valid build of
its own. Wall and CPU seconds of each engine are printed as a table and written
to ``build/bench-validate.json``; the reference engines are skipped at 1M unless
asked for (pySHACL and owlrl take many minutes there). Targets (checked here,
never in unit tests): validation of ~100k triples under 2 s and reasoning under
5 s with the default engines.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from usmxkg.pipeline import build
from usmxkg.reason import reason_build
from usmxkg.validate import validate_file

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "data" / "sources"
ID = "<https://w3id.org/usmx-kg/id/"
SOURCE_GRAPHS = "<https://w3id.org/usmx-kg/graph/source/"
ONTOLOGY_GRAPH = "<https://w3id.org/usmx-kg/graph/ontology> .\n"
SIZES = {"corpus": 0, "100k": 100_000, "1m": 1_000_000}
VALIDATION_TARGET, REASONING_TARGET = 2.0, 5.0
"""Seconds (wall) for ~100k triples with the default engines."""


def replicate(build_nq: Path, triples: int, out: Path) -> int:
    """Write to ``out`` copies of a build renamed per copy (the ontology once), about ``triples`` lines in all."""
    lines = build_nq.read_text(encoding="utf-8").splitlines(keepends=True)
    ontology = [line for line in lines if line.endswith(ONTOLOGY_GRAPH)]
    rest = [line for line in lines if not line.endswith(ONTOLOGY_GRAPH)]
    copies = max(1, round((triples - len(ontology)) / len(rest)))
    with out.open("w", encoding="utf-8") as handle:
        handle.writelines(ontology)
        for n in range(copies):
            text = "".join(rest).replace(ID, f"{ID}copy{n}/").replace(SOURCE_GRAPHS, f"{SOURCE_GRAPHS}copy{n}/")
            handle.write(text)
    return len(ontology) + copies * len(rest)


def timed(run: Callable[[], object]) -> dict[str, float]:
    """Wall and CPU seconds of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return {"wall_seconds": round(time.perf_counter() - wall, 3), "cpu_seconds": round(time.process_time() - cpu, 3)}


def bench(graph: Path, triples: int, references: bool, scratch: Path) -> dict[str, object]:
    """Every engine on one graph; the reference engines only if ``references``."""
    figures: dict[str, object] = {"triples": triples}
    engines = [("validate fast", lambda: validate_file(graph)),
               ("reason reasonable", lambda: reason_build(graph, scratch / "inferred.nq"))]
    if references:
        engines += [("validate pyshacl", lambda: validate_file(graph, engine="pyshacl")),
                    ("reason owlrl", lambda: reason_build(graph, scratch / "inferred-owlrl.nq", "owlrl"))]
    for name, run in engines:
        figures[name] = timed(run)
        print(f"  {name}: {figures[name]}", flush=True)
    return figures


def table(results: dict[str, dict[str, object]]) -> str:
    """The figures as a plain-text table: one row per graph, wall (CPU) seconds per engine."""
    columns = ["validate fast", "validate pyshacl", "reason reasonable", "reason owlrl"]
    rows = [["graph", "triples", *columns]]
    for name, figures in results.items():
        cells = []
        for column in columns:
            value = figures.get(column)
            cells.append(f"{value['wall_seconds']:.2f} ({value['cpu_seconds']:.2f})"  # type: ignore[index]
                         if isinstance(value, dict) else "skipped")
        rows.append([name, str(figures["triples"]), *cells])
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="corpus,100k,1m", help="comma-separated: corpus, 100k, 1m")
    parser.add_argument("--reference-at-1m", action="store_true", help="also run pySHACL and owlrl at 1M triples")
    parser.add_argument("--no-reference", action="store_true", help="run the default engines only")
    args = parser.parse_args(argv)
    results: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        build(SOURCES, scratch / "build", validate=False)
        corpus = scratch / "build" / "graph.nq"
        for size in args.sizes.split(","):
            graph = corpus if SIZES[size] == 0 else scratch / f"graph-{size}.nq"
            triples = sum(1 for _ in corpus.open()) if SIZES[size] == 0 else replicate(corpus, SIZES[size], graph)
            references = not args.no_reference and (size != "1m" or args.reference_at_1m)
            print(f"{size} ({triples} triples):", flush=True)
            results[size] = bench(graph, triples, references, scratch)
    print()
    print(table(results))
    (ROOT / "build").mkdir(exist_ok=True)
    (ROOT / "build" / "bench-validate.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    ok = True
    if "100k" in results:
        for name, target in (("validate fast", VALIDATION_TARGET), ("reason reasonable", REASONING_TARGET)):
            wall = results["100k"][name]["wall_seconds"]  # type: ignore[index]
            met = wall < target
            ok &= met
            print(f"{name} at ~100k triples: {wall} s wall, target < {target} s: {'met' if met else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
