"""Requirement layers, applicability by sub-kind and level, and the `not_checked` verdict, through the
CLI as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from checker.engine.pack import load_packs, not_applying

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
PRESS = ROOT / "fixtures" / "press_release"


def check(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "checker", "check", "--no-cache", *args],
        capture_output=True, text=True, cwd=cwd, env=env, timeout=600,
    )  # fmt: skip


def report(*args: str) -> tuple[int, dict]:
    result = check(*args, "--format", "json")
    data = json.loads(result.stdout)
    jsonschema.validate(data, SCHEMA)
    return result.returncode, data


SHOPPING = "Список покупок\n" + "\n".join(f"{i}. Купить к выходным хлеб, молоко, сыр и яблоки" for i in range(1, 9))


def test_unknown_type_is_not_checked_and_exits_4(tmp_path: Path) -> None:
    path = tmp_path / "список.txt"
    path.write_text(SHOPPING, encoding="utf-8")
    code, data = report(str(path))
    assert code == 4
    doc = data["documents"][0]
    assert (doc["verdict"], doc["reason_code"]) == ("not_checked", "type_unknown")
    assert doc["reason"].startswith("тип документа не определён")
    assert data["summary"]["compliant"] == 0 and data["summary"]["not_checked"] == 1
    text = check(str(path))
    assert text.returncode == 4
    assert "НЕ ПРОВЕРЕН" in text.stdout and "СООТВЕТСТВУЕТ" not in text.stdout.replace("НЕ СООТВЕТСТВУЕТ", "")


def test_not_checked_is_not_a_failure_with_fail_on_never(tmp_path: Path) -> None:
    path = tmp_path / "список.txt"
    path.write_text(SHOPPING, encoding="utf-8")
    assert check(str(path), "--fail-on", "never").returncode == 0


def test_explicit_type_checks_the_document(tmp_path: Path) -> None:
    path = tmp_path / "список.txt"
    path.write_text(SHOPPING, encoding="utf-8")
    code, data = report(str(path), "--type", "press_release")
    assert data["documents"][0]["verdict"] == "noncompliant" and code == 1


def test_almost_empty_file_is_not_checked_even_with_a_type(tmp_path: Path) -> None:
    path = tmp_path / "пусто.txt"
    path.write_text("Дорожная карта\n", encoding="utf-8")
    code, data = report(str(path), "--type", "roadmap")
    doc = data["documents"][0]
    assert (doc["verdict"], doc["reason_code"], code) == ("not_checked", "no_text", 4)
    assert doc["findings"] == []


def _campaign_rule_ids() -> set[str]:
    return {rule.id for pack in load_packs() if pack.campaign for rule in pack.rules}


def test_every_shipped_rule_names_its_layer_and_source() -> None:
    for pack in load_packs():
        for rule in pack.rules:
            assert rule.source, f"{rule.id}: no source"
            assert (rule.layer == "campaign") == (pack.campaign is not None), rule.id


@pytest.mark.parametrize("name", ["clean.txt", "no_venue.txt", "category_missing.txt"])
def test_without_a_campaign_no_campaign_rule_runs(name: str) -> None:
    _, data = report(str(PRESS / name))
    ids = {f["rule_id"] for f in data["documents"][0]["findings"]}
    assert not ids & _campaign_rule_ids()
    assert not any("кампани" in f["message"] for f in data["documents"][0]["findings"])


def test_with_a_campaign_its_rules_run() -> None:
    campaign_ids = _campaign_rule_ids()
    if not campaign_ids:
        pytest.skip("no campaign packs shipped")
    _, data = report(str(PRESS / "clean.txt"), "--campaign", "krasnodar-2018")
    ids = {f["rule_id"] for f in data["documents"][0]["findings"]}
    assert ids & campaign_ids
    assert data["campaign"] == "krasnodar-2018"


LEVEL_PACK = """pack: levels
title: Уровни
doc_types: [roadmap]
rules:
  - id: T-REGION-001
    kind: phrases
    title: {ru: Приказ министерства, en: Ministry order}
    levels: [regional]
    source: тест
    all_of: [{regex: 'министерств'}]
    message: {ru: Нет приказа министерства, en: No ministry order}
  - id: T-ANY-001
    kind: phrases
    title: {ru: Слово «мероприятие», en: The word}
    source: тест
    all_of: [{lemma: мероприятие}]
    message: {ru: Нет слова, en: No word}
