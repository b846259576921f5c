"""Every real file read whole: shapes from other projects' test corpora (issue 13), generated here.

Each test builds a small document in the shape that was lost or refused: Word notes, headers and
footers; .docm and templates; a main part found through `_rels/.rels`; a missing image part; a highly
compressible preview; ODT written indented; RTF lists and footnotes; PDF headers after junk.
"""

from __future__ import annotations

import io
import random
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from checker.document import Document
from checker.errors import UnreadableError
from checker.parsers import parse_file
from checker.parsers.pdf import parse_pdf
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


# --- .odt written by hand, indented as pandoc writes it ---------------------------------------------

ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"'
)
MANIFEST_DOCTYPE = (
    '<!DOCTYPE manifest:manifest PUBLIC "-//OpenOffice.org//DTD Manifest 1.0//EN" "Manifest.dtd">\n'
)


def make_odt(
    path: Path,
    body: str,
    *,
    master: str = "",
    manifest_head: str = "",
    manifest_extra: str = "",
    extra: dict[str, bytes] | None = None,
    content_bytes: bytes | None = None,
) -> Path:
    """An ODT package with an indented content.xml (whitespace nodes everywhere)."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<office:document-content {ODF_NS} office:version="1.2">\n'
        "  <office:automatic-styles>\n"
        '    <style:style style:name="P1" style:family="paragraph" style:parent-style-name="Text_20_body">\n'
        '      <style:text-properties fo:font-weight="bold"/>\n'
        "    </style:style>\n"
        "  </office:automatic-styles>\n"
        "  <office:body>\n"
        "    <office:text>\n"
        f"{body}\n"
        "    </office:text>\n"
        "  </office:body>\n"
        "</office:document-content>\n"
    )
    styles = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<office:document-styles {ODF_NS}>\n'
        "  <office:styles>\n"
        '    <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph"/>\n'
        '    <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph"/>\n'
        "  </office:styles>\n"
        f"  <office:master-styles>\n{master}\n  </office:master-styles>\n"
        "</office:document-styles>\n"
    )
    meta = (
        f'<office:document-meta {ODF_NS}>\n  <office:meta>\n'
        "    <dc:creator>Орлова Е.В.</dc:creator>\n"
        "    <meta:creation-date>2018-10-15T09:00:00.123456789</meta:creation-date>\n"
        '    <meta:document-statistic meta:page-count="2"/>\n'
        "  </office:meta>\n</office:document-meta>\n"
    )
    manifest = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{manifest_head}'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">\n'
        ' <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>\n'
        ' <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>\n'
        f"{manifest_extra}</manifest:manifest>\n"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", content if content_bytes is None else content_bytes)
        zf.writestr("styles.xml", styles)
        zf.writestr("meta.xml", meta)
        zf.writestr("META-INF/manifest.xml", manifest)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return path


def test_indented_odt_reads_whole(tmp_path: Path) -> None:
    body = """
      <text:h text:style-name="Heading_20_1" text:outline-level="1">Дорожная карта</text:h>
      <text:p text:style-name="Text_20_body">Первый абзац
        с переносом строки в разметке.</text:p>
      <text:list>
        <text:list-item>
          <text:p text:style-name="Text_20_body">Пункт списка</text:p>
        </text:list-item>
      </text:list>
      <table:table table:name="T1">
        <table:table-column table:number-columns-repeated="2"/>
        <table:table-row>
          <table:table-cell>
            <text:p>Мероприятие</text:p>
          </table:table-cell>
          <table:table-cell>
            <text:p>Срок</text:p>
          </table:table-cell>
        </table:table-row>
      </table:table>
      <text:p text:style-name="Text_20_body">Последний <text:span text:style-name="P1">абзац</text:span>.</text:p>"""
    doc = parse_file(make_odt(tmp_path / "pandoc.odt", body))
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "Дорожная карта"),
        ("paragraph", "Первый абзац с переносом строки в разметке."),
        ("list_item", "Пункт списка"),
        ("table", "Мероприятие | Срок"),
        ("paragraph", "Последний абзац."),
    ]
    meta = doc.metadata
    assert (meta.author, meta.page_count) == ("Орлова Е.В.", 2)
    assert meta.created is not None and meta.created.isoformat() == "2018-10-15T09:00:00"


def test_odt_notes_frames_captions_and_running_heads(tmp_path: Path) -> None:
    body = """
      <text:p>Проведён семинар<text:note text:id="ftn1" text:note-class="footnote">
          <text:note-citation>1</text:note-citation>
          <text:note-body>
            <text:p>Приказ управления образования от 01.10.2018 № 77.</text:p>
          </text:note-body>
        </text:note> для учителей.</text:p>
      <text:p>Фотоотчёт:<draw:frame draw:name="Frame1" text:anchor-type="paragraph">
          <draw:text-box>
            <text:p>
              <draw:frame draw:name="Image1"><draw:image/></draw:frame>Рисунок 1: участники семинара</text:p>
          </draw:text-box>
        </draw:frame></text:p>
      <text:p><draw:custom-shape draw:name="Shape1"><text:p>Надпись на фигуре</text:p></draw:custom-shape></text:p>
      <text:p>Итоги подведены<text:note text:id="ftn2" text:note-class="endnote">
          <text:note-citation>i</text:note-citation>
          <text:note-body><text:p>Протокол хранится в школе.</text:p></text:note-body>
        </text:note>.</text:p>"""
    master = """
    <style:master-page style:name="Standard">
      <style:header><text:p>МБОУ СОШ № 12</text:p></style:header>
      <style:header-first><text:p>МБОУ СОШ № 12</text:p></style:header-first>
      <style:footer>
        <text:p><text:page-number>1</text:page-number></text:p><text:p>Краснодар, 2018</text:p>
      </style:footer>
    </style:master-page>"""
    doc = parse_file(make_odt(tmp_path / "notes.odt", body, master=master))
    assert roles(doc) == [
        ("header", "paragraph", "МБОУ СОШ № 12"),
        (None, "paragraph", "Проведён семинар для учителей."),
        (None, "paragraph", "Фотоотчёт:"),
        (None, "paragraph", "Рисунок 1: участники семинара"),
        (None, "paragraph", "Надпись на фигуре"),
        (None, "paragraph", "Итоги подведены."),
        ("footer", "paragraph", "Краснодар, 2018"),
        ("footnote", "paragraph", "Приказ управления образования от 01.10.2018 № 77."),
        ("endnote", "paragraph", "Протокол хранится в школе."),
    ]


def test_openoffice_odt_with_doctypes_and_missing_thumbnail(tmp_path: Path) -> None:
    """OpenOffice 2/3 wrote a DOCTYPE in the manifest and in MathML objects; some manifests list a
    thumbnail the zip does not have. None of that is the text, and none of it makes the file unreadable."""
    mathml = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<!DOCTYPE math:math PUBLIC "-//OpenOffice.org//DTD Modified W3C MathML 1.01//EN" "math.dtd">\n'
        b'<math:math xmlns:math="http://www.w3.org/1998/Math/MathML"><math:mi>x</math:mi></math:math>'
    )
    path = make_odt(
        tmp_path / "oo2.odt",
        '<text:p>Формула <draw:frame><draw:object xlink:href="./Object 1"/></draw:frame>в тексте.</text:p>'.replace(
            "<draw:object ", '<draw:object xmlns:xlink="http://www.w3.org/1999/xlink" '
        ),
        manifest_head=MANIFEST_DOCTYPE,
        manifest_extra=' <manifest:file-entry manifest:full-path="Thumbnails/thumbnail.png" manifest:media-type=""/>\n',
        extra={"Object 1/content.xml": mathml},
    )
    assert sniff(path) == "odt"
    assert [b.text for b in parse_file(path).blocks] == ["Формула в тексте."]


def test_encrypted_odt_is_called_encrypted(tmp_path: Path) -> None:
    entry = (
        ' <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">\n'
        '  <manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="AAAA">\n'
        '   <manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="AAAA"/>\n'
        "  </manifest:encryption-data>\n </manifest:file-entry>\n"
    )
    scrambled = bytes(random.Random(3).randrange(256) for _ in range(512))
    path = make_odt(tmp_path / "secret.odt", "", manifest_extra=entry, content_bytes=scrambled)
    with pytest.raises(UnreadableError) as err:
        parse_file(path)
    assert err.value.code == "encrypted"
    assert err.value.message_ru == "Документ OpenDocument зашифрован паролем — пришлите копию без пароля"


def test_odt_reading_prints_nothing(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    """`--format json` on stdout must stay JSON: reading an ODT writes nothing to stdout or stderr."""
    parse_file(make_odt(tmp_path / "quiet.odt", "<text:p>Тихо.</text:p>", manifest_head=MANIFEST_DOCTYPE))
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")


# --- .rtf written by hand, as Word and StarWriter write it ----------------------------------------


def cp1251(text: str) -> str:
    """Russian text as RTF escapes (`\\'cc\\'c1…`), the way Word writes it with \\ansicpg1251."""
    return "".join(ch if ord(ch) < 128 else f"\\'{ch.encode('cp1251')[0]:02x}" for ch in text)


def make_rtf(path: Path, body: str, head: str = "") -> Path:
    path.write_text(
        "{\\rtf1\\ansi\\ansicpg1251\\deff0{\\fonttbl{\\f0\\fswiss\\fcharset204 Arial;}"
        "{\\f1\\fnil\\fcharset2 Symbol;}}" + head + "\n" + body + "\n}\n",
        encoding="ascii",
    )
    return path


def test_rtf_lists_are_lists(tmp_path: Path) -> None:
    def item(marker: str, text: str, extra: str = "") -> str:
        marker_group = f"{{\\listtext\\pard\\plain {marker}\\tab}}"
        return f"{marker_group}\\pard\\plain \\fi-360\\li720{extra}\\ls1 \\f0 {cp1251(text)}\\par\n"

    body = (
        f"\\pard\\plain \\f0 {cp1251('Задачи семинара:')}\\par\n"
        + item("\\f1 \\'b7", "обсудить результаты")
        + item("\\f1 \\u61623\\'3f", "составить план")
        + item("\\f0 1.", "подготовка")
        + item("\\f0 2.", "проведение")
        + item("\\f0 3.", "Общие положения", "\\outlinelevel0")
        + f"\\pard\\plain \\f0 {cp1251('Конец.')}\\par"
    )
    doc = parse_file(make_rtf(tmp_path / "list.rtf", body))
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("paragraph", "Задачи семинара:"),
        ("list_item", "обсудить результаты"),
        ("list_item", "составить план"),
        ("list_item", "подготовка"),
        ("list_item", "проведение"),
        ("heading", "3. Общие положения"),  # a numbered outline paragraph keeps its number
        ("paragraph", "Конец."),
    ]
    assert not doc.tables


def test_rtf_footnotes_endnotes_headers_and_footers(tmp_path: Path) -> None:
    head = (
        f"\\fet2{{\\header \\pard\\plain \\qc \\f0 {cp1251('МБОУ СОШ № 5')}\\par}}"
        "{\\footer \\pard\\plain \\qc {\\field{\\*\\fldinst PAGE}{\\fldrslt 1}}\\par}"
        f"{{\\footerf \\pard\\plain \\f0 {cp1251('Исполнитель: Сидорова О.П.')}\\par}}"
    )
    body = (
        f"\\pard\\plain \\f0 {cp1251('Семинар проведён')}{{\\super\\chftn}}"
        f"{{\\footnote \\pard\\plain \\f0 {{\\super\\chftn}} {cp1251('Приказ № 77 от 01.10.2018.')}\\par}}"
        f"{cp1251(' в школе.')}\\par\n"
        f"\\pard\\plain \\f0 {cp1251('Итоги подведены')}{{\\super\\chftn}}"
        f"{{\\footnote\\ftnalt \\pard\\plain \\f0 {cp1251('Протокол хранится в школе.')}\\par}}.\\par"
    )
    doc = parse_file(make_rtf(tmp_path / "notes.rtf", body, head))
    assert roles(doc) == [
        ("header", "paragraph", "МБОУ СОШ № 5"),
        (None, "paragraph", "Семинар проведён в школе."),
        (None, "paragraph", "Итоги подведены."),
        ("footer", "paragraph", "Исполнитель: Сидорова О.П."),  # the page number is not text
        ("footnote", "paragraph", "Приказ № 77 от 01.10.2018."),
        ("endnote", "paragraph", "Протокол хранится в школе."),
    ]


def test_starwriter_rtf_with_a_star_inside_a_group(tmp_path: Path) -> None:
    """StarWriter writes `\\*` before a character style in the middle of a group: that must not hide
    the rest of the group (the whole text read empty)."""
    body = (
        f"\\pard\\plain {{\\rtlch \\ltrch\\loch\\f0\\fs24\\lang1049\\*\\cs14 {cp1251('Пресс-релиз семинара')}}}\\par\n"
        f"\\pard\\plain {{\\*\\bkmkstart x}}{{\\f0 {cp1251('Текст пресс-релиза.')}}}\\par"
    )
    doc = parse_file(make_rtf(tmp_path / "sw.rtf", body))
    assert [b.text for b in doc.blocks] == ["Пресс-релиз семинара", "Текст пресс-релиза."]


# --- sniffing: what a file really is, and why it cannot be read -----------------------------------

LEGACY_DOC = Path(__file__).resolve().parents[1] / "fixtures" / "legacy" / "press_release_clean.doc"


def _word_stream_offset(data: bytes) -> int:
    from checker.sources import _cfb_streams

    start, _ = _cfb_streams(data)["worddocument"]
    return (start + 1) * (1 << int.from_bytes(data[0x1E:0x20], "little"))


def test_password_protected_doc_is_called_encrypted(tmp_path: Path) -> None:
    data = bytearray(LEGACY_DOC.read_bytes())
    assert sniff(LEGACY_DOC) == "doc"
    fib = _word_stream_offset(bytes(data))
    assert data[fib : fib + 2] == b"\xec\xa5"
    data[fib + 11] |= 0x01  # FIB flags, bit fEncrypted (0x0100)
    path = tmp_path / "secret.doc"
    path.write_bytes(bytes(data))
    with pytest.raises(UnreadableError) as err:
        sniff(path)
    assert err.value.code == "encrypted"
    assert err.value.message_ru == "Документ Office зашифрован паролем — пришлите копию без пароля"


def test_doc_stream_names_in_another_case(tmp_path: Path) -> None:
    data = LEGACY_DOC.read_bytes()
    name = "WordDocument".encode("utf-16-le")
    assert data.count(name) == 1
    path = tmp_path / "upper.doc"
    path.write_bytes(data.replace(name, "WORDDOCUMENT".encode("utf-16-le")))
    assert sniff(path) == "doc"


# --- PDF ------------------------------------------------------------------------------------------


def make_pdf(path: Path, pages: list[list[str]]) -> Path:
    """A text PDF with DejaVu (Cyrillic), one line list per page."""
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    font = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not font.exists():
        pytest.skip("DejaVu fonts are not installed")
    pdfmetrics.registerFont(TTFont("DejaVu", str(font)))
    c = canvas.Canvas(str(path))
    for lines in pages:
        c.setFont("DejaVu", 12)
        y = 780
        for line in lines:
            c.drawString(60, y, line)
            y -= 18
        c.showPage()
    c.save()
    return path


def test_pdf_header_after_junk_is_a_pdf(tmp_path: Path) -> None:
    """Some producers (and mail gateways) put bytes before `%PDF-`: within the first KB it is still a PDF."""
    clean = make_pdf(tmp_path / "clean.pdf", [["Пресс-релиз модельного семинара"]])
    path = tmp_path / "junk.pdf"
    path.write_bytes(b"\r\n" + b"X" * 500 + b"\r\n" + clean.read_bytes())
    assert sniff(path) == "pdf"
    assert [b.text for b in parse_file(path).blocks] == ["Пресс-релиз модельного семинара"]


def test_broken_pdf_is_corrupt_not_encrypted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """PDFium answers «Incorrect password» for some damaged files: without /Encrypt that is damage."""
    pdfium = pytest.importorskip("pypdfium2")

    def refuse(*args: object, **kwargs: object) -> None:
        raise pdfium.PdfiumError("Failed to load document (PDFium: Incorrect password error).")

    path = make_pdf(tmp_path / "broken.pdf", [["Текст"]])
    monkeypatch.setattr(pdfium, "PdfDocument", refuse)
    with pytest.raises(UnreadableError) as err:
        parse_file(path)
    assert err.value.code == "corrupt" and err.value.message_ru == "Файл PDF повреждён и не читается"
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(path.read_bytes().replace(b"trailer\n<<", b"trailer\n<< /Encrypt 99 0 R"))
    with pytest.raises(UnreadableError) as err:
        parse_file(locked)
    assert err.value.code == "encrypted"


def make_table_pdf(path: Path, char_space: float = 0.0) -> Path:
    """A one-page roadmap table drawn with ruling lines; `char_space` letter-spaces the date cells."""
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    font = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not font.exists():
        pytest.skip("DejaVu fonts are not installed")
    pdfmetrics.registerFont(TTFont("DejaVu", str(font)))
    c = canvas.Canvas(str(path))
    c.setFont("DejaVu", 11)
    c.drawString(60, 790, "План мероприятий дорожной карты")
    rows = [
        ["№", "Мероприятие", "Срок", "Ответственный"],
        ["1", "Семинар для учителей", "03.10.2018", "Иванова А.А."],
        ["2", "Анализ результатов", "15.11.2018", "Петров П.П."],
    ]
    xs = [50, 80, 300, 420, 540]
    for r, row in enumerate(rows):
        for i, text in enumerate(row):
            obj = c.beginText(xs[i] + 3, 760 - 22 * r - 14)
            obj.setFont("DejaVu", 11)
            obj.setCharSpace(char_space if i == 2 and r > 0 else 0)
            obj.textOut(text)
            c.drawText(obj)
    for k in range(len(rows) + 1):
        c.line(xs[0], 760 - 22 * k, xs[-1], 760 - 22 * k)
    for x in xs:
        c.line(x, 760, x, 760 - 22 * len(rows))
    c.drawString(60, 600, "Текст после таблицы.")
    c.showPage()
    c.save()
    return path


TABLE_TEXT = (
    "№ | Мероприятие | Срок | Ответственный\n"
    "1 | Семинар для учителей | 03.10.2018 | Иванова А.А.\n"
    "2 | Анализ результатов | 15.11.2018 | Петров П.П."
)


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed")
@pytest.mark.parametrize("angle", [90, 180, 270])
def test_table_on_a_rotated_page(tmp_path: Path, angle: int) -> None:
    """pdfplumber's nics-background-checks-rotated shape: `/Rotate` on a page whose content is upright."""
    straight = make_table_pdf(tmp_path / "straight.pdf")
    turned = tmp_path / f"r{angle}.pdf"
    subprocess.run(["qpdf", f"--rotate=+{angle}", str(straight), str(turned)], check=True)
    doc = parse_file(turned)
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "План мероприятий дорожной карты"),
        ("table", TABLE_TEXT),
        ("paragraph", "Текст после таблицы."),
    ]


