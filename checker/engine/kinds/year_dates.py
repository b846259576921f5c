"""`year_dates`: the dates of a yearly report lie in the year its title names («… в 2017 году»).

Allowed: December of the year before to January of the year after (a report is written around the
turn of the year). Dates of cited documents («приказ от 12.04.2016 № 45») may be older and are skipped."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Literal

from pydantic import Field

from checker.engine.context import CheckContext
from checker.engine.rule import Outcome, RuleBase
from checker.language.text import snippet
from checker.safe_regex import compile_pattern

_CITATION = re.compile(
    r"(приказ|№|постановлени|распоряжени|закон|письм|протокол|решени|положени|указ)\w*[^.;]{0,40}$", re.IGNORECASE
)


class YearDatesRule(RuleBase):
    kind: Literal["year_dates"]
    year: str = Field(
        r"(?:в|за)\s+(?P<y>(?:19|20)\d\d)\s*(?:году|год|г\.)",
        description="regex finding the report year (group `y`) in the opening blocks",
    )
    max_findings: int = Field(20, ge=1)

    def check(self, ctx: CheckContext) -> Iterable[Outcome]:
        pattern = compile_pattern(self.year, re.IGNORECASE)
        opening = ctx.text.select("start", self.start_blocks)
        year = next((int(m.group("y")) for u in opening if (m := pattern.search(u.text.folded))), None)
        if year is None:
            yield Outcome(True, {"found": "—", "year": "—"})
            return
        low, high = dt.date(year - 1, 12, 1), dt.date(year + 1, 1, 31)
        units = {id(u) for u in self.units(ctx)}
        count = 0
        flagged: set[int] = set()
        for unit, mention in ctx.dates:
            if id(unit) in flagged:
                continue  # one finding per place
            if id(unit) not in units or mention.kind not in ("date", "month", "range", "deadline", "period"):
                continue
            first, last = mention.first_day(year), mention.last_day(year)
            if first is None or last is None or (first >= low and last <= high):
                continue
            # a programme period that covers the year («на 2016-2020 годы») is context, not an event
            if mention.kind in ("period", "range") and first <= high and last >= low:
                continue
            if _CITATION.search(unit.text.folded[: mention.start]):
                continue
            count += 1
            flagged.add(id(unit))
            yield Outcome(False, {"found": mention.text, "year": year},
                          snippet(unit.text.clean, mention.start, mention.end), unit.location)
            if count >= self.max_findings:
                return
        if count == 0:
            yield Outcome(True, {"found": str(year), "year": year})
