"""Direct speech → :class:`~usmxkg.extract.facts.Quotation` records with their speakers and sources.

Two conventions are read:

* News releases: the reader's quotes (:attr:`usmxkg.document.Document.quotes`,
  ``Quote(text, speaker)``), the speaker resolved to one person across the
  release (:class:`~usmxkg.extract.speakers.Speakers`: full name, family
  name, pronoun, office before name).
* Theses and reports (Chicago-style attributions): a quotation inside a
  sentence attributed in the same sentence — "According to X, “…”",
  "As X observed, “…”", "X argues that “…”", "“…,” X said" — and a block
  quotation, a paragraph introduced by a sentence ending "As X observed," or
  "X points out:". The note that sources the quotation is the superscript
  marker right after the closing quotation mark (or at the end of the block),
  kept when the document has that footnote.

A reader quote whose speaker the reader did not see ("“…,” he said"; "X
did Y, calling it “…”") is attributed by the same sentence patterns as
running text. A quotation without a speaker the text names (scare quotes,
titles) is not kept; nor is one of running text of fewer than
:data:`MIN_WORDS` words.
"""

from __future__ import annotations

import bisect
import re
from itertools import pairwise

from usmxkg.document import Document, Span
from usmxkg.extract.claim_cues import REPORTING_VERBS
from usmxkg.extract.facts import Entity, Quotation
from usmxkg.extract.sentences import Paragraph, Sentence
from usmxkg.extract.speakers import NAME, OFFICE, Speakers

MIN_WORDS = 4
"""Shorter quoted strings are terms or titles rather than quotations."""

SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")

_QUOTED = re.compile(r"“(?P<curly>[^”“]+)”|\"(?P<straight>[^\"]+)\"")
_CLOSING = re.compile(r"[,.!?]?[”\"]")
"""What may follow a quote's words before the attribution: its final punctuation and closing mark."""
_SPEAKER = rf"(?P<speaker>{NAME}|{OFFICE}|he|she|He|She)(?: and {NAME})?"
"""The speaker as written; of "Quintero and Feld" the first named is kept."""
_ATTRIBUTION_BEFORE = (
    re.compile(rf"\b(?:[Aa]ccording to) (?:the )?{_SPEAKER}\b[^“\"]{{0,60}}$"),
    re.compile(rf"\bAs {_SPEAKER} (?:also |has |had )?(?:{REPORTING_VERBS})\b[^“\"]{{0,80}}$"),
    re.compile(
        rf"(?:^|[,;] |\b(?:but|that) ){_SPEAKER} (?:also |has |had )?(?:{REPORTING_VERBS})(?: that)?[,:]?"
        r"(?: [a-z]+){0,3} ?$"
    ),
    # a participle of saying whose subject opens the sentence: "X praised the talks, calling them “…”"
    re.compile(
        rf"^{_SPEAKER} [^“\".;]{{0,120}}, (?:calling|describing|saying|adding|noting|declaring)\b[^“\"]{{0,40}}$"
    ),
)
_RANK_BEFORE = (
    r"(?:(?:Army|Navy|Air Force|Marine Corps|Coast Guard|Mexican) )?"
    r"(?:(?:Rear|Vice|Brig\.|Brigadier|Maj\.|Major|Lt\.|Lieutenant|Staff|Master|Chief|Petty|Command|Deputy"
    r"|Assistant|Under|Former) )*"
    r"(?:Gen\.|General|Adm\.|Admiral|Col\.|Colonel|Capt\.|Captain|Cmdr\.|Cdr\.|Commander|Maj\.|Major|Lt\.|Lieutenant"
    r"|Sgt\.|Sergeant|Officer|Secretary|Minister|Ambassador|Dr\.|Mr\.|Ms\.|Mrs\.|Prof\.|Professor) "
)
"""Service, rank or office written between "said" and the speaker's name ("said Rear Adm. NAME"): not the name."""
_ATTRIBUTION_AFTER = (
    re.compile(rf"^[,.]?[⁰¹²³⁴⁵⁶⁷⁸⁹]*\s+{_SPEAKER} (?:{REPORTING_VERBS})\b"),
    re.compile(rf"^[,.]?[⁰¹²³⁴⁵⁶⁷⁸⁹]*\s+(?:said|added|explained) (?:{_RANK_BEFORE})*{_SPEAKER}"),
)
_BLOCK_INTRO = (
    re.compile(rf"\bAs {_SPEAKER} (?:also |has |had )?(?:{REPORTING_VERBS})\b[^.]*[,:]$"),
    re.compile(rf"\b(?:[Aa]ccording to) {_SPEAKER}\b[^.]*[,:]$"),
    re.compile(rf"(?:^|[.!?;,] ){_SPEAKER} (?:also )?(?:{REPORTING_VERBS})(?: that)?[,:]$"),
)


def extract_quotations(
    doc: Document, paragraphs: list[Paragraph], sentences: list[Sentence], speakers: Speakers
) -> list[Quotation]:
    """Every attributed quotation of the document, in text order (none from a catalogue record's fields)."""
    if doc.record:
        return []
    found = _reader_quotes(doc, sentences, speakers) if doc.quotes else []
    if not doc.quotes:
        found += _inline_quotes(doc, sentences, speakers)
        found += _block_quotes(doc, paragraphs, speakers)
    found.sort(key=lambda q: (q.text.start, q.text.end))
    out: list[Quotation] = []
    for quote in found:
        if not out or quote.text.start >= out[-1].text.end:
            out.append(quote)
    return out


