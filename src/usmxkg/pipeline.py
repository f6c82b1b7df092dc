"""``build()``: read every source, emit its graph, add curated graphs, write the dataset.

Map per document (read → emit, a pure function of the file's bytes), then
reduce (merge, canonicalise, sort, write). Output files are written only when
every stage succeeded, all of them together.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Quad, RdfFormat

from usmxkg.document import Document
from usmxkg.errors import BuildError, ReadError, StructureError
from usmxkg.graph.claim_links import LINK_GRAPH, ClaimSummary, claim_summaries, link_claims
from usmxkg.graph.emit import emit_document
from usmxkg.graph.resolve import Merge, resolve
from usmxkg.graph.serialise import canonical_dataset, serialise, sorted_nquads, write_atomic
from usmxkg.link.mapping_set import sssom_tsv
from usmxkg.readers import read_path
from usmxkg.reference import ReferencePaths, curated_quads, load_gazetteer
from usmxkg.staging import staged
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

    documents: list[Document] = field(default_factory=list)
    quads: int = 0
    graphs: int = 0
    outputs: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    validation: ValidationReport | None = None
    merges: list[Merge] = field(default_factory=list)
    claims: list[ClaimSummary] = field(default_factory=list)

    def kinds(self) -> Counter[str]:
        return Counter(doc.kind for doc in self.documents)


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


def read_and_emit(
    files: list[Path],
    paths: ReferencePaths,
    result: BuildResult,
    keep_going: bool,
    started: str | None = None,
) -> list[Quad]:
    """Map step: each file read and emitted on its own; duplicates by content are skipped.

    A file that cannot be read or converted raises :class:`BuildError` naming
    every such file, unless ``keep_going`` is set, when each becomes a warning;
    a file whose structural reader failed is then kept with its full text.
    """
    clock = time.perf_counter()
    gazetteer = load_gazetteer(paths.entities)
    result.timings["gazetteer"] = time.perf_counter() - clock
    reading = emitting = 0.0
    quads: list[Quad] = []
    seen: dict[str, Path] = {}
    errors: list[str] = []
    for path in files:
        clock = time.perf_counter()
        try:
            doc = read_path(path)
        except StructureError as exc:
            if not keep_going or not isinstance(exc.document, Document):
                errors.append(str(exc))
                continue
            doc = exc.document  # kept with its text and the failure among its warnings
        except ReadError as exc:
            errors.append(str(exc))
            continue
        finally:
            reading += time.perf_counter() - clock
        if doc.doc_id in seen:
            result.warnings.append(f"{path}: same content as {seen[doc.doc_id]}; skipped")
            continue
        seen[doc.doc_id] = path
        result.documents.append(doc)
        clock = time.perf_counter()
        try:
            emitted = emit_document(doc, gazetteer, started)
        except Exception as exc:  # a bug met on one file: name the file, and let --keep-going go on
            errors.append(f"{path}: cannot convert: {type(exc).__name__}: {exc} (please report this with the file)")
            result.documents.pop()
            continue
        finally:
            emitting += time.perf_counter() - clock
        result.claims += claim_summaries(emitted)
        quads += emitted
        result.warnings += [f"{path}: {w}" for w in doc.warnings]  # with what emission found (totals checks)
    if errors and not keep_going:
        raise BuildError("cannot read sources:\n  " + "\n  ".join(errors))
    result.warnings += errors
    result.timings["read"] = reading
    result.timings["extract+emit"] = emitting
    return quads


def resolve_with_curated(quads: list[Quad], paths: ReferencePaths, result: BuildResult) -> list[Quad]:
    """Reduce step: link claims across documents, add the curated graphs and resolve entities."""
    clock = time.perf_counter()
    quads = quads + link_claims(result.claims)
    result.timings["claim-links"] = time.perf_counter() - clock
    clock = time.perf_counter()
    quads = quads + curated_quads(paths)
    result.timings["curated"] = time.perf_counter() - clock
    clock = time.perf_counter()
    quads, result.merges = resolve(quads)
    result.timings["resolve"] = time.perf_counter() - clock
    return quads


def build(
    sources: Path,
    out: Path,
    paths: ReferencePaths | None = None,
    keep_going: bool = False,
    validate: bool = True,
    started: str | None = None,
) -> BuildResult:
    """Build ``graph.nq``, ``graph.trig``, ``resolution.tsv`` and ``mappings.sssom.tsv`` from ``sources``.

    Nothing is written unless every stage succeeded, and all the files are
    replaced together (:func:`usmxkg.staging.staged`): a failed build leaves the
    previous output as it was. With ``validate`` the
    written graph is checked against the SHACL shapes and the report is
    written beside it (``shacl-report.txt``, ``.ttl``, ``.json``). ``started`` stamps the
    conversion activities with a time; without it the output is byte-identical
    for the same inputs.
    """
    paths = paths or ReferencePaths()
    result = BuildResult()
    quads = read_and_emit(source_files(Path(sources)), paths, result, keep_going, started)
    quads = resolve_with_curated(quads, paths, result)

    clock = time.perf_counter()
    dataset = canonical_dataset(quads)
    result.quads = len(dataset)
    result.graphs = len({q.graph_name for q in dataset})
    resolution = RESOLUTION_HEADER + "".join(m.row() + "\n" for m in result.merges)
    outputs = {
        "graph.nq": sorted_nquads(dataset),
        "graph.trig": serialise(dataset, RdfFormat.TRIG),
        "resolution.tsv": resolution.encode("utf-8"),
        "mappings.sssom.tsv": sssom_tsv(paths.links()),
    }
    result.timings["serialise"] = time.perf_counter() - clock
    with staged(Path(out), BUILD_OUTPUTS) as stage:
        for name, data in outputs.items():
            _write(stage / name, data)
            result.outputs.append(Path(out) / name)
        if validate:
            clock = time.perf_counter()
            result.validation = validate_nquads(stage / "graph.nq")
            for name, data in report_files(result.validation).items():
                _write(stage / name, data)
                result.outputs.append(Path(out) / name)
            result.timings["validate"] = time.perf_counter() - clock
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
