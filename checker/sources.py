"""Input discovery and guards: what files to check, what they really are, and whether they are safe to open.

Formats are decided by magic bytes, never by extension: a JPEG renamed to .pdf or an Excel workbook
renamed to .docx must get a clear message, not a library traceback.
"""

from __future__ import annotations

import os
import re
import stat
import zipfile
import zlib
from pathlib import Path

from pydantic import BaseModel

from checker.errors import UnreadableError

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ZIP_ENTRIES = 5000
MAX_ZIP_ENTRY_BYTES = 100 * 1024 * 1024
MAX_ZIP_TOTAL_BYTES = 200 * 1024 * 1024
MAX_ZIP_RATIO = 200
MAX_ZIP_RATIO_SMALL = 500  # parts up to ZIP_RATIO_SMALL_BYTES unpacked
ZIP_RATIO_MIN_BYTES = 1024 * 1024
ZIP_RATIO_SMALL_BYTES = 16 * 1024 * 1024

DOCUMENT_EXTENSIONS = frozenset(
    {".docx", ".docm", ".dotx", ".dotm", ".doc", ".pdf", ".txt", ".md", ".rtf", ".odt", ".fodt"}
)
MARKDOWN_EXTENSIONS = frozenset({".md", ".markdown"})
FORMATS = ("docx", "odt", "pdf", "doc", "rtf", "txt", "md", "wordml", "fodt")

# What reading a damaged or hostile zip can raise: bad headers, a broken deflate stream (zlib.error), an
# entry encrypted with a zip password (RuntimeError) or an unknown compression method (NotImplementedError).
_ZIP_ERRORS = (
    zipfile.BadZipFile, OSError, EOFError, ValueError, KeyError, RuntimeError, NotImplementedError, zlib.error
)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODF_TEXT = "application/vnd.oasis.opendocument.text"

# (magic at offset, Russian name, English name). Checked before the text test.
_BINARY_MAGIC: list[tuple[int, bytes, str, str]] = [
    (0, b"\xff\xd8\xff", "изображение JPEG", "a JPEG image"),
    (0, b"\x89PNG\r\n\x1a\n", "изображение PNG", "a PNG image"),
    (0, b"GIF87a", "изображение GIF", "a GIF image"),
    (0, b"GIF89a", "изображение GIF", "a GIF image"),
    (0, b"II*\x00", "изображение TIFF", "a TIFF image"),
    (0, b"MM\x00*", "изображение TIFF", "a TIFF image"),
    (0, b"8BPS", "изображение Photoshop (PSD)", "a Photoshop image"),
    (0, b"AT&TFORM", "документ DjVu (скан)", "a DjVu document"),
    (0, b"Rar!\x1a\x07", "архив RAR", "a RAR archive"),
    (0, b"7z\xbc\xaf\x27\x1c", "архив 7z", "a 7z archive"),
    (0, b"\x1f\x8b", "архив gzip", "a gzip archive"),
    (0, b"\xfd7zXZ\x00", "архив xz", "an xz archive"),
    (0, b"\x7fELF", "программа (ELF)", "an executable (ELF)"),
    (0, b"ID3", "аудиозапись MP3", "an MP3 audio file"),
    (0, b"OggS", "аудио- или видеозапись Ogg", "an Ogg media file"),
    (0, b"fLaC", "аудиозапись FLAC", "a FLAC audio file"),
    (0, b"\x1aE\xdf\xa3", "видеозапись MKV/WebM", "an MKV/WebM video"),
    (0, b"SQLite format 3\x00", "база данных SQLite", "an SQLite database"),
    (0, b"\x00\x00\x01\x00", "значок ICO", "an ICO icon"),
    (4, b"ftypheic", "изображение HEIC", "a HEIC image"),
    (4, b"ftypheix", "изображение HEIC", "a HEIC image"),
    (4, b"ftypmif1", "изображение HEIC", "a HEIC image"),
    (4, b"ftypqt", "видеозапись QuickTime", "a QuickTime video"),
    (4, b"ftypM4A", "аудиозапись M4A", "an M4A audio file"),
    (4, b"ftyp", "видеозапись MP4", "an MP4 video"),
]
# Weak two-byte magics: only trusted when the file is not text.
_WEAK_MAGIC: list[tuple[bytes, str, str]] = [
    (b"BM", "изображение BMP", "a BMP image"),
    (b"MZ", "программа (EXE)", "an executable (EXE)"),
    (b"\xff\xfb", "аудиозапись MP3", "an MP3 audio file"),
    (b"\xff\xf3", "аудиозапись MP3", "an MP3 audio file"),
    (b"BZh", "архив bzip2", "a bzip2 archive"),
]


