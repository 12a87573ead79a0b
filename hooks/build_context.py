"""What every adapter asks of a MkDocs build, in one place (imported by the hooks, not a hook itself).

The i18n plugin builds each language in turn with the same config object,
changing the theme language; these helpers read that state the same way
everywhere.
"""

from curriculum import languages
from curriculum.checked import for_build


def _i18n_config(config):
    i18n = config.plugins.get("i18n")
    return i18n.config if i18n else None


def curriculum_of(config):
    """The validated curriculum, read once per build; raises ContentError.

    Every hook asks on every page of every language. A build's config object
    lives for that build only (`mkdocs serve` loads a new one per rebuild), so
    the answer is kept on it; across builds, load_cached re-reads only after a
    source changed.
    """
    kept = getattr(config, "_osm_curriculum", None)
    if kept is None:
        kept = for_build(config.docs_dir, config.config_file_path, _i18n_config(config))
        config._osm_curriculum = kept
    return kept


def languages_of(config) -> tuple[str, list[str]]:
    """(default language, every language) as the i18n plugin is configured."""
    return languages.languages(languages.from_plugin_config(_i18n_config(config)))


def language_of(config, curriculum) -> str:
    """The language this build is rendering."""
    return config.theme.get("language") or curriculum.default_language


def source_of(page, lang: str) -> str:
    """The default-language source path a page stands for (x.es.md -> x.md)."""
    return page.file.src_uri.replace(f".{lang}.md", ".md")


def building_one_language(config) -> bool:
    """True inside the i18n plugin's nested build of one more language (after the first, full one)."""
    return bool(getattr(config.plugins.get("i18n"), "building", False))


def kept_for_build(config, key, make):
    """make(), computed once per build and kept on its config (one per build, and per save in
    `make serve`), for what every page of every language would otherwise compute again."""
    kept = getattr(config, "_osm_kept", None)
    if kept is None:
        kept = config._osm_kept = {}
    if key not in kept:
        kept[key] = make()
    return kept[key]
