"""`count`: a quantity in the text — a number in digits or words with the noun it counts
(«24 представителя», «40 ШНОР и 28 кураторов», «восемь школ», «более 250 учителей») —
compared with bounds; or several distinct quantities (facts with figures).

`counts` lists the lemmas of the nouns that may be counted (empty: any noun, and percentages).
`pattern` (a regex with a group `n`) is the older form and still works."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from pydantic import Field, field_validator, model_validator

from checker.engine.context import CheckContext
from checker.engine.rule import Localized, Outcome, RuleBase, valid_regex
from checker.engine.unverified import absence_outcome
from checker.language.matching import Hit
from checker.language.numbers import find_quantities
from checker.safe_regex import compile_pattern


class CountRule(RuleBase):
    kind: Literal["count"]
    pattern: str | None = Field(None, description="regex on the normalised text with a named group (?P<n>\\d+)")
    counts: list[str] = Field(default_factory=list, description="lemmas of the counted nouns; [] = any noun or %")
    counts_name: Localized | None = Field(None, description="what is counted, in words (for messages)")
    min: int | None = None
    max: int | None = None
    min_quantities: int = Field(1, ge=1, description="how many distinct quantities must appear")

    @field_validator("pattern")
    @classmethod
    def _has_group(cls, value: str | None) -> str | None:
        if value is None:
            return value
        compiled = valid_regex(value)
        if "n" not in compiled.groupindex:
            raise ValueError("в выражении нужна именованная группа (?P<n>\\d+) с числом")
        return value

    @model_validator(mode="after")
    def _one_way(self) -> CountRule:
        if self.pattern is not None and self.counts:
            raise ValueError("укажите либо pattern, либо counts")
        return self

    def _quantities(self, ctx: CheckContext) -> Iterable[tuple[Hit, float, str]]:
        """(where, value, the quantity as written) for every counted quantity in scope."""
        if self.pattern is not None:
            import re

            compiled = compile_pattern(self.pattern, re.IGNORECASE)
            for unit in self.units(ctx):
                for m in compiled.finditer(unit.text.folded):
                    yield Hit(unit, m.start(), m.end()), int(m.group("n")), unit.text.clean[m.start() : m.end()]
            return
        wanted = {c.lower().replace("ё", "е") for c in self.counts}
        for unit in self.units(ctx):
            for q in find_quantities(unit.text.folded):
                if q.unit is None or (wanted and q.unit not in wanted):
                    continue
                start, end = q.text_span
                yield Hit(unit, start, end), q.value, unit.text.clean[start:end]

    def check(self, ctx: CheckContext) -> Iterable[Outcome]:
        expected = _bounds(self.min, self.max, ctx.lang)
        what = self.counts_name.get(ctx.lang) if self.counts_name else ""
        seen: dict[str, tuple[Hit, float]] = {}
        for hit, value, written in self._quantities(ctx):
            key = " ".join(written.lower().split())
            if key in seen:
                continue
            seen[key] = (hit, value)
            if self.min_quantities == 1:
                ok = (self.min is None or value >= self.min) and (self.max is None or value <= self.max)
                yield Outcome.from_hit(ok, hit, found=written, value=_plain(value), expected=expected, what=what)
                return
        if self.min_quantities > 1 and len(seen) >= self.min_quantities:
            first = next(iter(seen.values()))[0]
            yield Outcome.from_hit(True, first, found=", ".join(list(seen)[:6]), count=len(seen),
                                   expected=self.min_quantities, min=self.min_quantities, what=what)
            return
        params = {"found": ", ".join(list(seen)[:6]) or "—", "count": len(seen), "expected": expected,
                  "min": self.min_quantities, "what": what}
        yield absence_outcome(ctx, params)


def _plain(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value).replace(".", ",")


def _bounds(low: int | None, high: int | None, lang: str = "ru") -> str:
    if low is not None and high is not None:
        return f"{low}–{high}"
    if low is not None:
        return f"не меньше {low}" if lang != "en" else f"at least {low}"
    if high is not None:
        return f"не больше {high}" if lang != "en" else f"at most {high}"
    return "число" if lang != "en" else "a number"
