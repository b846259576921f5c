"""`checker inspect`: the Document as the rules see it, so a rule author can see why a section
was or was not found."""

from __future__ import annotations

import json

from checker.classify import classify
from checker.document import Document, Metadata
from checker.language.dates import find_dates
from checker.language.text import AnalyzedText

# What the layout passes suspected but could not rebuild, for people (ru, en).
SUSPECTED: dict[str, tuple[str, str]] = {
    "flattened_table": ("похоже, таблица превратилась в текст и не восстановлена", "a table seems flattened into text"),
    "truncated": ("текст обрывается на полуслове", "the text stops mid-sentence"),
    "contents_only": ("разделов из оглавления в тексте нет", "the sections of the contents page are not in the text"),
    "ocr_poor": ("распознанный текст плохого качества", "poor OCR quality"),
}
ROLES: dict[str, tuple[str, str]] = {
    "header": ("колонтитул", "header"),
    "footer": ("нижний колонтитул", "footer"),
    "footnote": ("сноска", "footnote"),
    "endnote": ("концевая сноска", "endnote"),
    "comment": ("примечание", "comment"),
    "contents": ("оглавление", "contents"),
    "approval": ("гриф", "approval"),
    "esign": ("электронная подпись", "e-signature"),
    "stamp": ("штамп", "stamp"),
}


def _dates(text: str) -> list[dict]:
    out = []
    for m in find_dates(text):
        first, last = m.first_day(), m.last_day()
        out.append(
            {
                "text": m.text,
                "kind": m.kind,
                "precision": m.precision,
                "first": first.isoformat() if first else None,
                "last": last.isoformat() if last else None,
                "problem": m.problem,
            }
        )
    return out


def table_columns(block) -> dict[str, str]:
    """The table-of-measures columns recognised in a table's header (role → «header», column N),
    as the `table` rule kind would read them."""
    from checker.engine.kinds.table import DEFAULT_COLUMNS, describe_tables

    single = Document(path="", blocks=[block], metadata=Metadata(format="-"))
    found = describe_tables(single, DEFAULT_COLUMNS)
    if not found:
        return {}
    return {role: f"«{c['header']}» (столбец {c['column']})" for role, c in found[0]["recognised"].items()}


def inspection(document: Document, lemmas: bool = False) -> dict:
    kind = classify(document)
    blocks = []
    for block in document.blocks:
        item: dict = {
            "kind": block.kind,
            "location": block.location.model_dump(exclude_none=True),
            "text": block.text,
        }
        if block.heading_reason:
            item["heading_reason"] = block.heading_reason
        if block.role:
            item["role"] = block.role
        if block.table is not None:
            item["rows"] = [row.texts for row in block.table.rows]
            item["columns"] = table_columns(block)
        dates = _dates(block.text)
        if dates:
            item["dates"] = dates
        if lemmas:
            item["lemmas"] = AnalyzedText.of(block.text).lemma_string
        blocks.append(item)
    return {
        "path": document.path,
        "metadata": document.metadata.model_dump(mode="json", exclude_none=True),
        "doc_type": kind.model_dump(),
        "approval_forms": _approval_forms(document),
        "blocks": blocks,
    }


def _approval_forms(document: Document) -> list[str]:
    """The forms of approval the rules' approval model sees (as in the report)."""
    from checker.approval import approval_forms
    from checker.language.text import DocumentText

    return approval_forms(DocumentText(document))


def render_inspection(document: Document, fmt: str, lemmas: bool = False, lang: str = "ru") -> str:
    data = inspection(document, lemmas)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    ru = lang != "en"
    meta = data["metadata"]
    kind = data["doc_type"]
    lines = [
        document.path,
        ("формат" if ru else "format") + f": {meta.get('format')}, "
        + ("страниц" if ru else "pages") + f": {meta.get('page_count', '—')}, "
        + ("изображений" if ru else "images") + f": {meta.get('image_count', 0)}",
        ("тип" if ru else "type") + f": {kind['doc_type']} ({kind['confidence']:.2f}) "
        + ("по признакам" if ru else "evidence") + f": {'; '.join(kind['evidence']) or '—'}",
    ]
    if kind.get("subkind") or kind.get("level"):
        lines.append(
            ("вид" if ru else "sub-kind") + f": {kind.get('subkind') or '—'}, "
            + ("уровень" if ru else "level") + f": {kind.get('level') or '—'}"
        )
    if kind["doc_type"] == "unknown" and kind.get("reason"):
        lines.append(("почему не определён: " if ru else "why unknown: ") + kind["reason"])
    if kind.get("candidates"):
        shown = ", ".join(f"{c['doc_type']} {c['score']:.2f}" for c in kind["candidates"])
        lines.append(("кандидаты" if ru else "candidates") + f": {shown}")
    forms = data["approval_forms"]
    lines.append(("утверждение" if ru else "approval") + f": {', '.join(forms) or '—'}")
    for note in meta.get("notes", []):
        lines.append(f"! {note}")
    for note in meta.get("recovered", []):
        lines.append(("восстановлено: " if ru else "recovered: ") + note)
    for code in meta.get("suspected", []):
        lines.append(("подозрение: " if ru else "suspected: ") + SUSPECTED.get(code, (code, code))[0 if ru else 1])
    lines.append("")
    for item in data["blocks"]:
        loc = item["location"]
        where = f"#{loc.get('block')}" + (f" стр.{loc['page']}" if "page" in loc else "")
        if item["kind"] == "table":
            lines.append(f"{where} [таблица {loc.get('table')}: строк {len(item['rows'])}]")
            if item.get("columns"):
                lines.append("      столбцы: " + ", ".join(f"{k} = {v}" for k, v in item["columns"].items()))
            for number, row in enumerate(item["rows"], 1):
                lines.append(f"    {number:>3}: " + " | ".join(c.replace(chr(10), ' ') for c in row))
        else:
            tag = item["kind"] + (f"/{item['heading_reason']}" if "heading_reason" in item else "")
            tag += f", {ROLES.get(item['role'], (item['role'],) * 2)[0 if ru else 1]}" if "role" in item else ""
            lines.append(f"{where} [{tag}] " + item["text"].replace(chr(10), " / "))
        for date in item.get("dates", []):
            span = date["first"] if date["first"] == date["last"] else f"{date['first']} … {date['last']}"
            problem = f" ✖ {date['problem']}" if date["problem"] else ""
            lines.append(f"      дата «{date['text']}»: {date['kind']}, {date['precision']}, {span}{problem}")
        if "lemmas" in item:
            lines.append(f"      леммы: {item['lemmas']}")
    return "\n".join(lines) + "\n"
