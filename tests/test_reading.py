"""Every real file read whole: shapes from other projects' test corpora (issue 13), generated here.

Each test builds a small document in the shape that was lost or refused: Word notes, headers and
footers; .docm and templates; a main part found through `_rels/.rels`; a missing image part; a highly
compressible preview; ODT written indented; RTF lists and footnotes; PDF headers after junk.
"""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest

from checker.document import Document
from checker.errors import UnreadableError
from checker.parsers import parse_file
from checker.sources import discover, sniff, zip_precheck

# --- .docx built part by part ----------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
DOCX_MAIN = f"{WML}.document.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
DOTX_MAIN = f"{WML}.template.main+xml"


def para(text: str, style: str | None = None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _part(root: str, inner: str) -> str:
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    return f'{head}<w:{root} xmlns:w="{W_NS}" xmlns:r="{R_NS}">{inner}</w:{root}>'


def make_docx(
    path: Path,
    body: list[str],
    *,
    headers: list[list[str]] = (),  # type: ignore[assignment]
    footers: list[list[str]] = (),  # type: ignore[assignment]
    footnotes: list[list[str]] = (),  # type: ignore[assignment]
    endnotes: list[list[str]] = (),  # type: ignore[assignment]
    main: str = "word/document.xml",
    content_type: str = DOCX_MAIN,
    images: dict[str, bytes | None] | None = None,
    extra: dict[str, bytes] | None = None,
) -> Path:
    """A Word package written by hand. `images` maps a media name to its bytes (None: referenced but
    absent from the zip); each is drawn once in the body."""
    folder = main.rpartition("/")[0]
    rels: list[tuple[str, str, str]] = []
    parts: dict[str, str | bytes] = {}
    overrides = [(f"/{main}", content_type)]
    sect = ""
    for kind, items in (("header", headers), ("footer", footers)):
        for i, paragraphs in enumerate(items, start=1):
            rid = f"r{kind}{i}"
            rels.append((rid, kind, f"{kind}{i}.xml"))
            parts[f"{folder}/{kind}{i}.xml"] = _part("hdr" if kind == "header" else "ftr", "".join(paragraphs))
            overrides.append((f"/{folder}/{kind}{i}.xml", f"{WML}.{kind}+xml"))
            kind_attr = "default" if i == 1 else "first"
            sect += f'<w:{kind}Reference w:type="{kind_attr}" r:id="{rid}"/>'
    for kind, tag, items in (("footnotes", "footnote", footnotes), ("endnotes", "endnote", endnotes)):
        if not items:
            continue
        notes = (
            f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>'
            f'<w:{tag} w:type="continuationSeparator" w:id="0">'
            f"<w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{tag}>"
        )
        for i, paragraphs in enumerate(items, start=1):
            notes += f'<w:{tag} w:id="{i}">{"".join(paragraphs)}</w:{tag}>'
        rels.append((f"r{kind}", kind, f"{kind}.xml"))
        parts[f"{folder}/{kind}.xml"] = _part(kind, notes)
    drawings = ""
    for i, (name, data) in enumerate((images or {}).items(), start=1):
        rels.append((f"rimg{i}", "image", f"media/{name}"))
        if data is not None:
            parts[f"{folder}/media/{name}"] = data
        drawings += (
            '<w:p><w:r><w:drawing><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
            f'<a:graphicData><a:blip r:embed="rimg{i}"/></a:graphicData></a:graphic></w:drawing></w:r></w:p>'
        )
    parts[main] = _part("document", f'<w:body>{"".join(body)}{drawings}<w:sectPr>{sect}</w:sectPr></w:body>')
    rel_xml = "".join(f'<Relationship Id="{i}" Type="{REL}/{k}" Target="{t}"/>' for i, k, t in rels)
    base = main.rpartition("/")[2]
    parts[f"{folder}/_rels/{base}.rels"] = f'<Relationships xmlns="{PKG_RELS}">{rel_xml}</Relationships>'
    parts["_rels/.rels"] = (
        f'<Relationships xmlns="{PKG_RELS}"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="{main}"/>'
        f'<Relationship Id="rId2" Type="{PKG_RELS}/metadata/core-properties" Target="docProps/core.xml"/>'
        "</Relationships>"
    )
    parts["docProps/core.xml"] = (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">'
        "<dc:creator>Петрова И.И.</dc:creator><dcterms:modified>2018-10-19T10:14:55Z</dcterms:modified>"
        "</cp:coreProperties>"
    )
    override_xml = "".join(f'<Override PartName="{n}" ContentType="{t}"/>' for n, t in overrides)
    parts["[Content_Types].xml"] = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>{override_xml}</Types>'
    )
    parts.update(extra or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", parts.pop("[Content_Types].xml"))
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def roles(doc: Document) -> list[tuple[str | None, str, str]]:
    return [(b.role, b.kind, b.text) for b in doc.blocks]


def test_docx_headers_footers_and_notes_are_blocks_with_roles(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "notes.docx",
        [para("ДОРОЖНАЯ КАРТА", "Heading1"), para("Мероприятия проводятся по приказу¹.")],
        headers=[[para("МБОУ СОШ № 5 г. Краснодара"), para("ПРОЕКТ")], [para("МБОУ СОШ № 5 г. Краснодара")]],
        footers=[[para("Исполнитель: Сидорова О.П."), para("3")]],
        footnotes=[[para("Приказ министерства образования от 19.10.2018 № 1234.")]],
        endnotes=[[para("Список литературы приведён в приложении.")]],
    )
    doc = parse_file(path)
    assert roles(doc) == [
        ("header", "paragraph", "МБОУ СОШ № 5 г. Краснодара"),
        ("header", "paragraph", "ПРОЕКТ"),  # upper case, but a running header is not the outline
        (None, "heading", "ДОРОЖНАЯ КАРТА"),
        (None, "paragraph", "Мероприятия проводятся по приказу¹."),
        ("footer", "paragraph", "Исполнитель: Сидорова О.П."),  # the page number «3» is not text
        ("footnote", "paragraph", "Приказ министерства образования от 19.10.2018 № 1234."),
        ("endnote", "paragraph", "Список литературы приведён в приложении."),
    ]
    assert [b.text for b in doc.headings] == ["ДОРОЖНАЯ КАРТА"]
    assert [b.location.block for b in doc.blocks] == list(range(7))
    assert doc.metadata.author == "Петрова И.И."
    assert doc.metadata.modified is not None and doc.metadata.modified.isoformat() == "2018-10-19T10:14:55+00:00"


def test_docx_header_with_table_keeps_the_table(tmp_path: Path) -> None:
    cell = '<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>'
    table = f"<w:tbl><w:tr>{cell.format('УТВЕРЖДАЮ')}{cell.format('Директор школы')}</w:tr></w:tbl>"
    doc = parse_file(make_docx(tmp_path / "t.docx", [para("Текст документа.")], headers=[[table]]))
    assert doc.blocks[0].role == "header" and doc.blocks[0].kind == "table"
    assert doc.blocks[0].text == "УТВЕРЖДАЮ | Директор школы"


def test_docm_is_a_word_document(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "macros.docm", [para("Документ с макросами.")], content_type=DOCM_MAIN)
    assert sniff(path) == "docx"
    assert [b.text for b in parse_file(path).blocks] == ["Документ с макросами."]
    folder = tmp_path / "folder"
    folder.mkdir()
    path.rename(folder / "macros.docm")
    found = discover([str(folder)])
    assert [(Path(f.path).name, f.format) for f in found] == [("macros.docm", "docx")]


def test_template_content_type_saved_as_docx(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "template.docx", [para("Шаблон, сохранённый как документ.")], content_type=DOTX_MAIN)
    assert [b.text for b in parse_file(path).blocks] == ["Шаблон, сохранённый как документ."]


def test_main_part_found_through_package_relationships(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "opc.docx", [para("Основная часть в другом месте.")], main="word/document2.xml")
    with zipfile.ZipFile(path) as zf:
        assert "word/document.xml" not in zf.namelist()
    assert sniff(path) == "docx"
    assert [b.text for b in parse_file(path).blocks] == ["Основная часть в другом месте."]


def test_strict_ooxml_namespaces(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "strict.docx", [para("Строгий формат ISO 29500.")])
    strict = tmp_path / "strict2.docx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(strict, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            data = data.replace(W_NS.encode(), b"http://purl.oclc.org/ooxml/wordprocessingml/main")
            data = data.replace(REL.encode(), b"http://purl.oclc.org/ooxml/officeDocument/relationships")
            dst.writestr(info, data)
    assert [b.text for b in parse_file(strict).blocks] == ["Строгий формат ISO 29500."]


def _png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (4, 4), (10, 200, 10)).save(buf, format="PNG")
    return buf.getvalue()


