"""`--format gitlab`: GitLab Code Quality JSON (the Code Climate subset GitLab reads).

Only what needs attention: failing findings (accepted ones excluded) and unreadable documents.
GitLab deduplicates by `fingerprint`, so each entry gets a unique one, derived from the finding's stable
fingerprint so the widget can still compare runs.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from checker.report import Report
from checker.reporters.sarif import start_line

_SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}
UNREADABLE_CHECK = "UNREADABLE"
NOT_CHECKED_CHECK = "NOT_CHECKED"


def render(report: Report, *, color: bool = False) -> str:
    return json.dumps(build(report), ensure_ascii=False, indent=2) + "\n"


def build(report: Report) -> list[dict[str, Any]]:
    issues: list[dict[str, Any]] = []
    used: set[str] = set()

    def unique(base: str) -> str:
        candidate, n = base, 1
        while candidate in used:
            n += 1
            candidate = hashlib.md5(f"{base}#{n}".encode(), usedforsecurity=False).hexdigest()
        used.add(candidate)
        return candidate

    for doc in report.documents:
        # a document with no findings of its own still needs attention: unread, or not checked at all
        whole = {"unreadable": (UNREADABLE_CHECK, "critical"), "not_checked": (NOT_CHECKED_CHECK, "major")}
        if doc.verdict in whole:
            check, severity = whole[doc.verdict]
            base = hashlib.md5(f"{doc.path}|{check}".encode(), usedforsecurity=False).hexdigest()
            issues.append(
                {
                    "description": doc.reason or check,
                    "check_name": check,
                    "fingerprint": unique(base),
                    "severity": severity,
                    "location": {"path": doc.path, "lines": {"begin": 1}},
                }
            )
        for finding in doc.failures():
            description = finding.message
            if finding.evidence:
                description += f" «{finding.evidence}»"
            if finding.location.description:
                description += f" ({finding.location.description})"
            base = (
                finding.fingerprint
                or hashlib.md5(
                    f"{doc.path}|{finding.rule_id}|{finding.location.model_dump_json()}".encode(), usedforsecurity=False
                ).hexdigest()
            )
            issues.append(
                {
                    "description": description,
                    "check_name": finding.rule_id,
                    "fingerprint": unique(base),
                    "severity": _SEVERITIES[finding.severity],
                    "location": {"path": doc.path, "lines": {"begin": start_line(finding.location)}},
                }
            )
    return issues
