"""OCR of scanned PDF pages with tesseract (`rus`), one process per page, pages in parallel.

Tesseract's OpenMP default is 5× slower on a small machine, so every process runs with
OMP_THREAD_LIMIT=1 and the parallelism comes from running several pages at once instead.
Pages are rendered with PDFium in the calling thread (PDFium is not thread-safe); only the
tesseract processes run concurrently.

Each page is first made upright and level (see `scan_geometry`): blank pages skip tesseract, turned
pages are turned back, skew is removed. Ruled tables are then found in the page image before
tesseract runs (see `ocr_tables`): their lines are erased from the image tesseract reads, and the
recognised words are put back into the cells.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from checker.errors import UnreadableError
from checker.ocr_tables import (
    CellWords,
    Grid,
    OcrTable,
    OcrWord,
    PageRules,
    apply_recheck,
    assign,
    build_tables,
    doubtful,
    erase_lines,
    find_rules,
    stack_cells,
    underline_words,
)
from checker.scan_geometry import Straightened, orientation, straighten

OcrMode = Literal["auto", "always", "never"]
OCR_MODES: tuple[str, ...] = ("auto", "always", "never")
DEFAULT_MAX_PAGES = 30
RENDER_DPI = 300
PAGE_TIMEOUT = 60.0  # seconds per page: a clean A4 page takes 1–2 s
OCR_NOTE = "текст распознан (OCR), возможны ошибки распознавания"


@dataclass(frozen=True)
class OcrSettings:
    mode: OcrMode = "auto"
    max_pages: int = DEFAULT_MAX_PAGES


@dataclass
class OcrSegment:
    """One recognised text line in PDF points from the page's top-left corner."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float  # estimated font size, points


@dataclass
class OcrPage:
    """A recognised page: text lines outside ruled tables, and the tables; its size (points) as read,
    which differs from the PDF page's when a turned scan was turned back."""

    segments: list[OcrSegment]
    tables: list[OcrTable] = field(default_factory=list)
    width: float = 0.0
    height: float = 0.0
    blank: bool = False  # nothing text-like on the page: tesseract was not run
    turned: int = 0  # degrees the scan was turned back
    skew: float = 0.0  # degrees of skew removed
    doubtful: bool = False  # looked turned or skewed and could not be straightened
    confidence: float = 0.0  # tesseract's mean word confidence (0–100); 0 when nothing was read
    words: int = 0


def scan_no_ocr_error(reason: str = "") -> UnreadableError:
    tail_ru = f" ({reason})" if reason else ""
    return UnreadableError(
        "scan_no_ocr",
        "PDF — скан без текстового слоя; для проверки установите tesseract-ocr-rus (OCR) "
        f"или пришлите файл с текстом{tail_ru}",
        "The PDF is a scan without a text layer: install tesseract-ocr-rus (OCR) or send a file with text"
        + (f" ({reason})" if reason else ""),
    )


