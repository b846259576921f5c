"""`date`: the document states a date to some precision, e.g. the date of the event; optionally the
date must fall inside a campaign event's window.

A single day, a span of days («17–20 февраля 2026 года») and, for coarser precisions, a month or a
year all count. News items often leave the year to the page they stand on («31 января»):
`year_required: false` accepts a day and month without a year.

The date of an event (`event: true`) is a date the text tells: a web page's publication stamp
(«30.08.2013, 19:26 | просмотров: 1201», «date 2025-11-14», «Опубликовано: …») is not it, and a date alone
on its line (a page's or a release's date) counts only when no sentence dates the event. When a stamp is the
only date, the finding is a warning that names it: the page's day is likely near the event's, but the text
does not say when the event was. With `event_words` a date in a sentence dates the event only when that
sentence names the event or its verb («прошло», «состоялось», «проведен»), and the date is not bound to
another noun («подготовка к предстоящим выборам 13 сентября»). A date bound to another noun is the date of
something else (an error when nothing else dates the event); a date in a sentence that does not name the event
may still be its date told in other words (a warning that asks)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from pydantic import Field

from checker.engine.context import CheckContext
from checker.engine.rule import Localized, Outcome, RuleBase
from checker.engine.unverified import absence_outcome, doubt_reason
from checker.language.morphology import TOKEN, analyzer
from checker.language.text import snippet
from checker.safe_regex import compile_pattern

_BEFORE = re.compile(r"(?:\bот|\bдата\w*\s*:?|^)\s*$", re.IGNORECASE)
_AFTER = re.compile(r"^\s*(?:г\.?|года)?\s*(?:№|n\b)", re.IGNORECASE)
_SHORT_LINE = 8
# a publication stamp's words on the date's line, a label right before it, or only a time of day with it
_STAMP_WORDS = re.compile(
    r"\bпросмотр\w*|\bопубликован\w*|\bдата\s+публикации|\b(?:размещено|обновлено|добавлено)\b|\bкомментари\w*|\bviews?\b"
)
_STAMP_LINE = 6  # words besides the stamp's own on a stamp's line
_STAMP_LABEL = re.compile(
    r"(?:\bdate|\bдата\s+(?:публикации|размещения|создания|изменения)|\bопубликовано|\bразмещено|\bобновлено)\s*:?\s*$"
)
_NUMERIC = re.compile(r"^(?:\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2})$")  # a site's «30.08.2013», «2025-11-14»
_TIME = re.compile(r"^\s*[,|]?\s*(?:в\s*)?(?:[01]?\d|2[0-3]):[0-5]\d\b")
_WORD = re.compile(r"[а-яёa-z]{3,}")
_YEAR_WORDS = {"год", "года", "году"}


def _requisite(unit, mention) -> bool:
    """A requisite date: after «от» or «Дата:», before «№», or alone on a short line."""
    folded = unit.text.folded
    return bool(
        unit.text.words <= _SHORT_LINE
        or _BEFORE.search(folded[max(0, mention.start - 12) : mention.start])
        or _AFTER.match(folded[mention.end : mention.end + 8])
    )


def _line(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The line of `text` holding [start, end), and the span's place in it."""
    begin = text.rfind("\n", 0, start) + 1
    stop = text.find("\n", end)
    stop = len(text) if stop < 0 else stop
    return text[begin:stop], start - begin, end - begin


def _placement(unit, mention) -> str:
    """Where a date stands: «stamp» (a page's publication stamp: its words, a «date» label, or a numeric date
    with only a time of day on its line), «alone» (nothing but the date on its line) or «text» (in a sentence)."""
    line, start, end = _line(unit.text.clean.lower(), mention.start, mention.end)
    rest = line[end:]
    time = _TIME.match(rest) if _NUMERIC.match(mention.text.strip()) else None  # «14 марта, 10:00» is an event's
    if time is not None:
        rest = rest[time.end():]
    words = [w for w in _WORD.findall(line[:start] + " " + rest) if w not in _YEAR_WORDS]
    stamp_words = _STAMP_WORDS.search(line) is not None and len(words) <= _STAMP_LINE
    if stamp_words or _STAMP_LABEL.search(line[:start]) or (time is not None and not words):
        return "stamp"
    return "text" if words else "alone"


# a sentence ends at a line break or at «. » before a capital, not after an initial or «г.»
_SENTENCE_END = re.compile(r"\n|(?<![\s.][а-яёА-ЯЁ])(?<!\bгг)[.!?…]+\s+(?=[А-ЯЁA-Z0-9«\"])")
# words a date may follow and still date the sentence's event («во вторник 13 февраля», «в 2024 году 5 марта»)
_TIME_NOUNS = frozenset({
    "год", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье", "число", "день",
    "утро", "вечер", "неделя", "месяц",
})  # fmt: skip
_BOUND_CASES = frozenset({"datv", "loct", "ablt"})  # «к выборам 13 сентября», «на экзамене 25 мая»


