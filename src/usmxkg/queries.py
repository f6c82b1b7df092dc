"""The SPARQL query pack: discovery, header metadata, parameter binding, execution, result formats.

Queries are data (``queries/NNN-slug.rq``), one per competency question, each opening with a
comment header in the manner of public SPARQL example collections (sib-swiss/sparql-examples)::

    # title: Theses with their advisors and readers
    # description: Every thesis with its advisor, second reader, ...
    #   (continuation lines are indented)
    # answers: CQ2
    # keywords: thesis, advisor
    # param: ?advisor (iri) -- the advisor; any when not given
    # param: ?from (gYear) = 2001 -- first year

Parameters are bound as RDF terms, never by pasting text: each value is parsed into a
pyoxigraph term of the declared type (an IRI is validated, a literal keeps its datatype)
and the terms are written, in their N-Triples form, into one ``VALUES`` block placed at the
start of the query's outermost group (SPARQL 1.1 Query §10.2, inline data). A parameter
without a value is ``UNDEF``: it leaves the variable free, so the query answers for any
value. The same bound text runs on the embedded store and on any SPARQL 1.1 server.

Queries read the default graph as the union of all named graphs (README, "Querying,
loading and serving"); :mod:`usmxkg.store` makes every store answer that way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    Triple,
)

from usmxkg.errors import UsmxkgError

PACK_DIR = Path(__file__).resolve().parents[2] / "queries"
"""The query pack of the repository (``queries/`` beside ``src/``)."""

XSD = "http://www.w3.org/2001/XMLSchema#"

PARAM_TYPES = ("iri", "string", "integer", "decimal", "boolean", "date", "gYear", "gYearMonth")
"""Declared parameter types: an IRI, a simple literal, or a literal of that XSD datatype."""

_LEXICAL = {
    "integer": re.compile(r"[+-]?\d+"),
    "boolean": re.compile(r"true|false|1|0"),
    "date": re.compile(r"-?\d{4,}-\d{2}-\d{2}"),
    "gYear": re.compile(r"-?\d{4,}"),
    "gYearMonth": re.compile(r"-?\d{4,}-\d{2}"),
}

FORMATS = ("table", "csv", "tsv", "json")
"""Output formats of ``usmxkg query``: a text table for people, and the standard SPARQL results formats."""

_RESULT_FORMATS = {"csv": QueryResultsFormat.CSV, "tsv": QueryResultsFormat.TSV, "json": QueryResultsFormat.JSON}

DISPLAY_PREFIXES = {
    "id": "https://w3id.org/usmx-kg/id/", "doc": "https://w3id.org/usmx-kg/id/document/",
    "person": "https://w3id.org/usmx-kg/id/person/", "inst": "https://w3id.org/usmx-kg/id/institution/",
    "place": "https://w3id.org/usmx-kg/id/place/", "src": "https://w3id.org/usmx-kg/id/source/",
    "prog": "https://w3id.org/usmx-kg/id/program/", "policy": "https://w3id.org/usmx-kg/id/policy/",
    "event": "https://w3id.org/usmx-kg/id/event/",
    "graph": "https://w3id.org/usmx-kg/graph/", "usmx": "https://w3id.org/usmx-kg/ontology#",
}

URI_SCHEMES = frozenset({"urn", "mailto", "tag", "did", "data"})
"""Schemes of absolute IRIs written without ``//`` that a parameter value may use as they are."""
"""Prefixes the text table shortens IRIs with, besides those the query declares."""

QueryResult = QuerySolutions | QueryBoolean
Term = NamedNode | BlankNode | Literal | Triple


class QueryError(UsmxkgError):
    """A query cannot be found, parsed, bound or run; the message names the query and the problem."""


@dataclass(frozen=True, slots=True)
class Param:
    """A declared parameter: its variable name, type, default (as a user writes it) and meaning."""

    name: str
    type: str
    default: str | None
    description: str


