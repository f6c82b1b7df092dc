"""Claims and quotations → quads of the document's graph (``usmx:Claim`` and its subclasses).

Every claim is a resource ``…/source/{id}/claim/{start}-{end}`` (a quotation
``…/quotation/{start}-{end}``) with:

* ``rdf:type`` its ``usmx:`` class; ``schema:text`` its words, tagged with the
  document's language when known (a sentence that a block of notes
  interrupts is given without the notes, and has one evidence node per
  piece, so each ``oa:exact`` is words of the value);
* ``prov:wasDerivedFrom`` the work and the source text; the work
  ``schema:mentions`` it;
* ``prov:wasAttributedTo`` the claimant: the speaker, else the document's
  creators, else an unnamed author of the source (``…/source/{id}/author``,
  a ``prov:Agent``); a quotation's person is also its ``usmx:speaker``;
* ``usmx:about`` the entities named in it; for recommendations
  ``usmx:recommendedTo``, ``usmx:recommendedAction`` and ``usmx:claimType``
  ``claim-type:normative``; ``usmx:hedge``, ``usmx:judgement`` (hypotheses),
  ``usmx:inSection`` and ``dcterms:date`` (news and web posts) when stated;
* a quotation sourced by a note: ``usmx:sourcedBy`` the note's text evidence.
"""

from __future__ import annotations

from pyoxigraph import NamedNode

from usmxkg.document import Document, Span
from usmxkg.extract.facts import Claim, Entity, Quotation
from usmxkg.graph.entities import entity_node
from usmxkg.graph.evidence import add_evidence
from usmxkg.graph.terms import QuadSink, iri, text, typed
from usmxkg.vocab import DCTERMS, PROV, RDF, RDFS, SCHEMA, USMX, VOCAB, entity_iri, source_iri

NORMATIVE = f"{VOCAB}claim-type/normative"
"""Recommendations say what ought to be done (claim-type scheme, ``ontology/vocabularies.ttl``)."""


def claim_iri(doc_id: str, span: Span, kind: str = "claim") -> str:
    """A claim's IRI from its document and span (stable: the same words of the same file, the same IRI)."""
    return f"{source_iri(doc_id)}/{kind}/{span.start}-{span.end}"


def creators(sink: QuadSink, doc: Document, named: list[Entity]) -> list[str]:
    """Who the document's own claims are attributed to: its creators (``named``), else its unnamed author."""
    people = [entity_iri(e.kind, e.key) for e in named]
    if people:
        return people
    anonymous = f"{source_iri(doc.doc_id)}/author"
    sink.add(anonymous, RDF.type, iri(PROV.Agent))
    sink.add(anonymous, RDFS.label, text("unnamed author"))
    sink.add(anonymous, PROV.wasDerivedFrom, iri(source_iri(doc.doc_id)))
    return [anonymous]


def emit_quotations(sink: QuadSink, doc: Document, work: str, quotations: list[Quotation]) -> None:
    """Each quotation as a ``usmx:Quotation`` attributed to its speaker, with its evidence and source note."""
    source = iri(source_iri(doc.doc_id))
    notes = {note.number: note for note in doc.footnotes}
    for quote in quotations:
        node = claim_iri(doc.doc_id, quote.text, "quotation")
        pieces = quote.pieces or (quote.text,)
        sink.add(node, RDF.type, iri(USMX.Quotation))
        sink.add(node, SCHEMA.text, text(claim_text(pieces), quote.lang))
        sink.add(node, PROV.wasDerivedFrom, source)
        sink.add(node, PROV.wasDerivedFrom, iri(work))
        sink.add(work, SCHEMA.mentions, iri(node))
        for piece in pieces:
            add_evidence(sink, doc.doc_id, node, piece)
        if quote.date is not None:
            sink.add(node, DCTERMS.date, typed(quote.date.lexical, quote.date.datatype))
        if quote.speaker is not None:
            speaker = entity_node(sink, doc.doc_id, quote.speaker)
            if quote.speaker.kind == "person":
                sink.add(node, USMX.speaker, iri(speaker))
            sink.add(node, PROV.wasAttributedTo, iri(speaker))
            if quote.speaker_evidence is not None:
                sink.add(speaker, PROV.wasDerivedFrom, source)
                add_evidence(sink, doc.doc_id, speaker, quote.speaker_evidence)
        if quote.note is not None and quote.note in notes:
            sink.add(node, USMX.sourcedBy, iri(_evidence_node(sink, doc.doc_id, notes[quote.note].text)))


def claim_text(pieces: tuple[Span, ...]) -> str:
    """The words of a claim's pieces, joined by one space, whitespace runs squeezed (its ``schema:text``)."""
    return " ".join(" ".join(piece.text.split()) for piece in pieces)


def _evidence_node(sink: QuadSink, doc_id: str, span: Span) -> str:
    """A text evidence node for ``span`` that no resource claims as its own evidence (a quotation's source note)."""
    scratch = QuadSink(str(sink.graph.value), sink.locate)
    placeholder = "urn:usmxkg:placeholder"
    node = add_evidence(scratch, doc_id, placeholder, span)
    sink.quads += [q for q in scratch.quads if q.subject != NamedNode(placeholder)]
    return node


def emit_claims(sink: QuadSink, doc: Document, work: str, claims: list[Claim], named: list[Entity]) -> None:
    """Each claim as an instance of its ``usmx:Claim`` subclass (see the module docstring)."""
    if not claims:
        return
    source = iri(source_iri(doc.doc_id))
    authors: list[str] | None = None
    lang = doc.language
    for claim in claims:
        node = claim_iri(doc.doc_id, claim.text)
        pieces = claim.pieces or (claim.text,)
        sink.add(node, RDF.type, iri(USMX[claim.type]))
        sink.add(node, SCHEMA.text, text(claim_text(pieces), lang))
        sink.add(node, PROV.wasDerivedFrom, iri(work))
        sink.add(node, PROV.wasDerivedFrom, source)
        sink.add(work, SCHEMA.mentions, iri(node))
        for piece in pieces:
            add_evidence(sink, doc.doc_id, node, piece)
        if claim.claimant is not None:
            sink.add(node, PROV.wasAttributedTo, iri(entity_node(sink, doc.doc_id, claim.claimant)))
        else:
            authors = authors if authors is not None else creators(sink, doc, named)
            for author in authors:
                sink.add(node, PROV.wasAttributedTo, iri(author))
        for entity in claim.about:
            sink.add(node, USMX.about, iri(entity_node(sink, doc.doc_id, entity)))
        if claim.type == "Recommendation":
            sink.add(node, USMX.claimType, iri(NORMATIVE))
            if claim.addressed is not None:
                sink.add(node, USMX.recommendedTo, iri(entity_node(sink, doc.doc_id, claim.addressed)))
            if claim.action:
                sink.add(node, USMX.recommendedAction, text(claim.action, lang))
        if claim.hedge:
            sink.add(node, USMX.hedge, text(claim.hedge, lang))
        if claim.judgement:
            sink.add(node, USMX.judgement, text(claim.judgement))
        if claim.section:
            sink.add(node, USMX.inSection, text(claim.section, lang))
        if claim.date is not None:
            sink.add(node, DCTERMS.date, typed(claim.date.lexical, claim.date.datatype))
