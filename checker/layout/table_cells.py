"""A header of known column names, one per line, then one cell per line: rows start at their number
(«1.», «1.1»), so the header must have a «№» column; a cell wrapped onto two lines is rejoined where
exactly one reading puts a date in the date column and nowhere else."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import combinations, pairwise

from checker.layout.lines import Line
from checker.layout.table_columns import (
    DATE_LIKE,
    DATE_START,
    JOINER,
    PAGE_MARK,
    PERSON,
    ROW_START,
    column_kind,
    date_cell,
    date_more,
)
from checker.parsers.text import join_wrapped


def _header(lines: list[Line], i: int) -> tuple[list[str], list[str], int] | None:
    """(column kinds, header cell texts, index after the header) of a header of known column names,
    one per line; a name may wrap onto a second line («Сроки» / «исполнения»)."""
    kinds: list[str] = []
    texts: list[str] = []
    j = i
    while j < len(lines) and len(kinds) < 10:
        if j + 1 < len(lines) and not _two_names(lines[j].text, lines[j + 1].text):
            joined = f"{lines[j].text} {lines[j + 1].text}"
            kind = column_kind(joined)
            if kind is not None:
                kinds.append(kind)
                texts.append(joined)
                j += 2
                continue
        kind = column_kind(lines[j].text)
        if kind is None and _other_column(lines, j, kinds):
            kind = "other"
        if kind is None:
            break
        kinds.append(kind)
        texts.append(lines[j].text)
        j += 1
    if len(kinds) < 3 or "activity" not in kinds or not {"date", "responsible"} & set(kinds):
        return None
    return kinds, texts, j


def _two_names(first: str, second: str) -> bool:
    """Two lines each naming a column of its own kind («Показатели» / «Ответственные»): two header cells, not one
    name wrapped onto a second line («Ответственный» / «исполнитель» name one)."""
    one, two = column_kind(first), column_kind(second)
    return one is not None and two is not None and one != two


_OTHER_NAME = re.compile(r"[А-ЯЁ][а-яё]+(?:[ -][а-яё()«»\"-]+){0,4}")


def _other_column(lines: list[Line], j: int, kinds: list[str]) -> bool:
    """A column name the vocabulary does not know («Ожидаемый результат (показатель)», «Примечание») between
    known ones: a short capitalised phrase, after the number and measure columns and before a known name."""
    if len(kinds) < 2 or "activity" not in kinds or kinds.count("other") >= 2 or j + 1 >= len(lines):
        return False
    text = lines[j].text.strip()
    if len(text) > 60 or not _OTHER_NAME.fullmatch(text) or DATE_START.match(text):
        return False
    return column_kind(lines[j + 1].text) is not None


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
    rows could not be told apart. Page marks and the header repeated after a page break are passed over."""
    header = _header(lines, i)
    if header is None:
        return None
    kinds, names, j = header
    view, where = _without_page_marks(lines, j, kinds)
    if kinds[0] != "number":
        at = _skip_column_numbers(view, 0, len(kinds))
        found = _wrapped_rows(view, at, kinds) if kinds[0] == "activity" and "date" in kinds else None
        if found is None:
            found = _unnumbered_rows(view, at, kinds)
        if found is None:
            return False
        return where[found[0]], [(lines[i], names), *found[1]]
    numbered = _numbered_rows(view, kinds)
    if numbered is False:
        return False
    return where[numbered[0]], [(lines[i], names), *numbered[1]]


def _without_page_marks(lines: list[Line], j: int, kinds: list[str]) -> tuple[list[Line], list[int]]:
    """The lines from j without page marks («- 2 -», «Продолжение таблицы»; a bare number too where the
    table has no number column) and without the header repeated on a new page; with each kept line's
    index in `lines`."""
    view: list[Line] = []
    where: list[int] = []
    k = j
    while k < len(lines):
        text = lines[k].text
        if PAGE_MARK.fullmatch(text.rstrip(".:")) or (kinds[0] != "number" and _BARE_NUMBER.fullmatch(text)):
            k += 1
            continue
        if column_kind(text) is not None:
            again = _header(lines, k)
            if again is not None and again[0] == kinds:
                k = again[2]
                continue
        view.append(lines[k])
        where.append(k)
        k += 1
        if len(text) > _PARAGRAPH or len(view) > _MAX_VIEW:
            break  # running text: the table, if any, ended before it (and the view stays short)
    return view, where


_PARAGRAPH = 1000  # characters: a line this long is a paragraph, not a cell
_MAX_VIEW = 3000  # lines a table of one cell per line may take


