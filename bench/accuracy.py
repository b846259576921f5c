"""How right the checker is on the labelled evaluation set (bench/eval): type detection and findings per rule.

Run:  python bench/accuracy.py                      # held-out half, markdown to stdout
      python bench/accuracy.py --split tune         # the half others tune on
      python bench/accuracy.py --out ACCURACY.md    # also write the section into ACCURACY.md (between its
                                                    # markers for that split) or into a new file
      python bench/accuracy.py --report r.json      # score an existing JSON report instead of running

It runs `python -m checker check <split folder> --format json --no-cache` — the output users see — and
compares each document with its label (bench/eval/labels.yaml). A failing finding is right when the document
carries one of the defect concepts bench/eval/rule_defects.yaml lists for the rule. The documents are
regenerated (bench/eval/make_eval.py, deterministic) when the folder is missing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "bench" / "eval"
DOCS = EVAL / "docs"
LABELS = EVAL / "labels.yaml"
RULE_DEFECTS = EVAL / "rule_defects.yaml"

# approval forms as labelled -> as the report names them (checker/approval.py)
APPROVAL_ALIASES = {"appendix": "order", "council": "protocol"}
SHORT = {"press_release": "PR", "seminar_program": "SP", "letter": "LT", "registration_sheet": "RS",
         "info_report": "IR", "roadmap": "RM", "program": "PG", "plan_schedule": "PS", "system_description": "SD",
         "concept_document": "CD", "development_program": "DP", "antirisk_program": "AR", "unknown": "?"}  # fmt: skip


# ----------------------------------------------------------------------------------------------- inputs


class Label(BaseModel):
    file: str
    split: str
    author: str
    doc_type: str
    subkind: str | None = None
    level: str | None = None
    approval: str | None = None
    format: str
    defects: list[str] = []
    confuser: str | None = None
    noise: list[str] = []


def _yaml(path: Path) -> object:
    from ruamel.yaml import YAML

    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def load_labels(path: Path = LABELS) -> dict[str, Label]:
    data = _yaml(path)
    assert isinstance(data, dict)
    return {item["file"]: Label.model_validate(item) for item in data["documents"]}


def load_rule_defects(path: Path = RULE_DEFECTS) -> dict[str, list[str]]:
    data = _yaml(path) or {}
    assert isinstance(data, dict)
    return {str(rule): list(concepts or []) for rule, concepts in data.items()}


def run_checker(folder: Path, out: Path) -> dict:
    cmd = [sys.executable, "-m", "checker", "check", str(folder), "--format", "json", "--no-cache", "-o", str(out)]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    if not out.exists():
        raise SystemExit(f"checker gave no report (exit {proc.returncode}): {proc.stderr[-2000:]}")
    return json.loads(out.read_text(encoding="utf-8"))


def documents_by_file(report: dict, docs_dir: Path) -> dict[str, dict]:
    """Document reports keyed like the labels (path relative to the docs folder); folder packages are left out."""
    base = docs_dir.resolve()
    out: dict[str, dict] = {}
    for doc in report.get("documents", []):
        if doc.get("kind", "document") != "document":
            continue
        path = Path(doc["path"])
        path = (path if path.is_absolute() else ROOT / path).resolve()
        try:
            out[path.relative_to(base).as_posix()] = doc
        except ValueError:
            continue
    return out


# ---------------------------------------------------------------------------------------------- metrics


class ClassScore(BaseModel):
    support: int  # documents of this type
    predicted: int  # documents called this type
    correct: int
    precision: float | None
    recall: float | None


class RuleScore(BaseModel):
    failing: int = 0
    right: int = 0
    on_mistyped: int = 0  # failures on documents whose detected type is wrong
    unverified: int = 0  # «не удалось проверить» outcomes
    mapped: bool = True

    @property
    def precision(self) -> float | None:
        return self.right / self.failing if self.failing else None


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def confusion(pairs: Iterable[tuple[str, str]]) -> dict[str, Counter[str]]:
    """truth -> Counter(predicted)."""
    matrix: dict[str, Counter[str]] = {}
    for truth, predicted in pairs:
        matrix.setdefault(truth, Counter())[predicted] += 1
    return matrix


def accuracy(pairs: Iterable[tuple[str | None, str | None]]) -> float | None:
    pairs = list(pairs)
    return _ratio(sum(1 for t, p in pairs if t == p), len(pairs))


def per_class(pairs: Iterable[tuple[str, str]]) -> dict[str, ClassScore]:
    pairs = list(pairs)
    classes = sorted({t for t, _ in pairs} | {p for _, p in pairs})
    scores: dict[str, ClassScore] = {}
    for cls in classes:
        support = sum(1 for t, _ in pairs if t == cls)
        predicted = sum(1 for _, p in pairs if p == cls)
        correct = sum(1 for t, p in pairs if t == p == cls)
        scores[cls] = ClassScore(support=support, predicted=predicted, correct=correct,
                                 precision=_ratio(correct, predicted), recall=_ratio(correct, support))  # fmt: skip
    return scores


def rule_scores(findings: Iterable[tuple[str, str, str]], defects: dict[str, set[str]], mapping: dict[str, list[str]],
                mistyped: set[str] | None = None) -> dict[str, RuleScore]:  # fmt: skip
    """findings: (file, rule_id, outcome). A failure is right when the file carries one of the rule's concepts."""
    mistyped = mistyped or set()
    scores: dict[str, RuleScore] = {}
    for file, rule, outcome in findings:
        score = scores.setdefault(rule, RuleScore(mapped=rule in mapping))
        if outcome == "unverified":
            score.unverified += 1
        if outcome != "fail":
            continue
        score.failing += 1
        if set(mapping.get(rule, [])) & defects.get(file, set()):
            score.right += 1
        if file in mistyped:
            score.on_mistyped += 1
    return scores


