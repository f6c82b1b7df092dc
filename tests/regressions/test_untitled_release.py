"""Regression: a release that opens with its dateline had no title, a SHACL violation on real pages."""

from __future__ import annotations

from usmxkg.extract import extract
from usmxkg.readers import read_bytes

UNTITLED = (
    "FORT LAKE, Texas (May 3, 2031) -- Engineers of both armies finished a joint bridge exercise on the river "
    "this week, officials said.\n\nThe exercise ran for five days.\n"
)


def test_an_untitled_release_gets_a_devised_title_from_its_dateline() -> None:
    """A title in square brackets made of the kind, dateline place and date (RDA 2.3.2.11)."""
    doc = read_bytes(UNTITLED.encode("utf-8"), "untitled.txt")
    title = extract(doc).metadata.title  # type: ignore[union-attr]
    assert title is not None and title.devised
    assert title.text == "[News release, Fort Lake, Texas, May 3, 2031]"
    assert {span.text for span in title.evidence} == {"FORT LAKE, Texas", "May 3, 2031"}
