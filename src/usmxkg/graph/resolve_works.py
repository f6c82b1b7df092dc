"""Which cited works are one work: titles and authors that differ only by a typo or punctuation.

Works are keyed by their folded title and first author's family name
(:func:`usmxkg.vocab.document_iri`), which already absorbs case, accents,
punctuation and subtitles; what it cannot absorb is a one-letter difference
("Desertion Rates Plagues Mexico" / "… Plague Mexico"), a misspelt author
("Guevaro" / "Guevara") or an author missing from one of the citations. Two
works are one (rule ``fuzzy-work``) when their folded titles are within
:data:`TITLE_SIMILARITY` (rapidfuzz's normalised Indel ratio), their first
authors' surnames agree within :data:`AUTHOR_SIMILARITY` (or one citation
names no author), and their years agree where both give one; or when both
citations give the same URL. Comparisons are
blocked by word prefixes of the folded title (:func:`_block_keys`), so the
cost stays near linear in the number of works.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.fuzz import ratio

from usmxkg.graph.resolve_people import tokens
from usmxkg.vocab import fold

TITLE_SIMILARITY = 95.0
"""Folded titles at least this similar (0–100) are the same title: a letter or two apart in 40 or more."""

AUTHOR_SIMILARITY = 80.0
"""First authors' family names at least this similar are one author spelt two ways ("Vargas"/"Vargaz": 83)."""

MIN_TITLE_WORDS = 3
"""Shorter titles ("Mission", "Report") are too generic to merge on similarity."""


@dataclass(frozen=True, slots=True)
class WorkRecord:
    """What the graph says of one work: IRI, titles, first-author family names, years, and how many graphs name it."""

    iri: str
    titles: tuple[str, ...]
    families: tuple[str, ...]
    years: tuple[str, ...]
    graphs: int
    urls: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class WorkMatch:
    """``merged`` is the same work as ``kept``; ``evidence`` shows the two titles."""

    merged: str
    kept: str
    evidence: str


def surnames(label: str) -> tuple[str, ...]:
    """Folded surname candidates of a creator label: the tokens after the first, initials left out.

    Spanish names carry two surnames and either may be the one a citation
    keys on ("Sotomayor" / "Sotomayor Velazquez"); a corporate author gives
    its words.

    >>> surnames("Arturo C. Sotomayor Velazquez")
    ('sotomayor', 'velazquez')
    """
    name = tokens(label)
    return tuple(token for token in name[1:] if len(token) > 1) or name[-1:]


@lru_cache(maxsize=1 << 16)
def _folded(title: str) -> str:
    """A title folded once, however many pairs of its block compare it (folding dominated the pair loop)."""
    return fold(title)


def _similar_titles(a: str, b: str) -> bool:
    fa, fb = _folded(a), _folded(b)
    return len(fa.split()) >= MIN_TITLE_WORDS and ratio(fa, fb) >= TITLE_SIMILARITY


def _same(a: WorkRecord, b: WorkRecord) -> str | None:
    """Why ``a`` and ``b`` are one work (their two titles, or the URL both give), or None."""
    shared = sorted(set(a.urls) & set(b.urls))
    if shared:
        return f"same URL {shared[0]}"
    pair = next(((ta, tb) for ta in a.titles for tb in b.titles if _similar_titles(ta, tb)), None)
    if pair is None:
        return None
    if a.families and b.families and not any(
            ratio(x, y) >= AUTHOR_SIMILARITY for x in a.families for y in b.families):
        return None
    if a.years and b.years and not set(a.years) & set(b.years):
        return None
    return f"{pair[0]} ~ {pair[1]}"


def _block_keys(title: str) -> tuple[str, ...]:
    """The first four letters of words one and two, and of words two and three: a typo rarely spoils both."""
    words = [w[:4] for w in fold(title).split()[:3]]
    return tuple(" ".join(words[i:i + 2]) for i in range(max(len(words) - 1, 1)))


def _rank(work: WorkRecord) -> tuple[int, int, str]:
    """Which of two matching works keeps its IRI: named by more graphs, then with authors, then IRI order."""
    return (-work.graphs, -len(work.families), work.iri)


def work_matches(works: Iterable[WorkRecord]) -> list[WorkMatch]:
    """Merges of works that are one work; each merged work points at the best-ranked work of its group."""
    by_iri = {work.iri: work for work in works}
    blocks: dict[str, list[WorkRecord]] = defaultdict(list)
    for work in sorted(by_iri.values(), key=lambda w: w.iri):
        for key in sorted({key for t in work.titles for key in _block_keys(t)} | set(work.urls)):
            blocks[key].append(work)
    parent: dict[str, str] = {}
    evidence: dict[str, str] = {}

    def root(iri: str) -> str:
        while parent.get(iri, iri) != iri:
            iri = parent[iri]
        return iri

    for _, block in sorted(blocks.items()):
        for i, a in enumerate(block):
            for b in block[i + 1:]:
                why = _same(a, b)
                if why is None:
                    continue
                ra, rb = root(a.iri), root(b.iri)
                if ra == rb:
                    continue
                keep, drop = (ra, rb) if _rank(by_iri[ra]) <= _rank(by_iri[rb]) else (rb, ra)
                parent[drop] = keep
                evidence[drop] = why
    return [WorkMatch(iri, root(iri), evidence[iri]) for iri in sorted(parent)]
