"""`checker inspect`: the parsed Document as the rules see it."""

from __future__ import annotations

from pathlib import Path

import click

from checker.cli import EXIT_UNREADABLE, _fail, main
from checker.errors import CheckerError


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option("--lemmas", is_flag=True, help="Показать леммы каждого блока.")
@click.option("--lang", type=click.Choice(["ru", "en"]), default="ru")
@click.option("--raw", is_flag=True, help="Без восстановления разметки: документ, каким его собрал разборщик формата.")
def inspect(path: Path, fmt: str, lemmas: bool, lang: str, raw: bool) -> None:
    """Показать документ так, как его видят правила."""
    from checker.inspection import render_inspection
    from checker.parsers import parse_file

    try:
        document = parse_file(path, layout=not raw)
    except CheckerError as error:
        _fail(f"{path}: {error.message(lang)}", EXIT_UNREADABLE)
    click.echo(render_inspection(document, fmt, lemmas=lemmas, lang=lang), nl=False)
