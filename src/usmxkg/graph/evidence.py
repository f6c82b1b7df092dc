"""Text evidence as Web Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors).

Each evidence node is a ``usmx:TextEvidence`` (an ``oa:SpecificResource``)
whose source is the input file's text and whose two selectors say where the
words are (``oa:TextPositionSelector``: offsets in characters of the decoded
file, line ends as they are in the file) and what they are
(``oa:TextQuoteSelector``: the file's characters at those offsets, markup
included). Spans of the normalised text are mapped back to the file through
the reader's offset map (``QuadSink.locate``). Node IRIs derive from document
id and offsets, so they are stable and shared by every fact citing the same
words.
"""

from __future__ import annotations

from usmxkg.document import Span
from usmxkg.graph.terms import QuadSink, iri, text, typed
from usmxkg.vocab import OA, RDF, USMX, source_iri


def add_evidence(sink: QuadSink, doc_id: str, subject: str, span: Span) -> str:
    """Attach ``span`` (of the normalised text) as evidence of ``subject``; return the evidence node IRI."""
    if sink.locate is not None:
        span = sink.locate(span)
    node = f"{source_iri(doc_id)}/text/{span.start}-{span.end}"
    position, quote = f"{node}/position", f"{node}/quote"
    sink.add(subject, USMX.evidence, iri(node))
    sink.add(node, RDF.type, iri(USMX.TextEvidence))
    sink.add(node, OA.hasSource, iri(source_iri(doc_id)))
    sink.add(node, OA.hasSelector, iri(position))
    sink.add(node, OA.hasSelector, iri(quote))
    sink.add(position, RDF.type, iri(OA.TextPositionSelector))
    sink.add(position, OA.start, typed(str(span.start), "nonNegativeInteger"))
    sink.add(position, OA.end, typed(str(span.end), "nonNegativeInteger"))
    sink.add(quote, RDF.type, iri(OA.TextQuoteSelector))
    sink.add(quote, OA.exact, text(span.text))
    return node
