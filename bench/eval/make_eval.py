"""Write the labelled evaluation set: documents of every type and confusers, in docx, pdf and txt.

Run: python bench/eval/make_eval.py            (writes bench/eval/docs/{tune,heldout}/ and bench/eval/labels.yaml)
     python bench/eval/make_eval.py --out DIR  (somewhere else; the labels go beside the documents)

Every document is written by the project (never copied): one generator per type, four "authors" per type
(different wording, order of parts, table columns, approval forms and text layouts). Authors A and B form the
`tune` split, C and D the `heldout` split, so the held-out half reads differently from what is tuned on.
Deterministic: each document has its own seeded random generator; docx and pdf metadata are fixed.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from random import Random

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from confusers import KINDS, confuser  # noqa: E402
from genres_500 import antirisk_program, concept_document, development_program  # noqa: E402
from genres_events import letter, press_release, registration_sheet, seminar_program  # noqa: E402
from genres_plans import plan_schedule, program, roadmap  # noqa: E402
from genres_reports import info_report, system_description  # noqa: E402
from model import Built, Contents, Label, Layout  # noqa: E402
from writers import to_docx, to_pdf, to_txt, with_noise  # noqa: E402

Generator = Callable[[Random, str, set[str]], Built]

# type id -> (generator, the defect concepts it can seed)
TYPES: dict[str, tuple[Generator, list[str]]] = {
    "press_release": (press_release, ["no_event_date", "no_venue", "no_organizer", "no_topic",
                                      "no_participant_count"]),
    "seminar_program": (seminar_program, ["no_event_date", "no_venue", "no_timetable", "no_speakers", "no_topic"]),
    "letter": (letter, ["no_outgoing_number", "no_letter_date", "no_subject", "no_signatory", "no_addressee"]),
    "registration_sheet": (registration_sheet, ["no_event_date", "no_signature_column", "no_position_column"]),
    "info_report": (info_report, ["no_year", "no_order_ref", "no_figures"]),
    "roadmap": (roadmap, ["no_deadlines", "empty_responsible", "no_measures_table", "no_approval",
                          "no_target_schools", "vague_deadlines"]),
    "plan_schedule": (plan_schedule, ["no_deadlines", "empty_responsible", "no_approval", "vague_deadlines"]),
    "program": (program, ["no_approval", "no_goal", "period_mismatch", "no_measures_table", "no_deadlines",
                          "empty_responsible", "no_results", "vague_deadlines"]),
    "system_description": (system_description, ["no_goal", "no_tasks", "no_documents", "no_results",
                                                "no_monitoring"]),
    "concept_document": (concept_document, ["no_risk_profile", "no_goal", "no_results", "no_approval"]),
    "development_program": (development_program, ["no_indicators", "no_period", "no_results", "no_measures_table",
                                                  "no_approval", "empty_responsible"]),
    "antirisk_program": (antirisk_program, ["no_goal", "no_tasks", "no_measures_table", "no_indicators",
                                            "no_approval", "no_deadlines"]),
}  # fmt: skip
# defects that make another one meaningless (no table: no dates or responsible cells to leave empty)
EXCLUSIVE = {"no_measures_table": {"no_deadlines", "empty_responsible", "no_indicators", "vague_deadlines"},
             "no_deadlines": {"vague_deadlines"}}

AUTHORS = ("A", "B", "C", "D")
SPLIT = {"A": "tune", "B": "tune", "C": "heldout", "D": "heldout"}
PER_AUTHOR = 5  # documents per type and author: 2 clean, 3 with seeded defects -> 20 per type
FORMATS = ("docx", "pdf", "txt")
# how each author's text copies lay out tables and passports (web pages, legal-database copies, PDF text layers)
TXT_TABLES = {"A": ("pipe", "cells"), "B": ("tab", "cells"), "C": ("cells", "pipe"), "D": ("tab", "pipe")}
TXT_PASSPORTS = {"A": ("pipe", "cells"), "B": ("labels_then_values", "pipe"), "C": ("colon", "cells"),
                 "D": ("labels_then_values", "colon")}  # fmt: skip


# per author: chance of a box-drawn txt table, «в„–» mojibake, Latin look-alikes, broken contents page numbers
NOISE = {"A": (0.0, 0.1, 0.1, 0.0), "B": (0.15, 0.1, 0.1, 0.3), "C": (0.3, 0.3, 0.2, 0.5), "D": (0.2, 0.2, 0.25, 0.3)}


def pick_defects(rng: Random, options: list[str], index: int) -> set[str]:
    """Documents 0 and 1 of an author are clean; 2 and 3 carry one defect; 4 carries two."""
    if index < 2:
        return set()
    first = rng.choice(options)
    chosen = {first}
    if index == 4:
        rest = [d for d in options if d != first and d not in EXCLUSIVE.get(first, set())
                and first not in EXCLUSIVE.get(d, set())]  # fmt: skip
        if rest:
            chosen.add(rng.choice(rest))
    return chosen


def plan() -> list[tuple[str, str, int, str | None]]:
    """(doc_type, author, index, confuser kind) for every document, in a fixed order."""
    items: list[tuple[str, str, int, str | None]] = []
    for doc_type in TYPES:
        for author in AUTHORS:
            items += [(doc_type, author, i, None) for i in range(PER_AUTHOR)]
    for kind in KINDS:
        items += [("unknown", author, 0, kind) for author in AUTHORS]
    return items


def build_one(doc_type: str, author: str, index: int, kind: str | None) -> tuple[Built, Layout, str]:
    rng = Random(f"eval:{doc_type}:{kind}:{author}:{index}")
    if kind is not None:
        built = confuser(rng, author, kind)
    else:
        generator, options = TYPES[doc_type]
        defects = pick_defects(rng, options, index)
        built = generator(rng, author, defects)
    layout = Layout(txt_table=rng.choice(TXT_TABLES[author]), txt_passport=rng.choice(TXT_PASSPORTS[author]))
    rng.random()  # (was the format draw; kept so every document keeps its words)
    offset = list(TYPES).index(doc_type) if kind is None else list(KINDS).index(kind)
    fmt = FORMATS[(index + AUTHORS.index(author) + offset) % len(FORMATS)]  # each type in every format, evenly
    # text-layer phenomena from their own generator, so adding one changes no document's words
    noise = Random(f"noise:{doc_type}:{kind}:{author}:{index}")
    box, moji, look, bookmark = NOISE[author]
    if fmt == "txt" and noise.random() < box:
        layout.txt_table = "box"
    layout.mojibake = fmt == "txt" and noise.random() < moji
    layout.lookalikes = noise.random() < look
    has_contents = any(isinstance(el, Contents) for el in built.elements)
    layout.bookmark_errors = noise.random() < bookmark and fmt != "pdf" and has_contents
    return built, layout, fmt


def labelled() -> list[tuple[Label, Built, Layout]]:
    """Every document with its label, in file-name order; nothing is written."""
    out: list[tuple[Label, Built, Layout]] = []
    for doc_type, author, index, kind in plan():
        built, layout, fmt = build_one(doc_type, author, index, kind)
        split = SPLIT[author]
        # a neutral name that says nothing about the type and does not move when documents are added
        name = hashlib.sha1(f"{doc_type}:{kind}:{author}:{index}".encode()).hexdigest()[:8]
        label = Label(file=f"{split}/d{name}.{fmt}", split=split, author=author, doc_type=doc_type,
                      subkind=built.subkind, level=built.level, approval=built.approval, format=fmt,
                      year=built.year or None, region=built.region, confuser=kind,
                      defects=sorted(built.defects), noise=layout.notes() + built.notes)  # fmt: skip
        out.append((label, built, layout))
    out.sort(key=lambda item: item[0].file)
    return out


def write_document(label: Label, built: Built, layout: Layout, path: Path) -> None:
    doc_author = f"Автор {label.author}"
    if label.format == "txt":
        path.write_text(to_txt(built.elements, layout), encoding="utf-8")
    elif label.format == "docx":
        to_docx(with_noise(built.elements, layout), path, built.title[:200], doc_author)
    else:
        to_pdf(with_noise(built.elements, layout), path, built.title[:200], doc_author)


def generate(out: Path) -> list[Label]:
    for split in ("tune", "heldout"):
        shutil.rmtree(out / split, ignore_errors=True)
        (out / split).mkdir(parents=True)
    documents = labelled()
    for label, built, layout in documents:
        write_document(label, built, layout, out / label.file)
    return [label for label, _, _ in documents]


def write_labels(labels: list[Label], path: Path) -> None:
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.default_flow_style = None
    yaml.width = 200
    header = ("# Truth for bench/eval/docs: written by bench/eval/make_eval.py, do not edit by hand.\n"
              "# defects: the defect concepts seeded in it (see bench/eval/rule_defects.yaml).\n")  # fmt: skip
    with path.open("w", encoding="utf-8") as fh:
        fh.write(header)
        yaml.dump({"documents": [lab.model_dump(exclude_none=True) for lab in labels]}, fh)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE / "docs", help="folder for the documents")
    args = parser.parse_args(argv)
    labels = generate(args.out)
    labels_path = HERE / "labels.yaml" if args.out == HERE / "docs" else args.out / "labels.yaml"
    write_labels(labels, labels_path)
    by_type: dict[str, int] = {}
    for lab in labels:
        by_type[lab.doc_type] = by_type.get(lab.doc_type, 0) + 1
    print(f"{len(labels)} documents in {args.out}: " + ", ".join(f"{k} {v}" for k, v in sorted(by_type.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
