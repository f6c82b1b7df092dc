"""What each stage of a build cost: wall time, CPU time and the peak memory reached.

Wall and CPU time come from :func:`time.perf_counter` and
:func:`time.process_time`; memory from ``getrusage(2)``'s ``ru_maxrss`` (the
peak resident set size of the process so far, in KiB on Linux), so the figure
recorded for a stage is the peak reached by its end. Stages that run in worker
processes (reading, extraction) are timed inside the worker and added up
here with :meth:`StageClock.add`, so their CPU time counts every core used.
"""

from __future__ import annotations

import resource
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (``ru_maxrss`` is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass(slots=True)
class StageCost:
    """Seconds of wall and CPU time spent in one stage, and the peak memory at its end."""

    wall: float = 0.0
    cpu: float = 0.0
    peak_rss_mb: float = 0.0

    def as_dict(self) -> dict[str, float]:
        return {"wall_seconds": round(self.wall, 3), "cpu_seconds": round(self.cpu, 3),
                "peak_rss_mb": round(self.peak_rss_mb, 1)}


@dataclass(slots=True)
class StageClock:
    """Costs by stage name, in the order the stages first ran."""

    stages: dict[str, StageCost] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Time the block as (part of) stage ``name``."""
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.add(name, time.perf_counter() - wall, time.process_time() - cpu)

    def add(self, name: str, wall: float, cpu: float) -> None:
        """Add time measured elsewhere (a worker process) to stage ``name``."""
        cost = self.stages.setdefault(name, StageCost())
        cost.wall += wall
        cost.cpu += cpu
        cost.peak_rss_mb = max(cost.peak_rss_mb, peak_rss_mb())

    def walls(self) -> dict[str, float]:
        """Wall seconds by stage (what ``usmxkg build`` prints)."""
        return {name: cost.wall for name, cost in self.stages.items()}
