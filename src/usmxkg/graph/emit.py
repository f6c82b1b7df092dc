"""Document → quads in the document's own named graph.

Map step of the build: a pure function of one :class:`Document` (plus the
gazetteer built from reference data), so it can run per file, in parallel or
from a cache and still give identical output. :func:`usmxkg.extract.extract`
finds the facts; this module and the emitters it calls only write them.
Entities get provisional IRIs minted from their keys; cross-document
resolution rewrites them later.
"""

from __future__ import annotations

from pyoxigraph import Quad

from usmxkg._version import __version__
from usmxkg.document import FIELDS, WORK_TYPES, Document
from usmxkg.extract import extract
from usmxkg.extract.gazetteer import Gazetteer
from usmxkg.extract.metadata import FieldValue, Metadata
from usmxkg.graph.citations import emit_citations
from usmxkg.graph.evidence import add_evidence
from usmxkg.graph.facts import emit_facts
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
    source_graph,
    source_iri,
)

PREDICATES: dict[str, object] = {
    "subtitle": SCHEMA.alternativeHeadline,
    "author": DCTERMS.creator,
    "corporate-author": DCTERMS.creator,
    "contributor": DCTERMS.contributor,
    "advisor": USMX.advisor,
    "second-reader": USMX.secondReader,
    "chair": USMX.departmentChair,
    "date-published": DCTERMS.issued,
    "report-date": DCTERMS.issued,
    "abstract": DCTERMS.abstract,
    "subject": USMX.subjectTerm,
    "degree": USMX.degree,
    "degree-grantor": USMX.degreeGrantor,
    "department": USMX.department,
    "publisher": DCTERMS.publisher,
    "performing-organization": SCHEMA.sourceOrganization,
    "sponsoring-agency": SCHEMA.sponsor,
    "report-number": DCTERMS.identifier,
    "identifier": DCTERMS.identifier,
    "report-type": USMX.reportType,
    "type": SCHEMA.genre,
    "distribution": USMX.distributionStatement,
    "rights": DCTERMS.rights,
    "language": DCTERMS.language,
    "page-count": USMX.pageCount,
    "extent": DCTERMS.extent,
    "dateline-place": SCHEMA.locationCreated,
    "dateline-agency": SCHEMA.sourceOrganization,
    "repository": SCHEMA.provider,
    "rank": USMX.rank,
    "prior-degree": USMX.priorDegree,
    "author-title": USMX.jobTitle,
    "author-affiliation": USMX.affiliation,
}
"""Field name (:data:`usmxkg.document.FIELDS`) → predicate; ``title`` and ``date`` have rules of their own.

What a value becomes (literal, code, number, date, entity) is the field's
``value`` in its spec; fields whose spec says ``about="author"`` describe
the first author, not the work.
"""

def emit_document(doc: Document, gazetteer: Gazetteer | None = None, started: str | None = None) -> list[Quad]:
    """All quads read from one document, in its named graph.

    With a ``gazetteer`` (built from the reference data) mentions, acronyms
    and newly defined organisations are emitted too. ``started`` (an
    ``xsd:dateTime``) stamps the conversion activity; it is left out by
    default because a timestamp would make builds differ.
    """
    sink = QuadSink(source_graph(doc.doc_id), locate=doc.locate)
    source = source_iri(doc.doc_id)
    _emit_activity(sink, doc, started)
    sink.add(source, RDF.type, iri(PROV.Entity))
    sink.add(source, RDF.type, iri(DCMITYPE.Text))
    sink.add(source, DCTERMS.identifier, text(doc.doc_id))
    sink.add(source, DCTERMS["format"], text("text/plain"))

    facts = extract(doc, gazetteer)
    work = work_iri(doc, facts.metadata)
    if doc.work_type not in WORK_TYPES:
        raise ValueError(f"{doc.source}: reader {doc.kind} gave an unknown work type {doc.work_type!r}")
    sink.add(work, RDF.type, iri(USMX[doc.work_type]))
    if doc.record:
        record = f"{source}/record"
        sink.add(record, RDF.type, iri(USMX.CatalogRecord))
        sink.add(record, PROV.wasDerivedFrom, iri(source))
        sink.add(record, FOAF.primaryTopic, iri(work))
        sink.add(source, DCTERMS.isFormatOf, iri(record))
    else:
        sink.add(source, DCTERMS.isFormatOf, iri(work))
    sink.add(work, PROV.wasDerivedFrom, iri(source))
    if facts.metadata is not None:
        MetadataEmitter(sink, doc, work, facts.metadata).run()
    emit_citations(sink, doc, work, facts.citations)
    emit_mentions(sink, doc, work, facts)
    emit_facts(sink, doc, work, facts)
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


