"""Layout recovery (checker/layout/): every fixture in fixtures/layout/ rebuilt exactly, clean documents
left as they are, and each pass on its own strings. Fixtures: `python fixtures/make_layout.py`."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from checker.document import Block, Document, Location, Metadata
from checker.inspection import render_inspection
from checker.layout import PASSES, recover
from checker.layout.letterspacing import _fix as close_up
from checker.layout.lookalike import _fix as map_lookalikes
from checker.layout.mojibake import _utf8_fix
from checker.parsers import parse_file

ROOT = Path(__file__).resolve().parent.parent
LAYOUT = ROOT / "fixtures" / "layout"

STAMP_LEFT = "СОГЛАСОВАНО\nНачальник управления образования\n________ О.Н. Гречко\n«01» сентября 2024 г."
STAMP_RIGHT = "УТВЕРЖДАЮ\nДиректор МБОУ СОШ № 4\n________ Л.П. Кравец\n«02» сентября 2024 г."
STAMP_LEFT_WRAPPED = (
    "СОГЛАСОВАНО\nНачальник управления образования\nадминистрации района\n________ О.Н. Гречко\n«01» сентября 2024 г."
)
ROADMAP_CELL_ROWS = [
    ["№ п/п", "Наименование мероприятия", "Сроки", "Ответственные", "Ожидаемый результат"],
    ["1. Управление и кадры"],
    ["1.1", "Создание рабочей группы по переходу", "сентябрь 2024", "директор", "приказ о рабочей группе"],
    ["1.2", "Диагностика профессиональных дефицитов учителей математики", "октябрь 2024",
     "заместитель директора по УВР", "карта дефицитов"],
    ["2. Качество преподавания"],
    ["2.1", "Взаимопосещение уроков с учителями школы-наставника", "ежемесячно", "руководители ШМО",
     "листы наблюдения"],
    ["2.2", "Пробные экзамены в 9 классах", "декабрь 2024, март 2025", "заместитель директора по УВР", "протоколы"],
]  # fmt: skip
UNNUMBERED_ROWS = [
    ["Мероприятие", "Сроки", "Ответственные"],
    ["Педагогический совет по итогам ВПР", "август 2024", "директор"],
    ["Курсы повышения квалификации учителей математики", "октябрь 2024", "заместитель директора"],
    ["Открытые уроки учителей", "ежемесячно", "руководители ШМО"],
]
ROADMAP_PIPE_ROWS = [
    ["№", "Мероприятие", "Срок", "Ответственный", "Участники"],
    ["1", "Педагогический совет по итогам ВПР", "август 2024", "директор", "педагоги"],
    ["2", "Индивидуальные маршруты для обучающихся группы риска", "сентябрь 2024", "классные руководители",
     "обучающиеся"],
    ["3", "Курсы повышения квалификации", "октябрь – ноябрь 2024", "заместитель директора", "учителя"],
    ["4", "Родительское собрание по подготовке к ГИА", "январь 2025", "классные руководители", "родители"],
]  # fmt: skip
PASSPORT_INLINE_ROWS = [
    ["Наименование программы", "Программа перехода школы в эффективный режим работы"],
    ["Основания для разработки", "приказ управления образования от 02.03.2023 № 118"],
    ["Разработчики программы", "рабочая группа школы"],
    ["Цель программы", "повышение качества образования через развитие кадрового потенциала"],
    ["Задачи", "обновить систему методической работы; организовать наставничество; создать условия для "
     "индивидуальной работы с обучающимися."],
    ["Сроки реализации программы", "2023–2026 гг."],
    ["Исполнители", "администрация и педагогический коллектив школы"],
]  # fmt: skip
PASSPORT_BELOW_ROWS = [
    ["Наименование программы", "Программа перехода школы в эффективный режим работы"],
    ["Цель программы", "Повышение качества образования через развитие кадрового потенциала"],
    ["Задачи программы", "Обновить систему методической работы.\nОрганизовать наставничество для молодых учителей."],
    ["Срок реализации программы", "2023–2026 годы"],
    ["Ожидаемые результаты", "Доля выпускников 9 классов, не преодолевших порог ОГЭ, не выше 3 %."],
]
PASSPORT_FIRST_ROWS = [
    ["Наименование программы", "Программа перехода школы в эффективный режим работы"],
    ["Разработчики", "Рабочая группа школы"],
    ["Цель программы", "Повышение качества образования через развитие кадрового потенциала"],
    ["Сроки реализации программы", "2023–2026 годы"],
]
CONTENTS_ENTRIES = [
    "1. Паспорт программы.................................................3",
    "2. Анализ состояния школы..........................................5",
    "3. План мероприятий...............................Ошибка! Закладка не определена.",
]
ESIGN_LINES = [
    "ДОКУМЕНТ ПОДПИСАН", "ЭЛЕКТРОННОЙ ПОДПИСЬЮ", "Сертификат 3a5f00c1b2d4e6f80011aa22",
    "Владелец Кравец Людмила Петровна", "Действителен с 10.01.2024 по 10.04.2025",
]  # fmt: skip
NOTE_CONTENTS = "распознано оглавление: 3 пункта (это план разделов, а не их текст)"
NOTE_PAIRED = "грифы, стоявшие рядом в две колонки, разделены: одна пара"
NOTE_PASSPORT_7 = "паспорт собран в таблицу «показатель — значение»: 7 строк"

# file -> (recovered notes, suspected codes, [(role or "table", text or rows)] of the rebuilt blocks)
EXPECTED: dict[str, tuple[list[str], list[str], list[tuple[str, object]]]] = {
    "roadmap_cells.txt": (
        ["таблица собрана из заголовка и ячеек по одной в строке: 7 строк, 5 столбцов"], [],
        [("table", ROADMAP_CELL_ROWS)],
    ),
    "roadmap_cells.docx": (
        ["таблица собрана из заголовка и ячеек по одной в строке: 7 строк, 5 столбцов"], [],
        [("table", ROADMAP_CELL_ROWS)],
    ),
    "roadmap_cells_unnumbered.txt": (
        ["таблица собрана из заголовка и ячеек по одной в строке: 4 строки, 3 столбца"], [],
        [("table", UNNUMBERED_ROWS)],
    ),
    "roadmap_cells_unnumbered.docx": (
        ["таблица собрана из заголовка и ячеек по одной в строке: 4 строки, 3 столбца"], [],
        [("table", UNNUMBERED_ROWS)],
    ),
    "roadmap_pipes.txt": (["таблица собрана из строк с «|»: 5 строк, 5 столбцов"], [], [("table", ROADMAP_PIPE_ROWS)]),
    "roadmap_pipes.docx": (["таблица собрана из строк с «|»: 5 строк, 5 столбцов"], [], [("table", ROADMAP_PIPE_ROWS)]),
    "roadmap_database.txt": (
        ["таблица собрана из строк с «|» (копия из правовой базы): 4 строки, 4 столбца"], [],
        [("table", [
            ["N п/п", "Мероприятие", "Срок исполнения", "Ответственный исполнитель"],
            ["1.", "Семинар для управленческих команд школ", "март 2024", "Управление образования"],
            ["2.", "Стажировка учителей в школе-наставнике", "апрель 2024", "Методический центр"],
            ["3.", "Муниципальный мониторинг результатов", "май 2024", "Управление образования"],
        ])],
    ),
    "roadmap_database_levels.txt": (
        ["таблица собрана из строк с «|» (копия из правовой базы): 4 строки, 6 столбцов"], [],
        [("table", [
            ["N п/п", "Наименование мероприятия", "Исполнитель", "Срок начала", "Срок окончания",
             "Ожидаемый результат"],
            ["Задача 1. Поддержка школ с низкими результатами обучения"],
            ["1.1.", "Семинары для управленческих команд", "Управление образования", "2024", "2026",
             "не менее 4 семинаров в год"],
            ["1.2.", "Стажировки учителей в школах-наставниках", "Методический центр", "2024", "2025", "60 учителей"],
        ])],
    ),
    "roadmap_box.txt": (
        ["таблица собрана из рамки псевдографики: 4 строки, 4 столбца"], [],
        [("table", [
            ["№", "Мероприятие", "Сроки", "Ответственные"],
            ["1", "Анализ результатов ОГЭ и ВПР по предметам", "сентябрь 2024", "заместитель директора по УВР"],
            ["2", "Открытые уроки учителей", "ноябрь 2024", "руководители ШМО"],
            ["3", "Итоговый педагогический совет", "май 2025", "директор"],
        ])],
    ),
    "roadmap_box_merged.txt": (
        ["таблица собрана из рамки псевдографики: 3 строки, 8 столбцов"], [],
        [("table", [
            ["N п/п", "Наименование мероприятия", "Срок исполнения", "Объем финансирования, тыс. руб. всего",
             "в том числе по годам: 2024 г.", "2025 г.", "...", "Ответственный исполнитель"],
            ["1.", "Семинар", "март 2024", "10", "5", "5", "", "ИРО"],
            ["2.", "Стажировки учителей", "апрель 2024", "20", "10", "10", "", "школа-наставник"],
        ])],
    ),
    "passport_inline.txt": ([NOTE_PASSPORT_7], [], [("table", PASSPORT_INLINE_ROWS)]),
    "passport_inline.docx": ([NOTE_PASSPORT_7], [], [("table", PASSPORT_INLINE_ROWS)]),
    "passport_inline.pdf": (
        ["паспорт, слитый в сплошной текст, собран в таблицу «показатель — значение»: 7 строк"], [],
        [("table", PASSPORT_INLINE_ROWS)],
    ),
    "passport_below.txt": (
        ["паспорт собран в таблицу «показатель — значение»: 5 строк"], [], [("table", PASSPORT_BELOW_ROWS)]
    ),
    "passport_below.docx": (
        ["паспорт собран в таблицу «показатель — значение»: 5 строк"], [], [("table", PASSPORT_BELOW_ROWS)]
    ),
    "passport_labels_first.txt": (
        ["паспорт собран в таблицу «показатель — значение»: 4 строки"], [], [("table", PASSPORT_FIRST_ROWS)]
    ),
    "passport_labels_first.docx": (
        ["паспорт собран в таблицу «показатель — значение»: 4 строки"], [], [("table", PASSPORT_FIRST_ROWS)]
    ),
    "passport_database.txt": (
        ["таблица собрана из строк с «|» (копия из правовой базы): 3 строки, 2 столбца"], [],
        [("table", [
            ["Наименование программы", "Программа перехода МБОУ «Озёрская СОШ № 2» в эффективный режим работы"],
            ["Цель программы", "Повышение качества образования"],
            ["Срок реализации программы", "2023–2026 годы"],
        ])],
    ),
    "passport_web.txt": (
        [NOTE_PAIRED, "паспорт собран в таблицу «показатель — значение»: 4 строки"], [],
        [("approval", "СОГЛАСОВАНА\nЗаведующий отделом образования\nадминистрации Лесного\nмуниципального округа\n"
                      "_______________ Д.А. Волков"),
         ("approval", "УТВЕРЖДЕНА\nДиректор МБОУ «Лесная СОШ № 8»\n__________ К.С. Петрова\n15 сентября 2025 года"),
         ("table", [
             ["Полное наименование ОО",
              "муниципальное бюджетное общеобразовательное учреждение\n«Лесная средняя общеобразовательная школа № 8»"],
             ["Документы, послужившие основанием для разработки Программы развития",
              "1. Федеральный закон «Об образовании в Российской\nФедерации» от 29.12.2012 № 273-ФЗ.\n"
              "2. Приказ отдела образования от 01.09.2025 № 77."],
             ["Цель Программы развития", "Создание условий для повышения качества образования."],
             ["Сроки реализации Программы развития", "2025-2030 годы"],
         ])],
    ),
    "contents.txt": ([NOTE_CONTENTS], [], [("contents", "Содержание")] + [("contents", e) for e in CONTENTS_ENTRIES]),
    "contents.docx": ([NOTE_CONTENTS], [], [("contents", "Содержание")] + [("contents", e) for e in CONTENTS_ENTRIES]),
    # the PDF text layer runs «Содержание» into the title above it: the title is cut off the line again
    "contents.pdf": ([NOTE_CONTENTS], [], [("contents", "Содержание")] + [("contents", e) for e in CONTENTS_ENTRIES]),
    "contents_only.txt": (
        ["распознано оглавление: 3 пункта (это план разделов, а не их текст)"], ["contents_only"],
        [("contents", "Оглавление"),
         ("contents", "Паспорт программы.......................................3"),
         ("contents", "Анализ состояния школы..................................5"),
         ("contents", "План мероприятий........................................9")],
    ),
    "contents_table.txt": (
        ["распознано оглавление: 3 пункта (это план разделов, а не их текст)"], [],
        [("contents", "ОГЛАВЛЕНИЕ"),
         # one block per entry, so a rule reads each entry on its own (issue 11)
         ("contents", "1 Паспорт программы развития 3-4"), ("contents", "2 Информационная справка об ОО 5"),
         ("contents", "3 Проблемно-ориентированный анализ текущего состояния и результатов самодиагностики 6-7")],
    ),
    "approval_paired.txt": ([NOTE_PAIRED], [], [("approval", STAMP_LEFT), ("approval", STAMP_RIGHT)]),
    "approval_interleaved.txt": ([NOTE_PAIRED], [], [("approval", STAMP_LEFT_WRAPPED), ("approval", STAMP_RIGHT)]),
    "approval_interleaved.docx": ([NOTE_PAIRED], [], [("approval", STAMP_LEFT_WRAPPED), ("approval", STAMP_RIGHT)]),
    "approval_table.docx": (
        ["таблица с грифами рядом («СОГЛАСОВАНО» | «УТВЕРЖДАЮ») разделена на отдельные грифы"], [],
        [("approval", STAMP_LEFT), ("approval", STAMP_RIGHT)],
    ),
    "approval_table.pdf": (  # the PDF text layer reads the columns apart (checker/parsers/pdf.py)
        ["таблица с грифами рядом («СОГЛАСОВАНО» | «УТВЕРЖДАЮ») разделена на отдельные грифы"], [],
        [("approval", STAMP_LEFT), ("approval", STAMP_RIGHT)],
    ),
    "stamp_project.txt": (["отметка «ПРОЕКТ» распознана как штамп, а не заголовок"], [], [("stamp", "ПРОЕКТ")]),
    "stamp_project.docx": (["отметка «ПРОЕКТ» распознана как штамп, а не заголовок"], [], [("stamp", "ПРОЕКТ")]),
    "esign.txt": (["распознан штамп электронной подписи"], [], [("esign", "\n".join(ESIGN_LINES))]),
    "esign.docx": (["распознан штамп электронной подписи"], [], [("esign", "\n".join(ESIGN_LINES))]),
    "esign.pdf": (["распознан штамп электронной подписи"], [], [("esign", " ".join(ESIGN_LINES))]),
    "letterspaced.txt": (["слова, набранные вразрядку, собраны: 2 слова"], [], []),
    "letterspaced.docx": (["слова, набранные вразрядку, собраны: 2 слова"], [], []),
    "letterspaced.pdf": (["слова, набранные вразрядку, собраны: 2 слова"], [], []),
    "lookalike.txt": (["латинские буквы в русских словах заменены русскими: 3 слова"], [], []),
    "lookalike.docx": (["латинские буквы в русских словах заменены русскими: 3 слова"], [], []),
    "mojibake.txt": (
        ["исправлена кодировка (UTF-8, прочитанный как Windows-1251): 2 фрагмента",
         "исправлена кодировка (Windows-1251, прочитанный как Latin-1): 3 слова"], [], [],
    ),
    "truncated.txt": ([], ["truncated"], []),
}  # fmt: skip

CLEAN = [
    "clean_pipe_paragraph.txt", "clean_pipe_paragraph.docx", "clean_numbered_list.txt", "clean_numbered_list.docx",
    "clean_poem.txt", "clean_poem.docx",
]  # fmt: skip


def _rebuilt(document: Document) -> list[tuple[str, object]]:
    out: list[tuple[str, object]] = []
    for block in document.blocks:
        if block.kind == "table" and block.table is not None:
            out.append(("table", [row.texts for row in block.table.rows]))
        elif block.role is not None:
            out.append((block.role, block.text))
    return out


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_recovered_exactly(name: str) -> None:
    notes, suspected, blocks = EXPECTED[name]
    document = parse_file(LAYOUT / name)
    assert document.metadata.recovered == notes
    assert document.metadata.suspected == suspected
    assert _rebuilt(document) == blocks


@pytest.mark.parametrize("name", CLEAN)
def test_clean_documents_unchanged(name: str) -> None:
    from checker.parsers import PARSERS

    path = LAYOUT / name
    raw = PARSERS[path.suffix.lstrip(".")](path)
    document = parse_file(path)
    assert document.metadata.recovered == []
    assert document.metadata.suspected == []
    assert [(b.kind, b.role, b.text) for b in document.blocks] == [(b.kind, b.role, b.text) for b in raw.blocks]


def test_words_fixed_in_place() -> None:
    texts = {ext: [b.text for b in parse_file(LAYOUT / f"letterspaced.{ext}").blocks] for ext in ("txt", "docx")}
    assert texts["txt"] == texts["docx"]
    assert texts["txt"][0] == "УТВЕРЖДАЮ"
    assert texts["txt"][4] == "ПРОГРАММА РАЗВИТИЯ"
    lookalike = [b.text for b in parse_file(LAYOUT / "lookalike.txt").blocks]
    assert lookalike == [
        "Программа развития МБОУ СОШ № 4",
        "Цель: повышение качества образования.",
        "Школа подключена к сети Wi-Fi, учителя работают в системе Moodle.",
    ]
    assert [b.text for b in parse_file(LAYOUT / "mojibake.txt").blocks][:3] == [
        "Дорожная карта МБОУ СОШ № 4",
        "Приказ управления образования № 118 от 02.03.2024.",
        "План мероприятий школы на 2024 год.",
    ]


def test_rebuilt_table_has_locations() -> None:
    document = parse_file(LAYOUT / "roadmap_cells.txt")
    table = document.tables[0]
    assert table.location.table == 1 and table.location.block == 2
    row = table.table.rows[2]  # type: ignore[union-attr]
    assert row.location.line == 9 and row.cells[2].location.column == 3  # «1.1» on line 9
    assert row.cells[2].location.table == 1
    section = table.table.rows[1]  # type: ignore[union-attr]
    assert len(section.cells) == 1 and section.cells[0].col_span == 5  # no empty cells to complain about


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Р”РѕСЂРѕР¶РЅР°СЏ РєР°СЂС‚Р°", "Дорожная карта"),
        ("Приказ в„– 5", "Приказ № 5"),
        ("В«РЁРєРѕР»Р°В»", "«Школа»"),
        ("Сёмин и Рё — не мусор", "Сёмин и Рё — не мусор"),
        ("Обычный текст: С–, Р«", "Обычный текст: С–, Р«"),
    ],
)
def test_mojibake_strings(text: str, fixed: str) -> None:
    assert _utf8_fix(text)[0] == fixed


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Пpoгрaммa", "Программа"),
        ("ТOЧКA POCTA", "ТОЧКА POCTA"),  # «POCTA» has no Cyrillic letter: it could be Latin, left alone
        ("ЦЕНТР «ТOЧКА РОСТА»", "ЦЕНТР «ТОЧКА РОСТА»"),
        ("Wi-Fi, Moodle, ФГОС", "Wi-Fi, Moodle, ФГОС"),
        ("Сайт school-4.ru", "Сайт school-4.ru"),
        ("Кoмпьютерный клаcс (Windows)", "Компьютерный класс (Windows)"),
    ],
)
def test_lookalike_strings(text: str, fixed: str) -> None:
    assert map_lookalikes(text, [0]) == fixed


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("У Т В Е Р Ж Д А Ю", "УТВЕРЖДАЮ"),
        ("п о с т а н о в л я ю:", "постановляю:"),
        ("П Р О Г Р А М М А Р А З В И Т И Я", "ПРОГРАММА РАЗВИТИЯ"),
        ("классы А Б В Г", "классы А Б В Г"),  # letters of classes, not a spaced word
        ("И. О. Ф. Ы", "И. О. Ф. Ы"),
    ],
)
def test_letterspacing_strings(text: str, fixed: str) -> None:
    assert close_up(text, [0]) == fixed


def _document(texts: list[str]) -> Document:
    blocks = [Block(kind="paragraph", text=t, location=Location(paragraph=i + 1)) for i, t in enumerate(texts)]
    return Document(path="x.docx", blocks=blocks, metadata=Metadata(format="docx"))


@pytest.mark.parametrize(
    "texts",
    [
        ["Цели и задачи | мероприятия школы описаны ниже.", "Вторая строка текста."],
        ["Содержание работы школы раскрыто в программе.", "Сроки и ответственные указаны в плане."],
        ["Паспорт здоровья школьника выдаётся медсестрой.", "Цель: профилактика заболеваний."],
        ["СОГЛАСОВАНО", "Председатель совета родителей", "________ А.Б. Иванова"],
        ["Документ подписан директором школы.", "Сертификаты участникам вручены."],
        ["Проект «Школа здоровья» стартовал в мае."],
        ["Пресс-релиз", "О семинаре", "Текст о семинаре.", "Проект", "Цель проекта: поддержка школ."],
    ],
)
def test_plain_text_is_not_recovered(texts: list[str]) -> None:
    document = recover(_document(texts))
    assert document.metadata.recovered == []
    assert [b.text for b in document.blocks] == texts
    assert all(b.role is None and b.kind == "paragraph" for b in document.blocks)


def test_existing_tables_untouched() -> None:
    document = parse_file(ROOT / "fixtures" / "program" / "program_clean.docx")
    assert document.metadata.recovered == []
    assert [b.role for b in document.blocks if b.role] == []


def test_inspect_shows_what_was_recovered() -> None:
    document = parse_file(LAYOUT / "approval_table.docx")
    text = render_inspection(document, "text")
    assert "восстановлено: таблица с грифами рядом" in text
    assert "[paragraph, гриф] СОГЛАСОВАНО / Начальник управления образования" in text
    truncated = render_inspection(parse_file(LAYOUT / "truncated.txt"), "text")
    assert "подозрение: текст обрывается на полуслове" in truncated


def test_passes_fast_on_a_long_document() -> None:
    """Linear scans with early exits: on a long document with no flattened layout the passes cost about
    what one clean-and-fold pass over its text costs (measured against it: the machine may be busy)."""
    from checker.language.normalize import clean, fold

    paragraph = "Школа реализует программу повышения качества образования, учителя проходят курсы. "
    texts = [paragraph * 4] * 300 + ["№ п/п", "Мероприятие", "Сроки", "Ответственные"] + ["1", "Семинар", "май 2024"]
    document = _document(texts)
    copies = [document.model_copy(deep=True) for _ in range(7)]
    spent, base = [], []
    for copy in copies:  # interleaved, so a busy moment costs both sides
        start = time.perf_counter()
        recover(copy)
        spent.append(time.perf_counter() - start)
        start = time.perf_counter()
        [fold(clean(b.text)) for b in document.blocks]
        base.append(time.perf_counter() - start)
    assert min(spent) < 6 * min(base)
    assert len(PASSES) == 12


def test_raw_parse_leaves_layout_alone() -> None:
    """`checker inspect --raw`: the Document as the parser built it, the stamps still a table."""
    raw = parse_file(LAYOUT / "approval_table.docx", layout=False)
    assert raw.blocks[0].kind == "table" and raw.metadata.recovered == []
    assert parse_file(LAYOUT / "approval_table.docx").blocks[0].role == "approval"


def test_text_ending_with_a_table_is_not_truncated() -> None:
    document = _document(["План мероприятий школы на 2024 год включает следующие направления работы:"])
    document.blocks.append(parse_file(LAYOUT / "roadmap_pipes.txt").tables[0])
    assert recover(document).metadata.suspected == []
    assert recover(_document(["Школа продолжит работу с родителями и обучающимися, а также"])).metadata.suspected == [
        "truncated"
    ]


@pytest.mark.parametrize(
    "texts",
    [
        ["Директор школы", "ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ", "СВЕДЕНИЯ О СЕРТИФИКАТЕ ЭП",
         "Сертификат 0a1b2c3d4e5f", "Владелец Петров Пётр Петрович", "Действителен: с 01.02.2024 до 01.05.2025",
         "Приложение 1"],
        ["Директор школы ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ СВЕДЕНИЯ О СЕРТИФИКАТЕ ЭП Сертификат 0a1b2c3d4e5f "
         "Владелец Петров Пётр Петрович Действителен: с 01.02.2024 до 01.05.2025 Приложение 1"],
    ],
)
def test_esign_stamp_between_signer_and_appendix(texts: list[str]) -> None:
    document = recover(_document(texts))
    assert [(b.role, b.text.replace("\n", " ")) for b in document.blocks] == [
        (None, "Директор школы"),
        ("esign", "ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ СВЕДЕНИЯ О СЕРТИФИКАТЕ ЭП Сертификат 0a1b2c3d4e5f "
                  "Владелец Петров Пётр Петрович Действителен: с 01.02.2024 до 01.05.2025"),
        (None, "Приложение 1"),
    ]  # fmt: skip


def test_contents_drawn_as_a_table_keeps_its_structure() -> None:
    from checker.layout.lines import table_from_rows

    table = table_from_rows(
        [(None, ["1", "Паспорт программы", "3"]), (None, ["2", "Анализ", "5-7"]), (None, ["3", "План", "8"])], None
    )
    document = _document(["СОДЕРЖАНИЕ", "Текст паспорта программы.", "Анализ", "План"])
    document.blocks.insert(1, table)
    document = recover(document)
    assert [(b.kind, b.role) for b in document.blocks] == [
        ("paragraph", "contents"), ("table", "contents"), ("paragraph", None), ("paragraph", None),
        ("paragraph", None),
    ]  # fmt: skip
    assert document.blocks[1].table.rows[1].texts == ["2", "Анализ", "5-7"]  # type: ignore[union-attr]
    assert document.metadata.recovered == ["распознано оглавление: 3 пункта (это план разделов, а не их текст)"]
    assert document.metadata.suspected == []


def test_rebuilt_text_keeps_the_character_repairs(tmp_path: Path) -> None:
    """A .txt region rebuilt from its source lines carries the repairs made to the blocks before."""
    path = tmp_path / "plan.txt"
    path.write_text(
        "\n".join([
            "С О Г Л А С О В А Н О", "У Т В Е Р Ж Д А Ю", "Начальник управления", "Директор школы",
            "«01» сентября 2024 г.", "«02» сентября 2024 г.", "ДОРОЖНАЯ КАРТА",
            "№ п/п", "Мероприятие", "Сроки", "Ответственные", "1", "Ceминaр для учитeлeй", "май 2024", "директор",
        ]) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    document = parse_file(path)
    assert [b.text for b in document.blocks if b.role == "approval"] == [
        "СОГЛАСОВАНО\nНачальник управления\n«01» сентября 2024 г.",
        "УТВЕРЖДАЮ\nДиректор школы\n«02» сентября 2024 г.",
    ]
    assert document.tables[0].table.rows[1].texts == ["1", "Семинар для учителей", "май 2024", "директор"]  # type: ignore[union-attr]


def test_pdf_viewer_signature_panel() -> None:
    texts = [
        "МУНИЦИПАЛЬНОЕ", "БЮДЖЕТНОЕ", "Подписан: МБОУ СОШ № 4", "DN: C=RU, S=Краснодарский край, T=Директор,",
        "O=МБОУ СОШ № 4,", "CN=Кравец Людмила Петровна", "Дата: 2024.09.02 10:15:00+03'00'",
        "Принята на заседании педагогического совета", "Протокол № 1 от 30.08.2024",
    ]  # fmt: skip
    document = recover(_document(texts))
    assert [(b.role, b.text) for b in document.blocks] == [
        (None, "МУНИЦИПАЛЬНОЕ"), (None, "БЮДЖЕТНОЕ"),
        ("esign", "\n".join(texts[2:7])),
        (None, "Принята на заседании педагогического совета"), (None, "Протокол № 1 от 30.08.2024"),
    ]  # fmt: skip


def test_a_task_column_opens_an_antirisk_table_flattened_one_cell_per_line(tmp_path: Path) -> None:
    """«Задача | Мероприятие | Сроки реализации | Показатели реализации | Ответственные | Участники» (the
    anti-risk programme's table), one cell per line, is rebuilt with six columns."""
    rows = [
        ["Задача", "Мероприятие", "Сроки реализации", "Показатели реализации", "Ответственные", "Участники"],
        ["Выявить обучающихся с низкой мотивацией", "Анкетирование обучающихся 5–9 классов", "сентябрь 2023",
         "доля прошедших анкетирование 100%", "педагог-психолог", "обучающиеся 5–9 классов"],
        ["Организовать поддержку", "Индивидуальные консультации", "октябрь 2023 – май 2024",
         "не менее 30 консультаций", "классные руководители", "обучающиеся, родители"],
    ]  # fmt: skip
    text = "Программа антирисковых мер по рисковому профилю «Низкая учебная мотивация»\n"
    path = tmp_path / "ar.txt"
    path.write_text(text + "\n".join(cell for row in rows for cell in row) + "\n", encoding="utf-8")
    document = parse_file(path)
    (table,) = [b.table for b in document.blocks if b.table is not None]
    assert [r.texts for r in table.rows] == rows
