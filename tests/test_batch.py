"""Issue 5: folders, workers with time limits, cache, packages, manifest, configuration, reports."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import FIXTURES, run_checker, run_json

PRESS = FIXTURES / "press_release"

HANGING_PACK = """\
pack: hanging
title: Правило с катастрофическим выражением
doc_types: []
rules:
  - id: HANG-1
    kind: phrases
    title: Зависающее выражение
    message: не найдено
    any_of: [{regex: '(a+)+$'}]
"""
# Pack patterns run with a per-match time limit (checker/safe_regex.py): one backtracking rule is
# interrupted after about a second. Eight different ones still outlast a 3-second file timeout, so the
# worker timeout (the backstop) stays tested.
_SLOW_RULE = """\
  - id: HANG-{n}
    kind: phrases
    title: Зависающее выражение {n}
    message: не найдено
    any_of: [{{regex: '(?:a{{1,20}}){{1,{m}}}$'}}]
"""
SLOW_PACK = HANGING_PACK.split("rules:")[0] + "rules:\n" + "".join(
    _SLOW_RULE.format(n=n, m=20 + n) for n in range(1, 9)
)
SLOW_TEXT = (
    "Пресс-релиз. В школе прошла встреча родителей и учителей. Обсудили планы на новый учебный год "
    "и работу кружков. Директор рассказал о ремонте спортивного зала.\n" + "a" * 60 + "!\n"
)


def _failing(document: dict) -> set[str]:
    return {f["rule_id"] for f in document["findings"] if f["outcome"] == "fail" and not f.get("ignored")}


def test_folder_in_parallel_lists_every_file(tmp_path: Path) -> None:
    folder = tmp_path / "Кущёвский район"
    shutil.copytree(PRESS, folder)
    (folder / "заметки.xyz").write_text("не документ", encoding="utf-8")  # ignored in folders: not a document type
    code, report = run_json("check", str(folder), "--jobs", "2")
    paths = sorted(Path(d["path"]).name for d in report["documents"] if d["kind"] == "document")
    assert paths == sorted(p.name for p in PRESS.rglob("*") if p.suffix in (".docx", ".pdf", ".txt"))  # subfolders too
    _, serial = run_json("check", str(folder), "--jobs", "1")
    assert [d["verdict"] for d in serial["documents"]] == [d["verdict"] for d in report["documents"]]
    assert code == 1


def test_hanging_file_becomes_unreadable_and_batch_goes_on(tmp_path: Path) -> None:
    pack = tmp_path / "hanging.yaml"
    pack.write_text(SLOW_PACK, encoding="utf-8")
    slow = tmp_path / "slow.txt"
    slow.write_text(SLOW_TEXT, encoding="utf-8")
    code, report = run_json("check", str(slow), str(PRESS / "clean.txt"), "--rules", str(pack), "--timeout", "3")
    by_name = {Path(d["path"]).name: d for d in report["documents"]}
    assert by_name["slow.txt"]["verdict"] == "unreadable"
    assert by_name["slow.txt"]["reason_code"] == "timeout"
    assert "не уложилась" in by_name["slow.txt"]["reason"]
    assert by_name["clean.txt"]["verdict"] != "unreadable"
    assert code == 3


def test_backtracking_regex_interrupts_its_rule_only(tmp_path: Path) -> None:
    pack = tmp_path / "hanging.yaml"
    pack.write_text(HANGING_PACK.replace("'(a+)+$'", "'(a|aa)+$'"), encoding="utf-8")
    slow = tmp_path / "slow.txt"
    slow.write_text(SLOW_TEXT, encoding="utf-8")
    result = run_checker("check", str(slow), "--rules", str(pack), "--no-cache", "--format", "json", "--timeout", "30")
    assert "Traceback" not in result.stderr
    finding = json.loads(result.stdout)["documents"][0]["findings"][0]
    assert finding["outcome"] == "not_applicable"
    assert finding["message"] == "Правило прервано: слишком долгий поиск по шаблону."


def test_cache_reuses_results_and_notices_changes(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    doc = tmp_path / "пресс-релиз.txt"
    shutil.copy(PRESS / "no_venue.txt", doc)
    first = run_checker("check", str(doc), "--format", "json", "--cache-dir", str(cache))
    assert any(cache.rglob("*.json"))
    second = run_checker("check", str(doc), "--format", "json", "--cache-dir", str(cache))
    assert json.loads(first.stdout)["documents"] == json.loads(second.stdout)["documents"]
    shutil.copy(PRESS / "clean.txt", doc)
    third = json.loads(run_checker("check", str(doc), "--format", "json", "--cache-dir", str(cache)).stdout)
    assert third["documents"][0]["verdict"] == "compliant"


LETTER = """Управление образования администрации муниципального образования Белореченский район

