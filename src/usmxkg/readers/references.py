"""The list of references (bibliography) at the end of a thesis or report, split into entries.

A Chicago-style bibliography (*The Chicago Manual of Style*, 17th ed.,
14.63–14.70) lists one work per entry, alphabetically by the first author's
surname written inverted ("Camp, Roderic Ai."), and replaces the name of an
author repeated from the entry above by a 3-em dash ("———.", CMOS 14.67).
After PDF-to-text conversion an entry may be one line or several (a wrapped
line, a URL pushed to its own line, a page break in the middle); entries are
set off by list bullets, by blank lines, or by nothing at all, sometimes all
three in one list; the dash may come out as hyphens ("---."), underscores
("_____.") or vanish ("- . Title."). This module reads all of these.

Where the list ends is found from the next heading (INITIAL DISTRIBUTION LIST,
an appendix, …), written in capitals as theses set their front and back
matter headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from usmxkg.document import Document, Reference

_HEADING = re.compile(
    r"^[ \t]*(?:LIST\s+OF\s+REFERENCES|(?:SELECTED\s+|ANNOTATED\s+)?BIBLIOGRAPHY|REFERENCES(?:\s+CITED)?"
    r"|WORKS\s+CITED|SOURCES\s+CITED)[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
"""A line that is only the list's heading (a table-of-contents line carries a page number too)."""
_END_HEADING = re.compile(
    r"(?:INITIAL\s+DISTRIBUTION\s+LIST|APPENDIX\b.*|INDEX|ABOUT\s+THE\s+AUTHORS?|VITA|GLOSSARY"
    r"|(?:END)?NOTES)",
    re.IGNORECASE,
)
"""Back-matter headings that may follow the list even when not set in capitals."""
_BULLET = re.compile(r"(?:[-*•▪●◦]|\[\d{1,4}\])[ \t]+|\[\d{1,4}\](?=\S)")
"""A list-item mark in front of an entry ("- ", "• ", "[12] ")."""
_REPEAT = re.compile(r"(?:[—―–]{2,}|-{2,}|_{3,})[ \t]*")
"""The repeated-author dash (three em dashes) and what converters make of it."""
_LOST_REPEAT = re.compile(r"(?:[.,](?=\s)|and\s)")
"""An itemised entry opening with the punctuation that followed a dash the converter dropped."""
_QUOTE_START = re.compile(r"[“\"‘«]")
_INVERTED_NAME = re.compile(
    r"(?:(?:[A-Z]\.\s*)+)?[^\W\d_][\w'’.\-]*(?:\s+[^\W\d_][\w'’.\-]*){0,3}"
    r",\s+(?:[^\W\d_]|and\b)"
)
"""How an entry by a person begins: "Surname, Given" (surname up to four words)."""
_CONTINUATION = re.compile(r"(?:<|https?:|www\.|doi:|[a-z]|\d)")
"""How a wrapped line begins: a URL, a lower-case word, a number (page, year)."""
_PAGE_NUMBER = re.compile(r"\s*(?:\d{1,4}|[ivxlc]{1,7})\s*")
"""A line holding only a page number."""
_TERMINAL = re.compile(r"[.>)\]”\"’]\s*$")
"""How an entry ends: a full stop, a closing URL bracket, parenthesis or quotation mark."""

_PARTICLES = frozenset({"de", "del", "della", "der", "di", "da", "das", "do", "dos", "du", "la", "las", "le",
                        "los", "van", "von", "y", "e", "bin", "al", "ibn", "ten", "ter"})
"""Lower-case name particles ("Fernandez de Castro", "van der Berg")."""
_SUFFIXES = frozenset({"Jr.", "Sr."})
_AND = re.compile(r"(?:and|&)\s+")
_ABBREVIATIONS = frozenset({"Dept", "Inc", "Co", "Corp", "Ltd", "Bros", "Assn", "Univ", "Govt", "St", "Dr",
                            "Gen", "Col", "Maj", "Lt", "Capt", "Adm", "Mr", "Mrs", "Ms", "No", "Vol"})
"""Abbreviations whose full stop does not end a corporate author's name."""
_ROLE = re.compile(r"(?:eds?|trans|comp|ed\. and trans)\.")
_TOKEN = re.compile(r"[^\s,]+")
_INITIAL = re.compile(r"[A-Z]\.(?:-[A-Z]\.)?")


@dataclass(slots=True)
class _Line:
    """A line of the list: offsets of its content (after any bullet) and how it is set off."""

    start: int
    end: int
    text: str
    bullet: bool
    after_blank: bool


