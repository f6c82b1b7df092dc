"""Institute series papers and journal articles: masthead, title, by-line, date and issuing body.

Research institutes publish numbered series whose first page carries a
masthead: the series name, its number and date, the institute and its
university ("No. 117 Strategic Forum March 2004 Institute for … National
Defense University http://…"), or "… Occasional Paper / April 2015 Volume 3
Number 2". The title follows, with "by NAME" on its own line or at the end of
the title line (two-column layouts run the title, the by-line and both
columns together), the author's affiliation after the name, "Key Points" or
an executive summary, a series editor and the institute's disclaimer (the
opinions, conclusions and recommendations are the author's, not the institute's).
Professional journals (Military Review, ARMOR, Joint Force Quarterly,
Parameters, Small Wars Journal …) print the same elements with an issue date
("January-February 2012") and "Volume 42, Number 1"; their articles are
:data:`JOURNAL` works.
"""

from __future__ import annotations

import re

from usmxkg.document import Document, Span
from usmxkg.readers.lines import Line, adjacent, blocks, is_title_like
from usmxkg.readers.report_parts import (
    DATE,
    ISSUE_DATE,
    NAME,
    ORG_HEAD,
    add_person,
    mark_contents,
    organisations,
    trim,
)

JOURNAL = "JournalArticle"

SERIES = re.compile(
    r"\b(?:Strategic\s+Forum|Strategic\s+Perspectives|Strategic\s+Insights?|Occasional\s+Papers?|Working\s+Papers?"
    r"|Research\s+Papers?|Policy\s+(?:Brief|Paper|Focus)s?|Issue\s+Briefs?|Special\s+Reports?|Letort\s+Papers?"
    r"|Monograph(?:\s+Series)?|Discussion\s+Papers?|White\s+Papers?|Perry\s+Center\s+\w+|INSS\s+Insight"
    r"|Security\s+(?:and\s+Defense\s+)?Studies\s+Review|Strategic\s+Studies\s+Institute)\b",
    re.IGNORECASE,
)
"""Names of institute publication series as their mastheads print them."""

JOURNALS = re.compile(
    r"\b(?:(?i:Military\s+Review|ARMOR|Joint\s+Force\s+Quarterly|JFQ|Parameters|Small\s+Wars\s+Journal"
    r"|Naval\s+War\s+College\s+Review|Marine\s+Corps\s+Gazette|Proceedings|PRISM|Infantry|Special\s+Warfare"
    r"|Army\s+History|Strategic\s+Studies\s+Quarterly|Military\s+Intelligence(?:\s+Professional\s+Bulletin)?"
    r"|Army\s+Sustainment|Field\s+Artillery)"
    r"|Journal\s+of\s+[A-Z][\w]+(?:\s+[A-Z][\w]+){0,4}|[A-Z][\w]+(?:\s+[A-Z][\w]+){0,3}\s+(?:Journal|Quarterly|Review))\b"
)
"""Professional and scholarly journals of the defense community, and titles shaped like journal names."""

NUMBERING = re.compile(r"\b(?:No\.|Number)\s*\d{1,4}\b|\bVol(?:ume|\.)\s*\d{1,3},?\s+(?:No\.|Number|Issue)\s*\d{1,3}\b",
                       re.IGNORECASE)
"""A series or issue number ("No. 117", "Volume 3 Number 2", "Vol. 42, No. 1")."""

BY = re.compile(r"(?:^|\s)[Bb]y\s+(?=(?:Dr\.|Prof\.|[A-Z]))")
RANK = re.compile(
    r"(?:(?:Lieutenant|Lt\.?|Brigadier|Major|Maj\.?|Rear|Vice)\s+)?(?:General|Gen\.|Colonel|Col\.?|COL|LTC|MAJ|CPT|"
    r"Captain|Capt\.?|Commander|Cmdr\.|CDR|LCDR|Admiral|Adm\.|Major|Sergeant|Sgt\.|Chief)\s+")
"""A military rank before an author's name."""

