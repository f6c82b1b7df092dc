"""The approval (inner title) page of a thesis: author, rank, prior degrees, degree, school, date and approvers.

Two conventions are read:

* **NPS**: title, author with rank/service and prior degrees, "Submitted in
  partial fulfillment of the requirements for the degree of", the degree,
  "from the" degree-granting school and date, then "Author:" and "Approved
  by:" followed by name / role pairs (Thesis Advisor, Second Reader,
  Chair(man), Department of …), a role on the line after its name;
* **CGSC / SAMS** ("THESIS APPROVAL PAGE", "MONOGRAPH APPROVAL PAGE"): "Name of
  Candidate:", "Thesis Title:" / "Monograph Title:", then "Approved by:" with
  each signature's role printed before the name ("…, Thesis Committee Chair"
  above the typed name, or "Name, Member" on one line).

Every value is recorded as a span of the value only (never its label).
"""

from __future__ import annotations

import re

from usmxkg.document import Document, Span
from usmxkg.readers.datelines import is_date
from usmxkg.readers.names import is_rank_line, person_span, read_rank_line, split_names
from usmxkg.readers.outline import Line, is_front_heading, strip_span
from usmxkg.readers.page_vocabulary import PRIOR_DEGREE
from usmxkg.readers.title_page import role

APPROVED_BY = re.compile(r"^Approved\s+by\s*:?\s*(?P<value>.*)$", re.IGNORECASE)
AUTHOR_LINE = re.compile(r"^(?:Authors?(?:\(s\))?|Name\s+of\s+Candidate)\s*:\s*(?P<value>.*)$", re.IGNORECASE)
SUBMITTED = re.compile(r"^Submitted\s+in\s+partial\s+fulfil+ment", re.IGNORECASE)
DEGREE_OF = re.compile(r"\bdegrees?\s+of\s*$", re.IGNORECASE)
FROM_THE = re.compile(r"^from\s+the\b\s*(?P<rest>.*)$", re.IGNORECASE)
RELEASE = re.compile(r"^(?:Approved\s+for\s+public\s+release|DISTRIBUTION\s+STATEMENT)", re.IGNORECASE)
ACCEPTED = re.compile(r"^Accepted\s+this\b", re.IGNORECASE)

ROLE_LINE = re.compile(
    r"^,?\s*(?:(?:Thesis|Dissertation|Project|Monograph)\s+)?(?:Committee\s+)?(?:Co-?\s*)?"
    r"(?:Advis[eo]rs?|Readers?|Chair(?:man|person|woman)?|Members?|Director)\b|^,?\s*Second\s+Readers?\b"
    r"|^,?\s*(?:Associate\s+)?Advis[eo]rs?\b|^,?\s*(?:Vice\s+)?Provost\b|^,?\s*(?:Dean|Director)(?:,|\s+of\b)"
    r"|^,?\s*Academic\s+Associate\b|^,?\s*Program\s+Officer\b|^,?\s*Department\s+Chair|^,?\s*Consulting\s+Faculty",
    re.IGNORECASE,
)
"""A role line of the approval page (the name is on the line before, or after a leading comma)."""
NAME_ROLE = re.compile(r"^(?P<name>[^,]+(?:,\s*(?:Ph\.?\s?D\.?|Ed\.?D\.?|M\.?[AS]\.?|M\.?B\.?A\.?|J\.?D\.?))*),\s*"
                       r"(?P<role>(?:Thesis|Monograph)\s+(?:Committee\s+)?(?:Chair|Director)|Member\b.*|Second\s+Reader)$",
                       re.IGNORECASE)
"""A name and its role on one line ("Ann Lee, Ph.D., Member")."""
UNDERSIGNED = re.compile(r"^The\s+undersigned\s+certif(?:y|ies)\b", re.IGNORECASE)
SIGNATURE = re.compile(r"^(?P<name>[^_()]+?)\s*\(Date\)\s*$", re.IGNORECASE)
"""Air University's approval page: signature lines "NAME, PhD (Date)" under "The undersigned certify …"."""
_UNFINISHED = re.compile(r"(?:\bof|\band|\bfor|[,&/-])\s*$", re.IGNORECASE)


