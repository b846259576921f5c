"""`phrases`: any_of / all_of / none_of, each matched on lemmas, as text or by regex."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from pydantic import Field, model_validator

from checker.engine.context import CheckContext
from checker.engine.rule import Outcome, Pattern, RuleBase


class PhrasesRule(RuleBase):
    kind: Literal["phrases"]
    any_of: list[Pattern] = Field(default_factory=list, description="at least one must appear")
    all_of: list[Pattern] = Field(default_factory=list, description="every one must appear")
    none_of: list[Pattern] = Field(default_factory=list, description="none may appear")

    @model_validator(mode="after")
    def _something_to_check(self) -> PhrasesRule:
        if not (self.any_of or self.all_of or self.none_of):
            raise ValueError("нужен хотя бы один список: any_of, all_of или none_of")
        return self

    def check(self, ctx: CheckContext) -> Iterable[Outcome]:
        units = self.units(ctx)
        first_hit = None
        missing: list[str] = []
        if self.any_of:
            hits = [p.matcher(ctx).search(units) for p in self.any_of]
            found = [h for h in hits if h is not None]
            if found:
                first_hit = found[0]
            else:
                missing.append(" / ".join(p.label for p in self.any_of))
        for pattern in self.all_of:
            hit = pattern.matcher(ctx).search(units)
            if hit is None:
                missing.append(pattern.label)
            elif first_hit is None:
                first_hit = hit
        forbidden = []
        for pattern in self.none_of:
            for hit in pattern.matcher(ctx).finditer(units):
                forbidden.append(hit)
        if forbidden:
            hit = forbidden[0]
            yield Outcome.from_hit(False, hit, found=hit.text, missing=", ".join(missing))
            return
        yield Outcome.from_hit(
            not missing, first_hit, missing=", ".join(missing), found=first_hit.text if first_hit else ""
        )
