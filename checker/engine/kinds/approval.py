"""`approval`: the approval stamp («УТВЕРЖДАЮ»), the agreement stamp («СОГЛАСОВАНО») or a signature
line at the end: block present, the signer's role, a name with initials, a signature line, a real date.

A block is the marker line and the short lines after it (or, in a table cell, the cell and the cells
below it); a signature block is a line with `____` and the role in it or just above it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import Field, field_validator

from checker.engine.context import CheckContext
from checker.engine.rule import Localized, Outcome, RuleBase, valid_regex
from checker.language.text import Unit
from checker.safe_regex import compile_pattern

Marker = Literal["approve", "agree", "sign"]
MARKERS: dict[str, re.Pattern[str]] = {
    "approve": re.compile(r"(?m)^\s*(утверждаю|утвержден[аоы]?)\b"),
    "agree": re.compile(r"(?m)^\s*(согласовано|согласован[аы]?)\b"),
}
_LABEL = {"approve": "УТВЕРЖДАЮ", "agree": "СОГЛАСОВАНО", "sign": "подпись"}
NAME = re.compile(
    r"(?<![А-ЯЁа-яё])[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
    r"|[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.?"
)
# «__» ______ 20__ г.  /  __.__.20__  : a date left for the hand to fill in
PLACEHOLDER = re.compile(
    r"[«\"]\s*_+\s*[»\"]\s*_{2,}\s*(?:(?:20|19)[\d_]*|_+)?\s*(?:г\.?|года)?"
    r"|_{1,3}\s*\.\s*_{1,3}\s*\.\s*(?:20)?[\d_]*_?"
    r"|(?:20|19)_{2}\s*(?:г\.?|года)"
)
_SIGN_LINE = re.compile(r"_{3,}|\(подпись\)|/подпись/", re.IGNORECASE)
_TITLE_START = re.compile(r"^\s*(программа|муниципальн\w+\s+дорожн|дорожн\w+\s+карт|план\b|паспорт)")
_MAX_LINES = 6


@dataclass
class ApprovalBlock:
    marker: str  # approve | agree | sign
    shown: str  # the marker as written, for messages
    units: list[Unit]

    @property
    def text(self) -> str:
        return "\n".join(u.text.clean for u in self.units)


def find_blocks(ctx: CheckContext, marker: str) -> list[ApprovalBlock]:
    units = ctx.text.units
    blocks: list[ApprovalBlock] = []
    if marker == "sign":
        for i, unit in enumerate(units):
            if _SIGN_LINE.search(PLACEHOLDER.sub(" ", unit.text.clean)):
                before = [u for u in units[max(0, i - 2) : i] if u.text.words <= 25]
                after = [u for u in units[i + 1 : i + 2] if _has_date_or_blank(u.text.clean)]
                blocks.append(ApprovalBlock("sign", _LABEL["sign"], [*before, unit, *after]))
        return blocks
    pattern = MARKERS[marker]
    for i, unit in enumerate(units):
        m = pattern.search(unit.text.folded)
        if m is None:
            continue
        shown = unit.text.clean[m.start(1) : m.end(1)].upper()
        taken = [unit]
        if unit.location.table is not None:
            # a stamp in a table cell: the cell and the cells below it in the same column
            for nxt in units[i + 1 :]:
                if nxt.block is not unit.block or len(taken) > _MAX_LINES:
                    break
                if nxt.location.column == unit.location.column and not _is_marker(nxt):
                    taken.append(nxt)
        elif not _has_date_or_blank(unit.text.clean[m.end() :]):
            for nxt in units[i + 1 : i + 1 + _MAX_LINES]:
                if _is_marker(nxt) or nxt.text.words > 25 or _TITLE_START.search(nxt.text.folded):
                    break
                if nxt.block.kind == "table" and unit.block.kind != "table":
                    break
                taken.append(nxt)
                if _has_date_or_blank(nxt.text.clean):
                    break  # the date closes a stamp
        blocks.append(ApprovalBlock(marker, shown, taken))
    return blocks


def _is_marker(unit: Unit) -> bool:
    return any(p.search(unit.text.folded) for p in MARKERS.values())


def _has_date_or_blank(text: str) -> bool:
    return bool(PLACEHOLDER.search(text)) or block_date(text) is not None


def block_date(text: str) -> tuple[dt.date, str] | None:
    """A full date in a stamp (placeholders removed first), with its text."""
    from checker.language.dates import find_dates

    for m in find_dates(PLACEHOLDER.sub(" ", text)):
        if m.kind == "date" and m.precision == "day" and m.first_day() is not None:
            return m.first_day(), m.text  # type: ignore[return-value]
    return None


def approval_date(ctx: CheckContext) -> tuple[dt.date, str, Unit] | None:
    """The date of the first approval stamp that has one: УТВЕРЖДАЮ, then СОГЛАСОВАНО, then a signature."""
    for marker in ("approve", "agree", "sign"):
        for block in find_blocks(ctx, marker):
            found = block_date(block.text)
            if found is not None:
                return found[0], block.shown, block.units[0]
    return None


_MSG = {
    "missing": Localized(
        ru="В блоке «{marker}» не хватает: {missing}. {fix}",
        en="The «{marker}» block lacks: {missing_en}. {fix_en}",
    ),
    "placeholder": Localized(
        ru="Дата в блоке «{marker}» не заполнена («{blank}»): впишите дату {verb}.",
        en="The date in the «{marker}» block is a blank placeholder («{blank}»): fill in the date.",
    ),
}
_ELEMENTS = {
    "role": ("должность подписывающего ({roles})", "the signer's position ({roles})"),
    "name": ("фамилия с инициалами (И.И. Иванов)", "a surname with initials (И.И. Иванов)"),
    "signature": ("линия для подписи (____)", "a signature line (____)"),
    "date": ("дата («15» октября 2018 г.)", "a date («15» октября 2018 г.)"),
}


class ApprovalRule(RuleBase):
    kind: Literal["approval"]
    marker: list[Marker] = Field(description="approve (УТВЕРЖДАЮ), agree (СОГЛАСОВАНО), sign (a signature line)")
    roles: list[str] = Field(default_factory=list, description="regexes on the normalised text; one must match")
    roles_label: str | None = Field(None, description="how to name the expected signer in messages")
    require_name: bool = True
    require_signature_line: bool = False
    require_date: bool = False

    @field_validator("marker", mode="before")
    @classmethod
    def _listify(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @field_validator("roles")
    @classmethod
    def _compile(cls, value: list[str]) -> list[str]:
        for pattern in value:
            valid_regex(pattern)
        return value

    def _missing(self, block: ApprovalBlock) -> tuple[list[str], str | None]:
        text = block.text
        folded = "\n".join(u.text.folded for u in block.units)
        missing = []
        if self.roles and not any(compile_pattern(r, re.IGNORECASE).search(folded) for r in self.roles):
            missing.append("role")
        if self.require_name and not NAME.search(text):
            missing.append("name")
        if self.require_signature_line and not _SIGN_LINE.search(PLACEHOLDER.sub(" ", text)):
            missing.append("signature")
        blank = None
        if self.require_date and block_date(text) is None:
            m = PLACEHOLDER.search(text)
            if m is not None and m.group().count("_") >= 2:
                blank = m.group().strip()
            else:
                missing.append("date")
        return missing, blank

    def check(self, ctx: CheckContext) -> Iterable[Outcome]:
        candidates = [b for marker in self.marker for b in find_blocks(ctx, marker)]
        label = " / ".join(_LABEL[m] for m in self.marker)
        if not candidates:
            yield Outcome(False, {"marker": label, "roles": self._roles()})
            return
        scored = [(len(m) + (blank is not None), i, b, m, blank) for i, b in enumerate(candidates)
                  for m, blank in [self._missing(b)]]  # fmt: skip
        _, _, block, missing, blank = min(scored, key=lambda s: (s[0], s[1]))
        evidence = " ".join(block.text.split())[:200]
        location = block.units[0].location
        params: dict[str, Any] = {"marker": block.shown, "roles": self._roles(), "found": evidence}
        if blank is not None:
            verb = {"approve": "утверждения", "agree": "согласования"}.get(block.marker, "подписания")
            blank_params = {**params, "blank": blank, "verb": verb}
            yield Outcome(False, blank_params, evidence, location, message=_MSG["placeholder"])
        if missing:
            ru = [_ELEMENTS[e][0].format(roles=self._roles()) for e in missing]
            en = [_ELEMENTS[e][1].format(roles=self._roles()) for e in missing]
            params.update(
                missing="; ".join(ru),
                missing_en="; ".join(en),
                fix="Допишите их в блок «" + block.shown + "».",
                fix_en="Add them to the block.",
            )
            yield Outcome(False, params, evidence, location, message=_MSG["missing"])
        if blank is None and not missing:
            yield Outcome(True, params, evidence, location)

    def _roles(self) -> str:
        return self.roles_label or ", ".join(self.roles) or "—"
