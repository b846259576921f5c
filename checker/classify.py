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
_APPROVAL = re.compile(r"^\s*(утверждаю|утвержден[оа]?|согласовано|принят[оа]?|рассмотрено)\b")


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


def opening(document: Document) -> str:
    """The first ~1,500 characters of meaningful text: debris lines and short menu items skipped."""
    lines: list[str] = []
    size = 0
    for block in document.blocks:
        for line in block.text.split("\n"):
            norm = normalize(line)
            if not norm or _DEBRIS.match(norm):
                continue
            lines.append(norm)
            size += len(norm)
        if size >= OPENING_CHARS:
            break
    return "\n".join(lines)[:OPENING_CHARS]


def classify(document: Document, signals_path: Path | None = None) -> Classification:
    threshold, types = _load(signals_path or rules_dir() / "data" / "doc_types.yaml")
    head = opening(document)
    body = normalize(document.full_text()[:200_000])
    scores: dict[str, float] = {}
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
        scores[name] = score
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    if not ranked or ranked[0][1] <= 0:
        return Classification(doc_type="unknown", confidence=0.0, evidence=[])
    (best, top), second = ranked[0], (ranked[1][1] if len(ranked) > 1 else 0.0)
    margin = top / (top + second)
    strength = min(1.0, top / 8.0)
    confidence = round(margin * strength, 2)
    if confidence < threshold:
        return Classification(doc_type="unknown", confidence=confidence, evidence=evidence.get(best, [])[:3])
    return Classification(doc_type=best, confidence=confidence, evidence=evidence.get(best, [])[:3])
