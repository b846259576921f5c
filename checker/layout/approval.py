"""Approval stamps side by side, and the «ПРОЕКТ» stamp.

«СОГЛАСОВАНО» on the left and «УТВЕРЖДАЮ» on the right is a borderless two-column table in the
source; flattened, it arrives as that table, as one line with both markers followed by lines
holding both columns, or as the two columns interleaved line by line. Each shape is split into
one block per stamp, in order, with role `approval` and its own lines, so a rule that reads a
stamp from its marker down sees the right signer and date.

A line of a paired stamp is split at a wide gap (a tab: the PDF text layer keeps its column gaps so,
and reads stamps side by side column by column when their gap is clear); a line without one stays in
both stamps, so neither looks unsigned and no line is given to the wrong signer. In the interleaved
shape a date closes its column and the rest of the lines go to the other one.
"""

from __future__ import annotations

import re

from checker.document import Block, Document, Location
from checker.language import months
from checker.language.approval_shapes import ORPHAN_ACT
from checker.layout import approval_inline
from checker.layout.lines import Context, Line, Scan, plural, text_block

_MARKER = (
    r"(?:согласовано|согласована|согласован|утверждаю|утверждено|утверждена|утвержден|принято|принята|"
    r"принят|рассмотрено|рассмотрена|одобрено|одобрена)"
)
_MARKER_AT_START = re.compile(rf"^\s*{_MARKER}\b", re.IGNORECASE)
_MARKER_ALONE = re.compile(rf"^{_MARKER}\s*:?$", re.IGNORECASE)
_TWO_MARKERS = re.compile(rf"^({_MARKER}\s*:?)\s+({_MARKER}\s*:?)$", re.IGNORECASE)
_STAMP = re.compile(r"^(?:проект|проект документа)\s*\.?$", re.IGNORECASE)
_MONTHS = months.GENITIVE_OR_BLANK
_DATE = re.compile(
    rf"«?\s*[\d_]{{1,2}}\s*»?\s+{_MONTHS}\s+(?:\d{{4}}|20_*|_+)\s*(?:г\.?|года)?"
    r"|\b\d{1,2}\.\d{1,2}\.\d{2,4}\s*(?:г\.?|года)?|_{1,3}\.\s*_{1,3}\.\s*(?:20)?[\d_]+",
    re.IGNORECASE,
)
_GAP = re.compile(r"\t+| {2,}")
_TITLE = re.compile(
    r"^(?:программа|муниципальн\w+\s+дорожн|дорожн\w+\s+карт|план\b|паспорт|положение|пресс-релиз)", re.IGNORECASE
)
_MAX_LINES = 12
_MAX_COLUMNS = 3
_MAX_LINE_CHARS = 160


def _split_line(text: str) -> tuple[str, str] | None:
    """Left and right parts of a line of two stamps, where a wide gap (a tab, two spaces) shows the
    column boundary. Without one (a PDF text layer joins the columns and its paragraphs join lines of
    columns offset by a wrapped word) no guess at the boundary is safe."""
    parts = [p.strip() for p in _GAP.split(text) if p.strip()]
    if len(parts) == 2:
        return parts[0], parts[1]
    return None


def _closes(text: str) -> bool:
    return bool(_DATE.search(text))


def _ends(text: str) -> bool:
    return len(text) > _MAX_LINE_CHARS or bool(_TITLE.match(text)) or bool(_MARKER_AT_START.match(text))


# For the PDF parser, which reads two stamps side by side from the page's columns.
MARKER_AT_START = _MARKER_AT_START
closes_stamp = _closes
ends_stamp = _ends


def _paired(lines: list[Line], i: int, shared: list[int]) -> tuple[int, list[Line], list[Line]] | None:
    """`СОГЛАСОВАНО УТВЕРЖДАЮ` then lines holding both columns: (last line, left, right)."""
    m = _TWO_MARKERS.match(lines[i].text)
    if m is None:
        return None
    left = [Line(m.group(1).strip(), lines[i].block, lines[i].line)]
    right = [Line(m.group(2).strip(), lines[i].block, lines[i].line)]
    last = i
    for j in range(i + 1, min(i + 1 + _MAX_LINES, len(lines))):
        text = lines[j].text
        if _ends(text):
            break
        split = _split_line(text)
        if split is None:
            # no sign of where the columns meet (a PDF joined them): both stamps keep the line,
            # so neither looks unsigned or undated
            left.append(lines[j])
            right.append(lines[j])
            shared[0] += 1
        else:
            left.append(Line(split[0], lines[j].block, lines[j].line))
            right.append(Line(split[1], lines[j].block, lines[j].line))
        last = j
        if _closes(left[-1].text) and _closes(right[-1].text):
            break
    return (last, left, right) if last > i else None


