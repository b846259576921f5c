"""Word .docx (and .docm, templates, Strict): the package is read with zipfile and lxml, and the body
XML is walked directly for document order, text boxes, content controls, tracked insertions and merged
table cells. Headers, footers, footnotes and endnotes become blocks with their `role`."""

from __future__ import annotations

import hashlib
import io
import posixpath
import re
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from checker.document import Block, Cell, Document, Location, Metadata, Row, Table, marginal_blocks, number_blocks
from checker.errors import UnreadableError
from checker.parsers.encrypted import decrypt_default, is_ole
from checker.parsers.headings import (
    heading_level,
    heading_reason,
    list_item_text,
    strip_artefacts,
    style_level,
)
from checker.sources import word_main_part, zip_precheck

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_V = "urn:schemas-microsoft-com:vml"
_M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_MATH = {f"{{{_M}}}oMath", f"{{{_M}}}oMathPara"}
_MATH_TEXT = f"{{{_M}}}t"


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


P, R, T, TBL, TR, TC = _w("p"), _w("r"), _w("t"), _w("tbl"), _w("tr"), _w("tc")
SDT, SDT_CONTENT, CUSTOM_XML = _w("sdt"), _w("sdtContent"), _w("customXml")
TXBX = _w("txbxContent")
FALLBACK = f"{{{_MC}}}Fallback"
ALT_CONTENT = f"{{{_MC}}}AlternateContent"
VAL = _w("val")

# Inline containers whose runs are visible text; w:del / w:moveFrom hold deleted text and are skipped.
_INLINE_CONTAINERS = {
    _w(t) for t in ("hyperlink", "ins", "smartTag", "fldSimple", "customXml", "moveTo", "dir", "bdo")
}
_LIST_STYLE_RE = re.compile(r"list|спис", re.IGNORECASE)
_FALSE = {"0", "false", "off", "none"}


def _on(el: Any) -> bool | None:
    """A w:b / w:caps style toggle: None when absent."""
    if el is None:
        return None
    return el.get(VAL, "1").lower() not in _FALSE


@dataclass
class _Style:
    name: str | None = None
    based_on: str | None = None
    bold: bool | None = None
    caps: bool | None = None
    centred: bool | None = None
    outline: int | None = None
    numbered: bool | None = None


class _Styles:
    """Paragraph and character style properties, resolved through the basedOn chain."""

    def __init__(self, styles_el: Any) -> None:
        self.raw: dict[str, _Style] = {}
        self.default_para: str | None = None
        self.cache: dict[str, _Style] = {}
        if styles_el is None:
            return
        for s in styles_el.findall(_w("style")):
            sid = s.get(_w("styleId"))
            if not sid:
                continue
            st = _Style()
            name = s.find(_w("name"))
            st.name = name.get(VAL) if name is not None else sid
            based = s.find(_w("basedOn"))
            st.based_on = based.get(VAL) if based is not None else None
            ppr = s.find(_w("pPr"))
            if ppr is not None:
                _read_ppr(ppr, st)
            rpr = s.find(_w("rPr"))
            if rpr is not None:
                st.bold = _on(rpr.find(_w("b")))
                st.caps = _on(rpr.find(_w("caps")))
            self.raw[sid] = st
            if s.get(_w("type")) == "paragraph" and s.get(_w("default")) in ("1", "true", "on"):
                self.default_para = sid

    def get(self, sid: str | None) -> _Style:
        sid = sid or self.default_para
        if sid is None or sid not in self.raw:
            return _Style()
        if sid in self.cache:
            return self.cache[sid]
        chain: list[_Style] = []
        seen: set[str] = set()
        cur: str | None = sid
        while cur and cur in self.raw and cur not in seen and len(chain) < 20:
            seen.add(cur)
            chain.append(self.raw[cur])
            cur = self.raw[cur].based_on
        out = _Style(name=chain[0].name)
        for field in ("bold", "caps", "centred", "outline", "numbered"):
            for st in chain:
                value = getattr(st, field)
                if value is not None:
                    setattr(out, field, value)
                    break
        self.cache[sid] = out
        return out


