"""Regression: hypotheses stated as a numbered list ("Hypothesis 1: …") under a hypotheses heading were not
claims, because only "H1:" and "the first hypothesis is …" were cues; a sentence that merely mentions a
numbered hypothesis later is still not one."""

from __future__ import annotations

from tests.regressions.title_pages import NPS_TITLE_PAGE
from usmxkg.extract import extract
from usmxkg.readers import read_bytes

THESIS = NPS_TITLE_PAGE + """ABSTRACT

Harbor patrols on a shared coast are studied through three harbors.

I. INTRODUCTION

A. HYPOTHESES

Hypothesis 1: Joint patrols reduce smuggling in the harbors they cover.

Hypothesis II: Patrol boats matter less than shared radio nets.

B. METHOD

The cases test whether hypothesis 1 holds in three harbors.
"""


def test_numbered_hypotheses_are_hypotheses() -> None:
    facts = extract(read_bytes(THESIS.encode("utf-8"), "tides.txt"))
    hypotheses = [c.text.text for c in facts.claims if c.type == "Hypothesis"]
    assert hypotheses == [
        "Hypothesis 1: Joint patrols reduce smuggling in the harbors they cover.",
        "Hypothesis II: Patrol boats matter less than shared radio nets.",
    ]
