"""MkDocs adapter for post-processing each rendered page.

accessibility.py: repairs for screen readers; head_links.py: no wasted
requests, relative language links; search_on_demand.py: search loads on intent,
from the page's own language.
"""

from build_context import building_one_language, curriculum_of, language_of
from curriculum import redirects
from curriculum.accessibility import focusable_code_blocks, label_search_dialog, mark_direction
from curriculum.head_links import drop_hreflang_links, relative_language_links
from curriculum.offline_bundle import SHIM  # only in the offline copy
from curriculum.search_on_demand import defer_bundle, set_search_base

LOADER = "assets/javascripts/search-on-demand.js"


def _repaired(html: str) -> str:
    return drop_hreflang_links(mark_direction(label_search_dialog(focusable_code_blocks(html))))


def on_post_template(output_content, template_name, config):
    if template_name != "404.html":
        return output_content
    # Every language's build renders the one error page at the site root, and the last one built
    # used to win. Only the default language's build writes it: MkDocs skips an empty template.
    if building_one_language(config):
        return ""
    # The error page is rendered from a template, not a page: it needs the same repairs.
    return _repaired(output_content)


def on_post_page(output, page, config):
    curriculum = curriculum_of(config)
    lang = language_of(config, curriculum)
    output = relative_language_links(_repaired(output), page.url)
    shim = redirects.relative_to_page(SHIM, page.url) if config.extra.get("offline_bundle") else None
    output = defer_bundle(output, redirects.relative_to_page(LOADER, page.url), shim)
    if lang != curriculum.default_language:
        output = set_search_base(output, redirects.relative_to_page(f"{lang}/", page.url).rstrip("/") or ".")
    return output
