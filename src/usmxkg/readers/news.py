"""News-release reader: stories, releases, readouts and photo pages of government and military newsrooms.

DoD News and the American Forces Press Service, army.mil, the af.mil family
and other DVIDS-fed sites, dvidshub.net, navy.mil, marines.mil and state.gov
share a layout fixed by newsroom convention (AP style): site furniture, a
headline, a byline with the writer's unit, a date line, a dateline opening
the first paragraph, paragraphs of reported and quoted speech, photo
captions between them, and closing furniture. The head is read by
:mod:`usmxkg.readers.news_head` (run-on heads cut by
:mod:`usmxkg.readers.news_runon`), furniture and captions are recognised by
:mod:`usmxkg.readers.site_furniture`, bylines by
:mod:`usmxkg.readers.bylines`, quotes by :mod:`usmxkg.readers.quotes`.

Dates follow the newsroom's own precedence: the dateline date first; a
"Published"/"NEWS |" date is the publication date (and the date when the
dateline has none); a photo page's caption date ("… in Mexico City, April
24, 2014.") dates the photo; a store stamp is the last resort.
"""

from __future__ import annotations

import re
from functools import lru_cache

from usmxkg.document import Document, Span
from usmxkg.readers.bylines import ORG_BYLINE, READOUT, READOUT_TITLE, split_name
from usmxkg.readers.cues import Cue, Sample, flag
from usmxkg.readers.lines import Line, blocks, is_title_like, split_lines, unwrapped
from usmxkg.readers.news_head import Head, read_head
from usmxkg.readers.news_patterns import DATE, DATE_LINE, MONTH, NAME, UPPER, find_dateline, has_year
from usmxkg.readers.quotes import clean_name, find_quotes
from usmxkg.readers.registry import Reader
from usmxkg.readers.site_furniture import (
    BANNER,
    FOLLOW,
    NEWSROOM_LINE,
    STORE_STAMP,
    caption_line,
    furniture_line,
)

__all__ = ["DATE", "DATE_LINE", "NAME", "READER", "clean_name", "find_dateline", "find_quotes", "read"]

TAIL_LINES = 4
"""Closing bylines ("Follow NAME on Twitter", "NAME, DoD News") are looked for among the last lines."""

PHOTO_PAGE_CHARS = 1_500
"""A photo page is a headline and a caption of a few sentences."""

CAPTION_DATE = re.compile(
    rf"\b(?:in|at|near|aboard|off|outside)\s+[{UPPER}][^.;:]{{1,80}}?,\s+(?P<date>{MONTH}\s+\d{{1,2}},\s*\d{{4}})\."
)
"""The when-and-where that closes a DoD caption's first sentence: "… in Mexico City, April 24, 2014."."""

_SENTENCE_END = (".", "!", "?", "”", '"', "’", ")", ":")


def read(doc: Document) -> None:
    """Fill a NEWS_RELEASE document: head fields, zones, paragraphs, quotes and dates."""
    head = read_head(doc.text, split_lines(doc.text))
    _record_head(doc, head)
    body = _read_tail(doc, head.body)
    kept: list[Line] = []
    captions: list[Line] = []
    viewer: Line | None = None
    for line in body:
        if furniture_line(line):
            doc.add_zone("furniture", line.start, line.end)
            # a photo-viewer line opens a caption, unless it closes the one just read
            viewer = line if not (captions and _next_to(doc.text, captions[-1], line)) else None
            continue
        if caption_line(line, viewer):
            captions.append(line)
        else:
            kept.append(line)
        viewer = None
    if not kept and captions:  # a photo page: the caption is the body
        kept, captions = captions, []
    for line in captions:
        doc.add_zone("caption", line.start, line.end)
    doc.paragraphs.extend(paragraphs(doc, kept))
    doc.quotes.extend(find_quotes(doc, doc.paragraphs))
    _record_dates(doc, head, kept)
    if head.dateline is None:
        doc.warnings.append("news release: no dateline found")
    if "title" not in doc.fields:
        doc.warnings.append("news release: no headline found")


