"""The web interface of `checker serve`: a no-JavaScript upload page, a JSON API and an OpenAPI description.

Every request gets a fresh temporary folder; uploads are streamed into it under generated names (never the
client's), with size limits enforced while streaming, and the folder is removed once the check is over,
whatever happens. The check itself is the CLI's `check_paths` run in a thread, so the JSON answer is the
same contract as `checker check --format json` and the HTML is the HTML reporter's document sections."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing as mp
import os
import re
import signal
import stat
import sys
import tempfile
import threading
import time
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field
from html import escape
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO, ClassVar
from urllib.parse import urlsplit

from python_multipart.multipart import MultipartParseError, MultipartParser, parse_options_header
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from checker import __version__
from checker.campaign import Campaign, available_campaigns, load_campaign
from checker.engine.kinds.package import IMAGE_SUFFIXES, MATERIAL_SUFFIXES
from checker.engine.pack import Pack, load_packs
from checker.paths import DOC_TYPES, doc_type_name
from checker.pipeline import CheckOptions, RunSettings, check_paths
from checker.report import Report, fingerprint
from checker.reporters import json_report
from checker.reporters.html import page, render_document_section, verdict_badge
from checker.sources import DOCUMENT_EXTENSIONS, MAX_FILE_BYTES, MAX_ZIP_RATIO, ZIP_RATIO_MIN_BYTES, human_size

log = logging.getLogger("checker.web")

UPLOAD_EXTENSIONS = (
    ".docx", ".docm", ".dotx", ".dotm", ".pdf", ".doc", ".rtf", ".odt", ".fodt", ".xml", ".txt", ".md", ".zip",
)  # fmt: skip
# What a seminar package may hold besides documents: photos and materials count in the package rules.
PACKAGE_EXTENSIONS = frozenset(DOCUMENT_EXTENSIONS | IMAGE_SUFFIXES | MATERIAL_SUFFIXES)

MAX_FILES = 20  # files per request
MAX_FIELDS = 10
MAX_FIELD_BYTES = 1024
ZIP_MAX_ENTRIES = 1000
ZIP_MAX_DOCUMENTS = 50  # each document may take up to the per-document timeout
ZIP_MAX_ENTRY_BYTES = MAX_FILE_BYTES  # the pipeline refuses bigger files anyway
ZIP_MAX_TOTAL_BYTES = 200 * 1024 * 1024  # unpacked, for all archives of one request together
ZIP_MAX_DEPTH = 12  # folder nesting inside an archive (a real package has two or three levels)
ZIP_MAX_NAME = 255  # bytes of one name inside an archive
CHUNK = 64 * 1024
DRAIN_SECONDS = 5.0
_DRIVE = re.compile(r"^[A-Za-z]:")


class UploadError(Exception):
    """A request the service refuses, with the HTTP status and a Russian message for the user."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def clean_name(raw: str, limit: int = 150) -> str:
    """A client-supplied name made safe to show: no control or bidi characters, bounded length."""
    text = "".join(ch for ch in raw if unicodedata.category(ch)[0] != "C")
    return text.strip()[:limit]


def display_name(raw: str, index: int) -> str:
    """The client's file name as shown in reports: the last path component only, cleaned."""
    return clean_name(raw.replace("\\", "/").rsplit("/", 1)[-1]) or f"файл {index}"


def _suffix(name: str, allowed: frozenset[str] | tuple[str, ...]) -> str:
    suffix = PurePosixPath(name.lower()).suffix
    return suffix if suffix in allowed else ""


@dataclass
class Upload:
    display: str  # what the client called it (display only)
    disk: Path  # generated: 001.docx
    size: int = 0

    @property
    def is_zip(self) -> bool:
        return self.disk.suffix == ".zip"


@dataclass
class Form:
    files: list[Upload] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)


