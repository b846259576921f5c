"""Mojibake: Russian text decoded with the wrong code page somewhere before it reached us.

Three shapes are common in documents pasted from old sites and e-mail: UTF-8 bytes read as cp1251
(«Р”РѕСЂРѕР¶РЅР°СЏ», «в„–» for «№»), cp1251 read as Latin-1 or cp1252 («Äîðîæíàÿ»), cp1251 read as
cp866 («─юЁюцэр»). A stretch is re-decoded only when the bytes decode strictly and the result is
Russian words; the Latin-1 and cp866 shapes need three such words in the document.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from checker.document import Document
from checker.layout.lines import Context, all_texts, fix_words, map_texts, plural

# Bytes 0x80–0xBF as cp1251 shows them: the second byte of a UTF-8 Cyrillic letter.
_TRAIL = "".join(sorted(bytes(range(0x80, 0xC0)).decode("cp1251", errors="ignore")))
_T = "[" + re.escape(_TRAIL) + "]"
# A UTF-8 character read as cp1251: lead byte D0/D1 («Р»/«С»), C2 («В»), E2 («в») + trail bytes.
_U8_RUN = re.compile(rf"(?:[РСВ]{_T}|в{_T}{_T})(?:[РСВ]{_T}|в{_T}{_T}|[ -~])*")
_U8_HINT = re.compile(rf"[РС]{_T}|в„–")
_U8_WORD = re.compile(rf"(?:[РСВ]{_T}|в{_T}{_T}){{2}}")

# cp1251 letters read as Latin-1 / cp1252: À..ÿ, ¨ (Ё), ¸ (ё).
_LATIN_WORD = re.compile(r"(?<![A-Za-z\u00c0-\u00ff])[\u00c0-\u00ff\u00a8\u00b8]{3,}(?![A-Za-z\u00c0-\u00ff])")
# cp1251 letters read as cp866: box-drawing characters mixed with lower-case Cyrillic.
_CP866_WORD = re.compile(
    r"[\u2500-\u25a0\u0430-\u044f\u0401\u0451]*[\u2500-\u25a0][\u2500-\u25a0\u0430-\u044f\u0401\u0451\u00a0]*"
)
_RUSSIAN_WORD = re.compile(r"[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)?")
_VOWELS = set("аеёиоуыэюяАЕЁИОУЫЭЮЯ")
_MIN_WORDS = 3


def _utf8_fix(text: str) -> tuple[str, int]:
    if not _U8_HINT.search(text):
        return text, 0
    fixed = 0

    def repl(m: re.Match[str]) -> str:
        nonlocal fixed
        chunk = m.group(0)  # ASCII inside the run decodes to itself
        if not _U8_WORD.search(chunk) and "в„–" not in chunk:  # a word: two broken letters in a row
            return chunk
        try:
            out = chunk.encode("cp1251").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return chunk
        fixed += 1
        return out

    return _U8_RUN.sub(repl, text), fixed


def _good_word(word: str) -> bool:
    return bool(_RUSSIAN_WORD.fullmatch(word)) and any(c in _VOWELS for c in word)


def _recode(word: str, wrong: str) -> str | None:
    try:
        out = word.encode(wrong).decode("cp1251")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    return out if _good_word(out) else None


def _latin(word: str) -> str | None:
    return _recode(word, "latin-1") or _recode(word, "cp1252")


def _cp866(word: str) -> str | None:
    return _recode(word, "cp866") if any(not ("\u0400" <= c <= "\u04ff") for c in word) else None


_LATIN_HINT = re.compile("[\u00c0-\u00ff]{3}")
_BOX_HINT = re.compile("[\u2500-\u25a0][\u0430-\u044f]|[\u0430-\u044f][\u2500-\u25a0]")


def run(document: Document, context: Context) -> Document:
    notes: list[str] = []
    text = context.text(document)
    # the commonest letters (о, а, е, и, н, т) as each wrong reading shows them
    hints = (
        any(h in text for h in ("Рѕ", "Р°", "Рµ", "Рё", "РЅ", "С‚", "в„–")) and _U8_HINT.search(text),
        any(h in text for h in ("î", "à", "å", "è", "í", "ò")) and _LATIN_HINT.search(text),
        any(h in text for h in ("Ёю", "юЁ", "ю∙", "р∙")) and _BOX_HINT.search(text),
    )
    if not any(hints):
        return document
    context.touched()
    count = map_texts(document, lambda t: _utf8_fix(t)[0]) if hints[0] else 0
    if count:
        shown = plural(count, "фрагмент", "фрагмента", "фрагментов")
        notes.append(f"исправлена кодировка (UTF-8, прочитанный как Windows-1251): {shown}")
        if context.source is not None:
            context.source.fixes.append(lambda t: _utf8_fix(t)[0])
    document.metadata.recovered.extend(notes)
    for pattern, decode, name, hint in (
        (_LATIN_WORD, _latin, "Latin-1", hints[1]),
        (_CP866_WORD, _cp866, "DOS-866", hints[2]),
    ):
        if not hint:
            continue
        seen = 0
        for text in all_texts(document):
            seen += sum(1 for w in pattern.findall(text) if decode(w))
            if seen >= _MIN_WORDS:
                break
        if seen >= _MIN_WORDS:
            note = f"исправлена кодировка (Windows-1251, прочитанный как {name})"
            fix_words(document, context, _recoder(pattern, decode), note)
    return document


def _recoder(pattern: re.Pattern[str], decode: Callable[[str], str | None]) -> Callable[[str, list[int]], str]:
    """A word repair for `fix_words`: each word of `pattern` that `decode` reads as Russian is replaced."""

    def fix(text: str, counter: list[int]) -> str:
        def repl(m: re.Match[str]) -> str:
            out = decode(m.group(0))
            if out is None:
                return m.group(0)
            counter[0] += 1
            return out

        return pattern.sub(repl, text)

    return fix
