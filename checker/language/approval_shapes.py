"""What approval marks look like in folded text (lower case, ё → е), defined once.

Two readers need the same shapes: the approval model (`checker.approval`), which says how a document is approved,
and type detection (`checker.classify`), which steps over approval blocks, annex marks and e-signature stamps to
find a document's own title. Only the shapes live here; what a mark means (its form, issuer, date, number) is the
approval model's business.

The compiled patterns `APPROVE_MARKER`, `AGREE_MARKER`, `BY_ACT`, `ACT_WORD`, `APPENDIX`, `APPENDIX_START`,
`ESIGN` and `ESIGN_FIELDS` match exactly what `checker.approval` matched with its own copies; `TITLE_START` is
the union of its genre titles and type detection's. `ORPHAN_ACT` is shared by the approval model and the
layout pass that splits stamps side by side (`checker.layout.approval`). Signers' names and positions are
`checker.language.names`."""

from __future__ import annotations

import re


def spaced(word: str) -> str:
    """«У Т В Е Р Ж Д А Ю»: a word whose letters may stand apart (the layout pass usually closes them up)."""
    return r"\s?".join(word)


# the words that head an approval block
APPROVE_WORD = r"утверждаю|утвержден[аоы]?|утв\.|" + spaced("утверждаю") + "|" + spaced("утверждено")
AGREE_WORD = r"согласовано|согласован[аы]?|" + spaced("согласовано")
# a council's decision: «ПРИНЯТО на педагогическом совете», «РАССМОТРЕНО на заседании …», «ОДОБРЕНО», «Обсуждена»
COUNCIL_WORD = r"принят[оаы]?|рассмотрен[оаы]?|одобрен[оаы]?|обсужден[оаы]?"
ENACT_WORD = r"введен[оаы]?\s+в\s+действие"
# the acts that approve a document: an order, a disposal, a resolution
ACT = r"приказ|распоряжени|постановлени"
# the number sign: «№», or a Latin «N» / «No» as legal databases (ГАРАНТ) and typewritten copies print it
NUMBER_SIGN = r"(?:№|no\.?(?![a-z])|n(?![a-z]))"

# «УТВЕРЖДАЮ», «СОГЛАСОВАНО УТВЕРЖДАЮ» (two columns read as one line), «Утверждено», «утв.»
APPROVE_MARKER = re.compile(r"(?m)^\W{0,3}(?:(?:согласовано|согласован[аы]?)\W+)?(" + APPROVE_WORD + r")(?![а-я])")
AGREE_MARKER = re.compile(r"(?m)^\W{0,3}(" + AGREE_WORD + r")(?![а-я])")
# the first word of any approval block's line, a council's decision included (one line, `match`)
BLOCK_MARKER = re.compile(r"^\W*(" + "|".join((APPROVE_WORD, AGREE_WORD, COUNCIL_WORD, ENACT_WORD)) + r")(?![а-я])")
# «Утверждена приказом …», «утверждено распоряжением …»: an approval by an act
BY_ACT = re.compile(r"(утвержд\w*|утв\.)\s*:?\s*(\S+\s+){0,3}?(" + ACT + r")\w*")
ACT_WORD = re.compile(r"\b(" + ACT + r")\w*")
# «Приложение № 2 к приказу …», «Приложение N 2 к приказу …»: an annex to an act
APPENDIX = re.compile(r"приложени\w*\s*(" + NUMBER_SIGN + r"\s*\d+\s*|\d+\s*)?к\s+(\S+\s+){0,2}?(" + ACT + r")\w*")
APPENDIX_START = re.compile(r"^\W*приложени")
# the annex line above a title: «Приложение № 1 к приказу …», «… к письму / решению …», or «Приложение № 1» alone
# with «к приказу» on the next line
ANNEX_LINE = re.compile(
    r"^\W*приложени\w*\s*(" + NUMBER_SIGN + r"?\s*\d+)?\s*(к\s+(\S+\s+){0,2}?(" + ACT + r"|решени|письм)\w*|$)"
)

# «приказом директора МБОУ СОШ № 14 от … №»: an approving act's line whose «УТВЕРЖДЕНА» is lost (the right
# column of a stamp row, drawn or dropped by the converter); read by the layout pass on raw text, so any case
ORPHAN_ACT = re.compile(
    r"^\W*(?:приказом|распоряжением)\s+(?:директора|руководителя|заведующе\w+|начальника|по\s+(?:школе|учреждению))",
    re.IGNORECASE,
)

# an electronic signature: «Документ подписан электронной подписью», «Сведения о сертификате ЭП», its certificate
ESIGN = re.compile(
    r"(документ\s+)?подписан\w*\s+(\w+\s+){0,2}электронн\w+\s+подпись|электронн\w+\s+подпис\w+\s*:|"
    r"сведения\s+о\s+сертификате\s+(эп|электронной)|сертификат\s*(№|:)?\s*[0-9a-f]{12,}"
)
ESIGN_FIELD_WORD = r"сертификат|владелец|действителен|подписант|дата\s+подписания"
ESIGN_FIELDS = re.compile("(" + ESIGN_FIELD_WORD + ")")
# a line of a signature stamp as a text layer breaks it: «Подписано цифровой / подписью: …», «Владелец …»,
# «Дата: 2024.03.27 …»
ESIGN_LINE = re.compile(
    ESIGN.pattern + r"|подписан\w*\s+(электронной|цифровой|простой)|^\W*(электронной|цифровой)\s+подписью|"
    r"^\W*подписью\s*:|^\W*(" + ESIGN_FIELD_WORD + r")(?![а-я])|^\W*дата:\s*\d{4}"
)

# a document's title, which ends an approval block standing above it even when the block's date came earlier
TITLE_START = re.compile(
    r"^\W*(программ|(муниципальн|региональн)\w+\s+дорожн|дорожн|план|паспорт|пресс-релиз|справк|информационн|"
    r"аналитическ|концептуальн|концепци|среднесрочн|антирисков|лист\w* регистрации|систем\w+ работы|модел|"
    r"отч[её]т|приказ\W*$|положени)"
)

# Another act cited by its kind with its approval, date or number: an item of a «Нормативная база» list or
# a passport's «Документы, послужившие основанием» row («Государственная программа Российской Федерации
# «Развитие образования» на 2018-2025 годы (утверждена постановлением Правительства … от … № …)»). Its
# approval and its period are that act's, not the document's. An own title that only names a project it
# belongs to («… в рамках национального проекта «Образование» на 2021-2023 годы») has no date or number.
CITED_ACT = re.compile(
    r"(?:федеральн\w*\s+закон|закон\w*\s+(?:российской\s+федерации|рф)|конституци\w*|"
    r"государственн\w*\s+программ\w*|национальн\w*\s+проект\w*|федеральн\w*\s+проект\w*|"
    r"федеральн\w*\s+государственн\w*\s+образовательн\w*\s+стандарт\w*|фгос|указ\w*\s+президент\w*|"
    r"стратеги\w*\s+(?:развития|научно|государственн)|(?:постановлени|распоряжени)\w*\s+правительств\w*)"
    r"[^;\n]*?(?:\(\s*утв|\bот\s+\d{1,2}\s*[./]\s*\d{1,2}\s*[./]\s*\d{2,4}|№\s*\d)[^;\n]*"
)


def cited_act_spans(folded: str) -> list[tuple[int, int]]:
    """Where a folded text cites another act (`CITED_ACT`)."""
    return [m.span() for m in CITED_ACT.finditer(folded)] if "утв" in folded or "от " in folded or "№" in folded else []
