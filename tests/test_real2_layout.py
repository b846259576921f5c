"""Layouts a reviewer met on a second set of real documents (issue 11), in small documents the project
wrote in those shapes (generated here, into a temporary folder):

- a roadmap copied from a legal database, one cell per line ending with « |», a header «N | Направления
  деятельности | Сроки | Ответственные лица» or «N | Мероприятия | Сроки | Ответственные | Результаты» with
  rows numbered «1.», «1.1» (the copy may stop inside a row): the table of measures is rebuilt and checked;
- a «Содержание» list without page numbers (its items come back later as headings, or nothing but a few
  lines follows it, as a site's preview shows it): contents, not empty sections;
- a headline printed in capitals over two lines: one heading, not an empty section;
- a title page letter-spaced by a PDF text layer («У Т В Е Р Ж Д» … «А Ю», «Д и р е к т о р»): closed up,
  the approval is seen;
- a passport flattened as a block of labels then a block of values, some values wrapped: rebuilt, so the
  period in the title is compared with the passport's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.engine.pack import load_packs
from checker.parsers import parse_file
from checker.pipeline import CheckOptions, check_document


@pytest.fixture(scope="module")
def packs():  # type: ignore[no-untyped-def]
    return load_packs()


def _write(tmp_path: Path, name: str, lines: list[str]) -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _findings(path: Path, packs, doc_type: str, rule: str) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    report = check_document(parse_file(path), packs, CheckOptions(doc_type=doc_type))
    return {(f.severity, f.outcome) for f in report.findings if f.rule_id == rule}


# --- 1. a legal database's roadmap: one cell per line, each ending with « |» ---------------------------

_ORDER = [
    "Приложение N 4",
    "к приказу управления образования",
    "администрации Заречного района",
    "от 14 октября 2024 г. N 311",
    "План мероприятий (\"дорожная карта\") по повышению качества образования в школах Заречного района "
    "на 2024/2025 учебный год",
]
_DIRECTIONS_HEAD = ["N |", "Направления деятельности |", "Сроки |", "Ответственные лица |"]
_DIRECTIONS_ROWS = [
    "I. Анализ результатов оценочных процедур 2024 года | |||",
    "1. |",
    "Анализ результатов всероссийских проверочных работ в 5-8 классах |",
    "сентябрь - октябрь 2024 |",
    "О.П. Климова С.В. Дёмина |",
    "2. |",
    "Совещание с руководителями школ по итогам анализа |",
    "ноябрь 2024 |",
    "начальник управления образования |",
]
_MEASURES_HEAD = ["N |", "Мероприятия |", "Сроки |", "Ответственные |", "Результаты |"]
_MEASURES_ROW = [
    "I. Повышение квалификации учителей | ||||",
    "1.1 |",
    "Курсы для учителей математики школ с низкими результатами |",
    "ноябрь |",
    "Управление образования администрации Заречного района |",
    "Удостоверения о повышении квалификации",  # the copy stops inside the row's last cell
]
_DIRECTIONS_NOTE = "таблица собрана из строк с «|» (копия из правовой базы): 4 строки, 4 столбца"
_MEASURES_NOTE = "таблица собрана из строк с «|» (копия из правовой базы): 3 строки, 5 столбцов"


@pytest.mark.parametrize(
    ("lines", "note", "found"),
    [
        (_ORDER + _DIRECTIONS_HEAD + _DIRECTIONS_ROWS, _DIRECTIONS_NOTE, {("error", "pass")}),
        (_ORDER + _MEASURES_HEAD + _MEASURES_ROW, _MEASURES_NOTE, {("error", "pass")}),
        # a row whose «Сроки» cell names no date: the rebuilt table shows it
        (
            _ORDER + _DIRECTIONS_HEAD + [t if t != "ноябрь 2024 |" else "по согласованию |" for t in _DIRECTIONS_ROWS]
            + ["3. |", "Семинар для заместителей директоров по УВР |", "декабрь 2024 |", "методист |"],
            _DIRECTIONS_NOTE.replace("4 строки", "5 строк"),
            {("error", "fail")},
        ),
    ],
)  # fmt: skip
def test_legal_database_roadmap(tmp_path: Path, packs, lines, note, found) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path, "roadmap.txt", lines)
    document = parse_file(path)
    tables = [b for b in document.blocks if b.kind == "table"]
    assert document.metadata.recovered == [note]
    assert len(tables) == 1
    assert _findings(path, packs, "roadmap", "RM-TABLE-001") == found


def test_legal_database_roadmap_rows(tmp_path: Path) -> None:
    document = parse_file(_write(tmp_path, "r.txt", _ORDER + _MEASURES_HEAD + _MEASURES_ROW))
    (table,) = [b.table for b in document.blocks if b.table is not None]
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["N", "Мероприятия", "Сроки", "Ответственные", "Результаты"],
        ["I. Повышение квалификации учителей"],
        ["1.1", "Курсы для учителей математики школ с низкими результатами", "ноябрь",
         "Управление образования администрации Заречного района", "Удостоверения о повышении квалификации"],
    ]  # fmt: skip


def test_legal_database_header_without_number_needs_two_rows(tmp_path: Path) -> None:
    """Without a «№» column one row is not evidence enough of a table: it is left as text."""
    head = [t for t in _MEASURES_HEAD if t != "N |"]
    row = [t for t in _MEASURES_ROW if t != "1.1 |"]
    document = parse_file(_write(tmp_path, "r.txt", _ORDER + head + row))
    assert [b for b in document.blocks if b.kind == "table"] == []


# --- 2. contents without page numbers; a headline in capitals over two lines ----------------------------

_TITLE = ["Программа развития МБОУ «Озёрская СОШ» на 2025-2029 годы", ""]
_CONTENTS = [
    "Содержание",
    "",
    "1. Паспорт программы",
    "2. Анализ состояния школы",
    "2.1. Кадровый состав",
    "2.2. Особенности школьного уклада",
    "3. Цель и задачи программы",
    "",
]
_BODY = [
    "1. Паспорт программы",
    "",
    "Наименование: программа развития школы. Сроки реализации: 2025-2029 годы.",
    "",
    "2. Анализ состояния школы",
    "",
    "В школе обучаются 412 человек, работают 38 учителей; результаты ОГЭ по математике ниже средних по "
    "району, это главный вызов для школы.",
    "",
    "3. Цель и задачи программы",
    "",
    "Цель программы: повышение качества образования через развитие кадрового потенциала школы.",
]
_CONTENTS_NOTE = "распознано оглавление: 5 пунктов (это план разделов, а не их текст)"
_PREVIEW = [
    "Содержание",
    "",
    "Исполнители программы",
    "Цель программы",
    "2.2. Особенности школьного уклада",
    "2. Ролевая культура",
    "3. Культура достижений",
    "3.1.Ценности школы.",
    "...",
    "Полный текст",
    "",
    "УТВЕРЖДЕНО",
    "на педсовете, директор МБОУ «Озёрская СОШ»",
    "29.08.2024 г. __________ И.В. Лосева",
]


@pytest.mark.parametrize(
    ("lines", "notes", "found"),
    [
        # the items come back as headings (the sub-items do not): contents, the body's sections have text
        (_TITLE + _CONTENTS + _BODY, [_CONTENTS_NOTE], {("warning", "pass")}),
        # a site's preview: the contents list and the title page's stamp, nothing else
        (_TITLE + _PREVIEW, ["распознано оглавление: 7 пунктов (это план разделов, а не их текст)"],
         {("warning", "pass")}),
        # a section of the body with no text is still reported
        (_TITLE + _CONTENTS + _BODY[:6] + _BODY[8:], [_CONTENTS_NOTE], {("warning", "fail")}),
    ],
)  # fmt: skip
def test_contents_without_page_numbers(tmp_path: Path, packs, lines, notes, found) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path, "program.txt", lines)
    document = parse_file(path)
    assert [n for n in document.metadata.recovered if "оглавлени" in n] == notes
    assert _findings(path, packs, "development_program", "Q-EMPTY-001") == found


def test_contents_preview_cut_at_an_ellipsis(tmp_path: Path) -> None:
    """A site's preview breaks the list off at «...»: the text is cut short, so what it lacks is checked by hand."""
    document = parse_file(_write(tmp_path, "program.txt", _TITLE + _PREVIEW))
    assert "truncated" in document.metadata.suspected
    whole = parse_file(_write(tmp_path, "whole.txt", _TITLE + _CONTENTS + _BODY))
    assert "truncated" not in whole.metadata.suspected


