"""Wikidata items that may match an entity: from an offline snapshot or a SPARQL endpoint.

Both sources read the Wikidata RDF shape (Wikidata RDF dump format,
https://www.mediawiki.org/wiki/Wikibase/Indexing/RDF_Dump_Format): item
``wd:Q…`` with ``rdfs:label`` and ``skos:altLabel`` in English and Spanish,
``wdt:P31`` (instance of), ``wdt:P17`` (country) and ``wdt:P27`` (country of
citizenship, for people). A *snapshot* is such a Turtle file, loaded whole
and searched by type block (every item of the allowed classes is scored, so
fuzzy matching sees spelling variants). An *endpoint* cannot be scanned, so it
is asked for the items whose label or alias equals one of the entity's names,
in English or Spanish, within the type block; rapidfuzz then scores every name
of each item found. Endpoint failures and rate limits (HTTP 429/5xx) are retried
with exponential backoff, then reported in one line naming the endpoint.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

from pyoxigraph import QuerySolutions, RdfFormat, Store

from usmxkg.errors import BuildError
from usmxkg.link.entities import Entity
from usmxkg.vocab import WD

WIKIDATA_SPARQL = "https://query.wikidata.org/sparql"
"""The public Wikidata Query Service."""

WDT = "http://www.wikidata.org/prop/direct/"
AGENT = "usmxkg-link/1 (https://w3id.org/usmx-kg/; reconciliation of a knowledge graph's entities)"

ITEMS = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
SELECT ?item ?name ?class ?country ?label WHERE {
  %s
  ?item wdt:P31 ?class .
  ?item rdfs:label|skos:altLabel ?name .
  FILTER (LANG(?name) IN ("en", "es"))
  OPTIONAL { ?item wdt:P17|wdt:P27 ?country }
  OPTIONAL { ?item rdfs:label ?label FILTER (LANG(?label) = "en") }
}"""
"""Items with their names, classes and countries; the ``%s`` is the block (``VALUES`` and a name probe)."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A Wikidata item with what scoring needs."""

    qid: str
    label: str
    names: frozenset[str]
    classes: frozenset[str]
    countries: frozenset[str]


class Source(Protocol):
    """Where candidates come from."""

    name: str

    def candidates(self, entity: Entity, classes: frozenset[str]) -> list[Candidate]: ...


def _qid(term: str) -> str:
    return term.removeprefix(str(WD))


def _collect(rows: Iterable[tuple[str, str, str, str, str]]) -> list[Candidate]:
    """Group (item, name, English label, class, country) rows into candidates."""
    names: dict[str, set[str]] = defaultdict(set)
    english: dict[str, set[str]] = defaultdict(set)
    classes: dict[str, set[str]] = defaultdict(set)
    countries: dict[str, set[str]] = defaultdict(set)
    for item, name, label, cls, country in rows:
        qid = _qid(item)
        names[qid].add(name)
        if label:
            english[qid].add(label)
        classes[qid].add(_qid(cls))
        if country:
            countries[qid].add(_qid(country))
    return [Candidate(qid, min(english[qid] or names[qid]), frozenset(names[qid]), frozenset(classes[qid]),
                      frozenset(countries[qid])) for qid in sorted(names)]


def _values(var: str, qids: Iterable[str]) -> str:
    return f"VALUES ?{var} {{ {' '.join(f'<{WD}{q}>' for q in sorted(qids))} }}"


class Snapshot:
    """A Wikidata-shaped Turtle file, queried in memory by type block."""

    def __init__(self, path: Path) -> None:
        self.name = str(path)
        self.store = Store()
        try:
            self.store.load(path=str(path), format=RdfFormat.TURTLE)
        except (OSError, SyntaxError) as exc:
            raise BuildError(f"{path}: cannot read the Wikidata snapshot: {exc}") from exc
        self._blocks: dict[frozenset[str], list[Candidate]] = {}

    def candidates(self, entity: Entity, classes: frozenset[str]) -> list[Candidate]:
        if classes not in self._blocks:
            rows = self.store.query(ITEMS % _values("class", classes))
            assert isinstance(rows, QuerySolutions)
            self._blocks[classes] = _collect(
                (r["item"].value, r["name"].value, r["label"].value if r["label"] is not None else "",
                 r["class"].value, r["country"].value if r["country"] is not None else "") for r in rows)
        return self._blocks[classes]


class Endpoint:
    """A SPARQL endpoint holding Wikidata (the public query service or a mirror), asked by name."""

    def __init__(self, url: str, tries: int = 4, backoff: float = 2.0, timeout: int = 60,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
            raise BuildError(f"{url}: not an http(s) SPARQL endpoint URL")
        self.name = url
        self.tries, self.backoff, self.timeout, self.sleep = tries, backoff, timeout, sleep

    def candidates(self, entity: Entity, classes: frozenset[str]) -> list[Candidate]:
        probes = sorted({(name, lang) for name, _ in entity.names for lang in ("en", "es")})
        literals = " ".join(f'"{_escape(n)}"@{lang}' for n, lang in probes)
        probe = f"VALUES ?probe {{ {literals} }}\n  ?item rdfs:label|skos:altLabel ?probe ."
        block = f"{_values('class', classes)}\n  {probe}"
        bindings = self._select(ITEMS % block)
        return _collect((b["item"]["value"], b["name"]["value"], b.get("label", {}).get("value", ""),
                         b["class"]["value"], b.get("country", {}).get("value", "")) for b in bindings)

    def _select(self, query: str) -> list[dict[str, dict[str, str]]]:
        from SPARQLWrapper import JSON, POST, SPARQLWrapper
        from SPARQLWrapper.SPARQLExceptions import EndPointInternalError, SPARQLWrapperException

        client = SPARQLWrapper(self.name, agent=AGENT)
        client.setQuery(query)
        client.setMethod(POST)
        client.setReturnFormat(JSON)
        client.setTimeout(self.timeout)
        problem = ""
        for attempt in range(self.tries):
            if attempt:
                self.sleep(self.backoff * 2 ** (attempt - 1))
            try:
                result = client.queryAndConvert()
            except SPARQLWrapperException as exc:  # bad query, not found, or server error: only a 500 may pass
                problem = str(exc).splitlines()[0]
                if not isinstance(exc, EndPointInternalError):
                    break
                continue
            except OSError as exc:  # refused, reset, timed out, HTTP 429/503 (urllib.error.HTTPError)
                problem = str(getattr(exc, "reason", None) or exc)
                code = getattr(exc, "code", None)
                if code is not None and code not in (429, 500, 502, 503, 504):
                    break
                continue
            if not isinstance(result, dict):
                problem = "the answer is not SPARQL JSON results"
                break
            return list(result.get("results", {}).get("bindings", []))
        raise BuildError(f"{self.name}: Wikidata query failed after {attempt + 1} tries: {problem}")


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')
