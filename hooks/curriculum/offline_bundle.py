"""Step 5 (post-process): one zip per language that works from the file system, with no server and no network.

The offline build (mkdocs.offline.yml) writes file URLs (page.html, not
page/), so every link opens straight from a folder. Two things a browser
refuses over file:// are worked around here: it will not fetch the search
index, so the index also becomes a script (`var __index = ...`, which
Material's bundle loads when it sees file://); and it will not start a Web
Worker, so the bundle carries a stand-in (hooks/offline-scripts/file-worker.js)
that runs the search worker in a hidden frame. Material's offline plugin
would load iframe-worker from a CDN for this, and that shim writes an inline
script no Content Security Policy hash can foresee (it holds the folder the
reader unpacked the copy to); the stand-in loads only files of the copy.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from . import content_policy, interface, numbers, redirects

SHIM = "assets/javascripts/file-worker.js"
SHIM_SOURCES = Path(__file__).resolve().parent.parent / "offline-scripts"
# What a reader of a copy never needs: the server's error page, the sitemap for
# search engines, the hosted site's service worker, source maps for developers,
# and lunr languages no index uses.
LEFT_OUT_NAMES = {"404.html", "sitemap.xml", "sitemap.xml.gz", "sw.js"}
LUNR_DIR = "assets/javascripts/lunr/"


@dataclass(frozen=True)
class Bundle:
    lang: str
    name: str  # the language's own name, for the download list
    path: Path
    bytes: int


def search_scripts(site: Path, languages: list[str], default: str) -> list[Path]:
    """Next to each language's search_index.json, the same index as a script for file://."""
    written = []
    for lang in languages:
        folder = site / "search" if lang == default else site / lang / "search"
        index = folder / "search_index.json"
        if index.exists():
            script = folder / "search_index.js"
            script.write_text("var __index = " + index.read_text(encoding="utf-8"), encoding="utf-8")
            written.append(script)
    return written


def add_worker_shim(site: Path, sources: Path = SHIM_SOURCES) -> list[Path]:
    """Copy the worker stand-in and the scope script it loads into its frame into the site."""
    written = []
    for source in sorted(sources.glob("*.js")):
        target = site / SHIM.rsplit("/", 1)[0] / source.name
        shutil.copyfile(source, target)
        written.append(target)
    return written


def lunr_files_used(languages_settings: dict[str, dict]) -> set[str]:
    """lunr files the search worker imports for these indexes (see Material's search worker)."""
    used = set()
    for settings in languages_settings.values():
        langs = [lang for lang in settings.get("lang", ["en"]) if lang != "en"]
        if langs:
            used.add("min/lunr.stemmer.support.min.js")
            used.update(f"min/lunr.{lang}.min.js" for lang in langs)
        if "hi" in langs:
            used.add("wordcut.js")
        if len(settings.get("lang", [])) > 1:
            used.add("min/lunr.multi.min.js")
    return used


def _belongs(top: str, lang: str, languages: list[str], default: str) -> bool:
    """Does a top-level folder or file of the site belong to this language's copy?"""
    if lang == default:
        return top not in languages  # assets, the default language's pages, go/, search/
    return top in (lang, "assets")


def members(site: Path, lang: str, languages: list[str], default: str, lunr_used: set[str]) -> list[str]:
    """Paths (relative to the site) that belong in one language's bundle."""
    chosen = []
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if not path.is_file() or not _belongs(relative.split("/", 1)[0], lang, languages, default):
            continue
        if path.name in LEFT_OUT_NAMES or path.suffix == ".map":
            continue
        if relative.startswith(LUNR_DIR) and relative[len(LUNR_DIR) :] not in lunr_used:
            continue
        chosen.append(relative)
    return chosen


def readme(lang: str, language_name: str, made: datetime) -> str:
    text = interface.text(
        "offline.readme",
        lang,
        site=interface.text("site.name", lang),
        language=language_name,
        date=numbers.digits(made.date().isoformat(), lang),
    )
    # Windows Notepad and phones both read CRLF; a plain text file for everyone.
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def start_page(lang: str, site_title: str) -> str:
    """index.html at the top of a bundle whose pages live in a language folder: it opens that folder."""
    return content_policy.add_policy(redirects.render(f"{lang}/index.html", site_title, lang))


def write_zip(
    site: Path,
    lang: str,
    name: str,
    files: list[str],
    destination: Path,
    site_title: str,
    default: str,
    made: datetime | None = None,
) -> Bundle:
    """Write offline-<lang>.zip: one top folder, README.txt and index.html first, then the pages."""
    made = made or datetime.now(UTC)
    top = f"open-source-mentorship-{lang}"
    stamp = made.timetuple()[:6]
    destination.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(destination, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:

        def add(arcname: str, data: bytes) -> None:
            info = zipfile.ZipInfo(f"{top}/{arcname}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=9)

        add("README.txt", readme(lang, name, made).encode("utf-8"))
        if lang != default:
            add("index.html", start_page(lang, site_title).encode("utf-8"))
        for relative in files:
            add(relative, (site / relative).read_bytes())
    return Bundle(lang, name, destination, destination.stat().st_size)


def pages_of_language(site: Path, lang: str, languages: list[str], default: str) -> set[str]:
    """Every HTML page a language has in a built site (what its bundle must contain)."""
    return {
        relative
        for path in site.rglob("*.html")
        if path.name not in LEFT_OUT_NAMES
        and _belongs((relative := path.relative_to(site).as_posix()).split("/", 1)[0], lang, languages, default)
        and not relative.startswith("assets/")
    }


def write_list(bundles: list[Bundle], path: Path, kiwix: dict[str, Path] | None = None) -> None:
    """The bundles' names and sizes, for the hosted site's download list; kiwix: lang -> its ZIM file."""
    kiwix = kiwix or {}
    data = []
    for b in bundles:
        entry = {"lang": b.lang, "name": b.name, "file": b.path.name, "bytes": b.bytes}
        if b.lang in kiwix:
            entry |= {"kiwix_file": kiwix[b.lang].name, "kiwix_bytes": kiwix[b.lang].stat().st_size}
        data.append(entry)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
