"""Latin letters that look Cyrillic («Пpoгрaммa» typed on a Latin layout, or a PDF's font map): mapped
to the Cyrillic letters inside words that are otherwise Cyrillic, so the words match again.

A word is changed only when it has a Cyrillic letter and every Latin letter in it has a Cyrillic
twin; `Wi-Fi`, `ФГОС-Online` or a formula stay as they are.
"""

from __future__ import annotations

import re

from checker.document import Document
from checker.layout.lines import Context, fix_words

_TWINS = str.maketrans(
    {
        "a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у",
        "A": "А", "B": "В", "E": "Е", "K": "К", "M": "М", "H": "Н", "O": "О", "P": "Р", "C": "С",
        "T": "Т", "X": "Х",
    }
)  # fmt: skip
_LATIN_TWINS = frozenset("aeopcxyABEKMHOPCTX")
# A word that mixes the two alphabets, and the quick test for one.
_MIXED_HINT = re.compile(r"[А-Яа-яЁё][A-Za-z]|[A-Za-z][А-Яа-яЁё]")
_WORD = re.compile(r"[A-Za-zА-Яа-яЁё]+")
_LATIN = re.compile(r"[aceopxyABCEHKMOPTX]")


def _fix(text: str, counter: list[int]) -> str:
    if not _LATIN.search(text) or not _MIXED_HINT.search(text):  # one character class is a faster scan
        return text

    def repl(m: re.Match[str]) -> str:
        word = m.group(0)
        latin = [c for c in word if c.isascii()]
        if not latin or len(latin) == len(word) or any(c not in _LATIN_TWINS for c in latin):
            return word
        counter[0] += 1
        return word.translate(_TWINS)

    return _WORD.sub(repl, text)


def run(document: Document, context: Context) -> Document:
    text = context.text(document)
    if not _LATIN.search(text) or not _MIXED_HINT.search(text):
        return document
    fix_words(document, context, _fix, "латинские буквы в русских словах заменены русскими")
    return document
