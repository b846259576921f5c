"""Documents around one event: press releases and news, seminar programmes, letters, registration sheets."""

from __future__ import annotations

import datetime as dt
from random import Random

from approval import approval
from model import Built, Element, Para, Passport, Table, TwoColumn
from vocab import (
    MUNI_GEN,
    NUMBERS_WORDS,
    REGION_GEN,
    Place,
    d_num,
    d_quoted,
    d_words,
    day_in,
    initials_first,
    people,
    person,
    place,
    school,
    speaker,
)

TOPICS = [
    "Эффективные практики повышения качества образования в школах с низкими результатами обучения",
    "Управленческие решения при переходе школы в эффективный режим работы",
    "Наставничество как ресурс повышения качества преподавания",
    "Формирование функциональной грамотности: опыт школы-лидера",
    "Сопровождение обучающихся с рисками учебной неуспешности",
    "Повышение учебной мотивации: от диагностики к практике",
    "Сетевое взаимодействие школ как механизм адресной поддержки",
    "Объективность оценивания и использование результатов ВПР",
    "Школьная система повышения квалификации: первые шаги",
]
SPEECH = [
    "опыт работы школы по повышению учебной мотивации обучающихся",
    "систему внутришкольного мониторинга качества преподавания",
    "модель наставничества «учитель – учитель», сложившуюся в коллективе",
    "результаты анализа ВПР и меры по устранению выявленных дефицитов",
    "индивидуальные образовательные маршруты для обучающихся с трудностями в обучении",
    "работу с родителями как ресурс повышения образовательных результатов",
    "практику взаимопосещения уроков в сетевом объединении школ",
]
# topics that themselves name the schools the programme works for (low results, the effective mode, leader
# schools, pupils at risk of failure, targeted support); the others need a sentence saying whom the event was for
TARGET_TOPICS = {TOPICS[0], TOPICS[1], TOPICS[3], TOPICS[4], TOPICS[6]}
# speeches that name them («повышения образовательных результатов»)
TARGET_SPEECH = {SPEECH[5]}
# that sentence, per author (no random draw: the rest of the document stays as it was)
TARGET_SENTENCE = {
    "A": "Семинар проведён в рамках работы по поддержке школ с низкими образовательными результатами.",
    "B": "Семинар организован для педагогов школ с низкими результатами обучения и их школ-наставников.",
    "C": "Семинар адресован управленческим командам школ с низкими образовательными результатами.",
    "D": "Мероприятие проведено по программе поддержки школ, функционирующих в сложных социальных условиях.",
}
CATEGORIES = [
    "руководители и заместители руководителей общеобразовательных организаций",
    "учителя-предметники", "педагоги-психологи", "руководители методических объединений",
    "специалисты муниципальной методической службы", "молодые педагоги", "классные руководители",
]  # fmt: skip

_EVENT = {
    "school": ["школьный методический семинар", "открытый методический семинар", "семинар-практикум"],
    "municipal": ["муниципальный модельный семинар", "муниципальный методический семинар",
                  "муниципальный семинар-практикум"],
    "regional": ["региональный научно-практический семинар", "региональный семинар",
                 "межмуниципальный семинар"],
}  # fmt: skip


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


EVENT_GEN = {
    "школьный методический семинар": "школьного методического семинара",
    "открытый методический семинар": "открытого методического семинара",
    "семинар-практикум": "семинара-практикума",
    "муниципальный модельный семинар": "муниципального модельного семинара",
    "муниципальный методический семинар": "муниципального методического семинара",
    "муниципальный семинар-практикум": "муниципального семинара-практикума",
    "региональный научно-практический семинар": "регионального научно-практического семинара",
    "региональный семинар": "регионального семинара",
    "межмуниципальный семинар": "межмуниципального семинара",
}


def _event(rng: Random, level: str) -> str:
    return rng.choice(_EVENT[level])


def _venue_pair(rng: Random, level: str, host: str, pl: Place) -> tuple[str, str]:
    """(«на базе X» as a sentence says it, «X» as a «Место проведения:» line names it)."""
    if level == "regional" and rng.random() < 0.5:
        return rng.choice([(f"на базе {pl.institute}", pl.institute),
                           (f"в конференц-зале {pl.institute}", f"{pl.institute}, конференц-зал")])  # fmt: skip
    if level == "municipal" and rng.random() < 0.25:
        return f"в актовом зале {pl.uo_gen}", f"актовый зал {pl.uo_gen}"
    return rng.choice([f"на базе {host}", f"в {host}"]), host


