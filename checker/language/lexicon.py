"""Abbreviations and synonyms of the field, from rules/data/lexicon.yaml (data, not code)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from checker.language.morphology import lemmatize
from checker.language.normalize import normalize
from checker.paths import rules_dir

DEFAULT_LEXICON = rules_dir() / "data" / "lexicon.yaml"


class Lexicon:
    """Groups of equivalent phrases. A phrase that contains one member also matches with every
    other member put in its place (all compared as lemma strings)."""

    def __init__(self, groups: list[list[str]]) -> None:
        self.groups: list[list[str]] = []
        for group in groups:
            lemma_forms = sorted({lemmatize(normalize(p)) for p in group if p.strip()}, key=len, reverse=True)
            if len(lemma_forms) > 1:
                self.groups.append(lemma_forms)

    def expand(self, lemma_phrase: str) -> list[str]:
        """The phrase and its variants with equivalents substituted (one substitution per group)."""
        variants = {lemma_phrase}
        padded = f" {lemma_phrase} "
        for group in self.groups:
            for member in group:
                if f" {member} " in padded:
                    for other in group:
                        if other != member:
                            variants.add(padded.replace(f" {member} ", f" {other} ").strip())
                    break
        return sorted(variants)


@lru_cache(maxsize=8)
def load_lexicon(path: Path = DEFAULT_LEXICON) -> Lexicon:
    if not path.exists():
        return Lexicon([])
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
    return Lexicon([list(map(str, g)) for g in data.get("equivalents", [])])
