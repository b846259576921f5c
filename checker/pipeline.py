"""files → Document → findings → DocumentReport: the one path every input takes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from checker.engine.pack import Pack, rules_for
from checker.errors import UnreadableError
from checker.report import DocumentReport, Report, verdict_for


class CheckOptions(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)
    doc_type: str | None = None  # --type overrides detection
    lang: str = "ru"
    campaign: object | None = None  # checker.campaign.Campaign
    submitted: dt.date | None = None


def unreadable(path: str, error: UnreadableError, lang: str, fmt: str | None = None) -> DocumentReport:
    return DocumentReport(
        path=path,
        format=fmt,
        doc_type="unknown",
        doc_type_confidence=0.0,
        verdict="unreadable",
        reason=error.message(lang),
        reason_code=error.code,
    )


def check_document(document, packs: list[Pack], options: CheckOptions) -> DocumentReport:
    from checker.classify import Classification, classify
    from checker.engine.context import CheckContext
    from checker.engine.runner import run_rules

    if options.doc_type:
        found = Classification(doc_type=options.doc_type, confidence=1.0, evidence=["--type"])
    else:
        found = classify(document)
    ctx = CheckContext(
        document=document,
        doc_type=found.doc_type,
        lang=options.lang,
        campaign=options.campaign,
        submitted=options.submitted,
    )
    rules = [rule for _, rule in rules_for(packs, found.doc_type)]
    findings = run_rules(ctx, rules)
    return DocumentReport(
        path=document.path,
        format=document.metadata.format,
        doc_type=found.doc_type,
        doc_type_confidence=found.confidence,
        doc_type_evidence=found.evidence,
        verdict=verdict_for(findings),
        pages=document.metadata.page_count,
        findings=findings,
    )


def check_input(path: str, fmt: str | None, packs: list[Pack], options: CheckOptions) -> DocumentReport:
    """Parse and check one file; any failure to read becomes an `unreadable` entry."""
    from checker.parsers import parse_file

    try:
        document = parse_file(Path(path), fmt)
    except UnreadableError as error:
        return unreadable(path, error, options.lang, fmt)
    document.path = path
    return check_document(document, packs, options)


def check_paths(paths: list[str], packs: list[Pack], options: CheckOptions) -> Report:
    from checker.sources import discover

    report = Report(lang=options.lang)
    for item in discover(paths):
        if item.error is not None:
            report.documents.append(unreadable(item.path, item.error, options.lang, item.format))
        else:
            report.documents.append(check_input(item.path, item.format, packs, options))
    return report.finalize()
