"""`package`: checks over a folder of documents (a seminar package, a municipality's submission),
run after every document of the folder has been checked. Works on DocumentFacts, not Documents."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from checker.document import Location
from checker.engine.rule import Localized, Outcome, RuleBase
from checker.facts import DocumentFacts, normalise_municipality

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".heic", ".webp"}
MATERIAL_SUFFIXES = {".pptx", ".ppt", ".odp", ".pdf", ".docx", ".doc", ".odt", ".rtf", ".xlsx"}
SEMINAR_TYPES = {"letter", "seminar_program", "press_release", "registration_sheet"}


@dataclass
class PackageContext:
    folder: str
    members: list[DocumentFacts]
    image_hashes: list[str] = field(default_factory=list)  # image files of the folder
    other_files: list[str] = field(default_factory=list)  # files that are not checked documents (pptx…)
    lang: str = "ru"

    def of_type(self, doc_type: str) -> list[DocumentFacts]:
        return [m for m in self.members if m.doc_type == doc_type]


class Requirement(BaseModel):
    model_config = ConfigDict(extra="forbid")
    label: Localized
    doc_type: str | None = None
    photos: int | None = Field(None, ge=1, description="distinct images: files plus images inside documents")
    materials: int | None = Field(None, ge=1, description="files besides the typed documents")


def _fmt(day) -> str:
    return day.strftime("%d.%m.%Y") if day else "—"


class PackageRule(RuleBase):
    kind: Literal["package"]
    check_: Literal["completeness", "dates", "participants", "municipality", "schools"] = Field(alias="check")
    folders: list[str] = Field(default_factory=list, description="folder name globs; [] = detect by contents")
    require: list[Requirement] = Field(default_factory=list)

    def applies(self, pctx: PackageContext) -> bool:
        name = Path(pctx.folder).name.lower()
        if self.folders:
            return any(fnmatch.fnmatch(name, g.lower()) for g in self.folders)
        if self.check_ == "schools":
            return bool(pctx.of_type("roadmap")) and bool(pctx.of_type("program"))
        # a seminar package: a flat folder of many municipalities' files is not one submission
        return len({m.doc_type for m in pctx.members} & SEMINAR_TYPES) >= 2 or "семинар" in name

    def check(self, ctx: PackageContext) -> Iterable[Outcome]:  # type: ignore[override]
        yield from getattr(self, f"_{self.check_}")(ctx)

    def _completeness(self, ctx: PackageContext) -> Iterable[Outcome]:
        missing, found = [], []
        typed = {m.path for m in ctx.members if m.doc_type in SEMINAR_TYPES}
        for req in self.require:
            label = req.label.get(ctx.lang)
            if req.doc_type:
                ok = bool(ctx.of_type(req.doc_type))
            elif req.photos:
                images = set(ctx.image_hashes) | {h for m in ctx.members for h in m.image_hashes}
                ok = len(images) >= req.photos
                label = f"{label}: {len(images)} из {req.photos}" if not ok else label
            else:
                extra = [m for m in ctx.members if m.path not in typed] + [Path(p) for p in ctx.other_files]
                ok = len(extra) >= (req.materials or 1)
            (found if ok else missing).append(label)
        yield Outcome(not missing, {"missing": missing, "found": found, "folder": ctx.folder})

    def _dates(self, ctx: PackageContext) -> Iterable[Outcome]:
        letter = next((m.first_full_date for m in ctx.of_type("letter") if m.first_full_date), None)
        programme = next((m.first_full_date for m in ctx.of_type("seminar_program") if m.first_full_date), None)
        release = next((m.first_full_date for m in ctx.of_type("press_release") if m.first_full_date), None)
        params = {"letter": _fmt(letter), "seminar": _fmt(programme), "release": _fmt(release)}
        if programme is None or (letter is None and release is None):
            yield Outcome(None, params, message=Localized(
                ru="Не проверялось: в пакете нет дат письма, программы и пресс-релиза для сравнения.",
                en="Not checked: the package lacks the dates to compare."))
            return
        problems = []
        english = ctx.lang == "en"
        if release is not None and release != programme:
            problems.append(
                f"the press release gives {_fmt(release)}, the programme {_fmt(programme)}" if english
                else f"в пресс-релизе дата {_fmt(release)}, а в программе — {_fmt(programme)}"
            )
        if letter is not None and not letter < programme:
            problems.append(
                f"the letter ({_fmt(letter)}) is not before the event ({_fmt(programme)})" if english
                else f"письмо ({_fmt(letter)}) не раньше мероприятия ({_fmt(programme)})"
            )
        params["problems"] = "; ".join(problems)
        yield Outcome(not problems, params, evidence=f"письмо {params['letter']}, семинар {params['seminar']}, "
                      f"пресс-релиз {params['release']}")

    def _participants(self, ctx: PackageContext) -> Iterable[Outcome]:
        count = next((m.participants for m in ctx.of_type("press_release") if m.participants), None)
        rows = sum(m.registration_rows for m in ctx.of_type("registration_sheet"))
        if count is None or not ctx.of_type("registration_sheet"):
            yield Outcome(None, {"found": count or "—", "expected": rows})
            return
        yield Outcome(count <= rows, {"found": count, "expected": rows})

    def _municipality(self, ctx: PackageContext) -> Iterable[Outcome]:
        names = {m.path: m.municipality for m in ctx.members if m.municipality}
        distinct = {normalise_municipality(n): n for n in names.values()}
        if len(names) < 2:
            yield Outcome(None, {"found": ", ".join(distinct.values()) or "—"})
            return
        yield Outcome(len(distinct) == 1, {"found": "; ".join(sorted(set(names.values())))})

    def _schools(self, ctx: PackageContext) -> Iterable[Outcome]:
        roadmap_schools = {s.lower() for m in ctx.of_type("roadmap") for s in m.schools}
        missing = sorted(
            {s for m in ctx.of_type("program") for s in m.schools if s.lower() not in roadmap_schools}
        )
        yield Outcome(not missing, {"missing": missing, "found": len(roadmap_schools)}, location=Location())
