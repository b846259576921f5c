"""Parser registry: one function per format, each producing a Document.

Parser modules are imported lazily: python-docx, pypdfium2 and pdfplumber cost start-up time, and a
one-page .docx check must not pay for the PDF stack.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from checker.document import Document
from checker.errors import UnreadableError
from checker.ocr import OcrSettings
from checker.sources import check_size, sniff


def _lazy(module: str, function: str) -> Callable[..., Document]:
    def run(path: Path, **kwargs: object) -> Document:
        return getattr(importlib.import_module(module), function)(path, **kwargs)

    run.__name__ = function
    return run


PARSERS: dict[str, Callable[..., Document]] = {
    "docx": _lazy("checker.parsers.docx", "parse_docx"),
    "pdf": _lazy("checker.parsers.pdf", "parse_pdf"),
    "doc": _lazy("checker.parsers.doc", "parse_doc"),
    "rtf": _lazy("checker.parsers.rtf", "parse_rtf"),
    "odt": _lazy("checker.parsers.odt", "parse_odt"),
    "txt": _lazy("checker.parsers.text", "parse_text"),
    "md": _lazy("checker.parsers.text", "parse_text"),
    "wordml": _lazy("checker.parsers.wordml", "parse_wordml"),
    "fodt": _lazy("checker.parsers.odt", "parse_fodt"),
}

_FORMAT_NAMES = {
    "doc": "Word 97–2003 (.doc)", "rtf": "RTF", "odt": "OpenDocument (.odt)", "wordml": "Word 2003 XML",
    "fodt": "Flat ODT (.fodt)",
}


def _map_exception(exc: BaseException, fmt: str) -> UnreadableError:
    """Library exceptions → our stable codes. Matched by class name so no library is imported here."""
    name = type(exc).__name__
    text = str(exc)
    if name == "PdfiumError" and "password" in text.lower():
        return UnreadableError(
            "encrypted",
            "Файл зашифрован паролем — пришлите копию без пароля",
            "The file is password-protected: send a copy without the password",
        )
    if isinstance(exc, RuntimeError) and "password required" in text:  # a zip entry encrypted by the archiver
        return UnreadableError(
            "encrypted",
            "Части документа зашифрованы паролем архива — пришлите копию без пароля",
            "The document's parts are encrypted with a zip password: send a copy without the password",
        )
    broken_stream = name == "error" and type(exc).__module__ == "zlib"
    if name in ("PackageNotFoundError", "BadZipFile", "BadZipfile") or broken_stream or (
        isinstance(exc, NotImplementedError) and "compression" in text.lower()
    ):
        return UnreadableError(
            "corrupt",
            "Файл повреждён или это не документ Word: архив документа не читается",
            f"Corrupt file or not a Word document ({name})",
        )
    if name == "XMLSyntaxError":
        return UnreadableError(
            "corrupt",
            "Файл повреждён: ошибка в XML-разметке документа",
            f"Corrupt file: broken XML in the document ({text[:200]})",
        )
    if name in ("PdfiumError", "PdfminerException", "PDFSyntaxError"):
        return UnreadableError(
            "corrupt", "Файл PDF повреждён и не читается", f"Corrupt PDF ({name}: {text[:200]})"
        )
    if isinstance(exc, MemoryError):
        return UnreadableError(
            "memory", "Файлу не хватило памяти при чтении", "Out of memory while reading the file"
        )
    if isinstance(exc, OSError):
        return UnreadableError(
            "not_found",
            f"Файл недоступен для чтения ({exc.strerror or name})",
            f"Cannot read the file ({exc})",
        )
    return UnreadableError(
        "corrupt",
        f"Файл повреждён или имеет неожиданное устройство: прочитать его ({fmt}) не удалось",
        f"The {fmt} file could not be read ({name}: {text[:200]})",
    )


def parse_file(
    path: Path, fmt: str | None = None, ocr: OcrSettings | None = None, layout: bool = True
) -> Document:
    """Read any supported file into a Document; every failure becomes an UnreadableError.

    `ocr` applies to PDFs only (default: OCR the pages without a text layer). `layout=False` leaves out
    layout recovery (`checker inspect --raw`: the Document as the parser built it)."""
    path = Path(path)
    if fmt is None:
        fmt = sniff(path)
    try:
        check_size(path)
    except FileNotFoundError:
        raise UnreadableError("not_found", f"Файл не найден: {path}", f"File not found: {path}") from None
    parser = PARSERS.get(fmt)
    if parser is None:
        shown = _FORMAT_NAMES.get(fmt, fmt)
        raise UnreadableError(
            "unsupported",
            f"Чтение формата {shown} пока не поддерживается — сохраните файл как .docx или .pdf",
            f"Reading {shown} is not supported yet: save the file as .docx or .pdf",
        )
    try:
        document = parser(path, ocr=ocr) if fmt == "pdf" else parser(path)
    except UnreadableError:
        raise
    except RecursionError:
        raise UnreadableError(
            "corrupt", "Файл слишком сложно устроен и не читается", "The file is nested too deeply to read"
        ) from None
    except Exception as exc:
        raise _map_exception(exc, fmt) from None
    if not layout:
        return document
    # Layout recovery (flattened tables, passports, contents pages, stamps…) for every format, once.
    from checker.layout import TextSource, recover

    return recover(document, TextSource(path) if fmt in ("txt", "md") else None)
