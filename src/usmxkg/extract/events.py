"""Dated events in running text: wars, battles, interventions, foundings, signings, meetings, exercises.

Each sentence with a temporal expression (:mod:`usmxkg.extract.temporal`) is
searched for an event phrase, and the phrase is dated only when the
expression is tied to it by the sentence's syntax, never by merely sharing a
sentence with a year (which would date the Cold War by whatever else
happened that year):

* ``attached`` — right after the phrase ("the Mexican–American War of
  1846–48", "(1846–1848)", "the Battle of Chapultepec on September 13,
  1847") or right before it ("the 1914 occupation of Veracruz", "a March
  2007 meeting"); a long event (a war, an era) takes "in <year>" after it
  only as the span it lasted, since "World War II in 1942" dates something
  else;
* ``initial`` — a sentence-opening adverbial ("In 2002, …", "On April 24,
  1846, …") dates the clause's verb event: a founding ("was established",
  "took effect", "the creation of"), a signing, a meeting, a clash, a coup,
  a term of office ("took office"), or a named event that "began" or
  "ended" then;
* ``clause`` — a meeting, visit or exercise takes the nearest expression of
  its own clause ("… met … in Mérida on …", "exercise X … on Oct. 16-21").

The cues: ``named`` (a reference event, found by the gazetteer), ``name``
(a capitalised event name: "… War", "Battle of …", "Operation …", "… Summit",
"exercise …"), ``intervention`` (occupation/invasion/intervention of a
place), ``founding``, ``signing``, ``entry-into-force``, ``meeting``,
``office``, ``clash``, ``coup``, ``election``, ``disaster``.

Keys (:attr:`~usmxkg.extract.facts.Entity.key`): a reference event's slug;
a name's folded form; for an event known by what it is about, the type and
that entity ("establishment of United States Northern Command"); for an
unnamed one, type, participants and year, so that one meeting reported by
two documents at different precisions is one event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from usmxkg.document import Document, Span
from usmxkg.extract.facts import DateValue, Entity, Event
from usmxkg.extract.named import AGENT_KINDS, Lexicon, Named, dedupe
from usmxkg.extract.temporal import Temporal, find_temporal, year_of
from usmxkg.vocab import fold

__all__ = ["extract_events"]

POINT_TYPES = frozenset({
    "Battle", "Attack", "Operation", "MilitaryIntervention", "Meeting", "Conference", "Exercise", "Election",
    "Disaster", "AgreementSigning", "Establishment",
})
"""Events short enough that "in <year>" after their name says when they happened."""

_NAME_WORD = r"[A-Z][\w’'.-]*"
_NAMED_EVENT = re.compile(
    rf"\b(?P<name>(?:{_NAME_WORD}\s+){{1,4}}(?P<head>War|Revolution|Uprising|Rebellion|Revolt|Insurgency|Expedition"
    rf"|Crisis|Massacre|Summit|Conference|Ministerial|Staff\s+Talks|Talks|Meeting))\b"
    rf"|\b(?P<battle>Battle\s+of\s+{_NAME_WORD}(?:\s+{_NAME_WORD})?)"
    rf"|\b(?P<operation>Operation\s+{_NAME_WORD}(?:\s+{_NAME_WORD})?)"
    rf"|\b(?P<hurricane>Hurricane\s+{_NAME_WORD})"
    rf"|\b[Ee]xercise\s+[‘'“\"]?(?P<exercise>{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|\d{{4}})){{0,3}})"
)
_HEAD_TYPES = {
    "war": "War", "revolution": "War", "uprising": "Event", "rebellion": "Event", "revolt": "Event",
    "insurgency": "Event", "expedition": "MilitaryIntervention", "crisis": "Event", "massacre": "Attack",
    "summit": "Meeting", "conference": "Conference", "ministerial": "Conference", "talks": "Meeting",
    "meeting": "Meeting",
}
_GROUP_TYPES = {"battle": "Battle", "operation": "Operation", "hurricane": "Disaster", "exercise": "Exercise"}
_LEADING = frozenset(
    "a an the this that these those during after before since in on by from until when while following "
    "throughout between and or of with as at for its their his her".split()
)
_INTERVENTION = re.compile(
    r"\b(?P<head>occupation|invasion|intervention|landing|bombardment|stormed|occupied|invaded|landed)"
    r"\s+(?:(?:of|in|at|on)\s+)?"
    r"(?:the\s+(?:port|city)\s+of\s+)?(?P<place>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)"
)
_FOUNDING_PASSIVE = re.compile(
    r"^[^.;]{0,40}?\b(?:was|were|has\s+been|had\s+been|is)\s+(?:officially\s+|formally\s+)?"
    r"(?:established|created|founded|activated|launched|inaugurated|formed|set\s+up|stood\s+up|announced)\b"
    r"|^[^.;]{0,30}?\b(?:took\s+effect|came\s+into\s+(?:being|existence|effect)|was\s+born|began\s+operations)\b"
)
_FOUNDING_ACTIVE = re.compile(
    r"\b(?:established|created|founded|launched|activated|inaugurated|formed|set\s+up|stood\s+up|announced)"
    r"\s+(?:the\s+|a\s+|its\s+)?$"
)
_FOUNDING_NOUN = re.compile(
    r"\b(?:creation|establishment|founding|foundation|activation|launch|inauguration|formation)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_FOUNDING_PARTICIPLE = re.compile(r"^(?:Launched|Established|Created|Founded|Activated|Formed)\s+in\b")
_SIGNED_PASSIVE = re.compile(r"^[^.;]{0,25}?\b(?:was|were)\s+signed\b")
_SIGNED_ACTIVE = re.compile(r"\b(?:signed|signing|ratified)\s+(?:the\s+|a\s+|an\s+)?$")
_IN_FORCE = re.compile(r"^[^.;]{0,25}?\b(?:entered|went|came)\s+into\s+(?:force|effect)\b")
_SIGNING_UNNAMED = re.compile(
    r"\bsigned\s+(?:a|an|the)\s+(?P<what>(?:[Ll]etter|[Mm]emorandum)\s+of\s+(?:[Aa]greement|[Uu]nderstanding|[Ii]ntent)"
    r"|(?:bilateral\s+|trilateral\s+)?(?:agreement|treaty|accord|joint\s+statement|declaration)s?)"
)
_MEETING = re.compile(r"\b(?:met|meeting|visited|visit|held\s+talks|summit|hosted)\b")
_OFFICE = re.compile(r"^[^.;]{0,20}?\b(?:took|assumed|left)\s+office\b")
_ADMINISTRATION = re.compile(r"^\s*administration\b")
_CLASH = re.compile(r"\b(?P<what>clash|skirmish|battle|fighting)\b")
_COUP = re.compile(r"\b(?P<what>coup(?:\s+d['’]état|\s+attempt)?)\b")
_ELECTION = re.compile(
    r"\b(?:(?P<adj>[A-Z][a-z]+)\s+)?(?P<what>(?:presidential|general|federal|midterm|congressional|legislative)"
    r"\s+elections?)\b"
)
_DISASTER = re.compile(r"\b(?P<what>earthquake|hurricane|tsunami|floods?)\b")
_INITIAL = re.compile(
    r"^(?:[A-Z][a-z]+,\s+)?(?:(?:[Ii]n|[Oo]n|[Bb]y|[Dd]uring|[Ss]ince|[Tt]hroughout|[Ff]rom|[Bb]etween|[Aa]s\s+of"
    r"|[Ll]aunched\s+in|[Ee]stablished\s+in|[Cc]reated\s+in|[Ff]ounded\s+in|[Ll]ater\s+in|[Ee]arly\s+in|[Ll]ate\s+in)"
    r"\s+)?(?:the\s+)?$"
)
_ATTACH_WORDS = frozenset("in on of during from between the morning evening night afternoon year years".split())
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|into|visited|off|outside|traveled\s+to|travelled\s+to)\s+(?:the\s+)?(?:port\s+of\s+|city\s+of\s+)?$"
)
_ENDED = re.compile(r"^[^.;]{0,15}?\b(?:ended|concluded|came\s+to\s+an\s+end|was\s+over)\b")
_BEGAN = re.compile(r"^[^.;]{0,15}?\b(?:began|started|broke\s+out|erupted|took\s+place|occurred|was\s+fought)\b")
_SYNONYMS = {"occupation": {"occupation", "intervention", "invasion"}, "intervention": {"occupation", "intervention"},
             "invasion": {"invasion", "occupation", "intervention"}}
_VERB_HEADS = {"stormed": "occupation", "occupied": "occupation", "invaded": "invasion", "landed": "landing"}
_POINT_WORDS = frozenset("operation attack attacks battle hurricane earthquake raid massacre".split())
_DATE_NAMED = re.compile(r"\b(?:attacks?|events?|incident|tragedy)\s+of\s+$")
_ATTACK = re.compile(r"\b(?P<what>(?:terrorist\s+)?attacks?|raid|bombing|ambush)\b")


@dataclass(frozen=True, slots=True)
class _Candidate:
    """An event phrase of a sentence before it is dated."""

    start: int
    end: int
    type: str
    entity: Entity | None  # None: unnamed, keyed by type, participants and year
    label: str
    cue: str
    mode: str  # "name", "clause" or "near"
    focus: Entity | None = None
    participants: tuple[Entity, ...] = ()
    places: tuple[Entity, ...] = ()


def extract_events(doc: Document, sentences: list[Span], lexicon: Lexicon) -> list[Event]:
    """Dated events of a document's running-text sentences, in text order, one per event and date."""
    out: list[Event] = []
    seen: set[tuple[str, str, str, str]] = set()
    for sentence in sentences:
        times = [t for t in find_temporal(sentence.text, sentence.start) if t.start or t.end]
        if not times:
            continue
        for candidate in _candidates(doc, sentence, lexicon, times):
            found = _date(doc, sentence, candidate, times)
            if found is None:
                continue
            when, start, end = found
            if candidate.entity is None and candidate.type == "Attack" and when.precision == "day":
                candidate = _date_named(candidate, when, lexicon) or candidate
            event = _event(doc, sentence, candidate, when, start, end)
            key = (event.entity.key, event.type, start.lexical if start else "", end.lexical if end else "")
            if key not in seen:
                seen.add(key)
                out.append(event)
    return _battles_in_wars(out)


