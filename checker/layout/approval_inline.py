"""Approval stamps inside one long line: a web page copied as text, or a PDF whose title page came out as
one paragraph, runs the school's name, «ПРИНЯТО: на педагогическом совете … от «29» августа 2025 г.»,
«УТВЕРЖДАЮ Директор МБОУ СОШ № 5 ____ И.И. Петров «01» сентября 2025 г.», the title and the contents
together. Each stamp is cut out of the line as a block of its own, so the approval model reads it.

A stamp starts at a marker written as a stamp: in capitals («УТВЕРЖДЕНО»), in quotes («Утверждаю»),
with a colon («Принято:»), at the very start of the line, or «Утверждена приказом …» after a sentence.
It ends after its date (and the order or protocol number right after it), before the next marker, or
before the document's title or contents, whichever comes first; a marker with none of these within a
few hundred characters is not a stamp. A marker in running text («программа утверждена приказом …»
in lower case, mid-sentence) is not cut: that is a citation, not a stamp.
"""

from __future__ import annotations

import re

from checker.language import months

_WORDS = r"(?:утверждаю|утвержден[аоы]?|согласован[аоы]?|принят[аоы]?|рассмотрен[аоы]?|одобрен[аоы]?|обсужден[аоы]?)"
_CAPS = r"(?:УТВЕРЖДАЮ|УТВЕРЖДЕН[АОЫ]?|СОГЛАСОВАН[АОЫ]?|ПРИНЯТ[АОЫ]?|РАССМОТРЕН[АОЫ]?|ОДОБРЕН[АОЫ]?|ОБСУЖДЕН[АОЫ]?)"
_CAPITAL = (
    r"(?:Утверждаю|Утвержден[аоы]?|Согласован[аоы]?|Принят[аоы]?|Рассмотрен[аоы]?|Одобрен[аоы]?|Обсужден[аоы]?)"
)
_BY = (
    r"(?:приказом|распоряжением|постановлением|решением|на\s+(?:заседании|педагогическом|методическом|управляющем)|"
    r"педагогическим|управляющим|советом)"
)
MARKER = re.compile(
    rf"(?<![А-Яа-яЁё])(?:{_CAPS}(?![А-Яа-яЁё])"
    rf"|«\s*(?i:{_WORDS})\s*»"
    rf"|{_CAPITAL}\s*:"
    rf"|(?<=[.!?»]\s){_CAPITAL}(?=\s+{_BY}))"
)
_START = re.compile(rf"^\W{{0,3}}(?i:{_WORDS})(?![а-яё])")
HINT = re.compile(
    r"УТВЕРЖД|СОГЛАСОВАН|ПРИНЯТ|«\s*(?:Утвержд|Согласов|Принят|Рассмотр|Обсужд)|(?:Утвержд|Принят)\w*\s*:"
)
_MONTHS = months.GENITIVE
_DATE = re.compile(
    rf"[«\"]?\s*[\d_]{{1,4}}\s*[»\"]?\s*{_MONTHS}\s*(?:(?:19|20)[\d_]{{2}}|20_*|_+)?_*\s*(?:г\.?|года)?"
    r"|\b\d{1,2}\.\d{1,2}\.\d{2,4}\s*(?:г\.?|года)?"
    r"|[«\"]\s*[\d_]+\s*[»\"]\s*[\d_]{2,}\s*(?:(?:20|19)[\d_]*)?\s*(?:г\.?|года)?",
    re.IGNORECASE,
)
# the order's or protocol's number right after the date: «от 29.08.2025 № 112», «… 2018_ Протокол _3___»
_NUMBER_AFTER = re.compile(
    r"\s*,?\s*(?:(?:протокол|приказ)\w*\s*(?:№|N\b)?|№|N\b)\s*_*\d[\w/.-]*_*", re.IGNORECASE
)
_TITLE = re.compile(
    r"(?<![А-Яа-яЁё])(?:ПРОГРАММА|ДОРОЖНАЯ\s+КАРТА|ПЛАН\b|ПОЛОЖЕНИЕ|ПАСПОРТ|ОГЛАВЛЕНИЕ|СОДЕРЖАНИЕ|"
    r"Программа\s+(?:развития|повышения|перехода|улучшения)|Дорожная\s+карта|План\s+(?:мероприятий|работы)|"
    r"Положение\s+о\b|Оглавление|Содержание)"
)
_SPAN = 320  # a stamp is shorter than this
MIN_LINE = 160  # only lines longer than this are cut (a stamp of its own is shorter)


def _stamp_end(text: str, start: int, body: int) -> int | None:
    """Where the stamp that starts at `start` (its words from `body`) ends, or None when it has no end."""
    window_end = min(len(text), body + _SPAN)
    bounds = [window_end] if window_end == len(text) else []
    nxt = MARKER.search(text, body, window_end)
    if nxt is not None:
        bounds.append(nxt.start())
    title = _TITLE.search(text, body, window_end)
    if title is not None:
        bounds.append(title.start())
    date = _DATE.search(text, body, window_end)
    if date is not None and (not bounds or date.end() <= min(bounds)):
        end = date.end()
        number = _NUMBER_AFTER.match(text, end)
        if number is not None and (not bounds or number.end() <= min(bounds)):
            end = number.end()
        return end
    return min(bounds) if bounds and min(bounds) > body else None


def split_inline(text: str) -> list[tuple[str, bool]] | None:
    """The line cut into (text, is_stamp) pieces, or None when it holds no stamp to cut out."""
    if len(text) <= MIN_LINE or not HINT.search(text):
        return None
    starts: list[tuple[int, int]] = []
    first = _START.match(text)
    if first is not None:
        starts.append((0, first.end()))
    starts.extend((m.start(), m.end()) for m in MARKER.finditer(text) if m.start() > 0)
    pieces: list[tuple[str, bool]] = []
    done = 0
    for start, body in starts:
        if start < done:
            continue
        end = _stamp_end(text, start, body)
        if end is None or end - body < 3:
            continue
        if start > done:
            pieces.append((text[done:start], False))
        pieces.append((text[start:end], True))
        done = end
    if done < len(text):
        pieces.append((text[done:], False))
    pieces = [(p.strip(), stamp) for p, stamp in pieces if p.strip(" .,;")]
    if not any(stamp for _, stamp in pieces) or len(pieces) < 2:
        return None
    return pieces