Исх. № 01-12/345 от 03.09.2018

Руководителям общеобразовательных организаций

О проведении муниципального модельного семинара

Уважаемые руководители!

Управление образования сообщает, что 12 сентября 2018 года на базе МБОУ СОШ № 3 состоится муниципальный
модельный семинар. Просим направить для участия заместителей директоров.

Начальник управления образования                И.И. Иванова
"""

PROGRAMME = """Программа муниципального модельного семинара

Дата проведения: 12 сентября 2018 года
Место проведения: МБОУ СОШ № 3 города Белореченска

09.30 - 10.00\tРегистрация участников
10.00 - 10.20\tОткрытие семинара\tИванова И.И., начальник управления образования
10.20 - 11.00\tМодель работы школы-лидера\tПетров П.П., директор МБОУ СОШ № 3
"""


def _package(folder: Path, photos: int, registration: bool) -> None:
    folder.mkdir(parents=True)
    (folder / "письмо.txt").write_text(LETTER, encoding="utf-8")
    (folder / "программа.txt").write_text(PROGRAMME, encoding="utf-8")
    shutil.copy(PRESS / "clean.docx", folder / "пресс-релиз.docx")
    for n in range(photos):
        (folder / f"фото{n}.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes([n]) * 64)
    (folder / "фото-копия.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes([0]) * 64)  # a duplicate counts once
    (folder / "презентация.pptx").write_bytes(b"PK\x03\x04")
    if registration:
        rows = "\n".join(f"{n}\tУчастник{n} Иван Иванович\tучитель\tМБОУ СОШ № {n}\t" for n in range(1, 32))
        (folder / "лист регистрации.txt").write_text(
            "Лист регистрации участников семинара\n\n№\tФИО\tДолжность\tОО\tПодпись\n" + rows + "\n", encoding="utf-8"
        )


def test_seminar_package_with_three_photos_and_no_registration(tmp_path: Path) -> None:
    folder = tmp_path / "семинар"
    _package(folder, photos=3, registration=False)
    _, report = run_json("check", str(folder), "--campaign", "krasnodar-2018")
    package = next(d for d in report["documents"] if d["kind"] == "package")
    complete = next(f for f in package["findings"] if f["rule_id"] == "PKG-COMPLETE-001")
    assert complete["outcome"] == "fail"
    assert "фотографии (не менее 5): 3 из 5" in complete["message"]
    assert "листы регистрации" in complete["message"]
    assert "пресс-релиз" not in complete["message"]
    assert package["verdict"] == "noncompliant"


def test_complete_seminar_package(tmp_path: Path) -> None:
    folder = tmp_path / "семинар"
    _package(folder, photos=5, registration=True)
    _, report = run_json("check", str(folder), "--campaign", "krasnodar-2018")
    package = next(d for d in report["documents"] if d["kind"] == "package")
    outcomes = {f["rule_id"]: f["outcome"] for f in package["findings"]}
    assert outcomes["PKG-COMPLETE-001"] == "pass"
    assert outcomes["PKG-DATES-001"] == "pass"
    assert outcomes["PKG-COUNT-001"] == "pass"


def test_package_dates_disagree(tmp_path: Path) -> None:
    folder = tmp_path / "семинар"
    _package(folder, photos=5, registration=True)
    programme = folder / "программа.txt"
    programme.write_text(PROGRAMME.replace("12 сентября", "14 сентября"), encoding="utf-8")
    _, report = run_json("check", str(folder))
    package = next(d for d in report["documents"] if d["kind"] == "package")
    dates = next(f for f in package["findings"] if f["rule_id"] == "PKG-DATES-001")
    assert dates["outcome"] == "fail"
    assert "12.09.2018" in dates["message"] and "14.09.2018" in dates["message"]


def test_manifest_sets_municipality(tmp_path: Path) -> None:
    folder = tmp_path / "сдано"
    folder.mkdir()
    shutil.copy(PRESS / "clean.txt", folder / "релиз.txt")
    (folder / "manifest.csv").write_text(
        "файл;муниципалитет;дата получения\nрелиз.txt;Белореченский район;20.09.2018\n", encoding="utf-8"
    )
    _, report = run_json("check", str(folder))
    assert report["documents"][0]["municipality"] == "Белореченский район"


def test_config_overrides_profile_and_ignore_file(tmp_path: Path) -> None:
    doc = tmp_path / "релиз.txt"
    shutil.copy(PRESS / "no_venue.txt", doc)
    # the operator's config: in the working directory (docs/security.md), not beside a named file
    (tmp_path / ".checker.yaml").write_text('overrides: {PR-VENUE-001: "off"}\n', encoding="utf-8")
    code, report = run_json("check", str(doc), cwd=tmp_path)
    assert "PR-VENUE-001" not in {f["rule_id"] for f in report["documents"][0]["findings"]}
    assert code == 0

    (tmp_path / ".checker.yaml").write_text("profile: self-check\n", encoding="utf-8")
    _, report = run_json("check", str(doc), cwd=tmp_path)
    assert all(f["severity"] != "info" for f in report["documents"][0]["findings"])
    venue = next(f for f in report["documents"][0]["findings"] if f["rule_id"] == "PR-VENUE-001")

    (tmp_path / ".checker-ignore.yaml").write_text(
        f"ignore:\n  - fingerprint: {venue['fingerprint']}\n    reason: согласовано с ИРО\n", encoding="utf-8"
    )
    code, report = run_json("check", str(doc), cwd=tmp_path)
    venue = next(f for f in report["documents"][0]["findings"] if f["rule_id"] == "PR-VENUE-001")
    assert venue["ignored"] == "согласовано с ИРО"
    assert report["documents"][0]["verdict"] == "compliant"
    assert code == 0
    code, _ = run_json("check", str(doc), "--no-ignore", cwd=tmp_path)
    assert code == 1


def test_config_error_is_reported(tmp_path: Path) -> None:
    (tmp_path / ".checker.yaml").write_text("profil: audit\n", encoding="utf-8")
    shutil.copy(PRESS / "clean.txt", tmp_path / "a.txt")
    result = run_checker("check", str(tmp_path / "a.txt"), "--no-cache", cwd=tmp_path)
    assert result.returncode == 2
    assert ".checker.yaml" in result.stderr and "Traceback" not in result.stderr


def test_several_reports_in_one_run(tmp_path: Path) -> None:
    out = tmp_path / "отчёты"
    result = run_checker(
        "check", str(PRESS / "no_venue.docx"), "--no-cache", "--format", "json", "--output", str(out / "r.json"),
        "--report", f"sarif:{out / 'r.sarif'}", "--report", f"html:{out / 'r.html'}",
        "--report", f"xlsx:{out / 'r.xlsx'}", "--report", f"junit:{out / 'r.xml'}",
    )
    assert result.returncode == 1, result.stderr
    assert json.loads((out / "r.json").read_text(encoding="utf-8"))["documents"][0]["verdict"] == "noncompliant"
    assert json.loads((out / "r.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert "PR-VENUE-001" in (out / "r.html").read_text(encoding="utf-8")
    assert (out / "r.xlsx").read_bytes()[:2] == b"PK"
    assert not list(out.glob(".*part"))  # atomic writes leave no temporary files
    bad = run_checker("check", str(PRESS / "clean.txt"), "--report", "sarif")
    assert bad.returncode == 2 and "ФОРМАТ:ПУТЬ" in bad.stderr


def test_github_format_is_automatic_under_actions(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    result = run_checker(
        "check", str(PRESS / "no_venue.txt"), "--no-cache",
        env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert "::error file=" in result.stdout
    assert "PR-VENUE-001" in summary.read_text(encoding="utf-8")


def test_a_file_named_beside_a_folder_is_not_part_of_a_package(tmp_path: Path) -> None:
    folder = tmp_path / "семинар"
    _package(folder, photos=5, registration=True)
    other = tmp_path / "семинар-2"  # would be a package if walked: a letter and a programme
    other.mkdir()
    (other / "письмо.txt").write_text(LETTER, encoding="utf-8")
    (other / "программа.txt").write_text(PROGRAMME, encoding="utf-8")
    _, report = run_json("check", str(folder), str(other / "письмо.txt"), str(other / "программа.txt"))
    packages = [d["path"] for d in report["documents"] if d["kind"] == "package"]
    assert packages == [str(folder) + "/"]
    _, report = run_json("check", str(other))
    assert [d["path"] for d in report["documents"] if d["kind"] == "package"] == [str(other) + "/"]