def parse_references(doc: Document) -> None:
    """Fill ``doc.references`` from the last list-of-references heading of ``doc``.

    Missing or empty lists are reported in ``doc.warnings``; nothing here
    raises on odd input.
    """
    heading = _last_heading(doc.text)
    if heading is None:
        doc.warnings.append("no list of references found")
        return
    lines = _list_lines(doc.text, heading)
    entries = _group_entries(lines)
    if not entries:
        doc.warnings.append("list of references is empty")
        return
    references: list[Reference] = []
    previous_author = ""
    for first, last in entries:
        span = doc.span(first.start, last.end)
        author = _resolve_author(span.text, first.bullet, previous_author)
        if author is None:
            doc.warnings.append(f"repeated-author entry without a preceding author at offset {span.start}")
            author = ""
        references.append(Reference(span, author))
        previous_author = author
    doc.references = references


def _last_heading(text: str) -> int | None:
    """Offset just past the last line that is only a list-of-references heading."""
    last = None
    for match in _HEADING.finditer(text):
        last = match
    return last.end() if last else None


def _list_lines(text: str, start: int) -> list[_Line]:
    """Non-blank lines from ``start`` to the next heading, bullets stripped."""
    out: list[_Line] = []
    after_blank = True
    pos = start + 1 if text.startswith("\n", start) else start
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        raw = text[pos:end]
        if not raw.strip():
            after_blank = True
        elif _PAGE_NUMBER.fullmatch(raw):
            pass  # page furniture the converter left behind
        elif after_blank and _is_heading(raw):
            break
        else:
            out.append(_content(raw, pos, after_blank))
            after_blank = False
        pos = end + 1
    return out


def _is_heading(line: str) -> bool:
    """A back-matter heading: a known name, or a short line in capitals that is not a sentence."""
    stripped = line.strip()
    if _END_HEADING.fullmatch(stripped):
        return True
    letters = [c for c in stripped if c.isalpha()]
    return (len(letters) >= 4 and len(stripped) <= 100 and all(c.isupper() for c in letters)
            and not stripped.endswith((".", ",")))


def _content(raw: str, pos: int, after_blank: bool) -> _Line:
    indent = len(raw) - len(raw.lstrip())
    bullet = _BULLET.match(raw, indent)
    begin = bullet.end() if bullet else indent
    end = len(raw.rstrip())
    return _Line(pos + begin, pos + end, raw[begin:end], bullet is not None, after_blank)


# --- entries -----------------------------------------------------------------------------------


def _looks_like_start(text: str) -> bool:
    """Whether a line opens an entry: a repeated-author dash, a quoted title, "Surname, Given", or a name."""
    if _REPEAT.match(text) or _QUOTE_START.match(text) or _INVERTED_NAME.match(text):
        return True
    return not _CONTINUATION.match(text) and text[:1].isupper()


def _strong_start(text: str) -> bool:
    """A start that a wrapped line is unlikely to imitate (used to tell how entries are set off)."""
    return bool(_REPEAT.match(text) or _QUOTE_START.match(text) or _INVERTED_NAME.match(text))


def _set_off(lines: list[_Line]) -> bool:
    """Whether entries are set off by bullets or blank lines (then a line right below continues its entry)."""
    if sum(line.bullet for line in lines) >= 2:
        return True
    starts = sum(_strong_start(line.text) for line in lines)
    return sum(line.after_blank for line in lines) * 2 >= starts


def _group_entries(lines: list[_Line]) -> list[tuple[_Line, _Line]]:
    """(first line, last line) of each entry, deciding line by line whether a new entry starts."""
    entries: list[tuple[_Line, _Line]] = []
    set_off = _set_off(lines)
    for line in lines:
        if not entries or _starts_entry(line, entries[-1][1], set_off):
            entries.append((line, line))
        else:
            entries[-1] = (entries[-1][0], line)
    return entries


def _starts_entry(line: _Line, previous: _Line, set_off: bool) -> bool:
    if line.bullet:
        return True
    if set_off and not line.after_blank:
        return False
    # after a blank line (a page break may fall inside an entry too) or in a list not set off at all
    return _looks_like_start(line.text) and bool(_TERMINAL.search(previous.text))


# --- authors -----------------------------------------------------------------------------------


