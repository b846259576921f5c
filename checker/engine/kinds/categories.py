"""`categories`: named categories, each with synonyms; all of them or at least N must appear."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from pydantic import Field

from checker.engine.context import CheckContext
from checker.engine.rule import Concept, Localized, Outcome, RuleBase
from checker.engine.unverified import doubt_reason


class CategoriesRule(RuleBase):
    kind: Literal["categories"]
    categories: list[Concept] = Field(min_length=1)
    at_least: int | None = Field(None, ge=1, description="how many must appear; default: all")

    def check(self, ctx: CheckContext) -> Iterable[Outcome]:
        units = self.units(ctx)
        found, missing, hits = [], [], []
        for category in self.categories:
            hit = next((h for p in category.synonyms if (h := p.matcher(ctx).search(units))), None)
            (found if hit else missing).append(category.name.get(ctx.lang))
            if hit:
                hits.append(hit)
        needed = self.at_least or len(self.categories)
        passed = len(found) >= needed
        hit = hits[0] if hits else None
        outcome = Outcome.from_hit(
            passed,
            hit,
            found=", ".join(found) or "—",
            missing=", ".join(missing),
            count=len(found),
            expected=needed,
        )
        why = doubt_reason(ctx)
        if not passed and why is not None:  # the text may hide what is missing
            outcome.unverified = True
            outcome.message = Localized(
                ru=f"Не удалось проверить требование «{{title}}»: {why[0]}, а в прочитанном тексте не найдено: "
                f"{'; '.join(missing)}. Проверьте вручную.",
                en=f"Could not check the requirement «{{title}}»: {why[1]}, and the text read does not have: "
                f"{'; '.join(missing)}. Check it by hand.",
            )
        yield outcome
