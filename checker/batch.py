"""Parallel batch runs: each document is parsed and checked in a worker process with a wall-clock
timeout and a memory cap, so a file that hangs or explodes becomes `unreadable` and the batch goes on.

Workers are forked once (they inherit loaded packs and dictionaries) and reused; a worker that times
out, dies or runs out of memory is replaced."""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import os
import signal
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait

from checker.engine.pack import Pack
from checker.errors import UnreadableError
from checker.facts import DocumentFacts
from checker.report import DocumentReport

DEFAULT_TIMEOUT = 60.0  # seconds per document
DEFAULT_MEMORY_MB = 2048  # address-space cap per worker


@dataclass
class Task:
    index: int
    path: str
    fmt: str | None
    submitted: dt.date | None = None  # from the folder's manifest.csv


def _check_one(task: Task, packs: list[Pack], options) -> tuple[DocumentReport, DocumentFacts | None]:
    from checker.pipeline import check_input_with_facts

    if task.submitted is not None and options.submitted is None:
        options = options.model_copy(update={"submitted": task.submitted})
    return check_input_with_facts(task.path, task.fmt, packs, options)


def _worker(conn: Connection, packs: list[Pack], options, memory_mb: int) -> None:
    # Ctrl-C is the parent's business: it stops the batch and kills workers. A worker leads its own
    # process group so that killing it also ends the tools it runs (tesseract, catdoc).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        os.setpgrp()
    except OSError:
        pass
    if memory_mb > 0:
        import resource

        limit = memory_mb * 1024 * 1024
        try:
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        except (ValueError, OSError):
            pass  # a platform without RLIMIT_AS keeps the timeout guard only
    from checker.parsers import doc_server

    doc_server.enable()  # one LibreOffice for this worker's .doc files, started on the first one
    try:
        _serve(conn, packs, options)
    finally:
        doc_server.shutdown()


def _serve(conn: Connection, packs: list[Pack], options) -> None:
    while True:
        try:
            task = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if task is None:
            return
        try:
            report, facts = _check_one(task, packs, options)
            payload = (report.model_dump_json(), facts.model_dump_json() if facts else None)
        except MemoryError:
            payload = ("memory", None)
        except Exception as exc:
            payload = ("crash:" + type(exc).__name__ + ": " + str(exc)[:200], None)
        try:
            conn.send(payload)
        except (BrokenPipeError, OSError):
            return


@dataclass
class _Slot:
    process: mp.process.BaseProcess
    conn: Connection
    task: Task | None = None
    deadline: float = 0.0


