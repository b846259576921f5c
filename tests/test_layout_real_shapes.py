"""Layouts of real «500+» documents once flattened (issue 11), in documents the project wrote in those shapes
(fixtures/layout_real/, made by `python fixtures/make_layout_real_shapes.py`):

- contents pages whose page numbers stand on their own lines (with or without the title, leaders with the
  number on the next line): an entry is evidence that a section is planned, so a section the body lacks is
  «не удалось проверить — проверьте вручную», not «нет раздела», and a section the body has passes;
- title pages split into columns (interleaved, one after the other, three columns, a lost «УТВЕРЖДЕНА»):
  the approval by the director's order is seen;
- a title page flattened into one long line: its stamps are read;

and the documents that must still fail: no approval at all, only «СОГЛАСОВАНО».
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.approval import approval_forms
from checker.document import Block, Document, Location, Metadata
from checker.engine.pack import load_packs
from checker.language.text import DocumentText
from checker.layout import recover
from checker.layout.approval_inline import split_inline
from checker.parsers import parse_file
from checker.pipeline import CheckOptions, check_document

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "layout_real"

CONTENTS_8 = "распознано оглавление: 8 пунктов (это план разделов, а не их текст)"
PASSPORT = "паспорт собран в таблицу «показатель — значение»: 3 строки"
INLINE_2 = "грифы внутри длинной строки выделены: 2 грифа"
PAIR = "грифы, стоявшие рядом в две колонки, разделены: одна пара"
ONLY_IN_CONTENTS = {("DP-MEASURES-001", "warning", "unverified"), ("DP-RESULTS-001", "warning", "unverified")}
UNAPPROVED = {("DP-APPROVAL-001", "warning", "fail")}
# the «500+» methods heading is information on a general programme: never a finding here
METHODS = ("DP-METHODS-001", "info", "not_applicable")

# file -> (type given by the user or None, approval forms, failing/unverified findings, recovered notes)
CASES: dict[str, tuple[str | None, list[str], set[tuple[str, str, str]], list[str]]] = {
    # «ОГЛАВЛЕНИЕ», page numbers on lines of their own; the body lacks «Ожидаемые результаты» and «Дорожная карта»
    "contents_pages_below.txt": (None, ["order", "protocol"], ONLY_IN_CONTENTS, [CONTENTS_8, PASSPORT]),
    "contents_pages_below.docx": (None, ["order", "protocol"], ONLY_IN_CONTENTS, [CONTENTS_8, PASSPORT]),
    # the PDF runs the title into the line above, the stamps into one line, the number into its entry
    "contents_pages_below.pdf": (None, ["order", "protocol"], ONLY_IN_CONTENTS, [CONTENTS_8, INLINE_2, PASSPORT]),
    # the same contents over a body that has every section: nothing to report
    "contents_pages_below_full.txt": (None, ["order", "protocol"], set(), [CONTENTS_8, PASSPORT]),
    "contents_pages_below_full.docx": (None, ["order", "protocol"], set(), [CONTENTS_8, PASSPORT]),
    # no contents title; section numbers and page ranges on lines of their own
    "contents_untitled.txt": (None, ["order", "protocol"], ONLY_IN_CONTENTS, [CONTENTS_8, PASSPORT]),
    "contents_untitled.docx": (None, ["order", "protocol"], ONLY_IN_CONTENTS, [CONTENTS_8, PASSPORT]),
    # «Содержание», dot leaders on one line and the page number on the next
    "contents_leaders_next_line.txt": (None, ["order", "protocol"], ONLY_IN_CONTENTS, [CONTENTS_8, PASSPORT]),
    "contents_leaders_next_line.docx": (None, ["order", "protocol"], ONLY_IN_CONTENTS, [CONTENTS_8, PASSPORT]),
    "contents_leaders_next_line.pdf": (
        None, ["order", "protocol"], ONLY_IN_CONTENTS, [CONTENTS_8, INLINE_2, PASSPORT],
    ),
    # a table of measures whose middle column is «Содержание»: not a contents page; the body lacks the results
    "measures_table_contents_column.txt": (
        None, ["order", "protocol"], {("DP-RESULTS-001", "warning", "fail")}, [PASSPORT],
    ),
    # «СОГЛАСОВАНО | УТВЕРЖДЕНА приказом директора …» read line by line across the columns
    "stamps_interleaved.txt": (None, ["order", "protocol"], set(), [PAIR, PASSPORT]),
    "stamps_interleaved.docx": (None, ["order", "protocol"], set(), [PAIR, PASSPORT]),
    # the two stamps one after the other
    "stamps_one_after_another.txt": (None, ["order"], set(), [PASSPORT]),
    "stamps_one_after_another.docx": (None, ["order"], set(), [PASSPORT]),
    # the borderless table of stamps, and the PDF made from it
    "stamps_table.docx": (
        None, ["order", "protocol"], set(),
        ["таблица с грифами рядом («СОГЛАСОВАНО» | «УТВЕРЖДЕНА») разделена на отдельные грифы", PASSPORT],
    ),
    "stamps_table.pdf": (
        None, ["order", "protocol"], set(),
        ["таблица с грифами рядом («СОГЛАСОВАНО» | «УТВЕРЖДЕНА приказом директора») разделена на отдельные грифы",
         PASSPORT],
    ),
    # three stamps side by side (detection steps over the council's «протокол № 1», no minutes)
    "stamps_three_columns.txt": (
        None, ["order", "protocol"], set(),
        ["грифы, стоявшие рядом в три колонки, разделены: 1 ряд", PASSPORT],
    ),
    "stamps_three_columns.docx": (
        None, ["order", "protocol"], set(),
        ["грифы, стоявшие рядом в три колонки, разделены: 1 ряд", PASSPORT],
    ),
    # «Согласована» and «Обсуждена» kept their markers, «Утверждена» did not: «приказом директора … от … №» is left
    "stamps_marker_lost.txt": (
        None, ["order", "protocol"], set(),
        ["строка «приказом директора …» среди грифов выделена как гриф утверждения", PASSPORT],
    ),
    # a web copy: the title page on one line, «УТВЕРЖДАЮ Директор … «01» сентября 2025 г.» in the middle of it
    "title_page_one_line.txt": (None, ["signature", "protocol"], set(), [INLINE_2, PASSPORT]),
    "title_page_one_line.docx": (None, ["signature", "protocol"], set(), [INLINE_2, PASSPORT]),
    "title_page_one_line.pdf": (None, ["signature", "protocol"], set(), [INLINE_2, PASSPORT]),
    # no approval at all: the one long line only cites the orders that approved the standards
    "one_line_cites_orders.txt": (None, [], UNAPPROVED, [PASSPORT]),
    # only «СОГЛАСОВАНО»: agreed is not approved
    "stamps_agreed_only.txt": (None, [], UNAPPROVED, [PASSPORT]),
}  # fmt: skip


@pytest.fixture(scope="module")
def packs():  # type: ignore[no-untyped-def]
    return load_packs()


@pytest.mark.parametrize("name", sorted(CASES))
def test_fixture_findings(name: str, packs) -> None:  # type: ignore[no-untyped-def]
    doc_type, forms, findings, notes = CASES[name]
    document = parse_file(FIXTURES / name)
    assert document.metadata.recovered == notes
    report = check_document(document, packs, CheckOptions(doc_type=doc_type))
    assert report.doc_type == "development_program"
    assert report.approval_forms == forms
    found = {(f.rule_id, f.severity, f.outcome) for f in report.findings if f.outcome != "pass"}
    assert found - {METHODS} == findings


def test_every_fixture_has_a_case() -> None:
    made = {p.name for p in FIXTURES.iterdir() if p.suffix in (".txt", ".docx", ".pdf")}
    assert made == set(CASES)


def _contents(document: Document) -> list[str]:
    return [b.text for b in document.blocks if b.role == "contents"]


def test_contents_entries_one_block_each() -> None:
    """The title, then one block per entry: the wrapped tail and the page number go with their entry."""
    document = parse_file(FIXTURES / "contents_pages_below.txt")
    assert _contents(document) == [
        "ОГЛАВЛЕНИЕ",
        "1. Паспорт Программы развития 3",
        "2. Информационная справка 6",
        "3. Проблемно-ориентированный анализ текущего состояния и 8 результатов самодиагностики",
        "4. Цели и задачи развития 10",
        "5. Целевые показатели (индикаторы) 11",
        "6. Сроки и этапы реализации 12",
        "7. Ожидаемые результаты реализации Программы развития 14",
        "8. Дорожная карта реализации Программы развития 16",
    ]
    untitled = parse_file(FIXTURES / "contents_untitled.txt")
    assert _contents(untitled)[0] == "1 Паспорт Программы развития 3-5"
    assert _contents(untitled)[-1] == "8 Дорожная карта реализации Программы развития 16-18"
    assert len(_contents(untitled)) == 8
    leaders = parse_file(FIXTURES / "contents_leaders_next_line.txt")
    assert _contents(leaders)[1] == "1. Паспорт Программы развития .............................................. 3"


def test_a_section_only_in_the_contents_is_checked_by_hand(packs) -> None:  # type: ignore[no-untyped-def]
    report = check_document(parse_file(FIXTURES / "contents_pages_below.txt"), packs, CheckOptions())
    (results,) = [f for f in report.findings if f.rule_id == "DP-RESULTS-001"]
    assert results.message == (
        "Не удалось проверить: раздел «Ожидаемые конечные результаты» есть только в оглавлении («7. Ожидаемые "
        "результаты реализации Программы развития 14»), в тексте он не найден — проверьте вручную."
    )


def _document(texts: list[str]) -> Document:
    blocks = [Block(kind="paragraph", text=t, location=Location(paragraph=i + 1)) for i, t in enumerate(texts)]
    return Document(path="x.docx", blocks=blocks, metadata=Metadata(format="docx"))


@pytest.mark.parametrize(
    "texts",
    [
        # a passport table whose second column is headed «Содержание» (a real programme's first page)
        ["1.", "Наименование", "Паспорт Программы развития", "Содержание", "Полное наименование ОО",
         "Муниципальное бюджетное общеобразовательное учреждение", "Документы, послужившие основанием",
         "1. Федеральный закон «Об образовании в Российской Федерации» от 29.12.2012 № 273-ФЗ."],
        # a table of indicators flattened one cell per line: a name and its value, no contents title
        ["Доля выпускников, получивших аттестат", "92", "Доля учащихся на «4» и «5»", "41",
         "Доля учащихся — призёров олимпиад", "12", "Доля учителей высшей категории", "38",
         "Доля родителей на собраниях", "64"],
        # a table of measures under a «Содержание» column: numbers, measures, terms
        ["№", "Содержание", "Сроки", "1", "Анализ результатов ВПР", "сентябрь 2025", "2", "Открытые уроки",
         "октябрь 2025", "3", "Пробный экзамен", "декабрь 2025"],
    ],
)  # fmt: skip
def test_lines_that_are_not_a_contents_page(texts: list[str]) -> None:
    document = recover(_document(texts))
    assert _contents(document) == []
    assert not any("оглавление" in note for note in document.metadata.recovered)


def test_contents_in_one_long_line() -> None:
    """A web copy: title page, contents title and entries in one line; the stamps come out as well."""
    line = (
        "МБОУ СОШ № 5 пос. Заозёрный ПРИНЯТО: на педагогическом совете, протокол № 1 от «29» августа 2025 г. "
        "УТВЕРЖДАЮ Директор МБОУ СОШ № 5 ____ И.И. Петров «01» сентября 2025 г. Программа развития на 2025–2029 "
        "годы Оглавление ПАСПОРТ ПРОГРАММЫ ........ 3 ВВЕДЕНИЕ ........ 8 РАЗДЕЛ I. АНАЛИЗ ........ 10 "
        "РАЗДЕЛ II. МЕРОПРИЯТИЯ ПО РЕАЛИЗАЦИИ ПРОГРАММЫ ........ 22"
    )
    document = recover(_document([line, "ПАСПОРТ ПРОГРАММЫ", "Текст паспорта."]))
    assert _contents(document) == [
        "Оглавление", "ПАСПОРТ ПРОГРАММЫ ........ 3", "ВВЕДЕНИЕ ........ 8", "РАЗДЕЛ I. АНАЛИЗ ........ 10",
        "РАЗДЕЛ II. МЕРОПРИЯТИЯ ПО РЕАЛИЗАЦИИ ПРОГРАММЫ ........ 22",
    ]  # fmt: skip
    stamps = [b.text for b in document.blocks if b.role == "approval"]
    assert stamps == [
        "ПРИНЯТО: на педагогическом совете, протокол № 1 от «29» августа 2025 г.",
        "УТВЕРЖДАЮ Директор МБОУ СОШ № 5 ____ И.И. Петров «01» сентября 2025 г.",
    ]
    assert approval_forms(DocumentText(document)) == ["signature", "protocol"]


@pytest.mark.parametrize(
    ("line", "pieces"),
    [
        (
            "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 7» "
            "СОГЛАСОВАНО Управляющим советом протокол от 28.08.2025 № 2 УТВЕРЖДЕНА приказом директора МБОУ «СОШ № 7» "
            "от 29.08.2025 № 112 ПРОГРАММА РАЗВИТИЯ на 2025–2029 годы",
            [("Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 7»", False),
             ("СОГЛАСОВАНО Управляющим советом протокол от 28.08.2025 № 2", True),
             ("УТВЕРЖДЕНА приказом директора МБОУ «СОШ № 7» от 29.08.2025 № 112", True),
             ("ПРОГРАММА РАЗВИТИЯ на 2025–2029 годы", False)],
        ),
        (  # quoted markers, blanks for the hand, the council's decision at the very start of the line
            "Принято на педагогическом совете школы Протокол № 3 от «10» сентября 2025 г. «Утверждаю» Директор "
            "МБОУ «СОШ № 10» Н.А. Белова Приказ № ___ от «_____» __________ г. Положение о программе развития школы",
            [("Принято на педагогическом совете школы Протокол № 3 от «10» сентября 2025 г.", True),
             ("«Утверждаю» Директор МБОУ «СОШ № 10» Н.А. Белова Приказ № ___ от «_____» __________ г.", True),
             ("Положение о программе развития школы", False)],
        ),
        (  # blanks filled by hand, the protocol's number after the date
            "СОГЛАСОВАНО Советом школы «_28__»__08_____ 2025_ Протокол _3__________ УТВЕРЖДЕНО приказом директора "
            "школы от «_29_» __08_2025 № _55-О_ ПРОГРАММА РАЗВИТИЯ МУНИЦИПАЛЬНОГО ОБЩЕОБРАЗОВАТЕЛЬНОГО УЧРЕЖДЕНИЯ",
            [("СОГЛАСОВАНО Советом школы «_28__»__08_____ 2025_ Протокол _3__________", True),
             ("УТВЕРЖДЕНО приказом директора школы от «_29_» __08_2025 № _55-О_", True),
             ("ПРОГРАММА РАЗВИТИЯ МУНИЦИПАЛЬНОГО ОБЩЕОБРАЗОВАТЕЛЬНОГО УЧРЕЖДЕНИЯ", False)],
        ),
    ],
)  # fmt: skip
def test_stamps_cut_out_of_a_long_line(line: str, pieces: list[tuple[str, bool]]) -> None:
    assert split_inline(line) == pieces


@pytest.mark.parametrize(
    "line",
    [
        # citations of other acts in running text, lower case, mid-sentence
        "Программа разработана в соответствии с Федеральным законом от 29.12.2012 № 273-ФЗ; стандарты утверждены "
        "приказом Минпросвещения России от 31.05.2021 № 286, порядок принят решением коллегии от 12.03.2024 № 4.",
        # a short stamp line: the approval model reads it as it is
        "УТВЕРЖДАЮ Директор МБОУ СОШ № 5 ____ И.И. Петров «01» сентября 2025 г.",
        # a marker with no date, no next marker and no title within reach: no stamp
        "УТВЕРЖДАЮ " + "директор школы проводит совещания с учителями и родителями каждую неделю " * 6,
    ],
)
def test_no_stamp_to_cut(line: str) -> None:
    assert split_inline(line) is None


def test_three_stamp_columns_interleaved() -> None:
    texts = ["СОГЛАСОВАНО", "ПРИНЯТА", "УТВЕРЖДЕНА", "Председатель совета", "на педагогическом совете",
             "приказом директора", "________ Т.В. Орлова", "протокол № 1", "от 29.08.2025 № 112",
             "«28» августа 2025 г.", "от 28.08.2025", "ПРОГРАММА РАЗВИТИЯ"]  # fmt: skip
    document = recover(_document(texts))
    assert [b.text for b in document.blocks if b.role == "approval"] == [
        "СОГЛАСОВАНО\nПредседатель совета\n________ Т.В. Орлова\n«28» августа 2025 г.",
        "ПРИНЯТА\nна педагогическом совете\nпротокол № 1\nот 28.08.2025",
        "УТВЕРЖДЕНА\nприказом директора\nот 29.08.2025 № 112",
    ]
    assert approval_forms(DocumentText(document)) == ["order", "protocol"]


@pytest.mark.parametrize(
    "texts",
    [
        # «приказом директора» with no stamp above it: a sentence's tail, not an approval
        ["Программа развития школы", "Рабочая группа создана", "приказом директора от 01.09.2025 № 90.",
         "Цель: повышение качества образования."],
        # «СОГЛАСОВАНО» above, but the order line has no number and no date
        ["СОГЛАСОВАНО", "Председатель совета", "________ Т.В. Орлова", "приказом директора", "Программа развития"],
    ],
)  # fmt: skip
def test_an_order_line_alone_is_no_approval(texts: list[str]) -> None:
    document = recover(_document(texts))
    assert approval_forms(DocumentText(document)) == []


def test_web_copy_in_one_line_of_a_text_file(tmp_path: Path) -> None:
    """Title page, stamps, contents and the body's start in one line of a .txt: each piece is read once."""
    line = (
        "МБОУ СОШ № 5 пос. Заозёрный ПРИНЯТО: на педагогическом совете, протокол № 1 от «29» августа 2025 г. "
        "УТВЕРЖДАЮ Директор МБОУ СОШ № 5 ____ И.И. Петров «01» сентября 2025 г. Программа развития на 2025–2029 "
        "годы Оглавление ПАСПОРТ ПРОГРАММЫ ........ 3 ВВЕДЕНИЕ ........ 8 АНАЛИЗ ........ 10 ПАСПОРТ ПРОГРАММЫ "
        "Цель программы: повышение качества образования. Сроки реализации: 2025–2029 годы."
    )
    path = tmp_path / "web.txt"
    path.write_text(line + "\n", encoding="utf-8")
    document = parse_file(path)
    assert _contents(document) == ["Оглавление", "ПАСПОРТ ПРОГРАММЫ ........ 3", "ВВЕДЕНИЕ ........ 8",
                                   "АНАЛИЗ ........ 10"]  # fmt: skip
    assert [b.text for b in document.blocks if b.role == "approval"] == [
        "ПРИНЯТО: на педагогическом совете, протокол № 1 от «29» августа 2025 г.",
        "УТВЕРЖДАЮ Директор МБОУ СОШ № 5 ____ И.И. Петров «01» сентября 2025 г.",
    ]
    text = " ".join(b.text for b in document.blocks if b.table is None)
    assert text.count("Петров") == 1


