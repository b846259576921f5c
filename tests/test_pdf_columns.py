"""The PDF text layer keeps columns apart: a wide gap between words that recurs at the same place on
neighbouring lines is a column boundary (a tab in the line), so a borderless table is rebuilt row by
row and two approval stamps side by side come out as two stamps, each with its own lines; a justified
paragraph stays one paragraph. PDFs are drawn with reportlab as real ones are laid out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from checker.parsers import parse_file

ROOT = Path(__file__).resolve().parent.parent
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")

LEFT_STAMP = ["СОГЛАСОВАНО", "Начальник управления", "образования", "________ О.Н. Гречко", "«01» сентября 2024 г."]
RIGHT_STAMP = ["УТВЕРЖДАЮ", "Директор МБОУ СОШ № 4", "________ Л.П. Кравец", "«02» сентября 2024 г."]
MEASURES = [
    ["№", "Мероприятие", "Сроки", "Ответственные"],
    ["1", "Педагогический совет по итогам ВПР", "август 2024", "директор"],
    ["2", "Курсы повышения квалификации", "октябрь 2024", "заместитель директора"],
    ["3", "Открытые уроки учителей математики", "ежемесячно", "руководители ШМО"],
    ["4", "Пробные экзамены в 9 классах", "декабрь 2024", "заместитель директора"],
    ["5", "Родительское собрание по ГИА", "январь 2025", "классные руководители"],
]
COLUMNS_X = [72, 100, 330, 430]
JUSTIFIED = (
    "Школа продолжит работу по повышению качества образования: учителя математики и русского языка "
    "пройдут курсы повышения квалификации, методические объединения проведут открытые уроки, а "
    "администрация организует мониторинг образовательных результатов обучающихся по итогам каждой "
    "четверти и представит его результаты на педагогическом совете в конце учебного года."
)


def _canvas(path: Path) -> Any:
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if not FONT.exists():
        pytest.skip("DejaVu fonts are not installed")
    pdfmetrics.registerFont(TTFont("DejaVu", str(FONT)))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(FONT_BOLD)))
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("DejaVu", 11)
    return c


def _stamps(c: Any, y: float) -> float:
    """Two stamps side by side with no border: the right column's lines fall between the left one's
    (the left column has a wrapped line more), as a borderless table's cells are laid out."""
    for k, line in enumerate(LEFT_STAMP):
        c.drawString(72, y - 16 * k, line)
    for k, line in enumerate(RIGHT_STAMP):
        c.drawString(330, y - (0 if k == 0 else 16 + 20 * (k - 1)), line)
    return y - 16 * len(LEFT_STAMP) - 20


def _measures(c: Any, y: float, wrapped: bool = False) -> float:
    """A borderless table: cells at fixed columns, separated by white space only."""
    for r, row in enumerate(MEASURES):
        c.setFont("DejaVu-Bold" if r == 0 else "DejaVu", 10)
        for x, text in zip(COLUMNS_X, row, strict=True):
            if wrapped and r == 3 and x == 100:
                c.drawString(x, y, "Открытые уроки учителей")
                c.drawString(x, y - 12, "математики")
                continue
            c.drawString(x, y, text)
        y -= 30 if wrapped and r == 3 else 18
    c.setFont("DejaVu", 11)
    return y - 10


def _justified(c: Any, y: float) -> float:
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    style = ParagraphStyle("body", fontName="DejaVu", fontSize=11, leading=14, alignment=TA_JUSTIFY)
    para = Paragraph(JUSTIFIED, style)
    _, height = para.wrap(451, 400)
    para.drawOn(c, 72, y - height)
    return y - height - 14


def _roadmap(path: Path, wrapped: bool = False) -> Path:
    c = _canvas(path)
    y = _stamps(c, 790)
    c.setFont("DejaVu-Bold", 13)
    c.drawCentredString(297, y, "ДОРОЖНАЯ КАРТА")
    c.drawCentredString(297, y - 16, "по повышению качества образования в МБОУ СОШ № 4 на 2024 год")
    c.setFont("DejaVu", 11)
    y = _justified(c, y - 40)
    y = _measures(c, y, wrapped)
    c.drawString(72, y - 10, "Ответственный за выполнение плана — заместитель директора по УВР.")
    c.save()
    return path


def _rows(block: Any) -> list[list[str]]:
    return [row.texts for row in block.table.rows]


def test_two_stamps_side_by_side(tmp_path: Path) -> None:
    document = parse_file(_roadmap(tmp_path / "plan.pdf"))
    stamps = [b.text for b in document.blocks if b.role == "approval"]
    assert stamps == [
        "СОГЛАСОВАНО\nНачальник управления образования\n________ О.Н. Гречко\n«01» сентября 2024 г.",
        "УТВЕРЖДАЮ\nДиректор МБОУ СОШ № 4\n________ Л.П. Кравец\n«02» сентября 2024 г.",
    ]
    assert "таблица с грифами рядом («СОГЛАСОВАНО» | «УТВЕРЖДАЮ») разделена на отдельные грифы" in (
        document.metadata.recovered
    )
    assert not any("оставлены в обоих грифах" in note for note in document.metadata.recovered)


