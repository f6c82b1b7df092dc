"""How many canonical entities of each kind have a verified Wikidata link, or any external link."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from usmxkg.link.entities import Entity
from usmxkg.link.model import SAME_AS, Link
from usmxkg.vocab import WD

KINDS = ("institution", "person", "event", "place", "program", "policy")
"""Kinds (IRI segments of the reference entities) reported, in this order."""


@dataclass(frozen=True, slots=True)
class Coverage:
    """Per kind: entities, with an ``owl:sameAs`` Wikidata, with any external link."""

    kind: str
    total: int
    wikidata: int
    any_link: int

    def line(self) -> str:
        share = f"{100 * self.wikidata / self.total:.0f}%" if self.total else "-"
        return f"{self.kind:<12} {self.wikidata:>3} / {self.total:<3} Wikidata ({share}), {self.any_link} with any link"


def coverage(entities: list[Entity], links: list[Link]) -> list[Coverage]:
    """Coverage of each kind of :data:`KINDS` that has entities."""
    wikidata = {link.subject for link in links if link.predicate == SAME_AS and link.target.startswith(str(WD))}
    linked = {link.subject for link in links}
    totals = Counter(e.kind for e in entities)
    return [Coverage(kind, totals[kind], sum(1 for e in entities if e.kind == kind and e.iri in wikidata),
                     sum(1 for e in entities if e.kind == kind and e.iri in linked))
            for kind in KINDS if totals[kind]]


def coverage_tsv(rows: list[Coverage]) -> bytes:
    """Coverage as a small TSV (``link-coverage.tsv``) for the build report."""
    lines = ["kind\tentities\twikidata\tany_link"] + [f"{c.kind}\t{c.total}\t{c.wikidata}\t{c.any_link}" for c in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")
