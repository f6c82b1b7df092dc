"""Cross-document entity resolution with explainable rules (the reduce step).

Emitters mint provisional IRIs from names (``id/<kind>/<folded name>``), so
equal folded names already meet. This step merges what folding alone cannot:

* ``reference-label`` — a provisional entity whose label equals (folded) a
  label, alternative label, hidden label or acronym of a reference entity of
  the same kind becomes that entity ("Secretaria de Defensa Nacional" →
  Secretariat of National Defense);
* the person rules of :mod:`usmxkg.graph.resolve_people` — initials,
  second surnames, typos and inverted names ("Roderic A. Camp" → "Roderic Ai
  Camp"), when exactly one fuller name fits;
* ``fuzzy-work`` — cited works whose titles and authors differ only by a typo
  or a missing author (:mod:`usmxkg.graph.resolve_works`);
* ``same-folded-name`` — reported only: documents that wrote a name the same
  way up to case, accents, punctuation and name order ("Nieto-Gomez,
  Rodrigo" / "Rodrigo Nieto Gomez") already minted one IRI.

A merged entity's label becomes a ``skos:altLabel`` of the entity it joins,
so each resolved entity keeps its own ``rdfs:label`` and gains the variants.
Every merge is a row of ``resolution.tsv``: merged IRI, kept IRI, rule, and
the labels that matched, so a user can see and dispute each decision.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from pyoxigraph import BlankNode, Literal, NamedNode, Quad, Triple

from usmxkg.graph.resolve_people import Person, person_matches
from usmxkg.graph.resolve_works import WorkRecord, surnames, work_matches
from usmxkg.vocab import DCTERMS, ID, RDFS, REFERENCE_GRAPH, SCHEMA, SKOS, USMX, fold

SURFACE_FORMS = {str(RDFS.label), str(SKOS.prefLabel), str(SKOS.altLabel), str(SKOS.hiddenLabel), str(USMX.acronym)}
"""Reference predicates whose values name the entity."""

Term = NamedNode | BlankNode | Literal | Triple


@dataclass(frozen=True, slots=True)
class Merge:
    """One resolution decision."""

    merged: str
    kept: str
    rule: str
    evidence: str

    def row(self) -> str:
        return "\t".join((self.merged, self.kept, self.rule, self.evidence))


def kind_of(entity: str) -> str:
    """The kind segment of an instance IRI (``person``, ``institution``, …), '' for others."""
    if not entity.startswith(str(ID)):
        return ""
    return entity[len(str(ID)):].split("/", 1)[0]


def resolve(quads: list[Quad]) -> tuple[list[Quad], list[Merge]]:
    """Rewrite provisional entity IRIs to their resolved IRIs; return the quads and the merges."""
    reference, provisional, graphs = _labels(quads)
    merges = _reference_merges(reference, provisional)
    merged = {m.merged for m in merges}
    people = [Person(e, tuple(sorted(labels)), frozenset(graphs[e])) for e, labels in provisional.items()
              if e not in merged and kind_of(e) == "person"]
    known = [Person(e, tuple(sorted(labels)), frozenset(), reference=True) for e, labels in reference.items()
             if kind_of(e) == "person"]
    merges += [Merge(m.merged, m.kept, m.rule, m.evidence) for m in person_matches(people, known)]
    merges += [Merge(m.merged, m.kept, "fuzzy-work", m.evidence) for m in work_matches(_works(quads))]
    merged = {m.merged for m in merges}
    merges += [
        Merge(entity, entity, "same-folded-name", f"{' | '.join(sorted(provisional[entity]))} ({len(seen)} documents)")
        for entity, seen in graphs.items() if len(seen) > 1 and entity in provisional and entity not in merged
    ]
    merges.sort(key=lambda m: (m.kept, m.merged, m.rule))
    mapping = _closure({m.merged: m.kept for m in merges if m.merged != m.kept})
    if not mapping:
        return quads, merges
    label, alternative = NamedNode(str(RDFS.label)), NamedNode(str(SKOS.altLabel))
    rewritten = [
        Quad(mapping.get(q.subject, q.subject), alternative if q.subject in mapping and q.predicate == label
             else q.predicate, mapping.get(q.object, q.object), q.graph_name)
        if q.subject in mapping or q.object in mapping else q
        for q in quads
    ]
    return rewritten, merges


def _closure(direct: dict[str, str]) -> dict[Term, NamedNode]:
    """Each merged IRI → the IRI at the end of its chain of merges (a cycle ends at its smallest IRI)."""
    out: dict[Term, NamedNode] = {}
    for start in direct:
        seen = [start]
        node = direct[start]
        while node in direct and node not in seen:
            seen.append(node)
            node = direct[node]
        end = min(seen[seen.index(node):]) if node in seen else node
        if end != start:
            out[NamedNode(start)] = NamedNode(end)
    return out


def _works(quads: list[Quad]) -> list[WorkRecord]:
    """Titles, first-author family names, years and naming graphs of every work (``id/document/…``)."""
    titles: dict[str, set[str]] = defaultdict(set)
    creators: dict[str, set[str]] = defaultdict(set)
    years: dict[str, set[str]] = defaultdict(set)
    urls: dict[str, set[str]] = defaultdict(set)
    graphs: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, set[str]] = defaultdict(set)
    title, creator, date, label = str(DCTERMS.title), str(DCTERMS.creator), str(DCTERMS.date), str(RDFS.label)
    url = str(SCHEMA.url)
    works = f"{ID}document/"
    for q in quads:
        subject, predicate = q.subject, q.predicate.value
        if not isinstance(subject, NamedNode):
            continue
        if predicate == label and isinstance(q.object, Literal):
            labels[subject.value].add(q.object.value)
        if not subject.value.startswith(works):
            continue
        graphs[subject.value].add(str(q.graph_name))
        if predicate == title and isinstance(q.object, Literal):
            titles[subject.value].add(q.object.value)
        elif predicate == creator and isinstance(q.object, NamedNode):
            creators[subject.value].add(q.object.value)
        elif predicate == date and isinstance(q.object, Literal):
            years[subject.value].add(q.object.value[:4])
        elif predicate == url and isinstance(q.object, Literal):
            urls[subject.value].add(q.object.value.rstrip("/"))
    out = []
    for iri, ts in sorted(titles.items()):
        families = {token for c in creators[iri] for name in labels[c] for token in surnames(name)}
        record = WorkRecord(iri, tuple(sorted(ts)), tuple(sorted(families)), tuple(sorted(years[iri])),
                            len(graphs[iri]), tuple(sorted(urls[iri])))
        out.append(record)
    return out


def _labels(quads: list[Quad]) -> tuple[dict[str, set[str]], dict[str, set[str]], dict[str, set[str]]]:
    """Surface forms of reference entities, labels of provisional entities, and the graphs naming each."""
    reference: dict[str, set[str]] = defaultdict(set)
    provisional: dict[str, set[str]] = defaultdict(set)
    graphs: dict[str, set[str]] = defaultdict(set)
    reference_graph = str(REFERENCE_GRAPH)
    for q in quads:
        predicate = q.predicate.value
        if predicate not in SURFACE_FORMS or not isinstance(q.subject, NamedNode):
            continue
        subject = q.subject.value
        if not kind_of(subject):
            continue
        if not isinstance(q.object, Literal):
            continue
        if isinstance(q.graph_name, NamedNode) and q.graph_name.value == reference_graph:
            reference[subject].add(q.object.value)
        elif predicate == str(RDFS.label):
            provisional[subject].add(q.object.value)
            graphs[subject].add(str(q.graph_name))
    return reference, {e: labels for e, labels in provisional.items() if e not in reference}, graphs


def _reference_merges(reference: dict[str, set[str]], provisional: dict[str, set[str]]) -> list[Merge]:
    index: dict[tuple[str, str], set[str]] = defaultdict(set)
    for entity, forms in reference.items():
        for form in forms:
            index[(kind_of(entity), fold(form))].add(entity)
    merges = []
    for entity, labels in sorted(provisional.items()):
        for label in sorted(labels):
            targets = index.get((kind_of(entity), fold(label)), set())
            if len(targets) == 1:
                merges.append(Merge(entity, next(iter(targets)), "reference-label", label))
                break
    return merges
