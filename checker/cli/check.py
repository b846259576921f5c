"""`checker check`: check files and folders, write reports, exit with the contract's code."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from checker.cli import _fail, _parse_date, exit_code, main
from checker.errors import CheckerError
from checker.paths import DOC_TYPES


def _report_spec(value: str, lang: str = "ru") -> tuple[str, Path]:
    fmt, sep, path = value.partition(":")
    if not sep or not path:
        raise click.BadParameter(
            f"«{value}»: expected FORMAT:PATH, e.g. sarif:out.sarif"
            if lang == "en"
            else f"«{value}»: ожидается ФОРМАТ:ПУТЬ, например sarif:out.sarif"
        )
    return fmt, Path(path)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--type", "doc_type", type=click.Choice(DOC_TYPES), help="Тип документа (иначе определяется).")
@click.option("--rules", "rules", multiple=True, type=click.Path(path_type=Path), help="Свои наборы правил.")
@click.option("--format", "fmt", default=None, help="Формат основного отчёта: text, json, sarif, junit, github, …")
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Записать основной отчёт в файл.")
@click.option("--report", "extra_reports", multiple=True, help="Ещё один отчёт: ФОРМАТ:ПУТЬ (можно повторять).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default=None,
              help="С какой серьёзности код выхода 1 (по умолчанию error).")
@click.option("--lang", type=click.Choice(["ru", "en"]), default=None, help="Язык сообщений (по умолчанию ru).")
@click.option("--campaign", help="Кампания (сроки): имя из rules/campaigns или путь к файлу.")
@click.option("--submitted", help="Дата подачи документа (ДД.ММ.ГГГГ): важнее дат внутри документа.")
@click.option("--profile", help="Профиль серьёзности: audit (оператор) или self-check (школа).")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=None, help="Процессов (по умолчанию все ядра).")
@click.option("--timeout", type=click.FloatRange(1, 3600), default=60.0, show_default=True,
              help="Предел времени на один файл, с.")
@click.option("--memory-mb", type=click.IntRange(0, 65536), default=2048, show_default=True,
              help="Предел памяти на процесс проверки, МБ (0 — без предела).")
@click.option("--ocr", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Распознавание сканов PDF (tesseract): auto — страницы без текста, always — все, never — нет.")
@click.option("--ocr-max-pages", type=click.IntRange(0, 1000), default=30, show_default=True,
              help="Сколько страниц скана распознавать в одном файле, не больше.")
@click.option("--cache-dir", type=click.Path(path_type=Path), help="Папка кэша результатов.")
@click.option("--no-cache", is_flag=True, help="Не использовать кэш.")
@click.option("--trust-manifests", is_flag=True,
              help="Учитывать manifest.csv и внутри проверяемых папок (по умолчанию — только манифест оператора).")
@click.option("--no-ignore", is_flag=True, help="Не учитывать файл принятых замечаний (для аудита).")
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="Файл настроек .checker.yaml.")
@click.option("--color/--no-color", default=None,
              help="Цвет (по умолчанию только в терминале и без переменной NO_COLOR).")
@click.option("--show-passed", "--verbose", "-v", "show_passed", is_flag=True,
              help="Показать и выполненные проверки (по умолчанию — только замечания).")
def check(
    paths: tuple[str, ...],
    doc_type: str | None,
    rules: tuple[Path, ...],
    fmt: str | None,
    output: Path | None,
    extra_reports: tuple[str, ...],
    fail_on: str | None,
    lang: str | None,
    campaign: str | None,
    submitted: str | None,
    profile: str | None,
    jobs: int | None,
    timeout: float,
    memory_mb: int,
    ocr: str,
    ocr_max_pages: int,
    cache_dir: Path | None,
    no_cache: bool,
    trust_manifests: bool,
    no_ignore: bool,
    config_path: Path | None,
    color: bool | None,
    show_passed: bool,
) -> None:
    """Проверить файлы и папки."""
    from checker.cache import default_cache_dir
    from checker.config import (
        Config,
        apply_severities,
        capped_jobs,
        find_config,
        ignored_config_notes,
        load_config,
        load_profile,
        report_target,
    )
    from checker.engine.pack import load_packs
    from checker.ignore import apply_ignore, find_ignore_files, load_ignore, load_ignore_files
    from checker.outputs import write_atomic
    from checker.pipeline import CheckOptions, RunSettings, check_paths
    from checker.reporters import REPORTERS, render

    try:
        config: Config = load_config(config_path) if config_path else find_config(list(paths))
        config_reports = [report_target(config, r) for r in config.reports]
    except CheckerError as error:
        _fail(error.message(lang or "ru"))
    for note in ignored_config_notes(list(paths), lang or config.lang or "ru"):  # docs/security.md
        click.echo(f"checker: {note}", err=True)
    lang = lang or config.lang or "ru"
    fail_on = fail_on or config.fail_on or "error"
    if fmt is None:
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" and "github" in REPORTERS else "text"
    reports = [(fmt, output), *config_reports, *(_report_spec(r, lang) for r in extra_reports)]
    for name, _ in reports:
        if name not in REPORTERS:
            _fail(
                f"unknown report format «{name}»; available: {', '.join(REPORTERS)}"
                if lang == "en"
                else f"неизвестный формат отчёта «{name}»; доступны: {', '.join(REPORTERS)}"
            )
    try:
        rule_paths = list(rules) or [Path(config.resolve(r)) for r in config.rules]
        packs = load_packs(rule_paths or None)
        chosen_profile = profile or config.profile
        packs = apply_severities(packs, load_profile(chosen_profile) if chosen_profile else None, config.overrides)
        chosen_campaign = None
        if campaign or config.campaign:
            from checker.campaign import load_campaign

            # a shipped campaign's name works here as on the command line; a path is relative to the config
            base = Path(config.source).parent if config.source and not campaign else None
            chosen_campaign = load_campaign(campaign or config.campaign or "", relative_to=base)
        if no_ignore:
            ignored = []
        elif config.ignore_file:
            ignored = load_ignore(Path(config.resolve(config.ignore_file)))
        else:  # found without a .checker.yaml too: working directory, beside the checked paths (docs/security.md)
            ignored = load_ignore_files(find_ignore_files(list(paths), config.source))
    except CheckerError as error:
        _fail(error.message(lang))
    options = CheckOptions(
        doc_type=doc_type,
        lang=lang,
        campaign=chosen_campaign,
        submitted=_parse_date(submitted, lang),
        ocr=ocr,
        ocr_max_pages=ocr_max_pages,
    )
    settings = RunSettings(
        jobs=capped_jobs(jobs or config.jobs),
        trust_manifests=trust_manifests,
        timeout=timeout,
        memory_mb=memory_mb,
        cache_dir=None if no_cache else (cache_dir or default_cache_dir()),
    )
    report = apply_ignore(check_paths(list(paths), packs, options, settings), ignored)
    if chosen_campaign is not None:
        report.campaign = chosen_campaign.name
    terminal_color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")  # https://no-color.org
    for name, path in reports:
        use_color = (terminal_color if color is None else color) and path is None
        if name == "text":
            from checker.reporters.text import render as render_text

            rendered: str | bytes = render_text(report, color=use_color, show_passed=show_passed)
        else:
            rendered = render(name, report, color=use_color)
        if path is not None:
            write_atomic(path, rendered)
        elif isinstance(rendered, bytes):
            _fail(
                f"the {name} format is binary: give --output FILE"
                if lang == "en"
                else f"формат {name} двоичный: укажите --output ФАЙЛ"
            )
        else:
            click.echo(rendered, nl=False)
    sys.exit(exit_code(report, fail_on))
