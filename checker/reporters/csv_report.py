"""`--format csv`: one row per finding (passes included) and one per unreadable or not-checked document.

UTF-8 with a BOM and `;` as the delimiter: that is what a Russian-locale Excel opens correctly by double-click.
Returned as bytes so the BOM survives whatever encoding stdout has.
"""

from __future__ import annotations

import csv
import io

from checker.report import Report
from checker.reporters.values import VALUES

_HEADERS = {
    "ru": [
        "Документ",
        "Муниципалитет",
        "Тип документа",
        "Вердикт",
        "Правило",
        "Важность",
        "Результат",
        "Сообщение",
        "Найдено",
        "Где",
    ],
    "en": [
        "Document",
        "Municipality",
        "Document type",
        "Verdict",
        "Rule",
        "Severity",
        "Outcome",
        "Message",
        "Evidence",
        "Location",
    ],
}



def safe(text: str | None) -> str:
    """Defuse CSV injection: Excel runs cells starting with = + @ (and -text) as formulas."""
    text = text or ""
    if text[:1] in ("=", "+", "@", "\t", "\r") or (text[:1] == "-" and len(text) > 1 and not text[1].isspace()):
        return "'" + text
    return text


def render(report: Report, *, color: bool = False) -> bytes:
    lang = "en" if report.lang == "en" else "ru"
    values = VALUES[lang]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(_HEADERS[lang])
    for doc in report.documents:
        common = [safe(doc.path), safe(doc.municipality), safe(doc.doc_type), values[doc.verdict]]
        if doc.verdict in ("unreadable", "not_checked"):
            writer.writerow([*common, "", "", "", safe(doc.reason), "", ""])
        for finding in doc.findings:
            outcome = values[finding.outcome]
            if finding.outcome in ("fail", "unverified") and finding.ignored is not None:
                outcome = f"{values['ignored']}: {finding.ignored}"
            writer.writerow(
                [
                    *common,
                    safe(finding.rule_id),
                    values[finding.severity],
                    safe(outcome),
                    safe(finding.message),
                    safe(finding.evidence),
                    safe(finding.location.description),
                ]
            )
    return buffer.getvalue().encode("utf-8-sig")
