"""Bibliography entries → parsed works (CMOS 17, 14.63–14.70): inverted first author, parts separated by full stops.

:func:`parse_entry` reads one entry of a list of references, with the
repeated-author dash ("———.") already resolved by the reader.
"""

from __future__ import annotations

import re

from usmxkg.extract.citation_text import (
    ABBREVIATIONS,
    EDITION,
    EDITORS,
    JOURNAL,
    PAGE_RANGE,
    PRESENTED,
    REPEAT,
    THESIS,
    container_ok,
    inverted_names,
    is_date,
    is_inverted_author,
    publication_facts,
    split_quoted,
    strip_end,
    take_web,
    top_level_mask,
    top_segments,
    work_kind,
    year_in,
)
from usmxkg.extract.works import Work

# --- bibliography entries ----------------------------------------------------------------------


def _sentences(text: str) -> list[str]:
    """Top-level sentences of an entry: split at full stops that are not abbreviations or initials."""
    top = top_level_mask(text)
    out: list[str] = []
    start = 0
    for m in re.finditer(r"[.?!](?=\s+\S)", text):
        i = m.start()
        if not top[i]:
            continue
        if text[i] == ".":
            token = text[:i].rsplit(None, 1)[-1] if text[:i].split() else ""
            token = token.lstrip("(“\"")
            if re.fullmatch(r"(?:[A-Za-z]\.)*[A-Z]", token) or token.lower() in ABBREVIATIONS:
                continue
            out.append(text[start:i].strip())
        else:
            out.append(text[start : i + 1].strip())
        start = i + 1
    out.append(text[start:].strip().rstrip("."))
    return [s for s in (x.strip() for x in out) if s]


def _skip_name_group(text: str) -> str:
    """Text after a co-author group that follows a repeated-author dash ("and Kristin M. Finklea. Title")."""
    for m in re.finditer(r"\.(?=\s|$)", text):
        token = text[: m.start()].rsplit(None, 1)[-1] if text[: m.start()].split() else ""
        if re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", token) or token in {"Jr", "Sr"}:
            continue
        return text[m.end() :]
    return ""


def _entry_body(s: str, author: str) -> tuple[tuple[str, ...], str]:
    """The entry's authors (split) and the text after them; a title in the author position is kept."""
    body = s
    repeat = REPEAT.match(body)
    lost = re.match(r"[.,]\s", body) or re.match(r"(?:and|&)\s", body)
    if repeat or lost:
        body = body[repeat.end() :] if repeat else body
        body = body.lstrip(" ")
        if body.startswith(","):
            body = body[1:].lstrip()
        if re.match(r"(?:and|&)\s", body):
            body = _skip_name_group(body)
        authors = inverted_names(author) if author else ()
        return authors, body.lstrip(" .,")
    norm_author = " ".join(author.split())
    if norm_author and is_inverted_author(norm_author) and body.startswith(norm_author):
        body = body[len(norm_author) :]
        m = re.match(r"\s*,\s*(?:eds?\.|editors?|comp\.)(?=[\s,.]|$)", body)
        if m:
            return (), body[m.end() :].lstrip(" .,")  # an edited volume: editors are not authors
        return inverted_names(norm_author), body.lstrip(" .,")
    return (), body


def parse_entry(text: str, author: str = "") -> Work | None:
    """A bibliography entry (CMOS 14.63–14.70) parsed into a :class:`Work`.

    ``author`` is :attr:`~usmxkg.document.Reference.author`: the author as
    written, or the one a repeated-author dash ("———.") stands for.

    >>> w = parse_entry("Ochoa, Daniel P. “Liaison Officers and the Limits of Trust.” "
    ...                 "Master’s thesis, Naval Postgraduate School, 2017.", "Ochoa, Daniel P.")
    >>> (w.authors, w.title, w.publisher, w.year, w.kind)
    (('Ochoa, Daniel P.',), 'Liaison Officers and the Limits of Trust', 'Naval Postgraduate School', \
'2017', 'Thesis')
    """
    s, url, accessed, modified = take_web(" ".join(text.split()))
    if not s and not url:
        return None
    authors, body = _entry_body(s, author)
    container = place = publisher = year = pages = ""
    chapter = thesis = journal = presented = False
    quoted = split_quoted(body)
    if quoted is not None:
        title, after = quoted
        after = after.strip().lstrip(".,").strip()
        sents = _sentences(after)
        facts = publication_facts(sents[-1]) if sents else None
        if THESIS.match(after) or JOURNAL.match(after) or PRESENTED.match(after):
            facts = None
        if re.match(r"In\s", after):
            chapter = True
            first = sents[0][3:] if sents else ""
            pm = re.search(rf",\s*({PAGE_RANGE})\s*$", first)
            container = strip_end(EDITORS.sub("", first))
            for sent in sents[1:-1] if facts else sents[1:]:
                if re.fullmatch(PAGE_RANGE, sent):
                    pages = sent
            if pm and not pages:
                pages = pm.group(1)
        elif (tm := THESIS.match(after)) is not None:
            thesis = True
            publisher = strip_end(tm.group("school"))
            year = tm.group("year") or ""
        elif PRESENTED.match(after):
            presented = True
            container = container_ok(top_segments(PRESENTED.sub("", after))[0])
            year = year_in(after)
        elif (jm := JOURNAL.match(after)) is not None:
            journal = True
            container = container_ok(jm.group("c"))
            year = year_in(jm.group("d"))
            pages = jm.group("p") or ""
        elif sents and re.search(r",\s*(?:edited\s+by|eds?\.)\s", sents[0]):
            chapter = True
            container = strip_end(EDITORS.sub("", sents[0]))
        elif facts and len(sents) >= 2:
            container = container_ok(sents[0])
        elif sents and not facts:
            container = container_ok(sents[0])
            year = year_in(*sents)
        if facts:
            place = (facts.group("place") or "").strip()
            publisher = facts.group("pub").strip()
            year = facts.group("year")
    else:
        title, container, place, publisher, year = _unquoted_entry(body)
    year = year or year_in(modified)
    kind = work_kind(quoted is not None, chapter=chapter, thesis=thesis, journal=journal, presented=presented,
                 container=container, publisher=publisher, url=url, accessed=accessed, year=year)
    if not title and not authors and not url:
        return None
    return Work(authors, title, container, publisher, place, year, pages, url, accessed, kind)


def _unquoted_entry(body: str) -> tuple[str, str, str, str, str]:
    """(title, container, place, publisher, year) of an entry whose title is not in quotation marks."""
    sents = _sentences(body)
    if not sents:
        return "", "", "", "", ""
    facts_at = -1
    for i in range(len(sents) - 1, 0, -1):
        fm = publication_facts(EDITION.sub("", sents[i]))
        if fm and not is_date(fm.group("pub")):
            facts_at = i
            break
    if facts_at > 0:
        fm = publication_facts(sents[facts_at])
        assert fm is not None
        kept = [sents[0]]
        for sent in sents[1:facts_at]:
            if EDITION.fullmatch(sent) or re.fullmatch(r"\d+(?:st|nd|rd|th)\s+ed", sent) \
                    or re.search(r"\bSeries\b|^(?:Edited|Translated|Ed\.|Trans\.)\b|^Vol\b", sent):
                continue
            kept.append(sent)
        title = strip_end(EDITORS.sub("", ". ".join(kept)))
        return title, "", (fm.group("place") or "").strip(), fm.group("pub").strip(), fm.group("year")
    title = strip_end(sents[0])
    container = container_ok(sents[1]) if len(sents) > 1 else ""
    return title, container, "", "", year_in(*sents[1:])

