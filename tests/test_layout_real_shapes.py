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
    assert made == set(CASES) | set(CUTS)


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


# --- contents lists without page numbers, a title one word to a line, texts cut short ---------------------
# (fixtures/layout_real/, made by `python fixtures/make_layout_real_cuts.py`)

_DP_SECTIONS = ("DP-GOALS-001", "DP-INDICATORS-001", "DP-MEASURABLE-001", "DP-MEASURES-001", "DP-RESPONSIBLE-001",
                "DP-RESULTS-001", "DP-STAGES-001")  # fmt: skip
_BY_HAND = {(r, "warning", "unverified") for r in _DP_SECTIONS}
_MISSING = {(r, "warning", "fail") for r in _DP_SECTIONS}
_CONTENTS_12 = "распознано оглавление: 12 пунктов (это план разделов, а не их текст)"
_CONTENTS_7 = "распознано оглавление: 7 пунктов (это план разделов, а не их текст)"
_FORUM_NOTES = ["отметка «ПРОЕКТ» распознана как штамп, а не заголовок",
                "заголовок, напечатанный по слову в строке, собран в одну строку"]  # fmt: skip
_UNAPPROVED_BY_HAND = {("DP-APPROVAL-001", "warning", "unverified")}
_UNAPPROVED = {("DP-APPROVAL-001", "warning", "fail")}
_CONTENTS_8 = "распознано оглавление: 8 пунктов (это план разделов, а не их текст)"
_SIGN_BY_HAND = ("LT-SIGN-001", "warning", "unverified")
_ORG_MISSING = ("PR-ORG-002", "warning", "fail")
_ORG_BY_HAND = ("PR-ORG-002", "warning", "unverified")
_TARGET = ("PR-TARGET-001", "info", "fail")
_NEWS_NA = {("PR-FUTURE-001", "info", "not_applicable"), ("PR-LEN-001", "info", "not_applicable")}
_NEWS_NO_LEVEL = _NEWS_NA | {("PR-TARGET-001", "info", "not_applicable")}
_CRUMBS_NEWS = "навигационная строка сайта убрана из текста: «Главная » Новости » Семинар учителей истории»"
_CRUMBS_DATE = "навигационная строка сайта убрана из текста: «Главная » 2025 Март 12 » Семинар учителей истории»"

