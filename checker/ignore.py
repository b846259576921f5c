"""Accepted findings: `.checker-ignore.yaml` (`ignore: [{fingerprint, reason, rule?, path?}]`).

Where it is looked for follows the trust model (docs/security.md): the operator's places only — the file a
config names (`ignore_file`), the config's folder, the working directory, the folder beside each checked
path — and never a folder inside a checked folder, since everything there was written by the submitter.
A `.checker.yaml` is not needed. Several files found are merged; `--no-ignore` skips them all.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from checker.errors import RulePackError
from checker.report import Report

IGNORE_NAME = ".checker-ignore.yaml"


class IgnoreEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    fingerprint: str
    reason: str
    rule: str | None = None  # when given, only this rule's finding
    path: str | None = None  # when given, only in a file whose path ends with this


def _inside(folder: Path, roots: list[Path]) -> bool:
    return any(folder == root or root in folder.parents for root in roots)


def find_ignore_files(checked: list[str], config_source: str | None = None, cwd: Path | None = None) -> list[Path]:
    """The ignore files that apply to a run over `checked`, in order: the config's folder, the working
    directory, beside each checked path; none from inside a checked folder."""
    checked_dirs = [Path(p).resolve() for p in checked if Path(p).is_dir()]
    places: list[Path] = []
    if config_source:
        places.append(Path(config_source).resolve().parent)
    places.append((cwd or Path.cwd()).resolve())
    places.extend(Path(p).resolve().parent for p in checked)
    found: list[Path] = []
    for folder in places:
        candidate = folder / IGNORE_NAME
        if folder not in (f.parent for f in found) and not _inside(folder, checked_dirs) and candidate.is_file():
            found.append(candidate)
    return found


def load_ignore(path: Path) -> list[IgnoreEntry]:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    if not path.is_file():
        return []
    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
        return [IgnoreEntry.model_validate(e) for e in data.get("ignore") or []]
    except (OSError, YAMLError, ValidationError, AttributeError, TypeError) as exc:
        raise RulePackError(
            "ignore_invalid",
            f"{path}: ошибка в файле принятых замечаний: {exc}",
            f"{path}: error in the accepted-findings file: {exc}",
        ) from exc


def load_ignore_files(paths: list[Path]) -> list[IgnoreEntry]:
    return [entry for path in paths for entry in load_ignore(path)]


def _matches(entry: IgnoreEntry, doc_path: str, rule_id: str) -> bool:
    if entry.rule is not None and entry.rule != rule_id:
        return False
    if entry.path is not None:
        wanted = entry.path.replace("\\", "/").strip("/")
        return doc_path.replace("\\", "/").rstrip("/").endswith(wanted)
    return True


def apply_ignore(report: Report, entries: list[IgnoreEntry]) -> Report:
    """Mark accepted findings; they stay in every report but no longer count. A document that was
    noncompliant only because of accepted errors becomes compliant (or stays «not checked»)."""
    if not entries:
        return report
    by_fingerprint: dict[str, list[IgnoreEntry]] = {}
    for entry in entries:
        by_fingerprint.setdefault(entry.fingerprint, []).append(entry)
    for doc in report.documents:
        for finding in doc.findings:
            if finding.outcome == "pass" or finding.outcome == "not_applicable":
                continue
            match = next(
                (e for e in by_fingerprint.get(finding.fingerprint, []) if _matches(e, doc.path, finding.rule_id)),
                None,
            )
            if match is not None:
                finding.ignored = match.reason
        if doc.verdict == "noncompliant" and not doc.failures("error"):
            checked = doc.doc_type != "unknown" and doc.reason is None
            doc.verdict = "compliant" if checked else "not_checked"  # type: ignore[assignment]
    return report.finalize()
