"""The packs for the remaining document types and the quality pack: a passing and a failing document
for each (exact failing rule ids), and every pack over the five seeds."""

# ruff: noqa: E501 - the sample documents keep their real line lengths

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEEDS, needs_seeds

from checker.engine.examples import document_from_text
from checker.engine.pack import load_pack, load_packs
from checker.paths import rules_dir
from checker.pipeline import CheckOptions, check_document

PACKS = [
    "info_report",
    "system_description",
    "seminar_program",
    "letter",
    "registration_sheet",
    "concept_document",
    "development_program",
    "antirisk_program",
]

PASSING = {
    "info_report": (
        "Информационная справка\n"
        "о реализации мероприятий, направленных на повышение качества образования в школах с низкими результатами обучения в 2017 году\n"
        "\n"
        "Министерством издан приказ от 12 апреля 2017 года № 457 «О реализации мероприятия 2.2». Определена организация-оператор, создана рабочая группа, утверждено Положение о рабочей группе и план-график («дорожная карта»).\n"
        "\n"
        "Подготовлено 5 тьюторов, обучено 285 педагогов, 100% школ разработали программы.\n"
        "\n"
        "Разработаны методические рекомендации и сборник материалов. 15 марта 2017 года проведён региональный семинар «Школа с низкими результатами: пути выхода».\n"
        "\n"
        "Начальник отдела сопровождения ШНОР  И.И. Иванова\n"
    ),
    "system_description": (
        "Система работы со школами с низкими результатами обучения\n"
        "\n"
        "Цель\n"
        "Обеспечение доступности качественного образования в районе.\n"
        "\n"
        "Задачи\n"
        "- разработать и внедрить мониторинг с целью выявления школ;\n"
        "- создать сеть профессиональных сообществ.\n"
        "\n"
        "Документы\n"
        "- Приказ № 285 об утверждении перечня опорных школ;\n"
        "- Положение об опорной школе.\n"
        "\n"
        "По итогам реализации программы были достигнуты следующие результаты: определены группы школ.\n"
    ),
    "seminar_program": (
        "ПРОГРАММА\n"
        "муниципального модельного семинара «Разработка муниципальной дорожной карты»\n"
        "\n"
        "Дата проведения: 18 сентября 2018 года\n"
        "Место проведения: МАОУ СОШ № 1\n"
        "\n"
        "09.30–10.00 Регистрация участников\n"
        "10.00–10.20 Открытие семинара. Петрова Е.В., начальник управления образования\n"
        "10.20–11.00 Модель работы со школами. Иванова И.И., директор МАОУ СОШ № 1\n"
    ),
    "letter": (
        "Управление образования администрации МО Кущёвский район\n"
        "\n"
        "Исх. № 01-12/345 от 10.09.2018\n"
        "\n"
        "Руководителям общеобразовательных организаций\n"
        "\n"
        "О проведении модельного семинара\n"
        "\n"
        "Уважаемые коллеги! Информируем о проведении 18 сентября 2018 года муниципального модельного семинара.\n"
        "\n"
        "Начальник управления образования  Е.В. Петрова\n"
    ),
    "registration_sheet": (
        "Лист регистрации участников муниципального модельного семинара\n"
        "18 сентября 2018 года\n"
        "\n"
        "№\tФИО\tДолжность\tОО\tПодпись\n"
        "1\tИванова И.И.\tучитель\tМБОУ СОШ № 5\t\n"
        "2\tПетров П.П.\tдиректор\tМБОУ СОШ № 12\t\n"
    ),
    "concept_document": (
        "Концептуальный документ\n"
        "МБОУ СОШ № 5 на 2021-2022 годы\n"
        "\n"
        "По результатам анализа риск-профиля школы выбраны приоритетные риски: риск «Низкая учебная мотивация обучающихся» и риск «Дефицит педагогических кадров».\n"
        "\n"
        "Цель: повышение качества образования.\n"
        "Задачи: повысить учебную мотивацию; привлечь педагогов.\n"
        "\n"
        "Ожидаемые результаты: рост доли обучающихся, подтвердивших оценки на ВПР.\n"
    ),
    "development_program": (
        "УТВЕРЖДАЮ\n"
        "Директор МБОУ СОШ № 5\n"
        "________ И.И. Иванова\n"
        "\n"
        "Среднесрочная программа развития МБОУ СОШ № 5 на 2021–2023 годы\n"
        "\n"
        "1. Цели и задачи развития\n"
        "Цель: повышение качества образования. Программа направлена на риск «Низкая учебная мотивация обучающихся».\n"
        "\n"
        "2. Целевые показатели (индикаторы)\n"
        "Доля обучающихся с рисками учебной неуспешности снизится до 10 %.\n"
        "\n"
        "3. Методы сбора и обработки информации\n"
        "Анкетирование, анализ результатов ВПР.\n"
        "\n"
        "4. Сроки и этапы реализации\n"
        "Срок реализации: 2021–2023 годы.\n"
        "\n"
        "5. Меры и мероприятия по достижению цели и задач\n"
        "Семинары для педагогов; ответственные: заместитель директора по УВР.\n"
        "\n"
        "6. Ожидаемые конечные результаты\n"
        "Рост результатов ВПР.\n"
    ),
    "antirisk_program": (
        "УТВЕРЖДАЮ\n"
        "Директор МБОУ СОШ № 5\n"
        "________ И.И. Иванова\n"
        "\n"
        "Программа антирисковых мер по рисковому профилю «Низкая учебная мотивация обучающихся»\n"
        "\n"
        "Цель: повышение учебной мотивации обучающихся.\n"
        "Задачи:\n"
        "1) провести диагностику мотивации.\n"
        "\n"
        "Задача\tМероприятие\tСроки реализации\tПоказатели реализации\tОтветственные\tУчастники\n"
        "Провести диагностику\tАнкетирование\tсентябрь 2021\tдоля охваченных 100 %\tзам. директора Петрова А.А.\tобучающиеся 5-9 классов\n"
    ),
}

