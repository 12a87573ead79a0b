"""Step 3c (enrich): the checklist pages and the lesson checklist, as Markdown.

Markdown rather than HTML so that MkDocs resolves and checks every link to a
lesson like any other link, and each language gets its own URLs. Every box
is a real checkbox with the item id, so progress follows the id, not the
position or the wording.
"""

from __future__ import annotations

import html
import json
import posixpath
import re

from . import interface
from .checklists import (
    DPG_INDICATORS,
    DPG_READINESS,
    PROGRAMME_CHECKLIST,
    Item,
    ModuleInfo,
    by_indicator,
    by_lesson,
    by_module,
    by_quarter,
)
from .redirects import relative_to_page, source_url

LESSON_ANCHOR = "before-you-move-on"
# A task's text is plain text; `code` is the one piece of Markdown it keeps (a label, a file name).
CODE_SPAN = re.compile(r"`([^`]+)`")


def link_between(from_src: str, to_src: str, anchor: str | None = None) -> str:
    path = posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")
    return f"{path}#{anchor}" if anchor else path


def front_matter(title: str, description: str) -> str:
    # JSON strings are valid YAML scalars, and safe for any title a translator writes.
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\ndescription: {json.dumps(description, ensure_ascii=False)}\n---\n"


def href_between(from_src: str, to_src: str, anchor: str | None, directory_urls: bool) -> str:
    """The address MkDocs writes for a Markdown link from one source to another, in the same language."""
    href = relative_to_page(source_url(to_src, directory_urls), source_url(from_src, directory_urls))
    return f"{href}#{anchor}" if anchor else href


def item_line(
    item: Item,
    page_src: str,
    lang: str,
    *,
    on_lesson: bool = False,
    dpg_shown: tuple = (),
    directory_urls: bool = True,
    team_view: bool = False,
) -> str:
    # team_view: a box the mentor's view ticks for a team (team_page.py), never the reader's own tick.
    box = (
        f'<input type="checkbox" disabled data-team-item="{item.id}">'
        if team_view
        else f'<input type="checkbox" data-checklist-item="{item.id}">'
    )
    text = CODE_SPAN.sub(r"<code>\1</code>", html.escape(item.text, quote=False))
    parts = [f'<li><label class="osm-task">{box} {text}</label>']
    if on_lesson:
        if item.section:
            title = html.escape(item.lesson_title)
            learn = html.escape(interface.text("checklist.learn_in", lang), quote=False)
            parts.append(f'<a href="#{item.section}" data-title="{title}">{learn}</a>')
    else:
        href = href_between(page_src, item.lesson_src, item.section, directory_urls)
        parts.append(f'<a href="{html.escape(href)}">{html.escape(item.lesson_title, quote=False)}</a>')
    indicators = dpg_shown or item.dpg
    if indicators:
        label = interface.text("checklist.dpg_badge", lang)
        numbers = ", ".join(str(n) for n in indicators)
        parts.append(f'<span class="osm-dpg" title="{label} {numbers}">DPG {numbers}</span>')
    return " ".join(parts) + "</li>"


def item_list(items: list[Item], page_src: str, lang: str, **options) -> str:
    """A raw HTML block, not Markdown: the lists of every task are a tenth of the build's Markdown
    work otherwise. Links are written as MkDocs writes them, and the build's link check reads them."""
    lines = "\n".join(item_line(item, page_src, lang, **options) for item in items)
    return f'<div class="osm-checklist">\n<ul>\n{lines}\n</ul>\n</div>\n'


def progress(items: list[Item], lang: str, label: str) -> str:
    ids = " ".join(dict.fromkeys(item.id for item in items))
    total = len(ids.split()) if ids else 0
    shown = interface.text("checklist.progress", lang, done=0, total=total)
    return (
        f'<div class="osm-progress" data-checklist-progress="{ids}">'
        f'<progress max="{total}" value="0" aria-label="{html.escape(label)}"></progress> '
        f"<span data-checklist-progress-text>{shown}</span></div>\n"
    )


def tools(lang: str) -> str:
    """Buttons that need JavaScript stay hidden until the script shows them."""

    def button(action: str, key: str) -> str:
        return (
            f'<button type="button" class="md-button" data-checklist-action="{action}">'
            f"{interface.text(key, lang)}</button>"
        )

    return (
        '<div class="osm-checklist-tools" data-checklist-tools hidden>'
        + button("copy", "checklist.copy")
        + button("export", "checklist.export")
        + button("import", "checklist.import")
        + '<input type="file" accept=".json,application/json" data-checklist-import hidden>'
        + '<p class="osm-checklist-status" role="status" aria-live="polite" data-checklist-status></p>'
        + "</div>\n"
    )


