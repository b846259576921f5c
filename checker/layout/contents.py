"""Contents pages: «Содержание» / «Оглавление» and its entries (dot leaders and page numbers, or
Word's «Error! Bookmark not defined.» where the page number should be). Entries get role
`contents`: evidence that a section is planned, never that it has content, so a rule reading
sections does not take an entry for an empty section.

Entries without leaders count only after a contents title, and only when they end with a page
number or name a heading that comes later. Three leader entries make a contents page without a
title. When the text stops soon after the contents page, `contents_only` is suspected.

A contents table flattened by a PDF or a web page has its page numbers (and often the section
numbers) on lines of their own: «1 / Паспорт программы / 3-11 / 2 / Анализ … / 12», a title wrapped
over several lines, a page number before the wrapped tail, dot leaders on one line and the number on
the next (`checker.layout.contents_columns`). Without a contents title such a run counts only when it
is long, its pages grow and its entries name usual sections or headings that come later. A web copy
with the whole contents in one long line is cut after each page number first.
"""

from __future__ import annotations

import re
from itertools import pairwise

from checker.document import Block, Document
from checker.layout.contents_columns import (
    PAGES,
    SECTION_NO,
    TITLE_INSIDE,
    Run,
    column_entries,
    entry_key,
    entry_text,
    split_long,
    valid,
)
from checker.layout.lines import (
    Context,
    Line,
    Scan,
    fold_label,
    plural,
    text_block,
)

_TITLE = re.compile(
    r"^(?:содержание|оглавление)(?:\s+(?:программы|документа)(?:\s+развития)?)?\s*[:.]?$", re.IGNORECASE
)
_LEADER = re.compile(r"(?:\.\s?){4,}|…{2,}|_{4,}|·{4,}|(?:\s\.){3,}")
# An entry: text, leaders, a page number (or the broken field) at the end.
_ENTRY_END = re.compile(
    r"(?:(?:\.\s?){3,}|…+|_{3,}|·{3,}|\t| {3,})\s*(?:\d{1,3}(?:\s*[-–]\s*\d{1,3})?|[IVX]{1,4})\s*$"
    r"|(?:error!\s*bookmark\s+not\s+defined|ошибка!\s*закладка\s+не\s+определена)\.?\s*$",
    re.IGNORECASE,
)
_PAGE_END = re.compile(r"\S\s+\d{1,3}(?:\s*[-–]\s*\d{1,3})?$")
# Several entries run together in one block (a PDF paragraph): split after each page number.
_ENTRY_SPLIT = re.compile(
    r"(?<=\d)\s+(?=(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?[А-ЯЁA-Z])"
    r"|(?<=defined\.)\s+|(?<=определена\.)\s+",
)
_NUMBERING = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,5}\.)\s*")
_MIN_UNTITLED = 3
_TITLE_ENDINGS = ("ОГЛАВЛЕНИЕ", "СОДЕРЖАНИЕ", "Оглавление", "Содержание", ":")
_SHORT_REST = 500  # characters after the contents below which the text looks like the contents alone


def _entry_key(text: str) -> str:
    text = _ENTRY_END.sub("", text)
    text = _LEADER.sub(" ", text)
    return entry_key(_NUMBERING.sub("", text.strip()))


# «ПРОГРАММА РАЗВИТИЯ … на 2025–2029 годы ОГЛАВЛЕНИЕ»: a PDF ran the contents title into the line above
_TITLE_AT_END = re.compile(r"^(.*[^\s,;:])\s+(ОГЛАВЛЕНИЕ|СОДЕРЖАНИЕ|Оглавление|Содержание)\s*:?$")


# «Содержание: 1. Паспорт программы»: the first entry on the title's line
_TITLE_AT_START = re.compile(
    r"^((?:СОДЕРЖАНИЕ|ОГЛАВЛЕНИЕ|Содержание|Оглавление)\s*:?)\s+(\d{1,2}\.(?:\d{1,2}\.?)*\s*[А-ЯЁA-Z«].*)$"
)


