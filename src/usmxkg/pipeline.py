"""``build()``: read every source, emit its graph, add curated graphs, write the dataset.

Map per document (read → emit, a pure function of the file's bytes), then
reduce (merge, canonicalise, sort, write). Output files are written only when
every stage succeeded, each atomically.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Quad

from usmxkg.document import Document
from usmxkg.errors import BuildError, ReadError
from usmxkg.graph.emit import emit_document
from usmxkg.graph.serialise import canonical_dataset, sorted_nquads, trig, write_atomic
from usmxkg.readers import read_path
from usmxkg.reference import ReferencePaths, curated_quads
from usmxkg.validate import ValidationReport, validate_nquads

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

    def kinds(self) -> Counter[str]:
        return Counter(doc.kind.value for doc in self.documents)


def source_files(folder: Path) -> list[Path]:
    """The files of a sources folder in name order, skipping hidden files and folder notes."""
    if not folder.is_dir():
        raise BuildError(f"{folder}: sources folder not found")
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".") and p.name not in NOT_SOURCES)


def build(
    sources: Path,
    out: Path,
    paths: ReferencePaths | None = None,
    keep_going: bool = False,
    validate: bool = True,
) -> BuildResult:
    """Build ``out/graph.nq`` and ``out/graph.trig`` from every file in ``sources``.

    A file that cannot be read stops the build before anything is written,
    unless ``keep_going`` is set, in which case it is skipped with a warning.
    With ``validate`` the written graph is checked against the SHACL shapes and
    the report is written beside it (``shacl-report.txt``).
    """
    paths = paths or ReferencePaths()
    result = BuildResult()
    clock = time.perf_counter()
    quads: list[Quad] = []
    seen: dict[str, Path] = {}
    errors: list[str] = []
    for path in source_files(Path(sources)):
        try:
            doc = read_path(path)
        except ReadError as exc:
            errors.append(str(exc))
            continue
        if doc.doc_id in seen:
            result.warnings.append(f"{path}: same content as {seen[doc.doc_id]}; skipped")
            continue
        seen[doc.doc_id] = path
        result.documents.append(doc)
        result.warnings += [f"{path}: {w}" for w in doc.warnings]
        quads += emit_document(doc)
    if errors and not keep_going:
        raise BuildError("cannot read sources:\n  " + "\n  ".join(errors))
    result.warnings += errors
    result.timings["read+emit"] = time.perf_counter() - clock

    clock = time.perf_counter()
    quads += curated_quads(paths)
    result.timings["curated"] = time.perf_counter() - clock

    clock = time.perf_counter()
    dataset = canonical_dataset(quads)
    nquads, trig_bytes = sorted_nquads(dataset), trig(dataset)
    result.quads = len(dataset)
    result.graphs = len({q.graph_name for q in dataset})
    result.timings["serialise"] = time.perf_counter() - clock

    out = Path(out)
    for name, data in (("graph.nq", nquads), ("graph.trig", trig_bytes)):
        try:
            write_atomic(out / name, data)
        except OSError as exc:
            raise BuildError(f"{out / name}: cannot write: {exc.strerror or exc}") from exc
        result.outputs.append(out / name)

    if validate:
        clock = time.perf_counter()
        result.validation = validate_nquads(out / "graph.nq")
        write_atomic(out / "shacl-report.txt", result.validation.text.encode("utf-8"))
        result.outputs.append(out / "shacl-report.txt")
        result.timings["validate"] = time.perf_counter() - clock
    return result
