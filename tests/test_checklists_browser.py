"""Checklists in a real headless Chromium: progress by item id, shared across pages and languages, on http and file://."""

import json

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import run_script
from helpers import copy_fixture_site

LESSON = "01-alpha/first-lesson/"
MODULE_CHECKLIST = "01-alpha/checklist/"




@pytest.fixture
def base(fixture_built, serve):
    return serve(fixture_built)


@pytest.fixture
def context(browser):
    context = browser.new_context()
    errors = []
    context.on("weberror", lambda e: errors.append(str(e.error)))
    yield context
    context.close()
    assert errors == [], errors


def progress_text(page, index=0):
    return page.locator("[data-checklist-progress-text]").nth(index).inner_text()


def test_tick_on_lesson_shows_on_module_checklist_after_reload(context, base):
    page = context.new_page()
    page.goto(base + LESSON)
    page.locator('input[data-checklist-item="first-item"]').check()
    assert progress_text(page) == "1 of 2 done"
    page.goto(base + MODULE_CHECKLIST)
    page.reload()
    assert page.locator('input[data-checklist-item="first-item"]').is_checked()
    assert not page.locator('input[data-checklist-item="second-item"]').is_checked()
    assert progress_text(page) == "1 of 3 done"
    assert page.locator(".osm-progress progress").first.evaluate("p => p.value") == 1
    page.goto(base + "checklist/")
    assert page.locator('input[data-checklist-item="first-item"]').is_checked()
    assert progress_text(page) == "1 of 4 done"


def test_progress_is_shared_across_languages(context, base):
    page = context.new_page()
    page.goto(base + "es/" + LESSON)
    assert "Hacer lo primero." in page.locator(".osm-checklist").inner_text()
    page.locator('input[data-checklist-item="second-item"]').check()
    page.goto(base + MODULE_CHECKLIST)
    assert page.locator('input[data-checklist-item="second-item"]').is_checked()


def test_unticking_removes_progress(context, base):
    page = context.new_page()
    page.goto(base + MODULE_CHECKLIST)
    box = page.locator('input[data-checklist-item="third-item"]')
    box.check()
    box.uncheck()
    page.reload()
    assert not box.is_checked()
    assert progress_text(page) == "0 of 3 done"


def test_copy_as_task_list_gives_markdown_with_links(browser, base):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(base + MODULE_CHECKLIST)
    page.locator('input[data-checklist-item="first-item"]').check()
    page.get_by_role("button", name="Copy as task list").click()
    page.wait_for_function("document.querySelector('[data-checklist-status]').textContent.length > 0")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == (
        f"- [x] Do the first thing. ([First lesson]({base}01-alpha/first-lesson/#the-idea))\n"
        f"- [ ] Do the second thing. ([First lesson]({base}01-alpha/first-lesson/))\n"
        f"- [ ] Do the third thing. ([Second lesson]({base}01-alpha/second-lesson/))\n"
    )
    assert "Copied 3 tasks" in page.locator("[data-checklist-status]").first.inner_text()
    context.close()


def test_export_then_import_on_a_fresh_profile_restores_progress(browser, base, tmp_path):
    first = browser.new_context(accept_downloads=True)
    page = first.new_page()
    page.goto(base + MODULE_CHECKLIST)
    page.locator('input[data-checklist-item="first-item"]').check()
    page.locator('input[data-checklist-item="third-item"]').check()
    with page.expect_download() as download:
        page.get_by_role("button", name="Export progress").click()
    saved = tmp_path / "progress.json"
    download.value.save_as(saved)
    data = json.loads(saved.read_text())
    assert data["format"] == "open-source-mentorship-progress"
    assert sorted(data["done"]) == ["first-item", "third-item"]
    first.close()

    fresh = browser.new_context()
    page = fresh.new_page()
    page.goto(base + "checklist/")
    assert progress_text(page) == "0 of 4 done"
    page.locator("[data-checklist-import]").first.set_input_files(str(saved))
    page.wait_for_function("document.querySelector('[data-checklist-progress-text]').textContent.startsWith('2')")
    page.goto(base + MODULE_CHECKLIST)
    assert page.locator('input[data-checklist-item="first-item"]').is_checked()
    assert page.locator('input[data-checklist-item="third-item"]').is_checked()
    fresh.close()