def concept_recall(findings: Iterable[tuple[str, str, str]], defects: dict[str, set[str]],
                   mapping: dict[str, list[str]]) -> dict[str, tuple[int, int]]:  # fmt: skip
    """concept -> (documents seeded with it, of them named by a failing rule mapped to it)."""
    named: dict[str, set[str]] = {}
    for file, rule, outcome in findings:
        if outcome != "fail":
            continue
        for concept in set(mapping.get(rule, [])) & defects.get(file, set()):
            named.setdefault(concept, set()).add(file)
    out: dict[str, tuple[int, int]] = {}
    for file, concepts in defects.items():
        for concept in concepts:
            seeded, hit = out.get(concept, (0, 0))
            out[concept] = (seeded + 1, hit + (file in named.get(concept, set())))
    return dict(sorted(out.items()))


def approval_found(truth: str | None, forms: list[str]) -> bool:
    """The labelled approval form is among the forms the report found (`none`: it found none)."""
    if truth in (None, "none"):
        return not forms
    return APPROVAL_ALIASES.get(truth, truth) in forms


# ----------------------------------------------------------------------------------------------- scoring


class Result(BaseModel):
    split: str
    documents: int
    missing: list[str]
    type_pairs: list[tuple[str, str]]
    subkind_pairs: list[tuple[str, str | None]]
    level_pairs: list[tuple[str, str | None]]
    approval_hits: list[bool]
    unknown_verdicts: dict[str, int]
    rules: dict[str, RuleScore]
    concepts: dict[str, tuple[int, int]]
    mistakes: list[str] = []  # mistyped documents and wrong failing findings, one line each (--details)
    type_by: dict[str, tuple[int, int]] = {}  # "format:pdf", "author:C", "noise:lookalikes" -> (right, documents)
    version: str = ""


