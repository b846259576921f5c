"""RTF through striprtf (it honours `\\ansicpg1251`, `\\'xx` and `\\uN`), tables included.

striprtf writes a table cell end as `|` and a row end as a newline, which cannot be told from a
literal `|` or from a paragraph inside a cell. So before stripping, the table control words are
replaced by private-use characters: `\\intbl` (this paragraph is in a table), `\\cell` and `\\row`.
"""

from __future__ import annotations

import re
from pathlib import Path

from checker.document import Document, Metadata, number_blocks
from checker.errors import UnreadableError
from checker.parsers.flow import FlowItem, FlowTable, build_blocks, cells_from_texts
from checker.parsers.headings import strip_artefacts

_CELL, _ROW, _INTBL = "\ue000", "\ue001", "\ue002"
# `\cell`, `\nestcell`, `\row`, `\nestrow`, `\intbl` as control words (not `\cellx`, not an escaped `\\cell`).
_TABLE_WORD_RE = re.compile(r"(?<!\\)\\(nestcell|cell|nestrow|row|intbl)(?![A-Za-z])(-?\d+)? ?")
_MARK = {
    "cell": "{\\uc1\\u-8192?}",  # U+E000
    "nestcell": "{\\uc1\\u-8192?}",
    "row": "{\\uc1\\u-8191?}",  # U+E001
    "nestrow": "{\\uc1\\u-8191?}",
    "intbl": "{\\uc1\\u-8190?}",  # U+E002
}
MAX_RTF_CHARS = 60 * 1024 * 1024  # the file size cap already applies; this guards the decoded string


def _marked(source: str) -> str:
    return _TABLE_WORD_RE.sub(lambda m: _MARK[m.group(1)], source)


def split_flow(text: str) -> list[FlowItem]:
    """striprtf output with table marks → text lines and tables."""
    items: list[FlowItem] = []
    plain: list[str] = []
    table: FlowTable | None = None
    cells: list[str] | None = None  # the row being read
    cell: list[str] = []

    def end_plain() -> None:
        if plain:
            items.extend("".join(plain).split("\n"))
            plain.clear()

    for ch in text:
        if cells is None:
            if ch == _INTBL:
                end_plain()
                if table is None or (items and items[-1] is not table):
                    table = FlowTable()
                    items.append(table)
                cells, cell = [], []
            elif ch in (_CELL, _ROW):
                continue  # a stray mark outside a row
            else:
                if ch == "\n" and not plain and table is not None and items and items[-1] is table:
                    continue  # the newline right after a row: the table goes on
                plain.append(ch)
            continue
        if ch == _CELL:
            cells.append("".join(cell))
            cell = []
        elif ch == _ROW:
            if "".join(cell).strip():
                cells.append("".join(cell))
            assert table is not None
            table.rows.append(cells_from_texts([c.strip("\n") for c in cells]))
            cells, cell = None, []
        elif ch != _INTBL:
            cell.append(ch)
    if cells is not None:
        # A row never closed (a truncated file): keep what it has.
        if "".join(cell).strip():
            cells.append("".join(cell))
        if table is not None and cells:
            table.rows.append(cells_from_texts(cells))
    end_plain()
    return [i if isinstance(i, FlowTable) else strip_artefacts(i).rstrip() for i in items]


def _whole_characters(text: str) -> str:
    """`\\uN` gives UTF-16 units: join surrogate pairs (emoji), replace lone surrogates with U+FFFD, so the
    text can always be encoded (reports, `checker inspect`)."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def parse_rtf(path: Path) -> Document:
    from striprtf.striprtf import rtf_to_text  # lazy

    raw = path.read_bytes()
    # RTF is 7-bit: 8-bit bytes only occur in broken or non-standard files; keep them visible.
    source = raw.decode("latin-1")
    if not source.lstrip("\ufeff \t\r\n").startswith("{\\rtf"):
        raise UnreadableError("corrupt", "Файл RTF повреждён: нет заголовка {\\rtf", "Corrupt RTF: no {\\rtf header")
    try:
        text = rtf_to_text(_marked(source), errors="replace")
    except (IndexError, ValueError, LookupError) as exc:
        raise UnreadableError(
            "corrupt", "Файл RTF повреждён и не читается", f"Corrupt RTF ({type(exc).__name__}: {exc})"
        ) from None
    text = _whole_characters(text.replace("\r\n", "\n").replace("\r", "\n")[:MAX_RTF_CHARS])
    items = split_flow(text)
    meta = Metadata(format="rtf")
    m = re.search(r"\\ansicpg(\d+)", source[:4096])
    meta.encoding = f"cp{m.group(1)}" if m else None
    return Document(path=str(path), blocks=number_blocks(build_blocks(items)), metadata=meta)
