"""MkDocs adapter: each module's print view gets its lessons as their pages were rendered (curriculum/print_view.py).

MkDocs converts every page's Markdown before it renders any template, so by
the time a print view is put into its template, each lesson of its module has
its HTML. The i18n plugin builds the languages one after another with the
same config, so the lessons are kept by language.
"""

from mkdocs.plugins import event_priority

from build_context import curriculum_of, kept_for_build, language_of, source_of
from curriculum import print_view


def _kept(config) -> dict:
    """(language, lesson src) -> (lesson id, its rendered HTML), for this build."""
    return kept_for_build(config, "lesson html", dict)


@event_priority(-100)  # after every other hook has had its say on the lesson's content
def on_page_content(html, page, config, files):
    curriculum = curriculum_of(config)
    lang = language_of(config, curriculum)
    lesson = next((e for e in curriculum.lessons() if e.src == source_of(page, lang)), None)
    if lesson is not None:
        _kept(config)[(lang, lesson.src)] = (lesson.meta["id"], html)
    return html


def on_page_context(context, page, config, nav):
    curriculum = curriculum_of(config)
    lang = language_of(config, curriculum)
    if source_of(page, lang) in {print_view.print_src(m) for m in curriculum.modules}:
        lessons = {src: value for (kept_lang, src), value in _kept(config).items() if kept_lang == lang}
        page.content = print_view.fill(page.content, lessons)
    return context
