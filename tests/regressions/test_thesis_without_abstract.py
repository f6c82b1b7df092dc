"""Regression: a thesis excerpt with a title page but no abstract or table of contents was all front matter
(the title page was looked for down to line 400), so its chapters had no outline and no running text."""

from __future__ import annotations

from tests.regressions.title_pages import NPS_TITLE_PAGE
from usmxkg.extract import extract
from usmxkg.readers import read_bytes

THESIS = NPS_TITLE_PAGE + """I. INTRODUCTION

A. RESEARCH QUESTION

How do joint harbor patrols change smuggling routes along a shared coast?
"""


def test_the_first_chapter_ends_the_front_matter() -> None:
    doc = read_bytes(THESIS.encode("utf-8"), "tides.txt")
    assert [(s.number, s.title.text) for s in doc.sections] == [("I", "INTRODUCTION")]
    assert [s.text for s in doc.fields["advisor"]] == ["Rupert Vance"]
    (claim,) = extract(doc).claims
    assert (claim.type, claim.section) == ("ResearchQuestion", "RESEARCH QUESTION")
