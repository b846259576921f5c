"""Human output for a terminal: per document, what fails first, then what passed."""

from __future__ import annotations

import re
from typing import Any

from checker.paths import doc_type_name
from checker.report import SEVERITY_RANK, DocumentReport, Finding, Report

_WORDS = {
    "ru": {
        "type": "тип",
        "confidence": "уверенность",
        "compliant": "СООТВЕТСТВУЕТ",
        "noncompliant": "НЕ СООТВЕТСТВУЕТ",
        "unreadable": "НЕ ПРОЧИТАН",
        "not_checked": "НЕ ПРОВЕРЕН",
        "unverified": "проверьте вручную",
        "error": "ошибка",
        "warning": "предупреждение",
        "info": "замечание",
        "found": "найдено",
        "where": "где",
        "fix": "как исправить",
        "na": "не проверялось",
        "summary": "Итого: документов {documents}; соответствуют {compliant}, не соответствуют {noncompliant}, "
        "не проверены {not_checked}, не прочитаны {unreadable}; "
        "ошибок {errors}, предупреждений {warnings}, замечаний {infos}.",
        "passed": "выполнено проверок: {n}",
        "ignored": "принято",
    },
    "en": {
        "type": "type",
        "confidence": "confidence",
        "compliant": "COMPLIANT",
        "noncompliant": "NONCOMPLIANT",
        "unreadable": "UNREADABLE",
        "not_checked": "NOT CHECKED",
        "unverified": "check by hand",
        "error": "error",
        "warning": "warning",
        "info": "info",
        "found": "found",
        "where": "where",
        "fix": "how to fix",
        "na": "not checked",
        "summary": "Total: {documents} documents; {compliant} compliant, {noncompliant} noncompliant, "
        "{not_checked} not checked, {unreadable} unreadable; {errors} errors, {warnings} warnings, {infos} infos.",
        "passed": "checks passed: {n}",
        "ignored": "accepted",
    },
}
_COLORS = {"red": "\033[31m", "green": "\033[32m", "yellow": "\033[33m", "dim": "\033[2m", "bold": "\033[1m"}


# C0 and C1 control characters (ESC starts terminal escape sequences; a newline would forge a report line),
# DEL, and the bidirectional overrides that reorder what the terminal shows.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(report: Report) -> Report:
    """A copy of the report whose texts (from documents and file names) cannot drive the terminal."""

    def clean(value: Any) -> Any:
        if isinstance(value, str):
            return _CONTROL.sub(" ", value)
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        return value

    return type(report).model_validate(clean(report.model_dump()))


def render(report: Report, *, color: bool = False) -> str:
    report = printable(report)
    words = _WORDS["en" if report.lang == "en" else "ru"]

    def paint(text: str, name: str) -> str:
        return f"{_COLORS[name]}{text}\033[0m" if color else text

    out: list[str] = []
    for doc in report.documents:
        out.extend(_document(doc, words, paint, report.lang))
        out.append("")
    out.append(words["summary"].format(**report.summary.model_dump()))
    return "\n".join(out) + "\n"


def _document(doc: DocumentReport, words: dict[str, str], paint, lang: str) -> list[str]:
    verdict_color = {"compliant": "green", "noncompliant": "red", "unreadable": "yellow", "not_checked": "yellow"}[
        doc.verdict
    ]
    lines = [paint(doc.path, "bold")]
    if doc.verdict == "unreadable":
        lines.append(f"  {paint(words['unreadable'], verdict_color)}: {doc.reason}")
        return lines
    lines.append(
        f"  {words['type']}: {doc_type_name(doc.doc_type, lang)} "
        f"({doc.doc_type}, {words['confidence']} {doc.doc_type_confidence:.2f})"
        f" — {paint(words[doc.verdict], verdict_color)}"
    )
    if doc.verdict == "not_checked" and doc.reason:
        lines.append(f"  {paint(words['not_checked'], verdict_color)}: {doc.reason}")
    for note in doc.notes:
        lines.append(paint(f"  ! {note}", "dim"))
    failing = sorted(
        (f for f in doc.findings if f.outcome in ("fail", "unverified")), key=lambda f: -SEVERITY_RANK[f.severity]
    )
    for finding in failing:
        icon = "✖" if finding.severity == "error" else "⚠" if finding.severity == "warning" else "ℹ"
        name = {"error": "red", "warning": "yellow", "info": "dim"}[finding.severity]
        tag = f" [{words['ignored']}: {finding.ignored}]" if finding.ignored else ""
        if finding.outcome == "unverified":
            tag += f" [{words['unverified']}]"
        lines.append(f"  {paint(icon, name)} {finding.rule_id} ({words[finding.severity]}){tag}: {finding.message}")
        lines.extend(_details(finding, words))
    for finding in doc.findings:
        if finding.outcome == "not_applicable":
            lines.append(f"  – {finding.rule_id} ({words['na']}): {finding.message}")
    passed = [f for f in doc.findings if f.outcome == "pass"]
    for finding in passed:
        lines.append(f"  {paint('✔', 'green')} {finding.rule_id}: {finding.message}")
        if finding.evidence:
            lines.append(paint(f"      «{finding.evidence}» ({finding.location.description})", "dim"))
    return lines


def _details(finding: Finding, words: dict[str, str]) -> list[str]:
    lines = []
    if finding.evidence:
        lines.append(f"      {words['found']}: «{finding.evidence}» ({finding.location.description})")
    elif finding.location.description and finding.location.block is not None:
        lines.append(f"      {words['where']}: {finding.location.description}")
    if finding.suggestion:
        lines.append(f"      {words['fix']}: {finding.suggestion}")
    return lines