def human_size(size: int, lang: str = "ru") -> str:
    """`73,4 МБ` / `73.4 MB` (binary megabytes, as the limits are)."""
    if size < 1024 * 1024:
        value, unit_ru, unit_en = size / 1024, "КБ", "KB"
    else:
        value, unit_ru, unit_en = size / (1024 * 1024), "МБ", "MB"
    text = f"{value:.1f}"
    return f"{text.replace('.', ',')} {unit_ru}" if lang == "ru" else f"{text} {unit_en}"


def _mismatch(path: Path, real: str) -> tuple[str, str]:
    """The «(расширение .pdf не соответствует содержимому)» tail when the name claims a document."""
    ext = path.suffix.lower()
    if ext and ext != real:
        return (
            f" (расширение {ext} не соответствует содержимому)",
            f" (the extension {ext} does not match the content)",
        )
    return "", ""


def _not_a_document(path: Path, name_ru: str, name_en: str, real_ext: str = "") -> UnreadableError:
    tail_ru, tail_en = _mismatch(path, real_ext)
    return UnreadableError(
        "unsupported",
        f"Файл — {name_ru}, а не документ{tail_ru}",
        f"The file is {name_en}, not a document{tail_en}",
    )


def _not_found(path: Path) -> UnreadableError:
    return UnreadableError("not_found", f"Файл не найден: {path}", f"File not found: {path}")