def test_letter_spaced_dates_in_cells(tmp_path: Path) -> None:
    doc = parse_file(make_table_pdf(tmp_path / "spaced.pdf", char_space=4))
    assert doc.tables[0].text == TABLE_TEXT


def _raw_pdf(path: Path, objects: list[bytes]) -> Path:
    out = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(out)
    return path


def _stream(data: bytes, head: bytes = b"") -> bytes:
    return b"<< %s /Length %d >>\nstream\n" % (head, len(data)) + data + b"\nendstream"


def test_text_in_annotation_appearances(tmp_path: Path) -> None:
    """Form fields, FreeText comments and stamps show their text only in appearance streams."""
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    body = b"BT /F1 12 Tf 72 700 Td (Body text of the page.) Tj ET"
    resources = b"/Resources << /Font << /F1 5 0 R >> >>"

    def appearance(text: bytes) -> bytes:
        head = b"/Type /XObject /Subtype /Form /BBox [0 0 250 20] " + resources
        return _stream(b"BT /F1 12 Tf 2 5 Td (" + text + b") Tj ET", head)

    path = _raw_pdf(
        tmp_path / "annots.pdf",
        [
            b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [10 0 R] >> >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] " + resources
            + b" /Contents 4 0 R /Annots [6 0 R 8 0 R 9 0 R 10 0 R] >>",
            _stream(body),
            font,
            b"<< /Type /Annot /Subtype /FreeText /Rect [300 600 550 620] /Contents (Approved by the director)"
            b" /DA (/F1 12 Tf 0 g) /AP << /N 7 0 R >> >>",
            appearance(b"Approved by the director"),
            b"<< /Type /Annot /Subtype /Link /Rect [72 690 200 710] /A << /S /URI /URI (http://example.org) >> >>",
            b"<< /Type /Annot /Subtype /Stamp /Rect [300 500 550 520] /AP << /N 11 0 R >> >>",
            b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (school) /V (School number five) /Rect [72 400 322 420]"
            b" /AP << /N 12 0 R >> >>",
            appearance(b"Signed electronically"),
            appearance(b"School number five"),
        ],
    )
    text = parse_pdf(path).full_text()  # the parser itself: Latin text
    for shown in ("Body text of the page.", "Approved by the director", "Signed electronically", "School number five"):
        assert text.count(shown) == 1, shown


