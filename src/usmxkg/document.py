"""The document model every reader produces and every extractor consumes.

Readers absorb the mess of the source formats; extractors see only this model.
Every piece of structure is a :class:`Span` into :attr:`Document.text` (the
normalised text), so whatever is extracted later can point back to the exact
characters it came from (Web Annotation ``TextPositionSelector`` +
``TextQuoteSelector``, https://www.w3.org/TR/annotation-model/#text-position-selector).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class DocumentKind(str, Enum):
    """Kinds of source document a reader can recognise from content alone."""

    THESIS = "thesis"
    CATALOG_RECORD = "catalog-record"
    NEWS_RELEASE = "news-release"
    WEB_ARTICLE = "web-article"
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` of the normalised text.

    ``text`` is stored alongside the offsets so a span can be checked against
    the document (``document.text[span.start:span.end] == span.text``) and
    serialised as a quote selector without the document at hand.
    """

    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span [{self.start}, {self.end})")
        if len(self.text) != self.end - self.start:
            raise ValueError(f"span [{self.start}, {self.end}) does not match text of length {len(self.text)}")


@dataclass(slots=True)
class Section:
    """A heading of the document's outline and the sections nested under it.

    ``number`` is the outline label as printed ("I", "A", "1", "a"), empty for
    unnumbered headings such as "LIST OF REFERENCES"; ``level`` starts at 1.
    ``body`` covers the heading and everything up to the next heading at the
    same or a higher level.
    """

    number: str
    title: Span
    level: int
    body: Span
    children: list[Section] = field(default_factory=list)

    def walk(self) -> list[Section]:
        """This section and all its descendants in document order."""
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


@dataclass(slots=True)
class Footnote:
    """A numbered note: its text and every in-text marker that points at it."""

    number: int
    text: Span
    markers: list[Span] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Reference:
    """One entry of a list of references (a bibliography), multi-line entries joined.

    ``author`` holds the resolved author string when the entry used the
    repeated-author dash ("———.") convention, else the author as written.
    """

    text: Span
    author: str = ""


@dataclass(frozen=True, slots=True)
class Acronym:
    """A row of a list of acronyms: the short form and its expansion as written."""

    short: Span
    long: Span


@dataclass(slots=True)
class Table:
    """A data table: caption, rows of cells, and footnote marks found in cells."""

    label: str
    caption: Span | None
    rows: list[list[Span]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure caption (the picture itself is not in the text)."""

    label: str
    caption: Span


@dataclass(frozen=True, slots=True)
class Quote:
    """Quoted speech and the speaker's name as written near it (may be empty)."""

    text: Span
    speaker: str


@dataclass(slots=True)
class Document:
    """One source document after reading.

    ``doc_id`` is derived from the raw bytes (content-addressed), never from
    the file name, so the same bytes always mint the same IRIs and graphs.
    ``fields`` maps metadata field names (``title``, ``author``, ``date``,
    ``advisor``, SF298 fields, catalogue fields, …) to their spans in
    document order; a field may repeat (several authors or subjects).
    """

    doc_id: str
    source: str
    kind: DocumentKind
    text: str
    fields: dict[str, list[Span]] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[Span] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    acronyms: list[Acronym] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def span(self, start: int, end: int) -> Span:
        """A span of this document's text; the only way readers should make one."""
        return Span(start, end, self.text[start:end])

    def first(self, name: str) -> Span | None:
        """The first value of a metadata field, or None when the document lacks it."""
        values = self.fields.get(name)
        return values[0] if values else None

    def add_field(self, name: str, span: Span) -> None:
        """Record a metadata value, keeping document order and dropping exact repeats."""
        values = self.fields.setdefault(name, [])
        if span not in values:
            values.append(span)
