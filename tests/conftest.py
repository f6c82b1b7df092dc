"""Shared fixtures: repository paths and one corpus build per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib

from usmxkg.pipeline import BuildResult, build

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "data" / "sources"


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildResult, Path]:
    """The corpus built once into a temporary folder."""
    out = tmp_path_factory.mktemp("build")
    return build(SOURCES, out), out


@pytest.fixture(scope="session")
def corpus_dataset(corpus_build: tuple[BuildResult, Path]) -> rdflib.Dataset:
    """The corpus build's N-Quads parsed once with rdflib."""
    _, out = corpus_build
    data = rdflib.Dataset()
    data.parse(out / "graph.nq", format="nquads")
    return data