def _next_to(text: str, first: Line, second: Line) -> bool:
    """True when only blanks separate two lines."""
    return not text[first.end:second.start].strip()


def _record_head(doc: Document, head: Head) -> None:
    for line in head.furniture:
        doc.add_zone("furniture", line.start, line.end)
    for line in head.captions:
        doc.add_zone("caption", line.start, line.end)
    if head.title is not None:
        doc.add_field("title", doc.span(head.title.start, head.title.end))
    for line in head.subtitles:
        doc.add_field("subtitle", doc.span(line.start, line.end))
    for line in head.publishers:
        doc.add_field("publisher", doc.span(line.start, line.end))
    for start, end in head.authors:
        _add_author(doc, start, end)
    for start, end in head.affiliations:
        doc.add_field("author-affiliation", doc.span(start, end))
    for start, end in head.author_titles:
        doc.add_field("author-title", doc.span(start, end))
    if head.dateline is not None:
        line, match = head.dateline
        _add_group(doc, "dateline-place", line, match, "place")
        if match.group("agency"):
            _add_group(doc, "dateline-agency", line, match, "agency")


def _add_group(doc: Document, name: str, line: Line, match: re.Match[str], group: str) -> None:
    """Record a regex group matched inside ``line`` as a field value."""
    doc.add_field(name, doc.span(line.start + match.start(group), line.start + match.end(group)))


def _add_author(doc: Document, start: int, end: int) -> None:
    """One author per person: a name already recorded (by another byline form) is not repeated."""
    key = " ".join(doc.text[start:end].split()).casefold()
    if all(" ".join(s.text.split()).casefold() != key for s in doc.fields.get("author", [])):
        doc.add_field("author", doc.span(start, end))


def _read_tail(doc: Document, body: list[Line]) -> list[Line]:
    """Closing bylines ("(Follow NAME on Twitter …)", "NAME, DoD News") are bylines and furniture, not story."""
    keep = list(body)
    for line in body[-TAIL_LINES:]:
        follow = FOLLOW.match(line.text)
        org = ORG_BYLINE.match(line.text)
        if follow:
            name, _ = split_name(follow.group("name"))
            if name is not None:
                start = line.start + follow.start("name")
                _add_author(doc, start + name[0], start + name[1])
        elif org:
            _add_author(doc, line.start + org.start("name"), line.start + org.end("name"))
            doc.add_field("author-affiliation", doc.span(line.start + org.start("org"), line.start + org.end("org")))
        else:
            continue
        doc.add_zone("furniture", line.start, line.end)
        keep.remove(line)
    return keep


def paragraphs(doc: Document, lines: list[Line]) -> list[Span]:
    """Paragraph spans: a hard-wrapped block is one paragraph; in unwrapped text a line is one, unless it breaks
    off mid-sentence and the next line carries on in lower case (a page saved with stray line breaks)."""
    spans: list[Span] = []
    for block in blocks(doc.text, lines):
        if not unwrapped(block):
            spans.append(doc.span(block[0].start, block[-1].end))
            continue
        start = block[0]
        for line, following in zip(block, [*block[1:], None], strict=True):
            if following is not None and _continues(line, following):
                continue
            spans.append(doc.span(start.start, line.end))
            if following is not None:
                start = following
    return spans


def _continues(line: Line, following: Line) -> bool:
    first = following.text[0]
    return not line.text.endswith(_SENTENCE_END) and (first.islower() or first.isdigit())