def _battles_in_wars(events: list[Event]) -> list[Event]:
    """Each battle dated inside exactly one war that the same document dates, as part of that war.

    The rule: a document that gives a war's first and last years and dates a
    battle within them places the battle in that war (a battle of 1847 in a
    text on the war of 1846–1848). Two such wars, or a war with no end year,
    decide nothing.
    """
    wars = [e for e in events if e.type == "War" and e.start is not None and e.end is not None]
    out = []
    for event in events:
        dated = event.start or event.end
        if event.type == "Battle" and event.part_of is None and dated is not None:
            year = dated.lexical[:4]
            inside = {w.entity.key: w.entity for w in wars
                      if w.start is not None and w.end is not None
                      and w.start.lexical[:4] <= year <= w.end.lexical[:4]}
            if len(inside) == 1:
                event = replace(event, part_of=next(iter(inside.values())))
        out.append(event)
    return out


# ------------------------------------------------------------------ candidates


def _candidates(doc: Document, sentence: Span, lexicon: Lexicon, times: list[Temporal]) -> list[_Candidate]:
    text, base = sentence.text, sentence.start
    named = lexicon.within(sentence.start, sentence.end)
    agents = [n for n in named if n.entity.kind in AGENT_KINDS]
    places = _places(doc, named)
    out: list[_Candidate] = []
    taken: list[tuple[int, int]] = []

    def add(c: _Candidate) -> None:
        if any(a < c.end and c.start < b for a, b in taken):
            return
        taken.append((c.start, c.end))
        out.append(c)

    for n in named:
        if n.entity.kind == "event":
            add(_Candidate(n.span.start, n.span.end, n.entity.type if n.entity.type != "Event" else "Event",
                           n.entity, n.entity.label, "named", "name"))
    for m in _NAMED_EVENT.finditer(text):
        c = _named_pattern(m, base, lexicon, agents, places)
        if c is not None:
            add(c)
    for t in times:
        if t.precision == "day" and _DATE_NAMED.search(doc.text[max(0, t.start_offset - 25):t.start_offset]):
            c = _date_named(_Candidate(t.start_offset, t.end_offset, "Attack", None, "", "named", "name"), t, lexicon)
            if c is not None:
                add(c)
    for m in _INTERVENTION.finditer(text):
        add(_intervention(m, base, lexicon, places))
    for n in named:
        if n.entity.kind in ("institution", "program", "policy"):
            c = _about(doc, n, agents)
            if c is not None:
                add(c)
    for c in _unnamed(doc, sentence, agents, places):
        add(c)
    return sorted(out, key=lambda c: (c.start, c.end))


