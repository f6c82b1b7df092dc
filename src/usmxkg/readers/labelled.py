"""Labelled-field records: the layout every catalogue page shares, read once for all record families.

Repository and library catalogue pages (DSpace item pages, HSDL abstract
pages, DTIC citations, bepress Digital Commons pages) print a work's metadata
as labelled fields. Saved as text they come in four layouts, often mixed:

* a label line with the value lines under it ("Authors" / "Martinez, Oscar R."),
  and nothing under it when the field is empty ("Language" / "Abstract");
* inline "Label: value", or DTIC's "Label : value";
* table rows "Label: | value |" whose cells may be empty ("Author: | |");
* labels glued to the previous value by the text conversion
  ("2012-09Advisor", "Show full item recordAbstract").

A family's :class:`Vocabulary` lists its labels. A line is a label when it
spells one exactly (case, colon and spacing aside); failing that, after
folding the usual OCR confusions ("lssue" → "issue", "Aut hors"), or when
rapidfuzz's ratio on the folded words reaches the cutoff. Such a garbled
label is accepted only where it can be told from a value: when it carries a
colon (values do not end with one), or where the family's print order of
labels puts it, between the labels read before and after it. So
"Organizations" in a subject list stays a subject although it resembles the
"Organization" label, which the order places much later.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from usmxkg.document import Document
from usmxkg.readers.lines import Line, split_lines

MAX_LABEL_CHARS = 50
MAX_LABEL_WORDS = 6
MIN_FUZZY_CHARS = 5
"""Folded labels shorter than this ("Date", "Type") are matched exactly only: one wrong letter is another word."""

_OCR_FOLD = str.maketrans({"1": "i", "l": "i", "|": "i", "!": "i", "0": "o"})
_OCR_PAIRS = (("rn", "m"), ("vv", "w"), ("li", "h"))
_NOT_LETTER = re.compile(r"[^a-z]")
_GARBLE_BREAKERS = re.compile(r"[,;?\"“”2-9]")
_INLINE = re.compile(r"^(?P<label>[A-Za-z][A-Za-z0-9 /().'’&-]{0,48}?)\s*:\s*(?P<value>\S.*)$")
_GLUE_POINT = re.compile(r"(?<=[a-z0-9.,;:)\]])[A-Z]")
_CELL = re.compile(r"[^|]+")


def label_key(text: str) -> str:
    """A label as looked up: case-folded, without a trailing colon, single-spaced."""
    return " ".join(text.strip().rstrip(":").strip().split()).casefold()


def folded(text: str) -> str:
    """Letters only, with the OCR confusions of label text folded (rn → m, li → h, l/1/I → i, 0 → o).

    >>> folded("Date of lssue") == folded("Date of Issue") and folded("Departrnent") == folded("Department")
    True
    """
    out = label_key(text)
    for pair, single in _OCR_PAIRS:
        out = out.replace(pair, single)
    return _NOT_LETTER.sub("", out.translate(_OCR_FOLD))


class Vocabulary:
    """A record family's labels, their contract fields, print order and page furniture.

    ``labels`` maps case-folded labels to :data:`usmxkg.document.FIELDS`
    names (None: housekeeping values that are not kept). ``orders`` are the
    family's usual print orders (label keys, synonyms joined by "|"), one per
    page layout, which let a garbled label be told from a value. ``furniture`` matches whole lines of page chrome;
    ``housekeeping`` labels are zoned as furniture with their values
    (collections, download counts); a ``stops`` label ends the record's own
    metadata, and everything from it on is furniture (lists of related
    items). ``glued`` reads labels stuck to the end of the previous value.
    """

    def __init__(self, labels: Mapping[str, str | None], *, orders: tuple[tuple[str, ...], ...] = (),
                 furniture: re.Pattern[str] | None = None, housekeeping: frozenset[str] = frozenset(),
                 stops: frozenset[str] = frozenset(), glued: bool = False, cutoff: float = 85.0) -> None:
        self.labels = dict(labels)
        self.orders = [{key: i for i, group in enumerate(order) for key in group.split("|")} for order in orders]
        self.furniture = furniture
        self.housekeeping = housekeeping
        self.stops = stops
        self.glued = glued
        self.cutoff = cutoff
        self._folded: dict[str, str] = {}
        for key in self.labels:
            self._folded.setdefault(folded(key), key)
        self._choices = [f for f in self._folded if len(f) >= MIN_FUZZY_CHARS]
        names = sorted((re.escape(key).replace(r"\ ", r"\s+") for key in self.labels if len(key) >= 3),
                       key=len, reverse=True)
        self.run_together = re.compile(r"(?<![\w(/])(?P<label>" + "|".join(names) + r")\s*:(?:\s+|$)", re.IGNORECASE)
        """Colon labels anywhere in a line: fields run together when the page lost its line breaks."""

    def exact(self, text: str) -> str | None:
        """The label ``text`` spells, case, colon and spacing aside; None otherwise."""
        key = label_key(text)
        return key if key in self.labels else None

    def garbled(self, text: str) -> str | None:
        """The label a short, label-shaped line resembles (OCR folding, then fuzzy ratio); None otherwise."""
        bare = text.strip().rstrip(":").strip()
        if not bare or len(bare) > MAX_LABEL_CHARS or len(bare.split()) > MAX_LABEL_WORDS:
            return None
        if not bare[0].isupper() or _GARBLE_BREAKERS.search(bare):
            return None
        key = folded(bare)
        if key in self._folded:
            return self._folded[key]
        if len(key) < MIN_FUZZY_CHARS:
            return None
        best = process.extractOne(key, self._choices, scorer=fuzz.ratio, score_cutoff=self.cutoff)
        return self._folded[best[0]] if best else None

    def field_of(self, label: str) -> str | None:
        return self.labels.get(label)

    def found(self, lines: list[str]) -> set[str]:
        """Distinct labels printed exactly, in any layout (line, inline, table row, run together): for detection."""
        out: set[str] = set()
        for text in lines:
            label = self.exact(text)
            if label is None and "|" in text:
                label = self.exact(text.lstrip("| ").split("|", 1)[0])
            if label is not None:
                out.add(label)
                continue
            if text.count(":") < 2 and _INLINE.match(text) is None:
                continue
            runs = [m for m in self.run_together.finditer(text) if m.group("label")[0].isupper()]
            out.update(key for key in (self.exact(m.group("label")) for m in runs) if key is not None)
        return out

    def count(self, lines: list[str]) -> int:
        """How many distinct labels :meth:`found` finds."""
        return len(self.found(lines))


@dataclass(slots=True)
class Field:
    """One labelled field as read: its label key, contract name, the label's line and the value lines."""

    label: str
    name: str | None
    head: Line
    lines: list[Line] = field(default_factory=list)


