"""Step 6 of the pipeline (check): every link inside the built site, in every language, and the URLs it publishes.

Works on the HTML that readers get, after every hook and plugin has run, so
it also covers generated pages, redirects and the theme's own links. Links
to other sites are listed, never fetched: checks must not need a network.
"""

from __future__ import annotations

import functools
import os
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

from lxml import etree

LINK_ATTRIBUTES = {
    ("a", "href"),
    ("link", "href"),
    ("script", "src"),
    ("img", "src"),
    ("source", "src"),
    ("iframe", "src"),
    ("audio", "src"),
    ("video", "src"),
}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Attributes whose values are text or addresses, which no selector of Material's stylesheet reads:
# their words ("note", French "se") must not keep rules for classes of the same name.
WORDS_FOR_READERS = {"alt", "aria-label", "content", "href", "placeholder", "src", "title", "value"}


@dataclass
class Page:
    ids: set[str] = field(default_factory=set)
    heading_ids: list[str] = field(default_factory=list)
    links: list[tuple[str, int]] = field(default_factory=list)  # (target, line)
    refresh: str | None = None  # where a redirect page sends the reader
    title: str = ""
    # Tag names, attribute names and values (classes one by one): all a CSS selector can match.
    # The stylesheet trim (hooks/curriculum/assets.py) keeps the rules these use, so the pages
    # are read once for both.
    markup: set[str] = field(default_factory=set)


# The build reads every page of both sites, and every section of the search indexes
# (search_index.py): with libxml2 (through lxml) that takes a third of the time the standard
# library's parser took.
HTML_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)


def _collect(text: str, page: Page) -> Page:
    if not text.strip():
        return page
    root = etree.fromstring(text, HTML_PARSER)
    if root is None:
        return page
    for element in root.iter(tag=etree.Element):
        tag = element.tag
        attrs = element.attrib
        page.markup.add(tag)
        for name, value in attrs.items():
            page.markup.add(name)
            if value and name not in WORDS_FOR_READERS:
                page.markup.update(value.split() if name == "class" else (value,))
            if (tag, name) in LINK_ATTRIBUTES and value:
                page.links.append((value, element.sourceline))
        element_id = attrs.get("id")
        if element_id:
            page.ids.add(element_id)
            if tag in HEADINGS:
                page.heading_ids.append(element_id)
        if tag == "title":
            page.title += "".join(element.itertext())
        elif tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh":
            target = attrs.get("content", "").partition("url=")[2]
            if target:
                page.links.append((target, element.sourceline))
                page.refresh = target
    return page


def read_page(path: Path) -> Page:
    return _collect(path.read_text(encoding="utf-8", errors="replace"), Page())


def read_head(path: Path) -> Page:
    """The page's title and redirect target only: what is in its <head>, read without the rest."""
    text = path.read_text(encoding="utf-8", errors="replace")
    end = text.find("</head>")
    return _collect(text if end < 0 else text[:end], Page())


def scan(site: Path) -> dict[str, Page]:
    """Every HTML file of the site, by its path relative to the site root."""
    return {p.relative_to(site).as_posix(): read_page(p) for p in sorted(site.rglob("*.html"))}


def is_external(target: str) -> bool:
    return target.startswith("//") or _parts(target)[0] in ("http", "https")


# A site of 600 pages has 60,000 links but a few thousand distinct ones (the navigation repeats).
@functools.lru_cache(maxsize=8192)
def _parts(target: str) -> tuple[str, str, str]:
    """(scheme, unquoted path, fragment) of a link."""
    url, fragment = urldefrag(target)
    split = urlsplit(url)
    return split.scheme, unquote(split.path), fragment