def _read_ppr(ppr: Any, st: _Style) -> None:
    jc = ppr.find(_w("jc"))
    if jc is not None:
        st.centred = jc.get(VAL) in ("center", "centre")
    outline = ppr.find(_w("outlineLvl"))
    if outline is not None:
        try:
            level = int(outline.get(VAL, "9"))
        except ValueError:
            level = 9
        st.outline = level if level < 9 else -1  # 9 = body text: explicitly not a heading
    num = ppr.find(_w("numPr"))
    if num is not None:
        num_id = num.find(_w("numId"))
        st.numbered = num_id is None or num_id.get(VAL) != "0"


def _run_pieces(el: Any, out: list[tuple[Any, str]]) -> None:
    """Visible (run, text) pieces of a paragraph in order, without text boxes or field codes."""
    for child in el:
        tag = child.tag
        if tag == R:
            parts: list[str] = []
            for node in child:
                ntag = node.tag
                if ntag == T:
                    parts.append(node.text or "")
                elif ntag == _w("tab") or ntag == _w("ptab"):
                    parts.append("\t")
                elif ntag in (_w("br"), _w("cr")):
                    if node.get(_w("type")) != "page":
                        parts.append("\n")
                elif ntag == _w("noBreakHyphen"):
                    parts.append("-")
            out.append((child, "".join(parts)))
        elif tag in _INLINE_CONTAINERS:
            _run_pieces(child, out)
        elif tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                _run_pieces(content, out)
        elif tag == ALT_CONTENT:
            choice = child.find(f"{{{_MC}}}Choice")
            if choice is not None:
                _run_pieces(choice, out)
        elif tag in _MATH:
            # An equation (OMML): its text runs in order, as Word's plain-text copy gives them.
            out.append((child, "".join(t.text or "" for t in child.iter(_MATH_TEXT))))


def _text_boxes(p: Any) -> list[Any]:
    """Outermost text boxes anchored in a paragraph; VML fallbacks duplicate them and are skipped."""
    boxes = []
    for box in p.iter(TXBX):
        parent = box.getparent()
        nested = False
        while parent is not None and parent is not p:
            if parent.tag in (FALLBACK, TXBX):
                nested = True
                break
            parent = parent.getparent()
        if not nested:
            boxes.append(box)
    return boxes


def _clean(text: str) -> str:
    text = strip_artefacts(text).replace("\xa0", " ")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


