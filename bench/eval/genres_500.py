"""«500+» school documents: concept document, medium-term development programme, anti-risk programme."""

from __future__ import annotations

import datetime as dt
from random import Random

from approval import approval
from genres_plans import _deadline, _responsible
from model import Built, Contents, Element, Para, Passport, Table
from vocab import MUNI_GEN, RISKS, place, plural, school

INDICATORS = [
    ("Доля обучающихся, успешно выполнивших ВПР по математике", "%", (45, 70), (60, 85)),
    ("Доля педагогов, прошедших диагностику профессиональных дефицитов", "%", (10, 40), (80, 100)),
    ("Доля обучающихся с высокой учебной мотивацией", "%", (15, 35), (35, 55)),
    ("Число педагогов, прошедших курсы повышения квалификации", "чел.", (2, 6), (8, 15)),
    ("Доля родителей, посетивших родительские собрания", "%", (30, 50), (60, 80)),
]
MEASURES_500 = [
    "Диагностика профессиональных дефицитов педагогов",
    "Разработка индивидуальных образовательных маршрутов педагогов",
    "Организация взаимопосещения уроков с последующим анализом",
    "Анкетирование обучающихся по выявлению уровня учебной мотивации",
    "Проведение предметных недель и интеллектуальных конкурсов",
    "Внедрение системы наставничества «опытный учитель – молодой педагог»",
    "Родительские собрания «Успех ребёнка – общее дело»",
    "Заседание методического совета по итогам полугодия",
]


def _risk_title(risk: str) -> str:
    return f"«{risk}»"


def _indicator_rows(rng: Random, start: int) -> list[list[str]]:
    rows = [["Показатель", "Ед. изм.", f"Исходное значение ({start})", f"Целевое значение ({start + 1})"]]
    for name, unit, base, target in rng.sample(INDICATORS, 3):
        rows.append([name, unit, str(rng.randint(*base)), str(rng.randint(*target))])
    return rows


def concept_document(rng: Random, author: str, defects: set[str]) -> Built:
    pl = place(rng)
    year = rng.randint(2021, 2026)
    sch = school(rng, pl)
    risks = rng.sample(RISKS, 3)
    title = {"A": f"Концептуальный документ {sch} на {year} год",
             "B": f"КОНЦЕПТУАЛЬНЫЙ ДОКУМЕНТ {sch}",
             "C": f"Концептуальный документ (концепция развития) {sch} на {year}–{year + 1} годы",
             "D": f"Концептуальный документ по выходу из зоны риска {sch}"}[author]  # fmt: skip
    form = {"A": "signature", "B": "council", "C": "order", "D": "esign"}[author]
    if "no_approval" in defects:
        form = "none"
    head, tail = approval(rng, form, "school", sch, pl, dt.date(year, rng.choice([2, 3, 4]), rng.randint(1, 28)), "n")
    els: list[Element] = [*head, Para(title, "title")]
    if author == "C":
        els.append(Contents([("1. Информация о школе", "2"), ("2. Анализ риск-профиля", "3"),
                             ("3. Цель и задачи развития", "4"), ("4. Меры и мероприятия", "5"),
                             ("5. Ожидаемые результаты", "6")]))  # fmt: skip
    h = (lambda i, s: f"{i}. {s}") if author in ("A", "C") else (lambda i, s: s.upper())
    els += [Para(h(1, "Информация о школе"), "heading"),
            Para(f"{sch} расположена на территории {MUNI_GEN[pl.municipality]}; обучается {rng.randint(90, 700)} "
                 f"человек, в коллективе {plural(rng.randint(12, 45), 'педагог', 'педагога', 'педагогов')}.")]
    if "no_risk_profile" not in defects:
        els.append(Para(h(2, "Анализ риск-профиля школы"), "heading"))
        els.append(Para(f"По результатам анкетирования в рамках проекта «500+» у школы выявлены риски: "
                        f"{', '.join(_risk_title(r) for r in risks)}."))  # fmt: skip
        if author in ("B", "D"):
            causes = ["нехватка специалистов", "низкая мотивация", "ограниченные ресурсы"]
            els.append(Table([["Направление (риск)", "Значимость", "Причины"]]
                             + [[r, rng.choice(["высокая", "средняя"]), rng.choice(causes)] for r in risks]))
    if "no_goal" not in defects:
        els.append(Para(h(3, "Цель и задачи развития"), "heading"))
        els.append(Para(f"Цель: к концу {year + 1} года выйти из группы школ с низкими образовательными "
                        f"результатами за счёт преодоления рисков {', '.join(_risk_title(r) for r in risks[:2])}."))
        els.append(Para("Задачи: повысить предметную и методическую компетентность педагогов; создать систему "
                        "работы с обучающимися с рисками учебной неуспешности; вовлечь родителей в жизнь школы."))
    els.append(Para(h(4, "Меры и мероприятия по достижению цели"), "heading"))
    els += [Para(f"– {m};") for m in rng.sample(MEASURES_500, 4)]
    if "no_results" not in defects:
        els.append(Para(h(5, "Ожидаемые результаты"), "heading"))
        els.append(Para("Снижение доли обучающихся с рисками учебной неуспешности; рост доли обучающихся, "
                        "выполнивших ВПР на «4» и «5»; повышение удовлетворённости родителей."))  # fmt: skip
    els.append(Para(f"Ответственный за реализацию — {_responsible(rng, 'school')}."))
    els += tail
    return Built(els, "school", None, form, sorted(defects), title, year, pl.region)


