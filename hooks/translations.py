"""MkDocs adapter for translations: a notice on pages shown in English or translated from older English."""

from build_context import curriculum_of, language_of
from curriculum import freshness, interface, redirects, translation


def _english_href(page_url: str, lang: str) -> str:
    """Link from a page of the lang site to the same page of the English site at the root."""
    english = page_url[len(lang) + 1 :] if page_url.startswith(lang + "/") else page_url
    return redirects.relative_to_page(english, page_url)


def on_page_markdown(markdown, page, config, files):
    curriculum = curriculum_of(config)
    lang = language_of(config, curriculum)
    state = translation.page_state(curriculum, page.file.src_uri, lang)
    if state in ("fallback", "outdated"):
        page.meta["translation_status"] = state
        page.meta["source_language"] = curriculum.default_language
        english = _english_href(page.url, lang)
        changed = None
        if state == "outdated":
            entries = curriculum.by_src()
            entry = entries[page.file.src_uri]
            intro = interface.text("notice.intro_section", lang)
            changed = freshness.named_sections(entry, entries[entry.source_src], config.docs_dir, intro)
        return translation.notice_markdown(state, lang, page.file.src_uri, english, changed) + markdown
    return markdown
