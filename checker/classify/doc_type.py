"""Which type a document is: its own title and form outweigh what its text mentions.

Scores every type from the title zone (strong), the opening (weaker, earlier counts more), the body
(weak) and the form (tables, passport, letter marks). Documents that are none of the types —
orders, lists of documents, articles, regulations, project pages, news about training — are
recognised by their own form and answered `unknown` with a reason."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from checker.language.approval_shapes import APPENDIX, BY_ACT
from checker.paths import doc_type_name

from .form import Form
from .signals import Confuser, SignalSet, TypeSignals


@dataclass
class Reading:
    """The text views type detection works on."""

    title: str  # the title zone
    opening: str  # the opening, up to ~1,500 characters
    lines: list[str]  # the opening's lines
    body: str  # normalised full text (capped)
    form: Form
    lead: str = ""  # the first sentence after the title zone
    annex_title: str = ""  # the title standing after «Приложение к приказу …», if any


@dataclass
class TypeScore:
    doc_type: str
    score: float = 0.0
    titled: bool = False  # the document's own title names the type
    formed: bool = False  # its form supports the type
    evidence: list[str] = field(default_factory=list)


@dataclass
class Decision:
    doc_type: str
    confidence: float
    ranked: list[TypeScore]
    reason: str | None = None
    reason_en: str | None = None


# a line that opens an annex: «Приложение № 2» alone, «Приложение к приказу …», «Утверждена приказом …»
_ANNEX_MARK = re.compile(r"(^|\n)\W*(приложени\w*\s*(№\s*\d+\s*)?\n|" + APPENDIX.pattern + "|" + BY_ACT.pattern + ")")


def annex_title(body: str, opening_end: int) -> str:
    """The first lines after an annex mark that follows the opening: the title of an appended document."""
    m = _ANNEX_MARK.search(body, opening_end // 2, 40_000)
    if not m:
        return ""
    tail = body[m.end() : m.end() + 900].split("\n")
    picked = [ln for ln in tail if ln.strip() and len(ln) <= 200][:7]
    return "\n".join(picked)


_OWN_MARKS = frozenset({"адресат письма", "исходящий номер", "приложение или исполнитель в конце"})
_SELF_NAMING = frozenset({"letter", "registration_table"})
_ADDRESSED = frozenset({"адресат письма", "обращение «Уважаемые…»"})  # marks only a letter carries


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 80 else text[:77] + "…"


def _own_letter(form: Form) -> bool:
    """A salutation and a request alone are a web notice's as well: a letter says who sends it or to whom,
    under which number or with what enclosed."""
    return bool(set(form.letter_marks) & _OWN_MARKS) or form.signed


def _form_weight(form: Form, key: str, weight: float) -> tuple[float, str | None]:
    if key == "letter":
        n = len(form.letter_marks)
        return (weight * n, ", ".join(form.letter_marks)) if n >= 2 and _own_letter(form) else (0.0, None)
    if key == "time_slots":
        return (weight, f"время по пунктам ({form.time_slots})") if form.time_slots >= 2 else (0.0, None)
    if getattr(form, key, False):
        return weight, {
            "measures_table": "таблица мероприятий со сроками и ответственными",
            "indicators_column": "графа показателей",
            "execution_column": "графа об исполнении заполнена",
            "registration_table": "таблица с графами ФИО и подпись",
            "passport": "паспорт программы",
        }.get(key, key)
    return 0.0, None


# a line of a list, not a heading: a document's section named inside a sentence or a list of documents
_LISTED = re.compile(r"[.;,:]\s*$|\b(утвердить|об утверждении|разработ\w+|рассмотре\w+)\b")


def _head_of_body(reading: Reading) -> list[str]:
    """The first lines of the text as it is, a contents page included (a copy may start at it)."""
    return reading.body[:8000].split("\n")[:150]


def score_type(name: str, spec: TypeSignals, reading: Reading) -> TypeScore:
    result = TypeScore(name)
    for signal in spec.title:
        m = signal.regex.search(reading.title)
        if m:
            result.score += signal.weight
            result.titled = True
            result.evidence.append(_short(m.group(0)))
        elif reading.annex_title and (m := signal.regex.search(reading.annex_title)):
            result.score += 0.8 * signal.weight
            result.titled = True
            result.evidence.append(_short(m.group(0)))
    for signal in spec.lead:
        m = signal.regex.search(reading.lead)
        if m:
            result.score += signal.weight
            result.titled = True
            result.evidence.append(_short(m.group(0)))
            break
    for signal in spec.section:
        heads = (line for line in _head_of_body(reading) if not _LISTED.search(line))
        m = next((m for line in heads if (m := signal.regex.search(line))), None)
        if m:
            result.score += signal.weight
            result.titled = True
            result.evidence.append(_short(m.group(0)))
    size = max(len(reading.opening), 1)
    for signal in spec.head:
        m = signal.regex.search(reading.opening)
        if m:
            result.score += signal.weight * (1.0 - 0.5 * m.start() / size)
            result.evidence.append(_short(m.group(0)))
    for signal in spec.body:
        m = signal.regex.search(reading.body)
        if m:
            result.score += signal.weight
            result.evidence.append(_short(m.group(0)))
    for key, weight in spec.form.items():
        add, note = _form_weight(reading.form, key, weight)
        if add:
            result.score += add
            result.formed = True
            if key in _SELF_NAMING or (key == "time_slots" and reading.form.time_slots >= 3):
                result.titled = True  # a letter's marks and a registration table say what it is
            if key == "letter" and not set(reading.form.letter_marks) & _ADDRESSED:
                result.formed = False  # a number and an enclosure alone are an order's form as well
            if note:
                result.evidence.append(note)
    return result


def _fires(confuser: Confuser, reading: Reading) -> bool:
    hit = any(p.search(reading.title) for p in confuser.title) or any(p.search(reading.opening) for p in confuser.head)
    if confuser.unless is not None and confuser.unless.search(reading.title):
        return False
    return hit and (confuser.need is None or bool(confuser.need.search(reading.opening)))


def _titled_types(signals: SignalSet, lines: list[str]) -> set[str]:
    """Types whose title stands alone on some line of the opening (a list of documents names many)."""
    found: set[str] = set()
    for line in lines[:40]:
        if _CONTENTS.match(line):
            break  # a contents page lists the document's own sections
        if len(line) > 160:
            continue
        for name, spec in signals.types.items():
            if spec.titles(line):
                found.add(name)
    return found


def _listed_titles(spec: TypeSignals, lines: list[str]) -> int:
    """How many different lines of the opening each name a document of one type: a list of letters or
    programmes («Письмо № … от … О …» line after line), not one of them."""
    found: dict[str, int] = {}  # line → where it stands
    for index, line in enumerate(lines[:40]):
        if _CONTENTS.match(line):
            break
        if len(line) <= 160 and line not in found and spec.titles(line):
            found[line] = index
    # a list names its documents line after line; one document's title repeated on its title page, in a running
    # head and above its passport stands apart each time
    longest = run = 0
    previous = -10
    for index in found.values():
        run = run + 1 if index - previous <= _LIST_GAP else 1
        longest, previous = max(longest, run), index
    return longest


_CONTENTS = re.compile(r"^\W*(содержание|оглавление)\W*$")
_LIST_GAP = 2  # lines from one listed title to the next (an item may wrap onto a second line)
_APPROVES = re.compile(r"об\s+утверждении\s+(\w+\s+){0,4}?(дорожн\w+\s+карт|программ|план\w*-график|план|концепци)")
_APPROVED_THING = {
    "дорожн": ("дорожной карты", "саму карту", "a roadmap", "the roadmap itself"),
    "программ": ("программы", "саму программу", "a programme", "the programme itself"),
    "план": ("плана", "сам план", "a plan", "the plan itself"),
    "концепци": ("концепции", "саму концепцию", "a concept", "the concept itself"),
}


def _order_reason(reading: Reading) -> tuple[str, str] | None:
    m = _APPROVES.search(reading.opening)
    if not m:
        return None
    thing = next(v for k, v in _APPROVED_THING.items() if m.group(2).startswith(k))
    return (
        f"похоже на приказ об утверждении {thing[0]}, а не на {thing[1]}",
        f"looks like an order approving {thing[2]}, not {thing[3]}",
    )


def _missing_subject(spec: TypeSignals, reading: Reading) -> tuple[str, str] | None:
    """The reason a document is not of the type although it is titled like one: the type needs its subject
    (an information report is about the programme's work with schools) in the title zone or the opening,
    and neither names it. «Аналитическая справка по итогам внутришкольного контроля» is a справка, not ours."""
    if spec.need is None:
        return None
    if any(spec.need.search(text) for text in (reading.title, reading.opening, reading.annex_title) if text):
        return None
    ru = spec.need_reason.get("ru", "не назван предмет документа")
    return ru, spec.need_reason.get("en", ru)


def _confidence(ranked: list[TypeScore]) -> float:
    best = ranked[0]
    if best.score <= 0:
        return 0.0
    second = ranked[1].score if len(ranked) > 1 else 0.0
    strength = 1.0 - math.exp(-best.score / 6.0)
    margin = (best.score - second) / best.score
    confidence = strength * (0.4 + 0.6 * margin)
    if not best.titled:
        confidence *= 0.6  # only mentions and form: what it is was never said
    return round(confidence, 2)


def decide(signals: SignalSet, reading: Reading) -> Decision:
    ranked = sorted(
        (score_type(name, spec, reading) for name, spec in signals.types.items()),
        key=lambda s: s.score,
        reverse=True,
    )
    best = ranked[0]
    confidence = _confidence(ranked)
    name_ru = doc_type_name(best.doc_type, "ru")
    name_en = doc_type_name(best.doc_type, "en")

    listed = _titled_types(signals, reading.lines)
    if len(listed) < 3 and best.titled and _listed_titles(signals.types[best.doc_type], reading.lines) >= 3:
        return Decision(
            "unknown", min(confidence, 0.3), ranked,
            f"похоже на перечень документов, а не на сам документ: в начале названы несколько документов «{name_ru}»",
            f"looks like a list of documents, not a document itself: several documents «{name_en}» are named",
        )  # fmt: skip
    if len(listed) >= 3:
        return Decision(
            "unknown", min(confidence, 0.3), ranked,
            "похоже на перечень документов, а не на сам документ: в начале названы "
            + ", ".join(f"«{doc_type_name(t)}»" for t in sorted(listed)),
            "looks like a list of documents, not a document itself",
        )  # fmt: skip
    for confuser in signals.confusers:
        if not _fires(confuser, reading):
            continue
        if best.titled and not (confuser.strong and not best.formed):
            continue
        ru, en = confuser.reason.get("ru", confuser.name), confuser.reason.get("en", confuser.name)
        if confuser.name == "order" and (specific := _order_reason(reading)):
            ru, en = specific
        return Decision("unknown", min(confidence, 0.3), ranked, ru, en)
    if confidence >= signals.threshold:
        if (missing := _missing_subject(signals.types[best.doc_type], reading)) is not None:
            return Decision("unknown", min(confidence, 0.3), ranked, *missing)
        return Decision(best.doc_type, confidence, ranked)
    form = reading.form
    if best.doc_type == "letter" and len(form.letter_marks) >= 2 and not _own_letter(form):
        ru = (
            "похоже на обращение или объявление на сайте, а не на письмо: нет ни исходящего номера, ни адресата, "
            "ни приложения, ни подписи отправителя"
        )
        en = (
            "looks like a notice or an appeal on a website, not a letter: no outgoing number, addressee, "
            "enclosure or signatory"
        )
    elif best.score <= 0:
        ru = "нет признаков ни одного известного типа: ни заголовка, ни формы документа"
        en = "no sign of any known type: neither a title nor the form of a document"
    elif best.score < 2.5:
        ru = "нет ясных признаков ни одного известного типа: заголовок и форма документа ни на один не указывают"
        en = "no clear sign of any known type: neither the title nor the form points to one"
    elif not best.titled:
        ru = f"«{name_ru}» только упоминается в тексте, а заголовок документа его не называет"
        en = f"«{name_en}» is only mentioned in the text; the document's title does not name it"
    elif len(ranked) > 1 and ranked[1].score > 0.6 * best.score:
        other_ru, other_en = doc_type_name(ranked[1].doc_type, "ru"), doc_type_name(ranked[1].doc_type, "en")
        ru = f"признаки нескольких типов: «{name_ru}» и «{other_ru}» — укажите тип явно"
        en = f"signs of several types: «{name_en}» and «{other_en}» — give the type explicitly"
    else:
        ru = f"слабые признаки типа «{name_ru}» — укажите тип явно"
        en = f"weak signs of «{name_en}» — give the type explicitly"
    return Decision("unknown", confidence, ranked, ru, en)
