"""Laws, programs, roles and amounts of money (usmxkg.extract.initiatives, usmxkg.extract.funding).

Fixtures in tests/data/funding/ are invented; the unseen CRS, GAO and HSDL texts of
tests/data/unseen/ are checked for figures read by hand from them.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from usmxkg.extract import extract
from usmxkg.extract.facts import Facts, Funding
from usmxkg.extract.funding import MONEY, parse_amount
from usmxkg.extract.gazetteer import Gazetteer
from usmxkg.extract.initiatives import public_law_number
from usmxkg.readers import read_path
from usmxkg.reference import ReferencePaths, load_gazetteer

DATA = Path(__file__).parent / "data" / "funding"
UNSEEN = Path(__file__).parent / "data" / "unseen"
SOURCES = Path(__file__).resolve().parents[1] / "data" / "sources"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer(ReferencePaths().entities)


def _facts(path: Path, gazetteer: Gazetteer) -> Facts:
    return extract(read_path(path), gazetteer)


def _amount(facts: Facts, written: str) -> Funding:
    (found,) = [f for f in facts.funding if f.written is not None and f.written.text == written]
    return found


@pytest.mark.parametrize(("text", "amount", "currency"), [
    ("$1.4 billion", Decimal("1400000000"), "USD"),
    ("$465 million", Decimal("465000000"), "USD"),
    ("US$ 400 million", Decimal("400000000"), "USD"),
    ("$4,565,466", Decimal("4565466"), "USD"),
    ("MXN 30 billion", Decimal("30000000000"), "MXN"),
    ("250 million pesos", Decimal("250000000"), "MXN"),
])
def test_amounts_in_units_of_their_currency(text: str, amount: Decimal, currency: str) -> None:
    parsed = parse_amount(MONEY.search(text))  # type: ignore[arg-type]
    assert parsed == (amount, currency)


@pytest.mark.parametrize(("text", "number"), [
    ("(P.L. 110-252)", "110-252"), ("P.L. 111- 8", "111-8"), ("Public Law 111-117", "111-117"),
    ("Pub. L. No. 112-74", "112-74"), ("PL 480", None),
])
def test_public_law_numbers(text: str, number: str | None) -> None:
    assert public_law_number(text) == number


def test_invented_crs_summary(gazetteer: Gazetteer) -> None:
    facts = _facts(DATA / "invented_crs_wrapped.txt", gazetteer)
    laws = {i.number: i for i in facts.initiatives if i.number}
    assert set(laws) == {"121-17", "121-40"}
    assert laws["121-17"].entity.label == "FY2030 Supplemental Appropriations Act"
    assert laws["121-17"].entity.key == laws["121-17"].entity.key == "Public Law 121-17"
    mexico = _amount(facts, "$312 million")
    assert (mexico.amount, mexico.fiscal_year, mexico.stage) == (Decimal("312000000"), "2030", "appropriated")
    assert mexico.recipient is not None and mexico.recipient.key == "mexico"
    assert mexico.law is not None and mexico.law.key == "Public Law 121-17"
    central = _amount(facts, "$48.5 million")
    assert central.amount == Decimal("48500000.0") and central.recipient and central.recipient.key == "central-america"
    request = _amount(facts, "US$ 1.25 billion")
    assert (request.amount, request.approximate, request.fiscal_year, request.stage) == (
        Decimal("1250000000.00"), True, "2031", "requested")
    assert request.funder is not None and request.funder.key == "united-states-department-of-state"
    small = _amount(facts, "$7 million")
    assert small.approximate and small.fiscal_year == "2031" and small.law and small.law.key == "Public Law 121-40"
    (shield,) = [i for i in facts.initiatives if i.entity.label == "Gulf Shield Initiative"]
    assert [a.key for a in shield.accounts] == ["international-narcotics-control-and-law-enforcement"]


def test_invented_gao_roles_and_thousands(gazetteer: Gazetteer) -> None:
    facts = _facts(DATA / "invented_gao_ocr.txt", gazetteer)
    (shield,) = [i for i in facts.initiatives if i.entity.label == "Gulf Shield Initiative"]
    assert [(r.relation, r.agent.key) for r in shield.roles] == [
        ("administered", "united-states-department-of-state")]
    training = _amount(facts, "$900 thousand")
    assert (training.amount, training.fiscal_year, training.approximate) == (Decimal("900000"), "2030", True)
    assert _amount(facts, "$2.4 billion").fiscal_year is None  # "Since 2029" is a calendar year


def test_unseen_crs_figures(gazetteer: Gazetteer) -> None:
    facts = _facts(UNSEEN / "report_everycrsreport_2009_crs_r40135_merida_funding_policy_issues.txt", gazetteer)
    assert {i.number for i in facts.initiatives if i.number} == {"110-252"}
    proposal = _amount(facts, "$1.4 billion")
    assert proposal.program is not None and proposal.program.key == "merida-initiative"
    assert proposal.recipient is not None and proposal.recipient.key == "mexico"
    appropriated = _amount(facts, "$400 million")
    assert (appropriated.fiscal_year, appropriated.stage) == ("2008", "appropriated")
    assert appropriated.law is not None and appropriated.law.key == "Public Law 110-252"
    assert _amount(facts, "$60 million").fiscal_year == "2008"


def test_unseen_hsdl_record_figures(gazetteer: Gazetteer) -> None:
    facts = _facts(UNSEEN / "record_hsdl_2009_crs_r40135_merida_funding_policy_issues.txt", gazetteer)
    assert {i.number for i in facts.initiatives if i.number} == {"110-252", "111-8"}
    supplemental = _amount(facts, "$465 million")
    assert (supplemental.amount, supplemental.fiscal_year) == (Decimal("465000000"), "2008")
    request = _amount(facts, "$450 million")
    assert (request.fiscal_year, request.stage) == ("2009", "requested")
    disbursed = _amount(facts, "$197 million")
    assert disbursed.program is not None and disbursed.program.key == "merida-initiative"


def test_unseen_news_and_gao_amounts(gazetteer: Gazetteer) -> None:
    news = _facts(UNSEEN / "news_defensegov_1996_kozaryn_us_and_mexico_to_increase_cooperation.txt", gazetteer)
    about = _amount(news, "$1 million")
    assert about.approximate and about.stage == "allocated" and about.recipient and about.recipient.key == "mexico"
    gao = _facts(UNSEEN / "report_gaogov_2020_gao_20_388_us_assistance_mexico_merida_monitoring.txt", gazetteer)
    assert _amount(gao, "$3 billion").amount == Decimal("3000000000")


def test_corpus_funding_statements(gazetteer: Gazetteer) -> None:
    facts = _facts(SOURCES / "001_10adcb2b2745c86e.txt", gazetteer)
    more = _amount(facts, "$2.1 billion")
    assert more.approximate and more.stage == "appropriated" and more.funder and more.funder.key == \
        "united-states-congress"