def _resolve_author(entry: str, bullet: bool, previous: str) -> str | None:
    """The entry's author; the previous entry's for a repeated-author dash (None when there is none).

    "———, and Kristin M. Finklea." (the repeated author with a co-author)
    resolves to the previous author followed by the co-authors; "———, ed."
    keeps the previous author. A dropped dash is recognised only on an
    itemised line, where nothing else can precede the entry's punctuation.
    """
    mark = _REPEAT.match(entry) or (_LOST_REPEAT.match(entry) if bullet else None)
    if mark is None:
        return " ".join(_author(entry).split())
    if not previous:
        return None
    rest = entry[mark.start() if mark.group().startswith("and") else mark.end():].lstrip(",").lstrip()
    coauthors = _name_group(rest, inverted=False) if _AND.match(rest) else ""
    return " ".join(f"{previous}, {coauthors}".split()) if coauthors else previous


def _author(entry: str) -> str:
    """The author part of an entry as written: the name group before the first full stop that ends it.

    >>> _author("Camp, Roderic Ai. Generals in the Palacio. New York: Oxford University Press, 1992.")
    'Camp, Roderic Ai'
    >>> _author("Eisenhower, John S. D. Intervention! New York: W.W. Norton, 1993.")
    'Eisenhower, John S. D.'
    >>> _author("Dominguez, Jorge I., and Rafael Fernandez de Castro. The U.S. and Mexico. Routledge, 2009.")
    'Dominguez, Jorge I., and Rafael Fernandez de Castro'
    >>> _author("U.S. Census Bureau. Annual Report. Washington, DC, 2006.")
    'U.S. Census Bureau'
    >>> _author("“About Us.” Example Agency. Accessed May 1, 2013.")
    ''
    """
    if _QUOTE_START.match(entry):
        return ""
    if _INVERTED_NAME.match(entry):
        group = _name_group(entry, inverted=True)
        if group:
            return group
    return _organisation(entry)


def _organisation(entry: str) -> str:
    """A corporate author: the words before the first full stop that does not end an initial."""
    for match in re.finditer(r"\.(?=\s|$)", entry):
        head = entry[: match.start()]
        last = head.rsplit(None, 1)[-1] if head.split() else ""
        if re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", last) or last in _ABBREVIATIONS:
            continue  # "U.S.", an initial, "Dept."
        if not head or len(head) > 150 or re.search(r"[:?!“”\"]", head):
            return ""  # a title, not a name
        return head.strip()
    return ""


def _name_group(text: str, inverted: bool) -> str:
    """The names at the start of ``text``, up to the full stop that closes them ("" if none).

    ``inverted`` reads the first name as "Surname, Given Initials" (the
    bibliography form); names after a comma or "and" are in natural order
    ("and Anny Wong"). In the inverted given names an initial's full stop also
    closes the group when a title follows ("Sheina, Robert L. Latin America's
    Wars"); in natural order an initial is always followed by the surname.
    """
    pos = text.find(",") + 1 if inverted else 0
    given = inverted
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text):
            return ""
        if text[pos] == ",":
            comma, pos = pos, pos + 1
            if _ROLE.match(text, pos + _spaces(text, pos)):
                return text[:comma]  # "Smith, John, ed."
            given = False
            continue
        conjunction = _AND.match(text, pos)
        if conjunction:
            pos, given = conjunction.end(), False
            continue
        if text.startswith("et al.", pos):
            return text[: pos + len("et al.")]
        token = _TOKEN.match(text, pos)
        if token is None:
            return ""
        word, end = token.group(), token.end()
        if _INITIAL.fullmatch(word) or word in _SUFFIXES:
            if (given or word in _SUFFIXES) and _closes_after_initial(text, end):
                return text[:end]
            pos = end
            continue
        core = word[:-1] if word.endswith(".") else word
        if not core or not (core[0].isupper() or core in _PARTICLES) or not _is_name_word(core):
            return ""
        if word.endswith("."):
            return text[: pos + len(core)]
        pos = end


def _spaces(text: str, pos: int) -> int:
    """How many whitespace characters start at ``pos``."""
    count = 0
    while pos + count < len(text) and text[pos + count].isspace():
        count += 1
    return count


def _is_name_word(word: str) -> bool:
    return all(c.isalpha() or c in "'’-." for c in word)


def _closes_after_initial(text: str, end: int) -> bool:
    """After an initial in the inverted given names: does a title (not another name part) follow?"""
    rest = text[end : end + 80].lstrip()
    if not rest or rest.startswith((",", "et al.")) or _AND.match(rest):
        return False
    nxt = _TOKEN.match(rest)
    return not (nxt and (_INITIAL.fullmatch(nxt.group()) or nxt.group() in _SUFFIXES))
