"""`--format json`: the versioned contract of DESIGN.md (schema: schemas/report.schema.json)."""

from __future__ import annotations

from checker.report import Report


def render(report: Report, *, color: bool = False) -> str:
    return report.model_dump_json(indent=2) + "\n"
