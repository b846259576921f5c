"""Letter-spaced words closed up: «У Т В Е Р Ж Д А Ю» → «УТВЕРЖДАЮ», «п о с т а н о в л я ю» →
«постановляю».

Four or more single letters of one case, each followed by one space. Words of a spaced phrase are
told apart by a wider gap where the source kept it («П Р О Г Р А М М А   Р А З В И Т И Я»), else by
the dictionary (two or three known words); a run that splits neither way is closed up whole only
when the dictionary knows it. A word spaced as a capital and small letters («Д и р е к т о р») is closed
up the same way. A text that is nothing but one spaced run (a line of a title page: «А л т у н и н а»,
«У Т В Е Р Ж Д») is closed up whole unless the dictionary splits it into long words. A PDF table cell
can cut a spaced word over two lines, its tail a few lines further down («У Т В Е Р Ж Д» … «А Ю»): the
tail is put back where the dictionary knows the whole word.
"""

from __future__ import annotations

import re

from checker.document import Document
from checker.layout.lines import Context, fix_words, plural
from checker.parsers.text import known_word

_UPPER_RUN = re.compile(r"(?<![\w.])(?:[А-ЯЁ] {1,4}){3,}[А-ЯЁ](?![\w.])")
_LOWER_RUN = re.compile(r"(?<![\w.])(?:[а-яё] ){3,}[а-яё](?![\w.])")
_MIXED_RUN = re.compile(r"(?<![\w.])[А-ЯЁ](?: [а-яё]){3,}(?![\w.])")
_TAIL = re.compile(r"[А-ЯЁ](?: ?[А-ЯЁ]){0,2}")
_WORD_CUT = re.compile(r"[А-ЯЁ]{5,}")
_TAIL_WINDOW = 6  # blocks after a cut word where its tail may stand
_WHOLE_MAX = 20  # letters a whole-text run closed up as one word may have
_LONG_PART = 4  # letters each word of a dictionary split of a whole-text run needs
_HINT = re.compile(r"(?<!\S)\w \w \w \w(?!\S)")
_WIDE_GAP = re.compile(r" {2,}")


def _split_known(letters: str) -> list[str] | None:
    """`ПРОГРАММАРАЗВИТИЯ` → [`ПРОГРАММА`, `РАЗВИТИЯ`]: the split into the fewest known words."""
    if known_word(letters):
        return [letters]
    n = len(letters)
    for i in range(n - 2, 1, -1):  # the longest known first word: «Директор им», not «Дирек торим»
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


def _close(run: str, whole: bool = False) -> str | None:
    parts = [p.replace(" ", "") for p in _WIDE_GAP.split(run.strip())]
    if len(parts) > 1 and all(len(p) >= 2 for p in parts):
        return " ".join(parts)
    letters = "".join(parts)
    words = _split_known(letters)
    if whole and len(letters) <= _WHOLE_MAX and (words is None or any(len(w) < _LONG_PART for w in words)):
        return letters  # a line of its own: one word, even one the dictionary does not know
    return " ".join(words) if words else None


def _fix(text: str, counter: list[int]) -> str:
    if not _HINT.search(text):
        return text

    stripped = text.strip()

    def repl(m: re.Match[str]) -> str:
        out = _close(m.group(0), whole=m.group(0) == stripped)
        if out is None:
            return m.group(0)
        counter[0] += 1
        return out

    return _LOWER_RUN.sub(repl, _UPPER_RUN.sub(repl, _MIXED_RUN.sub(repl, text)))


def _rejoin_tails(document: Document) -> int:
    """A word a table cell cut (a block that is one unknown capital word, «УТВЕРЖД») and its tail a few
    blocks on (one to three capitals, «А Ю»): the whole word where the dictionary knows it; the tail's
    block goes. Returns how many were put back."""
    blocks = document.blocks
    joined = 0
    for i, block in enumerate(blocks):
        word = block.text.strip()
        if block.table is not None or not _WORD_CUT.fullmatch(word) or known_word(word) is not False:
            continue
        for j in range(i + 1, min(i + 1 + _TAIL_WINDOW, len(blocks))):
            tail = blocks[j].text.strip()
            if blocks[j].table is None and _TAIL.fullmatch(tail) and known_word(word + tail.replace(" ", "")):
                block.text = block.text.replace(word, word + tail.replace(" ", ""))
                del blocks[j]
                joined += 1
                break
    return joined


def run(document: Document, context: Context) -> Document:
    if not _HINT.search(context.text(document)):
        return document
    fix_words(document, context, _fix, "слова, набранные вразрядку, собраны")
    joined = _rejoin_tails(document)
    if joined:
        context.replaced()
        document.metadata.recovered.append(
            "конец слова вразрядку, отнесённый ячейкой таблицы на другую строку, возвращён: "
            + plural(joined, "слово", "слова", "слов")
        )
    return document
