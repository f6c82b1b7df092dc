"""Catalogue-record readers: DSpace item pages, HSDL abstract pages, DTIC citations, Digital Commons pages.

Fixtures under ``tests/data/records`` were written for the project with
invented names, titles and numbers (see ``tests/data/README.md``). The shared
labelled-field reader, the report-number series and the value conventions are
tested on small inline texts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from usmxkg.document import Document
from usmxkg.readers import read_path
from usmxkg.readers.labelled import Vocabulary, folded, read_record
from usmxkg.readers.record_values import corporate_name, date_span, issuing_body, work_type_of
from usmxkg.readers.series import find_series

RECORDS = Path(__file__).resolve().parent / "data" / "records"


def read(name: str) -> Document:
    return read_path(RECORDS / name)


def texts(doc: Document, name: str) -> list[str]:
    return [span.text for span in doc.fields.get(name, [])]


def words(doc: Document, name: str) -> list[str]:
    """Field values with runs of white space (OCR word gaps) read as one space."""
    return [" ".join(text.split()) for text in texts(doc, name)]


def zones(doc: Document, kind: str = "furniture") -> list[str]:
    return [zone.span.text for zone in doc.zones if zone.kind == kind]


def doc_of(text: str) -> Document:
    return Document("t", "t", "catalog-record", text)


# --- detection ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "kind"), [
    ("dspace7_entities.txt", "catalog-record"),
    ("dspace_handle_glued.txt", "catalog-record"),
    ("dspace_full_record.txt", "catalog-record"),
    ("dspace7_garbled.txt", "catalog-record"),
    ("dspace7_cut.txt", "catalog-record"),
    ("hsdl_lines_thesis.txt", "hsdl-record"),
    ("hsdl_lines_crs.txt", "hsdl-record"),
    ("hsdl_table.txt", "hsdl-record"),
    ("hsdl_run_together.txt", "hsdl-record"),
    ("hsdl_cut.txt", "hsdl-record"),
    ("dtic_citation.txt", "dtic-record"),
    ("dtic_sf298.txt", "dtic-record"),
    ("dtic_one_line.txt", "dtic-record"),
    ("bepress_thesis.txt", "bepress-record"),
    ("bepress_article.txt", "bepress-record"),
])
def test_record_kinds_and_exact_spans(name: str, kind: str) -> None:
    doc = read(name)
    assert doc.kind == kind
    assert doc.record
    assert not any("ambiguous" in w or "structure parse failed" in w for w in doc.warnings)
    for spans in doc.fields.values():
        for span in spans:
            assert doc.text[span.start:span.end] == span.text
    for zone in doc.zones:
        assert doc.text[zone.span.start:zone.span.end] == zone.span.text


# --- DSpace ---------------------------------------------------------------------------------------

def test_dspace7_entities_page() -> None:
    doc = read("dspace7_entities.txt")
    assert texts(doc, "title") == [
        "Riverine interdiction and the Usumacinta corridor: a study of binational patrol coordination"]
    assert texts(doc, "author") == ["Castellanos Ruiz, Marisol", "Pemberton, Derek A."]
    assert texts(doc, "subject") == [
        "Riverine operations", "Usumacinta", "Guatemala", "Organizations", "Secretaría de Marina", "SEMAR"]
    assert texts(doc, "advisor") == ["Holloway, Priscilla N."]
    assert texts(doc, "second-reader") == ["Abernathy, Colin J."]
    assert texts(doc, "date") == ["2021-03", "Mar-21"]
    assert texts(doc, "publisher") == ["Naval Postgraduate School"]
    assert texts(doc, "type") == ["Thesis"] and doc.work_type == "Thesis"
    assert texts(doc, "department") == ["Defense Analysis (DA)"]
    assert texts(doc, "identifier") == ["https://hdl.handle.net/10945/70123"]
    assert texts(doc, "report-number") == ["NPS-DA-21-007"]
    assert texts(doc, "extent") == ["xiv, 93 p."]
    assert texts(doc, "distribution") == ["Approved for public release. Distribution is unlimited."]
    assert texts(doc, "abstract")[0].endswith("shared radio procedures matter more than shared boats.")
    assert "language" not in doc.fields and "sponsoring-agency" not in doc.fields  # blank labels
    assert texts(doc, "rights")[0].endswith("not available for this work in the United States.")
    furniture = zones(doc)
    assert {"Loading...", "Thumbnail Image", "Download", "Show full item record", "Cookie settings",
            "Calhoun: The NPS Institutional Archive", "Home › Theses and Dissertations › View Item",
            "Collections\nTheses and Dissertations"} <= set(furniture)


def test_dspace_publisher_span_is_the_body_after_the_place() -> None:
    doc = read("dspace7_entities.txt")
    (publisher,) = doc.fields["publisher"]
    line_start = doc.text.index("Monterey, California. Naval Postgraduate School")
    assert publisher.start == line_start + len("Monterey, California. ")


def test_dspace_garbled_labels_and_values_that_resemble_labels() -> None:
    doc = read("dspace7_garbled.txt")
    assert words(doc, "title") == ["Lessons from joint disaster drills on the Sonora-Arizona line"]
    assert texts(doc, "author") == ["Brightwater, Samuel K."]  # "Aut hors"
    # "Subjecls" is a label; "Organizations" and "Languages" in the list stay subjects
    assert texts(doc, "subject") == ["Disaster response", "Anny National Guard", "Organizations", "Languages"]
    assert texts(doc, "date")[0] == "2017-12"  # "Date of lssue" goes before "Date"
    assert texts(doc, "department") == ["National Security Affairs (NSA)"]  # "Departrnent"
    assert words(doc, "publisher") == ["Naval Postgraduate School"]  # "Publisher:" with a colon, CALIEORNIA
    assert texts(doc, "type") == ["Tliesis"] and doc.work_type == "Thesis"
    assert "language" not in doc.fields


def test_dspace_handle_page_with_glued_labels_and_related_items() -> None:
    doc = read("dspace_handle_glued.txt")
    assert texts(doc, "author") == ["Okafor, Lionel B."]
    assert texts(doc, "date") == ["2015-06"]  # "2015-06Advisor"
    assert texts(doc, "advisor") == ["Quintero, Alma R.", "Sandoval, Peter"]
    assert texts(doc, "second-reader") == ["Lindqvist, Hanna"]
    assert texts(doc, "abstract")[0].startswith("Port authorities in Veracruz")  # "…recordAbstract"
    assert texts(doc, "rights") == ["Copyright is reserved by the copyright owner."]  # "….Collections"
    assert doc.work_type == "Thesis"  # a second reader, no Type field
    assert "identifier" not in doc.fields  # the handle in the related items is another work's
    related = next(z.span for z in doc.zones if z.span.text.startswith("Related items"))
    assert related.end == len(doc.text)
    assert "Show full item record" in zones(doc)
    everything = " ".join(s.text for spans in doc.fields.values() for s in spans)
    assert "Ferreira" not in everything and "Whitcombe" not in everything


def test_dspace_full_item_record_in_table_cells() -> None:
    doc = read("dspace_full_record.txt")
    assert texts(doc, "title") == ["Cross-border medical evacuation agreements: a comparative study"]
    assert texts(doc, "author") == ["Medina Soto, Ignacio"]
    assert texts(doc, "advisor") == ["Fairbanks, Ruth E."]
    assert texts(doc, "date") == ["2018-06"]
    assert texts(doc, "subject") == ["Medical evacuation", "Border health"]
    assert texts(doc, "publisher") == ["Naval Postgraduate School"]
    assert texts(doc, "identifier") == ["https://hdl.handle.net/10945/59310"]
    assert texts(doc, "distribution") == ["Approved for public release. Distribution is unlimited."]
    assert doc.work_type == "Thesis"


def test_dspace_record_cut_mid_abstract_keeps_what_it_has() -> None:
    doc = read("dspace7_cut.txt")
    assert texts(doc, "abstract") == [
        "This thesis studies how radar data from both sides of the border is shared between air forces. "
        "It argues that a common track picture depends on"]
    assert texts(doc, "author") == ["Vandermeer, Elise P."]
    assert texts(doc, "date") == ["2020-09"]
    assert "catalogue record: the text stops inside the abstract field" in doc.warnings


# --- HSDL -----------------------------------------------------------------------------------------

def test_hsdl_label_lines_thesis() -> None:
    doc = read("hsdl_lines_thesis.txt")
    assert texts(doc, "title") == ["Maritime Border Cooperation Between the United States and Mexico: An Assessment"]
    (abstract,) = texts(doc, "abstract")
    assert abstract.startswith("The Gulf of Mexico is shared") and abstract.endswith("a combined watch center.")
    assert texts(doc, "author") == ["Thornbury, Camille R."]
    assert texts(doc, "publisher") == ["Naval Postgraduate School"]  # without the "(U.S.)" qualifier
    assert texts(doc, "date") == ["2014-09"]
    assert texts(doc, "rights") == ["Public Domain"]  # printed without its label
    assert texts(doc, "repository") == ["Naval Postgraduate School, Dudley Knox Library"]  # URL left out
    assert doc.work_type == "Thesis"  # "From the thesis abstract"
    assert zones(doc) == ["[open pdf - 512KB]", "Help with citations"]


def test_hsdl_crs_report_number_tells_publisher_and_type() -> None:
    doc = read("hsdl_lines_crs.txt")
    assert texts(doc, "title") == ["Central American Border Security: Issues for Congress"]
    assert texts(doc, "date") == ["March 3, 2011"]  # the [Updated …] tag
    assert texts(doc, "report-number") == ["RL34999"]
    (publisher,) = doc.fields["publisher"]
    assert publisher.text == "CRS" and publisher.start == doc.text.index("CRS Report for Congress")
    assert texts(doc, "rights") == ["Public Domain"]
    assert "repository" not in doc.fields  # "Via E-mail"
    assert texts(doc, "abstract")[0].startswith("Since 2008, Congress has funded")
    assert doc.work_type == "Report"


def test_hsdl_table_layout_with_blank_cells() -> None:
    doc = read("hsdl_table.txt")
    assert texts(doc, "title") == ["Border Technology Programs: Better Cost Estimates Needed"]
    assert "author" not in doc.fields and "identifier" not in doc.fields  # "Author: | |", "URL: |"
    assert texts(doc, "publisher") == ["Government Accountability Office"]  # "United States. …"
    assert texts(doc, "repository") == ["Government Accountability Office"]
    assert texts(doc, "report-number") == ["GAO-19-777"]
    assert texts(doc, "date") == ["2019-08-15"]
    assert texts(doc, "rights") == ["Public Domain"]
    assert doc.work_type == "Report"
    assert texts(doc, "abstract")[0].endswith("recommends that the agency revise them.")


def test_hsdl_fields_run_together_on_one_line() -> None:
    doc = read("hsdl_run_together.txt")
    assert texts(doc, "abstract") == ["This In Focus summarises maritime cooperation between the two countries."]
    assert texts(doc, "author") == ["Quill, Roberta M."]
    assert texts(doc, "date") == ["2016-05-02", "May 2, 2016"]  # the Date field before the [Updated] tag
    assert texts(doc, "report-number") == ["IF10999"]
    assert texts(doc, "publisher") == ["Congressional Research Service"]
    assert texts(doc, "repository") == ["Congressional Research Service"]


def test_hsdl_record_cut_inside_the_excerpt() -> None:
    doc = read("hsdl_cut.txt")
    assert texts(doc, "title") == ["Tunnel Detection Along the Southwest Border"]
    assert texts(doc, "abstract") == [
        "Cross-border tunnels have been found from California to Arizona. This thesis compares the sensors "
        "used to find them and argues that"]
    assert "HSDL record: the text stops inside the quoted excerpt" in doc.warnings


# --- DTIC -----------------------------------------------------------------------------------------

def test_dtic_citation_inline_labels() -> None:
    doc = read("dtic_citation.txt")
    assert texts(doc, "title") == ["Civil-Military Coordination in Binational Wildfire Response"]
    assert texts(doc, "identifier") == ["ADA612345", "http://handle.dtic.mil/100.2/ADA612345"]
    assert texts(doc, "report-type") == ["Master's thesis"] and doc.work_type == "Thesis"
    assert texts(doc, "performing-organization") == ["NAVAL POSTGRADUATE SCHOOL"]
    assert texts(doc, "author") == ["Halvorsen, Ingrid T", "Aceves, Rolando"]
    assert texts(doc, "date") == ["Dec 2014"]
    assert texts(doc, "page-count") == ["87"]
    assert texts(doc, "subject") == [
        "WILDFIRES", "CIVIL MILITARY RELATIONS", "MEXICO", "INTERAGENCY COORDINATION", "THESES",
        "Binational agreements", "Fire aviation", "Forestry", "Civil Defense"]
    (abstract,) = texts(doc, "abstract")
    assert abstract.startswith("Wildfires along") and abstract.endswith("proposes a standing agreement.")
    assert texts(doc, "distribution") == ["APPROVED FOR PUBLIC RELEASE"]
    assert zones(doc) == ["DTIC Online", "Citation", "View Full Text"]


def test_dtic_citation_with_report_documentation_page() -> None:
    doc = read("dtic_sf298.txt")
    assert texts(doc, "identifier") == ["AD1098765"]
    assert texts(doc, "title") == ["Counterdrug Radar Sharing in the Caribbean Basin"]
    assert texts(doc, "author") == ["Delacroix, Maurice"]  # the citation's; the form's is a variant left out
    assert texts(doc, "performing-organization")[0] == "ARMY WAR COLL"
    assert texts(doc, "date") == ["2018-06-30"]
    assert texts(doc, "page-count") == ["41"]
    assert texts(doc, "report-date") == ["30-06-2018"]  # from box 2
    assert texts(doc, "abstract")[0].startswith("Radar coverage of the Caribbean basin")  # from box 13
    assert doc.work_type == "Report"  # "Final rept."
    (form,) = zones(doc, "front-matter")
    assert form.startswith("REPORT DOCUMENTATION PAGE")


def test_dtic_citation_without_line_breaks() -> None:
    doc = read("dtic_one_line.txt")
    assert texts(doc, "identifier") == ["ADA598877"]
    assert texts(doc, "title") == ["Logistics Support to Binational Exercises"]
    assert texts(doc, "performing-organization") == ["AIR COMMAND AND STAFF COLL"]
    assert texts(doc, "author") == ["Yarborough, Felicity"]
    assert texts(doc, "date") == ["Apr 2013"]
    assert texts(doc, "subject") == ["LOGISTICS SUPPORT", "MILITARY EXERCISES", "MEXICO"]
    assert texts(doc, "distribution") == ["APPROVED FOR PUBLIC RELEASE"]
    assert doc.work_type == "Report"


# --- bepress Digital Commons ---------------------------------------------------------------------

def test_bepress_thesis_page() -> None:
    doc = read("bepress_thesis.txt")
    assert texts(doc, "title") == ["Binational Emergency Management in Twin Cities of the Rio Grande Valley"]
    assert texts(doc, "author") == ["Lucinda M. Arredondo"]
    assert texts(doc, "author-affiliation") == ["Example State University"]
    assert texts(doc, "date") == ["2019"]  # "Spring 2019"
    assert texts(doc, "type") == ["Thesis"] and doc.work_type == "Thesis"
    assert texts(doc, "degree") == ["Master of Arts (MA)"]
    assert texts(doc, "department") == ["Political Science"]
    assert texts(doc, "advisor") == ["Harold Vick", "Marguerite Oyelaran"]  # without "Dr."
    assert texts(doc, "subject") == [
        "emergency management", "twin cities", "Rio Grande Valley", "binational cooperation"]
    assert texts(doc, "identifier") == ["https://scholarworks.example.edu/etd/1287"]
    assert {"DOWNLOADS", "Since May 14, 2019", "COinS", "ScholarWorks @ Example State University",
            "Home > Graduate School > Theses and Dissertations > 1287"} <= set(zones(doc))
    assert any(z.startswith("Included in\nInternational Relations Commons") for z in zones(doc))


def test_bepress_article_page() -> None:
    doc = read("bepress_article.txt")
    assert texts(doc, "author") == ["Pruitt, Nathaniel J.", "Castro Lemus, Adela"]
    assert texts(doc, "date") == ["2012"]  # "5-2012"
    assert texts(doc, "identifier") == ["10.9999/example.2012.044"]
    assert texts(doc, "subject") == ["policing", "NAFTA", "border"]
    assert doc.work_type == "JournalArticle"


# --- the shared parts ---------------------------------------------------------------------------

VOCAB = Vocabulary(
    {"authors": "author", "subjects": "subject", "date of issue": "date", "organization": "performing-organization",
     "abstract": "abstract", "report number": "report-number"},
    orders=(("authors", "subjects", "date of issue", "abstract", "organization"),),
    glued=True,
)


@pytest.mark.parametrize(("line", "label"), [
    ("Aut hors", "authors"), ("Date of lssue", "date of issue"), ("Subjecls", "subjects"),
    ("Abstracl:", "abstract"), ("Organizations", "organization"),
    ("Authority", None), ("Mexico", None), ("Smith, John", None), ("2019-06", None), ("date of issue", None),
])
def test_garbled_label_matching(line: str, label: str | None) -> None:
    assert VOCAB.garbled(line) == label


def test_a_value_that_resembles_a_label_stays_a_value() -> None:
    doc = doc_of("Title\nAuthors\nLee, Ann\nSubjects\nOrganizations\nTrade\nDate of Issue\n2019\n")
    record = read_record(doc, VOCAB)
    assert [(f.label, [line.text for line in f.lines]) for f in record.fields] == [
        ("authors", ["Lee, Ann"]), ("subjects", ["Organizations", "Trade"]), ("date of issue", ["2019"])]


def test_garbled_label_where_the_order_puts_it() -> None:
    doc = doc_of("Title\nAut hors\nLee, Ann\nSubjecls\nTrade\nDate of Issue\n2019\n")
    record = read_record(doc, VOCAB)
    assert [f.label for f in record.fields] == ["authors", "subjects", "date of issue"]


def test_glued_table_and_blank_labels() -> None:
    doc = doc_of("Title\nAuthors\nLee, Ann\nDate of Issue\n2019-06Abstract\nText.\nReport Number: | |\n")
    record = read_record(doc, VOCAB)
    assert [(f.label, [line.text for line in f.lines]) for f in record.fields] == [
        ("authors", ["Lee, Ann"]), ("date of issue", ["2019-06"]), ("abstract", ["Text."]),
        ("report number", [])]


def test_folded_labels() -> None:
    assert folded("Departrnent") == folded("Department")
    assert folded("Tliesis") == folded("Thesis")
    assert folded("Date of 1ssue") == folded("date of issue")


@pytest.mark.parametrize(("value", "number", "body"), [
    ("CRS Report for Congress, RL31234", "RL31234", "Congressional Research Service"),
    ("CRS In Focus, IF12001", "IF12001", "Congressional Research Service"),
    ("GAO-08-1234", "GAO-08-1234", "Government Accountability Office"),
    ("GAO/NSIAD-96-12", "GAO/NSIAD-96-12", "Government Accountability Office"),
    ("ADA123456", "ADA123456", "Defense Technical Information Center"),
    ("AD-A170 234", "AD-A170 234", "Defense Technical Information Center"),
    ("RAND MG-550-OSD", "MG-550-OSD", "RAND Corporation"),
    ("NPS-GSBPP-07-004", "NPS-GSBPP-07-004", "Naval Postgraduate School"),
])
def test_report_number_series(value: str, number: str, body: str) -> None:
    found = find_series(value, 0, len(value))
    assert found is not None
    assert value[found.start:found.end] == number
    assert found.series.bodies[0] == body


@pytest.mark.parametrize("value", ["R12345", "MG-550", "Thesis 2019", "Approved for public release"])
def test_not_a_known_series(value: str) -> None:
    assert find_series(value, 0, len(value)) is None


@pytest.mark.parametrize(("value", "body"), [
    ("Monterey, California. Naval Postgraduate School", "Naval Postgraduate School"),
    ("Monterey, California: Naval Postgraduate School", "Naval Postgraduate School"),
    ("Washington, D.C.: Congressional Research Service", "Congressional Research Service"),
    ("Cambridge, Mass. : Example University Press", "Example University Press"),
    ("Library of Congress. Congressional Research Service", "Congressional Research Service"),
    ("U.S. Army War College", "U.S. Army War College"),
    ("Naval Postgraduate School, Monterey, California", "Naval Postgraduate School, Monterey, California"),
])
def test_issuing_body(value: str, body: str) -> None:
    assert issuing_body(doc_of(value), 0, len(value)).text == body


@pytest.mark.parametrize(("value", "name"), [
    ("NAVAL POSTGRADUATE SCHOOL MONTEREY CA", "NAVAL POSTGRADUATE SCHOOL"),
    ("ARMY COMMAND AND GENERAL STAFF COLL FORT LEAVENWORTH KS", "ARMY COMMAND AND GENERAL STAFF COLL"),
    ("CONGRESSIONAL RESEARCH SERVICE WASHINGTON DC", "CONGRESSIONAL RESEARCH SERVICE"),
    ("RAND CORP SANTA MONICA CA", "RAND CORP"),
    ("SOUTHERN COMMAND", "SOUTHERN COMMAND"),
])
def test_dtic_corporate_author(value: str, name: str) -> None:
    assert corporate_name(doc_of(value), 0, len(value)).text == name


@pytest.mark.parametrize(("value", "kept"), [
    ("Spring 2015", "2015"), ("5-2012", "2012"), ("12-1-2016", "2016"), ("2016-09", "2016-09"),
    ("July 6, 2009", "July 6, 2009"),
])
def test_date_span(value: str, kept: str) -> None:
    assert date_span(doc_of(value), 0, len(value)).text == kept


@pytest.mark.parametrize(("value", "kind"), [
    ("Thesis", "Thesis"), ("Master's thesis", "Thesis"), ("Tliesis", "Thesis"), ("Final rept.", "Report"),
    ("Article", "JournalArticle"), ("Book chapter", "BookChapter"), ("Strategy Research Project", "Report"),
    ("Image", None),
])
def test_work_type_of(value: str, kind: str | None) -> None:
    assert work_type_of(value) == kind
