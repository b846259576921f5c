"""The Russian text layer: normalisation, lemmas, lexicon equivalents, heading matching."""

from __future__ import annotations

from checker.document import Block, Document, Location, Metadata, number_blocks
from checker.language.lexicon import load_lexicon
from checker.language.matching import PhraseMatcher, best_heading, heading_score
from checker.language.morphology import lemma, lemmatize
from checker.language.normalize import clean, fold, normalize
from checker.language.text import AnalyzedText, DocumentText


def test_clean_and_fold_keep_spans() -> None:
    raw = "Кущёвский\u00a0район — «школа-лидер»\u00adы  и\t“ТМС”"
    cleaned = clean(raw)
    assert cleaned == "Кущёвский район — «школа-лидер»ы и “ТМС”"
    folded = fold(cleaned)
    assert folded == 'кущевский район - "школа-лидер"ы и "тмс"'
    assert len(folded) == len(cleaned)
    assert clean("[bookmark: _GoBack]Текст") == "Текст"


def test_lemmas_match_inflections_and_keep_abbreviations() -> None:
    assert lemmatize(normalize("школам с низкими результатами")) == lemmatize(normalize("школы с низким результатом"))
    assert lemma("шнор") == "шнор" and lemma("шссу") == "шссу"  # pymorphy would "inflect" them
    assert lemma("представителя") == "представитель"


def test_lexicon_equivalents() -> None:
    lexicon = load_lexicon()
    variants = lexicon.expand(lemmatize(normalize("специалисты МОУО")))
    assert lemmatize(normalize("специалисты управления образования")) in variants
    units = DocumentText(_doc(["Присутствовали специалисты управления образованием района."])).units
    assert PhraseMatcher("специалист МОУО", "lemma", 0, lexicon).search(units) is not None


def test_lemma_match_with_gap_and_evidence_span() -> None:
    units = DocumentText(_doc(["Директор и заместитель директора школы-лидера выступили."])).units
    hit = PhraseMatcher("директор школы-лидера", "lemma", 3).search(units)
    assert hit is not None and hit.text == "Директор и заместитель директора школы-лидера"
    assert PhraseMatcher("директор школы-лидера", "lemma", 0).search(units) is not None  # «директора школы-лидера»
    assert PhraseMatcher("директор лицея", "lemma", 3).search(units) is None


def test_heading_score_needs_coverage() -> None:
    wanted = lemmatize(normalize("Целевые показатели"))
    score, coverage = heading_score(wanted, AnalyzedText.of("2. Целевые показатели программы"))
    assert score >= 85 and coverage >= 0.6
    score, coverage = heading_score(wanted, AnalyzedText.of("Целевых показателей в плане на этот год не установлено"))
    assert coverage < 0.6  # a sentence that merely contains the words is not the heading


def test_best_heading_reports_near_miss() -> None:
    document = _doc(["Паспорт программы", "Ожидаемых результатов реализации", "Текст раздела."], heading=True)
    best, phrase = best_heading(["Ожидаемые результаты"], DocumentText(document).units)
    assert best is not None and best.unit.text.clean == "Ожидаемых результатов реализации"
    assert phrase == "Ожидаемые результаты"


def _doc(texts: list[str], heading: bool = False) -> Document:
    blocks = [
        Block(kind="heading" if heading and i < 2 else "paragraph", text=t, location=Location())
        for i, t in enumerate(texts)
    ]
    return Document(path="x.txt", blocks=number_blocks(blocks), metadata=Metadata(format="txt"))
