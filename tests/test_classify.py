"""Type detection, sub-kind and level on a labelled set of document openings.

Files: tests/data/openings/<type>__<name>.txt (the type is the label); expected.yaml beside them holds the
exact sub-kind, level, approval forms and (for `unknown`) the reason of each file it lists. Approval forms are
those of the one approval model (checker.approval), as the report shows them beside the classification."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from checker.approval import approval_forms
from checker.classify import Candidate, Classification, classify, opening, opening_lines
from checker.classify.doc_type import decide
from checker.classify.entry import read
from checker.classify.signals import load
from checker.document import Block, Document, Location, Metadata
from checker.language.normalize import normalize
from checker.language.text import DocumentText
from checker.paths import DOC_TYPES

OPENINGS = Path(__file__).parent / "data" / "openings"
FILES = sorted(OPENINGS.glob("*.txt"))
EXPECTED: dict[str, dict] = YAML(typ="safe").load((OPENINGS / "expected.yaml").read_text(encoding="utf-8"))
from conftest import SEEDS  # noqa: E402  ($CHECKER_SEEDS or <repo>/../shared/seeds)

THRESHOLD = load().threshold


def _parse(path: Path) -> Document:
    from checker.parsers import parse_file

    return parse_file(path)


def _expected(path: Path) -> str:
    return path.name.split("__", 1)[0]


_CACHE: dict[str, Classification] = {}


def _classified(path: Path) -> Classification:
    if path.name not in _CACHE:
        _CACHE[path.name] = classify(_parse(path))
    return _CACHE[path.name]


def _approval(document: Document) -> list[str]:
    return approval_forms(DocumentText(document))


def _document(*texts: str, role: str | None = None) -> Document:
    blocks = [
        Block(kind="paragraph", text=t, location=Location(paragraph=i + 1), role=role if i == 0 else None)
        for i, t in enumerate(texts)
    ]
    return Document(path="x.txt", blocks=blocks, metadata=Metadata(format="txt"))


def test_labelled_set_is_big_enough() -> None:
    labels = [_expected(f) for f in FILES]
    assert len(FILES) >= 90
    assert set(labels) <= set(DOC_TYPES)
    for doc_type in DOC_TYPES:
        assert labels.count(doc_type) >= 3, doc_type
    assert labels.count("unknown") >= 21  # confusers: orders, lists, articles, pages, news about training
    assert set(EXPECTED) <= {f.name for f in FILES}


def test_accuracy_at_least_95_percent() -> None:
    right = [_classified(f).doc_type == _expected(f) for f in FILES]
    accuracy = sum(right) / len(right)
    assert accuracy >= 0.95, f"accuracy {accuracy:.2%}"


@pytest.mark.parametrize("path", FILES, ids=[f.stem for f in FILES])
def test_each_opening(path: Path) -> None:
    found = _classified(path)
    assert found.doc_type == _expected(path), (found.doc_type, found.confidence, found.reason, found.candidates)
    assert len(found.candidates) == 3
    assert [c.score for c in found.candidates] == sorted((c.score for c in found.candidates), reverse=True)
    if found.doc_type == "unknown":
        assert found.reason and found.reason_en
        assert found.subkind is None and found.level is None
    else:
        assert found.confidence >= THRESHOLD
        assert found.evidence
        assert found.candidates[0].doc_type == found.doc_type
        assert found.reason is None


def test_confidence_separates_right_from_wrong() -> None:
    """Documents that are none of the types never score as high as the weakest right answer."""
    typed = [_classified(f).confidence for f in FILES if _expected(f) != "unknown"]
    unknown = [_classified(f).confidence for f in FILES if _expected(f) == "unknown"]
    assert max(unknown) < THRESHOLD <= min(typed)


@pytest.mark.parametrize("name", sorted(EXPECTED), ids=sorted(EXPECTED))
def test_subkind_level_approval_reason(name: str) -> None:
    want = EXPECTED[name]
    found = _classified(OPENINGS / name)
    assert found.subkind == want.get("subkind")
    assert found.level == want.get("level")
    assert _approval(_parse(OPENINGS / name)) == want.get("approval", [])
    assert found.reason == want.get("reason")


def test_unknown_lists_candidates_with_evidence() -> None:
    found = _classified(OPENINGS / "unknown__12_article.txt")
    assert found.doc_type == "unknown"
    assert found.candidates[0] == Candidate(
        doc_type="roadmap",
        score=10.97,
        evidence=["дорожная карта", "дорожная карта как инструмент управления качеством образования в школе с низк…"],
    )
    assert found.reason == "похоже на статью или методический материал, а не на документ программы"
    assert found.reason_text("en") == "looks like an article or methodological material, not a programme document"


def test_order_with_its_annex_is_the_annexed_document() -> None:
    """An order that approves a roadmap and carries it as an annex is the roadmap; without it, unknown."""
    with_annex = _classified(OPENINGS / "roadmap__09_order_with_annex.txt")
    forms = _approval(_parse(OPENINGS / "roadmap__09_order_with_annex.txt"))
    without = _classified(OPENINGS / "unknown__07_order_approving_roadmap.txt")
    assert (with_annex.doc_type, with_annex.level, forms) == ("roadmap", "municipal", ["order"])
    assert without.reason == "похоже на приказ об утверждении дорожной карты, а не на саму карту"
    assert without.candidates[0].doc_type == "roadmap"


def test_labels_for_people() -> None:
    found = Classification(
        doc_type="press_release", confidence=0.9, evidence=[], subkind="announcement", level="municipal"
    )  # fmt: skip
    assert found.subkind_label() == "анонс (приглашение) до мероприятия"
    assert found.subkind_label("en") == "announcement before the event"
    assert found.level_label() == "муниципальный уровень"
    assert found.level_label("en") == "municipal level"
    assert Classification(doc_type="letter", confidence=1.0, evidence=[]).level_label() is None


def test_forced_type_keeps_level() -> None:
    """`--type` fixes the type; sub-kind and level are still read from the document."""
    found = classify(_parse(OPENINGS / "roadmap__05_school_500.txt"), doc_type="plan_schedule")
    assert (found.doc_type, found.confidence, found.evidence) == ("plan_schedule", 1.0, ["--type"])
    assert (found.subkind, found.level) == ("plan", "school")
    assert found.candidates[0].doc_type == "roadmap"


def test_title_inside_an_approval_block_is_found() -> None:
    """A layout pass may run the title into the approval block above it."""
    document = _document(
        "СОГЛАСОВАНО\nПредседатель управляющего совета\n_________ Петрова Ю.К.\n«___» ________ 2024 г.\n"
        "СРЕДНЕСРОЧНАЯ ПРОГРАММА РАЗВИТИЯ МАОУ «ЛИЦЕЙ № 2» НА 2024–2026 ГОДЫ",
        "Цели и задачи развития",
        role="approval",
    )
    assert opening_lines(document)[0] == 'среднесрочная программа развития маоу "лицей № 2" на 2024-2026 годы'
    found = classify(document)
    assert (found.doc_type, found.level) == ("development_program", "school")


def test_news_lead_says_what_the_item_is() -> None:
    """A news headline names no genre; its first sentence says that a seminar took place."""
    document = _document(
        "Главная / Новости / Делимся опытом",
        "Делимся опытом",
        "18.08.2023",
        "16 августа 2023 года на базе МБОУ СОШ № 40 прошёл районный семинар-практикум «Наставничество».",
    )
    found = classify(document)
    assert (found.doc_type, found.subkind, found.level) == ("press_release", "news", "municipal")


def test_opening_skips_menu_and_approval_block() -> None:
    head = opening(_parse(OPENINGS / "program__01_transition.txt"))
    assert head.startswith("программа перехода")
    head = opening(_parse(OPENINGS / "press_release__03_menu_debris.txt"))
    assert head.startswith("пресс-релиз")
    head = opening(_parse(OPENINGS / "program__07_esign_top.txt"))
    assert head.startswith("программа улучшения")


def test_flattened_document_is_read_piece_by_piece() -> None:
    """A web copy with the whole document on one line: broken at approval markers, the title and the contents."""
    lines = opening_lines(_parse(OPENINGS / "development_program__07_one_line_web_copy.txt"))
    assert lines[0].startswith("программа развития муниципального бюджетного")
    assert lines[0].endswith("на 2023-2026 годы 2023 г.")
    assert lines[1] == "паспорт программы развития"  # the contents inside the line are recognised and skipped


def test_long_running_text_is_not_broken() -> None:
    """Only an opening line with an approval block inside is a flattened document."""
    text = "В районе состоялся семинар. " * 30 + "Программа развития школы обсуждалась."
    assert opening_lines(_document(text)) == [normalize(text)]


def test_a_cited_order_number_is_not_the_letters_own() -> None:
    document = _parse(OPENINGS / "unknown__38_institute_survey_notice.txt")
    reading, _ = read(document)
    assert reading.form.letter_marks == ["обращение «Уважаемые…»", "просьба или сообщение адресату"]
    assert not reading.form.signed
    assert classify(document).doc_type == "unknown"


def test_info_card_rows_and_site_banners_are_skipped() -> None:
    head = opening(_parse(OPENINGS / "development_program__06_info_card_first.txt"))
    assert "визитная карточка" not in head and "адрес:" not in head
    head = opening(_parse(OPENINGS / "program__18_regional_annex_banner.txt"))
    assert head.startswith("региональная программа повышения качества образования")


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seeds not available")
@pytest.mark.parametrize(
    ("name", "doc_type"),
    [
        ("000_481476588ec36cd2.txt", "press_release"),
        ("001_54358c79059352d1.txt", "plan_schedule"),
        ("003_6744958234f096d9.txt", "system_description"),
        ("004_5084d0d812c3a86f.txt", "info_report"),
    ],
)
def test_seeds(name: str, doc_type: str) -> None:
    assert classify(_parse(SEEDS / name)).doc_type == doc_type


def test_self_examination_is_not_a_programme_report_unless_it_names_the_programme() -> None:
    """A school's statutory self-examination report is none of the types; a programme справка that reviews the
    self-examination reports of «500+» schools names the programme in its title and stays an information report."""
    body = "В 2023 году обучались 412 обучающихся; доля обучающихся с отметками «4» и «5» составила 41 %."
    own = classify(_document("Информационная справка по итогам самообследования МБОУ «СОШ № 12» за 2023 год", body))
    assert (own.doc_type, own.candidates[0].doc_type) == ("unknown", "info_report")
    assert own.reason == "похоже на отчёт о самообследовании школы, а не на информационную справку программы"
    assert own.reason_text("en") == "looks like a school self-examination report, not a programme information report"
    review = classify(
        _document("Информационная справка по итогам самообследования школ – участниц проекта «500+» за 2023 год", body)
    )
    assert (review.doc_type, review.reason) == ("info_report", None)


def test_development_programme_passport_is_not_the_transition_programmes() -> None:
    """«Паспорт программы развития» supports the development programme; a bare «Паспорт программы» the
    transition programme."""
    reading, _ = read(_parse(OPENINGS / "development_program__09_draft_mark_approval_blocks.txt"))
    scores = {s.doc_type: s for s in decide(load(), reading).ranked}
    assert scores["program"].score == 0.0
    contents = classify(_parse(OPENINGS / "development_program__11_contents_only_web_copy.txt"))
    assert (contents.doc_type, contents.evidence[0]) == ("development_program", "1. паспорт программы развития 3")
    # a passport named inside a sentence is no heading
    named = classify(_document("Управляющий совет рассмотрел паспорт программы развития школы.", "Решили: одобрить."))
    assert named.doc_type == "unknown"


def test_title_after_the_top_of_a_title_page() -> None:
    """A draft mark, the school's name on several lines and three approval blocks stand over the title."""
    reading, _ = read(_parse(OPENINGS / "development_program__09_draft_mark_approval_blocks.txt"))
    assert reading.title == "программа развития на 2025-2029 годы\nс. луговое\n2025"
    # the school's name before the title on one line
    reading, _ = read(_parse(OPENINGS / "development_program__10_school_name_first_line.txt"))
    assert reading.title.startswith("программа развития школы минпросвещения россии")
    # a running sentence further down is no title
    document = _document(
        "3. Требования к программе",
        "Программа развития школы должна содержать цели, задачи, показатели и план мероприятий.",
    )
    assert classify(document).doc_type == "unknown"


def test_medium_term_comes_from_the_title_or_the_passport() -> None:
    """A general programme's introduction may plan «на среднесрочную перспективу»: that is no «500+» programme."""
    from checker.classify.subkind import development_subkind

    intro = "1. введение\nпрограмма определяет пути развития учреждения на среднесрочную перспективу."
    assert development_subkind("программа развития на 2021-2025 годы", intro) == "general"
    assert development_subkind("среднесрочная программа развития мбоу сош № 3", intro) == "medium_term"
    assert development_subkind('программа развития школы в проекте "500+"', "") == "medium_term"
    passport = 'паспорт программы\nнаименование программы | программа развития школы - участницы проекта "500+"'
    assert development_subkind("программа развития мбоу сош № 3", passport) == "medium_term"
    assert development_subkind("программа развития", "наименование программы: среднесрочная программа развития") == (
        "medium_term"
    )