def development_program(rng: Random, author: str, defects: set[str]) -> Built:
    pl = place(rng)
    year = rng.randint(2021, 2026)
    sch = school(rng, pl)
    start, end = year, year + rng.choice([1, 2])
    risks = rng.sample(RISKS, 2)
    title = {"A": f"Среднесрочная программа развития {sch} на {start}–{end} годы",
             "B": f"СРЕДНЕСРОЧНАЯ ПРОГРАММА РАЗВИТИЯ {sch} ({start}-{end} гг.)",
             "C": f"Среднесрочная программа развития школы в рамках проекта «500+» {sch} на {start}-{end} годы",
             "D": f"Среднесрочная программа развития {sch}"}[author]  # fmt: skip
    if "no_period" in defects:
        title = f"Среднесрочная программа развития {sch}"
    form = {"A": "signature", "B": "council", "C": "order", "D": "appendix"}[author]
    if "no_approval" in defects:
        form = "none"
    head, tail = approval(rng, form, "school", sch, pl, dt.date(start, rng.choice([2, 3]), rng.randint(1, 28)), "f")
    els: list[Element] = [*head, Para(title, "title")]
    if author == "A":
        els.append(Contents([("Цели и задачи развития", "3"), ("Целевые показатели", "4"),
                             ("Методы сбора и обработки информации", "5"), ("Сроки и этапы реализации", "5"),
                             ("Меры и мероприятия", "6"), ("Ожидаемые конечные результаты", "8"),
                             ("Исполнители", "8")]))  # fmt: skip
    if author == "D":
        pairs = [("Наименование", f"Среднесрочная программа развития {sch}")]
        if "no_period" not in defects:
            pairs.append(("Сроки реализации", f"{start}–{end} годы"))
        pairs += [("Цель", "преодоление рисков " + ", ".join(_risk_title(r) for r in risks)),
                  ("Исполнители", "администрация, педагогический коллектив")]  # fmt: skip
        els.append(Passport(pairs))
    els += [Para("Цели и задачи развития", "heading"),
            Para(f"Цель: снижение влияния рисков {', '.join(_risk_title(r) for r in risks)} на образовательные "
                 f"результаты обучающихся."),
            Para("Задачи: 1) обновить систему методической работы; 2) организовать сопровождение обучающихся "
                 "с трудностями в обучении; 3) выстроить взаимодействие с родителями.")]  # fmt: skip
    if "no_indicators" not in defects:
        els += [Para("Целевые показатели (индикаторы)", "heading"), Table(_indicator_rows(rng, start))]
    els += [Para("Методы сбора и обработки информации", "heading"),
            Para("Анкетирование, анализ результатов ВПР и ГИА, посещение уроков, анализ школьной документации.")]
    if "no_period" not in defects:
        els += [Para("Сроки и этапы реализации программы", "heading"),
                Para(f"I этап (подготовительный): январь – март {start}; II этап (основной): апрель {start} – "
                     f"октябрь {end}; III этап (обобщающий): ноябрь – декабрь {end}.")]  # fmt: skip
    els.append(Para("Меры и мероприятия по достижению цели и задач", "heading"))
    cols = ["№", "Мероприятие", "Сроки", "Ответственные", "Участники"]
    rows = [cols]
    for i, m in enumerate(rng.sample(MEASURES_500, 6)):
        resp = "" if ("empty_responsible" in defects and i % 2 == 0) else _responsible(rng, "school")
        rows.append([str(i + 1), m, _deadline(rng, start, end), resp,
                     rng.choice(["педагоги", "обучающиеся 5–9 классов", "родители", "администрация"])])
    if "no_measures_table" in defects:
        els.append(Para("Мероприятия приведены в приложении к программе."))
    else:
        els.append(Table(rows))
    if "no_results" not in defects:
        els += [Para("Ожидаемые конечные результаты", "heading"),
                Para("Положительная динамика образовательных результатов; снижение доли обучающихся с рисками "
                     "учебной неуспешности; рост числа педагогов, применяющих современные технологии.")]
    els += [Para("Исполнители", "heading"), Para("Администрация школы, руководители ШМО, педагогический коллектив.")]
    els += tail
    return Built(els, "school", None, form, sorted(defects), title, year, pl.region)


