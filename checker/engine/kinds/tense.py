"""`tense`: the text is told in the expected tense — a press release or news item after the event in
the past («провело», «обсудили», «представили»), an announcement in the future («состоится»,
«будет проведён», «приглашаем»). Tenses come from pymorphy3's tags, not from word lists."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from checker.engine.context import CheckContext
from checker.engine.rule import Outcome, RuleBase
from checker.engine.unverified import absence_outcome
from checker.language.numerals import agree
from checker.language.tense import verb_marks
from checker.language.text import snippet


class TenseRule(RuleBase):
    kind: Literal["tense"]
    expect: Literal["past", "future"]
    scope: Literal["all", "text", "tables", "headings", "start"] = "text"

    def check(self, ctx: CheckContext) -> Iterable[Outcome]:
        counts = {"past": 0, "future": 0}
        first: dict[str, tuple] = {}
        for unit in self.units(ctx):
            for mark in verb_marks(unit.text.folded):
                counts[mark.tense] += 1
                first.setdefault(mark.tense, (unit, mark))
        other = "future" if self.expect == "past" else "past"
        params = {
            "past": agree(counts["past"], "глагол"),
            "future": agree(counts["future"], "глагол"),
            "found": unit_word(first, self.expect) or "—",
            "other": unit_word(first, other) or "—",
        }
        if counts[self.expect] > 0 and counts[self.expect] >= counts[other]:
            unit, mark = first[self.expect]
            yield Outcome(True, params, snippet(unit.text.clean, mark.start, mark.end), unit.location)
            return
        if other in first:
            unit, mark = first[other]
            yield Outcome(False, params, snippet(unit.text.clean, mark.start, mark.end), unit.location)
            return
        yield absence_outcome(ctx, params)


def unit_word(first: dict[str, tuple], tense: str) -> str | None:
    if tense not in first:
        return None
    unit, mark = first[tense]
    return unit.text.clean[mark.start : mark.end]
