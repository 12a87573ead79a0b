"""The site's own interface text, from the one table in i18n/interface.yml.

Every string a reader sees that is not content (buttons, notices, generated
headings) comes from here, so a translator finds all of it in one file.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

TABLE = Path(__file__).resolve().parents[2] / "i18n" / "interface.yml"
FALLBACK = "en"


@lru_cache(maxsize=2)
def load(path: Path = TABLE) -> dict:
    # libyaml's loader (in PyYAML's wheels) reads the table ten times faster; same safe subset.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=loader)


def text(key: str, lang: str, **values):
    """The string for key in lang (English when not yet translated), with {placeholders} filled.

    Numbers among the values are written in lang's digits, as the browser writes them.
    """
    from . import numbers  # imported here: the status commands need no Babel

    entry = load()[key]
    value = entry.get(lang, entry[FALLBACK])
    shown = {
        name: numbers.number(v, lang) if isinstance(v, (int, float)) and not isinstance(v, bool) else v
        for name, v in values.items()
    }
    return value.format(**shown) if values and isinstance(value, str) else value


def table_for(lang: str, prefix: str) -> dict:
    """All strings under a prefix in one language, for handing to the browser (a copy: change it freely)."""
    return dict(_table(lang, prefix))


@lru_cache(maxsize=64)
def _table(lang: str, prefix: str) -> dict:
    # Asked for on every page of the language; the table is read once per process anyway (load()).
    return {key[len(prefix) :]: text(key, lang) for key in load() if key.startswith(prefix)}
