"""Where "Edit this page" leads: the file a reader sees, on the forge, in the reader's language.

A translated page links to its translation, an English page shown in
another language's site (a fallback) links to the forge's "new file" form
for that translation, so a reader who spots the gap can start it, and a
page the build generates has no source file to edit, so it gets no link.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import quote, urlencode, urljoin

from .model import Curriculum

# GitHub's (and Gitea's/Forgejo's) address of a file in the web editor:
# <repository>/edit/<branch>/<path>; "blob" is the read-only view of the same file.
FORGE_FILE = re.compile(r"^(?P<repository>https?://[^/]+/[^/]+/[^/]+)/(?:edit|blob)/(?P<branch>[^/]+)/(?P<docs>.*)$")


@dataclass(frozen=True)
class Forge:
    edit_base: str  # the web-editor address of docs/, ending in "/"

    def edit(self, src: str) -> str:
        """The web-editor address of a file under docs/."""
        return self.edit_base + quote(src)

    def new(self, src: str) -> str | None:
        """The forge's form that creates the file src under docs/, or None when the forge is not known."""
        match = FORGE_FILE.match(self.edit_base)
        if match is None:
            return None
        folder, name = posixpath.split(src)
        path = posixpath.join(match["docs"].rstrip("/"), folder).rstrip("/")
        return f"{match['repository']}/new/{match['branch']}/{quote(path)}?{urlencode({'filename': name})}"


def forge(repo_url: str | None, edit_uri: str | None) -> Forge | None:
    """The forge from mkdocs.yml's repo_url and edit_uri (which may be a full address on its own)."""
    if not edit_uri:
        return None
    base = urljoin(repo_url.rstrip("/") + "/", edit_uri) if repo_url else edit_uri
    if not re.match(r"^https?://", base):
        return None
    return Forge(base if base.endswith("/") else base + "/")


def translation_src(src: str, lang: str) -> str:
    """'01-licensing/x.md' -> '01-licensing/x.es.md'."""
    return f"{src[: -len('.md')]}.{lang}.md"


def edit_url(curriculum: Curriculum, the_forge: Forge | None, src_uri: str, lang: str) -> str | None:
    """The edit link of the page built from src_uri (relative to docs/) in the lang site."""
    if the_forge is None:
        return None
    entry = curriculum.by_src().get(src_uri)
    if entry is None:
        return None  # generated: the build writes it from other pages' front-matter
    if lang == curriculum.default_language or entry.lang == lang:
        return the_forge.edit(entry.src)
    # An English page in another language's site: offer to start its translation.
    return the_forge.new(translation_src(entry.src, lang)) or the_forge.edit(entry.src)