def _interleaved(lines: list[Line], i: int) -> tuple[int, list[list[Line]]] | None:
    """Two or three markers on lines of their own, then the columns' lines in turn (a PDF or a web page
    reads a row of stamps line by line across the columns). A date closes its column; the turn skips
    closed columns."""
    count = 0
    while i + count < len(lines) and count < _MAX_COLUMNS and _MARKER_ALONE.match(lines[i + count].text):
        count += 1
    if count < 2:
        return None
    columns: list[list[Line]] = [[lines[i + c]] for c in range(count)]
    closed = [False] * count
    turn = 0
    last = i + count - 1
    for j in range(i + count, min(i + count + count * _MAX_LINES, len(lines))):
        text = lines[j].text
        if _ends(text) or all(closed):
            break
        while closed[turn]:
            turn = (turn + 1) % count
        columns[turn].append(lines[j])
        if _closes(text):
            closed[turn] = True
        turn = (turn + 1) % count
        last = j
    if last == i + count - 1:
        return None
    return last, columns


def _from_table(block: Block) -> list[Block] | None:
    """A borderless table of stamps: one block per column that starts with a marker."""
    table = block.table
    if table is None or not table.rows or len(table.rows) > 8:
        return None
    if any(len(cell.text) > 400 for row in table.rows for cell in row.cells):
        return None  # a layout table that holds more than the stamps
    width = max(len(r.cells) for r in table.rows)
    if width < 2 or width > 4:
        return None
    columns: dict[int, list[str]] = {}
    for row in table.rows:
        for c, cell in enumerate(row.cells):
            if cell.text.strip():
                columns.setdefault(c, []).extend(s.strip() for s in cell.text.split("\n") if s.strip())
    marked = [c for c, texts in sorted(columns.items()) if texts and _MARKER_AT_START.match(texts[0])]
    if len(marked) < 2 or len(marked) != len(columns):
        return None
    page = table.page_start if table.page_start is not None else block.location.page
    return [
        Block(kind="paragraph", text="\n".join(columns[c]), location=Location(page=page), role="approval")
        for c in marked
    ]


def _stamp_beside(line: Line) -> tuple[Line, Line] | None:
    """«ПРОЕКТ» in a column of its own at the end of a line (a PDF row: the school's name on the
    left, the stamp on the right, a tab between): the text before it, and the stamp."""
    head, tab, tail = line.text.rpartition("\t")
    tail = tail.strip()
    if not tab or not head.strip() or not tail.isupper() or not _STAMP.match(tail):
        return None
    return Line(head.strip(), line.block, line.line), Line(tail, line.block, line.line)


_HINT = re.compile(rf"(?m)(?:^|\t)\W{{0,3}}(?:проект|{_MARKER}|обсуждена|обсуждено)", re.IGNORECASE)


def _inline_stamps(document: Document, context: Context) -> int:
    """Stamps inside long lines (a web page or a PDF title page run together) cut out as blocks of their own."""
    scan = Scan(document, context)
    found = 0
    for offset, lines in scan.runs():
        for i, line in enumerate(lines):
            pieces = approval_inline.split_inline(line.text)
            if pieces is None:
                continue
            blocks = [
                text_block([Line(text, line.block, line.line)], document.blocks, "approval" if stamp else None)
                for text, stamp in pieces
            ]
            scan.replace(offset + i, offset + i, blocks)
            found += sum(1 for _, stamp in pieces if stamp)
    scan.apply()
    return found


_TITLE_AFTER_DATE = re.compile(
    r"^(?P<head>.*?(?:\d{4}|_{2,})\s*(?:г\.?|года)?(?:\s*(?:№|N)\s*[\w/.-]+)?)\s+"
    r"(?P<title>(?:ПРОГРАММА|ДОРОЖНАЯ\s+КАРТА|ПЛАН|ПОЛОЖЕНИЕ)(?![А-Яа-яЁё]).*)$"
)


# «приказом директора / МБОУ СОШ № 14 от … № …» below «СОГЛАСОВАНО» and «Обсуждена»: the right column of a stamp
# row whose «УТВЕРЖДЕНА» was lost (drawn, or dropped by the converter) — `ORPHAN_ACT`
_STAMP_WORD = re.compile(r"^\W*(?:согласован|обсужден|принят|рассмотрен|одобрен|утвержд)\w*\W*(?:\s|$)", re.IGNORECASE)
_APPROVE_WORD = re.compile(r"^\W*утвержд", re.IGNORECASE)


