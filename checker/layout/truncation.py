"""Text that stops mid-sentence: a copy cut short (a partial download, a text layer of the first
pages only). Nothing is rebuilt; `truncated` in `metadata.suspected` lets rules about the end of a
document (signatures, results) answer «не удалось проверить» instead of «нет».

The last running-text paragraph must end on a comma, a dash, a colon or an opening bracket, or on
a preposition or conjunction; a word cut by the end of the text alone is too common in signatures
and lists to count.
"""

from __future__ import annotations

import re

from checker.document import Document
from checker.layout.lines import Context

_DANGLING = re.compile(
    r"(?:[,(«\"–—-]|\b(?:и|в|во|на|по|с|со|для|о|об|к|а|или|что|от|до|при|за|из|не|как|также|а\s+также|"
    r"в\s+том\s+числе|которые|который|которая|которых))\s*$",
    re.IGNORECASE,
)
_MIN_CHARS = 40


def run(document: Document, context: Context) -> Document:
    last = next((b for b in reversed(document.blocks) if b.role is None and b.text.strip()), None)
    if last is None or last.kind != "paragraph" or len(last.text) < _MIN_CHARS:  # a table ends nothing mid-sentence
        return document
    if _DANGLING.search(last.text.rstrip()[-40:]) and "truncated" not in document.metadata.suspected:
        document.metadata.suspected.append("truncated")
    return document
