"""The box labels of the Report Documentation Page in its three forms, found by their words.

Schools and agencies print one of three forms:

* **SF 298 (Rev. 2-89)**, ANSI Std. Z39-18: twenty numbered boxes, from
  "agency use only" to "limitation of abstract" (NPS theses);
* **SF 298 (Rev. 8-98)**, ANSI Std. Z39.18: report date (DD-MM-YYYY), report
  type, dates covered, title and subtitle, the six funding boxes 5a to 5f
  (contract, grant, program element, project, task and work unit numbers),
  author(s), performing organisation and its report number, sponsoring or
  monitoring agency with its acronym and report number, distribution or
  availability statement, supplementary notes, abstract, subject terms, the
  security classification of report, abstract and page (16a–c), limitation
  of abstract, number of pages, and the responsible person with a telephone
  number (19a–b) (war colleges, CGSC, DTIC-generated pages);
* **DD Form 1473** (headed by the instruction to read the instructions
  before completing the form), boxes 1 to 20 in this order: report number,
  government accession number, recipient's catalog number, title (and
  subtitle), type of report and period covered, performing organisation
  report number, author(s), contract or grant number(s), performing
  organisation name and address, program element / project / task area and
  work unit numbers, controlling office, report date, number of pages,
  monitoring agency, security class of the report, declassification
  schedule, distribution statement of the report and of the abstract,
  supplementary notes, key words, abstract (older student papers, scanned).

Box numbers differ between the forms and OCR mangles them ("IS." for 15,
"<4." for 14) or PDF-to-text drops them, so a label is recognised by its
words: the letters of a run of words are compared with each label's letters
(rapidfuzz normalised Indel similarity, which absorbs OCR slips such as
"AOORESS" or "(end Subtitle)" and words split or joined by the scan). A
one-word label (TITLE, AUTHOR, ABSTRACT) is taken only after a box number or
alone at the start of a line, since the word also occurs in values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz.distance import Indel

_PLURAL = re.compile(r"\((?:e?s)\)", re.IGNORECASE)
_NOT_LETTER = re.compile(r"[^A-Z]")


def squash(text: str) -> str:
    """The letters of a label or a run of words, upper-cased, plural marks "(S)"/"(ES)" dropped.

    >>> squash("7. AUTHOR(S)"), squash("SPONSORING /MONITORING")
    ('AUTHOR', 'SPONSORINGMONITORING')
    """
    return _NOT_LETTER.sub("", _PLURAL.sub("", text).upper())


@dataclass(frozen=True, slots=True)
class Box:
    """A box label: the name its value is kept under, its printed words and the shape of its value.

    Shapes: ``date``, ``dates`` (a range), ``type`` (a report type), ``title``,
    ``names``, ``org`` (organisation and address), ``code``, ``count``,
    ``class`` (a security marking), ``terms``, ``text``, ``none`` (a box whose
    value nothing needs).
    """

    key: str
    words: str
    shape: str
    letters: str = field(init=False, repr=False, compare=False)
    single: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "letters", squash(self.words))
        object.__setattr__(self, "single", " " not in self.words)


BOXES: tuple[Box, ...] = (
    Box("agency-use", "AGENCY USE ONLY", "none"),
    Box("report-date", "REPORT DATE", "date"),
    Box("report-type", "REPORT TYPE AND DATES COVERED", "type"),
    Box("report-type", "REPORT TYPE", "type"),
    Box("report-type", "TYPE OF REPORT AND PERIOD COVERED", "type"),
    Box("dates-covered", "DATES COVERED", "dates"),
    Box("title", "TITLE AND SUBTITLE", "title"),
    Box("title", "TITLE", "title"),
    Box("funding", "FUNDING NUMBERS", "code"),
    Box("contract", "CONTRACT NUMBER", "code"),
    Box("contract", "CONTRACT OR GRANT NUMBER", "code"),
    Box("grant", "GRANT NUMBER", "code"),
    Box("program-element", "PROGRAM ELEMENT NUMBER", "code"),
    Box("program-element", "PROGRAM ELEMENT PROJECT TASK AREA AND WORK UNIT NUMBERS", "code"),
    Box("project", "PROJECT NUMBER", "code"),
    Box("task", "TASK NUMBER", "code"),
    Box("work-unit", "WORK UNIT NUMBER", "code"),
    Box("author", "AUTHOR", "names"),
    Box("advisor", "PAPER ADVISOR", "names"),
    Box("performing-organization", "PERFORMING ORGANIZATION NAME AND ADDRESS", "org"),
    Box("report-number", "PERFORMING ORGANIZATION REPORT NUMBER", "code"),
    Box("report-number", "PERFORMING ORG REPORT NUMBER", "code"),
    Box("report-number", "REPORT NUMBER", "code"),
    Box("sponsoring-agency", "SPONSORING MONITORING AGENCY NAME AND ADDRESS", "org"),
    Box("sponsor-report-number", "SPONSORING MONITORING AGENCY REPORT NUMBER", "code"),
    Box("sponsor-acronym", "SPONSOR MONITOR'S ACRONYM", "code"),
    Box("sponsor-report-number", "SPONSOR MONITOR'S REPORT NUMBER", "code"),
    Box("sponsoring-agency", "CONTROLLING OFFICE NAME AND ADDRESS", "org"),
    Box("sponsoring-agency", "MONITORING AGENCY NAME AND ADDRESS", "org"),
    Box("govt-accession", "GOVT ACCESSION NO", "code"),
    Box("recipient-catalog", "RECIPIENT'S CATALOG NUMBER", "code"),
    Box("supplementary-notes", "SUPPLEMENTARY NOTES", "text"),
    Box("distribution", "DISTRIBUTION AVAILABILITY STATEMENT", "text"),
    Box("distribution-code", "DISTRIBUTION CODE", "code"),
    Box("distribution", "DISTRIBUTION STATEMENT", "text"),
    Box("abstract", "ABSTRACT", "text"),
    Box("subject", "SUBJECT TERMS", "terms"),
    Box("subject", "KEY WORDS", "terms"),
    Box("page-count", "NUMBER OF PAGES", "count"),
    Box("price-code", "PRICE CODE", "code"),
    Box("classification-report", "SECURITY CLASSIFICATION OF REPORT", "class"),
    Box("classification-page", "SECURITY CLASSIFICATION OF THIS PAGE", "class"),
    Box("classification-abstract", "SECURITY CLASSIFICATION OF ABSTRACT", "class"),
    Box("classification", "SECURITY CLASSIFICATION OF", "none"),
    Box("classification-report", "SECURITY CLASS", "class"),
    Box("declassification", "DECLASSIFICATION DOWNGRADING SCHEDULE", "none"),
    Box("limitation", "LIMITATION OF ABSTRACT", "text"),
    Box("responsible-person", "NAME OF RESPONSIBLE PERSON", "names"),
    Box("telephone", "TELEPHONE NUMBER", "code"),
)
"""Every label of the three forms (several labels may fill the same name)."""

SUB_BOXES: dict[str, Box] = {
    "a": Box("classification-report", "REPORT", "class"),
    "b": Box("classification-abstract", "ABSTRACT", "class"),
    "c": Box("classification-page", "THIS PAGE", "class"),
}
"""Rev. 8-98 box 16's lettered cells, "a. REPORT", "b. ABSTRACT", "c. THIS PAGE"."""