def _venue(rng: Random, level: str, host: str, pl: Place) -> str:
    return _venue_pair(rng, level, host, pl)[0]


def _organizer(rng: Random, level: str, host: str, pl: Place) -> str:
    if level == "regional":
        return rng.choice([pl.institute, pl.authority])
    if level == "municipal":
        return pl.uo[0].lower() + pl.uo[1:]
    return f"администрация {host}"


def _count(rng: Random) -> tuple[int, str]:
    n = rng.randint(18, 140)
    if n <= 12:
        return n, NUMBERS_WORDS[n]
    return n, str(n)


def _level(rng: Random, weights: tuple[float, float, float] = (0.3, 0.45, 0.25)) -> str:
    return rng.choices(["school", "municipal", "regional"], weights=weights)[0]


# ------------------------------------------------------------------------------------------ press release


def press_release(rng: Random, author: str, defects: set[str]) -> Built:
    pl = place(rng)
    year = rng.randint(2018, 2026)
    level = _level(rng)
    host = school(rng, pl)
    untargeted = "no_target_schools" in defects  # then nothing may name the target schools by chance either
    topic = rng.choice([t for t in TOPICS if t not in TARGET_TOPICS] if untargeted else TOPICS)
    event = _event(rng, level)
    when = day_in(rng, year, (2, 11))
    venue = _venue(rng, level, host, pl)
    org = _organizer(rng, level, host, pl)
    n, n_text = _count(rng)
    cats = rng.sample(CATEGORIES, rng.randint(2, 4))
    speeches = [s for s in SPEECH if s not in TARGET_SPEECH] if untargeted else SPEECH
    speakers = list(zip([speaker(rng) for _ in range(3)], rng.sample(speeches, 3), strict=True))[: rng.randint(2, 3)]
    sub_weights = {"A": (0.7, 0.1, 0.2), "B": (0.2, 0.65, 0.15), "C": (0.35, 0.5, 0.15), "D": (0.6, 0.1, 0.3)}[author]
    subkind = rng.choices(["press_release", "news", "announcement"], weights=sub_weights)[0]
    if subkind == "announcement":
        defects.discard("no_participant_count")
    if subkind == "news":
        defects.discard("no_participant_count")  # a news item need not count people
    topic_q = "" if "no_topic" in defects else f" «{topic}»"
    date_s = "" if "no_event_date" in defects else rng.choice([d_words(when), d_num(when)])
    venue_s = "" if "no_venue" in defects else venue
    org_s = "" if "no_organizer" in defects else org
    count_s = "" if "no_participant_count" in defects else n_text
    # a programme's press release says whom the work is for; the topic may say it, else a sentence does
    target_s = "" if "no_target_schools" in defects or (topic_q and topic in TARGET_TOPICS) else TARGET_SENTENCE[author]
    els: list[Element] = []

    if subkind == "announcement":
        time_s = rng.choice(["10.00", "10:00", "14.00", "11.30"])
        if author in ("A", "B"):
            els += [Para("АНОНС" if author == "A" else "Приглашаем на семинар!", "title")]
            lead = f"{date_s} в {time_s} " if date_s else ""
            els += [Para(cap(f"{lead}{venue_s} состоится {event}{topic_q}.".replace("  ", " ").strip()))]
        else:
            els += [Para(f"{cap(event)}{topic_q}", "title"),
                    Passport([("Дата проведения", f"{date_s}, начало в {time_s}" if date_s else "уточняется"),
                              ("Место проведения", cap(venue_s.replace("на базе ", ""))
                               or "будет сообщено дополнительно"),
                              ("Организатор", org_s or "—"),
                              ("Участники", ", ".join(cats))])]  # fmt: skip
        if org_s and author in ("A", "B"):
            els.append(Para(f"Организатор — {org_s}."))
        els.append(Para(f"К участию приглашаются {', '.join(cats)}. В программе семинара — выступления "
                        f"педагогов, открытые уроки и обсуждение {rng.choice(SPEECH).split(' ', 1)[1]}."))  # fmt: skip
        if target_s:
            els.append(Para(target_s))
        els.append(Para(f"Заявки на участие принимаются до {d_num(when - dt.timedelta(days=5))} по электронной "
                        f"почте metod{rng.randint(1, 99)}@edu.example.ru."))  # fmt: skip
        return Built(els, level, subkind, None, sorted(defects), f"Анонс: {event}", year, pl.region)

    if author == "A":  # formal municipal press release
        els.append(Para("ПРЕСС-РЕЛИЗ", "title"))
        els.append(Para(cap(f"{event}{topic_q}"), "center"))
        lead = f"{date_s} " if date_s else rng.choice(["На днях ", "В рамках плана методической работы "])
        els.append(Para(f"{lead}{venue_s} состоялся {event}{topic_q}.".replace("  ", " ")))
        if org_s:
            els.append(Para(f"Организатор семинара — {org_s}."))
        part = "В работе семинара приняли участие" + (f" {people(n)}" if count_s else "")
        els.append(Para(f"{part}: {', '.join(cats)}."))
    elif author == "B":  # a school website news item
        head = rng.choice(["Семинар для педагогов района", "Делимся опытом", "У нас в гостях — коллеги",
                           "Прошёл методический семинар"])  # fmt: skip
        pub = when + dt.timedelta(days=rng.randint(0, 3))
        els += [Para(f"Главная / Новости / {head}", "small"), Para(head, "title"), Para(d_num(pub), "small")]
        lead = f"{date_s} " if date_s else ""
        venue_b = f"{venue_s} " if venue_s else ""
        els.append(Para(cap(f"{lead}{venue_b}прошёл {event}{topic_q}.")))
        if org_s:
            els.append(Para(f"Организатор — {org_s}."))
        if subkind == "press_release" and count_s:
            area = MUNI_GEN[pl.municipality] if level != "regional" else REGION_GEN[pl.region]
            els.append(Para(f"Собрались {count_s} педагогов из школ {area}."))
    elif author == "C":  # regional institute news with quotes
        els += [Para(f"Новости | {d_num(when + dt.timedelta(days=1))}", "small")]
        title_words = "Педагоги обсудили" if rng.random() < 0.5 else "Управленческие команды обменялись опытом:"
        subject = topic.lower() if topic_q else "пути повышения качества образования"
        els.append(Para(f"{title_words} {subject}", "title"))
        lead = f"{date_s} " if date_s else ""
        venue_c = f" {venue_s}" if venue_s else ""
        verb = "прошёл" if rng.random() < 0.5 else "состоялся"
        els.append(Para(cap(f"{lead}{verb}{venue_c} {event}{topic_q}.")))
        if count_s:
            els.append(Para(f"Семинар собрал {rng.choice(['более ', 'около ', ''])}{count_s} участников — "
                            f"{', '.join(cats)}."))  # fmt: skip
        if org_s:
            els.append(Para(f"Организатор: {org_s}."))
    else:  # D: structured press release, fields first
        els += [Para("Пресс-релиз", "title"), Para(f"{cap(event)}{topic_q}", "center")]
        pairs = []
        if date_s:
            pairs.append(("Дата проведения", date_s))
        if venue_s:
            pairs.append(("Место проведения", cap(venue_s.replace("на базе ", ""))))
        if org_s:
            pairs.append(("Организатор", org_s))
        pairs.append(("Участники", (f"{people(n)}: " if count_s else "") + ", ".join(cats)))
        els.append(Passport(pairs))
        lead = f"{date_s} " if date_s else ""
        els.append(Para(cap(f"{lead}{venue_s + ' ' if venue_s else ''}прошёл {event}{topic_q}.")))

    if target_s:
        els.append(Para(target_s))
    roles = rng.sample(["директор", "заместитель директора по УВР", "учитель математики", "педагог-психолог",
                        "руководитель ШМО"], 3)  # fmt: skip
    for ((name, end), speech), role in zip(speakers[: (1 if subkind == "news" else 3)], roles, strict=False):
        who = name if rng.random() < 0.5 else initials_first(name)
        els.append(Para(rng.choice([f"{who}, {role} {host}, представил{end} {speech}.",
                                    f"{cap(role)} {who} рассказал{end} участникам про {speech}.",
                                    f"В докладе {who} ({role}) участники увидели {speech}."])))  # fmt: skip
    if subkind != "news":
        els.append(Para(rng.choice([
            "В завершение участники обсудили вопросы, возникающие при реализации программ перехода школ в "
            "эффективный режим работы, и выработали рекомендации для школ."
            if not untargeted else "В завершение участники обсудили вопросы и выработали рекомендации для школ.",
            "По итогам семинара участникам предложено использовать представленные материалы в работе школьных "
            "методических объединений.",
            "Материалы семинара размещены на сайте организатора в разделе «Методическая работа».",
        ])))  # fmt: skip
    if author == "A":
        els.append(Para(f"Контактное лицо: {person(rng)}, тел. 8 ({rng.randint(800, 899)}) "
                        f"{rng.randint(10, 99)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}", "small"))  # fmt: skip
    if author == "C":
        els.append(Para(f"Пресс-служба {pl.institute if level == 'regional' else pl.uo_gen}", "small"))
    if author == "B":
        els.append(Para(f"Просмотров: {rng.randint(20, 400)}", "small"))
    return Built(els, level, subkind, None, sorted(defects), f"Пресс-релиз: {event}", year, pl.region)


