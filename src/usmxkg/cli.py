"""The ``usmxkg`` command line: parses arguments, calls the library, prints. No logic here."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import click

from usmxkg import __version__
from usmxkg.errors import UsmxkgError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="usmxkg")
def cli() -> None:
    """Build and inspect the U.S.-Mexico defense relations knowledge graph."""


@cli.command("build")
@click.option("--sources", type=click.Path(path_type=Path), default=Path("data/sources"), show_default=True,
              help="Folder of source documents (every file except SOURCES.md/README.md).")
@click.option("--out", type=click.Path(path_type=Path), default=Path("build"), show_default=True,
              help="Output folder for graph.nq and graph.trig.")
@click.option("--keep-going", is_flag=True, help="Skip unreadable files with a warning instead of stopping.")
@click.option("--validate/--no-validate", default=True, show_default=True,
              help="Check the written graph against ontology/shapes.ttl (SHACL).")
@click.option("--timestamp", is_flag=True,
              help="Record the current time on the conversion activities (output then differs per run).")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, show_default=True,
              help="Worker processes that read and convert documents (0: one per core); output is the same for any.")
def build_command(sources: Path, out: Path, keep_going: bool, validate: bool, timestamp: bool, jobs: int) -> None:
    """Read every source document and write the whole graph (sorted N-Quads and TriG)."""
    from usmxkg.pipeline import build

    started = datetime.now(UTC).replace(microsecond=0).isoformat() if timestamp else None
    result = build(sources, out, keep_going=keep_going, validate=validate, started=started, jobs=jobs)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(result.kinds().items()))
    click.echo(f"documents: {len(result.documents)} ({kinds})")
    click.echo(f"triples:   {result.quads}")
    click.echo(f"graphs:    {result.graphs}")
    click.echo(f"merges:    {len(result.merges)} (see resolution.tsv)")
    click.echo("timings:   " + ", ".join(f"{k} {v:.2f} s" for k, v in result.timings.items()))
    for path in result.outputs:
        click.echo(f"wrote {path}")
    if result.validation is not None:
        if not result.validation.conforms:
            raise click.ClickException(
                f"SHACL validation: {result.validation.violations} results; see {out / 'shacl-report.txt'}"
            )
        click.echo(f"SHACL validation: conforms ({result.validation.violations} warnings)")


@cli.command("convert")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--out", type=click.Path(path_type=Path), required=True,
              help="Output file; its extension picks the format: .nq, .trig, .ttl or .jsonld.")
@click.option("--with-curated", is_flag=True, help="Also write the ontology, reference and link graphs.")
@click.option("--keep-going", is_flag=True, help="Skip unreadable files with a warning instead of stopping.")
def convert_command(files: tuple[Path, ...], out: Path, with_curated: bool, keep_going: bool) -> None:
    """Convert any source files, without the rest of the corpus, into one RDF file."""
    from usmxkg.pipeline import convert

    result = convert(list(files), out, keep_going=keep_going, with_curated=with_curated)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(f"documents: {len(result.documents)}, triples: {result.quads}, graphs: {result.graphs}")
    click.echo(f"wrote {out}")


@cli.command("validate")
@click.argument("file", type=click.Path(path_type=Path), default=Path("build/graph.nq"), required=False)
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="Folder for shacl-report.txt, .ttl (standard SHACL report) and .json (default: beside FILE).")
@click.option("--engine", type=click.Choice(["fast", "pyshacl"]), default="fast", show_default=True,
              help="SHACL engine: fast (shapes compiled to SPARQL on pyoxigraph) or pyshacl (the reference).")
def validate_command(file: Path, out: Path | None, engine: str) -> None:
    """Check a build (or any RDF file) against the SHACL shapes; exit 0 if it conforms, 1 if not, 2 on bad input."""
    from usmxkg.errors import BuildError
    from usmxkg.graph.serialise import write_atomic
    from usmxkg.validate import report_files, validate_file

    try:
        report = validate_file(file, engine=engine)
    except BuildError as exc:
        click.echo(f"usmxkg: error: {exc}", err=True)
        raise click.exceptions.Exit(2) from None
    folder = out or file.parent
    files = report_files(report)
    for name, data in files.items():
        write_atomic(folder / name, data)
    click.echo(report.text, nl=False)
    click.echo(f"wrote {', '.join(str(folder / name) for name in files)}")
    if not report.conforms:
        raise click.exceptions.Exit(1)


@cli.command("reason")
@click.option("--graph", "nquads", type=click.Path(path_type=Path), default=Path("build/graph.nq"), show_default=True,
              help="The built dataset (sorted N-Quads) to reason over.")
@click.option("-o", "--out", type=click.Path(path_type=Path), default=Path("build/inferred.nq"), show_default=True,
              help="Where to write the inferred graph (N-Quads, graph https://w3id.org/usmx-kg/graph/inferred).")
@click.option("--engine", type=click.Choice(["reasonable", "owlrl"]), default="reasonable", show_default=True,
              help="OWL 2 RL engine: reasonable (fast) or owlrl (the reference).")
@click.option("--with-links", is_flag=True, help="Also reason over the owl:sameAs links to Wikidata.")
def reason_command(nquads: Path, out: Path, engine: str, with_links: bool) -> None:
    """Write the OWL 2 RL inferences of the built graph to a named graph of their own."""
    from usmxkg.reason import reason_build

    inference = reason_build(nquads, out, engine, with_links)
    dropped = ", ".join(f"{n} {why}" for why, n in inference.dropped.items() if n)
    click.echo(f"inferred:  {len(inference.triples)} new triples ({engine}; {inference.returned} returned; "
               f"dropped {dropped})")
    click.echo(f"wrote {out}")


@cli.command("link")
@click.option("--out", type=click.Path(path_type=Path), default=Path("build"), show_default=True,
              help="Folder for links.nq, mappings.sssom.tsv, link-coverage.tsv (and link-candidates.tsv).")
@click.option("--reconcile", is_flag=True, help="Propose Wikidata items for entities without one.")
@click.option("--snapshot", type=click.Path(path_type=Path), default=None,
              help="Reconcile against a Wikidata-shaped Turtle file instead of an endpoint (offline).")
@click.option("--endpoint", default=None, metavar="URL",
              help="SPARQL endpoint holding Wikidata [default with --reconcile: https://query.wikidata.org/sparql].")
@click.option("--accept", "accept_rule", is_flag=True,
              help="Write the candidates the threshold rule accepts to data/reference/link-reviews.tsv.")
def link_command(out: Path, reconcile: bool, snapshot: Path | None, endpoint: str | None, accept_rule: bool) -> None:
    """Write the external links with their evidence, the SSSOM mapping set and the coverage; optionally reconcile."""
    from usmxkg.link.command import run
    from usmxkg.link.wikidata import WIKIDATA_SPARQL, Endpoint, Snapshot, Source

    if (snapshot or endpoint or accept_rule) and not reconcile:
        raise click.UsageError("--snapshot, --endpoint and --accept need --reconcile")
    if snapshot and endpoint:
        raise click.UsageError("give --snapshot or --endpoint, not both")
    source: Source | None = None
    if reconcile:
        source = Snapshot(snapshot) if snapshot else Endpoint(endpoint or WIKIDATA_SPARQL)
    result = run(out, source=source, accept_rule=accept_rule)
    click.echo(f"links:     {result.links} (each with its evidence)")
    click.echo("coverage:")
    for row in result.coverage:
        click.echo(f"  {row.line()}")
    if source is not None:
        rule = sum(1 for p in result.proposals if p.decision == "accept")
        entities = len({p.entity.iri for p in result.proposals})
        click.echo(f"candidates: {len(result.proposals)} for {entities} entities from {source.name} "
                   f"({rule} accepted by the rule, the rest for review)")
        if accept_rule:
            click.echo(f"accepted:  {result.accepted} written to the reviews file")
    for path in result.outputs:
        click.echo(f"wrote {path}")


@cli.command("inspect")
@click.argument("file", type=click.Path(path_type=Path))
def inspect_command(file: Path) -> None:
    """Show the detected kind and the outline of one source document."""
    from usmxkg.readers import describe, read_path

    click.echo(describe(read_path(file)))


STORE_DIR = Path("build/store")
"""Where ``usmxkg load`` puts the embedded store and where ``query`` and ``serve`` find it."""


def _remote(endpoint: str, store: str, graph_store: str | None, update: str | None, explicit: bool,  # type: ignore[no-untyped-def]
            credentials: tuple[str, str] | None = None):
    from usmxkg.store import PROFILES, Endpoints, RemoteStore

    profile = PROFILES[store]
    return RemoteStore(Endpoints.resolve(profile, endpoint, graph_store, update), profile, explicit_dataset=explicit,
                       credentials=credentials)


_STORE_CHOICE = click.Choice(["generic", "oxigraph", "virtuoso"])


@cli.command("query")
@click.argument("name", required=False)
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="Bind a parameter (repeatable).")
@click.option("--endpoint", metavar="URL", help="Query a SPARQL 1.1 server instead of the embedded store.")
@click.option("--store", "store_kind", type=_STORE_CHOICE, default="generic", show_default=True,
              help="Server profile for --endpoint.")
@click.option("--explicit-dataset", is_flag=True,
              help="Name every graph in the request, for a server whose default graph is not the union.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True, help="Text table, or a standard SPARQL results format.")
@click.option("--location", type=click.Path(path_type=Path), default=STORE_DIR, show_default=True,
              help="The embedded store.")
@click.option("--list", "show_list", is_flag=True, help="List the query pack with titles and parameters.")
@click.option("--catalog", "show_catalog", is_flag=True,
              help="Print the pack's metadata as Turtle (queries/catalog.ttl).")
def query_command(name: str | None, params: tuple[str, ...], endpoint: str | None, store_kind: str,
                  explicit_dataset: bool, fmt: str, location: Path, show_list: bool, show_catalog: bool) -> None:
    """Run a query of the pack (by name or number) or any .rq FILE, with parameters bound as RDF terms."""
    from usmxkg.queries import DISPLAY_PREFIXES, bind, catalog, find, listing, pack, parse_params, serialise
    from usmxkg.store import EmbeddedStore

    if show_list or show_catalog:
        click.echo(listing(pack()) if show_list else catalog(pack()), nl=False)
        return
    if not name:
        raise click.UsageError("give a query NAME or FILE, or --list")
    query = find(name)
    text = bind(query, parse_params(params))
    store = _remote(endpoint, store_kind, None, None, explicit_dataset) if endpoint else EmbeddedStore.open(location)
    click.echo(serialise(store.query(text), fmt, {**DISPLAY_PREFIXES, **query.prefixes}), nl=False)


@cli.command("load")
@click.option("--dataset", type=click.Path(path_type=Path), default=Path("build/graph.nq"), show_default=True,
              help="The dataset to load (N-Quads or TriG).")
@click.option("--endpoint", metavar="URL", help="Load a SPARQL 1.1 server instead of the embedded store.")
@click.option("--store", "--target", "store_kind", type=_STORE_CHOICE, default="generic", show_default=True,
              help="Server profile for --endpoint.")
@click.option("--graph-store", metavar="URL", help="The server's Graph Store Protocol endpoint.")
@click.option("--update-endpoint", metavar="URL", help="The server's SPARQL Update endpoint (the fallback).")
@click.option("--method", type=click.Choice(["auto", "gsp", "update", "bulk"]), default="auto", show_default=True,
              help="Graph Store Protocol PUT per graph, SPARQL Update batches, the first that the server has, "
                   "or Virtuoso's bulk loader (with --isql; the server must be able to read the dataset file).")
@click.option("--isql", "isql_address", metavar="HOST:PORT", help="Virtuoso's SQL port, for --method bulk.")
@click.option("--user", envvar="USMXKG_STORE_USER", metavar="NAME", help="User name on the server.")
@click.option("--password", envvar="USMXKG_STORE_PASSWORD", metavar="SECRET",
              help="Password on the server; better from the environment, since other users of a machine "
                   "can read command lines.")
@click.option("--location", type=click.Path(path_type=Path), default=STORE_DIR, show_default=True,
              help="The embedded store to (re)build.")
def load_command(dataset: Path, endpoint: str | None, store_kind: str, graph_store: str | None,
                 update_endpoint: str | None, method: str, isql_address: str | None, user: str | None,
                 password: str | None, location: Path) -> None:
    """Load the built dataset: into the embedded store, or every named graph into a SPARQL server.

    Credentials for a server come from --user and --password, or from USMXKG_STORE_USER and
    USMXKG_STORE_PASSWORD; they are never printed.
    """
    from usmxkg.store import EmbeddedStore

    credentials = (user, password or "") if user else None
    if method == "bulk":
        from usmxkg.store_virtuoso import DEFAULT_CREDENTIALS, bulk_load

        if store_kind != "virtuoso" or not isql_address:
            raise click.UsageError("--method bulk needs --store virtuoso and --isql HOST:PORT")
        report = bulk_load(dataset, isql_address, credentials or DEFAULT_CREDENTIALS)
        target = endpoint or isql_address
    elif endpoint:
        report = _remote(endpoint, store_kind, graph_store, update_endpoint, False, credentials).load(
            dataset, method=method)
        target = endpoint
    else:
        report = EmbeddedStore.build(dataset, location)
        target = str(location)
    for note in report.notes:
        click.echo(f"note: {note}", err=True)
    removed = f", removed {len(report.removed)} stale graphs" if report.removed else ""
    click.echo(f"loaded {report.triples} triples in {report.graphs} graphs into {target} "
               f"({report.method}, {report.seconds:.2f} s{removed})")


@cli.command("serve")
@click.option("--port", type=int, default=7878, show_default=True, help="Port on 127.0.0.1.")
@click.option("--location", type=click.Path(path_type=Path), default=STORE_DIR, show_default=True,
              help="The embedded store to serve.")
def serve_command(port: int, location: Path) -> None:
    """Serve the built store read-only over the SPARQL protocol on 127.0.0.1 (Ctrl-C stops)."""
    from usmxkg.serve import serve

    click.echo(f"serving {location} at http://127.0.0.1:{port}/ (SPARQL endpoint /query); Ctrl-C stops", err=True)
    code = serve(location, port)
    if code:
        raise click.ClickException(f"oxigraph server exited with status {code}")


def main(argv: list[str] | None = None) -> int:
    """Entry point: library errors become one line on stderr and exit code 1."""
    try:
        code = cli.main(args=argv, prog_name="usmxkg", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("usmxkg: aborted", err=True)
        return 1
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except UsmxkgError as exc:
        click.echo(f"usmxkg: error: {exc}", err=True)
        return 1
    except Exception as exc:  # a bug, not bad input: one line for the user, the details for a report
        click.echo(f"usmxkg: internal error: {type(exc).__name__}: {exc} (please report this with the input)", err=True)
        return 70
    return code if isinstance(code, int) else 0  # a command's own exit status (click.exceptions.Exit)


if __name__ == "__main__":
    sys.exit(main())
