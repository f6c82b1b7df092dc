"""Personal names as written → a display form and a family name for keys.

Catalogue records write "Martinez, Oscar R."; title pages write
"Oscar R. Martinez"; approval pages add degrees ("Ph.D.") and suffixes
("Jr."). Keys must not depend on which form a document happened to use.
"""

from __future__ import annotations

import re

from usmxkg.vocab import fold

_DEGREES = re.compile(r",?\s*\b(?:Ph\.?\s?D|M\.?A|M\.?S|B\.?A|B\.?S|Ed\.?D|J\.?D|M\.?D)\.?(?=$|[\s,])", re.I)
_SUFFIX = re.compile(r",?\s*\b(?:Jr|Sr|II|III|IV)\.?$")


def strip_credentials(name: str) -> str:
    """Drop academic degrees after a name.

    >>> strip_credentials("Rodrigo Nieto-Gomez, Ph.D.")
    'Rodrigo Nieto-Gomez'
    """
    return _DEGREES.sub("", name).strip(" ,")


def display_name(name: str) -> str:
    """Given-name-first form of a personal name, credentials removed.

    >>> display_name("Martinez, Oscar R.")
    'Oscar R. Martinez'
    >>> display_name("Rafael H. Garza, Jr.")
    'Rafael H. Garza, Jr.'
    """
    name = " ".join(strip_credentials(name).split())
    if _SUFFIX.search(name):
        return name
    family, sep, given = name.partition(", ")
    if sep and given and len(family.split()) <= 3:
        return f"{given} {family}"
    return name


def family_name(name: str) -> str:
    """The family name, for keys that must survive order and suffix differences.

    >>> family_name("Garza, Rafael H.") == family_name("Rafael H. Garza, Jr.")
    True
    """
    name = _SUFFIX.sub("", strip_credentials(name)).strip(" ,")
    if ", " in name:
        return name.split(", ")[0].strip()
    parts = name.split()
    return parts[-1] if parts else ""


def person_key(name: str) -> str:
    """The part of a personal name that identifies the person: no credentials, no Jr./Sr.

    >>> person_key("Rafael H. Garza, Jr.") == person_key("Rafael H. Garza")
    True
    >>> person_key("Desmond Quenby IV") == person_key("Desmond Quenby")
    True
    """
    base = name.split(", ")[0] if name.endswith(("Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV")) else name
    return fold(_SUFFIX.sub("", base).strip(" ,") or base)
