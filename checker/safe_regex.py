"""User-written patterns (rule packs) run in an engine that cannot hang.

Python's `re` has no timeout: a pattern such as `(a|aa)+$` backtracks for minutes and keeps a worker
busy until the per-document timeout kills it, on every document. Pack patterns are therefore compiled
with the `regex` module (the same syntax as `re`, version 0 semantics) and every match call runs with
a time limit. A search that exceeds it raises `PatternTimeout`, which the rule runner turns into the
finding «правило прервано: слишком долгий поиск по шаблону» for that rule only.

Built-in patterns of the checker itself keep using `re`; only text that comes from a pack goes here.
This module is the one place where the engine is chosen.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import regex

# Seconds one match call may take; a pattern that ran out once gets a much shorter limit afterwards,
# so a hopeless pattern costs about one limit per document, not one per text block.
MATCH_TIMEOUT = 1.0
AFTER_TIMEOUT = 0.05
_MISSES_KEPT = 4096  # per pattern; a full memory starts over

MESSAGE_RU = "правило прервано: слишком долгий поиск по шаблону"
MESSAGE_EN = "rule interrupted: the pattern search took too long"

_FLAGS = {
    re.IGNORECASE: regex.IGNORECASE,
    re.MULTILINE: regex.MULTILINE,
    re.DOTALL: regex.DOTALL,
    re.VERBOSE: regex.VERBOSE,
    re.ASCII: regex.ASCII,
}


class PatternTimeout(Exception):
    """A pack pattern took longer than its limit on one text."""

    def __init__(self, pattern: str) -> None:
        super().__init__(f"{MESSAGE_EN}: {pattern}")
        self.pattern = pattern


class PatternError(ValueError):
    """A pack pattern that does not compile; the text says why (in English, from the engine)."""


class SafePattern:
    """A compiled pattern with the `re.Pattern` methods the rule kinds use, each under a time limit."""

    def __init__(self, compiled: Any, source: str) -> None:
        self._compiled = compiled
        self.pattern = source
        self.groupindex: dict[str, int] = dict(compiled.groupindex)
        self._limit = MATCH_TIMEOUT
        # texts this pattern is known not to match: one paragraph is searched by the same pattern from
        # several rules and scopes (about 30 times per distinct text on the benchmark corpus)
        self._misses: dict[tuple[str, int], None] = {}

    def _timed_out(self) -> PatternTimeout:
        self._limit = AFTER_TIMEOUT
        return PatternTimeout(self.pattern)

    def search(self, text: str, pos: int = 0) -> Any:
        key = (text, pos)
        if key in self._misses:
            return None
        try:
            found = self._compiled.search(text, pos, timeout=self._limit)
        except TimeoutError:
            raise self._timed_out() from None
        if found is None:
            if len(self._misses) >= _MISSES_KEPT:
                self._misses.clear()
            self._misses[key] = None
        return found

    def match(self, text: str, pos: int = 0) -> Any:
        try:
            return self._compiled.match(text, pos, timeout=self._limit)
        except TimeoutError:
            raise self._timed_out() from None

    def fullmatch(self, text: str, pos: int = 0) -> Any:
        try:
            return self._compiled.fullmatch(text, pos, timeout=self._limit)
        except TimeoutError:
            raise self._timed_out() from None

    def finditer(self, text: str) -> Iterator[Any]:
        # most texts (one paragraph each) have no match: one timed search answers that without building
        # an iterator; a text with a match is walked from its start again, under the same limit per call
        if self.search(text) is None:
            return iter(())
        return self._walk(text)

    def _walk(self, text: str) -> Iterator[Any]:
        iterator = self._compiled.finditer(text, timeout=self._limit)
        while True:
            try:
                found = next(iterator)
            except StopIteration:
                return
            except TimeoutError:
                raise self._timed_out() from None
            yield found

    def findall(self, text: str) -> list[Any]:
        try:
            return self._compiled.findall(text, timeout=self._limit)
        except TimeoutError:
            raise self._timed_out() from None


def _engine_flags(flags: int) -> int:
    result = 0
    for std, ours in _FLAGS.items():
        if flags & std:
            result |= ours
    return result


@lru_cache(maxsize=2048)
def compile_pattern(pattern: str, flags: int = 0) -> SafePattern:
    """Compile a pack pattern (flags are `re` flags); raises PatternError when it does not compile."""
    try:
        compiled = regex.compile(pattern, _engine_flags(flags) | regex.VERSION0)
    except (regex.error, re.error, OverflowError, RecursionError, ValueError, TypeError) as exc:
        raise PatternError(str(exc)) from exc
    return SafePattern(compiled, pattern)
