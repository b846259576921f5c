"""PDF text as drawn, each word once: the shapes that lost words or read them twice in other projects'
test PDFs (kerned pairs drawn as separate runs, words placed by kerning with no space character, a line
drawn twice over itself, fake bold, table rows padded with spaces that run on under the next cells, a
landscape page drawn turned, a frame around a table, Cyrillic behind a ToUnicode map written in UTF-8).
Every PDF is drawn here with reportlab in that shape."""

from __future__ import annotations

import subprocess
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from checker.parsers import parse_file

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _canvas(path: Path, size: tuple[float, float] = (595, 842)) -> Any:
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if not FONT.exists():
        pytest.skip("DejaVu fonts are not installed")
    pdfmetrics.registerFont(TTFont("DejaVu", str(FONT)))
    c = canvas.Canvas(str(path), pagesize=size)
    c.setFont("DejaVu", 11)
    return c


def _width(text: str, size: float = 11) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, "DejaVu", size)


def _runs(c: Any, x: float, y: float, runs: list[list[tuple[str, float]]], size: float = 11) -> None:
    """Text objects one after another; each holds glyphs placed one by one, each after a gap (points)
    from the end of the one before — kerning that makes a word space with no space character. A run's
    first gap is measured from the end of the previous run (negative: the runs overlap)."""
    for run in runs:
        t = c.beginText()
        t.setFont("DejaVu", size)
        first_gap = run[0][1]
        x += first_gap
        t.setTextOrigin(x, y)
        start = x
        for k, (glyphs, gap) in enumerate(run):
            if k:
                x += gap
                t.moveCursor(x - start, 0)
                start = x
            t.textOut(glyphs)
            x += _width(glyphs, size)
        c.drawText(t)


def _texts(path: Path) -> list[str]:
    return [b.text for b in parse_file(path).blocks]


def test_kerned_runs_read_each_glyph_once_with_word_spaces(tmp_path: Path) -> None:
    # «Geometry of Woodwind» as one real PDF draws it: runs cut inside words, word spaces made by
    # kerning alone, and «W» overlapping the «o» after it (PDFium's rectangles read «fWoWood»)
    pdf = tmp_path / "kerned.pdf"
    c = _canvas(pdf)
    _runs(
        c,
        72,
        700,
        [
            [("The", 0.0)],
            [("Geometr", 2.6)],
            [("y", 0.0), ("o", 2.6)],
            [("f", 0.0), ("W", 2.6)],
            [("ood", -1.0)],  # read by rectangles: «WoWoodwind»
            [("wind", 0.0)],
            [("Instruments", 2.6)],
        ],
    )
    c.drawString(72, 680, "Программа развития школы на 2024–2028 годы.")
    c.save()
    text = " ".join(_texts(pdf))
    assert "The Geometry of Woodwind Instruments" in text
    assert "Программа развития школы на 2024–2028 годы." in text


def test_a_line_drawn_twice_over_itself_reads_once(tmp_path: Path) -> None:
    pdf = tmp_path / "twice.pdf"
    c = _canvas(pdf)
    c.drawString(72, 700, "Дорожная карта по повышению качества образования")
    c.drawString(72, 680, "Срок реализации: 2024–2025 учебный год.")
    c.drawString(72, 700, "Дорожная карта по повышению качества образования")  # the same line again
    c.save()
    text = "\n".join(_texts(pdf))
    assert text.count("Дорожная карта") == 1
    assert "Срок реализации: 2024–2025 учебный год." in text


def test_fake_bold_reads_once(tmp_path: Path) -> None:
    pdf = tmp_path / "fakebold.pdf"
    c = _canvas(pdf)
    for dx in (0.0, 0.3):  # the title drawn twice, a hair apart: fake bold
        c.drawString(72 + dx, 700, "ПЛАН МЕРОПРИЯТИЙ")
    c.drawString(72, 680, "на 2024–2025 учебный год")
    c.save()
    text = "\n".join(_texts(pdf))
    assert "ПЛАН МЕРОПРИЯТИЙ" in text
    assert "ППЛЛ" not in text


def _grid(c: Any, xs: list[float], tops: list[float]) -> None:
    for y in tops:
        c.line(xs[0], y, xs[-1], y)
    for x in xs:
        c.line(x, tops[0], x, tops[-1])


def test_table_cells_without_stray_spaces_or_doubled_glyphs(tmp_path: Path) -> None:
    # a row drawn as one string per cell, each padded with spaces that run on under the next cells
    # (pdfminer then puts a space between every two digits: «0 7 / 0 1 / 2 0 1 5»), and a cell in fake bold
    pdf = tmp_path / "cells.pdf"
    c = _canvas(pdf)
    xs = [72, 172, 272, 472]
    tops = [700, 680, 660, 640]
    _grid(c, xs, tops)
    header = ["Дата", "Срок", "Мероприятие"]
    rows = [["06/22/2015", "03/25/2016", "Педагогический совет"], ["06/30/2015", "08/29/2015", "Открытые уроки"]]
    for k, text in enumerate(header):
        for dx in (0.0, 0.25):
            c.drawString(xs[k] + 4 + dx, tops[0] - 14, text)
    for r, row in enumerate(rows, start=1):
        for k, text in enumerate(row):
            c.drawString(xs[k] + 4, tops[r] - 14, text + " " * 30)
    c.save()
    document = parse_file(pdf)
    [table] = document.tables
    assert table.table is not None
    assert [row.texts for row in table.table.rows] == [header, *rows]


