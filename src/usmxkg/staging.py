"""All of a build's files replaced together: write into a folder beside the output, then swap.

Writing ``graph.nq``, ``graph.trig`` and the reports one by one into ``build/``
means that a failure or a kill midway leaves a new graph beside old
companions. Instead the build writes into ``.build.partial-*`` beside
``build/`` (the same file system, so renames are atomic, POSIX ``rename(2)``)
and, once everything is written, renames the old folder aside, the new one
into place, and removes the old one. A failed build removes its partial
folder and leaves the previous output as it was; a killed one leaves a
partial folder that the next build into the same place removes.

Entries of the old folder that a build does not write (the embedded store of
``usmxkg load``, ``inferred.nq`` of ``usmxkg reason``, benchmark figures) are
moved into the new folder, never deleted. Folders and files get the modes the
umask gives (``mkdtemp`` and ``mkstemp`` would make them private).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from usmxkg.errors import BuildError

PARTIAL = ".partial-"
"""Infix of the folder a build writes into: ``.<out>.partial-<random>``."""

PREVIOUS = ".previous-"
"""Infix of the old output while the new one is moved into place: ``.<out>.previous-<random>``."""


def umask() -> int:
    """The process's file mode creation mask (read by setting it and restoring it, the only POSIX way)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextmanager
def staged(out: Path, outputs: frozenset[str]) -> Iterator[Path]:
    """A fresh folder to write the build into; it becomes ``out`` when the block ends without error.

    ``outputs`` names the files a build writes: an old file of that name that
    the new build did not write (the SHACL report of a build that validated,
    replaced by one that did not) goes with the old output.
    """
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise BuildError(f"{out}: exists and is not a folder")
    parent = out.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        _remove_partials(parent, out.name)
        stage = Path(tempfile.mkdtemp(dir=parent, prefix=f".{out.name}{PARTIAL}"))
    except OSError as exc:
        raise BuildError(f"{out}: cannot create the output folder: {exc.strerror or exc}") from exc
    try:
        stage.chmod(0o777 & ~umask())
        yield stage
        _swap(stage, out.absolute(), outputs)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise


def _remove_partials(parent: Path, name: str) -> None:
    """Partial folders left by a killed build into the same place."""
    for entry in parent.glob(f".{name}{PARTIAL}*"):
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)


def _swap(stage: Path, out: Path, outputs: frozenset[str]) -> None:
    """Put ``stage`` in the place of ``out``, keeping what ``out`` held that no build writes."""
    try:
        if not out.exists():
            os.rename(stage, out)
            return
        previous = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}{PREVIOUS}"))
        os.rename(out, previous / out.name)
        try:
            os.rename(stage, out)
        except OSError:
            os.rename(previous / out.name, out)
            previous.rmdir()
            raise
    except OSError as exc:
        raise BuildError(f"{out}: cannot replace the output folder: {exc.strerror or exc}") from exc
    for entry in sorted((previous / out.name).iterdir()):
        if entry.name not in outputs and not (out / entry.name).exists():
            os.rename(entry, out / entry.name)
    shutil.rmtree(previous, ignore_errors=True)
