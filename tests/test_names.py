"""The shared shapes of person names, positions and signature lines (checker.language.names), and the users
that read them: the approval model, the placeholder and empty-section rules, the e-signature pass, the
signatory of a letter."""

from __future__ import annotations

import pytest

from checker.approval import find_approvals
from checker.engine.context import CheckContext
from checker.engine.examples import document_from_text
from checker.engine.kinds.empty_section import EmptySectionRule
from checker.engine.runner import run_rules
from checker.language.names import (
    NAME_LINE,
    PERSON,
    POSITION,
    SIGNATORY_LINE,
    SIGNATURE_NAME_LINE,
    SIGNED_AFTER,
    SIGNED_BEFORE,
)
from checker.language.text import DocumentText


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("А.А. Иванов", "А.А. Иванов"),
        ("А. А. Иванов", "А. А. Иванов"),
        ("А.А.Иванов", "А.А.Иванов"),
        ("Иванов А.А.", "Иванов А.А."),
        ("Иванов А.А", "Иванов А.А"),
        ("Иванова Анна Петровна", "Иванова Анна Петровна"),
        ("Петров Сергей Ильич", "Петров Сергей Ильич"),
        ("Директор школы ________ Т.В. Соколова-Белая", "Т.В. Соколова-Белая"),
        ("УТВЕРЖДАЮ Директор В.А. МУРАЙ", "В.А. МУРАЙ"),
    ],
)
def test_person_found(text: str, found: str) -> None:
    m = PERSON.search(text)
    assert m is not None and m.group(0) == found


@pytest.mark.parametrize(
    "text",
    [
        "Директор МБОУ СОШ № 5",
        "Приказ № 5 от 01.09.2024",
        "Программа развития",
        "Анна Петровна",  # no surname, no patronymic ending where a surname would be
        "Иванова А.",  # one initial is not enough inside a text
        "г. Энск, ул. Ленина",
        "Иванов\nА.А.",  # a line break is not a space inside a name
    ],
)
def test_person_not_found(text: str) -> None:
    assert PERSON.search(text) is None


@pytest.mark.parametrize(
    ("line", "name_line", "under_gap"),
    [
        ("А.А. Иванов", True, True),
        ("Иванов А.А.", True, True),
        ("/Г.Н. Ломакина/", True, True),
        ("(Петрова И.И.)", True, True),
        ("В.А.МУРАЙ", True, True),
        ("МУРАЙ В.А.", True, True),
        ("/Г. Ломакина/", False, True),  # one initial: only under a signature gap
        ("Ломакина Г.", False, True),
        ("Иванова Анна Петровна", False, False),  # a full name is an e-signature stamp's owner field
        ("Директор А.А. Иванов", False, False),
        ("Директор А.А.", False, False),
        ("Приказ № 5", False, False),
        ("Программа развития", False, False),
        ("____ А.А. Иванов", False, False),
    ],
)
def test_name_lines(line: str, name_line: bool, under_gap: bool) -> None:
    assert bool(NAME_LINE.match(line)) is name_line
    assert bool(SIGNATURE_NAME_LINE.match(line)) is under_gap


@pytest.mark.parametrize(
    ("after", "signed"),
    [
        (" И.И. Иванов", True),
        (" /А.В. Смирнова/", True),
        (" / /Г.Н. Ломакина/", True),
        (" Козлова В.Р. «___» ____ 2022 г.", True),
        (" И. Иванов", True),
        (" (подпись)", True),
        (" в актовом зале.", False),
        (" года", False),
        (" Иванов", False),
    ],
)
def test_signed_after_gap(after: str, signed: bool) -> None:
    assert bool(SIGNED_AFTER.match(after)) is signed


@pytest.mark.parametrize(
    ("before", "signed"),
    [
        ("Иванова И.И. ", True),
        ("А.А. Петров ", True),
        ("Председатель ", True),
        ("Секретарь: ", True),
        ("Член комиссии ", True),
        ("Подпись ", True),
        ("М.П. ", True),
        ("Ознакомлен(а) ", True),
        ("Директор ", True),
        ("Семинар состоится ", False),
        ("Ответственный за мониторинг: ", False),
        ("Глава 3. Итоги: ", False),
    ],
)
def test_signed_before_gap(before: str, signed: bool) -> None:
    assert bool(SIGNED_BEFORE.search(before)) is signed


@pytest.mark.parametrize(
    ("line", "position"),
    [
        ("Директор МБОУ СОШ № 5", True),
        ("Начальник управления образования", True),
        ("И.о. директора школы", True),
        ("Заместитель министра образования", True),
        ("Председатель педагогического совета", True),
        ("Глава администрации района", True),
        ("Приказ № 5", False),
        ("Программа развития", False),
        ("Главный специалист", False),
        ("Ответственный за мониторинг", False),
    ],
)
def test_position(line: str, position: bool) -> None:
    assert bool(POSITION.match(line)) is position


def test_signatory_line_is_the_head_in_the_nominative() -> None:
    """A letter's signatory: the head of an organisation, not a specialist or an executor (folded text)."""
    tail = "с уважением,\nначальник управления образования п.с. орлова\nисполнитель: смирнова а.а."
    found = [m.group("who") for m in SIGNATORY_LINE.finditer(tail)]
    assert found == ["начальник управления образования п.с. орлова"]
    assert [m.group("who") for m in SIGNATORY_LINE.finditer("и.о. директора мбоу сош № 5\n")] == [
        "и.о. директора мбоу сош № 5"
    ]
    assert SIGNATORY_LINE.search("главный специалист отдела\nисполнитель иванова") is None


def test_approval_names_its_signer() -> None:
    """The approval model reads the signer with the shared shape: initials either side, or a full name."""
    for signer in ("В.А. Петрова", "Петрова В.А.", "Петрова Вера Андреевна"):
        text = f"УТВЕРЖДАЮ\nДиректор МБОУ СОШ № 7\n_________ {signer}\n«01» сентября 2024 г.\n\nПрограмма развития"
        (approval,) = [a for a in find_approvals(DocumentText(document_from_text(text))) if a.form == "signature"]
        assert approval.has_name, signer
    unnamed = "УТВЕРЖДАЮ\nДиректор МБОУ СОШ № 7\n_________\n«01» сентября 2024 г.\n\nПрограмма развития"
    (approval,) = [a for a in find_approvals(DocumentText(document_from_text(unnamed))) if a.form == "signature"]
    assert not approval.has_name


def test_signatory_line_is_not_an_empty_section() -> None:
    """A signatory's line between two headings, initials either side, is no section of the letter."""
    rule = EmptySectionRule(id="E-1", kind="empty_section", title="e", message="пуст: {section}")

    def outcomes(text: str) -> list[str]:
        ctx = CheckContext(document=document_from_text(text), doc_type="letter")
        return [f.outcome for f in run_rules(ctx, [rule])]

    for signer in ("Т.К.ЗОРИНА", "ЗОРИНА Т.К.", "Т.К. Зорина", "Зорина Т.К."):
        assert outcomes(f"ПИСЬМО\n\nТекст письма о семинаре.\n\nЗаместитель министра\n\n{signer}\n\nИсп. Орлов") == [
            "pass"
        ], signer
