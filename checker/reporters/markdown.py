"""`--format markdown`: a report for merge-request comments, wikis and the GitHub job summary.

A summary table first, then per document what fails (errors first) and a collapsed list of passed checks.
`summary_table` and `failures_table` are reused by the GitHub reporter for `$GITHUB_STEP_SUMMARY`.
"""

from __future__ import annotations

import re

from checker.paths import doc_type_name
from checker.report import SEVERITY_RANK, DocumentReport, Finding, Report

_WORDS = {
    "ru": {
        "title": "Результаты проверки документов",
        "document": "Документ",
        "type": "Тип",
        "verdict": "Вердикт",
        "errors": "Ошибки",
        "warnings": "Предупреждения",
        "rule": "Правило",
        "severity": "Важность",
        "message": "Замечание",
        "evidence": "Найдено",
        "location": "Где",
        "compliant": "✅ соответствует",
        "noncompliant": "❌ не соответствует",
        "unreadable": "⚠️ не прочитан",
        "not_checked": "❔ не проверен",
        "unverified": "проверьте вручную",
        "error": "ошибка",
        "warning": "предупреждение",
        "info": "замечание",
        "fix": "Как исправить",
        "ignored": "принято",
        "passed": "Выполнено проверок: {n}",
        "na": "не проверялось",
        "no_failures": "Замечаний нет.",
        "failures": "Замечания",
        "totals": "Итого: документов {documents}; соответствуют {compliant}, не соответствуют {noncompliant}, "
        "не проверены {not_checked}, не прочитаны {unreadable}; ошибок {errors}, предупреждений {warnings}, "
        "замечаний {infos}; папок (пакетов) {folders}.",
    },
    "en": {
        "title": "Document check results",
        "document": "Document",
        "type": "Type",
        "verdict": "Verdict",
        "errors": "Errors",
        "warnings": "Warnings",
        "rule": "Rule",
        "severity": "Severity",
        "message": "Finding",
        "evidence": "Found",
        "location": "Where",
        "compliant": "✅ compliant",
        "noncompliant": "❌ noncompliant",
        "unreadable": "⚠️ unreadable",
        "not_checked": "❔ not checked",
        "unverified": "check by hand",
        "error": "error",
        "warning": "warning",
        "info": "info",
        "fix": "How to fix",
        "ignored": "accepted",
        "passed": "Checks passed: {n}",
        "na": "not checked",
        "no_failures": "No findings.",
        "failures": "Findings",
        "totals": "Total: {documents} documents; {compliant} compliant, {noncompliant} noncompliant, "
        "{not_checked} not checked, {unreadable} unreadable; {errors} errors, {warnings} warnings, {infos} infos; "
        "{folders} folders (packages).",
    },
}
ICONS = {"error": "❌", "warning": "⚠️", "info": "ℹ️"}  # emoji read at a glance in GitHub and GitLab


def words_for(lang: str) -> dict[str, str]:
    return _WORDS["en" if lang == "en" else "ru"]


def render(report: Report, *, color: bool = False) -> str:
    words = words_for(report.lang)
    out = [f"# {words['title']}", "", summary_table(report), "", _totals(report, words), ""]
    for doc in report.documents:
        out.extend(_document(doc, words, report.lang))
    return "\n".join(out).rstrip("\n") + "\n"


def summary_table(report: Report) -> str:
    """One row per document: document, type, verdict, errors, warnings."""
    words = words_for(report.lang)
    head = [words["document"], words["type"], words["verdict"], words["errors"], words["warnings"]]
    rows = [
        [
            code(doc.path),
            cell(doc_type_name(doc.doc_type, report.lang) if doc.verdict != "unreadable" else "—"),
            words[doc.verdict],
            str(len(doc.failures("error"))),
            str(len([f for f in doc.failures() if f.severity == "warning"])),
        ]
        for doc in report.documents
    ]
    return _table(head, rows)


