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


class BuildError(UsmxkgError):
    """The build cannot go on (missing inputs, unwritable output, bad reference data)."""
