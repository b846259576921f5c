"""The report formats: each renders the same hand-built Report; CI formats are checked against their readers."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from checker.report import DocumentReport, Finding, FindingLocation, Report
from checker.reporters import REPORTERS, render
from checker.reporters import github as github_reporter
from checker.reporters import html as html_reporter
from checker.reporters import sarif as sarif_reporter

DATA = Path(__file__).parent / "data"
CHROMIUM = Path("/usr/bin/chromium")
CYRILLIC_PATH = "Школа 12/дорожная карта 2024.docx"


def _finding(rule_id: str, outcome: str, severity: str = "error", **kw) -> Finding:
    location = kw.pop("location", FindingLocation(description="весь документ"))
    return Finding(
        rule_id=rule_id,
        title=kw.pop("title", f"Требование {rule_id}"),
        severity=severity,
        outcome=outcome,
        message=kw.pop("message", f"Сообщение {rule_id}"),
        location=location,
        fingerprint=kw.pop("fingerprint", f"fp-{rule_id}-{outcome}"),
        **kw,
    )


def make_report(lang: str = "ru") -> Report:
    roadmap = DocumentReport(
        path=CYRILLIC_PATH,
        format="docx",
        doc_type="roadmap",
        doc_type_confidence=0.93,
        verdict="noncompliant",
        municipality="Городской округ Тула",
        findings=[
            _finding(
                "RM-SEC-001",
                "fail",
                message="Нет раздела «Ожидаемые результаты»",
                suggestion="Добавьте раздел с измеримыми показателями",
            ),
            _finding(
                "RM-TBL-002",
                "fail",
                message="Не указан срок мероприятия",
                evidence="<script>alert(1)</script> Провести семинар, 50% учителей",
                location=FindingLocation(
                    table=2, row=5, column=3, page=3, description="стр. 3, таблица 2, строка 5, столбец 3"
                ),
                fingerprint="aaaa1111",
            ),
            # Same rule twice: names and fingerprints must still be unique.
            _finding(
                "RM-TBL-002",
                "fail",
                message="Не указан ответственный",
                evidence="=SUM(A1:A3)",
                location=FindingLocation(table=2, row=6, column=4, description="таблица 2, строка 6, столбец 4"),
                fingerprint="aaaa1111",
            ),
            _finding(
                "RM-DATE-003",
                "fail",
                "warning",
                message="Дата утверждения: формат, 1:2",
                location=FindingLocation(paragraph=7, description="абзац 7"),
            ),
            _finding(
                "RM-SIGN-004",
                "pass",
                evidence="Директор И. И. Иванов",
                location=FindingLocation(paragraph=40, description="абзац 40"),
            ),
            _finding("RM-APPX-005", "not_applicable", "info", message="Приложений нет"),
            _finding("RM-FONT-006", "fail", "info", ignored="согласовано с МОУО"),
        ],
    )
    plan = DocumentReport(
        path="school7/plan.txt",
        format="txt",
        doc_type="antirisk_plan",
        doc_type_confidence=0.8,
        verdict="compliant",
        findings=[
            _finding("RM-SEC-001", "pass", location=FindingLocation(line=3, description="строка файла 3")),
            _finding(
                "RM-DATE-003",
                "fail",
                "warning",
                message="Нет даты",
                location=FindingLocation(line=12, description="строка файла 12"),
            ),
        ],
    )
    broken = DocumentReport(
        path="school9/скан.pdf",
        format="pdf",
        doc_type="unknown",
        doc_type_confidence=0.0,
        verdict="unreadable",
        reason="PDF без текстового слоя: нужен OCR",
        reason_code="no_text_layer",
        municipality="Городской округ Тула",
    )
    return Report(lang=lang, campaign="500+ 2024", documents=[roadmap, plan, broken]).finalize()


def test_all_formats_registered_and_render() -> None:
    report = make_report()
    for name in ("sarif", "junit", "github", "gitlab", "markdown", "csv", "xlsx", "html"):
        assert name in REPORTERS
        out = render(name, report)
        assert out, name
    assert make_report().model_dump() == report.model_dump()  # reporters do not mutate the report


# --- SARIF -------------------------------------------------------------------------------------------------


def test_sarif_validates_against_official_schema() -> None:
    import jsonschema

    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    log = json.loads(render("sarif", make_report()))
    validator_cls = jsonschema.validators.validator_for(schema)
    assert validator_cls is jsonschema.Draft7Validator
    errors = sorted(validator_cls(schema).iter_errors(log), key=str)
    assert not errors, [e.message for e in errors[:5]]


def test_sarif_content() -> None:
    log = json.loads(render("sarif", make_report()))
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    driver = run["tool"]["driver"]
    assert driver["name"] == "checker"
    rules = {r["id"]: r for r in driver["rules"]}
    assert rules["RM-DATE-003"]["defaultConfiguration"]["level"] == "warning"
    assert rules["RM-SEC-001"]["shortDescription"]["text"] == "Требование RM-SEC-001"
    results = run["results"]
    assert len(results) == 9
    kinds = {r["kind"] for r in results}
    assert kinds == {"fail", "pass", "notApplicable"}
    for result in results:
        assert result["partialFingerprints"]["checker/v1"]
        if result["kind"] != "fail":
            assert result["level"] == "none"
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    cell = next(r for r in results if r["ruleId"] == "RM-TBL-002")
    loc = cell["locations"][0]
    assert loc["physicalLocation"]["artifactLocation"]["uri"] == (
        "%D0%A8%D0%BA%D0%BE%D0%BB%D0%B0%2012/%D0%B4%D0%BE%D1%80%D0%BE%D0%B6%D0%BD%D0%B0%D1%8F%20"
        "%D0%BA%D0%B0%D1%80%D1%82%D0%B0%202024.docx"
    )
    assert loc["physicalLocation"]["region"]["snippet"]["text"].startswith("<script>")
    assert loc["logicalLocations"] == [{"fullyQualifiedName": "body/tbl[2]/tr[5]/tc[3]", "kind": "element"}]
    assert loc["properties"] == {"page": 3, "table": 2, "row": 5, "column": 3}
    paragraph = next(r for r in results if r["ruleId"] == "RM-DATE-003" and "paragraph" in str(r))
    assert paragraph["locations"][0]["physicalLocation"]["region"]["startLine"] == 7
    assert paragraph["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "body/p[7]"
    txt = next(
        r
        for r in results
        if r["ruleId"] == "RM-DATE-003"
        and r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "school7/plan.txt"
    )
    assert txt["locations"][0]["physicalLocation"]["region"]["startLine"] == 12
    ignored = next(r for r in results if r["ruleId"] == "RM-FONT-006")
    assert ignored["suppressions"][0]["justification"] == "согласовано с МОУО"
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is True
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["message"]["text"] == "PDF без текстового слоя: нужен OCR"
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "school9/%D1%81%D0%BA%D0%B0%D0%BD.pdf"


def test_sarif_helpers() -> None:
    assert sarif_reporter.artifact_uri("a b/c:d.docx") == "a%20b/c%3Ad.docx"
    assert sarif_reporter.artifact_uri("dir\\file.docx") == "dir/file.docx"
    assert sarif_reporter.artifact_uri("/abs/x y.pdf") == "file:///abs/x%20y.pdf"
    assert sarif_reporter.start_line(FindingLocation(block=0)) == 1
    assert sarif_reporter.logical_name(FindingLocation(page=3)) == "page[3]"


# --- JUnit -------------------------------------------------------------------------------------------------


def test_junit() -> None:
    text = render("junit", make_report())
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [CYRILLIC_PATH, "school7/plan.txt", "school9/скан.pdf"]
    first = suites[0]
    assert first.get("tests") == "7"
    assert first.get("failures") == "4"
    assert first.get("skipped") == "2"  # not applicable + accepted
    names = [(c.get("classname"), c.get("name")) for c in root.iter("testcase")]
    assert len(names) == len(set(names))
    assert ("Школа 12/дорожная карта 2024.docx", "RM-TBL-002 #2: Требование RM-TBL-002") in names
    failures = [c.find("failure") for c in first.findall("testcase") if c.find("failure") is not None]
    for failure in failures:
        assert failure.text and "Где:" in failure.text
    cell = next(f for f in failures if "срок" in f.text)
    assert cell.get("type") == "error"
    assert "Не указан срок мероприятия" in cell.text
    assert "стр. 3, таблица 2, строка 5, столбец 3" in cell.text
    assert "«<script>alert(1)</script>" in cell.text  # escaped in XML, intact after parsing
    assert "&lt;script&gt;" in text
    warning = next(f for f in failures if f.get("type") == "warning")
    assert "абзац 7" in warning.text
    error = suites[2].find("testcase/error")
    assert error is not None and error.text == "PDF без текстового слоя: нужен OCR"
    assert root.get("errors") == "1"


def test_junit_drops_xml_invalid_characters() -> None:
    report = make_report()
    report.documents[0].findings[0].evidence = "bad\x0bchar\x00"
    root = ET.fromstring(render("junit", report).encode("utf-8"))
    assert any("badchar" in (f.text or "") for f in root.iter("failure"))


# --- GitHub ------------------------------------------------------------------------------------------------


def test_github_commands_and_summary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("previous step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    out = render("github", make_report())
    lines = out.splitlines()
    assert lines[0] == f"::group::{CYRILLIC_PATH}"
    assert lines.count("::endgroup::") == 3
    assert all(not line.startswith("::") or "\r" not in line for line in lines)
    date = next(line for line in lines if "title=RM-DATE-003" in line and "%D0" not in line and "docx" in line)
    assert date.startswith("::warning file=Школа 12/дорожная карта 2024.docx,line=7,title=RM-DATE-003::")
    assert "формат, 1:2" in date  # data keeps , and :
    tbl = next(line for line in lines if "title=RM-TBL-002" in line)
    assert tbl.startswith("::error ")
    assert "50%25 учителей" in tbl and "%0A" in tbl
    assert not any("RM-SIGN-004" in line or "RM-APPX-005" in line or "RM-FONT-006" in line for line in lines)
    assert "::error file=school9/скан.pdf::PDF без текстового слоя%3A нужен OCR" not in out
    assert "::error file=school9/скан.pdf::PDF без текстового слоя: нужен OCR" in lines
    assert not any("не показано" in line for line in lines)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("previous step\n")
    assert "| `Школа 12/дорожная карта 2024.docx` | `RM-TBL-002` |" in text
    assert "&lt;script&gt;" in text and "<script>" not in text
    assert "RM-SIGN-004" not in text.split("###", 1)[1]  # only failures in the findings table


def test_github_escaping() -> None:
    assert github_reporter.escape_data("a%b\r\nc:d,e") == "a%25b%0D%0Ac:d,e"
    assert github_reporter.escape_property("a%b\r\nc:d,e") == "a%25b%0D%0Ac%3Ad%2Ce"
    assert github_reporter.command("error", "m", file="x,y:z.docx", line=3, title="R") == (
        "::error file=x%2Cy%3Az.docx,line=3,title=R::m"
    )


def test_github_caps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    documents = [
        DocumentReport(
            path=f"d{i}.docx",
            doc_type="roadmap",
            doc_type_confidence=1,
            verdict="noncompliant",
            findings=[_finding(f"R-{s}-{j}", "fail", s) for s in ("error", "warning", "info") for j in range(4)],
        )
        for i in range(5)
    ]
    report = Report(documents=documents).finalize()
    lines = render("github", report).splitlines()
    assert sum(line.startswith("::error ") for line in lines) == 10
    assert sum(line.startswith("::warning ") for line in lines) == 10
    assert sum(line.startswith("::notice ") for line in lines) == 10
    assert lines[-1] == "30 замечаний не показано как аннотации; полный список — в сводке задания"
    # Per-level caps hit first here (3 x 10 shown); the 50-in-all cap is tested separately below.
    report.lang = "en"
    assert render("github", report).splitlines()[-1].startswith("30 findings not shown as annotations")


def test_github_total_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(github_reporter, "PER_LEVEL_CAP", 100)
    documents = [
        DocumentReport(
            path="d.docx",
            doc_type="roadmap",
            doc_type_confidence=1,
            verdict="noncompliant",
            findings=[_finding(f"R-{j}", "fail") for j in range(60)],
        )
    ]
    lines = github_reporter.render(Report(documents=documents)).splitlines()
    assert sum(line.startswith("::error ") for line in lines) == 50
    assert lines[-1].startswith("10 замечаний не показано")


# --- GitLab Code Quality -------------------------------------------------------------------------------------


def test_gitlab_code_quality() -> None:
    issues = json.loads(render("gitlab", make_report()))
    assert len(issues) == 6  # 3 + 1 failing in the roadmap (one accepted), 1 in the plan, 1 unreadable
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert isinstance(issue["location"]["lines"]["begin"], int)
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    by_check = {i["check_name"]: i for i in issues}
    assert by_check["RM-SEC-001"]["severity"] == "major"
    assert by_check["RM-SEC-001"]["location"]["path"] == CYRILLIC_PATH
    assert by_check["RM-DATE-003"]["severity"] == "minor"
    assert by_check["UNREADABLE"]["severity"] == "critical"
    assert by_check["UNREADABLE"]["description"] == "PDF без текстового слоя: нужен OCR"
    assert "aaaa1111" in {i["fingerprint"] for i in issues}
    assert "RM-SIGN-004" not in by_check and "RM-FONT-006" not in by_check


# --- Markdown, CSV, XLSX -------------------------------------------------------------------------------------


def test_markdown() -> None:
    text = render("markdown", make_report())
    assert "| Документ | Тип | Вердикт | Ошибки | Предупреждения |" in text
    row = "| `Школа 12/дорожная карта 2024.docx` | Дорожная карта (план мероприятий) | ❌ не соответствует | 3 | 1 |"
    assert row in text
    assert "«&lt;script&gt;alert(1)&lt;/script&gt; Провести семинар, 50% учителей»" in text
    assert "<details>" in text and "Выполнено проверок: 1" in text
    assert "PDF без текстового слоя" in text
    assert "Document check results" in render("markdown", make_report("en"))


def test_csv() -> None:
    data = render("csv", make_report())
    assert isinstance(data, bytes)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Документ" and len(rows[0]) == 10
    assert len(rows) == 1 + 7 + 2 + 1
    assert all(len(r) == 10 for r in rows)
    assert any(r[0] == CYRILLIC_PATH and r[6] == "выполнено" for r in rows)
    assert any(r[0] == "school9/скан.pdf" and r[3] == "не прочитан" for r in rows)
    assert any(r[8] == "'=SUM(A1:A3)" for r in rows)  # no formula injection
    assert b";" in data.splitlines()[0]


def test_xlsx() -> None:
    import openpyxl

    data = render("xlsx", make_report())
    assert isinstance(data, bytes)
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Сводка", "Муниципалитеты", "Замечания", "Правила"]
    for sheet in book.worksheets:
        assert sheet.auto_filter.ref
        assert sheet.freeze_panes == "A2"
        assert sheet["A1"].font.bold
    summary = book["Сводка"]
    assert summary["A2"].value == CYRILLIC_PATH
    assert summary["D2"].value == "не соответствует"
    assert summary["D2"].fill.fgColor.rgb.endswith("FFC7CE")
    assert summary["D3"].fill.fgColor.rgb.endswith("C6EFCE")
    assert summary["A5"].value.startswith("Итого")
    assert summary["E5"].value == 3
    findings = book["Замечания"]
    values = [c.value for c in findings["G"]]
    assert "=SUM(A1:A3)" in values  # kept as text, not a formula
    assert all(c.data_type != "f" for row in findings.iter_rows() for c in row)
    rules = {row[0]: row[3] for row in book["Правила"].iter_rows(min_row=2, values_only=True)}
    assert rules["RM-DATE-003"] == 2
    assert rules["RM-SEC-001"] == 1
    assert rules["RM-SIGN-004"] == 0
    assert summary["C2"].value == "Дорожная карта (план мероприятий)"  # a type for people, not an id
    municipalities = list(book["Муниципалитеты"].iter_rows(values_only=True))
    assert municipalities[0][:3] == ("Муниципалитет", "Получено документов", "Соответствуют")
    assert sum(row[1] for row in municipalities[1:]) == 3
    english = openpyxl.load_workbook(io.BytesIO(render("xlsx", make_report("en"))))
    assert english.sheetnames == ["Summary", "Municipalities", "Findings", "Rules"]


def test_not_checked_in_every_format() -> None:
    """A document of unknown type is «не проверен» everywhere and never counted as compliant."""
    import openpyxl

    unknown = DocumentReport(
        path="школа/список.txt",
        doc_type="unknown",
        doc_type_confidence=0.1,
        verdict="not_checked",
        reason="тип документа не определён — укажите тип и проверьте снова.",
        reason_code="type_unknown",
    )
    report = Report(documents=[unknown]).finalize()
    assert (report.summary.not_checked, report.summary.compliant) == (1, 0)
    assert "НЕ ПРОВЕРЕН" in render("text", report)
    assert "не проверен" in render("markdown", report)
    assert "Не проверен" in render("html", report)
    assert "тип документа не определён" in render("junit", report)
    assert "<failure" in render("junit", report)
    assert "NOT_CHECKED" in render("gitlab", report)
    sarif = json.loads(render("sarif", report))
    notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert notes and "тип документа не определён" in notes[0]["message"]["text"]
    assert "не проверен" in render("csv", report).decode("utf-8-sig")
    book = openpyxl.load_workbook(io.BytesIO(render("xlsx", report)))
    assert book["Сводка"]["D2"].value == "не проверен"
    assert book["Муниципалитеты"]["E2"].value == 1


# --- HTML ----------------------------------------------------------------------------------------------------


def test_html() -> None:
    text = render("html", make_report())
    assert text.startswith("<!DOCTYPE html>")
    assert '<html lang="ru">' in text
    for word in ("Соответствует", "Не соответствует", "Не прочитан", "не указано", "Городской округ Тула"):
        assert word in text
    assert "<script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<svg" in text and "http://" not in text.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert not re.search(r"""(src|href)=["'](?!#)""", text)  # self-contained: only in-page links
    anchor = html_reporter.section_id(CYRILLIC_PATH)
    assert f'id="{anchor}"' in text and f'href="#{anchor}"' in text
    assert "<details>" in text
    english = render("html", make_report("en"))
    assert '<html lang="en">' in english and "Noncompliant" in english


def test_html_helpers() -> None:
    doc = make_report().documents[0]
    section = html_reporter.render_document_section(doc, "ru")
    assert section.startswith("<section") and "Не соответствует" in section
    page = html_reporter.page("<T>", section, "ru")
    assert "<title>&lt;T&gt;</title>" in page and section in page


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.slow  # Chromium
@pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed")
def test_html_renders_in_chromium(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(render("html", make_report()), encoding="utf-8")
    png = tmp_path / "page.png"
    result = _chromium(tmp_path, f"--screenshot={png}", "--window-size=1200,1600", page.as_uri())
    assert png.exists(), result.stderr[-2000:]
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000
    dom = _chromium(tmp_path, "--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    for word in ("Соответствует", "Не соответствует", "Не прочитан"):
        assert word in dom.stdout


def test_html_names_document_types_for_people() -> None:
    html_ru = render("html", make_report("ru"))
    assert "Дорожная карта (план мероприятий)" in html_ru
    html_en = render("html", make_report("en"))
    assert "Roadmap (action plan)" in html_en
