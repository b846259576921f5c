"""A PDF page's text layer read glyph by glyph: runs of text with their word spaces, each glyph once.

PDFium's rectangles are the runs of one text object, and the text it gives for a rectangle takes in
whatever glyphs of a neighbour overlap it: a kerned pair drawn as two runs reads «YoYour», «WoWoodwind».
A run that places its words by kerning alone has no space character at all («GeometryofWoodwind»), and
text drawn twice over itself (a shadow, fake bold, a line repeated four times) reads twice. Reading each
glyph's box instead: a space goes where the gap between two glyphs is wider than a fraction of the font
size (as pdftotext does; a letter-spaced run «0 3 / 2 5 / 2 0 1 6» is measured against its own spacing),
a glyph drawn again at the same place is kept once, and a run ends where the text object, the line or
the writing direction changes. Cyrillic that a broken ToUnicode map turned into Hangul (the map holds
UTF-8 bytes, PDFium reads them as UTF-16: «М» → U+D09C) is decoded back.

One ctypes call per glyph (its box), one more at each word start (its text object); the characters
come as the page's text at once: ≈ 4 ms for a page of 2,000 glyphs.
A page whose text mostly runs vertically (a landscape page drawn turned) is left to the caller.
"""

from __future__ import annotations

import ctypes
import struct
from dataclasses import dataclass
from itertools import pairwise, repeat
from typing import Any

WORD_GAP = 0.13  # a gap wider than this share of the glyph box height (ascent to descent) is a space
SEGMENT_GAP = 0.8  # a gap this wide (box heights) ends the run: columns are decided by the caller
LETTER_SPACED_MIN = 3  # gaps in a run before its own spacing can be measured
MAX_GLYPH = 150.0  # points: a glyph box larger than this comes from a broken font
SAME_PLACE = 0.3  # a glyph drawn again within this share of its width is the same glyph
_HANGUL = range(0xAC00, 0xD7A4)
_RECT = struct.Struct("=4f")  # FS_RECTF: left, top, right, bottom
_BREAKS = frozenset({32, 13, 10, 0xA0})  # spaces and line ends, PDFium's own or drawn
_SPACE = float("inf")  # the gap before a glyph that follows a space character: always a space


@dataclass
class Glyphs:
    """One run: consecutive glyphs of one text object on one line; `first` is its first char index."""

    text: str
    x0: float
    x1: float
    bottom: float  # PDF user space, y upwards
    top: float
    first: int


_VOIDP = ctypes.c_void_p
_BOX = ctypes.CFUNCTYPE(ctypes.c_int, _VOIDP, ctypes.c_int, _VOIDP)
_OBJ = ctypes.CFUNCTYPE(_VOIDP, _VOIDP, ctypes.c_int)
_UNICODE = ctypes.CFUNCTYPE(ctypes.c_uint, _VOIDP, ctypes.c_int)
_TEXT = ctypes.CFUNCTYPE(ctypes.c_int, _VOIDP, ctypes.c_int, ctypes.c_int, _VOIDP)
_EDGES = ctypes.CFUNCTYPE(ctypes.c_int, _VOIDP, ctypes.c_int, _VOIDP, _VOIDP, _VOIDP, _VOIDP)


