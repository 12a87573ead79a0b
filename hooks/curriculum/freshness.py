"""Which sections of an English page changed since a translation was made from it.

A translation stores only the fingerprint of the English text it follows
(`source_fingerprint`). The English text itself is found again in git
history: the newest commit of the English file whose fingerprint matches.
So nothing but the fingerprint is stored, and a translator sees exactly
the sentences to update instead of a whole page marked out of date.

Without that history (a copy outside git, a shallow clone, a stamp made
from uncommitted text) the answer is None and callers fall back to the
page-level notice.
"""

from __future__ import annotations

import difflib
import functools
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .frontmatter import EXPLICIT_ID, HEADING, SourceError, read_source
from .translation import TRANSLATABLE, fingerprint_of

# The part of a page before its first anchored heading, and its title and summary.
INTRO = ""
# Git answers in milliseconds; a stuck git must not hold up a build.
GIT_TIMEOUT = 20


@dataclass(frozen=True)
class PastVersion:
    commit: str  # full SHA of the commit that holds the English text the translation was made from
    date: str  # its commit date, YYYY-MM-DD
    text: str  # the whole English file at that commit


def _git(cwd: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=GIT_TIMEOUT)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


@functools.lru_cache(maxsize=256)
def find_version(english_file: Path, wanted: str) -> PastVersion | None:
    """The newest committed version of english_file whose reader text has the fingerprint `wanted`."""
    folder, name = english_file.parent, english_file.name
    log = _git(folder, "log", "--format=%H %cs", "--", name)
    if not log:
        return None
    for line in log.split("\n"):
        if not line.strip():
            continue
        commit, date = line.split(" ", 1)
        text = _git(folder, "show", f"{commit}:./{name}")
        if text is None:
            continue
        try:
            source = read_source(name, text.encode("utf-8"))
        except SourceError:
            continue  # a broken past version cannot be the one a translation was stamped from
        if fingerprint_of(source.meta, source.body) == wanted:
            return PastVersion(commit, date, text)
    return None


def sections(body: str) -> dict[str, str]:
    """Body text per anchored heading (INTRO for the text before the first one), code blocks included."""
    found: dict[str, list[str]] = {INTRO: []}
    current, in_code = INTRO, False
    for line in body.split("\n"):
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            in_code = not in_code
        heading = None if in_code else HEADING.match(stripped)
        anchor = EXPLICIT_ID.search(heading.group(2)) if heading else None
        if anchor:
            current = anchor.group(1)
            found.setdefault(current, [])
        found[current].append(line.rstrip())
    return {key: "\n".join(lines).strip() for key, lines in found.items()}


def changed_sections(old_meta: dict, old_body: str, new_meta: dict, new_body: str) -> list[str]:
    """Anchors of the sections whose reader text changed, in the order of the new page.

    A changed title, description or objective counts as a change to INTRO; a
    changed checklist item counts against the section it points to.
    """
    changed = set()
    if any(old_meta.get(key) != new_meta.get(key) for key in TRANSLATABLE):
        changed.add(INTRO)
    old_items = {i.get("id"): i for i in old_meta.get("checklist") or [] if isinstance(i, dict)}
    for item in new_meta.get("checklist") or []:
        if isinstance(item, dict) and old_items.get(item.get("id"), {}).get("text") != item.get("text"):
            changed.add(item.get("section") or INTRO)
    before, after = sections(old_body), sections(new_body)
    changed.update(anchor for anchor, text in after.items() if before.get(anchor) != text)
    return [anchor for anchor in after if anchor in changed]


def changed_since(english_file: Path, stamped: str, current_meta: dict, current_body: str) -> list[str] | None:
    """Sections of english_file changed since the version with fingerprint `stamped`; None if unknown."""
    version = find_version(english_file.resolve(), stamped)
    if version is None:
        return None
    try:
        old = read_source(english_file.name, version.text.encode("utf-8"))
    except SourceError:
        return None
    return changed_sections(old.meta, old.body, current_meta, current_body)


def english_diff(english_file: Path, stamped: str) -> tuple[PastVersion, str] | None:
    """The unified diff of english_file from the version with fingerprint `stamped` to the file as it is now."""
    version = find_version(english_file.resolve(), stamped)
    if version is None:
        return None
    now = english_file.read_text(encoding="utf-8")
    label = english_file.name
    diff = difflib.unified_diff(
        version.text.splitlines(keepends=True),
        now.splitlines(keepends=True),
        fromfile=f"{label} ({version.commit[:12]}, {version.date})",
        tofile=f"{label} (now)",
    )
    return version, "".join(diff)


def named_sections(translation, english, docs_dir: Path, intro_label: str) -> list[tuple[str, str]] | None:
    """(anchor, heading as the translation words it) of each section changed since `translation` was stamped.

    translation and english are model entries; None when the old English text is not in git history.
    """
    stamped = translation.meta.get("source_fingerprint")
    if not stamped:
        return None
    changed = changed_since(Path(docs_dir) / english.src, str(stamped), english.meta, english.source.body)
    if changed is None:
        return None
    translated = {h.anchor: h.text for h in translation.source.headings() if h.anchor}
    english_headings = {h.anchor: h.text for h in english.source.headings() if h.anchor}
    return [
        (anchor, intro_label if anchor == INTRO else translated.get(anchor) or english_headings.get(anchor, anchor))
        for anchor in changed
    ]
