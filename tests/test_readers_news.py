"""The news-release reader on newsroom conventions: heads, bylines, datelines, furniture, captions, readouts.

Fixtures in ``tests/data/news`` are invented stories, one per site convention
(origins in ``tests/data/README.md``); short inline texts cover single rules.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from usmxkg.document import Document
from usmxkg.readers import read_bytes, read_path
from usmxkg.readers.bylines import parse_byline, readout_spokesperson, split_name
from usmxkg.readers.lines import split_lines
from usmxkg.readers.news import DATE, DATE_LINE, NAME, clean_name, find_dateline
from usmxkg.readers.news_runon import split_run_on
from usmxkg.readers.site_furniture import FURNITURE_LINE, caption_line, furniture_line

NEWS = Path(__file__).resolve().parent / "data" / "news"


def read(name: str) -> Document:
    doc = read_path(NEWS / name)
    for spans in doc.fields.values():
        assert all(doc.text[s.start:s.end] == s.text for s in spans)
    for span in [*doc.paragraphs, *(q.text for q in doc.quotes), *(z.span for z in doc.zones)]:
        assert doc.text[span.start:span.end] == span.text
    return doc


def texts(doc: Document, name: str) -> list[str]:
    return [span.text for span in doc.fields.get(name, [])]


def zones(doc: Document, kind: str) -> list[str]:
    return [zone.span.text for zone in doc.zones if zone.kind == kind]


def body(doc: Document) -> str:
    return "\n".join(p.text for p in doc.paragraphs)


def from_text(text: str) -> Document:
    return read_bytes(text.encode("utf-8"), "inline.txt")


# --- one fixture per site convention ------------------------------------------------------------

def test_dod_news_with_afps_two_line_byline() -> None:
    doc = read("dod_afps_two_line_byline.txt")
    assert doc.kind == "news-release" and doc.work_type == "NewsArticle"
    assert texts(doc, "title") == ["Border Engineers Share Flood-Control Lessons"]
    assert texts(doc, "author") == ["Harold T. Vasquez-Lind"]
    assert texts(doc, "author-affiliation") == ["American Forces Press Service"]
    assert texts(doc, "dateline-place") == ["WASHINGTON"]
    assert texts(doc, "date") == ["March 14, 2009"]
    assert zones(doc, "furniture") == [
        "United States Department of Defense United States Department of Defense", "DoD News",
        "Bookmark and Share", "News Article"]
    assert doc.paragraphs[0].text.startswith("Army engineers and their Mexican counterparts")
    assert [q.speaker for q in doc.quotes] == ["Dennis R. Ashworth", "Quintanar", "Ashworth"]


def test_army_mil_parenthesised_dateline_date_and_lead_caption() -> None:
    doc = read("armymil_paren_date.txt")
    assert texts(doc, "title") == ["Engineers from both armies rehearse bridge drill"]
    assert texts(doc, "dateline-place") == ["FORT BLISS, Texas"]
    assert texts(doc, "date") == ["Aug. 7, 2013"]
    assert "subtitle" not in doc.fields and "author" not in doc.fields
    (caption,) = zones(doc, "caption")
    assert caption.startswith("Soldiers of the 62nd Engineer Battalion") and caption.endswith("Marisa Okonjo)")
    assert caption not in body(doc)
    assert doc.paragraphs[0].text.startswith("U.S. and Mexican army engineers rehearsed")
    assert [q.speaker for q in doc.quotes] == ["Patrick J. Hennessey III"]


def test_mil_banner_news_line_and_rank_unit_byline() -> None:
    doc = read("mil_banner_news_date.txt")
    assert texts(doc, "title") == ["Medics from two nations train for mass casualties"]
    assert texts(doc, "author") == ["Lorena Castillo-Brandt"]
    assert texts(doc, "author-affiliation") == ["U.S. Army South"]
    assert texts(doc, "date-published") == ["March 3, 2021"]
    assert texts(doc, "date") == ["March 3, 2021"]
    furniture = zones(doc, "furniture")
    assert furniture[:2] == ["An official website of the United States government", "Here's how you know"]
    assert furniture[2].startswith("A .mil website belongs to") and furniture[3].startswith("A lock (lock )")
    assert furniture[4:] == ["Army South News Feed", "Share", "Print"]
    assert not any(f in body(doc) for f in ("official website", "Here's how", "News Feed", "NEWS |"))
    assert doc.paragraphs[0].text.startswith("U.S. and Mexican army medics ran")
    assert [q.speaker for q in doc.quotes] == ["Evelyn Tranh", "Rubén Esquivel Toral"]


def test_af_mil_page_with_no_line_breaks() -> None:
    doc = read("afmil_one_line.txt")
    assert "\n" not in doc.text.strip()
    assert doc.kind == "news-release"
    assert texts(doc, "title") == ["Instructors from eight nations graduate from maintenance course"]
    assert texts(doc, "date-published") == ["Nov. 18, 2022"]
    assert texts(doc, "date") == ["Nov. 18, 2022"]  # the dateline has no date
    assert texts(doc, "author") == ["Daniel K. Ferreira-Moss"]
    assert texts(doc, "author-affiliation") == ["82nd Training Wing Public Affairs"]
    assert texts(doc, "dateline-place") == ["SHEPPARD AIR FORCE BASE, Texas"]
    (paragraph,) = doc.paragraphs
    assert paragraph.text.startswith("Thirty-one aircraft maintenance instructors")
    assert [q.speaker for q in doc.quotes] == ["Larrañaga", "Larrañaga"]


def test_dvids_story_with_store_stamp_and_stray_line_breaks() -> None:
    doc = read("dvids_store_stamp.txt")
    assert doc.kind == "news-release"
    assert texts(doc, "date") == ["2021-11-09"]
    assert any("store stamp" in w for w in doc.warnings)
    assert "title" not in doc.fields and "author" not in doc.fields  # none printed: none guessed
    assert texts(doc, "dateline-place") == ["CAMP PENDLETON, Calif."]
    furniture = zones(doc, "furniture")
    assert furniture[0] == "date 2021-11-09"
    assert furniture[1:6] == ["Date Taken: 11.08.2021", "Date Posted: 11.09.2021 14:02", "Story ID: 408812",
                              "Location: CAMP PENDLETON, CA, US", "Web Views: 57"]
    assert furniture[6].startswith("This work, ") and len(furniture) == 7
    assert len(doc.paragraphs) == 2  # lines broken mid-sentence are joined, whole lines kept apart
    assert doc.paragraphs[0].text.startswith("Marines and Mexican naval infantry completed a week of amphibious\n")
    assert doc.paragraphs[0].text.endswith("not tied to any current operation.")
    assert doc.paragraphs[1].text.endswith("U.S. Marine Corps Forces, Pacific.")


def test_readout_spokesperson_is_the_author() -> None:
    doc = read("readout.txt")
    assert doc.kind == "news-release"
    assert texts(doc, "title")[0].startswith("Readout of Secretary of Defense")
    assert texts(doc, "author") == ["Colleen V. Marrow"]
    assert texts(doc, "author-title") == ["Pentagon Press Secretary"]
    assert texts(doc, "date") == ["Sept. 12, 2022"]
    assert doc.paragraphs[0].text.startswith("Secretary of Defense Harlan M. Cordwell spoke by phone")
    assert "provided the following readout" not in body(doc)


def test_photo_page_caption_is_the_body_and_dates_it() -> None:
    doc = read("photo_page.txt")
    assert doc.kind == "news-release"
    assert texts(doc, "title") == ["Navy Divers Train With Mexican Counterparts"]
    assert texts(doc, "date") == ["Feb. 2, 2017"]
    assert "author" not in doc.fields  # the photographer is credited, not the page's author
    (paragraph,) = doc.paragraphs
    assert paragraph.text.startswith("U.S. Navy divers assigned to Mobile Diving")
    assert not zones(doc, "caption")


def test_archived_page_with_archive_banner_caption_and_slash_byline() -> None:
    doc = read("archive_banner.txt")
    assert texts(doc, "title") == ["Defense Leaders Open Hemispheric Logistics Forum"]
    assert texts(doc, "author") == ["Miriam Okwuosa-Hale"]
    assert texts(doc, "author-affiliation") == ["American Forces Press Service"]
    assert texts(doc, "dateline-place") == ["PANAMA CITY, Panama"]
    assert texts(doc, "date") == ["Oct. 6, 2011"]
    furniture = zones(doc, "furniture")
    assert furniture[0] == "You have reached a collection of archived material."
    assert furniture[1].startswith("The content available is no longer being updated")
    assert furniture[2].startswith("For persons with disabilities")
    assert furniture[-4:] == ["Click photo for screen-resolution image",
                              "(Click photo for screen-resolution image);high-resolution image available.",
                              "Related Sites:", "Biography: Deputy Defense Secretary"]
    (caption,) = zones(doc, "caption")
    assert caption.startswith("Deputy Defense Secretary Warren P. Stoddard speaks") and caption.endswith("Haddad")
    assert [p.text.split()[0] for p in doc.paragraphs] == ["Defense", "“When", "Reyes"]
    assert [q.speaker for q in doc.quotes] == ["Stoddard"]  # nothing quoted from the caption


# --- noise and mangled whitespace ---------------------------------------------------------------

def test_ocr_noised_release() -> None:
    doc = read("ocr_noised.txt")
    assert doc.kind == "news-release"
    assert texts(doc, "title") == ["Anny and Mexican Pilots Trade Notes on Night Flying"]
    assert texts(doc, "author") == ["Gwendolyn R. Achterberg"]
    assert texts(doc, "author-affiliation") == ["Arnerican Forces Press Service"]
    assert texts(doc, "dateline-place") == ["FORT RUCKER, Ala."]
    assert texts(doc, "date") == ["Jan. 9, 2001"]
    assert [q.speaker for q in doc.quotes] == ["Lamar J. Pettigrew"]


def test_hard_wrapped_release_with_wrapped_headline() -> None:
    doc = read("hard_wrapped.txt")
    assert texts(doc, "title") == ["Wing hosts partner-nation search and rescue\nplanners"]
    assert "subtitle" not in doc.fields
    assert texts(doc, "author") == ["Roberta Ngata-Sloane"]
    assert texts(doc, "author-affiliation") == ["23rd Wing Public Affairs"]
    assert texts(doc, "date") == ["June 2, 2019"]
    assert len(doc.paragraphs) == 3 and doc.paragraphs[0].text.endswith("wing officials said.")
    assert [q.speaker for q in doc.quotes] == ["Anders Bjornstad", "Anders Bjornstad"]


def test_host_site_clutter_and_agency_dateline() -> None:
    doc = read("site_clutter.txt")
    assert texts(doc, "title") == ["Sailors and Mexican Marines Train for Port Security"]
    assert texts(doc, "author") == ["Dominic Achebe-Vance"]
    assert texts(doc, "author-affiliation") == ["Navy Public Affairs Support Element East"]
    assert texts(doc, "dateline-agency") == ["NNS"]
    assert texts(doc, "date") == ["April 19, 2018"]
    assert zones(doc, "furniture") == ["Skip to main content", "Home > News > Stories", "Menu", "Search",
                                       "Tags: Mexico, port security, training", "Related Articles", "Share",
                                       "Back to top"]
    assert len(doc.paragraphs) == 2


def test_two_thousand_character_excerpt_cut_mid_word_is_detected() -> None:
    paragraph = ("Officials said the two navies would share charts, radio plans and liaison officers during "
                 "the storm season, and that the first joint drill would follow in the spring.")
    text = ("Navies Agree on Storm Season Plan\n\nBy Ingrid O. Baptiste, Navy Public Affairs\n\n"
            "SAN DIEGO, May 4, 2015 – " + "\n\n".join([paragraph] * 20))
    end = next(i for i in range(2000, 1900, -1) if text[i - 1].isalpha() and text[i].isalpha())
    cut = text[:end]  # an excerpt of about 2,000 characters ending inside a word
    doc = from_text(cut)
    assert doc.kind == "news-release"
    assert texts(doc, "author") == ["Ingrid O. Baptiste"] and texts(doc, "date") == ["May 4, 2015"]


def one_line(text: str) -> str:
    """The page saved with no line breaks at all."""
    return re.sub(r"\s*\n\s*", " ", text).strip()


def hard_wrap(text: str) -> str:
    """The page saved hard-wrapped at 72 columns (adjacent lines joined and refilled)."""
    return "\n\n".join(textwrap.fill(p, 72) for p in re.split(r"\n\s*\n", text))


@pytest.mark.parametrize("mangle", [one_line, hard_wrap])
@pytest.mark.parametrize(("name", "title", "author", "date"), [
    ("mil_banner_news_date.txt", "Medics from two nations train for mass casualties", "Lorena Castillo-Brandt",
     "March 3, 2021"),
    ("archive_banner.txt", "Defense Leaders Open Hemispheric Logistics Forum", "Miriam Okwuosa-Hale",
     "Oct. 6, 2011"),
    ("dod_afps_two_line_byline.txt", "Border Engineers Share Flood-Control Lessons", "Harold T. Vasquez-Lind",
     "March 14, 2009"),
])
def test_whitespace_mangled_pages(mangle, name: str, title: str, author: str, date: str) -> None:
    doc = from_text(mangle((NEWS / name).read_text(encoding="utf-8")))
    assert doc.kind == "news-release"
    flat = {field: [" ".join(v.split()) for v in texts(doc, field)] for field in ("title", "author", "date")}
    assert flat == {"title": [title], "author": [author], "date": [date]}
    assert not any("official website" in p.text or "archived material" in p.text for p in doc.paragraphs)


# --- competition: other families keep their kinds -----------------------------------------------

def test_blog_repost_of_a_release_is_not_a_news_release() -> None:
    doc = read("blog_repost.txt")
    assert doc.kind != "news-release"


def test_state_department_readout() -> None:
    doc = from_text(
        "Secretary Whitcombe’s Meeting With Mexican Foreign Secretary Ordaz\n\nREADOUT\n\n"
        "OFFICE OF THE SPOKESPERSON\n\nSEPTEMBER 27, 2023\n\n"
        "The following is attributable to Spokesperson Delphine A. Moreau-Kane:\n\n"
        "Secretary of State Brandon Whitcombe met today with the foreign secretary in Washington.\n")
    assert doc.kind == "news-release"
    assert texts(doc, "title") == ["Secretary Whitcombe’s Meeting With Mexican Foreign Secretary Ordaz"]
    assert texts(doc, "author") == ["Delphine A. Moreau-Kane"]
    assert texts(doc, "author-title") == ["Spokesperson"]
    assert texts(doc, "publisher") == ["OFFICE OF THE SPOKESPERSON"]
    assert texts(doc, "date") == ["SEPTEMBER 27, 2023"]
    assert zones(doc, "furniture") == ["READOUT"]


def test_pipe_head_and_yearless_dateline_date() -> None:
    doc = from_text("A Modern Story Page Headline\n\nOct. 18, 2016 | By Jonah P. Whitlock , DOD News\n\n"
                    "WASHINGTON, Oct. 18 — Cooperation will grow, officials said.\n\nThe talks ended early.\n")
    assert texts(doc, "author") == ["Jonah P. Whitlock"]
    assert texts(doc, "author-affiliation") == ["DOD News"]
    assert texts(doc, "date") == ["Oct. 18, 2016"]  # the dateline's day, with the page's year
    assert texts(doc, "date-published") == ["Oct. 18, 2016"]


def test_yearless_dateline_of_another_day_keeps_its_text_and_warns() -> None:
    doc = from_text("Headline Of Another Story Page\n\nPublished Oct. 19, 2016\n\n"
                    "WASHINGTON, Oct. 18 — Cooperation will grow, officials said.\n\nThe talks ended early.\n")
    assert texts(doc, "date") == ["Oct. 18", "Oct. 19, 2016"]
    assert any("no year" in w for w in doc.warnings)


def test_closing_follow_byline_of_dod_news() -> None:
    doc = from_text("Officials Meet on Border Radios\n\nEL PASO, Texas, Feb. 3, 2015 — Officials met today, "
                    "a spokesman said.\n\n“It went well,” said Col. Nadia Forsythe.\n\n"
                    "(Follow Quentin R. Abernathy on Twitter: @QAbernathyNews)\n")
    assert texts(doc, "author") == ["Quentin R. Abernathy"]
    assert zones(doc, "furniture") == ["(Follow Quentin R. Abernathy on Twitter: @QAbernathyNews)"]
    assert not any("Follow" in p.text for p in doc.paragraphs)


# --- the parts -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "place", "date"), [
    ("FORT SAM HOUSTON, Texas (June 5, 2012) -- As part", "FORT SAM HOUSTON, Texas", "June 5, 2012"),
    ("MEXICO CITY (June 12, 2012) - Twelve generals", "MEXICO CITY", "June 12, 2012"),
    ("EIELSON AIR FORCE BASE, Alaska -- Observers", "EIELSON AIR FORCE BASE, Alaska", None),
    ("JOINT BASE SAN ANTONIO-LACKLAND, Texas – More", "JOINT BASE SAN ANTONIO-LACKLAND, Texas", None),
    ("ABOARD A MILITARY AIRCRAFT, April 25, 2014 – At", "ABOARD A MILITARY AIRCRAFT", "April 25, 2014"),
    ("CIUDAD JUÁREZ, Mexico – Troops", "CIUDAD JUÁREZ, Mexico", None),
    ("WASHINGTON, May 8, 1996 – Officers", "WASHINGTON", "May 8, 1996"),
])
def test_dateline_forms(line: str, place: str, date: str | None) -> None:
    found = find_dateline(split_lines(line))
    assert found is not None
    assert (found[1].group("place"), found[1].group("date")) == (place, date)


@pytest.mark.parametrize("line", ["CHAPTER I — INTRODUCTION", "UPDATE — Roads reopened", "U.S.-MEXICO TALKS"])
def test_not_datelines(line: str) -> None:
    assert find_dateline(split_lines(line)) is None


@pytest.mark.parametrize(("rest", "names", "affiliation"), [
    ("Sgt. 1st Class Owen Baptiste U.S. Army North", ["Owen Baptiste"], "U.S. Army North"),
    ("Vera M. Lindqvist 37th Training Wing Public Affairs", ["Vera M. Lindqvist"], "37th Training Wing Public Affairs"),
    ("Vera M. Lindqvist, 37th Training Wing Public Affairs", ["Vera M. Lindqvist"],
     "37th Training Wing Public Affairs"),
    ("Jo Ann Pruitt / American Forces Press Service", ["Jo Ann Pruitt"], "American Forces Press Service"),
    ("Lance Cpl. Ana Ruiz Peña | Marine Corps Installations West", ["Ana Ruiz Peña"],
     "Marine Corps Installations West"),
    ("Army Staff Sgt. Kofi Mensah Jr.", ["Kofi Mensah Jr."], None),
    ("Lena Ortiz and Tom Beck, Navy Public Affairs", ["Lena Ortiz", "Tom Beck"], "Navy Public Affairs"),
    ("Navy Public Affairs", [], "Navy Public Affairs"),
])
def test_byline_layouts(rest: str, names: list[str], affiliation: str | None) -> None:
    parsed = parse_byline(rest)
    assert [rest[a:b] for a, b in parsed.names] == names
    assert (rest[slice(*parsed.affiliation)] if parsed.affiliation else None) == affiliation


def test_split_name_needs_two_name_words() -> None:
    assert split_name("Press Service") == (None, None)
    assert split_name("Mass Communication Specialist 2nd Class Eli Ward") == ((40, 48), None)


@pytest.mark.parametrize(("text", "name", "title"), [
    ("Pentagon Press Secretary Air Force Brig. Gen. Ida Moss provided the following readout:", "Ida Moss",
     "Pentagon Press Secretary"),
    ("Assistant to the Secretary of Defense for Public Affairs Ray T. Kim provided the following readout:",
     "Ray T. Kim", "Assistant to the Secretary of Defense for Public Affairs"),
    ("The following is attributable to Department Spokesperson Omar Reyes:", "Omar Reyes",
     "Department Spokesperson"),
])
def test_readout_formulae(text: str, name: str, title: str) -> None:
    found = readout_spokesperson(text)
    assert found is not None and found.title is not None
    assert (text[slice(*found.name)], text[slice(*found.title)]) == (name, title)


def test_readout_without_a_named_spokesperson() -> None:
    assert readout_spokesperson("The department provided the following readout:") is None


def test_run_on_head_is_cut_into_its_parts() -> None:
    (line,) = split_lines("A Headline Of Seven Words In All Published Jan. 5, 2020 By Ada Ng 1st Wing Public "
                          "Affairs DOVER AIR FORCE BASE, Del. -- " + "Airmen loaded cargo all day. " * 12)
    parts = [part.text for part in split_run_on(line)]
    assert parts[:3] == ["A Headline Of Seven Words In All", "Published Jan. 5, 2020",
                         "By Ada Ng 1st Wing Public Affairs"]
    assert parts[3].startswith("DOVER AIR FORCE BASE, Del. -- Airmen") and len(parts) == 4


@pytest.mark.parametrize("line", [
    "An official website of the United States government", "Here’s how you know",
    "Official websites use .mil", "A lock (lock ) or https:// means you’ve safely connected to the .mil website.",
    "You have reached a collection of archived material.", "Bookmark and Share", "News Article", "NEWS FEED",
    "Air Force Reserve Command News Feed", "Click photo for screen-resolution image", "Print | E-mail",
    "1 / 2 Show Caption +Hide Caption –", "Photo Details", "Courtesy Story", "Story ID: 12345",
    "Distribution channels: Defense", "There were 12 news items posted in the last 24 hours.",
])
def test_furniture_lines(line: str) -> None:
    assert furniture_line(split_lines(line)[0])


@pytest.mark.parametrize("line", [
    "The news service said the exercise ended.", "Share the load, the sergeant said.", "Home of the brave",
    "Search teams found the boat at dawn.",
])
def test_story_lines_are_not_furniture(line: str) -> None:
    assert FURNITURE_LINE.fullmatch(line) is None


def test_caption_credit_forms() -> None:
    def caption(text: str) -> bool:
        return caption_line(split_lines(text)[0], None)
    assert caption("A sailor checks a line in Veracruz, Mexico, May 2, 2016. (U.S. Navy photo by Seaman Ali Khan)")
    assert caption("The minister speaks at the forum. DOD photo by Tech. Sgt. Ana Diaz")
    assert not caption("The secretary thanked the photographers by name and left.")


def test_speaker_names_lose_ranks() -> None:
    assert clean_name("Lt. Gen. Ruth Okafor IV") == "Ruth Okafor IV"
    assert clean_name("Sgt. 1st Class Omar Díaz") == "Omar Díaz"
    assert clean_name("Capitán 2/o (Capt.) Luis Ortega Vela") == "Luis Ortega Vela"


def test_names_imported_by_the_web_reader_stay_importable() -> None:
    assert DATE and NAME and DATE_LINE.match("Posted on June 3, 2019")
