"""Quoted speech in news stories and who said it, the way reporters attribute quotes.

Quotes are attributed the way reporters write them: the attribution next to
the quote (``,” Rebecca B. Chavez said``; ``Chavez added, “…``), else the
speaker of the previous quote in the same paragraph, else an attribution
elsewhere in the paragraph, else the speaker of a quote left open at the end
of the previous paragraph (the continued-quote convention). A pronoun
speaker ("she said") is resolved to the last person named as speaking
before it. Military newsrooms put the speaker's nationality, service and
rank before the name, in AP abbreviations ("said Lt. Gen. NAME IV") or as a
foreign rank glossed in parentheses ("said Mexican navy Capitán de Fragata
(Cmdr.) NAME"); those words are matched and dropped from the speaker's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from usmxkg.document import Document, Quote, Span
from usmxkg.readers.news_patterns import GLOSSED_RANK, LOWER, MILITARY_RANK, NAME, RANK_PREFIX, UPPER

CONTEXT_CHARS = 160
"""How far from a quote mark a direct attribution is looked for."""

MIN_QUOTE_WORDS = 3
"""Shorter unattributed quotations are scare quotes or titles, not speech."""

PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey)"
VERBS = (r"(?:said|says|added|adds|explained|explains|noted|notes|told|tells|stated|states"
         r"|emphasi[sz]ed|emphasi[sz]es|stressed|stresses|continued|remarked|observed|asked|asks|replied"
         r"|answered|declared|announced|wrote|writes|recalled|argued|argues|insisted|acknowledged"
         r"|warned|warns|concluded|agreed|pointed out|according to"
         r"|afirmó|dijo|señaló|explicó|indicó|aseguró|declaró|destacó|agregó|añadió|subrayó|expresó|comentó"
         r"|manifestó|sostuvo|precisó)")
"""Speech verbs of news attribution (English, and Spanish as Mexican government bulletins write it)."""

NATIONALITY = rf"(?:U\.S\.|[{UPPER}][{LOWER}]+(?:an|ese|ish|ch|i))"
SERVICE_WORDS = (r"(?:[Aa]rmy|[Nn]avy|[Aa]ir [Ff]orce|[Mm]arine [Cc]orps|[Mm]arines?|[Cc]oast [Gg]uard"
                 r"|[Ss]pace [Ff]orce|(?:[Aa]ir |[Aa]rmy )?[Nn]ational [Gg]uard)")
SPANISH_RANK = (r"(?:Vicealmirante|Contralmirante|Almirante|General\s+de\s+(?:División|Brigada|Grupo|Ala)|General"
                r"|Teniente\s+Coronel|Coronel|Capitán\s+de\s+(?:Navío|Fragata|Corbeta)|Capitán|Teniente|Sargento"
                r"|Secretario|Subsecretario|Almirante\s+Secretario)")
"""Mexican ranks and offices written before a name without an English gloss ("el Vicealmirante NAME")."""
SPEAKER_PREFIX = (rf"(?:(?:(?:el|la)\s+)?(?:{NATIONALITY}\s+)?(?:{SERVICE_WORDS}\s+)?"
                  rf"(?:(?:{GLOSSED_RANK}|{MILITARY_RANK}|{SPANISH_RANK})\s+)+)")
"""Nationality, service and rank before a speaker's name ("Mexican navy Teniente de Navío (Lt.) ", "el
Vicealmirante ")."""

SPEAKER = rf"(?:{SPEAKER_PREFIX})?(?P<who>{NAME}|{PRONOUN})"

_AFTER_NAME_VERB = re.compile(rf",?\s*{SPEAKER}\s+{VERBS}\b")
_AFTER_VERB_NAME = re.compile(rf",?\s*{VERBS}\s+{SPEAKER}\b")
"""Attributions after a quote; the comma stands outside the marks in Spanish ("”, afirmó …")."""
_BEFORE = re.compile(rf"(?P<who>\b{NAME}|\b{PRONOUN})\s+{VERBS}(?:\s+[^“”\".!?;]{{0,60}}?)?\s*[,:]?\s*$")
_VERB = re.compile(rf"\b{VERBS}\b")
_NAME_BEFORE = re.compile(rf"(?P<who>\b{NAME}|\b{PRONOUN})\s+$")
_NAME_AFTER = re.compile(rf"\s+(?:{SPEAKER_PREFIX})?(?P<who>{NAME})\b")
_APPOSITION = re.compile(
    rf"(?P<who>\b{NAME}),\s+(?:the|a|an|who|whose|which)\s(?:(?!\.\s+[{UPPER}])[^;:“”\"]){{3,120}}?,\s+$")
