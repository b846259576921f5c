"""Plain text and Markdown: encoding detection, paragraphs, headings, tab and pipe tables, lists."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from checker.document import Block, Cell, Document, Location, Metadata, Row, Table, number_blocks
from checker.errors import UnreadableError
from checker.parsers.headings import heading_level, heading_reason, list_item_text, strip_artefacts

# Russian letter frequencies, %: the wrong single-byte code page turns text into rare letters.
_FREQ = {
    "о": 10.97, "е": 8.45, "а": 8.01, "и": 7.35, "н": 6.70, "т": 6.26, "с": 5.47, "р": 4.73, "в": 4.54,
    "л": 4.40, "к": 3.49, "м": 3.21, "д": 2.98, "п": 2.81, "у": 2.62, "я": 2.01, "ы": 1.90, "ь": 1.74,
    "г": 1.70, "з": 1.65, "б": 1.59, "ч": 1.44, "й": 1.21, "х": 0.97, "ж": 0.94, "ш": 0.73, "ю": 0.64,
    "ц": 0.48, "щ": 0.36, "э": 0.32, "ф": 0.26, "ъ": 0.04, "ё": 0.04,
}  # fmt: skip
_LOG_FREQ = {k: math.log(v / 100) for k, v in _FREQ.items()}
_VOWELS = set("аеёиоуыэюя")
_CYR_WORD_RE = re.compile(r"[А-Яа-яЁё]+")
# Control characters that never occur in real text (tab, LF, FF, CR and the DOS EOF mark do).
_CONTROL = set(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1A}
_CONTROL_CHARS = [chr(c) for c in sorted(_CONTROL)]


def _decode_error() -> UnreadableError:
    return UnreadableError(
        "unsupported",
        "Файл не похож на текст: в нём двоичные данные, а не буквы",
        "The file is not text: it contains binary data",
    )


def _russian_score(text: str, sample_chars: int = 20000) -> float:
    """How much `text` looks like Russian: letter frequencies, vowel share and sane letter case.

    KOI8-R read as cp1251 (and the reverse) swaps upper and lower case and maps vowels onto rare
    consonants, so the right code page wins on all three even for one short line."""
    words = _CYR_WORD_RE.findall(text[:sample_chars])
    letters = sum(len(w) for w in words)
    if not letters:
        return -100.0
    loglik = 0.0
    vowels = 0
    well_cased = 0
    for w in words:
        low = w.lower()
        for c in low:
            loglik += _LOG_FREQ.get(c, -9.0)
            if c in _VOWELS:
                vowels += 1
        if w.islower() or w.isupper() or (w[0].isupper() and w[1:].islower()):
            well_cased += len(w)
    return loglik / letters + 3.0 * (2 * well_cased - letters) / letters - 4.0 * abs(vowels / letters - 0.43)


def _utf16_without_bom(data: bytes) -> str | None:
    """Guess BOM-less UTF-16 from where the NUL / 0x04 high bytes fall (Latin and Cyrillic)."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    sample = sample[: len(sample) // 2 * 2]
    evens, odds = sample[0::2], sample[1::2]
    for enc, high, low in (("utf-16-le", odds, evens), ("utf-16-be", evens, odds)):
        high_ok = (high.count(0) + high.count(4)) / len(high)
        low_nul = low.count(0) / len(low)
        if high_ok >= 0.9 and low_nul < 0.1 and high.count(0) + high.count(4) > 0:
            try:
                text = data[: len(data) // 2 * 2].decode(enc)
            except UnicodeDecodeError:
                continue
            if not _has_garbage(text):
                return enc
    return None


def _has_garbage(text: str) -> bool:
    if "\x00" in text:
        return True
    head = text[:65536]
    bad = sum(map(head.count, _CONTROL_CHARS))  # one C scan per character: 50× faster than a loop
    return bad > max(2, len(head) // 200)


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode a text file: BOM, BOM-less UTF-16, strict UTF-8, else cp1251 or KOI8-R by statistics.

    Returns (text, encoding). Binary data (NUL bytes, many control characters) raises
    UnreadableError `unsupported`."""
    if not data:
        return "", "utf-8"
    boms = (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    )
    for bom, enc in boms:
        if data.startswith(bom):
            body = data[len(bom) :]
            if enc.startswith("utf-16"):
                body = body[: len(body) // 2 * 2]
            try:
                text = body.decode(enc.replace("-sig", ""))
            except UnicodeDecodeError as exc:
                raise UnreadableError(
                    "decode",
                    f"Текст повреждён: метка кодировки {enc} есть, но байты ей не соответствуют",
                    f"Broken text: the {enc} byte order mark does not match the bytes ({exc.reason})",
                ) from None
            if _has_garbage(text):
                raise _decode_error()
            return text, "utf-16" if enc.startswith("utf-16") else enc
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data[: len(data) // 2 * 2].decode(utf16), utf16
    if b"\x00" in data:
        raise _decode_error()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _has_garbage(text):
            raise _decode_error()
        return text, "utf-8"
    best: tuple[float, str, str] | None = None
    for enc, prior in (("cp1251", 0.05), ("koi8-r", 0.0)):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            text = data.decode(enc, errors="replace")
            prior -= 1.0  # bytes undefined in this code page: unlikely to be it
        score = _russian_score(text) + prior
        if best is None or score > best[0]:
            best = (score, text, enc)
    assert best is not None
    if _has_garbage(best[1]):
        raise _decode_error()
    return best[1], best[2]


# --- structure -----------------------------------------------------------------------------------

_MD_HEADING_RE = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT_RE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_PIPE_SEP_RE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_ORDINAL_RE = re.compile(r"^\d{1,2}[).]\s")
_BOLD_MD_RE = re.compile(r"^\*\*(.+?)\*\*$", re.DOTALL)
_SENTENCE_END = (".", "!", "?", ";")


@dataclass
class _Unit:
    """A run of joined source lines: a paragraph candidate."""

    text: str
    line: int
    lines: list[str] = field(default_factory=list)


def _is_pipe_row(line: str) -> bool:
    s = line.strip()
    return s.startswith("|") and s.count("|") >= 2


def _split_pipe_row(line: str) -> list[str]:
    s = line.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    return [c.replace("\\|", "|").strip() for c in re.split(r"(?<!\\)\|", s)]


def _tab_cells(line: str) -> list[str] | None:
    inner = line.strip()
    if "\t" not in inner:
        return None
    return [c.strip() for c in inner.split("\t")]


def table_block(rows: list[tuple[int | None, list[str]]], page: int | None = None) -> Block:
    """A table block from rows of cell texts; (source line or None, cells) per row."""
    width = max(len(cells) for _, cells in rows)
    table = Table(page_start=page, page_end=page)
    for r, (line_no, cells) in enumerate(rows, start=1):
        cells = cells + [""] * (width - len(cells))  # ragged rows: keep the columns aligned
        table.rows.append(
            Row(
                cells=[
                    Cell(text=t, location=Location(page=page, line=line_no, row=r, column=c))
                    for c, t in enumerate(cells, start=1)
                ],
                location=Location(page=page, line=line_no, row=r),
            )
        )
    text = "\n".join(" | ".join(" ".join(t.split()) for t in row.texts) for row in table.rows)
    return Block(kind="table", text=text, location=Location(page=page, line=rows[0][0]), table=table)


def _unbold(text: str) -> tuple[str, bool]:
    m = _BOLD_MD_RE.match(text.strip())
    if m:
        return m.group(1).strip(), True
    return text, False


def _heading_block(text: str, line: int, reason: str, md_level: int | None = None) -> Block:
    level = md_level if md_level is not None else heading_level(text, reason=reason)
    return Block(kind="heading", text=text, location=Location(line=line), level=level, heading_reason=reason)


def _wrap_width(lines: list[str]) -> int | None:
    """The fixed width of a hard-wrapped file (e-mail style), or None when one line is one paragraph
    (what Word's «save as text» gives)."""
    lengths = sorted(len(s.strip()) for s in lines if s.strip())
    if len(lengths) < 5 or lengths[-1] > 100:
        return None
    if sum(1 for n in lengths if n >= 50) < 0.4 * len(lengths):
        return None
    return lengths[int(len(lengths) * 0.9) - 1]


class _TextBuilder:
    def __init__(self, lines: list[str], markdown: bool) -> None:
        self.lines = lines
        self.markdown = markdown
        self.blocks: list[Block] = []
        self.vocab = word_vocabulary("\n".join(lines))
        self.width = _wrap_width([s for s in lines if _tab_cells(s) is None and not _is_pipe_row(s)])
        self.group: list[tuple[int, str]] = []  # plain lines waiting to become paragraphs
        self.after_break = True  # the last thing seen was a blank line, a heading or a table
        self.group_after_break = True

    def add_plain(self, line_no: int, text: str) -> None:
        if not self.group:
            self.group_after_break = self.after_break
        self.group.append((line_no, text))
        self.after_break = False

    def flush(self, followed_by_structure: bool = False) -> None:
        if self.group:
            self._emit_units(self._join(self.group), followed_by_structure)
            self.group = []

    def _join(self, group: list[tuple[int, str]]) -> list[_Unit]:
        units: list[_Unit] = []
        for line_no, raw in group:
            s = raw.strip()
            if units:
                prev = units[-1]
                last = prev.lines[-1]
                lower_next = s[:1].islower()
                if self.width:
                    # Hard-wrapped: a short line ends its paragraph (or is a heading).
                    joined = lower_next or (len(last) >= 0.6 * self.width and not _heading_like(last))
                else:
                    joined = lower_next and not prev.text.endswith(_SENTENCE_END)
                if joined:
                    prev.text = join_wrapped(prev.text, s, self.vocab)
                    prev.lines.append(s)
                    continue
            units.append(_Unit(text=s, line=line_no, lines=[s]))
        return units

    def _emit_units(self, units: list[_Unit], followed_by_structure: bool) -> None:
        for i, u in enumerate(units):
            text, bold = _unbold(u.text)
            nxt = units[i + 1] if i + 1 < len(units) else None
            if nxt is None:
                isolated = followed_by_structure or (i == 0 and self.group_after_break)
            else:
                isolated = len(nxt.text) >= max(1.5 * len(text), 60)
            if len(u.lines) > 1 and (self.width or nxt is not None):
                isolated = False  # a wrapped paragraph, not a title standing alone
            reason = heading_reason(text, bold=bold, all_lines=isolated)
            if reason:
                self.blocks.append(_heading_block(text, u.line, reason))
            elif not (len(u.lines) > 1 and i == 0 and self._split_title(u)):
                self.blocks.append(Block(kind="paragraph", text=text, location=Location(line=u.line)))

    def _split_title(self, u: _Unit) -> bool:
        """`Пресс-релиз` / `о проведении семинара …`: a short first line over a longer wrapped title
        becomes the heading, the rest a paragraph."""
        first = u.lines[0]
        if len(first) * 1.6 > len(u.lines[1]):
            return False
        bold = first.startswith("**")
        head = first.strip("* ").strip()
        reason = heading_reason(head, bold=bold, all_lines=True)
        if not reason:
            return False
        rest = u.lines[1]
        for s in u.lines[2:]:
            rest = join_wrapped(rest, s, self.vocab)
        if bold:
            rest = rest.rstrip("* ").rstrip()
        self.blocks.append(_heading_block(head, u.line, reason))
        self.blocks.append(Block(kind="paragraph", text=rest, location=Location(line=u.line + 1)))
        return True

    def _pipe_table_starts(self, i: int) -> bool:
        line = self.lines[i]
        if _is_pipe_row(line):
            return True
        return "|" in line and i + 1 < len(self.lines) and bool(_PIPE_SEP_RE.match(self.lines[i + 1]))

    def build(self) -> list[Block]:
        lines = self.lines
        n = len(lines)
        i = 0
        while i < n:
            line = lines[i]
            line_no = i + 1
            s = line.strip()
            # Setext headings in Markdown: the underline makes the single line above a heading.
            if self.markdown and _SETEXT_RE.match(line) and len(self.group) == 1:
                prev_no, prev = self.group.pop()
                level = 1 if s.startswith("=") else 2
                self.blocks.append(_heading_block(_unbold(prev.strip())[0], prev_no, "markdown", level))
                self.after_break = True
                i += 1
                continue
            if not s or _RULE_RE.match(s):
                self.flush()
                self.after_break = True
                i += 1
                continue
            # Markdown headings (in .txt as well: a `# ` line means the same there).
            m = _MD_HEADING_RE.match(line)
            if m and m.group(2):
                self.flush()
                self.blocks.append(
                    _heading_block(_unbold(m.group(2))[0], line_no, "markdown", len(m.group(1)))
                )
                self.after_break = True
                i += 1
                continue
            # Pipe tables: `| a | b |` rows; the `|---|` separator row is skipped.
            if self._pipe_table_starts(i):
                rows: list[tuple[int | None, list[str]]] = []
                while i < n and (self._pipe_table_starts(i) or _PIPE_SEP_RE.match(lines[i])):
                    if not _PIPE_SEP_RE.match(lines[i]):
                        rows.append((i + 1, _split_pipe_row(lines[i])))
                    i += 1
                self.flush(followed_by_structure=True)
                if rows:
                    self.blocks.append(table_block(rows))
                self.after_break = True
                continue
            # Tab tables: consecutive lines with tabs, the same number of tabs ±1.
            cells = _tab_cells(line)
            if cells is not None:
                rows = [(line_no, cells)]
                j = i + 1
                while j < n:
                    more = _tab_cells(lines[j])
                    if more is None or abs(len(more) - len(cells)) > 1:
                        break
                    rows.append((j + 1, more))
                    j += 1
                if len(rows) >= 2:
                    self.flush(followed_by_structure=True)
                    self.blocks.append(table_block(rows))
                    self.after_break = True
                    i = j
                    continue
                # A lone tab line is text; its tabs are just wide spaces.
                self.add_plain(line_no, " ".join(c for c in cells if c))
                i += 1
                continue
            # List items, with lower-case continuation lines folded in.
            item = list_item_text(line)
            if item is not None and not (_ORDINAL_RE.match(s) and heading_reason(s) == "numbered"):
                self.flush(followed_by_structure=True)
                body = item
                j = i + 1
                while j < n and self._list_continuation(lines[j]):
                    body = join_wrapped(body, lines[j].strip(), self.vocab)
                    j += 1
                self.blocks.append(Block(kind="list_item", text=body, location=Location(line=line_no)))
                self.after_break = False
                i = j
                continue
            self.add_plain(line_no, line)
            i += 1
        self.flush()
        return self.blocks

    def _list_continuation(self, line: str) -> bool:
        s = line.strip()
        return bool(s) and s[:1].islower() and list_item_text(line) is None and _tab_cells(line) is None


def _heading_like(line: str) -> bool:
    reason = heading_reason(line)
    return reason in ("numbered", "uppercase")


def word_vocabulary(text: str) -> set[str]:
    """Lower-cased words of a document, hyphenated compounds included, for `join_wrapped`."""
    return {w.lower() for w in _VOCAB_WORD_RE.findall(text)}


def join_wrapped(prev: str, nxt: str, vocab: set[str] | None = None) -> str:
    """Join a line that wrapped onto the next one.

    `функционирую-` + `щих` → `функционирующих` (a hyphenation break), `2019-` + `2020` →
    `2019-2020`, `социально-` + `экономических` → `социально-экономических` (a compound): decided
    by the words seen elsewhere in the document, else by the fragment's shape."""
    if not prev:
        return nxt
    if not nxt:
        return prev
    if prev.endswith("\xad"):
        return prev[:-1] + nxt
    if prev.endswith(("-", "‐", "‑")) and len(prev) >= 2 and not prev[-2].isspace():
        if prev[-2].isalpha() and nxt[0].isalpha() and nxt[0].islower():
            a = _LAST_WORD_RE.search(prev[:-1])
            b = _FIRST_WORD_RE.match(nxt)
            if a and b and _is_hyphenation(a.group(0), b.group(0), vocab):
                return prev[:-1] + nxt
        return prev + nxt
    return prev + " " + nxt


def known_word(word: str) -> bool | None:
    """Does the Russian dictionary (pymorphy3, shared with the language layer) know this word?
    None when the dictionary is not available: callers then fall back to shape rules."""
    try:
        from checker.language.morphology import analyzer  # lazy: dictionaries load on first use

        return bool(analyzer().word_is_known(word.lower()))
    except Exception:  # no pymorphy3 or a broken dictionary: decide without it
        return None


def _is_hyphenation(a: str, b: str, vocab: set[str] | None) -> bool:
    whole, compound = (a + b).lower(), f"{a}-{b}".lower()
    if vocab:
        if compound in vocab:
            return False
        if whole in vocab:
            return True
    if known_word(compound):
        return False
    if known_word(whole):
        return True
    if len(b) <= 3:
        return True  # `щих`, `ния`: a syllable, not a word of a compound
    # `социально-экономических`, `школ-лидеров`: a compound keeps its hyphen.
    return not (a[-1].lower() in "ое" or len(b) >= 6)


_RULE_RE = re.compile(r"^[-=_*~]{3,}$")
_VOCAB_WORD_RE = re.compile(r"[A-Za-zА-Яа-яЁё]+(?:-[A-Za-zА-Яа-яЁё]+)*")
_LAST_WORD_RE = re.compile(r"[A-Za-zА-Яа-яЁё]+$")
_FIRST_WORD_RE = re.compile(r"[A-Za-zА-Яа-яЁё]+")


def parse_text(path: Path) -> Document:
    data = path.read_bytes()
    text, encoding = decode_text(data)
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    markdown = path.suffix.lower() in (".md", ".markdown")
    lines = [strip_artefacts(s).rstrip() for s in text.split("\n")]
    blocks = _TextBuilder(lines, markdown).build()
    meta = Metadata(format="md" if markdown else "txt", encoding=encoding)
    return Document(path=str(path), blocks=number_blocks(blocks), metadata=meta)
