"""Tense of the verbs of a text, from pymorphy3's tags rather than word lists.

Past: finite verbs in the past («провело», «обсудили», «представили», «состоялся») and short passive
participles («проведён», «организован»). Future: perfective verbs in the future («состоится»,
«пройдёт», «обсудят»), «будет/будут» + infinitive or participle, and announcement verbs in the
present («приглашаем», «приглашаются»)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from checker.language.morphology import TOKEN, analyzer

Tense = Literal["past", "future"]
# present-tense verbs that speak of a coming event
_INVITING = {"приглашать", "приглашаться", "планироваться", "начинаться", "ждать"}
# words that are verbs in the dictionary but rarely verbs in these texts (nouns with the same form)
_NOT_VERBS = {"стали", "мой", "три", "дали", "были"}


@dataclass(frozen=True)
class VerbMark:
    tense: Tense
    start: int
    end: int
    word: str


@lru_cache(maxsize=100_000)
def _tense_of(word: str) -> Tense | None:
    if len(word) < 3 or word in _NOT_VERBS:
        return None
    parses = analyzer().parse(word)
    best = parses[0]
    tag = best.tag
    if tag.POS == "VERB":
        if "past" in tag:
            return "past"
        if "futr" in tag:
            return "future"
        if best.normal_form in _INVITING:
            return "future"
        return None
    if tag.POS == "PRTS" and "past" in tag:
        return "past"
    return None


def verb_marks(folded: str) -> Iterator[VerbMark]:
    """Finite verbs (and short participles) with a tense, in order. «будет проведён» is one future mark."""
    previous_future_aux = False
    for m in TOKEN.finditer(folded):
        word = m.group()
        if word in ("будет", "будут"):
            previous_future_aux = True
            yield VerbMark("future", m.start(), m.end(), word)
            continue
        tense = _tense_of(word)
        if tense == "past" and previous_future_aux:
            previous_future_aux = False
            continue  # «будет проведен»: the participle belongs to the future auxiliary
        previous_future_aux = False
        if tense is not None:
            yield VerbMark(tense, m.start(), m.end(), word)


def tense_counts(folded: str) -> dict[Tense, int]:
    counts: dict[Tense, int] = {"past": 0, "future": 0}
    for mark in verb_marks(folded):
        counts[mark.tense] += 1
    return counts
