"""Plans: roadmaps (school, municipal, regional), school transition programmes, plan-schedules."""

from __future__ import annotations

import datetime as dt
from random import Random

from approval import approval
from model import Built, Contents, Element, PageBreak, Para, Passport, Table, TwoColumn
from vocab import MONTHS_NOM, MUNI_GEN, REGION_GEN, Place, d_num, person, place, school

MEASURES = {
    "municipal": [
        "Муниципальный семинар для руководителей школ с низкими результатами обучения",
        "Закрепление школ-наставников за школами с низкими результатами",
        "Курсы повышения квалификации учителей математики и русского языка",
        "Мониторинг реализации школьных программ перехода в эффективный режим",
        "Анализ результатов ВПР и ГИА в разрезе общеобразовательных организаций",
        "Выездные консультации специалистов методической службы в школах",
        "Совещание руководителей по итогам реализации программ за полугодие",
        "Формирование муниципальной команды тьюторов",
        "Организация сетевого взаимодействия школ-партнёров",
        "Круглый стол «Эффективные практики школ-лидеров»",
    ],
    "school": [
        "Анализ результатов ВПР и выявление дефицитов обучающихся",
        "Разработка индивидуальных образовательных маршрутов для обучающихся с трудностями в обучении",
        "Взаимопосещение уроков учителями школы",
        "Педагогический совет «Качество образования: проблемы и решения»",
        "Родительские собрания по вопросам подготовки к ГИА",
        "Диагностика учебной мотивации обучающихся 5–9 классов",
        "Курсы повышения квалификации педагогов по вопросам оценивания",
        "Методическая неделя «Современный урок»",
        "Внутришкольный контроль качества преподавания математики",
        "Дополнительные занятия с обучающимися группы риска",
    ],
    "regional": [
        "Формирование перечня школ с низкими образовательными результатами",
        "Региональные семинары для управленческих команд школ",
        "Разработка методических рекомендаций по переходу школ в эффективный режим",
        "Стажировки педагогов на базе школ-лидеров",
        "Региональный мониторинг реализации программ поддержки школ",
        "Подготовка аналитического отчёта о результатах реализации проекта",
        "Заседания региональной рабочей группы",
        "Курсы повышения квалификации для кураторов школ",
    ],
}
RESPONSIBLE = {
    "municipal": ["Управление образования", "ММС, {p}", "руководители ОО", "{p}, главный специалист", "ТМС"],
    "school": ["директор", "{p}, заместитель директора по УВР", "руководители ШМО", "педагог-психолог {p}",
               "классные руководители"],
    "regional": ["министерство образования", "ИРО", "{p}, проректор ИРО", "ЦНППМ", "муниципальные органы управления"],
}  # fmt: skip
RESULTS = ["аналитическая справка", "протокол", "приказ", "план работы", "отчёт", "методические рекомендации",
           "индивидуальные маршруты", "повышение доли обучающихся, справившихся с ВПР"]  # fmt: skip


VAGUE = ["в течение года", "постоянно", "по мере необходимости", "по плану ИРО", "в течение периода"]


def _deadline(rng: Random, start: int, end: int, vague: bool = False) -> str:
    if vague:  # the seeded defect: no row says when
        return rng.choice(VAGUE)
    y = rng.randint(start, end)
    m = rng.randint(1, 12)
    kind = rng.randrange(7)
    if kind == 0:
        return f"{MONTHS_NOM[m - 1]} {y}"
    if kind == 1:
        return f"до {d_num(dt.date(y, m, rng.randint(1, 28)))}"
    if kind == 2:
        return "в течение года" if start == end else f"{start}–{end} гг."
    if kind == 3:
        return rng.choice(["ежеквартально", "ежемесячно", "ежеквартально"])
    if kind == 4:
        return f"{['I', 'II', 'III', 'IV'][rng.randrange(4)]} квартал {y}"
    if kind == 5:
        return d_num(dt.date(y, m, rng.randint(1, 28)))
    return f"{MONTHS_NOM[m - 1]} – {MONTHS_NOM[(m + 2) % 12]} {y}"


def _responsible(rng: Random, level: str) -> str:
    return rng.choice(RESPONSIBLE[level]).replace("{p}", person(rng))


