"""`--format junit`: JUnit XML as GitLab and Jenkins read it.

One `<testsuite>` per document, one `<testcase>` per finding: `classname` = document path (GitLab's "Suite"),
`name` = `RULE-ID #n: title`, unique within the document because GitLab collapses duplicate pairs.
GitLab ignores `failure@message`, so the message, evidence and location go into the element body.
Passes are passing testcases (a compliance count), not-applicable and accepted findings are `<skipped/>`,
an unreadable document is one testcase with `<error>`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter

from checker.report import DocumentReport, Finding, Report

# XML 1.0 forbids most control characters, and ElementTree writes them unescaped: drop them.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_WORDS = {
    "ru": {
        "found": "Найдено",
        "where": "Где",
        "fix": "Как исправить",
        "ignored": "Принято",
        "na": "Не проверялось",
        "unreadable_case": "Чтение документа",
        "unreadable": "Документ не прочитан",
        "not_checked_case": "Тип документа",
        "incomplete_case": "Полнота проверки",
        "not_checked": "Документ не проверен: тип не определён",
    },
    "en": {
        "found": "Found",
        "where": "Where",
        "fix": "How to fix",
        "ignored": "Accepted",
        "na": "Not checked",
        "unreadable_case": "Reading the document",
        "unreadable": "The document could not be read",
        "not_checked_case": "Document type",
        "incomplete_case": "Completeness of the check",
        "not_checked": "The document was not checked: its type was not recognised",
    },
}


def clean(text: str | None) -> str:
    return _INVALID_XML.sub("", text or "")


def render(report: Report, *, color: bool = False) -> str:
    words = _WORDS["en" if report.lang == "en" else "ru"]
    root = ET.Element("testsuites", name=clean(report.campaign or report.tool.name))
    totals: Counter[str] = Counter()
    for doc in report.documents:
        suite, counts = _suite(doc, words)
        root.append(suite)
        totals.update(counts)
    for key in ("tests", "failures", "errors", "skipped"):
        root.set(key, str(totals[key]))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _suite(doc: DocumentReport, words: dict[str, str]) -> tuple[ET.Element, Counter[str]]:
    path = clean(doc.path)
    suite = ET.Element("testsuite", name=path)
    counts: Counter[str] = Counter()
    if doc.verdict == "unreadable":
        case = ET.SubElement(suite, "testcase", classname=path, name=words["unreadable_case"])
        error = ET.SubElement(
            case, "error", type=clean(doc.reason_code or "unreadable"), message=clean(doc.reason or words["unreadable"])
        )
        error.text = clean(doc.reason or words["unreadable"])
        counts.update(tests=1, errors=1)
    if doc.verdict == "not_checked":
        name = words["incomplete_case" if doc.reason_code == "incomplete" else "not_checked_case"]
        case = ET.SubElement(suite, "testcase", classname=path, name=name)
        reason = clean(doc.reason or words["not_checked"])
        failure = ET.SubElement(case, "failure", type=clean(doc.reason_code or "not_checked"), message=reason)
        failure.text = clean(doc.reason or words["not_checked"])
        counts.update(tests=1, failures=1)
    seen: Counter[str] = Counter()
    for finding in doc.findings:
        seen[finding.rule_id] += 1
        name = clean(f"{finding.rule_id} #{seen[finding.rule_id]}: {finding.title}")
        case = ET.SubElement(suite, "testcase", classname=path, name=name)
        counts["tests"] += 1
        if finding.outcome in ("fail", "unverified") and finding.ignored is None:
            kind = finding.severity if finding.outcome == "fail" else "unverified"
            failure = ET.SubElement(case, "failure", type=kind, message=clean(finding.message))
            failure.text = _body(finding, words)
            counts["failures"] += 1
        elif finding.outcome in ("fail", "unverified"):
            skipped = ET.SubElement(case, "skipped", message=clean(f"{words['ignored']}: {finding.ignored}"))
            skipped.text = _body(finding, words)
            counts["skipped"] += 1
        elif finding.outcome == "not_applicable":
            ET.SubElement(case, "skipped", message=clean(f"{words['na']}: {finding.message}"))
            counts["skipped"] += 1
    for key in ("tests", "failures", "errors", "skipped"):
        suite.set(key, str(counts[key]))
    return suite, counts


def _body(finding: Finding, words: dict[str, str]) -> str:
    lines = [finding.message]
    if finding.evidence:
        lines.append(f"{words['found']}: «{finding.evidence}»")
    lines.append(f"{words['where']}: {finding.location.description or '—'}")
    if finding.suggestion:
        lines.append(f"{words['fix']}: {finding.suggestion}")
    if finding.ignored:
        lines.append(f"{words['ignored']}: {finding.ignored}")
    return clean("\n".join(lines))
