"""Russian date grammar: dates, ranges, deadlines, months, quarters, school years, periods.

No library handles the forms these documents use (shared/toolchain.md §3: dateparser invents years, natasha
knows no ranges, deadlines or school years), so this is a hand-written regex grammar.

How it works:
1. The input is folded (lower case, ё→е, one dash, one quote, one kind of space; invisible characters dropped,
   whitespace runs squeezed to one space) with offset maps back to the original string.
2. Windows are cut around "triggers" (digits, month names, a few keywords): every match of every rule lies
   inside one, and most prose lies outside all of them.
3. Each rule (a compiled regex plus a handler) runs over the windows; every hit becomes a candidate.
4. The longest candidates win; shorter overlapping ones are dropped.
Every date-like unit (an "atom": 09.07.2018, 18 сентября 2018 года, декабрь, IV кв.) is found by a scanning
pattern and parsed by `_ATOM.fullmatch`, whether it stands alone or is a side of a range or a deadline, so one
place knows what a date looks like. Patterns start with a plain character, never a look-behind: the regex
engine then skips impossible positions at C speed (a 50-page document takes about 10-20 ms).
"""

from __future__ import annotations

import calendar
import datetime
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from checker.language import months

Kind = Literal[
    "date", "range", "deadline", "month", "quarter", "school_year", "period", "recurring", "vague", "invalid"
]
Precision = Literal["day", "month", "quarter", "year", "school_year"]
Recurrence = Literal["monthly", "quarterly", "weekly", "yearly", "daily"]

__all__ = ["DateMention", "DateParts", "find_dates", "format_date", "parse_date_text"]


class DateParts(BaseModel):
    """A calendar point known to some precision; missing parts are None (never invented)."""

    model_config = ConfigDict(frozen=True)

    year: int | None = None
    month: int | None = None
    day: int | None = None


_SPECIFIC_KINDS = frozenset({"date", "range", "deadline", "month", "quarter", "school_year", "period"})


class DateMention(BaseModel):
    """One date expression found in a text, with its span in the caller's original string."""

    model_config = ConfigDict(frozen=True)

    kind: Kind
    text: str
    start: int
    end: int
    first: DateParts | None
    last: DateParts | None
    precision: Precision | None
    recurrence: Recurrence | None = None
    years: int | None = None
    problem: str | None = None

    def first_day(self, default_year: int | None = None) -> datetime.date | None:
        """Earliest calendar day covered. A missing year comes from `default_year` (None without one);
        a range with no year at all whose start month lies after its end month starts a year earlier."""
        p = self.first
        if self.kind == "invalid" or p is None:
            return None
        year = p.year
        if year is None:
            if default_year is None or p.month is None:
                return None
            year = default_year
            q = self.last
            if q is not None and q.year is None and q.month is not None and _wraps(p, q):
                year -= 1
        return _safe_date(year, p.month or 1, p.day or 1)

    def last_day(self, default_year: int | None = None) -> datetime.date | None:
        """Latest calendar day covered; a missing year comes from `default_year` (None without one)."""
        q = self.last
        if self.kind == "invalid" or q is None:
            return None
        year = q.year
        if year is None:
            if default_year is None or q.month is None:
                return None
            year = default_year
        month = q.month or 12
        return _safe_date(year, month, q.day or _month_len(year, month))

    @property
    def is_specific(self) -> bool:
        """True when the mention pins down a calendar period (a missing year may still come from context).
        False for vague, recurring and invalid mentions, for "не позднее 5 числа" and "на 3 учебных года"."""
        if self.kind not in _SPECIFIC_KINDS or self.recurrence is not None:
            return False
        q = self.last
        return q is not None and (q.month is not None or q.year is not None)


def format_date(d: datetime.date) -> str:
    """The Russian numeric form: 19.10.2018."""
    return f"{d.day:02d}.{d.month:02d}.{d.year:04d}"


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    # "29 февраля" with a non-leap default year, or an absurd default year: no such day
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_len(year: int | None, month: int) -> int:
    if month == 2 and (year is None or calendar.isleap(year)):
        return 29  # without a year February may be the 29-day one
    return _DAYS_IN_MONTH[month]


def _wraps(p: DateParts, q: DateParts) -> bool:
    """Whether a range crosses New Year: its start month comes after its end month ("ноябрь – февраль").
    The same month with the days reversed is a mistake, not a year-long range; the parser flags it."""
    return (p.month or 1) > (q.month or 12)


# ---------------------------------------------------------------------------------------------------------
# Normalisation

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_QUOTES = "«»“”„‟\u2039\u203a"
# every character \s matches besides space, tab and line breaks, so whitespace runs squeeze with a plain class
_SPACES = (
    "\x0b\x0c\x1c\x1d\x1e\x1f\x85\u00a0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "\u2028\u2029\u202f\u205f\u3000"
)
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"

