"""The map step on several processes: same bytes as one process, results in task order, clear errors."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from usmxkg.cli import main
from usmxkg.errors import BuildError
from usmxkg.parallel import ProcessExecutor, SerialExecutor, executor_for
from usmxkg.pipeline import BuildResult, build, source_files

from .conftest import SOURCES

OUTPUTS = ("graph.nq", "graph.trig", "resolution.tsv")


def test_jobs_1_and_jobs_2_write_byte_identical_files(corpus_build: tuple[BuildResult, Path], tmp_path: Path) -> None:
    serial, serial_out = corpus_build  # built with the default, one job
    assert main(["build", "--sources", str(SOURCES), "--out", str(tmp_path), "--no-validate", "--jobs", "2"]) == 0
    for name in OUTPUTS:
        assert (tmp_path / name).read_bytes() == (serial_out / name).read_bytes(), name
    assert len(serial.documents) == len(source_files(SOURCES))


def test_worker_results_come_back_in_task_order() -> None:
    executor = ProcessExecutor(2)
    try:
        tasks = list(range(40, 0, -1))  # later tasks finish first: they are cheaper
        results = list(executor.map(_slow_square, tasks))
    finally:
        executor.close()
    assert [n for n, _ in results] == [n * n for n in tasks]
    assert all(pid != os.getpid() for _, pid in results), "the work ran in worker processes"


def _slow_square(n: int) -> tuple[int, int]:
    sum(range(n * 20000))  # work that grows with n, so results finish out of order
    return n * n, os.getpid()


def test_executor_for_picks_serial_for_one_job_and_rejects_negative_counts() -> None:
    assert isinstance(executor_for(1), SerialExecutor)
    with pytest.raises(BuildError, match="--jobs"):
        executor_for(-1)


def test_unreadable_file_in_a_worker_names_the_file(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(source_files(SOURCES)[3], sources)
    (sources / "broken.txt").write_bytes(b"")
    with pytest.raises(BuildError, match=r"broken\.txt: empty file"):
        build(sources, tmp_path / "out", validate=False, jobs=2)
    assert not (tmp_path / "out").exists()


def test_negative_jobs_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["build", "--sources", str(SOURCES), "--out", str(tmp_path), "--jobs", "-1"]) == 2
