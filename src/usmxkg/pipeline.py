"""``build()``: read every source, emit its graph, add curated graphs, write the dataset.

Map per document (:func:`convert_source`: read → emit, a pure function of
the file's bytes and the reference data, run by an executor of
:mod:`usmxkg.parallel`), then reduce in file order (claim links, entity
resolution, one sort of the N-Quads lines, TriG from them). Output files are
written only when every stage succeeded, all of them together
(:func:`usmxkg.staging.staged`).
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pyoxigraph import Quad, RdfFormat, parse, serialize

from usmxkg.document import Document
from usmxkg.errors import BuildError, ReadError, StructureError
from usmxkg.extract.gazetteer import Gazetteer
from usmxkg.graph.claim_links import LINK_GRAPH, ClaimSummary, claim_summaries, link_claims
from usmxkg.graph.emit import emit_document
from usmxkg.graph.resolve import Merge, resolve
from usmxkg.graph.serialise import (
    canonical_dataset,
    graph_key,
    serialise,
    sorted_lines,
    sorted_nquads,
    trig_from_lines,
    write_atomic,
)
from usmxkg.link.mapping_set import sssom_tsv
from usmxkg.parallel import executor_for
from usmxkg.readers import read_path
from usmxkg.reference import ReferencePaths, curated_quads, load_gazetteer
from usmxkg.staging import staged
from usmxkg.timing import StageClock
from usmxkg.validate import ValidationReport, report_files, validate_nquads
from usmxkg.vocab import GRAPH

RESOLUTION_HEADER = "merged\tkept\trule\tevidence\n"
"""Columns of ``resolution.tsv``: one row per entity merge, with the rule that made it."""

SOURCE_GRAPHS = f"{GRAPH}source/"
"""Prefix of the named graphs that hold what was read from documents."""

BUILD_OUTPUTS = frozenset({"graph.nq", "graph.trig", "resolution.tsv", "mappings.sssom.tsv",
                           "shacl-report.txt", "shacl-report.ttl", "shacl-report.json"})
"""The files a build writes; anything else in the output folder is kept across builds."""

NOT_SOURCES = frozenset({"SOURCES.md", "README.md"})
"""Files that describe a sources folder rather than being sources."""


@dataclass(slots=True)
class BuildResult:
    """What a build read and wrote, for the summary and for tests."""

    documents: list[DocumentSummary] = field(default_factory=list)
    quads: int = 0
    graphs: int = 0
    outputs: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    clock: StageClock = field(default_factory=StageClock)
    validation: ValidationReport | None = None
    merges: list[Merge] = field(default_factory=list)
    claims: list[ClaimSummary] = field(default_factory=list)

    def kinds(self) -> Counter[str]:
        return Counter(doc.kind for doc in self.documents)

    @property
    def timings(self) -> dict[str, float]:
        """Wall seconds by stage; :attr:`clock` also has CPU time and peak memory."""
        return self.clock.walls()


def source_files(folder: Path) -> list[Path]:
    """The entries of a sources folder in name order, skipping folders, hidden files and folder notes.

    Entries that are not regular files (a FIFO, a device, a dangling or looping
    symbolic link) are kept, so that reading refuses each by name instead of
    the build passing over it in silence.
    """
    if not folder.is_dir():
        raise BuildError(f"{folder}: sources folder not found")
    return sorted(
        p for p in folder.iterdir() if not p.is_dir() and not p.name.startswith(".") and p.name not in NOT_SOURCES
    )


@dataclass(frozen=True, slots=True)
class SourceTask:
    """One unit of the map step: a source file and the reference data it is read against."""

    path: Path
    paths: ReferencePaths
    started: str | None = None
    keep_going: bool = False


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """What a build keeps of a document once its graph is made: its id, file and kind."""

    doc_id: str
    source: str
    kind: str


@dataclass(slots=True)
class Converted:
    """The map step's result for one file: its graph as N-Quads, its claims, warnings and costs.

    Plain data (bytes, strings, frozen dataclasses) so it crosses process
    boundaries cheaply; ``error`` is set instead when the file cannot be read.
    """

    source: str
    document: DocumentSummary | None = None
    nquads: bytes = b""
    claims: list[ClaimSummary] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    costs: dict[str, tuple[float, float]] = field(default_factory=dict)


def _gazetteer(entities: Path) -> Gazetteer:
    """The gazetteer of the reference data, built once per process and again when the file changes."""
    try:
        stamp = entities.stat()
    except OSError:
        return load_gazetteer(entities)  # let the reader report the missing file
    return _gazetteer_of(entities, stamp.st_mtime_ns, stamp.st_size)


@lru_cache(maxsize=4)
def _gazetteer_of(entities: Path, mtime_ns: int, size: int) -> Gazetteer:
    return load_gazetteer(entities)


def convert_source(task: SourceTask) -> Converted:
    """Map step: read one file and emit its graph; a pure function of the file's bytes and the reference data."""
    out = Converted(str(task.path))
    gazetteer = _gazetteer(task.paths.entities)
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        doc = read_path(task.path)
    except StructureError as exc:
        if not task.keep_going or not isinstance(exc.document, Document):
            out.error = str(exc)
            return out
        doc = exc.document  # kept with its text and the failure among its warnings
    except ReadError as exc:
        out.error = str(exc)
        return out
    finally:
        out.costs["read"] = (time.perf_counter() - wall, time.process_time() - cpu)
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        emitted = emit_document(doc, gazetteer, task.started)
    except Exception as exc:  # a bug met on one file: name the file, and let --keep-going go on
        out.error = f"{task.path}: cannot convert: {type(exc).__name__}: {exc} (please report this with the file)"
        return out
    out.claims = claim_summaries(emitted)
    out.nquads = serialize(emitted, format=RdfFormat.N_QUADS) or b""
    out.costs["extract+emit"] = (time.perf_counter() - wall, time.process_time() - cpu)
    out.document = DocumentSummary(doc.doc_id, doc.source, doc.kind)
    out.warnings = list(doc.warnings)
    return out