def score(labels: dict[str, Label], docs: dict[str, dict], mapping: dict[str, list[str]], split: str) -> Result:
    chosen = {f: lab for f, lab in labels.items() if split == "all" or lab.split == split}
    missing = sorted(f for f in chosen if f not in docs)
    type_pairs, sub_pairs, level_pairs, approvals = [], [], [], []
    verdicts: Counter[str] = Counter()
    findings: list[tuple[str, str, str]] = []
    mistyped: set[str] = set()
    mistakes: list[str] = []
    type_by: dict[str, list[int]] = {}
    for file, lab in sorted(chosen.items()):
        doc = docs.get(file)
        if doc is None:
            continue
        predicted = doc.get("doc_type") or "unknown"
        type_pairs.append((lab.doc_type, predicted))
        for key in (f"format:{lab.format}", f"author:{lab.author}", *(f"noise:{n}" for n in lab.noise)):
            tally = type_by.setdefault(key, [0, 0])
            tally[0] += predicted == lab.doc_type
            tally[1] += 1
        if predicted != lab.doc_type:
            mistyped.add(file)
            candidates = ", ".join(f"{c.get('doc_type')} {c.get('score')}"
                                   for c in doc.get("doc_type_candidates") or [])
            mistakes.append(f"type {file} ({lab.author}, {lab.format}, {lab.confuser or lab.doc_type}): "
                            f"detected {predicted}" + (f"; candidates {candidates}" if candidates else ""))
        if lab.doc_type == "unknown":
            verdicts[doc.get("verdict", "?")] += 1
        if lab.subkind is not None and predicted == lab.doc_type:
            sub_pairs.append((lab.subkind, doc.get("subkind")))
        if lab.level is not None and predicted == lab.doc_type:
            level_pairs.append((lab.level, doc.get("level")))
        if lab.approval is not None and predicted == lab.doc_type and "approval_forms" in doc:
            approvals.append(approval_found(lab.approval, list(doc.get("approval_forms") or [])))
        for finding in doc.get("findings", []):
            if finding.get("ignored"):
                continue
            findings.append((file, finding["rule_id"], finding["outcome"]))
            concepts = set(mapping.get(finding["rule_id"], []))
            if finding["outcome"] == "fail" and not concepts & set(lab.defects):
                mistakes.append(f"finding {finding['rule_id']} {file} ({lab.doc_type}, seeded "
                                f"{', '.join(lab.defects) or 'nothing'}): {finding.get('message', '')[:160]}")
    defects = {f: set(lab.defects) for f, lab in chosen.items() if f in docs}
    return Result(split=split, documents=len(type_pairs), missing=missing, type_pairs=type_pairs,
                  subkind_pairs=sub_pairs, level_pairs=level_pairs, approval_hits=approvals,
                  unknown_verdicts=dict(sorted(verdicts.items())),
                  rules=dict(sorted(rule_scores(findings, defects, mapping, mistyped).items())),
                  concepts=concept_recall(findings, defects, mapping), mistakes=mistakes,
                  type_by={k: (v[0], v[1]) for k, v in sorted(type_by.items())})  # fmt: skip


# ------------------------------------------------------------------------------------------------ render


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.0f} %"