def lesson_block(items: list[Item], lesson_src: str, module: ModuleInfo, lang: str, directory_urls: bool = True) -> str:
    """The "Before you move on" section appended to a lesson."""
    if not items:
        return ""
    heading = interface.text("checklist.lesson_heading", lang)
    see_all = interface.text("checklist.see_all", lang)
    return "\n".join(
        [
            f"\n## {heading} {{#{LESSON_ANCHOR}}}\n",
            item_list(items, lesson_src, lang, on_lesson=True, directory_urls=directory_urls),
            progress(items, lang, heading),
            tools(lang),
            f"[{see_all}]({link_between(lesson_src, module.checklist_src)})\n",
        ]
    )


def module_page(module: ModuleInfo, items: list[Item], lang: str, directory_urls: bool = True) -> str:
    page = module.checklist_src
    title = interface.text("checklist.module_title", lang, module=module.title)
    out = [
        front_matter(title, interface.text("checklist.module_description", lang, module=module.title)),
        interface.text("checklist.module_intro", lang) + "\n",
        progress(items, lang, title),
        tools(lang),
    ]
    for lesson_id, lesson_items in by_lesson(items):
        first = lesson_items[0]
        out.append(
            f"## [{html.escape(first.lesson_title, quote=False)}]({link_between(page, first.lesson_src)}) {{#{lesson_id}}}\n"
        )
        out.append(item_list(lesson_items, page, lang, directory_urls=directory_urls))
    return "\n".join(out)


def programme_page(items: list[Item], module_infos: list[ModuleInfo], lang: str, directory_urls: bool = True) -> str:
    page = PROGRAMME_CHECKLIST
    title = interface.text("checklist.programme_title", lang)
    grouped = by_module(items)
    out = [
        front_matter(title, interface.text("checklist.programme_description", lang)),
        interface.text("checklist.programme_intro", lang) + "\n",
        progress(items, lang, interface.text("checklist.overall", lang)),
        tools(lang),
    ]
    names = interface.text("checklist.quarter_names", lang)
    for quarter, infos in by_quarter(items, module_infos).items():
        if not infos:
            continue
        out.append(
            f"## {interface.text('checklist.quarter', lang, number=quarter, name=names[quarter - 1])} {{#q{quarter}}}\n"
        )
        for info in infos:
            heading = interface.text("checklist.module_heading", lang, number=info.number, title=info.title)
            months = interface.text("checklist.months", lang, first=info.first_month, last=info.last_month)
            out.append(
                f"### [{html.escape(heading, quote=False)}]({link_between(page, info.checklist_src)}) {{#module-{info.number}}}\n"
            )
            out.append(f"{months}\n")
            out.append(progress(grouped[info.number], lang, heading))
            out.append(item_list(grouped[info.number], page, lang, directory_urls=directory_urls))
    return "\n".join(out)


def dpg_page(items: list[Item], lang: str, directory_urls: bool = True) -> str:
    """Each item listed once, under its first indicator; every indicator's bar counts all its items."""
    page = DPG_READINESS
    title = interface.text("checklist.dpg_title", lang)
    counted, untied = by_indicator(items)
    names = interface.text("checklist.dpg_names", lang)
    out = [
        front_matter(title, interface.text("checklist.dpg_description", lang)),
        interface.text("checklist.dpg_intro", lang) + "\n",
        tools(lang),
    ]
    for number in DPG_INDICATORS:
        heading = interface.text("checklist.dpg_indicator", lang, number=number, name=names[number - 1])
        out.append(f"## {html.escape(heading, quote=False)} {{#dpg-{number}}}\n")
        listed_here = [item for item in counted[number] if item.dpg[0] == number]
        if not counted[number]:
            out.append(interface.text("checklist.no_tasks", lang) + "\n")
            continue
        out.append(progress(counted[number], lang, heading))
        if listed_here:
            out.append(item_list(listed_here, page, lang, directory_urls=directory_urls))
        also = [item for item in counted[number] if item.dpg[0] != number]
        if also:
            links = ", ".join(f"[{html.escape(i.text, quote=False)}](#dpg-{i.dpg[0]})" for i in also)
            out.append(f'<p class="osm-dpg-also" markdown>+ {links}</p>\n')
    if untied:
        out.append(f"## {interface.text('checklist.dpg_none', lang)} {{#dpg-none}}\n")
        out.append(item_list(untied, page, lang, directory_urls=directory_urls))
    return "\n".join(out)
