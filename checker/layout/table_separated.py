"""Rows whose cells are separated by a character: `a | b | c` on each line, a legal database's copy
(each cell ends with `|`, a line of bare `|` ends the row, a two-level header; or no row ends at all),
tab-separated rows, and rows set out in columns by runs of spaces (`pdftotext -layout`)."""

from __future__ import annotations

import re
from collections.abc import Callable

from checker.layout.lines import Line
from checker.layout.table_columns import DATE_LIKE, PAGE_MARK, PERSON, ROW_START, column_kind, date_cell
from checker.parsers.text import join_wrapped

_PIPE_ONLY = re.compile(r"^\|[|\s]*$")
_ROW_END = re.compile(r"\|\s*\|[|\s]*$")


def _pipe_cells(text: str) -> list[str]:
    s = text.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|"):
        s = s[:-1]
    return [c.strip() for c in s.split("|")]


def pipe_rows(lines: list[Line], i: int) -> tuple[int, list[tuple[Line, list[str]]]] | None:
    """`a | b | c` on each line: a row per line, the same number of cells on every line."""
    first = lines[i].text
    if "|" not in first.strip().strip("|") or _PIPE_ONLY.match(first):
        return None
    width = len(_pipe_cells(first))
    rows = [(lines[i], _pipe_cells(first))]
    j = i + 1
    while j < len(lines) and not _PIPE_ONLY.match(lines[j].text) and "|" in lines[j].text.strip().strip("|"):
        cells = _pipe_cells(lines[j].text)
        if len(cells) != width:
            break
        rows.append((lines[j], cells))
        j += 1
    if len(rows) >= 3 or (len(rows) == 2 and width >= 3):
        return j - 1, rows
    return None


def database_rows(lines: list[Line], i: int) -> tuple[int, int, list[tuple[Line, list[str]]]] | int | None:
    """A legal database's copy: cells end with `|` (or a value starts with `|`), rows end with a line of
    bare `|`. Returns (first line, last line, rows), or the last line of a copy that cannot be rebuilt."""
    text = lines[i].text
    starts_value = text.startswith("|") and not _PIPE_ONLY.match(text)
    if not (text.endswith("|") and not _PIPE_ONLY.match(text)) and not starts_value:
        return None
    # the end: the last bare-`|` line before the pipes stop
    last_end = None
    quiet = 0
    j = i
    while j < len(lines) and quiet < 6:
        t = lines[j].text
        if _PIPE_ONLY.match(t):
            last_end = j
        quiet = 0 if "|" in t else quiet + 1
        j += 1
    if last_end is None:
        return counted_rows(lines, i)
    first = i
    if starts_value:
        # the label cell before the first `|`: as many lines as the longest later label, from a capital
        labels = _label_heights(lines, i, last_end)
        back = i
        while back > 0 and i - back < labels and "|" not in lines[back - 1].text:
            back -= 1
        while back < i and not lines[back].text[:1].isupper():
            back += 1
        first = back
    rows: list[tuple[Line, list[str]]] = []
    cells: list[str] = []
    current: list[str] = []
    row_line: Line | None = None
    for line in lines[first : last_end + 1]:
        t = line.text
        row_line = row_line or line
        if _PIPE_ONLY.match(t):
            if current:
                cells.append(" ".join(current))
            current = []
            # `||||` after cells: the empty cells of merged columns, not data
            if cells:
                rows.append((row_line, cells))
            cells, row_line = [], None
            continue
        pieces = t.split("|")
        if t.startswith("|") and current:
            cells.append(" ".join(current))
            current = []
        if _ROW_END.search(t):
            # `Цель … | |||||`: the cell, then the empty cells of merged columns: the row ends here
            text = _ROW_END.sub("", t).strip().strip("|").strip()
            if text:
                current.append(text)
            cells.append(" ".join(current))
            rows.append((row_line, cells))
            cells, current, row_line = [], [], None
            continue
        for k, piece in enumerate(pieces):
            piece = piece.strip()
            if piece:
                current.append(piece)
            if k < len(pieces) - 1 and (k > 0 or not t.startswith("|")):
                cells.append(" ".join(current))
                current = []
    # empty rows and the row of column numbers («1 | 2 | 3 …») under a legal act's header carry no data
    rows = [(ln, c) for ln, c in rows if any(x for x in c) and not _column_numbers(c)]
    if len(rows) < 2 or max(len(c) for _, c in rows) < 2:
        return None
    merged = _merge_subheaders(rows)
    if merged is None:
        return last_end  # seen, not rebuilt: the caller skips it
    return first, last_end, merged


