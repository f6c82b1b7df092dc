"""The document model every reader produces and every extractor consumes.

Readers absorb the mess of the source formats; extractors see only this model.
Every piece of structure is a :class:`Span` into :attr:`Document.text` (the
normalised text), so whatever is extracted later can point back to the exact
characters it came from (Web Annotation ``TextPositionSelector`` +
``TextQuoteSelector``, https://www.w3.org/TR/annotation-model/#text-position-selector).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

WORK_TYPES: frozenset[str] = frozenset({
    "Document", "Thesis", "Report", "NewsArticle", "BlogPost", "JournalArticle", "Book", "BookChapter",
    "WebPage", "GovernmentDocument",
})
"""Classes (``usmx:`` local names) a reader may give the work a document carries or describes."""


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One metadata field of the reader contract: its name, the kind of value and what it says.

    ``value`` tells the graph what a value becomes: ``text`` a literal,
    ``code`` a literal in no language (identifiers, language codes),
    ``integer``/``date`` a typed literal, ``person``/``organisation``/``place``
    an entity. ``about`` says whose property it is: the ``work``, or its first
    ``author``.
    """

    name: str
    value: str
    about: str
    description: str


FIELDS: dict[str, FieldSpec] = {spec.name: spec for spec in (
    FieldSpec("title", "text", "work", "the title; the first value is the best-written, later ones variants"),
    FieldSpec("subtitle", "text", "work", "a secondary title or sub-headline"),
    FieldSpec("author", "person", "work", "a personal author, in document order"),
    FieldSpec("corporate-author", "organisation", "work", "an organisation credited as author"),
    FieldSpec("contributor", "person", "work", "another person credited (editor, compiler)"),
    FieldSpec("advisor", "person", "work", "a thesis or paper advisor (instructor, supervisor)"),
    FieldSpec("second-reader", "person", "work", "a thesis second reader"),
    FieldSpec("chair", "person", "work", "the chair of the department that approved a thesis"),
    FieldSpec("date", "date", "work", "the work's date as printed; the first value is the one to use"),
    FieldSpec("date-published", "date", "work", "the date a page or release was published or posted"),
    FieldSpec("report-date", "date", "work", "the report date of a documentation page (SF 298 / DD 1473)"),
    FieldSpec("abstract", "text", "work", "the abstract or summary"),
    FieldSpec("subject", "text", "work", "a subject term or keyword"),
    FieldSpec("degree", "text", "work", "the degree a thesis was submitted for"),
    FieldSpec("degree-grantor", "organisation", "work", "the school that grants the degree"),
    FieldSpec("department", "organisation", "work", "the academic department"),
    FieldSpec("publisher", "organisation", "work", "the publisher or issuing body"),
    FieldSpec("performing-organization", "organisation", "work", "the organisation that produced a report"),
    FieldSpec("sponsoring-agency", "organisation", "work", "the agency that sponsored or monitored it"),
    FieldSpec("report-number", "code", "work", "a report or series number (GAO-10-837, R40135)"),
    FieldSpec("identifier", "code", "work", "a persistent identifier (handle, DOI, URL of the item)"),
    FieldSpec("report-type", "text", "work", "the type of report as stated (Master's Thesis, Final)"),
    FieldSpec("type", "text", "work", "a catalogue's type of the item (Thesis, Report, Article)"),
    FieldSpec("distribution", "text", "work", "the distribution or availability statement"),
    FieldSpec("rights", "text", "work", "the rights or copyright statement"),
    FieldSpec("language", "code", "work", "the language of the work as a catalogue states it"),
    FieldSpec("page-count", "integer", "work", "the number of pages"),
    FieldSpec("extent", "text", "work", "the physical extent as a catalogue writes it (xii, 67 p.)"),
    FieldSpec("dateline-place", "place", "work", "the place of a news dateline"),
    FieldSpec("dateline-agency", "organisation", "work", "the news agency of a dateline"),
    FieldSpec("repository", "organisation", "work", "the repository or archive this copy comes from"),
    FieldSpec("rank", "text", "author", "the author's military rank or civilian grade as printed"),
    FieldSpec("prior-degree", "text", "author", "a degree the author already holds"),
    FieldSpec("author-title", "text", "author", "the author's job title or position"),
    FieldSpec("author-affiliation", "organisation", "author", "the organisation the author belongs to"),
)}
"""The closed set of metadata fields: no reader may record a field outside it (:meth:`Document.add_field`)."""


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
    """A data table: caption, rows of cells (footnote marks kept in cells), its source line and its notes.

    ``source`` is the text of the "Source(s):" line printed with the table;
    ``notes`` are its "Note(s):" lines and lettered notes ("a. …"), each
    kept whole with its mark, in printed order.
    """

    label: str
    caption: Span | None
    rows: list[list[Span]] = field(default_factory=list)
    source: Span | None = None
    notes: list[Span] = field(default_factory=list)


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