def _split_entries(line: Line) -> list[Line]:
    # only the scan's lines are cut: nothing changes unless contents entries follow the title
    glued = _TITLE_AT_END.match(line.text) if line.text.endswith(_TITLE_ENDINGS) else None
    if glued is not None:
        return [Line(glued.group(1), line.block, line.line), Line(glued.group(2), line.block, line.line)]
    first = _TITLE_AT_START.match(line.text) if len(line.text) <= _BARE_MAX else None
    if first is not None:
        return [Line(first.group(1), line.block, line.line), Line(first.group(2), line.block, line.line)]
    if _LEADER.search(line.text) and len(_LEADER.findall(line.text)) >= 2:
        if _ENTRY_END.search(line.text):
            parts = [p.strip() for p in _ENTRY_SPLIT.split(line.text) if p and p.strip()]
            if len(parts) >= 2 and all(_ENTRY_END.search(p) for p in parts) and not TITLE_INSIDE.search(parts[0]):
                return [Line(p, line.block, line.line) for p in parts]
        # a web copy: the contents inside a long line, the body after it
        pieces = split_long(line.text)
        if pieces is not None:
            return [Line(p, line.block, line.line) for p in pieces]
    return [line]


def _later_headings(lines: list[Line]) -> set[str]:
    """Keys of the lines that occur twice: an entry and the section title it points to."""
    seen: set[str] = set()
    twice: set[str] = set()
    for line in lines:
        key = _entry_key(line.text)
        (twice if key in seen else seen).add(key)
    twice.discard("")
    return twice


def _entries(lines: list[Line], i: int, titled: bool, headings: set[str]) -> int:
    """Index after the last entry of a contents run starting at line i."""
    j = i
    while j < len(lines):
        text = lines[j].text
        if _ENTRY_END.search(text) and (_LEADER.search(text) or "\t" in text or titled or "!" in text):
            j += 1
            continue
        leaders = any(_LEADER.search(ln.text) for ln in lines[i:j])
        if titled and not leaders and (_PAGE_END.search(text) or _entry_key(text) in headings) and len(text) <= 200:
            if not _PAGE_END.search(text) and _entry_key(text) in {_entry_key(ln.text) for ln in lines[i:j]}:
                break  # the body begins: its first heading repeats an entry
            j += 1
            continue
        # An entry wrapped onto two lines: the leader is on the second.
        nxt = lines[j + 1].text if j + 1 < len(lines) else ""
        if _LEADER.search(nxt) and _ENTRY_END.search(nxt) and (nxt[:1].islower() or len(text) >= 40):
            j += 2
            continue
        break
    return j


# A contents entry with no page number: a short line that starts as a title does (a capital, a number, a
# quote), no sentence run on after it. The web copy of a contents list may end with «...» (the rest cut).
_BARE_MAX = 200
_MIN_BARE = 3
_SENTENCE_WORDS = 6
_TITLE_WORDS = 12  # words in a numbered section title at most
_MIN_ALONE = 5  # entries a list with nothing after it needs (fewer: the cells of a table under «Содержание»)
_ELLIPSIS = re.compile(r"^(?:\.{3,}|…+)$")


def _bare_entry(text: str) -> bool:
    return (
        len(text) <= _BARE_MAX
        and not (_PAGES.match(text) or _SECTION_NO.match(text))  # a number alone: a cell, a page
        and (text[:1].isupper() or text[:1].isdigit() or text[:1] in '«"')
        and not text.endswith((",", ";"))
        and not (text.endswith(":") and _SECTION_START.match(text) is None)  # a label, unless a numbered title
        and not _TITLE.match(text)
        # a sentence of running text; a numbered section title may end with a full stop («4. Формирование
        # концепции школы «…».»)
        and not (text.endswith(".") and len(text.split()) >= _SENTENCE_WORDS and not _numbered_title(text))
    )


def _numbered_title(text: str) -> bool:
    return _SECTION_START.match(text) is not None and len(text.split()) <= _TITLE_WORDS