class _Receiver:
    """python-multipart callbacks: file parts go straight to disk under generated names, size-checked."""

    def __init__(self, root: Path, max_file: int) -> None:
        self.root, self.max_file = root, max_file
        self.form = Form()
        self._header_name = b""
        self._header_value = b""
        self._headers: dict[bytes, bytes] = {}
        self._field = ""
        self._data = bytearray()
        self._upload: Upload | None = None
        self._out: BinaryIO | None = None
        self._skip = False

    def callbacks(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in (
            "on_part_begin", "on_part_data", "on_part_end", "on_header_field", "on_header_value",
            "on_header_end", "on_headers_finished",
        )}

    def on_part_begin(self) -> None:
        self._headers, self._field, self._data, self._upload, self._skip = {}, "", bytearray(), None, False

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_name += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def on_header_end(self) -> None:
        self._headers[self._header_name.strip().lower()] = self._header_value
        self._header_name, self._header_value = b"", b""

    def on_headers_finished(self) -> None:
        _, options = parse_options_header(self._headers.get(b"content-disposition", b""))
        self._field = options.get(b"name", b"").decode("utf-8", "replace")
        if b"filename" not in options:
            if len(self.form.fields) >= MAX_FIELDS:
                raise UploadError(400, "bad_request", "В форме слишком много полей")
            return
        raw = options[b"filename"].decode("utf-8", "replace")
        if not raw:
            self._skip = True  # a file input left empty by the browser
            return
        if self._field != "files":
            raise UploadError(400, "bad_request", f"Файлы передаются в поле files, а не «{clean_name(self._field)}»")
        if len(self.form.files) >= MAX_FILES:
            raise UploadError(413, "too_many_files", f"Слишком много файлов за один раз: не больше {MAX_FILES}. "
                              "Отправьте остальные отдельно или упакуйте их в один ZIP-архив.")
        index = len(self.form.files) + 1
        # Only the index and a whitelisted extension reach the disk; an unknown type gets .bin and the
        # pipeline then says by content what the file really is.
        ext = _suffix(raw, UPLOAD_EXTENSIONS) or ".bin"
        self._upload = Upload(display=display_name(raw, index), disk=self.root / f"{index:03d}{ext}")
        self._out = self._upload.disk.open("xb")

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        if self._skip:
            return
        chunk = data[start:end]
        if self._upload is None:
            if len(self._data) + len(chunk) > MAX_FIELD_BYTES:
                raise UploadError(400, "bad_request", "Слишком длинное значение поля формы")
            self._data.extend(chunk)
            return
        self._upload.size += len(chunk)
        if self._upload.size > self.max_file:
            raise UploadError(413, "file_too_large", f"Файл «{self._upload.display}» больше "
                              f"{self.max_file // (1024 * 1024)} МБ — такой файл проверить нельзя. "
                              "Сожмите изображения в документе или разделите его на части.")
        assert self._out is not None
        self._out.write(chunk)

    def on_part_end(self) -> None:
        if self._upload is not None:
            self.close()
            self.form.files.append(self._upload)
        elif not self._skip:
            self.form.fields[self._field] = self._data.decode("utf-8", "replace").strip()

    def close(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None


def _request_too_large(limit: int) -> UploadError:
    return UploadError(413, "request_too_large", f"Вместе файлы больше {limit // (1024 * 1024)} МБ. "
                       "Отправьте их по частям.")


async def receive_form(request: Request, root: Path, max_file: int, max_request: int) -> Form:
    """Stream a multipart body into `root`, never holding more than a chunk in memory."""
    ctype, params = parse_options_header(request.headers.get("content-type"))
    if ctype != b"multipart/form-data" or not params.get(b"boundary"):
        raise UploadError(400, "bad_request", "Отправьте файлы формой multipart/form-data в поле files")
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > max_request:
        raise _request_too_large(max_request)
    receiver = _Receiver(root, max_file)
    parser = MultipartParser(params[b"boundary"], receiver.callbacks())
    total = 0
    try:
        async for chunk in request.stream():
            total += len(chunk)
            if total > max_request:
                raise _request_too_large(max_request)
            parser.write(chunk)
        parser.finalize()
    except MultipartParseError:
        raise UploadError(400, "bad_request", "Форма с файлами повреждена или пришла не полностью") from None
    except ClientDisconnect:
        raise UploadError(400, "bad_request", "Загрузка прервана") from None
    finally:
        receiver.close()
    return receiver.form


async def drain(request: Request, limit: int) -> None:
    """Read (and drop) what is left of a refused upload, so a browser gets the 413 page, not a reset."""
    read = 0
    try:
        async with asyncio.timeout(DRAIN_SECONDS):
            async for chunk in request.stream():
                read += len(chunk)
                if read > limit:
                    return
    except (TimeoutError, ClientDisconnect, RuntimeError):
        return  # RuntimeError: the stream was already consumed


def _zip_refused(shown: str, detail: str) -> UploadError:
    return UploadError(400, "zip_rejected", f"Архив «{shown}» отклонён: {detail}. Проверка не проводилась.")


def vet_zip(infos: list[zipfile.ZipInfo], shown: str, archive_bytes: int = 0, budget: int = ZIP_MAX_TOTAL_BYTES) -> int:
    """Refuse hostile archives before anything is extracted: unsafe names, links, passwords, bombs, deep
    nesting. `budget` is what the request may still unpack; returns the declared unpacked total."""
    bomb = "похоже на zip-бомбу"
    if len(infos) > ZIP_MAX_ENTRIES:
        raise _zip_refused(shown, f"в нём {len(infos)} файлов (предел {ZIP_MAX_ENTRIES})")
    total = 0
    for info in infos:
        name = info.filename.replace("\\", "/")
        shown_entry = clean_name(info.filename, 100)
        if name.startswith("/") or _DRIVE.match(name) or ".." in name.split("/") or "\x00" in name:
            raise _zip_refused(shown, f"файл «{shown_entry}» указывает за пределы архива (опасный путь)")
        parts = [p for p in name.split("/") if p not in ("", ".")]
        if len(parts) > ZIP_MAX_DEPTH + 1:
            raise _zip_refused(shown, f"папки вложены слишком глубоко: {len(parts) - 1} уровней "
                               f"(предел {ZIP_MAX_DEPTH})")
        if any(len(p.encode("utf-8", "replace")) > ZIP_MAX_NAME for p in parts):
            raise _zip_refused(shown, f"слишком длинное имя «{shown_entry}»")
        if stat.S_ISLNK(info.external_attr >> 16):
            raise _zip_refused(shown, f"«{shown_entry}» — символическая ссылка, такие архивы не принимаются")
        if info.flag_bits & 0x1:
            raise _zip_refused(shown, "архив защищён паролем — пришлите архив без пароля")
        total += info.file_size
        if info.file_size > ZIP_MAX_ENTRY_BYTES:
            raise _zip_refused(shown, f"{bomb}: «{shown_entry}» распаковывается в {human_size(info.file_size)} "
                               f"(предел {human_size(ZIP_MAX_ENTRY_BYTES)})")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size >= ZIP_RATIO_MIN_BYTES and ratio > MAX_ZIP_RATIO:
            raise _zip_refused(shown, f"{bomb}: «{shown_entry}» сжат в {ratio:.0f} раз (предел {MAX_ZIP_RATIO})")
    if total > budget:
        raise _zip_refused(shown, f"{bomb}: всего {human_size(total)} после распаковки "
                           f"(предел на один запрос {human_size(ZIP_MAX_TOTAL_BYTES)})")
    # many entries just under the per-entry threshold: the archive as a whole must not expand too much
    if archive_bytes and total >= ZIP_RATIO_MIN_BYTES and total / archive_bytes > MAX_ZIP_RATIO:
        raise _zip_refused(shown, f"{bomb}: архив распаковывается в {total / archive_bytes:.0f} раз больше "
                           f"своего размера (предел {MAX_ZIP_RATIO})")
    return total


def unpack_zip(archive: Path, target: Path, shown: str, names: dict[str, str],
               budget: list[int] | None = None) -> Path:
    """Vet, then extract a package beside `target` with generated names; record disk path → display name.
    Returns the folder made. `budget` ([bytes]) is what the request may still unpack; it is spent here.

    Folders keep their nesting (folder-level rules run per folder); a folder whose name mentions a seminar
    gets the marker `-семинар` in its generated name, because the package rules look for it there."""
    try:
        with zipfile.ZipFile(archive) as zf:
            infos = zf.infolist()
            allowed = budget[0] if budget is not None else ZIP_MAX_TOTAL_BYTES
            vet_zip(infos, shown, archive.stat().st_size, allowed)
            marker = "-семинар" if "семинар" in shown.lower() else ""
            root = target.with_name(target.name + marker)
            root.mkdir()
            names[str(root)] = shown
            dirs: dict[tuple[str, ...], Path] = {(): root}
            documents = written = 0
            for info in infos:
                parts = [p for p in info.filename.replace("\\", "/").split("/") if p not in ("", ".")]
                if info.is_dir() or not parts or any(p.startswith((".", "~$")) or p == "__MACOSX" for p in parts):
                    continue  # folders are made on demand; system junk is not part of a package
                suffix = _suffix(parts[-1], PACKAGE_EXTENSIONS)
                if not suffix:
                    continue  # nested archives, programs: not something the package rules look at
                if suffix in DOCUMENT_EXTENSIONS:
                    documents += 1
                    if documents > ZIP_MAX_DOCUMENTS:
                        raise _zip_refused(shown, f"в нём больше {ZIP_MAX_DOCUMENTS} документов — "
                                           "разделите его на несколько архивов")
                folder = root
                for depth in range(1, len(parts)):
                    key = tuple(parts[:depth])
                    if key not in dirs:
                        mark = "-семинар" if "семинар" in key[-1].lower() else ""
                        dirs[key] = dirs[key[:-1]] / f"d{len(dirs):03d}{mark}"
                        dirs[key].mkdir()
                        names[str(dirs[key])] = shown + "/" + "/".join(clean_name(p) for p in key)
                    folder = dirs[key]
                disk = folder / f"{len(names):04d}{suffix}"
                with zf.open(info) as src, disk.open("xb") as dst:
                    while chunk := src.read(CHUNK):
                        written += len(chunk)  # declared sizes can lie: count what really comes out
                        if written > allowed:
                            raise _zip_refused(shown, "похоже на zip-бомбу: распаковывается больше "
                                               f"{human_size(ZIP_MAX_TOTAL_BYTES)}")
                        dst.write(chunk)
                names[str(disk)] = shown + "/" + "/".join(clean_name(p) for p in parts)
            if budget is not None:
                budget[0] -= written
            return root
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError, RuntimeError, zipfile.LargeZipFile,
            zlib.error):
        raise UploadError(400, "zip_corrupt", f"Архив «{shown}» повреждён или это не ZIP-архив") from None
    except OSError as exc:  # a name or depth the file system refuses, a full disk
        log.warning("unpacking %s failed: %s", shown, exc)
        raise _zip_refused(shown, "его не удалось распаковать (слишком длинные имена или глубокие папки)") from None


