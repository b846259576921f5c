"""`--format xlsx`: a workbook for municipal coordinators who live in Excel.

Sheets: summary per document (with totals), per municipality, all findings, and per rule how many
documents fail it; folder-level (package) results have their own sheet.
Every sheet has a bold frozen header and an auto-filter; verdict cells are coloured.
openpyxl is imported lazily so the other formats work without it.
"""

from __future__ import annotations

import io
from collections import defaultdict
from typing import Any

from checker.paths import doc_type_name
from checker.report import SEVERITY_RANK, Report
from checker.reporters.values import VALUES

_WORDS = {
    "ru": {
        "sheets": ("Сводка", "Замечания", "Правила", "Муниципалитеты", "Папки"),
        "summary": ["Документ", "Муниципалитет", "Тип документа", "Вердикт", "Ошибки", "Предупреждения", "Причина"],
        "municipalities": [
            "Муниципалитет",
            "Получено документов",
            "Соответствуют",
            "Не соответствуют",
            "Не проверены",
            "Не прочитаны",
            "Ошибок",
        ],
        "folders": ["Папка", "Вердикт", "Ошибки", "Предупреждения"],
        "no_municipality": "(не указан)",
        "findings": [
            "Документ",
            "Правило",
            "Название",
            "Важность",
            "Результат",
            "Сообщение",
            "Найдено",
            "Где",
            "Как исправить",
        ],
        "rules": ["Правило", "Название", "Важность", "Документов нарушают", "Документов проверено"],
        "total": "Итого",
        "unreadable_rule": "Документ не прочитан",
    },
    "en": {
        "sheets": ("Summary", "Findings", "Rules", "Municipalities", "Folders"),
        "summary": ["Document", "Municipality", "Document type", "Verdict", "Errors", "Warnings", "Reason"],
        "municipalities": [
            "Municipality",
            "Documents received",
            "Compliant",
            "Noncompliant",
            "Not checked",
            "Unreadable",
            "Errors",
        ],
        "folders": ["Folder", "Verdict", "Errors", "Warnings"],
        "no_municipality": "(not specified)",
        "findings": [
            "Document",
            "Rule",
            "Title",
            "Severity",
            "Outcome",
            "Message",
            "Evidence",
            "Location",
            "How to fix",
        ],
        "rules": ["Rule", "Title", "Severity", "Documents failing", "Documents checked"],
        "total": "Total",
        "unreadable_rule": "Document could not be read",
    },
}
# Light fills with dark text: readable when printed in greyscale too.
_VERDICT_FILLS = {"compliant": "C6EFCE", "noncompliant": "FFC7CE", "unreadable": "FFEB9C", "not_checked": "D9D2E9"}
_OUTCOME_FILLS = {"pass": "C6EFCE", "fail": "FFC7CE", "unverified": "FFEB9C", "not_applicable": "EDEDED"}
_MAX_WIDTH = 60
_WRAP_FROM = 40  # columns wider than this wrap instead of growing