def _record_dates(doc: Document, head: Head, body: list[Line]) -> None:
    """``date`` by newsroom precedence, ``date-published`` from date lines (see the module docstring)."""
    dated: list[tuple[int, int]] = []
    if head.dateline is not None:
        line, match = head.dateline
        if match.group("date"):
            dated.append((line.start + match.start("date"), line.start + match.end("date")))
    published = [(a, b) for a, b in head.published]
    for start, end in published:
        doc.add_field("date-published", doc.span(start, end))
    if dated and not has_year(doc.text[dated[0][0]:dated[0][1]]):
        dated = _with_year(doc, dated[0], published + ([head.stamp] if head.stamp else []))
    dated.extend(published)
    if not dated and len(doc.paragraphs) <= 2 and sum(len(p.text) for p in doc.paragraphs) <= PHOTO_PAGE_CHARS:
        for line in body:  # a photo page: the caption says when
            caption = CAPTION_DATE.search(line.text)
            if caption:
                dated.append((line.start + caption.start("date"), line.start + caption.end("date")))
                break
    if not dated and head.stamp is not None:
        dated.append(head.stamp)
        doc.warnings.append("news release: no date in the text; the date is the store stamp's")
    for start, end in dated:
        doc.add_field("date", doc.span(start, end))


def _with_year(doc: Document, yearless: tuple[int, int], others: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A dateline date without a year: the page's dated value of the same day, else the dateline date and the
    page's other dates after it (the year is theirs)."""
    day = " ".join(doc.text[yearless[0]:yearless[1]].replace(".", "").split()).casefold()
    for start, end in others:
        written = " ".join(doc.text[start:end].replace(".", "").split()).casefold()
        if written.startswith(day) and has_year(written):
            return [(start, end)]
    doc.warnings.append("news release: the dateline date has no year; the page's other dates follow it")
    return [yearless]


# --------------------------------------------------------------------------- detection cues

HEAD_SAMPLE_CHARS = 8_000
"""Cues read the head of a story from this much of the text."""

_M = re.MULTILINE
_RELEASE_FURNITURE = re.compile(
    r"^\s*(?:FOR IMMEDIATE RELEASE|###|-\s*30\s*-|Release No\.?:?\s*\S+|Media (?:contacts?|inquiries)\b"
    r"|(?:Comunicado|Bolet[íi]n) de [Pp]rensa\b)", _M)
_FOLLOW_LINE = re.compile(r"^\s*\(?Follow .{2,60}? on (?:Twitter|X|Facebook|Instagram)\b", _M)
_SAID = re.compile(r"\b(?:said|says|told)\b")
_ATTRIBUTION = re.compile(
    r"[,.?!][”\"]\s+(?:(?:[A-Z][\w.’'-]*\s+){0,4}?(?:[A-Z][\w’'-]+|he|she|they)\s+(?:said|says|added|explained|noted|told)"
    r"|(?:said|says|added|explained|noted)\s+[A-Z])")
_CAPTION_CREDIT = re.compile(r"(?:photo|photograph)\s+(?:by|courtesy\s+of)\s+", re.IGNORECASE)


@lru_cache(maxsize=16)
def _head_of(text: str) -> Head:
    """The head of the story at the start of ``text`` (cached: several cues read it)."""
    return read_head(text, split_lines(text))


def _sample_head(s: Sample) -> Head:
    return _head_of(s.head[:HEAD_SAMPLE_CHARS])


def _dateline(s: Sample) -> float:
    """A dateline opening the story; stronger with a date, agency or region, and when it opens the text."""
    head = _sample_head(s)
    if head.dateline is None:
        return 0.0
    line, match = head.dateline
    strong = bool(match.group("date") or match.group("agency") or match.group("region"))
    rest = line.text[match.end():]
    opens = head.title is None and not head.authors and len(rest) >= 25 and any(c.islower() for c in rest[:60])
    if opens:
        return 1.2 if strong else 1.0
    return 1.0 if strong else 2 / 3


_NEWSROOM = re.compile(
    r"(?:Public\s+Affairs(?:\s+(?:Office|Detachment|Support\s+Element))?|Press\s+Service|News(?:\s+Service)?"
    r"|Media\s+Activity|Communications|Press|Wire)\.?$"
    r"|^(?:U\.S\.\s|\d+(?:st|nd|rd|th)\s|(?:Army|Navy|Air|Marine|Coast|Space|National|Joint|Naval)\b)"
)
"""A newsroom ("… Public Affairs", "… Press Service", "DoD News") or a military unit ("U.S. Army North")."""


def _newsroom_byline(s: Sample) -> float:
    """A byline crediting a newsroom or unit ("By NAME, … Public Affairs", "By NAME / … Press Service")."""
    head = _head_of(s.head[:HEAD_SAMPLE_CHARS])
    text = s.head
    return float(bool(head.authors) and any(_NEWSROOM.search(text[a:b]) for a, b in head.affiliations))


def _banner(s: Sample) -> float:
    return float(bool(BANNER.search(s.head[:HEAD_SAMPLE_CHARS])))


def _newsroom_furniture(s: Sample) -> float:
    lines = s.lines[:40]
    return float(any(NEWSROOM_LINE.fullmatch(line.text) for line in lines))


def _readout(s: Sample) -> float:
    head = s.head[:HEAD_SAMPLE_CHARS]
    return float(bool(READOUT.search(head) or any(READOUT_TITLE.match(line.text) for line in s.lines[:6])))


def _photo_page(s: Sample) -> float:
    """A headline and a caption only: the caption's when-and-where or a photo credit closes it.

    Without line breaks only the caption's when-and-where tells it.
    """
    if s.length > PHOTO_PAGE_CHARS + 500:
        return 0.0
    lines = [line for line in s.lines if not furniture_line(line) and not STORE_STAMP.fullmatch(line.text)]
    if not lines or find_dateline(lines):
        return 0.0
    parts = blocks(s.head, lines)
    if len(parts) == 1 and len(lines) == 1:
        return float(bool(CAPTION_DATE.search(lines[0].text)))
    if not 2 <= len(parts) <= 3 or not is_title_like(parts[0][0]):
        return 0.0
    body = [line for part in parts[1:] for line in part]
    text = " ".join(line.text for line in body)
    return float(bool(CAPTION_DATE.search(text) or _CAPTION_CREDIT.search(text)))


def _byline_top(s: Sample) -> float:
    return float(bool(_sample_head(s).authors))


def _date_line_top(s: Sample) -> float:
    return float(bool(_sample_head(s).published))


def _said_density(s: Sample) -> float:
    """Reported speech: "said" per 1,000 words, full strength at 10 (news runs 10 to 25, theses under 1)."""
    count = s.count(_SAID)
    return 0.0 if count < 2 or not s.words else min(count * 1000 / s.words / 10, 1.0)


def _attributions(s: Sample) -> float:
    return min(s.count(_ATTRIBUTION) / 2, 1.0)


READER = Reader(
    kind="news-release",
    description="news releases, stories and readouts of government and military newsrooms",
    work_type="NewsArticle",
    cues=(
        Cue("dateline", 3.0, _dateline),
        Cue("byline with a unit or newsroom", 1.5, _newsroom_byline),
        Cue(".mil/.gov banner or archive notice", 2.0, _banner),
        Cue("newsroom furniture (labels, photo viewer, story fields)", 1.0, _newsroom_furniture),
        Cue("release furniture (FOR IMMEDIATE RELEASE, Release No., ###, -30-, Comunicado de Prensa)", 3.0,
            flag(_RELEASE_FURNITURE)),
        Cue("readout formula", 3.0, _readout),
        Cue("photo page (headline and caption)", 3.5, _photo_page),
        Cue("follow-on-social-media closing byline", 0.5, flag(_FOLLOW_LINE)),
        Cue("By-line at the top", 0.5, _byline_top),
        Cue("date line at the top", 0.5, _date_line_top),
        Cue("reported speech (said density)", 2.0, _said_density),
        Cue("quote attributions", 1.0, _attributions),
    ),
    read=read,
)
