"""Approval in the forms real documents use: signature block, order, appendix to an order, council, e-signature."""

from __future__ import annotations

import datetime as dt
from random import Random

from model import Element, Para, TwoColumn
from vocab import Place, d_num, d_quoted, person

ENDINGS = {"f": "А", "m": "", "n": "О"}  # УТВЕРЖДЕН(А/О)


def _head(level: str, school: str, place: Place) -> tuple[str, str]:
    """Who signs: (position, organisation line)."""
    if level == "school":
        return "Директор", school
    if level == "municipal":
        return "Начальник управления образования", place.municipality
    return "Министр образования", place.region


def approval(rng: Random, form: str, level: str, school: str, place: Place, when: dt.date, gender: str = "f",
             spaced: bool = False) -> tuple[list[Element], list[Element]]:
    """(elements at the top, elements at the end) for one approval form; `none` gives nothing."""
    pos, org = _head(level, school, place)
    signer = person(rng)
    number = f"{rng.randint(12, 980)}{rng.choice(['', '-о', '/01-05', '-од', ''])}"
    date = d_num(when) if rng.random() < 0.6 else d_quoted(when)
    blank_date = "«___» ____________ " + str(when.year) + " г."
    word = "У Т В Е Р Ж Д А Ю" if spaced else "УТВЕРЖДАЮ"
    adj = "УТВЕРЖДЕН" + ENDINGS[gender]
    if form == "signature":
        block = [word, pos, org, f"_____________ {signer}", date if rng.random() < 0.5 else blank_date]
        if rng.random() < 0.4 and level == "school":
            agreed = ["СОГЛАСОВАНО", "Председатель управляющего совета", f"_________ {person(rng)}",
                      blank_date]  # fmt: skip
            return [TwoColumn(agreed, block)], []
        return [Para(line, "right") for line in block], []
    if form == "order":
        if level == "regional":
            who = place.authority_gen
        elif level == "municipal":
            who = place.uo_gen
        else:
            who = "директора " + school
        sep = rng.choice(["№", "N"])
        return [Para(f"{adj} приказом {who} от {d_num(when)} {sep} {number}", "right")], []
    if form == "appendix":
        who = {"regional": place.authority_gen, "municipal": place.uo_gen}.get(level, f"директора {school}")
        n = rng.randint(1, 3)
        return [Para(f"Приложение № {n}", "right"), Para(f"к приказу {who}", "right"),
                Para(f"от {d_num(when)} № {number}", "right")], []  # fmt: skip
    if form == "council":
        council = ["ПРИНЯТ" + ENDINGS[gender], "на заседании педагогического совета",
                   f"протокол № {rng.randint(1, 6)} от {d_num(when - dt.timedelta(days=2))}"]  # fmt: skip
        order = [adj, f"приказом директора {school}", f"от {d_num(when)} № {number}"]
        if rng.random() < 0.5:
            return [TwoColumn(council, order)], []
        return [Para(" ".join(council), "right"), Para(" ".join(order), "right")], []
    if form == "esign":
        cert = "".join(rng.choice("0123456789ABCDEF") for _ in range(32))
        until = when.replace(year=when.year + 1)
        tail = [Para("ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ", "bold"), Para(f"Сертификат {cert}", "small"),
                Para(f"Владелец {signer}, {pos.lower()}", "small"),
                Para(f"Действителен с {d_num(when)} по {d_num(until)}", "small")]  # fmt: skip
        return [], tail
    return [], []
