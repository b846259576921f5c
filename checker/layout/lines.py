"""The document as lines, for the layout passes: what a flattened layout left behind is a run of
lines, whatever block boundaries the parser drew through it.

A .txt parser joins a line that starts with a small letter onto the line above (a wrapped
paragraph); a table flattened one cell per line loses its cell boundaries that way. For text
files the passes therefore read the source lines themselves (`TextSource`, loaded only when a
pass asks); other formats give their block texts split at line breaks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from checker.document import Block, Document, Location, Table
from checker.parsers.headings import heading_level, heading_reason, strip_artefacts


@dataclass
class Line:
    text: str  # stripped, never empty
    block: int  # index into document.blocks
    line: int | None = None  # 1-based source line (.txt/.md)


class TextSource:
    """The lines of a text file, decoded the way `parse_text` decodes them, read on first use."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lines: list[str] | None = None
        # the character repairs the passes made to block texts (mojibake, look-alikes, spacing), applied
        # to the source lines as well, so a rebuilt block does not bring the broken text back
        self.fixes: list[Callable[[str], str]] = []
        self._fixed: dict[tuple[int, int], str] = {}

    def lines(self) -> list[str]:
        if self._lines is None:
            from checker.parsers.text import decode_text

            text, _ = decode_text(self.path.read_bytes())
            text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
            self._lines = [strip_artefacts(s).rstrip() for s in text.split("\n")]
        return self._lines

    def fixed(self, number: int) -> str:
        """Source line `number` (1-based), stripped, with the repairs made so far."""
        text = self.lines()[number - 1].strip()
        if self.fixes and text:
            key = (number, len(self.fixes))
            if key not in self._fixed:
                for fix in self.fixes:
                    text = fix(text)
                self._fixed[key] = text
            text = self._fixed[key]
        return text


@dataclass
class Context:
    """What every pass may use beside the Document."""

    source: TextSource | None = None
    changed: bool = False  # a pass replaced blocks: number them again at the end
    _text: str | None = None

    def text(self, document: Document) -> str:
        """All the document's texts in one string, for a pass to decide in one C-speed search whether
        it has anything to do; a pass that changes texts calls `touched()`."""
        if self._text is None:
            self._text = "\n".join(all_texts(document))
        return self._text

    def touched(self) -> None:
        self._text = None

    def replaced(self) -> None:
        """A pass replaced, joined or removed blocks: their texts changed and they are numbered again."""
        self.changed = True
        self._text = None


def _words(text: str) -> list[str]:
    return text.split()


def block_lines(document: Document, index: int, source: TextSource | None) -> list[Line]:
    """The lines of one non-table block: the source lines it was built from (text files), else its
    text split at line breaks."""
    block = document.blocks[index]
    if block.kind == "table":  # a blank table (see `_blank_table`): its source lines, else bare `|`
        if source is not None and block.location.line is not None:
            stop = block.location.line + len(block.table.rows) if block.table else block.location.line + 1
            stop = min(stop, len(source.lines()) + 1)
            fixed = [(n, source.fixed(n)) for n in range(block.location.line, stop)]
            return [Line(text, index, n) for n, text in fixed if text]
        return [Line("|", index, block.location.line)]
    if source is not None and block.location.line is not None and not _shares_line(document, index):
        start = block.location.line
        end = None
        for nxt in document.blocks[index + 1 :]:
            if nxt.location.line is not None:
                end = nxt.location.line
                break
        raw = source.lines()
        stop = len(raw) if end is None else min(end - 1, len(raw))
        fixed = [(n, source.fixed(n)) for n in range(start, stop + 1)]
        out = [Line(text, index, n) for n, text in fixed if text]
        # Trust the source only when it holds the block's words (the parser may have split a unit).
        joined = " ".join(" ".join(ln.text for ln in out).split())
        first = _words(block.text)[:1]
        if out and first and first[0].strip("*#") in joined:
            return out
    # a PDF row of a borderless table may start with an empty cell: its tab stays
    chars = " \r\n" if document.metadata.format == "pdf" else None
    return [Line(s.strip(chars), index, None) for s in block.text.split("\n") if s.strip()]