def _merge_subheaders(rows: list[tuple[Line, list[str]]]) -> list[tuple[Line, list[str]]] | None:
    """A two-level header flattened: «Срок» over «начала» and «окончания» comes as a row of its own.
    Merged into the header where the split column is the one of dates; None when that is not it
    (a data row read against the wrong header would report empty cells that are not empty)."""
    header = [c for c in rows[0][1] if c]
    if sum(1 for name in header if column_kind(name)) < 2:
        return rows  # no header of column names (a passport's label | value rows)
    subs = []
    for k, (_, cells) in enumerate(rows[1:], start=1):
        filled = [c for c in cells if c]
        if ROW_START.match(filled[0]) or len(filled) == 1 or len(filled) >= len(header):
            break  # the first numbered row, a section title or a full row: data from here
        subs.append((k, filled))
    if not subs:
        return rows
    dates = [k for k, name in enumerate(header) if column_kind(name) == "date"]
    if len(subs) != 1 or len(dates) != 1:
        return None
    d = dates[0]
    names = header[:d] + [f"{header[d]} {s}" for s in subs[0][1]] + header[d + 1 :]
    data = [cells for _, cells in rows[subs[0][0] + 1 :]]
    if any(len([c for c in cells if c]) > len(names) for cells in data):
        return None
    return [(rows[0][0], names), *rows[subs[0][0] + 1 :]]


def _column_numbers(cells: list[str]) -> bool:
    filled = [c for c in cells if c]
    return len(filled) >= 3 and filled == [str(n) for n in range(1, len(filled) + 1)]


def _label_heights(lines: list[Line], i: int, end: int) -> int:
    height = 1
    run = 0
    for line in lines[i:end]:
        t = line.text
        if _PIPE_ONLY.match(t):
            run = 0
        elif t.startswith("|"):
            height = max(height, run)
            run = -10_000  # value lines until the row ends
        else:
            run += 1
    return min(height, 4)


def tab_rows(lines: list[Line], i: int) -> tuple[int, list[tuple[Line, list[str]]]] | None:
    """Tab-separated rows; a row whose cells all came too close for a gap (centred cells) is a line
    without tabs between two rows: split where the header's columns tell how, else the rows end there."""
    if "\t" not in lines[i].text:
        return None
    width = len(lines[i].text.split("\t"))
    rows = []
    j = i
    kinds: list[str | None] | None = None
    while j < len(lines):
        text = lines[j].text
        if "\t" not in text:
            if not rows or not _between_rows(lines, j, width):
                break
            if kinds is None:
                kinds = [column_kind(c) for c in rows[0][1]]
            split = _split_line(text, kinds)
            if split is None:
                break  # a line of its own (a wrapped cell the text layer left apart, running text)
            rows.append((lines[j], split))
            j += 1
            continue
        cells = [c.strip() for c in text.split("\t")]
        if abs(len(cells) - width) > 1:
            break
        rows.append((lines[j], cells))
        j += 1
    filled = min(sum(1 for c in cells if c) for _, cells in rows)
    if len(rows) >= 3 or (len(rows) == 2 and filled >= 3):
        return j - 1, _split_merged(rows)
    return None


def _between_rows(lines: list[Line], j: int, width: int) -> bool:
    """Line j (no tabs) stands between two rows of the table: the next line is a row of its width, not a
    header of another table, and this one is no longer than a row."""
    if len(lines[j].text) > 200 or j + 1 >= len(lines) or "\t" not in lines[j + 1].text:
        return False
    cells = [c.strip() for c in lines[j + 1].text.split("\t")]
    return abs(len(cells) - width) <= 1 and sum(1 for c in cells if column_kind(c) is not None) < 2


# Words a date goes on with: «в течение учебного года», «июнь 2025 г.», «I–II квартал».
_DATE_WORD = re.compile(
    r"(?:\d[\d.,/–—-]*|г\.?|гг\.?|года?|годы|учебного|уч\.|течение|в|до|с|по|к|и|[–—-]|[IVX]{1,4}|квартала?|полугодия?"
    r"|четверти?|ежемесячно|ежегодно|еженедельно|ежеквартально|постоянно|январ[ьяе]|феврал[ьяе]|март[ае]?"
    r"|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе]),?",
    re.IGNORECASE,
)


_WEAK_START = re.compile(r"(?:учебного|года?|годы|гг?\.?|уч\.|и|[–—-]),?", re.IGNORECASE)


