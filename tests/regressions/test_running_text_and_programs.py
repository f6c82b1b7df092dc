"""Regressions: a note block inside a page-broken sentence reached the program finder as running text;
a generic phrase ("Related Program") and a book title ("Between Partnership and Conflict") became
programs; a program's name lost its complement ("Sectorial Plan" of "… Plan of National Defense");
and the segmenter gave a sentence's closing "said." the next quotation's opening quote mark."""

# ruff: noqa: E501  (a paragraph of converted text is one line, as PDF-to-text writes it)

from __future__ import annotations

import re

from usmxkg.document import Document
from usmxkg.extract import extract
from usmxkg.extract.running_text import running_sentences
from usmxkg.extract.sentences import document_sentences
from usmxkg.readers import read_bytes

THESIS = """NAVAL POSTGRADUATE SCHOOL

MONTEREY, CALIFORNIA

THESIS

HARBOR WATCH: COASTAL COOPERATION AMONG GULF NAVIES

by

Dana Whitlock

March 2019

Thesis Advisor: Lee Marrow

I. INTRODUCTION

The annual appropriations acts for operations, export financing, and Related Program authorize training for partner navies in the gulf.¹ After the election, the minister asked the staff to draft a Coastal Plan of Maritime Defense, as an instrument to guide the fleet over the next years. The staff adopted the plan in the spring of that year, although the navy of the neighboring state kept its distance from the effort and from the

¹ Alma Ruiz and Tomas Vega, *Two Navies, Between Partnership and Conflict* (Gulf Press, 2009), 13.

² Ibid.

plans that followed it for several more years, until a new commander reviewed the whole program.
"""

NEWS = """Official Says Harbor Ties Are Growing

By Kim Sato

WASHINGTON, March 3, 2019 — Harbor cooperation between the two navies is growing, the deputy director of coastal affairs said today.

Trust is built slowly, the deputy director said. “Our first step has been to talk more often,” she explained. “We train together now,” Director Lena Ortiz said.
"""


def _doc(text: str, name: str) -> Document:
    return read_bytes(text.encode("utf-8"), name)


def test_no_note_words_in_running_sentences() -> None:
    doc = _doc(THESIS, "harbor-thesis.txt")
    pieces = running_sentences(doc)
    assert pieces and all(doc.text[p.start:p.end] == p.text for p in pieces)
    assert not [p for p in pieces if "Between Partnership" in p.text or "Gulf Press" in p.text]
    assert any(p.text.startswith("plans that followed it") for p in pieces)


def test_generic_phrases_and_titles_are_not_programs_and_names_keep_their_complement() -> None:
    facts = extract(_doc(THESIS, "harbor-thesis.txt"), None)
    names = {i.entity.label for i in facts.initiatives}
    assert "Coastal Plan of Maritime Defense" in names
    assert not {"Coastal Plan", "Related Program", "Between Partnership"} & names


def test_an_opening_quote_stays_with_the_sentence_it_opens() -> None:
    doc = _doc(NEWS, "harbor-news.txt")
    texts = [s.text for s in document_sentences(doc)]
    assert "Trust is built slowly, the deputy director said." in texts
    assert any(re.match(r"“Our first step", t) for t in texts)
    assert not any(t.endswith("“") for t in texts)
