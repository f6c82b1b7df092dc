"""Thesis reader: front matter, SF298, outline, acronyms, tables and figures.

Runs on the two corpus theses (one per converter dialect) and on small
synthetic fixtures under tests/data/thesis/ with other names, titles and
dates, so that nothing passes by being keyed to the corpus.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from usmxkg.document import Document, Section, Span
from usmxkg.readers import outline, sf298, tables, thesis_front
from usmxkg.readers.normalise import normalise
from usmxkg.readers.outline import heading_key

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "data" / "sources"
FIXTURES = ROOT / "tests" / "data" / "thesis"
THESIS_2014 = SOURCES / "001_10adcb2b2745c86e.txt"
THESIS_2010 = SOURCES / "002_ba9524b34b5913fc.txt"


def make_doc(raw: str, name: str = "test") -> Document:
    return Document("test", name, "thesis", text=normalise(raw).text)


def box(doc: Document, name: str) -> list[str]:
    """Values of one box of the document's Report Documentation Page, as the form reader keeps them."""
    form = sf298.read_form(doc, outline.split_lines(doc.text))
    return [span.text for span in form.values.get(name, [])] if form else []


def read_structure(raw: str) -> tuple[Document, thesis_front.FrontMatter, outline.Outline]:
    """The reader's own steps, in thesis.read's order (footnotes and references are tested elsewhere)."""
    doc = make_doc(raw)
    lines = outline.split_lines(doc.text)
    front = thesis_front.read_front(doc, lines)
    toc = outline.read_outline(doc, lines, front.end)
    excluded = [*front.blocks, *([toc.block] if toc.block else [])]
    tables.read_tables(doc, lines, front.tables, excluded)
    tables.read_figures(doc, lines, front.figures, excluded)
    return doc, front, toc


