"""Which kind of document a text is, from its content alone, with the reasons.

Each kind has a few cues that its genre's conventions put into every
instance — an SF 298 "REPORT DOCUMENTATION PAGE" in a government thesis, a
dateline in a news release, DSpace field labels in a catalogue record,
heading lines between long paragraphs in a blog post. Each cue has a weight
(see :data:`CUES`); a document's score for a kind is the sum of the weights of
the cues it shows, scaled by how strongly it shows them. The highest score
wins if it reaches :data:`THRESHOLD`; a kind's strongest single cue reaches the
threshold on its own, weaker ones must agree. Because the decision is a sum
of named cues, :func:`score` can say why a text got its kind, and a new cue is
one row in the table.

File names are never consulted: the same bytes get the same kind wherever
they are stored.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from usmxkg.document import DocumentKind
from usmxkg.readers import catalog, news, web
from usmxkg.readers.text import Line, blocks, is_title_like, split_lines, unwrapped

THRESHOLD = 3.0
"""Score a kind needs to be chosen; below it the text is read as plain text."""

AMBIGUITY_MARGIN = 1.0
"""A runner-up this close to the winner is reported in a warning."""

HEAD_CHARS = 200_000
TAIL_CHARS = 5_000
"""Cues are looked for in the head and the tail only, so detection time does not grow with file size."""

LONG_TEXT = 60_000
"""Characters beyond which a text is a full-length work, not a record or a release."""

PROSE_CHARS = 300
"""A line this long is a paragraph of prose (unwrapped text)."""

MAX_FRAGMENT_SHARE = 0.35
"""Above this share of short fragment lines a text is not running prose (blogs measure near 0)."""

UNRECOGNISED = "could not recognise the document kind; read as plain text"


@dataclass
class Sample:
    """The parts of a text the cues look at; derived views are computed once, on first use."""

    length: int
    head: str
    tail: str

    @classmethod
    def of(cls, text: str) -> Sample:
        tail = text[-TAIL_CHARS:] if len(text) > HEAD_CHARS else ""
        return cls(len(text), text[:HEAD_CHARS], tail)

    @cached_property
    def lines(self) -> list[Line]:
        """Non-blank lines of the head."""
        return split_lines(self.head)

    @cached_property
    def words(self) -> int:
        return len(self.head.split())

    def count(self, pattern: re.Pattern[str]) -> int:
        return len(pattern.findall(self.head)) + len(pattern.findall(self.tail))

    def has(self, pattern: re.Pattern[str]) -> bool:
        return bool(pattern.search(self.head) or pattern.search(self.tail))


@dataclass(frozen=True, slots=True)
class Cue:
    """A named piece of evidence for a kind: ``weight`` * ``strength(sample)`` (strength in 0..1, or more)."""

    kind: DocumentKind
    name: str
    weight: float
    strength: Callable[[Sample], float]


@dataclass(frozen=True, slots=True)
class Scored:
    """A kind's total score and the cues that contributed, as (cue name, points)."""

    kind: DocumentKind
    total: float
    hits: tuple[tuple[str, float], ...]

    def explain(self) -> str:
        cues = ", ".join(f"{name} {points:+.1f}" for name, points in self.hits)
        return f"{self.kind.value} {self.total:.1f}" + (f" ({cues})" if cues else "")


_M = re.MULTILINE
_SF298 = re.compile(r"^\s*REPORT DOCUMENTATION PAGE\b", _M | re.IGNORECASE)
_PARTIAL_FULFILMENT = re.compile(r"submitted in partial fulfil+ment", re.IGNORECASE)
_WORK_LINE = re.compile(
    r"^\s*(?:THESIS|DISSERTATION|MASTER[’']S THESIS|DOCTORAL DISSERTATION|CAPSTONE PROJECT(?: REPORT)?"  # noqa: RUF001
    r"|MBA PROFESSIONAL REPORT|TECHNICAL REPORT)\s*$", _M)
