"""`section`: a required heading, found fuzzily on lemmas among heading-like lines."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from pydantic import Field

from checker.engine.context import CheckContext
from checker.engine.rule import Outcome, RuleBase
from checker.language.matching import best_heading


class SectionRule(RuleBase):
    kind: Literal["section"]
    names: list[str] = Field(min_length=1, description="the heading and its synonyms")
    threshold: float = Field(85, ge=50, le=100, description="minimal fuzzy score (0-100) on lemmas")
    min_coverage: float = Field(0.6, ge=0, le=1, description="share of the line the heading must explain")
    max_words: int = Field(14, ge=1, description="longer non-heading lines are not candidates")

    def check(self, ctx: CheckContext) -> Iterable[Outcome]:
        best, phrase = best_heading(self.names, self.units(ctx), self.max_words)
        section = self.names[0]
        if best is None:
            yield Outcome(False, {"section": section, "best": "—", "score": 0})
            return
        found = best.unit.text.clean
        passed = best.score >= self.threshold and best.coverage >= self.min_coverage
        yield Outcome(
            passed,
            {"section": section, "found": found, "best": found, "score": round(best.score), "matched": phrase},
            found,
            best.unit.location,
        )