def test_contents_heading_over_a_section_is_no_contents_list(tmp_path: Path) -> None:
    """«Содержание» as the title of a section with running text under it: nothing is taken for contents."""
    lines = [
        *_TITLE,
        "Содержание",
        "",
        "Программа определяет стратегию развития школы на пять лет и включает мероприятия по кадрам.",
        "Её выполнение обсуждается на педагогическом совете каждое полугодие, итоги публикуются на сайте.",
        "Ответственный за выполнение программы: заместитель директора по УВР Н.С. Крылова.",
        *_BODY,
    ]
    document = parse_file(_write(tmp_path, "program.txt", lines))
    assert [b.text for b in document.blocks if b.role == "contents"] == []


_PRESS = [
    "Августовская конференция педагогов",
    "",
    "Новость опубликована 28.08.2025 в разделе «Новости» на сайте управления образования района.",
    "",
    "ДОСТУПНОЕ ОБРАЗОВАНИЕ",
    "КАК ОСНОВА РАЗВИТИЯ РАЙОНА",
    "",
    "27 августа 2025 года в районном Доме культуры прошла августовская конференция педагогов "
    "Заречного района. В ней приняли участие 240 учителей и руководителей школ.",
    "",
    "Участники обсудили итоги года и планы по повышению качества образования в школах района.",
]


