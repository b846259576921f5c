"""`table`: the table of measures: required columns found fuzzily in the header, every row filled and dated.

The table is the document table whose header (first 1-2 rows) explains the configured columns best;
the tables right after it with the same column structure are its continuation (a table split by pages
or retyped under a repeated heading). Each defect is its own Outcome with its own message and location.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from rapidfuzz import fuzz

from checker.document import Block, Cell, Document, Location, Row
from checker.engine.context import CheckContext
from checker.engine.rule import Localized, Outcome, RuleBase, valid_regex
from checker.language.morphology import lemmatize
from checker.language.normalize import normalize
from checker.layout.passport import is_passport
from checker.layout.table_columns import ROLE_WORDINGS
from checker.safe_regex import compile_pattern

Role = Literal["activity", "date", "responsible", "participants", "result", "other"]
_STOP = {"и", "в", "об", "о", "по", "с", "за", "для", "на", "№", "n"}
_EMPTY = re.compile(r"^[\s\-–—_.]*$")
_NUMBERING_ROW = re.compile(r"^\d{1,2}\.?$")


class Column(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: Localized
    synonyms: list[str] = Field(default_factory=list, description="header wordings; the name is one of them")
    required: bool = True
    role: Role = "other"
    elsewhere: list[str] = Field(
        default_factory=list,
        description="regexes (on lower-case text) of a label outside the table that states the column's content "
        "for the whole table — a passport row, a heading or a line «Задачи: …» above it; found, the column "
        "is not demanded",
    )

    @field_validator("elsewhere")
    @classmethod
    def _patterns_compile(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            valid_regex(pattern)  # a pack's pattern, checked when the pack loads
        return patterns

    def phrasings(self) -> list[str]:
        return [self.name.ru, *self.synonyms, *ROLE_WORDINGS.get(self.role, ())]


@lru_cache(maxsize=4096)
def _lemmas(text: str) -> tuple[str, ...]:
    return tuple(w for w in lemmatize(normalize(text)).split() if w not in _STOP)


@lru_cache(maxsize=4096)
def _flat(text: str) -> str:
    # PDF cells break words without a hyphen («Ответственны\nй»): compare letters only
    return re.sub(r"[^a-zа-я0-9]", "", normalize(text))


def column_score(header: str, phrasings: Iterable[str]) -> float:
    return _column_score(header, tuple(phrasings))


@lru_cache(maxsize=16384)
def _column_score(header: str, phrasings: tuple[str, ...]) -> float:
    """0..~105: how well a header cell names a column. Lemma subset first, then letters-only fuzzy
    (broken words); weighted by how much of the header the phrasing explains, plus a bonus when the
    header starts with the phrasing's head word («Участники мероприятия» is participants, not activity)."""
    head = _lemmas(header)
    flat = _flat(header)
    if not flat:
        return 0.0
    best = 0.0
    for phrase in phrasings:
        words = _lemmas(phrase)
        if not words:
            continue
        if all(w in head for w in words):
            base = 100.0
        else:
            target = _flat(phrase)
            base = fuzz.partial_ratio(target, flat) if len(target) >= 4 else 0.0
            if base < 80:
                continue
        coverage = min(1.0, len(words) / max(len(head), 1))
        bonus = 5.0 if head and words[0] == head[0] else 0.0
        best = max(best, base * (0.8 + 0.2 * coverage) + bonus)
    return best


def grid(row: Row, width: int) -> list[Cell | None]:
    """The row's cells by column position, expanding horizontal spans."""
    out: list[Cell | None] = []
    for cell in row.cells:
        out.append(cell)
        out.extend([cell] * (max(cell.col_span, 1) - 1))
    return (out + [None] * width)[:width]


def _text(cell: Cell | None) -> str:
    return cell.text.strip() if cell is not None else ""


def _width(block: Block) -> int:
    assert block.table is not None
    return max((sum(max(c.col_span, 1) for c in r.cells) for r in block.table.rows), default=0)