def _date_named(c: _Candidate, when: Temporal, lexicon: Lexicon) -> _Candidate | None:
    """A reference event named by its day ("the attacks of September 11, 2001" → September 11 attacks)."""
    day = re.sub(r",?\s*\d{4}$", "", when.text.strip())
    for name in (f"{day} attacks", f"{when.text} attacks"):
        reference = lexicon.lookup(name, frozenset({"event"}))
        if reference is not None:
            return _Candidate(c.start, c.end, reference.type, reference, reference.label, "named", "name",
                              participants=c.participants, places=c.places)
    return None


def _places(doc: Document, named: list[Named]) -> tuple[Entity, ...]:
    """Places the sentence says something happened in ("in Mérida", "at Campo Militar …", "visited Mexico")."""
    out = [n for n in named if n.entity.kind == "place" and _LOCATIVE.search(doc.text[max(0, n.span.start - 25):
                                                                                      n.span.start])]
    return dedupe(out)


def _named_pattern(m: re.Match[str], base: int, lexicon: Lexicon, agents: list[Named],
                   places: tuple[Entity, ...]) -> _Candidate | None:
    group = next((g for g in _GROUP_TYPES if m.group(g)), None)
    if group is not None:
        type_ = _GROUP_TYPES[group]
        name = m.group(group).rstrip("’'”\".,")
        start = base + m.start(group)
    else:
        words = m.group("name").split()
        while words and words[0].lower() in _LEADING:
            words.pop(0)
        if len(words) < 2:
            return None
        name = " ".join(words)
        start = base + m.end("name") - len(" ".join(m.group("name").split()[-len(words):]))
        type_ = _HEAD_TYPES[m.group("head").split()[-1].lower()]
        if m.group("head").lower() == "staff talks":
            type_ = "Meeting"
    reference = lexicon.lookup(name, frozenset({"event"}))
    end = start + len(name)
    if reference is not None:
        return _Candidate(start, end, reference.type, reference, reference.label, "named", "name")
    mode = "near" if type_ in ("Exercise", "Meeting", "Conference") else "name"
    entity = Entity("event", name, name, type_)
    return _Candidate(start, end, type_, entity, name, "name", mode,
                      participants=dedupe(agents) if mode == "near" else (), places=places if mode == "near" else ())