_BY_LINE = re.compile(r"^\s*by\s*$", _M)
_COMMITTEE = re.compile(
    r"^\s*(?:(?:Thesis|Dissertation|Project) (?:Co-)?(?:Advisors?|Supervisors?)|Second Reader)\b",
    _M | re.IGNORECASE,
)
_TOC = re.compile(r"^\s*TABLE OF CONTENTS\s*$", _M | re.IGNORECASE)
_CHAPTER = re.compile(r"^\s*(?:[IVX]{1,5}\.|CHAPTER \d+\.?)\s+[A-Z][A-Z ,:;'’&-]{3,}$", _M)  # noqa: RUF001
_REFERENCE_LIST = re.compile(
    r"^\s*(?:LIST OF REFERENCES|BIBLIOGRAPHY|WORKS CITED|INITIAL DISTRIBUTION LIST)\s*$", _M | re.IGNORECASE)
_FOOTNOTE_MARK = re.compile(r"(?<=[\w.,;:”\")’])[¹²³⁴⁵⁶⁷⁸⁹⁰]+")  # noqa: RUF001
_DEGREE = re.compile(
    r"\b(?:MASTER|DOCTOR) OF (?:SCIENCE|ARTS|PHILOSOPHY|BUSINESS ADMINISTRATION)\b", re.IGNORECASE)

_DSPACE_FURNITURE = re.compile(
    r"^\s*(?:Loading\.\.\.|Show (?:full|simple) item record|Files in this item)\s*$", _M)
_HANDLE = re.compile(r"hdl\.handle\.net/|/handle/\d+(?:\.\d+)*/\d+|\bhdl:\d")

_PRESS_COUNTER = re.compile(r"^\s*There (?:were|are) [\d,]+ press releases? posted\b", _M)
_DISTRIBUTION_CHANNELS = re.compile(r"^\s*Distribution channels?:", _M)
_RELEASE_FURNITURE = re.compile(
    r"^\s*(?:FOR IMMEDIATE RELEASE|###|-\s*30\s*-|Release No\.?:?\s*\S+|Media (?:contacts?|inquiries)\b)", _M)
_FOLLOW = re.compile(rf"^\s*\(?Follow .{{2,60}}? on {news.SOCIAL}\b", _M)
_SAID = re.compile(r"\b(?:said|says|told)\b")
_ATTRIBUTION = re.compile(r"[,.?!][”\"]\s+(?:[A-Z][\w.’'-]*\s+){0,4}?(?:[A-Z][\w’'-]+|he|she|they)\s+"  # noqa: RUF001
                          r"(?:said|says|added|explained|noted|told)\b")

_CHATTY = re.compile(r"\b(?:you|your|yours|yourself|you[’']re|you[’']ll|you[’']ve|guys|folks|let[’']s"  # noqa: RUF001
                     r"|we[’']re|we[’']ll|we[’']ve)\b|!", re.IGNORECASE)  # noqa: RUF001


def _sf298(s: Sample) -> float:
    return float(s.has(_SF298))


def _partial_fulfilment(s: Sample) -> float:
    return float(s.has(_PARTIAL_FULFILMENT))


def _title_page(s: Sample) -> float:
    """THESIS line, "by" line, committee label: each a third of the cue."""
    return (s.has(_WORK_LINE) + s.has(_BY_LINE) + s.has(_COMMITTEE)) / 3


def _toc(s: Sample) -> float:
    return float(s.has(_TOC))


def _chapters(s: Sample) -> float:
    return float(s.count(_CHAPTER) >= 2)


def _reference_list(s: Sample) -> float:
    return float(s.has(_REFERENCE_LIST))


def _footnote_marks(s: Sample) -> float:
    return min(s.count(_FOOTNOTE_MARK) / 20, 1.0)


def _degree(s: Sample) -> float:
    return float(s.has(_DEGREE))


