"""Generate a benchmark corpus of mixed submissions (docx, pdf, txt), about ten pages each.

Run: python bench/make_corpus.py [--count 1000] [--out bench/corpus]
     python bench/make_corpus.py --kind doc --count 100 --out bench/corpus-doc  (a folder of .doc files)
     python bench/make_corpus.py --kind bigpdf --out bench/corpus-bigpdf  (one 300-page PDF with a text layer)
PDFs are made by LibreOffice from a few docx files, then copied with a unique trailing comment so
each file has its own content hash (the cache must not collapse them)."""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document

SENTENCES = [
    "Проведение семинара для заместителей директоров школ с низкими результатами обучения.",
    "Организация сетевого взаимодействия со школами-наставниками и ресурсными центрами.",
    "Адресная методическая поддержка педагогов, показывающих низкие образовательные результаты.",
    "Мониторинг образовательных результатов по итогам 2018-2019 учебного года.",
    "Курсы повышения квалификации для управленческих команд с 10 сентября по 30 ноября 2018 г.",
    "Ежемесячные отчеты о реализации дорожной карты представляются до 5 числа.",
]
ROW = ["Проведение круглого стола по обмену опытом", "до 19.10.2018", "Иванова И.И., методист ТМС", "Педагоги школ"]


def make_docx(path: Path, pages: int, seed: int) -> None:
    rng = random.Random(seed)
    doc = Document()
    doc.add_paragraph("Муниципальная дорожная карта по повышению качества образования в школах с низкими "
                      "результатами обучения на 2018-2019 учебный год").runs[0].bold = True
    for page in range(pages):
        doc.add_paragraph(f"{page + 1}. Раздел {page + 1}").runs[0].bold = True
        for _ in range(8):
            doc.add_paragraph(" ".join(rng.choice(SENTENCES) for _ in range(3)))
        table = doc.add_table(rows=1, cols=4)
        for cell, text in zip(table.rows[0].cells, ["Мероприятие", "Сроки", "Ответственные", "Участники"], strict=True):
            cell.text = text
        for _ in range(6):
            for cell, text in zip(table.add_row().cells, ROW, strict=True):
                cell.text = text
    doc.save(path)


def make_doc_folder(out: Path, count: int = 100, pages: int = 3) -> None:
    """count Word 97–2003 files: roadmaps of make_docx (each its own seed), converted by LibreOffice in one
    call with a throw-away profile."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise SystemExit("soffice not found: the .doc corpus needs LibreOffice once")
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for n in range(count):
            make_docx(work / f"roadmap_{n:03d}.docx", pages, 500 + n)
        subprocess.run([soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                        "--convert-to", "doc", "--outdir", str(out), *map(str, sorted(work.glob("*.docx")))],
                       check=True, capture_output=True, timeout=1800)
    made = len(list(out.glob("*.doc")))
    if made != count:
        raise SystemExit(f"LibreOffice made {made} of {count} .doc files")


def make_big_pdf(path: Path, pages: int = 300) -> None:
    """A roadmap of `pages` pages with a text layer (reportlab): a heading, paragraphs and a ruled table of
    measures on every page."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    font = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not font.exists():
        raise SystemExit(f"{font} not found: the PDF needs a font with Cyrillic (fonts-dejavu-core)")
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(font)))
    body = ParagraphStyle("body", fontName="DejaVuSans", fontSize=10, leading=13)
    head = ParagraphStyle("head", parent=body, fontSize=13, leading=17)
    rng = random.Random(7)
    story: list = [Paragraph("Муниципальная дорожная карта по повышению качества образования в школах с низкими "
                             "результатами обучения на 2018-2019 учебный год", head)]
    for page in range(pages):
        story.append(Paragraph(f"{page + 1}. Раздел {page + 1}", head))
        story.extend(Paragraph(" ".join(rng.choice(SENTENCES) for _ in range(3)), body) for _ in range(5))
        rows = [["Мероприятие", "Сроки", "Ответственные", "Участники"]] + [ROW] * 6
        table = Table([[Paragraph(cell, body) for cell in row] for row in rows], colWidths=[190, 70, 130, 90])
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
        story.extend([table, PageBreak()])
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "corpus")
    parser.add_argument("--kind", choices=["mixed", "doc", "bigpdf"], default="mixed",
                        help="mixed: docx/pdf/txt (default); doc: a folder of .doc files; bigpdf: one long PDF")
    args = parser.parse_args()
    if args.kind == "doc":
        make_doc_folder(args.out, args.count)
        print(f"{args.count} .doc files in {args.out}")
        return
    if args.kind == "bigpdf":
        args.out.mkdir(parents=True, exist_ok=True)
        make_big_pdf(args.out / "roadmap_300.pdf")
        print(f"{args.out / 'roadmap_300.pdf'}")
        return
    out: Path = args.out
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    templates = Path(tempfile.mkdtemp())
    for i in range(4):
        make_docx(templates / f"t{i}.docx", 10, i)
    soffice = shutil.which("soffice")
    if soffice:
        subprocess.run([soffice, f"-env:UserInstallation=file://{templates}/profile", "--headless", "--convert-to",
                        "pdf", "--outdir", str(templates), *map(str, sorted(templates.glob("t*.docx")))],
                       check=True, capture_output=True, timeout=600)
    else:
        print("soffice not found: corpus without PDFs", file=sys.stderr)
    for n in range(args.count):
        kind = n % 3
        if kind == 0:
            make_docx(out / f"doc_{n:04d}.docx", 10, 100 + n)
        elif kind == 1 and soffice:
            data = (templates / f"t{n % 4}.pdf").read_bytes() + f"\n% copy {n}\n".encode()
            (out / f"doc_{n:04d}.pdf").write_bytes(data)
        else:
            rng = random.Random(n)
            lines = [" ".join(rng.choice(SENTENCES) for _ in range(3)) for _ in range(90)]
            (out / f"doc_{n:04d}.txt").write_text("Информационная справка о реализации мероприятий в 2018 году\n\n"
                                                  + "\n\n".join(lines), encoding="utf-8")
    print(f"{args.count} files in {out}")


if __name__ == "__main__":
    main()