@dataclass(slots=True)
class Record:
    """A record's lines before the first label, its fields, and the furniture regions found."""

    head: list[Line] = field(default_factory=list)
    fields: list[Field] = field(default_factory=list)
    furniture: list[tuple[int, int]] = field(default_factory=list)
    end: int = 0

    def of(self, *labels: str) -> list[Field]:
        """The fields printed under any of ``labels`` (label keys), in document order."""
        return [f for f in self.fields if f.label in labels]

    def named(self, name: str) -> list[Field]:
        """The fields that fill contract field ``name``, in document order."""
        return [f for f in self.fields if f.name == name]


@dataclass(slots=True)
class _Token:
    """A classified line: a label (with an inline value), a garbled-label candidate, a value, or furniture."""

    line: Line
    kind: str  # "label", "candidate", "value", "furniture"
    label: str = ""
    value: Line | None = None
    colon: bool = False


def read_record(doc: Document, vocab: Vocabulary, start: int = 0, end: int | None = None) -> Record:
    """The labelled fields of ``doc.text[start:end]`` in the family's vocabulary; zones not yet marked."""
    tokens = [t for line in split_lines(doc.text, start, end) for t in _classify(vocab, line)]
    _accept_candidates(vocab, tokens)
    record = Record(end=len(doc.text) if end is None else end)
    for token in tokens:
        if token.kind == "furniture":
            record.furniture.append((token.line.start, token.line.end))
        elif token.kind == "label":
            if token.label in vocab.stops:
                record.furniture.append((token.line.start, record.end))
                record.end = token.line.start
                break
            item = Field(token.label, vocab.field_of(token.label), token.line)
            if token.value is not None:
                item.lines.append(token.value)
            record.fields.append(item)
        elif record.fields:
            record.fields[-1].lines.append(token.line)
        else:
            record.head.append(token.line)
    for item in record.fields:
        if item.label in vocab.housekeeping:
            last = item.lines[-1].end if item.lines else item.head.end
            record.furniture.append((item.head.start, last))
    return record


