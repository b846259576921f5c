"""Word 97–2003 (.doc): LibreOffice converts it to .docx (exact: tables and merged cells survive),
else catdoc gives the text (cells as tab-separated lines); with neither the user is told what to install.

Each conversion gets its own LibreOffice profile directory: parallel workers sharing the default
profile block on its lock file or fail at random.

A .doc is the submitter's file, so LibreOffice must not act on it (docs/security.md): the fresh profile
turns off updating links when loading, macros and links to untrusted places, and the conversion runs
without network (`unshare -n`, a new network namespace) where the system allows it. Without that
isolation catdoc (which never opens a link) is preferred when installed.

In a batch worker one LibreOffice converts all the worker's files (doc_server.py: ≈ 0.2 s a file instead
of ≈ 2 s for starting an office), with the same profile settings and the same network isolation.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

from checker.document import Document, Metadata, number_blocks
from checker.errors import UnreadableError
from checker.parsers.headings import strip_artefacts
from checker.parsers.text import _TextBuilder

CONVERT_TIMEOUT = 45.0  # seconds; a 300-page .doc takes about 2 s, a fresh profile about 1 s more
MAX_CATDOC_BYTES = 50 * 1024 * 1024


def _env(temp: Path | None = None) -> dict[str, str]:
    env = dict(os.environ)
    # catdoc transliterates Cyrillic silently under LANG=C; LibreOffice is fine either way.
    env.update({"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})
    if temp is not None:
        env["TMPDIR"] = str(temp)  # LibreOffice's own temporary files go where they are cleaned up
    return env


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


# The profile's settings: never update links on load (Writer, Calc), macros off, no links to untrusted
# places. Written before LibreOffice first starts with the profile, so they hold from the first document.
_SETTINGS = {
    ("/org.openoffice.Office.Writer/Content/Update", "Link"): ("int", "2"),
    ("/org.openoffice.Office.Calc/Content/Update", "Link"): ("int", "2"),
    ("/org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel"): ("int", "3"),
    ("/org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution"): ("boolean", "true"),
    ("/org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks"): ("boolean", "true"),
    ("/org.openoffice.Office.Common/Misc", "UseOpenCL"): ("boolean", "false"),
}


def write_profile(profile: Path) -> None:
    """A LibreOffice user profile with links, macros and remote content off."""
    items = "".join(
        f'<item oor:path="{where}"><prop oor:name="{name}" oor:op="fuse"><value>{value}</value></prop></item>\n'
        for (where, name), (_kind, value) in _SETTINGS.items()
    )
    user = profile / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        + items
        + "</oor:items>\n",
        encoding="utf-8",
    )


@lru_cache(maxsize=1)
def no_network_prefix() -> tuple[str, ...]:
    """The command prefix that runs a program without network, or () when the system does not allow it."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return ()
    for prefix in ((unshare, "-n"), (unshare, "-r", "-n")):
        try:
            probe = subprocess.run([*prefix, "true"], capture_output=True, timeout=10, check=False)
        except (OSError, subprocess.SubprocessError):
            continue
        if probe.returncode == 0:
            return prefix
    return ()


def _tool_missing() -> UnreadableError:
    return UnreadableError(
        "tool_missing",
        "Для чтения .doc установите LibreOffice (пакет libreoffice-writer-nogui) или catdoc "
        "либо пересохраните файл как .docx",
        "To read .doc files install LibreOffice (package libreoffice-writer-nogui) or catdoc, "
        "or save the file as .docx",
    )


def _convert_failed(detail: str) -> UnreadableError:
    return UnreadableError(
        "corrupt",
        "Файл .doc не удалось преобразовать (LibreOffice): возможно, он повреждён — пересохраните его как .docx",
        f"LibreOffice could not convert the .doc file ({detail})",
    )


