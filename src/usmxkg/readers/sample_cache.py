"""Reuse a derived view of a detection sample across the cues that need it.

Detection scores every reader's cues on one :class:`~usmxkg.readers.cues.Sample`
after another, so several cues (of one reader or of several) asking for the
same derived view — the post's lines without furniture, whether the front is a
report cover — can share it. :func:`per_sample` keeps the last sample a
function saw and its result, compared by identity, so a new sample (a new
text) is always computed afresh: the result depends on the text only.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from usmxkg.readers.cues import Sample

T = TypeVar("T")


def per_sample(function: Callable[[Sample], T]) -> Callable[[Sample], T]:
    """``function`` computed once per sample object (the last one seen)."""
    last: list[tuple[Sample, T]] = []

    @wraps(function)
    def cached(sample: Sample) -> T:
        if last and last[0][0] is sample:
            return last[0][1]
        value = function(sample)
        last[:] = [(sample, value)]
        return value

    return cached
