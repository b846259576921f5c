"""`checker check`: check files and folders, write reports, exit with the contract's code."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from checker.cli import _fail, _parse_date, exit_code, main
from checker.errors import CheckerError
from checker.paths import DOC_TYPES


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--type", "doc_type", type=click.Choice(DOC_TYPES), help="Тип документа (иначе определяется).")
@click.option("--rules", "rules", multiple=True, type=click.Path(path_type=Path), help="Свои наборы правил.")
@click.option("--format", "fmt", default="text", help="text | json")
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Записать отчёт в файл.")
@click.option(
    "--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default="error", show_default=True
)
@click.option("--lang", type=click.Choice(["ru", "en"]), default="ru", show_default=True)
@click.option("--campaign", help="Кампания (сроки): имя из rules/campaigns или путь к файлу.")
@click.option("--submitted", help="Дата подачи документа (ДД.ММ.ГГГГ): важнее дат внутри документа.")
@click.option("--color/--no-color", default=None, help="Цвет (по умолчанию только в терминале).")
def check(
    paths: tuple[str, ...],
    doc_type: str | None,
    rules: tuple[Path, ...],
    fmt: str,
    output: Path | None,
    fail_on: str,
    lang: str,
    campaign: str | None,
    submitted: str | None,
    color: bool | None,
) -> None:
    """Проверить файлы и папки."""
    from checker.engine.pack import load_packs
    from checker.outputs import write_atomic
    from checker.pipeline import CheckOptions, check_paths
    from checker.reporters import REPORTERS, render

    if fmt not in REPORTERS:
        _fail(f"неизвестный формат отчёта «{fmt}»; доступны: {', '.join(REPORTERS)}")
    try:
        packs = load_packs(list(rules) or None)
        chosen_campaign = None
        if campaign:
            from checker.campaign import load_campaign

            chosen_campaign = load_campaign(campaign)
    except CheckerError as error:
        _fail(error.message(lang))
    options = CheckOptions(
        doc_type=doc_type, lang=lang, campaign=chosen_campaign, submitted=_parse_date(submitted)
    )
    report = check_paths(list(paths), packs, options)
    if chosen_campaign is not None:
        report.campaign = chosen_campaign.name
    use_color = sys.stdout.isatty() if color is None else color
    rendered = render(fmt, report, color=use_color and output is None)
    if output is not None:
        write_atomic(output, rendered)
    elif isinstance(rendered, bytes):
        _fail(f"формат {fmt} двоичный: укажите --output ФАЙЛ")
    else:
        click.echo(rendered, nl=False)
    sys.exit(exit_code(report, fail_on))
