"""The language helpers of the event genres: counted quantities in digits and words, tense from
pymorphy3 tags, numerals that agree with their noun."""

from __future__ import annotations

import pytest

from checker.language.normalize import normalize
from checker.language.numbers import find_quantities
from checker.language.numerals import agree
from checker.language.tense import tense_counts


def _quantities(text: str) -> list[tuple[float, str | None]]:
    return [(q.value, q.unit) for q in find_quantities(normalize(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("В семинаре участвовали 40 ШНОР и 28 кураторов.", [(40, "шнор"), (28, "куратор")]),
        ("на семинар приехали восемь школ района", [(8, "школа")]),
        ("курсы прошли более 250 учителей", [(250, "учитель")]),
        ("приняли участие более трехсот представителей", [(300, "представитель")]),
        ("около полутора тысяч участников", [(1500, "участник")]),
        ("представители 49 образовательных учреждений", [(49, "учреждение")]),
        ("Семинар собрал двадцать пять директоров", [(25, "директор")]),
        ("Количество участников: 40.", [(40, "участник")]),
        ("1 500 участников", [(1500, "участник")]),
        ("100% школ разработали программы", [(100, "%")]),
    ],
)
def test_counted_quantities(text: str, expected: list[tuple[float, str]]) -> None:
    assert _quantities(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "12 сентября 2018 года в МБОУ СОШ № 3",  # a date, a year, a school number
        "по п. 3.21 государственной программы",  # a clause
        "Начало в 10.00",  # a time
        "МБОУ СОШ 12 города",  # a school named by its number
        "педагоги 9 и 11 классов",  # grades are not people
        "один из участников",  # a pronoun, not a count
    ],
)
def test_numbers_that_count_nothing(text: str) -> None:
    assert [q for q in find_quantities(normalize(text)) if q.unit is not None] == []


@pytest.mark.parametrize(
    ("text", "past", "future"),
    [
        ("Управление образования провело семинар, участники обсудили и представили опыт.", 3, 0),
        ("12 сентября был проведен модельный семинар", 2, 0),
        ("Семинар будет проведен 18 сентября. Приглашаем директоров.", 0, 2),
        ("Семинар состоится 10 декабря и пройдёт на базе школы.", 0, 2),
    ],
)
def test_tense_from_tags(text: str, past: int, future: int) -> None:
    assert tense_counts(normalize(text)) == {"past": past, "future": future}


def test_numerals_agree() -> None:
    expected = ["1 раз", "2 раза", "5 раз", "21 раз", "22 раза", "11 раз"]
    assert [agree(n, "раз") for n in (1, 2, 5, 21, 22, 11)] == expected
    assert agree(3, "знак") == "3 знака"
    assert agree(24, "строка") == "24 строки"
    assert agree(2.5, "тысяча") == "2,5 тысячи"