def failures_table(report: Report) -> str:
    """All failing findings (ignored ones excluded) and unreadable documents, errors first per document."""
    words = words_for(report.lang)
    head = [words["document"], words["rule"], words["severity"], words["message"], words["evidence"], words["location"]]
    rows: list[list[str]] = []
    for doc in report.documents:
        if doc.verdict == "unreadable":
            rows.append([code(doc.path), "—", words["unreadable"], cell(doc.reason or ""), "", ""])
        elif doc.verdict == "not_checked":
            rows.append([code(doc.path), "—", words["not_checked"], cell(doc.reason or ""), "", ""])
        for finding in _sorted_failures(doc):
            rows.append(
                [
                    code(doc.path),
                    code(finding.rule_id),
                    f"{ICONS[finding.severity]} {words[finding.severity]}",
                    cell(finding.message),
                    f"«{cell(finding.evidence)}»" if finding.evidence else "",
                    cell(finding.location.description),
                ]
            )
    if not rows:
        return words["no_failures"]
    return _table(head, rows)


# Markdown punctuation that starts inline markup: emphasis, code, strikethrough, links and images.
_INLINE_MARKUP = re.compile(r"([\\`*_\[\]~])")
# What GitHub and GitLab turn into links by themselves: URLs, www., e-mail addresses and @mentions.
_AUTOLINK = re.compile(r"(?i)(?<=[a-z0-9])(?=://)|(?<=\bwww)(?=\.)|(?<=@)(?=\w)")


def cell(text: str | None) -> str:
    """Document text made inert for Markdown (tables, lists, the GitHub job summary): no pipes, newlines or
    raw tags, no emphasis, code, link or image syntax, and no URL, e-mail or @mention that the renderer
    would link by itself (a zero-width space breaks them). What the reader sees stays the same."""
    text = (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE_MARKUP.sub(r"\\\1", text)
    text = _AUTOLINK.sub("\u200b", text)
    return " ".join(text.replace("|", "\\|").split())


def code(text: str) -> str:
    # Backticks inside a path would end the code span early; fall back to plain escaped text.
    return f"`{text}`" if "`" not in text and "|" not in text and "\n" not in text else cell(text)


def _sorted_failures(doc: DocumentReport) -> list[Finding]:
    return sorted(doc.failures(), key=lambda f: -SEVERITY_RANK[f.severity])


def _table(head: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return "\n".join(lines)


def _totals(report: Report, words: dict[str, str]) -> str:
    summary = report.model_copy().finalize().summary  # a copy: never mutate the caller's report
    return words["totals"].format(**summary.model_dump())


def _document(doc: DocumentReport, words: dict[str, str], lang: str = "ru") -> list[str]:
    out = [f"## {cell(doc.path)}", "", f"**{words['verdict']}:** {words[doc.verdict]}"]
    if doc.verdict == "unreadable":
        return [*out, "", cell(doc.reason or ""), ""]
    out[-1] += f" · **{words['type']}:** {cell(doc_type_name(doc.doc_type, lang))}"
    out.append("")
    if doc.verdict == "not_checked":
        out.extend([cell(doc.reason or ""), ""])
    failing = _sorted_failures(doc)
    for finding in failing:
        out.extend(_finding(finding, words))
    accepted = [f for f in doc.findings if f.outcome == "fail" and f.ignored is not None]
    for finding in accepted:
        out.append(f"- ☑️ `{finding.rule_id}` ({words['ignored']}: {cell(finding.ignored)}): {cell(finding.message)}")
    if not failing and not accepted:
        out.append(words["no_failures"])
    passed = [f for f in doc.findings if f.outcome == "pass"]
    skipped = [f for f in doc.findings if f.outcome == "not_applicable"]
    if passed or skipped:
        out.extend(["", "<details>", f"<summary>{words['passed'].format(n=len(passed))}</summary>", ""])
        out.extend(f"- ✔️ `{f.rule_id}`: {cell(f.message)}" for f in passed)
        out.extend(f"- ➖ `{f.rule_id}` ({words['na']}): {cell(f.message)}" for f in skipped)
        out.extend(["", "</details>"])
    out.append("")
    return out


def _finding(finding: Finding, words: dict[str, str]) -> list[str]:
    kind = words[finding.severity] + (f", {words['unverified']}" if finding.outcome == "unverified" else "")
    lines = [f"- {ICONS[finding.severity]} **`{finding.rule_id}`** ({kind}): {cell(finding.message)}"]
    details = []
    if finding.evidence:
        details.append(f"«{cell(finding.evidence)}»")
    if finding.location.description:
        details.append(f"_{cell(finding.location.description)}_")
    if details:
        lines.append("  " + " — ".join(details))
    if finding.suggestion:
        lines.append(f"  {words['fix']}: {cell(finding.suggestion)}")
    return lines
