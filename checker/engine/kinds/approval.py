"""`approval`: the document is approved, in a form its level uses (checker/approval.py finds them all).

Forms: a signature block («УТВЕРЖДАЮ» / «СОГЛАСОВАНО» / a closing signature line), an order («Утверждена
приказом … от … №», «Приложение к приказу …»), a council protocol, an electronic signature. Who must have
approved it: `issuers` when the rule names them (a campaign's demand), else by the document's level
(`by_level`: school → the school or higher, municipal → the education authority or higher, regional → the
ministry), else anyone. A signature block is checked for its parts (role, name, signature line, date);
the best approval found decides, so an order next to an unfilled stamp is enough."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Literal

from pydantic import Field, field_validator

from checker.approval import (
    FORMS,
    ISSUER_WORDS,
    PLACEHOLDER,
    Approval,
    expected_issuers,
    find_approvals,
    is_draft,
)
from checker.engine.context import CheckContext
from checker.engine.rule import Localized, Outcome, RuleBase, valid_regex
from checker.engine.unverified import UNSEEN, blind_spot
from checker.safe_regex import compile_pattern

Marker = Literal["approve", "agree", "sign"]
Form = Literal["signature", "order", "protocol", "esign"]
Issuer = Literal["school", "municipal", "regional"]
_LABEL = {"approve": "УТВЕРЖДАЮ", "agree": "СОГЛАСОВАНО", "sign": "подпись"}

_DRAFT = Localized(
    ru="Не применяется: проект документа: утверждение не требуется.",
    en="Not applicable: a draft document needs no approval.",
)

# four or more single letters in a row, spaced apart: a stamp the letter-spacing pass could not close up
_GARBLED = re.compile(r"(?:(?<!\S)[а-яёА-ЯЁ]\s+){3,}[а-яёА-ЯЁ](?!\S)")

_MSG = {
    "missing": Localized(
        ru="В блоке «{marker}» не хватает: {missing}.",
        en="The «{marker}» block lacks: {missing_en}.",
    ),
    "placeholder": Localized(
        ru="Дата в блоке «{marker}» не заполнена («{blank}»): впишите дату {verb}.",
        en="The date in the «{marker}» block is a blank placeholder («{blank}»): fill in the date.",
    ),
    "garbled": Localized(
        ru="Не удалось проверить блок «{marker}»: его текст прочитан с разрывами (буквы вразрядку, колонки "
        "вперемешку), и в нём не видно: {missing}. Проверьте вручную.",
        en="Could not check the «{marker}» block: its text was read in pieces (letter-spaced, columns mixed), "
        "and it shows no {missing_en}. Check it by hand.",
    ),
    "issuer": Localized(
        ru="Утверждение не того уровня: найдено — {found}; нужно утверждение от имени {expected}.",
        en="Approved at the wrong level: found {found}; it must be approved by {expected_en}.",
    ),
    "act": Localized(
        ru="У приказа об утверждении не заполнены ни дата, ни номер: «{found}»; укажите «от ДД.ММ.ГГГГ № …».",
        en="The approving order has neither a date nor a number: «{found}»; add «от DD.MM.YYYY № …».",
    ),
}
_ELEMENTS = {
    "role": ("должность подписывающего ({roles})", "the signer's position ({roles})"),
    "name": ("фамилия с инициалами (И.И. Иванов)", "a surname with initials (И.И. Иванов)"),
    "signature": ("линия для подписи (____)", "a signature line (____)"),
    "date": ("дата (например, «15» октября 2021 г.)", "a date (e.g. «15» октября 2021 г.)"),
}
_GENITIVE = {
    "order": ("ссылки на приказ об утверждении", "an approving order"),
    "protocol": ("решения совета (протокола)", "a council decision (minutes)"),
    "esign": ("электронной подписи", "an electronic signature"),
}
_LEVEL_SHOWN = {"school": "школьный", "municipal": "муниципальный", "regional": "региональный"}


class ApprovalRule(RuleBase):
    kind: Literal["approval"]
    marker: list[Marker] = Field(
        default_factory=lambda: ["approve"],
        description="signature blocks that count: approve (УТВЕРЖДАЮ), agree (СОГЛАСОВАНО), sign (a signature line)",
    )
    forms: list[Form] = Field(
        default_factory=lambda: ["signature"],
        description="forms of approval that count: signature, order, protocol (council), esign",
    )
    issuers: list[Issuer] = Field(
        default_factory=list, description="levels that may approve (or higher); empty = by level or anyone"
    )
    by_level: bool = Field(False, description="who may approve follows the document's level")
    roles: list[str] = Field(default_factory=list, description="regexes on the signer's lines; one must match")
    roles_label: str | None = Field(None, description="how to name the expected signer in messages")
    require_name: bool = True
    require_signature_line: bool = False
    require_date: bool = False

    @field_validator("marker", "forms", mode="before")
    @classmethod
    def _listify(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @field_validator("roles")
    @classmethod
    def _compile(cls, value: list[str]) -> list[str]:
        for pattern in value:
            valid_regex(pattern)
        return value

    def _accepted(self, ctx: CheckContext) -> set[str] | None:
        if self.issuers:
            return set(self.issuers)
        return expected_issuers(ctx.level) if self.by_level else None

    def _candidates(self, ctx: CheckContext) -> list[Approval]:
        out = []
        for approval in find_approvals(ctx.text):
            if approval.form not in self.forms:
                continue
            if approval.form == "signature" and approval.marker not in self.marker:
                continue
            out.append(approval)
        return out

    def _missing(self, approval: Approval) -> tuple[list[str], str | None]:
        """What a signature block lacks, and its unfilled date placeholder."""
        if approval.form != "signature":
            return [], None
        missing = []
        if self.roles:
            if not any(compile_pattern(r, re.IGNORECASE).search(approval.folded) for r in self.roles):
                missing.append("role")
        elif self.by_level and not approval.issuers:
            missing.append("role")
        if self.require_name and not approval.has_name:
            missing.append("name")
        if self.require_signature_line and not approval.has_signature_line:
            missing.append("signature")
        blank = None
        if self.require_date and approval.date is None:
            if approval.blank_date is not None:
                blank = approval.blank_date
            else:
                missing.append("date")
        return missing, blank

    def check(self, ctx: CheckContext) -> Iterable[Outcome]:
        if "approve" in self.marker and is_draft(ctx.document):
            yield Outcome(None, message=_DRAFT)
            return
        lang = ctx.lang
        accepted = self._accepted(ctx)
        candidates = self._candidates(ctx)
        params: dict[str, Any] = {
            "marker": " / ".join(_LABEL[m] for m in self.marker),
            "roles": self._roles(accepted, lang),
            "expected": self._roles(accepted, lang),
            "expected_en": self._roles(accepted, "en"),
            "forms": self._forms(lang),
            "level": _LEVEL_SHOWN.get(ctx.level or "", "—"),
        }
        if not candidates:
            doubt = blind_spot(ctx)  # a signature or an e-signature block stands at the end, maybe lost
            if doubt is not None:
                yield Outcome(False, {**params, **doubt}, unverified=True, message=UNSEEN)
                return
            yield Outcome(False, params)
            return
        scored = []
        for index, approval in enumerate(candidates):
            missing, blank = self._missing(approval)
            issuer_ok = approval.satisfies(accepted)
            act_ok = approval.form != "order" or approval.date is not None or approval.number is not None
            # fewer defects first; a right-level approval beats a complete one of the wrong level
            unfilled = 0.5 if approval.form == "signature" and approval.date is None and approval.blank_date else 0
            defects = len(missing) + (blank is not None) + (0 if act_ok else 1) + unfilled
            scored.append(((0 if issuer_ok else 1, defects, index), approval, missing, blank, issuer_ok, act_ok))
        _, approval, missing, blank, issuer_ok, act_ok = min(scored, key=lambda s: s[0])
        evidence = " ".join(approval.text.split())[:200]
        location = approval.units[0].location
        params.update(marker=approval.shown, found=approval.describe(lang))
        if _GARBLED.search(approval.text) and (missing or not issuer_ok):
            # «Д и р е к т о р / п .Б е р е з»: the name or position may be among the pieces the layout
            # could not join; what it lacks is a doubt, not a defect
            ru = [_ELEMENTS[e][0].format(roles=self.roles_label or "должность") for e in missing]
            en = [_ELEMENTS[e][1].format(roles=self.roles_label or "the position") for e in missing]
            if not issuer_ok:
                ru.insert(0, f"утверждение от имени {params['expected']}")
                en.insert(0, f"approval by {params['expected_en']}")
            params.update(missing="; ".join(ru), missing_en="; ".join(en))
            yield Outcome(False, params, evidence, location, unverified=True, message=_MSG["garbled"])
            return
        if not issuer_ok:
            yield Outcome(False, params, evidence, location, message=_MSG["issuer"])
            return
        if blank is not None and not missing:
            verb = {"approve": "утверждения", "agree": "согласования"}.get(approval.marker, "подписания")
            yield Outcome(False, {**params, "blank": blank, "verb": verb}, evidence, location,
                          message=_MSG["placeholder"])  # fmt: skip
        if missing:  # one finding for the block: its missing parts and an unfilled date together
            ru_roles = self.roles_label or "например, «Директор МБОУ …»"
            en_roles = self.roles_label or "e.g. «Директор МБОУ …»"
            ru = [_ELEMENTS[e][0].format(roles=ru_roles) for e in missing]
            en = [_ELEMENTS[e][1].format(roles=en_roles) for e in missing]
            if blank is not None:
                ru.append(f"заполненная дата (сейчас «{blank}»)")
                en.append(f"a filled-in date (now «{blank}»)")
            params.update(missing="; ".join(ru), missing_en="; ".join(en))
            yield Outcome(False, params, evidence, location, message=_MSG["missing"])
        if not act_ok:  # an unfilled order reference: worth saying, not a missing approval
            yield Outcome(False, {**params, "found": evidence}, evidence, location, severity="warning",
                          message=_MSG["act"])  # fmt: skip
        if blank is None and not missing and act_ok:
            if approval.form == "signature" and approval.date is None and approval.blank_date:
                # the date is not required here: a stamp whose date is written in by hand on signing is how
                # approved plans are published, so it is approved; the pass says the date is blank
                note = (f"; the date is left blank («{approval.blank_date}»)" if lang == "en"
                        else f"; дата не вписана («{approval.blank_date}»)")  # fmt: skip
                params["found"] = f"{params['found']}{note}"
            yield Outcome(True, params, evidence, location)

    def _roles(self, accepted: set[str] | None, lang: str) -> str:
        if self.roles_label:
            return self.roles_label
        if accepted:
            lowest = min(accepted, key=lambda a: {"school": 1, "municipal": 2, "regional": 3}[a])
            return ISSUER_WORDS[lowest][1 if lang == "en" else 0]
        return "руководителя или органа, утверждающего документ" if lang != "en" else "the approving head or body"

    def _forms(self, lang: str) -> str:
        """The accepted forms for «нет ни …, ни …» (genitive), or an English list."""
        en = lang == "en"
        words = []
        for form in FORMS:
            if form not in self.forms:
                continue
            if form == "signature":
                stamps = [m for m in self.marker if m != "sign"]
                shown = " / ".join(f"«{_LABEL[m]}»" for m in stamps)
                if en:
                    words.append(f"a {shown} block" + (" or a signature" if "sign" in self.marker else ""))
                elif stamps:
                    words.append(f"грифа {shown}" + (" или подписи" if "sign" in self.marker else ""))
                else:
                    words.append("подписи")
            else:
                words.append(_GENITIVE[form][1 if en else 0])
        return (", " if en else ", ни ").join(words)


__all__ = ["PLACEHOLDER", "ApprovalRule", "approval_date"]


def approval_date(ctx: CheckContext):
    """The date of the first approval that has one (the deadline kind reads it)."""
    from checker.approval import approval_date as _date

    return _date(ctx.text)
