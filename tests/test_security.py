"""Trust boundaries (issue 12, docs/security.md): everything inside a checked folder is the submitter's.

One test (or a few) per finding of the security review; each failed on the code before the fix."""

from __future__ import annotations

import contextlib
import json
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FIXTURES, run_checker, run_json

PRESS = FIXTURES / "press_release"
SLOW_TEXT = (
    "Пресс-релиз. В школе прошла встреча родителей и учителей. Обсудили планы на новый учебный год "
    "и работу кружков. Директор рассказал о ремонте спортивного зала.\n" + "a" * 60 + "!\n"
)


def _failing(document: dict) -> set[str]:
    return {f["rule_id"] for f in document["findings"] if f["outcome"] == "fail" and not f.get("ignored")}


# --- finding 1 (pack part): a catastrophic user pattern cannot hang a worker ---------------------------


def test_catastrophic_pattern_interrupts_its_rule_not_the_document() -> None:
    from checker.safe_regex import MESSAGE_RU, PatternTimeout, compile_pattern

    pattern = compile_pattern("(a|aa)+$")
    started = time.monotonic()
    with pytest.raises(PatternTimeout):
        pattern.search("a" * 60 + "!")
    with pytest.raises(PatternTimeout):  # once it ran out, later calls give up much sooner
        list(pattern.finditer("a" * 70 + "!"))
    assert time.monotonic() - started < 10  # about 1 s alone; the machine may be busy
    assert MESSAGE_RU == "правило прервано: слишком долгий поиск по шаблону"


def test_pack_with_review_pattern_finishes_every_document(tmp_path: Path) -> None:
    pack = tmp_path / "evil.yaml"
    pack.write_text(
        "pack: evil\ntitle: Набор\ndoc_types: []\nrules:\n"
        "  - id: EVIL-1\n    kind: phrases\n    title: Шаблон\n    message: не найдено\n"
        "    any_of: [{regex: '(a|aa)+$'}]\n",
        encoding="utf-8",
    )
    doc = tmp_path / "doc.txt"
    doc.write_text(SLOW_TEXT, encoding="utf-8")
    started = time.monotonic()
    _code, report = run_json("check", str(doc), "--rules", str(pack), "--timeout", "30")
    assert time.monotonic() - started < 20
    finding = report["documents"][0]["findings"][0]
    assert report["documents"][0]["verdict"] != "unreadable"
    assert finding["outcome"] == "not_applicable"
    assert "слишком долгий поиск по шаблону" in finding["message"]


def test_no_guard_reads_re_internals() -> None:
    root = Path(__file__).resolve().parent.parent / "checker"
    for path in root.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "re._parser" not in text and "sre_parse" not in text, path


# --- findings 7 and 10: the result cache holds validated data, re-homed to the copy being checked -------


def _cache_files(cache: Path) -> list[Path]:
    return sorted(p for p in cache.rglob("*.json") if p.parent.name != "packs")