def _sentence(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The sentence of `text` holding [start, end): what stands before the span in it, and after."""
    begin = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    found = _SENTENCE_END.search(text, end)
    stop = found.start() if found else len(text)
    return text[begin:start], text[end:stop], text[begin:stop]


def _bound_to_a_noun(before: str, after: str, event_words: re.Pattern[str]) -> bool:
    """The date stands right after a noun in the dative, locative or instrumental that is neither the event nor
    a time word, and no event verb follows it: «к предстоящим выборам 13 сентября»."""
    tail = before.rstrip()
    if not tail or tail == before or not tail[-1].isalpha():
        return False
    words = TOKEN.findall(tail.lower().replace("ё", "е"))
    if not words or event_words.search(words[-1]) or event_words.search(" ".join(TOKEN.findall(after.lower())[:3])):
        return False
    parse = analyzer().parse(words[-1])[0]
    return parse.tag.POS == "NOUN" and parse.normal_form not in _TIME_NOUNS and bool(_BOUND_CASES & parse.tag.grammemes)


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
    event: bool = Field(
        False, description="the date of an event told in the text: a page's publication stamp is not it, and a "
        "date alone on its line counts only when no sentence gives one"
    )
    event_words: str | None = Field(
        None, description="with `event`: the event's nouns and verbs (a regex on folded text); a date in a "
        "sentence without them, or bound to another noun, is the date of something else"
    )

    def check(self, ctx: CheckContext) -> Iterable[Outcome]:
        from checker.language.dates import format_date

        allowed = _ALLOWED[self.precision]
        units = {id(u) for u in self.units(ctx)}
        event = ctx.campaign.event(self.window) if self.window is not None and ctx.campaign is not None else None
        candidates, stamps, others = self._candidates(ctx, units, allowed)
        for unit, mention in candidates:
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
        if stamps:
            unit, mention = stamps[0]
            yield Outcome(False, {"found": mention.text}, snippet(unit.text.clean, mention.start, mention.end),
                          unit.location, severity="warning", message=_ONLY_STAMP)  # fmt: skip
            return
        if others and doubt_reason(ctx) is None:
            # a date bound to another noun in the event's sentence dates that thing: an error; a date in a
            # sentence that does not name the event may still be its date told in other words: a question
            bound = [(u, m, why) for u, m, why in others if why == "bound"]
            unit, mention, why = (bound or others)[0]
            yield Outcome(False, {"found": mention.text}, snippet(unit.text.clean, mention.start, mention.end),
                          unit.location, severity=None if why == "bound" else "warning",
                          message=_ANOTHER_THING if why == "bound" else _ELSEWHERE)  # fmt: skip
            return
        yield absence_outcome(ctx, {"found": "—"})

    def _candidates(self, ctx: CheckContext, units: set[int], allowed: set[str]) -> tuple[list, list, list]:
        """The dates that may answer, best first (for an event: dates in sentences, then dates alone on their
        line), the publication stamps set aside, and the dates of other things set aside."""
        told: list = []
        alone: list = []
        stamps: list = []
        others: list = []
        event_words = compile_pattern(self.event_words, re.IGNORECASE) if self.event_words else None
        for unit, mention in ctx.dates:
            if id(unit) not in units or mention.kind not in ("date", "month", "period", "range"):
                continue
            if self.requisite and not _requisite(unit, mention):
                continue
            if mention.precision not in allowed or mention.first is None:
                continue
            if mention.first.year is None and self.year_required:
                continue
            placement = _placement(unit, mention) if self.event else "text"
            if placement == "stamp":
                stamps.append((unit, mention))
            elif placement == "alone":
                alone.append((unit, mention))
            elif event_words is not None and (why := self._not_the_event(unit, mention, event_words)):
                others.append((unit, mention, why))
            else:
                told.append((unit, mention))
        return told + alone, stamps, others

    @staticmethod
    def _not_the_event(unit, mention, event_words: re.Pattern[str]) -> str:
        """Why a date in a sentence does not date the event: «elsewhere» (its sentence does not name the event),
        «bound» (it follows another noun), or "" (it dates the event)."""
        before, after, sentence = _sentence(unit.text.clean, mention.start, mention.end)
        if not event_words.search(sentence.lower().replace("ё", "е")):
            return "elsewhere"
        return "bound" if _bound_to_a_noun(before, after, event_words) else ""


_ONLY_STAMP = Localized(
    ru="Дата мероприятия в тексте не названа: «{found}» — дата публикации страницы. Укажите, когда прошло "
    "мероприятие (число и месяц).",
    en="The text does not date the event: «{found}» is the page's publication date. State when the event took "
    "place (day and month).",
)
_ANOTHER_THING = Localized(
    ru="Дата мероприятия в тексте не названа: «{found}» — дата другого события, не мероприятия. Укажите, когда "
    "прошло мероприятие (число и месяц).",
    en="The text does not date the event: «{found}» dates something else. State when the event took place "
    "(day and month).",
)
_ELSEWHERE = Localized(
    ru="Дата мероприятия прямо не названа: «{found}» стоит в предложении, где мероприятие не упомянуто, — "
    "проверьте, это ли дата мероприятия.",
    en="The event is not dated as such: «{found}» stands in a sentence that does not name the event — check that "
    "it is the event's date.",
)
