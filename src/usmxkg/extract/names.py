"""Personal names as written → a display form and a family name for keys.

Catalogue records write "Martinez, Oscar R."; title pages write
"Oscar R. Martinez" or "OSCAR R. MARTINEZ"; approval pages add degrees
("Ph.D.") and suffixes ("Jr."). Keys must not depend on which form a
document happened to use. The parts of a name (given, middle, family,
suffix) come from nameparser (https://nameparser.readthedocs.io), which
reads both the inverted "Family, Given, Suffix" order of library headings
and the natural order.
"""

from __future__ import annotations

import re

from nameparser import HumanName  # type: ignore[import-untyped]

from usmxkg.vocab import fold

_DEGREES = re.compile(r",?\s*\b(?:Ph\.?\s?D|M\.?A|M\.?S|B\.?A|B\.?S|Ed\.?D|J\.?D|M\.?D)\.?(?=$|[\s,])", re.I)


def strip_credentials(name: str) -> str:
    """Drop academic degrees after a name.

    >>> strip_credentials("Rodrigo Nieto-Gomez, Ph.D.")
    'Rodrigo Nieto-Gomez'
    """
    return _DEGREES.sub("", name).strip(" ,")


def _parsed(name: str) -> HumanName:
    return HumanName(" ".join(strip_credentials(name).split()))


def _capitalised(name: str) -> str:
    """A name set all in capitals written the usual way ("DESMOND F. QUENBY JR." → "Desmond F. Quenby Jr.")."""
    letters = [c for c in name if c.isalpha()]
    if len(name.split()) < 2 or not letters or not all(c.isupper() for c in letters):
        return name
    human = HumanName(name)
    human.capitalize(force=True)
    return " ".join(str(human).split()) or name


def display_name(name: str) -> str:
    """Given-name-first form of a personal name, credentials removed, suffix after a comma.

    >>> display_name("Martinez, Oscar R.")
    'Oscar R. Martinez'
    >>> display_name("Rafael H. Garza, Jr.")
    'Rafael H. Garza, Jr.'
    >>> display_name("Quenby, Desmond C., Jr.")
    'Desmond C. Quenby, Jr.'
    >>> display_name("TOMAS M. FELD")
    'Tomas M. Feld'
    >>> display_name("Velasquez, Arturo D")  # catalogues (DTIC) print inverted names' initials without a stop
    'Arturo D. Velasquez'
    """
    name = _capitalised(" ".join(strip_credentials(name).split()))
    if ", " not in name:
        return name
    parsed = HumanName(name)
    if not (parsed.first and parsed.last) or len(parsed.last.split()) > 3:
        return name
    first, middle = (" ".join(w + "." if len(w) == 1 and w.isupper() else w for w in part.split())
                     for part in (parsed.first, parsed.middle))
    given = " ".join(p for p in (parsed.title, first, middle, parsed.last) if p)
    return f"{given}, {parsed.suffix}" if parsed.suffix else given


def family_name(name: str) -> str:
    """The family name, for keys that must survive order and suffix differences.

    >>> family_name("Garza, Rafael H.") == family_name("Rafael H. Garza, Jr.")
    True
    >>> family_name("Sotomayor Velazquez, Arturo C.")
    'Sotomayor Velazquez'
    """
    parsed = _parsed(name)
    if parsed.last:
        return str(parsed.last)
    parts = strip_credentials(name).split()
    return parts[-1] if parts else ""


def person_key(name: str) -> str:
    """The part of a personal name that identifies the person: no credentials, no Jr./Sr.

    >>> person_key("Rafael H. Garza, Jr.") == person_key("Rafael H. Garza")
    True
    >>> person_key("Desmond Quenby IV") == person_key("Desmond Quenby")
    True
    """
    parsed = _parsed(name)
    if parsed.suffix and parsed.first and parsed.last:
        base = " ".join(p for p in (parsed.title, parsed.first, parsed.middle, parsed.last) if p)
    else:
        base = strip_credentials(name)
    return fold(base or name)
