"""Step 3 (enrich): the "Read offline" page, in every language, and the save control on module pages.

On the hosted site the page lists what this device has saved (filled in by
assets/javascripts/offline.js from the service worker), offers each module
for saving, and lists the offline copies to download, with their sizes.
The service worker also shows it, at the address asked for, when a reader
is offline and opens a page that is not saved. Inside an offline copy it
says what that copy is and how to share it.
"""

from __future__ import annotations

import html
import json
import posixpath
from dataclasses import dataclass
from pathlib import Path

from . import interface, numbers
from .checklist_pages import front_matter
from .model import MODULE_FOLDER

PAGE = "offline.md"
DOWNLOADS = "download"  # folder of the hosted site that serves the zips
# scripts/build makes the bundles before the hosted build and says where their list is.
BUNDLES_ENV = "OSM_OFFLINE_BUNDLES"
STRINGS = (
    "save_button",
    "remove_button",
    "estimate",
    "saving",
    "saved_status",
    "save_failed",
    "storage_full",
    "removed",
    "saved_none",
    "saved_pages",
)


@dataclass(frozen=True)
class BundleEntry:
    lang: str
    name: str
    file: str
    bytes: int
    kiwix_file: str | None = None  # the language's ZIM, when the build made one
    kiwix_bytes: int = 0


def read_bundles(path: str | Path | None) -> list[BundleEntry] | None:
    if not path or not Path(path).is_file():
        return None
    return [BundleEntry(**entry) for entry in json.loads(Path(path).read_text(encoding="utf-8"))]


def size_text(size: int, lang: str) -> str:
    megabytes = size / 1_000_000
    if megabytes >= 1:
        return f"{numbers.number(round(megabytes, 1), lang)} MB"
    return f"{numbers.number(round(size / 1000), lang)} KB"


# The hosted site is built while the offline copies are still being made (scripts/build), so their
# sizes are not known yet: the page holds a placeholder per file, filled in once the files exist.
SIZE_PLACEHOLDER = '<span data-download-size="{file}"></span>'


def size_html(file: str, size: int, lang: str) -> str:
    return size_text(size, lang) if size else SIZE_PLACEHOLDER.format(file=html.escape(file))


def fill_sizes(page: str, sizes: dict[str, int], lang: str) -> str:
    """The built offline page with every placeholder replaced by the file's size in the page's digits."""
    for file, size in sizes.items():
        page = page.replace(SIZE_PLACEHOLDER.format(file=html.escape(file)), size_text(size, lang))
    return page


def planned_list(languages: list[str], names: dict[str, str], kiwix_files: dict[str, str]) -> list[dict]:
    """The download list before the files exist: their names, sizes to come."""
    return [
        {"lang": lang, "name": names[lang], "file": f"offline-{lang}.zip", "bytes": 0}
        | ({"kiwix_file": kiwix_files[lang], "kiwix_bytes": 0} if lang in kiwix_files else {})
        for lang in languages
    ]


def module_of_index(src: str) -> str | None:
    """The module folder when src is a module's index page (where the save control goes), else None."""
    folder, _, name = src.partition("/")
    return folder if name == "index.md" and MODULE_FOLDER.match(folder) else None


def strings(lang: str) -> dict[str, str]:
    """What offline.js says, in the page's language."""
    return {**{key: interface.text(f"offline.{key}", lang) for key in STRINGS}, "numbering": numbers.system(lang)}


def save_control(module_folder: str, lang: str, title: str) -> str:
    """Buttons and a status line; hidden until offline.js knows the browser can save (a service worker runs)."""
    label = html.escape(title)
    return (
        f'<div class="osm-save" data-offline-module="{module_folder}" data-offline-lang="{lang}" '
        f'data-offline-title="{label}" hidden>'
        f'<button type="button" class="md-button md-button--primary" data-offline-action="save">'
        f"{interface.text('offline.save_button', lang)}</button> "
        f'<button type="button" class="md-button" data-offline-action="remove" hidden>'
        f"{interface.text('offline.remove_button', lang)}</button>"
        f'<p class="osm-save__status" role="status" data-offline-status></p></div>\n'
    )


def render(
    modules: list[tuple[str, str, str]],
    lang: str,
    default: str,
    bundles: list[BundleEntry] | None,
    in_bundle: bool,
) -> str:
    """Markdown of offline.md. modules: (folder, title, index src) in order."""
    t = lambda key, **values: interface.text(f"offline.{key}", lang, **values)  # noqa: E731
    out = [front_matter(t("page_title"), t("page_description"))]
    if in_bundle:
        out += [t("in_bundle") + "\n", f"## {t('share_heading')} {{#share}}\n", *_sharing(t)]
        return "\n".join(out)
    out += [
        f'<div class="admonition warning" data-offline-fallback hidden><p>{html.escape(t("fallback_notice"))}</p></div>\n',
        f"## {t('saved_heading')} {{#saved}}\n",
        f'<div class="osm-saved" data-offline-saved><p>{html.escape(t("saved_none"))}</p></div>\n',
        f"## {t('save_heading')} {{#save}}\n",
        t("save_intro") + "\n",
    ]
    for folder, title, src in modules:
        link = posixpath.relpath(src, posixpath.dirname(PAGE) or ".")
        out.append(f"### [{html.escape(title, quote=False)}]({link}) {{#save-{folder}}}\n")
        out.append(save_control(folder, lang, title))
    out += [f"## {t('bundles_heading')} {{#download}}\n", t("bundles_intro") + "\n"]
    if bundles:
        out += [_download(b, b.file, b.bytes, lang, default) for b in bundles] + [""]
    else:
        out.append(t("bundles_missing") + "\n")
    out += _kiwix(t, [b for b in bundles or [] if b.kiwix_file], lang, default)
    out += [f"## {t('share_heading')} {{#share}}\n", *_sharing(t)]
    return "\n".join(out)


def _download(bundle: BundleEntry, file: str, size: int, lang: str, default: str) -> str:
    """One download as a list item: the language's name, the file and its size."""
    # Raw links: the files are not Markdown sources, and MkDocs would report them as unknown.
    href = "../" * (1 if lang == default else 2) + f"{DOWNLOADS}/{file}"
    return (
        f'- <a href="{href}" hreflang="{bundle.lang}" download>{html.escape(bundle.name)}</a>: '
        f"{file}, {size_html(file, size, lang)}"
    )


def _kiwix(t, bundles: list[BundleEntry], lang: str, default: str) -> list[str]:
    """The Kiwix files: what Kiwix is, the files with their sizes, how to open, share and serve one."""
    out = [f"## {t('kiwix_heading')} {{#kiwix}}\n", t("kiwix_intro") + "\n"]
    if bundles:
        out += [_download(b, b.kiwix_file, b.kiwix_bytes, lang, default) for b in bundles] + [""]
    else:
        out.append(t("kiwix_missing") + "\n")
    out += [f"1. {t('kiwix_install')}", f"2. {t('kiwix_download')}", f"3. {t('kiwix_open')}", ""]
    out += [t("kiwix_share") + "\n", t("kiwix_serve") + "\n"]
    return out


def _sharing(t) -> list[str]:
    return [f"- {t('share_usb')}", f"- {t('share_network')}", f"- {t('share_phone')}", "", t("progress_note") + "\n"]
