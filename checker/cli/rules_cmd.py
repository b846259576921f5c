"""`checker rules`: list, validate (and the other tools for rule authors)."""

from __future__ import annotations

from pathlib import Path

import click

from checker.cli import _fail, main
from checker.errors import CheckerError


@main.group()
def rules() -> None:
    """Наборы правил: список, проверка."""


@rules.command("list")
@click.option("--rules", "paths", multiple=True, type=click.Path(path_type=Path))
@click.option("--lang", type=click.Choice(["ru", "en"]), default="ru")
def rules_list(paths: tuple[Path, ...], lang: str) -> None:
    """Список правил: id, типы документов, серьёзность, название."""
    from checker.engine.pack import load_packs

    try:
        packs = load_packs(list(paths) or None)
    except CheckerError as error:
        _fail(error.message(lang))
    for pack in packs:
        for rule in pack.rules:
            types = ",".join(rule.applies_to or pack.doc_types) or "*"
            click.echo(f"{rule.id}\t{types}\t{rule.severity}\t{rule.kind}\t{rule.title.get(lang)}")


@rules.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def rules_validate(paths: tuple[Path, ...]) -> None:
    """Проверить наборы правил; ошибки в виде файл:строка:столбец."""
    from checker.engine.pack import load_packs

    try:
        packs = load_packs(list(paths) or None)
    except CheckerError as error:
        _fail(error.message("ru"))
    click.echo(f"OK: наборов {len(packs)}, правил {sum(len(p.rules) for p in packs)}")
