"""OpenDocument text (.odt) through odfpy, walking the body in document order.

odfpy's `getElementsByType` returns each element type separately, which loses the order of
paragraphs and tables, so the tree is walked directly. Headings come from `text:h` levels and from
the same formatting cues as docx (bold, centred, numbered, upper case) resolved through styles.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.document import Block, Document, Location, Metadata, number_blocks
from checker.parsers.flow import FlowCell, FlowTable, table_from_flow
from checker.parsers.headings import heading_level, heading_reason, list_item_text, strip_artefacts, style_level
from checker.sources import refuse_xml_entities, zip_precheck

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_SKIPPED = {(_TEXT, "note"), (_TEXT, "tracked-changes"), (_TEXT, "sequence-decls"), (_OFFICE, "annotation")}


@dataclass
class _Fmt:
    name: str | None = None
    bold: bool | None = None
    centred: bool | None = None
    caps: bool | None = None


class _Styles:
    def __init__(self, doc: Any) -> None:
        self.raw: dict[str, tuple[_Fmt, str | None]] = {}
        self.cache: dict[str, _Fmt] = {}
        for container in (doc.styles, doc.automaticstyles):
            for el in container.childNodes:
                if getattr(el, "qname", None) != (_STYLE, "style"):
                    continue
                name = _attr(el, _STYLE, "name")
                if not name:
                    continue
                fmt = _Fmt(name=_attr(el, _STYLE, "display-name") or name)
                for prop in el.childNodes:
                    q = getattr(prop, "qname", None)
                    if q == (_STYLE, "text-properties"):
                        weight = _attr(prop, _FO, "font-weight")
                        if weight:
                            fmt.bold = weight == "bold" or (weight.isdigit() and int(weight) >= 600)
                        transform = _attr(prop, _FO, "text-transform")
                        if transform:
                            fmt.caps = transform == "uppercase"
                    elif q == (_STYLE, "paragraph-properties"):
                        align = _attr(prop, _FO, "text-align")
                        if align:
                            fmt.centred = align == "center"
                self.raw[name] = (fmt, _attr(el, _STYLE, "parent-style-name"))

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


def _attr(el: Any, ns: str, name: str) -> str | None:
    try:
        value = el.attributes.get((ns, name))
    except AttributeError:
        return None
    return str(value) if value is not None else None


class _OdtBuilder:
    def __init__(self, styles: _Styles) -> None:
        self.styles = styles
        self.blocks: list[Block] = []

    def walk(self, container: Any, in_list: bool = False) -> None:
        for el in container.childNodes:
            q = getattr(el, "qname", None)
            if q is None or q in _SKIPPED:
                continue
            if q == (_TEXT, "p"):
                self.paragraph(el, None, in_list)
            elif q == (_TEXT, "h"):
                level = _attr(el, _TEXT, "outline-level")
                self.paragraph(el, int(level) if level and level.isdigit() else 1, in_list)
            elif q == (_TABLE, "table"):
                self.table(el)
            elif q in ((_TEXT, "list"), (_TEXT, "list-item"), (_TEXT, "list-header")):
                self.walk(el, in_list=True)
            else:  # sections, index bodies and other wrappers
                self.walk(el, in_list)

    def _pieces(self, el: Any, bold: bool | None, out: list[tuple[str, bool]]) -> None:
        """(text, bold) runs of a paragraph; spans override the paragraph's weight."""
        for node in el.childNodes:
            if node.nodeType == node.TEXT_NODE:
                out.append((str(node.data), bool(bold)))
                continue
            q = getattr(node, "qname", None)
            if q in _SKIPPED or (q is not None and q[0] == _DRAW):
                continue  # notes, comments and frames are not body text
            if q == (_TEXT, "s"):
                count = _attr(node, _TEXT, "c")
                out.append((" " * (int(count) if count and count.isdigit() else 1), bool(bold)))
            elif q == (_TEXT, "tab"):
                out.append(("\t", bool(bold)))
            elif q == (_TEXT, "line-break"):
                out.append(("\n", bool(bold)))
            elif q == (_TEXT, "span"):
                span = self.styles.get(_attr(node, _TEXT, "style-name"))
                self._pieces(node, span.bold if span.bold is not None else bold, out)
            else:
                self._pieces(node, bold, out)

    def _text(self, el: Any, bold: bool | None = None) -> tuple[str, bool]:
        pieces: list[tuple[str, bool]] = []
        self._pieces(el, bold, pieces)
        text = strip_artefacts("".join(t for t, _ in pieces)).replace("\xa0", " ")
        lines = [" ".join(line.split()) for line in text.split("\n")]
        visible = [b for t, b in pieces if t.strip()]
        return "\n".join(line for line in lines if line), bool(visible) and all(visible)

    def paragraph(self, el: Any, outline: int | None, in_list: bool) -> None:
        fmt = self.styles.get(_attr(el, _TEXT, "style-name"))
        text, bold = self._text(el, fmt.bold)
        if not text:
            return
        loc = Location()
        level = outline if outline is not None else style_level(fmt.name)
        if level is not None:
            self.blocks.append(Block(kind="heading", text=text, location=loc, level=level, heading_reason="style"))
            return
        check = text.upper() if fmt.caps else text
        reason = heading_reason(check, bold=bold, centred=bool(fmt.centred))
        if in_list:
            if bold and reason == "bold":
                self.blocks.append(
                    Block(kind="heading", text=text, location=loc, level=heading_level(text, reason="bold"),
                          heading_reason="bold")
                )  # fmt: skip
            else:
                self.blocks.append(Block(kind="list_item", text=list_item_text(text) or text, location=loc))
            return
        item = list_item_text(text)
        if item is not None and reason != "numbered":
            self.blocks.append(Block(kind="list_item", text=item, location=loc))
        elif reason:
            self.blocks.append(
                Block(kind="heading", text=text, location=loc, level=heading_level(check, reason=reason),
                      heading_reason=reason)
            )  # fmt: skip
        else:
            self.blocks.append(Block(kind="paragraph", text=text, location=loc))

    def _cell_text(self, cell: Any) -> str:
        parts: list[str] = []
        for el in cell.childNodes:
            q = getattr(el, "qname", None)
            if q in ((_TEXT, "p"), (_TEXT, "h")):
                parts.append(self._text(el)[0])
            elif q == (_TABLE, "table"):
                parts.append("\n".join(" | ".join(c.text for c in row) for row in self._rows(el)))
            elif q is not None:
                parts.append(self._cell_text(el))  # lists and sections inside a cell
        return "\n".join(p for p in parts if p)

    def _rows(self, table: Any) -> list[list[FlowCell]]:
        rows: list[list[FlowCell]] = []

        def row_elements(el: Any) -> list[Any]:
            out = []
            for child in el.childNodes:
                q = getattr(child, "qname", None)
                if q == (_TABLE, "table-row"):
                    out.append(child)
                elif q in ((_TABLE, "table-header-rows"), (_TABLE, "table-rows"), (_TABLE, "table-row-group")):
                    out.extend(row_elements(child))
            return out

        for tr in row_elements(table):
            repeat = _attr(tr, _TABLE, "number-rows-repeated")
            if repeat and repeat.isdigit() and int(repeat) > 1 and not self._cell_text(tr).strip():
                continue  # a run of empty filler rows
            cells: list[FlowCell] = []
            col = 1
            for tc in tr.childNodes:
                q = getattr(tc, "qname", None)
                if q == (_TABLE, "covered-table-cell"):
                    col += 1  # spanned: the text lives in the origin cell
                    continue
                if q != (_TABLE, "table-cell"):
                    continue
                span = _int(_attr(tc, _TABLE, "number-columns-spanned"))
                rspan = _int(_attr(tc, _TABLE, "number-rows-spanned"))
                cell = FlowCell(self._cell_text(tc), col, span, rspan)
                cells.append(cell)
                col += span
            rows.append(cells)
        return rows

    def table(self, el: Any) -> None:
        block = table_from_flow(FlowTable(rows=self._rows(el)))
        if block is not None:
            self.blocks.append(block)


