"""Narrow patterns a reviewer found on fresh real documents (second review), each on a small document the
project writes itself in the same shape: the rule's exact findings before and after the shape it missed."""

from __future__ import annotations

from pathlib import Path

from checker.engine.context import CheckContext
from checker.engine.examples import document_from_text
from checker.engine.pack import load_pack
from checker.engine.runner import run_rules

ROOT = Path(__file__).resolve().parents[1]


def _rule(pack: str, rule_id: str):
    (rule,) = [r for r in load_pack(ROOT / "rules" / f"{pack}.yaml").rules if r.id == rule_id]
    return rule


def _findings(pack: str, rule_id: str, doc_type: str, text: str, level: str | None = None) -> list[tuple[str, str]]:
    ctx = CheckContext(document=document_from_text(text), doc_type=doc_type, level=level)
    return [(f.rule_id, f.outcome) for f in run_rules(ctx, [_rule(pack, rule_id)])]


# --- RM-APPROVAL-001: an annex to a ministry's order numbered with a Latin «N» (legal-database copies) ---

_ROADMAP_BODY = (
    "Дорожная карта\nподготовки к итоговой аттестации в Энской области в 2025 году\n"
    "1. Анализ результатов прошлого года — июль 2024 — отдел оценки качества\n"
)


def test_annex_with_latin_number_sign_is_an_approval() -> None:
    annex = "Приложение N 4\nк приказу министерства образования\nЭнской области\nот 20 октября 2024 г. N 1207\n"
    assert _findings("roadmap", "RM-APPROVAL-001", "roadmap", annex + _ROADMAP_BODY, "regional") == [
        ("RM-APPROVAL-001", "pass")
    ]
    one_line = "Приложение No 4 к приказу министерства образования Энской области от 20.10.2024 No 1207\n"
    assert _findings("roadmap", "RM-APPROVAL-001", "roadmap", one_line + _ROADMAP_BODY, "regional") == [
        ("RM-APPROVAL-001", "pass")
    ]
    # without the annex line nothing shows the approval
    assert _findings("roadmap", "RM-APPROVAL-001", "roadmap", _ROADMAP_BODY, "regional") == [
        ("RM-APPROVAL-001", "fail")
    ]