def render(report: Report, *, color: bool = False) -> bytes:
    from openpyxl import Workbook  # lazy: a heavy optional dependency

    lang = "en" if report.lang == "en" else "ru"
    words = {**VALUES[lang], **_WORDS[lang]}
    workbook = Workbook()
    summary_sheet = workbook.active
    summary_sheet.title = words["sheets"][0]
    _summary(summary_sheet, report, words)
    _municipalities(workbook.create_sheet(words["sheets"][3], 1), report, words)
    _findings(workbook.create_sheet(words["sheets"][1]), report, words)
    _rules(workbook.create_sheet(words["sheets"][2]), report, words)
    if any(doc.kind == "package" for doc in report.documents):
        _folders(workbook.create_sheet(words["sheets"][4]), report, words)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _put(sheet: Any, row: int, column: int, value: Any) -> Any:
    """Write one cell; text stays text (no formula from a leading '=') and loses illegal control chars."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
    return cell


def _write(sheet: Any, header: list[str], rows: list[list[Any]]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="D9E1F2")
    for column, title in enumerate(header, start=1):
        cell = _put(sheet, 1, column, title)
        cell.font = bold
        cell.fill = header_fill
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    for row_index, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            _put(sheet, row_index, column, value)
    last_column = get_column_letter(len(header))
    sheet.auto_filter.ref = f"A1:{last_column}{max(len(rows) + 1, 2)}"
    sheet.freeze_panes = "A2"
    for column, title in enumerate(header, start=1):
        longest = max([len(title)] + [len(str(r[column - 1])) for r in rows if r[column - 1] is not None])
        width = min(max(longest + 2, 8), _MAX_WIDTH)
        sheet.column_dimensions[get_column_letter(column)].width = width
        if longest > _WRAP_FROM:
            for row_index in range(2, len(rows) + 2):
                sheet.cell(row=row_index, column=column).alignment = Alignment(wrap_text=True, vertical="top")


def _fill(sheet: Any, row: int, column: int, color: str) -> None:
    from openpyxl.styles import PatternFill

    sheet.cell(row=row, column=column).fill = PatternFill("solid", fgColor=color)


def _summary(sheet: Any, report: Report, words: dict[str, Any]) -> None:
    from openpyxl.styles import Font

    lang = "en" if report.lang == "en" else "ru"
    documents = [doc for doc in report.documents if doc.kind != "package"]
    rows = []
    for doc in documents:
        rows.append(
            [
                doc.path,
                doc.municipality or "",
                doc_type_name(doc.doc_type, lang) if doc.verdict not in ("unreadable", "not_checked") else "",
                words[doc.verdict],
                len(doc.failures("error")),
                len([f for f in doc.failures() if f.severity == "warning"]),
                doc.reason or "",
            ]
        )
    _write(sheet, words["summary"], rows)
    for row_index, doc in enumerate(documents, start=2):
        _fill(sheet, row_index, 4, _VERDICT_FILLS[doc.verdict])
    # Totals sit below the filtered range so sorting never moves them.
    totals_row = len(rows) + 2
    verdicts = [doc.verdict for doc in documents]
    totals = [
        f"{words['total']}: {len(rows)}",
        "",
        "",
        " / ".join(
            f"{words[v]} {verdicts.count(v)}" for v in ("compliant", "noncompliant", "not_checked", "unreadable")
        ),
        sum(r[4] for r in rows),
        sum(r[5] for r in rows),
    ]
    for column, value in enumerate(totals, start=1):
        _put(sheet, totals_row, column, value).font = Font(bold=True)


def _municipalities(sheet: Any, report: Report, words: dict[str, Any]) -> None:
    """Per municipality: what was received and how it fared (an operator's first question)."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for doc in report.documents:
        if doc.kind == "package":
            continue
        row = counts[doc.municipality or words["no_municipality"]]
        row["received"] += 1
        row[doc.verdict] += 1
        row["errors"] += len(doc.failures("error"))
    names = sorted(counts, key=lambda n: (n == words["no_municipality"], n.casefold()))
    keys = ("received", "compliant", "noncompliant", "not_checked", "unreadable", "errors")
    _write(sheet, words["municipalities"], [[name, *(counts[name][k] for k in keys)] for name in names])


def _folders(sheet: Any, report: Report, words: dict[str, Any]) -> None:
    """Folder-level results (a seminar package, a municipality's set): folders, not documents."""
    folders = [doc for doc in report.documents if doc.kind == "package"]
    rows = [
        [
            doc.path,
            words[doc.verdict],
            len(doc.failures("error")),
            len([f for f in doc.failures() if f.severity == "warning"]),
        ]
        for doc in folders
    ]
    _write(sheet, words["folders"], rows)
    for row_index, doc in enumerate(folders, start=2):
        _fill(sheet, row_index, 2, _VERDICT_FILLS[doc.verdict])


def _findings(sheet: Any, report: Report, words: dict[str, Any]) -> None:
    rows: list[list[Any]] = []
    outcomes: list[str] = []
    for doc in report.documents:
        if doc.verdict == "unreadable":
            rows.append(
                [
                    doc.path,
                    "",
                    words["unreadable_rule"],
                    words["error"],
                    words["unreadable"],
                    doc.reason or "",
                    "",
                    "",
                    "",
                ]
            )
            outcomes.append("fail")
        if doc.verdict == "not_checked":
            rows.append([doc.path, "", words["not_checked"], words["warning"], words["not_checked"], doc.reason or ""])
            rows[-1].extend(["", "", ""])
            outcomes.append("unverified")
        for f in sorted(doc.findings, key=lambda f: (f.outcome != "fail", -SEVERITY_RANK[f.severity])):
            outcome = words[f.outcome]
            if f.outcome in ("fail", "unverified") and f.ignored is not None:
                outcome = f"{words['ignored']}: {f.ignored}"
            rows.append(
                [
                    doc.path,
                    f.rule_id,
                    f.title,
                    words[f.severity],
                    outcome,
                    f.message,
                    f.evidence or "",
                    f.location.description,
                    f.suggestion or "",
                ]
            )
            outcomes.append(f.outcome if f.ignored is None else "not_applicable")
    _write(sheet, words["findings"], rows)
    for row_index, outcome in enumerate(outcomes, start=2):
        _fill(sheet, row_index, 5, _OUTCOME_FILLS[outcome])


def _rules(sheet: Any, report: Report, words: dict[str, Any]) -> None:
    failing: dict[str, set[str]] = defaultdict(set)
    checked: dict[str, set[str]] = defaultdict(set)
    meta: dict[str, tuple[str, str]] = {}
    for doc in report.documents:
        for f in doc.findings:
            meta.setdefault(f.rule_id, (f.title, f.severity))
            if f.outcome != "not_applicable":
                checked[f.rule_id].add(doc.path)
            if f.counts_as_failure():
                failing[f.rule_id].add(doc.path)
    order = sorted(meta, key=lambda r: (-len(failing[r]), -SEVERITY_RANK[meta[r][1]], r))
    rows = [[r, meta[r][0], words[meta[r][1]], len(failing[r]), len(checked[r])] for r in order]
    _write(sheet, words["rules"], rows)
