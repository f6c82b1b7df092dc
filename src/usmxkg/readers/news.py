"""News-release reader: headline, dateline, byline, body paragraphs and quoted speech.

Wire and government releases (DoD News, AP, Reuters, PR Newswire, press-
release aggregators) share a layout fixed by newsroom convention: a headline,
a dateline opening the first paragraph ("WASHINGTON, Oct. 18, 2016 — ",
"MEXICO CITY (AP) — "), a byline ("By NAME" at the top, or "NAME, DoD News",
or a closing "(Follow NAME on Twitter: @…)"), paragraphs of reported and quoted
speech, and aggregator boilerplate around it (post counters, "Distribution
channels: …"). Boilerplate is recognised by these conventions and kept out of
the paragraphs so extractors never read it as the article's claims.

Quotes are attributed the way reporters write them: the attribution next to
the quote (``,” Rebecca B. Chavez said``; ``Chavez added, “…``), else the
speaker of the previous quote in the same paragraph, else an attribution
elsewhere in the paragraph, else the speaker of a quote left open at the end
of the previous paragraph (the continued-quote convention). A pronoun
speaker ("she said") is resolved to the last person named as speaking
before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from usmxkg.document import Document, Quote, Span
from usmxkg.readers.cues import Cue, Sample, flag
from usmxkg.readers.lines import Line, is_title_like, paragraph_spans, split_lines
from usmxkg.readers.registry import Reader

HEAD_LINES = 12
"""The dateline and byline are looked for among the first lines only."""

TAIL_LINES = 4
"""Closing bylines ("Follow NAME on Twitter", "NAME, DoD News") are looked for among the last lines."""

CONTEXT_CHARS = 160
"""How far from a quote mark a direct attribution is looked for."""

MIN_QUOTE_WORDS = 3
"""Shorter unattributed quotations are scare quotes or titles, not speech."""

UPPER = "A-ZÁÉÍÓÚÑÜ"
LOWER = "a-záéíóúñüç"
MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
         r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
SPANISH_MONTH = (r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|sept?iembre|octubre"
                 r"|noviembre|diciembre)")
DATE = (rf"(?:{MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+{MONTH}(?:,?\s+\d{{4}})?"
        rf"|\d{{1,2}}\s+de\s+{SPANISH_MONTH}(?:\s+de\s+\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}})")
"""A date as datelines and date lines print it: "Oct. 18, 2016", "3 June 2019", "3 de junio de 2019"."""

CITY = rf"(?=[^,(\n]{{2,40}}[,(\s—–-])[{UPPER}][{UPPER}.'’-]*(?:\s[{UPPER}][{UPPER}.'’-]*){{0,3}}"
REGION = rf"[{UPPER}][{LOWER}{UPPER}.]*(?:\s[{UPPER}][{LOWER}{UPPER}.]*)?"
DATELINE = re.compile(
    rf"^(?P<place>{CITY}(?:,\s*{REGION})?)"
    rf"(?:,\s*(?P<date>{DATE}))?"
    r"\s*(?:\((?P<agency>[A-Za-z][\w .&-]{0,30})\))?"
    r"\s*(?:/[^/\n]{1,40}/)?"
    r"(?:\s*(?:—|–|--)\s*|\s+-\s+|\s+-$)"
)
"""Place in capitals, optional date, optional agency "(AP)", optional "/PRNewswire/", then a dash.

A plain hyphen counts only with spaces around it, so "U.S.-MEXICO" in a
capitalised title is not a dateline.
"""

DATE_LINE = re.compile(
    rf"^(?:(?:Posted|Published|Updated|Released|Date)(?: on)?:?\s+)?"
    rf"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?P<date>{DATE})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}.*)?$",
    re.IGNORECASE,
)
"""A line that is only a publication date (with an optional weekday, label or time)."""

CAPWORD = rf"[{UPPER}](?=[\w'’-]{{0,30}}[{LOWER}])[\w'’-]{{1,31}}"
INITIAL = rf"[{UPPER}]\."
PARTICLE = r"(?:de|del|de la|la|las|los|van|von|da|dos|di|le)"
RANK = (r"(?:Mr|Mrs|Ms|Dr|Gen|Adm|Col|Lt|Maj|Capt|Cmdr|Cdr|Sgt|Cpl|Pvt|Spc|Brig|Sen|Rep|Gov|Amb|Sec"
        r"|Pres|Prof|Rev|Insp|Supt)\.")
"""AP-style abbreviated ranks and honorifics that may precede a name ("Maj. Gen.", "Sen.")."""

NAME = (rf"(?:(?:{CAPWORD}|{INITIAL}|{RANK})\s+(?:{PARTICLE}\s+)?){{0,5}}{CAPWORD}"
        r"(?:,?\s+(?:Jr|Sr)\.|\s+(?:II|III|IV))?")
"""A person's name as printed: capitalised words and initials, Spanish/Dutch particles, Jr./Sr.

