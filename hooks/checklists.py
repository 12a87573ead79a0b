"""MkDocs adapter for checklists: each lesson's own list, and the script and strings on pages with boxes.

The module, programme and DPG checklist pages themselves are generated
pages (hooks/generated_pages.py).
"""

from build_context import curriculum_of, kept_for_build, language_of, source_of
from curriculum import checklist_pages, checklists, interface, numbers, print_view, team_page


def _items(config, curriculum, lang: str) -> list:
    """Every item in lang, collected once per build and language, not once per page."""
    return kept_for_build(config, ("checklist items", lang), lambda: checklists.collect(curriculum, lang))


def on_page_markdown(markdown, page, config, files):
    curriculum = curriculum_of(config)
    lang = language_of(config, curriculum)
    src = source_of(page, lang)
    infos = checklists.modules(curriculum, lang)
    checklist_pages_here = {m.checklist_src for m in infos} | {checklists.PROGRAMME_CHECKLIST, checklists.DPG_READINESS}
    checklist_pages_here |= {print_view.print_src(m) for m in curriculum.modules}
    # The browser formats counts itself, so it needs the language's digits too.
    strings = checklists.script_strings(interface.table_for(lang, "checklist."), numbers.system(lang))
    numbered = curriculum.numbered_items
    if src == team_page.PAGE:
        items = _items(config, curriculum, lang)
        page.meta["team_data"] = team_page.script_data(lang, numbered, team_page.sections(items, infos, lang))
        return markdown
    if src in checklist_pages_here:
        page.meta["checklist_strings"] = strings
        # Print views have no "Share with your mentor".
        if numbered and src in checklist_pages_here - {print_view.print_src(m) for m in curriculum.modules}:
            page.meta["team_data"] = team_page.script_data(lang, numbered)
        return markdown
    lesson = next((e for e in curriculum.lessons() if e.src == src), None)
    if lesson is None:
        return markdown
    items = [i for i in _items(config, curriculum, lang) if i.lesson_src == src]
    module = next(m for m in infos if m.checklist_src.startswith(lesson.module_folder + "/"))
    page.meta["checklist_strings"] = strings
    return markdown + checklist_pages.lesson_block(items, src, module, lang, config.use_directory_urls)