def check_size(path: Path) -> int:
    """Size guard before any parsing; returns the size in bytes."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise UnreadableError(
            "too_large",
            f"Файл слишком большой: {human_size(size)} (предел {MAX_FILE_BYTES // (1024 * 1024)} МБ)",
            f"The file is too large: {human_size(size, 'en')} (limit {MAX_FILE_BYTES // (1024 * 1024)} MB)",
        )
    return size


def _regular_file(path: Path) -> os.stat_result:
    try:
        st = path.stat()
    except FileNotFoundError:
        raise _not_found(path) from None
    except OSError as exc:
        raise UnreadableError(
            "not_found", f"Файл недоступен: {path} ({exc.strerror})", f"Cannot access {path}: {exc.strerror}"
        ) from None
    if stat.S_ISDIR(st.st_mode):
        raise UnreadableError(
            "unsupported", f"Это папка, а не файл: {path}", f"This is a folder, not a file: {path}"
        )
    if not stat.S_ISREG(st.st_mode):
        raise UnreadableError(
            "unsupported",
            f"Это не обычный файл (канал, сокет или устройство): {path}",
            f"Not a regular file (pipe, socket or device): {path}",
        )
    return st


def _sniff_zip(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            mimetype = ""
            if "mimetype" in names:
                info = zf.getinfo("mimetype")
                if info.file_size <= 200:
                    mimetype = zf.read("mimetype").decode("ascii", "replace").strip()
    except _ZIP_ERRORS:
        raise _corrupt_zip() from None
    if "word/document.xml" in names or _word_main_in(path):
        return "docx"
    if mimetype == _ODF_TEXT:
        return "odt"
    known = [
        ("xl/workbook.xml" in names, "таблица Excel (.xlsx)", "an Excel workbook (.xlsx)", ".xlsx"),
        (
            "ppt/presentation.xml" in names,
            "презентация PowerPoint (.pptx)",
            "a PowerPoint deck (.pptx)",
            ".pptx",
        ),
        (
            mimetype.endswith("opendocument.spreadsheet"),
            "таблица OpenDocument (.ods)",
            "an .ods spreadsheet",
            ".ods",
        ),
        (
            mimetype.endswith("opendocument.presentation"),
            "презентация OpenDocument (.odp)",
            "an .odp deck",
            ".odp",
        ),
        (mimetype == "application/epub+zip", "электронная книга EPUB", "an EPUB e-book", ".epub"),
    ]
    for hit, ru, en, ext in known:
        if hit:
            tail_ru, tail_en = _mismatch(path, ext)
            raise UnreadableError(
                "unsupported",
                f"Это {ru}, а не текстовый документ{tail_ru}",
                f"This is {en}, not a text document{tail_en}",
            )
    if any(n.startswith("word/") for n in names):
        raise UnreadableError(
            "corrupt",
            "Файл повреждён: в документе Word нет основной части word/document.xml",
            "Corrupt file: the Word document has no word/document.xml part",
        )
    raise _not_a_document(path, "ZIP-архив", "a ZIP archive", ".zip")


_OFFICE_DOCUMENT_REL = ("/officeDocument/2006/relationships/officeDocument", "/relationships/officeDocument")
# Main-part content types of ordinary Word documents: .docx, .docm (macros), .dotx/.dotm (templates).
_WORD_MAIN_TYPES = (
    "wordprocessingml.document.main+xml",
    "wordprocessingml.template.main+xml",
    "ms-word.document.macroenabled.main+xml",
    "ms-word.template.macroenabledtemplate.main+xml",
)
_MAX_PACKAGE_XML = 1024 * 1024


def word_main_part(zf: zipfile.ZipFile) -> str | None:
    """The main part of a Word package as OPC finds it: the officeDocument relationship in `_rels/.rels`
    (any name, not only word/document.xml), or the part whose content type is a Word main part.

    Returns the zip entry name, or None when the package holds no Word document."""
    by_lower = {n.lower(): n for n in zf.namelist()}

    def small(name: str) -> bytes:
        real = by_lower.get(name.lower())
        if real is None or zf.getinfo(real).file_size > _MAX_PACKAGE_XML:
            return b""
        return zf.read(real)

    def entry(target: str) -> str | None:
        return by_lower.get(target.lstrip("/").lower())

    types = small("[Content_Types].xml").decode("utf-8", "replace")
    overrides = {
        m.group(1).lstrip("/").lower(): m.group(2).lower()
        for m in re.finditer(r'<(?:\w+:)?Override\b[^>]*?PartName="([^"]+)"[^>]*?ContentType="([^"]+)"', types)
    }
    overrides.update(
        (m.group(2).lstrip("/").lower(), m.group(1).lower())
        for m in re.finditer(r'<(?:\w+:)?Override\b[^>]*?ContentType="([^"]+)"[^>]*?PartName="([^"]+)"', types)
    )
    rels = small("_rels/.rels").decode("utf-8", "replace")
    for m in re.finditer(r"<(?:\w+:)?Relationship\b[^>]*>", rels):
        tag = m.group(0)
        kind = re.search(r'Type="([^"]+)"', tag)
        target = re.search(r'Target="([^"]+)"', tag)
        if kind and target and kind.group(1).endswith(_OFFICE_DOCUMENT_REL):
            name = entry(target.group(1))
            content_type = overrides.get(target.group(1).lstrip("/").lower(), "")
            if name and (content_type.endswith(_WORD_MAIN_TYPES) or name.lower().startswith("word/")):
                return name
    for part, content_type in overrides.items():
        if content_type.endswith(_WORD_MAIN_TYPES) and entry(part):
            return entry(part)
    return entry("word/document.xml")


def _word_main_in(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as zf:
            return word_main_part(zf) is not None
    except _ZIP_ERRORS:
        return False


def _corrupt_zip() -> UnreadableError:
    return UnreadableError(
        "corrupt",
        "Файл повреждён: архив документа (.docx/.odt) не читается — возможно, он загружен не полностью",
        "Corrupt file: the document's zip container cannot be read (truncated?)",
    )


def _cfb_streams(data: bytes) -> dict[str, tuple[int, int]]:
    """Stream names (lower case) → (start sector, size) from a Compound File's directory, following the
    FAT chain of the directory through the header's FAT sectors. Empty when the container is damaged."""
    if len(data) < 512:
        return {}
    shift = int.from_bytes(data[0x1E:0x20], "little")
    if shift not in (9, 12):
        return {}
    sector = 1 << shift
    fat_sectors = [int.from_bytes(data[0x4C + 4 * i : 0x50 + 4 * i], "little") for i in range(109)]
    fat: list[int] = []
    for fs in fat_sectors:
        if fs >= 0xFFFFFFFA:
            break
        chunk = data[(fs + 1) * sector : (fs + 2) * sector]
        fat.extend(int.from_bytes(chunk[j : j + 4], "little") for j in range(0, len(chunk), 4))
    streams: dict[str, tuple[int, int]] = {}
    current = int.from_bytes(data[0x30:0x34], "little")
    for _ in range(256):  # a directory of 256 sectors is far beyond any document
        if current >= 0xFFFFFFFA or (current + 2) * sector > len(data):
            break
        chunk = data[(current + 1) * sector : (current + 2) * sector]
        for off in range(0, len(chunk) - 127, 128):
            entry = chunk[off : off + 128]
            length = int.from_bytes(entry[0x40:0x42], "little")
            if entry[0x42] == 2 and 2 <= length <= 64:
                name = entry[: length - 2].decode("utf-16-le", "replace").lower()
                start = int.from_bytes(entry[0x74:0x78], "little")
                streams.setdefault(name, (start, int.from_bytes(entry[0x78:0x7C], "little")))
        current = fat[current] if current < len(fat) else 0xFFFFFFFE
    return streams


