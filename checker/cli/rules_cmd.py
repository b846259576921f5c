"""`checker rules`: list, explain, validate, test, schema: the tools for rule authors."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from checker.cli import EXIT_FINDINGS, EXIT_OK, _fail, main
from checker.errors import CheckerError
from checker.paths import DOC_TYPES

_RULES_OPTION = click.option(
    "--rules", "paths", multiple=True, type=click.Path(path_type=Path), help="Наборы правил (файлы или папки)."
)
_LANG_OPTION = click.option("--lang", type=click.Choice(["ru", "en"]), default="ru", show_default=True)


def _load(paths: tuple[Path, ...] | list[Path], lang: str = "ru") -> list:
    from checker.engine.pack import load_packs

    try:
        return load_packs(list(paths) or None)
    except CheckerError as error:
        _fail(error.message(lang))


@main.group()
def rules() -> None:
    """Наборы правил: список, описание, проверка, примеры, схема."""


@rules.command("list")
@_RULES_OPTION
@click.option("--type", "doc_type", type=click.Choice(DOC_TYPES), help="Только правила для этого типа.")
@_LANG_OPTION
def rules_list(paths: tuple[Path, ...], doc_type: str | None, lang: str) -> None:
    """Список правил: id, типы документов, слой требования, серьёзность, название."""
    packs = _load(paths, lang)
    layers = {
        "genre": ("жанр", "genre"),
        "programme": ("программа", "programme"),
        "campaign": ("кампания", "campaign"),
    }
    for pack in packs:
        for rule in pack.rules:
            types = rule.applies_to or pack.doc_types
            if doc_type and types and doc_type not in types:
                continue
            layer = layers[rule.layer][lang == "en"] + (f":{pack.campaign}" if pack.campaign else "")
            shown = ",".join(types) or "*"
            click.echo(f"{rule.id}\t{shown}\t{layer}\t{rule.severity}\t{rule.title.get(lang)}")


@rules.command("explain")
@click.argument("rule_id")
@_RULES_OPTION
@_LANG_OPTION
def rules_explain(rule_id: str, paths: tuple[Path, ...], lang: str) -> None:
    """Правило для методиста: что требуется, почему, откуда, примеры, как исправить."""
    from checker.engine.explain import explain

    packs = _load(paths, lang)
    found = [(p, r) for p in packs for r in p.rules if r.id.lower() == rule_id.lower()]
    if not found:
        _fail(f"правило {rule_id} не найдено" if lang == "ru" else f"rule {rule_id} not found")
    pack, rule = found[0]
    for line in explain(rule, list(rule.applies_to or pack.doc_types), lang):
        click.echo(line)


@rules.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@_LANG_OPTION
def rules_validate(paths: tuple[Path, ...], lang: str) -> None:
    """Проверить наборы правил; ошибки в виде файл:строка:столбец (код выхода 2)."""
    from checker.engine.pack import load_pack, shipped_pack_paths

    files: list[Path] = []
    for path in list(paths) or shipped_pack_paths():
        if path.is_dir():
            files.extend(sorted(path.glob("*.yaml")))
        else:
            files.append(path)
    errors, rules_count = [], 0
    for file in files:  # every file is checked, so one run lists the errors of all of them
        try:
            rules_count += len(load_pack(file).rules) if file.exists() else 0
            if not file.exists():
                errors.append(f"{file}: набор правил не найден" if lang == "ru" else f"{file}: rule pack not found")
        except CheckerError as error:
            errors.append(error.message(lang))
    if not errors:
        _load(list(paths), lang)  # ids must also be unique across the packs
        click.echo(f"OK: наборов {len(files)}, правил {rules_count}")
        return
    for line in errors:
        click.echo(line, err=True)
    _fail(f"ошибок в наборах правил: {len(errors)}" if lang == "ru" else f"rule pack errors: {len(errors)}")


@rules.command("test")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def rules_test(paths: tuple[Path, ...]) -> None:
    """Прогнать примеры правил (examples: pass / fail); код выхода 1 при расхождении."""
    from checker.engine.examples import run_examples
    from checker.engine.pack import shipped_pack_paths

    try:
        count, problems = run_examples(list(paths) or shipped_pack_paths())
    except CheckerError as error:
        _fail(error.message("ru"))
    for problem in problems:
        click.echo(str(problem))
    status = "FAILED" if problems else "OK"
    click.echo(f"{status}: примеров {count}, проблем {len(problems)}", err=bool(problems))
    sys.exit(EXIT_FINDINGS if problems else EXIT_OK)


@rules.command("schema")
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Записать в файл (иначе stdout).")
def rules_schema(output: Path | None) -> None:
    """JSON Schema наборов правил (из моделей pydantic)."""
    text = pack_schema_text()
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")


def pack_schema_text() -> str:
    """The published schema, byte for byte (schemas/rule-pack.schema.json)."""
    from checker.engine.pack import Pack

    schema = Pack.model_json_schema()
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://checker.local/schemas/rule-pack.schema.json",
        **schema,
        "title": "checker rule pack",
    }
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
