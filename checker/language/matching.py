r"""Matching phrases against the text layer: by lemmas, by folded text, or by regex; and
fuzzy scoring of heading-like lines (toolchain.md §4).

A pack's regex may hold groups named `tag_<grammemes>` («(?P<tag_NOUN_ablt>управлени\w*)»,
«(?P<tag_Name>\w+)\s+(?P<tag_Patr>\w+)»; a trailing «_2» repeats a group's tags under a new name): a match
counts only when every word such a group captured can take all those grammemes (pymorphy3). So a rule says
«an organisation in the instrumental» or «a place in the locative» by case, not by lists of endings. A match
its tags refuse is not tried again with other word splits: write one pattern per word order. A hit keeps the
named groups that took part (a rule kind may judge them: `event` in phrases)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from rapidfuzz import fuzz

from checker.language.lexicon import Lexicon
from checker.language.morphology import TOKEN, analyzer, can_be, lemmatize
from checker.language.normalize import normalize
from checker.language.text import AnalyzedText, Unit
from checker.safe_regex import compile_pattern

MatchMode = Literal["lemma", "text", "regex"]
# «3.1.», «3 1» (a lemma string keeps the digits as separate words), «IV.», «Раздел 2.»
_MISSES_KEPT = 4096  # per phrase; a full memory starts over
_NUMBERING = re.compile(r"^(?:(?:\d+[.)]?\s*)+|[ivxlc]+[.)]\s*|раздел \d+[.:]?\s*)+")
_TAG_GROUP = re.compile(r"^tag_(?P<grammemes>[A-Za-z-]+(?:_[A-Za-z-]+)*)(?:_\d+)?$")


@dataclass
class Hit:
    unit: Unit
    start: int  # span in unit.text.clean
    end: int
    groups: dict[str, str] = field(default_factory=dict)  # a regex's named groups that took part in the match

    @property
    def text(self) -> str:
        return self.unit.text.clean[self.start : self.end]


class PhraseMatcher:
    """One phrase compiled once; `search` walks the units of a document."""

    def __init__(self, phrase: str, mode: MatchMode = "lemma", gap: int = 0, lexicon: Lexicon | None = None):
        self.phrase = phrase
        self.mode = mode
        self._misses: dict[str, None] = {}  # texts known not to contain the phrase (bounded)
        self._tags: list[tuple[str, frozenset[str]]] = []
        if mode == "regex":
            self.pattern: Any = compile_pattern(phrase, re.IGNORECASE | re.MULTILINE)
            self._tags = tag_groups(self.pattern.groupindex)
        elif mode == "text":
            self.pattern = re.compile(re.escape(normalize(phrase)))
        else:
            base = lemmatize(normalize(phrase))
            variants = lexicon.expand(base) if lexicon else [base]
            joiner = rf"(?: \S+){{0,{gap}}} " if gap else " "
            alternatives = [joiner.join(map(re.escape, v.split())) for v in variants if v]
            self.pattern = re.compile(r"(?<!\S)(?:" + "|".join(alternatives) + r")(?!\S)")

    def finditer(self, units: Iterable[Unit]) -> Iterator[Hit]:
        misses = self._misses
        for unit in units:
            haystack = unit.text.lemma_string if self.mode == "lemma" else unit.text.folded
            if haystack in misses:
                continue  # several rules and scopes search the same paragraph with the same phrase
            found = False
            for m in self.pattern.finditer(haystack):
                if self._tags and not self._agrees(m):
                    continue
                found = True
                if self.mode == "lemma":
                    start, end = unit.text.lemma_span_to_chars(m.start(), m.end())
                    yield Hit(unit, start, end)
                    continue
                groups = {k: v for k, v in m.groupdict().items() if v} if self.mode == "regex" else {}
                yield Hit(unit, m.start(), m.end(), groups)
            if not found:
                if len(misses) >= _MISSES_KEPT:
                    misses.clear()
                misses[haystack] = None

    def search(self, units: Iterable[Unit]) -> Hit | None:
        return next(self.finditer(units), None)

    def _agrees(self, match: Any) -> bool:
        """Every word of every `tag_…` group that took part in the match can take the group's grammemes."""
        for name, grammemes in self._tags:
            captured = match.group(name)
            if captured and not all(can_be(word, grammemes) for word in TOKEN.findall(captured)):
                return False
        return True


