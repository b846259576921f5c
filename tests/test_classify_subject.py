"""An information report is the programme's only when it is about the programme's work with schools: a
справка on assessment results (ВПР, ОГЭ, ЕГЭ) or on a school's own business is none of the types."""

from __future__ import annotations

import pytest

from checker.classify import classify
from checker.document import Block, Document, Location, Metadata

ASSESSMENT = (
    "похоже на анализ результатов оценочной процедуры (ВПР, ОГЭ, ЕГЭ), а не на информационную справку программы"
)
ASSESSMENT_EN = "looks like an analysis of assessment results (ВПР, ОГЭ, ЕГЭ), not a programme information report"
NOT_PROGRAMME = (
    "похоже на справку или отчёт не о работе со школами программы: ни в заголовке, ни в начале не названы ни школы "
    "с низкими образовательными результатами (ШНОР, «500+»), ни документы программы"
)
FIGURES = "Работу выполняли 214 обучающихся. Подтвердили отметки 61 %, понизили 22 %, повысили 17 %."


def _document(*texts: str) -> Document:
    blocks = [Block(kind="paragraph", text=t, location=Location(paragraph=i + 1)) for i, t in enumerate(texts)]
    return Document(path="x.txt", blocks=blocks, metadata=Metadata(format="txt"))


@pytest.mark.parametrize(
    "title",
    [
        ("Аналитическая справка", "по результатам Всероссийских проверочных работ по математике в 6 классах"),
        ("Аналитическая справка по итогам ВПР-2024 по русскому языку",),
        ("Справка о результатах государственной итоговой аттестации выпускников 9 классов в 2022 году",),
        ("Информация об итогах региональной диагностической работы по читательской грамотности",),
    ],
)
def test_an_analysis_of_assessment_results_is_unknown(title: tuple[str, ...]) -> None:
    found = classify(_document(*title, FIGURES, "Рекомендации: учителям включать задания формата ВПР в уроки."))
    assert (found.doc_type, found.candidates[0].doc_type) == ("unknown", "info_report")
    assert found.reason == ASSESSMENT
    assert found.reason_text("en") == ASSESSMENT_EN


def test_the_same_analysis_of_the_programmes_schools_is_an_information_report() -> None:
    found = classify(
        _document(
            "Аналитическая справка", "по результатам ВПР в школах с низкими образовательными результатами", FIGURES
        )
    )
    assert (found.doc_type, found.reason) == ("info_report", None)


def test_a_schools_own_справка_without_the_programme_is_unknown() -> None:
    found = classify(
        _document(
            "Аналитическая справка по итогам внутришкольного контроля за 2023-2024 учебный год",
            "Проверены рабочие программы 34 педагогов; в 12 % журналов выявлены замечания.",
        )
    )
    assert (found.doc_type, found.candidates[0].doc_type) == ("unknown", "info_report")
    assert found.reason == NOT_PROGRAMME


@pytest.mark.parametrize(
    ("title", "lead"),
    [
        ("Информационная справка", "о ходе реализации проекта адресной методической помощи «500+» за 2024 год"),
        ("Информационная справка", "об итогах реализации программы перехода школы в эффективный режим работы"),
        ("Отчёт о проделанной работе по реализации дорожной карты МБОУ «СОШ № 3» за 2023 год", "Выполнено 16 из 18."),
        # the subject in the opening under a bare title
        ("Информационная справка о проведении муниципального семинара", "Семинар для школ — участниц проекта «500+»."),
    ],
)
def test_programme_reports_stay_information_reports(title: str, lead: str) -> None:
    found = classify(_document(title, lead, "В 2024 году курсы прошли 56 педагогов (55 %)."))
    assert (found.doc_type, found.reason) == ("info_report", None)


def test_news_about_assessment_results_stays_a_press_release() -> None:
    """Only a title opened by the analysing genre (справка, анализ, отчёт, информация) is an analysis."""
    found = classify(
        _document(
            "Итоги ВПР обсудили на совещании руководителей",
            "14 сентября 2023 года в управлении образования состоялось совещание руководителей школ.",
            "В совещании приняли участие 34 руководителя.",
        )
    )
    assert (found.doc_type, found.reason) == ("press_release", None)
