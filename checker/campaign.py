"""Campaigns: a region's calendar (event windows, submission deadlines) and regional parameters."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from checker.engine.rule import Localized
from checker.errors import RulePackError
from checker.paths import rules_dir


def _ru(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


class Event(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    title: Localized
    start: dt.date = Field(alias="from")
    end: dt.date = Field(alias="to")

    def contains(self, day: dt.date | None) -> bool:
        return day is not None and self.start <= day <= self.end

    def describe(self, lang: str = "ru") -> str:
        span = _ru(self.start) if self.start == self.end else f"{_ru(self.start)} – {_ru(self.end)}"
        return f"{self.title.get(lang)}: {span}"


class Deadline(BaseModel):
    model_config = ConfigDict(extra="forbid")
    date: dt.date
    drafting: str | None = None  # the event whose window is the drafting period


class Campaign(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    title: Localized
    region: str | None = None
    events: dict[str, Event] = Field(default_factory=dict)
    deadlines: dict[str, Deadline] = Field(default_factory=dict)
    parameters: dict[str, Any] = Field(default_factory=dict)
    source: str = ""

    def event(self, key: str) -> Event:
        if key not in self.events:
            raise KeyError(f"в кампании {self.name} нет события «{key}»")
        return self.events[key]


def campaigns_dir() -> Path:
    return rules_dir() / "campaigns"


def available_campaigns() -> list[str]:
    return sorted(p.stem for p in campaigns_dir().glob("*.yaml"))


def locate_campaign(value: str, relative_to: Path | None = None) -> Path | None:
    """A campaign given by name or by path. A bare name (no path separator) is a shipped campaign first
    (rules/campaigns/NAME.yaml), then a file; a path is relative to `relative_to` (the config file's folder)."""
    bare = "/" not in value and "\\" not in value
    shipped = campaigns_dir() / f"{value.removesuffix('.yaml')}.yaml"
    if bare and shipped.is_file():
        return shipped
    path = Path(value).expanduser()
    if relative_to is not None and not path.is_absolute():
        path = relative_to / path
    return path if path.is_file() else None


def load_campaign(name_or_path: str, relative_to: Path | None = None) -> Campaign:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    path = locate_campaign(name_or_path, relative_to)
    if path is None:
        raise RulePackError(
            "campaign_not_found",
            f"кампания «{name_or_path}» не найдена; доступны: {', '.join(available_campaigns()) or '—'}",
            f"campaign '{name_or_path}' not found; available: {', '.join(available_campaigns()) or '-'}",
        )
    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
        campaign = Campaign.model_validate(data)
    except (YAMLError, ValidationError, OSError) as exc:
        raise RulePackError("campaign_invalid", f"{path}: ошибка в файле кампании: {exc}") from exc
    campaign.source = str(path)
    return campaign
