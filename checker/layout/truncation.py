"""Text that stops mid-sentence: a copy cut short (a partial download, a text layer of the first
pages only). Nothing is rebuilt; `truncated` in `metadata.suspected` lets rules about the end of a
document (signatures, results) answer «не удалось проверить» instead of «нет».

A text that ends on the title of its plan («Комплекс мер (дорожная карта) …», «План мероприятий …») right
under the stamp that approves it lost the plan. Otherwise the last running-text paragraph must end on a
comma, a dash, a colon or an opening bracket, or on a preposition or conjunction; a word cut by the end of
the text alone is too common in signatures and lists to count.
"""

from __future__ import annotations

import re

from checker.document import Block, Document
from checker.layout.lines import Context

_DANGLING = re.compile(
    r"(?:[,(«\"–—-]|\b(?:и|в|во|на|по|с|со|для|о|об|к|а|или|что|от|до|при|за|из|не|как|также|а\s+также|"
    r"в\s+том\s+числе|которые|который|которая|которых))\s*$",
    re.IGNORECASE,
)
_MIN_CHARS = 40


# The title of the plan the document goes on to set out: a text that ends on it lost the plan.
_PLAN_TITLE = re.compile(
    r"(?:комплекс\s+мер|план\s+мероприятий|перечень\s+мероприятий|дорожная\s+карта|план-график)\b", re.IGNORECASE
)


def _announces_plan(text: str) -> bool:
    """A title (no full stop at its end) naming the plan: the text of the plan was to follow."""
    text = text.strip()
    return len(text) <= 400 and not text.endswith((".", "!", "?")) and _PLAN_TITLE.match(text) is not None


_APPENDIX = re.compile(r"утвержд|приложени", re.IGNORECASE)


def _appended(document: Document, last: Block) -> bool:
    """The title comes right under the stamp of the act that approves the plan («УТВЕРЖДЕН распоряжением …»,
    «Приложение к приказу …»): the plan itself was to follow."""
    index = next(i for i, b in enumerate(document.blocks) if b is last)
    return any(_APPENDIX.search(b.text) for b in document.blocks[max(0, index - 4) : index])


def run(document: Document, context: Context) -> Document:
    last = next((b for b in reversed(document.blocks) if b.role is None and b.text.strip()), None)
    if last is not None and last.kind != "table" and _announces_plan(last.text) and _appended(document, last):
        if "truncated" not in document.metadata.suspected:
            document.metadata.suspected.append("truncated")
        return document
    if last is None or last.kind != "paragraph" or len(last.text) < _MIN_CHARS:  # a table ends nothing mid-sentence
        return document
    if _DANGLING.search(last.text.rstrip()[-40:]) and "truncated" not in document.metadata.suspected:
        document.metadata.suspected.append("truncated")
    return document
