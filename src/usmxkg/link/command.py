"""What ``usmxkg link`` does: write the links, the mapping set and the coverage; optionally reconcile.

Kept apart from the command line so tests call it directly. Outputs are
written atomically, and only after every step succeeded (a failed endpoint
leaves no partial candidates file).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from usmxkg.graph.serialise import canonical_dataset, sorted_nquads, write_atomic
from usmxkg.link.coverage import Coverage, coverage, coverage_tsv
from usmxkg.link.emit import link_quads_of
from usmxkg.link.entities import load_entities
from usmxkg.link.mapping_set import sssom_tsv
from usmxkg.link.reconcile import Proposal, accept, candidates_tsv, reconcile
from usmxkg.link.table import read_links, review_links
from usmxkg.link.wikidata import Source
from usmxkg.reference import ReferencePaths


@dataclass(slots=True)
class LinkResult:
    """What a link run wrote and found."""

    links: int = 0
    coverage: list[Coverage] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    accepted: int = 0
    outputs: list[Path] = field(default_factory=list)


def run(out: Path, paths: ReferencePaths | None = None, source: Source | None = None,
        accept_rule: bool = False) -> LinkResult:
    """Write ``links.nq``, ``mappings.sssom.tsv`` and ``link-coverage.tsv`` to ``out``.

    With a ``source``, also reconcile the unlinked entities against it and
    write ``link-candidates.tsv``; with ``accept_rule``, append the
    candidates the rule accepts to the reviews file (the next build links them).
    """
    paths = paths or ReferencePaths()
    entities = load_entities(paths.entities)
    known = {e.iri for e in entities}
    links = read_links(paths.external_ids, paths.link_reviews, known)
    result = LinkResult(links=len(links), coverage=coverage(entities, links))
    outputs = {
        "links.nq": sorted_nquads(canonical_dataset(link_quads_of(links))),
        "mappings.sssom.tsv": sssom_tsv(links),
        "link-coverage.tsv": coverage_tsv(result.coverage),
    }
    if source is not None:
        _, rejected = review_links(paths.link_reviews, known)
        result.proposals = reconcile(entities, links, rejected, source)
        outputs["link-candidates.tsv"] = candidates_tsv(result.proposals)
    for name, data in outputs.items():
        write_atomic(out / name, data)
        result.outputs.append(out / name)
    if accept_rule:
        result.accepted = accept(result.proposals, paths.link_reviews)
    return result
