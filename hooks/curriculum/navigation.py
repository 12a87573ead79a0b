"""Step 3a of the pipeline (enrich): the navigation, built from the content model.

mkdocs.yml names each module once, by its index.md; the lessons under it are
filled in from their `order`, so adding a lesson never means editing nav.
"""

from __future__ import annotations

from .model import Curriculum
from .problems import Problem


def expand(
    nav: list,
    curriculum: Curriculum,
    config_path: str = "mkdocs.yml",
    module_extras: dict[str, list[str]] | None = None,
) -> tuple[list, list[Problem]]:
    """Replace each module index in nav with a section of the module's lessons, in order.

    module_extras: pages the build generates for a module (its checklist), listed after its lessons.
    """
    modules = {m.entry.src: m for m in curriculum.modules}
    expanded, listed = [], set()
    for item in nav:
        if isinstance(item, str) and item in modules:
            module = modules[item]
            listed.add(item)
            children = [module.entry.src] + [lesson.src for lesson in module.lessons]
            children += (module_extras or {}).get(item, [])
            listed.update(children)
            expanded.append({module.title: children})
        else:
            expanded.append(item)
            listed.update(_files_in(item))
    problems = []
    for entry in curriculum.sources():
        if entry.src not in listed:
            where = "its module's index.md" if entry.kind == "lesson" else entry.src
            problems.append(
                Problem(
                    entry.source.path,
                    1,
                    "nav",
                    (f"this page is not in the navigation; add {where} to `nav` in {config_path}"),
                )
            )
    return expanded, problems


def _files_in(item) -> list[str]:
    if isinstance(item, str):
        return [item]
    if isinstance(item, dict):
        return [f for value in item.values() for f in _files_in(value)]
    if isinstance(item, list):
        return [f for value in item for f in _files_in(value)]
    return []


def section_title(index_meta: dict | None, current: str) -> str:
    """A section takes the (translated) title of its index page, so no title is written twice."""
    if index_meta and isinstance(index_meta.get("title"), str):
        return index_meta["title"]
    return current