def _helvetica_page(path: Path, content: bytes) -> Path:
    resources = b"/Resources << /Font << /F1 5 0 R >> >>"
    return _raw_pdf(
        path,
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] " + resources + b" /Contents 4 0 R >>",
            _stream(content),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ],
    )


def test_kerned_pair_drawn_as_two_runs_is_read_once(tmp_path: Path) -> None:
    """PyMuPDF's test_4435 shape: «Y» and «our» placed separately, overlapping by the kerning; PDFium's
    bounded text gave «YoYour». Text drawn twice over itself stays once."""
    content = (
        b"BT /F1 24 Tf 72 700 Td (Y) Tj 14 0 Td (our) Tj ET\n"
        b"BT /F1 24 Tf 72 650 Td (W) Tj 20 0 Td (oodwind) Tj ET\n"
        + b"BT /F1 12 Tf 72 600 Td (Section title) Tj ET\n" * 4
    )
    doc = parse_pdf(_helvetica_page(tmp_path / "kern.pdf", content))  # the parser itself: Latin text
    assert doc.full_text().split() == ["Your", "Woodwind", "Section", "title"]


# --- scans as they arrive: skewed, turned, blank ------------------------------------------------

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
ROADMAP_PDF = Path(__file__).resolve().parents[1] / "fixtures" / "roadmap" / "roadmap_clean.pdf"