HONORIFIC = re.compile(r"Dr\.|Prof\.|Professor|Mr\.|Ms\.|Mrs\.")
INITIAL = re.compile(r"[A-Z]\.")
SUFFIX = re.compile(r"Jr\.?|Sr\.?|II|III|IV")

ORG_START = frozenset({"center", "centre", "institute", "national", "naval", "university", "school", "college",
                       "department", "office", "united", "u.s.", "army", "joint", "the"})
"""First words of organisation names that follow an author's name on a run-together by-line."""

LABELS = re.compile(r"^(?:Key\s+Points|Executive\s+Summary|Abstract|Summary)\s*:?$", re.IGNORECASE)
DISCLAIMER = re.compile(
    r"^(?:The\s+)?(?:opinions|views),?\s+(?:conclusions,?\s+(?:and|or)\s+recommendations\s+)?expressed\s+(?:or\s+"
    r"implied\s+)?(?:in\s+this|herein)|^Disclaimer\b", re.IGNORECASE)
EDITOR = re.compile(r"\b(?:Series\s+)?Editor:\s*(?P<name>(?:Dr\.\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})")

MASTHEAD_LINES = 12
"""The masthead and the title are looked for among the first lines."""


def read_front(doc: Document, lines: list[Line]) -> int:
    """Record masthead, title, author, affiliation, date, series number, editor, abstract; returns the body start."""
    head = lines[:MASTHEAD_LINES]
    masthead = [line for line in head if SERIES.search(line.text) or JOURNALS.match(line.text)]
    if any(JOURNALS.match(line.text) for line in masthead) and not any(SERIES.search(m.text) for m in masthead):
        doc.work_type = JOURNAL
    by_index = _title_and_author(doc, head)
    _masthead(doc, head, masthead or head[:1])
    _publisher_lines(doc, head)
    _editor(doc, lines[:2 * MASTHEAD_LINES])
    body_start = _zones(doc, lines)
    if by_index is not None:
        body_start = max(body_start, head[by_index].end)
    _abstract(doc, lines)
    return body_start


def _title_and_author(doc: Document, head: list[Line]) -> int | None:
    """The title and first author from "TITLE by NAME …" or a title line above "by NAME …"; the by-line index.

    The last "by" of a line that is followed by a name is the by-line ("… Shaped by History by NAME").
    """
    for index, line in enumerate(head):
        for by in reversed(list(BY.finditer(line.text))):
            name = _author(doc, line.start + by.end(), line.end)
            if name is None:
                continue
            if by.start() > 0 and not _masthead_like(line.text[:by.start()]):
                title = trim(doc, line.start, line.start + by.start())
            else:
                title = _title_above(doc, head[:index])
            if title is not None:
                doc.add_field("title", title)
            return index
    return None


TITLE_LINES = 3
"""A title above a by-line runs over at most this many adjacent lines."""


def _title_above(doc: Document, above: list[Line]) -> Span | None:
    """The title over the by-line: the nearest title-like lines, joined while they are adjacent."""
    chosen: list[Line] = []
    for line in reversed(above):
        if not is_title_like(line) or _masthead_like(line.text):
            if chosen:
                break
            continue
        if chosen and (not adjacent(doc.text, line, chosen[0]) or len(chosen) == TITLE_LINES):
            break
        chosen.insert(0, line)
    return trim(doc, chosen[0].start, chosen[-1].end) if chosen else None


def _author(doc: Document, start: int, end: int) -> Span | None:
    """The person named after "by", without rank or honorific; organisations after the name are affiliations."""
    text = doc.text
    rank = RANK.match(text, start, end)
    name_start = rank.end() if rank else start
    words = list(re.finditer(r"\S+", text[name_start:end]))
    stop = len(words)
    first = 1 if words and HONORIFIC.fullmatch(words[0].group()) else 0
    if len(words) > first + 2 and INITIAL.fullmatch(words[first + 1].group()):
        # "First M. Last" is a whole name: what follows is an affiliation (or a suffix)
        stop = first + 3 + (len(words) > first + 3 and SUFFIX.fullmatch(words[first + 3].group()) is not None)
        words = words[:stop]
    for k, word in enumerate(words):
        bare = word.group().strip(",;()").lower()
        if k >= 2 and (bare in ORG_START or bare in ORG_HEAD):
            stop = k
            break
        if k >= 1 and word.group().endswith(","):  # "NAME, U.S. Army"
            stop = k + 1
            break
        if k >= 5 or not word.group()[:1].isupper():
            stop = k
            break
    if stop < 2:
        return None
    candidate_end = name_start + words[stop - 1].end()
    candidate = trim(doc, name_start, candidate_end)
    if candidate is None or not NAME.fullmatch(candidate.text):
        return None
    person = add_person(doc, "author", candidate.start, candidate.end)
    if person is not None:
        for org in organisations(doc, candidate_end, end):
            _add_org(doc, "author-affiliation", org)
    return person


