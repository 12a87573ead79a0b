"""Section-level freshness: an outdated translation names the English sections that changed.

The fixture site goes into a git repository of its own, the English changes
in one paragraph, and the Spanish page's notice and `translation-status
--diff` must point at exactly that paragraph.
"""

import re
import subprocess

import pytest

from conftest import run_script
from curriculum import freshness
from helpers import copy_fixture_site

LESSON = "docs/01-alpha/first-lesson.md"


def git(repo, *args):
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def site_with_history(tmp_path):
    """The fixture site committed once (the Spanish page is current), then one English paragraph changed."""
    site = copy_fixture_site(tmp_path / "site")
    git(site, "init", "-q")
    git(site, "add", ".")
    git(site, "commit", "-q", "-m", "fixture")
    lesson = site / LESSON
    lesson.write_text(lesson.read_text().replace("The idea.\n", "The idea, now with a second thought.\n"))
    return site


def test_sections_split_at_anchored_headings_and_ignore_code():
    body = "Intro.\n\n## A {#a}\n\nText.\n\n```\n## not a heading {#b}\n```\n\n### C {#c}\n\nMore."
    parts = freshness.sections(body)
    assert list(parts) == ["", "a", "c"]
    assert "not a heading" in parts["a"]


def test_changed_sections_counts_front_matter_and_checklist_items():
    old_meta = {"title": "T", "checklist": [{"id": "x", "text": "Do x.", "section": "a"}]}
    body = "Intro.\n\n## A {#a}\n\nText.\n\n## B {#b}\n\nOther."
    new_meta = {"title": "T", "checklist": [{"id": "x", "text": "Do x now.", "section": "a"}]}
    assert freshness.changed_sections(old_meta, body, new_meta, body) == ["a"]
    assert freshness.changed_sections(old_meta, body, {**old_meta, "title": "New"}, body) == [""]
    assert freshness.changed_sections(old_meta, body, old_meta, body.replace("Other.", "Else.")) == ["b"]
    assert freshness.changed_sections(old_meta, body, old_meta, body) == []


def test_outdated_notice_names_the_changed_section(site_with_history):
    result = run_script("build", "--config", str(site_with_history / "mkdocs.yml"), cwd=site_with_history)
    assert result.returncode == 0, result.stdout + result.stderr
    html = (site_with_history / "site" / "es" / "01-alpha" / "first-lesson" / "index.html").read_text()
    notice = html[html.index('data-translation-status="outdated"') :]
    notice = notice[: notice.index("</div>")]
    # The Spanish heading of the one changed section, linked to its anchor; no other section.
    assert re.search(r'Secciones que cambiaron en inglés: <a href="#the-idea">La idea</a>\.', notice), notice
    assert "why-it-matters" not in notice


def test_diff_prints_exactly_the_english_change(site_with_history):
    result = run_script(
        "translation-status", "--config", str(site_with_history / "mkdocs.yml"), "--diff", LESSON, "es",
        cwd=site_with_history,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    changes = [line for line in result.stdout.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert changes == ["-The idea.", "+The idea, now with a second thought."], result.stdout


def test_diff_explains_when_history_cannot_tell(tmp_path):
    site = copy_fixture_site(tmp_path / "site")  # not a git repository
    lesson = site / LESSON
    lesson.write_text(lesson.read_text().replace("The idea.\n", "Another idea.\n"))
    result = run_script("translation-status", "--config", str(site / "mkdocs.yml"), "--diff", LESSON, "es", cwd=site)
    assert result.returncode == 1
    assert "git history" in result.stdout and "first-lesson.es.md" in result.stdout


def test_current_translation_has_nothing_to_diff(tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    git(site, "init", "-q")
    git(site, "add", ".")
    git(site, "commit", "-q", "-m", "fixture")
    result = run_script("translation-status", "--config", str(site / "mkdocs.yml"), "--diff", LESSON, "es", cwd=site)
    assert result.returncode == 0 and "up to date" in result.stdout, result.stdout