def _page_image(dpi: int = 200):  # type: ignore[no-untyped-def]
    pdfium = pytest.importorskip("pypdfium2")
    pdf = pdfium.PdfDocument(str(ROADMAP_PDF))
    try:
        return pdf[0].render(scale=dpi / 72, grayscale=True).to_pil().copy()
    finally:
        pdf.close()


def test_skew_is_measured_and_removed() -> None:
    from PIL import Image

    from checker.scan_geometry import straighten

    page = _page_image(100)
    assert straighten(page).skew == 0.0
    for angle in (3.0, -4.5):
        skewed = page.rotate(angle, fillcolor=255, resample=Image.Resampling.BICUBIC)
        result = straighten(skewed, osd=False)
        assert abs(result.skew + angle) <= 0.3 and not result.blank and not result.doubtful


def test_turned_page_without_orientation_detection_is_doubtful() -> None:
    from checker.scan_geometry import straighten

    result = straighten(_page_image(100).rotate(90, expand=True), osd=False)
    assert result.doubtful and result.turned == 0


def test_pages_without_text_like_content_are_blank() -> None:
    from PIL import Image, ImageDraw

    from checker.scan_geometry import straighten

    white = Image.new("L", (1700, 2200), 255)
    ImageDraw.Draw(white).point([(100, 100), (900, 1500)], fill=0)  # dust
    assert straighten(white).blank
    photo = Image.effect_noise((1700, 2200), 90)  # inked edge to edge, no line structure: a photo
    assert straighten(photo).blank


