"""Short links and copy-link buttons in a real headless Chromium."""

import pytest


@pytest.fixture(scope="session")
def base(fixture_built, serve):
    return serve(fixture_built)


@pytest.mark.parametrize("prefix, title", [("", "First lesson"), ("es/", "Primera lección")])
def test_short_link_lands_on_the_section_in_the_language(browser, base, prefix, title):
    context = browser.new_context(viewport={"width": 800, "height": 400})
    page = context.new_page()
    page.goto(f"{base}{prefix}go/first-lesson/#the-idea")
    page.wait_for_url(f"{base}{prefix}01-alpha/first-lesson/#the-idea")
    assert page.locator("h1").inner_text().startswith(title)
    assert page.locator("#the-idea").is_visible()
    assert page.evaluate("Math.abs(document.getElementById('the-idea').getBoundingClientRect().top) < 200")
    context.close()


def test_short_link_works_without_javascript(browser, base):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base}go/second-lesson/")
    page.wait_for_url(f"{base}01-alpha/second-lesson/")
    context.close()


def test_copy_link_copies_the_short_language_aware_link_from_the_keyboard(browser, base):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{base}es/01-alpha/first-lesson/")
    button = page.locator("h2#the-idea button.osm-copy-link")
    assert "La idea" in button.get_attribute("aria-label")
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('.osm-sr-status').textContent.length > 0")
    assert page.evaluate("navigator.clipboard.readText()") == f"{base}es/go/first-lesson/#the-idea"
    assert page.locator(".osm-sr-status").get_attribute("role") == "status"
    assert f"{base}es/go/first-lesson/#the-idea" in page.locator(".osm-sr-status").inner_text()
    page.locator("h1 button.osm-copy-link").click()
    page.wait_for_function("navigator.clipboard.readText().then(t => !t.includes('#'))")
    assert page.evaluate("navigator.clipboard.readText()") == f"{base}es/go/first-lesson/"
    context.close()
