"""Propose Wikidata items for entities without one, for review.

For each reference entity of a covered kind (institutions, people, events,
places) that has no Wikidata link and no accepted review, the candidates of
its type block (:mod:`usmxkg.link.types`) are scored with rapidfuzz:

* **score** — the best ``fuzz.token_sort_ratio`` (0–100) between the folded
  names of the entity and of the item (labels and aliases, English and
  Spanish; folding as :func:`usmxkg.vocab.fold`: case, accents, punctuation).
  A match through an acronym alone counts at most :data:`ACRONYM_SCORE`,
  since acronyms are shared by unrelated bodies.
* **country** — where the entity states its country (``usmx:country``,
  whose own QID comes from the verified links), an item whose country
  (``wdt:P17``, or ``wdt:P27`` for people) is another one is dropped.

A candidate is *accepted by the rule* when its score is at least
:data:`THRESHOLD`, its class is in the block, its country does not
contradict, and no other candidate of the block scores within
:data:`MARGIN` of it; everything else that scores at least :data:`FLOOR`
is listed for *review*. Previously rejected (entity, QID) pairs are not
proposed again. Nothing becomes a link until it is written to
``link-reviews.tsv``: by a reviewer, or by ``--accept`` for the candidates
the rule accepts.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from rapidfuzz import fuzz

from usmxkg.errors import BuildError
from usmxkg.graph.serialise import write_atomic
from usmxkg.link.entities import Entity, is_acronym
from usmxkg.link.model import SAME_AS, Link
from usmxkg.link.table import REVIEW_COLUMNS, THRESHOLD_REVIEWER
from usmxkg.link.types import BY_KIND, allowed_classes
from usmxkg.link.wikidata import Candidate, Source
from usmxkg.vocab import WD, fold

THRESHOLD = 95.0
"""Score to accept: a one-letter variant of a long name passes (``Inter-American Defense College`` /
``… Defence College``, 96.7); names of different bodies that differ in one word do not
(``United States Southern Command`` / ``… Northern Command``, 93.3; ``Naval Postgraduate School`` /
``… School Foundation``, 82.0), nor a short name with one letter changed (``Zachary Taylor`` /
``Zachary Tayler``, 92.9)."""

MARGIN = 5.0
"""A rival of the block within this many points of the best leaves the choice to a reviewer."""

FLOOR = 75.0
"""Candidates below this are not listed at all."""

ACRONYM_SCORE = 80.0
"""Cap on a match made only through an acronym: listed for review, never accepted by the rule."""

METHOD = "rapidfuzz token_sort_ratio on folded en/es labels and aliases, type and country blocking"


@dataclass(frozen=True, slots=True)
class Proposal:
    """One candidate for one entity, with its score, decision by the rule, and reasons."""

    entity: Entity
    candidate: Candidate
    score: float
    decision: str
    reasons: str

    def row(self) -> list[str]:
        return [self.entity.iri, self.entity.label, self.candidate.qid, self.candidate.label,
                f"{self.score / 100:.3f}", METHOD, self.decision, "", "", self.reasons]


def score(entity: Entity, candidate: Candidate) -> tuple[float, str]:
    """The best name similarity and the pair of names that gave it."""
    best, pair = 0.0, ""
    for name, _ in entity.names:
        for other in candidate.names:
            value = float(fuzz.token_sort_ratio(fold(name), fold(other)))
            if is_acronym(name) or is_acronym(other):
                value = min(value, ACRONYM_SCORE) if name == other else 0.0
            if value > best:
                best, pair = value, f"{name!r} ~ {other!r}"
    return best, pair


def propose(entity: Entity, source: Source, country_qids: dict[str, str],
            rejected: set[tuple[str, str]]) -> list[Proposal]:
    """The scored candidates of one entity, best first, each with the rule's decision."""
    classes = allowed_classes(entity.kind, entity.classes)
    wanted = {country_qids[c] for c in entity.countries if c in country_qids}
    scored: list[tuple[float, str, Candidate]] = []
    for candidate in source.candidates(entity, classes):
        if (entity.iri, candidate.qid) in rejected or not candidate.classes & classes:
            continue
        if wanted and candidate.countries and not wanted & candidate.countries:
            continue
        value, pair = score(entity, candidate)
        if value >= FLOOR:
            scored.append((value, pair, candidate))
    scored.sort(key=lambda s: (-s[0], s[2].qid))
    proposals = []
    for index, (value, pair, candidate) in enumerate(scored):
        rivals = [c.qid for v, _, c in scored if c.qid != candidate.qid and v >= value - MARGIN]
        reasons = [f"names {pair} {value:.1f}", "class " + ", ".join(sorted(candidate.classes & classes))]
        if wanted:
            reasons.append("country " + (", ".join(sorted(candidate.countries & wanted)) or "not stated"))
        if rivals:
            reasons.append("rivals " + ", ".join(rivals))
        accepted = index == 0 and value >= THRESHOLD and not rivals
        if not accepted:
            reasons.append("below threshold" if value < THRESHOLD else "not the only close match")
        proposals.append(Proposal(entity, candidate, value, "accept" if accepted else "review", "; ".join(reasons)))
    return proposals


def unlinked(entities: list[Entity], links: list[Link]) -> list[Entity]:
    """Entities of the covered kinds with no Wikidata link yet."""
    linked = {link.subject for link in links if link.target.startswith(str(WD))}
    return [e for e in entities if e.kind in BY_KIND and e.iri not in linked]


def country_qids(links: list[Link]) -> dict[str, str]:
    """Each country entity's QID, from its verified ``owl:sameAs``."""
    return {link.subject: link.target.removeprefix(str(WD)) for link in links
            if link.predicate == SAME_AS and link.target.startswith(str(WD))}


def reconcile(entities: list[Entity], links: list[Link], rejected: set[tuple[str, str]],
              source: Source) -> list[Proposal]:
    """Proposals for every unlinked entity, in entity order."""
    countries = country_qids(links)
    return [p for e in unlinked(entities, links) for p in propose(e, source, countries, rejected)]


def candidates_tsv(proposals: list[Proposal]) -> bytes:
    """The review file of a reconciliation run: the columns of ``link-reviews.tsv``."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(REVIEW_COLUMNS)
    for proposal in proposals:
        writer.writerow(proposal.row())
    return out.getvalue().encode("utf-8")


def accept(proposals: list[Proposal], reviews: Path, today: str | None = None) -> int:
    """Append the rule-accepted proposals to ``reviews`` as decisions; return how many were added."""
    chosen = [p for p in proposals if p.decision == "accept"]
    if not chosen:
        return 0
    existing = reviews.read_text(encoding="utf-8") if reviews.exists() else ""
    if existing and tuple(existing.splitlines()[0].split("\t")) != REVIEW_COLUMNS:
        raise BuildError(f"{reviews}: columns are not {', '.join(REVIEW_COLUMNS)}")
    date = today or datetime.now(UTC).date().isoformat()
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    if not existing:
        writer.writerow(REVIEW_COLUMNS)
    elif not existing.endswith("\n"):
        out.write("\n")
    for proposal in chosen:
        row = proposal.row()
        row[7], row[8] = THRESHOLD_REVIEWER, date
        writer.writerow(row)
    write_atomic(reviews, (existing + out.getvalue()).encode("utf-8"))
    return len(chosen)
