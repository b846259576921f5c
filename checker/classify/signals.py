"""The signal data of type detection (rules/data/doc_types.yaml), compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from checker.paths import rules_dir

STRONG_TITLE = 8  # a title signal this heavy names the type by itself («Дорожная карта …», «ПИСЬМО»)


@dataclass
class Signal:
    regex: re.Pattern[str]
    weight: float


@dataclass
class TypeSignals:
    title: list[Signal]
    lead: list[Signal]
    head: list[Signal]
    body: list[Signal]
    form: dict[str, float]
    section: list[Signal] = field(default_factory=list)  # its own first section heading alone on a line
    # what a document of the type must be about, in its title zone or opening: without it the type's title alone
    # («Аналитическая справка …» of any school subject) does not make the document this type
    need: re.Pattern[str] | None = None
    need_reason: dict[str, str] = field(default_factory=dict)

    def titles(self, line: str) -> bool:
        """The line names a document of this type as its own title would (a strong title signal)."""
        return any(s.regex.search(line) for s in self.title if s.weight >= STRONG_TITLE)


@dataclass
class Confuser:
    name: str
    title: list[re.Pattern[str]]
    head: list[re.Pattern[str]]
    need: re.Pattern[str] | None
    strong: bool
    unless: re.Pattern[str] | None = None  # found in the title zone: the document is one of ours after all
    reason: dict[str, str] = field(default_factory=dict)


@dataclass
class SignalSet:
    threshold: float
    types: dict[str, TypeSignals]
    confusers: list[Confuser]


def default_path() -> Path:
    return rules_dir() / "data" / "doc_types.yaml"


def _compile(pattern: str, parts: dict[str, str]) -> re.Pattern[str]:
    for _ in range(3):  # a part may use another part ({PROGRAMME_WORK} holds {PROGRAMME})
        before = pattern
        for name, value in parts.items():
            pattern = pattern.replace("{" + name + "}", value)
        if pattern == before:
            break
    return re.compile(pattern, re.MULTILINE)


@lru_cache(maxsize=4)
def load(path: Path | None = None) -> SignalSet:
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load((path or default_path()).read_text(encoding="utf-8"))
    parts = {k: str(v) for k, v in (data.get("parts") or {}).items()}

    def signals(spec: dict, key: str) -> list[Signal]:
        return [Signal(_compile(s["re"], parts), float(s["w"])) for s in spec.get(key, []) or []]

    types = {
        name: TypeSignals(
            signals(spec, "title"),
            signals(spec, "lead"),
            signals(spec, "head"),
            signals(spec, "body"),
            {k: float(v) for k, v in (spec.get("form") or {}).items()},
            signals(spec, "section"),
            _compile(spec["need"]["re"], parts) if spec.get("need") else None,
            dict((spec.get("need") or {}).get("reason") or {}),
        )
        for name, spec in data["types"].items()
    }
    confusers = [
        Confuser(
            name=name,
            title=[_compile(p, parts) for p in spec.get("title", []) or []],
            head=[_compile(p, parts) for p in spec.get("head", []) or []],
            need=_compile(spec["need"], parts) if spec.get("need") else None,
            strong=bool(spec.get("strong", False)),
            unless=_compile(spec["unless"], parts) if spec.get("unless") else None,
            reason=dict(spec.get("reason") or {}),
        )
        for name, spec in (data.get("confusers") or {}).items()
    ]
    return SignalSet(float(data.get("threshold", 0.5)), types, confusers)
