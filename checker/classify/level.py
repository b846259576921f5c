"""The level a document belongs to: a school's, a municipality's or a region's.

Read in order of trust: an adjective in the title («муниципальная дорожная карта»), a school named in
the title, the approver («УТВЕРЖДАЮ Директор …», «утверждена приказом министерства …»), the issuer's
letterhead. None when nothing says it."""

from __future__ import annotations

import re

from checker.language.approval_shapes import AGREE_WORD, APPROVE_WORD, COUNCIL_WORD
from checker.language.names import SIGNATORY_LINE as _SIGNATORY

_EVENT = (
    r"(семинар|совещани|конференци|вебинар|форум|кругл\w+ стол|мастер-класс|стажировк|педсовет|объединени|практикум)"
)
_GENRE = r"(дорожн|план|программ|систем|модел|комплекс|проект|справк|отч)"
_TITLE_ADJ = [
    ("regional", re.compile(r"\b(региональн|краев|областн|республиканск|межмуниципальн)\w*\s+(\w+\s+)?" + _GENRE)),
    ("municipal", re.compile(r"\b(муниципальн|районн|городск|окружн)\w*\s+(\w+\s+)?" + _GENRE)),
    ("school", re.compile(r"\b(школьн|внутришкольн)\w*\s+(дорожн|план|программ|модел)")),
]  # fmt: skip
# the place named in a title: the smallest unit is the document's scope
_TITLE_PLACE = [
    (
        "municipal",
        re.compile(
            r"\b\w+ск\w+\s+(район\w*|городск\w+\s+округ\w*|муниципальн\w+\s+(район|округ)\w*)\b|"
            r"\b(мо|го)\s+\"?г\.|\bмуниципальн\w+\s+образовани\w+\s+\w"
        ),
    ),
    (
        "regional",
        re.compile(r"\b\w+ск\w+\s+(крае|кра[йя]|област\w+|республик\w+)\b|\bсубъект\w*\s+(российской\s+)?федерации"),
    ),
]
_SCHOOL = re.compile(
    r"\b(м[бак]?оу|г[бак]?оу|ч?оу|моу|сош|оош|нош|сoш)\b|\bшкол[аыеу]\s*(-\s*интернат\s*)?№\s*\d|"
    r"\b(лице[йяю]|гимнази[яию]|центр образования)\b\s*(№\s*\d|\")|"
    # «средняя общеобразовательная школа», also glued to the word before it («учреждениесредняя …»)
    r"средн(яя|ей|юю|ие|их)\s+(обще)?образовательн\w+ школ|"
    r"\bосновн\w+ общеобразовательн\w+ школ"
)
_REGIONAL = re.compile(
    r"\bминистерств\w*|\bминистр\b|\bдепартамент\w*\s+(\w+\s+){0,2}образовани|\bиро\b|\bипк\b|институт\w*\s+развития\s+образования|"
    r"\bкомитет\w*\s+(\w+\s+){0,2}образовани\w*\s+(\w+\s+){0,2}(области|края|республики)|"
    r"\b(правительств|губернатор)\w*"
)
_MUNICIPAL = re.compile(
    r"\b(управлени|отдел|комитет)\w*\s+(\w+\s+){0,2}образовани|\bмоуо\b|\bуо\b|\bадминистраци\w+\s+(\w+\s+){0,3}"
    r"(район|город|округ|поселени|муниципальн)|\bглав\w+\s+(\w+\s+)?(район|города|округа|администрации)|"
    r"\bмуниципальн\w+\s+(район|округ|образовани)"
)
# a federal body issuing a letter: a ministry «Российской Федерации», «Минпросвещения России», a federal service
_FEDERAL = re.compile(
    r"\b(министерств\w*|департамент\w*)\s+([\w,-]+\s+){0,8}?российской\s+федерации|"
    r"\bмин(просвещения|обрнауки|труда|здрав|фин|цифры)\w*\s+россии\b|\bрособрнадзор|"
    r"\bфедеральн\w+\s+(служб|агентств)"
)
_APPROVER = re.compile(r"(" + APPROVE_WORD + r")\W+(?P<who>.{0,200})", re.S)
# the next block's marker ends the approver's lines: «СОГЛАСОВАНО», «ПРИНЯТО на педагогическом совете»
_NEXT_BLOCK = re.compile(r"(^|\n)\W*(" + AGREE_WORD + "|" + COUNCIL_WORD + r")(?![а-я])")


