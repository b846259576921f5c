"""Word 2003 XML («XML-документ Word 2003», WordprocessingML 2003): one XML file, often named .doc or .xml.

Its paragraphs, runs, tables and styles are the ancestors of .docx's and carry the same local names, so
the namespace is renamed to the .docx one and the .docx walker reads the body. What differs is unwrapped
first: sections (`wx:sect`, `wx:sub-section`) wrap the body's paragraphs, hyperlinks are `w:hlink`,
tracked insertions are `aml:annotation` groups. Headers and footers sit in the section properties and
notes inside runs; they become role blocks as in .docx. Entities are never expanded and nothing is
fetched (the file is the submitter's).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from checker.document import Block, Document, Metadata, marginal_blocks, number_blocks
from checker.errors import UnreadableError
from checker.parsers.docx import _W, _DocxBuilder, _Styles

WORDML_2003 = b"http://schemas.microsoft.com/office/word/2003/wordml"
_AUX = "http://schemas.microsoft.com/office/word/2003/auxHint"
_AML = "http://schemas.microsoft.com/aml/2001/core"
_O = "urn:schemas-microsoft-com:office:office"
MAX_WORDML_BYTES = 50 * 1024 * 1024


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def _corrupt(detail: str) -> UnreadableError:
    return UnreadableError(
        "corrupt",
        "Файл повреждён: документ Word 2003 XML не читается (ошибка в XML-разметке)",
        f"Corrupt Word 2003 XML document ({detail})",
    )


def _unwrap(root: Any) -> None:
    """Sections, hyperlinks and tracked insertions hold paragraphs or runs: keep their children in place."""
    from lxml import etree

    for annotation in list(root.iter(f"{{{_AML}}}annotation")):
        kind = annotation.get(_w("type"), "")
        parent = annotation.getparent()
        if parent is None:
            continue
        if kind == "Word.Insertion":
            continue  # unwrapped below with its aml:content
        if kind.startswith("Word.Comment") or kind == "Word.Deletion":
            parent.remove(annotation)  # a comment is not the document's text; deleted text is gone
    etree.strip_tags(
        root,
        f"{{{_AUX}}}sect",
        f"{{{_AUX}}}sub-section",
        f"{{{_AUX}}}pBdrGroup",
        f"{{{_AML}}}annotation",
        f"{{{_AML}}}content",
        _w("hlink"),
    )


def _meta(root: Any, meta: Metadata) -> None:
    props = root.find(f"{{{_O}}}DocumentProperties")
    if props is None:
        return

    def text(tag: str) -> str | None:
        el = props.find(f"{{{_O}}}{tag}")
        return " ".join((el.text or "").split()) or None if el is not None else None

    meta.author = text("Author")
    meta.title = text("Title")
    pages = text("Pages")
    meta.page_count = int(pages) if pages and pages.isdigit() and int(pages) > 0 else None


def _marginal(styles: _Styles, parts: list[Any], role: str, seen: set[str]) -> list[Block]:
    out: list[Block] = []
    for part in parts:
        builder = _DocxBuilder(styles)
        builder.walk(part)
        out.extend(marginal_blocks(builder.blocks, role, seen))
    return out


def parse_wordml(path: Path) -> Document:
    from lxml import etree  # lazy

    data = path.read_bytes()[:MAX_WORDML_BYTES]
    if WORDML_2003 not in data[:8192]:
        raise _corrupt("no WordprocessingML 2003 namespace")
    data = data.replace(WORDML_2003, _W.encode())
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise _corrupt(str(exc)[:200]) from None
    if root is None or root.tag != _w("wordDocument"):
        raise _corrupt("the root is not w:wordDocument")
    _unwrap(root)
    styles = _Styles(root.find(_w("styles")))
    body = root.find(_w("body"))
    meta = Metadata(format="wordml")
    if body is None:
        return Document(path=str(path), blocks=[], metadata=meta)
    builder = _DocxBuilder(styles)
    builder.walk(body)
    headers = _marginal(styles, list(body.iter(_w("hdr"))), "header", set())
    footers = _marginal(styles, list(body.iter(_w("ftr"))), "footer", set())
    notes = _marginal(styles, list(body.iter(_w("footnote"))), "footnote", set())
    notes += _marginal(styles, list(body.iter(_w("endnote"))), "endnote", set())
    _meta(root, meta)
    blocks = headers + builder.blocks + footers + notes
    return Document(path=str(path), blocks=number_blocks(blocks), metadata=meta)
