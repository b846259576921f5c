"""Acts a document cites are not the document: their approval and their period are theirs.

A passport's «Документы, послужившие основанием» row lists federal acts with their approvals («Государственная
программа … на 2018-2025 годы (утверждена постановлением Правительства … от … № …)»). Read as the programme's
own approval and period, they made a text with neither pass both checks."""

from __future__ import annotations

from pathlib import Path

from conftest import run_json

from checker.language.approval_shapes import cited_act_spans
from checker.language.normalize import fold

BASIS = """Программа развития МБОУ «Озёрная СОШ»

1. Нормативно-правовая основа программы

 Конституция Российской Федерации;

 Федеральный закон «Об образовании в Российской
Федерации» от 29.12.2012 № 273-ФЗ;

 Государственная программа Российской Федерации «Развитие
образования» на 2018-2025 годы (утверждена постановлением
Правительства Российской Федерации от 26.12.2017 № 1642);

 Порядок организации и осуществления образовательной
деятельности по основным общеобразовательным
программам (утвержден приказом Министерства просвещения Российской
Федерации от 22.03.2021 № 115);

2. Цель программы

Создание условий для повышения качества образования и развития каждого ученика.
"""

OWN = """УТВЕРЖДЕНА
приказом директора МБОУ «Озёрная СОШ»
от 30.08.2024 № 187

""" + BASIS


def _approval(text: str, tmp_path: Path) -> dict:
    path = tmp_path / "programme.txt"
    path.write_text(text, encoding="utf-8")
    doc = run_json("check", str(path), "--show-passed")[1]["documents"][0]
    assert doc["doc_type"] == "development_program"
    return next(f for f in doc["findings"] if f["rule_id"] == "DP-APPROVAL-001")


def test_cited_act_spans_cover_an_act_with_its_approval_date_or_number() -> None:
    line = fold(
        "Государственная программа Российской Федерации «Развитие образования» на 2018-2025 годы "
        "(утверждена постановлением Правительства Российской Федерации от 26.12.2017 № 1642);"
    )
    assert cited_act_spans(line) == [(0, len(line) - 1)]
    assert cited_act_spans(fold("Федеральный закон «Об образовании в Российской Федерации» от 29.12.2012 № 273-ФЗ"))
    # an own title that names the project it belongs to cites nothing
    assert not cited_act_spans(
        fold("Программа развития МБОУ СОШ № 3 в рамках национального проекта «Образование» на 2021-2023 годы")
    )


def test_the_approvals_of_cited_acts_do_not_approve_the_programme(tmp_path: Path) -> None:
    finding = _approval(BASIS, tmp_path)
    assert finding["outcome"] == "fail"
    assert "Правительства" not in (finding["evidence"] or "")


def test_the_programmes_own_order_still_approves_it(tmp_path: Path) -> None:
    finding = _approval(OWN, tmp_path)
    assert finding["outcome"] == "pass"
    assert finding["evidence"].startswith("УТВЕРЖДЕНА")
