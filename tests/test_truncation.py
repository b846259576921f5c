"""The end of a text cut short (checker/layout/truncation.py): marked `truncated` consistently, whether it stops
on a preposition, mid-sentence or mid-word; texts that end as documents end are left alone."""

from __future__ import annotations

import pytest

from checker.document import Block, Document, Location, Metadata
from checker.layout import truncation
from checker.layout.lines import Context

RUNNING = (
    "В соответствии с планом работы отдела образования проведён мониторинг сайтов школ. "
    "По его итогам направляем перечень замечаний. "
)


def _ends(text: str, kind: str = "paragraph", suspected: list[str] | None = None) -> list[str]:
    blocks = [
        Block(kind="heading", text="Программа развития школы", location=Location(paragraph=1)),
        Block(kind=kind, text=text, location=Location(paragraph=2)),
    ]
    document = Document(path="x.txt", blocks=blocks, metadata=Metadata(format="txt", suspected=suspected or []))
    return truncation.run(document, Context()).metadata.suspected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (RUNNING + "В связи с изложенным просим Вас представить предложения по образовательным уч", "paragraph"),
        ("Сохранение и укрепл", "paragraph"),  # a lower-case word the dictionary does not know
        ("Полное наименование: муниципальное бюджетное общеобразовательное учреждение имени Г", "paragraph"),
        ("Программа определяет образовательные приоритеты и м", "paragraph"),  # a lone letter after a word
        ("2. Федеральн", "heading"),  # an adjective's stem without its ending
        ("3.1. Ценностные принципы реализации программы.....................", "heading"),  # no page number
        ("4.2. Анализ кадровых условий за три года и оценка дефицитов компетенций педаго", "list_item"),
        (RUNNING + "Также проведено анкетирование родителей, которые", "paragraph"),  # a conjunction
        (RUNNING + "Отдельное внимание уделено работе с обучающимися, имеющими трудности в обучении и", "paragraph"),
        (RUNNING + "Школа станет открытой и доброжелательной средой для всех детей с развитыми", "paragraph"),
    ],
)
def test_a_text_cut_short_is_suspected(text: str, kind: str) -> None:
    assert _ends(text, kind) == ["truncated"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (RUNNING + "Приложение: на 7 л. в 1 экз.", "paragraph"),
        ("Директор В.Д. Максимова", "paragraph"),
        ("Директор МБОУ «Луговская школа» Н.В. Кузьмич", "paragraph"),
        ("Председатель Управляющего совета Чупилко", "paragraph"),  # a surname the dictionary does not know
        ("Методист районного центра Ефремова О.А.", "paragraph"),
        ("Ожидаемые результаты реализации Программы развития", "heading"),
        ("- подготовка тьюторов", "list_item"),  # a word the dictionary does not know, but no cut one
        ("- внедрение коучинга", "list_item"),
        ("Длина беговой дорожки 100 м", "paragraph"),
        (RUNNING + "Результаты обсуждены на совещании директоров. |", "paragraph"),
        ("Время проведения: 10:00 | Место проведения: актовый зал", "table"),
    ],
)
def test_a_complete_text_is_left_alone(text: str, kind: str) -> None:
    assert _ends(text, kind) == []


def test_table_cells_run_together_are_not_a_cut_sentence() -> None:
    """A paragraph the table pass suspects of holding cells ends on a cell («… заместитель директора»)."""
    text = RUNNING + "Мероприятие Сроки Ответственные Анализ результатов ВПР сентябрь 2024 заместитель директора"
    assert _ends(text, suspected=["flattened_table"]) == ["flattened_table"]
    assert _ends(text) == ["truncated"]