def _rows(rng: Random, level: str, start: int, end: int, cols: list[str], n: int, defects: set[str]) -> list[list[str]]:
    measures = rng.sample(MEASURES[level], min(n, len(MEASURES[level])))
    rows = [cols]
    for i, measure in enumerate(measures):
        row = []
        for c in cols:
            low = c.lower()
            if low.startswith("№"):
                row.append(f"{i + 1}.")
            elif "срок" in low or low in ("дата", "сроки"):
                row.append(_deadline(rng, start, end, vague="vague_deadlines" in defects))
            elif "ответствен" in low or "исполнител" in low:
                blank = "empty_responsible" in defects and rng.random() < 0.5
                row.append("" if blank else _responsible(rng, level))
            elif "результат" in low or "отчётност" in low:
                row.append(rng.choice(RESULTS))
            elif "исполнен" in low or "выполнен" in low:
                row.append(rng.choice(["выполнено", "выполнено", "в работе", ""]))
            elif "участник" in low:
                row.append(rng.choice(["директора школ", "учителя-предметники", "заместители директоров",
                                       "обучающиеся 9 классов", "педагоги"]))  # fmt: skip
            elif "направлен" in low:
                row.append(rng.choice(["Кадровые условия", "Работа с обучающимися", "Управление", "Родители"]))
            else:
                row.append(measure)
        rows.append(row)
    if "empty_responsible" in defects:  # at least two blank cells, whatever the dice said
        idx = next(k for k, c in enumerate(cols) if "ответствен" in c.lower() or "исполнител" in c.lower())
        for r in rows[1:3]:
            r[idx] = ""
    return rows


def _drop_dates(cols: list[str]) -> list[str]:
    return [c for c in cols if not ("срок" in c.lower() or c.lower() == "дата")]


def _muni_gen(pl: Place) -> str:
    return MUNI_GEN[pl.municipality]


# ------------------------------------------------------------------------------------------------ roadmap