def test_missing_image_part_keeps_the_text(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "img.docx", [para("Фотоотчёт о семинаре.")], images={"a.png": _png(), "b.png": None}
    )
    doc = parse_file(path)
    assert [b.text for b in doc.blocks] == ["Фотоотчёт о семинаре."]
    assert doc.metadata.image_count == 1
    assert doc.metadata.notes == ["В документе нет части с рисунком (word/media/b.png) — рисунок пропущен"]


def test_compressible_preview_is_not_a_zip_bomb(tmp_path: Path) -> None:
    """LibreOffice's .docx from a .doc carries a WMF preview that compresses ~270:1."""
    rng = random.Random(7)
    preview = b"".join(bytes([rng.randrange(256)]) + b"\x00" * 1500 for _ in range(2000))  # 3 MB, nearly blank
    path = make_docx(
        tmp_path / "preview.docx", [para("Текст после конвертации.")], extra={"docProps/thumbnail.wmf": preview}
    )
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("docProps/thumbnail.wmf")
        assert 200 < info.file_size / info.compress_size < 500
    zip_precheck(path, [])
    assert [b.text for b in parse_file(path).blocks] == ["Текст после конвертации."]


def test_zip_bomb_ratio_still_refused_for_large_parts(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"\x00" * (20 * 1024 * 1024))
    with pytest.raises(UnreadableError) as err:
        zip_precheck(path, [])
    assert err.value.code == "too_large" and "(предел 200)" in err.value.message_ru
