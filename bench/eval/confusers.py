"""Documents that are none of the types but look or sound like them (truth: `unknown`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from random import Random

from approval import approval
from genres_events import TOPICS
from genres_plans import MEASURES, _muni_gen
from model import Built, Element, Para, Table, TwoColumn
from vocab import RISKS, d_num, d_words, day_in, initials_first, person, place, school


def news_about_roadmap(rng: Random, author: str) -> tuple[list[Element], str]:
    pl = place(rng)
    when = day_in(rng, rng.randint(2018, 2026))
    what = rng.choice(["дорожные карты", "программы перехода в эффективный режим", "программы антирисковых мер"])
    head = {"A": f"Директора школ учились составлять {what}", "B": f"Как написать {what}: курсы для управленцев",
            "C": f"В {pl.institute} завершились курсы по разработке документов проекта",
            "D": f"Обучение команд школ: {what}"}[author]  # fmt: skip
    els: list[Element] = [Para(f"Новости | {d_num(when)}", "small"), Para(head, "title"),
                          Para(f"{d_words(when)} в {pl.institute} завершились курсы повышения квалификации для "
                               f"управленческих команд школ {pl.region}. Слушатели разобрали, из чего состоят "
                               f"{what}: цель и задачи, таблица мероприятий со сроками и ответственными, "
                               f"показатели и порядок утверждения."),
                          Para("Каждая команда подготовила проект документа и защитила его перед экспертами. "
                               "Лучшие работы будут опубликованы на сайте института."),
                          Para(f"«Важно, чтобы документ был рабочим, а не формальным», — отметила "
                               f"{initials_first(person(rng, False))}, руководитель курсов.")]  # fmt: skip
    return els, pl.region


ACCUSATIVE = {
    "дорожной карты по повышению качества образования": "дорожную карту по повышению качества образования",
    "программы перехода школы в эффективный режим работы": "программу перехода школы в эффективный режим работы",
    "плана-графика мероприятий по подготовке к ГИА": "план-график мероприятий по подготовке к ГИА",
    "среднесрочной программы развития школы": "среднесрочную программу развития школы",
}


def order_approving(rng: Random, author: str) -> tuple[list[Element], str]:
    pl = place(rng)
    year = rng.randint(2018, 2026)
    when = day_in(rng, year, (1, 10))
    level = rng.choice(["municipal", "school"]) if author in ("A", "B") else rng.choice(["regional", "municipal"])
    sch = school(rng, pl)
    what = rng.choice(sorted(ACCUSATIVE))
    issuer = {"school": sch, "municipal": pl.uo.upper(), "regional": pl.authority.upper()}[level]
    els: list[Element] = [Para(issuer, "center"), Para("ПРИКАЗ", "title"),
                          TwoColumn([d_num(when)], [f"№ {rng.randint(12, 900)}"]),
                          Para(f"Об утверждении {what}", "bold"),
                          Para("В целях повышения качества образования и в соответствии с планом работы "
                               f"на {year} год"),
                          Para("ПРИКАЗЫВАЮ:" if author != "C" else "п р и к а з ы в а ю:"),
                          Para(f"1. Утвердить {ACCUSATIVE[what]} (приложение)."),
                          Para(f"2. Назначить ответственным за реализацию {person(rng)}, "
                               f"{rng.choice(['заместителя директора по УВР', 'главного специалиста', 'методиста'])}."),
                          Para("3. Представить отчёт о выполнении мероприятий до "
                               f"{d_num(when + dt.timedelta(days=200))}."),
                          Para("4. Контроль за исполнением приказа оставляю за собой."),
                          TwoColumn(["Директор" if level == "school" else "Руководитель"],
                                    [initials_first(person(rng))])]  # fmt: skip
    if author == "D":
        _, tail = approval(rng, "esign", level, sch, pl, when)
        els += tail
    return els, pl.region


def document_list(rng: Random, author: str) -> tuple[list[Element], str]:
    pl = place(rng)
    year = rng.randint(2018, 2026)
    docs = ["Муниципальная дорожная карта", "Программа перехода школы в эффективный режим", "Пресс-релиз семинара",
            "Программа семинара", "Листы регистрации участников", "Информационная справка",
            "Фотоотчёт (не менее 5 фото)",
            "Концептуальный документ", "Среднесрочная программа развития", "Программы антирисковых мер"]  # fmt: skip
    chosen = rng.sample(docs, rng.randint(5, 8))
    title = {"A": "Перечень документов, представляемых муниципалитетом", "B": "Список документов для загрузки",
             "C": f"Перечень материалов для отчёта за {year} год", "D": "Документы для мониторинга"}[author]
    els: list[Element] = [Para(title, "title")]
    if author in ("A", "C"):
        els.append(Table([["№", "Документ", "Срок представления", "Ответственный"]] +
                         [[str(i + 1), d, f"до {d_num(dt.date(year, rng.randint(3, 12), rng.randint(1, 28)))}",
                           _muni_gen(pl)] for i, d in enumerate(chosen)]))  # fmt: skip
    else:
        els += [Para(f"{i + 1}. {d}") for i, d in enumerate(chosen)]
    els.append(Para(f"Документы направляются в {pl.institute} в формате PDF."))
    return els, pl.region


def school_page_500(rng: Random, author: str) -> tuple[list[Element], str]:
    pl = place(rng)
    sch = school(rng, pl)
    year = rng.randint(2021, 2026)
    chrome = ("Главная | Сведения об организации | Проект «500+» | Контакты" if author != "D"
              else "Госуслуги. Моя школа › Родителям и ученикам › Проекты › 500+")  # fmt: skip
    els: list[Element] = [Para(chrome, "small"),
                          Para("Проект «500+»" if author != "C" else "Наша школа в проекте «500+»", "title"),
                          Para(f"С {year} года {sch} участвует в проекте адресной методической помощи школам с "
                               f"низкими образовательными результатами «500+». Куратор школы — {person(rng)}."),
                          Para(f"По итогам анкетирования выявлены риски: {', '.join(rng.sample(RISKS, 2))}."),
                          Para("Документы:", "bold")]  # fmt: skip
    for name in ["Концептуальный документ", "Среднесрочная программа развития", "Программа антирисковых мер",
                 "Дорожная карта"][: rng.randint(2, 4)]:  # fmt: skip
        els.append(Para(f"{name} (PDF, {rng.randint(200, 900)} КБ)"))
    els.append(Para(f"Обновлено: {d_num(day_in(rng, year))}", "small"))
    return els, pl.region


def article(rng: Random, author: str) -> tuple[list[Element], str]:
    pl = place(rng)
    what = {"A": "дорожной карты", "B": "программы антирисковых мер", "C": "программы перехода школы в "
            "эффективный режим", "D": "пресс-релиза о семинаре"}[author]  # fmt: skip
    els: list[Element] = [Para(f"{person(rng)}, методист {pl.institute}", "right"),
                          Para(f"Требования к содержанию {what}: методический аспект", "title"),
                          Para(f"Аннотация. В статье рассматриваются типичные ошибки при составлении {what} и "
                               "предлагается перечень обязательных элементов документа."),
                          Para("Ключевые слова: качество образования, школы с низкими результатами, управление."),
                          Para(f"Анализ документов, представленных школами {pl.region}, показал, что многие из них "
                               f"не содержат измеримой цели, а в таблицах мероприятий не указаны сроки и "
                               f"ответственные. Документ должен быть утверждён руководителем."),
                          Para("Рекомендуется структура: цель, задачи, план мероприятий, ожидаемые результаты, "
                               "мониторинг. Пресс-релиз должен содержать дату, место, организаторов и число "
                               "участников."),
                          Para("Литература", "heading"),
                          Para("1. Методические рекомендации по работе со школами с низкими результатами. — М., 2019."),
                          Para("2. Управление качеством образования в школе: пособие. — СПб., 2021.")]  # fmt: skip
    return els, pl.region


def council_protocol(rng: Random, author: str) -> tuple[list[Element], str]:
    pl = place(rng)
    sch = school(rng, pl)
    when = day_in(rng, rng.randint(2018, 2026))
    els: list[Element] = [Para(sch, "center"), Para(f"ПРОТОКОЛ № {rng.randint(1, 8)}", "title"),
                          Para("заседания педагогического совета", "center"),
                          Para(f"от {d_num(when)}"),
                          Para(f"Председатель: {person(rng)}. Секретарь: {person(rng)}."),
                          Para(f"Присутствовали: {rng.randint(14, 40)} человек. Отсутствовали: {rng.randint(0, 3)}."),
                          Para("Повестка дня:", "bold"),
                          Para("1. О результатах ВПР и мерах по повышению качества образования."),
                          Para("2. О принятии программы перехода школы в эффективный режим работы." if author in "AB"
                               else "2. О рассмотрении концептуального документа и программ антирисковых мер."),
                          Para("СЛУШАЛИ:" if author in "AB" else "По первому вопросу выступил(а):", "bold"),
                          Para(f"{person(rng)}, заместителя директора по УВР, о результатах анализа ВПР."
                               if author in "AB" else
                               f"{person(rng)}, заместитель директора по УВР, с анализом результатов ВПР."),
                          Para("РЕШИЛИ:" if author in "AB" else "ПОСТАНОВИЛИ:", "bold"),
                          Para("1. Принять к сведению информацию о результатах ВПР."),
                          Para("2. Принять программу перехода школы в эффективный режим работы и рекомендовать "
                               "директору утвердить её."),
                          Para("Голосовали: «за» — единогласно."),
                          TwoColumn(["Председатель", "Секретарь"], ["__________", "__________"])]  # fmt: skip
    return els, pl.region


def shopping_list(rng: Random, author: str) -> tuple[list[Element], str]:
    pl = place(rng)
    items = [("Бумага А4", "пачка"), ("Ручки шариковые", "шт."), ("Маркеры для доски", "упак."),
             ("Картридж для принтера", "шт."), ("Папки-скоросшиватели", "шт."), ("Скотч", "шт."),
             ("Степлер", "шт."), ("Тетради в клетку", "шт.")]  # fmt: skip
    title = {"A": "Список покупок", "B": "Заявка на приобретение канцелярских товаров",
             "C": "Что купить к семинару", "D": "Список необходимого для кабинета"}[author]  # fmt: skip
    els: list[Element] = [Para(title, "title")]
    chosen = rng.sample(items, rng.randint(4, 7))
    if author in ("B", "D"):
        els.append(Table([["№", "Наименование", "Ед. изм.", "Количество"]] +
                         [[str(i + 1), n, u, str(rng.randint(1, 30))] for i, (n, u) in enumerate(chosen)]))
    else:
        els += [Para(f"– {n.lower()} — {rng.randint(1, 30)} {u}") for n, u in chosen]
    els.append(Para(f"Ответственный: {person(rng)}"))
    return els, pl.region


def bell_schedule(rng: Random, author: str) -> tuple[list[Element], str]:
    pl = place(rng)
    year = rng.randint(2018, 2026)
    rows = [["Урок", "Начало", "Окончание", "Перемена"]]
    t = dt.datetime(2000, 1, 1, 8, rng.choice([0, 30]))
    for i in range(6):
        end = t + dt.timedelta(minutes=40)
        rows.append([str(i + 1), t.strftime("%H.%M"), end.strftime("%H.%M"), f"{rng.choice([10, 15, 20])} мин"])
        t = end + dt.timedelta(minutes=15)
    els: list[Element] = [Para(f"Расписание звонков на {year}–{year + 1} учебный год", "title"),
                          Para(school(rng, pl), "center"), Table(rows)]  # fmt: skip
    return els, pl.region


def regulation(rng: Random, author: str) -> tuple[list[Element], str]:
    pl = place(rng)
    sch = school(rng, pl)
    head, _ = approval(rng, "order", "school", sch, pl, day_in(rng, rng.randint(2018, 2026)), "n")
    els: list[Element] = [*head, Para("ПОЛОЖЕНИЕ", "title"),
                          Para("о рабочей группе по разработке и реализации программы перехода школы в "
                               "эффективный режим работы", "center"),
                          Para("1. Общие положения", "heading"),
                          Para("1.1. Рабочая группа создаётся приказом директора для подготовки программы и "
                               "контроля её выполнения."),
                          Para("2. Цель и задачи рабочей группы", "heading"),
                          Para("2.1. Цель — организационное сопровождение разработки программы."),
                          Para("2.2. Задачи: анализ результатов обучения; подготовка проекта программы; "
                               "мониторинг реализации мероприятий."),
                          Para("3. Состав и порядок работы", "heading"),
                          Para("3.1. Заседания проводятся не реже одного раза в четверть; решения оформляются "
                               "протоколом."),
                          Para("4. Заключительные положения", "heading"),
                          Para("4.1. Положение действует до завершения реализации программы.")]  # fmt: skip
    return els, pl.region


def gia_analysis(rng: Random, author: str) -> tuple[list[Element], str]:
    pl = place(rng)
    year = rng.randint(2018, 2026)
    subject = rng.choice(["математике", "русскому языку", "обществознанию"])
    rows = [["Школа", "Участников", "«2»", "«3»", "«4»", "«5»", "Средний балл"]]
    for _ in range(rng.randint(4, 7)):
        rows.append([school(rng, pl), str(rng.randint(10, 90)), *[str(rng.randint(0, 30)) for _ in range(4)],
                     f"{rng.randint(2, 4)},{rng.randint(0, 9)}"])  # fmt: skip
    if author in ("C", "D"):  # an analytical note on VPR: «справка», figures and a year, yet no programme report
        grade = rng.choice([5, 6, 7, 8])
        els = [Para("АНАЛИТИЧЕСКАЯ СПРАВКА", "title"),
               Para(f"по результатам Всероссийских проверочных работ по {subject} в {grade} классах в {year} году",
                    "center"),
               Para(f"Цель: определение уровня подготовки обучающихся {grade} классов {_muni_gen(pl)}."),
               Para(f"Работу выполняли {rng.randint(120, 900)} обучающихся. Подтвердили отметки "
                    f"{rng.randint(50, 70)} %, понизили {rng.randint(10, 30)} %, повысили {rng.randint(2, 9)} %."),
               Table(rows),
               Para("Рекомендации: руководителям ШМО организовать работу по ликвидации пробелов в знаниях; "
                    "учителям использовать задания формата ВПР на уроках."),
               Para(f"Справку составил(а): {person(rng)}, методист", "small")]  # fmt: skip
        return els, pl.region
    els = [Para(f"Анализ результатов ОГЭ по {subject} в {year} году", "title"),
           Para(f"В ОГЭ по {subject} приняли участие выпускники 9 классов {_muni_gen(pl)}."),
           Table(rows),
           Para("Выводы: в ряде школ доля неудовлетворительных результатов выше средней; "
                "рекомендуется включить эти школы в план методической поддержки.")]  # fmt: skip
    return els, pl.region


def parent_memo(rng: Random, author: str) -> tuple[list[Element], str]:
    pl = place(rng)
    els: list[Element] = [Para("Памятка для родителей", "title"),
                          Para("Как помочь ребёнку подготовиться к экзаменам", "center")]
    tips = ["Помогите составить режим дня и соблюдайте его вместе.", "Не сравнивайте ребёнка с другими детьми.",
            "Обеспечьте полноценный сон и питание.", "Интересуйтесь успехами, а не только отметками.",
            "Обращайтесь к классному руководителю и педагогу-психологу."]  # fmt: skip
    els += [Para(f"{i + 1}. {t}") for i, t in enumerate(rng.sample(tips, 4))]
    els.append(Para(f"Телефон доверия: 8-800-2000-122. {school(rng, pl)}", "small"))
    return els, pl.region


def job_description(rng: Random, author: str) -> tuple[list[Element], str]:
    pl = place(rng)
    sch = school(rng, pl)
    head, _ = approval(rng, "signature", "school", sch, pl, day_in(rng, rng.randint(2018, 2026)))
    els: list[Element] = [*head, Para("ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ", "title"),
                          Para("заместителя директора по учебно-воспитательной работе", "center"),
                          Para("1. Общие положения", "heading"),
                          Para("1.1. Заместитель директора назначается и освобождается от должности приказом "
                               "директора."),
                          Para("2. Должностные обязанности", "heading"),
                          Para("2.1. Организует текущее и перспективное планирование деятельности "
                               "педагогического коллектива; координирует разработку программ и планов, в том "
                               "числе дорожной карты по повышению качества образования."),
                          Para("2.2. Контролирует качество преподавания и выполнение учебных программ."),
                          Para("3. Права", "heading"), Para("3.1. Присутствовать на любых занятиях."),
                          Para("4. Ответственность", "heading"),
                          Para("4.1. Несёт ответственность за неисполнение обязанностей в соответствии с "
                               "трудовым законодательством."),
                          Para("С инструкцией ознакомлен(а): ____________ «___» ________ 20__ г.")]  # fmt: skip
    return els, pl.region


def order_holding_seminar(rng: Random, author: str) -> tuple[list[Element], str]:
    """An order to hold a seminar: date, venue, organiser and topic are all there, yet it is an order."""
    pl = place(rng)
    year = rng.randint(2018, 2026)
    when = day_in(rng, year, (1, 10))
    event = when + dt.timedelta(days=rng.randint(10, 30))
    host = school(rng, pl)
    topic = rng.choice(TOPICS)
    els: list[Element] = [Para(pl.uo.upper(), "center"), Para("ПРИКАЗ", "title"),
                          TwoColumn([d_num(when)], [f"№ {rng.randint(12, 900)}"]),
                          Para("О проведении муниципального семинара", "bold"),
                          Para("В соответствии с планом работы на текущий учебный год"),
                          Para("ПРИКАЗЫВАЮ:"),
                          Para(f"1. Провести {d_words(event)} на базе {host} муниципальный семинар «{topic}»."),
                          Para("2. Утвердить программу семинара (приложение 1)."),
                          Para(f"3. Директору {host} обеспечить условия для проведения семинара."),
                          Para(f"4. Ответственным за организацию назначить {person(rng)}, методиста."),
                          Para("5. Контроль за исполнением приказа оставляю за собой."),
                          TwoColumn([pl.uo_head], [initials_first(person(rng))])]  # fmt: skip
    return els, pl.region


def shmo_plan(rng: Random, author: str) -> tuple[list[Element], str]:
    """A subject association's work plan: a table of dated items with people, of no programme's type."""
    pl = place(rng)
    year = rng.randint(2018, 2025)
    subject = rng.choice(["учителей математики", "учителей начальных классов", "классных руководителей",
                          "учителей русского языка и литературы"])  # fmt: skip
    topics = ["Анализ работы за прошлый учебный год. Утверждение плана", "Рабочие программы и КТП",
              "Итоги входных контрольных работ", "Подготовка к олимпиадам", "Итоги первого полугодия",
              "Открытые уроки: взаимопосещение", "Подготовка к ВПР", "Итоги учебного года"]  # fmt: skip
    months = ["август", "сентябрь", "октябрь", "ноябрь", "январь", "февраль", "март", "май"]
    rows = [["№", "Тема заседания", "Сроки", "Ответственный"]]
    for i, (t, m) in enumerate(zip(topics, months, strict=True)):
        rows.append([str(i + 1), t, m, person(rng)])
    els: list[Element] = [Para(f"План работы ШМО {subject}", "title"),
                          Para(f"на {year}–{year + 1} учебный год", "center"),
                          Para(f"Методическая тема: «{rng.choice(TOPICS)}»."), Table(rows)]  # fmt: skip
    return els, pl.region


def self_examination(rng: Random, author: str) -> tuple[list[Element], str]:
    """An excerpt of a school's self-examination report: figures and years, but a report of another kind."""
    pl = place(rng)
    sch = school(rng, pl)
    year = rng.randint(2018, 2025)
    els: list[Element] = [Para(f"Отчёт о результатах самообследования {sch} за {year} год", "title"),
                          Para("I. Аналитическая часть", "heading"),
                          Para("1. Общие сведения об образовательной организации", "heading"),
                          Table([["Наименование", sch], ["Руководитель", person(rng)],
                                 ["Адрес", f"{pl.municipality}, ул. Школьная, д. {rng.randint(1, 40)}"]]),
                          Para("2. Оценка образовательной деятельности", "heading"),
                          Para(f"В {year} году в школе обучались {rng.randint(120, 800)} обучающихся; "
                               f"успеваемость составила {rng.randint(90, 99)} %, качество знаний — "
                               f"{rng.randint(30, 55)} %."),
                          Para("II. Показатели деятельности", "heading"),
                          Table([["N п/п", "Показатели", "Единица измерения"],
                                 ["1.1", "Общая численность учащихся", f"{rng.randint(120, 800)} человек"],
                                 ["1.6", "Средний балл ОГЭ по математике", f"{rng.randint(3, 4)},{rng.randint(0, 9)}"],
                                 ["1.22", "Численность педагогических работников",
                                  f"{rng.randint(15, 60)} человек"]])]  # fmt: skip
    return els, pl.region


KINDS: dict[str, Callable[[Random, str], tuple[list[Element], str]]] = {
    "news_about_roadmap": news_about_roadmap,
    "order_approving": order_approving,
    "document_list": document_list,
    "school_page_500": school_page_500,
    "article": article,
    "council_protocol": council_protocol,
    "shopping_list": shopping_list,
    "bell_schedule": bell_schedule,
    "regulation": regulation,
    "gia_analysis": gia_analysis,
    "parent_memo": parent_memo,
    "job_description": job_description,
    "order_holding_seminar": order_holding_seminar,
    "shmo_plan": shmo_plan,
    "self_examination": self_examination,
}


def confuser(rng: Random, author: str, kind: str) -> Built:
    els, region = KINDS[kind](rng, author)
    title = next((e.text for e in els if isinstance(e, Para) and e.style == "title"), kind)
    return Built(els, None, None, None, [], title, 0, region, confuser=kind)


__all__ = ["KINDS", "MEASURES", "TOPICS", "confuser"]