def roadmap(rng: Random, author: str, defects: set[str]) -> Built:
    pl = place(rng)
    year = rng.randint(2018, 2026)
    weights = {"A": (1, 6, 1), "B": (6, 1, 0), "C": (1, 2, 4), "D": (3, 3, 0)}[author]
    level = rng.choices(["school", "municipal", "regional"], weights=weights)[0]
    sch = school(rng, pl)
    start, end = year, year + rng.choice([0, 1, 2])
    period = f"{start}-{start + 1} учебный год" if end == start + 1 and rng.random() < 0.5 else (
        f"{start} год" if start == end else f"{start}–{end} годы")
    who = {"school": sch, "municipal": _muni_gen(pl), "regional": REGION_GEN[pl.region]}[level]
    title = {
        "A": f"ДОРОЖНАЯ КАРТА (план мероприятий) по повышению качества образования в школах с низкими "
             f"результатами обучения {who} на {period}",
        "B": f"Дорожная карта {who} по переходу в эффективный режим работы на {period}",
        "C": f"План мероприятий («дорожная карта») по поддержке школ с низкими образовательными "
             f"результатами {who} на {period}",
        "D": f"Дорожная карта реализации проекта «500+» {who} на {period}",
    }[author]
    form = {"A": rng.choice(["signature", "order"]), "B": rng.choice(["signature", "council"]),
            "C": rng.choice(["appendix", "order"]) if level != "school" else "order",
            "D": "esign" if rng.random() < 0.5 else "signature"}[author]  # fmt: skip
    if "no_approval" in defects:
        form = "none"
    approved = dt.date(start, rng.choice([1, 8, 9, 10]), rng.randint(1, 28))
    head, tail = approval(rng, form, level, sch, pl, approved, "f", spaced=(author == "D" and rng.random() < 0.4))
    els: list[Element] = []
    if author == "D" and rng.random() < 0.4:
        els.append(Para("ПРОЕКТ", "stamp"))
    els += head
    els.append(Para(title, "title"))
    if author in ("A", "C") or (author == "B" and rng.random() < 0.5):
        els.append(Para(rng.choice([
            "Цель: создание условий для повышения качества образования в школах с низкими результатами обучения.",
            "Цель – повышение образовательных результатов обучающихся за счёт адресной поддержки школ.",
        ])))  # fmt: skip
        els.append(Para("Задачи: выявить дефициты школ и педагогов; организовать методическое сопровождение; "
                        "обеспечить мониторинг изменений."))  # fmt: skip
    if level == "school":
        defects.discard("no_target_schools")  # a school's own roadmap names the school in its title
    elif "no_target_schools" not in defects:
        targets = sorted({school(rng, pl) for _ in range(rng.randint(2, 5))})
        els.append(Para({"A": f"Участники: школы с низкими результатами обучения — {', '.join(targets)}.",
                         "C": f"Перечень школ, включённых в программу поддержки: {'; '.join(targets)}.",
                         "D": f"Школы-участницы проекта: {', '.join(targets)}."}.get(author,
                        f"Школы с низкими результатами: {', '.join(targets)}.")))  # fmt: skip
    cols = {
        "A": ["№", "Мероприятие", "Сроки", "Ответственные", "Участники"],
        "B": ["№ п/п", "Содержание деятельности", "Срок исполнения", "Ответственный", "Ожидаемый результат"],
        "C": ["№", "Наименование мероприятия", "Срок реализации", "Ответственный исполнитель", "Результат"],
        "D": ["Направление", "Мероприятие", "Дата", "Ответственный"],
    }[author]
    if "no_deadlines" in defects:
        cols = _drop_dates(cols)
    rows = _rows(rng, level, start, end, cols, rng.randint(6, 9), defects)
    if "no_measures_table" in defects:
        els.append(Para("Основные направления работы:", "heading"))
        for r in rows[1:5]:
            els.append(Para(f"– {r[1][:1].lower()}{r[1][1:]};"))
    else:
        if author == "A" and level == "municipal":
            rows.insert(1, ["1. Муниципальный уровень"])
        els.append(Table(rows))
    els += tail
    notes = []
    if author == "C" and level != "school" and form in ("appendix", "order") and rng.random() < 0.5:
        number = rng.randint(12, 900)
        who = pl.authority_gen if level == "regional" else pl.uo_gen
        appendix: list[Element] = [Para("Приложение", "right"), Para(f"к приказу {who}", "right"),
                                   Para(f"от {d_num(approved)} № {number}", "right")]  # fmt: skip
        # the order and its appendix in one file; the appendix names the order above it
        els = _order_with_roadmap(rng, level, pl, approved, title, number) + appendix + els[len(head):]
        form = "appendix"
        notes.append("inside_order")
    return Built(els, level, None, form, sorted(defects), title, year, pl.region, notes=notes)


def _order_with_roadmap(rng: Random, level: str, pl: Place, when: dt.date, title: str,
                        number: int) -> list[Element]:  # fmt: skip
    issuer = pl.authority.upper() if level == "regional" else pl.uo.upper()
    what = title[:1].lower() + title[1:]
    return [Para(issuer, "center"), Para("ПРИКАЗ", "title"),
            TwoColumn([d_num(when)], [f"№ {number}"]),
            Para("Об утверждении дорожной карты", "bold"),
            Para("В целях организации адресной поддержки школ с низкими образовательными результатами"),
            Para("ПРИКАЗЫВАЮ:"),
            Para(f"1. Утвердить {what} (приложение)."),
            Para("2. Руководителям общеобразовательных организаций обеспечить выполнение мероприятий."),
            Para("3. Контроль за исполнением приказа оставляю за собой."),
            TwoColumn(["Министр" if level == "regional" else pl.uo_head], [person(rng)]),
            PageBreak()]  # fmt: skip


# ---------------------------------------------------------------------------------------- plan-schedule


