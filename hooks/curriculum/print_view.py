"""Step 3d (enrich): one printable page per module, with all its lessons and its checklist.

A mentor can hand out paper or save a PDF from the browser. Each lesson's
anchors get the lesson id as a prefix, so the sections of different lessons
stay distinct on one page; mentor notes print open.

The lessons go in as the HTML their own pages were rendered to (hooks/print_views.py),
not as Markdown rendered a second time: that second rendering of the whole
curriculum was a sixth of the build. A print view sits in its module's folder,
so a lesson's relative links mean the same there.
"""

from __future__ import annotations

import re

from . import checklist_pages, interface
from .checklist_pages import LESSON_ANCHOR
from .checklists import Item, ModuleInfo
from .model import PRINT_IN_MODULE, Curriculum, Module

ANCHOR = re.compile(r"\{#([a-z0-9-]+)\}")
SAME_PAGE_LINK = re.compile(r"\]\(#([a-z0-9-]+)\)")
HEADING = re.compile(r"^(\s*)(#{2,5}) ", re.M)
COLLAPSED = re.compile(r"^(\s*)\?\?\? ", re.M)


def print_src(module: Module) -> str:
    return f"{module.folder}/{PRINT_IN_MODULE}"


def lesson_section(body: str, lesson_id: str) -> str:
    """A lesson body ready to sit inside the module page: headings one level down, anchors made unique."""
    body = ANCHOR.sub(lambda m: f"{{#{lesson_id}--{m.group(1)}}}", body)
    body = SAME_PAGE_LINK.sub(lambda m: f"](#{lesson_id}--{m.group(1)})", body)
    body = HEADING.sub(lambda m: f"{m.group(1)}#{m.group(2)} ", body)
    return COLLAPSED.sub(lambda m: f"{m.group(1)}???+ ", body)


# Where a lesson's HTML goes; until then (or if it never comes) a link to the lesson stands there.
PLACEHOLDER = re.compile(r'<div class="osm-print-body" data-print-lesson="([^"]+)">.*?</div>', re.DOTALL)
HTML_ID = re.compile(r'\bid="([^"]+)"')
HTML_SAME_PAGE_LINK = re.compile(r'\bhref="#([^"]+)"')
HTML_HEADING = re.compile(r"<(/?)h([2-5])\b")
HTML_CLOSED_DETAILS = re.compile(r"<details(?![^>]*\bopen\b)")


def lesson_html(html: str, lesson_id: str) -> str:
    """A lesson page's content ready for the module page, as lesson_section() does for Markdown.

    The lesson's own "Before you move on" list is left out: the module checklist closes the page."""
    end = html.find(f'<h2 id="{LESSON_ANCHOR}"')
    html = html if end < 0 else html[:end]
    html = HTML_ID.sub(lambda m: f'id="{lesson_id}--{m.group(1)}"', html)
    html = HTML_SAME_PAGE_LINK.sub(lambda m: f'href="#{lesson_id}--{m.group(1)}"', html)
    html = HTML_HEADING.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", html)
    return HTML_CLOSED_DETAILS.sub("<details open", html)


def fill(content: str, lessons: dict[str, tuple[str, str]]) -> str:
    """The print page's content with each placeholder replaced; lessons: src -> (lesson id, its HTML)."""

    def lesson(match: re.Match) -> str:
        found = lessons.get(match.group(1))
        return lesson_html(found[1], found[0]) if found else match.group(0)

    return PLACEHOLDER.sub(lesson, content)


def render(
    curriculum: Curriculum, module: Module, info: ModuleInfo, items: list[Item], lang: str, directory_urls: bool = True
) -> str:
    shown_module = curriculum.translation_of(module.entry, lang) or module.entry
    title = interface.text("print.title", lang, module=info.title)
    out = [
        "---",
        f'title: "{title}"',
        f'description: "{interface.text("print.description", lang, module=info.title)}"',
        # Search finds each lesson on its own page; the print view would only repeat it.
        "search:",
        "  exclude: true",
        "---",
        "",
        f'<div class="osm-print-note" markdown>{interface.text("print.how", lang)}</div>',
        "",
        f"## {info.title} {{#module}}",
        "",
        lesson_section(shown_module.source.body, "module"),
    ]
    page = print_src(module)
    for lesson in module.lessons:
        shown = curriculum.translation_of(lesson, lang) or lesson
        lesson_id = lesson.meta["id"]
        out += [
            "",
            '<div class="osm-print-lesson" markdown>',
            "",
            f"## {shown.meta.get('title', lesson_id)} {{#{lesson_id}}}",
            "",
            f'<div class="osm-print-body" data-print-lesson="{lesson.src}" markdown>',
            "",
            f"[{shown.meta.get('title', lesson_id)}]({lesson.src.rsplit('/', 1)[1]})",
            "",
            "</div>",
            "",
            "</div>",
        ]
    out += [
        "",
        f"## {interface.text('checklist.module_title', lang, module=info.title)} {{#checklist}}",
        "",
        checklist_pages.item_list(items, page, lang, directory_urls=directory_urls),
    ]
    return "\n".join(out) + "\n"
