"""One LibreOffice per batch worker (checker/parsers/doc_server.py): the same text as a one-shot conversion,
the same guards (no network, the worker's memory cap, per-file timeout), and nothing left running or lying
in the temporary folder after a batch, a killed worker or Ctrl-C."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker.errors import UnreadableError
from checker.parsers import doc_server
from checker.parsers.doc import convert_with_soffice, no_network_prefix, parse_doc

ROOT = Path(__file__).resolve().parent.parent
LEGACY = ROOT / "fixtures" / "legacy"
DOCS = sorted(LEGACY.glob("*.doc"))

needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None or not no_network_prefix(),
    reason="LibreOffice or a network namespace (unshare -n) is not available here",
)


@pytest.fixture
def reuse() -> Iterator[None]:
    doc_server.enable()
    try:
        yield
    finally:
        doc_server.shutdown()


def _live(marker: str) -> list[str]:
    """Command lines of running (not zombie) processes that mention marker."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            cmdline = Path("/proc", entry, "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
            state = Path("/proc", entry, "stat").read_text(encoding="utf-8").rsplit(")", 1)[-1].split()[0]
        except (OSError, IndexError):
            continue
        if marker in cmdline and state not in ("Z", "X"):
            found.append(cmdline)
    return found


def _settled(marker: str, seconds: float = 10.0) -> list[str]:
    deadline = time.monotonic() + seconds
    while (left := _live(marker)) and time.monotonic() < deadline:
        time.sleep(0.2)
    return left


def _run_env(tmp: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(tmp)}


def test_pipe_name_follows_libreoffice() -> None:
    # MD5 of the URL's UTF-16 code units, bytes in hex without leading zeros (officeipcthread.cxx)
    url = "file:///tmp/lotest/prof"  # the socket LibreOffice 7.4 opened for this profile
    assert doc_server.pipe_path(url).name == f"OSL_PIPE_{os.getuid()}_SingleOfficeIPC_f116cd52f0c8f29b9f80a54da09b4e"


def test_without_enable_there_is_no_server() -> None:
    assert not doc_server.enabled()
    assert doc_server.server("soffice") is None


def test_an_office_that_does_not_start_falls_back_with_a_russian_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reuse: None
) -> None:
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setattr(doc_server, "START_TIMEOUT", 0.5)
    monkeypatch.setattr("checker.parsers.doc._soffice", lambda: str(fake))
    monkeypatch.setattr("checker.parsers.doc.no_network_prefix", lambda: ())
    with pytest.raises(UnreadableError) as caught:
        convert_with_soffice(LEGACY / "roadmap_clean.doc", "docx", tmp_path / "out")
    assert caught.value.code == "corrupt"
    assert caught.value.message("ru").startswith("Файл .doc не удалось преобразовать (LibreOffice)")
    office = doc_server.server(str(fake))
    assert office is not None and not office.alive()


@pytest.mark.slow  # LibreOffice
@needs_soffice
def test_one_office_converts_every_file_with_the_same_text(reuse: None) -> None:
    doc_server.shutdown()  # the one-shot baseline first: no server
    before = {path.name: parse_doc(path).model_dump_json() for path in DOCS}
    doc_server.enable()
    after = {path.name: parse_doc(path).model_dump_json() for path in DOCS}
    office = doc_server.server("soffice")
    assert office is not None and office.alive()
    pid = office.process.pid if office.process else None
    again = {path.name: parse_doc(path).model_dump_json() for path in DOCS}
    assert office.process is not None and office.process.pid == pid  # the same office all along
    assert office.conversions == 2 * len(DOCS)
    assert after == before and again == before
    root = office.root
    doc_server.shutdown()
    assert not root.exists()
    assert not doc_server.pipe_path((root / "profile").as_uri()).exists()
    assert _settled(str(root)) == []


@pytest.mark.slow  # LibreOffice
@needs_soffice
def test_a_timed_out_conversion_ends_the_office_and_the_next_file_gets_a_fresh_one(tmp_path: Path, reuse: None) -> None:
    parse_doc(DOCS[0])
    office = doc_server.server("soffice")
    assert office is not None and office.process is not None
    first = office.process.pid
    (tmp_path / "out").mkdir()
    with pytest.raises(UnreadableError) as caught:
        convert_with_soffice(LEGACY / "roadmap_clean.doc", "docx", tmp_path / "out", timeout=0.01)
    assert caught.value.code == "timeout"
    assert caught.value.message("ru").startswith("Преобразование .doc (LibreOffice) не уложилось в 0.01 с")
    assert not office.alive()
    assert _settled(str(office.root)) == []
    assert "Мероприятие" in parse_doc(LEGACY / "roadmap_clean.doc").full_text()
    assert office.process is not None and office.process.pid != first