def _wrapped_tail(text: str, above: str) -> bool:
    """The second line of an entry wrapped in two: it starts in lower case, under a numbered entry that does
    not end a sentence or under one that stops on a preposition or a conjunction («4.6.3. Внедрение
    информационных технологий в» / «образовательный процесс.»). A label over its value in lower case
    («Полное наименование» / «муниципальное бюджетное …», a flattened table) is no entry wrapped."""
    above = above.rstrip()
    return (
        len(text) <= _BARE_MAX
        and text[:1].islower()
        and not above.endswith((".", ";", ":", "!", "?"))
        and (_SECTION_START.match(above) is not None or _RUNS_ON.search(above) is not None)
        and not (text.endswith(".") and len(text.split()) >= _SENTENCE_WORDS)
    )


_RUNS_ON = re.compile(r"\s(?:и|или|в|во|на|для|по|с|со|к|о|об|от|до|при|из|за|а\s+также)$|[,–—-]$")


def _numbered_list(entries: list[str]) -> bool:
    """Most entries open with a section number, their first numbers never going back, and some are
    subsections («4.6.4. Одарённые дети.»): a plan of numbered sections, not a list of short points."""
    numbers = [m.group(0) for t in entries if (m := _SECTION_START.match(t))]
    if len(numbers) < _MIN_NUMBERED or 3 * len(numbers) < 2 * len(entries):
        return False
    firsts = [int(n.split(".")[0]) for n in numbers]
    ordered = all(b >= a for a, b in pairwise(firsts)) and firsts[-1] > firsts[0]
    return ordered and any(_SUBSECTION.match(n) for n in numbers)


_SECTION_START = re.compile(r"^\d{1,2}\.(?:\d{1,2}\.?)*(?=\s*[А-ЯЁA-Z«\"])")
_SUBSECTION = re.compile(r"^\d{1,2}\.\d{1,2}")
_MIN_NUMBERED = 4


def _bare_entries(lines: list[Line], i: int, headings: set[str]) -> int:
    """Index after a list of entries without page numbers right under a contents title; i when there is
    none. The list is contents when at least half of its entries (two or more) come back later as
    lines of their own (the sections they name; the list then ends where the body's first heading
    repeats an entry), when the body begins right after it with the first entry's heading, when it is
    a list of numbered sections (a document cut before they recur), or when nothing but a few lines
    follows it (a contents list alone, as a site shows a document's preview, often ending with «...»).
    An entry wrapped onto a second line goes with it."""
    j = i
    keys: list[str] = []
    entries: list[str] = []
    repeated = False
    while j < len(lines):
        text = lines[j].text
        if entries and _wrapped_tail(text, lines[j - 1].text):
            j += 1
            continue
        if not _bare_entry(text):
            break
        key = _entry_key(text)
        if key and key in keys:
            repeated = True
            break  # the body begins: its first heading repeats an entry
        keys.append(key)
        entries.append(text)
        j += 1
    if len(entries) < _MIN_BARE:
        return i
    recurring = sum(1 for k in keys if k in headings)
    if recurring >= 2 and 2 * recurring >= len(keys):
        return j
    end = j + 1 if j < len(lines) and _ELLIPSIS.match(lines[j].text) else j
    if (repeated and keys[0] == _entry_key(lines[j].text)) or _numbered_list(entries):
        return end
    rest = sum(len(ln.text) for ln in lines[end:])
    if end > j or (len(entries) >= _MIN_ALONE and rest < _SHORT_REST):
        return end
    return i


def _entry_title(text: str) -> bool:
    """A line of a contents page that names a section (not a number, not a wrapped tail)."""
    return not (_PAGES.match(text) or _SECTION_NO.match(text)) and not text[:1].islower()


