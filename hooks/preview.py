"""MkDocs adapter for `make serve LANG=fa`: the live preview builds one reading language.

Rebuilding seven languages on every save takes a minute; a contributor
previews the language they write in (and the default language, which the
i18n plugin always needs). The preview also leaves out the search index, a
sixth of each rebuild that no one reads while writing. scripts/build never
sets OSM_PREVIEW_LANG.
"""

import os

from mkdocs.exceptions import PluginError

from curriculum import languages

PREVIEW = "OSM_PREVIEW_LANG"


def on_config(config):
    wanted = os.environ.get(PREVIEW)
    i18n = config.plugins.get("i18n")
    if not wanted or i18n is None:
        return config
    try:
        built = languages.preview_languages(languages.from_plugin_config(i18n.config), wanted)
    except ValueError as error:
        raise PluginError(f"{PREVIEW}: {error}") from None
    # Before the i18n plugin reads these flags (its on_config runs last, at priority -100).
    for language in i18n.config.languages:
        language.build = language.locale in built
    return config


def on_page_markdown(markdown, page, config, files):
    if os.environ.get(PREVIEW):
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return markdown
