"""Result cache: a document's report keyed by its content hash, the rule packs' hash, the version
and the options that change findings. A re-run over unchanged files skips parsing entirely.

The cache holds data, never code (JSON), and every entry is validated when read: a file of the wrong
shape, for another key, or whose verdict does not follow from its findings is deleted and the document
is checked again. An entry knows nothing of where its bytes were found: the path, the fingerprints of
its findings (they name the file) and every path-dependent decision (ignore file, manifest, folder
rules) are applied to the copy being checked, so school B's byte-identical file never inherits what
was decided for school A's (docs/security.md)."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from checker import __version__
from checker.engine.pack import Pack

if TYPE_CHECKING:
    from checker.facts import DocumentFacts
    from checker.report import DocumentReport


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "checker"


def code_fingerprint() -> str:
    """Sizes and mtimes of the checker's own modules and data (type signals, lexicon): a changed parser,
    rule kind or classifier is a new cache."""
    from checker.paths import rules_dir

    package = Path(__file__).resolve().parent
    parts = [__version__]
    files = [*sorted(package.rglob("*.py")), *sorted((rules_dir() / "data").glob("*.yaml"))]
    for path in files:
        stat = path.stat()
        parts.append(f"{path.name}:{path.parent.name}:{stat.st_size}:{stat.st_mtime_ns}")
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
        self.usable = private_dir(directory)  # a folder others can write to is neither read nor written

    def _key(self, content_hash: str, extra: str) -> str:
        return hashlib.sha256(f"{content_hash}|{self.salt}|{extra}".encode()).hexdigest()

    def _file(self, content_hash: str, extra: str) -> Path:
        key = self._key(content_hash, extra)
        return self.directory / key[:2] / f"{key}.json"

    def get(
        self, content_hash: str, extra: str = "", path: str | None = None
    ) -> tuple[DocumentReport, DocumentFacts | None] | None:
        """The validated entry for these bytes, re-homed to `path` (None: nothing usable cached)."""
        if not self.usable:
            return None
        file = self._file(content_hash, extra)
        try:
            raw = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        entry = _validated(raw, self._key(content_hash, extra))
        if entry is None:
            with contextlib.suppress(OSError):
                file.unlink()  # a bad entry is dropped; the document is checked again
            return None
        self.hits += 1
        report, facts = entry
        return rehome(report, facts, path) if path is not None else (report, facts)

    def put(self, content_hash: str, report_json: str, facts_json: str | None, extra: str = "") -> None:
        from checker.outputs import write_atomic

        try:
            if not self.usable:
                return
            entry = {"key": self._key(content_hash, extra), "report": report_json, "facts": facts_json}
            write_atomic(self._file(content_hash, extra), json.dumps(entry))
        except OSError:
            pass  # a read-only cache directory must not fail the check


def private_dir(directory: Path) -> bool:
    """Create the cache folder for this user only; refuse one that others may write to (anyone who can
    plant an entry there could set a verdict)."""
    try:
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        info = directory.stat()
    except OSError:
        return False
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return False
    return not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _validated(raw: str, key: str) -> tuple[DocumentReport, DocumentFacts | None] | None:
    """Parse and check one entry; None when anything is off."""
    from pydantic import ValidationError

    from checker.facts import DocumentFacts
    from checker.report import DocumentReport, verdict_for

    try:
        data = json.loads(raw)
        if not isinstance(data, dict) or data.get("key") != key or not isinstance(data.get("report"), str):
            return None
        report = DocumentReport.model_validate_json(data["report"])
        facts_json = data.get("facts")
        facts = DocumentFacts.model_validate_json(facts_json) if isinstance(facts_json, str) else None
    except (ValueError, TypeError, ValidationError, RecursionError):
        return None
    if report.kind != "document" or any(f.ignored for f in report.findings):
        return None  # accepted findings are decided per run, never stored
    if report.verdict == "unreadable":
        return (report, facts) if report.reason_code else None
    checked = report.verdict != "not_checked"
    if report.verdict != verdict_for(report.findings, checked=checked):
        return None
    return report, facts


def rehome(
    report: DocumentReport, facts: DocumentFacts | None, path: str
) -> tuple[DocumentReport, DocumentFacts | None]:
    """A cached result for the file at `path`: its path and the fingerprints that name the file."""
    from checker.report import fingerprint
    from checker.sources import shown_path

    path = shown_path(path)
    findings = [
        f.model_copy(update={"fingerprint": fingerprint(path, f.rule_id, f.location, f.evidence)})
        for f in report.findings
    ]
    report = report.model_copy(update={"path": path, "findings": findings})
    return report, (facts.model_copy(update={"path": path}) if facts is not None else None)
