"""Benchmarks: whole-process timings of `checker check` as a user runs it.

Run: python bench/run_bench.py [single|batch|all]
- single: a one-page docx press release, and a 50-page docx (interpreter start included);
- batch: the corpus of bench/make_corpus.py — cold run, cached run, peak memory, pages/s,
  and the extraction floor (the same files read by python-docx / pypdfium2 alone).
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


def batch() -> None:
    if not CORPUS.exists():
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py")], check=True)
    files = sorted(CORPUS.iterdir())
    with tempfile.TemporaryDirectory() as cache:
        cmd = [sys.executable, "-m", "checker", "check", str(CORPUS), "--format", "json", "--cache-dir", cache,
               "--output", os.devnull]
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
        cold = time.perf_counter() - start
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
        cached = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    extraction, pages = floor(files)
    print(f"corpus: {len(files)} files, ~{pages} pages")
    print(f"cold: {cold:.1f} s ({len(files) / cold:.1f} docs/s, {pages / cold:.0f} pages/s)")
    print(f"cached: {cached:.1f} s")
    print(f"extraction floor (1 process): {extraction:.1f} s ({pages / extraction:.0f} pages/s)")
    print(f"end-to-end / floor pages/s ratio: {(pages / cold) / (pages / extraction):.2f}")
    print(f"peak RSS of one process (parent or a worker): {peak:.0f} MB")


if __name__ == "__main__":
    which = sys.argv[1] if len(sys.argv) > 1 else "all"
    if which in ("single", "all"):
        single()
    if which in ("batch", "all"):
        batch()