_NOT_SCHOOL_DIRECTOR = re.compile(r"директор\w*\s+(департамент|институт|центр\w* (оценки|мониторинга))")
_AUTHORITY_HEAD = re.compile(
    r"\b(начальник|руководител|председател)\w*\s+(\w+\s+){0,2}(управлени|отдел|комитет)|"
    r"\bглав\w+\s+(\w+\s+)?(район|город|округ|администр)"
)


def _by_issuer(text: str) -> str | None:
    """Regional beats municipal beats school when all are named in one stretch: the higher body issues."""
    if _REGIONAL.search(text):
        return "regional"
    if _MUNICIPAL.search(text):
        return "municipal"
    if _SCHOOL.search(text):
        return "school"
    return None


def _approver(head: str) -> str | None:
    for m in _APPROVER.finditer(head):
        who = m.group("who")
        # the approver's own lines, before the next block marker
        who = _NEXT_BLOCK.split(who)[0]
        ordered = re.search(r"(приказом|распоряжением|постановлением)\s+(?P<by>.{0,90})", who, re.S)
        if ordered:
            by = ordered.group("by")
            level = _by_issuer(by)
            if level is None and re.search(r"директор|по школе|по учреждению|по лицею|по гимназии", by):
                level = "school"
            if level:
                return level
        if re.search(r"\bдиректор\w*\b", who) and not _NOT_SCHOOL_DIRECTOR.search(who):
            return "school"
        if re.search(r"\b(министр|руководител\w+ департамент|ректор|заместител\w+ министр)", who):
            return "regional"
        if _AUTHORITY_HEAD.search(who):
            level = _by_issuer(who)
            return level if level != "school" else "municipal"
    return None


_HIGHER = r"\b(региональн|краев|областн|республиканск|межмуниципальн|всероссийск|межрегиональн)"
EVENT_TYPES = frozenset({"press_release", "seminar_program", "registration_sheet"})
_EVENT_LEVEL = [
    ("regional", re.compile(_HIGHER + r"\w*\s+([\w-]+\s+){0,2}" + _EVENT)),
    ("municipal", re.compile(r"\b(муниципальн|районн|городск|окружн)\w*\s+([\w-]+\s+){0,2}" + _EVENT)),
    ("school", re.compile(r"\b(школьн|внутришкольн)\w*\s+(\w+\s+){0,2}" + _EVENT)),
]  # fmt: skip
_ORGANISER = re.compile(r"(организатор\w*|организован\w*|проводит|провел[аи]?)\W+(?P<who>.{0,120})")
_ADDRESSEE = re.compile(
    r"^\W*(руководител|директор|начальник|заведующ|ректор|глав|председател|заместител)\w*(ям|ам|у|ю)\b"
)


def _event_level(opening: str) -> str | None:
    for name, pattern in _EVENT_LEVEL:
        if pattern.search(opening):
            return name
    m = _ORGANISER.search(opening)
    return _by_issuer(m.group("who")) if m else None


def _signatory(tail: str) -> str | None:
    """The last signature line of the text: who signs it."""
    found = None
    for m in _SIGNATORY.finditer(tail):
        found = m.group("who")
    if not found:
        return None
    if re.search(r"\bминистр|департамент|институт|\bиро\b", found):
        return "regional"
    if re.search(r"управлени|отдел|комитет|\bглав", found):
        return "municipal"
    if re.search(r"\bдиректор|\bзаведующ", found):
        return "school"
    return None


def level(doc_type: str, title: str, head: str, letterhead: str, opening: str = "", tail: str = "") -> str | None:
    if doc_type == "unknown":
        return None
    if doc_type in EVENT_TYPES:
        return _event_level(title + "\n" + opening[:900]) or (_by_issuer(letterhead) if letterhead else None)
    if doc_type == "letter":
        sender = "\n".join(ln for ln in letterhead.split("\n") if not _ADDRESSEE.search(ln))
        if _FEDERAL.search(sender + "\n" + title[:200]):
            return None  # a federal body: there is no federal level
        return _by_issuer(sender) or _signatory(tail)
    for name, pattern in _TITLE_ADJ:
        if pattern.search(title):
            return name
    if _SCHOOL.search(title):
        return "school"
    # the approver before the place in the title: a school programme of «… школы … Моздокского района» approved
    # «УТВЕРЖДАЮ: Директор МБОУ СОШ …» is the school's
    found = _approver(head)
    if found:
        return found
    for name, pattern in _TITLE_PLACE:
        if pattern.search(title):
            return name
    return (_by_issuer(letterhead) if letterhead else None) or _signatory(tail)
