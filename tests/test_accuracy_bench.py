"""The evaluation set (bench/eval) and the metric functions of bench/accuracy.py — no full run."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench" / "eval"))
sys.path.insert(0, str(ROOT / "bench"))

import accuracy  # noqa: E402
import make_eval  # noqa: E402
from writers import to_txt  # noqa: E402

from checker.paths import DOC_TYPES  # noqa: E402


@pytest.fixture(scope="module")
def documents() -> list:
    return make_eval.labelled()


def test_generator_is_deterministic(documents: list) -> None:
    again = make_eval.labelled()
    assert [lab for lab, _, _ in again] == [lab for lab, _, _ in documents]
    assert [to_txt(b.elements, lay) for _, b, lay in again] == [to_txt(b.elements, lay) for _, b, lay in documents]


@pytest.mark.parametrize("fmt", ["docx", "pdf", "txt"])
def test_written_files_are_byte_stable(documents: list, tmp_path: Path, fmt: str) -> None:
    if fmt == "pdf":
        pytest.importorskip("reportlab")
        if not (Path("/usr/share/fonts/truetype/dejavu") / "DejaVuSans.ttf").exists():
            pytest.skip("DejaVu fonts are not installed")
    label, built, layout = next(item for item in documents if item[0].format == fmt)
    first, second = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    make_eval.write_document(label, built, layout, first)
    make_eval.write_document(label, built, layout, second)
    assert first.read_bytes() == second.read_bytes()


def test_committed_labels_match_the_generator(documents: list) -> None:
    committed = accuracy.load_labels()
    generated = {lab.file: lab for lab, _, _ in documents}
    assert set(committed) == set(generated)
    for file, lab in generated.items():
        mine = committed[file]
        assert (mine.doc_type, mine.split, mine.author, mine.subkind, mine.level, mine.defects, mine.format) == (
            lab.doc_type, lab.split, lab.author, lab.subkind, lab.level, lab.defects, lab.format)  # fmt: skip


def test_every_type_has_15_documents_and_40_confusers(documents: list) -> None:
    per_type = Counter(lab.doc_type for lab, _, _ in documents)
    for doc_type in DOC_TYPES:
        if doc_type != "unknown":
            assert per_type[doc_type] >= 15, doc_type
    assert per_type["unknown"] >= 40
    assert set(per_type) == set(DOC_TYPES)
    for doc_type in DOC_TYPES:  # every type in every format, and on both sides of the split
        labs = [lab for lab, _, _ in documents if lab.doc_type == doc_type]
        for split in ("tune", "heldout"):
            assert {lab.format for lab in labs if lab.split == split} == {"docx", "pdf", "txt"}, (doc_type, split)


def test_split_is_by_author(documents: list) -> None:
    for lab, _, _ in documents:
        assert lab.split == ("tune" if lab.author in ("A", "B") else "heldout")
        assert lab.file.startswith(lab.split + "/")


def test_clean_and_defective_documents_and_mapped_concepts(documents: list) -> None:
    typed = [lab for lab, _, _ in documents if lab.doc_type != "unknown"]
    assert sum(1 for lab in typed if not lab.defects) >= len(typed) // 3
    assert all(not lab.defects for lab, _, _ in documents if lab.doc_type == "unknown")
    mapped = {c for concepts in accuracy.load_rule_defects().values() for c in concepts}
    seeded = {c for lab in typed for c in lab.defects}
    assert seeded <= mapped  # every seeded concept is one some rule is meant to find
    assert "no_event_date" in seeded and "period_mismatch" in seeded and "empty_responsible" in seeded


def test_layouts_real_documents_have(documents: list) -> None:
    texts = [to_txt(b.elements, lay) for _, b, lay in documents]
    assert any("|" in t and "Мероприятие" in t for t in texts)  # pipe tables
    assert any("\t" in t for t in texts)  # tab-separated rows
    assert any("....3" in t or ".....3" in t for t in texts)  # contents with dot leaders
    assert any("ПРОЕКТ" in t for t in texts)
    assert any("ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ" in t for t in texts)
    assert any("УТВЕРЖДЕНА приказом" in t for t in texts)
    assert any("педагогического совета" in t and "протокол №" in t for t in texts)
    assert any("Приложение №" in t and "к приказу" in t for t in texts)


# ------------------------------------------------------------------------------------------ metric functions

PAIRS = [("roadmap", "roadmap"), ("roadmap", "unknown"), ("program", "roadmap"), ("unknown", "unknown"),
         ("unknown", "letter")]  # fmt: skip


def test_confusion_accuracy_and_per_class() -> None:
    matrix = accuracy.confusion(PAIRS)
    assert matrix["roadmap"] == Counter({"roadmap": 1, "unknown": 1})
    assert matrix["program"] == Counter({"roadmap": 1})
    assert accuracy.accuracy(PAIRS) == pytest.approx(2 / 5)
    assert accuracy.accuracy([]) is None
    scores = accuracy.per_class(PAIRS)
    assert (scores["roadmap"].support, scores["roadmap"].predicted, scores["roadmap"].correct) == (2, 2, 1)
    assert scores["roadmap"].precision == pytest.approx(0.5) and scores["roadmap"].recall == pytest.approx(0.5)
    assert scores["program"].precision is None and scores["program"].recall == 0
    assert scores["letter"].precision == 0 and scores["letter"].recall is None
    assert scores["unknown"].precision == pytest.approx(0.5) and scores["unknown"].recall == pytest.approx(0.5)


def test_rule_precision_and_concept_recall() -> None:
    mapping = {"R-DATE": ["no_event_date"], "R-CAT": [], "R-TABLE": ["no_deadlines", "no_measures_table"]}
    defects = {"a": {"no_event_date"}, "b": set(), "c": {"no_measures_table"}, "d": {"no_deadlines"}}
    findings = [("a", "R-DATE", "fail"), ("b", "R-DATE", "fail"), ("a", "R-CAT", "fail"), ("c", "R-TABLE", "fail"),
                ("b", "R-NEW", "fail"), ("d", "R-TABLE", "unverified"), ("d", "R-DATE", "pass")]  # fmt: skip
    scores = accuracy.rule_scores(findings, defects, mapping, mistyped={"b"})
    assert (scores["R-DATE"].failing, scores["R-DATE"].right, scores["R-DATE"].on_mistyped) == (2, 1, 1)
    assert scores["R-DATE"].precision == pytest.approx(0.5)
    assert (scores["R-CAT"].failing, scores["R-CAT"].right) == (1, 0)
    assert (scores["R-TABLE"].failing, scores["R-TABLE"].right, scores["R-TABLE"].unverified) == (1, 1, 1)
    assert scores["R-NEW"].mapped is False and scores["R-DATE"].mapped is True
    recall = accuracy.concept_recall(findings, defects, mapping)
    assert recall == {"no_deadlines": (1, 0), "no_event_date": (1, 1), "no_measures_table": (1, 1)}


def test_approval_forms_compare_with_the_report_names() -> None:
    assert accuracy.approval_found("appendix", ["order"])
    assert accuracy.approval_found("council", ["protocol", "order"])
    assert accuracy.approval_found("none", [])
    assert not accuracy.approval_found("none", ["signature"])
    assert not accuracy.approval_found("signature", ["esign"])


def test_score_reads_the_json_report(tmp_path: Path) -> None:
    labels = {
        "heldout/x1.txt": accuracy.Label(file="heldout/x1.txt", split="heldout", author="C", doc_type="press_release",
                                         subkind="news", level="school", format="txt", defects=["no_venue"]),
        "heldout/x2.txt": accuracy.Label(file="heldout/x2.txt", split="heldout", author="D", doc_type="unknown",
                                         format="txt"),
        "tune/x3.txt": accuracy.Label(file="tune/x3.txt", split="tune", author="A", doc_type="letter", format="txt"),
    }  # fmt: skip
    docs_dir = tmp_path / "docs"
    report = {"documents": [
        {"path": str(docs_dir / "heldout/x1.txt"), "doc_type": "press_release", "subkind": "press_release",
         "level": "school", "verdict": "noncompliant",
         "findings": [{"rule_id": "PR-VENUE-001", "outcome": "fail"}, {"rule_id": "PR-CAT-001", "outcome": "fail"},
                      {"rule_id": "PR-DATE-001", "outcome": "fail", "ignored": "accepted"}]},
        {"path": str(docs_dir / "heldout/x2.txt"), "doc_type": "unknown", "verdict": "not_checked", "findings": []},
        {"path": str(docs_dir), "kind": "package", "doc_type": "package", "findings": []},
    ]}  # fmt: skip
    docs = accuracy.documents_by_file(report, docs_dir)
    assert set(docs) == {"heldout/x1.txt", "heldout/x2.txt"}
    mapping = {"PR-VENUE-001": ["no_venue"], "PR-CAT-001": []}
    result = accuracy.score(labels, docs, mapping, "heldout")
    assert result.documents == 2 and result.missing == []
    assert result.type_pairs == [("press_release", "press_release"), ("unknown", "unknown")]
    assert result.subkind_pairs == [("news", "press_release")] and result.level_pairs == [("school", "school")]
    assert result.unknown_verdicts == {"not_checked": 1}
    assert result.type_by == {"author:C": (1, 1), "author:D": (1, 1), "format:txt": (2, 2)}
    assert (result.rules["PR-VENUE-001"].failing, result.rules["PR-VENUE-001"].right) == (1, 1)
    assert (result.rules["PR-CAT-001"].failing, result.rules["PR-CAT-001"].right) == (1, 0)
    assert "PR-DATE-001" not in result.rules  # an accepted (ignored) finding does not count
    assert result.mistakes == ["finding PR-CAT-001 heldout/x1.txt (press_release, seeded no_venue): "]
    text = accuracy.render(result)
    assert "accuracy 100 %" in text and "| PR-VENUE-001 | 1 | 1 | 100 % |" in text
    assert "Reported compliant: 0" in text


def test_write_section_replaces_between_markers(tmp_path: Path) -> None:
    target = tmp_path / "ACC.md"
    target.write_text("# A\n<!-- accuracy:heldout:start -->\nold\n<!-- accuracy:heldout:end -->\ntail\n")
    accuracy.write_section(target, "heldout", "new\n")
    assert target.read_text() == "# A\n<!-- accuracy:heldout:start -->\nnew\n<!-- accuracy:heldout:end -->\ntail\n"
