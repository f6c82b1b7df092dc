"""Report reader: agency and think-tank reports, institute series papers and journal articles.

Three families share this reader because they share a shape — a cover or
masthead that states title, authors (or an agency as author), date and a
number, a summary, then the text — and differ only in their conventions:

- Congressional Research Service reports and In Focus/Insight products
  (:mod:`usmxkg.readers.report_crs`);
- Government Accountability Office reports, highlights, testimonies and
  product pages (:mod:`usmxkg.readers.report_gao`);
- institute series (NDU/INSS Strategic Forum, occasional papers) and
  professional journal articles (:mod:`usmxkg.readers.report_series`).

Detection looks at the front of the text only (the cover and first page),
so a report of which only the first 2,000 characters survived is still
recognised, and a thesis that cites CRS or GAO in its bibliography is not.
Host-site clutter around the report (viewer page counters, download lines,
skip links) is marked as furniture first (:mod:`usmxkg.readers.host_clutter`);
photo captions become caption zones (:mod:`usmxkg.readers.captions`).
"""

from __future__ import annotations

import re

from usmxkg.document import Document
from usmxkg.readers import report_crs, report_gao, report_series
from usmxkg.readers.blog_platform import blog_framing
from usmxkg.readers.captions import find_captions
from usmxkg.readers.cues import Cue, Sample
from usmxkg.readers.host_clutter import strip_clutter, viewer_counter
from usmxkg.readers.lines import Line, paragraph_spans, split_lines
from usmxkg.readers.registry import Reader
from usmxkg.readers.report_parts import label_line, mark_contents
from usmxkg.readers.sample_cache import per_sample
from usmxkg.readers.sf298 import HEADING as SF298_HEADING

FRONT_CHARS = 6000
"""Cues look at this much of the start: the cover, the first page and any host clutter above them."""

FRONT_LINES = 80
MASTHEAD_LINES = 12

_M = re.MULTILINE


def read(doc: Document) -> None:
    """Fill a REPORT document: cover fields of its family, zones, sections of the highlights, paragraphs."""
    lines = strip_clutter(doc, split_lines(doc.text))
    if not lines:
        doc.warnings.append("report: no text besides host-site clutter")
        return
    captions = find_captions(lines)
    for caption in captions:
        doc.add_zone("caption", caption.start, caption.end)
    caption_starts = {caption.start for caption in captions}
    kept = [line for line in lines if line.start not in caption_starts]
    family = family_of(Sample.of(doc.text))
    if family == "crs":
        body = report_crs.read_cover(doc, kept)
    elif family == "gao":
        stops = sorted(caption_starts | {zone.span.start for zone in doc.zones if zone.kind == "furniture"})
        body = report_gao.read_cover(doc, kept, stops)
    else:
        body = report_series.read_front(doc, kept)
    if kept and body > kept[0].start:
        inside = next((line for line in kept if line.start < body < line.end), None)
        run_together = inside is not None and doc.text[body:inside.end].strip()  # the text goes on after the cover
        doc.add_zone("front-matter", kept[0].start, body if run_together else _line_end(kept, body))
    mark_contents(doc, [line for line in kept if line.start >= body])
    aside = [(zone.span.start, zone.span.end) for zone in doc.zones if zone.kind in ("furniture", "contents")]
    aside.extend((s.title.start, s.title.end + 1) for s in doc.sections)  # + the colon of "Heading:"
    body_lines = [line for line in kept if line.start >= body
                  and not any(start <= line.start and line.end <= end for start, end in aside)]
    inside = next((line for line in kept if line.start < body < line.end), None)
    if inside is not None and doc.text[body:inside.end].strip():  # a cover run together with the text
        start = body + len(doc.text[body:inside.end]) - len(doc.text[body:inside.end].lstrip())
        body_lines.insert(0, Line(start, inside.end, doc.text[start:inside.end]))
    doc.paragraphs.extend(paragraph_spans(doc, body_lines))
    for name in ("title", "date"):
        if name not in doc.fields:
            doc.warnings.append(f"report ({family}): no {name} found on the cover")


