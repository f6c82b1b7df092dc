"""Every evidence selector quotes the source file it names, at the offsets it gives."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from usmxkg.pipeline import BuildResult, convert
from usmxkg.readers import document_id
from usmxkg.readers.decode import decode

from .conftest import ROOT, SOURCES

SELECTORS = """
PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT ?source ?start ?end ?exact WHERE { GRAPH ?g {
  ?evidence oa:hasSource ?source ; oa:hasSelector ?position , ?quote .
  ?position a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
  ?quote a oa:TextQuoteSelector ; oa:exact ?exact .
} }
"""


def _texts(files: list[Path]) -> dict[str, str]:
    """Source IRI → the decoded text of the file it names."""
    out = {}
    for path in files:
        data = path.read_bytes()
        out[f"https://w3id.org/usmx-kg/id/source/{document_id(data)}"] = decode(data, str(path))[0]
    return out


def _mismatches(nquads: Path, texts: dict[str, str]) -> tuple[int, list[tuple[str, int, int, str, str]]]:
    store = ox.Store()
    store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    checked, bad = 0, []
    for row in store.query(SELECTORS):
        text = texts[row["source"].value]
        start, end, exact = int(row["start"].value), int(row["end"].value), row["exact"].value
        checked += 1
        if text[start:end] != exact:
            bad.append((row["source"].value, start, end, exact, text[start:end]))
    return checked, bad


def test_every_selector_of_the_corpus_build_quotes_its_source(corpus_build: tuple[BuildResult, Path]) -> None:
    _, out = corpus_build
    checked, bad = _mismatches(out / "graph.nq", _texts(sorted(SOURCES.glob("*.txt"))))
    assert checked > 2500  # mentions are no longer read from notes and reference lists
    assert not bad, f"{len(bad)} of {checked} selectors do not quote their source, e.g. {bad[:3]}"


@pytest.mark.parametrize("name", ["markdown_2012.txt", "unicode_2016.txt"])
def test_selectors_quote_the_file_with_crlf_line_ends_and_markup(tmp_path: Path, name: str) -> None:
    """Markup the reader dropped (<sup>, **, escapes) and CR LF line ends are part of what a selector quotes."""
    crlf = tmp_path / name
    crlf.write_bytes((ROOT / "tests" / "data" / "thesis" / name).read_bytes().replace(b"\n", b"\r\n"))
    out = tmp_path / "x.nq"
    convert([crlf], out)
    checked, bad = _mismatches(out, _texts([crlf]))
    assert checked > 40
    assert not bad, f"{len(bad)} of {checked} selectors do not quote their source, e.g. {bad[:3]}"
