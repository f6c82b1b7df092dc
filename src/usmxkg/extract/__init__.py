"""Document → :class:`~usmxkg.extract.facts.Facts`: the extractors' public API.

``extract(doc, gazetteer)`` runs every extractor of a kind of fact on one
document and returns their records; it is a pure function of the document
and the reference lexicon, so it can run per file, in parallel or from a
cache. Each kind of fact has its own module; this function only calls them.
"""

from __future__ import annotations

from dataclasses import replace

from usmxkg.document import Document
from usmxkg.extract.cited_works import cited_works
from usmxkg.extract.claims import claim_context, extract_claims, release_date
from usmxkg.extract.facts import Facts
from usmxkg.extract.gazetteer import Gazetteer
from usmxkg.extract.mention_facts import add_mention_facts
from usmxkg.extract.metadata import extract_metadata
from usmxkg.extract.policy_facts import add_policy_facts
from usmxkg.extract.quotations import extract_quotations
from usmxkg.extract.sentences import excluded_ranges, running_pieces

__all__ = ["Facts", "extract"]

CREATOR_FIELDS = ("author", "corporate-author")
"""Fields naming the document's creators, persons then organisations: the claimants of its own claims."""

DATED_KINDS = frozenset({"NewsArticle", "BlogPost", "WebPage"})
"""Work types whose quotations are dated by the page's release date (what the speaker said, when)."""


def extract(doc: Document, gazetteer: Gazetteer | None = None) -> Facts:
    """Every kind of fact the extractors find in ``doc`` (``gazetteer``: the reference names)."""
    metadata = extract_metadata(doc, gazetteer)
    facts = Facts(doc.doc_id, metadata=metadata)
    facts.creators = [v.entity for v in metadata.values if v.name in CREATOR_FIELDS and v.entity is not None]
    facts.citations = cited_works(doc, gazetteer)
    if gazetteer is not None:
        add_mention_facts(doc, gazetteer, facts)
    add_policy_facts(doc, gazetteer, facts)
    context = claim_context(doc, gazetteer)
    facts.quotations = extract_quotations(doc, context.paragraphs, context.sentences, context.speakers)
    facts.claims = extract_claims(context, facts.quotations)
    _running_pieces(doc, facts)
    return facts


def _running_pieces(doc: Document, facts: Facts) -> None:
    """Cut each claim and quotation into its running-text pieces; date the quotations of web and news pages."""
    if not facts.claims and not facts.quotations:
        return
    excluded = excluded_ranges(doc)
    dated = release_date(doc) if doc.work_type in DATED_KINDS else None
    facts.quotations = [replace(q, pieces=running_pieces(doc, q.text, excluded), date=dated) for q in facts.quotations]
    facts.claims = [replace(c, pieces=running_pieces(doc, c.text, excluded)) for c in facts.claims]
