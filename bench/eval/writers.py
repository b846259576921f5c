"""Render a generated document into .docx (python-docx), .pdf (reportlab) or .txt, byte for byte stable."""

from __future__ import annotations

import datetime as dt
import io
import textwrap
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from model import Contents, Element, Layout, PageBreak, Para, Passport, Table, TwoColumn

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FIXED_TIME = dt.datetime(2024, 1, 1, 9, 0, 0)

# ------------------------------------------------------------------------------------------------ txt


def _box_table(rows: list[list[str]], cap: int = 26) -> list[str]:
    """A table drawn with box characters, cells wrapped inside their column (legal-database copies)."""
    ncols = max(len(r) for r in rows)
    widths = [min(cap, max((len(r[i]) for r in rows if len(r) == ncols), default=3)) for i in range(ncols)]
    total = sum(widths) + 3 * (ncols - 1)
    out = ["┌" + "┬".join("─" * (w + 2) for w in widths) + "┐"]
    for k, row in enumerate(rows):
        if len(row) == 1:
            out += ["│ " + part.ljust(total) + " │" for part in textwrap.wrap(row[0], total) or [""]]
        else:
            cells = [textwrap.wrap(cell, w) or [""] for cell, w in zip(row, widths, strict=False)]
            for i in range(max(len(c) for c in cells)):
                parts = [(c[i] if i < len(c) else "").ljust(w) for c, w in zip(cells, widths, strict=False)]
                out.append("│" + "│".join(f" {p} " for p in parts) + "│")
        last = k == len(rows) - 1
        out.append(("└" + "┴".join("─" * (w + 2) for w in widths) + "┘") if last
                   else ("├" + "┼".join("─" * (w + 2) for w in widths) + "┤"))  # fmt: skip
    return out


def _txt_table(rows: list[list[str]], mode: str) -> list[str]:
    if mode == "box":
        return _box_table(rows)
    out: list[str] = []
    for row in rows:
        if len(row) == 1:  # a section row: one line in every layout
            out.append(row[0])
        elif mode == "cells":
            out.extend(cell if cell else "" for cell in row)
        elif mode == "pipe":
            out.append("| " + " | ".join(row) + " |")
        else:
            out.append("\t".join(row))
    return out


def _txt_passport(pairs: list[tuple[str, str]], mode: str) -> list[str]:
    if mode == "pipe":
        return [f"{label} | {value}" for label, value in pairs]
    if mode == "colon":
        return [f"{label}: {value}" for label, value in pairs]
    if mode == "labels_then_values":
        return [label for label, _ in pairs] + [value for _, value in pairs]
    out: list[str] = []
    for label, value in pairs:
        out.extend([label, value])
    return out


LOOKALIKE_WORDS = ("мероприятия", "программы", "ответственные", "результаты", "приказом", "сроки")
_LATIN = str.maketrans({"о": "o", "р": "p", "е": "e", "а": "a", "с": "c"})


def _lookalike(text: str) -> str:
    for word in LOOKALIKE_WORDS:
        if word in text:
            text = text.replace(word, word[:2] + word[2:].translate(_LATIN), 1)
    return text


def with_noise(elements: list[Element], layout: Layout) -> list[Element]:
    """The same document with the text-layer phenomena the layout asks for (every format)."""
    if not layout.lookalikes and not layout.bookmark_errors:
        return elements
    fix = _lookalike if layout.lookalikes else (lambda t: t)
    out: list[Element] = []
    for el in elements:
        if isinstance(el, Para):
            out.append(Para(fix(el.text), el.style))
        elif isinstance(el, Table):
            out.append(Table([[fix(c) for c in row] for row in el.rows], el.widths))
        elif isinstance(el, Passport):
            out.append(Passport([(fix(a), fix(b)) for a, b in el.pairs]))
        elif isinstance(el, Contents) and layout.bookmark_errors:
            out.append(Contents([(e, "Error! Bookmark not defined.") if i % 2 else (e, p)
                                 for i, (e, p) in enumerate(el.entries)], el.title))  # fmt: skip
        else:
            out.append(el)
    return out


def to_txt(elements: list[Element], layout: Layout) -> str:
    text = _to_txt(with_noise(elements, layout), layout)
    return text.replace("№", "в„–") if layout.mojibake else text


