"""Cases found by running the checker over other projects' office test files (bench/corpus_robustness.py):
each is rebuilt here in the same shape from a small document the test makes."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from checker.errors import UnreadableError
from checker.parsers import parse_file
from checker.sources import discover, sniff
from tests.conftest import run_json

docx = pytest.importorskip("docx")
ooxml = pytest.importorskip("msoffcrypto.format.ooxml")

DEFAULT_PASSWORD_NOTE = "Файл зашифрован стандартным паролем Office (без пароля пользователя) — прочитан"
TEXT = "Пресс-релиз модельного семинара для школ с низкими результатами обучения"


def _docx_bytes(text: str = TEXT) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _encrypt(plain: bytes, password: str, path: Path) -> Path:
    """An Office "Encrypt with password" file: an OLE container with EncryptionInfo and EncryptedPackage."""
    with path.open("wb") as out:
        ooxml.OOXMLFile(io.BytesIO(plain)).encrypt(password, out)
    assert path.read_bytes()[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    return path


# --- Office default-password encryption («VelvetSweatshop») ------------------------------------------------


def test_docx_with_office_default_password_is_read(tmp_path: Path) -> None:
    path = _encrypt(_docx_bytes(), "VelvetSweatshop", tmp_path / "default.docx")
    assert sniff(path) == "docx"
    document = parse_file(path)
    assert [b.text for b in document.blocks] == [TEXT]
    assert document.metadata.format == "docx"
    assert document.metadata.notes == [DEFAULT_PASSWORD_NOTE]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["default.docx"]  # nothing decrypted beside it


def test_docx_with_a_real_password_says_password(tmp_path: Path) -> None:
    path = _encrypt(_docx_bytes(), "школа-2021", tmp_path / "secret.docx")
    with pytest.raises(UnreadableError) as err:
        sniff(path)
    assert err.value.code == "encrypted"
    assert err.value.message_ru == "Документ Office зашифрован паролем — пришлите копию без пароля"
    with pytest.raises(UnreadableError) as err:
        parse_file(path, fmt="docx")  # the parser says the same when called directly
    assert err.value.code == "encrypted"


def test_encrypted_docx_in_a_folder_run(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _encrypt(_docx_bytes(), "VelvetSweatshop", folder / "default.docx")
    _encrypt(_docx_bytes(), "qwerty", folder / "secret.docx")
    code, report = run_json("check", str(folder))
    assert code == 3  # an unreadable file
    by_name = {Path(d["path"]).name: d for d in report["documents"]}
    assert by_name["default.docx"]["verdict"] != "unreadable"
    secret = by_name["secret.docx"]
    assert (secret["verdict"], secret["reason_code"]) == ("unreadable", "encrypted")
    assert "паролем" in secret["reason"] and "повреждён" not in secret["reason"]


def test_hostile_spin_count_is_not_derived(tmp_path: Path) -> None:
    """The format allows 10 million hash rounds (over a minute of key derivation, in folder discovery):
    beyond what Office writes the file is called password-protected at once."""
    import time

    path = _encrypt(_docx_bytes(), "VelvetSweatshop", tmp_path / "slow.docx")
    data = path.read_bytes()
    assert data.count(b'spinCount="100000"') >= 1
    path.write_bytes(data.replace(b'spinCount="100000"', b'spinCount="900000"'))
    started = time.monotonic()
    with pytest.raises(UnreadableError) as err:
        sniff(path)
    assert err.value.code == "encrypted"
    assert time.monotonic() - started < 2


def test_encrypted_workbook_is_named_not_read_as_word(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active["A1"] = "Таблица"
    plain = io.BytesIO()
    book.save(plain)
    path = _encrypt(plain.getvalue(), "VelvetSweatshop", tmp_path / "book.docx")
    with pytest.raises(UnreadableError) as err:
        sniff(path)
    assert err.value.code == "unsupported"
    assert err.value.message_ru == (
        "Файл — зашифрованная таблица Excel, а не документ (расширение .docx не соответствует содержимому)"
    )


def test_damaged_encryption_header_says_password(tmp_path: Path) -> None:
    """An EncryptionInfo stream that msoffcrypto cannot parse: still «зашифрован паролем», never «повреждён»."""
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100 + "EncryptionInfo".encode("utf-16-le")
    path = tmp_path / "odd.docx"
    path.write_bytes(ole)
    with pytest.raises(UnreadableError) as err:
        parse_file(path)
    assert err.value.code == "encrypted"


# --- Word templates and old Word files ----------------------------------------------------------------------


def test_word_template_in_a_folder_is_reported(tmp_path: Path) -> None:
    """A .dotx (a template Word saves like a document) was skipped in folders without a word."""
    (tmp_path / "шаблон.dotx").write_bytes(_docx_bytes())
    found = discover([str(tmp_path)])
    assert [(Path(f.path).name, f.format, f.error_code) for f in found] == [("шаблон.dotx", "docx", None)]
    assert [b.text for b in parse_file(tmp_path / "шаблон.dotx").blocks] == [TEXT]


def _word2_header(fc_min: int, fc_mac: int, size: int) -> bytes:
    head = bytearray(size)
    head[0:4] = b"\xdb\xa5\x2d\x00"  # wIdent of Word 2.0, nFib 45
    head[0x18:0x1C] = fc_min.to_bytes(4, "little")
    head[0x1C:0x20] = fc_mac.to_bytes(4, "little")
    end = min(fc_mac, size)
    head[fc_min:end] = b"x" * (end - fc_min)
    return bytes(head)


def test_word_2_document_goes_to_the_doc_reader(tmp_path: Path) -> None:
    """A Word 2.0 file whose FIB's text range lies inside it is read (LibreOffice reads Word 1.x/2.0);
    a header without one stays «Документ в формате Word 2.0 … не читается»."""
    real = tmp_path / "word2.doc"
    real.write_bytes(_word2_header(0x180, 0x400, 2048))
    assert sniff(real) == "doc"
    broken = tmp_path / "broken.doc"
    broken.write_bytes(_word2_header(0x180, 0x4000, 2048))  # the text would end past the file
    with pytest.raises(UnreadableError) as err:
        sniff(broken)
    assert err.value.code == "unsupported"
    assert err.value.message_ru.startswith("Документ в формате Word 2.0 или более ранней версии")


# --- RTF pictures --------------------------------------------------------------------------------------------


def test_rtf_picture_with_bin_and_hex_data_is_read(tmp_path: Path) -> None:
    """pandoc writes `\\bin` without a byte count before hex picture data: striprtf failed on it and the
    file was called corrupt. The picture carries no text; the paragraphs around it are read."""
    path = tmp_path / "image.rtf"
    path.write_bytes(
        b"{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\n"
        b"{\\pard \\f0 \\u1055?\\u1088?\\u1077?\\u1089?\\u1089?-\\u1088?\\u1077?\\u1083?\\u1080?\\u1079? \\par}\n"
        b"{\\pard {\\pict\\jpegblip\\picw250\\pich250 \\bin ffd8ffe000104a464946}\\par}\n"
        b"{\\pard After the picture\\par}\n}"
    )
    assert [b.text for b in parse_file(path).blocks] == ["Пресс-релиз", "After the picture"]


def test_rtf_picture_with_raw_bytes_holding_braces(tmp_path: Path) -> None:
    """`\\binN` is followed by N raw bytes, which may be `}` or `{`: the picture ends where N says."""
    path = tmp_path / "raw.rtf"
    path.write_bytes(
        b"{\\rtf1\\ansi{\\pard Before\\par}"
        b"{\\pict\\pngblip\\bin6 }}{x{}\\par}"
        b"{\\pard After\\par}}"
    )
    assert [b.text for b in parse_file(path).blocks] == ["Before", "After"]


# --- .doc with Word's password protection ----------------------------------------------------------------------

LEGACY_DOC = Path(__file__).resolve().parents[1] / "fixtures" / "legacy" / "press_release_clean.doc"


def _flag_encrypted(data: bytes) -> bytes:
    from checker.sources import _cfb_streams

    start, _ = _cfb_streams(data)["worddocument"]
    fib = (start + 1) * (1 << int.from_bytes(data[0x1E:0x20], "little"))
    out = bytearray(data)
    out[fib + 11] |= 0x01  # FIB flags, bit fEncrypted (0x0100)
    return bytes(out)


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("catdoc")), reason="no .doc reader installed")
def test_doc_opened_by_the_default_password_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A .doc with fEncrypted set goes through the default-password decryption (msoffcrypto cannot make an
    RC4 .doc, so the decryption is stood in for by the plain file); the decrypted copy lives only in a
    private temporary folder."""
    from checker.parsers import encrypted

    plain = LEGACY_DOC.read_bytes()
    path = tmp_path / "default.doc"
    path.write_bytes(_flag_encrypted(plain))
    calls: list[Path] = []

    def decrypt(source: Path) -> bytes:
        calls.append(source)
        return plain

    monkeypatch.setattr(encrypted, "decrypt_default", decrypt)
    assert sniff(path) == "doc"
    document = parse_file(path)
    assert calls == [path] * 3  # sniff here, sniff in parse_file, the parser
    assert "Пресс-релиз" in document.full_text()
    assert document.path == str(path) and document.metadata.format == "doc"
    assert document.metadata.notes[-1] == DEFAULT_PASSWORD_NOTE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["default.doc"]


