"""files → Document → findings → Report: the one path every input takes.

`check_paths` discovers inputs, reuses cached results, checks the rest in worker processes,
then runs folder-level (package) rules and applies the ignore file."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from checker.engine.pack import Pack, package_rules, rules_for
from checker.errors import UnreadableError
from checker.facts import DocumentFacts
from checker.report import DocumentReport, Report, verdict_for


class CheckOptions(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)
    doc_type: str | None = None  # --type overrides detection
    lang: str = "ru"
    campaign: object | None = None  # checker.campaign.Campaign
    submitted: dt.date | None = None
    ocr: str = "auto"  # auto | always | never: scanned PDF pages (checker.ocr)
    ocr_max_pages: int = 30

    def cache_key(self) -> str:
        campaign = getattr(self.campaign, "model_dump_json", lambda: "")()
        return f"{self.doc_type}|{self.lang}|{campaign}|{self.submitted}|{self.ocr}|{self.ocr_max_pages}"


class RunSettings(BaseModel):
    jobs: int = 1
    timeout: float = 60.0
    memory_mb: int = 2048
    cache_dir: Path | None = None  # None = no cache
    progress: bool | None = None  # None = on a terminal only
    trust_manifests: bool = False  # use manifest.csv files inside the checked folders too (docs/security.md)


def unreadable(path: str, error: UnreadableError, lang: str, fmt: str | None = None) -> DocumentReport:
    from checker.sources import shown_path, shown_text

    return DocumentReport(
        path=shown_path(path),
        format=fmt,
        doc_type="unknown",
        doc_type_confidence=0.0,
        verdict="unreadable",
        reason=shown_text(error.message(lang)),
        reason_code=error.code,
    )


def _usable_text(document) -> bool:
    """Enough words for any rule to mean something (an OCR that produced noise is not text)."""
    import re

    words = re.findall(r"[А-Яа-яЁёA-Za-z]{3,}", document.full_text()[:20_000])
    return len(words) >= 15


def _not_checked_reason(document, found, lang: str, usable: bool) -> tuple[str, str]:
    """Why a document got no verdict, with what it resembles, in words a teacher reads."""
    from checker.paths import doc_type_name

    if not usable:
        scan = document.metadata.scanned or document.metadata.ocr
        if lang == "en":
            what = "a scan whose text could not be recognised" if scan else "almost no text"
            return "no_text", f"the file has {what}: there is nothing to check."
        what = "это скан, текст которого не удалось распознать" if scan else "в файле почти нет текста"
        return "no_text", f"{what} — проверять нечего."
    near = [c for c in getattr(found, "candidates", []) if c.score > 0][:2]
    hint_ru = ", ".join(f"«{doc_type_name(c.doc_type)}»" for c in near)
    hint_en = ", ".join(doc_type_name(c.doc_type, "en") for c in near)
    why = found.reason_text(lang) if hasattr(found, "reason_text") else getattr(found, "reason", None)
    why = why[:1].upper() + why[1:] if why else why
    if lang == "en":
        text = "the document type was not recognised: choose the type and check again."
        if why:
            text += f" {why.rstrip('.')}."
        return "type_unknown", text + (f" It resembles: {hint_en}." if hint_en else "")
    text = "тип документа не определён — укажите тип и проверьте снова."
    if why:
        text += f" {why.rstrip('.')}."
    return "type_unknown", text + (f" Похож на: {hint_ru}." if hint_ru else "")


def _incomplete_reason(findings, own: set[str], suspected: list[str], lang: str) -> str | None:
    """Why «соответствует» would claim too much: at least half of the type's own requirements could not
    be checked (a text cut off, only a contents page, a table the parser did not see). None when enough
    was checked."""
    outcome: dict[str, str] = {}
    titles: dict[str, str] = {}
    rank = {"not_applicable": 0, "pass": 1, "unverified": 2, "fail": 3}
    for f in findings:
        if f.rule_id in own and f.ignored is None and rank[f.outcome] > rank[outcome.get(f.rule_id, "not_applicable")]:
            outcome[f.rule_id] = f.outcome
            titles[f.rule_id] = f.title
    unverified = [rule for rule, o in outcome.items() if o == "unverified"]
    judged = sum(o != "not_applicable" for o in outcome.values())
    if not unverified or 2 * len(unverified) < judged:
        return None
    named = ", ".join(f"«{titles[rule]}»" for rule in unverified[:4]) + (" …" if len(unverified) > 4 else "")
    if lang == "en":
        why = (
            " (the text breaks off)"
            if "truncated" in suspected
            else (" (the text holds only a contents page)" if "contents_only" in suspected else "")
        )
        return (
            f"{len(unverified)} of {judged} requirement{'' if judged == 1 else 's'} of this document type could not be "
            f"verified{why}, so it cannot be called compliant — check by hand: {named}."
        )
    why = (
        " (текст документа обрывается)"
        if "truncated" in suspected
        else (" (в тексте только оглавление)" if "contents_only" in suspected else "")
    )
    return (
        # «из 1 требования», «из 21 требования», «из 3 требований» (genitive after «из»)
        f"{len(unverified)} из {judged} {'требования' if judged % 10 == 1 and judged % 100 != 11 else 'требований'} "
        "к документу этого типа не удалось "
        f"проверить{why}, поэтому «соответствует» сказать нельзя — проверьте вручную: {named}."
    )


def check_document(document, packs: list[Pack], options: CheckOptions) -> DocumentReport:
    from checker.approval import approval_forms
    from checker.classify import classify
    from checker.engine.context import CheckContext
    from checker.engine.runner import run_rules
    from checker.report import TypeCandidate

    # with --type the type is the user's; sub-kind and level are still read for that type
    found = classify(document, doc_type=options.doc_type or None)
    subkind, level = found.subkind, found.level
    campaign = getattr(options.campaign, "name", None)
    ctx = CheckContext(
        document=document,
        doc_type=found.doc_type,
        subkind=subkind,
        level=level,
        lang=options.lang,
        campaign=options.campaign,
        submitted=options.submitted,
    )
    usable = _usable_text(document)
    checked = usable and found.doc_type != "unknown"
    if checked:
        # the forms the rules' approval model sees, so the report and the approval rules agree
        ctx.approval_forms = approval_forms(ctx.text)
    # a document that is none of the types gets no findings at all: «не проверен» says why, and general
    # remarks (empty sections, repeats) on a text we do not understand would only be noise
    selected = rules_for(packs, found.doc_type, campaign) if checked else []
    rules = [rule for _, rule in selected]
    findings = run_rules(ctx, rules)
    verdict = verdict_for(findings, checked=checked)
    reason_code = reason = None
    if not checked:
        reason_code, reason = _not_checked_reason(document, found, options.lang, usable)
    elif verdict == "compliant":
        # the type's own requirements (not the text-quality remarks every document gets)
        own = {rule.id for pack, rule in selected if pack.doc_types or rule.applies_to}
        reason = _incomplete_reason(findings, own, document.metadata.suspected, options.lang)
        if reason:
            verdict, reason_code = "not_checked", "incomplete"
    candidates = [
        TypeCandidate(doc_type=c.doc_type, score=round(c.score, 2)) for c in getattr(found, "candidates", [])
    ]
    return DocumentReport(
        path=document.path,
        format=document.metadata.format,
        doc_type=found.doc_type,
        doc_type_confidence=found.confidence,
        doc_type_evidence=found.evidence,
        doc_type_candidates=candidates,
        subkind=subkind,
        level=level,
        approval_forms=ctx.approval_forms,
        verdict=verdict,
        reason=reason,
        reason_code=reason_code,
        pages=document.metadata.page_count,
        notes=list(document.metadata.notes),
        findings=findings,
    )


def check_input_with_facts(
    path: str, fmt: str | None, packs: list[Pack], options: CheckOptions
) -> tuple[DocumentReport, DocumentFacts | None]:
    """Parse and check one file; any failure to read becomes an `unreadable` entry."""
    from checker.facts import extract_facts
    from checker.ocr import OcrSettings
    from checker.parsers import parse_file

    try:
        ocr = OcrSettings(mode=options.ocr, max_pages=options.ocr_max_pages)  # type: ignore[arg-type]
        document = parse_file(Path(path), fmt, ocr=ocr)
    except UnreadableError as error:
        return unreadable(path, error, options.lang, fmt), None
    from checker.sources import shown_path

    document.path = shown_path(path)  # a name that is not UTF-8 opened by its bytes, shown with U+FFFD
    report = check_document(document, packs, options)
    facts = extract_facts(document, report.doc_type)
    if report.municipality is None:
        report.municipality = facts.municipality
    return report, facts


def check_input(path: str, fmt: str | None, packs: list[Pack], options: CheckOptions) -> DocumentReport:
    return check_input_with_facts(path, fmt, packs, options)[0]


def check_paths(
    paths: list[str], packs: list[Pack], options: CheckOptions, settings: RunSettings | None = None
) -> Report:
    from checker.batch import Progress, Task, WorkerPool, failure_report
    from checker.cache import ResultCache, file_hash
    from checker.manifest import Manifests
    from checker.sources import discover

    settings = settings or RunSettings()
    items = discover(paths)
    reports: list[DocumentReport | None] = [None] * len(items)
    facts: dict[int, DocumentFacts] = {}
    manifests = Manifests(paths, settings.trust_manifests)
    tasks: list[Task] = []
    cache = ResultCache(settings.cache_dir, packs, options.cache_key()) if settings.cache_dir else None
    hashes: dict[int, str] = {}
    entries = {}
    for index, item in enumerate(items):
        if item.error is not None:
            reports[index] = unreadable(item.path, item.error, options.lang, item.format)
            continue
        entry = manifests.entry(item.path)  # the operator's manifest; a submitter's only when trusted
        entries[index] = entry
        task = Task(index, item.path, item.format, entry.received if entry else None)
        if cache is not None and (digest := file_hash(item.path)) is not None:
            hashes[index] = digest
            hit = cache.get(digest, str(task.submitted), item.path)  # validated, re-homed to this path
            if hit is not None:
                reports[index] = hit[0]
                if hit[1] is not None:
                    facts[index] = hit[1]
                continue
        tasks.append(task)

    progress = Progress(len(tasks), settings.progress)
    if tasks:
        pool = WorkerPool(packs, options, settings.jobs, settings.timeout, settings.memory_mb)
        for task, report_json, facts_json in pool.run(tasks):
            progress.step(task.path)
            if report_json is None or not report_json.startswith("{"):
                reports[task.index] = failure_report(
                    task, report_json or "crash", settings.timeout, settings.memory_mb, options.lang
                )
                continue
            reports[task.index] = DocumentReport.model_validate_json(report_json)
            if facts_json:
                facts[task.index] = DocumentFacts.model_validate_json(facts_json)
            if cache is not None and task.index in hashes:
                cache.put(hashes[task.index], report_json, facts_json, str(task.submitted))
    progress.finish()

    for index, entry in entries.items():
        if entry is not None and entry.municipality and reports[index] is not None:
            reports[index].municipality = entry.municipality
        note = manifests.note_for(items[index].path, options.lang)
        if note and reports[index] is not None:
            reports[index].notes.append(note)
    report = Report(lang=options.lang, documents=[r for r in reports if r is not None])
    walked = {Path(item.path).parent for item in items if _under_folder(item.path, paths)}
    report.documents.extend(check_packages(items, facts, packs, options, walked))
    return report.finalize()


def check_packages(items, facts: dict[int, DocumentFacts], packs: list[Pack], options: CheckOptions,
                   walked: set[Path]) -> list[DocumentReport]:
    """Folder-level rules over the facts of each walked folder's documents."""
    from checker.engine.kinds.package import IMAGE_SUFFIXES, MATERIAL_SUFFIXES, PackageContext
    from checker.engine.runner import run_package_rules

    rules = package_rules(packs, getattr(options.campaign, "name", None))
    if not rules:
        return []
    folders: dict[str, list[DocumentFacts]] = defaultdict(list)
    for index, item in enumerate(items):
        if index in facts and Path(item.path).parent in walked:
            folders[str(Path(item.path).parent)].append(facts[index])
    out = []
    for folder, members in sorted(folders.items()):
        images, others = [], []
        checked = {Path(m.path).name for m in members}
        for child in sorted(Path(folder).iterdir()):
            if not child.is_file() or child.name.startswith((".", "~$")):
                continue
            suffix = child.suffix.lower()
            if suffix in IMAGE_SUFFIXES:
                images.append(hashlib.sha256(child.read_bytes()).hexdigest())
            elif suffix in MATERIAL_SUFFIXES and child.name not in checked:
                others.append(str(child))
        pctx = PackageContext(folder, members, images, others, options.lang)
        applicable = [rule for rule in rules if rule.applies(pctx)]
        if not applicable:
            continue
        findings = run_package_rules(pctx, applicable)
        out.append(
            DocumentReport(
                path=folder.rstrip("/") + "/",
                format="folder",
                kind="package",
                doc_type="package",
                doc_type_confidence=1.0,
                verdict=verdict_for(findings),
                findings=findings,
            )
        )
    return out


def _under_folder(path: str, given: list[str]) -> bool:
    """Was this file found by walking a folder the user gave (not named directly)?"""
    if path in given:
        return False
    resolved = Path(path).resolve()
    return any(Path(g).is_dir() and Path(g).resolve() in resolved.parents for g in given)
