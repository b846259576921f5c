"""How a document is approved: a signature block, an order, a council's protocol, an e-signature."""

from __future__ import annotations

import re

_SIGNATURE = re.compile(r"(^|\n)\W{0,3}(утверждаю|согласовано|согласован[аы]?)\b")
_APPROVED = re.compile(r"(^|\n)\W{0,3}утвержден[аоы]?\b(?P<after>.{0,160})", re.S)
_SIGN_LINE = re.compile(
    r"_{3,}|\b(директор|начальник|руководител|заведующ|министр|ректор|глава)\w*\b.{0,60}[а-я]\.\s?[а-я]\."
)
_ORDER = re.compile(
    r"утвержден\w*\s+(\w+\s+){0,3}(приказом|распоряжением|постановлением)|"
    r"приложение\s*(№\s*\d+\s*)?к\s+(приказу|распоряжению|постановлению)|"
    r"введен\w*\s+в\s+действие\s+приказом"
)
# «Приказ № 45 от 15.10.2018» inside an approval block
_BLOCK_ORDER = re.compile(r"(^|\n)\W{0,3}приказ\w*\s*(№\s*[\w\-/]+\s+)?от\s+[\d\"«._ ]+")
_BLOCK_START = re.compile(r"(^|\n)\W{0,3}(утверждаю|утвержден[аоы]?)\b")
_PROTOCOL = re.compile(
    r"(принят\w*|рассмотрен\w*|одобрен\w*)\W+(\w+\W+){0,4}(педагогическ\w+|методическ\w+|управляющ\w+|"
    r"научно-методическ\w+|школьн\w+)\s+совет\w*|протокол\w*\s*(заседания\s+)?(\w+\s+){0,3}(№|от)"
)
_ESIGN = re.compile(
    r"(документ\s+)?подписан\w*\s+(\w+\s+)?(электронной|цифровой)\s+подпись|"
    r"сведения\s+о\s+сертификате\s+эп|сертификат\s*:?\s*[0-9a-f]{10,}"
)


# an annex or approval mark standing on its own line further down (an order followed by its annex)
_ORDER_LINE = re.compile(
    r"(^|\n)\W{0,3}(приложение\s*(№\s*\d+\s*)?\n?\s*к\s+(приказу|распоряжению|постановлению)|"
    r"утвержден\w*\s*\n?\s*(приказом|распоряжением|постановлением))"
)


def approval_forms(head: str, tail: str, body_head: str = "") -> list[str]:
    """Forms found above the title (approval blocks), in the first lines (annex marks) and in the tail
    (signatures, e-signature stamps)."""
    forms: list[str] = []
    signature = bool(_SIGNATURE.search(head))
    if not signature:
        for m in _APPROVED.finditer(head):
            after = m.group("after")
            if _SIGN_LINE.search(after) and not re.search(r"приказом|распоряжением|постановлением", after[:60]):
                signature = True
                break
    if signature:
        forms.append("signature")
    block = _BLOCK_START.search(head)
    in_block = bool(block and _BLOCK_ORDER.search(head, block.start(), block.end() + 300))
    if _ORDER.search(head) or _ORDER_LINE.search(body_head) or in_block:
        forms.append("order")
    if _PROTOCOL.search(head):
        forms.append("protocol")
    if _ESIGN.search(head) or _ESIGN.search(tail):
        forms.append("esign")
    return forms