def read_approval_page(doc: Document, lines: list[Line], limit: int) -> bool:
    """Read the approval page among lines ``[0, limit)``; False when there is none."""
    stop = min(limit, len(lines))
    certify = next((i for i in range(stop) if UNDERSIGNED.match(lines[i].text.strip())), None)
    if certify is not None:
        _signatures(doc, lines, certify)
    submitted = next((i for i in range(stop) if SUBMITTED.match(lines[i].text.strip())), None)
    approved = next((i for i in range(stop) if APPROVED_BY.match(lines[i].text.strip())), None)
    if submitted is None and approved is None:
        return False
    if submitted is not None:
        _author_blocks(doc, lines, submitted)
        _degree_block(doc, lines, submitted, approved if approved is not None else stop)
    if approved is not None:
        _approvers(doc, lines, approved)
    return True


def _signatures(doc: Document, lines: list[Line], certify: int) -> None:
    """The signatories of an Air University approval page: the advisor first, then the reader(s)."""
    signed = 0
    for line in lines[certify + 1 : certify + 20]:
        m = SIGNATURE.match(line.text.strip())
        if m is None:
            continue
        lead = _indent(line)
        name = person_span(doc, line.start + lead, line.start + lead + m.end("name"))
        add_unique(doc, "advisor" if signed == 0 else "second-reader", name)
        signed += 1


def add_unique(doc: Document, name: str, span: Span | None) -> None:
    """Record a field value unless it is empty or the same text is already recorded under ``name``."""
    if span is None or not span.text.strip():
        return
    key = " ".join(span.text.split()).casefold()
    if any(" ".join(v.text.split()).casefold() == key for v in doc.fields.get(name, [])):
        return
    doc.add_field(name, span)


def paragraphs(lines: list[Line], start: int, stop: int) -> list[tuple[int, int]]:
    """Runs of non-blank lines in ``[start, stop)`` as ``(first, last)`` line indices."""
    out: list[tuple[int, int]] = []
    i = start
    while i < stop:
        if lines[i].blank:
            i += 1
            continue
        j = i
        while j + 1 < stop and not lines[j + 1].blank:
            j += 1
        out.append((i, j))
        i = j + 1
    return out


def block_span(doc: Document, lines: list[Line], first: int, last: int) -> Span:
    return strip_span(doc, lines[first].start, lines[last].end, marks=False)


def _author_blocks(doc: Document, lines: list[Line], submitted: int) -> None:
    """Author name(s) with rank/service and prior-degree lines, in the paragraphs before "Submitted…"."""
    paras = paragraphs(lines, max(submitted - 30, 0), submitted)
    blocks: list[tuple[int, int]] = []
    for first, last in reversed(paras):
        rest = [lines[i].text.strip() for i in range(first + 1, last + 1)]
        if rest and all(PRIOR_DEGREE.match(t) or is_rank_line(t) for t in rest):
            blocks.insert(0, (first, last))
        else:
            break
    for n, (first, last) in enumerate(blocks):
        add_unique(doc, "author", person_span(doc, lines[first].start, lines[first].end))
        for i in range(first + 1, last + 1):
            text = lines[i].text.strip()
            if PRIOR_DEGREE.match(text):
                add_unique(doc, "prior-degree", block_span(doc, lines, i, i))
            elif n == 0:  # rank and service are recorded for the first author
                rank, service = read_rank_line(doc, lines[i].start, lines[i].end)
                add_unique(doc, "rank", rank)
                add_unique(doc, "author-affiliation", service)
    if blocks:
        before = [p for p in paras if p[1] < blocks[0][0]]
        if before and not RELEASE.match(lines[before[-1][0]].text.strip()):
            add_unique(doc, "title", block_span(doc, lines, before[-1][0], before[-1][1]))


def _degree_block(doc: Document, lines: list[Line], submitted: int, stop: int) -> None:
    """Degree(s) after "requirements for the degree of", the school after "from the", and the date."""
    paras = paragraphs(lines, submitted, stop)
    k = next((n for n, (_, last) in enumerate(paras[:2]) if DEGREE_OF.search(lines[last].text)), 0) + 1
    while k < len(paras) and not FROM_THE.match(lines[paras[k][0]].text.strip()):
        first, last = paras[k]
        if _ends_degree_part(lines[first].text):
            return
        _degrees(doc, lines, first, last)
        k += 1
    if k >= len(paras):
        return
    first, last = paras[k]
    rest = FROM_THE.match(lines[first].text.strip())
    school: list[Line] = []
    if rest and rest.group("rest").strip():
        school.append(_sub_line(lines[first], rest.start("rest")))
    school.extend(lines[first + 1 : last + 1])
    for para in paras[k + 1 : k + 3]:
        if school and not is_date(lines[para[0]].text):
            break
        school.extend(lines[para[0] : para[1] + 1])
    for line in school:
        text = line.text.strip()
        if _ends_degree_part(text):
            break
        if is_date(text):
            add_unique(doc, "date", strip_span(doc, line.start, line.end, marks=False))
        else:
            add_unique(doc, "degree-grantor", strip_span(doc, line.start, line.end, marks=False))


