"""Programme passports (label | value) rebuilt as a two-column table.

In a flattened passport the labels («Наименование программы», «Цель программы», «Сроки реализации
программы», …) come with the value on the same line («Срок реализации: 2021–2024 гг.», «Цель
программы – …»), with the value on the lines below, or all labels first and all values after.
After a «Паспорт …» title the pass reads known labels (a label may wrap over up to three lines),
and builds a table of (label, value) rows: no role, as the parsers build a passport drawn as a
table. It needs three labels with values; labels-first is paired only when the values are exactly
as many as the labels, once a value's lines that start with a small letter are joined to the line above.
"""

from __future__ import annotations

import re

from checker.document import Block, Document, Table
from checker.layout.lines import (
    Context,
    Line,
    Scan,
    fold_label,
    located,
    plural,
    table_from_rows,
)
from checker.parsers.text import join_wrapped

_P = r"(?:\s+программы(?:\s+развития)?)?"
_LABELS = [
    rf"(?:полное\s+)?наименование{_P}(?:\s+(?:оо|образовательной\s+организации|учреждения|школы))?",
    rf"основани[ея](?:\s+для\s+разработки{_P})?",
    rf"документы,?\s+послужившие\s+основанием\s+для\s+(?:разработки|создания){_P}",
    r"нормативн\w*(?:[-\s]+правов\w*)?\s+(?:база|основани\w*|документы|обеспечение)",
    rf"(?:основные\s+)?разработчик(?:и)?{_P}|заказчик{_P}|координатор{_P}|руководител[ьи]{_P}|автор(?:ы)?{_P}",
    rf"(?:основные\s+)?исполнител(?:и|ь){_P}(?:\s+(?:основных\s+)?мероприятий)?|участники(?:\s+реализации)?{_P}",
    rf"ответственн\w+\s+(?:исполнител\w+|за\s+реализацию){_P}",
    rf"(?:основная\s+|стратегическая\s+|главная\s+)?цел(?:ь|и){_P}",
    rf"(?:основные\s+)?задачи{_P}",
    rf"срок(?:и)?(?:\s+и\s+этапы)?\s+(?:реализации|действия|исполнения){_P}|период\s+реализации{_P}",
    rf"этапы(?:\s+(?:и\s+сроки\s+)?реализации)?{_P}",
    rf"(?:ожидаемые|планируемые)(?:\s+конечные)?\s+результаты(?:\s+реализации)?{_P}",
    rf"(?:объ[её]мы?\s+и\s+)?источники\s+финансирования{_P}|(?:финансовое|ресурсное)\s+обеспечение{_P}",
    rf"(?:целевые\s+)?(?:показатели|индикаторы)(?:\s+и\s+(?:показатели|индикаторы))?(?:\s+\w+)?{_P}",
    rf"(?:система|порядок|организация)\s+(?:контроля|управления)(?:\s+(?:за|над))?(?:\s+(?:исполнением|реализацией))?{_P}",
    rf"контроль(?:\s+(?:за|над))?\s+(?:исполнением|реализацией){_P}|механизм(?:ы)?\s+реализации{_P}",
    rf"(?:основные|приоритетные)\s+направления{_P}|перечень\s+подпрограмм|структура{_P}|краткая\s+аннотация{_P}",
    rf"назначение{_P}|миссия(?:\s+школы)?",
]
_LABEL = re.compile("(?:" + "|".join(_LABELS) + ")")
_LABEL_I = re.compile("(?:" + "|".join(_LABELS) + ")", re.IGNORECASE)
_SEPARATOR = re.compile(r"\s*:\s*|\s+[–—-]\s+|\s*[–—]\s*")
_TITLE = re.compile(r"^(?:(\d{1,2})\.?\s*)?паспорт(?:\s+\S+){0,8}$", re.IGNORECASE)
_HINT = re.compile("паспорт", re.IGNORECASE)
_HEADER_PAIR = {"наименование", "содержание", "наименование показателя", "значение", "характеристика"}
_SECTION = re.compile(
    r"^(?:(\d{1,2})\.|[IVX]{1,4}\.|раздел\s+\d+)\s*(?:введение|пояснительная|информационная|анализ|концепция|"
    r"содержание|план|дорожная|мероприятия|обоснование|характеристика|описание|общие)",
    re.IGNORECASE,
)
_MAX_LINES = 200
_MAX_PREAMBLE = 4
_MIN_ROWS = 3