def read_and_emit(
    files: list[Path],
    paths: ReferencePaths,
    result: BuildResult,
    keep_going: bool,
    started: str | None = None,
    jobs: int = 1,
) -> list[Quad]:
    """Map every file with :func:`convert_source` (on ``jobs`` processes), then gather in file order.

    Duplicates by content are skipped with a warning. A file that cannot be
    read or converted raises :class:`BuildError` naming every such file,
    unless ``keep_going`` is set, when each becomes a warning; a file whose
    structural reader failed is then kept with its full text.
    """
    with result.clock.stage("gazetteer"):
        _gazetteer(paths.entities)
    quads: list[Quad] = []
    seen: dict[str, str] = {}
    errors: list[str] = []
    executor = executor_for(jobs)
    tasks = [SourceTask(path, paths, started, keep_going) for path in files]
    try:
        with result.clock.stage("map"):
            for converted in executor.map(convert_source, tasks):
                for stage, (wall, cpu) in converted.costs.items():
                    result.clock.add(stage, wall, cpu)
                doc = converted.document
                if doc is None:
                    errors.append(converted.error or f"{converted.source}: cannot read")
                    continue
                if doc.doc_id in seen:
                    result.warnings.append(f"{converted.source}: same content as {seen[doc.doc_id]}; skipped")
                    continue
                seen[doc.doc_id] = converted.source
                result.documents.append(doc)
                with result.clock.stage("gather"):
                    quads += parse(converted.nquads, format=RdfFormat.N_QUADS)
                result.claims += converted.claims
                result.warnings += [f"{converted.source}: {w}" for w in converted.warnings]
    finally:
        executor.close()
    if errors and not keep_going:
        raise BuildError("cannot read sources:\n  " + "\n  ".join(errors))
    result.warnings += errors
    return quads


def resolve_with_curated(quads: list[Quad], paths: ReferencePaths, result: BuildResult) -> list[Quad]:
    """Reduce step: link claims across documents, add the curated graphs and resolve entities."""
    with result.clock.stage("claim-links"):
        quads += link_claims(result.claims)
    with result.clock.stage("curated"):
        quads += curated_quads(paths)
    with result.clock.stage("resolve"):
        quads, result.merges = resolve(quads)
    return quads