def _resolve(page_path: str, target: str, folders: set[str] | None) -> tuple[str, str] | None:
    """(file path relative to the site, fragment) that a relative link points at; None for non-file schemes.
    folders: the site's folders, relative to its root (None: only a trailing slash names a folder)."""
    scheme, url, fragment = _parts(target)
    if scheme:  # mailto:, tel:, javascript:, data:
        return None
    if not url:
        return page_path, fragment
    # The 404 page is served at any address, so its links start at the site root.
    base = "" if url.startswith("/") else posixpath.dirname(page_path)
    joined = posixpath.normpath(posixpath.join(base, url.lstrip("/")))
    if url.endswith("/") or (folders is not None and joined in folders):
        joined = posixpath.normpath(posixpath.join(joined, "index.html"))  # "." + "index.html" too
    return joined, fragment


def _contents(site: Path) -> tuple[set[str], set[str]]:
    """(files, folders) of the site, relative to its root: one walk instead of a look per link."""
    files, folders = set(), set()
    for top, _, names in os.walk(site):
        folder = Path(top).relative_to(site).as_posix()
        folders.add(folder)
        files.update(name if folder == "." else f"{folder}/{name}" for name in names)
    return files, folders


@dataclass
class Report:
    broken: list[str]
    external: set[str]


def check(site: Path, pages: dict[str, Page] | None = None, file_urls: bool = False) -> Report:
    """file_urls: the site is opened from a folder (the offline copy), where a link to a folder
    shows a file listing instead of its index.html."""
    pages = pages if pages is not None else scan(site)
    files, folders = _contents(site)
    broken, external = [], set()
    for path, page in pages.items():
        for target, line in page.links:
            if is_external(target):
                external.add(target)
                continue
            if target.startswith("/") and not path.endswith("404.html"):
                broken.append(
                    f"{path}:{line}: link to {target}: starts at the server root, so it breaks "
                    "below a sub-path and offline; make it relative"
                )
                continue
            resolved = _resolve(path, target, folders)
            if resolved is None:
                continue
            file, fragment = resolved
            bare = target.partition("#")[0]
            if file_urls and bare and file.endswith("index.html") and not bare.endswith(".html"):
                broken.append(
                    f"{path}:{line}: link to {target}: opens a folder listing from a file system; link to index.html"
                )
                continue
            if file not in files:
                broken.append(f"{path}:{line}: link to {target}: no such page or file")
            elif fragment and file.endswith(".html") and fragment not in pages[file].ids:
                broken.append(f"{path}:{line}: link to {target}: the page has no section #{fragment}")
    return Report(sorted(broken), external)


def page_url(path: str) -> str:
    """The public URL of an HTML file: folders for index.html, as directory URLs are served."""
    if path == "index.html":
        return ""
    return path[: -len("index.html")] if path.endswith("/index.html") else path


def published_urls(pages: dict[str, Page], lesson_urls: set[str]) -> set[str]:
    """Every page URL, plus each section anchor of the lesson pages (the links mentors share).

    A redirect page serves the anchors of the page it leads to: the anchor
    travels with the reader.
    """
    urls = set()
    for path, page in pages.items():
        if path.endswith("404.html"):
            continue
        url = page_url(path)
        urls.add(url or "./")
        target_path, target = path, page
        if page.refresh:
            resolved = _resolve(path, page.refresh, None)
            target_path = resolved[0] if resolved else path
            target = pages.get(target_path, page)
        if page_url(target_path) in lesson_urls:
            urls.update(f"{url}#{anchor}" for anchor in target.heading_ids)
    return urls


def lost_urls(locked: set[str], current: set[str]) -> list[str]:
    return sorted(locked - current)


def read_lock(path: Path) -> set[str]:
    if not path.exists():
        return set()
    return {
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }


LOCK_HEADER = (
    "# Every public URL the site has published, relative to the site root: pages, short links\n"
    "# (go/<lesson id>/) and lesson sections (#anchor), in every language. A build must keep\n"
    "# serving all of them (tests/test_links.py). Add new ones with scripts/lock-urls after review;\n"
    "# never delete a line: give a moved lesson an `aliases` entry instead.\n"
)


def write_lock(path: Path, urls: set[str]) -> None:
    path.write_text(LOCK_HEADER + "".join(f"{u}\n" for u in sorted(urls)), encoding="utf-8")
