"""How verdicts, severities and outcomes read in tabular reports (CSV, XLSX): one table for all."""

from __future__ import annotations

VALUES: dict[str, dict[str, str]] = {
    "ru": {
        "compliant": "соответствует",
        "noncompliant": "не соответствует",
        "unreadable": "не прочитан",
        "not_checked": "не проверен",
        "error": "ошибка",
        "warning": "предупреждение",
        "info": "замечание",
        "pass": "выполнено",
        "fail": "нарушено",
        "unverified": "проверьте вручную",
        "not_applicable": "не проверялось",
        "ignored": "принято",
    },
    "en": {
        "compliant": "compliant",
        "noncompliant": "noncompliant",
        "unreadable": "unreadable",
        "not_checked": "not checked",
        "error": "error",
        "warning": "warning",
        "info": "info",
        "pass": "pass",
        "fail": "fail",
        "unverified": "check by hand",
        "not_applicable": "not applicable",
        "ignored": "accepted",
    },
}
