"""RTF through striprtf (it honours `\\ansicpg1251`, `\\'xx` and `\\uN`), tables included.

striprtf writes a table cell end as `|` and a row end as a newline, which cannot be told from a
literal `|` or from a paragraph inside a cell. So before stripping, the table control words are
replaced by private-use characters: `\\intbl` (this paragraph is in a table), `\\cell` and `\\row`.

Before stripping the source is also reshaped: a list item's rendered marker (`{\\listtext 1.\\tab}`)
loses its tab, so the item is not read as a two-column tab table; footnotes, endnotes, headers and
footers (destinations striprtf drops) are moved to the end behind marks and become role blocks; a
`\\*` that does not open a group (StarWriter writes them mid-group) no longer hides the rest of it.
"""

from __future__ import annotations

import re
from pathlib import Path

from checker.document import Block, Document, Metadata, marginal_blocks, number_blocks
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


# Marks for the moved parts (private use, like the table marks).
_PART_MARKS = {"footnote": "\ue003", "endnote": "\ue004", "header": "\ue005", "footer": "\ue006"}
_PART_OF_MARK = {mark: role for role, mark in _PART_MARKS.items()}
_PART_RE = re.compile(r"\{\s*(?:\\\*\s*)?\\(footnote|header[lrf]?|footer[lrf]?)(?![A-Za-z])")
_LISTTEXT_RE = re.compile(r"\{\s*\\listtext(?![A-Za-z])")
_TAB_WORD_RE = re.compile(r"\\tab(?![A-Za-z])\s?")
_CONTROL_RE = re.compile(r"\\(?:[A-Za-z]+-?\d*\s?|'[0-9a-fA-F]{2}|.)")
# A rendered number or letter: «1.», «2)», «1.2.», «а)» (a Cyrillic letter arrives as \'xx).
_NUMBERED_MARKER_RE = re.compile(
    r"^(?:\d{1,3}[.)]?)+$|^(?:[A-Za-z]|[IVXLCivxlc]{1,5}|\\'[0-9a-fA-F]{2})[.)]$"
)
_PAR_RE = re.compile(r"\\par(?![A-Za-z])")
_OUTLINE_RE = re.compile(r"\\outlinelevel[0-8](?![0-9])")
_STAR_RE = re.compile(r"(?<!\\)\\\*")
MAX_MOVED_PARTS = 5000


def _group_end(source: str, start: int) -> int:
    """The index just after the `}` that closes the group opening at `start` (or the end of the text)."""
    depth = 0
    i, n = start, len(source)
    while i < n:
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return n


def _list_markers(source: str) -> str:
    """`{\\listtext \\'b7\\tab}` or `{\\listtext 1.\\tab}` → a bullet and a space: the item reads as a
    typed list item, not as a tab table whose first column is the marker. A number on a paragraph
    with an outline level (a numbered heading) stays: `{1.} `."""
    out: list[str] = []
    pos = 0
    for m in _LISTTEXT_RE.finditer(source):
        if m.start() < pos:
            continue
        end = _group_end(source, m.start())
        inner = source[m.end() : end - 1 if source[end - 1 : end] == "}" else end]
        bare = _TAB_WORD_RE.sub("", inner)
        shown = _CONTROL_RE.sub(_keep_hex, bare).strip()
        out.append(source[pos : m.start()])
        paragraph = _PAR_RE.split(source[end : end + 2000], 1)[0]
        if _NUMBERED_MARKER_RE.match(shown) and _OUTLINE_RE.search(paragraph):
            out.append("{" + bare.rstrip() + "} ")  # a numbered outline heading keeps its number
        elif shown:
            # Any other item (bullet or number) reads as a list item, as in .docx where the number
            # is not text either: «•» and the item.
            out.append("{\\uc1\\u8226?} ")
        pos = end
    out.append(source[pos:])
    return "".join(out)


def _keep_hex(m: re.Match[str]) -> str:
    return m.group(0) if m.group(0).startswith("\\'") else ""


