"""A contents page whose columns a PDF or a web page flattened: page numbers (and section numbers) on
lines of their own.

Real shapes, all read by one walk over the lines:

    1                                   1. Паспорт Программы развития       Паспорт программы ............
    Паспорт программы развития          3                                   3
    3-11                                2. Информационная справка           4.3. Поэтапное внедрение
    2                                   9                                   в школе
    Информационная справка              3. Проблемно-ориентированный        4.4. Гражданско-правовое …
    11-19                               11                                  24
                                        самодиагностики                     25

A section number alone opens an entry; a title line opens one (or continues the open one when it starts
with a small letter or a bracket); a page number or range alone (or dot leaders with the number) closes
it; a small-letter line after a closed entry is the tail of its title that the layout put below the
number. The walk stops at a long line, at the first title that repeats an entry (the body begins with
the first section) and after three entries in a row without a page; entries after the last page number
are given back to the text.

A flattened table of measures looks alike (a row number, the measure, the term): a run whose lines
look like table cells («Сроки», «сентябрь 2025», «в течение года», «№ п/п») is not a contents page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from checker.language import months
from checker.layout.lines import Line, fold_label

PAGES = re.compile(r"^\d{1,3}(?:\s*[-–]\s*\d{1,3})?$")
SECTION_NO = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[IVX]{1,5}\.?)$")
_LEADERS = r"(?:(?:\.\s?){3,}|…+|_{3,}|·{3,})"
_LEADER_PAGE = re.compile(rf"^{_LEADERS}\s*\d{{1,3}}(?:\s*[-–]\s*\d{{1,3}})?$")
_WITH_PAGE = re.compile(rf"\S\s*{_LEADERS}\s*\d{{1,3}}(?:\s*[-–]\s*\d{{1,3}})?$")
_OPEN_LEADER = re.compile(rf"\S\s*{_LEADERS}$")
# «Паспорт программы 3-4», «… развития школы.     5-9»: a word, then the page (not «№ 273», «п. 3»)
_TRAILING_PAGE = re.compile(r"[А-Яа-яЁёA-Za-z»)]{2}\.?\s+\d{1,3}(?:\s*[-–]\s*\d{1,3})?$")
_NUMBERING = re.compile(r"^(?:раздел\s+[ivx\d]+\.?\s*)?(?:\d{1,2}(?:\.\d{1,2})*\.?|[ivx]{1,5}\.)\s*", re.IGNORECASE)
_TITLE = re.compile(
    r"^(?:содержание|оглавление)(?:\s+(?:программы|документа)(?:\s+развития)?)?\s*[:.]?$", re.IGNORECASE
)
# usual section names of school programmes, roadmaps and plans (an untitled contents page names them)
_SECTION_WORDS = re.compile(
    r"паспорт|введени|пояснительн|анализ|справк|концепци|цел\w*\s+и\s+задач|мероприяти|дорожн\w*\s+карт|"
    r"ожидаем|механизм|мониторинг|приложени|заключени|этап|ресурсн|риск|критери|показател|направлени|"
    r"миссия|самодиагностик|управлени\w*\s+реализаци",
    re.IGNORECASE,
)
_MONTH = months.STEM + r"\w*"
# a cell of a flattened table of measures: a column name, a term, a responsible person
_TABLE_CELL = re.compile(
    rf"^(?:№(?:\s*п/п)?|n\s*п/п|сроки?(?:\s+\w+)?|ответственн\w*(?:\s+\w+)?|исполнител\w*|дата(?:\s+\w+)?|"
    rf"в\s+течение\b.*|ежемесячно|ежеквартально|постоянно|ежегодно|"
    rf"(?:до\s+|с\s+)?{_MONTH}(?:\s*[-–]\s*{_MONTH})?(?:\s*(?:19|20)\d\d)?\s*(?:г\.?|года)?|"
    rf"(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s*(?:г\.?|гг\.?|года?)?|директор\w*|заместител\w.*|учител\w.*)$",
    re.IGNORECASE,
)
_PAGE_HEADER = re.compile(r"^(?:стр\.?|страницы?|с\.|№\s*стр\.?)$", re.IGNORECASE)
_MAX_TITLE_LINES = 8
_MAX_TITLE_CHARS = 320
_MAX_TAIL_CHARS = 80
_MAX_UNPAGED = 3
_MAX_LINE = 200


@dataclass
class Entry:
    """One entry: lines[start..end] (inclusive), its title lines and its page numbers."""

    start: int
    end: int
    title: list[str] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)
    last_page: int | None = None  # index of the line that closed it

    @property
    def key(self) -> str:
        return entry_key(" ".join(self.title))


@dataclass
class Run:
    stop: int  # index after the run
    entries: list[Entry]


def entry_key(text: str) -> str:
    text = _PAGE_AT_END.sub("", text)
    text = _LEADER_RUN.sub(" ", text)
    return fold_label(_NUMBERING.sub("", text.strip()))


_PAGE_AT_END = re.compile(rf"(?:\s+|\s*{_LEADERS}\s*)\d{{1,3}}(?:\s*[-–]\s*\d{{1,3}})?$")
_LEADER_RUN = re.compile(_LEADERS)


def _repeats(key: str, entry: str) -> bool:
    """The line is the section an entry names: the same title, or (a PDF ran the heading into its text)
    the title of two words or more, then more."""
    return key == entry or (entry.count(" ") >= 1 and key.startswith(entry + " "))


def _titleish(text: str) -> bool:
    """A line that may be (or begin) an entry's title: not a number, not a leader line."""
    return not (PAGES.match(text) or SECTION_NO.match(text) or _LEADER_PAGE.match(text))


