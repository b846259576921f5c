"""`coverage`: a list of concepts (each with synonyms) the document must cover; reports each missing one.

The concepts come from the rule or, for regional requirements, from a campaign parameter
(`concepts_parameter`): a campaign without that parameter makes the rule not applicable. With `if_begun`
the concepts are an optional part the genre does not demand: absent altogether, the rule does not apply;
begun, it must be complete."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from pydantic import Field, TypeAdapter, model_validator

from checker.engine.context import CheckContext
from checker.engine.rule import Concept, Localized, Outcome, RuleBase
from checker.engine.unverified import UNSEEN, blind_spot


class CoverageRule(RuleBase):
    kind: Literal["coverage"]
    concepts: list[Concept] = Field(default_factory=list)
    concepts_parameter: str | None = Field(
        None, description="campaign parameter holding the concepts (a list of {name, synonyms})"
    )
    at_least: int | None = Field(None, ge=1, description="how many must be covered; default: all")
    if_begun: bool = Field(
        False,
        description="an optional part checked for completeness only: when none of the concepts is there, the "
        "document does not have that part and the rule does not apply (a roadmap without a goal-and-tasks preamble)",
    )

    @model_validator(mode="after")
    def _some_concepts(self) -> CoverageRule:
        if not self.concepts and not self.concepts_parameter:
            raise ValueError("укажите concepts или concepts_parameter")
        return self

    def _concepts(self, ctx: CheckContext) -> list[Concept] | None:
        if not self.concepts_parameter:
            return self.concepts
        if ctx.campaign is None or not ctx.campaign.parameters.get(self.concepts_parameter):
            return None  # the campaign does not require these concepts
        return TypeAdapter(list[Concept]).validate_python(ctx.campaign.parameters[self.concepts_parameter])

    def check(self, ctx: CheckContext) -> Iterable[Outcome]:
        concepts = self._concepts(ctx)
        if concepts is None:
            yield Outcome(None)
            return
        units = self.units(ctx)
        found: list[str] = []
        missing: list[str] = []
        first = None
        for concept in concepts:
            hit = next((h for p in concept.synonyms if (h := p.matcher(ctx).search(units))), None)
            (found if hit else missing).append(concept.name.get(ctx.lang))
            first = first or hit
        needed = min(self.at_least or len(concepts), len(concepts))
        if self.if_begun and not found:
            names = ", ".join(f"«{m}»" for m in missing)
            names_en = ", ".join(f"«{c.name.get('en')}»" for c in concepts)
            yield Outcome(None, message=Localized(
                ru=f"Не применяется: в документе нет этой части ({names}), а она необязательна.",
                en=f"Not applicable: the document has no such part ({names_en}), and it is optional.",
            ))  # fmt: skip
            return
        doubt = blind_spot(ctx) if len(found) < needed else None
        if doubt is not None:
            yield Outcome(False, {**doubt, "missing": "; ".join(f"«{m}»" for m in missing)}, unverified=True,
                          message=UNSEEN)  # fmt: skip
            return
        yield Outcome.from_hit(
            len(found) >= needed,
            first,
            found=", ".join(found) or "—",
            missing="; ".join(f"«{m}»" for m in missing) or "—",
            count=len(found),
            expected=needed,
            total=len(concepts),
        )