@pytest.fixture(scope="module")
def t2014() -> tuple[Document, thesis_front.FrontMatter, outline.Outline]:
    return read_structure(THESIS_2014.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def t2010() -> tuple[Document, thesis_front.FrontMatter, outline.Outline]:
    return read_structure(THESIS_2010.read_text(encoding="utf-8"))


def values(doc: Document, name: str) -> list[str]:
    """Field values with line breaks folded, as a reader of the title page would say them."""
    return [" ".join(s.text.split()) for s in doc.fields.get(name, [])]


def all_spans(doc: Document) -> list[Span]:
    spans = [s for vs in doc.fields.values() for s in vs]
    for root in doc.sections:
        for section in root.walk():
            spans += [section.title, section.body]
    for acronym in doc.acronyms:
        spans += [acronym.short, acronym.long]
    for table in doc.tables:
        spans += [cell for row in table.rows for cell in row]
        spans += [table.caption] if table.caption else []
    spans += [figure.caption for figure in doc.figures]
    return spans


def flat(sections: list[Section], depth: int = 1) -> list[tuple[int, str, str]]:
    """(depth in the tree, number, title key) of every section in document order."""
    out: list[tuple[int, str, str]] = []
    for section in sections:
        out.append((depth, section.number, heading_key(section.title.text)))
        out.extend(flat(section.children, depth + 1))
    return out


def level_counts(doc: Document) -> dict[int, int]:
    counts: dict[int, int] = {}
    for root in doc.sections:
        for section in root.walk():
            counts[section.level] = counts.get(section.level, 0) + 1
    return counts


def raw_acronym_rows(raw: str) -> list[str]:
    """Short forms counted straight from the raw list (markup and page furniture skipped)."""
    lines = raw.splitlines()
    start = next(i for i, line in enumerate(lines) if "LIST OF ACRONYMS AND ABBREVIATIONS" in line)
    shorts: list[str] = []
    for line in lines[start + 1 :]:
        text = re.sub(r"</?\w+>|\*", "", line).strip()
        if not text or text.startswith("---") or text == "THIS PAGE INTENTIONALLY LEFT BLANK":
            continue
        if "\t" not in text:
            break
        shorts.append(text.split("\t")[0].strip())
    return shorts


# --------------------------------------------------------------------------- corpus: 2014 dialect


def test_2014_title_page_and_approval_page(t2014):
    doc, _, _ = t2014
    assert values(doc, "title") == [
        "BUILDING TRUST: THE CHALLENGE OF BUILDING PARTNERSHIP CAPACITY IN U.S.-MEXICO MILITARY RELATIONS"
    ]
    assert doc.first("title").text.count("\n") == 2  # one span over the wrapped title lines
    assert values(doc, "author") == ["Oscar R. Martinez"]
    assert values(doc, "date") == ["March 2014"]
    assert values(doc, "advisor") == ["Rodrigo Nieto-Gomez"]
    assert values(doc, "second-reader") == ["Mark T. Berger"]
    assert values(doc, "chair") == ["Mohammed Hafez"]
    assert values(doc, "department") == ["Department of National Security Affairs"]
    assert values(doc, "rank") == ["Major"]  # the rank line's service is the author's affiliation
    assert values(doc, "author-affiliation") == ["United States Air Force"]
    assert values(doc, "prior-degree") == ["B.S., Wayland Baptist University, 2001"]
    assert values(doc, "degree") == ["MASTER OF ARTS IN SECURITY STUDIES (WESTERN HEMISPHERE)"]
    assert values(doc, "degree-grantor") == ["NAVAL POSTGRADUATE SCHOOL"]
    assert values(doc, "abstract")[0].startswith("This thesis focuses on the following questions.")


def test_2014_sf298(t2014):
    doc, _, _ = t2014
    assert values(doc, "report-date") == ["March 2014"]
    assert values(doc, "report-type") == ["Master's Thesis"]
    assert box(doc, "title") == values(doc, "title")
    assert box(doc, "author") == ["Oscar R. Martinez"]
    assert values(doc, "performing-organization") == ["Naval Postgraduate School"]  # the address is dropped
    assert "sponsoring-agency" not in doc.fields  # "N/A" is no value
    assert values(doc, "distribution") == ["Approved for public release; distribution is unlimited"]
    assert box(doc, "distribution-code") == ["A"]
    assert values(doc, "page-count") == ["105"]
    subjects = values(doc, "subject")
    assert len(subjects) == 19
    assert subjects[:3] == ["Building partnership capacity", "trust-building", "U.S. military relations"]
    assert subjects[-1] == "Felipe Calderon"
    assert box(doc, "classification-report") == ["Unclassified"]
    assert box(doc, "classification-page") == ["Unclassified"]
    assert box(doc, "classification-abstract") == ["Unclassified"]
    assert box(doc, "limitation") == ["UU"]
    assert box(doc, "supplementary-notes")[0].startswith("The views expressed in this thesis")


def test_2014_acronyms_every_row():
    raw = THESIS_2014.read_text(encoding="utf-8")
    doc, _, _ = read_structure(raw)
    shorts = raw_acronym_rows(raw)
    assert len(shorts) == 28
    assert [a.short.text for a in doc.acronyms] == shorts
    pairs = {(a.short.text, a.long.text) for a in doc.acronyms}
    assert ("SEDENA", "Secretaria de Defensa Nacional") in pairs
    assert ("BPC", "building partnership capacity") in pairs
    assert ("WHINSEC", "Western Hemisphere Institute for Security Cooperation") in pairs


def test_2014_outline_equals_toc(t2014):
    doc, _, toc = t2014
    assert len(toc.entries) == 46
    expected = [(e.level, e.number, heading_key(e.title.text)) for e in toc.entries]
    assert flat(doc.sections) == expected
    assert level_counts(doc) == {1: 8, 2: 16, 3: 19, 4: 3}
    assert [s.number for s in doc.sections[:4]] == ["I", "II", "III", "IV"]
    assert [s.title.text for s in doc.sections[4:]] == [
        "APPENDIX A. SEDENA ORGANIZATIONAL CHART",
        "APPENDIX B. SEMAR ORGANIZATIONAL CHART",
        "LIST OF REFERENCES",
        "INITIAL DISTRIBUTION LIST",
    ]
    recommendations = doc.sections[3].children[0].children[1]
    assert recommendations.title.text == "Policy Recommendations"
    assert [c.number for c in recommendations.children] == ["a", "b", "c"]


def test_2014_headings_are_body_lines_after_toc(t2014):
    doc, _, toc = t2014
    assert toc.block is not None
    previous = toc.block[1]
    for root in doc.sections:
        for section in root.walk():
            assert section.body.start >= previous  # in order, never a TOC line
            previous = section.body.start
            assert section.body.text.startswith(f"{section.number}. " if section.number else "")
            assert section.title.start >= section.body.start
            for child in section.children:
                assert section.body.start < child.body.start and child.body.end <= section.body.end
    assert not any(s.title.text.startswith("break the power") for r in doc.sections for s in r.walk())
    chapter_one, chapter_two = doc.sections[0], doc.sections[1]
    assert chapter_one.body.end < chapter_two.body.start
    assert doc.sections[-1].body.end == len(doc.text.rstrip())


def test_2014_tables(t2014):
    doc, front, _ = t2014
    assert [e.label for e in front.tables] == ["Table 1", "Table 2"]
    assert [t.label for t in doc.tables] == ["Table 1", "Table 2"]
    merida, imet = doc.tables
    assert merida.caption is not None
    assert (
        merida.caption.text == "FY08–FY14 Mérida Funding for Mexico by Aid Account and Appropriations Measure"
    )
    assert len(merida.rows) == 6
    assert [c.text for c in merida.rows[0]] == ["Account", "($ in millions)"]
    header = [c.text for c in merida.rows[1]]
    assert header[0] == "" and len(header) == 11
    assert header[1] == "FY2008 Supp. (P.L. 110- 252)"
    assert header[-2:] == ["FY2013 Request", "FY2014 Request"]
    assert [row[0].text for row in merida.rows[2:]] == ["ESF", "INCLE", "FMF", "Total"]
    assert all(len(row) == 11 for row in merida.rows[1:])
    assert merida.rows[2][4].text == "15.0ᵃ"  # footnote mark kept in the cell
    assert merida.rows[4][7].text == "Not applicableᵇ"
    assert merida.rows[5][8].text == "1,930.1"
    assert imet.caption is not None
    assert imet.caption.text == "International Military Education & Training Assistance to Mexico"
    assert len(imet.rows) == 7
    assert imet.rows[0][0].text == "Fiscal Year" and len(imet.rows[0]) == 6
    assert [row[0].text for row in imet.rows[1:]] == ["FY08", "FY09", "FY10", "FY11", "FY12", "Totals"]
    assert imet.rows[1][1].text == "$4,565,466"
    assert imet.rows[-1][-1].text == "35.9%"


def test_2014_figures_match_list_of_figures(t2014):
    doc, front, _ = t2014
    assert len(front.figures) == 18
    assert len(doc.figures) == len(front.figures)
    assert [f.label for f in doc.figures] == [e.label for e in front.figures]
    for figure, entry in zip(doc.figures, front.figures, strict=True):
        assert heading_key(figure.caption.text) == heading_key(entry.title.text)
        assert figure.caption.start > entry.title.start  # the caption, not the list line
    assert doc.figures[0].caption.text == "Militarization in Mexico (Number of Civilians per Soldier)"


# --------------------------------------------------------------------------- corpus: 2010 dialect


def test_2010_title_page_skips_repository_cover(t2010):
    doc, _, _ = t2010
    # the report documentation page's mixed-case title comes first, the title page's capitals after it
    assert values(doc, "title") == ["The U.S. and Mexico: Trading Partners, Reluctant Military Allies",
                                    "THE U.S. AND MEXICO: TRADING PARTNERS, RELUCTANT MILITARY ALLIES"]
    assert values(doc, "author") == ["Rafael H. Garza, Jr."]
    assert values(doc, "date") == ["March 2010"]
    assert values(doc, "advisor") == ["Arturo C. Sotomayor Velazquez"]
    assert values(doc, "second-reader") == ["Harold A. Trinkunas"]
    assert values(doc, "chair") == ["Harold A. Trinkunas"]
    assert values(doc, "department") == ["Department of National Security Affairs"]
    assert values(doc, "rank") == ["Major"]
    assert values(doc, "author-affiliation") == ["United States Air Force"]
    assert values(doc, "repository") == ["Calhoun"]
    assert all(doc.in_zone(s.start, s.end, frozenset({"furniture"})) for s in doc.fields["repository"])
    assert values(doc, "prior-degree") == ["B.S., Southern Illinois University at Carbondale, 1998"]
    assert values(doc, "degree") == ["MASTER OF ARTS IN SECURITY STUDIES (WESTERN HEMISPHERE)"]
    assert values(doc, "abstract")[0].startswith(
        "The United States (U.S.) and Mexico are more than neighbors"
    )


def test_2010_sf298(t2010):
    doc, _, _ = t2010
    assert values(doc, "report-date") == ["March 2010"]
    assert box(doc, "title") == ["The U.S. and Mexico: Trading Partners, Reluctant Military Allies"]
    assert values(doc, "page-count") == ["69"]
    assert values(doc, "subject") == [
        "U.S.-Mexico Relations",
        "Civilian Control",
        "Civil-Military Relations",
        "International Relations Theory",
        "Bilateral Affairs",
        "Military Cooperation",
    ]
    assert not box(doc, "distribution-code")  # the box is empty
    assert box(doc, "limitation") == ["UU"]


def test_2010_acronyms_every_row():
    raw = THESIS_2010.read_text(encoding="utf-8")
    doc, _, _ = read_structure(raw)
    shorts = raw_acronym_rows(raw)
    assert len(shorts) == 16
    assert [a.short.text for a in doc.acronyms] == shorts
    pairs = {(a.short.text, a.long.text) for a in doc.acronyms}
    assert ("D.E.A.", "Drug Enforcement Agency") in pairs
    assert ("U.S.", "United States") in pairs


def test_2010_outline_equals_toc(t2010):
    doc, _, toc = t2010
    assert len(toc.entries) == 21
    assert flat(doc.sections) == [(e.level, e.number, heading_key(e.title.text)) for e in toc.entries]
    assert level_counts(doc) == {1: 6, 2: 13, 3: 2}
    chapter_three = doc.sections[2]
    assert chapter_three.title.text == (
        "CIVIL-MILITARY RELATIONS AND ITS EFFECTS ON UNITED STATES (U.S.)-MEXICO MILITARY RELATIONS"
    )
    assert [c.title.text for c in chapter_three.children] == [
        "SEGREGATED DEFENSE POLICY",
        "AUTONOMY AND DOCTRINE",
        "MISSION AND ORIENTATION",
    ]
    assert [s.title.text for s in doc.sections[4:]] == ["LIST OF REFERENCES", "INITIAL DISTRIBUTION LIST"]


def test_2010_has_no_tables_or_figures(t2010):
    doc, front, _ = t2010
    assert doc.tables == [] and doc.figures == []
    assert front.tables == [] and front.figures == []


@pytest.mark.parametrize("path", [THESIS_2014, THESIS_2010], ids=["2014", "2010"])
def test_corpus_spans_exact_and_no_warnings(path):
    doc, _, _ = read_structure(path.read_text(encoding="utf-8"))
    spans = all_spans(doc)
    assert len(spans) > 90  # fields, sections, acronyms: the check below must not pass vacuously
    for span in spans:
        assert doc.text[span.start : span.end] == span.text
    assert doc.warnings == []


# --------------------------------------------------------------------------- synthetic fixtures


def test_unicode_fixture_front_matter():
    doc, front, _ = read_structure((FIXTURES / "unicode_2016.txt").read_text(encoding="utf-8"))
    assert values(doc, "title") == [
        "WATERS IN COMMON: BINATIONAL MANAGEMENT OF THE RIO GRANDE BASIN AND BORDER SECURITY"
    ]
    assert values(doc, "author") == ["Elena M. Vargas"]
    assert values(doc, "date") == ["December 2016"]
    assert values(doc, "advisor") == ["Tomas J. Whitfield", "Ana L. Brennan"]  # plural label takes two names
    assert values(doc, "second-reader") == ["Gregory P. Osei"]
    assert values(doc, "chair") == ["Lucia R. Montalvo"]
    assert values(doc, "department") == ["Department of Defense Analysis"]
    assert values(doc, "rank") == ["Lieutenant Commander"]
    assert values(doc, "author-affiliation") == ["United States Navy"]
    assert values(doc, "prior-degree") == [
        "B.A., University of Texas at El Paso, 2006",
        "M.P.A., Texas A&M University, 2011",
    ]
    assert values(doc, "degree") == ["MASTER OF SCIENCE IN DEFENSE ANALYSIS"]
    assert values(doc, "report-date") == ["December 2016"]
    assert values(doc, "page-count") == ["57"]
    assert values(doc, "subject") == [
        "water security",
        "Rio Grande",
        "International Boundary and Water Commission",
        "IBWC",
        "border security",
        "binational cooperation",
    ]
    assert not box(doc, "distribution-code")
    assert [(a.short.text, a.long.text) for a in doc.acronyms][-2:] == [
        ("MAF", "million acre-feet"),
        ("U.S.", "United States"),
    ]
    assert len(doc.acronyms) == 5
    assert values(doc, "abstract") == [
        "The Rio Grande is both a shared resource and a security frontier. This thesis asks how water "
        "treaties shape cooperation between border agencies. It finds that technical commissions build "
        "habits of trust that security agencies later borrow."
    ]
    assert [e.label for e in front.figures] == ["Figure 1", "Figure 2"]
    assert doc.warnings == []


def test_unicode_fixture_outline_with_wrapped_title():
    doc, _, toc = read_structure((FIXTURES / "unicode_2016.txt").read_text(encoding="utf-8"))
    assert flat(doc.sections) == [(e.level, e.number, heading_key(e.title.text)) for e in toc.entries]
    assert [(e.level, e.number) for e in toc.entries][:6] == [
        (1, "I"),
        (2, "A"),
        (2, "B"),
        (1, "II"),
        (2, "A"),
        (3, "1"),
    ]
    wrapped = doc.sections[1]
    assert wrapped.title.text == "THE LONG AND WINDING ROAD OF BILATERAL COOPERATION IN THE\nBORDER REGION"
    treaty = wrapped.children[0].children[0]
    assert treaty.title.text == "The 1944 Water Treaty"
    assert [(c.number, c.title.text) for c in treaty.children] == [
        ("a", "Delivery Cycles"),
        ("b", "Drought Provisions"),
    ]
    titles = [s.title.text for r in doc.sections for s in r.walk()]
    assert "Deliveries are uneven." not in titles and not any(t.startswith("treaties") for t in titles)


def test_unicode_fixture_table_caption_above_and_figures():
    doc, _, _ = read_structure((FIXTURES / "unicode_2016.txt").read_text(encoding="utf-8"))
    (table,) = doc.tables
    assert table.label == "Table 1"
    assert table.caption is not None and table.caption.text == "Deliveries under the 1944 Treaty by Cycle"
    assert [[c.text for c in row] for row in table.rows] == [
        ["Cycle", "Years", "Delivered (MAF)", "Shortfall (MAF)"],
        ["25", "1992–1997", "1.0ᵃ", "1.0"],
        ["26", "1997–2002", "1.5", "0.5"],
        ["27", "2002–2007", "2.0", "0.0"],
    ]
    assert [(f.label, f.caption.text) for f in doc.figures] == [
        ("Figure 1", "The Rio Grande Basin"),
        ("Figure 2", "Water Deliveries by Cycle"),
    ]


def test_markdown_fixture():
    doc, front, toc = read_structure((FIXTURES / "markdown_2012.txt").read_text(encoding="utf-8"))
    assert values(doc, "title") == ["Arms, Aid, and Autonomy: U.S. Security Assistance to Mexico after NAFTA",
                                    "ARMS, AID, AND AUTONOMY: U.S. SECURITY ASSISTANCE TO MEXICO AFTER NAFTA"]
    assert values(doc, "author") == ["Daniel K. Okafor"]
    assert values(doc, "date") == ["June 2012"]
    assert values(doc, "advisor") == ["Maria T. Calderwood"]
    assert values(doc, "second-reader") == ["James R. Holloway"]
    assert values(doc, "chair") == ["Samuel W. Pryce"]
    assert values(doc, "rank") == ["Captain"]
    assert values(doc, "author-affiliation") == ["United States Marine Corps"]
    assert values(doc, "degree") == ["MASTER OF ARTS IN SECURITY STUDIES (STABILIZATION AND RECONSTRUCTION)"]
    assert box(doc, "distribution-code") == ["A"]
    assert values(doc, "page-count") == ["83"]
    assert values(doc, "subject") == [
        "Security Assistance",
        "Foreign Military Sales",
        "Mexico",
        "Autonomy",
        "NAFTA",
    ]
    # Markdown heading depth disagrees with the outline; the TOC decides.
    assert flat(doc.sections) == [(e.level, e.number, heading_key(e.title.text)) for e in toc.entries]
    assert level_counts(doc) == {1: 5, 2: 5, 3: 2}
    assert [c.title.text for c in doc.sections[1].children[0].children] == [
        "Arms Transfers",
        "Training and Education",
    ]
    (table,) = doc.tables
    assert (
        table.caption is not None and table.caption.text == "Foreign Military Sales to Mexico, FY2008–FY2011"
    )
    assert [c.text for c in table.rows[0]] == [
        "Fiscal Year",
        "FMS Agreements ($ millions)",
        "Deliveries ($ millions)",
    ]
    assert table.rows[1][2].text == "9.8ᵃ"
    assert len(table.rows) == 5
    assert front.figures == []
    assert [(f.label, f.caption.text) for f in doc.figures] == [
        ("Figure 1", "Arms Transfers by Service, FY2011")
    ]
    assert [a.short.text for a in doc.acronyms] == ["FMS", "IMET", "SEDENA"]
    assert doc.warnings == []


def test_title_page_only_does_not_raise():
    doc, _, toc = read_structure((FIXTURES / "title_page_only.txt").read_text(encoding="utf-8"))
    assert values(doc, "title") == ["COAST GUARD COOPERATION IN THE GULF OF MEXICO"]
    assert values(doc, "author") == ["Priya N. Castellanos"]
    assert values(doc, "date") == ["September 2019"]
    assert values(doc, "advisor") == ["Howard B. Lindqvist"]  # "Label: Name" on one line
    assert values(doc, "second-reader") == ["Renata Solis-Duarte"]
    assert toc.entries == [] and doc.sections == [] and doc.tables == [] and doc.figures == []
    assert any("SF298" in w for w in doc.warnings)
    assert any("table of contents" in w for w in doc.warnings)


def test_no_toc_outline_from_numbered_headings():
    doc, _, toc = read_structure((FIXTURES / "no_toc.txt").read_text(encoding="utf-8"))
    assert toc.entries == []
    assert values(doc, "author") == ["Marcus T. Ibarra", "Hannah J. Leclerc"]
    assert values(doc, "title") == ["CARTELS AND CORRIDORS: A NETWORK VIEW OF BORDER VIOLENCE"]
    assert [(d, n, s) for d, n, s in flat(doc.sections)] == [
        (1, "I", "introduction"),
        (2, "A", "researchquestion"),
        (2, "B", "dataandmethods"),
        (3, "1", "seizurerecords"),
        (3, "2", "networkmeasures"),
        (1, "II", "findings"),
        (2, "A", "persistence"),
        (1, "III", "conclusion"),
        (1, "", "listofreferences"),
        (1, "", "initialdistributionlist"),
    ]
    assert any("no table of contents" in w for w in doc.warnings)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n",
        "by",
        "THESIS\n\nby\n",
        "TABLE OF CONTENTS\n",
        "REPORT DOCUMENTATION PAGE\n2. REPORT DATE",
        "Approved by:\nThesis Advisor\n",
        "Submitted in partial fulfillment of the\nrequirements for the degree of\n",
        "LIST OF ACRONYMS AND ABBREVIATIONS\n\nX\t\n",
        "Table 1. Caption without rows\n",
        "a\tb\nc\td\n",
        "LIST OF FIGURES\n\nFigure 1.\tListed but absent\t3\n",
        "I. ONE\n\nA. Two\n\n1. Three\n\na. Four\n\nV. Five",
    ],
    ids=lambda t: repr(t[:20]),
)
def test_fragments_do_not_raise(text):
    doc, _, _ = read_structure(text)
    for span in all_spans(doc):
        assert doc.text[span.start : span.end] == span.text


