"""Roadmaps, plans and programmes in the shapes real ones have (fixtures/real_shapes/, written by
fixtures/make_real_shapes_plans.py), checked through the CLI: passing where the document is right, the one
right finding where it is not. Plus the approval model on small documents of every form and level."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker.approval import approval_forms, expected_issuers, find_approvals
from checker.engine.context import CheckContext
from checker.engine.examples import document_from_text
from checker.engine.kinds.approval import ApprovalRule
from checker.engine.kinds.empty_section import EmptySectionRule, is_content_line
from checker.engine.kinds.period import PeriodRule
from checker.engine.kinds.section import SectionRule
from checker.engine.runner import run_rules
from checker.language.text import DocumentText

ROOT = Path(__file__).resolve().parents[1]
SHAPES = ROOT / "fixtures" / "real_shapes"
OWN = ("RM-", "PG-", "PS-", "AR-", "CD-", "DP-", "SD-", "Q-EMPTY-")

# file → (doc type, level, verdict, {(rule id, severity, outcome)} of the failing/unverified findings of our rules)
CASES: dict[str, tuple[str, str, str, set[tuple[str, str, str]]]] = {
    # a school roadmap on low motivation, approved by a school order: nothing municipal is asked of it
    "roadmap/school_order.docx": ("roadmap", "school", "compliant", set()),
    "roadmap/school_order.pdf": ("roadmap", "school", "compliant", set()),
    "roadmap/school_unapproved.docx": ("roadmap", "school", "noncompliant", {("RM-APPROVAL-001", "error", "fail")}),
    # a regional roadmap is an appendix to the ministry's order: that is its approval
    "roadmap/regional_appendix.docx": ("roadmap", "regional", "compliant", set()),
    "roadmap/regional_appendix.pdf": ("roadmap", "regional", "compliant", set()),
    # a municipal roadmap approved by a school director: the wrong level
    "roadmap/municipal_by_director.docx": ("roadmap", "municipal", "noncompliant",
                                           {("RM-APPROVAL-001", "error", "fail")}),
    # signed with an electronic signature; the table is tab-separated text
    "roadmap/esigned.txt": ("roadmap", "municipal", "compliant", set()),
    # the table is flattened with «|»: rebuilt, checked like any table
    "roadmap/pipes.txt": ("roadmap", "school", "compliant", set()),
    # accepted by the teachers' council and approved by the director's order, side by side; passport as a table
    "program/council.docx": ("program", "school", "compliant", set()),
    "program/council.pdf": ("program", "school", "compliant", set()),
    # the title says 2024–2026, the passport 2024–2027: the real defect
    "program/period_mismatch.docx": ("program", "school", "noncompliant", {("PG-PERIOD-001", "error", "fail")}),
    "program/period_mismatch.pdf": ("program", "school", "noncompliant", {("PG-PERIOD-001", "error", "fail")}),
    # a contents page with dot leaders, a «ПРОЕКТ» stamp, «Цель – …», a council protocol at the end
    "program/contents_stamp.txt": ("program", "school", "compliant", set()),
    "plan_schedule/plan_order.docx": ("plan_schedule", "municipal", "compliant", set()),
    "antirisk_program/antirisk_council.docx": ("antirisk_program", "school", "compliant", set()),
    # «500+»: a concept document approved by a school order, a development programme accepted by the council
    "concept_document/school_order.txt": ("concept_document", "school", "compliant", set()),
    "development_program/council.docx": ("development_program", "school", "compliant", set()),
    "development_program/council.pdf": ("development_program", "school", "compliant", set()),
    # a municipality's web page: labels «Цель:», «Задачи:» instead of headings, a site menu above
    "system_description/web_page.txt": ("system_description", "municipal", "compliant", set()),
}  # fmt: skip


def run_cli(path: Path, *extra: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "checker", "check", str(path), "--format", "json", "--no-cache", *extra],
        capture_output=True, text=True, cwd=ROOT, timeout=180,
    )  # fmt: skip
    assert result.returncode in (0, 1), result.stderr
    assert "failed on" not in result.stderr, result.stderr
    (doc,) = json.loads(result.stdout)["documents"]
    return doc


@pytest.mark.parametrize("name", sorted(CASES))
def test_real_shapes(name: str) -> None:
    doc_type, level, verdict, expected = CASES[name]
    doc = run_cli(SHAPES / name)
    assert doc["doc_type"] == doc_type
    assert doc["level"] == level
    found = {
        (f["rule_id"], f["severity"], f["outcome"])
        for f in doc["findings"]
        if f["outcome"] in ("fail", "unverified") and f["rule_id"].startswith(OWN)
    }
    assert found == expected, [f["message"] for f in doc["findings"] if f["outcome"] in ("fail", "unverified")]
    assert doc["verdict"] == verdict
    for finding in doc["findings"]:  # every failing finding says how to fix it
        if finding["outcome"] == "fail" and finding["rule_id"].startswith(OWN):
            assert finding["suggestion"], finding["rule_id"]


def _finding(doc: dict, rule_id: str) -> dict:
    (finding,) = [f for f in doc["findings"] if f["rule_id"] == rule_id]
    return finding


def test_messages_name_the_form_found() -> None:
    school = run_cli(SHAPES / "roadmap/school_order.docx")
    assert "приказ" in _finding(school, "RM-APPROVAL-001")["message"]
    assert "от 30.08.2024 № 112" in _finding(school, "RM-APPROVAL-001")["message"]
    esigned = run_cli(SHAPES / "roadmap/esigned.txt")
    assert "электронная подпись" in _finding(esigned, "RM-APPROVAL-001")["message"]
    assert esigned["approval_forms"] == ["esign"]
    wrong = _finding(run_cli(SHAPES / "roadmap/municipal_by_director.docx"), "RM-APPROVAL-001")
    assert wrong["message"].startswith("Утверждение не того уровня: найдено — гриф «УТВЕРЖДАЮ»")
    assert "органа управления образованием" in wrong["message"]
    none = _finding(run_cli(SHAPES / "roadmap/school_unapproved.docx"), "RM-APPROVAL-001")
    assert none["message"] == (
        "Не видно, что дорожная карта утверждена: нет ни грифа «УТВЕРЖДАЮ» или подписи, ни ссылки на приказ об "
        "утверждении, ни решения совета (протокола), ни электронной подписи."
    )
    assert "школы (директор, приказ по школе или педагогический совет)" in none["suggestion"]


def test_period_mismatch_message() -> None:
    finding = _finding(run_cli(SHAPES / "program/period_mismatch.docx"), "PG-PERIOD-001")
    assert finding["message"] == (
        "Сроки не совпадают: в названии 2024–2026 годы, в паспорте 2024–2027 годы; исправьте, чтобы они совпадали."
    )
    assert finding["location"]["table"] == 1  # the passport row


def test_campaign_layer_only_with_its_campaign() -> None:
    """A school roadmap on low motivation is not asked for the Krasnodar six directions without the campaign;
    with it, the campaign's demands are checked (and named as the campaign's)."""
    plain = run_cli(SHAPES / "roadmap/school_order.docx")
    assert not [f for f in plain["findings"] if f["rule_id"] in ("RM-DIR-001", "RM-SIGN-001", "RM-SCHOOLS-001")]
    campaign = run_cli(SHAPES / "roadmap/school_order.docx", "--campaign", "krasnodar-2018")
    failing = {f["rule_id"] for f in campaign["findings"] if f["outcome"] == "fail"}
    assert {"RM-DIR-001", "RM-SIGN-001"} <= failing


# ---------------------------------------------------------------------------------------------- the model

FORMS_CASES = {
    "УТВЕРЖДАЮ\nДиректор МБОУ СОШ № 12\n________ А.А. Сидорова\n«12» октября 2023 г.\n\nПрограмма": (
        "signature", {"school"}),
    "УТВЕРЖДЕНА\nприказом министерства образования и науки Энской области\nот 12.03.2021 N 417\n\nДорожная карта": (
        "order", {"regional"}),
    "Приложение № 3\nк приказу управления образования\nадминистрации города Энска\nот 15.09.2022 № 233\n\n"
    "Дорожная карта": ("order", {"municipal"}),
    "Принята на педагогическом совете\nпротокол № 1 от 30.08.2021\n\nПрограмма повышения качества образования": (
        "protocol", {"school"}),
    "Дорожная карта\n\nТекст.\n\nДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ\nСертификат 0a1b2c3d4e5f60718293a4b5c6d7e8f9\n"
    "Владелец Иванова Мария Петровна\nДействителен с 01.02.2023 по 01.05.2024": ("esign", set()),
    "У Т В Е Р Ж Д А Ю\nДиректор школы\n________ И.И. Иванов\n\nДорожная карта": ("signature", {"school"}),
}  # fmt: skip


@pytest.mark.parametrize("text", list(FORMS_CASES))
def test_approval_forms(text: str) -> None:
    form, issuers = FORMS_CASES[text]
    approvals = find_approvals(DocumentText(document_from_text(text)))
    assert [a.form for a in approvals][:1] == [form]
    assert approvals[0].issuers == issuers
    assert approval_forms(DocumentText(document_from_text(text))) == [form]


def test_order_number_and_date() -> None:
    text = "Приложение № 3\nк приказу управления образования\nот 15.09.2022 № 233\n\nДорожная карта"
    (approval,) = find_approvals(DocumentText(document_from_text(text)))
    assert (approval.number, str(approval.date)) == ("233", "2022-09-15")


def test_expected_issuers_by_level() -> None:
    assert expected_issuers("school") == {"school", "municipal", "regional"}
    assert expected_issuers("municipal") == {"municipal", "regional"}
    assert expected_issuers("regional") == {"regional"}
    assert expected_issuers(None) is None


GENRE = ApprovalRule(id="A-1", kind="approval", title="a", message="нет: {forms}", marker=["approve", "sign"],
                     forms=["signature", "order", "protocol", "esign"], by_level=True)  # fmt: skip


def _outcomes(rule, text: str, level: str | None = None) -> list[tuple[str, str]]:
    ctx = CheckContext(document=document_from_text(text), doc_type="roadmap", level=level)
    return [(f.outcome, f.severity) for f in run_rules(ctx, [rule])]


@pytest.mark.parametrize(
    ("text", "level", "expected"),
    [
        # a director's stamp: right for a school, wrong for a municipal or regional roadmap
        ("УТВЕРЖДАЮ\nДиректор МБОУ СОШ № 5\n________ И.И. Иванова\n\nДорожная карта", "school", "pass"),
        ("УТВЕРЖДАЮ\nДиректор МБОУ СОШ № 5\n________ И.И. Иванова\n\nДорожная карта", "municipal", "fail"),
        ("УТВЕРЖДАЮ\nДиректор МБОУ СОШ № 5\n________ И.И. Иванова\n\nДорожная карта", None, "pass"),
        # an order of a higher level is as good as the school's own approval
        ("Утверждена приказом управления образования от 01.09.2023 № 301\n\nДорожная карта", "school", "pass"),
        ("Утверждена приказом управления образования от 01.09.2023 № 301\n\nДорожная карта", "regional", "fail"),
        ("Приложение к приказу министерства образования Энской области от 14.02.2023 № 215\n\nДорожная карта",
         "regional", "pass"),
        # a council protocol is a school's form
        ("Принята на педагогическом совете, протокол № 1 от 30.08.2023\n\nДорожная карта", "school", "pass"),
        ("Принята на педагогическом совете, протокол № 1 от 30.08.2023\n\nДорожная карта", "municipal", "fail"),
    ],
)
def test_level_expectations(text: str, level: str | None, expected: str) -> None:
    assert _outcomes(GENRE, text, level) == [(expected, "error")]


def test_unfilled_order_and_protocol() -> None:
    """«УТВЕРЖДЕНО приказ от «__» № __» with the director's signature: approved, its details unfilled (a warning)."""
    text = ("«РАССМОТРЕНО»\nпротокол заседания\nпедагогического совета\nот «____»_____.2024 г. № ___\n\n"
            "«УТВЕРЖДЕНО»\nприказ от «____»____.2024 г. № _____\nдиректора МБОУ СОШ № 8\n"
            "_____________ К.В. Лебедева\n\n"
            "ПРОГРАММА РАЗВИТИЯ\n\nТекст.")  # fmt: skip
    forms = {a.form for a in find_approvals(DocumentText(document_from_text(text)))}
    assert forms == {"order", "protocol"}
    assert _outcomes(GENRE, "Утверждена приказом директора\n\nДорожная карта", "school") == [("fail", "warning")]


