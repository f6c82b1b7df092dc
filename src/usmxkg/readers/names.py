"""Personal names as printed in front matter and forms: the name without degrees, titles or service.

Title pages, approval pages and documentation forms print names with
academic degrees and service designators after them ("…, Ph.D.", "…, USN")
and courtesy titles before them ("Dr."). A name's span must cover the name
only, so the same person is keyed the same way whichever page named them.
"""

from __future__ import annotations

import re

from usmxkg.document import Document, Span
from usmxkg.readers.outline import strip_span

DEGREE_SUFFIX = re.compile(
    r"(?:(?:,\s*|\s+)(?:PHD|Ph\.?\s?D\.?|Ed\.?\s?D\.?|D\.?\s?Sc\.?|Sc\.?\s?D\.?|M\.?\s?B\.?\s?A\.?|M\.?\s?[AS]\.?|M\.?\s?D\.?"
    r"|J\.?\s?D\.?|DBA|D\.?\s?B\.?\s?A\.?|P\.?\s?E\.?|USN|USMC|USAF|USA|USCG|\(Ret\.?\)|Ret\.?))+\s*$"
)
"""Academic degrees and service designators after a person's name ("…, Ph.D.")."""

TITLE_PREFIX = re.compile(r"^(?:Dr\.|Prof\.|Professor)\s+")

def person_span(doc: Document, start: int, end: int) -> Span | None:
    """Span of a person's name in ``[start, end)`` without academic suffixes or titles ("Dr.", ", Ph.D.")."""
    span = strip_span(doc, start, end, marks=False)
    text = span.text
    m = DEGREE_SUFFIX.search(text)
    cut = m.start() if m and m.start() > 0 else len(text)
    text = text[:cut].rstrip(" ,")
    p = TITLE_PREFIX.match(text)
    offset = p.end() if p else 0
    if len(text) - offset < 2 or not any(c.isupper() for c in text[offset:]):
        return None
    return doc.span(span.start + offset, span.start + len(text))