def _ends_degree_part(text: str) -> bool:
    """The approvals part ("Author:", "Approved by:") follows the degree statement."""
    text = text.strip()
    return bool(AUTHOR_LINE.match(text) or APPROVED_BY.match(text))


def _degrees(doc: Document, lines: list[Line], first: int, last: int) -> None:
    """One degree per run of lines; a line "and" separates two degrees."""
    run_start = first
    for i in range(first, last + 2):
        if i > last or lines[i].text.strip().casefold() == "and":
            if run_start < i:
                add_unique(doc, "degree", block_span(doc, lines, run_start, i - 1))
            run_start = i + 1


def _approvers(doc: Document, lines: list[Line], approved: int) -> None:
    """Authors ("Author:", "Name of Candidate:") and the name / role pairs after "Approved by:"."""
    for i in range(max(approved - 8, 0), approved):
        m = AUTHOR_LINE.match(lines[i].text.strip())
        if m and m.group("value").strip():
            line = _sub_line(lines[i], m.start("value"))
            for author in split_names(doc, line.start, line.end):
                add_unique(doc, "author", author)
    name: Span | None = None
    first = lines[approved]
    m = APPROVED_BY.match(first.text.strip())
    if m and m.group("value").strip():
        name = person_span(doc, first.start + _indent(first) + m.start("value"), first.end)
    role_line: int | None = None  # a role may wrap onto the next line ("Chair, Department of\nX Affairs")
    waiting: Line | None = None  # a role printed before its name (", Thesis Committee Chair")
    for i in range(approved + 1, min(len(lines), approved + 40)):
        text = lines[i].text.strip()
        if not text:
            role_line = None
            continue
        if is_front_heading(text) or RELEASE.match(text) or ACCEPTED.match(text):
            break
        pair = NAME_ROLE.match(text)
        if pair:
            _record_role(doc, lines[i], lines[i], person_span(doc, lines[i].start + _indent(lines[i]),
                                                               lines[i].start + _indent(lines[i]) + pair.end("name")),
                         pair.group("role"))
        elif text.startswith(",") and ROLE_LINE.match(text):
            waiting = lines[i]
        elif ROLE_LINE.match(text):
            role_line = i
            _record_role(doc, lines[i], lines[i], name)
        elif role_line is not None and _UNFINISHED.search(lines[i - 1].text):
            _record_role(doc, lines[role_line], lines[i], name)
        else:
            role_line = None
            name = person_span(doc, lines[i].start, lines[i].end)
            if waiting is not None:
                _record_role(doc, waiting, waiting, name)
                waiting = None


def _record_role(doc: Document, line: Line, last: Line, name: Span | None, text: str | None = None) -> None:
    """Assign ``name`` to the role on ``line`` (continued to ``last``); a chair's role names a department."""
    text = (text or line.text).strip().lstrip(", ")
    field = role(text)
    if field is None or name is None:
        return
    add_unique(doc, field, name)
    if field == "chair" and "," in text:
        comma = line.text.index(",", len(line.text) - len(line.text.lstrip()) + 1 if line.text.lstrip()
                                .startswith(",") else 0)
        department = strip_span(doc, line.start + comma + 1, last.end, marks=False)
        values = doc.fields.get("department", [])
        if values and last is not line and department.start == values[-1].start:
            values[-1] = department
        else:
            add_unique(doc, "department", department)


def _indent(line: Line) -> int:
    return len(line.text) - len(line.text.lstrip())


def _sub_line(line: Line, offset: int) -> Line:
    """The part of ``line`` from ``offset`` (relative to its stripped text) to its end."""
    start = line.start + _indent(line) + offset
    return Line(start, line.end, line.text[start - line.start :])
