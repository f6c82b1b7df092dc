"""Detection cues: named, weighted pieces of evidence that a text belongs to a family of documents.

Each reader declares the cues its family's conventions put into every member
(an SF 298 form in a government thesis, a dateline in a news release, field
labels in a catalogue record). A cue looks at a :class:`Sample` of the text
and returns a strength (0 = absent, 1 = fully present, more for very strong
evidence); its points are ``weight * strength``. Because a decision is a sum
of named cues, detection can always say why a text got its kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from usmxkg.readers.lines import Line, split_lines

HEAD_CHARS = 200_000
TAIL_CHARS = 5_000
"""Cues look at the head and the tail only, so detection time does not grow with file size."""


@dataclass
class Sample:
    """The parts of a text the cues look at; derived views are computed once, on first use."""

    length: int
    head: str
    tail: str

    @classmethod
    def of(cls, text: str) -> Sample:
        tail = text[-TAIL_CHARS:] if len(text) > HEAD_CHARS else ""
        return cls(len(text), text[:HEAD_CHARS], tail)

    @cached_property
    def lines(self) -> list[Line]:
        """Non-blank lines of the head."""
        return split_lines(self.head)

    @cached_property
    def words(self) -> int:
        return len(self.head.split())

    def count(self, pattern: re.Pattern[str]) -> int:
        return len(pattern.findall(self.head)) + len(pattern.findall(self.tail))

    def has(self, pattern: re.Pattern[str]) -> bool:
        return bool(pattern.search(self.head) or pattern.search(self.tail))


@dataclass(frozen=True, slots=True)
class Cue:
    """A named piece of evidence: ``weight`` * ``strength(sample)``; a negative weight is evidence against."""

    name: str
    weight: float
    strength: Callable[[Sample], float]


def flag(pattern: re.Pattern[str]) -> Callable[[Sample], float]:
    """A strength of 1 when ``pattern`` occurs in the sample, else 0."""
    return lambda sample: float(sample.has(pattern))


@dataclass(frozen=True, slots=True)
class Scored:
    """A kind's total score and the cues that contributed, as (cue name, points)."""

    kind: str
    total: float
    hits: tuple[tuple[str, float], ...]

    def explain(self) -> str:
        cues = ", ".join(f"{name} {points:+.1f}" for name, points in self.hits)
        return f"{self.kind} {self.total:.1f}" + (f" ({cues})" if cues else "")


def score_cues(kind: str, cues: tuple[Cue, ...], sample: Sample) -> Scored:
    """The total of one kind's cues on a sample, keeping the cues that gave points."""
    hits = []
    for cue in cues:
        points = round(cue.weight * cue.strength(sample), 1)
        if points:
            hits.append((cue.name, points))
    return Scored(kind, round(sum(p for _, p in hits), 1), tuple(hits))
