"""Type detection on a labelled set of document openings (tests/data/openings/<type>__<name>.txt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.classify import classify, opening
from checker.paths import DOC_TYPES

OPENINGS = Path(__file__).parent / "data" / "openings"
FILES = sorted(OPENINGS.glob("*.txt"))
from conftest import SEEDS  # noqa: E402  ($CHECKER_SEEDS or <repo>/../shared/seeds)


def _parse(path: Path):
    from checker.parsers import parse_file

    return parse_file(path)


def _expected(path: Path) -> str:
    return path.name.split("__", 1)[0]


def test_labelled_set_is_big_enough() -> None:
    assert len(FILES) >= 40
    labels = [_expected(f) for f in FILES]
    assert set(labels) <= set(DOC_TYPES)
    for doc_type in DOC_TYPES:
        assert labels.count(doc_type) >= 3, doc_type


def test_accuracy_at_least_95_percent() -> None:
    right = [classify(_parse(f)).doc_type == _expected(f) for f in FILES]
    accuracy = sum(right) / len(right)
    assert accuracy >= 0.95, f"accuracy {accuracy:.2%}"


@pytest.mark.parametrize("path", FILES, ids=[f.stem for f in FILES])
def test_each_opening(path: Path) -> None:
    found = classify(_parse(path))
    assert found.doc_type == _expected(path), (found.doc_type, found.confidence, found.evidence)
    if found.doc_type != "unknown":
        assert found.confidence >= 0.45
        assert found.evidence


def test_opening_skips_menu_and_approval_block() -> None:
    head = opening(_parse(OPENINGS / "program__01_transition.txt"))
    assert head.startswith("программа перехода")
    head = opening(_parse(OPENINGS / "press_release__03_menu_debris.txt"))
    assert head.startswith("пресс-релиз")


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
