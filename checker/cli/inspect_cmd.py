"""`checker inspect`: the parsed Document as the rules see it."""

from __future__ import annotations

import re
from pathlib import Path

import click

from checker.cli import EXIT_UNREADABLE, _fail, main
from checker.errors import CheckerError

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")  # all but \t and \n


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
    from checker.sources import shown_text

    try:
        document = parse_file(path, layout=not raw)
    except CheckerError as error:
        _fail(_CONTROL.sub(" ", shown_text(f"{path}: {error.message(lang)}")), EXIT_UNREADABLE)
    shown = render_inspection(document, fmt, lemmas=lemmas, lang=lang)
    if fmt == "text":  # the document's own control characters never drive the terminal (docs/security.md)
        shown = _CONTROL.sub(" ", shown)
    click.echo(shown, nl=False)