MIN_SIMILARITY = 0.86
"""Letters of a run of words must be this similar to a label's (0.92 for labels of ten letters or fewer)."""

_TOKEN = re.compile(r"\S+")
_BOX_NUMBER = re.compile(
    r"(?:(?<=\s)|^)(?:\d{1,2}[a-f]?|[IlSi<|]\d|\d[IlS]|I?S[a-f]?|iS[a-f]?)\s?[.,:\-]?\s*$|(?:(?<=\s)|^)\d{1,2}[a-f]?\s+$"
)
"""A box number right before a label, OCR slips included ("IS." for 15, "<4." for 14, "1 ." for 1)."""
_SUB_NUMBER = re.compile(r"(?:(?<=\s)|^)([abc])\.\s*$")
_PAREN_START = re.compile(r"[ \t]*[,.]?[ \t]*[(<^«\[]")
_DISTRIBUTION_VALUE = re.compile(r"\s*[:.]?\s*[A-F]\b[.:]?|\s*[A-F]?[:.]?\s*Approved", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Label:
    """A label found in the text: the box, where the label starts (box number included) and ends."""

    box: Box
    start: int
    end: int
    parenthetical: str = ""


_FIRST: dict[str, list[Box]] = {}
_SECOND: dict[str, list[Box]] = {}
for _box in BOXES:
    _FIRST.setdefault(_box.letters[:2], []).append(_box)
    _SECOND.setdefault(_box.letters[1:3], []).append(_box)


def find_labels(text: str, start: int, end: int) -> list[Label]:
    """Every box label in ``text[start:end]``, left to right, never overlapping."""
    tokens = [(m.start(), m.end(), squash(m.group())) for m in _TOKEN.finditer(text, start, end)]
    out: list[Label] = []
    i = 0
    previous: Label | None = None
    while i < len(tokens):
        found = _label_at(text, tokens, i, previous)
        if found is None:
            i += 1
            continue
        label, used = found
        out.append(label)
        previous = label
        i += used
        while i < len(tokens) and tokens[i][0] < label.end:
            i += 1
    return out


def _label_at(text: str, tokens: list[tuple[int, int, str]], i: int,
              previous: Label | None) -> tuple[Label, int] | None:
    first = tokens[i][2]
    if not first:
        return None
    candidates = _FIRST.get(first[:2], []) + (_SECOND.get(first[1:3], []) if len(first) >= 3 else [])
    in_classification = previous is not None and previous.box.key.startswith("classification")
    if not candidates and not in_classification:
        return None
    line_start = text.rfind("\n", 0, tokens[i][0]) + 1
    before = text[max(line_start, tokens[i][0] - 8):tokens[i][0]]
    sub = _SUB_NUMBER.search(before) if in_classification else None
    if sub:
        box = SUB_BOXES[sub.group(1)]
        used = _match_length(tokens, i, box.letters)
        if used:
            return _finish(text, box, tokens, i, used, tokens[i][0] - len(before) + sub.start()), used
    numbered = _BOX_NUMBER.search(before)
    best: tuple[float, int, Box, int] | None = None
    for box in candidates:
        if box.single and not (numbered or _alone_at_line_start(text, tokens, i, line_start)):
            continue
        if len(first) > 2 and Indel.normalized_similarity(first, box.letters[:len(first)]) < 0.7:
            continue  # the first word is not how this label starts
        for used in _windows(tokens, i, len(box.letters)):
            joined = "".join(t[2] for t in tokens[i:i + used])
            score = Indel.normalized_similarity(box.letters, joined)
            need = MIN_SIMILARITY if len(box.letters) > 10 else 0.92
            if box.single:
                need = 1.0 if len(box.letters) <= 6 else 0.9
            if score >= need and (best is None or (score, len(box.letters)) > (best[0], best[1])):
                best = (score, len(box.letters), box, used)
    if best is None:
        return None
    _, _, box, used = best
    if box.key == "distribution" and box.words == "DISTRIBUTION STATEMENT" \
            and _DISTRIBUTION_VALUE.match(text, tokens[i + used - 1][1]):
        return None  # "DISTRIBUTION STATEMENT A: Approved …" is the value, not the label
    label_start = tokens[i][0]
    if numbered:
        label_start = max(line_start, tokens[i][0] - 8) + numbered.start()
    return _finish(text, box, tokens, i, used, label_start), used


def _alone_at_line_start(text: str, tokens: list[tuple[int, int, str]], i: int, line_start: int) -> bool:
    """A one-word label in capitals opening its line ("ABSTRACT", "AUTHOR(S)")."""
    if text[line_start:tokens[i][0]].strip():
        return False
    word = text[tokens[i][0]:tokens[i][1]]
    return word.upper() == word


def _windows(tokens: list[tuple[int, int, str]], i: int, length: int) -> list[int]:
    """Numbers of tokens from ``i`` whose letters come close to ``length`` (words split or joined by OCR)."""
    slack = max(2, length // 8)
    out = []
    total = 0
    for used in range(1, 14):
        if i + used > len(tokens):
            break
        total += len(tokens[i + used - 1][2])
        if total > length + slack:
            break
        if total >= length - slack:
            out.append(used)
    return out


def _match_length(tokens: list[tuple[int, int, str]], i: int, letters: str) -> int:
    for used in _windows(tokens, i, len(letters)):
        if "".join(t[2] for t in tokens[i:i + used]) == letters:
            return used
    return 0


def _finish(text: str, box: Box, tokens: list[tuple[int, int, str]], i: int, used: int, start: int) -> Label:
    """The label with its parenthetical ("(DD-MM-YYYY)", "(Leave blank)", "(of this Report)") consumed."""
    end = tokens[i + used - 1][1]
    last = text[tokens[i + used - 1][0]:end]
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    rest = text[end:min(line_end, end + 90)]
    paren = ""
    opened = ("(" in last and ")" not in last[last.index("("):]) or any(c in last for c in "<^«[")
    if _PAREN_START.match(rest) or opened:
        close = rest.find(")")
        if close >= 0:
            paren = rest[:close + 1]
            end += close + 1
    if box.key == "distribution" and re.search(r"abstract|block", paren, re.IGNORECASE):
        box = Box("distribution-abstract", box.words, "none")
    colon = re.match(r"[ \t]*:", text[end:end + 3])
    if colon:
        end += colon.end()
    return Label(box, start, end, paren)
