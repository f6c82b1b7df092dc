"""Every span any reader produces indexes the normalised text exactly."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from usmxkg.document import Document, Span
from usmxkg.readers import read_path

from .conftest import ROOT, SOURCES

FIXTURES = sorted(p for p in (ROOT / "tests" / "data").rglob("*.txt") if "bad" not in p.parts)


def spans(value: object) -> Iterator[Span]:
    """All spans reachable from a document's fields, lists and nested dataclasses."""
    if isinstance(value, Span):
        yield value
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            yield from spans(getattr(value, field.name))
    elif isinstance(value, dict):
        for item in value.values():
            yield from spans(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from spans(item)


@pytest.mark.parametrize("path", sorted(SOURCES.glob("*.txt")) + FIXTURES, ids=lambda p: p.name)
def test_every_span_matches_the_text(path: Path):
    doc: Document = read_path(path)
    found = list(spans(doc))
    assert found, f"{path.name}: no spans at all"
    bad = [s for s in found if doc.text[s.start:s.end] != s.text]
    assert not bad, f"{path.name}: {len(bad)} spans do not match, e.g. {bad[0]}"
