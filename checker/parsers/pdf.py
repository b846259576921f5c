"""PDF: pypdfium2 for text and layout, pdfplumber for tables on the pages that draw them.

pypdfium2 is fast (≈1,000 pages/s) and reads text in content-stream order; pdfplumber is 50× slower,
so it only runs on pages with enough ruling lines to hold a table, and each of its pages is closed
at once (without that a 300-page file takes a gigabyte). Tables split across pages are stitched back,
and words that narrow cells broke (`Ответственны` / `й`) are rejoined.

Tables without ruling lines and stamps side by side show only as white space: a gap between the words of
a line much wider than its spaces, that recurs at the same place on neighbouring lines, is a column
boundary. It stays in the line's text as a tab (the layout passes rebuild tab-separated rows), such a
line is never run into a paragraph, and two approval stamps side by side are read column by column.
"""

from __future__ import annotations

import ctypes
import hashlib
import logging
import re
import statistics
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from itertools import pairwise, repeat
from pathlib import Path
from typing import Any

from checker.document import Block, Cell, Document, Location, Metadata, Row, Table, number_blocks
from checker.errors import UnreadableError
from checker.ocr import OCR_NOTE, OcrPage, OcrSegment, OcrSettings, ocr_pages, scan_no_ocr_error, tesseract_status
from checker.ocr_tables import OcrTable
from checker.parsers.headings import (
    heading_level,
    heading_reason,
    list_item_text,
    numbering_level,
    strip_artefacts,
)
from checker.parsers.pdf_glyphs import WORD_GAP, GlyphReader
from checker.parsers.text import join_wrapped, known_word

MAX_PDF_PAGES = 1000
SCANNED_CHARS_PER_PAGE = 20
TABLE_MIN_PATHS = 4  # ruling lines and cell rectangles are path objects
MAX_HASHED_IMAGE_BYTES = 20 * 1024 * 1024
MAX_ANNOTS_SCANNED = 500
POOR_OCR_CONFIDENCE = 70.0  # tesseract's mean word confidence; a clean 300 dpi scan reads at 85–95
# PDFium's annotation subtypes whose appearance shows text: FreeText 3, Stamp 13, Widget 20, XFA widget 27.
_TEXT_ANNOTS = frozenset({3, 13, 20, 27})

_FURNITURE_RE = re.compile(
    r"^(?:[-–—]?\s*\d{1,4}\s*[-–—]?|стр\.?\s*\d{1,4}(?:\s*из\s*\d{1,4})?|\d{1,4}\s*из\s*\d{1,4})$",
    re.IGNORECASE,
)
_SENTENCE_END = (".", "!", "?", ":", ";")
_WORD_START_RE = re.compile(r"[А-Яа-яЁёA-Za-z]+")
_WORD_END_RE = re.compile(r"[А-Яа-яЁёA-Za-z]+$")
_TOKEN_RE = re.compile(r"[A-Za-zА-Яа-яЁё]+(?:-[A-Za-zА-Яа-яЁё]+)*")
_STAMP_WORD = "ПРОЕКТ"
_BOLD_FONT_RE = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)


@dataclass
class _Line:
    page: int
    text: str
    x0: float
    x1: float
    top: float  # page coordinates from the top, like pdfplumber's
    bottom: float
    size: float
    bold: bool
    # The parts between wide gaps (columns of a borderless table, two stamps side by side), or None.
    cells: list[_Part] | None = None
    # The segments as drawn, when there are several: a table's row puts each in its column.
    segs: list[_Line] | None = None
    beside: bool = False  # a line of the right-hand block of two side by side


@dataclass
class _Part:
    text: str
    x0: float
    x1: float


@dataclass
class _FCell:
    text: str
    column: int  # 1-based grid column
    col_span: int = 1
    row_span: int = 1
    # The last line and the cell's right edge, to rejoin a word cut by the page break.
    last_line: _CellLine | None = None
    inner_right: float = 0.0


@dataclass
class _Frag:
    """A table as one page shows it."""

    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    ncols: int
    rows: list[list[_FCell]]
    row_pages: list[int] = field(default_factory=list)
    stitch: bool = True  # False: a block of its own (stamps side by side), never a table's continuation


def _encrypted() -> UnreadableError:
    return UnreadableError(
        "encrypted",
        "Файл PDF зашифрован паролем — пришлите копию без пароля",
        "The PDF is password-protected: send a copy without the password",
    )


def _open(path: Path) -> Any:
    import pypdfium2 as pdfium  # lazy: keeps start-up fast for other formats

    try:
        return pdfium.PdfDocument(str(path))  # no password: owner-only encryption opens fine
    except pdfium.PdfiumError as exc:
        # PDFium answers «password» for some broken files too: only a file with an /Encrypt entry is
        # encrypted; without one it is damaged.
        if "password" in str(exc).lower() and _declares_encryption(path):
            raise _encrypted() from None
        raise UnreadableError("corrupt", "Файл PDF повреждён и не читается", f"Corrupt PDF: {exc}") from None


def _declares_encryption(path: Path) -> bool:
    """An /Encrypt entry anywhere in the file (trailer or cross-reference stream dictionary; both are
    never compressed). The file is already under the size cap."""
    try:
        return b"/Encrypt" in path.read_bytes()
    except OSError:
        return True


def _pdf_date(value: str | None) -> datetime | None:
    """`D:20181011120000+03'00'` → an aware datetime (naive when the zone is missing)."""
    if not value:
        return None
    m = re.match(
        r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*([Zz+\-])?\s*(\d{2})?'?(\d{2})?'?",
        value.strip(),
    )
    if not m:
        return None
    year, month, day, hour, minute, second = (
        int(g) if g else d for g, d in zip(m.groups()[:6], (0, 1, 1, 0, 0, 0), strict=True)
    )
    try:
        dt = datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    sign = m.group(7)
    if sign in ("Z", "z"):
        return dt.replace(tzinfo=UTC)
    if sign in ("+", "-"):
        offset = timedelta(hours=int(m.group(8) or 0), minutes=int(m.group(9) or 0))
        return dt.replace(tzinfo=timezone(offset if sign == "+" else -offset))
    return dt


class _FontInfo:
    """Font size and boldness of one character, via the raw PDFium text API."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw
        self.buf = ctypes.create_string_buffer(128)
        self.flags = ctypes.c_int()
        self.text = _RawText(raw)
        self.glyphs = GlyphReader(raw)

    def of(self, textpage: Any, index: int | None) -> tuple[float, bool]:
        if index is None:
            return 0.0, False
        size = float(self.raw.FPDFText_GetFontSize(textpage.raw, index))
        weight = self.raw.FPDFText_GetFontWeight(textpage.raw, index)
        n = self.raw.FPDFText_GetFontInfo(textpage.raw, index, self.buf, len(self.buf), ctypes.byref(self.flags))
        name = self.buf.value.decode("latin-1", "replace") if n else ""
        return size, weight >= 600 or bool(_BOLD_FONT_RE.search(name))


class _RawText:
    """The per-rectangle calls of `_page_lines` straight to PDFium, with buffers reused across calls.

    pypdfium2's wrappers allocate on every call, and `get_text_bounded` asks PDFium twice (length,
    then text): each ask scans the whole page, and a page has ~50 rectangles. The results are the
    same as the wrappers' (`get_rect`, `get_text_bounded`, `get_index`, `get_charbox(loose=True)`)."""

    SIZE = 4096

    def __init__(self, raw: Any) -> None:
        self.raw = raw
        self.buf = (ctypes.c_ushort * self.SIZE)()
        self.left, self.bottom = ctypes.c_double(), ctypes.c_double()
        self.right, self.top = ctypes.c_double(), ctypes.c_double()
        self.rect = raw.FS_RECTF()

    def rect_of(self, tp: Any, k: int) -> tuple[float, float, float, float]:
        x0, y0, x1, y1 = self.left, self.bottom, self.right, self.top
        byref = ctypes.byref
        if not self.raw.FPDFText_GetRect(tp, k, byref(x0), byref(y1), byref(x1), byref(y0)):  # yes, ltrb
            raise RuntimeError("Failed to get rectangle")
        return x0.value, y0.value, x1.value, y1.value

    def text_in(self, textpage: Any, x0: float, y0: float, x1: float, y1: float) -> str:
        n = self.raw.FPDFText_GetBoundedText(textpage.raw, x0, y1, x1, y0, self.buf, self.SIZE)
        if n >= self.SIZE:  # may be cut short: let the wrapper size its own buffer
            return str(textpage.get_text_bounded(x0, y0, x1, y1))
        # With room to spare PDFium writes the terminating NUL and counts it.
        return ctypes.string_at(self.buf, 2 * max(n - 1, 0)).decode("utf-16-le", "ignore")

    def index_at(self, tp: Any, x: float, y: float) -> int | None:
        index = int(self.raw.FPDFText_GetCharIndexAtPos(tp, x, y, 2.0, 2.0))
        if index == -1:
            return None
        if index < 0:
            raise RuntimeError("An error occurred on attempt to get char index by pos")
        return index

    def loose_box(self, tp: Any, index: int) -> tuple[float, float]:
        rect = self.rect
        if not self.raw.FPDFText_GetLooseCharBox(tp, index, ctypes.byref(rect)):
            raise RuntimeError("Failed to get charbox")
        return rect.bottom, rect.top


