"""Citations → ``cito:cites`` links and bibliographic resources in the document's graph.

A cited work's IRI comes from the same key as a work read from a source
(:func:`usmxkg.graph.emit.work_iri_for`), so a thesis cited by another thesis,
or one work cited by several documents, is one resource
(CiTO: http://purl.org/spar/cito/cites).
"""

from __future__ import annotations

from pyoxigraph import NamedNode

from usmxkg.document import Document
from usmxkg.extract.citations import Citation, extract_citations
from usmxkg.extract.dates import parse_date
from usmxkg.extract.names import display_name
from usmxkg.graph.evidence import add_evidence
from usmxkg.graph.terms import QuadSink, iri, text, typed
from usmxkg.vocab import CITO, DCTERMS, PROV, RDF, RDFS, SCHEMA, USMX, entity_iri, fold, source_iri


def emit_citations(sink: QuadSink, doc: Document, work: str, work_iri_for) -> None:  # type: ignore[no-untyped-def]
    """One ``cito:cites`` per distinct cited work; each citation's text is evidence of the work."""
    source = iri(source_iri(doc.doc_id))
    for citation in extract_citations(doc):
        cited_work = citation.work
        if not cited_work.title.strip():
            continue
        cited = work_iri_for(cited_work.title, cited_work.authors[0] if cited_work.authors else "")
        if cited == work:
            continue
        sink.add(work, CITO.cites, iri(cited))
        sink.add(cited, PROV.wasDerivedFrom, source)
        add_evidence(sink, doc.doc_id, cited, citation.evidence)
        if citation.resolved == "":
            _describe(sink, citation, cited, source)


def _describe(sink: QuadSink, citation: Citation, cited: str, source: NamedNode) -> None:
    """What a full citation says of the work: type, title, creators, year, publisher, URL."""
    work = citation.work
    sink.add(cited, RDF.type, iri(USMX[work.kind]))
    sink.add(cited, DCTERMS.title, text(" ".join(work.title.split())))
    sink.add(cited, DCTERMS.bibliographicCitation, text(" ".join(citation.evidence.text.split())))
    for author in work.authors:
        name = display_name(author)
        person_like = "," in author or (len(name.split()) <= 4 and not _corporate(name))
        node = entity_iri("person" if person_like else "institution", fold(name))
        sink.add(cited, DCTERMS.creator, iri(node))
        sink.add(node, RDF.type, iri(USMX.Person if person_like else USMX.Institution))
        sink.add(node, RDFS.label, text(name))
        sink.add(node, PROV.wasDerivedFrom, source)
    year = parse_date(work.year) if work.year else None
    if year is not None:
        sink.add(cited, DCTERMS.date, typed(year.lexical, year.datatype))
    if work.publisher:
        publisher = entity_iri("institution", work.publisher)
        sink.add(cited, DCTERMS.publisher, iri(publisher))
        sink.add(publisher, RDF.type, iri(USMX.Institution))
        sink.add(publisher, RDFS.label, text(work.publisher))
        sink.add(publisher, PROV.wasDerivedFrom, source)
    if work.url:
        sink.add(cited, SCHEMA.url, typed(work.url, "anyURI"))


_CORPORATE_WORDS = frozenset(
    "department office agency command center centre institute university school college commission "
    "council service bureau library organization organisation ministry secretariat government "
    "congress committee foundation corporation press news times post".split()
)


def _corporate(name: str) -> bool:
    """Whether an author string names an organisation rather than a person."""
    return any(word in _CORPORATE_WORDS for word in fold(name).split())