def test_doc_needing_a_real_password_says_password(tmp_path: Path) -> None:
    path = tmp_path / "secret.doc"
    path.write_bytes(_flag_encrypted(LEGACY_DOC.read_bytes()))  # not really RC4: no password opens it
    with pytest.raises(UnreadableError) as err:
        parse_file(path, fmt="doc")
    assert err.value.code == "encrypted"
    assert err.value.message_ru == "Документ Office зашифрован паролем — пришлите копию без пароля"


# --- Word 2003 XML ------------------------------------------------------------------------------------------

WORDML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<?mso-application progid="Word.Document"?>
<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"
 xmlns:wx="http://schemas.microsoft.com/office/word/2003/auxHint" xmlns:aml="http://schemas.microsoft.com/aml/2001/core"
 xmlns:o="urn:schemas-microsoft-com:office:office" w:macrosPresent="no" xml:space="preserve">
<o:DocumentProperties><o:Author>Иванова</o:Author><o:Title>Пресс-релиз</o:Title><o:Pages>2</o:Pages>
</o:DocumentProperties>
<w:styles><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>
<w:body><wx:sect>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Пресс-релиз</w:t></w:r></w:p>
<wx:sub-section>
<w:p><w:r><w:t>Семинар прошёл </w:t></w:r>
<aml:annotation w:type="Word.Insertion"><aml:content><w:r><w:t>в школе № 5 </w:t></w:r></aml:content></aml:annotation>
<aml:annotation w:type="Word.Deletion"><aml:content><w:r><w:delText>вчера</w:delText></w:r></aml:content>
</aml:annotation>
<w:hlink w:dest="https://example.org"><w:r><w:t>(сайт школы)</w:t></w:r></w:hlink>
<w:r><w:footnote><w:p><w:r><w:t>Приказ № 12 от 01.09.2021</w:t></w:r></w:p></w:footnote></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Мероприятие</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Срок</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>Семинар</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>май</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
</wx:sub-section>
<w:sectPr><w:hdr w:type="odd"><w:p><w:r><w:t>Управление образования</w:t></w:r></w:p></w:hdr>
<w:ftr w:type="odd"><w:p><w:r><w:t>Страница</w:t></w:r></w:p></w:ftr></w:sectPr>
</wx:sect></w:body></w:wordDocument>
"""


def test_word_2003_xml_is_read(tmp_path: Path) -> None:
    """Tika's testWORDML shape: a Word 2003 XML document named .doc was refused as «сохраните как .docx»."""
    path = tmp_path / "release.doc"
    path.write_text(WORDML, encoding="utf-8")
    assert sniff(path) == "wordml"
    document = parse_file(path, layout=False)
    assert [(b.kind, b.role, b.text) for b in document.blocks] == [
        ("paragraph", "header", "Управление образования"),
        ("heading", None, "Пресс-релиз"),
        ("paragraph", None, "Семинар прошёл в школе № 5 (сайт школы)"),
        ("table", None, "Мероприятие | Срок\nСеминар | май"),
        ("paragraph", "footer", "Страница"),
        ("paragraph", "footnote", "Приказ № 12 от 01.09.2021"),
    ]
    meta = document.metadata
    assert (meta.format, meta.author, meta.title, meta.page_count) == ("wordml", "Иванова", "Пресс-релиз", 2)