def work_iri(doc: Document, metadata: Metadata | None) -> str:
    """The work a document carries or describes, keyed by title and first author; the source's when untitled."""
    if metadata is None or metadata.key is None:
        return f"{source_iri(doc.doc_id)}/document"
    return document_iri(*metadata.key)


class MetadataEmitter:
    """Statements about one work (and its first author) from what its metadata fields denote."""

    def __init__(self, sink: QuadSink, doc: Document, work: str, metadata: Metadata) -> None:
        self.sink, self.doc, self.work, self.metadata = sink, doc, work, metadata
        self.source = iri(source_iri(doc.doc_id))

    def run(self) -> None:
        self._title()
        if self.metadata.date is not None and self.metadata.date.date is not None:
            date = self.metadata.date.date
            self.sink.add(self.work, DCTERMS.date, typed(date.lexical, date.datatype))
            add_evidence(self.sink, self.doc.doc_id, self.work, self.metadata.date.span)
        first = self.metadata.first_author
        first_author = entity_iri(first.kind, first.key) if first else None
        for value in self.metadata.values:
            subject = self.work if FIELDS[value.name].about == "work" else first_author
            if subject is not None:
                self._value(subject, value)

    def _title(self) -> None:
        """The title in the document's language; every span attesting it is evidence, variants alternatives."""
        title = self.metadata.title
        if title is None:
            return
        lang = self.doc.language
        self.sink.add(self.work, DCTERMS.title, text(title.text, "en" if title.devised else lang))
        for alternative in title.alternatives:
            self.sink.add(self.work, DCTERMS.alternative, text(alternative, lang))
        for span in title.evidence:
            add_evidence(self.sink, self.doc.doc_id, self.work, span)

    def _value(self, subject: str, value: FieldValue) -> None:
        """One field value: text in the document's language (RDF 1.1 language-tagged strings), a code in
        none, a typed number or date, or an entity (typed, labelled, derived from the source, with evidence)."""
        predicate = PREDICATES[value.name]
        kind = FIELDS[value.name].value
        if kind == "text":
            self.sink.add(subject, predicate, text(value.text, self.doc.language))
        elif kind == "code":
            self.sink.add(subject, predicate, text(value.text))
        elif kind == "integer" and value.number is not None:
            self.sink.add(subject, predicate, typed(str(value.number), "nonNegativeInteger"))
        elif kind == "date" and value.date is not None:
            self.sink.add(subject, predicate, typed(value.date.lexical, value.date.datatype))
        elif value.entity is not None:
            entity = value.entity
            node = entity_iri(entity.kind, entity.key)
            kinds = {"person": USMX.Person, "institution": USMX.Institution, "place": USMX.Place}
            self.sink.add(subject, predicate, iri(node))
            self.sink.add(node, RDF.type, iri(kinds[entity.kind]))
            self.sink.add(node, RDFS.label, text(entity.label))
            self.sink.add(node, PROV.wasDerivedFrom, self.source)
            add_evidence(self.sink, self.doc.doc_id, node, value.span)
            if kind == "organisation" or (kind == "person" and predicate != DCTERMS.creator):
                self.sink.add(self.work, SCHEMA.mentions, iri(node))