def _word_encrypted(data: bytes, streams: dict[str, tuple[int, int]]) -> bool:
    """The FIB's fEncrypted bit (Word 6–2003 password protection keeps the WordDocument stream)."""
    entry = streams.get("worddocument")
    if entry is None or entry[1] < 4096:  # a small stream would live in the mini stream: not a real FIB
        return False
    sector = 1 << int.from_bytes(data[0x1E:0x20], "little")
    fib = data[(entry[0] + 1) * sector : (entry[0] + 1) * sector + 12]
    if len(fib) < 12 or fib[:2] not in (b"\xec\xa5", b"\xdc\xa5"):  # wIdent: Word 97+ / Word 6–95
        return False
    return bool(int.from_bytes(fib[10:12], "little") & 0x0100)


def _sniff_encrypted(path: Path) -> str:
    """An encrypted Office file that Office's default password opens is read (the parsers decrypt it in
    memory): a Word package is a docx, a .doc stays a doc. Else «зашифрован паролем»."""
    import io

    from checker.parsers.encrypted import OLE_MAGIC, decrypt_default  # lazy: parsers import this module

    data = decrypt_default(path)
    if data.startswith(OLE_MAGIC):
        return "doc"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = {n.lower() for n in zf.namelist()}
            if word_main_part(zf) is not None:
                return "docx"
    except _ZIP_ERRORS:
        raise _corrupt_zip() from None
    if "xl/workbook.xml" in names:
        raise _not_a_document(path, "зашифрованная таблица Excel", "an encrypted Excel workbook", ".xlsx")
    if "ppt/presentation.xml" in names:
        raise _not_a_document(path, "зашифрованная презентация PowerPoint", "an encrypted PowerPoint deck", ".pptx")
    raise _not_a_document(path, "зашифрованный файл Office (не документ Word)", "an encrypted non-Word Office file")