def antirisk_program(rng: Random, author: str, defects: set[str]) -> Built:
    pl = place(rng)
    year = rng.randint(2021, 2026)
    sch = school(rng, pl)
    risk = rng.choice(RISKS)
    title = {"A": f"Программа антирисковых мер по рисковому профилю {_risk_title(risk)} {sch} на {year} год",
             "B": f"ПРОГРАММА АНТИРИСКОВЫХ МЕР {sch}. Риск: {risk}",
             "C": f"Антирисковая программа {_risk_title(risk)} {sch} на {year}–{year + 1} учебный год",
             "D": f"Программа антирисковых мер «{risk}» на {year} год ({sch})"}[author]  # fmt: skip
    form = {"A": "signature", "B": "order", "C": "council", "D": "esign"}[author]
    if "no_approval" in defects:
        form = "none"
    head, tail = approval(rng, form, "school", sch, pl, dt.date(year, rng.choice([2, 3, 4]), rng.randint(1, 28)), "f")
    els: list[Element] = [*head, Para(title, "title")]
    goal = f"Цель: снижение влияния риска {_risk_title(risk)} на результаты обучения к концу {year} года."
    tasks = ["провести диагностику причин риска", "организовать работу педагогов по преодолению риска",
             "обеспечить мониторинг изменений"]  # fmt: skip
    if author == "C":
        pairs = [("Риск", risk)]
        if "no_goal" not in defects:
            pairs.append(("Цель", goal.split(": ", 1)[1]))
        if "no_tasks" not in defects:
            pairs.append(("Задачи", "; ".join(tasks)))
        pairs.append(("Сроки реализации", f"{year}–{year + 1} учебный год"))
        els.append(Passport(pairs))
    else:
        if "no_goal" not in defects:
            els.append(Para(goal))
        if "no_tasks" not in defects:
            els.append(Para("Задачи:"))
            els += [Para(f"{i + 1}. {cap_first(t)}.") for i, t in enumerate(tasks)]
    cols = {"A": ["Задача", "Мероприятие", "Сроки", "Показатели", "Ответственные", "Участники"],
            "B": ["Задача", "Мероприятия", "Сроки реализации", "Показатели реализации", "Ответственные", "Участники"],
            "C": ["№", "Мероприятие", "Срок", "Ожидаемый результат (показатель)", "Ответственный"],
            "D": ["Задача", "Мероприятие", "Дата", "Индикатор", "Ответственный", "Участники"]}[author]  # fmt: skip
    if "no_deadlines" in defects:
        cols = [c for c in cols if not ("срок" in c.lower() or c == "Дата")]
    if "no_indicators" in defects:
        cols = [c for c in cols if not ("оказател" in c or c == "Индикатор")]
    rows = [cols]
    for i, m in enumerate(rng.sample(MEASURES_500, 5)):
        row = []
        for c in cols:
            low = c.lower()
            if c == "№":
                row.append(str(i + 1))
            elif low == "задача":
                row.append(cap_first(tasks[min(i // 2, 2)]))
            elif "мероприят" in low:
                row.append(m)
            elif "срок" in low or c == "Дата":
                row.append(_deadline(rng, year, year))
            elif "оказател" in low or c == "Индикатор":
                row.append(f"доля обучающихся с высокой мотивацией — не менее {rng.randint(30, 60)} %"
                           if rng.random() < 0.5 else f"проведено не менее {rng.randint(2, 6)} мероприятий")
            elif "ответствен" in low:
                row.append(_responsible(rng, "school"))
            else:
                row.append(rng.choice(["педагоги", "обучающиеся", "родители", "классные руководители"]))
        rows.append(row)
    if "no_measures_table" in defects:
        els.append(Para("Мероприятия: диагностика, методическая работа, работа с родителями."))
    else:
        els.append(Table(rows))
    els += tail
    return Built(els, "school", None, form, sorted(defects), title, year, pl.region)


def cap_first(text: str) -> str:
    return text[:1].upper() + text[1:]