@dataclass
class Header:
    rows: int  # how many rows the header takes
    assignment: dict[int, int]  # configured column index -> table column
    scores: dict[int, float]
    labels: list[str]  # header text per table column

    @property
    def total(self) -> float:
        return sum(self.scores.values())


def match_header(rows: list[Row], width: int, columns: list[Column], threshold: float = 80) -> Header | None:
    """The best reading of the first 1 or 2 rows as a header: greedy assignment by score."""
    best: Header | None = None
    for depth in (1, 2):
        if len(rows) < depth:
            break
        labels = [""] * width
        for row in rows[:depth]:
            for i, cell in enumerate(grid(row, width)):
                text = _text(cell)
                if text and text not in labels[i]:
                    labels[i] = f"{labels[i]} {text}".strip()
        pairs = sorted(
            (
                (column_score(label, col.phrasings()), ci, ti)
                for ci, col in enumerate(columns)
                for ti, label in enumerate(labels)
            ),
            reverse=True,
        )
        assignment: dict[int, int] = {}
        scores: dict[int, float] = {}
        for score, ci, ti in pairs:
            if score < threshold or ci in assignment or ti in assignment.values():
                continue
            assignment[ci], scores[ci] = ti, score
        header = Header(depth, assignment, scores, labels)
        # a second header row must add something, or it is the first data row
        if best is None or header.total > best.total + 1:
            best = header
    return best if best and best.assignment else None


@dataclass
class MeasuresTable:
    """The table of measures as one logical table (possibly several document tables)."""

    blocks: list[Block]
    header: Header
    width: int
    rows: list[tuple[int, Row]] = field(default_factory=list)  # (logical row number, row): data rows only


def _is_numbering(row: Row, width: int) -> bool:
    texts = [_text(c) for c in grid(row, width)]
    return all(_NUMBERING_ROW.match(t) for t in texts if t) and sum(1 for t in texts if t) >= max(2, width - 1)


def is_subheader(row: Row, width: int) -> bool:
    """A section row merged across the width («1. Организационные мероприятия»): one text, spanning,
    repeated in every position (python-docx) or alone in the first cell (PDF merged cells)."""
    cells = grid(row, width)
    texts = [_text(c) for c in cells]
    distinct = {t for t in texts if t}
    if len(distinct) != 1:
        return False
    text = distinct.pop()
    positions = [i for i, t in enumerate(texts) if t]
    if len(positions) >= 2:
        return True
    cell = cells[positions[0]]
    if cell is not None and cell.col_span >= max(width - 1, 2):
        return True
    return positions[0] == 0 and width > 2 and not re.fullmatch(r"[\d.\s]+", text)


def find_table(document: Document, columns: list[Column]) -> MeasuresTable | None:
    """Pick the best-matching table (with its continuations): most required columns, then most columns,
    then most rows (a plan split into pieces beats a small table with a neater header), then header score."""
    tables = [b for b in document.blocks if b.kind == "table" and b.table is not None and b.table.rows
              and not is_passport(b.table)]  # fmt: skip
    required = [i for i, c in enumerate(columns) if c.required]
    best: tuple[tuple[int, int, int, float], MeasuresTable] | None = None
    # each table's header is read once: continuations look at every later table (was quadratic)
    headers = {id(b): match_header(b.table.rows[:2], _width(b), columns) for b in tables if b.table is not None}
    for index, block in enumerate(tables):
        assert block.table is not None
        header = headers[id(block)]
        if header is None:
            continue
        found = _with_continuations(tables, index, header, columns, headers)
        key = (sum(1 for i in required if i in header.assignment), len(header.assignment), len(found.rows),
               header.total)  # fmt: skip
        if best is None or key > best[0]:
            best = (key, found)
    return best[1] if best else None


