"""`past_dates`: a date after the document's own date in a sentence told in the past tense
(«проведён 25.10.2018» in a report dated 11.09.2018): a typo in the date, or in the tense.

The document's own date is the first full date in its opening blocks."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from checker.engine.context import CheckContext
from checker.engine.rule import Outcome, RuleBase
from checker.language.morphology import analyzer, tokens
from checker.language.text import snippet

# a sentence ends at . ! ? before a capital letter, or at a line break; «25.10.2018» stays whole
_SENTENCE = re.compile(r".+?(?:[.!?](?=\s+[А-ЯЁA-Z«\"])|$)", re.MULTILINE)
_SHORT_LINE_WORDS = 8
# «УТВЕРЖДЕНА приказом от 20.09.2018 № 798», «протокол № 1 от 18.09.2018»: the date of a cited document
_CITATION = re.compile(
    r"(приказ|протокол|распоряжени|постановлени|решени|письм|№|утвержд|принят|согласован)\w*[^.;]{0,40}$"
)
_FUTURE = re.compile(r"(?<!\w)(будет|будут|планиру\w*|запланирован\w*|предстоит|состоится)(?!\w)")


def _past_tense(folded: str) -> bool:
    if _FUTURE.search(folded):
        return False  # «будет проведено 25.10»: a plan, not a past event
    morph = analyzer()
    for token, _, _ in tokens(folded):
        if len(token) < 3 or token.isdigit():
            continue
        tag = morph.parse(token)[0].tag
        if "past" in tag and tag.POS in ("VERB", "PRTS"):
            return True
    return False


class PastDatesRule(RuleBase):
    kind: Literal["past_dates"]

    def _own_date(self, ctx: CheckContext):
        opening = {id(u) for u in ctx.text.select("start", self.start_blocks)}
        for unit, mention in ctx.dates:
            # a date line or «Справка от …» is the document's date; a date inside a sentence is an event
            short = unit.text.words <= _SHORT_LINE_WORDS
            if id(unit) in opening and short and mention.kind == "date" and mention.precision == "day":
                return mention.first_day(), mention.text
        return None, None

    def check(self, ctx: CheckContext) -> Iterable[Outcome]:
        from checker.language.dates import find_dates, format_date

        own, own_text = self._own_date(ctx)
        if own is None:
            yield Outcome(True, {"found": "—", "date": "—"})
            return
        failed = False
        for unit in self.units(ctx):
            if unit.block.role in ("approval", "stamp", "esign"):
                continue  # an approval is dated after the document by nature
            text = unit.text.clean
            for sm in _SENTENCE.finditer(text):
                sentence = sm.group(0)
                later = [
                    m for m in find_dates(sentence)
                    if m.kind == "date" and (d := m.first_day()) and d > own
                    and not _CITATION.search(unit.text.folded[sm.start() : sm.start() + m.start])
                ]
                if not later or not _past_tense(unit.text.folded[sm.start() : sm.end()]):
                    continue
                m = later[0]
                failed = True
                yield Outcome(
                    False,
                    {"found": m.text, "date": format_date(own), "expected": f"не позже {format_date(own)}"},
                    snippet(text, sm.start() + m.start, sm.start() + m.end),
                    unit.location,
                )
                break  # one finding per place
        if not failed:
            yield Outcome(True, {"found": own_text, "date": format_date(own)})