_SECTION_NO = SECTION_NO
_PAGES = PAGES
# Substrings, not a regex: `in` is a fast scan, a regex with alternatives is not.
_HINTS = (
    "....", ". . .", "……", "____", "····", "ookmark not defined", "акладка не определена",
    "одержание", "ОДЕРЖАНИЕ", "главление", "ГЛАВЛЕНИЕ",
)  # fmt: skip


def _contents_tables(document: Document) -> int:
    """A contents page drawn as a table (title | page) under «Содержание», or with it in the first row:
    the table gets role `contents`, its structure stays. Returns the number of entries."""
    entries = 0
    blocks = document.blocks
    for i, block in enumerate(blocks):
        if block.table is None or block.role is not None or not block.table.rows:
            continue
        rows = block.table.rows
        first = rows[0].texts
        titled = (i > 0 and _TITLE.match(blocks[i - 1].text.strip()) is not None) or (
            len([t for t in first if t.strip()]) == 1 and _TITLE.match(first[0].strip()) is not None
        )
        if not titled:
            continue
        body = rows[1:] if not (i > 0 and _TITLE.match(blocks[i - 1].text.strip())) else rows
        paged = [r for r in body if (last := [t for t in r.texts if t.strip()]) and _PAGES.match(last[-1].strip())]
        if len(body) >= 2 and len(paged) >= 0.7 * len(body):
            block.role = "contents"
            if i > 0 and _TITLE.match(blocks[i - 1].text.strip()) and blocks[i - 1].role is None:
                blocks[i - 1].role = "contents"
            entries += len(paged)
    return entries


def run(document: Document, context: Context) -> Document:
    text = context.text(document)
    if not any(hint in text for hint in _HINTS) and len(_NUMBER_LINE.findall(text, 0, _HINT_SPAN)) < _MIN_UNTITLED:
        return document
    headings: set[str] | None = None
    total = _contents_tables(document)
    scan = Scan(document, context)
    found = bool(total)
    for offset, lines in scan.runs(_split_entries):
        i = 0
        while i < len(lines):
            titled = bool(_TITLE.match(lines[i].text))
            if titled:
                if headings is None:
                    headings = _later_headings(lines)
                stop = _entries(lines, i + 1, True, headings)
                columns = column_entries(lines, i + 1, True)
                if columns.entries and columns.stop > stop and valid(lines, columns, True, headings):
                    scan.replace(offset + i, offset + columns.stop - 1, _column_blocks(lines, i, columns, document))
                    total += len(columns.entries)
                    found = True
                    i = columns.stop
                    continue
                bare = _bare_entries(lines, i + 1, headings)
                wrapped = 0
                if bare > stop:
                    stop = bare
                    wrapped = sum(1 for k in range(i + 2, stop) if _wrapped_tail(lines[k].text, lines[k - 1].text))
                    if _ELLIPSIS.match(lines[stop - 1].text) and "truncated" not in document.metadata.suspected:
                        # a site's preview: the list breaks off at «...», the document's text is not there
                        document.metadata.suspected.append("truncated")
                count = stop - i - 1 - wrapped
                if count < 2:
                    i += 1
                    continue
            else:
                if not (_ENTRY_END.search(lines[i].text) and _LEADER.search(lines[i].text)):
                    if not found and _untitled_start(lines, i):
                        if headings is None:
                            headings = _later_headings(lines)
                        columns = column_entries(lines, i, False)
                        if columns.entries and valid(lines, columns, False, headings):
                            scan.replace(offset + i, offset + columns.stop - 1,
                                         _column_blocks(lines, None, columns, document))  # fmt: skip
                            total += len(columns.entries)
                            found = True
                            i = columns.stop
                            continue
                    i += 1
                    continue
                stop = _entries(lines, i, False, set())
                count = stop - i
                if count < _MIN_UNTITLED:
                    i = stop if stop > i else i + 1
                    continue
            blocks = _blocks(lines[i:stop], document.blocks, titled)
            scan.replace(offset + i, offset + stop - 1, blocks)
            total += count
            found = True
            i = stop
    if scan.apply() or total:
        document.metadata.recovered.append(
            "распознано оглавление: "
            + plural(total, "пункт", "пункта", "пунктов")
            + " (это план разделов, а не их текст)"
        )
        _suspect_contents_only(document)
    return document