class GlyphReader:
    """PDFium's per-glyph calls bound once per document, typed with plain pointers (no conversions)."""

    def __init__(self, raw: Any) -> None:
        address = ctypes.cast  # the functions' addresses, rebound with void* arguments and results
        self.loose_box = _BOX(address(raw.FPDFText_GetLooseCharBox, _VOIDP).value)
        self.text_object = _OBJ(address(raw.FPDFText_GetTextObject, _VOIDP).value)
        self.unicode = _UNICODE(address(raw.FPDFText_GetUnicode, _VOIDP).value)
        self.get_text = _TEXT(address(raw.FPDFText_GetText, _VOIDP).value)
        self.tight_box = _EDGES(address(raw.FPDFText_GetCharBox, _VOIDP).value)
        self.edges = tuple(ctypes.c_double() for _ in range(4))
        self.raw = raw

    def runs(self, textpage: Any, turn: tuple[int, float, float] | None = None) -> list[Glyphs] | None:
        """The page's runs in content order, or None when most of its text is not horizontal.

        `turn` (the page's /Rotate, its unrotated width and height) reads the glyphs as the page is
        displayed: a landscape page whose text was drawn turned so that it shows upright."""
        tp = ctypes.cast(textpage.raw, _VOIDP).value
        n = int(self.raw.FPDFText_CountChars(textpage.raw))
        if n <= 0:
            return []
        units = self._units(textpage, tp, n)
        # every glyph's loose box at once, into one buffer (a failed call leaves its box empty: h = 0)
        boxes_buf = bytearray(_RECT.size * n)
        at = ctypes.addressof((ctypes.c_char * len(boxes_buf)).from_buffer(boxes_buf))
        list(map(self.loose_box, repeat(tp, n), range(n), range(at, at + _RECT.size * n, _RECT.size)))
        boxes = _RECT.iter_unpack(boxes_buf)
        e_left, e_right, e_bottom, e_top = self.edges
        obj_of = self.text_object
        runs: list[list[Any]] = []  # [chars, gaps, x0, x1, bottom, top, first and last char index]
        chars: list[int] = []  # the current run's code units
        gaps: list[tuple[int, float]] = []  # (position in chars, gap) before each later word start
        run_obj = None
        x0 = x1 = bottom = top = 0.0
        first = 0
        prev_u, prev_left, prev_i, prev_lo = -1, 0.0, 0, 0.0
        space = False  # a space character since the last glyph
        vertical = horizontal = 0
        turned = turn is not None
        breaks = _BREAKS
        max_glyph, same_place, segment_gap, word_gap = MAX_GLYPH, SAME_PLACE, SEGMENT_GAP, WORD_GAP
        for i, u, (left, hi, right, lo) in zip(range(n), units, boxes, strict=True):
            if u in breaks:
                space = True
                continue
            h = hi - lo
            if h > max_glyph or right - left > max_glyph:
                # a font whose box is nonsense (a Type 3 font of a figure): the glyph's own outline
                if not self.tight_box(tp, i, *map(ctypes.addressof, self.edges)):
                    continue
                left, right, lo, hi = e_left.value, e_right.value, e_bottom.value, e_top.value
                h = hi - lo
                if h > max_glyph or right - left > max_glyph:
                    continue
            if turned:
                left, right, lo, hi = _turned(turn, left, right, lo, hi)  # type: ignore[arg-type]
                h = hi - lo
            if h <= 0.01:
                continue
            if chars:
                if (
                    u == prev_u
                    and abs(left - prev_left) < same_place * (right - left)
                    and obj_of(tp, i) != obj_of(tp, prev_i)
                ):
                    # the same glyph drawn again over itself (fake bold, a shadow); within one text
                    # object it is a ligature read as two letters: «ﬀ» is «f» twice at one place
                    continue
                gap = left - x1
                half = 0.5 * h
                # on the line of the glyph before (not of the whole run: a tall glyph must not let
                # the run take in the lines below), going on to the right
                if -half < lo - prev_lo < half and left > x0 - half and gap <= segment_gap * h:
                    horizontal += 1
                    word = space or gap > word_gap * h
                    # a new word may be another text object (a bold word in a line): ask only there
                    if not word or obj_of(tp, i) == run_obj:
                        if word:
                            gaps.append((len(chars), _SPACE if space else gap))
                        elif gap > 0.02 * h:
                            gaps.append((len(chars), gap))  # for the run's letter spacing
                        chars.append(u)
                        if right > x1:
                            x1 = right
                        if lo < bottom:
                            bottom = lo
                        if hi > top:
                            top = hi
                        prev_u, prev_left, prev_i, prev_lo, space = u, left, i, lo, False
                        continue
                elif abs(left - x0) < half and abs(lo - bottom) > half:
                    vertical += 1
                runs.append([chars, gaps, x0, x1, bottom, top, first, prev_i])
            chars, gaps = [u], []
            run_obj, first = obj_of(tp, i), i
            x0, x1, bottom, top = left, right, lo, hi
            prev_u, prev_left, prev_i, prev_lo, space = u, left, i, lo, False
        if chars:
            runs.append([chars, gaps, x0, x1, bottom, top, first, prev_i])
        if vertical > horizontal:
            return None
        if any(max(run[0]) >= _HANGUL.start for run in runs) and any(u in _HANGUL for run in runs for u in run[0]):
            page = _utf8_cyrillic([u for run in runs for u in run[0]])
            k = 0
            for run in runs:
                run[0] = page[k : k + len(run[0])]
                k += len(run[0])
        out: list[Glyphs] = []
        seen: set[tuple[str, int, int]] = set()
        edges = [ctypes.addressof(e) for e in self.edges]
        for chars, gaps, x0, x1, bottom, top, first, last in runs:
            if turn is None:
                # the run's ends at its first and last glyph's outline, as PDFium's rectangles have them
                if self.tight_box(tp, first, *edges) and e_left.value < e_right.value:
                    x0 = e_left.value if abs(e_left.value - x0) < top - bottom else x0
                if self.tight_box(tp, last, *edges) and e_left.value < e_right.value:
                    x1 = e_right.value if abs(e_right.value - x1) < top - bottom else x1
            text = _spaced(chars, gaps, top - bottom)
            key = (text, round(x0), round(bottom))
            if key in seen:
                continue  # the whole run drawn again where it already is
            seen.add(key)
            out.append(Glyphs(text, x0, x1, bottom, top, first))
        return out

    def _units(self, textpage: Any, tp: int | None, n: int) -> list[int]:
        """Each char index's character: the page's text at once when its text indexes are the char
        indexes (the last char is at the last place), else char by char (PDFium may keep chars out of
        the text, and a character beyond U+FFFF takes two places in it)."""
        if self.raw.FPDFText_GetTextIndexFromCharIndex(textpage.raw, n - 1) == n - 1:
            buf = (ctypes.c_ushort * (n + 1))()
            if self.get_text(tp, 0, n, ctypes.addressof(buf)) == n + 1:
                return buf[:n]
        unicode = self.unicode
        return [unicode(tp, i) for i in range(n)]


