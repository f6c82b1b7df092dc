"""Deterministic serialisation: canonical blank nodes, sorted N-Quads, atomic writes.

Blank nodes (from OWL list axioms in the ontology) are relabelled with RDF
Dataset Canonicalization (RDFC-1.0, https://www.w3.org/TR/rdf-canon/), then
N-Quads lines are sorted, so the same inputs give byte-identical files.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from pyoxigraph import CanonicalizationAlgorithm, Dataset, Quad, RdfFormat, serialize

from usmxkg.vocab import PREFIXES


def canonical_dataset(quads: Iterable[Quad]) -> Dataset:
    """A dataset with duplicates removed and blank nodes canonically labelled."""
    dataset = Dataset(quads)
    dataset.canonicalize(CanonicalizationAlgorithm.RDFC_1_0)
    return dataset


def sorted_nquads(dataset: Dataset) -> bytes:
    """N-Quads with one statement per line in byte order."""
    data = serialize(dataset, format=RdfFormat.N_QUADS)
    assert data is not None  # serialize() returns bytes when given no output
    return b"".join(sorted(data.splitlines(keepends=True)))


def serialise(dataset: Dataset, rdf_format: RdfFormat) -> bytes:
    """TriG, Turtle or JSON-LD with the project prefixes, statements in sorted order.

    Formats without named graphs (Turtle) get the union of the graphs.
    """
    ordered = sorted(dataset, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    if rdf_format.supports_datasets:
        data = serialize(ordered, format=rdf_format, prefixes=PREFIXES)
    else:
        triples = sorted({q.triple for q in ordered}, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
        data = serialize(triples, format=rdf_format, prefixes=PREFIXES)
    assert data is not None  # serialize() returns bytes when given no output
    return data


def write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder, so a failure never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
