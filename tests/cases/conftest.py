"""Collects every golden case folder of ``tests/cases/`` as one test item (see :mod:`tests.cases.support`).

Each item reads the folder's ``input.*`` file with the reader registry, runs
extraction and graph emission, and compares ``facts.json`` exactly and
``expected.nq`` by isomorphism. ``python -m tests.cases.update [CASE …]``
regenerates the expected files after a change that is meant.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cases import support


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    """A case's input file becomes a collector of one item named after the case folder."""
    folder = file_path.parent
    if folder.parent == support.CASES and file_path.stem == "input":
        return CaseFile.from_parent(parent, path=file_path)
    return None


class CaseFile(pytest.File):
    """One case folder, found through its input file."""

    def collect(self) -> Iterator[pytest.Item]:
        yield CaseItem.from_parent(self, name=self.path.parent.name)


class CaseFailure(Exception):
    """A case whose outcome differs from its expected files."""


class CaseItem(pytest.Item):
    """Read, extract and emit one case, and compare the outcome with ``facts.json`` and ``expected.nq``."""

    def runtest(self) -> None:
        folder = self.path.parent
        for name in (support.FACTS, support.EXPECTED):
            if not (folder / name).is_file():
                raise CaseFailure(f"{folder.name}: no {name}; run python -m tests.cases.update {folder.name}")
        outcome = support.run(folder)
        problems: list[str] = []
        expected_facts = (folder / support.FACTS).read_text(encoding="utf-8")
        if outcome.facts != expected_facts:
            problems.append(f"{support.FACTS} differs:\n" + _text_diff(expected_facts, outcome.facts))
        differences = support.nquads_differences((folder / support.EXPECTED).read_bytes(), outcome.nquads)
        if differences:
            problems.append(f"{support.EXPECTED} is not isomorphic to the emitted graph:\n" + "\n".join(differences))
        if problems:
            raise CaseFailure("\n\n".join(problems))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: object = None) -> str:
        if isinstance(excinfo.value, CaseFailure):
            return f"case {self.name}: {excinfo.value}"
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"case {self.name}"


def _text_diff(expected: str, actual: str) -> str:
    import difflib

    return "".join(difflib.unified_diff(expected.splitlines(keepends=True), actual.splitlines(keepends=True),
                                        fromfile="expected", tofile="actual", n=2))
