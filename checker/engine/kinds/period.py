"""`period`: the programme period in the title and in the passport agree, and last N school years.

How a span is counted (domain.md, open question 8):
- a school-year span (`2021/22 – 2023/24`, `2021-2024 учебные годы`, or any span in a text that speaks of
  «учебн…» years) counts school years: 2021-2024 = 2021/22, 2022/23, 2023/24 = 3;
- a span of calendar years (`на 2021-2023 годы`) counts calendar years: 2021-2023 = 3;
- a bare `2021-2024 гг.` is ambiguous (programmes run September to August, and the same 3-year programme is
  written both ways), so either reading may match the expected length; the message names the reading used.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from pydantic import Field

from checker.engine.context import CheckContext
from checker.engine.rule import Localized, Outcome, RuleBase
from checker.language.normalize import fold
from checker.language.text import Unit, snippet

_PASSPORT = re.compile(r"срок\w*\s+(и\s+этапы\s+)?реализации|период\s+реализации")
_PASSPORT_WORD = re.compile(r"\bпаспорт\w*\s+(\w+\s+)?программ|^\W*(\d+[.)]?\s*)?паспорт\w*\W*$")
_SCHOOL = re.compile(r"учебн|\d{4}\s*/\s*\d{2,4}")
_BEFORE_PERIOD = re.compile(r"(?:^|\s)(на|в|с)\s*$")


@dataclass
class Span:
    """A stated period: years, the calendar days it covers and how its length is read."""

    text: str
    start_year: int | None
    end_year: int | None
    first: dt.date | None
    last: dt.date | None
    basis: Literal["school", "calendar", "ambiguous"]
    stated_years: int | None  # «на 3 учебных года» without years
    unit: Unit | None = None
    start: int = 0
    end: int = 0

    def lengths(self) -> set[int]:
        """The possible lengths in years under the span's reading."""
        if self.start_year is None or self.end_year is None:
            return {self.stated_years} if self.stated_years else set()
        diff = self.end_year - self.start_year
        if self.basis == "school":
            return {max(diff, 1)}
        if self.basis == "calendar":
            return {diff + 1}
        return {diff, diff + 1} - {0}

    def label(self) -> str:
        if self.start_year is None:
            return self.text
        return f"{self.start_year}–{self.end_year}"