Ranks and offices before it are matched too and dropped by :func:`clean_name`.
"""

PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey)"
VERBS = (r"(?:said|says|added|adds|explained|explains|noted|notes|told|tells|stated|states"
         r"|emphasi[sz]ed|emphasi[sz]es|stressed|stresses|continued|remarked|observed|asked|asks|replied"
         r"|answered|declared|announced|wrote|writes|recalled|argued|argues|insisted|acknowledged"
         r"|warned|warns|concluded|agreed|pointed out|according to)")
"""Speech verbs of news attribution."""

_AFTER_NAME_VERB = re.compile(rf"\s*(?P<who>{NAME}|{PRONOUN})\s+{VERBS}\b")
_AFTER_VERB_NAME = re.compile(rf"\s*{VERBS}\s+(?P<who>{NAME}|{PRONOUN})\b")
_BEFORE = re.compile(rf"(?P<who>\b{NAME}|\b{PRONOUN})\s+{VERBS}(?:\s+[^“”\".!?;]{{0,60}}?)?\s*[,:]?\s*$")
_ANYWHERE = re.compile(
    rf"(?P<who>\b{NAME}|\b{PRONOUN})\s+{VERBS}\b"
    rf"|\b{VERBS}\s+(?P<who2>{NAME})\b"
    rf"|(?P<who3>\b{NAME}),\s+(?:the|a|an|who|whose|which)\s(?:(?!\.\s+[{UPPER}])[^;:“”\"]){{3,120}}?,\s+{VERBS}\b"
)
"""An attribution anywhere: "NAME said", "said NAME", or "NAME, the/who …, said" (apposition)."""
_QUOTE = re.compile(r"“(?P<curly>[^“”]*)(?P<close>”|$)|\"(?P<straight>[^\"]*)(?P<sclose>\"|$)")

SOCIAL = r"(?:Twitter|X|Facebook|Instagram|LinkedIn|Threads|Bluesky)"
"""Networks named in "Follow NAME on …" closing bylines."""

BOILERPLATE = re.compile(
    r"^(?:There (?:were|are|was) [\d,]+ press releases? posted\b.*"
    r"|Distribution channels?:.*"
    rf"|\(?Follow .{{2,60}}? on {SOCIAL}\b.*"
    r"|FOR IMMEDIATE RELEASE.*|#{3}|-\s*30\s*-|Share this(?: article| story)?:?|Release No\.?:?\s*\S.*"
    r"|Media (?:contacts?|inquiries):?.*|Contact:.*|Print|E-?mail this|Back to top|Subscribe.*)$",
    re.IGNORECASE,
)
"""Whole lines that frame a release (aggregator counters, sharing and contact furniture)."""

_FOLLOW = re.compile(rf"^\(?Follow (?P<name>{NAME}) on {SOCIAL}\b")
_BY = re.compile(r"^By:?\s+(?P<rest>\S.{0,120})$")
_ORG_BYLINE = re.compile(
    rf"^(?P<name>{NAME}),\s+(?:[{UPPER}][\w.&'’-]*\s+)*"
    r"(?:News|Press|Service|Media Activity|Staff Writer|Correspondent|Reporter|Writer|Editor|Wire)\.?$"
)
_NAME_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)")
_WHOLE_NAME = re.compile(rf"^{NAME}$")
ORG_WORDS = frozenset({
    "news", "press", "service", "staff", "media", "agency", "department", "office", "ministry", "command",
    "activity", "wire", "reuters", "associated", "bureau", "affairs", "public", "navy", "army", "force",
    "marine", "corps", "guard", "times", "post", "journal", "daily", "network", "magazine", "correspondent",
    "writer", "reporter", "editor", "contributor", "center", "centre", "institute", "university",
    "headquarters", "division", "group", "team", "desk", "communications", "relations", "defense",
})
"""Words that mark a byline part as an organisation rather than a person."""

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
})
"""Capitalised words that precede a name (ranks, offices, sentence openers) but are not part of it."""


@dataclass(slots=True)
class _Attribution:
    """A speaker as written at a position in the text, before pronoun resolution."""

    position: int
    who: str


Speaker = _Attribution | str
"""An attribution still to resolve, or a speaker already resolved (carried from the previous paragraph)."""


def read(doc: Document) -> None:
    """Fill a NEWS_RELEASE document: title, dateline-place, date, author, paragraphs and quotes."""
    lines = split_lines(doc.text)
    skip = {i for i, line in enumerate(lines) if BOILERPLATE.match(line.text)}
    _read_follow_bylines(doc, lines, skip)
    dateline = _find_dateline(lines, skip)
    head_end = dateline[0] if dateline else _head_end_without_dateline(lines, skip)
    _read_head(doc, lines, skip, head_end)
    body = [line for i, line in enumerate(lines) if i not in skip and i >= head_end]
    if dateline:
        index, match = dateline
        _read_dateline(doc, lines[index], match)
        line = lines[index]
        start = line.start + match.end()
        body[0] = Line(start, line.end, doc.text[start:line.end])
        if start >= line.end:
            body.pop(0)
    else:
        doc.warnings.append("news release: no dateline found")
    body = _drop_tail_bylines(doc, body)
    doc.paragraphs.extend(paragraph_spans(doc, body))
    doc.quotes.extend(find_quotes(doc, doc.paragraphs))
    if "title" not in doc.fields:
        doc.warnings.append("news release: no headline found")


def find_dateline(lines: list[Line], limit: int = HEAD_LINES) -> tuple[int, re.Match[str]] | None:
    """Index and match of a dateline among the first ``limit`` lines; used by kind detection too."""
    for index, line in enumerate(lines[:limit]):
        match = DATELINE.match(line.text)
        if match and _credible_dateline(match):
            return index, match
    return None


def _credible_dateline(match: re.Match[str]) -> bool:
    """A date or agency makes a dateline; a bare place needs a real word of capitals before the dash."""
    if match.group("date") or match.group("agency"):
        return True
    letters = [c for c in match.group("place") if c.isalpha()]
    return len(letters) >= 4 and match.group("place").isupper()


def _find_dateline(lines: list[Line], skip: set[int]) -> tuple[int, re.Match[str]] | None:
    kept = [i for i in range(len(lines)) if i not in skip][:HEAD_LINES]
    found = find_dateline([lines[i] for i in kept])
    return (kept[found[0]], found[1]) if found else None


def _head_end_without_dateline(lines: list[Line], skip: set[int]) -> int:
    """Without a dateline the head is the headline plus the byline/date lines right after it."""
    index = next((i for i in range(len(lines)) if i not in skip), len(lines))
    end = index + 1
    while end < len(lines) and (end in skip or _BY.match(lines[end].text) or DATE_LINE.match(lines[end].text)
                                or _ORG_BYLINE.match(lines[end].text)):
        end += 1
    return min(end, len(lines))


def _read_head(doc: Document, lines: list[Line], skip: set[int], head_end: int) -> None:
    """Headline, byline, date line and subheadline in the lines before the body."""
    for i in range(head_end):
        if i in skip:
            continue
        line = lines[i]
        date = DATE_LINE.match(line.text)
        if _BY.match(line.text) and _read_by_line(doc, line):
            continue
        org = _ORG_BYLINE.match(line.text)
        if org:
            _add_author(doc, line.start + org.start("name"), line.start + org.end("name"))
        elif date:
            _add_group(doc, "date-published", line, date, "date")
        elif "title" not in doc.fields and is_title_like(line):
            doc.add_field("title", doc.span(line.start, line.end))
        else:
            doc.add_field("subtitle", doc.span(line.start, line.end))


def _read_dateline(doc: Document, line: Line, match: re.Match[str]) -> None:
    _add_group(doc, "dateline-place", line, match, "place")
    if match.group("date"):
        _add_group(doc, "date", line, match, "date")
    elif "date-published" in doc.fields:
        doc.add_field("date", doc.fields["date-published"][0])
    if match.group("agency"):
        _add_group(doc, "dateline-agency", line, match, "agency")


def _add_group(doc: Document, name: str, line: Line, match: re.Match[str], group: str) -> None:
    """Record a regex group matched inside ``line`` as a field value."""
    doc.add_field(name, doc.span(line.start + match.start(group), line.start + match.end(group)))


def _read_by_line(doc: Document, line: Line) -> bool:
    """Authors of a "By NAME[, NAME and NAME][, ORGANISATION]" line; False when no name is found."""
    match = _BY.match(line.text)
    if match is None:
        return False
    found = False
    cursor = line.start + match.start("rest")
    for part in _NAME_SEPARATOR.split(match.group("rest")):
        start = doc.text.index(part, cursor) if part else cursor
        cursor = start + len(part)
        if not part or not _is_person(part):
            break
        _add_author(doc, start, start + len(part))
        found = True
    return found


def _is_person(text: str) -> bool:
    words = text.replace(".", " ").split()
    return bool(_WHOLE_NAME.match(text)) and len(words) >= 2 and not ORG_WORDS & {w.lower() for w in words}


def _read_follow_bylines(doc: Document, lines: list[Line], skip: set[int]) -> None:
    for i in sorted(skip):
        match = _FOLLOW.match(lines[i].text)
        if match:
            _add_author(doc, lines[i].start + match.start("name"), lines[i].start + match.end("name"))


def _drop_tail_bylines(doc: Document, body: list[Line]) -> list[Line]:
    """Closing "NAME, DoD News" lines are bylines, not paragraphs."""
    keep = list(body)
    for line in body[-TAIL_LINES:]:
        match = _ORG_BYLINE.match(line.text)
        if match:
            _add_author(doc, line.start + match.start("name"), line.start + match.end("name"))
            keep.remove(line)
    return keep


def _add_author(doc: Document, start: int, end: int) -> None:
    """One author per person: a name already recorded (by another byline form) is not repeated."""
    key = " ".join(doc.text[start:end].split()).casefold()
    if all(" ".join(s.text.split()).casefold() != key for s in doc.fields.get("author", [])):
        doc.add_field("author", doc.span(start, end))


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
    match = _ANYWHERE.search(masked)
    if match is None:
        return None
    group = _speaker_group(match)
    return _Attribution(offset + match.start(group), match.group(group))


def _speaker_group(match: re.Match[str]) -> str:
    """Which alternative of :data:`_ANYWHERE` matched."""
    return next(g for g in ("who", "who2", "who3") if match.group(g))


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
        for match in _ANYWHERE.finditer(masked):
            group = _speaker_group(match)
            name = clean_name(match.group(group))
            if name and not _is_pronoun(name):
                out.append(_Attribution(paragraph.start + match.start(group), name))
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
    while len(words) > 1 and words[0].rstrip(".").lower() in TITLE_WORDS:
        words.pop(0)
    return " ".join(words)


# --------------------------------------------------------------------------- detection cues

_M = re.MULTILINE
_PRESS_COUNTER = re.compile(r"^\s*There (?:were|are) [\d,]+ press releases? posted\b", _M)
_DISTRIBUTION_CHANNELS = re.compile(r"^\s*Distribution channels?:", _M)
_RELEASE_FURNITURE = re.compile(
    r"^\s*(?:FOR IMMEDIATE RELEASE|###|-\s*30\s*-|Release No\.?:?\s*\S+|Media (?:contacts?|inquiries)\b)", _M)
_FOLLOW_LINE = re.compile(rf"^\s*\(?Follow .{{2,60}}? on {SOCIAL}\b", _M)
_SAID = re.compile(r"\b(?:said|says|told)\b")
_ATTRIBUTION = re.compile(r"[,.?!][”\"]\s+(?:[A-Z][\w.’'-]*\s+){0,4}?(?:[A-Z][\w’'-]+|he|she|they)\s+"
                          r"(?:said|says|added|explained|noted|told)\b")


def _dateline(s: Sample) -> float:
    lines = [line for line in s.lines[: HEAD_LINES + 4] if not BOILERPLATE.match(line.text)]
    found = find_dateline(lines)
    if found is None:
        return 0.0
    match = found[1]
    return 1.0 if match.group("date") or match.group("agency") else 2 / 3


def _byline_top(s: Sample) -> float:
    return float(any(line.text.startswith("By ") and len(line) <= 100 for line in s.lines[:6]))


def _date_line_top(s: Sample) -> float:
    return float(any(DATE_LINE.match(line.text) for line in s.lines[1:6]))


def _said_density(s: Sample) -> float:
    """Reported speech: "said" per 1,000 words, full strength at 10 (news runs 10 to 25, theses under 1)."""
    count = s.count(_SAID)
    return 0.0 if count < 3 or not s.words else min(count * 1000 / s.words / 10, 1.0)


def _attributions(s: Sample) -> float:
    return float(s.count(_ATTRIBUTION) >= 2)


READER = Reader(
    kind="news-release",
    description="news releases, wire stories and readouts of government and military newsrooms",
    work_type="NewsArticle",
    cues=(
        Cue("dateline", 3.0, _dateline),
        Cue("press-release counter", 1.5, flag(_PRESS_COUNTER)),
        Cue("distribution channels", 1.5, flag(_DISTRIBUTION_CHANNELS)),
        Cue("release furniture (FOR IMMEDIATE RELEASE, Release No., ###, -30-)", 3.0, flag(_RELEASE_FURNITURE)),
        Cue("follow-on-social-media byline", 1.0, flag(_FOLLOW_LINE)),
        Cue("By-line at the top", 0.5, _byline_top),
        Cue("date line at the top", 0.5, _date_line_top),
        Cue("reported speech (said density)", 2.0, _said_density),
        Cue("quote attributions", 1.0, _attributions),
    ),
    read=read,
)