def _shares_line(document: Document, index: int) -> bool:
    """The block is a piece of a source line that an earlier pass cut (a web copy's one long line: text,
    stamps, contents): the line holds more than the block, so its text is the block's own."""
    line = document.blocks[index].location.line
    for before in reversed(document.blocks[:index]):
        if before.location.line is not None:
            return before.location.line == line
    return False


def _blank_table(block: Block) -> bool:
    """A «table» of bare `|` lines (a legal database's row ends, which the .txt parser reads as a pipe
    table): no cell has text, so it is part of the flattened layout, not a table."""
    if block.table is None or block.location.line is None:
        return False
    return not any(cell.text.strip() for row in block.table.rows for cell in row.cells)


def free_runs(document: Document) -> Iterable[tuple[int, int]]:
    """Ranges [start, end) of consecutive blocks that are running text: not tables, no role yet."""
    start = None
    for i, block in enumerate(document.blocks):
        free = (block.kind != "table" or _blank_table(block)) and block.role is None
        if free and start is None:
            start = i
        elif not free and start is not None:
            yield start, i
            start = None
    if start is not None:
        yield start, len(document.blocks)


def run_lines(document: Document, start: int, end: int, source: TextSource | None) -> list[Line]:
    out: list[Line] = []
    for i in range(start, end):
        out.extend(block_lines(document, i, source))
    return out


@dataclass
class Splice:
    """Replace lines [first, last] (inclusive, indexes into one list of Lines) by new blocks."""

    first: int
    last: int
    blocks: list[Block]
    lines: list[Line] = field(default_factory=list)


def apply_splices(document: Document, lines: list[Line], splices: list[Splice]) -> bool:
    """Replace the blocks the spliced lines came from; text of a touched block outside the spliced
    lines stays as a block of its own (before: the block's kind, after: a paragraph)."""
    if not splices:
        return False
    used: set[int] = set()
    plan: list[tuple[int, int, list[Block]]] = []
    for sp in sorted(splices, key=lambda s: s.first):
        first_block, last_block = lines[sp.first].block, lines[sp.last].block
        if any(b in used for b in range(first_block, last_block + 1)):
            continue  # two structures in one block: keep the first, leave the other be
        used.update(range(first_block, last_block + 1))
        new: list[Block] = []
        before = [ln for ln in lines[: sp.first] if ln.block == first_block]
        after = [ln for ln in lines[sp.last + 1 :] if ln.block == last_block]
        if before:
            title = _numbered_title(before[-1]) if len(before) > 1 else None
            new.append(rest_block(document.blocks[first_block], before[:-1] if title else before, keep_kind=True))
            if title:
                new.append(_heading(document.blocks[first_block], before[-1]))
        new.extend(sp.blocks)
        if after:
            if _numbered_title(after[0]):
                new.append(_heading(document.blocks[last_block], after[0]))
                after = after[1:]
            if after:
                new.append(rest_block(document.blocks[last_block], after, keep_kind=False))
        plan.append((first_block, last_block, new))
    for first_block, last_block, new in reversed(plan):
        document.blocks[first_block : last_block + 1] = new
    return True


def _numbered_title(line: Line) -> bool:
    """A section title («2. Анализ состояния школы») that a wrapped paragraph had swallowed."""
    return heading_reason(line.text) == "numbered"


def _heading(block: Block, line: Line) -> Block:
    return Block(
        kind="heading",
        text=line.text,
        location=located(block.location, line.line),
        level=heading_level(line.text, reason="numbered"),
        heading_reason="numbered",
    )


def rest_block(block: Block, lines: list[Line], keep_kind: bool) -> Block:
    sep = " " if lines[0].line is not None else "\n"
    kind = block.kind if keep_kind else "paragraph"
    return Block(
        kind=kind,
        text=sep.join(ln.text for ln in lines),
        location=located(block.location, lines[0].line),
        level=block.level if kind == "heading" else None,
        heading_reason=block.heading_reason if kind == "heading" else None,
    )


def located(location: Location, line: int | None) -> Location:
    return Location(page=location.page, line=line if line is not None else location.line)


def text_block(lines: list[Line], blocks: list[Block], role: str | None, kind: str = "paragraph") -> Block:
    """One block from lines: its text keeps the line breaks."""
    origin = blocks[lines[0].block]
    return Block(
        kind=kind,  # type: ignore[arg-type]
        text="\n".join(ln.text for ln in lines),
        location=located(origin.location, lines[0].line),
        role=role,  # type: ignore[arg-type]
    )


