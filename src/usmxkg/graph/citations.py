"""Citations → ``cito:cites`` links and bibliographic resources in the document's graph.

A cited work's IRI comes from the same key as a work read from a source
(:func:`usmxkg.graph.emit.work_iri_for`), so a thesis cited by another thesis,
or one work cited by several documents, is one resource
(CiTO: http://purl.org/spar/cito/cites).
"""

from __future__ import annotations

from pyoxigraph import NamedNode

from usmxkg.document import Document
from usmxkg.extract.agents import agent_entity, publishers
from usmxkg.extract.citations import Citation, extract_citations
from usmxkg.extract.dates import parse_date
from usmxkg.extract.facts import Entity
from usmxkg.extract.gazetteer import Gazetteer
from usmxkg.graph.evidence import add_evidence
from usmxkg.graph.terms import QuadSink, iri, text, typed
from usmxkg.vocab import CITO, DCTERMS, PROV, RDF, RDFS, SCHEMA, USMX, entity_iri, fold, source_iri

MAX_PERSON_WORDS = 4
"""Words of a personal name written in natural order (given names and two family names); an author
string longer than that without the comma of an inverted heading is a corporate body's (CMOS 14.69)."""


def emit_citations(  # type: ignore[no-untyped-def]
    sink: QuadSink, doc: Document, work: str, work_iri_for, gazetteer: Gazetteer | None = None
) -> None:
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
            _describe(sink, citation, cited, source, gazetteer)


def _describe(
    sink: QuadSink, citation: Citation, cited: str, source: NamedNode, gazetteer: Gazetteer | None
) -> None:
    """What a full citation says of the work: type, title, creators, year, publisher, URL."""
    work = citation.work
    sink.add(cited, RDF.type, iri(USMX[work.kind]))
    sink.add(cited, DCTERMS.title, text(" ".join(work.title.split())))
    sink.add(cited, DCTERMS.bibliographicCitation, text(" ".join(citation.evidence.text.split())))
    for author in work.authors:
        agent = agent_entity(author, gazetteer)
        if agent.kind == "person" and "," not in author and len(agent.label.split()) > MAX_PERSON_WORDS:
            agent = Entity("institution", author, " ".join(author.split()), "Institution")
        node = entity_iri(agent.kind, fold(agent.label) if agent.kind == "institution" else agent.key)
        sink.add(cited, DCTERMS.creator, iri(node))
        sink.add(node, RDF.type, iri(USMX.Person if agent.kind == "person" else USMX.Institution))
        sink.add(node, RDFS.label, text(agent.label))
        sink.add(node, PROV.wasDerivedFrom, source)
    year = parse_date(work.year) if work.year else None
    if year is not None:
        sink.add(cited, DCTERMS.date, typed(year.lexical, year.datatype))
    for name in publishers(work.publisher) if work.publisher else []:
        publisher = entity_iri("institution", name)
        sink.add(cited, DCTERMS.publisher, iri(publisher))
        sink.add(publisher, RDF.type, iri(USMX.Institution))
        sink.add(publisher, RDFS.label, text(name))
        sink.add(publisher, PROV.wasDerivedFrom, source)
    if work.url:
        sink.add(cited, SCHEMA.url, typed(work.url, "anyURI"))