def test_unfilled_date_passes_unless_required() -> None:
    """A stamp whose date is written in by hand on signing is how approved plans are published: approved,
    the pass says the date is blank; only a rule that requires the date fails it."""
    text = "УТВЕРЖДАЮ\nДиректор МБОУ СОШ № 5\n________ И.И. Иванова\n«__» ________ 20__ г.\n\nПрограмма"
    assert _outcomes(GENRE, text, "school") == [("pass", "error")]
    ctx = CheckContext(document=document_from_text(text), doc_type="roadmap", level="school")
    (finding,) = run_rules(ctx, [GENRE])
    assert "дата не вписана (««__» ________ 20__ г.»)" in finding.message
    strict = GENRE.model_copy(update={"require_date": True})
    assert _outcomes(strict, text, "school") == [("fail", "error")]
    with_order = text + "\n\nУтверждена приказом директора от 31.08.2023 № 120"
    assert _outcomes(GENRE, with_order, "school") == [("pass", "error")]


# ---------------------------------------------------------------------------------------------- kinds


def test_heading_with_numbering_and_extra_words() -> None:
    rule = SectionRule(id="S-1", kind="section", title="s", message="нет", names=["План действий"])
    doc = document_from_text("3.1. План действий по основным направлениям\n\nСеминар для учителей.")
    assert [f.outcome for f in run_rules(CheckContext(document=doc), [rule])] == ["pass"]
    goal = SectionRule(id="S-2", kind="section", title="s", message="нет", names=["Цель программы", "Цель"])
    dash = document_from_text("Паспорт\n\nЦель – повышение качества образования в школе.")
    assert [f.outcome for f in run_rules(CheckContext(document=dash), [goal])] == ["pass"]


