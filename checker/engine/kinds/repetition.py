"""`repetition`: the same 2–4-word sequence twice in a row («в образования в образования»). A site's page
title at the end of its breadcrumb trail and the headline under it are no repeat."""

from __future__ import annotations

import operator
import re
from collections.abc import Iterable
from typing import Literal

from pydantic import Field, model_validator

from checker.engine.context import CheckContext
from checker.engine.rule import Outcome, RuleBase
from checker.language.text import snippet
from checker.layout.breadcrumbs import follows_crumbs

_WORD = r"[^\W\d_]+(?:-[^\W\d_]+)*"
# A repeat of k words puts the same [\w-]+ token at positions p and p+k (the words are whole tokens:
# the pattern's boundaries and the whitespace between words see to it), so a text without such a pair
# cannot match, and the slower backreference search is skipped.
_TOKEN = re.compile(r"[\w-]+")


class RepetitionRule(RuleBase):
    kind: Literal["repetition"]
    scope: Literal["all", "text", "tables", "headings", "start"] = "text"
    min_words: int = Field(2, ge=1, le=6)
    max_words: int = Field(4, ge=1, le=6)
    max_findings: int = Field(20, ge=1, description="stop after this many repeats")

    @model_validator(mode="after")
    def _order(self) -> RepetitionRule:
        if self.min_words > self.max_words:
            raise ValueError("min_words больше max_words")
        return self

    def _pattern(self) -> re.Pattern[str]:
        if "re" not in self._cache:
            # words only (no digits): «1 2 1 2» in numbered tables is not a typo
            body = rf"{_WORD}(?:\s+{_WORD}){{{self.min_words - 1},{self.max_words - 1}}}"
            self._cache["re"] = re.compile(rf"(?<![\w-])(?P<seq>{body})\s+(?P=seq)(?![\w-])")
        return self._cache["re"]

    def _may_repeat(self, text: str) -> bool:
        tokens = _TOKEN.findall(text)
        return any(
            any(map(operator.eq, tokens, tokens[k:])) for k in range(self.min_words, self.max_words + 1)
        )

    def _repeat(self, text: str, clean: str) -> re.Match[str] | None:
        """The first repeat that is no page title over its headline: the last crumb of a site's trail
        («Главная » … » Совещание директоров») followed by the headline that repeats it."""
        pos = 0
        while (m := self._pattern().search(text, pos)) is not None:
            if not follows_crumbs(clean, m.start()):  # the folded text has no «»» (same positions)
                return m
            pos = m.start() + 1
        return None

    def check(self, ctx: CheckContext) -> Iterable[Outcome]:
        count = 0
        for unit in self.units(ctx):
            if not self._may_repeat(unit.text.folded):
                continue
            m = self._repeat(unit.text.folded, unit.text.clean)
            if m is None:
                continue
            # one finding per place: the first repeat of a paragraph or cell
            found = unit.text.clean[m.start() : m.end()]
            yield Outcome(False, {"found": found, "phrase": unit.text.clean[m.start("seq") : m.end("seq")]},
                          snippet(unit.text.clean, m.start(), m.end()), unit.location)
            count += 1
            if count >= self.max_findings:
                return
        if count == 0:
            yield Outcome(True, {"found": "—"})