def _long(s: Sample) -> float:
    return float(s.length >= LONG_TEXT)


def _dspace_labels(s: Sample) -> float:
    """Distinct DSpace labels as whole lines; four make the cue, eight double it.

    All-capital lines are left out: a thesis's "ABSTRACT" heading is not a
    repository label, which DSpace prints in title case.
    """
    found = catalog.count_labels([line.text for line in s.lines if any(c.islower() for c in line.text)])
    return 0.0 if found < 4 else min(found, 8) / 4


def _dublin_core(s: Sample) -> float:
    return float(catalog.count_dublin_core_rows([line.text for line in s.lines[:400]]) >= 3)


def _dspace_furniture(s: Sample) -> float:
    return float(s.has(_DSPACE_FURNITURE))


def _handle(s: Sample) -> float:
    return float(bool(_HANDLE.search(s.head[:20_000])))


def _dateline(s: Sample) -> float:
    lines = [line for line in s.lines[: news.HEAD_LINES + 4] if not news.BOILERPLATE.match(line.text)]
    found = news.find_dateline(lines)
    if found is None:
        return 0.0
    match = found[1]
    return 1.0 if match.group("date") or match.group("agency") else 2 / 3


def _press_counter(s: Sample) -> float:
    return float(s.has(_PRESS_COUNTER))


def _distribution_channels(s: Sample) -> float:
    return float(s.has(_DISTRIBUTION_CHANNELS))


def _release_furniture(s: Sample) -> float:
    return float(s.has(_RELEASE_FURNITURE))


def _follow_byline(s: Sample) -> float:
    return float(s.has(_FOLLOW))


def _byline_top(s: Sample) -> float:
    return float(any(line.text.startswith("By ") and len(line) <= 100 for line in s.lines[:6]))


def _date_line_top(s: Sample) -> float:
    return float(any(news.DATE_LINE.match(line.text) for line in s.lines[1:6]))


def _said_density(s: Sample) -> float:
    """Reported speech: "said" per 1,000 words, full strength at 10 (news runs 10 to 25, theses under 1)."""
    count = s.count(_SAID)
    return 0.0 if count < 3 or not s.words else min(count * 1000 / s.words / 10, 1.0)


def _attributions(s: Sample) -> float:
    return float(s.count(_ATTRIBUTION) >= 2)


def _web_headings(s: Sample) -> float:
    """Title line, then at least two heading lines each followed by body text.

    Only when the rest is paragraphs: records, forms and front matter also have
    a few short lines above long ones, but are mostly fragments.
    """
    lines = s.lines[:2000]
    if len(lines) < 4 or not is_title_like(lines[0]):
        return 0.0
    headings = web.find_headings(s.head, lines[1:])
    if len(headings) < 2 or web.fragment_share(s.head, lines[1:], headings) > MAX_FRAGMENT_SHARE:
        return 0.0
    return min(len(headings) / 2, 1.0)


def _title_and_prose(s: Sample) -> float:
    """A title line, then mostly paragraphs of prose (a blog post without headings still has these)."""
    lines = s.lines[:2000]
    if len(lines) < 3 or not is_title_like(lines[0]):
        return 0.0
    prose = 0
    for block in blocks(s.head, lines[1:]):
        if len(block) == 1 or unwrapped(block):
            prose += sum(1 for line in block if len(line) >= PROSE_CHARS)
        else:
            prose += sum(len(line) for line in block) >= PROSE_CHARS
    headings = web.find_headings(s.head, lines[1:])
    if prose < 2 or web.fragment_share(s.head, lines[1:], headings) > MAX_FRAGMENT_SHARE:
        return 0.0
    return 1.0


def _chatty(s: Sample) -> float:
    """Second person, "let's", "guys", exclamations per 1,000 words; full strength at 8."""
    return 0.0 if not s.words else min(s.count(_CHATTY) * 1000 / s.words / 8, 1.0)


