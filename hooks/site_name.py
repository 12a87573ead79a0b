"""MkDocs adapter: each language's site carries its own name (header, page titles, search).

The i18n plugin gives a language's build the `site_name` set on that
language; the names live in i18n/interface.yml (`site.name`) with every
other interface string, so translators find them in one place.
"""

from curriculum import interface


def on_config(config):
    i18n = config.plugins.get("i18n")
    for language in i18n.config.languages if i18n else []:
        if not language.default:
            language["site_name"] = interface.text("site.name", language.locale)
    return config
