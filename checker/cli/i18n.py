"""Click's own texts — «Usage:», «Error: No such option», «Did you mean …», --help — through gettext:
Russian by default from the shipped catalogue (checker/locale/ru/LC_MESSAGES/checker.po), English with
`--lang en`. Click looks its texts up with module-level `_`/`ngettext`; they are pointed at our catalogue
for this process only, so the user's locale settings and other programs are untouched."""

from __future__ import annotations

import gettext
import importlib
from pathlib import Path

DOMAIN = "checker"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
_CLICK_MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.termui",
    "click.types",
    "click.utils",
)


def translation(lang: str) -> gettext.NullTranslations:
    if lang == "en":
        return gettext.NullTranslations()  # click's texts are English already
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def use_language(lang: str) -> None:
    """Send click's texts through the catalogue of `lang` for the rest of this process."""
    texts = translation(lang)
    for name in _CLICK_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:  # a module missing in some click version
            continue
        if hasattr(module, "_"):
            module._ = texts.gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = texts.ngettext  # type: ignore[attr-defined]


_RU_TYPES = {"text": "ТЕКСТ", "integer": "ЧИСЛО", "float": "ЧИСЛО", "integer range": "ЧИСЛО", "float range": "ЧИСЛО"}
_RU_ARGUMENTS = {"paths": "ПУТИ", "path": "ПУТЬ", "file": "ФАЙЛ", "rule_id": "ПРАВИЛО"}


def localize_commands(command, lang: str) -> None:
    """The placeholders click builds from English names («[OPTIONS]», «COMMAND [ARGS]...», «TEXT»,
    «PATHS...») in Russian, for `command` and every subcommand."""
    import click

    if lang == "en":
        return
    command.options_metavar = "[ПАРАМЕТРЫ]"
    if isinstance(command, click.Group):
        command.subcommand_metavar = "КОМАНДА [АРГУМЕНТЫ]..."
        for sub in command.commands.values():
            localize_commands(sub, lang)
    for param in command.params:
        if param.metavar is not None:
            continue
        if isinstance(param, click.Argument):
            name = _RU_ARGUMENTS.get(param.name or "", (param.name or "").upper())
            name += "..." if param.nargs != 1 else ""
            param.metavar = name if param.required else f"[{name}]"
        elif isinstance(param, click.Option) and not param.is_flag and param.type.name in _RU_TYPES:
            param.metavar = _RU_TYPES[param.type.name]
