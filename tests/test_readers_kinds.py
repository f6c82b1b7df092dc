"""Reading every kind of source: decoding, kind detection, and the catalogue/news/web/text readers.

Corpus files are picked by their number prefix only here, in the tests; the
readers never see a file name. Fixtures under ``tests/data/kinds`` and
``tests/data/bad`` were written for the project (see ``tests/data/README.md``).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from usmxkg.document import FIELDS, Document, Span
from usmxkg.errors import ReadError, StructureError
from usmxkg.readers import MAX_BYTES, describe, document_id, read_bytes, read_path
from usmxkg.readers.decode import decode
from usmxkg.readers.detect import THRESHOLD, UNRECOGNISED, detect, score
from usmxkg.readers.lines import split_lines
from usmxkg.readers.news import clean_name, find_dateline

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "data" / "sources"
KINDS = ROOT / "tests" / "data" / "kinds"
BAD = ROOT / "tests" / "data" / "bad"


def corpus(prefix: str) -> Path:
    """The corpus file whose name starts with ``prefix`` (tests only; readers never see names)."""
    (path,) = SOURCES.glob(f"{prefix}_*.txt")
    return path


def all_spans(doc: Document) -> Iterator[Span]:
    """Every span a reader produced, wherever it is stored in the document."""
    for spans in doc.fields.values():
        yield from spans
    for top in doc.sections:
        for section in top.walk():
            yield section.title
            yield section.body
    yield from doc.paragraphs
    for note in doc.footnotes:
        yield note.text
        yield from note.markers
    for ref in doc.references:
        yield ref.text
    for acronym in doc.acronyms:
        yield acronym.short
        yield acronym.long
    for table in doc.tables:
        if table.caption is not None:
            yield table.caption
        for row in table.rows:
            yield from row
    for figure in doc.figures:
        yield figure.caption
    for quote in doc.quotes:
        yield quote.text


def assert_spans_exact(doc: Document) -> None:
    for span in all_spans(doc):
        assert doc.text[span.start:span.end] == span.text, span


def texts(doc: Document, name: str) -> list[str]:
    return [span.text for span in doc.fields.get(name, [])]


# --- kind detection -----------------------------------------------------------------------------

@pytest.mark.parametrize(("prefix", "kind"), [
    ("000", "catalog-record"),
    ("001", "thesis"),
    ("002", "thesis"),
    ("003", "news-release"),
    ("004", "web-article"),
])
def test_corpus_kinds(prefix: str, kind: str) -> None:
    doc = read_path(corpus(prefix))
    assert doc.kind == kind
    assert not any("ambiguous" in w or UNRECOGNISED in w for w in doc.warnings)
    assert_spans_exact(doc)


@pytest.mark.parametrize(("name", "kind"), [
    ("catalog_record.txt", "catalog-record"),
    ("catalog_full_record.txt", "catalog-record"),
    ("news_release.txt", "news-release"),
    ("blog_article.txt", "web-article"),
    ("plain_note.txt", "text"),
])
def test_fixture_kinds(name: str, kind: str) -> None:
    doc = read_path(KINDS / name)
    assert doc.kind == kind
    assert_spans_exact(doc)


def test_detection_ignores_the_file_name() -> None:
    data = corpus("003").read_bytes()
    assert read_bytes(data, "thesis_catalog_record.txt").kind == "news-release"


def test_scores_explain_the_decision() -> None:
    text = corpus("003").read_text(encoding="utf-8")
    best = score(text)[0]
    assert best.kind == "news-release"
    assert best.total >= THRESHOLD
    assert "dateline" in dict(best.hits)
    assert "dateline" in best.explain()


def test_calhoun_cover_page_does_not_make_a_catalogue_record() -> None:
    """002 starts with a repository cover sheet (DSpace, handle) and is still a thesis."""
    text = corpus("002").read_text(encoding="utf-8")
    assert "DSpace Repository" in text[:500]
    assert detect(text).kind == "thesis"


def test_unrecognised_text_is_plain_text_with_a_warning() -> None:
    found = detect("Lunch at noon.\n\nBring the slides.\n")
    assert found.kind == "text" and found.confidence == 0.0
    assert found.warnings and found.warnings[0].startswith(UNRECOGNISED)


@pytest.mark.parametrize(("line", "place", "date"), [
    ("WASHINGTON, Oct. 18, 2016 — The relationship", "WASHINGTON", "Oct. 18, 2016"),
    ("MEXICO CITY, June 3, 2019 – Navies met", "MEXICO CITY", "June 3, 2019"),
    ("FORT BRAGG, N.C., Jan. 9, 2020 -- Soldiers", "FORT BRAGG, N.C.", "Jan. 9, 2020"),
    ("SAN DIEGO, Calif., March 4, 2018 — Sailors", "SAN DIEGO, Calif.", "March 4, 2018"),
    ("CIUDAD DE MÉXICO, 3 de junio de 2019 — La Secretaría", "CIUDAD DE MÉXICO", "3 de junio de 2019"),
    ("EL PASO, Texas (AP) — Officials", "EL PASO, Texas", None),
    ("NEW YORK, May 2, 2017 /PRNewswire/ -- A company", "NEW YORK", "May 2, 2017"),
    ("WASHINGTON — The Pentagon", "WASHINGTON", None),
])
def test_dateline_forms(line: str, place: str, date: str | None) -> None:
    found = find_dateline(split_lines(line))
    assert found is not None
    assert found[1].group("place") == place
    assert found[1].group("date") == date


@pytest.mark.parametrize("line", [
    "PARTNERSHIP CAPACITY IN U.S.-MEXICO MILITARY RELATIONS",
    "MONTEREY, CALIFORNIA",
    "I. INTRODUCTION",
    "US-Mexico Army Relations: A Deep Dive",
])
def test_not_datelines(line: str) -> None:
    assert find_dateline(split_lines(line)) is None


# --- corpus fields ------------------------------------------------------------------------------

def test_corpus_catalogue_record_fields() -> None:
    doc = read_path(corpus("000"))
    assert texts(doc, "title") == [
        "Building trust: the challenge of building partnership capacity in U.S.-Mexico military relations"]
    assert texts(doc, "author") == ["Martinez, Oscar R."]
    assert texts(doc, "advisor") == ["Nieto-Gomez, Rodrigo"]
    assert texts(doc, "date")[0] == "2014-03"
    subjects = texts(doc, "subject")
    assert len(subjects) == 19  # the record prints 37 subject lines: the list twice, minus its first entry
    assert len({s.casefold() for s in subjects}) == len(subjects)
    assert subjects[0] == "Building partnership capacity" and "Felipe Calderon" in subjects
    assert texts(doc, "publisher") == ["Naval Postgraduate School"]  # the imprint's place is not the publisher
    assert texts(doc, "type") == ["Thesis"]
    assert texts(doc, "department") == ["National Security Affairs"]
    assert texts(doc, "distribution") == ["Approved for public release; distribution is unlimited."]
    assert texts(doc, "rights")[0].startswith("This publication is a work of the U.S. Government")
    assert texts(doc, "abstract")[0].startswith("This thesis focuses on the following questions.")
    assert "language" not in doc.fields and "sponsors" not in doc.fields  # empty fields are omitted
    assert all("Loading" not in span.text for span in all_spans(doc))


def test_corpus_news_release_fields() -> None:
    doc = read_path(corpus("003"))
    assert texts(doc, "title") == [
        "DoD Official: U.S.-Mexico Military-to-Military Relationship ‘Worth Strengthening’"]
    assert texts(doc, "dateline-place") == ["WASHINGTON"]
    assert texts(doc, "date") == ["Oct. 18, 2016"]
    assert texts(doc, "author") == ["Jim Garamone"]
    assert doc.paragraphs[0].text.startswith("The military-to-military relationship")
    assert doc.paragraphs[-1].text.startswith("Chavez added,")
    boilerplate = ("press releases posted", "Distribution channels", "Follow Jim Garamone")
    assert not any(b in p.text for p in doc.paragraphs for b in boilerplate)
    assert len(doc.quotes) == 12
    first = doc.quotes[0]
    assert first.speaker == "Rebecca B. Chavez"
    assert first.text.text == "We’ve witnessed many promising changes in the past few years"
    by_start = {q.text.text.split()[0] + " " + q.text.text.split()[1]: q.speaker for q in doc.quotes}
    assert by_start["Our first"] == "Chavez"  # “…,” she explained
    assert by_start["Other potential"] == "Chavez"  # “…,” she said
    assert by_start["In my"] == "Chavez"  # Chavez added, “…”
    assert all(not q.text.text.startswith(("“", '"')) and not q.text.text.endswith("”") for q in doc.quotes)


def test_corpus_blog_fields() -> None:
    doc = read_path(corpus("004"))
    assert texts(doc, "title") == ["US-Mexico Army Relations: A Deep Dive"]
    assert "author" not in doc.fields and "date" not in doc.fields
    titles = [s.title.text for s in doc.sections]
    assert len(titles) == 9
    assert titles[0] == "Historical Context: More Than Just Neighbors"
    assert titles[-1] == "Conclusion: A Vital and Evolving Partnership"
    assert all(s.level == 1 and s.number == "" and s.body.text.startswith(s.title.text) for s in doc.sections)
    assert len(doc.paragraphs) == 10
    assert doc.paragraphs[0].text.startswith("What’s up, everyone!")
    assert not any(p.text in titles for p in doc.paragraphs)


# --- fixtures: unseen documents of the same kinds ----------------------------------------------

def test_catalogue_fixture_fields() -> None:
    doc = read_path(KINDS / "catalog_record.txt")
    assert texts(doc, "author") == ["Delgado, Ana L.", "Whitfield, Thomas J."]
    assert texts(doc, "advisor") == ["Okonkwo, Grace E."]
    assert texts(doc, "subject") == [
        "Maritime security", "Hurricane response", "Secretaría de Marina", "SEMAR", "Coast Guard",
        "Gulf of Mexico"]
    assert texts(doc, "date")[0] == "2019-06"
    assert "http://hdl.handle.net/10945/62871" in texts(doc, "identifier")
    assert texts(doc, "report-number") == ["NPS-DA-19-004"]
    assert texts(doc, "language") == ["en_US"]
    assert texts(doc, "abstract")[0].endswith("standing bilateral coordination cell.")
    assert set(doc.fields) <= set(FIELDS)


def test_catalogue_full_item_record_fixture() -> None:
    doc = read_path(KINDS / "catalog_full_record.txt")
    assert texts(doc, "title") == ["Border logistics and the 2014 northern corridor study"]
    assert texts(doc, "author") == ["Reyes, Julian M."]
    assert texts(doc, "advisor") == ["Hartmann, Ellen P."]
    assert texts(doc, "date") == ["2014-12"]
    assert texts(doc, "subject") == ["Logistics", "Border ports"]
    assert texts(doc, "identifier") == ["https://hdl.handle.net/10945/44512"]
    assert texts(doc, "department") == ["Operations Research (OR)"]


def test_news_fixture_fields() -> None:
    doc = read_path(KINDS / "news_release.txt")
    assert texts(doc, "title") == ["U.S., Mexican Navies Open Joint Hurricane Response Center"]
    assert texts(doc, "author") == ["Laura M. Whitaker", "Tomás Ibáñez"]
    assert texts(doc, "dateline-place") == ["MEXICO CITY"]
    assert texts(doc, "date") == ["June 3, 2019"]
    assert doc.paragraphs[0].text.startswith("The U.S. Navy and the Mexican Navy")
    assert not any(p.text in ("###",) or p.text.startswith("Media contact") for p in doc.paragraphs)
    speakers = [q.speaker for q in doc.quotes]
    assert speakers == ["José Rafael Ojeda Durán", "Karen S. Holloway", "Holloway", "Holloway"]
    assert doc.quotes[0].text.text.startswith("This center gives")  # straight quotes
    assert doc.quotes[2].text.text == "It is not a base"


def test_blog_fixture_fields() -> None:
    doc = read_path(KINDS / "blog_article.txt")
    assert texts(doc, "title") == ["Five Things I Learned Shadowing a Border Liaison Team"]
    assert texts(doc, "author") == ["Marisol Ortega"]
    assert texts(doc, "date") == ["March 12, 2021"]
    assert [s.title.text for s in doc.sections] == [
        "Radios Matter More Than Rifles", "Why Do Small Habits Build Trust?", "Language Is a Two-Way Street"]
    assert len(doc.paragraphs) == 4
    assert doc.paragraphs[0].text.startswith("Hey friends!") and "\n" in doc.paragraphs[0].text
    assert not any(p.text.startswith(("Share this", "Tags:")) for p in doc.paragraphs)
    assert doc.sections[-1].body.text.endswith("still get the coordinates right.")


def test_plain_text_fixture() -> None:
    doc = read_path(KINDS / "plain_note.txt")
    assert doc.warnings and doc.warnings[0].startswith(UNRECOGNISED)
    assert texts(doc, "title") == ["Reading list for the Thursday seminar"]
    assert [p.text.split()[0] for p in doc.paragraphs] == ["Chapters", "Room"]


def test_wire_dateline_and_said_first_attribution() -> None:
    text = ("Border Talks Resume\n\nEL PASO, Texas (AP) — Talks resumed on Tuesday.\n\n"
            "“We are back at the table and we intend to stay there,” said Maj. Gen. Ruth Okafor.\n\n"
            "“Nobody expects a quick deal,” she said.\n")
    doc = read_bytes(text.encode(), "wire.txt")
    assert doc.kind == "news-release"
    assert texts(doc, "dateline-place") == ["EL PASO, Texas"]
    assert texts(doc, "dateline-agency") == ["AP"]
    assert "date" not in doc.fields
    assert [q.speaker for q in doc.quotes] == ["Ruth Okafor", "Ruth Okafor"]
    assert_spans_exact(doc)


def test_speaker_titles_are_dropped() -> None:
    assert clean_name("Mexican President Enrique Peña Nieto") == "Enrique Peña Nieto"
    assert clean_name("Chavez") == "Chavez"


# --- bad inputs -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "problem"), [
    ("empty.txt", "empty file"),
    ("nul_bytes.bin", "binary file (contains NUL bytes); convert it to text first"),
    ("scanned.pdf", "binary file (PDF document); convert it to text first"),
])
def test_unreadable_files(name: str, problem: str) -> None:
    path = BAD / name
    with pytest.raises(ReadError) as caught:
        read_path(path)
    assert str(caught.value) == f"{path}: {problem}"
    assert caught.value.source == str(path)


@pytest.mark.parametrize(("magic", "what"), [
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
    (b"\x1f\x8b\x08\x00\x00\x00", "gzip archive"),
])
def test_binary_formats_are_named(magic: bytes, what: str) -> None:
    with pytest.raises(ReadError, match=what):
        read_bytes(magic + b"rest of the file", "upload.bin")


def test_control_bytes_make_a_binary_file() -> None:
    with pytest.raises(ReadError, match=r"binary file \(\d+% control bytes\)"):
        decode(bytes(range(1, 32)) * 10 + b"text", "blob.dat")


def test_whitespace_only_file() -> None:
    with pytest.raises(ReadError, match="empty file"):
        read_bytes(b" \n\n\t\n", "blank.txt")


def test_markup_only_file() -> None:
    with pytest.raises(ReadError, match="no text left after removing markup and page furniture"):
        read_bytes(b"---\n\n* * *\nTHIS PAGE INTENTIONALLY LEFT BLANK\n", "rules.txt")


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2048)
    with pytest.raises(ReadError, match=r"file too large \(2,048 bytes; the limit is 1,024 bytes; "):
        read_path(path, max_bytes=1024)
    with pytest.raises(ReadError, match="file too large"):
        read_bytes(b"x" * 2048, "big.txt", max_bytes=1024)


def test_directory_and_missing_paths() -> None:
    with pytest.raises(ReadError) as caught:
        read_path(BAD)
    assert str(caught.value) == f"{BAD}: is a directory, not a file"
    missing = BAD / "no_such_file.txt"
    with pytest.raises(ReadError) as caught:
        read_path(missing)
    assert str(caught.value) == f"{missing}: cannot read the file: No such file or directory"


def test_cp1252_text_is_decoded_with_a_warning() -> None:
    doc = read_path(BAD / "cp1252_note.txt")
    assert "Secretaría de Marina publicó" in doc.text and "año" in doc.text and "“en el Golfo”" in doc.text
    assert doc.warnings[0] == "not valid UTF-8 (byte 0xed at offset 22); decoded as cp1252"
    assert texts(doc, "title") == ["Informe de la Secretaría"]


def test_short_cp1252_bytes() -> None:
    assert decode(b"Secretar\xeda", "s.txt") == (
        "Secretaría", ["not valid UTF-8 (byte 0xed at offset 8); decoded as cp1252"])


def test_mostly_utf8_with_a_stray_byte() -> None:
    text, warnings = decode("Peña Nieto — ".encode() + b"Secretar\xeda", "mixed.txt")
    assert text == "Peña Nieto — Secretaría"
    assert "1 invalid byte(s) decoded as cp1252" in warnings[0]


def test_byte_order_marks() -> None:
    utf16 = read_path(BAD / "utf16_bom.txt")
    assert utf16.text.startswith("Lista de lecturas") and "Páginas 1–4" in utf16.text
    utf8 = read_path(BAD / "utf8_bom.txt")
    assert utf8.text.startswith("Nota breve") and "\ufeff" not in utf8.text
    assert not any("UTF" in w for w in utf8.warnings + utf16.warnings)


def test_utf16_without_bom() -> None:
    text, warnings = decode("Informe anual de la Secretaría\n".encode("utf-16-le"), "w.txt")
    assert text == "Informe anual de la Secretaría\n"
    assert warnings == ["no byte-order mark; decoded as UTF-16-LE"]


def test_truncated_thesis_reads_with_warnings() -> None:
    doc = read_path(BAD / "truncated_thesis.txt")
    assert doc.kind in ("thesis", "text")
    assert doc.warnings
    assert "Master's Thes" in doc.text
    assert_spans_exact(doc)


def test_duplicated_files_share_the_document_id() -> None:
    first, second = read_path(BAD / "duplicate_a.txt"), read_path(BAD / "duplicate_b.txt")
    assert first.source != second.source
    assert first.doc_id == second.doc_id == document_id((BAD / "duplicate_a.txt").read_bytes())
    assert len(first.doc_id) == 16 and int(first.doc_id, 16) >= 0


def test_very_long_line(tmp_path: Path) -> None:
    path = tmp_path / "one_line.txt"
    path.write_bytes(b"liaison " * (1 << 17))  # 1 MiB, no newline
    doc = read_path(path)
    assert len(doc.text) >= (1 << 20) - 1
    assert doc.paragraphs and doc.paragraphs[0].end <= len(doc.text)
    assert_spans_exact(doc)


@pytest.mark.slow
def test_a_file_just_under_the_size_limit(tmp_path: Path) -> None:
    paragraph = ("The liaison teams met every week to compare maps, call signs and storm plans. " * 6).strip()
    unit = f"A heading between paragraphs\n{paragraph}\n"
    path = tmp_path / "large.txt"
    path.write_text("A generated long article\n" + unit * ((MAX_BYTES - 1_000_000) // len(unit)), encoding="utf-8")
    assert MAX_BYTES - 2_000_000 <= path.stat().st_size <= MAX_BYTES
    doc = read_path(path)  # how fast is measured by bench/, never asserted here
    assert doc.kind == "web-article"
    assert len(doc.paragraphs) > 50_000


def test_structure_failure_keeps_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    from dataclasses import replace

    from usmxkg.readers import registry

    def broken(doc: Document) -> None:
        doc.add_field("title", doc.span(0, 5))
        raise RuntimeError("unexpected layout")

    patched = tuple(replace(r, read=broken) if r.kind == "news-release" else r for r in registry.readers())
    monkeypatch.setattr(registry, "readers", lambda: patched)
    data = corpus("003").read_bytes()
    with pytest.raises(StructureError, match=r"^release\.txt: structure parse failed") as caught:
        read_bytes(data, "release.txt")
    doc = caught.value.document  # the text and what was read before the failure, for --keep-going
    assert isinstance(doc, Document) and doc.kind == "news-release"
    assert doc.warnings[-1] == "structure parse failed (news-release reader): RuntimeError: unexpected layout"
    assert "Rebecca B. Chavez" in doc.text


def test_copying_a_file_keeps_its_id(tmp_path: Path) -> None:
    copy = tmp_path / "renamed.txt"
    shutil.copy(corpus("004"), copy)
    assert read_path(copy).doc_id == read_path(corpus("004")).doc_id


# --- outline (usmxkg inspect) --------------------------------------------------------------------

def test_outline_of_a_news_release() -> None:
    text = describe(read_path(corpus("003")))
    assert "kind:      news-release" in text
    assert "author: Jim Garamone" in text
    assert "quotes 12" in text
    assert "detected:  news-release" in text


def test_outline_of_a_blog_lists_sections_and_warnings() -> None:
    text = describe(read_path(corpus("004")))
    assert "sections:\n  Historical Context: More Than Just Neighbors" in text
    assert "sections 9" in text
    note = describe(read_path(KINDS / "plain_note.txt"))
    assert UNRECOGNISED in note


def test_outline_of_a_thesis_indents_the_section_tree() -> None:
    doc = read_path(corpus("001"))
    text = describe(doc)
    assert "kind:      thesis" in text
    if doc.sections and doc.sections[0].children:
        top, child = doc.sections[0], doc.sections[0].children[0]
        assert f"\n  {top.number}. " in text and f"\n    {child.number}. " in text