def tesseract_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update({"OMP_THREAD_LIMIT": "1", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"})
    return env


@lru_cache(maxsize=1)
def tesseract_status() -> str | None:
    """None when `tesseract -l rus` can run, else a short Russian reason why not."""
    exe = shutil.which("tesseract")
    if exe is None:
        return "программа tesseract не установлена"
    try:
        out = subprocess.run(
            [exe, "--list-langs"], capture_output=True, text=True, timeout=20, env=tesseract_env(), check=False
        )
    except (OSError, subprocess.SubprocessError):
        return "программа tesseract не запускается"
    langs = {line.strip() for line in (out.stdout + out.stderr).splitlines()}
    if "rus" not in langs:
        return "для tesseract не установлен русский язык (пакет tesseract-ocr-rus)"
    return None


def _tsv_words(tsv: str) -> list[OcrWord]:
    """Tesseract TSV → its words (level 5) with pixel boxes."""
    words = []
    for row in tsv.splitlines()[1:]:
        parts = row.split("\t")
        if len(parts) < 12 or parts[0] != "5":
            continue
        text = parts[11].strip()
        if not text or not text.strip("|"):
            continue  # `|`: a remnant of a ruling line, not text
        try:
            key = (int(parts[2]), int(parts[3]), int(parts[4]))
            left, top, width, height = (int(v) for v in parts[6:10])
            conf = float(parts[10])
        except ValueError:
            continue
        words.append(OcrWord(text, left, top, width, height, key, conf))
    return words


def _segments(words: list[OcrWord], scale: float) -> list[OcrSegment]:
    """Words → lines. The font size is the median line height of the tesseract paragraph,
    so one short line without capitals or descenders does not look like a smaller font."""
    lines: dict[tuple[int, int, int], list[tuple[int, int, int, int, str]]] = {}
    for w in words:
        lines.setdefault(w.key, []).append((w.left, w.top, w.width, w.height, w.text))
    heights: dict[tuple[int, int], list[float]] = {}
    boxes: list[tuple[tuple[int, int], str, float, float, float, float]] = []
    for (block, par, _), line_words in lines.items():
        line_words.sort(key=lambda w: w[0])
        x0 = min(w[0] for w in line_words)
        x1 = max(w[0] + w[2] for w in line_words)
        top = min(w[1] for w in line_words)
        bottom = max(w[1] + w[3] for w in line_words)
        heights.setdefault((block, par), []).append(bottom - top)
        boxes.append(((block, par), " ".join(w[4] for w in line_words), x0, x1, top, bottom))
    out = []
    for key, text, x0, x1, top, bottom in boxes:
        hs = sorted(heights[key])
        size = hs[len(hs) // 2] / scale
        out.append(OcrSegment(text, x0 / scale, x1 / scale, top / scale, bottom / scale, max(size, 1.0)))
    out.sort(key=lambda s: (s.top, s.x0))
    return out


LOW_CONFIDENCE = 45.0  # mean word confidence of a page read upside down (a clean upright page: 80–95)


def _read_page(image: Path, rules: PageRules, scale: float, timeout: float, geo: Straightened) -> OcrPage:
    """OCR one straightened page; a page that reads as low-confidence garbage is asked about its
    orientation and, when it is upside down, read again turned by 180°."""
    words = _tsv_words(_run_tesseract(image, timeout))
    if len(words) >= 5 and _mean_confidence(words) < LOW_CONFIDENCE and not geo.turned:
        from PIL import Image

        raw = _unerased(image)
        with Image.open(raw if raw.exists() else image) as picture:
            picture.load()
        if orientation(picture, timeout) == 180:
            upright = picture.rotate(180)
            rules = _page_rules(upright, scale)
            if rules.grids:
                erase_lines(upright, rules.grids)
            upright.save(image)
            geo.turned = 180
            words = _tsv_words(_run_tesseract(image, timeout))
    page = _recognised(image, rules, scale, timeout, words)
    page.turned, page.skew, page.doubtful = geo.turned, geo.skew, geo.doubtful
    page.words = len(words)
    page.confidence = _mean_confidence(words) if words else 0.0
    return page


def _unerased(image: Path) -> Path:
    """Where the page is kept with its ruling lines, when they were erased for tesseract."""
    return image.with_name(image.stem + "-raw.png")


def _mean_confidence(words: list[OcrWord]) -> float:
    return sum(w.conf for w in words) / len(words)


def _recognised(image: Path, rules: PageRules, scale: float, timeout: float, words: list[OcrWord]) -> OcrPage:
    """Words inside ruled tables go to their cells, doubtful cells are read again on their own; the rest
    become lines of text."""
    words += underline_words(rules.underlines, words)
    if not rules.grids:
        return OcrPage(_segments(words, scale))
    try:
        per_cell, rest = assign(rules.grids, words)
        _recheck(image, rules.grids, per_cell, timeout)
        return OcrPage(_segments(rest, scale), build_tables(rules.grids, per_cell, scale))
    except Exception:  # the tables are lost, the page's text is not
        return OcrPage(_segments(words, scale))


def _recheck(image: Path, grids: list[Grid], per_cell: CellWords, timeout: float) -> None:
    from PIL import Image

    with Image.open(image) as page:
        page.load()
        again = doubtful(grids, per_cell, page)
        if not again:
            return
        sheet, placed = stack_cells(page, grids, again)
    stacked = image.with_name(image.stem + "-cells.png")
    sheet.save(stacked)
    # --psm 6: each stacked cell is a plain block of lines, no layout to analyse
    apply_recheck(per_cell, placed, _tsv_words(_run_tesseract(stacked, timeout, "6")))


def _run_tesseract(image: Path, timeout: float, psm: str = "3") -> str:
    exe = shutil.which("tesseract") or "tesseract"
    result = subprocess.run(
        [exe, str(image), "-", "-l", "rus", "--psm", psm, "tsv"],
        capture_output=True,
        timeout=timeout,
        env=tesseract_env(),
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(result.stderr.decode("utf-8", "replace")[:200])
    return result.stdout.decode("utf-8", "replace")


def ocr_pages(
    pdf: Any, pages: list[int], workers: int | None = None, timeout: float = PAGE_TIMEOUT
) -> tuple[dict[int, OcrPage], list[int]]:
    """OCR the given 0-based pages of an open pypdfium2 document.

    Returns (recognised pages, 1-based pages that failed)."""
    scale = RENDER_DPI / 72
    done: dict[int, OcrPage] = {}
    failed: list[int] = []
    with tempfile.TemporaryDirectory(prefix="checker-ocr-") as tmp:
        images: dict[int, Path] = {}
        rules: dict[int, PageRules] = {}
        geometry: dict[int, Straightened] = {}
        for i in pages:
            try:
                page = pdf[i]
                try:
                    bitmap = page.render(scale=scale, grayscale=True)
                    image = Path(tmp) / f"page{i + 1}.png"
                    geo = _straighten(bitmap.to_pil().copy())  # to_pil() may share the bitmap's buffer
                    bitmap.close()
                    pil = geo.image
                    if geo.blank:
                        done[i] = OcrPage([], width=pil.width / scale, height=pil.height / scale, blank=True)
                        continue
                    rules[i] = _page_rules(pil, scale)
                    if rules[i].grids:
                        pil.save(_unerased(image), compress_level=1)  # an upside-down page is ruled again
                        erase_lines(pil, rules[i].grids)
                    pil.save(image)
                finally:
                    page.close()
                images[i] = image
                geometry[i] = geo
            except Exception:  # a page that cannot be rendered is reported, the rest goes on
                failed.append(i + 1)
        jobs = max(1, min(workers or os.cpu_count() or 1, len(images) or 1))

        from PIL import Image

        def run(i: int, path: Path) -> OcrPage:
            page = _read_page(path, rules.get(i, PageRules()), scale, timeout, geometry[i])
            with Image.open(path) as picture:
                page.width, page.height = picture.width / scale, picture.height / scale
            return page

        with ThreadPoolExecutor(max_workers=jobs) as pool:
            futures = {i: pool.submit(run, i, image) for i, image in images.items()}
            for i, future in futures.items():
                try:
                    done[i] = future.result()
                except Exception:  # timeout, crash or a killed process: that page only
                    failed.append(i + 1)
    return done, sorted(failed)


def _straighten(image: Any) -> Straightened:
    """Upright and level; a failure here leaves the page as rendered, never loses it."""
    try:
        return straighten(image)
    except Exception:
        return Straightened(image, doubtful=True)


def _page_rules(image: Any, scale: float) -> PageRules:
    """Ruling lines of the page; a failure here only loses the tables, never the text."""
    try:
        return find_rules(image, scale)
    except Exception:
        return PageRules()