def test_identical_copy_does_not_inherit_an_accepted_finding(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    school_a, school_b = tmp_path / "Школа 1", tmp_path / "Школа 2"
    school_a.mkdir()
    school_b.mkdir()
    shutil.copy(PRESS / "no_venue.txt", school_a / "релиз-а.txt")
    shutil.copy(PRESS / "no_venue.txt", school_b / "релиз-б.txt")
    first = run_checker("check", str(school_a), "--format", "json", "--cache-dir", str(cache), "--no-ignore")
    doc_a = json.loads(first.stdout)["documents"][0]
    failing = [f for f in doc_a["findings"] if f["outcome"] == "fail" and f["severity"] == "error"]
    assert failing
    ignore = "ignore:\n" + "".join(
        f"  - fingerprint: {f['fingerprint']}\n    reason: принято для школы 1\n" for f in failing
    )
    (tmp_path / ".checker-ignore.yaml").write_text(ignore, encoding="utf-8")
    cached = run_checker("check", str(school_b), "--format", "json", "--cache-dir", str(cache), cwd=tmp_path)
    fresh = run_checker("check", str(school_b), "--format", "json", "--no-cache", cwd=tmp_path)
    doc_cached, doc_fresh = json.loads(cached.stdout)["documents"][0], json.loads(fresh.stdout)["documents"][0]
    assert doc_cached["verdict"] == doc_fresh["verdict"] == "noncompliant"
    assert [f["fingerprint"] for f in doc_cached["findings"]] == [f["fingerprint"] for f in doc_fresh["findings"]]
    assert not any(f.get("ignored") for f in doc_cached["findings"])


def test_wrong_shaped_or_forged_cache_entry_is_dropped_and_recomputed(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    doc = tmp_path / "релиз.txt"
    shutil.copy(PRESS / "no_venue.txt", doc)
    run_checker("check", str(doc), "--format", "json", "--cache-dir", str(cache))
    (entry,) = _cache_files(cache)
    stored = json.loads(entry.read_text(encoding="utf-8"))
    for bad in ("[1, 2]", json.dumps({"report": 5}), json.dumps({**stored, "report": "{}"})):
        entry.write_text(bad, encoding="utf-8")
        result = run_checker("check", str(doc), "--format", "json", "--cache-dir", str(cache))
        assert "Traceback" not in result.stderr and "внутренняя ошибка" not in result.stderr
        assert json.loads(result.stdout)["documents"][0]["verdict"] == "noncompliant"
    forged = json.loads(stored["report"])
    forged["verdict"] = "compliant"  # findings still fail: the entry contradicts itself
    entry.write_text(json.dumps({**stored, "report": json.dumps(forged)}), encoding="utf-8")
    result = run_checker("check", str(doc), "--format", "json", "--cache-dir", str(cache))
    assert json.loads(result.stdout)["documents"][0]["verdict"] == "noncompliant"


def test_forged_cache_entry_is_deleted_on_read(tmp_path: Path) -> None:
    from checker.cache import ResultCache

    cache = ResultCache(tmp_path / "cache", [], "options")
    doc = tmp_path / "релиз.txt"
    shutil.copy(PRESS / "no_venue.txt", doc)
    _, report = run_json("check", str(doc))
    real = json.dumps(report["documents"][0])
    cache.put("0" * 64, real, None)
    (entry,) = _cache_files(tmp_path / "cache")
    assert cache.get("0" * 64, "", str(doc)) is not None
    forged = {**report["documents"][0], "verdict": "compliant"}
    stored = json.loads(entry.read_text(encoding="utf-8"))
    entry.write_text(json.dumps({**stored, "report": json.dumps(forged)}), encoding="utf-8")
    assert cache.get("0" * 64, "", str(doc)) is None
    assert not entry.exists()  # dropped: the next run checks the file again
    cache.put("0" * 64, real, None)
    entry.write_text(json.dumps({**stored, "key": "другой"}), encoding="utf-8")  # an entry for another key
    assert cache.get("0" * 64, "", str(doc)) is None


def test_cache_folder_others_can_write_is_not_used(tmp_path: Path) -> None:
    from checker.cache import private_dir

    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    assert not private_dir(shared)
    assert private_dir(tmp_path / "own")
    from checker.cache import ResultCache

    planted = ResultCache(shared, [], "options")
    planted.put("0" * 64, json.dumps({"path": "x", "doc_type": "unknown"}), None)
    assert not any(shared.rglob("*.json"))  # nothing written where others can write
    entry = planted._file("0" * 64, "")
    entry.parent.mkdir(parents=True)
    entry.write_text(json.dumps({"key": planted._key("0" * 64, ""), "report": "{}"}), encoding="utf-8")
    assert planted.get("0" * 64, "", "x") is None  # and nothing read from there
    assert (tmp_path / "own").stat().st_mode & 0o077 == 0


# --- finding 14: RTF lone surrogates and emoji ------------------------------------------------------------


def test_rtf_with_lone_surrogate_and_emoji(tmp_path: Path) -> None:
    rtf = tmp_path / "релиз.rtf"
    body = " ".join(["Пресс-релиз о событии в школе, прошла встреча родителей."] * 3)
    encoded = "".join(f"\\u{ord(c) if ord(c) < 32768 else ord(c) - 65536}?" for c in body)
    rtf.write_text(
        "{\\rtf1\\ansi\\uc1 " + encoded + " \\u-10179?\\u-8704? \\u-10240? \\par}", encoding="ascii"
    )
    from checker.parsers import parse_file

    text = parse_file(rtf).full_text()
    assert "\U0001f600" in text and "\ufffd" in text
    text.encode("utf-8")
    result = run_checker("inspect", str(rtf))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    _code, report = run_json("check", str(rtf))
    assert not any("Внутренняя ошибка" in f["message"] for f in report["documents"][0]["findings"])


# --- finding 12: escape sequences never reach the terminal -----------------------------------------------


def test_text_report_strips_control_characters(tmp_path: Path) -> None:
    folder = tmp_path / "папка"
    folder.mkdir()
    doc = folder / "\x1b]0;pwned\x07релиз\x1b[2J.txt"
    text = (PRESS / "no_venue.txt").read_text(encoding="utf-8") + "\n\x1b[2J\x1b]0;title\x07\n"
    doc.write_text(text, encoding="utf-8")
    result = run_checker("check", str(folder), "--no-cache", "--format", "text")
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "релиз" in result.stdout


# --- finding 9: the pack cache holds data, not code ------------------------------------------------------


def test_planted_pickle_in_pack_cache_never_runs(tmp_path: Path) -> None:
    import hashlib
    import os
    import pickle

    from checker import __version__

    marker = tmp_path / "ran"

    class Planted:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    cache = tmp_path / "xdg-cache"
    pack = tmp_path / "pack.yaml"
    pack.write_text(
        "pack: own\ntitle: Набор\ndoc_types: []\nrules:\n"
        "  - id: OWN-1\n    kind: phrases\n    title: Слово\n    message: не найдено\n    any_of: [{text: школа}]\n",
        encoding="utf-8",
    )
    stat = pack.stat()
    old_key = hashlib.sha256(
        f"{__version__}|{pack.resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode()
    ).hexdigest()
    (cache / "checker" / "packs").mkdir(parents=True)
    (cache / "checker" / "packs" / f"{old_key}.pickle").write_bytes(pickle.dumps(Planted()))
    doc = tmp_path / "doc.txt"
    doc.write_text(SLOW_TEXT, encoding="utf-8")
    result = run_checker("check", str(doc), "--rules", str(pack), "--no-cache", env={"XDG_CACHE_HOME": str(cache)})
    assert not marker.exists()
    assert "Traceback" not in result.stderr
    stored = list((cache / "checker" / "packs").glob("*.json"))
    assert stored and json.loads(stored[0].read_text(encoding="utf-8"))["pack"]["pack"] == "own"
    stored[0].write_text('{"key": 1, "pack": []}', encoding="utf-8")  # damaged: a normal load
    again = run_checker("check", str(doc), "--rules", str(pack), "--no-cache", env={"XDG_CACHE_HOME": str(cache)})
    assert again.returncode == result.returncode and "Traceback" not in again.stderr


# --- finding 1: a config inside a checked folder is reported and ignored -------------------------------


def _submitted_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "входящие" / "Школа 5"
    folder.mkdir(parents=True)
    shutil.copy(PRESS / "no_venue.txt", folder / "релиз.txt")
    return folder


@pytest.mark.parametrize("name", [".checker.yaml", "pyproject.toml"])
def test_config_inside_checked_folder_is_not_obeyed(tmp_path: Path, name: str) -> None:
    folder = _submitted_folder(tmp_path)
    (folder / "empty.yaml").write_text("pack: empty\ntitle: Пусто\nrules: []\n", encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    evil = home / ".bashrc"
    settings = {
        "rules": ["empty.yaml"],
        "overrides": {"PR-VENUE-001": "off"},
        "jobs": 80,
        "reports": [f"text:{evil}", "text:../../../home/.profile"],
    }
    if name == ".checker.yaml":
        (folder / name).write_text(json.dumps(settings, ensure_ascii=False), encoding="utf-8")
    else:
        lines = [f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in settings.items() if k != "overrides"]
        (folder / name).write_text("[tool.checker]\n" + "\n".join(lines) + "\n", encoding="utf-8")
    operator = tmp_path / "оператор"
    operator.mkdir()
    env = {"XDG_CONFIG_HOME": str(tmp_path / "xdg")}
    for target in (str(folder), str(folder.parent)):
        result = run_checker("check", target, "--format", "json", "--no-cache", cwd=operator, env=env)
        assert result.returncode == 1, result.stderr
        document = json.loads(result.stdout)["documents"][0]
        assert document["verdict"] == "noncompliant" and "PR-VENUE-001" in _failing(document)
        assert "настройки внутри проверяемой папки не применяются" in result.stderr
        assert str(folder / name) in result.stderr
        assert not evil.exists() and not (home / ".profile").exists()


def test_checking_from_inside_the_submitted_folder_still_ignores_its_config(tmp_path: Path) -> None:
    folder = _submitted_folder(tmp_path)
    (folder / ".checker.yaml").write_text('overrides: {PR-VENUE-001: "off"}\n', encoding="utf-8")
    result = run_checker(
        "check", ".", "--format", "json", "--no-cache", cwd=folder, env={"XDG_CONFIG_HOME": str(tmp_path / "x")}
    )
    assert "PR-VENUE-001" in _failing(json.loads(result.stdout)["documents"][0])


def test_operator_configs_working_directory_and_user_folder(tmp_path: Path) -> None:
    folder = _submitted_folder(tmp_path)
    operator = tmp_path / "оператор" / "кампания"
    operator.mkdir(parents=True)
    xdg = tmp_path / "xdg"
    (xdg / "checker").mkdir(parents=True)
    (xdg / "checker" / "config.yaml").write_text('overrides: {PR-VENUE-001: "off"}\n', encoding="utf-8")
    env = {"XDG_CONFIG_HOME": str(xdg)}
    _code, report = run_json("check", str(folder), cwd=operator, env=env)
    assert "PR-VENUE-001" not in _failing(report["documents"][0])  # the user's config folder
    (operator.parent / ".checker.yaml").write_text("profile: audit\n", encoding="utf-8")
    _code, report = run_json("check", str(folder), cwd=operator, env=env)
    assert "PR-VENUE-001" in _failing(report["documents"][0])  # a parent of the working directory wins


def test_report_paths_in_config_stay_in_its_folder(tmp_path: Path) -> None:
    folder = _submitted_folder(tmp_path)
    operator = tmp_path / "оператор"
    operator.mkdir()
    env = {"XDG_CONFIG_HOME": str(tmp_path / "xdg")}
    for bad in (f"json:{tmp_path / 'вне.json'}", "json:../вне.json", "json:отчёт\nrm -rf ~.json"):
        (operator / ".checker.yaml").write_text(json.dumps({"reports": [bad]}, ensure_ascii=False), encoding="utf-8")
        result = run_checker("check", str(folder), "--no-cache", cwd=operator, env=env)
        assert result.returncode == 2
        assert "путь должен вести внутрь папки файла настроек" in result.stderr
        assert not (tmp_path / "вне.json").exists()
    (operator / ".checker.yaml").write_text('reports: ["json:отчёты/итог.json"]\n', encoding="utf-8")
    result = run_checker("check", str(folder), "--no-cache", cwd=operator, env=env)
    assert result.returncode == 1
    assert json.loads((operator / "отчёты" / "итог.json").read_text(encoding="utf-8"))["documents"]


def test_jobs_are_capped_from_any_source() -> None:
    import os

    from checker.config import MAX_JOBS, capped_jobs

    cores = os.cpu_count() or 1
    assert capped_jobs(80) == min(cores * 2, MAX_JOBS)
    assert capped_jobs(None) == min(cores, MAX_JOBS)
    assert capped_jobs(1) == 1


# --- finding 2: a file name that is not UTF-8 never ends the batch -----------------------------------------

REPORT_FORMATS = ("json", "sarif", "junit", "html", "markdown", "github", "gitlab", "csv", "xlsx", "text")


def test_name_not_utf8_is_reported_in_every_format(tmp_path: Path) -> None:
    import os

    folder = tmp_path / "архив"
    folder.mkdir()
    cp1251_name = "Пресс-релиз.txt".encode("cp1251")
    with open(os.path.join(os.fsencode(folder), cp1251_name), "wb") as handle:
        handle.write((PRESS / "no_venue.txt").read_bytes())
    shutil.copy(PRESS / "clean.txt", folder / "обычный.txt")
    out = tmp_path / "отчёты"
    args = ["check", str(folder), "--no-cache", "--format", "json", "--output", str(out / "r.json")]
    for fmt in REPORT_FORMATS[1:]:
        args += ["--report", f"{fmt}:{out / ('r.' + fmt)}"]
    result = run_checker(*args)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "внутренняя ошибка" not in result.stderr
    documents = json.loads((out / "r.json").read_text(encoding="utf-8"))["documents"]
    shown = [d for d in documents if "\ufffd" in d["path"]]
    assert len(shown) == 1 and shown[0]["verdict"] == "noncompliant"  # read by its bytes and checked
    for fmt in REPORT_FORMATS[1:]:
        assert (out / f"r.{fmt}").stat().st_size > 0, fmt


# --- finding 6: links stay inside the checked folders and credit nobody else's file -----------------------


def test_link_out_of_the_folder_is_reported_not_followed(tmp_path: Path) -> None:
    from checker.sources import discover

    folder = tmp_path / "Школа 7"
    folder.mkdir()
    shutil.copy(PRESS / "clean.txt", folder / "релиз.txt")
    (folder / "корень").symlink_to("/", target_is_directory=True)
    secret = tmp_path / "чужое.txt"
    secret.write_text("личные данные", encoding="utf-8")
    (folder / "ссылка.txt").symlink_to(secret)
    found = discover([str(folder)])
    assert len(found) == 3
    outside = [f for f in found if f.error_code == "link_outside"]
    assert {Path(f.path).name for f in outside} == {"корень", "ссылка.txt"}
    assert all("Ссылка за пределы папки" in (f.error_ru or "") for f in outside)


def test_link_to_another_schools_document_is_not_credited(tmp_path: Path) -> None:
    from checker.sources import discover

    school_a, school_b = tmp_path / "А школа", tmp_path / "Б школа"
    school_a.mkdir()
    school_b.mkdir()
    shutil.copy(PRESS / "clean.txt", school_b / "релиз.txt")
    (school_a / "релиз.txt").symlink_to(school_b / "релиз.txt")
    (school_a / "папка Б").symlink_to(school_b, target_is_directory=True)
    found = discover([str(tmp_path)])
    assert [f.path for f in found if f.error is None] == [str(school_b / "релиз.txt")]


# --- finding 15 (folder part): a FIFO is reported, never opened, never silently left out ------------------


def test_fifo_in_folder_is_reported(tmp_path: Path) -> None:
    import os

    folder = tmp_path / "папка"
    folder.mkdir()
    shutil.copy(PRESS / "clean.txt", folder / "релиз.txt")
    os.mkfifo(folder / "канал.txt")
    _code, report = run_json("check", str(folder))
    by_name = {Path(d["path"]).name: d for d in report["documents"]}
    assert by_name["канал.txt"]["verdict"] == "unreadable"
    assert by_name["канал.txt"]["reason_code"] == "special_file"
    assert "канал, сокет или устройство" in by_name["канал.txt"]["reason"]
    assert by_name["релиз.txt"]["verdict"] != "unreadable"


# --- finding 3: LibreOffice never fetches what a .doc links to ---------------------------------------------

_LINKED_IMAGE_FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:xlink="http://www.w3.org/1999/xlink"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.2"
 office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>
<text:p>Пресс-релиз с картинкой по ссылке.</text:p>
<text:p><draw:frame draw:name="img" svg:width="1cm" svg:height="1cm" text:anchor-type="as-char">
<draw:image xlink:href="URL" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/></draw:frame></text:p>
</office:text></office:body></office:document>
"""


@contextlib.contextmanager
def doc_linking_a_local_server(tmp_path: Path, soffice: str) -> Iterator[tuple[Path, list[str]]]:
    """A .doc whose image is linked from a server on this machine, and the paths that server was asked for
    (LibreOffice fetches the image once while the .doc is made; the list is cleared after that)."""
    import http.server
    import subprocess
    import threading

    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/pixel.png"
        (tmp_path / "doc.fodt").write_text(_LINKED_IMAGE_FODT.replace("URL", url), encoding="utf-8")
        subprocess.run(
            [soffice, f"-env:UserInstallation={(tmp_path / 'p').as_uri()}", "--headless", "--convert-to", "doc",
             "--outdir", str(tmp_path), str(tmp_path / "doc.fodt")],
            capture_output=True, timeout=120, check=True,
        )  # fmt: skip
        assert hits, "the fixture must link to the server (LibreOffice fetched it while building the .doc)"
        hits.clear()
        yield tmp_path / "doc.doc", hits
    finally:
        server.shutdown()


def test_doc_conversion_has_no_network(tmp_path: Path) -> None:
    from checker.parsers.doc import _soffice, no_network_prefix, parse_doc

    exe = _soffice()
    if exe is None or not no_network_prefix():
        pytest.skip("LibreOffice or a network namespace (unshare -n) is not available here")
    with doc_linking_a_local_server(tmp_path, exe) as (linked, hits):
        text = parse_doc(linked).full_text()
        assert "картинкой по ссылке" in text
        assert hits == []


# --- findings 4, 5, 15 (web): a timed-out check is killed; ZIP content capped; Russian errors only ------


@pytest.fixture
def web_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    import tempfile

    root = tmp_path / "web-tmp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    return root


def _zip_bytes(entries: dict[str, bytes], level: int = 9) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def test_timed_out_web_check_is_killed_and_frees_its_slot(web_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from starlette.testclient import TestClient

    import checker.web.app as web

    real = web.check_paths
    pids = web_tmp.parent / "pids.txt"

    def maybe_slow(paths, packs, options, settings):
        if options.doc_type == "press_release":
            with open(pids, "a", encoding="utf-8") as handle:
                handle.write(f"{os.getpid()}\n")
            time.sleep(60)
        return real(paths, packs, options, settings)

    monkeypatch.setattr(web, "check_paths", maybe_slow)
    upload = [("files", ("релиз.txt", (PRESS / "clean.txt").read_bytes()))]
    with TestClient(web.create_app(timeout=3, max_parallel=1)) as client:
        first = client.post("/api/check", files=upload, data={"type": "press_release"})
        assert first.status_code == 504
        started = time.monotonic()
        second = client.post("/api/check", files=upload)
        assert second.status_code == 200, second.text  # the slot was freed at once
        assert time.monotonic() - started < 3
    pid = int(pids.read_text(encoding="utf-8").split()[0])
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        pytest.fail("the timed-out check is still running")


def test_zip_of_exactly_one_mebibyte_entries_is_refused(web_tmp: Path) -> None:
    from starlette.testclient import TestClient

    from checker.web.app import create_app

    mib = b"\0" * (1024 * 1024)
    archive = _zip_bytes({f"фото/{i:03d}.png": mib for i in range(150)})
    assert len(archive) < 1024 * 1024
    with TestClient(create_app()) as client:
        response = client.post("/api/check", files=[("files", ("пакет.zip", archive))])
    assert response.status_code == 400
    assert "zip-бомб" in response.json()["error"]["message"]
    assert not any(p.is_file() for p in web_tmp.rglob("*"))


def test_unpacked_bytes_are_capped_for_the_whole_request(tmp_path: Path) -> None:
    import os

    from checker.web.app import UploadError, unpack_zip

    noise = os.urandom(300 * 1024)  # does not compress: passes every ratio check
    names: dict[str, str] = {}
    budget = [500 * 1024]
    for index in range(3):
        archive = tmp_path / f"{index}.zip"
        archive.write_bytes(_zip_bytes({"фото.png": noise}, level=1))
        if index < 1:
            unpack_zip(archive, tmp_path / f"out{index}", f"{index}.zip", names, budget)
            continue
        with pytest.raises(UploadError) as info:
            unpack_zip(archive, tmp_path / f"out{index}", f"{index}.zip", names, budget)
        assert info.value.status == 400 and "zip-бомб" in info.value.message
        break


def test_deeply_nested_zip_is_refused_not_500(web_tmp: Path) -> None:
    from starlette.testclient import TestClient

    from checker.web.app import create_app

    archive = _zip_bytes({"п/" * 1500 + "релиз.txt": (PRESS / "clean.txt").read_bytes()})
    with TestClient(create_app()) as client:
        response = client.post("/api/check", files=[("files", ("глубоко.zip", archive))])
        page = client.post("/check", files=[("files", ("глубоко.zip", archive))])
    assert response.status_code == 400
    assert "вложены слишком глубоко" in response.json()["error"]["message"]
    assert page.status_code == 400 and "Traceback" not in page.text


def test_every_web_failure_is_a_russian_page(web_tmp: Path) -> None:
    from starlette.testclient import TestClient

    from checker.web.app import create_app

    with TestClient(create_app(), raise_server_exceptions=False) as client:
        missing = client.get("/нет-такой-страницы")
        api_missing = client.get("/api/нет")
        wrong_method = client.put("/api/check")
    assert missing.status_code == 404 and "Такой страницы нет" in missing.text
    assert api_missing.status_code == 404 and "Такой страницы нет" in api_missing.json()["error"]["message"]
    assert wrong_method.status_code == 405 and "не принимается" in wrong_method.json()["error"]["message"]


# --- finding 11: the operator's manifest covers its tree; a school's own is noted, not trusted ---------

_MANIFEST_HEAD = "файл;муниципалитет;дата получения\n"


def test_operator_manifest_applies_below_and_school_manifest_is_not_trusted(tmp_path: Path) -> None:
    incoming = tmp_path / "входящие"
    school = incoming / "Белореченский район" / "Школа 3"
    school.mkdir(parents=True)
    other = incoming / "Кущёвский район"
    other.mkdir()
    shutil.copy(PRESS / "clean.txt", school / "релиз.txt")
    shutil.copy(PRESS / "clean.txt", other / "релиз.txt")
    (incoming / "manifest.csv").write_text(
        _MANIFEST_HEAD + "Белореченский район/Школа 3/релиз.txt;Белореченский район;20.09.2018\n", encoding="utf-8"
    )
    (other / "manifest.csv").write_text(_MANIFEST_HEAD + "релиз.txt;Сочи;01.01.2030\n", encoding="utf-8")
    _, report = run_json("check", str(incoming))
    by_folder = {Path(d["path"]).parent.name: d for d in report["documents"] if d["kind"] == "document"}
    assert by_folder["Школа 3"]["municipality"] == "Белореченский район"  # the operator's, two levels down
    assert by_folder["Кущёвский район"]["municipality"] != "Сочи"  # the school's own: not used
    assert any("manifest.csv в присланной папке не учитывается" in n for n in by_folder["Кущёвский район"]["notes"])
    _, trusted = run_json("check", str(incoming), "--trust-manifests")
    by_folder = {Path(d["path"]).parent.name: d for d in trusted["documents"] if d["kind"] == "document"}
    assert by_folder["Кущёвский район"]["municipality"] == "Сочи"


def test_school_manifest_does_not_set_the_received_date(tmp_path: Path) -> None:
    import datetime as dt

    from checker.manifest import Manifests

    school = tmp_path / "входящие" / "Школа 9"
    school.mkdir(parents=True)
    (school / "релиз.txt").write_text("текст", encoding="utf-8")
    (school / "manifest.csv").write_text(_MANIFEST_HEAD + "релиз.txt;Сочи;01.09.2018\n", encoding="utf-8")
    checked = [str(tmp_path / "входящие")]
    assert Manifests(checked).entry(str(school / "релиз.txt")) is None
    trusted = Manifests(checked, trust_inside=True).entry(str(school / "релиз.txt"))
    assert trusted is not None and trusted.received == dt.date(2018, 9, 1)
    # the same file checked directly: its folder is the operator's choice
    assert Manifests([str(school / "релиз.txt")]).entry(str(school / "релиз.txt")) is not None


# --- finding 13: document text never becomes a link, an image or markup --------------------------------

_HOSTILE_TEXT = "![x](https://evil.example/p.png) [клик](http://evil.example) **жирно** www.evil.ru @admin <img src=x>"


def _hostile_report():
    from checker.report import DocumentReport, Finding, FindingLocation, Report

    finding = Finding(
        rule_id="PR-VENUE-001", title="Место", severity="error", outcome="fail",
        message="Не указано место: " + _HOSTILE_TEXT, evidence=_HOSTILE_TEXT, location=FindingLocation(),
        fingerprint="0" * 16,
    )  # fmt: skip
    document = DocumentReport(
        path="школа/[клик](http:evil).txt", doc_type="press_release", doc_type_confidence=1.0,
        verdict="noncompliant", findings=[finding], notes=[_HOSTILE_TEXT],
    )  # fmt: skip
    return Report(documents=[document]).finalize()


def test_markdown_and_job_summary_escape_document_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    from checker.reporters import render

    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    render("github", _hostile_report())
    for rendered in (render("markdown", _hostile_report()), summary.read_text(encoding="utf-8")):
        text = re.sub(r"`[^`\n]*`", "", rendered)  # code spans are literal
        assert not re.search(r"(?<!\\)\]\(", text)  # no [text](url) and no ![alt](url)
        assert "https://" not in text and "http://" not in text and "www.evil" not in text
        assert "@admin" not in text and "<img" not in text
        assert "**жирно**" not in text
        assert "evil.example" in text  # still shown, only inert


def test_html_report_escapes_and_forbids_loading(tmp_path: Path) -> None:
    from checker.reporters import render

    html = render("html", _hostile_report())
    assert "<img src=x>" not in html and "&lt;img src=x&gt;" in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html


# --- finding 8: Latin look-alike letters and a failed OCR never make a document compliant ---------------

_LOOKALIKES = str.maketrans({"а": "a", "о": "o", "е": "e", "с": "c", "р": "p", "х": "x", "у": "y", "О": "O", "С": "C"})


def test_latin_lookalike_press_release_is_not_compliant(tmp_path: Path) -> None:
    text = (PRESS / "no_venue.txt").read_text(encoding="utf-8")
    disguised = tmp_path / "релиз.txt"
    disguised.write_text(text.translate(_LOOKALIKES), encoding="utf-8")
    code, report = run_json("check", str(disguised))
    document = report["documents"][0]
    assert document["verdict"] != "compliant" and code != 0
    assert document["verdict"] == "not_checked" or "PR-VENUE-001" in _failing(document)


def test_scan_whose_ocr_fails_is_not_compliant(tmp_path: Path) -> None:
    import random

    pytest.importorskip("reportlab")
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    rng = random.Random(1)
    image = Image.new("L", (600, 800))
    image.putdata([rng.choice((0, 255)) for _ in range(600 * 800)])
    scan = tmp_path / "скан.pdf"
    pdf = canvas.Canvas(str(scan))
    pdf.drawImage(ImageReader(image), 0, 0, width=595, height=842)
    pdf.showPage()
    pdf.save()
    for mode in ("never", "auto"):
        code, report = run_json("check", str(scan), "--ocr", mode, "--type", "press_release")
        assert report["documents"][0]["verdict"] in ("not_checked", "unreadable"), mode
        assert code != 0


def test_web_refuses_a_check_started_by_another_site(web_tmp: Path) -> None:
    from starlette.testclient import TestClient

    from checker.web.app import create_app

    upload = [("files", ("релиз.txt", (PRESS / "clean.txt").read_bytes()))]
    with TestClient(create_app(), base_url="http://127.0.0.1:8000") as client:
        foreign = client.post("/api/check", files=upload, headers={"Origin": "https://evil.example"})
        sandboxed = client.post("/check", files=upload, headers={"Origin": "null"})
        own = client.post("/api/check", files=upload, headers={"Origin": "http://127.0.0.1:8000"})
        # our own no-referrer form page: the browser sends Origin: null but says the request is same-origin
        own_form = client.post("/check", files=upload, headers={"Origin": "null", "Sec-Fetch-Site": "same-origin"})
        framed = client.post("/check", files=upload, headers={"Origin": "null", "Sec-Fetch-Site": "cross-site"})
        sibling = client.post("/check", files=upload, headers={"Sec-Fetch-Site": "same-site"})
    assert foreign.status_code == 403 and "с другого сайта" in foreign.json()["error"]["message"]
    assert sandboxed.status_code == 403
    assert own.status_code == 200
    assert own_form.status_code == 200
    assert framed.status_code == 403 and sibling.status_code == 403


def test_progress_line_strips_escape_sequences(capsys: pytest.CaptureFixture[str]) -> None:
    from checker.batch import Progress

    progress = Progress(2, True)
    progress.step("/папка/\x1b]0;title\x07релиз\x1b[2J.txt")
    err = capsys.readouterr().err
    assert "\x1b]0" not in err and "\x07" not in err and "\x1b[2J" not in err and "релиз" in err