FAILING = {
    "info_report": (
        "Информационная справка о работе в 2017 году\n"
        "\n"
        "Издан приказ о реализации мероприятия. Создана рабочая группа.\n"
        "\n"
        "15 марта 2015 года проведён семинар для педагогов.\n"
    ),
    "system_description": (
        "Система работы со школами\n"
        "\n"
        "Цель\n"
        "Обеспечение доступности качественного образования.\n"
        "\n"
        "Работа продолжается в обычном порядке всеми специалистами района.\n"
    ),
    "seminar_program": (
        "ПРОГРАММА\n"
        "муниципального семинара\n"
        "\n"
        "Дата проведения: 18 октября 2018 года\n"
        "\n"
        "Открытие семинара\n"
        "Выступление директора школы о работе с педагогами и обучающимися\n"
        "Обсуждение вопросов качества образования в школах района и подведение итогов работы\n"
    ),
    "letter": (
        "Уважаемые коллеги!\n"
        "\n"
        "Просим направить отчёт до 01.10.2018 о работе с педагогами, проведённой в школах района в текущем учебном году.\n"
        "\n"
        "С уважением, управление образования\n"
    ),
    "registration_sheet": (
        "Список участников\n"
        "\n"
        "№\tФИО\tПодпись\n"
        "1\tИванова И.И.\t\n"
        "2\tПетров П.П.\t\n"
        "3\tСидорова Анна Петровна\t\n"
        "4\tКузнецова Мария Ивановна\t\n"
        "5\tСмирнов Олег Николаевич\t\n"
        "6\tПопова Елена Сергеевна\t\n"
    ),
    "concept_document": (
        "Концептуальный документ\n"
        "МБОУ СОШ № 5\n"
        "\n"
        "Цель: повышение качества образования.\n"
        "Выбран риск «Слабая материальная база спортзала».\n"
        "Документ обсуждался коллективом школы весной на общем собрании работников.\n"
    ),
    "development_program": (
        "Среднесрочная программа развития МБОУ СОШ № 5\n"
        "\n"
        "1. Цели и задачи развития\n"
        "Цель: повысить качество образования.\n"
        "\n"
        "2. Целевые показатели (индикаторы)\n"
        "Доля обучающихся с рисками снизится до 10 %.\n"
        "\n"
        "3. Ожидаемые конечные результаты\n"
        "Повысится качество образования.\n"
    ),
    "antirisk_program": (
        "Программа антирисковых мер по рисковому профилю «Слабая дисциплина»\n"
        "\n"
        "Цель: повышение дисциплины.\n"
        "\n"
        "Мотивация обучающихся повысится, если педагоги будут внимательнее к каждому ребёнку.\n"
    ),
}

EXPECTED_FAILURES = {
    "info_report": {"IR-DATES-001", "IR-EVENT-001", "IR-NUM-001", "IR-ORDER-001", "IR-SIGN-001", "IR-TARGET-001"},
    "system_description": {"SD-DOCS-001", "SD-MONITOR-001", "SD-RESULTS-001", "SD-TASKS-001"},
    "seminar_program": {"SP-SPEAKERS-001", "SP-TIME-001", "SP-VENUE-001"},
    "letter": {"LT-ADDR-001", "LT-DATE-001", "LT-NUMBER-001", "LT-SIGN-001", "LT-SUBJECT-001"},
    "registration_sheet": {"RS-DATE-001", "RS-TABLE-002", "RS-TITLE-001"},
    "concept_document": {"CD-GOAL-001", "CD-PROFILE-001", "CD-RESULTS-001", "CD-RISKS-001", "CD-RISKS-002"},
    "development_program": {"DP-APPROVAL-001", "DP-MEASURES-001", "DP-METHODS-001", "DP-PERIOD-001",
                            "DP-RESPONSIBLE-001", "DP-STAGES-001"},
    "antirisk_program": {"AR-APPROVAL-001", "AR-INDICATORS-001", "AR-RISK-001", "AR-RISK-002", "AR-TABLE-001",
                         "AR-TASKS-001"},
}  # fmt: skip


