"""`placeholder`: unfilled template fields (`____`, `«__»`, `[указать]`, `ХХ.ХХ.ХХХХ`, `20__ г.`).

A signature line (`________ И.И. Иванов`, `подпись ______`) is a place to sign, not a gap."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from pydantic import Field

from checker.engine.context import CheckContext
from checker.engine.rule import Outcome, RuleBase
from checker.language.text import snippet

_GAPS = re.compile(
    r'"\s*_+\s*"'  # «__» (quotes are folded to ")
    r"|\b(?:19|20)_+\s*(?:г\b|год)"  # 20__ г.
    r"|\b(?:19|20)\d?_+"  # 201_
    r"|\[\s*(?:указать|укажите|вставить|вписать|дата|фио|ф\.и\.о\.|название|наименование|номер|xx+|хх+|\.\.\.)"
    r"[^\]]{0,40}\]"
    r"|\b[хx]{2}\.[хx]{2}\.(?:[хx]{2}){1,2}\b"
    r"|_{3,}",
    re.IGNORECASE,
)
# a signature: the gap is followed by initials and a surname, or stands by the word «подпись»
_SIGNATURE_AFTER = re.compile(r"^[\s/]*(?:[А-ЯЁA-Z]\.\s?){1,2}\s?[А-ЯЁA-Z][а-яёa-z]+|^[\s/(]*подпис", re.IGNORECASE)
_SIGNATURE_BEFORE = re.compile(r"(подпис\w*|м\.\s?п\.)[\s:/(]*$", re.IGNORECASE)


class PlaceholderRule(RuleBase):
    kind: Literal["placeholder"]
    max_findings: int = Field(20, ge=1)

    def check(self, ctx: CheckContext) -> Iterable[Outcome]:
        count = 0
        for unit in self.units(ctx):
            text = unit.text.clean
            gaps = [
                m for m in _GAPS.finditer(unit.text.folded)
                if not (m.group(0).startswith("_") and (
                    _SIGNATURE_AFTER.match(text[m.end() :]) or _SIGNATURE_BEFORE.search(text[: m.start()])))
            ]
            if not gaps:
                continue
            # one finding per place: every gap of a line is named in it
            found = ", ".join(dict.fromkeys(text[m.start() : m.end()] for m in gaps))
            yield Outcome(False, {"found": found, "count": len(gaps)},
                          snippet(text, gaps[0].start(), gaps[-1].end()), unit.location)
            count += 1
            if count >= self.max_findings:
                return
        if count == 0:
            yield Outcome(True, {"found": "—"})
