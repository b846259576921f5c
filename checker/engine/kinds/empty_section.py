"""`empty_section`: a heading followed directly by another heading of the same or a higher level.
The title lines at the very top are not sections, nor is the last line of a text (a closing line).

Not sections either: contents entries (dot leaders, page numbers, «Error! Bookmark not defined.»), stamps
(«ПРОЕКТ»), approval and e-signature blocks, lines of a two-column «СОГЛАСОВАНО | УТВЕРЖДАЮ» block. A run of
empty headings one after another is one place: it gives one finding, not one per line.

Not headings at all, though a layout pass may style them so (bold, numbered): the items of a list or of an
order («1. Утвердить дорожную карту (приложение).» — a clause ending with a full stop), the numbered lines
after «Повестка дня:» or «РЕШИЛИ:», the lines of a timetable («10:00–10:30 Регистрация участников») and an
appeal («Уважаемые коллеги!»), the numbered items of a list of documents («1. Федеральный закон от … № …») and
the lines next to them, the entries after a «Содержание» title, a page range («Раздел I… 5-9») and a
signatory's initials and surname («В.А.МУРАЙ»). They are content: a heading they follow is not empty.

Nor is a letterhead a section: at the top of a letter or an order, the lines in capitals that name the sender
(«МИНИСТЕРСТВО …» / «ДЕПАРТАМЕНТ … В СФЕРЕ» / «ЗАЩИТЫ ПРАВ ДЕТЕЙ») over the word that names the act
(«ПИСЬМО», «ПРИКАЗ») or over its date and number («от 29 августа 2023 г. N 07-4803»); nor the lines of a
title page above a contents page («МУНИЦИПАЛЬНОЕ … УЧРЕЖДЕНИЕ» / «… ШКОЛА С.СОСНОВКА» / «СОДЕРЖАНИЕ»)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from pydantic import Field

from checker.document import Block
from checker.engine.context import CheckContext
from checker.engine.rule import Outcome, RuleBase
from checker.language.morphology import can_be
from checker.language.names import NAME_LINE
from checker.language.normalize import fold, in_capitals

_NOT_SECTION_ROLES = {"contents", "approval", "esign", "stamp", "header", "footer", "footnote", "endnote", "comment"}
_CONTENTS_LINE = re.compile(
    r"(\.{3,}|…{2,}|_{4,}|\s\d{1,3}\s*$|(…|\.\.|\s)\s*\d{1,3}\s*[-–—]\s*\d{1,3}\s*$|…\s*\d{1,3}\s*$|"
    r"error!\s*bookmark|ошибка!\s*закладка)"
)
# an item of a list of documents: a law, an order, a project, with its number or date
_CITATION = re.compile(
    r"(№|\bN\s*\d|\d{1,2}\.\d{1,2}\.\d{2,4}|-фз\b|^(федеральн\w+|постановлени\w+|приказ\w*|распоряжени\w+|"
    r"указ\w*|закон\w*|письм\w+|государственн\w+ программ\w+|национальн\w+ проект\w*)\s)"
)
_CONTENTS_TITLE = re.compile(r"^\W*(содержание|оглавление)\W*$")
_STAMP = re.compile(
    r"^\W*(проект|project|копия|черновик|для служебного пользования|приложени\w*|"
    r"утверждаю|утвержден[аоы]?|согласовано|согласован[аы]?|принят[аоы]?|рассмотрено|одобрено)(\W|$)"
)


_TITLE_PAGE_BLOCKS = 25  # how far down a title page's genre title may stand
# a genre title with its spaces removed: «программаразвития», «дорожнаякарта», «планмероприятий»
_GENRE_TITLE = re.compile(r"^\W*(программа|дорожнаякарта|планмероприятий|план-график|комплексмер|паспортпрограммы)")
_NUMBERING = re.compile(r"^\s*(\d{1,2}(\.\d{1,2}){0,3}\.?|[а-яa-z]\)|[-–—•])\s+", re.IGNORECASE)
_TIME_START = re.compile(r"^\s*\d{1,2}[:.]\d{2}\b")
_WORD = re.compile(r"[^\W\d_]{2,}")


def is_content_line(block: Block) -> bool:
    """A line styled as a heading that is content: a clause of a list (ends with a full stop or a semicolon
    and has four words or more), a long sentence, a timetable line, an appeal («Уважаемые коллеги!»)."""
    text = block.text.strip()
    if _TIME_START.match(text) or text.endswith("!"):
        return True
    body = _NUMBERING.sub("", text, count=1)
    words = len(_WORD.findall(body))
    return words >= 15 or (words >= 4 and body.rstrip().endswith((".", ";")) and not body.endswith(".."))


def _is_citation(block: Block) -> bool:
    """A numbered item naming a document («1. Федеральный закон от 29.12.2012 № 273-ФЗ …»): a list item of
    a passport cell or a list of sources, not a heading."""
    body = _NUMBERING.sub("", fold(block.text.strip()), count=1)
    return bool(_CITATION.search(body))


# the word naming the act under a letterhead, and the line of its date and number
_ACT_WORD = re.compile(r"^\W*(письмо|приказ|распоряжение|постановление|решение|информационное письмо)\W*$")
_DATE_NUMBER = re.compile(r"^\W*(от\s+\d|от\s+[«\"]?\d|№\s*\S|n\s*\d|исх\.?\s*№?)")
_RUNNING = 200  # characters: a paragraph this long is running text, the letterhead is above it



def _letterhead(blocks: list[Block]) -> set[int]:
    """Indexes of the letterhead: the headings in capitals right above the act's word or its date and number
    line, near the top of the text, with that word (see the module's note)."""
    for i, block in enumerate(blocks[:_TITLE_PAGE_BLOCKS]):
        if block.kind != "heading" and len(block.text.strip()) >= _RUNNING:
            break
        text = fold(block.text.strip())
        act = block.kind == "heading" and _ACT_WORD.match(text) is not None
        if not (act or (i > 0 and _DATE_NUMBER.match(text))):
            continue
        start = i
        while start > 0 and blocks[start - 1].kind == "heading" and in_capitals(blocks[start - 1].text):
            start -= 1
        if start < i:
            return set(range(start, i + 1 if act else i))
    return set()


def _title_page(every: list[Block], blocks: list[Block]) -> set[int]:
    """Indexes (in `blocks`) of the headings above a contents page near the top: the title page's lines (the
    school's name in capitals under the title), not sections."""
    shown = [b for b in every if b.text.strip() or b.kind == "table"]
    at = next((i for i, b in enumerate(shown[:_TITLE_PAGE_BLOCKS]) if b.role == "contents"), None)
    if at is None:
        return set()
    above = {id(b) for b in shown[:at]}
    return {i for i, b in enumerate(blocks) if id(b) in above and b.kind == "heading"}


_OPEN_END = re.compile(r"(?:[,\-–—]|\b(?:и|в|во|на|по|с|со|для|о|об|к|или|а\s+также))\s*$")
_ADJECTIVE = frozenset({"ADJF"})


def _continues(before: Block, block: Block) -> bool:
    """A line in capitals that goes on with the line in capitals above it: a title or a subject printed over
    several lines («ОБ УТВЕРЖДЕНИИ ТИПОВЫХ ШТАТОВ НАЧАЛЬНЫХ, / НЕПОЛНЫХ СРЕДНИХ … ОБСЛУЖИВАЮЩЕГО / ПЕРСОНАЛА …»):
    the line above ends on a comma, a preposition or an adjective still waiting for its noun."""
    above, text = before.text.strip(), block.text.strip()
    if not (in_capitals(above) and in_capitals(text)) or text[:1].isdigit() or block.heading_reason == "numbered":
        return False
    tail = fold(above)
    if _OPEN_END.search(tail):
        return True
    last = tail.split()[-1] if tail.split() else ""
    return last.isalpha() and can_be(last, _ADJECTIVE) and not can_be(last, frozenset({"NOUN"}))


def _level(block: Block) -> int:
    return block.level or 1


def _not_a_section(block: Block) -> bool:
    if block.role in _NOT_SECTION_ROLES:
        return True
    if NAME_LINE.match(block.text.strip()):  # a signatory: «В.А.МУРАЙ», «Иванова И.И.»
        return True
    text = fold(block.text.strip())
    return bool(_CONTENTS_LINE.search(text) or _CONTENTS_TITLE.match(text) or _STAMP.match(text))


class EmptySectionRule(RuleBase):
    kind: Literal["empty_section"]
    skip_reasons: list[str] = Field(
        default_factory=lambda: ["isolated"],
        description="heading reasons too weak to call a line a section (a short line standing alone)",
    )

    def check(self, ctx: CheckContext) -> Iterable[Outcome]:
        blocks = [
            b for b in ctx.document.blocks
            if (b.text.strip() or b.kind == "table") and b.role not in _NOT_SECTION_ROLES
        ]  # fmt: skip
        # the first run of headings that are not stamps is the title (often split over several lines); what
        # stands before it is a letterhead or an approval block
        letterhead = _letterhead(blocks) | _title_page(ctx.document.blocks, blocks)
        title = next((i for i, b in enumerate(blocks) if b.kind == "heading" and not _not_a_section(b)
                      and i not in letterhead), len(blocks))  # fmt: skip
        first_content = title
        while first_content < len(blocks) and blocks[first_content].kind == "heading":
            first_content += 1
        # a title page: the letterhead's headings, then stamps, then the genre title («П Р О Г Р А М М А
        # РАЗВИТИЯ», letter-spaced or not) and its lines — the title run is the one that names the genre
        for i in range(first_content, min(len(blocks), _TITLE_PAGE_BLOCKS)):
            block = blocks[i]
            if block.kind == "heading" and _GENRE_TITLE.match(fold(block.text).replace(" ", "")):
                first_content = i
                while first_content < len(blocks) and blocks[first_content].kind == "heading":
                    first_content += 1
                break
        # a numbered line after a lead-in ending with a colon («Повестка дня:», «РЕШИЛИ:», «Задачи:») is an
        # item of that list, as are the numbered lines that follow it
        listed: set[int] = set()
        for i, block in enumerate(blocks):
            if block.kind != "heading" or block.heading_reason != "numbered" or i == 0:
                continue
            before = blocks[i - 1]
            if (i - 1) in listed or (before.kind != "heading" and before.text.rstrip().endswith(":")):
                listed.add(i)
        # the numbered items of a list of documents (a passport cell «Нормативная база»), and the numbered
        # lines that stand next to one of them, are a list, not headings
        cited = {i for i, b in enumerate(blocks) if b.kind == "heading" and b.heading_reason == "numbered"
                 and _is_citation(b)}  # fmt: skip
        for i in sorted(cited):
            listed.add(i)
            for step in (-1, 1):
                j = i + step
                while 0 <= j < len(blocks) and blocks[j].kind == "heading" and blocks[j].heading_reason == "numbered":
                    listed.add(j)
                    j += step
        # the entries after a «Содержание» title are contents, up to the first line that is not a heading
        for i, block in enumerate(blocks):
            if _CONTENTS_TITLE.match(fold(block.text.strip())):
                j = i + 1
                while j < len(blocks) and blocks[j].kind == "heading":
                    listed.add(j)
                    j += 1

        def content(index: int) -> bool:
            block = blocks[index]
            return (block.kind != "heading" or index in listed or is_content_line(block)
                    or block.heading_reason in self.skip_reasons)  # fmt: skip

        # a heading that goes on with the line above is that line's continuation, not a section of its own
        joined = {
            i for i in range(1, len(blocks)) if blocks[i].kind == "heading" and _continues(blocks[i - 1], blocks[i])
        }
        failed = False
        run_end = -1  # the last index of the run of empty headings already reported
        for i in range(first_content, len(blocks)):
            block = blocks[i]
            if content(i) or _not_a_section(block) or i in letterhead or i in joined:
                continue
            after = i + 1
            while after in joined:
                after += 1
            nxt = blocks[after] if after < len(blocks) else None
            if nxt is None:
                # the last line of a text is a closing line (a signature, a note), not an empty section
                continue
            if content(after) or _level(nxt) > _level(block) or _not_a_section(nxt) or after in letterhead:
                continue
            if i <= run_end:
                continue
            # the empty headings that follow one another are one place
            run_end = i
            while run_end + 1 < len(blocks) and not content(run_end + 1):
                run_end += 1
            failed = True
            text = block.text.strip()
            yield Outcome(False, {"section": text, "found": text}, text[:200], block.location)
        if not failed:
            yield Outcome(True, {"found": "—"})
