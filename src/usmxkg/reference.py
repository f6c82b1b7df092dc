"""Curated inputs of every build: the ontology, the reference entities and their external links.

These are authority data kept in the repository (``ontology/``,
``data/reference/``), loaded into their own named graphs so users can query
or drop them separately from what was read from documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import rdflib
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Triple, parse

from usmxkg.errors import BuildError
from usmxkg.extract.gazetteer import Gazetteer
from usmxkg.link import Link, link_quads_of, read_links
from usmxkg.vocab import ONTOLOGY_GRAPH, REFERENCE_GRAPH

PROJECT_ROOT = Path(__file__).resolve().parents[2]
REVIEWS_FILE = "link-reviews.tsv"
"""Decisions on reconciliation candidates, beside the verified table (see :mod:`usmxkg.link.table`)."""


@dataclass(frozen=True, slots=True)
class ReferencePaths:
    """Where the curated inputs live; defaults to the repository's own copies."""

    ontology_dir: Path = PROJECT_ROOT / "ontology"
    reference_dir: Path = PROJECT_ROOT / "data" / "reference"

    @property
    def ontology_files(self) -> list[Path]:
        return [self.ontology_dir / "usmx.ttl", self.ontology_dir / "vocabularies.ttl"]

    @property
    def entities(self) -> Path:
        return self.reference_dir / "entities.ttl"

    @property
    def external_ids(self) -> Path:
        return self.reference_dir / "external-ids.tsv"

    @property
    def link_reviews(self) -> Path:
        return self.reference_dir / REVIEWS_FILE

    def links(self) -> list[Link]:
        """Every external link of the curated inputs (verified table and review decisions)."""
        return read_links(self.external_ids, self.link_reviews, reference_entities(self))


def load_turtle(path: Path, graph: NamedNode) -> list[Quad]:
    """Parse a Turtle file into quads of ``graph``; a syntax error names the file and line."""
    try:
        return [Quad(t.subject, t.predicate, t.object, graph) for t in parse(path=str(path), format=RdfFormat.TURTLE)]
    except FileNotFoundError as exc:
        raise BuildError(f"{path}: file not found") from exc
    except SyntaxError as exc:
        raise BuildError(f"{path}: invalid Turtle: {exc}") from exc


def load_gazetteer(entities: Path | str, *more: Path | str) -> Gazetteer:
    """The reference lexicon of the extractors from Turtle files (the entities; the ontology for class depth).

    Extraction takes the names as plain strings (DESIGN.md: no RDF library
    in ``extract/``); reading RDF is this module's.
    """
    triples = []
    for path in (entities, *more):
        for quad in load_turtle(Path(path), NamedNode(str(REFERENCE_GRAPH))):
            o = quad.object
            if isinstance(quad.subject, NamedNode) and not isinstance(o, Triple):
                literal = isinstance(o, Literal)
                triples.append((quad.subject.value, quad.predicate.value, o.value, literal,
                                o.language if isinstance(o, Literal) else None))
    return Gazetteer.from_triples(triples)


def gazetteer_from_graph(graph: rdflib.Graph) -> Gazetteer:
    """The reference lexicon from an rdflib graph holding the reference entities (and optionally the ontology)."""
    triples = []
    for s, p, o in graph:
        if isinstance(s, rdflib.URIRef):
            lang = o.language if isinstance(o, rdflib.Literal) else None
            triples.append((str(s), str(p), str(o), isinstance(o, rdflib.Literal), lang))
    return Gazetteer.from_triples(triples)


def curated_quads(paths: ReferencePaths) -> list[Quad]:
    """Ontology, vocabularies, reference entities and external links, each in its graph."""
    quads: list[Quad] = []
    for path in paths.ontology_files:
        quads += load_turtle(path, NamedNode(str(ONTOLOGY_GRAPH)))
    reference = load_turtle(paths.entities, NamedNode(str(REFERENCE_GRAPH)))
    entities = {q.subject.value for q in reference if isinstance(q.subject, NamedNode)}
    links = read_links(paths.external_ids, paths.link_reviews, entities)
    return quads + reference + link_quads_of(links)


def reference_entities(paths: ReferencePaths) -> set[str]:
    """The IRIs of the reference entities."""
    reference = load_turtle(paths.entities, NamedNode(str(REFERENCE_GRAPH)))
    return {q.subject.value for q in reference if isinstance(q.subject, NamedNode)}


def link_quads(table: Path, known: set[str], reviews: Path | None = None) -> list[Quad]:
    """The links graph: every link of the verified table and the review decisions, with its evidence.

    See :mod:`usmxkg.link` for the predicate rule and the evidence each link carries.
    """
    links = read_links(table, reviews if reviews is not None else table.with_name(REVIEWS_FILE), known)
    return link_quads_of(links)
