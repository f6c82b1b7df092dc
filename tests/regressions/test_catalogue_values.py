"""Regressions from catalogue records: Calhoun's imprint "Monterey, CA; Naval Postgraduate School" became a
publisher of that name; a department printed with its acronym ("National Security Affairs (NSA)") was minted
with "(NSA)" in its label; DTIC's inverted names without stops after initials ("Velasquez, Arturo D") were
labelled "Arturo D Velasquez"."""

from __future__ import annotations

from usmxkg.extract import extract
from usmxkg.graph.emit import emit_document
from usmxkg.readers import read_bytes

DSPACE = """Ridge patrols in the borderlands
Loading...
Authors
Harlow, Imogen T.
Advisors
Brandt, Felix O.
Date of Issue
2020-09
Publisher
Monterey, CA; Naval Postgraduate School
Abstract
This thesis compares ridge patrols planned by two agencies over five seasons.
Type
Thesis
Department
National Security Affairs (NSA)
Show full item record
"""

DTIC = """DTIC Online
Citation
Accession Number : ADA600001
Title : Ridge Patrols in the Borderlands
Descriptive Note : Master's thesis
Corporate Author : NAVAL POSTGRADUATE SCHOOL MONTEREY CA
Personal Author(s) : Velasquez, Arturo D ; Brennan, M K
Report Date : Sep 2013
Abstract : This thesis compares ridge patrols planned by two agencies over five seasons.
"""


def _labels(text: str, name: str, kind: str) -> dict[str, str]:
    quads = emit_document(read_bytes(text.encode("utf-8"), name))
    return {q.subject.value.rsplit("/", 1)[-1]: q.object.value for q in quads
            if f"/id/{kind}/" in q.subject.value and q.predicate.value.endswith("#label")}


def test_publisher_after_a_semicolon_imprint_is_the_school() -> None:
    doc = read_bytes(DSPACE.encode("utf-8"), "ridge.txt")
    assert [s.text for s in doc.fields["publisher"]] == ["Naval Postgraduate School"]


def test_department_label_leaves_its_acronym_out() -> None:
    labels = _labels(DSPACE, "ridge.txt", "institution")
    assert labels.get("department-of-national-security-affairs") == "Department of National Security Affairs"
    assert not any("(" in label for label in labels.values())


def test_initials_of_inverted_names_get_their_stops() -> None:
    facts = extract(read_bytes(DTIC.encode("utf-8"), "ridge-dtic.txt"))
    assert [c.label for c in facts.creators] == ["Arturo D. Velasquez", "M. K. Brennan"]
