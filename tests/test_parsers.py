"""The input layer: sniffing, guards, discovery and the docx / pdf / txt / md parsers.

Every test builds its input in tmp_path, so the expected text is known exactly."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from conftest import SEEDS, needs_seeds
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.document import Document
from checker.errors import UnreadableError
from checker.parsers import parse_file
from checker.parsers.headings import heading_level, heading_reason
from checker.parsers.text import decode_text, join_wrapped, parse_text
from checker.sources import MAX_FILE_BYTES, discover, sniff, zip_precheck

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _texts(doc: Document, kind: str | None = None) -> list[str]:
    return [b.text for b in doc.blocks if kind is None or b.kind == kind]


# --- headings ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kwargs", "reason"),
    [
        ("Цель и задачи", {"style": "Heading 2"}, "style"),
        ("Цель и задачи", {"style": "Заголовок 1"}, "style"),
        ("Дорожная карта", {"style": "Title"}, "style"),
        ("Цель и задачи", {"bold": True}, "bold"),
        ("Контактная информация", {"centred": True}, "centred"),
        ("2. Цель и задачи", {}, "numbered"),
        ("2.1. Задачи программы:", {}, "numbered"),
        ("II. Ожидаемые результаты", {}, "numbered"),
        ("Раздел 3 Мониторинг", {}, "numbered"),
        ("ОЖИДАЕМЫЕ РЕЗУЛЬТАТЫ", {}, "uppercase"),
        ("Анализ эффективности", {"all_lines": True}, "isolated"),
        ("Анализ эффективности", {}, None),
        ("1. разработать мониторинг", {}, None),
        ("ГБОУ ИРО", {}, None),
        ("Задачи программы:", {"bold": True}, None),
        ("Первое, второе,", {"bold": True}, None),
        ("Длинный жирный абзац " * 10, {"bold": True}, None),
        ("11 сентября 2018 г.", {"all_lines": True}, None),
    ],
)
def test_heading_reason(text: str, kwargs: dict[str, object], reason: str | None) -> None:
    assert heading_reason(text, **kwargs) == reason  # type: ignore[arg-type]


def test_heading_level() -> None:
    assert heading_level("Цель", "Heading 3") == 3
    assert heading_level("2.1.3. Задачи") == 3
    assert heading_level("II. Итоги") == 1
    assert heading_level("ИТОГИ РАБОТЫ") == 1
    assert heading_level("Итоги работы", reason="bold") == 2


# --- sniffing and guards -----------------------------------------------------------------------------


def test_sniff_jpeg_renamed_pdf(tmp_path: Path) -> None:
    path = _write(tmp_path / "scan.pdf", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 100)
    with pytest.raises(UnreadableError) as err:
        sniff(path)
    assert err.value.code == "unsupported"
    assert "изображение JPEG" in err.value.message_ru
    assert "расширение .pdf не соответствует содержимому" in err.value.message_ru
    assert "JPEG" in err.value.message_en


def test_sniff_png_renamed_docx(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.docx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50)
    with pytest.raises(UnreadableError) as err:
        parse_file(path)
    assert err.value.code == "unsupported"
    assert "PNG" in err.value.message_ru and ".docx" in err.value.message_ru


def test_sniff_xlsx_renamed_docx(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    wb.active["A1"] = "Срок"
    path = tmp_path / "plan.docx"
    wb.save(path)
    with pytest.raises(UnreadableError) as err:
        sniff(path)
    assert err.value.code == "unsupported"
    assert "таблица Excel (.xlsx), а не текстовый документ" in err.value.message_ru


def test_sniff_plain_zip(tmp_path: Path) -> None:
    path = tmp_path / "docs.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "hello")
    with pytest.raises(UnreadableError) as err:
        sniff(path)
    assert "ZIP-архив" in err.value.message_ru


def test_sniff_empty_missing_directory(tmp_path: Path) -> None:
    empty = _write(tmp_path / "empty.docx", b"")
    with pytest.raises(UnreadableError) as err:
        sniff(empty)
    assert err.value.code == "empty" and err.value.message_ru == "Файл пустой (0 байт)"
    with pytest.raises(UnreadableError) as err:
        sniff(tmp_path / "nope.pdf")
    assert err.value.code == "not_found" and "Файл не найден" in err.value.message_ru
    with pytest.raises(UnreadableError) as err:
        parse_file(tmp_path / "nope.pdf")
    assert err.value.code == "not_found"
    with pytest.raises(UnreadableError) as err:
        sniff(tmp_path)
    assert err.value.code == "unsupported" and "папка" in err.value.message_ru


def test_sniff_formats(tmp_path: Path) -> None:
    assert sniff(_write(tmp_path / "a.bin", b"%PDF-1.4\n%...")) == "pdf"
    assert (
        sniff(
            _write(
                tmp_path / "a.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le")
            )
        )
        == "doc"
    )
    assert sniff(_write(tmp_path / "a.txt", b"{\\rtf1\\ansi hello}")) == "rtf"
    assert sniff(_write(tmp_path / "a.md", "# Заголовок\n".encode())) == "md"
    assert sniff(_write(tmp_path / "a.dat", "Просто текст".encode("cp1251"))) == "txt"
    odt = tmp_path / "a.docx"
    with zipfile.ZipFile(odt, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", "<x/>")
    assert sniff(odt) == "odt"
    with pytest.raises(UnreadableError) as err:
        sniff(_write(tmp_path / "x.txt", bytes(range(256)) * 4))
    assert err.value.code == "unsupported"


def test_size_guard(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as fh:
        fh.truncate(int(73.4 * 1024 * 1024))  # sparse: costs no disk
    with pytest.raises(UnreadableError) as err:
        parse_file(path, "txt")
    assert err.value.code == "too_large"
    assert err.value.message_ru == "Файл слишком большой: 73,4 МБ (предел 50 МБ)"
    assert MAX_FILE_BYTES == 50 * 1024 * 1024


def test_zip_bomb_docx_rejected_fast(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b" " * (16 * 1024 * 1024)
            for _ in range(64):  # 1 GiB of spaces
                fh.write(chunk)
    started = time.monotonic()
    with pytest.raises(UnreadableError) as err:
        parse_file(path)
    assert time.monotonic() - started < 2
    assert err.value.code == "too_large"
    assert err.value.message_ru.startswith("Архив документа подозрительно сжат (возможна zip-бомба):")


def test_zip_ratio_and_required_parts(tmp_path: Path) -> None:
    path = tmp_path / "ratio.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b" " * (4 * 1024 * 1024))
    with pytest.raises(UnreadableError) as err:
        zip_precheck(path, ["word/document.xml"])
    assert err.value.code == "too_large" and "сжата в" in err.value.message_ru
    with pytest.raises(UnreadableError) as err:
        zip_precheck(path, ["word/styles.xml"])
    assert err.value.code == "too_large"
    small = tmp_path / "small.docx"
    with zipfile.ZipFile(small, "w") as zf:
        zf.writestr("word/other.xml", "<x/>")
    with pytest.raises(UnreadableError) as err:
        zip_precheck(small, ["word/document.xml"])
    assert err.value.code == "corrupt" and "word/document.xml" in err.value.message_ru


def test_truncated_docx(tmp_path: Path) -> None:
    good = _make_docx(tmp_path / "good.docx")
    data = good.read_bytes()
    bad = _write(tmp_path / "bad.docx", data[: len(data) // 2])
    with pytest.raises(UnreadableError) as err:
        parse_file(bad)
    assert err.value.code == "corrupt"
    assert "повреждён" in err.value.message_ru


def test_broken_xml_docx(tmp_path: Path) -> None:
    good = _make_docx(tmp_path / "good.docx")
    bad = tmp_path / "bad.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                data = data[: len(data) // 2]
            dst.writestr(info, data)
    with pytest.raises(UnreadableError) as err:
        parse_file(bad)
    assert err.value.code == "corrupt"


def test_discover(tmp_path: Path) -> None:
    root = tmp_path / "in"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    _write(root / "b.txt", "второй".encode())
    _write(root / "A.TXT", "первый".encode())
    _write(root / "photo.jpg", b"\xff\xd8\xff\xe0")
    _write(root / ".secret.txt", b"x")
    _write(root / "~$lock.docx", b"x")
    _write(root / ".hidden" / "c.txt", b"x")
    _write(root / "sub" / "deeper" / "d.md", "# Д".encode())
    _write(root / "sub" / "e.pdf", b"")
    os.symlink(root, root / "sub" / "loop")  # a cycle back to the top
    os.mkfifo(root / "sub" / "pipe.txt")
    explicit = _write(tmp_path / "notes.xyz", "Произвольное расширение".encode())
    found = discover([str(root), str(tmp_path / "missing.docx"), str(explicit)])
    paths = [f.path for f in found]
    assert paths == [
        str(root / "A.TXT"),
        str(root / "b.txt"),
        str(root / "sub" / "deeper" / "d.md"),
        str(root / "sub" / "e.pdf"),
        str(root / "sub" / "pipe.txt"),  # reported, never opened (the link back inside is not followed)
        str(tmp_path / "missing.docx"),
        str(explicit),
    ]
    by_path = {f.path: f for f in found}
    assert by_path[str(root / "A.TXT")].format == "txt"
    assert by_path[str(root / "sub" / "deeper" / "d.md")].format == "md"
    assert by_path[str(root / "sub" / "e.pdf")].error_code == "empty"
    assert by_path[str(root / "sub" / "pipe.txt")].error_code == "special_file"
    missing = by_path[str(tmp_path / "missing.docx")]
    assert missing.error_code == "not_found" and missing.error is not None
    assert missing.error.message("en").startswith("File not found")
    assert by_path[str(explicit)].format == "txt"
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    assert discover([str(empty_dir)])[0].error_code == "empty"


def test_sniff_encrypted_office(tmp_path: Path) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100 + "EncryptionInfo".encode("utf-16-le")
    with pytest.raises(UnreadableError) as err:
        sniff(_write(tmp_path / "secret.docx", ole))
    assert err.value.code == "encrypted"


# --- text ----------------------------------------------------------------------------------------------

RU = "Срок: до 19.10.2018\nОтветственный исполнитель - управление образования.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (RU.encode("utf-8"), "utf-8"),
        (RU.encode("utf-8-sig"), "utf-8-sig"),
        (RU.encode("utf-16"), "utf-16"),
        (RU.encode("utf-16-le"), "utf-16-le"),
        (RU.encode("utf-16-be"), "utf-16-be"),
        (RU.encode("cp1251"), "cp1251"),
        (RU.encode("koi8-r"), "koi8-r"),
        ("ПЛАН МЕРОПРИЯТИЙ НА 2019-2020 УЧЕБНЫЙ ГОД\n".encode("koi8-r"), "koi8-r"),
        ("ПЛАН МЕРОПРИЯТИЙ НА 2019-2020 УЧЕБНЫЙ ГОД\n".encode("cp1251"), "cp1251"),
    ],
)
def test_decode_text(data: bytes, encoding: str) -> None:
    text, enc = decode_text(data)
    assert enc == encoding
    assert text.lstrip("\ufeff") in (RU, "ПЛАН МЕРОПРИЯТИЙ НА 2019-2020 УЧЕБНЫЙ ГОД\n")


def test_decode_short_cp1251_line() -> None:
    data = "Срок: до 19.10.2018".encode("cp1251")
    assert len(data) == 19
    assert decode_text(data) == ("Срок: до 19.10.2018", "cp1251")
    assert decode_text("Срок: до 19.10.2018".encode("koi8-r")) == ("Срок: до 19.10.2018", "koi8-r")


def test_decode_rejects_binary() -> None:
    with pytest.raises(UnreadableError) as err:
        decode_text(b"abc\x00\x01\x02def" * 50)
    assert err.value.code == "unsupported"
    assert decode_text(b"") == ("", "utf-8")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1251", "koi8-r"])
def test_parse_text_encodings(tmp_path: Path, encoding: str) -> None:
    path = _write(tmp_path / "a.txt", "Цель\n\nПовышение качества образования в школах.\n".encode(encoding))
    doc = parse_file(path)
    assert doc.metadata.format == "txt"
    assert _texts(doc) == ["Цель", "Повышение качества образования в школах."]
    assert doc.blocks[0].kind == "heading"


def test_text_structure(tmp_path: Path) -> None:
    text = (
        "[bookmark: _GoBack]ДОРОЖНАЯ КАРТА ШКОЛЫ\n"  # 1
        "\n"
        "1. Общие положения\n"  # 3
        "Настоящая дорожная карта определяет мероприятия по повышению качества образования "
        "в школах с низкими результатами обучения на 2019-2020 учебный год.\n"
        "Задачи\n"  # 5
        "- разработать программу перехода;\n"
        "• провести мониторинг;\n"
        "1) организовать семинар.\n"
        "\n"
        "№\tМероприятие\tСрок\n"  # 10
        "1\tСеминар\tдо 19.10.2018\n"
        "2\tМониторинг\t\n"
        "\n"
        "Контакты\n"  # 14
        "\n"
        "Управление образования, тел. 8 (800) 000-00-00.\n"
    )
    doc = parse_text(_write(tmp_path / "plan.txt", text.encode("cp1251")))
    kinds = [(b.kind, b.text, b.location.line) for b in doc.blocks]
    assert kinds[0] == ("heading", "ДОРОЖНАЯ КАРТА ШКОЛЫ", 1)
    assert kinds[1] == ("heading", "1. Общие положения", 3)
    assert kinds[2][0] == "paragraph" and kinds[2][2] == 4
    assert kinds[3] == ("heading", "Задачи", 5)
    assert [k[1] for k in kinds if k[0] == "list_item"] == [
        "разработать программу перехода;",
        "провести мониторинг;",
        "1) организовать семинар.",
    ]
    table = doc.tables[0]
    assert table.location.line == 10
    assert [r.texts for r in table.table.rows] == [
        ["№", "Мероприятие", "Срок"],
        ["1", "Семинар", "до 19.10.2018"],
        ["2", "Мониторинг", ""],
    ]
    assert table.table.rows[1].cells[2].location.line == 11
    assert table.text.splitlines()[1] == "1 | Семинар | до 19.10.2018"
    assert ("heading", "Контакты", 14) in kinds
    assert "[bookmark" not in doc.full_text()
    assert doc.metadata.encoding == "cp1251"
    assert [b.location.paragraph for b in doc.blocks if b.kind != "table"][:2] == [1, 2]


def test_markdown(tmp_path: Path) -> None:
    text = (
        "# Программа перехода\n"
        "\n"
        "## Цель\n"
        "Повышение качества образования.\n"
        "\n"
        "| Мероприятие | Срок |\n"
        "|---|:---:|\n"
        "| Семинар | до 19.10.2018 |\n"
        "| Конференция \\| итоги | декабрь |\n"
        "\n"
        "Задачи\n"
        "------\n"
        "* первая задача\n"
    )
    doc = parse_file(_write(tmp_path / "p.md", text.encode()))
    assert doc.metadata.format == "md"
    heads = [(b.text, b.level, b.heading_reason) for b in doc.headings]
    assert heads == [
        ("Программа перехода", 1, "markdown"),
        ("Цель", 2, "markdown"),
        ("Задачи", 2, "markdown"),
    ]
    assert [r.texts for r in doc.tables[0].table.rows] == [
        ["Мероприятие", "Срок"],
        ["Семинар", "до 19.10.2018"],
        ["Конференция | итоги", "декабрь"],
    ]
    assert _texts(doc, "list_item") == ["первая задача"]


def test_pipe_table_in_txt(tmp_path: Path) -> None:
    doc = parse_file(_write(tmp_path / "t.txt", "| А | Б |\n|---|---|\n| 1 | 2 |\n".encode()))
    assert [r.texts for r in doc.tables[0].table.rows] == [["А", "Б"], ["1", "2"]]


def test_hard_wrapped_text(tmp_path: Path) -> None:
    lines = [
        "ИНФОРМАЦИОННАЯ СПРАВКА",
        "",
        "В течение 2019-2020 учебного года проводилась работа со школами, функционирую-",
        "щих в неблагоприятных социальных условиях, и со школами с низкими результатами",
        "обучения. Проведены семинары для директоров и заместителей директоров школ",
        "района, а также для педагогов, работающих в девятых и одиннадцатых классах.",
        "",
        "Итоги работы подведены на муниципальной конференции в декабре 2019 года, где",
        "выступили представители всех школ - участников проекта и школ-наставников.",
    ]
    doc = parse_file(_write(tmp_path / "w.txt", "\n".join(lines).encode()))
    assert doc.blocks[0].kind == "heading"
    paras = _texts(doc, "paragraph")
    assert len(paras) == 2
    assert "школами, функционирующих в неблагоприятных" in paras[0]
    assert paras[0].endswith("одиннадцатых классах.")


def test_join_wrapped() -> None:
    assert join_wrapped("на 2019-", "2020 учебный год") == "на 2019-2020 учебный год"
    assert join_wrapped("школ, функционирую-", "щих в") == "школ, функционирующих в"
    assert join_wrapped("социально-", "экономических условиях") == "социально-экономических условиях"
    assert join_wrapped("школ-", "лидеров") == "школ-лидеров"
    assert join_wrapped("Кабардино-", "Балкарской") == "Кабардино-Балкарской"
    assert join_wrapped("Школа -", "лидер") == "Школа - лидер"
    assert join_wrapped("обучения", "и школ") == "обучения и школ"
    assert join_wrapped("програм-", "мы", {"программы"}) == "программы"


@needs_seeds
def test_seeds_parse() -> None:
    seeds = sorted(SEEDS.glob("0*.txt"))
    for path in seeds:
        doc = parse_file(path)
        assert doc.blocks, path
        assert doc.metadata.encoding == "utf-8"
        assert "[bookmark" not in doc.full_text()
    doc = parse_file(next(SEEDS.glob("001_*.txt")))
    assert len(doc.tables) == 4
    first = doc.tables[0].table
    assert first.rows[0].texts[0] == "№"
    assert len(first.rows) == 6 and all(len(r.cells) == 3 for r in first.rows)
    assert "ВЫПОЛНЕНИЕ ПЛАНА-ГРАФИКА МЕРОПРИЯТИЯ 3.21" in [h.text for h in doc.headings]
    last = doc.tables[-1].table
    assert last.rows[2].texts[1] == "до 19.10.2018"
    heads = [h.text for h in parse_file(next(SEEDS.glob("003_*.txt"))).headings]
    assert "Цель" in heads and "Задачи" in heads
    heads = [h.text for h in parse_file(next(SEEDS.glob("000_*.txt"))).headings]
    assert heads[0] == "Пресс-релиз"


# --- docx ------------------------------------------------------------------------------------------------

_TEXTBOX_RUN = """<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
 xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
 xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
 xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
 xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>
