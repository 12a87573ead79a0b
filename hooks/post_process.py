"""MkDocs adapter for post-processing each rendered page (hooks/curriculum/accessibility.py, head_links.py)."""

from curriculum.accessibility import label_search_dialog, mark_direction
from curriculum.head_links import drop_hreflang_links, relative_language_links


def on_post_page(output, page, config):
    output = drop_hreflang_links(mark_direction(label_search_dialog(output)))
    return relative_language_links(output, page.url)
