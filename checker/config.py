"""Configuration: the operator's `.checker.yaml` (or `[tool.checker]` in pyproject.toml) and profiles that
change severities (accepted findings: checker/ignore.py).

Trust model (docs/security.md): configuration comes only from the operator — `--config PATH`, the
working directory and its parents, the user's config folder — never from inside a checked folder,
whose every file was written by the submitter. A config found there is reported and ignored. Report
paths in a config stay inside the config's folder; `jobs` is capped whatever its source."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from checker.engine.pack import Pack
from checker.errors import RulePackError
from checker.paths import rules_dir

CONFIG_NAMES = (".checker.yaml", ".checker.yml")
USER_CONFIG = Path("checker") / "config.yaml"  # under $XDG_CONFIG_HOME or ~/.config
MAX_JOBS = 32
SeverityOrOff = Literal["error", "warning", "info", "off"]


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid")
    rules: list[str] = Field(default_factory=list)
    campaign: str | None = None
    profile: str | None = None
    fail_on: Literal["error", "warning", "info", "never"] | None = None
    lang: Literal["ru", "en"] | None = None
    jobs: int | None = Field(None, ge=1)
    overrides: dict[str, SeverityOrOff] = Field(default_factory=dict)
    ignore_file: str | None = None
    reports: list[str] = Field(default_factory=list)
    source: str | None = None

    def resolve(self, value: str) -> str:
        """A path in the config is relative to the config file."""
        if self.source is None or Path(value).is_absolute():
            return value
        return str(Path(self.source).parent / value)


def capped_jobs(requested: int | None) -> int:
    """Worker processes: what was asked (or one per core), never more than twice the cores or MAX_JOBS."""
    cores = os.cpu_count() or 1
    return max(1, min(requested or cores, cores * 2, MAX_JOBS))


def user_config_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / USER_CONFIG


def _inside(folder: Path, roots: list[Path]) -> bool:
    return any(folder == root or root in folder.parents for root in roots)


def _config_in(folder: Path) -> tuple[Path, Any] | None:
    """The config file of one folder: `.checker.yaml`, else pyproject.toml with [tool.checker]."""
    for name in CONFIG_NAMES:
        path = folder / name
        if path.is_file():
            return path, None
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file():
        try:
            data = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}).get("checker")
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            data = None
        if data is not None:
            return pyproject, data
    return None


def _checked_folders(checked: list[str]) -> list[Path]:
    return [Path(p).resolve() for p in checked if Path(p).is_dir()]


def operator_folders(checked: list[str], cwd: Path | None = None) -> list[Path]:
    """Where the operator's config may be: the working directory and its parents (up to the first checked
    path's parent when the working directory is below it), none inside a checked folder."""
    start = (cwd or Path.cwd()).resolve()
    roots = _checked_folders(checked)
    stop = Path(checked[0]).resolve().parent if checked else None
    folders: list[Path] = []
    for folder in (start, *start.parents):
        if not _inside(folder, roots):
            folders.append(folder)
        if folder == stop:
            break
    return folders


def find_config(checked: list[str] | Path, cwd: Path | None = None) -> Config:
    """The operator's config for a run over `checked`: the first one found in the working directory and
    its parents, else the user's config file, else defaults. Never one inside a checked folder."""
    paths = [str(checked)] if isinstance(checked, Path) else list(checked)
    for folder in operator_folders(paths, cwd):
        found = _config_in(folder)
        if found is not None:
            path, data = found
            return load_config(path) if data is None else _validate(data, path)
    user = user_config_path()
    return load_config(user) if user.is_file() else Config()


def configs_inside(checked: list[str], limit: int = 20) -> list[Path]:
    """Config files a submitter put inside the checked folders (reported, never obeyed)."""
    found: list[Path] = []
    for root in _checked_folders(checked):
        for folder, dirs, _files in os.walk(root, followlinks=False):
            located = _config_in(Path(folder))
            if located is not None:
                found.append(located[0])
                if len(found) >= limit:
                    return found
            dirs[:] = [d for d in dirs if not d.startswith(".")] if len(found) < limit else []
    return found


def ignored_config_notes(checked: list[str], lang: str = "ru") -> list[str]:
    """One line per config found inside a checked folder, for stderr."""
    from checker.sources import shown_path  # a submitter's folder name must not drive the terminal

    found = [shown_path(str(path)) for path in configs_inside(checked)]
    if lang == "en":
        return [f"settings inside a checked folder are not applied: {path}" for path in found]
    return [f"настройки внутри проверяемой папки не применяются: {path}" for path in found]


def report_target(config: Config, spec: str) -> tuple[str, Path]:
    """`FORMAT:PATH` from a config's `reports`: the path is relative to the config and may not leave its
    folder (a submitter's config must never write ~/.bashrc), nor hold control characters."""
    fmt, sep, value = spec.partition(":")
    base = Path(config.source).resolve().parent if config.source else Path.cwd().resolve()
    target = (base / value).resolve()
    bad = not sep or not value or Path(value).is_absolute() or any(ord(c) < 32 or ord(c) == 127 for c in value)
    if bad or base not in target.parents:
        raise RulePackError(
            "config_invalid",
            f"{config.source}: отчёт «{spec}»: путь должен вести внутрь папки файла настроек",
            f"{config.source}: report «{spec}»: the path must stay inside the settings file's folder",
        )
    return fmt, target


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
