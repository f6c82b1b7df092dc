"""Source file → :class:`~usmxkg.document.Document`: the readers' public API.

``read_path``/``read_bytes`` run one fixed chain — decode the bytes, normalise
the text, detect the kind from the content, then let the kind's reader fill
in the structure — so every caller (build, ``usmxkg inspect``, benchmarks)
gets the same document from the same bytes. The document id is a hash of the
raw bytes, never of the path, so identical files mint identical ids.

Errors that mean "this is not a readable document" (empty, binary, missing,
a directory) raise :class:`~usmxkg.errors.ReadError` naming the file. A bug or
an unforeseen layout inside a kind's structural reader raises its subclass
:class:`~usmxkg.errors.StructureError`, which carries the document with its
full text and whatever structure was read: a caller that goes on
(``build --keep-going``) keeps it with a warning, and no caller can mistake a
thesis that lost its notes and references for a complete one.

``describe(doc)`` renders a short human-readable summary for ``usmxkg inspect``.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from usmxkg.document import Document, Section
from usmxkg.errors import ReadError, StructureError
from usmxkg.readers.decode import MAX_BYTES, decode, too_large
from usmxkg.readers.detect import detect
from usmxkg.readers.language import language_of
from usmxkg.readers.normalise import normalise
from usmxkg.readers.registry import reader

__all__ = ["MAX_BYTES", "describe", "document_id", "read_bytes", "read_path"]

ID_LENGTH = 16
"""Hex digits of the SHA-256 of the raw bytes kept as the document id (64 bits: no collisions in practice)."""

VALUE_CHARS = 90
"""Field values longer than this are shortened in the outline."""

LIST_VALUES = 6
"""A repeated field shows this many values in the outline, then a count of the rest."""


def document_id(data: bytes) -> str:
    """Content address of a source: the first hex digits of the SHA-256 of its bytes."""
    return hashlib.sha256(data).hexdigest()[:ID_LENGTH]


def read_path(path: str | Path, max_bytes: int = MAX_BYTES) -> Document:
    """Read one source file; OS problems become :class:`ReadError` with the path and the OS reason.

    Only a regular file is read (symbolic links to one are followed): a FIFO,
    socket or device is refused, since reading it could block for ever or never
    end. The file is opened without blocking and checked on the open
    descriptor (``fstat``), so it cannot be swapped for a FIFO in between, and
    its size is checked against ``max_bytes`` before a byte is read.
    """
    path = Path(path)
    source = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except IsADirectoryError:
        raise ReadError(source, "is a directory, not a file") from None
    except OSError as exc:
        raise ReadError(source, f"cannot read the file: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ReadError(source, "is a directory, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise ReadError(source, f"is a {_file_type(info.st_mode)}, not a regular file; refused without reading")
        if info.st_size > max_bytes:
            raise too_large(source, info.st_size, max_bytes)
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(max_bytes + 1)  # a file that grew after fstat is still bounded
    except OSError as exc:
        raise ReadError(source, f"cannot read the file: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    return read_bytes(data, source, max_bytes)


def _file_type(mode: int) -> str:
    """What a file that is not a regular one is, in the words of ``ls``/``stat``."""
    for test, name in ((stat.S_ISFIFO, "FIFO (named pipe)"), (stat.S_ISCHR, "character device"),
                       (stat.S_ISBLK, "block device"), (stat.S_ISSOCK, "socket")):
        if test(mode):
            return name
    return "special file"


def read_bytes(data: bytes, source: str, max_bytes: int = MAX_BYTES) -> Document:
    """Read a source's bytes into a document; ``source`` names it in messages and provenance."""
    text, warnings = decode(data, source, max_bytes)
    normalised = normalise(text)
    if not normalised.text.strip():
        raise ReadError(source, "no text left after removing markup and page furniture")
    detection = detect(normalised.text)
    chosen = reader(detection.kind)
    doc = Document(doc_id=document_id(data), source=source, kind=chosen.kind, text=normalised.text,
                   work_type=chosen.work_type, record=chosen.record, origin=normalised,
                   warnings=[*warnings, *detection.warnings])
    doc.detection = detection.explain()
    try:
        chosen.read(doc)
    except Exception as exc:  # the one documented catch-all: a structure bug must not lose the text
        problem = f"structure parse failed ({chosen.kind} reader): {type(exc).__name__}: {exc}"
        doc.warnings.append(problem)
        doc.language = language_of(doc.text)
        raise StructureError(source, problem, doc) from None
    doc.language = language_of(doc.text)
    return doc


def describe(doc: Document) -> str:
    """A short human-readable outline: kind and why, warnings, key fields, section tree, counts."""
    out = [
        f"file:      {doc.source}",
        f"id:        {doc.doc_id}",
        f"kind:      {doc.kind}",
        f"work:      {doc.work_type}" + (" (described by this record)" if doc.record else ""),
        f"language:  {doc.language or 'not known'}",
        f"detected:  {doc.detection}",
        f"length:    {len(doc.text):,} characters",
    ]
    out.append("warnings:" + ("  none" if not doc.warnings else ""))
    out.extend(f"  - {warning}" for warning in doc.warnings)
    out.append("fields:" + ("    none" if not doc.fields else ""))
    for name, spans in doc.fields.items():
        out.append(_field_line(name, [span.text for span in spans]))
    if doc.sections:
        out.append("sections:")
        for section in doc.sections:
            out.extend(_section_lines(section))
    counts = {
        "sections": sum(len(s.walk()) for s in doc.sections), "paragraphs": len(doc.paragraphs),
        "footnotes": len(doc.footnotes), "references": len(doc.references), "acronyms": len(doc.acronyms),
        "tables": len(doc.tables), "figures": len(doc.figures), "quotes": len(doc.quotes),
    }
    out.append("counts:    " + ", ".join(f"{name} {n}" for name, n in counts.items()))
    return "\n".join(out)


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= VALUE_CHARS else flat[: VALUE_CHARS - 1] + "…"


def _field_line(name: str, values: list[str]) -> str:
    if len(values) == 1:
        return f"  {name}: {_short(values[0])}"
    shown = "; ".join(_short(v) for v in values[:LIST_VALUES])
    more = f" (+{len(values) - LIST_VALUES} more)" if len(values) > LIST_VALUES else ""
    return f"  {name} ({len(values)}): {shown}{more}"


def _section_lines(section: Section) -> list[str]:
    indent = "  " * section.level
    label = f"{section.number}. " if section.number else ""
    lines = [f"{indent}{label}{_short(section.title.text)}"]
    for child in section.children:
        lines.extend(_section_lines(child))
    return lines