def _moved_parts(source: str) -> str:
    """Footnotes, endnotes, headers and footers moved behind the document's text, each behind its mark
    (striprtf drops these destinations, and in place they would split the paragraph they sit in)."""
    parts: list[str] = []
    out: list[str] = []
    pos = 0
    endnotes_default = bool(re.search(r"\\fet1(?![0-9])", source[:20000]))  # every note is an endnote
    for m in _PART_RE.finditer(source):
        if m.start() < pos or len(parts) >= MAX_MOVED_PARTS:
            continue
        end = _group_end(source, m.start())
        word = m.group(1)
        inner = source[m.end() : end - 1 if source[end - 1 : end] == "}" else end]
        if word == "footnote":
            alt = bool(re.match(r"(?:\s*\\[A-Za-z]+-?\d*)*?\s*\\ftnalt(?![A-Za-z])", inner))
            role = "endnote" if alt != endnotes_default else "footnote"  # \\ftnalt: the other kind
        else:
            role = "header" if word.startswith("header") else "footer"
        parts.append(f"\\par {{\\uc1\\u{ord(_PART_MARKS[role]) - 0x10000}?}}{{{inner}}}\\par ")
        out.append(source[pos : m.start()])
        pos = end
    if not parts:
        return source
    out.append(source[pos:])
    text = "".join(out)
    close = text.rstrip(" \t\r\n\x00").rfind("}")
    if close <= 0:
        return text + "".join(parts)
    return text[:close] + "".join(parts) + text[close:]


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
        text = rtf_to_text(_marked(_prepared(source)), errors="replace")
    except (IndexError, ValueError, LookupError) as exc:
        raise UnreadableError(
            "corrupt", "Файл RTF повреждён и не читается", f"Corrupt RTF ({type(exc).__name__}: {exc})"
        ) from None
    text = _whole_characters(text.replace("\r\n", "\n").replace("\r", "\n")[:MAX_RTF_CHARS])
    meta = Metadata(format="rtf")
    m = re.search(r"\\ansicpg(\d+)", source[:4096])
    meta.encoding = f"cp{m.group(1)}" if m else None
    return Document(path=str(path), blocks=number_blocks(_blocks(text)), metadata=meta)


_PICT_RE = re.compile(r"\{\s*\\pict(?![A-Za-z])")
_PICT_STOP_RE = re.compile(r"[{}\\]")
_BIN_RE = re.compile(r"\\bin(-?\d*) ?")


def _pict_end(source: str, start: int) -> int:
    """The end of the picture group opening at `start`, skipping `\\binN` raw bytes (which may hold
    braces) and hex data quickly."""
    depth, i, n = 0, start, len(source)
    while i < n:
        m = _PICT_STOP_RE.search(source, i)
        if m is None:
            return n
        i = m.start()
        ch = source[i]
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        else:
            binary = _BIN_RE.match(source, i)
            if binary is not None:
                count = binary.group(1)
                # `\bin` without a count (pandoc writes one before hex data): nothing raw to skip.
                i = binary.end() + (int(count) if count.isdigit() else 0)
                continue
            i += 2
            continue
        i += 1
    return n


def _without_pictures(source: str) -> str:
    """Pictures carry no text: their groups go before striprtf, which fails on a `\\bin` without a count."""
    out: list[str] = []
    pos = 0
    for m in _PICT_RE.finditer(source):
        if m.start() < pos:
            continue
        out.append(source[pos : m.start()])
        pos = _pict_end(source, m.start())
    out.append(source[pos:])
    return "".join(out)


def _prepared(source: str) -> str:
    if "\\pict" in source:
        source = _without_pictures(source)
    if "\\*" in source:
        source = _STAR_RE.sub(lambda m: m.group(0) if _opens_group(source, m.start()) else "", source)
    if "\\listtext" in source:
        source = _list_markers(source)
    return _moved_parts(source)


def _opens_group(source: str, at: int) -> bool:
    """Is the `\\*` at `at` the first thing in its group (white space aside), as RTF means it?"""
    before = source[max(0, at - 16) : at].rstrip(" \t\r\n")
    return before.endswith("{")


def _blocks(text: str) -> list[Block]:
    """The body's blocks, then the moved parts' blocks with their roles: headers first, then the body,
    footers, footnotes and endnotes. Running heads are never headings; a bare page number is not text;
    the same running head in several sections is kept once."""
    pieces = re.split("([\ue003-\ue006])", text)
    body = build_blocks(split_flow(pieces[0]))
    by_role: dict[str, list[Block]] = {role: [] for role in _PART_MARKS}
    seen: dict[str, set[str]] = {role: set() for role in _PART_MARKS}
    for mark, part in zip(pieces[1::2], pieces[2::2], strict=True):
        role = _PART_OF_MARK[mark]
        by_role[role].extend(marginal_blocks(build_blocks(split_flow(part)), role, seen[role]))
    return by_role["header"] + body + by_role["footer"] + by_role["footnote"] + by_role["endnote"]
