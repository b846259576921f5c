"""A scanned page made upright before OCR: blank pages skipped, turned pages turned back, skew removed.

Real scans arrive skewed by a few degrees and sometimes turned by 90° or 180°. Tesseract reads a
skewed page line by line into garbage across the table, and a turned page not at all, so before OCR
and before the ruled-table search:

- the page's ink is measured on a small binarised copy; a blank page, or one inked edge to edge with
  no empty row between lines (a photo, a test pattern), has no text to read and skips tesseract;
- text lines make the row-ink profile sharp: the profile of the copy and of the copy turned by 90° are
  compared at small angles; lines running down the page mean the page is turned, and tesseract's
  orientation detection (`--psm 0`, run only then) says whether by 90° or 270°;
- the skew is the angle (within ±`MAX_SKEW`°) that makes the row profile sharpest;
- a page upside down reads as garbage of low confidence: `ocr.py` asks the orientation detection
  only then, and reads the page again turned by 180°.

Only Pillow is used (no numpy): a row profile is the copy resized to one pixel wide.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

SMALL_WIDTH = 640  # the working copy: enough for 0.1° of skew over a text line
INK_LEVEL = 150  # grey level below which a pixel of the copy is ink
BLANK_INK = 0.0015  # ink share below which a page is blank
MAX_SKEW = 6.0  # degrees searched either way
TURNED_RATIO = 1.4  # the turned profile must be this much sharper to call the page turned
MIN_SKEW = 0.25  # degrees: smaller skews are left alone (rotation blurs the glyphs a little)
OSD_TIMEOUT = 30.0
_ROTATE_RE = re.compile(r"Rotate:\s*(\d+)")
_CONFIDENCE_RE = re.compile(r"Orientation confidence:\s*([\d.]+)")
MIN_OSD_CONFIDENCE = 2.0


@dataclass
class Straightened:
    """What was done to a page image before OCR."""

    image: Any  # PIL image, upright as far as could be told
    blank: bool = False  # nothing text-like: no OCR needed
    turned: int = 0  # degrees the page was turned back (clockwise): 0, 90, 180, 270
    skew: float = 0.0  # degrees of skew removed
    doubtful: bool = False  # the page looked turned or skewed, and could not be straightened


def _ink_copy(image: Any) -> Any:
    """A small copy where ink is 255 and paper 0, so a row's mean is its ink share."""
    from PIL import Image

    grey = image.convert("L")
    width = min(SMALL_WIDTH, grey.width)
    height = max(1, round(grey.height * width / grey.width))
    small = grey.resize((width, height), Image.Resampling.BOX)
    return small.point(lambda v: 255 if v < INK_LEVEL else 0)


def _rows(ink: Any) -> list[int]:
    from PIL import Image

    return list(ink.resize((1, ink.height), Image.Resampling.BOX).tobytes())


def _sharpness(ink: Any, angle: float) -> float:
    """How much the row profile jumps between neighbouring rows: highest when text lines are level."""
    from PIL import Image

    turned = ink.rotate(angle, resample=Image.Resampling.NEAREST, fillcolor=0) if angle else ink
    rows = _rows(turned)
    return sum((a - b) * (a - b) for a, b in pairwise(rows)) / max(len(rows), 1)


def _best_angle(ink: Any) -> tuple[float, float]:
    """(angle, sharpness): a coarse search by 1°, then by 0.1° around the best."""
    coarse = [float(a) for a in range(-int(MAX_SKEW), int(MAX_SKEW) + 1)]
    scores = {a: _sharpness(ink, a) for a in coarse}
    best = max(scores, key=lambda a: scores[a])
    for step in (0.5, 0.25, 0.1):
        for a in (best - step, best + step):
            if -MAX_SKEW <= a <= MAX_SKEW and a not in scores:
                scores[a] = _sharpness(ink, a)
        best = max(scores, key=lambda a: scores[a])
    return best, scores[best]


def _no_empty_rows(ink: Any) -> bool:
    """Inked edge to edge in both directions: no gap between lines anywhere (a photo, a pattern)."""
    from PIL import Image

    rows = _rows(ink)
    cols = list(ink.resize((ink.width, 1), Image.Resampling.BOX).tobytes())
    return min(rows) > 8 and min(cols) > 8  # > 3 % ink in every row and every column


def straighten(image: Any, osd: bool = True) -> Straightened:
    """The page upright and level, or as it was with `doubtful` set when that could not be done."""
    from PIL import Image

    ink = _ink_copy(image)
    share = sum(_rows(ink)) / (255 * max(ink.height, 1))
    if share < BLANK_INK or _no_empty_rows(ink):
        return Straightened(image, blank=True)
    angle, level = _best_angle(ink)
    _, side = _best_angle(ink.rotate(90, expand=True))
    out = Straightened(image)
    if side > TURNED_RATIO * level:
        turn = orientation(image) if osd else None
        if turn not in (90, 270):
            out.doubtful = True  # lines run down the page, but which way up is unknown
            return out
        out.image = image.rotate(-turn, expand=True)
        out.turned = turn
        angle, _ = _best_angle(_ink_copy(out.image))
    if abs(angle) >= MAX_SKEW:
        out.doubtful = True  # at the edge of the search: the real skew may be larger
    if abs(angle) >= MIN_SKEW:
        out.image = out.image.rotate(angle, resample=Image.Resampling.BILINEAR, expand=False, fillcolor=255)
        out.skew = angle
    return out


def orientation(image: Any, timeout: float = OSD_TIMEOUT) -> int | None:
    """Tesseract's orientation detection: the clockwise turn (0, 90, 180, 270) that makes the page
    upright, or None when it cannot tell (too little text, low confidence, no tesseract)."""
    exe = shutil.which("tesseract")
    if exe is None:
        return None
    from PIL import Image

    half = image.convert("L")
    if min(half.size) > 2000:  # half of a 300 dpi page: as reliable, half the time
        half = half.resize((half.width // 2, half.height // 2), Image.Resampling.BOX)
    from checker.ocr import tesseract_env  # a cycle at import time otherwise

    with tempfile.TemporaryDirectory(prefix="checker-osd-") as tmp:
        path = Path(tmp) / "page.png"
        half.save(path)
        try:
            result = subprocess.run(
                [exe, str(path), "-", "--psm", "0"],
                capture_output=True,
                timeout=timeout,
                env=tesseract_env(),
                check=False,
            )
        except (OSError, subprocess.SubprocessError):
            return None
    text = (result.stdout + result.stderr).decode("utf-8", "replace")
    turn, confidence = _ROTATE_RE.search(text), _CONFIDENCE_RE.search(text)
    if not turn or not confidence or float(confidence.group(1)) < MIN_OSD_CONFIDENCE:
        return None
    value = int(turn.group(1)) % 360
    return value if value in (0, 90, 180, 270) else None
