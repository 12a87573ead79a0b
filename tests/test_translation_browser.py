"""Languages in a real headless Chromium: switching keeps the place, Persian reads right to left, notices show."""

from axe_playwright_python.sync_playwright import Axe

from conftest import run_script
from helpers import copy_fixture_site, load_real_curriculum


def test_language_menu_keeps_the_page_and_section(page, fixture_built, serve):
    base = serve(fixture_built)
    page.goto(base + "01-alpha/first-lesson/#the-idea")
    page.locator(".md-header__option .md-select button").click()
    page.locator('a.md-select__link[hreflang="es"]').click()
    page.wait_for_url("**/es/01-alpha/first-lesson/#the-idea")
    assert page.locator("h1").inner_text() == "Primera lección"
    assert page.evaluate("location.hash") == "#the-idea"


def test_untranslated_page_shows_english_with_a_notice(page, fixture_built, serve):
    base = serve(fixture_built)
    page.goto(base + "es/01-alpha/second-lesson/")
    notice = page.locator('[data-translation-status="fallback"]')
    assert notice.is_visible()
    assert notice.get_attribute("lang") == "es"
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("article div[lang='en']").count() == 1  # the English text is marked as English
    notice.locator("a").click()
    page.wait_for_url("**/es/using-this-site/#languages")


def test_translated_page_shows_no_notice(page, fixture_built, serve):
    base = serve(fixture_built)
    page.goto(base + "es/01-alpha/first-lesson/")
    assert page.locator("[data-translation-status]").count() == 0


def test_outdated_translation_says_so_after_the_english_changes(page, tmp_path, serve):
    site = copy_fixture_site(tmp_path / "fixture")
    lesson = site / "docs" / "01-alpha" / "first-lesson.md"
    lesson.write_text(lesson.read_text().replace("Because.", "Because it changes how you work."))
    result = run_script("build", "--config", str(site / "mkdocs.yml"), cwd=site)
    assert result.returncode == 0, result.stdout + result.stderr
    base = serve(site / "site")
    page.goto(base + "es/01-alpha/first-lesson/")
    notice = page.locator('[data-translation-status="outdated"]')
    assert notice.is_visible()
    notice.locator("a").click()
    page.wait_for_url(base + "01-alpha/first-lesson/")
    assert "Because it changes how you work." in page.locator("article").inner_text()


def persian_lesson() -> str:
    curriculum = load_real_curriculum()
    translated = [e for e in curriculum.entries if e.lang == "fa" and e.kind == "lesson"]
    src = (translated[0].source_src if translated else curriculum.modules[0].lessons[0].src)
    return "fa/" + src[: -len(".md")] + "/"


def test_persian_reads_right_to_left_without_sideways_scrolling(browser, built_site, serve):
    base = serve(built_site)
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(base + persian_lesson())
    html = page.locator("html")
    assert html.get_attribute("dir") == "rtl" and html.get_attribute("lang") == "fa"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-content')).direction") == "rtl"
    checklist = page.locator(".osm-checklist").first
    assert checklist.evaluate("node => getComputedStyle(node).direction") == "rtl"
    code = page.locator("article pre code").first
    if code.count():
        assert code.evaluate("node => getComputedStyle(node).direction") == "ltr"
    # Inline code in a Persian sentence keeps its own order (`http://` not //:http).
    inline = page.locator("article p code").first
    assert inline.evaluate("node => getComputedStyle(node).unicodeBidi") == "isolate"
    serious = [v["id"] for v in Axe().run(page).response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []
    context.close()


def test_every_language_has_its_site(built_site):
    for lang in ("es", "fr", "fa", "hi", "ne", "sw"):
        assert (built_site / lang / "index.html").exists(), lang
        assert (built_site / lang / "01-licensing" / "checklist" / "index.html").exists(), lang
