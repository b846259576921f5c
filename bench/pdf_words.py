"""How much of a PDF's text the checker reads: word recall and precision against `pdftotext -layout`.

Run:  python bench/pdf_words.py FOLDER [FOLDER…]            # totals, per corpus, the worst files
      python bench/pdf_words.py FOLDER --out section.md     # also the markdown section for BENCHMARKS.md
      python bench/pdf_words.py FOLDER --details words.json # per file: the words missed and the extra ones

For every PDF under the folders (recursively) `pdftotext -layout` (poppler-utils) gives the reference text;
a file it fails on, or whose text has fewer than `--min-words` words (no text layer: a scan, a drawing), is
skipped and counted as such. The checker's words are those of `checker.parsers.parse_file` (layout
recovery included, OCR off: pdftotext does not recognise scans either) — every block's text, a table's
cell by cell. A word is a run of letters and digits (`\\w+`) after NFC normalisation and case folding;
recall and precision are the multiset overlap of the two word lists over the reference's and the
checker's word count. Totals pool the words of all files (a long file weighs more); the mean of the
per-file figures is shown beside them. Each file is parsed in a worker process that is killed after
`--timeout` seconds (the file is then counted as a timeout, not as a score).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import re
import subprocess
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
WORD_RE = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return WORD_RE.findall(unicodedata.normalize("NFC", text).casefold())


def reference_text(path: Path, timeout: float) -> str | None:
    """`pdftotext -layout` of the file, or None when it fails or hangs."""
    try:
        done = subprocess.run(
            ["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"],
            capture_output=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        return None
    return done.stdout.decode("utf-8", "replace")


FURNITURE_LINES = 3  # lines at the top and at the bottom of a page where running heads and numbers sit


def without_furniture(text: str) -> str:
    """The reference without what the checker leaves out by design (`_drop_furniture`): page numbers and
    running heads — a line among a page's first or last few that is a bare number, or that recurs
    (numbers aside) on three pages or more (two, in a file of three pages or fewer)."""
    pages = [[ln for ln in page.splitlines() if ln.strip()] for page in text.split("\f")]

    def key(line: str) -> str:
        return " ".join(re.sub(r"\d+", "#", line.lower()).split())

    def margin(lines: list[str]) -> list[str]:
        return lines[:FURNITURE_LINES] + lines[-FURNITURE_LINES:]

    seen: Counter[str] = Counter()
    for lines in pages:
        seen.update({key(ln) for ln in margin(lines)})
    repeat = 3 if len(pages) > 3 else 2
    out = []
    for lines in pages:
        edge = set(margin(lines))
        for ln in lines:
            k = key(ln)
            if ln in edge and (seen[k] >= repeat or re.fullmatch(r"[-–—\s#]*", k)):
                continue
            out.append(ln)
    return "\n".join(out)


def checker_text(path: Path) -> str:
    """Every block's text as the checker reads the file; a table's cells one by one."""
    from checker.ocr import OcrSettings
    from checker.parsers import parse_file

    document = parse_file(path, fmt="pdf", ocr=OcrSettings(mode="never"))
    parts: list[str] = []
    for block in document.blocks:
        if block.table is not None:
            parts.extend(cell.text for row in block.table.rows for cell in row.cells)
        else:
            parts.append(block.text)
    return "\n".join(parts)


def _worker(conn: Connection) -> None:
    sys.path.insert(0, str(ROOT))
    while True:
        path = conn.recv()
        if path is None:
            return
        try:
            conn.send(("ok", checker_text(Path(path))))
        except Exception as exc:  # an UnreadableError or a bug: both are results here
            conn.send(("error", f"{type(exc).__name__}: {str(exc)[:200]}"))


@dataclass
class Slot:
    """One worker process and the file it is reading."""

    process: Any
    conn: Connection
    path: Path | None = None
    started: float = 0.0


def _spawn(ctx: Any) -> Slot:
    parent, child = ctx.Pipe()
    process = ctx.Process(target=_worker, args=(child,), daemon=True)
    process.start()
    child.close()
    return Slot(process, parent)


def checker_texts(paths: list[Path], jobs: int, timeout: float) -> dict[Path, tuple[str, str]]:
    """(status, text or error) per file: status ok | error | timeout."""
    ctx = mp.get_context("fork")
    slots = [_spawn(ctx) for _ in range(max(1, jobs))]
    todo = list(reversed(paths))
    out: dict[Path, tuple[str, str]] = {}
    try:
        while todo or any(s.path for s in slots):
            for s in slots:
                if s.path is None and todo:
                    s.path, s.started = todo.pop(), time.monotonic()
                    s.conn.send(str(s.path))
            busy = [s for s in slots if s.path is not None]
            left = min(timeout - (time.monotonic() - s.started) for s in busy)
            ready = wait([s.conn for s in busy], timeout=max(0.0, left))
            for k, s in enumerate(slots):
                if s.path is None:
                    continue
                if s.conn in ready:
                    try:
                        out[s.path] = s.conn.recv()
                    except EOFError:  # the worker died (a crash in a native library)
                        out[s.path] = ("error", "worker died")
                        s.process.join()
                        slots[k] = _spawn(ctx)
                        continue
                    s.path = None
                elif time.monotonic() - s.started >= timeout:
                    out[s.path] = ("timeout", "")
                    s.process.kill()
                    s.process.join()
                    slots[k] = _spawn(ctx)
    finally:
        for s in slots:
            if s.process.is_alive():
                s.process.kill()
            s.process.join()
    return out


@dataclass
class Score:
    path: Path
    corpus: str
    ref: int
    hyp: int
    overlap: int
    missed: Counter[str] = field(default_factory=Counter)
    extra: Counter[str] = field(default_factory=Counter)

    @property
    def recall(self) -> float:
        return self.overlap / self.ref if self.ref else 1.0

    @property
    def precision(self) -> float:
        return self.overlap / self.hyp if self.hyp else (1.0 if not self.ref else 0.0)


def score(path: Path, corpus: str, reference: str, read: str) -> Score:
    ref, hyp = Counter(words(reference)), Counter(words(read))
    common = ref & hyp
    return Score(path, corpus, sum(ref.values()), sum(hyp.values()), sum(common.values()), ref - hyp, hyp - ref)


def pooled(scores: list[Score]) -> tuple[float, float, float, float]:
    """Pooled recall and precision, then the means of the per-file figures."""
    ref = sum(s.ref for s in scores)
    hyp = sum(s.hyp for s in scores)
    overlap = sum(s.overlap for s in scores)
    n = max(len(scores), 1)
    return (
        overlap / ref if ref else 1.0,
        overlap / hyp if hyp else 1.0,
        sum(s.recall for s in scores) / n,
        sum(s.precision for s in scores) / n,
    )


def _top(counter: Counter[str], n: int = 6) -> str:
    return ", ".join(f"{w}×{c}" if c > 1 else w for w, c in counter.most_common(n))  # \w+: no `|`


def summary(scores: list[Score]) -> list[str]:
    lines = ["| corpus | files | reference words | checker words | recall | precision | mean recall | mean precision |"]
    lines.append("|---|---|---|---|---|---|---|---|")
    corpora = sorted({s.corpus for s in scores})
    for name in [*corpora, "all"]:
        part = scores if name == "all" else [s for s in scores if s.corpus == name]
        r, p, mr, mp_ = pooled(part)
        label = f"**{name}**" if name == "all" else name
        lines.append(
            f"| {label} | {len(part)} | {sum(s.ref for s in part)} | {sum(s.hyp for s in part)} | "
            f"{r:.4f} | {p:.4f} | {mr:.4f} | {mp_:.4f} |"
        )
    return lines


def report(
    scores: list[Score],
    body: list[Score],
    skipped: dict[str, list[Path]],
    folders: list[Path],
    worst: int,
    seconds: float,
    total: int,
) -> str:
    lines: list[str] = []
    lines.append(
        f"{total} PDF files; {len(scores)} scored (a text layer: pdftotext gives words; a file the checker "
        "cannot read scores 0)" + "".join(f"; {k}: {len(v)}" for k, v in skipped.items() if v) + f". {seconds:.0f} s."
    )
    lines.append("")
    lines.extend(summary(scores))
    if body:
        lines.append("")
        lines.append(
            "The same against the reference without page numbers and running heads (lines among a page's "
            f"first or last {FURNITURE_LINES} that recur on several pages), which the checker leaves out by design:"
        )
        lines.append("")
        lines.extend(summary(body))
    below_r = sum(1 for s in scores if s.recall < 0.9)
    below_p = sum(1 for s in scores if s.precision < 0.9)
    lines.append("")
    lines.append(f"Files with recall below 0.9: {below_r}; precision below 0.9: {below_p}.")

    def rel(path: Path) -> str:
        for folder in folders:
            if path.is_relative_to(folder):
                return str(path.relative_to(folder.parent))
        return str(path)

    for title, key, counter in (
        ("lowest recall", lambda s: (s.recall, -s.ref), "missed"),
        ("lowest precision", lambda s: (s.precision, -s.hyp), "extra"),
    ):
        lines.append("")
        lines.append(f"Worst {worst} by {title}:")
        lines.append("")
        lines.append("| file | words (ref / checker) | recall | precision | most " + counter + " |")
        lines.append("|---|---|---|---|---|")
        for s in sorted(scores, key=key)[:worst]:
            lines.append(
                f"| {rel(s.path)} | {s.ref} / {s.hyp} | {s.recall:.3f} | {s.precision:.3f} | "
                f"{_top(getattr(s, counter))} |"
            )
    for reason, paths in skipped.items():
        if paths and reason != "no text layer":
            lines.append("")
            lines.append(f"{reason}: " + ", ".join(rel(p) for p in paths[:30]) + (" …" if len(paths) > 30 else ""))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="+", type=Path, help="folders of PDFs (searched recursively)")
    parser.add_argument("--out", type=Path, help="write the markdown section to this file")
    parser.add_argument("--details", type=Path, help="write per-file missed/extra words as JSON")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per file (checker and pdftotext)")
    parser.add_argument("--jobs", type=int, default=1, help="checker worker processes")
    parser.add_argument("--min-words", type=int, default=10, help="fewer pdftotext words: no text layer")
    parser.add_argument("--worst", type=int, default=15, help="how many worst files to list")
    args = parser.parse_args(argv)

    start = time.monotonic()
    folders = [f.resolve() for f in args.folders]
    files: list[tuple[Path, str]] = []
    for folder in folders:
        found = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf")
        files.extend((p, folder.name) for p in found)
    skipped: dict[str, list[Path]] = {
        "pdftotext failed": [], "no text layer": [], "checker: unreadable": [], "checker: timeout": []
    }  # fmt: skip
    references: dict[Path, str] = {}
    for path, _ in files:
        text = reference_text(path, args.timeout)
        if text is None:
            skipped["pdftotext failed"].append(path)
        elif len(words(text)) < args.min_words:
            skipped["no text layer"].append(path)
        else:
            references[path] = text
    read = checker_texts([p for p, _ in files if p in references], args.jobs, args.timeout)
    scores: list[Score] = []
    body: list[Score] = []
    for path, corpus in files:
        if path not in references:
            continue
        status, text = read[path]
        if status == "timeout":
            skipped["checker: timeout"].append(path)
            continue
        if status == "error":
            # an unreadable file reads as no words: it counts, with recall 0, and is listed
            skipped["checker: unreadable"].append(path)
            text = ""
        scores.append(score(path, corpus, references[path], text))
        body.append(score(path, corpus, without_furniture(references[path]), text))
    section = report(scores, body, skipped, folders, args.worst, time.monotonic() - start, len(files))
    print(section)
    if args.out:
        args.out.write_text(section, encoding="utf-8")
    if args.details:
        details = {
            str(s.path): {
                "recall": round(s.recall, 4),
                "precision": round(s.precision, 4),
                "ref": s.ref,
                "hyp": s.hyp,
                "missed": dict(s.missed.most_common(40)),
                "extra": dict(s.extra.most_common(40)),
                "error": read[s.path][1] if read[s.path][0] == "error" else None,
            }
            for s in scores
        }
        args.details.write_text(json.dumps(details, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
