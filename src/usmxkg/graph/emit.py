"""Document → quads in the document's own named graph.

Map step of the build: a pure function of one :class:`Document` (plus the
gazetteer built from reference data), so it can run per file, in parallel or
from a cache and still give identical output. Entities get provisional IRIs
minted from their names; cross-document resolution rewrites them later.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pyoxigraph import Quad

from usmxkg._version import __version__
from usmxkg.document import FIELDS, WORK_TYPES, Document, Span
from usmxkg.extract import extract
from usmxkg.extract.agents import agent_entity, institution_name
from usmxkg.extract.citations import work_key_name, work_key_title
from usmxkg.extract.dates import parse_date
from usmxkg.extract.gazetteer import Gazetteer
from usmxkg.graph.citations import emit_citations
from usmxkg.graph.evidence import add_evidence
from usmxkg.graph.facts import emit_facts
from usmxkg.graph.mentions import emit_mentions
from usmxkg.graph.terms import QuadSink, iri, text, typed
from usmxkg.vocab import (
    DCMITYPE,
    DCTERMS,
    FOAF,
    ID,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    USMX,
    document_iri,
    entity_iri,
    fold,
    source_graph,
    source_iri,
)


@dataclass(frozen=True, slots=True)
class FieldRule:
    """How one metadata field of the document model becomes statements about the work or its author."""

    predicate: object
    make: str  # "literal", "code", "integer", "date", "person", "institution", "place"


FIELD_RULES: dict[str, FieldRule] = {
    "subtitle": FieldRule(SCHEMA.alternativeHeadline, "literal"),
    "author": FieldRule(DCTERMS.creator, "person"),
    "corporate-author": FieldRule(DCTERMS.creator, "institution"),
    "contributor": FieldRule(DCTERMS.contributor, "person"),
    "advisor": FieldRule(USMX.advisor, "person"),
    "second-reader": FieldRule(USMX.secondReader, "person"),
    "chair": FieldRule(USMX.departmentChair, "person"),
    "date-published": FieldRule(DCTERMS.issued, "date"),
    "report-date": FieldRule(DCTERMS.issued, "date"),
    "abstract": FieldRule(DCTERMS.abstract, "literal"),
    "subject": FieldRule(USMX.subjectTerm, "literal"),
    "degree": FieldRule(USMX.degree, "literal"),
    "degree-grantor": FieldRule(USMX.degreeGrantor, "institution"),
    "department": FieldRule(USMX.department, "institution"),
    "publisher": FieldRule(DCTERMS.publisher, "institution"),
    "performing-organization": FieldRule(SCHEMA.sourceOrganization, "institution"),
    "sponsoring-agency": FieldRule(SCHEMA.sponsor, "institution"),
    "report-number": FieldRule(DCTERMS.identifier, "code"),
    "identifier": FieldRule(DCTERMS.identifier, "code"),
    "report-type": FieldRule(USMX.reportType, "literal"),
    "type": FieldRule(SCHEMA.genre, "literal"),
    "distribution": FieldRule(USMX.distributionStatement, "literal"),
    "rights": FieldRule(DCTERMS.rights, "literal"),
    "language": FieldRule(DCTERMS.language, "code"),
    "page-count": FieldRule(USMX.pageCount, "integer"),
    "extent": FieldRule(DCTERMS.extent, "literal"),
    "dateline-place": FieldRule(SCHEMA.locationCreated, "place"),
    "dateline-agency": FieldRule(SCHEMA.sourceOrganization, "institution"),
    "repository": FieldRule(SCHEMA.provider, "institution"),
    "rank": FieldRule(USMX.rank, "literal"),
    "prior-degree": FieldRule(USMX.priorDegree, "literal"),
    "author-title": FieldRule(USMX.jobTitle, "literal"),
    "author-affiliation": FieldRule(USMX.affiliation, "institution"),
}
"""Field name (:data:`usmxkg.document.FIELDS`) → predicate and value kind; ``title`` and ``date`` are handled apart.

