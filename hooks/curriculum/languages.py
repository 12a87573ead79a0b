"""Which languages the site is built in, read from the i18n plugin's settings in mkdocs.yml.

scripts/validate runs without MkDocs (in a pre-commit hook), so it reads the
same settings the build uses instead of keeping a second list.
"""

from __future__ import annotations

from pathlib import Path

import yaml


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may hold MkDocs-specific tags (!ENV, !!python/name); they do not matter here."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def i18n_settings(plugins) -> dict:
    for plugin in plugins or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"] or {}
    return {}


def languages(settings: dict) -> tuple[str, list[str]]:
    """(default language, all languages in menu order) from i18n plugin settings."""
    codes, default = [], None
    for language in settings.get("languages", []):
        codes.append(language["locale"])
        if language.get("default"):
            default = language["locale"]
    if not codes:
        return "en", ["en"]
    return default or codes[0], codes


def read_mkdocs_yml(path: Path) -> dict:
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}


def from_plugin_config(i18n_config) -> dict:
    """The i18n plugin's settings as plain data (its config objects behave like mappings)."""
    return {"languages": [dict(lang) for lang in i18n_config["languages"]]} if i18n_config else {}


def preview_languages(settings: dict, wanted: str) -> list[str]:
    """The languages a live preview of `wanted` builds: that one and the default.

    The i18n plugin cannot build without the default language, whose pages are
    every other language's fallback. Raises ValueError for an unknown code.
    """
    default, codes = languages(settings)
    if wanted not in codes:
        raise ValueError(f"no language {wanted!r} to preview; choose one of {', '.join(codes)}")
    return [code for code in codes if code in (default, wanted)]
