"""Blog platform conventions: the furniture and metadata lines Blogger, WordPress and their kin print.

A post saved from a blog keeps its platform's frame: the blog's search box
("Search BLOG NAME", "Search This Blog"), a date header above the post title
(Blogger prints "Tuesday, February 2, 2010"; others "29 March 2012"), the
comment counter ("No comments", "3 comments"), the footer ("Posted by NAME at
6:45 AM", "Labels: …", "Newer Post / Older Post / Home", "Subscribe to: Post
Comments (Atom)"), WordPress's "Share this:", "Like this:", "Leave a reply",
"This entry was posted in … Bookmark the permalink.". A blogger who reposts a
text (a government summary, a joint statement) introduces it in a line of
their own ("Hot off the …, here's the …"); the reposted text may keep its
own author and position lines ("NAME" / "Specialist in …"). These are the
platform's and the genre's conventions, not any one blog's.
"""

from __future__ import annotations

import re

from usmxkg.orgwords import ORGANISATION_WORDS
from usmxkg.readers.host_clutter import is_clutter
from usmxkg.readers.lines import Line, is_title_like
from usmxkg.readers.news import DATE, NAME
from usmxkg.readers.report_crs import ROLE

_TIME = r"\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?"


def _spaced(pattern: str) -> str:
    """A pattern whose spaces match any run of spaces or tabs (OCR and copied pages double them)."""
    return pattern.replace(" ", r"[ \t]+")


PLATFORM = re.compile(_spaced(
    r"^(?:No comments?:?|\d+ comments?:?|Post a Comment|Posted by .{1,60}|Labels?:.*|Like this:?|Like Loading\.*"
    r"|Email This|BlogThis!|Share to (?:Twitter|X|Facebook|Pinterest)|Newer Posts?(?: Older Posts?)?(?: Home)?"
    r"|Older Posts?(?: Home)?|Subscribe to:? Posts?(?: Comments)? \(Atom\)|Subscribe to: Post Comments \(Atom\)"
    r"|Search (?:This Blog|[A-Z][\w'’&.-]*(?: [A-Z][\w'’&.-]*){0,5})|Blog Archive|About Me|View my complete profile"
    r"|Powered by (?:Blogger|WordPress).*|Leave a (?:comment|reply)|This entry was posted in .*"
    r"|Bookmark the permalink\.?|(?:Previous|Next) (?:post|entry)\b.*|Reblog|Follow this blog)$"
))
"""Whole lines that only a blog platform prints (evidence that the page is a blog post)."""

WEB_CHROME = re.compile(_spaced(
    r"^(?:Share (?:this|on \w+)(?: post| article)?:?|Tweet|Pin it|Related (?:posts|articles|reading):?"
    r"|Leave a (?:comment|reply)|\d+ comments?|Comments?(?: \(\d+\))?|Tags?:.*|Categories?:.*|Filed under:?.*"
    r"|Posted in:?.*|Read more\.*|Advertisement|Subscribe.*|Sign up.*|Skip to (?:main )?content"
    r"|Twitter|Facebook|LinkedIn|Reddit|Email|Print|WhatsApp|Pinterest|Tumblr|Pocket|Telegram|Related)$"),
    re.IGNORECASE,
)
"""Whole lines of general web page chrome (sharing, tags, comment counters) that blogs print too."""

POSTED_BY = re.compile(rf"^Posted\s+by\s+(?P<name>{NAME})(?:\s+(?:at|on)\s+(?P<time>{_TIME}|.{{1,40}}))?\s*$")
"""Blogger's footer "Posted by NAME at 6:45 AM" (the name may be the blog's own)."""

POSITION = re.compile(
    rf"^(?:{ROLE.pattern})|^(?:(?:Senior|Deputy|Assistant|Associate|Adjunct|Visiting)\s+)?(?:Director|Professor|Fellow"
    r"|Research\s+Fellow|Analyst|Specialist|Correspondent|Editor|Spokes(?:man|woman|person))\b"
)
"""An author's position line under a name ("Specialist in Latin American Affairs", "Senior Fellow, …")."""

