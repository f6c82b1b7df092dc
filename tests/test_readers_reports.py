"""The report reader: CRS, GAO, institute series and journal covers, host clutter around them, detection.

Fixtures under ``tests/data/reports`` were written for the project (invented
titles, names and numbers; see ``tests/data/README.md``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_readers_kinds import assert_spans_exact, texts
from usmxkg.document import Document
from usmxkg.readers import read_bytes, read_path
from usmxkg.readers.captions import find_captions
from usmxkg.readers.detect import detect
from usmxkg.readers.host_clutter import is_clutter, strip_clutter
from usmxkg.readers.lines import split_lines
from usmxkg.readers.report_parts import find_label, organisations

REPORTS = Path(__file__).resolve().parent / "data" / "reports"
THESES = Path(__file__).resolve().parent / "data" / "thesis"


def read(name: str) -> Document:
    doc = read_path(REPORTS / name)
    assert doc.kind == "report", doc.detection
    assert_spans_exact(doc)
    for zone in doc.zones:
        assert doc.text[zone.span.start:zone.span.end] == zone.span.text
    return doc


def zones(doc: Document, kind: str) -> list[str]:
    return [zone.span.text for zone in doc.zones if zone.kind == kind]


def flat(values: list[str]) -> list[str]:
    return [" ".join(value.split()) for value in values]


# --- Congressional Research Service -------------------------------------------------------------

def test_crs_report_cover() -> None:
    doc = read("crs_report.txt")
    assert doc.work_type == "Report"
    title = "Maritime Disaster Cooperation in the Gulf of Mexico: Background and Options for Congress"
    assert flat(texts(doc, "title")) == [title, title]  # the repeat above "Summary", then the cover's two lines
    assert texts(doc, "title")[1] == ("Maritime Disaster Cooperation in the Gulf of Mexico:\n"
                                      "Background and Options for Congress")
    assert texts(doc, "author") == ["Lorena V. Quintanilla", "Harold B. Ostrander"]
    assert texts(doc, "author-title") == ["Specialist in Latin American Affairs"]  # the first author's only
    assert texts(doc, "date") == ["March 14, 2017"]
    assert texts(doc, "report-number") == ["R44871"]
    assert texts(doc, "corporate-author") == texts(doc, "publisher") == ["Congressional Research Service"]
    (abstract,) = texts(doc, "abstract")
    assert abstract.startswith("Hurricanes that cross") and abstract.endswith("funded and overseen.")
    assert [s.title.text for s in doc.sections] == ["Summary"]
    assert zones(doc, "furniture") == ["Congressional Research Service 1"]  # a page footer, not text
    assert zones(doc, "contents")[0].startswith("Contents\nIntroduction ....")
    assert zones(doc, "caption") == []  # dot leaders of the contents are not a caption printed twice
    assert [p.text.split()[0] for p in doc.paragraphs] == ["Hurricanes", "Introduction"]


def test_crs_in_focus_signed_at_the_end() -> None:
    doc = read("crs_in_focus.txt")
    assert texts(doc, "title") == ["Border Wildfire Cooperation Between the United States and Mexico"]
    assert texts(doc, "date") == ["October 2, 2019"]  # "Updated October 2, 2019"
    assert texts(doc, "author") == ["Teodoro A. Villaseñor"]
    assert texts(doc, "author-title") == ["Analyst in Natural Resources Policy"]
    assert texts(doc, "report-number") == ["IF11523"]
    assert texts(doc, "corporate-author") == ["Congressional Research Service"]  # from the disclaimer
    assert "https://crsreports.congress.gov" in zones(doc, "furniture")
    assert doc.paragraphs[0].text.startswith("Wildfires along")


def test_crs_older_cover() -> None:
    """Covers before 2008: "Received through the CRS Web", "Order Code", the author's division."""
    doc = read("crs_old_cover.txt")
    assert flat(texts(doc, "title")) == ["Gulf Coast Port Security Grants: Issues and Options"]
    assert texts(doc, "date") == ["April 8, 2005"]  # "Updated April 8, 2005"
    assert texts(doc, "author") == ["Bernadette L. Quiroga"]
    assert texts(doc, "author-title") == ["Specialist in Transportation Policy"]
    assert texts(doc, "report-number") == ["RL31877"]
    assert "corporate-author" not in doc.fields  # the cover abbreviates the service's name
    assert texts(doc, "abstract")[0].endswith("what the ports bought with them.")


def test_crs_insight_with_author_information() -> None:
    doc = read("crs_insight.txt")
    assert texts(doc, "title") == ["Border Airspace Closures During Wildfires"]
    assert texts(doc, "date") == ["March 3, 2021"]
    assert texts(doc, "author") == ["Odalys P. Brennan"]  # the name above the position, not the heading above it
    assert texts(doc, "author-title") == ["Analyst in Transportation Policy"]
    assert texts(doc, "report-number") == ["IN11642"]