@pytest.mark.parametrize(
    ("texts", "entries"),
    [
        (  # the page column's header «стр.» under the title
            ["Программа", "Содержание", "стр.", "Введение", "3", "Паспорт программы", "4", "Анализ состояния школы",
             "7", "Введение", "Текст."],
            ["Содержание", "Введение 3", "Паспорт программы 4", "Анализ состояния школы 7"],
        ),
        (  # two titles, then their two page numbers; a section number on its own line
            ["Программа", "СОДЕРЖАНИЕ", "Пояснительная записка", "4", "Паспорт Программы развития школы", "5",
             "4.3. Поэтапное внедрение профессионального стандарта педагога", "в школе",
             "4.4. Гражданско-правовое образование", "24", "25", "4.5.", "Сохранение здоровья", "27",
             "Пояснительная записка", "Текст записки."],
            ["СОДЕРЖАНИЕ", "Пояснительная записка 4", "Паспорт Программы развития школы 5",
             "4.3. Поэтапное внедрение профессионального стандарта педагога в школе",
             "4.4. Гражданско-правовое образование 24 25", "4.5. Сохранение здоровья 27"],
        ),
    ],
)  # fmt: skip
def test_contents_columns_variants(texts: list[str], entries: list[str]) -> None:
    assert _contents(recover(_document(texts))) == entries
