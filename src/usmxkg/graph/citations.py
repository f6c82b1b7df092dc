"""Cited works (Facts) → ``cito:cites`` links and bibliographic resources in the document's graph.

A cited work's IRI comes from the same bibliographic key as a work read from
a source (:func:`usmxkg.extract.metadata.work_key`), so a thesis cited by
another thesis, or one work cited by several documents, is one resource
(CiTO: http://purl.org/spar/cito/cites).
"""

from __future__ import annotations

from usmxkg.document import Document
from usmxkg.extract.facts import CitedWork
from usmxkg.graph.evidence import add_evidence
from usmxkg.graph.terms import QuadSink, iri, text, typed
from usmxkg.vocab import CITO, DCTERMS, PROV, RDF, RDFS, SCHEMA, USMX, document_iri, entity_iri, source_iri


def emit_citations(sink: QuadSink, doc: Document, work: str, cited: list[CitedWork]) -> None:
    """One ``cito:cites`` per distinct cited work; each citation's text is evidence of the work."""
    for item in cited:
        node = document_iri(*item.key)
        if node == work:
            continue
        sink.add(work, CITO.cites, iri(node))
        sink.add(node, PROV.wasDerivedFrom, iri(source_iri(doc.doc_id)))
        add_evidence(sink, doc.doc_id, node, item.citation.evidence)
        if not item.citation.resolved:
            _describe(sink, doc, item, node)


def _describe(sink: QuadSink, doc: Document, item: CitedWork, node: str) -> None:
    """What a full citation says of the work: type, title, creators, year, publisher, URL."""
    source = iri(source_iri(doc.doc_id))
    work = item.citation.work
    sink.add(node, RDF.type, iri(USMX[work.kind]))
    sink.add(node, DCTERMS.title, text(" ".join(work.title.split())))
    sink.add(node, DCTERMS.bibliographicCitation, text(" ".join(item.citation.evidence.text.split())))
    for creator in item.creators:
        agent = entity_iri(creator.kind, creator.key)
        sink.add(node, DCTERMS.creator, iri(agent))
        sink.add(agent, RDF.type, iri(USMX.Person if creator.kind == "person" else USMX.Institution))
        sink.add(agent, RDFS.label, text(creator.label))
        sink.add(agent, PROV.wasDerivedFrom, source)
    if item.date is not None:
        sink.add(node, DCTERMS.date, typed(item.date.lexical, item.date.datatype))
    for name in item.publishers:
        publisher = entity_iri("institution", name)
        sink.add(node, DCTERMS.publisher, iri(publisher))
        sink.add(publisher, RDF.type, iri(USMX.Institution))
        sink.add(publisher, RDFS.label, text(name))
        sink.add(publisher, PROV.wasDerivedFrom, source)
    if work.url:
        sink.add(node, SCHEMA.url, typed(work.url, "anyURI"))