_FOLD_PAIRS: tuple[tuple[str, str], ...] = (
    *((c, "-") for c in _DASHES),
    *((c, '"') for c in _QUOTES),
    *((c, " ") for c in _SPACES),
    *((c, "") for c in _INVISIBLE),
    # Cyrillic І is typed for the Roman numeral in "І квартал"
    ("ё", "е"), ("Ё", "е"), ("І", "i"), ("і", "i"),
)  # fmt: skip
_INVISIBLE_RUN = re.compile(f"[{_INVISIBLE}]+")
_SPACE_RUN = re.compile(r"[ \t\n\r][ \t\n\r]+")  # \s{2,} once the rest is folded, and 3x faster


@dataclass(slots=True)
class _Shrink:
    """Leads positions in a string with deleted characters back to the string before the deletion."""

    after: list[int]  # position (in the shorter string) before which a deleted block sat
    total: list[int]  # characters deleted up to and including that block

    def pos(self, i: int) -> int:
        k = bisect_right(self.after, i)
        return i + (self.total[k - 1] if k else 0)


def _fold(text: str) -> tuple[str, list[_Shrink]]:
    """Folded text for matching, and the maps (innermost first) that lead its positions back to `text`."""
    maps: list[_Shrink] = []
    folded = text
    # one str.replace per character present is several times faster than str.translate on Cyrillic text
    for old, new in _FOLD_PAIRS:
        if old in folded:
            folded = folded.replace(old, new)
    if len(folded) != len(text):
        dropped = _Shrink([], [])
        gone = 0
        for m in _INVISIBLE_RUN.finditer(text):
            dropped.after.append(m.start() - gone)
            gone += m.end() - m.start()
            dropped.total.append(gone)
        maps.append(dropped)
    lowered = folded.lower()
    if len(lowered) != len(folded):
        # str.lower() grows a few non-Russian letters (İ); keep one character for one
        lowered = "".join(ch.lower()[:1] for ch in folded)
    # Patterns only ever ask for \s, so a run can be one space; short gaps between the words of a date
    # are what the trigger windows rely on (a PDF table can put dozens of spaces there).
    squeezed = _Shrink([], [])
    pieces: list[str] = []
    gone = last = 0
    for m in _SPACE_RUN.finditer(lowered):
        start, end = m.span()
        pieces.append(lowered[last : start + 1])
        last = end
        squeezed.after.append(start - gone + 1)
        gone += end - start - 1
        squeezed.total.append(gone)
    if pieces:
        pieces.append(lowered[last:])
        lowered = "".join(pieces)
        maps.insert(0, squeezed)
    return lowered, maps


def _origin(pos: int, maps: list[_Shrink]) -> int:
    for shrink in maps:
        pos = shrink.pos(pos)
    return pos


# ---------------------------------------------------------------------------------------------------------
# Vocabulary

_MONTH_ABBR: dict[str, int] = {
    "янв": 1, "фев": 2, "февр": 2, "мар": 3, "апр": 4, "июн": 6, "июл": 7, "авг": 8,
    "сен": 9, "сент": 9, "окт": 10, "ноя": 11, "нояб": 11, "дек": 12,
}  # fmt: skip
_MONTH_PREP = ("", *months.PREPOSITIONAL_WORDS)

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_ORDINAL = {"перв": 1, "втор": 2, "трет": 3, "четверт": 4}
_NUMBER_WORDS = {
    "один": 1, "одного": 1, "два": 2, "две": 2, "двух": 2, "три": 3, "трех": 3, "четыре": 4, "четырех": 4,
    "пять": 5, "пяти": 5, "шесть": 6, "шести": 6, "семь": 7, "семи": 7, "восемь": 8, "восьми": 8,
    "девять": 9, "девяти": 9, "десять": 10, "десяти": 10,
}  # fmt: skip
_RECURRENCE_WORDS: dict[str, Recurrence] = {
    "ежемесячно": "monthly", "ежеквартально": "quarterly", "еженедельно": "weekly", "ежегодно": "yearly",
    "ежедневно": "daily", "месяц": "monthly", "квартал": "quarterly", "неделю": "weekly", "год": "yearly",
    "день": "daily",
}  # fmt: skip


def _alt(words: list[str]) -> str:
    # longest first so a short alternative never shadows a longer word
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NUMBER_RE = _alt(list(_NUMBER_WORDS))
_MONTH_RE = months.ANY_CASE
# The same with the word-start check after the stem. A pattern whose first step is a plain character lets
# the regex engine skip a position at once; a leading look-behind costs a sub-match at every position.
_MONTH_RE_B = months.ANY_CASE_B
_ABBR_RE = "(?:" + _alt(list(_MONTH_ABBR)) + r")(?!\w)\.?"

# ---------------------------------------------------------------------------------------------------------
# Atoms: one date-like unit each, with named groups, for parsing (_ATOM). The scanning forms further down
# only find an atom's extent. Boundary checks come after the first character (see _MONTH_RE_B).

