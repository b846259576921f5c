"""A site's breadcrumb trail saved with the page: «Главная » 2015 Сентябрь 10 » Совещание директоров». It is
page chrome, not the document: no rule should read it (its last crumb is the page title, so the headline under
it reads as the same phrase twice, and its date is the day the page was filed, not the day of the event).

A trail starts with «Главная» («Главная страница», «На главную», «Home») and goes on in crumbs after «»», «>»,
«/», «→» or «|». A block that is a trail alone is taken out of the text (a note in `metadata.recovered` keeps
it). A web copy often runs the trail, the headline and the text together in one line: the last crumb is then
the page title, and the headline right after it repeats it word for word — the trail ends where the repeat
begins, and that much is taken out.
"""

from __future__ import annotations

import re

from checker.document import Block, Document
from checker.layout.lines import Context

_START = re.compile(r"^\s*(?:Главная(?:\s+страница)?|На\s+главную|Home)\s*(?P<sep>»|>|/|→|\|)\s*", re.IGNORECASE)
_MAX_CRUMB = 80  # characters of one crumb
_MAX_TRAIL = 300  # characters of a whole trail
_SENTENCE = re.compile(r"[а-яёa-z)][.!?]\s+[А-ЯЁA-Z]")
_MAX_TITLE_WORDS = 15


def follows_crumbs(text: str, pos: int) -> bool:
    """`pos` in `text` comes right after a crumb separator of a trail that starts its line with «Главная»:
    the words there are the last crumb (the page title)."""
    line = text[text.rfind("\n", 0, pos) + 1 : pos]
    m = _START.match(line)
    if m is None or len(line) > _MAX_TRAIL:
        return False
    return line.rstrip().endswith(m.group("sep")) and _SENTENCE.search(line) is None


def _trail(text: str) -> tuple[int, str] | None:
    """Where the last crumb of a trail at the start of `text` begins, and the separator; None if no trail."""
    m = _START.match(text)
    if m is None:
        return None
    sep = m.group("sep")
    # a later separator stands between spaces: «Семинар «Учитель» …» closes a quote, it parts no crumbs
    between = re.compile(rf"\s{re.escape(sep)}\s+")
    at = m.end()
    while True:
        nxt = between.search(text, at, at + _MAX_CRUMB + 2)
        if nxt is None:
            return at, sep
        at = nxt.end()
        if at > _MAX_TRAIL:
            return None


def _whole_trail(text: str) -> bool:
    """The block is a trail and nothing more: short crumbs, no sentence."""
    found = _trail(text)
    if found is None or len(text) > _MAX_TRAIL or _SENTENCE.search(text):
        return False
    start, _sep = found
    return 0 < len(text[start:].strip()) <= _MAX_CRUMB


_WORD = re.compile(r"\S+")


def _title_end(text: str, start: int) -> int | None:
    """The end of the last crumb when the headline after it repeats it word for word; None otherwise."""
    words = list(_WORD.finditer(text, start, start + 2 * _MAX_CRUMB + 2))
    for k in range(min(_MAX_TITLE_WORDS, len(words) // 2), 0, -1):
        first = [w.group(0).lower() for w in words[:k]]
        second = [w.group(0).lower() for w in words[k : 2 * k]]
        if first == second and words[k - 1].end() - start <= _MAX_CRUMB:
            return words[k - 1].end()
    return None


def run(document: Document, context: Context) -> Document:
    blocks: list[Block] = []
    dropped: list[str] = []
    for block in document.blocks:
        text = block.text
        if block.role is not None or block.table is not None or _START.match(text) is None:
            blocks.append(block)
            continue
        if _whole_trail(text):
            dropped.append(text.strip())
            continue
        trail = _trail(text)
        end = _title_end(text, trail[0]) if trail is not None else None
        if end is None:
            blocks.append(block)
            continue
        dropped.append(text[:end].strip())
        block.text = text[end:].strip()
        blocks.append(block)
    if dropped:
        document.blocks = blocks
        context.replaced()
        document.metadata.recovered.append(
            "навигационная строка сайта убрана из текста: " + "; ".join(f"«{t}»" for t in dropped[:3])
        )
    return document