def _label_only(lines: list[Line], j: int) -> int:
    """How many lines (1–3) the label at line j spans when the line(s) are a label alone; 0 if not."""
    for span in (3, 2, 1):
        if j + span > len(lines):
            continue
        text = " ".join(ln.text for ln in lines[j : j + span])
        if len(text) <= 120 and _LABEL.fullmatch(fold_label(text)):
            return span
    return 0


def _label_value(text: str) -> tuple[str, str] | None:
    """`Срок реализации: 2021–2024 гг.`, `Цель программы – …` → (label, value)."""
    raw = text.strip()
    m = _LABEL_I.match(raw.replace("ё", "е").replace("Ё", "Е"))
    if m is None:
        return None
    rest = raw[m.end() :]
    sep = _SEPARATOR.match(rest)
    if sep is None or not rest[sep.end() :].strip():
        return None
    return raw[: m.end()].strip(), rest[sep.end() :].strip()


def _join_value(parts: list[str]) -> str:
    text = ""
    for p in parts:
        if not text:
            text = p
        elif p[:1].islower():
            text = join_wrapped(text, p)
        else:
            text += "\n" + p
    return text


def _read(lines: list[Line], i: int, number: int | None) -> tuple[int, list[tuple[Line, list[str]]]] | None:
    """The passport after its title at line i: (first label line, rows) or None."""
    entries: list[tuple[Line, str, list[str]]] = []
    first = None
    header: int | None = None
    j = i + 1
    preamble = 0
    last = i
    while j < len(lines) and j - i < _MAX_LINES:
        text = lines[j].text
        if _SECTION.match(text) or _TITLE.match(text):
            break
        if number is not None and re.match(rf"^{number + 1}\.\s*[А-ЯЁ]", text) and _title_like(text):
            break
        pair = j + 1 < len(lines) and fold_label(lines[j + 1].text) in _HEADER_PAIR
        if not entries and header is None and pair and fold_label(text) in _HEADER_PAIR:
            header = j  # «Наименование | Содержание» over the two columns
            j += 2
            continue
        span = _label_only(lines, j)
        if span:
            if first is None:
                first = j
            label = " ".join(ln.text for ln in lines[j : j + span]).rstrip(":").strip()
            entries.append((lines[j], label, []))
            last = j + span - 1
            j += span
            continue
        pair = _label_value(text)
        if pair is not None:
            if first is None:
                first = j
            entries.append((lines[j], pair[0], [pair[1]]))
            last = j
            j += 1
            continue
        if not entries:
            if fold_label(text) in _HEADER_PAIR or preamble < _MAX_PREAMBLE:
                preamble += 1
                j += 1
                continue
            return None
        entries[-1][2].append(text)
        last = j
        j += 1
    if first is None:
        return None
    entries = _labels_first(entries)
    if entries is None:
        return None
    rows = [(line, [label, _join_value(values)]) for line, label, values in entries]
    filled = sum(1 for _, cells in rows if cells[1])
    if filled < _MIN_ROWS or len(rows) - filled > 1:
        return None
    if header is not None and header + 2 == first:
        first = header  # the column names go with the table they named; as a row they would read as data

    return first, last, rows  # type: ignore[return-value]


def is_passport(table: Table) -> bool:
    """A table of two columns whose first column names passport rows («Наименование программы», «Срок
    реализации программы», «Цель», …) in three rows or more, and in most rows: label | value, not a table
    of measures (a rule looking for one must not read «Срок реализации» as its «Сроки» column)."""
    rows = [r for r in table.rows if r.cells]
    if not rows or any(len(r.cells) > 2 for r in rows):
        return False
    labels = sum(1 for r in rows if len(r.cells[0].text) <= 120 and _LABEL.fullmatch(fold_label(r.cells[0].text)))
    return labels >= _MIN_ROWS and 2 * labels >= len(rows)


def _title_like(text: str) -> bool:
    """«2. Анализ состояния школы», not «2. Федеральный закон от 29.12.2012 № 273-ФЗ …» in a value."""
    return len(text.split()) <= 8 and "№" not in text and not text.rstrip().endswith((";", ","))


