"""Run rules on one document: outcomes of rule kinds become Findings with Russian messages."""

from __future__ import annotations

import string
import sys
from typing import Any

from checker import safe_regex
from checker.engine.context import CheckContext
from checker.engine.rule import Localized, Outcome, RuleBase
from checker.report import Finding, FindingLocation, fingerprint

_NOT_APPLICABLE = Localized(ru="Не применяется к этому документу.", en="Not applicable to this document.")
_UNVERIFIED = Localized(
    ru="Не удалось проверить требование «{title}» — проверьте вручную.",
    en="Could not check the requirement «{title}»; check it by hand.",
)
_INTERNAL = Localized(
    ru="Внутренняя ошибка правила ({error}); сообщите разработчикам, остальные проверки выполнены.",
    en="Internal error in this rule ({error}); please report it, the other checks ran.",
)
_INTERRUPTED = Localized(ru=f"{safe_regex.MESSAGE_RU.capitalize()}.", en=f"{safe_regex.MESSAGE_EN.capitalize()}.")


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return "—"


def render(template: str, params: dict[str, Any]) -> str:
    """Fill {placeholders}; an unknown one becomes a dash instead of an error."""
    values = _Blank({k: ", ".join(map(str, v)) if isinstance(v, list | tuple) else v for k, v in params.items()})
    try:
        return string.Formatter().vformat(template, (), values)
    except (ValueError, IndexError):
        return template


def _message(rule: RuleBase, outcome: Outcome, lang: str) -> str:
    params = {"title": rule.title.get(lang), **outcome.params}
    if outcome.passed is None:
        return render((outcome.message or _NOT_APPLICABLE).get(lang), params)
    if outcome.unverified:
        return render((outcome.message or _UNVERIFIED).get(lang), params)
    if outcome.passed:
        if rule.pass_message is not None:
            return render(rule.pass_message.get(lang), params)
        found = outcome.params.get("found")
        return rule.title.get(lang) + (f": {found}" if found not in (None, "", "—") else "")
    return render((outcome.message or rule.message).get(lang), params)


def _outcomes(rule: RuleBase, ctx: Any, path: str) -> list[Outcome]:
    from checker.engine.pack import not_applying

    reason = not_applying(rule, getattr(ctx, "subkind", None), getattr(ctx, "level", None))
    if reason is not None:
        return [Outcome(None, message=reason)]
    try:
        return list(rule.check(ctx))
    except safe_regex.PatternTimeout:  # a pack pattern that backtracks: this rule is not checked
        return [Outcome(None, message=_INTERRUPTED)]
    except Exception as exc:  # a bug in one rule must not cost the other findings
        print(f"checker: rule {rule.id} failed on {path}: {exc!r}", file=sys.stderr)
        return [Outcome(False, {"error": type(exc).__name__}, message=_INTERNAL)]


def _finding(rule: RuleBase, outcome: Outcome, path: str, lang: str) -> Finding:
    described = FindingLocation(**(outcome.location.model_dump() if outcome.location else {}))
    described.description = described.describe(lang)
    failed = outcome.passed is False
    if outcome.passed is None:
        result = "not_applicable"
    elif outcome.passed:
        result = "pass"
    else:
        result = "unverified" if outcome.unverified else "fail"
    severity = outcome.severity or rule.severity
    if result == "unverified":
        severity = "info" if severity == "info" else "warning"  # a doubt is never an error
    return Finding(
        rule_id=rule.id,
        title=rule.title.get(lang),
        severity=severity,
        outcome=result,
        message=_message(rule, outcome, lang),
        evidence=outcome.evidence,
        location=described,
        fingerprint=fingerprint(path, rule.id, described, outcome.evidence),
        suggestion=_suggestion(rule, outcome, lang, result) if failed else None,
    )


def _suggestion(rule: RuleBase, outcome: Outcome, lang: str, result: str) -> str | None:
    """How to fix it; for a doubt, only in case the document really lacks it («Добавьте раздел …» would tell
    the author to add a section the lost part of the text may hold)."""
    if not rule.suggestion:
        return None
    text = render(rule.suggestion.get(lang), outcome.params)
    if result != "unverified" or not text:
        return text
    lead = "If the document really lacks it: " if lang == "en" else "Если в документе этого действительно нет: "
    return lead + (text[:1].lower() if text[1:2].islower() else text[:1]) + text[1:]


def run_rules(ctx: CheckContext, rules: list[RuleBase]) -> list[Finding]:
    path = ctx.document.path
    return [_finding(rule, outcome, path, ctx.lang) for rule in rules for outcome in _outcomes(rule, ctx, path)]


def run_package_rules(pctx: Any, rules: list[RuleBase]) -> list[Finding]:
    """Folder-level rules: the same findings, with the folder as the path."""
    return [
        _finding(rule, outcome, pctx.folder, pctx.lang)
        for rule in rules
        for outcome in _outcomes(rule, pctx, pctx.folder)
    ]
