"""A table torn by a page break, made one again: the part on the next page continues the rows of the
part before it, its repeated header row (and row of column numbers) dropped, so row-level checks see
every row and number them in order.

Between the parts only page furniture may stand: a page number («3», «- 3 -», «Страница 3 из 9»),
«Продолжение таблицы …», a running header or footer. The parts must show a page break (a later page,
or a page number or «Продолжение» between them) and the same columns: the continuation has the
same width and either repeats the header or starts with a data row; a part with a header of its own
is another table. A row cut by the break (the continuation's first row without a number while the
rows before have one, its text going on in small letters) is finished in the row above.
Runs after the tables pass, over the document's table blocks, once: linear in the blocks.
"""

from __future__ import annotations

import re

from checker.document import Block, Cell, Document, Row
from checker.layout.lines import Context, fold_label, plural, table_text
from checker.layout.table_columns import DATE_LIKE, PAGE_MARK, ROW_START, column_kind
from checker.parsers.text import join_wrapped

# A bare page number between the parts («3»); the other page marks are the tables pass's.
_BARE_NUMBER = re.compile(r"\d{1,3}")
_MAX_FURNITURE = 4


def _width(block: Block) -> int:
    assert block.table is not None
    return max((sum(max(c.col_span, 1) for c in r.cells) for r in block.table.rows), default=0)


def _furniture(block: Block) -> bool | None:
    """True: a page number or «Продолжение таблицы» (a page break); False: a running header or footer
    (furniture, no evidence of a break by itself); None: content."""
    if block.kind == "table":
        return None
    if block.role in ("header", "footer"):
        return False
    text = " ".join(block.text.split())
    if len(text) > 80:
        return None
    if _BARE_NUMBER.fullmatch(text) or PAGE_MARK.fullmatch(text.rstrip(".:")):
        return True
    return None


def _texts(row: Row) -> list[str]:
    return [fold_label(t) for t in row.texts]


def _column_numbers(row: Row) -> bool:
    filled = [t.strip(". ") for t in row.texts if t.strip()]
    return len(filled) >= 3 and filled == [str(n) for n in range(1, len(filled) + 1)]


def _header_like(row: Row) -> bool:
    """A row naming two or more known columns: a header."""
    return sum(1 for t in row.texts if t.strip() and column_kind(t) is not None) >= 2


def _numbered(rows: list[Row]) -> bool:
    """The rows carry numbers in their first cell (the last two data rows do)."""
    tail = [r for r in rows[-2:] if r.cells]
    return bool(tail) and all(ROW_START.match(r.cells[0].text.strip()) for r in tail)


def _continuation(first: Block, nxt: Block, break_seen: bool) -> list[Row] | None:
    """The rows `nxt` adds to `first`, its repeated header and column numbers dropped; None when `nxt` is
    not its continuation."""
    assert first.table is not None and nxt.table is not None
    head, rows = first.table.rows, list(nxt.table.rows)
    if not rows or not head:
        return None
    repeated = _texts(rows[0]) == _texts(head[0])
    narrower = _width(nxt) == _width(first) - 1  # a text layer drops a trailing empty cell
    if _width(nxt) != _width(first) and not repeated and not narrower:
        return None
    later_page = (
        nxt.location.page is not None
        and (first.table.page_end or first.location.page) is not None
        and nxt.location.page > (first.table.page_end or first.location.page or 0)
    )
    if not (break_seen or later_page):
        return None
    if repeated:
        rows = rows[1:]
        if rows and len(head) > 1 and _column_numbers(head[1]) and _column_numbers(rows[0]):
            rows = rows[1:]
    elif _header_like(rows[0]):
        return None  # a header of its own: another table
    else:
        if _column_numbers(rows[0]):
            rows = rows[1:]
        if not _same_columns(head, rows):
            return None
    width = _width(first)
    for row in rows:  # the cells a narrower part lacks: empty, at the end of the row
        missing = width - sum(max(c.col_span, 1) for c in row.cells)
        if missing > 0 and len(row.cells) > 1:
            row.cells.extend(
                Cell(text="", location=row.cells[-1].location.model_copy(update={"column": len(row.cells) + k + 1}))
                for k in range(missing)
            )
    return rows


