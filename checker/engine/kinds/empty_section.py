"""`empty_section`: a heading followed directly by another heading of the same or a higher level,
or by the end of the document. The title lines at the very top are not sections."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from pydantic import Field

from checker.document import Block
from checker.engine.context import CheckContext
from checker.engine.rule import Outcome, RuleBase


def _level(block: Block) -> int:
    return block.level or 1


class EmptySectionRule(RuleBase):
    kind: Literal["empty_section"]
    skip_reasons: list[str] = Field(
        default_factory=lambda: ["isolated"],
        description="heading reasons too weak to call a line a section (a short line standing alone)",
    )

    def check(self, ctx: CheckContext) -> Iterable[Outcome]:
        blocks = [b for b in ctx.document.blocks if b.text.strip() or b.kind == "table"]
        # the opening run of headings is the title (often split over several lines)
        first_content = next((i for i, b in enumerate(blocks) if b.kind != "heading"), len(blocks))
        failed = False
        for i in range(first_content, len(blocks)):
            block = blocks[i]
            if block.kind != "heading" or block.heading_reason in self.skip_reasons:
                continue
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if nxt is not None and (nxt.kind != "heading" or _level(nxt) > _level(block)):
                continue
            failed = True
            yield Outcome(False, {"section": block.text.strip(), "found": block.text.strip()},
                          block.text.strip()[:200], block.location)
        if not failed:
            yield Outcome(True, {"found": "—"})
