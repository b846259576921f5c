"""Tests of the Russian date grammar (checker.language.dates)."""

from __future__ import annotations

import datetime
import itertools
import time
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from checker.language import dates
from checker.language.dates import DateMention, DateParts, find_dates, format_date, parse_date_text

D = datetime.date.fromisoformat
DEFAULT_YEAR = 2018

GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
            "ноября", "декабря")  # fmt: skip
NOMINATIVE = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
              "ноябрь", "декабрь")  # fmt: skip
PREPOSITIONAL = ("январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре",
                 "октябре", "ноябре", "декабре")  # fmt: skip


def one(text: str) -> DateMention:
    found = find_dates(text)
    assert len(found) == 1, [m.text for m in found]
    return found[0]


# text, kind, first_day, last_day (resolved with DEFAULT_YEAR unless "default_year" is in the extras), extras:
# attributes of the mention to compare exactly
CASES: list[tuple[str, str, datetime.date | None, datetime.date | None, dict[str, Any]]] = [
    # single dates
    ("09.07.2018", "date", D("2018-07-09"), D("2018-07-09"), {"precision": "day"}),
    ("9.7.18", "date", D("2018-07-09"), D("2018-07-09"), {}),
    ("18 сентября 2018 года", "date", D("2018-09-18"), D("2018-09-18"), {}),
    ("18 сентября 2018 г.", "date", D("2018-09-18"), D("2018-09-18"), {"text": "18 сентября 2018 г."}),
    ("«15» октября 2018 г.", "date", D("2018-10-15"), D("2018-10-15"), {"text": "«15» октября 2018 г."}),
    ('"15" октября 2018', "date", D("2018-10-15"), D("2018-10-15"), {}),
    ("15 октября", "date", D("2018-10-15"), D("2018-10-15"), {"first": DateParts(month=10, day=15)}),
    ("09/07/2018", "date", D("2018-07-09"), D("2018-07-09"), {}),
    ("2018-07-09", "date", D("2018-07-09"), D("2018-07-09"), {}),
    ("18.09.2018г.", "date", D("2018-09-18"), D("2018-09-18"), {"text": "18.09.2018г."}),
    ("11 сентября 2018 г.", "date", D("2018-09-11"), D("2018-09-11"), {}),
    ("приказ от 12 апреля 2017 года № 457", "date", D("2017-04-12"), D("2017-04-12"), {}),
    ("1 мая 2019 года", "date", D("2019-05-01"), D("2019-05-01"), {}),
    ("5 марта", "date", D("2018-03-05"), D("2018-03-05"), {}),
    ("“1” сентября 2019 г.", "date", D("2019-09-01"), D("2019-09-01"), {}),
    ("18\u00a0сентября\u00a02018\u00a0года", "date", D("2018-09-18"), D("2018-09-18"), {}),
    ("3 янв. 2019", "date", D("2019-01-03"), D("2019-01-03"), {}),
    ("31.12.2020", "date", D("2020-12-31"), D("2020-12-31"), {}),
    ("29.02.2020", "date", D("2020-02-29"), D("2020-02-29"), {}),
    ("18 сентября\n2018 года", "date", D("2018-09-18"), D("2018-09-18"), {}),
    # ranges
    ("20 июля – 12 декабря", "range", D("2018-07-20"), D("2018-12-12"),
     {"first": DateParts(month=7, day=20), "last": DateParts(month=12, day=12), "precision": "day"}),
    ("с 20 июля по 12 декабря 2018 г.", "range", D("2018-07-20"), D("2018-12-12"),
     {"first": DateParts(year=2018, month=7, day=20), "text": "с 20 июля по 12 декабря 2018 г."}),
    ("03.09.2018 – 28.09.2018", "range", D("2018-09-03"), D("2018-09-28"), {}),
    ("03.09.2018-28.09.2018", "range", D("2018-09-03"), D("2018-09-28"), {}),
    ("03.09.2018—28.09.2018", "range", D("2018-09-03"), D("2018-09-28"), {}),
    ("03.09.2018 — 28.09.2018 г.", "range", D("2018-09-03"), D("2018-09-28"), {}),
    ("октябрь 2018 – май 2019", "range", D("2018-10-01"), D("2019-05-31"), {"precision": "month"}),
    ("сентябрь-октябрь 2018", "range", D("2018-09-01"), D("2018-10-31"), {}),
    ("10-15 сентября 2018", "range", D("2018-09-10"), D("2018-09-15"), {}),
    ("с 10 по 15 сентября 2018 года", "range", D("2018-09-10"), D("2018-09-15"), {}),
    ("20 августа – 22 сентября 2018", "range", D("2018-08-20"), D("2018-09-22"), {}),
    ("18 августа – 15 декабря", "range", D("2018-08-18"), D("2018-12-15"), {}),
    ("10 сентября– 30 ноября", "range", D("2018-09-10"), D("2018-11-30"), {}),
    ("21 августа –25 сентября", "range", D("2018-08-21"), D("2018-09-25"), {}),
    ("20 сентября–20 октября", "range", D("2018-09-20"), D("2018-10-20"), {}),
    ("17 сентября − 8 декабря", "range", D("2018-09-17"), D("2018-12-08"), {}),
    ("20 июля –\n12 декабря", "range", D("2018-07-20"), D("2018-12-12"), {}),
    ("февраль-сентябрь 2018 года", "range", D("2018-02-01"), D("2018-09-30"), {}),
    ("ноябрь – февраль", "range", D("2018-11-01"), D("2019-02-28"), {"default_year": 2019}),
    ("с сентября по май 2019 года", "range", D("2018-09-01"), D("2019-05-31"), {}),
    ("01.09-30.09.2018", "range", D("2018-09-01"), D("2018-09-30"), {}),
    ("20 декабря – 15 января 2019", "range", D("2018-12-20"), D("2019-01-15"), {}),
    ("с 1 сентября 2018 года по 31 мая 2019 года", "range", D("2018-09-01"), D("2019-05-31"), {}),
    ("01.09.2018 г. – 31.05.2019 г.", "range", D("2018-09-01"), D("2019-05-31"), {}),
    ("с 03.09.2018 по 28.09.2018", "range", D("2018-09-03"), D("2018-09-28"), {}),
    ("с 20 ноября до 1 декабря", "range", D("2018-11-20"), D("2018-12-01"), {}),
    ("10.2018 – 12.2018", "range", D("2018-10-01"), D("2018-12-31"), {"precision": "month"}),
    ("январь-март 2019 г.", "range", D("2019-01-01"), D("2019-03-31"), {}),
    ("II полугодие 2018", "range", D("2018-07-01"), D("2018-12-31"), {"precision": "month"}),
    ("в первом полугодии 2019 г.", "range", D("2019-01-01"), D("2019-06-30"), {}),
    ("I-II квартал 2019", "range", D("2019-01-01"), D("2019-06-30"), {"precision": "quarter"}),
    # deadlines
    ("до 19.10.2018", "deadline", None, D("2018-10-19"), {"first": None, "text": "до 19.10.2018"}),
    ("в срок до 1 декабря 2018 г.", "deadline", None, D("2018-12-01"), {"precision": "day"}),
    ("не позднее 5 числа", "deadline", None, None,
     {"recurrence": "monthly", "precision": "day", "last": DateParts(day=5)}),
    ("не позднее 25.09.2018", "deadline", None, D("2018-09-25"), {}),
    ("до 20 октября", "deadline", None, D("2018-10-20"), {"last": DateParts(month=10, day=20)}),
    ("к 01.09.2019", "deadline", None, D("2019-09-01"), {}),
    ("до конца декабря 2018 года", "deadline", None, D("2018-12-31"), {"precision": "month"}),
    ("до конца I квартала 2019 г.", "deadline", None, D("2019-03-31"), {"precision": "quarter"}),
    ("к маю 2019 года", "deadline", None, D("2019-05-31"), {"precision": "month"}),
    ("ДО 19.10.2018", "deadline", None, D("2018-10-19"), {}),
    ("до 10 числа месяца, следующего за отчетным", "deadline", None, None,
     {"text": "до 10 числа", "recurrence": "monthly", "last": DateParts(day=10)}),
    # months
    ("декабрь 2018", "month", D("2018-12-01"), D("2018-12-31"), {"precision": "month"}),
    ("в декабре 2018 года", "month", D("2018-12-01"), D("2018-12-31"), {}),
    ("декабрь", "month", D("2018-12-01"), D("2018-12-31"), {"first": DateParts(month=12)}),
    ("декабря 2018 г.", "month", D("2018-12-01"), D("2018-12-31"), {}),
    ("09.2018", "month", D("2018-09-01"), D("2018-09-30"), {}),
    ("Май 2019", "month", D("2019-05-01"), D("2019-05-31"), {}),
    ("февраль 2020", "month", D("2020-02-01"), D("2020-02-29"), {}),
    # quarters
    ("I квартал 2019", "quarter", D("2019-01-01"), D("2019-03-31"), {"precision": "quarter"}),
    ("IV кв. 2018", "quarter", D("2018-10-01"), D("2018-12-31"), {}),
    ("1 квартал 2019 г.", "quarter", D("2019-01-01"), D("2019-03-31"), {}),
    ("в III квартале 2018 года", "quarter", D("2018-07-01"), D("2018-09-30"), {}),
    ("в четвертом квартале 2018 г.", "quarter", D("2018-10-01"), D("2018-12-31"), {}),
    ("2-й квартал 2020 года", "quarter", D("2020-04-01"), D("2020-06-30"), {}),
    ("\u0406\u0406 квартал 2019", "quarter", D("2019-04-01"), D("2019-06-30"), {}),  # Cyrillic І
    # school years
    ("2018-2019 учебный год", "school_year", D("2018-09-01"), D("2019-08-31"),
     {"years": 1, "precision": "school_year"}),
    ("2018/2019 уч. г.", "school_year", D("2018-09-01"), D("2019-08-31"), {}),
    ("в течение 2019-2020 учебного года", "school_year", D("2019-09-01"), D("2020-08-31"), {}),
    ("по итогам 2016-2017 учебного года", "school_year", D("2016-09-01"), D("2017-08-31"), {}),
    ("2019-2020 уч.год", "school_year", D("2019-09-01"), D("2020-08-31"), {}),
    ("2019-\n2020 учебный год", "school_year", D("2019-09-01"), D("2020-08-31"), {}),
    ("2018-19 учебный год", "school_year", D("2018-09-01"), D("2019-08-31"), {}),
    ("в 2018-2019 учебном году", "school_year", D("2018-09-01"), D("2019-08-31"), {}),
    ("I полугодие 2019-2020 учебного года", "range", D("2019-09-01"), D("2019-12-31"), {}),
    ("учебный год 2020-2021", "school_year", D("2020-09-01"), D("2021-08-31"), {}),
    # periods
    ("на 2018-2021 годы", "period", D("2018-01-01"), D("2021-12-31"), {"years": 4, "precision": "year"}),
    ("2021-2024 гг.", "period", D("2021-01-01"), D("2024-12-31"), {"years": 4}),
    ("на 3 учебных года", "period", None, None, {"years": 3, "first": None, "last": None}),
    ("на 2021-2023 годы", "period", D("2021-01-01"), D("2023-12-31"), {"years": 3}),
    ("в 2017 году", "period", D("2017-01-01"), D("2017-12-31"), {"years": 1, "precision": "year"}),
    ("ФЦПРО на 2016-2020 гг.", "period", D("2016-01-01"), D("2020-12-31"), {"years": 5}),
    ("Отчет за 2019 год", "period", D("2019-01-01"), D("2019-12-31"), {}),
    ("с 2018 по 2021 год", "period", D("2018-01-01"), D("2021-12-31"), {"years": 4}),
    ("сроком на пять лет", "period", None, None, {"years": 5}),
    ("в течение 3 лет", "period", None, None, {"years": 3, "precision": "year"}),
    ("Срок реализации: 2021–2023 годы", "period", D("2021-01-01"), D("2023-12-31"), {"years": 3}),
    # recurring
    ("ежемесячно", "recurring", None, None, {"recurrence": "monthly"}),
    ("ежеквартально", "recurring", None, None, {"recurrence": "quarterly"}),
    ("еженедельно", "recurring", None, None, {"recurrence": "weekly"}),
    ("Ежегодно", "recurring", None, None, {"recurrence": "yearly"}),
    ("ежедневно", "recurring", None, None, {"recurrence": "daily"}),
    ("ежемесячно до 5 числа", "recurring", None, None,
     {"recurrence": "monthly", "last": DateParts(day=5), "text": "ежемесячно до 5 числа"}),
    ("ежегодно до 1 сентября", "recurring", None, D("2018-09-01"), {"recurrence": "yearly"}),
    ("2 раза в год", "recurring", None, None, {"recurrence": "yearly"}),
    ("один раз в квартал", "recurring", None, None, {"recurrence": "quarterly"}),
    ("каждую неделю", "recurring", None, None, {"recurrence": "weekly"}),
    # vague
    ("в течение года", "vague", None, None, {"precision": None}),
    ("в течение учебного года", "vague", None, None, {}),
    ("постоянно", "vague", None, None, {}),
    ("по мере необходимости", "vague", None, None, {}),
    ("в течение всего периода", "vague", None, None, {}),
    ("по плану", "vague", None, None, {}),
    ("весь период", "vague", None, None, {}),
    ("в течение отчётного периода", "vague", None, None, {}),
    # impossible dates: found, flagged, never resolved
    ("31.09.2018", "invalid", None, None, {"problem": "31.09.2018: такой даты нет (в сентябре 30 дней)"}),
    ("30.02.2019", "invalid", None, None,
     {"problem": "30.02.2019: такой даты нет (в феврале 2019 года 28 дней)"}),
    ("32.01.2018", "invalid", None, None, {"problem": "32.01.2018: такой даты нет (в январе 31 день)"}),
    ("15.13.2018", "invalid", None, None, {}),
    ("31 июня 2018", "invalid", None, None, {"problem": "31 июня 2018: такой даты нет (в июне 30 дней)"}),
    ("29.02.2019", "invalid", None, None, {}),
    ("01.09.2018 – 31.09.2018", "invalid", None, None, {}),
    ("28.09.2018 – 03.09.2018", "invalid", None, None, {}),
    ("2018-2020 учебный год", "invalid", None, None, {}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "first", "last", "extras"), CASES, ids=[c[0] for c in CASES])
