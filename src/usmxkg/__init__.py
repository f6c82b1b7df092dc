"""usmxkg: a knowledge graph of U.S.-Mexico defense relations built from source documents.

The public surface is small on purpose; the command line is a thin layer over it.
Heavy modules load on first use, so importing a reader does not import the pipeline.
"""

from __future__ import annotations

from typing import Any

from usmxkg._version import __version__

__all__ = ["BuildResult", "__version__", "build"]


def __getattr__(name: str) -> Any:
    if name in {"build", "BuildResult"}:
        from usmxkg import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'usmxkg' has no attribute {name!r}")
