"""Document type detection from the opening of a document, keywords and table headers.

Signals are data (rules/data/doc_types.yaml). The opening skips what real files carry before the
title: site menus, `|` debris of web tables, letterheads, approval blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel

from checker.document import Document
from checker.language.normalize import normalize
from checker.paths import rules_dir

OPENING_CHARS = 1500
_DEBRIS = re.compile(r"^[\s|*•·\-–—_=#>]*$")
_APPROVAL = re.compile(r"^\s*(утверждаю|утвержден[аоы]?|согласовано|согласован[аы]?|принят[оаы]?|рассмотрено)\b")
# lines of an approval block after its marker: signer, organisation, signature, date, order
_APPROVAL_LINE = re.compile(
    r"(директор|начальник|руководител|заведующ|ректор|глава|председател|приказ|протокол|решени|совет|"
    r"_{2,}|\b\d{4}\s*г|управлени|администраци|\bм[бак]?оу\b|\bгбоу\b|сош|оош|лице|гимнази|"
    r"\b[а-я]\.\s?[а-я]\.|^\W*\d{1,2}\W+\w+\W+\d{2,4}|^от\s|^№)"
)
_BLOCK_DATE = re.compile(r'"\s*\d{1,2}\s*"\s*\w+\s+\d{4}|\b\d{1,2}\.\d{1,2}\.\d{2,4}\b')
# the letterhead over a title: ministry, authority, school's full name, town
_LETTERHEAD = re.compile(
    r"^(министерств|управлени|отдел\s|комитет|департамент|администраци|муниципальн\w+\s+(бюджетн|автономн|казенн)|"
    r"государственн\w+\s+(бюджетн|автономн)|гбоу|мбоу|маоу|мкоу|моу|средн\w+\s+общеобразовательн|"
    r"основн\w+\s+общеобразовательн|г\.\s|город\s|ст\.\s|станиц|с\.\s|село\s|мо\s|\w+ск\w+\s+район)"
)
# site navigation: menu items of school and authority web pages
_MENU = re.compile(
    r"^(главная|новости|контакты|о нас|о школе|документы|деятельность|образование|сведения об образовательной "
    r"организации|основные сведения|структура и органы управления\w*|руководство.*|материально-техническое .*|"
    r"платные образовательные услуги|вакантные места.*|педагогический состав|проект 500\+|500\+|шнор|"
    r"сведения об организации|версия для слабовидящих|поиск|вход)\W*$"
)


def _menu_row(line: str) -> bool:
    """`Главная | Новости | Контакты`: short items between bars (web-table or menu debris)."""
    if line.count("|") < 2 and not (line.count("|") == 1 and len(line) < 60):
        return False
    parts = [p.strip() for p in line.split("|") if p.strip()]
    return all(len(p.split()) <= 5 for p in parts)


def opening_lines(document: Document) -> list[str]:
    """Normalised lines of the opening, without debris, menus, letterheads and approval blocks."""
    lines: list[str] = []
    size = 0
    in_approval = False
    for block in document.blocks:
        for line in block.text.split("\n"):
            norm = normalize(line)
            if not norm or _DEBRIS.match(norm) or _menu_row(norm) or _MENU.match(norm):
                continue
            if _APPROVAL.match(norm):
                in_approval = True
                continue
            if in_approval and len(norm) <= 90 and _APPROVAL_LINE.search(norm):
                in_approval = not _BLOCK_DATE.search(norm)  # the date closes the block
                continue
            in_approval = False
            if not lines and len(norm) <= 110 and _LETTERHEAD.match(norm):
                continue
            lines.append(norm)
            size += len(norm)
        if size >= OPENING_CHARS:
            break
    return lines


def opening(document: Document) -> str:
    """The first ~1,500 characters of meaningful text (see `opening_lines`)."""
    return "\n".join(opening_lines(document))[:OPENING_CHARS]


class Classification(BaseModel):
    doc_type: str
    confidence: float
    evidence: list[str]


@dataclass
class _Signal:
    regex: re.Pattern[str]
    weight: float


@dataclass
class _TypeSignals:
    title: list[_Signal]
    body: list[_Signal]


@lru_cache(maxsize=4)
def _load(path: Path) -> tuple[float, dict[str, _TypeSignals]]:
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    types = {}
    for name, spec in data["types"].items():
        types[name] = _TypeSignals(
            [_Signal(re.compile(s["re"], re.MULTILINE), float(s["w"])) for s in spec.get("title", [])],
            [_Signal(re.compile(s["re"], re.MULTILINE), float(s["w"])) for s in spec.get("body", [])],
        )
    return float(data.get("threshold", 0.45)), types


def scores(document: Document, signals_path: Path | None = None) -> tuple[dict[str, float], dict[str, list[str]]]:
    """Score of every type and the matched text behind it."""
    _, types = _load(signals_path or rules_dir() / "data" / "doc_types.yaml")
    head = opening(document)
    body = normalize(document.full_text()[:200_000])
    result: dict[str, float] = {}
    evidence: dict[str, list[str]] = {}
    for name, spec in types.items():
        score = 0.0
        for signal in spec.title:
            m = signal.regex.search(head)
            if m:
                # earlier is stronger: a title beats a phrase quoted in the third paragraph
                position = 1.0 - 0.5 * (m.start() / max(len(head), 1))
                score += signal.weight * position
                evidence.setdefault(name, []).append(m.group(0).strip())
        for signal in spec.body:
            m = signal.regex.search(body)
            if m:
                score += signal.weight
                evidence.setdefault(name, []).append(m.group(0).strip())
        result[name] = max(score, 0.0)  # negative signals lower a type, never below zero
    return result, evidence


def classify(document: Document, signals_path: Path | None = None) -> Classification:
    threshold, _ = _load(signals_path or rules_dir() / "data" / "doc_types.yaml")
    found, evidence = scores(document, signals_path)
    ranked = sorted(found.items(), key=lambda kv: kv[1], reverse=True)
    if not ranked or ranked[0][1] <= 0:
        return Classification(doc_type="unknown", confidence=0.0, evidence=[])
    (best, top), second = ranked[0], (ranked[1][1] if len(ranked) > 1 else 0.0)
    margin = top / (top + second)
    strength = min(1.0, top / 8.0)
    confidence = round(margin * strength, 2)
    if confidence < threshold:
        return Classification(doc_type="unknown", confidence=confidence, evidence=evidence.get(best, [])[:3])
    return Classification(doc_type=best, confidence=confidence, evidence=evidence.get(best, [])[:3])
