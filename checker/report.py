"""The Report: what every reporter renders. Built from findings, never from parser internals."""

from __future__ import annotations

import hashlib
import os
from typing import Literal

from pydantic import BaseModel, Field

from checker import __version__
from checker.document import Location

Severity = Literal["error", "warning", "info"]
# unverified: the rule could not see what it needs (a warning asking for a manual check)
Outcome = Literal["pass", "fail", "unverified", "not_applicable"]
# not_checked: nothing document-specific was checked (type unknown, no usable text) — never compliant
Verdict = Literal["compliant", "noncompliant", "not_checked", "unreadable"]

SEVERITY_RANK: dict[str, int] = {"info": 1, "warning": 2, "error": 3}
REPORT_SCHEMA_VERSION = "2.0"


class FindingLocation(Location):
    """A Location plus its human description, so reporters need no logic of their own."""

    description: str = ""


class Finding(BaseModel):
    rule_id: str
    title: str
    severity: Severity
    outcome: Outcome
    message: str
    evidence: str | None = None
    location: FindingLocation
    fingerprint: str = ""
    suggestion: str | None = None
    ignored: str | None = None  # reason from the ignore file; an ignored failure does not count

    def counts_as_failure(self) -> bool:
        return self.outcome in ("fail", "unverified") and self.ignored is None


class ToolInfo(BaseModel):
    name: str = "checker"
    version: str = __version__


class TypeCandidate(BaseModel):
    """A type the document resembles, shown when its type is not recognised."""

    doc_type: str
    score: float


class DocumentReport(BaseModel):
    path: str
    kind: Literal["document", "package"] = "document"  # a package = a folder's cross-document checks
    format: str | None = None
    doc_type: str
    doc_type_confidence: float
    doc_type_evidence: list[str] = Field(default_factory=list)
    doc_type_candidates: list[TypeCandidate] = Field(default_factory=list)
    subkind: str | None = None  # press_release: press_release | news | announcement; …
    level: str | None = None  # school | municipal | regional
    approval_forms: list[str] = Field(default_factory=list)  # signature | order | protocol | esign
    verdict: Verdict
    reason: str | None = None  # why a document is unreadable or not checked
    reason_code: str | None = None
    municipality: str | None = None
    pages: int | None = None
    notes: list[str] = Field(default_factory=list)  # how it was read: OCR used, pages capped, a scan
    findings: list[Finding] = Field(default_factory=list)

    def failures(self, at_least: Severity = "info") -> list[Finding]:
        floor = SEVERITY_RANK[at_least]
        return [f for f in self.findings if f.counts_as_failure() and SEVERITY_RANK[f.severity] >= floor]


class Summary(BaseModel):
    documents: int = 0  # files; folder-level results are counted under `folders`
    compliant: int = 0
    noncompliant: int = 0
    not_checked: int = 0
    unreadable: int = 0
    folders: int = 0  # folder-level (package) results
    folders_noncompliant: int = 0
    errors: int = 0  # failing findings by severity
    warnings: int = 0
    infos: int = 0
    unverified: int = 0  # of them: «не удалось проверить — проверьте вручную»
    passed: int = 0


class Report(BaseModel):
    schema_version: str = REPORT_SCHEMA_VERSION
    tool: ToolInfo = Field(default_factory=ToolInfo)
    lang: str = "ru"
    campaign: str | None = None
    documents: list[DocumentReport] = Field(default_factory=list)
    summary: Summary = Field(default_factory=Summary)

    def finalize(self) -> Report:
        """Recompute the summary from the documents."""
        summary = Summary()
        for doc in self.documents:
            if doc.kind == "package":
                summary.folders += 1
                summary.folders_noncompliant += doc.verdict == "noncompliant"
            else:
                summary.documents += 1
                setattr(summary, doc.verdict, getattr(summary, doc.verdict) + 1)
            for finding in doc.findings:
                if finding.outcome == "pass":
                    summary.passed += 1
                elif finding.counts_as_failure():
                    field = {"error": "errors", "warning": "warnings", "info": "infos"}[finding.severity]
                    setattr(summary, field, getattr(summary, field) + 1)
                    summary.unverified += finding.outcome == "unverified"
        self.summary = summary
        return self


def verdict_for(findings: list[Finding], checked: bool = True) -> Verdict:
    """A document is noncompliant when any error-level finding fails; a document whose own rules
    could not run (type unknown, no usable text) is `not_checked`, never compliant."""
    if any(f.counts_as_failure() and f.severity == "error" for f in findings):
        return "noncompliant"
    return "compliant" if checked else "not_checked"


def fingerprint(path: str, rule_id: str, location: Location, evidence: str | None) -> str:
    """Stable across runs: what was found, by which rule, in which file — not the message wording (so not
    the language), not the severity (so not the profile), not how the path was typed or where it was run
    from, and not the position in the document when there is a quote (an edit elsewhere shifts tables, rows
    and pages). The file is its name and its folder's name, so one school's accepted finding does not
    silence the same file name in another school's folder."""
    parts = os.path.abspath(path).replace("\\", "/").rstrip("/").rsplit("/", 2)[-2:]
    name = "/".join(parts)
    quote = " ".join((evidence or "").replace("…", " ").split())[:200]
    where = (location.column,) if quote else (location.table, location.row, location.column)
    anchor = "|".join(str(x) for x in (name, rule_id, *where, quote))
    return hashlib.sha256(anchor.encode("utf-8")).hexdigest()[:16]


def worst_failure(report: Report) -> int:
    """The highest severity rank among failing findings (0 when none)."""
    ranks = [SEVERITY_RANK[f.severity] for d in report.documents for f in d.findings if f.counts_as_failure()]
    return max(ranks, default=0)
