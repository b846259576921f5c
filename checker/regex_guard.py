"""Refuse user-written regular expressions that can backtrack catastrophically, at pack load time.

Python's `re` has no timeout, so `(a+)+$` on forty `a`s hangs a worker for minutes. The batch's
per-document timeout is the backstop; this guard makes the mistake visible where it was made
(`file:line: регулярное выражение может зависнуть`) instead of as a timeout on every document.

Detected (on the parsed pattern, not the text): an unbounded repeat whose body holds another unbounded
repeat (`(a+)+`, `(a*)*`, `(\\w+\\s?)*`), or alternatives that can start with the same character
(`(a|a)*`, `(a|ab)+`). It is a heuristic: it cannot see every exponential pattern, and it refuses a few
harmless ones (`(?:x\\s*)+`), which are easy to rewrite.
"""

from __future__ import annotations

import re
from typing import Any

try:  # Python 3.11+
    import re._constants as _c  # type: ignore[import-not-found]
    import re._parser as _p  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

MESSAGE_RU = "регулярное выражение может зависнуть: вложенные повторения"
MESSAGE_EN = "the regular expression can hang: nested repetition"
# Keys of rule kinds whose values are regular expressions (see checker/engine/kinds).
REGEX_KEYS = frozenset({"regex", "pattern", "patterns", "item", "roles", "year"})

_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT}
if hasattr(_c, "POSSESSIVE_REPEAT"):
    _POSSESSIVE: Any = _c.POSSESSIVE_REPEAT  # possessive repeats never backtrack: safe
else:  # pragma: no cover
    _POSSESSIVE = None


def _unbounded(max_count: int) -> bool:
    return max_count == _c.MAXREPEAT or max_count > 1000


def _children(op: Any, av: Any) -> list[Any]:
    """Sub-patterns of one parsed node."""
    if op in _REPEATS or op == _POSSESSIVE:
        return [av[2]]
    if op == _c.SUBPATTERN:
        return [av[-1]]
    if op == _c.BRANCH:
        return list(av[1])
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return [av[1]]
    if op == getattr(_c, "ATOMIC_GROUP", None):
        return []  # atomic groups never backtrack into themselves
    if op == _c.GROUPREF_EXISTS:
        return [x for x in av[1:] if x is not None]
    return []


def _has_unbounded_repeat(pattern: Any) -> bool:
    for op, av in pattern:
        if op in _REPEATS and _unbounded(av[1]):
            return True
        if any(_has_unbounded_repeat(child) for child in _children(op, av)):
            return True
    return False


def _first(pattern: Any) -> tuple[Any, ...] | None:
    """The first node of a branch as a comparable key (None when it starts with a group or is empty)."""
    for op, av in pattern:
        if op in (_c.AT,):
            continue
        if op in (_c.LITERAL, _c.NOT_LITERAL, _c.ANY):
            return (op, av)
        if op == _c.IN:
            return (op, tuple(av))
        if op == _c.SUBPATTERN:
            return _first(av[-1])
        return None
    return None


def _ambiguous_branch(pattern: Any) -> bool:
    for op, av in pattern:
        if op == _c.BRANCH:
            firsts = [_first(b) for b in av[1]]
            keys = [f for f in firsts if f is not None]
            if any(f[0] == _c.ANY for f in keys) and len(keys) > 1:
                return True
            if len(set(keys)) < len(keys):
                return True
        if op in _REPEATS or op == _POSSESSIVE:
            continue  # an inner repeat's own alternatives are checked when it is visited
        if any(_ambiguous_branch(child) for child in _children(op, av)):
            return True
    return False


def _dangerous(pattern: Any) -> bool:
    for op, av in pattern:
        if op in _REPEATS and _unbounded(av[1]):
            body = av[2]
            if _has_unbounded_repeat(body) or _ambiguous_branch(body):
                return True
        if any(_dangerous(child) for child in _children(op, av)):
            return True
    return False


def is_dangerous(regex: str) -> bool:
    """True when `regex` has nested repetition that can backtrack exponentially."""
    try:
        parsed = _p.parse(regex)
    except (re.error, RecursionError, OverflowError):
        return False  # compile errors are reported by the rule's own validation
    try:
        return _dangerous(parsed)
    except RecursionError:
        return True  # nesting this deep is a hazard in itself


def find_dangerous(data: Any) -> list[tuple[int, int, str]]:
    """(line, column, pattern) of each dangerous regex in a loaded YAML tree (ruamel keeps positions).

    Lines and columns are 1-based; (0, 0) when the node carries no position."""
    found: list[tuple[int, int, str]] = []

    def position(node: Any, key: Any) -> tuple[int, int]:
        lc = getattr(node, "lc", None)
        try:
            if isinstance(node, dict):
                line, col = lc.value(key)
            else:
                line, col = lc.item(key)
            return line + 1, col + 1
        except Exception:
            return 0, 0

    def visit(node: Any, regex_context: bool) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                is_regex = str(key) in REGEX_KEYS
                if is_regex and isinstance(value, str):
                    if is_dangerous(value):
                        found.append((*position(node, key), value))
                else:
                    visit(value, is_regex)
        elif isinstance(node, list):
            for index, value in enumerate(node):
                if regex_context and isinstance(value, str):
                    if is_dangerous(value):
                        found.append((*position(node, index), value))
                else:
                    visit(value, regex_context and not isinstance(value, dict))

    visit(data, False)
    return found
