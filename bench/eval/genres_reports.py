"""Reports and descriptions: information reports, descriptions of the municipal system of work with schools."""

from __future__ import annotations

import datetime as dt
from random import Random

from approval import approval
from genres_events import TOPICS
from genres_plans import _muni_gen
from model import Built, Element, Para, Passport, Table
from vocab import NUMBERS_WORDS, REGION_GEN, d_num, d_words, person, place, plural, school

PRODUCTS = ["Анализ урока", "Индивидуальный маршрут обучающегося", "Работа с родителями"]

# ------------------------------------------------------------------------------------------ information report


def info_report(rng: Random, author: str, defects: set[str]) -> Built:
    pl = place(rng)
    year = rng.randint(2018, 2026)
    level = {"A": "municipal", "B": "school", "C": "regional", "D": rng.choice(["municipal", "school"])}[author]
    sch = school(rng, pl)
    who = {"school": sch, "municipal": _muni_gen(pl), "regional": REGION_GEN[pl.region]}[level]
    year_s = "" if "no_year" in defects else {"A": f" в {year} году", "B": f" за {year}-{year + 1} учебный год",
                                               "C": f" в {year} году", "D": f" за {year} год"}[author]  # fmt: skip
    subject = {"A": "о реализации мероприятий по повышению качества образования в школах с низкими "
                    "результатами обучения",
               "B": "об итогах реализации программы перехода школы в эффективный режим работы",
               "C": "о реализации региональной программы поддержки школ с низкими образовательными результатами",
               "D": "о ходе реализации проекта адресной методической помощи «500+»"}[author]  # fmt: skip
    n_schools = rng.randint(3, 12)
    n_sem = rng.randint(2, 9)
    n_teachers = rng.randint(20, 260)
    els: list[Element] = []
    if author == "D":
        els += [Para("Приложение к письму", "right"),
                Para(f"от {d_num(dt.date(year, 12, rng.randint(1, 25)))} № {rng.randint(100, 999)}", "right")]
    els.append(Para("ИНФОРМАЦИОННАЯ СПРАВКА" if author != "C" else "Информационная справка", "title"))
    els.append(Para(f"{subject} {who}{year_s}", "center"))
    order_date = dt.date(year, rng.randint(1, 3), rng.randint(1, 28))
    order_no = rng.randint(20, 950)
    if "no_order_ref" not in defects:
        who_ordered = pl.authority_gen if level == "regional" else pl.uo_gen
        els.append(Para(f"В соответствии с приказом {who_ordered} от {d_num(order_date)} № {order_no} "
                        f"«Об организации работы со школами с низкими результатами обучения» "
                        f"{ {'school': 'в школе', 'municipal': 'в муниципалитете'}.get(level, 'в регионе')} "
                        f"проведена следующая работа."))  # fmt: skip
    else:
        els.append(Para("В отчётном периоде проведена следующая работа."))
    figures = "no_figures" not in defects

    def num(n: int, one: str, few: str, many: str, vague: str) -> str:
        if not figures:
            return f"{vague} {many}"
        if author == "C" and n in NUMBERS_WORDS:
            return f"{NUMBERS_WORDS[n]} {many if n > 4 else few}"
        return plural(n, one, few, many)

    seminar = d_words(dt.date(year, rng.randint(2, 5), rng.randint(1, 28)))
    vpr = (f"доля работ с отметкой «2» снизилась с {rng.randint(18, 30)} % до {rng.randint(8, 17)} %." if figures
           else "отмечена положительная динамика.")  # fmt: skip
    if level == "school":
        facts = [
            f"Проведено {num(n_sem, 'заседание', 'заседания', 'заседаний', 'несколько')} педагогического совета и "
            f"методического совета по вопросам качества образования.",
            f"Курсы повышения квалификации прошли "
            f"{num(n_teachers % 30 + 3, 'педагог', 'педагога', 'педагогов', 'многие')} школы; "
            f"организовано взаимопосещение уроков.",
            f"Педагоги школы приняли участие в семинаре «{rng.choice(TOPICS)}» ({seminar}).",
            f"Для обучающихся с трудностями в обучении разработаны индивидуальные образовательные маршруты; "
            f"подготовлен банк заданий «{rng.choice(PRODUCTS)}».",
            f"По итогам ВПР {vpr}",
        ]  # fmt: skip
    else:
        facts = [
            f"В проект включены {num(n_schools, 'школа', 'школы', 'школ', 'несколько')} с низкими результатами "
            f"обучения; за каждой закреплена школа-наставник.",
            "Проведено "
            f"{num(n_sem, 'методический семинар', 'методических семинара', 'методических семинаров', 'несколько')}, "
            f"в том числе семинар «{rng.choice(TOPICS)}» ({seminar}).",
            f"Курсы повышения квалификации прошли {num(n_teachers, 'педагог', 'педагога', 'педагогов', 'многие')}"
            + (f", что составляет {rng.randint(30, 90)} % от запланированного." if figures else "."),
            f"Разработаны методические рекомендации «{rng.choice(PRODUCTS)}» и банк заданий по математике для "
            f"5–9 классов.",
            f"Проведён мониторинг результатов ВПР: {vpr}",
        ]  # fmt: skip
    if author == "D":
        els += [Para(f"{i + 1}. {f}") for i, f in enumerate(facts)]
    else:
        els += [Para(f) for f in facts]
    if author == "C" and figures:
        els.append(Table([["Показатель", str(year - 1), str(year)],
                          ["Число школ с низкими результатами", str(n_schools + rng.randint(1, 6)), str(n_schools)],
                          ["Доля педагогов, прошедших курсы, %", str(rng.randint(20, 50)), str(rng.randint(51, 95))],
                          ["Средний балл ОГЭ по математике", f"{rng.randint(9, 12)},{rng.randint(0, 9)}",
                           f"{rng.randint(12, 15)},{rng.randint(0, 9)}"]]))  # fmt: skip
    els.append(Para(rng.choice([
        "Работа по повышению качества образования будет продолжена в следующем году.",
        "Выводы: принятые меры дают положительную динамику; требуется продолжить адресную поддержку школ.",
    ])))  # fmt: skip
    signer = person(rng)
    pos = {"school": "Директор школы", "municipal": "Начальник управления образования",
           "regional": "Ректор ИРО"}[level]  # fmt: skip
    els.append(Para(f"{pos} ____________ {signer}"))
    if author == "B":
        els.append(Para(f"Исполнитель: {person(rng)}, заместитель директора по УВР", "small"))
    return Built(els, level, None, None, sorted(defects), f"Информационная справка {subject}", year, pl.region)


