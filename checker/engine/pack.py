"""Rule packs: YAML files loaded with ruamel.yaml (keeping line numbers) and validated by pydantic.

A mistake in a pack is reported as `file:line:column: where: what is wrong`."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator, model_validator

from checker.engine.kinds import AnyRule
from checker.engine.rule import Localized
from checker.errors import RulePackError
from checker.paths import DOC_TYPES, level_name, rules_dir, subkind_name


class Pack(BaseModel):
    model_config = ConfigDict(extra="forbid")
    pack: str = Field(pattern=r"^[a-z0-9_-]+$")
    title: Localized
    description: Localized | None = None
    doc_types: list[str] = Field(default_factory=list, description="types the pack's rules apply to; [] = all")
    rules: list[AnyRule] = Field(default_factory=list)
    extends: list[str] = Field(
        default_factory=list,
        description="packs whose rules this pack reuses: a shipped pack name or a path relative to this file",
    )
    overrides: dict[str, Literal["error", "warning", "info", "off"]] = Field(
        default_factory=dict, description="new severity of an inherited or own rule by id; off = drop the rule"
    )
    campaign: str | None = Field(
        None, description="the campaign whose layer this pack is: its rules run only with --campaign NAME"
    )
    source: str = ""
    _bases: list[str] = PrivateAttr(default_factory=list)  # resolved files pulled in by `extends`

    @model_validator(mode="after")
    def _campaign_rules_in_campaign_packs(self) -> Pack:
        """A campaign-layer rule outside a campaign pack would fire for every region."""
        stray = [r.id for r in self.rules if r.layer == "campaign" and self.campaign is None]
        if stray:
            raise ValueError(
                "правила слоя campaign должны лежать в наборе кампании (укажите campaign: ИМЯ): " + ", ".join(stray)
            )
        wrong = [r.id for r in self.rules if r.layer != "campaign" and self.campaign is not None]
        if wrong:
            raise ValueError("в наборе кампании все правила должны быть слоя campaign: " + ", ".join(wrong))
        return self

    @field_validator("doc_types")
    @classmethod
    def _known_types(cls, value: list[str]) -> list[str]:
        unknown = [t for t in value if t not in DOC_TYPES]
        if unknown:
            raise ValueError(f"неизвестный тип документа: {', '.join(unknown)}; допустимые: {', '.join(DOC_TYPES)}")
        return value


def _position(root: Any, loc: tuple[Any, ...]) -> tuple[int, int, str]:
    """Line, column (1-based) and a readable path of the YAML node an error points at."""
    node, line, col, path = root, 1, 1, ""
    for key in loc:
        lc = getattr(node, "lc", None)
        if isinstance(node, dict) and key in node:
            if lc is not None:
                with contextlib.suppress(KeyError, TypeError):
                    line, col = lc.key(key)[0] + 1, lc.key(key)[1] + 1
            node = node[key]
            path += f".{key}" if path else str(key)
        elif isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
            if lc is not None:
                with contextlib.suppress(KeyError, TypeError):
                    line, col = lc.item(key)[0] + 1, lc.item(key)[1] + 1
            node = node[key]
            path += f"[{key}]"
        elif isinstance(key, str) and isinstance(node, dict) and key == loc[-1]:
            # a missing key: name it, keep the position of its parent
            path += f".{key}" if path else key
            node = None
        # other loc parts (union tags, validator names) do not exist in the YAML
    return line, col, path


def _resolve_base(ref: str, path: Path) -> Path | None:
    """`extends` entry → file: a path relative to the extending pack, or a shipped pack's name."""
    candidates = [path.parent / ref, rules_dir() / f"{ref}.yaml", path.parent / f"{ref}.yaml"]
    if Path(ref).is_absolute():
        candidates.insert(0, Path(ref))
    return next((c for c in candidates if c.is_file()), None)


