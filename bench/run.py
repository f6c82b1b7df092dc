"""Benchmarks: reader throughput, and whole builds of scaled corpora stage by stage.

Run with ``make bench`` or ``python bench/run.py [--scales 1,10,50] [--jobs 1,2] [--large]``
(by default 1×, 10× and 50× with one worker per core).

For every scale (copies of the corpus, made by ``bench/corpus.py``) and every
number of jobs, one build runs in a fresh process, so each gets its own
memory figures. Measured: wall time, CPU time (the build process and its
workers), peak resident memory, and for each stage (read, extract+emit,
claim links, resolve, serialise, write, validate) its wall time, CPU time
and the peak memory reached by its end; throughput in MB/s of source text
and quads/s. Validation (pySHACL) runs at the smallest scale only unless
``--validate-all``. The figures are printed as a table beside those of the
previous run and written to ``build/bench.json``. Targets are checked here,
never in unit tests.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "data" / "sources"
RESULTS = ROOT / "build" / "bench.json"
CORPORA = ROOT / "build" / "bench-corpora"
READ_TARGET_CPU_SECONDS = 0.5
DEFAULT_SCALES = (1, 10, 50)
LARGE_SCALES = (100,)
STAGES = ("read", "extract+emit", "claim-links", "resolve", "serialise", "write", "validate")


def bench_read(repeats: int = 5) -> dict[str, float]:
    """Best-of-N CPU time to read (decode, normalise, detect, parse) every corpus file."""
    from usmxkg.pipeline import source_files
    from usmxkg.readers import read_bytes

    blobs = [(p.read_bytes(), str(p)) for p in source_files(SOURCES)]
    megabytes = sum(len(b) for b, _ in blobs) / 1e6
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        for data, name in blobs:
            read_bytes(data, name)
        best = min(best, time.process_time() - start)
    return {"files": len(blobs), "megabytes": round(megabytes, 3), "cpu_seconds": round(best, 4),
            "megabytes_per_second": round(megabytes / best, 2)}


def one_build(sources: Path, jobs: int, validate: bool) -> dict[str, object]:
    """One build of ``sources`` in this process; its figures as a dict (run in a child of :func:`main`)."""
    from usmxkg.pipeline import build

    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        result = build(sources, Path(out), validate=validate, jobs=jobs)
        wall = time.perf_counter() - start
        nquads = (Path(out) / "graph.nq").stat().st_size
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    megabytes = sum(p.stat().st_size for p in sources.iterdir()) / 1e6
    return {
        "documents": len(result.documents), "megabytes": round(megabytes, 3), "quads": result.quads,
        "nquads_megabytes": round(nquads / 1e6, 2), "merges": len(result.merges), "jobs": jobs,
        "wall_seconds": round(wall, 3),
        "cpu_seconds": round(own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime, 3),
        "peak_rss_mb": round(own.ru_maxrss / 1024, 1), "worker_peak_rss_mb": round(workers.ru_maxrss / 1024, 1),
        "megabytes_per_second": round(megabytes / wall, 3), "quads_per_second": round(result.quads / wall),
        "ms_per_document": round(1000 * wall / max(1, len(result.documents)), 2),
        "cpu_ms_per_document": round(1000 * (own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime)
                                     / max(1, len(result.documents)), 1),
        "stages": {name: cost.as_dict() for name, cost in result.clock.stages.items()},
    }


def bench_worst_cases() -> dict[str, float]:
    """Inputs that were once quadratic, in seconds per MB: 4,000 notes without markers; ambiguous names."""
    from usmxkg.document import Document
    from usmxkg.extract.mentions import find_mentions
    from usmxkg.readers.notes import parse_footnotes, superscript
    from usmxkg.reference import ReferencePaths, load_gazetteer

    notes = "\n".join(f"Paragraph {n} reports what the archive shows and why it matters.\n\n"
                      f"{superscript(n)} See Author, “A Title,” Journal (2001), {n}.\n" for n in range(1, 4001))
    start = time.perf_counter()
    parse_footnotes(Document(doc_id="x", source="notes", kind="thesis", text=notes))
    notes_rate = (time.perf_counter() - start) / (len(notes.encode()) / 1e6)
    gazetteer = load_gazetteer(ReferencePaths().entities)
    forms = ["CHDS", "NWC", "Center for Homeland Defense and Security", "Naval War College", "National War College"]
    names = " ".join(forms[i % 7 % 5] for i in range(24_000))  # ~360 KB, ambiguous forms among their expansions
    start = time.perf_counter()
    find_mentions(Document(doc_id="y", source="names", kind="thesis", text=names), gazetteer)
    names_rate = (time.perf_counter() - start) / (len(names.encode()) / 1e6)
    return {"unmarked_notes_seconds_per_mb": round(notes_rate, 3),
            "ambiguous_names_seconds_per_mb": round(names_rate, 3)}


def run_child(sources: Path, jobs: int, validate: bool) -> dict[str, object]:
    """Run :func:`one_build` in a fresh interpreter, so memory figures are this build's alone."""
    command = [sys.executable, __file__, "--one", str(sources), "--jobs", str(jobs)]
    if validate:
        command.append("--validate")
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"build of {sources} failed:\n{done.stderr}")
    figures: dict[str, object] = json.loads(done.stdout)
    return figures


