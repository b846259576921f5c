"""Compile the gettext catalogues in checker/locale/*/LC_MESSAGES/*.po into .mo files (pure Python, no
GNU gettext needed; output is byte-for-byte deterministic). Run after editing a .po:

    python tools/compile_locale.py          # write the .mo files
    python tools/compile_locale.py --check  # exit 1 when a .mo is out of date (used by the tests)
"""

from __future__ import annotations

import ast
import struct
import sys
from pathlib import Path

LOCALE = Path(__file__).resolve().parent.parent / "checker" / "locale"


def parse_po(text: str) -> dict[bytes, bytes]:
    """msgid → msgstr as gettext stores them (plural forms joined by NUL); untranslated entries dropped."""
    entries: list[dict[str, list[str]]] = []
    current: dict[str, list[str]] = {}
    key = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith('"'):
            current[key].append(ast.literal_eval(line))
            continue
        keyword, _, rest = line.partition(" ")
        if keyword == "msgid" and "msgid" in current:
            entries.append(current)
            current = {}
        key = keyword
        current[key] = [ast.literal_eval(rest)]
    if current:
        entries.append(current)
    catalogue: dict[bytes, bytes] = {}
    for entry in entries:
        msgid = "".join(entry.get("msgid", []))
        if "msgid_plural" in entry:
            msgid += "\0" + "".join(entry["msgid_plural"])
            forms = sorted(k for k in entry if k.startswith("msgstr["))
            msgstr = "\0".join("".join(entry[k]) for k in forms)
        else:
            msgstr = "".join(entry.get("msgstr", []))
        if msgstr.replace("\0", ""):
            catalogue[msgid.encode("utf-8")] = msgstr.encode("utf-8")
    return catalogue


def compile_mo(catalogue: dict[bytes, bytes]) -> bytes:
    """The GNU .mo layout: header, the two offset tables, then the strings (no hash table)."""
    keys = sorted(catalogue)
    count = len(keys)
    originals_at = 7 * 4
    translations_at = originals_at + count * 8
    data_at = translations_at + count * 8
    ids = b"".join(k + b"\0" for k in keys)
    strs = b"".join(catalogue[k] + b"\0" for k in keys)
    originals, translations = [], []
    offset = data_at
    for key in keys:
        originals += [len(key), offset]
        offset += len(key) + 1
    for key in keys:
        translations += [len(catalogue[key]), offset]
        offset += len(catalogue[key]) + 1
    header = struct.pack("<7I", 0x950412DE, 0, count, originals_at, translations_at, 0, data_at)
    return header + struct.pack(f"<{4 * count}I", *originals, *translations) + ids + strs


def catalogues() -> list[tuple[Path, bytes]]:
    return [
        (po.with_suffix(".mo"), compile_mo(parse_po(po.read_text(encoding="utf-8"))))
        for po in sorted(LOCALE.glob("*/LC_MESSAGES/*.po"))
    ]


def main(argv: list[str]) -> int:
    stale = [mo for mo, data in catalogues() if not mo.is_file() or mo.read_bytes() != data]
    if "--check" in argv:
        for mo in stale:
            print(f"{mo}: out of date; run python tools/compile_locale.py", file=sys.stderr)
        return 1 if stale else 0
    for mo, data in catalogues():
        mo.write_bytes(data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
