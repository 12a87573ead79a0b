"""Step 5 (post-process): one Kiwix file (ZIM) per language, from the same pages as the offline zip.

Kiwix opens ZIM files on Android, iOS and desktops, and kiwix-serve or an
Internet-in-a-Box shares them over a local network: the offline library that
schools, clinics and camps already use. The pages are the offline build's
(file URLs, one language, nothing that needs a server), so every link that
works in the zip works in the archive. Redirect pages (short links, old
paths) become the archive's own redirects, which Kiwix follows without a
script; libzim writes the full-text and title indexes (without the print views,
which repeat the lessons).
"""

from __future__ import annotations

import contextlib
import mimetypes
import os
import posixpath
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from libzim.writer import Creator, Hint, IndexData, Item, StringProvider

from . import interface, site_links
from .model import PRINT_IN_MODULE

ILLUSTRATION = Path(__file__).resolve().parent.parent / "zim" / "illustration-48.png"  # favicon.svg, drawn at 48 px
# ISO 639-3, as Kiwix's library filters by it: the macrolanguage codes its other archives use.
ISO_639_3 = {"en": "eng", "es": "spa", "fr": "fra", "fa": "fas", "hi": "hin", "ne": "nep", "sw": "swa"}
# Only for file://: a reader of the archive is served over HTTP, where Material fetches the JSON index.
LEFT_OUT = ("search/search_index.js", "assets/javascripts/file-worker.js", "assets/javascripts/file-worker-scope.js")
# Kiwix reads the underscore tags: its library filters by category and shows a search box for _ftindex.
TAGS = "_category:other;_ftindex:yes;_pictures:no;_videos:no;_details:yes;open-source;education;curriculum;mentorship"
# What a phone on a metered connection should have to download for one language.
BUDGET_BYTES = 1_500_000
MIME = {".js": "application/javascript", ".json": "application/json", ".svg": "image/svg+xml", ".css": "text/css"}


@dataclass(frozen=True)
class ZimFile:
    lang: str
    path: Path
    bytes: int


def file_name(lang: str, made: datetime) -> str:
    """Kiwix's naming: project, language, then the month it was made."""
    return f"open-source-mentorship_{lang}_{made:%Y-%m}.zim"


def metadata(lang: str, made: datetime) -> dict[str, str]:
    """What Kiwix shows in its library, in the language of the archive."""
    name = interface.text("site.name", lang)
    return {
        "Name": f"open-source-mentorship_{lang}",
        "Title": name,
        "Description": interface.text("zim.description", lang),
        "LongDescription": interface.text("zim.long_description", lang),
        "Language": ISO_639_3[lang],
        "Creator": interface.text("site.name", "en"),
        "Publisher": interface.text("site.name", "en"),
        "Date": made.date().isoformat(),
        "Tags": TAGS,
        "License": "CC-BY-SA-4.0",
        "Source": "https://github.com/open-source-mentorship/curriculum",
    }


class _NotIndexed(IndexData):
    def has_indexdata(self) -> bool:
        return False


class _Page(Item):
    def __init__(self, path: str, title: str, mimetype: str, content: bytes, front: bool):
        super().__init__()
        self._path, self._title, self._mimetype, self._content, self._front = path, title, mimetype, content, front

    def get_path(self) -> str:
        return self._path

    def get_title(self) -> str:
        return self._title

    def get_mimetype(self) -> str:
        return self._mimetype

    def get_contentprovider(self):
        return StringProvider(self._content)

    def get_hints(self) -> dict:
        return {Hint.FRONT_ARTICLE: self._front, Hint.COMPRESS: True}


class _PrintView(_Page):
    """A module's print view: out of the title and full-text indexes. It repeats the module's
    lessons, and in search results it outranked them. (Only items without get_indexdata get
    libzim's own indexing, so the other pages do not define it.)"""

    def __init__(self, path: str, title: str, content: bytes):
        super().__init__(path, title, "text/html", content, front=False)

    def get_indexdata(self) -> IndexData:
        return _NotIndexed()


def mimetype_of(path: str) -> str:
    suffix = posixpath.splitext(path)[1]
    return MIME.get(suffix) or mimetypes.guess_type(path)[0] or "application/octet-stream"


def entries(site: Path, files: list[str], lang: str) -> tuple[list[_Page], list[tuple[str, str, str]]]:
    """(items, redirects as (path, title, target path)) for one language's files of the offline build.

    A file whose content is already in the archive becomes a redirect too: Kiwix
    stores it once, and zimcheck counts a second copy as redundant."""
    items, redirects, seen = [], [], {}
    # Kiwix lists the archive's name beside every title already.
    suffix = " - " + interface.text("site.name", lang)
    for relative in files:
        if relative in LEFT_OUT or relative.endswith("/" + LEFT_OUT[0]):
            continue
        data = (site / relative).read_bytes()
        if relative.endswith(".html"):
            page = site_links.read_head(site / relative)
            title = " ".join(page.title.split())
            title = title[: -len(suffix)] if title.endswith(suffix) and title != suffix.strip(" -") else title
            if page.refresh and not site_links.is_external(page.refresh):
                target = posixpath.normpath(posixpath.join(posixpath.dirname(relative), page.refresh.split("#")[0]))
                redirects.append((relative, title, target))
                continue
            # A module's print view repeats its lessons: searches should find the lessons.
            if posixpath.basename(relative) == PRINT_IN_MODULE.replace(".md", ".html"):
                items.append(_PrintView(relative, title, data))
            else:
                items.append(_Page(relative, title, "text/html", data, front=True))
        elif data in seen:
            redirects.append((relative, "", seen[data]))
        else:
            seen[data] = relative
            items.append(_Page(relative, "", mimetype_of(relative), data, front=False))
    return items, redirects


def write(site: Path, lang: str, files: list[str], destination: Path, made: datetime | None = None) -> ZimFile:
    """Write one language's archive; its main page is that language's home page."""
    made = made or datetime.now(UTC)
    items, redirects = entries(site, files, lang)
    main = "index.html" if "index.html" in files else f"{lang}/index.html"
    destination.parent.mkdir(parents=True, exist_ok=True)
    destination.unlink(missing_ok=True)
    # The full-text index stems words where Xapian knows the language (not Persian, Hindi or Nepali).
    with _quiet_stdout(), Creator(str(destination)).config_indexing(True, ISO_639_3[lang]) as creator:
        creator.set_mainpath(main)
        creator.add_illustration(48, ILLUSTRATION.read_bytes())
        for key, value in metadata(lang, made).items():
            creator.add_metadata(key, value)
        for item in items:
            creator.add_item(item)
        for path, title, target in redirects:
            creator.add_redirection(path, title, target, {Hint.FRONT_ARTICLE: False})
    return ZimFile(lang, destination, destination.stat().st_size)


@contextlib.contextmanager
def _quiet_stdout():
    """libzim 8 prints its progress ("Resolve redirect", "set index") straight to file descriptor 1."""
    sys.stdout.flush()
    saved = os.dup(1)
    with open(os.devnull, "wb") as devnull:
        os.dup2(devnull.fileno(), 1)
    try:
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)
