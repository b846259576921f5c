"""Human output for a terminal, like ruff or Vale: the problems, grouped by document, then a one-line
summary. Documents without problems are not listed; `show_passed` (`--show-passed`, `-v`) lists every
document with its passed and not applicable checks too."""

from __future__ import annotations

import re
from typing import Any

from checker.paths import doc_type_name, level_name, subkind_name
from checker.report import SEVERITY_RANK, DocumentReport, Finding, Report

_WORDS = {
    "ru": {
        "type": "тип",
        "confidence": "уверенность",
        "compliant": "СООТВЕТСТВУЕТ",
        "noncompliant": "НЕ СООТВЕТСТВУЕТ",
        "unreadable": "НЕ ПРОЧИТАН",
        "not_checked": "НЕ ПРОВЕРЕН",
        "incomplete": "ПРОВЕРЕН НЕ ПОЛНОСТЬЮ",
        "unverified": "не удалось проверить — проверьте вручную",
        "error": "ошибка",
        "warning": "предупреждение",
        "info": "замечание",
        "found": "найдено",
        "where": "где",
        "fix": "как исправить",
        "na": "не проверялось",
        "passed": "выполнено проверок: {n}",
        "ignored": "принято",
        "documents_line": "Итого: документов {documents}",
        "statuses": "соответствуют {compliant}|не соответствуют {noncompliant}|не проверены {not_checked}|"
        "не прочитаны {unreadable}",
        "folders_line": "папок {folders} (не соответствуют {folders_noncompliant})",
        "findings_line": "ошибок {errors}, предупреждений {warnings}, замечаний {infos}",
        "unverified_line": "из них проверить вручную {unverified}",
        "ignored_line": "принято {ignored}",
        "hidden": "показать: --show-passed",
        "folders_title": "Папки (проверки пакета документов целиком)",
        "pages": "стр.",
    },
    "en": {
        "type": "type",
        "confidence": "confidence",
        "compliant": "COMPLIANT",
        "noncompliant": "NONCOMPLIANT",
        "unreadable": "UNREADABLE",
        "not_checked": "NOT CHECKED",
        "incomplete": "NOT FULLY CHECKED",
        "unverified": "could not check — check by hand",
        "error": "error",
        "warning": "warning",
        "info": "info",
        "found": "found",
        "where": "where",
        "fix": "how to fix",
        "na": "not applicable",
        "passed": "checks passed: {n}",
        "ignored": "accepted",
        "documents_line": "Total: {documents} documents",
        "statuses": "{compliant} compliant|{noncompliant} noncompliant|{not_checked} not checked|"
        "{unreadable} unreadable",
        "folders_line": "{folders} folders ({folders_noncompliant} noncompliant)",
        "findings_line": "{errors} errors, {warnings} warnings, {infos} infos",
        "unverified_line": "{unverified} of them to check by hand",
        "ignored_line": "{ignored} accepted",
        "hidden": "to show them: --show-passed",
        "folders_title": "Folders (checks of a document set as a whole)",
        "pages": "pages",
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


def render(report: Report, *, color: bool = False, show_passed: bool = False) -> str:
    report = printable(report)
    words = _WORDS["en" if report.lang == "en" else "ru"]

    def paint(text: str, name: str) -> str:
        return f"{_COLORS[name]}{text}\033[0m" if color else text

    out: list[str] = []
    documents = [d for d in report.documents if d.kind != "package"]
    folders = [d for d in report.documents if d.kind == "package"]
    for doc in documents:
        if show_passed or _has_problems(doc):
            out.extend(_document(doc, words, paint, report.lang, show_passed))
            out.append("")
    shown_folders = [d for d in folders if show_passed or _has_problems(d)]
    if shown_folders:
        out.append(paint(words["folders_title"], "bold"))
        out.append("")
        for doc in shown_folders:
            out.extend(_document(doc, words, paint, report.lang, show_passed))
            out.append("")
    out.append(_summary(report, words, show_passed))
    return "\n".join(out) + "\n"


def _has_problems(doc: DocumentReport) -> bool:
    """What a reader must act on: a verdict other than compliant, or any failing or unverified finding."""
    return doc.verdict != "compliant" or any(f.counts_as_failure() for f in doc.findings)


def _summary(report: Report, words: dict[str, str], show_passed: bool) -> str:
    summary = report.summary.model_dump()
    ignored = sum(1 for d in report.documents for f in d.findings if f.ignored is not None)
    keys = ("compliant", "noncompliant", "not_checked", "unreadable")
    texts = zip(words["statuses"].split("|"), keys, strict=True)
    statuses = [text.format(**summary) for text, key in texts if summary[key]]
    parts = [words["documents_line"].format(**summary) + (f" ({', '.join(statuses)})" if statuses else "")]
    if summary.get("folders"):
        parts.append(words["folders_line"].format(**summary))
    findings = words["findings_line"].format(**summary)
    if summary.get("unverified"):
        findings += f" ({words['unverified_line'].format(**summary)})"
    parts.append(findings)
    if ignored:
        parts.append(words["ignored_line"].format(ignored=ignored))
    line = "; ".join(parts) + "."
    if not show_passed and summary.get("passed"):
        line += f" {words['passed'].format(n=summary['passed']).capitalize()} ({words['hidden']})."
    return line


def _document(doc: DocumentReport, words: dict[str, str], paint, lang: str, show_passed: bool) -> list[str]:
    verdict_color = {"compliant": "green", "noncompliant": "red", "unreadable": "yellow", "not_checked": "yellow"}[
        doc.verdict
    ]
    lines = [paint(doc.path, "bold")]
    if doc.verdict == "unreadable":
        lines.append(f"  {paint(words['unreadable'], verdict_color)}: {doc.reason}")
        return lines
    kind = doc_type_name(doc.doc_type, lang)
    detail = [subkind_name(doc.subkind, lang) if doc.subkind and doc.subkind != doc.doc_type else ""]
    if doc.level:
        detail.append(f"level: {level_name(doc.level, 'en')}" if lang == "en" else f"уровень: {level_name(doc.level)}")
    if show_passed:
        detail.append(f"{doc.doc_type}, {words['confidence']} {doc.doc_type_confidence:.2f}")
    if any(detail):
        kind += f" ({'; '.join(d for d in detail if d)})"
    pages = f", {doc.pages} {words['pages']}" if show_passed and doc.pages and doc.format == "pdf" else ""
    # «не проверен» because too little could be checked reads «проверен не полностью»
    shown = "incomplete" if doc.verdict == "not_checked" and doc.reason_code == "incomplete" else doc.verdict
    lines.append(f"  {words['type']}: {kind}{pages} — {paint(words[shown], verdict_color)}")
    if doc.verdict == "not_checked" and doc.reason:
        lines.append(f"  {paint(words[shown], verdict_color)}: {doc.reason}")
    for note in doc.notes:
        lines.append(paint(f"  ! {note}", "dim"))
    failing = sorted(
        (f for f in doc.findings if f.outcome in ("fail", "unverified") and (show_passed or f.ignored is None)),
        key=lambda f: -SEVERITY_RANK[f.severity],
    )
    for finding in failing:
        icon = "✖" if finding.severity == "error" else "⚠" if finding.severity == "warning" else "ℹ"
        name = {"error": "red", "warning": "yellow", "info": "dim"}[finding.severity]
        tag = f" [{words['ignored']}: {finding.ignored}]" if finding.ignored else ""
        if finding.outcome == "unverified":
            tag += f" [{words['unverified']}]"
        lines.append(f"  {paint(icon, name)} {finding.rule_id} ({words[finding.severity]}){tag}: {finding.message}")
        lines.extend(_details(finding, words))
    if not show_passed:
        return lines
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
