"""«Соответствует» only when enough of the type's own requirements were really checked.

A text cut off after its title page passes the approval and the period and leaves every section
«не удалось проверить»: that is not a compliant document but one nobody could check."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, run_checker, run_json

from checker.pipeline import _incomplete_reason
from checker.report import Finding, FindingLocation

OWN = {"RM-A", "RM-B", "RM-C", "RM-D"}


def _finding(rule_id: str, outcome: str, title: str = "Требование", ignored: str | None = None) -> Finding:
    return Finding(
        rule_id=rule_id,
        title=title,
        severity="warning",
        outcome=outcome,  # type: ignore[arg-type]
        message="…",
        location=FindingLocation(),
        ignored=ignored,
    )


TRUNCATED = FIXTURES / "layout" / "truncated.txt"


def _check(path: Path, *args: str) -> tuple[int, dict]:
    code, report = run_json("check", str(path), *args)
    return code, report["documents"][0]


def test_half_of_the_requirements_unverified_is_not_compliant() -> None:
    findings = [
        _finding("RM-A", "pass"),
        _finding("RM-B", "unverified", "Таблица мероприятий"),
        _finding("RM-C", "unverified", "Ответственные"),
        _finding("RM-D", "fail"),
    ]
    reason = _incomplete_reason(findings, OWN, ["truncated"], "ru")
    assert reason == (
        "2 из 4 требований к документу этого типа не удалось проверить "
        "(текст документа обрывается), поэтому «соответствует» сказать нельзя — проверьте вручную: "
        "«Таблица мероприятий», «Ответственные»."
    )
    en = _incomplete_reason(findings, OWN, [], "en")
    assert en is not None and en.startswith("2 of 4 requirements") and "breaks off" not in en


def test_the_count_agrees_with_its_numeral() -> None:
    assert _incomplete_reason([_finding("RM-A", "unverified", "Таблица")], OWN, [], "ru").startswith(
        "1 из 1 требования к документу"
    )
    assert _incomplete_reason([_finding("RM-A", "unverified")], OWN, [], "en").startswith("1 of 1 requirement of")


def test_enough_checked_stays_compliant() -> None:
    findings = [
        _finding("RM-A", "pass"),
        _finding("RM-B", "pass"),
        _finding("RM-C", "unverified"),
        _finding("RM-D", "not_applicable"),
    ]
    assert _incomplete_reason(findings, OWN, ["truncated"], "ru") is None


def test_quality_remarks_and_accepted_findings_do_not_count() -> None:
    findings = [
        _finding("RM-A", "pass"),
        _finding("RM-B", "unverified", ignored="принято: таблица в приложении"),
        _finding("Q-EMPTY-001", "unverified"),  # not one of the type's own requirements
        _finding("Q-REPEAT-001", "unverified"),
    ]
    assert _incomplete_reason(findings, OWN, [], "ru") is None


def test_a_rule_that_failed_somewhere_counts_as_failed_not_unverified() -> None:
    findings = [_finding("RM-A", "pass"), _finding("RM-B", "unverified"), _finding("RM-B", "fail")]
    assert _incomplete_reason(findings, OWN, [], "ru") is None


def test_cut_off_roadmap_is_not_checked_with_the_reason_and_exit_code_4() -> None:
    code, doc = _check(TRUNCATED)
    assert code == 4
    assert doc["doc_type"] == "roadmap"
    assert doc["verdict"] == "not_checked"
    assert doc["reason_code"] == "incomplete"
    assert doc["reason"].startswith("2 из 3 требований")
    assert "(текст документа обрывается)" in doc["reason"]
    # the findings stay: they say what to check by hand
    assert [f["outcome"] for f in doc["findings"] if f["rule_id"].startswith("RM-")].count("unverified") == 2


def test_whole_clean_roadmap_stays_compliant_in_every_format() -> None:
    for name in ("roadmap_clean.docx", "roadmap_clean.pdf"):
        code, doc = _check(FIXTURES / "roadmap" / name)
        assert (code, doc["verdict"], doc["reason_code"]) == (0, "compliant", None), name


PLAN_HEAD = """УТВЕРЖДАЮ
Директор МБОУ СОШ № 9
__________ О.П. Смирнова
01.09.2025

