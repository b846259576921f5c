"""An operator's `manifest.csv` beside the submissions: file; municipality; received date.

The received date feeds the deadline checks (like --submitted, per file); the municipality goes
into every report."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from pydantic import BaseModel

MANIFEST_NAME = "manifest.csv"
_HEADERS = {
    "file": ("file", "файл", "имя файла", "документ"),
    "municipality": ("municipality", "муниципалитет", "муниципальное образование", "мо"),
    "received": ("received", "дата получения", "получен", "дата поступления", "дата"),
}


class ManifestEntry(BaseModel):
    municipality: str | None = None
    received: dt.date | None = None


def _date(value: str) -> dt.date | None:
    for fmt in ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y"):
        try:
            return dt.datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    return None


def read_manifest(folder: Path) -> dict[str, ManifestEntry]:
    """Entries keyed by resolved file path; a missing or unreadable manifest gives {}."""
    path = folder / MANIFEST_NAME
    try:
        raw = path.read_bytes()
    except OSError:
        return {}
    from checker.parsers.text import decode_text

    try:
        text, _ = decode_text(raw)
    except Exception:
        return {}
    dialect = "excel" if text.count(",") > text.count(";") else "excel-semicolon"
    if dialect == "excel-semicolon":
        rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    else:
        rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return {}
    header = [h.strip().lower() for h in rows[0]]
    columns = {key: next((i for i, h in enumerate(header) if h in names), None) for key, names in _HEADERS.items()}
    if columns["file"] is None:
        return {}
    entries: dict[str, ManifestEntry] = {}
    for row in rows[1:]:
        if len(row) <= columns["file"] or not row[columns["file"]].strip():
            continue
        def cell(key: str, row: list[str] = row) -> str:
            index = columns[key]
            return row[index].strip() if index is not None and index < len(row) else ""
        entries[str((folder / cell("file")).resolve())] = ManifestEntry(
            municipality=cell("municipality") or None, received=_date(cell("received"))
        )
    return entries