# the first digit of a number: not inside a word, not after the "3." of "3.21"
_D1 = r"\d(?<!\w\d)(?<!\d[.,:/]\d)"
_NEND = r"(?!\d)(?![.,]\d)"  # a number ends here: "10.00" does not continue
_YSUF = r"(?:\s*(?:годом|года|году|год|г\.|г(?!\w)))?"
_YEAR = r"(?:19|20)\d{2}(?!\d)"
_YEAR_B = r"(?:19|20)(?<!\w..)(?<!\d[.,:/]..)\d{2}(?!\d)"
_QUARTER_WORD = r"(?:квартал\w*|кв\.|кв(?!\w))"

_NUM = rf"(?P<nd>{_D1}\d?)[./](?P<nm>\d{{1,2}})[./](?P<ny>\d{{4}}|\d{{2}}){_NEND}{_YSUF}"
_ISO = rf"(?P<iy>{_D1}(?<!\d-\d)\d{{3}})-(?P<im>\d{{2}})-(?P<id>\d{{2}}){_NEND}"
_TXT = (
    rf'(?:"(?<!\w")\s*)?(?P<td>{_D1}\d?)(?!\d)(?:-?го)?\s*"?\s*'
    rf"(?:(?P<tm>{_MONTH_RE})|(?P<ta>{_ABBR_RE}))(?:\s*(?P<ty>{_YEAR}){_YSUF})?"
)
_NMON = rf"(?P<om>(?:0[1-9]|1[0-2])(?<!\w..)(?<!\d[.,:/]..))[./](?P<oy>{_YEAR}){_NEND}{_YSUF}"
_MON = rf"(?P<mm>{_MONTH_RE_B})(?:\s+(?P<my>{_YEAR}){_YSUF})?"
_QUARTER = (
    r"(?:(?P<qr>i(?<!\wi)(?:v|i{0,2}))|(?P<qn>[1-4](?<!\w.))(?:\s*-?\s*(?:ый|ий|ой|й|ом|м))?"
    r"|(?P<qw>(?:перв|втор|трет)(?<!\w....)|четверт(?<!\w.......))\w*)"
    rf"\s*{_QUARTER_WORD}(?:\s+(?P<qy>{_YEAR}){_YSUF})?"
)
_YR = rf"(?P<yy>{_YEAR_B})\s*(?:годом|года|году|год|г\.|г(?!\w))"
_SDM = rf"(?P<sd>{_D1}\d?)\.(?P<sm>\d{{1,2}}){_NEND}"  # "01.09": only as the start of a range
_SD = rf"(?P<dd>{_D1}\d?)(?!\d)(?:-?го)?"  # "10" of "10-15 сентября": only as the start of a range

_ATOM = re.compile("|".join(f"(?:{p})" for p in (_NUM, _ISO, _TXT, _NMON, _QUARTER, _MON, _YR, _SDM, _SD)))


def _lit(word: str) -> str:
    """`word` at the start of a word, with the boundary check after it (see _MONTH_RE_B)."""
    return re.escape(word) + rf"(?<!\w{'.' * len(word)})"


# Scanning forms of the atoms, without group names: they find an atom's extent and the handlers parse it with
# _ATOM. Each starts with a plain character or class; the digit-led ones share their first digit.
_REST = {  # what follows the first digit of each digit-led atom
    "num": rf"\d?[./]\d{{1,2}}[./](?:\d{{4}}|\d{{2}}){_NEND}{_YSUF}",  # 09.07.2018, 9.7.18
    "iso": rf"(?<!\d-\d)\d{{3}}-\d{{2}}-\d{{2}}{_NEND}",  # 2018-07-09
    "txt": rf"\d?(?!\d)(?:-?го)?\s*\"?\s*(?:{_MONTH_RE}|{_ABBR_RE})(?:\s*{_YEAR}{_YSUF})?",  # 18 сентября
    "nmon": rf"(?:(?<=0)[1-9]|(?<=1)[0-2])[./]{_YEAR}{_NEND}{_YSUF}",  # 09.2018
    "yr": r"(?:(?<=1)9|(?<=2)0)\d{2}(?!\d)\s*(?:годом|года|году|год|г\.|г(?!\w))",  # 2018 года
    "qn": rf"(?<=[1-4])(?:\s*-?\s*(?:ый|ий|ой|й|ом|м))?\s*{_QUARTER_WORD}(?:\s+{_YEAR}{_YSUF})?",  # 1 квартал
    "sdm": rf"\d?\.\d{{1,2}}{_NEND}",  # 01.09 (range start)
    "sd": r"\d?(?!\d)(?:-?го)?",  # 10 (range start)
}


def _digit_led(*names: str) -> str:
    return _D1 + "(?:" + "|".join(_REST[n] for n in names) + ")"


