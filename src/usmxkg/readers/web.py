"""Web/blog article reader: title, headings with their sections, paragraphs, stated author and date.

Text copied or exported from a blog keeps the page's shape even without its
markup: the title on the first line (under the platform's date header, if
any), then paragraphs (one per line, or blank-line separated) interrupted by
short heading lines. A heading is recognised by that shape — a short line
that does not end like a sentence, followed by body text — never by its
words, so any blog's headings are found. The platform's frame (search box,
comment counters, "Posted by", labels, sharing; :mod:`usmxkg.readers.blog_platform`)
and host clutter are furniture zones, photo captions caption zones
(:mod:`usmxkg.readers.captions`). Author and date are recorded only when the
text states them ("By NAME", "Posted on DATE", a date header, "Posted by
NAME at TIME", a reposted text's "NAME" / "Specialist in …" lines); a blog
that does not state them gets none, rather than a guess. A blog post that
reposts a government text is still a blog post: the blog's framing decides
its kind, while the reposted text's title and author are read as stated.
"""

from __future__ import annotations

import re

from usmxkg.document import Document, Section, Span
from usmxkg.readers import blog_platform
from usmxkg.readers.captions import doubled_captions, find_captions
from usmxkg.readers.cues import Cue, Sample
from usmxkg.readers.host_clutter import is_clutter, strip_clutter
from usmxkg.readers.lines import Line, blocks, is_title_like, paragraph_spans, split_lines, unwrapped
from usmxkg.readers.news import DATE, DATE_LINE, NAME
from usmxkg.readers.registry import Reader
from usmxkg.readers.report import has_cover
from usmxkg.readers.sample_cache import per_sample

HEADING_MAX_CHARS = 100
HEADING_MAX_WORDS = 15
"""Headings are short; a longer line is a paragraph even when it lacks a full stop."""

BODY_MIN_CHARS = 120
"""Text after a heading that counts as body (a paragraph or a hard-wrapped block of this size)."""

FRAGMENT_CHARS = 80
"""A standalone line shorter than this is a fragment (a label, a list entry), not a paragraph."""

WRAPPED_MIN_CHARS = 40
"""Lines of a hard-wrapped paragraph (all but its last) are at least this long."""

META_LINES = 6
"""Author and date statements are looked for among the first lines only."""

TAIL_LINES = 12
"""Blogger's "Posted by NAME at TIME" footer is looked for among the last lines."""

_BYLINE = re.compile(rf"^(?:By|Written by|Author:|Posted by)\s+(?P<name>{NAME})\b.{{0,60}}$")
_POSTED = re.compile(
    rf"^(?i:posted|published|updated)(?: on)?:?\s+(?P<date>(?i:{DATE}))"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?)?"
    rf"(?:\s+by\s+(?P<name>{NAME}))?\s*$"
)
"""WordPress-style "Posted on June 3, 2019 by NAME" (the name is optional)."""
_HEADING_END = re.compile(r"[.,;:]$")
_NAME_LINE = re.compile(rf"^{NAME}$")
_SEARCH_BOX = re.compile(r"^Search\s+(.+)$")


def read(doc: Document) -> None:
    """Fill a WEB_ARTICLE document: title, sections (level 1), paragraphs, stated author/date, zones."""
    lines = strip_clutter(doc, split_lines(doc.text))
    footer = _footer_author(doc, lines)
    lines = _frame(doc, lines)
    if not lines:
        return
    lines = _masthead(doc, lines)
    doc.add_field("title", doc.span(lines[0].start, lines[0].end))
    meta = _read_meta(doc, lines[1:META_LINES])
    if footer is not None and "author" not in doc.fields:  # the account's name, when the post names nobody
        doc.add_field("author", footer)
    rest = [line for line in lines[1:] if line not in meta]
    headings = find_headings(doc.text, rest)
    doc.sections.extend(_sections(doc, headings, rest[-1].end if rest else len(doc.text)))
    heading_set = set(headings)
    doc.paragraphs.extend(paragraph_spans(doc, [line for line in rest if line not in heading_set]))
    if not headings:
        doc.warnings.append("web article: no headings found")


def _masthead(doc: Document, lines: list[Line]) -> list[Line]:
    """The lines from the post title on: a date header above it is the date; the blog's name above that, furniture.

    Without a date header, a "Posted on DATE"/"By NAME" line among the first
    lines marks the title as the line just above it.
    """
    header = blog_platform.date_header_index(lines)
    if header is not None:
        match = blog_platform.DATE_HEADER.match(lines[header].text)
        if match:
            _add(doc, "date", lines[header], match, "date")
        title = header + 1
    else:
        title = next((k - 1 for k in range(1, min(META_LINES, len(lines)))
                      if _POSTED.match(lines[k].text) or _BYLINE.match(lines[k].text)), 0)
    for line in lines[:title] if header is None else lines[:header]:
        doc.add_zone("furniture", line.start, line.end)
    return lines[title:]


