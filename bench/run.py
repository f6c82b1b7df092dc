"""Benchmarks: reader throughput and whole-build stage timings on the corpus.

Run with ``make bench``. Figures are printed and written to
``build/bench.json``; targets are checked here, never in unit tests.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from usmxkg.pipeline import build, source_files
from usmxkg.readers import read_bytes

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "data" / "sources"
READ_TARGET_CPU_SECONDS = 0.5


def bench_read(repeats: int = 5) -> dict[str, float]:
    """Best-of-N CPU time to read (decode, normalise, detect, parse) every corpus file."""
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


def bench_build() -> dict[str, float]:
    """Wall-clock stage timings of one full build, with validation."""
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        result = build(SOURCES, Path(out))
        total = time.perf_counter() - start
    figures = {f"{stage}_seconds": round(seconds, 3) for stage, seconds in result.timings.items()}
    return {"documents": len(result.documents), "quads": result.quads, "total_seconds": round(total, 3), **figures}


def main() -> int:
    results = {"read": bench_read(), "build": bench_build()}
    print(json.dumps(results, indent=2))
    (ROOT / "build").mkdir(exist_ok=True)
    (ROOT / "build" / "bench.json").write_text(json.dumps(results, indent=2) + "\n")
    ok = results["read"]["cpu_seconds"] < READ_TARGET_CPU_SECONDS
    print(f"read target (< {READ_TARGET_CPU_SECONDS} s CPU for the corpus): {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
