"""When a failing check may be the parser's blind spot rather than the document's defect.

A rule that did not find what it needs asks here whether the text it saw is the whole document: a text that
stops mid-sentence (the layout pass marks it `truncated`), one that came from a poor OCR (`ocr_poor`) or one
that is a contents page without the sections it lists (`contents_only`) may hold the missing part in what
was lost. Then the finding is «не удалось проверить», a warning, not an error."""

from __future__ import annotations

from checker.engine.context import CheckContext
from checker.engine.rule import Localized

_REASONS = {
    "truncated": ("текст документа обрывается, недостающее может быть в потерянной части",
                  "the text stops short; what is missing may be in the lost part"),
    "ocr_poor": ("текст распознан со скана с ошибками, недостающее могло не распознаться",
                 "the text comes from a poor OCR; what is missing may not have been recognised"),
    "contents_only": ("в тексте только оглавление, без самих разделов, а недостающее может быть в них",
                      "the text holds only a contents page, not the sections; what is missing may be in them"),
}  # fmt: skip

UNSEEN = Localized(
    ru="Не удалось проверить требование «{title}»: {doubt}. Проверьте вручную.",
    en="Could not check the requirement «{title}»: {doubt_en}. Check it by hand.",
)


def blind_spot(ctx: CheckContext) -> dict[str, str] | None:
    """Why the text may lack what a rule looks for (params for UNSEEN), or None when it is whole."""
    for code, (ru, en) in _REASONS.items():
        if code in ctx.document.metadata.suspected:
            return {"doubt": ru, "doubt_en": en}
    return None