def _sniff_ole(path: Path, size: int) -> str:
    """Old binary Office files share one container; the stream names tell Word from Excel (in any
    letter case: some writers spell them differently)."""
    with path.open("rb") as fh:
        data = fh.read(min(size, 8 * 1024 * 1024))
    streams = _cfb_streams(data)

    def has(name: str) -> bool:
        return name.lower() in streams or name.encode("utf-16-le") in data

    if has("EncryptionInfo") or has("EncryptedPackage"):
        return _sniff_encrypted(path)
    if has("WordDocument"):
        if _word_encrypted(data, streams):
            _sniff_encrypted(path)  # Office's default password opens it, or «зашифрован паролем»
        return "doc"
    if has("Workbook") or has("Book"):
        raise _not_a_document(path, "таблица Excel (.xls)", "an Excel workbook (.xls)", ".xls")
    if has("PowerPoint Document"):
        raise _not_a_document(path, "презентация PowerPoint (.ppt)", "a PowerPoint deck (.ppt)", ".ppt")
    raise _not_a_document(path, "файл Microsoft Office неизвестного вида", "an unknown Microsoft Office file")


def _word2_text_range(head: bytes, size: int) -> bool:
    """A Word 1.x/2.0 FIB whose text range (fcMin, fcMac) lies inside the file: a document LibreOffice
    reads. A header without one is damaged and is named as an old Word file that cannot be read."""
    fc_min = int.from_bytes(head[0x18:0x1C], "little")
    fc_mac = int.from_bytes(head[0x1C:0x20], "little")
    return 0x80 <= fc_min < fc_mac <= size


_PDF_OBJECT_RE = re.compile(rb"^\s*\d{1,10}\s+\d{1,5}\s+obj\b")


def _pdf_without_header(path: Path, head: bytes, size: int) -> bool:
    """A PDF whose `%PDF-` header is missing or comes after junk longer than 1 KB: it starts with an
    object, or it ends like a PDF (`startxref`, an offset, `%%EOF`)."""
    if _PDF_OBJECT_RE.match(head):
        return True
    with path.open("rb") as fh:
        fh.seek(max(0, size - 1024))
        tail = fh.read()
    return re.search(rb"startxref\s+\d+\s+%%EOF\s*$", tail) is not None


def _text_sample(path: Path, size: int) -> bytes:
    limit = 256 * 1024
    with path.open("rb") as fh:
        data = fh.read(limit)
    if size > limit:
        # Cut at a line end so a multi-byte character is not split in half.
        cut = data.rfind(b"\n")
        if cut > limit // 2:
            data = data[: cut + 1] if data[cut + 1 : cut + 2] != b"\x00" else data[: cut + 2]
    return data


