"""Event genres on documents in the shapes real ones have (fixtures/real_shapes/, written by
fixtures/make_real_shapes_events.py): the right documents pass, each defect is named by exactly one rule,
sub-kinds decide what applies, and the Krasnodar 2018 layer speaks only with its campaign."""

from __future__ import annotations

import functools

import pytest
from conftest import FIXTURES, run_json

SHAPES = FIXTURES / "real_shapes"

# file -> (type, sub-kind or None when not asserted, the exact set of failing rule ids, any severity)
EXPECTED = {
    "press_release/news_school_site.txt": ("press_release", "news", set()),
    "press_release/news_school_site.docx": ("press_release", "news", set()),
    "press_release/news_school_site.pdf": ("press_release", "news", set()),
    "press_release/news_regional_online.txt": ("press_release", None, set()),
    "press_release/release_numbers_in_words.txt": ("press_release", "press_release", set()),
    "press_release/announcement.txt": ("press_release", "announcement", set()),
    "press_release/news_no_venue.txt": ("press_release", "news", {"PR-VENUE-001"}),
    "press_release/release_no_count.txt": ("press_release", "press_release", set()),  # a count: the 2018 campaign
    "press_release/news_no_date.txt": ("press_release", "news", {"PR-DATE-001"}),
    "press_release/news_no_target.txt": ("press_release", "news", {"PR-TARGET-001"}),
    "letter/letter_municipal.txt": ("letter", None, set()),
    "letter/letter_municipal.docx": ("letter", None, set()),
    "letter/letter_esign.txt": ("letter", None, set()),
    "letter/letter_no_number.txt": ("letter", None, {"LT-NUMBER-001"}),
    "letter/letter_no_signature.txt": ("letter", None, {"LT-SIGN-001"}),
    "seminar_program/program_table.txt": ("seminar_program", None, set()),
    "seminar_program/program_table.docx": ("seminar_program", None, set()),
    "seminar_program/program_table.pdf": ("seminar_program", None, set()),
    "seminar_program/program_online.txt": ("seminar_program", None, set()),
    "seminar_program/program_no_time.txt": ("seminar_program", None, {"SP-TIME-001"}),
    "registration_sheet/sheet.docx": ("registration_sheet", None, set()),
    "registration_sheet/sheet.pdf": ("registration_sheet", None, set()),
    "registration_sheet/sheet_no_signature_column.docx": ("registration_sheet", None, {"RS-TABLE-001"}),
    "registration_sheet/sheet_no_signature_column.pdf": ("registration_sheet", None, {"RS-TABLE-001"}),
    "info_report/report_500plus.txt": ("info_report", None, set()),
    # a school-year report without orders or titled events: reminders (info), never errors
    "info_report/report_school_year.txt": ("info_report", None, {"IR-ORDER-001", "IR-EVENT-001"}),
    "info_report/report_no_figures.txt": ("info_report", None, {"IR-NUM-001", "IR-ORDER-001", "IR-EVENT-001"}),
}  # fmt: skip

# the Krasnodar 2018 layer of the event genres (rules/campaigns/krasnodar-2018/)
CAMPAIGN_RULES = {"PR-HEAD-001", "PR-DATE-002", "PR-ORG-001", "PR-TOPIC-001", "PR-CAT-001", "PR-CAT-002",
                  "PR-CONTENT-001", "PR-REF-001", "SP-DATE-002", "LT-SEMINAR-001", "PKG-COMPLETE-001"}


@functools.cache  # one CLI run per document and options, shared by the tests of this file
def _document(name: str, *args: str) -> dict:
    _, report = run_json("check", str(SHAPES / name), *args)
    (document,) = report["documents"]
    return document