def _footer_author(doc: Document, lines: list[Line]) -> Span | None:
    """A person named in Blogger's "Posted by NAME at TIME" footer (not the blog's own name from its search box)."""
    blog_names = {" ".join(m.group(1).split()).casefold() for line in lines[:TAIL_LINES]
                  if (m := _SEARCH_BOX.match(line.text))}
    for line in lines[-TAIL_LINES:]:
        posted = blog_platform.POSTED_BY.match(line.text)
        if posted is None:
            continue
        name = posted.group("name")
        if blog_platform.person_like(name) and " ".join(name.split()).casefold() not in blog_names:
            return doc.span(line.start + posted.start("name"), line.start + posted.end("name"))
    return None


def _frame(doc: Document, lines: list[Line]) -> list[Line]:
    """The post's own lines: platform furniture and photo captions become zones."""
    kept = []
    for line in lines:
        if blog_platform.is_furniture(line):
            doc.add_zone("furniture", line.start, line.end)
        else:
            kept.append(line)
    captions = {caption.start for caption in find_captions(kept)}
    for line in kept:
        if line.start in captions:
            doc.add_zone("caption", line.start, line.end)
    return [line for line in kept if line.start not in captions]


def heading_like(line: Line) -> bool:
    """A short line that does not end like a sentence or clause and starts like a title."""
    text = line.text
    return (len(line) <= HEADING_MAX_CHARS and len(text.split()) <= HEADING_MAX_WORDS
            and not _HEADING_END.search(text) and (text[0].isupper() or text[0].isdigit()))


def find_headings(text: str, lines: list[Line]) -> list[Line]:
    """Heading lines: heading-shaped, standing alone or among whole-paragraph lines, with body after them.

    Inside a hard-wrapped paragraph a short last line is wrapping, not a
    heading, so only lines that form a block of their own or sit in a block of
    unwrapped (one-paragraph-per-line) text qualify. The body must follow the
    heading directly or after one sub-heading.
    """
    loose: list[bool] = []
    wrapped_size: list[int] = []
    for block in blocks(text, lines):
        is_loose = len(block) == 1 or unwrapped(block)
        remaining = sum(len(line) for line in block)
        for line in block:
            loose.append(is_loose)
            wrapped_size.append(len(line) if is_loose else remaining)
            remaining -= len(line)
    candidates = {i for i, line in enumerate(lines) if loose[i] and heading_like(line)}
    headings = []
    for i in sorted(candidates):
        following = next((j for j in (i + 1, i + 2) if j < len(lines) and j not in candidates), None)
        if following is not None and wrapped_size[following] >= BODY_MIN_CHARS:
            headings.append(lines[i])
    return headings


def _sections(doc: Document, headings: list[Line], text_end: int) -> list[Section]:
    """One level-1 section per heading, its body running to the next heading or the last body line.

    ``text_end`` is the end of the last line that is not page furniture, so
    trailing "Share this:"/"Tags:" lines stay out of the last section.
    """
    sections = []
    for k, heading in enumerate(headings):
        end = headings[k + 1].start if k + 1 < len(headings) else max(text_end, heading.end)
        while end > heading.end and doc.text[end - 1].isspace():
            end -= 1
        sections.append(Section("", doc.span(heading.start, heading.end), 1, doc.span(heading.start, end)))
    return sections


def _read_meta(doc: Document, lines: list[Line]) -> list[Line]:
    """Author and date lines stated near the top; returns the lines consumed.

    A name alone on a line with a position line under it ("NAME" /
    "Specialist in …") is the author of a reposted text, and the position
    their ``author-title``.
    """
    used: list[Line] = []
    for index, line in enumerate(lines):
        if line in used:
            continue
        posted = _POSTED.match(line.text)
        byline = _BYLINE.match(line.text)
        date = DATE_LINE.match(line.text)
        following = lines[index + 1] if index + 1 < len(lines) else None
        if following is not None and _NAME_LINE.match(line.text) and blog_platform.POSITION.match(following.text):
            doc.add_field("author", doc.span(line.start, line.end))
            if len(doc.fields["author"]) == 1:
                doc.add_field("author-title", doc.span(following.start, following.end))
            used.extend((line, following))
            continue
        if posted:
            _add(doc, "date", line, posted, "date")
            if posted.group("name"):
                _add(doc, "author", line, posted, "name")
        elif byline:
            _add(doc, "author", line, byline, "name")
        elif date:
            _add(doc, "date", line, date, "date")
        else:
            continue
        used.append(line)
    return used


def _add(doc: Document, name: str, line: Line, match: re.Match[str], group: str) -> None:
    doc.add_field(name, doc.span(line.start + match.start(group), line.start + match.end(group)))


