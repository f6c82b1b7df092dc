"""Document → quads in the document's own named graph.

Map step of the build: a pure function of one :class:`Document` (plus the
gazetteer built from reference data), so it can run per file, in parallel or
from a cache and still give identical output. Entities get provisional IRIs
minted from their names; cross-document resolution rewrites them later.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pyoxigraph import Quad

from usmxkg._version import __version__
from usmxkg.document import Document, DocumentKind, Span
from usmxkg.extract.citations import work_key_name, work_key_title
from usmxkg.extract.dates import parse_date
from usmxkg.extract.gazetteer import Gazetteer
from usmxkg.extract.names import display_name, person_key
from usmxkg.graph.citations import emit_citations
from usmxkg.graph.evidence import add_evidence
from usmxkg.graph.mentions import emit_mentions
from usmxkg.graph.terms import QuadSink, iri, text, typed
from usmxkg.vocab import (
    DCMITYPE,
    DCTERMS,
    FOAF,
    ID,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    USMX,
    document_iri,
    entity_iri,
    fold,
    source_graph,
    source_iri,
)

DOCUMENT_CLASS = {
    DocumentKind.THESIS: USMX.Thesis,
    DocumentKind.NEWS_RELEASE: USMX.NewsArticle,
    DocumentKind.WEB_ARTICLE: USMX.BlogPost,
    DocumentKind.TEXT: USMX.Document,
}
"""The class of the work a file carries; a catalogue record describes a work instead."""

WORK_TYPE = {
    "thesis": USMX.Thesis,
    "report": USMX.Report,
    "technical report": USMX.Report,
    "book": USMX.Book,
    "article": USMX.JournalArticle,
}
"""Catalogue ``Type`` values (folded) → class of the work the record describes."""


@dataclass(frozen=True, slots=True)
class FieldRule:
    """How one metadata field of the document model becomes statements about the work."""

    predicate: object
    make: str  # "literal", "integer", "person", "institution", "date"


FIELD_RULES: dict[str, FieldRule] = {
    "abstract": FieldRule(DCTERMS.abstract, "literal"),
    "subject": FieldRule(USMX.subjectTerm, "literal"),
    "degree": FieldRule(USMX.degree, "literal"),
    "distribution": FieldRule(USMX.distributionStatement, "literal"),
    "rights": FieldRule(DCTERMS.rights, "literal"),
    "identifier": FieldRule(DCTERMS.identifier, "literal"),
    "report-type": FieldRule(USMX.reportType, "literal"),
    "language": FieldRule(DCTERMS.language, "literal"),
    "page-count": FieldRule(USMX.pageCount, "integer"),
    "author": FieldRule(DCTERMS.creator, "person"),
    "advisor": FieldRule(USMX.advisor, "person"),
    "second-reader": FieldRule(USMX.secondReader, "person"),
    "chair": FieldRule(USMX.departmentChair, "person"),
    "degree-grantor": FieldRule(USMX.degreeGrantor, "institution"),
    "department": FieldRule(USMX.department, "institution"),
    "publisher": FieldRule(DCTERMS.publisher, "institution"),
}
"""Field name (reader contract) → predicate and value kind. Title and date are handled apart."""

PERSON_FIELDS = {"rank": USMX.rank, "prior-degree": USMX.priorDegree}
"""Fields that describe the (first) author rather than the work."""


def emit_document(doc: Document, gazetteer: Gazetteer | None = None, started: str | None = None) -> list[Quad]:
    """All quads read from one document, in its named graph.

    With a ``gazetteer`` (built from the reference data) mentions, acronyms
    and newly defined organisations are emitted too. ``started`` (an
    ``xsd:dateTime``) stamps the conversion activity; it is left out by
    default because a timestamp would make builds differ.
    """
    sink = QuadSink(source_graph(doc.doc_id))
    source = source_iri(doc.doc_id)
    _emit_activity(sink, doc, started)
    sink.add(source, RDF.type, iri(PROV.Entity))
    sink.add(source, RDF.type, iri(DCMITYPE.Text))
    sink.add(source, DCTERMS.identifier, text(doc.doc_id))
    sink.add(source, DCTERMS["format"], text("text/plain"))

    work = work_iri(doc)
    if doc.kind is DocumentKind.CATALOG_RECORD:
        record = f"{source}/record"
        sink.add(record, RDF.type, iri(USMX.CatalogRecord))
        sink.add(record, PROV.wasDerivedFrom, iri(source))
        sink.add(record, FOAF.primaryTopic, iri(work))
        sink.add(source, DCTERMS.isFormatOf, iri(record))
        type_span = doc.first("type")
        work_class = WORK_TYPE.get(fold(type_span.text), USMX.Document) if type_span else USMX.Document
        sink.add(work, RDF.type, iri(work_class))
    else:
        sink.add(work, RDF.type, iri(DOCUMENT_CLASS[doc.kind]))
        sink.add(source, DCTERMS.isFormatOf, iri(work))
    sink.add(work, PROV.wasDerivedFrom, iri(source))
    Emitter(sink, doc, work).run()
    emit_citations(sink, doc, work, work_iri_for)
    if gazetteer is not None:
        emit_mentions(sink, doc, work, gazetteer)
    return sink.quads


def _emit_activity(sink: QuadSink, doc: Document, started: str | None) -> None:
    """The conversion run as a ``prov:Activity`` that used the source and generated the graph."""
    activity = f"{ID}activity/convert-{doc.doc_id}-{__version__}"
    agent = f"{ID}software/usmxkg-{__version__}"
    sink.add(sink.graph.value, PROV.wasGeneratedBy, iri(activity))
    sink.add(activity, RDF.type, iri(PROV.Activity))
    sink.add(activity, PROV.used, iri(source_iri(doc.doc_id)))
    sink.add(activity, PROV.wasAssociatedWith, iri(agent))
    sink.add(agent, RDF.type, iri(PROV.SoftwareAgent))
    sink.add(agent, RDFS.label, text(f"usmxkg {__version__}"))
    sink.add(agent, SCHEMA.softwareVersion, text(__version__))
    if started:
        sink.add(activity, PROV.startedAtTime, typed(started, "dateTime"))


def work_iri(doc: Document) -> str:
    """The work a document carries or describes, keyed by title and first author."""
    title = doc.first("title")
    author = doc.first("author")
    if title is None:
        return f"{source_iri(doc.doc_id)}/document"
    return work_iri_for(title.text, author.text if author else "")


def work_iri_for(title: str, author: str) -> str:
    """A work's IRI from the bibliographic key shared by sources and citations.

    Notes, bibliographies, catalogue records and title pages write the same
    work differently (capitals, subtitles, "U.S."/"US", compound surnames);
    the key (:func:`usmxkg.extract.citations.work_key_title` and
    :func:`~usmxkg.extract.citations.work_key_name`) absorbs that.
    """
    return document_iri(work_key_title(title), work_key_name(author) if author else "")


def best_title(doc: Document) -> Span | None:
    """The title as the reader found it, preferring a variant not set in capitals.

    Title pages print titles in capitals; the SF298 or a catalogue often
    gives the same title in mixed case, which is what users want to read.
    """
    title = doc.first("title")
    if title is None or not title.text.isupper():
        return title
    for variant in doc.fields.get("sf298-title", []):
        if not variant.text.isupper() and fold(variant.text) == fold(title.text):
            return variant
    return title


class Emitter:
    """Statements about one work from the document's metadata fields."""

    def __init__(self, sink: QuadSink, doc: Document, work: str) -> None:
        self.sink, self.doc, self.work = sink, doc, work
        self.source = source_iri(doc.doc_id)
        self.makers: dict[str, Callable[[FieldRule, Span], None]] = {
            "literal": self._literal,
            "integer": self._integer,
            "person": self._person_value,
            "institution": self._institution_value,
        }

    def run(self) -> None:
        title = best_title(self.doc)
        if title is not None:
            self.sink.add(self.work, DCTERMS.title, text(" ".join(title.text.split())))
            add_evidence(self.sink, self.doc.doc_id, self.work, title)
        self._date()
        for name, rule in FIELD_RULES.items():
            for span in self.doc.fields.get(name, []):
                self.makers[rule.make](rule, span)
        self._author_details()
        self._dateline()
        self._quotations()

    def _date(self) -> None:
        for span in self.doc.fields.get("date", []):
            parsed = parse_date(span.text)
            if parsed is not None:
                self.sink.add(self.work, DCTERMS.date, typed(parsed.lexical, parsed.datatype))
                add_evidence(self.sink, self.doc.doc_id, self.work, span)
                return

    def _literal(self, rule: FieldRule, span: Span) -> None:
        self.sink.add(self.work, rule.predicate, text(" ".join(span.text.split())))

    def _integer(self, rule: FieldRule, span: Span) -> None:
        digits = "".join(c for c in span.text if c.isdigit())
        if digits:
            self.sink.add(self.work, rule.predicate, typed(str(int(digits)), "nonNegativeInteger"))

    def _person_value(self, rule: FieldRule, span: Span) -> None:
        self.sink.add(self.work, rule.predicate, iri(self.person(span)))

    def _institution_value(self, rule: FieldRule, span: Span) -> None:
        prefix = "Department of " if rule.predicate == USMX.department else ""
        self.sink.add(self.work, rule.predicate, iri(self.institution(span, prefix)))

    def person(self, span: Span, name: str | None = None) -> str:
        """A person named at ``span`` (provisional IRI from the name without credentials or suffix)."""
        name = name or display_name(span.text)
        person = entity_iri("person", person_key(name))
        self.sink.add(person, RDF.type, iri(USMX.Person))
        self.sink.add(person, RDFS.label, text(name))
        self.sink.add(person, PROV.wasDerivedFrom, iri(self.source))
        add_evidence(self.sink, self.doc.doc_id, person, span)
        return person

    def institution(self, span: Span, prefix: str = "") -> str:
        """An organisation named at ``span``; "Place: Publisher" keeps the publisher only.

        ``prefix`` completes names that forms abbreviate: a catalogue's
        department "National Security Affairs" is the "Department of …".
        """
        name = institution_name(span.text)
        if prefix and not name.lower().startswith(prefix.lower()):
            name = prefix + name
        org = entity_iri("institution", name)
        self.sink.add(org, RDF.type, iri(USMX.Institution))
        self.sink.add(org, RDFS.label, text(name))
        self.sink.add(org, PROV.wasDerivedFrom, iri(self.source))
        add_evidence(self.sink, self.doc.doc_id, org, span)
        return org

    def _author_details(self) -> None:
        author = self.doc.first("author")
        if author is None:
            return
        person = entity_iri("person", person_key(display_name(author.text)))
        for name, predicate in PERSON_FIELDS.items():
            for span in self.doc.fields.get(name, []):
                self.sink.add(person, predicate, text(" ".join(span.text.split())))

    def _dateline(self) -> None:
        place = self.doc.first("dateline-place")
        if place is None:
            return
        label = place.text.title() if place.text.isupper() else place.text
        node = entity_iri("place", label)
        self.sink.add(self.work, SCHEMA.locationCreated, iri(node))
        self.sink.add(node, RDF.type, iri(USMX.Place))
        self.sink.add(node, RDFS.label, text(label))
        self.sink.add(node, PROV.wasDerivedFrom, iri(self.source))
        add_evidence(self.sink, self.doc.doc_id, node, place)

    def _quotations(self) -> None:
        """Quoted speech becomes a ``usmx:Quotation`` claim attributed to its speaker."""
        speakers = speaker_names(self.doc)
        for quote in self.doc.quotes:
            claim = f"{self.source}/quotation/{quote.text.start}-{quote.text.end}"
            self.sink.add(claim, RDF.type, iri(USMX.Quotation))
            self.sink.add(claim, RDF.value, text(quote.text.text))
            self.sink.add(claim, PROV.wasDerivedFrom, iri(self.source))
            self.sink.add(self.work, SCHEMA.mentions, iri(claim))
            add_evidence(self.sink, self.doc.doc_id, claim, quote.text)
            name = speakers.get(quote.speaker)
            if name:
                person = entity_iri("person", person_key(name))
                self.sink.add(person, RDF.type, iri(USMX.Person))
                self.sink.add(person, RDFS.label, text(name))
                self.sink.add(person, PROV.wasDerivedFrom, iri(self.source))
                self.sink.add(claim, USMX.speaker, iri(person))
                self.sink.add(claim, PROV.wasAttributedTo, iri(person))


def speaker_names(doc: Document) -> dict[str, str]:
    """Speaker strings as written → the fullest name in the document that ends with them.

    News copy names a speaker in full once ("Rebecca B. Chavez") and by family
    name afterwards ("Chavez"); both are one person.
    """
    written = sorted({q.speaker for q in doc.quotes if q.speaker}, key=len, reverse=True)
    full: dict[str, str] = {}
    for name in written:
        longer = next((f for f in written if len(f) > len(name) and f.endswith(" " + name)), None)
        full[name] = longer or name
    return full


def institution_name(written: str) -> str:
    """An organisation's name as written, without a leading "Place:", title-cased if set in capitals.

    >>> institution_name("Monterey, California: Naval Postgraduate School")
    'Naval Postgraduate School'
    >>> institution_name("NAVAL POSTGRADUATE SCHOOL")
    'Naval Postgraduate School'
    """
    name = " ".join(written.split()).rsplit(": ", 1)[-1]
    if not name.isupper():
        return name
    small = {"of", "and", "the", "for", "de", "la"}
    return " ".join(w.lower() if w.lower() in small and i else w.capitalize() for i, w in enumerate(name.split()))