def test_fragment_warnings():
    doc, _, _ = read_structure("LIST OF FIGURES\n\nFigure 1.\tListed but absent\t3\n")
    assert any("Figure 1" in w and "no caption" in w for w in doc.warnings)
    doc, _, _ = read_structure("Some text.\n\nTable 3. A caption without rows\n\nMore text.\n")
    assert any("Table 3" in w for w in doc.warnings)
    assert doc.tables[0].rows == []


def test_thesis_read_runs_every_step():
    from usmxkg.readers import thesis

    doc = make_doc(THESIS_2014.read_text(encoding="utf-8"))
    thesis.read(doc)
    assert values(doc, "author") == ["Oscar R. Martinez"]
    assert len(doc.sections) == 8 and len(doc.tables) == 2 and len(doc.figures) == 18
    assert len(doc.acronyms) == 28
    assert not any(w.startswith("thesis:") for w in doc.warnings)
    for span in all_spans(doc):
        assert doc.text[span.start : span.end] == span.text


def test_approval_page_variants():
    doc, _, _ = read_structure((FIXTURES / "approval_only.txt").read_text(encoding="utf-8"))
    assert values(doc, "title") == ["TITLE HERE"]
    assert values(doc, "author") == ["Jane Q. Public"]
    assert values(doc, "rank") == ["Civilian"]
    assert values(doc, "author-affiliation") == ["Department of the Navy"]
    assert values(doc, "degree") == [
        "MASTER OF SCIENCE IN APPLIED PHYSICS",
        "MASTER OF SCIENCE IN SPACE SYSTEMS",
    ]
    assert values(doc, "degree-grantor") == ["NAVAL POSTGRADUATE SCHOOL"]
    assert values(doc, "date") == ["June 2011"]
    assert values(doc, "advisor") == ["John Roe"]
    assert values(doc, "second-reader") == ["Ann Doe"]
    assert values(doc, "chair") == ["Rick Poe"]
    assert values(doc, "department") == ["Department of Physics and Space"]
    # without a cover page the inner title page is the title page: no warning, same values
    assert not any("title page" in w for w in doc.warnings)
