"""Unseen documents of the supported families convert to the facts they state, and nothing of them is in src/.

The documents in ``tests/data/unseen`` (origins in its ``SOURCES.md``) were not
used to write the readers; ``expected.tsv`` lists what each states. The
figure must stay at or above :data:`REQUIRED`.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest

from tests.unseen import FOLDER, checks
from usmxkg.pipeline import build

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "data" / "sources"

REQUIRED = 0.90
"""Share of the checks that must hold."""

SHINGLE = 8
"""Words in a row shared with a dev-set file that count as copied (family boilerplate excepted)."""


@pytest.mark.slow
def test_unseen_documents_convert_to_what_they_state() -> None:
    results = list(checks())
    held = sum(c.held for c in results)
    failed = "\n".join(f"{c.file}: {c.what}" for c in results if not c.held)
    assert held >= REQUIRED * len(results), f"{held}/{len(results)} checks hold; failed:\n{failed}"


@pytest.mark.slow
def test_the_unseen_folder_builds_to_a_graph_that_conforms_to_the_shapes(tmp_path: Path) -> None:
    """Real documents of every family, built together, break no shape (an untitled release gets a devised
    title; every quotation names its speaker)."""
    result = build(FOLDER, tmp_path)
    assert result.validation is not None
    failures = (tmp_path / "shacl-report.txt").read_text(encoding="utf-8")
    assert result.validation.conforms, failures


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _shingles(text: str) -> set[str]:
    words = _words(text)
    return {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def test_source_code_holds_no_title_name_or_phrase_of_a_dev_set_document() -> None:
    sources = {path: path.read_text(encoding="utf-8") for path in (ROOT / "src").rglob("*.py")}
    code = {path: " ".join(_words(text)) for path, text in sources.items()}
    with open(FOLDER / "expected.tsv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    # a phrase two documents share (or the corpus has) is a convention of the family, not one file's words
    seen: Counter[str] = Counter()
    for path in [*SOURCES.glob("*.txt"), *FOLDER.glob("*.txt")]:
        seen.update(_shingles(path.read_text(encoding="utf-8")))
    corpus = set().union(*(_shingles(p.read_text(encoding="utf-8")) for p in SOURCES.glob("*.txt")))
    boilerplate = corpus | {phrase for phrase, n in seen.items() if n >= 2}
    for row in rows:
        title = " ".join(_words(row["title"]))
        phrases = _shingles((FOLDER / row["file"]).read_text(encoding="utf-8")) - boilerplate
        for path, words in code.items():
            if len(title.split()) >= 4:
                assert f" {title} " not in f" {words} ", (path, row["file"], row["title"])
            if row["creator"]:  # a family name as written, capitalised (a name, not the word "power")
                assert not re.search(rf"\b{re.escape(row['creator'])}\b", sources[path]), (path, row["creator"])
            copied = [p for p in phrases if p in words]
            assert not copied, (path, row["file"], copied[:3])