class _DocxBuilder:
    def __init__(self, styles: _Styles) -> None:
        self.styles = styles
        self.blocks: list[Block] = []

    def walk(self, container: Any) -> None:
        for child in container:
            tag = child.tag
            if tag == P:
                self.paragraph(child)
            elif tag == TBL:
                self.table(child)
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self.walk(content)
            elif tag == CUSTOM_XML:
                self.walk(child)
            elif tag == ALT_CONTENT:
                choice = child.find(f"{{{_MC}}}Choice")
                if choice is not None:
                    self.walk(choice)

    def paragraph(self, p: Any) -> None:
        pieces: list[tuple[Any, str]] = []
        _run_pieces(p, pieces)
        text = _clean("".join(t for _, t in pieces))
        if text:
            self.blocks.append(self._classify(p, pieces, text))
        for box in _text_boxes(p):
            self.walk(box)

    def _classify(self, p: Any, pieces: list[tuple[Any, str]], text: str) -> Block:
        ppr = p.find(_w("pPr"))
        direct = _Style()
        style_id = None
        if ppr is not None:
            _read_ppr(ppr, direct)
            ps = ppr.find(_w("pStyle"))
            style_id = ps.get(VAL) if ps is not None else None
        style = self.styles.get(style_id)
        name = style.name
        outline = direct.outline if direct.outline is not None else style.outline
        loc = Location()
        level = style_level(name)
        if level is None and outline is not None and outline >= 0:
            level = outline + 1
        if level is not None:
            return Block(kind="heading", text=text, location=loc, level=level, heading_reason="style")
        visible = [(r, t) for r, t in pieces if t.strip()]
        bold = bool(visible) and all(self._run_flag(r, "bold", style) for r, _ in visible)
        caps = bool(visible) and all(self._run_flag(r, "caps", style) for r, _ in visible)
        centred = direct.centred if direct.centred is not None else bool(style.centred)
        numbered = direct.numbered if direct.numbered is not None else bool(style.numbered)
        is_list = numbered or bool(name and _LIST_STYLE_RE.search(name))
        check = text.upper() if caps else text
        if is_list:
            # An auto-numbered bold short line is a section title, not a list item.
            if bold and heading_reason(check, bold=True) == "bold":
                return Block(
                    kind="heading",
                    text=text,
                    location=loc,
                    level=heading_level(text, reason="bold"),
                    heading_reason="bold",
                )
            return Block(kind="list_item", text=text, location=loc)
        reason = heading_reason(check, bold=bold, centred=centred)
        item = list_item_text(text)
        if item is not None and reason != "numbered":
            return Block(kind="list_item", text=item, location=loc)  # a typed `- ` or `1) ` item
        if reason:
            return Block(
                kind="heading",
                text=text,
                location=loc,
                level=heading_level(check, reason=reason),
                heading_reason=reason,
            )
        return Block(kind="paragraph", text=text, location=loc)

    def _run_flag(self, run: Any, flag: str, para_style: _Style) -> bool:
        rpr = run.find(_w("rPr"))
        if rpr is not None:
            value = _on(rpr.find(_w("b" if flag == "bold" else "caps")))
            if value is not None:
                return value
            rs = rpr.find(_w("rStyle"))
            if rs is not None:
                value = getattr(self.styles.get(rs.get(VAL)), flag)
                if value is not None:
                    return bool(value)
        return bool(getattr(para_style, flag))

    # --- tables ----------------------------------------------------------------------------------

    def table(self, tbl: Any) -> None:
        table = Table()
        origins: dict[int, Cell] = {}  # grid column → the cell that started a vertical merge there
        for r_index, tr in enumerate(_children(tbl, TR), start=1):
            cells: list[Cell] = []
            col = _int_prop(tr.find(_w("trPr")), "gridBefore", 0)
            for tc in _children(tr, TC):
                tcpr = tc.find(_w("tcPr"))
                span = max(1, _int_prop(tcpr, "gridSpan", 1))
                vmerge = _merge_state(tcpr, "vMerge")
                if _merge_state(tcpr, "hMerge") == "continue" and cells:
                    cells[-1].col_span += span  # legacy horizontal merge
                    col += span
                    continue
                if vmerge == "continue" and col in origins:
                    origins[col].row_span += 1  # the text lives in the origin cell: omit this one
                    col += span
                    continue
                cell = Cell(
                    text=self._cell_text(tc), location=Location(row=r_index, column=col + 1), col_span=span
                )
                for c in range(col, col + span):
                    origins.pop(c, None)
                if vmerge == "restart":
                    origins[col] = cell
                cells.append(cell)
                col += span
            table.rows.append(Row(cells=cells, location=Location(row=r_index)))
        if not table.rows:
            return
        text = "\n".join(" | ".join(" ".join(t.split()) for t in row.texts) for row in table.rows)
        self.blocks.append(Block(kind="table", text=text, location=Location(), table=table))

    def _cell_text(self, container: Any) -> str:
        parts: list[str] = []
        for child in container:
            tag = child.tag
            if tag == P:
                pieces: list[tuple[Any, str]] = []
                _run_pieces(child, pieces)
                parts.append("".join(t for _, t in pieces))
                for box in _text_boxes(child):
                    parts.append(self._cell_text(box))
            elif tag == TBL:
                parts.append(_flatten_table(child, self))
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    parts.append(self._cell_text(content))
            elif tag == CUSTOM_XML:
                parts.append(self._cell_text(child))
        return _clean("\n".join(parts))