_QUOTED_SCAN = rf'"(?<!\w")\s*\d\d?(?!\d)(?:-?го)?\s*"?\s*(?:{_MONTH_RE}|{_ABBR_RE})(?:\s*{_YEAR}{_YSUF})?'
_MON_SCAN = rf"{_MONTH_RE_B}(?:\s+{_YEAR}{_YSUF})?"
_QUARTER_SCAN = (
    "(?:"
    + "|".join([r"i(?<!\wi)(?:v|i{0,2})"] + [_lit(w) + r"\w*" for w in _ORDINAL])
    + rf")\s*{_QUARTER_WORD}(?:\s+{_YEAR}{_YSUF})?"
)
_A_DIGIT = _digit_led("num", "iso", "txt", "nmon", "sdm", "sd")
_A_SIDE = f"(?:{_A_DIGIT}|{_QUOTED_SCAN}|{_MON_SCAN})"
_B_SIDE = f"(?:{_digit_led('num', 'iso', 'txt', 'nmon')}|{_QUOTED_SCAN}|{_MON_SCAN})"
_DEADLINE_X = (
    f"(?:{_digit_led('num', 'iso', 'txt', 'nmon', 'yr', 'qn')}|{_QUOTED_SCAN}|{_MON_SCAN}|{_QUARTER_SCAN})"
)
_RECUR_X = f"(?:{_digit_led('num', 'iso', 'txt')}|{_QUOTED_SCAN}|{_MON_SCAN})"

# "5 числа", "5-го числа каждого месяца": a day of every month
_DOM = (
    r"(?P<d>\d{1,2})(?!\d)(?:\s*-?\s*(?:го|е))?\s+числ[ауо]"
    r"(?:\s+(?:каждого|текущего|следующего)\s+месяца)?"
)
_BY = (
    "(?:"
    + "|".join(
        [
            _lit("в") + r"\s+срок\s+(?:до|не\s+позднее|не\s+позже)",
            _lit("до"),
            _lit("не") + r"\s+(?:позднее|позже)",
            _lit("к"),
        ]
    )
    + ")"
)
_REC_ADVERBS = ("ежемесячно", "ежеквартально", "еженедельно", "ежегодно", "ежедневно")
_REC_ADVERB = "|".join(_REC_ADVERBS)
_TIMES = r"раза?\s+в\s+(?:месяц|квартал|полугодие|год|неделю|день)"  # "раз в месяц", "2 раза в год"
_REC_WORDS = (
    "(?:"
    + "|".join(
        [_lit(w) for w in _REC_ADVERBS]
        + [
            _lit("кажд") + r"(?:ый|ое|ую)\s+(?:месяц|квартал|год|день|неделю|полугодие)",
            _lit("раз") + _TIMES[3:],
        ]
        + [_lit(w) + rf"\s+{_TIMES}" for w in _NUMBER_WORDS]
    )
    + ")"
)
_RECUR_TAIL = rf"(?:\s*,?\s*{_BY}\s+(?:{_DOM}|(?P<x>{_RECUR_X})))?"
_SCHOOL_WORD = r"(?:учебн\w*|уч\.?)\s*(?P<g>годы|годов|годах|год\w*|гг\.?|г\.?(?!\w))"
_Q_LED = r"i(?<!\wi)(?:v|i{0,2})|" + "|".join(_lit(d) for d in "1234")
_Q = r"iv|i{1,3}|[1-4]"


@dataclass(slots=True)
class _Atom:
    """One parsed side of a date expression; `start`/`end` locate it in the folded text."""

    start: int
    end: int
    precision: Precision
    y: int | None = None
    m: int | None = None
    d: int | None = None
    m2: int | None = None  # last month when the atom spans several (a quarter)
    partial: bool = False  # "10" or "01.09": meaningful only as the start of a range
    lenient: bool = False  # two-digit year: an impossible value means "not a date" rather than "wrong date"

    def first(self) -> DateParts:
        return _parts(self.y, self.m, self.d)

    def last(self) -> DateParts:
        return _parts(self.y, self.m2 or self.m, self.d)


def _parse_atom(m: re.Match[str], group: int | str = 0) -> _Atom | None:
    start, end = m.span(group)
    a = _ATOM.fullmatch(m.string, start, end)
    if a is None:
        return None
    if a["nd"] is not None:
        two = len(a["ny"]) == 2
        y = int(a["ny"]) + (2000 if two else 0)
        return _Atom(start, end, "day", y, int(a["nm"]), int(a["nd"]), lenient=two)
    if a["iy"] is not None:
        return _Atom(start, end, "day", int(a["iy"]), int(a["im"]), int(a["id"]))
    if a["td"] is not None:
        month = months.NUMBER_BY_WORD[a["tm"]] if a["tm"] is not None else _MONTH_ABBR[a["ta"].rstrip(".")]
        return _Atom(start, end, "day", int(a["ty"]) if a["ty"] else None, month, int(a["td"]))
    if a["om"] is not None:
        return _Atom(start, end, "month", int(a["oy"]), int(a["om"]))
    if a["mm"] is not None:
        return _Atom(start, end, "month", int(a["my"]) if a["my"] else None, months.NUMBER_BY_WORD[a["mm"]])
    if a["qr"] is not None or a["qn"] is not None or a["qw"] is not None:
        if a["qr"] is not None:
            q = _ROMAN[a["qr"]]
        elif a["qn"] is not None:
            q = int(a["qn"])
        else:
            q = _ORDINAL[a["qw"]]
        return _Atom(start, end, "quarter", int(a["qy"]) if a["qy"] else None, 3 * q - 2, m2=3 * q)
    if a["yy"] is not None:
        return _Atom(start, end, "year", int(a["yy"]))
    if a["sd"] is not None:
        return _Atom(start, end, "day", None, int(a["sm"]), int(a["sd"]), partial=True)
    return _Atom(start, end, "day", None, None, int(a["dd"]), partial=True)


