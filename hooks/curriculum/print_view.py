"""Step 3d (enrich): one printable page per module, with all its lessons and its checklist.

A mentor can hand out paper or save a PDF from the browser. Each lesson's
anchors get the lesson id as a prefix, so the sections of different lessons
stay distinct on one page; mentor notes print open.
"""

from __future__ import annotations

import re

from . import checklist_pages, interface
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


def render(curriculum: Curriculum, module: Module, info: ModuleInfo, items: list[Item], lang: str) -> str:
    shown_module = curriculum.translation_of(module.entry, lang) or module.entry
    title = interface.text("print.title", lang, module=info.title)
    out = [
        "---",
        f'title: "{title}"',
        f'description: "{interface.text("print.description", lang, module=info.title)}"',
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
            lesson_section(shown.source.body, lesson_id),
            "",
            "</div>",
        ]
    out += [
        "",
        f"## {interface.text('checklist.module_title', lang, module=info.title)} {{#checklist}}",
        "",
        checklist_pages.item_list(items, page, lang),
    ]
    return "\n".join(out) + "\n"
