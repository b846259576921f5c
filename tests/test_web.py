"""`checker serve`: the JSON API, the no-JavaScript form, upload safety, and one real browser run."""

from __future__ import annotations

import asyncio
import io
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid
import zipfile
from pathlib import Path

import httpx
import jsonschema
import pytest
from starlette.testclient import TestClient

import checker.web.app as web
from checker.web.app import create_app

ROOT = Path(__file__).resolve().parent.parent
PRESS = ROOT / "fixtures" / "press_release"
SCHEMA = json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
CHROMIUM = Path("/usr/bin/chromium")


def _cyrillic(text: str) -> bool:
    return any("а" <= ch.lower() <= "я" or ch in "ёЁ" for ch in text)


@pytest.fixture
def tmp_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every temporary folder the app makes lands here; the test ends by checking nothing is left."""
    root = tmp_path / "tmp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    yield root
    deadline = time.monotonic() + 10  # a timed-out check cleans up in its own thread
    while os.listdir(root) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert os.listdir(root) == [], "uploads left on disk after the request"


@pytest.fixture
def client(tmp_root: Path) -> TestClient:
    with TestClient(create_app()) as test_client:
        yield test_client


def _upload(*names: str) -> list[tuple[str, tuple[str, bytes]]]:
    return [("files", (name, (PRESS / name).read_bytes())) for name in names]


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def _failures(doc: dict) -> list[str]:
    return [f["message"] for f in doc["findings"] if f["outcome"] == "fail"]


# ---------------------------------------------------------------------------------------------- API


def test_clean_press_release_is_compliant_and_matches_the_schema(client: TestClient) -> None:
    response = client.post("/api/check", files=_upload("clean.docx"))
    assert response.status_code == 200
    report = response.json()
    jsonschema.validators.validator_for(SCHEMA)(SCHEMA).validate(report)
    (doc,) = report["documents"]
    assert doc["path"] == "clean.docx"  # the client's name, not the file on the server
    assert doc["verdict"] == "compliant"
    assert doc["doc_type"] == "press_release"
    assert report["summary"]["compliant"] == 1


def test_defective_press_release_names_the_missing_category(client: TestClient) -> None:
    # the participant categories are the Krasnodar 2018 campaign's demand, not the genre's
    data = {"type": "press_release", "campaign": "krasnodar-2018"}
    (doc,) = client.post("/api/check", files=_upload("category_missing.docx"), data=data).json()["documents"]
    assert doc["verdict"] == "noncompliant"
    assert any("специалисты ТМС" in message for message in _failures(doc))
    (plain,) = client.post("/api/check", files=_upload("category_missing.docx")).json()["documents"]
    assert not any("специалисты ТМС" in message for message in _failures(plain))


def test_several_files_keep_their_names_and_fingerprints_are_stable(client: TestClient) -> None:
    files = _upload("clean.docx", "no_venue.docx")
    first = client.post("/api/check", files=files).json()
    second = client.post("/api/check", files=files).json()
    assert [d["path"] for d in first["documents"]] == ["clean.docx", "no_venue.docx"]
    assert [d["verdict"] for d in first["documents"]] == ["compliant", "noncompliant"]
    fingerprints = [[f["fingerprint"] for f in d["findings"]] for d in first["documents"]]
    assert fingerprints == [[f["fingerprint"] for f in d["findings"]] for d in second["documents"]]
    assert "/tmp" not in json.dumps(first, ensure_ascii=False)


def test_client_paths_are_shown_but_never_used_on_disk(client: TestClient, tmp_path: Path) -> None:
    data = (PRESS / "clean.docx").read_bytes()
    # A name no other test uses: the parent folder holds other workers' files.
    marker = f"escape-{uuid.uuid4().hex}"
    response = client.post("/api/check", files=[("files", (f"../../{marker}\u202e.docx", data))])
    (doc,) = response.json()["documents"]
    assert doc["path"] == f"{marker}.docx"  # last component only, the bidi override dropped
    assert not any(p.name.startswith(marker) for p in tmp_path.parent.parent.rglob("*"))


def test_campaign_and_type_are_validated(client: TestClient) -> None:
    response = client.post("/api/check", files=_upload("clean.docx"), data={"type": "poem"})
    assert response.status_code == 400
    assert "Неизвестный тип документа" in response.json()["error"]["message"]
    response = client.post("/api/check", files=_upload("clean.docx"), data={"campaign": "mars-2030"})
    assert response.status_code == 400
    assert "не найдена" in response.json()["error"]["message"]
    campaigns = client.get("/api/health").json()["campaigns"]
    if campaigns:
        report = client.post("/api/check", files=_upload("clean.docx"), data={"campaign": campaigns[0]}).json()
        assert report["campaign"] == campaigns[0]


def test_no_file_is_a_russian_400(client: TestClient) -> None:
    response = client.post("/api/check", data={"type": ""}, files=[("files", ("", b""))])
    assert response.status_code == 400
    assert response.json()["error"]["message"] == "Выберите хотя бы один файл для проверки"
    response = client.post("/api/check", content=b"{}", headers={"content-type": "application/json"})
    assert response.status_code == 400 and _cyrillic(response.json()["error"]["message"])


def test_oversize_file_is_refused_while_streaming(tmp_root: Path) -> None:
    with TestClient(create_app(max_file_mb=1)) as client:
        response = client.post("/api/check", files=[("files", ("большой.pdf", b"%PDF-1.4\n" + b"0" * 2_000_000))])
        assert response.status_code == 413
        message = response.json()["error"]["message"]
        assert "большой.pdf" in message and "больше 1 МБ" in message
        html = client.post("/check", files=[("files", ("большой.pdf", b"0" * 2_000_000))])
        assert html.status_code == 413 and "больше 1 МБ" in html.text and 'href="/"' in html.text


def test_oversize_request_is_refused(tmp_root: Path) -> None:
    with TestClient(create_app(max_file_mb=1, max_request_mb=1)) as client:
        files = [("files", (f"{i}.txt", b"a" * 600_000)) for i in range(2)]
        response = client.post("/api/check", files=files)
        assert response.status_code == 413
        assert "Вместе файлы больше 1 МБ" in response.json()["error"]["message"]


def test_zip_with_path_traversal_is_refused_before_extraction(client: TestClient, tmp_path: Path) -> None:
    marker = f"escape-{uuid.uuid4().hex}.txt"  # unique: the parent folder holds other workers' files
    archive = _zip({"пресс-релиз.docx": (PRESS / "clean.docx").read_bytes(), f"../../{marker}": b"owned"})
    response = client.post("/api/check", files=[("files", ("пакет.zip", archive))])
    assert response.status_code == 400
    message = response.json()["error"]["message"]
    assert "пакет.zip" in message and "за пределы архива" in message
    assert not any(p.name == marker for p in tmp_path.parent.parent.rglob("*"))
    assert not (ROOT / marker).exists() and not Path(marker).exists()


def test_zip_with_a_symlink_is_refused(client: TestClient) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        link = zipfile.ZipInfo("ссылка.docx")
        link.create_system = 3
        link.external_attr = (0o120777 << 16)
        zf.writestr(link, "/etc/passwd")
    response = client.post("/api/check", files=[("files", ("пакет.zip", buffer.getvalue()))])
    assert response.status_code == 400
    assert "символическая ссылка" in response.json()["error"]["message"]


def test_zip_bomb_is_refused(client: TestClient) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf, zf.open("нули.txt", "w") as entry:
        zero = b"\0" * (1024 * 1024)
        for _ in range(200):  # 200 MB of zeros compress to a few hundred KB
            entry.write(zero)
    assert len(buffer.getvalue()) < 2 * 1024 * 1024
    response = client.post("/api/check", files=[("files", ("бомба.zip", buffer.getvalue()))])
    assert response.status_code == 400
    assert "zip-бомб" in response.json()["error"]["message"]


def test_broken_zip_is_a_russian_400(client: TestClient) -> None:
    response = client.post("/api/check", files=[("files", ("пакет.zip", b"PK\x03\x04 not really"))])
    assert response.status_code == 400
    assert "повреждён" in response.json()["error"]["message"]


def test_seminar_package_zip_runs_the_folder_rules(client: TestClient) -> None:
    archive = _zip({
        "Семинар в Белореченском/пресс-релиз.docx": (PRESS / "clean.docx").read_bytes(),
        "Семинар в Белореченском/фото.jpg": b"\xff\xd8\xff not a real photo",
        "__MACOSX/._пресс-релиз.docx": b"junk",
        "readme.exe": b"MZ",
    })
    # the package list (≥ 5 photos, registration sheets) is the Krasnodar 2018 campaign's demand
    report = client.post(
        "/api/check", files=[("files", ("семинар.zip", archive))], data={"campaign": "krasnodar-2018"}
    ).json()
    paths = {d["path"]: d for d in report["documents"]}
    assert "семинар.zip/Семинар в Белореченском/пресс-релиз.docx" in paths
    package = paths.get("семинар.zip/Семинар в Белореченском/")
    assert package is not None and package["kind"] == "package"
    assert any("В пакете семинара нет" in m for m in _failures(package))
    jsonschema.validators.validator_for(SCHEMA)(SCHEMA).validate(report)


def test_overall_time_limit_gives_504(tmp_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = web.check_paths

    def slow(*args, **kwargs):
        time.sleep(2)
        return real(*args, **kwargs)

    monkeypatch.setattr(web, "check_paths", slow)
    with TestClient(create_app(timeout=0.5)) as client:
        response = client.post("/api/check", files=_upload("clean.docx"))
    assert response.status_code == 504
    assert "не уложилась" in response.json()["error"]["message"]


def test_concurrent_requests_get_their_own_answers(tmp_root: Path) -> None:
    app = create_app()
    names = ["clean.docx", "no_venue.docx", "no_date.docx"] * 4  # genre defects: wrong without a campaign

    async def run() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test", timeout=60) as client:
            return await asyncio.gather(*(
                client.post("/api/check", files=[("files", (f"{i}-{n}", (PRESS / n).read_bytes()))])
                for i, n in enumerate(names)
            ))

    responses = asyncio.run(run())
    for i, (name, response) in enumerate(zip(names, responses, strict=True)):
        (doc,) = response.json()["documents"]
        assert doc["path"] == f"{i}-{name}"
        assert doc["verdict"] == ("compliant" if name == "clean.docx" else "noncompliant")


# ---------------------------------------------------------------------------------------------- pages


def test_form_page_is_accessible_and_needs_no_javascript(client: TestClient) -> None:
    html = client.get("/").text
    assert '<html lang="ru">' in html and 'name="viewport"' in html
    assert 'method="post" action="/check" enctype="multipart/form-data"' in html
    assert '<label for="files">' in html and 'type="file" id="files" name="files" multiple' in html
    assert '<label for="type">' in html and "определить автоматически" in html and "Пресс-релиз" in html
    assert '<label for="campaign">' in html and "без кампании" in html
    assert "<fieldset" in html and ">Проверить</button>" in html
    for ext in (".docx", ".pdf", ".txt", ".doc", ".rtf", ".odt", ".md", ".zip"):
        assert ext in html
    response = client.get("/static/drop.js")
    assert response.status_code == 200 and "javascript" in response.headers["content-type"]
    assert "script-src 'self'" in client.get("/").headers["content-security-policy"]


def test_form_post_returns_the_report_page(client: TestClient) -> None:
    data = {"type": "", "campaign": "krasnodar-2018"}
    response = client.post("/check", files=_upload("category_missing.docx"), data=data)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    html = response.text
    verdict_at = html.index("Не соответствует")
    assert verdict_at < html.index("специалисты ТМС")  # the verdict first, then what to fix
    assert "Что исправить" in html and "Выполненные проверки" in html
    assert "Пресс-релиз или новость о мероприятии" in html  # the type by name, not by id
    assert 'href="/"' in html
    assert "/tmp" not in html


def test_unknown_document_is_not_checked_never_green(client: TestClient) -> None:
    lines = [f"Купить продукты для семьи, пункт {i}: хлеб, молоко" for i in range(8)]
    text = "Список покупок на неделю\n" + "\n".join(lines)
    files = [("files", ("список.txt", text.encode("utf-8")))]
    page = client.post("/check", files=files, data={"type": "", "campaign": ""}).text
    assert "Не проверен" in page and "Тип документа" in page
    assert "соответствует требованиям" not in page
    api = client.post("/api/check", files=files).json()
    assert api["documents"][0]["verdict"] == "not_checked"
    assert api["summary"]["compliant"] == 0 and api["summary"]["not_checked"] == 1
    jsonschema.validate(api, SCHEMA)


def test_openapi_and_health(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    body = spec["paths"]["/api/check"]["post"]["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert body["properties"]["files"]["type"] == "array"
    assert "Report" in spec["components"]["schemas"]
    health = client.get("/api/health").json()
    assert health["status"] == "ok" and health["rules"] > 0


# ---------------------------------------------------------------------------------------------- browser


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(tmp_path: Path):
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(tmp_path)}
    log = (tmp_path / "server.log").open("wb")  # a file, not a pipe: a full pipe would block the server
    process = subprocess.Popen(
        [sys.executable, "-m", "checker", "serve", "--port", str(port)],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{base}/api/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the server did not start: " + (tmp_path / "server.log").read_text())
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.mark.slow  # Chromium
def test_browser_upload_shows_the_verdict(server: str, tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        try:
            page = browser.new_page(viewport={"width": 390, "height": 844}, locale="ru-RU")  # a phone
            page.goto(server + "/")
            assert page.get_by_label("Тип документа").is_visible()
            page.set_input_files("#files", str(PRESS / "no_venue.docx"))
            page.get_by_role("button", name="Проверить").click()
            page.wait_for_url(server + "/check")
            page.get_by_text("Не соответствует").first.wait_for()
            text = page.inner_text("body")
            assert "Не соответствует" in text and "место проведения" in text
            assert "no_venue.docx" in text
            page.screenshot(path=str(tmp_path / "web-result.png"), full_page=True)
        finally:
            browser.close()
    assert (tmp_path / "web-result.png").stat().st_size > 0
    time.sleep(0.5)
    leftovers = [p for p in tmp_path.iterdir() if p.name.startswith("checker-web-")]
    assert leftovers == []