def _orphan_act(lines: list[Line], i: int) -> int | None:
    """The last line (the one with the date) of an approving order's lines that stand among the stamps
    without their «УТВЕРЖДЕНА»: another stamp above, no approval marker right above."""
    if not ORPHAN_ACT.match(lines[i].text) or len(lines[i].text) > _MAX_LINE_CHARS:
        return None
    above = lines[max(0, i - _MAX_LINES) : i]
    if not any(_STAMP_WORD.match(ln.text) for ln in above) or any(_APPROVE_WORD.match(ln.text) for ln in above[-3:]):
        return None
    for j in range(i, min(i + 3, len(lines))):
        if j > i and (_ends(lines[j].text) or _STAMP_WORD.match(lines[j].text)):
            return None
        if _closes(lines[j].text):
            return j
    return None


def _title_apart(line: Line) -> list[Line]:
    """A stamp's last line that a PDF ran into the title below it («… от 29.08.2025 № 112 ПРОГРАММА РАЗВИТИЯ …»)."""
    m = _TITLE_AFTER_DATE.match(line.text) if "ПРОГРАММА" in line.text or "КАРТА" in line.text else None
    if m is None or not _DATE.search(m.group("head")):
        return [line]
    return [Line(m.group("head").strip(), line.block, line.line), Line(m.group("title").strip(), line.block, line.line)]


def run(document: Document, context: Context) -> Document:
    text = context.text(document)
    long_marked = approval_inline.HINT.search(text) is not None and any(
        len(b.text) > approval_inline.MIN_LINE and approval_inline.HINT.search(b.text)
        for b in document.blocks
        if b.table is None and b.role is None
    )
    inline = _inline_stamps(document, context) if long_marked else 0
    if not inline and not _HINT.search(text):
        return document
    notes: list[str] = []
    if inline:
        notes.append("грифы внутри длинной строки выделены: " + plural(inline, "гриф", "грифа", "грифов"))
    split_tables: list[str] = []
    for i in range(len(document.blocks) - 1, -1, -1):
        block = document.blocks[i]
        if block.kind == "table" and block.role is None:
            stamps = _from_table(block)
            if stamps:
                document.blocks[i : i + 1] = stamps
                markers = " | ".join(f"«{s.text.split(chr(10))[0].rstrip(':').strip()}»" for s in stamps)
                split_tables.insert(0, f"таблица с грифами рядом ({markers}) разделена на отдельные грифы")
    if split_tables:
        context.replaced()
        notes.extend(split_tables)

    scan = Scan(document, context)
    paired = stamps_seen = tripled = orphans = 0
    shared = [0]
    for offset, lines in scan.runs(_title_apart):
        i = 0
        while i < len(lines):
            # «ПРОЕКТ» anywhere; «Проект» only at the very top (lower down it may title a section)
            if _STAMP.match(lines[i].text) and (lines[i].text.isupper() or lines[i].block < 3):
                scan.replace(offset + i, offset + i, [text_block([lines[i]], document.blocks, "stamp")])
                stamps_seen += 1
                i += 1
                continue
            beside = _stamp_beside(lines[i])
            if beside is not None:
                rest, stamp = beside
                blocks = [text_block([rest], document.blocks, None), text_block([stamp], document.blocks, "stamp")]
                scan.replace(offset + i, offset + i, blocks)
                stamps_seen += 1
                i += 1
                continue
            orphan = _orphan_act(lines, i)
            if orphan is not None:
                block = text_block(lines[i : orphan + 1], document.blocks, "approval")
                scan.replace(offset + i, offset + orphan, [block])
                orphans += 1
                i = orphan + 1
                continue
            pair = _paired(lines, i, shared)
            found = (pair[0], [pair[1], pair[2]]) if pair is not None else _interleaved(lines, i)
            if found is None:
                i += 1
                continue
            last, columns = found
            blocks = [text_block(column, document.blocks, "approval") for column in columns]
            scan.replace(offset + i, offset + last, blocks)
            if len(columns) == 2:
                paired += 1
            else:
                tripled += 1
            i = last + 1
    if scan.apply():
        if paired:
            pairs = "одна пара" if paired == 1 else f"пар: {paired}"
            notes.append("грифы, стоявшие рядом в две колонки, разделены: " + pairs)
        if tripled:
            notes.append("грифы, стоявшие рядом в три колонки, разделены: " + plural(tripled, "ряд", "ряда", "рядов"))
        if shared[0]:
            lines_word = plural(shared[0], "строка", "строки", "строк")
            notes.append(f"{lines_word} двух грифов не разделить по колонкам: они оставлены в обоих грифах")
        if orphans:
            notes.append("строка «приказом директора …» среди грифов выделена как гриф утверждения")
        if stamps_seen:
            notes.append("отметка «ПРОЕКТ» распознана как штамп, а не заголовок")
    document.metadata.recovered.extend(notes)
    return document
