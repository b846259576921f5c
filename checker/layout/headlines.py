"""A headline printed in capitals over two lines («КАЧЕСТВЕННОЕ ОБРАЗОВАНИЕ» / «КАК РЕСУРС РАЗВИТИЯ ОКРУГА»):
the parser takes each line for a heading of its own, and the first then looks like a section with no text.
Two capital-letter headings in a row are one when the first runs on into the second: the second starts
with a word that only goes on a phrase (a conjunction, a preposition: «КАК», «И», «ДЛЯ», «В») or the first
ends on one, or on a comma or a dash. Numbered lines, stamps and lines ending a sentence stay apart.

A title printed one word to a line («ПРОЕКТ» / «ПРОГРАММЫ» / «XVII Форума творческой интеллигенции …») is
one headline too: at the top of the text, a heading of one word in capitals (a noun: «ПРОГРАММА»,
«ПРОГРАММЫ», «ПЛАН») is followed by a heading that goes on its noun phrase in the genitive («Форума …»,
«развития школы …», after an ordinal such as «XVII» or «2-го»). The first line then reads as a section
with no text; joined, it is the title it is."""

from __future__ import annotations

import re

from checker.document import Block, Document
from checker.language.normalize import in_capitals
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

_TITLE_ZONE = 8  # blocks from the top of the text where a title's lines stand
_RUNNING_TEXT = 200  # characters: a paragraph this long ends the title zone
# an ordinal before the genitive: «XVII Форума», «2-го семинара», «25 съезда»
_ORDINAL = re.compile(r"^(?:[IVXLC]{1,6}|\d{1,3}(?:-?(?:го|й|ого|ей))?)$")
_WORD = re.compile(r"[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)?")


def _top_parse(word: str) -> object | None:
    try:
        from checker.language.morphology import analyzer

        parses = analyzer().parse(word)
    except Exception:  # no dictionary: no join
        return None
    return parses[0] if parses else None


def _noun(word: str) -> bool:
    parse = _top_parse(word)
    return parse is not None and parse.tag.POS == "NOUN"  # type: ignore[attr-defined]


def _genitive_phrase(text: str) -> bool:
    """The text opens with a phrase in the genitive: adjectives, then their noun («творческой интеллигенции»,
    «Форума»), after an ordinal; an abbreviation («МБОУ») is no sure case."""
    words = text.split()
    if words and _ORDINAL.match(words[0].rstrip(".,")):
        words = words[1:]
    for raw in words[:6]:
        match = _WORD.fullmatch(raw.strip('«»"(),'))
        if match is None:
            return False
        parse = _top_parse(match.group(0).split("-")[0])  # «семинара-практикума»: its first part
        tag = parse.tag if parse is not None else None  # type: ignore[attr-defined]
        if tag is None or "Fixd" in tag or "Abbr" in tag or tag.case != "gent" or not parse.is_known:  # type: ignore[attr-defined]
            return False
        if tag.POS == "NOUN":
            return True
        if tag.POS not in ("ADJF", "PRTF"):
            return False
    return False


def _title_zone(blocks: list[Block], index: int) -> bool:
    """Within the first blocks of the text, no running text above."""
    above = [b for b in blocks[:index] if b.role is None]
    return len(above) < _TITLE_ZONE and not any(b.kind != "heading" and len(b.text) >= _RUNNING_TEXT for b in above)


def _title_word(first: Block, second: Block, blocks: list[Block], index: int, chained: bool) -> bool:
    """`first` is a title's word in capitals on its own line and `second` goes on it in the genitive."""
    a, b = first.text.strip(), second.text.strip()
    return (
        first.kind == "heading"
        and second.kind == "heading"
        and first.role is None
        and second.role is None
        and (chained or len(a.split()) == 1)
        and in_capitals(a)
        and not a.endswith(_STOPS)
        and len(b) <= 2 * _MAX
        and _noun(a.split()[-1])
        and _genitive_phrase(b)
        and _title_zone(blocks, index)
    )


def _merge(blocks: list[Block], i: int, text: str) -> None:
    """Block i takes the next one in: `text` is their joined text; its span reaches the next one's end."""
    first, second = blocks[i], blocks[i + 1]
    first.text = text
    if first.location.char_end is not None and second.location.char_end is not None:
        first.location.char_end = second.location.char_end
    del blocks[i + 1]


def run(document: Document, context: Context) -> Document:
    blocks = document.blocks
    joined = 0
    chained: set[int] = set()  # the titles this pass has joined: a third line may go on them
    i = 0
    while i + 1 < len(blocks):
        first, second = blocks[i], blocks[i + 1]
        if _title_word(first, second, blocks, i, id(first) in chained):
            _merge(blocks, i, f"{first.text.strip()} {' '.join(second.text.split())}")
            chained.add(id(first))
            continue
        i += 1
    if chained:
        context.replaced()
        document.metadata.recovered.append("заголовок, напечатанный по слову в строке, собран в одну строку")
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
            and in_capitals(a)
            and in_capitals(b)
            and not a.endswith(_STOPS)
            and not _NUMBERED.match(a)
            and not _NUMBERED.match(b)
            and (_STARTS_ON.match(b) is not None or _ENDS_ON.search(a) is not None)
        ):
            _merge(blocks, i, f"{a} {b}")
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
