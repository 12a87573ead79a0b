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


LANGUAGE_LINK = re.compile(r'<a href="(/[^"]*)" hreflang="')


def relative_language_links(html: str, page_url: str) -> str:
    """The i18n plugin writes language-home links as /es/; make them relative to the page.

    Root-absolute links break when the site is served below a path (a
    project's Pages site) or opened from the file system.
    """
    import posixpath

    base = page_url if page_url.endswith("/") or page_url == "" else posixpath.dirname(page_url) + "/"

    def relative(match):
        target = match.group(1).lstrip("/")
        link = posixpath.relpath(target or ".", base.rstrip("/") or ".")
        if match.group(1).endswith("/") and not link.endswith("/"):
            link += "/"
        return f'<a href="{link}" hreflang="'

    return LANGUAGE_LINK.sub(relative, html)