def _stage(figures: dict[str, object], name: str, key: str = "cpu_seconds") -> str:
    stages = figures["stages"]
    assert isinstance(stages, dict)
    return f"{stages[name][key]:.2f}" if name in stages else "-"


def table(builds: list[dict[str, object]], previous: dict[tuple[int, int], dict[str, object]]) -> str:
    """A Markdown table of the builds, with the previous run's wall and CPU time beside each.

    Stages are given in CPU seconds (summed over workers), which a machine
    shared with other work disturbs less than wall time.
    """
    head = ["scale", "jobs", "docs", "MB", "quads", "wall s", "prev wall s", "CPU s", "prev CPU s", "peak MB",
            "MB/s", "CPU ms/doc", *[f"{s} CPU s" for s in STAGES]]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for b in builds:
        before = previous.get((int(b["scale"]), int(b["jobs"])))  # type: ignore[call-overload]
        cells = [b["scale"], b["jobs"], b["documents"], b["megabytes"], b["quads"], f"{b['wall_seconds']:.2f}",
                 f"{before['wall_seconds']:.2f}" if before else "-", f"{b['cpu_seconds']:.2f}",
                 f"{before['cpu_seconds']:.2f}" if before else "-",
                 max(b["peak_rss_mb"], b["worker_peak_rss_mb"]),  # type: ignore[type-var]
                 b["megabytes_per_second"], b["cpu_ms_per_document"], *[_stage(b, s) for s in STAGES]]
        rows.append("| " + " | ".join(str(c) for c in cells) + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default=",".join(map(str, DEFAULT_SCALES)),
                        help="comma-separated copies of the corpus to build")
    parser.add_argument("--large", action="store_true", help=f"also build {', '.join(map(str, LARGE_SCALES))}×")
    parser.add_argument("--jobs", default="0",
                        help="comma-separated worker counts to build each scale with (0: one per core; '1,2' compares)")
    parser.add_argument("--validate-all", action="store_true", help="validate at every scale, not only the smallest")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--validate", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(one_build(args.one, int(args.jobs), args.validate)))
        return 0

    sys.path.insert(0, str(Path(__file__).parent))
    from corpus import generate

    scales = sorted({int(s) for s in args.scales.split(",")} | (set(LARGE_SCALES) if args.large else set()))
    from usmxkg.parallel import available_cores

    jobs = [int(j) or available_cores() for j in args.jobs.split(",")]
    previous_run = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    previous = {(int(b["scale"]), int(b["jobs"])): b for b in previous_run.get("builds", [])}
    started = time.perf_counter()
    results: dict[str, object] = {"read": bench_read(), "worst_cases": bench_worst_cases()}
    builds = []
    for scale in scales:
        corpus = CORPORA / f"x{scale}"
        generate(scale, corpus)
        for n in jobs:
            figures = {"scale": scale, **run_child(corpus, n, args.validate_all or scale == scales[0])}
            builds.append(figures)
            print(f"built {scale}× with --jobs {n}: {figures['wall_seconds']} s wall, "
                  f"{figures['cpu_seconds']} s CPU, {figures['peak_rss_mb']} MB peak", flush=True)
    results["builds"] = builds
    results["seconds"] = round(time.perf_counter() - started, 1)
    print(table(builds, previous))
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    read = results["read"]
    assert isinstance(read, dict)
    ok = read["cpu_seconds"] < READ_TARGET_CPU_SECONDS
    print(f"read target (< {READ_TARGET_CPU_SECONDS} s CPU for the corpus): {'met' if ok else 'MISSED'}")
    print(f"wrote {RESULTS.relative_to(ROOT)} ({results['seconds']} s in all)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
