"""Press releases and news in the shapes a reviewer found on real public news (third and fourth reviews), each
written by the project (fixtures/press_release/news_shapes/): the organiser as an agent in the instrumental, in
the genitive after the event, named after «провела», in a participle («организованный профсоюзом»), as
«Организаторами были …» or as the office that led it («начальником управления … была поставлена задача»); a
venue or another event's partner that is not the organiser; a subject told in a clause or as «Темой … явилось»,
«В повестке дня было …»; a district or a town as the venue; a page's publication stamp, or the date of another
thing, that is not the event's date. Exact findings of the genre rules, through the CLI once for the folder, and
the narrow shapes rule by rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, run_json
from pydantic import ValidationError

from checker.engine.context import CheckContext
from checker.engine.examples import document_from_text
from checker.engine.kinds.phrases import PhrasesRule
from checker.engine.pack import load_pack
from checker.engine.runner import run_rules

SHAPES = FIXTURES / "press_release" / "news_shapes"

# file -> every finding that is not a pass, as (rule, outcome, severity); PR-TARGET-001 (the programme layer,
# its level gate) is left to its own tests
EXPECTED: dict[str, set[tuple[str, str, str]]] = {
    "organiser_passive": set(),
    "organiser_genitive_district": set(),
    "organiser_person": set(),
    "organiser_missing": {("PR-ORG-002", "fail", "warning")},
    "subject_clause": set(),
    "subject_question": {("PR-SUBJ-001", "fail", "warning")},
    "subject_missing": {("PR-SUBJ-001", "fail", "error")},
    "date_stamp_and_text": set(),
    "date_stamp_only": {("PR-DATE-001", "fail", "warning")},
    "venue_missing": {("PR-VENUE-001", "fail", "error")},
    "organiser_participle": set(),
    "organiser_named_plural": set(),
    "organiser_chair_passive": set(),
    # a venue («На базе … центра») and the partner of a contest the news mentions are not the meeting's organiser
    "organiser_venue_only": {("PR-ORG-002", "fail", "warning")},
    "organiser_other_event": {("PR-ORG-002", "fail", "warning")},
    # «уделено … выборам 13 сентября» dates the elections; the meeting itself is never dated
    "date_other_thing": {("PR-DATE-001", "fail", "error")},
}
# what a pass rests on: (rule, the value the message names)
FOUND = [
    ("organiser_passive", "PR-ORG-002", "Министерством образования Энской области было проведено"),
    ("organiser_genitive_district", "PR-ORG-002", "совещание Департамента"),
    ("organiser_person", "PR-ORG-002", "Семинар провела Соколова Марина Петровна"),
    ("subject_clause", "PR-SUBJ-001", "разработан план"),
    ("date_stamp_and_text", "PR-DATE-001", "12 сентября"),
    ("organiser_participle", "PR-ORG-002", "семинар, организованный районным профсоюзом"),
    ("organiser_participle", "PR-SUBJ-001", "Темой семинара стало повышение качества преподавания"),
    ("organiser_participle", "PR-VENUE-001", "в Заречном районе проведен"),
    ("organiser_named_plural", "PR-ORG-002", "Организаторами были руководитель школьного музея Громова"),
    ("organiser_chair_passive", "PR-ORG-002", "Начальником Управления образования Сорокиной Е.В. была поставлена"),
    # «школ, на базе которых открываются лагеря» names other buildings, not the venue
    ("organiser_chair_passive", "PR-VENUE-001", "в Администрации"),
    # the meeting's agenda, not the title of the contest it mentions
    ("organiser_other_event", "PR-SUBJ-001", "В повестке дня было подведение итогов летнего"),
]


@pytest.fixture(scope="module")
def documents() -> dict[str, dict]:
    _, report = run_json("check", str(SHAPES))
    return {Path(d["path"]).stem: d for d in report["documents"]}


def _not_passing(document: dict) -> set[tuple[str, str, str]]:
    return {
        (f["rule_id"], f["outcome"], f["severity"])
        for f in document["findings"]
        if f["outcome"] not in ("pass", "not_applicable") and f["rule_id"] != "PR-TARGET-001"
    }


def test_every_fixture_is_listed(documents: dict[str, dict]) -> None:
    assert set(documents) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_exact_findings(documents: dict[str, dict], name: str) -> None:
    document = documents[name]
    assert document["doc_type"] == "press_release"
    assert _not_passing(document) == EXPECTED[name]
    errors = any(severity == "error" for _, _, severity in EXPECTED[name])
    assert document["verdict"] == ("noncompliant" if errors else "compliant")


@pytest.mark.parametrize(("name", "rule_id", "found"), FOUND)
def test_what_a_pass_rests_on(documents: dict[str, dict], name: str, rule_id: str, found: str) -> None:
    (finding,) = [f for f in documents[name]["findings"] if f["rule_id"] == rule_id]
    assert finding["outcome"] == "pass"
    assert finding["message"].endswith(found)


def test_question_and_stamp_messages(documents: dict[str, dict]) -> None:
    (subject,) = [f for f in documents["subject_question"]["findings"] if f["rule_id"] == "PR-SUBJ-001"]
    assert subject["message"].startswith("Тема мероприятия прямо не названа; текст рассказывает, что на нём было")
    assert "«На семинаре выступили педагоги гимназии и»" in subject["message"]
    (date,) = [f for f in documents["date_stamp_only"]["findings"] if f["rule_id"] == "PR-DATE-001"]
    assert date["message"] == (
        "Дата мероприятия в тексте не названа: «14.09.2023» — дата публикации страницы. Укажите, когда прошло "
        "мероприятие (число и месяц)."
    )
    assert date["evidence"] == "14.09.2023, 16:40 | просмотров: 512"
    (other,) = [f for f in documents["date_other_thing"]["findings"] if f["rule_id"] == "PR-DATE-001"]
    assert other["message"] == (
        "Дата мероприятия в тексте не названа: «13 сентября» — дата другого события, не мероприятия. Укажите, когда "
        "прошло мероприятие (число и месяц)."
    )


# --- rule by rule, on one sentence or a few lines ---

RULES = {r.id: r for r in load_pack(ROOT / "rules" / "press_release.yaml").rules}


def _finding(rule_id: str, text: str) -> tuple[str, str, str]:
    ctx = CheckContext(document=document_from_text(text), doc_type="press_release", level="municipal")
    (finding,) = run_rules(ctx, [RULES[rule_id]])
    return finding.outcome, finding.severity, finding.message


def _outcome(rule_id: str, text: str) -> tuple[str, str]:
    return _finding(rule_id, text)[:2]


def test_organiser_by_case() -> None:
    passed = ("pass", "warning")
    failed = ("fail", "warning")
    # the agent in the instrumental, before or after the passive verb
    assert _outcome("PR-ORG-002", "Управлением образования было проведено совещание директоров.") == passed
    assert _outcome("PR-ORG-002", "Совещание организовано департаментом образования города.") == passed
    # a place in the locative and a participant in the genitive are not agents
    assert _outcome("PR-ORG-002", "В управлении образования было проведено совещание директоров.") == failed
    assert _outcome("PR-ORG-002", "Для директоров школ было организовано совещание.") == failed
    # an adjective in the instrumental is no agent, nor are pupils who prepared a concert
    assert _outcome("PR-ORG-002", "В центральной библиотеке было проведено совещание.") == failed
    assert _outcome("PR-ORG-002", "Прошел семинар. Школьниками был подготовлен концерт.") == failed
    # the genitive after the event: an organisation, not the people who took part
    assert _outcome("PR-ORG-002", "Прошел семинар Института развития образования.") == passed
    assert _outcome("PR-ORG-002", "Прошел семинар РМО учителей химии.") == passed
    assert _outcome("PR-ORG-002", "Прошел семинар директоров школ.") == failed
    assert _outcome("PR-ORG-002", "Прошла конференция школьников района.") == failed
    # a person named after the verb, in full or with initials; not the object of another verb
    assert _outcome("PR-ORG-002", "Мастер-класс провела Анна Ивановна Белова, учитель химии.") == passed
    assert _outcome("PR-ORG-002", "Семинар вела Белова А.И., методист.") == passed
    assert _outcome("PR-ORG-002", "Прошел семинар. Участникам провели экскурсию.") == failed
    # «Организаторы» with nobody named, a speaker
    assert _outcome("PR-ORG-002", "Прошел семинар. Организаторы постарались сделать его полезным.") == failed
    assert _outcome("PR-ORG-002", "Прошел семинар. Организатором выступил центр «Эврика».") == passed
    # a form's label alone on its line, its value under it or in the next cell
    assert _outcome("PR-ORG-002", "Прошел семинар.\nОрганизатор:\nотдел образования") == passed
    assert _outcome("PR-ORG-002", "Прошел семинар. Выступил И.И. Титов, специалист управления.") == failed


def test_subject_told_in_a_clause() -> None:
    assert _outcome("PR-SUBJ-001", "Прошло совещание. Участники подвели итоги года.") == ("pass", "error")
    assert _outcome("PR-SUBJ-001", "Прошла встреча. Гости познакомились с работой музея.") == ("pass", "error")
    assert _outcome("PR-SUBJ-001", "Прошел семинар. Речь шла о подготовке к экзаменам.") == ("pass", "error")
    # «приняли участие в проекте» is who took part, not a decision taken
    assert _outcome("PR-SUBJ-001", "Прошел семинар. Приняли участие в проекте 20 педагогов.") == ("fail", "error")
    # what happened at it, without its subject: a question
    assert _outcome("PR-SUBJ-001", "Прошло совещание. С докладом выступил начальник отдела.") == ("fail", "warning")
    shared = "Прошел семинар директоров. Опытом работы с коллегами поделились два директора."
    assert _outcome("PR-SUBJ-001", shared) == ("fail", "warning")


def test_venue_district_or_town() -> None:
    assert _outcome("PR-VENUE-001", "В Энском районе прошло совещание педагогов.") == ("pass", "error")
    assert _outcome("PR-VENUE-001", "Совещание педагогов прошло в Заречном муниципальном округе.") == ("pass", "error")
    assert _outcome("PR-VENUE-001", "Конференция прошла в Казани.") == ("pass", "error")
    # a district named elsewhere in the text, a region, a form
    assert _outcome("PR-VENUE-001", "Заседание прошло. Составлен план концертов в Энском районе.") == ("fail", "error")
    assert _outcome("PR-VENUE-001", "Совещание прошло в Энской области.") == ("fail", "error")
    assert _outcome("PR-VENUE-001", "Конференция прошла в форме ассамблеи.") == ("fail", "error")
    assert _outcome("PR-VENUE-001", "Конференция прошла в мае.") == ("fail", "error")  # «Мая» is a river, too
    assert _outcome("PR-VENUE-001", "В каждом районе прошли совещания педагогов.") == ("fail", "error")


def test_event_date_not_a_publication_stamp() -> None:
    # a date alone on its line gives way to a date in a sentence
    outcome, _, message = _finding("PR-DATE-001", "Новости\n06.10.2024\n\n3 октября 2024 года прошло совещание.")
    assert (outcome, message) == ("pass", "Дата мероприятия: 3 октября 2024 года")
    # ... and still counts when it is the only one
    assert _finding("PR-DATE-001", "06.10.2024\n\nПрошло совещание директоров.")[2] == "Дата мероприятия: 06.10.2024"
    # a site's stamp and a «date» label are not the event's date
    assert _outcome("PR-DATE-001", "date 2024-11-14 Директора школ приняли участие в сессии.") == ("fail", "warning")
    assert _outcome("PR-DATE-001", "21.05.2024 09:12\nСеминар прошел в мае.") == ("fail", "warning")
    # the time of an announced event is not a stamp
    assert _outcome("PR-DATE-001", "Семинар директоров\n14 марта, 10:00\nМБОУ СОШ № 3") == ("pass", "error")
    # «обновление программ» in the sentence is no publication stamp
    assert _outcome("PR-DATE-001", "12 марта прошло совещание «Обновление программ развития».") == ("pass", "error")
    assert _outcome("PR-DATE-001", "В сентябре прошла конференция.") == ("fail", "error")


def test_unknown_grammeme_in_a_pack_is_refused() -> None:
    rule = {"id": "X-1", "kind": "phrases", "title": "x", "message": "x",
            "any_of": [{"regex": r"(?P<tag_ablat>\w+)\s+проведен"}]}  # fmt: skip
    with pytest.raises(ValidationError, match="неизвестные граммемы pymorphy3: ablat"):
        PhrasesRule.model_validate(rule)
    rule["any_of"] = [{"regex": r"(?P<tag_NOUN_ablt>\w+)\s+проведен"}]
    assert PhrasesRule.model_validate(rule).any_of


def test_organiser_fourth_review_shapes() -> None:
    passed = ("pass", "warning")
    failed = ("fail", "warning")
    # a participle with the organiser in the instrumental; a participle of another noun is not the event's
    assert _outcome("PR-ORG-002", "Прошел семинар, организованный областным профсоюзом учителей.") == passed
    assert _outcome("PR-ORG-002", "Прошел семинар. Отмечена работа, проведенная летом учреждениями района.") == failed
    # the organisers in the instrumental after «были»; «Организаторы были довольны» names nobody
    assert _outcome("PR-ORG-002", "Прошел семинар. Организаторами были учителя Белова А.И. и Титов И.И.") == passed
    assert _outcome("PR-ORG-002", "Прошел семинар. Организаторы были довольны итогами.") == failed
    # the office of a body that led it, in the instrumental with a passive verb
    assert _outcome("PR-ORG-002", "Прошло совещание. Директором центра Ивановой А.А. были подведены итоги.") == passed
    # a venue is not the organiser
    assert _outcome("PR-ORG-002", "На базе районного центра состоялось совещание директоров.") == failed
    # «совместно с» of the reported event counts; of another event the text mentions, not
    assert _outcome("PR-ORG-002", "Прошел семинар, проведенный совместно с институтом развития.") == passed
    assert _outcome(
        "PR-ORG-002", "Прошло совещание директоров. Отмечен конкурс чтецов, проведенный совместно с библиотекой."
    ) == failed


def test_subject_said_as_such() -> None:
    passed = ("pass", "error")
    for text in (
        "Прошел семинар. Темой семинара явилось качество образования.",
        "Прошла встреча. Темой встречи стала подготовка к экзаменам.",
        "Прошло совещание. Тема совещания — подготовка к зиме.",
        "Состоялось совещание, посвящённое подготовке к экзаменам.",
        "Прошло совещание. В повестке дня было обновление программ.",
        "Прошло совещание. В повестку дня включены вопросы питания.",
    ):
        assert _outcome("PR-SUBJ-001", text) == passed, text
    # a quoted title of the reported event counts, the title of a contest it mentions does not
    assert _outcome("PR-SUBJ-001", "Прошло совещание «Новые стандарты».") == passed
    assert _outcome("PR-SUBJ-001", "9 сентября прошло совещание директоров. Отмечен конкурс «Моя семья».") == (
        "fail", "error")


def test_venue_passive_and_relative() -> None:
    assert _outcome("PR-VENUE-001", "В Энском районе проведен семинар директоров.") == ("pass", "error")
    assert _outcome("PR-VENUE-001", "Семинар директоров проведен в Заречном районе.") == ("pass", "error")
    assert _outcome("PR-VENUE-001", "В Энском районе состоялась конференция.") == ("pass", "error")
    # «на базе которых» points back to other places
    assert _outcome(
        "PR-VENUE-001", "Состоялось совещание. Обсудили ремонт школ, на базе которых созданы пункты экзамена."
    ) == ("fail", "error")
    # «проведения» is a noun, not the passive verb
    assert _outcome("PR-VENUE-001", "Прошло совещание о порядке проведения экзаменов в Энском районе.") == (
        "fail", "error")


def test_event_date_attached_to_the_event() -> None:
    # a date in the event's sentence, right after a place or before the verb
    assert _outcome("PR-DATE-001", "В Управлении образования 14 марта прошло совещание.") == ("pass", "error")
    assert _outcome("PR-DATE-001", "Во вторник 13 февраля состоялась встреча педагогов.") == ("pass", "error")
    assert _outcome("PR-DATE-001", "Совещание директоров состоялось 14 марта.") == ("pass", "error")
    # a date bound to another noun in the event's sentence is another thing's
    outcome, severity, message = _finding(
        "PR-DATE-001", "Прошло совещание. На совещании особое внимание уделено предстоящим выборам 13 сентября."
    )
    assert (outcome, severity) == ("fail", "error")
    assert message.startswith("Дата мероприятия в тексте не названа: «13 сентября» — дата другого события")
    # a date in a sentence that does not name the event may be its date in other words: a question
    assert _finding("PR-DATE-001", "Прошло совещание директоров. Выборы назначены на 13 сентября.") == (
        "fail", "warning", "Дата мероприятия прямо не названа: «13 сентября» стоит в предложении, где мероприятие "
        "не упомянуто, — проверьте, это ли дата мероприятия.")
    assert _outcome("PR-DATE-001", "14 марта директора школ обсудили итоги. Прошло совещание.") == ("fail", "warning")
    # the event's own date wins over another thing's
    assert _finding(
        "PR-DATE-001", "Готовимся к выборам 13 сентября. 2 сентября прошло совещание директоров."
    )[2] == "Дата мероприятия: 2 сентября"
