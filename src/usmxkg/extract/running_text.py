"""The sentences of a document's running text, for the extractors that look for one kind of cue.

Facts are taken from running text, not from the regions that only repeat or
cite it (DESIGN.md, ``doc.zones``): the sentences are those of
:func:`usmxkg.extract.sentences.document_sentences`, the one definition of
running text in the project; this module keeps the sentences that hold a
caller's cue and read like prose (several words, lower-case words among them).
A sentence that a block of notes or a page break interrupts is given as its
pieces, each a span of running text, so no extractor reads a note's words as
part of the sentence around it.
"""

from __future__ import annotations

import re

from usmxkg.document import Document, Span
from usmxkg.extract.sentences import document_sentences

__all__ = ["running_sentences"]

_MIN_WORDS = 4
_LOWER_WORD = re.compile(r"\b[a-z]{2,}\b")


def running_sentences(doc: Document, cue: re.Pattern[str] | None = None) -> list[Span]:
    """Sentences of running text, in text order; with ``cue``, only those where it matches."""
    out = []
    for sentence in document_sentences(doc):
        if cue is not None and not cue.search(sentence.text):
            continue
        for piece in sentence.pieces:
            if len(piece.text.split()) >= _MIN_WORDS and _LOWER_WORD.search(piece.text):
                out.append(piece)
    return out
