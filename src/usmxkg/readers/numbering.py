"""Outline labels of headings and the counters that tell which level a label stands for.

Three numbering conventions meet in theses and school papers:

* the classic outline (U.S. government style, NPS theses): ``I.`` chapters,
  ``A.`` sections, ``1.`` subsections, ``a.`` sub-subsections;
* chapter words (CGSC, SAMS, most university theses): "CHAPTER 1",
  "CHAPTER IV", "Chapter One", alone on a line or before the title;
* decimal numbering (ISO 2145): "1.1", "2.3.1" under chapter 1, 2, …

:func:`match_label` reads a label at the start of a line; :class:`Numbering`
gives it a level and says whether it continues the numbering in sequence,
which is what keeps numbered list items in prose from becoming headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CLASSIC = re.compile(r"^(?P<label>[IVXLC]{1,6}|[A-Z]|\d{1,2}|[a-z])\.[\t ]+(?=\S)")
"""A classic outline label: ``IV.``, ``B.``, ``12.``, ``c.``."""

NUMBER_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen",
)
CHAPTER = re.compile(
    r"^CHAPTER[\t ]+(?P<label>\d{1,2}|[IVXLC]{1,6}|" + "|".join(NUMBER_WORDS) + r")\b[\t ]*[.:—–-]?[\t ]*",
    re.IGNORECASE,
)
"""A chapter label: "CHAPTER 2", "Chapter Two:", "CHAPTER IV."; the title may follow or stand on the next line."""

DECIMAL = re.compile(r"^(?P<label>\d{1,2}(?:\.\d{1,2}){1,3})\.?[\t ]+(?=\S)")
"""A decimal label: "1.1", "2.3.1" (a closing period is tolerated)."""


@dataclass(frozen=True, slots=True)
class Label:
    """A label at the start of a line: as printed, its scheme and where the title after it begins."""

    number: str
    scheme: str  # classic, chapter, decimal
    end: int


def match_label(text: str) -> Label | None:
    """The outline label opening ``text``, if any.

    >>> match_label("CHAPTER 3 METHODOLOGY"), match_label("2.1 Sources")
    (Label(number='3', scheme='chapter', end=10), Label(number='2.1', scheme='decimal', end=4))
    >>> match_label("IV. FINDINGS").scheme, match_label("Chapter One").end
    ('classic', 11)
    """
    m = CHAPTER.match(text)
    if m:
        return Label(m.group("label"), "chapter", m.end())
    m = DECIMAL.match(text)
    if m:
        return Label(m.group("label"), "decimal", m.end())
    m = CLASSIC.match(text)
    if m:
        return Label(m.group("label"), "classic", m.end())
    return None


def roman_value(label: str) -> int:
    """Integer value of an upper-case Roman numeral (0 when it is not one).

    >>> roman_value("XIV"), roman_value("IIII"), roman_value("B")
    (14, 4, 0)
    """
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    if not label or any(c not in values for c in label):
        return 0
    total = 0
    for a, b in zip(label, label[1:] + " ", strict=True):
        va, vb = values[a], values.get(b, 0)
        total += -va if va < vb else va
    return total


def chapter_value(label: str) -> int:
    """The number of a chapter label: "3", "III", "Three" → 3 (0 when unreadable).

    >>> chapter_value("12"), chapter_value("IV"), chapter_value("seven")
    (12, 4, 7)
    """
    if label.isdigit():
        return int(label)
    if label.casefold() in NUMBER_WORDS:
        return NUMBER_WORDS.index(label.casefold()) + 1
    return roman_value(label.upper())


class Numbering:
    """Tracks the outline counters to tell a chapter ``C.``/``I.``/``V.`` from a section letter.

    Single letters that are also Roman numerals are read as whatever comes
    next in sequence: ``C.`` after ``B.`` is a section, ``V.`` after ``IV.``
    is a chapter. Chapter and decimal labels keep their own counters: a
    chapter is level 1, "n.m" level 2, "n.m.k" level 3.
    """

    def __init__(self) -> None:
        self.roman = 0
        self.letter = ""
        self.arabic = 0
        self.lower = ""
        self.chapter = 0
        self.path: tuple[int, ...] = ()

    def level(self, label: str, scheme: str = "classic") -> int:
        """Outline level of ``label`` (1 to 4), 0 when it is not an outline label."""
        if scheme == "chapter":
            return 1 if chapter_value(label) else 0
        if scheme == "decimal":
            return min(label.count(".") + 1, 4)
        if label.isdigit():
            return 3
        if len(label) == 1 and label.islower():
            return 4
        if len(label) > 1:
            return 1 if roman_value(label) else 0
        if not label.isupper():
            return 0
        if label not in "IVXLC":
            return 2
        expect_roman = roman_value(label) == self.roman + 1
        expect_letter = (ord(label) == ord(self.letter) + 1) if self.letter else label == "A"
        if expect_letter and not expect_roman:
            return 2
        if expect_roman:
            return 1
        return 2

    def expected(self, label: str, level: int, scheme: str = "classic") -> bool:
        """Whether ``label`` continues (or starts) the numbering at ``level``."""
        if scheme == "chapter":
            return chapter_value(label) == self.chapter + 1
        if scheme == "decimal":
            parts = tuple(int(p) for p in label.split("."))
            head, last = parts[:-1], parts[-1]
            known = self.path[:len(head)]
            if head != known and not (len(head) == 1 and head[0] == self.chapter and not self.path):
                return False
            current = self.path[len(head)] if len(self.path) > len(head) else 0
            return last == current + 1
        if level == 1:
            return roman_value(label) == self.roman + 1
        if level == 2:
            return ord(label) == (ord(self.letter) + 1 if self.letter else ord("A"))
        if level == 3:
            return int(label) == self.arabic + 1
        return ord(label) == (ord(self.lower) + 1 if self.lower else ord("a"))

    def advance(self, label: str, level: int, scheme: str = "classic") -> None:
        """Record ``label`` at ``level``; deeper counters restart."""
        if scheme == "chapter":
            self.chapter = chapter_value(label)
            self.path = (self.chapter,)
            return
        if scheme == "decimal":
            self.path = tuple(int(p) for p in label.split("."))
            return
        if level == 1:
            self.roman, self.letter, self.arabic, self.lower = roman_value(label), "", 0, ""
        elif level == 2:
            self.letter, self.arabic, self.lower = label, 0, ""
        elif level == 3:
            self.arabic, self.lower = int(label), ""
        elif level == 4:
            self.lower = label

    def reset(self) -> None:
        """Start over (a new part such as an appendix numbers its sections afresh)."""
        self.roman, self.letter, self.arabic, self.lower = 0, "", 0, ""
        self.chapter, self.path = 0, ()
