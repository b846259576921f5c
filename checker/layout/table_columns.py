"""The column names of a table of measures (№, Мероприятие, Сроки, Ответственные, …) and the shapes of
their cells, as the layout passes recognise them in flattened text: folded, lower case, ё→е."""

from __future__ import annotations

import re

from checker.language import months, names
from checker.layout.lines import fold_label

# Column names of a table of measures, folded (ё→е, lower case).
_COLUMNS: dict[str, str] = {
    "number": r"№|n|№\s*п/п|n\s*п/п|п/п|№\s*пп|n\s*пп\.?|номер",
    "activity": r"(?:наименование|содержание|перечень)\s+(?:мероприяти[йяе]|работы?|деятельности)|мероприяти[ея]"
    r"|мероприятие|вид\s+деятельности|действия|содержание\s+мероприятия"
    r"|направлени[ея](?:\s+(?:деятельности|работы))?",
    "date": r"сроки?(?:\s+(?:исполнения|реализации|проведения|выполнения))?|дата(?:\s+проведения)?"
    r"|период(?:\s+реализации)?",
    "responsible": r"ответственн(?:ые|ый|ое)(?:\s+(?:исполнител[иь]|лиц[оа]|за\s+исполнение))?|исполнител[иь]",
    "participants": r"участники|целевая\s+группа|категори[яи]\s+участников",
    "result": r"(?:ожидаем|планируем)(?:ый|ые)\s+результат(?:ы)?|результат(?:ы)?|показател[иь](?:\s+\w+)?"
    r"|итоговый\s+документ|форма\s+(?:отчетности|представления\s+результатов?)|продукт",
    "other": r"примечани[ея]|отметка\s+о\s+выполнении|источник(?:и)?\s+финансирования|уровень|ресурсы|задач[аи]"
    r"|форма\s+проведения|место\s+проведения",
}
# Header wordings the layout knows beyond those a rule lists, by the column's role: a rule's table matches
# them too (a legal act's plan heads its measures «Направления деятельности»).
ROLE_WORDINGS: dict[str, tuple[str, ...]] = {
    "activity": ("направления деятельности", "направление деятельности", "направления работы"),
}
COLUMN_RE = {k: re.compile(rf"(?:{v})") for k, v in _COLUMNS.items()}
ANY_COLUMN = re.compile("|".join(f"(?:{v})" for v in _COLUMNS.values()))
ROW_START = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3}\.?)(?:\s+(\S.*))?$")
DATE_LIKE = re.compile(
    r"\d{4}|\d{1,2}\.\d{1,2}|январ|феврал|март|апрел|ма[йя]\b|июн|июл|август|сентябр|октябр|ноябр|декабр"
    r"|квартал|полугоди|в\s+течение|ежемесячн|ежегодн|еженедельн|ежекварт|постоянн|по\s+мере|систематич"
    r"|учебн|четверт|по\s+графику|по\s+плану|до\s+\d",
    re.IGNORECASE,
)
DATE_START = re.compile(
    r"(?:(?:с|до|по|к|в|не\s+позднее)\s+)?(?:\d|[IVX]{1,3}\s+(?:квартал|полугод|четверт)|январ|феврал|март|апрел"
    r"|ма[йя]\b|июн|июл|август|сентябр|октябр|ноябр|декабр|в\s+течение|течение|ежемесячн|ежегодн|еженедельн"
    r"|ежекварт|постоянн|по\s+мере|систематич|учебн|по\s+графику|по\s+плану)",
    re.IGNORECASE,
)


def column_kind(text: str) -> str | None:
    if len(text) > 70:
        return None
    folded = fold_label(text)
    if len(folded) > 60:
        return None
    for kind, pattern in COLUMN_RE.items():
        if pattern.fullmatch(folded):
            return kind
    return None

# A date cell's first line: a date, a month, a quarter, a school year, a recurrence; short, so a measure
# that merely starts with a month word («Сентябрьские чтения») is not one.
_MONTH = months.ANY_CASE
DATE_CELL = re.compile(
    rf"(?:(?:с|до|по|к|в|не\s+позднее|не\s+реже|на)\s+)?(?:\d{{1,2}}[./]\d{{1,2}}|\d{{4}}\b"
    rf"|\d{{1,2}}(?:\s*[-–—]\s*\d{{1,2}})?\s+{_MONTH}\b|[1-4]\s*-?[йея]?\s*(?:квартал|полугод|четверт|триместр)|[IVX]{{1,4}}\s*(?:-?[йя]\s+)?(?:квартал|полугод|четверт|триместр)"
    rf"|{_MONTH}\b|в\s+течение|течение|ежемесячн|ежегодн|еженедельн|ежекварт|постоянн|по\s+мере|систематич|по\s+графику"
    rf"|по\s+плану|в\s+соответствии\s+с\s+график|весь\s+период|весь\s+учебн|учебн\w+\s+год|первое|второе|конец|начало|окончани)",
    re.IGNORECASE,
)
# A line that goes on a date cell: the year or the rest of the period («года», «2025 г.», «учебного года»).
DATE_MORE = re.compile(
    rf"(?:года?\b|гг?\.|учебн|уч\.|\d{{4}}\b|\d{{1,2}}\.\d{{1,2}}|{_MONTH}\b|ежегодн|ежемесячн)", re.IGNORECASE
)
# Who is responsible: a post, a body, initials and a surname.
PERSON = re.compile(
    r"(?i:директор|заместител|\bзам\.|учител|руководител|педагог|психолог|логопед|дефектолог|классн\w+\s+рук|администрац"
    r"|методист|библиотекар|советник|завуч|наставник|куратор|координатор|специалист|начальник|тьютор|вожат"
    r"|управлени\w*\s+образован|отдел\w*\s+образован|комитет\w*\s+(?:по\s+)?образован|министерств)"
    r"|\b(?:ШМО|МО|РМО|ММО|ППк|ИРО|ЦНППМ|УВР|ВР)\b|" + names.INITIALS_FIRST + "|" + names.INITIALS_LAST,
)
# Words a wrapped line starts with that never start a cell.
JOINER = re.compile(r"(?:по|и|в|во|на|с|со|для|к|о|об|от|до|из|за|при|а|или|как|под|через|между|без)\b")


def date_cell(text: str) -> bool:
    return len(text) <= 50 and DATE_CELL.match(text) is not None


def date_more(text: str) -> bool:
    return len(text) <= 40 and DATE_MORE.match(text) is not None and not PERSON.search(text)


# Page furniture inside a table's run of lines: a page number drawn apart («- 2 -», «Страница 2 из 9»,
# «стр. 2»; «2 -» once a text parser took the first dash for a list bullet) or «Продолжение таблицы».
# A bare «2» is not among them: in a numbered table it is a row.
PAGE_MARK = re.compile(
    r"[-–—]\s*\d{1,3}\s*[-–—]?|\d{1,3}\s*[-–—]|(?:стр\.?|страница|с\.)\s*\d{1,3}(?:\s*(?:из|/)\s*\d{1,3})?|\d{1,3}\s*(?:из|/)\s*\d{1,3}"
    r"|(?:продолжение|окончание)(?:\s+(?:таблицы|табл\.|приложения)\b.*)?",
    re.IGNORECASE,
)