@lru_cache(maxsize=4096)
def _parts(year: int | None = None, month: int | None = None, day: int | None = None) -> DateParts:
    # frozen, so one instance per value can be shared; model_construct: the values are ours, already checked
    return DateParts.model_construct(year=year, month=month, day=day)


def _plural_days(n: int) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return f"{n} день"
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return f"{n} дня"
    return f"{n} дней"


class _NotADate(Exception):
    """Raised by _check when an impossible value means the text is no date at all (e.g. "3.21.18")."""


def _check(a: _Atom) -> str | None:
    """The reason (Russian) why the atom names no real day, or None when it is fine."""
    forgiving = a.partial or a.lenient
    if a.m is not None and not 1 <= a.m <= 12:
        if forgiving:
            raise _NotADate
        return f"такой даты нет (месяца {a.m} нет, в году 12 месяцев)"
    if a.d is not None and a.m is not None:
        n = _month_len(a.y, a.m)
        if a.d == 0 or a.d > n:
            if a.partial or (forgiving and (a.d > 31 or a.d == 0)):
                raise _NotADate
            if a.d == 0:
                return "такой даты нет (нулевого числа не бывает)"
            where = f"феврале {a.y} года" if a.m == 2 and a.y is not None else _MONTH_PREP[a.m]
            return f"такой даты нет (в {where} {_plural_days(n)})"
    if a.y is not None and not 1900 <= a.y <= 2100:
        return f"год {a.y} не похож на настоящий (опечатка?)"
    return None


# ---------------------------------------------------------------------------------------------------------
# Candidates and the rules that make them


@dataclass(slots=True)
class _Found:
    start: int  # in the folded text
    end: int
    kind: Kind
    first: DateParts | None = None
    last: DateParts | None = None
    precision: Precision | None = None
    recurrence: Recurrence | None = None
    years: int | None = None
    problem: str | None = None  # the reason; the text it is about is prefixed at the end
    label: tuple[int, int] | None = None  # folded span of the text the problem is about


def _invalid(
    m: re.Match[str], problem: str, precision: Precision | None, about: _Atom | None = None
) -> _Found:
    span = (about.start, about.end) if about is not None else m.span()
    return _Found(m.start(), m.end(), "invalid", precision=precision, problem=problem, label=span)


_SINGLE_KIND: dict[str, Kind] = {"day": "date", "month": "month", "quarter": "quarter", "year": "period"}


def _on_single(m: re.Match[str]) -> _Found | None:
    a = _parse_atom(m)
    if a is None:
        return None
    problem = _check(a)
    if problem is not None:
        return _invalid(m, problem, a.precision)
    kind = _SINGLE_KIND[a.precision]
    years = 1 if kind == "period" else None
    return _Found(m.start(), m.end(), kind, a.first(), a.last(), a.precision, years=years)


def _crosses_year(a: _Atom, b: _Atom) -> bool:
    return (a.m or 1) > (b.m2 or b.m or 12)  # the same rule as DateMention's _wraps


def _on_range(m: re.Match[str]) -> _Found | None:
    if "pre" not in m.re.groupindex and "до" in m["sep"]:
        return None  # "X до Y" without "с" in front is not a range
    a, b = _parse_atom(m, "a"), _parse_atom(m, "b")
    if a is None or b is None or b.partial:
        return None
    if a.partial:  # "10-15 сентября", "01.09-30.09.2018": the start borrows what it lacks from the end
        if b.precision != "day":
            return None
        if a.m is None:
            a.m = b.m
    # a year written once covers both ends; crossing New Year shifts the other end by one
    if a.y is None and b.y is not None:
        a.y = b.y - 1 if _crosses_year(a, b) else b.y
    elif b.y is None and a.y is not None:
        b.y = a.y + 1 if _crosses_year(a, b) else a.y
    precision: Precision = "day" if a.precision == b.precision == "day" else "month"
    for side in (a, b):
        problem = _check(side)
        if problem is not None:
            return _invalid(m, problem, precision, side)
    if a.y is not None and b.y is not None and a.m is not None and b.m is not None:
        start = datetime.date(a.y, a.m, a.d or 1)
        end = datetime.date(b.y, b.m, b.d or _month_len(b.y, b.m))
        if start > end:
            reason = f"начало периода ({format_date(start)}) позже его конца ({format_date(end)})"
            return _invalid(m, reason, precision)
    elif a.m == b.m and a.d is not None and b.d is not None and a.d > b.d:  # "20-10 сентября"
        return _invalid(m, "начало периода позже его конца", precision)
    return _Found(m.start(), m.end(), "range", a.first(), b.last(), precision)


