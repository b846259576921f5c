"""Tables of measures in the shapes real roadmaps arrive in once flattened (fixtures/tables_real/, written by
fixtures/make_tables_real.py): one cell per line without a «№» column and with measures wrapped over several
lines; a table torn by page breaks (page numbers, «Продолжение таблицы», the header repeated or not); short
cells centred in the wide columns of a borderless PDF table; a legal database's copy with no row-end lines.
Each is rebuilt exactly, the roadmap pack finds exactly what is wrong (nothing where the document is
right), prose stays prose, and what cannot be read is left alone and marked for a check by hand."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checker.document import Block, Document, Location, Metadata
from checker.layout import recover
from checker.layout.lines import Context, table_from_rows
from checker.layout.table_continuation import run as join_continuations
from checker.layout.table_separated import _date_tail, _split_line
from checker.layout.tables import _header_run
from checker.parsers import PARSERS, parse_file

ROOT = Path(__file__).resolve().parents[1]
SHAPES = ROOT / "fixtures" / "tables_real"

WRAPPED_ROWS = [
    ["Мероприятие", "Сроки", "Ответственные", "Ожидаемый результат"],
    ["Анализ результатов всероссийских проверочных работ по математике и русскому языку в 5–9 классах",
     "сентябрь 2024", "заместитель директора по УВР", "аналитическая справка"],
    ["Корректировка рабочих программ по ФГОС ООО с учётом выявленных дефицитов", "до 1 октября 2024 г.",
     "руководители ШМО", "рабочие программы"],
    ["Индивидуальные образовательные маршруты для обучающихся группы риска", "октябрь 2024",
     "классные руководители, педагог-психолог", "маршруты на каждого обучающегося"],
    ["Курсы повышения квалификации учителей математики", "ноябрь – декабрь 2024", "директор",
     "удостоверения о повышении квалификации"],
    ["Пробный экзамен по математике в 9 классах", "март 2025", "заместитель директора по УВР Т.А. Ларина",
     "протокол, анализ результатов"],
    ["Родительское собрание «Как подготовиться к экзаменам»", "апрель 2025", "классные руководители",
     "протокол собрания"],
]  # fmt: skip
NO_RESPONSIBLE_ROWS = [[r[0], r[1], r[3]] for r in WRAPPED_ROWS]
NUMBERED_ROWS = [
    ["№ п/п", "Наименование мероприятия", "Сроки", "Ответственные"],
    ["1.", "Корректировка рабочих программ по ФГОС ООО с учётом дефицитов", "сентябрь 2024 года",
     "заместитель директора по УВР"],
    ["2.", "Консультации для обучающихся группы риска", "еженедельно", "учителя-предметники"],
    ["3.", "Пробный экзамен в 9 классах", "март 2025 года", "директор"],
]  # fmt: skip
ORDERED_ROWS = [
    ["Содержание работы", "Ответственные", "Срок исполнения", "Форма отчётности"],
    ["Собеседование с учителями по результатам диагностических работ", "директор", "сентябрь 2024", "протокол"],
    ["Посещение уроков молодых специалистов", "заместитель директора по УВР", "октябрь – ноябрь 2024", "справка"],
    ["Консультации для обучающихся 9 классов по математике", "учителя математики", "еженедельно",
     "журнал консультаций"],
    ["Мониторинг посещаемости дополнительных занятий", "классные руководители", "ежемесячно", "отчёт"],
]  # fmt: skip
PIPE_ROWS = [
    ["№", "Мероприятие", "Сроки", "Ответственные"],
    ["1", "Анализ результатов ВПР", "сентябрь 2024", "заместитель директора по УВР"],
    ["2", "Корректировка рабочих программ", "до 1 октября 2024", "руководители ШМО"],
    ["3", "Индивидуальные маршруты для группы риска", "октябрь 2024", "классные руководители"],
    ["4", "Курсы повышения квалификации", "ноябрь 2024", "директор"],
    ["5", "Взаимопосещение уроков", "ежемесячно", "руководители ШМО"],
    ["6", "Пробный экзамен в 9 классах", "март 2025", "заместитель директора по УВР"],
    ["7", "Родительское собрание по ГИА", "апрель 2025", "классные руководители"],
]
PIPE_SHORT_ROWS = [*PIPE_ROWS[:6], [*PIPE_ROWS[6][:3], ""], [*PIPE_ROWS[7][:3], ""]]
PDF_ROWS = [
    ["№", "Мероприятие", "Сроки", "Ответственные"],
    ["1", "Анализ результатов ВПР", "сентябрь 2024", "заместитель директора"],
    ["2", "Корректировка рабочих программ", "октябрь 2024", "руководители ШМО"],
    ["3", "Консультации для группы риска", "еженедельно", "учителя-предметники"],
    ["4", "Курсы повышения квалификации", "ноябрь 2024", "директор"],
    ["5", "Взаимопосещение уроков", "ежемесячно", "руководители ШМО"],
    ["6", "Пробный экзамен в 9 классах", "март 2025", "заместитель директора"],
    ["7", "Родительское собрание по ГИА", "апрель 2025", "классные руководители"],
    ["8", "Итоговый педагогический совет", "май 2025", "директор"],
]
CENTRED_ROWS = [
    *PDF_ROWS,
    ["9", "Методический совет «Итоги учебного года»", "июнь 2025", "заместитель директора по УВР"],
    ["10", "Отчёт о реализации дорожной карты", "июнь 2025", "директор"],
]
LAYOUT_ROWS = [
    ["№ п/п", "Мероприятие", "Сроки исполнения", "Ответственные"],
    ["1", "Анализ результатов ВПР по математике и русскому языку", "сентябрь 2024", "заместитель директора по УВР"],
    ["2", "Корректировка рабочих программ", "до 1 октября 2024 г.", "руководители ШМО"],
    ["3", "Консультации для группы риска", "еженедельно", "учителя-предметники"],
    ["4", "Курсы повышения квалификации", "ноябрь 2024", "директор"],
    ["5", "Пробный экзамен в 9 классах", "март 2025", "заместитель директора"],
]
COUNTED_ROWS = [
    ["N", "Наименование мероприятия", "Срок исполнения", "Ответственный исполнитель", "Результат"],
    ["I. Анализ результатов"],
    ["1.", "Анализ результатов оценочных процедур в школах", "до 1 марта 2024 г.", "министерство образования",
     "аналитическая справка"],
    ["2.", "Адресные рекомендации школам по итогам", "март 2024 г.", "институт развития образования",
     "рекомендации"],
    ["II. Методическая поддержка"],
    ["3.", "Закрепление кураторов за школами с низкими образовательными результатами", "до 1 апреля 2024 г.",
     "органы управления образованием", "приказы о кураторах"],
    ["4.", "Курсы повышения квалификации управленческих команд", "апрель - май 2024 г.",
     "институт развития образования", "удостоверения"],
]  # fmt: skip

CELLS = "таблица собрана из заголовка и ячеек по одной в строке"
PIPES = "таблица собрана из строк с «|»"
TABS = "таблица собрана из строк, разделённых табуляцией"
TORN = "таблица, разорванная переносом страницы, собрана в одну"

# file -> (recovered notes, suspected codes, rows of each table)
REBUILT: dict[str, tuple[list[str], list[str], list[list[list[str]]]]] = {
    "roadmap_wrapped.txt": ([f"{CELLS}: 7 строк, 4 столбца"], [], [WRAPPED_ROWS]),
    "roadmap_wrapped.docx": ([f"{CELLS}: 7 строк, 4 столбца"], [], [WRAPPED_ROWS]),
    # «- 2 -», «Продолжение таблицы» and the header again between the rows: passed over
    "roadmap_wrapped_pages.txt": ([f"{CELLS}: 7 строк, 4 столбца"], [], [WRAPPED_ROWS]),
    # numbered rows whose lines fit no simple reading: read from the date
    "roadmap_numbered_wrapped.txt": ([f"{CELLS}: 4 строки, 4 столбца"], [], [NUMBERED_ROWS]),
    # the responsible before the date: «молодых» / «специалистов» is a measure wrapped, not a post
    "roadmap_wrapped_ordered.txt": ([f"{CELLS}: 5 строк, 4 столбца"], [], [ORDERED_ROWS]),
    "roadmap_wrapped_ordered.docx": ([f"{CELLS}: 5 строк, 4 столбца"], [], [ORDERED_ROWS]),
    "roadmap_wrapped_no_responsible.txt": ([f"{CELLS}: 7 строк, 3 столбца"], [], [NO_RESPONSIBLE_ROWS]),
    "roadmap_wrapped_no_responsible.docx": ([f"{CELLS}: 7 строк, 3 столбца"], [], [NO_RESPONSIBLE_ROWS]),
    # nothing says who is responsible, wrapped lines could go either way: left as text, marked
    "roadmap_wrapped_unclear.txt": ([], ["flattened_table"], []),
    "roadmap_pages.txt": (
        [f"{PIPES}: 4 строки, 4 столбца", f"{PIPES}: 3 строки, 4 столбца", f"{PIPES}: 2 строки, 4 столбца",
         f"{TORN}: 3 части, 8 строк"], [], [PIPE_ROWS],
    ),
    "roadmap_pages_short.txt": (
        [f"{PIPES}: 4 строки, 4 столбца", f"{PIPES}: 3 строки, 4 столбца", f"{PIPES}: 2 строки, 3 столбца",
         f"{TORN}: 3 части, 8 строк"], [], [PIPE_SHORT_ROWS],
    ),
    # the PDF's page numbers are furniture the parser drops; the header repeated on page 2 is not a row
    "roadmap_pages_repeated.pdf": (
        [f"{TABS}: 9 строк, 4 столбца; убран заголовок, повторённый после переноса страницы"], [], [PDF_ROWS],
    ),
    "roadmap_pages_continued.pdf": ([f"{TABS}: 9 строк, 4 столбца"], [], [PDF_ROWS]),
    # a number run into its measure, a whole row run into one line: split by the columns
    "roadmap_centred.pdf": ([f"{TABS}: 11 строк, 4 столбца"], [], [CENTRED_ROWS]),
    "roadmap_database_counted.txt": (
        ["таблица собрана из строк с «|» (копия из правовой базы): 7 строк, 5 столбцов"], [], [COUNTED_ROWS],
    ),
    # a PDF's text with its layout: centred cells, wrapped cells and header, a page break with its number
    "roadmap_layout_columns.txt": (
        ["таблица собрана из столбцов, разделённых пробелами: 6 строк, 4 столбца"], [], [LAYOUT_ROWS],
    ),
    "roadmap_order_cut.txt": ([], ["truncated"], []),
    "prose_measures.txt": ([], [], []),
    "prose_measures.docx": ([], [], []),
}  # fmt: skip

TABLE_RULE = "RM-TABLE-001"
EMPTY_RESPONSIBLE = "не заполнен столбец «Ответственные»; укажите ответственных."
# file -> (verdict, [(rule id, severity, outcome, message start)] of the roadmap pack's failing and unverified findings)
FINDINGS: dict[str, tuple[str, list[tuple[str, str, str, str]]]] = {
    "roadmap_wrapped.txt": ("compliant", []),
    "roadmap_wrapped.docx": ("compliant", []),
    "roadmap_wrapped_pages.txt": ("compliant", []),
    "roadmap_wrapped_ordered.txt": ("compliant", []),
    "roadmap_numbered_wrapped.txt": ("compliant", []),
    "roadmap_wrapped_ordered.docx": ("compliant", []),
    "roadmap_pages.txt": ("compliant", []),
    "roadmap_pages_repeated.pdf": ("compliant", []),
    "roadmap_pages_continued.pdf": ("compliant", []),
    "roadmap_centred.pdf": ("compliant", []),
    "roadmap_database_counted.txt": ("compliant", []),
    "roadmap_layout_columns.txt": ("compliant", []),
    # a real column missing: said once, of the rebuilt table
    "roadmap_wrapped_no_responsible.txt": ("noncompliant", [
        (TABLE_RULE, "error", "fail", "В таблице мероприятий нет столбца «Ответственные»"),
    ]),
    "roadmap_wrapped_no_responsible.docx": ("noncompliant", [
        (TABLE_RULE, "error", "fail", "В таблице мероприятий нет столбца «Ответственные»"),
    ]),
    # the last page lost the column: its rows, numbered on from the first page's
    "roadmap_pages_short.txt": ("noncompliant", [
        (TABLE_RULE, "error", "fail", f"Строка 7 («Пробный экзамен в 9 классах»): {EMPTY_RESPONSIBLE}"),
        (TABLE_RULE, "error", "fail", f"Строка 8 («Родительское собрание по ГИА»): {EMPTY_RESPONSIBLE}"),
    ]),
    "roadmap_wrapped_unclear.txt": ("compliant", [
        (TABLE_RULE, "warning", "unverified", "Не удалось проверить таблицу мероприятий: в тексте есть таблица, но её "
         "строки и столбцы не восстановлены."),
    ]),
    # the copy stops at the title of the appended plan: not «no table», a check by hand
    "roadmap_order_cut.txt": ("compliant", [
        (TABLE_RULE, "warning", "unverified", "Не удалось проверить таблицу мероприятий"),
    ]),
    # a plan written as prose and a list: no table made up, the rule says what it sees
    "prose_measures.txt": ("compliant", [
        (TABLE_RULE, "warning", "unverified", "Не удалось проверить таблицу мероприятий: план оформлен списком"),
    ]),
    "prose_measures.docx": ("compliant", [
        (TABLE_RULE, "warning", "unverified", "Не удалось проверить таблицу мероприятий: план оформлен списком"),
    ]),
}  # fmt: skip


def _rows(document: Document) -> list[list[list[str]]]:
    return [[row.texts for row in b.table.rows] for b in document.blocks if b.kind == "table" and b.table]


@pytest.mark.parametrize("name", sorted(REBUILT))
def test_rebuilt_exactly(name: str, caplog: pytest.LogCaptureFixture) -> None:
    notes, suspected, tables = REBUILT[name]
    document = parse_file(SHAPES / name)
    assert not [r for r in caplog.records if "layout pass" in r.getMessage()]  # no pass failed on the way
    assert document.metadata.recovered == notes
    assert document.metadata.suspected == suspected
    assert _rows(document) == tables


@pytest.fixture(scope="module")
def checked() -> dict[str, dict]:
    """The roadmap pack over every fixture, in one run of the command line."""
    result = subprocess.run(
        [sys.executable, "-m", "checker", "check", *(str(SHAPES / n) for n in sorted(FINDINGS)), "--format", "json",
         "--no-cache"],
        capture_output=True, text=True, cwd=ROOT, timeout=600,
    )  # fmt: skip
    assert result.returncode in (0, 1), result.stderr
    assert "failed on" not in result.stderr, result.stderr
    return {Path(doc["path"]).name: doc for doc in json.loads(result.stdout)["documents"]}


@pytest.mark.parametrize("name", sorted(FINDINGS))
def test_roadmap_findings(name: str, checked: dict[str, dict]) -> None:
    verdict, expected = FINDINGS[name]
    doc = checked[name]
    assert doc["doc_type"] == "roadmap"
    found = [
        (f["rule_id"], f["severity"], f["outcome"], f["message"])
        for f in doc["findings"]
        if f["outcome"] in ("fail", "unverified") and f["rule_id"].startswith("RM-")
    ]
    assert len(found) == len(expected), found
    for (rule, severity, outcome, message), want in zip(sorted(found), sorted(expected), strict=True):
        assert (rule, severity, outcome) == want[:3]
        assert message.startswith(want[3]), message
    assert doc["verdict"] == verdict


def test_torn_table_rows_keep_their_pages(checked: dict[str, dict]) -> None:
    """The rows of a table the text layer ran over a page break are on their own pages; findings on the
    joined table name the row in the whole table."""
    document = parse_file(SHAPES / "roadmap_pages_continued.pdf")
    table = document.tables[0].table
    assert table is not None and (table.page_start, table.page_end) == (1, 2)
    assert [row.location.page for row in table.rows] == [1] * 5 + [2] * 4
    short = [f for f in checked["roadmap_pages_short.txt"]["findings"] if f["outcome"] == "fail"]
    assert [f["location"]["description"] for f in short] == [
        "таблица 1, строка 7, столбец 4, строка файла 24",
        "таблица 1, строка 8, столбец 4, строка файла 25",
    ]


@pytest.mark.parametrize("name", ["prose_measures.txt", "prose_measures.docx"])
def test_prose_stays_prose(name: str) -> None:
    """Paragraphs and lists about measures, dates and the responsible are not a table."""
    path = SHAPES / name
    raw = PARSERS[path.suffix.lstrip(".")](path)
    document = parse_file(path)
    assert [(b.kind, b.text) for b in document.blocks] == [(b.kind, b.text) for b in raw.blocks]
    assert not document.tables


def _document(blocks: list[Block], fmt: str = "pdf") -> Document:
    return Document(path=f"x.{fmt}", blocks=blocks, metadata=Metadata(format=fmt))


def _table(rows: list[list[str]], page: int | None) -> Block:
    return table_from_rows([(None, cells) for cells in rows], page)


def _paragraph(text: str, page: int | None = None) -> Block:
    return Block(kind="paragraph", text=text, location=Location(page=page))


def test_a_row_short_of_cells_leaves_the_table_unread(caplog: pytest.LogCaptureFixture) -> None:
    """A numbered row with no line for «Ответственные»: which cell is missing cannot be told, so the table
    is not made up; it is marked for a check by hand (and reading it raises nothing)."""
    texts = ["Дорожная карта школы", "№ п/п", "Мероприятие", "Сроки", "Ответственные", "1", "Семинар", "май 2024",
             "2", "Курсы", "июнь 2024", "директор"]  # fmt: skip
    document = recover(_document([_paragraph(t) for t in texts], fmt="docx"))
    assert not document.tables and document.metadata.suspected == ["flattened_table"]
    assert not [r for r in caplog.records if "layout pass" in r.getMessage()]


def test_a_numbered_row_whose_last_cell_wrapped_goes_on() -> None:
    """«протокол» / «семинара» ends row 1 on two lines: the next number follows, so the table goes on."""
    texts = ["Дорожная карта школы", "№ п/п", "Мероприятие", "Сроки", "Ответственные", "Результат",
             "1", "Семинар для учителей", "май 2024", "директор", "протокол", "семинара",
             "2", "Курсы", "июнь 2024", "директор", "удостоверения",
             "3", "Педсовет", "август 2024", "директор", "протокол", "Директор школы ____ И.И. Иванов"]  # fmt: skip
    document = recover(_document([_paragraph(t) for t in texts], fmt="docx"))
    assert _rows(document) == [[
        ["№ п/п", "Мероприятие", "Сроки", "Ответственные", "Результат"],
        ["1", "Семинар для учителей", "май 2024", "директор", "протокол семинара"],
        ["2", "Курсы", "июнь 2024", "директор", "удостоверения"],
        ["3", "Педсовет", "август 2024", "директор", "протокол"],
    ]]  # fmt: skip
    assert document.blocks[-1].text == "Директор школы ____ И.И. Иванов"


def test_a_long_cell_and_a_copy_cut_inside_the_last_row() -> None:
    """A measure of 400 characters is a cell, not running text; the copy stops inside the last row, so
    the table ends before it."""
    long = "Информационное сопровождение проекта: " + ", ".join(f"публикация {k} на сайте школы" for k in range(14))
    texts = ["Дорожная карта проекта школы", "№ п/п", "Наименование мероприятия", "Сроки проведения",
             "1", long, "В течение года", "2", "Экскурсия в музей", "Январь 2025", "3", "Встреча с ветеранами",
             "Февраль 2025", "4", "Фестиваль народного"]  # fmt: skip
    assert len(long) > 400
    document = recover(_document([_paragraph(t) for t in texts], fmt="docx"))
    assert _rows(document) == [[
        ["№ п/п", "Наименование мероприятия", "Сроки проведения"], ["1", long, "В течение года"],
        ["2", "Экскурсия в музей", "Январь 2025"], ["3", "Встреча с ветеранами", "Февраль 2025"],
    ]]  # fmt: skip
    assert [b.text for b in document.blocks[-2:]] == ["4", "Фестиваль народного"]


def test_a_list_of_files_ending_with_a_plan_is_not_cut_short() -> None:
    """A page listing documents, the last one a roadmap: no stamp above it, so nothing was lost."""
    texts = ["Документы школы", "Программа развития (pdf)", "Программа антирисковых мер (pdf)",
             "Дорожная карта школы на 2024 год (docx)"]  # fmt: skip
    document = recover(_document([_paragraph(t) for t in texts], fmt="docx"))
    assert document.metadata.suspected == []


def test_continuation_joins_only_what_a_page_break_tore() -> None:
    head = [["№", "Мероприятие", "Сроки", "Ответственные"], ["1", "Семинар", "май 2024", "директор"]]
    more = [["2", "Курсы", "июнь 2024", "методист"]]
    other = [["№", "Показатель", "Значение", "Единица"], ["1", "Доля", "40", "%"]]
    # a later page, the header again: joined, the header dropped, a bare page number gone
    document = _document([_table(head, 1), _paragraph("2", 2), _table([head[0], *more], 2)])
    join_continuations(document, Context())
    assert [(b.kind, b.text) for b in document.blocks] == [
        ("table", "№ | Мероприятие | Сроки | Ответственные\n1 | Семинар | май 2024 | директор\n"
                  "2 | Курсы | июнь 2024 | методист"),
    ]  # fmt: skip
    assert document.metadata.recovered == [f"{TORN}: 2 части, 3 строки"]
    assert [r.location.row for r in document.tables[0].table.rows] == [1, 2, 3]  # type: ignore[union-attr]
    indicators = [["Показатель", "2023", "2024", "2025"], ["Доля выпускников", "40", "45", "50"]]
    # a table with a header of its own (known column names or not), a paragraph between, or the same page
    # with no page mark: apart
    for blocks in (
        [_table(head, 1), _table(other, 2)],
        [_table(head, 1), _paragraph("- 2 -", 2), _table(indicators, 2)],
        [_table(head, 1), _paragraph("Таблица 2. Показатели", 2), _table(more, 2)],
        [_table(head, 1), _table(more, 1)],
    ):
        document = _document(blocks)
        join_continuations(document, Context())
        assert len(document.tables) == 2 and document.metadata.recovered == []


def test_continuation_finishes_a_row_cut_by_the_page_break() -> None:
    head = [["№", "Мероприятие", "Сроки"], ["1", "Семинар", "май 2024"], ["2", "Курсы для учителей", "июнь"]]
    document = _document([_table(head, 1), _paragraph("Продолжение таблицы", 2),
                          _table([["", "математики", "2024"], ["3", "Педсовет", "август 2024"]], 2)])
    join_continuations(document, Context())
    assert _rows(document) == [[*head[:2], ["2", "Курсы для учителей математики", "июнь 2024"],
                                ["3", "Педсовет", "август 2024"]]]  # fmt: skip


@pytest.mark.parametrize(
    ("line", "cells"),
    [
        ("9 Семинар для учителей май 2025 директор", ["9", "Семинар для учителей", "май 2025", "директор"]),
        ("9 Анализ итогов за 2024 год в течение года заместитель директора по УВР",
         ["9", "Анализ итогов за 2024 год", "в течение года", "заместитель директора по УВР"]),
        ("9 Семинар май 2025 протокол", None),  # no post where the responsible should be
        ("Семинар для учителей май 2025 директор", None),  # no number where the table has one
    ],
)  # fmt: skip
def test_a_row_run_into_one_line_is_split_by_its_columns(line: str, cells: list[str] | None) -> None:
    assert _split_line(line, ["number", "activity", "date", "responsible"]) == cells


def test_a_date_run_into_the_measure() -> None:
    assert _date_tail("Курсы повышения квалификации ноябрь 2024") == ("Курсы повышения квалификации", "ноябрь 2024")
    assert _date_tail("Анализ результатов за 2023 год ноябрь 2024") == ("Анализ результатов за 2023 год", "ноябрь 2024")
    assert _date_tail("Семинар для учителей 5 классов") is None


def test_header_run_into_a_paragraph_is_suspected() -> None:
    """A PDF text layer that ran a one-cell-per-line table into running text: nothing to rebuild, but «no
    table» would be wrong; a sentence that names measures and dates is not a header."""
    ran = ("Задачи: выявить дефициты; обновить программы; повысить квалификацию учителей. Мероприятие Сроки "
           "Ответственные Ожидаемый результат Анализ результатов ВПР сентябрь 2024 заместитель директора")
    assert _header_run(ran)
    assert not _header_run("Мероприятия, сроки и ответственные определены приказом директора на весь период.")
    document = recover(_document([_paragraph("Дорожная карта школы"), _paragraph(ran * 2)]))
    assert document.metadata.suspected == ["flattened_table"]


def test_wrapped_rows_read_in_linear_time() -> None:
    """Each row is read from its date with a bounded look around it: four times the rows, about four
    times the time (measured against the smaller run; the machine may be busy)."""
    header = ["Мероприятие", "Сроки", "Ответственные", "Ожидаемый результат"]
    row = ["Курсы повышения квалификации", "учителей математики", "ноябрь 2024", "заместитель директора", "по УВР",
           "удостоверения"]  # fmt: skip

    def document(n: int) -> Document:
        texts = ["Дорожная карта школы", *header, *(row * n), "Директор школы"]
        return _document([_paragraph("\n".join(texts))], fmt="docx")

    def spent(n: int) -> float:
        doc = document(n)
        start = time.perf_counter()
        recover(doc)
        took = time.perf_counter() - start
        assert len(doc.tables[0].table.rows) == n + 1  # type: ignore[union-attr]
        return took

    # interleaved and the best of five, so a busy moment costs both sides; linear is ×4, quadratic ×16
    runs = [(spent(100), spent(400)) for _ in range(5)]
    small, large = min(r[0] for r in runs), min(r[1] for r in runs)
    assert large < 10 * small
