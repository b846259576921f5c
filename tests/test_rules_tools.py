"""Tools for rule authors: `checker rules list|explain|validate|test|schema`, extends/overrides, the
published JSON Schema, the generated docs/rules.md and English variants of every built-in rule."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MY_PACKS = [
    "info_report", "system_description", "seminar_program", "letter", "registration_sheet",
    "concept_document", "development_program", "antirisk_program", "quality",
]  # fmt: skip


def cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "checker", "rules", *args],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=600,
    )  # fmt: skip


def _pack(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


GOOD_RULE = """  - id: T-001
    kind: phrases
    title: {ru: Тест, en: Test}
    all_of: [{regex: 'семинар'}]
    message: {ru: Нет слова, en: No word}
    examples:
      pass: ["Прошёл семинар."]
      fail: ["Прошло совещание."]
"""


def test_list_filters_by_type() -> None:
    result = cli("list", "--type", "letter")
    assert result.returncode == 0, result.stderr
    ids = [line.split("\t")[0] for line in result.stdout.splitlines()]
    assert "LT-NUMBER-001" in ids and "Q-REPEAT-001" in ids  # quality applies to every type
    assert "IR-TITLE-001" not in ids
    first = next(line for line in result.stdout.splitlines() if line.startswith("LT-NUMBER-001"))
    assert first.split("\t")[1:4] == ["letter", "жанр", "error"]


def test_explain_shows_config_and_examples() -> None:
    result = cli("explain", "CD-RISKS-002")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Что программа ищет в документе" in out and "Дефицит педагогических кадров" in out
    assert "Пример, который проходит" in out and "Пример, который не проходит" in out
    english = cli("explain", "LT-NUMBER-001", "--lang", "en")
    assert "Outgoing number" in english.stdout and "Failing example" in english.stdout
    assert cli("explain", "NO-SUCH-RULE").returncode == 2


def test_validate_ok_and_broken_pack(tmp_path: Path) -> None:
    assert cli("validate").returncode == 0
    broken = _pack(tmp_path, "broken.yaml", "pack: broken\ntitle: Т\nrules:\n" + GOOD_RULE.replace("all_of", "al_of"))
    result = cli("validate", str(broken))
    assert result.returncode == 2
    assert re.search(rf"{re.escape(str(broken))}:\d+:\d+: rules\[0\]", result.stderr), result.stderr
    syntax = _pack(tmp_path, "syntax.yaml", "pack: x\nrules: [\n")
    result = cli("validate", str(syntax))
    assert result.returncode == 2 and re.search(r"syntax\.yaml:\d+:\d+:", result.stderr)


def test_rules_test_passes_on_my_packs() -> None:
    result = cli("test", *[f"rules/{name}.yaml" for name in MY_PACKS])
    assert result.returncode == 0, result.stdout + result.stderr


def test_rules_test_reports_wrong_outcome_and_missing_fail(tmp_path: Path) -> None:
    wrong = GOOD_RULE.replace('fail: ["Прошло совещание."]', 'fail: ["Прошёл семинар."]')
    no_fail = GOOD_RULE.replace("T-001", "T-002").replace('      fail: ["Прошло совещание."]\n', "")
    pack = _pack(tmp_path, "p.yaml", "pack: p\ntitle: Т\nrules:\n" + wrong + no_fail)
    result = cli("test", str(pack))
    assert result.returncode == 1
    assert f"{pack}:11: T-001: example 1 expected fail, got pass" in result.stdout
    assert re.search(rf"{re.escape(str(pack))}:\d+: T-002: no failing example", result.stdout)


def test_extends_and_overrides(tmp_path: Path) -> None:
    base = _pack(tmp_path, "base.yaml", "pack: base\ntitle: Б\ndoc_types: [letter]\nrules:\n" + GOOD_RULE)
    child = _pack(
        tmp_path, "child.yaml",
        "pack: child\ntitle: Д\nextends: [base.yaml, letter]\noverrides: {T-001: warning, LT-SIGN-001: 'off'}\n",
    )  # fmt: skip
    result = cli("list", "--rules", str(child), "--rules", str(base))
    assert result.returncode == 0, result.stderr
    rows = {line.split("\t")[0]: line.split("\t") for line in result.stdout.splitlines()}
    assert rows["T-001"][1:4] == ["letter", "жанр", "warning"]  # base loaded once, through the child
    assert "LT-NUMBER-001" in rows and "LT-SIGN-001" not in rows
    bad = _pack(tmp_path, "bad.yaml", "pack: bad\ntitle: Д\nextends: [base.yaml]\noverrides:\n  NOPE-1: warning\n")
    result = cli("validate", str(bad))
    assert result.returncode == 2 and f"{bad}:5:3: overrides: нет правила NOPE-1" in result.stderr
    missing = _pack(tmp_path, "missing.yaml", "pack: missing\ntitle: Д\nextends: [nowhere]\n")
    assert f"{missing}:3:" in cli("validate", str(missing)).stderr


def test_examples_may_name_a_campaign(tmp_path: Path) -> None:
    rule = """  - id: T-DATE
    kind: date
    title: {ru: Дата, en: Date}
    window: model_seminar
    requires: [campaign]
    message: {ru: Вне срока, en: Out of window}
    examples:
      campaign: krasnodar-2018
      pass: ["18 сентября 2018 года"]
      fail: ["18 октября 2018 года"]
"""
    pack = _pack(tmp_path, "c.yaml", "pack: c\ntitle: К\nrules:\n" + rule)
    assert cli("test", str(pack)).returncode == 0


def test_schema_file_is_generated_from_models() -> None:
    from checker.cli.rules_cmd import pack_schema_text

    committed = (ROOT / "schemas" / "rule-pack.schema.json").read_text(encoding="utf-8")
    assert committed == pack_schema_text(), "run: python -m checker rules schema -o schemas/rule-pack.schema.json"


def test_shipped_packs_validate_against_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from ruamel.yaml import YAML

    schema = json.loads((ROOT / "schemas" / "rule-pack.schema.json").read_text(encoding="utf-8"))
    for name in MY_PACKS:
        data = YAML(typ="safe").load((ROOT / "rules" / f"{name}.yaml").read_text(encoding="utf-8"))
        jsonschema.validate(data, schema)


def test_docs_are_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, "tools/gen_rules_doc.py", "--check"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr


def test_every_builtin_rule_has_english() -> None:
    from checker.engine.pack import load_packs

    missing = [
        f"{Path(pack.source).name}: {rule.id}"
        for pack in load_packs()
        for rule in pack.rules
        if not rule.title.en or not rule.message.en
    ]
    assert missing == []