def _split_line(text: str, kinds: list[str | None]) -> list[str] | None:
    """A row run into one line, read by its columns: [№,] measure, date[, responsible]. The date is the
    first date after the measure, as long as its words are dates; what follows it must name a post or a
    person. None where the columns are others or the reading is not evident."""
    core = [k for k in kinds if k != "number"]
    if core not in (["activity", "date"], ["activity", "date", "responsible"]) or kinds.count("number") > 1:
        return None
    words = text.split()
    cells: list[str] = []
    if kinds[0] == "number":
        m = ROW_START.match(text)
        if m is None or not m.group(2):
            return None
        cells.append(m.group(1))
        words = m.group(2).split()
    for k in range(1, len(words)):
        if _SPLIT_BEFORE.fullmatch(words[k - 1]) or not date_cell(" ".join(words[k : k + 4])):
            continue
        if not _DATE_WORD.fullmatch(words[k]) or _WEAK_START.fullmatch(words[k]):
            continue  # «учебного года»: the end of a measure's words, not a date cell's start
        end = k + 1
        while end < len(words) and _DATE_WORD.fullmatch(words[end]):
            end += 1
        while end > k + 1 and words[end - 1].lower() in ("в", "до", "с", "по", "к", "и"):
            end -= 1  # «… в» / «по» start the next cell («по УВР» does not go here anyway)
        rest = " ".join(words[end:])
        if core[-1] == "responsible" and not (rest and PERSON.search(rest)):
            return None
        if core[-1] == "date" and rest:
            return None
        cells += [" ".join(words[:k]), " ".join(words[k:end])] + ([rest] if core[-1] == "responsible" else [])
        return cells
    return None


def _split_merged(rows: list[tuple[Line, list[str]]]) -> list[tuple[Line, list[str]]]:
    """Short cells centred in wide columns leave a narrow gap where a long cell comes close to its
    neighbour: the text layer runs the two into one cell and leaves the next empty («2 Семинар для
    учителей» | «» | «май 2024»). Split where the columns tell how: the number off the measure in a
    number column, the date off the end of the measure before an empty date column."""
    if len(rows) < 3 or not any(not c for _, cells in rows[1:] for c in cells[1:]):
        return rows  # no empty cell: nothing ran together
    kinds = [column_kind(c) for c in rows[0][1]]
    numbers = sum(1 for _, cells in rows[1:] if cells and ROW_START.fullmatch(cells[0]) is not None)
    number_column = kinds[:1] == ["number"] or numbers * 2 >= len(rows) - 1
    out = rows[:1]
    for line, cells in rows[1:]:
        cells = list(cells)
        for k in range(1, len(cells)):
            if cells[k] or not cells[k - 1]:
                continue
            if k == 1 and number_column:
                m = ROW_START.match(cells[0])
                if m is not None and m.group(2) and (m.group(2)[:1].isupper() or m.group(2)[:1] in "«\""):
                    cells[0], cells[1] = m.group(1), m.group(2)
            elif k < len(kinds) and kinds[k] == "date":
                split = _date_tail(cells[k - 1])
                if split is not None:
                    cells[k - 1], cells[k] = split
        out.append((line, cells))
    return out


_SPLIT_BEFORE = re.compile(r"(?:за|в|во|на|до|с|со|по|к|от|и|или)$", re.IGNORECASE)


def _date_tail(text: str) -> tuple[str, str] | None:
    """«Курсы повышения квалификации ноябрь 2024» → the measure and its date: the first place where the
    rest is a date of at most four words and the text before it does not end on a preposition."""
    words = text.split()
    for k in range(1, len(words)):
        rest = words[k:]
        if len(rest) <= 4 and date_cell(" ".join(rest)) and not _SPLIT_BEFORE.fullmatch(words[k - 1]):
            return " ".join(words[:k]), " ".join(rest)
    return None


def counted_rows(lines: list[Line], i: int) -> tuple[int, int, list[tuple[Line, list[str]]]] | None:
    """A legal database's copy with no line of bare `|` between rows: a header of known column names,
    each ending with `|`, then the cells the same way (a cell over several lines ends on the line with
    the `|`), so a row is as many cells as the header has; a section title ends with `| |||`. Rows must
    start at their number where the header has a «№» column; a last row cut short is left out."""
    if i > 0 and lines[i - 1].text.endswith("|"):
        return None  # inside a header that starts above
    names: list[str] = []
    j = i
    while j < len(lines) and lines[j].text.endswith("|") and not _PIPE_ONLY.match(lines[j].text):
        name = lines[j].text[:-1].strip()
        if "|" in name or column_kind(name) is None:
            break
        names.append(name)
        j += 1
    kinds = [column_kind(n) for n in names]
    if len(names) < 3 or "activity" not in kinds or not {"date", "responsible"} & set(kinds):
        return None
    n = len(names)
    rows: list[tuple[Line, list[str]]] = [(lines[i], names)]
    cells: list[str] = []
    row_line: Line | None = None
    current: list[str] = []
    last = j - 1
    while j < len(lines) and len(current) < 8:
        line = lines[j]
        t = line.text
        if _ROW_END.search(t) and not cells and not current:  # a section title across the table
            title = _ROW_END.sub("", t).strip().strip("|").strip()
            if title:
                rows.append((line, [title]))
            last = j
            j += 1
            continue
        if "|" in t.rstrip("|") or _PIPE_ONLY.match(t):
            break
        row_line = row_line or line
        current.append(t.rstrip("|").strip())
        if t.endswith("|"):
            cells.append(" ".join(c for c in current if c))
            current = []
            if len(cells) == n:
                if not _column_numbers(cells):
                    if kinds[0] == "number" and not ROW_START.fullmatch(cells[0]):
                        break
                    rows.append((row_line, cells))
                last = j
                cells, row_line = [], None
        j += 1
    if j == len(lines) and current and len(cells) == n - 1 and row_line is not None:
        # the text stops inside the row's last cell (a copy cut short): the row as far as it goes
        cells.append(" ".join(c for c in current if c))
        if kinds[0] != "number" or ROW_START.fullmatch(cells[0]):
            rows.append((row_line, cells))
            last = j - 1
    data = [c for _, c in rows[1:] if len(c) > 1]
    # one row is enough under a header of names ending with `|` that has a «№» column, when the row
    # starts at its number (a copy cut short after the first row of the plan)
    single = len(data) == 1 and kinds[0] == "number" and ROW_START.fullmatch(data[0][0]) is not None
    if len(data) < 2 and not single:
        return None
    if "date" in kinds and sum(1 for c in data if DATE_LIKE.search(c[kinds.index("date")])) * 3 < len(data) * 2:
        return None  # the dates are not where the header puts them: the cells are not counted right
    return i, last, rows


