"""Property tests over the convert path with mutated corpus text (Hypothesis).

Each input is a window of a corpus or fixture text with mutations of the kinds that
repositories and converters produce: truncation, random bytes, markup soup, huge footnote
numbers, unbalanced quotes and brackets, combining marks, right-to-left text, mixed encodings
and line endings, repeated header blocks. For every input:

* reading either succeeds or raises :class:`ReadError` whose message starts with the file name
  (a failing kind reader is a :class:`StructureError`, a bug, and fails the test);
* extraction and emission raise nothing;
* every span of the document and of the facts indexes the document's text exactly.

The default run tries a few examples per property; ``make fuzz`` runs the ``fuzz`` profile
(``USMXKG_FUZZ_EXAMPLES`` inputs per property, 10,000 in all by default) and, with
``USMXKG_FUZZ_REPORT=FILE``, writes each input's size and CPU seconds there for the
slowest-per-MB figure (CPU time, so a busy machine does not count; reported, never asserted).
"""

from __future__ import annotations

import dataclasses
import json
import os
import time
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from usmxkg.document import Document, Span
from usmxkg.errors import ReadError, StructureError
from usmxkg.extract import extract
from usmxkg.extract.gazetteer import Gazetteer
from usmxkg.graph.emit import emit_document
from usmxkg.readers import read_bytes
from usmxkg.readers.notes import superscript
from usmxkg.reference import ReferencePaths, load_gazetteer

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted([*(ROOT / "data" / "sources").glob("0*.txt"), *(ROOT / "tests" / "data").glob("*/*.txt")])
WINDOW = 6000
"""Longest window of a seed text one input takes (whole short fixtures; a few pages of a thesis)."""

settings.register_profile("default-run", max_examples=int(os.environ.get("USMXKG_FUZZ_EXAMPLES", "8")),
                          deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("fuzz", max_examples=int(os.environ.get("USMXKG_FUZZ_EXAMPLES", "5000")), deadline=None,
                          suppress_health_check=list(HealthCheck), database=None, print_blob=True)
settings.load_profile(os.environ.get("USMXKG_FUZZ_PROFILE", "default-run"))

HEADER_BLOCKS = (
    "REPORT DOCUMENTATION PAGE\nForm Approved OMB No. 0704-0188\n1. AGENCY USE ONLY (Leave blank)\n"
    "2. REPORT DATE\nMarch 2014\n3. REPORT TYPE AND DATES COVERED\nMaster's thesis\n"
    "15. NUMBER OF PAGES ²\n",
    "NAVAL POSTGRADUATE SCHOOL\n\nMONTEREY, CALIFORNIA\n\nTHESIS\n\n",
    "WASHINGTON, March 3, 2019 —\n",
    "TABLE OF CONTENTS\n\nI. INTRODUCTION .......... 1\nA. BACKGROUND .......... 3\n",
    "LIST OF REFERENCES\n\n",
    "ABSTRACT\n\n",
)
SOUP = ("<sup>", "</sup>", "<sup>12</sup>", "<b>", "</i>", "&amp;", "&#x2014;", "&bogus;", "\\*", "**", "# ",
        "[link](http://", "---\n", "^a", "<br/>", "<!--", "<html>", "{\"", "[")
ODD = ("“", "”", "\"", "‘", "’", "(", ")", "[", "]", "«", "»", "—", "–", "…", "\u00ad", "\u200b", "\ufeff",
       "\u0301", "\u0308\u0301\u0327", "e\u0301", "\u202e", "\u202b", "\u200f", "مرحبا بالعالم", "שלום",
       "Привет", "中文标题", "١٢٣", "𝟙𝟚", "Ⅻ", "ﬁ", "\t", "\x0c", "\x0b", "\r", "\r\n", "\u2028", "\u0085")


@cache
def seed_texts() -> tuple[str, ...]:
    return tuple(path.read_text(encoding="utf-8", errors="replace") for path in SEEDS)


@cache
def gazetteer() -> Gazetteer:
    return load_gazetteer(ReferencePaths().entities)


def _huge_number(draw: st.DrawFn) -> str:
    digits = draw(st.sampled_from([5, 40, 4301, 6000]))
    number = "9" * digits
    return draw(st.sampled_from([superscript(int(number[:4])) * (digits // 4 + 1), number, f"\n\n{number} Ibid.\n",
                                 f"word.{superscript(int(number[:4]))} ", "¹" * digits]))


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """Bytes of one mutated input."""
    text = draw(st.sampled_from(seed_texts()))
    start = draw(st.integers(0, max(len(text) - 200, 0)))
    text = text[start:start + draw(st.integers(100, WINDOW))]
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["odd", "soup", "huge", "header", "random", "truncate", "repeat", "endings",
                                     "quotes", "text"]))
        if kind == "odd":
            piece = draw(st.sampled_from(ODD)) * draw(st.integers(1, 30))
        elif kind == "soup":
            piece = "".join(draw(st.lists(st.sampled_from(SOUP), min_size=1, max_size=12)))
        elif kind == "huge":
            piece = _huge_number(draw)
        elif kind == "header":
            piece = draw(st.sampled_from(HEADER_BLOCKS)) * draw(st.integers(1, 8))
        elif kind == "random":
            piece = draw(st.text(min_size=1, max_size=60))
        elif kind == "truncate":
            text, piece = text[:at], ""
        elif kind == "repeat":
            end = draw(st.integers(at, min(len(text), at + 400)))
            piece = text[at:end] * draw(st.integers(2, 20))
        elif kind == "endings":
            text, piece = text.replace("\n", draw(st.sampled_from(["\r\n", "\r", "\n\n", "\n \n"]))), ""
        elif kind == "quotes":
            piece = draw(st.sampled_from(["“", "\"", "(", "[", "‘"])) + text[at:at + 300]
        else:
            piece = draw(st.text(st.characters(codec="utf-8"), max_size=200))
        text = text[:at] + piece + text[at:]
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "cp1252", "mixed", "bytes"]))
    if encoding == "mixed":  # part UTF-8, part Windows-1252: a file pasted together
        half = len(text) // 2
        return text[:half].encode("utf-8", "surrogatepass") + text[half:].encode("cp1252", "replace")
    if encoding == "bytes":
        data = text.encode("utf-8", "surrogatepass")
        cut = draw(st.integers(0, len(data)))
        return data[:cut] + draw(st.binary(max_size=64)) + data[cut:]
    return text.encode(encoding, "replace" if encoding == "cp1252" else "surrogatepass")


