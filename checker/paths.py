"""Where the shipped rule packs live: inside the installed package, or beside it in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def rules_dir() -> Path:
    installed = _PACKAGE / "rules"
    return installed if installed.is_dir() else _PACKAGE.parent / "rules"


DOC_TYPES = (
    "roadmap",
    "program",
    "press_release",
    "info_report",
    "seminar_program",
    "letter",
    "registration_sheet",
    "system_description",
    "plan_schedule",
    "concept_document",
    "development_program",
    "antirisk_program",
    "unknown",
)


# What a person calls each type (reports and the web page show these, ids stay in JSON)
DOC_TYPE_NAMES: dict[str, dict[str, str]] = {
    "press_release": {"ru": "Пресс-релиз или новость о мероприятии", "en": "Press release or news item"},
    "seminar_program": {"ru": "Программа семинара", "en": "Seminar programme"},
    "letter": {"ru": "Письмо", "en": "Letter"},
    "registration_sheet": {"ru": "Лист регистрации участников", "en": "Registration sheet"},
    "info_report": {"ru": "Информационная справка о реализации мероприятий", "en": "Information report"},
    "roadmap": {"ru": "Дорожная карта (план мероприятий)", "en": "Roadmap (action plan)"},
    "program": {
        "ru": "Программа перехода школы в эффективный режим (повышения качества образования)",
        "en": "School transition (quality improvement) programme",
    },
    "plan_schedule": {"ru": "План-график", "en": "Plan-schedule"},
    "system_description": {"ru": "Описание муниципальной системы работы", "en": "Municipal system description"},
    "concept_document": {"ru": "Концептуальный документ («500+»)", "en": "Concept document (500+)"},
    "development_program": {"ru": "Программа развития", "en": "Development programme"},
    "antirisk_program": {"ru": "Программа антирисковых мер («500+»)", "en": "Anti-risk programme (500+)"},
    "package": {"ru": "Пакет документов (папка)", "en": "Document package (folder)"},
    "unknown": {"ru": "тип не определён", "en": "type not recognised"},
}


def doc_type_name(doc_type: str, lang: str = "ru") -> str:
    names = DOC_TYPE_NAMES.get(doc_type)
    return names.get(lang, names["ru"]) if names else doc_type


_SUBKIND_WORDS = {
    "press_release": ("пресс-релиз по итогам события", "a press release after the event"),
    "news": ("новость", "a news item"),
    "announcement": ("анонс (до события)", "an announcement (before the event)"),
    "plan": ("план", "a plan"),
    "execution_report": ("отчёт об исполнении плана", "a report on the plan's execution"),
    "letter": ("письмо", "a letter"),
    "medium_term": ("среднесрочная программа «500+»", "a «500+» medium-term programme"),
    "general": ("программа развития школы", "a school development programme"),
}
_LEVEL_WORDS = {
    "school": ("школьный", "school"),
    "municipal": ("муниципальный", "municipal"),
    "regional": ("региональный", "regional"),
}


def subkind_name(subkind: str | None, lang: str = "ru") -> str:
    words = _SUBKIND_WORDS.get(subkind or "")
    return (words[1] if lang == "en" else words[0]) if words else (subkind or "")


def level_name(level: str | None, lang: str = "ru") -> str:
    words = _LEVEL_WORDS.get(level or "")
    return (words[1] if lang == "en" else words[0]) if words else (level or "")
