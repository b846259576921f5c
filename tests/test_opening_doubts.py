"""A text cut at the end hides only its end: what stands at the top (a letter's addressee) is not a doubt once
the letter's running text has begun, but it is while the text stops inside the letterhead."""

from __future__ import annotations

from pathlib import Path

from conftest import run_json

HEAD = """МИНИСТЕРСТВО ОБРАЗОВАНИЯ ЭНСКОЙ ОБЛАСТИ

ул. Ленина, д. 5, г. Энск, 100100

14.03.2025 № 07-118

О проведении областного семинара
"""
BODY = """
Министерство образования Энской области сообщает, что 25 марта 2025 года на базе Института развития образования
пройдёт областной семинар для заместителей директоров школ с низкими образовательными результатами. Просим
обеспечить участие представителей школ и направить заявки до 20 марта 2025 года по адресу электронной почты инст
"""


def _addressee(text: str, tmp_path: Path) -> dict:
    path = tmp_path / "letter.txt"
    path.write_text(text, encoding="utf-8")
    doc = run_json("check", str(path), "--type", "letter")[1]["documents"][0]
    return next(f for f in doc["findings"] if f["rule_id"] == "LT-ADDR-001")


def test_a_letter_cut_after_its_body_began_lacks_the_addressee(tmp_path: Path) -> None:
    finding = _addressee(HEAD + BODY, tmp_path)
    assert finding["outcome"] == "fail"
    assert finding["message"].startswith("Не указан адресат письма")


def test_a_letter_cut_inside_its_letterhead_is_a_doubt(tmp_path: Path) -> None:
    letterhead = HEAD.replace("О проведении областного семинара\n", "")
    contacts = "тел. (4012) 55-66-77, факс (4012) 55-66-78, электронная почта minobr@ensk.ru, ОКПО 02101234\n"
    cut = _addressee(letterhead + contacts + "\nО проведении семинара для руководителей образовательн", tmp_path)
    assert cut["outcome"] == "unverified"
    assert cut["message"].startswith("Не удалось проверить требование «Адресат письма»: текст документа обрывается")


SUBJECT_IN_CAPITALS = """МИНИСТЕРСТВО ОБРАЗОВАНИЯ ЭНСКОЙ ОБЛАСТИ
ИНСТРУКТИВНОЕ ПИСЬМО
от 14 марта 2025 г. N 07-118

ОБ ОРГАНИЗАЦИИ ДОПОЛНИТЕЛЬНЫХ ЗАНЯТИЙ,
КОНСУЛЬТАЦИЙ И МЕТОДИЧЕСКОЙ ПОМОЩИ УЧИТЕЛЯМ
ШКОЛ С НИЗКИМИ ОБРАЗОВАТЕЛЬНЫМИ РЕЗУЛЬТАТАМИ

Министерство образования Энской области направляет для использования в работе разъяснения о порядке организации
дополнительных занятий с обучающимися и консультаций для учителей школ с низкими образовательными результатами.

Заместитель министра                                  О.Л. Сергеева
"""


def test_a_subject_printed_over_lines_in_capitals_is_no_empty_section(tmp_path: Path) -> None:
    path = tmp_path / "letter.txt"
    path.write_text(SUBJECT_IN_CAPITALS, encoding="utf-8")
    doc = run_json("check", str(path))[1]["documents"][0]
    assert doc["doc_type"] == "letter"
    failing = {f["rule_id"]: f["outcome"] for f in doc["findings"] if f["outcome"] != "pass"}
    assert "Q-EMPTY-001" not in failing
    assert "LT-NUMBER-001" not in failing  # «ИНСТРУКТИВНОЕ ПИСЬМО / от … N 07-118»
    assert "LT-SUBJECT-001" not in failing