@pytest.mark.parametrize(
    ("lines", "heading", "found"),
    [
        (_PRESS, "ДОСТУПНОЕ ОБРАЗОВАНИЕ КАК ОСНОВА РАЗВИТИЯ РАЙОНА", {("warning", "pass")}),
        # the first line ends on a preposition: it goes on into the second
        ([t.replace("КАК ОСНОВА", "ОСНОВА") .replace("ДОСТУПНОЕ ОБРАЗОВАНИЕ", "ДОСТУПНОЕ ОБРАЗОВАНИЕ ДЛЯ ДЕТЕЙ —")
          for t in _PRESS], "ДОСТУПНОЕ ОБРАЗОВАНИЕ ДЛЯ ДЕТЕЙ — ОСНОВА РАЗВИТИЯ РАЙОНА", {("warning", "pass")}),
        # two headings of their own: the first has no text under it
        ([t.replace("КАК ОСНОВА РАЗВИТИЯ РАЙОНА", "ИТОГИ ГОДА") for t in _PRESS], None, {("warning", "fail")}),
    ],
)  # fmt: skip
def test_headline_in_capitals_over_two_lines(tmp_path: Path, packs, lines, heading, found) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path, "release.txt", lines)
    document = parse_file(path)
    headings = [b.text for b in document.blocks if b.kind == "heading" and b.text.isupper()]
    if heading is None:
        assert headings == ["ДОСТУПНОЕ ОБРАЗОВАНИЕ", "ИТОГИ ГОДА"]
        assert document.metadata.recovered == []
    else:
        assert headings == [heading]
        assert document.metadata.recovered == ["заголовки прописными буквами в две строки собраны в один: 1 заголовок"]
    assert _findings(path, packs, "press_release", "Q-EMPTY-001") == found


# --- 3. a letter-spaced title page ----------------------------------------------------------------------

_SPACED_TITLE = [
    "Программа развития школы 2024 - 2028",
    "",
    "У Т В Е Р Ж Д",
    "Д и р е к т о р",
    "",
    "С О Г Л А С О В А Н О",
    "",
    "А Ю",
    "К у з н е ц о в а",
    "",
]
_PROGRAM_BODY = [
    "1. Паспорт программы",
    "",
    "Цель программы: повышение качества образования через развитие кадрового потенциала школы.",
    "",
    "2. Анализ состояния школы",
    "",
    "В школе обучаются 412 человек, работают 38 учителей; результаты ОГЭ по математике ниже средних.",
]


