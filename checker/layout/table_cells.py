"""A header of known column names, one per line, then one cell per line: rows start at their number
(«1.», «1.1»), so the header must have a «№» column; a cell wrapped onto two lines is rejoined where
exactly one reading puts a date in the date column and nowhere else."""

from __future__ import annotations

from itertools import combinations

from checker.layout.lines import Line
from checker.layout.table_columns import DATE_LIKE, DATE_START, ROW_START, column_kind
from checker.parsers.text import join_wrapped


def _header(lines: list[Line], i: int) -> tuple[list[str], list[str], int] | None:
    """(column kinds, header cell texts, index after the header) of a header of known column names,
    one per line; a name may wrap onto a second line («Сроки» / «исполнения»)."""
    kinds: list[str] = []
    texts: list[str] = []
    j = i
    while j < len(lines) and len(kinds) < 10:
        if j + 1 < len(lines):
            joined = f"{lines[j].text} {lines[j + 1].text}"
            kind = column_kind(joined)
            if kind is not None:
                kinds.append(kind)
                texts.append(joined)
                j += 2
                continue
        kind = column_kind(lines[j].text)
        if kind is None:
            break
        kinds.append(kind)
        texts.append(lines[j].text)
        j += 1
    if len(kinds) < 3 or "activity" not in kinds or not {"date", "responsible"} & set(kinds):
        return None
    return kinds, texts, j


def _fits(cells: list[str], kinds: list[str]) -> bool:
    """The date column starts with a date, no other text column does."""
    for cell, kind in zip(cells, kinds, strict=True):
        starts = DATE_START.match(cell) is not None
        if (kind == "date") != starts and kind != "number":
            return False
    return True


def _row_cells(parts: list[str], kinds: list[str]) -> list[str] | None:
    """Cells of one row from its lines; extra lines are wrapped cells, rejoined where exactly one
    reading fits (a date in the date column, continuations starting with a small letter preferred)."""
    n = len(kinds)
    if len(parts) == n:
        return parts if _fits(parts, kinds) else None
    if len(parts) < n or len(parts) - n > 3:
        return None
    fits: list[list[str]] = []
    for joins in combinations(range(1, len(parts)), len(parts) - n):
        cells: list[str] = []
        for k, p in enumerate(parts):
            if k in joins:
                cells[-1] = join_wrapped(cells[-1], p)
            else:
                cells.append(p)
        if _fits(cells, kinds) and all(parts[k][:1].islower() for k in joins):
            fits.append(cells)
    return fits[0] if len(fits) == 1 else None


def cell_rows(lines: list[Line], i: int) -> tuple[int, list[tuple[Line, list[str]]]] | bool | None:
    """A header of column names then one cell per line. None: no header here; False: a header whose
    rows could not be told apart."""
    header = _header(lines, i)
    if header is None:
        return None
    kinds, names, j = header
    if kinds[0] != "number":
        found = _unnumbered_rows(lines, j, kinds)
        if found is None:
            return False
        return found[0], [(lines[i], names), *found[1]]
    groups: list[tuple[Line, list[str], bool]] = []  # (first line, lines, number and text on one line)
    while j < len(lines):
        m = ROW_START.match(lines[j].text)
        if m is not None and m.group(2) and not m.group(2)[:1].isupper() and m.group(2)[:1] not in "«\"":
            m = None  # `12 сентября 2018`: a date cell, not a numbered row
        if m is None:
            if not groups:
                return False
            # after a complete row, a line that starts no row ends the table
            _, done, inline = groups[-1]
            if _row_cells(done, kinds) is not None or (inline and len(done) == 2 and _section(done)):
                break
            done.append(lines[j].text)
        else:
            parts = [m.group(1)] + ([m.group(2)] if m.group(2) else [])
            groups.append((lines[j], parts, m.group(2) is not None))
        j += 1
    rows: list[tuple[Line, list[str]]] = [(lines[i], names)]
    for line, parts, inline in groups:
        cells = _row_cells(parts, kinds)
        if cells is None:
            if inline and len(parts) == 2 and _section(parts):
                cells = [f"{parts[0]} {parts[1]}"]  # a section title across the table
            else:
                return False
        rows.append((line, cells))
    if len(rows) < 2:
        return False
    return j - 1, rows


def _unnumbered_rows(lines: list[Line], j: int, kinds: list[str]) -> tuple[int, list[tuple[Line, list[str]]]] | None:
    """Rows without a number column: as many lines as columns, else one more (a wrapped cell, rejoined
    where exactly one reading fits): a date in the date column and nowhere else, the measure starting
    with a capital. The rows end where neither fits; None when fewer than two rows do."""
    n = len(kinds)
    if "date" not in kinds:
        return None
    activity = kinds.index("activity")
    rows: list[tuple[Line, list[str]]] = []
    while j + n <= len(lines):
        options = []
        for extra in (0, 1):
            parts = [ln.text for ln in lines[j : j + n + extra]]
            if len(parts) < n + extra:
                break
            cells = _row_cells(parts, kinds)
            if cells is not None and cells[activity][:1].isupper() and max(len(c) for c in cells) <= 300:
                options.append((extra, cells))
            if options:
                break  # as many lines as columns fit: no reason to look for a wrapped cell
        if not options:
            break
        extra, cells = options[0]
        rows.append((lines[j], cells))
        j += n + extra
    if len(rows) < 2:
        return None
    return j - 1, rows


def _section(parts: list[str]) -> bool:
    return not DATE_LIKE.search(parts[1]) and parts[1][:1].isupper()