def _inherit(pack: Pack, data: Any, path: Path, chain: frozenset[Path]) -> None:
    """Put the rules of `extends` packs before the pack's own, then apply `overrides`."""
    inherited: list[Any] = []
    own_ids = {r.id for r in pack.rules}
    for index, ref in enumerate(pack.extends):
        line, col, _ = _position(data, ("extends", index))
        target = _resolve_base(ref, path)
        if target is None:
            raise RulePackError("pack_invalid", f"{path}:{line}:{col}: extends: набор правил «{ref}» не найден")
        if target.resolve() in chain:
            raise RulePackError("pack_invalid", f"{path}:{line}:{col}: extends: циклическое наследование ({ref})")
        base = load_pack(target, chain | {path.resolve()})
        pack._bases += [str(target.resolve()), *base._bases]
        for rule in base.rules:
            if rule.id in own_ids:
                continue  # the pack redefines this rule
            copy = rule.model_copy(deep=True)
            copy.applies_to = rule.applies_to or base.doc_types  # keep the base pack's doc types
            inherited.append(copy)
    pack.rules = inherited + pack.rules
    by_id = {r.id: r for r in pack.rules}
    for rule_id, severity in pack.overrides.items():
        if rule_id not in by_id:
            line, col, _ = _position(data, ("overrides", rule_id))
            raise RulePackError("pack_invalid", f"{path}:{line}:{col}: overrides: нет правила {rule_id}")
        if severity == "off":
            pack.rules = [r for r in pack.rules if r.id != rule_id]
        else:
            by_id[rule_id].severity = severity


def load_pack(path: Path, _chain: frozenset[Path] = frozenset()) -> Pack:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RulePackError("pack_unreadable", f"{path}: не удаётся прочитать набор правил: {exc}") from exc
    try:
        data = YAML(typ="rt").load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise RulePackError("pack_syntax", f"{where}: ошибка синтаксиса YAML: {exc.problem}") from exc
    if not isinstance(data, dict):
        raise RulePackError("pack_shape", f"{path}:1:1: набор правил должен быть словарём с ключами pack, rules")
    try:
        pack = Pack.model_validate(data)
    except ValidationError as exc:
        lines = []
        for error in exc.errors():
            line, col, where = _position(data, error["loc"])
            lines.append(f"{path}:{line}:{col}: {where or 'pack'}: {_russian(error)}")
        raise RulePackError("pack_invalid", "\n".join(lines)) from exc
    pack.source = str(path)
    seen: dict[str, int] = {}
    for index, rule in enumerate(pack.rules):
        if rule.id in seen:
            line, col, _ = _position(data, ("rules", index, "id"))
            raise RulePackError("pack_duplicate", f"{path}:{line}:{col}: правило {rule.id} уже объявлено выше")
        seen[rule.id] = index
    if pack.extends or pack.overrides:
        _inherit(pack, data, path, _chain)
    return pack


def _russian(error: dict[str, Any]) -> str:
    """pydantic's messages are English; the common ones get a Russian reading."""
    kind, msg = error["type"], error["msg"]
    readings = {
        "missing": "обязательное поле не указано",
        "extra_forbidden": "неизвестное поле (опечатка?)",
        "union_tag_invalid": "неизвестный вид правила (kind); допустимые: "
        + ", ".join(str(error.get("ctx", {}).get("expected_tags", "")).replace("'", "").split(", ")),
        "union_tag_not_found": "не указан вид правила (kind)",
        "literal_error": f"недопустимое значение; ожидается {error.get('ctx', {}).get('expected', '')}",
        "string_pattern_mismatch": "значение не соответствует формату идентификатора",
        "list_type": "ожидается список",
        "dict_type": "ожидается словарь",
        "string_type": "ожидается строка",
        "int_parsing": "ожидается целое число",
        "float_parsing": "ожидается число",
        "too_short": "список не может быть пустым",
        "less_than_equal": f"значение больше допустимого ({error.get('ctx', {}).get('le')})",
        "greater_than_equal": f"значение меньше допустимого ({error.get('ctx', {}).get('ge')})",
    }
    if kind == "value_error":
        return msg.removeprefix("Value error, ")
    return readings.get(kind, msg)


def shipped_pack_paths() -> list[Path]:
    """The shipped packs: rules/*.yaml and each campaign's packs in rules/campaigns/<name>/."""
    campaigns = rules_dir() / "campaigns"
    folders = sorted(p for p in campaigns.iterdir() if p.is_dir()) if campaigns.is_dir() else []
    return [rules_dir(), *folders]


def load_packs(paths: list[Path] | None = None) -> list[Pack]:
    """Every pack in the given files and folders (default: the shipped rules/ and campaign packs)."""
    files: list[Path] = []
    for path in paths or shipped_pack_paths():
        if path.is_dir():
            files.extend(sorted(path.glob("*.yaml")))
        elif path.exists():
            files.append(path)
        else:
            raise RulePackError("pack_not_found", f"{path}: набор правил не найден")
    seen_files: set[Path] = set()
    files = [f for f in files if not (f.resolve() in seen_files or seen_files.add(f.resolve()))]
    packs = [_load_pack_cached(f) for f in files]
    # a pack another pack extends is already inside it (with the overrides): do not run it twice
    bases = {b for p in packs for b in p._bases}
    packs = [p for p in packs if str(Path(p.source).resolve()) not in bases]
    ids: dict[str, str] = {}
    for pack in packs:
        for rule in pack.rules:
            if rule.id in ids:
                raise RulePackError(
                    "pack_duplicate", f"{pack.source}: правило {rule.id} уже объявлено в {ids[rule.id]}"
                )
            ids[rule.id] = pack.source
    return packs


