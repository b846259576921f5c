"""The form of a document — what it is built as, not what it talks about.

An approval block, an addressee with an outgoing number, a table of measures with dates and
responsible persons, a programme passport, the time slots of a seminar programme, a registration
table with name and signature columns. Read from parsed tables and, for tables flattened into
lines (PDF, web pages), from header words standing close together."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.document import Document

_MEASURE = re.compile(r"мероприят|содержание работ|наименование работ|действи[ея]")
_DUE = re.compile(r"срок|дата|период")
_RESPONSIBLE = re.compile(r"ответствен|исполнител")
_INDICATOR = re.compile(r"показател|индикатор|результат")
_EXECUTION = re.compile(
    r"отметк\w*\s+(об?|о)\s+(исполнени|выполнени)|исполнени[ея]|выполнени[ея]|информаци\w+ об исполнении"
)
_DONE = re.compile(
    r"\b(выполнено|исполнено|выполнен[оа]?|проведен[оаы]?|создан[аоы]?|утвержден[аоы]?|состоял\w*)\b|№\s*\d"
)
_NAME_COL = re.compile(r"ф\.?\s*и\.?\s*о|фамилия")
_SIGN_COL = re.compile(r"подпис")
_TIME_SLOT = re.compile(r"\b\d{1,2}[.:]\d{2}\s*-\s*\d{1,2}[.:]\d{2}\b")
_PASSPORT = re.compile(r"(^|\n)\W*паспорт\s+(\w+\s+){0,2}(программ|проект)")
_PASSPORT_ROWS = re.compile(
    r"наименование\s+программ|срок\w*\s+(и этапы\s+)?реализации|цел[ьи]\s+программ|"
    r"разработчик\w*\s+программ|исполнител\w+\s+программ"
)
# letters
_ADDRESSEE = re.compile(
    r"^\W*(руководител|директор|начальник|заведующ|ректор|глав|председател|специалист|заместител)\w*(ям|ам|у|ю|е)\b"
    r"|^\W*(в\s+)?(муниципальн\w+ орган\w+|органы? управления|"
    r"общеобразовательн\w+ организаци\w+ \(по списку\)|по списку)"
)
# a dative plural anywhere in a short header line: the addressee block on the right, run into the letterhead
_ADDRESSEE_RUN = re.compile(r"\b(руководителям|директорам|начальникам|главам|заведующим|ректорам|председателям)\b")
_OUTGOING = re.compile(
    r"\b(исх|вх)\.?\s*(№|n)|^\W*на\s+№\s*\S*\s+от|^\W*от\s+[\d_.\s\"]+(г\.?\s*)?(№|n\b)\s*[\w/.\-_]*|"
    # «от 2 марта 2023 г. N МН-6/326», «№ 02-13/3318 от 11.05.2022», «Письмо № 05-2217 от 21 сентября 2023 г.»
    r"^\W*от\s+\d{1,2}\s+[а-я]+\s+\d{4}\s*(г\.?|года)?\s*(№|n\b)\s*[\w/.\-]*\d|"
    r"^\W*(письмо\s+)?(№|n\b)\s*_*\s*[\w/.\-]*\d[\w/.\-]*\s+от\s+\d"
)
_SALUTATION = re.compile(r"^\W*уважаем\w+")
_REQUEST = re.compile(
    r"\b(прошу|просим|направляем|информируем|сообщаем|доводим до вашего сведения|рекомендуем|предлагаем)\b|"
    # the authority as the subject: «Министерство … направляет …», «Управление образования информирует …»
    r"(^|\n)\W*(министерство|департамент|управление|отдел|комитет)\s+([\w\"-]+\s+){0,10}?"
    r"(направляет|информирует|сообщает|просит|доводит до сведения|рекомендует)\b"
)
# a sign-off at the end: «Начальник управления образования  Е.В. Петрова», «С уважением, …», «Министр А.С. Аникеев»
_SIGN_OFF = re.compile(
    r"(^|\n)\W*(с уважением|(и\.\s*о\.\s*|врио\s+)?(заместитель\s+)?(директор|начальник|руководитель|министр|"
    r"заведующ\w*|председатель|глава|ректор|проректор)\b[^\n]{0,120}?\b[а-я]\.\s?[а-я]\.\s?[а-я-]{2,}\W*$)",
    re.M,
)
_ENCLOSURE = re.compile(r"приложени\w*:?\s+(\w+\s+){0,6}на\s+\d+\s*л|^\W*исполнител\w*:|^\W*исп\.\s", re.M)


@dataclass
class Form:
    measures_table: bool = False  # columns: measure + due date + responsible
    indicators_column: bool = False
    execution_column: bool = False  # «отметка об исполнении» with filled cells
    registration_table: bool = False  # ФИО + подпись
    time_slots: int = 0  # «09.00-09.30» in the text
    passport: bool = False  # «Паспорт программы» with its rows
    letter_marks: list[str] = field(default_factory=list)  # addressee, outgoing, salutation, request, enclosure
    signed: bool = False  # a sign-off with a name at the end (who sends it)

    def describe(self) -> list[str]:
        out = []
        if self.measures_table:
            out.append("таблица мероприятий со сроками и ответственными")
        if self.execution_column:
            out.append("графа об исполнении заполнена")
        if self.registration_table:
            out.append("таблица с графами ФИО и подпись")
        if self.time_slots >= 2:
            out.append(f"время по пунктам программы ({self.time_slots})")
        if self.passport:
            out.append("паспорт программы")
        out.extend(self.letter_marks)
        return out


def _header_rows(document: Document, limit: int = 8) -> list[tuple[list[str], list[list[str]]]]:
    """(header cells, body rows) of the first tables, lower-cased."""
    found = []
    for block in document.tables[:limit]:
        if block.table is None or not block.table.rows:
            continue
        rows = [[c.lower() for c in row.texts] for row in block.table.rows[:40]]
        # the header is the first row that names a column we know (a title row may come first)
        for i, row in enumerate(rows[:3]):
            joined = " ".join(row)
            if _MEASURE.search(joined) or _NAME_COL.search(joined) or _DUE.search(joined):
                found.append((row, rows[i + 1 :]))
                break
    return found


def _flattened_header(text: str, *patterns: re.Pattern[str], window: int = 260) -> bool:
    """Header words of a table flattened into lines: all patterns within one short window."""
    first = patterns[0]
    for m in first.finditer(text[:60_000]):
        chunk = text[max(0, m.start() - window) : m.end() + window]
        if all(p.search(chunk) for p in patterns[1:]):
            return True
    return False


def read_form(document: Document, head: list[str], body: str) -> Form:
    form = Form()
    for header, rows in _header_rows(document):
        joined = " ".join(header)
        if _MEASURE.search(joined) and _DUE.search(joined) and _RESPONSIBLE.search(joined):
            form.measures_table = True
        if _MEASURE.search(joined) and _INDICATOR.search(joined):
            form.indicators_column = True
        if _NAME_COL.search(joined) and _SIGN_COL.search(joined):
            form.registration_table = True
        for col, cell in enumerate(header):
            if _EXECUTION.search(cell):
                filled = sum(1 for r in rows if col < len(r) and _DONE.search(r[col]))
                if filled >= 1:
                    form.execution_column = True
    if not form.measures_table:
        form.measures_table = _flattened_header(body, _RESPONSIBLE, _MEASURE, _DUE)
    if not form.registration_table:
        form.registration_table = _flattened_header(body, _SIGN_COL, _NAME_COL, window=160)
    if not form.execution_column and re.search(r"отметк\w*\s+(об?|о)\s+(исполнени|выполнени)", body[:60_000]):
        form.execution_column = bool(_DONE.search(body[:60_000]))
    form.time_slots = len(_TIME_SLOT.findall(body[:20_000]))
    form.passport = bool(_PASSPORT.search(body[:30_000])) and bool(_PASSPORT_ROWS.search(body[:40_000]))
    marks: list[str] = []
    first = head[:25]
    if any(
        (_ADDRESSEE.search(line) and len(line) <= 120) or (_ADDRESSEE_RUN.search(line) and len(line) <= 260)
        for line in first
    ):
        marks.append("адресат письма")
    if any(_OUTGOING.search(line) and len(line) <= 80 for line in first):
        marks.append("исходящий номер")
    if any(_SALUTATION.match(line) for line in head[:40]):
        marks.append("обращение «Уважаемые…»")
    if _REQUEST.search(body[:4000]):
        marks.append("просьба или сообщение адресату")
    if _ENCLOSURE.search(body[-3000:]) or _ENCLOSURE.search(body[:6000]):
        marks.append("приложение или исполнитель в конце")
    form.letter_marks = marks
    form.signed = bool(_SIGN_OFF.search(body[-1500:]))
    return form