def _failing(document: dict) -> set[str]:
    return {f["rule_id"] for f in document["findings"] if f["outcome"] == "fail"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_shapes(name: str) -> None:
    doc_type, subkind, fails = EXPECTED[name]
    document = _document(name)
    assert document["doc_type"] == doc_type
    if subkind is not None:
        assert document["subkind"] == subkind
    assert _failing(document) == fails
    assert not CAMPAIGN_RULES & {f["rule_id"] for f in document["findings"]}
    errors = {f["rule_id"] for f in document["findings"] if f["outcome"] == "fail" and f["severity"] == "error"}
    assert document["verdict"] == ("noncompliant" if errors else "compliant")


def test_counts_in_words_and_any_unit() -> None:
    """The count is a campaign demand (Krasnodar 2018): read in digits or words, with any unit."""
    campaign = ("--campaign", "krasnodar-2018")
    count = next(f for f in _document("press_release/release_numbers_in_words.txt", *campaign)["findings"]
                 if f["rule_id"] == "PR-COUNT-002")
    assert count["outcome"] == "pass"
    assert "более двухсот пятидесяти учителей" in count["message"]
    count = next(f for f in _document("press_release/news_regional_online.txt", *campaign)["findings"]
                 if f["rule_id"] == "PR-COUNT-002")
    assert "40 ШНОР" in count["message"]


def test_venue_is_an_organisation_or_online() -> None:
    for name, words in (("press_release/release_numbers_in_words.txt", "в Управлении образования"),
                        ("press_release/news_regional_online.txt", "в формате видеоконференцсвязи"),
                        ("press_release/news_school_site.txt", "на базе МБОУ «Ивановская СОШ № 3»")):
        venue = next(f for f in _document(name)["findings"] if f["rule_id"] == "PR-VENUE-001")
        assert venue["outcome"] == "pass"
        assert words in venue["evidence"]


def test_announcement_is_not_asked_for_past_tense_or_a_count() -> None:
    findings = {f["rule_id"]: f for f in _document("press_release/announcement.txt")["findings"]}
    assert findings["PR-TENSE-001"]["outcome"] == "not_applicable"
    assert "анонс" in findings["PR-TENSE-001"]["message"]
    assert findings["PR-FUTURE-001"]["outcome"] == "pass"
    assert findings["PR-DATE-001"]["outcome"] == "pass"


def test_news_needs_no_count_and_the_year_may_be_left_out() -> None:
    findings = {f["rule_id"]: f for f in _document("press_release/news_school_site.txt")["findings"]}
    assert not any(rule.startswith("PR-COUNT") for rule in findings)  # a count is the 2018 campaign's demand
    assert findings["PR-DATE-001"]["outcome"] == "pass" and "31 января" in findings["PR-DATE-001"]["evidence"]
    assert findings["PR-TENSE-001"]["outcome"] == "pass"


def test_every_failing_finding_says_how_to_fix() -> None:
    for name in EXPECTED:
        for finding in _document(name)["findings"]:
            if finding["outcome"] == "fail" and finding["severity"] in ("error", "warning"):
                assert finding["suggestion"], (name, finding["rule_id"])


def test_campaign_layer_speaks_only_with_its_campaign() -> None:
    """A 2024 news item is not a 2018 Krasnodar model-seminar release: with that campaign named, the
    campaign's demands are asked (and fail); without it, none of them appear."""
    name = "press_release/news_school_site.txt"
    assert not CAMPAIGN_RULES & {f["rule_id"] for f in _document(name)["findings"]}
    failing = _failing(_document(name, "--campaign", "krasnodar-2018"))
    assert {"PR-HEAD-001", "PR-CAT-001", "PR-REF-001"} <= failing
    assert "PR-VENUE-001" not in failing


def test_ministry_letter_with_an_electronic_signature() -> None:
    findings = {f["rule_id"]: f for f in _document("letter/letter_esign.txt")["findings"]}
    assert findings["LT-SIGN-001"]["outcome"] == "pass"
    assert findings["LT-NUMBER-001"]["outcome"] == "pass" and "N 47-01-13/2011" in findings["LT-NUMBER-001"]["evidence"]


def test_absence_in_a_truncated_text_is_a_doubt_not_an_error() -> None:
    """The parser saw the text stop mid-sentence: «not found» may be «not seen» — a warning to check by hand."""
    from checker.engine.context import CheckContext
    from checker.engine.examples import document_from_text
    from checker.engine.pack import load_pack
    from checker.engine.runner import run_rules
    from checker.paths import rules_dir

    rules = [r for r in load_pack(rules_dir() / "press_release.yaml").rules if r.id in ("PR-VENUE-001", "PR-DATE-001")]
    rules += [r for r in load_pack(rules_dir() / "campaigns" / "krasnodar-2018" / "press_release.yaml").rules
              if r.id == "PR-COUNT-002"]  # fmt: skip
    document = document_from_text((SHAPES / "press_release/release_no_count.txt").read_text(encoding="utf-8"))
    ctx = CheckContext(document=document, doc_type="press_release", subkind="press_release")
    plain = {f.rule_id: (f.outcome, f.severity) for f in run_rules(ctx, rules)}
    assert plain["PR-COUNT-002"] == ("fail", "error")
    document.metadata.suspected = ["truncated"]
    ctx = CheckContext(document=document, doc_type="press_release", subkind="press_release")
    findings = {f.rule_id: f for f in run_rules(ctx, rules)}
    assert findings["PR-COUNT-002"].outcome == "unverified" and findings["PR-COUNT-002"].severity != "error"
    assert "Проверьте вручную." in findings["PR-COUNT-002"].message
    assert findings["PR-VENUE-001"].outcome == "pass"  # what was found stays found


def _press_rules(*ids: str, subkind: str = "press_release", text: str = "") -> dict[str, tuple[str, str]]:
    from checker.engine.context import CheckContext
    from checker.engine.examples import document_from_text
    from checker.engine.pack import load_pack
    from checker.engine.runner import run_rules
    from checker.paths import rules_dir

    rules = [r for r in load_pack(rules_dir() / "press_release.yaml").rules if r.id in ids]
    ctx = CheckContext(document=document_from_text(text), doc_type="press_release", subkind=subkind)
    return {f.rule_id: (f.outcome, f.severity) for f in run_rules(ctx, rules)}


def test_participants_in_words_subject_phrase_visited_school_and_host_body() -> None:
    """Issue 11, real shapes: participants named in words without a count are enough; a subject
    given as a phrase, a visited «…ская школа» as the venue, and the body that presented the materials or
    hosted the event as the organiser."""
    words = ("14 марта 2024 года на базе Института развития образования состоялся семинар кураторов "
             "школ–участниц проекта «500+». В семинаре участвовали директора школ-участников и кураторы. "
             "Материалы представляли специалисты комитета по образованию.")  # fmt: skip
    found = _press_rules("PR-WHO-001", "PR-SUBJ-001", "PR-ORG-002", "PR-VENUE-001", text=words)
    assert found == {"PR-WHO-001": ("pass", "error"), "PR-SUBJ-001": ("pass", "error"),
                     "PR-ORG-002": ("pass", "warning"), "PR-VENUE-001": ("pass", "error")}  # fmt: skip
    visit = ("12 октября 2023 года прошло выездное собеседование с завучами. Петровская школа открыла двери: "
             "посещены уроки, представлен опыт работы муниципальной системы образования.")  # fmt: skip
    found = _press_rules("PR-SUBJ-001", "PR-VENUE-001", text=visit)
    assert found == {"PR-SUBJ-001": ("pass", "error"), "PR-VENUE-001": ("pass", "error")}
    # still a defect: no subject, no venue, no organiser at all
    bare = "Прошел семинар. Приняли участие педагоги."
    found = _press_rules("PR-SUBJ-001", "PR-VENUE-001", "PR-ORG-002", text=bare)
    assert found == {"PR-SUBJ-001": ("fail", "error"), "PR-VENUE-001": ("fail", "error"),
                     "PR-ORG-002": ("fail", "warning")}  # fmt: skip


def test_a_cited_order_number_is_not_the_letters_own_number() -> None:
    """Issue 11: a notice that cites «приказ … от 07.02.2020 № 186-Д» and has neither its own number nor a
    signatory is not a compliant letter: the number fails (an error), the signature fails."""
    from checker.engine.context import CheckContext
    from checker.engine.examples import document_from_text
    from checker.engine.pack import load_pack
    from checker.engine.runner import run_rules
    from checker.paths import rules_dir

    rules = [r for r in load_pack(rules_dir() / "letter.yaml").rules if r.id in ("LT-NUMBER-001", "LT-SIGN-001")]
    notice = ("Руководителям общеобразовательных организаций\n\nОб анкетировании педагогов\n\n"
              "В соответствии с приказом министерства образования от 07.02.2020 № 186-Д институт проводит "
              "анкетирование педагогов с 10 по 20 марта.\n\nПросим обеспечить участие.")  # fmt: skip
    ctx = CheckContext(document=document_from_text(notice), doc_type="letter")
    found = {f.rule_id: (f.outcome, f.severity) for f in run_rules(ctx, rules)}
    assert found == {"LT-NUMBER-001": ("fail", "error"), "LT-SIGN-001": ("fail", "warning")}
    # the same text with its own number and a signatory passes both
    own = "от 03.03.2020 № 01-12/45\n\n" + notice + "\n\nДиректор института И.И. Иванова"
    ctx = CheckContext(document=document_from_text(own), doc_type="letter")
    found = {f.rule_id: (f.outcome, f.severity) for f in run_rules(ctx, rules)}
    assert found == {"LT-NUMBER-001": ("pass", "error"), "LT-SIGN-001": ("pass", "warning")}