def _intervention(m: re.Match[str], base: int, lexicon: Lexicon, places: tuple[Entity, ...]) -> _Candidate:
    head, place = _VERB_HEADS.get(m.group("head"), m.group("head")), m.group("place")
    heads = _SYNONYMS.get(head, {head})
    for ref in lexicon.references("event"):
        if ref.type not in ("MilitaryIntervention", "Event"):
            continue
        for form in lexicon.forms(ref):
            words = set(fold(form).split())
            if heads & words and set(fold(place).split()) <= words:
                return _Candidate(base + m.start(), base + m.end(), ref.type, ref, ref.label, "intervention", "name",
                                  places=places)
    label = f"{head.capitalize()} of {place}"
    return _Candidate(base + m.start(), base + m.end(), "MilitaryIntervention", None, label, "intervention", "name",
                      places=places)


def _about(doc: Document, n: Named, agents: list[Named]) -> _Candidate | None:
    """A founding, signing or entry into force of a named institution, program, law or agreement."""
    after = doc.text[n.span.end:n.span.end + 80]
    before = doc.text[max(0, n.span.start - 40):n.span.start]
    line_start = doc.text.rfind("\n", 0, n.span.start) + 1
    head = doc.text[line_start:n.span.start]
    entity = n.entity
    others = tuple(a for a in dedupe([a for a in agents if a.entity.key != entity.key]))
    if entity.kind in ("institution", "program"):
        if (_FOUNDING_PASSIVE.search(after) or _FOUNDING_ACTIVE.search(before) or _FOUNDING_NOUN.search(before)
                or _FOUNDING_PARTICIPLE.search(head.split(". ")[-1])):
            label = f"Establishment of {entity.label}"
            return _Candidate(n.span.start, n.span.end, "Establishment", Entity("event", label, label, "Establishment"),
                              label, "founding", "clause", focus=entity)
        return None
    if _SIGNED_PASSIVE.search(after) or _SIGNED_ACTIVE.search(before):
        if entity.type == "Law":
            label = f"Enactment of {entity.label}"
            return _Candidate(n.span.start, n.span.end, "Event", Entity("event", label, label, "Event"), label,
                              "signing", "clause", focus=entity, participants=others)
        label = f"Signing of the {entity.label}"
        return _Candidate(n.span.start, n.span.end, "AgreementSigning",
                          Entity("event", label, label, "AgreementSigning"), label, "signing", "clause",
                          focus=entity, participants=others)
    if _IN_FORCE.search(after):
        label = f"Entry into force of the {entity.label}"
        return _Candidate(n.span.start, n.span.end, "Event", Entity("event", label, label, "Event"), label,
                          "entry-into-force", "clause", focus=entity)
    return None


