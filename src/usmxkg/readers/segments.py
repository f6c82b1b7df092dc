"""Title-page items: the lines of a school's title page cut into typed pieces, whether the page kept its lines or not.

A title page is a short sequence of conventional items — the school, the
kind of work ("THESIS", "A Monograph", "Strategy Research Project"), the
title, "by", the author with rank and service, prior degrees, a statement
("A thesis presented to the Faculty of …", "A Research Report Submitted to
the Faculty In Partial Fulfillment of the Graduation Requirements"), the
degree, committee labels ("Thesis Advisor:", "Instructor:"), the place, the
date and the distribution statement. A PDF-to-text conversion gives them one
to a line; a host site may run the whole page into one line ("… A TITLE
ENDING IN A QUESTION? BY MAJOR … A THESIS PRESENTED TO THE FACULTY OF …").
:func:`items` cuts both
into :class:`Item` pieces: lines are split only at strong boundaries (a
committee label, a date ending the line, a place after a comma), run-together
text at every item the conventions define, recognised left to right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from usmxkg.document import Document
from usmxkg.readers.datelines import DATE
from usmxkg.readers.names import RANK, rank_prefix_end
from usmxkg.readers.orgs import CITY_STATE, has_head, is_place, org_run_end
from usmxkg.readers.outline import Line
from usmxkg.readers.page_vocabulary import (
    AUTHOR_LABEL,
    BLANK_NOTICE,
    BY,
    DISCLAIMER,
    FLAT_KIND,
    FLAT_NUMBER,
    KIND,
    LABEL,
    RELEASE,
    STATEMENT_END,
    STATEMENT_START,
    URL,
    classify,
    fuzzy_statement,
    org_line,
)
from usmxkg.readers.transcript import Clutter

FLAT = 200
"""A line longer than this is several title-page items run together."""

_PROSE_WORDS = 40


@dataclass(frozen=True, slots=True)
class Item:
    """A piece of a title page: its kind, offsets, text, and the paragraph and line it stands in."""

    kind: str
    start: int
    end: int
    text: str
    para: int
    line: int


def items(doc: Document, lines: list[Line], first: int, stop: int, clutter: Clutter | None = None,
          limit: int | None = None) -> list[Item]:
    """The items of the lines ``[first, stop)``, leaving out the furniture of ``clutter`` and text from ``limit``."""
    out: list[Item] = []
    para = 0
    k = first
    while k < stop:
        line = lines[k]
        if not line.text.strip():
            para += 1
            k += 1
            continue
        if limit is not None and line.start >= limit:
            break
        start, end = _visible(line, clutter)
        if limit is not None:
            end = min(end, _rstrip(doc.text, start, limit) if limit < end else end)
        if start >= end:
            k += 1
            continue
        if end - start > FLAT:
            out.extend(_flat(doc, start, end, para, k))
            para += 1
            k += 1
            continue
        k = _line_items(doc, lines, k, stop, start, end, para, out, clutter)
    return _prose(_merge(doc, out))


def _prose(found: list[Item]) -> list[Item]:
    """Paragraphs of plain lines long enough to be running text (the body after the title page)."""
    words: dict[int, int] = {}
    plain: dict[int, bool] = {}
    for item in found:
        words[item.para] = words.get(item.para, 0) + len(item.text.split())
        plain[item.para] = plain.get(item.para, True) and item.kind in ("other", "prose", "junk")
    return [Item("prose", it.start, it.end, it.text, it.para, it.line)
            if plain[it.para] and words[it.para] > _PROSE_WORDS and it.kind == "other" else it for it in found]


def _visible(line: Line, clutter: Clutter | None) -> tuple[int, int]:
    """The part of a line outside furniture (a host page number or bullet before it is cut off)."""
    text = line.text
    start = line.start + len(text) - len(text.lstrip())
    end = line.end - (len(text) - len(text.rstrip()))
    if clutter is None:
        return start, end
    for a, b in clutter.furniture:
        if a <= start < b < end:
            start = b
    while start < end and line.text[start - line.start].isspace():
        start += 1
    if clutter.covers(start, end):
        return end, end
    return start, end


def _line_items(doc: Document, lines: list[Line], k: int, stop: int, start: int, end: int, para: int,
                out: list[Item], clutter: Clutter | None) -> int:
    """Items of one line (a statement, release or disclaimer paragraph taken whole); the next line index."""
    text = doc.text
    piece = text[start:end]
    disclaimer = (bool(DISCLAIMER.search(piece[:100])) and not BY.match(piece) and len(piece.split()) > 1) \
        or piece.strip().casefold() == "disclaimer"
    statement = bool(STATEMENT_START.match(piece)) or (len(piece.split()) >= 4 and fuzzy_statement(piece)
                                                       and not disclaimer)
    if statement or disclaimer or RELEASE.match(piece):
        kind = "statement" if statement else "disclaimer" if disclaimer else "release"
        last = k
        while last + 1 < stop and lines[last + 1].text.strip() and len(lines[last + 1].text) <= FLAT * 2 and (
                kind != "release" or RELEASE.match(lines[last + 1].text.strip())
                or lines[last + 1].text.strip()[:1].islower()):
            last += 1
        para_end = _visible(lines[last], clutter)[1]
        if kind == "statement":
            m = STATEMENT_END.search(text, start, para_end)
            cut: int = m.end() if m else para_end
            out.append(Item(kind, start, cut, text[start:cut], para, k))
            rest = cut + len(text[cut:para_end]) - len(text[cut:para_end].lstrip())
            if rest < para_end:
                r = DISCLAIMER.search(text, rest, para_end)
                kind2 = "disclaimer" if r else classify(text[rest:para_end])
                out.append(Item(kind2, rest, para_end, text[rest:para_end], para, last))
        else:
            out.append(Item(kind, start, para_end, text[start:para_end], para, k))
        return last + 1
    for a, b, named in _split_line(text, start, end):
        out.append(Item(named or classify(text[a:b]), a, b, text[a:b], para, k))
    return k + 1


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int, str | None]]:
    """Strong boundaries inside a line: committee labels, a date closing it, a place after a comma, "by NAME"."""
    cuts: list[tuple[int, int, str | None]] = []
    pos = start
    by = re.match(r"(?:by|BY|By)\s+(?=\S)", text[start:end])
    author = AUTHOR_LABEL.match(text[start:end])
    if by and rank_or_name(text[start + by.end():end]):
        cuts.append((start, start + 2, "by"))
        pos = start + by.end()
    elif author:
        cuts.append((start, start + author.end(), "by"))
        pos = _lstrip(text, start + author.end(), end)
    for m in LABEL.finditer(text, pos, end):
        if m.start() > pos:
            cuts.extend(_tail_splits(text, pos, _rstrip(text, pos, m.start())))
        cuts.append((m.start(), m.end(), "label"))
        pos = _lstrip(text, m.end(), end)
    if pos < end:
        cuts.extend(_tail_splits(text, pos, end))
    return [c for c in cuts if c[1] > c[0]]


def _tail_splits(text: str, start: int, end: int) -> list[tuple[int, int, str | None]]:
    """A trailing date ("… College Class of 2013") or a place after a comma ("COLLEGE, CARLISLE, STATE")."""
    piece = text[start:end]
    for m in DATE.finditer(piece):
        if m.start() > 0 and not piece[m.end():].strip(" .,") and m.lastgroup != "year" \
                and not is_place(piece[:m.start()].strip(" ,")):
            head_end = _rstrip(text, start, start + m.start())
            if text[head_end - 1:head_end] != "," or not DATE.fullmatch(piece[:m.start()].strip(" ,")):
                return [(start, head_end, None), (start + m.start(), end, "date")]
    comma = piece.find(", ")
    if comma > 0 and has_head(piece[:comma]) and is_place(piece[comma + 2:]):
        return [(start, start + comma, None), (start + comma + 2, end, "place")]
    return [(start, end, None)]


def _flat(doc: Document, start: int, end: int, para: int, line: int) -> list[Item]:
    """Items of run-together text, recognised left to right; what no recogniser takes accumulates as text."""
    text = doc.text
    out: list[Item] = []
    pos = _lstrip(text, start, end)
    pending = -1

    def flush(upto: int) -> None:
        nonlocal pending
        if pending >= 0:
            b = _rstrip(text, pending, upto)
            if b > pending:
                piece = text[pending:b]
                kind = "prose" if len(piece.split()) > _PROSE_WORDS else classify(piece)
                out.append(Item(kind, pending, b, piece, para, line))
        pending = -1

    while pos < end:
        found = _recognise(text, pos, end, pending < 0)
        if found is not None:
            kind, stop = found
            flush(pos)
            out.append(Item(kind, pos, stop, text[pos:stop], para, line))
            pos = _lstrip(text, stop, end)
            continue
        if pending < 0:
            pending = pos
        m = re.compile(r"\S+\s*").match(text, pos, end)
        pos = m.end() if m else end
    flush(end)
    return out


def _recognise(text: str, pos: int, end: int, fresh: bool) -> tuple[str, int] | None:
    """The item starting at ``pos`` of run-together text, as (kind, end), or None."""
    for kind, pattern in (("blank", BLANK_NOTICE), ("release", RELEASE), ("label", LABEL), ("url", URL)):
        m = pattern.match(text, pos, end)
        if m:
            return kind, m.end()
    m = STATEMENT_START.match(text, pos, end)
    if m:
        e = STATEMENT_END.search(text, m.end(), end)
        return "statement", e.end() if e else min(end, m.end() + 200)
    m = DISCLAIMER.match(text, pos, end)
    if m:
        dot = text.find(". ", m.end(), end)
        return "disclaimer", dot + 1 if dot >= 0 else end
    m = FLAT_NUMBER.match(text, pos, end)
    if m:
        return "number", m.end()
    m = FLAT_KIND.match(text, pos, end)
    if m and (m.end() == end or text[m.end()].isspace()):
        return "kind", m.end()
    m = BY.match(text, pos, end)
    if m and (pos == 0 or text[pos - 1].isspace()):
        return "by", m.end()
    m = DATE.match(text, pos, end)
    if m and m.lastgroup != "year" and (m.end() == end or not text[m.end()].isalnum()):
        return "date", m.end()
    m = CITY_STATE.match(text, pos, end)
    if m and is_place(m.group()):
        return "place", m.end()
    if fresh:
        org_end = org_run_end(text[:end], pos)
        if org_end is not None:
            return "org", org_end
    return None


def rank_or_name(text: str) -> bool:
    """Whether text after "by" opens with a rank or a person's name (so "by" is the by-line)."""
    text = text.strip()
    if rank_prefix_end(text) is not None or RANK.match(text):
        return True
    words = text.split()[:3]
    return len(words) >= 2 and all(w[:1].isupper() for w in words[:2])


