"""The one shape every content error takes, so contributors see the same format everywhere."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the repository root, with forward slashes
    line: int  # 1-based line in that file
    field: str  # the front-matter field, or what kind of problem it is
    message: str  # what is wrong, and what to write instead

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


class ContentError(Exception):
    """Raised with every problem found, so a build reports them all at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        count = len(self.problems)
        lines = "\n".join(str(p) for p in self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the content:\n{lines}")
