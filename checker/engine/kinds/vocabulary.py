"""`vocabulary`: items in a scope must be names from a closed list (fuzzy on lemmas).

Two modes. `extract` (default): every match of `item` (a regex with an optional group `name`)
is an item; each item must be close to one listed name, an unknown one fails. `contains`: some
unit of the scope must contain one listed name (e.g. the title names one risk)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from pydantic import Field, field_validator
from rapidfuzz import fuzz

from checker.engine.context import CheckContext
from checker.engine.rule import Outcome, RuleBase, valid_regex
from checker.language.morphology import lemmatize
from checker.language.normalize import normalize
from checker.language.text import snippet
from checker.safe_regex import compile_pattern


def _lemmas(text: str) -> str:
    return lemmatize(normalize(text))


class VocabularyRule(RuleBase):
    kind: Literal["vocabulary"]
    names: list[str] = Field(min_length=1, description="the closed list of allowed names")
    mode: Literal["extract", "contains"] = "extract"
    item: str = Field(
        r'"(?P<name>[^"]{6,})"',
        description="extract mode: a regex on the normalised text that finds items; group `name` is the item",
    )
    threshold: float = Field(85, ge=50, le=100, description="minimal fuzzy score (0-100) on lemmas")
    min_items: int = Field(0, ge=0, description="extract mode: how many items must be found")
    hint_floor: float = Field(60, ge=0, le=100, description="a closest listed name is offered only at this score")

    @field_validator("item")
    @classmethod
    def _valid_regex(cls, value: str) -> str:
        valid_regex(value)
        return value

    def _vocabulary(self) -> list[tuple[str, str]]:
        if "vocab" not in self._cache:
            self._cache["vocab"] = [(n, _lemmas(n)) for n in self.names]
        return self._cache["vocab"]

    def best(self, text: str, partial: bool = False) -> tuple[str, float]:
        """The closest listed name and its score; lemmas make «низкой учебной мотивации» a match."""
        lem = _lemmas(text)
        scorer = fuzz.partial_ratio if partial else fuzz.token_sort_ratio
        scored = [(name, scorer(vl, lem) if partial else max(scorer(vl, lem), fuzz.ratio(vl, lem)))
                  for name, vl in self._vocabulary()]
        return max(scored, key=lambda x: x[1]) if scored else ("", 0.0)

    def check(self, ctx: CheckContext) -> Iterable[Outcome]:
        units = self.units(ctx)
        if self.mode == "contains":
            yield self._contains(units)
            return
        pattern = compile_pattern(self.item, re.IGNORECASE | re.MULTILINE)
        known: list[str] = []
        failed = False
        for unit in units:
            for m in pattern.finditer(unit.text.folded):
                start, end = m.span("name") if "name" in pattern.groupindex and m.group("name") else m.span()
                raw = unit.text.clean[start:end].strip(' "«».,;:')
                if len(raw) < 4:
                    continue
                name, score = self.best(raw)
                if score >= self.threshold:
                    known.append(name)
                    continue
                failed = True
                hint = name if score >= self.hint_floor else "—"
                closest = f"; ближайший из перечня: «{name}»" if score >= self.hint_floor else ""
                yield Outcome(
                    False,
                    {"found": raw, "best": hint, "score": round(score), "closest": closest},
                    snippet(unit.text.clean, start, end),
                    unit.location,
                )
        if failed:
            return
        if len(known) < self.min_items:
            yield Outcome(False, {"found": "—", "count": len(known), "expected": self.min_items})
            return
        yield Outcome(True, {"found": ", ".join(dict.fromkeys(known)) or "—", "count": len(known)})

    def _contains(self, units: list) -> Outcome:
        best_unit, best_name, best_score = None, "", 0.0
        for unit in units:
            if not unit.text.clean:
                continue
            name, score = self.best(unit.text.clean, partial=True)
            if score > best_score:
                best_unit, best_name, best_score = unit, name, score
        params = {"found": best_name if best_score >= self.threshold else "—", "best": best_name,
                  "score": round(best_score)}
        if best_unit is None:
            return Outcome(False, params)
        return Outcome(best_score >= self.threshold, params, best_unit.text.clean[:200], best_unit.location)
