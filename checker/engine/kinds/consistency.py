"""`consistency`: one proper name spelled two ways («Грачевском» / «Гачевском»).

Candidates are capitalised words that are proper names (pymorphy tags) or unknown to the
dictionary; a common word at the start of a sentence is not a candidate. Words are compared by
lemma, so inflection («Грачевский» / «Грачевском») never counts; two lemmas within edit distance
1–2 that share a long prefix or suffix are one name misspelt, and the rarer spelling is flagged. Two
surnames, two place names the dictionary knows (Geox: «Рязань» / «Казань»), or a place and the adjective made from
it («Веселовка» / «Веселовская»), are never one name misspelt."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import Literal

from pydantic import Field
from rapidfuzz.distance import Levenshtein

from checker.engine.context import CheckContext
from checker.engine.rule import Outcome, RuleBase
from checker.language.morphology import analyzer, lemma
from checker.language.numerals import agree
from checker.language.text import snippet

_CAPITALISED = re.compile(r"(?<![\w-])[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)*")
_PROPER = {"Geox", "Name", "Surn", "Patr", "Orgn", "Trad"}
_SENTENCE_START = re.compile(r"(^|[.!?:;•·\-–—\n]\s*|^\s*\d+[.)]\s*)$")


def _common_affix(a: str, b: str) -> int:
    prefix = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    suffix = next((i for i, (x, y) in enumerate(zip(a[::-1], b[::-1], strict=False)) if x != y), min(len(a), len(b)))
    return max(prefix, suffix)


def _sentence_initial(text: str, start: int) -> bool:
    """Only the last few characters matter; searching the whole prefix was quadratic per block.
    A longer prefix gets a non-space marker in front so the `^` alternatives cannot match mid-text."""
    if start <= 16:
        return bool(_SENTENCE_START.search(text[:start]))
    return bool(_SENTENCE_START.search("x" + text[start - 16 : start]))


@lru_cache(maxsize=65536)
def _is_name(word: str, sentence_initial: bool) -> bool:
    morph = analyzer()
    low = word.lower().replace("ё", "е")
    if not morph.word_is_known(low):
        return True
    parses = morph.parse(low)
    if any(_PROPER & set(str(p.tag).replace(" ", ",").split(",")) for p in parses[:2]):
        return True
    # a known common word: a name only when capitalised in mid-sentence (e.g. «Развитие образования»)
    return not sentence_initial


@lru_cache(maxsize=65536)
def _is_person(word: str) -> bool:
    """A surname, first name or patronymic by the dictionary's best readings."""
    parses = analyzer().parse(word.lower().replace("ё", "е"))
    return any({"Surn", "Name", "Patr"} & set(str(p.tag).replace(" ", ",").split(",")) for p in parses[:2])


@lru_cache(maxsize=65536)
def _is_place(word: str) -> bool:
    """A place name the dictionary knows (Geox among its best readings): «Рязань» and «Казань» are two cities."""
    parses = analyzer().parse(word.lower().replace("ё", "е"))
    return any("Geox" in str(p.tag) for p in parses[:2])


_PLACE_ADJECTIVE = re.compile(r"(ск|цк)(ий|ой)$")


@lru_cache(maxsize=65536)
def _place_and_its_adjective(adjective_lemma: str, other: str) -> bool:
    """«Веселовская» (school) and «Веселовка» (village), «Кировский» and «Кировск»: an adjective in -ский/-цкий
    and a noun the dictionary reads as the word it is made from (the adjective's stem plus a short ending:
    «-ка», «-о», «-ск»). A misspelt adjective («Веселовкая») has no noun reading and stays a candidate."""
    if not _PLACE_ADJECTIVE.search(adjective_lemma) or _PLACE_ADJECTIVE.search(lemma(other.lower())):
        return False
    stem = adjective_lemma[:-4]
    return any(
        p.tag.POS == "NOUN"
        and p.normal_form.replace("ё", "е").startswith(stem)
        and len(p.normal_form) - len(stem) <= 3
        and not _PLACE_ADJECTIVE.search(p.normal_form)
        for p in analyzer().parse(other.lower().replace("ё", "е"))
    )


class ConsistencyRule(RuleBase):
    kind: Literal["consistency"]
    min_length: int = Field(6, ge=3, description="shorter words are not compared")
    max_distance: int = Field(2, ge=1, le=3)
    min_affix: int = Field(4, ge=2, description="the shared prefix or suffix a misspelling keeps")

    def check(self, ctx: CheckContext) -> Iterable[Outcome]:
        counts: Counter[str] = Counter()
        where: dict[str, tuple] = {}
        for unit in self.units(ctx):
            text = unit.text.clean
            for m in _CAPITALISED.finditer(text):
                word = m.group(0)
                if len(word) < self.min_length:
                    continue
                initial = _sentence_initial(text, m.start())
                if not _is_name(word, initial):
                    continue
                lem = "-".join(lemma(p) for p in word.lower().replace("ё", "е").split("-"))
                counts[lem] += 1
                where.setdefault(lem, (word, unit, m.start(), m.end()))
        names = sorted(counts)
        flagged = False
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                if abs(len(a) - len(b)) > self.max_distance:
                    continue
                distance = Levenshtein.distance(a, b)
                if not 1 <= distance <= self.max_distance or _common_affix(a, b) < self.min_affix:
                    continue
                # differing only in the last letters is an inflection the lemmatiser guessed apart
                stem = min(len(a), len(b)) - self.max_distance
                if a[:stem] == b[:stem]:
                    continue
                # a misspelling keeps the first letter («Грачевском» / «Гачевском»); «Макарова» and
                # «Захарова» are two people, and so are any two surnames
                if a[0] != b[0] or (_is_person(where[a][0]) and _is_person(where[b][0])):
                    continue
                # two real places are two places, never one misspelt
                if _is_place(where[a][0]) and _is_place(where[b][0]):
                    continue
                # a place and the adjective made from it («Веселовка» / «Веселовская школа») are two words
                if _place_and_its_adjective(a, where[b][0]) or _place_and_its_adjective(b, where[a][0]):
                    continue
                rare, usual = (a, b) if counts[a] < counts[b] or (counts[a] == counts[b] and a > b) else (b, a)
                word, unit, start, end = where[rare]
                flagged = True
                yield Outcome(
                    False,
                    {
                        "found": word,
                        "expected": where[usual][0],
                        "count": counts[usual],
                        "times": agree(counts[usual], "раз"),
                    },
                    snippet(unit.text.clean, start, end),
                    unit.location,
                )
        if not flagged:
            yield Outcome(True, {"found": "—"})
