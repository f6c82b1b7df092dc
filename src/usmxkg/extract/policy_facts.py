"""Events, policies and programs, funding and tables of one document: the shared passes, then each extractor.

The extractors of these kinds read the same sentences and the same entity
mentions, so both are found once here (:mod:`usmxkg.extract.running_text`,
:mod:`usmxkg.extract.named`) and handed to each; the laws found by
:mod:`usmxkg.extract.initiatives` are what funding statements cite.
"""

from __future__ import annotations

import re

from usmxkg.document import Document
from usmxkg.extract import funding, initiatives, temporal
from usmxkg.extract.events import extract_events
from usmxkg.extract.facts import Facts
from usmxkg.extract.gazetteer import Gazetteer
from usmxkg.extract.named import Lexicon
from usmxkg.extract.running_text import running_sentences
from usmxkg.extract.tables import extract_tables

__all__ = ["add_policy_facts"]

_CUE = re.compile("|".join(f"(?:{c.pattern})" for c in (temporal.CUE, funding.CUE, initiatives.CUE)))


def add_policy_facts(doc: Document, gazetteer: Gazetteer | None, facts: Facts) -> None:
    """Fill ``facts`` with the document's dated events, initiatives, funding statements and table datasets."""
    lexicon = Lexicon(doc, gazetteer)
    sentences = running_sentences(doc, _CUE)
    dated = [s for s in sentences if temporal.CUE.search(s.text)]
    facts.events.extend(extract_events(doc, dated, lexicon))
    laws = initiatives.find_laws(doc, sentences, lexicon)
    facts.initiatives.extend(initiatives.extract_initiatives(doc, sentences, lexicon, laws))
    money = [s for s in sentences if funding.CUE.search(s.text)]
    facts.funding.extend(funding.extract_funding(doc, money, lexicon, laws))
    facts.tables.extend(extract_tables(doc, lexicon))
