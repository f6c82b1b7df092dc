"""Title pages of the degree-granting and professional military schools: metadata and the class of the work.

The schools print the same items in different orders (items in
:mod:`usmxkg.readers.segments`):

* NPS: school, place, "THESIS", title, "by", author(s), date, committee
  labels beside their names, distribution statement;
* CGSC (MMAS): title, "A thesis presented to the Faculty of the … College in
  partial fulfillment of the requirements for the degree", the degree and its
  track, "by", "NAME, RANK, SERVICE", prior degree, place, date;
* SAMS: title, "A Monograph", "by", rank and name, service, school lines,
  place, date;
* SAASS and other Air University theses: title, "by", rank and name, "A
  THESIS PRESENTED TO THE FACULTY OF THE … FOR COMPLETION OF GRADUATION
  REQUIREMENTS", school lines, place, date;
* ACSC / AWC: report number ("AU/ACSC/…"), school lines, title, "by", "Name,
  Rank, Service", a research-report statement (submitted to the faculty for
  the graduation requirements), an advisor or instructor label, place, date;
* USAWC: "Strategy Research Project" (older: "STUDENT ESSAY"), title, "by",
  rank and name, service, the college and "Class of YYYY", the distribution
  statement and "This manuscript is submitted in partial fulfillment of …";
* NWC: title, author, "A paper submitted to the Faculty of the Naval War
  College in partial satisfaction of the requirements of the Department of …";
* institute series (JSOU): title, author, series number, date, no "by".

What they share is read here: the author is what follows "by" (or, without
one, the first line shaped like a name: a rank before it, or an initial in
it); the title is the run of plain lines closest above the author, past the
statement, the degree and the kind-of-work line, continued over a page
break only where a line ends unfinished; the schools are the organisation
lines and the school named in the statement; the date is the first date after
the author. What the page says the work is decides its class
(:mod:`usmxkg.readers.work_class`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from usmxkg.document import Document, Span
from usmxkg.readers import page_vocabulary as vocabulary
from usmxkg.readers import segments
from usmxkg.readers.names import RANK, person_span, rank_prefix_end, read_byline, read_rank_line, split_names
from usmxkg.readers.orgs import TERMINAL_HEADS, has_head
from usmxkg.readers.outline import Line, strip_span
from usmxkg.readers.segments import Item
from usmxkg.readers.transcript import Clutter
from usmxkg.readers.work_class import fuzzy_work_type, work_type

_SKIP_TO_TITLE = frozenset({
    "by", "statement", "degree", "track", "kind", "release", "junk", "disclaimer", "url", "blank",
})
_ENDS_PAGE = frozenset({"blank", "heading", "prose"})
_UNFINISHED = re.compile(
    r"(?:\b(?:of|and|or|the|for|in|on|to|a|an|with|from|by|its|their|across|along|between|into|over|under|toward"
    r"|towards|against|beyond|after|before|during|within|without|among|through|via|versus|at|as|is|are|vs\.?)"
    r"|[,:;&–—-])\s*$", re.IGNORECASE)
_INITIAL = re.compile(r"(?:^|(?<=\s))[A-Z]\.(?=\s|$)")
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-Ý][\w'’.-]*|[A-Z]\.|de|da|del|della|dos|das|du|la|le|van|von|der|den|y|e)$")


@dataclass(slots=True)
class TitlePage:
    """What a title page gave: whether one was found, its range, and the class of the work it states."""

    found: bool = False
    start: int = 0
    end: int = 0
    work_type: str | None = None
    schools: list[Span] = field(default_factory=list)


def read_title_page(doc: Document, lines: list[Line], first: int, stop: int,
                    clutter: Clutter | None = None, limit: int | None = None) -> TitlePage:
    """Read the title page in lines ``[first, stop)`` (text before ``limit``) into ``doc.fields``.

    ``found`` is False when the lines hold no title page.
    """
    page = TitlePage()
    found = segments.items(doc, lines, first, stop, clutter, limit)
    author = _author_index(found)
    if author is None:
        return page
    end = next((k for k in range(author + 1, len(found)) if found[k].kind in _ENDS_PAGE), len(found))
    before = found[:author]
    title = _title(doc, found, author)
    if title is not None:
        _add(doc, "title", title)
    after = _authors(doc, found, author, end)
    _committee(doc, found, after, end)
    _dates(doc, found, author, end)
    statements = [it for it in found[:end] if it.kind == "statement"]
    kinds = [it for it in found[:end] if it.kind == "kind"]
    series = [it.text for it in found[:end] if it.kind == "number" and re.search(r"(?i)\b(?:report|paper)\b", it.text)]
    page.work_type = work_type([k.text for k in kinds] + series, [s.text for s in statements]) \
        or fuzzy_work_type(" ".join(it.text for it in found[:end]))
    page.schools = _schools(doc, found, end, statements, title)
    school_field = "publisher" if page.work_type == "Report" else "degree-grantor"
    for span in page.schools:
        _add(doc, school_field, span)
    for statement in statements:
        _statement_fields(doc, statement)
    for it in found[:end]:
        if it.kind == "degree":
            _add(doc, "degree", _degree_span(doc, it))
        elif it.kind == "number":
            m = vocabulary.NUMBER.match(it.text)
            if m:
                _add(doc, "report-number", strip_span(doc, it.start, it.start + m.end(), marks=False))
        elif it.kind == "release" and "approved" in it.text.casefold():
            _add(doc, "distribution", strip_span(doc, it.start, it.end, marks=False))
    page.found = True
    page.start = (before[0] if before else found[author]).start
    page.end = found[end - 1].end
    return page


# --------------------------------------------------------------------------- the author


def _author_index(found: list[Item]) -> int | None:
    """Index of the first author item: the item after "by", else the first line shaped like a name."""
    for k, it in enumerate(found):
        if it.kind == "by":
            nxt = k + 1
            if nxt < len(found) and found[nxt].kind in ("other", "org", "rankline") and person_like(found[nxt].text):
                return nxt
    for k, it in enumerate(found):
        if it.kind == "other" and strong_name(it.text):
            return k
    return None


def person_like(text: str) -> bool:
    """A name, maybe with rank before and title or service after: "MAJOR A. B. CEE", "Ann B. Cee, Major, USAF"."""
    first = text.split(",")[0].strip()
    lead = rank_prefix_end(first)
    if lead is not None:
        first = first[lead:]
    words = first.split()
    if not 2 <= len(words) <= 12 or has_head(first) or any(c.isdigit() for c in first):
        return False
    return all(_NAME_WORD.match(w) for w in words) and vocabulary.classify(first) not in ("statement", "kind")


def strong_name(text: str) -> bool:
    """A line that can only be a name: a rank before it or an initial in it, and the shape of a name."""
    if not person_like(text) or len(text.split(",")[0].split()) > 6:
        return False
    first = text.split(",")[0]
    return rank_prefix_end(first) is not None or bool(_INITIAL.search(first))


def _authors(doc: Document, found: list[Item], author: int, end: int) -> int:
    """Record the author(s) and what is printed with them; returns the index of the first item after them."""
    k = author
    first_byline = True
    while k < end:
        it = found[k]
        if it.text.strip().casefold() in ("and", "&"):
            k += 1
            continue
        if k > author and not (it.kind in ("other", "org") and person_like(it.text) and not has_head(it.text)):
            break
        names = [doc.span(it.start, it.end)] if "," in it.text else split_names(doc, it.start, it.end)
        for name in names:
            byline = read_byline(doc, name.start, name.end)
            if byline.name is None:
                continue
            _add(doc, "author", byline.name)
            if first_byline:
                _add(doc, "rank", byline.rank or _rank_before(doc, it, byline.name))
                _add(doc, "author-title", byline.title)
                _add(doc, "author-affiliation", byline.affiliation)
                first_byline = False
        k += 1
    while k < end:
        it = found[k]
        if it.kind == "service" or (it.kind == "org" and doc.text[found[k - 1].start:found[k - 1].end].rstrip()
                                    .endswith(",")):
            _add(doc, "author-affiliation", strip_span(doc, it.start, it.end, marks=False))
        elif it.kind == "rankline":
            rank, service = read_rank_line(doc, it.start, it.end)
            _add(doc, "rank", rank)
            _add(doc, "author-affiliation", service)
        elif it.kind == "prior":
            _add(doc, "prior-degree", strip_span(doc, it.start, it.end, marks=False))
        else:
            break
        k += 1
    return k


def _rank_before(doc: Document, item: Item, name: Span) -> Span | None:
    """A rank printed before the name in the same item ("MAJOR A. B. CEE")."""
    head = doc.text[item.start:name.start].strip()
    if head and RANK.fullmatch(head):
        return strip_span(doc, item.start, name.start, marks=False)
    return None


# --------------------------------------------------------------------------- the title


def _title(doc: Document, found: list[Item], author: int) -> Span | None:
    """The run of plain lines closest above the author, past statements, degrees and kind-of-work lines."""
    k = author - 1
    while k >= 0 and found[k].kind in _SKIP_TO_TITLE:
        k -= 1
    if k < 0 or strong_name(found[k].text):
        return None
    continued = k > 0 and found[k - 1].kind == "other" and _UNFINISHED.search(found[k - 1].text)
    if found[k].kind != "other" and not (found[k].kind == "org" and continued):
        return None  # an organisation line ends a title only when the line above it runs on into it
    last = k
    while k - 1 >= 0 and found[k - 1].kind == "other" and not strong_name(found[k - 1].text) and (
            found[k - 1].para == found[k].para or _UNFINISHED.search(found[k - 1].text)
            or found[k].text[:1].islower()):
        k -= 1
    span = strip_span(doc, found[k].start, found[last].end, marks=False)
    return span if any(c.isalpha() for c in span.text) else None


# --------------------------------------------------------------------------- committee, dates, schools


def _committee(doc: Document, found: list[Item], start: int, end: int) -> None:
    """Committee labels and their names, inline ("Advisor: Name") or in columns (labels, then names).

    Names go to the labels still waiting for one, in order; a plural label
    ("Second Readers:") takes the names left over.
    """
    waiting: list[tuple[str | None, bool]] = []
    names: list[Span] = []

    def flush() -> None:
        for field_name, span in _distribute(waiting, names):
            if field_name:
                _add(doc, field_name, span)
        waiting.clear()
        names.clear()

    previous: Item | None = None
    for it in found[start:end]:
        field_name = role(it.text) if it.kind == "role" else None
        if field_name and previous is not None and previous.kind in ("other", "org") and person_like(previous.text):
            _add(doc, field_name, person_span(doc, previous.start, previous.end))  # "Name" / "Project Adviser"
        previous = it
        if it.kind == "label":
            if names:
                flush()
            label = vocabulary.LABEL.match(it.text)
            words = label.group("label") if label else it.text
            waiting.append((role(words), words.rstrip().endswith("s") or "(if" in words.casefold()))
            continue
        if not waiting:
            continue
        if it.kind not in ("other", "org") or not person_like(it.text):
            flush()
            continue
        found_names = (person_span(doc, n.start, n.end) for n in split_names(doc, it.start, it.end))
        names.extend(n for n in found_names if n is not None)
    flush()


def role(label: str) -> str | None:
    """Field name for a committee label or role line.

    >>> role("Thesis Co-Advisor"), role("Second Readers"), role("Instructor"), role("Committee Member")
    ('advisor', 'second-reader', 'advisor', 'second-reader')
    >>> role("Mentor and Oral Defense Committee Member")
    'advisor'
    """
    low = label.casefold()
    if "mentor" in low:
        return "advisor"
    if "reader" in low or "member" in low:
        return "second-reader"
    if any(w in low for w in ("advis", "supervis", "instructor", "mentor", "committee chair")) or re.search(
            r"\b(?:thesis|monograph|project|research|dissertation)\s+director\b", low):
        return "advisor"
    if low.startswith("chair") or "department chair" in low:
        return "chair"
    return None


def _distribute(labels: list[tuple[str | None, bool]], names: list[Span]) -> list[tuple[str | None, Span]]:
    """Pair names with labels in order; surplus names go to the first plural label (else the last label)."""
    if not labels:
        return []
    counts = [1] * len(labels)
    surplus = len(names) - len(labels)
    if surplus > 0:
        plural = next((k for k, (_, many) in enumerate(labels) if many), len(labels) - 1)
        counts[plural] += surplus
    out: list[tuple[str | None, Span]] = []
    it = iter(names)
    for (name, _), count in zip(labels, counts, strict=True):
        for _ in range(count):
            span = next(it, None)
            if span is not None:
                out.append((name, span))
    return out


def _dates(doc: Document, found: list[Item], author: int, end: int) -> None:
    """The first date after the author (else the first on the page)."""
    dates = [it for it in found[author:end] if it.kind == "date"] or [it for it in found[:author] if it.kind == "date"]
    if dates:
        it = dates[0]
        m = re.search(r"(?:19|20)\d\d", it.text) if re.match(r"(?i)(?:usawc\s+)?class|academic|ay", it.text) else None
        if m:
            _add(doc, "date", doc.span(it.start + m.start(), it.start + m.end()))
        else:
            _add(doc, "date", strip_span(doc, it.start, it.end, marks=False))


def _schools(doc: Document, found: list[Item], end: int, statements: list[Item], title: Span | None) -> list[Span]:
    """The schools: the one a statement names, then the organisation lines of the page."""
    out: list[Span] = []
    for statement in statements:
        m = vocabulary.STATEMENT_SCHOOL.search(statement.text)
        if m and has_head(m.group("school")):
            out.append(strip_span(doc, statement.start + m.start("school"), statement.start + m.end("school"),
                                  marks=False))
    affiliations = {(s.start, s.end) for s in doc.fields.get("author-affiliation", [])}
    addressed: set[int] = set()  # paragraphs where an address has begun: later lines are the address
    for it in found[:end]:
        if it.kind in ("address", "place"):
            addressed.add(it.para)
        if it.kind != "org" or (title is not None and title.start <= it.start < title.end) or it.para in addressed:
            continue
        span = strip_span(doc, it.start, it.end, marks=False)
        if (span.start, span.end) in affiliations or person_like(it.text):
            continue
        if _school(it.text):
            out.append(span)
        elif re.match(r"(?i)department\s+of\s+(?!the\s+(?:army|navy|air\s+force)\b|defense\b)", it.text):
            _add(doc, "department", span)
    return out


def _school(text: str) -> bool:
    """An organisation line naming a school (a college, university, school, institute, academy or centre)."""
    return any(w.strip(".,;:()'’").upper() in TERMINAL_HEADS for w in text.split())


def _statement_fields(doc: Document, statement: Item) -> None:
    """The degree and the department a statement names ("… of the Master of … Degree", "… Department of …")."""
    m = vocabulary.STATEMENT_DEGREE.search(statement.text)
    if m:
        group = "d1" if m.group("d1") else "d2"
        _add(doc, "degree", doc.span(statement.start + m.start(group), statement.start + m.end(group)))
    m = vocabulary.STATEMENT_DEPARTMENT.search(statement.text)
    if m:
        _add(doc, "department", strip_span(doc, statement.start + m.start("department"),
                                           statement.start + m.end("department"), marks=False))


def _degree_span(doc: Document, item: Item) -> Span:
    m = re.match(r"Degree\s+of\s+", item.text, re.IGNORECASE)
    return strip_span(doc, item.start + (m.end() if m else 0), item.end, marks=False)


def _add(doc: Document, name: str, span: Span | None) -> None:
    """Record a value unless empty or already recorded under ``name`` (same words, any case or spacing)."""
    if span is None or not span.text.strip():
        return
    key = " ".join(span.text.split()).casefold()
    if any(" ".join(v.text.split()).casefold() == key for v in doc.fields.get(name, [])):
        return
    doc.add_field(name, span)