def _spaced(word: str) -> str:
    return " ".join(word)


@pytest.mark.parametrize(
    ("lines", "texts", "approved"),
    [
        (_SPACED_TITLE + _PROGRAM_BODY, ["УТВЕРЖДАЮ", "Директор", "СОГЛАСОВАНО", "Кузнецова"], True),
        # the word whole on its line
        ([t.replace("У Т В Е Р Ж Д", "У Т В Е Р Ж Д А Ю") for t in _SPACED_TITLE if t != "А Ю"] + _PROGRAM_BODY,
         ["УТВЕРЖДАЮ", "Директор", "СОГЛАСОВАНО", "Кузнецова"], True),
        # only «СОГЛАСОВАНО»: no approval, and the rule says so
        ([t for t in _SPACED_TITLE if t not in ("У Т В Е Р Ж Д", "А Ю")] + _PROGRAM_BODY,
         ["Директор", "СОГЛАСОВАНО", "Кузнецова"], False),
    ],
)  # fmt: skip
def test_letter_spaced_title_page(tmp_path: Path, packs, lines, texts, approved) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path, "program.txt", lines)
    document = parse_file(path)
    head = [ln for b in document.blocks[1:8] for ln in b.text.split("\n") if not ln[:1].isdigit()]
    assert head[: len(texts)] == texts
    report = check_document(document, packs, CheckOptions(doc_type="development_program"))
    messages = [f.message for f in report.findings if f.rule_id == "DP-APPROVAL-001" and f.outcome != "pass"]
    if approved:
        # the grif is seen; the surname stands in the other column without initials: that much is missing
        assert report.approval_forms == ["signature"]
        assert messages == ["В блоке «УТВЕРЖДАЮ» не хватает: фамилия с инициалами (И.И. Иванов)."]
    else:
        assert report.approval_forms == []
        assert len(messages) == 1 and "нет ни грифа «УТВЕРЖДАЮ»" in messages[0]


@pytest.mark.parametrize(
    ("text", "closed"),
    [
        ("Д и р е к т о р", "Директор"),
        ("К у з н е ц о в а", "Кузнецова"),  # a surname the dictionary may not know: the whole line
        ("У Т В Е Р Ж Д", "УТВЕРЖД"),
        ("Д и р е к т о р и м . А.С. Пушкина", "Директор им . А.С. Пушкина"),  # the longest first word
        ("в с е г о о д и н", "всего один"),
        ("К о т", "К о т"),  # three letters: not a spaced run
    ],
)
def test_letter_spacing_shapes(text: str, closed: str) -> None:
    from checker.layout.letterspacing import _fix

    assert _fix(text, [0]) == closed


# --- 4. a passport: labels first, then values ----------------------------------------------------------

def _programme(title_period: str, passport_period: str, goal_tail: str = "работы школы.") -> list[str]:
    return [
        f"Программа повышения качества образования в МБОУ СОШ № 7 на {title_period} годы",
        "",
        "1. Паспорт программы",
        "Наименование",
        "программы",
        "Срок реализации",
        "программы",
        "Разработчики",
        "программы",
        "Цель",
        "",
        "Программа повышения качества образования в муниципальном",
        "бюджетном",
        "общеобразовательном учреждении",
        "средней общеобразовательной школе № 7 города Заречного.",
        f"{passport_period} гг.",
        "Администрация и методический совет МБОУ СОШ № 7",
        "",
        "Создание условий для перехода школы в эффективный режим",
        goal_tail,
    ]


_PASSPORT_NOTE = "паспорт собран в таблицу «показатель — значение»: 4 строки"


