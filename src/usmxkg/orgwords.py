"""Words that make a name an organisation's, in English and Spanish, and the shape of an acronym.

One list for every stage that must tell a person from an organisation: the
readers (bylines, record values), the citation parser (corporate authors,
CMOS 14.69) and the person/organisation decision of
:mod:`usmxkg.extract.agents`. A personal name never holds one of these words
as a word of its own ("Human Rights Watch", "Secretaría de Marina", "US Army",
"Naval Postgraduate School"), so one of them among a name's capitalised words
is enough to keep the name from being minted as a ``usmx:Person``. Words are
folded like :func:`usmxkg.vocab.fold` (lower case, no accents). Words that are
also common given names or surnames ("Marina", "House", "Bank", "Post") are
left out: the reference data and the other words decide those names.
"""

from __future__ import annotations

import re

from usmxkg.vocab import fold

__all__ = [
    "CORPORATE_AUTHOR_WORDS", "ORGANISATION_WORDS", "PRESS_WORDS", "has_organisation_word", "is_acronym",
    "organisation_words",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ENGLISH = _words(
    "academy administration agency army association authority board bureau cartel center centre coalition college "
    "command commission committee company congress corporation council court department directorate division "
    "embassy consulate federation force forces foundation fund government group guard headquarters "
    "institute institution league library ministry museum nations navy office organisation organization "
    "parliament partnership party police program programme rights union school secretariat senate service society "
    "staff survey university watch brigade battalion regiment squadron corps marines laboratory "
    "inc ltd llc"
)
"""English organisation nouns (heads of names such as "… Command", "Office of …", "… Rights Watch")."""

SPANISH = _words(
    "academia agencia armada asociacion centro colegio comando comision comite consejo cuerpo "
    "departamento direccion ejercito escuela estado fiscalia fuerza fuerzas fundacion gobierno grupo guardia "
    "instituto junta ministerio oficina organizacion partido policia procuraduria programa secretaria senado "
    "servicio universidad"
)
"""Spanish organisation nouns ("Secretaría de …", "Dirección General de …", "Ejército Mexicano")."""

PRESS_WORDS = _words("press news times journal daily herald tribune gazette reuters publishers publishing")
"""Words of newsrooms and publishers credited as authors ("Associated Press", "New York Times")."""

ORGANISATION_WORDS: frozenset[str] = ENGLISH | SPANISH | PRESS_WORDS
"""Every folded word that marks an organisation's name."""

CORPORATE_AUTHOR_WORDS: frozenset[str] = ORGANISATION_WORDS | _words("house bank marina")
"""In an author position of a citation, where a body of capitalised words stands alone, also the
words that are surnames or given names elsewhere ("White House", "World Bank", "Secretaría de Marina")."""

_ROMAN = _words("ii iii iv vi vii viii")
_TOKEN = re.compile(r"[^\s,;()]+")


def organisation_words(name: str) -> list[str]:
    """The capitalised words of ``name`` that mark an organisation, folded.

    >>> organisation_words("Secretaría de Marina")
    ['secretaria']
    >>> organisation_words("Human Rights Watch")
    ['rights', 'watch']
    >>> organisation_words("Ana Ruiz")
    []
    """
    out = []
    for token in _TOKEN.findall(name):
        word = token.strip(".'’")
        if word[:1].isupper() and fold(word) in ORGANISATION_WORDS:
            out.append(fold(word))
    return out


def has_organisation_word(name: str) -> bool:
    """Whether a capitalised word of ``name`` marks an organisation ("Office", "Ejército", "Press")."""
    return bool(organisation_words(name))


def is_acronym(token: str) -> bool:
    """A word of two or more letters set all in capitals ("USNORTHCOM", "U.S.", "SEMAR"), or a
    word of mixed case with three capitals or two that close it ("DoD", "USNorthCom"), which
    names such as "MacKay" or "McDonald" are not.

    Roman numerals of suffixes ("III") are not acronyms; a name set all in
    capitals on a title page ("JOHN A. SMITH") is judged word by word by
    the caller, which knows whether the whole line is in capitals.

    >>> [is_acronym(t) for t in ("USNORTHCOM", "U.S.", "DoD", "III", "Smith", "J.")]
    [True, True, True, False, False, False]
    """
    word = token.strip(",;:()'’")
    letters = [c for c in word if c.isalpha()]
    if len(letters) < 2 or fold(word.strip(".")) in _ROMAN or not re.fullmatch(r"[\w.&-]+", word):
        return False
    if all(c.isupper() for c in letters):
        return True
    capitals = sum(c.isupper() for c in letters)
    return capitals >= 3 or (capitals == 2 and letters[-1].isupper())  # "DoD", not "MacKay" or "McDonald"