WINDOW_CHARS = 200
"""How far before a speech verb its speaker is looked for."""
_QUOTE = re.compile(r"“(?P<curly>[^“”]*)(?P<close>”|$)|\"(?P<straight>[^\"]*)(?P<sclose>\"|$)")

TITLE_WORDS = frozenset({
    "mr", "mrs", "ms", "dr", "gen", "adm", "col", "lt", "maj", "capt", "cmdr", "sgt", "cpl", "pvt", "brig",
    "rear", "vice", "president", "secretary", "minister", "deputy", "assistant", "under", "undersecretary",
    "general", "admiral", "colonel", "major", "captain", "lieutenant", "sergeant", "ambassador", "senator",
    "sen", "rep", "representative", "gov", "governor", "army", "navy", "air", "force", "marine", "corps",
    "defense", "defence", "chief", "commander", "director", "spokesman", "spokeswoman", "spokesperson",
    "prime", "attorney", "chairman", "chairwoman", "chair", "mexican", "american", "foreign", "state",
    "pentagon", "press", "officer", "coast", "guard", "national", "sec", "amb", "pres",
    "the", "a", "an", "in", "on", "at", "but", "and", "as", "when", "after", "before", "then", "so", "also",
    "while", "later", "earlier", "still", "yet", "however", "meanwhile", "today", "yesterday",
    "el", "la", "vicealmirante", "contralmirante", "almirante", "coronel", "teniente", "capitán", "sargento",
    "secretario", "subsecretario",
})
"""Capitalised words that precede a name (ranks, offices, sentence openers) but are not part of it."""


@dataclass(slots=True)
class _Attribution:
    """A speaker as written at a position in the text, before pronoun resolution."""

    position: int
    who: str


Speaker = _Attribution | str
"""An attribution still to resolve, or a speaker already resolved (carried from the previous paragraph)."""


def find_quotes(doc: Document, paragraphs: list[Span]) -> list[Quote]:
    """Quoted speech in the paragraphs, each with its speaker as written or resolved."""
    named = _named_attributions(doc, paragraphs)
    quotes: list[Quote] = []
    carry = ""
    for paragraph in paragraphs:
        found, carry = _paragraph_quotes(doc, paragraph, carry, named)
        quotes.extend(found)
    return quotes


def _paragraph_quotes(doc: Document, paragraph: Span, carry: str,
                      named: list[_Attribution]) -> tuple[list[Quote], str]:
    """Quotes of one paragraph and the speaker of a quote left open at its end ("" if none)."""
    text = doc.text
    matches = list(_QUOTE.finditer(text, paragraph.start, paragraph.end))
    masked = _mask(text, paragraph, matches)
    out: list[Quote] = []
    previous: Speaker = ""
    for k, match in enumerate(matches):
        inner = "curly" if match.group("curly") is not None else "straight"
        closed = bool(match.group("close") or match.group("sclose"))
        next_start = matches[k + 1].start() if k + 1 < len(matches) else paragraph.end
        prev_end = matches[k - 1].end() if k else paragraph.start
        before_start = max(prev_end, match.start() - CONTEXT_CHARS)
        direct = _direct_speaker(text[match.end():min(next_start, match.end() + CONTEXT_CHARS)],
                                 text[before_start:match.start()], match.end(), match.start())
        who: Speaker | None = direct or previous or _paragraph_speaker(masked, paragraph.start) or (
            carry if k == 0 and match.start() == paragraph.start else None)
        span = _quote_span(doc, match.start(inner), match.end(inner))
        if span is None or (direct is None and len(span.text.split()) < MIN_QUOTE_WORDS):
            continue
        speaker = _resolve(who, named) if who else ""
        previous = who or previous
        out.append(Quote(span, speaker))
        carry = speaker if not closed else ""
    if not matches:
        carry = ""
    return out, carry


