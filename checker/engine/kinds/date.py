"""`date`: the document states a date to some precision, e.g. the date of the event; optionally the
date must fall inside a campaign event's window.

A single day, a span of days («17–20 февраля 2026 года») and, for coarser precisions, a month or a
year all count. News items often leave the year to the page they stand on («31 января»):
`year_required: false` accepts a day and month without a year."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from pydantic import Field

from checker.engine.context import CheckContext
from checker.engine.rule import Localized, Outcome, RuleBase
from checker.engine.unverified import absence_outcome
from checker.language.text import snippet

_BEFORE = re.compile(r"(?:\bот|\bдата\w*\s*:?|^)\s*$", re.IGNORECASE)
_AFTER = re.compile(r"^\s*(?:г\.?|года)?\s*(?:№|n\b)", re.IGNORECASE)
_SHORT_LINE = 8


def _requisite(unit, mention) -> bool:
    """A requisite date: after «от» or «Дата:», before «№», or alone on a short line."""
    folded = unit.text.folded
    return bool(
        unit.text.words <= _SHORT_LINE
        or _BEFORE.search(folded[max(0, mention.start - 12) : mention.start])
        or _AFTER.match(folded[mention.end : mention.end + 8])
    )


_ALLOWED = {"day": {"day"}, "month": {"day", "month"}, "year": {"day", "month", "year"}}


class DateRule(RuleBase):
    kind: Literal["date"]
    precision: Literal["day", "month", "year"] = Field("day", description="how precise the date must be")
    year_required: bool = Field(True, description="false: «31 января» (day and month, no year) is enough")
    requisite: bool = Field(
        False, description="the document's own date: «от 05.02.2024 № 116», «Дата: …» or a short date line, "
        "not a date in its text"
    )
    window: str | None = Field(
        None, description="a campaign event key; the date must fall inside that event's window"
    )

    def check(self, ctx: CheckContext) -> Iterable[Outcome]:
        from checker.language.dates import format_date

        allowed = _ALLOWED[self.precision]
        units = {id(u) for u in self.units(ctx)}
        event = ctx.campaign.event(self.window) if self.window is not None and ctx.campaign is not None else None
        for unit, mention in ctx.dates:
            if id(unit) not in units or mention.kind not in ("date", "month", "period", "range"):
                continue
            if self.requisite and not _requisite(unit, mention):
                continue
            if mention.precision not in allowed or mention.first is None:
                continue
            if mention.first.year is None and self.year_required:
                continue
            day = mention.first_day(event.start.year if event is not None else None)
            params = {"found": mention.text, "date": format_date(day) if day else mention.text}
            evidence = snippet(unit.text.clean, mention.start, mention.end)
            if self.window is None:
                yield Outcome(True, params, evidence, unit.location)
                return
            if event is None:
                yield Outcome(None, params, evidence, unit.location)
                return
            params.update(window=event.describe(ctx.lang), expected=event.describe(ctx.lang))
            yield Outcome(event.contains(day), params, evidence, unit.location)
            return
        if self.window is not None:  # no date to compare: the missing date is another rule's finding
            yield Outcome(None, {"found": "—"}, message=Localized(
                ru="Не проверялось: в документе нет даты, которую можно сравнить со сроками кампании.",
                en="Not checked: the document has no date to compare with the campaign's window."))
            return
        yield absence_outcome(ctx, {"found": "—"})
