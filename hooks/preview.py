"""MkDocs adapter for `make serve LANG=fa`: the live preview builds one reading language.

Rebuilding seven languages on every save takes a minute; a contributor
previews the language they write in. The i18n plugin always builds the
default language too, so when another language is previewed the default
language's pages are only placeholders that point to the previewed page:
half the work of every save. The preview also leaves out the search index,
a sixth of each rebuild that no one reads while writing. scripts/build
never sets OSM_PREVIEW_LANG.
"""

import html
import os

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from build_context import curriculum_of, language_of
from curriculum import languages, redirects

PREVIEW = "OSM_PREVIEW_LANG"
PLACEHOLDER_TEMPLATE = "preview-placeholder.html"  # in overrides/


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


@event_priority(-100)  # last, so no other hook adds to a placeholder
def on_page_markdown(markdown, page, config, files):
    wanted = os.environ.get(PREVIEW)
    if not wanted:
        return markdown
    page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    if language_of(config, curriculum_of(config)) == wanted:
        return markdown
    page.meta["template"] = PLACEHOLDER_TEMPLATE
    # Raw HTML: MkDocs checks Markdown links, and this one leads to another language's build.
    href = html.escape(redirects.relative_to_page(f"{wanted}/{page.url}", page.url))
    return (
        f"# {html.escape(page.title or page.file.src_uri)}\n\n"
        f'This preview builds only "{wanted}": <a href="{href}">open this page in "{wanted}"</a>.\n'
    )


# MkDocs looks for saved files every half second and then waits a tenth of a second more: on
# average a third of a second of every save, before any building. Looking ten times a second
# lists docs/ (some 700 files) that often, which costs a core about one percent.
POLL_SECONDS = 0.1
SETTLE_SECONDS = 0.05  # an editor's several writes of one save still make one rebuild


def on_serve(server, config, builder):
    server.build_delay = SETTLE_SECONDS
    for emitter in server.observer.emitters:
        emitter._timeout = POLL_SECONDS  # watchdog (pinned) has no public setter for it
    return server
