"""`--format github`: GitHub Actions workflow commands (annotations), one `::group::` per document.

GitHub shows at most 10 annotations of each level per step and 50 per job and drops the rest silently, so we
stop emitting at those caps, say how many were not shown, and append the full table of failures to
`$GITHUB_STEP_SUMMARY` (the job summary) when that variable names a file.
Passing and not-applicable checks are not annotated; accepted (ignored) failures neither.
"""

from __future__ import annotations

import os
from pathlib import Path

from checker.report import SEVERITY_RANK, Report
from checker.reporters import markdown
from checker.reporters.sarif import start_line

PER_LEVEL_CAP = 10
TOTAL_CAP = 50
_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
_WORDS = {
    "ru": {
        "hidden": "{n} замечаний не показано как аннотации; полный список — в сводке задания",
        "not_checked": "Документ не проверен",
        "found": "найдено",
        "where": "где",
        "fix": "как исправить",
    },
    "en": {
        "hidden": "{n} findings not shown as annotations; the full list is in the job summary",
        "not_checked": "The document was not checked",
        "found": "found",
        "where": "where",
        "fix": "how to fix",
    },
}


def escape_data(text: str) -> str:
    """Message and group-title escaping of the Actions runner (`%` first, so escapes are not re-escaped)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Property values additionally escape `:` and `,`, which delimit the properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **properties: str | int | None) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None)
    return f"::{level} {props}::{escape_data(message)}" if props else f"::{level}::{escape_data(message)}"


def render(report: Report, *, color: bool = False) -> str:
    words = _WORDS["en" if report.lang == "en" else "ru"]
    per_level = dict.fromkeys(_COMMANDS.values(), 0)
    shown = hidden = 0
    out: list[str] = []

    def emit(level: str, line: str) -> None:
        nonlocal shown, hidden
        if per_level[level] >= PER_LEVEL_CAP or shown >= TOTAL_CAP:
            hidden += 1
            return
        per_level[level] += 1
        shown += 1
        out.append(line)

    for doc in report.documents:
        out.append(f"::group::{escape_data(doc.path)}")
        if doc.verdict == "unreadable":
            emit("error", command("error", doc.reason or doc.path, file=doc.path))
        elif doc.verdict == "not_checked":
            emit("warning", command("warning", words["not_checked"] + ": " + (doc.reason or ""), file=doc.path))
        for finding in sorted(doc.failures(), key=lambda f: -SEVERITY_RANK[f.severity]):
            level = _COMMANDS[finding.severity]
            lines = [finding.message]
            if finding.evidence:
                lines.append(f"{words['found']}: «{finding.evidence}»")
            if finding.location.description:
                lines.append(f"{words['where']}: {finding.location.description}")
            if finding.suggestion:
                lines.append(f"{words['fix']}: {finding.suggestion}")
            line = command(
                level, "\n".join(lines), file=doc.path, line=start_line(finding.location), title=finding.rule_id
            )
            emit(level, line)
        out.append("::endgroup::")
    if hidden:
        out.append(words["hidden"].format(n=hidden))
    _append_step_summary(report)
    return "\n".join(out) + "\n"


def _append_step_summary(report: Report) -> None:
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    words = markdown.words_for(report.lang)
    text = "\n\n".join(
        [
            f"## {words['title']}",
            markdown.summary_table(report),
            f"### {words['failures']}",
            markdown.failures_table(report),
        ]
    )
    # Append: other steps of the same job may already have written their own summary.
    with Path(target).open("a", encoding="utf-8") as handle:
        handle.write(text + "\n\n")
