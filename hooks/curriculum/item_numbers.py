"""Step 2b (validate): a permanent number for every checklist item, for progress links.

A progress link (team-progress.js) carries a team's ticks as one bit per item
number, which keeps it short enough for a chat message. The numbers come from
an append-only list, so a link made before an item was added, moved or
removed still names the same items; an id is never numbered twice.
"""

from __future__ import annotations

from pathlib import Path

from .model import Curriculum
from .problems import Problem

LOCK_NAME = "published-checklist-items.txt"
HEADER = """\
# Every checklist item id the site has published. An item's number is its place in this list
# (comment lines do not count): progress links carry ticks by number (team-progress.js), so a
# line is never moved or deleted, even when its item is removed. scripts/lock-checklist-items
# adds the ids of new items at the end.
"""


def read(path: Path) -> list[str]:
    """Item ids in number order (number = index + 1); an absent file is an empty list."""
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def write(path: Path, ids: list[str]) -> None:
    path.write_text(HEADER + "".join(f"{item_id}\n" for item_id in ids), encoding="utf-8")


def current_items(curriculum: Curriculum) -> list[tuple[str, str, int]]:
    """(id, path, line) of every item in the lessons, in curriculum order."""
    found = []
    for lesson in curriculum.lessons():
        for index, raw in enumerate(lesson.meta.get("checklist") or []):
            if isinstance(raw, dict) and isinstance(raw.get("id"), str):
                found.append((raw["id"], lesson.source.path, lesson.source.line_of(("checklist", index, "id"))))
    return found


def with_new_items(locked: list[str], curriculum: Curriculum) -> list[str]:
    """The lock with the ids it lacks appended, in curriculum order."""
    known = set(locked)
    added = [
        item_id
        for item_id, _, _ in current_items(curriculum)
        if item_id not in known and not item_id.startswith("TODO")
    ]
    return locked + list(dict.fromkeys(added))


def _file_line(path: Path | None, number: int) -> int:
    """The line of the lock that gives this number (1 when the file is not at hand)."""
    if path is None or not path.exists():
        return 1
    counted = 0
    for line, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if text.strip() and not text.startswith("#"):
            counted += 1
            if counted == number:
                return line
    return 1


def check(
    curriculum: Curriculum, locked: list[str], lock_shown: str = LOCK_NAME, lock_path: Path | None = None
) -> list[Problem]:
    problems = []
    seen: dict[str, int] = {}
    for number, item_id in enumerate(locked, 1):
        if item_id in seen:
            problems.append(
                Problem(
                    lock_shown,
                    _file_line(lock_path, number),
                    "checklist item number",
                    f"`{item_id}` is listed twice (numbers {seen[item_id]} and {number}); restore the file from git: its lines are never edited by hand",
                )
            )
        seen.setdefault(item_id, number)
    for item_id, path, line in current_items(curriculum):
        # A placeholder id from scripts/new-lesson is reported as a placeholder; numbering it would be wrong.
        if item_id not in seen and not item_id.startswith("TODO"):
            problems.append(
                Problem(
                    path,
                    line,
                    "checklist item number",
                    f"`{item_id}` has no number for progress links yet; run scripts/lock-checklist-items and commit {lock_shown}",
                )
            )
    return problems
