"""Theses and papers of the degree-granting and professional military schools: title pages, forms, host clutter.

Every fixture in tests/data/papers/ is invented (names, titles, numbers,
repositories); each follows one school's convention or one way a copy gets
mangled (OCR slips, doubled spaces, a host site's one-line pages or "Page N:"
transcript, two columns run together, no line breaks at all). Values are
asserted exactly, as the reader records them, spans included.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from usmxkg.document import Document
from usmxkg.readers import outline, read_bytes, read_path, sf298
from usmxkg.readers.datelines import date_at
from usmxkg.readers.names import read_byline, split_names
from usmxkg.readers.normalise import normalise
from usmxkg.readers.orgs import organisation_parts
from usmxkg.readers.work_class import work_type

PAPERS = Path(__file__).resolve().parent / "data" / "papers"
EXCERPT = 2_000
"""Stored copies of web pages keep about this many characters: detection must work on them."""


def read(name: str) -> Document:
    return read_path(PAPERS / name)


def values(doc: Document, name: str) -> list[str]:
    return [" ".join(s.text.split()) for s in doc.fields.get(name, [])]


def form_of(raw: str) -> tuple[Document, sf298.Form | None]:
    doc = Document("test", "test", "thesis", text=normalise(raw).text)
    return doc, sf298.read_form(doc, outline.split_lines(doc.text))


def box(form: sf298.Form | None, name: str) -> list[str]:
    assert form is not None
    return [" ".join(s.text.split()) for s in form.values.get(name, [])]


def zone_texts(doc: Document, kind: str) -> list[str]:
    return [" ".join(z.span.text.split()) for z in doc.zones if z.kind == kind]


# --------------------------------------------------------------------------- one fixture per convention


def test_cgsc_thesis_with_ocr_slips_and_displaced_form_values():
    doc = read("cgsc_mmas_ocr.txt")
    assert (doc.kind, doc.work_type) == ("thesis", "Thesis")
    # the form's mixed-case title first, the title page's capitals after it
    assert values(doc, "title") == ["The River and the Rail: Logistics Cooperation on the Southwest Frontier",
                                    "THE RIVER AND THE RAIL: LOGISTICS COOPERATION ON THE SOUTHWEST FRONTIER"]
    assert values(doc, "author") == ["DANIEL R. OKONKWO"]
    assert values(doc, "rank") == ["MAJOR"]
    assert values(doc, "author-affiliation") == ["U.S. ARMY"]
    assert values(doc, "prior-degree") == ["B.A., University of Nebraska at Kearney, Kearney, Nebraska, 2004"]
    assert values(doc, "degree") == ["MASTER OF MILITARY ART AND SCIENCE"]  # the track line is not the degree
    assert values(doc, "degree-grantor") == ["U.S. Anny Command and General Staff College"]  # as printed
    # same year on title page and form: the more precise date first
    assert values(doc, "date") == ["12-06-2015", "2015-06"]
    assert values(doc, "report-date") == ["12-06-2015"]
    assert values(doc, "report-type") == ["Master’s Tliesis"]
    assert values(doc, "performing-organization") == ["U.S. Army Command and General Staff College"]
    assert values(doc, "subject") == ["Rail logistics", "Border crossings", "Exercise planning"]
    assert values(doc, "page-count") == ["88"]
    # the CGSC approval page: roles printed before the names
    assert values(doc, "advisor") == ["Samuel T. Reyes-Whitaker"]
    assert values(doc, "second-reader") == ["Linda M. Forsgren", "Peter J. Halvorsen"]
    assert "Robert K. Ashdown" not in " ".join(v for vs in doc.fields.values() for v in (s.text for s in vs))


def test_cgsc_form_boxes_by_shape():
    raw = (PAPERS / "cgsc_mmas_ocr.txt").read_text(encoding="utf-8")
    _, form = form_of(raw)
    assert box(form, "report-date") == ["12-06-2015"]
    assert box(form, "report-type") == ["Master’s Tliesis"]
    assert box(form, "dates-covered") == ["AUG 2014 - JUN 2015"]
    assert box(form, "title") == ["The River and the Rail: Logistics Cooperation on the Southwest Frontier"]
    assert box(form, "author") == ["Daniel R. Okonkwo"]  # "MAJ" is left out of the name
    assert box(form, "distribution") == ["Approved for Public Release; Distribution is Unlimited"]
    assert "sponsoring-agency" not in form.values


def test_nps_thesis_on_a_host_with_one_line_pages():
    doc = read("nps_docbox_pages.txt")
    assert (doc.kind, doc.work_type) == ("thesis", "Thesis")
    assert values(doc, "repository") == ["Seawall"]
    assert values(doc, "title") == ["Tides of Trust: Naval Cooperation in the Gulf of California",
                                    "TIDES OF TRUST: NAVAL COOPERATION IN THE GULF OF CALIFORNIA"]
    assert values(doc, "author") == ["Maren A. Lindqvist", "Tomas E. Okafor"]
    # labels run together before the names: the singular label takes one name, the plural the rest
    assert values(doc, "advisor") == ["Hollis P. Vantongeren"]
    assert values(doc, "second-reader") == ["Ada Quintero", "Felix Marchetti"]
    assert values(doc, "date") == ["June 2017"]  # the form's "June" has lost its year and is no date
    assert "report-date" not in doc.fields
    assert values(doc, "report-type") == ["Master s Thesis"]
    assert values(doc, "performing-organization") == ["Naval Postgraduate School"]
    assert values(doc, "subject") == ["naval cooperation", "liaison officers", "Gulf of California"]
    furniture = zone_texts(doc, "furniture")
    assert furniture[0].startswith("Tides of trust") and furniture[0].endswith("Transcription")
    assert furniture[1:6] == ["1", "2", "3", "4", "5"]  # the host's page numbers
    assert furniture[6].startswith("Seawall: The CDS Institutional Archive")  # the repository cover
    assert doc.in_zone(doc.first("repository").start, doc.first("repository").end, frozenset({"furniture"}))


def test_nps_thesis_transcript_with_page_lines_and_cover():
    doc = read("nps_page_transcript.txt")
    assert values(doc, "title") == ["HARBOR LIGHTS: PORT SECURITY PARTNERSHIPS ON THE PACIFIC COAST"]
    assert values(doc, "author") == ["Lucia B. Marchetti"]
    assert values(doc, "advisor") == ["Gideon R. Falk", "Priyanka S. Rao"]  # a co-advisor is an advisor
    assert values(doc, "degree-grantor") == ["NAVAL POSTGRADUATE SCHOOL"]  # "NAVAL POSTGRADUATE" / "SCHOOL"
    assert values(doc, "repository") == ["Seawall"]
    assert values(doc, "identifier") == ["http://hdl.handle.net/20.500.99999/4242"]
    pages = [z for z in zone_texts(doc, "furniture") if z.startswith("Page ")]
    assert [p.split(":")[0] for p in pages] == ["Page 1", "Page 2", "Page 3", "Page 4"]


def test_nps_thesis_with_columns_run_together():
    doc = read("nps_two_columns.txt")
    assert values(doc, "advisor") == ["Wendell J. Moravec"]
    assert values(doc, "second-reader") == ["Beatriz L. Ocampo"]
    assert values(doc, "report-type") == ["Master's thesis"]
    assert values(doc, "page-count") == ["71"]
    assert values(doc, "subject") == ["air defense", "identification zones", "NORAD"]
    _, form = form_of((PAPERS / "nps_two_columns.txt").read_text(encoding="utf-8"))
    assert box(form, "distribution-code") == ["A"]
    assert box(form, "classification-page") == ["Unclassified"]
    assert box(form, "limitation") == ["UU"]


def test_acsc_research_report_with_ocr_slips():
    doc = read("acsc_research_report_ocr.txt")
    assert (doc.kind, doc.work_type) == ("thesis", "Report")  # the misspelt statement still says research report
    # the title continues over a blank line after "ACROSS"
    assert values(doc, "title") == ["AIRLIFT ON THE LINE: DISASTER RELIEF FLIGHTS ACROSS THE SOUTHERN BORDER"]
    assert values(doc, "author") == ["Renata L. Velasquez"]  # the misspelt statement is no second author
    assert (values(doc, "rank"), values(doc, "author-affiliation")) == (["Major"], ["USAF"])
    assert values(doc, "advisor") == ["Owen T. Farraday"]
    assert values(doc, "date") == ["April 2015"]
    assert values(doc, "publisher") == ["AIR COMMAND AND STAFF COLLEGE", "AIR UNIVERSITY"]
    assert values(doc, "report-number") == ["AU/ACSC/VELASQUEZ/AY15"]
    assert any(z.startswith("Disclaimer The views expressed") for z in zone_texts(doc, "front-matter"))


def test_awc_paper_without_line_breaks():
    doc = read("awc_no_line_breaks.txt")
    assert doc.work_type == "Report"
    assert values(doc, "title") == ["Steady Hands: Civil Support Airlift after the Gulf Storms",
                                    "STEADY HANDS: CIVIL SUPPORT AIRLIFT AFTER THE GULF STORMS"]
    assert values(doc, "author") == ["Gregory N. Achebe-Ford"]
    assert values(doc, "rank") == ["Colonel"]
    assert values(doc, "advisor") == ["Ilse M. Varga"]
    assert values(doc, "date") == ["14 February 2017"]
    assert values(doc, "report-number") == ["AU/AWC/2017"]
    assert values(doc, "publisher") == ["AIR WAR COLLEGE", "AIR UNIVERSITY"]
    # ",," separates the organisation lines DTIC's forms run together; the base and the state are address
    assert values(doc, "performing-organization") == ["Air War College", "Air University"]


def test_usawc_strategy_research_project_on_a_host_site():
    doc = read("usawc_srp_hosted.txt")
    assert (doc.kind, doc.work_type) == ("thesis", "Report")  # an SRP, though it counts toward a degree
    assert values(doc, "title") == ["Bridges of Sand: Army Engineers and the Binational Levee Program"]
    assert values(doc, "author") == ["Marisol T. Quintanilla"]
    assert values(doc, "rank") == ["Lieutenant Colonel"]
    assert values(doc, "author-affiliation") == ["United States Army Reserve"]
    assert values(doc, "publisher") == ["United States Army War College"]
    assert values(doc, "degree") == ["Master of Strategic Studies"]
    assert values(doc, "date") == ["01-04-2016", "2016"]  # "Class of 2016" gives the year
    assert doc.fields["date"][1].text == "2016"
    assert values(doc, "report-type") == ["STRATEGY RESEARCH PROJECT"]
    # box 7 names the faculty adviser and the department; box 9 the college
    assert values(doc, "advisor") == ["Helen V. Abernathy"]
    assert values(doc, "performing-organization") == ["Department of National Security and Strategy"]
    assert values(doc, "sponsoring-agency") == ["U.S. Army War College"]
    furniture = zone_texts(doc, "furniture")
    assert furniture[0].startswith("bridges of sand") and furniture[0].endswith("TRANSCRIPT")
    assert "Upload: others" in furniture[0] and "7 views" in furniture[0]
    assert furniture[1:] == ["•", "•", "•"]


def test_usawc_student_essay_with_dd_form_1473():
    doc = read("usawc_essay_dd1473_ocr.txt")
    assert doc.work_type == "Report"
    assert values(doc, "title") == ["The Border Frontier: Cooperation in Lean Years",
                                    "THE BORDER FRONTIER: COOPERATION IN LEAN YEARS"]
    assert values(doc, "author") == ["RAYMOND ASHWORTH"]  # no "by": the name line with a rank before it
    assert values(doc, "rank") == ["COLONEL"]
    assert values(doc, "date") == ["15 MARCH 1987"]
    assert values(doc, "publisher") == ["US ARMY WAR COLLEGE"]  # the place after the comma is left out
    assert values(doc, "report-type") == ["STUDENT ESSAY"]
    assert values(doc, "performing-organization") == ["U.S. Army War College"]
    assert values(doc, "report-date") == ["15 March 1987"]
    assert values(doc, "page-count") == ["24"]
    assert values(doc, "abstract") == [
        "The two armies met along the border in years when neither had money to spare. "
        "This essay asks what they shared anyway."]
    assert "sponsoring-agency" not in doc.fields  # the controlling office is "SAME"


def test_dd_form_1473_labels_through_ocr():
    _, form = form_of((PAPERS / "usawc_essay_dd1473_ocr.txt").read_text(encoding="utf-8"))
    assert box(form, "author") == ["Raymond Ashworth"]  # "7. AUTHOR <•)", "COL" left out
    assert box(form, "title") == ["The Border Frontier: Cooperation in Lean Years"]  # "4. TITLE (end Subtitle)"
    assert box(form, "page-count") == ["24"]  # "IS. NUMBER OF PAGES"
    assert box(form, "classification-report") == ["UNCLASSIFIED"]  # "IS. SECURITY CLASS, (ol thl, report)"
    assert box(form, "distribution") == [
        "DISTRIBUTION STATEMENT A: Approved for public release; distribution is unlimited."]


def test_sams_monograph_is_a_report_whatever_its_form_says():
    doc = read("sams_monograph.txt")
    assert doc.work_type == "Report"
    assert values(doc, "report-type") == ["Master's Thesis"]
    assert values(doc, "title")[0] == "Water and Walls: Operational Art at the Rio Bravo Crossings"
    assert values(doc, "author") == ["Tobias K. Lindgren-Ruiz"]
    assert values(doc, "author-affiliation") == ["US Army"]
    assert values(doc, "publisher") == ["School of Advanced Military Studies",
                                        "United States Army Command and General Staff College"]
    assert values(doc, "date") == ["26-05-2016", "2016-05"]
    assert values(doc, "advisor") == ["Harriet J. Solberg"]  # the monograph director
    assert values(doc, "sponsoring-agency") == ["Advanced Military Studies Program"]


def test_nwc_paper_with_the_form_first_and_a_title_split_around_a_label():
    doc = read("nwc_jmo_paper.txt")
    assert doc.work_type == "Report"
    assert values(doc, "title") == ["TIDEWATER PARTNERS: MARITIME INTERDICTION COOPERATION IN THE EASTERN PACIFIC",
                                    "Tidewater Partners"]
    assert values(doc, "subtitle") == ["Maritime Interdiction Cooperation in the Eastern Pacific"]
    assert values(doc, "author") == ["Ines V. Haldane"]
    assert values(doc, "rank") == ["Lieutenant Commander"]
    assert values(doc, "author-affiliation") == ["United States Coast Guard"]
    assert values(doc, "advisor") == ["Conrad E. Wexley"]  # "Paper Advisor (if Any): Professor …"
    assert values(doc, "publisher") == ["Naval War College"]
    assert values(doc, "department") == ["Department of Joint Military Operations"]
    assert values(doc, "performing-organization") == ["Joint Military Operations Department", "Naval War College"]
    assert values(doc, "date") == ["3 May 2013"]  # as precise as the form's 03-05-2013: the title page's first
    assert values(doc, "report-date") == ["03-05-2013"]


def test_institute_series_report_without_a_by_line():
    doc = read("series_report_ocr.txt")
    assert doc.work_type == "Report"
    assert values(doc, "title") == ["Shared Waters and Shared Watch: Coastal Patrols in the Gulf"]
    assert values(doc, "author") == ["Harold J. Brennerman, Jr."]
    assert values(doc, "report-number") == ["CLOS Report 14-3"]
    assert values(doc, "date") == ["September 2014"]
    assert values(doc, "publisher") == ["Center for Littoral Operations Studies"]
    assert values(doc, "performing-organization") == ["Center for Littoral Operations Studies"]


@pytest.mark.parametrize("path", sorted(PAPERS.glob("*.txt")), ids=lambda p: p.stem)
def test_spans_are_exact_and_nothing_is_a_label(path):
    doc = read_path(path)
    for name, spans in doc.fields.items():
        for span in spans:
            assert doc.text[span.start:span.end] == span.text
            assert span.text == span.text.strip() and span.text, (name, span)
            assert not span.text.rstrip(":").endswith(("Advisor", "Reader", "Instructor")), (name, span)
    for zone in doc.zones:
        assert doc.text[zone.span.start:zone.span.end] == zone.span.text


@pytest.mark.parametrize("path", sorted(p for p in PAPERS.glob("*.txt") if p.stem != "chapters_decimal"),
                         ids=lambda p: p.stem)
def test_an_excerpt_of_the_first_pages_is_still_detected(path):
    data = path.read_text(encoding="utf-8")[:EXCERPT].encode("utf-8")
    doc = read_bytes(data, path.name)
    assert doc.kind == "thesis"
    assert doc.work_type == read_path(path).work_type


# --------------------------------------------------------------------------- detection against other kinds


def test_a_news_story_about_a_graduation_is_not_a_thesis():
    text = ("Students graduate from staff college\n\nBy Staff Sgt. Ana Ruiz\n\nFORT LEAVENWORTH, Kan. (June 10, 2016) "
            "-- More than 200 officers graduated Friday. \"It was a long year,\" said Maj. Tom Lee, who wrote "
            "his thesis on river crossings. The college awards a master's degree to about a third of them.\n")
    assert read_bytes(text.encode(), "news.txt").kind != "thesis"


# --------------------------------------------------------------------------- the form's layouts, inline


def test_form_row_of_values_under_a_row_of_labels():
    _, form = form_of("REPORT DOCUMENTATION PAGE\n\n1. REPORT DATE (DD-MM-YYYY) 2. REPORT TYPE\n\n"
                      "30-05-2016 Strategy Research Project\n\n3. DATES COVERED (From - To)\n\n"
                      "4. TITLE AND SUBTITLE\n\nSand and Steel\n\n5a. CONTRACT NUMBER\n")
    assert box(form, "report-date") == ["30-05-2016"]
    assert box(form, "report-type") == ["Strategy Research Project"]
    assert box(form, "title") == ["Sand and Steel"]


def test_form_values_never_empty_markers_or_cut_labels():
    _, form = form_of("REPORT DOCUMENTATION PAGE\n\n9. SPONSORING/MONITORING AGENCY NAME(S) AND ADDRESS(ES)\n\nN/A\n\n"
                      "11. CONTROLLING OFFICE NAME AND ADDRESS\n\nSAME\n\n6. AUTHOR(S)\n\nAnn B. Cee\n\n"
                      "8. PERFORMING ORGANIZATION REPORT NUMBER\n\n9. SPONSORING/MONI")
    assert "sponsoring-agency" not in form.values
    assert "report-number" not in form.values
    assert box(form, "author") == ["Ann B. Cee"]


def test_form_distribution_statement_value_is_not_taken_for_a_label():
    _, form = form_of("REPORT DOCUMENTATION PAGE\n\n16. DISTRIBUTION STATEMENT (of this Report)\n\n"
                      "DISTRIBUTION STATEMENT A: Approved for public release.\n\n"
                      "17. DISTRIBUTION STATEMENT (of the abstract entered in Block 20, if different from Report)\n")
    assert box(form, "distribution") == ["DISTRIBUTION STATEMENT A: Approved for public release."]


@pytest.mark.parametrize(("block", "expected"), [
    ("Department of Strategy, Planning, and Operations\nState War College\n122 Elm Avenue\nCarlisle, PA 17013",
     ["Department of Strategy, Planning, and Operations", "State War College"]),
    ("Naval Test School Monterey, CA 93943-5000", ["Naval Test School"]),
    ("Army Test College\nATTN: ATZL-SWD-GD\nFort Leavenworth, KS 66027-2301", ["Army Test College"]),
    ("Gulf Studies Institute,,Gulf University,,Keesler Air Force Base,,MS", ["Gulf Studies Institute",
                                                                              "Gulf University"]),
    ("SAME", []),
])
def test_organisation_boxes_keep_names_not_addresses(block, expected):
    assert [block[a:b] for a, b in organisation_parts(block)] == expected


# --------------------------------------------------------------------------- names, dates, classes


@pytest.mark.parametrize(("line", "parts"), [
    ("ANN B. CEE, MAJOR, U.S. ARMY", ("ANN B. CEE", "MAJOR", None, "U.S. ARMY")),
    ("Ann B. Cee, Chaplain, Major, USAF", ("Ann B. Cee", "Major", "Chaplain", "USAF")),
    ("DAN E. EFF JR., DEPUTY CHIEF INSPECTOR,\nSTATE BORDER SERVICE",
     ("DAN E. EFF JR.", None, "DEPUTY CHIEF INSPECTOR", "STATE BORDER SERVICE")),
    ("Lieutenant Colonel G. H. Eye", ("G. H. Eye", "Lieutenant Colonel", None, None)),
    ("LTC Kay Elle, Jr.", ("Kay Elle, Jr.", "LTC", None, None)),
])
def test_bylines(line, parts):
    doc = Document("t", "t", "thesis", line)
    byline = read_byline(doc, 0, len(line))
    assert tuple(s.text if s else None for s in (byline.name, byline.rank, byline.title, byline.affiliation)) == parts


@pytest.mark.parametrize(("run", "names"), [
    ("Ann B. Cee Dan E. Eff", ["Ann B. Cee", "Dan E. Eff"]),
    ("Ann B. Cee Kay Elle Gus Hay", ["Ann B. Cee", "Kay Elle", "Gus Hay"]),
    ("Ann B. Cruz Vela Dan E. Eff", ["Ann B. Cruz Vela", "Dan E. Eff"]),
    ("Ann B. Cee and Dan E. Eff", ["Ann B. Cee", "Dan E. Eff"]),
    ("MAJOR ANN B. CEE", ["ANN B. CEE"]),
    ("Dr. Kay L. Elle-Moss", ["Kay L. Elle-Moss"]),
])
def test_names_run_together(run, names):
    doc = Document("t", "t", "thesis", run)
    assert [s.text for s in split_names(doc, 0, len(run))] == names


@pytest.mark.parametrize(("text", "year", "precision"), [
    ("08-06-2012", 2012, 3), ("2012-01", 2012, 2), ("16 December 2009", 2009, 3), ("1 APRIL 1986", 1986, 3),
    ("JUNE 2014", 2014, 2), ("MAR 2010", 2010, 2), ("Class of 2012", 2012, 1), ("USAWC CLASS OF 2013", 2013, 1),
])
def test_date_shapes(text, year, precision):
    shape = date_at(text, 0, whole=True)
    assert shape is not None and (shape.year, shape.precision) == (year, precision)


@pytest.mark.parametrize(("kinds", "statements", "report_type", "expected"), [
    (["THESIS"], [], None, "Thesis"),
    (["Strategy Research Project"], ["This manuscript is submitted in partial fulfillment of the requirements of "
                                     "the Master of Strategic Studies Degree."], None, "Report"),
    (["STUDENT ESSAY"], [], None, "Report"),
    ([], ["A paper submitted to the Faculty of the Naval War College in partial satisfaction of the requirements"],
     None, "Report"),
    ([], ["Submitted in partial fulfillment of the requirements for the degree of"], None, "Thesis"),
    ([], [], "Master's Thesis", "Thesis"),
    ([], [], "FINAL", "Report"),
])
def test_the_degree_decides_the_class(kinds, statements, report_type, expected):
    assert work_type(kinds, statements, report_type) == expected


# --------------------------------------------------------------------------- outline and tables


def test_chapter_words_and_decimal_numbering():
    doc = read("chapters_decimal.txt")

    def flat(sections, depth=1):
        out = []
        for s in sections:
            out.append((depth, s.number, s.title.text))
            out.extend(flat(s.children, depth + 1))
        return out

    assert flat(doc.sections) == [
        (1, "1", "INTRODUCTION"), (2, "1.1", "Background"), (2, "1.2", "Research Questions"),
        (1, "2", "LITERATURE REVIEW"), (2, "2.1", "Doctrine"), (3, "2.1.1", "Joint Publications"),
        (2, "2.2", "Case Studies"), (1, "3", "CONCLUSIONS"), (1, "", "BIBLIOGRAPHY"),
    ]
    assert doc.sections[0].body.text.startswith("CHAPTER 1\n\nINTRODUCTION")
    assert not any("TOC entry not found" in w for w in doc.warnings)  # ABSTRACT stands before the TOC


def test_chapter_headings_without_a_toc():
    text = ("Some opening words.\n\nCHAPTER ONE\n\nTHE PROBLEM\n\nText.\n\n1. Not a heading\n\n"
            "Chapter Two: The Answer\n\nMore text.\n\nCHAPTER 4\n\nOUT OF SEQUENCE\n\nEnd.\n")
    doc = Document("t", "t", "thesis", text)
    outline.read_outline(doc)
    assert [(s.number, s.title.text) for s in doc.sections] == [("ONE", "THE PROBLEM"), ("Two", "The Answer")]


def test_table_source_and_notes_stay_with_their_table():
    from usmxkg.readers import tables

    text = ("Table 4. Patrols by season\n\nSeason\tPatrols\tBoardings\nDry\t40\t12\nWet\t22\tNot applicableᵃ\n\n"
            "Source: Invented for this test.\n\nNote: Counts are rounded.\n\na Not applicable: no boardings were "
            "logged.\n\nThe next paragraph is body text.\n")
    doc = Document("t", "t", "thesis", text)
    tables.read_tables(doc)
    (table,) = doc.tables
    assert table.source is not None and table.source.text == "Invented for this test."
    assert [n.text for n in table.notes] == ["Note: Counts are rounded.",
                                             "a Not applicable: no boardings were logged."]


def test_saass_thesis_and_its_signature_page():
    doc = read("saass_thesis.txt")
    assert doc.work_type == "Thesis"  # "A THESIS PRESENTED TO THE FACULTY …": a thesis, for graduation
    assert values(doc, "title") == ["HIGH WATER: AIRPOWER AND FLOOD RELIEF ON THE RIO BRAVO"]
    assert values(doc, "author") == ["CORINNE D. ABERNETHY-SALAS"]
    assert values(doc, "rank") == ["MAJOR"]
    assert values(doc, "date") == ["JUNE 2018"]
    assert values(doc, "degree-grantor") == ["SCHOOL OF ADVANCED AIR AND SPACE STUDIES", "AIR UNIVERSITY"]
    assert values(doc, "advisor") == ["WALTER P. DUNMORE"]
    assert values(doc, "second-reader") == ["EVANGELINE R. TASKER"]


def test_older_usawc_srp_with_project_adviser_under_the_name():
    doc = read("usawc_srp_older.txt")
    assert doc.work_type == "Report"
    assert values(doc, "title") == ["PARTNERS AT THE GATE: PORT OF ENTRY SECURITY AFTER 2001"]
    assert values(doc, "author") == ["Benedikt A. Soroka"]
    assert values(doc, "advisor") == ["Prudence M. Hallstrom"]  # "Colonel …" / "Project Adviser"
    assert values(doc, "publisher") == ["U.S. Army War College"]  # below the disclaimer, before the address
    assert values(doc, "degree") == ["Master of Strategic Studies"]
    assert any(z.startswith("The views expressed") for z in zone_texts(doc, "front-matter"))


def test_afit_thesis_without_by_line():
    doc = read("afit_thesis.txt")
    assert doc.work_type == "Thesis"
    assert values(doc, "title") == ["CROSSING TIMES: A QUEUEING MODEL OF CARGO INSPECTION AT LAND PORTS"]
    assert values(doc, "author") == ["Lorenzo V. Whitcombe"]  # "NAME, RANK, SERVICE" with an initial
    assert (values(doc, "rank"), values(doc, "author-affiliation")) == (["Captain"], ["USAF"])
    assert values(doc, "report-number") == ["AFIT/GOR/ENS/09-11"]
    assert values(doc, "degree") == ["Master of Science in Operations Research"]
    # schools, not the service department or the command above them
    assert values(doc, "degree-grantor") == ["AIR UNIVERSITY", "AIR FORCE INSTITUTE OF TECHNOLOGY",
                                             "Graduate School of Engineering and Management"]
    assert values(doc, "department") == ["Department of Operational Sciences"]
    assert values(doc, "date") == ["March 2009"]


def test_marine_corps_command_and_staff_college_paper():
    doc = read("mcu_csc_paper.txt")
    assert doc.work_type == "Thesis"  # submitted for the degree of Master of Military Studies
    assert values(doc, "title") == ["LINES IN THE SAND: LOGISTICS FOR BORDER SUPPORT MISSIONS"]
    assert values(doc, "author") == ["Fiona R. Kettleborough"]  # "AUTHOR:" on the line above
    assert (values(doc, "rank"), values(doc, "author-affiliation")) == (["Major"], ["USMC"])
    assert values(doc, "advisor") == ["Augustin P. Velasco"]  # "Mentor and Oral Defense Committee Member:"
    assert values(doc, "degree-grantor") == ["Command and Staff College", "Marine Corps University"]
    assert values(doc, "degree") == ["MASTER OF MILITARY STUDIES"]
    assert values(doc, "date") == ["2010"]  # "AY 2010-11"
