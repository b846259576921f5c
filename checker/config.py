"""Configuration: `.checker.yaml` found upwards from the checked path, or `[tool.checker]` in
pyproject.toml; profiles that change severities; the ignore file of accepted findings."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from checker.engine.pack import Pack
from checker.errors import RulePackError
from checker.paths import rules_dir
from checker.report import Report, verdict_for

CONFIG_NAMES = (".checker.yaml", ".checker.yml")
IGNORE_NAME = ".checker-ignore.yaml"
SeverityOrOff = Literal["error", "warning", "info", "off"]


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid")
    rules: list[str] = Field(default_factory=list)
    campaign: str | None = None
    profile: str | None = None
    fail_on: Literal["error", "warning", "info", "never"] | None = None
    lang: Literal["ru", "en"] | None = None
    jobs: int | None = None
    overrides: dict[str, SeverityOrOff] = Field(default_factory=dict)
    ignore_file: str | None = None
    reports: list[str] = Field(default_factory=list)
    source: str | None = None

    def resolve(self, value: str) -> str:
        """A path in the config is relative to the config file."""
        if self.source is None or Path(value).is_absolute():
            return value
        return str(Path(self.source).parent / value)


def find_config(start: Path) -> Config:
    """Walk up from the first checked path; the first .checker.yaml or pyproject [tool.checker] wins."""
    folder = start.resolve()
    folder = folder if folder.is_dir() else folder.parent
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            path = candidate / name
            if path.is_file():
                return load_config(path)
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file():
            try:
                data = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}).get("checker")
            except (OSError, tomllib.TOMLDecodeError):
                data = None
            if data is not None:
                return _validate(data, pyproject)
    return Config()


def load_config(path: Path) -> Config:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
    except (OSError, YAMLError) as exc:
        raise RulePackError("config_invalid", f"{path}: ошибка в файле настроек: {exc}") from exc
    return _validate(data, path)


def _validate(data: Any, path: Path) -> Config:
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise RulePackError("config_invalid", f"{path}: ошибка в файле настроек: {problems}") from exc
    config.source = str(path)
    return config


class Profile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: dict[str, str] | str | None = None
    by_kind: dict[str, SeverityOrOff] = Field(default_factory=dict)
    by_severity: dict[str, SeverityOrOff] = Field(default_factory=dict)
    overrides: dict[str, SeverityOrOff] = Field(default_factory=dict)


def available_profiles() -> list[str]:
    return sorted(p.stem for p in (rules_dir() / "profiles").glob("*.yaml"))


def load_profile(name: str) -> Profile:
    from ruamel.yaml import YAML

    path = rules_dir() / "profiles" / f"{name}.yaml"
    if not path.is_file():
        raise RulePackError(
            "profile_not_found", f"профиль «{name}» не найден; доступны: {', '.join(available_profiles())}"
        )
    return Profile.model_validate(YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {})


def apply_severities(packs: list[Pack], profile: Profile | None, overrides: dict[str, str]) -> list[Pack]:
    """New packs with severities changed by the profile, then by explicit overrides; `off` drops a rule."""
    if profile is None and not overrides:
        return packs
    result = []
    for pack in packs:
        rules = []
        for rule in pack.rules:
            severity: str = rule.severity
            if profile is not None:
                severity = profile.by_severity.get(severity, severity)
                severity = profile.by_kind.get(rule.kind, severity)
                severity = profile.overrides.get(rule.id, severity)
            severity = overrides.get(rule.id, severity)
            if severity != "off":
                rules.append(rule if severity == rule.severity else rule.model_copy(update={"severity": severity}))
        result.append(pack.model_copy(update={"rules": rules}))
    return result


class IgnoreEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    fingerprint: str
    reason: str
    rule: str | None = None
    path: str | None = None


def load_ignore(path: Path) -> list[IgnoreEntry]:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    if not path.is_file():
        return []
    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
        return [IgnoreEntry.model_validate(e) for e in data.get("ignore", [])]
    except (OSError, YAMLError, ValidationError, AttributeError) as exc:
        raise RulePackError("ignore_invalid", f"{path}: ошибка в файле принятых замечаний: {exc}") from exc


def apply_ignore(report: Report, entries: list[IgnoreEntry]) -> Report:
    """Mark accepted findings; they stay in every report but no longer count."""
    if not entries:
        return report
    reasons = {e.fingerprint: e.reason for e in entries}
    for doc in report.documents:
        for finding in doc.findings:
            if finding.outcome in ("fail", "unverified") and finding.fingerprint in reasons:
                finding.ignored = reasons[finding.fingerprint]
        if doc.verdict != "unreadable":
            doc.verdict = verdict_for(doc.findings, checked=doc.verdict != "not_checked")
    return report.finalize()
