"""MkDocs adapter for the checklists: generated pages, each lesson's own list, the script that keeps progress.

The module, programme and DPG pages are virtual: they are added as files
before the i18n plugin sorts files into languages (so every language gets
them at its own URL), and their Markdown is produced just before MkDocs
reads each page, in that build's language.
"""

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from curriculum import checklist_pages, checklists, interface
from curriculum.checked import for_build


def _state(config):
    i18n = config.plugins.get("i18n")
    curriculum = for_build(config.docs_dir, config.config_file_path, i18n.config if i18n else None)
    lang = config.theme.get("language") or curriculum.default_language
    return curriculum, lang


def virtual_pages(curriculum) -> list[str]:
    modules = checklists.modules(curriculum, curriculum.default_language)
    return [m.checklist_src for m in modules] + [checklists.PROGRAMME_CHECKLIST, checklists.DPG_READINESS]


@event_priority(50)
def on_files(files, config):
    curriculum, _ = _state(config)
    for src in virtual_pages(curriculum):
        if files.get_file_from_path(src) is None:
            files.append(File(src, config.docs_dir, config.site_dir, config.use_directory_urls))
    return files


def _normalised(src_uri: str, lang: str) -> str:
    return src_uri.replace(f".{lang}.md", ".md")


def on_pre_page(page, config, files):
    curriculum, lang = _state(config)
    src = _normalised(page.file.src_uri, lang)
    if src not in virtual_pages(curriculum):
        return page
    items = checklists.collect(curriculum, lang)
    infos = checklists.modules(curriculum, lang)
    if src == checklists.PROGRAMME_CHECKLIST:
        markdown = checklist_pages.programme_page(items, infos, lang)
    elif src == checklists.DPG_READINESS:
        markdown = checklist_pages.dpg_page(items, lang)
    else:
        module = next(m for m in infos if m.checklist_src == src)
        markdown = checklist_pages.module_page(module, checklists.by_module(items).get(module.number, []), lang)
    page.file.content_string = markdown
    return page


def on_page_markdown(markdown, page, config, files):
    curriculum, lang = _state(config)
    src = _normalised(page.file.src_uri, lang)
    if src in virtual_pages(curriculum):
        page.meta["checklist_strings"] = interface.table_for(lang, "checklist.")
        return markdown
    lesson = next((e for e in curriculum.lessons() if e.src == src), None)
    if lesson is None:
        return markdown
    items = [i for i in checklists.collect(curriculum, lang) if i.lesson_src == src]
    module = next(m for m in checklists.modules(curriculum, lang) if m.checklist_src.startswith(lesson.module_folder + "/"))
    page.meta["checklist_strings"] = interface.table_for(lang, "checklist.")
    return markdown + checklist_pages.lesson_block(items, src, module, lang)
