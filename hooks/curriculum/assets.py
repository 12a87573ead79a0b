"""Step 5 (post-process, after MkDocs has written every page): smaller CSS and scripts.

Material ships one stylesheet for every feature it has; these pages use a
fraction of it. PurgeCSS keeps only the rules whose selectors appear in the
built pages or in the project's scripts. Material's own script loads only
for search, so what it draws (results, tooltips) is in a second stylesheet
that comes with it. Terser minifies the project's scripts and rcssmin its
stylesheet. PurgeCSS and Terser are well-kept npm tools, installed by
`make site` from package.json; file names stay the same, so no page needs
rewriting.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import rcssmin

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / "node_modules" / ".bin"
# Selectors Material builds at run time from pieces, which no file spells out in full.
SAFELIST = [
    "md-search-result",
    "md-typeset",
    "md-tooltip",
    "md-annotation",
    "md-clipboard",
    "focus-visible",
    "data-md-state",
]
# Set on <html> by an inline script (overrides/main.html) before the first paint.
INLINE_SCRIPT_CLASSES = {"js"}
# Material's stylesheet as its script needs it: search-on-demand.js swaps it in before the script.
FULL_SHEET = "bundle.css"
OWN_SHEET = "curriculum.css"
OWN_SCRIPTS = (
    "checklists.js",
    "team-progress.js",
    "copy-link.js",
    "search-on-demand.js",
    "language-switch.js",
    "offline.js",
    "file-worker.js",  # these two only in the offline copy
    "file-worker-scope.js",
)


# Terser's own interface, called once for every script (see the file for why).
MINIFY_SCRIPTS = Path(__file__).with_name("minify-scripts.mjs")


class AssetToolMissing(RuntimeError):
    pass


def _tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        raise AssetToolMissing(f"{path} is missing; run `make site` (it runs `npm ci`) to install the build tools")
    return str(path)


def trim_css(site: Path, markup: set[str], copies: tuple[Path, ...] = ()) -> dict[str, tuple[int, int]]:
    """Two stylesheets from Material's, in place; returns file -> (bytes before, after).

    markup: the tags, attributes and classes of every page of site (site_links.Page.markup).
    The pages load only the rules their own markup and the project's scripts use, so a word
    in a lesson ("note", "version") keeps no rule for a component of that name. Search loads
    Material's script, which draws more (results, tooltips, the code copy button): it brings
    FULL_SHEET, the same rules in the same order plus what that script needs.
    copies: other builds of the same pages whose markup is a subset of site's (the offline copy
    leaves out, never adds): they get the same stylesheets."""
    folder = site / "assets" / "stylesheets"
    sheets = sorted(folder.glob("*.min.css"))
    sizes = {s.name: s.stat().st_size for s in sheets}
    main = next(s for s in sheets if s.name.startswith("main."))
    scripts = site / "assets" / "javascripts"
    own = [str(scripts / name) for name in OWN_SCRIPTS if (scripts / name).exists()]
    with tempfile.TemporaryDirectory() as scratch:
        words = Path(scratch) / "markup.txt"
        words.write_text("\n".join(sorted(markup | INLINE_SCRIPT_CLASSES)), encoding="utf-8")
        source = Path(scratch) / "source" / main.name
        source.parent.mkdir()
        shutil.copyfile(main, source)
        _purge(sheets, [str(words), *own], folder)
        # The full sheet keeps every rule the page sheet kept (its selectors are the content
        # read) and those Material's script needs.
        _purge([source], [str(main), *own, *map(str, scripts.glob("bundle.*.js"))], Path(scratch))
        shutil.move(Path(scratch) / main.name, folder / FULL_SHEET)
    for other in copies:
        for name in [*sizes, FULL_SHEET]:
            shutil.copyfile(folder / name, other / "assets" / "stylesheets" / name)
    return {name: (before, (folder / name).stat().st_size) for name, before in sizes.items()}


def _purge(sheets: list[Path], content: list[str], out: Path) -> None:
    command = [_tool("purgecss"), "--css", *map(str, sheets), "--content", *content, "--variables"]
    # --variables: custom properties no kept rule reads go too (Mermaid's colours, icons).
    subprocess.run(
        [*command, "--safelist", *SAFELIST, "--output", str(out)], check=True, capture_output=True, text=True
    )


def minify_own_css(site: Path) -> dict[str, tuple[int, int]]:
    """The project's stylesheet without its comments and spaces; file -> (bytes before, after)."""
    path = site / "assets" / "stylesheets" / OWN_SHEET
    if not path.exists():
        return {}
    source = path.read_text(encoding="utf-8")
    path.write_text(rcssmin.cssmin(source), encoding="utf-8")
    return {OWN_SHEET: (len(source.encode()), path.stat().st_size)}


def minify_scripts(
    site: Path, copies: tuple[Path, ...] = (), also: tuple[Path, ...] = ()
) -> dict[str, tuple[int, int]]:
    """Minify the project's scripts in place; file -> (bytes before, after) in site.

    copies: other builds; a script identical to site's gets site's minified file.
    also: other scripts to minify in the same run (the service worker)."""
    paths = [site / "assets" / "javascripts" / name for name in OWN_SCRIPTS]
    paths = [path for path in paths if path.exists()]
    sources = {path.name: path.read_bytes() for path in paths}
    same, own = [], []
    for other in copies:
        for name in OWN_SCRIPTS:
            path = other / "assets" / "javascripts" / name
            if path.exists():
                (same if sources.get(name) == path.read_bytes() else own).append(path)
    sizes = minify(*paths, *own, *also)
    for path in same:
        shutil.copyfile(site / "assets" / "javascripts" / path.name, path)
    return {path.name: sizes[path] for path in paths}


def minify(*paths: Path) -> dict[Path, tuple[int, int]]:
    """Minify scripts in place, all in one Node process; path -> (size before, size after)."""
    if not paths:
        return {}
    _tool("terser")  # installed by `npm ci`; the script below imports it
    node = shutil.which("node")
    if node is None:
        raise AssetToolMissing("node is missing: the build tools run on Node.js; install Node.js 20 and npm")
    before = {path: path.stat().st_size for path in paths}
    subprocess.run([node, str(MINIFY_SCRIPTS), *map(str, paths)], check=True, capture_output=True, text=True)
    return {path: (size, path.stat().st_size) for path, size in before.items()}