def test_raw_pdf_text_keeps_the_column_gaps(tmp_path: Path) -> None:
    raw = parse_file(_roadmap(tmp_path / "plan.pdf"), layout=False)
    assert raw.blocks[0].kind == "table"  # the stamps, each column's lines in order
    assert _rows(raw.blocks[0]) == [[
        "СОГЛАСОВАНО\nНачальник управления образования\n________ О.Н. Гречко\n«01» сентября 2024 г.",
        "УТВЕРЖДАЮ\nДиректор МБОУ СОШ № 4\n________ Л.П. Кравец\n«02» сентября 2024 г.",
    ]]  # fmt: skip
    rows = [b.text for b in raw.blocks if "\t" in b.text]
    assert rows == ["\t".join(row) for row in MEASURES]


def test_borderless_table_rebuilt(tmp_path: Path) -> None:
    document = parse_file(_roadmap(tmp_path / "plan.pdf"))
    tables = [b for b in document.blocks if b.kind == "table"]
    assert len(tables) == 1
    assert _rows(tables[0]) == MEASURES
    assert "таблица собрана из строк, разделённых табуляцией: 6 строк, 4 столбца" in document.metadata.recovered


def test_wrapped_cell_joins_its_row(tmp_path: Path) -> None:
    document = parse_file(_roadmap(tmp_path / "plan.pdf", wrapped=True))
    tables = [b for b in document.blocks if b.kind == "table"]
    assert len(tables) == 1
    assert _rows(tables[0]) == MEASURES


def test_row_with_an_empty_first_cell_keeps_its_columns(tmp_path: Path) -> None:
    c = _canvas(tmp_path / "plan.pdf")
    c.drawString(72, 790, "План мероприятий школы на 2024 год.")
    rows = [list(row) for row in MEASURES]
    rows[2][0] = ""  # a row without its number
    y = 770.0
    for row in rows:
        for x, text in zip(COLUMNS_X, row, strict=True):
            c.drawString(x, y, text)
        y -= 18
    c.save()
    tables = [b for b in parse_file(tmp_path / "plan.pdf").blocks if b.kind == "table"]
    assert len(tables) == 1
    assert _rows(tables[0]) == rows


def test_justified_paragraph_stays_one_paragraph(tmp_path: Path) -> None:
    document = parse_file(_roadmap(tmp_path / "plan.pdf"))
    texts = [b.text for b in document.blocks if b.kind == "paragraph" and b.role is None]
    assert JUSTIFIED in texts
    assert not any("\t" in b.text for b in document.blocks if b.kind != "table")


