"""Where the shipped rule packs live: inside the installed package, or beside it in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def rules_dir() -> Path:
    installed = _PACKAGE / "rules"
    return installed if installed.is_dir() else _PACKAGE.parent / "rules"


DOC_TYPES = (
    "roadmap",
    "program",
    "press_release",
    "info_report",
    "seminar_program",
    "letter",
    "registration_sheet",
    "system_description",
    "plan_schedule",
    "concept_document",
    "development_program",
    "antirisk_program",
    "unknown",
)
