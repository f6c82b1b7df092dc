"""Citations → :class:`~usmxkg.extract.facts.CitedWork` records: the key, creators, year and publishers of each work.

:func:`usmxkg.extract.citations.extract_citations` finds the works a
document's notes and reference list cite; this module decides what the
description says of each: the bibliographic key shared with works read from
sources (so one work cited by several documents is one resource), whether
each author is a person or an organisation, the year at its precision and
the publishing bodies. Only full descriptions are described; an "Ibid." or
a short form points at a work described where it was first cited.
"""

from __future__ import annotations

from usmxkg.document import Document
from usmxkg.extract.agents import agent_entity, publishers
from usmxkg.extract.citations import extract_citations
from usmxkg.extract.dates import parse_date
from usmxkg.extract.facts import CitedWork, Entity
from usmxkg.extract.gazetteer import Gazetteer
from usmxkg.extract.metadata import work_key

__all__ = ["MAX_PERSON_WORDS", "cited_works"]

MAX_PERSON_WORDS = 4
"""Words of a personal name written in natural order (given names and two family names); an author
string longer than that without the comma of an inverted heading is a corporate body's (CMOS 14.69)."""


def cited_works(doc: Document, gazetteer: Gazetteer | None = None) -> list[CitedWork]:
    """Every titled work ``doc`` cites, in text order, with what its description says when it is a full one."""
    out = []
    for citation in extract_citations(doc):
        work = citation.work
        if not work.title.strip():
            continue
        key = work_key(work.title, work.authors[0] if work.authors else "")
        if citation.resolved:
            out.append(CitedWork(citation, key))
            continue
        year = parse_date(work.year) if work.year else None
        names = tuple(publishers(work.publisher)) if work.publisher else ()
        out.append(CitedWork(citation, key, tuple(_creator(a, gazetteer) for a in work.authors), year, names))
    return out


def _creator(author: str, gazetteer: Gazetteer | None) -> Entity:
    """The person or organisation an author heading names (organisations keyed by their label)."""
    agent = agent_entity(author, gazetteer)
    if agent.kind == "person" and "," not in author and len(agent.label.split()) > MAX_PERSON_WORDS:
        label = " ".join(author.split())
        return Entity("institution", label, label, "Institution")
    if agent.kind == "person":
        return Entity("person", agent.key, agent.label, "Person")
    return Entity("institution", agent.label, agent.label, "Institution")