def _with_continuations(
    tables: list[Block], index: int, header: Header, columns: list[Column], headers: dict[int, Header | None]
) -> MeasuresTable:
    first = tables[index]
    width = _width(first)
    found = MeasuresTable([first], header, width)
    number = 0
    for position, block in enumerate(tables[index:]):
        assert block.table is not None
        skip = header.rows if position == 0 else 0
        if position > 0:
            if _width(block) != width:
                break
            again = headers[id(block)]
            if again is not None and again.assignment == header.assignment:
                skip = again.rows  # the header repeated on the next page
            elif again is not None and len(again.assignment) >= 2:
                break  # another table with a header of its own
            found.blocks.append(block)
        for i, row in enumerate(block.table.rows):
            number += 1
            if i < skip or _is_numbering(row, width):
                continue
            found.rows.append((number, row))
    return found


_M = {
    "unseen": Localized(
        ru="Не удалось проверить таблицу {of}: {reason}. Проверьте вручную, {check}.",
        en="Could not check the table {of_en}: {reason}. Check by hand {check_en}.",
    ),
    "no_table": Localized(
        ru="Не найдена таблица мероприятий: нет таблицы со столбцами {columns}. "
        "Оформите план таблицей с этими столбцами.",
        en="No table of measures: no table with the columns {columns}. Lay the plan out as a table with them.",
    ),
    "unnamed_column": Localized(
        ru="Не удалось проверить, есть ли в таблице {of} столбец «{column}»: у одного из её заполненных столбцов "
        "не распознано название. Проверьте вручную, что столбец «{column}» есть и заполнен.",
        en="Could not check whether the table {of_en} has a «{column}» column: the name of one of its filled "
        "columns was not recognised. Check by hand that the «{column}» column is there and filled in.",
    ),
    "no_rows": Localized(
        ru="Не удалось проверить строки таблицы {of}: её заголовок найден, а строк с мероприятиями под ним не "
        "распознано. Проверьте вручную, что каждая строка заполнена.",
        en="Could not check the rows of the table {of_en}: its header was found but no rows of measures were "
        "recognised under it. Check by hand that every row is filled in.",
    ),
    "missing_column": Localized(
        ru="В таблице {of} нет столбца «{column}»; добавьте его и заполните для каждой строки.",
        en="The table {of_en} has no «{column}» column; add it and fill it in for every row.",
    ),
    "empty": Localized(
        ru="Строка {row} («{label}»): не заполнен столбец «{column}»; укажите {what}.",
        en="Row {row} («{label}»): the «{column}» column is empty; fill in {what}.",
    ),
    "unparsed": Localized(
        ru="Строка {row} («{label}»): в столбце «{column}» не распознан срок «{value}»; "
        "укажите дату, период или месяц (например, «до 20.10.2025», «сентябрь 2025», «I квартал»).",
        en="Row {row} («{label}»): the «{column}» value «{value}» is not a date; give a date, period or month.",
    ),
    "vague": Localized(
        ru="Строка {row} («{label}»): размытый срок «{value}»; укажите конкретную дату или период.",
        en="Row {row} («{label}»): vague date «{value}»; give a specific date or period.",
    ),
    "order": Localized(
        ru="Строка {row} («{label}»): в сроке «{value}» начало позже конца; исправьте период.",
        en="Row {row} («{label}»): in «{value}» the start is after the end; fix the period.",
    ),
    "invalid": Localized(
        ru="Строка {row} («{label}»): несуществующая дата — {problem}.",
        en="Row {row} («{label}»): impossible date — {problem}.",
    ),
    "outside": Localized(
        ru="Строка {row} («{label}»): срок «{value}» выходит за период документа ({period}).",
        en="Row {row} («{label}»): «{value}» lies outside the document period ({period}).",
    ),
}
_DOUBT = {
    "flattened": ("в тексте есть таблица, но её строки и столбцы не восстановлены",
                  "the text holds a table whose rows and columns could not be rebuilt"),
    "header": ("есть строка с названиями столбцов, но сама таблица не распознана",
               "a line names the columns, but the table itself was not recognised"),
    "truncated": ("текст документа обрывается, таблица может быть в потерянной части",
                  "the text stops short; the table may be in the lost part"),
    "list": ("план оформлен списком, а не таблицей", "the plan is a list, not a table"),
    "ocr": ("текст получен распознаванием скана, таблица могла не распознаться",
            "the text comes from OCR, the table may not have been recognised"),
}  # fmt: skip
_WHAT = {
    "activity": ("мероприятие", "the activity"),
    "date": ("срок", "the date"),
    "responsible": ("ответственных", "who is responsible"),
    "participants": ("участников", "the participants"),
    "result": ("результат", "the result"),
    "other": ("значение", "a value"),
}


