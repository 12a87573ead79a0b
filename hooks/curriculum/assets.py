"""Step 5 (post-process, after MkDocs has written every page): smaller CSS and scripts.

Material ships one stylesheet for every feature it has; these pages use a
fraction of it. PurgeCSS keeps only the rules whose selectors appear in the
built pages or in the scripts (Material's own script is included, so the
search interface it draws on demand keeps its styles). Terser minifies the
project's scripts. Both are well-kept npm tools, installed by `make site`
from package.json; file names stay the same, so no page needs rewriting.
"""

from __future__ import annotations

import os
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

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


class AssetToolMissing(RuntimeError):
    pass


def _tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        raise AssetToolMissing(f"{path} is missing; run `make site` (it runs `npm ci`) to install the build tools")
    return str(path)


def trim_css(site: Path) -> dict[str, tuple[int, int]]:
    """Remove unused rules from Material's stylesheets in place; returns file -> (bytes before, after)."""
    sheets = sorted((site / "assets" / "stylesheets").glob("*.min.css"))
    sizes = {s.name: s.stat().st_size for s in sheets}
    content = [str(site / "**" / "*.html"), str(site / "assets" / "javascripts" / "*.js")]
    subprocess.run(
        [
            _tool("purgecss"),
            "--css",
            *map(str, sheets),
            "--content",
            *content,
            "--safelist",
            *SAFELIST,
            "--output",
            str(sheets[0].parent),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return {name: (before, (site / "assets" / "stylesheets" / name).stat().st_size) for name, before in sizes.items()}


def minify_scripts(site: Path) -> dict[str, tuple[int, int]]:
    paths = [site / "assets" / "javascripts" / name for name in OWN_SCRIPTS]
    paths = [path for path in paths if path.exists()]
    # One terser process per file, as many at once as there are cores: most of each run is Node starting.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return dict(zip([p.name for p in paths], pool.map(minify, paths), strict=True))


def minify(path: Path) -> tuple[int, int]:
    """Minify one script in place; (size before, size after)."""
    before = path.stat().st_size
    subprocess.run(
        [_tool("terser"), str(path), "--compress", "--mangle", "--output", str(path)],
        check=True,
        capture_output=True,
        text=True,
    )
    return before, path.stat().st_size
