"""A headline printed in capitals over two lines («КАЧЕСТВЕННОЕ ОБРАЗОВАНИЕ» / «КАК РЕСУРС РАЗВИТИЯ ОКРУГА»):
the parser takes each line for a heading of its own, and the first then looks like a section with no text.
Two capital-letter headings in a row are one when the first runs on into the second: the second starts
with a word that only goes on a phrase (a conjunction, a preposition: «КАК», «И», «ДЛЯ», «В») or the first
ends on one, or on a comma or a dash. Numbered lines, stamps and lines ending a sentence stay apart."""

from __future__ import annotations

import re

from checker.document import Document
from checker.layout.lines import Context, plural

# Words that go on a phrase: a line starting with one continues the line above.
_GOES_ON = (
    r"как|и|или|а|но|в|во|на|для|по|с|со|к|ко|о|об|от|до|из|за|при|через|между|без|под|над|перед|"
    r"через|чтобы|что|—|–|-"
)
_STARTS_ON = re.compile(rf"^(?:{_GOES_ON})(?:\s|$)", re.IGNORECASE)
_ENDS_ON = re.compile(rf"(?:\s(?:{_GOES_ON})|[,—–-])$", re.IGNORECASE)
_NUMBERED = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVXLC]{1,5}\.)\s")
_STOPS = (".", ":", ";", "!", "?")
_MAX = 120  # characters: a line longer than this is not half of a headline


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def run(document: Document, context: Context) -> Document:
    blocks = document.blocks
    joined = 0
    i = 0
    while i + 1 < len(blocks):
        first, second = blocks[i], blocks[i + 1]
        a, b = first.text.strip(), second.text.strip()
        if (
            first.kind == "heading"
            and second.kind == "heading"
            and first.role is None
            and second.role is None
            and first.heading_reason == second.heading_reason == "uppercase"
            and "\n" not in a
            and "\n" not in b
            and len(a) <= _MAX
            and len(b) <= _MAX
            and _capitals(a)
            and _capitals(b)
            and not a.endswith(_STOPS)
            and not _NUMBERED.match(a)
            and not _NUMBERED.match(b)
            and (_STARTS_ON.match(b) is not None or _ENDS_ON.search(a) is not None)
        ):
            first.text = f"{a} {b}"
            if first.location.char_end is not None and second.location.char_end is not None:
                first.location.char_end = second.location.char_end
            del blocks[i + 1]
            joined += 1
            continue  # a third line may go on the headline too
        i += 1
    if joined:
        context.replaced()
        document.metadata.recovered.append(
            "заголовки прописными буквами в две строки собраны в один: "
            + plural(joined, "заголовок", "заголовка", "заголовков")
        )
    return document
