"""When «not found» may mean «not seen»: the parser's blind spot, not the document's defect.

A rule that did not find what it needs asks here whether the text it saw is the whole document: a text that
stops mid-sentence (the layout pass marks it `truncated`), one that came from a poor OCR (`ocr_poor`), one
that is a contents page without the sections it lists (`contents_only`) or one with a table the layout could
not rebuild (`flattened_table`) may hold the missing part in what was lost. Then the finding is «не удалось
проверить требование «…»: … Проверьте вручную», a warning, never an error. Every rule kind words it the same
way, from the reasons below."""

from __future__ import annotations

from typing import Any

from checker.engine.rule import Localized, Outcome

# code → (short reason ru, en; with what may follow from it ru, en)
_WHY = {
    "truncated": (
        "текст документа обрывается",
        "the document's text stops short",
        "текст документа обрывается, недостающее может быть в потерянной части",
        "the text stops short; what is missing may be in the lost part",
    ),
    "ocr_poor": (
        "текст распознан с ошибками",
        "the text was recognised poorly",
        "текст распознан со скана с ошибками, недостающее могло не распознаться",
        "the text comes from a poor OCR; what is missing may not have been recognised",
    ),
    "contents_only": (
        "в тексте только оглавление, без самих разделов",
        "the text holds only a contents page",
        "в тексте только оглавление, без самих разделов, а недостающее может быть в них",
        "the text holds only a contents page, not the sections; what is missing may be in them",
    ),
    "flattened_table": (
        "таблица не восстановлена из текста",
        "a table could not be rebuilt from the text",
        "таблица не восстановлена из текста, недостающее может быть в ней",
        "a table could not be rebuilt from the text; what is missing may be in it",
    ),
}
_DEFAULT = ("truncated", "ocr_poor", "contents_only")
_RUNNING_WORDS = 25  # a paragraph this long is running text, not a letterhead, an addressee or a title

# for a rule that names nothing it found: {doubt} is the long reason (`blind_spot`)
UNSEEN = Localized(
    ru="Не удалось проверить требование «{title}»: {doubt}. Проверьте вручную.",
    en="Could not check the requirement «{title}»: {doubt_en}. Check it by hand.",
)


def _suspected(ctx: Any) -> set[str]:
    document = getattr(ctx, "document", None)
    return set(getattr(getattr(document, "metadata", None), "suspected", None) or [])


def codes_for(rule: Any, ctx: Any) -> tuple[str, ...]:
    """The doubts that can hide what a rule looks for. A rule that reads only the opening blocks (a letter's
    addressee, its number) loses nothing when the text is cut at the end, once the running text has begun
    within them: what it looks for stands above that."""
    document = getattr(ctx, "document", None)
    if getattr(rule, "scope", None) != "start" or document is None:
        return _DEFAULT
    opening = document.blocks[: getattr(rule, "start_blocks", 8)]
    if any(block.kind == "paragraph" and len(block.text.split()) >= _RUNNING_WORDS for block in opening):
        return ("ocr_poor",)
    return _DEFAULT


def doubt_reason(ctx: Any, codes: tuple[str, ...] = _DEFAULT) -> tuple[str, str] | None:
    """Why an absence cannot be trusted in this document (Russian, English; short), or None."""
    suspected = _suspected(ctx)
    for code in codes:
        if code in suspected:
            return _WHY[code][0], _WHY[code][1]
    return None


def blind_spot(ctx: Any) -> dict[str, str] | None:
    """Why the text may lack what a rule looks for (the params of UNSEEN), or None when it is whole."""
    suspected = _suspected(ctx)
    for code in _DEFAULT:
        if code in suspected:
            return {"doubt": _WHY[code][2], "doubt_en": _WHY[code][3]}
    return None


def absence_outcome(ctx: Any, params: dict[str, Any], codes: tuple[str, ...] = _DEFAULT) -> Outcome:
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
