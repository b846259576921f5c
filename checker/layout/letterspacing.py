"""Letter-spaced words closed up: «У Т В Е Р Ж Д А Ю» → «УТВЕРЖДАЮ», «п о с т а н о в л я ю» →
«постановляю».

Four or more single letters of one case, each followed by one space. Words of a spaced phrase are
told apart by a wider gap where the source kept it («П Р О Г Р А М М А   Р А З В И Т И Я»), else by
the dictionary (two or three known words); a run that splits neither way is closed up whole only
when the dictionary knows it.
"""

from __future__ import annotations

import re

from checker.document import Document
from checker.layout.lines import Context, fix_words
from checker.parsers.text import known_word

_UPPER_RUN = re.compile(r"(?<![\w.])(?:[А-ЯЁ] {1,4}){3,}[А-ЯЁ](?![\w.])")
_LOWER_RUN = re.compile(r"(?<![\w.])(?:[а-яё] ){3,}[а-яё](?![\w.])")
_HINT = re.compile(r"(?<!\S)\w \w \w \w(?!\S)")
_WIDE_GAP = re.compile(r" {2,}")


def _split_known(letters: str) -> list[str] | None:
    """`ПРОГРАММАРАЗВИТИЯ` → [`ПРОГРАММА`, `РАЗВИТИЯ`]: the split into the fewest known words."""
    if known_word(letters):
        return [letters]
    n = len(letters)
    for i in range(2, n - 1):
        a, b = letters[:i], letters[i:]
        if len(b) >= 2 and known_word(a) and known_word(b):
            return [a, b]
    for i in range(2, n - 3):
        if not known_word(letters[:i]):
            continue
        for j in range(i + 2, n - 1):
            if known_word(letters[i:j]) and known_word(letters[j:]):
                return [letters[:i], letters[i:j], letters[j:]]
    return None


def _close(run: str) -> str | None:
    parts = [p.replace(" ", "") for p in _WIDE_GAP.split(run.strip())]
    if len(parts) > 1 and all(len(p) >= 2 for p in parts):
        return " ".join(parts)
    letters = "".join(parts)
    words = _split_known(letters)
    return " ".join(words) if words else None


def _fix(text: str, counter: list[int]) -> str:
    if not _HINT.search(text):
        return text

    def repl(m: re.Match[str]) -> str:
        out = _close(m.group(0))
        if out is None:
            return m.group(0)
        counter[0] += 1
        return out

    return _LOWER_RUN.sub(repl, _UPPER_RUN.sub(repl, text))


def run(document: Document, context: Context) -> Document:
    if not _HINT.search(context.text(document)):
        return document
    fix_words(document, context, _fix, "слова, набранные вразрядку, собраны")
    return document
