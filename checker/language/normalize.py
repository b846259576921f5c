"""Russian text normalisation.

Two levels: `clean` is safe to show a user (spaces, soft hyphens, invisible characters);
`fold` is for matching and keeps the length of `clean`'s output, so a span found in the
folded text points at the same characters of the clean text.
"""

from __future__ import annotations

import re

_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# a run of spaces, or one space that is not a plain one: a single plain space is left alone (no match per word)
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f\u2009\u200a\u3000]{2,}|[\t\u00a0\u2007\u202f\u2009\u200a\u3000]")
_BOOKMARK = re.compile(r"\[bookmark: [^\]]*\]")

# one character in, one character out: keeps spans of `clean` valid in `fold`
_FOLD = str.maketrans(
    {
        "ё": "е",
        "Ё": "е",
        "«": '"',
        "»": '"',
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "‘": "'",
        "’": "'",
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "―": "-",
        "−": "-",
        "№": "№",
    }
)


def clean(text: str) -> str:
    """Remove invisible characters and Word bookmark debris, collapse runs of spaces."""
    if _INVISIBLE.search(text):
        text = _INVISIBLE.sub("", text)
    if "[bookmark: " in text:
        text = _BOOKMARK.sub("", text)
    # _SPACES never matches a line break: one substitution over the whole text, then per line strip
    text = _SPACES.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [line.strip() for line in text.split("\n")]
    return "\n".join(lines).strip()


# str.translate with a non-ASCII table costs ~80 ns a character; a chain of str.replace over the
# few characters that occur is ~40x faster on real text
_FOLD_PAIRS = [(chr(k), v) for k, v in _FOLD.items() if chr(k) != v]


def _fold_chars(text: str) -> str:
    for old, new in _FOLD_PAIRS:
        if old in text:
            text = text.replace(old, new)
    return text


def fold(text: str) -> str:
    """Lower-case, ё→е, one kind of quote and dash. Same length as the input."""
    folded = _fold_chars(text).lower()
    # str.lower() changes length for a handful of non-Russian letters (İ); fall back per char
    if len(folded) != len(text):
        folded = "".join(_fold_chars(ch).lower()[:1] or ch for ch in text)
    return folded


def normalize(text: str) -> str:
    """clean + fold: the form every matcher sees."""
    return fold(clean(text))


def in_capitals(text: str) -> bool:
    """Printed in capitals: at least two letters, none of them lower case («ДОРОЖНАЯ КАРТА», «МБОУ СОШ № 5»)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)
