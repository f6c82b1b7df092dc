"""Host-site furniture of government and military newsrooms, and photo captions inside stories.

Text copied from a newsroom page keeps the page's chrome: the banner of the
U.S. Web Design System that every .mil and .gov site carries (the official
website line, "Here's how you know", the ".mil website belongs to" and
"lock … https://" explanations), the archive notices of retired sites
(archive.defense.gov: the archived-material notice and the Section 508 form
notice), mastheads and section labels ("United States Department of
Defense", "DoD News", "News Article", "… News Feed"), sharing and printing
links, photo-viewer controls ("Click photo for …", "Show Caption", "Photo
Details"), DVIDS story fields ("Courtesy Story", "Story ID:", "Date
Posted:"), aggregator counters and tag lines, and a store stamp
(" date 2024-06-24") in front of a saved page. None of it is
the story: readers zone it as ``furniture`` and keep it out of the
paragraphs.

Captions are different: they name people and places, so they stay text, in a
``caption`` zone, but they are not the story's running text and quotes are
not taken from them. A caption is recognised by its photo credit
("DOD photo by NAME", "(U.S. Army photo by Sgt. NAME)") or by following a
photo-viewer line.

Phrases are written with ``\\s+`` between words, so a phrase broken by hard
wrapping or doubled spaces still matches.
"""

from __future__ import annotations

import re

from usmxkg.readers.lines import Line

SOCIAL = r"(?:Twitter|X|Facebook|Instagram|LinkedIn|Threads|Bluesky)"
"""Networks named in "Follow NAME on …" closing bylines."""

BANNER_PHRASES = (
    # U.S. Web Design System banner of .mil and .gov sites
    r"An\s+official\s+website\s+of\s+the\s+United\s+States\s+government\.?",
    r"Here['’]?s\s+how\s+you\s+know\.?",
    r"Official\s+websites\s+use\s+\.(?:mil|gov)\b[^.]{0,120}\.?",
    r"Secure\s+\.(?:mil|gov)\s+websites\s+use\s+HTTPS\b[^.]{0,160}\.?",
    r"A\s+\.(?:mil|gov)\s+website\s+belongs\s+to\s+an\s+official\b[^.]{0,140}?(?:\bU\.S\.[^.]{0,100})?\.",
    r"A\s+lock\s*\([^)]{0,20}\)\s*or\s+https://[^.]{0,140}\.(?:mil|gov)\s+website\.",
    r"Share\s+sensitive\s+information\s+only\s+on\s+official,?\s+secure\s+websites\.",
    # archive notices of retired newsroom sites
    r"You\s+have\s+reached\s+a\s+collection\s+of\s+archived\s+material\.?",
    r"The\s+content\s+available\s+is\s+no\s+longer\s+being\s+updated\b[^.]{0,200}\.",
    r"If\s+you\s+wish\s+to\s+see\s+the\s+latest\s+content,?\s+please\s+visit\b[^.]{0,80}\.",
    r"For\s+persons\s+with\s+disabilities\b[^.]{0,160}\bSection\s+508\s+Form\.",
    r"In\s+this\s+form,?\s+please\s+indicate\s+the\s+nature\s+of\s+your\s+accessibility\b[^.]{0,200}\.",
)
"""The .mil/.gov banner and the archive notices of retired newsroom sites."""

MASTHEAD_PHRASES = (
    r"(?:The\s+)?(?:United\s+States|U\.S\.)\s+Department\s+of\s+(?:Defense|State|the\s+(?:Army|Navy|Air\s+Force))"
    r"(?=\s|$)",
    r"Bookmark\s+and\s+Share",
    r"(?:DoD|DOD)\s+News(?=\s|$)",
    r"News\s+Article(?=\s|$)",
)
"""Mastheads and sharing widgets of government newsrooms."""

SITE_PHRASES = BANNER_PHRASES + MASTHEAD_PHRASES
"""Phrases of site chrome that may also run together on one line (a page copied with no line breaks)."""

BANNER = re.compile("|".join(BANNER_PHRASES), re.IGNORECASE)
"""Any phrase of the .mil/.gov banner or an archive notice (a detection cue of government newsrooms)."""

