"""Box-drawing frames (`│ 1 │ Семинар │`, rows between `├───┼───┤` lines), read by character columns."""

from __future__ import annotations

import re
from itertools import pairwise

from checker.layout.lines import Line
from checker.parsers.text import join_wrapped

BOX_V = "│┃║"
# A border line: frame characters only (one stray character at the end: a corner a code page lost).
_BOX_BORDER = re.compile(r"^[─━═┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬╟╢╤╧╪╫╒╓╕╖╘╙╛╜╞╡╥╨+\-= ]{3,}.?$")
_BOX_SEPARATORS = frozenset("│┃║├┤┼┬┴╟╢╫╠╣╬╤╧╪╥╨")
_BOX_FILL = "─━═"


def _box_content(text: str) -> bool:
    return sum(text.count(c) for c in BOX_V) >= 2


def _box_segments(text: str) -> list[tuple[int, str]]:
    """(start column, text) of each stretch between two separators of a frame line."""
    cuts = [k for k, ch in enumerate(text) if ch in _BOX_SEPARATORS]
    out = []
    for a, b in pairwise(cuts):
        piece = text[a + 1 : b].strip(_BOX_FILL + " ")
        out.append((a + 1, piece))
    return out


def box_rows(lines: list[Line], i: int, vocab: set[str]) -> tuple[int, list[tuple[Line, list[str]]]] | None:
    """A frame of box-drawing characters, read by character columns: the grid is every position where a
    separator stands on some line, a stretch between two separators goes to the grid column it starts
    in (a merged header cell and the sub-headers under it share that column), and the lines between two
    full borders are one row."""
    first = lines[i].text
    if not (_box_content(first) or (_BOX_BORDER.match(first) and any(c in first for c in "┌╔├"))):
        return None
    groups: list[list[Line]] = []
    current: list[Line] = []
    borders: list[Line] = []
    j = i
    while j < len(lines):
        t = lines[j].text
        if _BOX_BORDER.match(t) and not _box_content(t):
            borders.append(lines[j])
            if current:
                groups.append(current)
                current = []
        elif _box_content(t):
            current.append(lines[j])
        else:
            break
        j += 1
    if current:
        groups.append(current)
    inner = sum(1 for b in borders if any(c in b.text for c in "├┼╟╠╪╫"))
    if inner == 0:  # only a frame around: every line is a row
        groups = [[ln] for g in groups for ln in g]
    grid = sorted({a for g in groups for ln in g for a, _ in _box_segments(ln.text)})
    if len(grid) < 2:
        return None
    column = {a: k for k, a in enumerate(grid)}
    rows: list[tuple[Line, list[str]]] = []
    for group in groups:
        cells = [""] * len(grid)
        for ln in group:
            for a, piece in _box_segments(ln.text):
                if piece:
                    k = column[a]
                    cells[k] = join_wrapped(cells[k], piece, vocab) if cells[k] else piece
        if any(cells):
            rows.append((group[0], cells))
    if len(rows) < 2:
        return None
    return j - 1, rows
