"""Regression: when a GAO cover prints "What GAO Found" before "Why GAO Did This Study" (the two columns of
the highlights page read left to right), the abstract began at "Why GAO …" and lost the findings."""

from __future__ import annotations

from usmxkg.readers import read_bytes

REPORT = """United States Government Accountability Office

Report to Congressional Committees

May 2018

BORDER INFRASTRUCTURE

Shared Ports of Entry Need Joint Maintenance Plans

GAO-18-455

What GAO Found

Four of the six shared ports reviewed had no joint plan for repairs.

Why GAO Did This Study

Congress asked GAO to review the upkeep of shared ports of entry.

View GAO-18-455. For more information, contact the team.
"""


def test_the_abstract_opens_with_the_first_highlight_in_the_text() -> None:
    doc = read_bytes(REPORT.encode("utf-8"), "ports.txt")
    assert doc.kind == "report"
    assert [s.text for s in doc.fields["abstract"]] == [
        "Four of the six shared ports reviewed had no joint plan for repairs.\n\nWhy GAO Did This Study\n\n"
        "Congress asked GAO to review the upkeep of shared ports of entry."]
