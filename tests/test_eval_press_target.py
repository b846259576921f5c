"""The evaluation set's press releases name the schools the programme works for (PR-TARGET-001) unless the
defect `no_target_schools` is seeded: a topic that does not name them («Школьная система повышения
квалификации») gets a sentence that does, in each author's words."""

from __future__ import annotations

import sys
from pathlib import Path
from random import Random

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench" / "eval"))

from genres_events import TARGET_TOPICS, TOPICS, press_release  # noqa: E402
from model import Para, Passport  # noqa: E402

from checker.engine.examples import example_outcome  # noqa: E402
from checker.engine.pack import load_pack  # noqa: E402
from checker.paths import rules_dir  # noqa: E402


def _text(elements: list) -> str:
    lines: list[str] = []
    for element in elements:
        if isinstance(element, Para):
            lines.append(element.text)
        elif isinstance(element, Passport):
            lines += [f"{label}: {value}" for label, value in element.pairs]
    return "\n".join(lines) + "\n"


def _built(author: str, defects: set[str]):
    """The first press release of the author whose topic does not name the target schools."""
    for seed in range(500):
        built = press_release(Random(seed), author, set(defects))
        if built.subkind != "announcement" and not any(topic in built.title for topic in TARGET_TOPICS):
            text = _text(built.elements)
            if not any(topic in text for topic in TARGET_TOPICS):
                return built, text
    raise AssertionError(f"no press release of author {author} with a topic outside the target ones")


def _outcome(text: str) -> str:
    rule = next(r for r in load_pack(rules_dir() / "press_release.yaml").rules if r.id == "PR-TARGET-001")
    return example_outcome(rule, "press_release", text)


def test_some_topics_do_not_name_the_target_schools() -> None:
    assert set(TOPICS) - TARGET_TOPICS == {
        "Наставничество как ресурс повышения качества преподавания",
        "Повышение учебной мотивации: от диагностики к практике",
        "Объективность оценивания и использование результатов ВПР",
        "Школьная система повышения квалификации: первые шаги",
    }


@pytest.mark.parametrize("author", ["A", "B", "C", "D"])
def test_a_clean_press_release_names_the_target_schools(author: str) -> None:
    _, text = _built(author, set())
    assert _outcome(text) == "pass"


@pytest.mark.parametrize("author", ["A", "B", "C", "D"])
def test_the_seeded_defect_leaves_them_out(author: str) -> None:
    _, text = _built(author, {"no_target_schools"})
    assert _outcome(text) == "fail"