def test_heading_only_in_contents_is_unverified() -> None:
    rule = SectionRule(id="S-1", kind="section", title="Раздел «Ожидаемые результаты»", message="нет",
                       names=["Ожидаемые результаты"])  # fmt: skip
    doc = document_from_text("Программа\n\nТекст программы.")
    doc.blocks[0].text = "4. Ожидаемые результаты ........ 7"
    doc.blocks[0].role = "contents"
    (finding,) = run_rules(CheckContext(document=doc), [rule])
    assert (finding.outcome, finding.severity) == ("unverified", "warning")
    assert finding.message.startswith("Не удалось проверить: раздел «Ожидаемые результаты» есть только в оглавлении")


def test_empty_sections_skip_contents_and_stamps_one_finding_per_run() -> None:
    rule = EmptySectionRule(id="E-1", kind="empty_section", title="e", message="пуст: {section}")
    text = ("ПРОЕКТ\n\nПРОГРАММА РАЗВИТИЯ\n\nТекст введения.\n\nСОДЕРЖАНИЕ\n\n1. Паспорт .......... 2\n\n"
            "2. Анализ .......... 3\n\n1. ПАСПОРТ\n\n2. АНАЛИЗ\n\n3. ПЛАН\n\nТекст плана.")  # fmt: skip
    failing = [f for f in run_rules(CheckContext(document=document_from_text(text)), [rule]) if f.outcome == "fail"]
    assert len(failing) <= 1  # the run «1. ПАСПОРТ / 2. АНАЛИЗ» is one place; contents and stamps are none
    assert all("...." not in f.message and "ПРОЕКТ" not in f.message for f in failing)


