"""The common rule header, shared pattern syntax, and what a rule kind returns."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from checker.document import Location
from checker.report import Severity

if TYPE_CHECKING:
    from checker.engine.context import CheckContext
    from checker.language.matching import Hit, PhraseMatcher
    from checker.safe_regex import SafePattern


def valid_regex(pattern: str) -> SafePattern:
    """Compile a pack's regular expression in the engine it runs in (checker/safe_regex.py) or say in
    Russian why it is wrong (pydantic shows it with the YAML position)."""
    from checker.safe_regex import PatternError, compile_pattern

    try:
        return compile_pattern(pattern)
    except PatternError as exc:
        raise ValueError(f"неверное регулярное выражение «{pattern}»: {exc}") from exc


class Localized(BaseModel):
    """A text in Russian and (optionally) English. YAML may give a plain string (Russian)."""

    model_config = ConfigDict(extra="forbid")
    ru: str
    en: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        return {"ru": value} if isinstance(value, str) else value

    def get(self, lang: str) -> str:
        return (self.en or self.ru) if lang == "en" else self.ru


class Pattern(BaseModel):
    """A phrase to look for. A plain string means lemma matching (all inflections match);
    `regex` runs on the normalised text (lower case, ё→е, quotes as ", dashes as -);
    `text` is an exact substring of the normalised text."""

    model_config = ConfigDict(extra="forbid")
    lemma: str | None = None
    regex: str | None = None
    text: str | None = None
    gap: int = Field(0, ge=0, le=12, description="words allowed between the words of a lemma phrase")

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        return {"lemma": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _exactly_one(self) -> Pattern:
        given = [x for x in (self.lemma, self.regex, self.text) if x is not None]
        if len(given) != 1:
            raise ValueError("укажите ровно одно из: lemma, regex, text")
        if self.regex is not None:
            valid_regex(self.regex)
        return self

    @property
    def label(self) -> str:
        return self.lemma or self.text or self.regex or ""

    def matcher(self, ctx: CheckContext) -> PhraseMatcher:
        return ctx.matcher(self)


class Concept(BaseModel):
    """A named thing to look for, with its phrasings: a participant category, a content direction."""

    model_config = ConfigDict(extra="forbid")
    name: Localized
    synonyms: list[Pattern] = Field(min_length=1)


class Examples(BaseModel):
    """Texts that must pass and must fail this rule (run by `checker rules test`)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    passing: list[str] = Field(default_factory=list, alias="pass")
    failing: list[str] = Field(default_factory=list, alias="fail")
    campaign: str | None = None  # for rules that need one; default krasnodar-2018


class RuleBase(BaseModel):
    """Header every rule kind shares."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    id: str = Field(pattern=r"^[A-Z0-9][A-Z0-9_.-]*$")
    kind: str
    title: Localized
    severity: Severity = "error"
    message: Localized  # shown when the rule fails; placeholders in {braces}
    pass_message: Localized | None = None  # shown when it passes; default: title + what was found
    description: Localized | None = None
    suggestion: Localized | None = None  # how to fix
    applies_to: list[str] = Field(default_factory=list)  # doc type ids; empty = the pack's doc types
    layer: Literal["genre", "programme", "campaign"] = Field(
        "genre",
        description="genre: any document of the type; programme: the ШНОР / «500+» methodology; "
        "campaign: one region's request (such rules live in packs a campaign file names)",
    )
    source: str = Field("", description="where the requirement comes from: a seed, a regulation, domain.md §")
    subkinds: list[str] = Field(default_factory=list, description="sub-kinds it applies to; empty = any")
    levels: list[str] = Field(default_factory=list, description="school | municipal | regional; empty = any")
    requires: list[Literal["campaign"]] = Field(default_factory=list)
    scope: Literal["all", "text", "tables", "headings", "start", "contents"] = "all"
    start_blocks: int = Field(8, ge=1, description="how many opening blocks `start` covers")
    examples: Examples | None = None
    tags: list[str] = Field(default_factory=list)

    def check(self, ctx: CheckContext) -> Iterable[Outcome]:  # pragma: no cover - every kind overrides
        raise NotImplementedError

    def units(self, ctx: CheckContext) -> list:
        return ctx.text.select(self.scope, self.start_blocks)

    @cached_property
    def _cache(self) -> dict[str, Any]:
        return {}


@dataclass
class Outcome:
    """One result of a rule on a document. `passed=None` means not applicable."""

    passed: bool | None
    params: dict[str, Any] = field(default_factory=dict)
    evidence: str | None = None
    location: Location | None = None
    severity: Severity | None = None  # a kind may lower severity for a sub-check (vague dates)
    message: Localized | None = None  # a kind's own message for a sub-check
    # the parser did not see what the rule needs (no table rebuilt, OCR text, a heading only in the
    # contents): the finding says «не удалось проверить — проверьте вручную», a warning, never an error
    unverified: bool = False

    @classmethod
    def from_hit(cls, passed: bool, hit: Hit | None, **params: Any) -> Outcome:
        if hit is None:
            return cls(passed, params)
        from checker.language.text import snippet

        return cls(passed, params, snippet(hit.unit.text.clean, hit.start, hit.end), hit.unit.location)
