"""Facts → JSON (``usmxkg.extract.facts_json``): spans, amounts, defaults left out, generic over records."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from usmxkg.document import Span
from usmxkg.extract import extract
from usmxkg.extract.facts import Entity, Facts, Funding
from usmxkg.extract.facts_json import facts_json, to_plain
from usmxkg.readers import read_path

DATA = Path(__file__).parent / "data"


def test_news_release_facts_round_trip_with_spans_that_index_the_text() -> None:
    doc = read_path(DATA / "kinds" / "news_release.txt")
    facts = extract(doc)
    written = facts_json(facts)
    plain = json.loads(written)
    assert plain["doc_id"] == doc.doc_id
    quotes = plain["quotations"]
    assert quotes, "the release quotes two officials"
    for quote in quotes:
        span = quote["text"]
        assert set(span) == {"start", "end", "text"}
        assert doc.text[span["start"]:span["end"]] == span["text"]
    assert [c["label"] for c in plain["creators"]] == ["Laura M. Whitaker", "Tomás Ibáñez"]  # order kept
    assert "tables" not in plain and "events" not in plain  # empty lists are defaults, left out
    assert facts_json(extract(read_path(DATA / "kinds" / "news_release.txt"))) == written  # same bytes again


def test_keys_sorted_non_ascii_kept_and_one_final_newline() -> None:
    facts = Facts("abc", creators=[Entity("person", "tomas ibanez", "Tomás Ibáñez", "Person")])
    written = facts_json(facts)
    assert written.endswith("}\n") and not written.endswith("\n\n")
    assert "Tomás Ibáñez" in written
    entity = json.loads(written)["creators"][0]
    assert list(entity) == sorted(entity)
    assert "reference" not in entity  # False is the default


def test_amounts_are_positional_strings_never_floats() -> None:
    funding = Funding(Decimal("1.4E+9"), "USD", Span(0, 13, "$1.4 billion."), approximate=True)
    plain = to_plain(funding)
    assert plain["amount"] == "1400000000"
    assert plain["approximate"] is True
    assert to_plain(Decimal("0.50")) == "0.50"


def test_a_new_field_of_a_record_appears_without_editing_the_writer() -> None:
    @dataclass(frozen=True)
    class Later:
        text: Span
        figure: Decimal
        added: str | None = None

    assert to_plain(Later(Span(0, 2, "ab"), Decimal(3), added="new")) == {
        "text": {"start": 0, "end": 2, "text": "ab"}, "figure": "3", "added": "new"}
    assert "added" not in to_plain(Later(Span(0, 2, "ab"), Decimal(3)))


def test_a_value_json_cannot_hold_is_an_error_naming_its_type() -> None:
    with pytest.raises(TypeError, match="set"):
        to_plain({1, 2})
