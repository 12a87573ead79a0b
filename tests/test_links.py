"""Stable links: short links, aliases, the URL lock and the link check over the built site."""

import shutil
from pathlib import Path

import pytest

from conftest import run_script
from curriculum import model, redirects, site_links
from helpers import FIXTURE_SITE, copy_fixture_site


@pytest.fixture
def curriculum():
    return model.load(FIXTURE_SITE / "docs", FIXTURE_SITE, ["en", "es"], "en")


def test_short_links_and_aliases_point_at_the_lesson_in_each_language(curriculum):
    curriculum.modules[0].lessons[1].meta["aliases"] = ["01-alpha/old-name.md"]
    urls = {"01-alpha/first-lesson.md": "es/01-alpha/first-lesson/", "01-alpha/second-lesson.md": "es/01-alpha/second-lesson/"}
    found = redirects.redirects(curriculum, urls, True, "es")
    assert found["es/go/first-lesson/index.html"] == ("../../01-alpha/first-lesson/", "01-alpha/first-lesson.md")
    assert found["es/01-alpha/old-name/index.html"] == ("../second-lesson/", "01-alpha/second-lesson.md")
    assert "es/go/third-lesson/index.html" not in found  # no URL known for it in this build


def test_redirects_for_file_urls(curriculum):
    found = redirects.redirects(curriculum, {"01-alpha/first-lesson.md": "01-alpha/first-lesson.html"}, False)
    assert found["go/first-lesson.html"] == ("../01-alpha/first-lesson.html", "01-alpha/first-lesson.md")


def test_redirect_page_works_without_javascript_and_is_not_indexed():
    html = redirects.render("../x/", "A <title>", "fa")
    assert '<meta http-equiv="refresh" content="0; url=../x/">' in html
    assert '<link rel="canonical" href="../x/">' in html
    assert '<meta name="robots" content="noindex">' in html
    assert '<a href="../x/">A &lt;title&gt;</a>' in html and 'lang="fa"' in html


def test_short_link_and_relative_urls():
    assert redirects.short_link("choosing-a-license") == "go/choosing-a-license/"
    assert redirects.short_link("choosing-a-license", "es") == "es/go/choosing-a-license/"
    assert redirects.relative_to_page("es/go/x/", "es/01-a/lesson/") == "../../go/x/"
    assert redirects.relative_to_page("go/x/", "") == "go/x/"
    assert redirects.relative_to_page("", "es/a/") == "../../"


def write(site: Path, path: str, html: str):
    (site / path).parent.mkdir(parents=True, exist_ok=True)
    (site / path).write_text(html)


def test_anchor_extraction_and_link_check(tmp_path):
    write(tmp_path, "index.html", '<h1 id="top">T</h1><a href="a/#part">ok</a><a href="a/#nope">bad anchor</a>'
                                  '<a href="missing/">bad page</a><a href="https://example.org/x">out</a>'
                                  '<a href="/a/">rooted</a><a href="mailto:x@y.z">mail</a><a href="#top">self</a>')
    write(tmp_path, "a/index.html", '<h2 id="part">Part</h2><div id="box"></div>')
    page = site_links.read_page(tmp_path / "a" / "index.html")
    assert page.ids == {"part", "box"} and page.heading_ids == ["part"]
    report = site_links.check(tmp_path)
    assert sorted(line.split(": ", 1)[1] for line in report.broken) == [
        "link to /a/: starts at the server root, so it breaks below a sub-path and offline; make it relative",
        "link to a/#nope: the page has no section #nope",
        "link to missing/: no such page or file",
    ]
    assert report.external == {"https://example.org/x"}


def test_lock_comparison_and_redirects_serving_anchors(tmp_path):
    write(tmp_path, "lesson/index.html", '<h2 id="a">A</h2><h2 id="b">B</h2>')
    write(tmp_path, "go/lesson/index.html", '<meta http-equiv="refresh" content="0; url=../../lesson/">')
    urls = site_links.published_urls(site_links.scan(tmp_path), {"lesson/"})
    assert urls == {"lesson/", "lesson/#a", "lesson/#b", "go/lesson/", "go/lesson/#a", "go/lesson/#b"}
    assert site_links.lost_urls({"lesson/#a", "old/", "lesson/#c"}, urls) == ["lesson/#c", "old/"]


def test_lock_round_trip(tmp_path):
    lock = tmp_path / "lock.txt"
    site_links.write_lock(lock, {"b/", "a/"})
    assert lock.read_text().splitlines()[-2:] == ["a/", "b/"]
    assert site_links.read_lock(lock) == {"a/", "b/"}


def test_real_site_serves_every_locked_url(built_site):
    result = run_script("lock-urls", "--check", "--site", str(built_site))
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_lesson_has_a_short_link_in_every_language(built_site):
    from helpers import load_real_curriculum

    curriculum = load_real_curriculum()
    for lesson in curriculum.lessons():
        for prefix in ("", "es/", "fr/", "fa/", "hi/", "ne/", "sw/"):
            page = built_site / f"{prefix}go/{lesson.meta['id']}/index.html"
            assert page.exists(), page


def build(site: Path):
    result = run_script("build", "--config", str(site / "mkdocs.yml"), cwd=site)
    assert result.returncode == 0, result.stdout + result.stderr


def lock_check(site: Path, lock: Path, *extra):
    return run_script("lock-urls", "--site", str(site / "site"), "--config", str(site / "mkdocs.yml"),
                      "--lock", str(lock), *extra, cwd=site)


def test_renaming_a_lesson_without_an_alias_breaks_the_lock_and_an_alias_mends_it(tmp_path):
    site = copy_fixture_site(tmp_path / "fixture")
    lock = tmp_path / "published-urls.txt"
    build(site)
    assert lock_check(site, lock).returncode == 0  # publish the first version

    docs = site / "docs" / "01-alpha"
    shutil.move(docs / "second-lesson.md", docs / "renamed-lesson.md")
    build(site)
    failed = lock_check(site, lock, "--check")
    assert failed.returncode == 1
    assert "01-alpha/second-lesson/" in failed.stdout and "es/01-alpha/second-lesson/" in failed.stdout
    assert "01-alpha/second-lesson/#before-you-move-on" in failed.stdout
    assert "aliases" in failed.stdout

    lesson = docs / "renamed-lesson.md"
    lesson.write_text(lesson.read_text().replace("prerequisites:", "aliases:\n  - 01-alpha/second-lesson.md\nprerequisites:", 1))
    build(site)
    passed = lock_check(site, lock, "--check")
    assert "would no longer be served" not in passed.stdout, passed.stdout
