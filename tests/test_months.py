"""The month names defined once (checker.language.months), in each shape its readers take: every form, the
genitive of a day's date, the genitive or a form's blank, the start of a word."""

from __future__ import annotations

import re

import pytest
from test_dates import GENITIVE, NOMINATIVE, PREPOSITIONAL  # the month words, spelt out once for the tests

from checker.language import months
from checker.language.dates import find_dates
from checker.layout import approval_inline, contents_columns, table_columns


def test_word_lists() -> None:
    assert months.GENITIVE_WORDS == GENITIVE
    assert months.PREPOSITIONAL_WORDS == PREPOSITIONAL
    for number, (nominative, genitive) in enumerate(zip(NOMINATIVE, GENITIVE, strict=True), 1):
        assert months.NUMBER_BY_WORD[nominative] == months.NUMBER_BY_WORD[genitive] == number
    assert months.NUMBER_BY_WORD["маю"] == months.NUMBER_BY_WORD["маем"] == 5
    assert months.NUMBER_BY_WORD["августом"] == 8
    assert len(months.NUMBER_BY_WORD) == 60  # five forms of each month


@pytest.mark.parametrize(
    ("word", "any_case", "genitive", "genitive_or_blank", "stem"),
    [
        ("января", True, True, True, True),
        ("январь", True, False, False, True),
        ("в январе", False, False, False, False),  # the patterns start at the word
        ("мая", True, True, True, True),
        ("май", True, False, False, True),
        ("маю", True, False, False, True),
        ("марте", True, False, False, True),
        ("августом", True, False, False, True),
        ("________", False, False, True, False),
        ("_", False, False, False, False),
        ("январский", False, False, False, True),  # the start of a word only, as a prefix reader takes it
        ("мартовский", False, False, False, True),
        ("маяк", False, False, False, True),
        ("машина", False, False, False, False),
        ("марш", False, False, False, False),
        ("программа", False, False, False, False),
    ],
)
def test_shapes(word: str, any_case: bool, genitive: bool, genitive_or_blank: bool, stem: bool) -> None:
    assert bool(re.fullmatch(months.ANY_CASE, word)) is any_case
    assert bool(re.fullmatch(months.ANY_CASE_B, word)) is any_case
    assert bool(re.fullmatch(months.GENITIVE, word)) is genitive
    assert bool(re.fullmatch(months.GENITIVE_OR_BLANK, word)) is genitive_or_blank
    assert bool(re.match(months.STEM, word)) is stem


def test_any_case_needs_the_word_to_end() -> None:
    assert re.search(months.ANY_CASE, "маяк") is None
    assert re.search(months.ANY_CASE, "до мая 2025 года").group(0) == "мая"
    # the left boundary is checked after the stem: «самая» holds no «мая»
    assert re.search(months.ANY_CASE_B, "самая") is None
    assert re.search(months.ANY_CASE, "самая") is not None  # the plain shape leaves the left edge to its reader


def test_readers_take_every_form() -> None:
    """Each reader uses the one definition: a table's date cell in any case, a stamp's genitive date, a flattened
    contents line of months, the date grammar."""
    for cell in ("сентябрь", "в сентябре", "до мая", "маю", "15 мая", "в течение года"):
        assert table_columns.date_cell(cell), cell
    assert not table_columns.date_cell("Сентябрьские чтения")
    assert approval_inline._DATE.search("от «29» августа 2025 г.").group(0).strip() == "«29» августа 2025 г."
    assert contents_columns._TABLE_CELL.match("до сентября 2025 г.")
    assert contents_columns._TABLE_CELL.match("май – июнь")
    assert [m.text for m in find_dates("в мае 2024 года и в марте 2025 года")] == ["мае 2024 года", "марте 2025 года"]