def _unnamed(doc: Document, sentence: Span, agents: list[Named], places: tuple[Entity, ...]) -> list[_Candidate]:
    text, base = sentence.text, sentence.start
    people = dedupe(agents)
    out: list[_Candidate] = []
    for n in agents:
        if n.entity.kind != "person":
            continue
        after = doc.text[n.span.end:n.span.end + 60]
        if _OFFICE.search(after) or _ADMINISTRATION.search(after):
            label = f"{n.entity.label} administration"
            out.append(_Candidate(n.span.start, n.span.end, "Administration",
                                  Entity("event", label, label, "Administration"), label, "office", "clause",
                                  focus=n.entity, participants=(n.entity,)))
    m = _SIGNING_UNNAMED.search(text)
    if m and people:
        out.append(_Candidate(base + m.start(), base + m.end(), "AgreementSigning", None,
                              f"Signing of a {m.group('what')}", "signing", "clause", participants=people,
                              places=places))
    m = _MEETING.search(text)
    if m and people and (len(people) >= 2 or (m.group(0) in ("visited", "visit") and places)):
        out.append(_Candidate(base + m.start(), base + m.end(), "Meeting", None, "Meeting", "meeting", "near",
                              participants=people, places=places))
    for pattern, type_, cue in ((_CLASH, "Battle", "clash"), (_COUP, "Event", "coup"), (_ATTACK, "Attack", "attack"),
                                (_ELECTION, "Election", "election"), (_DISASTER, "Disaster", "disaster")):
        m = pattern.search(text)
        if m:
            what = m.group("what")
            adjective = m.groupdict().get("adj")
            label = f"{adjective} {what}" if adjective and adjective.lower() not in _LEADING else what
            out.append(_Candidate(base + m.start("what"), base + m.end("what"), type_, None, label[:1].upper()
                                  + label[1:], cue, "clause", participants=people if type_ != "Election" else (),
                                  places=places))
    return out


# ------------------------------------------------------------------ dating


def _date(doc: Document, sentence: Span, c: _Candidate, times: list[Temporal]
          ) -> tuple[Temporal, DateValue | None, DateValue | None] | None:
    """The temporal expression that dates the candidate, and the start and end it gives.

    A year inside the event's own name ("Fuerzas Amigas 2022") dates it only
    when nothing else in the sentence does.
    """
    inside = [t for t in times if t.start_offset < c.end and c.start < t.end_offset]
    times = [t for t in times if t not in inside]
    found = _date_outside(doc, sentence, c, times)
    if found is None and inside:
        return _bounds(inside[0], "", c)
    return found


