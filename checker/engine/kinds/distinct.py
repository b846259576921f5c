"""`distinct`: how many different things a regex finds in a scope (schools named in a header), min/max.

Each pattern may have a named group `key`; matches are told apart by it (e.g. the school number, so
«МБОУ СОШ № 12» and «средней общеобразовательной школы № 12» are one school)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from pydantic import Field, field_validator

from checker.engine.context import CheckContext
from checker.engine.rule import Outcome, RuleBase, valid_regex
from checker.language.text import snippet
from checker.safe_regex import compile_pattern


def _key(text: str) -> str:
    return re.sub(r"[\s\"'«»№]+", "", text)


class DistinctRule(RuleBase):
    kind: Literal["distinct"]
    patterns: list[str] = Field(min_length=1, description="regexes on the normalised text; optional group `key`")
    min: int | None = Field(None, ge=0)
    max: int | None = Field(None, ge=0)

    @field_validator("patterns")
    @classmethod
    def _compile(cls, value: list[str]) -> list[str]:
        for pattern in value:
            valid_regex(pattern)
        return value

    def check(self, ctx: CheckContext) -> Iterable[Outcome]:
        seen: dict[str, tuple] = {}  # key -> (shown text, unit, start, end)
        for unit in self.units(ctx):
            for pattern in self.patterns:
                for m in compile_pattern(pattern, re.IGNORECASE).finditer(unit.text.folded):
                    key = _key(m.group("key") if "key" in m.re.groupindex and m.group("key") else m.group())
                    if key and key not in seen:
                        seen[key] = (unit.text.clean[m.start() : m.end()], unit, m.start(), m.end())
        count = len(seen)
        ok = (self.min is None or count >= self.min) and (self.max is None or count <= self.max)
        shown = "; ".join(v[0] for v in seen.values()) or "—"
        params = {"found": shown, "count": count, "min": self.min, "max": self.max}
        if not seen:
            yield Outcome(ok, params)
            return
        # point at the first extra item when there are too many, else at the first one
        pointed = self.max if self.max is not None and count > self.max else 0
        _, unit, start, end = list(seen.values())[pointed]
        yield Outcome(ok, params, snippet(unit.text.clean, start, end), unit.location)
