"""Summary of a ``make fuzz`` run: inputs tried and the slowest input per megabyte.

Reads the JSON lines ``tests/test_fuzz.py`` writes (``USMXKG_FUZZ_REPORT``, CPU seconds) and times the
corpus itself the same way (read, extract, emit per file), so the slowest fuzzed input can be
compared with the corpus's own seconds per MB. The fixed cost of a conversion (the median
time of inputs under ``MIN_BYTES / 2``) is subtracted, and inputs under ``MIN_BYTES`` are left
out of the per-MB figure: their time is that fixed cost, not a rate.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from usmxkg.extract import extract
from usmxkg.graph.emit import emit_document
from usmxkg.pipeline import source_files
from usmxkg.readers import read_bytes
from usmxkg.reference import ReferencePaths, load_gazetteer

ROOT = Path(__file__).resolve().parents[1]
MIN_BYTES = 2048
TARGET_RATIO = 5.0
"""No input may be slower per MB than this many times the corpus (issue: reliability and security)."""


def corpus_seconds_per_mb() -> float:
    gazetteer = load_gazetteer(ReferencePaths().entities)
    total_bytes, total_seconds = 0, 0.0
    for path in source_files(ROOT / "data" / "sources"):
        data = path.read_bytes()
        clock = time.process_time()
        doc = read_bytes(data, path.name)
        extract(doc, gazetteer)
        emit_document(doc, gazetteer)
        total_seconds += time.process_time() - clock
        total_bytes += len(data)
    return total_seconds / (total_bytes / 1e6)


def main(report: Path) -> int:
    rows = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines() if line.strip()]
    small = sorted(r["seconds"] for r in rows if r["bytes"] < MIN_BYTES // 2)
    base = small[len(small) // 2] if small else 0.0  # the fixed cost of a conversion: median of tiny inputs
    sized = [r for r in rows if r["bytes"] >= MIN_BYTES]
    worst = max(sized, key=lambda r: (r["seconds"] - base) / r["bytes"], default=None)
    corpus = corpus_seconds_per_mb()
    figures = {"inputs": len(rows), "corpus_seconds_per_mb": round(corpus, 2), "fixed_seconds": round(base, 3)}
    if worst is not None:
        per_mb = max(worst["seconds"] - base, 0.0) / (worst["bytes"] / 1e6)
        figures |= {"slowest_input_bytes": worst["bytes"], "slowest_input_seconds": worst["seconds"],
                    "slowest_seconds_per_mb": round(per_mb, 2), "ratio_to_corpus": round(per_mb / corpus, 2)}
    print(json.dumps(figures, indent=2))
    ok = worst is None or figures["ratio_to_corpus"] <= TARGET_RATIO
    print(f"slowest input per MB within {TARGET_RATIO}x the corpus: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "build/fuzz.jsonl")))
