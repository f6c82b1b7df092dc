"""Facts → quads of the document's named graph: one emitter per kind of fact.

``emit_facts`` writes what :func:`usmxkg.extract.extract` found; each kind
of fact has its own module under ``graph/``, and this function only calls
them, in a fixed order, so the output does not depend on anything but the
facts.
"""

from __future__ import annotations

from usmxkg.document import Document
from usmxkg.extract.facts import Facts
from usmxkg.graph.claims import emit_claims, emit_quotations
from usmxkg.graph.cube import emit_tables, mismatch_message
from usmxkg.graph.events import emit_events
from usmxkg.graph.initiatives import emit_funding, emit_initiatives
from usmxkg.graph.terms import QuadSink


def emit_facts(sink: QuadSink, doc: Document, work: str, facts: Facts) -> None:
    """Every fact of one document as statements about ``work`` and the entities the facts name."""
    emit_events(sink, doc, work, facts.events)
    emit_initiatives(sink, doc, work, facts.initiatives)
    emit_funding(sink, doc, work, facts.funding)
    emit_tables(sink, doc, work, facts.tables)
    doc.warnings.extend(f"{t.label or 'table'}: {mismatch_message(c)}" for t in facts.tables for c in t.checks
                        if not c.holds)
    emit_quotations(sink, doc, work, facts.quotations)
    emit_claims(sink, doc, work, facts.claims, facts.creators)
