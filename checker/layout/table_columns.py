"""The column names of a table of measures (№, Мероприятие, Сроки, Ответственные, …) and the shapes of
their cells, as the layout passes recognise them in flattened text: folded, lower case, ё→е."""

from __future__ import annotations

import re

from checker.layout.lines import fold_label

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
    "other": r"примечани[ея]|отметка\s+о\s+выполнении|источник(?:и)?\s+финансирования|уровень|ресурсы|задач[аи]"
    r"|форма\s+проведения|место\s+проведения",
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