def test_crs_cover_run_together_on_one_line() -> None:
    """No line breaks at all: the repeated title bounds the cover title; field words bound each position."""
    doc = read("crs_one_line.txt")
    assert texts(doc, "title") == ["Cross-Border Water Treaties: Issues for the 116th Congress"]
    assert texts(doc, "author") == ["Marisa Delacroix", "Edwin J. Farraday"]
    assert texts(doc, "author-title") == ["Specialist in Natural Resources Policy"]
    assert texts(doc, "date") == ["November 8, 2019"]
    assert texts(doc, "report-number") == ["R45990"]
    assert texts(doc, "abstract")[0].startswith("The United States and Mexico share")
    assert doc.paragraphs[0].text.startswith("Summary The United States")  # the text after the cover, same line


def test_crs_cover_with_ocr_noise() -> None:
    """Doubled spaces, "Specia1ist", "Sewice" and "Prepared" broken across lines."""
    doc = read("crs_ocr.txt")
    assert flat(texts(doc, "title")) == ["Coast Guard Cutter Transfers to Partner Navies: Issues for Congress"] * 2
    assert texts(doc, "author") == ["Ignacio R. Bellweather"]
    assert texts(doc, "author-title") == ["Specia1ist in Naval Affairs"]
    assert texts(doc, "date") == ["January 9, 2014"]
    assert texts(doc, "corporate-author") == ["Congressional Research Sewice"]  # found by fuzzy match, as printed
    assert texts(doc, "abstract")[0].endswith("the maintenance support that followed them.")


def test_crs_report_inside_a_spanish_viewer() -> None:
    doc = read("viewer_spanish.txt")
    assert zones(doc, "furniture") == ["Estás en la página 1 de 24", "Descargar", "Guardar", "Search"]
    assert flat(texts(doc, "title"))[0] == "Joint Training Ranges on the Southern Border: Issues for Congress"
    assert texts(doc, "title")[1] == "Joint Training Ranges on the Southern Border:\n\nIssues for Congress"
    assert texts(doc, "author") == ["Priscilla M. Okonjo", "Raymond T. Vasquez-Hale"]
    assert texts(doc, "author-title") == ["Specialist in Defense Policy"]
    assert texts(doc, "date") == ["June 22, 2015"]
    assert texts(doc, "report-number") == ["R44102"]
    assert not any("página" in p.text or p.text == "Summary" for p in doc.paragraphs)


def test_crs_web_edition() -> None:
    """The web edition prints "DATE (NUMBER)" under the title and its contents before the Summary."""
    doc = read("crs_web_edition.txt")
    assert texts(doc, "title") == ["Border Ports of Entry: Staffing and Funding"]
    assert texts(doc, "date") == ["June 4, 2018"]
    assert texts(doc, "report-number") == ["R45210"]
    assert "author" not in doc.fields and "corporate-author" not in doc.fields  # neither is stated
    assert zones(doc, "furniture") == ["Jump to Main Text of Report"]
    (abstract,) = texts(doc, "abstract")  # to the next heading
    assert abstract.startswith("The ports of entry") and abstract.endswith("each agency publishes about them.")


# --- Government Accountability Office -----------------------------------------------------------

def test_gao_pdf_cover_alone() -> None:
    doc = read("gao_pdf_cover.txt")
    assert flat(texts(doc, "title")) == [
        "BORDER SECURITY Additional Actions Could Strengthen Coordination of Aviation Assets"]
    assert texts(doc, "date") == ["September 2016"]
    assert texts(doc, "report-number") == ["GAO-16-789"]
    assert texts(doc, "corporate-author") == ["United States Government Accountability Office"]


def test_gao_accessible_text() -> None:
    doc = read("gao_accessible.txt")
    assert texts(doc, "report-number") == ["GAO-13-512"]
    title = "Border Security: DHS and DOD Should Better Coordinate Aviation Support to Mexico's Federal Police"
    assert flat(texts(doc, "title")) == [title, title]  # the preamble's quoted title, then the colon-ended cover
    assert texts(doc, "date") == ["June 18, 2013", "June 2013"]  # release date first, then the cover's month
    assert flat(texts(doc, "corporate-author")) == ["U.S. Government Accountability Office"]
    assert [s.title.text for s in doc.sections] == [
        "GAO Highlights", "Why GAO Did This Study", "What GAO Found", "What GAO Recommends", "Contents", "Letter"]
    (abstract,) = texts(doc, "abstract")
    assert abstract.startswith("Since 2009, two U.S. departments") and abstract.endswith("joint support plan.")
    assert zones(doc, "front-matter")[0].startswith("This is the accessible text file")
    assert not any(p.text.endswith(":") for p in doc.paragraphs)  # headings are sections, not paragraphs
    assert doc.paragraphs[0].text.startswith("Highlights of GAO-13-512")


