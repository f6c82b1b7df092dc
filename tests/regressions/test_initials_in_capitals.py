"""Regression: an organisation set in capitals on a title page ("GRANT W. OKONJO, MAJOR, U.S. ARMY") was
title-cased word by word, so the author's affiliation was minted as "U.s. Army"."""

from __future__ import annotations

from usmxkg.extract.agents import institution_name
from usmxkg.graph.emit import emit_document
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
"""


def test_dotted_initials_keep_their_capitals() -> None:
    assert institution_name("U.S. ARMY") == "U.S. Army"
    assert institution_name("NAVAL FORCES OF THE U.S.") == "Naval Forces of the U.S."


def test_affiliation_label_from_a_title_page_in_capitals() -> None:
    quads = emit_document(read_bytes(PAPER.encode("utf-8"), "tidewater.txt"))
    labels = {str(q.object.value) for q in quads
              if q.subject.value.endswith("/institution/u-s-army") and q.predicate.value.endswith("#label")}
    assert labels == {"U.S. Army"}