ZONE_KINDS: frozenset[str] = frozenset({
    "furniture", "caption", "front-matter", "contents", "acronyms", "notes", "references",
})
"""Kinds of region that are not running text: facts are taken from running text, and from these only on purpose.

``furniture``: page chrome of the host site or repository (banners, menus,
share buttons, store stamps, "Download"/"Loading..." lines, page headers);
``caption``: photo and figure captions; ``front-matter``: title and approval
pages and documentation forms; ``contents``: tables of contents and lists of
figures or tables; ``acronyms``: lists of acronyms; ``notes``: footnotes and
endnotes; ``references``: bibliographies and lists of references.
"""


@dataclass(frozen=True, slots=True)
class Zone:
    """A region of the text of one of :data:`ZONE_KINDS`."""

    kind: str
    span: Span

    def __post_init__(self) -> None:
        if self.kind not in ZONE_KINDS:
            raise ValueError(f"unknown zone kind {self.kind!r}")


class SourceText(Protocol):
    """The text a document was read from (the decoded file) and the map from normalised offsets to it."""

    @property
    def source(self) -> str: ...

    def source_range(self, start: int, end: int) -> tuple[int, int]: ...


@dataclass(slots=True)
class Document:
    """One source document after reading.

    ``doc_id`` is derived from the raw bytes (content-addressed), never from
    the file name, so the same bytes always mint the same IRIs and graphs.
    ``kind`` names the reader that read it; ``work_type`` is the class of the
    work it carries (or, when ``record`` is set, the work it describes: the
    file is then a catalogue record about that work). ``fields`` maps
    metadata field names (:data:`FIELDS`) to their spans in document order; a
    field may repeat (several authors or subjects). ``zones`` mark the
    regions that are not running text (:data:`ZONE_KINDS`). ``detection``
    says which cues chose the kind, and how confidently (shown by
    ``usmxkg inspect``). ``origin`` maps spans back to the characters of the
    decoded source file (:meth:`locate`), which is what evidence points at.
    ``language`` is the BCP 47 tag of the language the text is written in,
    when it is known.
    """

    doc_id: str
    source: str
    kind: str
    text: str
    work_type: str = "Document"
    record: bool = False
    detection: str = ""
    origin: SourceText | None = None
    language: str | None = None
    fields: dict[str, list[Span]] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[Span] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    acronyms: list[Acronym] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    zones: list[Zone] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def span(self, start: int, end: int) -> Span:
        """A span of this document's text; the only way readers should make one."""
        return Span(start, end, self.text[start:end])

    def locate(self, span: Span) -> Span:
        """The span of the source file's text that ``span`` of the normalised text was read from.

        Evidence selectors name the source file, so their offsets and quoted
        words must be the file's (Web Annotation: the selector applies to the
        ``oa:hasSource`` resource); without an origin the span is its own.
        """
        if self.origin is None:
            return span
        start, end = self.origin.source_range(span.start, span.end)
        return Span(start, end, self.origin.source[start:end])

    def add_zone(self, kind: str, start: int, end: int) -> None:
        """Mark ``[start, end)`` as a region of ``kind`` (:data:`ZONE_KINDS`)."""
        if end > start:
            self.zones.append(Zone(kind, self.span(start, end)))

    def in_zone(self, start: int, end: int, kinds: frozenset[str] = ZONE_KINDS) -> bool:
        """True when ``[start, end)`` lies inside a zone of one of ``kinds``."""
        return any(z.kind in kinds and z.span.start <= start and end <= z.span.end for z in self.zones)

    def first(self, name: str) -> Span | None:
        """The first value of a metadata field, or None when the document lacks it."""
        values = self.fields.get(name)
        return values[0] if values else None

    def add_field(self, name: str, span: Span) -> None:
        """Record a metadata value, keeping document order and dropping exact repeats.

        Raises :class:`ValueError` for a name outside :data:`FIELDS`: a field
        that nothing downstream maps would be read and silently lost.
        """
        if name not in FIELDS:
            raise ValueError(f"unknown metadata field {name!r}")
        values = self.fields.setdefault(name, [])
        if span not in values:
            values.append(span)
