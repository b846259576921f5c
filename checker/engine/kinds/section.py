"""`section`: a required heading, found fuzzily on lemmas among heading-like lines.

A heading counts with numbering and extra words after the wanted name («3.1. План действий по основным
направлениям» for «План действий»), and a label line counts as its section («Цель – …», «Цель программы:»,
a passport row «Цель программы | …»). A heading seen only on the contents page is a doubt, not a defect:
the section is planned, but the parser did not find it in the body («не удалось проверить»)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from pydantic import Field

from checker.engine.context import CheckContext
from checker.engine.rule import Localized, Outcome, RuleBase
from checker.engine.unverified import UNSEEN, blind_spot
from checker.language.matching import best_heading, strip_numbering
from checker.language.morphology import lemmatize
from checker.language.normalize import normalize
from checker.language.text import Unit

_NEAR = 70  # a failing heading is shown as the nearest line only from this score up
_NUMBER_TOKENS = re.compile(r"^(?:(?:\d+|[ivxlc]+|раздел|глава)\s+)+")
_LABEL_END = re.compile(r"^\s*[:\-.)]|^\s*$")
_ONLY_CONTENTS = Localized(
    ru="Не удалось проверить: раздел «{section}» есть только в оглавлении («{best}»), в тексте он не найден — "
    "проверьте вручную.",
    en="Could not be checked: the section «{section}» is only in the contents («{best}»), not found in the body; "
    "check it by hand.",
)

_NOT_STYLED = Localized(
    ru="Не удалось проверить: строка «{best}» начинается с названия раздела «{section}», но не оформлена как "
    "заголовок (возможно, это строка оглавления) — проверьте вручную.",
    en="Could not be checked: the line «{best}» opens with the name of the section «{section}» but is not styled "
    "as a heading (perhaps a contents line); check it by hand.",
)


def loose_prefix(names: list[str], units: Iterable[Unit], max_words: int) -> Unit | None:
    """A short line that opens with one of the names but is neither a heading nor a label («4 / Ожидаемые
    результаты реализации…» of a contents page whose page numbers stand on their own lines)."""
    wanted = [lemmatize(normalize(name)) for name in names]
    for unit in units:
        if unit.text.words > max_words:
            continue
        stripped = _NUMBER_TOKENS.sub("", strip_numbering(unit.text.lemma_string))
        if any(t and (stripped == t or stripped.startswith(t + " ")) for t in wanted):
            return unit
    return None


def heading_prefix(names: list[str], units: Iterable[Unit], max_words: int) -> tuple[Unit, str] | None:
    """The first unit that opens with one of the names (after numbering): a heading with extra words, or
    a label line («Цель – …», «Цель программы:»)."""
    wanted = [(name, lemmatize(normalize(name))) for name in names]
    for unit in units:
        lemmas = unit.text.lemma_string
        stripped = _NUMBER_TOKENS.sub("", strip_numbering(lemmas))
        if not stripped:
            continue
        offset = len(lemmas) - len(stripped)
        for name, target in wanted:
            if not target or not (stripped == target or stripped.startswith(target + " ")):
                continue
            if unit.block.kind == "heading" and unit.text.words <= max_words * 2:
                return unit, name
            _, end = unit.text.lemma_span_to_chars(offset, offset + len(target))
            rest = unit.text.folded[end:]
            if _LABEL_END.match(rest) or (unit.location.table is not None and unit.text.words <= max_words):
                return unit, name
    return None


class SectionRule(RuleBase):
    kind: Literal["section"]
    names: list[str] = Field(min_length=1, description="the heading and its synonyms")
    threshold: float = Field(85, ge=50, le=100, description="minimal fuzzy score (0-100) on lemmas")
    min_coverage: float = Field(0.6, ge=0, le=1, description="share of the line the heading must explain")
    max_words: int = Field(14, ge=1, description="longer non-heading lines are not candidates")
    inside: list[str] = Field(
        default_factory=list,
        description="names also accepted anywhere inside a heading («4.1. Направления, цели, задачи, этапы»)",
    )

    def check(self, ctx: CheckContext) -> Iterable[Outcome]:
        units = self.units(ctx)
        section = self.names[0]
        prefix = heading_prefix(self.names, units, self.max_words)
        if prefix is not None:
            unit, name = prefix
            found = unit.text.clean if len(unit.text.clean) <= 160 else unit.text.clean[:159] + "…"
            yield Outcome(True, {"section": section, "found": found, "best": found, "score": 100, "matched": name},
                          found, unit.location)  # fmt: skip
            return
        inner = self._inside_heading(units)
        if inner is not None:
            found = inner.text.clean if len(inner.text.clean) <= 160 else inner.text.clean[:159] + "…"
            yield Outcome(True, {"section": section, "found": found, "best": found, "score": 100, "matched": section},
                          found, inner.location)  # fmt: skip
            return
        best, phrase = best_heading(self.names, units, self.max_words)
        passed = best is not None and best.score >= self.threshold and best.coverage >= self.min_coverage
        if not passed:
            doubt = blind_spot(ctx)
            if doubt is not None:
                yield Outcome(False, {"section": section, **doubt}, unverified=True, message=UNSEEN)
                return
            contents = self._in_contents(ctx)
            if contents is not None:
                yield Outcome(False, {"section": section, "best": contents.text.clean, "found": contents.text.clean},
                              contents.text.clean, contents.location, unverified=True,
                              message=_ONLY_CONTENTS)  # fmt: skip
                return
            loose = loose_prefix(self.names, units, self.max_words)
            if loose is not None:
                yield Outcome(False, {"section": section, "best": loose.text.clean, "found": loose.text.clean},
                              loose.text.clean, loose.location, unverified=True, message=_NOT_STYLED)  # fmt: skip
                return
        if best is None:
            yield Outcome(False, {"section": section, "best": "—", "score": 0})
            return
        found = best.unit.text.clean
        params = {"section": section, "found": found, "best": found, "score": round(best.score), "matched": phrase}
        if passed or best.score >= _NEAR:
            yield Outcome(passed, params, found, best.unit.location)
        else:  # a far line is no hint: no evidence, no place
            yield Outcome(False, {**params, "best": "—", "found": "—"})

    def _inside_heading(self, units: Iterable[Unit]) -> Unit | None:
        wanted = [f" {lemmatize(normalize(name))} " for name in self.inside]
        if not wanted:
            return None
        for unit in units:
            if unit.block.kind != "heading" or unit.text.words > self.max_words * 2:
                continue
            padded = f" {unit.text.lemma_string} "
            if any(target.strip() and target in padded for target in wanted):
                return unit
        return None

    def _in_contents(self, ctx: CheckContext) -> Unit | None:
        entries = ctx.text.select("contents")
        if not entries:
            return None
        hit = heading_prefix(self.names, entries, self.max_words * 2)
        if hit is not None:
            return hit[0]
        # an entry is a heading of the plan: its name with numbering, extra words and a page number, or one
        # of several sections an entry names («… этапы реализации и ожидаемые результаты … 18»)
        loose = loose_prefix(self.names, entries, self.max_words * 2)
        if loose is not None:
            return loose
        wanted = [f" {lemmatize(normalize(name))} " for name in self.names]
        for entry in entries:
            padded = f" {entry.text.lemma_string} "
            if any(target.strip() and target in padded for target in wanted):
                return entry
        best, _ = best_heading(self.names, entries, self.max_words * 2)
        if best is not None and best.score >= self.threshold and best.coverage >= self.min_coverage * 0.7:
            return best.unit
        return None
