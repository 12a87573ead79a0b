"""MkDocs adapter for reading offline (hooks/curriculum/offline_page.py, service_worker.py, offline_bundle.py).

The hosted site gets a web app manifest, the service worker and the save
control on module pages. The offline copy (mkdocs.offline.yml sets
extra.offline_bundle) holds one language, so it drops what would lead out of
it: the language menu and the copy-link buttons, whose short links only
make sense on the hosted site.
"""

from build_context import curriculum_of, language_of, source_of
from curriculum import offline_page, redirects, service_worker


def _in_bundle(config) -> bool:
    return bool(config.extra.get("offline_bundle"))


def on_page_markdown(markdown, page, config, files):
    if _in_bundle(config):
        return markdown
    curriculum = curriculum_of(config)
    lang = language_of(config, curriculum)
    src = source_of(page, lang)
    folder = offline_page.module_of_index(src)
    if folder:
        page.meta["offline_strings"] = offline_page.strings(lang)
        return offline_page.save_control(folder, lang, page.meta.get("title") or page.title) + "\n" + markdown
    if src == offline_page.PAGE:
        page.meta["offline_strings"] = offline_page.strings(lang)
    return markdown


def on_page_context(context, page, config, nav):
    if _in_bundle(config):
        # The i18n plugin sets it per page as an attribute, which is what the templates read.
        config.extra.alternate = []
        page.meta.pop("short_link", None)
        return context
    curriculum = curriculum_of(config)
    lang = language_of(config, curriculum)
    prefix = "" if lang == curriculum.default_language else f"{lang}/"
    page.meta["manifest"] = redirects.relative_to_page(prefix + service_worker.MANIFEST, page.url)
    page.meta["service_worker"] = redirects.relative_to_page(service_worker.WORKER, page.url)
    return context