def _flatten_table(tbl: Any, builder: _DocxBuilder) -> str:
    """A nested table inside a cell becomes text: cells by " | ", rows by newlines (merged cells once)."""
    rows = []
    for tr in _children(tbl, TR):
        texts = [
            builder._cell_text(tc).replace("\n", " ")
            for tc in _children(tr, TC)
            if _merge_state(tc.find(_w("tcPr")), "vMerge") != "continue"
        ]
        rows.append(" | ".join(texts))
    return "\n".join(rows)


def _children(el: Any, tag: str) -> list[Any]:
    """Direct children with `tag`, looking through content controls and custom XML wrappers."""
    out = []
    for child in el:
        if child.tag == tag:
            out.append(child)
        elif child.tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                out.extend(_children(content, tag))
        elif child.tag == CUSTOM_XML:
            out.extend(_children(child, tag))
    return out


def _int_prop(pr: Any, name: str, default: int) -> int:
    if pr is None:
        return default
    el = pr.find(_w(name))
    if el is None:
        return default
    try:
        return int(el.get(VAL, default))
    except ValueError:
        return default


def _merge_state(tcpr: Any, name: str) -> str | None:
    if tcpr is None:
        return None
    el = tcpr.find(_w(name))
    if el is None:
        return None
    return "restart" if el.get(VAL) == "restart" else "continue"


_STRICT = (
    (b"http://purl.oclc.org/ooxml/officeDocument/math", _M.encode()),
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main", _W.encode()),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships", _R.encode()),
    (b"http://purl.oclc.org/ooxml/drawingml/main", _A.encode()),
)
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_DC = "http://purl.org/dc/elements/1.1/"
_DCTERMS = "http://purl.org/dc/terms/"
# Notes that are not notes: the separator lines Word keeps in footnotes.xml / endnotes.xml.
_NOTE_SEPARATORS = {"separator", "continuationSeparator", "continuationNotice"}


@dataclass
class _Rel:
    kind: str  # the relationship type's last segment: image, header, footnotes, ...
    target: str  # the zip entry name (may be absent from the zip), or the URL when external
    external: bool


class _Package:
    """The OPC package read directly: parts by name, relationships by source part (ISO 29500 Strict
    namespaces mapped to transitional ones, so one walker reads both)."""

    def __init__(self, zf: zipfile.ZipFile) -> None:
        from lxml import etree  # lazy: lxml costs start-up time

        self.zf = zf
        self.by_lower = {name.lower(): name for name in zf.namelist()}
        self.parser = etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True)
        self.etree = etree

    def has(self, name: str) -> bool:
        return name.lower() in self.by_lower

    def blob(self, name: str) -> bytes | None:
        real = self.by_lower.get(name.lower()) or self.by_lower.get(unquote(name).lower())  # «image%201.png»
        return self.zf.read(real) if real is not None else None

    def xml(self, name: str) -> Any:
        data = self.blob(name)
        if data is None:
            return None
        if b"purl.oclc.org/ooxml/" in data:
            for strict, transitional in _STRICT:
                data = data.replace(strict, transitional)
        return self.etree.fromstring(data, self.parser)

    def rels(self, part: str) -> dict[str, _Rel]:
        folder, _, base = part.rpartition("/")
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        out: dict[str, _Rel] = {}
        if root is None:
            return out
        for rel in root.iter(f"{{{_REL_NS}}}Relationship"):
            rid, kind, target = rel.get("Id"), rel.get("Type") or "", rel.get("Target") or ""
            if not rid:
                continue
            external = rel.get("TargetMode") == "External"
            if not external:
                target = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
                target = posixpath.normpath(target).lstrip("/")
            out[rid] = _Rel(kind=kind.rsplit("/", 1)[-1], target=target, external=external)
        return out


def _page_count(package: _Package) -> int | None:
    real = package.by_lower.get("docprops/app.xml")
    if real is None or package.zf.getinfo(real).file_size > 1024 * 1024:
        return None
    m = re.search(rb"<(?:\w+:)?Pages>\s*(\d+)\s*<", package.zf.read(real))
    return int(m.group(1)) if m and int(m.group(1)) > 0 else None


