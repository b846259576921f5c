"""`--format html`: one self-contained page for operators — no external assets, no JavaScript, inline CSS.

Header with date and totals, a summary by municipality and by rule (with inline SVG bar charts), a table of
documents, then one section per document: verdict badge, what to fix first, and collapsed passed checks.
Everything taken from the report is escaped with `html.escape`.

`page()` and `render_document_section()` are public: the web interface reuses them.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from datetime import datetime
from html import escape

from checker.paths import doc_type_name, level_name, subkind_name
from checker.report import SEVERITY_RANK, DocumentReport, Finding, Report

_WORDS = {
    "ru": {
        "title": "Результаты проверки документов",
        "generated": "Сформирован",
        "documents": "Документов",
        "compliant": "Соответствует",
        "noncompliant": "Не соответствует",
        "unreadable": "Не прочитан",
        "not_checked": "Не проверен",
        "incomplete": "Проверен не полностью",
        "not_checked_pl": "не проверены",
        "unverified": "проверьте вручную",
        "compliant_pl": "соответствуют",
        "noncompliant_pl": "не соответствуют",
        "unreadable_pl": "не прочитаны",
        "errors": "Ошибки",
        "warnings": "Предупреждения",
        "infos": "Замечания",
        "error": "Ошибка",
        "warning": "Предупреждение",
        "info": "Замечание",
        "by_municipality": "По муниципалитетам",
        "municipality": "Муниципалитет",
        "unknown_municipality": "не указано",
        "by_rule": "Самые частые нарушения",
        "rule": "Правило",
        "rule_title": "Требование",
        "failing_docs": "Документов с нарушением",
        "no_failures": "Нарушений не найдено.",
        "doc_list": "Документы",
        "document": "Документ",
        "type": "Тип",
        "verdict": "Вердикт",
        "confidence": "уверенность",
        "format": "Формат",
        "pages": "Страниц",
        "to_fix": "Что исправить",
        "found": "Найдено",
        "where": "Где",
        "fix": "Как исправить",
        "accepted": "Принятые замечания",
        "accepted_reason": "Причина",
        "passed": "Выполненные проверки",
        "na": "Не проверялось",
        "reason": "Причина",
        "campaign": "Кампания",
        "chart_municipality": "Вердикты по муниципалитетам",
        "chart_rules": "Нарушаемые правила: число документов",
        "nothing_to_fix": "Замечаний нет.",
    },
    "en": {
        "title": "Document check results",
        "generated": "Generated",
        "documents": "Documents",
        "compliant": "Compliant",
        "noncompliant": "Noncompliant",
        "unreadable": "Unreadable",
        "not_checked": "Not checked",
        "incomplete": "Not fully checked",
        "not_checked_pl": "not checked",
        "unverified": "check by hand",
        "compliant_pl": "compliant",
        "noncompliant_pl": "noncompliant",
        "unreadable_pl": "unreadable",
        "errors": "Errors",
        "warnings": "Warnings",
        "infos": "Infos",
        "error": "Error",
        "warning": "Warning",
        "info": "Info",
        "by_municipality": "By municipality",
        "municipality": "Municipality",
        "unknown_municipality": "not specified",
        "by_rule": "Most frequent failures",
        "rule": "Rule",
        "rule_title": "Requirement",
        "failing_docs": "Documents failing",
        "no_failures": "No failures found.",
        "doc_list": "Documents",
        "document": "Document",
        "type": "Type",
        "verdict": "Verdict",
        "confidence": "confidence",
        "format": "Format",
        "pages": "Pages",
        "to_fix": "What to fix",
        "found": "Found",
        "where": "Where",
        "fix": "How to fix",
        "accepted": "Accepted findings",
        "accepted_reason": "Reason",
        "passed": "Passed checks",
        "na": "Not checked",
        "reason": "Reason",
        "campaign": "Campaign",
        "chart_municipality": "Verdicts by municipality",
        "chart_rules": "Failing rules: number of documents",
        "nothing_to_fix": "Nothing to fix.",
    },
}
_ICONS = {"compliant": "✔", "noncompliant": "✖", "unreadable": "⚠", "not_checked": "?"}
_ICONS |= {"error": "✖", "warning": "⚠", "info": "ℹ"}
_COLORS = {"compliant": "#1e7b34", "noncompliant": "#c62828", "unreadable": "#b26a00", "not_checked": "#5c6bc0"}
_COLORS |= {"rule": "#c62828"}
_VERDICTS = ("compliant", "noncompliant", "not_checked", "unreadable")
_TOP_RULES = 10

_CSS = """
:root{--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--bg:#fff;--soft:#f6f8fa;
--ok:#1e7b34;--ok-bg:#dafbe1;--bad:#c62828;--bad-bg:#ffebe9;--warn:#8a5300;--warn-bg:#fff4d6;--info:#0b5cad;--info-bg:#ddf4ff}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif;
color:var(--fg);background:var(--bg)}
main{max-width:1100px;margin:0 auto;padding:16px}
header.report{border-bottom:2px solid var(--line);margin-bottom:16px;padding-bottom:8px}
h1{font-size:1.6em;margin:.2em 0}
h2{font-size:1.3em;margin:1.2em 0 .4em}
h3{font-size:1.05em;margin:1em 0 .4em}
.meta,.muted{color:var(--muted)}
.totals{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0;padding:0;list-style:none}
.totals li{background:var(--soft);border:1px solid var(--line);border-radius:8px;padding:6px 12px}
.totals b{font-size:1.25em;display:block}
.table-wrap{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;margin:8px 0}
th,td{border:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:var(--soft)}
td.num,th.num{text-align:right;white-space:nowrap}
td.path{overflow-wrap:anywhere}
.badge{display:inline-block;border-radius:999px;padding:2px 10px;font-size:.85em;font-weight:600;
white-space:nowrap;border:1px solid currentColor;vertical-align:middle}
.v-compliant{color:var(--ok);background:var(--ok-bg)}
.v-noncompliant{color:var(--bad);background:var(--bad-bg)}
.v-unreadable{color:var(--warn);background:var(--warn-bg)}
.v-not_checked{color:#3949ab;background:#e8eaf6}
.s-error{color:var(--bad);background:var(--bad-bg)}
.s-warning{color:var(--warn);background:var(--warn-bg)}
.s-info{color:var(--info);background:var(--info-bg)}
section.doc{border:1px solid var(--line);border-radius:10px;padding:4px 16px 12px;margin:16px 0}
section.doc h2{display:flex;flex-wrap:wrap;gap:8px;align-items:center;overflow-wrap:anywhere}
section.doc h2 a{color:inherit;text-decoration:none}
ol.findings{padding-left:1.4em}
ol.findings li{margin:0 0 12px;padding-left:4px}
.fhead{font-weight:600}
code{white-space:nowrap}
.fhead code,td code{font-size:.9em;background:var(--soft);padding:0 4px;border-radius:4px}
blockquote{margin:4px 0;padding:4px 10px;border-left:4px solid var(--line);background:var(--soft);
white-space:pre-wrap;overflow-wrap:anywhere}
.reason{background:var(--warn-bg);border-left:4px solid var(--warn);padding:8px 12px;overflow-wrap:anywhere}
p{margin:.3em 0}
details{margin:8px 0}
summary{cursor:pointer;color:var(--muted)}
ul.passed{padding-left:1.2em}
ul.passed li{margin:2px 0}
svg.chart{width:100%;height:auto;max-width:720px;display:block;margin:8px 0}
svg.chart text{font:14px system-ui,"DejaVu Sans",Arial,sans-serif;fill:#1b1f24}
.legend{display:flex;flex-wrap:wrap;gap:12px;font-size:.9em}
.legend span::before{content:"";display:inline-block;width:12px;height:12px;margin-right:4px;
vertical-align:-1px;background:var(--c)}
@media (max-width:600px){body{font-size:15px}main{padding:10px}section.doc{padding:2px 10px 8px}
h1{font-size:1.35em}th,td{padding:4px 6px}}
@media print{body{font-size:11pt}main{max-width:none;padding:0}a{color:inherit;text-decoration:none}
section.doc{break-inside:auto;border:none;border-top:1px solid #999;border-radius:0;padding:0}
ol.findings li,tr,svg.chart{break-inside:avoid}
.badge,.s-error,.s-warning,.s-info,th,.legend span::before{-webkit-print-color-adjust:exact;print-color-adjust:exact}
details::details-content{content-visibility:visible;display:block}}
"""


def _words(lang: str) -> dict[str, str]:
    return _WORDS["en" if lang == "en" else "ru"]


def section_id(path: str) -> str:
    """A stable, valid anchor for a document path (paths may hold spaces and Cyrillic)."""
    return "doc-" + hashlib.sha1(path.encode("utf-8"), usedforsecurity=False).hexdigest()[:12]


# The report file is opened from disk: even if some text escaped `escape`, nothing may load or run.
REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def page(title: str, body_html: str, lang: str = "ru", csp: str | None = None) -> str:
    """A complete HTML document around already-escaped `body_html`; `csp` adds a Content-Security-Policy."""
    html_lang = "en" if lang == "en" else "ru"
    policy = f'<meta http-equiv="Content-Security-Policy" content="{escape(csp, quote=False)}">\n' if csp else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{html_lang}">\n<head>\n<meta charset="utf-8">\n{policy}'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n<main>\n"
        f"{body_html}\n</main>\n</body>\n</html>\n"
    )


def level_word(level: str | None, lang: str = "ru") -> str:
    """«уровень: муниципальный»: the level of a roadmap or programme in words."""
    if not level:
        return ""
    return f"level: {level_name(level, 'en')}" if lang == "en" else f"уровень: {level_name(level)}"


def verdict_badge(verdict: str, lang: str = "ru", reason_code: str | None = None) -> str:
    """The verdict's badge; «не проверен» because too little could be checked reads «проверен не полностью»."""
    label = "incomplete" if verdict == "not_checked" and reason_code == "incomplete" else verdict
    return f'<span class="badge v-{verdict}">{_ICONS[verdict]} {escape(_words(lang)[label])}</span>'


def render(report: Report, *, color: bool = False, now: datetime | None = None) -> str:
    words = _words(report.lang)
    summary = report.model_copy().finalize().summary  # a copy: never mutate the caller's report
    stamp = (now or datetime.now()).strftime("%Y-%m-%d %H:%M" if report.lang == "en" else "%d.%m.%Y %H:%M")
    parts = ['<header class="report">', f"<h1>{escape(words['title'])}</h1>"]
    meta = [f"{escape(words['generated'])}: {stamp}", f"{escape(report.tool.name)} {escape(report.tool.version)}"]
    if report.campaign:
        meta.append(f"{escape(words['campaign'])}: {escape(report.campaign)}")
    parts.append(f'<p class="meta">{" · ".join(meta)}</p>')
    totals = [
        (words["documents"], summary.documents, ""),
        (words["compliant"], summary.compliant, "v-compliant"),
        (words["noncompliant"], summary.noncompliant, "v-noncompliant"),
        (words["not_checked"], summary.not_checked, "v-not_checked"),
        (words["unreadable"], summary.unreadable, "v-unreadable"),
        (words["errors"], summary.errors, "s-error"),
        (words["warnings"], summary.warnings, "s-warning"),
    ]
    parts.append('<ul class="totals">')
    parts.extend(f'<li class="{cls}"><b>{n}</b>{escape(label)}</li>' for label, n, cls in totals)
    parts.append("</ul>\n</header>")
    parts.append(_municipality_summary(report, words))
    parts.append(_rule_summary(report, words))
    parts.append(_document_table(report, words))
    parts.extend(render_document_section(doc, report.lang) for doc in report.documents)
    return page(words["title"], "\n".join(parts), report.lang, csp=REPORT_CSP)


def render_document_section(doc: DocumentReport, lang: str = "ru") -> str:
    """One document: verdict badge, failing findings (errors first), accepted ones, then passed checks."""
    words = _words(lang)
    anchor = section_id(doc.path)
    out = [
        f'<section class="doc" id="{anchor}">',
        f'<h2><a href="#{anchor}">{escape(doc.path)}</a> {verdict_badge(doc.verdict, lang, doc.reason_code)}</h2>',
    ]
    meta = []
    if doc.verdict != "unreadable":
        kind = doc_type_name(doc.doc_type, lang)
        detail = ", ".join(x for x in (subkind_name(doc.subkind, lang), level_word(doc.level, lang)) if x)
        meta.append(f"{escape(words['type'])}: {escape(kind)}" + (f" ({escape(detail)})" if detail else ""))
    if doc.municipality:
        meta.append(f"{escape(words['municipality'])}: {escape(doc.municipality)}")
    if doc.format:
        meta.append(f"{escape(words['format'])}: {escape(doc.format)}")
    if doc.pages and doc.format == "pdf":  # a .docx knows its pages only from Word's last save
        meta.append(f"{escape(words['pages'])}: {doc.pages}")
    if meta:
        out.append(f'<p class="meta">{" · ".join(meta)}</p>')
    for note in doc.notes:
        out.append(f'<p class="meta">⚑ {escape(note)}</p>')
    if doc.verdict in ("unreadable", "not_checked"):
        out.append(f'<p class="reason"><b>{escape(words["reason"])}:</b> {escape(doc.reason or "")}</p>')
    failing = sorted(doc.failures(), key=lambda f: -SEVERITY_RANK[f.severity])
    if failing:
        out.append(f"<h3>{escape(words['to_fix'])} ({len(failing)})</h3>")
        out.append('<ol class="findings">')
        out.extend(_finding(f, words) for f in failing)
        out.append("</ol>")
    elif doc.verdict not in ("unreadable", "not_checked"):
        out.append(f'<p class="muted">{escape(words["nothing_to_fix"])}</p>')
    accepted = [f for f in doc.findings if f.outcome == "fail" and f.ignored is not None]
    if accepted:
        out.append(f"<details><summary>{escape(words['accepted'])} ({len(accepted)})</summary>")
        out.append('<ol class="findings">')
        out.extend(_finding(f, words) for f in accepted)
        out.append("</ol></details>")
    passed = [f for f in doc.findings if f.outcome == "pass"]
    skipped = [f for f in doc.findings if f.outcome == "not_applicable"]
    if passed or skipped:
        out.append(f"<details><summary>{escape(words['passed'])} ({len(passed)})</summary>")
        out.append('<ul class="passed">')
        for f in passed:
            evidence = f' <span class="muted">«{escape(f.evidence)}»</span>' if f.evidence else ""
            out.append(f"<li>✔ <code>{escape(f.rule_id)}</code> {escape(f.message or f.title)}{evidence}</li>")
        for f in skipped:
            out.append(
                f'<li class="muted">– <code>{escape(f.rule_id)}</code> {escape(words["na"])}: '
                f"{escape(f.message or f.title)}</li>"
            )
        out.append("</ul></details>")
    out.append("</section>")
    return "\n".join(out)


def _finding(f: Finding, words: dict[str, str]) -> str:
    sev = f'<span class="badge s-{f.severity}">{_ICONS[f.severity]} {escape(words[f.severity])}</span>'
    if f.outcome == "unverified":
        sev += f' <span class="badge v-not_checked">{escape(words["unverified"])}</span>'
    out = [
        f'<li><p class="fhead">{sev} <code>{escape(f.rule_id)}</code> {escape(f.title)}</p>',
        f"<p>{escape(f.message)}</p>",
    ]
    if f.evidence:
        out.append(f"<blockquote>«{escape(f.evidence)}»</blockquote>")
    if f.location.description:
        out.append(f'<p class="muted">{escape(words["where"])}: {escape(f.location.description)}</p>')
    if f.suggestion:
        out.append(f"<p><b>{escape(words['fix'])}:</b> {escape(f.suggestion)}</p>")
    if f.ignored:
        out.append(f'<p class="muted">{escape(words["accepted_reason"])}: {escape(f.ignored)}</p>')
    out.append("</li>")
    return "\n".join(out)


def _municipality_summary(report: Report, words: dict[str, str]) -> str:
    unknown = words["unknown_municipality"]
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for doc in report.documents:
        if doc.kind == "package":
            continue  # folders have their own totals
        name = doc.municipality or unknown
        counts[name][doc.verdict] += 1
        counts[name]["errors"] += len(doc.failures("error"))
    # Alphabetical, the «not specified» bucket last.
    names = sorted(counts, key=lambda n: (n == unknown, n.casefold()))
    rows = [
        f'<tr><td>{escape(n)}</td><td class="num">{sum(counts[n][v] for v in _VERDICTS)}</td>'
        + "".join(f'<td class="num">{counts[n][v]}</td>' for v in _VERDICTS)
        + f'<td class="num">{counts[n]["errors"]}</td></tr>'
        for n in names
    ]
    head = "".join(f'<th class="num">{escape(words[k])}</th>' for k in ("documents", *_VERDICTS, "errors"))
    legend = "".join(f'<span style="--c:{_COLORS[v]}">{escape(words[v])}</span>' for v in _VERDICTS)
    chart = _stacked_bars(
        words["chart_municipality"],
        [(n, [counts[n][v] for v in _VERDICTS]) for n in names],
        [_COLORS[v] for v in _VERDICTS],
        [words[v] for v in _VERDICTS],
    )
    return (
        f"<h2>{escape(words['by_municipality'])}</h2>\n"
        f'<div class="legend">{legend}</div>\n{chart}\n'
        f'<div class="table-wrap"><table><thead><tr><th>{escape(words["municipality"])}</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _rule_summary(report: Report, words: dict[str, str]) -> str:
    failing: dict[str, set[str]] = defaultdict(set)
    titles: dict[str, str] = {}
    for doc in report.documents:
        for f in doc.failures():
            failing[f.rule_id].add(doc.path)
            titles.setdefault(f.rule_id, f.title)
    out = [f"<h2>{escape(words['by_rule'])}</h2>"]
    if not failing:
        return out[0] + f'\n<p class="muted">{escape(words["no_failures"])}</p>'
    order = sorted(failing, key=lambda r: (-len(failing[r]), r))
    top = order[:_TOP_RULES]
    out.append(
        _stacked_bars(
            words["chart_rules"], [(r, [len(failing[r])]) for r in top], [_COLORS["rule"]], [words["failing_docs"]]
        )
    )
    rows = "".join(
        f'<tr><td><code>{escape(r)}</code></td><td>{escape(titles[r])}</td><td class="num">{len(failing[r])}</td></tr>'
        for r in order
    )
    out.append(
        f'<div class="table-wrap"><table><thead><tr><th>{escape(words["rule"])}</th>'
        f'<th>{escape(words["rule_title"])}</th><th class="num">{escape(words["failing_docs"])}</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )
    return "\n".join(out)


def _document_table(report: Report, words: dict[str, str]) -> str:
    rows = []
    for doc in report.documents:
        warnings = len([f for f in doc.failures() if f.severity == "warning"])
        rows.append(
            f'<tr><td class="path"><a href="#{section_id(doc.path)}">{escape(doc.path)}</a></td>'
            f"<td>{escape(doc.municipality or words['unknown_municipality'])}</td>"
            f"<td>{escape(doc_type_name(doc.doc_type, report.lang) if doc.verdict != 'unreadable' else '—')}</td>"
            f"<td>{verdict_badge(doc.verdict, report.lang, doc.reason_code)}</td>"
            f'<td class="num">{len(doc.failures("error"))}</td><td class="num">{warnings}</td></tr>'
        )
    numeric = ' class="num"'
    head = "".join(
        f"<th{numeric if k in ('errors', 'warnings') else ''}>{escape(words[k])}</th>"
        for k in ("document", "municipality", "type", "verdict", "errors", "warnings")
    )
    return (
        f"<h2>{escape(words['doc_list'])}</h2>\n"
        f'<div class="table-wrap"><table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
    )


def _stacked_bars(caption: str, rows: list[tuple[str, list[int]]], colors: list[str], series: list[str]) -> str:
    """A horizontal (stacked) bar chart as inline SVG; scales with the page through its viewBox."""
    label_w, bar_w, row_h, pad = 170, 320, 26, 6
    width = label_w + bar_w + 40
    height = max(len(rows), 1) * row_h + pad * 2
    biggest = max((sum(values) for _, values in rows), default=0) or 1
    out = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(caption)}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(caption)}</title>'
    ]
    for i, (label, values) in enumerate(rows):
        y = pad + i * row_h
        short = label if len(label) <= 22 else label[:21] + "…"
        out.append(
            f'<text x="{label_w - 8}" y="{y + row_h / 2 + 4}" text-anchor="end">'
            f"<title>{escape(label)}</title>{escape(short)}</text>"
        )
        x = float(label_w)
        for value, color, name in zip(values, colors, series, strict=True):
            if not value:
                continue
            w = bar_w * value / biggest
            out.append(
                f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}" fill="{color}">'
                f"<title>{escape(label)}: {escape(name)} {value}</title></rect>"
            )
            if w >= 18:
                out.append(
                    f'<text x="{x + w / 2:.1f}" y="{y + row_h / 2 + 4}" text-anchor="middle" '
                    f'style="fill:#fff;font-weight:600">{value}</text>'
                )
            x += w
        out.append(f'<text x="{x + 6:.1f}" y="{y + row_h / 2 + 4}">{sum(values)}</text>')
    out.append("</svg>")
    return "".join(out)