# ------------------------------------------------------------------------------------------ seminar programme

AGENDA = [
    "Открытие семинара. Приветственное слово",
    "Система работы школы по повышению качества образования",
    "Открытый урок математики в 7 классе",
    "Мастер-класс «Приёмы формирования читательской грамотности»",
    "Индивидуальный образовательный маршрут обучающегося: из опыта работы",
    "Работа школьной службы психолого-педагогического сопровождения",
    "Наставничество в педагогическом коллективе",
    "Круглый стол. Подведение итогов, рефлексия",
]


def _slots(rng: Random, n: int, style: str) -> list[str]:
    t = dt.datetime(2000, 1, 1, rng.choice([9, 10, 11, 13]), rng.choice([0, 30]))
    out = []
    for _ in range(n):
        end = t + dt.timedelta(minutes=rng.choice([15, 20, 30, 40, 45]))
        fmt = "%H.%M" if style == "dot" else "%H:%M"
        out.append(f"{t.strftime(fmt)}–{end.strftime(fmt)}".lstrip("0"))
        t = end
    return out


def seminar_program(rng: Random, author: str, defects: set[str]) -> Built:
    pl = place(rng)
    year = rng.randint(2018, 2026)
    level = _level(rng, (0.25, 0.5, 0.25))
    host = school(rng, pl)
    topic = rng.choice(TOPICS)
    event = _event(rng, level)
    when = day_in(rng, year, (2, 11))
    venue = _venue_pair(rng, level, host, pl)[1]
    n = rng.randint(5, 8)
    agenda = ["Регистрация участников", AGENDA[0], *rng.sample(AGENDA[1:-1], n - 3), AGENDA[-1]]
    slots = _slots(rng, n, "dot" if author in ("A", "C") else "colon")
    speakers = [""] + [f"{person(rng)}, {rng.choice(['директор', 'заместитель директора', 'учитель', 'методист'])}"
                       for _ in range(n - 1)]  # fmt: skip
    if "no_timetable" in defects:
        slots = [""] * n
    if "no_speakers" in defects:
        speakers = [""] * n
    els: list[Element] = []
    if author == "D" and rng.random() < 0.5:
        head, _ = approval(rng, "signature", level if level != "regional" else "municipal", host, pl,
                              when - dt.timedelta(days=14), "f")  # fmt: skip
        els += head
    title = {"A": "ПРОГРАММА", "B": "Программа проведения", "C": "ПРОГРАММА", "D": "Программа"}[author]
    els.append(Para(title, "title"))
    els.append(Para(f"{EVENT_GEN[event]}{'' if 'no_topic' in defects else ' «' + topic + '»'}", "center"))
    date_line = d_words(when) if author in ("A", "D") else d_num(when)
    if author in ("A", "B"):
        if "no_event_date" not in defects:
            els.append(Para(f"Дата проведения: {date_line}"))
        if "no_venue" not in defects:
            els.append(Para(f"Место проведения: {venue}"))
        els.append(Para(f"Участники: {', '.join(rng.sample(CATEGORIES, 2))}"))
    elif author == "C":
        pairs = []
        if "no_event_date" not in defects:
            pairs.append(("Дата", date_line))
        if "no_venue" not in defects:
            pairs.append(("Место", venue))
        pairs += [("Модератор", person(rng)), ("Категория слушателей", rng.choice(CATEGORIES))]
        els.append(TwoColumn([p[0] + ":" for p in pairs], [p[1] for p in pairs]))
    else:
        bits = []
        if "no_event_date" not in defects:
            bits.append(date_line)
        if "no_venue" not in defects:
            bits.append(venue)
        if bits:
            els.append(Para(", ".join(bits), "center"))
    if author in ("A", "C"):
        rows = [["Время", "Содержание", "Выступающий"]] if author == "A" else [["№", "Время", "Тема", "Ответственный"]]
        for i in range(n):
            if author == "A":
                rows.append([slots[i], agenda[i], speakers[i]])
            else:
                rows.append([str(i + 1), slots[i], agenda[i], speakers[i]])
        els.append(Table(rows, [1, 3, 2] if author == "A" else [0.4, 1, 3, 2]))
    elif author == "B":
        for i in range(n):
            line = f"{slots[i]} {agenda[i]}".strip()
            els.append(Para(line, "bold"))
            if speakers[i]:
                els.append(Para(speakers[i]))
    else:
        rows = [["Время", "Мероприятие"]]
        for i in range(n):
            rows.append([slots[i], f"{agenda[i]}" + (f"\n{speakers[i]}" if speakers[i] else "")])
        els.append(Table(rows, [1, 4]))
    return Built(els, level, None, None, sorted(defects), f"Программа: {event}", year, pl.region)