def sniff(path: Path) -> str:
    """The real format by content: docx, odt, pdf, doc, rtf, txt or md (md = text named .md/.markdown).

    Raises UnreadableError: not_found, empty, unsupported (naming what the file is), corrupt, encrypted."""
    st = _regular_file(path)
    size = st.st_size
    if size == 0:
        raise UnreadableError("empty", "Файл пустой (0 байт)", "The file is empty (0 bytes)")
    with path.open("rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _sniff_zip(path)
    if head.startswith(_OLE_MAGIC):
        return _sniff_ole(path, size)
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        return "rtf"
    if head[:2] in (b"\xdb\xa5", b"\x9b\xa5") and b"\x00" in head[:64]:  # Word 1.x/2.0 (wIdent 0xA59B/0xA5DB)
        if _word2_text_range(head, size):
            return "doc"  # LibreOffice reads Word 1.x/2.0 (the doc parser)
        raise UnreadableError(
            "unsupported",
            "Документ в формате Word 2.0 или более ранней версии (1990–1993) не читается — сохраните его как .docx",
            "A Word 1.x/2.0 document (1990–1993) cannot be read: save it as .docx",
        )
    for offset, magic, ru, en in _BINARY_MAGIC:
        if head[offset : offset + len(magic)] == magic:
            raise _not_a_document(path, ru, en)
    if head[8:12] == b"WEBP" and head.startswith(b"RIFF"):
        raise _not_a_document(path, "изображение WebP", "a WebP image")
    if head.startswith(b"RIFF"):
        raise _not_a_document(path, "аудио- или видеозапись (RIFF)", "an audio or video file (RIFF)")
    if _pdf_without_header(path, head, size):
        return "pdf"  # a damaged one gets «PDF повреждён» from the parser, never a reading as text
    from checker.parsers.text import decode_text  # lazy: parsers import this module

    try:
        text, _ = decode_text(_text_sample(path, size))
    except UnreadableError:
        for magic, ru, en in _WEAK_MAGIC:
            if head.startswith(magic):
                raise _not_a_document(path, ru, en) from None
        raise UnreadableError(
            "unsupported",
            "Неизвестный формат файла: это не документ Word, PDF, RTF, ODT или текст",
            "Unknown file format: not a Word, PDF, RTF, ODT or text document",
        ) from None
    start = text.lstrip("\ufeff \t\r\n")[:2000].lower()
    if start.startswith(("<!doctype html", "<html")):
        raise _not_a_document(path, "веб-страница (HTML)", "a web page (HTML)", ".html")
    if start.startswith("mime-version:"):
        raise _not_a_document(path, "веб-архив (MHT)", "a web archive (MHT)", ".mht")
    if start.startswith("<?xml") and "<w:worddocument" in start and "/office/word/2003/wordml" in start:
        return "wordml"  # Word 2003 XML (parsers/wordml.py)
    if start.startswith("<?xml") and re.search(r"<office:document[\s>]", start):
        return "fodt"  # Flat ODT (parsers/odt.py)
    if start.startswith("<?xml") and ("<w:worddocument" in start or "<office:document" in start):
        raise UnreadableError(
            "unsupported",
            "Документ сохранён в формате XML (Word 2003 или Flat ODT) — сохраните его как .docx",
            "The document is saved as XML (Word 2003 or Flat ODT): save it as .docx",
        )
    return "md" if path.suffix.lower() in MARKDOWN_EXTENSIONS else "txt"


def zip_precheck(path: Path, required: list[str]) -> None:
    """Refuse zip bombs and broken containers before a docx/odt library reads parts into memory."""
    if not zipfile.is_zipfile(path):
        raise _corrupt_zip()
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise _corrupt_zip() from None
    if len(infos) > MAX_ZIP_ENTRIES:
        raise UnreadableError(
            "too_large",
            f"Архив документа подозрительно велик (возможна zip-бомба): {len(infos)} частей "
            f"(предел {MAX_ZIP_ENTRIES})",
            f"Suspicious document container (zip bomb?): {len(infos)} entries (limit {MAX_ZIP_ENTRIES})",
        )
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_ZIP_ENTRY_BYTES:
            raise UnreadableError(
                "too_large",
                f"Архив документа подозрительно сжат (возможна zip-бомба): часть {info.filename} "
                f"распаковывается в {human_size(info.file_size)} (предел 100 МБ)",
                f"Suspicious document container (zip bomb?): {info.filename} unpacks to "
                f"{human_size(info.file_size, 'en')} (limit 100 MB)",
            )
        if info.file_size > ZIP_RATIO_MIN_BYTES:
            ratio = info.file_size / max(info.compress_size, 1)
            # A few megabytes of WMF preview or blank bitmap compress 300:1 in valid files; the absolute
            # limits above stop real bombs, so small parts get a looser ratio.
            limit = MAX_ZIP_RATIO if info.file_size > ZIP_RATIO_SMALL_BYTES else MAX_ZIP_RATIO_SMALL
            if ratio > limit:
                raise UnreadableError(
                    "too_large",
                    f"Архив документа подозрительно сжат (возможна zip-бомба): часть {info.filename} "
                    f"сжата в {ratio:.0f} раз (предел {limit})",
                    f"Suspicious document container (zip bomb?): {info.filename} has a compression ratio "
                    f"of {ratio:.0f}:1 (limit {limit}:1)",
                )
    if total > MAX_ZIP_TOTAL_BYTES:
        raise UnreadableError(
            "too_large",
            f"Архив документа подозрительно сжат (возможна zip-бомба): всего {human_size(total)} "
            f"после распаковки (предел 200 МБ)",
            f"Suspicious document container (zip bomb?): {human_size(total, 'en')} unpacked (limit 200 MB)",
        )
    names = {info.filename for info in infos}
    for part in required:
        if part not in names:
            raise UnreadableError(
                "corrupt",
                f"Файл повреждён: в документе нет обязательной части {part}",
                f"Corrupt file: the required part {part} is missing",
            )


class InputFile(BaseModel):
    """One input as found: its real format, or why it cannot be read. Nothing is skipped silently."""

    path: str
    format: str | None = None
    error_code: str | None = None
    error_ru: str | None = None
    error_en: str | None = None

    @property
    def error(self) -> UnreadableError | None:
        if self.error_code is None:
            return None
        return UnreadableError(self.error_code, self.error_ru or "", self.error_en)

    @classmethod
    def failed(cls, path: str, error: UnreadableError) -> InputFile:
        ru, en = shown_text(error.message_ru), shown_text(error.message_en)
        return cls(path=path, error_code=error.code, error_ru=ru, error_en=en)


def _examine(shown: str) -> InputFile:
    path = Path(shown)
    try:
        try:
            check_size(path)  # first: «too large» says more than what a 60 MB file's first bytes look like
        except OSError:
            pass  # missing or unreadable: sniff names the problem
        fmt = sniff(path)
    except UnreadableError as exc:
        return InputFile.failed(shown, exc)
    except OSError as exc:
        return InputFile.failed(
            shown,
            UnreadableError(
                "not_found", f"Файл недоступен: {shown} ({exc.strerror})", f"Cannot read {shown}"
            ),
        )
    return InputFile(path=shown, format=fmt)


def _skipped_name(name: str) -> bool:
    return name.startswith(".") or name.startswith("~$")


_CONTROL_CHARS = {c: "\ufffd" for c in (*range(32), *range(127, 160))}


def shown_path(path: str) -> str:
    """A path as reports show it. Inside, paths keep the file system's bytes (a name that is not valid
    UTF-8, from a Windows ZIP unpacked on Linux, arrives with surrogate escapes and still opens); shown,
    every byte that is not UTF-8 and every control character becomes U+FFFD, so every report format and
    the terminal survive it."""
    try:
        raw = os.fsencode(path)
    except (UnicodeEncodeError, TypeError):
        raw = str(path).encode("utf-8", "replace")
    return raw.decode("utf-8", "replace").translate(_CONTROL_CHARS)


def shown_text(text: str) -> str:
    """A message that may quote a file name with surrogate escapes, made safe for every report format."""
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "replace")
    return raw.decode("utf-8", "replace")


