"""People named with a title or office: "President Felipe Calderon", "Secretary of Defense William J. Perry".

A title before a capitalised name is the strongest cue that the name is a
person's; the title itself ("President", "General") is worth keeping as the
role the document gives them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from usmxkg.document import Document, Span

_TITLE = (
    r"(?:Vice |Former )?President|Prime Minister|Secretary of (?:Defense|State|the Navy|National Defense|War)"
    r"|Deputy Assistant Secretary|Assistant Secretary|Secretary|Ambassador|Senator|Congressman|Governor"
    r"|General|Gen\.|Lt\. Gen\.|Maj\. Gen\.|Brig\. Gen\.|Admiral|Adm\.|Rear Adm\.|Vice Adm\.|Colonel|Col\."
    r"|Lieutenant Colonel|Lt\. Col\.|Captain|Capt\.|Commander|Cmdr\.|Professor|Prof\.|Dr\."
)
_NAME_WORD = r"(?:[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)?|[A-Z]\.)"
_PARTICLE = r"(?:de|del|de la|van|von|da|y)"
_PATTERN = re.compile(
    rf"\b(?P<title>{_TITLE})\s+(?P<name>{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_WORD}){{0,3}})"
)
_NOT_NAMES = frozenset(
    "Agreement Staff Assembly Services Accounting Motors Command Secretariat Council Office Headquarters "
    "Department Directorate Order Plan Orders Affairs Counsel Court Administration Government The This That "
    "On In At Of And Mexico Mexican United States".split()
)
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True, slots=True)
class TitledPerson:
    """A person's name as written after a title, the title, and the span covering both."""

    name: str
    title: str
    name_span: Span
    evidence: Span


def titled_people(doc: Document) -> list[TitledPerson]:
    """Every "Title Name" occurrence whose name looks like a personal name, in text order.

    >>> from usmxkg.document import Document
    >>> doc = Document("x", "x", "text", "Mexican President Enrique Pena Nieto's policy and the General Staff.")
    >>> [(p.title, p.name) for p in titled_people(doc)]
    [('President', 'Enrique Pena Nieto')]
    """
    found = []
    for match in _PATTERN.finditer(doc.text):
        words = match.group("name").split()
        while words and (words[-1] in _NOT_NAMES or words[-1].lower() in {"de", "del", "la", "y"}):
            words.pop()
        if not words or words[0] in _NOT_NAMES:
            continue
        name = _POSSESSIVE.sub("", " ".join(words))
        start = match.start("name")
        end = start + len(name)
        if doc.text[start:end] != name:
            continue
        found.append(TitledPerson(name, match.group("title"), doc.span(start, end), doc.span(match.start(), end)))
    return found
