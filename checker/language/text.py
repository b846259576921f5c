"""The Russian text layer of a document, computed once and shared by every rule."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate

from checker.document import MARGINAL_ROLES, Block, Document, Location
from checker.language.morphology import TOKEN, lemma
from checker.language.normalize import clean, fold


@dataclass
class AnalyzedText:
    """One string: its clean form, folded form, tokens and the lemma string."""

    clean: str
    folded: str
    token_spans: list[tuple[int, int]]  # spans of tokens in clean/folded text
    lemmas: list[str]
    lemma_string: str  # lemmas joined by single spaces
    lemma_offsets: list[int] = field(default_factory=list)  # start of each lemma in lemma_string

    @classmethod
    def of(cls, text: str) -> AnalyzedText:
        cleaned = clean(text)
        folded = fold(cleaned)
        # as `tokens(folded)`, without a tuple per token
        spans = [m.span() for m in TOKEN.finditer(folded)]
        lemmas = list(map(lemma, TOKEN.findall(folded)))
        # the start of each lemma in the space-joined string
        offsets = [0, *accumulate(len(lem) + 1 for lem in lemmas[:-1])] if lemmas else []
        return cls(cleaned, folded, spans, lemmas, " ".join(lemmas), offsets)

    def lemma_span_to_chars(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of lemma_string to a span of the clean text."""
        if not self.token_spans:
            return 0, 0
        first = max(bisect_right(self.lemma_offsets, start) - 1, 0)
        last = max(bisect_right(self.lemma_offsets, max(end - 1, start)) - 1, first)
        return self.token_spans[first][0], self.token_spans[last][1]

    @cached_property
    def words(self) -> int:
        return len(self.lemmas)


@dataclass
class Unit:
    """A searchable piece of a document: a block, or one table cell."""

    block: Block
    location: Location
    text: AnalyzedText


class DocumentText:
    """Per-block analysis of a Document. Table blocks are analysed cell by cell, so a match never
    runs across cells and always has a row and column."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.units: list[Unit] = []
        for block in document.blocks:
            if block.kind == "table" and block.table is not None:
                for row in block.table.rows:
                    for cell in row.cells:
                        if cell.text.strip():
                            self.units.append(Unit(block, cell.location, AnalyzedText.of(cell.text)))
            else:
                self.units.append(Unit(block, block.location, AnalyzedText.of(block.text)))

    def select(self, scope: str, start_blocks: int = 8) -> list[Unit]:
        """Units in a scope: all | text (no tables) | tables | headings | start (the opening blocks) |
        contents (entries of a contents page). Contents entries are in no other scope; headers,
        footers and notes are in `all` and `text` only."""
        if scope == "contents":
            return [u for u in self.units if u.block.role == "contents"]
        body = [u for u in self.units if u.block.role != "contents"]
        if scope == "all":
            return body
        if scope == "text":
            return [u for u in body if u.block.kind != "table"]
        if scope == "tables":
            return [u for u in body if u.block.kind == "table"]
        running = [u for u in body if u.block.role not in MARGINAL_ROLES]
        if scope == "headings":
            return [u for u in running if u.block.kind == "heading"]
        if scope == "start":
            opening = [b for b in self.document.blocks if b.role not in MARGINAL_ROLES][:start_blocks]
            blocks = {id(b) for b in opening}
            return [u for u in running if id(u.block) in blocks]
        raise ValueError(scope)

    @cached_property
    def char_count(self) -> int:
        return sum(len(u.text.clean) for u in self.units)


def snippet(text: str, start: int, end: int, context: int = 60) -> str:
    """The matched text with some context, cut at word boundaries, for evidence."""
    left = max(0, start - context)
    right = min(len(text), end + context)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    out = text[left:right].replace("\n", " ").strip()
    return ("…" if left > 0 else "") + out + ("…" if right < len(text) else "")
