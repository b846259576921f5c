"""Flattened tables rebuilt as tables: rows and cells, so row-level checks and locations work.

Four shapes, each seen in real copies:
- cells between `|` on each line (`1 | Семинар | май 2024 | ИРО`), or a legal database's copy where
  each cell ends with `|` (or a value starts with `|`) and a line of bare `|` ends the row;
- tab-separated rows (a .docx or web page pasted as text; .txt files get these from their parser);
- box-drawing frames (`│ 1 │ Семинар │`, rows between `├───┼───┤` lines);
- a header of known column names, one per line, then one cell per line: rows start at their
  number («1.», «1.1»), so a header with «№» is needed; a cell that wrapped onto two lines is
  rejoined where exactly one reading puts a date in the «Сроки» column.
Tables the parser built are never touched. A header of known column names with no table after it
leaves `flattened_table` in `metadata.suspected`. Each shape is read by its own module (table_separated,
table_frame, table_cells; the column names in table_columns); this one runs them over the document.
"""

from __future__ import annotations

import re

from checker.document import Block, Document
from checker.layout.lines import Context, Line, Scan, fold_label, plural, table_from_rows
from checker.layout.table_cells import cell_rows
from checker.layout.table_columns import ANY_COLUMN, COLUMN_RE, column_kind
from checker.layout.table_frame import BOX_V, box_rows
from checker.layout.table_separated import database_rows, pipe_rows, space_rows, tab_rows

# Reasons to look, as substrings (a fast scan): cell separators, a frame, a «№» column name on its own line.
_SEPARATOR_HINTS = ("|", "\t")
_BOX_HINTS = tuple(BOX_V + "┌╔")
_NUMBER_HINTS = ("\n№\n", "\n№ п/п", "\n№п/п", "\nN п/п", "\n№ пп", "\nn п/п")
_HEADER_HINTS = ("\nМероприяти", "\nНаименование мероприят", "\nСрок", "\nСодержание работ")


def run(document: Document, context: Context) -> Document:
    text = context.text(document)
    boxes = any(h in text for h in _BOX_HINTS)
    hinted = any(h in text for h in _SEPARATOR_HINTS + _NUMBER_HINTS + _HEADER_HINTS)
    spaced = context.source is not None and "   " in text and _SPACED_HEADER.search(text) is not None
    hinted = hinted or spaced
    if not (boxes or hinted):
        suspected = document.metadata.suspected
        header = ("ероприят" in text or "аименовани" in text) and _flattened_header(document)
        if header and "flattened_table" not in suspected:
            suspected.append("flattened_table")
        return document
    scan = Scan(document, context)
    notes: list[str] = []
    suspect = False
    vocab: set[str] | None = None
    fmt = document.metadata.format
    for offset, lines in scan.runs():
        i = 0
        while i < len(lines):
            text = lines[i].text
            found = None
            what = ""
            if "|" in text:
                db = database_rows(lines, i)
                if isinstance(db, int):
                    suspect = True
                    i = db + 1
                    continue
                if db:
                    first, last, rows = db
                    found, what = (first, last, rows), "таблица собрана из строк с «|» (копия из правовой базы)"
                else:
                    pr = pipe_rows(lines, i)
                    if pr is not None:
                        found, what = (i, pr[0], pr[1]), "таблица собрана из строк с «|»"
            elif "\t" in text and fmt not in ("txt", "md"):
                tr = tab_rows(lines, i)
                if tr is not None:
                    found, what = (i, tr[0], tr[1]), "таблица собрана из строк, разделённых табуляцией"
            elif spaced and "   " in text and (sr := space_rows(lines, i, lambda ln: _raw(context, ln))) is not None:
                found, what = (i, sr[0], sr[1]), "таблица собрана из столбцов, разделённых пробелами"
            elif boxes and any(c in text for c in _BOX_HINTS):
                if vocab is None:
                    vocab = set()
                br = box_rows(lines, i, vocab)
                if br is not None:
                    found, what = (i, br[0], br[1]), "таблица собрана из рамки псевдографики"
            elif column_kind(text) is not None:
                cr = cell_rows(lines, i)
                if cr is False:
                    suspect = True
                elif cr is not None:
                    found, what = (i, cr[0], cr[1]), "таблица собрана из заголовка и ячеек по одной в строке"
            if found is None:
                i += 1
                continue
            first, last, rows = found
            if first < i and any(sp.last >= offset + first for sp in scan.splices):
                i += 1
                continue
            rows, repeats = _drop_repeated_header(rows)
            page = document.blocks[lines[first].block].location.page
            block = table_from_rows([(ln.line, cells) for ln, cells in rows], page)
            if page is not None:
                _row_pages(document, block, [ln for ln, _ in rows])
            scan.replace(offset + first, offset + last, [block])
            width = max(len(c) for _, c in rows)
            notes.append(
                f"{what}: {plural(len(rows), 'строка', 'строки', 'строк')}, "
                f"{plural(width, 'столбец', 'столбца', 'столбцов')}"
                + ("; убран заголовок, повторённый после переноса страницы" if repeats else "")
            )
            i = last + 1
    if scan.apply():
        document.metadata.recovered.extend(notes)
    if (suspect or _flattened_header(document)) and "flattened_table" not in document.metadata.suspected:
        document.metadata.suspected.append("flattened_table")
    if fmt == "pdf":
        _close_gaps(document, context)
    return document