class TableRule(RuleBase):
    kind: Literal["table"]
    columns: list[Column] = Field(min_length=1)
    check_rows: bool = True
    date_or_reference: bool = Field(
        False, description="a date cell may instead hold an order reference («№ 237 от 09.07.2018»)"
    )
    table_of: Localized = Field(
        default_factory=lambda: Localized(ru="мероприятий", en="of measures"),
        description="what the table is of, for messages: «В таблице {table_of} нет столбца …»",
    )

    def check(self, ctx: CheckContext) -> Iterable[Outcome]:
        of = {"of": self.table_of.ru, "of_en": self.table_of.en or self.table_of.ru}
        for outcome in self._check(ctx):
            outcome.params = {**of, **outcome.params}
            yield outcome

    def _check(self, ctx: CheckContext) -> Iterable[Outcome]:
        lang = ctx.lang
        names = [c.name.get(lang) for c in self.columns if c.required]
        table = find_table(ctx.document, self.columns)
        if table is None:
            params = {"columns": ", ".join(f"«{n}»" for n in names)}
            doubt = self._unseen_table(ctx)
            if doubt is not None:
                reason, evidence, location = doubt
                params["reason"] = reason[1 if lang == "en" else 0]
                if reason is _DOUBT["list"]:
                    params["check"] = "что у каждого пункта есть срок и ответственный"
                    params["check_en"] = "that every item has a date and a responsible person"
                else:
                    params["check"] = f"что в ней есть столбцы {params['columns']} и они заполнены"
                    params["check_en"] = f"that it has the columns {params['columns']}, filled in"
                yield Outcome(False, params, evidence, location, unverified=True, message=_M["unseen"])
                return
            yield Outcome(False, params)
            return
        first = table.blocks[0]
        where = first.location.model_copy()
        failures = 0
        outside: list[str] = []
        unnamed = _unnamed_columns(table)
        for ci, column in enumerate(self.columns):
            if not column.required or ci in table.header.assignment:
                continue
            params = {"column": column.name.get(lang)}
            if column.elsewhere and _stated_elsewhere(ctx, table, column.elsewhere):
                outside.append(column.name.get(lang))
                continue
            failures += 1
            if unnamed:
                yield Outcome(False, params, None, where, unverified=True, message=_M["unnamed_column"])
                continue
            yield Outcome(False, params, None, where, message=_M["missing_column"])
        if self.check_rows:
            period = None
            if any(self.columns[ci].role == "date" for ci in table.header.assignment):
                from checker.engine.kinds.period import document_period

                period = document_period(ctx)
            checked = 0
            vague: list[Outcome] = []
            dated = 0
            for number, row in table.rows:
                if is_subheader(row, table.width):
                    continue
                checked += 1
                for outcome in self._row(ctx, table, number, row, period):
                    if outcome.message is _M["vague"]:
                        vague.append(outcome)
                        continue
                    failures += 1
                    yield outcome
                dated += self._has_date_cell(table, row)
            # «в течение года» for an ongoing measure among dated ones, in a plan for one year, names the
            # plan's whole period: that is how real plans are written. «Постоянно», «по мере необходимости»
            # say nothing about when; and a plan whose rows mostly do not say when is the defect.
            if len(vague) * 2 <= dated and _one_year(period):
                vague = [o for o in vague if not _WHOLE_PERIOD.search(o.params["value"])]
            failures += len(vague)
            yield from vague
        else:
            checked = len(table.rows)
        if not failures and self.check_rows and checked == 0:
            # a header with nothing under it that we could read: a pass would vouch for rows nobody saw
            yield Outcome(False, {"rows": 0}, None, where, unverified=True, message=_M["no_rows"])
            return
        if not failures:
            found = ", ".join(table.header.labels[t] for t in sorted(table.header.assignment.values()))
            summary = (
                f"проверено строк: {checked}; столбцы: {found}"
                if lang != "en"
                else f"rows checked: {checked}; columns: {found}"
            )
            if outside:
                names = ", ".join(f"«{n}»" for n in outside)
                summary += f"; {names} — вне таблицы" if lang != "en" else f"; {names} given outside the table"
            yield Outcome(True, {"found": summary, "rows": checked}, None, where)

    def _unseen_table(self, ctx: CheckContext) -> tuple[tuple[str, str], str | None, Location | None] | None:
        """Why a table may be there although none was recognised: the layout pass saw a flattened one,
        the text came from OCR, or a line reads like the table's header (column names in a row)."""
        meta = ctx.document.metadata
        if "flattened_table" in meta.suspected:
            return _DOUBT["flattened"], None, None
        for unit in ctx.text.select("text"):
            if unit.text.words > 30:
                continue
            named = sum(1 for c in self.columns if c.required and column_score(unit.text.clean, c.phrasings()) >= 80)
            if named >= 2 and named >= sum(1 for c in self.columns if c.required) - 1:
                return _DOUBT["header"], unit.text.clean[:160], unit.location
        stacked = self._stacked_header(ctx)
        if stacked is not None:
            return _DOUBT["header"], *stacked
        if meta.ocr or meta.scanned or "ocr_poor" in meta.suspected:
            return _DOUBT["ocr"], None, None
        if "truncated" in meta.suspected:
            return _DOUBT["truncated"], None, None
        dated = [u for u in ctx.text.select("text") if u.block.kind == "list_item" and _has_specific_date(u.text.clean)]
        if len(dated) >= 3:
            return _DOUBT["list"], dated[0].text.clean[:160], dated[0].location
        return None

    def _stacked_header(self, ctx: CheckContext) -> tuple[str, Location] | None:
        """A header flattened one cell per line («Мероприятие» / «Сроки проведения» / «Ответственные»):
        consecutive short lines, each naming a configured column, together naming the required ones."""
        required = [c for c in self.columns if c.required]
        units = list(ctx.text.select("text"))
        for start in range(len(units)):
            named: set[int] = set()
            lines: list[str] = []
            for position, unit in enumerate(units[start : start + len(self.columns) + 4]):
                if unit.text.words > 5:
                    break
                hits = [i for i, c in enumerate(self.columns) if column_score(unit.text.clean, c.phrasings()) >= 80]
                if not hits and (position == 0 or unit.text.words > 3):
                    break  # a short line naming another column («Сроки», «Примечание») may stand between
                named.update(hits)
                lines.append(unit.text.clean)
            count = sum(1 for i, c in enumerate(self.columns) if c.required and i in named)
            if len(lines) >= 2 and count >= 2 and count >= len(required) - 1:
                return " | ".join(lines)[:160], units[start].location
        return None

    def _has_date_cell(self, table: MeasuresTable, row: Row) -> int:
        cells = grid(row, table.width)
        for ci, column in enumerate(self.columns):
            if column.role == "date" and ci in table.header.assignment:
                return int(not _EMPTY.match(_text(cells[table.header.assignment[ci]])))
        return 0

    def _row(self, ctx: CheckContext, table: MeasuresTable, number: int, row: Row, period) -> Iterable[Outcome]:
        lang = ctx.lang
        cells = grid(row, table.width)
        label = _label(cells, table, self.columns)
        base = {"row": number, "label": label}
        for ci, column in enumerate(self.columns):
            if ci not in table.header.assignment:
                continue
            cell = cells[table.header.assignment[ci]]
            value = _text(cell)
            loc = _location(cell, row, table.header.assignment[ci] + 1)
            params = {**base, "column": column.name.get(lang), "value": value}
            if column.required and _EMPTY.match(value):
                params["what"] = _WHAT[column.role][1 if lang == "en" else 0]
                yield Outcome(False, params, row_text(cells), loc, message=_M["empty"])
                continue
            if column.role == "date" and value:
                yield from self._date(value, params, loc, period, ctx.lang)

    def _date(self, value: str, params: dict, loc: Location, period, lang: str) -> Iterable[Outcome]:
        from checker.language.dates import find_dates, format_date

        mentions = find_dates(value)
        if not mentions:
            # a PDF cell may keep a word broken at the cell edge («ежемесячн о»): retry with letters glued
            mentions = find_dates(re.sub(r"(?<=[а-яё])\s+(?=[а-яё])", "", value, flags=re.IGNORECASE))
        invalid = [m for m in mentions if m.kind == "invalid"]
        for m in invalid:
            # the grammar reports a reversed range and an impossible day as `invalid`; tell them apart
            reversed_range = m.problem is not None and "позже" in m.problem
            yield Outcome(
                False,
                {**params, "problem": m.problem or m.text},
                value,
                loc,
                message=_M["order" if reversed_range else "invalid"],
            )
        if invalid:
            return
        specific = [m for m in mentions if m.is_specific or m.kind in ("deadline", "recurring")]
        if not specific:
            if any(m.kind == "vague" for m in mentions):
                yield Outcome(False, params, value, loc, severity="warning", message=_M["vague"])
            elif not (self.date_or_reference and re.search(r"(№|приказ|распоряжени)", value, re.IGNORECASE)):
                yield Outcome(False, params, value, loc, message=_M["unparsed"])
            return
        if period is None:
            return
        start, end, _ = period
        shown = f"{format_date(start)} – {format_date(end)}"
        own_start, own_end = start, end
        if start.month == 9 and start.day == 1 and end.month == 8 and end.day == 31:
            # a school-year plan: its preparation in spring and summer and its follow-up in the autumn after
            # are written in it; only a date outside both calendar years is outside the period
            start, end = dt.date(start.year, 1, 1), dt.date(end.year, 12, 31)
        for m in specific:
            default = _default_year(m, own_start, own_end)
            first, last = m.first_day(default), m.last_day(default)
            if first is None and last is None:
                continue
            if (
                (last is not None and last < start)
                or (first is not None and first > end)
                or (first is None and last is not None and last > end)
            ):
                yield Outcome(False, {**params, "period": shown}, value, loc, message=_M["outside"])
                return