def _masthead_like(text: str) -> bool:
    return bool(SERIES.search(text) or NUMBERING.search(text) or DATE.fullmatch(text.strip()))


def _masthead(doc: Document, head: list[Line], masthead: list[Line]) -> None:
    """Series number, date and institutes of the masthead lines (and the two lines under each)."""
    near = sorted({k for k, line in enumerate(head) if line in masthead for k in range(k, min(k + 3, len(head)))})
    for k in near:
        line = head[k]
        number = NUMBERING.search(line.text)
        if number and doc.work_type != JOURNAL and "report-number" not in doc.fields:
            doc.add_field("report-number", doc.span(line.start + number.start(), line.start + number.end()))
        if "date" not in doc.fields:
            _issue_date(doc, line)
        if line in masthead or _masthead_like(line.text):
            for org in organisations(doc, line.start, line.end):
                if not SERIES.search(org.text):
                    _add_org(doc, "publisher", org)


def _issue_date(doc: Document, line: Line) -> None:
    """A cover date ("July 2009"), or the year of a periodical's issue date ("January-February 2012")."""
    date = DATE.search(line.text)
    issue = ISSUE_DATE.search(line.text)
    if issue and (date is None or issue.start() <= date.start()):
        doc.add_field("date", doc.span(line.start + issue.start("year"), line.start + issue.end("year")))
    elif date:
        doc.add_field("date", doc.span(line.start + date.start(), line.start + date.end()))


def _publisher_lines(doc: Document, head: list[Line]) -> None:
    """A masthead line that is one organisation's name alone is the issuing institute."""
    for line in head:
        orgs = organisations(doc, line.start, line.end)
        if len(orgs) == 1 and orgs[0].start == line.start and orgs[0].end >= line.end - 1:
            _add_org(doc, "publisher", orgs[0])


def _add_org(doc: Document, name: str, span: Span) -> None:
    clean = trim(doc, span.start, span.end, " \t\n:;,.()")
    if clean is not None and len(clean.text.split()) >= 2:
        doc.add_field(name, clean)


def _editor(doc: Document, head: list[Line]) -> None:
    for line in head:
        match = EDITOR.search(line.text)
        if match:
            add_person(doc, "contributor", line.start + match.start("name"), line.start + match.end("name"))


def _zones(doc: Document, lines: list[Line]) -> int:
    """Disclaimers (front matter) and a contents listing; returns where the front matter ends."""
    end = mark_contents(doc, lines[:60])
    for line in lines[:60]:
        if DISCLAIMER.match(line.text):
            doc.add_zone("front-matter", line.start, line.end)
            end = max(end, line.end)
    return end


def _abstract(doc: Document, lines: list[Line]) -> None:
    """Key Points, an executive summary or an abstract, when its label stands on a line of its own.

    It runs over the blocks after the label up to the next heading (a short
    title-like line standing alone).
    """
    grouped = blocks(doc.text, lines)
    for k, block in enumerate(grouped[:-1]):
        if len(block) == 1 and LABELS.match(block[0].text):
            body: list[list[Line]] = []
            for following in grouped[k + 1:k + 8]:
                if body and len(following) == 1 and len(following[0]) < 80 and is_title_like(following[0]):
                    break
                body.append(following)
            span = trim(doc, body[0][0].start, body[-1][-1].end, " \t\n")
            if span is not None and len(span.text) >= 80:
                doc.add_field("abstract", span)
            return