class WorkerPool:
    def __init__(self, packs: list[Pack], options, jobs: int, timeout: float, memory_mb: int) -> None:
        self.packs, self.options = packs, options
        self.jobs, self.timeout, self.memory_mb = max(1, jobs), timeout, memory_mb
        # fork keeps start-up cheap: workers inherit imported modules and loaded packs
        self.ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
        self.slots: list[_Slot] = []

    def _spawn(self) -> _Slot:
        parent, child = self.ctx.Pipe()
        process = self.ctx.Process(target=_worker, args=(child, self.packs, self.options, self.memory_mb), daemon=True)
        process.start()
        child.close()
        return _Slot(process, parent)

    @staticmethod
    def _kill(slot: _Slot) -> None:
        pid = slot.process.pid
        if pid is None:
            return
        try:
            # the worker and the tools it started — also when the worker itself already died (its
            # LibreOffice may still be running in its process group)
            os.killpg(pid, signal.SIGKILL)
        except OSError:
            if slot.process.is_alive():
                slot.process.kill()

    @staticmethod
    def _cleanup(slot: _Slot) -> None:
        """What a killed worker's LibreOffice left in the temporary folder (its processes died with it)."""
        if slot.process.pid is not None and not slot.process.is_alive():
            from checker.parsers.doc_server import cleanup_after

            cleanup_after(slot.process.pid)

    def _replace(self, slot: _Slot) -> None:
        self._kill(slot)
        slot.process.join(1)
        slot.conn.close()
        self._cleanup(slot)
        fresh = self._spawn()
        slot.process, slot.conn, slot.task = fresh.process, fresh.conn, None

    def run(self, tasks: list[Task]) -> Iterator[tuple[Task, str | None, str | None]]:
        """Yield (task, report json or an error code, facts json) as documents finish."""
        pending = list(reversed(tasks))
        self.slots = [self._spawn() for _ in range(min(self.jobs, len(tasks)))]
        try:
            while pending or any(s.task for s in self.slots):
                for slot in self.slots:
                    if slot.task is None and pending:
                        slot.task = pending.pop()
                        slot.deadline = time.monotonic() + self.timeout
                        try:
                            slot.conn.send(slot.task)
                        except (BrokenPipeError, OSError):
                            task = slot.task
                            self._replace(slot)
                            yield task, "crash:worker", None
                busy = [s for s in self.slots if s.task is not None]
                if not busy:
                    continue
                wait_for = max(0.0, min(s.deadline for s in busy) - time.monotonic())
                ready = wait([s.conn for s in busy], timeout=wait_for)
                for slot in busy:
                    task = slot.task
                    if task is None:
                        continue
                    if slot.conn in ready:
                        try:
                            report_json, facts_json = slot.conn.recv()
                        except (EOFError, OSError):
                            self._replace(slot)  # died: killed by the kernel, a crash in a C library
                            yield task, "died", None
                            continue
                        slot.task = None
                        yield task, report_json, facts_json
                    elif time.monotonic() >= slot.deadline:
                        self._replace(slot)
                        yield task, "timeout", None
        except BaseException:
            self.close(force=True)  # Ctrl-C or an error in the parent: do not wait for busy workers
            raise
        finally:
            self.close()

    def close(self, force: bool = False) -> None:
        for slot in self.slots:
            if force:
                self._kill(slot)
                continue
            try:
                slot.conn.send(None)
            except (BrokenPipeError, OSError):
                pass
        for slot in self.slots:
            slot.process.join(0 if force else 0.5)
            if slot.process.is_alive():
                self._kill(slot)
                slot.process.join(0.5)
            slot.conn.close()
            self._cleanup(slot)
        self.slots = []


def failure_report(task: Task, code: str, timeout: float, memory_mb: int, lang: str) -> DocumentReport:
    """The `unreadable` entry for a document whose worker did not return a report."""
    from checker.pipeline import unreadable

    if code == "timeout":
        error = UnreadableError(
            "timeout",
            f"Проверка файла не уложилась в {timeout:g} с и была остановлена (файл слишком сложный или повреждён)",
            f"Checking the file took longer than {timeout:g} s and was stopped",
        )
    elif code in ("memory", "died"):
        error = UnreadableError(
            "memory",
            f"Файлу не хватило памяти при чтении (предел {memory_mb} МБ); возможно, файл повреждён или "
            "содержит «бомбу»",
            f"The file ran out of memory while being read (limit {memory_mb} MB)",
        )
    else:
        error = UnreadableError(
            "crash",
            "Внутренняя ошибка при проверке файла; остальные файлы проверены. Сообщите разработчикам.",
            f"Internal error while checking the file ({code})",
        )
    return unreadable(task.path, error, lang, task.fmt)


class Progress:
    """A one-line progress indicator on stderr: only on a terminal and never in CI."""

    def __init__(self, total: int, enabled: bool | None = None) -> None:
        self.total, self.done = total, 0
        if enabled is None:
            enabled = sys.stderr.isatty() and not os.environ.get("CI")
        self.enabled = enabled and total > 1

    def step(self, path: str) -> None:
        self.done += 1
        if self.enabled:
            from checker.sources import shown_path

            path = shown_path(path)  # no escape sequences from file names on the terminal
            name = path if len(path) <= 50 else "…" + path[-49:]
            sys.stderr.write(f"\r\033[K[{self.done}/{self.total}] {name}")
            sys.stderr.flush()

    def finish(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()
