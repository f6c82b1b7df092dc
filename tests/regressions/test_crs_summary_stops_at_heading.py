"""Regression: a CRS Summary ran on into the report's text when the next heading ("Introduction") stood
directly above its first paragraph, without a blank line after it."""

from __future__ import annotations

from usmxkg.readers import read_bytes

REPORT = """Harbor Pilots on the Gulf Coast:
Issues for Congress

Nadia F. Corrigan
Analyst in Transportation Policy

May 2, 2016

Congressional Research Service
7-5700
www.crs.gov
R44321

Summary
Harbor pilots guide ships into the ports of both countries. This report describes the licensing of
pilots and the options Congress may consider.

Introduction
Ports on the Gulf coast share shipping lanes and pilots trained in the same schools.
"""


def test_the_summary_ends_before_a_heading_set_above_its_paragraph() -> None:
    doc = read_bytes(REPORT.encode("utf-8"), "harbor-pilots.txt")
    assert [s.text for s in doc.fields["abstract"]] == [
        "Harbor pilots guide ships into the ports of both countries. This report describes the licensing of\n"
        "pilots and the options Congress may consider."]


def test_a_short_sentence_line_inside_the_summary_is_not_a_heading() -> None:
    text = REPORT.replace("Harbor pilots guide", "Pilots are licensed\nby each state. Harbor pilots guide")
    doc = read_bytes(text.replace("Summary\n", "Summary\n\n").encode("utf-8"), "harbor-pilots-2.txt")
    assert doc.fields["abstract"][0].text.startswith("Pilots are licensed\nby each state.")