def _on_deadline(m: re.Match[str]) -> _Found | None:
    x = _parse_atom(m, "x")
    if x is None:
        return None
    problem = _check(x)
    if problem is not None:
        return _invalid(m, problem, x.precision, x)
    return _Found(m.start(), m.end(), "deadline", None, x.last(), x.precision)


def _recurrence_of(phrase: str) -> Recurrence | None:
    return _RECURRENCE_WORDS.get(phrase) or _RECURRENCE_WORDS.get(phrase.split()[-1])


def _day_of_month(m: re.Match[str]) -> DateParts:
    day = int(m["d"])
    if not 1 <= day <= 31:
        raise _NotADate  # handled by the caller as "invalid"
    return _parts(day=day)


def _on_day_of_month(m: re.Match[str]) -> _Found | None:
    try:
        last = _day_of_month(m)
    except _NotADate:
        return _invalid(m, "такого числа нет (в месяце не больше 31 дня)", "day")
    if m["rec"] is not None:  # "до 5 числа ежеквартально"
        return _Found(m.start(), m.end(), "recurring", None, last, "day", _recurrence_of(m["rec"]))
    return _Found(m.start(), m.end(), "deadline", None, last, "day", "monthly")


def _on_recurring(m: re.Match[str]) -> _Found | None:
    rec = _recurrence_of(m["rec"])
    if m["d"] is not None:  # "ежемесячно до 5 числа"
        try:
            last = _day_of_month(m)
        except _NotADate:
            return _invalid(m, "такого числа нет (в месяце не больше 31 дня)", "day")
        return _Found(m.start(), m.end(), "recurring", None, last, "day", rec)
    if m["x"] is not None:  # "ежегодно до 1 сентября"
        x = _parse_atom(m, "x")
        try:
            if x is not None and _check(x) is None:
                return _Found(m.start(), m.end(), "recurring", None, x.last(), x.precision, rec)
        except _NotADate:
            pass
    # the adverb alone; a tail that is no date is left for the other rules
    return _Found(m.start(), m.end("rec"), "recurring", recurrence=rec)


def _full_year(y1: int, y2_text: str) -> int:
    if len(y2_text) == 4:
        return int(y2_text)
    y2 = y1 // 100 * 100 + int(y2_text)  # "2018-19"
    return y2 + 100 if y2 < y1 else y2


def _on_school_year(m: re.Match[str]) -> _Found | None:
    y1 = int(m["y1"])
    y2 = _full_year(y1, m["y2"])
    if not 1900 <= y1 <= 2100:
        return None
    if m["g"].startswith(("годы", "годов", "годах", "гг")):  # "2018-2021 учебные годы": several
        if y2 <= y1:
            return _invalid(m, "второй год должен быть позже первого", "school_year")
        if y2 - y1 > 10:
            return None
    elif y2 != y1 + 1:
        return _invalid(m, f"учебный год занимает два соседних года ({y1}-{y1 + 1})", "school_year")
    first, last = _parts(year=y1, month=9), _parts(year=y2, month=8)
    return _Found(m.start(), m.end(), "school_year", first, last, "school_year", years=y2 - y1)


def _on_years(m: re.Match[str]) -> _Found | None:
    y1, y2 = int(m["y1"]), int(m["y2"])
    if not 1 <= y2 - y1 <= 10:
        if y2 <= y1 and m["suf"]:
            return _invalid(m, "второй год должен быть позже первого", "year")
        return None  # "2016-2030" with no word, or years far apart: not a period to trust
    first, last = _parts(year=y1), _parts(year=y2)
    return _Found(m.start(), m.end(), "period", first, last, "year", years=y2 - y1 + 1)


def _on_duration(m: re.Match[str]) -> _Found | None:
    n = int(m["n"]) if m["n"].isdigit() else _NUMBER_WORDS[m["n"]]
    if n == 0:
        return None
    precision: Precision = "school_year" if m["sch"] else "year"
    return _Found(m.start(), m.end(), "period", precision=precision, years=n)


def _on_half(m: re.Match[str]) -> _Found | None:
    h = 2 if m.group().startswith(("ii", "2", "втор")) else 1
    if m["sy1"] is not None:
        y1 = int(m["sy1"])
        y2 = _full_year(y1, m["sy2"])
        if y2 != y1 + 1:
            return None
        # a half of a school year: September–December, then January–May
        if h == 1:
            first, last = _parts(year=y1, month=9), _parts(year=y1, month=12)
        else:
            first, last = _parts(year=y2, month=1), _parts(year=y2, month=5)
    else:
        y = int(m["y"]) if m["y"] else None
        first, last = _parts(year=y, month=6 * h - 5), _parts(year=y, month=6 * h)
    return _Found(m.start(), m.end(), "range", first, last, "month")