def _images(package: _Package, rels: dict[str, _Rel], body: Any, notes: list[str]) -> list[str]:
    """sha256 of each distinct image part the body references (inline pictures and VML images).
    A referenced part missing from the package is noted, not fatal: the text is still there."""
    hashes: list[str] = []
    seen: set[str] = set()
    for el in body.iter(f"{{{_A}}}blip", f"{{{_V}}}imagedata"):
        rid = el.get(f"{{{_R}}}embed") or el.get(f"{{{_R}}}id")
        rel = rels.get(rid) if rid else None
        if rel is None or rel.external or rel.kind != "image" or rel.target in seen:
            continue
        seen.add(rel.target)
        blob = package.blob(rel.target)
        if blob is None:
            notes.append(f"В документе нет части с рисунком ({rel.target}) — рисунок пропущен")
            continue
        hashes.append(hashlib.sha256(blob).hexdigest())
    return hashes


def _w3cdtf(text: str | None) -> datetime | None:
    """dcterms dates: «2018-10-19T10:14:55Z», «…-08:00», «2018-10-19», «2018»."""
    text = (text or "").strip()
    if not text:
        return None
    stamp, offset = text[:19], text[19:]
    for fmt in ("%Y-%m-%dT%H:%M:%S", "%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            value = datetime.strptime(stamp, fmt)
        except ValueError:
            continue
        m = re.fullmatch(r"(?:\.\d+)?([+-])(\d\d):(\d\d)", offset)
        if m:
            delta = timedelta(hours=int(m.group(2)), minutes=int(m.group(3)))
            value = value - delta if m.group(1) == "+" else value + delta
        return value.replace(tzinfo=UTC)
    return None


def _core(package: _Package, meta: Metadata) -> None:
    real = package.by_lower.get("docprops/core.xml")
    if real is None or package.zf.getinfo(real).file_size > 1024 * 1024:
        return
    root = package.xml(real)
    if root is None:
        return

    def text(ns: str, tag: str) -> str | None:
        el = root.find(f"{{{ns}}}{tag}")
        return (el.text or "").strip() or None if el is not None else None

    meta.author = text(_DC, "creator")
    meta.title = text(_DC, "title")
    meta.created = _w3cdtf(text(_DCTERMS, "created"))
    meta.modified = _w3cdtf(text(_DCTERMS, "modified"))


def _section_parts(body: Any, rels: dict[str, _Rel], kind: str) -> list[str]:
    """Header or footer parts in the order the sections reference them, each once."""
    out: list[str] = []
    for ref in body.iter(_w(f"{kind}Reference")):
        rel = rels.get(ref.get(f"{{{_R}}}id") or "")
        if rel is not None and not rel.external and rel.kind == kind and rel.target not in out:
            out.append(rel.target)
    return out


def _notes(package: _Package, styles: _Styles, part: str, tag: str, role: str) -> list[Block]:
    root = package.xml(part)
    if root is None:
        return []
    builder = _DocxBuilder(styles)
    for note in root.iter(_w(tag)):
        if note.get(_w("type")) not in _NOTE_SEPARATORS:
            builder.walk(note)
    return marginal_blocks(builder.blocks, role, set())


def _read(package: _Package, main: str, meta: Metadata) -> list[Block]:
    root = package.xml(main)
    body = root.find(_w("body")) if root is not None else None
    if body is None:
        raise UnreadableError(
            "corrupt",
            "Файл повреждён: в основной части документа Word нет текста (нет элемента body)",
            "Corrupt file: the Word document's main part has no body",
        )
    for extra in root.findall(_w("body"))[1:]:
        body.extend(list(extra))  # a second w:body (not valid, but some writers make one): its text follows
    rels = package.rels(main)
    by_kind: dict[str, list[str]] = {}
    for rel in rels.values():
        if not rel.external:
            by_kind.setdefault(rel.kind, []).append(rel.target)
    styles_root = package.xml(by_kind["styles"][0]) if by_kind.get("styles") else None
    styles = _Styles(styles_root)

    def part_blocks(part: str, role: str, seen: set[str]) -> list[Block]:
        root = package.xml(part)
        if root is None:
            return []
        builder = _DocxBuilder(styles)
        builder.walk(root)
        return marginal_blocks(builder.blocks, role, seen)

    headers: list[Block] = []
    seen_headers: set[str] = set()
    for part in _section_parts(body, rels, "header"):
        headers.extend(part_blocks(part, "header", seen_headers))
    builder = _DocxBuilder(styles)
    builder.walk(body)
    footers: list[Block] = []
    seen_footers: set[str] = set()
    for part in _section_parts(body, rels, "footer"):
        footers.extend(part_blocks(part, "footer", seen_footers))
    notes: list[Block] = []
    for kind, tag, role in (("footnotes", "footnote", "footnote"), ("endnotes", "endnote", "endnote")):
        for part in by_kind.get(kind, [])[:1]:
            notes.extend(_notes(package, styles, part, tag, role))
    hashes = _images(package, rels, body, meta.notes)
    if body.find(f".//{_w('object')}") is not None and _few_words(builder.blocks):
        meta.notes.append(
            "Содержимое документа — встроенный объект (например, другой документ): его текст не читается — "
            "вставьте текст в сам документ"
        )
    meta.image_hashes = hashes
    meta.image_count = len(hashes)
    return headers + builder.blocks + footers + notes


def _not_word(zf: zipfile.ZipFile) -> UnreadableError:
    """A decrypted package that is not a Word document (an encrypted workbook or deck)."""
    names = {n.lower() for n in zf.namelist()}
    if "xl/workbook.xml" in names:
        return UnreadableError(
            "unsupported", "Это зашифрованная таблица Excel, а не текстовый документ",
            "This is an encrypted Excel workbook, not a text document",
        )  # fmt: skip
    if "ppt/presentation.xml" in names:
        return UnreadableError(
            "unsupported", "Это зашифрованная презентация PowerPoint, а не текстовый документ",
            "This is an encrypted PowerPoint deck, not a text document",
        )  # fmt: skip
    return UnreadableError(
        "unsupported", "Зашифрованный файл Office — не документ Word",
        "The encrypted Office file is not a Word document",
    )  # fmt: skip


def _few_words(blocks: list[Block]) -> bool:
    """Less text than any rule needs (the pipeline's «почти нет текста»)."""
    return len(re.findall(r"[А-Яа-яЁёA-Za-z]{3,}", " ".join(b.text for b in blocks))) < 15


def parse_docx(path: Path) -> Document:
    """The main part is found as OPC says (through `_rels/.rels`), so .docm, templates saved as .docx
    and Strict documents read like any .docx. Headers come first, then the body, then footers,
    footnotes and endnotes, each marked with its `role`."""
    source: Path | io.BytesIO = path
    meta = Metadata(format="docx")
    if is_ole(path):
        # An encrypted package (EncryptionInfo / EncryptedPackage): opened in memory with Office's
        # default password, else the user is told that a password is needed.
        source = io.BytesIO(decrypt_default(path))
        meta.notes.append("Файл зашифрован стандартным паролем Office (без пароля пользователя) — прочитан")
    zip_precheck(source, [])  # type: ignore[arg-type]  # zipfile reads a path and a file object alike
    with zipfile.ZipFile(source) as zf:
        main = word_main_part(zf)
        if main is None:
            if source is not path:
                raise _not_word(zf)
            raise UnreadableError(
                "corrupt",
                "Файл повреждён: в документе нет обязательной части word/document.xml",
                "Corrupt file: the required part word/document.xml is missing",
            )
        package = _Package(zf)
        blocks = _read(package, main, meta)
        meta.page_count = _page_count(package)
        try:
            _core(package, meta)
        except (ValueError, TypeError, AttributeError, SyntaxError):
            meta.notes.append("Свойства документа (автор, даты) не читаются")
    return Document(path=str(path), blocks=number_blocks(blocks), metadata=meta)
