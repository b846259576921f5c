"""The registry of rule kinds: one module per kind, one line here per kind."""

from __future__ import annotations

from typing import Annotated, Union

from pydantic import Field

from checker.engine.kinds.categories import CategoriesRule
from checker.engine.kinds.count import CountRule
from checker.engine.kinds.date import DateRule
from checker.engine.kinds.length import LengthRule
from checker.engine.kinds.phrases import PhrasesRule
from checker.engine.kinds.section import SectionRule

RULE_KINDS = (
    SectionRule,
    PhrasesRule,
    CategoriesRule,
    CountRule,
    DateRule,
    LengthRule,
)

AnyRule = Annotated[Union[RULE_KINDS], Field(discriminator="kind")]  # noqa: UP007 - a runtime tuple