def _to_txt(elements: list[Element], layout: Layout) -> str:
    lines: list[str] = []
    for el in elements:
        if isinstance(el, Para):
            text = el.text.upper() if el.style == "title" else el.text
            if el.style == "right":
                text = " " * 40 + text
            lines.append(text)
            if el.style in ("title", "heading"):
                lines.append("")
        elif isinstance(el, Table):
            lines.extend(_txt_table(el.rows, layout.txt_table))
            lines.append("")
        elif isinstance(el, Passport):
            lines.extend(_txt_passport(el.pairs, layout.txt_passport))
            lines.append("")
        elif isinstance(el, Contents):
            lines.append(el.title)
            for entry, page in el.entries:
                dots = "." * max(3, 70 - len(entry) - len(page))
                lines.append(f"{entry}{dots}{page}")
            lines.append("")
        elif isinstance(el, TwoColumn):
            for i in range(max(len(el.left), len(el.right))):
                left = el.left[i] if i < len(el.left) else ""
                right = el.right[i] if i < len(el.right) else ""
                lines.append(f"{left:<48}{right}".rstrip())
            lines.append("")
        elif isinstance(el, PageBreak):
            lines.append("\f")
    return "\n".join(lines).rstrip() + "\n"


# ------------------------------------------------------------------------------------------------ docx


def to_docx(elements: list[Element], path: Path, title: str, author: str) -> None:
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Pt

    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(12)
    align = {"title": WD_ALIGN_PARAGRAPH.CENTER, "heading": WD_ALIGN_PARAGRAPH.LEFT,
             "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT,
             "stamp": WD_ALIGN_PARAGRAPH.RIGHT, "body": WD_ALIGN_PARAGRAPH.JUSTIFY}  # fmt: skip

    def grid(rows: list[list[str]], borders: bool) -> None:
        ncols = max(len(r) for r in rows)
        table = doc.add_table(rows=0, cols=ncols)
        if borders:
            table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for row in rows:
            cells = table.add_row().cells
            if len(row) == 1 and ncols > 1:
                merged = cells[0].merge(cells[-1])
                merged.text = row[0]
                merged.paragraphs[0].runs[0].bold = True
                continue
            for cell, text in zip(cells, row, strict=False):
                cell.text = text
        doc.add_paragraph()

    for el in elements:
        if isinstance(el, Para):
            p = doc.add_paragraph()
            run = p.add_run(el.text)
            run.bold = el.style in ("title", "heading", "stamp", "bold")
            if el.style == "title":
                run.font.size = Pt(14)
            if el.style == "small":
                run.font.size = Pt(9)
            if el.style in align:
                p.alignment = align[el.style]
        elif isinstance(el, Table):
            grid(el.rows, borders=True)
        elif isinstance(el, Passport):
            grid([[label, value] for label, value in el.pairs], borders=True)
        elif isinstance(el, Contents):
            p = doc.add_paragraph()
            p.add_run(el.title).bold = True
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for entry, page in el.entries:
                dots = "." * max(3, 80 - len(entry) - len(page))
                doc.add_paragraph(f"{entry}{dots}{page}")
        elif isinstance(el, TwoColumn):
            n = max(len(el.left), len(el.right))
            left = el.left + [""] * (n - len(el.left))
            right = el.right + [""] * (n - len(el.right))
            table = doc.add_table(rows=1, cols=2)
            table.cell(0, 0).text = "\n".join(left)
            table.cell(0, 1).text = "\n".join(right)
            doc.add_paragraph()
        elif isinstance(el, PageBreak):
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    core = doc.core_properties
    core.author = core.last_modified_by = author
    core.title = title
    core.created = core.modified = FIXED_TIME
    core.revision = 1
    for rel_id, rel in list(doc.part.rels.items()):  # a second copy of the styles Word 2010 wrote; unused
        if rel.reltype.endswith("/stylesWithEffects"):
            doc.part.drop_rel(rel_id)
    package = doc.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            package.rels.pop(rel_id)
    buffer = io.BytesIO()
    doc.save(buffer)
    _stable_zip(buffer.getvalue(), path)


