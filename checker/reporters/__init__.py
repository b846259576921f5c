"""Reporters: each a pure function of the Report. One module per format, one line here per format."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from checker.report import Report

# format name -> module; each module has `render(report, *, color=False) -> str | bytes`
REPORTERS: dict[str, str] = {
    "text": "checker.reporters.text",
    "json": "checker.reporters.json_report",
}


def renderer(name: str) -> Callable[..., str | bytes]:
    return import_module(REPORTERS[name]).render


def render(name: str, report: Report, *, color: bool = False) -> str | bytes:
    return renderer(name)(report, color=color)
