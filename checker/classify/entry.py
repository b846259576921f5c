"""One entry point: read the document once, then decide type, sub-kind and level.

How a document is approved is not read here: the one approval model is `checker.approval` (the pipeline
puts its forms into the report); type and level decisions do not need it."""

from __future__ import annotations

import re
from pathlib import Path

from checker.document import Document
from checker.language.normalize import normalize

from .doc_type import Reading, annex_title, decide
from .form import read_form
from .level import level
from .model import Candidate, Classification
from .opening import OPENING_CHARS, head_lines, opening_lines, title_after_page_top, title_zone
from .signals import SignalSet, load
from .subkind import subkind

BODY_CHARS = 80_000
_DATE_ONLY = re.compile(r"^[\W\d]*(г\.?|года)?\W*$")
_ORDER_TITLE = re.compile(r"^\W{0,3}(приказ|распоряжение|постановление)\b", re.M)
# an order's operative clause when its heading is missing (a copy that starts with the preamble)
_ORDER_CLAUSE = re.compile(r"(^|\n)\W{0,3}1\.\s+утвердить\s+(прилагаем|прилагаем\w+)", re.M)


def _strong_title(signals: SignalSet, text: str) -> bool:
    """Some type's own title (a strong title signal) is in the text."""
    return any(spec.titles(text) for spec in signals.types.values())


def read(document: Document, signals: SignalSet | None = None) -> tuple[Reading, list[str]]:
    signals = signals or load()
    lines = opening_lines(document)
    head = head_lines(document)
    body = normalize(document.full_text()[:BODY_CHARS])
    opening_text = "\n".join(lines)[:OPENING_CHARS]
    title = title_zone(lines)
    if not _strong_title(signals, title):
        start = title_after_page_top(lines, lambda line: _strong_title(signals, line))
        if start is not None:
            title = title_zone(lines[start:])
    reading = Reading(title=title, opening=opening_text, lines=lines, body=body, form=read_form(document, head, body))
    last = title.rsplit("\n", 1)[-1]
    taken = next((i + 1 for i, ln in enumerate(lines) if ln[:250] == last), 0) if title else 0
    reading.lead = next((ln[:300] for ln in lines[taken : taken + 3] if not _DATE_ONLY.match(ln)), "")
    if _ORDER_TITLE.search(title) or _ORDER_CLAUSE.search(opening_text[:900]):
        reading.annex_title = annex_title(body, len(opening_text))
    return reading, head


def _top(head: list[str], title: str, limit: int = 25) -> str:
    """What stands above the title: letterhead, annex line, approval blocks, e-signature stamp."""
    first = title.split("\n", 1)[0][:40] if title else ""
    picked = []
    for line in head[:limit]:
        if first and line.startswith(first):
            break
        if first and len(line) > 120 and first in line:
            picked.append(line[: line.find(first)])  # a letterhead run together with the title
            break
        picked.append(line)
    return "\n".join(picked)


def classify(document: Document, signals_path: Path | None = None, doc_type: str | None = None) -> Classification:
    """Type (or `unknown` with candidates and a reason), sub-kind and level.

    With `doc_type` given (the user's `--type`), the type is taken as is and only the rest is read."""
    signals = load(signals_path)
    reading, head = read(document, signals)
    decision = decide(signals, reading)
    candidates = [
        Candidate(doc_type=s.doc_type, score=round(s.score, 2), evidence=s.evidence[:3]) for s in decision.ranked[:3]
    ]
    if doc_type:
        found_type, confidence, evidence, reason, reason_en = doc_type, 1.0, ["--type"], None, None
    else:
        found_type, confidence = decision.doc_type, decision.confidence
        evidence = decision.ranked[0].evidence[:3]
        reason, reason_en = decision.reason, decision.reason_en
    top = _top(head, reading.title)
    tail = normalize(document.full_text()[-3000:])
    return Classification(
        doc_type=found_type,
        confidence=confidence,
        evidence=evidence,
        subkind=subkind(found_type, reading.title, reading.opening, reading.body, reading.form),
        level=level(found_type, reading.title, top, top, reading.opening, tail),
        candidates=candidates,
        reason=reason,
        reason_en=reason_en,
    )


def scores(document: Document, signals_path: Path | None = None) -> tuple[dict[str, float], dict[str, list[str]]]:
    """Score of every type and the matched text behind it (for tuning and `inspect`)."""
    signals = load(signals_path)
    reading, _ = read(document, signals)
    decision = decide(signals, reading)
    return {s.doc_type: s.score for s in decision.ranked}, {s.doc_type: s.evidence for s in decision.ranked}