@pytest.mark.slow  # LibreOffice
@needs_soffice
def test_the_office_keeps_the_profile_guards_and_has_no_network(tmp_path: Path, reuse: None) -> None:
    from tests.test_security import doc_linking_a_local_server

    with doc_linking_a_local_server(tmp_path, "soffice") as (linked, hits):
        parse_doc(DOCS[0])  # the office is running before the linked document arrives
        assert "картинкой по ссылке" in parse_doc(linked).full_text()
        assert hits == []
        office = doc_server.server("soffice")
        assert office is not None and office.process is not None
        assert office.process.args[: len(no_network_prefix())] == list(no_network_prefix())
        settings = (office.profile / "user" / "registrymodifications.xcu").read_text(encoding="utf-8")
        assert "DisableMacrosExecution" in settings and "Content/Update" in settings


_CAPPED = """
import resource, sys
from pathlib import Path
limit = 3 * 1024 ** 3
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from checker.parsers import doc_server
from checker.parsers.doc import parse_doc
doc_server.enable()
parse_doc(Path(sys.argv[1]))
office = doc_server.server("soffice")
children = doc_server._children()
tree = [office.process.pid]
for pid in tree:
    tree.extend(children.get(pid, []))
for pid in tree:
    for line in Path(f"/proc/{pid}/limits").read_text().splitlines():
        if line.startswith("Max address space"):
            print(line.split()[3])
doc_server.shutdown()
"""


@pytest.mark.slow  # LibreOffice
@needs_soffice
def test_the_office_runs_under_the_workers_memory_cap(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _CAPPED, str(DOCS[0])], capture_output=True, text=True, timeout=180,
        env=_run_env(tmp_path), check=True,
    )  # fmt: skip
    limits = result.stdout.split()
    assert len(limits) >= 2  # the launcher and soffice.bin
    assert set(limits) == {str(3 * 1024**3)}


def _folder(tmp_path: Path, copies: int) -> Path:
    folder = tmp_path / "сдано"
    folder.mkdir()
    for n in range(copies):
        for path in DOCS:
            shutil.copyfile(path, folder / f"{n:02d}_{path.name}")
    return folder


@pytest.mark.slow  # LibreOffice
@needs_soffice
def test_a_batch_leaves_no_office_behind(tmp_path: Path) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    folder = _folder(tmp_path, 2)
    result = subprocess.run(
        [sys.executable, "-m", "checker", "check", str(folder), "--no-cache", "--jobs", "2", "--format", "json"],
        capture_output=True, text=True, timeout=600, cwd=ROOT, env=_run_env(temp), check=False,
    )  # fmt: skip
    documents = json.loads(result.stdout)["documents"]
    files = [d for d in documents if d["path"].endswith(".doc")]
    assert len(files) == 2 * len(DOCS)
    assert all(d["verdict"] != "unreadable" for d in files), [d.get("reason") for d in files]
    assert _settled(str(temp)) == []
    assert list(temp.iterdir()) == []


@pytest.mark.slow  # LibreOffice
@needs_soffice
def test_a_killed_worker_takes_its_office_along(tmp_path: Path) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    folder = tmp_path / "one"
    folder.mkdir()
    shutil.copyfile(DOCS[0], folder / "press.doc")
    # the office needs more than a second to start: the worker is killed while it does
    result = subprocess.run(
        [sys.executable, "-m", "checker", "check", str(folder), "--no-cache", "--jobs", "1", "--timeout", "1",
         "--format", "json"],
        capture_output=True, text=True, timeout=300, cwd=ROOT, env=_run_env(temp), check=False,
    )  # fmt: skip
    (document,) = json.loads(result.stdout)["documents"]
    assert document["verdict"] == "unreadable"
    assert document["reason"].startswith("Проверка файла не уложилась в 1 с")
    assert _settled(str(temp)) == []
    assert list(temp.iterdir()) == []


@pytest.mark.slow  # LibreOffice
@needs_soffice
def test_ctrl_c_during_a_doc_batch_leaves_nothing_running(tmp_path: Path) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    folder = _folder(tmp_path, 6)
    proc = subprocess.Popen(
        [sys.executable, "-m", "checker", "check", str(folder), "--no-cache", "--jobs", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=_run_env(temp),
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while not any("soffice.bin" in c for c in _live(str(temp))) and time.monotonic() < deadline:
            assert proc.poll() is None, proc.communicate()[1]
            time.sleep(0.05)
        assert any("soffice.bin" in c for c in _live(str(temp))), "no office started"
        time.sleep(1.0)  # conversions under way
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert _settled(str(temp)) == []
    assert list(temp.iterdir()) == []
