"""Step 5 (post-process): what the hosted site's service worker (overrides/sw.js) needs to know about a release.

A browser installs a new service worker when sw.js changes by a single
byte, so the worker carries a version made from every file it can serve:
publish a change and each reader's worker replaces its caches on the next
visit online. The same step lists, per language and module, the pages that
"Save this module for offline" downloads and roughly what they cost, and
writes one web app manifest per language.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from pathlib import Path

from . import interface

WORKER = "sw.js"
PAGES_LIST = "offline-pages.json"
MANIFEST = "manifest.webmanifest"
OFFLINE_PAGE = "offline/"
MODULE_FOLDER = re.compile(r"^\d\d-[a-z0-9-]+$")
PREAMBLE = "self.OSM_BUILD = "
# What every page needs to render, kept per release; page HTML and the scripts of a few pages
# (offline.js, Material's bundle for search) are cached as they are read.
SHELL_PATTERNS = ("assets/stylesheets/*.css", "assets/javascripts/*.js", "assets/images/*.svg")
NOT_IN_SHELL = ("bundle.", "offline.js", "team-progress.js")
OFFLINE_PAGE_ASSETS = ["assets/javascripts/offline.js"]  # cached with the offline page, which runs it
# Only checklist pages run it ("Share with your mentor"): saved with each module, not on every first visit.
MODULE_ASSETS = ["assets/javascripts/team-progress.js"]
RTL = {"fa", "ar", "he", "ur"}
THEME_COLOR = "#4051b5"  # Material's indigo, the palette in mkdocs.yml


def _url(relative: str) -> str:
    """The address a file is served at, as directory URLs are (x/index.html -> x/)."""
    return relative[: -len("index.html")] if relative.endswith("index.html") else relative


def _transfer_size(path: Path) -> int:
    # What the download costs over a server that compresses, as most do.
    data = path.read_bytes()
    return len(gzip.compress(data, 6)) if path.suffix in (".html", ".js", ".css", ".json", ".svg") else len(data)


def module_pages(site: Path, languages: list[str], default: str) -> dict[str, dict[str, dict]]:
    """language -> module folder -> {"urls": [...], "bytes": n}: what saving a module downloads."""
    result: dict[str, dict[str, dict]] = {}
    for lang in languages:
        root = site if lang == default else site / lang
        modules = {}
        for folder in sorted(p for p in root.iterdir() if p.is_dir() and MODULE_FOLDER.match(p.name)):
            files = sorted(f for f in folder.rglob("*") if f.is_file())
            files += [site / asset for asset in MODULE_ASSETS if (site / asset).is_file()]
            modules[folder.name] = {
                "urls": [_url(f.relative_to(site).as_posix()) for f in files],
                "bytes": sum(_transfer_size(f) for f in files),
            }
        result[lang] = modules
    return result


def shell(site: Path) -> list[str]:
    # Installing the worker must not download what the first page did not need: Material's
    # bundle alone (search) would add a third to the cost of a first visit.
    found = {p.relative_to(site).as_posix() for pattern in SHELL_PATTERNS for p in site.glob(pattern)}
    return sorted(path for path in found if not path.rsplit("/", 1)[-1].startswith(NOT_IN_SHELL))


def release_version(site: Path) -> str:
    """A short hash of every file the site serves, except the worker itself."""
    digest = hashlib.sha256()
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.name != WORKER:
            digest.update(path.relative_to(site).as_posix().encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def manifest(lang: str, default: str, name: str) -> dict:
    """The web app manifest of one language; name is the default language's site_name."""
    return {
        # An installed app is named in its reader's language (i18n/interface.yml site.name).
        "name": name if lang == default else interface.text("site.name", lang),
        "short_name": interface.text("site.short_name", lang),
        "description": interface.text("offline.app_description", lang),
        "lang": lang,
        "dir": "rtl" if lang in RTL else "ltr",
        # Relative to the manifest, so the app opens in its language, on any host or sub-path.
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOR,
        "icons": [
            {
                "src": ("" if lang == default else "../") + "assets/images/favicon.svg",
                "sizes": "any",
                "type": "image/svg+xml",
            }
        ],
    }


def finalize(site: Path, languages: list[str], default: str, site_name: str) -> str:
    """Write the manifests and the list of module pages, then stamp sw.js with this release. Returns the version.

    Run it again on a changed site (as the tests do to publish a new release) and it stamps anew."""
    worker = site / WORKER
    if not worker.exists():
        raise FileNotFoundError(f"{worker}: the service worker was not copied from overrides/; is custom_dir set?")
    for lang in languages:
        folder = site if lang == default else site / lang
        (folder / MANIFEST).write_text(
            json.dumps(manifest(lang, default, site_name), ensure_ascii=False, indent=1), encoding="utf-8"
        )
    pages = {"pages": module_pages(site, languages, default)}
    (site / PAGES_LIST).write_text(json.dumps(pages, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    version = release_version(site)
    build = {
        "version": version,
        "languages": languages,
        "default": default,
        "offline": OFFLINE_PAGE,
        "offlineAssets": [path for path in OFFLINE_PAGE_ASSETS if (site / path).is_file()],
        "shell": shell(site),
        "pagesList": PAGES_LIST,
    }
    source = worker.read_text(encoding="utf-8")
    if source.startswith(PREAMBLE):  # stamped before: publishing again replaces the stamp
        source = source.split("\n", 1)[1]
    if "self.OSM_BUILD" not in source:
        raise ValueError(f"{worker}: the worker does not read self.OSM_BUILD, so it would never see a new release")
    worker.write_text(
        f"{PREAMBLE}{json.dumps(build, ensure_ascii=False, separators=(',', ':'))};\n{source}", encoding="utf-8"
    )
    return version
