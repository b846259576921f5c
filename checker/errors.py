"""Errors that reach users. Each carries a Russian and an English message; no traceback ever does."""

from __future__ import annotations


class CheckerError(Exception):
    """Base of every error the checker reports to a user in words."""

    def __init__(self, code: str, message_ru: str, message_en: str | None = None) -> None:
        super().__init__(message_ru)
        self.code = code
        self.message_ru = message_ru
        self.message_en = message_en or message_ru

    def message(self, lang: str = "ru") -> str:
        return self.message_en if lang == "en" else self.message_ru


class UnreadableError(CheckerError):
    """An input that cannot be read: missing, corrupt, encrypted, unsupported, too big, hostile.

    Codes are stable: not_found, empty, unsupported, corrupt, encrypted, too_large, timeout,
    memory, scan_no_ocr, tool_missing, decode."""


class RulePackError(CheckerError):
    """A mistake in a rule pack; the message starts with `file:line:column:`."""
