"""The registry of rule kinds: one module per kind, one line here per kind."""

from __future__ import annotations

from typing import Annotated, Union

from pydantic import Field

from checker.engine.kinds.approval import ApprovalRule
from checker.engine.kinds.categories import CategoriesRule
from checker.engine.kinds.consistency import ConsistencyRule
from checker.engine.kinds.count import CountRule
from checker.engine.kinds.coverage import CoverageRule
from checker.engine.kinds.date import DateRule
from checker.engine.kinds.deadline import DeadlineRule
from checker.engine.kinds.distinct import DistinctRule
from checker.engine.kinds.empty_section import EmptySectionRule
from checker.engine.kinds.length import LengthRule
from checker.engine.kinds.package import PackageRule
from checker.engine.kinds.past_dates import PastDatesRule
from checker.engine.kinds.period import PeriodRule
from checker.engine.kinds.phrases import PhrasesRule
from checker.engine.kinds.placeholder import PlaceholderRule
from checker.engine.kinds.repetition import RepetitionRule
from checker.engine.kinds.section import SectionRule
from checker.engine.kinds.table import TableRule
from checker.engine.kinds.tense import TenseRule
from checker.engine.kinds.vocabulary import VocabularyRule
from checker.engine.kinds.year_dates import YearDatesRule

RULE_KINDS = (
    ApprovalRule,
    CoverageRule,
    DeadlineRule,
    DistinctRule,
    PeriodRule,
    TableRule,
    SectionRule,
    PhrasesRule,
    CategoriesRule,
    CountRule,
    DateRule,
    LengthRule,
    PackageRule,
    VocabularyRule,
    RepetitionRule,
    ConsistencyRule,
    PlaceholderRule,
    EmptySectionRule,
    PastDatesRule,
    YearDatesRule,
    TenseRule,
)

AnyRule = Annotated[Union[RULE_KINDS], Field(discriminator="kind")]  # noqa: UP007 - a runtime tuple