def _stable_zip(data: bytes, path: Path) -> None:
    """Rewrite the archive with fixed entry times, so the same document gives the same bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, src.read(info.filename))


# ------------------------------------------------------------------------------------------------ pdf


def _widths(header: list[str], ncols: int) -> list[float]:
    """Narrow number columns, wide activity columns, as people lay them out."""
    if len(header) != ncols:
        return [1.0] * ncols
    out = []
    for cell in header:
        low = cell.lower()
        if low.startswith("№") or low in ("урок",):
            out.append(0.45)
        elif any(w in low for w in ("мероприят", "содержани", "наименовани", "тема", "фамилия", "ф.и.о")):
            out.append(2.4)
        else:
            out.append(1.2)
    return out

_FONTS_READY = False


def _fonts() -> None:
    global _FONTS_READY
    if _FONTS_READY:
        return
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("DejaVu", str(FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    _FONTS_READY = True


def to_pdf(elements: list[Element], path: Path, title: str, author: str) -> None:
    from reportlab import rl_config

    rl_config.invariant = 1  # no creation date or random id: the same bytes every run
    rl_config.pageCompression = 1
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import PageBreak as RLBreak
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, TableStyle
    from reportlab.platypus import Table as RLTable

    _fonts()
    base = ParagraphStyle("base", fontName="DejaVu", fontSize=10.5, leading=13.5, alignment=TA_JUSTIFY)
    styles = {
        "body": base,
        "title": ParagraphStyle("title", base, fontName="DejaVu-Bold", fontSize=13, leading=16, alignment=TA_CENTER),
        "heading": ParagraphStyle("heading", base, fontName="DejaVu-Bold", alignment=TA_LEFT, spaceBefore=4),
        "center": ParagraphStyle("center", base, alignment=TA_CENTER),
        "right": ParagraphStyle("right", base, alignment=TA_RIGHT),
        "stamp": ParagraphStyle("stamp", base, fontName="DejaVu-Bold", alignment=TA_RIGHT),
        "small": ParagraphStyle("small", base, fontSize=8, leading=10),
        "bold": ParagraphStyle("bold", base, fontName="DejaVu-Bold"),
    }
    cell = ParagraphStyle("cell", base, fontSize=9, leading=11, alignment=TA_LEFT)
    cell_bold = ParagraphStyle("cellb", cell, fontName="DejaVu-Bold")
    width = A4[0] - 4 * cm

    def para(text: str, style: ParagraphStyle) -> Paragraph:
        return Paragraph(escape(text).replace("\n", "<br/>"), style)

    def table(rows: list[list[str]], rel: list[float] | None, ruled: bool) -> RLTable:
        ncols = max(len(r) for r in rows)
        rel = rel or _widths(rows[0], ncols)
        col_w = [width * w / sum(rel) for w in rel]
        data, spans = [], []
        for i, row in enumerate(rows):
            if len(row) == 1 and ncols > 1:
                data.append([para(row[0], cell_bold)] + [""] * (ncols - 1))
                spans.append(("SPAN", (0, i), (-1, i)))
            else:
                data.append([para(c, cell) for c in row] + [""] * (ncols - len(row)))
        t = RLTable(data, colWidths=col_w, repeatRows=0)
        style = [("VALIGN", (0, 0), (-1, -1), "TOP"), *spans]
        if ruled:
            style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
        t.setStyle(TableStyle(style))
        return t

    story: list = []
    for el in elements:
        if isinstance(el, Para):
            story.append(para(el.text, styles[el.style]))
            story.append(Spacer(1, 3))
        elif isinstance(el, Table):
            story.extend([table(el.rows, el.widths, True), Spacer(1, 8)])
        elif isinstance(el, Passport):
            story.extend([table([[a, b] for a, b in el.pairs], [1, 2.2], True), Spacer(1, 8)])
        elif isinstance(el, Contents):
            story.append(para(el.title, styles["title"]))
            for entry, page in el.entries:
                dots = "." * max(3, 90 - len(entry) - len(page))
                story.append(para(f"{entry}{dots}{page}", styles["body"]))
            story.append(Spacer(1, 8))
        elif isinstance(el, TwoColumn):
            story.extend([table([["\n".join(el.left), "\n".join(el.right)]], [1, 1], False), Spacer(1, 8)])
        elif isinstance(el, PageBreak):
            story.append(RLBreak())
    margins = {"leftMargin": 2 * cm, "rightMargin": 2 * cm, "topMargin": 2 * cm, "bottomMargin": 2 * cm}
    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, author=author, pageCompression=1, **margins)
    doc.build(story)
