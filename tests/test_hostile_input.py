"""Input too large to keep as a fixture: each gets one clear path:line message from scripts/validate and the build.

The small hostile cases (alias bombs, tags, deep nesting, raw HTML) are fixtures in
tests/fixtures/invalid/ and run with every other bad input in test_validation.py.
"""

import subprocess
import sys

import pytest

from conftest import ROOT
from curriculum.frontmatter import MAX_FRONT_MATTER_BYTES, MAX_PAGE_BYTES
from helpers import copy_fixture_site

LESSON = "docs/01-alpha/second-lesson.md"
# Not a speed claim (scripts/bench measures speed): a hang would otherwise stall CI until its own timeout.
HANG_GUARD_SECONDS = 120


def run(script: str, site, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / script), "--config", str(site / "mkdocs.yml"), *args],
        cwd=site,
        capture_output=True,
        text=True,
        timeout=HANG_GUARD_SECONDS,
    )


def with_lesson(tmp_path, make_text):
    site = copy_fixture_site(tmp_path / "site")
    page = site / LESSON
    head, body = page.read_text(encoding="utf-8").split("\n---\n", 1)
    page.write_text(make_text(head, body), encoding="utf-8")
    return site


HUGE = {
    "ten-megabyte-page": (
        lambda head, body: head + "\n---\n" + body + ("A sentence of the lesson.\n" * 420_000),
        f"{LESSON}:1: size: the file is larger than {MAX_PAGE_BYTES // 1024} KB;",
    ),
    "one-line-of-ten-megabytes": (
        lambda head, body: head + "\n---\n" + "x" * 10_000_000 + "\n",
        f"{LESSON}:1: size: the file is larger than {MAX_PAGE_BYTES // 1024} KB;",
    ),
    "front-matter-of-forty-kilobytes": (
        lambda head, body: head + "".join(f'\nextra{i}: "{"z" * 3000}"' for i in range(14)) + "\n---\n" + body,
        f"{LESSON}:2: front-matter: is larger than {MAX_FRONT_MATTER_BYTES // 1024} KB;",
    ),
}


@pytest.mark.parametrize("case", HUGE, ids=list(HUGE))
def test_huge_input_gets_one_message_from_validate(case, tmp_path):
    make_text, expected = HUGE[case]
    site = with_lesson(tmp_path, make_text)
    result = run("validate", site)
    assert result.returncode == 1
    assert expected in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_build_refuses_hostile_page_and_keeps_the_previous_site(tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    assert run("build", site).returncode == 0
    built = sorted(p.relative_to(site / "site") for p in (site / "site").rglob("*"))
    page = site / LESSON
    page.write_text(page.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n", encoding="utf-8")
    result = run("build", site)
    assert result.returncode != 0
    assert f"{LESSON}:" in result.stdout + result.stderr
    assert "`<script>` runs code in every reader's browser" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert sorted(p.relative_to(site / "site") for p in (site / "site").rglob("*")) == built
