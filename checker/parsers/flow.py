"""Blocks from a flow of text lines and tables, for formats whose extractors give text without
reliable formatting (RTF through striprtf, .doc through catdoc) or give tables separately (ODT).

Text goes through the .txt parser's paragraph and heading builder, so the same words get the same
headings whichever format they arrive in; tables keep their merged cells like the docx parser's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.document import Block, Cell, Location, Row, Table
from checker.parsers.text import _TextBuilder, word_vocabulary


@dataclass
class FlowCell:
    text: str
    column: int  # 1-based grid column
    col_span: int = 1
    row_span: int = 1


@dataclass
class FlowTable:
    rows: list[list[FlowCell]] = field(default_factory=list)


FlowItem = str | FlowTable  # a text line (a paragraph in the source), or a table


def cells_from_texts(texts: list[str]) -> list[FlowCell]:
    return [FlowCell(text=t, column=c) for c, t in enumerate(texts, start=1)]


def table_from_flow(flow: FlowTable) -> Block | None:
    rows = [r for r in flow.rows if r]
    if not rows:
        return None
    table = Table()
    for r, cells in enumerate(rows, start=1):
        table.rows.append(
            Row(
                cells=[
                    Cell(
                        text=_clean_cell(c.text),
                        location=Location(row=r, column=c.column),
                        col_span=c.col_span,
                        row_span=c.row_span,
                    )
                    for c in cells
                ],
                location=Location(row=r),
            )
        )
    text = "\n".join(" | ".join(" ".join(t.split()) for t in row.texts) for row in table.rows)
    return Block(kind="table", text=text, location=Location(), table=table)


def _clean_cell(text: str) -> str:
    lines = [" ".join(line.replace("\xa0", " ").split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


class _Segment(_TextBuilder):
    """The text between two tables: the last paragraph before a table is followed by structure,
    as in a .txt file where a table follows (this decides headings that stand alone)."""

    def __init__(self, lines: list[str], vocab: set[str], before_table: bool) -> None:
        super().__init__(lines, markdown=False)
        self.vocab = vocab  # the whole document's words rejoin wrapped lines better than a segment's
        self.before_table = before_table
        self.last_line = max((i + 1 for i, s in enumerate(lines) if s.strip()), default=0)

    def flush(self, followed_by_structure: bool = False) -> None:
        at_end = bool(self.group) and self.group[-1][0] == self.last_line
        super().flush(followed_by_structure or (self.before_table and at_end))


def build_blocks(items: list[FlowItem]) -> list[Block]:
    """Blocks in document order; call `number_blocks` on the result."""
    vocab = word_vocabulary("\n".join(i for i in items if isinstance(i, str)))
    blocks: list[Block] = []
    lines: list[str] = []

    def flush_text(before_table: bool) -> None:
        if lines:
            built = _Segment(lines, vocab, before_table).build()
            for block in built:
                block.location.line = None  # lines of extracted text mean nothing to the user
            blocks.extend(built)
            lines.clear()

    for item in items:
        if isinstance(item, FlowTable):
            flush_text(before_table=True)
            block = table_from_flow(item)
            if block is not None:
                blocks.append(block)
        else:
            lines.extend(item.split("\n"))
    flush_text(before_table=False)
    return blocks