def test_word_2003_xml_entities_are_not_expanded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("СЕКРЕТ", encoding="utf-8")
    hostile = WORDML.replace(
        '<?mso-application progid="Word.Document"?>',
        '<?mso-application progid="Word.Document"?>\n'
        f'<!DOCTYPE w:wordDocument [<!ENTITY x SYSTEM "{secret.as_uri()}">]>',
    ).replace("Семинар прошёл ", "Семинар &x; прошёл ")
    path = tmp_path / "hostile.xml"
    path.write_text(hostile, encoding="utf-8")
    try:
        text = parse_file(path, fmt="wordml", layout=False).full_text()
    except UnreadableError:
        return  # refusing the file is as good
    assert "СЕКРЕТ" not in text


# --- .docx shapes -------------------------------------------------------------------------------------------


def _edited_docx(tmp_path: Path, name: str, text: str, edit: Callable[[str], str]) -> Path:
    """A python-docx document whose document.xml is changed by `edit`."""
    import zipfile

    plain = tmp_path / f"plain-{name}"
    plain.write_bytes(_docx_bytes(text))
    path = tmp_path / name
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = edit(data.decode("utf-8")).encode("utf-8")
            out.writestr(item, data)
    plain.unlink()
    return path


def test_docx_with_two_bodies_reads_both(tmp_path: Path) -> None:
    """POI's MultipleBodyBug shape: document.xml with two w:body elements; the second one was lost silently."""
    second = "<w:body><w:p><w:r><w:t>Вторая часть</w:t></w:r></w:p></w:body>"
    path = _edited_docx(
        tmp_path, "two_bodies.docx", "Первая часть", lambda x: x.replace("</w:body>", "</w:body>" + second, 1)
    )
    assert [b.text for b in parse_file(path, layout=False).blocks] == ["Первая часть", "Вторая часть"]