def _continues(text: str) -> bool:
    return text[:1].islower() or text[:1] in '(«"-–'


def column_entries(lines: list[Line], i: int, titled: bool) -> Run:
    """Entries of a flattened contents table from line i; Run(i, []) when there are none."""
    entries: list[Entry] = []
    cur: Entry | None = None  # an entry with a title and no page yet
    number_at: int | None = None  # a section number waiting for its title
    unpaged = 0  # entries opened since the last page number
    j = i

    def opened(at: int, text: str) -> Entry:
        nonlocal number_at, cur, unpaged
        start = number_at if number_at is not None else at
        entry = Entry(start, at, [text])
        entries.append(entry)
        number_at = None
        cur = entry
        unpaged += 1
        return entry

    def close(entry: Entry, at: int, page: str) -> None:
        nonlocal cur, unpaged
        entry.pages.append(page)
        entry.end = entry.last_page = at
        cur = None
        unpaged = 0

    while j < len(lines):
        text = lines[j].text
        if len(text) > _MAX_LINE or _TITLE.match(text):
            break
        nxt = lines[j + 1].text if j + 1 < len(lines) else ""
        if _PAGE_HEADER.match(text) and not entries:
            j += 1  # the page column's header («стр.») above the entries
            continue
        if PAGES.match(text):
            if cur is not None:
                close(cur, j, text)
            elif text.isdigit() and nxt and _titleish(nxt) and len(nxt) <= _MAX_LINE and number_at is None:
                number_at = j  # a section number before its title
            elif entries and number_at is None:
                close(entries[-1], j, text)  # a second number (a page footer, a second range)
            else:
                number_at = j if number_at is None else number_at
            j += 1
            continue
        if SECTION_NO.match(text):
            if number_at is not None:
                break
            cur = None
            number_at = j
            j += 1
            continue
        if _LEADER_PAGE.match(text):
            target = cur or (entries[-1] if entries else None)
            if target is None:
                break
            close(target, j, text.strip(". …_·"))
            j += 1
            continue
        # a title line, or a part of one
        if _continues(text):
            target = cur if cur is not None else (entries[-1] if entries and number_at is None else None)
            if target is None:
                break
            if target is not cur and len(text) > _MAX_TAIL_CHARS:
                break
            if len(target.title) >= _MAX_TITLE_LINES or sum(map(len, target.title)) > _MAX_TITLE_CHARS:
                break
            target.title.append(text)
            target.end = j
            if _WITH_PAGE.search(text):
                close(target, j, text.rsplit(None, 1)[-1])
            elif _OPEN_LEADER.search(text):
                cur = target
            j += 1
            continue
        key = entry_key(text)
        if len(entries) >= 2 and key and any(_repeats(key, e.key) for e in entries):
            return _trimmed(lines, i, entries, body_follows=True)  # the body begins: its first heading repeats one
        if unpaged >= _MAX_UNPAGED:
            break
        entry = opened(j, text)
        if _WITH_PAGE.search(text) or (titled and _TRAILING_PAGE.search(text)):
            close(entry, j, text.rsplit(None, 1)[-1])
        j += 1
    return _trimmed(lines, i, entries)