def _line_end(lines: list[Line], offset: int) -> int:
    """The end of the last line that starts before ``offset`` (so a zone never ends inside a line)."""
    return max((line.end for line in lines if line.start < offset), default=offset)


def family_of(s: Sample) -> str:
    """Which family's conventions the front of the text follows: "crs", "gao" or "series"."""
    scores = {
        "crs": _crs_cover(s) + _crs_positions(s) + _crs_number(s) + _crs_dated_number(s),
        "gao": _gao_preamble(s) + _gao_product_page(s) + _gao_highlights(s) + _gao_numbers(s) + _gao_cover(s),
        "series": _series_masthead(s) + _journal_masthead(s),
    }
    return max(scores, key=lambda family: scores[family])


# --------------------------------------------------------------------------- detection cues

@per_sample
def has_cover(s: Sample) -> bool:
    """True when the front of a text is a report's cover or a series or journal masthead.

    Other readers use it as evidence against their kind: a post or a web
    page does not open with a CRS cover, a GAO preamble or a masthead.
    """
    return (_crs_cover(s) >= 1 or _gao_preamble(s) > 0 or _gao_product_page(s) > 0 or _series_masthead(s) >= 1
            or _journal_masthead(s) > 0)


def _front(s: Sample) -> str:
    return s.head[:FRONT_CHARS]


def _front_lines(s: Sample) -> list[Line]:
    return [line for line in s.lines[:FRONT_LINES] if line.start < FRONT_CHARS]


_CRS_MARKS = tuple((word, re.compile(pattern, _M)) for word, pattern in (
    ("7-5700", r"\b7-5700\b"), ("crs", r"www\.crs\.gov|crsreports\.congress\.gov"),
    ("CRS Report", r"^[ \t]*CRS Report for Congress[ \t]*$"),
    ("Committees", r"repared\s+for\s+Members\s+and\s+Committees\s+of\s+Congress"),
    ("Congressional", r"^[ \t]*Congressional Research Serv\w*"),
    ("Informing", r"Informing the legislative debate since 1914"),
    ("IN", r"^[ \t]*(?:CRS\s+)?(?:INSIGHT|IN FOCUS)[ \t]*$"),
    ("prepared", r"prepared\s+by\s+the\s+Congressional\s+Research\s+Service"),
    ("VERSION", r"\b(?:IF|IN|R)\d{4,5}\s*·\s*VERSION\b"), ("CRS Web", r"Received through the CRS Web"),
    ("Order Code", r"\bOrder Code\s+(?:RL|RS|IB|R)\d{4,5}\b"), ("Division", report_crs.DIVISION),
))
"""Lines of a CRS cover or product, each with a word it must contain (a cheap test before the pattern)."""


@per_sample
def _crs_cover(s: Sample) -> float:
    """CRS cover and product lines (front, or tail of a short product): 1 for two of them, 1.5 for three or more."""
    texts = (_front(s), s.tail or s.head[-3000:])
    hits = sum(1 for word, mark in _CRS_MARKS if any(word in text and mark.search(text) for text in texts))
    return 0.0 if hits < 2 else min(hits / 2, 1.5)


_ROLE_WORDS = ("ist in", "yst in", "Research Manager", "Legislative Attorney", "Research Librarian")
"""Substrings every CRS position contains (also as OCR prints them): a cheap test before the pattern."""


def _crs_positions(s: Sample) -> float:
    """An author's CRS position ("Specialist in …", "Analyst in …", "Section Research Manager")."""
    front = _front(s)
    return float(any(word in front for word in _ROLE_WORDS) and bool(report_crs.ROLE.search(front)))


