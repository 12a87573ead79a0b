"""Step 5 (post-process): redirect pages for short links (go/<lesson id>/) and old lesson paths (aliases).

A mentor's link must land on the lesson years later, in the reader's
language, even after renames. Each redirect is a tiny HTML page that works
without JavaScript (meta refresh and a visible link), keeps a #section
anchor when JavaScript runs, names its target as canonical and asks search
engines not to index it. (mkdocs-redirects writes English-only pages without
noindex and does not know the i18n plugin's languages, so it does not fit.)
"""

from __future__ import annotations

import html
import posixpath

from .model import Curriculum

SHORT_LINK_PREFIX = "go"

TEMPLATE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>{title}</title>
<link rel="canonical" href="{target}">
<meta http-equiv="refresh" content="0; url={target}">
<script>location.replace("{target}" + location.hash)</script>
</head>
<body>
<p><a href="{target}">{title}</a></p>
</body>
</html>
"""


def source_url(src: str, use_directory_urls: bool) -> str:
    """The URL MkDocs gives a Markdown source, relative to the site (or language) root."""
    stem = src[: -len(".md")]
    if not use_directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def _file_of(url: str) -> str:
    return url + "index.html" if url.endswith("/") or url == "" else url


def redirects(
    curriculum: Curriculum, urls: dict[str, str], use_directory_urls: bool, prefix: str = ""
) -> dict[str, tuple[str, str]]:
    """Output file path -> (target URL relative to that file, lesson source) for one language's build.

    urls: default-language source path -> the page's URL in this build (with its language prefix).
    prefix: the language folder of this build ("" for the default language).
    """
    found: dict[str, str] = {}
    for lesson in curriculum.lessons():
        target = urls.get(lesson.src)
        if target is None:
            continue
        sources = [f"{SHORT_LINK_PREFIX}/{lesson.meta['id']}.md"] + list(lesson.meta.get("aliases") or [])
        for old in sources:
            path = posixpath.join(prefix, _file_of(source_url(old, use_directory_urls)))
            relative = posixpath.relpath(_file_of(target), posixpath.dirname(path))
            if use_directory_urls and relative.endswith("index.html"):
                relative = relative[: -len("index.html")] or "./"
            found[path] = (relative, lesson.src)
    return found


def render(target: str, title: str, lang: str) -> str:
    return TEMPLATE.format(target=html.escape(target), title=html.escape(title), lang=lang)


def short_link(lesson_id: str, prefix: str = "", use_directory_urls: bool = True) -> str:
    """The short link of a lesson relative to the site root, as mentors share it."""
    return posixpath.join(prefix, source_url(f"{SHORT_LINK_PREFIX}/{lesson_id}.md", use_directory_urls))


def lesson_urls(curriculum: Curriculum, languages: list[str], use_directory_urls: bool = True) -> set[str]:
    """The URL of every lesson in every language, relative to the site root."""
    urls = set()
    for lesson in curriculum.lessons():
        url = source_url(lesson.src, use_directory_urls)
        for lang in languages:
            urls.add(url if lang == curriculum.default_language else f"{lang}/{url}")
    return urls


def relative_to_page(target: str, page_url: str) -> str:
    """A site-root-relative URL as seen from a page, so links work below any path and offline."""
    # A directory URL is its own base for relative links; a file URL's base is its folder.
    base = page_url.rstrip("/") if page_url.endswith("/") else posixpath.dirname(page_url)
    link = posixpath.relpath(target or ".", base or ".")
    is_folder = target == "" or target.endswith("/")
    return link + "/" if is_folder and not link.endswith("/") else link
