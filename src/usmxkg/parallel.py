"""Executors for the map step of a build: one interface, run serially or in a process pool.

The build's map step is a pure function of one task (a source file plus the
reference paths) that returns plain, picklable data, so it can run in any
process. An executor only has to apply that function to every task and give
the results back *in task order*; the reduce step that follows (cross-document
resolution, merge, serialisation) then sees the same sequence whatever ran
the map, which is what keeps the output byte-identical across ``--jobs``.

Two executors are provided: :class:`SerialExecutor` (in this process) and
:class:`ProcessExecutor` (:class:`concurrent.futures.ProcessPoolExecutor`,
results in submission order via ``Executor.map``). Another scheduler (for
example ``dask.distributed``'s ``Client.map`` / ``Client.gather``, which also
keep the order of the inputs) plugs in by implementing :class:`Executor`
and being returned by :func:`executor_for`.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Protocol, TypeVar

from usmxkg.errors import BuildError

T = TypeVar("T")
R = TypeVar("R")


class Executor(Protocol):
    """Applies a picklable function to tasks; results come back in the order of the tasks."""

    jobs: int

    def map(self, fn: Callable[[T], R], tasks: Iterable[T]) -> Iterator[R]: ...

    def close(self) -> None: ...


class SerialExecutor:
    """Runs every task in this process, one after the other."""

    jobs = 1

    def map(self, fn: Callable[[T], R], tasks: Iterable[T]) -> Iterator[R]:
        return map(fn, tasks)

    def close(self) -> None:
        return None


class ProcessExecutor:
    """Runs tasks in a pool of ``jobs`` worker processes, started with ``spawn``.

    ``spawn`` starts each worker from a fresh interpreter, so no lock or
    thread state of this process is copied into it (``fork`` after native
    libraries started threads can deadlock); workers load the reference data
    once each, on their first task.
    """

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self._pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"))

    def map(self, fn: Callable[[T], R], tasks: Iterable[T]) -> Iterator[R]:
        try:
            yield from self._pool.map(fn, tasks)
        except BrokenProcessPool as exc:
            raise BuildError(f"a worker process stopped before finishing its documents ({exc}); "
                             "nothing was written") from exc

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def available_cores() -> int:
    """Cores this process may run on (its CPU affinity where the system reports one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def executor_for(jobs: int) -> Executor:
    """The executor for ``--jobs N``: serial for 1, a process pool for more, all cores for 0."""
    if jobs < 0:
        raise BuildError(f"--jobs must be 0 (all cores) or a positive number, not {jobs}")
    jobs = jobs or available_cores()
    return SerialExecutor() if jobs == 1 else ProcessExecutor(jobs)