@pytest.mark.slow  # OCR
@needs_tesseract
def test_blank_scanned_page_is_not_recognised(tmp_path: Path) -> None:
    from PIL import Image

    path = tmp_path / "blank_scan.pdf"
    page = _page_image()
    page.save(path, save_all=True, append_images=[Image.new("L", page.size, 255)], resolution=200)
    doc = parse_file(path)
    assert "Пустые страницы скана (без текста) не распознавались: 2" in doc.metadata.notes
    assert "ДОРОЖНАЯ КАРТА" in doc.full_text()


@pytest.mark.slow  # OCR: four pages read
@needs_tesseract
def test_skewed_and_turned_scans_read_as_the_straight_one(tmp_path: Path) -> None:
    from PIL import Image
    from rapidfuzz import fuzz

    page = _page_image()
    variants = {
        "straight": page,
        "skewed": page.rotate(3, fillcolor=255, resample=Image.Resampling.BICUBIC),
        "turned90": page.rotate(90, expand=True),
        "turned180": page.rotate(180),
    }
    docs = {}
    for name, image in variants.items():
        path = tmp_path / f"{name}.pdf"
        image.save(path, resolution=200)
        docs[name] = parse_file(path)
    (straight,) = [b.table for b in docs["straight"].tables if b.table]
    for name in ("skewed", "turned90", "turned180"):
        (table,) = [b.table for b in docs[name].tables if b.table]
        assert table.rows[0].texts == straight.rows[0].texts, name
        assert len(table.rows) == len(straight.rows), name
        # the dates read the same; the rest within OCR noise («1.1» in a tiny cell reads differently)
        assert [r.texts[2:3] for r in table.rows] == [r.texts[2:3] for r in straight.rows], name
        table_text = "\n".join(" | ".join(r.texts) for r in table.rows)
        straight_text = "\n".join(" | ".join(r.texts) for r in straight.rows)
        assert fuzz.ratio(table_text, straight_text) >= 90, name
        text = docs[name].full_text()
        assert "УТВЕРЖДАЮ" in text and "ДОРОЖНАЯ КАРТА" in text.replace("МУНИПИПАЛЬНАЯ", "МУНИЦИПАЛЬНАЯ"), name
    assert "Повёрнутые страницы скана выровнены перед распознаванием: 1" in docs["turned90"].metadata.notes
    assert "Повёрнутые страницы скана выровнены перед распознаванием: 1" in docs["turned180"].metadata.notes


