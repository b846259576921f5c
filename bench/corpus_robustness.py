"""Robustness over other projects' office test files: run `checker check --format json` as a user runs it
(a subprocess over a folder) and say what it did with every file.

    python bench/corpus_robustness.py /tmp/officecorpus [--jobs 2] [--out result.json] [--strict]

Each sub-folder of the corpus folder is one project (python-docx, pandoc, poi, tika…); each is checked by
its own run. Per project and in total it prints and checks:

- stdout is valid JSON (a library printing to stdout would break every `--format json` consumer);
- every document file of the folder is in the report (nothing skipped silently);
- no traceback and no «внутренняя ошибка» on stdout, stderr or in any reason;
- the files called unreadable, grouped by reason code, each with its reason.

The files themselves are never part of the project (fetch them from the projects' public repositories;
BENCHMARKS.md names the commits). `--strict` exits 1 when any of the checks above fails.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

# What a user calls a document: the checker's folder extensions and Word templates, in any letter case.
DOCUMENT_EXTENSIONS = {".docx", ".docm", ".dotx", ".dotm", ".doc", ".pdf", ".txt", ".md", ".rtf", ".odt", ".fodt"}
_INTERNAL = ("Traceback (most recent call last)", "внутренняя ошибка", "internal error")


def expected_files(folder: Path) -> list[str]:
    """The files a folder run must report: document extensions, not hidden, not Office lock files."""
    out = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        if path.name.startswith("~$") or path.suffix.lower() not in DOCUMENT_EXTENSIONS:
            continue
        out.append(str(path))
    return out


def run_project(folder: Path, jobs: int, timeout: float, checker: list[str], root: Path | None = None) -> dict:
    started = time.monotonic()
    process = subprocess.run(
        [*checker, "check", "--format", "json", "--no-cache", "--fail-on", "never", "-j", str(jobs),
         "--timeout", str(timeout), str(folder)],
        capture_output=True, check=False, cwd=root, env={**os.environ, "NO_COLOR": "1"},
    )  # fmt: skip
    elapsed = time.monotonic() - started
    stdout = process.stdout.decode("utf-8", "replace")
    stderr = process.stderr.decode("utf-8", "replace")
    result: dict = {
        "project": folder.name,
        "exit_code": process.returncode,
        "seconds": round(elapsed, 1),
        "problems": [],
    }
    try:
        report = json.loads(stdout)
    except json.JSONDecodeError as exc:
        result["problems"].append(f"stdout is not valid JSON ({exc.msg} at {exc.pos}; {len(stdout)} chars)")
        report = {"documents": []}
    for marker in _INTERNAL:
        if marker.lower() in stderr.lower():
            result["problems"].append(f"stderr contains {marker!r}: {stderr[:300]!r}")
    documents = report.get("documents", [])
    reported = {doc["path"] for doc in documents}
    expected = expected_files(folder)
    missing = [p for p in expected if p not in reported]
    result["files"] = len(expected)
    result["reported"] = len(reported)
    if missing:
        result["problems"].append(f"{len(missing)} files not in the report: {missing[:10]}")
    verdicts = Counter(doc["verdict"] for doc in documents)
    result["verdicts"] = dict(sorted(verdicts.items()))
    unreadable = [doc for doc in documents if doc["verdict"] == "unreadable"]
    result["unreadable_by_code"] = dict(Counter(doc.get("reason_code") for doc in unreadable).most_common())
    result["unreadable"] = [
        {"path": str(Path(doc["path"]).relative_to(folder)) if doc["path"].startswith(str(folder)) else doc["path"],
         "code": doc.get("reason_code"), "reason": doc.get("reason")}
        for doc in sorted(unreadable, key=lambda d: d["path"])
    ]  # fmt: skip
    # Read, but (almost) no text: a test file may really be empty, a parser that loses a whole body shows here.
    result["no_text"] = sorted(
        str(Path(doc["path"]).relative_to(folder)) if doc["path"].startswith(str(folder)) else doc["path"]
        for doc in documents
        if doc.get("reason_code") == "no_text"
    )
    for doc in documents:
        text = json.dumps(doc, ensure_ascii=False)
        if any(marker.lower() in text.lower() for marker in _INTERNAL):
            result["problems"].append(f"internal error for {doc['path']}: {doc.get('reason')}")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="folder with one sub-folder per project")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=60.0, help="per-file limit passed to the checker")
    parser.add_argument("--out", type=Path, help="write the full result (every unreadable file) as JSON")
    parser.add_argument("--only", nargs="*", default=None, help="project sub-folders to run (default: all)")
    parser.add_argument(
        "--checker-root", type=Path, help="run the checker of this source tree (a 'before' copy), not the installed one"
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when any check fails")
    args = parser.parse_args(argv)
    corpus = args.corpus.resolve()
    projects = [p for p in sorted(corpus.iterdir()) if p.is_dir() and (args.only is None or p.name in args.only)]
    checker = [sys.executable, "-m", "checker"]
    results = []
    for folder in projects:
        result = run_project(folder, args.jobs, args.timeout, checker, args.checker_root)
        results.append(result)
        print(
            f"{result['project']:<12} files {result['files']:>4}  reported {result['reported']:>4}  "
            f"unreadable {sum(result['unreadable_by_code'].values()):>3} {result['unreadable_by_code']}  "
            f"no text {len(result['no_text'])}  "
            f"exit {result['exit_code']}  {result['seconds']} s"
        )
        for item in result["unreadable"]:
            print(f"    [{item['code']}] {item['path']}: {item['reason']}")
        for problem in result["problems"]:
            print(f"  PROBLEM: {problem}")
    total_files = sum(r["files"] for r in results)
    total_unreadable = sum(sum(r["unreadable_by_code"].values()) for r in results)
    problems = sum(len(r["problems"]) for r in results)
    print(f"total: {total_files} files, {total_unreadable} unreadable, {problems} problems")
    if args.out:
        args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 1 if args.strict and problems else 0


if __name__ == "__main__":
    sys.exit(main())
