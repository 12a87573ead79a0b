"""Strict builds of the fixture site and the real docs, and the guarantee that a failed build loses nothing."""

import hashlib
import json
import re
import subprocess
from pathlib import Path

from conftest import ROOT, run_script
from helpers import INVALID_CASES, apply_case, copy_fixture_site


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_fixture_site_builds_strictly_with_lessons_in_order(tmp_path):
    site = copy_fixture_site(tmp_path / "fixture")
    result = run_script("build", "--config", str(site / "mkdocs.yml"), cwd=site)
    assert result.returncode == 0, result.stdout + result.stderr
    out = site / "site"
    assert (out / "01-alpha" / "first-lesson" / "index.html").exists()
    assert (out / "es" / "01-alpha" / "first-lesson" / "index.html").exists()
    html = (out / "01-alpha" / "second-lesson" / "index.html").read_text()
    html = html[html.index("md-nav--primary"):]
    nav = re.findall(r'<span class="md-ellipsis">\s*([^<]+?)\s*</span>', html)
    # The module section takes its title from the module page, lessons follow their `order`.
    assert nav.index("Alpha module") < nav.index("First lesson") < nav.index("Second lesson") < nav.index("Beta module")
    assert "Built " in result.stdout and str(out) in result.stdout
    # A build on its own makes its pages' search entries in a second process (hooks/build_worker.py).
    index = json.loads((out / "es" / "search" / "search_index.json").read_text())
    assert {"", "01-alpha/first-lesson/", "01-alpha/first-lesson/#why-it-matters"} <= {d["location"] for d in index["docs"]}


def test_real_site_builds_strictly(built_site):
    assert (built_site / "index.html").exists()
    lessons = list(built_site.glob("0[1-5]-*/*/index.html"))
    assert len(lessons) >= 5


def test_footer_states_both_licenses(built_site):
    html = (built_site / "index.html").read_text()
    assert "creativecommons.org/licenses/by-sa/4.0/" in html
    assert "MIT License" in html


def test_the_error_page_is_in_the_default_language(built_site):
    # Each language's build renders the one 404 page at the root; the last one built used to win.
    html = (built_site / "404.html").read_text()
    assert re.search(r'<html lang="en"[ >]', html)
    home = (built_site / "index.html").read_text()
    title = re.search(r'<a href="[^"]*" title="([^"]+)" class="md-header__button md-logo"', home).group(1)
    assert f'title="{title}" class="md-header__button md-logo"' in html


def test_failed_build_leaves_previous_site_untouched(tmp_path):
    site = copy_fixture_site(tmp_path / "fixture")
    first = run_script("build", "--config", str(site / "mkdocs.yml"), cwd=site)
    assert first.returncode == 0, first.stderr
    before = digest(site / "site")

    apply_case(INVALID_CASES / "missing-required-field", site)
    second = run_script("build", "--config", str(site / "mkdocs.yml"), cwd=site)
    assert second.returncode != 0
    assert "docs/01-alpha/first-lesson.md:1: duration: is missing" in second.stdout + second.stderr
    assert "unchanged" in second.stderr
    assert digest(site / "site") == before
    assert not (site / ".site.building").exists()


def test_broken_link_fails_strict_build_and_keeps_site(tmp_path):
    site = copy_fixture_site(tmp_path / "fixture")
    assert run_script("build", "--config", str(site / "mkdocs.yml"), cwd=site).returncode == 0
    before = digest(site / "site")
    home = site / "docs" / "index.md"
    home.write_text(home.read_text() + "\nSee [the missing anchor](01-alpha/first-lesson.md#no-such-section).\n")
    result = run_script("build", "--config", str(site / "mkdocs.yml"), cwd=site)
    assert result.returncode != 0
    assert "no-such-section" in result.stdout + result.stderr
    assert digest(site / "site") == before


def test_make_targets_are_phony():
    makefile = (ROOT / "Makefile").read_text()
    phony = set(re.search(r"^\.PHONY:(.*)$", makefile, re.M).group(1).split())
    assert {"site", "test", "serve"} <= phony
    # With site/ present, make still plans a build rather than calling it up to date.
    dry_run = subprocess.run(["make", "-n", "site"], cwd=ROOT, capture_output=True, text=True)
    assert "scripts/build" in dry_run.stdout


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text()
    readme = (ROOT / "README.md").read_text()
    assert readme.index("make site") < readme.index("make test") < 1200


def test_contributing_matches_the_schema():
    result = run_script("schema-docs", "--check")
    assert result.returncode == 0, result.stdout


def test_no_theme_font_and_no_other_hosts_in_config():
    config = (ROOT / "mkdocs.yml").read_text()
    assert re.search(r"^\s+font: false", config, re.M)
    assert "analytics" not in config


def test_both_builds_at_once_fail_together_and_keep_site_and_downloads(tmp_path):
    """With an offline config, the offline copy and the hosted site build at once: one failing stops both."""
    site = copy_fixture_site(tmp_path / "fixture")
    (site / "mkdocs.offline.yml").write_text(
        "INHERIT: mkdocs.yml\nuse_directory_urls: false\nextra:\n  offline_bundle: true\n", encoding="utf-8"
    )
    first = run_script("build", "--config", str(site / "mkdocs.yml"), cwd=site)
    assert first.returncode == 0, first.stdout + first.stderr
    assert (site / "dist" / "offline-es.zip").exists() and list((site / "dist").glob("*_es_*.zim"))
    page = (site / "site" / "es" / "offline" / "index.html").read_text(encoding="utf-8")
    assert "offline-es.zip, " in page and "data-download-size" not in page
    before, downloads = digest(site / "site"), digest(site / "dist")

    apply_case(INVALID_CASES / "missing-required-field", site)
    second = run_script("build", "--config", str(site / "mkdocs.yml"), cwd=site)
    assert second.returncode != 0 and "unchanged" in second.stderr
    assert "docs/01-alpha/first-lesson.md:1: duration: is missing" in second.stdout + second.stderr
    assert digest(site / "site") == before and digest(site / "dist") == downloads
    assert sorted(p.name for p in site.iterdir() if p.name.startswith(".")) == []
