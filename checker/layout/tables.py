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
leaves `flattened_table` in `metadata.suspected`.
"""

from __future__ import annotations

import re
from itertools import combinations, pairwise

from checker.document import Document
from checker.layout.lines import (
    Context,
    Line,
    Scan,
    fold_label,
    plural,
    table_from_rows,
)
from checker.parsers.text import join_wrapped

# Column names of a table of measures, folded (ё→е, lower case).
_COLUMNS: dict[str, str] = {
    "number": r"№|№\s*п/п|n\s*п/п|п/п|№\s*пп|номер",
    "activity": r"(?:наименование|содержание|перечень)\s+(?:мероприяти[йяе]|работы?|деятельности)|мероприяти[ея]"
    r"|мероприятие|вид\s+деятельности|действия|содержание\s+мероприятия|направление",
    "date": r"сроки?(?:\s+(?:исполнения|реализации|проведения|выполнения))?|дата(?:\s+проведения)?"
    r"|период(?:\s+реализации)?",
    "responsible": r"ответственн(?:ые|ый|ое)(?:\s+(?:исполнител[иь]|лиц[оа]|за\s+исполнение))?|исполнител[иь]",
    "participants": r"участники|целевая\s+группа|категори[яи]\s+участников",
    "result": r"(?:ожидаем|планируем)(?:ый|ые)\s+результат(?:ы)?|результат(?:ы)?|показател[иь](?:\s+\w+)?"
    r"|итоговый\s+документ|форма\s+(?:отчетности|представления\s+результатов?)|продукт",
    "other": r"примечани[ея]|отметка\s+о\s+выполнении|источник(?:и)?\s+финансирования|уровень|ресурсы"
    r"|форма\s+проведения|место\s+проведения",
}
_COLUMN_RE = {k: re.compile(rf"(?:{v})") for k, v in _COLUMNS.items()}
_ANY_COLUMN = re.compile("|".join(f"(?:{v})" for v in _COLUMNS.values()))
_ROW_START = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3}\.?)(?:\s+(\S.*))?$")
_DATE_LIKE = re.compile(
    r"\d{4}|\d{1,2}\.\d{1,2}|январ|феврал|март|апрел|ма[йя]\b|июн|июл|август|сентябр|октябр|ноябр|декабр"
    r"|квартал|полугоди|в\s+течение|ежемесячн|ежегодн|еженедельн|ежекварт|постоянн|по\s+мере|систематич"
    r"|учебн|четверт|по\s+графику|по\s+плану|до\s+\d",
    re.IGNORECASE,
)
_DATE_START = re.compile(
    r"(?:(?:с|до|по|к|в|не\s+позднее)\s+)?(?:\d|[IVX]{1,3}\s+(?:квартал|полугод|четверт)|январ|феврал|март|апрел"
    r"|ма[йя]\b|июн|июл|август|сентябр|октябр|ноябр|декабр|в\s+течение|течение|ежемесячн|ежегодн|еженедельн"
    r"|ежекварт|постоянн|по\s+мере|систематич|учебн|по\s+графику|по\s+плану)",
    re.IGNORECASE,
)
_BOX_V = "│┃║"
# A border line: frame characters only (one stray character at the end: a corner a code page lost).
_BOX_BORDER = re.compile(r"^[─━═┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬╟╢╤╧╪╫╒╓╕╖╘╙╛╜╞╡╥╨+\-= ]{3,}.?$")
_BOX_SEPARATORS = frozenset("│┃║├┤┼┬┴╟╢╫╠╣╬╤╧╪╥╨")
_BOX_FILL = "─━═"
_PIPE_ONLY = re.compile(r"^\|[|\s]*$")
_ROW_END = re.compile(r"\|\s*\|[|\s]*$")


def _column_kind(text: str) -> str | None:
    if len(text) > 70:
        return None
    folded = fold_label(text)
    if len(folded) > 60:
        return None
    for kind, pattern in _COLUMN_RE.items():
        if pattern.fullmatch(folded):
            return kind
    return None


# --- pipes ------------------------------------------------------------------------------------------


def _pipe_cells(text: str) -> list[str]:
    s = text.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|"):
        s = s[:-1]
    return [c.strip() for c in s.split("|")]


def _pipe_rows(lines: list[Line], i: int) -> tuple[int, list[tuple[Line, list[str]]]] | None:
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


def _database_rows(lines: list[Line], i: int) -> tuple[int, int, list[tuple[Line, list[str]]]] | int | None:
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
        return None
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
    if sum(1 for name in header if _column_kind(name)) < 2:
        return rows  # no header of column names (a passport's label | value rows)
    subs = []
    for k, (_, cells) in enumerate(rows[1:], start=1):
        filled = [c for c in cells if c]
        if _ROW_START.match(filled[0]) or len(filled) == 1 or len(filled) >= len(header):
            break  # the first numbered row, a section title or a full row: data from here
        subs.append((k, filled))
    if not subs:
        return rows
    dates = [k for k, name in enumerate(header) if _column_kind(name) == "date"]
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


# --- tabs and box drawing --------------------------------------------------------------------------------


def _tab_rows(lines: list[Line], i: int) -> tuple[int, list[tuple[Line, list[str]]]] | None:
    if "\t" not in lines[i].text:
        return None
    width = len(lines[i].text.split("\t"))
    rows = []
    j = i
    while j < len(lines) and "\t" in lines[j].text:
        cells = [c.strip() for c in lines[j].text.split("\t")]
        if abs(len(cells) - width) > 1:
            break
        rows.append((lines[j], cells))
        j += 1
    filled = min(sum(1 for c in cells if c) for _, cells in rows)
    if len(rows) >= 3 or (len(rows) == 2 and filled >= 3):
        return j - 1, rows
    return None


def _box_content(text: str) -> bool:
    return sum(text.count(c) for c in _BOX_V) >= 2


def _box_segments(text: str) -> list[tuple[int, str]]:
    """(start column, text) of each stretch between two separators of a frame line."""
    cuts = [k for k, ch in enumerate(text) if ch in _BOX_SEPARATORS]
    out = []
    for a, b in pairwise(cuts):
        piece = text[a + 1 : b].strip(_BOX_FILL + " ")
        out.append((a + 1, piece))
    return out


def _box_rows(lines: list[Line], i: int, vocab: set[str]) -> tuple[int, list[tuple[Line, list[str]]]] | None:
    """A frame of box-drawing characters, read by character columns: the grid is every position where a
    separator stands on some line, a stretch between two separators goes to the grid column it starts
    in (a merged header cell and the sub-headers under it share that column), and the lines between two
    full borders are one row."""
    first = lines[i].text
    if not (_box_content(first) or (_BOX_BORDER.match(first) and any(c in first for c in "┌╔├"))):
        return None
    groups: list[list[Line]] = []
    current: list[Line] = []
    borders: list[Line] = []
    j = i
    while j < len(lines):
        t = lines[j].text
        if _BOX_BORDER.match(t) and not _box_content(t):
            borders.append(lines[j])
            if current:
                groups.append(current)
                current = []
        elif _box_content(t):
            current.append(lines[j])
        else:
            break
        j += 1
    if current:
        groups.append(current)
    inner = sum(1 for b in borders if any(c in b.text for c in "├┼╟╠╪╫"))
    if inner == 0:  # only a frame around: every line is a row
        groups = [[ln] for g in groups for ln in g]
    grid = sorted({a for g in groups for ln in g for a, _ in _box_segments(ln.text)})
    if len(grid) < 2:
        return None
    column = {a: k for k, a in enumerate(grid)}
    rows: list[tuple[Line, list[str]]] = []
    for group in groups:
        cells = [""] * len(grid)
        for ln in group:
            for a, piece in _box_segments(ln.text):
                if piece:
                    k = column[a]
                    cells[k] = join_wrapped(cells[k], piece, vocab) if cells[k] else piece
        if any(cells):
            rows.append((group[0], cells))
    if len(rows) < 2:
        return None
    return j - 1, rows


# --- a header of known columns, then one cell per line -----------------------------------------------------


def _header(lines: list[Line], i: int) -> tuple[list[str], list[str], int] | None:
    """(column kinds, header cell texts, index after the header) of a header of known column names,
    one per line; a name may wrap onto a second line («Сроки» / «исполнения»)."""
    kinds: list[str] = []
    texts: list[str] = []
    j = i
    while j < len(lines) and len(kinds) < 10:
        if j + 1 < len(lines):
            joined = f"{lines[j].text} {lines[j + 1].text}"
            kind = _column_kind(joined)
            if kind is not None:
                kinds.append(kind)
                texts.append(joined)
                j += 2
                continue
        kind = _column_kind(lines[j].text)
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
        starts = _DATE_START.match(cell) is not None
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


def _cell_rows(lines: list[Line], i: int) -> tuple[int, list[tuple[Line, list[str]]]] | bool | None:
    """A header of column names then one cell per line. None: no header here; False: a header whose
    rows could not be told apart."""
    header = _header(lines, i)
    if header is None:
        return None
    kinds, names, j = header
    if kinds[0] != "number":
        return False
    groups: list[tuple[Line, list[str], bool]] = []  # (first line, lines, number and text on one line)
    while j < len(lines):
        m = _ROW_START.match(lines[j].text)
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


def _section(parts: list[str]) -> bool:
    return not _DATE_LIKE.search(parts[1]) and parts[1][:1].isupper()


# --- the pass -------------------------------------------------------------------------------------------


# Reasons to look, as substrings (a fast scan): cell separators, a frame, a «№» column name on its own line.
_SEPARATOR_HINTS = ("|", "\t")
_BOX_HINTS = tuple(_BOX_V + "┌╔")
_NUMBER_HINTS = ("\n№\n", "\n№ п/п", "\n№п/п", "\nN п/п", "\n№ пп", "\nn п/п")


def run(document: Document, context: Context) -> Document:
    text = context.text(document)
    boxes = any(h in text for h in _BOX_HINTS)
    if not (boxes or any(h in text for h in _SEPARATOR_HINTS) or any(h in text for h in _NUMBER_HINTS)):
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
                db = _database_rows(lines, i)
                if isinstance(db, int):
                    suspect = True
                    i = db + 1
                    continue
                if db:
                    first, last, rows = db
                    found, what = (first, last, rows), "таблица собрана из строк с «|» (копия из правовой базы)"
                else:
                    pr = _pipe_rows(lines, i)
                    if pr is not None:
                        found, what = (i, pr[0], pr[1]), "таблица собрана из строк с «|»"
            elif "\t" in text and fmt not in ("txt", "md"):
                tr = _tab_rows(lines, i)
                if tr is not None:
                    found, what = (i, tr[0], tr[1]), "таблица собрана из строк, разделённых табуляцией"
            elif boxes and any(c in text for c in _BOX_HINTS):
                if vocab is None:
                    vocab = set()
                br = _box_rows(lines, i, vocab)
                if br is not None:
                    found, what = (i, br[0], br[1]), "таблица собрана из рамки псевдографики"
            elif _column_kind(text) is not None:
                cr = _cell_rows(lines, i)
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
            page = document.blocks[lines[first].block].location.page
            block = table_from_rows([(ln.line, cells) for ln, cells in rows], page)
            scan.replace(offset + first, offset + last, [block])
            width = max(len(c) for _, c in rows)
            notes.append(
                f"{what}: {plural(len(rows), 'строка', 'строки', 'строк')}, "
                f"{plural(width, 'столбец', 'столбца', 'столбцов')}"
            )
            i = last + 1
    if scan.apply():
        document.metadata.recovered.extend(notes)
    if (suspect or _flattened_header(document)) and "flattened_table" not in document.metadata.suspected:
        document.metadata.suspected.append("flattened_table")
    return document


def _flattened_header(document: Document) -> bool:
    """A line naming three or more known columns (a header whose cells ran together) with no table
    right after it."""
    blocks = document.blocks
    for i, block in enumerate(blocks):
        if block.kind == "table" or block.role is not None or len(block.text) > 200:
            continue
        folded = fold_label(block.text)
        if not _COLUMN_RE["activity"].search(folded):
            continue
        kinds = {k for k, p in _COLUMN_RE.items() if p.search(folded)}
        if len(kinds) < 3 or "activity" not in kinds or not {"date", "responsible"} & kinds:
            continue
        # nothing but column names: a header, not a sentence about one
        header_only = len(_ANY_COLUMN.sub(" ", folded).replace("|", " ").split()) <= 2
        if header_only and not any(b.kind == "table" for b in blocks[i + 1 : i + 3]):
            return True
    return False

