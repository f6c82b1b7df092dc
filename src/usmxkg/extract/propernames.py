"""Proper names of organisations, units, programs, policies, events and installations in running text.

A name is a run of capitalised words (with "U.S.", ordinals and the
connectors "of", "for", "and", "the", "de", "del", "la", "y") anchored on a
head noun that says what it names (:mod:`usmxkg.extract.entitytypes`):

* English heads come last ("Coastal Logistics Department", "52nd Airlift
  Wing") or before a complement ("Office of Harbor Coordination",
  "Commission on Border Waters"); a head followed by another capitalised
  word is a modifier ("Navy Planning Talks" are talks, not a navy);
* Spanish heads come first and take adjectives or "de …" complements
  ("Secretaría de Seguridad Pública", "Policía Federal");
* designations follow "Operation", "Exercise", "Fort", "Camp", "Plan", "Task
  Force" and installation heads ("Joint Base …", "Air Station …").

Modifiers are read leftwards from the head and stop at titles, function
words, a sentence-initial word the text also writes in lower case, and after
an ordinal or a nationality (which open names). Lines set in capitals are
read the same way; their labels are title-cased. A complement that ends on
"Studies" or "Affairs", or an "of the …" part that is itself a name, ends
the name, so run-together lines ("… Maritime Studies Gulf Coast
University") give two names. Exercises are also typed by their context
("exercise NAME", "the NAME exercise", "NAME is a … exercise"), and a name
typed so anywhere in a document is that type everywhere in it; a year after
an event's name makes an edition ("NAME 2022") of the recurring event.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from usmxkg.extract.entitytypes import HEAD_FINAL, PREFIX_HEADS, SPANISH_ADJECTIVES, SPANISH_HEADS, Typed, classify
from usmxkg.extract.lexicon import (
    ABBREVIATIONS,
    ARTICLES,
    COMPLEMENT_CONNECTORS,
    COMPLEMENT_ENDS,
    CONNECTORS,
    DEMONYMS,
    DIRECTIONS,
    FORT_CITIES,
    FUNCTION_WORDS,
    GOVERNMENT_CUES,
    INTERNATIONAL_CUES,
    MILITARY_CUES,
    NON_STATE_CUES,
    ORDINAL_WORDS,
    ROMAN_NUMERALS,
    TITLE_WORDS,
)
from usmxkg.extract.tokens import Layout, Token

__all__ = ["NameCandidate", "find_names", "label_of"]

_MAX_MODIFIERS = 8
_EVENT_TYPES_WITH_EDITIONS = frozenset({"Exercise", "Meeting", "Conference", "Operation"})
_YEAR = re.compile(r"(?:19|20)\d\d")
_NUMBER_AFTER = re.compile(r"\s*(?:No\.|Núm\.|Number|Nr\.)\s*\d+")
_CAMEL_OK = re.compile(r"^(?:Mc|Mac|O'|O’|D'|D’|De|La|Le|Di|Van)[A-Z][a-z]+$|^[A-Z][a-z]?[A-Z]{1,4}$|^[A-Z]{1,4}[a-z]$")
_COMPOUND_DEMONYM = frozenset(
    {
        "north",
        "south",
        "central",
        "latin",
        "pan",
        "inter",
        "anglo",
        "joint",
        "combined",
        "bilateral",
        "binational",
        "trilateral",
    }
)
_NAME_OPENERS = (
    GOVERNMENT_CUES
    | MILITARY_CUES
    | INTERNATIONAL_CUES
    | DIRECTIONS
    | NON_STATE_CUES
    | frozenset(
        "central general strategic regional institutional democratic royal western eastern inter-american".split()
    )
)
"""Common words that also open institutional names: kept even at a sentence start ("Defense Security …")."""
_AND_FREE_RULES = frozenset(
    {
        "army",
        "navy",
        "force",
        "corps",
        "guard",
        "program",
        "strategy",
        "framework",
        "act",
        "law",
        "agreement",
        "treaty",
        "doctrine",
        "policy",
        "meeting",
        "conference",
        "exercise",
        "war",
        "event",
        "intervention",
        "attack",
    }
)
"""Heads whose modifiers never join two words with "and": "Army and Navy" is two services, not one."""


@dataclass(frozen=True, slots=True)
class NameCandidate:
    """A typed proper name: its token range and character span, its label and what it names."""

    start: int
    end: int
    label: str
    typed: Typed
    head: int
    """Character offset of the head word (a name whose head another name covers is not this one)."""
    edition_of: str | None = None
    """For an edition ("NAME 2022"), the label of the recurring event it is an edition of."""


def label_of(text: str, start: int, end: int, caps: bool) -> str:
    """A name as a label: whitespace collapsed; set in capitals, title-cased (connectors lower-cased).

    >>> label_of("US ARMY WAR  COLLEGE", 0, 20, True)
    'US Army War College'
    >>> label_of("JOINT BASE SAN ANTONIO-LACKLAND", 0, 31, True)
    'Joint Base San Antonio-Lackland'
    """
    words = text[start:end].split()
    if not caps:
        return " ".join(words)
    out = []
    for i, word in enumerate(words):
        low = word.lower()
        if i and low in CONNECTORS:
            out.append(low)
        elif low.rstrip(".") in ROMAN_NUMERALS - {"i", "v", "x"} or low in ("us", "u.s.", "usa", "u.s.a."):
            out.append(word)
        else:
            out.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(out)


class _Reader:
    """One pass over the runs of capitalised words of one text."""

    def __init__(self, text: str, tokens: list[Token], layout: Layout) -> None:
        self.text, self.tokens, self.layout = text, tokens, layout
        self._runs: list[list[int]] | None = None

    # ---- runs

    def name_word(self, t: Token) -> bool:
        if t.fold in FUNCTION_WORDS and t.fold not in CONNECTORS:
            return False
        if t.shape in ("cap", "dotted", "ordinal", "initial", "upper"):
            return t.fold not in CONNECTORS or t.shape != "cap" or t.fold not in ARTICLES
        return t.shape == "mixed" and _CAMEL_OK.match(t.text) is not None

    def connector(self, t: Token, caps: bool) -> bool:
        return t.fold in CONNECTORS and (t.shape == "lower" or caps or t.fold in ARTICLES)

    def joins(self, a: Token, b: Token) -> bool:
        gap = self.text[a.end : b.start]
        if gap in ("-", "–", "/") or gap.strip(" \t") == "" or gap.strip() == "&":
            return "\n" not in gap
        if gap.startswith(".") and gap[1:].strip(" \t") == "" and (a.fold in ABBREVIATIONS or a.shape == "initial"):
            return True
        if gap.count("\n") == 1 and gap.strip() == "":
            start, _ = self.layout.line(a.start)
            return a.end - start > 55 and not self.layout.caps_line(a.start)
        return False

    def runs(self) -> list[list[int]]:
        """Runs of name words and connectors, computed once."""
        if self._runs is None:
            self._runs = self._make_runs()
        return self._runs

    def _make_runs(self) -> list[list[int]]:
        out: list[list[int]] = []
        current: list[int] = []

        def close() -> None:
            while current and self.tokens[current[-1]].fold in CONNECTORS and not self.name_word_at(current[-1]):
                current.pop()
            if current:
                out.append(list(current))
            current.clear()

        for i, t in enumerate(self.tokens):
            caps = self.layout.caps_line(t.start)
            if current and (not self.joins(self.tokens[current[-1]], t) or self.case_switch(current[-1], i, caps)):
                close()
            if self.connector(t, caps) and not (t.shape in ("cap", "upper") and not current):
                if current and sum(self.tokens[j].fold in CONNECTORS for j in current[-2:]) < 2:
                    current.append(i)
                else:
                    close()
            elif self.name_word(t):
                if current and self.expands(current[-1], i):
                    close()
                current.append(i)
            else:
                close()
        close()
        return out

    def expands(self, previous: int, i: int) -> bool:
        """Token ``previous`` is an acronym whose letters are the initials of the words from ``i`` on."""
        acronym = self.tokens[previous]
        if acronym.shape not in ("upper", "dotted") or self.tokens[i].shape != "cap":
            return False
        letters = [c for c in acronym.text if c.isalpha()]
        initials: list[str] = []
        for t in self.tokens[i : i + 2 * len(letters) + 2]:
            if t.shape == "dotted":
                initials.extend(c for c in t.text if c.isalpha())
            elif t.shape != "lower":
                initials.extend(part[:1] for part in re.split(r"[-–]", t.text) if part)
        return len(letters) >= 2 and initials[: len(letters)] == letters

    def case_switch(self, previous: int, i: int, caps: bool) -> bool:
        """Capitals after mixed-case words on a mixed line begin another name ("… Affairs JOINT BASE …")."""
        if caps:
            return False
        a, b = self.tokens[previous], self.tokens[i]
        c = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        return a.shape == "cap" and b.shape == "upper" and c is not None and c.shape == "upper" and len(b.fold) > 1

    def name_word_at(self, i: int) -> bool:
        t = self.tokens[i]
        return not self.connector(t, self.layout.caps_line(t.start))

    # ---- names inside a run

    def parse(self, run: list[int]) -> list[NameCandidate]:
        out: list[NameCandidate] = []
        claimed = -1
        for k in range(len(run)):
            if k <= claimed:
                continue
            found = self.prefix(run, k) or self.spanish(run, k) or self.head_final(run, k, claimed)
            if found is not None:
                candidate, last = found
                out.append(candidate)
                claimed = last
        return out

    def words(self, run: list[int], a: int, b: int) -> list[str]:
        return [self.tokens[run[i]].fold for i in range(a, b + 1)]

    def is_name(self, run: list[int], k: int) -> bool:
        return 0 <= k < len(run) and self.name_word_at(run[k])

    def designation(self, run: list[int], k: int, limit: int, joined: bool = False) -> int:
        """Index of the last word of the designation that follows ``run[k]`` ("Operation Jump Start").

        ``joined``: the designation may join words with "and" ("Operation Fast and Furious").
        """
        j = k
        while j + 1 < len(run) and j - k < limit:
            t = self.tokens[run[j + 1]]
            if self.is_name(run, j + 1) and t.fold not in TITLE_WORDS:
                j += 1
            elif t.fold in ("and", "y", "&") and joined and self.is_name(run, j + 2) and j + 1 - k < limit:
                j += 2
            else:
                break
        return j

    def prefix(self, run: list[int], k: int) -> tuple[NameCandidate, int] | None:
        t = self.tokens[run[k]]
        rule = PREFIX_HEADS.get(t.fold)
        if rule is None or t.shape not in ("cap", "upper"):
            return None
        last = self.designation(
            run, k, 4 if rule in ("operation", "exercise") else 3, rule in ("operation", "exercise")
        )
        if last == k:
            return None
        designated = self.words(run, k + 1, last)
        if (
            designated[0] in TITLE_WORDS
            or designated[0] in ("number", "no")
            or (len(designated) == 1 and len(designated[0]) < 2)
        ):
            return None
        if rule == "installation" and (designated[0] in FORT_CITIES or (t.fold == "camp" and len(designated) > 2)):
            return None
        typed = {
            "operation": Typed("event", "Operation"),
            "exercise": Typed("event", "Exercise"),
            "disaster": Typed("event", "Disaster"),
            "installation": Typed("place", "MilitaryInstallation"),
            "plan": Typed("program", "Program"),
        }[rule]
        return self.make(run, k, last, typed, k), last

    def spanish(self, run: list[int], k: int) -> tuple[NameCandidate, int] | None:
        t = self.tokens[run[k]]
        if t.fold not in SPANISH_HEADS or t.shape not in ("cap", "upper"):
            return None
        j = k
        while j + 1 < len(run):
            nxt = self.tokens[run[j + 1]]
            joining = nxt.fold in ("de", "del", "para", "y", "la", "las", "los", "el") and j + 2 < len(run)
            adjective = nxt.fold not in TITLE_WORDS or nxt.fold in SPANISH_ADJECTIVES  # "Estado Mayor"
            if joining or (self.is_name(run, j + 1) and nxt.fold not in HEAD_FINAL and adjective):
                j += 1
            else:
                break
        while j > k and self.tokens[run[j]].fold in CONNECTORS:
            j -= 1
        if j == k:
            return None
        words = self.words(run, k, j)
        if words[1] in ("y", "la", "las", "los", "el"):
            return None
        if (
            words[1] not in SPANISH_ADJECTIVES
            and words[1] not in ("de", "del", "para")
            and SPANISH_HEADS[words[0]] in ("force", "guard", "office", "base", "army", "navy", "staff", "police")
            and not (SPANISH_HEADS[words[0]] == "base" and words[1] in ("aerea", "naval", "militar"))
        ):
            return None
        typed = classify(words, 0, spanish=True)
        if typed is None:
            return None
        return self.make(run, k, j, typed, k), j

    def head_final(self, run: list[int], k: int, claimed: int) -> tuple[NameCandidate, int] | None:
        word = self.tokens[run[k]].fold
        rule = HEAD_FINAL.get(word)
        if rule is None:
            return None
        nxt = self.tokens[run[k + 1]] if k + 1 < len(run) else None
        if word == "press" and nxt is not None and nxt.fold in TITLE_WORDS:
            return None  # "Pentagon Press Secretary", "White House Press Officer": an office, not a publisher
        end = k
        designation_heads = rule == "base" or (word == "force" and k > 0 and self.tokens[run[k - 1]].fold == "task")
        if (
            nxt is not None
            and nxt.fold in DIRECTIONS
            and rule in ("army", "force", "command", "unit")
            and nxt.shape != "upper"
        ) or (
            nxt is not None
            and nxt.shape == "upper"
            and nxt.fold in ROMAN_NUMERALS
            and rule in ("war", "event", "meeting", "conference", "act")
        ):
            end = k + 1
        elif nxt is not None and designation_heads and self.is_name(run, k + 1) and nxt.fold not in ("number", "no"):
            end = self.designation(run, k, 3)
        elif nxt is not None and nxt.fold in COMPLEMENT_CONNECTORS and rule not in ("unit", "base"):
            end = self.complement(run, k)
        elif (
            nxt is not None
            and (self.is_name(run, k + 1) or (nxt.fold in ("and", "y") and rule not in _AND_FREE_RULES))
            and (nxt.fold not in TITLE_WORDS)
            and not (rule in ("unit", "group") and self.has_ordinal_before(run, k, claimed))
        ):
            return None  # a modifier of a later head: "Navy Planning Talks"
        start = self.modifiers(run, k, claimed)
        if start == k and end == k:
            return None
        if (
            start == k
            and end > k
            and nxt is not None
            and nxt.fold in COMPLEMENT_CONNECTORS
            and self.names_itself(run, k + 2)
            and self.tokens[run[end]].fold != "press"
        ):
            return None
        if rule in _AND_FREE_RULES and start - 2 > claimed and self.tokens[run[start - 1]].fold in ("and", "&", "y"):
            return None  # "Security and Prosperity Partnership": coordinated words, the name is not known
        head = k
        if self.tokens[run[end]].fold == "press" and end > k:
            head = end  # "University of California Press": a publisher
        typed = classify(self.words(run, start, end), head - start)
        if typed is None:
            return None
        return self.make(run, start, end, typed, head), end

    def has_ordinal_before(self, run: list[int], k: int, claimed: int) -> bool:
        return any(
            self.tokens[run[i]].shape == "ordinal" or self.tokens[run[i]].fold in ORDINAL_WORDS
            for i in range(max(claimed + 1, k - 4), k)
        )

    def complement(self, run: list[int], k: int) -> int:
        """Index of the last word of the "of …"/"for …" complement after head ``run[k]``."""
        j, last = k + 1, k
        while j < len(run):
            t = self.tokens[run[j]]
            if t.fold in CONNECTORS and not self.name_word_at(run[j]):
                if t.fold in ("and", "y", "&") and j + 1 < len(run) and self.tokens[run[j + 1]].fold in ARTICLES:
                    break
                if t.fold in COMPLEMENT_CONNECTORS and last > k and self.names_itself(run, j + 1):
                    break
                j += 1
                continue
            last = j
            if t.fold in COMPLEMENT_ENDS and self.is_name(run, j + 1):
                break
            j += 1
        return last

    def names_itself(self, run: list[int], j: int) -> bool:
        """The words from ``run[j]`` (an article skipped) to the next connector end on a head with modifiers."""
        while j < len(run) and self.tokens[run[j]].fold in ARTICLES:
            j += 1
        words: list[str] = []
        while j < len(run) and self.name_word_at(run[j]):
            words.append(self.tokens[run[j]].fold)
            j += 1
        proper = words[:1] and (
            words[0] in DEMONYMS | {"united", "national", "international"} or words[0][:1].isdigit()
        )
        return (
            bool(proper) and len(words) >= 2 and words[-1] in HEAD_FINAL and classify(words, len(words) - 1) is not None
        )

    def modifiers(self, run: list[int], k: int, claimed: int) -> int:
        """Index of the first modifier of head ``run[k]``, read leftwards."""
        start = k
        i = k - 1
        rule = HEAD_FINAL.get(self.tokens[run[k]].fold, "")
        while i > claimed and k - i <= _MAX_MODIFIERS:
            index = run[i]
            t = self.tokens[index]
            if not self.name_word_at(index):
                if (
                    t.fold in ("and", "&", "y")
                    and i - 1 > claimed
                    and self.name_word_at(run[i - 1])
                    and (rule not in _AND_FREE_RULES)
                ):
                    i -= 1
                    continue
                break
            if t.shape == "initial" and rule in _AND_FREE_RULES:
                break
            if t.fold in TITLE_WORDS and t.fold != "general":
                break
            if t.text.endswith(("'s", "’s")) and i < k:
                break  # "Mexico's National Defense Plan": a possessive is a determiner, not a modifier
            if (
                self.layout.sentence_initial(index)
                and not self.layout.caps_line(t.start)
                and ((t.fold in self.layout.lower_words and t.fold not in _NAME_OPENERS) or t.fold in FUNCTION_WORDS)
            ):
                break
            start = i
            if t.shape == "ordinal" or t.fold in ORDINAL_WORDS:
                break
            if t.fold in DEMONYMS and i - 1 > claimed:
                before = self.tokens[run[i - 1]]
                hyphen = self.text[before.end : t.start] in ("-", "–")
                if not (hyphen or before.fold in _COMPOUND_DEMONYM or before.fold in ("u.s", "us")):
                    break
            i -= 1
        while start < k and self.tokens[run[start]].fold in CONNECTORS | FUNCTION_WORDS:
            start += 1
        return start

    def make(self, run: list[int], a: int, b: int, typed: Typed, head: int) -> NameCandidate:
        first, last = self.tokens[run[a]], self.tokens[run[b]]
        end = last.end - 2 if last.text.endswith(("'s", "’s")) else last.end
        if typed.kind == "place" and (m := _NUMBER_AFTER.match(self.text, end)):
            end = m.end()
        written = self.text[first.start : end].split()
        caps = self.layout.caps_line(first.start) or (len(written) > 1 and all(w.upper() == w for w in written))
        return NameCandidate(
            first.start, end, label_of(self.text, first.start, end, caps), typed, self.tokens[run[head]].start
        )


def _sane(text: str, candidate: NameCandidate) -> bool:
    """No OCR debris: no broken or camel-joined words, no isolated letters, no digits inside words."""
    words = re.findall(r"[^\s]+", text[candidate.start : candidate.end])
    if len(words) > 14:
        return False
    for word in words:
        core = word.strip(".,;:’'\"()")
        if not core or core.lower() in CONNECTORS:
            continue
        if (
            re.search(r"[A-Za-z]\d|\d[A-Za-z]", core)
            and not re.match(r"^\d+(?:st|nd|rd|th|d)$|^[A-Z]+-\d+|^\d+-[A-Z]$", core, re.I)
            and candidate.typed.kind not in ("program", "event")
        ):
            return False
        if len(core) == 1 and core.isalpha() and not word.endswith(".") and core not in ("&",):
            return False
    return True


def find_names(
    text: str, tokens: list[Token], layout: Layout, known: Callable[[str], bool] | None = None
) -> list[NameCandidate]:
    """Every typed proper name of the text, in text order, with editions of recurring events.

    ``known`` tells whether a name is already an entity of the reference
    data (a context such as "… Mexico exercise …" then says nothing new).

    Names on table-of-contents lines are left out; events, programs and
    policies are taken from prose only (a heading or title line names what
    it is about, it is not a mention of a program).
    """
    reader = _Reader(text, tokens, layout)
    found: list[NameCandidate] = []
    for run in reader.runs():
        for candidate in reader.parse(run):
            if layout.contents_line(candidate.start) or not _sane(text, candidate):
                continue
            if candidate.typed.kind in ("program", "policy", "event") and layout.heading_line(candidate.start):
                continue
            found.append(candidate)
    found = _with_context(text, tokens, layout, reader, found, known)
    return _with_editions(text, found)


_EXERCISE_BEFORE = re.compile(
    r"(?:\b(?!(?:to|can|could|may|might|will|would|should|must|not|cannot|and)\s)[a-z]+\s+"
    r"(?:exercises?|ejercicio)|Exercise|Ejercicio)\s+$"
)
_EXERCISE_AFTER = re.compile(r"^(?:\s+(?:19|20)\d\d)?\s+(?:exercises?|ejercicio)\b")
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|this|that|each|every|annual|during|of|in|for|at|el|la|del)|['’]s)\s+$", re.IGNORECASE
)
_IS_AN_EXERCISE = re.compile(
    r"^(?:\s+(?:19|20)\d\d)?\s+(?:is|was|será|es)\s+(?:an?|the|un|una)\s+(?:[\w-]+\s+){0,6}?"
    r"(?:exercise|ejercicio)\b"
)


def _with_context(
    text: str,
    tokens: list[Token],
    layout: Layout,
    reader: _Reader,
    found: list[NameCandidate],
    known: Callable[[str], bool] | None,
) -> list[NameCandidate]:
    """Exercises named by their context, and every other use of those names in the document."""
    names: set[str] = set()
    for run in reader.runs():
        lead = 0
        while lead < len(run) and (
            tokens[run[lead]].fold in FUNCTION_WORDS | TITLE_WORDS or not reader.name_word_at(run[lead])
        ):
            lead += 1
        if lead == len(run):
            continue
        first = run[lead]
        start, end = tokens[first].start, tokens[run[-1]].end
        before, after = text[max(0, start - 24) : start], text[end : end + 80]
        named_after = _EXERCISE_AFTER.match(after) and _DETERMINER_BEFORE.search(before)
        if not (_EXERCISE_BEFORE.search(before) or named_after or _IS_AN_EXERCISE.match(after)):
            continue
        name = " ".join(text[start:end].split())
        folded = [t.fold for t in tokens if start <= t.start < end]
        if folded[-1] in HEAD_FINAL or (len(folded) == 1 and tokens[first].shape == "upper") or folded[0] in DEMONYMS:
            continue
        if known is not None and known(name):
            continue  # a place or an organisation already known: "… in Mexico exercise an effect"
        names.add(name)
    if not names:
        return found
    typed = Typed("event", "Exercise")
    extra = []
    for name in sorted(names):
        pattern = re.compile(r"(?<![\w-])" + r"\s+".join(map(re.escape, name.split())) + r"(?![\w-])")
        for m in pattern.finditer(text):
            if not layout.contents_line(m.start()):
                extra.append(NameCandidate(m.start(), m.end(), name, typed, m.start()))
    kept = [c for c in found if not any(e.start <= c.start < e.end or c.start <= e.start < c.end for e in extra)]
    return sorted([*kept, *extra], key=lambda c: (c.start, -c.end))


def _with_editions(text: str, found: list[NameCandidate]) -> list[NameCandidate]:
    """An event name followed by a year is an edition of the recurring event ("NAME 2022")."""
    out = []
    for c in found:
        m = re.match(r"[ \t]+((?:19|20)\d\d)\b", text[c.end : c.end + 8])
        if c.typed.kind == "event" and c.typed.type in _EVENT_TYPES_WITH_EDITIONS and m and _YEAR.fullmatch(m.group(1)):
            end = c.end + m.end()
            out.append(NameCandidate(c.start, end, f"{c.label} {m.group(1)}", c.typed, c.head, edition_of=c.label))
        else:
            out.append(c)
    return out
