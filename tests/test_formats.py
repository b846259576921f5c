"""Legacy and scanned inputs end to end: .doc/.rtf/.odt twins of the .docx fixtures, scanned PDFs (OCR),
and what a user sees when the tool a format needs is missing."""

from __future__ import annotations

import shutil
import subprocess
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from conftest import FIXTURES, run_checker, run_json

from checker.ocr import OCR_NOTE
from checker.parsers import parse_file

if TYPE_CHECKING:
    from PIL import Image

LEGACY = FIXTURES / "legacy"
HAS_TESSERACT = shutil.which("tesseract") is not None
needs_tesseract = pytest.mark.skipif(not HAS_TESSERACT, reason="tesseract-ocr-rus is not installed")
needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
# A PATH with no external tools at all: the interpreter is called by its absolute path.
NO_TOOLS = {"PATH": "/nonexistent"}

# legacy fixture → (campaign, doc type, failing rule ids), the same as its .docx twin
TWINS: dict[str, tuple[str | None, str, set[str]]] = {
    "press_release_clean": (None, "press_release", set()),
    "press_release_no_venue": (None, "press_release", {"PR-VENUE-001"}),
    "roadmap_clean": ("krasnodar-2018", "roadmap", set()),
    # the participants column is the Krasnodar 2018 campaign's demand (RM-TABLE-002)
    "roadmap_empty_cells": ("krasnodar-2018", "roadmap", {"RM-TABLE-001", "RM-TABLE-002"}),
    "program_only_approve": ("krasnodar-2018", "program", {"PG-AGREE-001"}),
}
DOCX_TWIN = {
    "press_release_clean": "press_release/clean",
    "press_release_no_venue": "press_release/no_venue",
    "roadmap_clean": "roadmap/roadmap_clean",
    "roadmap_empty_cells": "roadmap/roadmap_empty_cells",
    "program_only_approve": "program/program_only_approve",
}


def failing(document: dict) -> set[str]:
    return {f["rule_id"] for f in document["findings"] if f["outcome"] == "fail"}


def check_one(
    path: Path, campaign: str | None = None, *extra: str, env: dict[str, str] | None = None
) -> tuple[int, dict]:
    args = ["check", str(path), *(["--campaign", campaign] if campaign else []), *extra]
    code, report = run_json(*args, env=env)
    (document,) = report["documents"]
    return code, document


@pytest.mark.parametrize("fmt", [pytest.param("doc", marks=pytest.mark.slow), "rtf", "odt"])  # .doc: LibreOffice
@pytest.mark.parametrize("name", sorted(TWINS))
def test_legacy_twin_matches_docx(name: str, fmt: str) -> None:
    if fmt == "doc" and shutil.which("soffice") is None and shutil.which("catdoc") is None:
        pytest.skip("neither LibreOffice nor catdoc is installed")
    campaign, doc_type, expected = TWINS[name]
    _, document = check_one(LEGACY / f"{name}.{fmt}", campaign)
    assert document["format"] == fmt
    assert document["doc_type"] == doc_type
    assert failing(document) == expected
    _, twin = check_one(FIXTURES / f"{DOCX_TWIN[name]}.docx", campaign)
    assert failing(document) == failing(twin)
    assert document["verdict"] == twin["verdict"]


# .doc needs LibreOffice: slow
@pytest.mark.parametrize("fmt", ["docx", pytest.param("doc", marks=pytest.mark.slow), "rtf", "odt"])
def test_roadmap_table_survives_every_format(fmt: str) -> None:
    """Tables keep their structure: the empty cells are named at the same row and column as in the .docx."""
    if fmt == "doc" and shutil.which("soffice") is None:
        pytest.skip("exact .doc tables need LibreOffice (catdoc keeps only the text)")
    path = FIXTURES / "roadmap/roadmap_empty_cells.docx" if fmt == "docx" else LEGACY / f"roadmap_empty_cells.{fmt}"
    _, document = check_one(path, "krasnodar-2018")
    found = {
        (f["location"]["row"], f["location"]["column"])
        for f in document["findings"]
        if f["outcome"] == "fail" and f["rule_id"] in ("RM-TABLE-001", "RM-TABLE-002")
    }
    assert found == {(5, 4), (10, 5), (15, 3)}


def test_cp1251_rtf_written_by_hand() -> None:
    raw = (LEGACY / "press_release_cp1251.rtf").read_bytes()
    assert b"\\ansicpg1251" in raw and b"\\'cf" in raw and max(raw) < 128  # 7-bit with \'xx escapes
    doc = parse_file(LEGACY / "press_release_cp1251.rtf")
    assert doc.metadata.encoding == "cp1251"
    assert doc.blocks[0].text == "Пресс-релиз"
    assert "31 представитель" in doc.full_text()
    _, document = check_one(LEGACY / "press_release_cp1251.rtf")
    assert document["doc_type"] == "press_release"
    assert not {"PR-DATE-001", "PR-VENUE-001", "PR-WHO-001"} & failing(document)  # read from the cp1251 text