def test_ambiguous_period_is_a_question() -> None:
    rule = PeriodRule(id="P-1", kind="period", title="p", message="m", checks=["length"], years=3)
    doc = document_from_text("Программа на 2018–2021 годы\n\nСрок реализации программы: 2018–2021 годы")
    (finding,) = run_rules(CheckContext(document=doc, doc_type="program"), [rule])
    assert (finding.outcome, finding.severity) == ("fail", "warning")
    assert finding.message == (
        "Срок «2018–2021 годы» можно прочитать двояко: 4 года по календарю или 3 учебных года (2018/19, 2019/20, "
        "2020/21); требуется 3 учебных года. Уточните, какие учебные годы входят в программу."
    )
    wrong = document_from_text("Программа на 2018–2019 учебный год\n\nСрок реализации программы: 2018–2019 учебный год")
    assert [(f.outcome, f.severity) for f in run_rules(CheckContext(document=wrong), [rule])] == [("fail", "error")]


def _roadmap_rule(rule_id: str):
    from checker.engine.pack import load_pack

    (rule,) = [r for r in load_pack(ROOT / "rules" / "roadmap.yaml").rules if r.id == rule_id]
    return rule


def test_unseen_table_is_unverified() -> None:
    rule = _roadmap_rule("RM-TABLE-001")
    listed = document_from_text("Дорожная карта\n\n- семинар для учителей — сентябрь 2024, отв. Иванова И.И.;\n"
                                "- круглый стол — 15.10.2024, отв. Петров П.П.;\n"
                                "- мониторинг — декабрь 2024, отв. Сидорова А.А.\n")  # fmt: skip
    (finding,) = run_rules(CheckContext(document=listed, doc_type="roadmap"), [rule])
    assert (finding.outcome, finding.severity) == ("unverified", "warning")
    assert finding.message == (
        "Не удалось проверить таблицу мероприятий: план оформлен списком, а не таблицей. Проверьте вручную, "
        "что у каждого пункта есть срок и ответственный."
    )
    flattened = document_from_text("Дорожная карта\n\nСеминар для учителей сентябрь 2024 Иванова И.И.")
    flattened.metadata.suspected.append("flattened_table")
    (finding,) = run_rules(CheckContext(document=flattened, doc_type="roadmap"), [rule])
    assert finding.outcome == "unverified" and "строки и столбцы не восстановлены" in finding.message
    plain = document_from_text("Дорожная карта\n\nСеминар для учителей пройдёт в сентябре.")
    (finding,) = run_rules(CheckContext(document=plain, doc_type="roadmap"), [rule])
    assert (finding.outcome, finding.severity) == ("fail", "error")


