"""An operator's `manifest.csv` beside the submissions: file; municipality; received date.

The received date feeds the deadline checks (like --submitted, per file); the municipality goes
into every report.

Trust (docs/security.md): the operator's manifest is the one at the top of a checked folder, or beside
a file named directly; it applies to the whole tree below it (a `file` cell names a file by its path
from the manifest's folder: `Школа 1/релиз.docx`). A
`manifest.csv` deeper inside a checked folder was written by the submitter: it is reported and not
used — a school must not set its own received date — unless the operator passes `--trust-manifests`.
"""

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


def _rows(folder: Path) -> list[tuple[str, ManifestEntry]]:
    """(file cell as written, entry) of the manifest in `folder`; [] when missing or unreadable."""
    path = folder / MANIFEST_NAME
    try:
        raw = path.read_bytes()
    except OSError:
        return []
    from checker.parsers.text import decode_text

    try:
        text, _ = decode_text(raw)
    except Exception:
        return []
    dialect = "excel" if text.count(",") > text.count(";") else "excel-semicolon"
    if dialect == "excel-semicolon":
        rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    else:
        rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return []
    header = [h.strip().lower() for h in rows[0]]
    columns = {key: next((i for i, h in enumerate(header) if h in names), None) for key, names in _HEADERS.items()}
    if columns["file"] is None:
        return []
    found: list[tuple[str, ManifestEntry]] = []
    for row in rows[1:]:
        if len(row) <= columns["file"] or not row[columns["file"]].strip():
            continue

        def cell(key: str, row: list[str] = row) -> str:
            index = columns[key]
            return row[index].strip() if index is not None and index < len(row) else ""

        entry = ManifestEntry(municipality=cell("municipality") or None, received=_date(cell("received")))
        found.append((cell("file"), entry))
    return found


def read_manifest(folder: Path) -> dict[str, ManifestEntry]:
    """Entries keyed by resolved file path; a missing or unreadable manifest gives {}."""
    return {str((folder / name).resolve()): entry for name, entry in _rows(folder)}

UNTRUSTED_NOTE_RU = (
    "manifest.csv в присланной папке не учитывается: даты получения и муниципалитет берутся только из "
    "манифеста оператора (доверять манифестам в папках: --trust-manifests)"
)
UNTRUSTED_NOTE_EN = (
    "manifest.csv inside a submitted folder is not used: received dates and municipalities come from the "
    "operator's manifest only (to trust manifests in folders: --trust-manifests)"
)


class Manifests:
    """The manifests that apply to one run over `checked` (the paths the operator named)."""

    def __init__(self, checked: list[str], trust_inside: bool = False) -> None:
        self.trust_inside = trust_inside
        self.roots = [Path(p).resolve() for p in checked if Path(p).is_dir()]
        self._read: dict[Path, dict[str, ManifestEntry]] = {}
        self.operator_folders: list[Path] = []
        for given in checked:
            path = Path(given).resolve()
            folder = path if path.is_dir() else path.parent
            if folder not in self.operator_folders:
                self.operator_folders.append(folder)
        self.untrusted: set[Path] = set()

    def _lookup(self, folder: Path, path: Path) -> ManifestEntry | None:
        if folder not in self._read:
            self._read[folder] = read_manifest(folder)
        return self._read[folder].get(str(path))

    def entry(self, file: str) -> ManifestEntry | None:
        """The entry for one file: the operator's manifest above it first; a submitter's own (the nearest
        one in its folders) only when trusted — and then noted; otherwise it is only noted."""
        path = Path(file).resolve()
        for folder in self.operator_folders:
            if folder == path.parent or folder in path.parents:
                found = self._lookup(folder, path)
                if found is not None:
                    return found
        for folder in (path.parent, *path.parent.parents):
            if folder in self.operator_folders or not any(root in folder.parents for root in self.roots):
                break
            if (folder / MANIFEST_NAME).is_file():
                self.untrusted.add(folder)
                if self.trust_inside:
                    return self._lookup(folder, path)
                return None
        return None

    def note_for(self, file: str, lang: str = "ru") -> str | None:
        """The note for a file below a submitter's manifest that was not used."""
        if self.trust_inside:
            return None
        path = Path(file).resolve()
        if any(folder == path.parent or folder in path.parents for folder in self.untrusted):
            return UNTRUSTED_NOTE_EN if lang == "en" else UNTRUSTED_NOTE_RU
        return None
