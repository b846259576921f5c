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


# --- PR-VENUE-001: a named hall or a town is a venue ---


def test_venue_named_hall_or_town() -> None:
    def venue(text: str) -> list[tuple[str, str]]:
        return _findings("press_release", "PR-VENUE-001", "press_release", text)

    assert venue("Итоговая конференция учителей прошла в ГЦК «Радуга», в фойе работала выставка.") == [
        ("PR-VENUE-001", "pass")
    ]
    assert venue("В Новограде прошло традиционное совещание педагогов.") == [("PR-VENUE-001", "pass")]
    assert venue("Совещание педагогов прошло в Энске.") == [("PR-VENUE-001", "pass")]
    # «в районе» says nothing about where; «в списке» is not a town
    assert venue("Совещание прошло в районе. Приняли участие 40 педагогов.") == [("PR-VENUE-001", "fail")]
    assert venue("Совещание прошло в списке плановых. Приняли участие 40 педагогов.") == [("PR-VENUE-001", "fail")]


# --- PR-SUBJ-001: the subject told in words ---


def test_subject_told_in_words() -> None:
    def subject(text: str) -> list[tuple[str, str]]:
        return _findings("press_release", "PR-SUBJ-001", "press_release", text)

    assert subject("На семинаре были освещены итоги работы школ за первое полугодие.") == [("PR-SUBJ-001", "pass")]
    assert subject("Состоялось совещание директоров. Особое внимание было уделено вопросам питания.") == [
        ("PR-SUBJ-001", "pass")
    ]
    assert subject("Состоялось совещание директоров в школе № 2. Приняли участие 15 человек.") == [
        ("PR-SUBJ-001", "fail")
    ]


# --- IR-ORDER-001 / IR-EVENT-001: «Распоряжением … от 1 мая 2019 г. № 12- рп», акция «…» ---


def test_order_with_year_mark_and_spaced_number() -> None:
    def order(text: str) -> list[tuple[str, str]]:
        return _findings("info_report", "IR-ORDER-001", "info_report", text)

    assert order("Акция проводилась в соответствии с Распоряжением губернатора от 3 мая 2019 г. № 112- рп.") == [
        ("IR-ORDER-001", "pass")
    ]
    assert order("Работа велась по приказу управления от 5 июня 2020 года № 48.") == [("IR-ORDER-001", "pass")]
    assert order("Работа велась по приказу управления об организации акции.") == [("IR-ORDER-001", "fail")]


def test_campaign_named_in_quotes_is_an_event() -> None:
    def event(text: str) -> list[tuple[str, str]]:
        return _findings("info_report", "IR-EVENT-001", "info_report", text)

    assert event("В школах района прошла акция «Безопасные каникулы».") == [("IR-EVENT-001", "pass")]
    assert event("Прошёл районный конкурс «Учитель года – 2024».") == [("IR-EVENT-001", "pass")]
    assert event("В школах района прошли акции и конкурсы.") == [("IR-EVENT-001", "fail")]


# --- Q-PLACEHOLDER-001: the signature line of a stamp, the name in slashes on the next line ---


def test_signature_line_with_name_below_is_not_a_gap() -> None:
    def gaps(text: str) -> list[tuple[str, str]]:
        return _findings("quality", "Q-PLACEHOLDER-001", "development_program", text)

    stamp = (
        "«Утверждаю»\nДиректор школы: ____________\n/А.В. Смирнова/\nПриказ № 14 от 30.08.2024\n\nПрограмма развития"
    )
    assert gaps(stamp) == [("Q-PLACEHOLDER-001", "pass")]
    same_line = "Принято на педсовете\nДиректор школы: ____________ / /А.В. Смирнова/\n\nПрограмма развития"
    assert gaps(same_line) == [("Q-PLACEHOLDER-001", "pass")]
    closing = "Программа развития\n\nТекст программы.\n\nСоставитель программы: ____________\nСмирнова А.В."
    assert gaps(closing) == [("Q-PLACEHOLDER-001", "pass")]
    # the date of a stamp to be written by hand, alone on its line under the signature
    dated = "Начальник управления образования\n_________ П.С. Орлова\n____________ 2024 г.\n\nПрограмма развития"
    assert gaps(dated) == [("Q-PLACEHOLDER-001", "pass")]
    # a field left empty with no name under it is still a gap
    assert gaps("Программа развития\n\nОтветственный за мониторинг: ____________\nСроки: 2024–2026 годы") == [
        ("Q-PLACEHOLDER-001", "fail")
    ]
    # a gap inside a sentence is a gap even above a name
    assert gaps("Семинар пройдёт ____ в актовом зале.\nА.В. Смирнова") == [("Q-PLACEHOLDER-001", "fail")]


# --- Q-NAME-001: a village and the school's name made from it are not one name misspelt ---


def test_place_and_its_adjective_are_not_a_typo() -> None:
    def names(text: str) -> list[tuple[str, str]]:
        return _findings("quality", "Q-NAME-001", "development_program", text)

    village = "Школа стоит в селе Веселовка. Веселовская школа открыта в 1950 году. Учителя Веселовской школы."
    assert names(village) == [("Q-NAME-001", "pass")]
    # the adjective misspelt is still one name written two ways
    typo = "Веселовская школа открыта в 1950 году. Учителя Веселовской школы. Веселовкая школа — сельская."
    assert names(typo) == [("Q-NAME-001", "fail")]
    assert names("Школы в Грачевском районе. Методисты Грачевского района. Педагоги в Гачевском районе.") == [
        ("Q-NAME-001", "fail")
    ]
