"""MkDocs adapter that writes the redirect pages of hooks/curriculum/redirects.py for each language's build."""

from pathlib import Path

from mkdocs.plugins import event_priority

from build_context import curriculum_of, language_of, source_of
from curriculum import interface, redirects

_urls: dict[str, str] = {}


@event_priority(-200)  # after the i18n plugin has given each file its language's URL
def on_files(files, config):
    _urls.clear()
    for file in files.documentation_pages():
        _urls[getattr(file, "norm_src_uri", file.src_uri)] = file.url
    return files


def on_post_build(config):
    curriculum = curriculum_of(config)
    lang = language_of(config, curriculum)
    prefix = "" if lang == curriculum.default_language else lang
    entries = curriculum.by_src()
    for path, (target, src) in redirects.redirects(curriculum, _urls, config.use_directory_urls, prefix).items():
        out = Path(config.site_dir) / path
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(redirects.render(target, curriculum.title_in(entries[src], lang), lang), encoding="utf-8")


def on_page_markdown(markdown, page, config, files):
    """Lessons name their short link, for the copy-link buttons."""
    curriculum = curriculum_of(config)
    lang = language_of(config, curriculum)
    src = source_of(page, lang)
    lesson = next((e for e in curriculum.lessons() if e.src == src), None)
    if lesson is not None:
        prefix = "" if lang == curriculum.default_language else lang
        page.meta["short_link"] = redirects.relative_to_page(
            redirects.short_link(lesson.meta["id"], prefix, config.use_directory_urls), page.url
        )
        page.meta["link_strings"] = interface.table_for(lang, "links.")
    return markdown