def plan_schedule(rng: Random, author: str, defects: set[str]) -> Built:
    pl = place(rng)
    year = rng.randint(2018, 2026)
    level = rng.choice(["school", "municipal"])
    sch = school(rng, pl)
    subject = rng.choice(["по подготовке к государственной итоговой аттестации",
                          "по повышению качества образования",
                          "реализации мероприятий по повышению качества математического образования",
                          "методического сопровождения школ с низкими результатами обучения"])  # fmt: skip
    who = sch if level == "school" else _muni_gen(pl)
    title = {"A": f"ПЛАН-ГРАФИК мероприятий {subject} {who} на {year} год",
             "B": f"План-график {subject} на {year}-{year + 1} учебный год",
             "C": f"План-график {subject}. {sch if level == 'school' else pl.municipality}",
             "D": f"ПЛАН-ГРАФИК {subject} {'в ' + sch if level == 'school' else 'на территории ' + who} на {year} год",
             }[author]  # fmt: skip
    form = {"A": "order", "B": "signature", "C": "appendix", "D": "signature"}[author]
    if "no_approval" in defects:
        form = "none"
    head, tail = approval(rng, form, level, sch, pl, dt.date(year, rng.choice([1, 8, 9]), rng.randint(1, 28)), "m")
    cols = {
        "A": ["№", "Мероприятие", "Срок", "Ответственный", "Отметка об исполнении"],
        "B": ["Мероприятие", "Сроки проведения", "Ответственные"],
        "C": ["№ п/п", "Наименование мероприятия", "Дата", "Исполнитель", "Форма отчётности"],
        "D": ["№", "Мероприятие", "Срок исполнения", "Ответственный", "Отметка о выполнении"],
    }[author]
    if "no_deadlines" in defects:
        cols = _drop_dates(cols)
    rows = _rows(rng, level, year, year if author != "B" else year + 1, cols, rng.randint(6, 10), defects)
    els: list[Element] = [*head, Para(title, "title"), Table(rows), *tail]
    # a plan-schedule with an execution column is a report on the plan (domain.md §9)
    subkind = "execution_report" if any("исполнен" in c or "выполнен" in c for c in cols) else "plan"
    return Built(els, level, subkind, form, sorted(defects), title, year, pl.region)


# ------------------------------------------------------------------------------------------------ programme

ANALYSIS = [
    "По итогам ВПР {y} года доля обучающихся, не справившихся с работой по математике, составила {p} %, "
    "что выше среднего по муниципалитету.",
    "Социальный паспорт школы показывает высокую долю семей с низким уровнем доходов и обучающихся, для "
    "которых русский язык не является родным.",
    "Результаты ОГЭ {y} года по русскому языку и математике ниже региональных значений; средний балл ЕГЭ по "
    "профильной математике — {b}.",
    "В коллективе {t} педагогов, из них {o} старше 55 лет; две вакансии учителей закрыты внутренним совмещением.",
]
GOALS = [
    "создание условий для повышения качества образования и перехода школы в эффективный режим работы",
    "повышение образовательных результатов обучающихся за счёт совершенствования качества преподавания",
    "снижение доли обучающихся с низкими образовательными результатами",
]
TASKS = [
    "провести диагностику профессиональных дефицитов педагогов",
    "организовать адресную методическую поддержку учителей",
    "создать систему индивидуального сопровождения обучающихся с трудностями в обучении",
    "повысить вовлечённость родителей в образовательный процесс",
    "развить внутришкольную систему оценки качества образования",
]
EXPECTED = [
    "доля обучающихся, справившихся с ВПР, увеличится до {p} %",
    "все педагоги пройдут диагностику профессиональных дефицитов",
    "будет создана система наставничества",
    "снизится число обучающихся, не получивших аттестат",
]


def _fill(rng: Random, text: str, year: int) -> str:
    return text.format(y=year - 1, p=rng.randint(18, 45), b=rng.randint(32, 48), t=rng.randint(18, 40),
                       o=rng.randint(4, 12))  # fmt: skip