_PHRASE = "(?:" + "|".join(SITE_PHRASES) + ")"
SITE_RUN = re.compile(rf"(?:{_PHRASE}\s*)+", re.IGNORECASE)
"""One or more site phrases in a row, from the current position."""

LINE_FURNITURE = (
    r"(?:(?:DoD|DOD|Defense|Army|Navy|Air\s+Force|Marine\s+Corps|Space\s+Force|Coast\s+Guard|DVIDS)\s+)?News"
    r"(?:\s+(?:Articles?|Releases?|Stories|Story|Transcripts?|Service))?",
    r"[\w.&'’ -]{0,60}\bNews\s*Feed",
    r"(?:Top\s+|Latest\s+|Featured\s+)?(?:Stories|Press\s+Releases?|Releases?|Readouts?|Statements?|Transcripts?"
    r"|Features?|Articles?|Media\s+Notes?|Press\s+Statements?|Photos?|Videos?|Commentar(?:y|ies))",
    r"\(?Click\s+(?:the\s+)?(?:photo|image|here)\s+for\b.{0,100}",
    r"(?:Photo|Image|Video)\s+(?:Details|Gallery|Essays?)|VIEW\s+ORIGINAL|(?:Photo|Image)\s+\d+\s+of\s+\d+",
    r"(?:\d+\s*/\s*\d+\s+)?\+?(?:Show|Hide)\s+Caption\b.{0,40}",
    r"Download(?:\s+(?:Full\s+)?(?:Image|Photo|Video|HI-?RES|PDF))?\b.{0,40}",
    r"Courtesy\s+(?:Story|Photo|Video|Article)|PUBLIC\s+DOMAIN",
    r"(?:Date\s+(?:Taken|Posted)|Story\s+(?:ID|Number)|Web\s+Views|Downloads|Podcast\s+Hits|Release\s+Date"
    r"|Location|Release\s+No\.?)\s*:.{0,120}",
    r"This\s+work,\s.{0,200}\bidentified\s+by\s+DVIDS\b.*",
    r"(?:Tags?|Topics?|Categories|Keywords|Related\s+(?:Units|Tags|Topics|Links|Sites|Articles|Stories|Content"
    r"|Videos|Images)|Distribution\s+channels?|Filed\s+under|More\s+(?:Stories|News|Photos)|Biograph(?:y|ies)"
    r"|Special\s+Reports?|Additional\s+Links|Stay\s+Connected|Subscribe\s+to\b.{0,60})(?:\s*:.{0,300})?",
    r"There\s+(?:were|are|was)\s+[\d,]+\s+\w+(?:\s+\w+)?\s+posted\b.{0,120}",
    r"FOR\s+IMMEDIATE\s+RELEASE.{0,60}|IMMEDIATE\s+RELEASE|#{3}|-\s*30\s*-|Media\s+(?:contacts?|inquiries):?.{0,160}"
    r"|Contact:.{0,160}|Back\s+to\s+(?:top|results)|Skip\s+to\s+(?:main\s+)?content|Main\s+Menu|Menu|Search"
    r"|Home(?:\s*(?:>|»|/|\|)\s*.{0,120})?|Toggle\s+navigation|(?:Previous|Next)(?:\s+(?:Story|Article))?"
    r"|Comments?(?:\s+\(\d+\))?|Text\s+Size|Font\s+Size",
    r"(?:(?:Share|Print|E-?mail|Tweet|Facebook|Twitter|X|LinkedIn|Reddit|Pinterest|WhatsApp|Copy\s+Link|Like"
    r"|Subscribe|RSS|AddThis)(?:\s+(?:and|&|this|on|it|page|article|story|link|friendly|version))*[\s|,/·•:]*){1,10}",
    rf"\(?Follow\s+.{{2,60}}?\s+on\s+{SOCIAL}\b.{{0,80}}",
    r"(?:Comunicado|Bolet[íi]n)(?:\s+de\s+[Pp]rensa)?(?:\s+(?:No\.|N[úu]m\.|n[úu]mero))?\s*\d{1,4}(?:/\d{2,4})?",
)
"""Whole lines of newsroom furniture (labels, photo viewers, DVIDS fields, sharing, tags, counters, the number line
of a Mexican government bulletin: "Comunicado de Prensa 045/2021")."""