ПЛАН-ГРАФИК
мероприятий по повышению качества образования в МБОУ СОШ № 9 на 2025/2026 учебный год

| № | Наименование мероприятия | Сроки | Ответственные |
"""
PLAN_ROWS = """| 1 | Педагогический совет по итогам ВПР | 15.10.2025 | заместитель директора Иванова Т.С. |
| 2 | Открытые уроки учителей математики | 10.11.2025 | руководитель МО Петров А.А. |
"""


def test_a_table_header_with_no_rows_read_is_unverified_not_a_pass(tmp_path: Path) -> None:
    empty = tmp_path / "plan_header_only.txt"
    empty.write_text(PLAN_HEAD, encoding="utf-8")
    full = tmp_path / "plan_with_rows.txt"
    full.write_text(PLAN_HEAD + PLAN_ROWS, encoding="utf-8")
    _, doc = _check(empty)
    table = [f for f in doc["findings"] if f["rule_id"] == "PS-TABLE-001"]
    assert [f["outcome"] for f in table] == ["unverified"]
    assert table[0]["message"].startswith("Не удалось проверить строки таблицы мероприятий: её заголовок найден")
    _, doc = _check(full, "--show-passed")
    table = [f for f in doc["findings"] if f["rule_id"] == "PS-TABLE-001"]
    assert [f["outcome"] for f in table] == ["pass"]
    assert doc["verdict"] == "compliant"


CONTENTS_ONLY = """Программа развития МБОУ «Лесная СОШ» на 2025–2029 годы

СОДЕРЖАНИЕ

1. Паспорт программы развития 3
2. Информационная справка о школе 6
3. Анализ состояния и результатов работы школы 9
3.1. Качество образования 10
3.2. Кадровые условия 14
4. Концепция развития школы 18
5. Направления развития и проекты 21
6. Механизмы реализации программы 27
"""


def test_a_text_that_is_only_a_contents_page_checks_no_section(tmp_path: Path) -> None:
    path = tmp_path / "contents_only.txt"
    path.write_text(CONTENTS_ONLY, encoding="utf-8")
    code, doc = _check(path)
    assert doc["doc_type"] == "development_program"
    goals = next(f for f in doc["findings"] if f["rule_id"] == "DP-GOALS-001")
    assert goals["outcome"] == "unverified"
    assert goals["message"] == (
        "Не удалось проверить требование «Цели и задачи развития»: в тексте только оглавление, без самих "
        "разделов, а недостающее может быть в них. Проверьте вручную."
    )
    assert (code, doc["verdict"], doc["reason_code"]) == (4, "not_checked", "incomplete")
    assert "(в тексте только оглавление)" in doc["reason"]


def test_the_text_report_says_not_fully_checked_and_hedges_the_fix() -> None:
    lines = run_checker("check", str(TRUNCATED), "--no-cache").stdout.splitlines()
    assert lines[1].endswith("— ПРОВЕРЕН НЕ ПОЛНОСТЬЮ")
    assert lines[2].startswith("  ПРОВЕРЕН НЕ ПОЛНОСТЬЮ: 2 из 3 требований к документу этого типа не удалось проверить")
    fixes = [ln.strip() for ln in lines if ln.strip().startswith("как исправить:")]
    assert fixes and all(fix.startswith("как исправить: Если в документе этого действительно нет: ") for fix in fixes)


def test_the_web_page_and_the_html_report_say_not_fully_checked(tmp_path: Path) -> None:
    from starlette.testclient import TestClient

    from checker.web.app import create_app

    data = TRUNCATED.read_bytes()
    with TestClient(create_app()) as client:
        page = client.post("/check", files=[("files", ("карта.txt", data))]).text
    assert "Проверен не полностью" in page
    assert "Документ проверен не полностью: большую часть требований к нему проверить не удалось" in page
    assert "программа не поняла" not in page
    out = tmp_path / "report.html"
    run_checker("check", str(TRUNCATED), "--no-cache", "--format", "html", "--output", str(out))
    assert "Проверен не полностью" in out.read_text(encoding="utf-8")
