"""`date`: the document states a full date (day, month, year), e.g. the date of the event."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from pydantic import Field

from checker.engine.context import CheckContext
from checker.engine.rule import Outcome, RuleBase
from checker.language.text import snippet


class DateRule(RuleBase):
    kind: Literal["date"]
    precision: Literal["day", "month", "year"] = Field("day", description="how precise the date must be")
    window: str | None = Field(
        None, description="a campaign event key; the date must fall inside that event's window"
    )

    def check(self, ctx: CheckContext) -> Iterable[Outcome]:
        from checker.language.dates import format_date

        allowed = {"day": {"day"}, "month": {"day", "month"}, "year": {"day", "month", "year"}}[self.precision]
        units = {id(u) for u in self.units(ctx)}
        for unit, mention in ctx.dates:
            if id(unit) not in units or mention.kind not in ("date", "month", "period"):
                continue
            if mention.precision not in allowed or mention.first is None or mention.first.year is None:
                continue
            day = mention.first_day()
            params = {"found": mention.text, "date": format_date(day) if day else mention.text}
            evidence = snippet(unit.text.clean, mention.start, mention.end)
            if self.window is None:
                yield Outcome(True, params, evidence, unit.location)
                return
            if ctx.campaign is None:
                yield Outcome(None, params, evidence, unit.location)
                return
            event = ctx.campaign.event(self.window)
            params.update(window=event.describe(ctx.lang), expected=event.describe(ctx.lang))
            yield Outcome(event.contains(day), params, evidence, unit.location)
            return
        yield Outcome(False, {"found": "—"})