def _rows(segments: list[Any]) -> list[list[Any]]:
    """Segments sorted by (top, x0) grouped into visual rows by their vertical centre, each row left to right.
    Shared by the text layer and OCR, so both build lines the same way."""
    rows: list[list[Any]] = []
    for seg in segments:
        centre = (seg.top + seg.bottom) / 2
        for row in reversed(rows[-3:]):
            if row[0].top - 1 <= centre <= row[0].bottom + 1:
                row.append(seg)
                break
        else:
            rows.append([seg])
    for row in rows:
        row.sort(key=lambda s: s.x0)
    return rows


def _line(parts: list[Any], page_no: int, text: str, bold: bool) -> _Line:
    return _Line(
        page=page_no,
        text=text,
        x0=parts[0].x0,
        x1=max(p.x1 for p in parts),
        top=min(p.top for p in parts),
        bottom=max(p.bottom for p in parts),
        size=max(p.size for p in parts),
        bold=bold,
    )


def _page_lines(
    textpage: Any, page_no: int, height: float, fonts: _FontInfo, turn: tuple[int, float, float] | None = None
) -> tuple[list[_Line], bool]:
    """Text segments, grouped into visual lines, top to bottom: runs read glyph by glyph, or PDFium's
    rectangles on a page whose text runs vertically. `turn` (a turned page's /Rotate, its unrotated
    width and height) lets a page whose text runs vertically be read as displayed (a landscape page
    drawn turned so that it shows upright, as pdfplumber reads its tables): then the second result is
    True and the lines are measured from the top of the displayed page, `turn[1]` high."""
    runs = fonts.glyphs.runs(textpage)
    turned = False
    if runs is None and turn is not None:
        runs = fonts.glyphs.runs(textpage, turn)
        turned = runs is not None
        height = turn[1] if turned else height
    if runs is None:
        return _lines_of(_rect_segments(textpage, page_no, height, fonts), page_no, glyphs=False), False
    segs: list[_Line] = []
    for run in runs:
        size, bold = fonts.of(textpage, run.first)
        top, bottom = height - run.top, height - run.bottom
        segs.append(_Line(page_no, run.text, run.x0, run.x1, top, bottom, size or (bottom - top), bold))
    return _lines_of(segs, page_no, glyphs=True), turned


def _rect_segments(textpage: Any, page_no: int, height: float, fonts: _FontInfo) -> list[_Line]:
    """Text segments from PDFium's rectangles (the runs of one text object) and the text they bound."""
    segs: list[_Line] = []
    calls = fonts.text
    tp = textpage.raw
    for k in range(textpage.count_rects()):
        x0, y0, x1, y1 = calls.rect_of(tp, k)
        text = calls.text_in(textpage, x0, y0, x1, y1)
        text = text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ").replace("\x02", "-")
        if not text.strip():
            continue
        index = calls.index_at(tp, x0 + min(1.0, (x1 - x0) / 2), (y0 + y1) / 2)
        size, bold = fonts.of(textpage, index)
        top, bottom = height - y1, height - y0
        if index is not None:
            # The loose box follows the font, not the glyphs: steadier line positions.
            ly0, ly1 = calls.loose_box(tp, index)
            if ly1 > ly0:
                top, bottom = min(top, height - ly1), max(bottom, height - ly0)
        segs.append(_Line(page_no, text, x0, x1, top, bottom, size or (y1 - y0), bold))
    return segs