def spans_in(value: object, seen: set[int] | None = None) -> Iterator[Span]:
    """Every :class:`Span` reachable from a document or the facts (dataclasses, lists, dicts, tuples)."""
    seen = set() if seen is None else seen
    if id(value) in seen or isinstance(value, str | bytes | int | float | bool) or value is None:
        return
    seen.add(id(value))
    if isinstance(value, Span):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            if f.name != "origin":  # the map back to the raw text, not spans of the document
                yield from spans_in(getattr(value, f.name), seen)
    elif isinstance(value, dict):
        for item in value.values():
            yield from spans_in(item, seen)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from spans_in(item, seen)


def convert(data: bytes, name: str = "fuzzed.txt") -> Document | None:
    """Read, extract and emit one input; ``None`` when it is refused as unreadable."""
    try:
        doc = read_bytes(data, name)
    except StructureError:
        raise
    except ReadError as exc:
        assert str(exc).startswith(f"{name}: ") and "\n" not in str(exc)
        return None
    facts = extract(doc, gazetteer())
    emit_document(doc, gazetteer())
    for span in (*spans_in(doc), *spans_in(facts)):
        assert 0 <= span.start <= span.end <= len(doc.text), span
        assert doc.text[span.start:span.end] == span.text, span
    return doc


@cache
def warm() -> None:
    """When timing, convert one corpus file first: one-time loading (models, caches) is no input's time."""
    if os.environ.get("USMXKG_FUZZ_REPORT"):
        convert(SEEDS[0].read_bytes(), SEEDS[0].name)


def _report(data: bytes, seconds: float) -> None:
    target = os.environ.get("USMXKG_FUZZ_REPORT")
    if target:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(json.dumps({"bytes": len(data), "seconds": round(seconds, 4)}) + "\n")


@given(mutated())
def test_mutated_corpus_text_converts_or_is_refused(data: bytes) -> None:
    warm()
    clock = time.process_time()
    convert(data)
    _report(data, time.process_time() - clock)


@given(st.binary(max_size=4096))
def test_random_bytes_convert_or_are_refused(data: bytes) -> None:
    warm()
    clock = time.process_time()
    convert(data)
    _report(data, time.process_time() - clock)


@pytest.mark.parametrize("seed", SEEDS[:5], ids=lambda p: p.name)
def test_the_corpus_itself_keeps_its_spans(seed: Path) -> None:
    doc = convert(seed.read_bytes(), seed.name)
    assert doc is not None and doc.text
