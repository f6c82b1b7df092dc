"""Footnotes and lists of references: the two corpus theses and small fixtures in both dialects."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from usmxkg.document import Document, Span
from usmxkg.readers.normalise import normalise
from usmxkg.readers.notes import parse_footnotes, superscript
from usmxkg.readers.references import parse_references

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "data" / "sources"
FIXTURES = ROOT / "tests" / "data" / "notes"

THESIS_2014 = SOURCES / "001_10adcb2b2745c86e.txt"  # Unicode superscripts, some note numbers plain
THESIS_2010 = SOURCES / "002_ba9524b34b5913fc.txt"  # HTML <sup> markers, notes after --- rules

ENTRY_START = re.compile(
    r"^(?:[—―–]{2,}|-{2,}|_{3,})[.,]"  # a repeated-author dash
    r"|^[^\W\d_][\w'’.\-]*(?: [^\W\d_][\w'’.\-]*){0,3}, [A-Z]"  # "Surname, Given"
)
"""How a new work begins; no line after an entry's first may begin like this."""
TERMINAL_END = re.compile(r"[.>)]$")
"""How every entry of the corpus lists ends."""


def make_doc(raw: str) -> Document:
    return Document("test", "path", "thesis", normalise(raw).text)


@cache
def _raw(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def read(path: Path) -> Document:
    doc = make_doc(_raw(path))
    parse_footnotes(doc)
    parse_references(doc)
    return doc


def all_spans(doc: Document) -> list[Span]:
    spans = [r.text for r in doc.references]
    for note in doc.footnotes:
        spans.append(note.text)
        spans.extend(note.markers)
    return spans


def assert_spans_exact(doc: Document) -> None:
    for span in all_spans(doc):
        assert doc.text[span.start:span.end] == span.text


def by_number(doc: Document) -> dict[int, str]:
    return {note.number: note.text.text for note in doc.footnotes}


# --- corpus: footnotes -------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "count"), [(THESIS_2014, 174), (THESIS_2010, 130)])
def test_corpus_numbers_complete(path: Path, count: int) -> None:
    doc = read(path)
    numbers = Counter(note.number for note in doc.footnotes)
    assert sorted(numbers) == list(range(1, count + 1))
    assert set(numbers.values()) == {1}
    assert not [w for w in doc.warnings if "footnote" in w]


@pytest.mark.parametrize("path", [THESIS_2014, THESIS_2010])
def test_corpus_every_note_has_its_superscript_marker(path: Path) -> None:
    doc = read(path)
    for note in doc.footnotes:
        assert note.markers, f"footnote {note.number} has no marker"
        for marker in note.markers:
            assert marker.text == superscript(note.number)
            assert marker.end <= note.text.start  # a marker precedes its note
    positions = [note.markers[0].start for note in doc.footnotes]
    assert positions == sorted(positions)


@pytest.mark.parametrize("path", [THESIS_2014, THESIS_2010])
def test_corpus_spans_exact(path: Path) -> None:
    assert_spans_exact(read(path))


def test_2014_note_texts() -> None:
    doc = read(THESIS_2014)
    notes = by_number(doc)
    assert notes[1].startswith("USNORTHCOM, “About USNORTHCOM,”")
    assert notes[4] == "Ibid."
    assert notes[8] == "Ibid."  # printed "8 Ibid." — the superscript was lost
    assert notes[9].startswith("Jose Francisco Gallardo, Always Near, Always Far")
    assert notes[15] == "Gallardo, Always Near, Always Far: The Armed Forces in Mexico, xv."
    assert notes[133].startswith("“USNORTHCOM Vision,” U.S. Northern Command")
    assert notes[173] == "“A Comparative Atlas of Defence in Latin America and the Caribbean: Mexico.”"
    assert notes[174] == "Ibid."
    for note in doc.footnotes:
        assert not note.text.text[:1].isdigit() and note.text.text[:1] not in "⁰¹²³⁴⁵⁶⁷⁸⁹"
        assert "\n\n" not in note.text.text


def test_2014_marker_positions() -> None:
    doc = read(THESIS_2014)
    marker = {note.number: note.markers[0] for note in doc.footnotes}
    assert doc.text[marker[11].start - len("U.S. officers.") : marker[11].end] == "U.S. officers.¹¹"
    assert doc.text[marker[5].start - 1] == "”"
    assert doc.text[marker[30].start - len("strategy;") : marker[30].start] == "strategy;"


def test_2010_note_texts() -> None:
    doc = read(THESIS_2010)
    notes = by_number(doc)
    assert notes[1].startswith("Fernando Romero, Hyper-Border")
    assert notes[10] == "Ibid."
    assert notes[36].startswith("Bandwagon means states will ally")
    assert notes[130] == 'Deare, "U.S.-Mexico Defense Relations: An Incompatible Interface," 5.'
    marker36 = next(n for n in doc.footnotes if n.number == 36).markers[0]
    assert doc.text[marker36.start - len("bandwagoning") : marker36.end] == "bandwagoning³⁶"


def test_ordinals_are_not_markers() -> None:
    doc = read(THESIS_2010)
    ordinal = doc.text.index("19ᵗʰ century")
    assert all(not (m.start <= ordinal < m.end) for n in doc.footnotes for m in n.markers)


# --- corpus: references ------------------------------------------------------------------------


def test_2014_references() -> None:
    doc = read(THESIS_2014)
    refs = doc.references
    assert len(refs) >= 70
    assert refs[0].text.text.startswith("“About IADC—Overview.” Inter-American Defense College.")
    assert refs[0].author == ""
    assert refs[-1].text.text.startswith("Weintraub, Sidney. Unequal Partners")
    assert refs[-1].text.text.endswith("Pittsburgh, PA: University of Pittsburgh Press, 2010.")
    assert refs[-1].author == "Weintraub, Sidney"
    authors = {r.text.text[:60]: r.author for r in refs}
    assert authors[next(k for k in authors if k.startswith("Camp, Roderic Ai."))] == "Camp, Roderic Ai"
    repeats = [(r.text.text, r.author) for r in refs if r.text.text.startswith("———.")]
    assert [a for _, a in repeats] == [
        "Guevara Moyano, Inigo",
        "Lloyd, Marion",
        "Secretaria de la Defensa Nacional",
        "Secretaria de la Defensa Nacional",
        "Secretaria de la Defensa Nacional",
        "Sotomayor, Arturo C.",
    ]
    # the dashes were lost in conversion: "- . “International Training.”"
    lost = [r for r in refs if r.text.text.startswith(". ")]
    assert {r.author for r in lost} >= {"Defense Security Cooperation Agency"}
    finklea = next(r for r in refs if r.text.text.startswith("and Kristin M. Finklea."))
    assert finklea.author == "Ribando Seelke, Clare, and Kristin M. Finklea"
    wrapped = next(r for r in refs if r.text.text.startswith("“GDP Ranking.”"))
    assert wrapped.text.text.endswith("<http://databank.worldbank.org/data/download/GDP.pdf>.")


def test_2010_references() -> None:
    doc = read(THESIS_2010)
    refs = doc.references
    assert len(refs) >= 50
    assert refs[0].text.text.startswith("Baldwin, David A. Neoliberalism, Neorealism, and World Politics.")
    assert refs[0].author == "Baldwin, David A."
    assert refs[-1].text.text == (
        "Walt, Stephen M. The Origins of Alliance. Ithaca: Cornell University Press, 1987.")
    assert refs[-1].author == "Walt, Stephen M."
    repeats = [r.author for r in refs if r.text.text.startswith("_____.")]
    assert repeats == [
        "Ojeda, Mario",
        "Serrano, Mónica",
        "Sotomayor Velazquez, Arturo C.",
        "Sotomayor Velazquez, Arturo C.",
    ]
    bureau = next(r for r in refs if r.text.text.startswith("Bureau of Transportation Statistics."))
    assert bureau.author == "Bureau of Transportation Statistics"
    assert bureau.text.text.endswith("(accessed September 2009).")


@pytest.mark.parametrize("path", [THESIS_2014, THESIS_2010])
def test_each_reference_is_one_item(path: Path) -> None:
    doc = read(path)
    for ref in doc.references:
        text = ref.text.text
        assert "INITIAL DISTRIBUTION LIST" not in text
        assert not text.startswith(("<", "http", "www."))  # not a wrapped URL line on its own
        assert TERMINAL_END.search(text), text
        for line in text.split("\n")[1:]:
            assert not line.startswith("- ")
            assert not ENTRY_START.match(line), f"two works in one entry: {text!r}"


# --- fixtures ----------------------------------------------------------------------------------


def test_unicode_fixture_notes() -> None:
    doc = read(FIXTURES / "unicode_thesis.txt")
    assert [n.number for n in doc.footnotes] == [1, 2, 3, 4, 5, 6]
    notes = by_number(doc)
    assert notes[1].startswith("Harriet M. Olsen, Northern Lifelines")
    assert notes[3] == "Ibid., 120."  # printed "3 Ibid." without superscript
    assert notes[4].endswith("The manual was revised\nin 1978 and again in 1994.")  # a two-line note
    assert notes[6] == "Ibid."
    markers = {n.number: [m.text for m in n.markers] for n in doc.footnotes}
    assert markers == {1: ["¹"], 2: ["²"], 3: ["³"], 4: ["⁴"], 5: ["5"], 6: ["⁶"]}
    # the exponent in "km²" lies between marker ¹ and note 2 but is not marker ²
    marker2 = doc.footnotes[1].markers[0]
    assert doc.text[marker2.start - 1] == "."
    # "Halifax.5" lost its superscript: recovered as a plain-digit marker
    marker5 = doc.footnotes[4].markers[0]
    assert doc.text[marker5.start - len("Halifax.") : marker5.end] == "Halifax.5"
    assert doc.warnings == []
    assert_spans_exact(doc)


def test_unicode_fixture_body_numbers_are_not_notes() -> None:
    doc = read(FIXTURES / "unicode_thesis.txt")
    texts = [n.text.text for n in doc.footnotes]
    body = ("was the first year", "of the 14 missions", "Historical Background")
    assert not any(t.startswith(body) for t in texts)


def test_unicode_fixture_references() -> None:
    doc = read(FIXTURES / "unicode_thesis.txt")
    got = [(r.author, r.text.text) for r in doc.references]
    assert got == [
        ("Canadian Coast Guard",
         "Canadian Coast Guard. Joint Rescue Coordination Manual. Ottawa: Queen's Printer, 1961."),
        ("Canadian Coast Guard", ". Ice Operations Handbook. Ottawa: Queen's Printer, 1970."),  # dash lost
        ("Lindqvist, Paul R.",
         "Lindqvist, Paul R. “Wings over the Barrens.” Polar Record 41, no. 2 (2005): 113–129."),
        ("Lindqvist, Paul R.",
         "———. “Rescue Doctrine after the War.” Arctic Review 3 (2009).\n"
         "<https://example.org/arctic-review/3/lindqvist>."),
        ("Olsen, Harriet M.",
         "Olsen, Harriet M. Northern Lifelines: Rescue at Sea since 1900. Halifax: Tidewater Press, 2004."),
        ("Olsen, Harriet M., and Tomas B. Reyes",
         "———, and Tomas B. Reyes. Cold Water Survival. Halifax: Tidewater Press,\n\n2011."),  # page break
        ("",
         "“Search and Rescue Agreement.” Arctic Council. Accessed March 3, 2020.\n"
         "<https://example.org/sar-agreement>."),
        ("Sheldon, Mark T.",
         "Sheldon, Mark T. Rescue Coordination in Cold Climates. Boulder, CO: Westview, 2015."),
    ]
    assert_spans_exact(doc)


def test_html_fixture_notes() -> None:
    doc = read(FIXTURES / "html_thesis.txt")
    assert [n.number for n in doc.footnotes] == [1, 2, 3, 4]
    notes = by_number(doc)
    assert notes[1] == (
        "Elena K. Marsh, Sand and Steel: Frontier Logistics, 1880–1990 (Tucson: Mesa Books, 1999), 12.")
    assert notes[2] == "Ibid., 15."
    assert notes[3] == "Ibid."  # printed "3 Ibid." without <sup>
    markers = {n.number: [m.text for m in n.markers] for n in doc.footnotes}
    assert markers == {1: ["¹"], 2: ["²"], 3: ["³"], 4: ["⁴"]}
    # the paragraph split by the page break resumes after the notes
    assert "\nborder remains the busiest" in doc.text
    assert all("border remains" not in n.text.text for n in doc.footnotes)
    assert doc.warnings == []  # "10⁵" and the table marks ᵃ ᵇ are not notes
    assert_spans_exact(doc)


def test_html_fixture_references() -> None:
    doc = read(FIXTURES / "html_thesis.txt")
    got = [(r.author, r.text.text[:40]) for r in doc.references]
    assert got == [
        ("Defense Logistics Review Board", "Defense Logistics Review Board. Annual D"),
        ("Marsh, Elena K.", "Marsh, Elena K. Sand and Steel: Frontier"),
        ("Marsh, Elena K.", "---. “Depots in the Desert.” Journal of "),
        ("Marsh, Elena K.", "_____. Convoys and Customs. Tucson: Mesa"),
        ("Ortega, Luis F., and Carla Jensen", "Ortega, Luis F., and Carla Jensen. “Shar"),
        ("", "“Trucks and Treaties.” Border Weekly, Ma"),
    ]
    assert doc.references[-1].text.text.endswith("\n<http://example.com/border-weekly/2005/03/04>.")
    assert_spans_exact(doc)


# --- conventions and bad input -----------------------------------------------------------------


def test_numbering_restarts_per_chapter() -> None:
    raw = (
        "I. ONE\n\nFirst claim.¹ Second claim.²\n\n"
        "¹ Ann Lee, Title One (Boston: Hub, 2001), 3.\n\n² Ibid.\n\n"
        "II. TWO\n\nThird claim.¹\n\n¹ Bo Kim, “Title Two,” Review 4 (2010): 9.\n"
    )
    doc = make_doc(raw)
    parse_footnotes(doc)
    assert [n.number for n in doc.footnotes] == [1, 2, 1]
    assert [len(n.markers) for n in doc.footnotes] == [1, 1, 1]
    assert doc.footnotes[2].markers[0].start > doc.footnotes[1].text.end
    assert any("restarts" in w for w in doc.warnings)


def test_gap_in_numbering_is_reported() -> None:
    raw = re.sub(r"(?m)^⁵⁷ Ibid\.\n", "", _raw(THESIS_2014), count=1)
    doc = make_doc(raw)
    parse_footnotes(doc)
    numbers = [n.number for n in doc.footnotes]
    assert 57 not in numbers and len(numbers) == 173
    assert "footnote 57 not found" in doc.warnings


def test_dense_reference_list() -> None:
    raw = (
        "BIBLIOGRAPHY\n"
        "Adams, Ruth. A Very Long Title about Borders and Bridges That Wraps onto the\n"
        "Next Line. Chicago: Lakeside, 1999.\n"
        "———. Second Book. Chicago: Lakeside, 2001.\n"
        "Baker, Tom, and Lee Wong. “An Article.” Journal 3, no. 1 (2004): 1–20.\n"
        "World Health Organization. Annual Report. Geneva: WHO, 2010.\n"
    )
    doc = make_doc(raw)
    parse_references(doc)
    assert [r.author for r in doc.references] == [
        "Adams, Ruth", "Adams, Ruth", "Baker, Tom, and Lee Wong", "World Health Organization"]
    assert doc.references[0].text.text.endswith("Next Line. Chicago: Lakeside, 1999.")


def test_page_numbers_inside_a_list_are_skipped() -> None:
    raw = (
        "LIST OF REFERENCES\n\n- Adams, Ruth. First Book. Chicago: Lakeside,\n\n81\n\n1999.\n"
        "- Baker, Tom. Second Book. Boston: Hub, 2002.\n\n82\n"
    )
    doc = make_doc(raw)
    parse_references(doc)
    assert [r.text.text for r in doc.references] == [
        "Adams, Ruth. First Book. Chicago: Lakeside,\n\n81\n\n1999.",
        "Baker, Tom. Second Book. Boston: Hub, 2002.",
    ]


@pytest.mark.parametrize(
    "raw",
    ["", "\n\n", "Just one line of text.", "¹", "1 ", "LIST OF REFERENCES", "- ———. Orphan.", "¹ Ibid.\n¹"],
)
def test_odd_input_does_not_raise(raw: str) -> None:
    doc = make_doc(raw)
    parse_footnotes(doc)
    parse_references(doc)
    assert_spans_exact(doc)


def test_missing_parts_are_warned() -> None:
    doc = make_doc("A paragraph without notes.\n\nAnother one.\n")
    parse_footnotes(doc)
    parse_references(doc)
    assert doc.footnotes == [] and doc.references == []
    assert "no list of references found" in doc.warnings

    doc = make_doc("Text.\n\nLIST OF REFERENCES\n\nINITIAL DISTRIBUTION LIST\n\n1. Someone\n")
    parse_references(doc)
    assert "list of references is empty" in doc.warnings


@pytest.mark.parametrize("path", [THESIS_2014, THESIS_2010, FIXTURES / "unicode_thesis.txt"])
def test_truncated_documents(path: Path) -> None:
    text = normalise(_raw(path)).text
    for cut in range(0, len(text), max(len(text) // 40, 1)):
        doc = Document("test", "path", "thesis", text[:cut])
        parse_footnotes(doc)
        parse_references(doc)
        assert_spans_exact(doc)
        numbers = [n.number for n in doc.footnotes]
        assert numbers == list(range(1, len(numbers) + 1))


def test_truncation_after_a_marker_is_reported() -> None:
    text = normalise(_raw(FIXTURES / "unicode_thesis.txt")).text
    doc = Document("test", "path", "thesis", text[: text.index("⁴ Canadian Coast Guard")])
    parse_footnotes(doc)
    assert [n.number for n in doc.footnotes] == [1, 2, 3]
    assert any(w.startswith("footnote 4 not found") for w in doc.warnings)


def test_a_note_cut_by_a_page_break_is_one_note():
    doc = read(FIXTURES / "continued_note.txt")
    assert [n.number for n in doc.footnotes] == [1, 2, 3]
    first, second, third = doc.footnotes
    assert first.text.text.startswith("Marta E. Quiroga, Offices on the Line")
    assert first.text.text.endswith("(El Paso: Mesa Books,\n\n14\n\n2011), 88–91.")  # the page number between
    assert second.text.text == "Ibid., 92."
    assert third.text.text.endswith("3–\n\n4\n\n19.")
    assert [m.text for n in doc.footnotes for m in n.markers] == ["¹", "²", "³"]
    assert_spans_exact(doc)


def test_body_text_after_a_page_break_is_not_a_note():
    raw = ("The office closed in 2003.¹ Its\n\n¹ Marta E. Quiroga, Offices on the Line (El Paso: Mesa Books,\n\n"
           "14\n\nfiles went to the regional archive, where they stayed for a decade and more.\n\n"
           "A new paragraph of the body begins here.\n")
    doc = read_raw(raw)
    (note,) = doc.footnotes
    assert note.text.text == "Marta E. Quiroga, Offices on the Line (El Paso: Mesa Books,"


def read_raw(raw: str) -> Document:
    doc = make_doc(raw)
    parse_footnotes(doc)
    return doc