def _stated_elsewhere(ctx: CheckContext, table: MeasuresTable, patterns: list[str]) -> bool:
    """The column's content is stated for the whole table outside it: a passport row «Задачи | …», a heading
    «Задачи» or a line «Задачи: …» (a programme that lists its tasks above a table of measures)."""
    own = {id(b) for b in table.blocks}
    compiled = [compile_pattern(p, re.MULTILINE) for p in patterns]  # pack patterns: the engine with a time limit
    for unit in ctx.text.select("all"):
        if id(unit.block) in own or unit.block.role is not None:
            continue
        text = normalize(unit.text.clean)
        if any(p.search(text) for p in compiled):
            return True
    return False


def _unnamed_columns(table: MeasuresTable) -> list[int]:
    """Columns of the table with no name in the header but text in most rows: the parser lost a header cell
    (a PDF header drawn as an image or wrapped out of its cell), so a missing column may be this one."""
    out = []
    rows = [row for _, row in table.rows if not is_subheader(row, table.width)]
    if not rows:
        return out
    for ti, label in enumerate(table.header.labels):
        if label.strip() or ti in table.header.assignment.values():
            continue
        texts = [_text(grid(row, table.width)[ti]) for row in rows]
        filled = [t for t in texts if t]
        if len(filled) * 2 > len(rows) and not all(_NUMBERING_CELL.match(t) for t in filled):
            out.append(ti)
    return out