DATE_HEADER = re.compile(rf"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?P<date>{DATE})$", re.IGNORECASE)
"""A blog's date header: a date alone, with its weekday ("Tuesday, February 2, 2010", "29 March 2012").

Unlike a report's "Updated DATE" line, it carries no label.
"""

INTRO = re.compile(
    r"\b(?:[Hh]ere(?:['’]s| is| are)|[Bb]elow (?:is|are)|[Tt]he following (?:is|are)|re-?posted|h/t|[Hh]at tip"
    r"|[Vv]ia)\b")
"""Words a blogger introduces a reposted text with ("here's the statement", "the following is", "via")."""

INTRO_MAX_CHARS = 400
"""A blogger's introduction is a short paragraph; a longer one is the text itself."""

NOT_PERSON = ORGANISATION_WORDS | frozenset({
    "blog", "team", "admin", "editor", "editors", "media", "network", "review", "magazine", "post",
})
"""Words that make a "Posted by" name the blog's or an organisation's rather than a person's."""


def is_platform(line: Line) -> bool:
    """True for a line only a blog platform prints."""
    return bool(PLATFORM.match(line.text))


def is_furniture(line: Line) -> bool:
    """True for any blog or web chrome line, kept out of the post's text."""
    return bool(PLATFORM.match(line.text) or WEB_CHROME.match(line.text))


def person_like(name: str) -> bool:
    """A "Posted by" or by-line name that names a person (two to four words, none of an organisation)."""
    words = name.replace(".", " ").split()
    return 2 <= len(words) <= 5 and not NOT_PERSON & {w.lower() for w in words}


def intro_line(lines: list[Line]) -> Line | None:
    """A blogger's short introduction among the first lines after the title, followed by the longer reposted text."""
    for index, line in enumerate(lines[:3]):
        if len(line) <= INTRO_MAX_CHARS and INTRO.search(line.text) and any(
                len(later) > len(line) for later in lines[index + 1:index + 4]):
            return line
    return None


POSTED_ON = re.compile(rf"^Posted on (?:{DATE})(?:,?\s+(?:at\s+)?{_TIME})?(?:\s+by\s+.{{1,60}})?$", re.IGNORECASE)
"""WordPress's post meta line "Posted on DATE by NAME" (read as the post's date and author, not furniture)."""


def has_platform_lines(lines: list[Line]) -> bool:
    """True when any line is one only a blog platform prints (or WordPress's "Posted on DATE" meta line)."""
    return any(is_platform(line) or POSTED_ON.match(line.text) for line in lines)


MASTHEAD_LINES = 3
"""A blog's name and tagline may stand above the date header: at most this many lines."""


def date_header_index(lines: list[Line]) -> int | None:
    """Index of a date header (a date alone above a title line) among the first lines of a post, if any.

    ``lines`` are the post's lines without furniture; the blog's name and
    tagline may come first (:data:`MASTHEAD_LINES`).
    """
    for k, line in enumerate(lines[:MASTHEAD_LINES + 1]):
        if DATE_HEADER.match(line.text):
            title = lines[k + 1] if k + 2 < len(lines) else None
            if title is not None and is_title_like(title) and not DATE_HEADER.match(title.text):
                return k
            return None
    return None


def has_date_header(lines: list[Line]) -> bool:
    """A date header above a title line, once furniture and host clutter are set aside."""
    return date_header_index([line for line in lines[:12] if not is_furniture(line) and not is_clutter(line.text)]) \
        is not None


def blog_framing(lines: list[Line]) -> bool:
    """The page is framed by a blog: platform lines, or a date header above the post title.

    The framing decides the kind of a page that reposts another text (a CRS
    summary, a joint statement): it is a blog post whatever it reposts.
    """
    return has_date_header(lines) or has_platform_lines(lines)
