"""Electronic-signature stamps: «Документ подписан электронной подписью», the certificate, its owner
and validity (the stamp GOST R 7.0.97 describes), or a PDF viewer's signature panel («Подписан: …,
DN: …, Дата: …»). The stamp becomes one block with role `esign`: it is evidence of a signature,
not running text, and its lines are no section.

A short line inside the stamp that is not one of its fields (the signer's «И.И. Иванов» printed
beside it) is kept outside, before the stamp.
"""

from __future__ import annotations

import re

from checker.document import Block, Document
from checker.language.names import INITIALS_FIRST, NAME_LINE
from checker.layout.lines import Context, Line, Scan, text_block

_TRIGGER = re.compile(
    r"документ\s+подписан\s+(?:усиленной\s+)?(?:квалифицированной\s+)?(?:простой\s+)?электронной\s+(?:цифровой\s+)?подписью",
    re.IGNORECASE,
)
_TRIGGER_HEAD = re.compile(r"^документ\s+подписан$", re.IGNORECASE)
_TRIGGER_TAIL = re.compile(
    r"^(?:усиленной\s+)?(?:квалифицированной\s+)?электронной\s+(?:цифровой\s+)?подписью$", re.IGNORECASE
)
_PANEL = re.compile(r"^подписан(?:о)?\s*:", re.IGNORECASE)
_FIELD = re.compile(
    r"^(?:сведения\s+о\s+сертификате\b|сертификат\b|серийный\s+номер\b|владелец\b|действителен\b|срок\s+действия\b|издатель\b|"
    r"кем\s+выдан\b|дата\s+подписания\b|подписан(?:о)?\s*:|dn\s*:|основание\s*:|местоположение\s*:|"
    r"дата\s*:\s*\d{4}|(?:cn|sn|g|t|o|ou|e|l|s|c|street|огрн|снилс|инн(?:\s+юл)?)\s*=|"
    r"(?:foxit|adobe|acrobat)\b)",
    re.IGNORECASE,
)
_MAX_GAP = 4  # lines of a wrapped field value between two fields
_MAX_LINES = 30


def _start(lines: list[Line], i: int) -> int | None:
    """Index of the stamp's last trigger line when a stamp starts at line i, else None."""
    text = lines[i].text
    if _TRIGGER.search(text):
        return i
    if _TRIGGER_HEAD.match(text) and i + 1 < len(lines) and _TRIGGER_TAIL.match(lines[i + 1].text):
        return i + 1
    if _PANEL.match(text) and any(re.match(r"^dn\s*:", ln.text, re.IGNORECASE) for ln in lines[i + 1 : i + 8]):
        return i
    return None


def _stamp(lines: list[Line], i: int, head_end: int) -> tuple[int, list[Line], list[Line]]:
    """(last line, stamp lines, lines kept outside) of the stamp that starts at line i."""
    last = head_end
    j = head_end + 1
    while j < len(lines) and j - i < _MAX_LINES:
        nxt = next((k for k in range(j, min(j + _MAX_GAP + 1, len(lines))) if _FIELD.match(lines[k].text)), None)
        if nxt is None:
            break
        last = nxt
        j = nxt + 1
    stamp: list[Line] = []
    outside: list[Line] = []
    for k in range(i, last + 1):
        line = lines[k]
        (outside if NAME_LINE.match(line.text) else stamp).append(line)
    return last, stamp, outside


_INLINE_NAME = re.compile(rf"\s*({INITIALS_FIRST})\s+(?=(?i:сертификат|владелец))")
_VALID_TO = re.compile(r"действителен:?\s+с\s+\S+\s+(?:по|до)\s+[\d.]+\d", re.IGNORECASE)
_INLINE_FIELDS = re.compile(r"(?:сертификат|владелец|действителен)", re.IGNORECASE)


def _inline(line: Line, blocks: list[Block]) -> list[Block] | None:
    """A stamp run together with the text around it (a PDF paragraph): «Директор ДОКУМЕНТ ПОДПИСАН
    ЭЛЕКТРОННОЙ ПОДПИСЬЮ Л.П. Кравец Сертификат … Действителен с … по …» → «Директор Л.П. Кравец»
    and the stamp."""
    text = line.text
    m = _TRIGGER.search(text)
    if m is None or not _INLINE_FIELDS.search(text, m.end()):
        return None
    before = text[: m.start()].strip()
    rest = text[m.start() :]
    name = _INLINE_NAME.match(rest, m.end() - m.start())
    if name:
        before = f"{before} {name.group(1)}".strip()
        rest = rest[: name.start(1)] + rest[name.end() :]
    valid = list(_VALID_TO.finditer(rest))
    after = ""
    if valid:
        after = rest[valid[-1].end() :].strip(" .")
        rest = rest[: valid[-1].end()]
    out: list[Block] = []
    if before:
        out.append(text_block([Line(before, line.block, line.line)], blocks, None))
    out.append(text_block([Line(" ".join(rest.split()), line.block, line.line)], blocks, "esign"))
    if after:
        out.append(text_block([Line(after, line.block, line.line)], blocks, None))
    return out


def run(document: Document, context: Context) -> Document:
    text = context.text(document)
    if "одписан" not in text and "ОДПИСАН" not in text:  # `in` is a fast scan, a regex is not
        return document
    scan = Scan(document, context)
    for offset, lines in scan.runs():
        i = 0
        while i < len(lines):
            inline = _inline(lines[i], document.blocks)
            if inline is not None:
                scan.replace(offset + i, offset + i, inline)
                i += 1
                continue
            head_end = _start(lines, i)
            if head_end is None:
                i += 1
                continue
            last, stamp, outside = _stamp(lines, i, head_end)
            blocks: list[Block] = [text_block([ln], document.blocks, None) for ln in outside]
            blocks.append(text_block(stamp, document.blocks, "esign"))
            scan.replace(offset + i, offset + last, blocks)
            i = last + 1
    if scan.apply():
        n = len(scan.splices)
        document.metadata.recovered.append(
            "распознан штамп электронной подписи" if n == 1 else f"распознаны штампы электронной подписи: {n}"
        )
    return document
