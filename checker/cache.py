"""Result cache: a document's report keyed by its content hash, the rule packs' hash, the version
and the options that change findings. A re-run over unchanged files skips parsing entirely."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from checker import __version__
from checker.engine.pack import Pack


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "checker"


def code_fingerprint() -> str:
    """Sizes and mtimes of the checker's own modules: a changed parser or rule kind is a new cache."""
    package = Path(__file__).resolve().parent
    parts = [__version__]
    for path in sorted(package.rglob("*.py")):
        stat = path.stat()
        parts.append(f"{path.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def packs_hash(packs: list[Pack]) -> str:
    digest = hashlib.sha256(code_fingerprint().encode())
    for pack in packs:
        digest.update(pack.model_dump_json().encode())
    return digest.hexdigest()[:16]


def file_hash(path: str) -> str | None:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


class ResultCache:
    def __init__(self, directory: Path, packs: list[Pack], options_key: str) -> None:
        self.directory = directory
        self.salt = hashlib.sha256(f"{packs_hash(packs)}|{options_key}".encode()).hexdigest()[:16]
        self.hits = 0

    def _file(self, content_hash: str, extra: str) -> Path:
        key = hashlib.sha256(f"{content_hash}|{self.salt}|{extra}".encode()).hexdigest()
        return self.directory / key[:2] / f"{key}.json"

    def get(self, content_hash: str, extra: str = "") -> tuple[str, str | None] | None:
        try:
            data = json.loads(self._file(content_hash, extra).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        self.hits += 1
        return data["report"], data.get("facts")

    def put(self, content_hash: str, report_json: str, facts_json: str | None, extra: str = "") -> None:
        from checker.outputs import write_atomic

        try:
            write_atomic(self._file(content_hash, extra), json.dumps({"report": report_json, "facts": facts_json}))
        except OSError:
            pass  # a read-only cache directory must not fail the check
