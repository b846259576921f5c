"""Benchmarks: whole-process timings of `checker check` as a user runs it.

Run: python bench/run_bench.py [single|batch|doc|bigpdf|all] [--checker-root PATH]
- single: a one-page docx press release, and a 50-page docx (interpreter start included);
- batch: the corpus of bench/make_corpus.py — cold run, cached run, peak memory, pages/s,
  and the extraction floor (the same files read by python-docx / pypdfium2 alone);
- doc: a folder of 100 .doc files (bench/corpus-doc), `checker check` with default jobs, twice;
- bigpdf: one 300-page PDF with a text layer (bench/corpus-bigpdf), one worker, twice.
Each doc/bigpdf figure carries the load average before and after it: the machine is shared.
Figures go to stdout; BENCHMARKS.md records them with the method."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "bench" / "corpus"
DOC_CORPUS = ROOT / "bench" / "corpus-doc"  # 100 .doc files (make_corpus.py --kind doc), made once
PDF_CORPUS = ROOT / "bench" / "corpus-bigpdf"  # one 300-page PDF (make_corpus.py --kind bigpdf), made once


def timed(cmd: list[str], repeat: int = 5) -> tuple[float, float]:
    """Median wall time and peak RSS (MB) of the child processes."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
        times.append(time.perf_counter() - start)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return statistics.median(times), peak


def single() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from make_corpus import make_docx

    one = ROOT / "fixtures" / "press_release" / "clean.docx"
    t, rss = timed([sys.executable, "-m", "checker", "check", str(one), "--no-cache", "--jobs", "1"])
    print(f"one-page docx press release: {t:.2f} s median of 5, peak RSS {rss:.0f} MB")
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "fifty.docx"
        make_docx(big, 50, 7)
        t, rss = timed([sys.executable, "-m", "checker", "check", str(big), "--no-cache", "--jobs", "1"])
        print(f"50-page docx roadmap: {t:.2f} s median of 5, peak RSS {rss:.0f} MB")


def floor(files: list[Path]) -> tuple[float, int]:
    """Extraction only: python-docx paragraphs+tables, pypdfium2 text, plain read for txt."""
    import docx
    import pypdfium2 as pdfium

    pages = 0
    start = time.perf_counter()
    for f in files:
        if f.suffix == ".docx":
            d = docx.Document(str(f))
            _ = [p.text for p in d.paragraphs] + [c.text for t in d.tables for r in t.rows for c in r.cells]
            pages += 10
        elif f.suffix == ".pdf":
            pdf = pdfium.PdfDocument(str(f))
            for page in pdf:
                page.get_textpage().get_text_bounded()
                pages += 1
            pdf.close()
        else:
            f.read_text(encoding="utf-8")
            pages += 10
    return time.perf_counter() - start, pages


def batch(checker_root: Path = ROOT) -> None:
    if not CORPUS.exists():
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py")], check=True)
    files = sorted(CORPUS.iterdir())
    with tempfile.TemporaryDirectory() as cache:
        cmd = [sys.executable, "-m", "checker", "check", str(CORPUS), "--format", "json", "--cache-dir", cache,
               "--output", os.devnull]
        start = time.perf_counter()
        env = {**os.environ, "PYTHONPATH": str(checker_root)}  # --checker-root: time that tree, same corpus
        subprocess.run(cmd, capture_output=True, cwd=checker_root, env=env)
        cold = time.perf_counter() - start
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, cwd=checker_root, env=env)
        cached = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    extraction, pages = floor(files)
    print(f"corpus: {len(files)} files, ~{pages} pages")
    print(f"cold: {cold:.1f} s ({len(files) / cold:.1f} docs/s, {pages / cold:.0f} pages/s)")
    print(f"cached: {cached:.1f} s")
    print(f"extraction floor (1 process): {extraction:.1f} s ({pages / extraction:.0f} pages/s)")
    print(f"end-to-end / floor pages/s ratio: {(pages / cold) / (pages / extraction):.2f}")
    print(f"peak RSS of one process (parent or a worker): {peak:.0f} MB")


def load() -> str:
    """The machine's load average (1 min): the machine is shared, figures are read beside it."""
    return f"load {os.getloadavg()[0]:.1f}"


def check_folder(target: Path, checker_root: Path, extra: list[str]) -> tuple[float, dict[str, int]]:
    """One `checker check` run (no cache) of the given checker tree: wall time and verdict counts."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        cmd = [sys.executable, "-m", "checker", "check", str(target), "--no-cache", "--format", "json",
               "--output", str(out), *extra]
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, cwd=checker_root, env={**os.environ, "PYTHONPATH": str(checker_root)})
        elapsed = time.perf_counter() - start
        import json

        verdicts: dict[str, int] = {}
        for document in json.loads(out.read_text(encoding="utf-8"))["documents"]:
            if document.get("kind", "document") == "document":
                verdicts[document["verdict"]] = verdicts.get(document["verdict"], 0) + 1
    return elapsed, verdicts


def doc_folder(checker_root: Path) -> None:
    """A folder of 100 .doc files (LibreOffice reads them), default jobs, run twice."""
    if len(list(DOC_CORPUS.glob("*.doc"))) != 100:
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), "--kind", "doc", "--count", "100",
                        "--out", str(DOC_CORPUS)], check=True)
    for run in (1, 2):
        before = load()
        elapsed, verdicts = check_folder(DOC_CORPUS, checker_root, [])
        print(f".doc folder (100 files), run {run}: {elapsed:.1f} s ({elapsed / 100:.2f} s a file), "
              f"verdicts {verdicts}; {before} before, {load()} after")


def big_pdf(checker_root: Path) -> None:
    """One 300-page PDF with a text layer (reportlab), one worker, run twice."""
    pdf = PDF_CORPUS / "roadmap_300.pdf"
    if not pdf.exists():
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), "--kind", "bigpdf",
                        "--out", str(PDF_CORPUS)], check=True)
    for run in (1, 2):
        before = load()
        elapsed, verdicts = check_folder(pdf, checker_root, ["--jobs", "1", "--timeout", "600"])
        print(f"300-page PDF, run {run}: {elapsed:.1f} s ({300 / elapsed:.0f} pages/s), verdicts {verdicts}; "
              f"{before} before, {load()} after")


if __name__ == "__main__":
    which = sys.argv[1] if len(sys.argv) > 1 else "all"
    # --checker-root PATH: time another checker tree (e.g. `git archive REV | tar -x -C PATH` for "before")
    root = Path(sys.argv[sys.argv.index("--checker-root") + 1]) if "--checker-root" in sys.argv else ROOT
    if which in ("single", "all"):
        single()
    if which in ("batch", "all"):
        batch(root)
    if which in ("doc", "all"):
        doc_folder(root)
    if which in ("bigpdf", "all"):
        big_pdf(root)