def test_docx_equation_text_is_read(tmp_path: Path) -> None:
    math = (
        '<w:p><w:r><w:t xml:space="preserve">Доля школ: </w:t></w:r>'
        '<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math">'
        "<m:r><m:t>d=</m:t></m:r><m:f><m:num><m:r><m:t>n</m:t></m:r></m:num>"
        "<m:den><m:r><m:t>N</m:t></m:r></m:den></m:f></m:oMath>"
        '<w:r><w:t xml:space="preserve"> · 100 %.</w:t></w:r></w:p>'
    )
    doc = parse_file(make_docx(tmp_path / "math.docx", [math]))
    assert [b.text for b in doc.blocks] == ["Доля школ: d=nN · 100 %."]


@pytest.mark.slow  # OCR
@needs_tesseract
def test_page_that_cannot_be_straightened_is_said_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without orientation detection a turned page is read as it is: the report says so, and the text is
    marked as poorly recognised, so rules answer «не удалось проверить» instead of «нет»."""
    import checker.ocr
    import checker.scan_geometry

    monkeypatch.setattr(checker.scan_geometry, "orientation", lambda *args, **kwargs: None)
    monkeypatch.setattr(checker.ocr, "orientation", lambda *args, **kwargs: None)
    path = tmp_path / "turned.pdf"
    _page_image().rotate(90, expand=True).save(path, resolution=200)
    doc = parse_file(path)
    assert (
        "Страницы скана не удалось выровнять (повёрнуты или наклонены), распознаны как есть — возможны ошибки: 1"
        in doc.metadata.notes
    )
    assert "ocr_poor" in doc.metadata.suspected


def test_pdf_without_its_header_is_a_damaged_pdf_not_text(tmp_path: Path) -> None:
    """An ASCII-only PDF that lost `%PDF-` (or has it after more than 1 KB of junk) used to be read as text."""
    page = _helvetica_page(tmp_path / "page.pdf", b"BT /F1 12 Tf 72 700 Td (Text) Tj ET").read_bytes()
    headless = tmp_path / "headless.pdf"
    headless.write_bytes(page[page.index(b"\n") + 1 :])
    late = tmp_path / "late.pdf"
    late.write_bytes(b"Content-Type: application/pdf\n" * 100 + page)
    for path in (headless, late):
        assert sniff(path) == "pdf"
        with pytest.raises(UnreadableError) as err:
            parse_file(path)
        assert err.value.code == "corrupt" and err.value.message_ru == "Файл PDF повреждён и не читается"


def test_word_2_document_is_named(tmp_path: Path) -> None:
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xdb\xa5\x2d\x00" + b"\x00" * 60 + "Текст".encode("cp1251") + b"\x00" * 400)
    with pytest.raises(UnreadableError) as err:
        sniff(path)
    assert err.value.code == "unsupported"
    assert err.value.message_ru.startswith("Документ в формате Word 2.0 или более ранней версии")
