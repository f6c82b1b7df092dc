"""Regressions from mutated corpus text: each signature the convert path once failed on.

* ``int()`` on a superscript page count ("15. NUMBER OF PAGES 10⁵") or on a number of more
  than 4,300 digits aborted the conversion, naming no file;
* a run of superscript digits longer than 4,300 made the footnote reader raise, and the
  reader's catch-all then returned the thesis without its notes and references, silently;
* a kind's reader failing (any bug) lost the document's structure with exit 0;
* notes whose markers are missing made the plain-marker search rescan the text once per note;
* ambiguous names made the mention resolver compare every ambiguous match with every name;
* titles and names in Cyrillic or Chinese folded to the empty string and shared one IRI;
* a FIFO in the sources folder blocked the reader, and a device was read without end.
"""

from __future__ import annotations

import dataclasses
import os
import random
import signal
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from usmxkg import readers
from usmxkg.cli import main
from usmxkg.document import Document
from usmxkg.errors import BuildError, ReadError, StructureError
from usmxkg.extract.gazetteer import Gazetteer
from usmxkg.extract.mentions import find_mentions
from usmxkg.graph.emit import emit_document
from usmxkg.pipeline import build
from usmxkg.readers import MAX_BYTES, read_bytes, read_path
from usmxkg.readers.notes import parse_footnotes, superscript
from usmxkg.reference import ReferencePaths, load_gazetteer
from usmxkg.vocab import USMX, document_iri, entity_iri, fold

ROOT = Path(__file__).resolve().parents[2]
THESIS = ROOT / "data" / "sources" / "001_10adcb2b2745c86e.txt"
NEWS = ROOT / "data" / "sources" / "003_d1cac77ec1c1df37.txt"
PAGES_LINE = b"15. NUMBER OF PAGES 105"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer(ReferencePaths().entities)


@pytest.fixture(scope="module")
def thesis() -> Document:
    return read_path(THESIS)


@pytest.fixture()
def no_hang() -> Iterator[None]:
    """Fail instead of hanging if reading ever blocks again (SIGALRM after 20 s)."""
    def stop(signum: int, frame: object) -> None:
        raise AssertionError("reading blocked")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def _page_counts(doc: Document, gazetteer: Gazetteer) -> list[str]:
    return [q.object.value for q in emit_document(doc, gazetteer) if q.predicate.value == str(USMX.pageCount)]


@pytest.mark.parametrize("value", ["10⁵", "²"])
def test_a_superscript_page_count_is_no_count_and_no_crash(value: str, gazetteer: Gazetteer) -> None:
    data = THESIS.read_bytes()
    assert PAGES_LINE in data
    doc = read_bytes(data.replace(PAGES_LINE, f"15. NUMBER OF PAGES {value}".encode()), "pages.txt")
    assert all(value not in span.text for span in doc.fields.get("page-count", []))
    assert "105" not in _page_counts(doc, gazetteer)


def test_a_page_count_of_5000_digits_is_no_count_and_no_crash(gazetteer: Gazetteer) -> None:
    """More digits than any page count has (``MAX_COUNT_DIGITS``) are noise, not a number to write."""
    digits = "9" * 5000
    doc = read_bytes(THESIS.read_bytes().replace(PAGES_LINE, f"15. NUMBER OF PAGES 00{digits}".encode()), "p.txt")
    assert _page_counts(doc, gazetteer) == []


def test_a_page_count_keeps_its_value_without_leading_zeros(gazetteer: Gazetteer) -> None:
    doc = read_bytes(THESIS.read_bytes().replace(PAGES_LINE, b"15. NUMBER OF PAGES 0087"), "p.txt")
    assert _page_counts(doc, gazetteer) == ["87"]