def convert_with_soffice(
    path: Path, target: str, outdir: Path, timeout: float = CONVERT_TIMEOUT, reuse: bool = True
) -> Path:
    """`soffice --headless --convert-to TARGET` into outdir; returns the output. In a batch worker the
    command is handed to the worker's running office (doc_server), else it runs with a fresh profile."""
    from checker.parsers import doc_server

    exe = _soffice()
    if exe is None:
        raise _tool_missing()
    office = doc_server.server(exe) if reuse else None
    profile = office.profile_for_next() if office is not None else None
    if profile is None:
        office, profile = None, outdir / "profile"
        write_profile(profile)
    # A copy with a plain name: LibreOffice mangles some names, and the output name follows the input's.
    source = outdir / f"input{path.suffix.lower() or '.doc'}"
    shutil.copyfile(path, source)
    # In the caller's process group (a batch worker's), so that killing the worker ends LibreOffice too.
    process = subprocess.Popen(
        [*no_network_prefix(), exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--nolockcheck", "--convert-to", target, "--outdir", str(outdir), str(source)],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env=_env(office.temp if office is not None else outdir),
    )  # fmt: skip
    try:
        _, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        doc_server.kill_tree(process)
        if office is not None:
            office.stop()  # busy with this file: the next one gets a fresh office
        raise UnreadableError(
            "timeout",
            f"Преобразование .doc (LibreOffice) не уложилось в {timeout:g} с — файл слишком сложный или повреждён",
            f"Converting the .doc file (LibreOffice) took longer than {timeout:g} s",
        ) from None
    out = outdir / f"input.{target.split(':')[0]}"
    if process.returncode != 0 or not out.exists() or out.stat().st_size == 0:
        raise _convert_failed(stderr.decode("utf-8", "replace").strip()[:200] or f"exit {process.returncode}")
    return out


def _parse_via_soffice(path: Path) -> Document:
    from checker.parsers import doc_server
    from checker.parsers.docx import parse_docx

    exe = _soffice()
    office = doc_server.server(exe) if exe is not None else None
    # In a batch worker, inside its office's folder: removed with it even when the worker is killed.
    with tempfile.TemporaryDirectory(prefix="checker-doc-", dir=office.temp if office else None) as tmp:
        converted = convert_with_soffice(path, "docx", Path(tmp))
        doc = parse_docx(converted)
    doc.path = str(path)
    doc.metadata.format = "doc"
    return doc


def _parse_via_catdoc(path: Path, exe: str) -> Document:
    try:
        result = subprocess.run(
            [exe, "-w", "-d", "utf-8", str(path)],
            capture_output=True, timeout=CONVERT_TIMEOUT, env=_env(), check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        raise UnreadableError(
            "timeout", "Чтение .doc (catdoc) не уложилось во время", "Reading the .doc file (catdoc) timed out"
        ) from None
    if result.returncode != 0:
        raise UnreadableError(
            "corrupt", "Файл .doc повреждён и не читается", f"catdoc failed: {result.stderr[:200]!r}"
        )
    text = result.stdout[:MAX_CATDOC_BYTES].decode("utf-8", "replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n")
    lines = [strip_artefacts(s).rstrip() for s in text.split("\n")]
    blocks = _TextBuilder(lines, markdown=False).build()
    for block in blocks:
        block.location.line = None  # lines of catdoc's output mean nothing to the user
    meta = Metadata(format="doc")
    meta.notes.append("Файл .doc прочитан без LibreOffice (catdoc): оформление и объединённые ячейки не учтены")
    return Document(path=str(path), blocks=number_blocks(blocks), metadata=meta)


def _encrypted_doc(path: Path) -> bool:
    """The FIB's fEncrypted bit: Word's password protection (RC4), maybe with Office's default password."""
    from checker.sources import _cfb_streams, _word_encrypted

    with path.open("rb") as fh:
        data = fh.read(8 * 1024 * 1024)
    return _word_encrypted(data, _cfb_streams(data))


def _parse_encrypted(path: Path) -> Document:
    """Decrypted with Office's default password in memory, written only into a private temporary folder
    (mode 0700, removed after reading; in a batch worker inside its office's folder), then read as any .doc."""
    from checker.parsers import doc_server
    from checker.parsers.encrypted import decrypt_default

    plain_bytes = decrypt_default(path)  # «зашифрован паролем» when a real password is needed
    exe = _soffice()
    office = doc_server.server(exe) if exe is not None else None
    with tempfile.TemporaryDirectory(prefix="checker-dec-", dir=office.temp if office else None) as tmp:
        plain = Path(tmp) / "decrypted.doc"
        plain.write_bytes(plain_bytes)
        doc = _parse_plain(plain)
    doc.path = str(path)
    doc.metadata.notes.append("Файл зашифрован стандартным паролем Office (без пароля пользователя) — прочитан")
    return doc


def parse_doc(path: Path) -> Document:
    """LibreOffice when it can run without network (exact tables), else catdoc (text only, never follows a
    link), else LibreOffice with links and macros off in its profile. A .doc encrypted with Office's
    default password is decrypted first."""
    if _encrypted_doc(path):
        return _parse_encrypted(path)
    return _parse_plain(path)


def _parse_plain(path: Path) -> Document:
    catdoc = shutil.which("catdoc")
    if _soffice() is not None and (no_network_prefix() or catdoc is None):
        return _parse_via_soffice(path)
    if catdoc is not None:
        return _parse_via_catdoc(path, catdoc)
    raise _tool_missing()