def _outside(child: str, target: str) -> InputFile:
    shown = shown_path(child)
    return InputFile.failed(
        child,
        UnreadableError(
            "link_outside",
            f"Ссылка за пределы папки: {shown} → {shown_path(target)}; по ссылке не проверяется",
            f"A link out of the checked folder: {shown} → {shown_path(target)}; not followed",
        ),
    )


def _special(child: str) -> InputFile:
    shown = shown_path(child)
    return InputFile.failed(
        child,
        UnreadableError(
            "special_file",
            f"Это не обычный файл (канал, сокет или устройство), он не открывается: {shown}",
            f"Not a regular file (pipe, socket or device), not opened: {shown}",
        ),
    )


def _within(real: str, roots: list[str]) -> bool:
    return any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def _walk(shown: str, roots: list[str], real_dirs: set[str], real_files: set[str]) -> list[InputFile]:
    """Document files under a folder, sorted. Symbolic links are never followed: one that leads out of
    the checked folders is reported («ссылка за пределы папки»); one that stays inside is left to its
    target, which is checked where it lives (a link in school A's folder never takes school B's file).
    Pipes, sockets and devices are reported and never opened."""
    found: list[InputFile] = []
    try:
        real = os.path.realpath(shown)
        if real in real_dirs:
            return found
        real_dirs.add(real)
        entries = sorted(os.scandir(shown), key=lambda e: e.name)
    except OSError:
        return found
    for entry in entries:
        if _skipped_name(entry.name):
            continue
        child = os.path.join(shown, entry.name)
        try:
            if entry.is_symlink():
                target = os.path.realpath(child)
                if not _within(target, roots):
                    found.append(_outside(child, target))
                continue
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if stat.S_ISDIR(st.st_mode):
            found.extend(_walk(child, roots, real_dirs, real_files))
        elif stat.S_ISREG(st.st_mode):
            if Path(entry.name).suffix.lower() in DOCUMENT_EXTENSIONS:
                real_file = os.path.realpath(child)
                if real_file not in real_files:
                    real_files.add(real_file)
                    found.append(_examine(child))
        else:
            found.append(_special(child))  # reading a fifo would block; a device is not a document
    return found