@pytest.mark.parametrize("length", [4301, 6000])
def test_a_long_superscript_run_keeps_the_notes_and_references(length: int, thesis: Document) -> None:
    text = THESIS.read_text(encoding="utf-8")
    cut = text.index("\n\n", len(text) // 3)
    mutated = text[:cut] + " Noise." + "¹" * length + " more words." + text[cut:]
    doc = read_bytes(mutated.encode("utf-8"), "long-run.txt")
    assert thesis.footnotes and thesis.references
    assert [f.number for f in doc.footnotes] == [f.number for f in thesis.footnotes]
    assert len(doc.references) == len(thesis.references)
    assert not [w for w in doc.warnings if "structure parse failed" in w]


def _failing_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    chosen = readers.reader

    def failing(kind: str):  # type: ignore[no-untyped-def]
        def boom(doc: Document) -> None:
            raise ValueError("an unforeseen layout")
        return dataclasses.replace(chosen(kind), read=boom)

    monkeypatch.setattr(readers, "reader", failing)


def test_a_failing_reader_raises_naming_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    _failing_reader(monkeypatch)
    with pytest.raises(StructureError, match=r"^odd\.txt: structure parse failed \(news-release reader\): "
                                             r"ValueError: an unforeseen layout$") as caught:
        read_bytes(NEWS.read_bytes(), "odd.txt")
    kept = caught.value.document
    assert isinstance(kept, Document) and "DoD Official: U.S.-Mexico" in kept.text


def test_a_build_stops_on_a_failing_reader_and_keep_going_keeps_the_text(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _failing_reader(monkeypatch)
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "news.txt").write_bytes(NEWS.read_bytes())
    # one process: the failing reader is patched into this interpreter only
    code = main(["build", "--sources", str(sources), "--out", str(tmp_path / "out"), "--no-validate", "--jobs", "1"])
    assert code == 1
    assert "news.txt: structure parse failed" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
    result = build(sources, tmp_path / "kept", keep_going=True, validate=False)
    assert [d.source for d in result.documents] == [str(sources / "news.txt")]
    assert any(w.startswith(f"{sources / 'news.txt'}: structure parse failed") for w in result.warnings)


def test_a_conversion_bug_names_the_file_and_keep_going_converts_the_rest(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import usmxkg.pipeline as pipeline

    real = pipeline.emit_document

    def emit(doc, gazetteer, started=None):  # type: ignore[no-untyped-def]
        if doc.source.endswith("bad.txt"):
            raise ValueError("Exceeds the limit (4300 digits) for integer string conversion")
        return real(doc, gazetteer, started)

    monkeypatch.setattr(pipeline, "emit_document", emit)
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "bad.txt").write_bytes(NEWS.read_bytes())
    (sources / "good.txt").write_bytes((ROOT / "data" / "sources" / "000_9ec1eeefcfc23bd1.txt").read_bytes())
    with pytest.raises(BuildError, match=r"bad\.txt: cannot convert: ValueError: Exceeds the limit"):
        build(sources, tmp_path / "out", validate=False)
    result = build(sources, tmp_path / "out", keep_going=True, validate=False)
    assert [Path(d.source).name for d in result.documents] == ["good.txt"]
    assert any("bad.txt: cannot convert" in w for w in result.warnings)


def test_4000_notes_without_markers_are_all_read() -> None:
    """Every note still found (the scan once took 134 s here; ``bench/run.py`` times it)."""
    text = "\n".join(f"Paragraph {n} reports what the archive shows and why it matters.\n\n"
                     f"{superscript(n)} See Author, “A Title,” Journal (2001), {n}.\n" for n in range(1, 4001))
    doc = Document(doc_id="x", source="notes.txt", kind="thesis", text=text)
    parse_footnotes(doc)
    assert [f.number for f in doc.footnotes] == list(range(1, 4001))
    assert all(doc.text[f.text.start:f.text.end] == f.text.text for f in doc.footnotes)
    assert not any(f.markers for f in doc.footnotes)


def test_plain_markers_found_once_per_note() -> None:
    body = "".join(f"The finding of chapter {n} stands.{n} Next sentence.\n\n{superscript(n)} Ibid., {n}.\n\n"
                   for n in range(1, 30))
    doc = Document(doc_id="x", source="plain.txt", kind="thesis", text="Intro words.\n\n" + body)
    parse_footnotes(doc)
    assert [f.number for f in doc.footnotes] == list(range(1, 30))
    for note in doc.footnotes:
        (marker,) = note.markers
        assert marker.text == str(note.number) and doc.text[marker.start - 1] == "."


def _nearest_by_scan(doc: Document, gazetteer: Gazetteer) -> list[tuple[str, int, int]]:
    """The resolver's rule written out as the plain scan over every unambiguous match."""
    matches = gazetteer.find(doc.text)
    named = [(m.start, m.end, next(iter(m.entities))) for m in matches if len(m.entities) == 1]
    out = []
    for m in matches:
        if len(m.entities) == 1:
            out.append((next(iter(m.entities)), m.start, m.end))
            continue
        gaps = sorted((max(m.start - e, s - m.end), s, iri) for s, e, iri in named if iri in m.entities)
        if gaps:
            out.append((gaps[0][2], m.start, m.end))
    return out


def test_ambiguous_forms_resolve_to_the_nearest_named_entity(gazetteer: Gazetteer) -> None:
    probe = " ".join(["CHDS", "NWC", "Center for Homeland Defense and Security", "Naval War College",
                      "National War College"])
    forms = sorted({probe[m.start:m.end] for m in gazetteer.find(probe)})
    ambiguous = [f for f in forms if len(gazetteer.find(f)[0].entities) > 1]
    assert ambiguous, "the reference data no longer has an ambiguous form to test with"
    rng = random.Random(23)
    words = [rng.choice([*forms, *ambiguous, *ambiguous, "and", "the"]) for _ in range(3000)]
    doc = Document(doc_id="x", source="amb.txt", kind="thesis", text=" ".join(words))
    found = [(m.entity, m.evidence.start, m.evidence.end) for m in find_mentions(doc, gazetteer)]
    assert found == _nearest_by_scan(doc, gazetteer)
    assert len(found) > len([m for m in gazetteer.find(doc.text) if len(m.entities) == 1])


def test_titles_in_other_scripts_get_distinct_stable_iris() -> None:
    titles = ["Военное сотрудничество США и Мексики", "美墨军事合作", "美墨軍事合作研究", "التعاون العسكري",
              "Στρατιωτική συνεργασία", "שיתוף פעולה", "★", "☆"]
    iris = [document_iri(t, "") for t in titles]
    assert len(set(iris)) == len(titles)
    assert iris == [document_iri(t, "") for t in titles]
    assert iris[0].split("/")[-1].startswith("voennoe-sotrudnichestvo-ssha-i-meksiki-")
    people = ["Иван Петров", "Пётр Иванов", "王小明", "★"]
    assert len({entity_iri("person", p) for p in people}) == len(people)
    assert all(not entity_iri("person", p).endswith("/") for p in people)
    assert fold("Secretaría de la Defensa Nacional") == "secretaria de la defensa nacional"


def test_news_in_two_scripts_mint_two_documents(gazetteer: Gazetteer) -> None:
    def work(title: str) -> set[str]:
        text = NEWS.read_text(encoding="utf-8").replace(
            "DoD Official: U.S.-Mexico Military-to-Military Relationship ‘Worth Strengthening’", title, 1)
        doc = read_bytes(text.encode("utf-8"), "t.txt")
        return {q.subject.value for q in emit_document(doc, gazetteer) if "/id/document/" in q.subject.value}

    cyrillic, chinese = work("Военное сотрудничество"), work("军事合作的价值")
    assert cyrillic and chinese and not cyrillic & chinese


@pytest.mark.usefixtures("no_hang")
def test_a_fifo_is_refused_without_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(ReadError, match=r"pipe\.txt: is a FIFO \(named pipe\), not a regular file; refused"):
        read_path(fifo)
    sources = tmp_path / "sources"
    sources.mkdir()
    os.mkfifo(sources / "pipe.txt")
    (sources / "news.txt").write_bytes(NEWS.read_bytes())
    with pytest.raises(BuildError, match=r"pipe\.txt: is a FIFO"):
        build(sources, tmp_path / "out", validate=False)
    result = build(sources, tmp_path / "out", keep_going=True, validate=False)
    assert len(result.documents) == 1 and any("pipe.txt: is a FIFO" in w for w in result.warnings)


@pytest.mark.usefixtures("no_hang")
def test_a_device_is_refused_without_reading() -> None:
    if not stat.S_ISCHR(os.stat("/dev/zero").st_mode):
        pytest.skip("no /dev/zero character device here")
    with pytest.raises(ReadError, match=r"^/dev/zero: is a character device, not a regular file"):
        read_path("/dev/zero")


def test_a_file_over_the_size_bound_is_refused_before_reading(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:  # sparse: no disk or memory used, and reading it would take long
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(ReadError, match=rf"huge\.txt: file too large \({MAX_BYTES + 1:,} bytes; the limit is "
                                        rf"{MAX_BYTES:,} bytes; converting it would need about [0-9.]+ GB"):
        read_path(huge)