def test_gao_product_page() -> None:
    doc = read("gao_product_page.txt")
    assert texts(doc, "title") == ["Coast Guard Partnerships: Training Programs with Mexico's Navy Need Clearer Goals"]
    assert texts(doc, "report-number") == ["GAO-18-604"]
    assert texts(doc, "date") == ["Aug 09, 2018"] and texts(doc, "date-published") == ["Aug 09, 2018"]
    assert zones(doc, "furniture") == ["Skip to main content", "Jump To:", "Skip to Highlights"]
    assert zones(doc, "caption") == ["Coast Guard cutter at sea"] * 2  # image text printed twice
    (abstract,) = texts(doc, "abstract")  # Fast Facts, up to the image
    assert abstract.startswith("The Coast Guard trains") and abstract.endswith("track results for each program.")
    assert [s.title.text for s in doc.sections] == ["Fast Facts", "What GAO Found", "What GAO Recommends"]


def test_gao_testimony_with_ocr_noise() -> None:
    doc = read("gao_pdf_ocr.txt")
    assert flat(texts(doc, "title")) == [
        "SECURITY ASSISTANCE Status of U.S. Counternarcotics Aid to Mexico and Central America"]
    assert texts(doc, "date") == ["April 3, 2019"]  # from "For Release on Delivery …"
    assert texts(doc, "author") == ["Mirela K. Stanhope"]
    assert texts(doc, "author-title") == ["Director, International Affairs and Trade"]
    assert flat(texts(doc, "corporate-author")) == ["Govemment Accountability Office"]  # "rn" read as "m"


# --- institute series and journals --------------------------------------------------------------

def test_series_paper_with_two_columns_run_together() -> None:
    doc = read("series_two_columns.txt")
    assert texts(doc, "title") == ["Hurricane Logistics on the Gulf Coast: A Shared Burden"]
    assert texts(doc, "author") == ["Rosalind T. Achterberg"]
    assert texts(doc, "report-number") == ["No. 117"]
    assert texts(doc, "date") == ["March 2004"]
    assert texts(doc, "publisher") == ["Institute for National Strategic Studies", "National Defense University"]
    assert "abstract" not in doc.fields  # "Key Points" runs into the columns: not clearly delimited


def test_series_paper_with_its_title_over_two_lines() -> None:
    doc = read("series_wrapped_title.txt")
    assert texts(doc, "title") == ["River Ports and Border Trade:\nA New Agenda for Cooperation"]
    assert texts(doc, "author") == ["Helena M. Strasser"]
    assert texts(doc, "report-number") == ["No. 88"]
    assert texts(doc, "date") == ["December 2011"]
    assert texts(doc, "publisher") == ["National Defense University"]  # on the line under the series name
    assert texts(doc, "abstract")[0].startswith("The ports on the river border")  # "Key Points" stands alone


def test_occasional_paper_in_a_german_viewer() -> None:
    doc = read("occasional_paper_viewer.txt")
    assert zones(doc, "furniture") == ["Sie sind auf Seite 1von 52", "Herunterladen"]
    assert texts(doc, "title") == ["Civil-Military Coordination after Natural Disasters in Central America"]
    assert texts(doc, "author") == ["Anselm K. Whitcombe"]  # "Dr." dropped
    assert texts(doc, "author-affiliation") == [
        "William J. Perry Center for Hemispheric Defense Studies", "National Defense University"]
    assert texts(doc, "date") == ["May 2016"]
    assert texts(doc, "report-number") == ["Volume 4 Number 2"]
    assert texts(doc, "contributor") == ["Corinne Valdés-Marsh"]  # the series editor
    assert any(z.startswith("The opinions, conclusions") for z in zones(doc, "front-matter"))
    assert zones(doc, "contents")[0].startswith("Contents\nPreface ....")


def test_journal_article() -> None:
    doc = read("journal_article.txt")
    assert doc.work_type == "JournalArticle"
    assert texts(doc, "title") == ["Building Staff Habits with a Partner Army"]
    assert texts(doc, "author") == ["Desmond P. Farrow"]  # rank dropped
    assert texts(doc, "date") == ["2015"]  # a bimonthly issue is dated by its year
    assert "report-number" not in doc.fields  # an issue's volume and number do not identify the article
    assert doc.paragraphs[0].text.startswith("Lieutenant Colonel Desmond P. Farrow is a strategist")


