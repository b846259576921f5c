"""`--format sarif`: SARIF 2.1.0 for GitHub code scanning, GitLab and IDE viewers.

Every finding becomes a result, passes and not-applicable checks included (`kind` pass|notApplicable), so the
log is a full compliance matrix; `level` is `none` for them, as SARIF §3.27.10 requires for non-`fail` kinds.

Regions: text coordinates mean nothing inside a .docx or .pdf, but GitHub can place a result only when it has
`region.startLine` (sarif-sdk rule GH1003). So `startLine` is:

* `location.line` — the real source line, for .txt/.md;
* else `location.paragraph` — the 1-based paragraph ordinal;
* else `location.block + 1` — the 0-based block index made 1-based;
* else 1 (the whole document).

The exact position lives in `logicalLocations` (kind `element`, OOXML being XML, e.g. `body/tbl[2]/tr[5]/tc[3]`,
`body/p[7]` or `page[3]`) and in the location's `properties` (page, table, row, column).

Unreadable documents are not results: they go to `invocations[0].toolExecutionNotifications` (level error),
and the invocation still counts as successful — the tool ran; the document was the problem.
"""

from __future__ import annotations

import json
from pathlib import PureWindowsPath
from typing import Any
from urllib.parse import quote

from checker.report import DocumentReport, Finding, FindingLocation, Report

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "checker/v1"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
_KINDS = {"fail": "fail", "pass": "pass", "unverified": "review", "not_applicable": "notApplicable"}


def render(report: Report, *, color: bool = False) -> str:
    return json.dumps(build(report), ensure_ascii=False, indent=2) + "\n"


def build(report: Report) -> dict[str, Any]:
    """The SARIF log as a dict (tests validate it against the schema)."""
    rules, rule_index = _rules(report)
    results = [_result(doc, f, rule_index) for doc in report.documents for f in doc.findings]
    notifications = [_notification(doc) for doc in report.documents if doc.verdict in ("unreadable", "not_checked")]
    invocation: dict[str, Any] = {"executionSuccessful": True}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    driver: dict[str, Any] = {
        "name": report.tool.name,
        "version": report.tool.version,
        "semanticVersion": report.tool.version,
        "rules": rules,
    }
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "invocations": [invocation],
        "language": "en-US" if report.lang == "en" else "ru-RU",
        "results": results,
    }
    if report.campaign:
        run["properties"] = {"campaign": report.campaign}
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def artifact_uri(path: str) -> str:
    """A relative URI reference for a path as given: spaces and Cyrillic percent-encoded, `/` separators.

    `:` is encoded too, so a first segment like `a:b` cannot be read as a URI scheme."""
    posix = path.replace("\\", "/")
    if PureWindowsPath(path).drive or posix.startswith("/"):
        # An absolute path cannot be a relative reference; make it a proper file URI.
        drive_path = posix if posix.startswith("/") else "/" + posix
        return "file://" + quote(drive_path, safe="/:")
    return quote(posix, safe="/")


def start_line(location: FindingLocation) -> int:
    """See the module docstring: line, else paragraph ordinal, else block index + 1, else 1."""
    if location.line is not None:
        return max(location.line, 1)
    if location.paragraph is not None:
        return max(location.paragraph, 1)
    if location.block is not None:
        return location.block + 1
    return 1


def logical_name(location: FindingLocation) -> str:
    """An XPath-like element name inside the document body (or a page when that is all we know)."""
    if location.table is not None:
        name = f"body/tbl[{location.table}]"
        if location.row is not None:
            name += f"/tr[{location.row}]"
            if location.column is not None:
                name += f"/tc[{location.column}]"
        return name
    if location.paragraph is not None:
        return f"body/p[{location.paragraph}]"
    if location.block is not None:
        return f"body/p[{location.block + 1}]"
    if location.page is not None:
        return f"page[{location.page}]"
    return "body"


def _rules(report: Report) -> tuple[list[dict[str, Any]], dict[str, int]]:
    rules: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for doc in report.documents:
        for finding in doc.findings:
            if finding.rule_id in index:
                continue
            index[finding.rule_id] = len(rules)
            rules.append(
                {
                    "id": finding.rule_id,
                    "name": finding.rule_id,
                    "shortDescription": {"text": finding.title or finding.rule_id},
                    "defaultConfiguration": {"level": _LEVELS[finding.severity]},
                }
            )
    return rules, index


def _result(doc: DocumentReport, finding: Finding, rule_index: dict[str, int]) -> dict[str, Any]:
    kind = _KINDS[finding.outcome]
    result: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "ruleIndex": rule_index[finding.rule_id],
        "kind": kind,
        "level": _LEVELS[finding.severity] if kind == "fail" else "none",
        "message": {"text": finding.message or finding.title or finding.rule_id},
        "locations": [_location(doc.path, finding)],
    }
    if finding.fingerprint:
        result["partialFingerprints"] = {FINGERPRINT_KEY: finding.fingerprint}
    if finding.ignored is not None and kind == "fail":
        # Accepted in the ignore file, i.e. outside the document: an external suppression (§3.34.3).
        result["suppressions"] = [{"kind": "external", "justification": finding.ignored}]
    properties: dict[str, Any] = {"severity": finding.severity}
    if finding.suggestion:
        properties["suggestion"] = finding.suggestion
    if doc.municipality:
        properties["municipality"] = doc.municipality
    properties["docType"] = doc.doc_type
    result["properties"] = properties
    return result


def _location(path: str, finding: Finding) -> dict[str, Any]:
    loc = finding.location
    region: dict[str, Any] = {"startLine": start_line(loc)}
    if finding.evidence:
        region["snippet"] = {"text": finding.evidence}
    location: dict[str, Any] = {
        "physicalLocation": {"artifactLocation": {"uri": artifact_uri(path)}, "region": region},
        "logicalLocations": [{"fullyQualifiedName": logical_name(loc), "kind": "element"}],
    }
    if loc.description:
        location["message"] = {"text": loc.description}
    properties = {
        key: value
        for key, value in (("page", loc.page), ("table", loc.table), ("row", loc.row), ("column", loc.column))
        if value is not None
    }
    if loc.paragraph is not None:
        properties["paragraph"] = loc.paragraph
    if properties:
        location["properties"] = properties
    return location


def _notification(doc: DocumentReport) -> dict[str, Any]:
    notification: dict[str, Any] = {
        "level": "error",
        "message": {"text": doc.reason or "unreadable"},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(doc.path)}}}],
    }
    if doc.reason_code:
        notification["descriptor"] = {"id": doc.reason_code}
    return notification