<wp:anchor><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>Текст в рамке</w:t></w:r></w:p></w:txbxContent></wps:txbx>
</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:rect><v:textbox>
<w:txbxContent><w:p><w:r><w:t>Текст в рамке</w:t></w:r></w:p></w:txbxContent></v:textbox></v:rect></w:pict>
</mc:Fallback></mc:AlternateContent></w:r>"""


def _png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 10, 10)).save(buf, format="PNG")
    return buf.getvalue()


def _make_docx(path: Path) -> Path:
    docx = pytest.importorskip("docx")
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml

    d = docx.Document()
    d.core_properties.author = "Иванова А.А."
    d.core_properties.title = "Дорожная карта"
    d.add_heading("Дорожная карта", 0)
    d.add_heading("Общие положения", 1)
    d.add_paragraph("Настоящая дорожная карта разработана для школ с низкими результатами обучения.")
    p = d.add_paragraph()
    p.add_run("Цель и ").bold = True
    p.add_run("задачи").bold = True
    p.add_run("  ")
    d.add_paragraph("Контактная информация").alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph("2. Сроки реализации")
    d.add_paragraph("ОЖИДАЕМЫЕ РЕЗУЛЬТАТЫ")
    d.add_paragraph("Первый пункт списка", style="List Bullet")
    d.add_paragraph("Второй пункт списка", style="List Number")
    long_bold = d.add_paragraph()
    long_bold.add_run("Этот длинный абзац набран жирным шрифтом, но заголовком не является, " * 3).bold = True
    t = d.add_table(rows=4, cols=4)
    for i in range(4):
        for j in range(4):
            t.cell(i, j).text = f"я{i}{j}"
    t.cell(1, 1).merge(t.cell(1, 2)).text = "ОБЪЕДИНЁННАЯ ГОРИЗОНТАЛЬНО"
    t.cell(1, 3).merge(t.cell(3, 3)).text = "ОБЪЕДИНЁННАЯ ВЕРТИКАЛЬНО"
    inner = t.cell(0, 0).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "вложенная"
    inner.cell(0, 1).text = "таблица"
    host = d.add_paragraph("Абзац с рамкой")
    host._p.append(parse_xml(_TEXTBOX_RUN))
    d.add_paragraph("[bookmark: _GoBack]Последний абзац.")
    png = path.parent / "pic.png"
    png.write_bytes(_png())
    d.add_picture(str(png))
    d.add_picture(str(png))  # the same image twice: one distinct image
    d.save(str(path))
    return path


def test_docx(tmp_path: Path) -> None:
    doc = parse_file(_make_docx(tmp_path / "plan.docx"))
    heads = [(b.text, b.heading_reason, b.level) for b in doc.headings]
    assert heads == [
        ("Дорожная карта", "style", 1),
        ("Общие положения", "style", 1),
        ("Цель и задачи", "bold", 2),
        ("Контактная информация", "centred", 2),
        ("2. Сроки реализации", "numbered", 1),
        ("ОЖИДАЕМЫЕ РЕЗУЛЬТАТЫ", "uppercase", 1),
    ]
    assert _texts(doc, "list_item") == ["Первый пункт списка", "Второй пункт списка"]
    paras = _texts(doc, "paragraph")
    assert paras[0].startswith("Настоящая дорожная карта")
    assert any(p.startswith("Этот длинный абзац") for p in paras)
    assert "Последний абзац." in paras
    assert "Текст в рамке" in paras and doc.full_text().count("Текст в рамке") == 1
    assert paras.index("Текст в рамке") == paras.index("Абзац с рамкой") + 1

    table = doc.tables[0].table
    text = doc.tables[0].text
    assert text.count("ОБЪЕДИНЁННАЯ ГОРИЗОНТАЛЬНО") == 1
    assert text.count("ОБЪЕДИНЁННАЯ ВЕРТИКАЛЬНО") == 1
    row1 = table.rows[1].cells
    assert [(c.text, c.location.column, c.col_span, c.row_span) for c in row1] == [
        ("я10", 1, 1, 1),
        ("ОБЪЕДИНЁННАЯ ГОРИЗОНТАЛЬНО", 2, 2, 1),
        ("ОБЪЕДИНЁННАЯ ВЕРТИКАЛЬНО", 4, 1, 3),
    ]
    assert table.rows[2].texts == ["я20", "я21", "я22"]
    assert table.rows[0].cells[0].text == "я00\nвложенная | таблица"
    assert table.rows[2].cells[2].location.row == 3 and table.rows[2].cells[2].location.table == 1
    assert text.splitlines()[1] == "я10 | ОБЪЕДИНЁННАЯ ГОРИЗОНТАЛЬНО | ОБЪЕДИНЁННАЯ ВЕРТИКАЛЬНО"

    meta = doc.metadata
    assert meta.format == "docx"
    assert meta.author == "Иванова А.А." and meta.title == "Дорожная карта"
    assert meta.image_count == 1 and len(meta.image_hashes[0]) == 64
    assert "[bookmark" not in doc.full_text()
    assert [b.location.block for b in doc.blocks] == list(range(len(doc.blocks)))


def test_docx_starts_fast(tmp_path: Path) -> None:
    """A one-page docx check must not import the PDF stack: the whole process stays well under 0.8 s."""
    path = _make_docx(tmp_path / "one.docx")
    code = (
        "import sys, time; from pathlib import Path; from checker.parsers import parse_file; "
        f"parse_file(Path({str(path)!r})); "
        "assert 'pdfplumber' not in sys.modules and 'pypdfium2' not in sys.modules"
    )
    root = Path(__file__).resolve().parents[1]
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-c", code], cwd=root, check=True, env={**os.environ, "PYTHONPATH": str(root)}
    )
    assert time.monotonic() - started < 2.0  # generous for a loaded CI machine; ~0.35 s here


# --- pdf -------------------------------------------------------------------------------------------------


def _canvas(path: Path):  # type: ignore[no-untyped-def]
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if not FONT.exists():
        pytest.skip("DejaVu fonts are not installed")
    pdfmetrics.registerFont(TTFont("DejaVu", str(FONT)))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(FONT_BOLD)))
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setAuthor("Петров П.П.")
    c.setTitle("План мероприятий")
    return c


def _draw_table(c, x: float, y_top: float, widths: list[float], rows: list[list[list[str]]]) -> float:  # type: ignore[no-untyped-def]
    """Grid rows; each cell is a list of lines. Returns the y below the table."""
    y = y_top
    for row in rows:
        height = 14 * max(len(cell) for cell in row) + 6
        cx = x
        for w, cell in zip(widths, row, strict=True):
            c.rect(cx, y - height, w, height)
            for k, line in enumerate(cell):
                c.drawString(cx + 3, y - 14 - 14 * k, line)
            cx += w
        y -= height
    return y


def _make_pdf(path: Path) -> Path:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    c = _canvas(path)
    c.setFont("DejaVu-Bold", 18)
    c.drawString(72, 770, "План мероприятий")
    c.setFont("DejaVu", 12)
    body = [
        "Программа поддержки школ с низкими результатами обучения рассчитана на 2019-",
        "2020 учебный год и охватывает все общеобразовательные организации, функционирую-",
        "щих в неблагоприятных социальных условиях районе, включая малокомплектные.",
    ]
    for k, line in enumerate(body):
        c.drawString(72, 740 - 15 * k, line)
    c.drawString(72, 680, "Таблица мероприятий")
    resp = stringWidth("Ответственны", "DejaVu", 12) + 6
    widths = [30, 220, 100, resp]
    rows1 = [
        [["№"], ["Мероприятие"], ["Срок"], ["Ответственны", "й"]],
        [["1"], ["Семинар для директоров"], ["до 19.10.2018"], ["Иванов"]],
        [["2"], ["Разработка дорожной"], ["декабрь"], ["Петров"]],
    ]
    _draw_table(c, 72, 660, widths, rows1)
    c.drawCentredString(297, 30, "1")  # a page number: page furniture
    c.showPage()
    c.setFont("DejaVu", 12)
    rows2 = [
        [[""], ["карты школы"], [""], [""]],
        [["3"], ["Итоговая конференция"], ["2019-2020"], ["Сидоров"]],
    ]
    y = _draw_table(c, 72, 800, widths, rows2)
    c.drawString(72, y - 30, "Итоги подводятся в конце учебного года.")
    c.drawCentredString(297, 30, "2")
    c.save()
    return path


def test_pdf_text_and_stitched_table(tmp_path: Path) -> None:
    doc = parse_file(_make_pdf(tmp_path / "plan.pdf"))
    meta = doc.metadata
    assert meta.format == "pdf" and meta.page_count == 2
    assert meta.author == "Петров П.П." and meta.title == "План мероприятий"
    assert meta.created is not None and not meta.scanned

    assert doc.blocks[0].kind == "heading" and doc.blocks[0].text == "План мероприятий"
    para = doc.blocks[1]
    assert para.kind == "paragraph" and para.location.page == 1
    assert "рассчитана на 2019-2020 учебный год" in para.text
    assert "организации, функционирующих в неблагоприятных" in para.text

    assert len(doc.tables) == 1
    block = doc.tables[0]
    table = block.table
    assert table.page_start == 1 and table.page_end == 2
    assert [r.texts for r in table.rows] == [
        ["№", "Мероприятие", "Срок", "Ответственный"],
        ["1", "Семинар для директоров", "до 19.10.2018", "Иванов"],
        ["2", "Разработка дорожной карты школы", "декабрь", "Петров"],
        ["3", "Итоговая конференция", "2019-2020", "Сидоров"],
    ]
    assert [r.location.page for r in table.rows] == [1, 1, 1, 2]
    assert table.rows[3].cells[1].location.page == 2
    full = doc.full_text()
    for phrase in ("Иванов", "карты школы", "Сидоров", "Ответственны"):
        assert full.count(phrase) == 1, phrase  # table text is never repeated outside the table
    texts = [b.text for b in doc.blocks]
    assert texts.index("Таблица мероприятий") < texts.index(block.text)
    assert texts[-1] == "Итоги подводятся в конце учебного года."
    assert doc.blocks[-1].location.page == 2
    assert "1" not in texts and "2" not in texts  # page numbers dropped


def test_pdf_scanned(tmp_path: Path) -> None:
    c = _canvas(tmp_path / "scan.pdf")
    png = tmp_path / "page.png"
    png.write_bytes(_png())
    c.drawImage(str(png), 50, 50, 400, 600)
    c.showPage()
    c.save()
    doc = parse_file(tmp_path / "scan.pdf")
    assert doc.metadata.scanned
    assert "PDF без текстового слоя (скан)" in doc.metadata.notes
    assert doc.metadata.image_count == 1 and len(doc.metadata.image_hashes) == 1


def test_pdf_corrupt(tmp_path: Path) -> None:
    data = _make_pdf(tmp_path / "ok.pdf").read_bytes()
    bad = _write(tmp_path / "bad.pdf", data[:200])
    with pytest.raises(UnreadableError) as err:
        parse_file(bad)
    assert err.value.code == "corrupt"


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed")
def test_pdf_encrypted(tmp_path: Path) -> None:
    src = _make_pdf(tmp_path / "plain.pdf")
    locked = tmp_path / "locked.pdf"
    subprocess.run(["qpdf", "--encrypt", "secret", "owner", "256", "--", str(src), str(locked)], check=True)
    with pytest.raises(UnreadableError) as err:
        parse_file(locked)
    assert err.value.code == "encrypted"
    assert err.value.message_ru == "Файл PDF зашифрован паролем — пришлите копию без пароля"
    owner_only = tmp_path / "owner.pdf"
    subprocess.run(["qpdf", "--encrypt", "", "owner", "256", "--", str(src), str(owner_only)], check=True)
    assert "Иванов" in parse_file(owner_only).full_text()


@pytest.mark.slow  # LibreOffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_pdf_from_libreoffice(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_heading("Дорожная карта", 0)
    d.add_heading("1. Общие положения", 1)
    d.add_paragraph(
        "Настоящая дорожная карта разработана для школ с низкими результатами обучения и школ, "
        "функционирующих в неблагоприятных социальных условиях, на 2019-2020 учебный год."
    )
    t = d.add_table(rows=1, cols=4)
    t.style = "Table Grid"
    for j, h in enumerate(["№ п/п", "Наименование мероприятия", "Срок", "Ответственный исполнитель"]):
        t.rows[0].cells[j].text = h
    for i in range(1, 16):
        cells = t.add_row().cells
        cells[0].text = str(i)
        cells[1].text = f"Мероприятие {i} для школ, функционирующих в неблагоприятных условиях"
        cells[2].text = "до 19.10.2018"
        cells[3].text = "Ответственный функционирующих"
    d.add_paragraph("Заключительный абзац документа.")
    src = tmp_path / "road.docx"
    d.save(str(src))
    env = {**os.environ, "HOME": str(tmp_path)}  # a private LibreOffice profile
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
        check=True,
        capture_output=True,
        timeout=120,
        env=env,
    )
    doc = parse_file(tmp_path / "road.pdf")
    assert doc.metadata.page_count and doc.metadata.page_count >= 2
    assert len(doc.tables) == 1
    table = doc.tables[0].table
    assert table.page_end and table.page_end > table.page_start  # type: ignore[operator]
    assert table.rows[0].texts == ["№ п/п", "Наименование мероприятия", "Срок", "Ответственный исполнитель"]
    assert [r.texts[0] for r in table.rows[1:]] == [str(i) for i in range(1, 16)]
    for row in table.rows[1:]:
        assert row.texts[3] == "Ответственный функционирующих"
        assert row.texts[1].endswith("функционирующих в неблагоприятных условиях")
    assert doc.full_text().count("до 19.10.2018") == 15
    assert "2019-2020 учебный год" in doc.full_text()
    assert [h.text for h in doc.headings][:2] == ["Дорожная карта", "1. Общие положения"]
    assert doc.blocks[-1].text == "Заключительный абзац документа."


def test_pdf_page_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import checker.parsers.pdf as pdf_parser

    path = _make_pdf(tmp_path / "two.pdf")
    monkeypatch.setattr(pdf_parser, "MAX_PDF_PAGES", 1)
    with pytest.raises(UnreadableError) as err:
        parse_file(path)
    assert err.value.code == "too_large"
    assert err.value.message_ru == "В PDF слишком много страниц: 2 (предел 1)"


# --- robustness --------------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=3000))
def test_decode_text_only_raises_unreadable(data: bytes) -> None:
    try:
        text, encoding = decode_text(data)
    except UnreadableError as err:
        assert err.code in ("unsupported", "decode")
        return
    assert isinstance(text, str) and encoding


_ALPHABET = st.sampled_from([*"абвгдеёжзийОПРСТ ABC 0123456789 .,;:-–|#*•·()«»\t\n\n\n", "[bookmark: x]"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_ALPHABET, max_size=400).map("".join), st.sampled_from([".txt", ".md"]))
def test_parse_text_never_crashes(tmp_path: Path, text: str, suffix: str) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_text(text, encoding="utf-8")
    doc = parse_text(path)
    n_lines = text.count("\n") + 1
    for block in doc.blocks:
        assert block.text.strip() or block.kind == "table"
        assert block.location.line is not None and 1 <= block.location.line <= n_lines
        assert "[bookmark" not in block.text