def test_journal_article_with_ocr_spacing() -> None:
    doc = read("journal_ocr.txt")
    assert doc.work_type == "JournalArticle"
    assert texts(doc, "title") == ["Cavalry Scouts Along a River Border"]
    assert texts(doc, "author") == ["Wendell J. Ashcroft"]
    assert texts(doc, "date") == ["2013"]  # "Winter 2013-14"


# --- detection ----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(p.name for p in REPORTS.glob("*.txt")))
def test_the_first_2000_characters_are_enough(name: str) -> None:
    text = (REPORTS / name).read_text(encoding="utf-8")
    paragraph = "The committees asked for a further review of the programme and its costs. " * 40
    long = text + "\n\n" + (paragraph + "\n\n") * 30
    assert detect(long).kind == "report"
    assert detect(long[:2000]).kind == "report"


def test_school_papers_with_a_documentation_page_stay_theses() -> None:
    for path in sorted(THESES.glob("*.txt")):
        doc = read_path(path)
        if "REPORT DOCUMENTATION PAGE" in doc.text.upper():
            assert doc.kind == "thesis", path.name


def test_a_catalogue_page_about_a_crs_report_is_not_a_report() -> None:
    text = ("Border Water Treaties: An Overview [Updated May 2, 2018] [open pdf - 310KB]\n"
            "From the Document: \"The United States and Mexico share two rivers under treaties ...\"\n"
            "Report Number: | CRS In Focus, IF10999 |\nAuthor: | |\nDate: | 2018-05-02 |\n"
            "Retrieved From: | Congressional Research Service: https://crsreports.congress.gov/ |\n")
    assert detect(text).kind != "report"


def test_a_thesis_citing_crs_and_gao_is_not_a_report() -> None:
    body = "The literature on border security is large and growing. " * 30
    refs = ("LIST OF REFERENCES\nSeelby, Ana. Border Programs. Washington, DC: Congressional Research Service, "
            "2011. www.crs.gov.\nGovernment Accountability Office. Border Aid. GAO-11-123. 2011.\n")
    text = "Chapter One\n\n" + (body + "\n\n") * 200 + refs
    assert detect(text).kind != "report"


# --- host clutter, captions, labels, organisations -----------------------------------------------

@pytest.mark.parametrize("line", [
    "You are on page 1 of 38", "Você está na página 1de 38", "Sie sind auf Seite 1von 38",
    "Estás en la página 1 de 24", "Vous êtes sur la page 1 sur 12", "Sei sulla pagina 1 di 9", "Page 3 of 40",
    "Download", "Skip to main content", "Jump To:", "Herunterladen", "Descargar", "12 views",
])
def test_host_clutter_lines(line: str) -> None:
    assert is_clutter(line)


@pytest.mark.parametrize("line", [
    "Page two of the agreement sets out the funding.", "Download speeds along the border remain slow",
    "Summary", "Key Points", "Congressional Research Service",
])
def test_lines_that_are_not_clutter(line: str) -> None:
    assert not is_clutter(line)


def test_store_stamp_is_furniture_and_the_line_is_kept() -> None:
    text = " date 2019-04-02 Border Water Treaties Updated\nDownload\nThe treaties assign shares of two rivers.\n"
    doc = Document(doc_id="0", source="stamped.txt", kind="report", text=text)
    kept = strip_clutter(doc, split_lines(text))
    assert [z.span.text for z in doc.zones] == ["date 2019-04-02 ", "Download"]
    assert [line.text for line in kept] == [
        "Border Water Treaties Updated", "The treaties assign shares of two rivers."]


def test_captions_credited_and_printed_twice() -> None:
    text = ("Sailors load relief supplies at the pier. U.S. Navy photo by Chief Petty Officer Ana Ruiz.\n"
            "Sailors load relief supplies at the pier. U.S. Navy photo by Chief Petty Officer Ana Ruiz.\n"
            "The ship sailed at dawn with two helicopters and a surgical team aboard.\n"
            "Map of the relief routes\nMap of the relief routes\n")
    lines = split_lines(text)
    assert [line.text for line in find_captions(lines)] == [lines[0].text, lines[1].text, lines[3].text, lines[4].text]


def test_find_label_reads_through_ocr_slips() -> None:
    text = "Report to Congress\nUnited States Govemment Accountability Office\n"
    found = find_label(text, "Government Accountability Office", 0, len(text))
    assert found is not None and text[found.start:found.end] == "Govemment Accountability Office"
    assert find_label(text, "Congressional Research Service", 0, len(text)) is None


def test_organisations_run_together_on_a_masthead() -> None:
    text = "by Dr. Ana Ruiz Center for Maritime Studies National Defense University U.S. Department of Defense"
    doc = read_bytes(text.encode(), "masthead.txt")
    start = text.index("Center")
    assert [span.text for span in organisations(doc, start, len(text))] == [
        "Center for Maritime Studies", "National Defense University", "U.S. Department of Defense"]
