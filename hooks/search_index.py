"""MkDocs adapter: split the merged search index into one per language (hooks/curriculum/search_index.py)."""

import json
from pathlib import Path

from mkdocs.plugins import event_priority

from curriculum import languages, redirects, search_index
from curriculum.checked import for_build


@event_priority(-200)  # after the i18n plugin has built every language and merged their entries
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # a nested per-language build: the merged index does not exist yet
    merged_path = Path(config.site_dir) / "search" / "search_index.json"
    if not merged_path.exists():
        return
    curriculum = for_build(config.docs_dir, config.config_file_path, i18n.config if i18n else None)
    default, codes = languages.languages(languages.from_plugin_config(i18n.config if i18n else None))
    translated = {(e.lang, e.source_src) for e in curriculum.entries if e.lang != default}
    fallback = {
        lang: {
            redirects.source_url(e.src, config.use_directory_urls)
            for e in curriculum.sources()
            if (lang, e.src) not in translated
        }
        for lang in codes
        if lang != default
    }
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    for lang, index in search_index.split(merged, codes, default, fallback).items():
        out = merged_path if lang == default else Path(config.site_dir) / lang / "search" / "search_index.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
