"""Step 3a of the pipeline (enrich): the navigation, built from the content model.

mkdocs.yml names each module once, by its index.md; the lessons under it are
filled in from their `order`, so adding a lesson never means editing nav.
"""

from __future__ import annotations

import re

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


# Material's own pruning: inactive sections become one link to their index page.
PRUNE = "navigation.prune"
MODULE_INDEX = re.compile(r"^\d{2}-[a-z0-9-]+/index\.md$")


def shows_full_map(source_src: str) -> bool:
    """Only the home page and the module pages list every lesson of every module.

    Elsewhere a page lists its own module's lessons and the other modules: the
    full map is most of a lesson's HTML, paid for again on every page a reader opens.
    """
    return source_src == "index.md" or bool(MODULE_INDEX.match(source_src))


def features_for(features: list[str], source_src: str) -> list[str]:
    """The theme features to render one page with."""
    others = [f for f in features if f != PRUNE]
    return others if shows_full_map(source_src) else [*others, PRUNE]
