"""Regressions from a readout and a blog repost: a readout headline longer than other headlines (both officials
with full titles) was read as story text, so the readout lost its title, date and spokesperson; "Deputy Secretary
of Defense NAME" was titled "Secretary of Defense"; "Pentagon Press Secretary" yielded an organisation
"Pentagon Press"; and in text without reader quotes, "…,” said Rear Adm. NAME" was attributed to a person
"Rear Adm", with the hand-over comma kept in the quotation."""

from __future__ import annotations

from usmxkg.extract import extract
from usmxkg.extract.people import find_people
from usmxkg.graph.emit import emit_document
from usmxkg.readers import read_bytes
from usmxkg.reference import ReferencePaths, load_gazetteer

READOUT = """Readout of Deputy Secretary of Defense Lorna J. Whitfield's Meeting With Mexican Undersecretary of the Navy Adm. Rafael Ortega Salcedo

March 9, 2024

Pentagon Press Secretary Air Force Maj. Gen. Devon K. Marsh provided the following readout:

Deputy Secretary of Defense Lorna J. Whitfield met today at the Pentagon with Mexican Undersecretary of the Navy Adm. Rafael Ortega Salcedo to discuss maritime security.
"""  # noqa: E501  (one headline line, as the site prints it)

BLOG = """Monday, May 4, 2020

Navies Agree on Storm Plan

Another one for the storm files. The fleet's press office put this out today and it deserves a wider audience.

NORFOLK, Va., May 3, 2020 — The two navies agreed on a storm plan.

"This plan tells every ship where to go before the storm," said Rear Adm. Helga P. Sorensen, who leads the staff.

Posted by Dock Reader at 8:00 AM
No comments:
Labels: Navy, storms
"""


def test_a_long_readout_headline_is_the_title() -> None:
    doc = read_bytes(READOUT.encode("utf-8"), "readout.txt")
    assert doc.first("title") is not None and doc.first("title").text.startswith("Readout of Deputy Secretary")
    assert [s.text for s in doc.fields["author"]] == ["Devon K. Marsh"]
    assert doc.first("date") is not None and doc.first("date").text == "March 9, 2024"


def test_deputy_secretary_is_the_title_and_press_secretary_no_organisation() -> None:
    doc = read_bytes(READOUT.encode("utf-8"), "readout.txt")
    titles = {p.name: p.title for p in find_people(doc)}
    assert titles["Lorna J. Whitfield"] == "Deputy Secretary of Defense"
    quads = emit_document(doc, load_gazetteer(ReferencePaths().entities))
    assert not [q for q in quads if "/institution/pentagon-press" in q.subject.value]


def test_rank_after_said_is_not_the_speaker() -> None:
    doc = read_bytes(BLOG.encode("utf-8"), "storm.txt")
    assert doc.kind == "web-article" and not doc.quotes  # the quotation is found in the sentences
    facts = extract(doc)
    assert [(q.text.text, q.speaker.label if q.speaker else None) for q in facts.quotations] == [
        ("This plan tells every ship where to go before the storm", "Helga P. Sorensen")]
