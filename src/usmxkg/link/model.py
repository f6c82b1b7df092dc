"""One link and the rule that picks its predicate.

The predicate rule (README "Links"; SKOS Reference §10, OWL 2 §5.10):

* ``owl:sameAs`` — a Wikidata item verified to denote the same individual:
  a row of the verified table or a reviewed candidate accepted as *exact*.
  Wikidata items are individuals, as the entities are, so identity is stated.
* ``skos:exactMatch`` — a DBpedia resource (from a verified English Wikipedia
  title) or a GeoNames feature: records of other datasets that describe the
  same thing but whose own statements (GeoNames feature codes, DBpedia
  infobox values) this graph does not adopt, which ``owl:sameAs`` would do.
* ``skos:closeMatch`` — a reviewed candidate judged *close*: the same thing
  for most purposes but not certainly identical (a predecessor body, a
  broader article), so no reasoner may merge the two.

A rejected candidate gives no link; its review row stays so the reconciler
never proposes it again.
"""

from __future__ import annotations

from dataclasses import dataclass

from usmxkg.vocab import OWL, SKOS

SAME_AS = str(OWL.sameAs)
EXACT_MATCH = str(SKOS.exactMatch)
CLOSE_MATCH = str(SKOS.closeMatch)

SEMAPV = "https://w3id.org/semapv/vocab/"
"""Semantic Mapping Vocabulary: the values of SSSOM's ``mapping_justification``."""

MANUAL_CURATION = SEMAPV + "ManualMappingCuration"
"""A row of the verified table: a curator checked the identifier against a cited record."""

MAPPING_REVIEW = SEMAPV + "MappingReview"
"""A reconciliation candidate whose decision a named reviewer took."""

LEXICAL_THRESHOLD = SEMAPV + "LexicalSimilarityThresholdMatching"
"""A reconciliation candidate accepted by the documented threshold rule alone (``--accept``)."""

DECISIONS = {"accept": SAME_AS, "close": CLOSE_MATCH, "reject": None}
"""Review decisions and the predicate each gives (``None``: no link)."""


@dataclass(frozen=True, slots=True, order=True)
class Link:
    """A link from an entity to an external resource, with how it was made.

    ``source`` names the file and row it came from (``external-ids.tsv:12``),
    ``evidence`` is what was checked (the table's evidence text, or the
    reconciler's reasons), ``justification`` a ``semapv:`` IRI.
    """

    subject: str
    predicate: str
    target: str
    justification: str
    source: str
    evidence: str
    subject_label: str = ""
    confidence: float | None = None
    reviewer: str = ""
    method: str = ""

    @property
    def triple(self) -> tuple[str, str, str]:
        return (self.subject, self.predicate, self.target)
