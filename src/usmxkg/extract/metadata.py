"""Document metadata fields → what each value denotes: text, a code, a number, a date, a person, an organisation.

Readers fill :attr:`usmxkg.document.Document.fields` with spans under the
closed set of field names :data:`usmxkg.document.FIELDS`; each field's spec
says what kind of value it holds. This module decides what each value is
(the person/organisation decision of :func:`usmxkg.extract.agents.agent_entity`,
dates at their stated precision, page counts), and composes the work's title
and bibliographic key, so the graph layer only writes statements
(DESIGN.md: readers → extract → graph).
"""

from __future__ import annotations

from dataclasses import dataclass

from usmxkg.document import FIELDS, Document, Span
from usmxkg.extract.agents import agent_entity, institution_name
from usmxkg.extract.citations import work_key_name, work_key_title
from usmxkg.extract.dates import parse_date
from usmxkg.extract.facts import DateValue, Entity
from usmxkg.extract.gazetteer import Gazetteer
from usmxkg.vocab import fold

__all__ = ["FieldValue", "Metadata", "Title", "extract_metadata"]

DEVISED_KIND = {
    "Thesis": "Thesis", "Report": "Report", "NewsArticle": "News release", "BlogPost": "Blog post",
    "JournalArticle": "Article", "Book": "Book", "BookChapter": "Chapter", "WebPage": "Web page",
    "GovernmentDocument": "Government document", "Document": "Document",
}
"""How a devised title names the kind of work (English, as cataloguers write devised titles)."""

MAX_COUNT_DIGITS = 9
"""Digits of a page count worth reading; a longer run of digits is noise, not a count."""


@dataclass(frozen=True, slots=True)
class FieldValue:
    """One value of a metadata field: the field, the span read, its words, and what it denotes.

    ``entity`` is set for person, organisation and place fields, ``date`` for
    date fields that parse, ``number`` for integer fields with digits.
    """

    name: str
    span: Span
    text: str
    entity: Entity | None = None
    date: DateValue | None = None
    number: int | None = None


@dataclass(frozen=True, slots=True)
class Title:
    """The work's title as it is to be written, the spans that attest it, and variant titles.

    ``evidence`` holds every title span, and the subtitle's when the title
    announces it with a colon; ``alternatives`` the variants whose words differ.
    ``devised`` marks a title the source does not state, made up from the
    kind of work, its dateline and date and written in square brackets, as a
    cataloguer devises one (RDA 2.3.2.11; ISBD 1.1.4.2.2); its evidence is
    the place and date it is made of.
    """

    text: str
    evidence: tuple[Span, ...]
    alternatives: tuple[str, ...] = ()
    devised: bool = False


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the document's metadata fields say of the work and of its first author.

    ``key`` is the bibliographic key (folded title, first author's family
    name) shared with citations, so a work read from a source and the same
    work cited elsewhere meet; None when the document states no title.
    ``date`` is the first date field that parses; ``values`` every other
    field's values in field order.
    """

    key: tuple[str, str] | None = None
    title: Title | None = None
    date: FieldValue | None = None
    first_author: Entity | None = None
    values: tuple[FieldValue, ...] = ()


def work_key(title: str, author: str) -> tuple[str, str]:
    """The bibliographic key of a work: its folded title and its first author's family name."""
    return work_key_title(title), work_key_name(author) if author else ""


def extract_metadata(doc: Document, gazetteer: Gazetteer | None = None) -> Metadata:
    """The metadata of ``doc``: key, title, date, first author and every field value."""
    title = doc.first("title")
    author = doc.first("author")
    values = tuple(
        _value(doc, name, span, gazetteer)
        for name in FIELDS
        if name not in ("title", "date")
        for span in doc.fields.get(name, [])
    )
    first = next((v.entity for v in values if v.name == "author"), None)
    return Metadata(
        key=work_key(title.text, author.text if author else "") if title is not None else None,
        title=_title(doc) or _devised_title(doc),
        date=next((v for v in (_value(doc, "date", s, gazetteer) for s in doc.fields.get("date", [])) if v.date), None),
        first_author=first if author is not None else None,
        values=values,
    )


def _title(doc: Document) -> Title | None:
    """The first title; variants with the same words are more evidence, others alternative titles.

    A title followed by a colon announces its subtitle (a form that printed
    the two parts apart): the work's title is then both, joined as
    "Title: Subtitle" (CMOS 8.164).
    """
    titles = doc.fields.get("title", [])
    if not titles:
        return None
    written = " ".join(titles[0].text.split())
    evidence = list(titles)
    subtitle = doc.first("subtitle")
    after = doc.text[titles[0].end:titles[0].end + 3].lstrip()
    if subtitle is not None and (written.endswith(":") or after.startswith(":")):
        written = f"{written.rstrip(' :')}: {' '.join(subtitle.text.split())}"
        evidence.insert(0, subtitle)
    main = fold(titles[0].text)
    alternatives = tuple(" ".join(s.text.split()) for s in titles if fold(s.text) != main)
    return Title(written, tuple(evidence), alternatives)


def _devised_title(doc: Document) -> Title | None:
    """A title for an untitled work from its kind, dateline place and date ("[News release, Austin, Texas, May
    3, 2031]"); None when the source states neither place nor date."""
    parts = [doc.first(name) for name in ("dateline-place", "date-published", "date")]
    stated = [span for span in parts if span is not None]
    if not stated:
        return None
    place, date = parts[0], parts[1] or parts[2]
    words = [DEVISED_KIND.get(doc.work_type, "Document")]
    if place is not None:
        words.append(place_label(place.text))
    if date is not None:
        words.append(" ".join(date.text.split()))
    return Title(f"[{', '.join(words)}]", tuple(s for s in (place, date) if s is not None), devised=True)


def place_label(written: str) -> str:
    """A dateline place as a label: each part in capitals ("FORT SAM HOUSTON, Texas") title-cased (AP style)."""
    parts = [" ".join(part.split()) for part in written.split(",")]
    return ", ".join(part.title() if part.isupper() else part for part in parts)


def _value(doc: Document, name: str, span: Span, gazetteer: Gazetteer | None) -> FieldValue:
    """What one field value denotes, by the kind of value its spec declares."""
    words = " ".join(span.text.split())
    kind = FIELDS[name].value
    if kind == "date":
        return FieldValue(name, span, words, date=parse_date(span.text))
    if kind == "integer":
        digits = "".join(c for c in span.text if c in "0123456789")
        number = int(digits) if digits and len(digits) <= MAX_COUNT_DIGITS else None
        return FieldValue(name, span, words, number=number)
    if kind == "person":
        return FieldValue(name, span, words, entity=agent_entity(span.text, gazetteer))
    if kind == "organisation":
        label = institution_name(span.text)
        if name == "department" and not label.lower().startswith("department of "):
            label = "Department of " + label  # a catalogue's "National Security Affairs" is the department
        return FieldValue(name, span, words, entity=Entity("institution", label, label, "Institution"))
    if kind == "place":
        label = place_label(span.text)
        return FieldValue(name, span, words, entity=Entity("place", label, label, "Place"))
    return FieldValue(name, span, words)
