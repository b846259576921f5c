"""`checker rules explain`: a rule as a methodologist reads it — what is required, why and where the
requirement comes from, an example that passes and one that fails (with what the program then says),
and how to fix. No internal fields, no `{placeholders}`, no regular expressions."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

from checker.engine.rule import Concept, Localized, Pattern, RuleBase

_WORDS = {
    "ru": {
        "types": "Документы",
        "severity": "Если не выполнено",
        "error": "ошибка — документ не соответствует требованиям",
        "warning": "предупреждение — документ соответствует, но стоит исправить",
        "info": "замечание — на усмотрение автора",
        "required": "Что требуется",
        "looked_for": "Что программа ищет в документе",
        "looked_for_folder": "Что программа ищет в папке",
        "any": "любые",
        "error_folder": "ошибка — пакет документов не соответствует требованиям",
        "optional": "необязательно",
        "other_wordings": "а также другие написания того же",
        "why": "Почему",
        "genre": "так устроен любой документ этого типа",
        "programme": "этого требует методика программы ШНОР / «500+»",
        "campaign": "этого требует кампания региона (сроки и условия одной кампании)",
        "with_campaign": "Проверяется, только когда указана кампания (сроки региона).",
        "source": "Откуда требование",
        "pass": "Пример, который проходит",
        "fail": "Пример, который не проходит",
        "says": "Программа скажет",
        "fix": "Как исправить",
        "subkinds": "Только для видов",
        "levels": "Только для уровней",
        "school": "школьный",
        "municipal": "муниципальный",
        "regional": "региональный",
    },
    "en": {
        "types": "Documents",
        "severity": "When not met",
        "error": "error — the document does not comply",
        "warning": "warning — the document complies but should be fixed",
        "info": "info — at the author's discretion",
        "required": "What is required",
        "looked_for": "What the program looks for in the document",
        "looked_for_folder": "What the program looks for in the folder",
        "any": "any",
        "error_folder": "error — the document set does not comply",
        "optional": "optional",
        "other_wordings": "and other wordings of the same",
        "why": "Why",
        "genre": "every document of this type is built so",
        "programme": "the ШНОР / «500+» programme methodology requires it",
        "campaign": "a regional campaign requires it (one campaign's dates and conditions)",
        "with_campaign": "Checked only when a campaign (the region's calendar) is given.",
        "source": "Where the requirement comes from",
        "pass": "Passing example",
        "fail": "Failing example",
        "says": "The program will say",
        "fix": "How to fix",
        "subkinds": "Only for sub-kinds",
        "levels": "Only for levels",
        "school": "school",
        "municipal": "municipal",
        "regional": "regional",
    },
}
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_LIMIT = 12  # names listed under «what the program looks for»


def explain(rule: RuleBase, doc_types: list[str], lang: str = "ru") -> list[str]:
    """The lines of `rules explain` for one rule (`doc_types`: the types it applies to)."""
    from checker.paths import doc_type_name

    words = _WORDS["en" if lang == "en" else "ru"]
    lines = [f"{rule.id} — {rule.title.get(lang)}", ""]
    folder = rule.kind == "package"
    types = ", ".join(doc_type_name(t, lang) for t in doc_types) if doc_types else words["any"]
    if not folder:
        lines.append(f"{words['types']}: {types}")
    if rule.subkinds:
        lines.append(f"{words['subkinds']}: {', '.join(rule.subkinds)}")
    if rule.levels:
        lines.append(f"{words['levels']}: {', '.join(words.get(level, level) for level in rule.levels)}")
    severity = "error_folder" if folder and rule.severity == "error" else rule.severity
    lines.append(f"{words['severity']}: {words[severity]}")

    required = rule.description.get(lang) if rule.description else rule.title.get(lang)
    lines += ["", f"{words['required']}:", f"  {_sentence(required)}"]
    looked_for = looked_for_names(rule, lang)
    if looked_for:
        lines.append(f"{words['looked_for_folder' if folder else 'looked_for']}:")
        lines += [f"  – {name}" for name in looked_for[:_LIMIT]]
        if len(looked_for) > _LIMIT or _has_regex(rule):
            lines.append(f"  – {words['other_wordings']}")

    lines += ["", f"{words['why']}: {words[rule.layer]}."]
    if rule.layer == "campaign" or "campaign" in rule.requires:
        lines.append(words["with_campaign"])
    if rule.source:
        lines.append(f"{words['source']}: {_clean(rule.source)}")

    failing = _failing_finding(rule, doc_types, lang)
    examples = rule.examples
    if examples is not None and examples.passing:
        lines += ["", f"{words['pass']}:", *_quoted(examples.passing[0])]
    if examples is not None and examples.failing:
        lines += ["", f"{words['fail']}:", *_quoted(examples.failing[0])]
        if failing is not None:
            lines.append(f"{words['says']}: {_clean(failing.message)}")

    fix = _fix(rule, failing, lang)
    if fix:
        lines += ["", f"{words['fix']}: {fix}"]
    return lines


def looked_for_names(rule: RuleBase, lang: str) -> list[str]:
    """The plain names a rule's settings look for: categories, columns, sections, phrases — never a
    regular expression."""
    names: list[str] = []
    optional = _WORDS["en" if lang == "en" else "ru"]["optional"]

    def add(text: str) -> None:
        text = " ".join(text.split())
        if text and text not in names:
            names.append(text)

    def walk(value: Any, field: str) -> None:
        if isinstance(value, Concept):
            add(value.name.get(lang))
        elif isinstance(value, Pattern):
            if value.regex is None:
                add(value.label)
        elif isinstance(value, Localized):
            if field in ("name", "label") or field.endswith("_name"):
                add(value.get(lang))
        elif isinstance(value, BaseModel):
            fields = type(value).model_fields
            if "name" in fields and isinstance(value.name, Localized):  # type: ignore[attr-defined]
                name = value.name.get(lang)  # type: ignore[attr-defined]
                add(name if getattr(value, "required", True) else f"{name} ({optional})")
                return
            for key in fields:
                walk(getattr(value, key), key)
        elif isinstance(value, list | tuple):
            for item in value:
                if isinstance(item, str):
                    if field == "names":
                        add(item)
                else:
                    walk(item, field)

    header = set(RuleBase.model_fields)
    for key in type(rule).model_fields:
        if key not in header and key != "kind":
            walk(getattr(rule, key), key)
    return names


def _has_regex(rule: RuleBase) -> bool:
    found = False

    def walk(value: Any) -> None:
        nonlocal found
        if isinstance(value, Pattern):
            found = found or value.regex is not None
        elif isinstance(value, BaseModel):
            for key in type(value).model_fields:
                walk(getattr(value, key))
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)

    header = set(RuleBase.model_fields)
    for key in type(rule).model_fields:
        if key not in header:
            walk(getattr(rule, key))
    return found


def _failing_finding(rule: RuleBase, doc_types: list[str], lang: str):
    """What the program says on the rule's first failing example (None for folder rules or when the
    example does not fail)."""
    from checker.campaign import load_campaign
    from checker.engine.context import CheckContext
    from checker.engine.examples import DEFAULT_CAMPAIGN, document_from_text
    from checker.engine.runner import run_rules
    from checker.errors import CheckerError

    examples = rule.examples
    if examples is None or not examples.failing or rule.kind == "package":
        return None
    try:
        campaign = None
        if examples.campaign or "campaign" in rule.requires or rule.layer == "campaign":
            campaign = load_campaign(examples.campaign or DEFAULT_CAMPAIGN)
        ctx = CheckContext(
            document=document_from_text(examples.failing[0]),
            doc_type=doc_types[0] if doc_types else "unknown",
            subkind=rule.subkinds[0] if rule.subkinds else None,
            level=rule.levels[0] if rule.levels else None,
            lang=lang,
            campaign=campaign,
        )
        findings = run_rules(ctx, [rule])
    except (CheckerError, OSError, ValueError):
        return None
    return next((f for f in findings if f.outcome == "fail"), None)


def _fix(rule: RuleBase, failing, lang: str) -> str:
    if failing is not None and failing.suggestion:
        return _clean(failing.suggestion)
    if rule.suggestion is None:
        return ""
    # without the example's values, keep only the sentences that need none
    sentences = re.split(r"(?<=[.;!?])\s+", rule.suggestion.get(lang))
    return _clean(" ".join(s for s in sentences if not _PLACEHOLDER.search(s)))


def _quoted(text: str) -> list[str]:
    return [f"  | {line}" if line.strip() else "  |" for line in text.strip("\n").splitlines()]


def _clean(text: str) -> str:
    """No template placeholder ever reaches a reader."""
    return " ".join(_PLACEHOLDER.sub("…", text).split())


def _sentence(text: str) -> str:
    text = _clean(text)
    return text if text.endswith((".", "!", "?", "»", ")")) else text + "."