def _labels_first(entries: list[tuple[Line, str, list[str]]]) -> list[tuple[Line, str, list[str]]] | None:
    """Labels all first, then the values: a run of empty labels whose last label holds all the values."""
    out = list(entries)
    k = 0
    while k < len(out):
        if out[k][2]:
            k += 1
            continue
        end = k
        while end < len(out) and not out[end][2]:
            end += 1
        # out[k:end] are empty; out[end] (if any) holds the values of the whole run
        if end < len(out) and end - k >= 2 and len(out[end][2]) > 1:
            values = out[end][2]
            run = out[k : end + 1]
            if len(values) != len(run):
                values = _unwrap(values)  # a value wrapped onto lines starting with a small letter
            if len(values) != len(run):
                return None  # values that wrap otherwise: no way to pair them
            for n, (line, label, _) in enumerate(run[:-1]):
                out[k + n] = (line, label, [values[n]])
            line, label, _ = run[-1]
            out[end] = (line, label, [values[-1]])
        k = end + 1
    return out


def _unwrap(values: list[str]) -> list[str]:
    """Value lines with each line that starts with a small letter joined to the line above it."""
    out: list[str] = []
    for value in values:
        if out and value[:1].islower():
            out[-1] = join_wrapped(out[-1], value)
        else:
            out.append(value)
    return out


_TITLE_START = re.compile(r"^(?:\d{1,2}\.?\s*)?паспорт\b", re.IGNORECASE)
# A label with its separator inside running text: capitalised, after the start or a space.
_INLINE = re.compile(r"(?:(?<=\s)|^)(?=[А-ЯЁ])(" + "|".join(_LABELS) + r")(?:\s*:\s*|\s+[–—-]\s+)", re.IGNORECASE)


def _stream(lines: list[Line], document: Document) -> tuple[int, int, list[Block], int] | None:
    """A passport whose lines ran together (a PDF paragraph): the title at a line's start, then
    «Метка: значение» pairs inside the text; values are the text between two labels."""
    for i, line in enumerate(lines):
        if not _TITLE_START.match(line.text):
            continue
        last = i
        parts = [line.text]
        for j in range(i + 1, min(i + 40, len(lines))):
            if _SECTION.match(lines[j].text) or _TITLE.match(lines[j].text):
                break
            parts.append(lines[j].text)
            last = j
        text = " ".join(parts)
        matches = [m for m in _INLINE.finditer(text) if m.group(1)[:1].isupper()]
        if len(matches) < _MIN_ROWS:
            continue
        title = text[: matches[0].start()].strip()
        if not title or len(title.split()) > 10:
            continue
        rows: list[tuple[int | None, list[str]]] = []
        for k, m in enumerate(matches):
            end = matches[k + 1].start() if k + 1 < len(matches) else len(text)
            value = text[m.end() : end].strip()
            if not value:
                return None
            rows.append((line.line, [m.group(1).strip(), value]))
        origin = document.blocks[line.block]
        reason = "numbered" if title[:1].isdigit() else "isolated"
        where = located(origin.location, line.line)
        heading = Block(kind="heading", text=title, location=where, level=1, heading_reason=reason)
        return i, last, [heading, table_from_rows(rows, origin.location.page)], len(rows)
    return None


def run(document: Document, context: Context) -> Document:
    text = context.text(document)
    if "аспорт" not in text and "АСПОРТ" not in text:
        return document
    scan = Scan(document, context)
    notes: list[str] = []
    for offset, lines in scan.runs():
        for i, line in enumerate(lines):
            m = _TITLE.match(line.text)
            if m is None:
                continue
            found = _read(lines, i, int(m.group(1)) if m.group(1) else None)
            if found is None:
                continue
            first, last, rows = found  # type: ignore[misc]
            page = document.blocks[lines[first].block].location.page
            block = table_from_rows([(ln.line, cells) for ln, cells in rows], page)
            scan.replace(offset + first, offset + last, [block])
            shown = plural(len(rows), "строка", "строки", "строк")
            notes.append(f"паспорт собран в таблицу «показатель — значение»: {shown}")
            break
        else:
            streamed = _stream(lines, document)
            if streamed is not None:
                first, last, new_blocks, count = streamed
                scan.replace(offset + first, offset + last, new_blocks)
                shown = plural(count, "строка", "строки", "строк")
                notes.append(f"паспорт, слитый в сплошной текст, собран в таблицу «показатель — значение»: {shown}")
    if scan.apply():
        document.metadata.recovered.extend(notes)
    return document