# file -> (type, recovered notes, suspected, failing/unverified findings); no Q-EMPTY-001 anywhere
CUTS: dict[str, tuple[str, list[str], list[str], set[tuple[str, str, str]]]] = {
    # «Содержание:», numbered entries, one wrapped in lower case; the copy stops inside the last entry
    "contents_numbered_cut.txt": ("development_program", [_CONTENTS_12], ["contents_only", "truncated"],
                                  _BY_HAND | _UNAPPROVED_BY_HAND),
    "contents_numbered_cut.docx": ("development_program", [_CONTENTS_12], ["contents_only", "truncated"],
                                   _BY_HAND | _UNAPPROVED_BY_HAND),
    # «Содержание: 1. Паспорт …» on one line; the body begins and stops inside a date («от 12.»)
    "contents_title_same_line.txt": ("development_program", [_CONTENTS_7], ["contents_only", "truncated"],
                                     _BY_HAND - {("DP-RESPONSIBLE-001", "warning", "unverified")}),
    "contents_title_same_line.docx": ("development_program", [_CONTENTS_7], ["contents_only", "truncated"],
                                      _BY_HAND - {("DP-RESPONSIBLE-001", "warning", "unverified")}),
    # «ПРОЕКТ» / «ПРОГРАММЫ» / «II Регионального форума …»: one title, not an empty section «ПРОГРАММЫ»
    "title_one_word_per_line.txt": ("seminar_program", _FORUM_NOTES, [], set()),
    "title_one_word_per_line.docx": ("seminar_program", _FORUM_NOTES, [], set()),
    # a list of sources whose last item lost its full stop and the rest: cut; the same list closed and signed: whole
    "cut_sources_list.txt": ("development_program", [], ["truncated"], _BY_HAND | _UNAPPROVED_BY_HAND),
    "cut_sources_list.docx": ("development_program", [], ["truncated"], _BY_HAND | _UNAPPROVED_BY_HAND),
    "cut_sources_table.docx": ("development_program", [], ["truncated"], _BY_HAND | _UNAPPROVED_BY_HAND),
    "whole_sources_list.txt": ("development_program", [], [], _MISSING | _UNAPPROVED),
    "whole_sources_list.docx": ("development_program", [], [], _MISSING | _UNAPPROVED),
    "whole_sources_table.docx": ("development_program", [], [], _MISSING | _UNAPPROVED),
    # a numbered heading broken off mid-word («2.1. Результа») or on a preposition («6. Концепция об»)
    "cut_numbered_heading.txt": ("development_program", [], ["truncated"], _BY_HAND),
    "cut_numbered_heading.docx": ("development_program", [], ["truncated"], _BY_HAND),
    "cut_preposition.txt": ("development_program", [], ["truncated"], _BY_HAND),
    # a text ending on a date or on «М.П.» is whole: what it lacks is missing
    "end_date.txt": ("development_program", [], [], _MISSING),
    "end_seal.txt": ("development_program", [], [], _MISSING),
    # a lone letter on its own line under «… утвержденная Правительством»: the copy stops there
    "cut_lone_letter.txt": ("development_program", [], ["truncated"], _BY_HAND | _UNAPPROVED_BY_HAND),
    "cut_lone_letter.docx": ("development_program", [], ["truncated"], _BY_HAND | _UNAPPROVED_BY_HAND),
    # a letterhead in capitals over «ПИСЬМО» is no empty section; a quotation never closed is a cut
    "letterhead_quote_cut.txt": ("letter", [], ["truncated"], {_SIGN_BY_HAND}),
    "letterhead_quote_cut.docx": ("letter", [], ["truncated"], {_SIGN_BY_HAND}),
    "letterhead_whole.txt": ("letter", [], [], set()),
    "letterhead_whole.docx": ("letter", [], [], set()),
    # «… kadry@example.ru. Прилож»: a capitalised fragment opening a sentence is a cut
    "letter_fragment_cut.txt": ("letter", [], ["truncated"], {_SIGN_BY_HAND}),
    "letter_fragment_cut.docx": ("letter", [], ["truncated"], {_SIGN_BY_HAND}),
    # a lesson theme closed by a straight quote ends the text whole; an opening quote at the end is a cut
    "news_quote_end.txt": ("press_release", [], [], {_ORG_MISSING} | _NEWS_NO_LEVEL),
    "news_quote_end.docx": ("press_release", [], [], {_ORG_MISSING} | _NEWS_NO_LEVEL),
    "news_quote_cut.txt": ("press_release", [], ["truncated"], {_ORG_BY_HAND} | _NEWS_NO_LEVEL),
    # a site's breadcrumb trail is taken out: the headline repeating its last crumb is no repeat
    "news_breadcrumb_line.txt": ("press_release", [_CRUMBS_NEWS], [], {_TARGET} | _NEWS_NA),
    "news_breadcrumb_line.docx": ("press_release", [_CRUMBS_NEWS], [], {_TARGET} | _NEWS_NA),
    "news_breadcrumb_run_on.txt": ("press_release", [_CRUMBS_DATE], [], {_TARGET} | _NEWS_NA),
    # numbered contents entries closed by full stops: planned sections, not the sections (no pass on them)
    "contents_numbered_dots.txt": ("development_program", [_CONTENTS_8, PASSPORT], ["contents_only", "truncated"],
                                   _BY_HAND | _UNAPPROVED_BY_HAND),
    "contents_numbered_dots.docx": ("development_program", [_CONTENTS_8, PASSPORT], ["contents_only", "truncated"],
                                    _BY_HAND | _UNAPPROVED_BY_HAND),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(CUTS))
def test_cut_and_contents_fixture_findings(name: str, packs) -> None:  # type: ignore[no-untyped-def]
    doc_type, notes, suspected, findings = CUTS[name]
    document = parse_file(FIXTURES / name)
    assert document.metadata.recovered == notes
    assert sorted(document.metadata.suspected) == suspected
    report = check_document(document, packs, CheckOptions())
    assert report.doc_type == doc_type
    found = {(f.rule_id, f.severity, f.outcome) for f in report.findings if f.outcome != "pass"}
    assert found - {METHODS} == findings


