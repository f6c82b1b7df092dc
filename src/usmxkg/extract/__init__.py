"""Document → :class:`~usmxkg.extract.facts.Facts`: the extractors' public API.

``extract(doc, gazetteer)`` runs every extractor of a kind of fact on one
document and returns their records; it is a pure function of the document
and the reference lexicon, so it can run per file, in parallel or from a
cache. Each kind of fact has its own module; this function only calls them.
"""

from __future__ import annotations

from usmxkg.document import Document
from usmxkg.extract.agents import agent_entity, institution_name
from usmxkg.extract.claims import claim_context, extract_claims
from usmxkg.extract.facts import Entity, Facts
from usmxkg.extract.gazetteer import Gazetteer
from usmxkg.extract.policy_facts import add_policy_facts
from usmxkg.extract.quotations import extract_quotations

__all__ = ["Facts", "extract"]


def extract(doc: Document, gazetteer: Gazetteer | None = None) -> Facts:
    """Every kind of fact the extractors find in ``doc`` (``gazetteer``: the reference names)."""
    facts = Facts(doc.doc_id)
    facts.creators = [agent_entity(s.text, gazetteer) for s in doc.fields.get("author", [])]
    facts.creators += [Entity("institution", name, name, "Institution")
                       for name in (institution_name(s.text) for s in doc.fields.get("corporate-author", []))]
    add_policy_facts(doc, gazetteer, facts)
    context = claim_context(doc, gazetteer)
    facts.quotations = extract_quotations(doc, context.paragraphs, context.sentences, context.speakers)
    facts.claims = extract_claims(context, facts.quotations)
    return facts
