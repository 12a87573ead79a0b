"""MkDocs adapter: split the merged search index into one per language (hooks/curriculum/search_index.py)."""

import json
from pathlib import Path

from mkdocs.plugins import event_priority

from build_context import building_one_language, curriculum_of, languages_of
from curriculum import search_index


@event_priority(-200)  # after the i18n plugin has built every language and merged their entries
def on_post_build(config):
    if building_one_language(config):
        return  # a nested per-language build: the merged index does not exist yet
    merged_path = Path(config.site_dir) / "search" / "search_index.json"
    if not merged_path.exists():
        return
    curriculum = curriculum_of(config)
    default, codes = languages_of(config)
    fallback = search_index.fallback_pages(curriculum, codes, config.use_directory_urls)
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    for lang, index in search_index.split(merged, codes, default, fallback).items():
        out = merged_path if lang == default else Path(config.site_dir) / lang / "search" / "search_index.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
