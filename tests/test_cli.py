"""The command line is thin: it prints the library's results and turns errors into exit codes."""

from __future__ import annotations

from usmxkg.cli import main

from .conftest import SOURCES


def test_build_prints_a_summary(tmp_path, capsys):
    assert main(["build", "--sources", str(SOURCES), "--out", str(tmp_path), "--no-validate"]) == 0
    out = capsys.readouterr().out
    assert "documents: 5 (1 catalog-record, 1 news-release, 2 thesis, 1 web-article)" in out
    assert "triples:" in out and "graphs:    9" in out  # 5 sources, ontology, reference, links, claim links
    assert (tmp_path / "graph.nq").exists()


def test_missing_folder_exits_1_with_the_path(tmp_path, capsys):
    assert main(["build", "--sources", str(tmp_path / "none"), "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "none: sources folder not found" in err
    assert "Traceback" not in err


def test_inspect_names_the_kind(capsys):
    assert main(["inspect", str(SOURCES / sorted(p.name for p in SOURCES.glob("*.txt"))[3])]) == 0
    assert "news-release" in capsys.readouterr().out


def test_inspect_missing_file_exits_1(tmp_path, capsys):
    assert main(["inspect", str(tmp_path / "missing.txt")]) == 1
    assert "missing.txt" in capsys.readouterr().err


def test_usage_error_exits_2(capsys):
    assert main(["build", "--no-such-option"]) == 2