def tag_groups(groupindex: dict[str, int]) -> list[tuple[str, frozenset[str]]]:
    """The `tag_…` groups of a pattern and their grammemes; an unknown grammeme is an error in the pack."""
    groups = []
    for name in groupindex:
        shape = _TAG_GROUP.match(name)
        if shape is None:
            continue
        grammemes = frozenset(shape["grammemes"].split("_"))
        unknown = sorted(grammemes - analyzer().TagClass.KNOWN_GRAMMEMES)
        if unknown:
            raise ValueError(f"группа «{name}»: неизвестные граммемы pymorphy3: {', '.join(unknown)}")
        groups.append((name, grammemes))
    return groups


@dataclass
class HeadingScore:
    unit: Unit
    score: float  # 0..100, rapidfuzz on lemma strings
    coverage: float  # share of the line's words that belong to the heading


def strip_numbering(lemma_string: str) -> str:
    return _NUMBERING.sub("", lemma_string).strip()


# Words every heading of a plan may carry («… реализации программы развития школы»): they say nothing
# of which section it is, so a line that shares only them with a heading is not that heading.
_GENERIC = frozenset({
    "реализация", "программа", "развитие", "школа", "проект", "образовательный", "организация", "учреждение",
    "муниципальный", "региональный", "и", "в", "во", "на", "по", "для", "с", "со", "о", "об", "от", "к", "из", "за",
})  # fmt: skip


def _near(word: str, words: Iterable[str]) -> bool:
    return any(word == x or fuzz.ratio(word, x) >= 85 for x in words)


def heading_score(wanted_lemmas: str, line: AnalyzedText) -> tuple[float, float]:
    """Score a heading-like line against a wanted heading. token_set_ratio is 100 for any superset,
    so coverage (how much of the line the heading explains) keeps sentences from counting; and a line
    must carry at least half of the heading's own words (not only «реализации программы»): a passport row
    «Сроки реализации программы» is not «Ожидаемые результаты реализации программы»."""
    candidate = strip_numbering(line.lemma_string)
    if not candidate:
        return 0.0, 0.0
    wanted = set(wanted_lemmas.split())
    words = candidate.split()
    own = [w for w in wanted if w not in _GENERIC and not w.isdigit()]
    if own and sum(1 for w in own if _near(w, words)) * 2 < len(own):
        return 0.0, 0.0
    score = max(fuzz.token_set_ratio(wanted_lemmas, candidate), fuzz.ratio(wanted_lemmas, candidate))
    covered = sum(1 for w in words if _near(w, wanted))
    return float(score), covered / len(words)


def best_heading(
    wanted: list[str], units: Iterable[Unit], max_words: int = 14
) -> tuple[HeadingScore | None, str | None]:
    """The best heading-like unit for any of the wanted phrasings, and the phrasing that matched."""
    best: HeadingScore | None = None
    best_phrase: str | None = None
    wanted_lemmas = [(w, lemmatize(normalize(w))) for w in wanted]
    for unit in units:
        if unit.block.kind != "heading" and unit.text.words > max_words:
            continue
        for phrase, lemmas in wanted_lemmas:
            score, coverage = heading_score(lemmas, unit.text)
            weighted = score * min(1.0, coverage / 0.6)
            if best is None or weighted > best.score * min(1.0, best.coverage / 0.6):
                best, best_phrase = HeadingScore(unit, score, coverage), phrase
    return best, best_phrase