def _int(value: str | None) -> int:
    return max(1, int(value)) if value and value.isdigit() else 1


def parse_odt(path: Path) -> Document:
    zip_precheck(path, ["content.xml"])
    refuse_xml_entities(path, ["content.xml", "styles.xml", "meta.xml"])
    from odf.opendocument import load  # lazy

    doc = load(str(path))
    builder = _OdtBuilder(_Styles(doc))
    builder.walk(doc.text)
    meta = Metadata(format="odt")
    try:
        from odf import dc, teletype
        from odf import meta as odf_meta

        for el in doc.meta.childNodes:
            q = getattr(el, "qname", None)
            value = teletype.extractText(el).strip()
            if q == dc.Creator().qname or (q == odf_meta.InitialCreator().qname and not meta.author):
                meta.author = value or meta.author
            elif q == dc.Title().qname:
                meta.title = value or None
            elif q == odf_meta.DocumentStatistic().qname:
                pages = _attr(el, "urn:oasis:names:tc:opendocument:xmlns:meta:1.0", "page-count")
                meta.page_count = int(pages) if pages and pages.isdigit() else None
    except Exception:  # metadata is a nicety: a damaged meta.xml must not lose the text
        meta.notes.append("Свойства документа (автор, даты) не читаются")
    return Document(path=str(path), blocks=number_blocks(builder.blocks), metadata=meta)
