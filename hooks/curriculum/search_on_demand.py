"""Step 5 (post-process): load search only when a reader shows they want it.

Material's script starts the search worker and downloads the whole index on
every first visit, whether or not anyone searches: on a metered connection
that is most of a page's cost. The pages work without that script (menus
and drawers are CSS), so it is replaced by a small loader that fetches it
when the reader focuses or opens search. Each language searches its own
index (hooks/curriculum/search_index.py), found through the page's base.
"""

from __future__ import annotations

import json
import re

BUNDLE = re.compile(r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')
CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def defer_bundle(html: str, loader_src: str, shim_src: str | None = None) -> str:
    """Swap Material's script tag for the loader, which knows where the real script is.

    shim_src: a Web Worker stand-in the loader puts first when the page is opened from a file."""
    shim = f' data-shim="{shim_src}"' if shim_src else ""
    return BUNDLE.sub(
        lambda m: f'<script src="{loader_src}" data-bundle="{m.group(1)}"{shim} defer></script>', html, count=1
    )


def set_search_base(html: str, base: str) -> str:
    """Point Material's base (from which it finds search/search_index.json) at the language's own root."""

    def replace(match):
        config = json.loads(match.group(2))
        config["base"] = base
        return match.group(1) + json.dumps(config, ensure_ascii=False, separators=(",", ":")) + match.group(3)

    return CONFIG.sub(replace, html, count=1)
