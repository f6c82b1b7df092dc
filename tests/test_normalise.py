"""Normalisation of OCR spacing: squeezed where every gap is wide, kept where spacing means something."""

from __future__ import annotations

from usmxkg.readers.normalise import normalise

OCR_PAGE = (
    "THE  NEW  FRONTIER:  RIVER  PATROLS\n\n"
    "A  thesis  presented  to  the  Faculty  of  the  U.S.  Anny\n"
    "   by\n\n"
    "JANE  Q.  ROE,  MAJOR,  U.S.  ARMY\n"
    "1.  REPORT  DATE\t2.  REPORT  TYPE\n"
)


def test_wide_word_gaps_become_single_spaces_with_exact_offsets() -> None:
    n = normalise(OCR_PAGE)
    assert n.text.splitlines()[0] == "THE NEW FRONTIER: RIVER PATROLS"
    assert "JANE Q. ROE, MAJOR, U.S. ARMY" in n.text
    assert "   by" in n.text  # indentation is layout a reader may use; it stays
    assert "1. REPORT DATE\t2. REPORT TYPE" in n.text  # tabs separate cells and stay
    for k, char in enumerate(n.text):
        if not char.isspace():
            assert n.raw[n.to_raw(k)] == char, k


def test_ordinary_text_keeps_its_few_wide_gaps() -> None:
    text = "Name  Value\nA sentence with single spaces between its words, as typeset text has.\n"
    assert normalise(text).text == text