def relabel(report: Report, names: dict[str, str], root: Path) -> Report:
    """Report paths → the client's names. Temporary paths never leave the server, and fingerprints are
    recomputed from the shown path so they are the same for the same upload."""
    keys = sorted(names, key=len, reverse=True)  # a file before the folder that contains it

    def scrub(text: str | None) -> str | None:
        if text is None:
            return None
        for key in keys:
            if key in text:
                text = text.replace(key, names[key])
        return text.replace(str(root) + os.sep, "").replace(str(root), "")

    for doc in report.documents:
        doc.path = scrub(doc.path) or doc.path
        doc.reason = scrub(doc.reason)
        doc.doc_type_evidence = [scrub(e) or "" for e in doc.doc_type_evidence]
        for finding in doc.findings:
            finding.message = scrub(finding.message) or ""
            finding.evidence = scrub(finding.evidence)
            finding.suggestion = scrub(finding.suggestion)
            finding.location.description = scrub(finding.location.description) or ""
            finding.fingerprint = fingerprint(doc.path, finding.rule_id, finding.location, finding.evidence)
    return report


_WARM_UP_TEXT = """Пресс-релиз
12 сентября 2018 года в МБОУ СОШ № 1 Белореченского района прошёл муниципальный модельный семинар
«Управление изменениями». В семинаре приняли участие 31 человек: специалисты ТМС, директора школ.
"""