_BARE_NUMBER = re.compile(r"\d{1,3}")


def _numbered_rows(lines: list[Line], kinds: list[str]) -> tuple[int, list[tuple[Line, list[str]]]] | bool:
    """Rows that start at their number («1.», «1.1»), from the first line."""
    j = 0
    groups: list[tuple[int, list[str], bool]] = []  # (first line's index, lines, number and text on one line)
    while j < len(lines):
        m = ROW_START.match(lines[j].text)
        if m is not None and m.group(2) and not m.group(2)[:1].isupper() and m.group(2)[:1] not in '«"':
            m = None  # `12 сентября 2018`: a date cell, not a numbered row
        if m is None:
            if not groups:
                return False
            # after a complete row, a line that starts no row ends the table, unless the next row's number
            # follows within a few lines (the row's last cell wrapped)
            _, done, inline = groups[-1]
            complete = _row_cells(done, kinds) is not None or (inline and len(done) == 2 and _section(done))
            if complete and not _next_row_near(lines, j, done[0]):
                break
            done.append(lines[j].text)
        else:
            parts = [m.group(1)] + ([m.group(2)] if m.group(2) else [])
            groups.append((j, parts, m.group(2) is not None))
        j += 1
    rows: list[tuple[Line, list[str]]] = []
    for k, (start, parts, inline) in enumerate(groups):
        cells = _row_cells(parts, kinds) or _row_by_date(parts, kinds)
        if cells is None:
            if inline and len(parts) == 2 and _section(parts):
                cells = [f"{parts[0]} {parts[1]}"]  # a section title across the table
            elif k == len(groups) - 1 and j == len(lines) and len(rows) >= 2:
                # the text stops inside the last row (a copy cut short): the table ends before it
                return start - 1, rows
            else:
                return False
        rows.append((lines[start], cells))
    if not rows:
        return False
    return j - 1, rows


def _next_row_near(lines: list[Line], j: int, number: str) -> bool:
    """A line starting the row after `number` («2» after «1», «1.3» after «1.2», «2.» or «2.1» after «1.4»)
    within the next four lines from j."""
    parts = number.rstrip(".").split(".")
    if not all(p.isdigit() for p in parts):
        return False
    head = str(int(parts[0]) + 1)
    following = {head, f"{head}.", f"{head}.1", f"{head}.1."}
    if len(parts) > 1:
        nxt = ".".join([*parts[:-1], str(int(parts[-1]) + 1)])
        following |= {nxt, f"{nxt}."}
    for line in lines[j + 1 : j + 5]:
        m = ROW_START.match(line.text)
        if m is not None and m.group(1) in following:
            return True
    return False


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


def _skip_column_numbers(lines: list[Line], j: int, n: int) -> int:
    """The row of column numbers under a header («1», «2», «3» on lines of their own) carries no data."""
    if j + n <= len(lines) and [ln.text.strip(".") for ln in lines[j : j + n]] == [str(k) for k in range(1, n + 1)]:
        return j + n
    return j


# How many lines a cell may take, and a row may hold between its date and the next row's date.
_MAX_MEASURE_LINES = 8
_MAX_CELL_LINE = 160


def _starts_row(text: str) -> bool:
    """A measure's first line: a capital, a quote or a number, never a word that only goes on a line."""
    return (text[:1].isupper() or text[:1] in '«"') and JOINER.match(text) is None


def _score(parts: list[list[str]], kinds: list[str]) -> int:
    """Who is responsible names a post or a person on each of its lines (or goes on with «по УВР»), and
    no other cell starts with one; no cell ends on a word that goes on (a comma, a hyphen, «по»)."""
    score = 0
    for kind, lines in zip(kinds, parts, strict=False):  # no cells after the date at the head
        cell = " ".join(lines)
        if kind == "responsible":
            score += 1 if PERSON.search(cell) else 0
            score += 1 if PERSON.search(lines[0]) else 0
            if any(not PERSON.search(t) and not JOINER.match(t) for t in lines[1:]):
                score -= 1
        elif PERSON.match(cell):
            score -= 1
        if cell.endswith((",", "-", "–")) or _JOINER_END.search(cell):
            score -= 1
    return score


_JOINER_END = re.compile(r"\s(?:по|и|в|во|на|с|со|для|к|о|об|от|до|из|за|при|а|или|под|через)$")