def _reader_quotes(doc: Document, sentences: list[Sentence], speakers: Speakers) -> list[Quotation]:
    """The reader's quotes with their speakers; one with no speaker the text names is left out."""
    starts = [s.span.start for s in sentences]
    out = []
    for quote in doc.quotes:
        evidence = _speaker_span(doc, quote.text, quote.speaker) if quote.speaker else None
        at = evidence.start if evidence else quote.text.start
        speaker = speakers.resolve(quote.speaker, at) if quote.speaker else None
        if speaker is None:
            i = bisect.bisect_right(starts, quote.text.start) - 1
            sentence = sentences[i] if i >= 0 else None
            if sentence is not None and quote.text.end <= sentence.span.end + 2:
                opening = max(sentence.span.start, quote.text.start - 1)
                mark = _CLOSING.match(doc.text, quote.text.end)
                closing = mark.end() if mark else quote.text.end
                found = _attribution(doc, sentence, opening, closing, sentence.span.end + 120, speakers)
                speaker, evidence = found if found else (None, None)
        if speaker is not None:
            out.append(Quotation(quote.text, speaker, evidence, None, doc.language))
    return out


def _speaker_span(doc: Document, quote: Span, written: str) -> Span | None:
    """Where the speaker of a reader quote is written: nearest after the quote, else before, in its paragraph."""
    after = doc.text.find(written, quote.end, quote.end + 300)
    if after >= 0 and "\n\n" not in doc.text[quote.end:after]:
        return doc.span(after, after + len(written))
    before = doc.text.rfind(written, max(0, quote.start - 300), quote.start)
    return doc.span(before, before + len(written)) if before >= 0 else None


def _inline_quotes(doc: Document, sentences: list[Sentence], speakers: Speakers) -> list[Quotation]:
    out = []
    for sentence in sentences:
        for piece in sentence.pieces:
            for match in _QUOTED.finditer(piece.text):
                group = "curly" if match.group("curly") is not None else "straight"
                words = match.group(group)
                if len(words.split()) < MIN_WORDS:
                    continue
                start = piece.start + match.start(group)
                quote = _trimmed(doc, start, start + len(words))
                attribution = _attribution(doc, sentence, piece.start + match.start(), piece.start + match.end(),
                                           piece.end, speakers)
                if attribution is None:
                    continue
                speaker, evidence = attribution
                note = _note(doc, doc.text[piece.start + match.end():piece.start + match.end() + 8])
                out.append(Quotation(quote, speaker, evidence, note, doc.language))
    return out


def _attribution(
    doc: Document, sentence: Sentence, opening: int, closing: int, limit: int, speakers: Speakers
) -> tuple[Entity, Span] | None:
    """The speaker the sentence names for the quotation from ``opening`` to ``closing`` (its quotation marks
    included), and the span naming them: before the quote, else after it (up to ``limit``)."""
    before = doc.text[sentence.span.start:opening]
    before = before[max(before.rfind("”"), before.rfind("\"")) + 1:]
    offset = opening - len(before)
    for pattern in _ATTRIBUTION_BEFORE:
        found = pattern.search(before)
        if found:
            return _resolved(doc, speakers, offset + found.start("speaker"), found.group("speaker"))
    after_start = closing
    after = doc.text[after_start:min(limit, after_start + 120)]
    for pattern in _ATTRIBUTION_AFTER:
        found = pattern.search(after)
        if found:
            return _resolved(doc, speakers, after_start + found.start("speaker"), found.group("speaker"))
    return None


def _resolved(doc: Document, speakers: Speakers, start: int, written: str) -> tuple[Entity, Span] | None:
    entity = speakers.resolve(written, start)
    if entity is None:
        return None
    return entity, doc.span(start, start + len(written))


def _block_quotes(doc: Document, paragraphs: list[Paragraph], speakers: Speakers) -> list[Quotation]:
    out = []
    for intro, block in pairwise(paragraphs):
        last = intro.pieces[-1]
        tail = last.text[-200:]
        for pattern in _BLOCK_INTRO:
            found = pattern.search(tail)
            if not found:
                continue
            start = last.end - len(tail) + found.start("speaker")
            resolved = _resolved(doc, speakers, start, found.group("speaker"))
            if resolved is None:
                break
            body = block.pieces[0]
            end = block.pieces[-1].end
            text = doc.text[body.start:end].rstrip()
            marker = re.search(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+$", text)
            note = _note(doc, marker.group()) if marker else None
            if marker:
                text = text[:marker.start()]
            if len(text.split()) >= MIN_WORDS:
                out.append(Quotation(_trimmed(doc, body.start, body.start + len(text)), *resolved, note, doc.language))
            break
    return out


def _note(doc: Document, following: str) -> int | None:
    """The footnote number marked right after a closing quotation mark, if the document has that note."""
    digits = (re.match(r"^[,.;:]?([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4})(?![⁰¹²³⁴⁵⁶⁷⁸⁹])", following.lstrip("”\""))
              or re.match(r"^([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4})$", following))
    if not digits:
        return None
    number = int(digits.group(1).translate(SUPERSCRIPTS))
    return number if any(n.number == number for n in doc.footnotes) else None


def _trimmed(doc: Document, start: int, end: int) -> Span:
    """The quoted words without surrounding spaces or the comma that hands over to the attribution (“…,” X said)."""
    text = doc.text[start:end]
    lead = len(text) - len(text.lstrip())
    words = text.strip()
    if words.endswith(","):
        words = words[:-1].rstrip()
    return doc.span(start + lead, start + lead + len(words))