def test_two_column_stamps_interleaved() -> None:
    """«СОГЛАСОВАНА | УТВЕРЖДЕНА» side by side, read as one run of interleaved lines: the director approves,
    the head of the education authority agrees; no stray signature."""
    text = ("Муниципальное бюджетное общеобразовательное учреждение\nсредняя общеобразовательная школа № 4\n"
            "СОГЛАСОВАНА\nУТВЕРЖДЕНА\nНачальник управления образования\nДиректор МБОУСОШ № 4\n"
            "администрации Энского района\n__________ Т.Л. Васнецова\n18 ноября 2024 года\n"
            "_______________ О.П. Гришина\nПРОГРАММА ПОВЫШЕНИЯ КАЧЕСТВА ОБРАЗОВАНИЯ МБОУСОШ № 4\n"
            "НА 2024-2027 ГОДЫ\n\nТекст программы.\n")  # fmt: skip
    approvals = find_approvals(DocumentText(document_from_text(text)))
    by_marker = {a.marker: a for a in approvals}
    assert set(by_marker) == {"approve", "agree"}
    assert "school" in by_marker["approve"].issuers
    assert "municipal" in by_marker["agree"].issuers


def test_period_title_and_passport() -> None:
    rule = PeriodRule(id="P-1", kind="period", title="p", message="m", checks=["agreement"])

    def outcome(text: str) -> tuple[str, str]:
        (finding,) = run_rules(CheckContext(document=document_from_text(text), doc_type="program"), [rule])
        return finding.outcome, finding.message

    # a passport flattened as label and value lines: the mismatch is found
    flattened = ("Программа повышения качества образования МБОУ СОШ № 3\nна 2024–2026 годы\n\nПаспорт программы\n\n"
                 "Наименование программы\nПрограмма повышения качества образования\nСрок реализации программы\n"
                 "2024–2027 годы\nЦель программы\nПовышение результатов обучающихся\n")  # fmt: skip
    assert outcome(flattened) == (
        "fail",
        "Сроки не совпадают: в названии 2024–2026 годы, в паспорте 2024–2027 годы; исправьте, чтобы они совпадали.",
    )
    # no passport at all: nothing disagrees with the title
    assert outcome("Программа повышения качества образования на 2024–2026 годы\n\nТекст программы.")[0] == "pass"
    # a passport without its period row
    no_row = "Программа на 2024–2026 годы\n\nПаспорт программы\n\nЦель программы: повышение качества.\n"
    assert outcome(no_row)[0] == "fail"


def test_truncated_text_makes_missing_things_unverified() -> None:
    """A text that stops short may have lost its table, its sections, its signature: a doubt, not a defect."""
    doc = document_from_text("Дорожная карта по повышению качества образования\n\nЦель: повысить результаты. "
                             "Мероприятия будут проведены в течение года, ответственные —")  # fmt: skip
    doc.metadata.suspected.append("truncated")
    rules = [_roadmap_rule("RM-TABLE-001"), _roadmap_rule("RM-APPROVAL-001"), _roadmap_rule("RM-GOAL-001")]
    findings = run_rules(CheckContext(document=doc, doc_type="roadmap"), rules)
    assert [(f.rule_id, f.outcome, f.severity) for f in findings] == [
        ("RM-TABLE-001", "unverified", "warning"),
        ("RM-APPROVAL-001", "unverified", "warning"),
        ("RM-GOAL-001", "unverified", "warning"),
    ]
    assert findings[1].message == (
        "Не удалось проверить требование «Дорожная карта утверждена»: текст документа обрывается, недостающее "
        "может быть в потерянной части. Проверьте вручную."
    )


# ------------------------------------------------------------------------ precision on the tune split


def _pack_rule(pack: str, rule_id: str):
    from checker.engine.pack import load_pack

    (rule,) = [r for r in load_pack(ROOT / "rules" / f"{pack}.yaml").rules if r.id == rule_id]
    return rule


def _run(rule, text: str, doc_type: str = "roadmap") -> list[tuple[str, str]]:
    ctx = CheckContext(document=document_from_text(text), doc_type=doc_type)
    return [(f.outcome, f.message) for f in run_rules(ctx, [rule])]


