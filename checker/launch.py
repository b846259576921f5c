"""The `checker` command's entry point, light enough to catch Ctrl-C while the program is still loading.

Importing `checker.cli` loads every parser and rule kind (about a second, longer on a busy machine); a
Ctrl-C in that time must end like one during a run: a Russian line and exit code 130, no traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import NoReturn

EXIT_INTERRUPTED = 130


def language_from_args(args: Sequence[str]) -> str:
    """`--lang en` / `--lang=en` anywhere on the command line (click parses it only after reporting a
    usage error, so it is read here first); Russian otherwise."""
    for index, arg in enumerate(args):
        if arg == "--":
            break
        value = args[index + 1] if arg == "--lang" and index + 1 < len(args) else None
        if arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value is not None:
            return "en" if value == "en" else "ru"
    return "ru"


def interrupted() -> NoReturn:
    english = language_from_args(sys.argv[1:]) == "en"
    sys.stderr.write("checker: interrupted by the user\n" if english else "checker: прервано пользователем\n")
    sys.exit(EXIT_INTERRUPTED)


def run() -> None:
    try:
        from checker.cli import run as run_command
    except KeyboardInterrupt:
        interrupted()
    run_command()
