"""Rule packs: YAML files loaded with ruamel.yaml (keeping line numbers) and validated by pydantic.

A mistake in a pack is reported as `file:line:column: where: what is wrong`."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from checker.engine.kinds import AnyRule
from checker.engine.rule import Localized
from checker.errors import RulePackError
from checker.paths import DOC_TYPES, rules_dir


class Pack(BaseModel):
    model_config = ConfigDict(extra="forbid")
    pack: str = Field(pattern=r"^[a-z0-9_-]+$")
    title: Localized
    description: Localized | None = None
    doc_types: list[str] = Field(default_factory=list, description="types the pack's rules apply to; [] = all")
    rules: list[AnyRule] = Field(default_factory=list)
    source: str = ""

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
        elif isinstance(key, str) and isinstance(node, dict) and not path.endswith(key):
            # a missing key: name it, keep the position of its parent
            path += f".{key}" if path else key
            node = None
        # other loc parts (union tags, validator names) do not exist in the YAML
    return line, col, path


def load_pack(path: Path) -> Pack:
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


def load_packs(paths: list[Path] | None = None) -> list[Pack]:
    """Every pack in the given files and folders (default: the shipped rules/)."""
    files: list[Path] = []
    for path in paths or [rules_dir()]:
        if path.is_dir():
            files.extend(sorted(path.glob("*.yaml")))
        elif path.exists():
            files.append(path)
        else:
            raise RulePackError("pack_not_found", f"{path}: набор правил не найден")
    packs = [load_pack(f) for f in files]
    ids: dict[str, str] = {}
    for pack in packs:
        for rule in pack.rules:
            if rule.id in ids:
                raise RulePackError(
                    "pack_duplicate", f"{pack.source}: правило {rule.id} уже объявлено в {ids[rule.id]}"
                )
            ids[rule.id] = pack.source
    return packs


def rules_for(packs: list[Pack], doc_type: str) -> list[tuple[Pack, Any]]:
    """The rules that apply to a document type, in pack order."""
    selected = []
    for pack in packs:
        for rule in pack.rules:
            types = rule.applies_to or pack.doc_types
            if not types or doc_type in types:
                selected.append((pack, rule))
    return selected