def test_justified_words_drawn_apart_get_no_tabs(tmp_path: Path) -> None:
    """Each word its own text object, spaces stretched to fill the line (as some writers export
    justified text): wide gaps, but never at the same place on the next line."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    c = _canvas(tmp_path / "words.pdf")
    words = JUSTIFIED.split()
    y, line = 780.0, []
    lines: list[list[str]] = []
    for word in words:
        if stringWidth(" ".join([*line, word]), "DejaVu", 11) > 300:
            lines.append(line)
            line = []
        line.append(word)
    for words_of_line in lines:  # the last, short line is left out: it is not stretched
        widths = [stringWidth(w, "DejaVu", 11) for w in words_of_line]
        gap = (451 - sum(widths)) / max(len(words_of_line) - 1, 1)
        x = 72.0
        for word, width in zip(words_of_line, widths, strict=True):
            c.drawString(x, y, word)
            x += width + gap
        y -= 14
    c.save()
    document = parse_file(tmp_path / "words.pdf", layout=False)
    assert not any("\t" in b.text for b in document.blocks)
    assert len(document.blocks) == 1


def test_project_stamp_top_right(tmp_path: Path) -> None:
    c = _canvas(tmp_path / "project.pdf")
    c.drawRightString(523, 800, "Проект")
    c.drawCentredString(297, 786, "ПРОГРАММА РАЗВИТИЯ")
    c.drawCentredString(297, 772, "МБОУ СОШ № 4 на 2024–2028 годы")
    c.setFont("DejaVu", 11)
    c.drawString(72, 720, "Программа определяет цели и задачи развития школы на пять лет.")
    c.save()
    document = parse_file(tmp_path / "project.pdf")
    assert [(b.role, b.text) for b in document.blocks[:2]] == [
        ("stamp", "Проект"), (None, "ПРОГРАММА РАЗВИТИЯ МБОУ СОШ № 4 на 2024–2028 годы"),
    ]  # fmt: skip
    assert "отметка «ПРОЕКТ» распознана как штамп, а не заголовок" in document.metadata.recovered


def test_check_finds_the_borderless_table(tmp_path: Path) -> None:
    path = _roadmap(tmp_path / "Дорожная карта.pdf")
    result = subprocess.run(
        [sys.executable, "-m", "checker", "check", "--no-cache", "--type", "roadmap", "--format", "json",
         "--fail-on", "never", str(path)],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    findings = {f["rule_id"]: f for f in json.loads(result.stdout)["documents"][0]["findings"]}
    table = findings["RM-TABLE-001"]
    assert table["outcome"] == "pass", table["message"]
    assert "проверено строк: 5" in table["message"]
    assert not any("Не найдена таблица мероприятий" in f["message"] for f in findings.values())
    approval = findings["RM-APPROVAL-001"]
    assert "СОГЛАСОВАНО" not in approval["message"] and "Гречко" not in approval["message"]


def test_project_stamp_beside_the_school_name(tmp_path: Path) -> None:
    c = _canvas(tmp_path / "project.pdf")
    c.drawString(72, 800, "МБОУ СОШ № 4")
    c.drawRightString(523, 800, "ПРОЕКТ")
    c.setFont("DejaVu-Bold", 13)
    c.drawCentredString(297, 770, "ПРОГРАММА РАЗВИТИЯ")
    c.setFont("DejaVu", 11)
    c.drawString(72, 740, "Программа определяет цели и задачи развития школы на пять лет.")
    c.save()
    assert parse_file(tmp_path / "project.pdf", layout=False).blocks[0].text == "МБОУ СОШ № 4\tПРОЕКТ"
    document = parse_file(tmp_path / "project.pdf")
    assert [(b.role, b.text) for b in document.blocks[:3]] == [
        (None, "МБОУ СОШ № 4"), ("stamp", "ПРОЕКТ"), (None, "ПРОГРАММА РАЗВИТИЯ"),
    ]  # fmt: skip
    assert "отметка «ПРОЕКТ» распознана как штамп, а не заголовок" in document.metadata.recovered


def test_project_stamp_centred_above_the_title(tmp_path: Path) -> None:
    c = _canvas(tmp_path / "project.pdf")
    c.setFont("DejaVu-Bold", 13)
    c.drawCentredString(297, 790, "ПРОЕКТ")
    c.drawCentredString(297, 774, "ПРОГРАММА РАЗВИТИЯ")
    c.setFont("DejaVu", 11)
    c.drawString(72, 740, "Программа определяет цели и задачи развития школы на пять лет.")
    c.save()
    document = parse_file(tmp_path / "project.pdf")
    assert [(b.role, b.text) for b in document.blocks[:2]] == [("stamp", "ПРОЕКТ"), (None, "ПРОГРАММА РАЗВИТИЯ")]


def test_pipe_rows_are_not_run_together(tmp_path: Path) -> None:
    """Cells between `|` typed as text: each line a row, not one paragraph of all rows."""
    c = _canvas(tmp_path / "pipes.pdf")
    c.drawString(72, 790, "План мероприятий школы на 2024 год:")
    for k, row in enumerate(MEASURES):
        c.drawString(72, 774 - 14 * k, " | ".join(row))
    c.drawString(72, 774 - 14 * len(MEASURES) - 10, "План утверждён на педагогическом совете.")
    c.save()
    document = parse_file(tmp_path / "pipes.pdf")
    tables = [b for b in document.blocks if b.kind == "table"]
    assert len(tables) == 1
    assert _rows(tables[0]) == MEASURES
    assert "таблица собрана из строк с «|»: 6 строк, 4 столбца" in document.metadata.recovered
    assert [b.text for b in document.blocks if b.kind != "table"] == [
        "План мероприятий школы на 2024 год:", "План утверждён на педагогическом совете.",
    ]  # fmt: skip


def _seg(text: str, x0: float, x1: float, top: float = 100.0) -> Any:
    from checker.parsers.pdf import _Line

    return _Line(1, text, x0, x1, top, top + 12, 10.0, False)


def test_wide_gap_thresholds() -> None:
    from checker.parsers.pdf import _wide_gaps

    # words drawn apart with one stretched space between every two (justified): no column
    assert _wide_gaps([_seg("а", 0, 30), _seg("б", 44, 80), _seg("в", 94, 130), _seg("г", 144, 170)]) == []
    # a gap under 1.2 em is a space, however the line is drawn
    assert _wide_gaps([_seg("Начальник", 0, 50), _seg("управления", 61, 120)]) == []
    # a column gap among word spaces
    assert _wide_gaps([_seg("1", 0, 6), _seg("Семинар", 30, 80), _seg("для", 83, 100), _seg("май", 140, 160)]) == [1, 3]
    # wide, but not 2.5 times the line's own spaces (0.55 em stretched): still words
    assert _wide_gaps([_seg("а", 0, 10), _seg("б", 15.5, 30), _seg("в", 43.5, 60), _seg("г", 65.5, 80)]) == []


def test_a_wide_gap_on_one_line_alone_is_a_space() -> None:
    from checker.parsers.pdf import _confirm_columns, _Part

    lonely = _seg("Школа работает", 72, 400, top=100)
    lonely.cells = [_Part("Школа", 72, 110), _Part("работает", 300, 400)]
    row_a = _seg("1 Семинар", 72, 300, top=200)
    row_a.cells = [_Part("1", 72, 78), _Part("Семинар", 100, 160)]
    row_b = _seg("2 Курсы", 72, 300, top=214)
    row_b.cells = [_Part("2", 72, 78), _Part("Курсы", 100.5, 150)]
    lines = [_seg("Текст", 72, 500, top=150), lonely, row_a, row_b]
    lines.sort(key=lambda ln: ln.top)
    _confirm_columns(lines)
    assert [ln.text for ln in lines] == ["Школа работает", "Текст", "1\tСеминар", "2\tКурсы"]
    assert lonely.cells is None


def test_letterhead_and_addressee_side_by_side(tmp_path: Path) -> None:
    """The sender on the left, the addressee on the right, its words running on from line to line:
    each block read whole, the left one first."""
    c = _canvas(tmp_path / "letter.pdf")
    for k, (left, right) in enumerate([
        ("УПРАВЛЕНИЕ ОБРАЗОВАНИЯ", "Руководителям"), ("АДМИНИСТРАЦИИ РАЙОНА", "общеобразовательных"),
        ("ул. Школьная, д. 5", "организаций района"),
    ]):  # fmt: skip
        c.drawString(72, 790 - 14 * k, left)
        c.drawString(330, 790 - 14 * k, right)
    c.drawString(72, 740, "от 12.03.2024 № 01-12/345")
    c.drawCentredString(297, 710, "Уважаемые коллеги!")
    c.drawString(72, 690, "Управление образования сообщает о проведении семинара для заместителей директоров.")
    c.save()
    texts = [b.text for b in parse_file(tmp_path / "letter.pdf", layout=False).blocks]
    assert texts[:3] == [
        "УПРАВЛЕНИЕ ОБРАЗОВАНИЯ АДМИНИСТРАЦИИ РАЙОНА ул. Школьная, д. 5",
        "Руководителям общеобразовательных организаций района",
        "от 12.03.2024 № 01-12/345",
    ]


def test_a_lone_row_of_columns_reads_as_text(tmp_path: Path) -> None:
    """One row with a column gap and nothing to make a table of: the raw text keeps the tab, the
    recovered document reads it with a space."""
    c = _canvas(tmp_path / "letter.pdf")
    c.drawString(72, 790, "исх. № 01-12/345 от 12.03.2024")
    c.drawString(330, 790, "Руководителям школ")
    c.drawString(72, 776, "Изготовитель документа")
    c.drawString(330, 776, "Ответственный исполнитель")
    c.drawString(72, 740, "Управление образования сообщает о проведении семинара для заместителей директоров.")
    c.save()
    raw = parse_file(tmp_path / "letter.pdf", layout=False)
    assert [b.text for b in raw.blocks[:2]] == [
        "исх. № 01-12/345 от 12.03.2024\tРуководителям школ", "Изготовитель документа\tОтветственный исполнитель",
    ]  # fmt: skip
    document = parse_file(tmp_path / "letter.pdf")
    assert [b.text for b in document.blocks[:2]] == [
        "исх. № 01-12/345 от 12.03.2024 Руководителям школ", "Изготовитель документа Ответственный исполнитель",
    ]  # fmt: skip
    assert not any("\t" in b.text for b in document.blocks)


def test_label_and_value_rows_stay_rows(tmp_path: Path) -> None:
    c = _canvas(tmp_path / "seminar.pdf")
    for k, (label, value) in enumerate([
        ("Дата:", "14.11.2024"), ("Место:", "МБОУ СОШ № 4"), ("Модератор:", "Кравец Л.П."),
    ]):  # fmt: skip
        c.drawString(72, 790 - 16 * k, label)
        c.drawString(200, 790 - 16 * k, value)
    c.save()
    document = parse_file(tmp_path / "seminar.pdf")
    assert _rows(document.blocks[0]) == [
        ["Дата:", "14.11.2024"], ["Место:", "МБОУ СОШ № 4"], ["Модератор:", "Кравец Л.П."],
    ]  # fmt: skip