def test_list_items_timetable_and_appeal_are_not_empty_sections() -> None:
    """Numbered clauses of an order or a decision, the items after «Повестка дня:», the lines of a timetable
    and «Уважаемые коллеги!» are content, not sections: nothing before them is empty."""
    rule = EmptySectionRule(id="E-1", kind="empty_section", title="e", message="пуст: {section}")
    order = ("ПРИКАЗ\n\nО реализации проекта\n\nПРИКАЗЫВАЮ:\n\n1. Утвердить дорожную карту по повышению "
             "качества образования (приложение).\n\n2. Ответственным за организацию назначить Петрова П.П., "
             "методиста.\n\n3. Контроль исполнения приказа оставляю за собой.")  # fmt: skip
    agenda = ("ПРОТОКОЛ № 6\n\nзаседания педагогического совета\n\nПовестка дня:\n\n1. О результатах ВПР\n\n"
              "2. О принятии программы\n\nСЛУШАЛИ: Петрову Н.Р.\n\nРЕШИЛИ:\n\n1. Принять к сведению "
              "информацию о результатах ВПР.\n\n2. Принять программу перехода школы в эффективный режим.")  # fmt: skip
    books = ("Требования к дорожной карте\n\nТекст статьи.\n\nЛитература\n\n1. Методические рекомендации "
             "по работе со школами. — М., 2019.\n\n2. Управление качеством образования: пособие. — СПб., "
             "2021.")  # fmt: skip
    for text in (order, agenda, books):
        assert [o for o, _ in _run(rule, text)] == ["pass"], text
    # a real empty section is still found
    empty = "ПРОГРАММА\n\nВведение.\n\n1. Цель\n\nПовышение качества.\n\n2. Задачи\n\n3. Результаты\n\nРост."
    assert [o for o, _ in _run(rule, empty)] == ["fail"]
    from checker.document import Block, Location

    for line, content in [("10:00–10:30 Регистрация участников", True), ("Уважаемые коллеги!", True),
                          ("1.1. Заместитель директора назначается приказом директора.", True),
                          ("1. Общие положения", False), ("2. Цели и задачи.", False)]:  # fmt: skip
        assert is_content_line(Block(kind="heading", text=line, location=Location())) is content, line


def test_execution_mark_column_is_not_the_date_column() -> None:
    """A plan-schedule with «Срок» and «Отметка об исполнении»: the dates are in «Срок»; «выполнено», «в работе»
    or a blank mark are statuses, not unreadable or missing dates."""
    rule = _pack_rule("plan_schedule", "PS-TABLE-001")
    text = ("План-график мероприятий на 2024 год\n\n№\tМероприятие\tСрок\tОтветственный\tОтметка об исполнении\n"
            "1\tСеминар для учителей\tмарт 2024\tИванова И.И.\tвыполнено\n"
            "2\tКруглый стол\t15.10.2024\tПетров П.П.\tв работе\n"
            "3\tМониторинг\tдекабрь 2024\tСидорова А.А.\t\n")  # fmt: skip
    assert [o for o, _ in _run(rule, text, "plan_schedule")] == ["pass"]


def test_vague_deadline_only_when_most_rows_are_vague() -> None:
    """«в течение года» for a recurring measure among dated ones is how real plans are written; a plan whose
    rows mostly do not say when is the defect."""
    rule = _roadmap_rule("RM-TABLE-001")
    head = "Дорожная карта на 2024 год\n\n№\tМероприятие\tСроки\tОтветственные\n"
    one = head + ("1\tСеминар\tмарт 2024\tИванова И.И.\n2\tРодительские собрания\tв течение года\tПетров П.П.\n"
                  "3\tМониторинг\tдекабрь 2024\tСидорова А.А.\n")  # fmt: skip
    assert [o for o, _ in _run(rule, one)] == ["pass"]
    most = head + ("1\tСеминар\tпостоянно\tИванова И.И.\n2\tРодительские собрания\tв течение года\tПетров П.П.\n"
                   "3\tМониторинг\tдекабрь 2024\tСидорова А.А.\n")  # fmt: skip
    result = _run(rule, most)
    assert [o for o, _ in result] == ["fail", "fail"]
    assert result[0][1] == "Строка 2 («Семинар»): размытый срок «постоянно»; укажите конкретную дату или период."


def test_school_year_plan_takes_dates_of_both_calendar_years() -> None:
    """A plan for the 2019-2020 school year prepares in the summer before and follows up in the autumn after:
    dates in 2019 and 2020 are its own; a date in 2021 is outside."""
    rule = _roadmap_rule("RM-TABLE-001")
    head = "Дорожная карта на 2019-2020 учебный год\n\n№\tМероприятие\tСроки\tОтветственные\n"
    inside = head + ("1\tКурсы повышения квалификации\tиюнь 2019\tИванова И.И.\n"
                     "2\tАнализ результатов ВПР\tIV квартал 2020\tПетров П.П.\n")  # fmt: skip
    assert [o for o, _ in _run(rule, inside)] == ["pass"]
    outside = head + "1\tКурсы повышения квалификации\tмарт 2021\tИванова И.И.\n"
    assert _run(rule, outside) == [("fail", "Строка 2 («Курсы повышения квалификации»): срок «март 2021» выходит "
                                    "за период документа (01.09.2019 – 31.08.2020).")]  # fmt: skip