def _turned(
    turn: tuple[int, float, float], left: float, right: float, lo: float, hi: float
) -> tuple[float, float, float, float]:
    """A box in unrotated page space as the page shows it, turned clockwise by /Rotate."""
    rotation, width, height = turn
    if rotation == 90:
        return lo, hi, width - right, width - left
    if rotation == 270:
        return height - hi, height - lo, left, right
    if rotation == 180:
        return width - right, width - left, height - hi, height - lo
    return left, right, lo, hi


def _spaced(chars: list[int], gaps: list[tuple[int, float]], height: float) -> str:
    """The run's text with a space at each gap wider than a word gap; a letter-spaced run (most of its
    gaps wide) is measured against its own spacing. `gaps` holds the gaps that are not about nothing."""
    text = _text(chars)
    if not gaps:
        return text
    limit = WORD_GAP * height
    pairs = len(chars) - 1
    drawn = [g for _, g in gaps if g != _SPACE]  # gaps of letters drawn apart, not space characters
    if pairs >= LETTER_SPACED_MIN and 2 * len(drawn) > pairs:
        drawn.sort()
        median = drawn[pairs // 2 - (pairs - len(drawn))]
        if median > limit:
            limit += median
    cuts = [pos for pos, gap in gaps if gap > limit]
    if not cuts:
        return text
    if len(text) != len(chars):  # surrogate pairs joined: cut the code units, then decode each part
        return " ".join(_text(chars[a:b]) for a, b in pairwise([0, *cuts, len(chars)]))
    return " ".join(text[a:b] for a, b in pairwise([0, *cuts, len(text)]))


def _text(units: list[int]) -> str:
    text = "".join(map(chr, units))
    if max(units) >= 0xD800 and any(0xD800 <= u <= 0xDFFF for u in units):
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    if "\x02" in text or "\ufffe" in text:
        text = text.replace("\x02", "-").replace("\ufffe", "-")
    return text


def _utf8_cyrillic(units: list[int]) -> list[int]:
    """Hangul code points that are the UTF-8 bytes of Cyrillic letters (lead byte 0xD0–0xD3, trail byte
    0x80–0xBF) back to the letters — only when every Hangul glyph of the page reads so: real Korean text
    has syllables outside that narrow band."""
    hangul = [u for u in units if u in _HANGUL]
    if not all(0xD0 <= u >> 8 <= 0xD3 and 0x80 <= u & 0xFF <= 0xBF for u in hangul):
        return units
    out = []
    for u in units:
        if u in _HANGUL:
            u = ord(bytes((u >> 8, u & 0xFF)).decode("utf-8"))
        out.append(u)
    return out
