"""Roadmap, programme and plan-schedule checks: the CLI on every fixture (docx and pdf), the rule kinds
table / coverage / approval / period / deadline / distinct on small in-memory documents, the seeds."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker.campaign import load_campaign
from checker.document import Block, Cell, Document, Location, Metadata, Row, Table, number_blocks
from checker.engine.context import CheckContext
from checker.engine.examples import document_from_text
from checker.engine.kinds.approval import ApprovalRule
from checker.engine.kinds.coverage import CoverageRule
from checker.engine.kinds.deadline import DeadlineRule
from checker.engine.kinds.distinct import DistinctRule
from checker.engine.kinds.period import PeriodRule
from checker.engine.kinds.table import DEFAULT_COLUMNS, TableRule, column_score
from checker.engine.runner import run_rules
from checker.report import Finding

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
from conftest import SEEDS, needs_seeds  # noqa: E402  ($CHECKER_SEEDS or <repo>/../shared/seeds)

OWN = ("RM-", "PG-", "PS-")  # this file checks the rules of roadmap.yaml, program.yaml, plan_schedule.yaml

# fixture → (campaign, expected doc type, verdict, failing rule ids of our packs)
CASES: dict[str, tuple[str | None, str, str, set[str]]] = {
    "roadmap/roadmap_clean": ("krasnodar-2018", "roadmap", "compliant", set()),
    "roadmap/roadmap_empty_cells": ("krasnodar-2018", "roadmap", "noncompliant", {"RM-TABLE-001", "RM-TABLE-002"}),
    "roadmap/roadmap_vague_dates": ("krasnodar-2018", "roadmap", "compliant", {"RM-TABLE-001"}),
    # approved as an appendix to the authority's order (genre: approved), but not signed (the campaign's demand)
    "roadmap/roadmap_no_signature": ("krasnodar-2018", "roadmap", "noncompliant", {"RM-SIGN-001"}),
    "program/program_clean": ("krasnodar-2018", "program", "compliant", set()),
    "program/program_only_approve": ("krasnodar-2018", "program", "noncompliant", {"PG-AGREE-001"}),
    "program/program_several_schools": ("krasnodar-2018", "program", "noncompliant", {"PG-SCHOOL-001"}),
    "program/program_period": ("krasnodar-2018", "program", "noncompliant", {"PG-PERIOD-001", "PG-PERIOD-002"}),
    # the campaign requires the date in the stamp (PG-APPROVE-002); the genre takes a blank date as approved
    "program/program_blank_date": ("krasnodar-2018", "program", "noncompliant", {"PG-APPROVE-002"}),
    "program/program_no_mandatory": ("stavropol-2021", "program", "noncompliant", {"PG-MANDATORY-001"}),
}
# the same programmes under the other campaign: the mandatory sections are Stavropol's only
CASES["program/program_no_mandatory@krasnodar"] = ("krasnodar-2018", "program", "compliant", set())
CASES["program/program_clean@stavropol"] = ("stavropol-2021", "program", "compliant", set())
# without a campaign only the genre and programme layers run: the campaign's demands are not defects
CASES["roadmap/roadmap_clean@none"] = (None, "roadmap", "compliant", set())
CASES["roadmap/roadmap_empty_cells@none"] = (None, "roadmap", "noncompliant", {"RM-TABLE-001"})
CASES["roadmap/roadmap_no_signature@none"] = (None, "roadmap", "compliant", set())
CASES["program/program_only_approve@none"] = (None, "program", "compliant", set())
CASES["program/program_several_schools@none"] = (None, "program", "compliant", set())
CASES["program/program_period@none"] = (None, "program", "noncompliant", {"PG-PERIOD-001"})
CASES["program/program_blank_date@none"] = (None, "program", "compliant", set())
CASES["program/program_no_mandatory@none"] = (None, "program", "compliant", set())


CAMPAIGN_RULES = {"RM-TITLE-002", "RM-TABLE-002", "RM-DIR-001", "RM-TYPES-001", "RM-LEVEL-001", "RM-SCHOOLS-001",
                  "RM-SIGN-001", "RM-DEADLINE-001", "PG-SCHOOL-001", "PG-APPROVE-002", "PG-AGREE-001",
                  "PG-PERIOD-002", "PG-PERIOD-003", "PG-DEADLINE-001", "PG-MANDATORY-001"}  # fmt: skip


def run_cli(path: Path, campaign: str | None) -> dict:
    extra = ["--campaign", campaign] if campaign else []
    result = subprocess.run(
        [sys.executable, "-m", "checker", "check", str(path), "--format", "json", *extra, "--no-cache"],
        capture_output=True, text=True, cwd=ROOT, timeout=180,
    )  # fmt: skip
    assert result.returncode in (0, 1), result.stderr
    assert "failed on" not in result.stderr, result.stderr  # no rule crashed
    report = json.loads(result.stdout)
    assert len(report["documents"]) == 1
    return report["documents"][0]


def _own_failures(doc: dict) -> list[dict]:
    return [f for f in doc["findings"] if f["outcome"] == "fail" and f["rule_id"].startswith(OWN)]


@pytest.fixture(scope="module")
def reports() -> dict[tuple[str, str], dict]:
    return {}


@pytest.mark.parametrize("suffix", ["docx", "pdf"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_fixture_failing_rules(case: str, suffix: str, reports: dict) -> None:
    campaign, doc_type, verdict, failing = CASES[case]
    path = FIXTURES / f"{case.split('@')[0]}.{suffix}"
    doc = run_cli(path, campaign)
    reports[(case, suffix)] = doc
    assert doc["doc_type"] == doc_type
    assert {f["rule_id"] for f in _own_failures(doc)} == failing
    assert doc["verdict"] == verdict
    if campaign is None:  # no campaign: no campaign-layer rule fires, and none is even listed
        assert not [f for f in doc["findings"] if f["rule_id"] in CAMPAIGN_RULES and f["outcome"] != "not_applicable"]


@pytest.mark.parametrize("suffix", ["docx", "pdf"])
def test_roadmap_empty_cells_named(suffix: str) -> None:
    doc = run_cli(FIXTURES / f"roadmap/roadmap_empty_cells.{suffix}", "krasnodar-2018")
    failures = [f for f in _own_failures(doc) if f["rule_id"] in ("RM-TABLE-001", "RM-TABLE-002")]
    found = {(f["rule_id"], f["location"]["row"], f["location"]["column"]) for f in failures}
    # the participants column is the campaign's demand (RM-TABLE-002); the genre table checks the rest
    assert found == {("RM-TABLE-001", 5, 4), ("RM-TABLE-002", 10, 5), ("RM-TABLE-001", 15, 3)}
    messages = " ".join(f["message"] for f in failures)
    assert "Строка 5 (" in messages and "не заполнен столбец «Ответственные»" in messages
    assert "Строка 10 (" in messages and "«Участники»" in messages
    assert "Строка 15 (" in messages and "«Сроки»" in messages
    assert all(f["severity"] == "error" for f in failures)


@pytest.mark.parametrize("suffix", ["docx", "pdf"])
def test_roadmap_vague_dates_are_warnings(suffix: str) -> None:
    doc = run_cli(FIXTURES / f"roadmap/roadmap_vague_dates.{suffix}", "krasnodar-2018")
    failures = [f for f in _own_failures(doc) if f["rule_id"] == "RM-TABLE-001"]
    # «в течение года» (row 5) in a one-year roadmap whose other rows are dated names the whole period of an
    # ongoing measure: not vague. «постоянно» (row 17) says nothing about when.
    assert {f["location"]["row"] for f in failures} == {17}
    assert all(f["severity"] == "warning" and "размытый срок" in f["message"] for f in failures)
    assert any("«постоянно»" in f["message"] for f in failures)


def test_deadline_message_names_source() -> None:
    doc = run_cli(FIXTURES / "program/program_clean.docx", "krasnodar-2018")
    (finding,) = [f for f in doc["findings"] if f["rule_id"] == "PG-DEADLINE-001"]
    assert finding["outcome"] == "pass"
    assert "12.10.2018" in finding["message"] and "УТВЕРЖДАЮ" in finding["message"]


# ---------------------------------------------------------------------------------------------- unit tests


def _cell(text: str, row: int, col: int, span: int = 1) -> Cell:
    return Cell(text=text, location=Location(row=row, column=col), col_span=span)


def table_doc(rows: list[list[str] | str], before: list[str] | None = None) -> Document:
    """A document: some paragraphs, then a table; a str row is a section row merged across the width."""
    blocks = [Block(kind="paragraph", text=t, location=Location()) for t in (before or [])]
    width = max(len(r) for r in rows if isinstance(r, list))
    table = Table()
    for r, row in enumerate(rows, 1):
        cells = [_cell(row, r, 1, width)] if isinstance(row, str) else [_cell(t, r, c) for c, t in enumerate(row, 1)]
        table.rows.append(Row(cells=cells, location=Location(row=r)))
    text = "\n".join(" | ".join(row.texts) for row in table.rows)
    blocks.append(Block(kind="table", text=text, location=Location(), table=table))
    return Document(path="<memory>", blocks=number_blocks(blocks), metadata=Metadata(format="docx"))


def findings(rule, document: Document, campaign=None, doc_type: str = "roadmap", **kw) -> list[Finding]:
    return run_rules(CheckContext(document=document, doc_type=doc_type, campaign=campaign, **kw), [rule])


def failing(result: list[Finding]) -> list[Finding]:
    return [f for f in result if f.outcome == "fail"]


TABLE_RULE = TableRule(
    id="T-1", kind="table", title="t", message="Нет таблицы со столбцами {columns}",
    columns=[c.model_dump() for c in DEFAULT_COLUMNS],
)  # fmt: skip
HEADER = ["№", "Наименование мероприятия", "Сроки", "Ответственный исполнитель", "Участники"]
TITLE = ["Дорожная карта на 2018-2019 учебный год"]


def test_table_passes_and_skips_section_rows() -> None:
    doc = table_doc([HEADER, "1. Муниципальный уровень",
                     ["1", "Семинар", "20.09.2018", "Иванов И.И.", "директора"],
                     ["2", "Круглый стол", "октябрь – ноябрь 2018", "ТМС", "учителя"]], TITLE)  # fmt: skip
    result = findings(TABLE_RULE, doc)
    assert [f.outcome for f in result] == ["pass"]
    assert "проверено строк: 2" in result[0].message


def test_table_row_defects_each_named() -> None:
    doc = table_doc([HEADER,
                     ["1", "Семинар для директоров школ", "20.09.2018", "", "директора"],
                     ["2", "Вебинар", "31.09.2018", "ТМС", "учителя"],
                     ["3", "Конференция", "20.10.2018 - 15.09.2018", "ТМС", "учителя"],
                     ["4", "Выезд в школы", "по мере необходимости", "ТМС", "учителя"],
                     ["5", "Отчёт", "сентябрь 2020", "ТМС", "учителя"],
                     ["6", "Совещание", "когда-нибудь", "ТМС", "учителя"]], TITLE)  # fmt: skip
    result = failing(findings(TABLE_RULE, doc))
    by_row = {f.location.row: f for f in result}
    assert set(by_row) == {2, 3, 4, 5, 6, 7}
    assert "Строка 2 («Семинар для директоров школ»): не заполнен столбец «Ответственные»" in by_row[2].message
    assert by_row[2].location.column == 4
    assert "несуществующая дата" in by_row[3].message
    assert "начало позже конца" in by_row[4].message
    assert by_row[5].severity == "warning"
    assert "выходит за период" in by_row[6].message
    assert "не распознан срок" in by_row[7].message


def test_table_missing_column_and_no_table() -> None:
    doc = table_doc([["№", "Мероприятие", "Сроки", "Участники"], ["1", "Семинар", "20.09.2018", "учителя"]])
    result = failing(findings(TABLE_RULE, doc))
    assert [f.message for f in result] == [
        "В таблице мероприятий нет столбца «Ответственные»; добавьте его и заполните для каждой строки."
    ]
    none = failing(findings(TABLE_RULE, document_from_text("Дорожная карта\n\nСеминар в сентябре.")))
    assert len(none) == 1 and "«Ответственные»" in none[0].message


def test_table_continuation_is_one_table() -> None:
    first = table_doc([HEADER, ["1", "Семинар", "20.09.2018", "ТМС", "директора"]])
    second = table_doc([HEADER, ["2", "Вебинар", "", "ТМС", "учителя"]])
    doc = Document(path="<memory>", blocks=number_blocks(first.blocks + second.blocks),
                   metadata=Metadata(format="pdf"))  # fmt: skip
    result = failing(findings(TABLE_RULE, doc))
    assert len(result) == 1 and result[0].message.startswith("Строка 4 («Вебинар»)")


def test_column_score_handles_broken_words() -> None:
    responsible = DEFAULT_COLUMNS[2].phrasings()
    assert column_score("Ответстве нные", responsible) >= 80
    assert column_score("Участники мероприятия", DEFAULT_COLUMNS[3].phrasings()) > column_score(
        "Участники мероприятия", DEFAULT_COLUMNS[0].phrasings()
    )


def _coverage(**kw) -> CoverageRule:
    return CoverageRule(id="C-1", kind="coverage", title="c", message="Нет: {missing}", **kw)


def test_coverage_lists_missing() -> None:
    rule = _coverage(concepts=[{"name": "сетевое взаимодействие", "synonyms": [{"regex": "сетев"}]},
                               {"name": "круглые столы", "synonyms": ["круглый стол"]}])  # fmt: skip
    result = findings(rule, document_from_text("Сетевое взаимодействие школ."))
    assert result[0].outcome == "fail" and result[0].message == "Нет: «круглые столы»"
    assert findings(rule, document_from_text("Сетевое взаимодействие. Круглые столы."))[0].outcome == "pass"
    at_least = _coverage(at_least=1, concepts=rule.concepts)
    assert findings(at_least, document_from_text("Круглый стол."))[0].outcome == "pass"


def test_coverage_from_campaign_parameter() -> None:
    rule = _coverage(concepts_parameter="mandatory_sections", requires=["campaign"])
    doc = document_from_text("Тьюторское сопровождение педагогов.")
    assert findings(rule, doc)[0].outcome == "not_applicable"
    assert findings(rule, doc, load_campaign("krasnodar-2018"))[0].outcome == "not_applicable"
    result = findings(rule, doc, load_campaign("stavropol-2021"))
    assert result[0].outcome == "fail" and "модель управления профессиональным ростом" in result[0].message


APPROVE = ApprovalRule(
    id="A-1", kind="approval", title="a", message="Нет грифа", marker="approve", roles=["директор"],
    require_name=True, require_signature_line=True, require_date=True,
)  # fmt: skip


def test_approval_complete_and_missing_elements() -> None:
    good = "УТВЕРЖДАЮ\nДиректор МБОУ СОШ № 12\n________ А.А. Сидорова\n«12» октября 2018 г.\n\nПрограмма"
    assert [f.outcome for f in findings(APPROVE, document_from_text(good))] == ["pass"]
    bad = failing(findings(APPROVE, document_from_text("УТВЕРЖДАЮ\nЗавуч школы\n\nПрограмма перехода")))
    assert len(bad) == 1
    for element in ("должность", "фамилия с инициалами", "линия для подписи", "дата"):
        assert element in bad[0].message
    assert failing(findings(APPROVE, document_from_text("Программа перехода")))[0].message == "Нет грифа"


def test_approval_blank_date_has_own_message() -> None:
    text = "УТВЕРЖДАЮ\nДиректор МБОУ СОШ № 12\n________ Сидорова А.А.\n«__» ______ 20__ г."
    bad = failing(findings(APPROVE, document_from_text(text)))
    assert len(bad) == 1 and "не заполнена" in bad[0].message and "«__» ______ 20__ г." in bad[0].message


def test_approval_in_table_cell_and_closing_signature() -> None:
    doc = table_doc([["", "УТВЕРЖДАЮ\nДиректор МБОУ СОШ № 12\n________ А.А. Сидорова\n«12» октября 2018 г."]])
    assert [f.outcome for f in findings(APPROVE, doc)] == ["pass"]
    sign = ApprovalRule(id="A-2", kind="approval", title="s", message="нет", marker=["approve", "sign"],
                        roles=[r"(начальник|и\.\s?о\.\s+начальник)\w*\s+управлени\w+\s+образовани"],
                        require_signature_line=True)  # fmt: skip
    text = "План мероприятий\n\nИ.о. начальника управления образования ________ И.И. Иванов"
    assert [f.outcome for f in findings(sign, document_from_text(text))] == ["pass"]


def _period(**kw) -> PeriodRule:
    return PeriodRule(id="P-1", kind="period", title="p", message="m", **kw)


@pytest.mark.parametrize(
    ("title", "passport", "ok"),
    [
        ("на 2021-2024 гг.", "2021-2024 гг.", True),  # 2021/22, 2022/23, 2023/24 = 3 school years
        ("на 2021-2023 годы", "2021-2023 годы", True),  # calendar years 2021, 2022, 2023 = 3
        ("на 2021-2024 учебные годы", "2021-2024 учебные годы", True),
        ("на 2021-2022 учебный год", "2021-2022 учебный год", False),
        ("на 2021-2026 гг.", "2021-2026 гг.", False),
    ],
)
def test_period_length(title: str, passport: str, ok: bool) -> None:
    doc = document_from_text(f"Программа перехода {title}\n\nСрок реализации программы: {passport}")
    result = findings(_period(years=3), doc, doc_type="program")
    assert [f.outcome for f in result] == ["pass", "pass" if ok else "fail"]


def test_period_mismatch_and_parameter() -> None:
    doc = document_from_text("Программа перехода на 2018-2021 гг.\n\nСрок реализации программы: 2018-2020 гг.")
    result = findings(_period(checks=["agreement"]), doc, doc_type="program")
    assert result[0].outcome == "fail" and "2018-2021" in result[0].message and "2018-2020" in result[0].message
    by_param = _period(checks=["length"], years_parameter="program_years")
    assert findings(by_param, doc, doc_type="program")[0].outcome == "not_applicable"
    assert findings(by_param, doc, load_campaign("krasnodar-2018"), doc_type="program")[0].outcome == "pass"


DEADLINE = DeadlineRule(id="D-1", kind="deadline", title="d", requires=["campaign"],
                        message="дата документа {date} ({source}) позже срока сдачи {deadline}")  # fmt: skip


def test_deadline_sources() -> None:
    krasnodar = load_campaign("krasnodar-2018")
    late = document_from_text("УТВЕРЖДАЮ\nНачальник управления образования\n________ И.И. Иванов\n«25» октября 2018 г.")
    result = findings(DEADLINE, late, krasnodar)
    assert result[0].message == "дата документа 25.10.2018 (из грифа «УТВЕРЖДАЮ») позже срока сдачи 19.10.2018"
    on_time = findings(DEADLINE, late, krasnodar, submitted=dt.date(2018, 10, 18))
    assert on_time[0].outcome == "pass"
    from_title = document_from_text("Приложение к приказу от 22.10.2018 № 5\n\nДорожная карта")
    from_order = findings(DEADLINE, from_title, krasnodar)[0].message
    assert "из ссылки на приказ об утверждении («приложение к приказу»)" in from_order
    dated_title = document_from_text("Дорожная карта от 22.10.2018\n\nМероприятия")
    assert "из строки «от …»" in findings(DEADLINE, dated_title, krasnodar)[0].message
    assert findings(DEADLINE, late, load_campaign("stavropol-2021"))[0].outcome == "not_applicable"
    assert findings(DEADLINE, late)[0].outcome == "not_applicable"


def test_deadline_from_metadata() -> None:
    doc = document_from_text("Дорожная карта")
    doc.metadata.modified = dt.datetime(2018, 11, 1, 10, 0)
    result = findings(DEADLINE, doc, load_campaign("krasnodar-2018"))
    assert result[0].outcome == "fail" and "дата изменения" in result[0].message


def test_distinct_schools() -> None:
    rule = DistinctRule(id="S-1", kind="distinct", title="s", message="{count}: {found}", min=1, max=1,
                        patterns=[r"(?:сош|школ\w*)\s*№\s*(?P<key>\d+)"])  # fmt: skip
    one = "Директор МБОУ СОШ № 12\n\nПрограмма перехода средней общеобразовательной школы № 12"
    assert findings(rule, document_from_text(one), doc_type="program")[0].outcome == "pass"
    two = findings(rule, document_from_text("Программа МБОУ СОШ № 12 и МБОУ СОШ № 17"), doc_type="program")
    assert two[0].outcome == "fail" and two[0].message.startswith("2:")
    assert findings(rule, document_from_text("Программа школ района"), doc_type="program")[0].outcome == "fail"


# ---------------------------------------------------------------------------------------------- seeds


@needs_seeds
@pytest.mark.parametrize("prefix", ["001", "002", "003"])
def test_seeds_run_without_error(prefix: str) -> None:
    from checker.engine.pack import load_packs, rules_for
    from checker.parsers import parse_file

    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    document = parse_file(path, None)
    packs = load_packs([ROOT / "rules" / n for n in ("roadmap.yaml", "program.yaml", "plan_schedule.yaml")])
    for doc_type in ("roadmap", "program", "plan_schedule"):
        rules = [r for _, r in rules_for(packs, doc_type)]
        result = findings_all(rules, document, doc_type)
        assert result and not any("Внутренняя ошибка" in f.message for f in result)


def findings_all(rules, document: Document, doc_type: str) -> list[Finding]:
    ctx = CheckContext(document=document, doc_type=doc_type, campaign=load_campaign("krasnodar-2018"))
    return run_rules(ctx, rules)


@needs_seeds
def test_seed_001_plan_schedule_table_passes() -> None:
    from checker.engine.pack import load_pack
    from checker.parsers import parse_file

    (path,) = SEEDS.glob("001_*.txt")
    rule = load_pack(ROOT / "rules" / "plan_schedule.yaml").rules[0]
    result = findings(rule, parse_file(path, None), load_campaign("krasnodar-2018"), doc_type="plan_schedule")
    assert [f.outcome for f in result] == ["pass"], [f.message for f in result]
    assert "проверено строк: 13" in result[0].message  # the plan in three pieces, not the later 3-row table


def test_inspect_shows_recognised_columns() -> None:
    from checker.inspection import table_columns

    doc = table_doc([HEADER, ["1", "Семинар", "20.09.2018", "ТМС", "директора"]])
    columns = table_columns(doc.tables[0])
    assert set(columns) == {"activity", "date", "responsible", "participants"}
    assert "столбец 4" in columns["responsible"]
