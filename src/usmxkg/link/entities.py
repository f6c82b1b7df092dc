"""The reference entities as reconciliation sees them: names, class, kind and country.

Names are the ``rdfs:label``, ``skos:prefLabel`` and ``skos:altLabel`` values
of ``entities.ttl`` with their language (English, Spanish, or none for
acronyms); hidden labels (misspellings seen in the sources) are left out, as
Wikidata does not hold them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import rdflib
from rdflib.namespace import RDF, RDFS, SKOS

from usmxkg.errors import BuildError
from usmxkg.vocab import ID, USMX

NAME_PREDICATES = (RDFS.label, SKOS.prefLabel, SKOS.altLabel)
ONTOLOGY = str(USMX)


@dataclass(frozen=True, slots=True)
class Entity:
    """One entity to reconcile."""

    iri: str
    kind: str
    classes: frozenset[str]
    label: str
    names: tuple[tuple[str, str], ...]
    countries: frozenset[str]

    @property
    def acronyms(self) -> frozenset[str]:
        """Names that are acronyms: one word, upper case (``NPS``, ``SEDENA``)."""
        return frozenset(n for n, _ in self.names if is_acronym(n))


def is_acronym(name: str) -> bool:
    """One token of at most eight characters, all capitals or digits (a dot allowed between letters)."""
    bare = name.replace(".", "")
    return " " not in name.strip() and 2 <= len(bare) <= 8 and bare.isupper()


def load_entities(path: Path) -> list[Entity]:
    """Every entity of ``entities.ttl``, sorted by IRI; ``usmx:country`` kept as the country's IRI."""
    graph = rdflib.Graph()
    try:
        graph.parse(path, format="turtle")
    except FileNotFoundError as exc:
        raise BuildError(f"{path}: file not found") from exc
    except SyntaxError as exc:
        raise BuildError(f"{path}: invalid Turtle: {exc}") from exc
    entities = []
    for iri in sorted({str(s) for s in graph.subjects(RDF.type, None) if str(s).startswith(str(ID))}):
        subject = rdflib.URIRef(iri)
        names = sorted({(str(o), o.language or "") for p in NAME_PREDICATES for o in graph.objects(subject, p)
                        if isinstance(o, rdflib.Literal)})
        label = graph.value(subject, RDFS.label)
        classes = frozenset(str(c).removeprefix(ONTOLOGY) for c in graph.objects(subject, RDF.type)
                            if str(c).startswith(ONTOLOGY))
        entities.append(Entity(iri, iri.removeprefix(str(ID)).split("/")[0], classes,
                               str(label) if label is not None else (names[0][0] if names else iri),
                               tuple(names), frozenset(str(c) for c in graph.objects(subject, USMX.country))))
    return entities
