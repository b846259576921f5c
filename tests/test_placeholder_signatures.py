"""Q-PLACEHOLDER-001 on signature lines: a stamp read from a PDF as one line («город … ________ Фамилия И.О.
«___» ________ 2022 г.»), a position's line ending in a gap, a name in slashes on the line under the gap. Each
shape passes, and the same gap without the signature around it still fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.engine.context import CheckContext
from checker.engine.examples import document_from_text
from checker.engine.pack import load_pack
from checker.engine.runner import run_rules

ROOT = Path(__file__).resolve().parents[1]
_TITLE = "\n\nДорожная карта реализации проекта «500+» на 2024–2025 годы\n\nТекст."


def _gaps(text: str) -> list[tuple[str, str]]:
    (rule,) = [r for r in load_pack(ROOT / "rules" / "quality.yaml").rules if r.id == "Q-PLACEHOLDER-001"]
    ctx = CheckContext(document=document_from_text(text), doc_type="roadmap")
    return [(f.outcome, f.message) for f in run_rules(ctx, [rule])]


_PASS = ("pass", "Незаполненные поля шаблона")


@pytest.mark.parametrize(
    "stamp",
    [
        # a PDF reads the stamp's place, signature and date as one line under «УТВЕРЖДАЮ …»
        "УТВЕРЖДАЮ Начальник отдела образования\nгород Лесногорск ___________ Дронова Е.С. «___» __________ 2024 г.",
        "УТВЕРЖДАЮ\nЗаведующий отделом образования ___________ Е.С. Дронова «___» __________ 2024 г.",
        "СОГЛАСОВАНО\nЕ.С. Дронова ___________ «___» __________ 20__ г.",
        # the name in slashes on the next line, after a slash left at the end of the gap
        "Директор школы: ____________ /\n/Е.С. Дронова/\nПриказ № 31 от 29.08.2024",
        "Директор школы: ____________ / /Е.С. Дронова/",
        # a position's own line ending in the gap for its signature
        "Директор МБОУ СОШ № 12 ____________",
        "Председатель педагогического совета: ____________",
        # the stamp's word glued to the signature line («УТВЕРЖДАЮ_____» as a web copy prints it)
        "УТВЕРЖДАЮ_____________________\nприказом МОУ СОШ № 2\n№ 21 от 31.08.2023",
    ],
)
def test_signature_lines_are_not_gaps(stamp: str) -> None:
    assert _gaps(stamp + _TITLE) == [_PASS]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the same date with no signature on its line: a field left empty
        ("Дата проведения семинара: «___» __________ 2024 г.", "«___», __________"),
        ("город Лесногорск «___» __________ 2024 г.", "«___», __________"),
        # a gap that is no signature's: no name after it, no position or name before it
        ("Ответственный за мониторинг: ____________", "____________"),
        ("Семинар пройдёт ____ в актовом зале школы.", "____"),
        # a name on the next line does not sign a gap in the middle of a sentence
        ("Итоги подвести до ______ текущего года.\n/Е.С. Дронова/", "______"),
    ],
)
def test_gaps_without_a_signature_are_found(text: str, found: str) -> None:
    assert _gaps("Дорожная карта\n\n" + text) == [("fail", f"Не заполнено поле шаблона: {found}.")]
