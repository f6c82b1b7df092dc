"""Regressions: a build replaced its outputs one file at a time (a failure or kill left a new
``graph.nq`` beside old companions, and temporary files behind), and wrote them with mode 0600."""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

import usmxkg.pipeline as pipeline
from usmxkg.cli import main
from usmxkg.pipeline import BUILD_OUTPUTS, build, convert

ROOT = Path(__file__).resolve().parents[2]
RECORD = ROOT / "data" / "sources" / "000_9ec1eeefcfc23bd1.txt"
NEWS = ROOT / "data" / "sources" / "003_d1cac77ec1c1df37.txt"


@pytest.fixture()
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "sources"
    folder.mkdir()
    shutil.copy(RECORD, folder / "record.txt")
    return folder


@pytest.fixture()
def mask() -> Iterator[None]:
    """Run under umask 027 (group may read, others nothing), restored afterwards."""
    previous = os.umask(0o027)
    yield
    os.umask(previous)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith("."))


def test_a_failed_build_leaves_the_previous_output_intact(sources: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "build"
    build(sources, out)
    before = _snapshot(out)
    assert set(before) == BUILD_OUTPUTS
    shutil.copy(NEWS, sources / "news.txt")  # the next build would change every file

    def fail(path: Path):  # type: ignore[no-untyped-def]
        assert path.name == "graph.nq" and path.parent != out and path.stat().st_size > 0
        raise RuntimeError("validation crashed after graph.nq was written")

    monkeypatch.setattr(pipeline, "validate_nquads", fail)
    with pytest.raises(RuntimeError, match="validation crashed"):
        build(sources, out)
    assert _snapshot(out) == before
    assert _leftovers(tmp_path) == []


def test_a_finished_build_replaces_every_file_and_keeps_what_it_does_not_write(
        sources: Path, tmp_path: Path) -> None:
    out = tmp_path / "build"
    build(sources, out)
    before = _snapshot(out)
    (out / "store").mkdir()
    (out / "store" / "data").write_bytes(b"a loaded store")
    (out / "inferred.nq").write_bytes(b"")
    shutil.copy(NEWS, sources / "news.txt")
    result = build(sources, out, validate=False)
    after = _snapshot(out)
    for name in ("graph.nq", "graph.trig"):
        assert after[name] != before[name]
    assert not any(name.startswith("shacl-report") for name in after)  # old reports of another graph go
    assert (out / "store" / "data").read_bytes() == b"a loaded store"
    assert "inferred.nq" in after
    assert sorted(p.name for p in result.outputs) == ["graph.nq", "graph.trig", "mappings.sssom.tsv", "resolution.tsv"]
    assert _leftovers(tmp_path) == []


def test_a_killed_build_leaves_a_partial_folder_the_next_one_removes(sources: Path, tmp_path: Path) -> None:
    partial = tmp_path / ".build.partial-killed"
    partial.mkdir()
    (partial / "graph.nq").write_bytes(b"half")
    build(sources, tmp_path / "build", validate=False)
    assert _leftovers(tmp_path) == []


@pytest.mark.usefixtures("mask")
def test_outputs_follow_the_umask(sources: Path, tmp_path: Path) -> None:
    out = tmp_path / "build"
    build(sources, out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o750
    for path in out.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o640, path.name
    single = tmp_path / "one.nq"
    convert([sources / "record.txt"], single)
    assert stat.S_IMODE(single.stat().st_mode) == 0o640
    assert _leftovers(tmp_path) == []


def test_an_output_path_that_is_a_file_is_refused(sources: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    taken = tmp_path / "build"
    taken.write_bytes(b"not a folder")
    assert main(["build", "--sources", str(sources), "--out", str(taken), "--no-validate"]) == 1
    assert capsys.readouterr().err == f"usmxkg: error: {taken}: exists and is not a folder\n"
    assert taken.read_bytes() == b"not a folder"
    assert _leftovers(tmp_path) == []
