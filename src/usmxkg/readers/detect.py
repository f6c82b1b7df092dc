"""Which kind of document a text is, from its content alone, with the reasons.

Every registered reader (:mod:`usmxkg.readers.registry`) declares the cues of
its family; a text's score for a kind is the sum of the points of that
kind's cues. The highest score wins if it reaches :data:`THRESHOLD`; a kind's
strongest single cue reaches the threshold on its own, weaker ones must
agree. Below the threshold the text is read as plain text, with a warning
naming the best guess, because reading a document as the wrong kind is
worse than reading it as plain text.

File names are never consulted: the same bytes get the same kind wherever
they are stored.
"""

from __future__ import annotations

from dataclasses import dataclass

from usmxkg.readers.cues import Sample, Scored, score_cues
from usmxkg.readers.registry import plain_text, readers

THRESHOLD = 3.0
"""Score a kind needs to be chosen; below it the text is read as plain text."""

AMBIGUITY_MARGIN = 1.0
"""A runner-up this close to the winner is reported in a warning."""

UNRECOGNISED = "could not recognise the document kind; read as plain text"


@dataclass(frozen=True, slots=True)
class Detection:
    """The kind chosen, how sure detection is (0..1), every kind's score, and warnings about the choice."""

    kind: str
    confidence: float
    ranked: tuple[Scored, ...]
    warnings: tuple[str, ...]

    def explain(self) -> str:
        """One line: the kind, the confidence and the cues that decided it."""
        best = self.ranked[0] if self.ranked else None
        why = best.explain() if best is not None else "no cues"
        return f"{self.kind} (confidence {self.confidence:.2f}; {why})"


def score(text: str) -> list[Scored]:
    """Every registered kind's score with its contributing cues, best first (ties in registry order)."""
    sample = Sample.of(text)
    scored = [score_cues(reader.kind, reader.cues, sample) for reader in readers()]
    return sorted(scored, key=lambda s: -s.total)


def detect(text: str) -> Detection:
    """The kind of ``text``, with confidence and warnings (unrecognised, or close to another kind).

    Confidence grows with the winner's score above the threshold and with its
    margin over the runner-up; a text read as plain text has confidence 0.
    """
    ranked = tuple(score(text))
    best = ranked[0]
    runner = ranked[1] if len(ranked) > 1 else None
    if best.total < THRESHOLD:
        warning = f"{UNRECOGNISED} (best guess {best.explain()}; {THRESHOLD:.1f} needed)"
        return Detection(plain_text().kind, 0.0, ranked, (warning,))
    margin = best.total - (max(runner.total, 0.0) if runner is not None else 0.0)
    confidence = round(min(1.0, best.total / (2 * THRESHOLD)) * min(1.0, margin / THRESHOLD), 2)
    warnings: tuple[str, ...] = ()
    if runner is not None and runner.total >= THRESHOLD and margin < AMBIGUITY_MARGIN:
        warnings = (f"document kind is ambiguous: {best.explain()} vs {runner.explain()}; read as {best.kind}",)
    return Detection(best.kind, confidence, ranked, warnings)