def discover(paths: list[str]) -> list[InputFile]:
    """Expand the user's paths into input files.

    Files given explicitly are always included, whatever their extension (a missing one becomes an
    InputFile with a not_found error). Folders are walked recursively in sorted order; there only
    document extensions count, and hidden files and Office lock files (`~$…`) are skipped; links and
    special files are reported (see `_walk`)."""
    result: list[InputFile] = []
    real_dirs: set[str] = set()
    real_files: set[str] = set()
    roots = [os.path.realpath(p) for p in paths if os.path.isdir(p)]
    for given in paths:
        if os.path.isdir(given):
            if os.path.realpath(given) in real_dirs:
                continue  # the same folder given twice, or already inside a walked one
            files = _walk(given, roots, real_dirs, real_files)
            if not files:
                shown = shown_path(given)
                result.append(
                    InputFile.failed(
                        given,
                        UnreadableError(
                            "empty",
                            f"В папке нет документов (.docx, .doc, .pdf, .txt, .md, .rtf, .odt): {shown}",
                            f"No documents (.docx, .doc, .pdf, .txt, .md, .rtf, .odt) in the folder {shown}",
                        ),
                    )
                )
            result.extend(files)
            continue
        real_files.add(os.path.realpath(given))
        result.append(_examine(given))
    return result


XML_PROLOGUE_BYTES = 64 * 1024  # a DOCTYPE must come before the root element, so near the start


def refuse_xml_entities(path: Path, parts: list[str]) -> None:
    """Refuse XML parts that declare a DOCTYPE or entities (XXE, «billion laughs»).

    Office documents never need them, and a parser that expands them can read local files or
    memory-bomb the worker; checking the prologue is cheaper than trusting every library's settings."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            for part in parts:
                if part not in names:
                    continue
                with zf.open(part) as fh:
                    head = fh.read(XML_PROLOGUE_BYTES)
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head or _utf16_marks(head):
                    raise UnreadableError(
                        "corrupt",
                        f"Документ содержит недопустимые XML-сущности (часть {part}) — файл не открыт",
                        f"The document declares XML entities ({part}): refused for safety",
                    )
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError):
        raise _corrupt_zip() from None


def _utf16_marks(head: bytes) -> bool:
    """The same declarations in UTF-16, which a byte search for ASCII would miss."""
    return "<!DOCTYPE".encode("utf-16-le") in head or "<!ENTITY".encode("utf-16-le") in head
