"""Russian month names, defined once.

Every reader of dates needs the twelve month words, each in the shape it reads:

- `STEMS`: each month's stem and the case endings that follow it («январ» + ь / я / е / ю / ем); the date
  grammar (`checker.language.dates`) maps every form back to its number with `NUMBER_BY_WORD`;
- `ANY_CASE`: a whole month word in any case («январь», «января», «в январе», «январем»), the right word
  boundary included; `ANY_CASE_B` is the same with the left boundary checked after the stem (a pattern
  whose first step is a plain character lets the regex engine skip a position at once);
- `GENITIVE`: only the genitive of a day's date («1 сентября», «29 августа 2025 г.»), the form an
  approval stamp is dated in; `GENITIVE_OR_BLANK` also takes the blank a printed form leaves for the
  month to be written by hand («"__" ________ 20__ г.»);
- `STEM`: the start of any form of a month word, for readers that take a word by its start («сентябр…»,
  «ма[йяею]…») — a table cell «до сентября», a token after a number («5 мая» is a date, not a count).

All patterns are lower case: compile them with `re.IGNORECASE` or apply them to folded text.
"""

from __future__ import annotations

_SOFT = ("ем", "ь", "я", "е", "ю")  # instrumental, nominative, genitive, prepositional, dative
_HARD = ("ом", "", "а", "е", "у")
_GENITIVE_INDEX = 2
_PREPOSITIONAL_INDEX = 3
STEMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("январ", _SOFT),
    ("феврал", _SOFT),
    ("март", _HARD),
    ("апрел", _SOFT),
    ("ма", ("ем", "й", "я", "е", "ю")),
    ("июн", _SOFT),
    ("июл", _SOFT),
    ("август", _HARD),
    ("сентябр", _SOFT),
    ("октябр", _SOFT),
    ("ноябр", _SOFT),
    ("декабр", _SOFT),
)
# every form of every month word -> the month's number (1–12)
NUMBER_BY_WORD: dict[str, int] = {
    stem + ending: number for number, (stem, endings) in enumerate(STEMS, 1) for ending in endings
}
GENITIVE_WORDS: tuple[str, ...] = tuple(stem + endings[_GENITIVE_INDEX] for stem, endings in STEMS)
# «в сентябре»: for messages that name a month
PREPOSITIONAL_WORDS: tuple[str, ...] = tuple(stem + endings[_PREPOSITIONAL_INDEX] for stem, endings in STEMS)

ANY_CASE = "(?:" + "|".join(stem + "(?:" + "|".join(ends) + ")" for stem, ends in STEMS) + r")(?!\w)"
ANY_CASE_B = (
    "(?:"
    + "|".join(stem + rf"(?<!\w{'.' * len(stem)})(?:" + "|".join(ends) + ")" for stem, ends in STEMS)
    + r")(?!\w)"
)
GENITIVE = "(?:" + "|".join(GENITIVE_WORDS) + ")"
# a printed form's blank in the month's place: «"__" ________ 20__ г.»
BLANK = r"_{2,}"
GENITIVE_OR_BLANK = "(?:" + "|".join(GENITIVE_WORDS) + "|" + BLANK + ")"


def _start(stem: str, endings: tuple[str, ...]) -> str:
    """A stem long enough to name its month alone, or the short «ма» with the first letters of its endings."""
    if len(stem) > 2:
        return stem
    return stem + "[" + "".join(sorted({e[0] for e in endings if e})) + "]"


STEM = "(?:" + "|".join(_start(stem, endings) for stem, endings in STEMS) + ")"