def test_numbered_contents_entries_and_their_wrapped_tails() -> None:
    """Each entry one block, a tail in lower case with its entry; the body's first heading is no entry."""
    entries = _contents(parse_file(FIXTURES / "contents_numbered_cut.txt"))
    assert entries[0] == "Содержание:"
    assert "3.3. Механизмы поддержки учителей при переходе на новые образовательные программы." in entries
    assert entries[-1] == "3.5. Здоровье и безопасн"
    body = parse_file(FIXTURES / "contents_title_same_line.txt")
    assert _contents(body)[:2] == ["Содержание:", "1. Паспорт программы развития"]
    headings = [b.text for b in body.blocks if b.kind == "heading" and b.role is None]
    assert "1. Паспорт программы развития" in headings


def _texts_document(texts: list[str]) -> Document:
    path = Path("x.txt")
    blocks = [Block(kind="paragraph", text=t, location=Location(paragraph=i + 1)) for i, t in enumerate(texts)]
    document = Document(path=str(path), blocks=blocks, metadata=Metadata(format="txt"))
    return recover(document)


@pytest.mark.parametrize(
    "texts",
    [
        # short numbered points under «Содержание:» with text after them: the content itself, no sub-sections
        ["Содержание:", "1. Диагностика.", "2. Семинар для учителей", "3. Открытые уроки", "4. Итоги года",
         "Все мероприятия проводятся в течение учебного года по плану методического совета школы, итоги "
         "обсуждаются на педагогическом совете в мае."],
        # a passport's column title «Содержание» over labels and their values in lower case
        ["Наименование", "Содержание", "Полное наименование", "муниципальное бюджетное общеобразовательное "
         "учреждение", "Документы, послужившие", "основанием для разработки", "Программы развития",
         "Федеральный закон «Об образовании в Российской Федерации» от 29.12.2012 № 273-ФЗ с изменениями и "
         "дополнениями, а также приказы министерства просвещения о федеральных стандартах."],
    ],
)  # fmt: skip
def test_lists_under_a_contents_word_that_are_no_contents(texts: list[str]) -> None:
    document = _texts_document(texts)
    assert _contents(document) == []


def _headings(texts: list[tuple[str, str]]) -> Document:
    blocks = [
        Block(kind="heading" if reason else "paragraph", text=text, heading_reason=reason or None, level=1,
              location=Location(paragraph=i + 1))
        for i, (text, reason) in enumerate(texts)
    ]  # fmt: skip
    return Document(path="x.txt", blocks=blocks, metadata=Metadata(format="txt"))


@pytest.mark.parametrize(
    ("texts", "first"),
    [
        ([("ПРОГРАММА", "uppercase"), ("семинара-практикума учителей начальных классов", "isolated"),
          ("Дата: 12 марта 2025 года", "")], "ПРОГРАММА семинара-практикума учителей начальных классов"),
        ([("ПЛАН", "uppercase"), ("МЕРОПРИЯТИЙ", "uppercase"), ("III Районного конкурса молодых педагогов", "numbered"),
          ("Дата: 12 марта 2025 года", "")], "ПЛАН МЕРОПРИЯТИЙ III Районного конкурса молодых педагогов"),
        # not a genitive: a section of its own
        ([("ЦЕЛИ", "uppercase"), ("Повышение качества образования", "isolated"), ("Текст", "")], "ЦЕЛИ"),
        # an abbreviation is no sure case
        ([("ПРОГРАММА", "uppercase"), ("МБОУ «СОШ № 7»", "uppercase"), ("Текст", "")], "ПРОГРАММА"),
        # two words in the first line: the title is whole already
        ([("ПРОГРАММА РАЗВИТИЯ", "uppercase"), ("Муниципального бюджетного учреждения", "isolated"), ("Текст", "")],
         "ПРОГРАММА РАЗВИТИЯ"),
        # below running text: a section heading, not a title
        ([("Программа развития школы", "isolated"), ("x" * 250, ""), ("ЗАДАЧИ", "uppercase"),
          ("Совета школы", "isolated"), ("Текст", "")], "Программа развития школы"),
    ],
)  # fmt: skip
def test_title_one_word_per_line(texts: list[tuple[str, str]], first: str) -> None:
    from checker.layout import headlines
    from checker.layout.lines import Context

    document = headlines.run(_headings(texts), Context())
    assert document.blocks[0].text == first
    joined = len(texts) - len(document.blocks)
    assert ("заголовок, напечатанный по слову в строке, собран в одну строку" in document.metadata.recovered) == (
        joined > 0
    )


