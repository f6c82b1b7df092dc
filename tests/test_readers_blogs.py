"""Blog posts (kind web-article, class BlogPost): platform furniture, date headers, reposts, captions.

Fixtures under ``tests/data/blogs`` were written for the project (invented
blogs, names and events; see ``tests/data/README.md``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_readers_kinds import assert_spans_exact, texts
from usmxkg.document import Document
from usmxkg.readers import read_bytes, read_path
from usmxkg.readers.blog_platform import has_date_header, is_platform
from usmxkg.readers.detect import detect, score
from usmxkg.readers.lines import split_lines
from usmxkg.readers.registry import reader

BLOGS = Path(__file__).resolve().parent / "data" / "blogs"
KINDS = Path(__file__).resolve().parent / "data" / "kinds"


def read(name: str) -> Document:
    doc = read_path(BLOGS / name)
    assert doc.kind == "web-article", doc.detection
    assert doc.work_type == "BlogPost"
    assert_spans_exact(doc)
    return doc


def zones(doc: Document, kind: str) -> list[str]:
    return [zone.span.text for zone in doc.zones if zone.kind == kind]


def test_blogger_post() -> None:
    doc = read("blogger_post.txt")
    assert texts(doc, "date") == ["March 7, 2016"]  # the date header above the title
    assert texts(doc, "title") == ["Harbor Pilots Share Notes Across the Border"]
    assert texts(doc, "author") == ["Ramona Castillo"]  # "Posted by NAME at TIME"
    assert zones(doc, "furniture") == [
        "Search The Gulf Watch", "Posted by Ramona Castillo at 9:14 AM", "No comments:", "Email This", "BlogThis!",
        "Share to Twitter", "Share to Facebook", "Labels: harbors, pilots, Gulf", "Newer Post Older Post Home",
        "Subscribe to: Post Comments (Atom)"]
    assert [p.text.split()[0] for p in doc.paragraphs] == ["Pilots", "The"]


def test_blog_name_and_tagline_above_the_date_header() -> None:
    doc = read("blogspot_masthead.txt")
    assert texts(doc, "date") == ["May 2, 2016"]
    assert texts(doc, "title") == ["Pilots Meet Again Before the Storm Season"]
    assert texts(doc, "author") == ["Ana Ruiz"]
    assert zones(doc, "furniture")[-2:] == ["The Border Desk", "Notes on ports, pilots and storms"]


def test_wordpress_post_with_a_caption_printed_twice() -> None:
    doc = read("wordpress_post.txt")
    assert texts(doc, "title") == ["Joint Dive Team Clears a Silted Channel"]
    assert texts(doc, "date") == ["June 3, 2019"]
    assert texts(doc, "author") == ["Everett Lindqvist"]
    captions = zones(doc, "caption")
    assert len(captions) == 2 and all("U.S. Navy photo by" in c for c in captions)
    assert not any("photo by" in p.text for p in doc.paragraphs)
    assert "Like Loading..." in zones(doc, "furniture") and "Leave a Reply" in zones(doc, "furniture")
    assert doc.paragraphs[-1].text.endswith("grain shipments peak.")


def test_repost_of_a_crs_summary_keeps_its_author() -> None:
    doc = read("repost_crs_summary.txt")
    assert texts(doc, "title") == ["Cross-Border Water Treaties: Issues for the 116th Congress"]
    assert texts(doc, "date") == ["November 14, 2019"]  # the post's date
    assert texts(doc, "author") == ["Marisa Delacroix"]  # not the blog's own "Posted by" name
    assert texts(doc, "author-title") == ["Specialist in Natural Resources Policy"]
    assert doc.paragraphs[0].text.startswith("The United States and Mexico share")


def test_repost_with_the_report_cover_is_still_a_blog_post() -> None:
    doc = read("repost_crs_cover.txt")
    assert texts(doc, "date")[0] == "June 26, 2015"  # the post's date comes first
    assert texts(doc, "author") == ["Priscilla M. Okonjo"]
    hits = dict(next(s for s in score(doc.text) if s.kind == "report").hits)
    assert hits["blog framing (platform lines, date header above the title)"] < 0


def test_repost_of_a_joint_statement_is_not_news() -> None:
    doc = read("repost_statement.txt")
    assert texts(doc, "date") == ["4 May 2016"]
    assert texts(doc, "title") == ["Trilateral Meeting of Border Health Ministers Joint Statement"]
    assert "author" not in doc.fields  # nobody is named as its author
    assert doc.paragraphs[0].text.startswith("Fresh from the ministry's press office, here is")
    assert "blogger's introduction to a reposted text" in doc.detection


def test_hard_wrapped_blogger_post_with_doubled_spaces() -> None:
    doc = read("blogger_mangled.txt")
    assert texts(doc, "date") == ["July 21, 2012"]
    assert texts(doc, "title") == ["Range Day With Our Neighbors"]
    assert texts(doc, "author") == ["Tomas Hegarty"]
    assert "2 comments:" in zones(doc, "furniture")
    assert len(doc.paragraphs) == 2


def test_blog_fixtures_keep_their_kind_in_the_kinds_folder() -> None:
    doc = read_path(KINDS / "blog_article.txt")
    assert doc.kind == "web-article"
    assert "Share this:" in zones(doc, "furniture")


def test_second_person_register_alone_is_not_a_blog() -> None:
    """The cue came from one chatty post; talking to the reader is not a feature of blogs."""
    text = "Hey guys, you'll love this!\n\nLet's meet at noon, folks. You know the room. We're bringing slides!\n"
    assert detect(text).kind == "text"
    assert not any("second-person" in cue.name for cue in reader("web-article").cues)


@pytest.mark.parametrize(("line", "expected"), [
    ("No comments", True), ("3 comments:", True), ("Posted by Ana Ruiz at 10:02 PM", True),
    ("Labels: ports, storms", True), ("Newer Post Older Post Home", True), ("Search This Blog", True),
    ("Search The Border Desk", True), ("Subscribe to: Post Comments (Atom)", True),
    ("Search and rescue crews trained together.", False), ("Home", False), ("Comments from the minister", False),
])
def test_platform_lines(line: str, expected: bool) -> None:
    assert is_platform(split_lines(line)[0]) is expected


def test_date_headers_and_report_dates() -> None:
    assert has_date_header(split_lines("Tuesday, March 1, 2011\nA Post Title\nText of the post.\n"))
    assert has_date_header(split_lines("12 April 2013\nA Post Title\nText of the post.\n"))
    assert not has_date_header(split_lines("Updated October 2, 2019\nA Report Title\nText of it.\n"))


def test_news_release_with_a_photo_caption_stays_news() -> None:
    text = ("Navies Open Storm Center\n\nMEXICO CITY, June 3, 2019 — The two navies opened a storm center on "
            "Monday, officials said.\n\nSailors tour the center. (U.S. Navy photo by Seaman Luis Ortega)\n"
            "Sailors tour the center. (U.S. Navy photo by Seaman Luis Ortega)\n\n"
            "“This center gives both navies one picture of the storm,” said Adm. Karen Holloway.\n\n"
            "“We will staff it around the clock,” she said.\n")
    assert read_bytes(text.encode(), "release.txt").kind == "news-release"
