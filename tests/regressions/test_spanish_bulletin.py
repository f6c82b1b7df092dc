"""Regressions from a Mexican government bulletin (comunicado de prensa): its dateline ("Mérida, Yuc., 4 de
abril de 2022.-", place in title case, ".-" after the year) was not a dateline, so the bulletin was read as a
blog post titled with the ministry's name; Spanish dates ("4 de abril de 2022") did not parse; and a quote
attributed Spanish style ("…”, señaló la Contralmirante NAME") had no speaker."""

from __future__ import annotations

from usmxkg.extract import extract
from usmxkg.extract.dates import parse_date
from usmxkg.extract.facts import DateValue
from usmxkg.readers import read_bytes
from usmxkg.readers.news_patterns import DATELINE

BULLETIN = """Secretaría de la Defensa Nacional

Comunicado de Prensa 112/2022

Inauguran centro conjunto de mando para emergencias en Yucatán

Mérida, Yuc., 4 de abril de 2022.- La Secretaría de la Defensa Nacional inauguró hoy un centro de mando para atender emergencias en la península, con apoyo de autoridades estatales.

“Este centro permitirá responder a un huracán en horas y no en días”, señaló la Contralmirante Beatriz Olmedo Garza, responsable del proyecto.

El centro operará todo el año.
"""  # noqa: E501  (one paragraph per line, as the bulletin prints it)


def test_spanish_dates_parse() -> None:
    assert parse_date("4 de abril de 2022") == DateValue("2022-04-04", "date")
    assert parse_date("septiembre de 2019") == DateValue("2019-09", "gYearMonth")
    assert parse_date("4 de nada de 2022") is None


def test_bulletin_dateline() -> None:
    match = DATELINE.match("Mérida, Yuc., 4 de abril de 2022.- La Secretaría")
    assert match is not None and (match.group("city"), match.group("date")) == ("Mérida", "4 de abril de 2022")
    assert DATELINE.match("Mérida is the capital, 4 de abril") is None


def test_bulletin_head_and_quote() -> None:
    doc = read_bytes(BULLETIN.encode("utf-8"), "boletin.txt")
    assert (doc.kind, doc.work_type) == ("news-release", "NewsArticle")
    assert doc.first("title").text == "Inauguran centro conjunto de mando para emergencias en Yucatán"
    assert [s.text for s in doc.fields["publisher"]] == ["Secretaría de la Defensa Nacional"]
    assert doc.first("date").text == "4 de abril de 2022"
    (quote,) = extract(doc).quotations
    assert quote.text.text == "Este centro permitirá responder a un huracán en horas y no en días"
    assert quote.speaker is not None and quote.speaker.label == "Beatriz Olmedo Garza"