def _goes_on(prev: str, line: str) -> bool:
    """`line` is the rest of the cell `prev` ends: it starts with a small letter, a digit, a bracket or a
    dash, or `prev` ends on a comma or on a word that goes on («по»)."""
    return (
        line[:1].islower()
        or line[:1].isdigit()
        or line[:1] in "(-–"
        or prev.endswith((",", ";", "-", "–"))
        or _JOINER_END.search(prev) is not None
    )


def _cells_of(lines: list[str], m: int) -> Iterator[list[list[str]]]:
    """The ways to read `lines` as m cells, each a line or more, every further line the rest of its cell."""
    if m == 0 or len(lines) < m:
        if not lines and m == 0:
            yield []
        return
    for cuts in combinations(range(1, len(lines)), m - 1):
        parts = [lines[a:b] for a, b in pairwise([0, *cuts, len(lines)])]
        if all(not (JOINER.match(p[0]) and p[0][:1].islower()) for p in parts) and all(
            _goes_on(prev, line) for p in parts for prev, line in pairwise(p)
        ):
            yield parts


_MAX_WRAPS = 6  # lines a group of cells may take beyond one a cell
Reading = tuple[int, list[list[str]], list[str], list[list[str]]]


def _read(
    seg: list[str], after: list[str], before: list[str], head: bool, last: bool, whole: bool = False
) -> Reading | None:
    """The lines between one row's date and the next row's: the cells after the date (none at the head of
    the table), the next measure, its cells before its date (none when `last`: then the lines after the
    cells are no part of the table, unless `whole`: every line is). (lines the cells after the date take,
    those cells, the measure, the cells before its date) of the one best reading; None when there is none
    or two read equally well."""
    best: list[tuple[int, Reading]] = []
    spans = range(len(after), min(len(seg), len(after) + _MAX_WRAPS) + 1)
    for a in [0] if head else [len(seg)] if whole else spans:
        if last:
            if a < len(seg) and not _starts_row(seg[a]):
                continue
            best += [(_score(cells, after), (a, cells, [], [])) for cells in _cells_of(seg[:a], len(after))]
            continue
        for b in range(len(before), min(len(seg) - a - 1, len(before) + _MAX_WRAPS) + 1):
            mu = len(seg) - a - b
            if not 1 <= mu <= _MAX_MEASURE_LINES or not _starts_row(seg[a]):
                continue
            measure = seg[a : a + mu]
            for cells in [[]] if head else _cells_of(seg[:a], len(after)):
                for more in _cells_of(seg[a + mu :], len(before)):
                    score = _score(cells, after) + _score(more, before) - (1 if PERSON.match(measure[0]) else 0)
                    best.append((score, (a, cells, measure, more)))
    best.sort(key=lambda t: -t[0])
    if len(best) > 1 and best[0][0] == best[1][0]:
        # a tie: the reading whose cells do not end on a word that needs the next (an adjective, a
        # preposition: «Посещение уроков молодых» / «специалистов») is the one
        top = [(-sum(_open_end(" ".join(c)) for c in _all_cells(r)), r) for score, r in best if score == best[0][0]]
        top.sort(key=lambda t: -t[0])
        best = [(best[0][0] + t[0], t[1]) for t in top]
    if not best or (len(best) > 1 and best[0][0] == best[1][0]):
        return None
    return best[0][1]


def _row_by_date(parts: list[str], kinds: list[str]) -> list[str] | None:
    """A numbered row whose lines fit no simple reading (a wrapped line starting with a capital, a cell
    over several lines): read from its date as rows without numbers are, every line in a cell."""
    if kinds[:2] != ["number", "activity"] or "date" not in kinds:
        return None
    d = kinds.index("date")
    before, after = kinds[2:d], kinds[d + 1 :]
    body = parts[1:]
    k = next((x for x in range(1, len(body)) if date_cell(body[x])), None)
    if k is None:
        return None
    e = k + 1
    while e < len(body) and e - k < 4 and _date_goes_on(body[e - 1], body[e]):
        e += 1
    head = _read(body[:k], after, before, head=True, last=False)
    tail = _read(body[e:], after, before, head=False, last=True, whole=True)
    if head is None or tail is None:
        return None
    return [parts[0], " ".join(head[2]), *(" ".join(c) for c in head[3]), " ".join(body[k:e]),
            *(" ".join(c) for c in tail[1])]  # fmt: skip


def _all_cells(reading: Reading) -> list[list[str]]:
    return [*reading[1], *([reading[2]] if reading[2] else []), *reading[3]]


_LAST_WORD = re.compile(r"([А-Яа-яЁё]+)[^А-Яа-яЁё]*$")


