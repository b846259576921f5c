"""Facts a document contributes to folder-level (package) checks, computed in the worker so the
parent never holds a Document: type, key dates, participant count, registration rows, images,
schools and municipality named."""

from __future__ import annotations

import datetime as dt
import re

from pydantic import BaseModel, Field

from checker.document import Document

_COUNT = re.compile(r"(\d+)\s+(представител|участник|человек|педагог|специалист)", re.IGNORECASE)
_SCHOOL = re.compile(
    r"\b(?:М[БАК]?ОУ|ГБОУ|МОУ)\s*[«\"]?\s*(?:СОШ|ООШ|НОШ|лицей|гимназия|школа)\s*(?:№\s*(\d+))?", re.IGNORECASE
)
_MUNICIPALITY = re.compile(
    r"(?:муниципальн\w+\s+образовани\w+|МО)\s+((?:город\s+)?[А-ЯЁ][а-яё-]+(?:\s+район)?)"
    r"|([А-ЯЁ][а-яё]+(?:ский|цкий|ской|ском|ского|ный)\s+(?:муниципальн\w+\s+)?район\w*)"
)
_FIO_HEADER = re.compile(r"ф\.?\s*и\.?\s*о|фамилия", re.IGNORECASE)


class DocumentFacts(BaseModel):
    path: str
    doc_type: str = "unknown"
    format: str | None = None
    first_full_date: dt.date | None = None  # the event date of a press release / programme, the letter's date
    participants: int | None = None
    registration_rows: int = 0
    image_hashes: list[str] = Field(default_factory=list)
    schools: list[str] = Field(default_factory=list)
    municipality: str | None = None


def _first_full_date(document: Document) -> dt.date | None:
    from checker.language.dates import find_dates

    for block in document.blocks[:60]:
        for mention in find_dates(block.text):
            if mention.kind == "date" and mention.precision == "day" and mention.first and mention.first.year:
                return mention.first_day()
    return None


def _registration_rows(document: Document) -> int:
    """Rows with a filled name cell in tables whose header names ФИО."""
    total = 0
    for block in document.tables:
        rows = block.table.rows if block.table else []
        if not rows:
            continue
        header = next((i for i, row in enumerate(rows[:3]) if any(_FIO_HEADER.search(c) for c in row.texts)), None)
        if header is None:
            continue
        column = next(i for i, c in enumerate(rows[header].texts) if _FIO_HEADER.search(c))
        for row in rows[header + 1 :]:
            texts = row.texts
            if column < len(texts) and re.search(r"[А-Яа-яЁё]{2,}", texts[column]):
                total += 1
    return total


def normalise_municipality(name: str) -> str:
    """«Кущёвский район» / «Кущевского района» → «кущевск район»: comparable across cases."""
    words = name.lower().replace("ё", "е").split()
    return " ".join(w[:-2] if len(w) > 6 else w for w in words if w not in ("муниципальный", "муниципального"))


def extract_facts(document: Document, doc_type: str) -> DocumentFacts:
    text = document.full_text()
    count = _COUNT.search(text)
    municipality = _MUNICIPALITY.search(text[:20_000])
    schools = sorted({m.group(0).strip() for m in _SCHOOL.finditer(text)})
    return DocumentFacts(
        path=document.path,
        doc_type=doc_type,
        format=document.metadata.format,
        first_full_date=_first_full_date(document),
        participants=int(count.group(1)) if count else None,
        registration_rows=_registration_rows(document),
        image_hashes=document.metadata.image_hashes,
        schools=schools,
        municipality=(municipality.group(1) or municipality.group(2)).strip() if municipality else None,
    )