def mark_furniture(doc: Document, record: Record) -> None:
    """Zone the record's page chrome, housekeeping fields and related-item lists as ``furniture``."""
    for start, end in sorted(record.furniture):
        doc.add_zone("furniture", start, end)


def _classify(vocab: Vocabulary, line: Line) -> list[_Token]:
    text = line.text
    if vocab.furniture is not None and vocab.furniture.match(text):
        return [_Token(line, "furniture")]
    if "|" in text:
        row = _table_row(vocab, line)
        if row is not None:
            return [row]
    label = vocab.exact(text)
    if label is not None:
        return [_Token(line, "label", label, colon=text.rstrip().endswith(":"))]
    run = _run_together(vocab, line)
    if run:
        return run
    inline = _INLINE.match(text)
    if inline is not None:
        label = vocab.exact(inline.group("label")) or vocab.garbled(inline.group("label") + ":")
        if label is not None:
            value = Line(line.start + inline.start("value"), line.end, inline.group("value"))
            return [_Token(line, "label", label, value=value, colon=True)]
    if vocab.glued:
        glued = _glued(vocab, line)
        if glued:
            return glued
    label = vocab.garbled(text)
    if label is not None:
        return [_Token(line, "candidate", label, colon=text.rstrip().endswith(":"))]
    return [_Token(line, "value")]


def _table_row(vocab: Vocabulary, line: Line) -> _Token | None:
    """A "Label: | value |" or "| Label | value |" row; an empty value cell leaves the field blank."""
    cells = [m for m in _CELL.finditer(line.text) if m.group().strip()]
    if not cells:
        return None
    label = vocab.exact(cells[0].group()) or vocab.garbled(cells[0].group().strip() + ":")
    if label is None:
        return None
    value = None
    if len(cells) > 1:
        cell = cells[1]
        text = cell.group().strip()
        begin = line.start + cell.start() + len(cell.group()) - len(cell.group().lstrip())
        value = Line(begin, begin + len(text), text)
    return _Token(line, "label", label, value=value, colon=True)


def _run_together(vocab: Vocabulary, line: Line) -> list[_Token]:
    """Several "Label: value" fields on one line (a page that lost its line breaks); none when fewer than two."""
    if line.text.count(":") < 2:
        return []
    found = [m for m in vocab.run_together.finditer(line.text) if m.group("label")[0].isupper()]
    if len(found) < 2:
        return []
    tokens = []
    before = line.text[:found[0].start()].strip()
    if before:
        tokens.append(_Token(_part(line, 0, found[0].start()), "value"))
    for i, match in enumerate(found):
        stop = found[i + 1].start() if i + 1 < len(found) else len(line.text)
        value = _part(line, match.end(), stop) if line.text[match.end():stop].strip() else None
        label = vocab.exact(match.group("label")) or ""
        tokens.append(_Token(_part(line, match.start(), stop), "label", label, value=value, colon=True))
    return tokens


def _part(line: Line, start: int, stop: int) -> Line:
    """The trimmed piece ``[start, stop)`` of a line, as a line of its own."""
    piece = line.text[start:stop]
    lead = len(piece) - len(piece.lstrip())
    text = piece.strip()
    return Line(line.start + start + lead, line.start + start + lead + len(text), text)