def _ends(texts: list[str], table_last: list[str] | None = None) -> list[str]:
    from checker.document import Cell, Row, Table
    from checker.layout import truncation
    from checker.layout.lines import Context

    blocks = [Block(kind="paragraph", text=t, location=Location(paragraph=i + 1)) for i, t in enumerate(texts)]
    if table_last is not None:
        where = Location(paragraph=len(blocks) + 1)
        row = Row(cells=[Cell(text=t, location=where) for t in table_last], location=where)
        blocks.append(Block(kind="table", text=" | ".join(table_last), table=Table(rows=[row]),
                            location=Location(paragraph=len(blocks) + 1)))  # fmt: skip
    document = Document(path="x.txt", blocks=blocks, metadata=Metadata(format="txt"))
    return truncation.run(document, Context()).metadata.suspected


_RUN = "Программа принята педагогическим советом школы и утверждена приказом директора."
_LIST = ["1. Федеральный закон об образовании.", "2. Указ о национальных целях развития;"]


@pytest.mark.parametrize(
    ("texts", "table_last", "cut"),
    [
        ([_RUN, "Основание: протокол от 03."], None, True),  # a date broken off
        ([_RUN, "приказ от 24.12"], None, True),
        ([_RUN, "6. Концепция об"], None, True),  # a preposition
        ([_RUN, "2.1. Результа"], None, True),  # a numbered title cut mid-word
        ([_RUN, *_LIST, "3. Федеральный проект «Успех каждого ребёнка»"], None, True),  # the list's last item
        ([_RUN], ["Нормативная база", " ".join([*_LIST, "3. Федеральный проект «Успех каждого ребёнка»"])], True),
        ([_RUN], ["Нормативная база", "Федеральный закон от 29.12.2012 № 273-ФЗ, протокол от 12."], True),
        # endings of a whole document
        ([_RUN, "Директор школы __________ Е.В. Крылова"], None, False),
        ([_RUN, "Директор школы __________ Е.В. Крылова", "М.П."], None, False),
        ([_RUN, "28.08.2024"], None, False),
        ([_RUN, "Протокол педагогического совета от 28.08.2024 № 1"], None, False),
        ([_RUN, *_LIST, "3. Федеральный проект «Успех каждого ребёнка»."], None, False),
        ([_RUN, *_LIST, "3. Федеральный проект «Успех каждого ребёнка».", "Директор __________ Е.В. Крылова"],
         None, False),
        ([_RUN], ["Нормативная база", " ".join([*_LIST, "3. Федеральный проект «Успех каждого ребёнка»."])], False),
        ([_RUN], ["Ответственный", "Заместитель директора по УВР"], False),  # a table's last row
        ([_RUN, "1. Иванова", "2. Петрова", "3. Кузьмич"], None, False),  # names, no closing marks
        ([_RUN, "Приложение: на 3 л. в 1 экз."], None, False),
        ([_RUN, "2.1. Чупилко"], None, False),  # a surname the dictionary does not know
        # a lone letter on its own line under a line ending on a word; under a closed sentence it is whole
        ([_RUN, "5. Концепция выявления и развития молодых талантов, утвержденная Президентом", "Р"], None, True),
        ([_RUN, "5. Концепция выявления и развития молодых талантов утверждена Президентом.", "А"], None, False),
        ([_RUN, "Исполнитель Крылова", "Т"], None, False),  # a short line: a signature, an annex letter
        # a capitalised fragment opening a sentence; a surname after initials or with a surname's ending is whole
        ([_RUN + " Ответ просим направить до 10.10.2025 на адрес school@example.ru. Прилож"], None, True),
        ([_RUN + " Ответственный за подготовку сведений: Е.В. Чупилко"], None, False),
        ([_RUN + " Ответ направить до 10.10.2025. Согласовано"], None, False),
        # a quotation opened near the end and never closed; a closed one ends whole
        ([_RUN + ' Тестирование помогает выявить обучающихся "группы риск'], None, True),
        ([_RUN + " Тестирование помогает выявить обучающихся «группы риск"], None, True),
        ([_RUN + ' Тестирование помогает выявить обучающихся "группы риска"'], None, False),
        ([_RUN + " Тестирование помогает выявить обучающихся «группы риска»"], None, False),
        # a straight quote at the end: closing after an odd count, opening after an even one
        ([_RUN + ' Учитель дала открытый урок на тему "Реформы Петра I. Новая столица."'], None, False),
        ([_RUN + ' Учитель дала открытый урок на тему "'], None, True),
    ],
)  # fmt: skip
def test_cut_short_or_whole(texts: list[str], table_last: list[str] | None, cut: bool) -> None:
    assert (_ends(texts, table_last) == ["truncated"]) is cut