def test_importing_a_wrong_file_changes_nothing(context, base, tmp_path):
    page = context.new_page()
    page.goto(base + MODULE_CHECKLIST)
    page.locator('input[data-checklist-item="second-item"]').check()
    wrong = tmp_path / "notes.json"
    wrong.write_text('{"hello": "world"}')
    page.locator("[data-checklist-import]").first.set_input_files(str(wrong))
    page.wait_for_function("document.querySelector('[data-checklist-status]').textContent.length > 0")
    assert "not a progress file" in page.locator("[data-checklist-status]").first.inner_text()
    assert page.locator('input[data-checklist-item="second-item"]').is_checked()


@pytest.mark.parametrize("garbage", [
    "{not json", '"a string"', "[1, 2, 3]", '{"done": [1, 2]}', '{"done": {"first-item": 5, "BAD ID": "x"}}', "null",
])
def test_garbage_in_storage_does_not_break_the_page(browser, base, garbage):
    context = browser.new_context()
    context.add_init_script(f"localStorage.setItem('osm-checklist-v1', {json.dumps(garbage)})")
    errors = []
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base + MODULE_CHECKLIST)
    assert progress_text(page) == "0 of 3 done"
    page.locator('input[data-checklist-item="third-item"]').check()
    assert progress_text(page) == "1 of 3 done"
    assert errors == []
    context.close()


def test_without_javascript_the_checklist_is_a_readable_list_with_links(browser, base):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + MODULE_CHECKLIST)
    assert page.locator(".osm-checklist li").count() == 3
    assert page.locator(".osm-checklist a[href]").count() == 3
    assert not page.locator("[data-checklist-tools]").first.is_visible()
    context.close()


def test_checklist_page_has_no_serious_accessibility_violations(context, base):
    page = context.new_page()
    page.goto(base + "checklist/")
    violations = Axe().run(page).response["violations"]
    assert [v["id"] for v in violations if v["impact"] in ("serious", "critical")] == []


def test_progress_works_from_the_file_system(browser, tmp_path):
    """An offline copy (no server, .html URLs) keeps progress between pages too."""
    site = copy_fixture_site(tmp_path / "fixture")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text() + "use_directory_urls: false\n")
    result = run_script("build", "--config", str(config), cwd=site)
    assert result.returncode == 0, result.stdout + result.stderr
    context = browser.new_context()
    page = context.new_page()
    page.goto((site / "site" / "01-alpha" / "first-lesson.html").as_uri())
    page.locator('input[data-checklist-item="first-item"]').check()
    page.locator("a", has_text="See all tasks of this module").click()
    assert page.url.endswith("01-alpha/checklist.html")
    page.reload()
    assert page.locator('input[data-checklist-item="first-item"]').is_checked()
    assert progress_text(page) == "1 of 3 done"
    context.close()


PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"


@pytest.mark.parametrize("lang, digits", [("fa", PERSIAN_DIGITS), ("ne", "०१२३४५६७८९"), ("hi", "0123456789")])
def test_progress_is_written_in_the_readers_digits(browser, built_site, serve, lang, digits):
    # The server writes "0 of N" and the browser rewrites it on each tick: both in the same digits.
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(serve(built_site) + f"{lang}/01-licensing/checklist/")
        total = page.locator("input[data-checklist-item]").count()
        server_text = (built_site / lang / "01-licensing" / "checklist" / "index.html").read_text()
        expected_total = "".join(digits[int(d)] for d in str(total))
        assert expected_total in server_text
        page.locator("input[data-checklist-item]").first.check()
        shown = progress_text(page)
        assert digits[1] in shown and expected_total in shown, shown
        other = set("0123456789" + PERSIAN_DIGITS + "०१२३४५६७८९") - set(digits)
        assert not other & set(shown), f"{lang}: mixed digits in {shown!r}"
    finally:
        context.close()
