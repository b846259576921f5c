"""Hostile and broken inputs: a corpus generated in tmp and checked by the CLI in one run, the single guards
(sniffing, XML entities, encryption, caps, symlink loops, odd names), text-parser fuzzing, Ctrl-C and the cache."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, run_checker, run_json
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.errors import UnreadableError
from checker.parsers import parse_file
from checker.parsers.text import decode_text, parse_text
from checker.sources import discover

PRESS = FIXTURES / "press_release"
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
GIB = 1024 * 1024 * 1024
needs_qpdf = pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed")


def _bomb_docx(path: Path, entry: str, referenced_image: bool = False) -> Path:
    """A docx of about 1 MB with one entry that inflates to 1 GiB (spaces compress 1000:1)."""
    chunk = b" " * (1024 * 1024)
    with zipfile.ZipFile(PRESS / "clean.docx") as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == entry:
                continue
            if referenced_image and info.filename == "word/_rels/document.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdBomb" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    b'relationships/image" Target="media/image99.png"/></Relationships>',
                )
            out.writestr(info, data)
        info = zipfile.ZipInfo(entry)
        info.compress_type = zipfile.ZIP_DEFLATED  # a bare ZipInfo would be stored: 1 GiB on disk
        with out.open(info, "w", force_zip64=True) as fh:
            if entry == "word/document.xml":
                fh.write(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                         b'wordprocessingml/2006/main"><w:body>')  # fmt: skip
            for _ in range(1024):
                fh.write(chunk)
            if entry == "word/document.xml":
                fh.write(b"</w:body></w:document>")
    return path


def _xxe_docx(path: Path) -> Path:
    with zipfile.ZipFile(PRESS / "clean.docx") as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                end = text.index("?>") + 2
                text = text[:end] + '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' + text[end:]
                data = text.replace("Пресс-релиз", "Пресс-релиз &xxe;", 1).encode("utf-8")
            out.writestr(info, data)
    return path


def _xxe_odt(path: Path) -> Path:
    with zipfile.ZipFile(FIXTURES / "legacy/press_release_clean.odt") as src, zipfile.ZipFile(path, "w") as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "content.xml":
                text = data.decode("utf-8")
                end = text.index("?>") + 2
                text = text[:end] + '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' + text[end:]
                data = text.replace("Пресс-релиз", "&xxe;Пресс-релиз", 1).encode("utf-8")
            out.writestr(info, data)
    return path


def _encrypt(source: Path, target: Path, user: str, owner: str) -> Path:
    subprocess.run(["qpdf", "--encrypt", user, owner, "256", "--", str(source), str(target)], check=True)
    return target


def _broken_xref(source: Path, target: Path) -> Path:
    data = source.read_bytes()
    data = re.sub(rb"startxref\s+\d+", b"startxref\n999999999", data)
    target.write_bytes(data.replace(b"xref\n0 ", b"xref\n7 ", 1))
    return target


def _jpeg() -> bytes:
    from io import BytesIO

    from PIL import Image

    buf = BytesIO()
    Image.new("RGB", (40, 30), (200, 10, 10)).save(buf, "JPEG")
    return buf.getvalue()


# --- the corpus, checked in one CLI run ------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bool | None]]:
    """(folder, file name → must be unreadable: True, must be readable: False, either: None)."""
    folder = tmp_path_factory.mktemp("hostile")
    rng = random.Random(20181015)
    expect: dict[str, bool | None] = {}
    docx, pdf = (PRESS / "clean.docx").read_bytes(), (PRESS / "clean.pdf").read_bytes()
    for source, data, ext in (("docx", docx, ".docx"), ("pdf", pdf, ".pdf")):
        for n in range(3):
            cut = rng.randrange(16, len(data) - 16)
            name = f"truncated_{source}_{n}{ext}"
            (folder / name).write_bytes(data[:cut])
            expect[name] = None if source == "pdf" else True  # PDFium may recover a truncated PDF
        flipped = bytearray(data)
        for _ in range(20):
            flipped[rng.randrange(len(flipped) // 4, len(flipped))] ^= 0xFF
        (folder / f"flipped_{source}{ext}").write_bytes(bytes(flipped))
        expect[f"flipped_{source}{ext}"] = None
    _bomb_docx(folder / "bomb_document_xml.docx", "word/document.xml")
    _bomb_docx(folder / "bomb_linked_image.docx", "word/media/image99.png", referenced_image=True)
    expect["bomb_document_xml.docx"] = expect["bomb_linked_image.docx"] = True
    _xxe_docx(folder / "xxe.docx")
    expect["xxe.docx"] = None  # python-docx does not resolve entities: read, without the entity
    _xxe_odt(folder / "xxe.odt")
    expect["xxe.odt"] = True
    if shutil.which("qpdf"):
        _encrypt(PRESS / "clean.pdf", folder / "encrypted_user.pdf", "secret", "secret")
        _encrypt(PRESS / "clean.pdf", folder / "encrypted_owner.pdf", "", "owner")
        expect["encrypted_user.pdf"], expect["encrypted_owner.pdf"] = True, False
    _broken_xref(PRESS / "clean.pdf", folder / "broken_xref.pdf")
    expect["broken_xref.pdf"] = False  # PDFium rebuilds the xref table
    (folder / "photo.pdf").write_bytes(_jpeg())
    expect["photo.pdf"] = True
    for name in ("empty.docx", "empty.pdf", "empty.txt", "empty.odt", "empty.rtf", "empty.doc"):
        (folder / name).write_bytes(b"")
        expect[name] = True
    with (folder / "one_line_50mb.txt").open("wb") as fh:
        word = "слово ".encode()
        fh.write(word * (50_000_000 // len(word)))
    expect["one_line_50mb.txt"] = None  # read, or stopped by the time limit: never a crash
    clean_text = (PRESS / "clean.txt").read_text(encoding="utf-8")
    (folder / "utf16_nobom.txt").write_bytes(clean_text.encode("utf-16-le"))
    (folder / "cp1251.txt").write_bytes(clean_text.encode("cp1251"))
    # KOI8-R has no «» or №: straight quotes and N instead, as old mail clients wrote it.
    koi8 = clean_text.replace("«", '"').replace("»", '"').replace("№", "N")
    (folder / "koi8r.txt").write_bytes(koi8.encode("koi8-r"))
    expect["utf16_nobom.txt"] = expect["cp1251.txt"] = expect["koi8r.txt"] = False
    (folder / "garbage.rtf").write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    (folder / "garbage.odt").write_bytes(b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(4096)))
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    (folder / "garbage.doc").write_bytes(ole + bytes(rng.randrange(256) for _ in range(4096)))
    expect["garbage.rtf"] = expect["garbage.odt"] = expect["garbage.doc"] = True
    shutil.copy(PRESS / "clean.docx", folder / "clean.docx")
    expect["clean.docx"] = False
    return folder, expect


@pytest.fixture(scope="module")
def hostile_run(hostile: tuple[Path, dict[str, bool | None]]) -> tuple[subprocess.CompletedProcess, dict, float]:
    folder, _ = hostile
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY")}
    env["PYTHONPATH"] = str(ROOT)
    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "checker", "check", str(folder), "--format", "json", "--no-cache",
         "--jobs", "2", "--timeout", "40"],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=420,
    )  # fmt: skip
    return result, json.loads(result.stdout), time.monotonic() - start


@pytest.mark.slow  # a big batch of hostile files in one run
def test_hostile_corpus_in_one_run(hostile, hostile_run) -> None:
    _, expect = hostile
    result, report, elapsed = hostile_run
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 3
    assert elapsed < 400
    documents = {Path(d["path"]).name: d for d in report["documents"] if d["kind"] == "document"}
    assert set(documents) == set(expect)
    for name, unreadable in expect.items():
        document = documents[name]
        if document["verdict"] == "unreadable":
            assert unreadable is not False, f"{name}: {document['reason']}"
            assert CYRILLIC.search(document["reason"] or ""), f"{name}: {document['reason']}"
            assert document["reason_code"]
        else:
            assert unreadable is not True, f"{name} was read: {document['verdict']}"
    clean = documents["clean.docx"]
    assert clean["verdict"] == "compliant"
    assert {f["rule_id"] for f in clean["findings"] if f["outcome"] == "fail"} == set()
    for name in ("utf16_nobom.txt", "cp1251.txt", "koi8r.txt"):
        assert documents[name]["doc_type"] == "press_release", name
    for name in ("utf16_nobom.txt", "cp1251.txt"):
        assert documents[name]["verdict"] == "compliant", name


@pytest.mark.slow  # a big batch of hostile files in one run
def test_hostile_reasons_name_the_problem(hostile_run) -> None:
    _, report, _ = hostile_run
    by = {Path(d["path"]).name: d for d in report["documents"]}
    assert "JPEG" in by["photo.pdf"]["reason"]
    assert "zip-бомба" in by["bomb_document_xml.docx"]["reason"]
    assert "zip-бомба" in by["bomb_linked_image.docx"]["reason"]
    assert by["empty.docx"]["reason"] == "Файл пустой (0 байт)"
    assert "недопустимые XML-сущности" in by["xxe.odt"]["reason"]
    if "encrypted_user.pdf" in by:
        assert "зашифрован" in by["encrypted_user.pdf"]["reason"]
        assert by["encrypted_owner.pdf"]["verdict"] == "compliant"


# --- single guards ----------------------------------------------------------------------------------


def test_jpeg_named_pdf_is_named(tmp_path: Path) -> None:
    path = tmp_path / "скан.pdf"
    path.write_bytes(_jpeg())
    with pytest.raises(UnreadableError) as info:
        parse_file(path)
    assert info.value.code == "unsupported"
    assert "изображение JPEG" in info.value.message_ru and "расширение .pdf" in info.value.message_ru


def test_xxe_docx_does_not_leak_local_files(tmp_path: Path) -> None:
    doc = parse_file(_xxe_docx(tmp_path / "xxe.docx"))
    text = doc.full_text()
    assert "root:" not in text and "/bin/" not in text
    assert text.startswith("Пресс-релиз")


def test_xxe_odt_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UnreadableError) as info:
        parse_file(_xxe_odt(tmp_path / "xxe.odt"))
    assert "Документ содержит недопустимые XML-сущности" in info.value.message_ru


def test_odt_bomb_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "bomb.odt"
    with zipfile.ZipFile(FIXTURES / "legacy/press_release_clean.odt") as src, zipfile.ZipFile(
        path, "w", zipfile.ZIP_DEFLATED
    ) as out:
        for info in src.infolist():
            out.writestr(info, src.read(info))
        big = zipfile.ZipInfo("Pictures/big.png")
        big.compress_type = zipfile.ZIP_DEFLATED
        with out.open(big, "w", force_zip64=True) as fh:
            for _ in range(160):
                fh.write(b"\x00" * (1024 * 1024))
    with pytest.raises(UnreadableError) as info:
        parse_file(path)
    assert info.value.code == "too_large" and "zip-бомба" in info.value.message_ru


@needs_qpdf
def test_encrypted_pdfs(tmp_path: Path) -> None:
    locked = _encrypt(PRESS / "clean.pdf", tmp_path / "locked.pdf", "secret", "secret")
    with pytest.raises(UnreadableError) as info:
        parse_file(locked)
    assert info.value.code == "encrypted" and "зашифрован" in info.value.message_ru
    owner_only = _encrypt(PRESS / "clean.pdf", tmp_path / "owner.pdf", "", "owner")
    assert "Пресс-релиз" in parse_file(owner_only).full_text()  # the empty user password opens it


def test_size_cap_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(51 * 1024 * 1024)  # sparse: no disk used, and never read
    code, report = run_json("check", str(path))
    (document,) = report["documents"]
    assert code == 3
    assert document["reason_code"] == "too_large" and "слишком большой" in document["reason"]


def test_page_cap_before_parsing(tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    for _ in range(1001):
        pdf.new_page(595, 842)
    path = tmp_path / "pages.pdf"
    pdf.save(str(path))
    pdf.close()
    with pytest.raises(UnreadableError) as info:
        parse_file(path)
    assert info.value.code == "too_large" and "1001" in info.value.message_ru


def test_symlink_loops_are_walked_once(tmp_path: Path) -> None:
    root = tmp_path / "папка"
    inner = root / "внутри"
    inner.mkdir(parents=True)
    shutil.copy(PRESS / "clean.txt", inner / "релиз.txt")
    (inner / "назад").symlink_to(root, target_is_directory=True)
    (root / "петля").symlink_to(root / "петля")  # a link to itself: stat() fails, skipped
    (root / "копия.txt").symlink_to(inner / "релиз.txt")  # the same file twice counts once
    found = discover([str(root)])
    assert [Path(f.path).name for f in found] == ["релиз.txt"]  # «внутри» sorts before «копия.txt»
    assert found[0].error is None


def test_odd_file_names_in_every_report(tmp_path: Path) -> None:
    name = "Пресс-релиз школы № 3 🎉 (итог).txt"
    shutil.copy(PRESS / "no_venue.txt", tmp_path / name)
    out = tmp_path / "отчёты"
    result = run_checker(
        "check", str(tmp_path / name), "--no-cache", "--format", "json", "--output", str(out / "r.json"),
        "--report", f"sarif:{out / 'r.sarif'}", "--report", f"junit:{out / 'r.xml'}",
        "--report", f"html:{out / 'r.html'}",
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    report = json.loads((out / "r.json").read_text(encoding="utf-8"))
    assert Path(report["documents"][0]["path"]).name == name
    sarif = (out / "r.sarif").read_text(encoding="utf-8")
    assert name in json.dumps(json.loads(sarif), ensure_ascii=False) or "%F0%9F%8E%89" in sarif
    assert name in (out / "r.xml").read_text(encoding="utf-8")
    html = (out / "r.html").read_text(encoding="utf-8")
    assert "🎉" in html and "Пресс-релиз школы № 3" in html


# --- fuzzing the text parsers ------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2048))
def test_decode_text_raises_only_unreadable(data: bytes) -> None:
    try:
        text, encoding = decode_text(data)
    except UnreadableError:
        return
    assert isinstance(text, str) and encoding


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.binary(max_size=2048), st.text(max_size=1024).map(lambda s: s.encode("utf-8"))))
def test_parse_text_raises_only_unreadable(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "f.txt"
    path.write_bytes(data)
    try:
        parse_text(path)
    except UnreadableError:
        pass


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=1024))
def test_rtf_parser_raises_only_unreadable(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    from checker.parsers.rtf import parse_rtf

    path = tmp_path_factory.mktemp("fuzz") / "f.rtf"
    path.write_bytes(b"{\\rtf1\\ansi\\ansicpg1251 " + data)
    try:
        parse_rtf(path)
    except UnreadableError:
        pass


# --- interrupted runs and the cache --------------------------------------------------------------------


def test_ctrl_c_leaves_reports_complete_or_absent(tmp_path: Path) -> None:
    folder = tmp_path / "много"
    folder.mkdir()
    for n in range(40):
        shutil.copy(FIXTURES / "roadmap/roadmap_clean.pdf", folder / f"карта {n}.pdf")
    out = tmp_path / "out"
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY")}
    env["PYTHONPATH"] = str(ROOT)
    proc = subprocess.Popen(
        [sys.executable, "-m", "checker", "check", str(folder), "--no-cache", "--format", "json",
         "--output", str(out / "out.json"), "--report", f"html:{out / 'out.html'}", "--jobs", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env,
    )  # fmt: skip
    time.sleep(1.5)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert "прервано" in stderr
    assert "Traceback" not in stderr
    for name in ("out.json", "out.html"):
        if (out / name).exists():  # complete or absent, never half-written
            text = (out / name).read_text(encoding="utf-8")
            if name == "out.json":
                json.loads(text)
            else:
                assert text.rstrip().endswith("</html>")
    leftovers = [p.name for p in out.glob(".*.part")] if out.exists() else []
    assert leftovers == []


def test_ctrl_c_while_the_program_loads_is_an_interruption_too() -> None:
    # A Ctrl-C that lands while `checker.cli` is still being imported (a busy machine, a slow disk).
    script = (
        "import builtins, sys\n"
        "real = builtins.__import__\n"
        "def slow(name, *args, **kwargs):\n"
        "    if name == 'checker.cli':\n"
        "        raise KeyboardInterrupt\n"
        "    return real(name, *args, **kwargs)\n"
        "builtins.__import__ = slow\n"
        "sys.argv = ['checker', 'check', 'x.docx']\n"
        "from checker.launch import run\n"
        "run()\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert (result.returncode, result.stderr) == (130, "checker: прервано пользователем\n")


def test_rerun_uses_the_cache(tmp_path: Path) -> None:
    folder = tmp_path / "сдано"
    shutil.copytree(PRESS, folder)
    cache = tmp_path / "cache"
    first = run_checker("check", str(folder), "--format", "json", "--cache-dir", str(cache))
    before = sorted(p.relative_to(cache) for p in cache.rglob("*") if p.is_file())
    assert before
    second = run_checker("check", str(folder), "--format", "json", "--cache-dir", str(cache))
    after = sorted(p.relative_to(cache) for p in cache.rglob("*") if p.is_file())
    assert after == before  # every result came from the cache: nothing new was written
    assert json.loads(first.stdout)["documents"] == json.loads(second.stdout)["documents"]
