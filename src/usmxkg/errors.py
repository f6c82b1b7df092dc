"""Errors that reach users: each names the file and the problem, never a traceback."""

from __future__ import annotations


class UsmxkgError(Exception):
    """Base of every error the command line reports as a one-line message with exit code 1."""


class ReadError(UsmxkgError):
    """A source file cannot be read as a document (empty, binary, unreadable)."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class StructureError(ReadError):
    """A kind's structural reader failed on a file: its notes, references or sections may be missing.

    Raised rather than returned as a warning because a document missing its
    footnotes and references would otherwise pass for a complete one. The
    document with its full text and what structure was read before the failure
    is kept on ``document``, for a caller that chose to go on (``--keep-going``).
    """

    def __init__(self, source: str, problem: str, document: object) -> None:
        super().__init__(source, problem)
        self.document = document


class BuildError(UsmxkgError):
    """The build cannot go on (missing inputs, unwritable output, bad reference data)."""