def warm_up(packs: list[Pack]) -> None:
    """Check a tiny document in-process once, so the parsers, morphology dictionaries and regexes are
    loaded in the server process: every check forks a worker, which then inherits them instead of
    loading them again for each request."""
    from checker.pipeline import check_input_with_facts

    for module in ("checker.parsers.docx", "checker.parsers.pdf", "checker.parsers.text"):
        try:
            __import__(module)
        except ImportError:
            log.warning("warm-up: cannot import %s", module)
    with tempfile.TemporaryDirectory(prefix="checker-web-") as scratch:
        sample = Path(scratch, "warm-up.txt")
        sample.write_text(_WARM_UP_TEXT, encoding="utf-8")
        try:
            check_input_with_facts(str(sample), "txt", packs, CheckOptions())
        except Exception:  # a slower first request is better than a server that does not start
            log.exception("warm-up check failed")


def _check_child(conn: Any, paths: list[str], packs: list[Pack], options: CheckOptions,
                 settings: RunSettings) -> None:
    """In a forked process: check and send the report back. SIGTERM unwinds `check_paths`, whose worker pool
    then kills its own workers; the parent follows up with SIGKILL."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    try:
        os.setpgrp()
    except OSError:
        pass
    status = 1
    try:
        report = check_paths(paths, packs, options, settings)
        conn.send_bytes(report.model_dump_json().encode("utf-8"))
        status = 0
    except BaseException:  # the parent sees a missing report and answers 500
        pass
    finally:
        conn.close()
        os._exit(status)  # never run the server's exit handlers in the child


def run_killable(paths: list[str], packs: list[Pack], options: CheckOptions, settings: RunSettings,
                 cancelled: threading.Event) -> Report | None:
    """`check_paths` in a child process that is killed (with the workers it started) as soon as `cancelled`
    is set, so a check whose client got its 504 frees its slot at once. None when cancelled."""
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    receiver, sender = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_check_child, args=(sender, paths, packs, options, settings))
    process.start()
    sender.close()
    try:
        while True:
            if receiver.poll(0.1):
                try:
                    data = receiver.recv_bytes()
                except (EOFError, OSError):
                    data = b""
                process.join(5)
                if not data:
                    raise RuntimeError("the check process ended without a report")
                return Report.model_validate_json(data)
            if cancelled.is_set():
                return None
            if not process.is_alive() and not receiver.poll(0):
                raise RuntimeError(f"the check process died (exit {process.exitcode})")
    finally:
        receiver.close()
        _stop(process)


def _stop(process: Any) -> None:
    if process.is_alive():
        process.terminate()  # SIGTERM: check_paths unwinds and kills its workers
        process.join(2)
    if process.is_alive() and process.pid is not None:
        with contextlib.suppress(OSError):
            os.killpg(process.pid, signal.SIGKILL)
        process.kill()
        process.join(2)


class Checker:
    """What the routes share: packs and campaigns loaded once, limits, and a cap on parallel checks."""

    def __init__(self, max_file_mb: int, max_request_mb: int, timeout: float, max_parallel: int | None) -> None:
        self.max_file = max_file_mb * 1024 * 1024
        self.max_request = max_request_mb * 1024 * 1024
        self.timeout = float(timeout)
        self.packs: list[Pack] = load_packs()
        self.campaigns: dict[str, Campaign] = {name: load_campaign(name) for name in available_campaigns()}
        self.settings = RunSettings(jobs=1, timeout=self.timeout, cache_dir=None, progress=False)
        # each check forks one worker process; more checks than cores only makes every one slower
        self._slots = threading.BoundedSemaphore(max_parallel or max(1, os.cpu_count() or 1))
        self._jobs: set[asyncio.Future[Report | None]] = set()
        warm_up(self.packs)

    def options(self, fields: dict[str, str]) -> CheckOptions:
        doc_type = fields.get("type", "").strip()
        if doc_type in ("", "auto"):
            doc_type = ""
        elif doc_type not in DOC_TYPES:
            raise UploadError(400, "bad_type", f"Неизвестный тип документа «{clean_name(doc_type, 60)}»; "
                              f"допустимые: {', '.join(DOC_TYPES)}")
        name = fields.get("campaign", "").strip()
        if name not in ("", "none") and name not in self.campaigns:
            raise UploadError(400, "bad_campaign", f"Кампания «{clean_name(name, 60)}» не найдена; "
                              f"доступны: {', '.join(self.campaigns) or '—'}")
        campaign = self.campaigns.get(name)
        return CheckOptions(doc_type=doc_type or None, lang="ru", campaign=campaign)

    def _work(self, tmp: tempfile.TemporaryDirectory[str], form: Form, options: CheckOptions,
              cancelled: threading.Event) -> Report | None:
        """In a thread: unpack archives, check, relabel. Owns the temporary folder and removes it."""
        try:
            root = Path(tmp.name)
            names: dict[str, str] = {}
            paths: list[str] = []
            budget = [ZIP_MAX_TOTAL_BYTES]  # unpacked bytes for all archives of this request together
            for upload in form.files:
                if upload.is_zip:
                    folder = unpack_zip(upload.disk, root / f"{upload.disk.stem}-zip", upload.display, names, budget)
                    upload.disk.unlink()  # the archive itself is not a document to check
                    paths.append(str(folder))
                else:
                    names[str(upload.disk)] = upload.display
                    paths.append(str(upload.disk))
            while not self._slots.acquire(timeout=0.2):
                if cancelled.is_set():
                    return None  # the client already got its 504
            try:
                if cancelled.is_set():
                    return None
                report = run_killable(paths, self.packs, options, self.settings, cancelled)
            finally:
                self._slots.release()
            if report is None:
                return None  # timed out: the check was killed and its slot is free again
            if options.campaign is not None:
                report.campaign = getattr(options.campaign, "name", None)
            return relabel(report, names, root)
        finally:
            tmp.cleanup()

    async def check(self, request: Request) -> Report:
        """Receive, check and answer within `timeout` seconds; the temporary folder never outlives the work."""
        started = time.monotonic()
        tmp = tempfile.TemporaryDirectory(prefix="checker-web-")
        handed_over = False
        try:
            try:
                form = await asyncio.wait_for(
                    receive_form(request, Path(tmp.name), self.max_file, self.max_request), self.timeout
                )
            except TimeoutError:
                raise UploadError(408, "upload_timeout", f"Файлы загружались дольше {self.timeout:g} с. "
                                  "Проверьте связь и попробуйте ещё раз.") from None
            options = self.options(form.fields)
            if not form.files:
                raise UploadError(400, "no_files", "Выберите хотя бы один файл для проверки")
            cancelled = threading.Event()
            job = asyncio.ensure_future(run_in_threadpool(self._work, tmp, form, options, cancelled))
            handed_over = True
            self._jobs.add(job)  # keep a reference: a timed-out job still runs to its cleanup
            job.add_done_callback(self._forget)
            remaining = max(0.1, self.timeout - (time.monotonic() - started))
            try:
                report = await asyncio.wait_for(asyncio.shield(job), remaining)
            except TimeoutError:
                cancelled.set()
                raise UploadError(504, "timeout", f"Проверка не уложилась в {self.timeout:g} с и остановлена. "
                                  "Отправьте документы по одному или попробуйте позже.") from None
            assert report is not None
            return report
        finally:
            if not handed_over:
                tmp.cleanup()

    def _forget(self, job: asyncio.Future[Report | None]) -> None:
        self._jobs.discard(job)
        if not job.cancelled() and job.exception() is not None and not isinstance(job.exception(), UploadError):
            log.error("check failed", exc_info=job.exception())


# ---------------------------------------------------------------------------------------------- pages

_FORM_CSS = """
form.check{max-width:640px}
fieldset{border:1px solid var(--line);border-radius:10px;margin:0 0 16px;padding:8px 16px 16px}
legend{font-weight:600;padding:0 6px}
label{display:block;font-weight:600;margin:12px 0 4px}
.hint{color:var(--muted);font-size:.9em;margin:4px 0 0}
input[type=file],select{display:block;width:100%;font:inherit;padding:8px;min-height:44px;
border:1px solid var(--line);border-radius:8px;background:var(--bg)}
button{font:inherit;font-weight:600;font-size:1.1em;min-height:48px;padding:8px 28px;border:0;border-radius:8px;
background:#0b5cad;color:#fff;cursor:pointer}
button:disabled{background:var(--muted);cursor:progress}
button:focus-visible,input:focus-visible,select:focus-visible,a:focus-visible{outline:3px solid #f0a500;
outline-offset:2px}
form.dragging fieldset.files{border:2px dashed #0b5cad;background:var(--info-bg)}
.verdict{border-radius:10px;padding:12px 16px;margin:12px 0;border:1px solid var(--line);font-size:1.1em}
.verdict .badge{font-size:1em}
.verdict.v-compliant{background:var(--ok-bg)}
.verdict.v-noncompliant{background:var(--bad-bg)}
.verdict.v-unreadable,.problem{background:var(--warn-bg)}
.verdict.v-not_checked{background:#e8eaf6}
.problem{border-left:4px solid var(--warn);padding:12px 16px;border-radius:6px}
.back{margin:12px 0}
@media (max-width:600px){button{width:100%}}
"""

_DROP_JS = """\
(function () {
  "use strict";
  var form = document.getElementById("check-form");
  var input = document.getElementById("files");
  var hint = document.getElementById("drop-hint");
  if (!form || !input) return;
  if (hint) hint.hidden = false;
  function stop(e) { e.preventDefault(); e.stopPropagation(); }
  ["dragenter", "dragover"].forEach(function (t) {
    form.addEventListener(t, function (e) { stop(e); form.classList.add("dragging"); });
  });
  ["dragleave", "drop"].forEach(function (t) {
    form.addEventListener(t, function (e) { stop(e); form.classList.remove("dragging"); });
  });
  form.addEventListener("drop", function (e) {
    if (e.dataTransfer && e.dataTransfer.files.length) input.files = e.dataTransfer.files;
  });
  var button = form.querySelector("button[type=submit]");
  form.addEventListener("submit", function () {
    button.disabled = true;
    button.textContent = "Проверяем…";
  });
  // back from the result page (bfcache): the button must work again
  window.addEventListener("pageshow", function () { button.disabled = false; button.textContent = "Проверить"; });
})();
"""


def _options_html(pairs: list[tuple[str, str]]) -> str:
    return "".join(f'<option value="{escape(value)}">{escape(label)}</option>' for value, label in pairs)


def form_page(checker: Checker) -> str:
    types = [("", "определить автоматически")] + [
        (t, doc_type_name(t)) for t in DOC_TYPES if t != "unknown"
    ]
    campaigns = [("", "без кампании")] + [(n, c.title.get("ru") or n) for n, c in checker.campaigns.items()]
    accept = ",".join(UPLOAD_EXTENSIONS)
    mb_file, mb_all = checker.max_file // (1024 * 1024), checker.max_request // (1024 * 1024)
    body = f"""<style>{_FORM_CSS}</style>
<header class="report">
<h1>Проверка документов ШНОР / «500+»</h1>
<p>Загрузите черновик — пресс-релиз, программу семинара, дорожную карту, справку — и узнайте,
что исправить перед отправкой. Файлы не сохраняются: они удаляются сразу после проверки.</p>
</header>
<form class="check" id="check-form" method="post" action="/check" enctype="multipart/form-data">
<fieldset class="files">
<legend>Документы</legend>
<label for="files">Файлы для проверки</label>
<input type="file" id="files" name="files" multiple required accept="{accept}" aria-describedby="files-hint">
<p class="hint" id="files-hint">Word (.docx, .doc), PDF, RTF, ODT, текст (.txt, .md) или ZIP-архив
с пакетом семинара. До {mb_file} МБ каждый файл, всего до {mb_all} МБ, не больше {MAX_FILES} файлов.</p>
<p class="hint" id="drop-hint" hidden>Файлы можно перетащить прямо на эту форму.</p>
</fieldset>
<fieldset>
<legend>Параметры проверки</legend>
<label for="type">Тип документа</label>
<select id="type" name="type" aria-describedby="type-hint">{_options_html(types)}</select>
<p class="hint" id="type-hint">Обычно тип определяется сам; укажите его, если проверка ошиблась.</p>
<label for="campaign">Кампания (сроки региона)</label>
<select id="campaign" name="campaign" aria-describedby="campaign-hint">{_options_html(campaigns)}</select>
<p class="hint" id="campaign-hint">С кампанией проверяются ещё и сроки: даты мероприятий и подачи.</p>
</fieldset>
<button type="submit">Проверить</button>
</form>
<p class="muted">Для разработчиков: <a href="/openapi.json">описание API</a> (POST /api/check),
checker {__version__}.</p>
<script src="/static/drop.js" defer></script>"""
    return page("Проверка документов ШНОР / «500+»", body)


def _plural(n: int, one: str, few: str, many: str) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return one
    return few if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else many


def _headline(report: Report) -> tuple[str, str, str | None]:
    """The overall verdict, one sentence about it (what a reader needs before any detail) and, for one
    document, why it is not checked."""
    s = report.summary
    verdict = (
        "noncompliant" if s.noncompliant
        else "unreadable" if s.unreadable
        else "not_checked" if s.not_checked
        else "compliant"
    )  # fmt: skip
    fix = f"исправьте {s.errors} {_plural(s.errors, 'ошибку', 'ошибки', 'ошибок')}"
    if s.warnings:
        fix += f" и посмотрите {s.warnings} {_plural(s.warnings, 'предупреждение', 'предупреждения', 'предупреждений')}"
    if s.documents == 1:
        sentence = {
            "compliant": "Документ соответствует требованиям." + (
                f" Есть {s.warnings} {_plural(s.warnings, 'предупреждение', 'предупреждения', 'предупреждений')}."
                if s.warnings else ""),
            "noncompliant": f"Документ не соответствует требованиям: {fix}.",
            "unreadable": "Документ не удалось прочитать — причина ниже.",
            "not_checked": "Документ не проверен: программа не поняла, что это за документ. Выберите тип документа "
            "в поле «Тип документа» на форме и проверьте снова.",
        }[verdict]
        code = report.documents[0].reason_code if report.documents else None
        if verdict == "not_checked" and code == "incomplete":
            sentence = ("Документ проверен не полностью: большую часть требований к нему проверить не удалось — "
                        "почему и какие, сказано ниже. Проверьте их вручную.")  # fmt: skip
        return verdict, sentence, code
    else:
        sentence = (f"Проверено {s.documents} {_plural(s.documents, 'документ', 'документа', 'документов')} "
                    f"(с проверками пакета): соответствуют — {s.compliant}, не соответствуют — {s.noncompliant}, "
                    f"не проверены — {s.not_checked}, не прочитаны — {s.unreadable}.")
        if s.errors:
            sentence += f" Всего: {fix}."
    return verdict, sentence, None


# Texts written for the command line, as a teacher at the form reads them: the form's own controls instead
# of flags, no confidence figures. Applied to the HTML page only; the JSON API keeps the report as it is.
_TYPE_FIELD = "выберите тип в поле «Тип документа» на форме"
_FOR_TEACHERS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"[Уу]кажите дату подачи:?\s*--submitted\s+ДД\.ММ\.ГГГГ\.?"),
     "Дату подачи эта страница не спрашивает — сверьте её со сроком сдачи сами."),
    (re.compile(r"\s*\(--submitted\)"), ""),
    (re.compile(r"\(--ocr never\)"), "(распознавание отключено)"),
    (re.compile(r"\(предел --ocr-max-pages\)"), "(предел страниц для распознавания)"),
    (re.compile(r"[Уу]кажите тип[^.;]*?--type(\s*[\w…]+(\s*\|\s*[\w…]+)*)?"), _TYPE_FIELD),
    (re.compile(r"[Уу]кажите тип( документа)?( явно)?"), _TYPE_FIELD),
    (re.compile(r"[Уу]кажите\s+--campaign(\s+[\w-]+)?|[Нн]ужна кампания\s*\(--campaign\)"),
     "выберите кампанию в поле «Кампания (сроки региона)» на форме"),
    (re.compile(r"--type(\s*[\w…]+(\s*\|\s*[\w…]+)*)?"), "поле «Тип документа»"),
    (re.compile(r"--campaign(\s+[\w-]+)?"), "поле «Кампания (сроки региона)»"),
    (re.compile(r"\s*\(?\b(уверенность|confidence)\s+\d+[.,]\d+\)?"), ""),
    (re.compile(r"\s*\(?--[a-z][a-z-]+(\s+[A-ZА-ЯЁ][A-ZА-ЯЁ.]*)?\)?"), ""),  # any other flag: left out
]


def for_teachers(text: str | None) -> str | None:
    """A text from the checker, reworded for the web form (no command-line flags, no confidence)."""
    if not text:
        return text
    for pattern, replacement in _FOR_TEACHERS:
        text = pattern.sub(
            lambda m, r=replacement: r[:1].upper() + r[1:] if m.group(0)[:1].isupper() else r, text
        )
    return text


def _reworded(report: Report) -> Report:
    report = report.model_copy(deep=True)
    for doc in report.documents:
        doc.reason = for_teachers(doc.reason)
        doc.notes = [for_teachers(n) or "" for n in doc.notes]
        for finding in doc.findings:
            finding.message = for_teachers(finding.message) or ""
            finding.suggestion = for_teachers(finding.suggestion)
    return report


def result_page(report: Report) -> str:
    report = _reworded(report)
    verdict, sentence, code = _headline(report)
    back = '<p class="back"><a href="/">← Проверить другой документ</a></p>'
    parts = [
        f"<style>{_FORM_CSS}</style>",
        back,
        "<h1>Результат проверки</h1>",
        f'<div class="verdict v-{verdict}" role="status"><p>{verdict_badge(verdict, "ru", code)}</p>'
        f"<p>{escape(sentence)}</p>",
    ]
    if report.campaign:
        parts.append(f'<p class="muted">Кампания: {escape(report.campaign)}</p>')
    parts.append("</div>")
    for doc in report.documents:
        parts.append(render_document_section(doc, "ru"))
    parts.append(back)
    return page("Результат проверки", "\n".join(parts))


def problem_page(message: str) -> str:
    body = (f"<style>{_FORM_CSS}</style>\n<h1>Проверка не выполнена</h1>\n"
            f'<p class="problem" role="alert">{escape(message)}</p>\n'
            '<p class="back"><a href="/">← Вернуться к форме</a></p>')
    return page("Проверка не выполнена", body)


# ---------------------------------------------------------------------------------------------- API description

def openapi_schema(checker: Checker) -> dict[str, Any]:
    report_schema = Report.model_json_schema(ref_template="#/components/schemas/{model}")
    components = report_schema.pop("$defs", {})
    components["Report"] = report_schema
    components["Problem"] = {
        "type": "object",
        "required": ["error"],
        "properties": {"error": {"type": "object", "required": ["code", "message"], "properties": {
            "code": {"type": "string"}, "message": {"type": "string", "description": "по-русски, для человека"},
        }}},
    }
    problem = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
    upload = {
        "type": "object",
        "required": ["files"],
        "properties": {
            "files": {"type": "array", "items": {"type": "string", "format": "binary"}, "maxItems": MAX_FILES,
                      "description": "документы (" + ", ".join(UPLOAD_EXTENSIONS) + "); .zip — пакет семинара"},
            "type": {"type": "string", "enum": ["", *DOC_TYPES], "description": "тип документа; пусто — определить"},
            "campaign": {"type": "string", "enum": ["", *checker.campaigns], "description": "кампания; пусто — без"},
        },
    }
    mb_file, mb_all = checker.max_file // (1024 * 1024), checker.max_request // (1024 * 1024)
    errors = {
        "400": {"description": "неверный запрос или отклонённый архив", **problem},
        "408": {"description": "файлы загружались слишком долго", **problem},
        "413": {"description": f"файл больше {mb_file} МБ, запрос больше {mb_all} МБ или слишком много файлов",
                **problem},
        "504": {"description": f"проверка не уложилась в {checker.timeout:g} с", **problem},
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "checker: проверка документов ШНОР / «500+»", "version": __version__,
                 "description": "Отчёт — тот же, что у `checker check --format json` (schemas/report.schema.json); "
                                "пути в отчёте — имена файлов, присланные клиентом."},
        "paths": {
            "/api/check": {"post": {
                "summary": "Проверить документы",
                "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": upload}}},
                "responses": {"200": {"description": "отчёт о проверке", "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/Report"}}}}, **errors},
            }},
            "/api/health": {"get": {"summary": "Состояние сервиса", "responses": {"200": {
                "description": "сервис работает", "content": {"application/json": {"schema": {"type": "object"}}}}}}},
            "/check": {"post": {
                "summary": "Проверка из HTML-формы (без JavaScript): ответ — HTML-страница с отчётом",
                "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": upload}}},
                "responses": {"200": {"description": "страница с отчётом", "content": {"text/html": {}}}},
            }},
        },
        "components": {"schemas": components},
    }


# ---------------------------------------------------------------------------------------------- app

class SecurityHeaders:
    """Headers for a page that shows client-supplied names: no framing, no foreign scripts, no sniffing."""

    HEADERS: ClassVar[list[tuple[bytes, bytes]]] = [
        (b"content-security-policy", b"default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; "
         b"img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"cache-control", b"no-store"),
    ]

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *self.HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def same_origin(request: Request) -> bool:
    """A browser names the page a POST comes from: a page on another site (or a sandboxed one) must not
    make this service read files or spend its workers. Clients that are not browsers send no Origin."""
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        # the browser says where the request comes from; with «no-referrer» pages it sends Origin: null
        return site in ("same-origin", "none")
    origin = request.headers.get("origin")
    if origin is None:
        return True
    return origin != "null" and urlsplit(origin).netloc.lower() == request.headers.get("host", "").lower()


_HTTP_MESSAGES = {
    404: "Такой страницы нет. Форма проверки — на главной странице.",
    405: "Такой запрос здесь не принимается. Форма проверки — на главной странице.",
}


def _error_response(request: Request, status: int, code: str, message: str) -> Response:
    """Every failure in Russian, as JSON for the API and as a page for people; never a traceback."""
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)
    return HTMLResponse(problem_page(message), status_code=status)


async def _http_error(request: Request, exc: Exception) -> Response:
    status = getattr(exc, "status_code", 400)
    message = _HTTP_MESSAGES.get(status, "Запрос не удалось обработать. Вернитесь к форме и попробуйте ещё раз.")
    return _error_response(request, status, "http", message)


async def _server_error(request: Request, exc: Exception) -> Response:
    log.error("request failed", exc_info=exc)
    return _error_response(request, 500, "internal", "Внутренняя ошибка сервера; сообщите разработчикам. "
                           "Загруженные файлы удалены.")


def create_app(max_file_mb: int = 20, max_request_mb: int = 60, timeout: float = 60,
               max_parallel: int | None = None) -> Starlette:
    """The web app. Rule packs and campaigns are loaded here, once: a broken pack fails at start, not per request."""
    checker = Checker(max_file_mb, max_request_mb, timeout, max_parallel)

    async def run(request: Request) -> Report | UploadError:
        if not same_origin(request):
            return UploadError(403, "cross_origin", "Запрос пришёл с другого сайта и отклонён: проверку запускают "
                               "только со страницы этого сервиса.")
        try:
            return await checker.check(request)
        except UploadError as error:
            if error.status == 413:
                await drain(request, 2 * checker.max_request)
            return error
        except Exception:
            log.exception("check failed")
            return UploadError(500, "internal", "Внутренняя ошибка сервера; сообщите разработчикам. "
                               "Загруженные файлы удалены.")

    async def index(request: Request) -> HTMLResponse:
        return HTMLResponse(form_page(checker))

    async def check_form(request: Request) -> Response:
        outcome = await run(request)
        if isinstance(outcome, UploadError):
            return HTMLResponse(problem_page(outcome.message), status_code=outcome.status)
        return HTMLResponse(result_page(outcome))

    async def api_check(request: Request) -> Response:
        outcome = await run(request)
        if isinstance(outcome, UploadError):
            return JSONResponse({"error": {"code": outcome.code, "message": outcome.message}},
                                status_code=outcome.status)
        return Response(json_report.render(outcome), media_type="application/json")

    async def health(request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok", "version": __version__, "packs": len(checker.packs),
                             "rules": sum(len(p.rules) for p in checker.packs), "campaigns": list(checker.campaigns)})

    async def openapi(request: Request) -> JSONResponse:
        return JSONResponse(schema)

    async def drop_js(request: Request) -> Response:
        return Response(_DROP_JS, media_type="text/javascript; charset=utf-8")

    async def back_to_form(request: Request) -> RedirectResponse:
        return RedirectResponse("/", status_code=303)  # a reload of the result page lands on the form

    schema = openapi_schema(checker)
    app = Starlette(
        routes=[
            Route("/", index),
            Route("/check", check_form, methods=["POST"]),
            Route("/check", back_to_form, methods=["GET"]),
            Route("/api/check", api_check, methods=["POST"]),
            Route("/api/health", health),
            Route("/openapi.json", openapi),
            Route("/static/drop.js", drop_js),
        ],
        middleware=[Middleware(SecurityHeaders)],
        exception_handlers={HTTPException: _http_error, Exception: _server_error},
    )
    app.state.checker = checker
    return app