# ------------------------------------------------------------------------------------------------- letter


def letter(rng: Random, author: str, defects: set[str]) -> Built:
    pl = place(rng)
    year = rng.randint(2018, 2026)
    level = "regional" if author in ("B", "C") else "municipal"
    sent = day_in(rng, year, (2, 10))
    when = sent + dt.timedelta(days=rng.randint(7, 25))
    host = school(rng, pl)
    topic = rng.choice(TOPICS)
    number = f"{rng.randint(1, 9):02d}-{rng.randint(10, 40)}/{rng.randint(100, 4999)}"
    els: list[Element] = []
    if author == "A":
        sender = [pl.uo.upper(), pl.municipality.upper(), f"ул. Советская, д. {rng.randint(1, 90)}",
                  f"тел. 8 ({rng.randint(800, 899)}) {rng.randint(100, 999)}-{rng.randint(10, 99)}"]
    elif author == "B":
        sender = [pl.authority.upper(), f"г. {pl.capital}"]
    elif author == "C":
        sender = [pl.institute, "(центр непрерывного повышения профессионального мастерства)"]
    else:
        sender = [f"Администрация {MUNI_GEN[pl.municipality]}", pl.uo.split(" администрации")[0]]
    num_line = f"от {d_num(sent)} № {number}"
    if "no_outgoing_number" in defects:
        num_line = f"от {d_num(sent)} № ________"
    if "no_letter_date" in defects:
        num_line = f"от ____________ № {number}"
    if author == "C":
        num_line = f"исх. № {number} от {d_num(sent)}"
        if "no_outgoing_number" in defects:
            num_line = f"исх. № _____ от {d_num(sent)}"
        if "no_letter_date" in defects:
            num_line = f"исх. № {number} от «___» ________ 20__ г."
    addressee = {
        "A": ["Руководителям общеобразовательных", "организаций"],
        "B": ["Руководителям органов местного", "самоуправления, осуществляющих", "управление в сфере образования"],
        "C": ["Руководителям муниципальных", "методических служб"],
        "D": ["Директорам школ", f"{pl.municipality}"],
    }[author]
    if author in ("A", "D"):
        to = [] if "no_addressee" in defects else addressee
        els.append(TwoColumn([*sender, num_line, "На № ______ от ________"], to))
    else:
        els += [Para(line, "center") for line in sender]
        els.append(TwoColumn([num_line], [] if "no_addressee" in defects else addressee))
    subject = {
        "A": "О проведении муниципального семинара",
        "B": "Об участии в региональном семинаре",
        "C": "О проведении семинара для управленческих команд",
        "D": "О семинаре",
    }[author]
    if "no_subject" not in defects:
        els.append(Para(subject, "bold"))
    els.append(Para("Уважаемые коллеги!", "center"))
    if author in ("A", "D"):
        body = (f"{pl.uo} информирует о том, что {d_words(when)} на базе {host} состоится "
                f"муниципальный семинар «{topic}». Начало в 10.00, регистрация участников с 9.30.")
        ask = ("Просим направить для участия в семинаре заместителей директоров и учителей-предметников "
               f"и в срок до {d_num(when - dt.timedelta(days=4))} представить заявку по прилагаемой форме.")
    elif author == "B":
        body = (f"В целях реализации региональной программы поддержки школ с низкими образовательными "
                f"результатами {pl.institute} {d_words(when)} проводит региональный семинар «{topic}».")
        ask = ("Просим обеспечить участие управленческих команд школ, включённых в проект, и довести "
               "информацию до сведения руководителей общеобразовательных организаций.")
    else:
        body = (f"Информируем, что {d_num(when)} в дистанционном формате состоится семинар «{topic}» для "
                f"руководителей и методистов муниципальных методических служб.")
        ask = "Ссылка для подключения будет направлена участникам после регистрации. Просим обеспечить участие."
    els += [Para(body), Para(ask)]
    if rng.random() < 0.6:
        els.append(Para(f"Приложение: программа семинара на {rng.randint(1, 3)} л. в 1 экз."))
    signer = person(rng)
    pos = {"A": pl.uo_head, "B": "Заместитель министра", "C": "Ректор", "D": pl.uo_head}[author]
    if "no_signatory" not in defects:
        if author == "D":
            _, tail = approval(rng, "esign", "municipal", host, pl, sent)
            els.append(TwoColumn([pos], [initials_first(signer)]))
            els += tail
        else:
            els.append(TwoColumn([pos], [initials_first(signer)]))
    els.append(Para(f"Исп.: {person(rng)}, тел. {rng.randint(20, 99)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}",
                    "small"))  # fmt: skip
    return Built(els, level, None, None, sorted(defects), subject, year, pl.region)


