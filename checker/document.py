"""The Document: one model for every input format, as the rules see it.

Parsers produce it, the language layer and rule kinds only read it.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

BlockKind = Literal["heading", "paragraph", "list_item", "table"]
# What a block is *for*, beside its kind. Set by parsers (header, footer, notes) and by the layout
# passes (contents, approval, esign, stamp). Rules see role blocks only where a scope says so:
# a contents entry is evidence that a section is planned, not that it has content.
BlockRole = Literal["header", "footer", "footnote", "endnote", "comment", "contents", "approval", "esign", "stamp"]
# Roles that are not the document's running text (left out of `start` and `headings` scopes).
MARGINAL_ROLES = frozenset({"header", "footer", "footnote", "endnote", "comment", "contents", "esign", "stamp"})


class Location(BaseModel):
    """Where something sits in a document. Every field is optional: a PDF knows pages,
    a .txt knows lines, a .docx knows paragraphs and table cells."""

    page: int | None = None  # 1-based
    block: int | None = None  # 0-based index into Document.blocks
    paragraph: int | None = None  # 1-based ordinal among non-table blocks
    line: int | None = None  # 1-based source line (.txt/.md)
    table: int | None = None  # 1-based table ordinal
    row: int | None = None  # 1-based row within the table
    column: int | None = None  # 1-based column within the row
    char_start: int | None = None
    char_end: int | None = None

    def describe(self, lang: str = "ru") -> str:
        """A short human description: «стр. 2, таблица 1, строка 5, столбец 3»."""
        ru = lang != "en"
        parts: list[str] = []
        if self.page is not None:
            parts.append(f"стр. {self.page}" if ru else f"page {self.page}")
        if self.table is not None:
            parts.append(f"таблица {self.table}" if ru else f"table {self.table}")
            if self.row is not None:
                parts.append(f"строка {self.row}" if ru else f"row {self.row}")
            if self.column is not None:
                parts.append(f"столбец {self.column}" if ru else f"column {self.column}")
        elif self.paragraph is not None:
            parts.append(f"абзац {self.paragraph}" if ru else f"paragraph {self.paragraph}")
        if self.line is not None:
            parts.append(f"строка файла {self.line}" if ru else f"line {self.line}")
        if not parts:
            return "весь документ" if ru else "whole document"
        return ", ".join(parts)


class Cell(BaseModel):
    text: str
    location: Location
    col_span: int = 1
    row_span: int = 1


class Row(BaseModel):
    cells: list[Cell]
    location: Location

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.cells]


class Table(BaseModel):
    rows: list[Row] = Field(default_factory=list)
    page_start: int | None = None
    page_end: int | None = None


class Block(BaseModel):
    kind: BlockKind
    text: str  # for a table: its rows joined, cells by " | ", rows by newlines
    location: Location
    level: int | None = None  # heading level, 1 = top
    heading_reason: str | None = None  # style | bold | centred | numbered | uppercase | markdown
    table: Table | None = None
    role: BlockRole | None = None


class Metadata(BaseModel):
    format: str  # docx | pdf | txt | md | rtf | odt | doc
    page_count: int | None = None
    image_count: int = 0
    image_hashes: list[str] = Field(default_factory=list)  # sha256 of embedded images
    author: str | None = None
    title: str | None = None
    created: datetime | None = None
    modified: datetime | None = None
    encoding: str | None = None  # text files: the detected encoding
    scanned: bool = False  # no text layer (a scan), OCR applied or not
    ocr: bool = False  # text came from OCR
    notes: list[str] = Field(default_factory=list)  # parser remarks shown by `inspect`
    # what the layout passes rebuilt (`inspect` shows it): «таблица из строк с «|» (12 строк)», …
    recovered: list[str] = Field(default_factory=list)
    # what the text suggests but the parser could not rebuild; rules answer «не удалось проверить»
    # instead of failing. Codes: flattened_table, truncated, contents_only, ocr_poor.
    suspected: list[str] = Field(default_factory=list)


class Document(BaseModel):
    path: str
    blocks: list[Block] = Field(default_factory=list)
    metadata: Metadata

    @property
    def tables(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "table"]

    @property
    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "heading"]

    def full_text(self) -> str:
        return "\n".join(b.text for b in self.blocks)


def number_blocks(blocks: list[Block]) -> list[Block]:
    """Fill block indexes, paragraph ordinals and table ordinals in document order.

    Parsers call this once at the end, so every format numbers things the same way."""
    paragraph = 0
    table = 0
    for index, block in enumerate(blocks):
        block.location.block = index
        if block.kind == "table" and block.table is not None:
            table += 1
            block.location.table = table
            for row in block.table.rows:
                row.location.table = table
                row.location.block = index
                for cell in row.cells:
                    cell.location.table = table
                    cell.location.block = index
        else:
            paragraph += 1
            block.location.paragraph = paragraph
    return blocks


_HAS_LETTER = re.compile(r"[^\W\d_]")


def marginal_blocks(blocks: list[Block], role: str, seen: set[str]) -> list[Block]:
    """Blocks of a header, footer or note, for every parser: never headings (the outline is the body's);
    a running head repeated in several sections or pages is kept once (`seen`); a bare page number is
    not text."""
    out: list[Block] = []
    for block in blocks:
        if role in ("header", "footer") and (not _HAS_LETTER.search(block.text) or block.text in seen):
            continue
        seen.add(block.text)
        if block.kind == "heading":
            block.kind, block.level, block.heading_reason = "paragraph", None, None
        block.role = role  # type: ignore[assignment]
        out.append(block)
    return out
