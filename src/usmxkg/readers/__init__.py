"""Source file → :class:`~usmxkg.document.Document`: the readers' public API.

``read_path``/``read_bytes`` run one fixed chain — decode the bytes, normalise
the text, detect the kind from the content, then let the kind's reader fill
in the structure — so every caller (build, ``usmxkg inspect``, benchmarks)
gets the same document from the same bytes. The document id is a hash of the
raw bytes, never of the path, so identical files mint identical ids.

Errors that mean "this is not a readable document" (empty, binary, missing,
a directory) raise :class:`~usmxkg.errors.ReadError` naming the file. A bug or
an unforeseen layout inside a kind's structural reader does not: the
document comes back with its full text and a warning, because losing a whole
source over one malformed table is worse than a partial structure.

``describe(doc)`` renders a short human-readable summary for ``usmxkg inspect``.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from usmxkg.document import Document, Section
from usmxkg.errors import ReadError
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
    """Read one source file; OS problems become :class:`ReadError` with the path and the OS reason."""
    path = Path(path)
    source = str(path)
    if path.is_dir():
        raise ReadError(source, "is a directory, not a file")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise too_large(source, size, max_bytes)
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(source, f"cannot read the file: {exc.strerror or exc}") from None
    return read_bytes(data, source, max_bytes)


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
        doc.warnings.append(f"structure parse failed: {type(exc).__name__}: {exc}")
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