# -------------------------------------------------------------------------------------- registration sheet


def registration_sheet(rng: Random, author: str, defects: set[str]) -> Built:
    pl = place(rng)
    year = rng.randint(2018, 2026)
    level = _level(rng, (0.3, 0.5, 0.2))
    host = school(rng, pl)
    when = day_in(rng, year, (2, 11))
    event = _event(rng, level)
    topic = rng.choice(TOPICS)
    title = {"A": "ЛИСТ РЕГИСТРАЦИИ", "B": "Лист регистрации участников", "C": "РЕГИСТРАЦИОННЫЙ ЛИСТ",
             "D": "Лист регистрации"}[author]  # fmt: skip
    els: list[Element] = [Para(title, "title"), Para(f"участников {EVENT_GEN[event]} «{topic}»", "center")]
    if "no_event_date" not in defects:
        els.append(Para({"A": f"Дата проведения: {d_num(when)}", "B": d_quoted(when),
                         "C": f"Дата: {d_words(when)}", "D": f"{d_num(when)}, {host}"}[author]))  # fmt: skip
    if author in ("A", "C"):
        els.append(Para(f"Место проведения: {host}"))
    cols = {
        "A": ["№ п/п", "Фамилия, имя, отчество", "Должность", "Образовательная организация", "Подпись"],
        "B": ["№", "Ф.И.О. участника", "Место работы, должность", "Контактный телефон", "Подпись"],
        "C": ["№", "ФИО", "ОО", "Должность", "Подпись"],
        "D": ["№", "Фамилия И.О.", "Школа", "Должность", "Подпись участника"],
    }[author]
    if "no_signature_column" in defects:
        cols = [c for c in cols if not c.startswith("Подпись")]
    if "no_position_column" in defects:
        cols = [c for c in cols if "олжност" not in c and c != "ОО"]
        cols = [c.replace("Место работы, должность", "Место работы") for c in cols]
    rows = [cols]
    for i in range(rng.randint(8, 16)):
        cells = []
        for c in cols:
            if c.startswith("№"):
                cells.append(str(i + 1))
            elif c.startswith(("Фамилия", "Ф.И.О", "ФИО")):
                cells.append(person(rng))
            elif c == "Должность":
                cells.append(rng.choice(["учитель", "заместитель директора", "директор", "педагог-психолог"]))
            elif c in ("Образовательная организация", "ОО", "Школа", "Место работы"):
                cells.append(school(rng, pl))
            elif c.startswith("Место работы"):
                cells.append(f"{school(rng, pl)}, {rng.choice(['учитель', 'заместитель директора'])}")
            elif c.startswith("Контакт"):
                cells.append(f"8-9{rng.randint(10, 99)}-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}")
            else:
                cells.append("")
        rows.append(cells)
    els.append(Table(rows))
    return Built(els, level, None, None, sorted(defects), title, year, pl.region)