def test_header_flattened_one_name_per_line_is_unverified() -> None:
    """The column names one per line and no table rebuilt: the table is there but unseen, not missing."""
    rule = _roadmap_rule("RM-TABLE-001")
    text = ("Дорожная карта на 2024 год\n\nМероприятие\n\nСроки проведения\n\nОтветственные\n\n"
            "Семинар для учителей школ района по вопросам оценивания результатов обучения в течение первого "
            "полугодия с участием методистов.")  # fmt: skip
    ((outcome, message),) = _run(rule, text)
    assert outcome == "unverified"
    assert message.startswith("Не удалось проверить таблицу мероприятий: есть строка с названиями столбцов")


def test_measurable_indicators_and_results_in_real_layouts() -> None:
    """An indicator table read one cell per line with a «Целевое значение» column; a results section whose
    heading has other words and a number; an outcome reported as a change."""
    measurable = _pack_rule("development_program", "DP-MEASURABLE-001")
    table = ("Программа развития\n\nЦелевые показатели\n\nПоказатель\n\nЕд. изм.\n\n"
             "Исходное значение (2026)\n\nЦелевое значение (2027)\n\nДоля родителей на собраниях\n\n"
             "процентов\n\nтридцать\n\nшестьдесят")  # fmt: skip
    assert [o for o, _ in _run(measurable, table, "development_program")] == ["pass"]
    assert [o for o, _ in _run(measurable, "Программа развития\n\nПовысится качество.", "development_program")] \
        == ["fail"]
    results = _pack_rule("system_description", "SD-RESULTS-001")
    text = ("Описание муниципальной системы\n\n7. Анализ эффективности и результаты\n\nПо итогам 2024 года число "
            "школ с низкими результатами сократилось с 6 до 2.")  # fmt: skip
    assert [o for o, _ in _run(results, text, "system_description")] == ["pass"]
    assert [o for o, _ in _run(results, "Описание системы\n\nРабота продолжается.", "system_description")] == ["fail"]


def test_risk_named_in_the_title_below_an_approval_block() -> None:
    rule = _pack_rule("antirisk_program", "AR-RISK-001")
    text = ("УТВЕРЖДАЮ\nДиректор\nМОУ «Средняя школа № 11»\n_____________ Андреева Н.С.\n«05» февраля 2023 г.\n\n"
            "Программа антирисковых мер по рисковому профилю «Низкий уровень оснащения школы» на 2023 год\n\n"
            "Текст.")  # fmt: skip
    assert [o for o, _ in _run(rule, text, "antirisk_program")] == ["pass"]


def test_roadmap_preamble_is_optional_but_complete_when_begun() -> None:
    rule = _roadmap_rule("RM-GOAL-001")
    assert _run(rule, "Дорожная карта на 2024 год\n\nТекст без вводной части.") == [
        ("not_applicable", "Не применяется: в документе нет этой части («цель», «задачи»), а она необязательна.")
    ]
    assert _run(rule, "Дорожная карта\n\nЦель: повышение качества образования.\n\nТекст.") == [
        ("fail", "Вводная часть дорожной карты неполна: не сформулированы «задачи».")]
    both = "Дорожная карта\n\nЦель: повышение качества.\nЗадачи: выявить школы; оказать поддержку."
    assert [o for o, _ in _run(rule, both)] == ["pass"]


def test_passport_list_items_contents_lines_signatory_and_last_line_are_not_empty_sections() -> None:
    """Real layouts (issue 11): the numbered documents of a passport cell, a contents page with page ranges,
    a signatory's initials and surname and the closing line of a text are not empty sections."""
    rule = EmptySectionRule(id="E-1", kind="empty_section", title="e", message="пуст: {section}")
    passport = ("ПРОГРАММА РАЗВИТИЯ\n\nПаспорт программы.\n\nНормативная база\n\n"
                "1. Федеральный закон от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации»\n\n"
                "2. Федеральный проект «Современная школа»\n\n3. Результаты самообследования школы\n\n"
                "Цель программы\n\nПовышение качества образования.")  # fmt: skip
    contents = ("ПРОГРАММА\n\nВведение.\n\nСОДЕРЖАНИЕ\n\nРаздел I. Паспорт… 5-9\n\nРаздел II. Анализ… 10-14\n\n"
                "Раздел I. Паспорт\n\nТекст паспорта.")  # fmt: skip
    signed = "ПИСЬМО\n\nТекст письма о проекте.\n\nЗаместитель министра\n\nВ.А.МУРАЙ\n\nИсп. Петров"
    closing = "ПРОГРАММА\n\nВведение.\n\n1. Цель\n\nПовышение качества.\n\n2. Приложения"
    for text in (passport, contents, signed, closing):
        assert [o for o, _ in _run(rule, text)] == ["pass"], text
    # a real empty section between two sections is still found
    empty = "ПРОГРАММА\n\nВведение.\n\n1. Цель\n\nПовышение качества.\n\n2. Задачи\n\n3. Результаты\n\nРост."
    assert [o for o, _ in _run(rule, empty)] == ["fail"]


