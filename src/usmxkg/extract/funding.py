"""Amounts of money in running text: how much, in which currency and fiscal year, for what, by whom.

An amount is a currency sign or code and a number, with an optional
multiplier word: "$1.4 billion", "US$ 400 million", "$4,565,466", "USD 2
million", "MXN 30 billion", "400 million dollars". The amount is stored in
units of the currency (ISO 4217 codes), the multiplier written out, and
what was printed is kept as evidence; "about", "roughly", "more than" and
the like mark it approximate.

What the amount is for is read from its sentence: the fiscal year the
nearest "FY…" expression names (:mod:`usmxkg.extract.temporal`); the
program or account the nearest mention names ("$197 million in Mérida
funds": a one-word short name of a program the document names in full);
the recipient the place after "for"/"to"; the funder the institution that is
the subject of the budget verb or follows "by"; the stage the budget verb
itself (appropriated, requested, obligated …); the law the act or public
law cited in the sentence.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from usmxkg.document import Document, Span
from usmxkg.extract.facts import Entity, Funding
from usmxkg.extract.initiatives import LawMention
from usmxkg.extract.named import Lexicon, Named
from usmxkg.extract.temporal import Temporal, find_temporal
from usmxkg.vocab import fold

__all__ = ["CUE", "MONEY", "extract_funding", "parse_amount"]

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MULT = r"(?P<mult>billion|million|thousand|bn|mn|mil(?:lones)?|[mbk](?![\w$]))"
MONEY = re.compile(
    r"(?P<approx>\b(?i:about|approximately|roughly|nearly|almost|more\s+than|over|some|around|up\s+to|less\s+than"
    r"|an\s+estimated|at\s+least)\s+)?"
    rf"(?:(?P<cur>US\s?\$|U\.S\.\s?\$|USD|MXN|MX\$|Mex\$|\$)\s?(?P<num>{_NUMBER})(?:\s*{_MULT})?"
    rf"|(?P<num2>{_NUMBER})\s+(?P<mult2>billion|million|thousand)\s+(?P<cur2>(?:U\.S\.\s+)?dollars|pesos))"
)
CUE = re.compile(r"\$|\bUSD\b|\bMXN\b|\bdollars\b|\bpesos\b")
"""Sentences that may state an amount of money."""

_MULTIPLIERS = {"billion": 10**9, "bn": 10**9, "b": 10**9, "million": 10**6, "mn": 10**6, "m": 10**6,
                "mil": 10**6, "millones": 10**6, "thousand": 10**3, "k": 10**3}
_STAGES = re.compile(
    r"\b(?P<verb>appropriat\w*|request\w*|obligat\w*|disburs\w*|allocat\w*|provid\w*|pledg\w*|spent|spend\w*"
    r"|releas\w*|budget\w*|authoriz\w*|expend\w*|committ?\w*|withh\w*|transferr?\w*|deliver\w*|received?|managed)\b"
)
_STAGE_NAMES = {
    "appropriat": "appropriated", "request": "requested", "obligat": "obligated", "disburs": "disbursed",
    "allocat": "allocated", "provid": "provided", "pledg": "pledged", "spent": "spent", "spend": "spent",
    "releas": "released", "budget": "budgeted", "authoriz": "authorized", "expend": "spent", "commit": "committed",
    "withh": "withheld", "transfer": "transferred", "deliver": "delivered", "receive": "received",
    "managed": "managed",
}
_RECIPIENT_BEFORE = re.compile(r"\b(?:for|to)\s+(?:the\s+)?$")
_FUNDS_WORD = re.compile(r"^\s*(?P<word>[A-Z][\w’'-]+)\s+(?:funds|funding|assistance|money|aid)\b")


def parse_amount(match: re.Match[str]) -> tuple[Decimal, str] | None:
    """The amount in units of its currency and the ISO 4217 code, from a :data:`MONEY` match.

    >>> m = MONEY.search("about $1.4 billion in aid")
    >>> parse_amount(m)
    (Decimal('1400000000.0'), 'USD')
    """
    number = match.group("num") or match.group("num2")
    mult = (match.group("mult") or match.group("mult2") or "").lower()
    currency = (match.group("cur") or match.group("cur2") or "").replace(" ", "").replace(".", "")
    code = "MXN" if "peso" in currency or currency.startswith("MX") else "USD"
    try:
        value = Decimal(number.replace(",", ""))
    except InvalidOperation:
        return None
    return value * _MULTIPLIERS.get(mult, 1), code


def extract_funding(doc: Document, sentences: list[Span], lexicon: Lexicon, laws: list[LawMention]) -> list[Funding]:
    """Every amount of money stated in the sentences, with what the sentence says it is for."""
    programs = {fold(n.entity.label).split()[0]: n.entity for n in lexicon.named
                if n.entity.kind == "program" and n.entity.type != "FundingAccount"}
    out: list[Funding] = []
    for sentence in sentences:
        amounts = list(MONEY.finditer(sentence.text))
        if not amounts:
            continue
        named = lexicon.within(sentence.start, sentence.end)
        fiscal = [t for t in find_temporal(sentence.text, sentence.start) if t.fiscal]
        sentence_laws = [law for law in laws if sentence.start <= law.span.start and law.span.end <= sentence.end]
        for m in amounts:
            parsed = parse_amount(m)
            if parsed is None:
                continue
            value, currency = parsed
            start, end = sentence.start + m.start(), sentence.start + m.end()
            if m.group("approx"):
                start += len(m.group("approx"))
            out.append(_funding(doc, sentence, doc.span(start, end), value, currency, bool(m.group("approx")),
                                named, fiscal, sentence_laws, programs))
    return out


def _nearest(items: list[Named], start: int, end: int) -> Named | None:
    if not items:
        return None
    return min(items, key=lambda n: (max(n.span.start - end, start - n.span.end, 0), n.span.start))


def _funding(doc: Document, sentence: Span, written: Span, value: Decimal, currency: str, approximate: bool,
             named: list[Named], fiscal: list[Temporal], laws: list[LawMention],
             programs: dict[str, Entity]) -> Funding:
    after = doc.text[written.end:sentence.end]
    program = _program(named, written, after, programs)
    account = program if program is not None and program.type == "FundingAccount" else None
    if account is not None:
        program = None
    places = [n for n in named if n.entity.kind == "place" and n.span.start >= written.end
              and n.span.start - written.end <= 80
              and _RECIPIENT_BEFORE.search(doc.text[max(written.end, n.span.start - 12):n.span.start])]
    recipient = places[0].entity if places else None
    year = _fiscal_year(doc, written, fiscal)
    stage, funder = _stage_and_funder(doc, sentence, written, named)
    cited = {law.entity.key: law.entity for law in laws}
    law = next(iter(cited.values())) if len(cited) == 1 else None
    return Funding(value, currency, sentence, program, account, year, funder, recipient, written, approximate,
                   stage, law)


def _fiscal_year(doc: Document, written: Span, fiscal: list[Temporal]) -> str | None:
    """The one fiscal year the sentence names, or the one written right next to the amount."""
    years = {t.fiscal for t in fiscal}
    if len(years) == 1 and len(next(iter(years))) == 1:
        return fiscal[0].fiscal[0]
    for t in fiscal:
        near = doc.text[written.end:t.start_offset] if t.start_offset >= written.end else \
            doc.text[t.end_offset:written.start]
        if len(t.fiscal) == 1 and len(near) <= 25 and not re.search(r"[;:]|\band\b", near):
            return t.fiscal[0]
    return None


def _program(named: list[Named], written: Span, after: str, programs: dict[str, Entity]) -> Entity | None:
    """The program or account the amount is for: a short name right after it, else the nearest mention."""
    m = _FUNDS_WORD.match(re.sub(r"^\s*(?:in|of|for|from)\s+", " ", after))
    if m and fold(m.group("word")) in programs:
        return programs[fold(m.group("word"))]
    candidates = [n for n in named if n.entity.kind == "program"]
    nearest = _nearest(candidates, written.start, written.end)
    return nearest.entity if nearest is not None else None


def _stage_and_funder(doc: Document, sentence: Span, written: Span, named: list[Named]
                      ) -> tuple[str | None, Entity | None]:
    """The budget verb nearest the amount and the institution that is its subject (or follows "by")."""
    verbs = [(sentence.start + m.start(), sentence.start + m.end(), m.group("verb").lower())
             for m in _STAGES.finditer(sentence.text)]
    if not verbs:
        return None, None
    start, end, verb = min(verbs, key=lambda v: (max(v[0] - written.end, written.start - v[1], 0), v[0]))
    stage = next((name for prefix, name in _STAGE_NAMES.items() if verb.startswith(prefix)), None)
    institutions = [n for n in named if n.entity.kind == "institution"]
    before = [n for n in institutions if n.span.end <= start and start - n.span.end <= 40]
    by = [n for n in institutions if n.span.start >= end and re.match(r"^\s+by\s+(?:the\s+)?$",
                                                                       doc.text[end:n.span.start])]
    funder = by[0].entity if by else (before[-1].entity if before else None)
    return stage, funder