NEWSROOM_LINE = re.compile(
    "(?:" + "|".join((*MASTHEAD_PHRASES, *LINE_FURNITURE[:2], *LINE_FURNITURE[3:6], r"Courtesy\s+(?:Story|Article)",
                      *LINE_FURNITURE[8:10])) + ")", re.IGNORECASE)
"""Newsroom labels, photo viewers and DVIDS fields (not the generic sharing or navigation lines)."""

FURNITURE_LINE = re.compile(
    rf"(?:{_PHRASE}\s*)+|(?:" + "|".join(LINE_FURNITURE) + ")", re.IGNORECASE)
"""A line that is furniture as a whole (matched with ``fullmatch`` on the stripped line)."""

STORE_STAMP = re.compile(
    r"^\s*(?:date|stored|retrieved|captured|archived|saved|accessed)\s*:?\s+(?P<date>\d{4}-\d{2}-\d{2})"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2})?Z?)?(?=\s|$)",
    re.IGNORECASE,
)
"""A store stamp at the very start of a saved page: a label and an ISO date (" date 2024-06-24")."""

FOLLOW = re.compile(rf"^\(?Follow\s+(?P<name>.{{2,60}}?)\s+on\s+{SOCIAL}\b")
"""DoD News closing byline: "(Follow NAME on Twitter: @handle)"."""

PHOTO_VIEWER = re.compile(r"^\(?Click\s+(?:the\s+)?(?:photo|image)\s+for\b", re.IGNORECASE)
"""A photo-viewer line: the caption of the photo follows it."""

_SERVICE_CREDIT = (r"(?:DoD|DOD|U\.S\.\s+(?:Army|Navy|Air\s+Force|Marine\s+Corps|Coast\s+Guard|Space\s+Force)"
                   r"|Army|Navy|Air\s+Force|Marine\s+Corps|Coast\s+Guard|Space\s+Force|(?:Air\s+|Army\s+)?National"
                   r"\s+Guard|Courtesy|Staff|Official|White\s+House|State\s+Department)")
PHOTO_CREDIT = re.compile(
    r"(?:\((?:[^()]{0,60}\s)?(?:photo|photograph|image|illustration|graphic)\s+(?:by|courtesy\s+of)\s+[^()]{2,100}\)"
    rf"|\b{_SERVICE_CREDIT}\s+(?:photo|photograph|image|illustration|graphic)(?:\s+by\s+.{{2,100}}"
    r"|\s+courtesy\s+of\s+.{2,100})?|\b(?:Photo|Photograph)\s+(?:by|courtesy\s+of)\s+.{2,100})\.?\s*$",
    re.IGNORECASE,
)
"""A photo credit closing a caption: "DOD photo by NAME", "(U.S. Air Force photo by Senior Airman NAME)"."""

CREDIT_TAIL_CHARS = 200
"""A photo credit is within this many characters of its caption's end."""

CAPTION_MAX_CHARS = 900
"""Captions are a few sentences; a longer line with a credit at its end is a paragraph quoting one."""


def furniture_line(line: Line) -> bool:
    """True when the whole line is site or newsroom furniture (a run of site phrases may be long)."""
    if SITE_RUN.fullmatch(line.text):
        return True
    return len(line) <= 600 and FURNITURE_LINE.fullmatch(line.text) is not None


def caption_line(line: Line, previous: Line | None) -> bool:
    """True when the line is a photo caption: it ends with a photo credit or follows a photo-viewer line."""
    if len(line) > CAPTION_MAX_CHARS:
        return False
    if previous is not None and PHOTO_VIEWER.match(previous.text) and not PHOTO_VIEWER.match(line.text):
        return True
    tail = line.text[-CREDIT_TAIL_CHARS:]  # a credit closes its caption: only the end is searched
    return "photo" in tail.lower() and PHOTO_CREDIT.search(tail) is not None
