"""MkDocs adapter for the navigation: modules expand to their lessons, sections take their index page's title."""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Section

from build_context import curriculum_of, language_of, source_of
from curriculum import checklists, navigation, print_view
from curriculum.problems import ContentError


@event_priority(90)
def on_config(config):
    try:
        curriculum = curriculum_of(config)
    except ContentError as error:
        raise PluginError(str(error)) from None
    # Each module section ends with its generated pages: the checklist, then the print view.
    extras = {
        m.entry.src: [m.entry.src.rsplit("/", 1)[0] + "/" + checklists.CHECKLIST_NAME, print_view.print_src(m)]
        for m in curriculum.modules
    }
    nav, problems = navigation.expand(list(config.nav or []), curriculum, Path(config.config_file_path).name, extras)
    if problems:
        raise PluginError(str(ContentError(problems)))
    config.nav = nav
    return config


def on_nav(nav, config, files):
    entries = curriculum_of(config).by_src()
    for section in _sections(nav.items):
        index = section.children[0] if section.children else None
        entry = entries.get(getattr(getattr(index, "file", None), "src_uri", None))
        section.title = navigation.section_title(entry.meta if entry else None, section.title)
    return nav


def on_page_context(context, page, config, nav):
    # Material reads the features while it renders this page, right after this event.
    lang = language_of(config, curriculum_of(config))
    config.theme["features"] = navigation.features_for(list(config.theme["features"] or []), source_of(page, lang))
    return context


def _sections(items):
    for item in items:
        if isinstance(item, Section):
            yield item
            yield from _sections(item.children)
