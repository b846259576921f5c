"""`count`: a number tied to a phrase (`24 представителя`) compared with bounds."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from pydantic import Field, field_validator

from checker.engine.context import CheckContext
from checker.engine.rule import Outcome, RuleBase, valid_regex
from checker.language.matching import Hit
from checker.safe_regex import compile_pattern


class CountRule(RuleBase):
    kind: Literal["count"]
    pattern: str = Field(description="regex on the normalised text with a named group (?P<n>\\d+)")
    min: int | None = None
    max: int | None = None

    @field_validator("pattern")
    @classmethod
    def _has_group(cls, value: str) -> str:
        compiled = valid_regex(value)
        if "n" not in compiled.groupindex:
            raise ValueError("в выражении нужна именованная группа (?P<n>\\d+) с числом")
        return value

    def check(self, ctx: CheckContext) -> Iterable[Outcome]:
        compiled = compile_pattern(self.pattern, re.IGNORECASE)
        expected = _bounds(self.min, self.max)
        for unit in self.units(ctx):
            m = compiled.search(unit.text.folded)
            if m is None:
                continue
            number = int(m.group("n"))
            ok = (self.min is None or number >= self.min) and (self.max is None or number <= self.max)
            yield Outcome.from_hit(ok, Hit(unit, m.start(), m.end()), found=number, expected=expected)
            return
        yield Outcome(False, {"found": "—", "expected": expected})


def _bounds(low: int | None, high: int | None) -> str:
    if low is not None and high is not None:
        return f"{low}–{high}"
    if low is not None:
        return f"≥ {low}"
    if high is not None:
        return f"≤ {high}"
    return "число"