def _blog_furniture(s: Sample) -> float:
    return float(any(web.FURNITURE.match(line.text) for line in s.lines[:3000]))


T, C, N, W = (DocumentKind.THESIS, DocumentKind.CATALOG_RECORD, DocumentKind.NEWS_RELEASE,
              DocumentKind.WEB_ARTICLE)

CUES: tuple[Cue, ...] = (
    Cue(T, "report documentation page (SF 298)", 3.0, _sf298),
    Cue(T, "submitted in partial fulfillment", 3.0, _partial_fulfilment),
    Cue(T, "title page: THESIS / by / advisor", 3.0, _title_page),
    Cue(T, "table of contents", 1.5, _toc),
    Cue(T, "numbered chapter headings", 1.0, _chapters),
    Cue(T, "list of references", 1.0, _reference_list),
    Cue(T, "superscript footnote markers", 2.0, _footnote_marks),
    Cue(T, "degree statement", 1.0, _degree),
    Cue(T, "full-length text", 1.0, _long),
    Cue(C, "DSpace field labels", 3.0, _dspace_labels),
    Cue(C, "Dublin Core rows (full item record)", 4.0, _dublin_core),
    Cue(C, "repository page furniture", 0.5, _dspace_furniture),
    Cue(C, "handle identifier", 0.5, _handle),
    Cue(C, "full-length text", -3.0, _long),
    Cue(N, "dateline", 3.0, _dateline),
    Cue(N, "press-release counter", 1.5, _press_counter),
    Cue(N, "distribution channels", 1.5, _distribution_channels),
    Cue(N, "release furniture (FOR IMMEDIATE RELEASE, Release No., ###, -30-)", 3.0, _release_furniture),
    Cue(N, "follow-on-social-media byline", 1.0, _follow_byline),
    Cue(N, "By-line at the top", 0.5, _byline_top),
    Cue(N, "date line at the top", 0.5, _date_line_top),
    Cue(N, "reported speech (said density)", 2.0, _said_density),
    Cue(N, "quote attributions", 1.0, _attributions),
    Cue(W, "title and heading lines between long paragraphs", 3.0, _web_headings),
    Cue(W, "title line then paragraphs of prose", 1.5, _title_and_prose),
    Cue(W, "chatty second-person register", 1.5, _chatty),
    Cue(W, "blog page furniture", 1.5, _blog_furniture),
    Cue(W, "full-length text", -1.0, _long),
)
"""The cue table: kind, name, weight, strength function."""


def score(text: str) -> list[Scored]:
    """Every kind's score with its contributing cues, best first (ties in table order)."""
    sample = Sample.of(text)
    totals: dict[DocumentKind, list[tuple[str, float]]] = {}
    for cue in CUES:
        points = round(cue.weight * cue.strength(sample), 1)
        hits = totals.setdefault(cue.kind, [])
        if points:
            hits.append((cue.name, points))
    scored = [Scored(kind, round(sum(p for _, p in hits), 1), tuple(hits)) for kind, hits in totals.items()]
    return sorted(scored, key=lambda s: -s.total)


def detect(text: str) -> tuple[DocumentKind, list[str]]:
    """The kind of ``text`` and warnings about the decision (unrecognised, or close to another kind)."""
    ranked = score(text)
    best = ranked[0]
    if best.total < THRESHOLD:
        return DocumentKind.TEXT, [f"{UNRECOGNISED} (best guess {best.explain()}; {THRESHOLD:.1f} needed)"]
    warnings = []
    runner = ranked[1] if len(ranked) > 1 else None
    if runner is not None and runner.total >= THRESHOLD and best.total - runner.total < AMBIGUITY_MARGIN:
        warnings.append(f"document kind is ambiguous: {best.explain()} vs {runner.explain()}; "
                        f"read as {best.kind.value}")
    return best.kind, warnings