_NUMBERING_CELL = re.compile(r"^\d{1,3}(\.\d{1,2})*\.?$")
_WHOLE_PERIOD = re.compile(r"в\s+течени[еи]\s+(всего\s+)?(учебного\s+|календарного\s+)?(года|периода)", re.IGNORECASE)


def _one_year(period) -> bool:
    """The document's period is one calendar or school year (or not known: then the plan's year is taken
    as its period, precision first)."""
    if period is None:
        return True
    start, end, _ = period
    return (end - start).days <= 366


def _has_specific_date(text: str) -> bool:
    from checker.language.dates import find_dates

    return any(m.is_specific or m.kind in ("deadline", "recurring") for m in find_dates(text))


def _default_year(mention, start: dt.date, end: dt.date) -> int | None:
    """A month without a year belongs to the document period when that period is one year or one
    school year (September…August)."""
    p = mention.last or mention.first
    if p is None or p.year is not None or p.month is None:
        return None
    if start.year == end.year:
        return start.year
    if end.year == start.year + 1 and start.month >= 8:
        return start.year if p.month >= start.month else end.year
    return None


def _label(cells: list[Cell | None], table: MeasuresTable, columns: list[Column]) -> str:
    """The row's name: its activity cell, else the longest cell, shortened."""
    text = ""
    for ci, column in enumerate(columns):
        if column.role == "activity" and ci in table.header.assignment:
            text = _text(cells[table.header.assignment[ci]])
    if not text:
        text = max((_text(c) for c in cells), key=len, default="")
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:39].rstrip() + "…"