# Cells apart by runs of spaces, as `pdftotext -layout` and fixed-width copies set a table out: at least
# two spaces between cells, a column is where some line has text and a gutter where no line has.
_SEGMENT = re.compile(r"\S+(?: \S+)*")


def space_rows(
    lines: list[Line], i: int, raw: Callable[[Line], str | None]
) -> tuple[int, list[tuple[Line, list[str]]]] | None:
    """A header of known column names set apart by runs of spaces, then rows in the same columns (short
    cells centred in wide columns included: the columns are read from the gutters no line crosses).
    `raw`: a line's source text with its leading spaces. Rows start at their number where the first column
    is «№»; else where the measure starts with a capital once the row above has its date. None unless the
    columns come out as the header names them and every row has a date."""
    head = raw(lines[i])
    if head is None:
        return None
    names = [m.group(0) for m in _SEGMENT.finditer(head)]
    kinds = [column_kind(n) for n in names]
    if len(names) < 3 or None in kinds or "activity" not in kinds or "date" not in kinds:
        return None
    texts: list[str] = [head]
    j = i + 1
    while j < len(lines):
        text = raw(lines[j])
        if text is None or "___" in text or (text[:1] != " " and "  " not in text.strip()):
            break  # a line of running text (no gap, no indent): the table ended
        texts.append(text)
        j += 1
    if len(texts) < 3:
        return None
    width = max(len(t) for t in texts)
    used = [False] * width
    for t in texts:
        for k, ch in enumerate(t):
            if ch != " ":
                used[k] = True
    columns: list[tuple[int, int]] = []
    k = 0
    while k < width:
        if used[k]:
            start = k
            while k < width and used[k]:
                k += 1
            columns.append((start, k))
        else:
            k += 1
    columns = _merge_narrow_gaps(columns)
    if len(columns) != len(names):
        return None
    rows: list[tuple[Line, list[str]]] = [(lines[i], names)]
    number = kinds[0] == "number"
    date = kinds.index("date")
    activity = kinds.index("activity")
    for line, text in zip(lines[i + 1 : j], texts[1:], strict=True):
        cells = [text[a:b].strip() for a, b in columns]
        filled = [c for c in cells if c]
        if not filled or (len(filled) == 1 and _page_mark(filled[0]) and not (number and cells[0])):
            continue  # a page number or «Продолжение таблицы» between the rows
        data = rows[1:]  # before the first row: the header's names wrapped onto this line
        starts = ROW_START.fullmatch(cells[0]) is not None if number else (
            cells[activity][:1].isupper() and (not data or bool(data[-1][1][date]))
        )
        if starts:
            rows.append((line, cells))
            continue
        joined = [join_wrapped(old, new) if new else old for old, new in zip(rows[-1][1], cells, strict=True)]
        rows[-1] = (rows[-1][0], joined)
    data = [c for _, c in rows[1:]]
    if len(data) < 2 or not all(date_cell(c[date]) for c in data):
        return None
    if number and not all(ROW_START.fullmatch(c[0]) for c in data):
        return None
    return j - 1, rows


def _merge_narrow_gaps(columns: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Stretches of text a single space apart are one column (words of a cell); two or more apart, two."""
    out: list[tuple[int, int]] = []
    for a, b in columns:
        if out and a - out[-1][1] < 2:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _page_mark(text: str) -> bool:
    return PAGE_MARK.fullmatch(text.rstrip(".:")) is not None or (text.isdigit() and len(text) <= 3)
