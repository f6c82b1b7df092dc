"""Regression: a CGSC abstract page opens with "TITLE, by RANK NAME, N pages." (the title restated), and that
line was read as the first paragraph of the abstract."""

from __future__ import annotations

from usmxkg.readers import read_bytes

PAPER = """TIDEWATER LOGISTICS IN BINATIONAL FLOOD RELIEF

A thesis presented to the Faculty of the U.S. Army
Command and General Staff College in partial
fulfillment of the requirements for the
degree

MASTER OF MILITARY ART AND SCIENCE

by

LENA P. HARGROVE, MAJOR, U.S. ARMY

Fort Leavenworth, Kansas
2019

ABSTRACT

TIDEWATER LOGISTICS IN BINATIONAL FLOOD RELIEF, by MAJ Lena P. Hargrove,
112 pages.

This study asks how supply barges reach flooded river towns on both banks.

CHAPTER 1

INTRODUCTION

Floods close roads before they close rivers.
"""



def test_the_restated_title_line_is_not_abstract() -> None:
    doc = read_bytes(PAPER.encode("utf-8"), "tidewater.txt")
    assert [s.text for s in doc.fields["abstract"]] == [
        "This study asks how supply barges reach flooded river towns on both banks."]


def test_an_abstract_without_that_line_is_kept_whole() -> None:
    plain = PAPER.replace("TIDEWATER LOGISTICS IN BINATIONAL FLOOD RELIEF, by MAJ Lena P. Hargrove,\n112 pages.",
                          "Barges, by their nature, carry 40 pages of cargo manifests.")
    doc = read_bytes(plain.encode("utf-8"), "tidewater-plain.txt")
    assert [s.text for s in doc.fields["abstract"]] == [
        "Barges, by their nature, carry 40 pages of cargo manifests.\n\n"
        "This study asks how supply barges reach flooded river towns on both banks."]