def _merge(doc: Document, found: list[Item]) -> list[Item]:
    """Join pieces a layout broke apart: "STUDENT" + "ESSAY", "NAVAL" + "POSTGRADUATE" + "SCHOOL", a degree's track."""
    out: list[Item] = []
    for item in found:
        if out and out[-1].kind in ("degree", "track") and item.para == out[-1].para and item.kind in ("other", "org"):
            out.append(Item("track", item.start, item.end, item.text, item.para, item.line))
            continue
        if item.kind in ("other", "org", "kind") and len(item.text.split()) <= 2 and item.text.isupper():
            k = len(out)
            while k > 0 and _short_caps(out[k - 1]) and item.para - out[k - 1].para <= 1:
                k -= 1
            for j in range(k, len(out)):
                joined = doc.text[out[j].start:item.end]
                flat = " ".join(joined.split())
                kind = "kind" if KIND.fullmatch(flat) else "org" if org_line(flat) and has_head(item.text) else None
                if kind is not None:
                    merged = Item(kind, out[j].start, item.end, joined, out[j].para, out[j].line)
                    del out[j:]
                    out.append(merged)
                    break
            else:
                out.append(item)
            continue
        out.append(item)
    return out


def _short_caps(item: Item) -> bool:
    return item.kind == "other" and len(item.text.split()) <= 3 and item.text.isupper() and not has_head(item.text)


def _lstrip(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