@pytest.mark.parametrize(
    ("lines", "notes", "found"),
    [
        (_programme("2025-2027", "2025-2027"), [_PASSPORT_NOTE], {("error", "pass")}),
        # the title and the passport disagree: that is the finding, not a passport without a period
        (_programme("2025-2027", "2025-2028"), [_PASSPORT_NOTE], {("error", "fail")}),
    ],
)  # fmt: skip
def test_passport_labels_then_values(tmp_path: Path, packs, lines, notes, found) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path, "program.txt", lines)
    document = parse_file(path)
    assert [n for n in document.metadata.recovered if "паспорт" in n] == notes
    (table,) = [b.table for b in document.blocks if b.table is not None]
    assert [[c.text for c in r.cells] for r in table.rows][1:3] == [
        ["Срок реализации программы", lines[15]],
        ["Разработчики программы", "Администрация и методический совет МБОУ СОШ № 7"],
    ]
    report = check_document(document, packs, CheckOptions(doc_type="program"))
    period = [f for f in report.findings if f.rule_id == "PG-PERIOD-001"]
    assert {(f.severity, f.outcome) for f in period} == found
    if ("error", "fail") in found:
        assert [f.message for f in period] == [
            "Сроки не совпадают: в названии 2025-2027 годы, в паспорте 2025-2028 гг.; исправьте, чтобы они совпадали."
        ]
    # the passport is no table of measures: its «Срок реализации» is not read as a «Сроки» column
    assert not any("нет столбца" in f.message for f in report.findings if f.rule_id == "PG-TABLE-001")


def test_passport_values_that_cannot_be_paired(tmp_path: Path) -> None:
    """A value wrapped onto a line that starts with a capital: five value lines for four labels; left as text."""
    lines = _programme("2025-2027", "2025-2027", "Работы школы.")
    document = parse_file(_write(tmp_path, "program.txt", lines))
    assert [n for n in document.metadata.recovered if "паспорт" in n] == []


def test_table_last_cell_cut_mid_word(tmp_path: Path) -> None:
    """The passport's last value stops mid-word («работы пу»): the copy is cut short."""
    document = parse_file(_write(tmp_path, "program.txt", _programme("2025-2027", "2025-2027", "работы пу")))
    assert document.metadata.suspected == ["truncated"]
    whole = parse_file(_write(tmp_path, "whole.txt", _programme("2025-2027", "2025-2027")))
    assert whole.metadata.suspected == []


# --- a title page: letterhead, stamps, then the letter-spaced genre title and its lines ----------------------

_TITLE_PAGE = [
    "МУНИЦИПАЛЬНОЕ АВТОНОМНОЕ ОБЩЕОБРАЗОВАТЕЛЬНОЕ УЧРЕЖДЕНИЕ",
    "ЛУГОВАЯ СРЕДНЯЯ ШКОЛА",
    "ПРИНЯТО",
    "на заседании педагогического совета",
    "Протокол от 28 августа 2025 г. № 1",
    "УТВЕРЖДЕНО",
    "приказом от 29 августа 2025 г. № 112",
    "П Р О Г Р А М М А  РАЗВИ ТИ Я",
    "МУНИЦИПАЛЬНОГО АВТОНОМНОГО",
    "ОБЩЕОБРАЗОВАТЕЛЬНОГО УЧРЕЖДЕНИЯ",
    "НА 2025-2029 ГОДЫ",
    "1. Паспорт программы развития",
    "Программа развития Луговой средней школы определяет цели и задачи на пять лет.",
    "2. Цели и задачи",
    "3. Ожидаемые результаты",
    "Рост доли выпускников, получивших аттестат, до 98 %.",
]


def test_genre_title_under_stamps_is_the_title_not_an_empty_section(tmp_path: Path, packs) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path, "programme.txt", _TITLE_PAGE)
    # the title run is not a section; «2. Цели и задачи» with nothing under it still is an empty one
    assert _findings(path, packs, "development_program", "Q-EMPTY-001") == {("warning", "fail")}
    report = check_document(parse_file(path), packs, CheckOptions(doc_type="development_program"))
    (empty,) = [f for f in report.findings if f.rule_id == "Q-EMPTY-001"]
    assert "Цели и задачи" in empty.message