# ---------------------------------------------------------------------------------------- system description


def system_description(rng: Random, author: str, defects: set[str]) -> Built:
    pl = place(rng)
    year = rng.randint(2018, 2026)
    title = {"A": f"Описание муниципальной системы работы со школами с низкими результатами обучения и "
                  f"школами, функционирующими в неблагоприятных социальных условиях, {_muni_gen(pl)}",
             "B": f"Муниципальная модель поддержки школ с низкими образовательными результатами ({pl.municipality})",
             "C": f"Система работы со школами с низкими результатами обучения в муниципальном образовании "
                  f"{pl.municipality}",
             "D": f"Муниципальная система методической поддержки школ {_muni_gen(pl)} на {year}–{year + 2} годы",
             }[author]  # fmt: skip
    sections: list[tuple[str, list[Element]]] = []
    if "no_goal" not in defects:
        sections.append(("Цель", [Para("Повышение качества образования в общеобразовательных организациях с "
                                       "низкими образовательными результатами путём реализации для каждой "
                                       "такой организации комплекса мер поддержки.")]))  # fmt: skip
    if "no_tasks" not in defects:
        sections.append(("Задачи", [Para(f"– {t};") for t in [
            "выявить общеобразовательные организации с низкими результатами и факторы, влияющие на них",
            "обеспечить разработку каждой такой школой программы перехода в эффективный режим",
            "организовать консультирование и методическое сопровождение управленческих команд",
            "обеспечить мониторинг реализации программ и принятие управленческих решений"]]))  # fmt: skip
    if "no_documents" not in defects:
        d1 = dt.date(year, rng.randint(1, 4), rng.randint(1, 28))
        sections.append(("Нормативное обеспечение", [
            Para(f"Приказ {pl.uo_gen} от {d_num(d1)} № {rng.randint(10, 700)} «О реализации "
                 f"мер по повышению качества образования в школах с низкими результатами обучения»."),
            Para("Положение о муниципальной системе поддержки школ с низкими образовательными результатами."),
        ]))  # fmt: skip
    sections.append(("Показатели и методы сбора информации", [
        Table([["Показатель", "Источник данных", "Периодичность"],
               ["Доля обучающихся, не преодолевших минимальный порог ГИА", "ФИС ГИА", "ежегодно"],
               ["Доля работ ВПР с отметкой «2»", "ФИС ОКО", "ежегодно"],
               ["Укомплектованность педагогическими кадрами", "отчёт ОО-1", "ежегодно"]])]))  # fmt: skip
    if "no_monitoring" not in defects:
        sections.append(("Мониторинг", [Para("Мониторинг реализации программ перехода проводится дважды в год; "
                                             "по его итогам готовится аналитическая справка.")]))  # fmt: skip
    sections.append(("Меры и мероприятия", [Para(f"– {m};") for m in [
        "закрепление школ-наставников", "курсы повышения квалификации", "выездные консультации",
        "муниципальные семинары и стажировки"]]))  # fmt: skip
    if "no_results" not in defects:
        sections.append(("Анализ эффективности и результаты", [Para(
            f"По итогам {year - 1} года число школ с низкими результатами сократилось с {rng.randint(5, 9)} до "
            f"{rng.randint(2, 4)}; доля работ ВПР с отметкой «2» снизилась на {rng.randint(3, 9)} "
            "процентных пунктов.")]))
    if author in ("B", "D"):
        rng.shuffle(sections)
    els: list[Element] = [Para(title, "title")]
    if author == "D":
        head, _ = approval(rng, "order", "municipal", "", pl, dt.date(year, 2, rng.randint(1, 28)), "f")
        els = head + els
    for i, (name, body) in enumerate(sections):
        heading = {"A": f"{i + 1}. {name}", "B": name.upper(), "C": f"{name}:", "D": f"{i + 1}. {name}"}[author]
        els.append(Para(heading, "heading"))
        els += body
    if author == "B":
        els.insert(1, Passport([("Муниципалитет", pl.municipality), ("Координатор", person(rng)),
                                ("Число школ", str(rng.randint(3, 14)))]))  # fmt: skip
    return Built(els, "municipal", None, "order" if author == "D" else None, sorted(defects), title, year, pl.region)
