"""What classification answers: the type, its sub-kind and level, and why (approval forms: checker.approval)."""

from __future__ import annotations

from pydantic import BaseModel, Field

SUBKIND_NAMES: dict[str, dict[str, str]] = {
    "press_release": {"ru": "пресс-релиз по итогам мероприятия", "en": "press release after the event"},
    "news": {"ru": "новость о прошедшем мероприятии", "en": "news item about a held event"},
    "announcement": {"ru": "анонс (приглашение) до мероприятия", "en": "announcement before the event"},
    "plan": {"ru": "план", "en": "plan"},
    "execution_report": {"ru": "отчёт об исполнении плана", "en": "report on the plan's execution"},
    "letter": {"ru": "письмо", "en": "letter"},
}

LEVEL_NAMES: dict[str, dict[str, str]] = {
    "school": {"ru": "уровень школы", "en": "school level"},
    "municipal": {"ru": "муниципальный уровень", "en": "municipal level"},
    "regional": {"ru": "региональный уровень", "en": "regional level"},
}


def _label(names: dict[str, dict[str, str]], key: str | None, lang: str) -> str | None:
    if key is None:
        return None
    found = names.get(key)
    return found.get(lang, found["ru"]) if found else key


class Candidate(BaseModel):
    doc_type: str
    score: float
    evidence: list[str] = Field(default_factory=list)


class Classification(BaseModel):
    doc_type: str
    confidence: float
    evidence: list[str]
    subkind: str | None = None  # press_release | news | announcement | plan | execution_report | letter
    level: str | None = None  # school | municipal | regional; None when unclear or not applicable
    candidates: list[Candidate] = Field(default_factory=list)  # the three best types, always
    reason: str | None = None  # why the type is unknown (Russian by default)
    reason_en: str | None = None

    def subkind_label(self, lang: str = "ru") -> str | None:
        return _label(SUBKIND_NAMES, self.subkind, lang)

    def level_label(self, lang: str = "ru") -> str | None:
        return _label(LEVEL_NAMES, self.level, lang)

    def reason_text(self, lang: str = "ru") -> str | None:
        return self.reason_en if lang == "en" and self.reason_en else self.reason
