"""`empty_section`: a heading followed directly by another heading of the same or a higher level,
or by the end of the document. The title lines at the very top are not sections.

Not sections either: contents entries (dot leaders, page numbers, «Error! Bookmark not defined.»), stamps
(«ПРОЕКТ»), approval and e-signature blocks, lines of a two-column «СОГЛАСОВАНО | УТВЕРЖДАЮ» block. A run of
empty headings one after another is one place: it gives one finding, not one per line."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from pydantic import Field

from checker.document import Block
from checker.engine.context import CheckContext
from checker.engine.rule import Outcome, RuleBase
from checker.language.normalize import fold

_NOT_SECTION_ROLES = {"contents", "approval", "esign", "stamp", "header", "footer", "footnote", "endnote", "comment"}
_CONTENTS_LINE = re.compile(r"(\.{3,}|…{2,}|_{4,}|\s\d{1,3}\s*$|error!\s*bookmark|ошибка!\s*закладка)")
_CONTENTS_TITLE = re.compile(r"^\W*(содержание|оглавление)\W*$")
_STAMP = re.compile(
    r"^\W*(проект|project|копия|черновик|для служебного пользования|приложени\w*|"
    r"утверждаю|утвержден[аоы]?|согласовано|согласован[аы]?|принят[аоы]?|рассмотрено|одобрено)(\W|$)"
)


def _level(block: Block) -> int:
    return block.level or 1


def _not_a_section(block: Block) -> bool:
    if block.role in _NOT_SECTION_ROLES:
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
        title = next((i for i, b in enumerate(blocks) if b.kind == "heading" and not _not_a_section(b)), len(blocks))
        first_content = title
        while first_content < len(blocks) and blocks[first_content].kind == "heading":
            first_content += 1
        failed = False
        run_end = -1  # the last index of the run of empty headings already reported
        for i in range(first_content, len(blocks)):
            block = blocks[i]
            if block.kind != "heading" or block.heading_reason in self.skip_reasons or _not_a_section(block):
                continue
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if nxt is not None and (nxt.kind != "heading" or _level(nxt) > _level(block) or _not_a_section(nxt)):
                continue
            if i <= run_end:
                continue
            # the empty headings that follow one another are one place
            run_end = i
            while run_end + 1 < len(blocks) and blocks[run_end + 1].kind == "heading":
                run_end += 1
            failed = True
            text = block.text.strip()
            yield Outcome(False, {"section": text, "found": text}, text[:200], block.location)
        if not failed:
            yield Outcome(True, {"found": "—"})
