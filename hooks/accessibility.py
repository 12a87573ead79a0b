"""MkDocs adapter for the accessibility repairs in hooks/curriculum/accessibility.py."""

from curriculum.accessibility import label_search_dialog


def on_post_page(output, page, config):
    return label_search_dialog(output)