def test_development_programme_real_headings() -> None:
    """Issue 11: «Дорожная карта реализации программы» is the plan of measures, «Основные этапы реализации»
    the stages, «Критерии и показатели оценки реализации» the indicators; a «500+» methods heading is only
    information; a contents line with its page number on another line is a doubt, not a missing section."""
    text = ("ПРОГРАММА РАЗВИТИЯ\n\nВведение.\n\n5. Основные этапы реализации программы развития\n\n2024–2026 годы.\n\n"
            "7. Критерии и показатели оценки реализации\n\nДоля выпускников — 90 %.\n\n"
            "8. Дорожная карта реализации Программы развития\n\nСеминары для учителей.")  # fmt: skip
    for rule_id in ("DP-STAGES-001", "DP-INDICATORS-001", "DP-MEASURES-001"):
        assert [o for o, _ in _run(_pack_rule("development_program", rule_id), text, "development_program")] == [
            "pass"], rule_id
    methods = _pack_rule("development_program", "DP-METHODS-001")
    assert methods.severity == "info"
    toc = ("ПРОГРАММА РАЗВИТИЯ\n\nСодержание\n\n4\nОжидаемые результаты реализации программы развития школы на "
           "2024–2026 годы и их оценка\n6\nАнализ\n\nТекст.")  # fmt: skip
    doc = document_from_text(toc)
    for block in doc.blocks:
        if block.text.startswith("Ожидаемые"):
            block.kind = "paragraph"  # a contents line the layout did not style as a heading
    ctx = CheckContext(document=doc, doc_type="development_program")
    (finding,) = run_rules(ctx, [_pack_rule("development_program", "DP-RESULTS-001")])
    assert finding.outcome == "unverified"
    assert finding.message.startswith("Не удалось проверить")


def test_programme_title_goals_inside_a_heading_and_a_draft() -> None:
    """Issue 11: a title «Программа улучшения результатов … Перевод школы в эффективный режим работы», goals and
    tasks inside a heading with other words, and a draft («ПРОЕКТ») that is not asked for approval."""
    title = ("Программа улучшения результатов образовательной деятельности\n\nПеревод школы в эффективный режим "
             "работы на 2024-2026 годы\n\nТекст.")  # fmt: skip
    assert [o for o, _ in _run(_pack_rule("program", "PG-TITLE-001"), title, "program")] == ["pass"]
    goals = "ПРОГРАММА\n\nВведение.\n\n4.1. Направления, цели, задачи, этапы\n\nЦель: повысить качество."
    assert [o for o, _ in _run(_pack_rule("program", "PG-SEC-002"), goals, "program")] == ["pass"]
    draft = "ПРОЕКТ\n\nПрограмма повышения качества образования\n\nТекст программы."
    ctx = CheckContext(document=document_from_text(draft), doc_type="program", level="school")
    (finding,) = run_rules(ctx, [_pack_rule("program", "PG-APPROVE-001")])
    assert (finding.outcome, finding.message) == (
        "not_applicable", "Не применяется: проект документа: утверждение не требуется.")
    final = "Программа повышения качества образования\n\nТекст программы."
    ctx = CheckContext(document=document_from_text(final), doc_type="program", level="school")
    assert [f.outcome for f in run_rules(ctx, [_pack_rule("program", "PG-APPROVE-001")])] == ["fail"]


def test_development_programme_approved_by_its_director_whatever_level_is_guessed() -> None:
    """Issue 11: a school development programme with «УТВЕРЖДАЮ: Директор …» passes even when the level is
    guessed as municipal; a title page split in columns with «Утверждена приказом директора» passes."""
    rule = _pack_rule("development_program", "DP-APPROVAL-001")
    stamp = "УТВЕРЖДАЮ:\nДиректор МБОУ СОШ ст. Энской\nЛ.Н. Петрова\n\nПРОГРАММА РАЗВИТИЯ\n\nТекст."
    columns = ("Согласована\nНачальник управления образования\n\nОбсуждена\nПедагогическим советом\n\n"
               "Утверждена\nприказом директора\nот 31.08.2021 № 120\n\nПРОГРАММА РАЗВИТИЯ\n\nТекст.")  # fmt: skip
    for text in (stamp, columns):
        for level in ("school", "municipal", None):
            ctx = CheckContext(document=document_from_text(text), doc_type="development_program", level=level)
            assert [f.outcome for f in run_rules(ctx, [rule])] == ["pass"], (text, level)
    bare = "ПРОГРАММА РАЗВИТИЯ\n\nТекст программы."
    ctx = CheckContext(document=document_from_text(bare), doc_type="development_program", level="school")
    assert [(f.outcome, f.severity) for f in run_rules(ctx, [rule])] == [("fail", "warning")]
