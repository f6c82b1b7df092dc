"""Regressions from a CRS report whose line breaks were lost: with no title repeated above "Summary", the cover
run together on one line gave no title (a cover marker on the line made it skipped); the front matter zone and
the "Summary" heading were widened to the whole line, so the summary was no running text and its appropriation
was not found. Also: a zone sharing a line with a paragraph (a store stamp before a story) cut the story's first
sentence."""

from __future__ import annotations

from usmxkg.extract import extract
from usmxkg.extract.sentences import document_sentences
from usmxkg.readers import read_bytes

REPORT = ("Harbor Pilots on the Gulf Coast: Issues for Congress     Nadia F. Corrigan     Analyst in Transportation "
          "Policy     May 2, 2016     Congressional Research Service     7-5700     www.crs.gov     R44321     Summary"
          "     Congress appropriated $4.5 million for pilot training in FY2016 through the Coast Guard's "
          "Operating Expenses account. This report describes the licensing of pilots.\n")


def test_one_line_cover_without_repeat_has_its_title() -> None:
    doc = read_bytes(REPORT.encode("utf-8"), "harbor-pilots-one-line.txt")
    assert [s.text for s in doc.fields["title"]] == ["Harbor Pilots on the Gulf Coast: Issues for Congress"]
    assert [s.text for s in doc.fields["author"]] == ["Nadia F. Corrigan"]


def test_summary_run_together_with_the_cover_is_running_text() -> None:
    doc = read_bytes(REPORT.encode("utf-8"), "harbor-pilots-one-line.txt")
    texts = [s.text for s in document_sentences(doc)]
    assert texts[0].startswith("Congress appropriated $4.5 million")
    assert not any("Corrigan" in t or "Summary" in t for t in texts)
    (funding,) = extract(doc).funding
    assert (funding.amount, funding.fiscal_year) == (4500000, "2016")


def test_a_store_stamp_before_the_story_does_not_cut_its_first_sentence() -> None:
    story = (" date 2021-11-09 GULFPORT, Miss. – Marines and partner forces completed a week of landing\n"
             "drills on Monday at the base, the unit said. The drills are part of a yearly exchange between the "
             "services and are not tied to any current operation.\nThe landing force practised beach\n"
             "reconnaissance under the direction of\ninstructors from both services.\n")
    doc = read_bytes(story.encode("utf-8"), "drills.txt")
    first = document_sentences(doc)[0].text
    assert first == ("Marines and partner forces completed a week of landing drills on Monday at the base, "
                     "the unit said.")
