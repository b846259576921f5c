"""Quantities in Russian text: a number in digits or in words, with the noun it counts.

«40 ШНОР и 28 кураторов», «восемь школ», «более 250 учителей», «около полутора тысяч участников»,
«представители 49 образовательных учреждений», «Количество участников: 40». Numbers that are not
quantities are skipped: school numbers («СОШ № 3»), dates («12 сентября», «12.09.2018»), years
(«2018 года»), times («10.00»), clause numbers («п. 3.21»)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checker.language import months
from checker.language.morphology import analyzer, lemma

_UNITS = {
    "ноль": 0, "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8,
    "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14,
    "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19,
    "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70,
    "восемьдесят": 80, "девяносто": 90, "сто": 100, "двести": 200, "триста": 300, "четыреста": 400,
    "пятьсот": 500, "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900,
    "двое": 2, "трое": 3, "четверо": 4, "пятеро": 5, "шестеро": 6, "семеро": 7, "оба": 2, "полтора": 1.5,
}
_MULTIPLIERS = {"тысяча": 1000, "тыс": 1000, "миллион": 1_000_000, "млн": 1_000_000}
# «десятки педагогов», «несколько сотен участников»: a count, but a vague one
_VAGUE = {"десяток": 10, "сотня": 100}
_APPROX = {"около", "более", "свыше", "порядка", "почти", "примерно", "приблизительно", "менее", "до", "больше",
           "меньше", "несколько"}
_MONTHS = re.compile("^" + months.STEM)
_WORD = re.compile(r"\d+(?:[ \u00a0]\d{3})+(?![\d.,:])|\d+(?:[.,]\d+)*|[а-яa-z]+(?:-[а-яa-z]+)*|%|№|:|[-–—]")
# after a number: words that make it a date, a year, a time, a clause, not a quantity
_NOT_COUNT_AFTER = {"год", "г", "гг", "час", "ч", "мин", "минута", "класс", "кл", "раз", "место", "балл",
                    "процент", "страница", "с", "стр", "рубль", "руб", "тысяча-рубль", "день", "неделя", "месяц",
                    "квартал", "полугодие", "этап", "пункт", "п", "мероприятие-пункт"}
_BEFORE_NUMBER_IS_LABEL = {"№", "n", "номер", "п", "пункт", "пп", "ст", "статья", "приказ", "раздел", "глава",
                           "приложение", "протокол", "кабинет", "каб", "аудитория", "ауд", "сош", "оош", "школа",
                           "лицей", "гимназия", "мбоу", "маоу", "мкоу", "моу", "гбоу", "от", "корпус", "дом", "д",
                           "тел", "телефон", "исх", "вх"}


@dataclass(frozen=True)
class Quantity:
    """A counted quantity: its value (the lower bound for «более 250»), where it is, and what it counts."""

    value: float
    start: int  # span of the number (and of «более», «около») in the text
    end: int
    unit: str | None  # lemma of the counted noun («учитель», «шнор»), «%» for a percentage
    unit_end: int  # end of the counted noun (== end when there is none)
    approximate: bool = False
    in_words: bool = False

    @property
    def text_span(self) -> tuple[int, int]:
        return self.start, max(self.end, self.unit_end)


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int


def _tokens(folded: str) -> list[_Token]:
    return [_Token(m.group(), m.start(), m.end()) for m in _WORD.finditer(folded)]


@lru_cache(maxsize=50_000)
def _tag(word: str) -> tuple[str, str]:
    """(part of speech, lemma) of a folded word; abbreviations stay as they are."""
    if not re.search("[а-я]", word):
        return "LATN", word
    parse = analyzer().parse(word)[0]
    pos = str(parse.tag.POS or "")
    if pos == "NUMR" or parse.normal_form in _UNITS or parse.normal_form in _MULTIPLIERS:
        return ("NUMR" if parse.normal_form in _UNITS else "MULT"), parse.normal_form.replace("ё", "е")
    if parse.normal_form in _VAGUE:
        return "VAGUE", parse.normal_form
    lem = lemma(word)
    if lem != parse.normal_form.replace("ё", "е"):  # an abbreviation kept as written (ШНОР, ТМС, ОО)
        return "NOUN", lem
    return pos, lem


def _digits(text: str) -> float | None:
    raw = text.replace(" ", "").replace("\u00a0", "")
    if re.fullmatch(r"\d+", raw):
        return float(raw)
    if re.fullmatch(r"\d+,\d+", raw):  # «1,5 тыс.»
        return float(raw.replace(",", "."))
    return None  # 12.09.2018, 3.21, 10.00: not a count


def _read_number(tokens: list[_Token], i: int) -> tuple[float, int, bool] | None:
    """A number starting at token i: (value, index after it, written in words)."""
    first = tokens[i].text
    value = _digits(first) if first[0].isdigit() else None
    if value is not None:
        j = i + 1
        if j < len(tokens) and _tag(tokens[j].text)[0] == "MULT":
            value *= _MULTIPLIERS[_tag(tokens[j].text)[1]]
            j += 1
        return value, j, False
    if first[0].isdigit():
        return None
    total, current, j, seen = 0.0, 0.0, i, False
    while j < len(tokens):
        pos, lem = _tag(tokens[j].text)
        if pos == "NUMR":
            current += _UNITS[lem]
        elif pos == "MULT" and (seen or current == 0):
            total += (current or 1) * _MULTIPLIERS[lem]
            current = 0
        elif pos == "VAGUE" and not seen:
            return float(_VAGUE[lem] * 2), j + 1, True  # «десятки», «несколько сотен»: at least twenty, two hundred
        else:
            break
        seen = True
        j += 1
    if not seen:
        return None
    value = total + current
    if value == 1 and j == i + 1:
        return None  # a bare «один» is a pronoun far more often than a count
    return value, j, True


def _is_label(tokens: list[_Token], i: int, folded: str) -> bool:
    """«№ 3», «СОШ 12», «п. 3.21», «от 12.09»: the number names something, it does not count."""
    if i == 0:
        return False
    prev = tokens[i - 1].text
    if prev in ("№", "n") or prev.isdigit():
        return True
    gap = folded[tokens[i - 1].end : tokens[i].start]
    if "." in gap and prev in {"п", "пп", "ст", "д", "каб", "ауд", "тел", "исх", "вх", "г"}:
        return True
    return _tag(prev)[1] in _BEFORE_NUMBER_IS_LABEL


@lru_cache(maxsize=50_000)
def _normal_form(word: str) -> str:
    return analyzer().parse(word)[0].normal_form


def _unit_after(tokens: list[_Token], j: int, folded: str) -> tuple[str | None, int, bool]:
    """The counted noun after a number: skip up to three adjectives or participles (and «из»-free
    words like «образовательных»). Returns (lemma, end, is a date/time/year)."""
    adjective: tuple[str, int] | None = None  # «30 обучающихся»: a participle used as a noun
    for k in range(j, min(j + 4, len(tokens))):
        word = tokens[k].text
        if word == "%":
            return "%", tokens[k].end, False
        if word in (":", "-", "–", "—", "№") or word[0].isdigit():
            break
        gap = folded[tokens[k - 1].end : tokens[k].start] if k > 0 else ""
        if any(ch in gap for ch in ".;()\n,") and not (k == j and gap.strip() == "."):
            break
        pos, lem = _tag(word)
        if _MONTHS.match(word):
            return None, tokens[k].end, True
        if pos in ("ADJF", "PRTF", "ADJS", "NUMR"):
            adjective = adjective or (_normal_form(word), tokens[k].end)
            continue
        if pos in ("NOUN", "LATN") or (pos == "" and len(word) <= 6):
            return lem, tokens[k].end, lem in _NOT_COUNT_AFTER
        break
    if adjective is not None:
        return adjective[0], adjective[1], False
    return None, tokens[j - 1].end, False


def _unit_before(tokens: list[_Token], i: int, folded: str) -> tuple[str | None, int]:
    """«Количество участников: 40», «участников — 40»: the counted noun stands before a colon or dash."""
    if i < 2:
        return None, 0
    sep = tokens[i - 1].text
    if sep not in (":", "-", "–", "—") and _tag(sep)[1] not in ("составить", "составлять"):
        return None, 0
    for k in range(i - 2, max(i - 5, -1), -1):
        pos, lem = _tag(tokens[k].text)
        if pos == "NOUN" and lem not in ("количество", "число", "всего"):
            return lem, tokens[k].end
    return None, 0


def find_quantities(folded: str) -> list[Quantity]:
    """Every counted quantity of a folded text, in order."""
    return list(_find_quantities(folded))


@lru_cache(maxsize=4096)  # several count rules read the same units of one document
def _find_quantities(folded: str) -> tuple[Quantity, ...]:
    tokens = _tokens(folded)
    found: list[Quantity] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if not (token.text[0].isdigit() or _tag(token.text)[0] in ("NUMR", "VAGUE", "MULT")):
            i += 1
            continue
        read = _read_number(tokens, i)
        if read is None or _is_label(tokens, i, folded):
            i += 1
            continue
        value, j, in_words = read
        # «12.09.2018», «10.00»: glued to more digits by a dot is a date or a time
        tail = folded[token.end : token.end + 3]
        if token.text[0].isdigit() and re.match(r"[.:]\d", tail):
            i = j
            continue
        start = token.start
        approximate = in_words and _tag(token.text)[0] == "VAGUE"
        if i > 0 and (tokens[i - 1].text in _APPROX or _tag(tokens[i - 1].text)[1] in _APPROX):
            start, approximate = tokens[i - 1].start, True
        unit, unit_end, not_count = _unit_after(tokens, j, folded)
        if not_count:
            i = j
            continue
        if unit is None:
            unit, _ = _unit_before(tokens, i, folded)
            unit_end = tokens[j - 1].end
        if token.text[0].isdigit() and 1900 <= value <= 2100 and unit is None:
            i = j
            continue  # a bare year
        found.append(Quantity(value, start, tokens[j - 1].end, unit, unit_end, approximate, in_words))
        i = j
    return tuple(found)
