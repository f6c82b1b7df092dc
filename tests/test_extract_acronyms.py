"""Acronym extraction: list rows and Schwartz-Hearst definitions in the corpus theses and a fixture."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from usmxkg.document import Acronym, Document
from usmxkg.extract.acronyms import AcronymPair, extract_acronyms, long_key, match_long_form, short_key
from usmxkg.readers import read_bytes, read_path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "data" / "sources"
FIXTURES = ROOT / "tests" / "data" / "acronyms"


def _source(number: str) -> Path:
    (path,) = sorted(SOURCES.glob(f"{number}_*.txt"))
    return path


@cache
def _doc(number: str) -> Document:
    return read_path(_source(number))


@cache
def _pairs(number: str) -> tuple[AcronymPair, ...]:
    return tuple(extract_acronyms(_doc(number)))


@cache
def _fixture() -> tuple[Document, tuple[AcronymPair, ...]]:
    doc = read_bytes((FIXTURES / "definitions.txt").read_bytes(), "fixture.txt")
    return doc, tuple(extract_acronyms(doc))


def _find(pairs: tuple[AcronymPair, ...], key: str, long: str) -> list[AcronymPair]:
    return [p for p in pairs if p.key == key and long_key(p.long) == long_key(long)]


def _as_written(pairs: tuple[AcronymPair, ...]) -> set[tuple[str, str]]:
    return {(p.short, p.long) for p in pairs}


# --------------------------------------------------------------------------- keys and matching


def test_short_key_folds_dots_plurals_and_case() -> None:
    assert short_key("DTOs") == "DTO"
    assert short_key("D.E.A.") == "DEA"
    assert short_key("O.A.S.") == "OAS"
    assert short_key("DoD") == "DOD"
    assert short_key("USNORTHCOM") == "USNORTHCOM"
    assert short_key("CHDS") == "CHDS"  # a capital S is part of the acronym


def test_long_key_ignores_accents_case_spacing_and_apostrophes() -> None:
    assert long_key("Secretaría de Marina") == long_key("secretaria  de marina")
    assert long_key("Army\u2019s") == long_key("Army's")
    assert long_key("Inter-American") == long_key("inter american")
    assert long_key("Education & Training") == long_key("Education and Training")


@pytest.mark.parametrize(
    ("short", "window", "expected"),
    [
        ("USNORTHCOM", "Besides dissecting the U.S. Northern Command", "U.S. Northern Command"),
        ("USNORTHCOM", "In 2002, the United States Northern Command", "United States Northern Command"),
        ("SEDENA", "secretariats, Secretaría de la Defensa Nacional", "Secretaría de la Defensa Nacional"),
        ("DoD", "control of the Department of Defense", "Department of Defense"),
        ("O.A.S.", "at the Organization of American States", "Organization of American States"),
        ("DTOs", "to fight the Drug Trafficking Organizations", "Drug Trafficking Organizations"),
        ("IAAFA", "conducted by the Inter-American Air Forces Academy", "Inter-American Air Forces Academy"),
        (
            "Ciepac",
            "el Centro de Investigaciones Económicas y Políticas de Acción Comunitaria",
            "Centro de Investigaciones Económicas y Políticas de Acción Comunitaria",
        ),
    ],
)
def test_match_long_form(short: str, window: str, expected: str) -> None:
    assert match_long_form(short, window) == expected


@pytest.mark.parametrize(
    ("short", "window"),
    [
        ("EZLN", "Zapatista National Liberation Army"),  # the Spanish initials of a translated name
        ("NAFTA", "the North Free Trade Agreement"),  # no A before "Free"
        ("Pancho", "The Revolutionary armies, led by Francisco"),  # a nickname, not an acronym
        ("2006", "Nueva Sociedad, no. 206"),
        ("p. 4", "the same page"),
    ],
)
def test_match_long_form_rejects(short: str, window: str) -> None:
    assert match_long_form(short, window) is None


# --------------------------------------------------------------------------- the 2014 thesis


def test_2014_thesis_counts_and_list_rows() -> None:
    doc, pairs = _doc("001"), _pairs("001")
    assert len(pairs) >= 25
    listed = [p for p in pairs if p.origin == "list"]
    assert len(listed) == len(doc.acronyms) == 28
    assert len([p for p in pairs if p.origin == "text"]) >= 10
    assert ("DSCA", "Defense Security Cooperation Agency") in _as_written(pairs)
    assert ("SEDENA", "Secretaria de Defensa Nacional") in _as_written(pairs)


def test_2014_thesis_northern_command() -> None:
    pairs = _pairs("001")
    (listed,) = _find(pairs, "USNORTHCOM", "United States Northern Command")
    assert listed.origin == "list"  # the in-text "United States Northern Command (USNORTHCOM)" merged into it
    (written,) = _find(pairs, "USNORTHCOM", "U.S. Northern Command")
    assert written.origin == "text"
    assert written.long == "U.S. Northern Command"


def test_2014_thesis_imet_as_written() -> None:
    # not in the thesis's list; written first in lower case, later capitalised (one pair after folding)
    (imet,) = _find(_pairs("001"), "IMET", "International Military Education and Training")
    assert imet.origin == "text"
    assert imet.long == "international military education and training"
    # and once with two words swapped, which is a different long form as written
    assert _find(_pairs("001"), "IMET", "International Military Training Education")


def test_2014_thesis_in_text_pairs_missing_from_the_list() -> None:
    pairs = _pairs("001")
    listed_keys = {short_key(a.short.text) for a in _doc("001").acronyms}
    expected = {
        ("TCO", "transnational criminal organizations"),
        ("NGOs", "non-governmental organizations"),
        ("NCOA", "Non-Commissioned Officer Academy"),
        ("NCO", "non-commissioned officers"),
        ("HRW", "Human Rights Watch"),
        ("FMS", "foreign military sales"),
        ("CCMD", "Combatant Command"),
        ("EUM", "end use monitoring"),
        ("TSCP", "Theater Security Cooperation Plan"),
        ("Ciepac", "Centro de Investigaciones Económicas y Políticas de Acción Comunitaria"),
    }
    assert expected <= _as_written(pairs)
    for short, _ in expected:
        assert short_key(short) not in listed_keys
    # a Spanish long form written in the text differs from the list row and is kept beside it
    assert ("SEDENA", "Secretaria de la Defensa Nacional") in _as_written(pairs)


def test_2014_thesis_list_row_wins_over_the_same_definition_in_text() -> None:
    pairs = _pairs("001")
    for key, long in [
        ("DOD", "Department of Defense"),
        ("DEA", "Drug Enforcement Administration"),
        ("IAAFA", "Inter-American Air Forces Academy"),
        ("BPC", "building partnership capacity"),
    ]:
        (pair,) = _find(pairs, key, long)
        assert pair.origin == "list"


def test_2014_thesis_translations_and_non_definitions_are_not_pairs() -> None:
    pairs = _pairs("001")
    # "Secretary of National Defense (SEDENA)", "Secretariat of War (SEDENA)":
    # Spanish initials after English names
    assert not _find(pairs, "SEDENA", "Secretary of National Defense")
    assert not [p for p in pairs if "War" in p.long or "Navy" in p.long]
    # "(DSCA, USNORTHCOM, and SCO)" lists acronyms; "(Pancho)", "(Ypiranga)" are names
    assert {p.short for p in pairs}.isdisjoint({"Pancho", "Ypiranga", "Leave blank", "Plans and Policy"})


@pytest.mark.parametrize(
    ("number", "aside"),
    [
        ("001", "(2006)"),
        ("001", "(see Figure 14)"),
        ("001", "(New York: Routledge, 2013)"),
        ("001", "(see Appendix A and B)"),
        ("001", "(July 2009)"),
        ("001", "(maximum 200 words)"),
        ("002", "(accessed September 2009)"),
        ("002", "(Rev. 2-89)"),
        ("002", "(12.5%)"),
    ],
)
def test_corpus_asides_produce_nothing(number: str, aside: str) -> None:
    doc, pairs = _doc(number), _pairs(number)
    places = [m.start() for m in re.finditer(re.escape(aside), doc.text)]
    assert places, aside
    for start in places:
        end = start + len(aside)
        for p in pairs:
            for span in (p.short_span, p.long_span):
                assert span.end <= start or span.start >= end, (aside, p)


# --------------------------------------------------------------------------- the 2010 thesis


def test_2010_thesis_counts_and_list_rows() -> None:
    doc, pairs = _doc("002"), _pairs("002")
    assert len(pairs) >= 15
    assert len([p for p in pairs if p.origin == "list"]) == len(doc.acronyms) == 16
    assert ("NAFTA", "North American Free Trade Agreement") in _as_written(pairs)
    (dea,) = [p for p in pairs if p.short == "D.E.A."]
    assert (dea.long, dea.key, dea.origin) == ("Drug Enforcement Agency", "DEA", "list")
    (dto,) = [p for p in pairs if p.key == "DTO"]
    assert (dto.short, dto.origin) == ("DTOs", "list")
    (oas,) = [p for p in pairs if p.key == "OAS"]  # the text's "(O.A.S.)" merged into the list row
    assert (oas.long, oas.origin) == ("Organization of American States", "list")
    (ezln,) = [p for p in pairs if p.key == "EZLN"]
    assert ezln.long == "Zapatista National Liberation Army's"  # possessive kept as written


def test_2010_thesis_in_text_pairs() -> None:
    pairs = _pairs("002")
    text_pairs = _as_written(tuple(p for p in pairs if p.origin == "text"))
    assert ("PAN", "Party of National Action") in text_pairs  # "SF (long form)" order
    assert ("JMUSSC", "Joint Mexican-U.S. Defense Commission") in text_pairs  # the short form as printed
    assert not _find(pairs, "NAFTA", "North Free Trade Agreement")


# --------------------------------------------------------------------------- a fixture of our own

FIXTURE_PAIRS = {
    ("BCCO", "Binational Coastal Coordination Office"),
    ("SEMAR", "Secretaría de Marina"),  # "(SEMAR, its Spanish acronym)"
    ("Crefo", "Consejo Regional de Estudios Fronterizos y Oceánicos"),  # one capital: every letter a word
    ("CBP", "Customs and Border Protection"),  # short form before the parenthesis
    ("O.E.R.", "Organización de Estados Ribereños"),  # dotted
    ("RLHs", "regional logistics hubs"),  # plural
    ("USCG", "U.S. Coast Guard"),  # "U.S." gives U and S
    ("JIATF", "Joint Interagency Task Force"),
    ("EMC", "Estado Mayor Conjunto"),  # "(SF, long form)"
    ("DHS", "Department of Homeland Security"),
    ("DoD", "Department of Defense"),  # the later "(DOD)" is the same pair
}


def test_fixture_pairs() -> None:
    _, pairs = _fixture()
    assert _as_written(pairs) == FIXTURE_PAIRS
    assert all(p.origin == "text" for p in pairs)
    assert {p.key for p in pairs} >= {"OER", "RLH", "CREFO", "DOD"}


def test_fixture_keeps_the_first_of_repeated_definitions() -> None:
    doc, pairs = _fixture()
    (dod,) = [p for p in pairs if p.key == "DOD"]
    assert dod.short_span.start == doc.text.index("(DoD)") + 1


def test_fixture_asides_produce_nothing() -> None:
    doc, pairs = _fixture()
    for aside in [
        "(2031)",
        "(see Figure 3)",
        "(p. 4)",
        "(New York: Routledge, 2013)",
        "(CBP, SEMAR, and USCG)",
        "(and took notes)",
        "(Anita)",
        "(II)",
    ]:
        start = doc.text.index(aside)
        end = start + len(aside)
        assert not [p for p in pairs if start <= p.short_span.start < end], aside


def test_list_row_preferred_and_cleaned() -> None:
    text = (
        'ACRONYMS\n\nSCO\t"the Security Cooperation Office"\n\n'
        "The Security Cooperation Office (SCO) and the\nSecurity Cooperation Organization (SCO) met.\n"
    )
    doc = Document("x", "x", "text", text)
    s = text.index("SCO\t")
    q = text.index('"the')
    doc.acronyms.append(Acronym(doc.span(s, s + 3), doc.span(q, text.index("\n", q))))
    pairs = extract_acronyms(doc)
    assert [(p.short, p.long, p.origin) for p in pairs] == [
        ("SCO", "Security Cooperation Office", "list"),  # quotes and the article trimmed
        ("SCO", "Security Cooperation Organization", "text"),
    ]
    assert pairs[0].long_span.start == q + len('"the ')


# --------------------------------------------------------------------------- every document


@pytest.mark.parametrize("number", ["000", "001", "002", "003", "004"])
def test_spans_exact_sorted_and_unique(number: str) -> None:
    doc, pairs = _doc(number), _pairs(number)
    for p in pairs:
        for span, value in ((p.short_span, p.short), (p.long_span, p.long)):
            assert doc.text[span.start : span.end] == span.text == value
        assert p.long == p.long.strip() and p.origin in {"list", "text"}
    starts = [p.short_span.start for p in pairs]
    assert starts == sorted(starts)
    keys = [(p.key, long_key(p.long)) for p in pairs]
    assert len(keys) == len(set(keys))
    assert extract_acronyms(doc) == list(pairs)  # deterministic


def test_fixture_spans_exact() -> None:
    doc, pairs = _fixture()
    for p in pairs:
        assert doc.text[p.short_span.start : p.short_span.end] == p.short_span.text == p.short
        assert doc.text[p.long_span.start : p.long_span.end] == p.long_span.text == p.long


@pytest.mark.parametrize("number", ["000", "003", "004"])
def test_short_documents_define_nothing(number: str) -> None:
    assert _pairs(number) == ()
