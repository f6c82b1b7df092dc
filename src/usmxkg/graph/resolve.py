"""Cross-document entity resolution with explainable rules (the reduce step).

Emitters mint provisional IRIs from names (``id/<kind>/<folded name>``), so
equal folded names already meet. This step merges what folding alone cannot:

* ``reference-label`` — a provisional entity whose label equals (folded) a
  label, alternative label, hidden label or acronym of a reference entity of
  the same kind becomes that entity ("Secretaria de Defensa Nacional" →
  Secretariat of National Defense);
* ``person-initials`` — two people with the same family name whose given
  names agree where both are written and differ only by initials
  ("Roderic A. Camp" → "Roderic Ai Camp"), when exactly one fuller name fits;
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

from usmxkg.extract.names import family_name
from usmxkg.vocab import ID, RDFS, REFERENCE_GRAPH, SKOS, USMX, fold

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
    merges += _person_merges({e: labels for e, labels in provisional.items() if e not in merged and
                              kind_of(e) == "person"}, reference)
    merges += [
        Merge(entity, entity, "same-folded-name", f"{' | '.join(sorted(provisional[entity]))} ({len(seen)} documents)")
        for entity, seen in graphs.items() if len(seen) > 1 and entity in provisional and entity not in merged
    ]
    merges.sort(key=lambda m: (m.kept, m.merged, m.rule))
    mapping: dict[Term, NamedNode] = {NamedNode(m.merged): NamedNode(m.kept) for m in merges if m.merged != m.kept}
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


def _person_merges(people: dict[str, set[str]], reference: dict[str, set[str]]) -> list[Merge]:
    candidates = {**{e: ls for e, ls in people.items()},
                  **{e: ls for e, ls in reference.items() if kind_of(e) == "person"}}
    by_family: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for entity, labels in candidates.items():
        for label in labels:
            by_family[fold(family_name(label))].append((entity, label))
    merges = []
    for entity in sorted(people):
        label = min(people[entity])
        given = _given(label)
        fuller = {
            other for other, other_label in by_family[fold(family_name(label))]
            if other != entity and _compatible(given, _given(other_label)) and
            len(" ".join(_given(other_label))) > len(" ".join(given))
        }
        if len(fuller) == 1:
            kept = next(iter(fuller))
            merges.append(Merge(entity, kept, "person-initials", f"{label} ~ {min(candidates[kept])}"))
    return merges


def _given(label: str) -> list[str]:
    """Given names of a label, folded ("Roderic A. Camp" → ["roderic", "a"])."""
    words = fold(label).split()
    family = fold(family_name(label)).split()
    return words[: len(words) - len(family)] if family and words[-len(family):] == family else words[:-1]


def _compatible(short: list[str], long: list[str]) -> bool:
    """Given names agree where both are written; an initial agrees with any name it begins."""
    if not short or not long or len(short) > len(long):
        return False
    return all(a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))
               for a, b in zip(short, long, strict=False))
