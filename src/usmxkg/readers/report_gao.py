"""U.S. Government Accountability Office products: reports, highlights, testimonies and product pages.

GAO numbers every product "GAO-YY-NNN" (older "GAO-YY-NNNR", "GAO/NSIAD-…"),
and its covers print "United States Government Accountability Office" (before
2004 "General Accounting Office"), the addressee ("Report to Congressional
Requesters", "Testimony Before …"), the month, the title and the number.
Three text forms reach us:

- the accessible text file (to 2012): a preamble that names the product
  number, the title in quotes and the release date ("… number GAO-…
  entitled '…' which was released on DATE."), then the cover as hard-wrapped
  lines each ending in ":" (GAO's convention for labels and headings in
  these files);
- the PDF converted to text: the same cover lines without colons;
- the product page of gao.gov: the title, "GAO-20-388 Published: DATE.
  Publicly Released: DATE.", "Fast Facts", then the highlights.

Highlights ("GAO Highlights", "Why GAO Did This Study", "What GAO Found",
"What GAO Recommends") are the product's summary, kept as the abstract.
"""

from __future__ import annotations

import re

from usmxkg.document import Document, Section, Span
from usmxkg.readers.lines import Line, blocks
from usmxkg.readers.report_parts import DATE, FULL_DATE, add_person, find_label, trim

NUMBER_FORM = r"GAO[-/](?:[A-Z]{2,6}[-/])?\d{2}-\d{2,4}[A-Z]{0,3}"
NUMBER = re.compile(rf"\b{NUMBER_FORM}\b")
"""A GAO product number ("GAO-10-837", "GAO-20-563SP", "GAO/NSIAD-97-109")."""

PREAMBLE = re.compile(
    r"This\s+is\s+the\s+accessible\s+text\s+file\s+for\s+GAO\s+(?:report|product|testimony)\s+number\s+"
    rf"(?P<number>{NUMBER_FORM})\s*,?\s+entitled\s+['‘\"“](?P<title>.+?)['’\"”]\s*,?\s+"
    rf"which\s+was\s+released\s+on\s+(?P<date>{FULL_DATE})",
    re.DOTALL | re.IGNORECASE,
)
PRODUCT_LINE = re.compile(
    rf"(?P<number>{NUMBER_FORM})\s+Published:\s*(?P<date>{FULL_DATE})\.?"
    rf"(?:\s+Publicly\s+Released:\s*(?P<released>{FULL_DATE})\.?)?")
"""The product page's identification line under the title."""

AGENCY = re.compile(r"(?:U\.S\.\s+|United\s+States\s+)?(?:Government\s+Accountability|General\s+Accounting)\s+Office")
ACRONYM = re.compile(r"\bGAO\b(?!-)")
ADDRESSEE = re.compile(r"^(?:Report|Testimony|Briefing|Letter)s?\s+(?:to|Before)\b.*$|^(?:GAO|Highlights)$",
                       re.IGNORECASE)
HIGHLIGHT_LABELS = ("Why GAO Did This Study", "What GAO Found", "What GAO Recommends", "Fast Facts",
                    "GAO Highlights", "Highlights")
HIGHLIGHT_END = re.compile(
    r"^\s*(?:\[End of section\]|View (?:GAO-|\[hyperlink).*|Contents:?|Letter:?"
    r"|Recommendations?(?: for Executive Action)?:?|Full Report|Skip to Highlights|For more information.*)\s*$",
    re.MULTILINE | re.IGNORECASE)
"""Lines that close the highlights (or the product page's Fast Facts)."""
RELEASE = re.compile(
    rf"For\s+Release\s+on\s+Delivery\b.{{0,60}}?(?P<date>{FULL_DATE})", re.IGNORECASE)
"""A testimony's release line: "For Release on Delivery Expected at 10:00 a.m. ET Wednesday, April 3, 2019"."""

STATEMENT = re.compile(r"Statement\s+of\s+(?P<name>[A-Z][\w.'’ -]{3,60}?),\s+(?P<title>[A-Z][^\n]{3,120})")
"""A testimony's witness: "Statement of NAME, Director, International Affairs and Trade"."""

COVER_CHARS = 5000
TITLE_LINES = 6
TITLE_LINE_CHARS = 160
"""A cover title is a few short lines; more or longer lines between date and number are not a title."""
HEADING_CHARS = 200
"""A block of the accessible text that ends in ":" and is this short is a label or heading."""


def read_cover(doc: Document, lines: list[Line], stops: list[int]) -> int:
    """Record number, title, date, GAO as corporate author, witness and highlights; returns the body start."""
    text = doc.text
    start = lines[0].start if lines else 0
    limit = min(len(text), start + COVER_CHARS)
    preamble = PREAMBLE.search(text, start, limit)
    product = PRODUCT_LINE.search(text, start, limit)
    if preamble:
        _group(doc, "report-number", preamble, "number")
        _title(doc, preamble.start("title"), preamble.end("title"))
        _group(doc, "date", preamble, "date")
    if product:
        _group(doc, "report-number", product, "number")
        _group(doc, "date", product, "date")
        if product.group("released"):
            _group(doc, "date-published", product, "released")
        before = [line for line in lines if line.end <= product.start()]
        if before and "title" not in doc.fields:
            _title(doc, before[-1].start, before[-1].end)
    cover_start = _preamble_end(doc, lines, preamble) if preamble else start
    cover_lines = [line for line in lines if line.start >= cover_start]
    if product:
        _headings(doc, [line for line in cover_lines if line.start >= product.end()])
        body = product.end()
    else:
        body = _cover(doc, cover_lines, limit)
    agency = _agency(doc, start, limit)
    if agency is not None:
        doc.add_field("corporate-author", agency)
        doc.add_field("publisher", agency)
    statement = STATEMENT.search(text, start, limit)
    if statement:
        person = add_person(doc, "author", statement.start("name"), statement.end("name"))
        position = trim(doc, statement.start("title"), statement.end("title"))
        if person is not None and position is not None:
            doc.add_field("author-title", position)
    _highlights(doc, start, stops)
    return max(body, cover_start)


