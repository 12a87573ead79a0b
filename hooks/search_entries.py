"""Material's search entries for one page, made in the build's other process (imported by the hooks, not a hook).

Material's search plugin reads every page's HTML with a parser of its own: a
tenth of a seven-language build. hooks/search_index.py hands each page to
build_worker.py instead, which runs Material's own indexing on the same data,
and puts the entries back in page order before Material writes the index.
"""

from types import SimpleNamespace

from material.plugins.search.plugin import SearchIndex

# What Material's indexing reads of a page's front-matter.
META_READ = ("search", "tags", "title")


def page_data(page) -> tuple:
    """What Material's indexing reads of a page, as plain data that can go to another process."""
    meta = {key: page.meta[key] for key in META_READ if key in page.meta}
    return page.content, page.toc, page.url, page.title, meta


def entries_of(content: str, toc, url: str, title: str | None, meta: dict) -> list[dict]:
    index = SearchIndex()
    index.add_entry_from_context(SimpleNamespace(content=content, toc=toc, url=url, title=title, meta=meta))
    return index.entries
