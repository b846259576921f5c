"""The shared shapes of approval marks (checker.language.approval_shapes), on folded lines as both readers see them."""

from __future__ import annotations

import pytest

from checker.classify import opening_lines
from checker.document import Block, Document, Location, Metadata
from checker.language.approval_shapes import (
    AGREE_MARKER,
    ANNEX_LINE,
    APPENDIX,
    APPROVE_MARKER,
    BLOCK_MARKER,
    BY_ACT,
    ESIGN,
    ESIGN_FIELDS,
    ESIGN_LINE,
    TITLE_START,
)


@pytest.mark.parametrize(
    ("line", "approve", "agree", "block"),
    [
        ("утверждаю", True, False, True),
        ("у т в е р ж д а ю", True, False, True),
        ("согласовано утверждаю", True, True, True),
        ("утверждена приказом от 12.03.2021 № 417", True, False, True),
        ("утв. директором школы", True, False, True),
        ("согласовано", False, True, True),
        ("принято на педагогическом совете", False, False, True),
        ("рассмотрено на заседании методического совета", False, False, True),
        ("введено в действие приказом № 12", False, False, True),
        ("утвержденный план работы", False, False, False),
        ("программа утверждается директором", False, False, False),
    ],
)
def test_markers(line: str, approve: bool, agree: bool, block: bool) -> None:
    assert bool(APPROVE_MARKER.search(line)) is approve
    assert bool(AGREE_MARKER.search(line)) is agree
    assert bool(BLOCK_MARKER.match(line)) is block


def test_approval_by_an_act_and_an_annex() -> None:
    assert BY_ACT.search("утверждена приказом министерства образования").group(3) == "приказ"
    assert BY_ACT.search("утверждено: распоряжением администрации").group(3) == "распоряжени"
    assert BY_ACT.search("утверждаю директор школы") is None
    assert APPENDIX.search("приложение № 2 к приказу управления образования от 01.02.2024 № 5")
    assert APPENDIX.search("приложение к письму министерства") is None  # a letter's enclosure approves nothing
    # the annex line above a title also stands over a letter's or a council's annex, or alone
    for line in ("приложение № 1 к приказу", "приложение к настоящему приказу", "приложение 2 к письму",
                 "приложение № 3", "приложение к решению совета"):  # fmt: skip
        assert ANNEX_LINE.match(line), line
    assert ANNEX_LINE.match("приложение: план мероприятий на 3 л.") is None


def test_electronic_signature() -> None:
    assert ESIGN.search("документ подписан электронной подписью")
    assert ESIGN.search("сведения о сертификате эп")
    assert ESIGN.search("подписано цифровой подписью: директор") is None  # a PDF stamp: a line of a stamp only
    assert ESIGN_FIELDS.search("владелец: иванова анна петровна")
    for line in ("подписано цифровой", "подписью: директор мбоу сош № 21", "дата: 2025.03.26 10:14:05 +03'00'",
                 "сертификат 01a2b3c4d5e6f7a8b9c0", "действителен с 01.02.2024 по 01.05.2025"):  # fmt: skip
        assert ESIGN_LINE.search(line), line
    assert ESIGN_LINE.search("школа перешла на документооборот с электронной подписью руководителя") is None


def test_a_title_ends_an_approval_block() -> None:
    for line in ("программа развития мбоу сош № 4", "муниципальная дорожная карта", "паспорт программы",
                 "информационная справка", "отчет о реализации", "приказ", "положение о рабочей группе"):  # fmt: skip
        assert TITLE_START.match(line), line
    for line in ("директор мбоу сош № 4", "приказ от 12.03.2024 № 45", "протокол № 1 от 30.08.2024"):
        assert TITLE_START.match(line) is None, line


def test_classify_steps_over_the_marks_to_the_title() -> None:
    text = (
        "Приложение № 2\nк приказу управления образования\nот 14.02.2024 № 37\n"
        "Документ подписан электронной подписью\nВладелец: Петрова Анна Сергеевна\nДата: 2024.02.14\n"
        "У Т В Е Р Ж Д А Ю\nНачальник управления образования\n________ А.С. Петрова\n"
        "Дорожная карта по повышению качества образования\nНаименование мероприятия"
    )
    document = Document(
        path="x.txt",
        blocks=[Block(kind="paragraph", text=text, location=Location(paragraph=1))],
        metadata=Metadata(format="txt"),
    )
    assert opening_lines(document)[0] == "дорожная карта по повышению качества образования"
