"""When «not found» may mean «not seen»: a text cut short or badly recognised turns an absence into a
doubt («не удалось проверить — проверьте вручную»), never an error."""

from __future__ import annotations

from typing import Any

from checker.engine.rule import Localized, Outcome

_WHY = {
    "truncated": ("текст документа обрывается", "the document's text stops short"),
    "ocr_poor": ("текст распознан с ошибками", "the text was recognised poorly"),
    "flattened_table": ("таблица не восстановлена из текста", "a table could not be rebuilt from the text"),
    "contents_only": ("в тексте только оглавление, без самих разделов", "the text holds only a contents page"),
}


def doubt_reason(
    ctx: Any, codes: tuple[str, ...] = ("truncated", "ocr_poor", "contents_only")
) -> tuple[str, str] | None:
    """Why an absence cannot be trusted in this document (Russian, English), or None."""
    document = getattr(ctx, "document", None)
    if document is None:
        return None
    suspected = set(getattr(document.metadata, "suspected", []) or [])
    for code in codes:
        if code in suspected:
            return _WHY[code]
    return None


def absence_outcome(
    ctx: Any, params: dict[str, Any], codes: tuple[str, ...] = ("truncated", "ocr_poor", "contents_only")
) -> Outcome:
    """A failing outcome for something not found, or an unverified one when the text may hide it."""
    reason = doubt_reason(ctx, codes)
    if reason is None:
        return Outcome(False, params)
    return Outcome(
        False,
        params,
        unverified=True,
        message=Localized(
            ru=f"Не удалось проверить требование «{{title}}»: не найдено, но {reason[0]}. Проверьте вручную.",
            en=f"Could not check the requirement «{{title}}»: not found, but {reason[1]}. Check it by hand.",
        ),
    )
