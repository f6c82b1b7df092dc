"""Citations from notes and lists of references: corpus theses, a Chicago-style fixture, unit cases."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from usmxkg.document import Document
from usmxkg.extract.citations import (
    KINDS,
    Citation,
    Work,
    extract_citations,
    parse_entry,
    parse_note,
    work_key_name,
    work_key_title,
)
from usmxkg.extract.names import family_name
from usmxkg.readers import read_path
from usmxkg.readers.normalise import normalise
from usmxkg.readers.notes import parse_footnotes
from usmxkg.readers.references import parse_references
from usmxkg.vocab import document_iri

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "data" / "sources"
FIXTURE = ROOT / "tests" / "data" / "citations" / "chicago_notes.txt"

THESIS_2014 = SOURCES / "001_10adcb2b2745c86e.txt"
THESIS_2010 = SOURCES / "002_ba9524b34b5913fc.txt"


@cache
def corpus(path: Path) -> Document:
    return read_path(path)


@cache
def fixture() -> Document:
    doc = Document("fixture", str(FIXTURE), "thesis", normalise(FIXTURE.read_text("utf-8")).text)
    parse_footnotes(doc)
    parse_references(doc)
    return doc


@cache
def cited(which: str) -> tuple[Citation, ...]:
    doc = {"2014": corpus(THESIS_2014), "2010": corpus(THESIS_2010), "fixture": fixture()}[which]
    return tuple(extract_citations(doc))


def notes(which: str, number: int) -> list[Citation]:
    return [c for c in cited(which) if c.origin == "footnote" and c.number == number]


def note(which: str, number: int) -> Citation:
    found = notes(which, number)
    assert len(found) == 1, f"note {number}: {found}"
    return found[0]


def entry(which: str, start: str) -> Citation:
    found = [c for c in cited(which) if c.origin == "reference" and c.evidence.text.startswith(start)]
    assert len(found) == 1, f"entry {start!r}: {found}"
    return found[0]


# --- every document ----------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["2014", "2010", "fixture"])
def test_evidence_spans_exact_and_ordered(which: str) -> None:
    doc = {"2014": corpus(THESIS_2014), "2010": corpus(THESIS_2010), "fixture": fixture()}[which]
    citations = cited(which)
    notes_by_number = {n.number: n.text for n in doc.footnotes}
    references = {r.text for r in doc.references}
    for c in citations:
        assert doc.text[c.evidence.start : c.evidence.end] == c.evidence.text
        assert c.evidence.text == c.evidence.text.strip()
        assert c.origin in {"footnote", "reference"}
        assert c.resolved in {"", "ibid", "short-form"}
        assert c.work.kind in KINDS
        assert c.work.year == "" or (len(c.work.year) == 4 and c.work.year.isdigit())
        if c.origin == "footnote":
            assert c.number is not None
            span = notes_by_number[c.number]
            assert span.start <= c.evidence.start and c.evidence.end <= span.end
        else:
            assert c.number is None and c.resolved == ""
            assert c.evidence in references
    starts = [(c.evidence.start, c.evidence.end) for c in citations]
    assert starts == sorted(starts)


@pytest.mark.parametrize("which", ["2014", "2010", "fixture"])
def test_deterministic_and_pure(which: str) -> None:
    doc = {"2014": corpus(THESIS_2014), "2010": corpus(THESIS_2010), "fixture": fixture()}[which]
    footnotes = [(n.number, n.text) for n in doc.footnotes]
    assert extract_citations(doc) == extract_citations(doc) == list(cited(which))
    assert [(n.number, n.text) for n in doc.footnotes] == footnotes


def test_empty_document() -> None:
    doc = Document("x", "x", "text", "Nothing to cite here.")
    assert extract_citations(doc) == []


# --- corpus: counts ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("which", "footnote", "reference", "ibid", "short", "full", "works", "silent"),
    [
        ("2014", 175, 75, 58, 52, 65, 78, [50]),
        ("2010", 129, 53, 37, 39, 53, 55, [36, 37, 38, 75]),
    ],
)
def test_corpus_counts(which: str, footnote: int, reference: int, ibid: int, short: int, full: int,
                       works: int, silent: list[int]) -> None:
    citations = cited(which)
    origins = Counter(c.origin for c in citations)
    assert origins == {"footnote": footnote, "reference": reference}
    resolved = Counter(c.resolved for c in citations if c.origin == "footnote")
    assert resolved == {"ibid": ibid, "short-form": short, "": full}
    assert len({c.work.key() for c in citations}) == works
    doc = corpus(THESIS_2014 if which == "2014" else THESIS_2010)
    with_citation = {c.number for c in citations if c.origin == "footnote"}
    assert [n.number for n in doc.footnotes if n.number not in with_citation] == silent


def test_corpus_every_reference_entry_is_a_citation() -> None:
    for which, path in (("2014", THESIS_2014), ("2010", THESIS_2010)):
        entries = [c for c in cited(which) if c.origin == "reference"]
        assert [c.evidence for c in entries] == [r.text for r in corpus(path).references]


# --- corpus: parsed fields ---------------------------------------------------------------------


def test_2014_book_with_three_authors() -> None:
    work = note("2014", 2).work
    assert work.authors == ("Agnes Gereben Schaefer", "Benjamin Bahney", "K. Jack Riley")
    assert work.title == "Security in Mexico: Implications for US Policy Options"
    assert (work.place, work.publisher, work.year, work.kind) == ("Santa Monica, CA", "RAND Corporation",
                                                                  "2009", "Report")
    ref = entry("2014", "Schaefer, Agnes Gereben").work
    assert ref.authors == ("Schaefer, Agnes Gereben", "Benjamin Bahney", "K. Jack Riley")
    assert ref.title == "Security in Mexico: Implications for U.S. Policy Options"
    assert ref.key() == work.key()


def test_2014_book_note_and_entry() -> None:
    work = note("2014", 12).work
    assert (work.authors, work.title) == (("Roderic Ai Camp",),
                                          "Generals in the Palacio: The Military in Modern Mexico")
    assert (work.place, work.publisher, work.year, work.kind) == ("New York", "Oxford University Press",
                                                                  "1992", "Book")
    ref = entry("2014", "Camp, Roderic Ai.").work
    assert ref.authors == ("Camp, Roderic Ai",)
    assert (ref.title, ref.publisher, ref.year) == (work.title, work.publisher, work.year)


def test_2014_journal_article() -> None:
    work = note("2014", 3).work
    assert work.authors == ("Craig A. Deare",)
    assert work.title == "U.S.-Mexico Defense Relations: An Incompatible Interface"
    assert (work.container, work.year, work.kind) == ("Strategic Forum", "2009", "JournalArticle")
    kelman = note("2014", 142).work
    assert kelman.container == "International Journal of Intercultural Relations"
    assert (kelman.pages, kelman.url) == ("640", "https://doi.org/10.1016/j.ijintrel.2005.07.011")


def test_2014_chapter_in_edited_book() -> None:
    work = note("2014", 6).work
    assert work.authors == ("Arturo C. Sotomayor",)  # the editors Bow and Santa-Cruz are not authors
    assert work.title == "Militarization in Mexico and its Implications"
    assert work.container == ("The State and Security in Mexico: Transformation and Crisis in Regional "
                              "Perspective")
    assert (work.place, work.publisher, work.year, work.pages, work.kind) == ("New York", "Routledge", "2013",
                                                                              "49", "BookChapter")
    ref = entry("2014", "———. “Militarization").work
    assert ref.authors == ("Sotomayor, Arturo C.",)  # the repeated-author dash resolved
    assert (ref.kind, ref.container) == ("BookChapter", work.container)


def test_2014_web_pages() -> None:
    page = note("2014", 1).work
    assert (page.authors, page.title, page.container) == (("USNORTHCOM",), "About USNORTHCOM", "USNORTHCOM")
    assert (page.url, page.kind) == ("http://www.northcom.mil/AboutUSNORTHCOM.aspx", "WebPage")
    atlas = entry("2014", "“A Comparative Atlas").work
    assert atlas.authors == ()
    assert atlas.title == "A Comparative Atlas of Defence in Latin America and the Caribbean: Mexico"
    assert atlas.container == "Red de Seguridad y Defensa de America Latina"
    assert (atlas.accessed, atlas.url) == ("November 11, 2013",
                                           "http://www.resdal.org/atlas/atlas10-ing-21-mexico.pdf")
    assert note("2014", 135).work.accessed == "September/18, 2013"  # as written
    news = note("2014", 61).work
    assert (news.container, news.kind) == ("Houston Chronicle", "NewsArticle")
    pbs = note("2014", 80).work
    assert (pbs.authors, pbs.title, pbs.container, pbs.year) == ((), "U.S.-Mexican War: Occupation of Mexico",
                                                                 "PBS", "2006")


def test_2014_corporate_authors() -> None:
    dsca = entry("2014", "Defense Security Cooperation Agency.").work
    assert dsca.authors == ("Defense Security Cooperation Agency",)
    assert (dsca.title, dsca.container) == ("Building Partnership Capacity Programs",
                                            "Security Assistance Management Manual")
    lost_dash = entry("2014", ". “International Training.”").work
    assert lost_dash.authors == dsca.authors
    assert note("2014", 119).work.key() == lost_dash.key()
    seelke = entry("2014", "and Kristin M. Finklea.").work
    assert seelke.authors == ("Ribando Seelke, Clare", "Kristin M. Finklea")
    assert seelke.title == "U.S.-Mexican Security Cooperation: The Merida Initiative and Beyond"


def test_2010_fields() -> None:
    burkett = note("2010", 9).work
    assert (burkett.authors, burkett.kind, burkett.publisher, burkett.year, burkett.pages) == (
        ("J. Burkett",), "Thesis", "Naval Postgraduate School", "2005", "4")
    heredia = note("2010", 13).work
    assert (heredia.kind, heredia.publisher, heredia.year) == ("Thesis", "University of Denver", "2006")
    schwab = entry("2010", "Schwab, Stephen I.").work
    assert (schwab.container, schwab.year, schwab.pages) == ("The Journal of Military History", "2002",
                                                            "1115–1140")
    assert (schwab.url, schwab.accessed) == ("http://www.jstore.org/stable/3093266", "February 12, 2009")
    paz = note("2010", 8).work  # a title with commas, not four authors
    assert paz.authors == ("Maria Emilia Paz",)
    assert paz.title == "Strategy, Security, and Spies, Mexico and the U.S. as Allies in World War II"
    census = note("2010", 6).work
    assert (census.authors, census.title, census.accessed) == (("U.S. Census Bureau",), "", "September 2009")
    mission = entry("2010", "International Boundary and Water Commission").work
    assert mission.authors == ("International Boundary and Water Commission",)  # not split at "and"


def test_2010_several_sources_in_one_note() -> None:
    parts = notes("2010", 106)
    assert [c.work.authors[0] for c in parts] == ["Roderic Camp", "Mónica Serrano",
                                                  "Arturo C. Sotomayor Velazquez"]
    assert parts[0].evidence.text.startswith("Roderic Camp, Generals")  # the signal "See" is not evidence
    assert [c.work.kind for c in parts] == ["Book", "JournalArticle", "JournalArticle"]
    desch, deare = notes("2010", 122)  # commentary, then "see …; see also …"
    assert desch.work.authors == ("Michael C. Desch",) and desch.resolved == ""
    assert deare.work.authors == ("Craig A. Deare",) and deare.resolved == "short-form"
    huntington = note("2010", 107)  # commentary, then ". See …"
    assert huntington.evidence.text.startswith("Samuel P. Huntington, The Soldier and The State")


# --- corpus: Ibid. and short forms -------------------------------------------------------------


def test_2014_ibid() -> None:
    deare = note("2014", 3).work
    assert note("2014", 4).resolved == "ibid" and note("2014", 4).work == deare
    ibid_5 = note("2014", 22)
    assert ibid_5.resolved == "ibid" and ibid_5.work.pages == "5" and ibid_5.work.key() == deare.key()
    first, second = notes("2014", 34)  # "Ibid.; “A Comparative Atlas …”"
    assert first.resolved == "ibid" and first.evidence.text == "Ibid."
    assert first.work.authors == ("Jose Francisco Gallardo",)
    assert second.resolved == "" and second.work.title.startswith("A Comparative Atlas")
    assert note("2014", 35).work.authors == ("Jose Francisco Gallardo",)
    assert note("2014", 36).work.pages == "xvi–3"


def test_2014_short_forms() -> None:
    camp = note("2014", 14)
    assert camp.resolved == "short-form"
    assert camp.work == replace(note("2014", 12).work, pages="6")
    deare = note("2014", 21)
    assert deare.resolved == "short-form" and deare.work.pages == "1–2"
    assert deare.work.container == "Strategic Forum"
    schaefer = note("2014", 13)  # "Schaefer, Bahney, and Riley, …" read as three authors
    assert schaefer.resolved == "short-form" and schaefer.work == note("2014", 2).work
    moyano = note("2014", 60)  # "Guevara Moyano, Adapting, Transforming, and Modernizing, 34–35."
    assert moyano.resolved == "short-form" and moyano.work.pages == "34–35"
    assert moyano.work.authors == ("Inigo Guevaro Moyano",)  # the nearest full note (48), typo and all
    assert moyano.work.key() == note("2014", 19).work.key()
    cfr = note("2014", 88)  # a corporate author in the short form, a site in the full note
    assert cfr.resolved == "short-form" and cfr.work.container == "Council on Foreign Relations"
    seelke = note("2014", 112)  # found in the list of references only
    assert seelke.resolved == "short-form" and seelke.work.year == "2014"
    assert seelke.work.authors == ("Ribando Seelke, Clare",)


def test_2010_short_form_with_drifting_subtitle() -> None:
    cope = note("2010", 85)  # "…into the Twentieth Century" against "…into the Twenty-first Century"
    assert cope.resolved == "short-form" and cope.work == replace(note("2010", 15).work, pages="179")


# --- corpus: identity --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("which", "number", "start"),
    [
        ("2014", 12, "Camp, Roderic Ai."),
        ("2014", 3, "Deare, Craig A."),
        ("2014", 2, "Schaefer, Agnes Gereben"),
        ("2014", 9, "Gallardo, Jose Francisco."),
        ("2014", 19, "Guevara Moyano, Inigo. Adapting"),
        ("2014", 72, "Dominguez, Jorge I. The United States"),
        ("2014", 91, "Garza, Rafael H."),
        ("2014", 142, "Kelman, Herbert C."),
        ("2014", 146, "Shaw, Robert B."),
        ("2014", 58, "Human Rights Watch."),
        ("2014", 125, "Defense Security Cooperation Agency."),
        ("2010", 8, "Paz, Maria Emilia."),
        ("2010", 43, "Dominguez, Jorge I., and Rafael"),
        ("2010", 11, "Schwab, Stephen I."),
        ("2010", 118, "Loya, Miguel Ángel Valverde."),
        ("2010", 22, "O. Keohane, Robert"),
    ],
)
def test_note_and_entry_keys_agree(which: str, number: int, start: str) -> None:
    assert notes(which, number)[0].work.key() == entry(which, start).work.key()


@pytest.mark.parametrize(("which", "shared"), [("2014", 58), ("2010", 49)])
def test_most_works_cited_in_notes_are_in_the_list_of_references(which: str, shared: int) -> None:
    in_notes = {c.work.key() for c in cited(which) if c.origin == "footnote"}
    in_list = {c.work.key() for c in cited(which) if c.origin == "reference"}
    assert len(in_notes & in_list) == shared


def test_2014_thesis_cites_the_2010_thesis() -> None:
    target = document_iri("THE U.S. AND MEXICO: TRADING PARTNERS, RELUCTANT MILITARY ALLIES", "Garza")
    garza = [c for c in cited("2014") if c.work.authors and family_name(c.work.authors[0]) == "Garza"]
    assert [(c.origin, c.number, c.resolved) for c in garza] == [
        ("footnote", 91, ""), ("footnote", 92, "ibid"), ("footnote", 95, "short-form"),
        ("footnote", 97, "short-form"), ("reference", None, ""),
    ]
    for c in garza:
        assert c.work.kind == "Thesis"
        assert c.work.publisher == "Naval Postgraduate School"
        assert document_iri(c.work.title, family_name(c.work.authors[0])) == target
    assert garza[-1].work.year == "2010"
    # the cited work is the 2010 thesis as it describes itself
    thesis = corpus(THESIS_2010)
    title, author = thesis.first("title"), thesis.first("author")
    assert title is not None and author is not None
    assert document_iri(title.text, family_name(author.text)) == target
    assert garza[0].work.key() == f"{work_key_title(title.text)}|{work_key_name(author.text)}"


# --- the fixture -------------------------------------------------------------------------------


def test_fixture_readers() -> None:
    doc = fixture()
    assert [n.number for n in doc.footnotes] == list(range(1, 17))
    assert len(doc.references) == 10


def test_fixture_book() -> None:
    work = note("fixture", 1).work
    title = "Border Garrisons: Soldiers and Settlers on the Rio Bravo, 1848–1910"
    assert work == Work(("Elena M. Vargas",), title, "", "Lone Star University Press", "Austin", "2011", "45",
                        "", "", "Book")
    ref = entry("fixture", "Vargas, Elena M.").work
    assert ref.authors == ("Vargas, Elena M.",) and ref.pages == ""
    assert ref.key() == work.key()
    again = entry("fixture", "———. The Long Frontier").work  # repeated-author dash, edition dropped
    assert (again.authors, again.title, again.year) == (("Vargas, Elena M.",), "The Long Frontier", "2014")


def test_fixture_chapter_in_edited_book() -> None:
    work = note("fixture", 2).work
    assert work.authors == ("Tomás R. Iturbide",)
    assert (work.title, work.container, work.publisher, work.year, work.kind) == (
        "Naval Diplomacy in the Gulf", "Sea Power and the Americas", "Harbor Books", "2015", "BookChapter")
    ref = entry("fixture", "Iturbide, Tomás R.").work
    assert (ref.container, ref.pages, ref.place) == ("Sea Power and the Americas", "101–124", "New York")
    assert ref.key() == work.key()
    volume = entry("fixture", "Benson, Laura K.").work  # an edited volume: editors are not authors
    assert (volume.authors, volume.title, volume.kind) == ((), "Sea Power and the Americas", "Book")


def test_fixture_journal_article_and_report() -> None:
    article = note("fixture", 3).work
    assert article.authors == ("Grace H. Whitfield", "Omar J. Castañeda")
    assert (article.container, article.year, article.pages, article.kind) == (
        "Hemispheric Security Review", "2018", "77–95", "JournalArticle")
    listed = entry("fixture", "Whitfield, Grace H.").work
    assert listed.authors == ("Whitfield, Grace H.", "Omar J. Castañeda")
    report = note("fixture", 5).work
    assert report.authors == ("Committee on Border Affairs",)
    assert (report.publisher, report.place, report.kind) == ("Government Printing Office", "Washington, DC",
                                                            "Report")
    assert entry("fixture", "Committee on Border Affairs.").work.key() == report.key()


def test_fixture_web_page_thesis_news() -> None:
    page = note("fixture", 6).work
    assert (page.title, page.url, page.accessed, page.kind) == (
        "Annual Exercise Calendar", "https://example.org/exercise-calendar", "March 3, 2020", "WebPage")
    ref = entry("fixture", "Ministry of Northern Defense.").work
    assert (ref.url, ref.accessed) == (page.url, page.accessed) and ref.key() == page.key()
    thesis = note("fixture", 7).work
    assert (thesis.kind, thesis.publisher, thesis.year, thesis.pages) == (
        "Thesis", "Naval Postgraduate School", "2017", "33")
    assert entry("fixture", "Ochoa, Daniel P.").work.key() == thesis.key()
    news = note("fixture", 13).work
    assert (news.container, news.year, news.kind) == ("Gulf Coast Herald", "2016", "NewsArticle")
    ref = entry("fixture", "Lin, Rebecca.").work
    assert ref.authors == ("Lin, Rebecca",) and ref.key() == news.key()
    assert (ref.title, ref.container, ref.year) == (news.title, news.container, news.year)
    assert ref.kind == news.kind


def test_fixture_ibid_and_short_forms() -> None:
    assert note("fixture", 4).resolved == "ibid"
    assert note("fixture", 4).work == replace(note("fixture", 3).work, pages="80")
    vargas = note("fixture", 8)
    assert vargas.resolved == "short-form" and vargas.work.title.startswith("Border Garrisons: Soldiers")
    assert vargas.work.pages == "52"
    quoted = note("fixture", 9)
    assert quoted.resolved == "short-form" and quoted.work.title == "Joint Exercises and Mutual Trust"
    moreno = note("fixture", 14)  # no full note: the list of references has the work
    assert moreno.resolved == "short-form"
    assert moreno.work.authors == ("Moreno, Julia A.",) and moreno.work.publisher == "Lakeshore Press"
    unknown = note("fixture", 15)  # nothing to resolve to: kept as written
    assert unknown.resolved == ""
    assert unknown.work.authors == ("Hargrove",)
    assert (unknown.work.title, unknown.work.pages) == ("Silent Partners", "14")
    assert note("fixture", 16).resolved == "ibid" and note("fixture", 16).work.title == "Silent Partners"


def test_fixture_commentary_and_several_sources() -> None:
    assert notes("fixture", 10) == []  # commentary
    assert notes("fixture", 11) == []  # Ibid. after a note that cites nothing
    first, second = notes("fixture", 12)
    assert first.evidence.text == "Iturbide, “Naval Diplomacy in the Gulf,” 110"
    assert second.evidence.text == "Ochoa, “Liaison Officers,” 40."
    assert (first.resolved, second.resolved) == ("short-form", "short-form")
    assert first.work.key() == note("fixture", 2).work.key() and first.work.pages == "110"
    assert second.work.kind == "Thesis" and second.work.pages == "40"
    assert note("fixture", 13).resolved == ""  # Ibid. refers to the first source only; here a new work


def test_fixture_every_note_work_is_in_the_list() -> None:
    in_list = {c.work.key() for c in cited("fixture") if c.origin == "reference"}
    missing = {c.work.key() for c in cited("fixture") if c.origin == "footnote"} - in_list
    assert missing == {"silent partners|hargrove"}


# --- strings -----------------------------------------------------------------------------------


def test_parse_note_forms() -> None:
    edited = parse_note("Laura K. Benson and Pedro Salinas, eds., Sea Power and the Americas "
                        "(New York: Harbor Books, 2015), 7.")
    assert edited is not None and edited.authors == () and edited.title == "Sea Power and the Americas"
    et_al = parse_note("Ana Ortega et al., Harbor Security in the Gulf (Veracruz: Puerto Press, 2012), 3.")
    assert et_al is not None and et_al.authors == ("Ana Ortega",)
    diss = parse_note("Mark T. Reyes, “Coastal Radar Networks” (PhD diss., University of Arizona, 2014), 88.")
    assert diss is not None and (diss.kind, diss.publisher, diss.year, diss.pages) == (
        "Thesis", "University of Arizona", "2014", "88")
    modified = parse_note("“About the Joint Staff,” Joint Staff, last modified June 4, 2019, "
                          "https://example.org/about.")
    assert modified is not None
    assert (modified.authors, modified.container, modified.year, modified.url) == (
        (), "Joint Staff", "2019", "https://example.org/about")
    title_years = parse_note("Hale, Intervention: The Gulf Crisis, 1913–1917.")
    assert title_years is not None and title_years.title == "Intervention: The Gulf Crisis, 1913–1917"
    assert title_years.pages == ""
    assert parse_note("Ibid., 12.") is None
    assert parse_note("The author thanks the crew of the cutter for this insight.") is None
    assert parse_note("In 1994, the two navies exchanged liaison officers (see chapter III).") is None


def test_parse_entry_forms() -> None:
    web = parse_entry("“Search and Rescue Agreement.” Arctic Council. Accessed March 3, 2020. "
                      "<https://example.org/sar-agreement>.")
    assert web is not None
    assert (web.authors, web.title, web.container, web.accessed, web.url, web.kind) == (
        (), "Search and Rescue Agreement", "Arctic Council", "March 3, 2020", "https://example.org/sar-agreement",
        "WebPage")
    journal = parse_entry("Lindqvist, Paul R. “Wings over the Barrens.” Polar Record 41, no. 2 (2005): "
                          "113–129.", "Lindqvist, Paul R.")
    assert journal is not None
    assert (journal.container, journal.year, journal.pages) == ("Polar Record", "2005", "113–129")
    book = parse_entry("Sheldon, Mark T. Rescue Coordination in Cold Climates. Boulder, CO: Westview, 2015.",
                       "Sheldon, Mark T.")
    assert book is not None
    assert (book.authors, book.title, book.place, book.publisher, book.year) == (
        ("Sheldon, Mark T.",), "Rescue Coordination in Cold Climates", "Boulder, CO", "Westview", "2015")
    title_first = parse_entry("Harbor Watch Program Overview. Gulf Ports Authority. Accessed May 1, 2019.",
                              "Harbor Watch Program Overview")
    assert title_first is not None
    # a name with an organisation word ("Watch") in the author position stays an author
    assert title_first.authors == ("Harbor Watch Program Overview",)


def test_work_keys() -> None:
    assert work_key_title("The U.S. and Canada") == work_key_title("US and Canada") == "us and canada"
    assert work_key_title("Ships & Sailors") == work_key_title("Ships and Sailors")
    long_subtitle = "Trust on the Water: Building Naval Partnerships in the Gulf"
    assert work_key_title(long_subtitle) == work_key_title("Trust on the Water: Naval Partners in the Gulf")
    short_main = work_key_title("Canada: Background and U.S. Relations")
    assert short_main != work_key_title("Canada: Issues for Congress")
    assert work_key_name("Ortega Ruiz, Ana Lucía") == work_key_name("Ana Lucía Ortega Ruiz") == "ruiz"
    assert work_key_name("Rafael H. Garza, Jr.") == work_key_name("Garza, Rafael H.") == "garza"
    assert Work(("Ana Lucía Ortega Ruiz",), "The Long Frontier").key() == "long frontier|ruiz"
    assert Work((), "The Long Frontier").key() == "long frontier|"