def table_text(table: Table) -> str:
    """A table block's text, as every parser writes it: cells by « | », rows by line breaks."""
    return "\n".join(" | ".join(" ".join(t.split()) for t in row.texts) for row in table.rows)


def map_texts(document: Document, fix: Callable[[str], str]) -> int:
    """Apply `fix` to every block text and table cell; returns how many texts changed."""
    changed = 0
    for block in document.blocks:
        if block.table is not None:
            touched = False
            for row in block.table.rows:
                for cell in row.cells:
                    new = fix(cell.text)
                    if new != cell.text:
                        cell.text = new
                        touched = True
                        changed += 1
            if touched:
                block.text = table_text(block.table)
            continue
        new = fix(block.text)
        if new != block.text:
            block.text = new
            changed += 1
    return changed


def fix_words(document: Document, context: Context, fix: Callable[[str, list[int]], str], note: str) -> None:
    """Run a word-level repair over every text; `fix(text, counter)` counts the words it changed in
    counter[0]. The note gets the count: «<note>: 3 слова»."""
    counter = [0]
    map_texts(document, lambda text: fix(text, counter))
    if counter[0]:
        context.touched()
        if context.source is not None:
            context.source.fixes.append(lambda text: fix(text, [0]))
        document.metadata.recovered.append(f"{note}: " + plural(counter[0], "слово", "слова", "слов"))


def all_texts(document: Document) -> Iterable[str]:
    for block in document.blocks:
        if block.table is not None:
            for row in block.table.rows:
                for cell in row.cells:
                    yield cell.text
        else:
            yield block.text


def plural(n: int, one: str, few: str, many: str) -> str:
    """«1 строка», «3 строки», «5 строк»."""
    n10, n100 = n % 10, n % 100
    if n10 == 1 and n100 != 11:
        word = one
    elif 2 <= n10 <= 4 and not 12 <= n100 <= 14:
        word = few
    else:
        word = many
    return f"{n} {word}"


def fold_label(text: str) -> str:
    """Lower case, ё→е, one space, no edge punctuation: for comparing labels and headings."""
    return " ".join(text.lower().replace("ё", "е").split()).strip(" .:;,-–—")


NUMBER_ONLY_RE = re.compile(r"^\d{1,3}(?:\.\d{1,3}){0,3}\.?$")


def table_from_rows(rows: list[tuple[int | None, list[str]]], page: int | None, line: int | None = None) -> Block:
    """A table block from rows of cell texts, as the .txt parser builds its tables; a row of one
    cell (a section title across the table) spans the full width instead of leaving empty cells."""
    from checker.parsers.text import table_block  # the one builder of text tables

    block = table_block(rows, page=page)
    width = max(len(cells) for _, cells in rows)
    assert block.table is not None
    for row, (_, cells) in zip(block.table.rows, rows, strict=True):
        if len(cells) == 1 and width > 1:
            row.cells = row.cells[:1]
            row.cells[0].col_span = width
    block.text = table_text(block.table)
    if line is not None:
        block.location.line = line
    return block


class Scan:
    """The running-text lines of a document, run by run, and the replacements a pass plans on them;
    `apply` makes them all at once, so indexes stay valid while a pass reads."""

    def __init__(self, document: Document, context: Context) -> None:
        self.document = document
        self.context = context
        self.lines: list[Line] = []
        self.splices: list[Splice] = []

    def runs(self, split: Callable[[Line], list[Line]] | None = None) -> Iterable[tuple[int, list[Line]]]:
        """(offset of the run's first line in `lines`, the run's lines); `split` may cut a line in parts."""
        for start, end in list(free_runs(self.document)):
            lines = run_lines(self.document, start, end, self.context.source)
            if split is not None:
                lines = [part for line in lines for part in split(line)]
            offset = len(self.lines)
            self.lines.extend(lines)
            yield offset, lines

    def replace(self, first: int, last: int, blocks: list[Block]) -> None:
        """Lines first..last (indexes into `lines`, inclusive) become `blocks`."""
        self.splices.append(Splice(first, last, blocks))

    def apply(self) -> bool:
        if not apply_splices(self.document, self.lines, self.splices):
            return False
        self.context.replaced()
        return True
