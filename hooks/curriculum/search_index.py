"""Step 5 (post-process): one small search index per language.

The i18n plugin merges every language into one index at the site root, so a
Swahili reader would download the Persian text too. This splits it: each
language gets <lang>/search/search_index.json with its own pages, its own
tokenizer settings, plain text instead of HTML, and, for pages it shows in
English because they are not translated yet, only their titles.
"""

from __future__ import annotations

import re

from lxml import etree

from .redirects import source_url
from .site_links import HTML_PARSER

# lunr settings per language. Material ships lunr stemmers for es, fr and hi;
# Persian, Nepali and Swahili get no stemmer, and the scripts that lunr's
# trimmer would strip (Arabic, Devanagari) get an empty pipeline and a
# separator that knows their punctuation.
SETTINGS = {
    "en": {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"]},
    "es": {"lang": ["es"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"]},
    "fr": {"lang": ["fr"], "separator": r"[\s\-']+", "pipeline": ["stopWordFilter"]},
    "fa": {"lang": ["en"], "separator": r"[\s\-،؛؟.!:()«»]+", "pipeline": []},
    "hi": {"lang": ["en"], "separator": r"[\s\-।॥,.!?:()]+", "pipeline": []},
    "ne": {"lang": ["en"], "separator": r"[\s\-।॥,.!?:()]+", "pipeline": []},
    "sw": {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["trimmer"]},
}


def plain_text(html: str) -> str:
    if not html.strip():
        return ""
    root = etree.fromstring(f"<body>{html}</body>", HTML_PARSER)
    return re.sub(r"\s+", " ", " ".join(root.itertext())).strip()


def merge(indexes: dict[str, dict], default: str) -> dict:
    """One index from each language's own (language -> Material's index of that build), every
    location prefixed with its language folder, as split() expects."""
    merged: dict = {"config": {}, "docs": []}
    for lang, index in indexes.items():
        merged["config"] = merged["config"] or index.get("config", {})
        prefix = "" if lang == default else f"{lang}/"
        merged["docs"] += [{**doc, "location": prefix + doc["location"]} for doc in index.get("docs", [])]
    return merged


def split(index: dict, languages: list[str], default: str, fallback_pages: dict[str, set[str]]) -> dict[str, dict]:
    """Language -> its own index. fallback_pages: language -> page URLs (without the language folder)
    that show the English text."""
    others = [lang for lang in languages if lang != default]
    result = {}
    for lang in languages:
        prefix = "" if lang == default else f"{lang}/"
        docs = []
        for doc in index.get("docs", []):
            location = doc["location"]
            first = location.split("/", 1)[0]
            if lang == default and first in others:
                continue
            if lang != default and not location.startswith(prefix):
                continue
            local = location[len(prefix) :]
            page, _, anchor = local.partition("#")
            entry = {"location": local, "title": doc.get("title", "")}
            if page in fallback_pages.get(lang, set()):
                if anchor:
                    continue  # an untranslated page is found by its title only
            else:
                entry["text"] = plain_text(doc.get("text", ""))
            docs.append(entry)
        config = {**index.get("config", {}), **SETTINGS.get(lang, SETTINGS["en"])}
        result[lang] = {"config": config, "docs": docs}
    return result


def fallback_pages(curriculum, languages: list[str], use_directory_urls: bool) -> dict[str, set[str]]:
    """Language -> URLs (without the language folder) of the pages it shows in the default language."""
    default = curriculum.default_language
    translated = {(e.lang, e.source_src) for e in curriculum.entries if e.lang != default}
    return {
        lang: {source_url(e.src, use_directory_urls) for e in curriculum.sources() if (lang, e.src) not in translated}
        for lang in languages
        if lang != default
    }
