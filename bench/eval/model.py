"""What a generated evaluation document is made of, and what its label says about it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, Field

ParaStyle = Literal["title", "heading", "body", "right", "center", "stamp", "small", "bold"]
TxtTable = Literal["cells", "pipe", "tab", "box"]
TxtPassport = Literal["pipe", "labels_then_values", "colon", "cells"]


@dataclass
class Para:
    text: str
    style: ParaStyle = "body"


@dataclass
class Table:
    """A ruled table; a row of one cell is a section row merged across the width."""

    rows: list[list[str]]
    widths: list[float] | None = None  # relative column widths


@dataclass
class Passport:
    """A label | value table (programme passports, «паспорт программы»)."""

    pairs: list[tuple[str, str]]


@dataclass
class Contents:
    """A contents page: entries with page numbers, dot leaders in the text."""

    entries: list[tuple[str, str]]
    title: str = "Содержание"


@dataclass
class TwoColumn:
    """Two blocks side by side (СОГЛАСОВАНО | УТВЕРЖДАЮ), a borderless table in docx/pdf."""

    left: list[str]
    right: list[str]


@dataclass
class PageBreak:
    pass


Element = Para | Table | Passport | Contents | TwoColumn | PageBreak


@dataclass
class Layout:
    """How the flat text formats lay the structure out."""

    txt_table: TxtTable = "cells"
    txt_passport: TxtPassport = "pipe"
    mojibake: bool = False  # «в„–» for «№», as legal-database copies have it (txt only)
    lookalikes: bool = False  # Latin letters inside some Cyrillic words, as text copied from PDFs has
    bookmark_errors: bool = False  # contents pages whose page numbers broke: «Error! Bookmark not defined.»

    def notes(self) -> list[str]:
        out = [name for name in ("mojibake", "lookalikes", "bookmark_errors") if getattr(self, name)]
        return out


@dataclass
class Built:
    """A document as a generator wrote it, before it is rendered into a format."""

    elements: list[Element]
    level: str | None = None
    subkind: str | None = None
    approval: str | None = None  # signature | order | appendix | council | esign | none
    defects: list[str] = field(default_factory=list)
    title: str = ""
    year: int = 0
    region: str = ""
    confuser: str | None = None
    notes: list[str] = field(default_factory=list)  # shapes worth knowing when reading the figures


class Label(BaseModel):
    """The truth about one evaluation file (one entry of labels.yaml)."""

    file: str = Field(description="path relative to bench/eval/docs")
    split: Literal["tune", "heldout"]
    author: str
    doc_type: str = Field(description="a DOC_TYPES id, `unknown` for confusers")
    subkind: str | None = None
    level: str | None = None
    approval: str | None = None
    format: Literal["docx", "pdf", "txt"]
    year: int | None = None
    region: str
    confuser: str | None = Field(None, description="what a confuser is (order, news_about_roadmap, …)")
    defects: list[str] = Field(default_factory=list)
    noise: list[str] = Field(default_factory=list, description="text-layer phenomena added (lookalikes, …)")
