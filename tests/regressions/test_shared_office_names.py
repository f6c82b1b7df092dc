"""Regression: "deputy assistant secretary of defense for western hemisphere affairs" resolved to the State
Department's Bureau of Western Hemisphere Affairs, whose reference record had the shared phrase as a label."""

from __future__ import annotations

from pathlib import Path

import rdflib

from usmxkg.pipeline import convert

BUREAU = rdflib.URIRef("https://w3id.org/usmx-kg/id/institution/bureau-of-western-hemisphere-affairs")

NEWS = (
    "Official Praises Harbor Ties\n\n"
    "By Kim Sato\n\n"
    "WASHINGTON, March 3, 2019 — Harbor cooperation is growing, the deputy assistant secretary of defense for "
    "western hemisphere affairs said today.\n\n"
    "The Bureau of Western Hemisphere Affairs at the State Department took part in the talks, she said.\n"
)


def test_a_shared_office_phrase_is_not_the_state_bureau(tmp_path: Path) -> None:
    source = tmp_path / "news.txt"
    source.write_text(NEWS, encoding="utf-8")
    out = tmp_path / "x.nq"
    convert([source], out)
    graph = rdflib.Dataset()
    graph.parse(out, format="nquads")
    evidence = rdflib.URIRef("https://w3id.org/usmx-kg/ontology#evidence")
    exact = rdflib.URIRef("http://www.w3.org/ns/oa#exact")
    selectors = rdflib.URIRef("http://www.w3.org/ns/oa#hasSelector")
    quoted = {str(q) for _, _, e, _ in graph.quads((BUREAU, evidence, None, None))
              for _, _, s, _ in graph.quads((e, selectors, None, None))
              for _, _, q, _ in graph.quads((s, exact, None, None))}
    assert quoted == {"Bureau of Western Hemisphere Affairs"}
