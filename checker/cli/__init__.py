"""The `checker` command. Each subcommand lives in its own module, registered at the bottom."""

from __future__ import annotations

import datetime as dt
import sys
from typing import NoReturn

import click

from checker import __version__
from checker.cli.i18n import localize_commands, use_language
from checker.launch import interrupted, language_from_args
from checker.report import SEVERITY_RANK, Report, worst_failure

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_UNREADABLE, EXIT_NOT_CHECKED = 0, 1, 2, 3, 4


def _fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    click.echo(f"checker: {message}", err=True)
    sys.exit(code)


def _parse_date(value: str | None, lang: str = "ru") -> dt.date | None:
    if value is None:
        return None
    for fmt in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise click.BadParameter(
        f"date «{value}» not recognised; write DD.MM.YYYY or YYYY-MM-DD"
        if lang == "en"
        else f"дата «{value}» не распознана; пишите ДД.ММ.ГГГГ или ГГГГ-ММ-ДД"
    )


def exit_code(report: Report, fail_on: str) -> int:
    """3 unread files, then 4 documents not checked (type unknown, no text), then 1 findings: the
    codes about missing results come first, since then the findings are incomplete."""
    if report.summary.unreadable:
        return EXIT_UNREADABLE
    if report.summary.not_checked and fail_on != "never":
        return EXIT_NOT_CHECKED
    if fail_on != "never" and worst_failure(report) >= SEVERITY_RANK[fail_on]:
        return EXIT_FINDINGS
    return EXIT_OK


# Click's own texts (Usage:, Error:, «Did you mean …») in the language of the run, before any command is built.
use_language(language_from_args(sys.argv[1:]))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="checker", message="%(prog)s %(version)s")
def main() -> None:
    """Проверка документов программы ШНОР / «500+» на соответствие требованиям."""


def run() -> None:
    """Entry point: no traceback ever reaches a user."""
    try:
        # Not standalone: click would turn Ctrl-C into «Aborted!» and exit code 1.
        code = main(standalone_mode=False)
    except (KeyboardInterrupt, click.exceptions.Abort):
        interrupted()
    except click.exceptions.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except SystemExit:
        raise
    except Exception as exc:
        if language_from_args(sys.argv[1:]) == "en":
            click.echo(f"checker: internal error ({type(exc).__name__}: {exc}); please report it", err=True)
        else:
            click.echo(f"checker: внутренняя ошибка ({type(exc).__name__}: {exc}); сообщите разработчикам", err=True)
        sys.exit(EXIT_USAGE)
    sys.exit(code if isinstance(code, int) else EXIT_OK)


# subcommands register themselves on `main`; one line per module
from checker.cli import check, inspect_cmd, rules_cmd, serve  # noqa: E402, F401

localize_commands(main, language_from_args(sys.argv[1:]))