def build(
    sources: Path,
    out: Path,
    paths: ReferencePaths | None = None,
    keep_going: bool = False,
    validate: bool = True,
    started: str | None = None,
    jobs: int = 1,
) -> BuildResult:
    """Build ``graph.nq``, ``graph.trig``, ``resolution.tsv`` and ``mappings.sssom.tsv`` from ``sources``.

    Nothing is written unless every stage succeeded, and all the files are
    replaced together (:func:`usmxkg.staging.staged`): a failed build leaves the
    previous output as it was. With ``validate`` the
    written graph is checked against the SHACL shapes and the report is
    written beside it (``shacl-report.txt``, ``.ttl``, ``.json``). ``started`` stamps the
    conversion activities with a time; without it the output is byte-identical
    for the same inputs, whatever ``jobs`` (worker processes for the map
    step; 0 for every core). Workers are started with ``spawn``
    (:mod:`usmxkg.parallel`), so a script that calls ``build(jobs=2)`` does
    so under ``if __name__ == "__main__":``, as :mod:`multiprocessing` requires.
    """
    paths = paths or ReferencePaths()
    result = BuildResult()
    quads = read_and_emit(source_files(Path(sources)), paths, result, keep_going, started, jobs)
    quads = resolve_with_curated(quads, paths, result)

    with result.clock.stage("serialise"):
        data = serialize(quads, format=RdfFormat.N_QUADS)
        del quads  # dropped before the lines are made, so quads and lines are never held together
        lines = sorted_lines(data or b"")
        del data
        result.quads = len(lines)
        result.graphs = len(set(map(graph_key, lines)))
        resolution = RESOLUTION_HEADER + "".join(m.row() + "\n" for m in result.merges)
        outputs = {
            "graph.nq": b"".join(lines),
            "graph.trig": trig_from_lines(lines),
            "resolution.tsv": resolution.encode("utf-8"),
            "mappings.sssom.tsv": sssom_tsv(paths.links()),
        }
        del lines
    with staged(Path(out), BUILD_OUTPUTS) as stage:
        with result.clock.stage("write"):
            for name, data in outputs.items():
                _write(stage / name, data)
                result.outputs.append(Path(out) / name)
        if validate:
            with result.clock.stage("validate"):
                result.validation = validate_nquads(stage / "graph.nq")
                for name, data in report_files(result.validation).items():
                    _write(stage / name, data)
                    result.outputs.append(Path(out) / name)
    return result


FORMATS = {".nq": RdfFormat.N_QUADS, ".trig": RdfFormat.TRIG, ".ttl": RdfFormat.TURTLE, ".jsonld": RdfFormat.JSON_LD}
"""Output formats of ``convert``, chosen by the output file's extension."""


def convert(
    files: list[Path],
    out: Path,
    paths: ReferencePaths | None = None,
    keep_going: bool = False,
    with_curated: bool = False,
) -> BuildResult:
    """Convert any source files to one RDF file; the format follows ``out``'s extension.

    Entities are resolved against the reference data, but only the documents'
    own graphs are written unless ``with_curated`` adds the ontology,
    reference and link graphs. Turtle has no graphs: it gets their union.
    """
    rdf_format = FORMATS.get(Path(out).suffix.lower())
    if rdf_format is None:
        raise BuildError(f"{out}: unknown output format; use one of {', '.join(sorted(FORMATS))}")
    paths = paths or ReferencePaths()
    result = BuildResult()
    quads = resolve_with_curated(read_and_emit(list(files), paths, result, keep_going), paths, result)
    if not with_curated:
        quads = [q for q in quads if str(q.graph_name).strip("<>").startswith((SOURCE_GRAPHS, LINK_GRAPH))]
    dataset = canonical_dataset(quads)
    result.quads = len(dataset)
    result.graphs = len({q.graph_name for q in dataset})
    data = sorted_nquads(dataset) if rdf_format == RdfFormat.N_QUADS else serialise(dataset, rdf_format)
    result.outputs.append(_write(Path(out), data))
    return result


def _write(path: Path, data: bytes) -> Path:
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise BuildError(f"{path}: cannot write: {exc.strerror or exc}") from exc
    return path