# A header set out with runs of spaces: a column name, three spaces or more, another.
_SPACED_HEADER = re.compile(r"(?:ероприяти|аименование|одержание)\w*\s{3,}\S[^\n]*?\s{3,}\S")


def _raw(context: Context, line: Line) -> str | None:
    """A text file's line as set out, its leading spaces kept (tabs as four spaces), with the character
    repairs made so far."""
    source = context.source
    if source is None or line.line is None:
        return None
    raw = source.lines()[line.line - 1].replace("\t", "    ")
    fixed = source.fixed(line.line)
    return " " * (len(raw) - len(raw.lstrip())) + fixed if fixed else None


def _row_pages(document: Document, block: Block, lines: list[Line]) -> None:
    """Each row on the page its first line is on: a table the text layer ran over a page break."""
    assert block.table is not None
    pages = [document.blocks[line.block].location.page for line in lines]
    if pages[-1] == pages[0]:
        return  # on one page (the rows come in page order)
    for row, page in zip(block.table.rows, pages, strict=True):
        row.location.page = page
        for cell in row.cells:
            cell.location.page = page
    block.table.page_end = block.table.rows[-1].location.page


def _drop_repeated_header(rows: list[tuple[Line, list[str]]]) -> tuple[list[tuple[Line, list[str]]], int]:
    """The header row again further down (a PDF repeats it on every page a table runs over; the text
    layer lost the page break between): not a data row. So is a repeated row of column numbers."""
    if len(rows) < 3 or not rows[0][1]:
        return rows, 0
    first = rows[0][1][0]
    numbers = rows[1][1] if _column_numbers(rows[1][1]) else None
    if not any(cells and (cells[0] == first or (numbers and cells[0] == numbers[0])) for _, cells in rows[2:]):
        return rows, 0  # a fast exit: no later row starts like the header
    head = [fold_label(c) for c in rows[0][1]]
    if sum(1 for c in rows[0][1] if column_kind(c) is not None) < 2:
        return rows, 0
    kept = rows[:2]
    dropped = 0
    for line, cells in rows[2:]:
        folded = [fold_label(c) for c in cells]
        if folded == head or (numbers is not None and cells == numbers):
            dropped += folded == head
            continue
        kept.append((line, cells))
    return kept, dropped


def _column_numbers(cells: list[str]) -> bool:
    filled = [c.strip(". ") for c in cells if c.strip()]
    return len(filled) >= 3 and filled == [str(n) for n in range(1, len(filled) + 1)]


def _close_gaps(document: Document, context: Context) -> None:
    """The column gaps a PDF text layer keeps as tabs, where no table came of them (one row of a
    letterhead, a signature line): a space, as the line reads."""
    changed = False
    for block in document.blocks:
        if block.table is None and "\t" in block.text:
            block.text = "\n".join(" ".join(line.split()) for line in block.text.split("\n"))
            changed = True
    if changed:
        context.touched()


def _flattened_header(document: Document) -> bool:
    """A line naming three or more known columns (a header whose cells ran together) with no table
    right after it; or, inside a longer paragraph, those names one after another (a PDF text layer that
    ran a one-cell-per-line table into running text)."""
    blocks = document.blocks
    for i, block in enumerate(blocks):
        if block.kind == "table" or block.role is not None:
            continue
        if len(block.text) > 200:
            if _header_run(block.text) and not any(b.kind == "table" for b in blocks[i + 1 : i + 3]):
                return True
            continue
        folded = fold_label(block.text)
        if not COLUMN_RE["activity"].search(folded):
            continue
        kinds = {k for k, p in COLUMN_RE.items() if p.search(folded)}
        if len(kinds) < 3 or "activity" not in kinds or not {"date", "responsible"} & kinds:
            continue
        # nothing but column names: a header, not a sentence about one
        header_only = len(ANY_COLUMN.sub(" ", folded).replace("|", " ").split()) <= 2
        if header_only and not any(b.kind == "table" for b in blocks[i + 1 : i + 3]):
            return True
    return False


# Three or more column names in a row, nothing between them: a header run into a paragraph.
_RUN = re.compile(rf"(?:^|\s)((?:(?:{ANY_COLUMN.pattern})\s+){{2,}}(?:{ANY_COLUMN.pattern}))(?=\s|$)")


def _header_run(text: str) -> bool:
    if "ероприяти" not in text:  # a fast exit: every header of measures names them
        return False
    folded = " ".join(text.lower().replace("ё", "е").split())
    for m in _RUN.finditer(folded):
        kinds = {k for k, p in COLUMN_RE.items() if p.search(m.group(1))}
        if "activity" in kinds and {"date", "responsible"} & kinds and len(kinds) >= 3:
            return True
    return False
