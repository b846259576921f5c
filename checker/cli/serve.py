"""`checker serve`: the upload page and JSON API (checker.web) on a local port."""

from __future__ import annotations

import click

from checker.cli import _fail, main
from checker.errors import CheckerError


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Адрес; 0.0.0.0 — доступ из локальной сети (без пароля: только в доверенной сети).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Порт.")
@click.option("--max-file-mb", type=click.IntRange(1, 50), default=20, show_default=True,
              help="Предел размера одного файла, МБ.")
@click.option("--max-request-mb", type=click.IntRange(1, 500), default=60, show_default=True,
              help="Предел всех файлов одного запроса, МБ.")
@click.option("--timeout", type=click.FloatRange(5, 3600), default=60.0, show_default=True,
              help="Предел времени на один запрос, с.")
def serve(host: str, port: int, max_file_mb: int, max_request_mb: int, timeout: float) -> None:
    """Веб-страница для проверки документов (и JSON API)."""
    import uvicorn

    from checker.web.app import create_app

    try:
        app = create_app(max_file_mb=max_file_mb, max_request_mb=max_request_mb, timeout=timeout)
    except CheckerError as error:  # a broken rule pack must stop the start, in words
        _fail(error.message("ru"))
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"checker: откройте в браузере http://{shown}:{port}/ (остановить — Ctrl+C)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info", timeout_graceful_shutdown=5)
