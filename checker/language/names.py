"""Person names, signatories' positions and signature lines, defined once.

Approval stamps, closing lines and signature fields name a person in a few fixed shapes:

- initials before the surname: «А.А. Иванов», «А. А. Иванов», «А.А.Иванов», in capitals «В.А. МУРАЙ»;
- the surname before the initials: «Иванов А.А.», «Иванова А.А» (the last dot lost at a line's end);
- the full name with a patronymic: «Иванова Анна Петровна», «Петров Сергей Ильич»;
- a signature line: a gap for the hand, then the name, maybe in slashes or brackets
  («____________ /И.О. Фамилия/», «_________ И.И. Иванов»), or the name or position before the gap
  («Иванова И.И. ________», «Председатель ________»);
- a signatory's position at the start of a line: «Директор МБОУ СОШ № 5», «Начальник управления
  образования», «И.о. директора», «Заместитель министра».

The users and the differences they need, named here rather than copied:

- `PERSON` finds a name anywhere in a stamp's text (`checker.approval`, `checker.layout.table_columns`): two
  initials either side of the surname, or the full name; a position is no surname («Директор В.А.» is no name);
- `NAME_LINE` says a whole line is nothing but a name, maybe in slashes or brackets (a signatory's line that
  is no section heading, a name printed beside an e-signature stamp): two initials in either order, the
  surname also in capitals; the full name is not taken, because the owner's full name is a field of an
  e-signature stamp;
- `SIGNATURE_NAME_LINE`, `SIGNED_AFTER` and `SIGNED_BEFORE` read the line under a gap and the text right after
  and right before it (`checker.engine.kinds.placeholder`): next to a gap a single initial is enough
  («____ И. Иванов»), since the gap already makes the line a signature line; `SIGN_LINE` is the place for a
  hand signature itself;
- `SIGNATORY_LINE` finds a signing head's position in folded text (lower case): the head of an organisation
  in the nominative («директор», «начальник», «министр»), who signs a letter or a plan (`checker.classify`);
  `SIGNER` adds those who sign a commission's record or a form (a secretary, a member of a commission, an
  executor) and takes any case («директора», «председателя»); `POSITION` is a line that starts with one.
"""

from __future__ import annotations

import re

# spaces inside a name: any number (`_SP1`: at least one), never a line break
_SP = r"[^\S\n]*"
_SP1 = r"[^\S\n]+"
# an initial: a capital and its dot
INITIAL = r"[А-ЯЁ]\."
INITIALS = rf"[А-ЯЁ]\.{_SP}[А-ЯЁ]\."
# at the end of a line the last dot may be lost: «Иванов А.А»
_INITIALS_OPEN = rf"[А-ЯЁ]\.{_SP}[А-ЯЁ]\.?"
_ONE_OR_TWO_INITIALS = rf"[А-ЯЁ]\.(?:{_SP}[А-ЯЁ]\.)?"
_WORD = r"[А-ЯЁ][а-яё]+"
# a surname: «Иванов», «Петрова-Водкина»
SURNAME = rf"{_WORD}(?:-{_WORD})?"
# a signatory's surname may be printed in capitals: «В.А. МУРАЙ», «МУРАЙ В.А.»
_CAPS_WORD = r"[А-ЯЁ]{2,}"
SURNAME_ANY_CAPS = rf"(?:{SURNAME}|{_CAPS_WORD}(?:-{_CAPS_WORD})?)"
# «Иванова Анна Петровна», «Петров Сергей Ильич»: the patronymic ends in -ич, -вна, -ична, -инична
FULL_NAME = rf"{_WORD}\s+{_WORD}\s+[А-ЯЁ][а-яё]+(?:ич|вна|ична|инична)(?![а-яё])"

# positions, lower case (folded text)
_ACTING = r"(?:и\.\s*о\.\s*|временно исполняющ\w+ обязанности\s+)?(?:заместитель\s+)?"
# the head of an organisation, as a signature names him: «директор», «начальник», «министр»
HEAD = r"(?:директор|начальник|руководитель|министр|заведующ\w+|председатель|глава|ректор)"
# whoever signs a record or a form, in any case: the heads, a secretary, a commission's member, an executor
SIGNER = (
    r"(?:директор|начальник|руководител|министр|заведующ|председател|ректор|секретар|исполнител)\w*"
    r"|глав[аыеу]\b|член\w*\s+комиссии"
)
_NOT_AFTER_LETTER = r"(?<![А-ЯЁа-яё])"
INITIALS_FIRST = rf"{_NOT_AFTER_LETTER}{INITIALS}{_SP}{SURNAME_ANY_CAPS}"
# «Директор В.А. Петров»: a position is no surname before the initials
_SURNAME_FIRST = rf"(?!(?i:{SIGNER})[^\S\n]){SURNAME_ANY_CAPS}"
INITIALS_LAST = rf"{_NOT_AFTER_LETTER}{_SURNAME_FIRST}{_SP1}{_INITIALS_OPEN}"

# a name anywhere in a text: «А.А. Иванов», «Иванов А.А.», «Иванова Анна Петровна»
PERSON = re.compile(rf"{INITIALS_FIRST}|{INITIALS_LAST}|{_NOT_AFTER_LETTER}{FULL_NAME}")
# a line that is nothing but a name, maybe in slashes, brackets or after a dash: «/Г.Н. Петрова/», «В.А.МУРАЙ»
NAME_LINE = re.compile(rf"^\W*(?:{INITIALS_FIRST}|{INITIALS_LAST})\W*$")
# … and under a signature gap, where one initial is enough: «/Г. Петрова/», «Петрова Г.»
SIGNATURE_NAME_LINE = re.compile(
    rf"^\W*(?:{_ONE_OR_TWO_INITIALS}{_SP}{SURNAME_ANY_CAPS}|{_SURNAME_FIRST}{_SP1}{INITIAL}(?:{_SP}[А-ЯЁ]\.?)?)\W*$"
)

# the text right after a signature gap starts with a name («____ И.И. Иванов», «____ /Иванова И./») or
# «(подпись)»
SIGNED_AFTER = re.compile(
    rf"^[\s/(]*(?:{_ONE_OR_TWO_INITIALS}{_SP}{SURNAME_ANY_CAPS}|{_SURNAME_FIRST}{_SP1}{INITIAL}"
    r"|(?i:подпис))"
)

# a place for a hand signature: a gap, «(подпись)», «/подпись/»
SIGN_LINE = re.compile(r"_{3,}|\(подпись\)|/подпись/", re.IGNORECASE)

# a signing head's line in folded text: «директор мбоу сош № 5 ___ и.и. иванов», «и.о. начальника …»
SIGNATORY_LINE = re.compile(r"(^|\n)\W*(?P<who>" + _ACTING + HEAD + r"[^\n]{0,90})")
# a position at the start of a line, any case of the letters: «Директор МБОУ СОШ № 5», «Начальник управления»
POSITION = re.compile(r"^\W*(?:" + _ACTING + r")(?:" + SIGNER + r")(?![а-яё])", re.IGNORECASE)
# the text right before a signature gap ends with a name, a signer's position or a signature word
# («Иванова И.И. ________», «Председатель ________», «подпись ______», «М.П. ____», «Ознакомлен(а) ____»)
SIGNED_BEFORE = re.compile(
    rf"(?:{INITIALS}{_SP}{SURNAME_ANY_CAPS}|{_SURNAME_FIRST}{_SP1}{INITIALS}"
    r"|(?i:подпис\w*|м\.\s?п\.|ознакомлен\w*(?:\s*\(а\))?|" + SIGNER + r"))[\s:/(),]*$"
)