_CRS_NUMBER_LINE = re.compile(r"(?:RL|RS|IF|IN|R)\d{4,5}[ \t]*$", _M)
_BEFORE_NUMBER = re.compile(r"(?:^|www\.crs\.gov\s+|\|\s*)$")


_CRS_DATED_NUMBER = re.compile(rf"^\s*(?:{report_crs.DATE.pattern})\s*\((?:RL|RS|IF|IN|R)\d{{4,5}}\)\s*$", _M)


def _crs_dated_number(s: Sample) -> float:
    """The date and report number line of a CRS report's web edition: "June 4, 2018 (R45210)"."""
    return float(bool(_CRS_DATED_NUMBER.search(_front(s))))


def _crs_number(s: Sample) -> float:
    """A CRS number alone on its line, or after "www.crs.gov" or a "|" on a run-together line."""
    for text in (_front(s), s.tail or s.head[-3000:]):
        for match in _CRS_NUMBER_LINE.finditer(text):
            before = text[text.rfind("\n", 0, match.start()) + 1:match.start()]
            if _BEFORE_NUMBER.search(before) and not before[-1:].isalnum():
                return 1.0
    return 0.0


def _gao_preamble(s: Sample) -> float:
    return float(bool(re.search(r"accessible\s+text\s+file\s+for\s+GAO", _front(s), re.IGNORECASE)))


def _gao_product_page(s: Sample) -> float:
    return float(bool(report_gao.PRODUCT_LINE.search(_front(s))))


_GAO_LABELS = ("GAO Highlights", "Why GAO Did This Study", "What GAO Found", "What GAO Recommends")


def _gao_highlights(s: Sample) -> float:
    """GAO's highlights labels (read through OCR slips); full strength at two."""
    lines = [line for line in _front_lines(s) if 10 <= len(line) <= 30]  # the labels' lengths, colon included
    hits = sum(1 for label in _GAO_LABELS if any(label_line(line, (label,)) for line in lines))
    if re.search(r"Highlights\s+of\s+GAO-", _front(s)):
        hits += 1
    return min(hits / 2, 1.0)


_GAO_NUMBER_LINE = re.compile(rf"^\s*{report_gao.NUMBER_FORM}:?\s*$", _M)


def _gao_numbers(s: Sample) -> float:
    """GAO product numbers: full strength for two, or for one on a line of its own (the cover's)."""
    front = _front(s)
    return 1.0 if _GAO_NUMBER_LINE.search(front) else min(len(report_gao.NUMBER.findall(front)) / 2, 1.0)


_GAO_AGENCY = re.compile(r"^\s*United States (?:Government Accountability|General Accounting) Office", _M)
_GAO_ADDRESSEE = re.compile(
    r"^\s*(?:Report to (?:Congressional (?:Requesters|Committees)|the (?:Chairman|Ranking Member|Congress|Secretary)\b"
    r"|Congressional Committees)|Testimony Before\b)", _M | re.IGNORECASE)


def _gao_cover(s: Sample) -> float:
    """The cover's agency line and addressee line ("Report to Congressional Requesters"), half each."""
    front = _front(s)
    return (bool(_GAO_AGENCY.search(front)) + bool(_GAO_ADDRESSEE.search(front))) / 2


@per_sample
def _series_masthead(s: Sample) -> float:
    """A series name at the top with its number or date beside or under it (0.5 for the name alone)."""
    head = _front_lines(s)[:MASTHEAD_LINES]
    if not head:
        return 0.0
    found = report_series.SERIES.search(s.head, head[0].start, head[-1].end)
    if found is None:
        return 0.0
    k = next(k for k, line in enumerate(head) if line.end >= found.end())
    near = " ".join(h.text for h in head[k:k + 3])
    return 1.0 if report_series.NUMBERING.search(near) or report_series.DATE.search(near) else 0.5


