"""Office files encrypted with the default password.

Word and Excel encrypt a file "without a password" with a fixed one («VelvetSweatshop»: a workbook marked
read-only, a document saved by some tools with protection but no password of the user's). Such a file
opens in Word without asking, so a submitter does not know it is encrypted. The checker tries that
password in memory (msoffcrypto-tool): an encrypted .docx (an OLE container with EncryptionInfo and
EncryptedPackage streams) becomes the package's bytes, an encrypted .doc (the FIB's fEncrypted bit,
RC4 / RC4 CryptoAPI) the decrypted container. Nothing is written beside the submitted file; a .doc that
LibreOffice must read is written only into the caller's private temporary folder.

When the default password does not open the file, a real password is needed: the message says so.
"""

from __future__ import annotations

import io
from pathlib import Path

from checker.errors import UnreadableError

DEFAULT_PASSWORDS = ("VelvetSweatshop",)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAX_DECRYPTED = 200 * 1024 * 1024
# Office uses 100,000 hash rounds to derive the key (≈ 0.7 s here); the format allows 10,000,000 (≈ 70 s).
MAX_SPIN_COUNT = 500_000  # as the unpacked limit of a document's zip container


def password_needed() -> UnreadableError:
    return UnreadableError(
        "encrypted",
        "Документ Office зашифрован паролем — пришлите копию без пароля",
        "The Office document is password-protected: send a copy without the password",
    )


def is_ole(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(8) == OLE_MAGIC


def decrypt_default(path: Path) -> bytes:
    """The decrypted bytes of an encrypted Office file opened with a default password.

    Raises UnreadableError("encrypted") when a real password is needed or the encryption is one
    msoffcrypto-tool does not read (Word 95 XOR obfuscation, an unknown scheme)."""
    try:
        import msoffcrypto
        from msoffcrypto import exceptions
    except ImportError:  # a broken install: the file still gets the right reason
        raise password_needed() from None
    data = path.read_bytes()
    for password in DEFAULT_PASSWORDS:
        source = io.BytesIO(data)
        out = io.BytesIO()
        try:
            office = msoffcrypto.OfficeFile(source)
            if not office.is_encrypted():
                return data
            info = getattr(office, "info", None)
            if isinstance(info, dict) and int(info.get("spinValue") or 0) > MAX_SPIN_COUNT:
                break  # deriving the key would take minutes (a hostile file): a password is needed anyway
            if getattr(office, "format", "") == "ooxml":
                office.load_key(password=password, verify_password=True)  # a wrong password fails before decrypting
            else:
                office.load_key(password=password)  # .doc: verified against the header's verifier
            office.decrypt(out)
        except (exceptions.DecryptionError, exceptions.FileFormatError, exceptions.ParseError):
            continue
        except Exception:  # a damaged header fails anywhere (struct, XML, olefile): no password opens it
            continue
        decrypted = out.getvalue()
        if 0 < len(decrypted) <= _MAX_DECRYPTED:
            return decrypted
    raise password_needed()
