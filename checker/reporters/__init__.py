"""Reporters: each a pure function of the Report. One module per format, one line here per format."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from checker.report import Report

# format name -> module; each module has `render(report, *, color=False) -> str | bytes`
REPORTERS: dict[str, str] = {
    "text": "checker.reporters.text",
    "json": "checker.reporters.json_report",
    "sarif": "checker.reporters.sarif",
    "junit": "checker.reporters.junit",
    "github": "checker.reporters.github",
    "gitlab": "checker.reporters.gitlab",
    "markdown": "checker.reporters.markdown",
    "csv": "checker.reporters.csv_report",
    "xlsx": "checker.reporters.xlsx",
    "html": "checker.reporters.html",
}


def renderer(name: str) -> Callable[..., str | bytes]:
    return import_module(REPORTERS[name]).render


def render(name: str, report: Report, *, color: bool = False) -> str | bytes:
    return renderer(name)(report, color=color)