def _journal_masthead(s: Sample) -> float:
    """A journal name on a masthead line with its volume, number or issue date."""
    head = _front_lines(s)[:MASTHEAD_LINES]
    for k, line in enumerate(head):
        if report_series.JOURNALS.match(line.text) and len(line) <= 120:
            near = " ".join(h.text for h in head[max(k - 1, 0):k + 3])
            if report_series.NUMBERING.search(near) or report_series.ISSUE_DATE.search(near) \
                    or report_series.DATE.search(near):
                return 1.0
    return 0.0


def _by_line(s: Sample) -> float:
    """A by-line naming the author beside or under the title ("TITLE by NAME", "by Dr. NAME …")."""
    head = _front_lines(s)[:MASTHEAD_LINES]
    return float(any(_BY_NAME.search(line.text) for line in head))


_BY_NAME = re.compile(r"(?:^|(?<!Posted)\s)[Bb]y\s+(?:Dr\.\s+)?[A-Z][\w'’-]+\s+(?:[A-Z]\.\s+)?[A-Z][\w'’-]+")


def _key_points(s: Sample) -> float:
    return float(any(re.match(r"(?:Key Points|Executive Summary)\b", line.text) for line in _front_lines(s)))


_DISCLAIMER = re.compile(r"(?:opinions|views),?\s+conclusions,?\s+(?:and|or)\s+recommendations\s+expressed"
                         r"|\bSeries\s+Editor:", re.IGNORECASE)


def _institute_front_matter(s: Sample) -> float:
    front = _front(s)
    return float(("ecommendations" in front or "Editor:" in front) and bool(_DISCLAIMER.search(front)))


def _viewer(s: Sample) -> float:
    return float(viewer_counter(s.lines) is not None)


_SF298 = re.compile(SF298_HEADING.pattern, _M | re.IGNORECASE)
_PARTIAL_FULFILMENT = re.compile(r"in\s+partial\s+fulfil+ment", re.IGNORECASE)


def _blog_framing(s: Sample) -> float:
    """Blog platform lines or a date header above the title: a post that reposts a report is a blog post."""
    return float(blog_framing(s.lines[:3000]))


def _school_paper(s: Sample) -> float:
    """A documentation page (SF 298) or a degree statement: a school paper, which the thesis reader reads."""
    return float(s.has(_SF298) or bool(_PARTIAL_FULFILMENT.search(_front(s))))


READER = Reader(
    kind="report",
    description="agency and think-tank reports (CRS, GAO), institute series papers and journal articles",
    work_type="Report",
    cues=(
        Cue("CRS cover lines (Congressional Research Service, 7-5700, www.crs.gov, CRS Report for Congress)",
            3.0, _crs_cover),
        Cue("CRS author position (Specialist in / Analyst in)", 1.0, _crs_positions),
        Cue("CRS report number line", 1.0, _crs_number),
        Cue("CRS web edition's date and report number line", 3.0, _crs_dated_number),
        Cue("GAO accessible-text preamble", 4.0, _gao_preamble),
        Cue("GAO product page (GAO-nn-nnn Published: … Publicly Released: …)", 4.0, _gao_product_page),
        Cue("GAO highlights labels (Why GAO Did This Study, What GAO Found)", 2.0, _gao_highlights),
        Cue("GAO product numbers", 1.0, _gao_numbers),
        Cue("GAO cover (Government Accountability Office, Report to …)", 2.0, _gao_cover),
        Cue("institute series masthead (series name with number or date)", 3.0, _series_masthead),
        Cue("journal masthead (journal name with volume, number or issue date)", 3.0, _journal_masthead),
        Cue("by-line beside or under the title", 0.5, _by_line),
        Cue("Key Points / Executive Summary", 0.5, _key_points),
        Cue("institute disclaimer or series editor", 1.0, _institute_front_matter),
        Cue("document viewer page counter", 0.5, _viewer),
        Cue("school paper (SF 298 or degree statement)", -2.0, _school_paper),
        Cue("blog framing (platform lines, date header above the title)", -4.0, _blog_framing),
    ),
    read=read,
)
