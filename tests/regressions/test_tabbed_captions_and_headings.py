"""Regressions from a thesis table: a caption whose label and title are separated by a tab ("Table 1.<TAB>…")
was read as a row of the table (its title glued to every column name, the table left without a caption), and
body headings set with a tab ("I.<TAB>INTRODUCTION", "A.<TAB>…") were read as an uncaptioned table."""

from __future__ import annotations

from usmxkg.extract import extract
from usmxkg.readers import read_bytes

THESIS = "\n".join([
    "NAVAL POSTGRADUATE SCHOOL", "", "MONTEREY, CALIFORNIA", "", "THESIS", "",
    "HARBOR DUES AND PATROL BUDGETS", "", "by", "", "Lena O. Marsh", "", "June 2021", "",
    "Thesis Advisor: Ivo R. Brandt", "", "ABSTRACT", "", "This thesis compares patrol budgets of two ports.", "",
    "I.\tINTRODUCTION", "", "A.\tBUDGETS", "", "The budgets are shown below.", "",
    "Table 1.\tPatrol Budgets by Port ($ in thousands)", "",
    "Port\tFY2019\tFY2020\tTotal",
    "North Harbor\t10.0\t12.0\t22.0",
    "South Harbor\t4.0\t5.0\t9.0",
    "Total\t14.0\t17.0\t31.0", "",
    "Source: Port records.", "",
    "The north harbor spent more in both years.", "",
])


def test_a_tab_after_the_caption_label_is_still_a_caption() -> None:
    doc = read_bytes(THESIS.encode("utf-8"), "harbor-dues.txt")
    assert [(t.label, t.caption.text if t.caption else None, len(t.rows)) for t in doc.tables] == [
        ("Table 1", "Patrol Budgets by Port ($ in thousands)", 4)]
    (table,) = extract(doc).tables
    assert {o.column for o in table.observations} == {"FY2019", "FY2020", "Total"}
    assert all(check.holds for check in table.checks)
