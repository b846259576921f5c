"""OpenDocument text (.odt): content.xml and styles.xml read with lxml, the body walked in order.

odfpy was dropped: its `doc.text` is the first child node, a whitespace node when content.xml is
indented (every ODT pandoc writes), so such files read empty; it prints XML to stdout for some files,
and it fails on OpenOffice 2/3 manifests with a DOCTYPE and on missing manifest entries. Only the parts
with text are read here. Headings come from `text:h` levels and from the same formatting cues as docx
(bold, centred, numbered, upper case) resolved through styles. Notes, frames with captions, and the
master pages' headers and footers are read too; notes and running heads carry their `role`.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from checker.document import Block, Document, Location, Metadata, marginal_blocks, number_blocks
from checker.errors import UnreadableError
from checker.parsers.flow import FlowCell, FlowTable, table_from_flow
from checker.parsers.headings import heading_level, heading_reason, list_item_text, strip_artefacts, style_level
from checker.sources import refuse_xml_entities, zip_precheck

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
_DC = "http://purl.org/dc/elements/1.1/"


def _q(ns: str, name: str) -> str:
    return f"{{{ns}}}{name}"


P, H, SPAN = _q(_TEXT, "p"), _q(_TEXT, "h"), _q(_TEXT, "span")
NOTE, NOTE_BODY = _q(_TEXT, "note"), _q(_TEXT, "note-body")
TABLE, FRAME, TEXT_BOX = _q(_TABLE, "table"), _q(_DRAW, "frame"), _q(_DRAW, "text-box")
LISTS = {_q(_TEXT, "list"), _q(_TEXT, "list-item"), _q(_TEXT, "list-header")}
# Not text of the body: comments, tracked deletions, declarations, forms, notes' citations.
_SKIPPED = {
    _q(_TEXT, t)
    for t in ("tracked-changes", "sequence-decls", "variable-decls", "user-field-decls", "note-citation")
} | {_q(_OFFICE, "annotation"), _q(_OFFICE, "forms")}
_WHITESPACE = str.maketrans({"\n": " ", "\r": " ", "\t": " "})
_MAX_PART = 64 * 1024 * 1024


@dataclass
class _Fmt:
    name: str | None = None
    bold: bool | None = None
    centred: bool | None = None
    caps: bool | None = None


class _Styles:
    """Named and automatic paragraph/text styles, resolved through the parent chain."""

    def __init__(self, containers: list[Any]) -> None:
        self.raw: dict[str, tuple[_Fmt, str | None]] = {}
        self.cache: dict[str, _Fmt] = {}
        for container in containers:
            for el in container.iter(_q(_STYLE, "style")):
                name = el.get(_q(_STYLE, "name"))
                if not name:
                    continue
                fmt = _Fmt(name=el.get(_q(_STYLE, "display-name")) or name)
                for prop in el:
                    if prop.tag == _q(_STYLE, "text-properties"):
                        weight = prop.get(_q(_FO, "font-weight"))
                        if weight:
                            fmt.bold = weight == "bold" or (weight.isdigit() and int(weight) >= 600)
                        transform = prop.get(_q(_FO, "text-transform"))
                        if transform:
                            fmt.caps = transform == "uppercase"
                    elif prop.tag == _q(_STYLE, "paragraph-properties"):
                        align = prop.get(_q(_FO, "text-align"))
                        if align:
                            fmt.centred = align == "center"
                self.raw[name] = (fmt, el.get(_q(_STYLE, "parent-style-name")))

    def get(self, name: str | None) -> _Fmt:
        if not name or name not in self.raw:
            return _Fmt()
        if name in self.cache:
            return self.cache[name]
        chain: list[_Fmt] = []
        cur: str | None = name
        seen: set[str] = set()
        while cur and cur in self.raw and cur not in seen and len(chain) < 20:
            seen.add(cur)
            fmt, cur = self.raw[cur]
            chain.append(fmt)
        out = _Fmt()
        # An automatic style (P1) names no heading: the first named ancestor does.
        out.name = next((f.name for f in chain if f.name and not _automatic(f.name)), chain[0].name)
        for field in ("bold", "centred", "caps"):
            setattr(out, field, next((getattr(f, field) for f in chain if getattr(f, field) is not None), None))
        self.cache[name] = out
        return out


def _automatic(name: str) -> bool:
    return len(name) <= 4 and name[:1] in "PT" and name[1:].isdigit()


class _OdtBuilder:
    def __init__(self, styles: _Styles) -> None:
        self.styles = styles
        self.blocks: list[Block] = []
        self.notes: list[tuple[str, Any]] = []  # (footnote | endnote, text:note-body) in citation order
        self.frames: list[Any] = []  # text boxes anchored in the paragraph being read

    def walk(self, container: Any, in_list: bool = False) -> None:
        for el in container:
            tag = el.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                continue  # comments and processing instructions
            if tag == P:
                self.paragraph(el, None, in_list)
            elif tag == H:
                level = el.get(_q(_TEXT, "outline-level"))
                self.paragraph(el, int(level) if level and level.isdigit() else 1, in_list)
            elif tag == TABLE:
                self.table(el)
            elif tag in LISTS:
                self.walk(el, in_list=True)
            elif tag in (FRAME, TEXT_BOX):
                self.walk(el, in_list)  # a page-anchored frame: its text box holds paragraphs
            elif tag.startswith(f"{{{_DRAW}}}"):
                continue  # shapes and images
            else:  # sections, index bodies and other wrappers
                self.walk(el, in_list)

    def _pieces(self, el: Any, bold: bool | None, out: list[tuple[str, bool]]) -> None:
        """(text, bold) runs of a paragraph; spans override the paragraph's weight. Literal line ends
        and tabs in the XML are white space (indented files have them); text:line-break is a break."""
        if el.text:
            out.append((el.text.translate(_WHITESPACE), bool(bold)))
        for node in el:
            tag = node.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                pass
            elif tag == NOTE:
                body = node.find(NOTE_BODY)
                if body is not None:
                    kind = "endnote" if node.get(_q(_TEXT, "note-class")) == "endnote" else "footnote"
                    self.notes.append((kind, body))
            elif tag == FRAME:
                self.frames.extend(box for box in node if box.tag == TEXT_BOX)
            elif tag.startswith(f"{{{_DRAW}}}"):
                if any(child.tag in (P, H) for child in node):
                    self.frames.append(node)  # a shape with text in it reads like a text box
                # images and shapes without text add nothing
            elif tag == _q(_TEXT, "s"):
                count = node.get(_q(_TEXT, "c"))
                out.append((" " * (min(int(count), 100) if count and count.isdigit() else 1), bool(bold)))
            elif tag == _q(_TEXT, "tab"):
                out.append(("\t", bool(bold)))
            elif tag == _q(_TEXT, "line-break"):
                out.append(("\n", bool(bold)))
            elif tag == SPAN:
                span = self.styles.get(node.get(_q(_TEXT, "style-name")))
                self._pieces(node, span.bold if span.bold is not None else bold, out)
            else:
                self._pieces(node, bold, out)
            if node.tail:
                out.append((node.tail.translate(_WHITESPACE), bool(bold)))

    def _text(self, el: Any, bold: bool | None = None) -> tuple[str, bool]:
        pieces: list[tuple[str, bool]] = []
        self._pieces(el, bold, pieces)
        text = strip_artefacts("".join(t for t, _ in pieces)).replace("\xa0", " ")
        lines = [" ".join(line.split()) for line in text.split("\n")]
        visible = [b for t, b in pieces if t.strip()]
        return "\n".join(line for line in lines if line), bool(visible) and all(visible)

    def paragraph(self, el: Any, outline: int | None, in_list: bool) -> None:
        fmt = self.styles.get(el.get(_q(_TEXT, "style-name")))
        outer_frames, self.frames = self.frames, []
        text, bold = self._text(el, fmt.bold)
        frames, self.frames = self.frames, outer_frames
        if text:
            self.blocks.append(self._classify(text, bold, fmt, outline, in_list))
        for box in frames:
            self.walk(box)  # a frame's text and caption follow the paragraph it is anchored in

    def _classify(self, text: str, bold: bool, fmt: _Fmt, outline: int | None, in_list: bool) -> Block:
        loc = Location()
        level = outline if outline is not None else style_level(fmt.name)
        if level is not None:
            return Block(kind="heading", text=text, location=loc, level=level, heading_reason="style")
        check = text.upper() if fmt.caps else text
        reason = heading_reason(check, bold=bold, centred=bool(fmt.centred))
        if in_list:
            if bold and reason == "bold":
                return Block(kind="heading", text=text, location=loc, level=heading_level(text, reason="bold"),
                             heading_reason="bold")  # fmt: skip
            return Block(kind="list_item", text=list_item_text(text) or text, location=loc)
        item = list_item_text(text)
        if item is not None and reason != "numbered":
            return Block(kind="list_item", text=item, location=loc)
        if reason:
            return Block(kind="heading", text=text, location=loc, level=heading_level(check, reason=reason),
                         heading_reason=reason)  # fmt: skip
        return Block(kind="paragraph", text=text, location=loc)

    def _cell_text(self, cell: Any) -> str:
        parts: list[str] = []
        for el in cell:
            tag = el.tag
            if not isinstance(tag, str):
                continue
            if tag in (P, H):
                outer_frames, self.frames = self.frames, []
                parts.append(self._text(el)[0])
                frames, self.frames = self.frames, outer_frames
                parts.extend(self._cell_text(box) for box in frames)
            elif tag == TABLE:
                parts.append("\n".join(" | ".join(c.text for c in row) for row in self._rows(el)))
            elif tag not in _SKIPPED:
                parts.append(self._cell_text(el))  # lists and sections inside a cell
        return "\n".join(p for p in parts if p)

    def _rows(self, table: Any) -> list[list[FlowCell]]:
        rows: list[list[FlowCell]] = []

        def row_elements(el: Any) -> list[Any]:
            out = []
            for child in el:
                if child.tag == _q(_TABLE, "table-row"):
                    out.append(child)
                elif child.tag in (
                    _q(_TABLE, "table-header-rows"),
                    _q(_TABLE, "table-rows"),
                    _q(_TABLE, "table-row-group"),
                ):
                    out.extend(row_elements(child))
            return out

        for tr in row_elements(table):
            repeat = tr.get(_q(_TABLE, "number-rows-repeated"))
            if repeat and repeat.isdigit() and int(repeat) > 1 and not self._cell_text(tr).strip():
                continue  # a run of empty filler rows
            cells: list[FlowCell] = []
            col = 1
            for tc in tr:
                if tc.tag == _q(_TABLE, "covered-table-cell"):
                    col += 1  # spanned: the text lives in the origin cell
                    continue
                if tc.tag != _q(_TABLE, "table-cell"):
                    continue
                span = _int(tc.get(_q(_TABLE, "number-columns-spanned")))
                rspan = _int(tc.get(_q(_TABLE, "number-rows-spanned")))
                cells.append(FlowCell(self._cell_text(tc), col, span, rspan))
                col += span
            rows.append(cells)
        return rows

    def table(self, el: Any) -> None:
        block = table_from_flow(FlowTable(rows=self._rows(el)))
        if block is not None:
            self.blocks.append(block)


def _int(value: str | None) -> int:
    return max(1, int(value)) if value and value.isdigit() else 1


def _encrypted() -> UnreadableError:
    return UnreadableError(
        "encrypted",
        "Документ OpenDocument зашифрован паролем — пришлите копию без пароля",
        "The OpenDocument file is password-protected: send a copy without the password",
    )


class _Parts:
    def __init__(self, zf: zipfile.ZipFile) -> None:
        from lxml import etree  # lazy

        self.zf = zf
        self.names = set(zf.namelist())
        self.etree = etree
        self.parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)

    def raw(self, name: str) -> bytes | None:
        if name not in self.names or self.zf.getinfo(name).file_size > _MAX_PART:
            return None
        return self.zf.read(name)

    def xml(self, name: str) -> Any:
        data = self.raw(name)
        return self.etree.fromstring(data, self.parser) if data else None


def _running_heads(styles_root: Any, styles: _Styles) -> tuple[list[Block], list[Block]]:
    """Headers and footers of the master pages (styles.xml), each distinct text once."""
    heads: dict[str, list[Block]] = {"header": [], "footer": []}
    seen: dict[str, set[str]] = {"header": set(), "footer": set()}
    if styles_root is None:
        return [], []
    for page in styles_root.iter(_q(_STYLE, "master-page")):
        for el in page:
            if not isinstance(el.tag, str) or not el.tag.startswith(f"{{{_STYLE}}}"):
                continue
            local = el.tag.rsplit("}", 1)[1]
            role = "header" if local.startswith("header") else "footer" if local.startswith("footer") else None
            if role is None:
                continue
            builder = _OdtBuilder(styles)
            builder.walk(el)
            heads[role].extend(marginal_blocks(builder.blocks, role, seen[role]))
    return heads["header"], heads["footer"]


def _notes(builder: _OdtBuilder, styles: _Styles) -> list[Block]:
    out: list[Block] = []
    for role in ("footnote", "endnote"):
        for kind, body in builder.notes:
            if kind == role:
                note = _OdtBuilder(styles)
                note.walk(body)
                out.extend(marginal_blocks(note.blocks, role, set()))
    return out


def _meta(root: Any, meta: Metadata) -> None:
    if root is None:
        return
    info = root.find(_q(_OFFICE, "meta"))
    if info is None:
        return

    def text(ns: str, tag: str) -> str | None:
        el = info.find(_q(ns, tag))
        return " ".join("".join(el.itertext()).split()) or None if el is not None else None

    meta.author = text(_DC, "creator") or text(_META, "initial-creator")
    meta.title = text(_DC, "title")
    meta.created = _date(text(_META, "creation-date"))
    meta.modified = _date(text(_DC, "date"))
    stats = info.find(_q(_META, "document-statistic"))
    pages = stats.get(_q(_META, "page-count")) if stats is not None else None
    meta.page_count = int(pages) if pages and pages.isdigit() and int(pages) > 0 else None


def _date(text: str | None) -> datetime | None:
    if not text:
        return None
    try:  # ODF writes nanoseconds («2018-10-19T10:14:55.123456789»), which fromisoformat refuses
        return datetime.fromisoformat(re.sub(r"\.\d+", "", text).replace("Z", "+00:00"))
    except ValueError:
        return None


def parse_odt(path: Path) -> Document:
    zip_precheck(path, ["content.xml"])
    with zipfile.ZipFile(path) as zf:
        parts = _Parts(zf)
        manifest = parts.raw("META-INF/manifest.xml") or b""
        if b"encryption-data" in manifest:
            raise _encrypted()
        refuse_xml_entities(path, ["content.xml", "styles.xml", "meta.xml"])
        try:
            content = parts.xml("content.xml")
        except parts.etree.XMLSyntaxError:
            if not (parts.raw("content.xml") or b"").lstrip().startswith(b"<"):
                raise _encrypted() from None  # encrypted without a manifest entry saying so
            raise
        if content is None:
            raise UnreadableError(
                "corrupt", "Файл повреждён: часть content.xml пуста", "Corrupt file: content.xml is empty"
            )
        try:
            styles_root = parts.xml("styles.xml")
        except parts.etree.XMLSyntaxError:
            styles_root = None  # the text is in content.xml; styles only refine headings
        meta = Metadata(format="odt")
        try:
            meta_root = parts.xml("meta.xml")
        except (parts.etree.XMLSyntaxError, ValueError):  # a nicety: a damaged meta.xml must not lose the text
            meta_root = None
            meta.notes.append("Свойства документа (автор, даты) не читаются")
        blocks = _read(content, styles_root, meta_root, meta)
    return Document(path=str(path), blocks=number_blocks(blocks), metadata=meta)


def _read(content: Any, styles_root: Any, meta_root: Any, meta: Metadata) -> list[Block]:
    """Blocks of an ODF text document from its content, styles and meta roots (three parts of a package,
    or the same root of a Flat ODT)."""
    containers = [c for c in (styles_root, content.find(_q(_OFFICE, "automatic-styles"))) if c is not None]
    if styles_root is not None:
        containers = [styles_root.find(_q(_OFFICE, "styles")), *containers[1:]]
        containers = [c for c in containers if c is not None]
    styles = _Styles(containers)
    builder = _OdtBuilder(styles)
    body = content.find(_q(_OFFICE, "body"))
    text_root = body.find(_q(_OFFICE, "text")) if body is not None else None
    if text_root is not None:
        builder.walk(text_root)
    headers, footers = _running_heads(styles_root, styles)
    notes = _notes(builder, styles)
    try:
        _meta(meta_root, meta)
    except ValueError:
        meta.notes.append("Свойства документа (автор, даты) не читаются")
    return headers + builder.blocks + footers + notes


FLAT_ODT_MAX_BYTES = 50 * 1024 * 1024


def parse_fodt(path: Path) -> Document:
    """Flat ODT (.fodt, «Плоский XML ODF»): one XML file whose root holds the styles, the meta and the body.
    A DOCTYPE or entity declaration is refused, as in a package's parts."""
    from lxml import etree  # lazy

    data = path.read_bytes()[:FLAT_ODT_MAX_BYTES]
    head = data[:4096]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise UnreadableError(
            "corrupt",
            "Документ содержит недопустимые XML-сущности — файл не открыт",
            "The document declares XML entities: refused for safety",
        )
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise UnreadableError(
            "corrupt",
            "Файл повреждён: документ Flat ODT не читается (ошибка в XML-разметке)",
            f"Corrupt Flat ODT document ({str(exc)[:200]})",
        ) from None
    if root is None or root.tag != _q(_OFFICE, "document"):
        raise UnreadableError(
            "corrupt", "Файл повреждён: это не документ Flat ODT", "Corrupt file: not a Flat ODT document"
        )
    body = root.find(_q(_OFFICE, "body"))
    if body is not None and body.find(_q(_OFFICE, "text")) is None and len(body):
        raise UnreadableError(
            "unsupported",
            "Это таблица, презентация или рисунок OpenDocument (Flat XML), а не текстовый документ",
            "This is a Flat XML OpenDocument spreadsheet, presentation or drawing, not a text document",
        )
    meta = Metadata(format="fodt")
    blocks = _read(root, root, root, meta)
    return Document(path=str(path), blocks=number_blocks(blocks), metadata=meta)
