"""Score conversions of unseen documents against the facts they state (``tests/data/unseen/expected.tsv``).

The checks are the development-set scorer's (``score.py`` of the shared
development set), run in-process: each file is converted on its own, and the
graph must type its document with the expected class (or a subclass) and hold
the expected title (lower-case substring of ``dcterms:title``), first creator
(substring of a creator's ``rdfs:label``), date (prefix of ``dcterms:date``)
and mentioned entities (substrings of the labels of what the document
mentions or is about). For a catalogue record the described work carries
title, creator and date. Labels of mentioned reference entities are looked
up in the reference data.
"""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from usmxkg.pipeline import convert
from usmxkg.reference import ReferencePaths

FOLDER = Path(__file__).resolve().parent / "data" / "unseen"

PREFIXES = """PREFIX usmx: <https://w3id.org/usmx-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX schema: <http://schema.org/>
PREFIX schemas: <https://schema.org/>
"""
NAMES = ("rdfs:label|skos:prefLabel|skos:altLabel|schema:name|schemas:name|schema:alternateName"
         "|schemas:alternateName|foaf:name")
ABOUT = "schema:mentions schemas:mentions dcterms:subject schema:about schemas:about usmx:about"


@dataclass(frozen=True, slots=True)
class Check:
    """One check of one file: what was checked and whether it held."""

    file: str
    what: str
    held: bool


def _load(paths: list[Path]) -> ox.Store:
    store = ox.Store()
    for path in paths:
        fmt = ox.RdfFormat.N_QUADS if path.suffix == ".nq" else ox.RdfFormat.TURTLE
        store.bulk_load(path=str(path), format=fmt)
    return store


def _ask(store: ox.Store, query: str) -> bool:
    return bool(store.query(PREFIXES + query, use_default_graph_as_union=True))


def _mentioned(store: ox.Store, base: str, reference: ox.Store) -> set[str]:
    out: set[str] = set()
    query = f"SELECT DISTINCT ?e {{ {base} {{ ?d ?p ?e }} UNION {{ ?x ?p ?e }} VALUES ?p {{ {ABOUT} }} }}"
    for solution in store.query(PREFIXES + query, use_default_graph_as_union=True):
        entity = solution[0]
        if isinstance(entity, ox.Literal):
            out.add(entity.value.lower())
            continue
        for source in (store, reference):
            labels = source.query(PREFIXES + f"SELECT ?l {{ {entity} {NAMES} ?l }}", use_default_graph_as_union=True)
            out.update(row[0].value.lower() for row in labels)
    return out


def checks(folder: Path = FOLDER) -> Iterator[Check]:
    """Every check of every file listed in ``folder/expected.tsv``, in file order."""
    paths = ReferencePaths()
    reference = _load([paths.entities])
    ontology = [p for p in sorted(paths.ontology_files) if "shape" not in p.name]
    with open(folder / "expected.tsv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    for row in rows:
        name = row["file"]
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "x.nq"
            convert([folder / name], out)
            store = _load([out, *ontology])
        base = f"?d a/rdfs:subClassOf* usmx:{row['class']} ."
        if row["class"] == "CatalogRecord":
            base += " OPTIONAL { ?d foaf:primaryTopic ?w } BIND(COALESCE(?w, ?d) AS ?x)"
        else:
            base += " BIND(?d AS ?x)"
        yield Check(name, f"typed {row['class']}", _ask(store, "ASK {" + base + "}"))
        if row["title"]:
            title = row["title"].replace("\\", "\\\\").replace('"', '\\"')
            held = _ask(store, "ASK {" + base + ' ?x dcterms:title ?t . FILTER(CONTAINS(LCASE(REPLACE(STR(?t), '
                        f'"\\\\s+", " ")), "{title}")) }}')
            yield Check(name, "title", held)
        if row["creator"]:
            held = _ask(store, "ASK {" + base + ' ?x dcterms:creator/rdfs:label ?a . '
                        f'FILTER(CONTAINS(LCASE(?a), LCASE("{row["creator"]}"))) }}')
            yield Check(name, "creator", held)
        if row["date"]:
            date = row["date"]
            held = _ask(store, "ASK {" + base + f' ?x dcterms:date ?dt . FILTER(STRSTARTS(STR(?dt), "{date}")) }}')
            yield Check(name, "date", held)
        if row.get("mentions"):
            labels = _mentioned(store, base, reference)
            for want in row["mentions"].split("|"):
                yield Check(name, f"mentions {want}", any(want in label for label in labels))
