"""The bad-input corpus (``tests/data/bad/``): the exact error or warnings each file gives.

Every refusal is one line naming the file (:class:`ReadError`); every file that is read says
what was assumed. The inputs too large to keep in the repository (one giant line, 100,000
footnote markers) and those a checkout cannot hold (a symbolic link loop, an unreadable file,
a FIFO) are made by the tests. A build over a folder of them converts the good files with
``--keep-going`` and names each bad one; without it, it stops and writes nothing.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from usmxkg.cli import main
from usmxkg.errors import ReadError
from usmxkg.readers import read_path
from usmxkg.readers.notes import superscript

BAD = Path(__file__).resolve().parent / "data" / "bad"
PLAIN = "could not recognise the document kind; read as plain text (best guess thesis 0.0; 3.0 needed)"
SPACED = "Informe de enlace – Secretaría (copia 2).txt"

REFUSED = {
    "empty.txt": "empty file",
    "nul_bytes.bin": "binary file (contains NUL bytes); convert it to text first",
    "random.bin": "binary file (10% control bytes); convert it to text first",
    "scanned.pdf": "binary file (PDF document); convert it to text first",
    "page.html": "HTML page, not a document's text; save it as text first (e.g. the browser's Save As… Text)",
    "export.json": "JSON data, not a document's text; extract the text it holds first",
}
"""Files refused, with the problem the message gives after the file name."""

READ = {
    "cp1252_note.txt": ("text", ["not valid UTF-8 (byte 0xed at offset 22); decoded as cp1252", PLAIN]),
    "latin1_memo.txt": ("text", ["not valid UTF-8 (byte 0xe1 at offset 5); decoded as cp1252", PLAIN]),
    "utf16_bom.txt": ("text", [PLAIN]),
    "utf16le_no_bom.txt": ("text", ["no byte-order mark; decoded as UTF-16-LE", PLAIN]),
    "utf8_bom.txt": ("text", [PLAIN]),
    "duplicate_a.txt": ("text", [PLAIN]),
    "duplicate_b.txt": ("text", [PLAIN]),
    SPACED: ("text", [PLAIN]),
    "truncated_thesis.txt": ("thesis", ["thesis: no ABSTRACT found",
                                        "thesis: no table of contents; outline built from numbered headings",
                                        "no list of references found"]),
}
"""Files read, with their kind and their warnings in order."""


def test_the_corpus_is_covered() -> None:
    assert sorted(p.name for p in BAD.iterdir()) == sorted([*REFUSED, *READ])


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_with_one_line_naming_the_file(name: str) -> None:
    with pytest.raises(ReadError) as caught:
        read_path(BAD / name)
    assert str(caught.value) == f"{BAD / name}: {REFUSED[name]}"


@pytest.mark.parametrize("name", sorted(READ))
def test_read_with_the_warnings_it_needs(name: str) -> None:
    doc = read_path(BAD / name)
    kind, warnings = READ[name]
    assert (doc.kind, doc.warnings) == (kind, warnings)
    assert doc.text.strip() and "\ufffd" not in doc.text


def test_latin1_and_utf16_text_decoded_intact() -> None:
    assert "Memorándum de la Secretaría de Marina" in read_path(BAD / "latin1_memo.txt").text
    assert read_path(BAD / "utf16le_no_bom.txt").text.startswith("Harbor Liaison Notes\n")
    assert "Los equipos de enlace" in read_path(BAD / SPACED).text


def test_one_giant_line(tmp_path: Path) -> None:
    sentence = "The liaison teams met every week to compare maps, call signs and storm plans. "
    path = tmp_path / "giant.txt"
    path.write_text(sentence * 4000, encoding="utf-8")  # 316 KB, no line break
    doc = read_path(path)
    assert doc.kind == "text" and doc.warnings == [
        "could not recognise the document kind; read as plain text (best guess thesis 1.0 (full-length text +1.0); "
        "3.0 needed)"]
    assert doc.text == (sentence * 4000).strip() + "\n"  # the trailing space dropped, the line ended


def test_100k_footnote_markers_and_no_notes(tmp_path: Path) -> None:
    path = tmp_path / "markers.txt"
    path.write_text("".join(f"It held.{superscript(n)} " for n in range(1, 100_001)), encoding="utf-8")
    doc = read_path(path)
    assert doc.footnotes == []
    assert all(not w.startswith("structure parse failed") for w in doc.warnings)


def test_a_symlink_loop(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    with pytest.raises(ReadError) as caught:
        read_path(loop)
    assert str(caught.value) == f"{loop}: cannot read the file: Too many levels of symbolic links"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its mode")
def test_an_unreadable_file(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("The liaison teams met every week.\n", encoding="utf-8")
    locked.chmod(0)
    with pytest.raises(ReadError) as caught:
        read_path(locked)
    assert str(caught.value) == f"{locked}: cannot read the file: Permission denied"


def _bad_folder(tmp_path: Path) -> Path:
    """The corpus, plus a symbolic link loop, a dangling link and a FIFO, plus one good corpus document."""
    sources = tmp_path / "sources"
    shutil.copytree(BAD, sources)
    (sources / "loop.txt").symlink_to(sources / "loop.txt")
    (sources / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    os.mkfifo(sources / "pipe.txt")
    shutil.copy(BAD.parents[2] / "data" / "sources" / "003_d1cac77ec1c1df37.txt", sources / "news.txt")
    return sources


BAD_FILES = [*REFUSED, "loop.txt", "dangling.txt", "pipe.txt"]


def test_a_build_stops_on_bad_files_naming_each(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sources = _bad_folder(tmp_path)
    code = main(["build", "--sources", str(sources), "--out", str(tmp_path / "out"), "--no-validate"])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("usmxkg: error: cannot read sources:\n")
    assert sorted(line.strip().split(": ")[0] for line in err.splitlines()[1:]) == sorted(
        str(sources / name) for name in BAD_FILES)
    assert not (tmp_path / "out").exists()


def test_keep_going_converts_the_good_files_and_reports_the_bad(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    sources = _bad_folder(tmp_path)
    out = tmp_path / "out"
    code = main(["build", "--sources", str(sources), "--out", str(out), "--no-validate", "--keep-going"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    warned = {line.removeprefix("warning: ").split(": ")[0] for line in captured.err.splitlines()}
    assert {str(sources / name) for name in BAD_FILES} <= warned
    assert f"warning: {sources / 'pipe.txt'}: is a FIFO (named pipe), not a regular file; refused without " \
           "reading" in captured.err.splitlines()
    assert f"warning: {sources / 'duplicate_b.txt'}: same content as {sources / 'duplicate_a.txt'}; skipped" \
           in captured.err.splitlines()
    # every readable file but the duplicate: the eight read fixtures and the news release
    assert "documents: 9 (1 news-release, 7 text, 1 thesis)" in captured.out
    nquads = (out / "graph.nq").read_text(encoding="utf-8")
    assert '"Informe de enlace naval"' in nquads and '"Memorándum de la Secretaría de Marina"' in nquads
