"""MkDocs adapter: Material's search entries made in another process, and the merged search index
split into one per language (hooks/curriculum/search_index.py)."""

import json
from concurrent.futures import Future
from pathlib import Path

from mkdocs.plugins import CombinedEvent, event_priority

import build_worker
import search_entries
from build_context import building_one_language, curriculum_of, languages_of
from curriculum import search_index

_serving = False
_handed_over: list[tuple[list, Future]] = []  # (the index's entries, the job making a page's entries)


def _index_path(site_dir: str, lang: str, default: str) -> Path:
    return Path(site_dir, *([] if lang == default else [lang]), "search", "search_index.json")


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"  # a server runs threads, which forking does not mix with: Material indexes as usual


def on_pre_build(config):
    """After every plugin's on_config, where Material's search plugin makes this build's index."""
    plugin = config.plugins.get("material/search")
    if _serving or plugin is None or not plugin.config.enabled or not build_worker.available():
        return
    index = plugin.search_index
    entries = index.entries

    def hand_over(page):
        # Material's own check, here, so that left-out pages are not sent.
        if not (page.meta.get("search") or {}).get("exclude"):
            _handed_over.append(
                (entries, build_worker.submit(search_entries.entries_of, *search_entries.page_data(page)))
            )

    # Material's on_page_context calls this for every page, then strips its data-search attributes.
    index.add_entry_from_context = hand_over


@event_priority(100)  # before Material's search plugin writes this language's index (priority 0)
def _collect_entries(config):
    for entries, job in _handed_over:
        entries.extend(job.result())
    _handed_over.clear()


@event_priority(-200)  # after the i18n plugin has built every language, each with Material's own index
def _split(config):
    if building_one_language(config):
        return  # a nested per-language build: the other languages are not built yet
    default, codes = languages_of(config)
    # Each language's build wrote its index into its own folder (the i18n plugin's merging and
    # de-duplicating of them is switched off in mkdocs.yml: this step replaces it, at a tenth of the cost).
    paths = {lang: _index_path(config.site_dir, lang, default) for lang in codes}
    indexes = {lang: json.loads(path.read_text(encoding="utf-8")) for lang, path in paths.items() if path.exists()}
    merged = search_index.merge(indexes, default)
    if not merged["docs"]:
        return
    curriculum = curriculum_of(config)
    fallback = search_index.fallback_pages(curriculum, codes, config.use_directory_urls)
    for lang, index in search_index.split(merged, codes, default, fallback).items():
        out = _index_path(config.site_dir, lang, default)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


on_post_build = CombinedEvent(_collect_entries, _split)