def _same_columns(head: list[Row], rows: list[Row]) -> bool:
    """Rows without the header go on the table above only where its columns show in them: the number in
    the first cell (or none, a row cut by the break; or a section title across), the dates in the date
    column. A table with neither to tell by goes on only with its header repeated."""
    kinds = [column_kind(t) for t in head[0].texts]
    told = False
    data = [r for r in rows if len(r.cells) > 1]
    if not data:
        return False
    if kinds[:1] == ["number"] or _numbered(head[1:]):
        first = data[0].cells[0].text.strip()
        if first and not ROW_START.fullmatch(first):
            return False
        told = True
    if "date" in kinds:
        d = kinds.index("date")
        dates = [r.texts[d] for r in data if d < len(r.cells) and r.texts[d].strip()]
        if not dates or sum(1 for t in dates if DATE_LIKE.search(t)) * 3 < len(dates) * 2:
            return False
        told = True
    return told


def _finish_cut_row(above: Row, row: Row) -> bool:
    """The first row of a continuation without its number, its text going on in small letters: the rest
    of the row above, cut by the page break. Its cells are joined onto that row's."""
    texts = row.texts
    if not texts or texts[0].strip() or not any(t.strip() for t in texts):
        return False
    first = next(t.strip() for t in texts if t.strip())
    if not first[:1].islower() or len(above.cells) != len(row.cells):
        return False
    for cell, more in zip(above.cells, row.cells, strict=True):
        if more.text.strip():
            cell.text = join_wrapped(cell.text, more.text.strip()) if cell.text.strip() else more.text.strip()
    return True


def run(document: Document, context: Context) -> Document:
    blocks = document.blocks
    if sum(1 for b in blocks if b.kind == "table") < 2:
        return document
    out: list[Block] = []
    notes: list[str] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        out.append(block)
        i += 1
        if block.kind != "table" or block.table is None or block.role is not None:
            continue
        parts = 1
        while True:
            k = i
            break_seen = False
            between: list[Block] = []
            while k < len(blocks) and len(between) < _MAX_FURNITURE:
                kind = _furniture(blocks[k])
                if kind is None:
                    break
                break_seen = break_seen or kind
                between.append(blocks[k])
                k += 1
            if k >= len(blocks):
                break
            nxt = blocks[k]
            if nxt.kind != "table" or nxt.table is None or nxt.role is not None:
                break
            rows = _continuation(block, nxt, break_seen)
            if rows is None:
                break
            assert block.table is not None
            if _numbered(block.table.rows[1:]) and rows and _finish_cut_row(block.table.rows[-1], rows[0]):
                rows = rows[1:]
            block.table.rows.extend(rows)
            block.table.page_end = nxt.table.page_end or nxt.location.page or block.table.page_end
            if block.table.page_start is None:
                block.table.page_start = block.location.page
            for number, row in enumerate(block.table.rows, start=1):
                row.location.row = number
                for cell in row.cells:
                    cell.location.row = number
            block.text = table_text(block.table)
            # running headers and footers stay, after the table; page numbers and «Продолжение» go
            out.extend(b for b in between if b.role is not None)
            parts += 1
            i = k + 1
        if parts > 1:
            assert block.table is not None
            pieces = plural(parts, "часть", "части", "частей")
            notes.append(
                f"таблица, разорванная переносом страницы, собрана в одну: {pieces}, "
                f"{plural(len(block.table.rows), 'строка', 'строки', 'строк')}"
            )
    if notes:
        # running headers and footers moved after the table keep their order among the rest
        document.blocks = out
        document.metadata.recovered.extend(notes)
        context.replaced()
    return document