Fields whose spec says ``about="author"`` describe the first author, not the work.
"""

SPECIAL_FIELDS = frozenset({"title", "date"})
"""Fields with rules of their own: one title (variants as evidence or alternatives) and one date."""


def emit_document(doc: Document, gazetteer: Gazetteer | None = None, started: str | None = None) -> list[Quad]:
    """All quads read from one document, in its named graph.

    With a ``gazetteer`` (built from the reference data) mentions, acronyms
    and newly defined organisations are emitted too. ``started`` (an
    ``xsd:dateTime``) stamps the conversion activity; it is left out by
    default because a timestamp would make builds differ.
    """
    sink = QuadSink(source_graph(doc.doc_id), locate=doc.locate)
    source = source_iri(doc.doc_id)
    _emit_activity(sink, doc, started)
    sink.add(source, RDF.type, iri(PROV.Entity))
    sink.add(source, RDF.type, iri(DCMITYPE.Text))
    sink.add(source, DCTERMS.identifier, text(doc.doc_id))
    sink.add(source, DCTERMS["format"], text("text/plain"))

    work = work_iri(doc)
    if doc.work_type not in WORK_TYPES:
        raise ValueError(f"{doc.source}: reader {doc.kind} gave an unknown work type {doc.work_type!r}")
    sink.add(work, RDF.type, iri(USMX[doc.work_type]))
    if doc.record:
        record = f"{source}/record"
        sink.add(record, RDF.type, iri(USMX.CatalogRecord))
        sink.add(record, PROV.wasDerivedFrom, iri(source))
        sink.add(record, FOAF.primaryTopic, iri(work))
        sink.add(source, DCTERMS.isFormatOf, iri(record))
    else:
        sink.add(source, DCTERMS.isFormatOf, iri(work))
    sink.add(work, PROV.wasDerivedFrom, iri(source))
    Emitter(sink, doc, work, gazetteer).run()
    emit_citations(sink, doc, work, work_iri_for, gazetteer)
    if gazetteer is not None:
        emit_mentions(sink, doc, work, gazetteer)
    emit_facts(sink, doc, work, extract(doc, gazetteer))
    return sink.quads


def _emit_activity(sink: QuadSink, doc: Document, started: str | None) -> None:
    """The conversion run as a ``prov:Activity`` that used the source and generated the graph."""
    activity = f"{ID}activity/convert-{doc.doc_id}-{__version__}"
    agent = f"{ID}software/usmxkg-{__version__}"
    sink.add(sink.graph.value, PROV.wasGeneratedBy, iri(activity))
    sink.add(activity, RDF.type, iri(PROV.Activity))
    sink.add(activity, PROV.used, iri(source_iri(doc.doc_id)))
    sink.add(activity, PROV.wasAssociatedWith, iri(agent))
    sink.add(agent, RDF.type, iri(PROV.SoftwareAgent))
    sink.add(agent, RDFS.label, text(f"usmxkg {__version__}"))
    sink.add(agent, SCHEMA.softwareVersion, text(__version__))
    if started:
        sink.add(activity, PROV.startedAtTime, typed(started, "dateTime"))


def work_iri(doc: Document) -> str:
    """The work a document carries or describes, keyed by title and first author."""
    title = doc.first("title")
    author = doc.first("author")
    if title is None:
        return f"{source_iri(doc.doc_id)}/document"
    return work_iri_for(title.text, author.text if author else "")


def work_iri_for(title: str, author: str) -> str:
    """A work's IRI from the bibliographic key shared by sources and citations.

    Notes, bibliographies, catalogue records and title pages write the same
    work differently (capitals, subtitles, "U.S."/"US", compound surnames);
    the key (:func:`usmxkg.extract.citations.work_key_title` and
    :func:`~usmxkg.extract.citations.work_key_name`) absorbs that.
    """
    return document_iri(work_key_title(title), work_key_name(author) if author else "")


class Emitter:
    """Statements about one work (and its first author) from the document's metadata fields."""

    def __init__(self, sink: QuadSink, doc: Document, work: str, gazetteer: Gazetteer | None = None) -> None:
        self.sink, self.doc, self.work, self.gazetteer = sink, doc, work, gazetteer
        self.source = source_iri(doc.doc_id)
        self.makers: dict[str, Callable[[str, FieldRule, Span], None]] = {
            "literal": self._literal,
            "code": self._code,
            "integer": self._integer,
            "date": self._typed_date,
            "person": self._person_value,
            "institution": self._institution_value,
            "place": self._place_value,
        }

    def run(self) -> None:
        self._title()
        self._date()
        author = self.doc.first("author")
        first = agent_entity(author.text, self.gazetteer) if author else None
        first_author = entity_iri(first.kind, first.key) if first else None
        for name, rule in FIELD_RULES.items():
            subject = self.work if FIELDS[name].about == "work" else first_author
            if subject is None:
                continue
            for span in self.doc.fields.get(name, []):
                self.makers[rule.make](subject, rule, span)

    def _title(self) -> None:
        """The first title; variants with the same words are more evidence, others alternative titles.

        A title followed by a colon announces its subtitle (a form that
        printed the two parts apart): the work's title is then both, joined
        as "Title: Subtitle" (CMOS 8.164).
        """
        titles = self.doc.fields.get("title", [])
        if not titles:
            return
        main = fold(titles[0].text)
        lang = self.doc.language
        written = " ".join(titles[0].text.split())
        subtitle = self.doc.first("subtitle")
        after = self.doc.text[titles[0].end:titles[0].end + 3].lstrip()
        if subtitle is not None and (written.endswith(":") or after.startswith(":")):
            written = f"{written.rstrip(' :')}: {' '.join(subtitle.text.split())}"
            add_evidence(self.sink, self.doc.doc_id, self.work, subtitle)
        self.sink.add(self.work, DCTERMS.title, text(written, lang))
        for span in titles:
            if fold(span.text) != main:
                self.sink.add(self.work, DCTERMS.alternative, text(" ".join(span.text.split()), lang))
            add_evidence(self.sink, self.doc.doc_id, self.work, span)

    def _date(self) -> None:
        for span in self.doc.fields.get("date", []):
            parsed = parse_date(span.text)
            if parsed is not None:
                self.sink.add(self.work, DCTERMS.date, typed(parsed.lexical, parsed.datatype))
                add_evidence(self.sink, self.doc.doc_id, self.work, span)
                return

    def _typed_date(self, subject: str, rule: FieldRule, span: Span) -> None:
        parsed = parse_date(span.text)
        if parsed is not None:
            self.sink.add(subject, rule.predicate, typed(parsed.lexical, parsed.datatype))

    def _literal(self, subject: str, rule: FieldRule, span: Span) -> None:
        """Text in the document's language (tagged when it is known: RDF 1.1 language-tagged strings)."""
        self.sink.add(subject, rule.predicate, text(" ".join(span.text.split()), self.doc.language))

    def _code(self, subject: str, rule: FieldRule, span: Span) -> None:
        """Identifiers and codes belong to no language."""
        self.sink.add(subject, rule.predicate, text(" ".join(span.text.split())))

    def _integer(self, subject: str, rule: FieldRule, span: Span) -> None:
        """The canonical xsd:nonNegativeInteger of the ASCII digits (XSD 1.1 Part 2, 3.4.20): no leading zeros.

        Only ASCII digits count: ``str.isdigit`` also accepts superscripts ("²"),
        which ``int`` refuses, and ``int`` refuses more than 4,300 digits.
        """
        digits = "".join(c for c in span.text if c in "0123456789")
        if digits:
            self.sink.add(subject, rule.predicate, typed(digits.lstrip("0") or "0", "nonNegativeInteger"))

    def _person_value(self, subject: str, rule: FieldRule, span: Span) -> None:
        person = self.person(span)
        self.sink.add(subject, rule.predicate, iri(person))
        if rule.predicate != DCTERMS.creator:
            self.sink.add(self.work, SCHEMA.mentions, iri(person))

    def _institution_value(self, subject: str, rule: FieldRule, span: Span) -> None:
        prefix = "Department of " if rule.predicate == USMX.department else ""
        org = self.institution(span, prefix)
        self.sink.add(subject, rule.predicate, iri(org))
        self.sink.add(self.work, SCHEMA.mentions, iri(org))

    def _place_value(self, subject: str, rule: FieldRule, span: Span) -> None:
        label = span.text.title() if span.text.isupper() else span.text
        node = entity_iri("place", label)
        self.sink.add(subject, rule.predicate, iri(node))
        self.sink.add(node, RDF.type, iri(USMX.Place))
        self.sink.add(node, RDFS.label, text(label))
        self.sink.add(node, PROV.wasDerivedFrom, iri(self.source))
        add_evidence(self.sink, self.doc.doc_id, node, span)

    def person(self, span: Span) -> str:
        """The agent a personal-name field names at ``span``: a person (provisional IRI from the name
        without credentials or suffix), or the organisation :func:`~usmxkg.extract.agents.agent_entity`
        recognises in a field a reader filled with a corporate name."""
        agent = agent_entity(span.text, self.gazetteer)
        person = entity_iri(agent.kind, agent.key)
        self.sink.add(person, RDF.type, iri(USMX.Person if agent.kind == "person" else USMX.Institution))
        self.sink.add(person, RDFS.label, text(agent.label))
        self.sink.add(person, PROV.wasDerivedFrom, iri(self.source))
        add_evidence(self.sink, self.doc.doc_id, person, span)
        return person

    def institution(self, span: Span, prefix: str = "") -> str:
        """An organisation named at ``span``; "Place: Publisher" keeps the publisher only.

        ``prefix`` completes names that forms abbreviate: a catalogue's
        department "National Security Affairs" is the "Department of …".
        """
        name = institution_name(span.text)
        if prefix and not name.lower().startswith(prefix.lower()):
            name = prefix + name
        org = entity_iri("institution", name)
        self.sink.add(org, RDF.type, iri(USMX.Institution))
        self.sink.add(org, RDFS.label, text(name))
        self.sink.add(org, PROV.wasDerivedFrom, iri(self.source))
        add_evidence(self.sink, self.doc.doc_id, org, span)
        return org