def row_text(cells: list[Cell | None]) -> str:
    seen: list[str] = []
    for cell in cells:
        text = " ".join(_text(cell).split())
        if cell is not None and (not seen or seen[-1] != text):
            seen.append(text)
    return " | ".join(seen)


def _location(cell: Cell | None, row: Row, column: int) -> Location:
    loc = (cell.location if cell is not None else row.location).model_copy()
    loc.row = row.location.row if row.location.row is not None else loc.row
    loc.column = column
    return loc


def describe_tables(document: Document, columns: list[Column]) -> list[dict]:
    """For `checker inspect`: each table with the configured columns recognised in its header."""
    out = []
    for block in document.tables:
        if block.table is None or not block.table.rows:
            continue
        width = _width(block)
        header = match_header(block.table.rows[:2], width, columns)
        recognised = {}
        if header is not None:
            for ci, ti in header.assignment.items():
                recognised[columns[ci].role if columns[ci].role != "other" else columns[ci].name.ru] = {
                    "column": ti + 1,
                    "header": header.labels[ti],
                    "score": round(header.scores[ci]),
                }
        out.append({"table": block.location.table, "columns": width, "rows": len(block.table.rows),
                    "header_rows": header.rows if header else 0, "recognised": recognised})  # fmt: skip
    return out


# The columns `inspect` looks for when no rule is given: the roadmap/programme table of measures.
DEFAULT_COLUMNS = [
    Column(
        name=Localized(ru="Мероприятие"),
        synonyms=["наименование мероприятия", "содержание мероприятия", "содержание работы", "мероприятия"],
        role="activity",
    ),
    Column(
        name=Localized(ru="Сроки"),
        synonyms=["срок", "срок проведения", "сроки исполнения", "дата", "сроки реализации"],
        role="date",
    ),
    Column(
        name=Localized(ru="Ответственные"),
        synonyms=["ответственный", "ответственный исполнитель", "исполнители", "исполнитель"],
        role="responsible",
    ),
    Column(name=Localized(ru="Участники"), synonyms=["целевая группа", "категория участников"], role="participants"),
    Column(
        name=Localized(ru="Результат"),
        synonyms=["ожидаемый результат", "показатель", "отметка об исполнении"],
        required=False,
        role="result",
    ),
]
