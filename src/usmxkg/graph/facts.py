"""Facts → quads of the document's named graph: one emitter per kind of fact.

``emit_facts`` writes what :func:`usmxkg.extract.extract` found; each kind
of fact has its own module under ``graph/``, and this function only calls
them, in a fixed order, so the output does not depend on anything but the
facts.
"""

from __future__ import annotations

from usmxkg.document import Document
from usmxkg.extract.facts import Facts
from usmxkg.graph.terms import QuadSink


def emit_facts(sink: QuadSink, doc: Document, work: str, facts: Facts) -> None:
    """Every fact of one document as statements about ``work`` and the entities the facts name."""
