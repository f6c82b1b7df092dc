"""Running one golden case: read its input, extract its Facts, emit its quads, compare with what is expected.

A case is a folder of ``tests/cases/`` holding one ``input.*`` file (the
document, as a source file of its family would arrive), ``facts.json`` (the
Facts of :func:`usmxkg.extract.extract` written by
:func:`usmxkg.extract.facts_json.facts_json`) and ``expected.nq`` (the quads
of :func:`usmxkg.graph.emit.emit_document`, sorted N-Quads). The layout
follows morph-kgc's test cases (an input, the expected output, isomorphism
as the test): ``facts.json`` must match exactly, ``expected.nq`` by graph
isomorphism of each named graph (:func:`rdflib.compare.isomorphic`), so a
change of blank-node labels or of line order is not a failure, a changed
statement is.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import rdflib
from rdflib.compare import graph_diff, to_isomorphic

from usmxkg.extract import extract
from usmxkg.extract.facts_json import facts_json
from usmxkg.extract.gazetteer import Gazetteer
from usmxkg.graph.emit import emit_document
from usmxkg.graph.serialise import canonical_dataset, sorted_nquads
from usmxkg.readers import read_path
from usmxkg.reference import ReferencePaths, load_gazetteer

CASES = Path(__file__).resolve().parent
"""The folder of the cases."""

FACTS = "facts.json"
EXPECTED = "expected.nq"

SHOWN_DIFFERENCES = 40
"""Statements listed on each side of a failed isomorphism check before the rest is counted."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the pipeline gives for one case's input: the Facts as JSON text and the sorted N-Quads."""

    facts: str
    nquads: bytes


def case_folders(names: list[str] | None = None) -> list[Path]:
    """The case folders (those with an input file) in name order, or the named ones; an unknown name is an error."""
    found = {path.name: path for path in sorted(CASES.iterdir()) if path.is_dir() and _inputs(path)}
    if not names:
        return list(found.values())
    unknown = [name for name in names if name not in found]
    if unknown:
        raise LookupError(f"no case named {', '.join(unknown)} in {CASES} (cases: {', '.join(found)})")
    return [found[name] for name in names]


def input_file(folder: Path) -> Path:
    """The case's one input file (``input.txt``, ``input.md``, ``input.html`` …)."""
    inputs = _inputs(folder)
    if len(inputs) != 1:
        raise LookupError(f"{folder}: expected one input.* file, found {len(inputs)}")
    return inputs[0]


def _inputs(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.stem == "input")


@cache
def gazetteer() -> Gazetteer:
    """The reference names, loaded once: the build's own reference data."""
    return load_gazetteer(ReferencePaths().entities)


def run(folder: Path) -> Outcome:
    """Read the case's input with the reader registry, extract its Facts and emit its graph."""
    doc = read_path(input_file(folder))
    facts = extract(doc, gazetteer())
    quads = emit_document(doc, gazetteer())
    return Outcome(facts_json(facts), sorted_nquads(canonical_dataset(quads)))


def write(folder: Path, outcome: Outcome) -> None:
    """Store an outcome as the case's expected files."""
    (folder / FACTS).write_text(outcome.facts, encoding="utf-8")
    (folder / EXPECTED).write_bytes(outcome.nquads)


def nquads_differences(expected: bytes, actual: bytes) -> list[str]:
    """How two N-Quads documents differ, graph by graph, up to blank-node labels; empty when isomorphic."""
    want, got = _graphs(expected), _graphs(actual)
    out: list[str] = []
    for name in sorted(want.keys() | got.keys()):
        if name not in got:
            out.append(f"graph {name}: expected, not emitted ({len(want[name])} statements)")
            continue
        if name not in want:
            out.append(f"graph {name}: emitted, not expected ({len(got[name])} statements)")
            continue
        left, right = to_isomorphic(want[name]), to_isomorphic(got[name])
        if left == right:
            continue
        _, missing, extra = graph_diff(left, right)
        out.append(f"graph {name}: {len(missing)} missing, {len(extra)} unexpected statement(s)")
        out += _listed("missing", missing) + _listed("unexpected", extra)
    return out


def _graphs(data: bytes) -> dict[str, rdflib.Graph]:
    dataset = rdflib.Dataset()
    dataset.parse(data=data, format="nquads")
    graphs: dict[str, rdflib.Graph] = {}
    for context in dataset.graphs():
        if len(context):
            graph = rdflib.Graph()
            for triple in context:
                graph.add(triple)
            graphs[str(context.identifier)] = graph
    return graphs


def _listed(label: str, graph: rdflib.Graph) -> list[str]:
    lines = sorted(f"  {label}: {s.n3()} {p.n3()} {o.n3()}" for s, p, o in graph)
    if len(lines) > SHOWN_DIFFERENCES:
        lines = [*lines[:SHOWN_DIFFERENCES], f"  … and {len(lines) - SHOWN_DIFFERENCES} more {label}"]
    return lines
