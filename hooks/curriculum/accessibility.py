"""Step 5 (post-process): small repairs to Material's HTML that screen readers need.

Kept to exact, known fragments: if Material changes its markup, the tests
that run axe-core on the built pages notice, instead of a silent regex miss.
"""

import re

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
# Material already translates the search field's label; the dialog reuses it.
SEARCH_INPUT_LABEL = re.compile(r'class="md-search__input"[^>]*?aria-label="([^"]*)"')


def label_search_dialog(html: str) -> str:
    """Material's search is a dialog with no accessible name; give it the search field's label."""
    found = SEARCH_INPUT_LABEL.search(html)
    if not found:
        return html
    named = SEARCH_DIALOG.replace('role="dialog"', f'role="dialog" aria-label="{found.group(1)}"')
    return html.replace(SEARCH_DIALOG, named, 1)


def mark_direction(html: str) -> str:
    """Material puts dir only on <body>; the root element should say it too, for the whole document."""
    if '<body dir="rtl"' in html and "<html dir=" not in html:
        return html.replace("<html ", '<html dir="rtl" ', 1)
    return html


CODE_BLOCK = re.compile(r"(<pre[^>]*>(?:<span></span>)?)<code>")


def focusable_code_blocks(html: str) -> str:
    """A code block that scrolls sideways must take keyboard focus, or keyboard users cannot read it all.

    Material's script adds this at run time; the pages here load that script only for search.
    """
    return CODE_BLOCK.sub(r'\1<code tabindex="0">', html)
