"""Numerals that agree with their noun: «встречается 2 раза», «5 знаков», «1 участник» (pymorphy3)."""

from __future__ import annotations

from functools import lru_cache

from checker.language.morphology import analyzer


def _noun(word: str):
    """The noun reading of a word («раз» is also an adverb and a conjunction)."""
    parses = analyzer().parse(word)
    return next((p for p in parses if p.tag.POS == "NOUN" and "nomn" in p.tag), parses[0])


@lru_cache(maxsize=4096)
def _agreed(noun: str, number: int) -> str:
    parse = _noun(noun)
    agreed = parse.make_agree_with_number(number)
    return agreed.word if agreed is not None else noun


def agree(number: int | float, noun: str) -> str:
    """«2 раза», «5 раз», «21 раз»; a fraction takes the genitive singular («1,5 тысячи»)."""
    if isinstance(number, float) and not number.is_integer():
        parse = _noun(noun)
        form = parse.inflect({"gent", "sing"})
        return f"{str(number).replace('.', ',')} {form.word if form else noun}"
    n = int(number)
    return f"{n} {_agreed(noun, abs(n))}"
