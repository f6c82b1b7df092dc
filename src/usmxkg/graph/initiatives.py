"""Laws, programs, policies and accounts, the roles they are given, and funding statements → quads.

A program or account gets ``usmx:fundedBy``, ``usmx:administeredBy`` or
``usmx:implementedBy`` the institution the sentence names, ``usmx:legalAuthority``
the law, ``usmx:fundedThrough`` the account; only in the direction the
ontology's domains and ranges allow (an account is not a program, so it is
never ``fundedThrough`` or ``implementedBy`` anything). A law cited by number
carries ``usmx:publicLawNumber``. Each amount of money is a
``usmx:FundingStatement`` with its amount in units of its currency
(``usmx:unit``), fiscal year, program or account, recipient, funder, law and
stage, and the sentence and the printed amount as evidence.
"""

from __future__ import annotations

from usmxkg.document import Document
from usmxkg.extract.facts import Funding, Initiative
from usmxkg.graph.entities import entity_node
from usmxkg.graph.evidence import add_evidence
from usmxkg.graph.terms import QuadSink, iri, text, typed
from usmxkg.vocab import PROV, RDF, SCHEMA, USMX, VOCAB, source_iri

_ROLES = {"funded": USMX.fundedBy, "administered": USMX.administeredBy, "implemented": USMX.implementedBy}
CURRENCY_UNITS = {"USD": "us-dollar", "MXN": "mexican-peso"}
"""ISO 4217 currency codes → concepts of the unit scheme (``vocab/unit``)."""


def decimal_lexical(value: object) -> str:
    """An ``xsd:decimal`` lexical form (never an exponent)."""
    return format(value, "f")


def emit_initiatives(sink: QuadSink, doc: Document, work: str, initiatives: list[Initiative]) -> None:
    """Every law, program, policy and account the document names with something said of it."""
    source = iri(source_iri(doc.doc_id))
    for initiative in initiatives:
        entity = initiative.entity
        node = entity_node(sink, doc.doc_id, entity)
        account = entity.type == "FundingAccount"
        program = entity.kind == "program" and not account
        if initiative.number and entity.type == "Law":
            sink.add(node, USMX.publicLawNumber, text(initiative.number))
        for role in initiative.roles:
            if role.agent.kind != "institution" or not (program or account):
                continue
            if role.relation == "implemented" and not program:
                continue
            sink.add(node, _ROLES[role.relation], iri(entity_node(sink, doc.doc_id, role.agent)))
        if program and initiative.authority is not None and initiative.authority.kind == "policy":
            sink.add(node, USMX.legalAuthority, iri(entity_node(sink, doc.doc_id, initiative.authority)))
        for through in initiative.accounts:
            if program and through.type == "FundingAccount":
                sink.add(node, USMX.fundedThrough, iri(entity_node(sink, doc.doc_id, through)))
        sink.add(node, PROV.wasDerivedFrom, source)
        sink.add(work, SCHEMA.mentions, iri(node))
        add_evidence(sink, doc.doc_id, node, initiative.evidence)


def emit_funding(sink: QuadSink, doc: Document, work: str, funding: list[Funding]) -> None:
    """Every amount of money the document states, as a funding statement."""
    source = iri(source_iri(doc.doc_id))
    for fact in funding:
        written = fact.written or fact.evidence
        node = f"{source_iri(doc.doc_id)}/funding/{written.start}-{written.end}"
        sink.add(node, RDF.type, iri(USMX.FundingStatement))
        sink.add(node, USMX.amount, typed(decimal_lexical(fact.amount), "decimal"))
        unit = CURRENCY_UNITS.get(fact.currency)
        if unit:
            sink.add(node, USMX.unit, iri(f"{VOCAB}unit/{unit}"))
        if fact.fiscal_year:
            sink.add(node, USMX.fiscalYear, typed(fact.fiscal_year, "gYear"))
        if fact.program is not None and fact.program.type != "FundingAccount":
            sink.add(node, USMX.program, iri(entity_node(sink, doc.doc_id, fact.program)))
        if fact.account is not None and fact.account.type == "FundingAccount":
            sink.add(node, USMX.account, iri(entity_node(sink, doc.doc_id, fact.account)))
        if fact.recipient is not None and fact.recipient.kind == "place":
            sink.add(node, USMX.recipient, iri(entity_node(sink, doc.doc_id, fact.recipient)))
        if fact.funder is not None and fact.funder.kind in ("institution", "person"):
            sink.add(node, USMX.funder, iri(entity_node(sink, doc.doc_id, fact.funder)))
        if fact.law is not None and fact.law.kind == "policy":
            sink.add(node, USMX.fundingLaw, iri(entity_node(sink, doc.doc_id, fact.law)))
        if fact.stage:
            sink.add(node, USMX.fundingStage, text(fact.stage))
        if fact.approximate:
            sink.add(node, USMX.approximate, typed("true", "boolean"))
        sink.add(node, PROV.wasDerivedFrom, source)
        sink.add(work, SCHEMA.mentions, iri(node))
        add_evidence(sink, doc.doc_id, node, fact.evidence)
        if fact.written is not None:
            add_evidence(sink, doc.doc_id, node, fact.written)
