"""Tokens and lemmas (pymorphy3), cached: lemmas are for matching only, never for display."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pymorphy3

TOKEN = re.compile(r"[а-яa-z0-9]+(?:-[а-яa-z0-9]+)*")
_CYRILLIC = re.compile(r"[а-я]")


@lru_cache(maxsize=1)
def analyzer() -> pymorphy3.MorphAnalyzer:
    import pymorphy3  # heavy dictionaries: load on first use only

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """Normal form of one folded word; words without Cyrillic (numbers, latin) stay as they are."""
    if not _CYRILLIC.search(word):
        return word
    morph = analyzer()
    # short unknown words are abbreviations (ШНОР, ШССУ, ТМС): pymorphy would "inflect" them
    if len(word) <= 5 and not morph.word_is_known(word):
        return word
    return morph.parse(word)[0].normal_form.replace("ё", "е")


def tokens(folded: str) -> list[tuple[str, int, int]]:
    """(token, start, end) over folded text."""
    return [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(folded)]


def lemmatize(folded: str) -> str:
    """A phrase's lemmas joined by single spaces."""
    return " ".join(lemma(t) for t, _, _ in tokens(folded))


@lru_cache(maxsize=200_000)
def can_be(word: str, grammemes: frozenset[str]) -> bool:
    """Whether one folded word has a reading (pymorphy3) with all these grammemes: «департаментом» can be
    {NOUN, ablt}, «козырева» can be {Surn}; a word with no Cyrillic has none."""
    if not _CYRILLIC.search(word):
        return False
    return any(grammemes <= parse.tag.grammemes for parse in analyzer().parse(word))
