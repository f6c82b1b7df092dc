"""The reader registry: every source kind the project reads, one module each.

A reader module declares ``READER = Reader(...)``: its kind, what it reads,
the class of the work it carries, its detection cues and its ``read()``.
Adding a kind is that module plus one line in :data:`MODULES`; detection,
``usmxkg inspect`` and the graph pick it up from here. The plain-text reader
is not in the list: it is what a text that fits no family is read as.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from usmxkg.document import WORK_TYPES, Document
from usmxkg.readers.cues import Cue

MODULES: tuple[str, ...] = (
    "usmxkg.readers.thesis",
    "usmxkg.readers.catalog",
    "usmxkg.readers.hsdl",
    "usmxkg.readers.dtic",
    "usmxkg.readers.bepress",
    "usmxkg.readers.news",
    "usmxkg.readers.report",
    "usmxkg.readers.web",
)
"""Reader modules that detection chooses among, in tie-breaking order."""

PLAIN_TEXT = "usmxkg.readers.text"
"""The fallback reader for a text that fits no family."""


@dataclass(frozen=True, slots=True)
class Reader:
    """One source kind: its name, detection cues and reading function.

    ``work_type`` is the class (an ontology local name in
    :data:`~usmxkg.document.WORK_TYPES`) of the work a document of this kind
    carries, unless the reader refines it per document. ``record`` marks kinds
    whose file is a record *about* a work (a catalogue page) rather than the
    work itself.
    """

    kind: str
    description: str
    work_type: str
    cues: tuple[Cue, ...]
    read: Callable[[Document], None]
    record: bool = False

    def __post_init__(self) -> None:
        if self.work_type not in WORK_TYPES:
            raise ValueError(f"reader {self.kind}: unknown work type {self.work_type!r}")


@cache
def readers() -> tuple[Reader, ...]:
    """The registered readers, in :data:`MODULES` order."""
    return tuple(_load(name) for name in MODULES)


@cache
def plain_text() -> Reader:
    """The reader of texts that fit no family."""
    return _load(PLAIN_TEXT)


def reader(kind: str) -> Reader:
    """The reader of one kind; :class:`KeyError` for a kind nobody registered."""
    for candidate in (*readers(), plain_text()):
        if candidate.kind == kind:
            return candidate
    raise KeyError(kind)


def _load(module_name: str) -> Reader:
    module = importlib.import_module(module_name)
    declared = getattr(module, "READER", None)
    if not isinstance(declared, Reader):
        raise TypeError(f"{module_name} does not declare READER = Reader(...)")
    return declared
