"""Run rules on one document: outcomes of rule kinds become Findings with Russian messages."""

from __future__ import annotations

import string
import sys
from typing import Any

from checker.engine.context import CheckContext
from checker.engine.rule import Localized, Outcome, RuleBase
from checker.report import Finding, FindingLocation, fingerprint

_NOT_APPLICABLE = Localized(
    ru="Не проверялось: нужна кампания (укажите --campaign), без неё сроки не с чем сравнить.",
    en="Not checked: needs a campaign (use --campaign) to compare the dates with.",
)
_INTERNAL = Localized(
    ru="Внутренняя ошибка правила ({error}); сообщите разработчикам, остальные проверки выполнены.",
    en="Internal error in this rule ({error}); please report it, the other checks ran.",
)


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
        return render(_NOT_APPLICABLE.get(lang), params)
    if outcome.passed:
        if rule.pass_message is not None:
            return render(rule.pass_message.get(lang), params)
        found = outcome.params.get("found")
        return rule.title.get(lang) + (f": {found}" if found not in (None, "", "—") else "")
    return render((outcome.message or rule.message).get(lang), params)


def run_rules(ctx: CheckContext, rules: list[RuleBase]) -> list[Finding]:
    findings: list[Finding] = []
    path = ctx.document.path
    for rule in rules:
        if "campaign" in rule.requires and ctx.campaign is None:
            outcomes = [Outcome(None)]
        else:
            try:
                outcomes = list(rule.check(ctx))
            except Exception as exc:  # a bug in one rule must not cost the other findings
                print(f"checker: rule {rule.id} failed on {path}: {exc!r}", file=sys.stderr)
                outcomes = [Outcome(False, {"error": type(exc).__name__}, message=_INTERNAL)]
        for outcome in outcomes:
            location = outcome.location.model_copy() if outcome.location else None
            described = FindingLocation(**(location.model_dump() if location else {}))
            described.description = described.describe(ctx.lang)
            findings.append(
                Finding(
                    rule_id=rule.id,
                    title=rule.title.get(ctx.lang),
                    severity=outcome.severity or rule.severity,
                    outcome="not_applicable" if outcome.passed is None else "pass" if outcome.passed else "fail",
                    message=_message(rule, outcome, ctx.lang),
                    evidence=outcome.evidence,
                    location=described,
                    fingerprint=fingerprint(path, rule.id, described, outcome.evidence),
                    suggestion=rule.suggestion.get(ctx.lang) if rule.suggestion and not outcome.passed else None,
                )
            )
    return findings