@dataclass(frozen=True, slots=True)
class PackQuery:
    """One query of the pack with the metadata of its header."""

    name: str
    path: Path
    text: str
    title: str
    description: str
    form: str
    answers: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    params: tuple[Param, ...] = ()
    prefixes: Mapping[str, str] = field(default_factory=dict)

    @property
    def slug(self) -> str:
        """The name without its number: ``001-documents`` → ``documents``."""
        return re.sub(r"^\d+-", "", self.name)

    def param(self, name: str) -> Param:
        for param in self.params:
            if param.name == name:
                return param
        known = ", ".join(p.name for p in self.params) or "none"
        raise QueryError(f"{self.name}: no parameter {name!r} (parameters: {known})")


# ---------------------------------------------------------------------------
# Lexing: just enough SPARQL to find comments, strings, IRIs and braces.
# ---------------------------------------------------------------------------

_TOKEN = re.compile(
    r'(?P<comment>\#[^\n]*)'
    r'|(?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\')'
    r'|(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)'
    r'|(?P<open>\{)|(?P<paren>[()])'
    r'|(?P<prefix>(?i:PREFIX)\s+(?P<pname>[A-Za-z][\w.-]*)?:\s*<(?P<ns>[^<>"{}|^`\\\x00-\x20]*)>)'
    r'|(?P<form>\b(?i:SELECT|ASK|CONSTRUCT|DESCRIBE)\b)'
    r'|(?P<other>[^\s#"\'<{()]+|<|\s+)',
    re.DOTALL,
)


def _outer_group(text: str) -> tuple[int, str, dict[str, str]]:
    """Offset just past the ``{`` that opens the outermost group, the query form and the prefixes.

    >>> _outer_group('PREFIX ex: <http://e/#x>\\nSELECT ("{" AS ?x) # {\\nWHERE { ?s ?p ?o }')
    (55, 'SELECT', {'ex': 'http://e/#x'})
    """
    prefixes: dict[str, str] = {}
    form = ""
    depth = 0
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "prefix":
            prefixes[match.group("pname") or ""] = match.group("ns")
        elif kind == "form" and not form:
            form = match.group().upper()
        elif kind == "paren":
            depth += 1 if match.group() == "(" else -1
        elif kind == "open" and depth == 0:
            return match.end(), form, prefixes
    raise QueryError("no query pattern: the query has no '{'")


def query_form(text: str) -> str:
    """The form keyword of a query (``SELECT``, ``ASK``, ``CONSTRUCT``, ``DESCRIBE``), or ``""``.

    >>> query_form('PREFIX a: <urn:ask#> # SELECT\\nASK { ?s ?p "SELECT" }')
    'ASK'
    """
    for match in _TOKEN.finditer(text):
        if match.lastgroup == "form":
            return match.group().upper()
    return ""


def _header(text: str) -> dict[str, list[str]]:
    """The ``# key: value`` lines before the first non-comment line; indented lines continue a value."""
    fields: dict[str, list[str]] = {}
    last: str | None = None
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        body = line[1:]
        match = re.match(r"\s?([a-z]+):\s*(.*)$", body)
        if match and not body.startswith("   "):
            last = match.group(1)
            fields.setdefault(last, []).append(match.group(2).strip())
        elif last and body.strip():
            fields[last][-1] += " " + body.strip()
    return fields


_PARAM = re.compile(r"\?(?P<name>\w+)\s*\((?P<type>\w+)\)\s*(?:=\s*(?P<default>.+?))?\s*--\s*(?P<description>.+)")