def _trimmed(lines: list[Line], i: int, entries: list[Entry], body_follows: bool = False) -> Run:
    """Entries up to the last one with a page number; the lines after it go back to the text. When the body
    follows at once (its first heading repeats an entry), a last entry or two without a page stay: a PDF
    may have dropped the number at the page's foot."""
    unpaged = 0
    for entry in reversed(entries):
        if entry.pages:
            break
        unpaged += 1
    keep = unpaged if body_follows and unpaged < _MAX_UNPAGED and unpaged < len(entries) else 0
    if unpaged - keep:
        del entries[len(entries) - (unpaged - keep) :]
    if not any(e.pages for e in entries):
        return Run(i, [])
    last = entries[-1]
    if last.pages:
        assert last.last_page is not None
        last.end = last.last_page
    return Run(last.end + 1, entries)


def _first_page(entry: Entry) -> int:
    return int(re.split(r"\s*[-–]\s*", entry.pages[0])[0])


def valid(lines: list[Line], run: Run, titled: bool, later: set[str]) -> bool:
    """A contents page, not a flattened table: enough entries with pages, and no table cells among them."""
    entries = run.entries
    paged = [e for e in entries if e.pages]
    cells = sum(1 for ln in lines[entries[0].start : run.stop] if _TABLE_CELL.match(ln.text)) if entries else 0
    if not entries or cells > 1:
        return False
    if titled:
        return len(paged) >= 2 and len(paged) >= 0.6 * len(entries)
    if len(paged) < 4 or len(paged) < 0.8 * len(entries):
        return False
    pages = [_first_page(e) for e in paged]
    if any(b < a for a, b in pairwise(pages)):
        return False
    named = sum(1 for e in entries if _SECTION_WORDS.search(" ".join(e.title)))
    repeated = sum(1 for e in entries if e.key in later)
    return named >= 2 or repeated >= 2


def entry_text(lines: list[Line], entry: Entry) -> str:
    return " ".join(ln.text for ln in lines[entry.start : entry.end + 1])


# A web copy: the contents in one long line, «… Оглавление ПАСПОРТ … ........ 3 ВВЕДЕНИЕ ....... 12 …».
_LEADER_AND_PAGE = re.compile(rf"{_LEADERS}\s*\d{{1,3}}(?:\s*[-–]\s*\d{{1,3}})?(?=\s|$)")
TITLE_INSIDE = re.compile(
    r"(?<![А-Яа-яЁё])(?:Оглавление|ОГЛАВЛЕНИЕ|Содержание|СОДЕРЖАНИЕ)(?:\s+(?:программы|ПРОГРАММЫ))?\s*:?(?=\s+\S)"
)


def split_long(text: str) -> list[str] | None:
    """A line holding several contents entries (leaders and a page number each), perhaps with the text
    before the contents title and after the last entry: its pieces, or None."""
    ends = [m.end() for m in _LEADER_AND_PAGE.finditer(text)]
    if len(ends) < 2:
        return None
    pieces: list[str] = []
    start = 0
    for end in ends:
        pieces.append(text[start:end].strip())
        start = end
    tail = text[start:].strip()
    first = pieces[0]
    leaders = list(_LEADER_RUN.finditer(first))  # the last run is the first entry's, not a signature's «____»
    titles = [m for m in TITLE_INSIDE.finditer(first) if not leaders or m.end() <= leaders[-1].start()]
    head: list[str] = []
    if titles:
        m = titles[-1]
        head = [p for p in (first[: m.start()].strip(), m.group().strip(" :")) if p]
        pieces[0] = first[m.end() :].strip()
    out = [*head, *[p for p in pieces if p], *([tail] if tail else [])]
    return out if len(out) > 1 else None


__all__ = ["PAGES", "SECTION_NO", "Entry", "Run", "column_entries", "entry_key", "entry_text", "split_long", "valid"]
