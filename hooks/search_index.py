"""MkDocs adapter: split the merged search index into one per language (hooks/curriculum/search_index.py)."""

import json
from pathlib import Path

from mkdocs.plugins import event_priority

from build_context import building_one_language, curriculum_of, languages_of
from curriculum import search_index


def _index_path(site_dir: str, lang: str, default: str) -> Path:
    return Path(site_dir, *([] if lang == default else [lang]), "search", "search_index.json")


@event_priority(-200)  # after the i18n plugin has built every language, each with Material's own index
def on_post_build(config):
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
