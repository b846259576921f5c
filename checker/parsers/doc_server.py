"""One long-lived LibreOffice per batch worker: the worker's .doc files are converted one after another by
the same office instead of a new office (≈ 2 s to start) for each file.

The office runs headless with the worker's own temporary profile (`doc.write_profile`: link updates and
macros off), without network (`doc.no_network_prefix`), as a child of the worker — in its process group
and under its memory cap — so the batch's kill of a worker (timeout, Ctrl-C) ends the office too. It keeps
an empty document open, because LibreOffice ends itself when the last document of a handed-over
conversion closes.

A conversion is the same `soffice --convert-to` command as a one-shot run, with the server's profile:
LibreOffice hands the command over through its single-instance pipe (a Unix socket in /tmp named after
the profile, which only the user can connect to) to the running office, which converts and answers. No
UNO bridge (python3-uno) is needed, and if the office is gone the command converts by itself as before.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

PREFIX = "checker-lo-"  # the server's folder: checker-lo-<worker pid>-<random>
PIPE_DIR = Path("/tmp")  # LibreOffice's (osl) pipe folder on Unix, whatever TMPDIR says
START_TIMEOUT = 30.0  # seconds for the office to open its pipe
MAX_CONVERSIONS = 100  # then a fresh office: a long-lived one grows


def pipe_path(profile_url: str) -> Path:
    """The single-instance socket LibreOffice opens for a profile (desktop/source/app/officeipcthread.cxx:
    MD5 of the profile URL's UTF-16 code units, each byte in hex without leading zeros)."""
    digest = hashlib.md5(profile_url.encode("utf-16-le"), usedforsecurity=False).digest()
    return PIPE_DIR / f"OSL_PIPE_{os.getuid()}_SingleOfficeIPC_{''.join(format(b, 'x') for b in digest)}"


def _children() -> dict[int, list[int]]:
    found: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path("/proc", entry, "stat").read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[-1].split()
        if len(fields) > 1 and fields[1].isdigit():
            found.setdefault(int(fields[1]), []).append(int(entry))
    return found


def kill_tree(process: subprocess.Popen) -> None:
    """SIGKILL a started program and every process below it, deepest first, and reap it."""
    if process.poll() is None:
        tree, children = [process.pid], _children() if Path("/proc").is_dir() else {}
        for pid in tree:
            tree.extend(children.get(pid, []))
        for pid in reversed(tree[1:]):
            _kill(pid)
        try:
            process.wait(2)  # LibreOffice's launcher reaps soffice.bin and ends by itself
        except subprocess.TimeoutExpired:
            _kill(process.pid)
    try:
        process.wait(5)
    except subprocess.TimeoutExpired:
        pass


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError:
        pass


class OfficeServer:
    """A headless LibreOffice with a private profile, started on the first conversion."""

    def __init__(self, exe: str) -> None:
        self.exe = exe
        self.root = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-"))
        self.profile = self.root / "profile"
        self.temp = self.root / "tmp"  # the office's TMPDIR and the worker's per-file folders
        self.temp.mkdir()
        self.process: subprocess.Popen | None = None
        self.conversions = 0

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def _start(self) -> bool:
        from checker.parsers.doc import _env, no_network_prefix, write_profile

        shutil.rmtree(self.profile, ignore_errors=True)  # a fresh profile for each office
        write_profile(self.profile)
        keep = self.root / "keep.txt"
        keep.write_bytes(b"")
        url = self.profile.as_uri()
        self.process = subprocess.Popen(
            [*no_network_prefix(), self.exe, f"-env:UserInstallation={url}", "--headless", "--norestore",
             "--nolockcheck", "--nologo", "--nodefault", str(keep)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env(self.temp),
        )  # fmt: skip
        self.conversions = 0
        # Ready once the pipe is open and the empty document loaded (its lock file written): a conversion
        # handed over before that would close the office's only document and end it.
        pipe, loaded = pipe_path(url), self.root / f".~lock.{keep.name}#"
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline and self.alive():
            if pipe.is_socket() and loaded.exists():
                return True
            time.sleep(0.05)
        self.stop()
        return False

    def profile_for_next(self) -> Path | None:
        """The profile of a running office to hand the next conversion to, or None (convert one-shot)."""
        if self.alive() and self.conversions >= MAX_CONVERSIONS:
            self.stop()
        if not self.alive() and not self._start():
            return None
        self.conversions += 1
        return self.profile

    def stop(self) -> None:
        if self.process is not None:
            kill_tree(self.process)
            self.process = None
        pipe_path(self.profile.as_uri()).unlink(missing_ok=True)

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)


_server: OfficeServer | None = None
_enabled = False


def enable() -> None:
    """Reuse one office for this process's conversions (a batch worker calls it once it starts)."""
    global _enabled
    _enabled = True


def enabled() -> bool:
    return _enabled


def server(exe: str) -> OfficeServer | None:
    global _server
    if not _enabled:
        return None
    if _server is None:
        _server = OfficeServer(exe)
    return _server


def shutdown() -> None:
    """End this process's office and remove its folder (a batch worker calls it when it stops)."""
    global _server, _enabled
    if _server is not None:
        _server.close()
    _server, _enabled = None, False


def cleanup_after(pid: int) -> None:
    """Remove what the office of a killed worker left: its folder and its socket (its processes died with
    the worker's process group)."""
    for folder in Path(tempfile.gettempdir()).glob(f"{PREFIX}{pid}-*"):
        pipe_path((folder / "profile").as_uri()).unlink(missing_ok=True)
        shutil.rmtree(folder, ignore_errors=True)