@pytest.mark.parametrize(
    ("texts", "left", "dropped"),
    [
        # a trail on a line of its own is taken out whole
        (["Главная » Новости » Семинар учителей истории", "Семинар учителей истории", _RUN],
         ["Семинар учителей истории", _RUN], 1),
        (["Главная / Новости / Семинар", "Семинар учителей", _RUN], ["Семинар учителей", _RUN], 1),
        # run into the headline that repeats its last crumb: the trail is cut off
        (["Главная » 2025 Март 12 » Семинар учителей Семинар учителей " + _RUN], ["Семинар учителей " + _RUN], 1),
        # no repeat to tell where the trail ends: the text stays as it is
        (["Главная » Новости » Семинар учителей прошёл в лицее. " + _RUN],
         ["Главная » Новости » Семинар учителей прошёл в лицее. " + _RUN], 0),
        # a word «Главная» opening a sentence is no trail
        (["Главная задача семинара — обмен опытом.", _RUN], ["Главная задача семинара — обмен опытом.", _RUN], 0),
        # a closing guillemet inside a crumb parts no crumbs
        (["Главная » Семинар «Учитель» Семинар «Учитель» " + _RUN], ["Семинар «Учитель» " + _RUN], 1),
    ],
)  # fmt: skip
def test_breadcrumb_trail_taken_out(texts: list[str], left: list[str], dropped: int) -> None:
    from checker.layout import breadcrumbs
    from checker.layout.lines import Context

    blocks = [Block(kind="paragraph", text=t, location=Location(paragraph=i + 1)) for i, t in enumerate(texts)]
    document = breadcrumbs.run(Document(path="x.txt", blocks=blocks, metadata=Metadata(format="txt")), Context())
    assert [b.text for b in document.blocks] == left
    assert len(document.metadata.recovered) == (1 if dropped else 0)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the last crumb and the headline (a trail no layout pass took out): no repeat
        ("Главная » Новости » Совещание руководителей школ Совещание руководителей школ прошло в лицее.", None),
        # a repeat after the trail still counts
        ("Главная » Новости » Совещание прошло в в образования в образования лицее.", "в образования в образования"),
        ("Совещание руководителей Совещание руководителей прошло в лицее.", "Совещание руководителей Совещание "
         "руководителей"),
    ],
)  # fmt: skip
def test_repeat_after_a_breadcrumb(text: str, found: str | None) -> None:
    from checker.engine.context import CheckContext
    from checker.engine.kinds.repetition import RepetitionRule

    rule = RepetitionRule.model_validate({"id": "Q-REPEAT-T", "title": "Повтор", "severity": "warning",
                                          "kind": "repetition", "message": "Повтор: {found}"})  # fmt: skip
    document = Document(path="x.txt", blocks=[Block(kind="paragraph", text=text, location=Location(paragraph=1))],
                        metadata=Metadata(format="txt"))  # fmt: skip
    outcomes = list(rule.check(CheckContext(document=document)))
    failed = [o.params["found"] for o in outcomes if o.passed is False]
    assert failed == ([found] if found else [])