def _agency(doc: Document, start: int, end: int) -> Span | None:
    """GAO's name as printed (read through OCR slips), else its acronym on the cover."""
    match = AGENCY.search(doc.text, start, end)
    if match:
        return doc.span(match.start(), match.end())
    for label in ("Government Accountability Office", "General Accounting Office"):
        found = find_label(doc.text, label, start, end)
        if found is not None:
            return doc.span(found.start, found.end)
    acronym = ACRONYM.search(doc.text, start, end)
    return doc.span(acronym.start(), acronym.end()) if acronym else None


def _group(doc: Document, name: str, match: re.Match[str], group: str) -> None:
    doc.add_field(name, doc.span(match.start(group), match.end(group)))


def _title(doc: Document, start: int, end: int) -> None:
    span = trim(doc, start, end, " \t\n:;,")
    if span is not None:
        doc.add_field("title", span)


def _preamble_end(doc: Document, lines: list[Line], preamble: re.Match[str]) -> int:
    """The accessible-text preamble runs to the first cover label after it (the addressee or the agency)."""
    for line in lines:
        if line.start > preamble.end() and (ADDRESSEE.match(line.text.rstrip(": ")) or AGENCY.match(line.text)):
            return line.start
    return preamble.end()


def _cover(doc: Document, lines: list[Line], limit: int) -> int:
    """Title lines between the cover date and the product number; headings of the accessible text.

    Returns the start of the text after the cover (the number line's end), or the first line when no cover is found.
    """
    text = doc.text
    date_index = number_index = None
    for index, line in enumerate(lines[:40]):
        if line.start >= limit:
            break
        bare = line.text.rstrip(": ")
        release = RELEASE.match(bare)
        if date_index is None and (DATE.fullmatch(bare) or release):
            date_index = index
            if release:
                doc.add_field("date", doc.span(line.start + release.start("date"), line.start + release.end("date")))
            else:
                doc.add_field("date", doc.span(line.start, line.start + len(bare)))
        elif NUMBER.fullmatch(bare) or re.match(r"Highlights\s+of\s+GAO-", bare) \
                or any(bare.lower() == label.lower() for label in HIGHLIGHT_LABELS[:3]):
            number_index = index
            break
    first = (date_index + 1) if date_index is not None else 0
    if number_index is not None and "report-number" not in doc.fields:
        number = NUMBER.search(lines[number_index].text)
        if number:
            start = lines[number_index].start
            doc.add_field("report-number", doc.span(start + number.start(), start + number.end()))
    if number_index is not None and number_index > first:
        title_lines = [line for line in lines[first:number_index]
                       if not ADDRESSEE.match(line.text.rstrip(": ")) and not AGENCY.fullmatch(line.text.rstrip(": "))
                       and not STATEMENT.match(line.text)]
        if 0 < len(title_lines) <= TITLE_LINES and all(len(line) <= TITLE_LINE_CHARS for line in title_lines):
            _title(doc, title_lines[0].start, title_lines[-1].end)
        _headings(doc, lines[number_index:])
        return lines[number_index].end
    _headings(doc, lines)
    return lines[0].start if lines else len(text)


def _headings(doc: Document, lines: list[Line]) -> None:
    """Short blocks ending in ":" (the accessible-text convention) or the highlights labels, as sections."""
    text = doc.text
    heads: list[Span] = []
    for block in blocks(text, lines):
        first, last = block[0], block[-1]
        bare = last.text.rstrip()
        is_label = bare.endswith(":") and last.end - first.start <= HEADING_CHARS and len(block) <= 3
        if is_label or (len(block) == 1 and bare.lower() in {label.lower() for label in HIGHLIGHT_LABELS}):
            span = trim(doc, first.start, last.end, " \t\n:")
            if span is not None and not NUMBER.fullmatch(span.text) and not DATE.fullmatch(span.text):
                heads.append(span)
    end = lines[-1].end if lines else 0
    for k, head in enumerate(heads):
        stop = heads[k + 1].start if k + 1 < len(heads) else end
        body = trim(doc, head.start, stop, " \t\n") or head
        doc.sections.append(Section("", head, 1, body))


def _highlights(doc: Document, start: int, stops: list[int]) -> None:
    """The highlights (or the product page's Fast Facts) as the abstract, to their closing line.

    ``stops`` are starts of lines that end it too (captions and page chrome inside the page).
    """
    text = doc.text
    labels = (find_label(text, label, start, min(len(text), start + 8000))
              for label in ("Why GAO Did This Study", "Fast Facts", "What GAO Found"))
    for found in sorted((f for f in labels if f is not None), key=lambda f: f.start)[:1]:
        # the first in the text: "What GAO Found" is often printed before "Why GAO Did This Study"
        begin = found.end
        for stop in stops:  # chrome right under the label (a language switch) is skipped, not an end
            if stop >= begin and not text[begin:stop].strip(" \t\n:"):
                line_end = text.find("\n", stop)
                begin = len(text) if line_end < 0 else line_end
        closing = HIGHLIGHT_END.search(text, begin)
        ends = [closing.start()] if closing else [len(text)]
        ends.extend(stop for stop in stops if stop > begin)
        span = trim(doc, begin, min(ends), " \t\n:")
        if span is not None and len(span.text) >= 40:
            doc.add_field("abstract", span)
        return