def test_landscape_page_drawn_turned_reads_once(tmp_path: Path) -> None:
    # a portrait page with /Rotate 90 whose content is drawn turned, so that it shows upright in landscape
    if subprocess.run(["qpdf", "--version"], capture_output=True).returncode != 0:
        pytest.skip("qpdf is not installed")
    drawn = tmp_path / "drawn.pdf"
    c = _canvas(drawn)
    c.translate(595, 0)
    c.rotate(90)  # landscape coordinates: x along the long side, upright once the page turns by 90°
    c.drawString(72, 500, "Отчёт о реализации программы развития")
    xs = [72, 172, 372]
    tops = [470, 450, 430, 410]
    _grid(c, xs, tops)
    rows = [["№", "Мероприятие"], ["1", "Педагогический совет"], ["2", "Открытые уроки"]]
    for r, row in enumerate(rows):
        for k, text in enumerate(row):
            c.drawString(xs[k] + 4, tops[r] - 14, text)
    c.save()
    pdf = tmp_path / "turned.pdf"
    subprocess.run(["qpdf", "--rotate=+90", str(drawn), str(pdf)], check=True)
    document = parse_file(pdf)
    text = "\n".join(b.text for b in document.blocks)
    assert "Отчёт о реализации программы развития" in text
    assert text.count("Педагогический совет") == 1
    [table] = document.tables
    assert table.table is not None
    assert [row.texts for row in table.table.rows] == rows


def test_a_frame_around_a_table_does_not_read_it_twice(tmp_path: Path) -> None:
    pdf = tmp_path / "framed.pdf"
    c = _canvas(pdf)
    c.rect(60, 560, 440, 180)  # a frame around the heading and the table
    c.drawString(72, 720, "Мероприятия")
    xs = [72, 172, 372]
    tops = [700, 680, 660]
    _grid(c, xs, tops)
    rows = [["1", "Педагогический совет"], ["2", "Открытые уроки"]]
    for r, row in enumerate(rows):
        for k, text in enumerate(row):
            c.drawString(xs[k] + 4, tops[r] - 14, text)
    c.save()
    document = parse_file(pdf)
    text = "\n".join(b.text for b in document.blocks)
    assert text.count("Педагогический совет") == 1
    assert "Мероприятия" in text
    assert [[row.texts for row in t.table.rows] for t in document.tables if t.table] == [rows]


def test_cyrillic_behind_a_utf8_tounicode_map() -> None:
    from checker.parsers.pdf_glyphs import _utf8_cyrillic

    # «Масса» as PDFium reads a ToUnicode map that holds UTF-8 bytes: U+D09C U+D0B0 U+D181 U+D181 U+D0B0
    read = [0xD09C, 0xD0B0, 0xD181, 0xD181, 0xD0B0, 0x20, 0x41, 0x34]
    assert "".join(map(chr, _utf8_cyrillic(read))) == "Масса A4"
    # real Korean text stays as it is
    korean = [ord(ch) for ch in "한국어 텍스트"]
    assert _utf8_cyrillic(korean) == korean


def test_undecodable_table_glyphs_are_left_out_with_a_note() -> None:
    from checker.parsers.pdf import _page_tables

    def glyph(text: str, x: float) -> dict[str, Any]:
        return {"text": text, "x0": x, "x1": x + 6, "top": 5.0, "bottom": 15.0, "size": 10.0, "upright": True}

    row = SimpleNamespace(cells=[(0.0, 0.0, 100.0, 20.0), (100.0, 0.0, 200.0, 20.0)], bbox=(0.0, 0.0, 200.0, 20.0))
    table = SimpleNamespace(bbox=(0.0, 0.0, 200.0, 20.0), rows=[row])
    chars = [glyph("(cid:12)", 5), glyph("(cid:7)", 11), glyph("№", 105), glyph("1", 111)]
    page = SimpleNamespace(chars=chars, find_tables=lambda: [table])
    undecoded = [0]
    [frag] = _page_tables(page, 1, set(), undecoded)
    assert [c.text for c in frag.rows[0]] == ["", "№1"]
    assert undecoded == [2]


def test_a_few_words_a_page_without_pictures_is_not_a_scan(tmp_path: Path) -> None:
    # «Страница 1» alone on each page: a short document with a text layer, read even with OCR off
    from checker.ocr import OcrSettings

    pdf = tmp_path / "short.pdf"
    c = _canvas(pdf)
    for page in (1, 2, 3):
        c.setFont("DejaVu", 11)
        c.drawString(72, 700, f"Приказ № {page}")
        c.showPage()
    c.save()
    document = parse_file(pdf, ocr=OcrSettings(mode="never"))
    assert not document.metadata.scanned
    assert "Приказ № 2" in document.full_text()