def render(result: Result) -> str:
    lines = [f"### Split `{result.split}`: {result.documents} documents"]
    if result.version:
        lines.append(f"checker {result.version}, measured {dt.date.today().isoformat()}.")
    if result.missing:
        lines.append(f"Not in the report: {len(result.missing)} labelled files ({', '.join(result.missing[:5])}…).")
    pairs = result.type_pairs
    lines += ["", f"**Type detection:** accuracy {_pct(accuracy(pairs))} "
              f"({sum(1 for t, p in pairs if t == p)} of {len(pairs)}); "
              f"typed documents only {_pct(accuracy([(t, p) for t, p in pairs if t != 'unknown']))}, "
              f"confusers called unknown {_pct(accuracy([(t, p) for t, p in pairs if t == 'unknown']))}.", ""]
    matrix = confusion(pairs)
    classes = [c for c in SHORT if c in matrix or any(c in row for row in matrix.values())]
    classes += sorted({p for row in matrix.values() for p in row} - set(classes))
    lines.append("Confusion matrix (rows: truth, columns: detected; " +
                 ", ".join(f"{SHORT.get(c, c)} = {c}" for c in classes) + "):")  # fmt: skip
    lines += ["", "| truth \\ detected | " + " | ".join(SHORT.get(c, c) for c in classes) + " |",
              "|---|" + "---:|" * len(classes)]  # fmt: skip
    for truth in classes:
        if truth not in matrix:
            continue
        row = matrix[truth]
        cells = [str(row[c]) if row[c] else "·" for c in classes]
        lines.append(f"| {SHORT.get(truth, truth)} | " + " | ".join(cells) + " |")
    if result.type_by:
        lines += ["", "By format, author and text-layer damage: " + "; ".join(
            f"{key} {_pct(_ratio(right, n))} of {n}" for key, (right, n) in result.type_by.items()) + "."]
    lines += ["", "| type | documents | detected as it | right | precision | recall |",
              "|---|---:|---:|---:|---:|---:|"]
    for cls, sc in per_class(pairs).items():
        lines.append(f"| {cls} | {sc.support} | {sc.predicted} | {sc.correct} | {_pct(sc.precision)} | "
                     f"{_pct(sc.recall)} |")  # fmt: skip
    lines += ["", "**Sub-kind, level, approval** (documents whose type was detected right):", ""]
    for name, sub in (("sub-kind", result.subkind_pairs), ("level", result.level_pairs)):
        exposed = [p for p in sub if p[1] is not None]
        lines.append(f"- {name}: {_pct(accuracy(sub))} right of {len(sub)}"
                     f" ({len(sub) - len(exposed)} without a value in the report)")  # fmt: skip
    hits = result.approval_hits
    lines.append(f"- approval form found: {_pct(_ratio(sum(hits), len(hits)))} of {len(hits)}")
    v = result.unknown_verdicts
    total_unknown = sum(v.values())
    lines += ["", f"**Confusers (truth `unknown`, {total_unknown})**: " +
              ", ".join(f"{k} {n}" for k, n in v.items()) +
              f". Reported compliant: {v.get('compliant', 0)} (must be 0).", ""]  # fmt: skip
    failing = [(r, s) for r, s in result.rules.items() if s.failing or s.unverified]
    total_fail = sum(s.failing for _, s in failing)
    total_right = sum(s.right for _, s in failing)
    lines += [f"**Failing findings:** {total_fail}, right {total_right}, precision "
              f"{_pct(_ratio(total_right, total_fail))}.", "",
              "| rule | failing | right | precision | on mistyped documents | unverified |",
              "|---|---:|---:|---:|---:|---:|"]  # fmt: skip
    for rule, sc in sorted(failing, key=lambda item: (-item[1].failing, item[0])):
        if sc.mapped:
            lines.append(f"| {rule} | {sc.failing} | {sc.right} | {_pct(sc.precision)} | {sc.on_mistyped} | "
                         f"{sc.unverified} |")  # fmt: skip
    unmapped = [(r, s) for r, s in failing if not s.mapped]
    if unmapped:
        lines += ["", "Rules not in bench/eval/rule_defects.yaml (map them to score their precision):", ""]
        lines += [f"- {r}: {s.failing} failing, {s.unverified} unverified" for r, s in unmapped]
    lines += ["", "**Seeded defects named** (a failing rule mapped to the concept, in that document):", "",
              "| defect | seeded | named | recall |", "|---|---:|---:|---:|"]  # fmt: skip
    for concept, (seeded, named) in result.concepts.items():
        lines.append(f"| {concept} | {seeded} | {named} | {_pct(_ratio(named, seeded))} |")
    return "\n".join(lines) + "\n"


def write_section(target: Path, split: str, text: str) -> None:
    """Replace the split's section between its markers, or write the file when it has none."""
    start, end = f"<!-- accuracy:{split}:start -->", f"<!-- accuracy:{split}:end -->"
    if target.exists():
        old = target.read_text(encoding="utf-8")
        if start in old and end in old:
            head, rest = old.split(start, 1)
            _, tail = rest.split(end, 1)
            target.write_text(f"{head}{start}\n{text}{end}{tail}", encoding="utf-8")
            return
    target.write_text(f"{start}\n{text}{end}\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["heldout", "tune", "all"], default="heldout")
    parser.add_argument("--out", type=Path, help="markdown file to write the section into")
    parser.add_argument("--report", type=Path, help="score this JSON report instead of running the checker")
    parser.add_argument("--docs", type=Path, default=DOCS, help="the evaluation documents")
    parser.add_argument("--keep-report", type=Path, help="keep the checker's JSON report here")
    parser.add_argument("--details", action="store_true", help="also list every mistyped document and wrong finding")
    args = parser.parse_args(argv)
    labels = load_labels()
    if args.report:
        report = json.loads(args.report.read_text(encoding="utf-8"))
    else:
        if not args.docs.is_dir():
            subprocess.run([sys.executable, str(EVAL / "make_eval.py")], check=True, cwd=ROOT)
        folder = args.docs if args.split == "all" else args.docs / args.split
        with tempfile.TemporaryDirectory() as tmp:
            out = args.keep_report or Path(tmp) / "report.json"
            report = run_checker(folder, out)
    result = score(labels, documents_by_file(report, args.docs), load_rule_defects(), args.split)
    result.version = str(report.get("tool", {}).get("version", ""))
    text = render(result)
    print(text)
    if args.details:
        print("\n".join(["### Mistakes", "", *(f"- {line}" for line in result.mistakes)]))
    if args.out:
        write_section(args.out, args.split, text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