def test_docx_that_is_only_an_embedded_object_says_so(tmp_path: Path) -> None:
    """POI's Bug47731 / Tika's testLargeOLEDoc shape: the whole content is an embedded OLE object, so the report
    said only «почти нет текста»; a note now says why."""
    obj = '<w:p><w:r><w:object w:dxaOrig="8760" w:dyaOrig="12708"/></w:r></w:p>'
    path = _edited_docx(tmp_path, "object.docx", "Рецепт", lambda x: x.replace("<w:body>", "<w:body>" + obj, 1))
    assert parse_file(path, layout=False).metadata.notes == [
        "Содержимое документа — встроенный объект (например, другой документ): его текст не читается — "
        "вставьте текст в сам документ"
    ]
    assert parse_file(tmp_path / "object.docx", layout=False).full_text() == "Рецепт"
    long = _edited_docx(tmp_path, "long.docx", TEXT + " " + TEXT, lambda x: x.replace("<w:body>", "<w:body>" + obj, 1))
    assert parse_file(long, layout=False).metadata.notes == []  # an object beside real text is not worth a word


# --- Flat ODT ------------------------------------------------------------------------------------------------

FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:meta><dc:creator>Петрова</dc:creator><dc:title>Дорожная карта</dc:title></office:meta>
 <office:styles/>
 <office:master-styles>
  <style:master-page style:name="Standard">
   <style:header><text:p>МБОУ СОШ № 3</text:p></style:header>
  </style:master-page>
 </office:master-styles>
 <office:body>
  <office:text>
   <text:h text:outline-level="1">Дорожная карта</text:h>
   <text:p>Цель: повышение качества образования<text:note text:note-class="footnote">
    <text:note-citation>1</text:note-citation><text:note-body><text:p>Приказ № 7</text:p></text:note-body>
   </text:note></text:p>
   <table:table><table:table-column table:number-columns-repeated="2"/>
    <table:table-row><table:table-cell><text:p>Мероприятие</text:p></table:table-cell>
     <table:table-cell><text:p>Срок</text:p></table:table-cell></table:table-row>
   </table:table>
  </office:text>
 </office:body>
</office:document>
"""


def test_flat_odt_is_read(tmp_path: Path) -> None:
    """LibreOffice's «Flat XML ODF» (.fodt) was refused as «сохраните как .docx»."""
    path = tmp_path / "карта.fodt"
    path.write_text(FODT, encoding="utf-8")
    assert sniff(path) == "fodt"
    document = parse_file(path, layout=False)
    assert [(b.kind, b.role, b.text) for b in document.blocks] == [
        ("paragraph", "header", "МБОУ СОШ № 3"),
        ("heading", None, "Дорожная карта"),
        ("paragraph", None, "Цель: повышение качества образования"),
        ("table", None, "Мероприятие | Срок"),
        ("paragraph", "footnote", "Приказ № 7"),
    ]
    assert (document.metadata.format, document.metadata.author) == ("fodt", "Петрова")


