"""The pages the build writes itself: which they are, and their Markdown in a given language.

One registry for every generated page (checklists, translation status), so
the MkDocs adapter that injects them stays the same when a page is added.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from . import checklist_pages, checklists, offline_page, print_view, status_page, team_page, translation
from .model import GENERATED_AT_TOP, Curriculum


def pages(
    curriculum: Curriculum,
    languages: list[str],
    docs_dir: Path | None = None,
    bundles: list[offline_page.BundleEntry] | None = None,
    in_bundle: bool = False,
    directory_urls: bool = True,
) -> dict[str, Callable[[str], str]]:
    """src path -> function(lang) returning that page's Markdown.

    bundles: the offline copies the hosted site offers (None when not built);
    in_bundle: this build is the offline copy itself; directory_urls: page/ rather than page.html."""
    registry: dict[str, Callable[[str], str]] = {}
    for info in checklists.modules(curriculum, curriculum.default_language):
        registry[info.checklist_src] = lambda lang, number=info.number: _module_checklist(
            curriculum, lang, number, directory_urls
        )
    for module in curriculum.modules:
        registry[print_view.print_src(module)] = lambda lang, module=module: _module_print(
            curriculum, lang, module, directory_urls
        )
    registry[checklists.PROGRAMME_CHECKLIST] = lambda lang: (
        checklist_pages.programme_page(
            checklists.collect(curriculum, lang), checklists.modules(curriculum, lang), lang, directory_urls
        )
        + _share(curriculum, checklists.PROGRAMME_CHECKLIST, lang)
    )
    registry[checklists.DPG_READINESS] = lambda lang: (
        checklist_pages.dpg_page(checklists.collect(curriculum, lang), lang, directory_urls)
        + _share(curriculum, checklists.DPG_READINESS, lang)
    )
    registry[team_page.PAGE] = lambda lang: team_page.render(
        checklists.collect(curriculum, lang),
        checklists.modules(curriculum, lang),
        lang,
        has_guide=team_page.GUIDE in curriculum.by_src(),
        directory_urls=directory_urls,
    )
    registry[status_page.PAGE] = lambda lang: status_page.render(
        translation.status(curriculum, languages, docs_dir), languages, lang
    )
    registry[offline_page.PAGE] = lambda lang: offline_page.render(
        [(m.src.split("/")[0], m.title, m.src) for m in checklists.modules(curriculum, lang)],
        lang,
        curriculum.default_language,
        bundles,
        in_bundle,
    )
    assert set(registry) >= set(GENERATED_AT_TOP)
    return registry


def _module_checklist(curriculum: Curriculum, lang: str, number: int, directory_urls: bool) -> str:
    info = next(m for m in checklists.modules(curriculum, lang) if m.number == number)
    items = checklists.by_module(checklists.collect(curriculum, lang)).get(number, [])
    return checklist_pages.module_page(info, items, lang, directory_urls) + _share(curriculum, info.checklist_src, lang)


def _share(curriculum: Curriculum, page_src: str, lang: str) -> str:
    """ "Share with your mentor" where the site numbers its items (a site without the lock has no links)."""
    return team_page.share_block(page_src, lang) if curriculum.numbered_items else ""


def _module_print(curriculum: Curriculum, lang: str, module, directory_urls: bool) -> str:
    info = next(m for m in checklists.modules(curriculum, lang) if m.number == module.number)
    items = checklists.by_module(checklists.collect(curriculum, lang)).get(module.number, [])
    return print_view.render(curriculum, module, info, items, lang, directory_urls)
