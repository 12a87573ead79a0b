"""The termbase: each glossary term and its agreed rendering in every language (i18n/terms.yml).

The glossary pages (glossary.<lang>.md) explain the terms; this table is
what translators and the checks hold them to. A term a language keeps in
English on purpose has that English word as its rendering, with a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

TABLE = Path(__file__).resolve().parents[2] / "i18n" / "terms.yml"


@dataclass(frozen=True)
class Rendering:
    term: str
    forms: tuple[str, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class Term:
    anchor: str  # the glossary anchor, the same in every language
    english: str
    renderings: dict[str, Rendering] = field(default_factory=dict)

    def accepted(self, lang: str) -> list[str]:
        """What a link to this term may say in lang: the agreed term, its forms, or the English word."""
        rendering = self.renderings.get(lang)
        # "Continuous integration (CI)": the name, and the abbreviation, each stand for the term.
        english = [self.english, *re.split(r"\s*[(),]\s*", self.english)]
        found = english + ([rendering.term, *rendering.forms] if rendering else [])
        return [text for text in found if text]

    def kept_in_english(self, lang: str) -> bool:
        rendering = self.renderings.get(lang)
        if rendering is None:
            return False
        names = {self.english.casefold(), re.sub(r"\s*\([^)]*\)", "", self.english).strip().casefold()}
        return rendering.term.casefold() in names


def parse(data: dict) -> dict[str, Term]:
    terms = {}
    for anchor, entry in (data or {}).items():
        renderings = {}
        for lang, value in entry.items():
            if lang == "en":
                continue
            if isinstance(value, str):
                value = {"term": value}
            renderings[lang] = Rendering(value["term"], tuple(value.get("forms") or ()), value.get("note"))
        terms[anchor] = Term(anchor, entry["en"], renderings)
    return terms


@lru_cache(maxsize=4)
def load(path: Path = TABLE) -> dict[str, Term]:
    return parse(yaml.safe_load(Path(path).read_text(encoding="utf-8")))
