"""MkDocs adapter that injects the generated pages (hooks/curriculum/generated.py).

The pages are added as files before the i18n plugin sorts files into
languages, so each language gets them at its own URL; their Markdown is
produced just before MkDocs reads each page, in that build's language.
"""

import os

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from build_context import curriculum_of, kept_for_build, language_of, languages_of, source_of
from curriculum import generated, offline_page


def _registry(config):
    """(generated page src -> its Markdown in a language, this build's language); made once per build."""
    curriculum = curriculum_of(config)

    def make():
        _, codes = languages_of(config)
        bundles = offline_page.read_bundles(os.environ.get(offline_page.BUNDLES_ENV))
        in_bundle = bool(config.extra.get("offline_bundle"))
        return generated.pages(curriculum, codes, config.docs_dir, bundles, in_bundle, config.use_directory_urls)

    return kept_for_build(config, "generated pages", make), language_of(config, curriculum)


@event_priority(50)
def on_files(files, config):
    registry, _ = _registry(config)
    for src in registry:
        if files.get_file_from_path(src) is None:
            files.append(File(src, config.docs_dir, config.site_dir, config.use_directory_urls))
    return files


def on_pre_page(page, config, files):
    registry, lang = _registry(config)
    src = source_of(page, lang)
    if src in registry:
        page.file.content_string = registry[src](lang)
    return page
