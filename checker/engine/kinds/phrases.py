"""`phrases`: any_of / all_of / none_of, each matched on lemmas, as text or by regex.

An item is a pattern or a named concept (`{name: …, synonyms: [...]}`). Messages name what is
missing in words: a concept by its name, a lemma or text pattern by its words, the any_of group by
`any_name` (or the rule's title) — a regular expression never reaches the user.

`doubt_of` lists signs that what is missing may be told in other words (the subject of an event: the text
says what was done at it, but not in a shape the rule reads): when one of them is found the finding is a
question, a warning that quotes it, not an error."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Literal

from pydantic import Field, model_validator

from checker.engine.context import CheckContext
from checker.engine.rule import Concept, Localized, Outcome, Pattern, RuleBase
from checker.engine.unverified import codes_for, doubt_reason
from checker.language.matching import Hit, tag_groups
from checker.language.morphology import TOKEN, lemma
from checker.safe_regex import compile_pattern

Item = Concept | Pattern
_SENTENCE_END = re.compile(r"[.!?…](?=\s|$)")


def item_name(item: Item, lang: str, fallback: str) -> str:
    """What an item looks for, in words."""
    if isinstance(item, Concept):
        return item.name.get(lang)
    if item.regex is None:
        return item.label
    return fallback


def item_search(
    item: Item, ctx: CheckContext, units: list, accept: Callable[[Hit], bool] | None = None
) -> Hit | None:
    patterns = item.synonyms if isinstance(item, Concept) else [item]
    for pattern in patterns:
        hit = next((h for h in pattern.matcher(ctx).finditer(units) if accept is None or accept(h)), None)
        if hit is not None:
            return hit
    return None


def item_hits(item: Item, ctx: CheckContext, units: list) -> Iterable[Hit]:
    patterns = item.synonyms if isinstance(item, Concept) else [item]
    for pattern in patterns:
        yield from pattern.matcher(ctx).finditer(units)


class PhrasesRule(RuleBase):
    kind: Literal["phrases"]
    any_of: list[Item] = Field(default_factory=list, description="at least one must appear")
    any_name: Localized | None = Field(None, description="what the any_of group looks for, in words")
    all_of: list[Item] = Field(default_factory=list, description="every one must appear")
    none_of: list[Item] = Field(default_factory=list, description="none may appear")
    doubt_of: list[Item] = Field(
        default_factory=list,
        description="signs that what is missing may be told in other words: when one is found, the finding is "
        "a warning that asks to check (doubt_message), not an error",
    )
    doubt_message: Localized | None = Field(None, description="the question asked then; {found} is the sign")
    reported_event: Pattern | None = Field(
        None,
        description="the event words: the text reports the event named in the first sentence that has one; a "
        "pattern's group named `event` must name that event (by lemma), else its match is of another event "
        "(«конкурс …, проведённый совместно с …» in news of a meeting)",
    )

    @model_validator(mode="after")
    def _something_to_check(self) -> PhrasesRule:
        if not (self.any_of or self.all_of or self.none_of):
            raise ValueError("нужен хотя бы один список: any_of, all_of или none_of")
        for item in (*self.any_of, *self.all_of, *self.none_of, *self.doubt_of):
            for pattern in item.synonyms if isinstance(item, Concept) else [item]:
                if pattern.regex is not None:  # a `tag_…` group names grammemes pymorphy3 knows
                    tag_groups(compile_pattern(pattern.regex).groupindex)
        return self

    def _reported(self, ctx: CheckContext, units: list) -> frozenset[str]:
        """The lemmas of the event words in the first sentence that has any (empty: none found)."""
        if self.reported_event is None:
            return frozenset()
        matcher = self.reported_event.matcher(ctx)
        for unit in units:
            hits = list(matcher.finditer([unit]))
            if hits:
                stop = _SENTENCE_END.search(unit.text.clean, hits[0].end)
                end = stop.start() if stop else len(unit.text.clean)
                return frozenset(_head(h.text) for h in hits if h.start < end)
        return frozenset()

    def check(self, ctx: CheckContext) -> Iterable[Outcome]:
        units = self.units(ctx)
        lang = ctx.lang
        title = self.title.get(lang)
        first_hit = None
        missing: list[str] = []
        reported = self._reported(ctx, units)

        def of_reported(hit: Hit) -> bool:
            event = hit.groups.get("event")
            return not (event and reported) or _head(event) in reported

        def first_found(items: list[Item]) -> Hit | None:
            return next((h for item in items if (h := item_search(item, ctx, units, of_reported)) is not None), None)

        if self.any_of:
            found = first_found(self.any_of)
            if found is not None:
                first_hit = found
            elif self.any_name is not None:
                missing.append(self.any_name.get(lang))
            else:
                names = dict.fromkeys(item_name(i, lang, title) for i in self.any_of)
                missing.append(" / ".join(names))
        for item in self.all_of:
            hit = item_search(item, ctx, units, of_reported)
            if hit is None:
                missing.append(item_name(item, lang, title))
            elif first_hit is None:
                first_hit = hit
        for item in self.none_of:
            hit = next(iter(item_hits(item, ctx, units)), None)
            if hit is not None:  # a forbidden phrase: one finding, at its place
                yield Outcome.from_hit(False, hit, found=hit.text, missing=", ".join(missing),
                                       forbidden=item_name(item, lang, hit.text))
                return
        outcome = Outcome.from_hit(
            not missing, first_hit, missing=", ".join(dict.fromkeys(missing)),
            found=first_hit.text if first_hit else "",
        )
        doubts = codes_for(self, ctx)
        if missing and self.doubt_of and doubt_reason(ctx, doubts) is None:
            sign = first_found(self.doubt_of)
            if sign is not None:
                yield self._question(sign, ", ".join(dict.fromkeys(missing)))
                return
        if missing and doubt_reason(ctx, doubts) is not None:
            why = doubt_reason(ctx, doubts)
            assert why is not None
            outcome.unverified = True
            outcome.message = Localized(
                ru=f"Не удалось проверить требование «{{title}}»: {why[0]}, а в прочитанном тексте не найдено: "
                f"{'; '.join(missing)}. Проверьте вручную.",
                en=f"Could not check the requirement «{{title}}»: {why[1]}, and the text read does not have: "
                f"{'; '.join(missing)}. Check it by hand.",
            )
        yield outcome

    def _question(self, sign: Hit, missing: str) -> Outcome:
        """What is missing may be told in other words: a warning that quotes the sign (info stays info)."""
        message = self.doubt_message or Localized(
            ru="Не найдено явно ({missing}); в тексте есть «{found}» — проверьте, сказано ли это другими словами.",
            en="Not found as such ({missing}); the text has «{found}» — check whether it is said in other words.",
        )
        outcome = Outcome.from_hit(False, sign, missing=missing, found=sign.text)
        outcome.severity = "info" if self.severity == "info" else "warning"
        outcome.message = message
        return outcome


def _head(words: str) -> str:
    """The lemma of the first word: «совещании» -> «совещание», «круглого стола» -> «круглый»."""
    first = TOKEN.search(words.lower().replace("ё", "е"))
    return lemma(first.group()) if first else ""
