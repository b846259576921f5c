"""`deadline`: the document's date is not after the campaign's submission deadline for its type.

The document's date comes from, in order: --submitted, the approval stamp, «от DATE» near the title,
the file's metadata (modified, then created); the message says which one was used."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Literal

from pydantic import Field

from checker.engine.context import CheckContext
from checker.engine.rule import Localized, Outcome, RuleBase
from checker.language.text import snippet

_FROM = re.compile(r"(?:^|\s)от\s*$")
_SOURCES = {
    "submitted": ("дата подачи, указанная при проверке (--submitted)", "the submission date given (--submitted)"),
    "stamp": ("из грифа «{marker}»", "from the «{marker}» stamp"),
    "order": ("из ссылки на приказ об утверждении («{marker}»)", "from the approving order («{marker}»)"),
    "protocol": ("из протокола об утверждении", "from the approving minutes"),
    "esign": ("из электронной подписи", "from the electronic signature"),
    "title": ("из строки «от …» в начале документа", "from «от …» at the top"),
    "modified": ("из свойств файла: дата изменения", "from the file's modification date"),
    "created": ("из свойств файла: дата создания", "from the file's creation date"),
}
_NO_DATE = Localized(
    ru="Не удалось определить дату документа (нет даты в грифе, «от …» или в свойствах файла); "
    "срок сдачи {deadline}. Укажите дату подачи: --submitted ДД.ММ.ГГГГ.",
    en="The document's date is unknown (no stamp date, «от …» or file date); the deadline is {deadline}. "
    "Give the submission date: --submitted DD.MM.YYYY.",
)


def _ru(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


class DeadlineRule(RuleBase):
    kind: Literal["deadline"]
    use_metadata: bool = Field(True, description="fall back to the file's modified/created date")

    def check(self, ctx: CheckContext) -> Iterable[Outcome]:
        campaign = ctx.campaign
        deadline = campaign.deadlines.get(ctx.doc_type) if campaign is not None else None
        if deadline is None:
            yield Outcome(None)
            return
        found = self._document_date(ctx)
        params = {"deadline": _ru(deadline.date), "campaign": campaign.title.get(ctx.lang)}
        if found is None:
            yield Outcome(False, params, message=_NO_DATE)
            return
        day, source, evidence, location = found
        ru, en = _SOURCES[source[0]]
        params.update(
            date=_ru(day),
            source=(en if ctx.lang == "en" else ru).format(marker=source[1]),
            found=f"{_ru(day)} ≤ {_ru(deadline.date)}",
        )
        yield Outcome(day <= deadline.date, params, evidence, location)

    def _document_date(self, ctx: CheckContext):
        if ctx.submitted is not None:
            return ctx.submitted, ("submitted", ""), None, None
        from checker.approval import dated_approval

        stamp = dated_approval(ctx.text)
        if stamp is not None and stamp.date is not None:
            unit = stamp.units[0]
            source = "stamp" if stamp.form == "signature" else stamp.form
            return stamp.date, (source, stamp.shown), unit.text.clean[:160], unit.location
        for unit, mention in ctx.dates:
            if id(unit) not in {id(u) for u in ctx.text.select("start", self.start_blocks)}:
                continue
            if mention.kind == "date" and _FROM.search(unit.text.folded[: mention.start]):
                day = mention.first_day()
                if day is not None:
                    return day, ("title", ""), snippet(unit.text.clean, mention.start, mention.end), unit.location
        if self.use_metadata:
            meta = ctx.document.metadata
            for name in ("modified", "created"):
                stamp_time = getattr(meta, name)
                if stamp_time is not None:
                    return stamp_time.date(), (name, ""), None, None
        return None