def _on_quarter_range(m: re.Match[str]) -> _Found | None:
    q1, q2 = (_ROMAN.get(q) or int(q) for q in (m["q1"], m["q2"]))
    if q1 >= q2:
        return None
    y = int(m["y"]) if m["y"] else None
    first, last = _parts(year=y, month=3 * q1 - 2), _parts(year=y, month=3 * q2)
    return _Found(m.start(), m.end(), "range", first, last, "quarter")


def _on_vague(m: re.Match[str]) -> _Found | None:
    return _Found(m.start(), m.end(), "vague")


_Handler = Callable[[re.Match[str]], _Found | None]
_SEP = r"(?P<sep>\s*-\s*|\s+(?:по|до)\s+)"
_YEARS_WORD = r"(?:годы|годов|годах|года|г\.\s*г\.|гг\.?|г\.|г(?!\w)|год(?!\w))"
_RULE_SOURCES: tuple[tuple[str, _Handler], ...] = (
    # single atoms
    (_digit_led("num", "iso", "txt", "nmon", "yr", "qn"), _on_single),
    (_QUOTED_SCAN, _on_single),
    (_MON_SCAN, _on_single),
    (_QUARTER_SCAN, _on_single),
    # ranges, split by how they start so each pattern starts with a plain character
    (rf"(?P<pre>{_lit('с')}о?)\s+(?P<a>{_A_SIDE}){_SEP}(?P<b>{_B_SIDE})", _on_range),
    (rf"(?P<a>{_A_DIGIT}){_SEP}(?P<b>{_B_SIDE})", _on_range),
    (rf"(?P<a>{_QUOTED_SCAN}){_SEP}(?P<b>{_B_SIDE})", _on_range),
    (rf"(?P<a>{_MON_SCAN}){_SEP}(?P<b>{_B_SIDE})", _on_range),
    # deadlines
    (rf"{_BY}\s+(?:(?:конца|окончания)\s+)?(?P<x>{_DEADLINE_X})", _on_deadline),
    (rf"{_BY}\s+{_DOM}(?:\s*,?\s*(?P<rec>{_REC_ADVERB})(?!\w))?", _on_day_of_month),
    # recurring
    (rf"(?P<rec>{_REC_WORDS})(?!\w){_RECUR_TAIL}", _on_recurring),
    (rf"(?P<rec>{_D1}\d?\s+{_TIMES})(?!\w){_RECUR_TAIL}", _on_recurring),
    # school years and periods
    (
        rf"(?P<y1>{_D1}\d{{3}})\s*[-/]\s*(?P<y2>\d{{4}}|\d{{2}})(?!\d)\s*(?:гг?\.\s*)?{_SCHOOL_WORD}",
        _on_school_year,
    ),
    (
        rf"{_lit('учебн')}\w*\s+(?P<g>год\w*)\s*:?\s*(?P<y1>\d{{4}})\s*[-/]\s*(?P<y2>\d{{4}}|\d{{2}}){_NEND}",
        _on_school_year,
    ),
    (rf"(?P<y1>{_YEAR_B})\s*-\s*(?P<y2>{_YEAR}){_NEND}(?P<suf>\s*{_YEARS_WORD})?", _on_years),
    (
        rf"{_lit('с')}\s+(?P<y1>{_YEAR})\s*(?:года|г\.)?\s+(?:по|до)\s+(?P<y2>{_YEAR})(?P<suf>\s*{_YEARS_WORD})?",
        _on_years,
    ),
    (
        rf"(?:{_lit('на')}|{_lit('в')}\s+течение|{_lit('сроком')}\s+на)\s+(?P<n>\d{{1,2}}(?!\d)|{_NUMBER_RE})"
        r"\s+(?P<sch>учебн\w+\s+)?(?:год\w*|лет)(?!\w)",
        _on_duration,
    ),
    (
        r"(?:i(?<!\wi)i?|1(?<!\w1)(?:\s*-?\s*(?:ое|е|ом|м))?|2(?<!\w2)(?:\s*-?\s*(?:ое|е|ом|м))?"
        rf"|{_lit('перв')}\w*|{_lit('втор')}\w*)\s*полугоди\w*"
        r"(?:\s+(?:(?P<sy1>\d{4})\s*[-/]\s*(?P<sy2>\d{4}|\d{2})(?!\d)\s*(?:учебн\w*|уч\.?)\s*"
        rf"(?:год\w*|г\.?(?!\w))|(?P<y>{_YEAR}){_YSUF}))?",
        _on_half,
    ),
    (
        rf"(?P<q1>{_Q_LED})\s*-\s*(?P<q2>{_Q})\s*{_QUARTER_WORD}(?:\s+(?P<y>{_YEAR}){_YSUF})?",
        _on_quarter_range,
    ),
    (
        "(?:"
        + "|".join(
            [
                _lit("в") + r"\s+течение\s+(?:всего\s+)?(?:(?:учебного|календарного|отчетного|текущего)\s+)?"
                r"(?:года|периода|месяца|квартала|полугодия|срока(?:\s+реализации(?:\s+(?:программы|проекта))?)?)",
                _lit("весь") + r"\s+период",
                _lit("по") + r"\s+(?:мере\s+необходимости|необходимости|плану|графику)",
            ]
            + [_lit(w) for w in ("постоянно", "систематически", "регулярно")]
        )
        + r")(?!\w)",
        _on_vague,
    ),
)
_RULES: tuple[tuple[re.Pattern[str], _Handler], ...] = tuple(
    (re.compile(pattern), handler) for pattern, handler in _RULE_SOURCES
)