def parse_query(path: Path) -> PackQuery:
    """Read one ``.rq`` file with its header; raise :class:`QueryError` naming the file on a bad header."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise QueryError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    fields = _header(text)
    try:
        _, form, prefixes = _outer_group(text)
    except QueryError as exc:
        raise QueryError(f"{path}: {exc}") from exc
    params = []
    for spec in fields.get("param", []):
        match = _PARAM.fullmatch(spec)
        if not match or match.group("type") not in PARAM_TYPES:
            raise QueryError(f"{path}: bad parameter line {spec!r}; write '?name (type) [= default] -- meaning' "
                             f"with a type among {', '.join(PARAM_TYPES)}")
        params.append(Param(match.group("name"), match.group("type"), match.group("default"),
                            match.group("description")))
    if form not in {"SELECT", "ASK"}:
        raise QueryError(f"{path}: only SELECT and ASK queries belong in the pack, not {form or 'this'}")

    def listed(key: str) -> tuple[str, ...]:
        return tuple(v.strip() for value in fields.get(key, []) for v in value.split(",") if v.strip())

    query = PackQuery(
        name=path.stem,
        path=path,
        text=text,
        title=" ".join(fields.get("title", [])) or path.stem,
        description=" ".join(fields.get("description", [])),
        form=form,
        answers=listed("answers"),
        keywords=listed("keywords"),
        params=tuple(params),
        prefixes=prefixes,
    )
    for param in query.params:
        if param.default is not None:
            to_term(query, param, param.default)  # a bad default is the pack's fault: say so when listing
    return query


def pack(folder: Path = PACK_DIR) -> list[PackQuery]:
    """Every query of the pack, in file-name order."""
    if not folder.is_dir():
        raise QueryError(f"{folder}: query pack folder not found")
    return [parse_query(path) for path in sorted(folder.glob("*.rq"))]


def find(name: str, folder: Path = PACK_DIR) -> PackQuery:
    """A pack query by file name, name without number, or number; or any ``.rq`` file by path."""
    path = Path(name)
    if path.suffix == ".rq" and path.is_file():
        return parse_query(path)
    queries = pack(folder)
    for query in queries:
        if name in {query.name, query.slug, query.name.split("-", 1)[0]}:
            return query
    raise QueryError(f"no query {name!r} in {folder} (usmxkg query --list shows the pack)")


# ---------------------------------------------------------------------------
# Binding
# ---------------------------------------------------------------------------


def to_term(query: PackQuery, param: Param, value: str) -> NamedNode | Literal:
    """The RDF term a user's value stands for, checked against the parameter's type.

    IRIs may be written absolute (``<…>`` optional) or as a prefixed name declared by the query
    or in :data:`DISPLAY_PREFIXES` (``inst:``, ``person:``, ``doc:`` …).

    >>> q = PackQuery("q", Path("q.rq"), "", "", "", "SELECT")
    >>> to_term(q, Param("x", "iri", None, ""), "inst:mexican-army")
    <NamedNode value=https://w3id.org/usmx-kg/id/institution/mexican-army>
    >>> to_term(q, Param("y", "gYear", None, ""), "2014")
    <Literal value=2014 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#gYear>>
    """
    where = f"{query.name}: parameter {param.name}"
    if param.type == "iri":
        iri = value.strip()
        known = {**DISPLAY_PREFIXES, **query.prefixes}
        if iri.startswith("<") and iri.endswith(">"):
            iri = iri[1:-1]
        else:
            match = re.fullmatch(r"([A-Za-z][\w.-]*)?:([^\s<>\"{}|^`\\]*)", iri)
            if match and (match.group(1) or "") in known and "//" not in iri:
                iri = known[match.group(1) or ""] + match.group(2)
            elif match and "//" not in iri and (match.group(1) or "").lower() not in URI_SCHEMES:
                raise QueryError(f"{where}: unknown prefix in {value!r}; write the whole IRI in <…>")
        try:
            node = NamedNode(iri)
        except ValueError as exc:
            raise QueryError(f"{where}: {value!r} is not an absolute IRI ({exc})") from exc
        if ":" not in iri:
            raise QueryError(f"{where}: {value!r} is not an absolute IRI or a prefixed name of the query")
        return node
    if param.type == "string":
        return Literal(value)
    lexical = value.strip()
    if param.type == "decimal":
        try:
            Decimal(lexical)
        except InvalidOperation:
            raise QueryError(f"{where}: {value!r} is not an xsd:decimal") from None
    elif not _LEXICAL[param.type].fullmatch(lexical):
        raise QueryError(f"{where}: {value!r} is not an xsd:{param.type}")
    return Literal(lexical, datatype=NamedNode(XSD + param.type))


def bind(query: PackQuery, values: Mapping[str, str] | None = None) -> str:
    """The query text with every parameter bound: one ``VALUES`` row of RDF terms (``UNDEF`` when unset).

    >>> q = PackQuery("q", Path("q.rq"), 'SELECT ?s WHERE { ?s ?p ?v }', "", "", "SELECT",
    ...               params=(Param("v", "string", None, ""),))
    >>> bind(q, {"v": 'x"} INSERT DATA {'})
    'SELECT ?s WHERE {\\n  VALUES (?v) { ("x\\\\"} INSERT DATA {") }\\n ?s ?p ?v }'
    """
    values = dict(values or {})
    for name in values:
        query.param(name)
    if not query.params:
        return query.text
    row = []
    for param in query.params:
        value = values.get(param.name, param.default)
        row.append("UNDEF" if value is None else str(to_term(query, param, value)))
    names = " ".join(f"?{p.name}" for p in query.params)
    block = f"\n  VALUES ({names}) {{ ({' '.join(row)}) }}\n"
    at, _, _ = _outer_group(query.text)
    return query.text[:at] + block + query.text[at:]


def parse_params(pairs: Iterable[str]) -> dict[str, str]:
    """``k=v`` strings (``--param``) as a mapping; a leading ``?`` on the name is accepted."""
    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"--param {pair!r}: write NAME=VALUE")
        params[name.strip().lstrip("?")] = value
    return params


# ---------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Rows:
    """A materialised result: variables and rows of terms (``None`` when unbound), or a boolean."""

    variables: tuple[str, ...]
    rows: tuple[tuple[Term | None, ...], ...]
    boolean: bool | None = None

    def records(self) -> list[dict[str, Term]]:
        """Rows as dicts of the bound variables only."""
        return [{v: t for v, t in zip(self.variables, row, strict=True) if t is not None} for row in self.rows]

    def values(self, variable: str) -> list[str]:
        """The lexical values (IRIs as strings) of one column, unbound skipped, in row order."""
        i = self.variables.index(variable)
        return [row[i].value for row in self.rows if row[i] is not None]  # type: ignore[union-attr]


def materialise(result: QueryResult) -> Rows:
    """Read a pyoxigraph result (embedded or parsed from a server's answer) into :class:`Rows`."""
    if isinstance(result, QueryBoolean):
        return Rows((), (), bool(result))
    variables = tuple(v.value for v in result.variables)
    rows = tuple(tuple(solution[v] for v in variables) for solution in result)
    return Rows(variables, rows)


def serialise(result: QueryResult, fmt: str, prefixes: Mapping[str, str] | None = None) -> str:
    """A result in one of :data:`FORMATS`: the standard SPARQL results serialisers, or a text table."""
    if fmt in _RESULT_FORMATS:
        if isinstance(result, QueryBoolean) and fmt != "json":
            return ("true" if bool(result) else "false") + "\n"  # CSV/TSV results define no boolean form
        return (result.serialize(format=_RESULT_FORMATS[fmt]) or b"").decode("utf-8")
    if fmt != "table":
        raise QueryError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return table(materialise(result), prefixes or {})


def _short(term: Term | None, prefixes: Mapping[str, str]) -> str:
    if term is None:
        return ""
    if isinstance(term, NamedNode):
        for name, ns in sorted(prefixes.items(), key=lambda p: -len(p[1])):
            if ns and term.value.startswith(ns) and re.fullmatch(r"[\w./-]*", term.value[len(ns):]):
                return f"{name}:{term.value[len(ns):]}"
        return f"<{term.value}>"
    if isinstance(term, Literal):
        text = " ".join(term.value.split())
        return text + (f"@{term.language}" if term.language else "")
    return str(term)


def table(rows: Rows, prefixes: Mapping[str, str], width: int = 60) -> str:
    """A plain text table for the terminal: prefixed names, literals without quotes, long cells cut."""
    if rows.boolean is not None:
        return ("yes" if rows.boolean else "no") + "\n"
    cells = [[_short(t, prefixes) for t in row] for row in rows.rows]
    cells = [[c if len(c) <= width else c[: width - 1] + "…" for c in row] for row in cells]
    widths = [max([len(v), *(len(row[i]) for row in cells)]) for i, v in enumerate(rows.variables)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(rows.variables, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines) + "\n"


def listing(queries: Iterable[PackQuery]) -> str:
    """``usmxkg query --list``: each query's name, title, competency questions and parameters."""
    out = []
    for query in queries:
        answers = f"  [{', '.join(query.answers)}]" if query.answers else ""
        out.append(f"{query.name}  {query.title}{answers}")
        for p in query.params:
            default = f" = {p.default}" if p.default is not None else " (any)"
            out.append(f"    --param {p.name}=…  {p.type}{default}: {p.description}")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------
# Catalogue: the pack's metadata as RDF
# ---------------------------------------------------------------------------

PACK_IRI = "https://w3id.org/usmx-kg/queries/"
COMPETENCY_IRI = "https://w3id.org/usmx-kg/ontology/competency#"
_SH = "http://www.w3.org/ns/shacl#"
_CATALOG_PREFIXES = {
    "dcterms": "http://purl.org/dc/terms/", "q": PACK_IRI, "cq": COMPETENCY_IRI, "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "schema": "https://schema.org/", "sh": _SH, "xsd": XSD,
}


def catalog(queries: Iterable[PackQuery]) -> str:
    """``queries/catalog.ttl``: each query as a ``sh:SPARQLSelectExecutable`` or ``sh:SPARQLAskExecutable``
    with ``rdfs:label``, ``rdfs:comment``, ``schema:keywords``, its text (``sh:select``/``sh:ask``), the
    competency questions it answers (``dcterms:subject``) and its parameters (``sh:parameter``, SHACL §6.2:
    ``sh:name``, ``sh:datatype`` or ``sh:nodeKind``, ``sh:optional``, ``sh:defaultValue``)."""
    from pyoxigraph import RdfFormat, serialize

    def iri(value: str) -> NamedNode:
        return NamedNode(value)

    def sh(name: str) -> NamedNode:
        return NamedNode(_SH + name)

    rdf_type = iri(_CATALOG_PREFIXES["rdf"] + "type")
    rdfs = _CATALOG_PREFIXES["rdfs"]
    triples = []
    for query in queries:
        subject = iri(PACK_IRI + query.name)
        kind = "SPARQLAskExecutable" if query.form == "ASK" else "SPARQLSelectExecutable"
        triples += [
            Triple(subject, rdf_type, sh(kind)),
            Triple(subject, iri(rdfs + "label"), Literal(query.title, language="en")),
            Triple(subject, iri(rdfs + "comment"), Literal(query.description, language="en")),
            Triple(subject, sh("ask" if query.form == "ASK" else "select"), Literal(query.text)),
        ]
        triples += [Triple(subject, iri(_CATALOG_PREFIXES["dcterms"] + "subject"),
                           iri(COMPETENCY_IRI + cq)) for cq in query.answers]
        triples += [Triple(subject, iri("https://schema.org/keywords"), Literal(k)) for k in query.keywords]
        for param in query.params:
            node = iri(f"{PACK_IRI}{query.name}#{param.name}")
            triples += [
                Triple(subject, sh("parameter"), node),
                Triple(node, sh("path"), node),
                Triple(node, sh("name"), Literal(param.name)),
                Triple(node, sh("description"), Literal(param.description, language="en")),
                Triple(node, sh("optional"), Literal("true", datatype=NamedNode(XSD + "boolean"))),
            ]
            if param.type == "iri":
                triples.append(Triple(node, sh("nodeKind"), sh("IRI")))
            else:
                triples.append(Triple(node, sh("datatype"), NamedNode(XSD + param.type)))
            if param.default is not None:
                triples.append(Triple(node, sh("defaultValue"), to_term(query, param, param.default)))
    return (serialize(triples, format=RdfFormat.TURTLE, prefixes=_CATALOG_PREFIXES) or b"").decode("utf-8")
