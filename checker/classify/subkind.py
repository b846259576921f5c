"""Sub-kinds: a press release, a news item or an announcement; a plan or a report on its execution."""

from __future__ import annotations

import re

from .form import Form

_FUTURE = re.compile(
    r"\b(состоится|состоятся|пройдет|пройдут|будет проведен\w*|будут проведен\w*|будет организован\w*|"
    r"приглаша(ем|ются|ет)|планируется|начало в \d|регистрация (участников )?(по ссылке|открыта)|"
    r"заявки (на участие )?принимаются|ждем вас)\b"
)
_PAST = re.compile(
    r"\b(состоял(ся|ась|ось|ись)|прош[её]?л[аио]?|был[аио]? проведен\w*|провел[аи]?|приняли участие|"
    r"принял[аи]? участие|обсудили|рассмотрели|выступил[аи]?|поделил\w+|подвели итоги|собрал[аио]?|"
    r"познакомились|отметил[аи]?|организовал[аи]?)\b"
)
_COUNT = re.compile(
    r"(приняли участие|участвовали|присутствовали|собрал\w*|участниками стали)\W+(\w+\W+){0,3}\d+|"
    r"\b\d+\s+(педагог|участник|человек|руководител|учител|специалист|представител|директор|заместител)"
)
NEWS_CHARS = 800  # a news item is short; an account with speakers and outcomes is a press release
_PRESS_TITLE = re.compile(r"^\W{0,3}пресс-релиз", re.M)


def press_subkind(title: str, opening: str, body: str) -> str:
    future = len(_FUTURE.findall(opening))
    past = len(_PAST.findall(opening))
    if future > past:
        return "announcement"
    if _PRESS_TITLE.search(title):
        return "press_release"
    if len(body) > NEWS_CHARS or (_COUNT.search(body[:20_000]) and len(body) > NEWS_CHARS // 2):
        return "press_release"
    return "news"


_EXECUTION_TITLE = re.compile(r"(выполнени\w*|исполнени\w*)\s+(\w+\s+)?плана|отч[её]т\w*\s+о\s+(выполнении|исполнении)")


def plan_subkind(title: str, form: Form) -> str:
    return "execution_report" if form.execution_column or _EXECUTION_TITLE.search(title) else "plan"


# a «500+» medium-term programme says so in its title or its passport; a school's general «Программа развития»
# does not — and its introduction may well set goals «на среднесрочную перспективу» (a phrase, not a kind)
_MEDIUM_TERM = re.compile(r"среднесрочн\w*|500\s*\+|риск-профил\w*|рисков\w+\s+профил\w*|антирисков\w*")
# what the opening may say anywhere: the programme named medium-term, the risk profiles of the «500+» project
_MEDIUM_NAMED = re.compile(r"среднесрочн\w+\s+программ\w*|риск-профил\w*|рисков\w+\s+профил\w*|антирисков\w*")
# a passport row naming the programme or its grounds: «Наименование программы: … «500+» …»
_PASSPORT_ROW = re.compile(r"^\W*(наименование|основани\w*|статус)\b[^\n]*(500\s*\+)", re.M)


def development_subkind(title: str, opening: str) -> str:
    head = opening[:1500]
    if _MEDIUM_TERM.search(title) or _MEDIUM_NAMED.search(head) or _PASSPORT_ROW.search(head):
        return "medium_term"
    return "general"


def subkind(doc_type: str, title: str, opening: str, body: str, form: Form) -> str | None:
    if doc_type == "development_program":
        return development_subkind(title, opening)
    if doc_type == "press_release":
        return press_subkind(title, opening, body)
    if doc_type == "plan_schedule":
        return plan_subkind(title, form)
    if doc_type == "letter":
        return "letter"
    return None