# a number right after these is an item, order, page or phone number, never the start of a date
_NOT_A_DATE_BEFORE = re.compile(
    r"(?:(?<!\w)(?:п|пп|пункт\w*|ст|гл|глава|раздел\w*|рис|табл|стр|тел|n)\.?|№)\s*\Z"
)

# Every rule's match contains one of these, no further than _HEAD characters from its start and _TAIL from
# its end (whitespace is squeezed by then). Rules run only in windows around them: most of a document is
# prose without any, and scanning all of it once per rule was most of the cost.
_TRIGGER = re.compile(
    "|".join(
        [rf"{d}\d*" for d in "0123456789"]  # one literal per digit keeps a plain-character start
        + [stem for stem, _ in months.STEMS if stem != "ма"]
        + [r"ма(?:ем|[йяею])", r"кв(?:\.|(?!\w)|артал)", "полугод", "еже", "кажд", r"раза?\sв(?!\w)"]
        + ["течени", r"весь\sпериод", "постоянн", "необходим", r"по\sплану", r"по\sграфику", "систематич"]
        + ["регулярн", rf"на\s(?:{_NUMBER_RE})"]
    )
)
_HEAD = 48  # "в срок не позднее конца четвертого квартала", the longest lead-in, has 35 before "квартала"
_TAIL = 48  # "течение срока реализации программы", the longest run-out, has 28 after "течение"


def _windows(folded: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    lo = hi = -1
    for m in _TRIGGER.finditer(folded):
        if m.start() - _HEAD <= hi:
            hi = m.end() + _TAIL
        else:
            if hi >= 0:
                out.append((lo, hi))
            lo, hi = max(0, m.start() - _HEAD), m.end() + _TAIL
    if hi >= 0:
        out.append((lo, min(hi, len(folded))))
    return out


def _candidates(folded: str, windows: list[tuple[int, int]] | None = None) -> list[_Found]:
    """Every rule's hits; `windows` defaults to those around triggers ([(0, len)] scans everything)."""
    found: list[_Found] = []
    if windows is None:
        windows = _windows(folded)
    for pattern, handler in _RULES:
        for lo, hi in windows:
            for m in pattern.finditer(folded, lo, hi):
                try:
                    f = handler(m)
                except _NotADate:
                    continue
                if f is None:
                    continue
                before = max(0, f.start - 12)
                if folded[f.start].isdigit() and _NOT_A_DATE_BEFORE.search(folded, before, f.start):
                    continue
                found.append(f)
    return found


def _label(text: str) -> str:
    # the words of the original, on one line, without soft hyphens
    for ch in _INVISIBLE:
        text = text.replace(ch, "")
    return " ".join(text.split())


def find_dates(text: str) -> list[DateMention]:
    """All date mentions in `text`, left to right, non-overlapping; the longest match wins."""
    # the same cell and block texts are read by several rules and by the facts: parse each once
    return list(_find_dates_cached(text))


@lru_cache(maxsize=16384)
def _find_dates_cached(text: str) -> tuple[DateMention, ...]:
    return tuple(_find_dates(text))


def _find_dates(text: str) -> list[DateMention]:
    folded, maps = _fold(text)
    # longest first, then leftmost; sorted() is stable, so on a full tie the rule listed first wins
    cands = sorted(_candidates(folded), key=lambda f: (f.start - f.end, f.start))
    starts: list[int] = []  # accepted spans, kept sorted and disjoint
    ends: list[int] = []
    chosen: list[_Found] = []
    for f in cands:
        i = bisect_left(starts, f.start)
        if (i > 0 and ends[i - 1] > f.start) or (i < len(starts) and starts[i] < f.end):
            continue
        starts.insert(i, f.start)
        ends.insert(i, f.end)
        chosen.insert(i, f)
    out: list[DateMention] = []
    for f in chosen:
        start, end = _origin(f.start, maps), _origin(f.end - 1, maps) + 1
        problem = f.problem
        if problem is not None and f.label is not None:
            lo, hi = _origin(f.label[0], maps), _origin(f.label[1] - 1, maps) + 1
            problem = f"{_label(text[lo:hi])}: {problem}"
        out.append(
            DateMention(
                kind=f.kind,
                text=text[start:end],
                start=start,
                end=end,
                first=f.first,
                last=f.last,
                precision=f.precision,
                recurrence=f.recurrence,
                years=f.years,
                problem=problem,
            )
        )
    return out


def parse_date_text(text: str) -> list[DateMention]:
    """Date mentions of one table cell (the same grammar as `find_dates`)."""
    return find_dates(text)
