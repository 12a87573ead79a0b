"""Step 5 (post-process): load search only when a reader shows they want it.

Material's script starts the search worker and downloads the whole index on
every first visit, whether or not anyone searches: on a metered connection
that is most of a page's cost. The pages work without that script (menus
and drawers are CSS), so it is replaced by a small loader that fetches it
when the reader focuses or opens search, with the stylesheet it needs
(hooks/curriculum/assets.py). Each language searches its own
index (hooks/curriculum/search_index.py), found through the page's base.
"""

from __future__ import annotations

import json
import re

from .assets import FULL_SHEET

BUNDLE = re.compile(r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')
CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def defer_bundle(html: str, loader_src: str, shim_src: str | None = None) -> str:
    """Swap Material's script tag for the loader, which knows where the real script is.

    shim_src: a Web Worker stand-in the loader puts first when the page is opened from a file."""
    shim = f' data-shim="{shim_src}"' if shim_src else ""

    def loader(match):
        # The script's stylesheet sits beside the page's, in the same assets folder.
        sheet = match.group(1).rsplit("javascripts/", 1)[0] + "stylesheets/" + FULL_SHEET
        return (
            f'<script src="{loader_src}" data-bundle="{match.group(1)}" data-stylesheet="{sheet}"{shim} defer></script>'
        )

    return BUNDLE.sub(loader, html, count=1)


def set_search_base(html: str, base: str) -> str:
    """Point Material's base (from which it finds search/search_index.json) at the language's own root."""

    def replace(match):
        config = json.loads(match.group(2))
        config["base"] = base
        return match.group(1) + json.dumps(config, ensure_ascii=False, separators=(",", ":")) + match.group(3)

    return CONFIG.sub(replace, html, count=1)
