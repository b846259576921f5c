"""What a rule kind sees: the document, its text layer, the campaign and run options."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from checker.document import Document
from checker.language.lexicon import Lexicon, load_lexicon
from checker.language.text import DocumentText

if TYPE_CHECKING:
    from checker.engine.rule import Pattern
    from checker.language.matching import PhraseMatcher


@dataclass
class CheckContext:
    document: Document
    doc_type: str = "unknown"
    subkind: str | None = None  # from the classification (press_release | news | announcement, …)
    level: str | None = None  # school | municipal | regional
    approval_forms: list[str] = field(default_factory=list)  # signature | order | protocol | esign
    lang: str = "ru"
    campaign: Any = None  # checker.campaign.Campaign when one is chosen
    submitted: dt.date | None = None
    lexicon: Lexicon = field(default_factory=load_lexicon)

    @cached_property
    def text(self) -> DocumentText:
        return DocumentText(self.document)

    @cached_property
    def dates(self) -> list:
        """Every date mention of the document, with the unit it sits in."""
        from checker.language.dates import find_dates

        return [(unit, m) for unit in self.text.units for m in find_dates(unit.text.clean)]

    def matcher(self, pattern: Pattern) -> PhraseMatcher:
        from checker.language.matching import PhraseMatcher

        # compiled once per process: lemmatising phrases and building regexes is not per-document work
        key = (pattern.lemma, pattern.regex, pattern.text, pattern.gap, id(self.lexicon))
        if key not in _MATCHERS:
            if pattern.regex is not None:
                _MATCHERS[key] = PhraseMatcher(pattern.regex, "regex")
            elif pattern.text is not None:
                _MATCHERS[key] = PhraseMatcher(pattern.text, "text")
            else:
                _MATCHERS[key] = PhraseMatcher(pattern.lemma or "", "lemma", pattern.gap, self.lexicon)
        return _MATCHERS[key]


_MATCHERS: dict[tuple, PhraseMatcher] = {}
