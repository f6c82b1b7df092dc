"""Bibliographic citations: footnotes and reference-list entries → parsed works.

Theses in the Chicago notes-bibliography system (*The Chicago Manual of
Style*, 17th ed., chapter 14) describe every cited work twice, in two styles:

* a **note** (CMOS 14.20–14.24) writes the author in natural order and
  separates the parts with commas, the facts of publication in parentheses —
  ``Elena M. Vargas, Border Garrisons: Soldiers and Settlers (Austin: Lone
  Star University Press, 2011), 45.`` — and ends with the pages
  cited (the locator); a later note to the same work uses a **short form**
  (surname, short title, page; CMOS 14.29–14.33) or **Ibid.** for the work of
  the note just before (CMOS 14.34);
* a **bibliography entry** (CMOS 14.63–14.70) inverts the first author's name
  and separates the parts with full stops — ``Vargas, Elena M. Border
  Garrisons: Soldiers and Settlers. Austin: Lone Star University Press,
  2011.``

Italics are lost in the plain text, so a book title is recognised by its
position; article, chapter and web-page titles stand in quotation marks
(CMOS 14.86). Journal articles carry volume, issue and date (14.171), chapters
"in *Book*, ed. X" (14.106), theses "(Master's thesis, School, Year)"
(14.224), web pages a site name, an access date and a URL (14.205–14.207).
Converted text often deviates from the manual (missing commas, a title
followed by a stray full stop, typos in names); every rule below tolerates
what the corpus theses actually print.

:func:`extract_citations` reads ``doc.footnotes`` and ``doc.references`` and
returns one :class:`Citation` per cited work: a note citing two sources
("A; B") gives two, a note of pure commentary gives none, and an Ibid. or a
short form is resolved to the full description it abbreviates.

Notes are parsed by :mod:`usmxkg.extract.citation_notes`, entries by
:mod:`usmxkg.extract.citation_entries`, from the shared patterns of
:mod:`usmxkg.extract.citation_text`. Identity: :meth:`Work.key`
(:mod:`usmxkg.extract.works`) is how a note and a bibliography entry
describing the same work — or two theses citing it — are merged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from usmxkg.document import Document, Span
from usmxkg.extract.citation_entries import parse_entry
from usmxkg.extract.citation_notes import NoteParse, fallback_parse, note_parts, parse_note
from usmxkg.extract.works import KINDS, Work, key_words, work_key_name, work_key_title

__all__ = [
    "KINDS",
    "Citation",
    "Work",
    "extract_citations",
    "parse_entry",
    "parse_note",
    "work_key_name",
    "work_key_title",
]

@dataclass(frozen=True, slots=True)
class Citation:
    """One cited work: where it is cited and how the description was found.

    ``evidence`` is the note text (the part of it naming this work when a
    note cites several) or the bibliography entry; ``origin`` is
    ``"footnote"`` or ``"reference"``; ``number`` the note number;
    ``resolved`` is ``""`` for a full description, ``"ibid"`` or
    ``"short-form"`` when ``work`` was taken from an earlier description.
    """

    work: Work
    evidence: Span
    origin: str
    number: int | None
    resolved: str



# --- the document ------------------------------------------------------------------------------


def _sub_span(doc: Document, span: Span, start: int, end: int) -> Span:
    return doc.span(span.start + start, span.start + end)


def _resolve(short: Work, earlier: Iterable[Work]) -> Work | None:
    """The first earlier description by the same author whose title begins with the short title (CMOS 14.30).

    Titles also match when their keys agree (:func:`work_key_title`), so a
    short form that repeats the main title with a drifting subtitle still
    finds its full note.
    """
    name = work_key_name(short.authors[0]) if short.authors else ""
    words = key_words(short.title)
    if not words:
        return None
    for work in earlier:
        if name:
            candidate = work.authors[0] if work.authors else work.container
            if work_key_name(candidate) != name:
                continue
        full = key_words(work.title)
        if full[: len(words)] == words or work_key_title(short.title) == work_key_title(work.title):
            return work
    return None


def extract_citations(doc: Document) -> list[Citation]:
    """Every work cited in ``doc``'s notes and list of references, in text order.

    A note gives one citation per source it names ("A; B" gives two;
    signal words "See", "See also", "Cf." are skipped and commentary
    before them ignored). "Ibid." takes the first work of the note just
    before (CMOS 14.34; nothing when that note cited nothing); a short form
    takes the nearest earlier full note, then the bibliography entry, by the
    same author whose title begins with the short title (CMOS 14.29–14.33);
    an unresolved short form keeps what it says. ``pages`` of a resolved
    work are the pages the citing note gives.
    """
    entries: list[tuple[Span, Work]] = []
    for ref in doc.references:
        work = parse_entry(ref.text.text, ref.author)
        if work is not None:
            entries.append((ref.text, work))
    entry_works = [work for _span, work in entries]
    out: list[Citation] = []
    history: list[Work] = []
    previous_first: Work | None = None
    for note in doc.footnotes:
        first_here: Work | None = None
        for start, end, parsed in note_parts(note.text.text):
            evidence = _sub_span(doc, note.text, start, end)
            if isinstance(parsed, str):
                if previous_first is None:
                    continue
                work = replace(previous_first, pages=parsed) if parsed else previous_first
                resolved = "ibid"
            else:
                work, resolved = _settle(parsed, history, entry_works)
                if not resolved and parsed and fallback_parse(parsed).short and not fallback_parse(parsed).plausible:
                    continue
            out.append(Citation(work, evidence, "footnote", note.number, resolved))
            first_here = first_here or work
        previous_first = first_here
    out.extend(Citation(work, span, "reference", None, "") for span, work in entries)
    out.sort(key=lambda c: (c.evidence.start, c.evidence.end))
    return out


def _settle(parses: list[NoteParse], history: list[Work], entries: list[Work]) -> tuple[Work, str]:
    """The work a note part names: itself when full, else the earlier description it abbreviates."""
    chosen = fallback_parse(parses)
    if not chosen.short:
        history.append(chosen.work)
        return chosen.work, ""
    for parse in parses:
        if not parse.short:
            continue
        target = _resolve(parse.work, [*reversed(history), *entries])
        if target is not None:
            return replace(target, pages=parse.work.pages), "short-form"
    return chosen.work, ""
