"""Fingerprints, translation status and the stamp command."""

import json
import shutil

import pytest

from conftest import run_script
from curriculum import model, translation, validation
from curriculum.frontmatter import read_source
from helpers import FIXTURE_SITE, ROOT, copy_fixture_site

ROOT_CONFIG = ROOT / "mkdocs.yml"


def load(site):
    return model.load(site / "docs", site, ["en", "es", "fr"], "en")


def entry_from(text: str):
    source = read_source("x.md", text.encode())
    return model.Entry("x.md", "lesson", "en", "x.md", source)


LESSON = """---
id: a
title: A title
description: A description.
objectives:
  - Do a thing.
checklist:
  - id: one
    text: First task.
    dpg: [1]
order: 1
---

Body text.
"""


def test_fingerprint_ignores_yaml_form_and_untranslated_fields():
    base = translation.fingerprint(entry_from(LESSON))
    reformatted = LESSON.replace("title: A title", 'title: "A title"').replace("order: 1", "order: 7")
    reordered = reformatted.replace("id: a\ntitle", "title").replace("---\n\nBody", "id: a\n---\n\nBody")
    assert translation.fingerprint(entry_from(reordered)) == base
    assert translation.fingerprint(entry_from(LESSON.replace("Body text.", "Body text.  \n\n"))) == base


@pytest.mark.parametrize("change", [
    ("Body text.", "Different body text."),
    ("text: First task.", "text: First task, reworded."),
    ("title: A title", "title: Another title"),
    ("  - Do a thing.", "  - Do another thing."),
])
def test_fingerprint_changes_with_reader_text(change):
    assert translation.fingerprint(entry_from(LESSON.replace(*change))) != translation.fingerprint(entry_from(LESSON))


def test_status_translated_outdated_missing(tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    rows = {(r.src, r.lang): r.state for r in translation.status(load(site), ["en", "es", "fr"])}
    assert rows[("01-alpha/first-lesson.md", "es")] == "translated"
    assert rows[("01-alpha/first-lesson.md", "fr")] == "missing"
    assert rows[("01-alpha/second-lesson.md", "es")] == "missing"
    lesson = site / "docs" / "01-alpha" / "first-lesson.md"
    lesson.write_text(lesson.read_text().replace("Because.", "Because it matters."))
    rows = {(r.src, r.lang): r.state for r in translation.status(load(site), ["en", "es", "fr"])}
    assert rows[("01-alpha/first-lesson.md", "es")] == "outdated"


def test_summary_counts_and_percent(tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    rows = translation.status(load(site), ["en", "es"])
    counts = translation.summary(rows, ["en", "es"])["es"]
    assert counts["translated"] == 1 and counts["outdated"] == 0 and counts["missing"] == counts["total"] - 1
    assert counts["percent"] == round(100 / counts["total"])


def test_translation_of_a_page_that_no_longer_exists_is_an_error(tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    (site / "docs" / "01-alpha" / "second-lesson.md").rename(site / "docs" / "01-alpha" / "renamed.md")
    shutil.copy(site / "docs" / "01-alpha" / "first-lesson.es.md", site / "docs" / "01-alpha" / "second-lesson.es.md")
    problems = [str(p) for p in validation.validate(load(site))]
    assert any(p.startswith("docs/01-alpha/second-lesson.es.md:1: translation: translates 01-alpha/second-lesson.md, "
                            "which does not exist") for p in problems), problems


def test_stamp_rewrites_only_the_fingerprint_line():
    text = "---\nid: a\nsource_fingerprint: 000000000000\ntitle: T\n---\nBody\n"
    assert translation.stamp(text, "abcdefabcdef") == text.replace("000000000000", "abcdefabcdef")
    assert translation.stamp("---\nid: a\n---\nBody\n", "abcdefabcdef") == "---\nid: a\nsource_fingerprint: abcdefabcdef\n---\nBody\n"


def test_status_script_table_json_and_stamp(tmp_path):
    site = copy_fixture_site(tmp_path / "site")
    config = str(site / "mkdocs.yml")
    table = run_script("translation-status", "--config", config, cwd=site)
    assert table.returncode == 0, table.stderr
    assert "es" in table.stdout and "translated 01-alpha/first-lesson.md" in table.stdout
    lesson = site / "docs" / "01-alpha" / "first-lesson.md"
    lesson.write_text(lesson.read_text().replace("Because.", "Because it matters."))
    data = json.loads(run_script("translation-status", "--config", config, "--json", cwd=site).stdout)
    states = {(p["src"], p["lang"]): p["state"] for p in data["pages"]}
    assert states[("01-alpha/first-lesson.md", "es")] == "outdated"
    assert data["languages"]["es"]["outdated"] == 1
    stamped = run_script("translation-status", "--config", config, "--stamp", "docs/01-alpha/first-lesson.es.md", cwd=site)
    assert stamped.returncode == 0, stamped.stdout
    data = json.loads(run_script("translation-status", "--config", config, "--json", cwd=site).stdout)
    assert data["languages"]["es"]["outdated"] == 0


def test_fixture_translation_is_current():
    curriculum = load(FIXTURE_SITE)
    assert translation.page_state(curriculum, "01-alpha/first-lesson.es.md", "es") == "translated"
    assert translation.page_state(curriculum, "01-alpha/second-lesson.md", "es") == "fallback"
    assert translation.page_state(curriculum, "01-alpha/second-lesson.md", "en") is None


def test_status_page_matches_the_script(built_site):
    """The page readers see and the command translators run report the same numbers."""
    import re

    data = json.loads(run_script("translation-status", "--json").stdout)
    page = (built_site / "translation-status" / "index.html").read_text()
    for lang, counts in data["languages"].items():
        row = re.search(rf'<a href="#lang-{lang}">{lang}</a></td>\s*<td[^>]*>(\d+)</td>\s*<td[^>]*>(\d+)</td>\s*'
                        rf"<td[^>]*>(\d+)</td>", page)
        assert row, lang
        assert tuple(int(n) for n in row.groups()) == (counts["translated"], counts["outdated"], counts["missing"])


def test_site_name_is_translated_in_header_title_and_manifest(built_site):
    from curriculum import interface, languages

    config = languages.read_mkdocs_yml(ROOT_CONFIG)
    assert interface.text("site.name", "en") == config["site_name"], "i18n/interface.yml site.name en must match mkdocs.yml"
    for lang in ("es", "fr", "fa", "hi", "ne", "sw"):
        name = interface.text("site.name", lang)
        assert name != config["site_name"], f"{lang}: site.name is not translated"
        page = (built_site / lang / "01-licensing" / "index.html").read_text(encoding="utf-8")
        title = page[page.index("<title>") : page.index("</title>")]
        assert name in title, f"{lang}: {title}"
        header = page[page.index('class="md-header__topic"') :][:400]
        assert name in header, f"{lang}: the header does not name the site in its language"
        manifest = json.loads((built_site / lang / "manifest.webmanifest").read_text(encoding="utf-8"))
        assert manifest["name"] == name and manifest["short_name"] == interface.text("site.short_name", lang)