def test_table(
    text: str, kind: str, first: datetime.date | None, last: datetime.date | None, extras: dict[str, Any]
) -> None:
    m = one(text)
    year = extras.get("default_year", DEFAULT_YEAR)
    assert m.kind == kind
    assert m.first_day(year) == first
    assert m.last_day(year) == last
    for name, expected in extras.items():
        if name != "default_year":
            assert getattr(m, name) == expected, name
    assert text[m.start : m.end] == m.text
    if kind == "invalid":
        assert m.problem and m.first is None and m.last is None and not m.is_specific
    else:
        assert m.problem is None


def test_table_is_large_enough() -> None:
    assert len(CASES) >= 60


@pytest.mark.parametrize("number", range(1, 13))
def test_every_month_in_three_cases(number: int) -> None:
    first = datetime.date(2019, number, 1)
    for word in (NOMINATIVE[number - 1], GENITIVE[number - 1], PREPOSITIONAL[number - 1]):
        m = one(f"{word} 2019 года")
        assert m.kind == "month", word
        assert m.first_day() == first
        assert m.last_day() is not None and m.last_day().month == number
        bare = one(word.capitalize())
        assert bare.kind == "month" and bare.first == DateParts(month=number)
        assert bare.first_day() is None  # no year and no default: unknown
        assert bare.first_day(2019) == first


