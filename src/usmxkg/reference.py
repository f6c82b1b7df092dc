"""Curated inputs of every build: the ontology, the reference entities and their external links.

These are authority data kept in the repository (``ontology/``,
``data/reference/``), loaded into their own named graphs so users can query
or drop them separately from what was read from documents.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import rdflib
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Triple, parse

from usmxkg.errors import BuildError
from usmxkg.extract.gazetteer import Gazetteer
from usmxkg.graph.terms import QuadSink, iri
from usmxkg.vocab import DBR, GEONAMES, LINKS_GRAPH, ONTOLOGY_GRAPH, OWL, REFERENCE_GRAPH, SKOS, WD

PROJECT_ROOT = Path(__file__).resolve().parents[2]
_QID = re.compile(r"^Q[1-9][0-9]*$")
_GEONAMES_ID = re.compile(r"^[1-9][0-9]*$")


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
    quads += load_turtle(paths.entities, NamedNode(str(REFERENCE_GRAPH)))
    reference = NamedNode(str(REFERENCE_GRAPH))
    entities = {q.subject.value for q in quads if q.graph_name == reference and isinstance(q.subject, NamedNode)}
    quads += link_quads(paths.external_ids, entities)
    return quads


def link_quads(table: Path, known: set[str]) -> list[Quad]:
    """``owl:sameAs`` Wikidata and ``skos:exactMatch`` DBpedia/GeoNames from the verified table.

    Only rows with evidence become links: a blank QID stays blank, and a
    Wikipedia title becomes a DBpedia IRI only when marked verified.
    """
    sink = QuadSink(str(LINKS_GRAPH))
    for line, row in _rows(table):
        entity = row.get("iri", "").strip()
        if entity not in known:
            raise BuildError(f"{table}:{line}: {entity or 'empty iri'} is not an entity of the reference data")
        qid = row.get("wikidata_qid", "").strip()
        if qid:
            if not _QID.match(qid):
                raise BuildError(f"{table}:{line}: {qid!r} is not a Wikidata QID")
            sink.add(entity, OWL.sameAs, iri(WD[qid]))
        title = row.get("wikipedia_title", "").strip()
        if title and row.get("wikipedia_title_verified", "").strip().lower() == "yes":
            sink.add(entity, SKOS.exactMatch, iri(DBR[title.replace(" ", "_")]))
        geonames = row.get("geonames_id", "").strip()
        if geonames:
            if not _GEONAMES_ID.match(geonames):
                raise BuildError(f"{table}:{line}: {geonames!r} is not a GeoNames id")
            sink.add(entity, SKOS.exactMatch, iri(f"{GEONAMES}{geonames}/"))
    return sink.quads


def _rows(table: Path) -> list[tuple[int, dict[str, str]]]:
    try:
        with table.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle, delimiter="\t")
            return [(number, row) for number, row in enumerate(reader, start=2)]
    except FileNotFoundError as exc:
        raise BuildError(f"{table}: file not found") from exc