def _direct_speaker(after: str, before: str, after_at: int, before_at: int) -> _Attribution | None:
    """The attribution written right after (``,” Chavez said``) or right before (``Chavez added, “``)."""
    match = _AFTER_NAME_VERB.match(after) or _AFTER_VERB_NAME.match(after)
    if match:
        return _Attribution(after_at + match.start("who"), match.group("who"))
    match = _BEFORE.search(before)
    if match:
        return _Attribution(before_at - len(before) + match.start("who"), match.group("who"))
    return None


def _paragraph_speaker(masked: str, offset: int) -> _Attribution | None:
    """The first attribution anywhere in the paragraph outside the quotes."""
    found = _attributions(masked)
    return _Attribution(offset + found[0][0], found[0][1]) if found else None


def _attributions(masked: str) -> list[tuple[int, str]]:
    """Every attribution of a (masked) paragraph as (offset, speaker as written), in text order.

    An attribution is "NAME said", "said NAME", or "NAME, the/who …, said"
    (apposition). Each speech verb is found first and its speaker looked for
    next to it, so the cost stays linear in the paragraph's length.
    """
    out: list[tuple[int, str]] = []
    for verb in _VERB.finditer(masked):
        window = max(0, verb.start() - WINDOW_CHARS)
        before = _NAME_BEFORE.search(masked, window, verb.start())
        apposition = _APPOSITION.search(masked, window, verb.start())
        found = [m for m in (apposition, before) if m]
        if found:
            match = min(found, key=lambda m: m.start("who"))
        else:
            after = _NAME_AFTER.match(masked, verb.end())
            if after is None:
                continue
            match = after
        if not out or out[-1][0] != match.start("who"):
            out.append((match.start("who"), match.group("who")))
    return sorted(out)


def _mask(text: str, paragraph: Span, matches: list[re.Match[str]]) -> str:
    """The paragraph with quoted words blanked, so names inside quotes are not taken as speakers."""
    chars = list(text[paragraph.start:paragraph.end])
    for match in matches:
        for i in range(match.start() - paragraph.start, match.end() - paragraph.start):
            chars[i] = " "
    return "".join(chars)


def _quote_span(doc: Document, start: int, end: int) -> Span | None:
    """The quoted words without surrounding blanks and the comma American style puts inside the marks."""
    while start < end and doc.text[start].isspace():
        start += 1
    while end > start and (doc.text[end - 1].isspace() or doc.text[end - 1] == ","):
        end -= 1
    return doc.span(start, end) if end > start else None


def _named_attributions(doc: Document, paragraphs: list[Span]) -> list[_Attribution]:
    """Every "NAME said" / "said NAME" outside quotes, in text order, for pronoun resolution."""
    out = []
    for paragraph in paragraphs:
        matches = list(_QUOTE.finditer(doc.text, paragraph.start, paragraph.end))
        masked = _mask(doc.text, paragraph, matches)
        for start, who in _attributions(masked):
            name = clean_name(who)
            if name and not _is_pronoun(name):
                out.append(_Attribution(paragraph.start + start, name))
    return out


def _resolve(who: Speaker, named: list[_Attribution]) -> str:
    """A name as written (titles dropped); a pronoun becomes the last name attributed before it."""
    if isinstance(who, str):
        return who
    if not _is_pronoun(who.who):
        return clean_name(who.who)
    earlier = [a for a in named if a.position < who.position]
    return earlier[-1].who if earlier else ""


def _is_pronoun(word: str) -> bool:
    return word.lower() in {"he", "she", "they"}


def clean_name(name: str) -> str:
    """Drop leading ranks, offices and sentence openers ("Mexican President Enrique Peña Nieto" → name)."""
    words = name.split()
    while True:
        rank = RANK_PREFIX.match(" ".join(words) + " ")
        if rank is not None and len(rank.group().split()) < len(words):
            words = words[len(rank.group().split()):]
        if len(words) > 1 and words[0].rstrip(".").lower() in TITLE_WORDS:
            words.pop(0)
            continue
        return " ".join(words)