def fragment_share(text: str, lines: list[Line], headings: list[Line]) -> float:
    """Share of non-heading lines that are short fragments rather than paragraph text.

    A blog is headings and paragraphs; a catalogue record, a table of contents
    or a form is mostly short fragments, even where a few labels happen to sit
    above a long value. Kind detection uses this to tell them apart.
    """
    heading_set = set(headings)
    body = [line for line in lines if line not in heading_set]
    if not body:
        return 1.0
    fragments = 0
    for block in blocks(text, body):
        if len(block) == 1 or unwrapped(block):
            fragments += sum(1 for line in block if len(line) < FRAGMENT_CHARS)
        else:  # hard-wrapped text has long lines except the last; a column of short lines is a list
            fragments += sum(1 for line in block[:-1] if len(line) < WRAPPED_MIN_CHARS)
    return fragments / len(body)


# --------------------------------------------------------------------------- detection cues

LONG_TEXT = 60_000
"""Characters beyond which a text is a full-length work rather than a post."""

PROSE_CHARS = 300
"""A line this long is a paragraph of prose (unwrapped text)."""

MAX_FRAGMENT_SHARE = 0.35
"""Above this share of short fragment lines a text is not running prose (blogs measure near 0)."""

@per_sample
def _post_lines(s: Sample) -> list[Line]:
    """The first lines of the post itself: without blog furniture and the date header above the title."""
    lines = [line for line in s.lines[:2000] if not blog_platform.is_furniture(line)]
    if len(lines) > 1 and blog_platform.DATE_HEADER.match(lines[0].text):
        lines = lines[1:]
    return lines


def _headings(s: Sample) -> float:
    """Title line, then at least two heading lines each followed by body text.

    Only when the rest is paragraphs: records, forms and front matter also have
    a few short lines above long ones, but are mostly fragments.
    """
    lines = _post_lines(s)
    if len(lines) < 4 or not is_title_like(lines[0]):
        return 0.0
    headings = find_headings(s.head, lines[1:])
    if len(headings) < 2 or fragment_share(s.head, lines[1:], headings) > MAX_FRAGMENT_SHARE:
        return 0.0
    return min(len(headings) / 2, 1.0)


def _title_and_prose(s: Sample) -> float:
    """A title line, then mostly paragraphs of prose (a blog post without headings still has these)."""
    lines = _post_lines(s)
    if len(lines) < 3 or not is_title_like(lines[0]):
        return 0.0
    prose = 0
    for block in blocks(s.head, lines[1:]):
        if len(block) == 1 or unwrapped(block):
            prose += sum(1 for line in block if len(line) >= PROSE_CHARS)
        else:
            prose += sum(len(line) for line in block) >= PROSE_CHARS
    headings = find_headings(s.head, lines[1:])
    if prose < 2 or fragment_share(s.head, lines[1:], headings) > MAX_FRAGMENT_SHARE:
        return 0.0
    return 1.0


def _platform(s: Sample) -> float:
    """Lines only a blog platform prints (comment counters, "Posted by", labels, the blog's search box)."""
    return float(blog_platform.has_platform_lines(s.lines[:3000]))


def _web_chrome(s: Sample) -> float:
    return float(any(blog_platform.WEB_CHROME.match(line.text) for line in s.lines[:3000]))


def _date_header(s: Sample) -> float:
    """A date alone above a title line (Blogger's date header), after the platform's furniture."""
    return float(blog_platform.has_date_header(s.lines))


def _intro(s: Sample) -> float:
    """A blogger's short introduction right under the title, before the longer text it presents."""
    lines = [line for line in _post_lines(s)[:12] if not is_clutter(line.text)]
    return float(len(lines) >= 3 and is_title_like(lines[0]) and blog_platform.intro_line(lines[1:]) is not None)


def _captions_twice(s: Sample) -> float:
    return float(doubled_captions(s.lines[:400]) > 0)


def _report_cover(s: Sample) -> float:
    """A report's cover or a masthead at the top, unless a blog frames it (a repost is still a post)."""
    return float(has_cover(s) and not blog_platform.blog_framing(s.lines[:3000]))


def _long(s: Sample) -> float:
    return float(s.length >= LONG_TEXT)


READER = Reader(
    kind="web-article",
    description="blog posts and web articles: a title, paragraphs and heading lines",
    work_type="BlogPost",
    cues=(
        Cue("title and heading lines between long paragraphs", 3.0, _headings),
        Cue("title line then paragraphs of prose", 1.5, _title_and_prose),
        Cue("blog platform furniture (comments, Posted by, Labels, Newer/Older Post, Search BLOG)", 2.0, _platform),
        Cue("web page chrome (sharing, tags)", 0.5, _web_chrome),
        Cue("date header above the post title", 1.5, _date_header),
        Cue("blogger's introduction to a reposted text", 1.5, _intro),
        Cue("photo captions printed twice", 1.0, _captions_twice),
        Cue("full-length text", -1.0, _long),
        Cue("cover or masthead of a report, series or journal", -2.0, _report_cover),
    ),
    read=read,
)
