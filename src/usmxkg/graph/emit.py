"""Document → quads in the document's own named graph.

Map step of the build: a pure function of one :class:`Document`, so it can
run per file, in parallel or from a cache and still give identical output.
"""

from __future__ import annotations

from pyoxigraph import Quad

from usmxkg.document import Document, DocumentKind, Span
from usmxkg.extract.dates import parse_date
from usmxkg.extract.names import display_name, family_name
from usmxkg.graph.evidence import add_evidence
from usmxkg.graph.terms import QuadSink, iri, text, typed
from usmxkg.vocab import (
    DCMITYPE,
    DCTERMS,
    FOAF,
    PROV,
    RDF,
    RDFS,
    USMX,
    document_iri,
    entity_iri,
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

WORK_TYPE = {"thesis": USMX.Thesis, "report": USMX.Report, "book": USMX.Book, "article": USMX.JournalArticle}
"""Catalogue ``Type`` values (folded) → class of the work the record describes."""


def emit_document(doc: Document) -> list[Quad]:
    """All quads read from one document, in its named graph."""
    sink = QuadSink(source_graph(doc.doc_id))
    source = source_iri(doc.doc_id)
    sink.add(source, RDF.type, iri(PROV.Entity))
    sink.add(source, RDF.type, iri(DCMITYPE.Text))
    sink.add(source, DCTERMS.identifier, text(doc.doc_id))
    sink.add(source, DCTERMS["format"], text("text/plain"))

    work = _work_iri(doc)
    if doc.kind is DocumentKind.CATALOG_RECORD:
        record = f"{source}/record"
        sink.add(record, RDF.type, iri(USMX.CatalogRecord))
        sink.add(record, PROV.wasDerivedFrom, iri(source))
        sink.add(record, FOAF.primaryTopic, iri(work))
        type_span = doc.first("type")
        work_class = WORK_TYPE.get(type_span.text.strip().lower(), USMX.Document) if type_span else USMX.Document
        sink.add(work, RDF.type, iri(work_class))
    else:
        sink.add(work, RDF.type, iri(DOCUMENT_CLASS[doc.kind]))
    sink.add(work, PROV.wasDerivedFrom, iri(source))
    _emit_metadata(sink, doc, work)
    return sink.quads


def _work_iri(doc: Document) -> str:
    title = doc.first("title")
    author = doc.first("author")
    if title is None:
        return f"{source_iri(doc.doc_id)}/document"
    return document_iri(title.text, family_name(author.text) if author else "")


def _emit_metadata(sink: QuadSink, doc: Document, work: str) -> None:
    title = doc.first("title")
    if title is not None:
        sink.add(work, DCTERMS.title, text(" ".join(title.text.split())))
        add_evidence(sink, doc.doc_id, work, title)
    for author in doc.fields.get("author", []):
        _emit_person(sink, doc, work, DCTERMS.creator, author)
    date = doc.first("date")
    parsed = parse_date(date.text) if date else None
    if date is not None and parsed is not None:
        sink.add(work, DCTERMS.date, typed(parsed.lexical, parsed.datatype))
        add_evidence(sink, doc.doc_id, work, date)


def _emit_person(sink: QuadSink, doc: Document, subject: str, role: object, span: Span) -> None:
    name = display_name(span.text)
    person = entity_iri("person", name)
    sink.add(subject, role, iri(person))
    sink.add(person, RDF.type, iri(USMX.Person))
    sink.add(person, RDFS.label, text(name))
    sink.add(person, PROV.wasDerivedFrom, iri(source_iri(doc.doc_id)))
    add_evidence(sink, doc.doc_id, person, span)