def _glued(vocab: Vocabulary, line: Line) -> list[_Token]:
    """A value (or a furniture line) with a label stuck to its end: two tokens, else none."""
    for point in _GLUE_POINT.finditer(line.text):
        label = vocab.exact(line.text[point.start():])
        if label is None:
            continue
        prefix = line.text[:point.start()].rstrip()
        head = Line(line.start, line.start + len(prefix), prefix)
        tail = Line(line.start + point.start(), line.end, line.text[point.start():])
        chrome = vocab.furniture is not None and vocab.furniture.match(prefix)
        return [_Token(head, "furniture" if chrome else "value"), _Token(tail, "label", label)]
    return []


def _accept_candidates(vocab: Vocabulary, tokens: list[_Token]) -> None:
    """Turn garbled-label candidates into labels where a colon or a print order vouches for them."""
    fits = [_in_order(order, tokens) for order in vocab.orders]
    seen: set[str] = set()
    for i, token in enumerate(tokens):
        if token.kind == "candidate":
            vouched = token.colon or any(fit[i] for fit in fits)
            token.kind = "label" if vouched and token.label not in seen else "value"
        if token.kind == "label":
            seen.add(token.label)


def _in_order(order: dict[str, int], tokens: list[_Token]) -> list[bool]:
    """For each token: does its candidate label fall between the labels before and after it in ``order``?"""
    following: list[int | None] = [None] * len(tokens)
    upcoming: int | None = None
    for i in range(len(tokens) - 1, -1, -1):
        following[i] = upcoming
        if tokens[i].kind == "label" and tokens[i].label in order:
            upcoming = order[tokens[i].label]
    out = [False] * len(tokens)
    last = -1
    for i, token in enumerate(tokens):
        position = order.get(token.label) if token.kind in ("candidate", "label") else None
        if token.kind == "candidate" and position is not None:
            nxt = following[i]
            out[i] = last < position and (nxt is None or position < nxt)
        elif token.kind == "label" and position is not None:
            last = max(last, position)
    return out


# --------------------------------------------------------------------------- values

def add_text(doc: Document, name: str, lines: list[Line]) -> None:
    """One value over all the lines (an abstract of several paragraphs, a rights statement)."""
    if lines:
        doc.add_field(name, doc.span(lines[0].start, lines[-1].end))


def add_list(doc: Document, name: str, lines: list[Line], separators: re.Pattern[str] | None = None) -> None:
    """One value per line, and per separator within a line; case-insensitive repeats are dropped."""
    pattern = separators or SEMICOLON
    seen = {_value_key(span.text) for span in doc.fields.get(name, [])}
    for line in lines:
        for start, end in split_spans(doc.text, line.start, line.end, pattern):
            key = _value_key(doc.text[start:end])
            if key and key not in seen:
                seen.add(key)
                doc.add_field(name, doc.span(start, end))


SEMICOLON = re.compile(r"\s*;\s*")


def split_spans(text: str, start: int, end: int, separator: re.Pattern[str]) -> list[tuple[int, int]]:
    """Offsets of the parts of ``text[start:end]`` between separators, blanks trimmed, empty parts dropped."""
    out = []
    cursor = start
    for sep in [*separator.finditer(text, start, end), None]:
        stop = end if sep is None else sep.start()
        a, b = cursor, stop
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
        if sep is not None:
            cursor = sep.end()
    return out


def add_unique(doc: Document, name: str, start: int, end: int) -> None:
    """Add a value unless the field already holds the same words (repeated subject lists)."""
    key = _value_key(doc.text[start:end])
    if key and all(_value_key(span.text) != key for span in doc.fields.get(name, [])):
        doc.add_field(name, doc.span(start, end))


def _value_key(text: str) -> str:
    return " ".join(text.split()).casefold()


def cut_warning(doc: Document, record: Record, family: str) -> None:
    """Warn when the text stops inside an abstract (a truncated page); what was read is kept.

    The page is cut when nothing follows the last field's value and that
    value, prose, does not end a sentence.
    """
    if not record.fields:
        return
    last = record.fields[-1]
    if last.name != "abstract" or not last.lines or last.lines[-1].end < len(doc.text.rstrip()):
        return
    if not last.lines[-1].text.rstrip().endswith((".", "!", "?", '"', "”", ")", "]")):
        doc.warnings.append(f"{family}: the text stops inside the {last.label} field")