def test_flat_odt_spreadsheet_and_entities_are_refused(tmp_path: Path) -> None:
    sheet = tmp_path / "table.fodt"
    sheet.write_text(
        FODT.replace("opendocument.text", "opendocument.spreadsheet").replace(
            "<office:text>", "<office:spreadsheet>").replace("</office:text>", "</office:spreadsheet>"),
        encoding="utf-8",
    )  # fmt: skip
    with pytest.raises(UnreadableError) as err:
        parse_file(sheet)
    assert err.value.code == "unsupported"
    hostile = tmp_path / "hostile.fodt"
    hostile.write_text(
        FODT.replace('encoding="UTF-8"?>\n', 'encoding="UTF-8"?>\n<!DOCTYPE x [<!ENTITY a "b">]>\n'),
        encoding="utf-8",
    )
    with pytest.raises(UnreadableError) as err:
        parse_file(hostile, fmt="fodt")
    assert err.value.code == "corrupt"


# --- the bench itself ----------------------------------------------------------------------------------------


def test_corpus_bench_accounts_for_every_file(tmp_path: Path) -> None:
    """bench/corpus_robustness.py on a two-project corpus: every file reported, unreadable ones with their codes."""
    import importlib.util
    import json

    spec = importlib.util.spec_from_file_location(
        "corpus_robustness", Path(__file__).resolve().parents[1] / "bench" / "corpus_robustness.py"
    )
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    first = tmp_path / "corpus" / "first"
    (first / "sub").mkdir(parents=True)
    (first / "sub" / "ok.docx").write_bytes(_docx_bytes())
    _encrypt(_docx_bytes(), "пароль", first / "locked.docx")
    (first / "notes.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # not a document extension: not expected
    second = tmp_path / "corpus" / "second"
    second.mkdir()
    (second / "broken.DOCX").write_bytes(b"PK\x03\x04 truncated")
    out = tmp_path / "result.json"
    assert bench.main([str(tmp_path / "corpus"), "--jobs", "1", "--out", str(out), "--strict"]) == 0
    results = {r["project"]: r for r in json.loads(out.read_text(encoding="utf-8"))}
    assert (results["first"]["files"], results["first"]["reported"]) == (2, 2)
    assert results["first"]["unreadable_by_code"] == {"encrypted": 1}
    assert [u["path"] for u in results["first"]["unreadable"]] == ["locked.docx"]
    assert results["second"]["unreadable_by_code"] == {"corrupt": 1}
    assert results["first"]["problems"] == results["second"]["problems"] == []


# --- damaged containers never escape as library errors ---------------------------------------------------------


def _zip(path: Path, parts: dict[str, bytes], broken: str | None = None) -> Path:
    """A zip whose `broken` entry has its deflate stream overwritten (zlib fails reading it)."""
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    if broken is not None:
        raw = bytearray(path.read_bytes())
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo(broken)
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
        for k in range(start + 2, start + min(info.compress_size, 40)):
            raw[k] ^= 0x5A
        path.write_bytes(bytes(raw))
    return path


def test_broken_deflate_stream_is_a_corrupt_file(tmp_path: Path) -> None:
    """zlib.error from a damaged part was not among the caught errors: in folder discovery it escaped."""
    types = b'<?xml version="1.0"?><Types xmlns="x">' + b"<Default/>" * 200 + b"</Types>"
    body = b"<w:document>" + "Текст ".encode() * 300 + b"</w:document>"
    parts = {"[Content_Types].xml": types, "word/body.xml": body}
    no_main = _zip(tmp_path / "no_main.docx", parts, "[Content_Types].xml")
    with pytest.raises(UnreadableError) as err:
        sniff(no_main)
    assert err.value.code == "corrupt"
    (found,) = discover([str(no_main)])
    assert found.error_code == "corrupt"
    main = _zip(tmp_path / "main.docx", {"[Content_Types].xml": types, "word/document.xml": body}, "word/document.xml")
    with pytest.raises(UnreadableError) as err:
        parse_file(main)
    assert err.value.code == "corrupt"
    assert err.value.message_ru == "Файл повреждён или это не документ Word: архив документа не читается"


def test_damaged_encrypted_package_is_never_a_library_error(tmp_path: Path) -> None:
    """Bytes of the encrypted package changed (a transfer error): decrypted, it is a broken zip."""
    data = _encrypt(_docx_bytes(), "VelvetSweatshop", tmp_path / "plain.docx").read_bytes()
    for n, at in enumerate((len(data) - 200, len(data) - 2000, len(data) // 2)):
        damaged = bytearray(data)
        for k in range(at, at + 16):
            damaged[k] ^= 0xA5
        path = tmp_path / f"damaged{n}.docx"
        path.write_bytes(bytes(damaged))
        try:
            parse_file(path, layout=False)
        except UnreadableError as exc:
            assert exc.code in ("corrupt", "encrypted", "unsupported")
