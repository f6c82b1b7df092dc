"""Patterns of newsroom typography: dates, datelines, personal names and military ranks.

Government and military newsrooms (DoD News and the American Forces Press
Service, army.mil, the af.mil family, DVIDS, navy.mil, marines.mil,
state.gov) write in AP style: abbreviated months ("Sept. 27, 2023"),
datelines of a place in capitals, an optional date or agency and a dash
("WASHINGTON, May 8, 1996 –", "FORT SAM HOUSTON, Texas (June 5, 2012) --",
"MEXICO CITY (AP) —"), and ranks abbreviated before names ("Sgt. 1st Class",
"Lt. Gen.", "Petty Officer 2nd Class"). These patterns are shared by the
news reader's head, body and quote parts, and by the web reader (``DATE``,
``DATE_LINE``, ``NAME``).
"""

from __future__ import annotations

import re

from usmxkg.readers.lines import Line

UPPER = "A-ZÁÉÍÓÚÑÜÀÈÌÒÙÂÊÎÔÛÇ"
LOWER = "a-záéíóúñüçàèìòùâêîôû"
MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
         r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
SPANISH_MONTH = (r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|sept?iembre|octubre"
                 r"|noviembre|diciembre)")
DATE = (rf"(?:{MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+{MONTH}(?:,?\s+\d{{4}})?"
        rf"|\d{{1,2}}\s+de\s+{SPANISH_MONTH}(?:\s+de\s+\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}})")
"""A date as datelines and date lines print it: "Oct. 18, 2016", "3 June 2019", "3 de junio de 2019"."""

WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"

DATE_LINE = re.compile(
    rf"^(?:(?:Posted|Published|Updated|Released|Date)(?: on)?:?\s+)?"
    rf"(?:{WEEKDAY},?\s+)?(?P<date>{DATE})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}.*)?$",
    re.IGNORECASE,
)
"""A line that is only a publication date (with an optional weekday, label or time)."""

_YEAR = re.compile(r"\b\d{4}\b")

CAPS_WORD = rf"[{UPPER}][{UPPER}.'’-]*"
"""A word of a dateline place: capitals with dots, apostrophes and hyphens ("ANTONIO-LACKLAND", "ST.")."""

REGION = rf"[{UPPER}][{LOWER}{UPPER}.]*(?:\s(?:of\s|de\s|del\s)?[{UPPER}][{LOWER}{UPPER}.]*){{0,2}}"
"""The state, country or region after a dateline place ("Texas", "N.C.", "Republic of Korea")."""

SPANISH_CITY = (
    rf"[{UPPER}][{LOWER}]+(?:[ \t](?:de[ \t]|del[ \t]|la[ \t])?[{UPPER}][{LOWER}]+){{0,3}}"
    rf"(?=(?:,\s*{REGION}){{0,2}},\s*(?:a\s+)?\d{{1,2}}\s+de\s+{SPANISH_MONTH}\b)"
)
"""A place in title case before a Spanish date, as Mexican government bulletins write it ("Veracruz, Ver., 12 de
marzo de 2021.-")."""

_DATELINE_BODY = (
    rf"(?P<place>(?P<city>(?=[^,(\n]{{2,70}}[,(\s—–‒―-]){CAPS_WORD}(?:[ \t]{CAPS_WORD}){{0,6}}|{SPANISH_CITY})"
    rf"(?P<region>(?:,\s*{REGION}){{0,2}}))"
    rf"(?:(?:,\s*(?:a\s+)?|\s*(?P<paren>\())(?P<date>{DATE})(?(paren)\)))?"
    r"\s*(?:\((?P<agency>[A-Za-z][\w .&-]{0,30})\))?"
    r"\s*(?:/[^/\n]{1,40}/)?"
    r"(?P<dash>\s*(?:—|–|‒|―|--)\s*|\s+-\s+|\s+-$|(?<=\d{4})\.-\s*)"
)
DATELINE = re.compile("^" + _DATELINE_BODY)
"""Place in capitals, optional region, optional date (after a comma or in parentheses), agency, dash.

Mexican bulletins write the place in title case and close the dateline with ".-" after the year.

A plain hyphen counts only with spaces around it, so "U.S.-MEXICO" in a
capitalised title is not a dateline.
"""

INLINE_DATELINE = re.compile(rf"(?<![\w.,'’&-]){_DATELINE_BODY}")
"""A dateline inside a line: a page with no line breaks runs headline, byline and dateline together."""

NOT_PLACES = frozenset({
    "CHAPTER", "SECTION", "PART", "APPENDIX", "ANNEX", "TABLE", "FIGURE", "NOTE", "NOTES", "SUMMARY",
    "INTRODUCTION", "CONCLUSION", "CONCLUSIONS", "UPDATE", "UPDATED", "BREAKING", "EXCLUSIVE", "PHOTO",
    "PHOTOS", "VIDEO", "WATCH", "READOUT", "ABSTRACT", "PREFACE", "EDITOR'S", "EDITOR’S", "CORRECTION",
})
"""Capitalised first words of headings and labels, not of dateline places ("CHAPTER I —")."""


def credible_dateline(match: re.Match[str]) -> bool:
    """A date, agency or region makes a dateline; a bare place needs a real word of capitals before the dash."""
    city = match.group("city")
    if city.split()[0].rstrip(".:") in NOT_PLACES:
        return False
    if match.group("date") or match.group("agency") or match.group("region"):
        return True
    return sum(c.isalpha() for c in city) >= 4


