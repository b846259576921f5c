"""Approval in all its real forms, one model for every rule that asks whether a document is approved.

Real documents are approved in four ways (domain.md §9):
- a signature block: «УТВЕРЖДАЮ / СОГЛАСОВАНО / УТВЕРЖДЕНО» with the signer's role, name and date, or a
  closing line «Начальник управления образования ________ И.И. Иванов»;
- an order: «УТВЕРЖДЕНА приказом министерства … от 12.03.2021 № 417», «Приложение № 3 к приказу … от … №»;
- a council protocol: «Принята на педагогическом совете, протокол № 1 от 30.08.2021», «Рассмотрено на
  заседании …»;
- an electronic signature: «Документ подписан электронной подписью», a certificate, its owner.

Each found approval says who issued it (school, municipal or regional level) as far as its words tell,
so a rule can ask for the form each level uses: a school document is approved by the director, a school
order or a council; a municipal one by the head of the education authority or its order; a regional one
by an order of the ministry (department). An approval by a higher level is at least as good.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

from checker.document import Document
from checker.language.approval_shapes import (
    ACT_WORD,
    AGREE_MARKER,
    APPENDIX,
    APPENDIX_START,
    APPROVE_MARKER,
    BY_ACT,
    ESIGN,
    ESIGN_FIELDS,
    ORPHAN_ACT,
    cited_act_spans,
)
from checker.language.names import PERSON, SIGN_LINE
from checker.language.text import DocumentText, Unit

Form = Literal["signature", "order", "protocol", "esign"]
Issuer = Literal["school", "municipal", "regional"]
FORMS: tuple[Form, ...] = ("signature", "order", "protocol", "esign")
RANK: dict[str, int] = {"school": 1, "municipal": 2, "regional": 3}

# one definition of the marks, shared with type detection (letter-spaced «У Т В Е Р Ж Д А Ю» tolerated)
MARKERS: dict[str, re.Pattern[str]] = {"approve": APPROVE_MARKER, "agree": AGREE_MARKER}
_ACT_NUMBER = re.compile(r"№\s*([\w/.-]*\d[\w/.-]*)|\bn\s*(\d[\w/.-]*)")
_PROTOCOL_BODY = re.compile(
    r"(педагогическ\w+|методическ\w+|управляющ\w+|научно-методическ\w+|экспертн\w+)\s+совет\w*|педсовет\w*|"
    r"коллеги\w+|совет\w*\s+(школы|учреждения|организации)|общ\w+\s+собрани\w+"
)
_PROTOCOL = re.compile(
    r"(принят\w*|рассмотрен\w*|одобрен\w*|обсужден\w*|согласован\w*|утвержден\w*)\W?\s+(\S+\s+){0,4}?"
    r"(на\s+)?(заседани\w+|педагогическ\w+\s+совет|педсовет|методическ\w+\s+совет|управляющ\w+\s+совет|коллеги"
    r"|совет\w*\s+(школы|учреждения|организации))"
    r"|протокол\w*\s*(заседания\s+)?((\w+\s+){0,3}?совет\w*\s+)?(№|n\b|от\b)"
)
_BLANK_NUMBER = re.compile(r"(№|n)\s*_+", re.IGNORECASE)
# «__» ______ 20__ г.  /  __.__.20__  : a date left for the hand to fill in
PLACEHOLDER = re.compile(
    r"[«\"]\s*_+\s*[»\"]\s*_{2,}\s*(?:(?:20|19)[\d_]*|_+)?\s*(?:г\.?|года)?"
    r"|_{1,3}\s*\.\s*_{1,3}\s*\.\s*(?:20)?[\d_]*_?"
    r"|(?:20|19)_{2}\s*(?:г\.?|года)"
)
_TITLE_START = re.compile(
    r"^\s*(программа|муниципальн\w+\s+дорожн|региональн\w+\s+дорожн|дорожн\w+\s+карт|план\b|план-график|паспорт"
    r"|концептуальн|среднесрочн)"
)
_STAMP_WORD = re.compile(r"^\W*(согласован|обсужден|принят|рассмотрен|одобрен|утвержд)\w*\W*(\s|$)")
_NUMBER_OR_DATE = re.compile(r"№|\bот\s+[«\"]?\s*[\d_]|\d{1,2}\.\d{1,2}\.\d{2,4}")
_STAMP_LOOKBACK = 10  # lines above an orphan act line where another stamp of the row stands
# a long paragraph cites other acts («ФГОС утверждены приказом …»); its own approval names the document
_DOCUMENT_WORD = re.compile(r"программ|карт|план|положени|документ|концепци")
_LONG_UNIT = 25
_TITLE_UNITS = 4  # an approval in brackets («Программа … (утверждена приказом …)») is its own only here
_MAX_LINES = 7
_OPENING_UNITS = 16  # units of the body where an approving act may stand at the top
_CLOSING_UNITS = 6  # … and at the end
# who issued an approval, by its words; the earliest signal names the main issuer
_ISSUERS: dict[str, re.Pattern[str]] = {
    "regional": re.compile(
        r"\bминистерств\w*|\bминистр\w*|\bгубернатор\w*|\bправительств\w+|"
        r"(департамент|комитет|управлени)\w*\s+(\w+\s+){0,4}?(края|области|республики|автономного\s+округа)|"
        r"(институт\w*\s+развития\s+образования|\bиро\b|\bипк\w*\b)"
    ),
    "municipal": re.compile(
        r"(управлени|отдел|комитет|департамент)\w*\s+(\w+\s+){0,2}?образовани\w*|"
        r"администраци\w+\s+(муниципальн|город|район|\w+ского\s+(района|округа))\w*|\bмоуо\b|\bмоу?о\b|"
        r"глав\w+\s+(администрации|района|города|муниципального)|"
        r"муниципальн\w+\s+(методическ|совет|коллеги)\w*"
    ),
    "school": re.compile(
        r"директор\w*|педагогическ\w+\s+совет\w*|педсовет\w*|управляющ\w+\s+совет\w*|"
        r"\b(м[бак]?оу|гбоу|маоу|мкоу|чоу|ноу)|\bсош\b|\bоош\b|\bнош\b|школ\w*|лице[йя]\w*|гимнази\w*|"
        r"общеобразовательн\w+\s+(организаци|учреждени)\w*"
    ),
}
ISSUER_WORDS = {
    "school": ("школы (директор, приказ по школе или педагогический совет)",
               "the school (director, school order or teachers' council)"),
    "municipal": ("органа управления образованием (его руководитель или приказ)",
                  "the education authority (its head or its order)"),
    "regional": ("министерства (департамента) образования региона, его приказом",
                 "the regional ministry (department), by its order"),
}  # fmt: skip
FORM_WORDS = {
    "signature": ("гриф «{marker}»", "«{marker}» block"),
    "order": ("приказ", "an order"),
    "protocol": ("решение совета (протокол)", "a council decision (minutes)"),
    "esign": ("электронная подпись", "an electronic signature"),
}


@dataclass
class Approval:
    """One approval found in a document."""

    form: Form
    marker: str  # approve | agree | sign | order | protocol | esign
    shown: str  # the marker as written, for messages («УТВЕРЖДАЮ», «приказ», …)
    units: list[Unit]
    issuers: set[str] = field(default_factory=set)  # every level its words name
    issuer: str | None = None  # the level named first (the signer's own)
    date: dt.date | None = None
    date_text: str | None = None
    blank_date: str | None = None  # «__» ______ 20__ г.
    number: str | None = None  # order or protocol number

    @property
    def text(self) -> str:
        return "\n".join(u.text.clean for u in self.units)

    @property
    def folded(self) -> str:
        return "\n".join(u.text.folded for u in self.units)

    @property
    def has_name(self) -> bool:
        return bool(PERSON.search(self.text))

    @property
    def has_signature_line(self) -> bool:
        return _signature_line(self.text)

    def describe(self, lang: str = "ru") -> str:
        words = FORM_WORDS[self.form][1 if lang == "en" else 0].format(marker=self.shown)
        evidence = " ".join(self.text.split())
        return f"{words}: «{evidence[:120]}{'…' if len(evidence) > 120 else ''}»"

    def satisfies(self, accepted: set[str] | None) -> bool:
        """Issued at an accepted level (or higher). An order, protocol or e-signature that does not say
        who issued it is taken as it is (precision first); a signature needs a recognisable signer."""
        if accepted is None:
            return True
        if not self.issuers:
            return self.form != "signature"
        lowest = min(RANK[a] for a in accepted)
        return any(RANK[i] >= lowest for i in self.issuers)


def _signature_line(text: str) -> bool:
    """A line for a hand signature, not a blank date or number (««__» ____ 20__ г.», «№ ___»)."""
    return bool(SIGN_LINE.search(_BLANK_NUMBER.sub(" ", PLACEHOLDER.sub(" ", text))))


def issuers_of(folded: str) -> tuple[set[str], str | None]:
    found: list[tuple[int, str]] = []
    for level, pattern in _ISSUERS.items():
        m = pattern.search(folded)
        if m is not None:
            found.append((m.start(), level))
    found.sort()
    return {lvl for _, lvl in found}, (found[0][1] if found else None)


def block_date(text: str) -> tuple[dt.date, str] | None:
    """A full date in an approval (placeholders removed first), with its text."""
    from checker.language.dates import find_dates

    for m in find_dates(PLACEHOLDER.sub(" ", text)):
        if m.kind == "date" and m.precision == "day" and m.first_day() is not None:
            return m.first_day(), m.text  # type: ignore[return-value]
    return None


def _has_date_or_blank(text: str) -> bool:
    return bool(PLACEHOLDER.search(text)) or block_date(text) is not None


def _is_marker(unit: Unit) -> bool:
    return any(p.search(unit.text.folded) for p in MARKERS.values())


def _finish(approval: Approval) -> Approval:
    folded = approval.folded
    approval.issuers, approval.issuer = issuers_of(folded)
    found = block_date(approval.text)
    if found is not None:
        approval.date, approval.date_text = found
    else:
        m = PLACEHOLDER.search(approval.text)
        if m is not None and m.group().count("_") >= 2:
            approval.blank_date = m.group().strip()
    numbers = list(_ACT_NUMBER.finditer(folded))
    if numbers:  # «Приложение № 3 к приказу … № 233»: the act's number is the last one
        approval.number = numbers[-1].group(1) or numbers[-1].group(2)
    return approval


def _body(text: DocumentText) -> list[Unit]:
    return text.select("all")


def _signature_blocks(units: list[Unit], marker: str) -> list[Approval]:
    pattern = MARKERS[marker]
    out: list[Approval] = []
    for i, unit in enumerate(units):
        m = pattern.search(unit.text.folded)
        if m is None:
            continue
        shown = re.sub(r"\s+", "", unit.text.clean[m.start(1) : m.end(1)]).upper().rstrip(".:")
        taken = [unit]
        in_region = unit.block.role == "approval" and not issuers_of(unit.text.folded)[0]
        if in_region:
            # a two-column block the layout pass split imperfectly (the signer's words went to the other
            # column): the whole run of approval lines is one region; its words decide the form and issuers
            first = i
            while first > 0 and units[first - 1].block.role == "approval":
                first -= 1
            last = i
            while last + 1 < len(units) and units[last + 1].block.role == "approval":
                last += 1
            taken = units[first : last + 1]
        elif unit.location.table is not None:
            # a stamp in a table cell: the cell and the cells below it in the same column
            for nxt in units[i + 1 :]:
                if nxt.block is not unit.block or len(taken) > _MAX_LINES:
                    break
                if nxt.location.column == unit.location.column and not _is_marker(nxt):
                    taken.append(nxt)
        elif not _has_date_or_blank(unit.text.clean[m.end() :]):
            j = i + 1
            # «СОГЛАСОВАНО / УТВЕРЖДАЮ» side by side read as consecutive marker lines: they share what follows
            while j < len(units) and _is_marker(units[j]) and units[j].text.words <= 3:
                j += 1
            for k in range(j, min(j + _MAX_LINES + 2, len(units))):
                nxt = units[k]
                if nxt.text.words > 25 or _TITLE_START.search(nxt.text.folded) or _is_marker(nxt):
                    break
                if nxt.block.kind == "table" and unit.block.kind != "table":
                    break
                taken.append(nxt)
                if _has_date_or_blank(nxt.text.clean):
                    # the date closes a stamp; the other column's signature may come right after it
                    after = units[k + 1] if k + 1 < len(units) else None
                    if after is not None and after.text.words <= 8 and SIGN_LINE.search(after.text.clean):
                        taken.append(after)
                    break
        folded = "\n".join(u.text.folded for u in taken)
        region = in_region
        if marker == "approve" and (BY_ACT.search(folded) or (region and ACT_WORD.search(folded))):
            out.append(_finish(Approval("order", "order", shown, taken)))
        elif _PROTOCOL.search(folded) and _PROTOCOL_BODY.search(folded) and not _signature_line(folded):
            out.append(_finish(Approval("protocol", "protocol", shown, taken)))
        else:
            out.append(_finish(Approval("signature", marker, shown, taken)))
    return out


def _closing_signatures(units: list[Unit], stamped: set[int]) -> list[Approval]:
    """A signature line «Начальник управления образования ________ И.И. Иванов», with the role above it.
    Lines of a stamp already found are not signatures of their own."""
    out: list[Approval] = []
    for i, unit in enumerate(units):
        if id(unit) in stamped or unit.block.role == "approval":
            continue
        if unit.location.table is not None:
            continue  # blank cells of a table are not signatures
        if _signature_line(unit.text.clean):
            before = [u for u in units[max(0, i - 2) : i] if u.text.words <= 25 and u.location.table is None]
            after = [u for u in units[i + 1 : i + 2] if _has_date_or_blank(u.text.clean)]
            out.append(_finish(Approval("signature", "sign", "подпись", [*before, unit, *after])))
    return out


def _acts(units: list[Unit]) -> list[Approval]:
    """Orders and protocols outside a stamp: «Приложение № 3 к приказу …», «Принята на педсовете …»."""
    out: list[Approval] = []
    # an approving act stands at the top (a stamp, «Приложение к приказу …») or at the end (a council's
    # decision); the same words inside the text cite other acts («ФГОС (утв. приказом … от …)»)
    edge = {id(u) for u in units[:_OPENING_UNITS]} | {id(u) for u in units[-_CLOSING_UNITS:]}
    for i, unit in enumerate(units):
        folded = unit.text.folded
        if unit.text.words > 60 or (id(unit) not in edge and unit.block.role != "approval"):
            continue
        window = [unit, *(u for u in units[i + 1 : i + 4] if u.location.table is None or unit.location.table)]
        text = "\n".join(u.text.folded for u in window)
        # «Приложение № 2 / к приказу министерства …» is often one short line per paragraph
        appendix = APPENDIX.search(" ".join(u.text.folded for u in window))
        appendix_here = appendix is not None and appendix.start() < len(folded) and APPENDIX_START.match(folded)
        orphan = _orphan_act(units, i)
        if appendix_here or orphan or (_own_act(unit, i) and not MARKERS["approve"].search(folded)):
            taken = [u for u in window if u is unit or (u.text.words <= 20 and not _TITLE_START.search(u.text.folded))]
            shown = "приложение к приказу" if appendix_here else "приказ"
            out.append(_finish(Approval("order", "order", shown, _until_title(taken))))
        elif _protocol_here(folded, window) and _PROTOCOL_BODY.search(text) and not _is_marker(unit):
            out.append(_finish(Approval("protocol", "protocol", "протокол", _until_title(window))))
    return out


def _own_act(unit: Unit, index: int) -> bool:
    """«Утверждена приказом …» that approves this document: at the start of a short unit, or in a long one
    right after the document's name («Программа развития МБОУ СОШ № 7 утверждена приказом …»), not a citation
    of another act («… ФГОС утверждены приказом Минпросвещения …»)."""
    folded = unit.text.folded
    m = BY_ACT.search(folded)
    if m is None:
        return False
    if any(a <= m.start() < b for a, b in cited_act_spans(folded)):
        return False  # «Государственная программа … (утверждена постановлением …)»: another act's approval
    if index >= _TITLE_UNITS and folded[: m.start()].rstrip().endswith("("):
        return False  # «… образовательным программам (утвержден приказом Минпросвещения …)»: an item of a list of acts
    if unit.text.words <= _LONG_UNIT or m.start() <= 3:
        return True
    before = folded[: m.start()].split()[-8:]
    return bool(_DOCUMENT_WORD.search(" ".join(before)))


def _orphan_act(units: list[Unit], i: int) -> bool:
    """«приказом директора / МБОУ СОШ № 14 от 29.08.2025 № 112» at the top, among the stamps of a row (a
    «СОГЛАСОВАНО» or «Обсуждена» above it): the approving order of a stamp whose marker the layout lost."""
    unit = units[i]
    if unit.text.words > 12 or not ORPHAN_ACT.match(unit.text.folded):
        return False
    window = " ".join(u.text.folded for u in units[i : i + 3] if u.text.words <= 20)
    if not _NUMBER_OR_DATE.search(window):
        return False
    above = units[max(0, i - _STAMP_LOOKBACK) : i]
    if any(MARKERS["approve"].search(u.text.folded) for u in above[-3:]):
        return False  # its «УТВЕРЖДЕНА» is right above: the stamp reads it
    return any(_STAMP_WORD.match(u.text.folded) for u in above)


def _protocol_here(folded: str, window: list[Unit]) -> bool:
    """A council's decision that starts in this unit, possibly continued on the next lines («РАССМОТРЕНО /
    протокол заседания / педагогического совета / от … № …»)."""
    m = _PROTOCOL.search(" ".join(u.text.folded for u in window))
    return m is not None and m.start() < len(folded)


def _until_title(units: list[Unit]) -> list[Unit]:
    out = units[:1]
    for u in units[1:]:
        if _TITLE_START.search(u.text.folded) or u.text.words > 25:
            break
        out.append(u)
    return out


def _esigns(text: DocumentText) -> list[Approval]:
    units = text.units  # e-signature blocks may be marginal (role esign): look at every unit
    out: list[Approval] = []
    used: set[int] = set()
    for i, unit in enumerate(units):
        if i in used:
            continue
        if unit.block.role == "esign" or ESIGN.search(unit.text.folded):
            taken = [unit]
            for j in range(i + 1, min(i + 1 + _MAX_LINES, len(units))):
                nxt = units[j]
                field_line = nxt.block.role == "esign" or bool(ESIGN_FIELDS.search(nxt.text.folded))
                owner = nxt.text.words <= 6 and bool(PERSON.search(nxt.text.clean))
                if field_line or owner or nxt.block is unit.block:
                    taken.append(nxt)
                    used.add(j)
                else:
                    break
            out.append(_finish(Approval("esign", "esign", "электронная подпись", taken)))
    return out


def find_approvals(text: DocumentText) -> list[Approval]:
    """Every approval of the document, in document order of forms: stamps, orders, protocols, e-signatures."""
    cache = getattr(text, "_approvals", None)
    if cache is not None:
        return cache
    units = _body(text)
    stamps = [*_signature_blocks(units, "approve"), *_signature_blocks(units, "agree")]
    stamped = {id(u) for a in stamps for u in a.units}
    found = [*stamps, *_acts(units), *_closing_signatures(units, stamped), *_esigns(text)]
    # a stamp that also is an order line («УТВЕРЖДЕНО приказом …») is found twice: keep one
    unique: list[Approval] = []
    seen: set[tuple[int, str, str]] = set()
    for approval in found:
        key = (id(approval.units[0]), approval.form, approval.marker)
        if key not in seen:
            seen.add(key)
            unique.append(approval)
    text._approvals = unique  # type: ignore[attr-defined]
    return unique


def approval_forms(text: DocumentText) -> list[str]:
    """The forms of approval a document carries (for the classification and reports)."""
    forms = {a.form for a in find_approvals(text) if a.marker != "agree"}
    return [f for f in FORMS if f in forms]


def expected_issuers(level: str | None) -> set[str] | None:
    """Who may approve a document of a level: that level or a higher one; None = anyone (level unknown)."""
    if level not in RANK:
        return None
    return {lvl for lvl, rank in RANK.items() if rank >= RANK[level]}


def dated_approval(text: DocumentText) -> Approval | None:
    """The first approval that has a date: «УТВЕРЖДАЮ», an order, a protocol, «СОГЛАСОВАНО», a signature
    line, an e-signature."""
    approvals = find_approvals(text)
    order = {"approve": 0, "order": 1, "protocol": 2, "agree": 3, "sign": 4, "esign": 5}
    for approval in sorted(approvals, key=lambda a: order.get(a.marker, 9)):
        if approval.date is not None:
            return approval
    return None


def approval_date(text: DocumentText) -> tuple[dt.date, str, Unit] | None:
    """The date of the first dated approval, how its marker is written and where it starts."""
    approval = dated_approval(text)
    if approval is None or approval.date is None:
        return None
    return approval.date, approval.shown, approval.units[0]


_DRAFT_STAMP = re.compile(r"^\W*(проект|project)\W*$")
_DRAFT_LOOKAHEAD = 12  # a draft stamp stands in the first lines of a document


def is_draft(document: Document) -> bool:
    """A document stamped «ПРОЕКТ» at its top (or a stamp block that says so): a draft sent out for
    discussion or with a covering letter, not yet approved, and not expected to be."""
    seen = 0
    for block in document.blocks:
        text = block.text.strip()
        if not text:
            continue
        folded = text.lower().replace("ё", "е")
        if _DRAFT_STAMP.match(folded) and (seen < _DRAFT_LOOKAHEAD or block.role == "stamp"):
            return True
        seen += 1
    return False
