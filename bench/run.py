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


def main() -> int:
    results = {"read": bench_read(), "build": bench_build(), "worst_cases": bench_worst_cases()}
    print(json.dumps(results, indent=2))
    (ROOT / "build").mkdir(exist_ok=True)
    (ROOT / "build" / "bench.json").write_text(json.dumps(results, indent=2) + "\n")
    ok = results["read"]["cpu_seconds"] < READ_TARGET_CPU_SECONDS
    print(f"read target (< {READ_TARGET_CPU_SECONDS} s CPU for the corpus): {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