def _date_outside(doc: Document, sentence: Span, c: _Candidate, times: list[Temporal]
                  ) -> tuple[Temporal, DateValue | None, DateValue | None] | None:
    for t in times:
        if t.start_offset >= c.end:
            gap = doc.text[c.end:t.start_offset]
            if _attached_after(gap, c, t):
                return _bounds(t, doc.text[c.end:c.end + 40], c)
        elif t.end_offset <= c.start:
            gap = doc.text[t.end_offset:c.start]
            if re.fullmatch(r"\s*(?:[’']s\s+)?", gap) or (c.mode == "clause" and re.fullmatch(r"\s*,?\s*", gap)):
                return _bounds(t, doc.text[c.end:c.end + 40], c)
    if not times:
        return None
    first = times[0]
    opening = doc.text[sentence.start:first.start_offset]
    after = doc.text[c.end:c.end + 40]
    verb_event = c.mode in ("clause", "near") or bool(_BEGAN.search(after) or _ENDED.search(after))
    if first.end_offset <= c.start and _INITIAL.match(opening) and verb_event:
        return _bounds(first, after, c)
    times = [t for t in times if t.precision in ("day", "month", "year") and not (t.open_end or t.open_start)]
    if c.mode == "near" and times:
        nearest = min(times, key=lambda t: min(abs(t.start_offset - c.end), abs(c.start - t.end_offset)))
        return _bounds(nearest, "", c)
    return None


def _attached_after(gap: str, c: _Candidate, t: Temporal) -> bool:
    """Whether the words between an event phrase and a later temporal expression tie them together."""
    if len(gap) > 45 or any(ch in gap for ch in ";:"):
        return False
    words = re.findall(r"[\w’']+", gap.lower())
    if c.mode == "clause":
        return len(words) <= 8 and words[-1:] in (["in"], ["on"], ["of"], ["during"], ["since"], [])
    if not all(w in _ATTACH_WORDS for w in words):
        return False
    stripped = gap.strip()
    if _point(c) or c.mode == "near":
        return True
    # long events (wars, eras): "of 1846–48", "(1846–1848)", "1846–1848", ", 1910–1920", "in 1846–1848"
    if "from" in words or "between" in words or t.text.split()[0].lower() in ("from", "between"):
        return False
    return stripped in ("of", "(", "") or stripped.startswith("(") or (t.end is not None and stripped in (",", "in"))


def _point(c: _Candidate) -> bool:
    """A short event: by type, or by its name ("Operation …", "Attack on …" typed only ``Event``)."""
    return c.type in POINT_TYPES or bool(_POINT_WORDS & set(fold(c.label).split()))


def _bounds(t: Temporal, after: str, c: _Candidate) -> tuple[Temporal, DateValue | None, DateValue | None]:
    """Start and end: an interval's bounds; a single date starts a point event or ends a finished one."""
    if t.open_start:
        return t, None, t.end
    if t.end is not None and not t.open_end and t.precision in ("decade", "fiscal-year") and _point(c):
        return t, t.start, t.end
    if t.end is None and _ENDED.search(after):
        return t, None, t.start
    return t, t.start, t.end


def _event(doc: Document, sentence: Span, c: _Candidate, when: Temporal, start: DateValue | None,
           end: DateValue | None) -> Event:
    entity = c.entity
    if entity is None:
        bound = start or end
        year = year_of(bound) if bound is not None else 0
        who = " and ".join(p.label for p in c.participants[:3])
        label = f"{c.label} of {who} ({year})" if who else f"{c.label} ({year})"
        key = " ".join([c.type, *sorted(p.key for p in c.participants), *(p.key for p in c.places[:1]), str(year)])
        if c.cue == "intervention":
            key = f"{c.label} {year}"
            label = f"{c.label} ({year})"
        entity = Entity("event", key, label, c.type)
    participants = tuple(p for p in c.participants if c.focus is None or p.key != c.focus.key)
    return Event(entity, c.type, sentence, start, end, participants, c.places, c.focus,
                 doc.span(when.start_offset, when.end_offset), c.cue)