def _lines_of(segs: list[_Line], page_no: int, glyphs: bool) -> list[_Line]:
    """Segments grouped into visual lines, top to bottom, a column gap kept as a cell boundary. A segment
    several lines tall (a watermark's letters, a big initial) is a line of its own: as a row's first
    segment it would take in every line beside it."""
    segs.sort(key=lambda s: (s.top, s.x0))
    out: list[_Line] = []
    rows = _rows(segs)
    if len(segs) >= 3:
        heights = sorted(s.bottom - s.top for s in segs)
        tall = 3 * heights[len(heights) // 2]
        if heights[-1] > tall:
            rows = [[s] for s in segs if s.bottom - s.top > tall] + _rows([s for s in segs if s.bottom - s.top <= tall])
    for parts in rows:
        wide = _wide_gaps(parts) if len(parts) > 1 else []
        if not wide:
            text = _joined(parts, glyphs)
            if text:
                line = _line(parts, page_no, text, bold=all(p.bold for p in parts))
                if len(parts) > 1:
                    line.segs = parts
                out.append(line)
            continue
        cells = []
        for a, b in pairwise([0, *wide, len(parts)]):
            text = _joined(parts[a:b], glyphs)
            if text:
                cells.append(_Part(text, parts[a].x0, max(p.x1 for p in parts[a:b])))
        if cells:
            line = _line(parts, page_no, " ".join(c.text for c in cells), bold=all(p.bold for p in parts))
            line.cells = cells if len(cells) > 1 else None
            line.segs = parts
            out.append(line)
    out.sort(key=lambda ln: ln.top)
    if any(ln.cells for ln in out):
        _confirm_columns(out)
    return out


def _joined(parts: list[_Line], glyphs: bool = False) -> str:
    """The text of segments on one visual line, a space where they stand apart (runs read glyph by
    glyph stand apart as their words do)."""
    text = parts[0].text
    for prev, seg in pairwise(parts):
        gap = seg.x0 - prev.x1
        if glyphs:
            # apart by a word gap, or drawn over each other (lines of one row overlapping, not a kern)
            height = prev.bottom - prev.top
            sep = " " if (gap > WORD_GAP * height or gap < -0.3 * height) and not text.endswith(" ") else ""
            text = text + sep + seg.text
            continue
        if gap < -0.3:
            # Overlapping rectangles (a kerned pair drawn as two runs): PDFium's bounded text gives
            # each the other's edge glyphs too («Yo» + «Your»); keep the shared part once.
            if not text.endswith(seg.text):  # the same run drawn twice (a shadow, fake bold): once
                text += seg.text[_shared(text, seg.text) :]
            continue
        sep = " " if gap > 0.25 * max(prev.size, 1.0) and not text.endswith(" ") else ""
        text = text + sep + seg.text
    return " ".join(strip_artefacts(text).split())


# A column gap: wider than WIDE_GAP_EM font sizes and WIDE_GAP_SPACES times the line's own word gaps
# (justified text stretches its spaces, evenly along a line).
WIDE_GAP_EM = 1.2
WIDE_GAP_SPACES = 2.5
_ALIGN_EM = 0.8  # column starts of neighbouring lines this close (in font sizes) are one column
_SPACE_EM = 0.6  # gaps up to this are word spaces, justified ones included
_EVEN_GAPS_EM = 0.15  # gaps this close to each other on one line are one stretched space
_ALIGN_ROWS = 3  # lines above and below where an aligned column start confirms a gap


def _wide_gaps(parts: list[_Line]) -> list[int]:
    """Indexes of the segments that follow a column-wide gap on one visual line."""
    size = max(max(p.size for p in parts), 1.0)
    gaps = [b.x0 - a.x1 for a, b in pairwise(parts)]
    limit = WIDE_GAP_EM * size
    if not any(g > limit for g in gaps):
        return []
    if len(gaps) >= 2 and max(gaps) - min(gaps) < _EVEN_GAPS_EM * size:
        return []  # one stretch between every two words: a justified line drawn word by word
    small = sorted(g for g in gaps if 0 < g <= _SPACE_EM * size)
    space = small[len(small) // 2] if small else 0.3 * size
    limit = max(limit, WIDE_GAP_SPACES * space)
    return [k + 1 for k, g in enumerate(gaps) if g > limit]


def _aligned(a: _Part | _Line, b: _Part | _Line, tol: float) -> bool:
    return abs(a.x0 - b.x0) <= tol or abs(a.x1 - b.x1) <= tol or abs(a.x0 + a.x1 - b.x0 - b.x1) <= 2 * tol


def _confirm_columns(lines: list[_Line]) -> None:
    """Keep a wide gap as a column boundary (a tab in the text) only where a neighbouring line has a
    column starting at the same place: a gap of one line alone (a stretched justified line, a
    spaced-out title) is an ordinary space."""
    left_edge = min(ln.x0 for ln in lines)
    for i, ln in enumerate(lines):
        if not ln.cells:
            continue
        tol = _ALIGN_EM * max(ln.size, 1.0)
        near = [
            other
            for other in lines[max(0, i - _ALIGN_ROWS) : i + _ALIGN_ROWS + 1]
            if other is not ln and abs(other.top - ln.top) < 8 * max(ln.size, 1.0)
        ]
        kept = [ln.cells[0]]
        for cell in ln.cells[1:]:
            confirmed = False
            for other in near:
                if other.cells:
                    confirmed = any(_aligned(cell, c, tol) for c in other.cells[1:])
                else:
                    # a line of one column only (a stamp's line that the other column does not have)
                    confirmed = abs(other.x0 - cell.x0) <= tol and cell.x0 - left_edge > 5 * tol
                if confirmed:
                    break
            if confirmed or (cell is ln.cells[-1] and cell.text == _STAMP_WORD):
                kept.append(cell)  # aligned with a column of the lines around, or the «ПРОЕКТ» stamp
            else:
                prev = kept[-1]
                kept[-1] = _Part(f"{prev.text} {cell.text}", prev.x0, cell.x1)
        ln.cells = kept if len(kept) > 1 else None
        ln.text = "\t".join(c.text for c in kept)


# --- columns: borderless tables and stamps side by side ------------------------------------------


_MAX_STAMP_LINES = 12  # lines of one stamp column


def _columns(lines: list[_Line], page_no: int, vocab: set[str]) -> tuple[list[_Line], list[_Frag]]:
    """Lines with column gaps, read as what they are: two stamps side by side («СОГЛАСОВАНО | УТВЕРЖДАЮ»)
    become a two-column table of one row (each column's lines in order, so no line goes to the other
    signer), and the rows of a borderless table get their wrapped lines back (one line per row, a tab
    between cells)."""
    out: list[_Line] = []
    frags: list[_Frag] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.cells is None:
            out.append(ln)
            i += 1
            continue
        stamp = _stamp_region(lines, i, page_no, vocab) if len(ln.cells) == 2 else None
        if stamp is not None:
            last, frag = stamp
            frags.append(frag)
            i = last + 1
            continue
        side = _side_by_side(lines, i)
        if side is not None:
            last, columns = side
            out.extend(columns)
            i = last + 1
            continue
        last = _table_run(lines, i, vocab)
        out.extend(ln for ln in lines[i : last + 1] if ln.text)
        i = last + 1
    return out, frags


def _side_by_side(lines: list[_Line], i: int) -> tuple[int, list[_Line]] | None:
    """Two blocks of text side by side (a letterhead and its addressee): lines of two columns where the
    right column's text runs on from line to line (each of its later lines starts with a small letter),
    as no table's cells do. The left column's lines come first, then the right column's, as lines of
    their own."""
    head = lines[i]
    if head.cells is None or len(head.cells) != 2:
        return None
    size = max(head.size, 1.0)
    tol = _ALIGN_EM * size
    last = i
    while (
        last + 1 < len(lines)
        and (nxt := lines[last + 1]).cells is not None
        and len(nxt.cells) == 2
        and abs(nxt.cells[1].x0 - head.cells[1].x0) <= tol
        and nxt.top - lines[last].bottom <= 1.2 * size
        and nxt.cells[1].text[:1].islower()
    ):
        last += 1
    if last == i:
        return None
    region = lines[i : last + 1]
    left, right = [], []
    for ln in region:
        assert ln.cells is not None
        a, b = ln.cells
        left.append(_Line(ln.page, a.text, a.x0, a.x1, ln.top, ln.bottom, ln.size, ln.bold))
        right.append(_Line(ln.page, b.text, b.x0, b.x1, ln.top, ln.bottom, ln.size, ln.bold, beside=True))
    # the right column's lines follow the left column's, before whatever comes below the two
    for k, ln in enumerate(right, start=1):
        height = ln.bottom - ln.top
        ln.top = region[-1].top + 0.01 * k
        ln.bottom = ln.top + height
    return last, left + right


def _column_text(texts: list[str], vocab: set[str]) -> str:
    """A stamp column's lines: a line that starts with a small letter continues the one above."""
    text = texts[0]
    for nxt in texts[1:]:
        text = join_wrapped(text, nxt, vocab) if nxt[:1].islower() else f"{text}\n{nxt}"
    return text


def _stamp_region(lines: list[_Line], i: int, page_no: int, vocab: set[str]) -> tuple[int, _Frag] | None:
    """A line with two approval markers in two columns, and the lines of both columns below it."""
    from checker.layout.approval import MARKER_AT_START, closes_stamp, ends_stamp

    head = lines[i]
    assert head.cells is not None
    left, right = head.cells
    if not (MARKER_AT_START.match(left.text) and MARKER_AT_START.match(right.text)):
        return None
    size = max(head.size, 1.0)
    gutter = right.x0 - _ALIGN_EM * size
    columns: list[list[str]] = [[left.text], [right.text]]
    closed = [False, False]
    last, bottom = i, head.bottom
    for j in range(i + 1, min(len(lines), i + 1 + 2 * _MAX_STAMP_LINES)):
        ln = lines[j]
        if ln.top - bottom > 2.5 * size or all(closed) or ends_stamp(ln.text.replace("\t", " ")):
            break
        if ln.cells is not None:
            if len(ln.cells) != 2 or ln.cells[0].x1 > gutter or ln.cells[1].x0 < gutter:
                break
            parts = [(0, ln.cells[0].text), (1, ln.cells[1].text)]
        elif ln.x1 <= gutter:
            parts = [(0, ln.text)]
        elif ln.x0 >= gutter:
            parts = [(1, ln.text)]
        else:
            break  # a line across both columns: the stamps are over
        if any(closed[c] for c, _ in parts) or any(len(columns[c]) >= _MAX_STAMP_LINES for c, _ in parts):
            break
        for c, text in parts:
            columns[c].append(text)
            closed[c] = closes_stamp(text)
        last, bottom = j, ln.bottom
    if last == i:
        return None
    region = lines[i : last + 1]
    cells = [_FCell(_column_text(texts, vocab), k + 1) for k, texts in enumerate(columns)]
    frag = _Frag(
        page_no, head.top, bottom, min(ln.x0 for ln in region), max(ln.x1 for ln in region), 2, [cells], [page_no]
    )
    frag.stitch = False
    return last, frag


def _table_run(lines: list[_Line], i: int, vocab: set[str]) -> int:
    """Lines i.. of a borderless table: every row's cells under the columns of its widest line, a wrapped
    line (it starts right of the first column) joined to its row, emptied; returns the run's last line.
    A line in the first column between two rows (a section title across the table) stays as it is."""
    run = [i]
    j = i + 1
    while j < len(lines):
        prev, ln = lines[run[-1]], lines[j]
        size = max(prev.size, 1.0)
        if ln.top - prev.bottom > 2.5 * size:
            break
        before_row = j + 1 < len(lines) and lines[j + 1].cells is not None
        if ln.cells is None and not before_row and ln.x0 < lines[i].cells[1].x0 - _ALIGN_EM * size:  # type: ignore[index]
            break  # running text again
        run.append(j)
        j += 1
    widest = max((lines[k] for k in run if lines[k].cells), key=lambda ln: len(ln.cells or []))
    anchors = widest.cells or []
    tol = _ALIGN_EM * max(widest.size, 1.0)
    bounds = [(a.x1 + b.x0) / 2 for a, b in pairwise(anchors)]  # the middle of each gap between columns

    def column(part: _Part | _Line) -> int:
        return bisect_right(bounds, part.x0 + tol)

    row: tuple[_Line, list[str]] | None = None
    for k in run:
        ln = lines[k]
        parts: list[_Part] = ln.cells or [_Part(ln.text, ln.x0, ln.x1)]
        if ln.segs and len(ln.segs) > len(parts):
            # segments closer than a column gap may still stand in two columns
            parts = _by_column(ln.segs, column)
        gap = ln.top - row[0].bottom if row is not None else 0.0
        size = max(ln.size, 1.0)
        if (
            row is not None
            and column(parts[0]) > 0
            and gap <= 1.6 * size
            and (len(parts) < len(anchors) - 1 or gap <= 0.35 * size)
        ):
            # a wrapped line of the row above (a few cells, or as close as a line in a cell): its parts
            # go to their columns; a nearly full line set apart is a row without its first cell
            owner, texts = row
            for part in parts:
                c = column(part)
                texts[c] = join_wrapped(texts[c], part.text, vocab)
            owner.bottom = ln.bottom
            owner.text = "\t".join(texts).rstrip("\t")
            ln.text = ""
            continue
        if ln.cells is None:
            row = None  # a section title: the next row starts afresh
            continue
        texts = [""] * len(anchors)
        full = len(parts) == len(anchors)  # a cell in every column: each in its own, centred or not
        for k, part in enumerate(parts):
            c = k if full else column(part)
            texts[c] = f"{texts[c]} {part.text}".strip()
        ln.text = "\t".join(texts).rstrip("\t")
        row = (ln, texts)
    return run[-1]


def _by_column(segs: list[_Line], column: Callable[[_Part | _Line], int]) -> list[_Part]:
    """Segments of one line joined within each column (a space where they stand apart: a word drawn
    as two runs stays one word)."""
    out: list[_Part] = []
    last = -1
    for prev_seg, seg in zip([None, *segs], segs, strict=False):
        c = column(seg)
        if out and c == last:
            prev = out[-1]
            apart = prev_seg is None or seg.x0 - prev_seg.x1 > WORD_GAP * (prev_seg.bottom - prev_seg.top)
            out[-1] = _Part(prev.text + (" " if apart else "") + seg.text, prev.x0, seg.x1)
        else:
            out.append(_Part(seg.text, seg.x0, seg.x1))
        last = c
    return [_Part(" ".join(strip_artefacts(p.text).split()), p.x0, p.x1) for p in out if p.text.strip()]


def _has_text_annotations(page: Any, raw: Any) -> bool:
    """Form fields, FreeText comments, stamps and signatures show text only in their appearance
    streams, outside the page's text layer. Links and highlights carry none."""
    count = raw.FPDFPage_GetAnnotCount(page.raw)
    for k in range(min(count, MAX_ANNOTS_SCANNED)):
        annot = raw.FPDFPage_GetAnnot(page.raw, k)
        if not annot:
            continue
        try:
            if raw.FPDFAnnot_GetSubtype(annot) in _TEXT_ANNOTS:
                return True
        finally:
            raw.FPDFPage_CloseAnnot(annot)
    return False


def _flattened(pdf: Any, page: Any, index: int, raw: Any) -> Any:
    """The page with its annotations' appearances merged into the content (in memory only), reloaded,
    so the text layer reads them where they are shown, as `pdftotext` does."""
    result = raw.FPDFPage_Flatten(page.raw, raw.FLAT_NORMALDISPLAY)
    if result != raw.FLATTEN_SUCCESS:
        return page
    page.close()
    return pdf[index]


def _shared(left: str, right: str) -> int:
    """The length of the longest end of `left` that `right` starts with (at most 8 glyphs)."""
    for k in range(min(8, len(left), len(right)), 0, -1):
        if left.endswith(right[:k]):
            return k
    return 0


def _page_objects(page: Any, raw: Any) -> tuple[int, int, list[str]]:
    """Drawn paths (a table is likely), images and their hashes, in one walk over the page objects and
    the forms they hold (three levels deep). Raw PDFium calls: pypdfium2's `get_objects` wraps every
    object of the page, text ones too, in a Python object first (≈ 0.3 ms a page)."""
    found = [0, 0]  # paths, images
    hashes: list[str] = []
    path_type, image_type, form_type = raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_FORM

    def walk(objects: Iterable[Any], depth: int) -> None:
        for obj in objects:
            kind = raw.FPDFPageObj_GetType(obj) if obj else None
            if kind == path_type:
                found[0] += 1
            elif kind == image_type:
                found[1] += 1
                size = raw.FPDFImageObj_GetImageDataRaw(obj, None, 0)
                if 0 < size <= MAX_HASHED_IMAGE_BYTES:
                    data = (ctypes.c_ubyte * size)()
                    if raw.FPDFImageObj_GetImageDataRaw(obj, data, size) == size:
                        hashes.append(hashlib.sha256(bytes(data)).hexdigest())
            elif kind == form_type and depth < 2:
                count = raw.FPDFFormObj_CountObjects(obj)
                walk(map(raw.FPDFFormObj_GetObject, repeat(obj, max(count, 0)), range(count)), depth + 1)

    count = raw.FPDFPage_CountObjects(page.raw)
    walk(map(raw.FPDFPage_GetObject, repeat(page.raw, max(count, 0)), range(count)), 0)
    return found[0], found[1], hashes


# --- tables ----------------------------------------------------------------------------------------


def _cluster_lines(chars: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    chars = sorted(chars, key=lambda c: (c["top"], c["x0"]))
    lines: list[list[dict[str, Any]]] = []
    for ch in chars:
        if lines and abs(ch["top"] - lines[-1][0]["top"]) <= 3:
            lines[-1].append(ch)
        else:
            lines.append([ch])
    for line in lines:
        line.sort(key=lambda c: c["x0"])
    return lines


@dataclass
class _CellLine:
    text: str
    x1: float
    char_width: float


def _letter_spacing(line: list[dict[str, Any]]) -> float:
    """The extra space a letter-spaced line puts between every two characters («0 3 / 2 5 / 2 0 1 6»
    drawn with character spacing), or 0: the median gap between neighbouring glyphs when it is wide."""
    gaps = sorted(b["x0"] - a["x1"] for a, b in pairwise(line) if a["text"].strip() and b["text"].strip())
    if len(gaps) < 3:
        return 0.0
    median = gaps[len(gaps) // 2]
    size = max(line[0].get("size", 10.0), 1.0)
    return median if median > 0.12 * size else 0.0


def _cell_lines(chars: list[dict[str, Any]], undecoded: list[int] | None = None) -> list[_CellLine]:
    """A cell's glyphs as lines of text. A glyph drawn again over itself (fake bold: «项项目目») is read
    once, and a space character that overlaps the glyph beside it is no space (a row padded with spaces
    that run on under the next cells reads «0 7 / 0 1 / 2 0 1 5»). A glyph its font maps to no
    character (pdfminer writes «(cid:NN)») is no text: it is left out and counted in `undecoded[0]`."""
    out = []
    for line in _cluster_lines(chars):
        text = ""
        prev = None  # the glyph before, space or not
        shown = None  # the last visible glyph kept
        spacing = _letter_spacing(line)
        last = len(line) - 1
        for j, ch in enumerate(line):
            t = ch["text"]
            if t.isspace():
                middle = (ch["x0"] + ch["x1"]) / 2
                if (shown is not None and shown["x1"] > middle) or (
                    j < last and line[j + 1]["x0"] < middle and not line[j + 1]["text"].isspace()
                ):
                    continue
            elif (
                shown is not None
                and t == shown["text"]
                and abs(ch["x0"] - shown["x0"]) < 0.3 * max(ch["x1"] - ch["x0"], 0.1)
            ):
                continue
            elif len(t) > 1 and t.startswith("(cid:"):
                if undecoded is not None:
                    undecoded[0] += 1
                continue
            else:
                shown = ch
            gap = ch["x0"] - prev["x1"] if prev is not None else 0.0
            if t != " " and not text.endswith(" ") and gap - spacing > 0.25 * max(ch.get("size", 10.0), 1.0):
                text += " "
            if t != " " or not text.endswith(" "):
                text += t
            prev = ch
        visible = [c for c in line if c["text"].strip()]
        if not visible:
            continue
        width = sum(c["x1"] - c["x0"] for c in visible) / len(visible)
        out.append(_CellLine(text.rstrip(), max(c["x1"] for c in visible), width))
    return out


_COMMON_SHORT = {
    "и", "в", "во", "с", "со", "к", "ко", "о", "об", "у", "на", "по", "за", "до", "от", "из", "не", "но", "а",
    "же", "ли", "бы", "при", "для", "без", "под", "над", "или", "их", "его", "её", "ее", "как", "что", "то",
}  # fmt: skip


def _midword(prev: _CellLine | None, nxt: str, inner_right: float, vocab: set[str]) -> bool:
    """Did a narrow cell break a word (`Ответственны` / `й`) rather than wrap at a space?

    Decided by the document's own words (`vocab`: words seen inside lines, where no break can cut
    them), then by the dictionary, then by the fragment's shape and the layout."""
    if prev is None:
        return False
    p = prev.text.strip()
    if not p or not nxt or " " in p or not p[-1].isalpha() or not nxt[0].isalpha():
        return False
    head = _WORD_END_RE.search(p)
    m = _WORD_START_RE.match(nxt)
    if not head or not m:
        return False
    a, b = head.group(0), m.group(0)
    if not (b.islower() or (a.isupper() and b.isupper())):
        return False  # `Срок` / `Исполнения`: a new word starts with a capital
    whole = (a + b).lower()
    if whole in vocab:
        return True
    known_whole = known_word(whole)
    if known_whole is not None:
        known_a, known_b = known_word(a), known_word(b)
        if known_whole and not (known_a and known_b):
            return True  # `Общеобразова` + `тельные`, `ВЕРТИКАЛЬН` + `О`
        if not known_whole and known_a and known_b:
            return False  # two dictionary words: `Наименование` / `мероприятия`
    if b.lower() in _COMMON_SHORT:
        return False
    if b[0].lower() in "ьъый":
        return True  # no Russian word starts so
    if b.lower() in vocab:
        return False
    if len(b) <= 3:
        return True  # `щих`, `ых`: a tail, not a word
    if len(b) >= 6:
        return False
    return prev.x1 >= inner_right - 1.5 * prev.char_width  # the fragment filled the cell


def _join_cell(lines: list[_CellLine], inner_right: float, vocab: set[str]) -> str:
    """Cell text with wrapped lines joined."""
    if not lines:
        return ""
    text = lines[0].text.strip()
    for prev, cur in pairwise(lines):
        nxt = cur.text.strip()
        if _midword(prev, nxt, inner_right, vocab):
            text += nxt
        else:
            text = join_wrapped(text, nxt, vocab)
    return text


def _page_tables(
    ppage: Any, page_no: int, vocab: set[str], undecoded: list[int], segs: list[_Line] | None = None
) -> list[_Frag]:
    """The tables pdfplumber finds on the page, cell by cell; `undecoded[0]` counts the glyphs left out
    because their font maps them to no character. A table whose text pdfminer mostly cannot decode (a
    broken ToUnicode map, glyphs without one) takes its cells' text from PDFium's segments `segs`."""
    frags: list[_Frag] = []
    found = ppage.find_tables()
    if not found:
        return frags
    boxes = [tb.bbox for tb in found]
    # a frame around other tables (a page border, a box of several tables): the inner ones are read
    found = [tb for tb in found if not any(b != tb.bbox and _holds(tb.bbox, b) for b in boxes)]
    all_chars = [c for c in ppage.chars if c.get("upright", True)]
    for tb in found:
        rows = tb.rows
        ncells = sum(1 for r in rows for c in r.cells if c)
        if ncells < 2:
            continue  # a framed paragraph, not a table: its text stays in the body
        x0, top, x1, bottom = tb.bbox
        xs = sorted({round(c[0], 1) for r in rows for c in r.cells if c})
        tops = [round(r.bbox[1], 1) for r in rows]
        grid: dict[tuple[int, int], int] = {}
        cells: list[tuple[int, int, tuple[float, float, float, float], int, int]] = []
        for ri, r in enumerate(rows):
            for ci, bbox in enumerate(r.cells):
                if not bbox:
                    continue
                col_end = max(ci, bisect_right(xs, bbox[2] - 1.0) - 1)
                row_end = max(ri, bisect_right(tops, bbox[3] - 1.0) - 1)
                cid = len(cells)
                cells.append((ri, ci, bbox, col_end - ci + 1, row_end - ri + 1))
                for rr in range(ri, row_end + 1):
                    for cc in range(ci, col_end + 1):
                        grid.setdefault((rr, cc), cid)
        per_cell: dict[int, list[dict[str, Any]]] = {}
        for ch in all_chars:
            cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
            if not (x0 <= cx <= x1 and top <= cy <= bottom):
                continue
            cid = grid.get((bisect_right(tops, cy) - 1, bisect_right(xs, cx) - 1))
            if cid is not None:
                per_cell.setdefault(cid, []).append(ch)
        lines_of = {key: _cell_lines(chs, undecoded) for key, chs in per_cell.items()}
        if segs:

            def cell_at(x: float, y: float, grid: Any = grid, tops: Any = tops, xs: Any = xs) -> int | None:
                return grid.get((bisect_right(tops, y) - 1, bisect_right(xs, x) - 1))

            lines_of = _decoded_by_pdfium(lines_of, segs, tb.bbox, cell_at)
        out_rows: list[list[_FCell]] = [[] for _ in rows]
        for cid, (ri, ci, bbox, cspan, rspan) in enumerate(cells):
            chs = per_cell.get(cid, [])
            pad = min((c["x0"] for c in chs), default=bbox[0] + 3) - bbox[0]
            pad = pad if 0 <= pad <= (bbox[2] - bbox[0]) / 3 else 3.0
            lines = lines_of.get(cid, [])
            text = _join_cell(lines, bbox[2] - pad, vocab)
            out_rows[ri].append(
                _FCell(
                    strip_artefacts(text),
                    ci + 1,
                    cspan,
                    rspan,
                    lines[-1] if lines else None,
                    bbox[2] - pad,
                )
            )
        for ri in range(len(rows)):
            for ci in range(len(xs)):
                if (ri, ci) not in grid:
                    out_rows[ri].append(_FCell("", ci + 1))  # nothing drawn there: an empty cell
            out_rows[ri].sort(key=lambda c: c.column)
        frags.append(_Frag(page_no, top, bottom, x0, x1, len(xs), out_rows, [page_no] * len(out_rows)))
    return frags


def _holds(outer: tuple[float, float, float, float], inner: tuple[float, float, float, float]) -> bool:
    return (
        outer[0] - 1 <= inner[0] and outer[1] - 1 <= inner[1] and inner[2] <= outer[2] + 1 and inner[3] <= outer[3] + 1
    )


def _glyphs(text: str) -> int:
    return len(text) - text.count(" ")


def _decoded_by_pdfium(
    lines_of: dict[int, list[_CellLine]],
    segs: list[_Line],
    bbox: tuple[float, float, float, float],
    cell_at: Callable[[float, float], int | None],
) -> dict[int, list[_CellLine]]:
    """The cells' lines from PDFium's segments when pdfminer read less than half of the table's glyphs."""
    x0, top, x1, bottom = bbox
    inside: dict[int, list[_Line]] = {}
    for seg in segs:
        cx, cy = (seg.x0 + seg.x1) / 2, (seg.top + seg.bottom) / 2
        if x0 <= cx <= x1 and top <= cy <= bottom and (key := cell_at(cx, cy)) is not None:
            inside.setdefault(key, []).append(seg)
    theirs = sum(_glyphs(seg.text) for parts in inside.values() for seg in parts)
    ours = sum(_glyphs(ln.text) for lines in lines_of.values() for ln in lines)
    if theirs < 10 or ours * 2 >= theirs:
        return lines_of
    out: dict[int, list[_CellLine]] = {}
    for key, parts in inside.items():
        lines = []
        for row in _rows(sorted(parts, key=lambda s: (s.top, s.x0))):
            text = _joined(row, glyphs=True)
            right = max(s.x1 for s in row)
            lines.append(_CellLine(text, right, (right - row[0].x0) / max(len(text), 1)))
        out[key] = lines
    return out


def _stitch(prev: _Frag, nxt: _Frag, vocab: set[str]) -> None:
    """Append a continuation fragment: drop a repeated header row, finish a row cut by the page break."""
    rows = nxt.rows
    pages = nxt.row_pages
    if rows and prev.rows and [c.text for c in rows[0]] == [c.text for c in prev.rows[0]]:
        rows, pages = rows[1:], pages[1:]
    if rows and prev.rows and (not rows[0] or not rows[0][0].text.strip()):
        for cell in rows[0]:
            # The cell above: in the last row, or a vertically merged one from an earlier row.
            target = next(
                (c for row in reversed(prev.rows) for c in row if c.column <= cell.column < c.column + c.col_span),
                None,
            )
            if target is None:
                continue
            if cell.row_span > 1:
                target.row_span += cell.row_span - 1  # a merged cell that goes on past the break
            if not cell.text:
                continue
            if _midword(target.last_line, cell.text, target.inner_right, vocab):
                target.text += cell.text
            else:
                target.text = join_wrapped(target.text, cell.text, vocab)
            target.last_line = cell.last_line
        rows, pages = rows[1:], pages[1:]
    prev.rows.extend(rows)
    prev.row_pages.extend(pages)
    prev.bottom = nxt.bottom
    prev.page = nxt.page


def _table_block(frag: _Frag, first_page: int) -> Block:
    table = Table(page_start=first_page, page_end=frag.row_pages[-1] if frag.row_pages else first_page)
    for r, (cells, page) in enumerate(zip(frag.rows, frag.row_pages, strict=True), start=1):
        table.rows.append(
            Row(
                cells=[
                    Cell(
                        text=c.text,
                        location=Location(page=page, row=r, column=c.column),
                        col_span=c.col_span,
                        row_span=c.row_span,
                    )
                    for c in cells
                ],
                location=Location(page=page, row=r),
            )
        )
    text = "\n".join(" | ".join(" ".join(t.split()) for t in row.texts) for row in table.rows)
    return Block(kind="table", text=text, location=Location(page=first_page), table=table)


# --- paragraphs --------------------------------------------------------------------------------------


@dataclass
class _Layout:
    left: float
    right: float
    body_size: float
    pitch_ratio: float  # baseline distance / font size inside a paragraph

    @property
    def width(self) -> float:
        return max(self.right - self.left, 1.0)

    def centred(self, line: _Line) -> bool:
        centre = (self.left + self.right) / 2
        mid = (line.x0 + line.x1) / 2
        return abs(mid - centre) < 0.05 * self.width and line.x0 > self.left + 0.1 * self.width


def _layout(lines: list[_Line]) -> _Layout:
    if not lines:
        return _Layout(0.0, 1.0, 12.0, 1.2)
    lefts = sorted(ln.x0 for ln in lines)
    rights = sorted(ln.x1 for ln in lines)
    left = lefts[len(lefts) // 20]
    right = rights[len(rights) * 19 // 20 - (1 if len(rights) >= 20 else 0)]
    sizes: list[float] = []
    for ln in lines:
        sizes.extend([round(ln.size, 1)] * max(1, len(ln.text)))
    body = statistics.median(sizes) if sizes else 12.0
    ratios = [
        (b.bottom - a.bottom) / max(a.size, 1.0)
        for a, b in pairwise(lines)
        if a.page == b.page and abs(a.size - b.size) < 0.5 and b.bottom > a.bottom
    ]
    ratio = statistics.median(ratios) if ratios else 1.2
    return _Layout(left, right, body or 12.0, ratio)


def _breaks(a: _Line, b: _Line, lay: _Layout) -> bool:
    """Does line b start a new paragraph after line a?"""
    if "\t" in a.text or "\t" in b.text or a.beside != b.beside:
        return True  # a row of a borderless table is never running text, nor are blocks side by side
    if ("|" in a.text and "|" in b.text) or a.text == _STAMP_WORD or b.text == _STAMP_WORD:
        return True  # rows of cells between `|`; the «ПРОЕКТ» stamp on a line of its own
    if a.page != b.page:
        return a.text.endswith(_SENTENCE_END) or not b.text[:1].islower()
    if abs(a.size - b.size) > 0.15 * max(a.size, b.size) or a.bold != b.bold:
        return True
    if (b.bottom - a.bottom) / max(a.size, 1.0) > lay.pitch_ratio * 1.3:
        return True
    if list_item_text(b.text) is not None or numbering_level(b.text):
        return True
    if b.x0 > a.x0 + 0.8 * a.size and not lay.centred(b):
        return True  # a first-line indent
    if (
        a.x0 > lay.left + 0.5 * lay.width
        and len(a.text.split()) <= 2
        and not lay.centred(a)
        and (lay.centred(b) or b.x0 < lay.left + 2 * a.size)
    ):
        return True  # a word or two on the right (a «ПРОЕКТ» stamp) above a title or the text
    # A short last line ends its paragraph.
    return a.text.endswith(_SENTENCE_END) and a.x1 < lay.right - 0.15 * lay.width


def _paragraph_blocks(paras: list[list[_Line]], lay: _Layout, vocab: set[str], next_len: list[int]) -> list[Block]:
    blocks = []
    for lines, following in zip(paras, next_len, strict=True):
        text = lines[0].text
        for ln in lines[1:]:
            text = join_wrapped(text, ln.text, vocab)
        loc = Location(page=lines[0].page)
        size = max(ln.size for ln in lines)
        large = size >= 1.15 * lay.body_size
        bold = all(ln.bold for ln in lines)
        centred = all(lay.centred(ln) for ln in lines)
        isolated = large or (len(lines) == 1 and (following < 0 or following >= max(1.5 * len(text), 60)))
        # a row of columns is not a heading, whatever its weight
        reason = None if "\t" in text else heading_reason(text, bold=bold, centred=centred, all_lines=isolated)
        item = list_item_text(text)
        if item is not None and reason != "numbered":
            blocks.append(Block(kind="list_item", text=item, location=loc))
        elif reason:
            level = heading_level(text, reason=reason)
            if numbering_level(text) is None and large:
                level = 1 if size >= 1.4 * lay.body_size else min(level, 2)
            blocks.append(Block(kind="heading", text=text, location=loc, level=level, heading_reason=reason))
        else:
            blocks.append(Block(kind="paragraph", text=text, location=loc))
    return blocks


# --- the document ------------------------------------------------------------------------------------


def parse_pdf(path: Path, ocr: OcrSettings | None = None) -> Document:
    import pypdfium2.raw as pdfium_raw

    pdf = _open(path)
    try:
        return _parse(path, pdf, pdfium_raw, ocr or OcrSettings())
    finally:
        pdf.close()


def _parse(path: Path, pdf: Any, raw: Any, ocr: OcrSettings) -> Document:
    n_pages = len(pdf)
    if n_pages > MAX_PDF_PAGES:
        raise UnreadableError(
            "too_large",
            f"В PDF слишком много страниц: {n_pages} (предел {MAX_PDF_PAGES})",
            f"The PDF has too many pages: {n_pages} (limit {MAX_PDF_PAGES})",
        )
    meta = Metadata(format="pdf", page_count=n_pages)
    try:
        info = pdf.get_metadata_dict()
    except Exception:
        info = {}
    meta.author = (info.get("Author") or "").strip() or None
    meta.title = (info.get("Title") or "").strip() or None
    meta.created = _pdf_date(info.get("CreationDate"))
    meta.modified = _pdf_date(info.get("ModDate"))

    fonts = _FontInfo(raw)
    page_lines: list[list[_Line]] = []
    candidates: list[int] = []
    heights: list[float] = []
    total_chars = 0
    hashes: dict[str, None] = {}  # ordered set
    unhashed_images = 0
    bad_pages: list[int] = []
    page_chars: list[int] = []
    page_images: list[int] = []
    shown_heights: dict[int, float] = {}
    for i in range(n_pages):
        lines: list[_Line] = []
        height = 842.0
        page_chars.append(0)
        page_images.append(0)
        try:
            page = pdf[i]
            if _has_text_annotations(page, raw):
                page = _flattened(pdf, page, i, raw)
            try:
                width, height = page.get_size()
                if page.get_rotation() in (90, 270):
                    shown_heights[i] = height  # OCR reads the page as displayed
                    height = width  # the text layer comes in unrotated page space; the size is as displayed
                textpage = page.get_textpage()
                try:
                    page_chars[i] = textpage.count_chars()
                    total_chars += page_chars[i]
                    turn = (page.get_rotation(), shown_heights[i], width) if i in shown_heights else None
                    lines, turned = _page_lines(textpage, i + 1, height, fonts, turn)
                    if turned:
                        height = shown_heights[i]
                finally:
                    textpage.close()
                paths, page_images[i], page_hashes = _page_objects(page, raw)
                if paths >= TABLE_MIN_PATHS:
                    candidates.append(i)
                unhashed_images += page_images[i] - len(page_hashes)
                hashes.update(dict.fromkeys(page_hashes))
            finally:
                page.close()
        except Exception:  # one broken page must not lose the rest of the document
            bad_pages.append(i + 1)
        page_lines.append(lines)
        heights.append(height)
    if bad_pages:
        shown = ", ".join(map(str, bad_pages[:10])) + (" …" if len(bad_pages) > 10 else "")
        meta.notes.append(f"Не удалось прочитать страницы: {shown}")
    # Distinct images: a logo repeated on every page counts once.
    meta.image_hashes = list(hashes)
    meta.image_count = len(hashes) + unhashed_images
    # A scan is pictures of pages: a few words a page with no picture at all («Page 1», a cover sheet)
    # is a short document with a text layer, not a scan.
    if n_pages and total_chars / n_pages < SCANNED_CHARS_PER_PAGE and (total_chars == 0 or any(page_images)):
        meta.scanned = True
        meta.notes.append("PDF без текстового слоя (скан)")
    scanned_tables: dict[int, list[OcrTable]] = {}
    ocr_heights: dict[int, float] = {}
    recognised = _apply_ocr(pdf, page_lines, page_chars, page_images, ocr, meta, scanned_tables, ocr_heights)
    candidates = [i for i in candidates if i not in recognised]
    for i in recognised:
        # OCR reads the page as displayed, turned back when the scan was turned
        heights[i] = ocr_heights.get(i) or shown_heights.get(i, heights[i])

    vocab = _inner_vocabulary(page_lines)
    tables: dict[int, list[_Frag]] = {}
    if candidates and not meta.scanned:
        tables = _find_tables(path, candidates, vocab, meta.notes, page_lines)
    tables.update(_ocr_frags(scanned_tables, vocab))
    _drop_furniture(page_lines, heights)
    # the page as drawn, before stamps side by side leave it: the spacing of its lines tells paragraphs
    lay = _layout([ln for lines in page_lines for ln in lines])
    for i, lines in enumerate(page_lines):
        if i in recognised or not any(ln.cells for ln in lines):
            continue
        # columns outside the tables found by their ruling lines
        drawn = tables.get(i, [])
        inside = [ln for ln in lines if any(_inside(ln, f) for f in drawn)]
        outside = [ln for ln in lines if not any(_inside(ln, f) for f in drawn)] if drawn else lines
        outside, frags = _columns(outside, i + 1, vocab)
        page_lines[i] = sorted(inside + outside, key=lambda ln: ln.top) if inside else outside
        if frags:
            tables[i] = sorted(drawn + frags, key=lambda f: f.top)

    # One stream of items in reading order: lines outside tables, and tables at their position.
    items: list[_Line | _Frag] = []
    for i, lines in enumerate(page_lines):
        frags = tables.get(i, [])
        kept = [ln for ln in lines if not any(_inside(ln, f) for f in frags)]
        page_items: list[tuple[float, _Line | _Frag]] = [(ln.top, ln) for ln in kept]
        page_items += [(f.top, f) for f in frags]
        page_items.sort(key=lambda t: t[0])
        for top, item in page_items:
            prev = items[-1] if items else None
            if (
                isinstance(item, _Frag)
                and isinstance(prev, _Frag)
                and prev.stitch
                and item.stitch
                and prev.page == item.page - 1
                and prev.ncols == item.ncols
                and top < 0.25 * heights[i]
                and item is page_items[0][1]
            ):
                _stitch(prev, item, vocab)  # a table continued at the top of the next page
                continue
            items.append(item)

    blocks: list[Block] = []
    paras: list[list[_Line]] = []

    def flush() -> None:
        if not paras:
            return
        # What follows each paragraph (its length; -1 for a table or the end) decides isolated headings.
        lengths = [len(" ".join(ln.text for ln in p)) for p in paras[1:]] + [-1]
        blocks.extend(_paragraph_blocks(paras, lay, vocab, lengths))
        paras.clear()

    for item in items:
        if isinstance(item, _Frag):
            flush()
            first_page = item.row_pages[0] if item.row_pages else item.page
            if item.rows:
                blocks.append(_table_block(item, first_page))
            continue
        if paras and not _breaks(paras[-1][-1], item, lay):
            paras[-1].append(item)
        else:
            paras.append([item])
    flush()
    return Document(path=str(path), blocks=number_blocks(blocks), metadata=meta)


def _apply_ocr(
    pdf: Any,
    page_lines: list[list[_Line]],
    page_chars: list[int],
    page_images: list[int],
    settings: OcrSettings,
    meta: Metadata,
    tables: dict[int, list[OcrTable]],
    heights: dict[int, float],
) -> set[int]:
    """OCR the pages without a text layer (or every page with mode `always`); returns their 0-based indexes.

    A wholly scanned PDF that cannot be recognised raises `scan_no_ocr`: checking it would report
    every requirement as missing, which is wrong, not merely incomplete."""
    n_pages = len(page_lines)
    if settings.mode == "always":
        wanted = list(range(n_pages))
    else:
        # A blank page of a digital PDF has no image: it is not worth a tesseract run.
        wanted = [
            i for i in range(n_pages)
            if page_chars[i] < SCANNED_CHARS_PER_PAGE and (meta.scanned or page_images[i] > 0)
        ]  # fmt: skip
    if not wanted:
        return set()
    unavailable = "распознавание отключено (--ocr never)" if settings.mode == "never" else tesseract_status()
    if unavailable is not None:
        if meta.scanned:
            raise scan_no_ocr_error(unavailable)
        meta.notes.append(f"Страницы без текстового слоя не распознаны ({unavailable}): " + _pages(wanted))
        return set()
    todo = wanted[: max(0, settings.max_pages)]
    if len(wanted) > len(todo):
        meta.notes.append(
            f"Распознаны (OCR) только первые {len(todo)} страниц без текста из {len(wanted)} "
            f"(предел --ocr-max-pages); не распознаны: " + _pages(wanted[len(todo) :])
        )
    done, failed = ocr_pages(pdf, todo)
    if failed:
        meta.notes.append("Не удалось распознать (OCR) страницы: " + ", ".join(map(str, failed[:10])))
    for i, recognised in done.items():
        page_lines[i] = _ocr_lines(recognised.segments, i + 1)
        if recognised.tables:
            tables[i] = recognised.tables
        if recognised.height:
            heights[i] = recognised.height
    _geometry_notes(done, meta)
    if done:
        meta.ocr = True
        meta.notes.append(OCR_NOTE)
        if not any(page_lines[i] for i in done):
            meta.notes.append("OCR не нашёл текста на страницах скана")
    return set(done)


def _geometry_notes(done: dict[int, OcrPage], meta: Metadata) -> None:
    """What the report says about straightening: turned pages, pages that could not be straightened."""
    turned = sorted(i for i, page in done.items() if page.turned)
    doubtful = sorted(i for i, page in done.items() if page.doubtful)
    blank = sorted(i for i, page in done.items() if page.blank)
    if turned:
        meta.notes.append("Повёрнутые страницы скана выровнены перед распознаванием: " + _pages(turned))
    if doubtful:
        meta.notes.append(
            "Страницы скана не удалось выровнять (повёрнуты или наклонены), распознаны как есть — "
            "возможны ошибки: " + _pages(doubtful)
        )
    if blank:
        meta.notes.append("Пустые страницы скана (без текста) не распознавались: " + _pages(blank))
    words = sum(page.words for page in done.values())
    confidence = sum(page.confidence * page.words for page in done.values()) / words if words else 100.0
    if (doubtful or confidence < POOR_OCR_CONFIDENCE) and "ocr_poor" not in meta.suspected:
        meta.suspected.append("ocr_poor")  # rules answer «не удалось проверить» rather than «нет»


def _pages(indexes: list[int]) -> str:
    return ", ".join(str(i + 1) for i in indexes[:10]) + (" …" if len(indexes) > 10 else "")


def _ocr_lines(segments: list[OcrSegment], page_no: int) -> list[_Line]:
    """Recognised lines → visual lines as `_page_lines` builds them (cells of one table row become one line)."""
    out = []
    for parts in _rows(sorted(segments, key=lambda s: (s.top, s.x0))):
        text = " ".join(" ".join(strip_artefacts(p.text) for p in parts).split())
        if text:
            # OCR does not tell weights: headings come from layout and numbering
            out.append(_line(parts, page_no, text, bold=False))
    out.sort(key=lambda ln: ln.top)
    return out


def _ocr_frags(tables: dict[int, list[OcrTable]], vocab: set[str]) -> dict[int, list[_Frag]]:
    """Tables read from scanned pages → fragments like `_page_tables` builds, so stitching and
    the rejoining of broken words work the same as for a digital table."""
    # Words inside a cell line are whole: they help to rejoin the broken ones, as the page text does.
    for frags in tables.values():
        for t in frags:
            for row in t.rows:
                for cell in row:
                    for line in cell.lines:
                        vocab.update(w.lower() for w in _TOKEN_RE.findall(line.text)[1:-1])
    out: dict[int, list[_Frag]] = {}
    for i, frags in tables.items():
        page_no = i + 1
        for t in sorted(frags, key=lambda f: f.top):
            rows: list[list[_FCell]] = []
            for row in t.rows:
                cells = []
                for c in row:
                    lines = [_CellLine(ln.text, ln.x1, ln.char_width) for ln in c.lines]
                    # Pad to the cell's right border as tesseract sees the text: about one character.
                    inner_right = c.x1 - (2 * lines[0].char_width if lines else 3.0)
                    text = strip_artefacts(_join_cell(lines, inner_right, vocab))
                    last = lines[-1] if lines else None
                    cells.append(_FCell(text, c.column, c.col_span, c.row_span, last, inner_right))
                rows.append(cells)
            frag = _Frag(page_no, t.top, t.bottom, t.x0, t.x1, t.ncols, rows, [page_no] * len(rows))
            out.setdefault(i, []).append(frag)
    return out


def _inner_vocabulary(page_lines: list[list[_Line]]) -> set[str]:
    """Lower-cased words that sit inside a line (never first or last), where no wrap can have cut
    them: the reference for rejoining broken words."""
    vocab: set[str] = set()
    for lines in page_lines:
        for ln in lines:
            words = _TOKEN_RE.findall(ln.text)
            vocab.update(w.lower() for w in words[1:-1])
    return vocab


def _inside(line: _Line, frag: _Frag) -> bool:
    cy = (line.top + line.bottom) / 2
    cx = (line.x0 + line.x1) / 2
    return frag.top - 1 <= cy <= frag.bottom + 1 and frag.x0 - 1 <= cx <= frag.x1 + 1


def _find_tables(
    path: Path, pages: list[int], vocab: set[str], notes: list[str], page_lines: list[list[_Line]] | None = None
) -> dict[int, list[_Frag]]:
    import pdfplumber  # lazy and only for pages that draw lines: it is slow

    # pdfminer logs every oddity of a damaged file; the user gets our notes instead.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)

    out: dict[int, list[_Frag]] = {}
    failed: list[int] = []
    undecoded = [0]
    try:
        plumber = pdfplumber.open(str(path))
    except Exception:  # pdfminer is stricter than PDFium: keep the text, lose the tables
        notes.append("Таблицы в PDF не распознаны: файл не читается модулем таблиц")
        return out
    with plumber:
        for i in pages:
            try:
                ppage = _content_space(plumber, plumber.pages[i])
                try:
                    segs = [seg for ln in page_lines[i] for seg in (ln.segs or [ln])] if page_lines else None
                    frags = _page_tables(ppage, i + 1, vocab, undecoded, segs)
                finally:
                    ppage.close()  # frees the page's parsed objects: 50 MB instead of 1 GB on 300 pages
            except Exception:
                failed.append(i + 1)
                continue
            if frags:
                out[i] = sorted(frags, key=lambda f: f.top)
    if failed:
        notes.append("Таблицы не распознаны на страницах: " + ", ".join(map(str, failed[:10])))
    if undecoded[0]:
        notes.append(
            f"В таблицах пропущено знаков, которым шрифт PDF не сопоставляет букв: {undecoded[0]} "
            "(проверьте текст таблиц вручную)"
        )
    return out


def _content_space(plumber: Any, ppage: Any) -> Any:
    """A page with /Rotate whose text is upright before rotation (`qpdf --rotate=+90`, a portrait page
    turned for viewing) is read unrotated, as PDFium's text layer is: pdfplumber would rotate its
    characters, drop them as not upright and leave every cell empty. A landscape page whose content
    is drawn turned so that it displays upright stays as displayed."""
    if not ppage.rotation:
        return ppage
    chars = ppage.chars
    level = sum(1 for c in chars if c["matrix"][0] > 0 and abs(c["matrix"][1]) < 1e-6)
    if not chars or level * 2 >= len(chars):
        return ppage
    from pdfplumber.page import Page

    obj = ppage.page_obj
    obj.attrs = {**obj.attrs, "Rotate": 0}
    obj.rotate = 0
    ppage.close()
    return Page(plumber, obj, page_number=ppage.page_number, initial_doctop=ppage.initial_doctop)


def _drop_furniture(page_lines: list[list[_Line]], heights: list[float]) -> None:
    """Remove page numbers and running headers/footers: margin lines that are a bare number, or
    that repeat (numbers aside) on several pages."""

    def key(line: _Line) -> str:
        return re.sub(r"\d+", "#", line.text.lower())

    def in_margin(line: _Line, height: float) -> bool:
        return line.top < 0.1 * height or line.bottom > 0.9 * height

    seen: dict[str, set[int]] = {}
    for i, lines in enumerate(page_lines):
        for ln in lines:
            if in_margin(ln, heights[i]):
                seen.setdefault(key(ln), set()).add(i)
    repeat = 3 if len(page_lines) > 3 else 2
    running = {k for k, pages in seen.items() if len(pages) >= repeat}
    for i, lines in enumerate(page_lines):
        h = heights[i]
        page_lines[i] = [
            ln for ln in lines if not (in_margin(ln, h) and (_FURNITURE_RE.match(ln.text) or key(ln) in running))
        ]