def program(rng: Random, author: str, defects: set[str]) -> Built:
    pl = place(rng)
    year = rng.randint(2018, 2025)
    sch = school(rng, pl)
    start = year
    end = start + rng.choice([1, 2, 3])
    period = f"{start}-{end} годы" if author in ("A", "C") else f"{start}–{end} гг."
    passport_period = period
    if "period_mismatch" in defects:
        passport_period = f"{start}–{end + 1} годы"
    name = {"A": "Программа перехода в эффективный режим работы",
            "B": "Программа повышения качества образования",
            "C": "Программа улучшения образовательных результатов",
            "D": "Программа перехода школы в эффективный режим функционирования"}[author]  # fmt: skip
    title = f"{name} {sch} на {period}"
    form = {"A": "signature", "B": "council", "C": rng.choice(["order", "esign"]), "D": "appendix"}[author]
    if "no_approval" in defects:
        form = "none"
    approved = dt.date(start, rng.choice([1, 8, 9, 10]), rng.randint(1, 28))
    if form == "appendix":
        head, tail = approval(rng, "order", "school", sch, pl, approved)
        head = [Para("Приложение № 1", "right"), Para(f"к приказу {sch}", "right"),
                Para(f"от {d_num(approved)} № {rng.randint(50, 400)}", "right")]  # fmt: skip
    else:
        head, tail = approval(rng, form, "school", sch, pl, approved)
    goal = _fill(rng, rng.choice(GOALS), year)
    tasks = rng.sample(TASKS, rng.randint(3, 5))
    expected = [_fill(rng, e, year) for e in rng.sample(EXPECTED, 3)]
    els: list[Element] = []
    if author == "C" and rng.random() < 0.5:
        els.append(Para("ПРОЕКТ", "stamp"))
    els += head
    els.append(Para(title, "title"))
    sec = {
        "A": ["1. Паспорт программы", "2. Анализ текущего состояния", "3. Цель и задачи программы",
              "4. План мероприятий (дорожная карта)", "5. Ожидаемые результаты"],
        "B": ["Паспорт программы", "Проблемно-ориентированный анализ", "Цель и задачи",
              "Механизмы реализации. План мероприятий", "Ожидаемые результаты и критерии их оценки"],
        "C": ["Раздел 1. Паспорт", "Раздел 2. Анализ образовательных результатов", "Раздел 3. Цель и задачи",
              "Раздел 4. План действий по основным направлениям", "Раздел 5. Ожидаемые результаты"],
        "D": ["I. Паспорт программы", "II. Аналитическая справка", "III. Цели и задачи",
              "IV. Дорожная карта реализации программы", "V. Планируемые результаты"],
    }[author]  # fmt: skip
    if author in ("A", "C"):
        els.append(Contents([(s, str(3 + 2 * i)) for i, s in enumerate(sec)]))
    pairs = [("Наименование программы", title), ("Основания для разработки",
              "Федеральный закон от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации»; "
              "результаты анализа образовательных результатов школы"),
             ("Разработчики", f"рабочая группа {sch}")]  # fmt: skip
    if "no_goal" not in defects:
        pairs.append(("Цель программы", goal))
    pairs += [("Задачи программы", "; ".join(tasks)), ("Сроки реализации", passport_period)]
    if "no_results" not in defects:
        pairs.append(("Ожидаемые результаты", "; ".join(expected)))
    pairs.append(("Исполнители", "администрация и педагогический коллектив школы"))
    els += [Para(sec[0], "heading"), Passport(pairs), Para(sec[1], "heading")]
    els += [Para(_fill(rng, a, year)) for a in rng.sample(ANALYSIS, 3)]
    els.append(Para(sec[2], "heading"))
    if "no_goal" not in defects:
        els.append(Para(f"Цель: {goal}." if author != "B" else f"Цель программы – {goal}."))
    els.append(Para("Задачи:"))
    els += [Para(f"{i + 1}) {t};") for i, t in enumerate(tasks)]
    els.append(Para(sec[3], "heading"))
    cols = {"A": ["№", "Мероприятие", "Сроки", "Ответственные"],
            "B": ["Мероприятие", "Срок", "Ответственный", "Результат"],
            "C": ["№ п/п", "Содержание", "Сроки реализации", "Исполнители", "Ожидаемый результат"],
            "D": ["№", "Мероприятия", "Сроки", "Ответственный"]}[author]  # fmt: skip
    if "no_deadlines" in defects:
        cols = _drop_dates(cols)
    rows = _rows(rng, "school", start, end, cols, rng.randint(6, 9), defects)
    if "no_measures_table" in defects:
        els.append(Para("Мероприятия будут определены рабочей группой после анализа результатов диагностики."))
    else:
        els.append(Table(rows))
    if "no_results" not in defects:
        els.append(Para(sec[4], "heading"))
        els += [Para(f"– {e};") for e in expected]
    els += tail
    return Built(els, "school", None, form, sorted(defects), title, year, pl.region)