# A contents page without a title: page numbers alone on their lines, in the first part of the text.
_NUMBER_LINE = re.compile(r"(?m)^[ \t]*\d{1,3}(?:[ \t]*[-–][ \t]*\d{1,3})?[ \t]*$")
_HINT_SPAN = 60_000


def _untitled_start(lines: list[Line], i: int) -> bool:
    """A title line followed by its page number (at once or after a wrapped line), or a section number
    before a title and its page number: where an untitled contents page may begin."""
    if i + 2 >= len(lines) or len(lines[i].text) > 200:
        return False
    first, second, third = lines[i].text, lines[i + 1].text, lines[i + 2].text
    if _PAGES.match(first) or _SECTION_NO.match(first):
        return not _PAGES.match(second) and bool(_PAGES.match(third))
    if first[:1].islower() or not _PAGES.match(second):
        return False
    # «… на 2025–2029 годы / 1 / Паспорт программы / 3-5»: the number opens the first entry, not this line's page
    fourth = lines[i + 3].text if i + 3 < len(lines) else ""
    return not (second.isdigit() and not _PAGES.match(third) and _PAGES.match(fourth))


def _column_blocks(lines: list[Line], title_at: int | None, columns: Run, document: Document) -> list[Block]:
    """The contents title (a heading) and one block per entry: a rule then reads each entry on its own."""
    out: list[Block] = []
    if title_at is not None:
        title = text_block([lines[title_at]], document.blocks, "contents", kind="heading")
        title.heading_reason, title.level = "contents", 1
        out.append(title)
    for entry in columns.entries:
        block = text_block(lines[entry.start : entry.end + 1], document.blocks, "contents")
        block.text = entry_text(lines, entry)
        out.append(block)
    return out


def _blocks(lines: list[Line], blocks: list[Block], titled: bool) -> list[Block]:
    out: list[Block] = []
    k = 0
    if titled:
        title = text_block([lines[0]], blocks, "contents", kind="heading")
        title.level = 1
        title.heading_reason = "contents"
        out.append(title)
        k = 1
    while k < len(lines):
        group = [lines[k]]
        # the first half of a wrapped entry goes with its second half
        if not _ENTRY_END.search(lines[k].text) and k + 1 < len(lines) and _LEADER.search(lines[k + 1].text):
            group.append(lines[k + 1])
            k += 1
        # an entry without a page number wrapped onto a line in lower case
        while (
            not _ENTRY_END.search(group[-1].text)
            and k + 1 < len(lines)
            and not _LEADER.search(lines[k + 1].text)
            and _wrapped_tail(lines[k + 1].text, group[-1].text)
        ):
            group.append(lines[k + 1])
            k += 1
        entry = text_block(group, blocks, "contents")
        entry.text = " ".join(ln.text for ln in group)
        out.append(entry)
        k += 1
    return out


def _suspect_contents_only(document: Document) -> None:
    """Most entries name sections that the text after the contents does not have."""
    blocks = document.blocks
    last = max(i for i, b in enumerate(blocks) if b.role == "contents")
    texts: list[str] = []
    for b in blocks:
        if b.role != "contents" or b.kind == "heading":
            continue
        if b.table is not None:  # a contents table: the title cell of each row
            texts.extend(max(r.texts, key=len) for r in b.table.rows if r.texts)
        else:
            texts.extend(b.text.split("\n"))
    entries = [_entry_key(t) for t in texts if _entry_title(t)]
    entries = [e for e in entries if e]
    rest = " ".join(fold_label(b.text) for b in blocks[last + 1 :] if b.role is None and b.kind != "table")
    missing = sum(1 for e in entries if e not in rest)
    if entries and 2 * missing > len(entries) and "contents_only" not in document.metadata.suspected:
        document.metadata.suspected.append("contents_only")
