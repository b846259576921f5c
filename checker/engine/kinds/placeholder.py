"""`placeholder`: unfilled template fields (`____`, `«__»`, `[указать]`, `ХХ.ХХ.ХХХХ`, `20__ г.`).

Places a printed document leaves blank on purpose are not gaps: a signature line (`________ И.И. Иванов`,
`Иванова И.И. ________`, `Председатель ________`, `подпись ______`, `Директор МБОУ СОШ № 5 ________`, a line
ending in a gap with the name alone on the next line, any gap of an approval stamp), the date of an approval or
agreement stamp to be written by hand (`«___» ________ 2021 г.` by «УТВЕРЖДАЮ», «СОГЛАСОВАНО», «ознакомлен», or on
a line that holds a signature), and the registration fields of a letterhead (`№ ______`, `от ______ №`,
`На № ___ от ___`) that the office stamps. The shapes of names and positions are `checker.language.names`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from pydantic import Field

from checker.engine.context import CheckContext
from checker.engine.rule import Outcome, RuleBase
from checker.language.names import POSITION, SIGNATURE_NAME_LINE, SIGNED_AFTER, SIGNED_BEFORE
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
_TRAILING_GAP = re.compile(r"_{3,}[\s/]*$")
# the stamp's word right before the gap, glued or not: «УТВЕРЖДАЮ_______________», «Согласовано: ________»
_MARKER_BEFORE = re.compile(r"(?:утверждаю|утверждено|утверждена|согласовано|ознакомлен\w*)\W{0,3}$", re.IGNORECASE)
_LINE_GAP = re.compile(r"_{3,}")
_MAX_POSITION_WORDS = 10  # «Директор МБОУ СОШ № 5 имени …: ________»: a position's line before its signature gap
# the handwritten date of a stamp: «___» ________ 2021 г., «__» ______ 20__ г.
_STAMP_DATE = re.compile(
    r'"\s*_+\s*"\s*_+\s*(?:(?:19|20)[\d_]{2}\s*(?:г\b|года?))?|_{3,}\s*(?:19|20)[\d_]{2}\s*(?:г\b|года?)'
)
_STAMP_WORDS = re.compile(
    r"утвержда|утвержд[её]н|согласован|ознакомлен|подпис|_{3,}\s*[а-яё]\.|[а-яё]\.\s*_{3,}", re.IGNORECASE
)
# a line that is nothing but such a date (««__» ______ 2023 г.», «____________ 2023 г.») stands under a signature
_DATE_LINE = re.compile(r'^\s*(?:"\s*_+\s*"\s*)?_+\s*(?:19|20)[\d_]{2}\s*(?:г\.?|года?)?\s*$')
_BLANKS_ONLY = re.compile(r"^[\s_/|.,]*$")
# registration fields of a letterhead, filled by the office: «№ ____», «от ____ №», «На № ___ от ___»
_REGISTRATION = re.compile(
    r"(?:на\s*)?№\s*_+(?:\s*от\s*_+)?|\bот\s*_+\s*(?:г\.?\s*)?№"
    r'|\bот\s*"\s*_+\s*"\s*_+\s*(?:19|20)[\d_]{2}\s*(?:г\.?|года)?',
    re.IGNORECASE,
)


class PlaceholderRule(RuleBase):
    kind: Literal["placeholder"]
    max_findings: int = Field(20, ge=1)

    def check(self, ctx: CheckContext) -> Iterable[Outcome]:
        count = 0
        units = list(self.units(ctx))
        for i, unit in enumerate(units):
            text = unit.text.clean
            folded = unit.text.folded
            # every shape of `_GAPS` holds an underscore, a bracket or «хх.» (cheap test first)
            if ("_" not in folded and "[" not in folded and "х." not in folded and "x." not in folded) or (
                _BLANKS_ONLY.match(text)
            ):
                continue  # a line of nothing but blanks: a form's place to sign or write by hand
            in_stamp = unit.block.role in ("approval", "stamp", "esign")
            # «Директор школы: ____________» with «/Г.Н. Петрова/» on the next line: the line is for a signature
            signed_below = i + 1 < len(units) and bool(SIGNATURE_NAME_LINE.match(units[i + 1].text.clean))
            signatures = [
                m
                for m in _LINE_GAP.finditer(text)
                if in_stamp or _signature_gap(text, m.start(), m.end(), signed_below)
            ]
            # a line that holds a signature is a stamp's line: its date is written by hand too
            # («город Энск ________ Петрова В.Р. «___» ________ 2022 г.», a stamp a PDF read as one line)
            exempt = _exempt_spans(text, folded, in_stamp or bool(signatures))
            signed = {m.span() for m in signatures}
            gaps = [
                m
                for m in _GAPS.finditer(folded)
                if not any(a <= m.start() and m.end() <= b for a, b in exempt) and m.span() not in signed
            ]
            if not gaps:
                continue
            # one finding per place: every gap of a line is named in it
            found = ", ".join(dict.fromkeys(text[m.start() : m.end()] for m in gaps))
            yield Outcome(
                False,
                {"found": found, "count": len(gaps)},
                snippet(text, gaps[0].start(), gaps[-1].end()),
                unit.location,
            )
            count += 1
            if count >= self.max_findings:
                return
        if count == 0:
            yield Outcome(True, {"found": "—"})


def _signature_gap(text: str, start: int, end: int, signed_below: bool) -> bool:
    """The gap text[start:end] is for a hand signature: a name follows it («____ И.И. Иванов») or stands
    before it («Иванова И.И. ____», «Председатель ____»), or it ends a line that a name follows on the next
    line, or a line that starts with a signer's position («Директор МБОУ СОШ № 5 ____________»)."""
    if SIGNED_AFTER.match(text[end:]) or SIGNED_BEFORE.search(text[:start]) or _MARKER_BEFORE.search(text[:start]):
        return True
    if not _TRAILING_GAP.match(text[start:]):
        return False
    return signed_below or (bool(POSITION.match(text)) and len(text[:start].split()) <= _MAX_POSITION_WORDS)


def _exempt_spans(text: str, folded: str, in_stamp: bool) -> list[tuple[int, int]]:
    """Spans left blank on purpose: a stamp's handwritten date, a letterhead's registration fields."""
    spans = [m.span() for m in _REGISTRATION.finditer(folded)]
    if in_stamp or _STAMP_WORDS.search(text) or _DATE_LINE.match(folded):
        spans += [m.span() for m in _STAMP_DATE.finditer(folded)]
    return spans