def test_missing_year_stays_missing() -> None:
    m = one("15 октября")
    assert m.first == m.last == DateParts(month=10, day=15)
    assert m.first_day() is None and m.last_day() is None
    assert m.is_specific


def test_year_carried_from_range_end() -> None:
    m = one("с 20 июля по 12 декабря 2018 г.")
    assert m.first == DateParts(year=2018, month=7, day=20)
    assert m.last == DateParts(year=2018, month=12, day=12)


def test_range_without_year_crossing_new_year() -> None:
    m = one("ноябрь – февраль")
    assert m.first_day(2019) == D("2018-11-01")
    assert m.last_day(2019) == D("2019-02-28")


def test_leap_day_without_year_depends_on_default() -> None:
    m = one("29 февраля")
    assert m.kind == "date"
    assert m.first_day(2020) == D("2020-02-29")
    assert m.first_day(2019) is None


@pytest.mark.parametrize(
    "text",
    [
        "№ 237",
        "п. 3.21",
        "3.21",
        "мероприятие 3.21",
        "10.00",
        "10:30",
        "в 10.00 и 12.30",
        "8 (861) 234-56-78",
        "+7 918 123-45-67",
        "тел. 8-918-123-45-67",
        "МБОУ СОШ № 12",
        "МБОУ СОШ №12, №17, №30",
        "24 представителя",
        "в 9 и 11 классах",
        "50%",
        "100 % школ",
        "1,5",
        "3-5",
        "2016-2030",
        "объем 2-3 страницы",
        "1.1.Письмо о проведении",
        "п.3.21.18",
        "в 33 муниципальных образованиях",
        "майский семинар",
        "включаются ежемесячные отчеты",
        "ГОСТ 7.32-2017",
        "с 9 до 18 часов",
        "с 10.00 до 12.00",
        "285 педагогов",
        "",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text) == []


def test_order_number_is_not_part_of_the_date() -> None:
    found = find_dates("№ 237 от 09.07.2018; № 255 от 21.08.2018")
    assert [m.text for m in found] == ["09.07.2018", "21.08.2018"]
    assert [m.first_day() for m in found] == [D("2018-07-09"), D("2018-08-21")]


def test_item_number_before_a_date() -> None:
    assert [m.text for m in find_dates("Протокол № 5 - 12.09.2018")] == ["12.09.2018"]


SEED_TABLE = """\
1\tСоздание рабочей группы по реализации мероприятия п.3.21\t№ 237 от 09.07.2018; № 255 от 21.08.2018
2\tПроведение входного мониторинга по итогам 2016-2017 учебного года\t№ 241 от 11.07.2018
4\tОформление партнерских соглашений\t20 июля – 12 декабря
7\tОрганизация курсов повышения квалификации директоров\t10 сентября– 30 ноября
13\tПодготовка и издание итогового методического сборника\tдекабрь
Муниципальная дорожная карта\tдо 19.10.2018\tподписывается руководителем; в печатном виде
"""


def test_seed_table() -> None:
    found = find_dates(SEED_TABLE)
    assert [(m.kind, m.text) for m in found] == [
        ("date", "09.07.2018"),
        ("date", "21.08.2018"),
        ("school_year", "2016-2017 учебного года"),
        ("date", "11.07.2018"),
        ("range", "20 июля – 12 декабря"),
        ("range", "10 сентября– 30 ноября"),
        ("month", "декабрь"),
        ("deadline", "до 19.10.2018"),
    ]
    for m in found:
        assert SEED_TABLE[m.start : m.end] == m.text


def test_spans_with_messy_characters() -> None:
    text = (
        "Семинар\u00a0проведен 18\u00a0сен\u00adтября\u00a02018\u00a0года;\n"
        "сроки:   20 июля\u2009—\n\n   12 декабря, отчёт до\u202f19.10.2018 г.\ufeff"
        " Программа на 2019-\n2020 учебный год, «15» октября 2018 г."
    )
    found = find_dates(text)
    assert [m.kind for m in found] == ["date", "range", "deadline", "school_year", "date"]
    for m in found:
        assert text[m.start : m.end] == m.text
    assert found[0].text == "18\u00a0сен\u00adтября\u00a02018\u00a0года"
    assert found[0].first_day() == D("2018-09-18")
    assert found[1].text == "20 июля\u2009—\n\n   12 декабря"
    assert found[2].text == "до\u202f19.10.2018 г."
    starts = [m.start for m in found]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_invalid_problem_uses_original_text() -> None:
    m = one("31 Июня 2018 г.")
    assert m.kind == "invalid"
    assert m.problem == "31 Июня 2018 г.: такой даты нет (в июне 30 дней)"
    assert m.first is None and m.first_day(2018) is None and not m.is_specific


def test_invalid_month_problem() -> None:
    assert one("15.13.2018").problem == "15.13.2018: такой даты нет (месяца 13 нет, в году 12 месяцев)"


def test_invalid_side_of_range_is_named() -> None:
    m = one("01.09.2018 – 31.09.2018")
    assert m.problem == "31.09.2018: такой даты нет (в сентябре 30 дней)"


def test_reversed_range_is_invalid() -> None:
    m = one("28.09.2018 – 03.09.2018")
    assert m.problem is not None and "позже" in m.problem
    assert one("20-10 сентября").kind == "invalid"


def test_is_specific() -> None:
    assert one("09.07.2018").is_specific
    assert one("20 июля – 12 декабря").is_specific
    assert one("до 19.10.2018").is_specific
    assert one("декабрь").is_specific
    assert one("I квартал 2019").is_specific
    assert one("2018-2019 учебный год").is_specific
    assert one("на 2021-2023 годы").is_specific
    assert not one("на 3 учебных года").is_specific
    assert not one("не позднее 5 числа").is_specific
    assert not one("ежемесячно").is_specific
    assert not one("в течение года").is_specific
    assert not one("31.09.2018").is_specific


def test_format_date_and_cell_helper() -> None:
    assert format_date(D("2018-10-19")) == "19.10.2018"
    assert format_date(D("2019-01-05")) == "05.01.2019"
    assert parse_date_text("до 19.10.2018") == find_dates("до 19.10.2018")


def test_mentions_are_frozen() -> None:
    m = one("09.07.2018")
    with pytest.raises(Exception):  # noqa: B017 - pydantic raises its own ValidationError
        m.kind = "range"  # type: ignore[misc]
    with pytest.raises(Exception):  # noqa: B017
        m.first.year = 2000  # type: ignore[misc,union-attr]


PROSE = (
    "В целях реализации проекта «Повышение качества образования в школах с низкими результатами обучения и "
    "школах, функционирующих в неблагоприятных социальных условиях» Министерством образования, науки и по "
    "делам молодежи издан приказ от 12 апреля 2017 года № 457 «О реализации мероприятия 2.2» Федеральной "
    "целевой программы развития образования на 2016-2020 годы. Приказом утверждены: организация-оператор "
    "проекта, состав рабочей группы проекта, положение о деятельности республиканской организации-оператора, "
    "план-график («дорожная карта»), нормы потребления товаров и услуг. Организацией-оператором обеспечено "
    "дистанционное обучение 5 тьюторов из числа ведущих педагогов республики. В дальнейшем тьюторы проводили "
    "курсы повышения квалификации для руководителей и педагогов школ – участников проекта. Всего в 2017 году "
    "курсы повышения квалификации прошли 285 педагогов. Разработаны методические рекомендации по созданию "
    "школьных программ повышения качества образования; выпущен сборник материалов. 100% школ разработали "
    "свои программы перехода в эффективный режим работы, 8 муниципальных органов управления образованием "
    "разработали муниципальные программы. Проведены 3 обучающих семинара для муниципальных и школьных "
    "координаторов проекта, очный семинар «Организация сетевого взаимодействия» и межрегиональные вебинары.\n"
)


def best_time(text: str) -> tuple[float, int]:
    best, count = float("inf"), 0
    for _ in range(3):
        t0 = time.perf_counter()
        count = len(find_dates(text))
        best = min(best, time.perf_counter() - t0)
    return best, count


def test_fifty_pages_are_fast() -> None:
    block = PROSE * 3 + SEED_TABLE
    seconds, count = best_time((block * (80_000 // len(block) + 1))[:80_000])
    assert count > 100
    assert seconds < 0.1


def test_dense_dates_are_fast_enough() -> None:
    # a worst case: a date every 55 characters on average (about 1,450 mentions in 80,000 characters)
    block = SEED_TABLE + (
        "В целях реализации проекта приказом от 12 апреля 2017 года № 457 утвержден план-график на 2016-2020 "
        "годы; семинар проведен 18 сентября 2018 года, в нем приняли участие 24 представителя. Отчеты "
        "представляются ежемесячно до 5 числа, в III квартале 2018 года и по итогам 2017-2018 учебного года. "
        "Работа ведется постоянно, в течение года, по мере необходимости.\n"
    )
    seconds, count = best_time((block * (80_000 // len(block) + 1))[:80_000])
    assert count > 1000
    assert seconds < 0.2


# ---------------------------------------------------------------------------------------------------------
# Properties

dates_2000_2035 = st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2035, 12, 31))

SINGLE_FORMS = {
    "dd.mm.yyyy": lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
    "d.m.yy": lambda d: f"{d.day}.{d.month}.{d.year % 100:02d}",
    "dd/mm/yyyy": lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",
    "genitive": lambda d: f"{d.day} {GENITIVE[d.month - 1]} {d.year} года",
    "quoted": lambda d: f"«{d.day:02d}» {GENITIVE[d.month - 1]} {d.year} г.",
    "iso": lambda d: d.isoformat(),
}


@given(dates_2000_2035, st.sampled_from(sorted(SINGLE_FORMS)), st.sampled_from(["", "Дата: ", "от "]))
def test_every_single_form_round_trips(day: datetime.date, form: str, prefix: str) -> None:
    written = SINGLE_FORMS[form](day)
    text = f"{prefix}{written}."
    found = find_dates(text)
    assert len(found) == 1, (text, [m.text for m in found])
    m = found[0]
    assert m.kind == "date"
    assert m.first_day() == day == m.last_day()
    assert text[m.start : m.end] == m.text


@given(dates_2000_2035, dates_2000_2035, st.sampled_from([" – ", "-", " — ", "–\n"]))
def test_numeric_range_round_trips(a: datetime.date, b: datetime.date, dash: str) -> None:
    a, b = min(a, b), max(a, b)
    text = f"{format_date(a)}{dash}{format_date(b)}"
    m = one(text)
    assert m.kind == "range"
    assert m.first_day() == a
    assert m.last_day() == b
    assert m.text == text


@given(dates_2000_2035, dates_2000_2035)
def test_text_range_round_trips(a: datetime.date, b: datetime.date) -> None:
    a, b = min(a, b), max(a, b)
    text = f"с {a.day} {GENITIVE[a.month - 1]} {a.year} года по {b.day} {GENITIVE[b.month - 1]} {b.year} года"
    m = one(text)
    assert (m.kind, m.first_day(), m.last_day()) == ("range", a, b)


def check_invariants(text: str) -> None:
    found = find_dates(text)
    previous_end = 0
    for m in found:
        assert 0 <= previous_end <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        previous_end = m.end
        first, last = m.first_day(2018), m.last_day(2018)
        if first is not None and last is not None:
            assert first <= last, m
        if m.kind == "invalid":
            assert m.problem
        else:
            assert m.problem is None


@settings(max_examples=300)
@given(st.text())
def test_fuzz_any_text(text: str) -> None:
    check_invariants(text)


TOKENS = [
    "1", "5", "09", "12", "15", "20", "31", "32", "13", "2018", "2019", "18", ".", ".", "/", "-", "–", "—",
    " ", " ", "\n", "\u00a0", "\u00ad", "«", "»", '"', "г.", "года", "гг.", "учебный год", "уч. г.", "с ",
    " по ", "до ", "не позднее ", "числа", "сентября", "декабрь", "мае", "I", "IV", "квартал", "полугодие",
    "ежемесячно", "в течение ", "на ", "учебных", "№ ", "п. ", "ё", "Ё", ",", ":",
]  # fmt: skip


@settings(max_examples=500)
@given(st.lists(st.sampled_from(TOKENS), max_size=30).map("".join))
def test_fuzz_date_like_text(text: str) -> None:
    check_invariants(text)


FILLER = ["слово ", "работа ", "    ", "\n\n\n", "программы ", "года ", "срок ", "конца ", "четвертого ",
          "реализации ", "течение ", "в срок не позднее ", "сроком на ", "пяти ", "лет ", "кв", "весь период",
          "по мере необходимости", "систематически"]  # fmt: skip


@settings(max_examples=300)
@given(st.lists(st.sampled_from(TOKENS + FILLER), max_size=60).map("".join))
@example(text="1..гг.учебный годучебный годуч. г.IVгода пяти маег.")  # «мае» running into «г.»
def test_trigger_windows_lose_nothing(text: str) -> None:
    # rules run only near triggers (an optimisation); a full scan must find exactly the same candidates
    folded, _ = dates._fold(text)

    def key(found: list[Any]) -> list[tuple[int, int, str, str | None]]:
        return sorted((f.start, f.end, f.kind, f.problem) for f in found)

    assert key(dates._candidates(folded)) == key(dates._candidates(folded, [(0, len(folded))]))