"""


def test_a_rule_for_another_level_does_not_apply(tmp_path: Path) -> None:
    pack = tmp_path / "levels.yaml"
    pack.write_text(LEVEL_PACK, encoding="utf-8")
    doc = tmp_path / "карта.txt"
    doc.write_text(
        "УТВЕРЖДАЮ\nДиректор МБОУ СОШ № 5\n________ И.И. Иванова\n\n"
        "Дорожная карта МБОУ СОШ № 5 по повышению качества образования на 2024-2025 учебный год\n"
        + "\n".join(f"{i}. Провести мероприятие по плану школы, сентябрь 2024, ответственный завуч" for i in range(8)),
        encoding="utf-8",
    )
    _, data = report(str(doc), "--rules", str(pack), "--type", "roadmap")
    found = {f["rule_id"]: f for f in data["documents"][0]["findings"]}
    assert found["T-ANY-001"]["outcome"] == "pass"
    assert found["T-REGION-001"]["outcome"] == "not_applicable"
    assert found["T-REGION-001"]["message"].startswith("Не применяется")
    assert "региональный" in found["T-REGION-001"]["message"]


def test_applicability_is_decided_in_one_place() -> None:
    from checker.engine.kinds.phrases import PhrasesRule

    rule = PhrasesRule.model_validate(
        {"id": "T-1", "kind": "phrases", "title": "т", "message": "м", "all_of": ["семинар"],
         "subkinds": ["press_release", "news"], "levels": []}
    )  # fmt: skip
    assert not_applying(rule, "news", None) is None
    reason = not_applying(rule, "announcement", None)
    assert reason is not None and "анонс" in reason.ru and "announcement" in (reason.en or "")
    assert "не определён" in not_applying(rule, None, None).ru


def test_campaign_layer_rule_outside_a_campaign_pack_is_refused(tmp_path: Path) -> None:
    pack = tmp_path / "bad.yaml"
    marker = "    source: тест\n    all_of: [{lemma"
    pack.write_text(LEVEL_PACK.replace(marker, "    layer: campaign\n" + marker, 1), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "checker", "rules", "validate", str(pack)],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=600,
    )  # fmt: skip
    assert result.returncode == 2
    assert "слоя campaign" in result.stderr and "T-ANY-001" in result.stderr


def test_inspect_shows_level_candidates_and_approval(tmp_path: Path) -> None:
    order = tmp_path / "приказ.txt"
    order.write_text(
        "ПРИКАЗ\nот 12.03.2021 № 417\nОб утверждении дорожной карты по повышению качества образования\n\n"
        "В целях реализации проекта «500+» по поддержке школ с низкими образовательными результатами\n"
        "ПРИКАЗЫВАЮ:\n1. Утвердить дорожную карту по повышению качества образования в МБОУ СОШ № 5.\n"
        "2. Контроль за исполнением приказа возложить на заместителя директора.\n"
        "Директор школы ________ И.И. Иванова\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "checker", "inspect", str(order)],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "тип: unknown" in result.stdout
    assert "почему не определён: похоже на приказ об утверждении дорожной карты" in result.stdout
    assert "кандидаты: roadmap" in result.stdout
    assert "утверждение: signature" in result.stdout
    code, data = report(str(order))
    doc = data["documents"][0]
    assert (code, doc["verdict"]) == (4, "not_checked")
    assert "Похоже на приказ об утверждении дорожной карты" in doc["reason"]
    assert doc["doc_type_candidates"][0]["doc_type"] == "roadmap"