def test_rtf_table_cells_with_pipes_and_paragraphs(tmp_path: Path) -> None:
    """A literal `|` in text is not a cell border; a cell with two paragraphs stays one cell."""
    rtf = (
        "{\\rtf1\\ansi\\ansicpg1251{\\fonttbl{\\f0 Arial;}}\\f0 "
        "\\'d2\\'e5\\'ea\\'f1\\'f2 a|b\\par\n"
        "\\trowd\\cellx1000\\cellx2000\\intbl 1\\cell \\intbl \\'c0\\par\\'c1\\cell\\row\n"
        "\\trowd\\cellx1000\\cellx2000\\intbl 2\\cell \\intbl x\\cell\\row\n"
        "\\pard \\'ca\\'ee\\'ed\\'e5\\'f6\\par}"
    )
    path = tmp_path / "t.rtf"
    path.write_bytes(rtf.encode("ascii"))
    doc = parse_file(path)
    assert [b.kind == "table" for b in doc.blocks] == [False, True, False]  # short lines may read as headings
    assert doc.blocks[0].text == "Текст a|b"
    table = doc.blocks[1].table
    assert table is not None
    assert [r.texts for r in table.rows] == [["1", "А\nБ"], ["2", "x"]]
    assert doc.blocks[2].text == "Конец"


def test_odt_headings_lists_and_spans() -> None:
    doc = parse_file(LEGACY / "roadmap_empty_cells.odt")
    assert doc.metadata.format == "odt"
    assert any(h.text.startswith("МУНИЦИПАЛЬНАЯ ДОРОЖНАЯ КАРТА") for h in doc.headings)
    table = max((b.table for b in doc.tables if b.table), key=lambda t: len(t.rows))
    section = next(r for r in table.rows if r.cells[0].text.startswith("1. Муниципальный"))
    assert len(section.cells) == 1 and section.cells[0].col_span == 5  # a merged section row stays one cell


@pytest.mark.skipif(shutil.which("catdoc") is None, reason="catdoc is not installed")
def test_doc_without_libreoffice_uses_catdoc(tmp_path: Path) -> None:
    only = tmp_path / "bin"
    only.mkdir()
    (only / "catdoc").symlink_to(shutil.which("catdoc") or "catdoc")
    # catdoc keeps the text and the rule outcome; the table's cell positions are lost (cells are tab-separated).
    _, document = check_one(LEGACY / "press_release_no_venue.doc", env={"PATH": str(only)})
    assert failing(document) == {"PR-VENUE-001"}
    _, document = check_one(LEGACY / "roadmap_empty_cells.doc", "krasnodar-2018", env={"PATH": str(only)})
    assert document["doc_type"] == "roadmap"
    assert failing(document) == {"RM-TABLE-001", "RM-TABLE-002"}


def test_doc_without_any_tool_names_what_to_install() -> None:
    code, document = check_one(LEGACY / "roadmap_clean.doc", env=NO_TOOLS)
    assert code == 3
    assert document["verdict"] == "unreadable"
    assert document["reason_code"] == "tool_missing"
    assert "libreoffice-writer-nogui" in document["reason"] and "catdoc" in document["reason"]


# --- scanned PDFs ----------------------------------------------------------------------------------