def spans_in(text: str, unit: Unit | None = None) -> list[Span]:
    """Year spans in a text, via the shared date grammar (kinds period and school_year)."""
    from checker.language.dates import find_dates

    out: list[Span] = []
    folded = fold(text)
    school_context = bool(_SCHOOL.search(folded))
    for m in find_dates(text):
        if m.kind not in ("period", "school_year"):
            continue
        first, last = m.first_day(), m.last_day()
        if m.kind == "school_year" or m.precision == "school_year":
            basis: Literal["school", "calendar", "ambiguous"] = "school"
        elif school_context:
            basis = "school"
        elif re.search(r"\bгод(ы|ов|ах)?\b", fold(m.text)) and not re.search(r"гг", fold(m.text)):
            basis = "calendar"  # «на 2021-2023 годы»: spelled-out calendar years
        else:
            basis = "ambiguous"
        start_year = first.year if first else None
        end_year = last.year if last else None
        if start_year is not None and end_year == start_year and m.kind == "period":
            continue  # a single year («в 2018 году») is not a programme period
        out.append(Span(m.text, start_year, end_year, first, last, basis, m.years, unit, m.start, m.end))
    # «2021/2022 - 2023/2024 учебные годы»: the grammar sees only the last school year; widen it
    wide = re.search(r"(\d{4})\s*/\s*\d{2,4}\s*-\s*\d{4}\s*/\s*(\d{4}|\d{2})", folded)
    if wide:
        y1 = int(wide.group(1))
        y2_text = wide.group(2)
        y2 = int(y2_text) if len(y2_text) == 4 else (y1 // 100) * 100 + int(y2_text)
        span = Span(text[wide.start() : wide.end()], y1, y2, dt.date(y1, 9, 1), dt.date(y2, 8, 31), "school", None,
                    unit, wide.start(), wide.end())  # fmt: skip
        out = [s for s in out if not (s.start >= wide.start() and s.end <= wide.end() + 20)]
        out.insert(0, span)
    return out


def title_period(ctx: CheckContext, blocks: int = 10) -> Span | None:
    """The period stated in the opening lines (not in tables): «на 2018-2019 учебный год»."""
    fallback: Span | None = None
    for unit in ctx.text.select("start", blocks):
        if unit.block.kind == "table":
            continue
        for span in spans_in(unit.text.clean, unit):
            if span.start_year is None:
                continue
            if _BEFORE_PERIOD.search(unit.text.folded[: span.start]):
                return span
            fallback = fallback or span
    return fallback


def passport_period(ctx: CheckContext) -> Span | None:
    """The period in the passport: a «Срок реализации» row (the next cell) or paragraph (or the next line)."""
    units = ctx.text.units
    for index, unit in enumerate(units):
        m = _PASSPORT.search(unit.text.folded)
        if m is None:
            continue
        found = spans_in(unit.text.clean[m.end() :], unit)
        for span in found:
            span.start += m.end()
            span.end += m.end()
        if not found and index + 1 < len(units):
            nxt = units[index + 1]
            same_row = unit.location.table is not None and nxt.location.row == unit.location.row
            if same_row or nxt.block.kind != "table":
                found = spans_in(nxt.text.clean, nxt)
        if found:
            return found[0]
    return None


def document_period(ctx: CheckContext) -> tuple[dt.date, dt.date, str] | None:
    """The period the document's dates must fall in: the title, the passport, else the campaign."""
    for span in (title_period(ctx), passport_period(ctx)):
        if span is not None and span.first and span.last:
            return span.first, span.last, span.text
    if ctx.campaign is not None and "campaign" in ctx.campaign.events:
        event = ctx.campaign.events["campaign"]
        return event.start, event.end, event.describe(ctx.lang)
    return None


_MSG = {
    "none": Localized(
        ru="Срок реализации программы не указан ни в названии, ни в паспорте (например, «на 2021-2024 гг.»).",
        en="The programme period is stated neither in the title nor in the passport (e.g. «на 2021-2024 гг.»).",
    ),
    "no_title": Localized(
        ru="Срок реализации есть в паспорте ({passport}), но не указан в названии программы; "
        "допишите в название «на {passport}».",
        en="The period is in the passport ({passport}) but not in the title; add «на {passport}» to the title.",
    ),
    "no_passport": Localized(
        ru="Срок в названии ({title_period}), но в паспорте нет строки «Срок реализации программы»; добавьте её.",
        en="The title states {title_period}, but the passport has no «Срок реализации программы» row; add it.",
    ),
    "mismatch": Localized(
        ru="Сроки не совпадают: в названии {title_period}, в паспорте {passport}; исправьте, чтобы они совпадали.",
        en="The periods differ: the title says {title_period}, the passport {passport}; make them agree.",
    ),
    "length": Localized(
        ru="Срок реализации {found} — это {length} (по {reading}), а требуется {expected_words}.",
        en="The period {found} is {length} ({reading}), but {expected} school years are required.",
    ),
    "question": Localized(
        ru="Срок «{found}» можно прочитать двояко: {calendar} или {school} ({school_years}); требуется "
        "{expected_words}. Уточните, какие учебные годы входят в программу.",
        en="The period «{found}» reads two ways: {calendar_en} or {school_en} ({school_years}); {expected} school "
        "years are required. State which school years the programme covers.",
    ),
    "unseen_passport": Localized(
        ru="Не удалось проверить: срок в названии ({title_period}), а паспорт, похоже, в таблице, которую не "
        "удалось восстановить — сверьте срок в паспорте вручную.",
        en="Could not be checked: the title states {title_period}, but the passport seems to be in a table that "
        "could not be rebuilt; compare the passport's period by hand.",
    ),
}
_READING = {
    "school": ("учебным годам", "school years"),
    "calendar": ("календарным годам", "calendar years"),
    "ambiguous": ("учебным или календарным годам", "school or calendar years"),
}


class PeriodRule(RuleBase):
    kind: Literal["period"]
    years: int | None = Field(None, ge=1, description="required length in school years")
    years_parameter: str | None = Field(None, description="campaign parameter with the length, e.g. program_years")
    checks: list[Literal["agreement", "length"]] = Field(default_factory=lambda: ["agreement", "length"])
    title_blocks: int = Field(10, ge=1, description="opening blocks that hold the title")

    def _expected(self, ctx: CheckContext) -> int | None:
        if self.years is not None:
            return self.years
        if self.years_parameter and ctx.campaign is not None:
            value = ctx.campaign.parameters.get(self.years_parameter)
            return int(value) if value is not None else None
        return None

    def check(self, ctx: CheckContext) -> Iterable[Outcome]:
        title = title_period(ctx, self.title_blocks)
        passport = passport_period(ctx)
        params = {
            "title_period": title.text if title else "—",
            "passport": passport.text if passport else "—",
        }
        stated = title or passport
        if "agreement" in self.checks:
            suspected = bool({"flattened_table", "truncated"} & set(ctx.document.metadata.suspected))
            has_passport = any(_PASSPORT_WORD.search(u.text.folded) for u in ctx.text.select("all"))
            yield self._agreement(title, passport, params, suspected, has_passport)
        if "length" in self.checks:
            expected = self._expected(ctx)
            if expected is None:
                yield Outcome(None, params)
            elif stated is None:
                yield Outcome(False, params, message=_MSG["none"])
            else:
                yield self._length(stated, expected, ctx.lang, params)

    def _agreement(
        self, title: Span | None, passport: Span | None, params: dict, suspected: bool = False,
        has_passport: bool = True,
    ) -> Outcome:
        if title is None and passport is None:
            return Outcome(False, params, message=_MSG["none"])
        where = _evidence(title or passport)
        if title is None:
            return Outcome(False, params, *where, message=_MSG["no_title"])
        if passport is None:
            if suspected:
                return Outcome(False, params, *where, unverified=True, message=_MSG["unseen_passport"])
            if not has_passport:  # no passport to disagree with: the title's period stands
                return Outcome(True, {**params, "found": title.text}, *where)
            return Outcome(False, params, *where, message=_MSG["no_passport"])
        same = (title.start_year, title.end_year) == (passport.start_year, passport.end_year)
        if title.start_year is None or passport.start_year is None:
            same = bool(title.lengths() & passport.lengths())
        params["found"] = f"{title.text} / {passport.text}"
        if same:
            return Outcome(True, params, *where)
        return Outcome(False, params, *_evidence(passport), message=_MSG["mismatch"])

    def _length(self, span: Span, expected: int, lang: str, params: dict) -> Outcome:
        lengths = span.lengths()
        reading = _READING[span.basis][1 if lang == "en" else 0]
        shown = (" or " if lang == "en" else " или ").join(map(str, sorted(lengths)))
        word = "years" if lang == "en" else _years_word(max(lengths) if lengths else 0)
        params = {**params, "found": span.text, "length": f"{shown} {word}", "reading": reading, "expected": expected,
                  "expected_words": f"{expected} {_school_years_word(expected)}"}  # fmt: skip
        if expected in lengths:
            return Outcome(True, params, *_evidence(span))
        if span.start_year is not None and span.end_year is not None:
            diff = span.end_year - span.start_year
            if span.basis == "calendar" and expected == diff:
                # «2018–2021 годы»: 4 calendar years, or the school years 2018/19 … 2020/21? Ask, do not fail.
                years = ", ".join(f"{y}/{(y + 1) % 100:02d}" for y in range(span.start_year, span.end_year))
                params.update(
                    calendar=f"{diff + 1} {_years_word(diff + 1)} по календарю",
                    school=f"{diff} {_school_years_word(diff)}",
                    calendar_en=f"{diff + 1} calendar years",
                    school_en=f"{diff} school years",
                    school_years=years,
                )
                return Outcome(False, params, *_evidence(span), severity="warning", message=_MSG["question"])
        return Outcome(False, params, *_evidence(span), message=_MSG["length"])


def _evidence(span: Span | None) -> tuple:
    if span is None or span.unit is None:
        return (None, None)
    return (snippet(span.unit.text.clean, span.start, span.end), span.unit.location)


def _school_years_word(n: int) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return "учебный год"
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return "учебных года"
    return "учебных лет"


def _years_word(n: int) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return "год"
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return "года"
    return "лет"
