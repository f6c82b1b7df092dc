"""Regressions: a Report Documentation Page's DD-MM-YYYY date was not emitted, and a title the form split
around another box lost its subtitle."""

from __future__ import annotations

from pathlib import Path

import rdflib

from usmxkg.extract.dates import parse_date
from usmxkg.pipeline import convert

FORM = """REPORT DOCUMENTATION PAGE

Form Approved

OMB No. 0704-0188

1. REPORT DATE (DD-MM-YYYY)
14-03-2019

2. REPORT TYPE

FINAL

4. TITLE AND SUBTITLE

Harbors and Horizons :

5a. CONTRACT NUMBER

A Maritime Partnership for the Gulf Coast

5b. GRANT NUMBER

6. AUTHOR(S)

Commander Dana Whitlock

7. PERFORMING ORGANIZATION NAME(S) AND ADDRESS(ES)

Joint Military Operations Department

Naval War College

686 Cushing Road

Newport, RI 02841-1207
"""


def test_day_month_year_with_hyphens_is_the_form_s_date_order() -> None:
    date = parse_date("14-03-2019")
    assert date is not None and (date.lexical, date.datatype) == ("2019-03-14", "date")
    assert parse_date("03/14/2019") is None


def test_a_title_split_by_the_form_is_joined_with_its_subtitle(tmp_path: Path) -> None:
    source = tmp_path / "form.txt"
    source.write_text(FORM, encoding="utf-8")
    out = tmp_path / "x.nq"
    convert([source], out)
    graph = rdflib.Dataset()
    graph.parse(out, format="nquads")
    titles = {str(o) for _, p, o, _ in graph.quads((None, rdflib.URIRef("http://purl.org/dc/terms/title"), None, None))}
    dates = {str(o) for _, p, o, _ in graph.quads((None, rdflib.URIRef("http://purl.org/dc/terms/date"), None, None))}
    assert "Harbors and Horizons: A Maritime Partnership for the Gulf Coast" in titles
    assert "2019-03-14" in dates