def find_dateline(lines: list[Line], limit: int = 12) -> tuple[int, re.Match[str]] | None:
    """Index and match of a dateline opening one of the first ``limit`` lines; used by kind detection too."""
    for index, line in enumerate(lines[:limit]):
        match = DATELINE.match(line.text)
        if match and credible_dateline(match):
            return index, match
    return None


def has_year(text: str) -> bool:
    """True when a date as written states its year."""
    return bool(_YEAR.search(text))


CAPWORD = rf"[{UPPER}](?=[\w'’-]{{0,30}}[{LOWER}])[\w'’-]{{1,31}}"
INITIAL = rf"[{UPPER}]\."
PARTICLE = r"(?:de|del|de la|la|las|los|van|von|da|dos|di|le)"
RANK = (r"(?:Mr|Mrs|Ms|Dr|Gen|Adm|Col|Lt|Maj|Capt|Cmdr|Cdr|Sgt|Cpl|Pvt|Spc|Brig|Sen|Rep|Gov|Amb|Sec"
        r"|Pres|Prof|Rev|Insp|Supt)\.")
"""AP-style abbreviated ranks and honorifics that may precede a name ("Maj. Gen.", "Sen.")."""

NAME = (rf"(?:(?:{CAPWORD}|{INITIAL}|{RANK})\s+(?:{PARTICLE}\s+)?){{0,5}}{CAPWORD}"
        r"(?:,?\s+(?:Jr|Sr)\.|\s+(?:II|III|IV))?")
"""A person's name as printed: capitalised words and initials, Spanish/Dutch particles, Jr./Sr.

Ranks and offices before it are matched too and dropped by
:func:`usmxkg.readers.quotes.clean_name`.
"""

_ORDINAL = r"(?:1st|2nd|3rd|First|Second|Third)"
MILITARY_RANK = (
    r"(?:Command\s+Sgt\.\s+Maj\.|Sgt\.\s+Maj\.(?:\s+of\s+the\s+Army)?|Master\s+Gunnery\s+Sgt\.|Gunnery\s+Sgt\."
    r"|(?:Senior\s+|Chief\s+)?Master\s+Sgt\.(?:\s+of\s+the\s+Air\s+Force)?|1st\s+Sgt\.|First\s+Sgt\."
    rf"|Tech\.\s+Sgt\.|Staff\s+Sgt\.|Sgt\.\s+{_ORDINAL}\s+Class|Sgt\.|Lance\s+Cpl\.|Cpl\.|Spc\.|Pfc\.|Pvt\.(?:\s+2)?"
    rf"|Airman\s+{_ORDINAL}\s+Class|Senior\s+Airman|Airman(?:\s+Basic)?"
    r"|(?:Master\s+Chief|Senior\s+Chief|Chief)\s+Petty\s+Officer"
    rf"|Petty\s+Officer\s+{_ORDINAL}\s+Class"
    rf"|Mass\s+Communication\s+Specialist\s+(?:{_ORDINAL}\s+Class|Seaman(?:\s+Apprentice|\s+Recruit)?)"
    r"|Seaman(?:\s+Apprentice|\s+Recruit)?|Chief\s+Warrant\s+Officer(?:\s+\d)?|Warrant\s+Officer(?:\s+\d)?"
    rf"|{_ORDINAL}\s+Lt\.|Lt\.\s+(?:j\.g\.|Col\.|Cmdr\.|Gen\.)|Lt\.|Capt\.|Maj\.\s+Gen\.|Maj\.|Col\.|Brig\.\s+Gen\."
    r"|Gen\.|Ens\.|Ensign|Cmdr\.|Cdr\.|(?:Rear|Vice)\s+Adm\.|Adm\."
    r"|Lieutenant\s+(?:Colonel|General|Commander|Junior\s+Grade)|Lieutenant|Captain|Major\s+General|Major"
    r"|Colonel|Brigadier\s+General|General|Rear\s+Admiral|Vice\s+Admiral|Admiral|Commander"
    r"|Sergeant\s+Major|Staff\s+Sergeant|Sergeant|Corporal|Private|Specialist"
    r"|Mr\.|Mrs\.|Ms\.|Dr\.|Sen\.|Rep\.|Gov\.|Amb\.|Hon\.|(?:The\s+)?Honorable)"
)
"""Ranks as AP style and the services print them before names (enlisted, warrant and officer grades)."""

SERVICE = (r"(?:(?:U\.S\.\s+)?(?:Army\s+National\s+Guard|Air\s+National\s+Guard|National\s+Guard|Army\s+Reserve"
           r"|Air\s+Force\s+Reserve|Navy\s+Reserve|Marine\s+Corps|Air\s+Force|Space\s+Force|Coast\s+Guard|Army"
           r"|Navy|Marine))")
"""A service named before a rank ("Army Sgt.", "Air Force Brig. Gen.")."""

GLOSSED_RANK = (rf"(?:[{UPPER}][\w/]*\s+(?:(?:de|del|\d/o)\s+)?){{1,3}}(?:\d/o\s+)?\((?:{MILITARY_RANK}\s*)+\)")
"""A foreign rank glossed with its U.S. equivalent: "Capitán 1/o (Capt.)", "General de Ala (Brig. Gen.)"."""

RANK_PREFIX = re.compile(rf"^(?:(?:{SERVICE}\s+)?(?:{GLOSSED_RANK}|{MILITARY_RANK})\s+)+")
"""Service and rank words at the start of a byline or speaker ("Army Sgt. 1st Class ")."""