def make_scan(source: Path, target: Path, dpi: int = 200, pages: list[int] | None = None) -> Path:
    """An image-only PDF: each page of `source` rendered to a grey bitmap, as a scanner produces."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(source))
    try:
        chosen = pages if pages is not None else list(range(len(pdf)))
        images = [pdf[i].render(scale=dpi / 72, grayscale=True).to_pil() for i in chosen]
    finally:
        pdf.close()
    images[0].save(target, save_all=True, append_images=images[1:], resolution=dpi)
    return target


@pytest.fixture(scope="module")
def scans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("scans")
    return {
        "press": make_scan(FIXTURES / "press_release/clean.pdf", folder / "скан пресс-релиза.pdf"),
        "roadmap": make_scan(FIXTURES / "roadmap/roadmap_clean.pdf", folder / "roadmap_scan.pdf"),
        "roadmap_empty": make_scan(FIXTURES / "roadmap/roadmap_empty_cells.pdf", folder / "roadmap_empty_scan.pdf"),
    }


def test_scan_has_no_text_layer(scans: dict[str, Path]) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(scans["press"]))
    try:
        assert all(pdf[i].get_textpage().count_chars() == 0 for i in range(len(pdf)))
    finally:
        pdf.close()


@pytest.mark.slow  # OCR
@needs_tesseract
def test_scanned_press_release_is_recognised(scans: dict[str, Path]) -> None:
    code, document = check_one(scans["press"])
    assert document["doc_type"] == "press_release"
    assert not {r for r in failing(document) if r.startswith("PR-")}  # as the digital clean.pdf
    assert document["verdict"] == "compliant"
    assert code == 0
    doc = parse_file(scans["press"])
    assert doc.metadata.scanned and doc.metadata.ocr
    assert OCR_NOTE in doc.metadata.notes


@pytest.mark.slow  # OCR
@needs_tesseract
def test_scanned_roadmap_is_read_and_classified(scans: dict[str, Path]) -> None:
    """The scan is read and classified, and the title and approval block are in the recognised text."""
    _, document = check_one(scans["roadmap"], "krasnodar-2018")
    assert document["verdict"] != "unreadable"
    assert document["doc_type"] == "roadmap"
    doc = parse_file(scans["roadmap"])
    text = doc.full_text()
    assert "ДОРОЖНАЯ КАРТА" in text.upper()
    assert "УТВЕРЖДАЮ" in text


@pytest.mark.slow  # OCR
@needs_tesseract
def test_mixed_pdf_ocrs_only_scanned_pages(tmp_path: Path, scans: dict[str, Path]) -> None:
    if shutil.which("qpdf") is None:
        pytest.skip("qpdf is not installed")
    mixed = tmp_path / "mixed.pdf"
    subprocess.run(
        ["qpdf", "--empty", "--pages", str(FIXTURES / "program/program_clean.pdf"), "1",
         str(scans["press"]), "1", "--", str(mixed)],
        check=True, capture_output=True,
    )  # fmt: skip
    doc = parse_file(mixed)
    assert doc.metadata.ocr and not doc.metadata.scanned
    pages = {b.location.page for b in doc.blocks}
    assert pages == {1, 2}
    page2 = " ".join(b.text for b in doc.blocks if b.location.page == 2)
    assert "Пресс-релиз" in page2
    digital = parse_file(FIXTURES / "program/program_clean.pdf")
    ours = [b.text for b in doc.blocks if b.location.page == 1]
    theirs = [b.text for b in digital.blocks if b.location.page == 1]
    assert ours[:-1] == theirs[:-1]  # the last paragraph runs on to page 2 in the original
    assert theirs[-1].startswith(ours[-1])


@pytest.mark.slow  # OCR
@needs_tesseract
def test_ocr_page_cap_is_reported(scans: dict[str, Path]) -> None:
    from checker.ocr import OcrSettings

    doc = parse_file(scans["roadmap"], ocr=OcrSettings(max_pages=1))
    assert doc.metadata.ocr
    assert any("только первые 1 страниц" in n for n in doc.metadata.notes)
    assert {b.location.page for b in doc.blocks} == {1}


@pytest.mark.parametrize("how", ["no_tesseract", "ocr_never"])
def test_scan_without_ocr_is_unreadable_and_says_why(how: str, scans: dict[str, Path]) -> None:
    if how == "no_tesseract":
        code, document = check_one(scans["press"], None, env=NO_TOOLS)
    else:
        code, document = check_one(scans["press"], None, "--ocr", "never")
    assert code == 3
    assert document["verdict"] == "unreadable"
    assert document["reason_code"] == "scan_no_ocr"
    assert document["reason"].startswith(
        "PDF — скан без текстового слоя; для проверки установите tesseract-ocr-rus (OCR) или пришлите файл с текстом"
    )


def test_ocr_option_is_validated() -> None:
    result = run_checker("check", str(FIXTURES / "press_release/clean.txt"), "--ocr", "sometimes", "--no-cache")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr



@pytest.mark.slow  # OCR
@needs_tesseract
def test_scan_note_reaches_the_report(scans: dict[str, Path]) -> None:
    """How a file was read (OCR) is in the JSON report, not only in `inspect`."""
    _, report = run_json("check", str(scans["press"]))
    (document,) = report["documents"]
    assert OCR_NOTE in document["notes"]


def empty_cells(document: dict) -> set[tuple[int, int]]:
    return {
        (f["location"]["row"], f["location"]["column"])
        for f in document["findings"]
        if f["outcome"] == "fail" and f["rule_id"] in ("RM-TABLE-001", "RM-TABLE-002")
    }


@pytest.mark.slow  # OCR
@needs_tesseract
def test_scanned_roadmap_table_is_rebuilt(scans: dict[str, Path]) -> None:
    """Ruling lines give the cells back: one table across the four pages, the header's four columns, and the
    rules fail as on the digital original (none)."""
    doc = parse_file(scans["roadmap"])
    digital = parse_file(FIXTURES / "roadmap/roadmap_clean.pdf")
    (table,) = [b.table for b in doc.tables if b.table]
    (original,) = [b.table for b in digital.tables if b.table]
    header = " ".join(table.rows[0].texts)
    for name in ("Мероприятие", "Сроки", "Ответственные", "Участник"):
        assert name in header
    assert len(table.rows[0].cells) == 5
    assert (table.page_start, table.page_end) == (1, 4)
    assert len(table.rows) == len(original.rows)  # the row cut by the page break is joined, as in the PDF
    section = table.rows[1]
    assert len(section.cells) == 1 and section.cells[0].col_span == 5  # a merged section row stays one cell
    # table text is not repeated as paragraphs
    assert not any("Мероприятие" in b.text for b in doc.blocks if b.kind != "table")
    _, document = check_one(scans["roadmap"], "krasnodar-2018")
    _, twin = check_one(FIXTURES / "roadmap/roadmap_clean.pdf", "krasnodar-2018")
    rm = {r for r in failing(document) if r.startswith("RM-")}
    assert rm == {r for r in failing(twin) if r.startswith("RM-")} == set()


@pytest.mark.slow  # OCR
@needs_tesseract
def test_scanned_roadmap_names_empty_cells(scans: dict[str, Path]) -> None:
    _, document = check_one(scans["roadmap_empty"], "krasnodar-2018")
    _, twin = check_one(FIXTURES / "roadmap/roadmap_empty_cells.pdf", "krasnodar-2018")
    assert {r for r, _ in empty_cells(document)} == {r for r, _ in empty_cells(twin)} == {5, 10, 15}
    assert empty_cells(document) == empty_cells(twin)


@pytest.mark.slow  # OCR
@needs_tesseract
def test_scan_without_table_keeps_paragraphs(scans: dict[str, Path]) -> None:
    doc = parse_file(scans["press"])
    assert not doc.tables
    assert sum(b.kind == "paragraph" for b in doc.blocks) >= 3


def _ruled_page() -> Image.Image:
    """A page with text, a signature line and a 3×3 table whose middle row is merged across."""
    from PIL import Image, ImageDraw

    page = Image.new("L", (1200, 1600), 255)
    draw = ImageDraw.Draw(page)
    draw.line((700, 200, 900, 200), fill=0, width=2)  # a signature line
    xs, ys = [100, 400, 700, 1000], [400, 500, 600, 700]
    for y in ys:
        draw.line((xs[0], y, xs[-1], y), fill=0, width=3)
    for x in xs:
        for y0, y1 in pairwise(ys):
            if x in (xs[0], xs[-1]) or y0 != 500:
                draw.line((x, y0, x, y1), fill=0, width=3)
    draw.rectangle((150, 300, 950, 330), fill=0)  # a thick bar: not a line
    return page


def test_ruling_lines_make_cells_with_spans() -> None:
    from checker.ocr_tables import find_rules

    rules = find_rules(_ruled_page(), 300 / 72)
    (grid,) = rules.grids
    assert all(abs(a - b) <= 2 for a, b in zip(grid.xs, [100, 400, 700, 1000], strict=True))
    assert all(abs(a - b) <= 2 for a, b in zip(grid.ys, [400, 500, 600, 700], strict=True))
    assert (1, 0, 1, 3) in grid.cells  # row 2 is one merged cell
    assert len(grid.cells) == 7
    (underline,) = rules.underlines
    assert abs(underline.start - 700) <= 8 and abs(underline.end - 900) <= 8  # runs are found in 8-pixel steps


def test_words_go_to_their_cells() -> None:
    from checker.ocr_tables import OcrWord, assign, build_tables, find_rules

    grid = find_rules(_ruled_page(), 1.0).grids[0]
    words = [
        OcrWord("Мероприятие", 120, 420, 150, 30, (1, 1, 1)),
        OcrWord("Сроки", 420, 420, 80, 30, (1, 1, 1)),
        OcrWord("раздел", 450, 520, 80, 30, (2, 1, 1)),
        OcrWord("Заголовок", 120, 100, 150, 30, (3, 1, 1)),
    ]
    per_cell, rest = assign([grid], words)
    assert [w.text for w in rest] == ["Заголовок"]
    (table,) = build_tables([grid], per_cell, 1.0)
    assert [[" ".join(ln.text for ln in c.lines) for c in row] for row in table.rows] == [
        ["Мероприятие", "Сроки", ""],
        ["раздел"],
        ["", "", ""],
    ]
    assert table.rows[1][0].col_span == 3


def test_page_without_lines_has_no_table() -> None:
    import pypdfium2 as pdfium

    from checker.ocr_tables import find_rules

    pdf = pdfium.PdfDocument(str(FIXTURES / "press_release/clean.pdf"))
    try:
        image = pdf[0].render(scale=300 / 72, grayscale=True).to_pil()
    finally:
        pdf.close()
    assert find_rules(image, 300 / 72).grids == []
