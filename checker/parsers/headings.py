"""Heading detection shared by every parser.

Real school documents rarely use heading styles: a heading is often just a bold, centred,
numbered or upper-case short line. One function decides for all formats so that a .docx,
a .pdf and a .txt of the same document get the same headings.
"""

from __future__ import annotations

import re

MAX_HEADING_CHARS = 150
MAX_HEADING_WORDS = 15

# Style names as python-docx reports them (built-in names are normalised to English),
# plus the Russian names that localised templates store literally.
_STYLE_HEADING_RE = re.compile(r"^(?:heading|заголовок)\s*(\d)\b", re.IGNORECASE)
_STYLE_TITLE_RE = re.compile(r"^(?:title|название|заглавие)$", re.IGNORECASE)
_STYLE_SUBTITLE_RE = re.compile(r"^(?:subtitle|подзаголовок)$", re.IGNORECASE)

_ROMAN = r"(?=[IVXLC])(?:C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
# `2. Цель`, `2.1. Задачи`, `2.1 Задачи`: the text after the number must start with a capital,
# otherwise it is a numbered list item or a sentence (`1. разработать …`).
_NUM_DECIMAL_RE = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,4})(\.|\))?\s+[«\"(]?[A-ZА-ЯЁ]")
_NUM_ROMAN_RE = re.compile(rf"^({_ROMAN})\.?\s+[«\"(]?[A-ZА-ЯЁ]")
_NUM_WORD_RE = re.compile(
    r"^(?:раздел|глава|часть|статья|приложение)\s*(?:№\s*)?(?:\d{1,3}|[IVXLC]{1,6})\b", re.IGNORECASE
)
_LETTER_RE = re.compile(r"[A-Za-zА-Яа-яЁё]")
_WORD_RE = re.compile(r"[A-Za-zА-Яа-яЁё]+")
_BOOKMARK_RE = re.compile(r"\[bookmark:[^\]\n]*\]")
# Typed list markers: bullet glyphs (Word's Symbol-font bullets come out as private-use characters),
# dashes, `1)`, `а)`, `1.`. A dash glued to a capital (`-Приказ № 285`) counts too.
_BULLET_RE = re.compile(
    r"^\s*(?:[•·▪►●○■◦‣\uf0b7\uf0a7\uf0d8\uf076\uf0fc]\s*|[-–—*]\s+|-(?=[А-ЯЁA-Z«\"]))(?=\S)"
)
_ORDINAL_RE = re.compile(r"^\s*(?:\d{1,2}[.)]|[а-яa-z]\))\s+(?=\S)")


def strip_artefacts(text: str) -> str:
    """Remove converter artefacts such as `[bookmark: _GoBack]` that some exports leave in text."""
    if "[bookmark:" not in text:
        return text
    return _BOOKMARK_RE.sub("", text)


def list_item_text(text: str) -> str | None:
    """The item text when `text` starts like a list item (bullet stripped, a number kept), else None."""
    m = _BULLET_RE.match(text)
    if m:
        return text[m.end() :].strip()
    if _ORDINAL_RE.match(text):
        return text.strip()
    return None


def style_level(style: str | None) -> int | None:
    """Heading level implied by a style name, or None when the style is not a heading style."""
    if not style:
        return None
    name = style.strip()
    m = _STYLE_HEADING_RE.match(name)
    if m:
        return max(1, int(m.group(1)))
    if _STYLE_TITLE_RE.match(name):
        return 1
    if _STYLE_SUBTITLE_RE.match(name):
        return 2
    return None


def numbering_level(text: str) -> int | None:
    """Level implied by a leading section number (`2.` → 1, `2.1.` → 2, `II.` → 1, `Раздел 3` → 1)."""
    t = text.strip()
    m = _NUM_DECIMAL_RE.match(t)
    if m:
        number, suffix = m.group(1), m.group(2)
        depth = number.count(".") + 1
        # A bare `12 Сентября` or `1) Пункт` is a date or a list item, not a section number.
        if depth == 1 and suffix != ".":
            return None
        return depth
    if _NUM_ROMAN_RE.match(t) and not re.match(r"^[IVXLC]+\s+[A-Z]", t):
        return 1
    if _NUM_WORD_RE.match(t):
        return 1
    return None


def _short_enough(text: str, *, numbered: bool) -> bool:
    if len(text) > MAX_HEADING_CHARS:
        return False
    if len(text.split()) > MAX_HEADING_WORDS:
        return False
    if text.endswith((",", ";")):
        return False
    # A trailing colon introduces a list or a value; only numbered section titles keep it.
    if text.endswith(":") and not numbered:
        return False
    return _LETTER_RE.search(text) is not None


def _mostly_uppercase(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 5:
        return False
    cyrillic = sum(1 for c in letters if "А" <= c <= "я" or c in "Ёё")
    if cyrillic < len(letters) / 2:
        return False
    upper = sum(1 for c in letters if c.isupper())
    if upper < 0.8 * len(letters):
        return False
    # Abbreviation strings (`ГБОУ ИРО`) are not headings: want one real word.
    return any(len(w) >= 5 for w in _WORD_RE.findall(text))


def heading_reason(
    text: str,
    *,
    style: str | None = None,
    bold: bool = False,
    centred: bool = False,
    all_lines: bool = False,
) -> str | None:
    """Why `text` is a heading, or None.

    style:     the paragraph style name (docx/odt); a heading style always wins.
    bold:      every non-empty run of the paragraph is bold.
    centred:   the paragraph is centred.
    all_lines: the text stands alone in the layout (a short line between blank lines, or a short
               line followed by a longer paragraph, in .txt and .pdf): gives reason "isolated".
    Formatting reasons only count for short lines: ≤ 150 characters, ≤ 15 words, not ending with
    `,` or `;`; a bold or upper-case line longer than that is a paragraph.
    """
    t = " ".join(text.split())
    if not t:
        return None
    if style_level(style) is not None:
        return "style"
    numbered = numbering_level(t) is not None
    if not _short_enough(t, numbered=numbered):
        return None
    if numbered:
        return "numbered"
    if bold:
        return "bold"
    if centred and not t.endswith("."):
        return "centred"
    if _mostly_uppercase(t):
        return "uppercase"
    if all_lines and not t.endswith((".", "!", "?", ":")) and _isolated_ok(t):
        return "isolated"
    return None


def _isolated_ok(text: str) -> bool:
    """A layout-isolated line is a heading only if it reads like a title, not a date or a number."""
    words = _WORD_RE.findall(text)
    if not words or (not text[0].isupper() and text[0] not in '«"'):
        return False
    return sum(len(w) for w in words) >= 4


def heading_level(text: str, style: str | None = None, reason: str | None = None) -> int:
    """Heading level, 1 = top: from the style, else from the numbering, else by reason
    (upper-case → 1, other formatting → 2)."""
    level = style_level(style)
    if level is not None:
        return level
    level = numbering_level(" ".join(text.split()))
    if level is not None:
        return level
    if reason == "uppercase" or (reason is None and _mostly_uppercase(text)):
        return 1
    return 2