@lru_cache(maxsize=4096)
def _open_word(word: str) -> bool:
    try:
        from checker.language.morphology import analyzer  # lazy: only a tie needs the dictionary
    except Exception:  # no pymorphy3: no tie-breaker
        return False
    tag = analyzer().parse(word)[0].tag
    return tag.POS in ("ADJF", "PRTF", "PREP", "CONJ")


def _open_end(cell: str) -> bool:
    """The cell ends on a word that needs the next one: an adjective or participle, a preposition."""
    if cell.endswith((",", "-", "–")):
        return True
    m = _LAST_WORD.search(cell)
    return m is not None and not cell.rstrip().endswith((".", "»", ")")) and _open_word(m.group(1).lower())


def _next_date(texts: list[str], start: int, window: int) -> tuple[int, bool]:
    """(index, found): the next line that is a date cell within `window` lines, or where the table's
    lines stop (a long line, a signature line, the end)."""
    k = start
    while k < len(texts) and k - start < window:
        if date_cell(texts[k]):
            return k, True
        if len(texts[k]) > _MAX_CELL_LINE or "___" in texts[k]:
            break
        k += 1
    return k, False


def _wrapped_rows(lines: list[Line], j: int, kinds: list[str]) -> tuple[int, list[tuple[Line, list[str]]]] | None:
    """Rows without a number column whose measure may wrap over several lines, read from their dates (the
    one cell recognisable by its shape): between two dates stand the cells after the first date, the
    next measure and its cells before its date. A wrapped line starts with a small letter or a digit, or
    follows a comma or a word that goes on; where the lines can be read more than one way, the reading
    with a post or a person on each line of «Ответственные» (and at the start of no other cell) wins,
    and a tie leaves the table unread. The structure must be evident: a date in every row, a post or a
    person in most «Ответственные» cells; else None."""
    d = kinds.index("date")
    before, after = kinds[1:d], kinds[d + 1 :]
    if kinds[0] != "activity" or len(before) > 2:
        return None
    texts = [ln.text for ln in lines]
    window = _MAX_MEASURE_LINES + len(before) + len(after) + 2 * _MAX_WRAPS
    k, found = _next_date(texts, j, window)
    first = _read(texts[j:k], after, before, head=True, last=False) if found else None
    if first is None:
        return None
    rows: list[tuple[Line, list[str]]] = []
    start, measure, more = j, first[2], first[3]
    end = j
    while True:
        e = k + 1
        while e < len(texts) and e - k < 4 and _date_goes_on(texts[e - 1], texts[e]):
            e += 1
        date = " ".join(texts[k:e])
        f, found = _next_date(texts, e, window)
        got = _read(texts[e:f], after, before, head=False, last=False) if found else None
        if got is None:  # the table ends after this row
            got = _read(texts[e:f], after, before, head=False, last=True)
            if got is None:
                break
        used, cells = got[0], got[1]
        section = _section_title(measure)
        if section is not None:
            rows.append((lines[start], [section]))
            start, measure = start + 1, measure[1:]
        row = [" ".join(measure), *(" ".join(c) for c in more), date, *(" ".join(c) for c in cells)]
        rows.append((lines[start], row))
        end = e + used
        if not got[2]:
            break
        start, measure, more, k = end, got[2], got[3], f
    data = [cells for _, cells in rows if len(cells) > 1]
    if len(data) < 2:
        return None
    if "responsible" in kinds:
        r = kinds.index("responsible")
        if sum(1 for cells in data if PERSON.search(cells[r])) * 3 < len(data) * 2:
            return None  # no posts where the responsible should be: the reading is not evident
    return end - 1, rows


def _date_goes_on(prev: str, text: str) -> bool:
    """The date cell wrapped: «Август 2022» / «года», «сентябрь,» / «декабрь»."""
    if date_cell(text):
        year_only = _YEAR.fullmatch(text) is not None and _YEAR.search(prev) is None
        return year_only or prev.endswith((",", "-", "–", ";"))
    return date_more(text)


_YEAR = re.compile(r"\d{4}(?:\s*(?:г\.|года?|гг\.))?")


_SECTION = re.compile(r"^(?:[IVX]{1,4}|\d{1,2})\.\s+[А-ЯЁ]")


def _section_title(measure: list[str]) -> str | None:
    """A numbered section title across a table without a number column («2. Работа с кадрами»), on
    its own line before a measure."""
    if len(measure) >= 2 and _SECTION.match(measure[0]) and _starts_row(measure[1]) and not measure[0].endswith(","):
        return measure[0]
    return None
