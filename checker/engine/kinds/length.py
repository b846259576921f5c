"""`length`: the document's text length in characters lies within bounds."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from pydantic import Field, model_validator

from checker.engine.context import CheckContext
from checker.engine.rule import Outcome, RuleBase
from checker.language.numerals import agree


class LengthRule(RuleBase):
    kind: Literal["length"]
    min_chars: int | None = Field(None, ge=0)
    max_chars: int | None = Field(None, ge=1)

    @model_validator(mode="after")
    def _bounds(self) -> LengthRule:
        if self.min_chars is None and self.max_chars is None:
            raise ValueError("укажите min_chars и/или max_chars")
        return self

    def check(self, ctx: CheckContext) -> Iterable[Outcome]:
        size = sum(len(u.text.clean) for u in self.units(ctx))
        ok = (self.min_chars is None or size >= self.min_chars) and (
            self.max_chars is None or size <= self.max_chars
        )
        if self.min_chars is not None and self.max_chars is not None:
            expected = f"{self.min_chars}–{agree(self.max_chars, 'знак')}"
        elif self.min_chars is not None:
            expected = f"не меньше {agree(self.min_chars, 'знак')}"
        else:
            expected = f"не больше {agree(self.max_chars or 0, 'знак')}"
        yield Outcome(ok, {"found": size, "chars": agree(size, "знак"), "expected": expected})