def _load_pack_cached(path: Path) -> Pack:
    """Validating ~100 rules from YAML costs about a second; the validated pack kept as JSON and validated
    again on read costs milliseconds. The cache holds data, never code: a planted or damaged file is at
    worst a pack that fails validation, and then the YAML is loaded as usual. Keyed by the checker's
    version and the file's path, size and mtime. Packs that extend others are not cached (their bases
    may change)."""
    import hashlib
    import json

    from checker import __version__
    from checker.cache import code_fingerprint, default_cache_dir, private_dir

    cached: Path | None = None
    try:
        stat = path.stat()
        anchor = f"{__version__}|{code_fingerprint()}|{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"
        key = hashlib.sha256(anchor.encode()).hexdigest()
        cached = default_cache_dir() / "packs" / f"{key}.json"
        if cached.is_file() and private_dir(cached.parent.parent):
            data = json.loads(cached.read_text(encoding="utf-8"))
            if isinstance(data, dict) and data.get("key") == key:
                pack = Pack.model_validate(data["pack"])
                if pack.source == str(path) and not pack.extends:
                    return pack
    except Exception:  # any problem with the cache means a normal load
        pass
    pack = load_pack(path)
    if cached is not None and not pack._bases and not pack.extends:
        try:
            from checker.outputs import write_atomic

            dumped = pack.model_dump(mode="json", by_alias=True)
            if Pack.model_validate(dumped) == pack and private_dir(cached.parent.parent):
                write_atomic(cached, json.dumps({"key": key, "pack": dumped}, ensure_ascii=False))
        except Exception:
            pass
    return pack


def in_layer(pack: Pack, rule: Any, campaign: str | None) -> bool:
    """Genre and programme rules always run; a campaign's rules only with that campaign; a rule that
    needs a campaign's calendar only when one is chosen."""
    if pack.campaign is not None and pack.campaign != campaign:
        return False
    return not ("campaign" in rule.requires and campaign is None)


def rules_for(packs: list[Pack], doc_type: str, campaign: str | None = None) -> list[tuple[Pack, Any]]:
    """The rules of a document type in the layers that are on, in pack order."""
    selected = []
    for pack in packs:
        for rule in pack.rules:
            if rule.kind == "package" or not in_layer(pack, rule, campaign):
                continue
            types = rule.applies_to or pack.doc_types
            if not types or doc_type in types:
                selected.append((pack, rule))
    return selected


def _mismatch(what: tuple[str, str], wanted: list[str], actual: str | None, name: Any) -> Localized:
    """«Не применяется: …» for a sub-kind or level the rule is not for (or that could not be told)."""
    ru = ", ".join(name(v) for v in wanted)
    en = ", ".join(name(v, "en") for v in wanted)
    if actual is None:
        return Localized(
            ru=f"Не применяется: {what[0]} документа не определён, а требование касается: {ru}.",
            en=f"Not applicable: the document's {what[1]} is unclear; the requirement is for: {en}.",
        )
    return Localized(
        ru=f"Не применяется: {what[0]} документа — «{name(actual)}», а требование касается: {ru}.",
        en=f"Not applicable: the document's {what[1]} is {name(actual, 'en')}; the requirement is for: {en}.",
    )


def not_applying(rule: Any, subkind: str | None, level: str | None) -> Localized | None:
    """Why a selected rule does not apply to this sub-kind or level (None: it applies). Decided here,
    in one place, never inside a rule kind."""
    if rule.subkinds and subkind not in rule.subkinds:
        return _mismatch(("вид", "kind"), rule.subkinds, subkind, subkind_name)
    if rule.levels and level not in rule.levels:
        return _mismatch(("уровень", "level"), rule.levels, level, level_name)
    return None


def package_rules(packs: list[Pack], campaign: str | None = None) -> list[Any]:
    """Folder-level rules of the layers that are on, run after the documents of a folder are checked."""
    return [
        rule
        for pack in packs
        for rule in pack.rules
        if rule.kind == "package" and in_layer(pack, rule, campaign)
    ]
