"""A stamp whose text came out in pieces is a doubt, not a defect.

A PDF with letter-spaced stamps side by side flattens to lines like «Д и р е к т о р / п .Б е р е з / А Ю»: the
layout pass cannot always join them, so the position or the name may be among the pieces. «В блоке
«УТВЕРЖДАЮ» не хватает фамилии» would then be a false error; the checker says it could not check the block."""

from __future__ import annotations

from pathlib import Path

from conftest import run_json

BODY = """
1. Пояснительная записка

Программа развития определяет цели и задачи школы на 2021-2025 годы.
"""
GARBLED = """Программа развития школы 2021 - 2025

У Т В Е Р Ж Д
Д и р е к т о р
п .Б е р е з

С О Г Л А С О В А Н О

А Ю
М Б О У С О Ш
о в к а
К о з л о в а
» №
20 2 1 г
""" + BODY
CLEAN_BUT_NAMELESS = """Программа развития школы 2021 - 2025

УТВЕРЖДАЮ
Директор МБОУ СОШ п. Березовка
«30» августа 2021 г.
""" + BODY


def _approval(text: str, tmp_path: Path) -> dict:
    path = tmp_path / "stamp.txt"
    path.write_text(text, encoding="utf-8")
    doc = run_json("check", str(path))[1]["documents"][0]
    assert doc["doc_type"] == "development_program"
    return next(f for f in doc["findings"] if f["rule_id"] == "DP-APPROVAL-001")


def test_a_stamp_read_in_pieces_is_unverified(tmp_path: Path) -> None:
    finding = _approval(GARBLED, tmp_path)
    assert finding["outcome"] == "unverified"
    assert finding["message"] == (
        "Не удалось проверить блок «УТВЕРЖДАЮ»: его текст прочитан с разрывами (буквы вразрядку, колонки "
        "вперемешку), и в нём не видно: утверждение от имени школы (директор, приказ по школе или педагогический "
        "совет); фамилия с инициалами (И.И. Иванов). Проверьте вручную."
    )


def test_a_readable_stamp_without_a_name_still_fails(tmp_path: Path) -> None:
    finding = _approval(CLEAN_BUT_NAMELESS, tmp_path)
    assert finding["outcome"] == "fail"
    assert finding["message"] == "В блоке «УТВЕРЖДАЮ» не хватает: фамилия с инициалами (И.И. Иванов)."
