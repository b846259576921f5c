"""Tools for rule authors: run every rule's `examples`, and describe a rule's configuration readably.

An example text becomes a Document through the text parser (so headings, lists and tab-separated
table rows come out exactly as in a checked .txt file); the rule alone runs on it. A `pass` text
must give no failing outcome, a `fail` text at least one."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from checker.engine.rule import Localized, Pattern, RuleBase

DEFAULT_CAMPAIGN = "krasnodar-2018"
_HEADER = set(RuleBase.model_fields)


@dataclass
class ExampleProblem:
    file: str
    line: int
    rule_id: str
    text: str  # what went wrong, English (a developer tool; the line format is the contract)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.rule_id}: {self.text}"


def document_from_text(text: str):
    """A Document from an example text, parsed as a .txt file would be."""
    from checker.parsers.text import parse_text

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "example.txt"
        path.write_text(text, encoding="utf-8")
        document = parse_text(path)
    document.path = "<example>"
    return document


def example_outcome(rule: RuleBase, doc_type: str, text: str, campaign: Any = None, lang: str = "ru") -> str:
    """`pass`, `fail` or `not_applicable` for one rule on one example text."""
    from checker.engine.context import CheckContext
    from checker.engine.runner import run_rules

    # a rule for some sub-kinds or levels is tested as a document of the first one it names
    ctx = CheckContext(
        document=document_from_text(text),
        doc_type=doc_type,
        subkind=rule.subkinds[0] if rule.subkinds else None,
        level=rule.levels[0] if rule.levels else None,
        lang=lang,
        campaign=campaign,
    )
    findings = run_rules(ctx, [rule])
    outcomes = {f.outcome for f in findings}
    if "fail" in outcomes:
        return "fail"
    if outcomes == {"not_applicable"}:
        return "not_applicable"
    return "pass"


def _example_lines(path: Path) -> dict[str, dict[str, Any]]:
    """Rule id → {"line": line of `id`, "pass": [lines], "fail": [lines]} from the YAML source."""
    from ruamel.yaml import YAML

    data = YAML(typ="rt").load(path.read_text(encoding="utf-8"))
    out: dict[str, dict[str, Any]] = {}
    for node in (data or {}).get("rules", []) or []:
        if not isinstance(node, dict) or "id" not in node:
            continue
        entry: dict[str, Any] = {"line": node.lc.key("id")[0] + 1, "pass": [], "fail": []}
        examples = node.get("examples")
        if isinstance(examples, dict):
            for key in ("pass", "fail"):
                items = examples.get(key) or []
                fallback = examples.lc.key(key)[0] + 1 if key in examples else entry["line"]
                for i in range(len(items)):
                    try:
                        entry[key].append(items.lc.item(i)[0] + 1)
                    except (AttributeError, KeyError, TypeError):
                        entry[key].append(fallback)
        out[str(node["id"])] = entry
    return out


def _pack_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.glob("*.yaml")) if path.is_dir() else [path])
    return files


def run_examples(paths: list[Path]) -> tuple[int, list[ExampleProblem]]:
    """Run the examples of every rule declared in the given packs (inherited rules are tested in
    their own pack). Returns (examples run, problems)."""
    from checker.campaign import load_campaign
    from checker.engine.pack import load_pack

    campaigns: dict[str, Any] = {}
    problems: list[ExampleProblem] = []
    count = 0
    for file in _pack_files(paths):
        pack = load_pack(file)
        lines = _example_lines(file)
        for rule in pack.rules:
            if rule.id not in lines:
                continue  # inherited through `extends`
            if rule.kind == "package":
                continue  # folder-level: examples are folders, exercised by tests/test_batch.py
            where = lines[rule.id]
            examples = rule.examples
            if examples is None or not examples.failing:
                problems.append(ExampleProblem(str(file), where["line"], rule.id, "no failing example"))
            if examples is None:
                continue
            types = rule.applies_to or pack.doc_types
            doc_type = types[0] if types else "unknown"
            campaign = None
            if examples.campaign or "campaign" in rule.requires:
                name = examples.campaign or DEFAULT_CAMPAIGN
                if name not in campaigns:
                    campaigns[name] = load_campaign(name)
                campaign = campaigns[name]
            for expected, texts in (("pass", examples.passing), ("fail", examples.failing)):
                for n, text in enumerate(texts, start=1):
                    count += 1
                    got = example_outcome(rule, doc_type, text, campaign)
                    if got != expected:
                        line = where[expected][n - 1] if n - 1 < len(where[expected]) else where["line"]
                        problems.append(
                            ExampleProblem(str(file), line, rule.id, f"example {n} expected {expected}, got {got}")
                        )
    return count, problems


# --- readable configuration -----------------------------------------------------------------------


def render_value(value: Any, lang: str = "ru") -> str:
    """A kind's configuration value as a short human string."""
    if isinstance(value, Pattern):
        if value.regex is not None:
            return f"regex /{value.regex}/"
        if value.text is not None:
            return f"text «{value.text}»"
        return f"«{value.lemma}»" + (f" (gap {value.gap})" if value.gap else "")
    if isinstance(value, Localized):
        return value.get(lang)
    if isinstance(value, BaseModel):
        parts = [f"{k}: {render_value(getattr(value, k), lang)}" for k in type(value).model_fields]
        return "{" + "; ".join(parts) + "}"
    if isinstance(value, list | tuple):
        return " | ".join(render_value(v, lang) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {render_value(v, lang)}" for k, v in value.items())
    return str(value)


def config_items(rule: RuleBase, lang: str = "ru") -> list[tuple[str, str]]:
    """(field, readable value) for the kind-specific settings, plus a non-default scope."""
    items: list[tuple[str, str]] = []
    if rule.scope != "all":
        items.append(("scope", rule.scope + (f" ({rule.start_blocks} blocks)" if rule.scope == "start" else "")))
    for name, info in type(rule).model_fields.items():
        if name in _HEADER or name == "kind":
            continue
        value = getattr(rule, name)
        if value in (None, [], {}) or (not info.is_required() and value == info.default):
            continue
        items.append((name, render_value(value, lang)))
    return items


def summary(rule: RuleBase, lang: str = "ru", limit: int = 180) -> str:
    """One line: what the rule checks (its description, else its kind and settings)."""
    if rule.description is not None:
        text = rule.description.get(lang)
    else:
        text = f"{rule.kind}: " + "; ".join(f"{k} = {v}" for k, v in config_items(rule, lang))
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