def _failures(pack_name: str, text: str) -> set[str]:
    pack = load_pack(rules_dir() / f"{pack_name}.yaml")
    # genre and programme layers only: the campaign packs live in rules/campaigns/
    options = CheckOptions(doc_type=pack.doc_types[0], campaign=None)
    report = check_document(document_from_text(text), [pack], options)
    return {f.rule_id for f in report.findings if f.outcome == "fail"}


@pytest.mark.parametrize("pack_name", PACKS)
def test_passing_document(pack_name: str) -> None:
    assert _failures(pack_name, PASSING[pack_name]) == set()


@pytest.mark.parametrize("pack_name", PACKS)
def test_failing_document(pack_name: str) -> None:
    assert _failures(pack_name, FAILING[pack_name]) == EXPECTED_FAILURES[pack_name]


def _quality(text: str) -> list:
    pack = load_pack(rules_dir() / "quality.yaml")
    report = check_document(document_from_text(text), [pack], CheckOptions(doc_type="info_report"))
    return [f for f in report.findings if f.outcome == "fail"]


def test_quality_applies_to_every_type() -> None:
    from checker.engine.pack import rules_for

    pack = load_pack(rules_dir() / "quality.yaml")
    assert pack.doc_types == []
    assert len(rules_for([pack], "roadmap")) == len(rules_for([pack], "unknown")) == len(pack.rules)


def test_quality_clean_text() -> None:
    text = (
        "Справка от 11.09.2018\n\n1. Цель\n\nПовышение качества образования в Грачевском районе.\n\n"
        "2. Задачи\n\nМетодисты Грачевского района провели семинар 20.08.2018.\n\n"
        "Директор ________ И.И. Иванов\n"
    )
    assert _quality(text) == []


def test_quality_defects() -> None:
    text = (
        "Справка от 11.09.2018\n\n1. Цель\n\nПовышение качества образования в образования в Грачевском районе.\n\n"
        "2. Задачи\n\n3. Результаты\n\nМетодисты Грачевского района и педагоги Гачевского района провели "
        "семинар 25.10.2018.\n\nОтчёт представить до [указать дату].\n"
    )
    ids = sorted(f.rule_id for f in _quality(text))
    assert set(ids) == {"Q-REPEAT-001", "Q-NAME-001", "Q-EMPTY-001", "Q-PASTDATE-001", "Q-PLACEHOLDER-001"}


def test_quality_inflection_is_not_a_misspelling() -> None:
    text = "В Кущёвском районе. Школы Кущёвского района. Кущёвский район. Новороссийск и Новороссийска."
    assert [f.rule_id for f in _quality(text)] == []


@needs_seeds
@pytest.mark.parametrize("seed", sorted(SEEDS.glob("0*.txt")) if SEEDS.is_dir() else [], ids=lambda p: p.name[:3])
def test_seeds_do_not_crash(seed: Path) -> None:
    from checker.parsers import parse_file

    packs = load_packs()
    report = check_document(parse_file(seed), packs, CheckOptions())
    internal = [f for f in report.findings if "Внутренняя ошибка" in f.message]
    assert internal == []


@needs_seeds
def test_quality_flags_the_real_defects() -> None:
    from checker.parsers import parse_file

    pack = load_pack(rules_dir() / "quality.yaml")
    found = {}
    for name in ("003_6744958234f096d9.txt", "004_5084d0d812c3a86f.txt"):
        report = check_document(parse_file(SEEDS / name), [pack], CheckOptions())
        found[name[:3]] = [f for f in report.findings if f.outcome == "fail"]
    assert any(f.rule_id == "Q-NAME-001" and "Гачевском" in f.message for f in found["003"])
    assert any(f.rule_id == "Q-REPEAT-001" and "образования в образования" in (f.evidence or "") for f in found["004"])


def test_two_real_places_are_not_one_name_misspelt() -> None:
    """Issue 11: «Рязань» is not a misspelling of «Казань» — both are cities (pymorphy3's Geox); a district
    name misspelt once is still found."""
    from checker.engine.kinds.consistency import _is_place

    assert _is_place("Рязани") and _is_place("Казань") and not _is_place("Гачевском")
    cities = ("Делегации приехали из Казани и Рязани. В Казани прошёл семинар. Опыт Казани обсуждали. "
              "Из Рязани приехали методисты.")  # fmt: skip
    from checker.engine.context import CheckContext
    from checker.engine.runner import run_rules

    (rule,) = [r for r in load_pack(rules_dir() / "quality.yaml").rules if r.id == "Q-NAME-001"]

    def outcomes(text: str) -> list[tuple[str, str]]:
        return [(f.outcome, f.message) for f in run_rules(CheckContext(document=document_from_text(text)), [rule])]

    assert [o for o, _ in outcomes(cities)] == ["pass"]
    district = "Школы в Грачевском районе. Методисты Грачевского района. Педагоги в Гачевском районе."
    ((outcome, message),) = outcomes(district)
    assert outcome == "fail" and "«Гачевском»" in message
