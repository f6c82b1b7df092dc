"""Read the verified table and the review decisions into :class:`Link` records.

``external-ids.tsv`` (see ``data/reference/README.md``) holds identifiers a
curator checked against a cited record; ``link-reviews.tsv`` holds the
decisions taken on reconciliation candidates (``usmxkg link --reconcile``).
Both are tab-separated UTF-8 with a header row. Every problem names the file
and row, so a bad edit stops the build with a message, not a traceback.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from usmxkg.errors import BuildError
from usmxkg.link.model import DECISIONS, EXACT_MATCH, LEXICAL_THRESHOLD, MANUAL_CURATION, MAPPING_REVIEW, SAME_AS, Link
from usmxkg.vocab import DBR, GEONAMES, WD

QID = re.compile(r"^Q[1-9][0-9]*$")
GEONAMES_ID = re.compile(r"^[1-9][0-9]*$")

REVIEW_COLUMNS = ("iri", "label", "qid", "candidate_label", "score", "method", "decision", "reviewer", "date",
                  "reasons")
"""Columns of ``link-reviews.tsv``, one row per decision on one candidate."""

THRESHOLD_REVIEWER = "usmxkg link --accept"
"""Reviewer recorded for candidates accepted by the threshold rule rather than by a person."""


def rows(table: Path) -> list[tuple[int, dict[str, str]]]:
    """The rows of a TSV file with their line numbers (the header is line 1)."""
    try:
        with table.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle, delimiter="\t")
            return [(number, {k: (v or "").strip() for k, v in row.items() if k}) for number, row in
                    enumerate(reader, start=2)]
    except FileNotFoundError as exc:
        raise BuildError(f"{table}: file not found") from exc
    except UnicodeDecodeError as exc:
        raise BuildError(f"{table}: not UTF-8 text") from exc


def table_links(table: Path, known: set[str]) -> list[Link]:
    """Links of the verified table: a QID, a verified Wikipedia title, a GeoNames id.

    Only rows with evidence become links: a blank QID stays blank, and a
    Wikipedia title becomes a DBpedia IRI only when marked verified.
    """
    links: list[Link] = []
    for line, row in rows(table):
        entity = row.get("iri", "")
        where = f"{table.name}:{line}"
        if entity not in known:
            raise BuildError(f"{table}:{line}: {entity or 'empty iri'} is not an entity of the reference data")
        evidence = row.get("evidence", "")
        found: list[tuple[str, str, str]] = []
        qid = row.get("wikidata_qid", "")
        if qid:
            if not QID.match(qid):
                raise BuildError(f"{table}:{line}: {qid!r} is not a Wikidata QID")
            if not evidence:
                raise BuildError(f"{table}:{line}: {qid} has no evidence")
            found.append((SAME_AS, str(WD[qid]), "Wikidata QID"))
        title = row.get("wikipedia_title", "")
        if title and row.get("wikipedia_title_verified", "").lower() == "yes":
            found.append((EXACT_MATCH, str(DBR[title.replace(" ", "_")]), "verified English Wikipedia title"))
        geonames = row.get("geonames_id", "")
        if geonames:
            if not GEONAMES_ID.match(geonames):
                raise BuildError(f"{table}:{line}: {geonames!r} is not a GeoNames id")
            found.append((EXACT_MATCH, f"{GEONAMES}{geonames}/", "GeoNames id"))
        links += [Link(entity, predicate, target, MANUAL_CURATION, where, f"{what}: {evidence}".strip(),
                       subject_label=row.get("label", ""), confidence=1.0, method="verified table")
                  for predicate, target, what in found]
    return links


def review_links(reviews: Path, known: set[str]) -> tuple[list[Link], set[tuple[str, str]]]:
    """Links of the accepted or *close* review decisions, and every (entity, QID) rejected.

    A missing reviews file means no decisions yet.
    """
    if not reviews.exists():
        return [], set()
    links: list[Link] = []
    rejected: set[tuple[str, str]] = set()
    for line, row in rows(reviews):
        entity, qid, decision = row.get("iri", ""), row.get("qid", ""), row.get("decision", "").lower()
        if entity not in known:
            raise BuildError(f"{reviews}:{line}: {entity or 'empty iri'} is not an entity of the reference data")
        if not QID.match(qid):
            raise BuildError(f"{reviews}:{line}: {qid!r} is not a Wikidata QID")
        if decision not in DECISIONS:
            raise BuildError(f"{reviews}:{line}: decision {decision!r} is not one of {', '.join(DECISIONS)}")
        if not row.get("reviewer"):
            raise BuildError(f"{reviews}:{line}: a decision needs a reviewer")
        predicate = DECISIONS[decision]
        if predicate is None:
            rejected.add((entity, qid))
            continue
        score = _score(row.get("score", ""), reviews, line)
        by_rule = row["reviewer"] == THRESHOLD_REVIEWER
        links.append(Link(entity, predicate, str(WD[qid]), LEXICAL_THRESHOLD if by_rule else MAPPING_REVIEW,
                          f"{reviews.name}:{line}", row.get("reasons", ""), subject_label=row.get("label", ""),
                          confidence=score, reviewer=row["reviewer"], method=row.get("method", "")))
    return links, rejected


def read_links(table: Path, reviews: Path, known: set[str]) -> list[Link]:
    """Every link of the verified table and the review decisions, checked against each other.

    An entity is the same as at most one Wikidata item: a review that accepts
    a second one, or accepts a QID the table already gives, is an error naming
    both rows, as is a link to a QID rejected for the same entity.
    """
    verified = table_links(table, known)
    reviewed, rejected = review_links(reviews, known)
    wikidata: dict[str, Link] = {}
    for link in [*verified, *reviewed]:
        if not link.target.startswith(str(WD)):
            continue
        qid = link.target.removeprefix(str(WD))
        if (link.subject, qid) in rejected:
            raise BuildError(f"{link.source}: {qid} for {link.subject} is also rejected in {reviews.name}")
        if link.predicate != SAME_AS:
            continue
        earlier = wikidata.get(link.subject)
        if earlier is not None:
            raise BuildError(f"{link.source}: {link.subject} already has {earlier.target} from {earlier.source}")
        wikidata[link.subject] = link
    return sorted(verified + reviewed)


def _score(text: str, reviews: Path, line: int) -> float | None:
    if not text:
        return None
    try:
        value = float(text)
    except ValueError as exc:
        raise BuildError(f"{reviews}:{line}: score {text!r} is not a number") from exc
    if not 0 <= value <= 1:
        raise BuildError(f"{reviews}:{line}: score {text} is not between 0 and 1")
    return value

