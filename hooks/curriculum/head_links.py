"""Step 5 (post-process): drop the <head> links that make every page download more.

Material turns each <link rel="alternate" hreflang> into a request for a
sitemap.xml beside the linked page, to map pages across languages. With the
i18n plugin those links point at pages, not language roots, so the requests
only fetch 404 pages: wasted data and time for every reader on every page.
The language menu in the header keeps its own per-page links, so nothing is lost.
"""

import re

HREFLANG_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def drop_hreflang_links(html: str) -> str:
    head_end = html.find("</head>")
    if head_end < 0:
        return html
    return HREFLANG_LINK.sub("", html[:head_end]) + html[head_end:]
