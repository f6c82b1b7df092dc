"""Claims of different documents linked as related, supporting or contradicting (reduce step).

The map step leaves each document's claims in its graph; :func:`claim_summaries`
reads them back from that document's quads (type, words, entities it is
about), and :func:`link_claims` compares the pairs from different works that
share a distinctive entity, in IRI order, with these documented rules:

``shared-entities-and-terms`` → ``usmx:relatedClaim``
    the two claims are about at least one common *distinctive* entity (one
    that the claims of some work do not mention: an entity every work's
    claims name, such as the two countries of the relationship, says nothing
    about the topic) and share at least :data:`MIN_SHARED` content words with
    a Jaccard overlap of at least :data:`RELATED`.
``agreeing-statements`` → ``usmx:supports`` (both ways)
    related statements (findings, assertions, quotations) with an overlap of at
    least :data:`CONFIDENT` and the same polarity (both negated or neither).
``opposite-polarity-statements`` → ``usmx:contradicts``
    related statements with an overlap of at least :data:`CONFIDENT` of which
    exactly one is negated ("not", "never", "cannot", "fails to").

Each link is recorded by a ``prov:Activity`` (``…/id/activity/claim-link-{hash}``)
that ``prov:used`` the two claims and names its rule with ``usmx:rule``, in
the graph ``…/graph/claim-links``. Pairs and IRIs come from sorted keys, so
the output does not depend on the order documents were read in.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, Quad, Triple

from usmxkg.vocab import GRAPH, ID, PROV, RDF, SCHEMA, USMX

LINK_GRAPH = f"{GRAPH}claim-links"
MIN_SHARED = 3
RELATED = 0.12
CONFIDENT = 0.3
STATEMENTS = frozenset({"Finding", "Assertion", "Quotation"})

_CLAIM_TYPES = {str(USMX[name]): name for name in (
    "ResearchQuestion", "Hypothesis", "Finding", "Recommendation", "Assertion", "Quotation")}
_WORD = re.compile(r"[a-z][a-z'-]+")
_NEGATION = re.compile(r"\b(?:not|never|cannot|no longer|fails? to|failed to|unable)\b|n't\b")
_STOP = frozenset("""
about above after again against also among been before being below between both could does doing down during each
from further have having here into itself just more most must other over same should some such than that their
theirs them then there these they this those through under until very were what when where which while will with
would your the and for are but not was has had its can may might our out who whom why how all any nor only own
""".split())


@dataclass(frozen=True, slots=True)
class ClaimSummary:
    """What comparing a claim needs: its IRI, work, class, words and the entities it is about."""

    claim: str
    work: str
    type: str
    text: str
    about: frozenset[str]

    def words(self) -> frozenset[str]:
        """Content words, lower case, a final plural "s" dropped."""
        return frozenset(w.rstrip("s") if len(w) > 4 else w for w in _WORD.findall(self.text.lower())
                         if len(w) > 3 and w not in _STOP)

    def negated(self) -> bool:
        return bool(_NEGATION.search(self.text.lower()))


def claim_summaries(quads: list[Quad]) -> list[ClaimSummary]:
    """The claims of one document's quads, as summaries for the cross-document step."""
    types: dict[str, str] = {}
    values: dict[str, str] = {}
    about: dict[str, set[str]] = defaultdict(set)
    derived: dict[str, set[str]] = defaultdict(set)
    works: set[str] = set()
    rdf_type, text, about_p, derived_p, usmx = (str(RDF.type), str(SCHEMA.text), str(USMX.about),
                                                str(PROV.wasDerivedFrom), str(USMX))
    wanted = {rdf_type, text, about_p, derived_p}
    for quad in quads:
        predicate = quad.predicate.value
        if predicate not in wanted or not isinstance(quad.subject, NamedNode) or isinstance(quad.object, Triple):
            continue
        subject, obj = quad.subject.value, quad.object
        if predicate == rdf_type and obj.value in _CLAIM_TYPES:
            types[subject] = _CLAIM_TYPES[obj.value]
        elif predicate == text and isinstance(obj, Literal):
            values[subject] = obj.value
        elif predicate == about_p:
            about[subject].add(obj.value)
        elif predicate == derived_p:
            derived[subject].add(obj.value)
        elif predicate == rdf_type and obj.value.startswith(usmx):
            works.add(subject)
    out = []
    for claim, kind in types.items():
        work = min((d for d in derived[claim] if d in works), default="")
        out.append(ClaimSummary(claim, work, kind, values.get(claim, ""), frozenset(about[claim])))
    return sorted(out, key=lambda s: s.claim)


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def link_claims(summaries: list[ClaimSummary]) -> list[Quad]:
    """Links between claims of different works by the rules of the module docstring, with their activities.

    Only pairs that share a distinctive entity can be linked, so pairs are
    drawn from an index of the claims naming each such entity (blocking, as
    in record linkage) rather than from every pair of claims; they are then
    visited in the order of the claims' IRIs, as every pair was before.
    """
    claims = sorted({s.claim: s for s in summaries if s.work}.values(), key=lambda s: s.claim)
    works_naming: dict[str, set[str]] = defaultdict(set)
    for summary in claims:
        for entity in summary.about:
            works_naming[entity].add(summary.work)
    all_works = {s.work for s in claims}
    distinctive = {e for e, works in works_naming.items() if works != all_works}
    naming: dict[str, list[int]] = defaultdict(list)
    for index, summary in enumerate(claims):
        for entity in summary.about & distinctive:
            naming[entity].append(index)
    words = [s.words() for s in claims]
    graph = NamedNode(LINK_GRAPH)
    out: list[Quad] = []
    for i, a in enumerate(claims):
        partners = {j for entity in a.about & distinctive for j in naming[entity] if j > i}
        for j in sorted(partners):
            b = claims[j]
            if a.work == b.work:
                continue
            shared = words[i] & words[j]
            overlap = _overlap(words[i], words[j])
            if len(shared) < MIN_SHARED or overlap < RELATED:
                continue
            out += _link(graph, a.claim, USMX.relatedClaim, b.claim, "shared-entities-and-terms")
            if a.type in STATEMENTS and b.type in STATEMENTS and overlap >= CONFIDENT:
                if a.negated() == b.negated():
                    out += _link(graph, a.claim, USMX.supports, b.claim, "agreeing-statements")
                    out += _link(graph, b.claim, USMX.supports, a.claim, "agreeing-statements")
                else:
                    out += _link(graph, a.claim, USMX.contradicts, b.claim, "opposite-polarity-statements")
    return out


def _link(graph: NamedNode, subject: str, relation: object, obj: str, rule: str) -> list[Quad]:
    """One link and the activity that made it, named from the pair and the rule."""
    key = hashlib.sha256(f"{subject}\x1f{relation}\x1f{obj}".encode()).hexdigest()[:16]
    activity = NamedNode(f"{ID}activity/claim-link-{key}")
    return [
        Quad(NamedNode(subject), NamedNode(str(relation)), NamedNode(obj), graph),
        Quad(activity, NamedNode(str(RDF.type)), NamedNode(str(PROV.Activity)), graph),
        Quad(activity, NamedNode(str(USMX.rule)), Literal(rule), graph),
        Quad(activity, NamedNode(str(PROV.used)), NamedNode(subject), graph),
        Quad(activity, NamedNode(str(PROV.used)), NamedNode(obj), graph),
    ]
