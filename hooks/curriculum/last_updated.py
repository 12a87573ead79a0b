"""When each page's source last changed, from git, written in the reader's language.

One `git log` over the whole docs/ folder answers for every file at once:
a call per page would cost seconds on every build of seven languages.
Outside a git checkout, or for a file never committed, there is no date
and the page says nothing, rather than something untrue.
"""

from __future__ import annotations

import datetime
import html
import subprocess
from pathlib import Path

from . import interface, numbers

# A NUL byte cannot start a file name, so it marks the line that carries a commit's date.
_DATE_MARK = "\x00"


def parse_log(output: str) -> dict[str, str]:
    """File -> date of its newest commit, from `git log --format=%x00%cs --name-only` (newest first)."""
    dates: dict[str, str] = {}
    current = None
    for line in output.split("\n"):
        if line.startswith(_DATE_MARK):
            current = line[len(_DATE_MARK) :].strip()
        elif line and current:
            dates.setdefault(line, current)
    return dates


def commit_dates(docs_dir: Path) -> dict[str, str]:
    """Path relative to docs_dir -> YYYY-MM-DD of the last commit that changed it; empty outside git."""
    try:
        result = subprocess.run(
            ["git", "-c", "core.quotePath=false", "log", "--format=%x00%cs", "--name-only", "--relative", "--", "."],
            cwd=docs_dir,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    return parse_log(result.stdout) if result.returncode == 0 else {}


def paragraph(date: str, lang: str) -> str:
    """The line shown at the end of a page, in lang, with the machine-readable date."""
    when = numbers.date(datetime.date.fromisoformat(date), lang)
    label = interface.text("page.updated", lang, date=f'<time datetime="{date}">{html.escape(when)}</time>')
    # <small>: a side note, set smaller by the browser without needing a stylesheet rule.
    return f'<p class="osm-updated" lang="{lang}"><small>{label}</small></p>'
